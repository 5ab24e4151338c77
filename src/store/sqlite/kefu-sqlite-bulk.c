/* kefu-sqlite-bulk.c: the SQLite backend's bulk loads (kefuctl's demo and generate): one prepared
 * INSERT run row after row inside the caller's transaction, with a page cache and checkpoints
 * sized for loads of millions of rows.
 */
#define G_LOG_DOMAIN "kefu-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-sqlite-private.h"

#define BULK_CACHE_KIB        524288
#define BULK_CHECKPOINT_PAGES 25000

/* The prepared INSERT for a bulk load into `table`, with the connection set up for bulk loads. */
static sqlite3_stmt *
prepare_bulk (KefuSqliteStore    *self,
              const char         *table,
              const char *const  *columns,
              GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  sqlite3_stmt *stmt;

  /* `table` and `columns` are identifiers from our own code, never user text. */
  g_string_append_printf (sql, "%s (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s$%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  stmt = _kefu_sqlite_store_get_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  /* Large loads insert into indexes in random order (names, reversed phone digits), which is
   * faster with the indexes in memory, and each batch touches most index pages again, so fewer,
   * larger checkpoints write each page once instead of once per batch. Only kefuctl's demo and
   * generate load in bulk, batch after batch, so the connection keeps these settings (SQLite
   * allocates the cache as pages are used). */
  if (!self->bulk_cache)
    {
      if (!_kefu_sqlite_store_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (BULK_CACHE_KIB),
                                    error) ||
          !_kefu_sqlite_store_exec (self, "PRAGMA wal_autocheckpoint = "
                                    G_STRINGIFY (BULK_CHECKPOINT_PAGES), error))
        return NULL;
      self->bulk_cache = TRUE;
    }
  return stmt;
}

gboolean
_kefu_sqlite_store_bulk_insert (KefuStore          *store,
                                const char         *table,
                                const char *const  *columns,
                                GPtrArray          *rows,
                                GCancellable       *cancellable,
                                GError            **error)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (store);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  stmt = prepare_bulk (self, table, columns, error);
  if (stmt == NULL)
    return FALSE;

  self->cancellable = cancellable;
  for (guint r = 0; r < rows->len && ok; r++)
    {
      int rc;

      if (r % 10000 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      ok = _kefu_sqlite_bind_params (stmt, g_ptr_array_index (rows, r), self->path, error);
      if (ok && (rc = sqlite3_step (stmt)) != SQLITE_DONE)
        ok = _kefu_sqlite_store_set_error (self, sqlite3_extended_errcode (self->db),
                                           _("Loading rows"), error);
      sqlite3_reset (stmt);
    }
  self->cancellable = NULL;
  sqlite3_clear_bindings (stmt);
  return ok;
}

static int
bind_value (sqlite3_stmt          *stmt,
            int                    index,
            const KefuStoreValue  *value)
{
  switch (value->type)
    {
    case KEFU_STORE_VALUE_NULL:
      return sqlite3_bind_null (stmt, index);
    case KEFU_STORE_VALUE_INT64:
    case KEFU_STORE_VALUE_BOOLEAN:
      return sqlite3_bind_int64 (stmt, index, value->number);
    case KEFU_STORE_VALUE_TEXT:
      /* The text stays valid until the next row is asked for, after this step. */
      return sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_STATIC);
    default:
      g_return_val_if_reached (SQLITE_MISUSE);
    }
}

/* The same as bulk_insert, bound straight from the caller's values: at a million rows, a GVariant
 * built, read and freed per row cost more than SQLite's own work. */
gboolean
_kefu_sqlite_store_bulk_insert_rows (KefuStore          *store,
                                     const char         *table,
                                     const char *const  *columns,
                                     KefuStoreRowFunc    next_row,
                                     gpointer            user_data,
                                     GCancellable       *cancellable,
                                     GError            **error)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (store);
  guint n_columns = g_strv_length ((char **) columns);
  KefuStoreValue *values = g_newa (KefuStoreValue, n_columns);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  stmt = prepare_bulk (self, table, columns, error);
  if (stmt == NULL)
    return FALSE;

  self->cancellable = cancellable;
  for (guint r = 0; ok && next_row (user_data, values); r++)
    {
      int rc = SQLITE_OK;

      if (r % 10000 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      for (guint c = 0; c < n_columns && rc == SQLITE_OK; c++)
        rc = bind_value (stmt, (int) c + 1, &values[c]);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        ok = _kefu_sqlite_store_set_error (self, sqlite3_extended_errcode (self->db),
                                           _("Loading rows"), error);
      sqlite3_reset (stmt);
    }
  self->cancellable = NULL;
  sqlite3_clear_bindings (stmt);
  return ok;
}
