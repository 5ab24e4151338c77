/* kefu-complaint-list-model.c: the complaint list view's lazy rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-list-model"

#include "config.h"

#include "widgets/kefu-lazy-query.h"

#include "kefu-complaint-list-model.h"

static GArray *
read_ids (KefuStore            *store,
          const KefuLazyQuery  *query,
          guint                 n_head,
          gint64               *n_total,
          GCancellable         *cancellable,
          GError              **error)
{
  if (n_total == NULL)
    return kefu_store_list_complaint_ids (store, query->filter, query->sort, query->descending,
                                          cancellable, error);
  return kefu_store_list_complaint_ids_head (store, query->filter, query->sort,
                                             query->descending, n_head, n_total, cancellable,
                                             error);
}

static gint64
card_id (gpointer value)
{
  return kefu_complaint_card_get_id (KEFU_COMPLAINT_CARD (value));
}

static const KefuLazyQueryKind complaint_kind = {
  .filter_new = (gpointer (*) (void)) kefu_complaint_filter_new,
  .filter_copy = (GBoxedCopyFunc) kefu_complaint_filter_copy,
  .filter_free = (GDestroyNotify) kefu_complaint_filter_free,
  .read_ids = read_ids,
  .read_page = kefu_store_get_complaint_cards,
  .value_id = card_id,
};

KefuLazyListModel *
kefu_complaint_list_model_new (void)
{
  /* Newest first, as a manager opening the list expects. */
  return kefu_lazy_query_model_new (&complaint_kind, NULL, KEFU_COMPLAINT_SORT_RECEIVED, TRUE);
}

void
kefu_complaint_list_model_set_query (KefuLazyListModel         *model,
                                     const KefuComplaintFilter *filter,
                                     KefuComplaintSort          sort,
                                     gboolean                   descending)
{
  g_return_if_fail (sort <= KEFU_COMPLAINT_SORT_OWNER);

  kefu_lazy_query_set (model, &complaint_kind, filter, sort, descending);
}
