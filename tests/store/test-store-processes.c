/* test-store-processes.c: several workstations on one database, as real processes.
 *
 * Each workstation is a kefu-test-writer process (real store, real file or server) that prints
 * what the store acknowledged. SQLite: 8 processes write 2,000 customers each into one file at
 * the same time, on a local file (WAL) and as on a network share (rollback journal,
 * synchronous=FULL); every customer is there exactly once, no error (say, "database is locked")
 * reaches a writer, and PRAGMA integrity_check says ok. Then a writer is killed with SIGKILL at
 * a random moment 50 times: the file passes integrity_check each time and every customer whose
 * save was acknowledged before the kill is there. PostgreSQL: 20 processes write 2,000 customers
 * each at once into one database of the test server.
 *
 * The writer's path is given with --writer PATH (meson passes it).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kefu-test-company.h"
#include "kefu-test-pg.h"
#include "test-store.h"

#define SQLITE_WRITERS      8
#define POSTGRES_WRITERS    20
#define RECORDS_PER_WRITER  2000
/* The figure on PostgreSQL too: 40,000 saves from twenty clients at once (about three
 * minutes on a 2-core CI machine that also runs the server; 400 each took 35 s there). */
#define RECORDS_PER_CLIENT  RECORDS_PER_WRITER
#define KILL_ROUNDS         50

static const char *writer_path;

typedef struct
{
  char        *location;
  char        *dir;          /* where the writers' output goes (and the SQLite file) */
  gboolean     network;      /* SQLite as on a network share */
  gint64       staff_id;
  /* "WRITER SEQ" → the id the store acknowledged, over every writer run so far. */
  GHashTable  *acks;
} Workstations;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        g_unlink (child);
      }
  g_rmdir (path);
}

static KefuStore *
open_store (Workstations *w)
{
  g_autoptr(GError) error = NULL;
  KefuStore *store;

  /* The test's own connection has the same journal settings as the writers (which are told
   * that the file is on a network share by KEFU_TEST_PRETEND_NETWORK_FS). */
  store = kefu_store_open_full (w->location,
                                w->network ? KEFU_STORE_OPEN_SHARED_FILE : KEFU_STORE_OPEN_DEFAULT,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Creates the database and the clerk the writers act as, before any writer starts (a new
 * database is created by the first workstation that opens it, as in an office). */
static void
workstations_setup (Workstations *w,
                    gboolean      network)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  /* In network-share mode every commit syncs the journal and the file (synchronous=FULL), which
   * on a disk shared with other work makes 16,000 saves take minutes without telling anything
   * about locking. What these tests check (the locks, the journal, the retries, what survives a
   * killed process) is the same on a RAM disk, so that mode runs in /dev/shm when there is one;
   * the journal files, the POSIX locks and the calls to fsync () are all still made. */
  if (network && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) &&
      g_access ("/dev/shm", W_OK) == 0)
    {
      w->dir = g_strdup ("/dev/shm/kefu-processes-XXXXXX");
      g_assert_nonnull (g_mkdtemp (w->dir));
    }
  else
    {
      w->dir = g_dir_make_tmp ("kefu-processes-XXXXXX", &error);
      g_assert_no_error (error);
    }
  w->network = network;
  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    w->location = g_build_filename (w->dir, "kefu.db", NULL);
  else
    w->location = kefu_test_pg_new_database ();
  w->acks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  store = open_store (w);
  kefu_store_set_system_actor (store);
  w->staff_id = kefu_test_make_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK, 0, TRUE);
  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      g_autoptr(KefuRows) rows = _kefu_store_query (store, "PRAGMA journal_mode", NULL, NULL,
                                                    &error);

      g_assert_no_error (error);
      g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==, network ? "delete" : "wal");
    }
}

static void
workstations_clear (Workstations *w)
{
  remove_tree (w->dir);
  g_free (w->dir);
  g_free (w->location);
  g_hash_table_unref (w->acks);
}

static char *
output_path (Workstations *w,
             guint         writer,
             const char   *what)
{
  g_autofree char *name = g_strdup_printf ("writer-%02u.%s", writer, what);

  return g_build_filename (w->dir, name, NULL);
}

static GSubprocess *
spawn_writer (Workstations *w,
              guint         writer,
              guint         count)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *out = output_path (w, writer, "out");
  g_autofree char *err = output_path (w, writer, "err");
  g_autofree char *writer_arg = g_strdup_printf ("%u", writer);
  g_autofree char *staff_arg = g_strdup_printf ("%" G_GINT64_FORMAT, w->staff_id);
  g_autofree char *count_arg = g_strdup_printf ("%u", count);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* Output goes to files: nothing is lost in a pipe when the writer is killed, and a writer
   * never waits for the test to read. */
  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  g_subprocess_launcher_set_stderr_file_path (launcher, err);
  g_subprocess_launcher_setenv (launcher, "KEFU_TEST_PRETEND_NETWORK_FS",
                                w->network ? "1" : "0", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, writer_path, w->location, writer_arg,
                                         staff_arg, count_arg, NULL);
  g_assert_no_error (error);
  return process;
}

/* Reads the writer's acknowledgements into w->acks; returns how many it gave. Only whole lines
 * count: a line is printed (and flushed) after its save returned. */
static guint
read_acks (Workstations *w,
           guint         writer)
{
  g_autofree char *path = output_path (w, writer, "out");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  /* The last piece follows the last newline: empty, or a line cut by the kill. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      guint got_writer, seq;
      gint64 id;
      char *key;

      g_assert_cmpint (sscanf (lines[i], "%u %u %" G_GINT64_FORMAT, &got_writer, &seq, &id), ==,
                       3);
      g_assert_cmpuint (got_writer, ==, writer);
      g_assert_cmpint (id, >, 0);
      key = g_strdup_printf ("%u %u", writer, seq);
      g_assert_false (g_hash_table_contains (w->acks, key));
      g_hash_table_insert (w->acks, key, GINT_TO_POINTER (1));
      g_hash_table_insert (w->acks, g_strdup_printf ("%s id", key), (gpointer) (gintptr) id);
      n++;
    }
  return n;
}

static char *
read_stderr (Workstations *w,
             guint         writer)
{
  g_autofree char *path = output_path (w, writer, "err");
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text != NULL ? text : g_strdup ("");
}

/* Checks the database as a fresh workstation opening it: integrity, every acknowledged customer
 * there once with the id it was acknowledged with, no customer twice. Returns how many of the
 * writers' customers the database holds. */
static guint
verify_database (Workstations *w)
{
  g_autoptr(KefuStore) store = open_store (w);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) problems = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_acked = 0;

  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      rows = _kefu_store_query (store, "PRAGMA integrity_check", NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
      g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==, "ok");
      g_clear_pointer (&rows, kefu_rows_free);
    }
  problems = kefu_store_check (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (problems, (const char * const[]) { NULL });

  rows = _kefu_store_query (store,
                            "SELECT c.id, c.name, "
                            "(SELECT COUNT(*) FROM events e WHERE e.entity = 'customers' "
                            "AND e.entity_id = c.id AND e.action = 'create') "
                            "FROM customers c WHERE c.name LIKE '写入进程%'",
                            NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      const char *name = kefu_rows_get_text (rows, i, 1);

      /* Exactly once, with its one creation event. */
      g_assert_false (g_hash_table_contains (by_name, name));
      g_assert_cmpint (kefu_rows_get_int (rows, i, 2), ==, 1);
      g_hash_table_insert (by_name, g_strdup (name),
                           (gpointer) (gintptr) kefu_rows_get_int (rows, i, 0));
    }

  g_hash_table_iter_init (&iter, w->acks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint writer, seq;
      g_autofree char *name = NULL;
      g_autofree char *id_key = NULL;

      if (g_str_has_suffix (key, " id"))
        continue;
      g_assert_cmpint (sscanf (key, "%u %u", &writer, &seq), ==, 2);
      name = g_strdup_printf ("写入进程%02u号客户%06u", writer, seq);
      id_key = g_strdup_printf ("%s id", (const char *) key);
      if (!g_hash_table_contains (by_name, name))
        g_error ("Customer “%s” was acknowledged but is not in the database", name);
      g_assert_cmpint ((gintptr) g_hash_table_lookup (by_name, name), ==,
                       (gintptr) g_hash_table_lookup (w->acks, id_key));
      n_acked++;
    }
  g_assert_cmpuint (n_acked, <=, g_hash_table_size (by_name));
  return g_hash_table_size (by_name);
}

/* n_writers processes write RECORDS_PER_WRITER customers each, all at once. */
static void
run_concurrent (guint    n_writers,
                guint    n_records,
                gboolean network)
{
  Workstations w = { 0 };
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  double seconds;
  guint total = 0;

  workstations_setup (&w, network);

  g_test_timer_start ();
  for (guint i = 0; i < n_writers; i++)
    g_ptr_array_add (processes, spawn_writer (&w, i, n_records));
  for (guint i = 0; i < n_writers; i++)
    {
      GSubprocess *process = processes->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      err = read_stderr (&w, i);
      /* A busy error, or any other, reaching a writer is a failure: the store retries. */
      if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
        g_error ("Writer %u failed: %s", i, err);
      g_assert_cmpstr (err, ==, "");
    }
  seconds = g_test_timer_elapsed ();

  for (guint i = 0; i < n_writers; i++)
    {
      guint n = read_acks (&w, i);

      g_assert_cmpuint (n, ==, n_records);
      total += n;
    }
  g_assert_cmpuint (verify_database (&w), ==, total);
  g_assert_cmpuint (total, ==, n_writers * n_records);
  g_test_message ("%u processes × %u customers (%s): %.1f s, %.0f saves/s", n_writers,
                  n_records,
                  test_backend () == KEFU_STORE_BACKEND_POSTGRES ? "PostgreSQL"
                  : network ? "SQLite, network-share mode" : "SQLite, WAL",
                  seconds, total / seconds);
  workstations_clear (&w);
}

static void
test_concurrent_local (void)
{
  run_concurrent (SQLITE_WRITERS, RECORDS_PER_WRITER, FALSE);
}

static void
test_concurrent_network (void)
{
  run_concurrent (SQLITE_WRITERS, RECORDS_PER_WRITER, TRUE);
}

static void
test_concurrent_postgres (void)
{
  run_concurrent (POSTGRES_WRITERS, RECORDS_PER_CLIENT, FALSE);
}

/* A writer killed with SIGKILL at a random moment, KILL_ROUNDS times on the same file. */
static void
run_kills (gboolean network)
{
  Workstations w = { 0 };
  guint rounds_with_saves = 0, acked = 0;
  double seconds;

  workstations_setup (&w, network);
  g_test_timer_start ();
  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = output_path (&w, round, "out");
      guint delay_ms = g_test_rand_int_range (0, 120);
      gint64 deadline;
      guint n;

      /* More customers than it can write before the kill. The kill comes at a random moment
       * after the first save was acknowledged, so that it falls in the middle of writing (and,
       * with a delay of 0, now and then while the second is on its way). */
      process = spawn_writer (&w, round, 1000000);
      deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      for (;;)
        {
          GStatBuf st;

          if (g_stat (out, &st) == 0 && st.st_size > 0)
            break;
          if (g_get_monotonic_time () > deadline)
            g_error ("Writer of round %u saved nothing in 20 s", round);
          g_usleep (1000);
        }
      g_usleep (delay_ms * 1000);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_if_exited (process))
        {
          g_autofree char *err = read_stderr (&w, round);

          g_error ("Writer of round %u exited by itself before the kill: %s", round, err);
        }
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

      n = read_acks (&w, round);
      acked += n;
      rounds_with_saves += n > 0;
      g_assert_cmpuint (verify_database (&w), >=, acked);
    }
  seconds = g_test_timer_elapsed ();
  g_assert_cmpuint (rounds_with_saves, ==, KILL_ROUNDS);
  g_test_message ("%u kills (%s): %u acknowledged saves, all present, file intact each time, "
                  "%.1f s", KILL_ROUNDS, network ? "network-share mode" : "WAL", acked, seconds);
  workstations_clear (&w);
}

static void
test_kill_local (void)
{
  run_kills (FALSE);
}

static void
test_kill_network (void)
{
  run_kills (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--writer"))
      {
        writer_path = argv[i + 1];
        memmove (&argv[i], &argv[i + 2], (argc - i - 1) * sizeof (char *));
        argc -= 2;
        break;
      }
  test_store_init (&argc, &argv);
  if (writer_path == NULL)
    g_error ("Give the writer program with --writer PATH");

  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      g_test_add_func ("/kefu/store/processes/concurrent-wal", test_concurrent_local);
      g_test_add_func ("/kefu/store/processes/concurrent-network-share", test_concurrent_network);
      g_test_add_func ("/kefu/store/processes/sigkill-wal", test_kill_local);
      g_test_add_func ("/kefu/store/processes/sigkill-network-share", test_kill_network);
    }
  else
    g_test_add_func ("/kefu/store/processes/concurrent-clients", test_concurrent_postgres);

  return g_test_run ();
}
