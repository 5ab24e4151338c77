/* kefu-shipment-print.h: a shipment's dispatch note (《发货单》) printed or saved as PDF in the
 * layout of the filled paper form: the customer, the payment confirmation, the product lines,
 * the carrier and waybill, the boxes finance, the warehouse, logistics and the customer sign,
 * the steps with who and when, and the timeline.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Reads the shipment (with its lines and timeline) on the store's worker and runs the print
 * dialog over `parent` (GTK's dialog offers "Print to File" for PDF). Errors are shown over
 * `parent`. */
void     kefu_shipment_print        (GtkWindow   *parent,
                                     KefuStore   *store,
                                     gint64       shipment_id);
/* Writes the dispatch note of `shipment_id` as a PDF file (A4), synchronously; for tests and
 * kefuctl. */
gboolean kefu_shipment_print_to_pdf (KefuStore   *store,
                                     gint64       shipment_id,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
