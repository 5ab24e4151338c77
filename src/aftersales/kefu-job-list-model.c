/* kefu-job-list-model.c: the job list view's lazy rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-list-model"

#include "config.h"

#include "kefu-job-list-model.h"

/* The ids read before the rest (two pages): the first screen, shown without waiting for every
 * id of a long list. */
#define HEAD_IDS (2 * KEFU_LAZY_LIST_PAGE_SIZE)

/* What the ids are read with; the worker gets its own copy. */
typedef struct
{
  KefuJobFilter *filter;
  KefuJobSort    sort;
  gboolean       descending;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_pointer (&query->filter, kefu_job_filter_free);
  g_free (query);
}

static gpointer
query_copy (gpointer data)
{
  const Query *query = data;
  Query *copy = g_new0 (Query, 1);

  copy->filter = kefu_job_filter_copy (query->filter);
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

  /* Every query the model sets carries a filter (set_query () makes one for NULL). */
  g_assert (query != NULL);
  return kefu_store_list_job_ids (store, query->filter, query->sort, query->descending,
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

  g_assert (query != NULL);
  return kefu_store_list_job_ids_head (store, query->filter, query->sort, query->descending,
                                       n_head, n_total, cancellable, error);
}

static GPtrArray *
read_page (KefuStore     *store,
           const gint64  *ids,
           guint          n_ids,
           GCancellable  *cancellable,
           GError       **error)
{
  return kefu_store_get_jobs (store, ids, n_ids, cancellable, error);
}

static gint64
job_id (gpointer value)
{
  return KEFU_SERVICE_JOB (value)->id;
}

KefuLazyListModel *
kefu_job_list_model_new (void)
{
  KefuLazyListModel *model = kefu_lazy_list_model_new (read_ids, read_page, job_id);
  g_autoptr(KefuJobFilter) filter = kefu_job_filter_new ();

  kefu_lazy_list_model_set_head_func (model, read_head, HEAD_IDS);

  /* The desk's work: open jobs, those that waited longest first. */
  filter->open_only = TRUE;
  kefu_job_list_model_set_query (model, filter, KEFU_JOB_SORT_ATTENTION, FALSE);
  return model;
}

void
kefu_job_list_model_set_query (KefuLazyListModel   *model,
                               const KefuJobFilter *filter,
                               KefuJobSort          sort,
                               gboolean             descending)
{
  Query *query;

  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (model));
  g_return_if_fail (sort <= KEFU_JOB_SORT_TECHNICIAN);

  query = g_new0 (Query, 1);
  query->filter = filter != NULL ? kefu_job_filter_copy (filter) : kefu_job_filter_new ();
  query->sort = sort;
  query->descending = !!descending;
  kefu_lazy_list_model_set_query (model, query, query_copy, query_free);
}

const KefuJobFilter *
kefu_job_list_model_get_filter (KefuLazyListModel *model)
{
  const Query *query;

  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (model), NULL);

  query = kefu_lazy_list_model_get_query (model);
  return query != NULL ? query->filter : NULL;
}

KefuJobSort
kefu_job_list_model_get_sort (KefuLazyListModel *model,
                              gboolean          *descending)
{
  const Query *query;

  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (model), KEFU_JOB_SORT_ATTENTION);

  query = kefu_lazy_list_model_get_query (model);
  if (descending != NULL)
    *descending = query != NULL ? query->descending : FALSE;
  return query != NULL ? query->sort : KEFU_JOB_SORT_ATTENTION;
}
