/* kefu-staff-page-actions.c: the Staff page's forms: adding a member (checked as typed, the
 * store's reason under the form), and on PostgreSQL a member's server login and the one-time
 * password, shown once in a dialog and nowhere else.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-staff-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "store/kefu-store-pin.h"
#include "store/kefu-store-roles.h"

#include "kefu-staff-page-private.h"

static void
password_dialog_closed_cb (AdwDialog     *dialog,
                           KefuStaffPage *self)
{
  if (self->last_password != NULL)
    memset (self->last_password, 0, strlen (self->last_password));
  g_clear_pointer (&self->last_password, g_free);
  _kefu_staff_page_notify_last_password (self);
}

/* Shows the one-time password once; it is nowhere else. */
static void
show_password (KefuStaffPage *self,
               const char    *password)
{
  AdwDialog *dialog;
  GtkWidget *label;

  g_free (self->last_password);
  self->last_password = g_strdup (password);
  _kefu_staff_page_notify_last_password (self);

  dialog = adw_alert_dialog_new (_("One-Time Password"),
                                 _("Give this password to the staff member. It works once, for "
                                   "7 days: at the first sign-in they choose their own. It is not "
                                   "shown again."));
  label = gtk_label_new (password);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "monospace");
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), label);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Done"));
  g_signal_connect_object (dialog, "closed", G_CALLBACK (password_dialog_closed_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
password_made_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = kefu_store_login_password_finish (KEFU_STORE (source), result,
                                                                &error);

  _kefu_staff_page_end (self);
  if (password == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kefu_staff_page_toast (self, error->message);
      return;
    }
  show_password (self, password);
  memset (password, 0, strlen (password));
  _kefu_staff_page_reload (self);
}

/* The server login is the member's Kefu login in lower case, when that makes a valid name. */
void
_kefu_staff_page_create_login_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);
  KefuStaff *member = _kefu_staff_page_find_member (self, g_variant_get_int64 (parameter));
  g_autofree char *login = NULL;

  if (member == NULL || !_kefu_staff_page_is_server (self))
    return;
  login = g_ascii_strdown (kefu_staff_get_login (member), -1);
  if (!kefu_store_login_name_is_valid (login))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” cannot be a server login: a login has 2 to 63 lower-case letters, "
                           "digits, dots or underscores and begins with a letter. Change the "
                           "member’s login first."), kefu_staff_get_login (member));

      _kefu_staff_page_toast (self, message);
      return;
    }
  _kefu_staff_page_begin (self);
  kefu_store_create_login_async (self->store, kefu_record_get_id (KEFU_RECORD (member)), login,
                                 self->cancellable, password_made_cb, g_object_ref (self));
}

void
_kefu_staff_page_reset_password_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);

  if (!_kefu_staff_page_is_server (self))
    return;
  _kefu_staff_page_begin (self);
  kefu_store_reset_password_async (self->store, g_variant_get_int64 (parameter),
                                   self->cancellable, password_made_cb, g_object_ref (self));
}

/* PINs (SQLite): a manager clears a staff member's forgotten PIN, so that they sign in without
 * one and choose a new one. On PostgreSQL the server's passwords take the PIN's place. */

gboolean
_kefu_staff_page_can_clear_pins (KefuStaffPage *self)
{
  return self->store != NULL && self->staff != NULL &&
         kefu_store_get_backend (self->store) == KEFU_STORE_BACKEND_SQLITE &&
         kefu_role_can_clear_pins (kefu_staff_get_role (self->staff));
}

/* The ids of the staff who have a PIN, as the data of an object (run_async hands back
 * objects). */
static gpointer
list_pins_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GArray) ids = kefu_store_list_staff_with_pin (store, cancellable, error);
  GHashTable *pins;
  GObject *result;

  if (ids == NULL)
    return NULL;
  pins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (pins, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  result = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (result, "kefu-pin-ids", pins, (GDestroyNotify) g_hash_table_unref);
  return result;
}

static void
pins_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) loaded = kefu_store_run_finish (KEFU_STORE (source), result, &error);

  if (loaded != NULL)
    {
      g_clear_pointer (&self->pins, g_hash_table_unref);
      self->pins = g_hash_table_ref (g_object_get_data (loaded, "kefu-pin-ids"));
      _kefu_staff_page_fill_list (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _kefu_staff_page_toast (self, error->message);
  _kefu_staff_page_end (self);
}

/* Called with the page busy once (ended by pins_loaded_cb). */
void
_kefu_staff_page_load_pins (KefuStaffPage *self)
{
  kefu_store_run_async (self->store, list_pins_func, NULL, NULL, self->cancellable,
                        pins_loaded_cb, g_object_ref (self));
}

static gpointer
clear_pin_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  if (!kefu_store_clear_staff_pin (store, *(gint64 *) data, cancellable, error))
    return NULL;
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
pin_cleared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) done = kefu_store_run_finish (KEFU_STORE (source), result, &error);
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "kefu-clearing-pin");

  _kefu_staff_page_end (self);
  if (done == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kefu_staff_page_toast (self, error->message);
      return;
    }
  {
    /* Translators: %s is a staff member's name. */
    g_autofree char *text = g_strdup_printf (_("%s’s PIN was cleared."), name != NULL ? name : "");

    _kefu_staff_page_toast (self, text);
  }
  _kefu_staff_page_reload (self);
}

static void
clear_pin_response_cb (AdwAlertDialog *dialog,
                       const char     *response,
                       KefuStaffPage  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "kefu-staff-id"));
  KefuStaff *member = _kefu_staff_page_find_member (self, id);

  if (g_strcmp0 (response, "clear") != 0 || member == NULL)
    return;
  g_object_set_data_full (G_OBJECT (self), "kefu-clearing-pin",
                          g_strdup (kefu_staff_get_name (member)), g_free);
  _kefu_staff_page_begin (self);
  kefu_store_run_async (self->store, clear_pin_func, g_memdup2 (&id, sizeof id), g_free,
                        self->cancellable, pin_cleared_cb, g_object_ref (self));
}

void
_kefu_staff_page_clear_pin_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  KefuStaff *member = _kefu_staff_page_find_member (self, id);
  g_autofree char *heading = NULL;
  AdwDialog *dialog;

  if (member == NULL || !_kefu_staff_page_can_clear_pins (self))
    return;
  /* Translators: %s is a staff member's name. */
  heading = g_strdup_printf (_("Clear %s’s PIN?"), kefu_staff_get_name (member));
  dialog = adw_alert_dialog_new (heading,
                                 _("They sign in without a PIN until they choose a new one in "
                                   "Preferences. Clear it only once you know who asks."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "clear", _("C_lear PIN"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "clear",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "kefu-staff-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (clear_pin_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Adding */

static void
show_add_message (KefuStaffPage *self,
                  const char    *message)
{
  gtk_label_set_label (self->add_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->add_message), message != NULL);
}

void
_kefu_staff_page_add_changed_cb (KefuStaffPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->login_row), "error");
  show_add_message (self, NULL);
}

static void
member_added_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) member = g_object_steal_data (G_OBJECT (self), "kefu-adding");

  _kefu_staff_page_end (self);
  if (!kefu_store_create_staff_finish (KEFU_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE))
        gtk_widget_add_css_class (GTK_WIDGET (self->login_row), "error");
      show_add_message (self, error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("%s was added."), kefu_staff_get_name (member));

    _kefu_staff_page_toast (self, text);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
  show_add_message (self, NULL);
  _kefu_staff_page_reload (self);
}

void
_kefu_staff_page_add_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);
  g_autoptr(KefuStaff) member = kefu_staff_new ();
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autofree char *login = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row)));
  guint role = adw_combo_row_get_selected (self->role_row);
  guint department = adw_combo_row_get_selected (self->department_row);

  g_strstrip (name);
  g_strstrip (login);
  if (name[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      show_add_message (self, _("Enter the staff member’s name."));
      return;
    }
  if (login[0] == '\0' || strpbrk (login, " \t") != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->login_row), "error");
      show_add_message (self, _("Enter a login without spaces: letters, digits, dots or dashes."));
      return;
    }
  if (role == GTK_INVALID_LIST_POSITION || role >= N_ROLES)
    {
      show_add_message (self, _("Choose the staff member’s role."));
      return;
    }

  kefu_staff_set_name (member, name);
  kefu_staff_set_login (member, login);
  kefu_staff_set_role (member, (KefuRole) role);
  kefu_staff_set_department_id (member, _kefu_staff_page_department_at (self, department));
  kefu_staff_set_active (member, TRUE);
  g_object_set_data_full (G_OBJECT (self), "kefu-adding", g_object_ref (member), g_object_unref);
  _kefu_staff_page_begin (self);
  kefu_store_create_staff_async (self->store, member, self->cancellable, member_added_cb,
                                 g_object_ref (self));
}
