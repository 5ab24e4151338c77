/* kefu-presence-tracker.h: what a record's page needs of presence (core/kefu-presence.h): while
 * "editing" is TRUE it marks the record as being edited at this workstation and renews the mark
 * every KEFU_PRESENCE_RENEW_SECONDS, and removes it when editing stops or the page goes; at all
 * times it reads the others' live marks when started and every KEFU_PRESENCE_POLL_SECONDS (the
 * change feed does not carry marks), and says them in "text": "Being edited by 王芳 since
 * 10:42" (NULL when nobody else is). The page shows "text" in a banner.
 *
 * A crashed workstation renews nothing: its mark lapses by itself.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PRESENCE_TRACKER (kefu_presence_tracker_get_type ())
G_DECLARE_FINAL_TYPE (KefuPresenceTracker, kefu_presence_tracker, KEFU, PRESENCE_TRACKER, GObject)

KefuPresenceTracker *kefu_presence_tracker_new         (const char          *entity);
/* The record watched: reads its marks at once; 0 (or no store) stops. A change of record
 * while editing moves the mark. */
void                 kefu_presence_tracker_set_record  (KefuPresenceTracker *self,
                                                        KefuStore           *store,
                                                        gint64               entity_id);
void                 kefu_presence_tracker_set_editing (KefuPresenceTracker *self,
                                                        gboolean             editing);
gboolean             kefu_presence_tracker_get_editing (KefuPresenceTracker *self);
const char          *kefu_presence_tracker_get_text    (KefuPresenceTracker *self);
/* Reads the marks now (the page was shown again, a test). */
void                 kefu_presence_tracker_refresh     (KefuPresenceTracker *self);
/* Shows "text" in `banner` (revealed while there is one), for as long as both exist. */
void                 kefu_presence_tracker_show_in_banner (KefuPresenceTracker *self,
                                                           AdwBanner           *banner);
/* Editing while `dialog` (a record's edit or action dialog) is open: TRUE now, FALSE once it
 * closes. */
void                 kefu_presence_tracker_follow_dialog (KefuPresenceTracker *self,
                                                          AdwDialog           *dialog);
/* Stops timers and reads, and removes this workstation's mark (the page is going). */
void                 kefu_presence_tracker_stop        (KefuPresenceTracker *self);

G_END_DECLS
