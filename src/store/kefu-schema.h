/* kefu-schema.h: the versioned schema and every SQL dialect difference of the store.
 *
 * kefu-schema.c holds the migration steps, each with its SQLite and PostgreSQL DDL side by side,
 * and the few query fragments that cannot be written once for both dialects. Nothing else in the
 * store writes dialect-specific SQL.
 */
#pragma once

#include "kefu-store-private.h"

G_BEGIN_DECLS

/* The newest schema version this build knows. */
guint         _kefu_schema_latest_version       (void);
/* How many steps there are: step numbers are reserved ahead of time, so there may be gaps. */
guint         _kefu_schema_n_steps              (void);

/* Brings the database to the latest version in one transaction. `found` receives the version
 * the database had before (0 for a new, empty database). A database whose recorded version is
 * newer than this build is refused with KEFU_STORE_ERROR_SCHEMA_TOO_NEW and left untouched; a
 * database holding other tables but no Kefu schema is refused with NOT_A_DATABASE. Without
 * `migrate` only `found` is read (and a newer database refused); nothing is changed. */
gboolean      _kefu_schema_migrate              (KefuStore         *self,
                                                 gboolean           migrate,
                                                 guint             *found,
                                                 GCancellable      *cancellable,
                                                 GError           **error);

/* Statement run right after the migration's BEGIN, before the version is read, that keeps
 * other connections out of the migration (PostgreSQL advisory lock); NULL when not needed. */
const char   *_kefu_schema_migration_lock       (KefuStoreBackend   backend);
/* A WHERE fragment that matches customer_phones.phone_rev against the pattern in $1, and the
 * pattern for a reversed-digit prefix (SQLite GLOB "4321*", PostgreSQL LIKE "4321%"). The
 * pattern is a whole bound parameter so that both planners can use the index. */
const char   *_kefu_schema_phone_prefix_match   (KefuStoreBackend   backend);
char         *_kefu_schema_phone_prefix_pattern (KefuStoreBackend   backend,
                                                 const char        *reversed_digits);

/* Statement to run after rows were inserted with explicit ids, so that the id generator does
 * not hand them out again (PostgreSQL identity sequences); NULL when nothing is needed. `table`
 * is customers, or one of the hotline tables a bulk load of calls writes. */
const char   *_kefu_schema_after_explicit_ids   (KefuStoreBackend   backend,
                                                 const char        *table);

/* Statement that keeps other writers out of `customers` while a bulk load picks explicit ids
 * (PostgreSQL table lock; SQLite's BEGIN IMMEDIATE already does it); NULL when not needed. */
const char   *_kefu_schema_bulk_lock            (KefuStoreBackend   backend);
/* The same for a bulk load of calls (kefu-store-calls-bulk.c): the calls and every table of
 * what calls create. */
const char   *_kefu_schema_calls_bulk_lock      (KefuStoreBackend   backend);

G_END_DECLS
