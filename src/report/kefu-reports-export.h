/* kefu-reports-export.h: the managers' reports (store/kefu-store-reports.h) as files: CSV in
 * UTF-8 with a BOM or in GB18030 (core/kefu-csv.h), and PDF through the printed document
 * (kefu-print-document.h: the title, the period and the team under it, tables whose headers
 * repeat on every page, the totals). Every file is written beside its final name and moved over
 * it at the end (core/kefu-atomic-file.h). kefuctl and the reports dialog both export through
 * kefu_report_export (); the dialog prints kefu_report_make_document ().
 *
 * No GTK here: kefuctl writes reports on a server without a display.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-csv.h"
#include "store/kefu-store-reports.h"
#include "kefu-print-document.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_REPORT_CALL_LOG,     /* the daily call log by clerk */
  KEFU_REPORT_CALL_LIST,    /* every call of the period (the log's detail) */
  KEFU_REPORT_COMPLAINTS,   /* the complaint register */
  KEFU_REPORT_ORIGINS,      /* the logistics origin analysis */
} KefuReportKind;

#define KEFU_REPORT_N_KINDS (KEFU_REPORT_ORIGINS + 1)

typedef enum
{
  KEFU_REPORT_FORMAT_CSV,
  KEFU_REPORT_FORMAT_PDF,
} KefuReportFormat;

/* The most calls a PDF of the call list holds (some 400 pages); a longer list goes to CSV. */
#define KEFU_REPORT_MAX_PDF_CALLS 20000

/* The report's title, in the user's language. */
const char        *kefu_report_kind_get_title   (KefuReportKind kind);
/* The file name offered for it: "complaint-register-2026-11-01-2026-11-30.csv". */
char              *kefu_report_file_name        (KefuReportKind          kind,
                                                 const KefuReportQuery  *query,
                                                 KefuReportFormat        format);

/* A table's headers, rows and totals as a CSV file. */
gboolean           kefu_report_table_write_csv  (const KefuReportTable  *table,
                                                 const char             *path,
                                                 KefuCsvEncoding         encoding,
                                                 GError                **error);
/* Each report to CSV. */
gboolean           kefu_call_log_write_csv      (const KefuCallLog      *log,
                                                 const char             *path,
                                                 KefuCsvEncoding         encoding,
                                                 GError                **error);
gboolean           kefu_complaint_register_write_csv (const KefuComplaintRegister *reg,
                                                      const char             *path,
                                                      KefuCsvEncoding         encoding,
                                                      GError                **error);
gboolean           kefu_origin_report_write_csv (const KefuOriginReport *report,
                                                 const char             *path,
                                                 KefuCsvEncoding         encoding,
                                                 GError                **error);
/* Every call of the period, read from the store in pages and written as it comes. */
gboolean           kefu_call_list_write_csv     (KefuStore              *store,
                                                 const KefuReportQuery  *query,
                                                 const char             *path,
                                                 KefuCsvEncoding         encoding,
                                                 guint64                *n_calls,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

/* Each report as a printed document; `subject` names the team or clerk (NULL: all teams). */
KefuPrintDocument *kefu_call_log_document       (const KefuCallLog            *log,
                                                 const char                   *subject);
KefuPrintDocument *kefu_complaint_register_document (const KefuComplaintRegister *reg,
                                                     const char                  *subject);
KefuPrintDocument *kefu_origin_report_document  (const KefuOriginReport       *report,
                                                 const char                   *subject);

/* Reads report `kind` from the store as a printed document (any thread). */
KefuPrintDocument *kefu_report_make_document    (KefuStore              *store,
                                                 KefuReportKind          kind,
                                                 const KefuReportQuery  *query,
                                                 const char             *subject,
                                                 GCancellable           *cancellable,
                                                 GError                **error);
/* Writes `document` as a PDF at `path`, atomically. */
gboolean           kefu_report_document_save_pdf (KefuPrintDocument    *document,
                                                  const char           *path,
                                                  GError              **error);

/* Reads report `kind` and writes it to `path` as CSV (`encoding`) or PDF; `n_rows` (optional)
 * receives the number of rows written (calls, complaints, districts or day-and-clerk rows). */
gboolean           kefu_report_export           (KefuStore              *store,
                                                 KefuReportKind          kind,
                                                 const KefuReportQuery  *query,
                                                 const char             *subject,
                                                 KefuReportFormat        format,
                                                 KefuCsvEncoding         encoding,
                                                 const char             *path,
                                                 guint64                *n_rows,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

G_END_DECLS
