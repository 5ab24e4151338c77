/* kefu-store-reports.h: the reports a manager hands to the company's management (domain.md §5,
 * the seed's 报表功能导出), each over a period of local days and optionally a team (the staff of
 * a department) or one clerk, counted and filtered in SQL:
 *
 * The daily call log by clerk (每日来电记录)
 *   One row per local day and clerk with any call: the calls of each kind (calls.kind), their
 *   total, and the inquiries converted to orders (inquiry calls of that day and clerk whose lead
 *   is 'converted' now). Calls are grouped in SQL by UTC hour and clerk and folded here into
 *   local days, so that a call at 23:30 and one at 00:30 local time land on their own days in
 *   every zone of whole hours. The team and clerk: calls.clerk_id and that clerk's department.
 *   The detail variant (kefu_store_report_each_call ()) gives every call of the period in
 *   received order, read in pages, so that a month of 100,000 calls is never held at once.
 *
 * The complaint register (投诉登记表)
 *   Every complaint received in the period (complaints.received_at), oldest first, with its
 *   category, what it is about, the departments it was routed to, its stage and times, the
 *   resolution and the callback's satisfaction. Archived complaints are left out. The clerk:
 *   the complaint's owner (who took the call).
 *
 * The logistics origin analysis (发货地分析)
 *   Where requests come from, by district, whether or not they were finally shipped (the seed:
 *   the information is kept either way, to see how the business is spread and where markets
 *   can be opened): per district, the order calls received in the period (the order's district,
 *   else the customer's), those of them outside the service areas (orders.out_of_area), the
 *   shipment requests filed in the period (shipments.requested_at, by the customer's district,
 *   archived ones included: a cancelled request is still a request), and those of them that
 *   were ever shipped (shipped_at set). An empty or unknown district is one row of its own
 *   (`district` NULL), listed last. The clerk: calls.clerk_id for calls, shipments.requested_by
 *   for shipments.
 *
 * Each report also comes as a KefuReportTable: its column headers in the user's language and
 * its rows as the texts an export writes (CSV, PDF, the dialog), with a totals row.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS

/* Which records: local days `first` to `last` (included), a team (`department_id`, 0: all)
 * and a clerk (`clerk_id`, 0: all). */
typedef struct
{
  GDate  first;
  GDate  last;
  gint64 department_id;
  gint64 clerk_id;
} KefuReportQuery;

/* The most days a report spans (a little over a year). */
#define KEFU_REPORT_MAX_DAYS 400

void kefu_report_query_init (KefuReportQuery *query,
                             const GDate     *first,
                             const GDate     *last,
                             gint64           department_id,
                             gint64           clerk_id);

/* A report as rows of texts: `headers` and every row (and `totals`) have `n_columns` texts. */
typedef struct
{
  char      *title;
  guint      n_columns;
  char     **headers;   /* NULL-terminated */
  GPtrArray *rows;      /* char ** (NULL-terminated), one a row */
  char     **totals;    /* NULL-terminated, or NULL for no totals row */
} KefuReportTable;

void              kefu_report_table_free (KefuReportTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuReportTable, kefu_report_table_free)

/* The daily call log by clerk */

typedef struct
{
  GDate  day;
  gint64 clerk_id;
  char  *clerk_name;
  guint  orders;
  guint  complaints;
  guint  inquiries;
  guint  total;
  guint  converted;
} KefuCallLogRow;

typedef struct
{
  KefuReportQuery query;
  GArray         *rows;     /* KefuCallLogRow, by day, then clerk name */
  KefuCallLogRow  totals;   /* every row added up (no day, no clerk) */
} KefuCallLog;

KefuCallLog      *kefu_store_report_call_log (KefuStore              *self,
                                              const KefuReportQuery  *query,
                                              GCancellable           *cancellable,
                                              GError                **error);
void              kefu_call_log_free         (KefuCallLog            *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallLog, kefu_call_log_free)
KefuReportTable  *kefu_call_log_to_table     (const KefuCallLog      *log);

/* One call of the detail variant; its texts are valid during the callback only. */
typedef struct
{
  GDateTime    *received_at;
  const char   *reference;
  KefuCallKind  kind;
  const char   *caller_name;
  const char   *phone;
  gint64        clerk_id;
  const char   *clerk_name;
  const char   *summary;
} KefuCallEntry;

/* Returns FALSE with `error` set to stop. */
typedef gboolean (*KefuCallEntryFunc) (const KefuCallEntry  *entry,
                                       gpointer              user_data,
                                       GError              **error);

/* Calls `func` for every call of the period, by received_at then id, reading `page_size` calls
 * at a time (0: a default of 2,000). Returns the number of calls through `n_calls`. */
gboolean          kefu_store_report_each_call (KefuStore              *self,
                                               const KefuReportQuery  *query,
                                               guint                   page_size,
                                               KefuCallEntryFunc       func,
                                               gpointer                user_data,
                                               guint64                *n_calls,
                                               GCancellable           *cancellable,
                                               GError                **error);
/* The detail variant's column headers, and one call as its row (free with g_strfreev ()). */
char            **kefu_call_entry_headers     (void);
char            **kefu_call_entry_to_row      (const KefuCallEntry    *entry);

/* The complaint register */

typedef struct
{
  gint64                 complaint_id;
  char                  *reference;
  GDateTime             *received_at;
  char                  *caller_name;
  char                  *phone;
  gint64                 owner_id;
  char                  *owner_name;
  gboolean               well_founded;
  KefuComplaintCategory  category;
  KefuProductSymptom     symptom;        /* product quality */
  KefuServiceIssue       service_issue;  /* service quality */
  char                  *subject;
  char                  *departments;    /* the routed departments' names, ", " between, in
                                          * the order the departments were created */
  KefuComplaintStage     stage;
  GDateTime             *acknowledged_at;
  GDateTime             *resolved_at;
  GDateTime             *closed_at;
  char                  *resolution;
  KefuSatisfaction       satisfaction;
  gboolean               harmed;
} KefuComplaintRegisterRow;

typedef struct
{
  KefuReportQuery query;
  GArray         *rows;            /* KefuComplaintRegisterRow, by received_at then id */
  guint           product;         /* counts of the rows, for the totals */
  guint           service;
  guint           not_founded;
  guint           harmed;
  guint           closed;          /* stage closed or explained */
} KefuComplaintRegister;

KefuComplaintRegister *kefu_store_report_complaints (KefuStore              *self,
                                                     const KefuReportQuery  *query,
                                                     GCancellable           *cancellable,
                                                     GError                **error);
void                   kefu_complaint_register_free (KefuComplaintRegister *reg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuComplaintRegister, kefu_complaint_register_free)
KefuReportTable       *kefu_complaint_register_to_table (const KefuComplaintRegister *reg);
/* The category as the register says it: product / service quality, or "Not well founded". */
const char            *kefu_complaint_register_category (const KefuComplaintRegisterRow *row);
/* The symptom (product quality) or the service issue (service quality); "" otherwise. */
const char            *kefu_complaint_register_issue    (const KefuComplaintRegisterRow *row);

/* The logistics origin analysis */

typedef struct
{
  char  *district;            /* NULL: empty or unknown */
  guint  order_calls;
  guint  out_of_area;
  guint  shipment_requests;
  guint  shipped;
} KefuOriginRow;

typedef struct
{
  KefuReportQuery query;
  GArray         *rows;       /* KefuOriginRow, most requests first, the unknown district last */
  KefuOriginRow   totals;
} KefuOriginReport;

KefuOriginReport *kefu_store_report_origins (KefuStore              *self,
                                             const KefuReportQuery  *query,
                                             GCancellable           *cancellable,
                                             GError                **error);
void              kefu_origin_report_free   (KefuOriginReport       *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuOriginReport, kefu_origin_report_free)
KefuReportTable  *kefu_origin_report_to_table (const KefuOriginReport *report);
/* "75%" of the requests shipped; "–" without requests. */
char             *kefu_origin_shipped_share (const KefuOriginRow   *row);

G_END_DECLS
