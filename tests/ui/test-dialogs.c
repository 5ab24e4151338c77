/* test-dialogs.c: the preferences dialog (database choice into GSettings) and the staff chooser
 * (who is working: the store's actor and the workstation's memory).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-dialogs"

#include "config.h"

#include "kefu-application.h"
#include "kefu-preferences-dialog.h"
#include "kefu-staff-chooser.h"
#include "core/kefu-enums.h"

#include "kefu-ui-test.h"

static void
test_server_uri_check (void)
{
  static const char *good[] = {
    "postgresql://clerk@db.example.com/kefu",
    "postgres://db.example.com:5433/kefu?sslmode=require",
    "postgresql:///kefu?host=/run/postgresql",
    "host=db.example.com dbname=kefu user=clerk",
    "host=/tmp port=5432 dbname='kefu data'",
  };
  static const char *bad[] = {
    "",
    "postgresql://",
    "mysql://db.example.com/kefu",
    "postgresql://db example.com/kefu",
    "db.example.com",
    "host=db.example.com dbname",
    "Host=db.example.com",
    "dbname='kefu",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *reason = NULL;

      g_assert_true (kefu_preferences_check_server_uri (good[i], &reason));
      g_assert_null (reason);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *reason = NULL;

      g_assert_false (kefu_preferences_check_server_uri (bad[i], &reason));
      g_assert_nonnull (reason);
      g_assert_cmpstr (reason, !=, "");
    }
}

static void
test_server_uri_password (void)
{
  static const char *with_password[] = {
    "postgresql://clerk:s3cret@db.example.com/kefu",
    "postgres://clerk:p@ss@h1,h2/kefu?sslmode=require",
    "postgresql://clerk:@db.example.com/kefu",
    "postgresql://db.example.com/kefu?user=clerk&password=s3cret",
    "postgresql://db.example.com/kefu?password=s3cret",
    "host=db.example.com dbname=kefu password=s3cret",
    "host=db.example.com password='se cret' dbname=kefu",
    "password = s3cret host=db.example.com",
  };
  static const char *without_password[] = {
    "postgresql://clerk@db.example.com/kefu",
    "postgresql://clerk@db.example.com:5432/kefu",
    "postgresql://db.example.com/kefu?user=clerk&passfile=/home/clerk/.pgpass",
    "host=db.example.com dbname=kefu passfile=/home/clerk/.pgpass",
  };

  for (guint i = 0; i < G_N_ELEMENTS (with_password); i++)
    {
      g_autofree char *reason = NULL;

      g_assert_false (kefu_preferences_check_server_uri (with_password[i], &reason));
      g_assert_cmpstr (reason, ==,
                       "Don’t put the password in the address: Kefu stores the address in plain "
                       "text. Put it in ~/.pgpass (host:port:database:user:password), and Kefu "
                       "will use it.");
    }

  for (guint i = 0; i < G_N_ELEMENTS (without_password); i++)
    {
      g_autofree char *reason = NULL;

      g_assert_true (kefu_preferences_check_server_uri (without_password[i], &reason));
      g_assert_null (reason);
    }
}

static GtkWidget *
present_on_window (AdwDialog *dialog)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  adw_dialog_present (dialog, window);
  kefu_test_flush ();

  return window;
}

static char *
dup_string_property (gpointer    object,
                     const char *name)
{
  char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return value;
}

static GtkWidget *
find_apply_row (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (dialog, ADW_TYPE_BUTTON_ROW);

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (gtk_actionable_get_action_name (rows->pdata[0]), ==, "prefs.apply");
  return rows->pdata[0];
}

static void
assert_kind (gpointer    dialog,
             const char *kind)
{
  g_autofree char *value = dup_string_property (dialog, "database-kind");

  g_assert_cmpstr (value, ==, kind);
}

static void
closed_cb (AdwDialog *dialog,
           gboolean  *closed)
{
  *closed = TRUE;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error"))
      return labels->pdata[i];

  return NULL;
}

static void
test_preferences_store_choice (void)
{
  const char *good_uri = "postgresql://clerk@db.example.com/kefu";
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *stored_uri = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  gboolean must_exist = FALSE;
  KefuPreferencesDialog *dialog;
  GtkWidget *window;
  GtkWidget *entry;
  GtkWidget *apply;
  GtkWidget *error_label;
  gboolean closed = FALSE;

  kefu_test_reset_settings ();
  settings = g_settings_new (KEFU_SETTINGS_SCHEMA);

  dialog = kefu_preferences_dialog_new (settings);
  g_signal_connect (dialog, "closed", G_CALLBACK (closed_cb), &closed);
  window = present_on_window (ADW_DIALOG (dialog));
  apply = find_apply_row (GTK_WIDGET (dialog));
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_nonnull (error_label);

  /* It starts from what the workstation uses now: the local file. */
  assert_kind (dialog, "local");
  g_assert_true (gtk_widget_is_sensitive (apply));

  /* Choosing the server shows the address entry; Apply waits for a valid address. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "prefs.database-kind", "s", "server"));
  kefu_test_flush ();
  assert_kind (dialog, "server");
  entry = kefu_test_find_mapped (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_false (gtk_widget_is_sensitive (apply));

  gtk_editable_set_text (GTK_EDITABLE (entry), "mysql://db.example.com/kefu");
  kefu_test_flush ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "postgresql://"));
  g_assert_false (gtk_widget_is_sensitive (apply));

  /* A password typed into the address is refused there, with where to put it instead. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "postgresql://clerk:s3cret@db.example.com/kefu");
  kefu_test_flush ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "~/.pgpass"));
  g_assert_false (gtk_widget_is_sensitive (apply));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "prefs.apply", NULL);
  kefu_test_flush ();
  stored_uri = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (stored_uri, ==, "");
  g_clear_pointer (&stored_uri, g_free);

  gtk_editable_set_text (GTK_EDITABLE (entry), good_uri);
  kefu_test_flush ();
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_mapped (error_label));
  g_assert_true (gtk_widget_is_sensitive (apply));

  /* Nothing is stored before Apply. */
  g_assert_cmpint (g_settings_get_enum (settings, "database-kind"), ==, KEFU_DATABASE_KIND_LOCAL);
  stored_uri = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (stored_uri, ==, "");
  g_clear_pointer (&stored_uri, g_free);

  gtk_widget_activate (apply);
  kefu_test_flush ();
  g_assert_cmpint (g_settings_get_enum (settings, "database-kind"), ==, KEFU_DATABASE_KIND_SERVER);
  stored_uri = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (stored_uri, ==, good_uri);
  g_assert_true (closed);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  /* A new dialog reads the stored choice back; a shared file needs a file before Apply. */
  dialog = kefu_preferences_dialog_new (settings);
  window = present_on_window (ADW_DIALOG (dialog));
  apply = find_apply_row (GTK_WIDGET (dialog));
  assert_kind (dialog, "server");
  entry = kefu_test_find_mapped (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, good_uri);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "prefs.database-kind", "s", "shared"));
  kefu_test_flush ();
  g_assert_false (gtk_widget_get_mapped (entry));
  g_assert_false (gtk_widget_is_sensitive (apply));

  /* What the file dialog would hand back. */
  g_object_set (dialog, "database-path", "/srv/office/kefu.db", NULL);
  kefu_test_flush ();
  g_assert_true (gtk_widget_is_sensitive (apply));
  gtk_widget_activate (apply);
  kefu_test_flush ();

  g_assert_cmpint (g_settings_get_enum (settings, "database-kind"), ==, KEFU_DATABASE_KIND_SHARED);
  stored_path = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (stored_path, ==, "/srv/office/kefu.db");
  g_clear_pointer (&stored_uri, g_free);
  stored_uri = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (stored_uri, ==, good_uri);

  /* And the application reads the same choice, refusing to create a missing shared file. */
  location = kefu_application_resolve_location (settings, &must_exist, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (location, ==, "/srv/office/kefu.db");
  g_assert_true (must_exist);

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static void
test_preferences_tricky_path (void)
{
  /* Shares are named by people: R&D, <old>… Markup would fail to parse (a critical warning,
   * fatal under G_DEBUG=fatal-warnings) and show nothing. */
  const char *path = "/srv/R&D <old> office/kefu & co.db";
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *stored_path = NULL;
  KefuPreferencesDialog *dialog;
  GtkWidget *window;
  GtkWidget *apply;

  kefu_test_reset_settings ();
  settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  g_settings_set_string (settings, "database-path", path);
  g_settings_set_string (settings, "database-kind", "shared");

  dialog = kefu_preferences_dialog_new (settings);
  window = present_on_window (ADW_DIALOG (dialog));
  apply = find_apply_row (GTK_WIDGET (dialog));
  assert_kind (dialog, "shared");

  /* The path is shown exactly as it is, as plain text. */
  g_assert_true (has_label (GTK_WIDGET (dialog), path));
  g_assert_true (gtk_widget_is_sensitive (apply));

  /* A path chosen in the dialog is shown the same way, and stored unchanged. */
  g_object_set (dialog, "database-path", "/mnt/a<b>&amp;c/kefu.db", NULL);
  kefu_test_flush ();
  g_assert_true (has_label (GTK_WIDGET (dialog), "/mnt/a<b>&amp;c/kefu.db"));
  gtk_widget_activate (apply);
  kefu_test_flush ();
  stored_path = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (stored_path, ==, "/mnt/a<b>&amp;c/kefu.db");

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

static void
chosen_cb (KefuStaffChooser *chooser,
           KefuStaff        *staff,
           gint64           *chosen)
{
  *chosen = kefu_record_get_id (KEFU_RECORD (staff));
}

static void
test_staff_chooser_sets_actor (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KefuStaffChooser *chooser;
  GtkWidget *window;
  AdwActionRow *row = NULL;
  gint64 lead_id, clerk_id, chosen = 0;

  kefu_test_reset_settings ();
  settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  lead_id = kefu_test_add_staff (store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD);
  clerk_id = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  g_assert_cmpint (lead_id, !=, clerk_id);
  g_assert_cmpint (kefu_store_get_actor (store), ==, 0);

  chooser = kefu_staff_chooser_new (store, settings);
  g_signal_connect (chooser, "staff-chosen", G_CALLBACK (chosen_cb), &chosen);
  window = present_on_window (ADW_DIALOG (chooser));
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (chooser));
  kefu_test_flush ();

  /* The active staff are listed with their role's name; the system actor is not. */
  g_assert_cmpstr (kefu_staff_chooser_get_page (chooser), ==, "staff");
  rows = kefu_test_find_all (GTK_WIDGET (chooser), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (rows->pdata[i]);
      KefuRole role = g_str_equal (title, "王芳") ? KEFU_ROLE_CLERK : KEFU_ROLE_TEAM_LEAD;

      g_assert_true (g_str_equal (title, "赵敏") || g_str_equal (title, "王芳"));
      g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[i]), ==,
                       kefu_role_get_display_name (role));
      if (role == KEFU_ROLE_CLERK)
        row = rows->pdata[i];
    }
  g_assert_nonnull (row);

  /* Choosing 王芳 makes her the actor of every write, and this workstation remembers her. */
  gtk_widget_activate (GTK_WIDGET (row));
  kefu_test_flush ();
  g_assert_cmpint (chosen, ==, clerk_id);
  g_assert_cmpint (kefu_store_get_actor (store), ==, clerk_id);
  g_assert_cmpint (g_settings_get_int64 (settings, "current-staff-id"), ==, clerk_id);
  {
    g_autofree char *database = g_settings_get_string (settings, "current-staff-database");

    g_assert_cmpstr (database, ==, kefu_store_get_description (store));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

static void
test_staff_chooser_empty (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GSettings) settings = NULL;
  KefuStaffChooser *chooser;
  GtkWidget *window;
  GtkWidget *status_page;

  kefu_test_reset_settings ();
  settings = g_settings_new (KEFU_SETTINGS_SCHEMA);

  /* A fresh database holds only the built-in system actor: the chooser says how to add staff. */
  chooser = kefu_staff_chooser_new (store, settings);
  window = present_on_window (ADW_DIALOG (chooser));
  kefu_test_wait_until (!kefu_staff_chooser_get_busy (chooser));
  kefu_test_flush ();

  g_assert_cmpstr (kefu_staff_chooser_get_page (chooser), ==, "empty");
  status_page = kefu_test_find_mapped (GTK_WIDGET (chooser), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)),
                            "kefuctl --database="));
  g_assert_cmpint (kefu_store_get_actor (store), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (settings, "current-staff-id"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/ui/preferences/server-uri-check", test_server_uri_check);
  g_test_add_func ("/kefu/ui/preferences/server-uri-password", test_server_uri_password);
  g_test_add_func ("/kefu/ui/preferences/store-choice", test_preferences_store_choice);
  g_test_add_func ("/kefu/ui/preferences/tricky-path", test_preferences_tricky_path);
  g_test_add_func ("/kefu/ui/staff-chooser/sets-actor", test_staff_chooser_sets_actor);
  g_test_add_func ("/kefu/ui/staff-chooser/empty", test_staff_chooser_empty);

  status = g_test_run ();
  kefu_test_remove_dir (data_home);

  return status;
}
