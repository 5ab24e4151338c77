/* test-sign-in.c: the PostgreSQL sign-in dialog against a real server: a wrong password is
 * refused with the server's reason; the one-time password signs in and the user must choose
 * their own (typed twice, long enough) before the store is handed over, as the login's staff
 * member.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sign-in"

#include "config.h"

#include "store/kefu-store-roles.h"
#include "kefu-sign-in-dialog.h"

#include "../store/kefu-test-pg.h"
#include "kefu-ui-test.h"

static gboolean
dialog_busy (KefuSignInDialog *dialog)
{
  gboolean busy = FALSE;

  g_object_get (dialog, "busy", &busy, NULL);
  return busy;
}

static void
wait_dialog (KefuSignInDialog *dialog)
{
  kefu_test_flush ();
  kefu_test_wait_until (!dialog_busy (dialog));
  kefu_test_flush ();
}

static GtkEditable *
row_titled (GtkWidget  *root,
            GType       type,
            const char *title)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (root, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("no row %s", title);
  return NULL;
}

static char *
shown_error (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error") &&
        gtk_widget_is_visible (labels->pdata[i]))
      return g_strdup (gtk_label_get_label (labels->pdata[i]));
  return NULL;
}

static void
signed_in_cb (KefuSignInDialog *dialog,
              KefuStore        *store,
              KefuStore       **out)
{
  g_set_object (out, store);
}

static void
test_first_sign_in (void)
{
  g_autofree char *location = kefu_test_pg_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) owner = kefu_store_open (location, NULL, &error);
  g_autoptr(KefuStore) signed_in = NULL;
  g_autoptr(GString) address = g_string_new (location);
  g_autofree char *password = NULL;
  g_autofree char *message = NULL;
  KefuSignInDialog *dialog;
  GtkWindow *window;
  GtkWidget *root;
  gint64 manager;
  gboolean must_change = TRUE;

  g_assert_no_error (error);
  manager = kefu_test_add_staff (owner, "刘洋", "liuyang", KEFU_ROLE_CS_MANAGER);
  kefu_store_set_system_actor (owner);
  password = kefu_store_create_login (owner, manager, "liuyang", NULL, &error);
  g_assert_no_error (error);
  kefu_test_pg_require_password ("liuyang");
  /* The address names no user: the dialog asks. */
  g_string_replace (address, "&user=postgres", "", 1);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 700);
  gtk_window_present (window);
  /* Held by the test: the dialog closes itself once signed in. */
  dialog = g_object_ref_sink (kefu_sign_in_dialog_new (address->str, KEFU_STORE_OPEN_DEFAULT));
  g_object_set (dialog, "use-keyring", FALSE, NULL);
  g_signal_connect (dialog, "signed-in", G_CALLBACK (signed_in_cb), &signed_in);
  kefu_sign_in_dialog_run (dialog, GTK_WIDGET (window), NULL);
  wait_dialog (dialog);
  root = GTK_WIDGET (dialog);

  /* Nothing typed, then a wrong password. */
  gtk_widget_activate_action (root, "sign-in.sign-in", NULL);
  message = shown_error (root);
  g_assert_cmpstr (message, ==, "Enter your user name.");
  gtk_editable_set_text (row_titled (root, ADW_TYPE_ENTRY_ROW, "User Name"), "liuyang");
  gtk_editable_set_text (row_titled (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"), "wrong");
  gtk_widget_activate_action (root, "sign-in.sign-in", NULL);
  wait_dialog (dialog);
  g_clear_pointer (&message, g_free);
  message = shown_error (root);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "password"));
  g_assert_null (signed_in);

  /* The one-time password: signed in, but the user chooses their own first. */
  gtk_editable_set_text (row_titled (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"), password);
  gtk_widget_activate_action (root, "sign-in.sign-in", NULL);
  wait_dialog (dialog);
  g_assert_null (signed_in);
  gtk_editable_set_text (row_titled (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "New Password"),
                         "刘洋的新密码2026");
  gtk_editable_set_text (row_titled (root, ADW_TYPE_PASSWORD_ENTRY_ROW,
                                     "Repeat the New Password"), "刘洋的新密码2025");
  gtk_widget_activate_action (root, "sign-in.set-password", NULL);
  wait_dialog (dialog);
  g_clear_pointer (&message, g_free);
  message = shown_error (root);
  g_assert_cmpstr (message, ==, "The two passwords are not the same. Type the new password again.");
  gtk_editable_set_text (row_titled (root, ADW_TYPE_PASSWORD_ENTRY_ROW,
                                     "Repeat the New Password"), "刘洋的新密码2026");
  gtk_widget_activate_action (root, "sign-in.set-password", NULL);
  wait_dialog (dialog);
  kefu_test_wait_until (signed_in != NULL);

  /* The store is the manager's login, with a password of their own now. */
  g_assert_cmpint (kefu_store_get_session_staff_id (signed_in), ==, manager);
  g_assert_true (kefu_store_who_am_i (signed_in, NULL, &must_change, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (must_change);

  g_object_unref (dialog);
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
  g_test_add_func ("/kefu/sign-in/first-sign-in", test_first_sign_in);
  return kefu_test_run (data_home);
}
