/* kefu-lazy-list-model.h: a long list of store rows (hundreds of thousands) as a lazy GListModel
 * of KefuLazyItem, the design of the customers list (tech-notes.md, "GTK lists at scale") made
 * independent of what the rows are.
 *
 * The model holds only the ordered ids (8 bytes a row), read off the main thread by its ids
 * function with its query (the filter and order, applied in SQL). get_item() returns a
 * KefuLazyItem at once, a placeholder whose "value" is set when its page of rows arrives (read by
 * the page function on the store's worker, one page at a time, only while a row of it is shown,
 * the rows asked for last first) into a bounded cache. A new query or a reload reads the ids
 * again and says what changed in one items-changed (a few steps for a big replacement).
 *
 * Two things may be set right after kefu_lazy_list_model_new(), before the model has a store:
 * - a head function (kefu_lazy_list_model_set_head_func()): a new query or store then reads the
 *   first ids and the count first and shows them at once, the rows after them placeholders with
 *   id 0 that are not read; every id is read behind them and, when the list still starts the
 *   same, given to the placeholders in place (no items-changed), else the list is replaced as on
 *   a reload. A reload of the same query reads every id at once, so that it changes only where
 *   the store did. The first screen of a long list then does not wait for every id.
 * - item functions (kefu_lazy_list_model_set_item_funcs()): the rows are then objects of the
 *   caller's type (a record filled in place, as the customers list shows) instead of
 *   KefuLazyItems.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store.h"
#include "kefu-lazy-item.h"

G_BEGIN_DECLS

/* Rows per page, and pages kept: 10,000 rows at most, whatever the list's length. */
#define KEFU_LAZY_LIST_PAGE_SIZE 200
#define KEFU_LAZY_LIST_MAX_PAGES 50

/* Run on the store's worker thread. The ids of the list `query` asks for, in order (gint64). */
typedef GArray    * (*KefuLazyListIdsFunc)  (KefuStore     *store,
                                             gconstpointer  query,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Run on the store's worker thread. The values (GObjects) of `ids`, in their order; ids no
 * longer there are left out. */
typedef GPtrArray * (*KefuLazyListPageFunc) (KefuStore     *store,
                                             const gint64  *ids,
                                             guint          n_ids,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* The id of a value the page function returned. */
typedef gint64      (*KefuLazyListIdFunc)   (gpointer       value);
/* Run on the store's worker thread. The first `n_head` ids of the list `query` asks for, in
 * order, and in `n_total` how many the whole list has (-1 when only reading it all can tell). */
typedef GArray    * (*KefuLazyListHeadFunc) (KefuStore     *store,
                                             gconstpointer  query,
                                             guint          n_head,
                                             gint64        *n_total,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* A placeholder row for `id` (0 while the id is not known yet), its id set later, and filled
 * with the value the page function read for it. */
typedef gpointer    (*KefuLazyListNewItemFunc)   (gint64    id);
typedef void        (*KefuLazyListSetItemIdFunc) (gpointer  item,
                                                  gint64    id);
typedef void        (*KefuLazyListFillItemFunc)  (gpointer  item,
                                                  gpointer  value);

#define KEFU_TYPE_LAZY_LIST_MODEL (kefu_lazy_list_model_get_type ())
G_DECLARE_FINAL_TYPE (KefuLazyListModel, kefu_lazy_list_model, KEFU, LAZY_LIST_MODEL, GObject)

KefuLazyListModel *kefu_lazy_list_model_new             (KefuLazyListIdsFunc   read_ids,
                                                         KefuLazyListPageFunc  read_page,
                                                         KefuLazyListIdFunc    value_id);

/* Reads the head of a new list first (see above): `n_head` ids, rounded up to whole pages. */
void               kefu_lazy_list_model_set_head_func   (KefuLazyListModel    *self,
                                                         KefuLazyListHeadFunc  read_head,
                                                         guint                 n_head);
/* Rows of `item_type` made by `new_item` instead of KefuLazyItems. */
void               kefu_lazy_list_model_set_item_funcs  (KefuLazyListModel    *self,
                                                         GType                 item_type,
                                                         KefuLazyListNewItemFunc   new_item,
                                                         KefuLazyListSetItemIdFunc set_item_id,
                                                         KefuLazyListFillItemFunc  fill_item);

KefuStore         *kefu_lazy_list_model_get_store       (KefuLazyListModel    *self);
/* A new store empties the list at once and reads it again (nothing of another database stays
 * on screen). */
void               kefu_lazy_list_model_set_store       (KefuLazyListModel    *self,
                                                         KefuStore            *store);
/* The query the ids function gets (copied with `copy` for the worker, freed with `free`);
 * schedules one reload, shared by changes made in one main-loop iteration. NULL is a query. */
void               kefu_lazy_list_model_set_query       (KefuLazyListModel    *self,
                                                         gpointer              query,
                                                         GBoxedCopyFunc        copy,
                                                         GDestroyNotify        free);
gconstpointer      kefu_lazy_list_model_get_query       (KefuLazyListModel    *self);
/* Reads the ids again now (after a change in the store); rows that keep their place and are
 * shown are read again too. */
void               kefu_lazy_list_model_reload          (KefuLazyListModel    *self);

/* TRUE while the ids are read (the previous ones, or the head of the new ones, stay meanwhile). */
gboolean           kefu_lazy_list_model_get_loading     (KefuLazyListModel    *self);
/* TRUE while a page of shown rows is read. */
gboolean           kefu_lazy_list_model_get_filling     (KefuLazyListModel    *self);
/* The last read of the ids failed (NULL when it did not); the previous ids stay. A page that
 * cannot be read emits "page-failed" (GError); its rows stay placeholders until shown again. */
const GError      *kefu_lazy_list_model_get_error       (KefuLazyListModel    *self);

/* The id at `position` without making an item; 0 past the end or while not known yet. */
gint64             kefu_lazy_list_model_get_id          (KefuLazyListModel    *self,
                                                         guint                 position);
/* A copy of the ordered ids (gint64): while a list is read behind its head, only those known. */
GArray            *kefu_lazy_list_model_dup_ids         (KefuLazyListModel    *self);
/* The number of pages held now (for tests of the bound). */
guint              kefu_lazy_list_model_get_n_cached_pages (KefuLazyListModel *self);

G_END_DECLS
