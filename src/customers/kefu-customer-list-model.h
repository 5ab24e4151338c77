/* kefu-customer-list-model.h: every customer a filter lets through, in a sort order, as a lazy
 * GListModel that stays fast at a million customers (tech-notes.md, "GTK lists at scale").
 *
 * The model holds only the ordered ids (8 bytes a customer), read off the main thread by
 * kefu_store_list_customer_ids(). get_item() returns a light KefuCustomer at once: a placeholder
 * with only its id set (version 0) until its page of rows arrives, when it is filled in place
 * (its properties change; no items-changed). Pages are read on demand, only while a row of them
 * is shown, into a bounded cache. Filtering and sorting happen in SQL; a change of either reloads
 * the ids with one items-changed covering only what changed (a few steps for a big change).
 *
 * The ids, pages, reads and head-first loading are a KefuLazyListModel's
 * (widgets/kefu-lazy-list-model.h), shared with the complaints list; this model gives it the
 * customers' filter and order and KefuCustomer rows, and passes on its signals.
 *
 * A first load, or a change of filter or order, reads the first ids and the count first
 * (kefu_store_list_customer_ids_head()) and shows them at once, the rows after them placeholders
 * with id 0; every id is read behind them and, when the list still starts the same, given to the
 * placeholders in place (no items-changed), else the list is replaced as on a reload.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Rows per page, and pages kept: 10,000 customers' rows at most, whatever the list's length. */
#define KEFU_CUSTOMER_LIST_PAGE_SIZE 200
#define KEFU_CUSTOMER_LIST_MAX_PAGES 50

#define KEFU_TYPE_CUSTOMER_SORT (kefu_customer_sort_get_type ())
GType kefu_customer_sort_get_type (void);

#define KEFU_TYPE_CUSTOMER_LIST_MODEL (kefu_customer_list_model_get_type ())
G_DECLARE_FINAL_TYPE (KefuCustomerListModel, kefu_customer_list_model,
                      KEFU, CUSTOMER_LIST_MODEL, GObject)

KefuCustomerListModel *kefu_customer_list_model_new           (KefuStore             *store);

KefuStore        *kefu_customer_list_model_get_store          (KefuCustomerListModel *self);
void              kefu_customer_list_model_set_store          (KefuCustomerListModel *self,
                                                               KefuStore             *store);

/* The filter (as kefu_store_list_customer_ids() takes it). Each change schedules one reload;
 * changes made together (in one main-loop iteration) share it. */
void              kefu_customer_list_model_get_filter         (KefuCustomerListModel *self,
                                                               KefuCustomerFilter    *filter);
void              kefu_customer_list_model_set_filter         (KefuCustomerListModel *self,
                                                               const KefuCustomerFilter *filter);
const char       *kefu_customer_list_model_get_query          (KefuCustomerListModel *self);
void              kefu_customer_list_model_set_query          (KefuCustomerListModel *self,
                                                               const char            *query);
gint64            kefu_customer_list_model_get_assigned_clerk_id (KefuCustomerListModel *self);
void              kefu_customer_list_model_set_assigned_clerk_id (KefuCustomerListModel *self,
                                                                  gint64              clerk_id);
gboolean          kefu_customer_list_model_get_to_contact     (KefuCustomerListModel *self);
void              kefu_customer_list_model_set_to_contact     (KefuCustomerListModel *self,
                                                               gboolean               to_contact);

KefuCustomerSort  kefu_customer_list_model_get_sort           (KefuCustomerListModel *self);
gboolean          kefu_customer_list_model_get_descending     (KefuCustomerListModel *self);
void              kefu_customer_list_model_set_sort           (KefuCustomerListModel *self,
                                                               KefuCustomerSort       sort,
                                                               gboolean               descending);

/* Reads the ids again now (after a change in the store). */
void              kefu_customer_list_model_reload             (KefuCustomerListModel *self);
/* TRUE while the ids are being read (the list shows the previous ones, or the head of the new
 * ones, meanwhile). */
gboolean          kefu_customer_list_model_get_loading        (KefuCustomerListModel *self);
/* TRUE while a page of shown rows is being read. */
gboolean          kefu_customer_list_model_get_filling        (KefuCustomerListModel *self);
/* The last read of the ids failed (NULL when it did not); the list keeps the previous ids. A
 * page that cannot be read emits "page-failed" (GError) instead; its rows stay empty until they
 * are shown again. */
const GError     *kefu_customer_list_model_get_error          (KefuCustomerListModel *self);

/* The id at `position`, without making an item; 0 past the end or while not known yet. */
gint64            kefu_customer_list_model_get_id             (KefuCustomerListModel *self,
                                                               guint                  position);
/* A copy of the ordered ids (gint64), for export and for assigning a selection: only those
 * known yet while loading. */
GArray           *kefu_customer_list_model_dup_ids            (KefuCustomerListModel *self);
/* The number of pages held now (for tests of the bound). */
guint             kefu_customer_list_model_get_n_cached_pages (KefuCustomerListModel *self);

G_END_DECLS
