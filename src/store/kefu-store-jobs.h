/* kefu-store-jobs.h: the after-sales pane's service jobs (installations, repairs, replacements,
 * returns): the list (filters and sorting in SQL, ids head first then pages), the fault report
 * or request, every step as one transaction with its event (each checked with kefu-job-flow.h),
 * the timeline, the technicians' calendar, and the counts for the sidebar. The conventions of
 * kefu-store.h and kefu-store-shipments.h hold.
 *
 * Events written on entity "service-job" (JSON details; names copied in, steps and kinds are
 * nicks; every moving event has "from" and "to"):
 *   reported          {"kind":"repair","source":"customer-call"}
 *   diagnosed         {"text":"…","kind":"factory-repair","solved":false}
 *   support-requested {"text":"purpose"}
 *   support-approved  {}
 *   support-rejected  {"text":"reason"}
 *   dispatched        {"technician":{"id":7,"name":"梁工"},"agreed_date":"2026-12-01",
 *                      "travel_days":2}
 *   departed          {}
 *   progress          {"text":"…"}
 *   feedback-filed    {"work_done":"…","parts_used":"…","fixed":true,"customer_comment":"…"}
 *   sent-to-factory   {"carrier":"顺丰速运","waybill":"…"}
 *   received-at-factory {}
 *   repaired          {"text":"…","replaced":false}
 *   sent-back         {"carrier":"…","waybill":"…"}
 *   receipt-confirmed {"method":"phone"}
 *   fee-recorded      {"fee_fen":30000,"agreed":true,"text":"…"}
 *   warranty-set      {"warranty":"in","text":"reason"}
 *   cancelled         {"text":"reason"}
 *   note              {"text":"…"}
 *   callback-scheduled {"callback_id":12,"due_at":"2026-11-30T09:30:00Z"}
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"
#include "kefu-service-job.h"
#include "kefu-job-flow.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_JOB_SORT_ATTENTION,   /* default: open jobs by how long they have waited in their step
                              * (oldest first; a visit by its agreed date), then final ones */
  KEFU_JOB_SORT_REPORTED,
  KEFU_JOB_SORT_REFERENCE,
  KEFU_JOB_SORT_CUSTOMER,
  KEFU_JOB_SORT_KIND,
  KEFU_JOB_SORT_STEP,
  KEFU_JOB_SORT_TECHNICIAN,
} KefuJobSort;

typedef struct
{
  gboolean    open_only;       /* not Completed or Cancelled */
  gint        kind;            /* a KefuJobKind, or -1: any */
  gint        step;            /* a KefuJobStep, or -1: any */
  gint        warranty;        /* a KefuWarrantyState, or -1: any */
  gint64      customer_id;     /* 0: any */
  gint64      technician_id;   /* 0: any */
  gboolean    awaiting_approval; /* Support requested only (the GM's queue) */
  GDateTime  *reported_from;   /* [from, to), NULL: no bound */
  GDateTime  *reported_to;
  char       *text;            /* reference, customer name or phone, serial, symptoms */
  gboolean    archived;        /* archived jobs only (else: none of them) */
} KefuJobFilter;

KefuJobFilter *kefu_job_filter_new  (void);   /* kind, step, warranty -1 */
KefuJobFilter *kefu_job_filter_copy (const KefuJobFilter *filter);
void           kefu_job_filter_free (KefuJobFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuJobFilter, kefu_job_filter_free)

GArray         *kefu_store_list_job_ids      (KefuStore *self, const KefuJobFilter *filter,
                                              KefuJobSort sort, gboolean descending,
                                              GCancellable *cancellable, GError **error);
GArray         *kefu_store_list_job_ids_head (KefuStore *self, const KefuJobFilter *filter,
                                              KefuJobSort sort, gboolean descending,
                                              guint n_head, gint64 *n_total,
                                              GCancellable *cancellable, GError **error);
/* List rows (KefuServiceJob without progress) for `ids`, in their order. */
GPtrArray      *kefu_store_get_jobs          (KefuStore *self, const gint64 *ids, guint n_ids,
                                              GCancellable *cancellable, GError **error);
/* One job with its progress reports, for the detail page. */
KefuServiceJob *kefu_store_get_job           (KefuStore *self, gint64 job_id,
                                              GCancellable *cancellable, GError **error);
GPtrArray      *kefu_store_list_customer_jobs (KefuStore *self, gint64 customer_id,
                                               GCancellable *cancellable, GError **error);
/* For the sidebar: open jobs, and those waiting for the GM's approval. */
gboolean        kefu_store_count_jobs        (KefuStore *self, gint64 *n_open,
                                              gint64 *n_awaiting_approval,
                                              GCancellable *cancellable, GError **error);

/* The warranty of `serial` (or of `shipment_line_id` when not 0) on `day`: the product's months
 * and its installation day (a completed installation job of that serial) or else its ship day.
 * UNKNOWN when neither is known; `start` (optional) gets the start day. */
KefuWarrantyState kefu_store_serial_warranty (KefuStore *self, const char *serial,
                                              gint64 shipment_line_id, gint64 product_id,
                                              const GDate *day, GDate *start,
                                              GCancellable *cancellable, GError **error);

/* The fault report or request: `job` carries kind (INSTALLATION, REPAIR, REPLACEMENT, RETURN;
 * ONSITE_REPAIR and FACTORY_REPAIR too when already known), customer_id, source,
 * account_manager_id, call_id, shipment_id / shipment_line_id / product_id / serial where known,
 * address (NULL: the customer's), symptoms (required for repairs), phone_answer. The warranty is
 * computed (kefu_store_serial_warranty () at the report's day), the reference assigned, the step
 * is Reported. Returns the job as read back. */
KefuServiceJob *kefu_store_create_job        (KefuStore *self, KefuServiceJob *job,
                                              GCancellable *cancellable, GError **error);

/* One step of a job. What each action needs (besides kefu_job_flow_check ()): DIAGNOSE text,
 * decided_kind or solved; REQUEST_SUPPORT text (purpose); REJECT_SUPPORT text; DISPATCH
 * technician_id (a technician), agreed_date, travel_days; DEPART `at` (NULL: now);
 * REPORT_PROGRESS text, `at`; FILE_FEEDBACK work_done, parts_used, fixed, text (result note),
 * customer_comment, `at` (the return; NULL: now); SEND_TO_FACTORY / SEND_BACK carrier_id,
 * waybill; RECORD_REPAIR text, replaced; CONFIRM_RECEIPT receipt_method; RECORD_FEE fee_fen,
 * fee_agreed, text; SET_WARRANTY warranty, text; CANCEL text; ADD_NOTE text. */
typedef struct
{
  KefuJobAction     action;
  gint64            job_id;
  gint64            version;
  char             *text;
  KefuJobKind       decided_kind;
  gboolean          solved;
  gint64            technician_id;
  GDate             agreed_date;
  guint             travel_days;
  GDateTime        *at;
  char             *work_done;
  char             *parts_used;
  gboolean          fixed;
  char             *customer_comment;
  gint64            carrier_id;
  char             *waybill;
  gboolean          replaced;
  KefuReceiptMethod receipt_method;
  gint64            fee_fen;
  gboolean          fee_agreed;
  KefuWarrantyState warranty;
} KefuJobChange;

KefuJobChange *kefu_job_change_new  (KefuJobAction action, gint64 job_id, gint64 version);
KefuJobChange *kefu_job_change_copy (const KefuJobChange *change);
void           kefu_job_change_free (KefuJobChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuJobChange, kefu_job_change_free)

/* Applies `change` as the store's actor in one transaction (flow check with the actor's role
 * and whether they are the job's technician; PERMISSION or INVALID with the rule's reason; the
 * waybill checked against its carrier). A job reaching Completed whose kind schedules a
 * callback gets one (kefu_store_schedule_callback (), reason AFTER_SERVICE, due by
 * kefu_callback_due_after () from the completion), in the same transaction. Returns the job as
 * read back. */
KefuServiceJob *kefu_store_change_job        (KefuStore *self, const KefuJobChange *change,
                                              GCancellable *cancellable, GError **error);
GListModel     *kefu_store_list_job_timeline (KefuStore *self, gint64 job_id,
                                              GCancellable *cancellable, GError **error);

/* The technicians' calendar: every field visit (installation, on-site repair) with a
 * technician from Dispatched on, whose days [agreed date (or departure), + travel days) meet
 * [from, to); one KefuServiceJob each, by technician name then first day, with only what the
 * calendar shows (id, version, reference, kind, step, customer id and name, technician id and
 * name, agreed date, travel days, departure; the page of a visit reads the job whole). */
GPtrArray      *kefu_store_list_technician_visits (KefuStore *self, const GDate *from,
                                                   const GDate *to,
                                                   GCancellable *cancellable, GError **error);

G_END_DECLS
