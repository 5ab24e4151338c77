/* kefu-shipment-list-model.c: the shipment list view's lazy rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-list"

#include "config.h"

#include "kefu-shipment-list-model.h"

/* The ids read before the rest (two pages): the first screen, shown without waiting for every
 * id of a long list. */
#define HEAD_IDS (2 * KEFU_LAZY_LIST_PAGE_SIZE)

/* What the ids are read with; the worker gets its own copy. A NULL query is every shipment in
 * the default order. */
typedef struct
{
  KefuShipmentFilter *filter;
  KefuShipmentSort    sort;
  gboolean            descending;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_pointer (&query->filter, kefu_shipment_filter_free);
  g_free (query);
}

static gpointer
query_copy (gpointer data)
{
  const Query *query = data;
  Query *copy = g_new0 (Query, 1);

  copy->filter = kefu_shipment_filter_copy (query->filter);
  copy->sort = query->sort;
  copy->descending = query->descending;
  return copy;
}

static GArray *
read_ids (KefuStore     *store,
          gconstpointer  data,
          GCancellable  *cancellable,
          GError       **error)
{
  const Query *query = data;
  g_autoptr(KefuShipmentFilter) all = kefu_shipment_filter_new ();

  if (query == NULL)
    return kefu_store_list_shipment_ids (store, all, KEFU_SHIPMENT_SORT_ATTENTION, FALSE,
                                         cancellable, error);
  return kefu_store_list_shipment_ids (store, query->filter, query->sort, query->descending,
                                       cancellable, error);
}

static GArray *
read_head (KefuStore     *store,
           gconstpointer  data,
           guint          n_head,
           gint64        *n_total,
           GCancellable  *cancellable,
           GError       **error)
{
  const Query *query = data;
  g_autoptr(KefuShipmentFilter) all = kefu_shipment_filter_new ();

  /* The same list as read_ids (), the default query's included. */
  if (query == NULL)
    return kefu_store_list_shipment_ids_head (store, all, KEFU_SHIPMENT_SORT_ATTENTION, FALSE,
                                              n_head, n_total, cancellable, error);
  return kefu_store_list_shipment_ids_head (store, query->filter, query->sort,
                                            query->descending, n_head, n_total, cancellable,
                                            error);
}

static GPtrArray *
read_page (KefuStore     *store,
           const gint64  *ids,
           guint          n_ids,
           GCancellable  *cancellable,
           GError       **error)
{
  return kefu_store_get_shipments (store, ids, n_ids, cancellable, error);
}

static gint64
shipment_id (gpointer value)
{
  return KEFU_SHIPMENT (value)->id;
}

KefuLazyListModel *
kefu_shipment_list_model_new (void)
{
  KefuLazyListModel *model = kefu_lazy_list_model_new (read_ids, read_page, shipment_id);

  kefu_lazy_list_model_set_head_func (model, read_head, HEAD_IDS);
  return model;
}

void
kefu_shipment_list_model_set_query (KefuLazyListModel        *model,
                                    const KefuShipmentFilter *filter,
                                    KefuShipmentSort          sort,
                                    gboolean                  descending)
{
  Query *query;

  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (model));
  g_return_if_fail (sort <= KEFU_SHIPMENT_SORT_EXPECTED);

  query = g_new0 (Query, 1);
  query->filter = filter != NULL ? kefu_shipment_filter_copy (filter) : kefu_shipment_filter_new ();
  query->sort = sort;
  query->descending = !!descending;
  kefu_lazy_list_model_set_query (model, query, query_copy, query_free);
}
