/* test-pg-connect.c: what only the PostgreSQL backend does: connecting and its failures,
 * passwords kept out of every text, reconnecting after a server restart, cancelling a running
 * statement, SQLSTATE mapping, parameters as text, and COPY.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <gio/gio.h>

#include "store/kefu-store-private.h"
#include "kefu-test-pg.h"

#define PW_ROLE     "kefu_pw"
#define PW_RIGHT    "Right-Secret-7f3a"
#define PW_WRONG    "Wrong-Secret-c91e"

static char *
uri_for (const char *dbname,
         const char *user,
         const char *password)
{
  GString *uri = g_string_new (NULL);

  g_string_append_printf (uri, "postgresql:///%s?host=%s&port=%u&user=%s", dbname,
                          kefu_test_pg_get_socket_dir (), kefu_test_pg_get_port (), user);
  if (password != NULL)
    g_string_append_printf (uri, "&password=%s", password);
  return g_string_free (uri, FALSE);
}

/* A TCP port on the loopback interface with nothing listening on it. */
static guint
unused_tcp_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static gpointer
cancel_later_thread (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 5);
  g_cancellable_cancel (data);
  return NULL;
}

static KefuStore *
open_new_database (char **uri_out)
{
  g_autofree char *uri = kefu_test_pg_new_database ();
  g_autoptr(GError) error = NULL;
  KefuStore *store = kefu_store_open (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (kefu_store_get_backend (store), ==, KEFU_STORE_BACKEND_POSTGRES);
  if (uri_out != NULL)
    *uri_out = g_steal_pointer (&uri);
  return store;
}

static void
test_refused_socket (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  /* The server's own socket folder, another port: no socket file there. */
  uri = g_strdup_printf ("postgresql:///kefu?host=%s&port=%u&user=postgres",
                         kefu_test_pg_get_socket_dir (), kefu_test_pg_get_port () + 1);
  store = kefu_store_open (uri, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "running"));
}

static void
test_refused_tcp (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *port = NULL;
  gint64 start = g_get_monotonic_time ();

  port = g_strdup_printf ("%u", unused_tcp_port ());
  uri = g_strdup_printf ("host=127.0.0.1 port=%s dbname=kefu user=clerk password=%s",
                         port, PW_RIGHT);
  store = kefu_store_open (uri, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "clerk@127.0.0.1:"));
  g_assert_nonnull (strstr (error->message, port));
  g_assert_null (strstr (error->message, PW_RIGHT));
  /* Refused is immediate: nothing waited for the 10 s connect timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_host_list (void)
{
  g_autofree char *uri = kefu_test_pg_new_database ();
  g_autofree char *conninfo = NULL;
  g_autofree char *dbname = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  const char *start = strstr (uri, ":///") + 4;

  /* libpq tries the hosts in turn: the first refuses, the second is our server. */
  dbname = g_strndup (start, strcspn (start, "?"));
  conninfo = g_strdup_printf ("host=127.0.0.1,%s port=%u,%u dbname=%s user=postgres",
                              kefu_test_pg_get_socket_dir (), unused_tcp_port (),
                              kefu_test_pg_get_port (), dbname);
  store = kefu_store_open (conninfo, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (kefu_store_get_description (store), kefu_test_pg_get_socket_dir ()));
}

/* A server that accepts the TCP connection and then never says a word. */
static GSocket *
silent_server (guint *port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static void
test_connect_timeout (void)
{
  guint port = 0;
  g_autoptr(GSocket) server = silent_server (&port);
  g_autofree char *conninfo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=kefu user=clerk connect_timeout=1 "
                              "sslmode=disable", port);
  store = kefu_store_open (conninfo, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION);
  g_test_message ("%s", error->message);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC - G_USEC_PER_SEC / 10);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_cancel_connect (void)
{
  guint port = 0;
  g_autoptr(GSocket) server = silent_server (&port);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *conninfo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  GThread *thread;

  /* The default 10 s timeout applies; cancelling must end the wait long before it. */
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=kefu user=clerk sslmode=disable",
                              port);
  thread = g_thread_new ("cancel", cancel_later_thread, cancellable);
  store = kefu_store_open (conninfo, cancellable, &error);
  g_thread_join (thread);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_missing_database (void)
{
  g_autofree char *uri = uri_for ("kefu_no_such_database", "postgres", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  store = kefu_store_open (uri, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“kefu_no_such_database”"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
}

/* A database the password role owns, so that it may create the schema. */
static char *
password_database (void)
{
  g_autofree char *uri = kefu_test_pg_new_database ();
  g_autofree char *dbname = NULL;
  g_autofree char *sql = NULL;
  const char *start = strstr (uri, ":///") + 4;

  dbname = g_strndup (start, strcspn (start, "?"));
  sql = g_strdup_printf ("ALTER DATABASE %s OWNER TO " PW_ROLE, dbname);
  kefu_test_pg_exec ("postgres", sql);
  return g_steal_pointer (&dbname);
}

static void
test_wrong_password (void)
{
  g_autofree char *dbname = password_database ();
  g_autofree char *wrong = uri_for (dbname, PW_ROLE, PW_WRONG);
  g_autofree char *none = uri_for (dbname, PW_ROLE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;

  store = kefu_store_open (wrong, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, PW_WRONG));
  g_assert_nonnull (strstr (error->message, PW_ROLE "@"));
  g_clear_error (&error);

  store = kefu_store_open (none, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "password"));
}

static void
test_description_has_no_password (void)
{
  g_autofree char *dbname = password_database ();
  g_autofree char *uri = uri_for (dbname, PW_ROLE, PW_RIGHT);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  const char *description;

  store = kefu_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  description = kefu_store_get_description (store);
  g_test_message ("%s", description);
  g_assert_null (strstr (description, PW_RIGHT));
  g_assert_true (g_str_has_prefix (description, PW_ROLE "@"));
  g_assert_true (g_str_has_suffix (description, dbname));
  g_assert_nonnull (strstr (description, kefu_test_pg_get_socket_dir ()));
}

static void
test_reconnect_after_restart (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) before = NULL;
  g_autoptr(KefuRows) after = NULL;

  before = _kefu_store_query (store, "SELECT pg_backend_pid()", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_count_customers (store, NULL, &error), ==, 0);
  g_assert_no_error (error);

  kefu_test_pg_restart ();

  /* The old session is gone; the next statement gets a new one without the caller noticing. */
  g_assert_cmpint (kefu_store_count_customers (store, NULL, &error), ==, 0);
  g_assert_no_error (error);
  after = _kefu_store_query (store, "SELECT pg_backend_pid()", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (before, 0, 0), !=, kefu_rows_get_int (after, 0, 0));

  /* The session settings were made again on the new connection. */
  g_clear_pointer (&after, kefu_rows_free);
  after = _kefu_store_query (store, "SELECT current_setting('TimeZone')", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_rows_get_text (after, 0, 0), ==, "UTC");
  g_clear_pointer (&after, kefu_rows_free);
  after = _kefu_store_query (store, "SELECT current_setting('plan_cache_mode')", NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_rows_get_text (after, 0, 0), ==, "force_custom_plan");

  /* A write whose BEGIN meets the dead session reconnects too. */
  kefu_test_pg_restart ();
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_set_setting (store, "handover-cutoff", "10:00", NULL, &error));
  g_assert_no_error (error);
}

static void
test_connection_lost_in_transaction (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  /* klass->query does not sink its parameters (the store's helpers do): own them here. */
  g_autoptr(GVariant) first = g_variant_ref_sink (g_variant_new ("(s)", "售后部"));
  g_autoptr(GVariant) second = g_variant_ref_sink (g_variant_new ("(s)", "投诉部"));
  gint64 changes = 0;

  g_assert_true (klass->begin (store, TRUE, &error));
  g_assert_no_error (error);
  rows = klass->query (store, "INSERT INTO departments (name) VALUES ($1)",
                       first, &changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changes, ==, 1);
  g_clear_pointer (&rows, kefu_rows_free);

  kefu_test_pg_restart ();

  /* The transaction died with its session: that is an error, never a silent new session. */
  rows = klass->query (store, "INSERT INTO departments (name) VALUES ($1)",
                       second, &changes, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION);
  g_clear_error (&error);
  klass->rollback (store);

  /* Afterwards the store connects again, and nothing of the lost transaction is there. */
  rows = _kefu_store_query (store, "SELECT count(*) FROM departments", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 0), ==, 0);
}

static void
test_cancel_running_statement (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GThread *thread;
  gint64 start = g_get_monotonic_time ();

  thread = g_thread_new ("cancel", cancel_later_thread, cancellable);
  rows = _kefu_store_query (store, "SELECT pg_sleep(30)", NULL, cancellable, &error);
  g_thread_join (thread);
  g_assert_null (rows);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* The connection is still usable afterwards. */
  g_clear_error (&error);
  rows = _kefu_store_query (store, "SELECT 1", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 0), ==, 1);
}

/* A cancel request that reaches the server after its statement ended stops the next statement
 * (SQLSTATE 57014) although nobody cancelled that one. Here the statement cancels itself the
 * first time only (a sequence is not rolled back), as such a late request would. */
#define SELF_CANCEL_ONCE \
  "SELECT CASE WHEN nextval('cancel_once') = 1 THEN pg_cancel_backend(pg_backend_pid()) END, " \
  "pg_sleep(0.3), 42"

static void
test_late_cancel (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  g_assert_cmpint (_kefu_store_execute (store, "CREATE SEQUENCE cancel_once", NULL, NULL, &error),
                   >=, 0);
  g_assert_no_error (error);

  /* Alone, the statement is run again and succeeds. */
  rows = _kefu_store_query (store, SELF_CANCEL_ONCE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 2), ==, 42);
  g_clear_pointer (&rows, kefu_rows_free);

  /* In a transaction it is BUSY, which makes _kefu_store_write() retry the whole write. */
  g_assert_cmpint (_kefu_store_execute (store, "SELECT setval('cancel_once', 1, false)", NULL,
                                        NULL, &error), >=, 0);
  g_assert_no_error (error);
  g_assert_true (klass->begin (store, TRUE, &error));
  g_assert_no_error (error);
  rows = klass->query (store, SELF_CANCEL_ONCE, NULL, NULL, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY);
  klass->rollback (store);
}

static void
test_parameters_as_text (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  const char *tricky = "王伟's \"note\"; DROP TABLE staff; -- \\ \t tab\nline 😀";

  rows = _kefu_store_query (store,
                            "SELECT CAST($1 AS TEXT), CAST($2 AS BIGINT), CAST($3 AS BOOLEAN), "
                            "CAST($4 AS TEXT) IS NULL, CAST($5 AS BIGINT), CAST($6 AS BIGINT)",
                            /* "mx" takes "is present" and then the value. */
                            g_variant_new ("(sxbmsmxmx)", tricky, G_GINT64_CONSTANT (-9007199254740993),
                                           TRUE, NULL, FALSE, (gint64) 0, TRUE, (gint64) 42),
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==, tricky);
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 1), ==, G_GINT64_CONSTANT (-9007199254740993));
  g_assert_true (kefu_rows_get_bool (rows, 0, 2));
  g_assert_true (kefu_rows_get_bool (rows, 0, 3));
  g_assert_true (kefu_rows_is_null (rows, 0, 4));
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 5), ==, 42);

  /* The same statement again comes from the prepared-statement cache with new values. */
  g_clear_pointer (&rows, kefu_rows_free);
  rows = _kefu_store_query (store,
                            "SELECT CAST($1 AS TEXT), CAST($2 AS BIGINT), CAST($3 AS BOOLEAN), "
                            "CAST($4 AS TEXT) IS NULL, CAST($5 AS BIGINT), CAST($6 AS BIGINT)",
                            g_variant_new ("(sxbmsmxmx)", "", (gint64) 0, FALSE, "x", TRUE, (gint64) 7,
                                           FALSE, (gint64) 0),
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==, "");
  g_assert_false (kefu_rows_is_null (rows, 0, 0));
  g_assert_false (kefu_rows_get_bool (rows, 0, 2));
  g_assert_false (kefu_rows_get_bool (rows, 0, 3));
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 4), ==, 7);
  g_assert_true (kefu_rows_is_null (rows, 0, 5));
}

static void
test_errors_by_sqlstate (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (store);
  g_autoptr(GError) error = NULL;
  gint64 changes = -1;

  g_assert_true (klass->exec_script (store,
                                     "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER CHECK (n > 0),"
                                     " parent BIGINT REFERENCES t (id));"
                                     "INSERT INTO t VALUES (1, 1, NULL);", &error));
  g_assert_no_error (error);

  g_assert_cmpint (_kefu_store_execute (store, "INSERT INTO t (id, n) VALUES ($1, $2)",
                                        g_variant_new ("(xx)", (gint64) 1, (gint64) 1),
                                        NULL, &error), ==, -1);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_cmpint (_kefu_store_execute (store, "INSERT INTO t (id, n) VALUES ($1, $2)",
                                        g_variant_new ("(xx)", (gint64) 2, (gint64) -5),
                                        NULL, &error), ==, -1);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (_kefu_store_execute (store, "INSERT INTO t (id, n, parent) VALUES ($1, $2, $3)",
                                        g_variant_new ("(xxx)", (gint64) 2, (gint64) 1,
                                                       (gint64) 99),
                                        NULL, &error), ==, -1);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A read-only session: what a hot standby gives. */
  g_assert_true (klass->exec_script (store, "SET default_transaction_read_only = on", &error));
  g_assert_cmpint (_kefu_store_execute (store, "INSERT INTO t (id, n) VALUES ($1, $2)",
                                        g_variant_new ("(xx)", (gint64) 3, (gint64) 1),
                                        NULL, &error), ==, -1);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (klass->exec_script (store, "SET default_transaction_read_only = off", &error));

  /* changes counts the affected rows. */
  g_autoptr(KefuRows) rows = klass->query (store, "UPDATE t SET n = n + 1", NULL, &changes,
                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpint (changes, ==, 1);
}

static void
test_events_append_only (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  g_autoptr(GError) error = NULL;

  /* One event exists after a write by the system actor. */
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_set_setting (store, "handover-cutoff", "10:00", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_kefu_store_execute (store, "DELETE FROM events", NULL, NULL, &error), ==, -1);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
}

static void
test_bulk_copy (void)
{
  g_autoptr(KefuStore) store = open_new_database (NULL);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(KefuRows) back = NULL;
  const char *const columns[] = { "id", "label", "flag", NULL };
  const char *const labels[] = {
    "plain", "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "张三丰",
    "", "end\\",
  };

  g_assert_true (klass->exec_script (store,
                                     "CREATE TABLE copied (id BIGINT PRIMARY KEY, label TEXT, "
                                     "flag BOOLEAN)", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_ptr_array_add (rows, g_variant_ref_sink (g_variant_new ("(xmsb)", (gint64) i + 1,
                                                              labels[i], i % 2 == 0)));
  g_ptr_array_add (rows, g_variant_ref_sink (g_variant_new ("(xmsb)", (gint64) 100, NULL, TRUE)));
  for (guint i = 0; i < 20000; i++)
    g_ptr_array_add (rows, g_variant_ref_sink (g_variant_new ("(xmsb)", (gint64) 1000 + i,
                                                              "客户", FALSE)));

  g_assert_true (klass->bulk_insert (store, "copied", columns, rows, NULL, &error));
  g_assert_no_error (error);

  back = _kefu_store_query (store, "SELECT id, label, flag FROM copied WHERE id < 1000 ORDER BY id",
                            NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (back), ==, G_N_ELEMENTS (labels) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_assert_cmpstr (kefu_rows_get_text (back, i, 1), ==, labels[i]);
      g_assert_cmpint (kefu_rows_get_bool (back, i, 2), ==, i % 2 == 0);
    }
  g_assert_true (kefu_rows_is_null (back, G_N_ELEMENTS (labels), 1));

  g_clear_pointer (&back, kefu_rows_free);
  back = _kefu_store_query (store, "SELECT count(*) FROM copied", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (back, 0, 0), ==, rows->len);

  /* The load was large for the table, so its statistics were gathered for the planner. */
  g_clear_pointer (&back, kefu_rows_free);
  back = _kefu_store_query (store, "SELECT CAST(reltuples AS BIGINT) FROM pg_class "
                            "WHERE oid = to_regclass('copied')", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (back, 0, 0), ==, rows->len);

  /* A duplicate anywhere rejects the whole batch. */
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_add (rows, g_variant_ref_sink (g_variant_new ("(xmsb)", (gint64) 50000, "new", TRUE)));
  g_ptr_array_add (rows, g_variant_ref_sink (g_variant_new ("(xmsb)", (gint64) 1, "dup", TRUE)));
  g_assert_false (klass->bulk_insert (store, "copied", columns, rows, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_pointer (&back, kefu_rows_free);
  back = _kefu_store_query (store, "SELECT count(*) FROM copied WHERE id = 50000", NULL, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (back, 0, 0), ==, 0);
}

static void
test_check (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(KefuStore) store = open_new_database (&uri);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *dbname = NULL;
  const char *start = strstr (uri, ":///") + 4;

  problems = kefu_store_check (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_clear_pointer (&problems, g_strfreev);

  dbname = g_strndup (start, strcspn (start, "?"));
  kefu_test_pg_exec (dbname, "DROP TABLE settings");
  problems = kefu_store_check (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "settings"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* No password file or environment of the developer's may answer for us. */
  g_setenv ("PGPASSFILE", "/nonexistent/kefu-test-pgpass", TRUE);
  g_unsetenv ("PGPASSWORD");

  kefu_test_pg_require_password (PW_ROLE);
  kefu_test_pg_exec ("postgres", "CREATE ROLE " PW_ROLE " LOGIN PASSWORD '" PW_RIGHT "'");

  g_test_add_func ("/kefu/pg-connect/refused-socket", test_refused_socket);
  g_test_add_func ("/kefu/pg-connect/refused-tcp", test_refused_tcp);
  g_test_add_func ("/kefu/pg-connect/host-list", test_host_list);
  g_test_add_func ("/kefu/pg-connect/connect-timeout", test_connect_timeout);
  g_test_add_func ("/kefu/pg-connect/cancel-connect", test_cancel_connect);
  g_test_add_func ("/kefu/pg-connect/missing-database", test_missing_database);
  g_test_add_func ("/kefu/pg-connect/wrong-password", test_wrong_password);
  g_test_add_func ("/kefu/pg-connect/description-has-no-password",
                   test_description_has_no_password);
  g_test_add_func ("/kefu/pg-connect/reconnect-after-restart", test_reconnect_after_restart);
  g_test_add_func ("/kefu/pg-connect/connection-lost-in-transaction",
                   test_connection_lost_in_transaction);
  g_test_add_func ("/kefu/pg-connect/cancel-running-statement", test_cancel_running_statement);
  g_test_add_func ("/kefu/pg-connect/late-cancel", test_late_cancel);
  g_test_add_func ("/kefu/pg-connect/parameters-as-text", test_parameters_as_text);
  g_test_add_func ("/kefu/pg-connect/errors-by-sqlstate", test_errors_by_sqlstate);
  g_test_add_func ("/kefu/pg-connect/events-append-only", test_events_append_only);
  g_test_add_func ("/kefu/pg-connect/bulk-copy", test_bulk_copy);
  g_test_add_func ("/kefu/pg-connect/check", test_check);

  return g_test_run ();
}
