/* kefu-store-reports-calls.c: the daily call log by clerk (每日来电记录) and its detail variant,
 * every call of the period read in pages (kefu-store-reports.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-reports-private.h"

/* The UTC hour a call came in, as a time both backends' text parses: every zone of whole hours
 * puts each UTC hour in one local day, which the caller works out. */
#define HOUR_SQLITE   "substr(calls.received_at, 1, 13) || ':00:00.000Z'"
#define HOUR_POSTGRES "date_trunc('hour', calls.received_at)"

/* The calls of the period ($1, $2: the UTC bounds of its local days), the team ($3) and the
 * clerk ($4), 0 for all. */
#define CALLS_OF_PERIOD \
  " FROM calls JOIN staff AS clerk ON clerk.id = calls.clerk_id" \
  " WHERE calls.received_at >= $1 AND calls.received_at < $2" \
  " AND (CAST($3 AS BIGINT) = 0 OR clerk.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR calls.clerk_id = CAST($4 AS BIGINT))"

/* Counted per UTC hour and clerk: the calls of each kind and the inquiries whose lead was
 * converted to an order (an inquiry has at most one lead). */
#define LOG_SQL(hour) \
  "SELECT " hour ", calls.clerk_id, clerk.name, " \
  "COALESCE(SUM(CASE WHEN calls.kind = 'order' THEN 1 ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN calls.kind = 'complaint' THEN 1 ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN calls.kind = 'inquiry' THEN 1 ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN leads.state = 'converted' THEN 1 ELSE 0 END), 0)" \
  CALLS_OF_PERIOD_WITH_LEADS \
  " GROUP BY 1, calls.clerk_id, clerk.name"
#define CALLS_OF_PERIOD_WITH_LEADS \
  " FROM calls JOIN staff AS clerk ON clerk.id = calls.clerk_id" \
  " LEFT JOIN inquiries ON inquiries.call_id = calls.id" \
  " LEFT JOIN leads ON leads.inquiry_id = inquiries.id" \
  " WHERE calls.received_at >= $1 AND calls.received_at < $2" \
  " AND (CAST($3 AS BIGINT) = 0 OR clerk.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR calls.clerk_id = CAST($4 AS BIGINT))"

static void
call_log_row_clear (gpointer data)
{
  KefuCallLogRow *row = data;

  g_clear_pointer (&row->clerk_name, g_free);
}

void
kefu_call_log_free (KefuCallLog *log)
{
  if (log == NULL)
    return;
  g_clear_pointer (&log->rows, g_array_unref);
  g_free (log);
}

/* By day, then clerk name (as bytes, the same on both backends), then id. */
static int
compare_log_rows (gconstpointer a,
                  gconstpointer b)
{
  const KefuCallLogRow *x = a;
  const KefuCallLogRow *y = b;
  int order = g_date_compare (&x->day, &y->day);

  if (order != 0)
    return order;
  order = g_strcmp0 (x->clerk_name, y->clerk_name);
  if (order != 0)
    return order;
  return x->clerk_id < y->clerk_id ? -1 : x->clerk_id > y->clerk_id;
}

/**
 * kefu_store_report_call_log:
 *
 * Returns: (transfer full): the daily call log by clerk, NULL with @error set
 */
KefuCallLog *
kefu_store_report_call_log (KefuStore              *self,
                            const KefuReportQuery  *query,
                            GCancellable           *cancellable,
                            GError                **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(KefuCallLog) log = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GHashTable) index = NULL;   /* "day:clerk" → index in log->rows */
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean postgres;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (_kefu_report_query_is_valid (query), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _kefu_store_local_days_bounds (&query->first, &query->last, &from, &to);
  postgres = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
  rows = _kefu_store_query (self, postgres ? LOG_SQL (HOUR_POSTGRES) : LOG_SQL (HOUR_SQLITE),
                            _kefu_report_query_params (query, from, to), cancellable, error);
  if (rows == NULL)
    return NULL;

  log = g_new0 (KefuCallLog, 1);
  log->query = *query;
  log->rows = g_array_new (FALSE, TRUE, sizeof (KefuCallLogRow));
  g_array_set_clear_func (log->rows, call_log_row_clear);
  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < kefu_rows_get_n_rows (rows); r++)
    {
      g_autoptr(GDateTime) hour = kefu_rows_get_time (rows, r, 0);
      g_autoptr(GDateTime) in_zone = NULL;
      g_autofree char *key = NULL;
      gint64 clerk_id = kefu_rows_get_int (rows, r, 1);
      KefuCallLogRow *row;
      gpointer found;
      GDate day;

      if (hour == NULL)
        continue;
      in_zone = g_date_time_to_timezone (hour, local);
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (in_zone),
                      g_date_time_get_month (in_zone), g_date_time_get_year (in_zone));
      key = g_strdup_printf ("%u:%" G_GINT64_FORMAT, g_date_get_julian (&day), clerk_id);
      if (g_hash_table_lookup_extended (index, key, NULL, &found))
        row = &g_array_index (log->rows, KefuCallLogRow, GPOINTER_TO_UINT (found));
      else
        {
          KefuCallLogRow blank = { 0 };

          blank.day = day;
          blank.clerk_id = clerk_id;
          blank.clerk_name = g_strdup (kefu_rows_get_text (rows, r, 2));
          g_array_append_val (log->rows, blank);
          g_hash_table_insert (index, g_steal_pointer (&key),
                               GUINT_TO_POINTER (log->rows->len - 1));
          row = &g_array_index (log->rows, KefuCallLogRow, log->rows->len - 1);
        }
      row->orders += (guint) kefu_rows_get_int (rows, r, 3);
      row->complaints += (guint) kefu_rows_get_int (rows, r, 4);
      row->inquiries += (guint) kefu_rows_get_int (rows, r, 5);
      row->converted += (guint) kefu_rows_get_int (rows, r, 6);
    }

  g_array_sort (log->rows, compare_log_rows);
  g_date_clear (&log->totals.day, 1);
  for (guint i = 0; i < log->rows->len; i++)
    {
      KefuCallLogRow *row = &g_array_index (log->rows, KefuCallLogRow, i);

      row->total = row->orders + row->complaints + row->inquiries;
      log->totals.orders += row->orders;
      log->totals.complaints += row->complaints;
      log->totals.inquiries += row->inquiries;
      log->totals.converted += row->converted;
      log->totals.total += row->total;
    }
  return g_steal_pointer (&log);
}

/* The detail variant: one page after the call (`after_time`, `after_id`), in received order.
 * "received_at >= $5" on its own lets the index of received_at start each page where the last
 * ended, rather than at the period's start. */
#define EACH_SQL \
  "SELECT calls.id, calls.received_at, calls.reference, calls.kind, calls.caller_name, " \
  "calls.phone, calls.clerk_id, clerk.name, calls.summary" \
  CALLS_OF_PERIOD \
  " AND calls.received_at >= $5" \
  " AND (calls.received_at > $5 OR (calls.received_at = $5 AND calls.id > $6))" \
  " ORDER BY calls.received_at, calls.id LIMIT $7"

gboolean
kefu_store_report_each_call (KefuStore              *self,
                             const KefuReportQuery  *query,
                             guint                   page_size,
                             KefuCallEntryFunc       func,
                             gpointer                user_data,
                             guint64                *n_calls,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *after_time = NULL;
  gint64 after_id = 0;
  guint64 count = 0;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (_kefu_report_query_is_valid (query), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (page_size == 0)
    page_size = 2000;
  _kefu_store_local_days_bounds (&query->first, &query->last, &from, &to);
  /* The first page starts at the period's start: every call has an id above 0. */
  after_time = g_strdup (from);

  for (;;)
    {
      g_autoptr(KefuRows) rows = NULL;
      guint n;

      rows = _kefu_store_query (self, EACH_SQL,
                                g_variant_new ("(ssxxsxx)", from, to, query->department_id,
                                               query->clerk_id, after_time, after_id,
                                               (gint64) page_size),
                                cancellable, error);
      if (rows == NULL)
        return FALSE;
      n = kefu_rows_get_n_rows (rows);
      for (guint r = 0; r < n; r++)
        {
          g_autoptr(GDateTime) received_at = kefu_rows_get_time (rows, r, 1);
          KefuCallEntry entry = { 0 };

          entry.received_at = received_at;
          entry.reference = kefu_rows_get_text (rows, r, 2);
          entry.kind = _kefu_store_enum_from_nick (KEFU_TYPE_CALL_KIND,
                                                   kefu_rows_get_text (rows, r, 3),
                                                   KEFU_CALL_KIND_ORDER);
          entry.caller_name = kefu_rows_get_text (rows, r, 4);
          entry.phone = kefu_rows_get_text (rows, r, 5);
          entry.clerk_id = kefu_rows_get_int (rows, r, 6);
          entry.clerk_name = kefu_rows_get_text (rows, r, 7);
          entry.summary = kefu_rows_get_text (rows, r, 8);
          if (!func (&entry, user_data, error))
            return FALSE;
          count++;
        }
      if (n < page_size)
        break;
      /* The next page starts after the last call, compared as the backend stored it. */
      g_free (after_time);
      after_time = g_strdup (kefu_rows_get_text (rows, n - 1, 1));
      after_id = kefu_rows_get_int (rows, n - 1, 0);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  if (n_calls != NULL)
    *n_calls = count;
  return TRUE;
}
