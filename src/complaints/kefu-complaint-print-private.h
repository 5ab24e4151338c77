/* kefu-complaint-print-private.h: the printed complaint record as a document
 * (widgets/kefu-print-document.h), read from the store on any thread; for the tests, which lay
 * it out and read its pages' words.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-complaint-print.h"
#include "widgets/kefu-print-document.h"

G_BEGIN_DECLS

/* Reads everything the record shows (the call, the card, the visits, the timeline) and turns it
 * into the form's rows, in the current locale's words. Any thread. */
KefuPrintDocument *_kefu_complaint_print_read (KefuStore     *store,
                                               gint64         complaint_id,
                                               GCancellable  *cancellable,
                                               GError       **error);

G_END_DECLS
