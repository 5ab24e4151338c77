/* kefu-store-connection.h: whether the database of a store can be reached, and getting it back.
 *
 * The store notices by itself when its database cannot be reached: a PostgreSQL connection lost
 * or refused, a SQLite file or its shared folder gone (I/O errors, a journal that cannot be
 * created). Operations then fail with KEFU_STORE_ERROR_OFFLINE and nothing of them is written.
 * The store's KefuStoreConnection (one per store, made on first use) then says "online" FALSE
 * and looks again after 1, 2, 4, 8, 16 and then every 30 seconds (at once on
 * kefu_store_connection_try_now ()): a PostgreSQL store makes its connection again (statements
 * are prepared again on the new session), a SQLite store checks that its file is there and
 * readable. A write that succeeds, or a read on PostgreSQL, says it is back as well.
 *
 * What is shown stays shown: reads that fail leave the panes' models as they are.
 * GLib/GIO only; the object says what it sees on the thread-default main context of the thread
 * that first asked for it (the main thread in the application).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* The back-off between looks while the database cannot be reached, in seconds. */
#define KEFU_STORE_CONNECTION_FIRST_RETRY 1
#define KEFU_STORE_CONNECTION_MAX_RETRY   30

#define KEFU_TYPE_STORE_CONNECTION (kefu_store_connection_get_type ())
G_DECLARE_FINAL_TYPE (KefuStoreConnection, kefu_store_connection, KEFU, STORE_CONNECTION, GObject)

/* The store's connection state (transfer none: it lives as long as the store). */
KefuStoreConnection *kefu_store_connection_get_for_store (KefuStore           *store);
/* The store (transfer full), or NULL once it is gone. */
KefuStore           *kefu_store_connection_dup_store     (KefuStoreConnection *self);
/* Property "online": FALSE from the first operation that could not reach the database until a
 * look (or a write) reaches it again. */
gboolean             kefu_store_connection_get_online    (KefuStoreConnection *self);
/* Property "last-error": why the database could not be reached (for the log and a tooltip);
 * NULL while online. */
const char          *kefu_store_connection_get_last_error (KefuStoreConnection *self);
/* Property "retry-delay": the seconds until the next look (0 while online or looking). */
guint                kefu_store_connection_get_retry_delay (KefuStoreConnection *self);
/* Property "checking": TRUE while a look runs. */
gboolean             kefu_store_connection_get_checking  (KefuStoreConnection *self);
/* Looks at once ("Try Now"); does nothing while online or while a look runs. */
void                 kefu_store_connection_try_now       (KefuStoreConnection *self);

G_END_DECLS
