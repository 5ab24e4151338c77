/* kefu-preferences-dialog.c: which database this workstation uses.
 *
 * The three kinds are radio buttons bound to the property action "prefs.database-kind"; the shared
 * file comes from a GtkFileDialog and the server address from an entry that is checked as it is
 * typed. Nothing reaches GSettings until Apply, so a half-typed address never reconnects anything.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-application.h"
#include "kefu-preferences-dialog.h"

struct _KefuPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  char                 *database_kind;
  char                 *database_path;
  char                 *server_uri;
  GCancellable         *cancellable;

  AdwActionRow         *local_row;
  AdwActionRow         *shared_file_row;
  AdwEntryRow          *server_entry;
  GtkLabel             *server_error_label;
};

G_DEFINE_FINAL_TYPE (KefuPreferencesDialog, kefu_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE_KIND,
  PROP_DATABASE_PATH,
  PROP_SERVER_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The address is kept in GSettings, in plain text for anyone who can read the user's files:
 * libpq reads the password from ~/.pgpass instead, so one in the address is refused. */
static void
set_password_reason (char **reason)
{
  if (reason)
    *reason = g_strdup (_("Don’t put the password in the address: Kefu stores the address in plain text. Put it in ~/.pgpass (host:port:database:user:password), and Kefu will use it."));
}

/* TRUE when the part of a postgresql:// address after the scheme carries a password: in the
 * user information (user:password@host) or as a password= parameter. */
static gboolean
uri_has_password (const char *rest)
{
  gsize authority_length = strcspn (rest, "/?");
  const char *query = strchr (rest, '?');
  const char *at = NULL;

  /* The last @ ends the user information: a password may itself hold an @. */
  for (gsize i = 0; i < authority_length; i++)
    if (rest[i] == '@')
      at = rest + i;
  if (at != NULL && memchr (rest, ':', at - rest) != NULL)
    return TRUE;

  if (query != NULL)
    {
      g_auto(GStrv) parameters = g_strsplit (query + 1, "&", -1);

      for (guint i = 0; parameters[i] != NULL; i++)
        if (g_str_has_prefix (parameters[i], "password=") ||
            g_str_equal (parameters[i], "password"))
          return TRUE;
    }

  return FALSE;
}

static gboolean
is_libpq_key (const char *key,
              gsize       length)
{
  if (length == 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (key[i]) && key[i] != '_')
      return FALSE;

  return TRUE;
}

/* libpq's key=value form: words `key=value`, values optionally in single quotes with
 * backslash escapes, separated by spaces. */
static gboolean
check_key_values (const char  *text,
                  char       **reason)
{
  const char *p = text;
  guint pairs = 0;
  gboolean password = FALSE;

  while (*p != '\0')
    {
      const char *key;
      const char *eq;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      key = p;
      eq = strchr (p, '=');
      if (eq == NULL)
        goto bad;

      {
        gsize key_length = eq - key;

        while (key_length > 0 && g_ascii_isspace (key[key_length - 1]))
          key_length--;
        if (!is_libpq_key (key, key_length))
          goto bad;
        if (key_length == strlen ("password") && strncmp (key, "password", key_length) == 0)
          password = TRUE;
      }

      p = eq + 1;
      while (g_ascii_isspace (*p))
        p++;

      if (*p == '\'')
        {
          p++;
          while (*p != '\0' && *p != '\'')
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              p++;
            }
          if (*p != '\'')
            {
              if (reason)
                *reason = g_strdup (_("A quoted value is not closed with '."));
              return FALSE;
            }
          p++;
        }
      else
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
        }

      pairs++;
    }

  if (pairs > 0 && password)
    {
      set_password_reason (reason);
      return FALSE;
    }
  if (pairs > 0)
    return TRUE;

bad:
  if (reason)
    *reason = g_strdup (_("Write the address as postgresql://user@host/database or as key=value pairs such as host=db.example.com dbname=kefu."));
  return FALSE;
}

gboolean
kefu_preferences_check_server_uri (const char  *uri,
                                   char       **reason)
{
  const char *rest = NULL;

  if (reason)
    *reason = NULL;

  if (uri == NULL || uri[0] == '\0')
    {
      if (reason)
        *reason = g_strdup (_("Enter the address of the database server."));
      return FALSE;
    }

  if (g_str_has_prefix (uri, "postgresql://"))
    rest = uri + strlen ("postgresql://");
  else if (g_str_has_prefix (uri, "postgres://"))
    rest = uri + strlen ("postgres://");

  if (rest != NULL)
    {
      for (const char *p = rest; *p; p++)
        if (g_ascii_isspace (*p))
          {
            if (reason)
              *reason = g_strdup (_("An address in postgresql:// form cannot contain spaces."));
            return FALSE;
          }

      /* Everything after the scheme is optional in libpq (a local socket and the user's own
       * database), but an address with nothing after it is almost always unfinished. */
      if (rest[0] == '\0')
        {
          if (reason)
            *reason = g_strdup (_("Add the server’s host name and the database after postgresql://."));
          return FALSE;
        }
      if (uri_has_password (rest))
        {
          set_password_reason (reason);
          return FALSE;
        }
      return TRUE;
    }

  if (strstr (uri, "://") != NULL)
    {
      if (reason)
        *reason = g_strdup (_("Only PostgreSQL servers are supported: the address must begin with postgresql://."));
      return FALSE;
    }

  return check_key_values (uri, reason);
}

static gboolean
is_valid (KefuPreferencesDialog *self,
          char                 **reason)
{
  if (reason)
    *reason = NULL;

  if (g_strcmp0 (self->database_kind, "shared") == 0)
    {
      if (self->database_path == NULL || self->database_path[0] == '\0')
        {
          if (reason)
            *reason = g_strdup (_("Choose the shared database file."));
          return FALSE;
        }
      return TRUE;
    }

  if (g_strcmp0 (self->database_kind, "server") == 0)
    return kefu_preferences_check_server_uri (self->server_uri, reason);

  return TRUE;
}

static void
update (KefuPreferencesDialog *self)
{
  g_autofree char *reason = NULL;
  gboolean server = g_strcmp0 (self->database_kind, "server") == 0;
  gboolean shared = g_strcmp0 (self->database_kind, "shared") == 0;
  gboolean valid = is_valid (self, &reason);

  gtk_widget_set_visible (GTK_WIDGET (self->shared_file_row), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->server_entry), server);

  /* The entry only complains once something was typed into it. */
  if (server && !valid && self->server_uri != NULL && self->server_uri[0] != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_entry), "error");
      gtk_label_set_label (self->server_error_label, reason);
      gtk_widget_set_visible (GTK_WIDGET (self->server_error_label), TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->server_entry), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->server_error_label), FALSE);
    }

  if (self->database_path != NULL && self->database_path[0] != '\0')
    adw_action_row_set_subtitle (self->shared_file_row, self->database_path);
  else
    adw_action_row_set_subtitle (self->shared_file_row, _("No file chosen"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.apply", valid);
}

static void
set_string (KefuPreferencesDialog  *self,
            char                  **field,
            const char             *value,
            guint                   prop_id)
{
  if (g_set_str (field, value))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuPreferencesDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                          adw_toast_new (error->message));
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                        adw_toast_new (_("Choose a file on a mounted folder: Kefu needs a real path to lock the database.")));
      return;
    }

  set_string (self, &self->database_path, path, PROP_DATABASE_PATH);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Kefu databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, filter);
  g_list_store_append (filters, all);

  gtk_file_dialog_set_title (dialog, _("Choose the Shared Database"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  if (self->database_path != NULL && self->database_path[0] != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->database_path);

      gtk_file_dialog_set_initial_file (dialog, current);
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_file_dialog_open (dialog,
                        GTK_WINDOW (gtk_widget_get_root (widget)),
                        self->cancellable,
                        file_chosen_cb,
                        g_object_ref (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (widget);

  if (!is_valid (self, NULL))
    return;

  /* The path or address first, so a watcher never sees the new kind with an old location. */
  if (g_strcmp0 (self->database_kind, "shared") == 0)
    g_settings_set_string (self->settings, "database-path", self->database_path);
  if (g_strcmp0 (self->database_kind, "server") == 0)
    g_settings_set_string (self->settings, "server-uri", self->server_uri);
  g_settings_set_string (self->settings, "database-kind", self->database_kind);

  gtk_widget_activate_action (widget, "app.open-database-from-settings", NULL);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
kefu_preferences_dialog_constructed (GObject *object)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (object);
  g_autofree char *default_path = kefu_application_dup_default_database_path ();
  g_autofree char *subtitle = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  G_OBJECT_CLASS (kefu_preferences_dialog_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  /* Translators: %s is a file path. */
  subtitle = g_strdup_printf (_("A database of your own, in %s. Right for one workstation."), default_path);
  adw_action_row_set_subtitle (self->local_row, subtitle);

  kind = g_settings_get_string (self->settings, "database-kind");
  path = g_settings_get_string (self->settings, "database-path");
  uri = g_settings_get_string (self->settings, "server-uri");

  g_object_set (self,
                "database-kind", kind,
                "database-path", path,
                "server-uri", uri,
                NULL);
  update (self);
}

static void
kefu_preferences_dialog_dispose (GObject *object)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_PREFERENCES_DIALOG);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kefu_preferences_dialog_parent_class)->dispose (object);
}

static void
kefu_preferences_dialog_finalize (GObject *object)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (object);

  g_free (self->database_kind);
  g_free (self->database_path);
  g_free (self->server_uri);

  G_OBJECT_CLASS (kefu_preferences_dialog_parent_class)->finalize (object);
}

static void
kefu_preferences_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DATABASE_KIND:
      g_value_set_string (value, self->database_kind);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_SERVER_URI:
      g_value_set_string (value, self->server_uri);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_preferences_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KefuPreferencesDialog *self = KEFU_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DATABASE_KIND:
      {
        const char *kind = g_value_get_string (value);

        if (g_strcmp0 (kind, "shared") != 0 && g_strcmp0 (kind, "server") != 0)
          kind = "local";
        set_string (self, &self->database_kind, kind, PROP_DATABASE_KIND);
      }
      break;

    case PROP_DATABASE_PATH:
      set_string (self, &self->database_path, g_value_get_string (value), PROP_DATABASE_PATH);
      break;

    case PROP_SERVER_URI:
      set_string (self, &self->server_uri, g_value_get_string (value), PROP_SERVER_URI);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_preferences_dialog_class_init (KefuPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_preferences_dialog_constructed;
  object_class->dispose = kefu_preferences_dialog_dispose;
  object_class->finalize = kefu_preferences_dialog_finalize;
  object_class->get_property = kefu_preferences_dialog_get_property;
  object_class->set_property = kefu_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* "local", "shared" or "server", as the "database-kind" key. */
  properties[PROP_DATABASE_KIND] =
    g_param_spec_string ("database-kind", NULL, NULL, "local",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SERVER_URI] =
    g_param_spec_string ("server-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuPreferencesDialog, local_row);
  gtk_widget_class_bind_template_child (widget_class, KefuPreferencesDialog, server_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuPreferencesDialog, server_error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuPreferencesDialog, shared_file_row);

  gtk_widget_class_install_property_action (widget_class, "prefs.database-kind", "database-kind");
  gtk_widget_class_install_action (widget_class, "prefs.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "prefs.apply", NULL, apply_action);
}

static void
kefu_preferences_dialog_init (KefuPreferencesDialog *self)
{
  self->database_kind = g_strdup ("local");
  self->database_path = g_strdup ("");
  self->server_uri = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
}

KefuPreferencesDialog *
kefu_preferences_dialog_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (KEFU_TYPE_PREFERENCES_DIALOG,
                       "settings", settings,
                       NULL);
}
