/* kefu-sqlite-store.h: the SQLite backend of KefuStore (the embedded default). */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SQLITE_STORE (kefu_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (KefuSqliteStore, kefu_sqlite_store, KEFU, SQLITE_STORE, KefuStore)

/* Opens (creating when missing, unless KEFU_STORE_OPEN_MUST_EXIST) and migrates (unless
 * KEFU_STORE_OPEN_NO_MIGRATE) the database file at `path`. */
KefuStore *kefu_sqlite_store_new              (const char       *path,
                                               KefuStoreOpenFlags flags,
                                               GCancellable     *cancellable,
                                               GError          **error);
const char *kefu_sqlite_store_get_path        (KefuSqliteStore  *self);
/* TRUE when the file is on a network filesystem (NFS, SMB/CIFS, FUSE): it then runs without WAL,
 * with synchronous=FULL and short write transactions, as several workstations share it. */
gboolean   kefu_sqlite_store_get_network_file (KefuSqliteStore  *self);

G_END_DECLS
