/* kefu-store-connection-private.h: how the store's own code tells KefuStoreConnection what its
 * operations met (kefu-store.c after every statement and write, the backends before they
 * reconnect). Any thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* After an operation: `ok` or the error it set (which may be NULL when the caller passed none:
 * pass a local error). A KEFU_STORE_ERROR_CONNECTION of an open store becomes
 * KEFU_STORE_ERROR_OFFLINE (same message), and either marks the store offline. A committed
 * `write`, or any success on PostgreSQL, marks it online (on a shared SQLite file reads may
 * still succeed from the open file while its folder is gone, so they prove nothing). */
void      _kefu_store_connection_note        (KefuStore   *store,
                                              gboolean     write,
                                              gboolean     ok,
                                              GError      *error);
/* Sets the state directly (a look that reached the database). */
void      _kefu_store_connection_set_online  (KefuStore   *store,
                                              gboolean     online,
                                              const char  *reason);
/* TRUE while the store is known to be offline: a backend then tries to reconnect once, without
 * waiting, since the looks are spaced out already. */
gboolean  _kefu_store_connection_is_offline  (KefuStore   *store);

G_END_DECLS
