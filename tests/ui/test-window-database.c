/* test-window-database.c: opening databases in the main window through the application: the
 * database error page and Try Again, a missing shared file, the staff list that cannot be read,
 * --server, the default database and the application's actions, and how a location is shown.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-window-database"

#include "config.h"

#include "kefu-application.h"
#include "kefu-database-page.h"
#include "kefu-preferences-dialog.h"
#include "kefu-staff-chooser.h"
#include "kefu-window.h"

#include "kefu-ui-test.h"

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (buttons->pdata[i]) &&
        g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      return buttons->pdata[i];

  return NULL;
}

static void
test_window_not_a_database (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *default_db = kefu_application_dup_default_database_path ();
  const char *text = "Call back Mrs Li about the milk delivery.\n";
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  KefuStore *store;
  KefuApplication *app;
  KefuWindow *window;
  KefuDatabasePage *page;
  GtkWidget *choose, *retry;

  kefu_test_reset_settings ();
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  app = kefu_test_make_application ();
  kefu_application_open_location (app, path, KEFU_STORE_OPEN_DEFAULT);
  window = kefu_test_application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (kefu_window_get_page (window), ==, "loading");
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_page (window), "database-error") == 0);

  page = KEFU_DATABASE_PAGE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_DATABASE_PAGE));
  g_assert_cmpstr (kefu_database_page_get_title (page), ==, "This File Is Not a Kefu Database");
  g_assert_null (kefu_application_get_store (app));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "switch-staff"));

  /* The page offers the two ways out, as real buttons wired to the app's actions. */
  choose = find_button (GTK_WIDGET (page), "app.preferences");
  retry = find_button (GTK_WIDGET (page), "app.reopen-database");
  g_assert_nonnull (choose);
  g_assert_nonnull (retry);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (choose)), ==, "_Choose Another Database…");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, "_Try Again");
  g_assert_true (gtk_widget_is_sensitive (choose));
  g_assert_true (gtk_widget_is_sensitive (retry));

  /* The file was left as it was, and no empty database appeared anywhere in its place. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));

  /* Once the file is a database, Try Again opens it. */
  g_unlink (path);
  store = kefu_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_action_group_activate_action (G_ACTION_GROUP (app), "reopen-database", NULL);
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_page (window), "panes") == 0);
  g_assert_nonnull (kefu_application_get_store (app));
  g_assert_cmpstr (kefu_application_get_location (app), ==, path);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "switch-staff"));

  kefu_test_close_application (app);
  kefu_test_remove_dir (dir);
}

static void
test_window_missing_shared_file (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *share = g_build_filename (dir, "share", NULL);
  g_autofree char *path = g_build_filename (share, "kefu.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  g_autoptr(GError) error = NULL;
  KefuStore *store;
  KefuApplication *app;
  KefuWindow *window;
  KefuDatabasePage *page;

  kefu_test_reset_settings ();
  g_settings_set_string (settings, "database-kind", "shared");
  g_settings_set_string (settings, "database-path", path);

  app = kefu_test_make_application ();
  kefu_application_open_from_settings (app);
  window = kefu_test_application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_page (window), "database-error") == 0);

  /* An unmounted share must not turn into a new, empty database. */
  page = KEFU_DATABASE_PAGE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_DATABASE_PAGE));
  g_assert_cmpstr (kefu_database_page_get_title (page), ==, "The Database File Is Missing");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (share, G_FILE_TEST_EXISTS));

  /* Try Again opens it the same way: still refused, and still nothing created, neither the
   * file, its journal files, nor the share's folder (a mount point to be). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "reopen-database", NULL);
  g_assert_cmpstr (kefu_window_get_page (window), ==, "loading");
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_page (window), "loading") != 0);
  g_assert_cmpstr (kefu_window_get_page (window), ==, "database-error");
  g_assert_cmpstr (kefu_database_page_get_title (page), ==, "The Database File Is Missing");
  g_assert_null (kefu_application_get_store (app));
  g_assert_cmpstr (kefu_application_get_location (app), ==, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (share, G_FILE_TEST_EXISTS));

  /* Once the share is back, Try Again opens the office's file. */
  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  store = kefu_store_open_full (path, KEFU_STORE_OPEN_SHARED_FILE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_action_group_activate_action (G_ACTION_GROUP (app), "reopen-database", NULL);
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_page (window), "panes") == 0);
  g_assert_nonnull (kefu_application_get_store (app));

  /* A server choice without an address says so instead of guessing one. */
  g_settings_set_string (settings, "database-kind", "server");
  kefu_application_open_from_settings (app);
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_page (window), ==, "database-error");
  g_assert_cmpstr (kefu_database_page_get_title (page), ==, "No Database Chosen");

  kefu_test_close_application (app);
  kefu_test_remove_dir (dir);
}

static void
test_window_staff_list_fails (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kefu.db", NULL);
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  AdwStatusPage *status_page;
  KefuStaffChooser *chooser;
  KefuWindow *window;
  AdwDialog *dialog;
  GtkWidget *retry;

  kefu_test_reset_settings ();
  kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);

  /* The staff table goes missing behind the store's back: listing the staff fails. */
  kefu_test_exec_sql (path, "ALTER TABLE staff RENAME TO staff_elsewhere");

  window = kefu_test_present_window (NULL, store, 1000, 700);
  kefu_test_flush ();

  /* Nobody is working, and the clerk is not left guessing why: the chooser says so. */
  g_assert_null (kefu_window_get_staff (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (KEFU_IS_STAFF_CHOOSER (dialog));
  chooser = KEFU_STAFF_CHOOSER (dialog);
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (chooser));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_staff_chooser_get_page (chooser), ==, "error");
  status_page = ADW_STATUS_PAGE (kefu_test_find_mapped (GTK_WIDGET (chooser), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "Can’t Load the Staff List");
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), "staff"));

  /* Once the table is back, Try Again lists the staff, and choosing one makes them work. */
  kefu_test_exec_sql (path, "ALTER TABLE staff_elsewhere RENAME TO staff");
  retry = find_button (GTK_WIDGET (chooser), "chooser.reload");
  g_assert_nonnull (retry);
  gtk_widget_activate (retry);
  /* A button activated from the keyboard clicks after its pressed look has shown. */
  kefu_test_wait_until (g_strcmp0 (kefu_staff_chooser_get_page (chooser), "error") != 0);
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (chooser));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_staff_chooser_get_page (chooser), ==, "staff");
  {
    g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (chooser), ADW_TYPE_ACTION_ROW);

    g_assert_cmpuint (rows->len, ==, 1);
    gtk_widget_activate (rows->pdata[0]);
  }
  kefu_test_flush ();
  g_assert_nonnull (kefu_window_get_staff (window));
  g_assert_cmpstr (kefu_staff_get_login (kefu_window_get_staff (window)), ==, "wangfang");

  kefu_test_close_window (GTK_WINDOW (window), &store, dir);
}

/* Closes the application's windows once the database has opened or failed, which ends
 * g_application_run(). */
static gboolean
close_when_settled_cb (gpointer user_data)
{
  KefuApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  if (windows == NULL || !KEFU_IS_WINDOW (windows->data) ||
      g_strcmp0 (kefu_window_get_page (windows->data), "loading") == 0)
    return G_SOURCE_CONTINUE;

  kefu_test_close_windows (app);
  return G_SOURCE_REMOVE;
}

static void
test_window_server_option_not_stored (void)
{
  /* Nothing listens on port 1: the connection is refused at once. */
  const char *uri = "postgresql://clerk:s3cret@127.0.0.1:1/kefu";
  char *argv[] = { "kefu", "--server=postgresql://clerk:s3cret@127.0.0.1:1/kefu", NULL };
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  g_autofree char *stored_uri = NULL;
  g_autofree char *stored_database = NULL;
  KefuApplication *app;
  int status;

  kefu_test_reset_settings ();
  app = kefu_test_make_application ();
  g_timeout_add (50, close_when_settled_cb, app);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);

  /* The run used the address (password and all), but the workstation's settings never saw it:
   * a command-line choice lasts for one run. */
  g_assert_cmpstr (kefu_application_get_location (app), ==, uri);
  g_assert_cmpint (g_settings_get_enum (settings, "database-kind"), ==, KEFU_DATABASE_KIND_LOCAL);
  stored_uri = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (stored_uri, ==, "");
  stored_database = g_settings_get_string (settings, "current-staff-database");
  g_assert_null (strstr (stored_database, "s3cret"));

  kefu_test_close_application (app);
}

static void
assert_accel (KefuApplication *app,
              const char      *action,
              const char      *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

/* Activates the application's action `action` and returns the dialog it presents over `window`,
 * which must be a `type`. */
static AdwDialog *
activate_for_dialog (KefuApplication *app,
                     KefuWindow      *window,
                     const char      *action,
                     GType            type)
{
  AdwDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  kefu_test_flush ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, type));
  return dialog;
}

static void
close_dialog (AdwDialog *dialog)
{
  adw_dialog_force_close (dialog);
  kefu_test_flush ();
}

static void
test_window_default_database (void)
{
  g_autofree char *default_db = kefu_application_dup_default_database_path ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "kefu", "kefu.db", NULL);
  KefuApplication *app;
  KefuWindow *window;
  AdwDialog *dialog;

  kefu_test_reset_settings ();
  g_assert_cmpstr (default_db, ==, expected);
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));

  /* With nothing chosen, the local database is created (with its folder) and opened. */
  app = kefu_test_make_application ();
  kefu_application_open_from_settings (app);
  window = kefu_test_application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_page (window), "panes") == 0 &&
                        !kefu_window_get_busy (window));
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (kefu_application_get_location (app), ==, default_db);

  /* The application's shortcuts and the window's shortcuts dialog are in place. */
  assert_accel (app, "app.quit", "<Control>q");
  assert_accel (app, "app.preferences", "<Control>comma");
  assert_accel (app, "win.show-help-overlay", "<Control>question");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* Nobody works in a fresh database yet: nobody is shown as working, and the staff chooser
   * explains how to add staff. */
  g_assert_null (kefu_window_get_staff (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (KEFU_IS_STAFF_CHOOSER (dialog));
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (KEFU_STAFF_CHOOSER (dialog)));
  g_assert_cmpstr (kefu_staff_chooser_get_page (KEFU_STAFF_CHOOSER (dialog)), ==, "empty");
  close_dialog (dialog);

  /* The primary menu's entries open their dialogs. */
  dialog = activate_for_dialog (app, window, "about", ADW_TYPE_ABOUT_DIALOG);
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_dialog_get_license_type (ADW_ABOUT_DIALOG (dialog)), ==, GTK_LICENSE_GPL_3_0);
  close_dialog (dialog);
  close_dialog (activate_for_dialog (app, window, "preferences", KEFU_TYPE_PREFERENCES_DIALOG));
  close_dialog (activate_for_dialog (app, window, "switch-staff", KEFU_TYPE_STAFF_CHOOSER));

  kefu_test_close_application (app);
}

static void
test_window_location_hides_password (void)
{
  static const struct {
    const char *location;
    const char *shown;
  } cases[] = {
    { "/srv/office/kefu.db", "/srv/office/kefu.db" },
    { "postgresql://clerk@db.example.com/kefu", "postgresql://clerk@db.example.com/kefu" },
    { "postgresql://clerk:s3cret@db.example.com:5432/kefu", "postgresql://clerk@db.example.com:5432/kefu" },
    { "postgres://clerk:p@ss@h1,h2/kefu?sslmode=require", "postgres://clerk@h1,h2/kefu?sslmode=require" },
    { "postgresql://db.example.com/kefu?user=clerk&password=s3cret", "postgresql://db.example.com/kefu?user=clerk&password=…" },
    { "host=db.example.com password='se cret' dbname=kefu", "host=db.example.com password=… dbname=kefu" },
    { "host=db.example.com dbname=kefu password=s3cret", "host=db.example.com dbname=kefu password=…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = kefu_database_page_describe_location (cases[i].location);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/ui/window/not-a-database", test_window_not_a_database);
  g_test_add_func ("/kefu/ui/window/missing-shared-file", test_window_missing_shared_file);
  g_test_add_func ("/kefu/ui/window/staff-list-fails", test_window_staff_list_fails);
  g_test_add_func ("/kefu/ui/window/server-option-not-stored", test_window_server_option_not_stored);
  g_test_add_func ("/kefu/ui/window/default-database", test_window_default_database);
  g_test_add_func ("/kefu/ui/window/location-hides-password", test_window_location_hides_password);

  return kefu_test_run (data_home);
}
