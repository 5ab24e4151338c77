/* kefu-shift-notes-view.c: the shift hand-over notes in the Dashboard (see the header). The log
 * holds a few notes a day over KEFU_SHIFT_NOTES_VIEW_DAYS days (the store caps a listing), so a
 * GtkListBox of rows suits it; it is read again whole when shift notes change.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shift-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-shift-notes-composer.h"
#include "kefu-shift-notes-row.h"
#include "kefu-shift-notes-view.h"

struct _KefuShiftNotesView
{
  AdwBin                  parent_instance;

  KefuStore              *store;
  KefuLive               *live;
  KefuStaff              *staff;
  GCancellable           *cancellable;
  /* The log just read, waiting for the unread notes to show it. */
  GListModel             *pending;
  guint                   n_unread;
  guint                   loading : 1;
  guint                   again : 1;

  GtkLabel               *unread_label;
  GtkWidget              *mark_all_button;
  KefuShiftNotesComposer *composer;
  GtkLabel               *log_title;
  GtkLabel               *error_label;
  GtkListBox             *list_box;
  GtkLabel               *placeholder_label;
};

G_DEFINE_FINAL_TYPE (KefuShiftNotesView, kefu_shift_notes_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LIVE,
  PROP_STAFF,
  PROP_N_UNREAD,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
staff_id (KefuShiftNotesView *self)
{
  return self->staff != NULL ? kefu_record_get_id (KEFU_RECORD (self->staff)) : 0;
}

static void
set_loading (KefuShiftNotesView *self,
             gboolean            loading)
{
  gboolean was_busy = kefu_shift_notes_view_get_busy (self);

  self->loading = !!loading;
  if (was_busy != kefu_shift_notes_view_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_n_unread (KefuShiftNotesView *self,
              guint               n_unread)
{
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shift-notes.mark-all-read",
                                 n_unread > 0 && self->store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->mark_all_button), n_unread > 0);
  if (n_unread > 0)
    /* Translators: beside the title of the hand-over notes: how many the staff member working
     * has not read. */
    text = g_strdup_printf (ngettext ("%u new", "%u new", n_unread), n_unread);
  gtk_label_set_label (self->unread_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unread_label), n_unread > 0);
  if (self->n_unread == n_unread)
    return;
  self->n_unread = n_unread;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
}

static void
show_notes (KefuShiftNotesView *self,
            GListModel         *notes,
            GListModel         *unread)
{
  g_autoptr(GHashTable) unread_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             NULL);
  guint n_unread = unread != NULL ? g_list_model_get_n_items (unread) : 0;

  for (guint i = 0; i < n_unread; i++)
    {
      g_autoptr(KefuRecord) note = g_list_model_get_item (unread, i);
      gint64 id = kefu_record_get_id (note);

      g_hash_table_add (unread_ids, g_memdup2 (&id, sizeof id));
    }

  /* Row by row: the placeholder stays. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)),
                 *next = NULL; child != NULL; child = next)
    {
      next = gtk_widget_get_next_sibling (child);
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->list_box, child);
    }
  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(KefuShiftNote) note = g_list_model_get_item (notes, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (note));

      gtk_list_box_append (self->list_box,
                           kefu_shift_notes_row_new (note, g_hash_table_contains (unread_ids,
                                                                                  &id)));
    }
  set_n_unread (self, n_unread);
}

static void
show_error (KefuShiftNotesView *self,
            const GError       *error)
{
  g_autofree char *message = NULL;

  if (error != NULL)
    /* Translators: %s says why, in words. */
    message = g_strdup_printf (_("The hand-over notes could not be read: %s"), error->message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void load (KefuShiftNotesView *self);

static void
loaded (KefuShiftNotesView *self)
{
  set_loading (self, FALSE);
  if (self->again)
    {
      self->again = FALSE;
      load (self);
    }
}

static void
unread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuShiftNotesView) self = user_data;
  g_autoptr(GListModel) unread = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;

  unread = kefu_store_list_unread_shift_notes_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  notes = g_steal_pointer (&self->pending);
  show_error (self, error);
  show_notes (self, notes, unread);
  loaded (self);
}

static void
notes_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KefuShiftNotesView) self = user_data;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;

  notes = kefu_store_list_shift_notes_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (notes == NULL)
    {
      show_error (self, error);
      loaded (self);
      return;
    }
  if (staff_id (self) == 0)
    {
      show_error (self, NULL);
      show_notes (self, notes, NULL);
      loaded (self);
      return;
    }
  g_set_object (&self->pending, notes);
  kefu_store_list_unread_shift_notes_async (self->store, staff_id (self), self->cancellable,
                                            unread_cb, g_object_ref (self));
}

static void
load (KefuShiftNotesView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate first, last;

  if (self->store == NULL)
    {
      show_notes (self, NULL, NULL);
      return;
    }
  if (self->loading)
    {
      /* A change during a read: read once more afterwards. */
      self->again = TRUE;
      return;
    }
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  first = last;
  g_date_subtract_days (&first, KEFU_SHIFT_NOTES_VIEW_DAYS - 1);
  set_loading (self, TRUE);
  kefu_store_list_shift_notes_async (self->store, &first, &last, self->cancellable, notes_cb,
                                     g_object_ref (self));
}

/* A new store or staff member: what was being read is not theirs. */
static void
restart (KefuShiftNotesView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->pending);
  self->again = FALSE;
  set_loading (self, FALSE);
  load (self);
}

void
kefu_shift_notes_view_reload (KefuShiftNotesView *self)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self));

  load (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (KEFU_SHIFT_NOTES_VIEW (widget));
}

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuShiftNotesView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kefu_store_mark_shift_notes_read_finish (KEFU_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error);
      set_n_unread (self, self->n_unread);
      return;
    }
  load (self);
}

static void
mark_all_read_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuShiftNotesView *self = KEFU_SHIFT_NOTES_VIEW (widget);

  if (self->store == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "shift-notes.mark-all-read", FALSE);
  kefu_store_mark_shift_notes_read_async (self->store, 0, self->cancellable, marked_cb,
                                          g_object_ref (self));
}

static void
shift_notes_changed_cb (KefuShiftNotesView *self)
{
  load (self);
}

static void
handed_over_cb (KefuShiftNotesView *self)
{
  /* The change feed says so too, a moment later, or never when it is off. */
  load (self);
}

static void
composer_busy_cb (KefuShiftNotesView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
kefu_shift_notes_view_dispose (GObject *object)
{
  KefuShiftNotesView *self = KEFU_SHIFT_NOTES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIFT_NOTES_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->live);
  g_clear_object (&self->staff);
  g_clear_object (&self->pending);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kefu_shift_notes_view_parent_class)->dispose (object);
}

static void
kefu_shift_notes_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KefuShiftNotesView *self = KEFU_SHIFT_NOTES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_N_UNREAD:
      g_value_set_uint (value, self->n_unread);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_shift_notes_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_notes_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KefuShiftNotesView *self = KEFU_SHIFT_NOTES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_shift_notes_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_LIVE:
      kefu_shift_notes_view_set_live (self, g_value_get_object (value));
      break;
    case PROP_STAFF:
      kefu_shift_notes_view_set_staff (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shift_notes_view_class_init (KefuShiftNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shift_notes_view_dispose;
  object_class->get_property = kefu_shift_notes_view_get_property;
  object_class->set_property = kefu_shift_notes_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_UNREAD] =
    g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_SHIFT_NOTES_COMPOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shift-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, unread_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, mark_all_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, composer);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, log_title);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, list_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShiftNotesView, placeholder_label);

  gtk_widget_class_install_action (widget_class, "shift-notes.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "shift-notes.mark-all-read", NULL,
                                   mark_all_read_action);
}

static void
kefu_shift_notes_view_init (KefuShiftNotesView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *empty = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Translators: the heading of the hand-over log; %d is the number of days, 7. */
  title = g_strdup_printf (ngettext ("The Last %d Day", "The Last %d Days",
                                     KEFU_SHIFT_NOTES_VIEW_DAYS), KEFU_SHIFT_NOTES_VIEW_DAYS);
  gtk_label_set_label (self->log_title, title);
  empty = g_strdup_printf (ngettext ("No shift has handed over a note in the last %d day.",
                                     "No shift has handed over a note in the last %d days.",
                                     KEFU_SHIFT_NOTES_VIEW_DAYS), KEFU_SHIFT_NOTES_VIEW_DAYS);
  gtk_label_set_label (self->placeholder_label, empty);
  g_signal_connect_swapped (self->composer, "handed-over", G_CALLBACK (handed_over_cb), self);
  g_signal_connect_swapped (self->composer, "notify::busy", G_CALLBACK (composer_busy_cb), self);
  set_n_unread (self, 0);
}

GtkWidget *
kefu_shift_notes_view_new (void)
{
  return g_object_new (KEFU_TYPE_SHIFT_NOTES_VIEW, NULL);
}

KefuStore *
kefu_shift_notes_view_get_store (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), NULL);

  return self->store;
}

void
kefu_shift_notes_view_set_store (KefuShiftNotesView *self,
                                 KefuStore          *store)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  kefu_shift_notes_composer_set_store (self->composer, store);
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KefuLive *
kefu_shift_notes_view_get_live (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), NULL);

  return self->live;
}

void
kefu_shift_notes_view_set_live (KefuShiftNotesView *self,
                                KefuLive           *live)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self));
  g_return_if_fail (live == NULL || KEFU_IS_LIVE (live));

  if (self->live == live)
    return;
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_set_object (&self->live, live);
  if (live != NULL)
    g_signal_connect_object (live, "changed::shift-notes", G_CALLBACK (shift_notes_changed_cb),
                             self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

KefuStaff *
kefu_shift_notes_view_get_staff (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), NULL);

  return self->staff;
}

void
kefu_shift_notes_view_set_staff (KefuShiftNotesView *self,
                                 KefuStaff          *staff)
{
  g_return_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

guint
kefu_shift_notes_view_get_n_unread (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), 0);

  return self->n_unread;
}

gboolean
kefu_shift_notes_view_get_busy (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), FALSE);

  return self->loading || kefu_shift_notes_composer_get_busy (self->composer);
}

GtkWidget *
kefu_shift_notes_view_get_composer (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), NULL);

  return GTK_WIDGET (self->composer);
}

GtkListBox *
kefu_shift_notes_view_get_list (KefuShiftNotesView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIFT_NOTES_VIEW (self), NULL);

  return self->list_box;
}
