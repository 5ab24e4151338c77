/* kefu-aftersales-print-private.h: the dispatch note and the service feedback form as documents
 * (widgets/kefu-print-document.h), read from the store on any thread; for the tests, which lay
 * them out and read their pages' words.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-job-print.h"
#include "kefu-shipment-print.h"
#include "widgets/kefu-print-document.h"

G_BEGIN_DECLS

/* The shipment with its lines and timeline, as the dispatch note's rows. Any thread. */
KefuPrintDocument *_kefu_shipment_print_read (KefuStore     *store,
                                              gint64         shipment_id,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* The job with its progress reports and timeline, as the feedback form's rows. Any thread. */
KefuPrintDocument *_kefu_job_print_read      (KefuStore     *store,
                                              gint64         job_id,
                                              GCancellable  *cancellable,
                                              GError       **error);

G_END_DECLS
