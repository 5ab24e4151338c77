/* test-complaint-window.c: the Complaints pane in the window: the sidebar's open count and urgent
 * marker following the database, a notification's action opening a complaint, and the
 * Complaints page of Preferences (the shared rules with their reasons, the routing rules).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-window"

#include "config.h"

#include "complaints/kefu-complaint-page.h"
#include "core/kefu-settings-keys.h"
#include "kefu-application.h"
#include "kefu-complaint-settings-page.h"
#include "kefu-window.h"
#include "widgets/kefu-sidebar-row.h"

#include "test-complaint-company.h"

static KefuSidebarRow *
complaints_row (KefuWindow *window)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (kefu_sidebar_row_get_pane_name (rows->pdata[i]), "complaints") == 0)
      return rows->pdata[i];

  g_assert_not_reached ();
}

/* The visible label with `text` under `root`, or NULL. */
static GtkLabel *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

/* A window over the dairy, with `staff_id` remembered as working here. */
static KefuWindow *
make_window (KefuApplication *application,
             KefuStore       *store,
             gint64           staff_id)
{
  kefu_test_remember_staff (store, staff_id);
  return kefu_test_present_window (application != NULL ? GTK_APPLICATION (application) : NULL,
                                   store, 1200, 800);
}

/* The sidebar counts the open complaints and marks the urgent ones, and follows the database
 * after each escalation check. */
static void
test_sidebar_marker (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kefu.db", NULL);
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  KefuSidebarRow *row;
  KefuWindow *window;
  GtkLabel *pill;
  Dairy dairy;
  gint64 first_id;

  kefu_test_reset_settings ();
  dairy_setup (store, &dairy);
  first_id = dairy_complaint (store, &dairy, dairy.clerk, "张三",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
  dairy_complaint (store, &dairy, dairy.clerk, "李四", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE);

  window = make_window (NULL, store, dairy.clerk);
  row = complaints_row (window);
  g_assert_cmpint (kefu_sidebar_row_get_count (row), ==, 2);
  g_assert_cmpint (kefu_sidebar_row_get_urgent (row), ==, 0);
  g_assert_null (find_visible_label (GTK_WIDGET (row), "1 urgent"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Complaints, 2");

  /* A harmed customer's complaint, saved at another workstation: the next check shows it. */
  dairy_complaint (store, &dairy, dairy.team_lead, "王五", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                   TRUE);
  kefu_complaint_watcher_check (kefu_window_get_complaint_watcher (window));
  kefu_test_wait_until (!kefu_window_get_busy (window) && kefu_sidebar_row_get_count (row) == 3);
  g_assert_cmpint (kefu_sidebar_row_get_urgent (row), ==, 1);
  pill = find_visible_label (GTK_WIDGET (row), "1 urgent");
  g_assert_nonnull (pill);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pill), "error"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Complaints, 3, 1 urgent");

  /* One waits past its deadline: the check escalates it and the row says it is overdue, to a
   * screen reader and in its tooltip. */
  dairy_make_overdue (path, first_id);
  kefu_complaint_watcher_check (kefu_window_get_complaint_watcher (window));
  kefu_test_wait_until (!kefu_window_get_busy (window) && kefu_sidebar_row_get_overdue (row) == 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Complaints, 3, 1 urgent, 1 overdue");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, "1 urgent, 1 overdue");
  {
    g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (store, first_id, NULL, NULL);

    g_assert_cmpint (kefu_complaint_card_get_escalation (card), >=, KEFU_ESCALATION_TEAM_LEAD);
  }

  /* Another database shows its own counts, and nothing of the first one meanwhile. */
  {
    g_autofree char *other_dir = kefu_test_make_dir ();
    g_autoptr(KefuStore) other = kefu_test_open_store (other_dir);

    kefu_window_show_loading (window, "/nowhere/kefu.db");
    g_assert_cmpint (kefu_sidebar_row_get_count (row), ==, -1);
    g_assert_cmpint (kefu_sidebar_row_get_urgent (row), ==, -1);
    g_assert_null (find_visible_label (GTK_WIDGET (row), "1 urgent"));
    kefu_window_set_store (window, other);
    kefu_test_wait_until (!kefu_window_get_busy (window));
    g_assert_cmpint (kefu_sidebar_row_get_count (row), ==, 0);
    kefu_window_show_loading (window, "/nowhere/kefu.db");
    g_clear_object (&other);
    kefu_test_remove_dir (other_dir);
  }

  kefu_test_close_window (GTK_WINDOW (window), &store, dir);
}

/* A notification's default action (app.open-complaint) brings up the window on the complaint's
 * detail page. */
static void
test_open_complaint_action (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuApplication) application = NULL;
  KefuComplaintPage *page;
  KefuWindow *window;
  Dairy dairy;
  gint64 id;

  kefu_test_reset_settings ();
  dairy_setup (store, &dairy);
  dairy_complaint (store, &dairy, dairy.clerk, "张三", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
  id = dairy_complaint (store, &dairy, dairy.clerk, "李四", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                        TRUE);

  /* Not owning a name on the session bus: the test needs the application's actions. */
  application = kefu_test_make_application ();
  window = make_window (application, store, dairy.qc_manager);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");

  g_test_message ("Opening complaint %" G_GINT64_FORMAT, id);
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-complaint",
                                  g_variant_new_int64 (id));
  kefu_test_wait_until (!kefu_window_get_busy (window));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "complaints");
  page = KEFU_COMPLAINT_PAGE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_COMPLAINT_PAGE));
  g_assert_cmpint (kefu_complaint_page_get_complaint_id (page), ==, id);

  g_test_message ("Closing the window");
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  /* Asked for while the database is still opening (Kefu started by the notification): the page
   * opens once the database is open and who works is known. */
  window = kefu_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  kefu_window_show_loading (window, kefu_store_get_description (store));
  kefu_window_open_complaint (window, id);
  kefu_window_set_store (window, store);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "complaints");
  page = KEFU_COMPLAINT_PAGE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_COMPLAINT_PAGE));
  g_assert_cmpint (kefu_complaint_page_get_complaint_id (page), ==, id);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

static gboolean
page_busy (KefuComplaintSettingsPage *page)
{
  gboolean busy = FALSE;

  g_object_get (page, "busy", &busy, NULL);
  return busy;
}

static KefuComplaintSettingsPage *
make_settings_page (KefuStore  *store,
                    gint64      staff_id,
                    GtkWindow **window_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (store, staff_id, NULL, &error);
  KefuComplaintSettingsPage *page;
  GtkWindow *window;

  g_assert_no_error (error);
  kefu_store_set_actor (store, staff_id);
  page = kefu_complaint_settings_page_new (store, staff);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 700, 900);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);

  kefu_test_wait_until (!page_busy (page));
  kefu_test_flush ();

  *window_out = window;
  return page;
}

static void
wait_page (KefuComplaintSettingsPage *page)
{
  kefu_test_flush ();
  kefu_test_wait_until (!page_busy (page));
  kefu_test_flush ();
}

static char *
setting (KefuStore  *store,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = kefu_store_get_setting (store, key, NULL, &error);

  g_assert_no_error (error);
  return value;
}

/* Working days are seven toggles: none is refused with the core's reason under the row and
 * nothing is written; Monday to Friday is saved as "1-5". A number out of range says so too. */
static void
test_settings_validate_and_save (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) toggles = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) reason = NULL;
  g_autofree char *days = NULL;
  g_autofree char *hours = NULL;
  KefuComplaintSettingsPage *page;
  GtkEditable *ack_hours = NULL;
  GtkWindow *window;
  Dairy dairy;

  dairy_setup (store, &dairy);
  page = make_settings_page (store, dairy.cs_manager, &window);

  /* The defaults show: Monday to Saturday. */
  toggles = kefu_test_find_all (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_cmpuint (toggles->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (toggles->pdata[i]), ==, i < 6);

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (toggles->pdata[i], FALSE);
  g_assert_false (kefu_setting_validate (KEFU_SETTING_WORK_DAYS, "", &reason));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (page), reason->message));
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "settings-no-days");
  gtk_widget_activate_action (GTK_WIDGET (page), "complaint-settings.save", NULL);
  wait_page (page);
  days = setting (store, KEFU_SETTING_WORK_DAYS);
  g_assert_null (days);

  /* An acknowledgement time of 0 hours is refused with its reason as well. */
  entries = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);
  for (guint i = 0; i < entries->len; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (entries->pdata[i]), "Acknowledge Within"))
      ack_hours = entries->pdata[i];
  g_assert_nonnull (ack_hours);
  g_assert_cmpstr (gtk_editable_get_text (ack_hours), ==, "2");
  gtk_editable_set_text (ack_hours, "0");
  {
    g_autoptr(GError) ack_reason = NULL;

    g_assert_false (kefu_setting_validate (KEFU_SETTING_COMPLAINT_ACK_HOURS, "0", &ack_reason));
    g_assert_nonnull (find_visible_label (GTK_WIDGET (page), ack_reason->message));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ack_hours), "error"));
  }
  gtk_editable_set_text (ack_hours, "4");

  /* Monday to Friday, and the reason goes away. */
  for (guint i = 0; i < 5; i++)
    gtk_toggle_button_set_active (toggles->pdata[i], TRUE);
  g_assert_null (find_visible_label (GTK_WIDGET (page), reason->message));
  gtk_widget_activate_action (GTK_WIDGET (page), "complaint-settings.save", NULL);
  wait_page (page);
  days = setting (store, KEFU_SETTING_WORK_DAYS);
  g_assert_cmpstr (days, ==, "1-5");
  hours = setting (store, KEFU_SETTING_COMPLAINT_ACK_HOURS);
  g_assert_cmpstr (hours, ==, "4");

  kefu_test_close_window (window, &store, dir);
}

/* A clerk sees the rules but cannot change them. */
static void
test_settings_read_only (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) toggles = NULL;
  g_autofree char *days = NULL;
  KefuComplaintSettingsPage *page;
  GtkWindow *window;
  Dairy dairy;

  dairy_setup (store, &dairy);
  page = make_settings_page (store, dairy.clerk, &window);

  g_assert_nonnull (find_visible_label (GTK_WIDGET (page),
                                        "These rules are shared by every workstation. Only a manager can change them."));
  toggles = kefu_test_find_all (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_false (gtk_widget_is_sensitive (toggles->pdata[0]));
  gtk_toggle_button_set_active (toggles->pdata[6], TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "complaint-settings.save", NULL);
  wait_page (page);
  days = setting (store, KEFU_SETTING_WORK_DAYS);
  g_assert_null (days);

  kefu_test_close_window (window, &store, dir);
}

/* The row of `department` in the routing group of the n-th category shown (0: product quality,
 * 1: service quality) and its two check boxes. */
static AdwActionRow *
routing_row (KefuComplaintSettingsPage *page,
             const char                *department,
             guint                      nth,
             GtkCheckButton           **routed,
             GtkCheckButton           **harmed_only)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), department) == 0 && nth-- == 0)
      {
        g_autoptr(GPtrArray) checks = kefu_test_find_all (rows->pdata[i], GTK_TYPE_CHECK_BUTTON);

        g_assert_cmpuint (checks->len, ==, 2);
        *routed = checks->pdata[0];
        *harmed_only = checks->pdata[1];
        return rows->pdata[i];
      }

  g_assert_not_reached ();
}

static char *
departments_of (KefuStore *store,
                gint64     complaint_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (store, complaint_id, NULL,
                                                                     &error);

  g_assert_no_error (error);
  return g_strdup (kefu_complaint_card_get_departments (card));
}

/* Routing rules saved on the page change where the next complaint goes; Reset to Defaults
 * brings the role defaults back. */
static void
test_settings_routing (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reset = NULL;
  GtkCheckButton *routed, *harmed_only;
  KefuComplaintSettingsPage *page;
  GtkWindow *window;
  Dairy dairy;

  dairy_setup (store, &dairy);
  kefu_store_set_system_actor (store);
  dairy_staff (store, "孙丽", "sunli", KEFU_ROLE_MARKETING_DIRECTOR, dairy.marketing_department);
  before = departments_of (store, dairy_complaint (store, &dairy, dairy.clerk, "张三",
                                                   KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE));
  g_assert_cmpstr (before, ==, "客服中心");

  page = make_settings_page (store, dairy.cs_manager, &window);

  gtk_window_set_default_size (window, 700, 2000);
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "settings-routing");

  /* The defaults show: service quality goes to the CS centre, not to marketing. */
  routing_row (page, "客服中心", 1, &routed, &harmed_only);
  g_assert_true (gtk_check_button_get_active (routed));
  routing_row (page, "营销部", 1, &routed, &harmed_only);
  g_assert_false (gtk_check_button_get_active (routed));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (harmed_only)));

  /* Service complaints to marketing instead. */
  gtk_check_button_set_active (routed, TRUE);
  routing_row (page, "客服中心", 1, &routed, &harmed_only);
  gtk_check_button_set_active (routed, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (page), "complaint-settings.save-routing", NULL);
  wait_page (page);

  after = departments_of (store, dairy_complaint (store, &dairy, dairy.clerk, "李四",
                                                  KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE));
  g_assert_cmpstr (after, ==, "营销部");
  /* The page shows what was saved. */
  routing_row (page, "营销部", 1, &routed, &harmed_only);
  g_assert_true (gtk_check_button_get_active (routed));

  kefu_store_set_actor (store, dairy.cs_manager);
  gtk_widget_activate_action (GTK_WIDGET (page), "complaint-settings.reset-routing", "i",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  wait_page (page);
  reset = departments_of (store, dairy_complaint (store, &dairy, dairy.clerk, "王五",
                                                  KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE));
  g_assert_cmpstr (reset, ==, "客服中心");
  routing_row (page, "客服中心", 1, &routed, &harmed_only);
  g_assert_true (gtk_check_button_get_active (routed));

  kefu_test_close_window (window, &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/ui/complaint-window/sidebar-marker", test_sidebar_marker);
  g_test_add_func ("/kefu/ui/complaint-window/open-complaint-action", test_open_complaint_action);
  g_test_add_func ("/kefu/ui/complaint-window/settings-validate-and-save",
                   test_settings_validate_and_save);
  g_test_add_func ("/kefu/ui/complaint-window/settings-read-only", test_settings_read_only);
  g_test_add_func ("/kefu/ui/complaint-window/settings-routing", test_settings_routing);

  return kefu_test_run (data_home);
}
