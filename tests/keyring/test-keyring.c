/* test-keyring.c: kefu-keyring against a real Secret Service. The program runs inside
 * dbus-run-session (meson.build); it starts gnome-keyring-daemon in the foreground with its
 * data in a temporary folder, unlocked with a test password, and stops it by its pid at the end.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "kefu-keyring.h"

static GPid daemon_pid;
static char *home;

static void
start_keyring (void)
{
  const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock",
                         "--components=secrets", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime = NULL;
  int in_fd = -1;
  const char *password = "kefu-test-keyring";
  gint64 deadline;
  g_autoptr(GDBusConnection) bus = NULL;

  home = g_dir_make_tmp ("kefu-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  runtime = g_build_filename (home, "run", NULL);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                           G_SPAWN_STDOUT_TO_DEV_NULL,
                                           NULL, NULL, &daemon_pid, &in_fd, NULL, NULL, &error));
  g_assert_no_error (error);
  /* --unlock reads the login keyring's password from standard input, up to its end. */
  g_assert_cmpint (write (in_fd, password, strlen (password)), ==, (gssize) strlen (password));
  close (in_fd);

  /* Wait until the daemon owns the Secret Service name on this private bus. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean has_owner = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &has_owner);
      if (has_owner)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
}

static void
stop_keyring (void)
{
  const char *rm[] = { "rm", "-rf", home, NULL };

  if (daemon_pid > 0)
    {
      kill (daemon_pid, SIGTERM);
      waitpid (daemon_pid, NULL, 0);
      g_spawn_close_pid (daemon_pid);
      daemon_pid = 0;
    }
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
  g_free (home);
}

static void
test_store_and_read_back (void)
{
  const char *location = "postgresql://db.example.com:5433/kefu?sslmode=require";
  g_autoptr(KefuKeyringKey) key = kefu_keyring_key_new_from_location (location, "wangfang");
  g_autoptr(KefuKeyringKey) other = kefu_keyring_key_new_from_location (location, "lina");
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  g_autofree char *none = NULL;

  g_assert_nonnull (key);
  g_assert_cmpstr (key->host, ==, "db.example.com");
  g_assert_cmpstr (key->port, ==, "5433");
  g_assert_cmpstr (key->dbname, ==, "kefu");
  g_assert_cmpstr (key->user, ==, "wangfang");

  g_assert_true (kefu_keyring_store_sync (key, "客服-密码 'quoted' \\ 2026", NULL, &error));
  g_assert_no_error (error);
  read = kefu_keyring_lookup_sync (key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, "客服-密码 'quoted' \\ 2026");
  /* Another user's password on the same database is another item. */
  none = kefu_keyring_lookup_sync (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* Storing again replaces it; clearing removes it. */
  g_assert_true (kefu_keyring_store_sync (key, "second-password", NULL, &error));
  g_clear_pointer (&read, g_free);
  read = kefu_keyring_lookup_sync (key, NULL, &error);
  g_assert_cmpstr (read, ==, "second-password");
  g_assert_true (kefu_keyring_clear_sync (key, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, g_free);
  read = kefu_keyring_lookup_sync (key, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (read);
}

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  char **password = user_data;
  g_autoptr(GError) error = NULL;

  *password = kefu_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  if (*password == NULL)
    *password = g_strdup ("");
}

static void
store_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_keyring_store_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(KefuKeyringKey) key =
    kefu_keyring_key_new_from_location ("host=/run/postgresql dbname=kefu user=zhanglei", NULL);
  g_autofree char *password = NULL;
  gboolean done = FALSE;

  g_assert_cmpstr (key->user, ==, "zhanglei");
  kefu_keyring_store_async (key, "async-password", NULL, store_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  kefu_keyring_lookup_async (key, NULL, lookup_done_cb, &password);
  while (password == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (password, ==, "async-password");
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **found = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_keyring_find_finish (result, &found[0], &found[1], &error));
  g_assert_no_error (error);
  found[2] = GINT_TO_POINTER (1);
}

/* The sign-in finds who signed in last on a database from the database alone. */
static void
test_find (void)
{
  const char *location = "postgresql://db.example.com/callcentre";
  g_autoptr(KefuKeyringKey) key = kefu_keyring_key_new_from_location (location, "liuyang");
  g_autoptr(KefuKeyringKey) nobody =
    kefu_keyring_key_new_from_location ("postgresql://db.example.com/other", NULL);
  g_autoptr(GError) error = NULL;
  char *found[3] = { NULL, NULL, NULL };

  g_assert_true (kefu_keyring_store_sync (key, "manager-password", NULL, &error));
  g_assert_no_error (error);
  kefu_keyring_find_async (key, NULL, found_cb, found);
  while (found[2] == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (found[0], ==, "liuyang");
  g_assert_cmpstr (found[1], ==, "manager-password");
  g_free (found[0]);
  kefu_keyring_free_secret (found[1]);

  memset (found, 0, sizeof found);
  kefu_keyring_find_async (nobody, NULL, found_cb, found);
  while (found[2] == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (found[0]);
  g_assert_null (found[1]);
}

static void
test_location_with_login (void)
{
  g_autofree char *conninfo =
    kefu_keyring_location_with_login ("postgresql://other@db.example.com/kefu?connect_timeout=5",
                                      "wangfang", "it's \\ secret");

  g_assert_nonnull (strstr (conninfo, "host='db.example.com'"));
  g_assert_nonnull (strstr (conninfo, "dbname='kefu'"));
  g_assert_nonnull (strstr (conninfo, "user='wangfang'"));
  g_assert_nonnull (strstr (conninfo, "password='it\\'s \\\\ secret'"));
  g_assert_null (strstr (conninfo, "other"));
  g_assert_null (kefu_keyring_location_with_login ("postgresql://[bad", "x", "y"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  start_keyring ();
  g_test_add_func ("/kefu/keyring/store-and-read-back", test_store_and_read_back);
  g_test_add_func ("/kefu/keyring/async", test_async);
  g_test_add_func ("/kefu/keyring/find", test_find);
  g_test_add_func ("/kefu/keyring/location-with-login", test_location_with_login);
  status = g_test_run ();
  stop_keyring ();
  return status;
}
