/* kefu-application-actions.c: the application's actions (quit, about, preferences, who is
 * working, opening a complaint from a notification, opening the database again) and their
 * keyboard shortcuts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-application"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-aftersales-settings-page.h"
#include "kefu-callback-settings-page.h"
#include "kefu-application-private.h"
#include "kefu-complaint-settings-page.h"
#include "kefu-preferences-dialog.h"
#include "kefu-staff-page.h"
#include "core/kefu-roles.h"

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);

  /* Calls recorded during an outage still waiting on this workstation: ask first. */
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (KEFU_IS_WINDOW (l->data) && kefu_window_ask_before_quit (KEFU_WINDOW (l->data)))
      return;
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  KefuApplication *self = user_data;
  static const char *developers[] = { "Kefu developers", NULL };
  AdwDialog *dialog;

  dialog = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                         "application-icon", APPLICATION_ID,
                         "application-name", _("Kefu"),
                         "developer-name", "Kefu developers",
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/kefu/kefu",
                         "issue-url", "https://github.com/kefu/kefu/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 Kefu developers",
                         "developers", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KefuApplication *self = user_data;
  AdwDialog *dialog = ADW_DIALOG (kefu_preferences_dialog_new (self->settings));
  KefuWindow *window = _kefu_application_ensure_main_window (self);

  /* The shared rules live in the open database: without one there is nothing to show. */
  if (self->store != NULL)
    {
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog),
                                  ADW_PREFERENCES_PAGE (kefu_complaint_settings_page_new (self->store,
                                                                                          kefu_window_get_staff (window))));
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog),
                                  ADW_PREFERENCES_PAGE (kefu_aftersales_settings_page_new (self->store,
                                                                                           kefu_window_get_staff (window))));
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog),
                                  ADW_PREFERENCES_PAGE (kefu_callback_settings_page_new (self->store,
                                                                                         kefu_window_get_staff (window))));
      /* Staff administration: for those who manage staff only. */
      if (kefu_window_get_staff (window) != NULL &&
          kefu_role_can_manage_staff (kefu_staff_get_role (kefu_window_get_staff (window))))
        adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog),
                                    ADW_PREFERENCES_PAGE (kefu_staff_page_new (self->store,
                                                                               kefu_window_get_staff (window))));
    }

  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* The main window brought up for a notification's action, also when the window was closed or
 * hidden meanwhile. */
static KefuWindow *
present_for_notification (KefuApplication *self)
{
  KefuWindow *window = _kefu_application_ensure_main_window (self);

  /* Started by the notification itself (Kefu was not running): open the database first. */
  if (self->store == NULL && self->open_cancellable == NULL &&
      g_strcmp0 (kefu_window_get_page (window), "database-error") != 0)
    kefu_application_open_from_settings (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* app.open-complaint (x): a complaint notification's default action. */
static void
open_complaint_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  KefuWindow *window = present_for_notification (user_data);
  gint64 complaint_id = g_variant_get_int64 (param);

  if (complaint_id > 0)
    kefu_window_open_complaint (window, complaint_id);
}

/* app.open-shipment (x), app.open-job (x): a shipment or a service job shown in the After-Sales
 * pane, from outside the window (a notification); the window's action of the same name. */
static void
open_aftersales_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  KefuWindow *window = present_for_notification (user_data);

  if (g_variant_get_int64 (param) > 0)
    g_action_group_activate_action (G_ACTION_GROUP (window), g_action_get_name (G_ACTION (action)),
                                    param);
}

static void
switch_staff_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  kefu_window_choose_staff (_kefu_application_ensure_main_window (KEFU_APPLICATION (user_data)));
}

static void
reopen_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  KefuApplication *self = user_data;
  g_autofree char *location = g_strdup (self->location);

  /* The same database the same way: a shared file that vanished (an unmounted share) must stay
   * refused, not be replaced by a new empty database. */
  if (location != NULL)
    kefu_application_open_location (self, location, self->open_flags);
  else
    kefu_application_open_from_settings (self);
}

static void
open_from_settings_action (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  kefu_application_open_from_settings (KEFU_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "switch-staff", switch_staff_action },
  { "open-complaint", open_complaint_action, "x" },
  { "open-shipment", open_aftersales_action, "x" },
  { "open-job", open_aftersales_action, "x" },
  /* "Try Again" on the database error page: the same database once more. */
  { "reopen-database", reopen_action },
  /* Preferences' Apply: the database the settings name now. */
  { "open-database-from-settings", open_from_settings_action },
};

void
_kefu_application_add_actions (KefuApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "switch-staff")),
                               self->store != NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  /* A new call from anywhere in the window: the clerk's most frequent action. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-call('')",
                                         (const char *[]) { "<Control>n", NULL });
}
