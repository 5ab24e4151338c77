/* test-store-backup.c: backups and the network-share settings, on both backends.
 *
 * SQLite: a backup is a checked copy that opens with the same customers; a file the store takes
 * for a network share (KEFU_TEST_PRETEND_NETWORK_FS=1, as a test cannot mount one) runs with
 * journal_mode=DELETE and synchronous=FULL, a local one in WAL. PostgreSQL: a backup is refused
 * with the pg_dump command for the database, and the store is never "on a network share".
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kefu-test-pg.h"
#include "test-store.h"

static char *
pragma_text (KefuStore  *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

static gint64
add_customer (KefuStore  *store,
              const char *name,
              const char *phone)
{
  g_autoptr(KefuCustomer) c = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_create_customer (store, c, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (c));
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(KefuStore) copy = NULL;
  g_autoptr(KefuCustomer) read = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 zhang, li;

  zhang = add_customer (fixture->store, "张三丰", "13800138000");
  li = add_customer (fixture->store, "李四", "13912345678");

  if (test_backend () == KEFU_STORE_BACKEND_POSTGRES)
    {
      g_autofree char *port = g_strdup_printf ("--port=%u", kefu_test_pg_get_port ());
      g_autofree char *tmp = g_dir_make_tmp ("kefu-backup-XXXXXX", &error);
      g_autofree char *dbname = NULL;

      g_assert_no_error (error);
      copy_path = g_build_filename (tmp, "copy.db", NULL);
      g_assert_false (kefu_store_backup (fixture->store, copy_path, NULL, &error));
      g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "pg_dump "));
      g_assert_nonnull (strstr (error->message, port));
      g_assert_nonnull (strstr (error->message, "--host="));
      /* The database is the URI's path: postgresql:///NAME?host=… */
      g_assert_true (g_str_has_prefix (fixture->location, "postgresql:///"));
      dbname = g_strndup (fixture->location + strlen ("postgresql:///"),
                          strcspn (fixture->location + strlen ("postgresql:///"), "?"));
      g_assert_cmpuint (strlen (dbname), >, 0);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_suffix (error->message, dbname));
      g_assert_null (strstr (error->message, "password"));
      g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
      g_rmdir (tmp);
      return;
    }

  copy_path = g_build_filename (fixture->dir, "backups", "copy.db", NULL);
  /* A folder that does not exist is reported, and leaves nothing behind. */
  g_assert_false (kefu_store_backup (fixture->store, copy_path, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_free (copy_path);
  copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_assert_true (kefu_store_backup (fixture->store, copy_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));

  /* Nothing is left beside it: the partial file was renamed, and the copy is self-contained. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "kefu.db") || g_str_equal (name, "copy.db"));

  /* A change after the backup is not in the copy. */
  add_customer (fixture->store, "王五", "13700001111");

  copy = kefu_store_open (copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_count_customers (copy, NULL, &error), ==, 2);
  g_assert_no_error (error);
  read = kefu_store_get_customer (copy, zhang, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "张三丰");
  g_clear_object (&read);
  read = kefu_store_get_customer (copy, li, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "李四");
  g_assert_cmpint (kefu_store_count_customers (fixture->store, NULL, &error), ==, 3);

  /* Backing up onto an existing copy replaces it. */
  g_clear_object (&copy);
  g_assert_true (kefu_store_backup (fixture->store, copy_path, NULL, &error));
  g_assert_no_error (error);
  copy = kefu_store_open (copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_count_customers (copy, NULL, &error), ==, 3);
}

static void
test_network_share (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) shared = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *synchronous = NULL;
  g_autofree char *shared_path = NULL;

  g_assert_false (kefu_store_is_on_network_share (fixture->store));
  if (test_backend () == KEFU_STORE_BACKEND_POSTGRES)
    return;

  /* The test folder is local: WAL. */
  journal = pragma_text (fixture->store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_clear_pointer (&journal, g_free);

  shared_path = g_build_filename (fixture->dir, "share.db", NULL);
  g_setenv ("KEFU_TEST_PRETEND_NETWORK_FS", "1", TRUE);
  shared = kefu_store_open (shared_path, NULL, &error);
  g_unsetenv ("KEFU_TEST_PRETEND_NETWORK_FS");
  g_assert_no_error (error);
  g_assert_true (kefu_store_is_on_network_share (shared));
  journal = pragma_text (shared, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  synchronous = pragma_text (shared, "PRAGMA synchronous");
  g_assert_cmpstr (synchronous, ==, "2");   /* FULL */

  /* Writes work in that mode, and nothing WAL-like appears beside the file. */
  kefu_store_set_system_actor (shared);
  add_customer (shared, "赵六", "13600002222");
  {
    g_autofree char *wal = g_strconcat (shared_path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&shared);
}

/* Ends the reader's transaction after the writer's COMMIT has timed out once. */
static gpointer
end_read_later (gpointer data)
{
  KefuStore *reader = data;

  g_usleep (4 * G_USEC_PER_SEC);
  KEFU_STORE_GET_CLASS (reader)->rollback (reader);
  return NULL;
}

/* On a rollback journal a reader's shared lock lets another connection BEGIN IMMEDIATE and
 * write, but not COMMIT: the COMMIT waits out the busy timeout (3 s) and returns BUSY with the
 * transaction still open. The write must be rolled back and retried as a whole, and succeed
 * once the reader is gone. */
static void
test_busy_commit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) reader = NULL;
  g_autoptr(KefuStore) writer = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuCustomer) c = NULL;
  g_autofree char *path = NULL;
  GThread *thread;
  gint64 started;

  if (test_skip_unless_sqlite ())
    return;

  path = g_build_filename (fixture->dir, "share.db", NULL);
  g_setenv ("KEFU_TEST_PRETEND_NETWORK_FS", "1", TRUE);
  reader = kefu_store_open (path, NULL, &error);
  g_assert_no_error (error);
  writer = kefu_store_open (path, NULL, &error);
  g_unsetenv ("KEFU_TEST_PRETEND_NETWORK_FS");
  g_assert_no_error (error);
  kefu_store_set_system_actor (writer);

  /* The reader holds a shared lock until its transaction ends. */
  g_assert_true (KEFU_STORE_GET_CLASS (reader)->begin (reader, FALSE, &error));
  g_assert_no_error (error);
  rows = _kefu_store_query (reader, "SELECT COUNT(*) FROM customers", NULL, NULL, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("reader", end_read_later, reader);

  started = g_get_monotonic_time ();
  c = test_new_customer ("孙七", "13500003333", NULL);
  g_assert_true (kefu_store_create_customer (writer, c, NULL, &error));
  g_assert_no_error (error);
  /* It had to wait for the reader, past one busy timeout: the first COMMIT was BUSY. */
  g_assert_cmpint (g_get_monotonic_time () - started, >, 3 * G_USEC_PER_SEC);
  g_thread_join (thread);

  /* Written once, and the writer is out of its transaction: the reader sees it. */
  g_assert_cmpint (kefu_store_count_customers (reader, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_count_customers (writer, NULL, &error), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  test_store_init (&argc, &argv);
  TEST_ADD ("backup/copy", test_backup);
  TEST_ADD ("backup/network-share", test_network_share);
  TEST_ADD ("backup/busy-commit", test_busy_commit);
  return g_test_run ();
}
