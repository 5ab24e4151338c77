/* kefu-reports-dialog-output.c: the reports dialog making its report (kefu-reports-dialog.h):
 * the file chooser, the report read and written as CSV or PDF on the store's worker
 * (kefu_report_export ()), or read as a document there and printed here; a job's own
 * cancellable for "Cancel".
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-reports-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-print-document.h"

#include "kefu-reports-dialog-private.h"

/* Making a report */

typedef struct
{
  KefuReportsDialog *self;          /* a reference */
  GCancellable      *cancellable;
  KefuReportKind     kind;
  KefuReportQuery    query;
  char              *subject;
  KefuReportFormat   format;
  KefuCsvEncoding    encoding;
  char              *path;          /* NULL: print */
  guint64            n_rows;
  KefuPrintDocument *document;      /* print: the document read */
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->cancellable);
  g_free (job->subject);
  g_free (job->path);
  g_clear_pointer (&job->document, kefu_print_document_free);
  g_free (job);
}

static gpointer
report_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ReportJob *job = data;

  /* The files are drawn and written with cairo and GLib only (no GTK): on the worker. */
  if (job->path != NULL)
    kefu_report_export (store, job->kind, &job->query, job->subject, job->format,
                        job->encoding, job->path, &job->n_rows, cancellable, error);
  else
    job->document = kefu_report_make_document (store, job->kind, &job->query, job->subject,
                                               cancellable, error);
  return NULL;
}

static void
print_document (KefuReportsDialog *self,
                KefuPrintDocument *document)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (kefu_print_document_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                                 &error))
    _kefu_reports_dialog_say (self, _("Sent to the printer."), FALSE);
  else if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be printed: %s Check "
                                                 "the printer, or save the report as a PDF."),
                                               error->message);
      _kefu_reports_dialog_say (self, text, TRUE);
    }
}

static void
report_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReportJob *job = user_data;
  KefuReportsDialog *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self->job_cancellable == job->cancellable)
    g_clear_object (&self->job_cancellable);
  _kefu_reports_dialog_set_busy (self, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* "Cancel" (not the dialog closing): the old file, if any, is as it was. */
      if (!g_cancellable_is_cancelled (self->cancellable))
        _kefu_reports_dialog_say (self, _("Cancelled. No file was written."), FALSE);
    }
  else if (error != NULL)
    {
      g_autofree char *text = NULL;

      if (job->path != NULL)
        /* Translators: the reports dialog's error: why the report could not be saved. */
        text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
      else
        text = g_strdup_printf (_("The report could not be made: %s Try again, or reopen the "
                                  "database if it keeps failing."), error->message);
      _kefu_reports_dialog_say (self, text, TRUE);
    }
  else if (job->path != NULL)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *text = NULL;

      if (job->format == KEFU_REPORT_FORMAT_CSV)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, job->n_rows);

          /* Translators: after a CSV report was saved: the number of rows, then the file. */
          text = g_strdup_printf (ngettext ("Saved %s row as %s.", "Saved %s rows as %s.",
                                            (unsigned long) MIN (job->n_rows, G_MAXULONG)),
                                  count, name);
        }
      else
        /* Translators: the report was saved as this file. */
        text = g_strdup_printf (_("Saved as %s."), name);
      _kefu_reports_dialog_say (self, text, FALSE);
    }
  else if (job->document != NULL)
    {
      _kefu_reports_dialog_say (self, NULL, TRUE);
      print_document (self, job->document);
    }
  report_job_free (job);
}

void
_kefu_reports_dialog_run (KefuReportsDialog *self,
                          const char        *path,
                          KefuReportFormat   format)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  if (!_kefu_reports_dialog_read_query (self, &job->query))
    {
      g_free (job);
      return;
    }
  job->self = g_object_ref (self);
  job->kind = adw_combo_row_get_selected (self->report_row);
  if ((guint) job->kind >= KEFU_REPORT_N_KINDS)
    job->kind = KEFU_REPORT_CALL_LOG;
  job->subject = _kefu_reports_dialog_subject (self, &job->query);
  job->format = format;
  job->encoding = adw_combo_row_get_selected (self->encoding_row) == ENCODING_GB18030
                  ? KEFU_CSV_ENCODING_GB18030 : KEFU_CSV_ENCODING_UTF8_BOM;
  job->path = g_strdup (path);
  /* A job's own cancellable, cancelled by "Cancel" or with the dialog's. */
  job->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           job->cancellable, G_CONNECT_SWAPPED);
  g_set_object (&self->job_cancellable, job->cancellable);
  _kefu_reports_dialog_say (self, NULL, FALSE);
  _kefu_reports_dialog_set_busy (self, TRUE);
  kefu_store_run_async (self->store, report_func, job, NULL, job->cancellable, report_cb, job);
}

void
kefu_reports_dialog_save_to_path (KefuReportsDialog *self,
                                  const char        *path,
                                  KefuReportFormat   format)
{
  g_return_if_fail (KEFU_IS_REPORTS_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->busy == 0);

  _kefu_reports_dialog_run (self, path, format);
}

const char *
kefu_reports_dialog_get_message (KefuReportsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_REPORTS_DIALOG (self), NULL);

  return self->message;
}

/* The file chooser */

typedef struct
{
  KefuReportsDialog *self;   /* a reference */
  KefuReportFormat   format;
} ChooseData;

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ChooseData *data = user_data;
  g_autoptr(KefuReportsDialog) self = data->self;
  KefuReportFormat format = data->format;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_free (data);
  _kefu_reports_dialog_set_busy (self, FALSE);
  if (file == NULL)
    return;   /* dismissed or cancelled: nothing to say */
  if (path == NULL)
    {
      _kefu_reports_dialog_say (self, _("The report can only be saved in a local folder. Choose a folder on this "
                   "computer."), TRUE);
      return;
    }
  _kefu_reports_dialog_run (self, path, format);
}

void
_kefu_reports_dialog_choose_file (KefuReportsDialog *self,
                                  KefuReportFormat   format)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  KefuReportQuery query;
  ChooseData *data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KefuReportKind kind = adw_combo_row_get_selected (self->report_row);

  if (!_kefu_reports_dialog_read_query (self, &query))
    return;
  name = kefu_report_file_name (kind, &query, format);
  if (format == KEFU_REPORT_FORMAT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files (spreadsheets)"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, kefu_report_kind_get_title (kind));
  gtk_file_dialog_set_initial_name (dialog, name);
  data = g_new0 (ChooseData, 1);
  data->self = g_object_ref (self);
  data->format = format;
  _kefu_reports_dialog_set_busy (self, TRUE);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        self->cancellable, save_chosen_cb, data);
}
