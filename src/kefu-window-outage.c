/* kefu-window-outage.c: what the window does about the database being out of reach and about
 * backups: the banner's store, asking before quitting while recorded calls still wait on this
 * workstation, and "Back up now…".
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-intake-queue.h"
#include "widgets/kefu-outage-banner.h"

#include "kefu-window-private.h"

/* Quitting */

static guint
n_waiting (KefuWindow *self)
{
  if (self->store == NULL)
    return 0;
  return kefu_intake_queue_get_n_waiting (kefu_intake_queue_get_for_store (self->store));
}

typedef enum
{
  AFTER_CLOSE_WINDOW,
  AFTER_QUIT_APPLICATION,
} AfterConfirm;

static void
quit_response_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  KefuWindow     *self)
{
  AfterConfirm after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "after"));
  GApplication *application;

  if (!g_str_equal (response, "quit"))
    return;
  self->quit_confirmed = TRUE;
  application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (after == AFTER_QUIT_APPLICATION && application != NULL)
    g_application_quit (application);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ask (KefuWindow   *self,
     AfterConfirm  after)
{
  guint n = n_waiting (self);
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  if (n == 0 || self->quit_confirmed)
    return FALSE;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u call recorded while the database could not be "
                                       "reached is waiting on this workstation. It is kept and "
                                       "saved when Kefu next starts and reaches the database.",
                                       "%u calls recorded while the database could not be "
                                       "reached are waiting on this workstation. They are kept "
                                       "and saved when Kefu next starts and reaches the "
                                       "database.",
                                       n),
                          n);
  dialog = adw_alert_dialog_new (_("Quit With Records Waiting?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Stay"),
                                  "quit", _("_Quit and Keep Them"),
                                  NULL);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "after", GINT_TO_POINTER (after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

gboolean
_kefu_window_outage_close_request (KefuWindow *self)
{
  return ask (self, AFTER_CLOSE_WINDOW);
}

/**
 * kefu_window_ask_before_quit:
 *
 * Asks before quitting while recorded calls wait on this workstation (the application quits
 * when the clerk confirms).
 *
 * Returns: %TRUE when it asked (the caller must not quit now)
 */
gboolean
kefu_window_ask_before_quit (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), FALSE);

  return ask (self, AFTER_QUIT_APPLICATION);
}

/* Backing up */

typedef struct
{
  KefuWindow *self;
  AdwDialog  *progress;
  GCancellable *cancellable;
  char       *path;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->progress);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
}

static gpointer
backup_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  if (!kefu_store_backup (store, data, cancellable, error))
    return NULL;
  return g_object_ref (store);
}

static void
show_result (KefuWindow *self,
             const char *heading,
             const char *body,
             const char *detail)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  if (detail != NULL)
    {
      GtkWidget *label = gtk_label_new (detail);

      /* The command is for copying into a terminal. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "monospace");
      adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), label);
    }
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BackupJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) done = kefu_store_run_finish (KEFU_STORE (object), result, &error);

  if (job->progress != NULL)
    adw_dialog_force_close (job->progress);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (done != NULL)
    {
      /* Translators: %s is the file the backup was written to. */
      g_autofree char *body = g_strdup_printf (_("The database was copied to “%s” and the copy "
                                                 "was checked."), job->path);

      show_result (job->self, _("Backup Saved"), body, NULL);
    }
  else if (kefu_store_get_backend (KEFU_STORE (object)) == KEFU_STORE_BACKEND_POSTGRES)
    show_result (job->self, _("Back Up With pg_dump"),
                 _("A PostgreSQL database is backed up with the server's own tool. Run the "
                   "command below on a computer that can reach the server, or ask the database "
                   "administrator."),
                 error->message);
  else
    show_result (job->self, _("Backup Failed"), error->message, NULL);
  backup_job_free (job);
}

static void
progress_response_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      GCancellable   *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
start_backup (KefuWindow *self,
              const char *path)
{
  BackupJob *job = g_new0 (BackupJob, 1);

  job->self = g_object_ref (self);
  job->cancellable = g_cancellable_new ();
  job->path = g_strdup (path);
  if (path != NULL)
    {
      GtkWidget *spinner = adw_spinner_new ();

      job->progress = g_object_ref_sink (adw_alert_dialog_new (_("Backing Up…"), path));
      adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (job->progress), spinner);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (job->progress), "cancel", _("_Cancel"));
      g_signal_connect_object (job->progress, "response", G_CALLBACK (progress_response_cb),
                               job->cancellable, 0);
      adw_dialog_present (job->progress, GTK_WIDGET (self));
    }
  /* PostgreSQL refuses at once with the pg_dump command; the path is not used then. */
  kefu_store_run_async (self->store, backup_func,
                        g_strdup (path != NULL ? path : "kefu.dump"), g_free,
                        job->cancellable, backup_done_cb, job);
}

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *path = NULL;

  if (file == NULL || self->store == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_result (self, _("Backup Failed"),
                   _("Choose a folder on this computer or on a mounted share."), NULL);
      return;
    }
  start_backup (self, path);
}

static void
backup_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  KefuWindow *self = user_data;
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  if (kefu_store_get_backend (self->store) == KEFU_STORE_BACKEND_POSTGRES)
    {
      start_backup (self, NULL);
      return;
    }

  now = g_date_time_new_now_local ();
  name = g_date_time_format (now, "kefu-backup-%Y%m%d-%H%M.db");
  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Back Up Database"));
  gtk_file_dialog_set_accept_label (dialog, _("_Back Up"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_chosen_cb, g_object_ref (self));
}

/* The same without the file chooser, to a path given (tests and scripted use). */
static void
backup_to_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  KefuWindow *self = user_data;

  if (self->store != NULL)
    start_backup (self, g_variant_get_string (param, NULL));
}

void
_kefu_window_outage_init (KefuWindow *self)
{
  static const GActionEntry entries[] = {
    { "backup", backup_activated },
    { "backup-to", backup_to_activated, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_object_bind_property (self, "store", self->outage_banner, "store", G_BINDING_SYNC_CREATE);
}
