/* kefu-lazy-list-model-private.h: the state of a KefuLazyListModel, shared by the files that
 * make it up: kefu-lazy-list-model.c (the GListModel and the public calls),
 * kefu-lazy-list-pages.c (the cache of pages and their reads) and kefu-lazy-list-ids.c (the
 * ids: their reads, the head first, and the replacement of one list by another).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-lazy-list-model.h"

G_BEGIN_DECLS

/* One page of rows: the items handed out for its positions, placeholders until `filled`. */
typedef struct
{
  guint      index;
  guint64    serial;      /* unique over the model's life, so a late answer finds its own page */
  guint64    last_used;   /* the model's use counter when a row of it was last asked for */
  GPtrArray *items;       /* of the model's item type */
  gboolean   filled;
  gboolean   wanted;      /* waiting in `wanted` for a read */
} Page;

struct _KefuLazyListModel
{
  GObject               parent_instance;

  KefuLazyListIdsFunc   read_ids;
  KefuLazyListPageFunc  read_page;
  KefuLazyListIdFunc    value_id;
  KefuLazyListHeadFunc  read_head;
  guint                 n_head;
  GType                 item_type;
  KefuLazyListNewItemFunc   new_item;
  KefuLazyListSetItemIdFunc set_item_id;
  KefuLazyListFillItemFunc  fill_item;

  KefuStore            *store;
  gpointer              query;
  GBoxedCopyFunc        query_copy;
  GDestroyNotify        query_free;

  GArray               *ids;          /* gint64, in list order */
  /* The ids before this position are known; after it (while the whole list is read behind its
   * head) they are 0, and their rows placeholders that are not read until their ids arrive. */
  guint                 n_known;
  /* The store or query changed since the last reload: the rows shown are not the list asked
   * for, so its head goes first (a reload of the same list reads it whole, so that it changes
   * only where the store did). */
  gboolean              reshaped;
  GHashTable           *pages;        /* page index → Page */
  GQueue                wanted;       /* Page*, the most recently asked for first */
  guint64               use_counter;
  guint64               next_serial;

  GCancellable         *ids_cancellable;
  GCancellable         *page_cancellable;
  guint64               page_in_flight;   /* serial of the page being read, 0 when none */
  guint                 reload_source;
  guint                 fetch_source;
  GError               *error;
  gboolean              loading;
  gboolean              filling;

  /* For the debug timings (G_MESSAGES_DEBUG=kefu-lazy-list-model). */
  gint64                reload_started;
  gboolean              timing_first_page;
};

/* kefu-lazy-list-model.c */
void     _kefu_lazy_list_model_set_loading     (KefuLazyListModel *self,
                                                gboolean           loading);
void     _kefu_lazy_list_model_notify_filling  (KefuLazyListModel *self);
void     _kefu_lazy_list_model_notify_n_items  (KefuLazyListModel *self);
void     _kefu_lazy_list_model_page_failed     (KefuLazyListModel *self,
                                                const GError      *error);

/* kefu-lazy-list-pages.c */
void     _kefu_lazy_list_page_free       (Page              *page);
gboolean _kefu_lazy_list_page_in_use     (Page              *page);
gboolean _kefu_lazy_list_page_known      (KefuLazyListModel *self,
                                          Page              *page);
Page    *_kefu_lazy_list_make_page       (KefuLazyListModel *self,
                                          guint              index);
/* The same, the rows at the positions in `reuse` (position → item, each taken out of it) being
 * those items instead of new ones. */
Page    *_kefu_lazy_list_make_page_reusing (KefuLazyListModel *self,
                                            guint              index,
                                            GHashTable        *reuse);
void     _kefu_lazy_list_evict_pages     (KefuLazyListModel *self,
                                          Page              *keep);
void     _kefu_lazy_list_start_read      (KefuLazyListModel *self,
                                          Page              *page);
void     _kefu_lazy_list_schedule_fetch  (KefuLazyListModel *self);
/* Starts the read of the first wanted page now, not from an idle (see read_ids_cb ()). */
void     _kefu_lazy_list_fetch_now       (KefuLazyListModel *self);
void     _kefu_lazy_list_cancel_read     (KefuLazyListModel *self);
void     _kefu_lazy_list_update_filling  (KefuLazyListModel *self);

/* kefu-lazy-list-ids.c */
void     _kefu_lazy_list_replace_ids     (KefuLazyListModel *self,
                                          GArray            *ids,
                                          guint              n_known);
void     _kefu_lazy_list_start_ids_read  (KefuLazyListModel *self,
                                          gpointer           query,
                                          gboolean           head);

G_END_DECLS
