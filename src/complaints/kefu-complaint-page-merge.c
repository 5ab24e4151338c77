/* kefu-complaint-page-merge.c: what others saved while the intake edit was open, merged field
 * by field with what was typed, so that a second save never overwrites anyone silently and
 * nothing typed is lost.
 *
 * Three versions of each field are compared: base (the stored call the form started from),
 * mine (the form's copy) and theirs (the call as stored now). A field only they changed takes
 * their value, with a note under it saying who; a field only this person changed keeps what was
 * typed; a field both changed is a conflict: its note says what the other person wrote, in the
 * error style of a field's message, with buttons to keep one's own or take theirs, and Save
 * waits until each is decided. The stored call then becomes the base, and the save goes with
 * its version.
 *
 * The comparison is the core three-way merge (core/kefu-merge.h); who changed a field comes
 * from the newest details-changed event since the base that names it (the events list each
 * changed field old → new).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "intake/kefu-form-field.h"

#include "kefu-complaint-page-private.h"
#include "kefu-detail-format.h"

typedef enum
{
  NOTE_THEIRS,    /* only they changed it: their value is in the form */
  NOTE_CONFLICT,  /* both changed it: undecided */
  NOTE_KEPT,      /* both changed it: this person kept theirs */
} NoteState;

typedef struct
{
  KefuComplaintPage            *page;
  const KefuComplaintPageField *field;
  NoteState                     state;
  char                         *name;    /* who changed it; NULL: not known */
  GDateTime                    *time;
  GValue                        theirs;
  GtkWidget                    *row;     /* under the field in the form, or in the page's merge list */
  GtkWidget                    *field_widget;
  GtkLabel                     *label;
  GtkWidget                    *buttons;
  GtkWidget                    *keep_button;
} MergeNote;

static void
merge_note_free (MergeNote *note)
{
  GtkWidget *parent = gtk_widget_get_parent (note->row);

  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), note->row);
  /* The field's own message (a problem of its value) keeps the error style. */
  if (note->field_widget != NULL && kefu_form_field_get_message (note->field_widget) == NULL)
    gtk_widget_remove_css_class (note->field_widget, "error");
  g_clear_object (&note->row);
  g_clear_weak_pointer (&note->field_widget);
  g_clear_pointer (&note->name, g_free);
  g_clear_pointer (&note->time, g_date_time_unref);
  if (G_IS_VALUE (&note->theirs))
    g_value_unset (&note->theirs);
  g_free (note);
}



/* "10:42" today, "2026-11-26 10:42" on another day. */
static char *
short_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  return kefu_detail_format_local_time (time);
}

/* The notes */

static char *
note_text (MergeNote *note)
{
  g_autofree char *value = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *time = NULL;
  const char *name;

  if (note->state == NOTE_THEIRS)
    {
      if (note->name == NULL)
        return g_strdup (_("Changed by someone else meanwhile"));
      /* Translators: %s is the name of the person who changed the field. */
      return g_strdup_printf (_("Changed by %s meanwhile"), note->name);
    }

  value = _kefu_complaint_page_value_text (note->page, &note->theirs);
  if (value != NULL)
    /* Translators: a value another person saved, quoted in a sentence. */
    quoted = g_strdup_printf (C_("merged value", "“%s”"), value);
  else
    /* Translators: the value another person saved is empty: “王芳 changed this to empty”. */
    quoted = g_strdup (C_("merged value", "empty"));
  time = short_time (note->time);
  /* Translators: at the start of a sentence, when the events do not say who it was. */
  name = note->name != NULL ? note->name : _("Someone else");

  if (note->state == NOTE_KEPT)
    /* Translators: %1$s is a person's name, %2$s the value they saved, %3$s the time. */
    return g_strdup_printf (_("%1$s changed this to %2$s at %3$s. Yours is kept."),
                            name, quoted, time);
  /* Translators: %1$s is a person's name, %2$s the value they saved, %3$s the time; the field
   * was also changed here, and the clerk chooses which value to keep. */
  return g_strdup_printf (_("%1$s changed this to %2$s at %3$s. Keep yours or take theirs."),
                          name, quoted, time);
}

static void
note_update (MergeNote *note)
{
  g_autofree char *text = note_text (note);
  gboolean conflict = note->state == NOTE_CONFLICT;

  gtk_label_set_text (note->label, text);
  if (conflict)
    {
      gtk_widget_add_css_class (GTK_WIDGET (note->label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (note->label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (note->label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (note->label), "dim-label");
    }
  gtk_widget_set_visible (note->buttons, conflict);

  /* The field itself is marked as long as the conflict is open, and a screen reader hears it
   * as invalid. */
  if (note->field_widget != NULL)
    {
      if (conflict)
        {
          gtk_widget_add_css_class (note->field_widget, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (note->field_widget),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
        }
      else if (kefu_form_field_get_message (note->field_widget) == NULL)
        {
          gtk_widget_remove_css_class (note->field_widget, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (note->field_widget),
                                      GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
}

static void
decided (KefuComplaintPage *self,
         MergeNote         *note)
{
  gboolean had_focus;
  GtkRoot *root = gtk_widget_get_root (note->row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, note->buttons);
  note_update (note);
  _kefu_complaint_page_update_actions (self);

  /* The buttons pressed are hidden: the focus goes on to the next conflict, or back to the
   * field decided. */
  if (had_focus)
    {
      if (_kefu_complaint_page_merge_n_conflicts (self) > 0)
        _kefu_complaint_page_merge_focus (self);
      else if (note->field_widget != NULL)
        kefu_form_field_focus (note->field_widget);
    }
}

static void
keep_clicked_cb (GtkButton *button,
                 MergeNote *note)
{
  if (note->state != NOTE_CONFLICT)
    return;

  note->state = NOTE_KEPT;
  decided (note->page, note);
}

static void
take_clicked_cb (GtkButton *button,
                 MergeNote *note)
{
  if (note->state != NOTE_CONFLICT)
    return;

  note->state = NOTE_THEIRS;
  _kefu_complaint_page_field_set (note->page->edit_call, note->field, &note->theirs);
  decided (note->page, note);
}

/* The note's row: under the field in the form's list, in the style of a field's message, or in
 * the page's own list above the form (with the field's name) for a field the form does not
 * show. */
static void
note_add_row (KefuComplaintPage *self,
              MergeNote         *note)
{
  GtkWidget *field = NULL;
  GtkWidget *parent = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *keep = gtk_button_new_with_label (_("Keep Yours"));
  GtkWidget *take = gtk_button_new_with_label (_("Take Theirs"));
  const char *title = _kefu_complaint_page_field_label (note->field);

  if (note->field->form_id != NULL)
    field = kefu_call_form_get_field (self->call_form, note->field->form_id);
  if (field != NULL)
    parent = gtk_widget_get_parent (field);
  if (!GTK_IS_LIST_BOX (parent) || !GTK_IS_LIST_BOX_ROW (field))
    field = NULL;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "kefu-field-message");
  if (field == NULL)
    {
      /* Away from the field, the note names it. */
      GtkWidget *heading = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);
    }
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), take);
  gtk_box_append (GTK_BOX (box), buttons);
  /* The buttons say which field they decide, to a screen reader as well. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (take), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  title, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (take), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);
  g_signal_connect (keep, "clicked", G_CALLBACK (keep_clicked_cb), note);
  g_signal_connect (take, "clicked", G_CALLBACK (take_clicked_cb), note);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  note->row = g_object_ref_sink (adw_preferences_row_new ());
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (note->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (note->row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (note->row), FALSE);
  /* Tab goes through the row to its buttons rather than stopping on the row. */
  gtk_widget_set_focusable (note->row, FALSE);
  gtk_widget_add_css_class (note->row, "kefu-merge-note");
  gtk_accessible_update_property (GTK_ACCESSIBLE (note->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  note->label = GTK_LABEL (label);
  note->buttons = buttons;
  note->keep_button = keep;

  if (field != NULL)
    {
      gtk_list_box_insert (GTK_LIST_BOX (parent), note->row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
      g_set_weak_pointer (&note->field_widget, field);
    }
  else
    {
      gtk_list_box_append (self->merge_list, note->row);
      gtk_widget_set_visible (GTK_WIDGET (self->merge_list), TRUE);
    }
}

static void
remove_note (KefuComplaintPage            *self,
             const KefuComplaintPageField *field)
{
  for (guint i = 0; self->merge_notes != NULL && i < self->merge_notes->len; i++)
    {
      MergeNote *note = self->merge_notes->pdata[i];

      if (note->field == field)
        {
          g_ptr_array_remove_index (self->merge_notes, i);
          break;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->merge_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->merge_list)) != NULL);
}

static void
add_note (KefuComplaintPage            *self,
          const KefuComplaintPageField *field,
          NoteState                     state,
          const GValue                 *theirs,
          const char                   *name,
          GDateTime                    *time)
{
  MergeNote *note = g_new0 (MergeNote, 1);

  remove_note (self, field);

  note->page = self;
  note->field = field;
  note->state = state;
  if (time != NULL)
    {
      note->name = g_strdup (name);
      note->time = g_date_time_ref (time);
    }
  else
    {
      GDateTime *updated = kefu_record_get_updated_at (KEFU_RECORD (self->call));

      note->time = updated != NULL ? g_date_time_ref (updated) : g_date_time_new_now_utc ();
    }
  g_value_init (&note->theirs, G_VALUE_TYPE (theirs));
  g_value_copy (theirs, &note->theirs);

  if (self->merge_notes == NULL)
    self->merge_notes = g_ptr_array_new_with_free_func ((GDestroyNotify) merge_note_free);
  g_ptr_array_add (self->merge_notes, note);
  note_add_row (self, note);
  note_update (note);
}

/* The merge */

void
_kefu_complaint_page_merge_start (KefuComplaintPage *self)
{
  _kefu_complaint_page_merge_clear (self);
  if (self->call != NULL)
    self->base_call = _kefu_complaint_page_copy_call (self->call);
  self->base_event_id = kefu_merge_newest_event_id (self->timeline);
}

gboolean
_kefu_complaint_page_merge (KefuComplaintPage *self)
{
  const KefuComplaintPageField *fields;
  const KefuMergeField *merge_fields;
  g_autoptr(KefuMerge) merge = NULL;
  guint n_fields;
  gboolean changed = FALSE;

  if (self->edit_call == NULL || self->call == NULL)
    return FALSE;
  if (self->base_call == NULL)
    {
      _kefu_complaint_page_merge_start (self);
      return FALSE;
    }

  fields = _kefu_complaint_page_fields (&n_fields);
  merge_fields = _kefu_complaint_page_merge_fields (&n_fields);
  merge = kefu_merge_new (merge_fields, n_fields, G_OBJECT (self->base_call),
                          G_OBJECT (self->edit_call), G_OBJECT (self->call));
  kefu_merge_set_events (merge, self->timeline, self->base_event_id, "details-changed");

  for (guint i = 0; i < n_fields; i++)
    {
      const KefuComplaintPageField *field = &fields[i];
      const GValue *theirs = kefu_merge_get_theirs (merge, i);

      switch (kefu_merge_get_state (merge, i))
        {
        case KEFU_MERGE_THEIRS:
          /* Only they changed it. */
          changed = TRUE;
          _kefu_complaint_page_field_set (self->edit_call, field, theirs);
          add_note (self, field, NOTE_THEIRS, theirs, kefu_merge_get_changed_by (merge, i),
                    kefu_merge_get_changed_at (merge, i));
          break;
        case KEFU_MERGE_SAME:
          /* Both wrote the same: nothing to decide. */
          changed = TRUE;
          remove_note (self, field);
          break;
        case KEFU_MERGE_CONFLICT:
          changed = TRUE;
          add_note (self, field, NOTE_CONFLICT, theirs, kefu_merge_get_changed_by (merge, i),
                    kefu_merge_get_changed_at (merge, i));
          break;
        case KEFU_MERGE_UNCHANGED:
        case KEFU_MERGE_MINE:
        default:
          break;
        }
    }

  g_set_object (&self->base_call, NULL);
  self->base_call = _kefu_complaint_page_copy_call (self->call);
  self->base_event_id = kefu_merge_newest_event_id (self->timeline);
  return changed;
}

guint
_kefu_complaint_page_merge_n_conflicts (KefuComplaintPage *self)
{
  guint n = 0;

  for (guint i = 0; self->merge_notes != NULL && i < self->merge_notes->len; i++)
    if (((MergeNote *) self->merge_notes->pdata[i])->state == NOTE_CONFLICT)
      n++;
  return n;
}

void
_kefu_complaint_page_merge_focus (KefuComplaintPage *self)
{
  for (guint i = 0; self->merge_notes != NULL && i < self->merge_notes->len; i++)
    {
      MergeNote *note = self->merge_notes->pdata[i];

      if (note->state == NOTE_CONFLICT)
        {
          gtk_widget_grab_focus (note->keep_button);
          return;
        }
    }
}

void
_kefu_complaint_page_merge_clear (KefuComplaintPage *self)
{
  g_clear_pointer (&self->merge_notes, g_ptr_array_unref);
  g_clear_object (&self->base_call);
  self->base_event_id = 0;
  if (self->merge_list != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->merge_list), FALSE);
}
