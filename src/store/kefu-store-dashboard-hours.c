/* kefu-store-dashboard-hours.c: reading the dashboard's counts kept per UTC hour
 * (dashboard_hours, schema step 14: triggers keep them with every change of the calls,
 * complaints and callbacks), so that a month's figures read a few thousand rows rather than
 * every record of the month and of the month before.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-dashboard-private.h"

static gboolean
metric_name_valid (const char *name)
{
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && *c != '-')
      return FALSE;
  return *name != '\0';
}

gboolean
_kefu_dash_read_hours (KefuDashPeriod        *p,
                       const KefuDashMetric  *metrics,
                       guint                  n_metrics,
                       KefuDashHourFunc       func,
                       gpointer               data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT dashboard_hours.hour, dashboard_hours.metric, "
                                         "SUM(dashboard_hours.n) FROM dashboard_hours WHERE "
                                         "dashboard_hours.metric IN (");
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (n_metrics > 0, FALSE);

  /* The names are this program's own words (checked), not input: they are written in. */
  for (guint i = 0; i < n_metrics; i++)
    {
      g_return_val_if_fail (metric_name_valid (metrics[i].name), FALSE);
      g_string_append_printf (sql, "%s'%s'", i == 0 ? "" : ", ", metrics[i].name);
    }
  g_string_append (sql, ") AND {hours} AND " KEFU_DASH_WHO ("dashboard_hours.staff_id")
                   " GROUP BY dashboard_hours.hour, dashboard_hours.metric");
  rows = _kefu_dash_query (p, sql->str, FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      const char *metric = kefu_rows_get_text (rows, i, 1);
      gint64 n = kefu_rows_get_int (rows, i, 2);
      gboolean previous;
      guint bucket, hour;

      /* A count whose records all went (0) adds nothing; one below 0 would be a fault of the
       * triggers, and is not shown as a huge number. */
      if (n <= 0 ||
          !_kefu_dash_place (p, kefu_rows_get_text (rows, i, 0), &previous, &bucket, &hour))
        continue;
      for (guint m = 0; m < n_metrics; m++)
        if (g_strcmp0 (metric, metrics[m].name) == 0)
          {
            if (metrics[m].count != NULL)
              _kefu_dash_count_add (metrics[m].count, previous, bucket, (guint) n);
            if (func != NULL)
              func (data, m, previous, bucket, hour, (guint) n);
            break;
          }
    }
  return TRUE;
}
