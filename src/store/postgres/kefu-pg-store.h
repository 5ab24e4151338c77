/* kefu-pg-store.h: the PostgreSQL backend of KefuStore, through libpq.
 *
 * Applications open stores with kefu_store_open(); this constructor is for that factory.
 */
#pragma once

#include "store/kefu-store-private.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PG_STORE (kefu_pg_store_get_type ())
G_DECLARE_FINAL_TYPE (KefuPgStore, kefu_pg_store, KEFU, PG_STORE, KefuStore)

/* `conninfo` is a postgres:// or postgresql:// URI or a libpq "key=value" string. Connects,
 * migrates the schema and returns the store, or NULL with a KEFU_STORE_ERROR. */
KefuStore *kefu_pg_store_new (const char    *conninfo,
                              KefuStoreOpenFlags flags,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
