/* kefu-pg-store.c: KefuStore over a PostgreSQL server, through libpq.
 *
 * One blocking connection, used by one thread at a time (the base class serialises it). Every
 * statement is prepared once per connection and cached by its SQL text; parameters travel as
 * text and the server infers their types from the statement. A connection that went bad between
 * statements is reset with back-off and the cache cleared; a connection lost in the middle of a
 * transaction is reported, never papered over, as the transaction is gone with it.
 *
 * This file holds the class, the statements and their cache, transactions and the integrity
 * checks; connecting, error mapping and COPY live beside it (see kefu-pg-store-private.h).
 */
#define G_LOG_DOMAIN "kefu-store-pg"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "kefu-pg-store-private.h"

G_DEFINE_FINAL_TYPE (KefuPgStore, kefu_pg_store, KEFU_TYPE_STORE)

enum {
  PROP_0,
  PROP_CONNINFO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A parameter or COPY value as text; NULL for SQL NULL. */
char *
_kefu_pg_value_to_text (GVariant *value)
{
  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_MAYBE:
      {
        g_autoptr(GVariant) child = g_variant_get_maybe (value);

        return child != NULL ? _kefu_pg_value_to_text (child) : NULL;
      }
    case G_VARIANT_CLASS_BOOLEAN:
      return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
    case G_VARIANT_CLASS_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
    case G_VARIANT_CLASS_UINT64:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, g_variant_get_uint64 (value));
    case G_VARIANT_CLASS_INT32:
      return g_strdup_printf ("%" G_GINT32_FORMAT, g_variant_get_int32 (value));
    case G_VARIANT_CLASS_UINT32:
      return g_strdup_printf ("%" G_GUINT32_FORMAT, g_variant_get_uint32 (value));
    case G_VARIANT_CLASS_INT16:
      return g_strdup_printf ("%d", (int) g_variant_get_int16 (value));
    case G_VARIANT_CLASS_UINT16:
      return g_strdup_printf ("%u", (unsigned) g_variant_get_uint16 (value));
    case G_VARIANT_CLASS_BYTE:
      return g_strdup_printf ("%u", (unsigned) g_variant_get_byte (value));
    case G_VARIANT_CLASS_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_variant_get_double (value)));
      }
    case G_VARIANT_CLASS_STRING:
      return g_variant_dup_string (value, NULL);
    default:
      g_critical ("Cannot bind a GVariant of type %s as a PostgreSQL parameter",
                  g_variant_get_type_string (value));
      return NULL;
    }
}

static KefuRows *
rows_from_result (PGresult *result)
{
  int n_rows = PQntuples (result);
  int n_columns = PQnfields (result);
  KefuRows *rows = kefu_rows_new ((guint) n_columns);
  g_autofree const char **values = g_new0 (const char *, MAX (n_columns, 1));

  for (int r = 0; r < n_rows; r++)
    {
      for (int c = 0; c < n_columns; c++)
        values[c] = PQgetisnull (result, r, c) ? NULL : PQgetvalue (result, r, c);
      kefu_rows_append (rows, values);
    }
  return rows;
}

/* A PGcancel shared by the statement and the threads that send the cancel request, which may
 * outlive the statement. */
typedef struct
{
  gint      ref_count;
  PGcancel *cancel;
} CancelHandle;

static CancelHandle *
cancel_handle_ref (CancelHandle *handle)
{
  g_atomic_int_inc (&handle->ref_count);
  return handle;
}

static void
cancel_handle_unref (CancelHandle *handle)
{
  if (g_atomic_int_dec_and_test (&handle->ref_count))
    {
      PQfreeCancel (handle->cancel);
      g_free (handle);
    }
}

static gpointer
send_cancel_thread (gpointer data)
{
  CancelHandle *handle = data;
  char message[256];

  /* Asks the server to stop the running statement; it then fails with SQLSTATE 57014. PQcancel
   * connects to the server and waits for it, up to the TCP timeout when the server is gone. */
  if (!PQcancel (handle->cancel, message, sizeof message))
    g_debug ("Could not cancel the PostgreSQL statement: %s", message);
  cancel_handle_unref (handle);
  return NULL;
}

static void
cancelled_cb (GCancellable *cancellable,
              CancelHandle *handle)
{
  /* The cancelling thread is often the main thread (a window closing): never block it on the
   * network, send the request from a thread of its own. */
  g_autoptr(GError) error = NULL;
  GThread *thread = g_thread_try_new ("kefu-pg-cancel", send_cancel_thread,
                                      cancel_handle_ref (handle), &error);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    {
      /* No thread to be had (resources exhausted): the statement then runs to its end. */
      g_debug ("Could not start a thread to cancel the PostgreSQL statement: %s", error->message);
      cancel_handle_unref (handle);
    }
}

/* Runs the prepared form of `sql` once; NULL result only when libpq could not even send it. */
static PGresult *
run_once (KefuPgStore   *self,
          const char    *sql,
          GPtrArray     *values,
          GCancellable  *cancellable)
{
  const char *name = g_hash_table_lookup (self->statements, sql);
  CancelHandle *cancel = NULL;
  gulong handler = 0;
  PGresult *result;

  if (cancellable != NULL)
    {
      PGcancel *pg_cancel = PQgetCancel (self->conn);

      if (pg_cancel != NULL)
        {
          cancel = g_new0 (CancelHandle, 1);
          cancel->ref_count = 1;
          cancel->cancel = pg_cancel;
          handler = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), cancel, NULL);
        }
    }

  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("kefu_%u", ++self->next_statement);

      /* No parameter types: the server infers them from the statement. */
      result = PQprepare (self->conn, new_name, sql, 0, NULL);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        goto out;
      PQclear (result);
      g_hash_table_insert (self->statements, g_strdup (sql), g_strdup (new_name));
      name = g_hash_table_lookup (self->statements, sql);
    }

  result = PQexecPrepared (self->conn, name, (int) values->len,
                           (const char *const *) values->pdata, NULL, NULL, 0);

out:
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  if (cancel != NULL)
    cancel_handle_unref (cancel);
  return result;
}

gboolean
_kefu_pg_store_exec_script (KefuStore   *store,
                           const char  *script,
                           GError     **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  PGresult *result;
  gboolean ok;

  if (!_kefu_pg_ensure_connection (self, error))
    return FALSE;

  /* PQexec runs several statements in one go and returns the last result, or the first error. */
  result = PQexec (self->conn, script);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK ||
       PQresultStatus (result) == PGRES_EMPTY_QUERY;
  if (!ok)
    _kefu_pg_set_result_error (self, result, NULL, error);
  PQclear (result);
  return ok;
}

/* Runs `sql` with `params` and returns its successful result (transfer full), or NULL with
 * `error` set; reconnects and retries as the comments below say. */
static PGresult *
execute (KefuPgStore   *self,
         const char    *sql,
         GVariant      *params,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (params != NULL)
    {
      gsize n = g_variant_n_children (params);

      g_return_val_if_fail (g_variant_is_of_type (params, G_VARIANT_TYPE_TUPLE), NULL);
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (params, i);

          g_ptr_array_add (values, _kefu_pg_value_to_text (child));
        }
    }

  for (guint attempt = 0; ; attempt++)
    {
      PGresult *result;
      ExecStatusType status;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!_kefu_pg_ensure_connection (self, error))
        return NULL;

      result = run_once (self, sql, values, cancellable);
      status = PQresultStatus (result);
      if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return result;

      /* A connection that dropped between transactions (a restarted server, a network blip)
       * is made again and the statement run once more: outside a transaction nothing of it
       * can have been applied by the dead session but a lone statement, and the base class
       * runs every write in a transaction. Inside one, the whole transaction is lost. */
      if (attempt == 0 && !self->in_transaction && _kefu_pg_connection_lost (self, result))
        {
          PQclear (result);
          /* The reconnect path, so that the new session gets our settings again. */
          if (PQstatus (self->conn) == CONNECTION_OK && !_kefu_pg_reconnect (self, error))
            return NULL;
          continue;
        }

      /* 57014 that we did not ask for is a late cancel request meant for an earlier
       * statement: a lone statement is run again once; inside a transaction it is reported as
       * BUSY (see _kefu_pg_set_result_error()), and the write is retried as a whole. */
      if (attempt == 0 && !self->in_transaction && !g_cancellable_is_cancelled (cancellable) &&
          g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "57014") == 0)
        {
          PQclear (result);
          continue;
        }

      if (_kefu_pg_connection_lost (self, result))
        self->in_transaction = FALSE;
      _kefu_pg_set_result_error (self, result, cancellable, error);
      PQclear (result);
      return NULL;
    }
}

KefuRows *
_kefu_pg_store_query (KefuStore     *store,
                     const char    *sql,
                     GVariant      *params,
                     gint64        *changes,
                     GCancellable  *cancellable,
                     GError       **error)
{
  PGresult *result = execute (KEFU_PG_STORE (store), sql, params, cancellable, error);
  KefuRows *rows;

  if (result == NULL)
    return NULL;
  rows = rows_from_result (result);
  if (changes != NULL)
    {
      const char *tuples = PQcmdTuples (result);

      *changes = tuples[0] != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
    }
  PQclear (result);
  return rows;
}

/* The first column parsed straight from libpq's result, without a copy of its text per row. */
static GArray *
kefu_pg_store_query_int64_column (KefuStore     *store,
                                  const char    *sql,
                                  GVariant      *params,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  PGresult *result = execute (KEFU_PG_STORE (store), sql, params, cancellable, error);
  GArray *column;
  int n_rows;

  if (result == NULL)
    return NULL;
  n_rows = PQntuples (result);
  column = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n_rows);
  g_array_set_size (column, (guint) n_rows);
  for (int r = 0; r < n_rows; r++)
    g_array_index (column, gint64, r) = PQnfields (result) > 0 && !PQgetisnull (result, r, 0)
                                        ? g_ascii_strtoll (PQgetvalue (result, r, 0), NULL, 10)
                                        : 0;
  PQclear (result);
  return column;
}

static gboolean
run_command (KefuPgStore  *self,
             const char   *command,
             GError      **error)
{
  PGresult *result = PQexec (self->conn, command);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok)
    _kefu_pg_set_result_error (self, result, NULL, error);
  PQclear (result);
  return ok;
}

gboolean
_kefu_pg_store_begin (KefuStore  *store,
                     gboolean    write,
                     GError    **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);

  g_return_val_if_fail (!self->in_transaction, FALSE);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_kefu_pg_ensure_connection (self, error))
        return FALSE;
      /* READ COMMITTED for both: writers re-check versions in their UPDATE's WHERE clause. */
      if (run_command (self, "BEGIN", &local_error))
        {
          self->in_transaction = TRUE;
          return TRUE;
        }
      if (!g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION) ||
          attempt > 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Nothing had started yet: the next round reconnects and begins again. */
    }
  g_assert_not_reached ();
}

gboolean
_kefu_pg_store_commit (KefuStore  *store,
                      GError    **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  PGresult *result;
  gboolean ok;

  g_return_val_if_fail (self->in_transaction, FALSE);

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      /* The transaction died with the connection: ensure_connection() says so. */
      _kefu_pg_ensure_connection (self, error);
      self->in_transaction = FALSE;
      return FALSE;
    }

  result = PQexec (self->conn, "COMMIT");
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  /* COMMIT of a transaction that had failed "succeeds" as a ROLLBACK. */
  if (ok && g_str_equal (PQcmdStatus (result), "ROLLBACK"))
    {
      ok = FALSE;
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("The change was rolled back by the PostgreSQL server after an earlier "
                     "error; nothing was saved."));
    }
  else if (!ok)
    _kefu_pg_set_result_error (self, result, NULL, error);
  PQclear (result);
  self->in_transaction = FALSE;
  return ok;
}

void
_kefu_pg_store_rollback (KefuStore *store)
{
  KefuPgStore *self = KEFU_PG_STORE (store);

  self->in_transaction = FALSE;
  if (self->conn != NULL && PQstatus (self->conn) == CONNECTION_OK &&
      PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    PQclear (PQexec (self->conn, "ROLLBACK"));
}

/* The tables of the schema; a later migration that adds tables adds them here too. */
static const char *const kefu_tables[] = {
  "schema_migrations", "departments", "staff", "customers", "customer_phones", "products",
  "settings", "events",
};

static gboolean
kefu_pg_store_check (KefuStore     *store,
                     GPtrArray     *problems,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KefuRows) encoding = NULL;
  g_autoptr(KefuRows) invalid_indexes = NULL;
  g_autoptr(KefuRows) unvalidated = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kefu_tables); i++)
    {
      g_autoptr(KefuRows) exists = NULL;
      g_autoptr(KefuRows) count = NULL;
      g_autofree char *count_sql = NULL;

      exists = _kefu_store_query (store, "SELECT to_regclass($1) IS NOT NULL",
                                  g_variant_new ("(s)", kefu_tables[i]), cancellable, error);
      if (exists == NULL)
        return FALSE;
      if (!kefu_rows_get_bool (exists, 0, 0))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("The table “%s” is missing."),
                                                      kefu_tables[i]));
          continue;
        }

      /* A full count reads every page of the table: a damaged one fails here. The name is one
       * of ours above, never user text. */
      count_sql = g_strdup_printf ("SELECT count(*) FROM %s", kefu_tables[i]);
      count = _kefu_store_query (store, count_sql, NULL, cancellable, error);
      if (count == NULL)
        return FALSE;
      if (kefu_rows_get_int (count, 0, 0) < 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The table “%s” cannot be counted."),
                                                    kefu_tables[i]));
    }

  invalid_indexes = _kefu_store_query (store,
                                       "SELECT c.relname FROM pg_index i "
                                       "JOIN pg_class c ON c.oid = i.indexrelid "
                                       "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                       "WHERE n.nspname = current_schema() "
                                       "AND NOT (i.indisvalid AND i.indisready) "
                                       "ORDER BY c.relname",
                                       NULL, cancellable, error);
  if (invalid_indexes == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (invalid_indexes); i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The index “%s” is not valid; the database "
                                        "administrator should rebuild it (REINDEX)."),
                                      kefu_rows_get_text (invalid_indexes, i, 0)));

  unvalidated = _kefu_store_query (store,
                                   "SELECT conname FROM pg_constraint c "
                                   "JOIN pg_namespace n ON n.oid = c.connamespace "
                                   "WHERE n.nspname = current_schema() AND NOT c.convalidated "
                                   "ORDER BY conname",
                                   NULL, cancellable, error);
  if (unvalidated == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (unvalidated); i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The constraint “%s” is not validated: some rows may "
                                        "break it."),
                                      kefu_rows_get_text (unvalidated, i, 0)));

  encoding = _kefu_store_query (store,
                                "SELECT pg_encoding_to_char(encoding) FROM pg_database "
                                "WHERE datname = current_database()",
                                NULL, cancellable, error);
  if (encoding == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (encoding) == 1 &&
      g_strcmp0 (kefu_rows_get_text (encoding, 0, 0), "UTF8") != 0)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The database uses the encoding %s; Kefu needs UTF8 "
                                        "to store Chinese text."),
                                      kefu_rows_get_text (encoding, 0, 0)));
  return TRUE;
}

/* GObject */

static void
kefu_pg_store_finalize (GObject *object)
{
  KefuPgStore *self = KEFU_PG_STORE (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->connect_keywords, g_strfreev);
  g_clear_pointer (&self->connect_values, g_strfreev);

  G_OBJECT_CLASS (kefu_pg_store_parent_class)->finalize (object);
}

static void
kefu_pg_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  /* The connection string may hold a password: it is write-only. */
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
kefu_pg_store_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KefuPgStore *self = KEFU_PG_STORE (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_set_str (&self->conninfo, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_pg_store_class_init (KefuPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuStoreClass *store_class = KEFU_STORE_CLASS (klass);

  object_class->finalize = kefu_pg_store_finalize;
  object_class->get_property = kefu_pg_store_get_property;
  object_class->set_property = kefu_pg_store_set_property;

  store_class->connect = _kefu_pg_store_connect;
  store_class->exec_script = _kefu_pg_store_exec_script;
  store_class->query = _kefu_pg_store_query;
  store_class->query_int64_column = kefu_pg_store_query_int64_column;
  store_class->begin = _kefu_pg_store_begin;
  store_class->commit = _kefu_pg_store_commit;
  store_class->rollback = _kefu_pg_store_rollback;
  store_class->check = kefu_pg_store_check;
  store_class->bulk_insert = _kefu_pg_store_bulk_insert;
  store_class->bulk_insert_rows = _kefu_pg_store_bulk_insert_rows;

  /**
   * KefuPgStore:conninfo:
   *
   * The libpq URI or key=value string; write-only, as it may hold a password.
   */
  properties[PROP_CONNINFO] =
    g_param_spec_string ("conninfo", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_pg_store_init (KefuPgStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * kefu_pg_store_new:
 * @conninfo: a postgres:// URI or a libpq "key=value" string
 * @cancellable: (nullable): to stop connecting
 * @error: why it could not be opened: %KEFU_STORE_ERROR_CONNECTION, %KEFU_STORE_ERROR_AUTH, …
 *
 * Connects, sets up the session and migrates the schema (GInitable, in the base class).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_pg_store_new (const char          *conninfo,
                   KefuStoreOpenFlags   flags,
                   GCancellable        *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KEFU_TYPE_PG_STORE, cancellable, error,
                         "conninfo", conninfo,
                         "open-flags", (guint) flags,
                         NULL);
}
