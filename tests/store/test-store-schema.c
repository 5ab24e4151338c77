/* test-store-schema.c: migrations (fresh, reopened, too new), integrity checks, and the helpers
 * every query relies on (times, placeholders).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kefu-test-pg.h"
#include "store/kefu-schema.h"
#include "test-store.h"

/* Migrations */

static void
test_fresh_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;

  g_assert_cmpuint (kefu_store_get_schema_version_found (fixture->store), ==, 0);
  g_assert_cmpint (test_count (fixture->store, "SELECT MAX(version) FROM schema_migrations"),
                   ==, KEFU_SCHEMA_VERSION);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM staff WHERE login = 'system'"),
                   ==, 1);

  /* Reopening an up-to-date database changes nothing. */
  fixture_reopen (fixture);
  g_assert_cmpuint (kefu_store_get_schema_version_found (fixture->store), ==, KEFU_SCHEMA_VERSION);
  /* One row per step (step numbers are reserved ahead, so they may have gaps). */
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM schema_migrations"),
                   ==, _kefu_schema_n_steps ());
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM staff"), ==, 1);

  problems = kefu_store_check (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
}

static void
test_schema_too_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) refused = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("王伟", "13812345678", NULL);
  g_autofree char *newer = g_strdup_printf ("%u", KEFU_SCHEMA_VERSION + 1);
  g_autofree char *known = g_strdup_printf ("%u", KEFU_SCHEMA_VERSION);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM schema_migrations WHERE version = %u",
                                          KEFU_SCHEMA_VERSION + 1);
  gsize before_len = 0, after_len = 0;

  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  /* What a newer Kefu would have written. */
  g_assert_cmpint (_kefu_store_execute (fixture->store,
                                        "INSERT INTO schema_migrations (version, applied_at) "
                                        "VALUES ($1, now())",
                                        g_variant_new ("(x)", (gint64) KEFU_SCHEMA_VERSION + 1),
                                        NULL, &error), ==, 1);
  g_assert_no_error (error);
  fixture_close (fixture);

  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      sqlite3 *db = NULL;

      /* A rollback-journal file, as on a network share: switching it to WAL would rewrite its
       * header, which opening a refused database must not do either. */
      g_assert_cmpint (sqlite3_open (fixture->location, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      g_file_get_contents (fixture->location, &before, &before_len, &error);
      g_assert_no_error (error);
    }

  refused = kefu_store_open (fixture->location, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, newer));
  g_assert_nonnull (strstr (error->message, known));
  g_clear_error (&error);

  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      /* Not one byte changed. */
      g_file_get_contents (fixture->location, &after, &after_len, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (before, before_len, after, after_len);
    }

  /* Refusing to open left everything in place: take the newer version away again (as if the
   * newer Kefu had never run) and the customer is still there. */
  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (fixture->location, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  else
    {
      g_autofree char *dbname = NULL;
      const char *slash = strstr (fixture->location, ":///");
      const char *question;

      g_assert_nonnull (slash);
      slash += 4;
      question = strchr (slash, '?');
      dbname = question != NULL ? g_strndup (slash, question - slash) : g_strdup (slash);
      kefu_test_pg_exec (dbname, sql);
    }

  fixture_reopen (fixture);
  g_assert_cmpint (kefu_store_count_customers (fixture->store, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

/* Times and placeholders */

static void
test_times (void)
{
  g_autoptr(GDateTime) ours = kefu_time_from_db ("2026-11-27 03:29:32.120Z");
  g_autoptr(GDateTime) pg = kefu_time_from_db ("2026-11-27 03:29:32.12+00");
  g_autoptr(GDateTime) pg_offset = kefu_time_from_db ("2026-11-27 11:29:32.12+08");
  g_autoptr(GDateTime) pg_whole = kefu_time_from_db ("2026-11-27 03:29:32+00");
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (shanghai, 2026, 1, 2, 8, 5, 6.789);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) back = NULL;

  g_assert_nonnull (ours);
  g_assert_nonnull (pg);
  g_assert_true (g_date_time_equal (ours, pg));
  g_assert_true (g_date_time_equal (ours, pg_offset));
  g_assert_cmpint (g_date_time_get_utc_offset (ours), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (ours), ==, 3);
  g_assert_cmpint (g_date_time_get_microsecond (ours), ==, 120000);
  g_assert_cmpint (g_date_time_get_microsecond (pg_whole), ==, 0);

  /* Stored as UTC text that sorts as text. */
  text = kefu_time_to_db (local);
  g_assert_cmpstr (text, ==, "2026-01-02 00:05:06.789Z");
  back = kefu_time_from_db (text);
  g_assert_cmpint (g_date_time_to_unix (back), ==, g_date_time_to_unix (local));

  g_assert_null (kefu_time_from_db ("yesterday"));
  g_assert_null (kefu_time_from_db ("2026-13-01 00:00:00Z"));
  g_assert_null (kefu_time_from_db ("2026-11-27 03:29:32Zjunk"));
}

static void
test_placeholders_and_now (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();

  /* "$1" inside a literal is text, not a placeholder; reverse() and now() exist in both. */
  rows = _kefu_store_query (fixture->store,
                            "SELECT '$1 it''s', CAST($1 AS TEXT), reverse($2), "
                            "CAST(now() AS TEXT), $3",
                            g_variant_new ("(ssx)", "参数", "5678", G_GINT64_CONSTANT (-9007199254740993)),
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==, "$1 it's");
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 1), ==, "参数");
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 2), ==, "8765");
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 4), ==, G_GINT64_CONSTANT (-9007199254740993));

  now = kefu_rows_get_time (rows, 0, 3);
  g_assert_nonnull (now);
  g_assert_cmpint (g_date_time_difference (now, before), >, -5 * G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (now, before), <, 60 * G_USEC_PER_SEC);
}

static void
test_check_finds_problems (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("林涛", "13855556666", "13855557777", NULL);
  g_auto(GStrv) healthy = NULL;
  g_auto(GStrv) problems = NULL;

  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  healthy = kefu_store_check (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (healthy), ==, 0);

  /* Someone removed the primary number behind Kefu's back: lookups would miss the customer. */
  g_assert_cmpint (_kefu_store_execute (fixture->store,
                                        "DELETE FROM customer_phones WHERE phone = '13855556666'",
                                        NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  problems = kefu_store_check (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "customer_phones"));
  /* One customer: the singular form of the sentence. */
  g_assert_true (g_str_has_prefix (problems[0], "1 customer has a primary phone number"));
}


void
test_store_add_schema_tests (void)
{
  g_test_add_func ("/kefu/store/times", test_times);
  TEST_ADD ("placeholders-and-now", test_placeholders_and_now);
  TEST_ADD ("schema/fresh", test_fresh_database);
  TEST_ADD ("schema/too-new", test_schema_too_new);
  TEST_ADD ("schema/check", test_check_finds_problems);
  test_store_add_open_tests ();
  test_store_add_async_tests ();
}
