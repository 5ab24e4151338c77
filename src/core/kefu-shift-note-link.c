/* kefu-shift-note-link.c: one record a shift hand-over note points to (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shift-note"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-enum-types.h"
#include "kefu-shift-note-link.h"

struct _KefuShiftNoteLink
{
  GObject              parent_instance;

  KefuShiftNoteEntity  entity;
  gint64               entity_id;
  char                *text;
};

G_DEFINE_FINAL_TYPE (KefuShiftNoteLink, kefu_shift_note_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_shift_note_link_finalize (GObject *object)
{
  KefuShiftNoteLink *self = KEFU_SHIFT_NOTE_LINK (object);

  g_free (self->text);

  G_OBJECT_CLASS (kefu_shift_note_link_parent_class)->finalize (object);
}

static void
kefu_shift_note_link_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KefuShiftNoteLink *self = KEFU_SHIFT_NOTE_LINK (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_enum (value, self->entity);
      break;
    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_note_link_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KefuShiftNoteLink *self = KEFU_SHIFT_NOTE_LINK (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      self->entity = g_value_get_enum (value);
      break;
    case PROP_ENTITY_ID:
      self->entity_id = g_value_get_int64 (value);
      break;
    case PROP_TEXT:
      g_free (self->text);
      self->text = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_note_link_class_init (KefuShiftNoteLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_shift_note_link_finalize;
  object_class->get_property = kefu_shift_note_link_get_property;
  object_class->set_property = kefu_shift_note_link_set_property;

  properties[PROP_ENTITY] =
    g_param_spec_enum ("entity", NULL, NULL, KEFU_TYPE_SHIFT_NOTE_ENTITY,
                       KEFU_SHIFT_NOTE_ENTITY_CALL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_ID] =
    g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_shift_note_link_init (KefuShiftNoteLink *self)
{
  self->text = g_strdup ("");
}

KefuShiftNoteLink *
kefu_shift_note_link_new (KefuShiftNoteEntity  entity,
                          gint64               entity_id,
                          const char          *text)
{
  g_return_val_if_fail (entity_id > 0, NULL);

  return g_object_new (KEFU_TYPE_SHIFT_NOTE_LINK,
                       "entity", entity,
                       "entity-id", entity_id,
                       "text", text,
                       NULL);
}

KefuShiftNoteEntity
kefu_shift_note_link_get_entity (KefuShiftNoteLink *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (self), 0);

  return self->entity;
}

gint64
kefu_shift_note_link_get_entity_id (KefuShiftNoteLink *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (self), 0);

  return self->entity_id;
}

const char *
kefu_shift_note_link_get_text (KefuShiftNoteLink *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (self), "");

  return self->text;
}

gboolean
kefu_shift_note_link_same_record (KefuShiftNoteLink *a,
                                  KefuShiftNoteLink *b)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (a), FALSE);
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (b), FALSE);

  return a->entity == b->entity && a->entity_id == b->entity_id;
}

const char *
kefu_shift_note_entity_to_nick (KefuShiftNoteEntity entity)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KEFU_TYPE_SHIFT_NOTE_ENTITY);
  GEnumValue *value = g_enum_get_value (klass, entity);

  g_return_val_if_fail (value != NULL, NULL);
  /* The nicks are static strings of the generated enum type, which is never unloaded. */
  return value->value_nick;
}

int
kefu_shift_note_entity_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KEFU_TYPE_SHIFT_NOTE_ENTITY);
  GEnumValue *value;

  if (nick == NULL)
    return -1;
  value = g_enum_get_value_by_nick (klass, nick);
  return value != NULL ? value->value : -1;
}

const char *
kefu_shift_note_entity_get_display_name (KefuShiftNoteEntity entity)
{
  switch (entity)
    {
    case KEFU_SHIFT_NOTE_ENTITY_CALL:
      return C_("shift note link", "Call");
    case KEFU_SHIFT_NOTE_ENTITY_COMPLAINT:
      return C_("shift note link", "Complaint");
    case KEFU_SHIFT_NOTE_ENTITY_SHIPMENT:
      return C_("shift note link", "Shipment");
    case KEFU_SHIFT_NOTE_ENTITY_JOB:
      return C_("shift note link", "Service Job");
    case KEFU_SHIFT_NOTE_ENTITY_CALLBACK:
      return C_("shift note link", "Callback");
    case KEFU_SHIFT_NOTE_ENTITY_CUSTOMER:
      return C_("shift note link", "Customer");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
kefu_shift_note_entity_get_action (KefuShiftNoteEntity entity)
{
  switch (entity)
    {
    case KEFU_SHIFT_NOTE_ENTITY_CALL:
      return "win.open-call";
    case KEFU_SHIFT_NOTE_ENTITY_COMPLAINT:
      return "win.open-complaint";
    case KEFU_SHIFT_NOTE_ENTITY_SHIPMENT:
      return "win.open-shipment";
    case KEFU_SHIFT_NOTE_ENTITY_JOB:
      return "win.open-job";
    case KEFU_SHIFT_NOTE_ENTITY_CALLBACK:
      return "win.open-callback";
    case KEFU_SHIFT_NOTE_ENTITY_CUSTOMER:
      return "win.open-customer";
    default:
      g_return_val_if_reached (NULL);
    }
}
