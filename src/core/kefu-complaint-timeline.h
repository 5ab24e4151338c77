/* kefu-complaint-timeline.h: a complaint's events (kefu-store-complaints.h lists their details)
 * told in words for its timeline and its printed record: a title ("Acknowledged by 品控部"), the
 * text that came with it, and the field changes old → new.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-event.h"

G_BEGIN_DECLS

/* One changed field of a details-changed event: its translated label and the old and new text
 * (NULL when empty). */
typedef struct
{
  char *label;
  char *old_value;
  char *new_value;
} KefuFieldChange;

void       kefu_field_change_free          (KefuFieldChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuFieldChange, kefu_field_change_free)

/* The translated title of an event on the complaint timeline ("Routed to 品控部, 客服中心",
 * "Escalated to the CS manager (acknowledgement late)", "Called back: so-so"). An unknown action
 * gives its name; broken details give the title without them, never NULL. */
char      *kefu_complaint_event_title      (KefuEvent *event);
/* The text that came with it (resolution, the customer's words, reason, note, visit outcome with
 * who went and when), or NULL. */
char      *kefu_complaint_event_text       (KefuEvent *event);
/* The field changes of a details-changed event (element type KefuFieldChange), empty otherwise. */
GPtrArray *kefu_complaint_event_changes    (KefuEvent *event);
/* The icon name for the event's kind (symbolic icons of the Adwaita theme). */
const char *kefu_complaint_event_icon_name (KefuEvent *event);

G_END_DECLS
