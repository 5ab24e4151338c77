/* kefu-store-dashboard.h: the managers' dashboard (domain.md §5): how the hotline is doing over
 * a period of local days, for the whole room, a team (the staff of a department) or one clerk,
 * each figure beside the same figure of the period just before, of the same length. Every
 * figure is counted in SQL on the server (grouped counts, medians), never by reading the rows
 * into the client; the grouped results come back per UTC hour and are folded here into local
 * hours and local days, so that a period crossing midnight in local time counts each record on
 * its own local day, in every time zone of whole hours.
 *
 * What each figure counts (archived complaints, shipments, jobs and callbacks are left out of
 * every figure, as from the working lists; calls are never archived):
 *
 * Calls (calls.received_at in the period; the clerk: calls.clerk_id)
 *   calls[kind]        calls of each kind, with a series per bucket
 *   calls_by_hour      calls of each kind by local hour of day (0–23), the whole period
 * Complaints (the clerk: complaints.owner_id, who took the call)
 *   opened             received in the period (complaints.received_at)
 *   opened_by_category received in the period: product quality, service quality, not well
 *                      founded (explained at intake)
 *   closed             closed_at in the period
 *   open_by_stage      open now (stage not closed or explained), by stage: not period-bound
 *   open_by_department open now, by routed department (a complaint routed to two counts in
 *                      both; `open_unrouted` those not routed yet)
 *   overdue            open now with due_at before now
 *   median_acknowledge seconds from received_at to acknowledged_at, over those acknowledged in
 *                      the period (the lower median: the ⌈n/2⌉-th smallest)
 *   median_resolve     seconds from received_at to resolved_at, over those resolved in the
 *                      period
 *   resolved           resolved in the period (resolved_at), with a resolve deadline recorded
 *   resolved_on_time   of `resolved`, resolved_at <= resolve_due_at (SLA compliance is
 *                      resolved_on_time / resolved; resolve_due_at is the resolve deadline in
 *                      force when the complaint was resolved, schema step 13)
 *   harmed             received in the period with a harmed customer (the most urgent case)
 *   median_first_visit seconds from received_at to the first visit, over the harmed ones of
 *                      the period that were visited; harmed_unvisited: not visited yet
 *   batch_alerts       batch clusters flagged in the period (batch_alerts.flagged_at);
 *                      batch_alerts_open: not acknowledged now (not period-bound)
 * Callbacks (as kefu-store-callback-report.h: deadline_at in the period; the clerk: who did it,
 * or who it is assigned to while open)
 *   due, on_time, late, open, satisfied, so_so, not_satisfied; members' coverage of the survey
 *   period holding the period's last day (kefu_store_member_coverage ())
 * After-sales (the clerk: shipments.requested_by, service_jobs.reported_by)
 *   in_transit         shipments shipped, not delivered, now
 *   awaiting_receipt   delivered, receipt not confirmed, now
 *   shipments_overdue  open shipments past their attention time (attention_at <= now), now
 *   received           receipt confirmed in the period (shipments.received_at)
 *   median_receipt_days days from shipped_at to received_at, over `received` (those with a
 *                      shipped time: all of them when the steps were kept in order; lower
 *                      median, as a fraction of days)
 *   jobs_open[kind][step] service jobs open now (not completed or cancelled) by kind and step
 *   jobs_completed[kind] completed in the period (completed_at), by kind
 *   field_first        on-site repairs and installations completed in the period that were
 *                      not a revisit (no other field job of the same serial, or else the same
 *                      customer and product, completed in the 30 days before; an archived job
 *                      still counts as that earlier visit: it took place)
 *   field_first_fixed  of `field_first`, fixed = 1 (first-visit fix rate = fixed / first)
 *   in_warranty / paid completed in the period in warranty / out of warranty with a fee
 * Clerks (the seed's 服务统计), one row per clerk with any figure in the period, by name:
 *   calls served, inquiries, inquiries converted (leads of the clerk's inquiry calls of the
 *   period that became orders: conversion rate = converted / inquiries), complaints owned
 *   (received in the period), callbacks done (done_by, done_at in the period).
 *
 * Buckets: a period of one day has 24 hourly buckets, a longer one a bucket per local day; the
 * series of the previous period has as many.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS

#define KEFU_DASHBOARD_N_CALL_KINDS (KEFU_CALL_KIND_INQUIRY + 1)
#define KEFU_DASHBOARD_N_STAGES     (KEFU_COMPLAINT_STAGE_REOPENED + 1)
#define KEFU_DASHBOARD_N_JOB_KINDS  (KEFU_JOB_KIND_RETURN + 1)
#define KEFU_DASHBOARD_N_JOB_STEPS  (KEFU_JOB_STEP_CANCELLED + 1)

/* Which records: local days `first` to `last` (included), a team (`department_id`, 0: all) and
 * a clerk (`clerk_id`, 0: all). */
typedef struct
{
  GDate  first;
  GDate  last;
  gint64 department_id;
  gint64 clerk_id;
} KefuDashboardQuery;

/* A count of the period and of the period before, with the period's series (`series`: guint,
 * one per bucket) for the tile's trend line. */
typedef struct
{
  guint   value;
  guint   previous;
  GArray *series;
} KefuDashboardCount;

/* A median in seconds (or days for receipts); `n` how many it is the median of (0: none, and
 * the median is 0). */
typedef struct
{
  double value;
  guint  n;
  double previous;
  guint  previous_n;
} KefuDashboardMedian;

typedef struct
{
  gint64 department_id;
  char  *name;
  guint  count;
} KefuDashboardDepartmentCount;

typedef struct
{
  gint64 staff_id;
  char  *name;
  guint  calls;
  guint  inquiries;
  guint  converted;
  guint  complaints;
  guint  callbacks_done;
} KefuDashboardClerk;

typedef struct
{
  KefuDashboardQuery  query;
  GDateTime          *made_at;          /* "now" for the figures that are not period-bound */
  guint               n_buckets;        /* 24 for one day, else the number of days */
  gboolean            hourly;           /* buckets are hours of the one day */

  /* Calls */
  KefuDashboardCount  calls_total;
  KefuDashboardCount  calls[KEFU_DASHBOARD_N_CALL_KINDS];
  guint               calls_by_hour[24][KEFU_DASHBOARD_N_CALL_KINDS];

  /* Complaints */
  KefuDashboardCount  opened;
  KefuDashboardCount  opened_product;
  KefuDashboardCount  opened_service;
  KefuDashboardCount  opened_explained;
  KefuDashboardCount  closed;
  guint               open_by_stage[KEFU_DASHBOARD_N_STAGES];
  guint               open_total;
  GArray             *open_by_department;   /* KefuDashboardDepartmentCount, most first */
  guint               open_unrouted;
  guint               overdue;
  KefuDashboardMedian median_acknowledge;
  KefuDashboardMedian median_resolve;
  KefuDashboardCount  resolved;
  KefuDashboardCount  resolved_on_time;
  KefuDashboardCount  harmed;
  guint               harmed_unvisited;
  KefuDashboardMedian median_first_visit;
  KefuDashboardCount  batch_alerts;
  guint               batch_alerts_open;

  /* Callbacks */
  KefuDashboardCount  callbacks_due;
  KefuDashboardCount  callbacks_on_time;
  KefuDashboardCount  callbacks_late;
  guint               callbacks_open;
  KefuDashboardCount  satisfied;
  KefuDashboardCount  so_so;
  KefuDashboardCount  not_satisfied;
  guint               n_members;
  guint               n_members_covered;

  /* After-sales */
  guint               in_transit;
  guint               awaiting_receipt;
  guint               shipments_overdue;
  KefuDashboardCount  received;
  KefuDashboardMedian median_receipt_days;
  guint               jobs_open[KEFU_DASHBOARD_N_JOB_KINDS][KEFU_DASHBOARD_N_JOB_STEPS];
  guint               jobs_open_total;
  guint               jobs_overdue;         /* open jobs past their attention time, now */
  KefuDashboardCount  jobs_completed_total;
  guint               jobs_completed[KEFU_DASHBOARD_N_JOB_KINDS];
  KefuDashboardCount  field_first;
  KefuDashboardCount  field_first_fixed;
  KefuDashboardCount  in_warranty;
  KefuDashboardCount  paid;

  /* Clerks */
  GArray             *clerks;               /* KefuDashboardClerk, by name */
} KefuDashboard;

void           kefu_dashboard_free            (KefuDashboard *dashboard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuDashboard, kefu_dashboard_free)

/* The bucket `index`'s start, in local time (an hour of the one day, or a day). */
GDateTime     *kefu_dashboard_bucket_start    (const KefuDashboard *dashboard,
                                               guint                index);

/* The dashboard of `query` at the store's clock's now. */
KefuDashboard *kefu_store_dashboard           (KefuStore                *self,
                                               const KefuDashboardQuery *query,
                                               GCancellable             *cancellable,
                                               GError                  **error);
void           kefu_store_dashboard_async     (KefuStore                *self,
                                               const KefuDashboardQuery *query,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
KefuDashboard *kefu_store_dashboard_finish    (KefuStore                *self,
                                               GAsyncResult             *result,
                                               GError                  **error);

/* The records behind a figure, for a tile's click: the same condition as the figure's count,
 * so that the list holds exactly as many records as the tile shows. */
typedef enum
{
  KEFU_DASHBOARD_FIGURE_CALLS,              /* key: -1 every kind, else a KefuCallKind */
  KEFU_DASHBOARD_FIGURE_CALLS_AT_HOUR,      /* key: the local hour 0–23 (every kind) */
  KEFU_DASHBOARD_FIGURE_OPENED,             /* key: -1 all, else a KefuComplaintCategory
                                             * (UNSPECIFIED: not well founded) */
  KEFU_DASHBOARD_FIGURE_CLOSED,
  KEFU_DASHBOARD_FIGURE_OPEN,               /* key: -1 all, else a KefuComplaintStage */
  KEFU_DASHBOARD_FIGURE_OPEN_IN_DEPARTMENT, /* key: a department id, 0 not routed */
  KEFU_DASHBOARD_FIGURE_OVERDUE,
  KEFU_DASHBOARD_FIGURE_RESOLVED,           /* key: -1 all, 1 on time, 0 late */
  KEFU_DASHBOARD_FIGURE_HARMED,             /* key: -1 all, 0 not visited yet */
  KEFU_DASHBOARD_FIGURE_BATCH_ALERTS,       /* key: -1 flagged in the period, 0 open now
                                             * (records: the flagged complaints) */
  KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE,      /* key: -1 all due, 0 open, 1 on time, 2 late */
  KEFU_DASHBOARD_FIGURE_SATISFACTION,       /* key: a KefuSatisfaction */
  KEFU_DASHBOARD_FIGURE_MEMBERS_UNCOVERED,  /* customers */
  KEFU_DASHBOARD_FIGURE_IN_TRANSIT,         /* shipments; key: 0 in transit, 1 awaiting
                                             * receipt, 2 overdue, 3 received in the period */
  KEFU_DASHBOARD_FIGURE_JOBS_OPEN,          /* key: -1 all, else kind * 100 + step; 9999 overdue */
  KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED,     /* key: -1 all, else a KefuJobKind; 100 in
                                             * warranty, 101 paid, 102 first visits,
                                             * 103 first visits fixed */
  KEFU_DASHBOARD_FIGURE_CLERK_CALLS,        /* key: the staff id (calls served) */
  KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES,    /* key: the staff id; converted ones: -(staff id) */
  KEFU_DASHBOARD_FIGURE_CLERK_COMPLAINTS,   /* key: the staff id */
  KEFU_DASHBOARD_FIGURE_CLERK_CALLBACKS,    /* key: the staff id */
} KefuDashboardFigure;

/* What a figure's records are. */
typedef enum
{
  KEFU_DASHBOARD_RECORD_CALL,
  KEFU_DASHBOARD_RECORD_COMPLAINT,
  KEFU_DASHBOARD_RECORD_CALLBACK,
  KEFU_DASHBOARD_RECORD_CUSTOMER,
  KEFU_DASHBOARD_RECORD_SHIPMENT,
  KEFU_DASHBOARD_RECORD_JOB,
} KefuDashboardRecordKind;

KefuDashboardRecordKind kefu_dashboard_figure_record_kind (KefuDashboardFigure figure);

/* One line of the records list. */
typedef struct
{
  KefuDashboardRecordKind kind;
  gint64                  id;
  char                   *reference;   /* the call's, complaint's, shipment's or job's number;
                                        * a callback's customer's name; a customer's phone */
  GDateTime              *at;          /* when it counted (received, closed, due, …) */
  char                   *customer;
  char                   *staff;       /* the clerk, owner or technician */
  char                   *state;       /* the stage, step or outcome, in words */
} KefuDashboardRecord;

void kefu_dashboard_record_free (KefuDashboardRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuDashboardRecord, kefu_dashboard_record_free)

/* The ids (gint64) of the records behind (`figure`, `key`) in `query`'s period, newest first. */
GArray    *kefu_store_dashboard_record_ids   (KefuStore                *self,
                                              const KefuDashboardQuery *query,
                                              KefuDashboardFigure       figure,
                                              gint64                    key,
                                              GCancellable             *cancellable,
                                              GError                  **error);
/* The lines (KefuDashboardRecord) of `n_ids` records of `kind`, in the order of `ids`. */
GPtrArray *kefu_store_dashboard_read_records (KefuStore                *self,
                                              KefuDashboardRecordKind   kind,
                                              const gint64             *ids,
                                              guint                     n_ids,
                                              GCancellable             *cancellable,
                                              GError                  **error);

G_END_DECLS
