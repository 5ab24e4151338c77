/* kefu-complaint-list-model.c: the complaint list view's lazy rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-list-model"

#include "config.h"

#include "kefu-complaint-list-model.h"

/* The ids read before the rest (two pages): the first screen, shown without waiting for every
 * id of a long list. */
#define HEAD_IDS (2 * KEFU_LAZY_LIST_PAGE_SIZE)

/* What the ids are read with; the worker gets its own copy. */
typedef struct
{
  KefuComplaintFilter *filter;
  KefuComplaintSort    sort;
  gboolean             descending;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_pointer (&query->filter, kefu_complaint_filter_free);
  g_free (query);
}

static gpointer
query_copy (gpointer data)
{
  const Query *query = data;
  Query *copy = g_new0 (Query, 1);

  copy->filter = kefu_complaint_filter_copy (query->filter);
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
  g_autoptr(KefuComplaintFilter) all = NULL;

  if (query == NULL)
    {
      all = kefu_complaint_filter_new ();
      return kefu_store_list_complaint_ids (store, all, KEFU_COMPLAINT_SORT_RECEIVED, TRUE,
                                            cancellable, error);
    }

  return kefu_store_list_complaint_ids (store, query->filter, query->sort, query->descending,
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

  /* The same list as read_ids (), the default query's included. */
  if (query == NULL)
    return kefu_store_list_complaint_ids_head (store, NULL, KEFU_COMPLAINT_SORT_RECEIVED, TRUE,
                                               n_head, n_total, cancellable, error);
  return kefu_store_list_complaint_ids_head (store, query->filter, query->sort,
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
  return kefu_store_get_complaint_cards (store, ids, n_ids, cancellable, error);
}

static gint64
card_id (gpointer value)
{
  return kefu_complaint_card_get_id (KEFU_COMPLAINT_CARD (value));
}

KefuLazyListModel *
kefu_complaint_list_model_new (void)
{
  KefuLazyListModel *model = kefu_lazy_list_model_new (read_ids, read_page, card_id);

  kefu_lazy_list_model_set_head_func (model, read_head, HEAD_IDS);

  /* Newest first, as a manager opening the list expects. */
  kefu_complaint_list_model_set_query (model, NULL, KEFU_COMPLAINT_SORT_RECEIVED, TRUE);
  return model;
}

void
kefu_complaint_list_model_set_query (KefuLazyListModel         *model,
                                     const KefuComplaintFilter *filter,
                                     KefuComplaintSort          sort,
                                     gboolean                   descending)
{
  Query *query;

  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (model));
  g_return_if_fail (sort <= KEFU_COMPLAINT_SORT_OWNER);

  query = g_new0 (Query, 1);
  query->filter = filter != NULL ? kefu_complaint_filter_copy (filter) : kefu_complaint_filter_new ();
  query->sort = sort;
  query->descending = !!descending;
  kefu_lazy_list_model_set_query (model, query, query_copy, query_free);
}

const KefuComplaintFilter *
kefu_complaint_list_model_get_filter (KefuLazyListModel *model)
{
  const Query *query;

  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (model), NULL);

  query = kefu_lazy_list_model_get_query (model);
  return query != NULL ? query->filter : NULL;
}

KefuComplaintSort
kefu_complaint_list_model_get_sort (KefuLazyListModel *model,
                                    gboolean          *descending)
{
  const Query *query;

  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (model), KEFU_COMPLAINT_SORT_RECEIVED);

  query = kefu_lazy_list_model_get_query (model);
  if (descending != NULL)
    *descending = query != NULL ? query->descending : TRUE;
  return query != NULL ? query->sort : KEFU_COMPLAINT_SORT_RECEIVED;
}
