/* kefu-print-document-pdf.c: a printed form written as a PDF file (A4) with cairo, without GTK:
 * for kefuctl's reports and the tests; the print dialog is widgets/kefu-print-document-output.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "kefu-print-document-private.h"

gboolean
kefu_print_document_write_pdf (KefuPrintDocument  *document,
                               const char         *path,
                               GError            **error)
{
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = g_strdup_printf ("%s %s", document->title, document->reference);
  surface = cairo_pdf_surface_create (path, KEFU_PRINT_A4_WIDTH, KEFU_PRINT_A4_HEIGHT);
  /* PDF 1.4: what the oldest office software and printers' own PDF readers open. */
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_4);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kefu");

  n_pages = kefu_print_document_paginate (document, cr,
                                          KEFU_PRINT_A4_WIDTH - 2 * KEFU_PRINT_MARGIN,
                                          KEFU_PRINT_A4_HEIGHT - 2 * KEFU_PRINT_MARGIN);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, KEFU_PRINT_MARGIN, KEFU_PRINT_MARGIN);
      kefu_print_document_draw_page (document, cr, i);
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
                   /* Translators: the form's name and reference, the file, then cairo's reason. */
                   _("Could not write %s to %s: %s. Check that the folder exists and can be "
                     "written to."),
                   title, path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
kefu_print_document_save_pdf (KefuStore              *store,
                              gint64                  id,
                              KefuPrintDocumentRead   read,
                              const char             *path,
                              GError                **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (read != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = read (store, id, NULL, error);
  if (document == NULL)
    return FALSE;
  return kefu_print_document_write_pdf (document, path, error);
}
