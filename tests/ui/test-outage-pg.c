/* test-outage-pg.c: "Back Up Now…" on a PostgreSQL database, which Kefu does not copy itself:
 * the dialog gives the pg_dump command for the database, with no file chooser and no password.
 * The server is the tests' own (tests/store/kefu-test-pg.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-window.h"
#include "../store/kefu-test-pg.h"

#include "kefu-ui-test.h"

#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static AdwDialog *
visible_dialog (KefuWindow *window)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
}

static gboolean
dialog_is (KefuWindow *window,
           const char *heading)
{
  AdwDialog *dialog = visible_dialog (window);

  return ADW_IS_ALERT_DIALOG (dialog) &&
         g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), heading) == 0;
}

static void
test_backup_postgres (void)
{
  g_autofree char *uri = kefu_test_pg_new_database ();
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *detail;
  KefuWindow *window;
  gint64 clerk;
  const char *command;

  store = kefu_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  clerk = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  kefu_test_remember_staff (store, clerk);
  window = kefu_test_present_window (NULL, store, 1200, 860);
  kefu_test_wait_until (kefu_window_get_staff (window) != NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "backup", NULL);
  kefu_test_wait_until (dialog_is (window, T ("Back Up With pg_dump")));

  detail = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (visible_dialog (window)));
  g_assert_true (GTK_IS_LABEL (detail));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (detail)));
  command = gtk_label_get_text (GTK_LABEL (detail));
  g_test_message ("%s", command);
  g_assert_nonnull (strstr (command, "pg_dump --format=custom"));
  g_assert_nonnull (strstr (command, kefu_test_pg_get_socket_dir ()));
  g_assert_null (strstr (command, "password"));

  adw_dialog_close (visible_dialog (window));
  kefu_test_wait_until (visible_dialog (window) == NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/ui/outage/backup-postgres", test_backup_postgres);
  return kefu_test_run (data_home);
}
