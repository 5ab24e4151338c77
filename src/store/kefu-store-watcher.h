/* kefu-store-watcher.h: notices what other workstations (and other connections of this one)
 * commit, from the events table, and says it on the thread-default main context of its creation.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* How often the watcher looks for new events. */
#define KEFU_STORE_WATCH_INTERVAL_MS 1000

#define KEFU_TYPE_STORE_WATCHER (kefu_store_watcher_get_type ())
G_DECLARE_FINAL_TYPE (KefuStoreWatcher, kefu_store_watcher, KEFU, STORE_WATCHER, GObject)

/* Starts watching from the newest event now in the database: older events are never reported.
 * The events table is append-only and every write adds an event (entity, entity_id), so it is
 * the one source of truth on both backends.
 *
 * Signal "changed" (const char *entity, GArray *entity_ids of gint64, gint64 last_event_id):
 * one emission per entity per batch, entities in the order of their first event, each id once.
 * Bulk loads write an entity such as "shipments" with entity_id 0: listeners reload wholly.
 * The watcher's own store's writes are reported too (a pane refreshes after its own save the
 * same way).
 *
 * Property "online" (boolean): FALSE while the database cannot be read (for a banner).
 *
 * How it looks (both backends, for now): every KEFU_STORE_WATCH_INTERVAL_MS it runs, on the
 * store's own worker and connection (never a second connection to a SQLite file in the same
 * process: closing it would drop the process's POSIX locks), one short query
 * SELECT id, entity, entity_id FROM events WHERE id > last ORDER BY id LIMIT 10000, read whole
 * so that no statement stays open across main-loop iterations. At most one look runs at a time. */
KefuStoreWatcher *kefu_store_watcher_new                 (KefuStore         *store,
                                                          GError           **error);
gint64            kefu_store_watcher_get_last_event_id   (KefuStoreWatcher  *self);
gboolean          kefu_store_watcher_get_online          (KefuStoreWatcher  *self);

G_END_DECLS
