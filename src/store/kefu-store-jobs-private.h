/* kefu-store-jobs-private.h: what the service-job files of the store share: the job's columns
 * and the record read from a row (kefu-store-jobs-read.c), the list's conditions
 * (kefu-store-jobs-filters.c), the warranty of a serial inside a transaction
 * (kefu-store-jobs-warranty.c), and the writes of each step (kefu-store-jobs-changes.c,
 * kefu-store-jobs-steps.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-internal.h"
#include "kefu-store-complaint-board-private.h"
#include "kefu-store-jobs.h"

G_BEGIN_DECLS

/* The open steps, as stored (kefu_job_step_is_open ()). */
#define KEFU_JOB_OPEN_STEPS \
  "'reported', 'support-requested', 'approved', 'dispatched', 'on-trip', 'sent-to-factory', " \
  "'at-factory', 'repaired', 'sent-back'"

/* A list row: the job's columns with the names of its staff, carriers and shipment joined in
 * (FROM KEFU_JOB_FROM), and the number of its progress reports. */
extern const char _kefu_job_columns[];
#define KEFU_JOB_FROM \
  "service_jobs " \
  "LEFT JOIN staff AS account_manager ON account_manager.id = service_jobs.account_manager_id " \
  "LEFT JOIN staff AS reporter ON reporter.id = service_jobs.reported_by " \
  "LEFT JOIN staff AS diagnoser ON diagnoser.id = service_jobs.diagnosed_by " \
  "LEFT JOIN staff AS requester ON requester.id = service_jobs.support_requested_by " \
  "LEFT JOIN staff AS approver ON approver.id = service_jobs.approved_by " \
  "LEFT JOIN staff AS technician ON technician.id = service_jobs.technician_id " \
  "LEFT JOIN staff AS completer ON completer.id = service_jobs.completed_by " \
  "LEFT JOIN carriers AS out_carrier ON out_carrier.id = service_jobs.out_carrier_id " \
  "LEFT JOIN carriers AS back_carrier ON back_carrier.id = service_jobs.back_carrier_id " \
  "LEFT JOIN shipments ON shipments.id = service_jobs.shipment_id"

KefuServiceJob *_kefu_store_job_from_row      (KefuRows *rows, guint row);

/* The rows of `sql` (SELECT _kefu_job_columns FROM KEFU_JOB_FROM …) as jobs, in their order. */
GPtrArray      *_kefu_store_read_jobs         (KefuStore *self, const char *sql,
                                               GVariant *params,
                                               GCancellable *cancellable, GError **error);

/* Adds the conditions of `filter` (kefu-store-jobs-filters.c). */
void            _kefu_job_query_add_filter    (KefuComplaintQuery *q,
                                               const KefuJobFilter *filter);

/* The local day of `time` (the site's zone). */
void            _kefu_store_local_day         (GDateTime *time, GDate *day);

/* Inside a transaction: the warranty of a serial (see kefu_store_serial_warranty ()) in
 * `state`; `months` (optional) gets the product's months, 0 when the product is unknown. */
gboolean        _kefu_store_serial_warranty_txn (KefuStore *self, const char *serial,
                                                 gint64 shipment_line_id, gint64 product_id,
                                                 const GDate *day, KefuWarrantyState *state,
                                                 GDate *start, guint *months,
                                                 GCancellable *cancellable, GError **error);

/* A change being applied: the change, its text in stored form (NULL when empty), what the
 * transaction read about the job and the actor, and one time for every column it sets. */
typedef struct
{
  const KefuJobChange *change;
  char                *text;
  char                *work_done;
  char                *parts_used;
  char                *customer_comment;
  char                *waybill;

  gint64               id;
  gint64               customer_id;
  KefuJobKind          kind;
  KefuJobStep          step;
  KefuWarrantyState    warranty;
  gboolean             fee_agreed;
  gint64               technician_id;
  GDate                agreed_date;
  guint                travel_days;
  GDateTime           *departed_at;
  KefuRole             actor_role;
  gint64               actor;
  char                *carrier_name;     /* send-to-factory, send-back */
  char                *technician_name;  /* dispatch */

  KefuJobKind          to_kind;
  KefuJobStep          to_step;
  GDateTime           *now;
  char                *now_text;
} KefuJobWrite;

/* `text` as it is stored (kefu_text_normalize ()), NULL when empty (transfer full). */
char           *_kefu_store_job_text          (const char *text);
/* The JSON text of a day ("2026-12-01") or a time ("2026-11-30T09:30:00Z"), or null. */
void            _kefu_json_append_day         (GString *json, const GDate *day);
void            _kefu_json_append_time        (GString *json, GDateTime *time);

/* The writes of each action once the flow allowed it (kefu-store-jobs-steps.c), inside the
 * change's transaction: the action's columns and its event. */
gboolean        _kefu_store_job_write_action  (KefuStore *self, KefuJobWrite *w,
                                               GCancellable *cancellable, GError **error);
/* "from" and "to" of a moving event, appended to `details` (an open JSON object). */
void            _kefu_store_job_append_move   (GString *details, KefuJobWrite *w);

G_END_DECLS
