/* test-kefuctl-report.c: `kefuctl report callbacks` on the demo database, on SQLite and on
 * PostgreSQL: the report is archived (the number printed is the archive's row, its figures
 * those the store counts), the file is a PDF, and its text (pdftotext) holds the figures the
 * store counts for the same period; the command line's mistakes exit with status 2.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include "store/kefu-store-callback-report.h"
#include "store/kefu-store-private.h"
#include "kefuctl-test-demo.h"

/* The tokens after `label` on the first line of `text` that holds it; NULL when none does. */
static GStrv
line_values (const char *text,
             const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = strstr (lines[i], label);

      if (line != NULL)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) tokens = g_strsplit_set (line + strlen (label), " ", -1);

          for (guint j = 0; tokens[j] != NULL; j++)
            if (*tokens[j] != '\0')
              g_strv_builder_add (builder, tokens[j]);
          return g_strv_builder_end (builder);
        }
    }
  return NULL;
}

/* The line of `label` shows `now` and `before`. */
static void
assert_line (const char *text,
             const char *label,
             guint       now,
             guint       before)
{
  g_auto(GStrv) values = line_values (text, label);
  g_autofree char *a = g_strdup_printf ("%u", now);
  g_autofree char *b = g_strdup_printf ("%u", before);

  g_assert_nonnull (values);
  g_assert_cmpuint (g_strv_length (values), >=, 2);
  g_assert_cmpstr (values[0], ==, a);
  g_assert_cmpstr (values[1], ==, b);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;
  const char *argv[] = { NULL, "-layout", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_report (KefuctlFixture *fixture,
             gconstpointer   data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autoptr(GDateTime) now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_autoptr(GDateTime) first_time = g_date_time_add_days (now, -89);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "report.db", &option);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *from = g_date_time_format (first_time, "--from=%Y-%m-%d");
  g_autofree char *to = g_date_time_format (now, "--to=%Y-%m-%d");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuCallbackReport) expected = NULL;
  g_autoptr(KefuCallbackReport) archived = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) run = { 0 };
  gsize length;
  gint64 archive_id;
  GDate first;
  GDate last;

  kefuctl_run_demo_at (fixture, &demo, option, now);
  run_kefuctl (fixture, &run, "report", option, "callbacks", from, to, output);
  kefuctl_assert_success (&run);

  /* What the store counts for the same days. */
  store = kefuctl_open_store (location);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (first_time),
                  g_date_time_get_month (first_time), g_date_time_get_year (first_time));
  g_date_set_dmy (&last, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  expected = kefu_store_callback_report (store, &first, &last, 0, 0, NULL, &error);
  g_assert_no_error (error);
  /* The demo's callbacks fall in these days: the figures below are not all zeros. */
  g_assert_cmpuint (expected->figures.due, >, 0);
  g_assert_cmpuint (expected->figures.satisfied + expected->figures.so_so, >, 0);

  /* stdout is the archive's number; the archive holds the same figures. */
  archive_id = g_ascii_strtoll (run.out, NULL, 10);
  g_assert_cmpint (archive_id, >, 0);
  rows = _kefu_store_query (store, "SELECT figures FROM callback_reports WHERE id = $1",
                            g_variant_new ("(x)", archive_id), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  archived = kefu_callback_report_from_json (kefu_rows_get_text (rows, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (&archived->figures, sizeof archived->figures, &expected->figures,
                   sizeof expected->figures);
  g_assert_cmpmem (&archived->previous, sizeof archived->previous, &expected->previous,
                   sizeof expected->previous);
  g_assert_cmpuint (archived->n_members, ==, expected->n_members);

  /* A PDF, and no half file left beside it. */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    g_autofree char *part = g_strconcat (pdf, ".part", NULL);

    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_incomplete ("pdftotext (poppler-utils) is not installed: the PDF's text is not "
                         "checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Callback Summary Report"));
  g_assert_nonnull (strstr (text, "Team: All teams"));
  assert_line (text, "Callbacks due", expected->figures.due, expected->previous.due);
  assert_line (text, "Done on time", expected->figures.on_time, expected->previous.on_time);
  assert_line (text, "Done late", expected->figures.late, expected->previous.late);
  assert_line (text, "Unreachable", expected->figures.unreachable,
               expected->previous.unreachable);
  assert_line (text, "Still open", expected->figures.open, expected->previous.open);
  assert_line (text, "So-so", expected->figures.so_so, expected->previous.so_so);
  {
    g_auto(GStrv) values = line_values (text, "Archive No.");
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, archive_id);

    g_assert_nonnull (values);
    g_assert_cmpstr (values[0], ==, number);
  }
  {
    g_auto(GStrv) values = line_values (text, "Members");
    g_autofree char *members = g_strdup_printf ("%u", expected->n_members);

    g_assert_nonnull (values);
    g_assert_cmpstr (values[0], ==, members);
  }
}

static void
test_usage (KefuctlFixture *fixture,
            gconstpointer   data)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "usage.db", &option);
  g_autofree char *pdf = g_build_filename (fixture->dir, "usage.pdf", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", pdf);
  g_auto(Run) init = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) backwards = { 0 };
  g_auto(Run) bad_day = { 0 };
  g_auto(Run) no_report = { 0 };
  g_auto(Run) no_team = { 0 };

  run_kefuctl (fixture, &init, "init", option);
  kefuctl_assert_success (&init);

  run_kefuctl (fixture, &no_output, "report", option, "callbacks", "--from=2026-11-01",
               "--to=2026-11-30");
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "--output"));

  run_kefuctl (fixture, &backwards, "report", option, "callbacks", "--from=2026-11-30",
               "--to=2026-11-01", output);
  g_assert_cmpint (backwards.status, ==, 2);

  run_kefuctl (fixture, &bad_day, "report", option, "callbacks", "--from=2026-02-30",
               "--to=2026-03-01", output);
  g_assert_cmpint (bad_day.status, ==, 2);
  g_assert_nonnull (strstr (bad_day.err, "2026-02-30"));

  run_kefuctl (fixture, &no_report, "report", option, "--from=2026-11-01", "--to=2026-11-30",
               output);
  g_assert_cmpint (no_report.status, ==, 2);

  /* A team that does not exist: refused, and no file. */
  run_kefuctl (fixture, &no_team, "report", option, "callbacks", "--from=2026-11-01",
               "--to=2026-11-30", "--team=9999", output);
  g_assert_cmpint (no_team.status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  /* The report's local days, for the store read here and for kefuctl alike. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  kefuctl_test_init (&argc, &argv);
  kefuctl_test_add ("/kefu/kefuctl/sqlite/report-callbacks", test_report, BACKEND_SQLITE);
  kefuctl_test_add ("/kefu/kefuctl/postgres/report-callbacks", test_report, BACKEND_POSTGRES);
  kefuctl_test_add ("/kefu/kefuctl/sqlite/report-usage", test_usage, BACKEND_SQLITE);
  return g_test_run ();
}
