/* kefu-store-presence.h: "being edited by 王芳 since 10:42" (core/kefu-presence.h): the marks of
 * who has a record open for editing, at which workstation (kefu_store_get_workstation_id ()).
 *
 * A mark is the actor's. It is written when a page starts editing a record, renewed every
 * KEFU_PRESENCE_RENEW_SECONDS while the edit is open, removed when it ends, and lapses by
 * itself KEFU_PRESENCE_SECONDS after its last renewal by the store's clock
 * (kefu-store-clock.h). No event is written: marks are not history, and the change feed does
 * not carry them; pages read the marks when they open and every KEFU_PRESENCE_POLL_SECONDS
 * (one indexed query). `entity` is the entity name the record's events use ("complaint",
 * "customers", "shipment", "service-job", "callback").
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-presence.h"
#include "kefu-store.h"

G_BEGIN_DECLS

/* Marks (or renews) the actor's presence on the record at `workstation`; `since` restarts when
 * the mark had lapsed. Lapsed marks of the record are removed on the way. */
gboolean    kefu_store_mark_presence   (KefuStore     *self,
                                        const char    *entity,
                                        gint64         entity_id,
                                        const char    *workstation,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* The same as kefu_store_mark_presence (): a renewal of a mark that lapsed meanwhile (the
 * workstation slept) marks it anew. */
gboolean    kefu_store_renew_presence  (KefuStore     *self,
                                        const char    *entity,
                                        gint64         entity_id,
                                        const char    *workstation,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* Removes the actor's mark at `workstation`; none is no error. */
gboolean    kefu_store_unmark_presence (KefuStore     *self,
                                        const char    *entity,
                                        gint64         entity_id,
                                        const char    *workstation,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* The live marks of the record (KefuPresence, staff names joined), earliest first. */
GListModel *kefu_store_list_presence   (KefuStore     *self,
                                        const char    *entity,
                                        gint64         entity_id,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
