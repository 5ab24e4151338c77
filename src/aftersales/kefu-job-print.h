/* kefu-job-print.h: a service job's service feedback form (《售后服务信息反馈单》) printed or saved
 * as PDF in the layout of the filled paper form: the customer, the product and its serial, the
 * warranty and fee, the technician's trip, the work done, parts used, result and the customer's
 * comment, the boxes the technician and the customer sign, the progress reports, and the
 * timeline.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Reads the job (with its progress reports and timeline) on the store's worker and runs the
 * print dialog over `parent` (GTK's dialog offers "Print to File" for PDF). Errors are shown
 * over `parent`. */
void     kefu_job_print        (GtkWindow   *parent,
                                KefuStore   *store,
                                gint64       job_id);
/* Writes the feedback form of `job_id` as a PDF file (A4), synchronously; for tests and
 * kefuctl. */
gboolean kefu_job_print_to_pdf (KefuStore   *store,
                                gint64       job_id,
                                const char  *path,
                                GError     **error);

G_END_DECLS
