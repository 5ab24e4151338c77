/* kefu-history-entry.c: one line of a customer's history (客户历史). Entries are read-only views
 * of stored rows, so every property is construct-only.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-history-entry"

#include "config.h"

#include "kefu-history-entry.h"
#include "kefu-enum-types.h"

struct _KefuHistoryEntry
{
  GObject          parent_instance;

  KefuHistoryKind  kind;
  char            *entity;
  gint64           entity_id;
  char            *reference;
  GDateTime       *occurred_at;
  char            *summary;
  char            *status;
  char            *staff_name;
};

G_DEFINE_FINAL_TYPE (KefuHistoryEntry, kefu_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_REFERENCE,
  PROP_OCCURRED_AT,
  PROP_SUMMARY,
  PROP_STATUS,
  PROP_STAFF_NAME,
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
kefu_history_entry_finalize (GObject *object)
{
  KefuHistoryEntry *self = KEFU_HISTORY_ENTRY (object);

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->staff_name, g_free);

  G_OBJECT_CLASS (kefu_history_entry_parent_class)->finalize (object);
}

static void
kefu_history_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuHistoryEntry *self = KEFU_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;
    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_OCCURRED_AT:
      g_value_set_boxed (value, self->occurred_at);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STAFF_NAME:
      g_value_set_string (value, self->staff_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_history_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuHistoryEntry *self = KEFU_HISTORY_ENTRY (object);

  /* Construct-only: each is set exactly once, before anyone can read it. */
  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ENTITY:
      self->entity = dup_text (g_value_get_string (value));
      break;
    case PROP_ENTITY_ID:
      self->entity_id = g_value_get_int64 (value);
      break;
    case PROP_REFERENCE:
      self->reference = dup_text (g_value_get_string (value));
      break;
    case PROP_OCCURRED_AT:
      self->occurred_at = g_value_dup_boxed (value);
      break;
    case PROP_SUMMARY:
      self->summary = dup_text (g_value_get_string (value));
      break;
    case PROP_STATUS:
      self->status = dup_text (g_value_get_string (value));
      break;
    case PROP_STAFF_NAME:
      self->staff_name = dup_text (g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_history_entry_class_init (KefuHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kefu_history_entry_finalize;
  object_class->get_property = kefu_history_entry_get_property;
  object_class->set_property = kefu_history_entry_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KEFU_TYPE_HISTORY_KIND,
                       KEFU_HISTORY_KIND_ORDER_CALL, flags);
  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL, "", flags);
  properties[PROP_ENTITY_ID] =
    g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "", flags);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "", flags);
  properties[PROP_STAFF_NAME] =
    g_param_spec_string ("staff-name", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_history_entry_init (KefuHistoryEntry *self)
{
}

/**
 * kefu_history_entry_new:
 * @occurred_at: (nullable): when it happened, in UTC
 * @status: (nullable): the nick of the entry's state, or NULL when it has none
 *
 * Returns: (transfer full): an immutable history entry
 */
KefuHistoryEntry *
kefu_history_entry_new (KefuHistoryKind  kind,
                        const char      *entity,
                        gint64           entity_id,
                        const char      *reference,
                        GDateTime       *occurred_at,
                        const char      *summary,
                        const char      *status,
                        const char      *staff_name)
{
  g_return_val_if_fail (entity_id >= 0, NULL);

  return g_object_new (KEFU_TYPE_HISTORY_ENTRY,
                       "kind", kind,
                       "entity", entity,
                       "entity-id", entity_id,
                       "reference", reference,
                       "occurred-at", occurred_at,
                       "summary", summary,
                       "status", status,
                       "staff-name", staff_name,
                       NULL);
}

KefuHistoryKind
kefu_history_entry_get_kind (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), KEFU_HISTORY_KIND_ORDER_CALL);

  return self->kind;
}

const char *
kefu_history_entry_get_entity (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), NULL);

  return self->entity;
}

gint64
kefu_history_entry_get_entity_id (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), 0);

  return self->entity_id;
}

const char *
kefu_history_entry_get_reference (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), NULL);

  return self->reference;
}

/**
 * kefu_history_entry_get_occurred_at:
 *
 * Returns: (transfer none) (nullable): when it happened, in UTC
 */
GDateTime *
kefu_history_entry_get_occurred_at (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), NULL);

  return self->occurred_at;
}

const char *
kefu_history_entry_get_summary (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), NULL);

  return self->summary;
}

/* "" when the entry has no state (text getters never return NULL). */
const char *
kefu_history_entry_get_status (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), NULL);

  return self->status;
}

const char *
kefu_history_entry_get_staff_name (KefuHistoryEntry *self)
{
  g_return_val_if_fail (KEFU_IS_HISTORY_ENTRY (self), NULL);

  return self->staff_name;
}
