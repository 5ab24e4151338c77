/* kefu-pg-store.c: KefuStore over a PostgreSQL server, through libpq.
 *
 * One blocking connection, used by one thread at a time (the base class serialises it). Every
 * statement is prepared once per connection and cached by its SQL text; parameters travel as
 * text and the server infers their types from the statement. A connection that went bad between
 * statements is reset with back-off and the cache cleared; a connection lost in the middle of a
 * transaction is reported, never papered over, as the transaction is gone with it.
 */
#define G_LOG_DOMAIN "kefu-store-pg"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "kefu-pg-store.h"

/* Chunk size for COPY data: large enough for few round trips, small enough to cancel promptly. */
#define COPY_CHUNK_BYTES (256 * 1024)

struct _KefuPgStore
{
  KefuStore   parent_instance;

  char       *conninfo;
  PGconn     *conn;
  /* SQL text → name of the statement prepared on this connection. */
  GHashTable *statements;
  guint       next_statement;
  gboolean    in_transaction;
};

G_DEFINE_FINAL_TYPE (KefuPgStore, kefu_pg_store, KEFU_TYPE_STORE)

enum {
  PROP_0,
  PROP_CONNINFO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings every session gets, whatever the server's defaults: times are read back in UTC and in
 * ISO form, which kefu_time_from_db() parses, and text is UTF-8. */
static const char session_setup_sql[] =
  "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'; "
  /* A prepared statement is otherwise planned once for any parameter after five runs, and such
   * a generic plan cannot use an index for "phone_rev LIKE $1": a phone suffix search then
   * scans every phone (measured: 0.3 ms against 150 ms over 200,000 customers). Planning each
   * run costs a fraction of a millisecond. */
  "SET plan_cache_mode = 'force_custom_plan'";

/* Options added to the user's connection string when it does not set them: a dead server or
 * network must turn into an error within seconds, not hang a clerk's window. */
static const struct { const char *keyword; const char *value; } default_options[] = {
  { "connect_timeout", "10" },
  { "keepalives", "1" },
  { "keepalives_idle", "30" },
  { "keepalives_interval", "10" },
  { "keepalives_count", "3" },
  { "tcp_user_timeout", "30000" },
  { "client_encoding", "UTF8" },
  { "application_name", "Kefu" },
};

/* Helpers */

static const char *
describe (KefuPgStore *self)
{
  return kefu_store_get_description (KEFU_STORE (self));
}

/* libpq messages end with a newline and continue lines with a tab: make them one sentence. */
static char *
one_line (const char *message)
{
  g_autoptr(GString) text = g_string_new (message != NULL ? message : "");

  g_strstrip (text->str);
  text->len = strlen (text->str);
  g_string_replace (text, "\n\t", " ", 0);
  g_string_replace (text, "\n", " ", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
notice_cb (void       *arg,
           const char *message)
{
  /* Notices (e.g. "there is no transaction in progress") are for developers only. */
  g_debug ("PostgreSQL: %s", message);
}

/* "user@host:port/dbname", never the password. */
static char *
describe_connection (PGconn                 *conn,
                     const PQconninfoOption *parsed)
{
  const char *user = NULL, *host = NULL, *port = NULL, *dbname = NULL;
  PQconninfoOption *defaults = NULL;
  GString *text = g_string_new (NULL);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      user = PQuser (conn);
      host = PQhost (conn);
      port = PQport (conn);
      dbname = PQdb (conn);
    }
  else
    {
      defaults = PQconndefaults ();
      for (const PQconninfoOption *lists[] = { parsed, defaults }, **l = lists;
           l < lists + G_N_ELEMENTS (lists); l++)
        for (const PQconninfoOption *o = *l; o != NULL && o->keyword != NULL; o++)
          {
            if (o->val == NULL || o->val[0] == '\0')
              continue;
            if (user == NULL && g_str_equal (o->keyword, "user"))
              user = o->val;
            else if (host == NULL && g_str_equal (o->keyword, "host"))
              host = o->val;
            else if (port == NULL && g_str_equal (o->keyword, "port"))
              port = o->val;
            else if (dbname == NULL && g_str_equal (o->keyword, "dbname"))
              dbname = o->val;
          }
      if (dbname == NULL)
        dbname = user;
    }

  if (user != NULL && *user != '\0')
    g_string_append_printf (text, "%s@", user);
  g_string_append (text, host != NULL && *host != '\0' ? host : "localhost");
  if (port != NULL && *port != '\0')
    g_string_append_printf (text, ":%s", port);
  if (dbname != NULL && *dbname != '\0')
    g_string_append_printf (text, "/%s", dbname);

  if (defaults != NULL)
    PQconninfoFree (defaults);
  return g_string_free (text, FALSE);
}

/* Turns a failed connection attempt into an error that says what to do. libpq gives no SQLSTATE
 * for a failed start-up, so the server's (English) message and libpq's password flags decide. */
static void
set_connect_error (KefuPgStore  *self,
                   PGconn       *conn,
                   GError      **error)
{
  g_autofree char *message = one_line (conn != NULL ? PQerrorMessage (conn) : NULL);
  const char *dbname = conn != NULL ? PQdb (conn) : NULL;

  if (dbname != NULL && strstr (message, "database \"") != NULL &&
      strstr (message, "does not exist") != NULL)
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The database “%s” does not exist on the PostgreSQL server %s. Check the "
                   "database name in the server address, or ask the database administrator to "
                   "create it."),
                 dbname, describe (self));
  else if (conn != NULL && PQconnectionNeedsPassword (conn))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                 _("The PostgreSQL server %s asks for a password, but none was given. Enter the "
                   "password in the connection settings."),
                 describe (self));
  else if (strstr (message, "no pg_hba.conf entry") != NULL)
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                 _("The PostgreSQL server %s does not let this user connect from this computer "
                   "(%s). Ask the database administrator to allow it."),
                 describe (self), message);
  else if ((conn != NULL && PQconnectionUsedPassword (conn)) ||
           strstr (message, "authentication failed") != NULL ||
           (strstr (message, "role \"") != NULL && strstr (message, "does not exist") != NULL))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                 _("The PostgreSQL server %s refused the user name or password (%s). Check them "
                   "in the connection settings, or ask the database administrator."),
                 describe (self), message);
  else
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("Could not connect to the PostgreSQL server %s (%s). Check that the server is "
                   "running, that the address and port are right, and that this computer can "
                   "reach it over the network."),
                 describe (self), message);
}

static gboolean
setup_session (KefuPgStore  *self,
               GError      **error)
{
  PGresult *result;
  gboolean ok;

  PQsetNoticeProcessor (self->conn, notice_cb, NULL);
  result = PQexec (self->conn, session_setup_sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    {
      g_autofree char *message = one_line (PQerrorMessage (self->conn));

      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("The PostgreSQL server %s refused the session settings (%s). Ask the "
                     "database administrator."),
                   describe (self), message);
    }
  PQclear (result);
  return ok;
}

/* Resets a connection that went bad, with back-off: a restarting server takes a moment. */
static gboolean
reconnect (KefuPgStore  *self,
           GError      **error)
{
  static const gulong delays_ms[] = { 0, 250, 1000, 2000 };

  g_hash_table_remove_all (self->statements);
  self->in_transaction = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      if (delays_ms[i] > 0)
        g_usleep (delays_ms[i] * 1000);
      PQreset (self->conn);
      if (PQstatus (self->conn) == CONNECTION_OK)
        {
          g_debug ("Reconnected to %s", describe (self));
          return setup_session (self, error);
        }
    }

  {
    g_autofree char *message = one_line (PQerrorMessage (self->conn));

    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The connection to the PostgreSQL server %s was lost and could not be made "
                   "again (%s). Check the network and that the server is running, then try "
                   "again."),
                 describe (self), message);
  }
  return FALSE;
}

/* Before a statement: a connection that is known to be bad is reset, unless a transaction was
 * running on it, which is lost and must be reported. */
static gboolean
ensure_connection (KefuPgStore  *self,
                   GError      **error)
{
  if (self->conn == NULL)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("Not connected to the PostgreSQL server %s."), describe (self));
      return FALSE;
    }
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  if (self->in_transaction)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("The connection to the PostgreSQL server %s was lost in the middle of a "
                     "change; nothing of it was saved. Try again."),
                   describe (self));
      return FALSE;
    }
  return reconnect (self, error);
}

static gboolean
connection_lost (KefuPgStore *self,
                 PGresult    *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return PQstatus (self->conn) != CONNECTION_OK ||
         (state != NULL && (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01") ||
                            g_str_equal (state, "57P02") || g_str_equal (state, "57P03")));
}

/* Maps a failed statement's SQLSTATE to a KefuStoreError. */
static void
set_result_error (KefuPgStore   *self,
                  PGresult      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL)
                                      : NULL;
  g_autofree char *fallback = one_line (PQerrorMessage (self->conn));
  g_autofree char *message = NULL;

  if (primary == NULL)
    primary = fallback;
  message = detail != NULL ? g_strdup_printf ("%s (%s)", primary, detail) : g_strdup (primary);
  if (state == NULL)
    state = "";

  if (g_str_equal (state, "57014") && g_cancellable_is_cancelled (cancellable))
    g_cancellable_set_error_if_cancelled (cancellable, error);
  else if (connection_lost (self, result))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The connection to the PostgreSQL server %s was lost (%s). Check the network "
                   "and that the server is running, then try again."),
                 describe (self), message);
  else if (g_str_equal (state, "23505"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE,
                 _("This value is already in use: %s. Use a different value."), message);
  else if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                 _("The database refused a value: %s. Correct it and try again."), message);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
           g_str_equal (state, "55P03"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY,
                 _("Another workstation changed the same data at the same moment (%s). Try "
                   "again."), message);
  else if (g_str_equal (state, "25006"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_READ_ONLY,
                 _("The PostgreSQL server %s accepts no changes at the moment (%s). Connect to "
                   "the primary server, or ask the database administrator."),
                 describe (self), message);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                 _("The PostgreSQL server refused this action (%s). Ask the database "
                   "administrator for the permission."), message);
  else if (g_str_equal (state, "53300") || g_str_has_prefix (state, "08"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The PostgreSQL server %s refused the connection (%s). Try again later, or "
                   "ask the database administrator."),
                 describe (self), message);
  else
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                 _("The PostgreSQL server reported an error: %s"), message);
}

/* A parameter or COPY value as text; NULL for SQL NULL. */
static char *
value_to_text (GVariant *value)
{
  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_MAYBE:
      {
        g_autoptr(GVariant) child = g_variant_get_maybe (value);

        return child != NULL ? value_to_text (child) : NULL;
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

static void
cancelled_cb (GCancellable *cancellable,
              PGcancel     *cancel)
{
  char message[256];

  /* Asks the server to stop the running statement; it then fails with SQLSTATE 57014. */
  if (!PQcancel (cancel, message, sizeof message))
    g_debug ("Could not cancel the PostgreSQL statement: %s", message);
}

/* Runs the prepared form of `sql` once; NULL result only when libpq could not even send it. */
static PGresult *
run_once (KefuPgStore   *self,
          const char    *sql,
          GPtrArray     *values,
          GCancellable  *cancellable)
{
  const char *name = g_hash_table_lookup (self->statements, sql);
  PGcancel *cancel = NULL;
  gulong handler = 0;
  PGresult *result;

  if (cancellable != NULL)
    {
      cancel = PQgetCancel (self->conn);
      if (cancel != NULL)
        handler = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), cancel, NULL);
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
    PQfreeCancel (cancel);
  return result;
}

/* KefuStore */

static gboolean
kefu_pg_store_connect (KefuStore     *store,
                       GCancellable  *cancellable,
                       GError       **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  PQconninfoOption *parsed;
  g_autofree char *parse_error = NULL;
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *description = NULL;
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  gint64 deadline;
  int timeout = 10;
  guint n_hosts = 1;

  g_return_val_if_fail (self->conn == NULL, FALSE);

  {
    char *libpq_error = NULL;

    parsed = PQconninfoParse (self->conninfo, &libpq_error);
    if (libpq_error != NULL)
      {
        parse_error = g_strdup (libpq_error);
        PQfreemem (libpq_error);
      }
  }
  if (parsed == NULL)
    {
      /* libpq's parse message may quote part of the string, password and all: leave it out. */
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("The PostgreSQL server address is not valid. Write it as "
                     "postgresql://user@host:port/database or as "
                     "“host=… dbname=… user=…”."));
      return FALSE;
    }

  description = describe_connection (NULL, parsed);
  _kefu_store_set_description (store, description);

  for (PQconninfoOption *o = parsed; o->keyword != NULL; o++)
    if (o->val != NULL)
      {
        g_ptr_array_add (keywords, o->keyword);
        g_ptr_array_add (values, o->val);
        if (g_str_equal (o->keyword, "connect_timeout"))
          timeout = atoi (o->val);
        else if (g_str_equal (o->keyword, "host"))
          for (const char *p = o->val; *p != '\0'; p++)
            n_hosts += *p == ',';
      }
  for (guint i = 0; i < G_N_ELEMENTS (default_options); i++)
    {
      gboolean given = FALSE;

      for (guint k = 0; k < keywords->len && !given; k++)
        given = g_str_equal (keywords->pdata[k], default_options[i].keyword);
      if (!given)
        {
          g_ptr_array_add (keywords, (gpointer) default_options[i].keyword);
          g_ptr_array_add (values, (gpointer) default_options[i].value);
        }
    }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);

  /* The non-blocking connect, so that cancelling (the user chose another database, or closed
   * the window) stops the wait at once. libpq leaves connect_timeout to us in this mode. */
  self->conn = PQconnectStartParams ((const char *const *) keywords->pdata,
                                     (const char *const *) values->pdata, 0);
  PQconninfoFree (parsed);
  if (self->conn == NULL)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                           _("Out of memory while connecting to the PostgreSQL server."));
      return FALSE;
    }

  if (timeout <= 0)
    timeout = 10;
  deadline = g_get_monotonic_time () + (gint64) timeout * n_hosts * G_USEC_PER_SEC;

  while (PQstatus (self->conn) != CONNECTION_BAD &&
         status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED)
    {
      GPollFD fds[2] = { { 0, 0, 0 } };
      guint n_fds = 1;
      gint64 remaining = deadline - g_get_monotonic_time ();

      if (remaining <= 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                       ngettext ("The PostgreSQL server %s did not answer within %d second. "
                                 "Check that the server is running and that this computer can "
                                 "reach it.",
                                 "The PostgreSQL server %s did not answer within %d seconds. "
                                 "Check that the server is running and that this computer can "
                                 "reach it.",
                                 timeout),
                       describe (self), timeout);
          g_clear_pointer (&self->conn, PQfinish);
          return FALSE;
        }

      fds[0].fd = PQsocket (self->conn);
      /* Without a socket (between two hosts of a list) libpq has work to do at once. */
      if (fds[0].fd < 0)
        {
          status = PQconnectPoll (self->conn);
          continue;
        }
      fds[0].events = status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT;
      if (g_cancellable_make_pollfd (cancellable, &fds[1]))
        n_fds = 2;
      g_poll (fds, n_fds, (int) MIN (remaining / 1000 + 1, 1000));
      if (n_fds == 2)
        g_cancellable_release_fd (cancellable);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&self->conn, PQfinish);
          return FALSE;
        }
      if (fds[0].revents != 0)
        status = PQconnectPoll (self->conn);
    }

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_connect_error (self, self->conn, error);
      g_clear_pointer (&self->conn, PQfinish);
      return FALSE;
    }

  g_free (description);
  description = describe_connection (self->conn, NULL);
  _kefu_store_set_description (store, description);
  g_debug ("Connected to %s (server %d)", description, PQserverVersion (self->conn));

  if (!setup_session (self, error))
    {
      g_clear_pointer (&self->conn, PQfinish);
      return FALSE;
    }
  return TRUE;
}

static gboolean
kefu_pg_store_exec_script (KefuStore   *store,
                           const char  *script,
                           GError     **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  PGresult *result;
  gboolean ok;

  if (!ensure_connection (self, error))
    return FALSE;

  /* PQexec runs several statements in one go and returns the last result, or the first error. */
  result = PQexec (self->conn, script);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK ||
       PQresultStatus (result) == PGRES_EMPTY_QUERY;
  if (!ok)
    set_result_error (self, result, NULL, error);
  PQclear (result);
  return ok;
}

static KefuRows *
kefu_pg_store_query (KefuStore     *store,
                     const char    *sql,
                     GVariant      *params,
                     gint64        *changes,
                     GCancellable  *cancellable,
                     GError       **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (params != NULL)
    {
      gsize n = g_variant_n_children (params);

      g_return_val_if_fail (g_variant_is_of_type (params, G_VARIANT_TYPE_TUPLE), NULL);
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (params, i);

          g_ptr_array_add (values, value_to_text (child));
        }
    }

  for (guint attempt = 0; ; attempt++)
    {
      PGresult *result;
      ExecStatusType status;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!ensure_connection (self, error))
        return NULL;

      result = run_once (self, sql, values, cancellable);
      status = PQresultStatus (result);
      if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        {
          KefuRows *rows = rows_from_result (result);

          if (changes != NULL)
            {
              const char *tuples = PQcmdTuples (result);

              *changes = tuples[0] != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
            }
          PQclear (result);
          return rows;
        }

      /* A connection that dropped between transactions (a restarted server, a network blip)
       * is made again and the statement run once more: outside a transaction nothing of it
       * can have been applied by the dead session but a lone statement, and the base class
       * runs every write in a transaction. Inside one, the whole transaction is lost. */
      if (attempt == 0 && !self->in_transaction && connection_lost (self, result))
        {
          PQclear (result);
          if (PQstatus (self->conn) == CONNECTION_OK)
            PQreset (self->conn);
          g_hash_table_remove_all (self->statements);
          continue;
        }

      if (connection_lost (self, result))
        self->in_transaction = FALSE;
      set_result_error (self, result, cancellable, error);
      PQclear (result);
      return NULL;
    }
}

static gboolean
run_command (KefuPgStore  *self,
             const char   *command,
             GError      **error)
{
  PGresult *result = PQexec (self->conn, command);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok)
    set_result_error (self, result, NULL, error);
  PQclear (result);
  return ok;
}

static gboolean
kefu_pg_store_begin (KefuStore  *store,
                     gboolean    write,
                     GError    **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);

  g_return_val_if_fail (!self->in_transaction, FALSE);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!ensure_connection (self, error))
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

static gboolean
kefu_pg_store_commit (KefuStore  *store,
                      GError    **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  PGresult *result;
  gboolean ok;

  g_return_val_if_fail (self->in_transaction, FALSE);

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      /* The transaction died with the connection: ensure_connection() says so. */
      ensure_connection (self, error);
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
    set_result_error (self, result, NULL, error);
  PQclear (result);
  self->in_transaction = FALSE;
  return ok;
}

static void
kefu_pg_store_rollback (KefuStore *store)
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

/* COPY text format: backslash, tab, newline and carriage return escaped; NULL is \N. */
static void
append_copy_value (GString    *buffer,
                   const char *text)
{
  if (text == NULL)
    {
      g_string_append (buffer, "\\N");
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (buffer, "\\\\"); break;
      case '\t': g_string_append (buffer, "\\t"); break;
      case '\n': g_string_append (buffer, "\\n"); break;
      case '\r': g_string_append (buffer, "\\r"); break;
      default: g_string_append_c (buffer, *p); break;
      }
}

static gboolean
put_copy_data (KefuPgStore  *self,
               GString      *buffer,
               GError      **error)
{
  if (buffer->len > 0 && PQputCopyData (self->conn, buffer->str, (int) buffer->len) != 1)
    {
      set_result_error (self, NULL, NULL, error);
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
      set_result_error (self, NULL, NULL, error);
      return FALSE;
    }
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          ok = FALSE;
          if (abort_reason == NULL)
            set_result_error (self, result, NULL, error);
        }
      PQclear (result);
    }
  return ok;
}

static gboolean
copy_rows (KefuPgStore        *self,
           const char         *table,
           const char *const  *columns,
           GPtrArray          *rows,
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
      set_result_error (self, result, cancellable, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);

  for (guint r = 0; r < rows->len; r++)
    {
      GVariant *row = rows->pdata[r];

      g_return_val_if_fail (g_variant_n_children (row) == n_columns, FALSE);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (row, c);
          g_autofree char *text = value_to_text (child);

          if (c > 0)
            g_string_append_c (buffer, '\t');
          append_copy_value (buffer, text);
        }
      g_string_append_c (buffer, '\n');

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

  rows = kefu_pg_store_query (KEFU_STORE (self),
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
  return kefu_pg_store_exec_script (KEFU_STORE (self), sql, error);
}

static gboolean
kefu_pg_store_bulk_insert (KefuStore          *store,
                           const char         *table,
                           const char *const  *columns,
                           GPtrArray          *rows,
                           GCancellable       *cancellable,
                           GError            **error)
{
  KefuPgStore *self = KEFU_PG_STORE (store);
  gboolean own_transaction = !self->in_transaction;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (rows->len == 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* All rows or none: inside the caller's transaction, or in one of our own. */
  if (own_transaction && !kefu_pg_store_begin (store, TRUE, error))
    return FALSE;
  if (!ensure_connection (self, error) ||
      !copy_rows (self, table, columns, rows, cancellable, error) ||
      !analyze_if_grown (self, table, rows->len, cancellable, error))
    {
      if (own_transaction)
        kefu_pg_store_rollback (store);
      return FALSE;
    }
  if (own_transaction)
    return kefu_pg_store_commit (store, error);
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

  store_class->connect = kefu_pg_store_connect;
  store_class->exec_script = kefu_pg_store_exec_script;
  store_class->query = kefu_pg_store_query;
  store_class->begin = kefu_pg_store_begin;
  store_class->commit = kefu_pg_store_commit;
  store_class->rollback = kefu_pg_store_rollback;
  store_class->check = kefu_pg_store_check;
  store_class->bulk_insert = kefu_pg_store_bulk_insert;

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
kefu_pg_store_new (const char    *conninfo,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KEFU_TYPE_PG_STORE, cancellable, error,
                         "conninfo", conninfo,
                         NULL);
}
