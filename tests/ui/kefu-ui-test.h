/* kefu-ui-test.h: helpers shared by the UI tests: temporary databases, changes made to them
 * behind the store's back, waiting on the main loop, the application and its windows, and
 * finding widgets the way a person would see them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kefu-application.h"
#include "kefu-window.h"
#include "store/kefu-store.h"

/* Runs the main loop until `condition` holds, failing the test after 20 s. */
#define kefu_test_wait_until(condition)                                              \
  G_STMT_START {                                                                     \
    gint64 _deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;                \
    while (!(condition))                                                             \
      {                                                                              \
        if (g_get_monotonic_time () > _deadline)                                     \
          g_error ("Timed out waiting for %s", #condition);                          \
        g_main_context_iteration (NULL, FALSE);                                      \
        g_usleep (1000);                                                             \
      }                                                                              \
  } G_STMT_END

/* Lets pending idles and redraws run. */
static inline void
kefu_test_flush (void)
{
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* A fresh folder for one test, removed by the caller with kefu_test_remove_dir(). */
static inline char *
kefu_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kefu-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
kefu_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        kefu_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Opens (creating) a SQLite store in `dir`. */
static inline KefuStore *
kefu_test_open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "kefu.db", NULL);
  KefuStore *store = kefu_store_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (KEFU_IS_STORE (store));
  return store;
}

/* Runs `sql` on the SQLite file at `path` through a second connection, as another program (or
 * another workstation) could, behind the back of any store open on it. */
static inline void
kefu_test_exec_sql (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Adds a staff member as the system actor (as kefuctl does) and returns their id. */
static inline gint64
kefu_test_add_staff (KefuStore  *store,
                     const char *name,
                     const char *login,
                     KefuRole    role)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;
  gint64 actor = kefu_store_get_actor (store);

  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_active (staff, TRUE);

  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, actor);

  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (staff)), >, 0);
  return kefu_record_get_id (KEFU_RECORD (staff));
}

/* The application under test, registered: not unique, so several test programs can share a
 * session bus, and with one id per call, because an application's D-Bus objects may outlive it
 * until its pending work ends. */
static inline KefuApplication *
kefu_test_make_application (void)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("io.github.kefu.Kefu.Test%u", ++serial);
  KefuApplication *app = g_object_new (KEFU_TYPE_APPLICATION,
                                       "application-id", id,
                                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE,
                                       "resource-base-path", RESOURCE_BASE,
                                       NULL);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* The application's main window; fails the test when it has none. */
static inline KefuWindow *
kefu_test_application_window (KefuApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_true (KEFU_IS_WINDOW (windows->data));
  return windows->data;
}

/* Destroys every window of `app`; once the last has gone, g_application_run () returns. */
static inline void
kefu_test_close_windows (KefuApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

/* Closes the application's windows, lets their pending work end, and drops the application. */
static inline void
kefu_test_close_application (KefuApplication *app)
{
  kefu_test_close_windows (app);
  kefu_test_flush ();
  g_object_unref (app);
}

/* Remembers `staff_id` as the person working here over `store`'s database, as the staff chooser
 * does, so the next window over it starts with them at work. */
static inline void
kefu_test_remember_staff (KefuStore *store,
                          gint64     staff_id)
{
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);

  g_settings_set_string (settings, "current-staff-database", kefu_store_get_description (store));
  g_settings_set_int64 (settings, "current-staff-id", staff_id);
}

/* A main window of `app` (or of none), `width` by `height`, shown over `store` once it has
 * finished loading. */
static inline KefuWindow *
kefu_test_present_window (GtkApplication *app,
                          KefuStore      *store,
                          int             width,
                          int             height)
{
  KefuWindow *window = kefu_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  kefu_window_set_store (window, store);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  return window;
}

/* Destroys `window`, then closes its store and removes the store's folder. */
static inline void
kefu_test_close_window (GtkWindow  *window,
                        KefuStore **store,
                        const char *dir)
{
  gtk_window_destroy (window);
  kefu_test_flush ();
  g_clear_object (store);
  kefu_test_remove_dir (dir);
}

static inline void
kefu_test_collect (GtkWidget *widget,
                   GType      type,
                   GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kefu_test_collect (child, type, found);
}

/* Every widget of `type` under `root` (root included), in tree order. */
static inline GPtrArray *
kefu_test_find_all (GtkWidget *root,
                    GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  kefu_test_collect (root, type, found);
  return found;
}

/* The only mapped widget of `type` under `root`; fails the test unless there is exactly one. */
static inline GtkWidget *
kefu_test_find_mapped (GtkWidget *root,
                       GType      type)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (root, type);
  GtkWidget *result = NULL;

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      {
        g_assert_null (result);
        result = all->pdata[i];
      }

  g_assert_nonnull (result);
  return result;
}

/* Resets every key of the workstation's settings (the memory backend keeps them per process). */
static inline void
kefu_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.kefu.Kefu");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* Points $XDG_DATA_HOME at a folder of the test run, so no test touches the user's database.
 * Call it first in main(): GLib reads the variable once. Returns the folder, to remove at the end. */
static inline char *
kefu_test_isolate_data_home (void)
{
  char *data_home = kefu_test_make_dir ();

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return data_home;
}

/* Sets a UI test program up: its own data folder (kefu_test_isolate_data_home ()), GTK in test
 * mode and libadwaita. Call it first in main(); kefu_test_run () removes the folder it returns. */
static inline char *
kefu_test_init (int    *argc,
                char ***argv)
{
  char *data_home = kefu_test_isolate_data_home ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return data_home;
}

/* Runs the added tests, then removes (and frees) the folder kefu_test_init () made. */
static inline int
kefu_test_run (char *data_home)
{
  int status = g_test_run ();

  kefu_test_remove_dir (data_home);
  g_free (data_home);
  return status;
}

/* With KEFU_TEST_SHOTS set to a folder, draws `window` (dialogs over it included) into
 * <folder>/<name>.png for a person to look at; does nothing otherwise. */
static inline void
kefu_test_maybe_save_shot (GtkWidget  *window,
                           const char *name)
{
  const char *folder = g_getenv ("KEFU_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (folder == NULL)
    return;

  kefu_test_flush ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", folder, name);
  gdk_texture_save_to_png (texture, path);
}

/* With KEFU_TEST_LOCALEDIR set to a folder of compiled catalogues, shows the translation of
 * $LANG (for pictures; the tests' assertions read English); otherwise forces English. Call it
 * around gtk_test_init (): before is FALSE, after is TRUE (GTK sets its own locale). */
static inline void
kefu_test_choose_language (gboolean after_init)
{
  const char *localedir = g_getenv ("KEFU_TEST_LOCALEDIR");

  if (localedir == NULL)
    {
      if (!after_init)
        g_setenv ("LANGUAGE", "C", TRUE);
      return;
    }
  if (after_init)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
}
