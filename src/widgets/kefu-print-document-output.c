/* kefu-print-document-output.c: a printed form read on the store's worker and printed with
 * GtkPrintOperation (whose dialog offers "Print to File"); the PDF file without a dialog is
 * report/kefu-print-document-pdf.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "report/kefu-print-document-private.h"
#include "kefu-print-document.h"

/* Printing */

typedef struct
{
  GtkWindow             *parent;
  gint64                 id;
  KefuPrintDocumentRead  read;
  char                  *failure;
  KefuPrintDocument     *document;   /* set by the worker */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_free (job->failure);
  g_clear_pointer (&job->document, kefu_print_document_free);
  g_free (job);
}

static void
show_error (PrintJob   *job,
            const char *message)
{
  /* Translators: the body of the alert when a printed form failed: what could not be printed,
   * then why, e.g. "The dispatch note could not be printed. This shipment no longer exists.". */
  g_autofree char *body = g_strdup_printf (C_("print failure", "%s %s"), job->failure, message);
  /* A short heading: the alert's title is measured on one line. */
  AdwDialog *dialog = adw_alert_dialog_new (_("Could Not Print"), body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, job->parent != NULL ? GTK_WIDGET (job->parent) : NULL);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KefuPrintDocument *document)
{
  guint n_pages = kefu_print_document_paginate (document,
                                                gtk_print_context_get_cairo_context (context),
                                                gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              KefuPrintDocument *document)
{
  kefu_print_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                 (guint) page);
}

/* The print operation of `document` (which must outlive it): A4 with the PDF's margins, in
 * points, named after the form and its record. */
static GtkPrintOperation *
make_operation (KefuPrintDocument *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *job_name = g_strdup_printf ("%s %s", document->title, document->reference);
  g_autofree char *file_name = g_strdup_printf ("%s.pdf", document->reference);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 15, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* "Print to File" offers the record's reference as the file name. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, file_name);
  gtk_print_operation_set_print_settings (operation, settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  return operation;
}

gboolean
kefu_print_document_print (GtkWindow          *parent,
                           KefuPrintDocument  *document,
                           GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = make_operation (document);
  /* Synchronous: the dialog is modal over the parent, and the document lives until it
   * returns. */
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                  error) == GTK_PRINT_OPERATION_RESULT_APPLY;
}

static void
run_print (PrintJob *job)
{
  g_autoptr(GError) error = NULL;

  if (!kefu_print_document_print (job->parent, job->document, &error) && error != NULL)
    show_error (job, error->message);
}

gboolean
kefu_print_document_export (KefuPrintDocument  *document,
                            const char         *path,
                            GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = make_operation (document);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static gpointer
read_func (KefuStore     *store,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PrintJob *job = user_data;

  job->document = job->read (store, job->id, cancellable, error);
  return NULL;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error == NULL && job->document == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("The record could not be read. Try again, or reopen the "
                                   "database if it keeps failing."));
  if (error == NULL)
    run_print (job);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (job, error->message);
  print_job_free (job);
}

void
kefu_print_document_run (GtkWindow             *parent,
                         KefuStore             *store,
                         gint64                 id,
                         KefuPrintDocumentRead  read,
                         const char            *failure)
{
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (id > 0);
  g_return_if_fail (read != NULL);
  g_return_if_fail (failure != NULL);

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->id = id;
  job->read = read;
  job->failure = g_strdup (failure);
  /* Owned by the callback: kefu_store_run_async () carries only objects back. */
  kefu_store_run_async (store, read_func, job, NULL, NULL, read_cb, job);
}
