/* kefu-timeline-private.h: reading an event's JSON details, shared by the complaint and the
 * after-sales timelines (kefu-complaint-timeline.c, kefu-aftersales-timeline.c). Damaged or
 * missing details read as absent members, so a title can always be told without them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "kefu-complaint-timeline.h"
#include "kefu-event.h"

G_BEGIN_DECLS

/* The event's details as a JSON object, or NULL when there are none or they do not parse. */
JsonObject *_kefu_timeline_parse_details (KefuEvent  *event);
/* A member's text when it is a non-empty string; NULL otherwise. */
const char *_kefu_timeline_member_text   (JsonObject *object,
                                          const char *name);
/* A member's whole number, or `fallback` when it is missing or not a number. */
gint64      _kefu_timeline_member_int    (JsonObject *object,
                                          const char *name,
                                          gint64      fallback);
/* TRUE only for a member that is the boolean true. */
gboolean    _kefu_timeline_member_bool   (JsonObject *object,
                                          const char *name);
/* TRUE when the member is there and a boolean (true or false). */
gboolean    _kefu_timeline_has_bool      (JsonObject *object,
                                          const char *name);
/* An instant stored as ISO 8601 ("2026-11-27T10:00:00Z") in local time for people; NULL when it
 * is not one. */
char       *_kefu_timeline_local_time_text (const char *iso);
/* A plain JSON value as text: yes/no, numbers, strings; NULL for null, empty or not a value. */
char       *_kefu_timeline_value_text    (JsonNode   *node);

/* A table of names: a field's label, an action's icon. */
typedef struct
{
  const char *key;
  const char *value;
} KefuTimelineName;

/* The value of `key` in `names` (n of them), or NULL. */
const char *_kefu_timeline_lookup        (const KefuTimelineName *names,
                                          guint                   n,
                                          const char             *key);

/* The field changes of a details-changed event ({"changes":{"field":[old,new],…}}), each told
 * with `label` and `value` (value: NULL node or none → NULL). */
typedef char *(*KefuTimelineFieldLabel) (const char *field);
typedef char *(*KefuTimelineFieldValue) (const char *field,
                                         JsonNode   *node);
GPtrArray  *_kefu_timeline_changes       (KefuEvent              *event,
                                          KefuTimelineFieldLabel  label,
                                          KefuTimelineFieldValue  value);

G_END_DECLS
