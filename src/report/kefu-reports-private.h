/* kefu-reports-private.h: shared by the report files (kefu-reports-export.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-reports-export.h"

G_BEGIN_DECLS

/* A new document titled `title` with the period and the team (`subject`) under it. */
KefuPrintDocument *_kefu_report_document_new (const char            *title,
                                              const KefuReportQuery *query,
                                              const char            *subject);
/* Every call of the period as a printed list; more than KEFU_REPORT_MAX_PDF_CALLS calls is
 * an error that says to save the list as CSV. */
KefuPrintDocument *_kefu_call_list_document  (KefuStore             *store,
                                              const KefuReportQuery *query,
                                              const char            *subject,
                                              GCancellable          *cancellable,
                                              GError               **error);

G_END_DECLS
