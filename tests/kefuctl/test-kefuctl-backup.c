/* test-kefuctl-backup.c: `kefuctl backup FILE`. On SQLite the demo database is copied while
 * kefuctl has it open, the copy opens with the same customers and calls, and kefuctl says what it
 * wrote; on PostgreSQL it exits 1 with the pg_dump command for the database and writes nothing.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "store/kefu-store-private.h"
#include "kefuctl-test.h"

static gint64
count (KefuStore  *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

static void
test_backup (KefuctlFixture *fixture,
             gconstpointer   data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "demo.db", &option);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(KefuStore) original = NULL;
  g_autoptr(KefuStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) run = { 0 };
  g_auto(Run) usage = { 0 };

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);

  run_kefuctl (fixture, &run, option, "backup", copy_path);
  if (backend == BACKEND_POSTGRES)
    {
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "pg_dump "));
      g_assert_nonnull (strstr (run.err, "--port="));
      g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
      return;
    }
  kefuctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, copy_path));
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));

  original = kefuctl_open_store (location);
  copy = kefuctl_open_store (copy_path);
  g_assert_cmpint (kefu_store_count_customers (copy, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_count_customers (copy, NULL, &error), ==,
                   kefu_store_count_customers (original, NULL, NULL));
  g_assert_cmpint (count (copy, "SELECT COUNT(*) FROM calls"), ==,
                   count (original, "SELECT COUNT(*) FROM calls"));
  g_assert_cmpint (count (copy, "SELECT COUNT(*) FROM events"), ==,
                   count (original, "SELECT COUNT(*) FROM events"));

  /* No file named: a usage error. */
  run_kefuctl (fixture, &usage, option, "backup");
  g_assert_cmpint (usage.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  kefuctl_test_init (&argc, &argv);
  kefuctl_test_add ("/kefu/kefuctl/sqlite/backup", test_backup, BACKEND_SQLITE);
  kefuctl_test_add ("/kefu/kefuctl/postgres/backup", test_backup, BACKEND_POSTGRES);
  return g_test_run ();
}
