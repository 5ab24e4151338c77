/* kefu-pg-copy.c: the bulk insert fast path, through COPY … FROM STDIN in text format. */
#define G_LOG_DOMAIN "kefu-store-pg"

#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "kefu-pg-store-private.h"

/* Chunk size for COPY data: large enough for few round trips, small enough to cancel promptly and
 * to keep the one buffer of a load small. */
#define COPY_CHUNK_BYTES (64 * 1024)

/* COPY text format: backslash, tab, newline and carriage return escaped; NULL is \N. Text without
 * those characters (nearly all of it) is appended in runs rather than a byte at a time. */
static void
append_copy_value (GString    *buffer,
                   const char *text)
{
  if (text == NULL)
    {
      g_string_append (buffer, "\\N");
      return;
    }
  for (;;)
    {
      size_t run = strcspn (text, "\\\t\n\r");

      g_string_append_len (buffer, text, (gssize) run);
      text += run;
      switch (*text)
        {
        case '\0': return;
        case '\\': g_string_append (buffer, "\\\\"); break;
        case '\t': g_string_append (buffer, "\\t"); break;
        case '\n': g_string_append (buffer, "\\n"); break;
        case '\r': g_string_append (buffer, "\\r"); break;
        default: g_assert_not_reached ();
        }
      text++;
    }
}

/* One value of a row in COPY text, as _kefu_pg_value_to_text() writes the same value from a
 * GVariant, so that both bulk paths store identical rows. */
static void
append_store_value (GString              *buffer,
                    const KefuStoreValue *value)
{
  char number[24];   /* the longest gint64 in decimal, its sign and NUL included */

  switch (value->type)
    {
    case KEFU_STORE_VALUE_NULL:
      append_copy_value (buffer, NULL);
      break;
    case KEFU_STORE_VALUE_INT64:
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value->number);
      g_string_append (buffer, number);
      break;
    case KEFU_STORE_VALUE_BOOLEAN:
      g_string_append (buffer, value->number != 0 ? "true" : "false");
      break;
    case KEFU_STORE_VALUE_TEXT:
      append_copy_value (buffer, value->text);
      break;
    default:
      g_critical ("Cannot copy a value of type %d to PostgreSQL", (int) value->type);
      append_copy_value (buffer, NULL);
      break;
    }
}

static gboolean
put_copy_data (KefuPgStore  *self,
               GString      *buffer,
               GError      **error)
{
  if (buffer->len > 0 && PQputCopyData (self->conn, buffer->str, (int) buffer->len) != 1)
    {
      _kefu_pg_set_result_error (self, NULL, NULL, error);
      return FALSE;
    }
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Ends the COPY (aborting it when `abort_reason` is set) and reads its outcome. */
static gboolean
finish_copy (KefuPgStore  *self,
             const char   *abort_reason,
             GError      **error)
{
  PGresult *result;
  gboolean ok = TRUE;

  if (PQputCopyEnd (self->conn, abort_reason) != 1)
    {
      _kefu_pg_set_result_error (self, NULL, NULL, error);
      return FALSE;
    }
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          ok = FALSE;
          if (abort_reason == NULL)
            _kefu_pg_set_result_error (self, result, NULL, error);
        }
      PQclear (result);
    }
  return ok;
}

/* Streams the rows `next_row` gives through one COPY, `values` holding the row the caller has
 * already read (there is at least one). One buffer serves the whole load: it is sent and emptied
 * whenever it passes COPY_CHUNK_BYTES, so a million rows never sit in memory at once. */
static gboolean
copy_rows (KefuPgStore        *self,
           const char         *table,
           const char *const  *columns,
           KefuStoreRowFunc    next_row,
           gpointer            user_data,
           KefuStoreValue     *values,
           guint              *n_rows,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autofree char *column_list = g_strjoinv (", ", (char **) columns);
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, column_list);
  g_autoptr(GString) buffer = g_string_sized_new (COPY_CHUNK_BYTES + 4096);
  guint n_columns = g_strv_length ((char **) columns);
  PGresult *result;

  result = PQexec (self->conn, sql);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      _kefu_pg_set_result_error (self, result, cancellable, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);

  *n_rows = 0;
  do
    {
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (buffer, '\t');
          append_store_value (buffer, &values[c]);
        }
      g_string_append_c (buffer, '\n');
      (*n_rows)++;

      if (buffer->len >= COPY_CHUNK_BYTES)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              finish_copy (self, "cancelled", NULL);
              return !g_cancellable_set_error_if_cancelled (cancellable, error);
            }
          if (!put_copy_data (self, buffer, error))
            {
              finish_copy (self, "failed", NULL);
              return FALSE;
            }
        }
    }
  while (next_row (user_data, values));

  if (!put_copy_data (self, buffer, error))
    {
      finish_copy (self, "failed", NULL);
      return FALSE;
    }
  return finish_copy (self, NULL, error);
}

/* Statistics after a load that is large for the table: until autovacuum gets to it the planner
 * would otherwise guess at the new rows, and for ORDER BY … LIMIT queries it then guesses wrong
 * (measured: a phone suffix search walked 200,000 rows in 150 ms instead of 0.3 ms). ANALYZE
 * counts the rows of our own open transaction. */
static gboolean
analyze_if_grown (KefuPgStore   *self,
                  const char    *table,
                  guint          n_added,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GVariant) params = g_variant_ref_sink (g_variant_new ("(s)", table));
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *sql = NULL;
  double known;

  rows = _kefu_pg_store_query (KEFU_STORE (self),
                              "SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)",
                              params, NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  /* reltuples is -1 for a table never analysed. */
  known = kefu_rows_get_n_rows (rows) > 0 ? g_ascii_strtod (kefu_rows_get_text (rows, 0, 0), NULL)
                                          : 0;
  if (known >= 0 && n_added <= known / 5)
    return TRUE;

  sql = g_strdup_printf ("ANALYZE %s", table);
  return _kefu_pg_store_exec_script (KEFU_STORE (self), sql, error);
}

/* Both bulk paths: all rows or none, inside the caller's transaction or in one of our own. */
gboolean
_kefu_pg_store_bulk_insert_rows (KefuStore          *store,
                                const char         *table,
                                const char *const  *columns,
                                KefuStoreRowFunc    next_row,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  gboolean own_transaction;
  KefuStoreValue *values;
  guint n_rows = 0;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, FALSE);
  g_return_val_if_fail (next_row != NULL, FALSE);

  /* No rows: no COPY, no transaction and no ANALYZE. */
  values = g_newa (KefuStoreValue, g_strv_length ((char **) columns));
  if (!next_row (user_data, values))
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  own_transaction = !self->in_transaction;
  if (own_transaction && !_kefu_pg_store_begin (store, TRUE, error))
    return FALSE;
  if (!_kefu_pg_ensure_connection (self, error) ||
      !copy_rows (self, table, columns, next_row, user_data, values, &n_rows, cancellable,
                  error) ||
      !analyze_if_grown (self, table, n_rows, cancellable, error))
    {
      if (own_transaction)
        _kefu_pg_store_rollback (store);
      return FALSE;
    }
  if (own_transaction)
    return _kefu_pg_store_commit (store, error);
  return TRUE;
}

/* bulk_insert's GVariant rows read as KefuStoreValue rows: each value as the text a statement
 * parameter would get, kept until the next row is asked for. */
typedef struct
{
  GPtrArray  *rows;
  guint       next;
  guint       n_columns;
  char      **texts;
} VariantRows;

static gboolean
next_variant_row (gpointer        user_data,
                  KefuStoreValue *values)
{
  VariantRows *cursor = user_data;
  GVariant *row;

  if (cursor->next >= cursor->rows->len)
    return FALSE;
  row = cursor->rows->pdata[cursor->next++];
  for (guint c = 0; c < cursor->n_columns; c++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (row, c);

      g_free (cursor->texts[c]);
      cursor->texts[c] = _kefu_pg_value_to_text (child);
      if (cursor->texts[c] != NULL)
        kefu_store_value_set_text (&values[c], cursor->texts[c]);
      else
        kefu_store_value_set_null (&values[c]);
    }
  return TRUE;
}

gboolean
_kefu_pg_store_bulk_insert (KefuStore          *store,
                           const char         *table,
                           const char *const  *columns,
                           GPtrArray          *rows,
                           GCancellable       *cancellable,
                           GError            **error)
{
  VariantRows cursor = { rows, 0, 0, NULL };
  gboolean ok;

  g_return_val_if_fail (columns != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  /* Checked before the COPY starts, so that a malformed row cannot leave half a load behind. */
  cursor.n_columns = g_strv_length ((char **) columns);
  for (guint r = 0; r < rows->len; r++)
    g_return_val_if_fail (g_variant_n_children (rows->pdata[r]) == cursor.n_columns, FALSE);

  cursor.texts = g_new0 (char *, cursor.n_columns + 1);
  ok = _kefu_pg_store_bulk_insert_rows (store, table, columns, next_variant_row, &cursor,
                                        cancellable, error);
  g_strfreev (cursor.texts);
  return ok;
}
