/* kefu-shift-notes-dialog.c: the unread hand-over notes when a shift starts (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shift-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-shift-notes-dialog.h"
#include "kefu-shift-notes-row.h"

struct _KefuShiftNotesDialog
{
  AdwDialog     parent_instance;

  KefuStore    *store;
  GCancellable *cancellable;

  GtkLabel     *intro_label;
  GtkListBox   *list_box;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (KefuShiftNotesDialog, kefu_shift_notes_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_MARKED_READ,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuShiftNotesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kefu_store_mark_shift_notes_read_finish (KEFU_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, in words. */
      message = g_strdup_printf (_("The notes could not be marked as read: %s"), error->message);
      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.mark-all-read", TRUE);
      return;
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (KEFU_IS_SHIFT_NOTES_ROW (row))
      kefu_shift_notes_row_set_unread (KEFU_SHIFT_NOTES_ROW (row), FALSE);
  g_signal_emit (self, signals[SIGNAL_MARKED_READ], 0);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
mark_all_read_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuShiftNotesDialog *self = KEFU_SHIFT_NOTES_DIALOG (widget);

  gtk_widget_action_set_enabled (widget, "dialog.mark-all-read", FALSE);
  kefu_store_mark_shift_notes_read_async (self->store, 0, self->cancellable, marked_cb,
                                          g_object_ref (self));
}

static void
link_clicked_cb (KefuShiftNotesDialog *self)
{
  /* The record opens behind the dialog: make way for it. */
  adw_dialog_close (ADW_DIALOG (self));
}

static void
kefu_shift_notes_dialog_dispose (GObject *object)
{
  KefuShiftNotesDialog *self = KEFU_SHIFT_NOTES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIFT_NOTES_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kefu_shift_notes_dialog_parent_class)->dispose (object);
}

static void
kefu_shift_notes_dialog_class_init (KefuShiftNotesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shift_notes_dialog_dispose;

  signals[SIGNAL_MARKED_READ] =
    g_signal_new ("marked-read", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shift-notes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesDialog, error_label);

  gtk_widget_class_install_action (widget_class, "dialog.mark-all-read", NULL,
                                   mark_all_read_action);
}

static void
kefu_shift_notes_dialog_init (KefuShiftNotesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

KefuShiftNotesDialog *
kefu_shift_notes_dialog_new (KefuStore  *store,
                             GListModel *notes)
{
  KefuShiftNotesDialog *self;
  g_autofree char *intro = NULL;
  guint n, n_urgent = 0;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (notes), NULL);

  self = g_object_new (KEFU_TYPE_SHIFT_NOTES_DIALOG, NULL);
  self->store = g_object_ref (store);
  n = g_list_model_get_n_items (notes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShiftNote) note = g_list_model_get_item (notes, i);
      GtkWidget *row = kefu_shift_notes_row_new (note, TRUE);

      if (kefu_shift_note_get_urgent (note))
        n_urgent++;
      g_signal_connect_object (row, "link-clicked", G_CALLBACK (link_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list_box, row);
    }
  if (n_urgent > 0)
    /* Translators: the first line of the start-of-shift dialog; the first %u is how many notes,
     * the second how many of them are urgent. */
    intro = g_strdup_printf (ngettext ("The previous shift left %u note for you; %u urgent.",
                                       "The previous shift left %u notes for you; %u urgent.", n),
                             n, n_urgent);
  else
    intro = g_strdup_printf (ngettext ("The previous shift left %u note for you.",
                                       "The previous shift left %u notes for you.", n), n);
  gtk_label_set_label (self->intro_label, intro);
  return self;
}

GtkListBox *
kefu_shift_notes_dialog_get_list (KefuShiftNotesDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_DIALOG (self), NULL);

  return self->list_box;
}

const char *
kefu_shift_notes_dialog_get_error (KefuShiftNotesDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

typedef struct
{
  GWeakRef   parent;
  KefuStore *store;
} Present;

static void
present_free (Present *present)
{
  g_weak_ref_clear (&present->parent);
  g_clear_object (&present->store);
  g_free (present);
}

static void
unread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Present *present = user_data;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&present->parent);
  g_autoptr(GListModel) unread = NULL;
  g_autoptr(GError) error = NULL;

  unread = kefu_store_list_unread_shift_notes_finish (KEFU_STORE (object), result, &error);
  if (unread == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the unread hand-over notes: %s", error->message);
    }
  else if (parent != NULL && g_list_model_get_n_items (unread) > 0)
    adw_dialog_present (ADW_DIALOG (kefu_shift_notes_dialog_new (present->store, unread)),
                        parent);
  present_free (present);
}

void
kefu_shift_notes_dialog_present_unread (GtkWidget    *parent,
                                        KefuStore    *store,
                                        gint64        staff_id,
                                        GCancellable *cancellable)
{
  Present *present;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (staff_id > 0);

  present = g_new0 (Present, 1);
  g_weak_ref_init (&present->parent, parent);
  present->store = g_object_ref (store);
  kefu_store_list_unread_shift_notes_async (store, staff_id, cancellable, unread_cb, present);
}
