/* kefu-lazy-query.h: the query of a list read in SQL (a filter, an order, a direction), as the
 * complaint, shipment and service job lists give it to their KefuLazyListModel: what each list
 * has of its own (its filter's functions, how the store reads its ids and rows) is one constant
 * KefuLazyQueryKind; the copy for the worker, the head and ids functions, the model's making and
 * the query's setting are done here once.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-lazy-list-model.h"

G_BEGIN_DECLS

/* A list's query, as the kind's read function gets it (its filter never NULL). */
typedef struct
{
  gpointer filter;      /* the kind's filter type */
  int      sort;        /* an enum of the store's */
  gboolean descending;
} KefuLazyQuery;

/* Run on the store's worker thread. The ids `query` asks for: every one when `n_total` is
 * NULL, else the first `n_head` and in `n_total` how many there are. */
typedef GArray * (*KefuLazyQueryReadFunc) (KefuStore            *store,
                                           const KefuLazyQuery  *query,
                                           guint                 n_head,
                                           gint64               *n_total,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* What one kind of list reads, and how its filters are made, copied and freed. */
typedef struct
{
  gpointer              (*filter_new)  (void);
  GBoxedCopyFunc          filter_copy;
  GDestroyNotify          filter_free;
  KefuLazyQueryReadFunc   read_ids;
  KefuLazyListPageFunc    read_page;
  KefuLazyListIdFunc      value_id;
} KefuLazyQueryKind;

/* A model of `kind` that reads the first screen first, with its first query. */
KefuLazyListModel   *kefu_lazy_query_model_new (const KefuLazyQueryKind *kind,
                                                gconstpointer            filter,
                                                int                      sort,
                                                gboolean                 descending);
/* Which rows (`filter` copied; NULL: all) in which order; one reload follows. */
void                 kefu_lazy_query_set       (KefuLazyListModel       *model,
                                                const KefuLazyQueryKind *kind,
                                                gconstpointer            filter,
                                                int                      sort,
                                                gboolean                 descending);

G_END_DECLS
