/* test-kefuctl-report-tables.c: `kefuctl report complaints|calls|origins|dashboard` on the demo
 * database: the dashboard's figures as the store counts them, in GB18030 CSV and in the PDF
 * report; the complaint register as CSV (parsed back: the rows the store reads for the same
 * days, with the BOM) and as PDF (its text, through pdftotext, holds the references and the
 * count), every call of the period with --detail, the origin analysis in GB18030; a file name
 * that is neither .csv nor .pdf, an unknown encoding and --encoding with a PDF are refused with
 * a message, and a refused run leaves the file that was there.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>
#include <time.h>

#include "core/kefu-csv.h"
#include "store/kefu-store-private.h"
#include "store/kefu-store-dashboard.h"
#include "store/kefu-store-reports.h"
#include "kefuctl-test-demo.h"

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
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
day_of (GDateTime *time,
        GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

static void
test_tables (KefuctlFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GDateTime) now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_autoptr(GDateTime) first_time = g_date_time_add_days (now, -29);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "tables.db",
                                                    &option);
  g_autofree char *csv = g_build_filename (fixture->dir, "complaints.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "complaints.pdf", NULL);
  g_autofree char *calls = g_build_filename (fixture->dir, "calls.csv", NULL);
  g_autofree char *origins = g_build_filename (fixture->dir, "origins.csv", NULL);
  g_autofree char *from = g_date_time_format (first_time, "--from=%Y-%m-%d");
  g_autofree char *to = g_date_time_format (now, "--to=%Y-%m-%d");
  g_autofree char *csv_option = g_strdup_printf ("--output=%s", csv);
  g_autofree char *pdf_option = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *calls_option = g_strdup_printf ("--output=%s", calls);
  g_autofree char *origins_option = g_strdup_printf ("--output=%s", origins);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuComplaintRegister) reg = NULL;
  g_autoptr(KefuOriginReport) expected_origins = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) call_rows = NULL;
  g_autoptr(GPtrArray) origin_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) run_csv = { 0 };
  g_auto(Run) run_pdf = { 0 };
  g_auto(Run) run_calls = { 0 };
  g_auto(Run) run_origins = { 0 };
  KefuReportQuery query;
  GDate first, last;
  gint64 n_calls;

  kefuctl_run_demo_at (fixture, &demo, option, now);
  run_kefuctl (fixture, &run_csv, "report", option, "complaints", from, to, csv_option);
  kefuctl_assert_success (&run_csv);
  run_kefuctl (fixture, &run_pdf, "report", option, "complaints", from, to, pdf_option);
  kefuctl_assert_success (&run_pdf);
  run_kefuctl (fixture, &run_calls, "report", option, "calls", "--detail", from, to,
               calls_option);
  kefuctl_assert_success (&run_calls);
  run_kefuctl (fixture, &run_origins, "report", option, "origins", "--encoding=gb18030", from,
               to, origins_option);
  kefuctl_assert_success (&run_origins);

  /* What the store reads for the same days. */
  store = kefuctl_open_store (location);
  day_of (first_time, &first);
  day_of (now, &last);
  kefu_report_query_init (&query, &first, &last, 0, 0);
  reg = kefu_store_report_complaints (store, &query, NULL, &error);
  g_assert_no_error (error);
  /* The demo's month has complaints: the test compares something. */
  g_assert_cmpuint (reg->rows->len, >, 0);

  /* The CSV: a BOM, the header, one row per complaint in the same order, the totals; the
   * number of rows printed. */
  rows = read_csv (csv, KEFU_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (rows->len, ==, reg->rows->len + 2);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Reference");
  for (guint i = 0; i < reg->rows->len; i++)
    g_assert_cmpstr (((char **) rows->pdata[i + 1])[0], ==,
                     g_array_index (reg->rows, KefuComplaintRegisterRow, i).reference);
  count = g_strdup_printf ("%u complaints", reg->rows->len);
  g_assert_cmpstr (((char **) rows->pdata[rows->len - 1])[1], ==, count);
  g_clear_pointer (&count, g_free);
  count = g_strdup_printf ("%u\n", reg->rows->len);
  g_assert_cmpstr (run_csv.out, ==, count);

  /* The PDF: the title, and the count and each reference (the first and the last) in its
   * text. */
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Complaint Register"));
  g_assert_nonnull (strstr (text, "Team: All teams"));
  g_assert_nonnull (strstr (text, g_array_index (reg->rows, KefuComplaintRegisterRow,
                                                 0).reference));
  g_assert_nonnull (strstr (text, g_array_index (reg->rows, KefuComplaintRegisterRow,
                                                 reg->rows->len - 1).reference));
  {
    g_autofree char *pattern = g_strdup_printf ("Complaints\\s+%u\\s", reg->rows->len);

    g_assert_true (g_regex_match_simple (pattern, text, 0, 0));
  }

  /* Every call of the period: as many rows as calls in those days. */
  {
    g_autofree char *lower = NULL;
    g_autofree char *upper = NULL;
    g_autofree char *sql = NULL;
    g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (&first),
                                                        g_date_get_month (&first),
                                                        g_date_get_day (&first), 0, 0, 0);
    g_autoptr(GDateTime) end_day = g_date_time_new_local (g_date_get_year (&last),
                                                          g_date_get_month (&last),
                                                          g_date_get_day (&last), 0, 0, 0);
    g_autoptr(GDateTime) end = g_date_time_add_days (end_day, 1);

    lower = kefu_time_to_db (start);
    upper = kefu_time_to_db (end);
    sql = g_strdup_printf ("SELECT COUNT(*) FROM calls WHERE received_at >= '%s' AND "
                           "received_at < '%s'", lower, upper);
    {
      g_autoptr(KefuRows) counted = _kefu_store_query (store, sql, NULL, NULL, &error);

      g_assert_no_error (error);
      n_calls = kefu_rows_get_int (counted, 0, 0);
    }
  }
  g_assert_cmpint (n_calls, >, 0);
  call_rows = read_csv (calls, KEFU_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (call_rows->len, ==, (guint) n_calls + 1);
  g_assert_cmpstr (((char **) call_rows->pdata[0])[1], ==, "Reference");

  /* The origins in GB18030: the store's districts, in order. */
  expected_origins = kefu_store_report_origins (store, &query, NULL, &error);
  g_assert_no_error (error);
  origin_rows = read_csv (origins, KEFU_CSV_ENCODING_GB18030);
  g_assert_cmpuint (origin_rows->len, ==, expected_origins->rows->len + 2);
  for (guint i = 0; i < expected_origins->rows->len; i++)
    {
      const KefuOriginRow *r = &g_array_index (expected_origins->rows, KefuOriginRow, i);
      g_autofree char *n = g_strdup_printf ("%u", r->order_calls);

      g_assert_cmpstr (((char **) origin_rows->pdata[i + 1])[0], ==,
                       r->district != NULL ? r->district : "Unknown district");
      g_assert_cmpstr (((char **) origin_rows->pdata[i + 1])[1], ==, n);
    }
}

static gboolean
csv_has_row (GPtrArray  *rows,
             const char *section,
             const char *figure,
             const char *value)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = rows->pdata[i];

      if (g_strv_length (fields) >= 3 && g_str_equal (fields[0], section) &&
          g_str_equal (fields[1], figure) && g_str_equal (fields[2], value))
        return TRUE;
    }
  return FALSE;
}

/* `kefuctl report dashboard`: the figures the store counts for the same days, as CSV (read
 * back in GB18030) and as the PDF report with its charts' titles and the clerks' table. */
static void
test_dashboard (KefuctlFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GDateTime) now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_autoptr(GDateTime) first_time = g_date_time_add_days (now, -29);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "dashboard.db",
                                                    &option);
  g_autofree char *csv = g_build_filename (fixture->dir, "dashboard.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "dashboard.pdf", NULL);
  g_autofree char *from = g_date_time_format (first_time, "--from=%Y-%m-%d");
  g_autofree char *to = g_date_time_format (now, "--to=%Y-%m-%d");
  g_autofree char *csv_option = g_strdup_printf ("--output=%s", csv);
  g_autofree char *pdf_option = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *text = NULL;
  g_autofree char *calls = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuDashboard) dashboard = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) run_csv = { 0 };
  g_auto(Run) run_pdf = { 0 };
  KefuDashboardQuery query = { 0 };

  kefuctl_run_demo_at (fixture, &demo, option, now);
  run_kefuctl (fixture, &run_csv, "report", option, "dashboard", "--encoding=gb18030", from, to,
               csv_option);
  kefuctl_assert_success (&run_csv);
  run_kefuctl (fixture, &run_pdf, "report", option, "dashboard", from, to, pdf_option);
  kefuctl_assert_success (&run_pdf);

  store = kefuctl_open_store (location);
  day_of (first_time, &query.first);
  day_of (now, &query.last);
  dashboard = kefu_store_dashboard (store, &query, NULL, &error);
  g_assert_no_error (error);
  /* The demo's month has calls and complaints: the test compares something. */
  g_assert_cmpuint (dashboard->calls_total.value, >, 0);
  g_assert_cmpuint (dashboard->opened.value, >, 0);

  rows = read_csv (csv, KEFU_CSV_ENCODING_GB18030);
  calls = g_strdup_printf ("%'u", dashboard->calls_total.value);
  opened = g_strdup_printf ("%'u", dashboard->opened.value);
  g_assert_true (csv_has_row (rows, "Calls", "All Calls", calls));
  g_assert_true (csv_has_row (rows, "Complaints", "Complaints Opened", opened));
  /* Every section, and the clerks' table with its header. */
  g_assert_true (csv_has_row (rows, "Clerk", "Calls served", "Inquiries"));

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Customer Service Report"));
  g_assert_nonnull (strstr (text, "Calls by Hour of Day"));
  g_assert_nonnull (strstr (text, "Open Service Jobs by Step"));
  g_assert_nonnull (strstr (text, "Calls served"));
}

static void
test_refused (KefuctlFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "refused.db",
                                                    &option);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *xlsx_option = g_strdup_printf ("--output=%s", xlsx);
  g_autofree char *pdf_option = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *csv_option = g_strdup_printf ("--output=%s", csv);
  g_autofree char *contents = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) bad_extension = { 0 };
  g_auto(Run) bad_encoding = { 0 };
  g_auto(Run) pdf_encoding = { 0 };
  g_auto(Run) callbacks_csv = { 0 };
  g_auto(Run) no_clerk = { 0 };
  g_auto(Run) empty = { 0 };

  run_kefuctl (fixture, &init, "init", option);
  kefuctl_assert_success (&init);

  run_kefuctl (fixture, &bad_extension, "report", option, "complaints", "--from=2026-11-01",
               "--to=2026-11-30", xlsx_option);
  g_assert_cmpint (bad_extension.status, ==, 2);
  g_assert_nonnull (strstr (bad_extension.err, "report.xlsx"));
  g_assert_nonnull (strstr (bad_extension.err, "ending in .csv"));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  run_kefuctl (fixture, &bad_encoding, "report", option, "origins", "--from=2026-11-01",
               "--to=2026-11-30", "--encoding=big5", csv_option);
  g_assert_cmpint (bad_encoding.status, ==, 2);
  g_assert_nonnull (strstr (bad_encoding.err, "big5"));

  run_kefuctl (fixture, &pdf_encoding, "report", option, "origins", "--from=2026-11-01",
               "--to=2026-11-30", "--encoding=gb18030", pdf_option);
  g_assert_cmpint (pdf_encoding.status, ==, 2);
  g_assert_nonnull (strstr (pdf_encoding.err, "--encoding"));

  run_kefuctl (fixture, &callbacks_csv, "report", option, "callbacks", "--from=2026-11-01",
               "--to=2026-11-30", csv_option);
  g_assert_cmpint (callbacks_csv.status, ==, 2);
  g_assert_nonnull (strstr (callbacks_csv.err, ".pdf"));

  /* A clerk that does not exist: refused, and the file that was there stays. */
  g_assert_true (g_file_set_contents (csv, "last month\r\n", -1, NULL));
  run_kefuctl (fixture, &no_clerk, "report", option, "calls", "--from=2026-11-01",
               "--to=2026-11-30", "--clerk=9999", csv_option);
  g_assert_cmpint (no_clerk.status, ==, 1);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last month\r\n");

  /* An empty database: the header and the totals only, zero rows. */
  run_kefuctl (fixture, &empty, "report", option, "calls", "--from=2026-11-01",
               "--to=2026-11-30", csv_option);
  kefuctl_assert_success (&empty);
  g_assert_cmpstr (empty.out, ==, "0\n");
  {
    g_autoptr(GPtrArray) rows = read_csv (csv, KEFU_CSV_ENCODING_UTF8_BOM);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "Total");
    g_assert_cmpstr (((char **) rows->pdata[1])[5], ==, "0");
  }
}

int
main (int    argc,
      char **argv)
{
  /* The report's local days, for the store read here and for kefuctl alike. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  kefuctl_test_init (&argc, &argv);
  kefuctl_test_add ("/kefu/kefuctl/sqlite/report-tables", test_tables, BACKEND_SQLITE);
  kefuctl_test_add ("/kefu/kefuctl/sqlite/report-dashboard", test_dashboard, BACKEND_SQLITE);
  kefuctl_test_add ("/kefu/kefuctl/sqlite/report-tables-refused", test_refused,
                    BACKEND_SQLITE);
  return g_test_run ();
}
