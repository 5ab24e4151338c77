/* kefu-job-list-model.c: the job list view's lazy rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-list-model"

#include "config.h"

#include "widgets/kefu-lazy-query.h"

#include "kefu-job-list-model.h"

static GArray *
read_ids (KefuStore            *store,
          const KefuLazyQuery  *query,
          guint                 n_head,
          gint64               *n_total,
          GCancellable         *cancellable,
          GError              **error)
{
  if (n_total == NULL)
    return kefu_store_list_job_ids (store, query->filter, query->sort, query->descending,
                                    cancellable, error);
  return kefu_store_list_job_ids_head (store, query->filter, query->sort, query->descending,
                                       n_head, n_total, cancellable, error);
}

static gint64
job_id (gpointer value)
{
  return KEFU_SERVICE_JOB (value)->id;
}

static const KefuLazyQueryKind job_kind = {
  .filter_new = (gpointer (*) (void)) kefu_job_filter_new,
  .filter_copy = (GBoxedCopyFunc) kefu_job_filter_copy,
  .filter_free = (GDestroyNotify) kefu_job_filter_free,
  .read_ids = read_ids,
  .read_page = kefu_store_get_jobs,
  .value_id = job_id,
};

KefuLazyListModel *
kefu_job_list_model_new (void)
{
  g_autoptr(KefuJobFilter) filter = kefu_job_filter_new ();

  /* The desk's work: open jobs, those that waited longest first. */
  filter->open_only = TRUE;
  return kefu_lazy_query_model_new (&job_kind, filter, KEFU_JOB_SORT_ATTENTION, FALSE);
}

void
kefu_job_list_model_set_query (KefuLazyListModel   *model,
                               const KefuJobFilter *filter,
                               KefuJobSort          sort,
                               gboolean             descending)
{
  g_return_if_fail (sort <= KEFU_JOB_SORT_TECHNICIAN);

  kefu_lazy_query_set (model, &job_kind, filter, sort, descending);
}
