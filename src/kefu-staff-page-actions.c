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
