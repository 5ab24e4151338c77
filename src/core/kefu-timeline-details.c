/* kefu-timeline-details.c: reading an event's JSON details for the timelines
 * (kefu-timeline-private.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-timeline-private.h"

/**
 * _kefu_timeline_parse_details:
 *
 * Returns: (transfer full) (nullable): the details object
 */
JsonObject *
_kefu_timeline_parse_details (KefuEvent *event)
{
  const char *details = kefu_event_get_details (event);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (details == NULL || details[0] == '\0')
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, details, -1, NULL))
    {
      g_debug ("Event %" G_GINT64_FORMAT " has details that are not JSON", kefu_event_get_id (event));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

const char *
_kefu_timeline_member_text (JsonObject *object,
                            const char *name)
{
  JsonNode *node;
  const char *text;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  return text != NULL && text[0] != '\0' ? text : NULL;
}

gint64
_kefu_timeline_member_int (JsonObject *object,
                           const char *name,
                           gint64      fallback)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return fallback;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return (gint64) json_node_get_double (node);
    default:
      return fallback;
    }
}

gboolean
_kefu_timeline_has_bool (JsonObject *object,
                         const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return FALSE;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
_kefu_timeline_member_bool (JsonObject *object,
                            const char *name)
{
  return _kefu_timeline_has_bool (object, name) &&
         json_node_get_boolean (json_object_get_member (object, name));
}

/**
 * _kefu_timeline_local_time_text:
 *
 * Returns: (transfer full) (nullable): "2026-11-27 18:00" in local time
 */
char *
_kefu_timeline_local_time_text (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;
  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * _kefu_timeline_value_text:
 *
 * Returns: (transfer full) (nullable): the value as people read it
 */
char *
_kefu_timeline_value_text (JsonNode *node)
{
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? C_("complaint field value", "Yes")
                                                    : C_("complaint field value", "No"));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    case G_TYPE_STRING:
      text = json_node_get_string (node);
      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    default:
      return NULL;
    }
}

const char *
_kefu_timeline_lookup (const KefuTimelineName *names,
                       guint                   n,
                       const char             *key)
{
  for (guint i = 0; key != NULL && i < n; i++)
    if (g_str_equal (names[i].key, key))
      return names[i].value;
  return NULL;
}

/**
 * _kefu_timeline_changes:
 *
 * Returns: (transfer full) (element-type KefuFieldChange): the field changes, in the order the
 *   event lists them
 */
GPtrArray *
_kefu_timeline_changes (KefuEvent              *event,
                        KefuTimelineFieldLabel  label,
                        KefuTimelineFieldValue  value)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_field_change_free);
  g_autoptr(JsonObject) details = NULL;
  JsonNode *node;
  JsonObject *fields;
  g_autoptr(GList) names = NULL;

  if (g_strcmp0 (kefu_event_get_action (event), "details-changed") != 0)
    return changes;

  details = _kefu_timeline_parse_details (event);
  if (details == NULL || !json_object_has_member (details, "changes"))
    return changes;
  node = json_object_get_member (details, "changes");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return changes;

  fields = json_node_get_object (node);
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *field = l->data;
      JsonNode *pair = json_object_get_member (fields, field);
      JsonArray *values;
      KefuFieldChange *change;

      /* Each change is [old, new]; anything else is skipped rather than guessed at. */
      if (!JSON_NODE_HOLDS_ARRAY (pair))
        continue;
      values = json_node_get_array (pair);
      if (json_array_get_length (values) != 2)
        continue;

      change = g_new0 (KefuFieldChange, 1);
      change->label = label (field);
      change->old_value = value (field, json_array_get_element (values, 0));
      change->new_value = value (field, json_array_get_element (values, 1));
      g_ptr_array_add (changes, change);
    }

  return changes;
}
