/* kefu-event.h: one entry of the append-only change log (events table): who did what, when. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEFU_TYPE_EVENT (kefu_event_get_type ())
G_DECLARE_FINAL_TYPE (KefuEvent, kefu_event, KEFU, EVENT, GObject)

KefuEvent  *kefu_event_new            (gint64      id,
                                       GDateTime  *created_at,
                                       gint64      staff_id,
                                       const char *staff_name,
                                       const char *entity,
                                       gint64      entity_id,
                                       const char *action,
                                       const char *details);
gint64      kefu_event_get_id         (KefuEvent *self);
GDateTime  *kefu_event_get_created_at (KefuEvent *self);
gint64      kefu_event_get_staff_id   (KefuEvent *self);
const char *kefu_event_get_staff_name (KefuEvent *self);
const char *kefu_event_get_entity     (KefuEvent *self);
gint64      kefu_event_get_entity_id  (KefuEvent *self);
const char *kefu_event_get_action     (KefuEvent *self);
/* JSON object text, e.g. {"changed":["address"]}. */
const char *kefu_event_get_details    (KefuEvent *self);

G_END_DECLS
