/* kefu-customer-list-model-rows.c: the customer list model's rows: what the ids and pages are
 * read with (the filter and order, copied for the worker), and the KefuCustomer placeholders
 * that the lazy list model hands out and fills in place when their page arrives.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-list-model"

#include "config.h"

#include "kefu-customer-list-model-private.h"

/* A reload of a new filter or order first reads this many ids (whole pages) and the list's
 * length, shows them with placeholders for the rest, and reads every id behind them: the first
 * screen does not wait for a million ids. */
#define HEAD_IDS (2 * KEFU_CUSTOMER_LIST_PAGE_SIZE)

G_STATIC_ASSERT (KEFU_CUSTOMER_LIST_PAGE_SIZE == KEFU_LAZY_LIST_PAGE_SIZE);
G_STATIC_ASSERT (KEFU_CUSTOMER_LIST_MAX_PAGES == KEFU_LAZY_LIST_MAX_PAGES);

/* What the ids are read with; the worker gets its own copy. */
typedef struct
{
  char             *query;
  gint64            assigned_clerk_id;
  gboolean          to_contact;
  gboolean          archived;
  KefuCustomerSort  sort;
  gboolean          descending;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->query);
  g_free (query);
}

static gpointer
query_copy (gpointer data)
{
  const Query *query = data;
  Query *copy = g_memdup2 (query, sizeof (Query));

  copy->query = g_strdup (query->query);
  return copy;
}

static void
query_filter (const Query        *query,
              KefuCustomerFilter *filter)
{
  filter->query = query->query;
  filter->assigned_clerk_id = query->assigned_clerk_id;
  filter->to_contact = query->to_contact;
  filter->archived = query->archived;
}

static GArray *
read_ids (KefuStore     *store,
          gconstpointer  data,
          GCancellable  *cancellable,
          GError       **error)
{
  const Query *query = data;
  KefuCustomerFilter filter;

  query_filter (query, &filter);
  return kefu_store_list_customer_ids (store, &filter, query->sort, query->descending,
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
  KefuCustomerFilter filter;

  query_filter (query, &filter);
  return kefu_store_list_customer_ids_head (store, &filter, query->sort, query->descending,
                                            n_head, n_total, cancellable, error);
}

static GPtrArray *
read_page (KefuStore     *store,
           const gint64  *ids,
           guint          n_ids,
           GCancellable  *cancellable,
           GError       **error)
{
  return kefu_store_get_customers (store, ids, n_ids, cancellable, error);
}

static gint64
customer_id (gpointer value)
{
  return kefu_record_get_id (KEFU_RECORD (value));
}

/* A row is a light KefuCustomer: a placeholder with only its id (0 while not known yet) and
 * version 0, until its page arrives. */
static gpointer
new_customer (gint64 id)
{
  KefuCustomer *customer = kefu_customer_new ();

  kefu_record_set_id (KEFU_RECORD (customer), id);
  return customer;
}

static void
set_customer_id (gpointer item,
                 gint64   id)
{
  kefu_record_set_id (KEFU_RECORD (item), id);
}

/* Copies what the store read into the placeholder, which notifies its bound widgets. */
static void
fill_customer (gpointer item,
               gpointer value)
{
  KefuCustomer *dest = item;
  KefuCustomer *src = value;
  KefuRecord *d = KEFU_RECORD (dest);
  KefuRecord *s = KEFU_RECORD (src);

  g_object_freeze_notify (G_OBJECT (dest));
  kefu_customer_set_name (dest, kefu_customer_get_name (src));
  kefu_customer_set_phones (dest, kefu_customer_get_phones (src));
  kefu_customer_set_address (dest, kefu_customer_get_address (src));
  kefu_customer_set_district (dest, kefu_customer_get_district (src));
  kefu_customer_set_is_member (dest, kefu_customer_get_is_member (src));
  kefu_customer_set_member_number (dest, kefu_customer_get_member_number (src));
  kefu_customer_set_channel (dest, kefu_customer_get_channel (src));
  kefu_customer_set_notes (dest, kefu_customer_get_notes (src));
  kefu_customer_set_assigned_clerk_id (dest, kefu_customer_get_assigned_clerk_id (src));
  kefu_customer_set_assigned_clerk_name (dest, kefu_customer_get_assigned_clerk_name (src));
  kefu_customer_set_assigned_at (dest, kefu_customer_get_assigned_at (src));
  kefu_customer_set_first_contact_at (dest, kefu_customer_get_first_contact_at (src));
  kefu_customer_set_last_contact_at (dest, kefu_customer_get_last_contact_at (src));
  kefu_customer_set_last_call_kind (dest, kefu_customer_get_last_call_kind (src));
  kefu_customer_set_last_call_summary (dest, kefu_customer_get_last_call_summary (src));
  kefu_record_set_created_at (d, kefu_record_get_created_at (s));
  kefu_record_set_updated_at (d, kefu_record_get_updated_at (s));
  /* Last: a version above 0 is what tells a filled item from a placeholder. */
  kefu_record_set_version (d, kefu_record_get_version (s));
  g_object_thaw_notify (G_OBJECT (dest));
}

KefuLazyListModel *
kefu_customer_rows_new (void)
{
  KefuLazyListModel *rows = kefu_lazy_list_model_new (read_ids, read_page, customer_id);

  kefu_lazy_list_model_set_head_func (rows, read_head, HEAD_IDS);
  kefu_lazy_list_model_set_item_funcs (rows, KEFU_TYPE_CUSTOMER, new_customer, set_customer_id,
                                       fill_customer);
  return rows;
}

void
kefu_customer_rows_set_query (KefuLazyListModel        *rows,
                              const KefuCustomerFilter *filter,
                              KefuCustomerSort          sort,
                              gboolean                  descending)
{
  Query *query;

  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (rows));
  g_return_if_fail (filter != NULL);

  query = g_new0 (Query, 1);
  query->query = g_strdup (filter->query);
  query->assigned_clerk_id = filter->assigned_clerk_id;
  query->to_contact = filter->to_contact;
  query->archived = filter->archived;
  query->sort = sort;
  query->descending = descending;
  kefu_lazy_list_model_set_query (rows, query, query_copy, query_free);
}
