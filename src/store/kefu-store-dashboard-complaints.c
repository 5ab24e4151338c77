/* kefu-store-dashboard-complaints.c: the dashboard's complaints (kefu-store-dashboard.h):
 * received by category, closed, resolved within their deadline, harmed customers and their
 * visits, batch alerts, the open ones by stage and department, the medians, and the records
 * behind each figure.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-dashboard-private.h"

/* The complaints a figure may count: not archived, of the team or clerk (the owner). */
#define MINE "complaints.archived_at IS NULL AND " KEFU_DASH_WHO ("complaints.owner_id")
#define PRODUCT "complaints.category = 'product-quality'"
#define SERVICE "complaints.category = 'service-quality'"
#define EXPLAINED "complaints.category IS NULL"
#define HARMED "{yes:complaints.harmed}"
#define VISITED \
  "EXISTS (SELECT 1 FROM complaint_visits WHERE complaint_visits.complaint_id = complaints.id)"
#define FIRST_VISIT \
  "(SELECT MIN(complaint_visits.visited_at) FROM complaint_visits " \
  "WHERE complaint_visits.complaint_id = complaints.id)"
#define RESOLVED_DUE "complaints.resolve_due_at IS NOT NULL"
#define ON_TIME "complaints.resolved_at <= complaints.resolve_due_at"
#define OVERDUE "complaints.due_at < {now}"
#define ROUTED \
  "EXISTS (SELECT 1 FROM complaint_routes WHERE complaint_routes.complaint_id = complaints.id)"
/* Batch alerts count through the complaint that raised them. */
#define ALERTS \
  " FROM batch_alerts JOIN complaints ON complaints.id = batch_alerts.flagged_complaint_id " \
  "WHERE " MINE
#define SUM_IF(condition) "SUM(CASE WHEN " condition " THEN 1 ELSE 0 END)"

/* A count of a time column by hour: `sql` gives the hour, then the count. */
static gboolean
read_hourly (KefuDashPeriod      *p,
             const char          *sql,
             KefuDashboardCount  *count,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(KefuRows) rows = _kefu_dash_query (p, sql, FALSE, 0, cancellable, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      gboolean previous;
      guint bucket, hour;

      if (_kefu_dash_place (p, kefu_rows_get_text (rows, i, 0), &previous, &bucket, &hour))
        _kefu_dash_count_add (count, previous, bucket, (guint) kefu_rows_get_int (rows, i, 1));
    }
  return TRUE;
}

static int
compare_departments (gconstpointer a,
                     gconstpointer b)
{
  const KefuDashboardDepartmentCount *x = a;
  const KefuDashboardDepartmentCount *y = b;
  int order;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  order = g_strcmp0 (x->name, y->name);
  if (order != 0)
    return order;
  return x->department_id < y->department_id ? -1 : x->department_id > y->department_id;
}

/* The open complaints now: by stage with the overdue ones (from complaints_open_dashboard
 * alone), and by department with the unrouted ones (each open complaint's routes looked up
 * once). */
static gboolean
read_open (KefuDashPeriod  *p,
           KefuDashboard   *d,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) departments = NULL;

  rows = _kefu_dash_query (p,
                           "SELECT complaints.stage, COUNT(*), " SUM_IF (OVERDUE)
                           " FROM complaints WHERE "
                           KEFU_DASH_COMPLAINT_OPEN " AND " MINE " GROUP BY complaints.stage",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      int stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                              kefu_rows_get_text (rows, i, 0), -1);
      guint n = (guint) kefu_rows_get_int (rows, i, 1);

      if (stage < 0 || stage >= KEFU_DASHBOARD_N_STAGES)
        continue;
      d->open_by_stage[stage] += n;
      d->open_total += n;
      d->overdue += (guint) kefu_rows_get_int (rows, i, 2);
    }

  /* A complaint is routed to a department once (complaint_routes is unique on both): its
   * routes are counted per department; one without any counts as unrouted (no department). */
  departments = _kefu_dash_query (p,
                                  "SELECT complaint_routes.department_id, departments.name, "
                                  "COUNT(*) FROM complaints LEFT JOIN complaint_routes ON "
                                  "complaint_routes.complaint_id = complaints.id LEFT JOIN "
                                  "departments ON departments.id = "
                                  "complaint_routes.department_id WHERE "
                                  KEFU_DASH_COMPLAINT_OPEN " AND " MINE
                                  " GROUP BY complaint_routes.department_id, departments.name",
                                  FALSE, 0, cancellable, error);
  if (departments == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (departments); i++)
    {
      KefuDashboardDepartmentCount c = { 0 };

      if (kefu_rows_is_null (departments, i, 0))
        {
          d->open_unrouted += (guint) kefu_rows_get_int (departments, i, 2);
          continue;
        }
      c.department_id = kefu_rows_get_int (departments, i, 0);
      c.name = g_strdup (kefu_rows_get_text (departments, i, 1));
      c.count = (guint) kefu_rows_get_int (departments, i, 2);
      g_array_append_val (d->open_by_department, c);
    }
  g_array_sort (d->open_by_department, compare_departments);
  return TRUE;
}

static gboolean
read_nows (KefuDashPeriod  *p,
           KefuDashboard   *d,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_dash_query (p,
                           "SELECT (SELECT COUNT(*) FROM complaints WHERE "
                           KEFU_DASH_PERIOD ("complaints.received_at") " AND " MINE " AND "
                           HARMED " AND NOT " VISITED "), (SELECT COUNT(*)" ALERTS
                           " AND batch_alerts.acknowledged_at IS NULL)",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  d->harmed_unvisited = (guint) kefu_rows_get_int (rows, 0, 0);
  d->batch_alerts_open = (guint) kefu_rows_get_int (rows, 0, 1);
  return TRUE;
}

gboolean
_kefu_dash_read_complaints (KefuDashPeriod  *p,
                            KefuDashboard   *d,
                            GCancellable    *cancellable,
                            GError         **error)
{
  /* Received, closed and resolved from the counts per hour (the same conditions, kept by
   * schema step 14's triggers); batch alerts are few and counted from their table. */
  KefuDashMetric metrics[] = {
    { "complaint-received", &d->opened },
    { "complaint-product", &d->opened_product },
    { "complaint-service", &d->opened_service },
    { "complaint-explained", &d->opened_explained },
    { "complaint-harmed", &d->harmed },
    { "complaint-closed", &d->closed },
    { "complaint-resolved", &d->resolved },
    { "complaint-resolved-on-time", &d->resolved_on_time },
  };

  return _kefu_dash_read_hours (p, metrics, G_N_ELEMENTS (metrics), NULL, NULL, cancellable,
                                error) &&
         read_hourly (p,
                      "SELECT {hour:batch_alerts.flagged_at}, COUNT(*)" ALERTS " AND "
                      KEFU_DASH_BOTH ("batch_alerts.flagged_at")
                      " GROUP BY {hour:batch_alerts.flagged_at}",
                      &d->batch_alerts, cancellable, error) &&
         read_open (p, d, cancellable, error) &&
         read_nows (p, d, cancellable, error) &&
         _kefu_dash_median (p,
                            "SELECT {secs:complaints.acknowledged_at,complaints.received_at} "
                            "AS d FROM complaints WHERE complaints.acknowledged_at >= {lo} AND "
                            "complaints.acknowledged_at < {hi} AND " MINE,
                            1.0, &d->median_acknowledge, cancellable, error) &&
         _kefu_dash_median (p,
                            "SELECT {secs:complaints.resolved_at,complaints.received_at} "
                            "AS d FROM complaints WHERE complaints.resolved_at >= {lo} AND "
                            "complaints.resolved_at < {hi} AND " MINE,
                            1.0, &d->median_resolve, cancellable, error) &&
         _kefu_dash_median (p,
                            "SELECT {secs:" FIRST_VISIT ",complaints.received_at} AS d "
                            "FROM complaints WHERE complaints.received_at >= {lo} AND "
                            "complaints.received_at < {hi} AND " MINE " AND " HARMED " AND "
                            VISITED,
                            1.0, &d->median_first_visit, cancellable, error);
}

#define IDS(condition, time) \
  "SELECT complaints.id FROM complaints WHERE " condition " AND " MINE \
  " ORDER BY " time " DESC, complaints.id DESC"
#define IN_PERIOD(time, condition) IDS (KEFU_DASH_PERIOD (time) " AND " condition, time)

GArray *
_kefu_dash_complaint_ids (KefuDashPeriod       *p,
                          KefuDashboardFigure   figure,
                          gint64                key,
                          GCancellable         *cancellable,
                          GError              **error)
{
  const char *sql = NULL;

  switch (figure)
    {
    case KEFU_DASHBOARD_FIGURE_OPENED:
      if (key < 0)
        sql = IN_PERIOD ("complaints.received_at", "1 = 1");
      else if (key == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
        sql = IN_PERIOD ("complaints.received_at", PRODUCT);
      else if (key == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
        sql = IN_PERIOD ("complaints.received_at", SERVICE);
      else if (key == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
        sql = IN_PERIOD ("complaints.received_at", EXPLAINED);
      break;
    case KEFU_DASHBOARD_FIGURE_CLOSED:
      sql = IN_PERIOD ("complaints.closed_at", "1 = 1");
      break;
    case KEFU_DASHBOARD_FIGURE_OPEN:
      if (key < 0)
        sql = IDS (KEFU_DASH_COMPLAINT_OPEN, "complaints.received_at");
      else if (key < KEFU_DASHBOARD_N_STAGES)
        sql = IDS (KEFU_DASH_COMPLAINT_OPEN " AND complaints.stage = CASE {key} "
                   "WHEN 0 THEN 'new' WHEN 1 THEN 'routed' WHEN 2 THEN 'in-progress' "
                   "WHEN 3 THEN 'resolved' WHEN 4 THEN 'called-back' WHEN 5 THEN 'closed' "
                   "WHEN 6 THEN 'explained' ELSE 'reopened' END", "complaints.received_at");
      break;
    case KEFU_DASHBOARD_FIGURE_OPEN_IN_DEPARTMENT:
      if (key == 0)
        sql = IDS (KEFU_DASH_COMPLAINT_OPEN " AND NOT " ROUTED, "complaints.received_at");
      else
        sql = IDS (KEFU_DASH_COMPLAINT_OPEN " AND EXISTS (SELECT 1 FROM complaint_routes "
                   "WHERE complaint_routes.complaint_id = complaints.id AND "
                   "complaint_routes.department_id = {key})", "complaints.received_at");
      break;
    case KEFU_DASHBOARD_FIGURE_OVERDUE:
      sql = IDS (KEFU_DASH_COMPLAINT_OPEN " AND " OVERDUE, "complaints.due_at");
      break;
    case KEFU_DASHBOARD_FIGURE_RESOLVED:
      if (key < 0)
        sql = IN_PERIOD ("complaints.resolved_at", RESOLVED_DUE);
      else if (key == 1)
        sql = IN_PERIOD ("complaints.resolved_at", RESOLVED_DUE " AND " ON_TIME);
      else if (key == 0)
        sql = IN_PERIOD ("complaints.resolved_at", RESOLVED_DUE " AND NOT (" ON_TIME ")");
      break;
    case KEFU_DASHBOARD_FIGURE_HARMED:
      if (key < 0)
        sql = IN_PERIOD ("complaints.received_at", HARMED);
      else if (key == 0)
        sql = IN_PERIOD ("complaints.received_at", HARMED " AND NOT " VISITED);
      break;
    case KEFU_DASHBOARD_FIGURE_BATCH_ALERTS:
      if (key < 0)
        sql = "SELECT complaints.id" ALERTS " AND " KEFU_DASH_PERIOD ("batch_alerts.flagged_at")
              " ORDER BY batch_alerts.flagged_at DESC, complaints.id DESC";
      else if (key == 0)
        sql = "SELECT complaints.id" ALERTS " AND batch_alerts.acknowledged_at IS NULL"
              " ORDER BY batch_alerts.flagged_at DESC, complaints.id DESC";
      break;
    case KEFU_DASHBOARD_FIGURE_CLERK_COMPLAINTS:
      sql = IN_PERIOD ("complaints.received_at", "complaints.owner_id = {key}");
      break;
    default:
      break;
    }
  if (sql == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return _kefu_dash_ids (p, sql, key, cancellable, error);
}
