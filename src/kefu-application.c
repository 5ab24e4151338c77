/* kefu-application.c: options, opening the store, the main window.
 *
 * The app actions and their shortcuts are in kefu-application-actions.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-application"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "kefu-application-private.h"
#include "kefu-screenshots.h"
#include "kefu-sign-in-dialog.h"

G_DEFINE_FINAL_TYPE (KefuApplication, kefu_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  /* Translators: the placeholder of --database in kefu --help. */
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the SQLite database FILE (created when missing)"), N_("FILE") },
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Connect to the PostgreSQL server URI, e.g. postgresql://clerk@db.example.com/kefu"), N_("URI") },
  { "screenshots", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save a picture of every pane into DIR, then quit"), N_("DIR") },
  /* Translators: the placeholder of --incoming-call in kefu --help. */
  { "incoming-call", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start a new call from NUMBER in the intake pane (for a telephone system or softphone)"),
    N_("NUMBER") },
  { NULL }
};

static KefuWindow *
get_main_window (KefuApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (KEFU_IS_WINDOW (window))
    return KEFU_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (KEFU_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

KefuWindow *
_kefu_application_ensure_main_window (KefuApplication *self)
{
  KefuWindow *window = get_main_window (self);

  if (window == NULL)
    window = kefu_window_new (GTK_APPLICATION (self));

  return window;
}

static void
set_store (KefuApplication *self,
           KefuStore       *store)
{
  GAction *switch_staff;

  if (!g_set_object (&self->store, store))
    return;

  /* Choosing who works needs a database to list the staff from. */
  switch_staff = g_action_map_lookup_action (G_ACTION_MAP (self), "switch-staff");
  if (switch_staff != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (switch_staff), store != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* A --screenshots run whose database cannot be opened ends at once with the reason, rather
 * than waiting for someone to fix it in the window. */
static void
fail_screenshots (KefuApplication *self,
                  const GError    *error)
{
  if (self->screenshots_dir == NULL)
    return;

  g_printerr (_("Could not take the screenshots: %s\n"), error->message);
  g_clear_object (&self->screenshots_dir);
  self->exit_status = 1;
  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

static void
screenshots_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KefuApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kefu_screenshots_take_finish (result, &error))
    {
      g_printerr (_("Could not take the screenshots: %s\n"), error->message);
      self->exit_status = 1;
    }

  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

static void
start_screenshots (KefuApplication *self)
{
  KefuWindow *window = _kefu_application_ensure_main_window (self);
  GFile *dir = g_steal_pointer (&self->screenshots_dir);

  kefu_screenshots_take_async (window, dir, NULL, screenshots_done_cb, g_object_ref (self));
  g_object_unref (dir);
}

static void
store_ready (KefuApplication *self,
             KefuStore       *store)
{
  KefuWindow *window = _kefu_application_ensure_main_window (self);

  set_store (self, store);
  kefu_window_set_store (window, store);

  if (self->screenshots_dir != NULL)
    start_screenshots (self);
}

static void
signed_in_cb (KefuSignInDialog *dialog,
              KefuStore        *store,
              KefuApplication  *self)
{
  g_object_set_data (G_OBJECT (self), "kefu-sign-in-error", NULL);
  store_ready (self, store);
}

/* Closed without signing in: the window says why the database is not open. */
static void
sign_in_closed_cb (KefuSignInDialog *dialog,
                   KefuApplication  *self)
{
  GError *error = g_object_steal_data (G_OBJECT (self), "kefu-sign-in-error");

  if (error != NULL && self->store == NULL)
    kefu_window_show_database_error (_kefu_application_ensure_main_window (self), self->location,
                                     error);
  g_clear_error (&error);
}

/* The server asks who is signing in: the keyring, or the sign-in dialog. */
static void
sign_in (KefuApplication *self,
         KefuWindow      *window,
         const GError    *error)
{
  KefuSignInDialog *dialog = kefu_sign_in_dialog_new (self->location, self->open_flags);

  g_object_set_data_full (G_OBJECT (self), "kefu-sign-in-error", g_error_copy (error),
                          (GDestroyNotify) g_error_free);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (sign_in_closed_cb), self, 0);
  /* Held by the application until the next sign-in, also when the keyring signs in without
   * showing it. */
  g_object_set_data_full (G_OBJECT (self), "kefu-sign-in-dialog", g_object_ref_sink (dialog),
                          g_object_unref);
  kefu_sign_in_dialog_run (dialog, GTK_WIDGET (window), NULL);
}

static void
store_open_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuApplication) self = user_data;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KefuWindow *window;

  store = kefu_store_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);
  window = _kefu_application_ensure_main_window (self);

  /* A server that wants a password the address does not give: each staff member signs in
   * with their own login. */
  if (store == NULL && self->screenshots_dir == NULL &&
      g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH) &&
      kefu_store_location_is_server (self->location))
    {
      sign_in (self, window, error);
      return;
    }

  if (store == NULL)
    {
      g_message ("Could not open %s: %s", self->location, error->message);
      kefu_window_show_database_error (window, self->location, error);
      fail_screenshots (self, error);
      return;
    }

  store_ready (self, store);
}

static void
kefu_application_startup (GApplication *app)
{
  KefuApplication *self = KEFU_APPLICATION (app);

  G_APPLICATION_CLASS (kefu_application_parent_class)->startup (app);

  _kefu_application_add_actions (self);
}

static void
kefu_application_activate (GApplication *app)
{
  KefuApplication *self = KEFU_APPLICATION (app);
  KefuWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = _kefu_application_ensure_main_window (self);
      if (self->store == NULL && self->open_cancellable == NULL)
        kefu_application_open_from_settings (self);
    }

  if (self->screenshots_dir == NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    {
      /* Pictures of the same size on every machine, and no remembered size spoiled. */
      kefu_window_set_unattended (window, TRUE);
      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
      gtk_window_unmaximize (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
kefu_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  KefuApplication *self = KEFU_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *screenshots = NULL;
  g_autofree char *incoming_call = NULL;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "incoming-call", "s", &incoming_call);
  g_variant_dict_lookup (options, "server", "s", &server);
  g_variant_dict_lookup (options, "screenshots", "^ay", &screenshots);

  if (database != NULL && server != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Give either --database or --server, not both."));
      return 2;
    }

  if (server != NULL && !kefu_store_location_is_server (server))
    {
      g_application_command_line_printerr (command_line,
                                           _("“%s” is not a server address: use postgresql://user@host/dbname.\n"),
                                           server);
      return 2;
    }

  if (screenshots != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->screenshots_dir != NULL || get_main_window (self) != NULL)
        {
          g_application_command_line_printerr (command_line, "%s\n",
                                               _("Kefu is already running; quit it before taking screenshots."));
          return 1;
        }

      self->screenshots_dir = g_application_command_line_create_file_for_arg (command_line, screenshots);
      if (!g_file_make_directory_with_parents (self->screenshots_dir, NULL, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_application_command_line_printerr (command_line, _("Cannot create %s: %s\n"),
                                               screenshots, error->message);
          g_clear_object (&self->screenshots_dir);
          return 1;
        }

      /* Held until the pictures are saved, whatever the window does meanwhile. */
      g_application_hold (app);

      /* Before the window exists, so that no page transition is caught half-way. */
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);
      g_autofree char *path = g_file_get_path (file);

      _kefu_application_ensure_main_window (self);
      kefu_application_open_location (self, path, KEFU_STORE_OPEN_DEFAULT);
    }
  else if (server != NULL)
    {
      _kefu_application_ensure_main_window (self);
      /* Only opened, never written to the settings: a command-line choice (and any password
       * in it) lasts for this run. */
      kefu_application_open_location (self, server, KEFU_STORE_OPEN_DEFAULT);
    }

  g_application_activate (app);

  /* The telephony hand-off (screen pop), also when a running Kefu is reached through D-Bus: the
   * window comes up with a new call from the number. */
  if (incoming_call != NULL && self->screenshots_dir == NULL)
    {
      g_autofree char *number = kefu_application_clean_incoming_number (incoming_call);
      KefuWindow *window = _kefu_application_ensure_main_window (self);

      g_action_group_activate_action (G_ACTION_GROUP (window), "new-call",
                                      g_variant_new_string (number));
      gtk_window_present (GTK_WINDOW (window));
    }

  return 0;
}

static int
kefu_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  /* Everything is handled by the primary instance, in command_line. */
  return -1;
}

static void
kefu_application_dispose (GObject *object)
{
  KefuApplication *self = KEFU_APPLICATION (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->screenshots_dir);

  G_OBJECT_CLASS (kefu_application_parent_class)->dispose (object);
}

static void
kefu_application_finalize (GObject *object)
{
  KefuApplication *self = KEFU_APPLICATION (object);

  g_free (self->location);

  G_OBJECT_CLASS (kefu_application_parent_class)->finalize (object);
}

static void
kefu_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuApplication *self = KEFU_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_application_class_init (KefuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kefu_application_dispose;
  object_class->finalize = kefu_application_finalize;
  object_class->get_property = kefu_application_get_property;

  app_class->startup = kefu_application_startup;
  app_class->activate = kefu_application_activate;
  app_class->command_line = kefu_application_command_line;
  app_class->handle_local_options = kefu_application_handle_local_options;

  /**
   * KefuApplication:store:
   *
   * The open database, or %NULL while none is open.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KEFU_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_application_init (KefuApplication *self)
{
  self->settings = g_settings_new (KEFU_SETTINGS_SCHEMA);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Kefu, the customer service desk. Without options it opens the database chosen in Preferences (at first, a database of its own in your data folder)."));
}

KefuApplication *
kefu_application_new (void)
{
  return g_object_new (KEFU_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* The same resources serve the .Devel build. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
kefu_application_get_settings (KefuApplication *self)
{
  g_return_val_if_fail (KEFU_IS_APPLICATION (self), NULL);

  return self->settings;
}

KefuStore *
kefu_application_get_store (KefuApplication *self)
{
  g_return_val_if_fail (KEFU_IS_APPLICATION (self), NULL);

  return self->store;
}

const char *
kefu_application_get_location (KefuApplication *self)
{
  g_return_val_if_fail (KEFU_IS_APPLICATION (self), NULL);

  return self->location;
}

int
kefu_application_get_exit_status (KefuApplication *self)
{
  g_return_val_if_fail (KEFU_IS_APPLICATION (self), 1);

  return self->exit_status;
}

void
kefu_application_open_location (KefuApplication    *self,
                                const char         *location,
                                KefuStoreOpenFlags  flags)
{
  KefuWindow *window;

  g_return_if_fail (KEFU_IS_APPLICATION (self));
  g_return_if_fail (location != NULL);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (location != self->location)
    {
      g_free (self->location);
      self->location = g_strdup (location);
    }
  self->open_flags = flags;

  set_store (self, NULL);
  window = _kefu_application_ensure_main_window (self);
  kefu_window_show_loading (window, location);

  /* A missing shared file usually means an unmounted share: the store refuses it with
   * KEFU_STORE_OPEN_MUST_EXIST (and creates no folders), which the error page shows as missing. */
  self->open_cancellable = g_cancellable_new ();
  kefu_store_open_full_async (location, flags, self->open_cancellable, store_open_cb,
                              g_object_ref (self));
}

void
kefu_application_open_from_settings (KefuApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  gboolean must_exist = FALSE;

  g_return_if_fail (KEFU_IS_APPLICATION (self));

  location = kefu_application_resolve_location (self->settings, &must_exist, &error);
  if (location == NULL)
    {
      KefuWindow *window = _kefu_application_ensure_main_window (self);

      g_cancellable_cancel (self->open_cancellable);
      g_clear_object (&self->open_cancellable);
      g_clear_pointer (&self->location, g_free);
      self->open_flags = KEFU_STORE_OPEN_DEFAULT;
      set_store (self, NULL);
      kefu_window_show_database_error (window, NULL, error);
      fail_screenshots (self, error);
      return;
    }

  /* A shared file is used by several workstations and must already be there. */
  kefu_application_open_location (self, location,
                                  must_exist ? (KEFU_STORE_OPEN_SHARED_FILE | KEFU_STORE_OPEN_MUST_EXIST)
                                             : KEFU_STORE_OPEN_DEFAULT);
}

char *
kefu_application_dup_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kefu", "kefu.db", NULL);
}

char *
kefu_application_resolve_location (GSettings  *settings,
                                   gboolean   *must_exist,
                                   GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  if (must_exist != NULL)
    *must_exist = FALSE;

  switch ((KefuDatabaseKind) g_settings_get_enum (settings, "database-kind"))
    {
    case KEFU_DATABASE_KIND_SHARED:
      path = g_settings_get_string (settings, "database-path");
      if (path[0] == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Preferences name a shared database file, but no file has been chosen yet."));
          return NULL;
        }
      if (must_exist != NULL)
        *must_exist = TRUE;
      return g_steal_pointer (&path);

    case KEFU_DATABASE_KIND_SERVER:
      uri = g_settings_get_string (settings, "server-uri");
      if (uri[0] == '\0' || !kefu_store_location_is_server (uri))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Preferences name a database server, but no valid server address has been given yet."));
          return NULL;
        }
      return g_steal_pointer (&uri);

    case KEFU_DATABASE_KIND_LOCAL:
    default:
      {
        g_autofree char *dir = NULL;

        path = kefu_application_dup_default_database_path ();
        dir = g_path_get_dirname (path);
        if (g_mkdir_with_parents (dir, 0700) != 0)
          {
            int saved_errno = errno;

            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
            return NULL;
          }
        return g_steal_pointer (&path);
      }
    }
}

/* The caller's number as telephone systems hand it over: a plain number, or a URI such as
 * "sip:13812345678@pbx.example.com;user=phone" or "tel:+86-138-1234-5678". The lookup reads any
 * way of writing the number itself; only the URI around it is taken off here. */
char *
kefu_application_clean_incoming_number (const char *text)
{
  g_autofree char *number = NULL;
  char *end;

  g_return_val_if_fail (text != NULL, NULL);

  number = g_strstrip (g_strdup (text));
  /* A display name may come first: "王伟" <sip:…>. */
  if (strchr (number, '<') != NULL && strchr (number, '>') != NULL)
    {
      char *start = strchr (number, '<') + 1;
      char *close = strchr (start, '>');
      char *inner = close != NULL ? g_strndup (start, close - start) : g_strdup (start);

      g_free (number);
      number = g_strstrip (inner);
    }

  for (const char * const *scheme = (const char * const []) { "sips:", "sip:", "tel:", NULL };
       *scheme != NULL; scheme++)
    if (g_ascii_strncasecmp (number, *scheme, strlen (*scheme)) == 0)
      {
        char *rest = g_strdup (number + strlen (*scheme));

        g_free (number);
        number = rest;
        break;
      }

  end = strpbrk (number, "@;?");
  if (end != NULL)
    *end = '\0';

  return g_strstrip (g_steal_pointer (&number));
}
