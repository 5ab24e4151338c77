/* kefu-pg-listener.h: a PostgreSQL connection of its own that LISTENs on one channel and says,
 * on a main context, when notifications arrive, when it is (again) listening and when it lost
 * the server; it reconnects by itself with back-off.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* Listening (first time or after a reconnect): whatever was sent while away was missed. */
  KEFU_PG_LISTENER_LISTENING,
  /* One or more notifications arrived. */
  KEFU_PG_LISTENER_NOTIFIED,
  /* The connection was lost or could not be made; a reconnect is scheduled. */
  KEFU_PG_LISTENER_LOST,
} KefuPgListenerEvent;

typedef void (*KefuPgListenerFunc) (KefuPgListenerEvent event,
                                    gpointer            user_data);

#define KEFU_TYPE_PG_LISTENER (kefu_pg_listener_get_type ())
G_DECLARE_FINAL_TYPE (KefuPgListener, kefu_pg_listener, KEFU, PG_LISTENER, GObject)

/* Connects (on a thread) with the parameters `store` connected with, then LISTENs on `channel`
 * (a trusted identifier from our code). `func` is called on the thread-default main context of
 * this call until the listener is disposed. `store` must be a PostgreSQL store. */
KefuPgListener *kefu_pg_listener_new          (KefuStore          *store,
                                               const char         *channel,
                                               KefuPgListenerFunc  func,
                                               gpointer            user_data);
gboolean        kefu_pg_listener_is_listening (KefuPgListener     *self);

G_END_DECLS
