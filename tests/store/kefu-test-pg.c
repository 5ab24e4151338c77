/* kefu-test-pg.c: a throwaway PostgreSQL server per test process.
 *
 * Each test process gets its own data directory, socket directory and port, so test binaries
 * that meson runs in parallel never share a server. Clean-up has two layers: an atexit() handler
 * stops the server on a normal exit, and a watchdog shell (its own session, waiting on a pipe
 * that only this process holds) stops it and removes the folder when the process dies in any
 * other way, e.g. abort() on a failed assertion, which skips atexit().
 */
#define G_LOG_DOMAIN "kefu-test-pg"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "kefu-test-pg.h"

typedef struct
{
  gboolean  started;
  char     *bindir;
  char     *tmpdir;      /* holds data/, the socket and server.log */
  char     *datadir;
  char     *logfile;
  guint     port;
  gboolean  as_postgres; /* we are root: run the server tools as the user postgres */
  uid_t     pg_uid;
  gid_t     pg_gid;
  int       watchdog_fd; /* write end of the watchdog's pipe */
  guint     n_databases;
  GPtrArray *password_roles;
} TestServer;

static TestServer server = { .watchdog_fd = -1 };
G_LOCK_DEFINE_STATIC (server);

static char *
read_log (void)
{
  g_autofree char *log = NULL;

  if (server.logfile == NULL || !g_file_get_contents (server.logfile, &log, NULL, NULL))
    return g_strdup ("(no server log)");
  return g_steal_pointer (&log);
}

/* Runs a server tool (initdb, pg_ctl) as the right user; returns FALSE with its output. */
static gboolean
run_tool (const char *const *args,
          char              **output)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (server.as_postgres)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (server.bindir, args[0], NULL));
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  /* The tools run in the temporary folder: the user postgres may not read the work tree. */
  if (!g_spawn_sync (server.tmpdir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      if (output != NULL)
        *output = g_strdup (error->message);
      return FALSE;
    }
  if (output != NULL)
    *output = g_strconcat (out, err, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

static char *
find_bindir (void)
{
  const char *env = g_getenv ("KEFU_TEST_PG_BINDIR");
  g_autofree char *in_path = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  in_path = g_find_program_in_path ("pg_ctl");
  if (in_path != NULL)
    return g_path_get_dirname (in_path);
  if (g_file_test ("/usr/lib/postgresql/17/bin/pg_ctl", G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup ("/usr/lib/postgresql/17/bin");
  g_error ("PostgreSQL's initdb and pg_ctl were not found in PATH, in /usr/lib/postgresql/17/bin "
           "or in KEFU_TEST_PG_BINDIR: install postgresql-17 (build-aux/dev does)");
  return NULL;
}

/* The server options: socket in our folder, no TCP, no fsync (the data are thrown away). */
static char *
server_options (void)
{
  return g_strdup_printf ("-k %s -p %u -c listen_addresses= -c fsync=off "
                          "-c synchronous_commit=off -c full_page_writes=off "
                          "-c max_connections=40 -c shared_buffers=16MB",
                          server.tmpdir, server.port);
}

static void
write_hba (void)
{
  g_autoptr(GString) hba = g_string_new ("# Written by the Kefu test harness.\n");
  g_autofree char *path = g_build_filename (server.datadir, "pg_hba.conf", NULL);
  g_autoptr(GError) error = NULL;

  /* Roles that must give a password come first: the first matching line decides. */
  for (guint i = 0; server.password_roles != NULL && i < server.password_roles->len; i++)
    g_string_append_printf (hba, "local all %s scram-sha-256\n",
                            (const char *) server.password_roles->pdata[i]);
  g_string_append (hba, "local all all trust\n");

  if (!g_file_set_contents_full (path, hba->str, hba->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_error ("Could not write %s: %s", path, error->message);
  if (server.as_postgres && chown (path, server.pg_uid, server.pg_gid) != 0)
    g_error ("Could not give %s to the user postgres: %s", path, g_strerror (errno));
}

static void
stop_server_at_exit (void)
{
  const char *stop[] = { "pg_ctl", "-D", server.datadir, "-m", "immediate", "-w", "stop", NULL };
  const char *rm[] = { "rm", "-rf", server.tmpdir, NULL };

  if (!server.started)
    return;
  server.started = FALSE;
  run_tool (stop, NULL);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  if (server.watchdog_fd >= 0)
    close (server.watchdog_fd);
  server.watchdog_fd = -1;
}

static void
watchdog_setup (gpointer user_data)
{
  /* Its own session: a signal to the test's process group must not take the watchdog along. */
  setsid ();
}

/* Starts a shell that waits for EOF on a pipe only this process holds, then stops the server and
 * removes the folder. The pipe's write end is close-on-exec, so the server never inherits it. */
static void
start_watchdog (void)
{
  g_autofree char *pg_ctl = g_build_filename (server.bindir, "pg_ctl", NULL);
  const char *script =
    "read -r _; "
    "if [ \"$1\" = yes ]; then runuser -u postgres -- \"$2\" -D \"$3\" -m immediate -w stop; "
    "else \"$2\" -D \"$3\" -m immediate -w stop; fi; "
    "rm -rf \"$4\"";
  const char *argv[] = { "sh", "-c", script, "kefu-test-pg-watchdog",
                         server.as_postgres ? "yes" : "no", pg_ctl, server.datadir,
                         server.tmpdir, NULL };
  g_autoptr(GError) error = NULL;
  int fd = -1;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                                 G_SPAWN_STDERR_TO_DEV_NULL,
                                 watchdog_setup, NULL, NULL, &fd, NULL, NULL, &error))
    g_error ("Could not start the PostgreSQL clean-up watchdog: %s", error->message);
  fcntl (fd, F_SETFD, FD_CLOEXEC);
  server.watchdog_fd = fd;
}

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *options = NULL;

  server.bindir = find_bindir ();
  server.as_postgres = geteuid () == 0;
  if (server.as_postgres)
    {
      struct passwd *pw = getpwnam ("postgres");

      if (pw == NULL)
        g_error ("The tests run as root, and PostgreSQL refuses to run as root, but there is no "
                 "user “postgres” to run it as: install postgresql-17 or run the tests as a "
                 "normal user");
      server.pg_uid = pw->pw_uid;
      server.pg_gid = pw->pw_gid;
    }

  server.tmpdir = g_dir_make_tmp ("kefu-test-pg-XXXXXX", &error);
  if (server.tmpdir == NULL)
    g_error ("Could not make a temporary folder for PostgreSQL: %s", error->message);
  if (server.as_postgres && chown (server.tmpdir, server.pg_uid, server.pg_gid) != 0)
    g_error ("Could not give %s to the user postgres: %s", server.tmpdir, g_strerror (errno));
  server.datadir = g_build_filename (server.tmpdir, "data", NULL);
  server.logfile = g_build_filename (server.tmpdir, "server.log", NULL);

  /* From here on the folder exists: it must go away whatever happens to this process. */
  start_watchdog ();
  server.started = TRUE;
  atexit (stop_server_at_exit);

  {
    const char *initdb[] = { "initdb", "-D", server.datadir, "-A", "trust", "-U", "postgres",
                             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", NULL };

    if (!run_tool (initdb, &output))
      g_error ("initdb failed:\n%s", output);
    g_clear_pointer (&output, g_free);
  }
  write_hba ();

  /* The socket lives in our own folder, so ports only clash through the shared-memory keys the
   * server derives from them; try a few. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      server.port = (guint) g_random_int_range (20000, 60000);
      g_free (options);
      options = server_options ();
      {
        const char *start[] = { "pg_ctl", "-D", server.datadir, "-l", server.logfile, "-w",
                                "-t", "60", "-o", options, "start", NULL };

        g_clear_pointer (&output, g_free);
        if (run_tool (start, &output))
          return;
      }
    }

  {
    g_autofree char *log = read_log ();

    g_error ("The PostgreSQL test server did not start:\n%s\nServer log:\n%s", output, log);
  }
}

static void
ensure_server (void)
{
  G_LOCK (server);
  if (!server.started)
    start_server ();
  G_UNLOCK (server);
}

static PGconn *
connect_as_superuser (const char *dbname)
{
  g_autofree char *port = g_strdup_printf ("%u", server.port);
  const char *keys[] = { "host", "port", "user", "dbname", "connect_timeout", NULL };
  const char *values[] = { server.tmpdir, port, "postgres", dbname, "10", NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *log = read_log ();

      g_error ("Could not connect to the PostgreSQL test server: %s\nServer log:\n%s",
               PQerrorMessage (conn), log);
    }
  return conn;
}

static void
ignore_notice (void       *arg,
               const char *message)
{
}

void
kefu_test_pg_exec (const char *dbname,
                   const char *sql)
{
  PGconn *conn;
  PGresult *result;

  g_return_if_fail (dbname != NULL);
  g_return_if_fail (sql != NULL);

  ensure_server ();
  conn = connect_as_superuser (dbname);
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("The test harness's SQL failed: %s\n%s", PQerrorMessage (conn), sql);
  PQclear (result);
  PQfinish (conn);
}

char *
kefu_test_pg_new_database (void)
{
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  ensure_server ();

  G_LOCK (server);
  name = g_strdup_printf ("kefu_test_%u", ++server.n_databases);
  G_UNLOCK (server);

  /* template0 with an explicit C.UTF-8 locale: pg_trgm and case folding must see Chinese text
   * as letters, which a database with LC_CTYPE C does not. */
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' "
                         "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", name);
  kefu_test_pg_exec ("postgres", sql);

  return g_strdup_printf ("postgresql:///%s?host=%s&port=%u&user=postgres",
                          name, server.tmpdir, server.port);
}

void
kefu_test_pg_require_password (const char *role)
{
  gboolean running;

  g_return_if_fail (role != NULL);

  G_LOCK (server);
  if (server.password_roles == NULL)
    server.password_roles = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (server.password_roles, g_strdup (role));
  running = server.started;
  if (running)
    write_hba ();
  G_UNLOCK (server);

  if (running)
    {
      kefu_test_pg_exec ("postgres", "SELECT pg_reload_conf()");
      /* The postmaster rereads pg_hba.conf when the signal arrives, not before the call returns. */
      g_usleep (G_USEC_PER_SEC / 2);
    }
}

void
kefu_test_pg_restart (void)
{
  g_autofree char *options = NULL;
  g_autofree char *output = NULL;

  ensure_server ();
  options = server_options ();
  {
    const char *restart[] = { "pg_ctl", "-D", server.datadir, "-l", server.logfile, "-w",
                              "-t", "60", "-m", "fast", "-o", options, "restart", NULL };

    if (!run_tool (restart, &output))
      {
        g_autofree char *log = read_log ();

        g_error ("The PostgreSQL test server did not restart:\n%s\nServer log:\n%s", output, log);
      }
  }
}

/* pg_ctl `action` ("stop" or "start") on the running test server's folder, or a fatal error. */
static void
control_server (const char *action)
{
  g_autofree char *options = NULL;
  g_autofree char *output = NULL;

  ensure_server ();
  options = server_options ();
  {
    const char *args[] = { "pg_ctl", "-D", server.datadir, "-l", server.logfile, "-w",
                           "-t", "60", "-m", "fast", "-o", options, action, NULL };

    if (!run_tool (args, &output))
      {
        g_autofree char *log = read_log ();

        g_error ("pg_ctl %s failed on the PostgreSQL test server:\n%s\nServer log:\n%s",
                 action, output, log);
      }
  }
}

void
kefu_test_pg_stop (void)
{
  control_server ("stop");
}

void
kefu_test_pg_start (void)
{
  control_server ("start");
}

const char *
kefu_test_pg_get_socket_dir (void)
{
  ensure_server ();
  return server.tmpdir;
}

guint
kefu_test_pg_get_port (void)
{
  ensure_server ();
  return server.port;
}
