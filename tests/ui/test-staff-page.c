/* test-staff-page.c: the Staff page of Preferences: a manager adds a staff member (refused with
 * its reason when the name is missing or the login taken), changes a member's role and
 * deactivates them, on SQLite; on PostgreSQL also creates the member's server login, whose
 * one-time password is shown once. A clerk sees the list but cannot change it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-staff-page"

#include "config.h"

#include "store/kefu-store-pin.h"
#include "store/kefu-store-roles.h"
#include "kefu-staff-page.h"

#include "../store/kefu-test-pg.h"
#include "kefu-ui-test.h"

static gboolean
page_busy (KefuStaffPage *page)
{
  gboolean busy = FALSE;

  g_object_get (page, "busy", &busy, NULL);
  return busy;
}

static void
wait_page (KefuStaffPage *page)
{
  kefu_test_flush ();
  kefu_test_wait_until (!page_busy (page));
  kefu_test_flush ();
}

static KefuStaffPage *
make_page (KefuStore  *store,
           gint64      staff_id,
           GtkWindow **window_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (store, staff_id, NULL, &error);
  KefuStaffPage *page;
  GtkWindow *window;

  g_assert_no_error (error);
  kefu_store_set_actor (store, staff_id);
  page = kefu_staff_page_new (store, staff);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 720, 1000);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  wait_page (page);
  *window_out = window;
  return page;
}

static AdwEntryRow *
entry_titled (GtkWidget  *page,
              const char *title)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (page, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("no entry row %s", title);
  return NULL;
}

static char *
shown_error (GtkWidget *page)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (page, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error") &&
        gtk_widget_get_visible (labels->pdata[i]))
      return g_strdup (gtk_label_get_label (labels->pdata[i]));
  return NULL;
}

static guint
count_rows_named (GtkWidget  *page,
                  const char *name)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (page, ADW_TYPE_EXPANDER_ROW);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), name) == 0)
      n++;
  return n;
}

static KefuStaff *
staff_by_login (KefuStore  *store,
                const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = kefu_store_list_staff (store, FALSE, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

      if (g_strcmp0 (kefu_staff_get_login (member), login) == 0)
        return g_steal_pointer (&member);
    }
  return NULL;
}

/* Adds 王芳 through the page and returns her as stored. */
static KefuStaff *
add_member (KefuStaffPage *page,
            KefuStore     *store,
            const char    *login)
{
  GtkWidget *widget = GTK_WIDGET (page);
  g_autofree char *message = NULL;

  /* No name: refused with the reason, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (entry_titled (widget, "Login")), login);
  gtk_widget_activate_action (widget, "staff-admin.add", NULL);
  wait_page (page);
  message = shown_error (widget);
  g_assert_cmpstr (message, ==, "Enter the staff member’s name.");
  g_assert_null (staff_by_login (store, login));

  gtk_editable_set_text (GTK_EDITABLE (entry_titled (widget, "Name")), "王芳");
  g_clear_pointer (&message, g_free);
  message = shown_error (widget);
  g_assert_null (message);
  gtk_widget_activate_action (widget, "staff-admin.add", NULL);
  wait_page (page);
  g_assert_null (shown_error (widget));
  g_assert_cmpuint (count_rows_named (widget, "王芳"), ==, 1);
  /* The form is empty again for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_titled (widget, "Name"))), ==, "");
  return staff_by_login (store, login);
}

static void
check_add_change_deactivate (KefuStore *store,
                             gint64     manager)
{
  GtkWindow *window = NULL;
  KefuStaffPage *page = make_page (store, manager, &window);
  GtkWidget *widget = GTK_WIDGET (page);
  g_autoptr(KefuStaff) added = add_member (page, store, "wangfang");
  g_autoptr(KefuStaff) again = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  g_assert_nonnull (added);
  id = kefu_record_get_id (KEFU_RECORD (added));
  g_assert_cmpint (kefu_staff_get_role (added), ==, KEFU_ROLE_CLERK);
  g_assert_true (kefu_staff_get_active (added));
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "staff-page");

  /* The same login again: the store's reason under the form, nothing added. */
  gtk_editable_set_text (GTK_EDITABLE (entry_titled (widget, "Name")), "王芳二");
  gtk_editable_set_text (GTK_EDITABLE (entry_titled (widget, "Login")), "wangfang");
  gtk_widget_activate_action (widget, "staff-admin.add", NULL);
  wait_page (page);
  message = shown_error (widget);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "login"));
  g_assert_cmpuint (count_rows_named (widget, "王芳二"), ==, 0);

  /* Team lead, then deactivated: never deleted, still listed. */
  gtk_widget_activate_action (widget, "staff-admin.set-role", "(xi)", id,
                              (gint32) KEFU_ROLE_TEAM_LEAD);
  wait_page (page);
  gtk_widget_activate_action (widget, "staff-admin.set-active", "(xb)", id, FALSE);
  wait_page (page);
  again = kefu_store_get_staff (store, id, NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpint (kefu_staff_get_role (again), ==, KEFU_ROLE_TEAM_LEAD);
  g_assert_false (kefu_staff_get_active (again));
  g_assert_cmpuint (count_rows_named (widget, "王芳"), ==, 1);

  /* A manager does not lock themselves out. */
  gtk_widget_activate_action (widget, "staff-admin.set-active", "(xb)", manager, FALSE);
  wait_page (page);
  g_clear_object (&again);
  again = kefu_store_get_staff (store, manager, NULL, NULL);
  g_assert_true (kefu_staff_get_active (again));

  gtk_window_destroy (window);
  kefu_test_flush ();
}

static void
test_sqlite (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  gint64 manager = kefu_test_add_staff (store, "刘洋", "liuyang", KEFU_ROLE_CS_MANAGER);
  gint64 clerk = kefu_test_add_staff (store, "李娜", "lina", KEFU_ROLE_CLERK);
  GtkWindow *window = NULL;
  KefuStaffPage *page;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  check_add_change_deactivate (store, manager);

  /* A clerk sees the staff but may change nothing. */
  page = make_page (store, clerk, &window);
  g_assert_cmpuint (count_rows_named (GTK_WIDGET (page), "王芳"), ==, 1);
  groups = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), "Add a Staff Member") == 0)
      g_assert_false (gtk_widget_get_visible (groups->pdata[i]));
  rows = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_false (gtk_widget_is_sensitive (rows->pdata[0]));
  gtk_window_destroy (window);
  kefu_test_flush ();
  kefu_test_remove_dir (dir);
}

/* The rows that clear a member's PIN, with their member's id. */
static guint
count_clear_pin_rows (GtkWidget *page,
                      gint64     staff_id)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (page, ADW_TYPE_BUTTON_ROW);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (rows->pdata[i]);

      if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), "staff-admin.clear-pin") == 0 &&
          target != NULL && g_variant_get_int64 (target) == staff_id)
        n++;
    }
  return n;
}

static gboolean
has_pin (KefuStore *store,
         gint64     staff_id)
{
  g_autoptr(GError) error = NULL;
  gboolean pin = FALSE;

  g_assert_true (kefu_store_staff_has_pin (store, staff_id, &pin, NULL, &error));
  g_assert_no_error (error);
  return pin;
}

/* A manager clears a clerk's forgotten PIN on SQLite: Clear PIN… is shown for members with a
 * PIN only, asks first (Cancel keeps the PIN), then clears it; a clerk has no such action. */
static void
test_clear_pin (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  gint64 manager = kefu_test_add_staff (store, "刘洋", "liuyang", KEFU_ROLE_CS_MANAGER);
  gint64 clerk = kefu_test_add_staff (store, "李娜", "lina", KEFU_ROLE_CLERK);
  gint64 other = kefu_test_add_staff (store, "赵磊", "zhaolei", KEFU_ROLE_CLERK);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = NULL;
  KefuStaffPage *page;
  GtkWindow *window;
  AdwDialog *dialog;

  kefu_store_set_actor (store, clerk);
  g_assert_true (kefu_store_set_own_pin (store, NULL, "4821", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_pin (store, clerk));

  /* A clerk sees no Clear PIN…, not even for their own. */
  page = make_page (store, other, &window);
  g_assert_cmpuint (count_clear_pin_rows (GTK_WIDGET (page), clerk), ==, 0);
  gtk_window_destroy (window);
  kefu_test_flush ();

  /* The manager's page, in an AdwWindow so that its dialogs show inside it. */
  staff = kefu_store_get_staff (store, manager, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (store, manager);
  page = kefu_staff_page_new (store, staff);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 720, 1000);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  wait_page (page);
  g_assert_cmpuint (count_clear_pin_rows (GTK_WIDGET (page), clerk), ==, 1);
  g_assert_cmpuint (count_clear_pin_rows (GTK_WIDGET (page), other), ==, 0);
  g_assert_cmpuint (count_clear_pin_rows (GTK_WIDGET (page), manager), ==, 0);

  /* Cancel keeps the PIN. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff-admin.clear-pin", "x", clerk));
  kefu_test_flush ();
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), "李娜"));
  g_signal_emit_by_name (dialog, "response", "cancel");
  adw_dialog_force_close (dialog);
  wait_page (page);
  g_assert_true (has_pin (store, clerk));

  /* Clear: the clerk signs in without a PIN, and the action is gone from the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff-admin.clear-pin", "x", clerk));
  kefu_test_flush ();
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", "clear");
  adw_dialog_force_close (dialog);
  wait_page (page);
  kefu_test_wait_until (!has_pin (store, clerk));
  wait_page (page);
  g_assert_cmpuint (count_clear_pin_rows (GTK_WIDGET (page), clerk), ==, 0);

  gtk_window_destroy (window);
  kefu_test_flush ();
  kefu_test_remove_dir (dir);
}

static void
test_postgres (void)
{
  g_autofree char *location = kefu_test_pg_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) owner = kefu_store_open (location, NULL, &error);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuStaff) member = NULL;
  g_autoptr(GHashTable) logins = NULL;
  g_autoptr(GString) as_manager = g_string_new (location);
  g_autofree char *password = NULL;
  g_autofree char *manager_password = NULL;
  GtkWindow *window = NULL;
  KefuStaffPage *page;
  gint64 manager;

  /* The page works as the manager's own server login, held to the server's rules. */
  g_assert_no_error (error);
  manager = kefu_test_add_staff (owner, "刘洋", "liuyang", KEFU_ROLE_CS_MANAGER);
  kefu_store_set_system_actor (owner);
  manager_password = kefu_store_create_login (owner, manager, "liuyang", NULL, &error);
  g_assert_no_error (error);
  g_string_replace (as_manager, "user=postgres", "user=liuyang", 1);
  store = kefu_store_open (as_manager->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_get_session_staff_id (store), ==, manager);
  check_add_change_deactivate (store, manager);

  /* The server login of the member just added, made from the page: its one-time password is
   * shown, and the store knows the login. */
  page = make_page (store, manager, &window);
  member = staff_by_login (store, "wangfang");
  gtk_widget_activate_action (GTK_WIDGET (page), "staff-admin.create-login", "x",
                              kefu_record_get_id (KEFU_RECORD (member)));
  wait_page (page);
  g_object_get (page, "last-password", &password, NULL);
  g_assert_nonnull (password);
  g_assert_cmpuint (strlen (password), ==, 16);
  logins = kefu_store_list_logins (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (logins,
                                        &(gint64) { kefu_record_get_id (KEFU_RECORD (member)) }),
                   ==, "wangfang");
  gtk_window_destroy (window);
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);
  g_test_add_func ("/kefu/staff-page/sqlite", test_sqlite);
  g_test_add_func ("/kefu/staff-page/clear-pin", test_clear_pin);
  g_test_add_func ("/kefu/staff-page/postgres", test_postgres);
  return kefu_test_run (data_home);
}
