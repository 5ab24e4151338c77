/* kefu-window-staff.c: who is working at the window: the staff member remembered for the
 * database shown (the first clerk for an unattended run), and the dialog that chooses one. On a
 * shared SQLite file a remembered staff member who has a PIN is asked for it at start, and
 * "Set PIN…" lets the staff member working set, change or remove their own.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-pin.h"
#include "store/kefu-store-roles.h"
#include "kefu-window-private.h"

static void
staff_chosen_cb (KefuWindow       *self,
                 KefuStaff        *staff,
                 KefuStaffChooser *chooser)
{
  _kefu_window_set_staff (self, staff);
}

static void
chooser_closed_cb (KefuWindow       *self,
                   KefuStaffChooser *chooser)
{
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static gboolean
is_system_actor (KefuStaff *staff)
{
  /* The store's built-in actor for kefuctl's init/demo is never someone at a workstation. */
  return g_strcmp0 (kefu_staff_get_login (staff), "system") == 0;
}

/* The first active staff member of `staff` with the id `id`, or, for an id of 0, the first
 * person (never the system actor) of role `role` (-1: any role); NULL when there is none. */
static KefuStaff *
find_active_staff (GListModel *staff,
                   gint64      id,
                   int         role)
{
  guint n = g_list_model_get_n_items (staff);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) item = g_list_model_get_item (staff, i);

      if (!kefu_staff_get_active (item))
        continue;
      if (id != 0 ? kefu_record_get_id (KEFU_RECORD (item)) == id
                  : !is_system_actor (item) &&
                    (role < 0 || kefu_staff_get_role (item) == (KefuRole) role))
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
remembered_staff_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) found = NULL;
  g_autofree char *remembered_database = NULL;
  gint64 remembered;

  staff = kefu_staff_list_with_pins_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    return;

  self->staff_loading = FALSE;

  if (staff == NULL)
    {
      /* Nobody can be working then, and every write would fail for want of an actor: the
       * chooser lists the staff again and, if that fails too, shows why, with Try Again. */
      g_message ("Could not list the staff: %s", error->message);
      if (!self->unattended)
        kefu_window_choose_staff (self);
      _kefu_window_update_busy (self);
      return;
    }

  /* Signed in to a server as a staff member's own login: that is who works here, whoever was
   * chosen before (the server would refuse anyone else). */
  if (kefu_store_get_session_staff_id (self->store) != 0)
    found = find_active_staff (staff, kefu_store_get_session_staff_id (self->store), -1);

  /* An id means someone only in the database it was chosen in. */
  remembered_database = g_settings_get_string (self->settings, "current-staff-database");
  if (g_strcmp0 (remembered_database, kefu_store_get_description (self->store)) == 0)
    remembered = g_settings_get_int64 (self->settings, "current-staff-id");
  else
    remembered = 0;

  if (remembered != 0 && found == NULL && kefu_store_get_session_staff_id (self->store) == 0)
    found = find_active_staff (staff, remembered, -1);

  /* Someone with a PIN says it again at every start: the chooser asks it before they work. A
   * server's login is its own proof. */
  if (found != NULL && !self->unattended && kefu_store_get_session_staff_id (self->store) == 0 &&
      kefu_staff_list_has_pin (staff, kefu_record_get_id (KEFU_RECORD (found))))
    {
      gint64 id = kefu_record_get_id (KEFU_RECORD (found));

      g_clear_object (&found);
      kefu_window_choose_staff (self);
      kefu_staff_chooser_ask_pin (self->chooser, id);
    }

  /* A screenshot run on a workstation where nobody was chosen shows the first clerk, without
   * remembering them. */
  if (found == NULL && self->unattended)
    {
      /* A clerk if there is one: the panes are made for them. */
      found = find_active_staff (staff, 0, KEFU_ROLE_CLERK);
      if (found == NULL)
        found = find_active_staff (staff, 0, -1);
    }

  _kefu_window_set_staff (self, found);

  if (found == NULL && !self->unattended && self->chooser == NULL &&
      kefu_store_get_session_staff_id (self->store) == 0)
    kefu_window_choose_staff (self);

  if (self->pending_complaint > 0)
    {
      gint64 complaint_id = self->pending_complaint;

      self->pending_complaint = 0;
      kefu_window_open_complaint (self, complaint_id);
    }
  _kefu_window_run_pending_aftersales (self);

  _kefu_window_update_busy (self);
}

void
_kefu_window_load_staff (KefuWindow *self)
{
  self->staff_loading = TRUE;
  kefu_staff_list_with_pins_async (self->store, self->cancellable,
                                   remembered_staff_cb, g_object_ref (self));
}

void
kefu_window_choose_staff (KefuWindow *self)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));

  /* On a server signed in with a staff member's login, the login says who works here. */
  if (self->store == NULL || kefu_store_get_session_staff_id (self->store) != 0)
    return;

  if (self->chooser == NULL)
    {
      self->chooser = g_object_ref_sink (kefu_staff_chooser_new (self->store, self->settings));
      g_signal_connect_object (self->chooser, "staff-chosen",
                               G_CALLBACK (staff_chosen_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->chooser, "closed",
                               G_CALLBACK (chooser_closed_cb), self, G_CONNECT_SWAPPED);
    }

  adw_dialog_present (ADW_DIALOG (self->chooser), GTK_WIDGET (self));
}

/* Set PIN… */

typedef struct
{
  char *current;
  char *pin;      /* NULL: remove */
} PinChange;

static void
pin_change_free (gpointer data)
{
  PinChange *change = data;

  g_free (change->current);
  g_free (change->pin);
  g_free (change);
}

static gpointer
set_pin_func (KefuStore     *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  PinChange *change = data;

  if (!kefu_store_set_own_pin (store, change->current, change->pin, cancellable, error))
    return NULL;
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
pin_set_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GObject) done = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *alert;

  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (done != NULL)
    alert = adw_alert_dialog_new (_("PIN Saved"),
                                  _("From now on this workstation asks for it when you start "
                                    "working."));
  else
    alert = adw_alert_dialog_new (_("PIN Not Changed"), error->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static GtkWidget *
add_pin_row (GtkWidget  *list,
             const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
pin_dialog_response_cb (AdwAlertDialog *dialog,
                        const char     *response,
                        KefuWindow     *self)
{
  GtkEditable *current = g_object_get_data (G_OBJECT (dialog), "kefu-current");
  GtkEditable *pin = g_object_get_data (G_OBJECT (dialog), "kefu-pin");
  GtkEditable *repeat = g_object_get_data (G_OBJECT (dialog), "kefu-repeat");
  PinChange *change;

  if (g_strcmp0 (response, "set") != 0 || self->store == NULL)
    return;
  if (g_strcmp0 (gtk_editable_get_text (pin), gtk_editable_get_text (repeat)) != 0)
    {
      AdwDialog *alert = adw_alert_dialog_new (_("PIN Not Changed"),
                                               _("The two new PINs differ. Type the same PIN "
                                                 "twice."));

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
      return;
    }
  change = g_new0 (PinChange, 1);
  change->current = current != NULL ? g_strdup (gtk_editable_get_text (current)) : NULL;
  change->pin = gtk_editable_get_text (pin)[0] != '\0' ? g_strdup (gtk_editable_get_text (pin))
                                                        : NULL;
  kefu_store_run_async (self->store, set_pin_func, change, pin_change_free, self->cancellable,
                        pin_set_cb, g_object_ref (self));
}

static void
present_pin_dialog (KefuWindow *self,
                    gboolean    has_pin)
{
  AdwDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();

  dialog = adw_alert_dialog_new (_("Set PIN"),
                                 _("On a shared database file a PIN keeps colleagues from "
                                   "working under your name by mistake. It is not a password "
                                   "for the file: whoever may open the file on the share can "
                                   "read it. Leave the new PIN empty to remove yours."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (has_pin)
    g_object_set_data (G_OBJECT (dialog), "kefu-current", add_pin_row (list, _("Current PIN")));
  g_object_set_data (G_OBJECT (dialog), "kefu-pin", add_pin_row (list, _("New PIN (4–12 digits)")));
  g_object_set_data (G_OBJECT (dialog), "kefu-repeat", add_pin_row (list, _("New PIN Again")));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "set", _("_Save PIN"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "set",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "set");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (pin_dialog_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static gpointer
has_pin_func (KefuStore     *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean has_pin = FALSE;
  GObject *answer;

  if (!kefu_store_staff_has_pin (store, kefu_store_get_actor (store), &has_pin, cancellable,
                                 error))
    return NULL;
  answer = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (answer, "kefu-has-pin", GINT_TO_POINTER (has_pin));
  return answer;
}

static void
has_pin_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GObject) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      AdwDialog *alert = adw_alert_dialog_new (_("PIN Not Changed"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
      return;
    }
  present_pin_dialog (self, GPOINTER_TO_INT (g_object_get_data (answer, "kefu-has-pin")));
}

static void
set_pin_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuWindow *self = KEFU_WINDOW (widget);

  if (self->store == NULL || self->staff == NULL)
    return;
  kefu_store_run_async (self->store, has_pin_func, NULL, NULL, self->cancellable, has_pin_cb,
                        g_object_ref (self));
}

/* A PIN is for a shared SQLite file, with someone working: on PostgreSQL the server's login
 * decides who is who. */
void
_kefu_window_update_pin_action (KefuWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-pin",
                                 self->store != NULL && self->staff != NULL &&
                                 kefu_store_get_backend (self->store) ==
                                 KEFU_STORE_BACKEND_SQLITE);
}

void
_kefu_window_class_init_staff (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.set-pin", NULL, set_pin_action);
}
