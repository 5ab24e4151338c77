/* kefu-staff-page.c: staff administration in Preferences.
 *
 * The list is rebuilt from the store after each change (a staff list is a few dozen rows, so
 * one AdwExpanderRow per member is enough); every store call runs on the store's worker and is
 * cancelled when the page goes away.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-staff-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-roles.h"
#include "core/kefu-text.h"
#include "store/kefu-store-roles.h"

#include "kefu-staff-page-private.h"


G_DEFINE_FINAL_TYPE (KefuStaffPage, kefu_staff_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  PROP_LAST_PASSWORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


gboolean
_kefu_staff_page_is_server (KefuStaffPage *self)
{
  return self->store != NULL &&
         kefu_store_get_backend (self->store) == KEFU_STORE_BACKEND_POSTGRES;
}

static gboolean
can_manage (KefuStaffPage *self)
{
  return self->staff != NULL && kefu_role_can_manage_staff (kefu_staff_get_role (self->staff));
}

void
_kefu_staff_page_begin (KefuStaffPage *self)
{
  if (self->pending++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_kefu_staff_page_end (KefuStaffPage *self)
{
  g_return_if_fail (self->pending > 0);
  if (--self->pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_kefu_staff_page_toast (KefuStaffPage *self,
       const char    *text)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static GtkStringList *
role_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (int role = 0; role < N_ROLES; role++)
    gtk_string_list_append (names, kefu_role_get_display_name ((KefuRole) role));
  return names;
}

/* "No department" first, then the departments in the store's order. */
static GtkStringList *
department_names (KefuStaffPage *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("department", "None"));
  for (guint i = 0; self->departments != NULL && i < g_list_model_get_n_items (self->departments);
       i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (self->departments, i);

      gtk_string_list_append (names, kefu_department_get_name (department));
    }
  return names;
}

static guint
department_position (KefuStaffPage *self,
                     gint64         department_id)
{
  for (guint i = 0; self->departments != NULL && i < g_list_model_get_n_items (self->departments);
       i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (self->departments, i);

      if (kefu_record_get_id (KEFU_RECORD (department)) == department_id)
        return i + 1;
    }
  return 0;
}

gint64
_kefu_staff_page_department_at (KefuStaffPage *self,
               guint          position)
{
  g_autoptr(KefuDepartment) department = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->departments == NULL)
    return 0;
  department = g_list_model_get_item (self->departments, position - 1);
  return department != NULL ? kefu_record_get_id (KEFU_RECORD (department)) : 0;
}

KefuStaff *
_kefu_staff_page_find_member (KefuStaffPage *self,
             gint64         staff_id)
{
  for (guint i = 0; self->members != NULL && i < g_list_model_get_n_items (self->members); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (self->members, i);

      if (kefu_record_get_id (KEFU_RECORD (member)) == staff_id)
        return member;
    }
  return NULL;
}

/* Rows */

static void
role_selected_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "kefu-staff-id"));

  if (!self->filling)
    gtk_widget_activate_action (GTK_WIDGET (self), "staff-admin.set-role", "(xi)", id,
                                (gint32) adw_combo_row_get_selected (row));
}

static void
department_selected_cb (AdwComboRow *row,
                        GParamSpec  *pspec,
                        gpointer     user_data)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "kefu-staff-id"));

  if (!self->filling)
    gtk_widget_activate_action (GTK_WIDGET (self), "staff-admin.set-department", "(xx)", id,
                                _kefu_staff_page_department_at (self,
                                                                adw_combo_row_get_selected (row)));
}

static void
active_changed_cb (AdwSwitchRow *row,
                   GParamSpec   *pspec,
                   gpointer      user_data)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "kefu-staff-id"));

  if (!self->filling)
    gtk_widget_activate_action (GTK_WIDGET (self), "staff-admin.set-active", "(xb)", id,
                                adw_switch_row_get_active (row));
}

static char *
member_subtitle (KefuStaffPage *self,
                 KefuStaff     *member)
{
  const char *login = g_hash_table_lookup (self->logins,
                                           &(gint64) { kefu_record_get_id (KEFU_RECORD (member)) });
  GString *text = g_string_new (kefu_role_get_display_name (kefu_staff_get_role (member)));

  if (!kefu_staff_get_active (member))
    /* Translators: appended to a staff member's role in the staff list. */
    g_string_append_printf (text, " · %s", _("inactive"));
  if (login != NULL)
    /* Translators: the member's login on the PostgreSQL server. */
    g_string_append_printf (text, " · %s", login);
  else if (_kefu_staff_page_is_server (self))
    g_string_append_printf (text, " · %s", _("no server login yet"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
member_row (KefuStaffPage *self,
            KefuStaff     *member)
{
  gint64 id = kefu_record_get_id (KEFU_RECORD (member));
  gpointer id_data = GSIZE_TO_POINTER ((gsize) id);
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autoptr(GtkStringList) roles = role_names ();
  g_autoptr(GtkStringList) departments = department_names (self);
  g_autofree char *subtitle = member_subtitle (self, member);
  AdwComboRow *role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  AdwComboRow *department_row = ADW_COMBO_ROW (adw_combo_row_new ());
  AdwSwitchRow *active_row = ADW_SWITCH_ROW (adw_switch_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kefu_staff_get_name (member));
  adw_expander_row_set_subtitle (row, subtitle);
  if (!kefu_staff_get_active (member))
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("Role"));
  adw_combo_row_set_model (role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (role_row, (guint) kefu_staff_get_role (member));
  g_object_set_data (G_OBJECT (role_row), "kefu-staff-id", id_data);
  g_signal_connect (role_row, "notify::selected", G_CALLBACK (role_selected_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (role_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (department_row), _("Department"));
  adw_combo_row_set_model (department_row, G_LIST_MODEL (departments));
  adw_combo_row_set_selected (department_row,
                              department_position (self, kefu_staff_get_department_id (member)));
  g_object_set_data (G_OBJECT (department_row), "kefu-staff-id", id_data);
  g_signal_connect (department_row, "notify::selected", G_CALLBACK (department_selected_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (department_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (active_row), _("Active"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (active_row),
                               _("An inactive member cannot sign in or be chosen, and keeps their "
                                 "name in the history."));
  adw_switch_row_set_active (active_row, kefu_staff_get_active (member));
  g_object_set_data (G_OBJECT (active_row), "kefu-staff-id", id_data);
  g_signal_connect (active_row, "notify::active", G_CALLBACK (active_changed_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (active_row));

  if (_kefu_staff_page_is_server (self))
    {
      gboolean has_login = g_hash_table_contains (self->logins, &id);
      AdwButtonRow *button = ADW_BUTTON_ROW (adw_button_row_new ());

      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (button), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (button),
                                     has_login ? _("_Reset Password…")
                                               : _("Create Server _Login"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                      has_login ? "staff-admin.reset-password"
                                                : "staff-admin.create-login");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
      adw_expander_row_add_row (row, GTK_WIDGET (button));
    }

  if (_kefu_staff_page_can_clear_pins (self) && self->pins != NULL &&
      g_hash_table_contains (self->pins, &id))
    {
      AdwButtonRow *button = ADW_BUTTON_ROW (adw_button_row_new ());

      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (button), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (button), _("Clear _PIN…"));
      gtk_widget_add_css_class (GTK_WIDGET (button), "destructive-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "staff-admin.clear-pin");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
      adw_expander_row_add_row (row, GTK_WIDGET (button));
    }

  /* The built-in system member is not a person: shown, never changed. */
  gtk_widget_set_sensitive (GTK_WIDGET (row),
                            g_strcmp0 (kefu_staff_get_login (member), "system") != 0);
  return GTK_WIDGET (row);
}

void
_kefu_staff_page_fill_list (KefuStaffPage *self)
{
  g_autoptr(GtkStringList) departments = department_names (self);

  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; self->members != NULL && i < g_list_model_get_n_items (self->members); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (self->members, i);
      GtkWidget *row = member_row (self, member);

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (departments));
  self->filling = FALSE;
}

/* Loading: the staff, then the departments, then (PostgreSQL) the logins. */

static void
logins_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *logins = kefu_store_list_logins_finish (KEFU_STORE (source), result, &error);

  if (logins != NULL)
    {
      g_clear_pointer (&self->logins, g_hash_table_unref);
  g_clear_pointer (&self->pins, g_hash_table_unref);
      self->logins = logins;
      _kefu_staff_page_fill_list (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _kefu_staff_page_toast (self, error->message);
  _kefu_staff_page_end (self);
}

static gpointer
list_departments (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return kefu_store_list_departments (store, cancellable, error);
}

static void
departments_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *departments = kefu_store_run_finish (KEFU_STORE (source), result, &error);

  if (departments == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kefu_staff_page_toast (self, error->message);
      _kefu_staff_page_end (self);
      return;
    }
  g_set_object (&self->departments, departments);
  g_object_unref (departments);
  /* On SQLite there are no server logins; the PINs are what a manager may clear. */
  if (_kefu_staff_page_can_clear_pins (self))
    {
      _kefu_staff_page_load_pins (self);
      return;
    }
  kefu_store_list_logins_async (self->store, self->cancellable, logins_loaded_cb,
                                g_object_ref (self));
}

static void
staff_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *members = kefu_store_list_staff_finish (KEFU_STORE (source), result, &error);

  if (members == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kefu_staff_page_toast (self, error->message);
      _kefu_staff_page_end (self);
      return;
    }
  g_set_object (&self->members, members);
  g_object_unref (members);
  kefu_store_run_async (self->store, list_departments, NULL, NULL, self->cancellable,
                        departments_loaded_cb, g_object_ref (self));
}

void
_kefu_staff_page_reload (KefuStaffPage *self)
{
  if (self->store == NULL)
    return;
  _kefu_staff_page_begin (self);
  kefu_store_list_staff_async (self->store, FALSE, self->cancellable, staff_loaded_cb,
                               g_object_ref (self));
}

/* Changes */

static void
member_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kefu_store_update_staff_finish (KEFU_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _kefu_staff_page_toast (self, error->message);
  _kefu_staff_page_end (self);
  /* Refused or not, the list shows what the database now holds. */
  _kefu_staff_page_reload (self);
}

static void
save_member (KefuStaffPage *self,
             KefuStaff     *member)
{
  _kefu_staff_page_begin (self);
  kefu_store_update_staff_async (self->store, member, self->cancellable, member_saved_cb,
                                 g_object_ref (self));
}

static void
set_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);
  gint64 id;
  gint32 role;
  KefuStaff *member;

  g_variant_get (parameter, "(xi)", &id, &role);
  member = _kefu_staff_page_find_member (self, id);
  if (member == NULL || role < 0 || role >= N_ROLES ||
      (gint32) kefu_staff_get_role (member) == role)
    return;
  kefu_staff_set_role (member, (KefuRole) role);
  save_member (self, member);
}

static void
set_department_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);
  gint64 id;
  gint64 department_id;
  KefuStaff *member;

  g_variant_get (parameter, "(xx)", &id, &department_id);
  member = _kefu_staff_page_find_member (self, id);
  if (member == NULL || kefu_staff_get_department_id (member) == department_id)
    return;
  kefu_staff_set_department_id (member, department_id);
  save_member (self, member);
}

static void
set_active_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (widget);
  gint64 id;
  gboolean active;
  KefuStaff *member;

  g_variant_get (parameter, "(xb)", &id, &active);
  member = _kefu_staff_page_find_member (self, id);
  if (member == NULL || !kefu_staff_get_active (member) == !active)
    return;
  /* Nobody deactivates themselves: the page would lock its own user out. */
  if (!active && self->staff != NULL &&
      id == kefu_record_get_id (KEFU_RECORD (self->staff)))
    {
      _kefu_staff_page_toast (self, _("You cannot deactivate yourself. Ask another manager."));
      _kefu_staff_page_reload (self);
      return;
    }
  kefu_staff_set_active (member, active);
  save_member (self, member);
}

void
_kefu_staff_page_notify_last_password (KefuStaffPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_PASSWORD]);
}

/* GObject */

static void
kefu_staff_page_dispose (GObject *object)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_STAFF_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_object (&self->members);
  g_clear_object (&self->departments);
  g_clear_pointer (&self->logins, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->last_password != NULL)
    memset (self->last_password, 0, strlen (self->last_password));
  g_clear_pointer (&self->last_password, g_free);

  G_OBJECT_CLASS (kefu_staff_page_parent_class)->dispose (object);
}

static void
kefu_staff_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->pending > 0);
      break;
    case PROP_LAST_PASSWORD:
      g_value_set_string (value, self->last_password);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_sensitivity (KefuStaffPage *self)
{
  gboolean manage = can_manage (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->list_group), manage);
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff-admin.add", manage);
}

static void
kefu_staff_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuStaffPage *self = KEFU_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          g_object_notify_by_pspec (object, properties[PROP_STORE]);
          _kefu_staff_page_reload (self);
        }
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          update_sensitivity (self);
          g_object_notify_by_pspec (object, properties[PROP_STAFF]);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_staff_page_class_init (KefuStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_staff_page_dispose;
  object_class->get_property = kefu_staff_page_get_property;
  object_class->set_property = kefu_staff_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_PASSWORD] =
    g_param_spec_string ("last-password", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, list_group);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, add_group);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffPage, add_message);
  gtk_widget_class_bind_template_callback_full (widget_class, "add_changed_cb",
                                                G_CALLBACK (_kefu_staff_page_add_changed_cb));

  gtk_widget_class_install_action (widget_class, "staff-admin.add", NULL,
                                   _kefu_staff_page_add_action);
  gtk_widget_class_install_action (widget_class, "staff-admin.set-role", "(xi)", set_role_action);
  gtk_widget_class_install_action (widget_class, "staff-admin.clear-pin", "x",
                                   _kefu_staff_page_clear_pin_action);
  gtk_widget_class_install_action (widget_class, "staff-admin.set-department", "(xx)",
                                   set_department_action);
  gtk_widget_class_install_action (widget_class, "staff-admin.set-active", "(xb)",
                                   set_active_action);
  gtk_widget_class_install_action (widget_class, "staff-admin.create-login", "x",
                                   _kefu_staff_page_create_login_action);
  gtk_widget_class_install_action (widget_class, "staff-admin.reset-password", "x",
                                   _kefu_staff_page_reset_password_action);
}

static void
kefu_staff_page_init (KefuStaffPage *self)
{
  g_autoptr(GtkStringList) roles = role_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->logins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, KEFU_ROLE_CLERK);
  update_sensitivity (self);
}

KefuStaffPage *
kefu_staff_page_new (KefuStore *store,
                     KefuStaff *staff)
{
  return g_object_new (KEFU_TYPE_STAFF_PAGE, "staff", staff, "store", store, NULL);
}
