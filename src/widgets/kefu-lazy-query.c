/* kefu-lazy-query.c: a list's query for its KefuLazyListModel, shared by the lists that read
 * their ids and rows with a filter, an order and a direction.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-query"

#include "config.h"

#include "kefu-lazy-query.h"

/* The ids read before the rest (two pages): the first screen, shown without waiting for every
 * id of a long list. */
#define HEAD_IDS (2 * KEFU_LAZY_LIST_PAGE_SIZE)

/* The query the model holds: the public part first, and the kind it belongs to, which the
 * worker's functions need to read and the copies need to copy. */
typedef struct
{
  KefuLazyQuery            query;
  const KefuLazyQueryKind *kind;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_pointer (&query->query.filter, query->kind->filter_free);
  g_free (query);
}

static gpointer
query_copy (gpointer data)
{
  const Query *query = data;
  Query *copy = g_new0 (Query, 1);

  copy->kind = query->kind;
  copy->query.filter = query->kind->filter_copy (query->query.filter);
  copy->query.sort = query->query.sort;
  copy->query.descending = query->query.descending;
  return copy;
}

static GArray *
read_ids (KefuStore     *store,
          gconstpointer  data,
          GCancellable  *cancellable,
          GError       **error)
{
  const Query *query = data;

  /* Every query the model gets carries a filter (kefu_lazy_query_set () makes one for NULL),
   * and the model gets one as it is made. */
  g_assert (query != NULL);
  return query->kind->read_ids (store, &query->query, 0, NULL, cancellable, error);
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

  g_assert (query != NULL && n_total != NULL);
  return query->kind->read_ids (store, &query->query, n_head, n_total, cancellable, error);
}

KefuLazyListModel *
kefu_lazy_query_model_new (const KefuLazyQueryKind *kind,
                           gconstpointer            filter,
                           int                      sort,
                           gboolean                 descending)
{
  KefuLazyListModel *model;

  g_return_val_if_fail (kind != NULL, NULL);

  model = kefu_lazy_list_model_new (read_ids, kind->read_page, kind->value_id);
  kefu_lazy_list_model_set_head_func (model, read_head, HEAD_IDS);
  kefu_lazy_query_set (model, kind, filter, sort, descending);
  return model;
}

void
kefu_lazy_query_set (KefuLazyListModel       *model,
                     const KefuLazyQueryKind *kind,
                     gconstpointer            filter,
                     int                      sort,
                     gboolean                 descending)
{
  Query *query;

  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (model));
  g_return_if_fail (kind != NULL);

  query = g_new0 (Query, 1);
  query->kind = kind;
  query->query.filter = filter != NULL ? kind->filter_copy ((gpointer) filter) : kind->filter_new ();
  query->query.sort = sort;
  query->query.descending = !!descending;
  kefu_lazy_list_model_set_query (model, query, query_copy, query_free);
}
