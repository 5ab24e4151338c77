/* test-archive-pin.c: archiving from a record page, and the PIN in "Who is working?".
 *
 * A team lead archives a customer from the customer page: the page asks first, the store keeps
 * the customer archived by the lead, the page shows the "Archived" banner, and Restore puts the
 * customer back. On a SQLite file a staff member with a PIN is asked for it: a wrong PIN is
 * refused and said so, after three wrong ones in a row the next try must wait, the right one
 * makes them the one working.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "kefu-ui-test.h"
#include "customers/kefu-customer-page.h"
#include "kefu-staff-chooser.h"
#include "store/kefu-store-archive.h"
#include "store/kefu-store-pin.h"
#include "widgets/kefu-archive-banner.h"

static gboolean
is_archived (KefuStore *store,
             gint64     customer_id,
             gint64    *archived_by)
{
  g_auto(KefuArchiveState) state = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_get_archive_state (store, KEFU_ARCHIVE_CUSTOMER, customer_id, &state,
                                               NULL, &error));
  g_assert_no_error (error);
  if (archived_by != NULL)
    *archived_by = state.archived_by;
  return state.archived;
}

/* The page's Archive… button in its header bar. */
static GtkWidget *
archive_button (KefuCustomerPage *page)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (page), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "customer.archive") == 0)
      return buttons->pdata[i];
  g_assert_not_reached ();
}

static void
test_archive_customer_page (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  KefuArchiveBanner *archive_banner;
  AdwBanner *banner;
  KefuCustomerPage *page;
  GtkWidget *window, *view;
  AdwDialog *dialog;
  gint64 lead, clerk, by = 0;

  lead = kefu_test_add_staff (store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD);
  kefu_store_set_actor (store, lead);
  kefu_customer_set_name (customer, "华康医院");
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  view = adw_navigation_view_new ();
  adw_window_set_content (ADW_WINDOW (window), view);
  page = kefu_customer_page_new (store, kefu_record_get_id (KEFU_RECORD (customer)));
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), ADW_NAVIGATION_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  kefu_test_wait_until (kefu_customer_page_get_customer (page) != NULL &&
                        !kefu_customer_page_get_busy (page));
  kefu_test_flush ();

  archive_banner = KEFU_ARCHIVE_BANNER (kefu_test_find_mapped (GTK_WIDGET (page),
                                                               KEFU_TYPE_ARCHIVE_BANNER));
  banner = ADW_BANNER (kefu_test_find_mapped (GTK_WIDGET (archive_banner), ADW_TYPE_BANNER));
  g_assert_false (adw_banner_get_revealed (banner));
  /* A team lead may archive: Archive… is shown. */
  kefu_test_wait_until (kefu_archive_banner_get_can_archive (archive_banner));
  g_assert_true (gtk_widget_get_visible (archive_button (page)));

  /* Archive… asks first; Cancel leaves the customer as they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.archive", NULL));
  kefu_test_flush ();
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)),
                            "Nothing is deleted"));
  g_signal_emit_by_name (dialog, "response", "cancel");
  adw_dialog_force_close (dialog);
  kefu_test_flush ();
  g_assert_false (is_archived (store, kefu_record_get_id (KEFU_RECORD (customer)), NULL));

  /* Archive: stored as archived by the lead, the banner says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.archive", NULL));
  kefu_test_flush ();
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_signal_emit_by_name (dialog, "response", "archive");
  adw_dialog_force_close (dialog);
  kefu_test_wait_until (kefu_archive_banner_get_archived (archive_banner));
  g_assert_true (is_archived (store, kefu_record_get_id (KEFU_RECORD (customer)), &by));
  g_assert_cmpint (by, ==, lead);
  kefu_test_flush ();
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "赵敏"));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Restore");
  /* Archived: nothing more to archive. */
  g_assert_false (kefu_archive_banner_get_can_archive (archive_banner));
  g_assert_false (gtk_widget_get_visible (archive_button (page)));
  kefu_test_maybe_save_shot (window, "archived-customer");

  /* Restore. */
  g_signal_emit_by_name (banner, "button-clicked");
  kefu_test_wait_until (!kefu_archive_banner_get_archived (archive_banner));
  g_assert_false (is_archived (store, kefu_record_get_id (KEFU_RECORD (customer)), NULL));
  kefu_test_wait_until (!kefu_customer_page_get_busy (page));
  kefu_test_flush ();
  g_assert_false (adw_banner_get_revealed (banner));

  /* A clerk may not archive: no Archive… on the page, and an archived record's banner offers no
   * Restore. */
  clerk = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  kefu_store_set_actor (store, clerk);
  kefu_archive_banner_reload (archive_banner);
  kefu_test_wait_until (!kefu_archive_banner_get_can_archive (archive_banner));
  kefu_test_flush ();
  g_assert_false (gtk_widget_get_visible (archive_button (page)));
  kefu_store_set_actor (store, lead);
  g_assert_true (kefu_store_archive_record (store, KEFU_ARCHIVE_CUSTOMER,
                                            kefu_record_get_id (KEFU_RECORD (customer)),
                                            kefu_archive_banner_get_version (archive_banner),
                                            NULL, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, clerk);
  kefu_archive_banner_reload (archive_banner);
  kefu_test_wait_until (kefu_archive_banner_get_archived (archive_banner));
  /* No label: AdwBanner shows no button. */
  g_assert_true (adw_banner_get_button_label (banner) == NULL ||
                 *adw_banner_get_button_label (banner) == '\0');

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

static void
chosen_cb (KefuStaffChooser *chooser,
           KefuStaff        *staff,
           gint64           *chosen)
{
  *chosen = kefu_record_get_id (KEFU_RECORD (staff));
}

/* The chooser's one PIN entry. */
static GtkWidget *
pin_entry (KefuStaffChooser *chooser)
{
  g_autoptr(GPtrArray) entries = kefu_test_find_all (GTK_WIDGET (chooser),
                                                     ADW_TYPE_PASSWORD_ENTRY_ROW);

  g_assert_cmpuint (entries->len, ==, 1);
  return entries->pdata[0];
}

static void
try_pin (KefuStaffChooser *chooser,
         const char       *pin)
{
  GtkWidget *entry = pin_entry (chooser);

  gtk_editable_set_text (GTK_EDITABLE (entry), pin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.sign-in", NULL));
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (chooser));
  kefu_test_flush ();
}

static const char *
error_text (KefuStaffChooser *chooser)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (chooser), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (labels->pdata[i]) &&
        gtk_widget_has_css_class (labels->pdata[i], "error"))
      return gtk_label_get_label (labels->pdata[i]);
  return NULL;
}

static void
test_chooser_pin (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  KefuStaffChooser *chooser;
  GtkWidget *window, *clerk_row = NULL;
  gint64 clerk, chosen = 0;

  kefu_test_reset_settings ();
  settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  kefu_test_add_staff (store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD);
  clerk = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  kefu_store_set_actor (store, clerk);
  g_assert_true (kefu_store_set_own_pin (store, NULL, "2580", NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, 0);

  chooser = kefu_staff_chooser_new (store, settings);
  g_signal_connect (chooser, "staff-chosen", G_CALLBACK (chosen_cb), &chosen);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  adw_dialog_present (ADW_DIALOG (chooser), window);
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (chooser));
  kefu_test_flush ();

  rows = kefu_test_find_all (GTK_WIDGET (chooser), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), "王芳"))
      clerk_row = rows->pdata[i];
  g_assert_nonnull (clerk_row);

  /* 王芳 has a PIN: she is asked for it, and nobody works until it is right. */
  gtk_widget_activate (clerk_row);
  kefu_test_flush ();
  g_assert_cmpstr (kefu_staff_chooser_get_page (chooser), ==, "pin");
  g_assert_cmpint (kefu_store_get_actor (store), ==, 0);

  try_pin (chooser, "1111");
  g_assert_cmpstr (kefu_staff_chooser_get_page (chooser), ==, "pin");
  g_assert_cmpint (chosen, ==, 0);
  g_assert_cmpint (kefu_store_get_actor (store), ==, 0);
  g_assert_cmpstr (error_text (chooser), ==, "That PIN is not right. Type it again.");

  /* The third wrong PIN in a row: the next try waits. */
  try_pin (chooser, "2222");
  try_pin (chooser, "3333");
  g_assert_nonnull (strstr (error_text (chooser), "Wait"));
  {
    GtkWidget *entry = pin_entry (chooser);

    /* Even the right PIN is not checked during the wait. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "2580");
    gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.sign-in", NULL);
    kefu_test_flush ();
    g_assert_false (kefu_staff_chooser_get_busy (chooser));
    g_assert_cmpint (chosen, ==, 0);
    g_assert_cmpint (kefu_store_get_actor (store), ==, 0);
  }

  /* Once the wait is over, the right PIN. */
  kefu_test_wait_until (error_text (chooser) == NULL ||
                        strstr (error_text (chooser), "Wait") == NULL);
  try_pin (chooser, "2580");
  g_assert_cmpint (chosen, ==, clerk);
  g_assert_cmpint (kefu_store_get_actor (store), ==, clerk);
  g_assert_cmpint (g_settings_get_int64 (settings, "current-staff-id"), ==, clerk);

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

/* A staff member remembered on this workstation who has a PIN is asked for it at start; nobody
 * works until it is given. */
static void
test_remembered_pin_at_start (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  KefuStaffChooser *chooser;
  KefuWindow *window;
  AdwDialog *dialog;
  gint64 clerk;

  kefu_test_reset_settings ();
  clerk = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  kefu_store_set_actor (store, clerk);
  g_assert_true (kefu_store_set_own_pin (store, NULL, "2580", NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, 0);
  kefu_test_remember_staff (store, clerk);

  window = kefu_test_present_window (NULL, store, 1000, 700);
  kefu_test_wait_until ((dialog = adw_application_window_get_visible_dialog (
                           ADW_APPLICATION_WINDOW (window))) != NULL &&
                        KEFU_IS_STAFF_CHOOSER (dialog) &&
                        g_strcmp0 (kefu_staff_chooser_get_page (KEFU_STAFF_CHOOSER (dialog)),
                                   "pin") == 0);
  /* Held here: the window lets the chooser go once it has closed. */
  chooser = g_object_ref (KEFU_STAFF_CHOOSER (dialog));
  g_assert_null (kefu_window_get_staff (window));
  g_assert_cmpint (kefu_store_get_actor (store), ==, 0);

  try_pin (chooser, "2580");
  kefu_test_wait_until (kefu_window_get_staff (window) != NULL);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_window_get_staff (window))), ==, clerk);
  g_assert_cmpint (kefu_store_get_actor (store), ==, clerk);

  g_object_unref (chooser);
  kefu_test_close_window (GTK_WINDOW (window), &store, dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/ui/archive/customer-page", test_archive_customer_page);
  g_test_add_func ("/kefu/ui/staff-chooser/pin", test_chooser_pin);
  g_test_add_func ("/kefu/ui/staff-chooser/remembered-pin", test_remembered_pin_at_start);
  return kefu_test_run (data_home);
}
