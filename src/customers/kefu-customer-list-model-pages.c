/* kefu-customer-list-model-pages.c: the customer list model's pages: made on demand,
 * read from the store one at a time (the rows asked for last first), filled in place, and kept
 * within KEFU_CUSTOMER_LIST_MAX_PAGES.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-list-model"

#include "config.h"

#include <string.h>

#include "kefu-customer-list-model-private.h"

void
_kefu_customer_list_page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* A page is in use while someone besides the cache holds one of its items: the list view holds
 * the items of the rows it shows, and drops them when they scroll away. Reading only pages in
 * use keeps a fast scroll through a million rows from queueing thousands of reads, and never
 * evicting them keeps shown rows filling in. */
gboolean
_kefu_customer_list_page_in_use (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    if (g_atomic_int_get ((int *) &G_OBJECT (page->items->pdata[i])->ref_count) > 1)
      return TRUE;

  return FALSE;
}

static void
forget_page (KefuCustomerListModel *self,
             Page                  *page)
{
  if (page->wanted)
    g_queue_remove (&self->wanted, page);
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

Page *
_kefu_customer_list_model_make_page (KefuCustomerListModel *self,
                                     guint                  index)
{
  Page *page = g_new0 (Page, 1);
  guint start = index * KEFU_CUSTOMER_LIST_PAGE_SIZE;
  guint end = MIN (start + KEFU_CUSTOMER_LIST_PAGE_SIZE, self->ids->len);

  g_assert (start < end);

  page->index = index;
  page->serial = ++self->next_serial;
  page->items = g_ptr_array_new_full (end - start, g_object_unref);
  for (guint i = start; i < end; i++)
    {
      KefuCustomer *customer = kefu_customer_new ();

      kefu_record_set_id (KEFU_RECORD (customer), g_array_index (self->ids, gint64, i));
      g_ptr_array_add (page->items, customer);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  return page;
}

/* Keeps at most KEFU_CUSTOMER_LIST_MAX_PAGES pages, dropping the least recently used ones that
 * nobody shows. */
void
_kefu_customer_list_model_evict_pages (KefuCustomerListModel *self,
                                       Page                  *keep)
{
  while (g_hash_table_size (self->pages) > KEFU_CUSTOMER_LIST_MAX_PAGES)
    {
      GHashTableIter iter;
      Page *page;
      Page *oldest = NULL;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
        {
          if (page == keep || page->serial == self->page_in_flight || _kefu_customer_list_page_in_use (page))
            continue;
          if (oldest == NULL || page->last_used < oldest->last_used)
            oldest = page;
        }

      /* Every page is shown: a window taller than 10,000 rows. Keep them. */
      if (oldest == NULL)
        return;

      forget_page (self, oldest);
    }
}

/* Copies what the store read into the placeholder, which notifies its bound widgets. */
static void
fill_customer (KefuCustomer *dest,
               KefuCustomer *src)
{
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

/* Reading one page */

typedef struct
{
  GWeakRef   model;
  guint64    serial;
  guint      index;
  gint64    *ids;
  guint      n_ids;
  GPtrArray *customers;   /* set by the worker */
} PageRead;

static void
page_read_free (PageRead *read)
{
  g_weak_ref_clear (&read->model);
  g_free (read->ids);
  g_clear_pointer (&read->customers, g_ptr_array_unref);
  g_free (read);
}

static gpointer
read_page_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  PageRead *read = data;

  /* The rows go back through `read`, which the callback owns; kefu_store_run_async() only
   * carries objects. */
  read->customers = kefu_store_get_customers (store, read->ids, read->n_ids, cancellable, error);
  return NULL;
}

static void
read_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(KefuCustomerListModel) self = g_weak_ref_get (&read->model);
  g_autoptr(GError) error = NULL;
  Page *page;

  g_clear_pointer (&read->ids, g_free);
  kefu_store_run_finish (KEFU_STORE (object), result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      page_read_free (read);
      return;
    }

  if (self->page_in_flight == read->serial)
    {
      self->page_in_flight = 0;
      g_clear_object (&self->page_cancellable);
    }

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (read->index));
  if (error != NULL)
    {
      /* The rows stay empty; showing them again asks again. */
      _kefu_customer_list_model_read_failed (self, error);
    }
  else if (page != NULL && page->serial == read->serial)
    {
      gint64 fill_started = g_get_monotonic_time ();
      guint j = 0;

      /* The store answers in the order asked and leaves out customers that are gone since the
       * ids were read; those rows stay empty until the next reload. */
      for (guint i = 0; i < page->items->len && j < read->customers->len; i++)
        {
          KefuCustomer *item = page->items->pdata[i];
          KefuCustomer *row = read->customers->pdata[j];

          if (kefu_record_get_id (KEFU_RECORD (item)) == kefu_record_get_id (KEFU_RECORD (row)))
            {
              fill_customer (item, row);
              j++;
            }
        }
      page->filled = TRUE;
      g_debug ("Filled page %u in %.1f ms", page->index,
               (g_get_monotonic_time () - fill_started) / 1000.0);

      if (self->timing_first_page)
        {
          self->timing_first_page = FALSE;
          g_debug ("Reload to first page filled: %.1f ms",
                   (g_get_monotonic_time () - self->reload_started) / 1000.0);
        }
    }

  page_read_free (read);
  _kefu_customer_list_model_schedule_fetch (self);
  _kefu_customer_list_model_update_filling (self);
}

void
_kefu_customer_list_model_start_read (KefuCustomerListModel *self,
                                      Page                  *page)
{
  PageRead *read = g_new0 (PageRead, 1);
  guint start = page->index * KEFU_CUSTOMER_LIST_PAGE_SIZE;

  g_assert (self->page_in_flight == 0);
  g_assert (start + page->items->len <= self->n_known);

  g_weak_ref_init (&read->model, self);
  read->serial = page->serial;
  read->index = page->index;
  read->n_ids = page->items->len;
  read->ids = g_new (gint64, read->n_ids);
  memcpy (read->ids, &g_array_index (self->ids, gint64, start), read->n_ids * sizeof (gint64));

  self->page_in_flight = page->serial;
  self->page_cancellable = g_cancellable_new ();
  kefu_store_run_async (self->store, read_page_func, read, NULL, self->page_cancellable,
                        read_page_cb, read);
  _kefu_customer_list_model_update_filling (self);
}

static gboolean
fetch_cb (gpointer user_data)
{
  KefuCustomerListModel *self = user_data;
  Page *page = NULL;

  self->fetch_source = 0;

  if (self->page_in_flight != 0 || self->store == NULL)
    {
      _kefu_customer_list_model_update_filling (self);
      return G_SOURCE_REMOVE;
    }

  while (page == NULL && !g_queue_is_empty (&self->wanted))
    {
      Page *candidate = g_queue_pop_head (&self->wanted);

      candidate->wanted = FALSE;
      /* Rows scrolled past before their turn are not read; showing them again asks again.
       * Rows whose ids are not known yet wait for them (see ids_arrived()). */
      if (!candidate->filled && candidate->index * KEFU_CUSTOMER_LIST_PAGE_SIZE < self->n_known &&
          _kefu_customer_list_page_in_use (candidate))
        page = candidate;
    }

  if (page == NULL)
    {
      _kefu_customer_list_model_update_filling (self);
      return G_SOURCE_REMOVE;
    }

  _kefu_customer_list_model_start_read (self, page);
  return G_SOURCE_REMOVE;
}

/* Reads wanted pages from an idle, so that the rows a list view asks for at once (in its
 * items-changed handler, or while it lays out a frame) are all known and held before the first
 * read starts. The idle runs before the next frame is laid out and drawn (it has a higher
 * priority than GTK's redraw), so a page read starts at once, not a frame later. */
void
_kefu_customer_list_model_schedule_fetch (KefuCustomerListModel *self)
{
  if (self->fetch_source != 0 || self->page_in_flight != 0 || g_queue_is_empty (&self->wanted))
    return;

  self->fetch_source = g_idle_add_full (G_PRIORITY_DEFAULT, fetch_cb, self, NULL);
  _kefu_customer_list_model_update_filling (self);
}

void
_kefu_customer_list_model_cancel_read (KefuCustomerListModel *self)
{
  if (self->page_cancellable != NULL)
    g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_in_flight = 0;
}

