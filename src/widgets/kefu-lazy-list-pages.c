/* kefu-lazy-list-pages.c: a lazy list's pages: the bounded cache of rows handed out,
 * and their reads on the store's worker, the rows shown last first.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-list-model"

#include "config.h"

#include <string.h>

#include "kefu-lazy-list-model-private.h"

void
_kefu_lazy_list_update_filling (KefuLazyListModel *self)
{
  gboolean filling = self->page_in_flight != 0 || self->fetch_source != 0;

  if (self->filling == filling)
    return;

  self->filling = filling;
  _kefu_lazy_list_model_notify_filling (self);
}

/* Pages */

void
_kefu_lazy_list_page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* A page is in use while someone besides the cache holds one of its items: the list view holds
 * the items of the rows it shows and drops them when they scroll away. Reading only pages in
 * use keeps a fast scroll through half a million rows from queueing thousands of reads, and
 * never evicting them keeps shown rows filling in. */
gboolean
_kefu_lazy_list_page_in_use (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    if (g_atomic_int_get ((int *) &G_OBJECT (page->items->pdata[i])->ref_count) > 1)
      return TRUE;

  return FALSE;
}

static void
forget_page (KefuLazyListModel *self,
             Page              *page)
{
  if (page->wanted)
    g_queue_remove (&self->wanted, page);
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

Page *
_kefu_lazy_list_make_page (KefuLazyListModel *self,
                           guint              index)
{
  return _kefu_lazy_list_make_page_reusing (self, index, NULL);
}

Page *
_kefu_lazy_list_make_page_reusing (KefuLazyListModel *self,
                                   guint              index,
                                   GHashTable        *reuse)
{
  Page *page = g_new0 (Page, 1);
  guint start = index * KEFU_LAZY_LIST_PAGE_SIZE;
  guint end = MIN (start + KEFU_LAZY_LIST_PAGE_SIZE, self->ids->len);

  g_assert (start < end);

  page->index = index;
  page->serial = ++self->next_serial;
  page->items = g_ptr_array_new_full (end - start, g_object_unref);
  for (guint i = start; i < end; i++)
    {
      gpointer item = NULL;

      if (reuse != NULL && g_hash_table_steal_extended (reuse, GUINT_TO_POINTER (i), NULL, &item))
        g_ptr_array_add (page->items, item);
      else
        g_ptr_array_add (page->items, self->new_item (g_array_index (self->ids, gint64, i)));
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  return page;
}

/* Keeps at most KEFU_LAZY_LIST_MAX_PAGES pages, dropping the least recently used ones that
 * nobody shows. */
void
_kefu_lazy_list_evict_pages (KefuLazyListModel *self,
                             Page              *keep)
{
  while (g_hash_table_size (self->pages) > KEFU_LAZY_LIST_MAX_PAGES)
    {
      GHashTableIter iter;
      Page *page;
      Page *oldest = NULL;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
        {
          if (page == keep || page->serial == self->page_in_flight || _kefu_lazy_list_page_in_use (page))
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

/* Whether every row of `page` has its id. */
gboolean
_kefu_lazy_list_page_known (KefuLazyListModel *self,
                            Page              *page)
{
  return page->index * KEFU_LAZY_LIST_PAGE_SIZE + page->items->len <= self->n_known;
}

typedef struct
{
  GWeakRef              model;
  KefuLazyListPageFunc  read_page;
  guint64               serial;
  guint                 index;
  gint64               *ids;
  guint                 n_ids;
  gint64                started;
  GPtrArray            *values;   /* set by the worker */
} PageRead;

static void
page_read_free (PageRead *read)
{
  g_weak_ref_clear (&read->model);
  g_free (read->ids);
  g_clear_pointer (&read->values, g_ptr_array_unref);
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
  read->values = read->read_page (store, read->ids, read->n_ids, cancellable, error);
  return NULL;
}

static void
read_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(KefuLazyListModel) self = g_weak_ref_get (&read->model);
  g_autoptr(GError) error = NULL;
  Page *page;

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
  if (error != NULL || read->values == NULL)
    {
      /* The rows stay placeholders; showing them again asks again. */
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "No rows");
      _kefu_lazy_list_model_page_failed (self, error);
    }
  else if (page != NULL && page->serial == read->serial)
    {
      guint j = 0;

      /* The store answers in the order asked and leaves out rows that are gone since the ids
       * were read; those stay placeholders until the next reload. A page keeps its ids while
       * its read is in flight (a new list makes new pages), so the ids asked for are the rows'. */
      for (guint i = 0; i < page->items->len && i < read->n_ids && j < read->values->len; i++)
        {
          gpointer value = read->values->pdata[j];

          if (read->ids[i] == self->value_id (value))
            {
              self->fill_item (page->items->pdata[i], value);
              j++;
            }
        }
      page->filled = TRUE;
      g_debug ("Read page %u in %.1f ms", page->index,
               (g_get_monotonic_time () - read->started) / 1000.0);

      if (self->timing_first_page)
        {
          self->timing_first_page = FALSE;
          g_debug ("Reload to first page filled: %.1f ms",
                   (g_get_monotonic_time () - self->reload_started) / 1000.0);
        }
    }

  page_read_free (read);
  _kefu_lazy_list_schedule_fetch (self);
  _kefu_lazy_list_update_filling (self);
}

void
_kefu_lazy_list_start_read (KefuLazyListModel *self,
                            Page              *page)
{
  PageRead *read = g_new0 (PageRead, 1);
  guint start = page->index * KEFU_LAZY_LIST_PAGE_SIZE;

  g_assert (self->page_in_flight == 0);
  g_assert (start + page->items->len <= self->ids->len);
  g_assert (_kefu_lazy_list_page_known (self, page));

  g_weak_ref_init (&read->model, self);
  read->read_page = self->read_page;
  read->serial = page->serial;
  read->index = page->index;
  read->n_ids = page->items->len;
  read->started = g_get_monotonic_time ();
  read->ids = g_new (gint64, read->n_ids);
  memcpy (read->ids, &g_array_index (self->ids, gint64, start), read->n_ids * sizeof (gint64));

  self->page_in_flight = page->serial;
  self->page_cancellable = g_cancellable_new ();
  kefu_store_run_async (self->store, read_page_func, read, NULL, self->page_cancellable,
                        read_page_cb, read);
  _kefu_lazy_list_update_filling (self);
}

static gboolean
fetch_cb (gpointer user_data)
{
  KefuLazyListModel *self = user_data;
  Page *page = NULL;

  self->fetch_source = 0;

  if (self->page_in_flight != 0 || self->store == NULL)
    {
      _kefu_lazy_list_update_filling (self);
      return G_SOURCE_REMOVE;
    }

  while (page == NULL && !g_queue_is_empty (&self->wanted))
    {
      Page *candidate = g_queue_pop_head (&self->wanted);

      candidate->wanted = FALSE;
      /* Rows scrolled past before their turn are not read; showing them again asks again.
       * Rows whose ids are not known yet wait for them (see ids_arrived()). */
      if (!candidate->filled && _kefu_lazy_list_page_known (self, candidate) && _kefu_lazy_list_page_in_use (candidate))
        page = candidate;
    }

  if (page != NULL)
    _kefu_lazy_list_start_read (self, page);
  _kefu_lazy_list_update_filling (self);
  return G_SOURCE_REMOVE;
}

/* Reads wanted pages from an idle, so that the rows a list view asks for at once (in its
 * items-changed handler, or while it lays out a frame) are all known and held before the first
 * read starts. The idle has a higher priority than GTK's redraw, so a read starts before the
 * next frame, not a frame later. */
void
_kefu_lazy_list_schedule_fetch (KefuLazyListModel *self)
{
  if (self->fetch_source != 0 || self->page_in_flight != 0 || g_queue_is_empty (&self->wanted))
    return;

  self->fetch_source = g_idle_add_full (G_PRIORITY_DEFAULT, fetch_cb, self, NULL);
  _kefu_lazy_list_update_filling (self);
}

void
_kefu_lazy_list_fetch_now (KefuLazyListModel *self)
{
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  fetch_cb (self);
}

void
_kefu_lazy_list_cancel_read (KefuLazyListModel *self)
{
  if (self->page_cancellable != NULL)
    g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_in_flight = 0;
}
