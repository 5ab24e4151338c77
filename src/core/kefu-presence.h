/* kefu-presence.h: "being edited by 王芳 since 10:42": a soft, expiring marker that a staff
 * member has a record open for editing at a workstation. It is not a lock (nobody is kept from
 * saving: the version check and the merge handle two saves) and it cannot be left behind: a mark
 * lapses KEFU_PRESENCE_SECONDS after its last renewal, and the page holding it renews it every
 * KEFU_PRESENCE_RENEW_SECONDS, so a crashed workstation's mark goes away by itself. The same
 * arithmetic as the callback claims (kefu-callback-rules.h).
 *
 * Marks are not history: no event is written for them, so the change feed does not tell other
 * workstations about a new one; pages read the marks when they open and every
 * KEFU_PRESENCE_POLL_SECONDS.
 *
 * GLib only.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KEFU_PRESENCE_SECONDS       120
#define KEFU_PRESENCE_RENEW_SECONDS 30
#define KEFU_PRESENCE_POLL_SECONDS  30

#define KEFU_TYPE_PRESENCE (kefu_presence_get_type ())
G_DECLARE_FINAL_TYPE (KefuPresence, kefu_presence, KEFU, PRESENCE, GObject)

KefuPresence *kefu_presence_new             (const char *entity,
                                             gint64      entity_id,
                                             gint64      staff_id,
                                             const char *staff_name,
                                             const char *workstation,
                                             GDateTime  *since,
                                             GDateTime  *renewed_at);
const char   *kefu_presence_get_entity      (KefuPresence *self);
gint64        kefu_presence_get_entity_id   (KefuPresence *self);
gint64        kefu_presence_get_staff_id    (KefuPresence *self);
const char   *kefu_presence_get_staff_name  (KefuPresence *self);
const char   *kefu_presence_get_workstation (KefuPresence *self);
GDateTime    *kefu_presence_get_since       (KefuPresence *self);
GDateTime    *kefu_presence_get_renewed_at  (KefuPresence *self);

/* Whether a mark renewed at `renewed_at` still holds at `now`: less than
 * KEFU_PRESENCE_SECONDS later (a mark renewed "in the future", a workstation's clock ahead of
 * the store's, holds). */
gboolean      kefu_presence_is_live         (GDateTime *renewed_at,
                                             GDateTime *now);

/* What a page says about the live marks (KefuPresence) of others on its record: "Being edited
 * by 王芳 since 10:42", "… and 1 other", "… and 2 others"; the earliest since first. The mark
 * of this very page (`own_staff_id` at `own_workstation`) is left out; the same person at
 * another workstation counts. NULL when nobody else is editing. Times in the local zone. */
char         *kefu_presence_describe        (GListModel *marks,
                                             gint64      own_staff_id,
                                             const char *own_workstation,
                                             GDateTime  *now);

G_END_DECLS
