/* kefu-pg-connect.c: connecting to the PostgreSQL server and keeping the connection.
 *
 * The user's connection string gets defaults that turn a dead server into an error within
 * seconds; the connect is non-blocking so that it can be cancelled; a failed start-up is
 * classified into an error that says what to do; the store's description names the server
 * without the password; a connection that went bad between statements is reset with back-off.
 */
#define G_LOG_DOMAIN "kefu-store-pg"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "kefu-pg-store-private.h"
#include "store/kefu-store-connection-private.h"

/* Settings every session gets, whatever the server's defaults: times are read back in UTC and in
 * ISO form, which kefu_time_from_db() parses, and text is UTF-8. */
static const char session_setup_sql[] =
  "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'; "
  /* A prepared statement is otherwise planned once for any parameter after five runs, and such
   * a generic plan cannot use an index for "phone_rev LIKE $1": a phone suffix search then
   * scans every phone (measured: 0.3 ms against 150 ms over 200,000 customers). Planning each
   * run costs a fraction of a millisecond. */
  "SET plan_cache_mode = 'force_custom_plan'; "
  /* The server compiles a query to machine code (JIT) once its estimated cost passes a bar that
   * the complaint board's query, with its subqueries per card, passes: the compiling took
   * 560 ms of a 5,000-card board that runs in a fraction of that (measured on PostgreSQL 17).
   * Kefu's queries are short; none gains from it. */
  "SET jit = off";

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
  g_autofree char *message = _kefu_pg_one_line (conn != NULL ? PQerrorMessage (conn) : NULL);
  const char *dbname = conn != NULL ? PQdb (conn) : NULL;

  if (dbname != NULL && strstr (message, "database \"") != NULL &&
      strstr (message, "does not exist") != NULL)
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The database “%s” does not exist on the PostgreSQL server %s. Check the "
                   "database name in the server address, or ask the database administrator to "
                   "create it."),
                 dbname, _kefu_pg_describe (self));
  else if (conn != NULL && PQconnectionNeedsPassword (conn))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                 _("The PostgreSQL server %s asks for a password, but none was given. Enter the "
                   "password in the connection settings."),
                 _kefu_pg_describe (self));
  else if (strstr (message, "no pg_hba.conf entry") != NULL)
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                 _("The PostgreSQL server %s does not let this user connect from this computer "
                   "(%s). Ask the database administrator to allow it."),
                 _kefu_pg_describe (self), message);
  else if ((conn != NULL && PQconnectionUsedPassword (conn)) ||
           strstr (message, "authentication failed") != NULL ||
           (strstr (message, "role \"") != NULL && strstr (message, "does not exist") != NULL))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                 _("The PostgreSQL server %s refused the user name or password (%s). Check them "
                   "in the connection settings, or ask the database administrator."),
                 _kefu_pg_describe (self), message);
  else
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("Could not connect to the PostgreSQL server %s (%s). Check that the server is "
                   "running, that the address and port are right, and that this computer can "
                   "reach it over the network."),
                 _kefu_pg_describe (self), message);
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
      g_autofree char *message = _kefu_pg_one_line (PQerrorMessage (self->conn));

      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("The PostgreSQL server %s refused the session settings (%s). Ask the "
                     "database administrator."),
                   _kefu_pg_describe (self), message);
    }
  PQclear (result);
  return ok;
}

/* Resets a connection that went bad, with back-off: a restarting server takes a moment. The new
 * session gets the same settings (TimeZone, DateStyle, plan_cache_mode) as the first. */
gboolean
_kefu_pg_reconnect (KefuPgStore  *self,
                    GError      **error)
{
  static const gulong delays_ms[] = { 0, 250, 1000, 2000 };
  /* Once the server is known to be out of reach, KefuStoreConnection spaces out the looks: one
   * attempt each, so that no statement waits seconds for a server that is down. */
  guint n_attempts = _kefu_store_connection_is_offline (KEFU_STORE (self))
                     ? 1 : G_N_ELEMENTS (delays_ms);

  g_hash_table_remove_all (self->statements);
  self->in_transaction = FALSE;

  for (guint i = 0; i < n_attempts; i++)
    {
      if (delays_ms[i] > 0)
        g_usleep (delays_ms[i] * 1000);
      PQreset (self->conn);
      if (PQstatus (self->conn) == CONNECTION_OK)
        {
          g_debug ("Reconnected to %s", _kefu_pg_describe (self));
          return setup_session (self, error);
        }
    }

  {
    g_autofree char *message = _kefu_pg_one_line (PQerrorMessage (self->conn));

    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The connection to the PostgreSQL server %s was lost and could not be made "
                   "again (%s). Check the network and that the server is running, then try "
                   "again."),
                 _kefu_pg_describe (self), message);
  }
  return FALSE;
}

/* Before a statement: a connection that is known to be bad is reset, unless a transaction was
 * running on it, which is lost and must be reported. */
gboolean
_kefu_pg_ensure_connection (KefuPgStore  *self,
                   GError      **error)
{
  if (self->conn == NULL)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("Not connected to the PostgreSQL server %s."), _kefu_pg_describe (self));
      return FALSE;
    }
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  if (self->in_transaction)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                   _("The connection to the PostgreSQL server %s was lost in the middle of a "
                     "change; nothing of it was saved. Try again."),
                   _kefu_pg_describe (self));
      return FALSE;
    }
  return _kefu_pg_reconnect (self, error);
}

/* Keeps the options the connection was made with, for a second connection of the session. */
static void
remember_connect_options (KefuPgStore *self)
{
  PQconninfoOption *options = PQconninfo (self->conn);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  if (options == NULL || self->connect_keywords != NULL)
    {
      PQconninfoFree (options);
      return;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && o->val[0] != '\0')
      {
        g_ptr_array_add (keywords, g_strdup (o->keyword));
        g_ptr_array_add (values, g_strdup (o->val));
      }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);
  self->connect_keywords = (char **) g_ptr_array_free (g_steal_pointer (&keywords), FALSE);
  self->connect_values = (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
  PQconninfoFree (options);
}

gboolean
_kefu_pg_store_connect (KefuStore     *store,
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
                       _kefu_pg_describe (self), timeout);
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

  remember_connect_options (self);
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
