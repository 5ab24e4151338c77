/* kefu-store-history.c: a customer's history (客户历史) for the call form and the customer's
 * page: their calls (orders, complaints, inquiries), shipments and service jobs, newest first,
 * in one statement that the database sorts and limits.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-history-entry.h"
#include "kefu-store-calls.h"
#include "kefu-store-internal.h"

/* The customer's history as one statement: every source is a SELECT of the same eleven columns
 * (kind as a KefuHistoryKind nick, entity, entity id, reference, time, summary, status nick,
 * staff name, and what a summary is made of: a job's kind, a shipment's quantity and lines), so
 * that the panes add theirs with UNION ALL inside the parentheses, and the database sorts and
 * limits the whole. The status of a call is its complaint's stage, its order's hand-over state,
 * or its lead's state; a shipment's and a service job's is their step. */
#define HISTORY_SQL \
  "SELECT kind, entity, entity_id, reference, occurred_at, summary, status, staff_name, " \
  "  detail, quantity, n_lines FROM (" \
  "  SELECT calls.kind || '-call' AS kind, 'calls' AS entity, calls.id AS entity_id, " \
  "    calls.reference AS reference, calls.received_at AS occurred_at, " \
  "    calls.summary AS summary, " \
  "    COALESCE(complaints.stage, orders.handover_state, leads.state) AS status, " \
  "    staff.name AS staff_name, CAST(NULL AS TEXT) AS detail, " \
  "    CAST(NULL AS BIGINT) AS quantity, CAST(NULL AS BIGINT) AS n_lines " \
  "  FROM calls JOIN staff ON staff.id = calls.clerk_id " \
  "  LEFT JOIN complaints ON complaints.call_id = calls.id " \
  "  LEFT JOIN orders ON orders.call_id = calls.id " \
  "  LEFT JOIN inquiries ON inquiries.call_id = calls.id " \
  "  LEFT JOIN leads ON leads.inquiry_id = inquiries.id " \
  "  WHERE calls.customer_id = $1 " \
  "  UNION ALL " \
  "  SELECT 'shipment', 'shipment', shipments.id, shipments.reference, " \
  "    shipments.requested_at, shipments.first_product_name, shipments.step, staff.name, " \
  "    NULL, shipments.total_quantity, shipments.n_lines " \
  "  FROM shipments LEFT JOIN staff ON staff.id = shipments.requested_by " \
  "  WHERE shipments.customer_id = $1 " \
  "  UNION ALL " \
  "  SELECT 'service-job', 'service-job', service_jobs.id, service_jobs.reference, " \
  "    service_jobs.reported_at, service_jobs.symptoms, service_jobs.step, staff.name, " \
  "    service_jobs.kind, NULL, NULL " \
  "  FROM service_jobs LEFT JOIN staff ON staff.id = service_jobs.reported_by " \
  "  WHERE service_jobs.customer_id = $1" \
  ") AS history ORDER BY occurred_at DESC, entity_id DESC LIMIT $2"

/* What a shipment's or a service job's line of history says: the first product and the
 * quantity ("Analyser X200 ×2", with the other lines counted), or the kind and the symptoms
 * ("On-site repair: no display"). The calls' summaries come as stored. Every status stays the
 * nick of its state (kefu-history-entry.h), which the history view puts in words. */
static char *
history_summary (KefuRows        *rows,
                 guint            i,
                 KefuHistoryKind  kind)
{
  const char *text = kefu_rows_get_text (rows, i, 5);
  int value;

  if (kind == KEFU_HISTORY_KIND_SHIPMENT)
    {
      gint64 more = kefu_rows_get_int (rows, i, 10) - 1;
      g_autofree char *first = g_strdup_printf ("%s ×%" G_GINT64_FORMAT, text != NULL ? text : "",
                                                kefu_rows_get_int (rows, i, 9));

      /* Translators: a shipment in a customer's history: its first product and quantity, then
       * how many other lines it has. */
      return more > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more line",
                                                      "%s and %u more lines", (gulong) more),
                                         first, (guint) more)
                      : g_steal_pointer (&first);
    }
  if (kind == KEFU_HISTORY_KIND_SERVICE_JOB)
    {
      const char *kind_name = kefu_enum_from_nick (KEFU_TYPE_JOB_KIND,
                                                   kefu_rows_get_text (rows, i, 8), &value) ?
                              kefu_job_kind_get_display_name (value) : "";

      /* Translators: a service job in a customer's history: its kind, then the fault. */
      return text != NULL ? g_strdup_printf (C_("history", "%s: %s"), kind_name, text)
                          : g_strdup (kind_name);
    }
  return g_strdup (text);
}

/**
 * kefu_store_list_customer_history:
 * @customer_id: the customer
 * @limit: the most entries to return; 0 for 100
 *
 * Returns: (transfer full): a #GListModel of #KefuHistoryEntry, newest first: calls, shipments
 *   and service jobs (status the nick of their state or step)
 */
GListModel *
kefu_store_list_customer_history (KefuStore     *self,
                                  gint64         customer_id,
                                  guint          limit,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GListStore *list;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = _kefu_store_query (self, HISTORY_SQL,
                            g_variant_new ("(xx)", customer_id, (gint64) (limit > 0 ? limit : 100)),
                            cancellable, error);
  if (rows == NULL)
    return NULL;

  list = g_list_store_new (KEFU_TYPE_HISTORY_ENTRY);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GDateTime) occurred_at = kefu_rows_get_time (rows, i, 4);
      g_autoptr(KefuHistoryEntry) entry = NULL;
      g_autofree char *summary = NULL;
      KefuHistoryKind kind;

      kind = _kefu_store_enum_from_nick (KEFU_TYPE_HISTORY_KIND, kefu_rows_get_text (rows, i, 0),
                                         KEFU_HISTORY_KIND_ORDER_CALL);
      summary = history_summary (rows, i, kind);
      entry = kefu_history_entry_new (kind,
                                      kefu_rows_get_text (rows, i, 1),
                                      kefu_rows_get_int (rows, i, 2),
                                      kefu_rows_get_text (rows, i, 3),
                                      occurred_at,
                                      summary,
                                      kefu_rows_get_text (rows, i, 6),
                                      kefu_rows_get_text (rows, i, 7));
      g_list_store_append (list, entry);
    }
  return G_LIST_MODEL (list);
}
