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

gboolean
_kefu_dash_read_calls (KefuDashPeriod  *p,
                       KefuDashboard   *d,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;

  /* Read from an index alone: calls_hour on SQLite (already in hours), calls_dashboard on
   * PostgreSQL. */
  rows = _kefu_dash_query (p,
                           "SELECT {hour:received_at}, calls.kind, COUNT(*) FROM calls "
                           "WHERE {hrange:received_at} AND " CALLS_WHERE
                           " GROUP BY {hour:received_at}, calls.kind",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuCallKind kind = _kefu_store_enum_from_nick (KEFU_TYPE_CALL_KIND,
                                                      kefu_rows_get_text (rows, i, 1), -1);
      guint n = (guint) kefu_rows_get_int (rows, i, 2);
      gboolean previous;
      guint bucket, hour;

      if ((int) kind < 0 || kind >= KEFU_DASHBOARD_N_CALL_KINDS ||
          !_kefu_dash_place (p, kefu_rows_get_text (rows, i, 0), &previous, &bucket, &hour))
        continue;
      _kefu_dash_count_add (&d->calls_total, previous, bucket, n);
      _kefu_dash_count_add (&d->calls[kind], previous, bucket, n);
      if (!previous)
        d->calls_by_hour[hour][kind] += n;
    }
  return TRUE;
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

gboolean
_kefu_dash_read_clerks (KefuDashPeriod  *p,
                        KefuDashboard   *d,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_dash_query (p,
                           "SELECT staff.id, staff.name, SUM(t.calls), SUM(t.inquiries), "
                           "SUM(t.converted), SUM(t.complaints), SUM(t.callbacks) FROM ("
                           "SELECT calls.clerk_id AS staff_id, COUNT(*) AS calls, "
                           "SUM(CASE WHEN calls.kind = 'inquiry' THEN 1 ELSE 0 END) AS inquiries, "
                           "SUM(CASE WHEN " CONVERTED " THEN 1 ELSE 0 END) AS converted, "
                           "0 AS complaints, 0 AS callbacks FROM calls WHERE "
                           KEFU_DASH_PERIOD ("calls.received_at") " GROUP BY calls.clerk_id "
                           "UNION ALL SELECT complaints.owner_id, 0, 0, 0, COUNT(*), 0 "
                           "FROM complaints WHERE " KEFU_DASH_PERIOD ("complaints.received_at")
                           " AND complaints.archived_at IS NULL GROUP BY complaints.owner_id "
                           "UNION ALL SELECT callbacks.done_by, 0, 0, 0, 0, COUNT(*) "
                           "FROM callbacks WHERE " KEFU_DASH_PERIOD ("callbacks.done_at")
                           " AND callbacks.state = 'done' AND callbacks.archived_at IS NULL "
                           "GROUP BY callbacks.done_by"
                           ") AS t JOIN staff ON staff.id = t.staff_id "
                           "WHERE ({dept} = 0 OR staff.department_id = {dept}) "
                           "AND ({clerk} = 0 OR staff.id = {clerk}) "
                           "GROUP BY staff.id, staff.name",
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
