/* kefu-complaint-print.c: the complaint record printed (GtkPrintOperation) or saved as a PDF.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-print"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "kefu-complaint-print-private.h"

gboolean
kefu_complaint_print_to_pdf (KefuStore   *store,
                             gint64       complaint_id,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);
  g_return_val_if_fail (complaint_id > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = _kefu_print_document_read (store, complaint_id, NULL, error);
  if (document == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (path, KEFU_PRINT_A4_WIDTH, KEFU_PRINT_A4_HEIGHT);
  /* PDF 1.4: what the oldest office software and printers' own PDF readers open. */
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_4);
  cr = cairo_create (surface);
  {
    g_autofree char *title = g_strdup_printf ("%s %s", _("Complaint Call Record"),
                                              _kefu_print_document_get_reference (document));

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kefu");
  }

  n_pages = _kefu_print_document_paginate (document, cr,
                                           KEFU_PRINT_A4_WIDTH - 2 * KEFU_PRINT_MARGIN,
                                           KEFU_PRINT_A4_HEIGHT - 2 * KEFU_PRINT_MARGIN);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, KEFU_PRINT_MARGIN, KEFU_PRINT_MARGIN);
      _kefu_print_document_draw_page (document, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the file, then cairo's reason. */
                   _("Could not write the complaint record to %s: %s. Check that the folder "
                     "exists and can be written to."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Printing */

typedef struct
{
  GtkWindow         *parent;
  KefuPrintDocument *document;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_pointer (&job->document, _kefu_print_document_free);
  g_free (job);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  AdwDialog *dialog = adw_alert_dialog_new (_("The Complaint Record Could Not Be Printed"), message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, parent != NULL ? GTK_WIDGET (parent) : NULL);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages = _kefu_print_document_paginate (job->document,
                                                 gtk_print_context_get_cairo_context (context),
                                                 gtk_print_context_get_width (context),
                                                 gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  _kefu_print_document_draw_page (job->document, gtk_print_context_get_cairo_context (context),
                                  (guint) page);
}

static void
run_print (PrintJob *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = g_strdup_printf ("%s %s", _("Complaint Call Record"),
                                               _kefu_print_document_get_reference (job->document));
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 15, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  {
    /* "Print to File" offers the record's reference as the file name. */
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autofree char *name = g_strdup_printf ("%s.pdf", _kefu_print_document_get_reference (job->document));

    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
    gtk_print_operation_set_print_settings (operation, settings);
  }

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  /* Synchronous: the dialog is modal over the parent, and the job lives until it returns. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    job->parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (job->parent, error->message);
  print_job_free (job);
}

/* Owned by the callback: kefu_store_run_async () carries only objects back. */
typedef struct
{
  GtkWindow         *parent;
  gint64             complaint_id;
  KefuPrintDocument *document;   /* set by the worker */
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->parent);
  g_clear_pointer (&data->document, _kefu_print_document_free);
  g_free (data);
}

static gpointer
read_func (KefuStore     *store,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  ReadData *data = user_data;

  data->document = _kefu_print_document_read (store, data->complaint_id, cancellable, error);
  return NULL;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReadData *data = user_data;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error == NULL && data->document == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The complaint could not be read."));
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (data->parent, error->message);
      read_data_free (data);
      return;
    }

  job = g_new0 (PrintJob, 1);
  job->parent = g_steal_pointer (&data->parent);
  job->document = g_steal_pointer (&data->document);
  read_data_free (data);
  run_print (job);
}

void
kefu_complaint_print (GtkWindow *parent,
                      KefuStore *store,
                      gint64     complaint_id)
{
  ReadData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (complaint_id > 0);

  data = g_new0 (ReadData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->complaint_id = complaint_id;
  kefu_store_run_async (store, read_func, data, NULL, NULL, read_cb, data);
}
