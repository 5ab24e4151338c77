/* kefu-store-dashboard-calls.c: the dashboard's calls (each kind by bucket and by local hour
 * of day) and its clerks' table (the seed's 服务统计), and the records behind them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-dashboard-private.h"

#define CALLS_WHERE KEFU_DASH_WHO ("calls.clerk_id")

/* An inquiry call whose lead became an order. */
#define CONVERTED \
  "calls.kind = 'inquiry' AND EXISTS (SELECT 1 FROM inquiries JOIN leads ON " \
  "leads.inquiry_id = inquiries.id WHERE inquiries.call_id = calls.id AND " \
  "leads.state = 'converted')"

/* Each call kind's count (dashboard_hours' call-KIND, in the order of KefuCallKind) adds to
 * the kind, the total and the local hour of day. */
static void
add_call_hour (gpointer data,
               guint    kind,
               gboolean previous,
               guint    bucket,
               guint    hour,
               guint    n)
{
  KefuDashboard *d = data;

  _kefu_dash_count_add (&d->calls_total, previous, bucket, n);
  if (!previous)
    d->calls_by_hour[hour][kind] += n;
}

gboolean
_kefu_dash_read_calls (KefuDashPeriod  *p,
                       KefuDashboard   *d,
                       GCancellable    *cancellable,
                       GError         **error)
{
  KefuDashMetric metrics[] = {
    [KEFU_CALL_KIND_ORDER] = { "call-order", &d->calls[KEFU_CALL_KIND_ORDER] },
    [KEFU_CALL_KIND_COMPLAINT] = { "call-complaint", &d->calls[KEFU_CALL_KIND_COMPLAINT] },
    [KEFU_CALL_KIND_INQUIRY] = { "call-inquiry", &d->calls[KEFU_CALL_KIND_INQUIRY] },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (metrics) == KEFU_DASHBOARD_N_CALL_KINDS);
  return _kefu_dash_read_hours (p, metrics, G_N_ELEMENTS (metrics), add_call_hour, d,
                                cancellable, error);
}

/* By name (as bytes, the same on both backends whatever the server's collation), then id. */
static int
compare_clerks (gconstpointer a,
                gconstpointer b)
{
  const KefuDashboardClerk *x = a;
  const KefuDashboardClerk *y = b;
  int order = g_strcmp0 (x->name, y->name);

  if (order != 0)
    return order;
  return x->staff_id < y->staff_id ? -1 : x->staff_id > y->staff_id;
}

#define SUM_N(condition) \
  "SUM(CASE WHEN dashboard_hours.metric " condition " THEN dashboard_hours.n ELSE 0 END)"

gboolean
_kefu_dash_read_clerks (KefuDashPeriod  *p,
                        KefuDashboard   *d,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;

  /* From the counts per hour: calls, inquiries, inquiries turned into orders, complaints
   * owned and callbacks done, per staff member. */
  rows = _kefu_dash_query (p,
                           "SELECT staff.id, staff.name, t.calls, t.inquiries, t.converted, "
                           "t.complaints, t.callbacks FROM ("
                           "SELECT dashboard_hours.staff_id AS staff_id, "
                           SUM_N ("IN ('call-order', 'call-complaint', 'call-inquiry')")
                           " AS calls, "
                           SUM_N ("= 'call-inquiry'") " AS inquiries, "
                           SUM_N ("= 'call-converted'") " AS converted, "
                           SUM_N ("= 'complaint-received'") " AS complaints, "
                           SUM_N ("= 'callback-done'") " AS callbacks "
                           "FROM dashboard_hours WHERE dashboard_hours.metric IN ('call-order', "
                           "'call-complaint', 'call-inquiry', 'call-converted', "
                           "'complaint-received', 'callback-done') AND {phours} "
                           "GROUP BY dashboard_hours.staff_id"
                           ") AS t JOIN staff ON staff.id = t.staff_id "
                           "WHERE ({dept} = 0 OR staff.department_id = {dept}) "
                           "AND ({clerk} = 0 OR staff.id = {clerk}) "
                           "AND t.calls + t.complaints + t.callbacks > 0",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuDashboardClerk c = { 0 };

      c.staff_id = kefu_rows_get_int (rows, i, 0);
      c.name = g_strdup (kefu_rows_get_text (rows, i, 1));
      c.calls = (guint) kefu_rows_get_int (rows, i, 2);
      c.inquiries = (guint) kefu_rows_get_int (rows, i, 3);
      c.converted = (guint) kefu_rows_get_int (rows, i, 4);
      c.complaints = (guint) kefu_rows_get_int (rows, i, 5);
      c.callbacks_done = (guint) kefu_rows_get_int (rows, i, 6);
      g_array_append_val (d->clerks, c);
    }
  g_array_sort (d->clerks, compare_clerks);
  return TRUE;
}

/* The calls of the period at local hour `hour`: the hours are the UTC hours of the calls read
 * with them, placed in local time as the figure places them. */
static GArray *
calls_at_hour (KefuDashPeriod  *p,
               gint64           hour,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GArray *ids;

  rows = _kefu_dash_query (p,
                           "SELECT calls.id, {hour:calls.received_at} FROM calls WHERE "
                           KEFU_DASH_PERIOD ("calls.received_at") " AND " CALLS_WHERE
                           " ORDER BY calls.received_at DESC, calls.id DESC",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      gboolean previous;
      guint bucket, local_hour;

      if (_kefu_dash_place (p, kefu_rows_get_text (rows, i, 1), &previous, &bucket, &local_hour) &&
          !previous && (gint64) local_hour == hour)
        {
          gint64 id = kefu_rows_get_int (rows, i, 0);

          g_array_append_val (ids, id);
        }
    }
  return ids;
}

GArray *
_kefu_dash_call_ids (KefuDashPeriod       *p,
                     KefuDashboardFigure   figure,
                     gint64                key,
                     GCancellable         *cancellable,
                     GError              **error)
{
  const char *nick;

#define CALL_IDS(condition) \
  "SELECT calls.id FROM calls WHERE " KEFU_DASH_PERIOD ("calls.received_at") " AND " \
  condition " ORDER BY calls.received_at DESC, calls.id DESC"

  switch (figure)
    {
    case KEFU_DASHBOARD_FIGURE_CALLS:
      if (key < 0)
        return _kefu_dash_ids (p, CALL_IDS (CALLS_WHERE), 0, cancellable, error);
      nick = key < KEFU_DASHBOARD_N_CALL_KINDS ?
             _kefu_store_enum_to_nick (KEFU_TYPE_CALL_KIND, (int) key) : NULL;
      if (nick == NULL)
        return g_array_new (FALSE, FALSE, sizeof (gint64));
      /* The kind's nick is one of three fixed words; it is compared through a CASE on the key
       * so that the statement stays bound. */
      return _kefu_dash_ids (p, CALL_IDS (CALLS_WHERE " AND calls.kind = CASE {key} "
                                          "WHEN 0 THEN 'order' WHEN 1 THEN 'complaint' "
                                          "ELSE 'inquiry' END"),
                             key, cancellable, error);
    case KEFU_DASHBOARD_FIGURE_CALLS_AT_HOUR:
      return calls_at_hour (p, key, cancellable, error);
    case KEFU_DASHBOARD_FIGURE_CLERK_CALLS:
      return _kefu_dash_ids (p, CALL_IDS ("calls.clerk_id = {key}"), key, cancellable, error);
    case KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES:
      if (key < 0)
        return _kefu_dash_ids (p, CALL_IDS ("calls.clerk_id = -{key} AND " CONVERTED), key,
                               cancellable, error);
      return _kefu_dash_ids (p, CALL_IDS ("calls.clerk_id = {key} AND calls.kind = 'inquiry'"),
                             key, cancellable, error);
    default:
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }
#undef CALL_IDS
}
