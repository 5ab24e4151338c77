/* kefu-event.c: one entry of the append-only change log. Events are never edited, so every
 * property is construct-only and the object is immutable once made.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-event"

#include "config.h"

#include "kefu-event.h"

struct _KefuEvent
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *created_at;
  gint64     staff_id;
  char      *staff_name;
  char      *entity;
  gint64     entity_id;
  char      *action;
  char      *details;
};

G_DEFINE_FINAL_TYPE (KefuEvent, kefu_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_STAFF_ID,
  PROP_STAFF_NAME,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_ACTION,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text follows the record convention (kefu-record.h): never NULL, "" when empty. */
static char *
dup_text (const char *value)
{
  return g_strdup (value != NULL ? value : "");
}

static void
kefu_event_finalize (GObject *object)
{
  KefuEvent *self = KEFU_EVENT (object);

  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->staff_name, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (kefu_event_parent_class)->finalize (object);
}

static void
kefu_event_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KefuEvent *self = KEFU_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;
    case PROP_STAFF_NAME:
      g_value_set_string (value, self->staff_name);
      break;
    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;
    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_event_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KefuEvent *self = KEFU_EVENT (object);

  /* Construct-only: each property is set exactly once, during g_object_new(). */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_dup_boxed (value);
      break;
    case PROP_STAFF_ID:
      self->staff_id = g_value_get_int64 (value);
      break;
    case PROP_STAFF_NAME:
      self->staff_name = dup_text (g_value_get_string (value));
      break;
    case PROP_ENTITY:
      self->entity = dup_text (g_value_get_string (value));
      break;
    case PROP_ENTITY_ID:
      self->entity_id = g_value_get_int64 (value);
      break;
    case PROP_ACTION:
      self->action = dup_text (g_value_get_string (value));
      break;
    case PROP_DETAILS:
      self->details = dup_text (g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_event_class_init (KefuEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kefu_event_finalize;
  object_class->get_property = kefu_event_get_property;
  object_class->set_property = kefu_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  /* 0 when the change was made by the system (a migration, kefuctl without a staff member). */
  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STAFF_NAME] =
    g_param_spec_string ("staff-name", NULL, NULL, "", flags);
  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL, "", flags);
  properties[PROP_ENTITY_ID] =
    g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, "", flags);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_event_init (KefuEvent *self)
{
}

/**
 * kefu_event_new:
 * @created_at: (nullable): when the change was committed, in UTC
 *
 * Returns: (transfer full): an immutable event
 */
KefuEvent *
kefu_event_new (gint64      id,
                GDateTime  *created_at,
                gint64      staff_id,
                const char *staff_name,
                const char *entity,
                gint64      entity_id,
                const char *action,
                const char *details)
{
  g_return_val_if_fail (id >= 0, NULL);
  g_return_val_if_fail (staff_id >= 0, NULL);
  g_return_val_if_fail (entity_id >= 0, NULL);

  return g_object_new (KEFU_TYPE_EVENT,
                       "id", id,
                       "created-at", created_at,
                       "staff-id", staff_id,
                       "staff-name", staff_name,
                       "entity", entity,
                       "entity-id", entity_id,
                       "action", action,
                       "details", details,
                       NULL);
}

gint64
kefu_event_get_id (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), 0);

  return self->id;
}

/**
 * kefu_event_get_created_at:
 *
 * Returns: (transfer none) (nullable): when the change was committed, in UTC
 */
GDateTime *
kefu_event_get_created_at (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), NULL);

  return self->created_at;
}

gint64
kefu_event_get_staff_id (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), 0);

  return self->staff_id;
}

const char *
kefu_event_get_staff_name (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), NULL);

  return self->staff_name;
}

const char *
kefu_event_get_entity (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), NULL);

  return self->entity;
}

gint64
kefu_event_get_entity_id (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), 0);

  return self->entity_id;
}

const char *
kefu_event_get_action (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), NULL);

  return self->action;
}

const char *
kefu_event_get_details (KefuEvent *self)
{
  g_return_val_if_fail (KEFU_IS_EVENT (self), NULL);

  return self->details;
}
