/* kefu-callback-report-pdf.h: the callback summary report (《回访总结报告》,
 * store/kefu-store-callback-report.h) as a printed document: the title with the period and the
 * team, the figures beside the previous period's and the change, the members' coverage against
 * the 100% target, the satisfaction split by reason and by clerk, a chart of the satisfaction
 * answers week by week, and the customers' words verbatim. Drawn with cairo and Pango without
 * GTK: kefuctl writes it as a PDF file, the calendar prints the same document through
 * GtkPrintOperation (kefu_print_document_paginate () and _draw_page () in its callbacks, or
 * kefu_print_document_export ()).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "report/kefu-print-document.h"
#include "store/kefu-store-callback-report.h"

G_BEGIN_DECLS

/* The report as a document; `title_suffix` (may be NULL: "All teams") names the team or the
 * clerk under the title. */
KefuPrintDocument *kefu_callback_report_document (const KefuCallbackReport  *report,
                                                  const char                *title_suffix);
/* Writes the report as a PDF file (A4) at `path`. */
gboolean           kefu_callback_report_save_pdf (const KefuCallbackReport  *report,
                                                  const char                *title_suffix,
                                                  const char                *path,
                                                  GError                   **error);

/* The chart of satisfaction over the weeks (kefu-callback-report-chart.c): stacked bars a week,
 * satisfied at the bottom, with labelled axes and a legend in words, told apart by fill
 * patterns as well as shades so that it reads in black and white. Adds it as a drawing row of
 * `height` points. */
void               kefu_callback_report_add_chart (KefuPrintDocument        *document,
                                                   GArray                   *weeks,
                                                   double                    height);

G_END_DECLS
