/* kefu-store-reports-origins.c: the logistics origin analysis (发货地分析, kefu-store-reports.h):
 * the order calls and the shipment requests of the period by district, counted in SQL, the
 * requests that never shipped kept.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-reports-private.h"

/* Order calls by district: the order's district (checked against the service areas when it
 * was saved), else the customer's; empty text is no district. */
#define ORDERS_SQL \
  "SELECT COALESCE(NULLIF(orders.district, ''), NULLIF(customers.district, '')), " \
  "COUNT(*), COALESCE(SUM(CASE WHEN orders.out_of_area THEN 1 ELSE 0 END), 0)" \
  " FROM calls JOIN orders ON orders.call_id = calls.id" \
  " JOIN customers ON customers.id = calls.customer_id" \
  " JOIN staff AS clerk ON clerk.id = calls.clerk_id" \
  " WHERE calls.kind = 'order' AND calls.received_at >= $1 AND calls.received_at < $2" \
  " AND (CAST($3 AS BIGINT) = 0 OR clerk.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR calls.clerk_id = CAST($4 AS BIGINT))" \
  " GROUP BY 1"

/* Shipment requests filed in the period by the customer's district, and those ever shipped
 * (shipped_at stays set through an exception and its end). */
#define SHIPMENTS_SQL \
  "SELECT NULLIF(customers.district, ''), COUNT(*), " \
  "COALESCE(SUM(CASE WHEN shipments.shipped_at IS NOT NULL THEN 1 ELSE 0 END), 0)" \
  " FROM shipments JOIN customers ON customers.id = shipments.customer_id" \
  " LEFT JOIN staff AS clerk ON clerk.id = shipments.requested_by" \
  " WHERE shipments.requested_at >= $1 AND shipments.requested_at < $2" \
  " AND (CAST($3 AS BIGINT) = 0 OR clerk.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR shipments.requested_by = CAST($4 AS BIGINT))" \
  " GROUP BY 1"

static void
origin_row_clear (gpointer data)
{
  KefuOriginRow *row = data;

  g_clear_pointer (&row->district, g_free);
}

void
kefu_origin_report_free (KefuOriginReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->rows, g_array_unref);
  g_free (report);
}

/* The row of `district` (NULL: unknown), added when new. */
static KefuOriginRow *
row_for (KefuOriginReport *report,
         GHashTable       *index,
         const char       *district)
{
  const char *key = district != NULL ? district : "";
  gpointer found;
  KefuOriginRow row = { 0 };

  if (g_hash_table_lookup_extended (index, key, NULL, &found))
    return &g_array_index (report->rows, KefuOriginRow, GPOINTER_TO_UINT (found));
  row.district = g_strdup (district);
  g_array_append_val (report->rows, row);
  g_hash_table_insert (index, g_strdup (key), GUINT_TO_POINTER (report->rows->len - 1));
  return &g_array_index (report->rows, KefuOriginRow, report->rows->len - 1);
}

/* Most requests (order calls and shipment requests) first, then by name as bytes (the same on
 * both backends); the unknown district last. */
static int
compare_origins (gconstpointer a,
                 gconstpointer b)
{
  const KefuOriginRow *x = a;
  const KefuOriginRow *y = b;
  guint nx = x->order_calls + x->shipment_requests;
  guint ny = y->order_calls + y->shipment_requests;

  if ((x->district == NULL) != (y->district == NULL))
    return x->district == NULL ? 1 : -1;
  if (nx != ny)
    return nx > ny ? -1 : 1;
  return g_strcmp0 (x->district, y->district);
}

/**
 * kefu_store_report_origins:
 *
 * Returns: (transfer full): the origin analysis of the period, NULL with @error set
 */
KefuOriginReport *
kefu_store_report_origins (KefuStore              *self,
                           const KefuReportQuery  *query,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(KefuOriginReport) report = NULL;
  g_autoptr(KefuRows) orders = NULL;
  g_autoptr(KefuRows) shipments = NULL;
  g_autoptr(GVariant) params = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (_kefu_report_query_is_valid (query), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _kefu_store_local_days_bounds (&query->first, &query->last, &from, &to);
  params = g_variant_ref_sink (_kefu_report_query_params (query, from, to));
  orders = _kefu_store_query (self, ORDERS_SQL, params, cancellable, error);
  if (orders == NULL)
    return NULL;
  shipments = _kefu_store_query (self, SHIPMENTS_SQL, params, cancellable, error);
  if (shipments == NULL)
    return NULL;

  report = g_new0 (KefuOriginReport, 1);
  report->query = *query;
  report->rows = g_array_new (FALSE, TRUE, sizeof (KefuOriginRow));
  g_array_set_clear_func (report->rows, origin_row_clear);
  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < kefu_rows_get_n_rows (orders); r++)
    {
      KefuOriginRow *row = row_for (report, index, kefu_rows_get_text (orders, r, 0));

      row->order_calls += (guint) kefu_rows_get_int (orders, r, 1);
      row->out_of_area += (guint) kefu_rows_get_int (orders, r, 2);
    }
  for (guint r = 0; r < kefu_rows_get_n_rows (shipments); r++)
    {
      KefuOriginRow *row = row_for (report, index, kefu_rows_get_text (shipments, r, 0));

      row->shipment_requests += (guint) kefu_rows_get_int (shipments, r, 1);
      row->shipped += (guint) kefu_rows_get_int (shipments, r, 2);
    }

  g_array_sort (report->rows, compare_origins);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const KefuOriginRow *row = &g_array_index (report->rows, KefuOriginRow, i);

      report->totals.order_calls += row->order_calls;
      report->totals.out_of_area += row->out_of_area;
      report->totals.shipment_requests += row->shipment_requests;
      report->totals.shipped += row->shipped;
    }
  return g_steal_pointer (&report);
}
