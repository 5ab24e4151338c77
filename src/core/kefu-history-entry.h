/* kefu-history-entry.h: one line of a customer's history (客户历史): an earlier call, order,
 * complaint, and (from later panes) shipment, service job or callback. Read-only, built by the
 * store's history query, newest first.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_HISTORY_ENTRY (kefu_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (KefuHistoryEntry, kefu_history_entry, KEFU, HISTORY_ENTRY, GObject)

/* `entity` is the table the entry comes from ("calls"), `status` the nick of its state (e.g. a
 * complaint stage "routed" or an order's "waiting"), or NULL. */
KefuHistoryEntry *kefu_history_entry_new            (KefuHistoryKind  kind,
                                                     const char      *entity,
                                                     gint64           entity_id,
                                                     const char      *reference,
                                                     GDateTime       *occurred_at,
                                                     const char      *summary,
                                                     const char      *status,
                                                     const char      *staff_name);
KefuHistoryKind   kefu_history_entry_get_kind        (KefuHistoryEntry *self);
const char       *kefu_history_entry_get_entity      (KefuHistoryEntry *self);
gint64            kefu_history_entry_get_entity_id   (KefuHistoryEntry *self);
const char       *kefu_history_entry_get_reference   (KefuHistoryEntry *self);
GDateTime        *kefu_history_entry_get_occurred_at (KefuHistoryEntry *self);
const char       *kefu_history_entry_get_summary     (KefuHistoryEntry *self);
const char       *kefu_history_entry_get_status      (KefuHistoryEntry *self);
const char       *kefu_history_entry_get_staff_name  (KefuHistoryEntry *self);

G_END_DECLS
