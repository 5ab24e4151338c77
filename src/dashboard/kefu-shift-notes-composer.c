/* kefu-shift-notes-composer.c: where the outgoing shift writes a hand-over note (see the
 * header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shift-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-shift-notes-composer.h"
#include "kefu-shift-notes-row.h"

struct _KefuShiftNotesComposer
{
  AdwBin         parent_instance;

  KefuStore     *store;
  GListStore    *links;
  GCancellable  *cancellable;
  guint          saving;
  guint          finding;

  GtkTextView   *text_view;
  AdwWrapBox    *links_box;
  GtkLabel      *error_label;
  GtkSwitch     *urgent_switch;
  GtkMenuButton *link_button;
  GtkPopover    *link_popover;
  GtkDropDown   *kind_dropdown;
  GtkEntry      *link_entry;
  GtkLabel      *link_error_label;
};

G_DEFINE_FINAL_TYPE (KefuShiftNotesComposer, kefu_shift_notes_composer, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_HANDED_OVER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
update_state (KefuShiftNotesComposer *self,
              gboolean                was_busy)
{
  gboolean busy = kefu_shift_notes_composer_get_busy (self);

  /* A call cancelled by dispose finishes after the template is gone. */
  if (self->text_view == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.hand-over",
                                 self->store != NULL && self->saving == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.add-link",
                                 self->store != NULL && self->finding == 0);
  gtk_text_view_set_editable (self->text_view, self->saving == 0);
  if (busy != was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The chips of the linked records, each with a button that removes it. */
static void
rebuild_chips (KefuShiftNotesComposer *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->links));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    adw_wrap_box_remove (self->links_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShiftNoteLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i);
      KefuShiftNoteEntity entity = kefu_shift_note_link_get_entity (link);
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name (kefu_shift_notes_entity_icon (entity));
      GtkWidget *label = gtk_label_new (kefu_shift_note_link_get_text (link));
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = NULL;

      gtk_widget_set_tooltip_text (chip, kefu_shift_note_entity_get_display_name (entity));
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      /* Translators: the accessible name of the button that removes a link from a hand-over
       * note being written; %s is the record's reference or name. */
      remove_label = g_strdup_printf (_("Remove the link to %s"),
                                      kefu_shift_note_link_get_text (link));
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "composer.remove-link");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", (gint32) i);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_start (icon, 8);
      gtk_box_append (GTK_BOX (chip), icon);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_widget_add_css_class (chip, "card");
      adw_wrap_box_append (self->links_box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), n > 0);
}

/* Finding a link. */

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KefuShiftNotesComposer) self = user_data;
  g_autoptr(KefuShiftNoteLink) link = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_busy = kefu_shift_notes_composer_get_busy (self);

  link = kefu_store_resolve_shift_note_link_finish (KEFU_STORE (object), result, &error);
  self->finding--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      update_state (self, was_busy);
      return;
    }
  if (link == NULL)
    show_error (self->link_error_label, error->message);
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->links));
      gboolean known = FALSE;

      for (guint i = 0; i < n && !known; i++)
        {
          g_autoptr(KefuShiftNoteLink) other = g_list_model_get_item (G_LIST_MODEL (self->links),
                                                                      i);

          known = kefu_shift_note_link_same_record (other, link);
        }
      if (known)
        show_error (self->link_error_label, _("The note already links this record."));
      else if (n >= KEFU_SHIFT_NOTE_MAX_LINKS)
        show_error (self->link_error_label, _("A note cannot link more records."));
      else
        {
          g_list_store_append (self->links, link);
          rebuild_chips (self);
          show_error (self->link_error_label, NULL);
          gtk_editable_set_text (GTK_EDITABLE (self->link_entry), "");
          gtk_popover_popdown (self->link_popover);
        }
    }
  update_state (self, was_busy);
}

void
kefu_shift_notes_composer_find_link (KefuShiftNotesComposer *self,
                                     int                     entity,
                                     const char             *text)
{
  gboolean was_busy;

  g_return_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self));

  if (self->store == NULL)
    return;
  was_busy = kefu_shift_notes_composer_get_busy (self);
  self->finding++;
  kefu_store_resolve_shift_note_link_async (self->store, entity, text, self->cancellable,
                                            found_cb, g_object_ref (self));
  update_state (self, was_busy);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KefuShiftNotesComposer *self = KEFU_SHIFT_NOTES_COMPOSER (widget);
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  /* The first item is "any kind"; the others follow KefuShiftNoteEntity. */
  int entity = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  kefu_shift_notes_composer_find_link (self, entity,
                                       gtk_editable_get_text (GTK_EDITABLE (self->link_entry)));
}

static void
remove_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KefuShiftNotesComposer *self = KEFU_SHIFT_NOTES_COMPOSER (widget);
  gint32 position = g_variant_get_int32 (parameter);

  if (position >= 0 && (guint) position < g_list_model_get_n_items (G_LIST_MODEL (self->links)))
    {
      g_list_store_remove (self->links, position);
      rebuild_chips (self);
    }
}

/* Handing over. */

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KefuShiftNotesComposer) self = user_data;
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_busy = kefu_shift_notes_composer_get_busy (self);

  note = kefu_store_write_shift_note_finish (KEFU_STORE (object), result, &error);
  self->saving--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      update_state (self, was_busy);
      return;
    }
  if (note == NULL)
    {
      /* The draft stays as it is: the clerk tries again once the reason is dealt with. */
      g_autofree char *message = g_strdup_printf (_("The note was not handed over: %s"),
                                                  error->message);

      show_error (self->error_label, message);
      update_state (self, was_busy);
      return;
    }

  show_error (self->error_label, NULL);
  kefu_shift_notes_composer_set_text (self, "");
  gtk_switch_set_active (self->urgent_switch, FALSE);
  g_list_store_remove_all (self->links);
  rebuild_chips (self);
  update_state (self, was_busy);
  g_signal_emit (self, signals[SIGNAL_HANDED_OVER], 0, note);
}

static void
hand_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuShiftNotesComposer *self = KEFU_SHIFT_NOTES_COMPOSER (widget);
  g_autofree char *text = kefu_shift_notes_composer_get_text (self);
  gboolean was_busy = kefu_shift_notes_composer_get_busy (self);

  if (self->store == NULL || self->saving > 0)
    return;
  self->saving++;
  kefu_store_write_shift_note_async (self->store, text, gtk_switch_get_active (self->urgent_switch),
                                     G_LIST_MODEL (self->links), self->cancellable, written_cb,
                                     g_object_ref (self));
  update_state (self, was_busy);
}

static void
link_entry_activate_cb (KefuShiftNotesComposer *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "composer.add-link", NULL);
}

static void
kefu_shift_notes_composer_dispose (GObject *object)
{
  KefuShiftNotesComposer *self = KEFU_SHIFT_NOTES_COMPOSER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIFT_NOTES_COMPOSER);
  g_clear_object (&self->store);
  g_clear_object (&self->links);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kefu_shift_notes_composer_parent_class)->dispose (object);
}

static void
kefu_shift_notes_composer_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  KefuShiftNotesComposer *self = KEFU_SHIFT_NOTES_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_shift_notes_composer_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_notes_composer_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  KefuShiftNotesComposer *self = KEFU_SHIFT_NOTES_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_shift_notes_composer_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_notes_composer_class_init (KefuShiftNotesComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shift_notes_composer_dispose;
  object_class->get_property = kefu_shift_notes_composer_get_property;
  object_class->set_property = kefu_shift_notes_composer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_HANDED_OVER] =
    g_signal_new ("handed-over", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, KEFU_TYPE_SHIFT_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shift-notes-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, links_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, urgent_switch);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, link_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, link_popover);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, link_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesComposer, link_error_label);

  gtk_widget_class_install_action (widget_class, "composer.hand-over", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "composer.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "composer.remove-link", "i",
                                   remove_link_action);
}

static void
kefu_shift_notes_composer_init (KefuShiftNotesComposer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->link_entry, "activate", G_CALLBACK (link_entry_activate_cb),
                            self);
  update_state (self, FALSE);
}

GtkWidget *
kefu_shift_notes_composer_new (void)
{
  return g_object_new (KEFU_TYPE_SHIFT_NOTES_COMPOSER, NULL);
}

KefuStore *
kefu_shift_notes_composer_get_store (KefuShiftNotesComposer *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self), NULL);

  return self->store;
}

void
kefu_shift_notes_composer_set_store (KefuShiftNotesComposer *self,
                                     KefuStore              *store)
{
  gboolean was_busy;

  g_return_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (self->store == store)
    return;
  was_busy = kefu_shift_notes_composer_get_busy (self);
  /* Answers of the old database are not this one's; the draft itself stays. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->store, store);
  /* Links name records of the old database. */
  g_list_store_remove_all (self->links);
  rebuild_chips (self);
  update_state (self, was_busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
kefu_shift_notes_composer_get_busy (KefuShiftNotesComposer *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self), FALSE);

  return self->saving > 0 || self->finding > 0;
}

char *
kefu_shift_notes_composer_get_text (KefuShiftNotesComposer *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
kefu_shift_notes_composer_set_text (KefuShiftNotesComposer *self,
                                    const char             *text)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "",
                            -1);
}

gboolean
kefu_shift_notes_composer_get_urgent (KefuShiftNotesComposer *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self), FALSE);

  return gtk_switch_get_active (self->urgent_switch);
}

void
kefu_shift_notes_composer_set_urgent (KefuShiftNotesComposer *self,
                                      gboolean                urgent)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self));

  gtk_switch_set_active (self->urgent_switch, urgent);
}

GListModel *
kefu_shift_notes_composer_get_links (KefuShiftNotesComposer *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self), NULL);

  return G_LIST_MODEL (self->links);
}

const char *
kefu_shift_notes_composer_get_error (KefuShiftNotesComposer *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_COMPOSER (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return gtk_label_get_label (self->error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->link_error_label)))
    return gtk_label_get_label (self->link_error_label);
  return NULL;
}
