/* kefu-store-backup.c: the file a store lies on: whether it is on a network share, and backups.
 *
 * A SQLite database is copied with SQLite's online backup API on the store's own connection
 * (a second connection or a plain file copy could drop its POSIX locks, tech-notes.md), a few
 * pages per step with the connection lock released between steps, so neither this process's
 * other threads nor other workstations wait long. A PostgreSQL database is backed up with the
 * server's own tool, pg_dump; the store only says how.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kefu-store-internal.h"
#include "postgres/kefu-pg-store-private.h"
#include "sqlite/kefu-sqlite-private.h"

/* Pages copied per step: 256 pages of 4 KiB is 1 MiB, a few milliseconds of lock. */
#define BACKUP_PAGES_PER_STEP 256
#define BACKUP_BUSY_WAIT_MS   50

/**
 * kefu_store_is_on_network_share:
 *
 * Returns: %TRUE when the store is a SQLite file on a network filesystem (it then runs with
 *   journal_mode=DELETE and synchronous=FULL instead of WAL); %FALSE for a local file and for
 *   PostgreSQL
 */
gboolean
kefu_store_is_on_network_share (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  if (!KEFU_IS_SQLITE_STORE (self))
    return FALSE;
  return kefu_sqlite_store_get_network_file (KEFU_SQLITE_STORE (self));
}

static void
remove_partial (const char *partial)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (partial, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
set_backup_error (const char  *destination,
                  const char  *reason,
                  GError     **error)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
               _("Could not back up the database to “%s”: %s. Check that the folder exists, "
                 "that you may write to it and that it has room, then try again."),
               destination, reason);
  return FALSE;
}

/* Runs PRAGMA quick_check on the finished copy: a backup that does not read back is no backup. */
static gboolean
check_copy (sqlite3     *copy,
            const char  *destination,
            GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (copy, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_backup_error (destination, sqlite3_errmsg (copy), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    g_string_append (problems, sqlite3_errmsg (copy));
  sqlite3_finalize (stmt);
  if (problems->len > 0)
    return set_backup_error (destination, problems->str, error);
  return TRUE;
}

static gboolean
backup_sqlite (KefuSqliteStore  *self,
               const char       *destination,
               GCancellable     *cancellable,
               GError          **error)
{
  KefuStore *store = KEFU_STORE (self);
  /* Beside the final name, so that the rename is atomic and a half-written copy never takes the
   * name of a good one. */
  g_autofree char *partial = g_strdup_printf ("%s.part-%d", destination, (int) getpid ());
  g_autofree char *reason = NULL;
  sqlite3_backup *backup;
  sqlite3 *copy = NULL;
  gboolean cancelled = FALSE;
  int rc;

  remove_partial (partial);
  rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      reason = g_strdup (copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      remove_partial (partial);
      return set_backup_error (destination, reason, error);
    }

  _kefu_store_lock (store);
  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  _kefu_store_unlock (store);
  if (backup == NULL)
    {
      reason = g_strdup (sqlite3_errmsg (copy));
      sqlite3_close (copy);
      remove_partial (partial);
      return set_backup_error (destination, reason, error);
    }

  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      /* The source connection is not thread-safe by itself (NOMUTEX): each step runs under the
       * store's lock, and other queries run between steps. Writes made through this connection
       * meanwhile go into the copy; another workstation's write restarts it. */
      _kefu_store_lock (store);
      rc = sqlite3_backup_step (backup, BACKUP_PAGES_PER_STEP);
      _kefu_store_unlock (store);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (BACKUP_BUSY_WAIT_MS);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  _kefu_store_lock (store);
  rc = sqlite3_backup_finish (backup);
  _kefu_store_unlock (store);

  if (cancelled)
    {
      sqlite3_close (copy);
      remove_partial (partial);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (rc != SQLITE_OK)
    {
      reason = g_strdup (sqlite3_errmsg (copy));
      sqlite3_close (copy);
      remove_partial (partial);
      return set_backup_error (destination, reason, error);
    }

  /* The copy is one self-contained file: a copy of a WAL database would otherwise want -wal and
   * -shm files beside it wherever it is taken. */
  sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (!check_copy (copy, destination, error))
    {
      sqlite3_close (copy);
      remove_partial (partial);
      return FALSE;
    }
  rc = sqlite3_close (copy);
  if (rc != SQLITE_OK)
    {
      remove_partial (partial);
      return set_backup_error (destination, sqlite3_errstr (rc), error);
    }

  if (g_rename (partial, destination) != 0)
    {
      int errsv = errno;

      remove_partial (partial);
      return set_backup_error (destination, g_strerror (errsv), error);
    }
  g_debug ("Backed up %s to %s", self->path, destination);
  return TRUE;
}

/* Quotes a word for the shell only when it needs it, so the usual command reads plainly. */
static char *
shell_word (const char *value)
{
  for (const char *c = value; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("_-./:@%+=,", *c) == NULL)
      return g_shell_quote (value);
  return g_strdup (value);
}

/* The pg_dump command for this database: host, port, database and user from the connection,
 * never a password (pg_dump asks for it, or reads ~/.pgpass). */
static char *
pg_dump_command (KefuPgStore *self)
{
  KefuStore *store = KEFU_STORE (self);
  g_autoptr(GString) command = g_string_new ("pg_dump --format=custom --file=kefu.dump");
  const char *values[4] = { NULL };
  static const char *const options[] = { "--host=", "--port=", "--username=", NULL };

  _kefu_store_lock (store);
  if (self->conn != NULL)
    {
      values[0] = PQhost (self->conn);
      values[1] = PQport (self->conn);
      values[2] = PQuser (self->conn);
      values[3] = PQdb (self->conn);
    }
  for (guint i = 0; options[i] != NULL; i++)
    if (values[i] != NULL && values[i][0] != '\0')
      {
        g_autofree char *quoted = shell_word (values[i]);

        g_string_append_printf (command, " %s%s", options[i], quoted);
      }
  if (values[3] != NULL && values[3][0] != '\0')
    {
      g_autofree char *quoted = shell_word (values[3]);

      g_string_append_printf (command, " %s", quoted);
    }
  _kefu_store_unlock (store);
  return g_string_free (g_steal_pointer (&command), FALSE);
}

/**
 * kefu_store_backup:
 * @destination_path: the file to write; replaced when it exists
 *
 * Copies a SQLite database to @destination_path (see kefu-store.h). A PostgreSQL database is
 * refused with %KEFU_STORE_ERROR_FAILED and a message with the pg_dump command to run instead.
 *
 * Returns: %TRUE when the checked copy is in place, or %FALSE with @error set
 */
gboolean
kefu_store_backup (KefuStore     *self,
                   const char    *destination_path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (KEFU_IS_PG_STORE (self))
    {
      g_autofree char *command = pg_dump_command (KEFU_PG_STORE (self));

      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("Kefu backs up only SQLite database files. Back up this PostgreSQL "
                     "database with the server’s own tool instead: %s"), command);
      return FALSE;
    }

  return backup_sqlite (KEFU_SQLITE_STORE (self), destination_path, cancellable, error);
}
