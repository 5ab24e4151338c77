/* kefu-live.h: live refresh for the panes: what other workstations (and this one) save, told to
 * the panes a moment later, once per kind of record however many events a burst held.
 *
 * The store writes its events with entity names of its own ("complaint" and "complaints",
 * "service-job", "shipment" …). kefu_live_kind_for_entity () is the one place that says which
 * kind of record, as the panes show them, each name stands for; the panes listen to kinds.
 *
 * The window makes one KefuLive per open database over a KefuStoreWatcher and gives it to the
 * panes (their "live" property); the panes give it to the record pages they open
 * (kefu-live-page.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store-watcher.h"

G_BEGIN_DECLS

/* Kinds of records, as the panes show them. */
typedef enum
{
  KEFU_LIVE_COMPLAINTS = 1 << 0,  /* complaints, their batch alerts */
  KEFU_LIVE_CALLBACKS  = 1 << 1,  /* callbacks and their campaigns */
  KEFU_LIVE_SHIPMENTS  = 1 << 2,
  KEFU_LIVE_JOBS       = 1 << 3,  /* service jobs */
  KEFU_LIVE_CUSTOMERS  = 1 << 4,
  KEFU_LIVE_CALLS      = 1 << 5,  /* calls, orders, inquiries, leads */
  KEFU_LIVE_SETTINGS   = 1 << 6,  /* settings, staff, departments, products, carriers */
  KEFU_LIVE_SHIFT_NOTES = 1 << 7, /* shift hand-over notes */
} KefuLiveKind;

#define KEFU_LIVE_N_KINDS 8

/* How long a burst of changes is gathered before the panes are told (a bulk load spreads its
 * events over a few reads of the log). */
#define KEFU_LIVE_GATHER_MS 60

/* The kind of record a store entity name stands for (0: none the panes show), and whether an
 * event of it with `entity_id` means "read everything of that kind again" (a bulk load, a
 * change of many at once, a setting) rather than one record. */
KefuLiveKind  kefu_live_kind_for_entity (const char   *entity,
                                         gint64        entity_id,
                                         gboolean     *whole);
/* The detail of the "changed" signal for `kind` (one bit): "complaints", "callbacks", … */
const char   *kefu_live_kind_to_string  (KefuLiveKind  kind);

#define KEFU_TYPE_LIVE (kefu_live_get_type ())
G_DECLARE_FINAL_TYPE (KefuLive, kefu_live, KEFU, LIVE, GObject)

/* Signal "changed::<kind>" (GArray *ids of gint64, gboolean whole): the records of that kind
 * that changed since the last emission (each once), or whole: read every one again (ids may
 * then be empty). Emitted once per kind per burst, on the main context of the creation.
 *
 * Property "online" follows the watcher's (FALSE while the database cannot be read). */
KefuLive     *kefu_live_new             (KefuStoreWatcher *watcher);
KefuStoreWatcher *kefu_live_get_watcher (KefuLive         *self);
gboolean      kefu_live_get_online      (KefuLive         *self);
/* Takes the changes of one store entity as the watcher reports them (tests call it too). */
void          kefu_live_feed            (KefuLive         *self,
                                         const char       *entity,
                                         GArray           *ids);
/* Tells the panes what was gathered now, not after KEFU_LIVE_GATHER_MS. */
void          kefu_live_flush           (KefuLive         *self);

/* TRUE when `ids` (gint64) holds `id`. */
gboolean      kefu_live_ids_contain     (GArray           *ids,
                                         gint64            id);

G_END_DECLS
