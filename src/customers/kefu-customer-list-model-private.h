/* kefu-customer-list-model-private.h: what the customer list model's files share (the model in
 * kefu-customer-list-model.c, its page cache in kefu-customer-list-model-pages.c, the reading of
 * its ids in kefu-customer-list-model-reload.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-customer-list-model.h"

G_BEGIN_DECLS

/* One page of rows: the items handed out for its positions. `items` holds one KefuCustomer per
 * position of the page, placeholders until `filled`. */
typedef struct
{
  guint      index;
  guint64    serial;      /* unique over the model's life, so a late answer finds its own page */
  guint64    last_used;   /* the model's use counter when a row of it was last asked for */
  GPtrArray *items;
  gboolean   filled;
  gboolean   wanted;      /* waiting in `wanted` for a read */
} Page;

struct _KefuCustomerListModel
{
  GObject           parent_instance;

  KefuStore        *store;
  char             *query;
  gint64            assigned_clerk_id;
  gboolean          to_contact;
  KefuCustomerSort  sort;
  gboolean          descending;

  GArray           *ids;          /* gint64, in list order */
  /* The ids before this position are known; after it (while the whole list is read behind its
   * head) they are 0, and their rows placeholders that are not read until their ids arrive. */
  guint             n_known;
  /* The store, filter or order changed since the last reload: the rows shown are not the list
   * asked for, so its head goes first (a refresh of the same list reads it whole, so that it
   * changes only where the store did). */
  gboolean          reshaped;
  GHashTable       *pages;        /* page index → Page */
  GQueue            wanted;       /* Page*, the most recently asked for first */
  guint64           use_counter;
  guint64           next_serial;

  GCancellable     *ids_cancellable;
  GCancellable     *page_cancellable;
  guint64           page_in_flight;   /* serial of the page being read, 0 when none */
  guint             reload_source;
  guint             fetch_source;
  GError           *error;
  gboolean          loading;
  gboolean          filling;

  /* For the debug timings (G_MESSAGES_DEBUG=kefu-customer-list-model): when the last reload was
   * asked for, until its first page is filled. */
  gint64            reload_started;
  gboolean          timing_first_page;
};

void      _kefu_customer_list_page_free             (Page                  *page);
gboolean  _kefu_customer_list_page_in_use           (Page                  *page);
/* A page of placeholders for the rows of page `index`, in the cache. */
Page     *_kefu_customer_list_model_make_page       (KefuCustomerListModel *self,
                                                     guint                  index);
/* Drops the least recently used pages nobody shows, down to the bound, never `keep`. */
void      _kefu_customer_list_model_evict_pages     (KefuCustomerListModel *self,
                                                     Page                  *keep);
/* Reads `page` now (nothing else may be in flight). */
void      _kefu_customer_list_model_start_read      (KefuCustomerListModel *self,
                                                     Page                  *page);
/* Reads the wanted pages, one after the other, from an idle. */
void      _kefu_customer_list_model_schedule_fetch  (KefuCustomerListModel *self);
void      _kefu_customer_list_model_cancel_read     (KefuCustomerListModel *self);
void      _kefu_customer_list_model_update_filling  (KefuCustomerListModel *self);
/* Emits ::page-failed. */
void      _kefu_customer_list_model_read_failed     (KefuCustomerListModel *self,
                                                     const GError          *error);
void      _kefu_customer_list_model_set_loading     (KefuCustomerListModel *self,
                                                     gboolean               loading);
void      _kefu_customer_list_model_notify_n_items  (KefuCustomerListModel *self);
/* Reads the ids of the list asked for: when `head`, the first ones and the count, then every id
 * behind them; otherwise every id at once. */
void      _kefu_customer_list_model_start_ids_read  (KefuCustomerListModel *self,
                                                     gboolean               head);
/* Replaces the ids with `ids`, of which the first `n_known` are known (the others 0). */
void      _kefu_customer_list_model_replace_ids     (KefuCustomerListModel *self,
                                                     GArray                *ids,
                                                     guint                  n_known);

G_END_DECLS
