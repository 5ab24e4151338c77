/* kefu-job-flow.h: how a service job is worked (domain.md §3, the seed's 仪器安装 and 维修
 * flows): the steps each kind goes through, who may take each action, what each must carry,
 * the fee rule for paid work, and when the job is complete. Plain rules applied by the store
 * and the pane, like kefu-shipment-flow.h (whose error domain and role groups they share).
 *
 * The steps of each kind:
 *   Installation, on-site repair:
 *     Reported --request-support--> Support requested --approve-support--> Approved
 *     --dispatch--> Dispatched --depart--> On trip --file-feedback--> Completed
 *     (reject-support: Support requested → Reported, with the reason)
 *   Repair (a fault report not yet diagnosed):
 *     Reported --diagnose--> Reported as an on-site or a factory repair, or Completed when the
 *     phone diagnosis solved it
 *   Factory repair:
 *     Reported --send-to-factory--> Sent to factory --receive-at-factory--> At factory
 *     --record-repair--> Repaired --send-back--> Sent back --confirm-receipt--> Completed
 *   Replacement: Reported --send-back--> Sent back --confirm-receipt--> Completed
 *   Return:      Reported --send-to-factory--> Sent to factory --receive-at-factory--> Completed
 *   Any open step --cancel--> Cancelled, with the reason. Completed and Cancelled are final.
 *
 * Who:
 *   diagnose                          technician, or a manager (CS manager, GM office, admin)
 *   request-support                   the account manager (sales rep) or after-sales
 *   approve-support, reject-support   GM office only (总经理签字)
 *   dispatch, hand out the form       after-sales
 *   depart, report-progress,
 *   file-feedback                     the assigned technician, or after-sales
 *   send-to-factory, send-back        after-sales, logistics
 *   receive-at-factory                technician, warehouse, after-sales
 *   record-repair                     technician
 *   confirm-receipt                   after-sales
 *   record-fee, set-warranty          after-sales
 *   cancel                            lead or manager
 *   add-note                          anyone, any step
 * ("after-sales", "lead or manager": see kefu-shipment-flow.h)
 *
 * The fee rule (the car-dealer rule: no paid work without the customer's consent): on a job
 * whose warranty is OUT, the first action that starts work (dispatch for an on-site repair,
 * record-repair for a factory repair, send-back for a replacement) needs the fee quoted and
 * agreed (record-fee with agreed TRUE); on a job whose warranty is UNKNOWN it needs the warranty
 * decided first (set-warranty, IN or OUT, with the reason). Installations and returns carry no
 * fee. record-fee and set-warranty are allowed while that first action has not been taken.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"
#include "kefu-shipment-flow.h"
#include "kefu-work-calendar.h"

G_BEGIN_DECLS

/* Who is acting, as far as the rules care. */
typedef struct
{
  KefuRole role;
  gboolean is_assigned_technician;  /* the job's technician */
} KefuJobActor;

/* The job as far as the rules care. */
typedef struct
{
  KefuJobKind       kind;
  KefuJobStep       step;
  KefuWarrantyState warranty;
  gboolean          fee_agreed;
} KefuJobState;

/* What a job action carries, checked by kefu_job_flow_check (). */
typedef struct
{
  const char       *text;            /* note, reason, diagnosis, progress, repair note, purpose */
  KefuJobKind       decided_kind;    /* diagnose: ONSITE_REPAIR or FACTORY_REPAIR, or REPAIR
                                      * with solved TRUE */
  gboolean          solved;          /* diagnose: solved on the phone */
  gint64            technician_id;   /* dispatch */
  GDate             agreed_date;     /* dispatch: agreed with the customer */
  guint             travel_days;     /* dispatch: 1..90 */
  gboolean          has_carrier;     /* send-to-factory, send-back */
  KefuCarrierKind   carrier_kind;
  const char       *waybill;
  const char       *work_done;       /* file-feedback */
  gboolean          fixed;           /* file-feedback */
  gint64            fee_fen;         /* record-fee: > 0 */
  gboolean          fee_agreed;      /* record-fee */
  KefuWarrantyState warranty;        /* set-warranty: IN or OUT */
  KefuReceiptMethod receipt_method;  /* confirm-receipt */
} KefuJobActionInput;

void         kefu_job_action_input_init (KefuJobActionInput *input);

gboolean     kefu_job_step_is_open      (KefuJobStep   step);
gboolean     kefu_job_action_moves      (KefuJobAction action);
/* The step (and kind, for diagnose) after `action` on `state`; only meaningful after a
 * successful check. */
KefuJobStep  kefu_job_action_target     (KefuJobAction             action,
                                         const KefuJobState       *state,
                                         const KefuJobActionInput *input,
                                         KefuJobKind              *kind);
/* Checks `action` on a job in `state` by `actor` with `input` (NULL: step, kind and role
 * only). The translated error says why ("Only the general manager can approve a market-support
 * request.", "This repair is paid: record the fee quoted and the customer's agreement first."). */
gboolean     kefu_job_flow_check        (KefuJobAction              action,
                                         const KefuJobState        *state,
                                         const KefuJobActor        *actor,
                                         const KefuJobActionInput  *input,
                                         GError                   **error);
/* Every action `actor` may take on a job in `state`, in the order a page shows them (the one
 * moving it on first), as a GArray of KefuJobAction. */
GArray      *kefu_job_flow_allowed      (const KefuJobState *state,
                                         const KefuJobActor *actor);
/* TRUE when completing a job of `kind` schedules an after-service callback (all but returns). */
gboolean     kefu_job_kind_schedules_callback (KefuJobKind kind);

/* The step a list shows as "3 of 6": its position in its kind's way and the number of steps
 * (Cancelled: 0 of n). */
void         kefu_job_step_progress     (KefuJobKind  kind,
                                         KefuJobStep  step,
                                         guint       *position,
                                         guint       *n_steps);
void         kefu_shipment_step_progress (KefuShipmentStep step,
                                          guint           *position,
                                          guint           *n_steps);

/* When a job next needs someone (service_jobs.attention_at, the list's default sort):
 *   Dispatched: the start of the agreed day in `tz` (NULL: local), in UTC, or else from
 *               `entered_at`;
 *   On trip:    `travel_days` (at least 1) after `departed_at` (NULL without one);
 *   any other open step: from `entered_at`, the moment it was entered;
 *   a final step: never (NULL). */
GDateTime   *kefu_job_attention_at      (KefuJobStep  step,
                                         const GDate *agreed_date,
                                         GDateTime   *departed_at,
                                         guint        travel_days,
                                         GDateTime   *entered_at,
                                         GTimeZone   *tz);

/* A callback's due time for an event at `event_time`: `window_days` working days later (the
 * end of that working day's hours), moved back out of a quiet period if it falls in one
 * (`quiet`: KefuTimeRange ranges from kefu_setting_parse_time_ranges (), NULL: none), never before `event_time`. */
GDateTime   *kefu_callback_due_after    (GDateTime        *event_time,
                                         guint             window_days,
                                         KefuWorkCalendar *calendar,
                                         GArray           *quiet);

G_END_DECLS
