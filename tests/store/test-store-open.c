/* test-store-open.c: opening a database, and refusing what must be refused: a file that is not
 * a database, a read-only file, a missing shared file, a shared file held open elsewhere; open
 * flags; workstations opening at the same time.
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

/* SQLite files */

static void
assert_refused_file (const char   *path,
                     const char   *contents,
                     gsize         length,
                     int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *after = NULL;
  gsize after_length = 0;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  store = kefu_store_open (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  /* The file is left exactly as it was: no journal replay, no schema written into it. */
  g_file_get_contents (path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, after, after_length);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *random_path = NULL;
  g_autofree char *text_path = NULL;
  guint8 bytes[8192];
  GRand *rand;

  if (test_skip_unless_sqlite ())
    return;

  rand = g_rand_new_with_seed (42);
  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  random_path = g_build_filename (fixture->dir, "random.db", NULL);
  assert_refused_file (random_path, (const char *) bytes, sizeof bytes,
                       KEFU_STORE_ERROR_NOT_A_DATABASE);

  text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
  assert_refused_file (text_path, "客户名单\n王伟, 13812345678\n", strlen ("客户名单\n王伟, 13812345678\n"),
                       KEFU_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_other_application_database (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  if (test_skip_unless_sqlite ())
    return;

  /* A SQLite database with somebody else's tables (made here through our own connection, then
   * the Kefu tables removed) must not be turned into a Kefu database. */
  g_assert_cmpint (_kefu_store_execute (fixture->store, "CREATE TABLE invoices (id INTEGER)",
                                        NULL, NULL, &error), >=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (_kefu_store_execute (fixture->store, "DROP TABLE schema_migrations",
                                        NULL, NULL, &error), >=, 0);
  g_assert_no_error (error);
  fixture_close (fixture);

  store = kefu_store_open (fixture->location, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_A_DATABASE);
}

/* Runs in a child process: when the tests run as root, permissions do not stop root from writing,
 * so the child drops to the "nobody" user first; a 0444 file is then really read-only. */
static void
read_only_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (access (path, W_OK), !=, 0);

  store = kefu_store_open (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_print ("refused: %s\n", error->message);
}

/* Real root (every uid mapped) can switch to "nobody"; root inside a user namespace may not. */
static gboolean
can_become_nobody (void)
{
  g_autofree char *map = NULL;
  guint inside = 1, outside = 1, count = 0;

  if (!g_file_get_contents ("/proc/self/uid_map", &map, NULL, NULL))
    return TRUE;
  return sscanf (map, "%u %u %u", &inside, &outside, &count) == 3 && inside == 0 && count > 65534;
}

static void
test_read_only_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;

  if (g_test_subprocess ())
    {
      read_only_child (g_getenv ("KEFU_TEST_READ_ONLY_PATH"));
      return;
    }
  if (test_skip_unless_sqlite ())
    return;
  if (geteuid () == 0 && !can_become_nobody ())
    {
      g_test_skip ("running as root in a user namespace without the nobody user: a file "
                   "cannot be made read-only for us");
      return;
    }

  dir = g_dir_make_tmp ("kefu-store-ro-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "kefu.db", NULL);
  store = kefu_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The folder is opened up for "nobody" so that what stops the write is the file's own mode. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_file_get_contents (path, &before, &before_len, &error);
  g_assert_no_error (error);

  g_setenv ("KEFU_TEST_READ_ONLY_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*read-only*");
  g_unsetenv ("KEFU_TEST_READ_ONLY_PATH");

  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);

  g_chmod (path, 0600);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_failed_open_leaves_no_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *path = NULL;

  if (test_skip_unless_sqlite ())
    return;

  /* Opening a new file that stops half-way (here: cancelled) must not leave an empty file that
   * would later open as a database without its schema. */
  path = g_build_filename (fixture->dir, "new.db", NULL);
  g_cancellable_cancel (cancellable);
  store = kefu_store_open (path, cancellable, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An existing database is never removed by a failed open. */
  g_cancellable_reset (cancellable);
  fixture_close (fixture);
  g_cancellable_cancel (cancellable);
  store = kefu_store_open (fixture->location, cancellable, &error);
  g_assert_null (store);
  g_assert_true (g_file_test (fixture->location, G_FILE_TEST_EXISTS));
}

typedef struct
{
  KefuStore *store;
  gint       locked;
} Holder;

static gpointer
hold_write_lock_thread (gpointer data)
{
  Holder *holder = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (KEFU_STORE_GET_CLASS (holder->store)->begin (holder->store, TRUE, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&holder->locked, 1);
  /* Longer than SQLite's own busy timeout, so the other side gets BUSY and has to retry. */
  g_usleep (4 * G_USEC_PER_SEC);
  KEFU_STORE_GET_CLASS (holder->store)->rollback (holder->store);
  return NULL;
}

static void
test_busy_retry (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Holder holder = { 0 };
  GThread *thread;
  gint64 start, waited;

  if (test_skip_unless_sqlite ())
    return;

  /* Another workstation (here: a second connection) holds the write lock of the shared file. */
  holder.store = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("holder", hold_write_lock_thread, &holder);
  while (!g_atomic_int_get (&holder.locked))
    g_usleep (1000);

  start = g_get_monotonic_time ();
  test_create_staff (fixture->store, "patient", KEFU_ROLE_CLERK);
  waited = g_get_monotonic_time () - start;
  g_test_message ("the write waited %.1f s", waited / 1e6);

  /* The write went in once the lock was released, after waiting for it, not before. */
  g_assert_cmpint (waited, >=, 3 * G_USEC_PER_SEC);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM staff WHERE login = 'patient'"),
                   ==, 1);
  g_thread_join (thread);
  g_assert_finalize_object (holder.store);
}

/* Open flags */

/* A shared file whose share is not mounted must not be replaced by a new, empty database. */
static void
test_must_exist (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  if (test_skip_unless_sqlite ())
    return;

  folder = g_build_filename (fixture->dir, "absent", NULL);
  path = g_build_filename (folder, "kefu.db", NULL);
  store = kefu_store_open_full (path, KEFU_STORE_OPEN_MUST_EXIST, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_MISSING_FILE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Nor its folder: on a share that is not mounted, that is the mount point. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* Without migration an empty file opens, says it has no schema, and stays empty. */
static void
test_no_migrate (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  KefuStore *store;
  gsize length = 1;

  if (test_skip_unless_sqlite ())
    return;

  path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  store = kefu_store_open_full (path, KEFU_STORE_OPEN_NO_MIGRATE | KEFU_STORE_OPEN_MUST_EXIST,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_store_get_schema_version_found (store), ==, 0);
  g_assert_finalize_object (store);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 0);

  /* An up-to-date database opens normally. */
  store = kefu_store_open_full (fixture->location, KEFU_STORE_OPEN_NO_MIGRATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_store_get_schema_version_found (store), ==,
                    kefu_store_schema_version ());
  g_assert_finalize_object (store);
}

static char *
journal_mode (KefuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, "PRAGMA journal_mode", NULL, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

/* A shared file runs with a rollback journal even on a local disk, and refuses to open while
 * another computer keeps it in WAL through its local path. */
static void
test_shared_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *mode = NULL;
  g_autoptr(GError) error = NULL;
  KefuStore *store;
  sqlite3 *db = NULL;

  if (test_skip_unless_sqlite ())
    return;

  /* The fixture's store opened it by local path, in WAL mode; another computer reading it
   * that way keeps it in WAL. */
  mode = journal_mode (fixture->store);
  g_assert_cmpstr (mode, ==, "wal");
  fixture_close (fixture);
  g_assert_cmpint (sqlite3_open (fixture->location, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; SELECT COUNT(*) FROM staff", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  store = kefu_store_open_full (fixture->location, KEFU_STORE_OPEN_SHARED_FILE, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OPEN_ELSEWHERE);
  g_assert_null (store);
  g_clear_error (&error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  db = NULL;

  path = g_strdup (fixture->location);
  store = kefu_store_open_full (path, KEFU_STORE_OPEN_SHARED_FILE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&mode, g_free);
  mode = journal_mode (store);
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_finalize_object (store);

  /* And it stays so for the next workstation. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

typedef struct
{
  const char *path;
  gint        locked;
} ExclusiveHolder;

static gpointer
hold_exclusive_thread (gpointer data)
{
  ExclusiveHolder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_atomic_int_set (&holder->locked, 1);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

/* Opening waits for another workstation's commit instead of failing at the first read. */
static void
test_open_while_locked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ExclusiveHolder holder = { 0 };
  KefuStore *store;
  GThread *thread;

  if (test_skip_unless_sqlite ())
    return;

  /* A rollback journal, as on a share: there an exclusive lock keeps readers out too. */
  fixture_close (fixture);
  path = g_strdup (fixture->location);
  store = kefu_store_open_full (path, KEFU_STORE_OPEN_SHARED_FILE, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  holder.path = path;
  thread = g_thread_new ("exclusive", hold_exclusive_thread, &holder);
  while (!g_atomic_int_get (&holder.locked))
    g_usleep (1000);

  store = kefu_store_open_full (path, KEFU_STORE_OPEN_SHARED_FILE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_thread_join (thread);
  g_assert_finalize_object (store);
}

#define N_CONCURRENT_OPENS 8

static gpointer
open_thread (gpointer data)
{
  GError *error = NULL;
  KefuStore *store = kefu_store_open (data, NULL, &error);

  if (store != NULL)
    g_object_unref (store);
  return error;
}

/* Workstations opening the same fresh PostgreSQL database at once all get it migrated once. */
static void
test_concurrent_first_open (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *location = NULL;
  GThread *threads[N_CONCURRENT_OPENS];
  guint failures = 0;
  KefuStore *store;
  g_autoptr(GError) error = NULL;

  if (test_backend () != KEFU_STORE_BACKEND_POSTGRES)
    {
      g_test_skip ("PostgreSQL case");
      return;
    }

  location = kefu_test_pg_new_database ();
  for (guint i = 0; i < N_CONCURRENT_OPENS; i++)
    threads[i] = g_thread_new ("open", open_thread, location);
  for (guint i = 0; i < N_CONCURRENT_OPENS; i++)
    {
      g_autoptr(GError) thread_error = g_thread_join (threads[i]);

      if (thread_error != NULL)
        {
          g_test_message ("open %u failed: %s", i, thread_error->message);
          failures++;
        }
    }
  g_assert_cmpuint (failures, ==, 0);

  store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  /* Each step once (step numbers are reserved ahead, so they may have gaps). */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM schema_migrations"), ==,
                   (gint64) _kefu_schema_n_steps ());
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM staff WHERE login = 'system'"), ==, 1);
  g_assert_finalize_object (store);
}

static void
test_location_kind (void)
{
  g_assert_true (kefu_store_location_is_server ("postgresql://kefu@db.example.com/kefu"));
  g_assert_true (kefu_store_location_is_server ("postgres:///kefu?host=/run/postgresql"));
  g_assert_true (kefu_store_location_is_server ("host=db.example.com dbname=kefu"));
  g_assert_true (kefu_store_location_is_server ("  dbname = kefu"));
  g_assert_false (kefu_store_location_is_server ("/home/clerk/.local/share/kefu/kefu.db"));
  g_assert_false (kefu_store_location_is_server ("kefu.db"));
  g_assert_false (kefu_store_location_is_server ("./dbname=kefu.db"));
  g_assert_false (kefu_store_location_is_server ("/mnt/共享/客服=2026.db"));
}


void
test_store_add_open_tests (void)
{
  g_test_add_func ("/kefu/store/location-kind", test_location_kind);
  TEST_ADD ("sqlite/not-a-database", test_not_a_database);
  TEST_ADD ("sqlite/other-application", test_other_application_database);
  g_test_add_func ("/kefu/store/sqlite/read-only", test_read_only_file);
  TEST_ADD ("sqlite/failed-open-leaves-no-file", test_failed_open_leaves_no_file);
  TEST_ADD ("sqlite/busy-retry", test_busy_retry);
  TEST_ADD ("sqlite/must-exist", test_must_exist);
  TEST_ADD ("sqlite/no-migrate", test_no_migrate);
  TEST_ADD ("sqlite/shared-file", test_shared_file);
  TEST_ADD ("sqlite/open-while-locked", test_open_while_locked);
  TEST_ADD ("schema/concurrent-first-open", test_concurrent_first_open);
}
