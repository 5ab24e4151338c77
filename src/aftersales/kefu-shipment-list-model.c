/* kefu-shipment-list-model.c: the shipment list view's lazy rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-list"

#include "config.h"

#include "widgets/kefu-lazy-query.h"

#include "kefu-shipment-list-model.h"

static GArray *
read_ids (KefuStore            *store,
          const KefuLazyQuery  *query,
          guint                 n_head,
          gint64               *n_total,
          GCancellable         *cancellable,
          GError              **error)
{
  if (n_total == NULL)
    return kefu_store_list_shipment_ids (store, query->filter, query->sort, query->descending,
                                         cancellable, error);
  return kefu_store_list_shipment_ids_head (store, query->filter, query->sort,
                                            query->descending, n_head, n_total, cancellable,
                                            error);
}

static gint64
shipment_id (gpointer value)
{
  return KEFU_SHIPMENT (value)->id;
}

static const KefuLazyQueryKind shipment_kind = {
  .filter_new = (gpointer (*) (void)) kefu_shipment_filter_new,
  .filter_copy = (GBoxedCopyFunc) kefu_shipment_filter_copy,
  .filter_free = (GDestroyNotify) kefu_shipment_filter_free,
  .read_ids = read_ids,
  .read_page = kefu_store_get_shipments,
  .value_id = shipment_id,
};

KefuLazyListModel *
kefu_shipment_list_model_new (void)
{
  /* Every shipment, those that need someone soonest first. */
  return kefu_lazy_query_model_new (&shipment_kind, NULL, KEFU_SHIPMENT_SORT_ATTENTION, FALSE);
}

void
kefu_shipment_list_model_set_query (KefuLazyListModel        *model,
                                    const KefuShipmentFilter *filter,
                                    KefuShipmentSort          sort,
                                    gboolean                  descending)
{
  g_return_if_fail (sort <= KEFU_SHIPMENT_SORT_EXPECTED);

  kefu_lazy_query_set (model, &shipment_kind, filter, sort, descending);
}
