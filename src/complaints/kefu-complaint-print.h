/* kefu-complaint-print.h: the complaint record (《客户投诉电话记录单》) printed or saved as PDF in
 * the layout of the filled paper form, with the routing, outcome and the timeline, for the
 * departments that still work on paper. Drawn with cairo and Pango: the same drawing serves
 * GtkPrintOperation and a PDF file.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-store.h"

G_BEGIN_DECLS

/* Reads the complaint (call, card, visits, timeline) and runs the print dialog over `parent`
 * (GTK's dialog offers "Print to File" for PDF). Errors are shown over `parent`. */
void     kefu_complaint_print           (GtkWindow    *parent,
                                         KefuStore    *store,
                                         gint64        complaint_id);
/* Writes the record of `complaint_id` as a PDF file (A4), synchronously; for tests and kefuctl. */
gboolean kefu_complaint_print_to_pdf    (KefuStore    *store,
                                         gint64        complaint_id,
                                         const char   *path,
                                         GError      **error);

G_END_DECLS
