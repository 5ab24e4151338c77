/* kefu-shift-notes-row.c: one shift hand-over note in a list (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shift-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-shift-notes-row.h"

struct _KefuShiftNotesRow
{
  GtkListBoxRow  parent_instance;

  KefuShiftNote *note;
  gboolean       unread;
  GPtrArray     *link_buttons;

  GtkLabel      *author_label;
  GtkLabel      *time_label;
  GtkLabel      *urgent_label;
  GtkLabel      *unread_label;
  GtkLabel      *text_label;
  AdwWrapBox    *links_box;
};

G_DEFINE_FINAL_TYPE (KefuShiftNotesRow, kefu_shift_notes_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_LINK_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
kefu_shift_notes_entity_icon (KefuShiftNoteEntity entity)
{
  switch (entity)
    {
    case KEFU_SHIFT_NOTE_ENTITY_CALL:
      return "call-start-symbolic";
    case KEFU_SHIFT_NOTE_ENTITY_COMPLAINT:
      return "dialog-warning-symbolic";
    case KEFU_SHIFT_NOTE_ENTITY_SHIPMENT:
      return "package-x-generic-symbolic";
    case KEFU_SHIFT_NOTE_ENTITY_JOB:
      return "applications-engineering-symbolic";
    case KEFU_SHIFT_NOTE_ENTITY_CALLBACK:
      return "x-office-calendar-symbolic";
    case KEFU_SHIFT_NOTE_ENTITY_CUSTOMER:
    default:
      return "avatar-default-symbolic";
    }
}

char *
kefu_shift_notes_format_time (GDateTime *time,
                              GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *clock = NULL;
  int days;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now != NULL ? now : time);
  clock = g_date_time_format (local, "%H:%M");
  days = g_date_time_get_day_of_year (local_now) - g_date_time_get_day_of_year (local);
  if (g_date_time_get_year (local) != g_date_time_get_year (local_now))
    days = -1;
  if (days == 0)
    /* Translators: when a hand-over note was written today; %s is the time, 18:05. */
    return g_strdup_printf (_("Today %s"), clock);
  if (days == 1)
    /* Translators: when a hand-over note was written yesterday; %s is the time, 23:50. */
    return g_strdup_printf (_("Yesterday %s"), clock);
  /* Translators: when a hand-over note was written, as a date format for g_date_time_format ():
   * "27 Nov 18:05" in English, "11月27日 18:05" in Chinese. */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %b %H:%M"));
}

static void
link_clicked_cb (KefuShiftNotesRow *self,
                 GtkButton         *button)
{
  KefuShiftNoteLink *link = g_object_get_data (G_OBJECT (button), "kefu-link");

  g_signal_emit (self, signals[SIGNAL_LINK_CLICKED], 0, link);
}

static GtkWidget *
make_link_button (KefuShiftNotesRow *self,
                  KefuShiftNoteLink *link)
{
  KefuShiftNoteEntity entity = kefu_shift_note_link_get_entity (link);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *tooltip = NULL;

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    kefu_shift_notes_entity_icon (entity));
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), kefu_shift_note_link_get_text (link));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                  kefu_shift_note_entity_get_action (entity));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    kefu_shift_note_link_get_entity_id (link));
  /* Translators: the tooltip of a hand-over note's link: the kind of record, then its reference
   * or name ("Open Complaint TS-20261127-0003 王芳"). */
  tooltip = g_strdup_printf (_("Open %s %s"), kefu_shift_note_entity_get_display_name (entity),
                             kefu_shift_note_link_get_text (link));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "kefu-link", g_object_ref (link), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (link_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static void
kefu_shift_notes_row_dispose (GObject *object)
{
  KefuShiftNotesRow *self = KEFU_SHIFT_NOTES_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIFT_NOTES_ROW);
  g_clear_object (&self->note);
  g_clear_pointer (&self->link_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (kefu_shift_notes_row_parent_class)->dispose (object);
}

static void
kefu_shift_notes_row_class_init (KefuShiftNotesRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shift_notes_row_dispose;

  signals[SIGNAL_LINK_CLICKED] =
    g_signal_new ("link-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, KEFU_TYPE_SHIFT_NOTE_LINK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shift-notes-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesRow, urgent_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesRow, unread_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesRow, links_box);
}

static void
kefu_shift_notes_row_init (KefuShiftNotesRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_buttons = g_ptr_array_new ();
}

GtkWidget *
kefu_shift_notes_row_new (KefuShiftNote *note,
                          gboolean       unread)
{
  KefuShiftNotesRow *self;
  GListModel *links;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (KEFU_IS_SHIFT_NOTE (note), NULL);

  self = g_object_new (KEFU_TYPE_SHIFT_NOTES_ROW, NULL);
  self->note = g_object_ref (note);
  gtk_label_set_label (self->author_label, kefu_shift_note_get_author_name (note));
  if (kefu_shift_note_get_written_at (note) != NULL)
    time = kefu_shift_notes_format_time (kefu_shift_note_get_written_at (note), now);
  gtk_label_set_label (self->time_label, time != NULL ? time : "");
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_label), kefu_shift_note_get_urgent (note));
  gtk_label_set_label (self->text_label, kefu_shift_note_get_text (note));

  links = kefu_shift_note_get_links (note);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(KefuShiftNoteLink) link = g_list_model_get_item (links, i);
      GtkWidget *button = make_link_button (self, link);

      adw_wrap_box_append (self->links_box, button);
      g_ptr_array_add (self->link_buttons, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), self->link_buttons->len > 0);
  kefu_shift_notes_row_set_unread (self, unread);

  /* Translators: how a screen reader names a hand-over note: its author and time. */
  label = g_strdup_printf (_("Hand-over note by %s, %s"), kefu_shift_note_get_author_name (note),
                           time != NULL ? time : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_WIDGET (self);
}

KefuShiftNote *
kefu_shift_notes_row_get_note (KefuShiftNotesRow *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_ROW (self), NULL);

  return self->note;
}

gboolean
kefu_shift_notes_row_get_unread (KefuShiftNotesRow *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_ROW (self), FALSE);

  return self->unread;
}

void
kefu_shift_notes_row_set_unread (KefuShiftNotesRow *self,
                                 gboolean           unread)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_ROW (self));

  self->unread = !!unread;
  gtk_widget_set_visible (GTK_WIDGET (self->unread_label), self->unread);
}

GtkWidget *
kefu_shift_notes_row_get_link_button (KefuShiftNotesRow *self,
                                      guint              position)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_ROW (self), NULL);

  if (position >= self->link_buttons->len)
    return NULL;
  return g_ptr_array_index (self->link_buttons, position);
}
