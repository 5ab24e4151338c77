/* test-window.c: the main window over a real store: panes, counts, who is working, accessibility
 * of the icon-only buttons. Opening databases through the application is in
 * test-window-database.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-window"

#include "config.h"

#include "kefu-application.h"
#include "kefu-staff-chooser.h"
#include "kefu-window.h"
#include "widgets/kefu-sidebar-row.h"

#include "kefu-ui-test.h"

static const struct {
  const char *name;
  const char *title;
} expected_panes[] = {
  { "intake", "Hotline Intake" },
  { "complaints", "Complaints" },
  { "aftersales", "After-Sales" },
  { "callbacks", "Callbacks" },
  { "customers", "Customers" },
  { "dashboard", "Dashboard" },
};

static void
add_customer (KefuStore  *store,
              const char *name,
              const char *phone)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
}

/* A window over a store with one clerk (remembered as working here) and three customers. */
static KefuWindow *
make_window (KefuStore *store,
             gint64    *clerk_id)
{
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  KefuWindow *window;
  gint64 id;

  kefu_test_add_staff (store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD);
  id = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  kefu_store_set_actor (store, id);
  add_customer (store, "李娜", "13800138000");
  add_customer (store, "张伟", "13912345678");
  add_customer (store, "刘洋", "010-62345678");
  kefu_store_set_actor (store, 0);

  g_settings_set_string (settings, "current-staff-database", kefu_store_get_description (store));
  g_settings_set_int64 (settings, "current-staff-id", id);

  window = kefu_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  kefu_window_set_store (window, store);
  kefu_test_wait_until (!kefu_window_get_busy (window));

  *clerk_id = id;
  return window;
}

/* Destroys the window, then closes its store and removes the store's folder. */
static void
close_window (KefuWindow  *window,
              KefuStore  **store,
              const char  *dir)
{
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (store);
  kefu_test_remove_dir (dir);
}

static void
test_window_panes (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) rows = NULL;
  KefuWindow *window;
  GtkListBox *sidebar;
  gint64 clerk_id;

  kefu_test_reset_settings ();
  window = make_window (store, &clerk_id);

  g_assert_cmpstr (kefu_window_get_page (window), ==, "panes");

  /* The sidebar lists the six panes, in order, with their icons. */
  rows = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_SIDEBAR_ROW);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected_panes));
  for (guint i = 0; i < rows->len; i++)
    {
      KefuSidebarRow *row = rows->pdata[i];

      g_assert_cmpstr (kefu_sidebar_row_get_pane_name (row), ==, expected_panes[i].name);
      g_assert_cmpstr (kefu_sidebar_row_get_title (row), ==, expected_panes[i].title);
      g_assert_nonnull (kefu_sidebar_row_get_icon_name (row));
      g_assert_cmpstr (kefu_window_get_pane_names ()[i], ==, expected_panes[i].name);
    }

  /* Choosing a row in the sidebar shows that pane, titled as the row. */
  sidebar = GTK_LIST_BOX (gtk_widget_get_parent (rows->pdata[0]));
  for (guint i = G_N_ELEMENTS (expected_panes); i-- > 0;)
    {
      gtk_list_box_select_row (sidebar, rows->pdata[i]);
      g_signal_emit_by_name (sidebar, "row-activated", rows->pdata[i]);
      kefu_test_flush ();

      g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, expected_panes[i].name);
      /* Every pane is built: its own widget shows, no placeholder (each pane's tests drive
       * it). */
      {
        g_autoptr(GPtrArray) pages = kefu_test_find_all (GTK_WIDGET (window),
                                                         ADW_TYPE_STATUS_PAGE);

        for (guint p = 0; p < pages->len; p++)
          if (gtk_widget_get_mapped (pages->pdata[p]))
            g_assert_cmpstr (adw_status_page_get_title (pages->pdata[p]), !=,
                             expected_panes[i].title);
      }
    }

  /* The pane shortcuts (Alt+1 … Alt+6) go through the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pane.show", "s", "aftersales"));
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  g_assert_true (gtk_list_box_row_is_selected (rows->pdata[2]));

  g_assert_false (kefu_window_select_pane (window, "no-such-pane"));
  g_assert_true (kefu_window_select_pane (window, "callbacks"));
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "callbacks");

  /* The customer count comes from the store; panes without a count show none. */
  g_assert_cmpint (kefu_sidebar_row_get_count (rows->pdata[4]), ==, 3);
  g_assert_cmpint (kefu_sidebar_row_get_count (rows->pdata[0]), ==, -1);

  /* The remembered clerk is working, and every write is recorded against them. */
  g_assert_nonnull (kefu_window_get_staff (window));
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_window_get_staff (window))), ==, clerk_id);
  g_assert_cmpint (kefu_store_get_actor (store), ==, clerk_id);

  close_window (window, &store, dir);
}

static void
test_window_counts_follow_store (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) rows = NULL;
  KefuWindow *window;
  gint64 clerk_id;
  int width, height;

  kefu_test_reset_settings ();
  window = make_window (store, &clerk_id);
  rows = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_SIDEBAR_ROW);
  g_assert_cmpint (kefu_sidebar_row_get_count (rows->pdata[4]), ==, 3);

  /* A new customer shows in the count once the window looks again (it does on activation). */
  kefu_store_set_actor (store, clerk_id);
  add_customer (store, "陈静", "13700001111");
  kefu_window_set_store (window, store);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  g_assert_cmpint (kefu_sidebar_row_get_count (rows->pdata[4]), ==, 4);

  /* Closing the window remembers its size for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);

    g_object_ref (window);
    gtk_window_set_default_size (GTK_WINDOW (window), 910, 655);
    gtk_window_close (GTK_WINDOW (window));
    kefu_test_flush ();
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 910);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 655);
    g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
    g_object_unref (window);

    window = kefu_window_new (NULL);
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 910);
    g_assert_cmpint (height, ==, 655);
    gtk_window_present (GTK_WINDOW (window));
    kefu_window_set_store (window, store);
    kefu_test_wait_until (!kefu_window_get_busy (window));
    g_ptr_array_unref (rows);
    rows = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_SIDEBAR_ROW);
  }

  /* While another database opens, nothing of the old one is shown. */
  kefu_window_show_loading (window, "/nowhere/kefu.db");
  g_assert_cmpstr (kefu_window_get_page (window), ==, "loading");
  g_assert_true (kefu_window_get_busy (window));
  g_assert_cmpint (kefu_sidebar_row_get_count (rows->pdata[4]), ==, -1);
  g_assert_null (kefu_window_get_store (window));
  g_assert_null (kefu_window_get_staff (window));

  close_window (window, &store, dir);
}

static void
test_window_staff_belongs_to_database (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *other_dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuStore) other = kefu_test_open_store (other_dir);
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  KefuWindow *window;
  AdwDialog *dialog;
  gint64 clerk_id, other_id;

  kefu_test_reset_settings ();
  window = make_window (store, &clerk_id);
  g_assert_nonnull (kefu_window_get_staff (window));

  /* The other database has a staff member with the same id, but nobody chose them: the
   * window asks instead of recording changes against a stranger. */
  kefu_test_add_staff (other, "钱多多", "qianduoduo", KEFU_ROLE_TEAM_LEAD);
  other_id = kefu_test_add_staff (other, "孙悦", "sunyue", KEFU_ROLE_CLERK);
  g_assert_cmpint (other_id, ==, clerk_id);

  kefu_window_set_store (window, other);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  g_assert_null (kefu_window_get_staff (window));
  g_assert_cmpint (kefu_store_get_actor (other), ==, 0);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (KEFU_IS_STAFF_CHOOSER (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (&store);
  g_clear_object (&other);
  kefu_test_remove_dir (dir);
  kefu_test_remove_dir (other_dir);
}

static void
test_window_accessibility (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) menu_buttons = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KefuWindow *window;
  gint64 clerk_id;

  kefu_test_reset_settings ();
  window = make_window (store, &clerk_id);

  /* Every primary menu button (one per page of the window) is labelled for screen readers;
   * the panes' own menus are tested with the panes. */
  menu_buttons = kefu_test_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  for (guint i = menu_buttons->len; i-- > 0;)
    if (!gtk_menu_button_get_primary (menu_buttons->pdata[i]))
      g_ptr_array_remove_index (menu_buttons, i);
  g_assert_cmpuint (menu_buttons->len, ==, 3);
  for (guint i = 0; i < menu_buttons->len; i++)
    {
      GtkWidget *menu_button = menu_buttons->pdata[i];

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu_button),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
      g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");
      g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
    }

  /* The button that shows who is working says so, and what it does. */
  {
    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);
    GtkWidget *staff_button = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "app.switch-staff") == 0)
        staff_button = buttons->pdata[i];

    g_assert_nonnull (staff_button);
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (staff_button), GTK_ACCESSIBLE_ROLE_BUTTON);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (staff_button),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Working: 王芳. Switch staff member");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (staff_button), ==, "Switch Staff Member");
  }

  /* A sidebar row's accessible name carries its count. */
  rows = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_SIDEBAR_ROW);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rows->pdata[4]),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Customers, 3");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rows->pdata[0]),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hotline Intake");

  close_window (window, &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/ui/window/panes", test_window_panes);
  g_test_add_func ("/kefu/ui/window/counts-follow-store", test_window_counts_follow_store);
  g_test_add_func ("/kefu/ui/window/staff-belongs-to-database", test_window_staff_belongs_to_database);
  g_test_add_func ("/kefu/ui/window/accessibility", test_window_accessibility);

  status = g_test_run ();
  kefu_test_remove_dir (data_home);

  return status;
}
