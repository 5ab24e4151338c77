/* kefu-sqlite-private.h: what the SQLite backend's files share: the store's struct and its
 * statement helpers (kefu-sqlite-store.c), the bulk loads (kefu-sqlite-bulk.c), and the helpers
 * that need no connection state (kefu-sqlite-support.c). */
#pragma once

#include <sqlite3.h>

#include "store/kefu-store-private.h"
#include "kefu-sqlite-store.h"

G_BEGIN_DECLS

struct _KefuSqliteStore
{
  KefuStore     parent_instance;

  char         *path;
  sqlite3      *db;
  GHashTable   *statements;   /* SQL text → sqlite3_stmt* */
  GCancellable *cancellable;  /* of the running statement, for the progress handler */
  gboolean      network_file;
  gboolean      created_file;
  gboolean      bulk_cache;     /* the page cache was enlarged for bulk loads */
  gint64        busy_since;     /* monotonic time the current wait for a lock began */
};

/* _kefu_sqlite_set_error () for the store's connection and file; returns FALSE. */
gboolean      _kefu_sqlite_store_set_error        (KefuSqliteStore    *self,
                                                   int                 code,
                                                   const char         *what,
                                                   GError            **error);
/* The statement of `sql`, prepared once and cached by its text (owned by the store). */
sqlite3_stmt *_kefu_sqlite_store_get_statement    (KefuSqliteStore    *self,
                                                   const char         *sql,
                                                   GError            **error);
/* Runs `sql` (no parameters, no rows) at once. */
gboolean      _kefu_sqlite_store_exec             (KefuSqliteStore    *self,
                                                   const char         *sql,
                                                   GError            **error);
/* KefuStoreClass.bulk_insert and .bulk_insert_rows (kefu-sqlite-bulk.c). */
gboolean      _kefu_sqlite_store_bulk_insert      (KefuStore          *store,
                                                   const char         *table,
                                                   const char *const  *columns,
                                                   GPtrArray          *rows,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
gboolean      _kefu_sqlite_store_bulk_insert_rows (KefuStore          *store,
                                                   const char         *table,
                                                   const char *const  *columns,
                                                   KefuStoreRowFunc    next_row,
                                                   gpointer            user_data,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* Turns a SQLite result code into a KEFU_STORE_ERROR (or G_IO_ERROR_CANCELLED when `cancellable`
 * interrupted the statement), with a message naming the file `path`; returns FALSE. `what` says
 * which step failed (or is the SQL run); it goes to the debug log only, never to the message. */
gboolean  _kefu_sqlite_set_error             (sqlite3        *db,
                                              int             code,
                                              const char     *path,
                                              GCancellable   *cancellable,
                                              const char     *what,
                                              GError        **error);
/* now(): UTC text "YYYY-MM-DD HH:MM:SS.SSSZ"; reverse(text): characters in reverse order. */
void      _kefu_sqlite_now_func              (sqlite3_context  *context,
                                              int               argc,
                                              sqlite3_value   **argv);
void      _kefu_sqlite_reverse_func          (sqlite3_context  *context,
                                              int               argc,
                                              sqlite3_value   **argv);
/* Adds now(), reverse() and the aggregate lower_median(x) to the connection. */
void      _kefu_sqlite_add_functions         (sqlite3          *db);
/* PostgreSQL's $1 placeholders as SQLite's ?1, outside literals, quoted names and comments. */
char     *_kefu_sqlite_rewrite_placeholders  (const char     *sql);
/* Binds a parameter tuple (see kefu-store-private.h) to ?1, ?2 … The text is not copied: the
 * tuple must outlive the statement's step. */
gboolean  _kefu_sqlite_bind_params           (sqlite3_stmt   *stmt,
                                              GVariant       *params,
                                              const char     *path,
                                              GError        **error);
/* TRUE for a file (or, when missing, its folder) on NFS, SMB/CIFS or FUSE. */
gboolean  _kefu_sqlite_is_network_filesystem (const char     *path);

G_END_DECLS
