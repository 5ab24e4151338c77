/* kefu-database-page.c: why the database cannot be opened.
 *
 * The buttons activate app actions: "app.preferences" to choose another database (local file,
 * shared file or server) and "app.reopen-database" to try the same one again, e.g. after the
 * share was mounted or the server came back.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-database-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/kefu-store.h"

#include "kefu-database-page.h"

/* A plain widget with a bin layout rather than an AdwBin: the status page is a template child,
 * and gtk_widget_dispose_template() must be the one to unparent it. */
struct _KefuDatabasePage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (KefuDatabasePage, kefu_database_page, GTK_TYPE_WIDGET)

static void
describe_error (const GError  *error,
                const char   **title,
                const char   **icon_name)
{
  *icon_name = "dialog-warning-symbolic";

  if (error != NULL && error->domain == KEFU_STORE_ERROR)
    {
      switch ((KefuStoreError) error->code)
        {
        case KEFU_STORE_ERROR_NOT_A_DATABASE:
          *title = _("This File Is Not a Kefu Database");
          *icon_name = "x-office-document-symbolic";
          return;

        case KEFU_STORE_ERROR_READ_ONLY:
          *title = _("The Database Is Read-Only");
          *icon_name = "changes-prevent-symbolic";
          return;

        case KEFU_STORE_ERROR_SCHEMA_TOO_NEW:
          *title = _("The Database Needs a Newer Kefu");
          *icon_name = "software-update-available-symbolic";
          return;

        case KEFU_STORE_ERROR_CONNECTION:
          *title = _("Can’t Reach the Database Server");
          *icon_name = "network-error-symbolic";
          return;

        case KEFU_STORE_ERROR_AUTH:
          *title = _("The Server Refused the Sign-In");
          *icon_name = "dialog-password-symbolic";
          return;

        case KEFU_STORE_ERROR_MISSING_FILE:
          /* Usually a file share that is not mounted. */
          *title = _("The Database File Is Missing");
          *icon_name = "folder-remote-symbolic";
          return;

        case KEFU_STORE_ERROR_BUSY:
          *title = _("The Database Is Busy");
          return;

        case KEFU_STORE_ERROR_FAILED:
        case KEFU_STORE_ERROR_STALE_VERSION:
        case KEFU_STORE_ERROR_NOT_FOUND:
        case KEFU_STORE_ERROR_DUPLICATE:
        case KEFU_STORE_ERROR_INVALID:
        case KEFU_STORE_ERROR_PERMISSION:
        case KEFU_STORE_ERROR_NO_ACTOR:
        default:
          break;
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      *title = _("The Database File Is Missing");
      *icon_name = "folder-remote-symbolic";
      return;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      *title = _("No Database Chosen");
      *icon_name = "preferences-system-symbolic";
      return;
    }

  *title = _("Can’t Open the Database");
}

static void
kefu_database_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_DATABASE_PAGE);

  G_OBJECT_CLASS (kefu_database_page_parent_class)->dispose (object);
}

static void
kefu_database_page_class_init (KefuDatabasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_database_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-database-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuDatabasePage, status_page);
}

static void
kefu_database_page_init (KefuDatabasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
kefu_database_page_set_error (KefuDatabasePage *self,
                              const char       *location,
                              const GError     *error)
{
  g_autofree char *description = NULL;
  g_autofree char *escaped_message = NULL;
  const char *title;
  const char *icon_name;

  g_return_if_fail (KEFU_IS_DATABASE_PAGE (self));

  describe_error (error, &title, &icon_name);
  escaped_message = g_markup_escape_text (error ? error->message : _("Unknown error"), -1);

  /* The location in bold above the message, unless the message names it already. */
  if (location != NULL && (error == NULL || strstr (error->message, location) == NULL))
    {
      g_autofree char *shown = kefu_database_page_describe_location (location);
      g_autofree char *escaped_location = g_markup_escape_text (shown, -1);

      description = g_strdup_printf ("<b>%s</b>\n\n%s", escaped_location, escaped_message);
    }
  else
    description = g_steal_pointer (&escaped_message);

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_description (self->status_page, description);
}

const char *
kefu_database_page_get_title (KefuDatabasePage *self)
{
  g_return_val_if_fail (KEFU_IS_DATABASE_PAGE (self), NULL);

  return adw_status_page_get_title (self->status_page);
}

char *
kefu_database_page_describe_location (const char *location)
{
  g_autoptr(GRegex) password = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (!kefu_store_location_is_server (location))
    return g_strdup (location);

  if (strstr (location, "://") != NULL)
    {
      /* By pattern rather than with GUri: libpq also takes multi-host URIs that GUri rejects,
       * and those must lose their password too. */
      g_autoptr(GRegex) userinfo = g_regex_new ("^([a-z]+://[^:/@]*):[^/]*@", G_REGEX_CASELESS, 0, NULL);
      g_autofree char *without = g_regex_replace (userinfo, location, -1, 0, "\\1@", 0, NULL);

      /* The password may also be a query parameter (…?password=…). */
      password = g_regex_new ("([?&]password=)[^&]*", G_REGEX_CASELESS, 0, NULL);
      return g_regex_replace (password, without, -1, 0, "\\1…", 0, NULL);
    }

  /* libpq's key=value form: password=secret or password='se cret'. */
  password = g_regex_new ("(\\bpassword\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S+)", G_REGEX_CASELESS, 0, NULL);
  return g_regex_replace (password, location, -1, 0, "\\1…", 0, NULL);
}
