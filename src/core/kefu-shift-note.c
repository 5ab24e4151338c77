/* kefu-shift-note.c: a shift hand-over note (交接记录), see the header.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shift-note"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-csv.h"
#include "kefu-record-private.h"
#include "kefu-shift-note.h"

struct _KefuShiftNote
{
  KefuRecord  parent_instance;

  gint64      written_by;
  char       *author_name;
  GDateTime  *written_at;
  char       *text;
  gboolean    urgent;
  GListStore *links;
};

G_DEFINE_FINAL_TYPE (KefuShiftNote, kefu_shift_note, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_WRITTEN_BY,
  PROP_AUTHOR_NAME,
  PROP_WRITTEN_AT,
  PROP_TEXT,
  PROP_URGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_shift_note_finalize (GObject *object)
{
  KefuShiftNote *self = KEFU_SHIFT_NOTE (object);

  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->written_at, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->links);

  G_OBJECT_CLASS (kefu_shift_note_parent_class)->finalize (object);
}

static void
kefu_shift_note_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuShiftNote *self = KEFU_SHIFT_NOTE (object);

  switch (prop_id)
    {
    case PROP_WRITTEN_BY:
      g_value_set_int64 (value, self->written_by);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, kefu_shift_note_get_author_name (self));
      break;
    case PROP_WRITTEN_AT:
      g_value_set_boxed (value, self->written_at);
      break;
    case PROP_TEXT:
      g_value_set_string (value, kefu_shift_note_get_text (self));
      break;
    case PROP_URGENT:
      g_value_set_boolean (value, self->urgent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_note_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuShiftNote *self = KEFU_SHIFT_NOTE (object);

  switch (prop_id)
    {
    case PROP_WRITTEN_BY:
      kefu_shift_note_set_written_by (self, g_value_get_int64 (value));
      break;
    case PROP_AUTHOR_NAME:
      kefu_shift_note_set_author_name (self, g_value_get_string (value));
      break;
    case PROP_WRITTEN_AT:
      kefu_shift_note_set_written_at (self, g_value_get_boxed (value));
      break;
    case PROP_TEXT:
      kefu_shift_note_set_text (self, g_value_get_string (value));
      break;
    case PROP_URGENT:
      kefu_shift_note_set_urgent (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_note_class_init (KefuShiftNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_shift_note_finalize;
  object_class->get_property = kefu_shift_note_get_property;
  object_class->set_property = kefu_shift_note_set_property;

  properties[PROP_WRITTEN_BY] =
    g_param_spec_int64 ("written-by", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_WRITTEN_AT] =
    g_param_spec_boxed ("written-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_URGENT] =
    g_param_spec_boolean ("urgent", NULL, NULL, FALSE, KEFU_RECORD_PARAM_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_shift_note_init (KefuShiftNote *self)
{
  self->author_name = g_strdup ("");
  self->text = g_strdup ("");
  self->links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
}

KefuShiftNote *
kefu_shift_note_new (void)
{
  return g_object_new (KEFU_TYPE_SHIFT_NOTE, NULL);
}

gint64
kefu_shift_note_get_written_by (KefuShiftNote *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), 0);

  return self->written_by;
}

void
kefu_shift_note_set_written_by (KefuShiftNote *self,
                                gint64         staff_id)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTE (self));
  g_return_if_fail (staff_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->written_by, staff_id,
                          properties[PROP_WRITTEN_BY]);
}

const char *
kefu_shift_note_get_author_name (KefuShiftNote *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), "");

  return self->author_name;
}

void
kefu_shift_note_set_author_name (KefuShiftNote *self,
                                 const char    *name)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTE (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->author_name, name,
                           properties[PROP_AUTHOR_NAME]);
}

GDateTime *
kefu_shift_note_get_written_at (KefuShiftNote *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), NULL);

  return self->written_at;
}

void
kefu_shift_note_set_written_at (KefuShiftNote *self,
                                GDateTime     *time)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTE (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->written_at, time,
                              properties[PROP_WRITTEN_AT]);
}

const char *
kefu_shift_note_get_text (KefuShiftNote *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), "");

  return self->text;
}

void
kefu_shift_note_set_text (KefuShiftNote *self,
                          const char    *text)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTE (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->text, text, properties[PROP_TEXT]);
}

gboolean
kefu_shift_note_get_urgent (KefuShiftNote *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), FALSE);

  return self->urgent;
}

void
kefu_shift_note_set_urgent (KefuShiftNote *self,
                            gboolean       urgent)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTE (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->urgent, urgent,
                            properties[PROP_URGENT]);
}

GListModel *
kefu_shift_note_get_links (KefuShiftNote *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), NULL);

  return G_LIST_MODEL (self->links);
}

gboolean
kefu_shift_note_add_link (KefuShiftNote     *self,
                          KefuShiftNoteLink *link)
{
  guint n;

  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (link), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShiftNoteLink) other = g_list_model_get_item (G_LIST_MODEL (self->links), i);

      if (kefu_shift_note_link_same_record (other, link))
        return FALSE;
    }
  g_list_store_append (self->links, link);
  return TRUE;
}

GBytes *
kefu_shift_notes_to_csv (GListModel *notes)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *header[] = {
    C_("shift notes report", "Written At"),
    C_("shift notes report", "By"),
    C_("shift notes report", "Urgent"),
    C_("shift notes report", "Note"),
    C_("shift notes report", "Linked Records"),
    NULL,
  };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (notes), NULL);

  kefu_csv_append_row (out, header);
  n = g_list_model_get_n_items (notes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShiftNote) note = g_list_model_get_item (notes, i);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *written_at = NULL;
      g_autoptr(GString) links = g_string_new (NULL);
      GListModel *model = kefu_shift_note_get_links (note);
      const char *row[6];

      if (note->written_at != NULL)
        {
          local = g_date_time_to_local (note->written_at);
          written_at = g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        {
          g_autoptr(KefuShiftNoteLink) link = g_list_model_get_item (model, j);

          if (links->len > 0)
            g_string_append (links, "; ");
          g_string_append (links, kefu_shift_note_link_get_text (link));
        }
      row[0] = written_at != NULL ? written_at : "";
      row[1] = note->author_name;
      row[2] = note->urgent ? C_("shift notes report", "Urgent") : "";
      row[3] = note->text;
      row[4] = links->str;
      row[5] = NULL;
      kefu_csv_append_row (out, row);
    }
  /* The notes' text is UTF-8 (the store's), which UTF-8 always holds: no error to give. */
  return kefu_csv_encode_records (out->str, out->len, KEFU_CSV_ENCODING_UTF8_BOM, NULL);
}
