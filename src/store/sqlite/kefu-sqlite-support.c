/* kefu-sqlite-support.c: the SQLite backend's helpers that need no connection state: error
 * mapping, the now() and reverse() SQL functions, the $n placeholder rewrite, parameter binding,
 * and network filesystem detection.
 */
#define G_LOG_DOMAIN "kefu-sqlite"

#include "config.h"

#include <string.h>
#include <sys/vfs.h>
#include <glib/gi18n.h>

#include "kefu-sqlite-private.h"

/* Filesystem magic numbers (statfs f_type) of network and FUSE filesystems. */
#define NFS_SUPER_MAGIC   0x6969
#define SMB_SUPER_MAGIC   0x517B
#define CIFS_SUPER_MAGIC  0xFF534D42
#define SMB2_SUPER_MAGIC  0xFE534D42
#define FUSE_SUPER_MAGIC  0x65735546
#define V9FS_MAGIC        0x01021997
#define CEPH_MAGIC        0x00C36400
#define AFS_MAGIC         0x6B414653

/* Errors */

gboolean
_kefu_sqlite_set_error (sqlite3       *db,
                        int            code,
                        const char    *path,
                        GCancellable  *cancellable,
                        const char    *what,
                        GError       **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);
  int primary = code & 0xff;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY,
                   _("Another workstation is using the database “%s”. Try again in a moment."),
                   path);
      return FALSE;
    case SQLITE_INTERRUPT:
      if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          return FALSE;
        }
      break;
    case SQLITE_READONLY:
      /* The file is no longer at its path (its folder moved away, or the share it is on dropped
       * and the path now leads nowhere): an outage, not a permission. */
      if (code == SQLITE_READONLY_DBMOVED)
        {
          g_debug ("%s failed on %s: %s", what, path, message);
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE,
                       _("The database file “%s” cannot be reached (%s). Check that the shared "
                         "folder is connected; nothing was saved."), path, message);
          return FALSE;
        }
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_READ_ONLY,
                   _("The database file “%s” cannot be written to (%s). Ask your IT contact "
                     "for write access, or choose another database."), path, message);
      return FALSE;
    case SQLITE_NOTADB:
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Kefu database (it is not a SQLite database file). "
                     "Choose another file."), path);
      return FALSE;
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE,
                     _("This is already recorded (%s)."), message);
      else if (code == SQLITE_CONSTRAINT_TRIGGER)
        g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                     _("The database refused the change: %s."), message);
      else
        g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                     _("The database refused a value: %s."), message);
      return FALSE;
    case SQLITE_FULL:
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("The disk holding “%s” is full. Free some space and try again."), path);
      return FALSE;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      /* The file or its folder went away under the open connection (a file share that
       * dropped): the journal cannot be made, reads and writes fail. Nothing was written. */
      if (code == SQLITE_IOERR_NOMEM)
        break;
      g_debug ("%s failed on %s: %s", what, path, message);
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE,
                   _("The database file “%s” cannot be reached (%s). Check that the shared folder "
                     "is connected; nothing was saved."), path, message);
      return FALSE;
    case SQLITE_CORRUPT:
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("The database file “%s” is damaged (%s). Restore it from a backup."),
                   path, message);
      return FALSE;
    default:
      break;
    }

  /* `what` (the step, or the SQL of a script) is for the log only: users get one sentence that
   * never shows SQL. */
  g_debug ("%s failed on %s: %s", what, path, message);
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
               _("The database file “%s” reported an error (%s). Try again; if it happens again, "
                 "run “kefuctl check” on it."), path, message);
  return FALSE;
}

/* SQL functions: now() and reverse(), which PostgreSQL has built in, and lower_median(). */

void
_kefu_sqlite_now_func (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  char *text = kefu_time_to_db (now);

  sqlite3_result_text (context, text, -1, g_free);
}

void
_kefu_sqlite_reverse_func (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_error (context, "reverse(): text is not valid UTF-8", -1);
      return;
    }
  sqlite3_result_text (context, g_utf8_strreverse (text, -1), -1, g_free);
}

/* lower_median(x): the ⌈n/2⌉-th smallest of the values that are not NULL (PostgreSQL's
 * percentile_disc(0.5)), NULL without any. The values are kept in an array and sorted once at
 * the end, which is far quicker than SQLite's sorter for the tens of thousands of durations of a
 * dashboard's month. */
static void
lower_median_step (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  GArray **values = sqlite3_aggregate_context (context, sizeof (GArray *));
  double value;

  if (values == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    return;
  if (*values == NULL)
    *values = g_array_new (FALSE, FALSE, sizeof (double));
  value = sqlite3_value_double (argv[0]);
  g_array_append_val (*values, value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
lower_median_final (sqlite3_context *context)
{
  GArray **values = sqlite3_aggregate_context (context, 0);
  g_autoptr(GArray) array = values != NULL ? g_steal_pointer (values) : NULL;

  if (array == NULL || array->len == 0)
    {
      sqlite3_result_null (context);
      return;
    }
  g_array_sort (array, compare_doubles);
  sqlite3_result_double (context, g_array_index (array, double, (array->len - 1) / 2));
}

void
_kefu_sqlite_add_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "now", 0, SQLITE_UTF8, NULL, _kefu_sqlite_now_func, NULL, NULL);
  sqlite3_create_function (db, "reverse", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, _kefu_sqlite_reverse_func, NULL, NULL);
  sqlite3_create_function (db, "lower_median", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, NULL,
                           lower_median_step, lower_median_final);
}

/* Rewrites PostgreSQL's $1 placeholders to SQLite's ?1, leaving string literals, quoted
 * identifiers and comments as they are. */
char *
_kefu_sqlite_rewrite_placeholders (const char *sql)
{
  GString *out = g_string_sized_new (strlen (sql));
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              g_string_append_c (out, *p);
              if (*p++ == quote)
                {
                  if (*p == quote)        /* a doubled quote stays inside the literal */
                    g_string_append_c (out, *p++);
                  else
                    break;
                }
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        {
          g_string_append_c (out, '?');
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

gboolean
_kefu_sqlite_bind_params (sqlite3_stmt  *stmt,
                          GVariant      *params,
                          const char    *path,
                          GError       **error)
{
  gsize n;

  if (params == NULL)
    return TRUE;

  n = g_variant_n_children (params);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (params, i);
      g_autoptr(GVariant) value = NULL;
      int index = (int) i + 1;
      int rc;

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_MAYBE))
        {
          value = g_variant_get_maybe (child);
          if (value == NULL)
            {
              rc = sqlite3_bind_null (stmt, index);
              goto check;
            }
        }
      else
        value = g_variant_ref (child);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        rc = sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
        rc = sqlite3_bind_int64 (stmt, index, g_variant_get_int32 (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        rc = sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        rc = sqlite3_bind_double (stmt, index, g_variant_get_double (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          gsize length;
          const char *text = g_variant_get_string (value, &length);

          /* The parameters outlive the statement's step, so SQLite need not copy the text. */
          rc = sqlite3_bind_text64 (stmt, index, text, length, SQLITE_STATIC, SQLITE_UTF8);
        }
      else
        g_error ("Unsupported parameter type %s", g_variant_get_type_string (value));

    check:
      if (rc != SQLITE_OK)
        return _kefu_sqlite_set_error (sqlite3_db_handle (stmt), rc, path, NULL,
                                       "binding a value", error);
    }
  return TRUE;
}

gboolean
_kefu_sqlite_is_network_filesystem (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs st;

  /* For tests only: a test cannot mount a share, so this makes a local file take the network
   * share's settings (journal_mode=DELETE, synchronous=FULL). Read here and nowhere else. */
  if (g_strcmp0 (g_getenv ("KEFU_TEST_PRETEND_NETWORK_FS"), "1") == 0)
    {
      g_debug ("%s: KEFU_TEST_PRETEND_NETWORK_FS=1, treated as on a network filesystem", path);
      return TRUE;
    }

  /* statfs() on the path rather than on an open descriptor: closing a second descriptor on the
   * database would drop SQLite's locks. */
  if (statfs (g_file_test (path, G_FILE_TEST_EXISTS) ? path : dir, &st) != 0)
    return FALSE;

  switch ((unsigned long) st.f_type)
    {
    case NFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case CIFS_SUPER_MAGIC:
    case SMB2_SUPER_MAGIC:
    case FUSE_SUPER_MAGIC:
    case V9FS_MAGIC:
    case CEPH_MAGIC:
    case AFS_MAGIC:
      g_debug ("%s is on a network filesystem (0x%lx)", path, (unsigned long) st.f_type);
      return TRUE;
    default:
      g_debug ("%s is on a local filesystem (0x%lx): WAL", path, (unsigned long) st.f_type);
      return FALSE;
    }
}
