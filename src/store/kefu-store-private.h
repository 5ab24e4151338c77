/* kefu-store-private.h: what a backend implements, and what the shared store code uses.
 *
 * The store's operations (kefu-store-*.c) are written once, in SQL that both dialects accept:
 *  - placeholders are written $1, $2 … (PostgreSQL's form); the SQLite backend rewrites them to
 *    ?1, ?2 … outside string literals when it prepares a statement;
 *  - RETURNING, ON CONFLICT, LIMIT/OFFSET, ||, TRUE/FALSE, CAST(x AS TEXT) work in both;
 *  - now() and reverse() exist in both: the SQLite backend registers them as SQL functions
 *    (now() returns UTC text "YYYY-MM-DD HH:MM:SS.SSSZ");
 *  - where a parameter's type cannot be inferred by PostgreSQL (e.g. "$1 IS NULL"), write
 *    CAST($1 AS TEXT) / CAST($1 AS BIGINT), which SQLite accepts too.
 * What really differs (DDL, the phone-suffix match, full-text search) lives in kefu-schema.c and
 * kefu_store_dialect_*() below, and nowhere else.
 *
 * Parameters are a GVariant tuple (or NULL for none), one child per $n:
 *   "x" int64, "b" boolean, "s" text, "mx"/"ms"/"mb" nullable forms (Nothing binds NULL),
 *   "t" is not used: times travel as text from kefu_time_to_db().
 * Results come back fully read into a KefuRows (no statement stays open across main-loop
 * iterations: an open read on a shared SQLite file blocks other workstations' commits).
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

typedef struct _KefuRows KefuRows;

/* One value of a row for bulk_insert_rows(). Text is borrowed: it must stay valid until the row
 * function is called again (or returns FALSE). */
typedef enum
{
  KEFU_STORE_VALUE_NULL,
  KEFU_STORE_VALUE_INT64,
  KEFU_STORE_VALUE_BOOLEAN,
  KEFU_STORE_VALUE_TEXT,
} KefuStoreValueType;

typedef struct
{
  KefuStoreValueType  type;
  gint64              number;   /* INT64, and BOOLEAN as 0 or 1 */
  const char         *text;     /* TEXT: valid UTF-8, never NULL */
} KefuStoreValue;

/* Fills `values` (one per column) with the next row and returns TRUE, or returns FALSE when there
 * are no more rows. Called once per row, in order. */
typedef gboolean (*KefuStoreRowFunc) (gpointer        user_data,
                                      KefuStoreValue *values);

static inline void
kefu_store_value_set_int64 (KefuStoreValue *value,
                            gint64          number)
{
  value->type = KEFU_STORE_VALUE_INT64;
  value->number = number;
}

static inline void
kefu_store_value_set_boolean (KefuStoreValue *value,
                              gboolean        boolean)
{
  value->type = KEFU_STORE_VALUE_BOOLEAN;
  value->number = boolean ? 1 : 0;
}

/* NULL text is SQL NULL. */
static inline void
kefu_store_value_set_text (KefuStoreValue *value,
                           const char     *text)
{
  value->type = text != NULL ? KEFU_STORE_VALUE_TEXT : KEFU_STORE_VALUE_NULL;
  value->text = text;
}

static inline void
kefu_store_value_set_null (KefuStoreValue *value)
{
  value->type = KEFU_STORE_VALUE_NULL;
}

struct _KefuStoreClass
{
  GObjectClass parent_class;

  /* Connects (and for SQLite, opens or creates the file and sets the pragmas). Called once,
   * from kefu_store_open*, on the calling or worker thread. */
  gboolean  (*connect)        (KefuStore     *self,
                               GCancellable  *cancellable,
                               GError       **error);
  /* Runs a script of several statements without parameters (DDL in migrations). */
  gboolean  (*exec_script)    (KefuStore     *self,
                               const char    *script,
                               GError       **error);
  /* Runs one statement with parameters and returns every row it produced (zero rows for an
   * INSERT/UPDATE without RETURNING). `changes` receives the affected-row count. Statements are
   * prepared once per connection and cached by their SQL text. */
  KefuRows *(*query)          (KefuStore     *self,
                               const char    *sql,
                               GVariant      *params,
                               gint64        *changes,
                               GCancellable  *cancellable,
                               GError       **error);
  /* Transactions. begin_write takes the write lock at once (SQLite BEGIN IMMEDIATE). */
  gboolean  (*begin)          (KefuStore     *self,
                               gboolean       write,
                               GError       **error);
  gboolean  (*commit)         (KefuStore     *self,
                               GError       **error);
  void      (*rollback)       (KefuStore     *self);
  /* Backend-specific integrity checks appended to `problems`. */
  gboolean  (*check)          (KefuStore     *self,
                               GPtrArray     *problems,
                               GCancellable  *cancellable,
                               GError       **error);
  /* Bulk insert fast path (SQLite: one prepared INSERT in a big transaction; PostgreSQL: COPY).
   * It is called inside the write transaction that _kefu_store_write() opened, so that the rows
   * of several tables commit together: it must not begin or commit a transaction itself.
   * `table` and `columns` are trusted identifiers from our code, never user text; each row is a
   * GVariant tuple matching `columns`. */
  gboolean  (*bulk_insert)    (KefuStore     *self,
                               const char    *table,
                               const char *const *columns,
                               GPtrArray     *rows,
                               GCancellable  *cancellable,
                               GError       **error);
  /* Optional: the same bulk insert with the rows coming from `next_row` one at a time, so that
   * no GVariant (or other copy) is built per row; the same rules as bulk_insert. The shared code
   * calls it through _kefu_store_bulk_insert_rows(), which falls back to bulk_insert with
   * GVariant rows for a backend that leaves it NULL. */
  gboolean  (*bulk_insert_rows) (KefuStore       *self,
                                 const char      *table,
                                 const char *const *columns,
                                 KefuStoreRowFunc next_row,
                                 gpointer         user_data,
                                 GCancellable    *cancellable,
                                 GError         **error);
  /* Optional: runs a query whose first column is a BIGINT (ids) and returns that column as a
   * GArray of gint64, without a text copy of each value: a list of a million customer ids is
   * read this way. NULL values read as 0. The shared code calls it through
   * _kefu_store_query_int64_column(), which falls back to query() for a backend that leaves it
   * NULL. */
  GArray   *(*query_int64_column) (KefuStore     *self,
                                   const char    *sql,
                                   GVariant      *params,
                                   GCancellable  *cancellable,
                                   GError       **error);
};

/* Result sets: every value kept as text (NULL for SQL NULL), as both backends can give them. */
KefuRows     *kefu_rows_new            (guint        n_columns);
void          kefu_rows_free           (KefuRows    *rows);
/* Backends: append one row of n_columns values (copied; NULL entries are SQL NULL). */
void          kefu_rows_append         (KefuRows    *rows,
                                        const char *const *values);
guint         kefu_rows_get_n_rows     (KefuRows    *rows);
guint         kefu_rows_get_n_columns  (KefuRows    *rows);
gboolean      kefu_rows_is_null        (KefuRows    *rows, guint row, guint column);
const char   *kefu_rows_get_text       (KefuRows    *rows, guint row, guint column);
gint64        kefu_rows_get_int        (KefuRows    *rows, guint row, guint column);
/* Accepts SQLite's 0/1 and PostgreSQL's t/f. */
gboolean      kefu_rows_get_bool       (KefuRows    *rows, guint row, guint column);
/* Parses both backends' UTC timestamp text; NULL for SQL NULL. */
GDateTime    *kefu_rows_get_time       (KefuRows    *rows, guint row, guint column);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuRows, kefu_rows_free)

/* Times as stored: UTC text "YYYY-MM-DD HH:MM:SS.SSSZ", which sorts as text in SQLite and is
 * accepted by PostgreSQL's timestamptz. */
char         *kefu_time_to_db          (GDateTime   *time);
GDateTime    *kefu_time_from_db        (const char  *text);

/* Shared helpers for the operations, in kefu-store.c. */
KefuRows     *_kefu_store_query        (KefuStore *self, const char *sql, GVariant *params,
                                        GCancellable *cancellable, GError **error);
gint64        _kefu_store_execute      (KefuStore *self, const char *sql, GVariant *params,
                                        GCancellable *cancellable, GError **error);
/* The first column of every row of `sql` as gint64 (see query_int64_column above). */
GArray       *_kefu_store_query_int64_column (KefuStore *self, const char *sql, GVariant *params,
                                              GCancellable *cancellable, GError **error);
/* Runs `func` in a write transaction, retried as a whole with random back-off while the
 * database is busy (a shared SQLite file); rolls back on error. */
typedef gboolean (*KefuStoreTxnFunc) (KefuStore *self, gpointer data,
                                      GCancellable *cancellable, GError **error);
gboolean      _kefu_store_write        (KefuStore *self, KefuStoreTxnFunc func, gpointer data,
                                        GCancellable *cancellable, GError **error);
/* Inserts the rows `next_row` gives into `table` (see bulk_insert_rows above), through the
 * backend's bulk_insert_rows, or else through bulk_insert in chunks of GVariant rows. Call it
 * inside _kefu_store_write. Defined in kefu-store-customers.c, its only user so far. */
gboolean      _kefu_store_bulk_insert_rows (KefuStore *self, const char *table,
                                            const char *const *columns,
                                            KefuStoreRowFunc next_row, gpointer user_data,
                                            GCancellable *cancellable, GError **error);
/* Appends an event for the current actor; call inside _kefu_store_write. `details` is JSON. */
gboolean      _kefu_store_add_event    (KefuStore *self, const char *entity, gint64 entity_id,
                                        const char *action, const char *details,
                                        GCancellable *cancellable, GError **error);

/* The events (KefuEvent) of a query whose columns are id, created_at, staff_id, staff name,
 * entity, entity_id, action, details. Defined in kefu-store-events.c. */
GListModel   *_kefu_store_events_from_rows (KefuRows *rows);

/* How many write transactions this store has committed (any thread; wraps around). */
guint         _kefu_store_get_commit_count (KefuStore *self);

/* Backends: the flags the store was opened with (kefu_store_open_full()). */
KefuStoreOpenFlags _kefu_store_get_open_flags (KefuStore *self);

/* Backends: a human description of the database for messages (the file path, or
 * user@host/dbname, never a password). */
void          _kefu_store_set_description (KefuStore *self, const char *description);

/* The dialect differences outside DDL. */
/* A WHERE fragment matching customer_phones.phone_rev against the pattern in $1: the reversed
 * digits followed by the dialect's wildcard (see _kefu_schema_phone_prefix_pattern()). */
const char   *_kefu_store_dialect_phone_suffix_match (KefuStore *self);

G_END_DECLS
