/* test-dashboard.c: the managers' dashboard over a real SQLite store: the figures of the month
 * as the store counts them, every tile that counts records opening a list holding exactly as
 * many records as the tile says, a record of the list opening its page, a clerk reading their
 * own figures only, a step back to an empty period, and a section and the whole dashboard
 * written as CSV (UTF-8 with a byte-order mark, and GB18030) and as a PDF report, read back.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-csv.h"
#include "dashboard/kefu-dashboard-clerks-view.h"
#include "dashboard/kefu-dashboard-pane.h"
#include "dashboard/kefu-dashboard-records-dialog.h"
#include "dashboard/kefu-shift-notes-view.h"
#include "widgets/kefu-figure-tile.h"
#include "store/kefu-store-shift-notes.h"
#include "widgets/kefu-live.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"

typedef struct
{
  char              *dir;
  KefuStore         *store;
  gint64             department;
  gint64             clerk;      /* 王芳 */
  gint64             clerk2;     /* 李强 */
  gint64             manager;
  GtkWindow         *window;
  KefuDashboardPane *pane;
} Fixture;

static void
save_inquiry (Fixture   *f,
              gint64     clerk,
              const char *phone,
              GDateTime *received)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(GError) error = NULL;
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);

  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  kefu_call_set_caller_name (call, "王伟");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received);
  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRICES);
  kefu_inquiry_set_answer (inquiry, "鲜牛奶每瓶 12.50 元");
  kefu_store_set_actor (f->store, clerk);
  g_assert_true (kefu_store_save_call (f->store, call, NULL, &error));
  g_assert_no_error (error);
}

static void
save_complaint (Fixture    *f,
                gint64      clerk,
                const char *phone,
                gboolean    harmed,
                GDateTime  *received)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GError) error = NULL;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, "张三");
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received);
  kefu_complaint_set_subject (complaint, "送奶员");
  kefu_complaint_set_reason (complaint, "送奶晚了两个小时");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  kefu_complaint_set_staff_identity (complaint, "工号 1024");
  kefu_complaint_set_work_place (complaint, "朝阳站");
  kefu_complaint_set_work_manner (complaint, "送奶到户");
  kefu_complaint_set_harmed (complaint, harmed);
  kefu_call_set_complaint (call, complaint);
  kefu_store_set_actor (f->store, clerk);
  g_assert_true (kefu_store_save_call (f->store, call, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  kefu_test_reset_settings ();
  f->dir = kefu_test_make_dir ();
  f->store = kefu_test_open_store (f->dir);
  kefu_store_set_system_actor (f->store);
  f->department = kefu_test_make_department (f->store, "客服中心");
  f->clerk = kefu_test_make_staff (f->store, "王芳", "wangfang", KEFU_ROLE_CLERK, f->department,
                                   TRUE);
  f->clerk2 = kefu_test_make_staff (f->store, "李强", "liqiang", KEFU_ROLE_CLERK, f->department,
                                    TRUE);
  f->manager = kefu_test_make_staff (f->store, "赵敏", "zhaomin", KEFU_ROLE_CS_MANAGER,
                                     f->department, TRUE);

  /* This month's calls, all in the last half minute so that they are of this month and this day:
   * 王芳 3 inquiries and 2 complaints (one of a harmed customer), 李强 2 inquiries and
   * 1 complaint. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_seconds (now, -(10.0 + i));
      g_autofree char *phone = g_strdup_printf ("1380013800%u", i);

      save_inquiry (f, f->clerk, phone, at);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_seconds (now, -(20.0 + i));
      g_autofree char *phone = g_strdup_printf ("1390013900%u", i);

      save_inquiry (f, f->clerk2, phone, at);
    }
  {
    g_autoptr(GDateTime) a = g_date_time_add_seconds (now, -5);
    g_autoptr(GDateTime) b = g_date_time_add_seconds (now, -6);
    g_autoptr(GDateTime) c = g_date_time_add_seconds (now, -7);

    save_complaint (f, f->clerk, "13700137001", TRUE, a);
    save_complaint (f, f->clerk, "13700137002", FALSE, b);
    save_complaint (f, f->clerk2, "13700137003", FALSE, c);
  }
  kefu_store_set_actor (f->store, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  kefu_test_flush ();
  g_assert_finalize_object (f->store);
  kefu_test_remove_dir (f->dir);
  g_free (f->dir);
}

typedef struct
{
  int    kind;
  gint64 id;
} Opened;

static void
open_record_cb (KefuDashboardPane *pane,
                int                kind,
                gint64             id,
                Opened            *opened)
{
  opened->kind = kind;
  opened->id = id;
}

static void
wait_for_pane (Fixture *f)
{
  gboolean busy = TRUE;

  kefu_test_wait_until ((g_object_get (f->pane, "busy", &busy, NULL), !busy) &&
                        kefu_dashboard_pane_get_dashboard (f->pane) != NULL);
  kefu_test_flush ();
}

static void
show_pane (Fixture *f,
           gint64   staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (f->store, staff_id, NULL, &error);

  g_assert_no_error (error);
  kefu_store_set_actor (f->store, staff_id);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1300, 900);
  f->pane = KEFU_DASHBOARD_PANE (kefu_dashboard_pane_new ());
  g_object_set (f->pane, "store", f->store, "staff", staff, NULL);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->pane));
  gtk_window_present (f->window);
  wait_for_pane (f);
}

/* The pane from top to bottom, a screen at a time (with KEFU_TEST_SHOTS). */
static void
save_shots (Fixture    *f,
            const char *name)
{
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;

  if (g_getenv ("KEFU_TEST_SHOTS") == NULL)
    return;
  /* The figures' scrolled window, not the hand-over notes'. */
  {
    g_autoptr(GPtrArray) all = kefu_test_find_all (GTK_WIDGET (f->pane), GTK_TYPE_SCROLLED_WINDOW);

    scrolled = NULL;
    for (guint i = 0; i < all->len && scrolled == NULL; i++)
      if (gtk_widget_get_ancestor (all->pdata[i], KEFU_TYPE_SHIFT_NOTES_VIEW) == NULL)
        scrolled = all->pdata[i];
    g_assert_nonnull (scrolled);
  }
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *shot = i == 0 ? g_strdup (name) : g_strdup_printf ("%s-%u", name, i + 1);
      double value = i * gtk_adjustment_get_page_size (adjustment) * 0.9;

      if (i > 0 && value >= gtk_adjustment_get_upper (adjustment))
        break;
      gtk_adjustment_set_value (adjustment, value);
      kefu_test_maybe_save_shot (GTK_WIDGET (f->window), shot);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

static KefuFigureTile *
find_tile (Fixture    *f,
           const char *title)
{
  g_autoptr(GPtrArray) tiles = kefu_test_find_all (GTK_WIDGET (f->pane), KEFU_TYPE_FIGURE_TILE);

  for (guint i = 0; i < tiles->len; i++)
    if (g_strcmp0 (kefu_figure_tile_get_title (tiles->pdata[i]), title) == 0)
      return tiles->pdata[i];
  g_error ("No tile “%s”", title);
  return NULL;
}

/* Clicks `tile` and waits for its records; returns the dialog (closed by the caller). */
static KefuDashboardRecordsDialog *
open_tile (Fixture        *f,
           KefuFigureTile *tile)
{
  KefuDashboardRecordsDialog *dialog;

  g_assert_null (kefu_dashboard_pane_get_records_dialog (f->pane));
  g_signal_emit_by_name (tile, "clicked");
  kefu_test_wait_until (kefu_dashboard_pane_get_records_dialog (f->pane) != NULL);
  dialog = KEFU_DASHBOARD_RECORDS_DIALOG (kefu_dashboard_pane_get_records_dialog (f->pane));
  kefu_test_wait_until (!kefu_dashboard_records_dialog_get_busy (dialog));
  return dialog;
}

static void
close_dialog (Fixture   *f,
              AdwDialog *dialog)
{
  adw_dialog_force_close (dialog);
  kefu_test_wait_until (kefu_dashboard_pane_get_records_dialog (f->pane) == NULL);
}

static void
test_figures_and_tiles (Fixture       *f,
                        gconstpointer  data)
{
  const KefuDashboard *dashboard;
  g_autoptr(GPtrArray) tiles = NULL;
  KefuDashboardRecordsDialog *dialog;
  guint n_counted = 0;

  show_pane (f, f->manager);
  dashboard = kefu_dashboard_pane_get_dashboard (f->pane);
  g_assert_cmpuint (dashboard->calls_total.value, ==, 8);
  g_assert_cmpuint (dashboard->calls[KEFU_CALL_KIND_INQUIRY].value, ==, 5);
  g_assert_cmpuint (dashboard->calls[KEFU_CALL_KIND_COMPLAINT].value, ==, 3);
  g_assert_cmpuint (dashboard->opened.value, ==, 3);
  g_assert_cmpuint (dashboard->harmed.value, ==, 1);
  g_assert_cmpuint (kefu_figure_tile_get_value (find_tile (f, "All Calls")), ==, 8);
  save_shots (f, "dashboard");

  /* Every tile of a count that lists its records lists as many as it shows. */
  tiles = kefu_test_find_all (GTK_WIDGET (f->pane), KEFU_TYPE_FIGURE_TILE);
  for (guint i = 0; i < tiles->len; i++)
    {
      KefuFigureTile *tile = tiles->pdata[i];

      if (gtk_actionable_get_action_name (GTK_ACTIONABLE (tile)) == NULL ||
          kefu_figure_tile_get_unit (tile) != KEFU_CHART_UNIT_COUNT)
        continue;
      dialog = open_tile (f, tile);
      g_test_message ("%s: %g (%.1f s)", kefu_figure_tile_get_title (tile),
                      kefu_figure_tile_get_value (tile), g_get_monotonic_time () / 1e6);
      g_assert_cmpuint (kefu_dashboard_records_dialog_get_n_records (dialog), ==,
                        (guint) kefu_figure_tile_get_value (tile));
      if (g_strcmp0 (kefu_figure_tile_get_title (tile), "Complaints Opened") == 0)
        kefu_test_maybe_save_shot (GTK_WIDGET (f->window), "dashboard-records");
      close_dialog (f, ADW_DIALOG (dialog));
      n_counted++;
    }
  /* Calls, complaints, callbacks and after-sales each have tiles that list. */
  g_assert_cmpuint (n_counted, >=, 15);

  /* A record of the list opens its page: the pane asks the window, and the list closes. */
  {
    Opened opened = { -1, 0 };

    g_signal_connect (f->pane, "open-record", G_CALLBACK (open_record_cb), &opened);
    dialog = open_tile (f, find_tile (f, "Complaints Opened"));
    g_assert_cmpuint (kefu_dashboard_records_dialog_get_n_records (dialog), ==, 3);
    kefu_dashboard_records_dialog_activate (dialog, 0);
    g_assert_cmpint (opened.kind, ==, KEFU_DASHBOARD_RECORD_COMPLAINT);
    g_assert_cmpint (opened.id, >, 0);
    kefu_test_wait_until (kefu_dashboard_pane_get_records_dialog (f->pane) == NULL);
    g_signal_handlers_disconnect_by_data (f->pane, &opened);
  }
}

/* A clerk reads their own figures: no team or clerk to choose. */
static void
test_clerk_own_figures (Fixture       *f,
                        gconstpointer  data)
{
  const KefuDashboard *dashboard;
  g_autoptr(GPtrArray) dropdowns = NULL;
  KefuDashboardRecordsDialog *dialog;

  show_pane (f, f->clerk2);
  dashboard = kefu_dashboard_pane_get_dashboard (f->pane);
  g_assert_cmpint (dashboard->query.clerk_id, ==, f->clerk2);
  g_assert_cmpuint (dashboard->calls_total.value, ==, 3);
  g_assert_cmpuint (dashboard->calls[KEFU_CALL_KIND_INQUIRY].value, ==, 2);
  g_assert_cmpuint (dashboard->opened.value, ==, 1);
  dropdowns = kefu_test_find_all (GTK_WIDGET (f->pane), GTK_TYPE_DROP_DOWN);
  for (guint i = 0; i < dropdowns->len; i++)
    if (gtk_widget_get_ancestor (dropdowns->pdata[i], KEFU_TYPE_SHIFT_NOTES_VIEW) == NULL)
      g_assert_false (gtk_widget_get_visible (dropdowns->pdata[i]));

  dialog = open_tile (f, find_tile (f, "All Calls"));
  g_assert_cmpuint (kefu_dashboard_records_dialog_get_n_records (dialog), ==, 3);
  close_dialog (f, ADW_DIALOG (dialog));
}

/* The month before holds nothing: every count is 0, and a step forward comes back. */
static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  const KefuDashboard *dashboard;
  KefuPeriod period;

  show_pane (f, f->manager);
  kefu_dashboard_pane_get_period (f->pane, &period);
  g_assert_cmpint (period.kind, ==, KEFU_PERIOD_MONTH);
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "dashboard.previous", NULL);
  wait_for_pane (f);
  kefu_test_wait_until (g_date_days_between (&kefu_dashboard_pane_get_dashboard (f->pane)->query.last,
                                             &period.first) == 1);
  dashboard = kefu_dashboard_pane_get_dashboard (f->pane);
  g_assert_cmpuint (dashboard->calls_total.value, ==, 0);
  g_assert_cmpuint (dashboard->opened.value, ==, 0);
  g_assert_cmpuint (dashboard->median_resolve.n, ==, 0);
  /* …but the calls of this month are its "previous" period's "next": they count as now. */
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "dashboard.next", NULL);
  kefu_test_wait_until (kefu_dashboard_pane_get_dashboard (f->pane)->calls_total.value == 8);
}

/* A call saved at another workstation reaches the dashboard through the change feed, and the
 * figures are counted again (within the pane's refresh interval). */
static void
test_live_refresh (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KefuLive) live = kefu_live_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 1;

  KefuFigureTile *tile;

  show_pane (f, f->manager);
  g_object_set (f->pane, "live", live, NULL);
  g_assert_cmpuint (kefu_dashboard_pane_get_dashboard (f->pane)->calls_total.value, ==, 8);
  /* The tile a clerk's keyboard is on stays the same widget, with the focus, while the figures
   * are read again. */
  tile = find_tile (f, "Inquiry Calls");
  g_assert_cmpuint (kefu_figure_tile_get_value (tile), ==, 5);
  gtk_widget_grab_focus (GTK_WIDGET (tile));
  save_inquiry (f, f->clerk2, "13600136000", now);
  kefu_store_set_actor (f->store, f->manager);
  g_array_append_val (ids, id);
  kefu_live_feed (live, "calls", ids);
  kefu_live_flush (live);
  kefu_test_wait_until (kefu_dashboard_pane_get_dashboard (f->pane)->calls_total.value == 9);
  g_assert_true (find_tile (f, "Inquiry Calls") == tile);
  g_assert_cmpuint (kefu_figure_tile_get_value (tile), ==, 6);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (tile)));
}

/* A hand-over note the manager has not read opens the notes beside the figures, and the pane
 * says how many there are (the window shows it on the Dashboard row). */
static void
test_unread_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revealers = NULL;

  kefu_store_set_actor (f->store, f->clerk);
  note = kefu_store_write_shift_note (f->store, "张三的投诉明早九点前回电", TRUE, NULL, NULL,
                                      &error);
  g_assert_no_error (error);
  show_pane (f, f->manager);
  kefu_test_wait_until (kefu_dashboard_pane_get_n_unread (f->pane) == 1);
  revealers = kefu_test_find_all (GTK_WIDGET (f->pane), GTK_TYPE_REVEALER);
  g_assert_cmpuint (revealers->len, >=, 1);
  g_assert_true (gtk_revealer_get_reveal_child (revealers->pdata[0]));
  save_shots (f, "dashboard-notes");

  /* The notes beside the figures still fit a window of 1,280 px less the sidebar: the figures'
   * columns, the clerks' table (it scrolls sideways) and the notes give way. */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (f->pane), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL,
                        NULL, NULL);
    g_assert_cmpint (min, <=, 900);
  }
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-layout", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static gboolean
has_row (GPtrArray  *rows,
         const char *a,
         const char *b,
         const char *c)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = rows->pdata[i];

      if (g_strv_length (fields) >= 3 && g_str_equal (fields[0], a) &&
          g_str_equal (fields[1], b) && g_str_equal (fields[2], c))
        return TRUE;
    }
  return FALSE;
}

static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "calls.csv", NULL);
  g_autofree char *gb = g_build_filename (f->dir, "all-gb18030.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "dashboard.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  KefuCsvEncoding encoding;
  gsize length;

  show_pane (f, f->manager);

  /* A section: UTF-8 with a byte-order mark, CRLF, read back by the importer's parser. */
  g_assert_true (kefu_dashboard_pane_save_csv (f->pane, "calls", csv, KEFU_CSV_ENCODING_UTF8_BOM,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, KEFU_CSV_BOM));
  g_assert_nonnull (strstr (contents, "\r\n"));
  g_assert_null (strstr (contents, "Complaints Opened"));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  rows = kefu_csv_parse (bytes, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, KEFU_CSV_ENCODING_UTF8_BOM);
  g_assert_true (has_row (rows, "Calls", "All Calls", "8"));
  g_assert_true (has_row (rows, "Calls", "Inquiry Calls", "5"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* The whole of it in GB18030 for older Excel: no mark, the names as they were. */
  g_assert_true (kefu_dashboard_pane_save_csv (f->pane, NULL, gb, KEFU_CSV_ENCODING_GB18030,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (gb, &contents, &length, &error));
  g_assert_false (g_str_has_prefix (contents, KEFU_CSV_BOM));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  rows = kefu_csv_parse (bytes, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, KEFU_CSV_ENCODING_GB18030);
  g_assert_true (has_row (rows, "Complaints", "Complaints Opened", "3"));
  /* The clerks' table: 王芳 served 5 calls, 3 of them inquiries. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < rows->len; i++)
      {
        char **fields = rows->pdata[i];

        if (g_strv_length (fields) >= 3 && g_str_equal (fields[0], "王芳"))
          {
            g_assert_cmpstr (fields[1], ==, "5");
            g_assert_cmpstr (fields[2], ==, "3");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* The PDF report, its text read back. */
  g_assert_true (kefu_dashboard_pane_save_pdf (f->pane, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_incomplete ("pdftotext (poppler-utils) is not installed: the PDF's text is not "
                         "checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Customer Service Report"));
  g_assert_nonnull (strstr (text, "Calls by Hour of Day"));
  g_assert_nonnull (strstr (text, "王芳"));
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add ("/kefu/dashboard/figures-and-tiles", Fixture, NULL, fixture_set_up,
              test_figures_and_tiles, fixture_tear_down);
  g_test_add ("/kefu/dashboard/clerk-own-figures", Fixture, NULL, fixture_set_up,
              test_clerk_own_figures, fixture_tear_down);
  g_test_add ("/kefu/dashboard/empty-period", Fixture, NULL, fixture_set_up,
              test_empty_period, fixture_tear_down);
  g_test_add ("/kefu/dashboard/live-refresh", Fixture, NULL, fixture_set_up, test_live_refresh,
              fixture_tear_down);
  g_test_add ("/kefu/dashboard/unread-notes", Fixture, NULL, fixture_set_up, test_unread_notes,
              fixture_tear_down);
  g_test_add ("/kefu/dashboard/exports", Fixture, NULL, fixture_set_up, test_exports,
              fixture_tear_down);
  return kefu_test_run (data_home);
}
