/* kefu-store-dashboard-aftersales.c: the dashboard's after-sales figures: shipments in transit,
 * awaiting receipt, overdue, received in the period and how long they took; service jobs open
 * by kind and step, overdue, completed by kind, the first-visit fix rate of field jobs, in
 * warranty and paid; and the records behind each figure.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-dashboard-private.h"

#define SHIPMENTS_MINE \
  "shipments.archived_at IS NULL AND " KEFU_DASH_WHO ("shipments.requested_by")
#define JOBS_MINE \
  "service_jobs.archived_at IS NULL AND " KEFU_DASH_WHO ("service_jobs.reported_by")

#define IN_TRANSIT "shipments.step = 'shipped'"
#define AWAITING "shipments.step = 'delivered'"
/* As the shipment and job lists: past their attention time (open ones only have one). */
#define SHIPMENT_OVERDUE "shipments.attention_at IS NOT NULL AND shipments.attention_at <= {now}"
#define JOB_OVERDUE \
  "service_jobs.attention_at IS NOT NULL AND service_jobs.attention_at <= {now}"
/* Every step but Completed and Cancelled, named so that the open jobs are read through
 * service_jobs_step. */
#define JOB_OPEN \
  "service_jobs.step IN ('reported', 'support-requested', 'approved', 'dispatched', " \
  "'on-trip', 'sent-to-factory', 'at-factory', 'repaired', 'sent-back')"
/* Only a completed job has a completion time (a cancelled one has none). */
#define JOB_COMPLETED "service_jobs.completed_at IS NOT NULL"

/* A field job (installation, on-site repair) that was not a revisit: no other field job of the
 * same product unit (its serial; without one, the same customer and product) was completed in
 * the 30 days before it. The two cases are two lookups, each through its own index
 * (service_jobs_serial, service_jobs_customer_id); the kind and time only filter what they
 * find ({noidx:}), which SQLite, without statistics, would otherwise read by kind. */
#define FIELD "service_jobs.kind IN ('installation', 'onsite-repair')"
#define REVISIT_OF \
  "other.id <> service_jobs.id AND {noidx:other.kind} IN ('installation', 'onsite-repair') AND " \
  "{noidx:other.completed_at} < service_jobs.completed_at AND " \
  "{noidx:other.completed_at} >= {days30:service_jobs.completed_at}"
#define FIELD_FIRST \
  FIELD " AND NOT (service_jobs.serial IS NOT NULL AND EXISTS (SELECT 1 FROM service_jobs AS " \
  "other WHERE other.serial = service_jobs.serial AND " REVISIT_OF ")) AND NOT " \
  "(service_jobs.serial IS NULL AND EXISTS (SELECT 1 FROM service_jobs AS other WHERE " \
  "other.customer_id = service_jobs.customer_id AND other.product_id = " \
  "service_jobs.product_id AND " REVISIT_OF "))"
#define FIELD_FIRST_FIXED FIELD_FIRST " AND {yes:service_jobs.fixed}"
#define IN_WARRANTY "service_jobs.warranty = 'in'"
#define PAID "service_jobs.warranty = 'out' AND service_jobs.fee_fen > 0"
#define SUM_IF(condition) "SUM(CASE WHEN " condition " THEN 1 ELSE 0 END)"

static gboolean
read_shipments (KefuDashPeriod  *p,
                KefuDashboard   *d,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(KefuRows) nows = NULL;
  g_autoptr(KefuRows) rows = NULL;

  /* Each count through its own index: shipments_step, shipments_attention. */
  nows = _kefu_dash_query (p,
                           "SELECT (SELECT COUNT(*) FROM shipments WHERE " IN_TRANSIT " AND "
                           SHIPMENTS_MINE "), (SELECT COUNT(*) FROM shipments WHERE " AWAITING
                           " AND " SHIPMENTS_MINE "), (SELECT COUNT(*) FROM shipments WHERE "
                           SHIPMENT_OVERDUE " AND " SHIPMENTS_MINE ")",
                           FALSE, 0, cancellable, error);
  if (nows == NULL)
    return FALSE;
  d->in_transit = (guint) kefu_rows_get_int (nows, 0, 0);
  d->awaiting_receipt = (guint) kefu_rows_get_int (nows, 0, 1);
  d->shipments_overdue = (guint) kefu_rows_get_int (nows, 0, 2);

  rows = _kefu_dash_query (p,
                           "SELECT {hour:shipments.received_at}, COUNT(*) FROM shipments WHERE "
                           KEFU_DASH_BOTH ("shipments.received_at") " AND " SHIPMENTS_MINE
                           " GROUP BY {hour:shipments.received_at}",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      gboolean previous;
      guint bucket, hour;

      if (_kefu_dash_place (p, kefu_rows_get_text (rows, i, 0), &previous, &bucket, &hour))
        _kefu_dash_count_add (&d->received, previous, bucket,
                              (guint) kefu_rows_get_int (rows, i, 1));
    }
  return _kefu_dash_median (p,
                            "SELECT {secs:shipments.received_at,shipments.shipped_at} AS d "
                            "FROM shipments WHERE shipments.received_at >= {lo} AND "
                            "shipments.received_at < {hi} AND shipments.shipped_at IS NOT NULL "
                            "AND " SHIPMENTS_MINE,
                            86400.0, &d->median_receipt_days, cancellable, error);
}

static gboolean
read_jobs (KefuDashPeriod  *p,
           KefuDashboard   *d,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(KefuRows) open = NULL;
  g_autoptr(KefuRows) rows = NULL;

  open = _kefu_dash_query (p,
                           "SELECT service_jobs.kind, service_jobs.step, COUNT(*), "
                           SUM_IF (JOB_OVERDUE) " FROM service_jobs WHERE " JOB_OPEN " AND "
                           JOBS_MINE " GROUP BY service_jobs.kind, service_jobs.step",
                           FALSE, 0, cancellable, error);
  if (open == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (open); i++)
    {
      int kind = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_KIND,
                                             kefu_rows_get_text (open, i, 0), -1);
      int step = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_STEP,
                                             kefu_rows_get_text (open, i, 1), -1);
      guint n = (guint) kefu_rows_get_int (open, i, 2);

      if (kind < 0 || kind >= KEFU_DASHBOARD_N_JOB_KINDS || step < 0 ||
          step >= KEFU_DASHBOARD_N_JOB_STEPS)
        continue;
      d->jobs_open[kind][step] += n;
      d->jobs_open_total += n;
      d->jobs_overdue += (guint) kefu_rows_get_int (open, i, 3);
    }

  /* Each job's first visit is looked up once (materialised: both backends would otherwise
   * look it up again for the fixed ones). */
  rows = _kefu_dash_query (p,
                           "WITH j AS MATERIALIZED (SELECT {hour:service_jobs.completed_at} AS "
                           "hour, service_jobs.kind AS kind, CASE WHEN " FIELD_FIRST " THEN 1 "
                           "ELSE 0 END AS first, CASE WHEN {yes:service_jobs.fixed} THEN 1 "
                           "ELSE 0 END AS fixed, CASE WHEN " IN_WARRANTY " THEN 1 ELSE 0 END "
                           "AS warranty, CASE WHEN " PAID " THEN 1 ELSE 0 END AS paid "
                           "FROM service_jobs WHERE "
                           KEFU_DASH_BOTH ("service_jobs.completed_at") " AND " JOB_COMPLETED
                           " AND " JOBS_MINE ") "
                           "SELECT j.hour, j.kind, COUNT(*), SUM(j.first), "
                           "SUM(j.first * j.fixed), SUM(j.warranty), SUM(j.paid) FROM j "
                           "GROUP BY j.hour, j.kind",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuDashboardCount *counts[] = {
        &d->jobs_completed_total, &d->field_first, &d->field_first_fixed, &d->in_warranty,
        &d->paid,
      };
      int kind = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_KIND,
                                             kefu_rows_get_text (rows, i, 1), -1);
      gboolean previous;
      guint bucket, hour;

      if (!_kefu_dash_place (p, kefu_rows_get_text (rows, i, 0), &previous, &bucket, &hour))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (counts); j++)
        _kefu_dash_count_add (counts[j], previous, bucket,
                              (guint) kefu_rows_get_int (rows, i, j + 2));
      if (!previous && kind >= 0 && kind < KEFU_DASHBOARD_N_JOB_KINDS)
        d->jobs_completed[kind] += (guint) kefu_rows_get_int (rows, i, 2);
    }
  return TRUE;
}

gboolean
_kefu_dash_read_aftersales (KefuDashPeriod  *p,
                            KefuDashboard   *d,
                            GCancellable    *cancellable,
                            GError         **error)
{
  return read_shipments (p, d, cancellable, error) && read_jobs (p, d, cancellable, error);
}

#define SHIPMENT_IDS(condition, time) \
  "SELECT shipments.id FROM shipments WHERE " condition " AND " SHIPMENTS_MINE \
  " ORDER BY " time " DESC, shipments.id DESC"
#define JOB_IDS(condition, time) \
  "SELECT service_jobs.id FROM service_jobs WHERE " condition " AND " JOBS_MINE \
  " ORDER BY " time " DESC, service_jobs.id DESC"
#define COMPLETED_IDS(condition) \
  JOB_IDS (KEFU_DASH_PERIOD ("service_jobs.completed_at") " AND " JOB_COMPLETED " AND " \
           condition, "service_jobs.completed_at")

/* The nicks of the kinds and steps, bound through the key (kind * 100 + step). */
#define KIND_OF_KEY \
  "CASE {key} / 100 WHEN 0 THEN 'installation' WHEN 1 THEN 'repair' WHEN 2 THEN " \
  "'onsite-repair' WHEN 3 THEN 'factory-repair' WHEN 4 THEN 'replacement' ELSE 'return' END"
#define STEP_OF_KEY \
  "CASE {key} - {key} / 100 * 100 WHEN 0 THEN 'reported' WHEN 1 THEN 'support-requested' " \
  "WHEN 2 THEN 'approved' WHEN 3 THEN 'dispatched' WHEN 4 THEN 'on-trip' WHEN 5 THEN " \
  "'sent-to-factory' WHEN 6 THEN 'at-factory' WHEN 7 THEN 'repaired' WHEN 8 THEN 'sent-back' " \
  "WHEN 9 THEN 'completed' ELSE 'cancelled' END"

GArray *
_kefu_dash_aftersales_ids (KefuDashPeriod       *p,
                           KefuDashboardFigure   figure,
                           gint64                key,
                           GCancellable         *cancellable,
                           GError              **error)
{
  const char *sql = NULL;

  switch (figure)
    {
    case KEFU_DASHBOARD_FIGURE_IN_TRANSIT:
      if (key == 0)
        sql = SHIPMENT_IDS (IN_TRANSIT, "shipments.shipped_at");
      else if (key == 1)
        sql = SHIPMENT_IDS (AWAITING, "shipments.delivered_at");
      else if (key == 2)
        sql = SHIPMENT_IDS (SHIPMENT_OVERDUE, "shipments.attention_at");
      else if (key == 3)
        sql = SHIPMENT_IDS (KEFU_DASH_PERIOD ("shipments.received_at"), "shipments.received_at");
      break;
    case KEFU_DASHBOARD_FIGURE_JOBS_OPEN:
      if (key < 0)
        sql = JOB_IDS (JOB_OPEN, "service_jobs.reported_at");
      else if (key == 9999)
        sql = JOB_IDS (JOB_OPEN " AND " JOB_OVERDUE, "service_jobs.attention_at");
      else if (key / 100 < KEFU_DASHBOARD_N_JOB_KINDS && key % 100 < KEFU_DASHBOARD_N_JOB_STEPS)
        sql = JOB_IDS (JOB_OPEN " AND service_jobs.kind = " KIND_OF_KEY
                       " AND service_jobs.step = " STEP_OF_KEY, "service_jobs.reported_at");
      break;
    case KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED:
      if (key < 0)
        sql = COMPLETED_IDS ("1 = 1");
      else if (key < KEFU_DASHBOARD_N_JOB_KINDS)
        sql = COMPLETED_IDS ("service_jobs.kind = " KIND_OF_KEY);
      else if (key == 100)
        sql = COMPLETED_IDS (IN_WARRANTY);
      else if (key == 101)
        sql = COMPLETED_IDS (PAID);
      else if (key == 102)
        sql = COMPLETED_IDS (FIELD_FIRST);
      else if (key == 103)
        sql = COMPLETED_IDS (FIELD_FIRST_FIXED);
      /* A kind's key is its enum value: kind * 100 with step 0. */
      if (key >= 0 && key < KEFU_DASHBOARD_N_JOB_KINDS)
        key *= 100;
      break;
    default:
      break;
    }
  if (sql == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return _kefu_dash_ids (p, sql, key, cancellable, error);
}
