/* kefu-pg-store-private.h: the PostgreSQL backend's instance struct and the functions its files
 * share.
 *
 * The backend is one class split by concern: kefu-pg-store.c (the class, statements and their
 * cache, transactions, checks), kefu-pg-connect.c (connecting and keeping the connection),
 * kefu-pg-errors.c (SQLSTATE → KefuStoreError) and kefu-pg-copy.c (COPY bulk insert).
 */
#pragma once

#include <libpq-fe.h>

#include "kefu-pg-store.h"

G_BEGIN_DECLS

struct _KefuPgStore
{
  KefuStore   parent_instance;

  char       *conninfo;
  PGconn     *conn;
  /* SQL text → name of the statement prepared on this connection. */
  GHashTable *statements;
  guint       next_statement;
  gboolean    in_transaction;
  /* The options the connection was made with (PQconninfo (), password included when one was
   * given), NULL-terminated, set once by the first connect: a second connection of the same
   * session (the change feed's LISTEN) connects with them. */
  char      **connect_keywords;
  char      **connect_values;
};

/* The server as messages name it: "user@host:port/dbname", never the password. */
static inline const char *
_kefu_pg_describe (KefuPgStore *self)
{
  return kefu_store_get_description (KEFU_STORE (self));
}

/* KefuStore vfuncs, installed by kefu_pg_store_class_init(). kefu-pg-connect.c: */
gboolean   _kefu_pg_store_connect      (KefuStore          *store,
                                        GCancellable       *cancellable,
                                        GError            **error);
/* kefu-pg-store.c (also used by the COPY path, which runs in a transaction of its own when the
 * caller has none): */
gboolean   _kefu_pg_store_exec_script  (KefuStore          *store,
                                        const char         *script,
                                        GError            **error);
KefuRows  *_kefu_pg_store_query        (KefuStore          *store,
                                        const char         *sql,
                                        GVariant           *params,
                                        gint64             *changes,
                                        GCancellable       *cancellable,
                                        GError            **error);
gboolean   _kefu_pg_store_begin        (KefuStore          *store,
                                        gboolean            write,
                                        GError            **error);
gboolean   _kefu_pg_store_commit       (KefuStore          *store,
                                        GError            **error);
void       _kefu_pg_store_rollback     (KefuStore          *store);
/* kefu-pg-copy.c: */
gboolean   _kefu_pg_store_bulk_insert  (KefuStore          *store,
                                        const char         *table,
                                        const char *const  *columns,
                                        GPtrArray          *rows,
                                        GCancellable       *cancellable,
                                        GError            **error);
gboolean   _kefu_pg_store_bulk_insert_rows (KefuStore        *store,
                                            const char       *table,
                                            const char *const *columns,
                                            KefuStoreRowFunc  next_row,
                                            gpointer          user_data,
                                            GCancellable     *cancellable,
                                            GError          **error);

/* kefu-pg-connect.c: makes the connection again (statement cache cleared, session set up). */
gboolean   _kefu_pg_reconnect          (KefuPgStore        *self,
                                        GError            **error);
/* kefu-pg-connect.c: before a statement, resets a connection known to be bad (with back-off),
 * unless a transaction was running on it, which is lost and reported. */
gboolean   _kefu_pg_ensure_connection  (KefuPgStore        *self,
                                        GError            **error);

/* kefu-pg-errors.c: libpq's message as one line (it ends with a newline and continues lines with
 * a tab). */
char      *_kefu_pg_one_line           (const char         *message);
/* Whether the connection is gone: its status, or a result's SQLSTATE of class 08 or 57P0x. */
gboolean   _kefu_pg_connection_lost    (KefuPgStore        *self,
                                        PGresult           *result);
/* Sets `error` from a failed statement's SQLSTATE (`result` may be NULL when libpq could not
 * send it); a cancelled statement becomes G_IO_ERROR_CANCELLED when `cancellable` is. */
void       _kefu_pg_set_result_error   (KefuPgStore        *self,
                                        PGresult           *result,
                                        GCancellable       *cancellable,
                                        GError            **error);

/* kefu-pg-store.c: a parameter or COPY value as text; NULL for SQL NULL. */
char      *_kefu_pg_value_to_text      (GVariant           *value);

G_END_DECLS
