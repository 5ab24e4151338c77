/* test-reports-dialog.c: the Reports dialog over a real store: the complaint register of
 * November saved as CSV (its code path, without the file chooser) in UTF-8 and in GB18030 and
 * read back; the origin analysis saved as PDF and read back with pdftotext; a period whose last
 * day is before its first refused in words. With KEFU_TEST_SHOTS, pictures of the dialog.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-reports-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-csv.h"
#include "dashboard/kefu-reports-dialog.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"

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

static gint64
customer (KefuStore  *store,
          const char *name,
          const char *phone,
          const char *district)
{
  g_autoptr(KefuCustomer) c = kefu_customer_new ();
  g_autoptr(GError) error = NULL;

  kefu_customer_set_name (c, name);
  kefu_customer_set_phones (c, (const char *[]) { phone, NULL });
  kefu_customer_set_district (c, district);
  g_assert_true (kefu_store_create_customer (store, c, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (c));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autofree char *sql = NULL;
  gint64 team, li, zhao;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  db = g_build_filename (fixture->dir, "kefu.db", NULL);
  kefu_store_set_system_actor (fixture->store);
  team = kefu_test_make_department (fixture->store, "客服一组");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK,
                                         team, TRUE);
  fixture->manager = kefu_test_make_staff (fixture->store, "孙丽", "sunli",
                                           KEFU_ROLE_CS_MANAGER, team, TRUE);
  li = customer (fixture->store, "李先生", "13912345671", "朝阳区");
  zhao = customer (fixture->store, "赵女士", "13912345672", NULL);

  /* Two complaints in November (10:00 local on the 3rd and the 4th: 02:00 UTC), one in
   * October; an order call and a shipment of 李先生 (朝阳区), shipped, and a request of 赵女士
   * (no district) never shipped. */
  sql = g_strdup_printf (
    "INSERT INTO calls (id, reference, kind, customer_id, caller_name, phone, clerk_id, "
    "received_at, summary) VALUES "
    "(101, 'TS-20261103-0001', 'complaint', %1$" G_GINT64_FORMAT ", '李先生', '13912345671', "
    "%3$" G_GINT64_FORMAT ", '2026-11-03 02:00:00.000Z', '牛奶有异味'), "
    "(102, 'TS-20261104-0001', 'complaint', %2$" G_GINT64_FORMAT ", '赵女士', '13912345672', "
    "%3$" G_GINT64_FORMAT ", '2026-11-04 02:00:00.000Z', '送货晚了'), "
    "(103, 'TS-20261020-0001', 'complaint', %2$" G_GINT64_FORMAT ", '赵女士', '13912345672', "
    "%3$" G_GINT64_FORMAT ", '2026-10-20 02:00:00.000Z', '十月的'), "
    "(104, 'DH-20261105-0001', 'order', %1$" G_GINT64_FORMAT ", '李先生', '13912345671', "
    "%3$" G_GINT64_FORMAT ", '2026-11-05 02:00:00.000Z', '鲜牛奶 x2');"
    "INSERT INTO complaints (call_id, owner_id, subject, reason, well_founded, category, "
    "symptom, service_issue, stage, customer_id, received_at, reference, caller_name, phone, "
    "resolution) VALUES "
    "(101, %3$" G_GINT64_FORMAT ", '鲜牛奶', '有异味', 1, 'product-quality', 'odd-smell', NULL, "
    "'resolved', %1$" G_GINT64_FORMAT ", '2026-11-03 02:00:00.000Z', 'TS-20261103-0001', "
    "'李先生', '13912345671', '=退货退款'), "
    "(102, %3$" G_GINT64_FORMAT ", '送货', '晚了', 1, 'service-quality', NULL, 'late-delivery', "
    "'routed', %2$" G_GINT64_FORMAT ", '2026-11-04 02:00:00.000Z', 'TS-20261104-0001', "
    "'赵女士', '13912345672', NULL), "
    "(103, %3$" G_GINT64_FORMAT ", '送货', '十月', 1, 'service-quality', NULL, 'late-delivery', "
    "'routed', %2$" G_GINT64_FORMAT ", '2026-10-20 02:00:00.000Z', 'TS-20261020-0001', "
    "'赵女士', '13912345672', NULL);"
    "INSERT INTO orders (call_id, channel, delivery_address, district, handover_date) VALUES "
    "(104, 'home-delivery', '朝阳路1号', '朝阳区', '2026-11-05');"
    "INSERT INTO shipments (reference, step, customer_id, customer_name, requested_at, "
    "requested_by, shipped_at) VALUES "
    "('FH-20261105-0001', 'shipped', %1$" G_GINT64_FORMAT ", '李先生', "
    "'2026-11-05 03:00:00.000Z', %3$" G_GINT64_FORMAT ", '2026-11-06 03:00:00.000Z'), "
    "('FH-20261106-0001', 'requested', %2$" G_GINT64_FORMAT ", '赵女士', "
    "'2026-11-06 03:00:00.000Z', %3$" G_GINT64_FORMAT ", NULL);",
    li, zhao, fixture->clerk);
  kefu_test_exec_sql (db, sql);
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

static AdwDialog *
open_dialog (Fixture    *fixture,
             GtkWidget **window)
{
  g_autoptr(KefuStaff) manager = kefu_store_get_staff (fixture->store, fixture->manager, NULL,
                                                       NULL);
  AdwDialog *dialog = kefu_reports_dialog_new (fixture->store, manager);
  GDate first, last;

  g_object_ref_sink (dialog);
  *window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 900, 960);
  gtk_window_present (GTK_WINDOW (*window));
  adw_dialog_present (dialog, *window);
  kefu_test_wait_until (!kefu_reports_dialog_get_busy (KEFU_REPORTS_DIALOG (dialog)));

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 11, 2026);
  g_date_set_dmy (&last, 30, 11, 2026);
  kefu_reports_dialog_set_range (KEFU_REPORTS_DIALOG (dialog), &first, &last);
  return dialog;
}

static void
close_dialog (AdwDialog *dialog,
              GtkWidget *window)
{
  adw_dialog_force_close (dialog);
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GPtrArray *
read_csv (const char      *path,
          KefuCsvEncoding  expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KefuCsvEncoding encoding = 99;
  GPtrArray *rows;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new (data, length);
  rows = kefu_csv_parse (bytes, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, expected);
  return rows;
}

static void
assert_register (GPtrArray *rows)
{
  char **first;
  char **second;

  /* The header, November's two complaints (not October's), the totals. */
  g_assert_cmpuint (rows->len, ==, 4);
  first = rows->pdata[1];
  second = rows->pdata[2];
  g_assert_cmpstr (first[0], ==, "TS-20261103-0001");
  g_assert_cmpstr (first[1], ==, "2026-11-03 10:00");
  g_assert_cmpstr (first[2], ==, "李先生");
  g_assert_cmpstr (first[4], ==, "周敏");
  /* A resolution starting with "=" is kept from running as a formula. */
  g_assert_cmpstr (first[13], ==, "'=退货退款");
  g_assert_cmpstr (second[0], ==, "TS-20261104-0001");
  g_assert_cmpstr (second[2], ==, "赵女士");
  if (in_english ())
    {
      g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Reference");
      g_assert_cmpstr (first[5], ==, "Product quality");
      g_assert_cmpstr (second[5], ==, "Service quality");
      g_assert_cmpstr (((char **) rows->pdata[3])[1], ==, "2 complaints");
    }
}

static void
test_save_csv (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window = NULL;
  AdwDialog *dialog = open_dialog (fixture, &window);
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (dialog);
  g_autofree char *path = g_build_filename (fixture->dir, "complaints.csv", NULL);
  g_autofree char *gb_path = g_build_filename (fixture->dir, "complaints-gb.csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) gb_rows = NULL;

  kefu_reports_dialog_set_report (self, KEFU_REPORT_COMPLAINTS);
  kefu_test_maybe_save_shot (window, "reports-dialog");

  kefu_reports_dialog_save_to_path (self, path, KEFU_REPORT_FORMAT_CSV);
  g_assert_true (kefu_reports_dialog_get_busy (self));
  kefu_test_wait_until (!kefu_reports_dialog_get_busy (self));
  if (in_english ())
    g_assert_cmpstr (kefu_reports_dialog_get_message (self), ==,
                     "Saved 2 rows as complaints.csv.");
  rows = read_csv (path, KEFU_CSV_ENCODING_UTF8_BOM);
  assert_register (rows);
  kefu_test_maybe_save_shot (window, "reports-dialog-saved");

  /* The same in GB18030, for older Excel and WPS: no BOM, read back equal. */
  kefu_reports_dialog_set_encoding (self, KEFU_CSV_ENCODING_GB18030);
  kefu_reports_dialog_save_to_path (self, gb_path, KEFU_REPORT_FORMAT_CSV);
  kefu_test_wait_until (!kefu_reports_dialog_get_busy (self));
  gb_rows = read_csv (gb_path, KEFU_CSV_ENCODING_GB18030);
  assert_register (gb_rows);

  close_dialog (dialog, window);
}

static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window = NULL;
  AdwDialog *dialog = open_dialog (fixture, &window);
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (dialog);
  g_autofree char *pdf = g_build_filename (fixture->dir, "origins.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status = 0;

  kefu_reports_dialog_set_report (self, KEFU_REPORT_ORIGINS);
  kefu_reports_dialog_save_to_path (self, pdf, KEFU_REPORT_FORMAT_PDF);
  kefu_test_wait_until (!kefu_reports_dialog_get_busy (self));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (in_english ())
    g_assert_cmpstr (kefu_reports_dialog_get_message (self), ==, "Saved as origins.pdf.");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  /* 朝阳区: one order call, one request shipped (100%); no district: one request, 0%. */
  g_assert_nonnull (strstr (text, "朝阳区"));
  g_assert_nonnull (strstr (text, "2026-11-01 – 2026-11-30"));
  if (in_english ())
    {
      g_assert_nonnull (strstr (text, "Logistics Origin Analysis"));
      g_assert_nonnull (strstr (text, "Unknown district"));
      g_assert_nonnull (strstr (text, "Team: All teams"));
      g_assert_true (g_regex_match_simple ("朝阳区\\s+1\\s+0\\s+1\\s+1\\s+100%", text, 0,
                                              0));
      g_assert_true (g_regex_match_simple ("Unknown district\\s+0\\s+0\\s+1\\s+0\\s+0%",
                                              text, 0, 0));
    }
  /* For a person to look at: the origin analysis and the complaint register as saved, in the
   * language of the run. */
  if (g_getenv ("KEFU_TEST_SHOTS") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("KEFU_TEST_SHOTS"),
                                                "reports-origins.pdf", NULL);
      g_autofree char *register_pdf = g_build_filename (g_getenv ("KEFU_TEST_SHOTS"),
                                                        "reports-complaints.pdf", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (pdf);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
      kefu_reports_dialog_set_report (self, KEFU_REPORT_COMPLAINTS);
      kefu_reports_dialog_save_to_path (self, register_pdf, KEFU_REPORT_FORMAT_PDF);
      kefu_test_wait_until (!kefu_reports_dialog_get_busy (self));
    }
  close_dialog (dialog, window);
}

static void
test_range_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = NULL;
  AdwDialog *dialog = open_dialog (fixture, &window);
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (dialog);
  g_autofree char *path = g_build_filename (fixture->dir, "never.csv", NULL);
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 30, 11, 2026);
  g_date_set_dmy (&last, 1, 11, 2026);
  kefu_reports_dialog_set_range (self, &first, &last);
  kefu_reports_dialog_save_to_path (self, path, KEFU_REPORT_FORMAT_CSV);
  g_assert_false (kefu_reports_dialog_get_busy (self));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  if (in_english ())
    g_assert_cmpstr (kefu_reports_dialog_get_message (self), ==,
                     "The last day is before the first day. Choose a last day on or after "
                     "the first.");
  kefu_test_maybe_save_shot (window, "reports-dialog-refused");
  close_dialog (dialog, window);
}

static guint
count_dialogs (GtkWidget *window)
{
  g_autoptr(GPtrArray) dialogs = kefu_test_find_all (window, KEFU_TYPE_REPORTS_DIALOG);

  return dialogs->len;
}

/* "Reports…" in the main window: offered to the CS manager, whom it shows the dialog; not to
 * a clerk. */
static void
test_window_action (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuWindow *window;
  g_autoptr(GPtrArray) dialogs = NULL;
  GAction *action;

  kefu_test_remember_staff (fixture->store, fixture->clerk);
  window = kefu_test_present_window (NULL, fixture->store, 1200, 800);
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "reports");
  g_assert_nonnull (action);
  g_assert_false (g_action_get_enabled (action));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  kefu_test_remember_staff (fixture->store, fixture->manager);
  window = kefu_test_present_window (NULL, fixture->store, 1200, 800);
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "reports");
  g_assert_true (g_action_get_enabled (action));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reports", NULL));
  kefu_test_wait_until (count_dialogs (GTK_WIDGET (window)) == 1);
  dialogs = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_REPORTS_DIALOG);
  kefu_test_wait_until (!kefu_reports_dialog_get_busy (dialogs->pdata[0]));
  adw_dialog_force_close (dialogs->pdata[0]);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  /* Local days: China Standard Time. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/reports-dialog/save-csv", Fixture, NULL, fixture_set_up, test_save_csv,
              fixture_tear_down);
  g_test_add ("/kefu/reports-dialog/save-pdf", Fixture, NULL, fixture_set_up, test_save_pdf,
              fixture_tear_down);
  g_test_add ("/kefu/reports-dialog/range-refused", Fixture, NULL, fixture_set_up,
              test_range_refused, fixture_tear_down);
  g_test_add ("/kefu/reports-dialog/window-action", Fixture, NULL, fixture_set_up,
              test_window_action, fixture_tear_down);
  return kefu_test_run (data_home);
}
