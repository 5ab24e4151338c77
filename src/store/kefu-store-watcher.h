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
 * How it looks: every look runs, on the store's own worker and connection, one short query
 * (SELECT id, entity, entity_id FROM events WHERE id > last ORDER BY id LIMIT 10000), read
 * whole so that no statement stays open across main-loop iterations; at most one look runs at a
 * time. What starts a look differs:
 * - SQLite (a local file or one on a share): every KEFU_STORE_WATCH_INTERVAL_MS, and the look
 *   first asks PRAGMA data_version (which counts other connections' commits) and this store's
 *   own commit count; when neither moved it reads nothing more. Never a second connection to
 *   the file in the same process: closing it would drop the process's POSIX locks.
 * - PostgreSQL: a connection of its own LISTENs on "kefu_changes" (step 6's trigger on events
 *   INSERT notifies "entity:id" at commit); each notification starts a look at once, through
 *   kefu_changes_since (), so roles that may not read the events table are told too. After a
 *   reconnect the look catches up from the last id. While the listener is away the watcher
 *   looks every KEFU_STORE_WATCH_INTERVAL_MS; while it listens, every 10 s as a safety net. */
KefuStoreWatcher *kefu_store_watcher_new                 (KefuStore         *store,
                                                          GError           **error);
gint64            kefu_store_watcher_get_last_event_id   (KefuStoreWatcher  *self);
gboolean          kefu_store_watcher_get_online          (KefuStoreWatcher  *self);

G_END_DECLS
