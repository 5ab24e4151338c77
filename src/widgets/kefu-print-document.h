/* kefu-print-document.h: the printed forms (report/kefu-print-document.h, which lays them out
 * and draws them without GTK) run through GtkPrintOperation: the print dialog, with "Print to
 * File" for PDF, and the same operation exporting to a file for the tests.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "report/kefu-print-document.h"

G_BEGIN_DECLS

/* Reads record `id` with `read` on the store's worker, then runs the print dialog over `parent`
 * (GTK's dialog offers "Print to File" for PDF). Errors are shown over `parent`, `failure` (a
 * sentence: "The dispatch note could not be printed.") before the reason. */
void               kefu_print_document_run            (GtkWindow             *parent,
                                                       KefuStore             *store,
                                                       gint64                 id,
                                                       KefuPrintDocumentRead  read,
                                                       const char            *failure);

/* Runs the print dialog over `parent` for a document already made (a report counted before):
 * TRUE when it was printed (or printed to a file), FALSE when the dialog was cancelled or
 * printing failed (`error` set then). */
gboolean           kefu_print_document_print          (GtkWindow             *parent,
                                                       KefuPrintDocument     *document,
                                                       GError               **error);

/* Runs the print operation kefu_print_document_run () runs, without its dialog, exporting to
 * the PDF file `path` (what "Print to File" writes); for tests. */
gboolean           kefu_print_document_export         (KefuPrintDocument     *document,
                                                       const char            *path,
                                                       GError               **error);

G_END_DECLS
