/* test-callback-report-dialog.c: the callback summary report made through its dialog over a
 * real store filled through the store's own calls at set times (the store's clock): callbacks
 * created on Monday 2026-11-02, claimed and recorded reached (satisfied with words, so-so, not
 * satisfied with words), no answer (still open), a wrong number (unreachable) and one done
 * after its deadline (late), and one in October for the previous period. The dialog's figures,
 * the store's report and the hand-counted figures agree; "Save as PDF…" (its code path, without
 * the file chooser) archives the report and writes a PDF whose text, read back with pdftotext,
 * carries the same figures, the customers' words and the archive number.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-callback-report-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "callbacks/kefu-callback-report-dialog.h"
#include "store/kefu-store-callback-report.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-clock.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"
#include "test-callbacks-ui.h"

static gboolean
in_english (void)
{
  return g_getenv ("KEFU_TEST_LOCALEDIR") == NULL;
}

typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     clerk;     /* 周敏 */
  gint64     manager;   /* 孙丽, the CS manager */
} Fixture;

static void
set_clock (KefuStore *store,
           int        month,
           int        day,
           int        hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, month, day, hour, 0, 0);

  kefu_store_set_clock (store, now);
}

static gint64
create (Fixture            *fixture,
        gint64              customer,
        KefuCallbackReason  reason)
{
  KefuCallbackInput input = {
    .customer_id = customer, .reason = reason, .method = KEFU_CALLBACK_METHOD_PHONE,
    .assigned_to = fixture->clerk,
  };
  g_autoptr(GError) error = NULL;
  gint64 id;

  kefu_store_set_actor (fixture->store, fixture->manager);
  id = kefu_store_create_callback (fixture->store, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 team, member1, other1, other2, other3, other4, other5, october;
  gint64 a, b, c, d, e, f, g;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  kefu_store_set_system_actor (fixture->store);
  team = kefu_test_make_department (fixture->store, "客服一组");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK,
                                         team, TRUE);
  fixture->manager = kefu_test_make_staff (fixture->store, "孙丽", "sunli",
                                           KEFU_ROLE_CS_MANAGER, team, TRUE);
  member1 = test_callbacks_customer (fixture->store, "张三", "13912345671", TRUE);
  test_callbacks_customer (fixture->store, "李四", "13912345672", TRUE);
  other1 = test_callbacks_customer (fixture->store, "王五", "13912345673", FALSE);
  other2 = test_callbacks_customer (fixture->store, "赵六", "13912345674", FALSE);
  other3 = test_callbacks_customer (fixture->store, "钱七", "13912345675", FALSE);
  other4 = test_callbacks_customer (fixture->store, "孙八", "13912345676", FALSE);
  other5 = test_callbacks_customer (fixture->store, "周九", "13912345677", FALSE);
  october = test_callbacks_customer (fixture->store, "吴十", "13912345678", FALSE);

  /* The period before: made Monday 2026-10-12, done the next morning, satisfied. */
  set_clock (fixture->store, 10, 12, 10);
  g = create (fixture, october, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  set_clock (fixture->store, 10, 13, 10);
  test_callbacks_record (fixture->store, fixture->clerk, g,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SATISFIED, NULL);

  /* November: six made Monday 2026-11-02 (due within three working days). */
  set_clock (fixture->store, 11, 2, 10);
  a = create (fixture, member1, KEFU_CALLBACK_REASON_SURVEY);
  b = create (fixture, other1, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  c = create (fixture, other2, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  d = create (fixture, other3, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  e = create (fixture, other4, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  f = create (fixture, other5, KEFU_CALLBACK_REASON_AFTER_DELIVERY);

  set_clock (fixture->store, 11, 3, 10);
  test_callbacks_record (fixture->store, fixture->clerk, a,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SATISFIED, "服务很好");
  test_callbacks_record (fixture->store, fixture->clerk, b,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SO_SO, "等得有点久");
  test_callbacks_record (fixture->store, fixture->clerk, c,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_NOT_SATISFIED,
                         "师傅迟到了两个小时");
  test_callbacks_record (fixture->store, fixture->clerk, d,
                         KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_SATISFACTION_UNSPECIFIED, NULL);
  test_callbacks_record (fixture->store, fixture->clerk, f,
                         KEFU_CALLBACK_OUTCOME_WRONG_NUMBER, KEFU_SATISFACTION_UNSPECIFIED, NULL);
  /* A week later, past its deadline: late. */
  set_clock (fixture->store, 11, 9, 10);
  test_callbacks_record (fixture->store, fixture->clerk, e,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SATISFIED, NULL);
  kefu_store_set_clock (fixture->store, NULL);
  kefu_store_set_actor (fixture->store, fixture->manager);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The suffix label's text of the result row titled `title`; NULL when there is none. */
static const char *
row_value (GtkWidget  *widget,
           const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    {
      /* The value is the last label under the row. */
      const char *found = NULL;
      GtkWidget *child;
      GPtrArray *stack = g_ptr_array_new ();

      g_ptr_array_add (stack, widget);
      while (stack->len > 0)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "numeric"))
            found = gtk_label_get_text (GTK_LABEL (w));
          for (child = gtk_widget_get_first_child (w); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            g_ptr_array_add (stack, child);
        }
      g_ptr_array_unref (stack);
      return found;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_value (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The numbers after `label` at the start of a line of pdftotext -layout's text. */
static void
assert_pdf_row (const char *text,
                const char *label,
                const char *now,
                const char *before)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_auto(GStrv) cells = NULL;
      g_autofree char *rest = NULL;

      if (!g_str_has_prefix (line, label))
        continue;
      rest = g_strstrip (g_strdup (line + strlen (label)));
      /* Only the row itself: its next text is the figure. */
      if (!g_ascii_isdigit (rest[0]))
        continue;
      cells = g_regex_split_simple ("\\s+", rest, 0, 0);
      g_assert_cmpstr (cells[0], ==, now);
      g_assert_cmpstr (cells[1], ==, before);
      return;
    }
  g_error ("No row “%s” in the PDF's text:\n%s", label, text);
}

static void
assert_figures (const KefuCallbackFigures *f,
                guint due, guint on_time, guint late, guint unreachable, guint open,
                guint satisfied, guint so_so, guint not_satisfied)
{
  g_assert_cmpuint (f->due, ==, due);
  g_assert_cmpuint (f->on_time, ==, on_time);
  g_assert_cmpuint (f->late, ==, late);
  g_assert_cmpuint (f->unreachable, ==, unreachable);
  g_assert_cmpuint (f->open, ==, open);
  g_assert_cmpuint (f->satisfied, ==, satisfied);
  g_assert_cmpuint (f->so_so, ==, so_so);
  g_assert_cmpuint (f->not_satisfied, ==, not_satisfied);
}

static void
test_report_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuStaff) manager = kefu_store_get_staff (fixture->store, fixture->manager, NULL,
                                                       NULL);
  AdwDialog *dialog = kefu_callback_report_dialog_new (fixture->store, manager);
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (dialog);
  GtkWidget *window = adw_window_new ();
  g_autoptr(KefuCallbackReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *archive_text = NULL;
  g_autofree char *normalized = NULL;
  const KefuCallbackReport *report;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status = 0;
  GDate first, last;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_object_ref_sink (dialog);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_present (GTK_WINDOW (window));
  adw_dialog_present (dialog, window);
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 11, 2026);
  g_date_set_dmy (&last, 30, 11, 2026);
  kefu_callback_report_dialog_set_range (self, &first, &last);
  g_assert_null (kefu_callback_report_dialog_get_report (self));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.make", NULL));
  g_assert_true (kefu_callback_report_dialog_get_busy (self));
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  report = kefu_callback_report_dialog_get_report (self);
  g_assert_nonnull (report);

  /* Counted by hand: six due (a survey and four after-service and a delivery), three done on
   * time, one late, the wrong number unreachable, the no answer still open; satisfied twice,
   * so-so once, not satisfied once; October's one done on time and satisfied; of the two
   * members one surveyed this quarter. */
  assert_figures (&report->figures, 6, 3, 1, 1, 1, 2, 1, 1);
  assert_figures (&report->previous, 1, 1, 0, 0, 0, 1, 0, 0);
  g_assert_cmpuint (report->n_members, ==, 2);
  g_assert_cmpuint (report->n_members_covered, ==, 1);

  /* The store's own report says the same. */
  expected = kefu_store_callback_report (fixture->store, &first, &last, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (&expected->figures, sizeof expected->figures, &report->figures,
                   sizeof report->figures);
  g_assert_cmpmem (&expected->previous, sizeof expected->previous, &report->previous,
                   sizeof report->previous);

  /* The dialog shows them. */
  if (in_english ())
    {
      g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "Callbacks due"), ==, "6");
      g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "Done on time"), ==, "3 (50%)");
      g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "Done late"), ==, "1 (17%)");
      g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "Satisfied"), ==, "2 (50%)");
      g_assert_cmpstr (row_value (GTK_WIDGET (dialog), "Members called back"), ==,
                       "1 of 2 (50%)");
    }
  kefu_test_maybe_save_shot (window, "callback-report-dialog");

  /* Saved: archived first, then written. */
  g_assert_cmpint (report->archive_id, ==, 0);
  kefu_callback_report_dialog_save_to_path (self, pdf);
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (report->archive_id, >, 0);
  kefu_test_maybe_save_shot (window, "callback-report-dialog-saved");

  /* One archive row, with the report's figures. */
  {
    g_autofree char *db_path = g_build_filename (fixture->dir, "kefu.db", NULL);
    g_autoptr(KefuCallbackReport) archived = NULL;

    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), max(id), max(figures) "
                                             "FROM callback_reports", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, report->archive_id);
    archived = kefu_callback_report_from_json ((const char *) sqlite3_column_text (stmt, 2),
                                               &error);
    g_assert_no_error (error);
    assert_figures (&archived->figures, 6, 3, 1, 1, 1, 2, 1, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* The PDF read back. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  /* The PDF's fonts draw "fi" as one ligature glyph, which pdftotext gives back as U+FB01. */
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_free (text);
  text = g_steal_pointer (&normalized);
  g_assert_nonnull (strstr (text, "服务很好"));
  g_assert_nonnull (strstr (text, "等得有点久"));
  g_assert_nonnull (strstr (text, "师傅迟到了两个小时"));
  archive_text = g_strdup_printf ("%" G_GINT64_FORMAT, report->archive_id);
  g_assert_nonnull (strstr (text, archive_text));
  if (in_english ())
    {
      g_assert_nonnull (strstr (text, "Callback Summary Report"));
      assert_pdf_row (text, "Callbacks due", "6", "1");
      assert_pdf_row (text, "Done on time", "3", "1");
      assert_pdf_row (text, "Done late", "1", "0");
      assert_pdf_row (text, "Unreachable", "1", "0");
      assert_pdf_row (text, "Still open", "1", "0");
      assert_pdf_row (text, "Satisfied", "2", "1");
      assert_pdf_row (text, "So-so", "1", "0");
      assert_pdf_row (text, "Not satisfied", "1", "0");
      g_assert_nonnull (strstr (text, "50% (target 100%)"));
      g_assert_nonnull (strstr (text, "Archive No."));
    }

  /* Saved again: the same archive row, not a second one. */
  kefu_callback_report_dialog_save_to_path (self, pdf);
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  {
    g_autofree char *db_path = g_build_filename (fixture->dir, "kefu.db", NULL);

    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM callback_reports", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  adw_dialog_force_close (dialog);
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first combo row under `widget` titled `title`. */
static AdwComboRow *
combo_row (GtkWidget  *widget,
           const char *title)
{
  if (ADW_IS_COMBO_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A clerk's report: only theirs, and the other clerk's is empty. */
static void
test_clerk (Fixture       *fixture,
            gconstpointer  data)
{
  AdwDialog *dialog = kefu_callback_report_dialog_new (fixture->store, NULL);
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (dialog);
  GtkWidget *window = adw_window_new ();
  AdwComboRow *clerks;
  GListModel *names;
  const KefuCallbackReport *report;
  GDate first, last;
  guint chosen = G_MAXUINT;

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (window));
  adw_dialog_present (dialog, window);
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 11, 2026);
  g_date_set_dmy (&last, 30, 11, 2026);
  kefu_callback_report_dialog_set_range (self, &first, &last);

  if (!in_english ())
    {
      adw_dialog_force_close (dialog);
      g_object_unref (dialog);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  clerks = combo_row (GTK_WIDGET (dialog), "_Clerk");
  g_assert_nonnull (clerks);
  names = adw_combo_row_get_model (clerks);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "周敏") == 0)
      chosen = i;
  g_assert_cmpuint (chosen, !=, G_MAXUINT);
  adw_combo_row_set_selected (clerks, chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.make", NULL));
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  report = kefu_callback_report_dialog_get_report (self);
  g_assert_nonnull (report);
  g_assert_cmpint (report->clerk_id, ==, fixture->clerk);
  assert_figures (&report->figures, 6, 3, 1, 1, 1, 2, 1, 1);

  /* The manager did none. */
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "孙丽") == 0)
      chosen = i;
  adw_combo_row_set_selected (clerks, chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.make", NULL));
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  report = kefu_callback_report_dialog_get_report (self);
  g_assert_cmpint (report->clerk_id, ==, fixture->manager);
  assert_figures (&report->figures, 0, 0, 0, 0, 0, 0, 0, 0);

  adw_dialog_force_close (dialog);
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A last day before the first is refused in place, with what to do. */
static void
test_range_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwDialog *dialog = kefu_callback_report_dialog_new (fixture->store, NULL);
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (dialog);
  GtkWidget *window = adw_window_new ();
  GDate first, last;

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (window));
  adw_dialog_present (dialog, window);
  kefu_test_wait_until (!kefu_callback_report_dialog_get_busy (self));
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 30, 11, 2026);
  g_date_set_dmy (&last, 1, 11, 2026);
  kefu_callback_report_dialog_set_range (self, &first, &last);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.make", NULL);
  g_assert_false (kefu_callback_report_dialog_get_busy (self));
  g_assert_null (kefu_callback_report_dialog_get_report (self));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.save", NULL)
                  && kefu_callback_report_dialog_get_busy (self));
  adw_dialog_force_close (dialog);
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/callback-report-dialog/pdf", Fixture, NULL, fixture_set_up,
              test_report_pdf, fixture_tear_down);
  g_test_add ("/kefu/callback-report-dialog/clerk", Fixture, NULL, fixture_set_up, test_clerk,
              fixture_tear_down);
  g_test_add ("/kefu/callback-report-dialog/range-refused", Fixture, NULL, fixture_set_up,
              test_range_refused, fixture_tear_down);
  return kefu_test_run (data_home);
}
