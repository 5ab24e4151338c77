/* kefu-dashboard-pane-export.c: handing the dashboard up: a section as a CSV file (UTF-8 with a
 * byte-order mark, or GB18030 for older Excel and WPS: the "csv-encoding" setting, chosen in the
 * same menu), the whole dashboard as a PDF report with its charts, or printed. What is written
 * is what is shown: the figures last counted, of their period.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-csv.h"
#include "report/kefu-dashboard-report.h"
#include "widgets/kefu-print-document.h"
#include "kefu-application.h"

#include "kefu-dashboard-pane-private.h"

static const char *
team_text (KefuDashboardPane *self)
{
  const char *team = _kefu_dashboard_pane_team_name (self);

  return team != NULL ? team : _("All teams");
}

static char *
period_text (KefuDashboardPane *self)
{
  g_autofree char *days = kefu_dashboard_report_period_text (self->dashboard);

  /* Translators: a CSV file's first row: the period and whose figures. */
  return g_strdup_printf (C_("dashboard csv", "%s · %s"), days, team_text (self));
}

gboolean
kefu_dashboard_pane_save_csv (KefuDashboardPane *self,
                              const char        *section_id,
                              const char        *path,
                              KefuCsvEncoding    encoding,
                              GError           **error)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (KEFU_IS_DASHBOARD_PANE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->dashboard == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The figures are still being counted. Save again in a moment."));
      return FALSE;
    }
  period = period_text (self);
  return kefu_dashboard_report_save_csv (self->dashboard, section_id, period, encoding, path,
                                         error);
}

gboolean
kefu_dashboard_pane_save_pdf (KefuDashboardPane *self,
                              const char        *path,
                              GError           **error)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (KEFU_IS_DASHBOARD_PANE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->dashboard == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The figures are still being counted. Save again in a moment."));
      return FALSE;
    }
  period = kefu_dashboard_report_period_text (self->dashboard);
  return kefu_dashboard_report_save_pdf (self->dashboard, period, team_text (self), path, error);
}

static void
say (KefuDashboardPane *self,
     const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
say_saved (KefuDashboardPane *self,
           const char        *path,
           GError            *error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;

  if (error != NULL)
    /* Translators: a dashboard file could not be written: the file, then why. */
    message = g_strdup_printf (_("%s could not be saved: %s Choose another folder and try "
                                 "again."), name, error->message);
  else
    /* Translators: the dashboard was saved as this file. */
    message = g_strdup_printf (_("Saved as %s."), name);
  say (self, message);
}

typedef struct
{
  KefuDashboardPane *self;
  char              *section;   /* NULL: the PDF */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->self);
  g_free (job->section);
  g_free (job);
}

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveJob *job = user_data;
  KefuDashboardPane *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (file == NULL)
    ;   /* dismissed: nothing to say */
  else if (path == NULL)
    say (self, _("Reports can only be saved in a local folder. Choose a folder on this "
                 "computer."));
  else
    {
      gboolean saved;

      if (job->section != NULL)
        {
          g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
          g_autofree char *encoding = g_settings_get_string (settings, "csv-encoding");

          saved = kefu_dashboard_pane_save_csv (self, g_str_equal (job->section, "all") ? NULL :
                                                job->section, path,
                                                g_str_equal (encoding, "gb18030") ?
                                                KEFU_CSV_ENCODING_GB18030 :
                                                KEFU_CSV_ENCODING_UTF8_BOM, &error);
        }
      else
        saved = kefu_dashboard_pane_save_pdf (self, path, &error);
      say_saved (self, path, saved ? NULL : error);
    }
  save_job_free (job);
}

static void
choose_file (KefuDashboardPane *self,
             const char        *section)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *first = kefu_period_format_day (&self->dashboard->query.first);
  g_autofree char *last = kefu_period_format_day (&self->dashboard->query.last);
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SaveJob *job = g_new0 (SaveJob, 1);

  if (section != NULL)
    {
      /* Translators: a dashboard section's CSV file name offered by the file chooser: the
       * section's id (calls, complaints …) and the period; keep the .csv. */
      name = g_strdup_printf (_("dashboard-%s-%s-%s.csv"), section, first, last);
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_dialog_set_title (dialog, _("Save the Section as CSV"));
    }
  else
    {
      /* Translators: the dashboard report's file name offered by the file chooser; keep the
       * .pdf. */
      name = g_strdup_printf (_("dashboard-%s-%s.pdf"), first, last);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_dialog_set_title (dialog, _("Save the Dashboard as PDF"));
    }
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_initial_name (dialog, name);
  job->self = g_object_ref (self);
  job->section = g_strdup (section);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        save_chosen_cb, job);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (widget);

  if (self->dashboard != NULL)
    choose_file (self, g_variant_get_string (param, NULL));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (widget);

  if (self->dashboard != NULL)
    choose_file (self, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (widget);
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->dashboard == NULL)
    return;
  period = kefu_dashboard_report_period_text (self->dashboard);
  document = kefu_dashboard_report_document (self->dashboard, period, team_text (self));
  if (!kefu_print_document_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                                  &error))
    {
      g_autofree char *message = g_strdup_printf (_("The dashboard could not be printed: %s"),
                                                  error->message);

      say (self, message);
    }
}

void
_kefu_dashboard_pane_export_init (KefuDashboardPane *self)
{
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) encoding = g_settings_create_action (settings, "csv-encoding");

  /* The encoding is a radio choice of the export menu, kept between runs. */
  g_action_map_add_action (G_ACTION_MAP (group), encoding);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "dashboard-settings", G_ACTION_GROUP (group));
}

void
_kefu_dashboard_pane_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "dashboard.print", NULL, print_action);
}

void
_kefu_dashboard_pane_update_export (KefuDashboardPane *self)
{
  gboolean ready = self->dashboard != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-csv", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.print", ready);
}
