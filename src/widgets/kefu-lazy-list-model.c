/* kefu-lazy-list-model.c: a lazy, paged list of store rows (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-list-model"

#include "config.h"

#include <string.h>

#include "kefu-lazy-list-model.h"

/* A change of more rows than this is said in steps, around a first screen of about
 * REPLACE_HEAD rows; see replace_ids(). */
#define REPLACE_IN_STEPS 1000
#define REPLACE_HEAD 400

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

static void kefu_lazy_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KefuLazyListModel, kefu_lazy_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kefu_lazy_list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_FILLING,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PAGE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_fetch (KefuLazyListModel *self);

static void
set_loading (KefuLazyListModel *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_filling (KefuLazyListModel *self)
{
  gboolean filling = self->page_in_flight != 0 || self->fetch_source != 0;

  if (self->filling == filling)
    return;

  self->filling = filling;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

/* Pages */

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* A page is in use while someone besides the cache holds one of its items: the list view holds
 * the items of the rows it shows and drops them when they scroll away. Reading only pages in
 * use keeps a fast scroll through half a million rows from queueing thousands of reads, and
 * never evicting them keeps shown rows filling in. */
static gboolean
page_in_use (Page *page)
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

static Page *
make_page (KefuLazyListModel *self,
           guint              index)
{
  Page *page = g_new0 (Page, 1);
  guint start = index * KEFU_LAZY_LIST_PAGE_SIZE;
  guint end = MIN (start + KEFU_LAZY_LIST_PAGE_SIZE, self->ids->len);

  g_assert (start < end);

  page->index = index;
  page->serial = ++self->next_serial;
  page->items = g_ptr_array_new_full (end - start, g_object_unref);
  for (guint i = start; i < end; i++)
    g_ptr_array_add (page->items, self->new_item (g_array_index (self->ids, gint64, i)));

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  return page;
}

/* Keeps at most KEFU_LAZY_LIST_MAX_PAGES pages, dropping the least recently used ones that
 * nobody shows. */
static void
evict_pages (KefuLazyListModel *self,
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
          if (page == keep || page->serial == self->page_in_flight || page_in_use (page))
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
static gboolean
page_known (KefuLazyListModel *self,
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
      g_signal_emit (self, signals[PAGE_FAILED], 0, error);
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
  schedule_fetch (self);
  update_filling (self);
}

static void
start_read (KefuLazyListModel *self,
            Page              *page)
{
  PageRead *read = g_new0 (PageRead, 1);
  guint start = page->index * KEFU_LAZY_LIST_PAGE_SIZE;

  g_assert (self->page_in_flight == 0);
  g_assert (start + page->items->len <= self->ids->len);
  g_assert (page_known (self, page));

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
  update_filling (self);
}

static gboolean
fetch_cb (gpointer user_data)
{
  KefuLazyListModel *self = user_data;
  Page *page = NULL;

  self->fetch_source = 0;

  if (self->page_in_flight != 0 || self->store == NULL)
    {
      update_filling (self);
      return G_SOURCE_REMOVE;
    }

  while (page == NULL && !g_queue_is_empty (&self->wanted))
    {
      Page *candidate = g_queue_pop_head (&self->wanted);

      candidate->wanted = FALSE;
      /* Rows scrolled past before their turn are not read; showing them again asks again.
       * Rows whose ids are not known yet wait for them (see ids_arrived()). */
      if (!candidate->filled && page_known (self, candidate) && page_in_use (candidate))
        page = candidate;
    }

  if (page != NULL)
    start_read (self, page);
  update_filling (self);
  return G_SOURCE_REMOVE;
}

/* Reads wanted pages from an idle, so that the rows a list view asks for at once (in its
 * items-changed handler, or while it lays out a frame) are all known and held before the first
 * read starts. The idle has a higher priority than GTK's redraw, so a read starts before the
 * next frame, not a frame later. */
static void
schedule_fetch (KefuLazyListModel *self)
{
  if (self->fetch_source != 0 || self->page_in_flight != 0 || g_queue_is_empty (&self->wanted))
    return;

  self->fetch_source = g_idle_add_full (G_PRIORITY_DEFAULT, fetch_cb, self, NULL);
  update_filling (self);
}

static void
cancel_read (KefuLazyListModel *self)
{
  if (self->page_cancellable != NULL)
    g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_in_flight = 0;
}

/* The ids */

/* Replaces the ids with `ids`, of which the first `n_known` are known (the others 0), and says
 * what changed: the rows before the first difference and after the last one stay (a refresh
 * after a change keeps the scroll position and selection). Pages are kept only where their rows
 * keep their positions, and read again. */
static void
replace_ids (KefuLazyListModel *self,
             GArray            *ids,
             guint              n_known)
{
  guint old_n = self->ids->len;
  guint first_n = old_n;
  guint new_n = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed, added, head;
  const gint64 *a = (const gint64 *) (gpointer) self->ids->data;
  const gint64 *b = (const gint64 *) (gpointer) ids->data;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GHashTableIter iter;
  Page *page;

  /* Ids not known yet (0) are never the same row. */
  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix] && a[prefix] != 0)
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix] && b[new_n - 1 - suffix] != 0)
    suffix++;

  /* What GTK's list views do with a change is cheap after the rows on screen and costly at
   * them: they look for each added item among the rows they showed, and a change of 500,000
   * rows at the top cost 120 to 600 ms, the same change after the first screen 0.1 ms. A big
   * change is therefore said in steps: the old rows after the first screen go, the rest of the
   * old rows are replaced by the new list's head (a screen, ending on a page boundary), and the
   * rest of the new rows are added after it. Every row after the first difference counts as
   * changed then, so that no page moves in between. A list that showed nothing has no rows to
   * look through: it is filled in one change. */
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  if (old_n > 0 && (removed > REPLACE_IN_STEPS || added > REPLACE_IN_STEPS))
    {
      guint keep;

      suffix = 0;
      keep = MIN (old_n - prefix, REPLACE_HEAD);
      if (old_n - prefix > keep)
        {
          GArray *shorter = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + keep);

          g_array_append_vals (shorter, self->ids->data, prefix + keep);
          g_array_unref (self->ids);
          self->ids = shorter;
          self->n_known = MIN (self->n_known, prefix + keep);
          g_list_model_items_changed (G_LIST_MODEL (self), prefix + keep, old_n - prefix - keep, 0);
          old_n = prefix + keep;
        }
      removed = old_n - prefix;
      added = new_n - prefix;
      head = (prefix + REPLACE_HEAD + KEFU_LAZY_LIST_PAGE_SIZE - 1) /
             KEFU_LAZY_LIST_PAGE_SIZE * KEFU_LAZY_LIST_PAGE_SIZE - prefix;
      head = MIN (head, added);
    }
  else
    head = added;

  cancel_read (self);
  g_queue_clear (&self->wanted);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_LAZY_LIST_PAGE_SIZE;
      guint end = start + page->items->len;
      gboolean whole = start < new_n &&
                       page->items->len == MIN (KEFU_LAZY_LIST_PAGE_SIZE, new_n - start);
      gboolean unchanged = whole &&
                           (end <= prefix ||
                            (suffix > 0 && old_n == new_n && start >= old_n - suffix));

      page->wanted = FALSE;
      if (unchanged && page_in_use (page))
        {
          page->filled = FALSE;
          page->serial = ++self->next_serial;
          g_ptr_array_add (kept, page);
          g_hash_table_iter_steal (&iter);
        }
      else
        g_hash_table_iter_remove (&iter);
    }

  g_array_unref (self->ids);
  self->n_known = n_known;
  if (head < added)
    {
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + head);
      g_array_append_vals (self->ids, ids->data, prefix + head);
    }
  else
    self->ids = g_array_ref (ids);

  for (guint i = 0; i < kept->len; i++)
    {
      page = kept->pdata[i];
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page->index), page);
      page->wanted = TRUE;
      g_queue_push_tail (&self->wanted, page);
    }

  /* A list that changed from its first row shows its first rows: their read starts before the
   * view makes its rows, on the store's thread while this one builds widgets. */
  if (prefix == 0 && new_n > 0 && MIN (new_n, KEFU_LAZY_LIST_PAGE_SIZE) <= n_known &&
      self->store != NULL)
    {
      page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
      if (page == NULL)
        {
          page = make_page (self, 0);
          page->last_used = ++self->use_counter;
        }
      if (!page->filled)
        {
          if (page->wanted)
            {
              g_queue_remove (&self->wanted, page);
              page->wanted = FALSE;
            }
          start_read (self, page);
        }
    }

  {
    gint64 announced = g_get_monotonic_time ();

    if (removed > 0 || head > 0)
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, head);
    if (head < added)
      {
        g_array_unref (self->ids);
        self->ids = g_array_ref (ids);
        g_list_model_items_changed (G_LIST_MODEL (self), prefix + head, 0, added - head);
      }
    g_debug ("Replaced rows %u to %u by %u in %.1f ms", prefix, prefix + removed, added,
             (g_get_monotonic_time () - announced) / 1000.0);
  }
  if (first_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  schedule_fetch (self);
}

typedef struct
{
  GWeakRef              model;
  KefuLazyListIdsFunc   read_ids;
  KefuLazyListHeadFunc  read_head;
  guint                 n_head;
  gboolean              head;     /* the first n_head ids and the count, not every id */
  gpointer              query;
  GDestroyNotify        query_free;
  gint64                started;
  gint64                n_total;  /* set by the worker for a head: the count, or -1 */
  GArray               *ids;      /* set by the worker */
} IdsRead;

static void
ids_read_free (IdsRead *read)
{
  g_weak_ref_clear (&read->model);
  if (read->query != NULL && read->query_free != NULL)
    read->query_free (read->query);
  g_clear_pointer (&read->ids, g_array_unref);
  g_free (read);
}

static gpointer
read_ids_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  IdsRead *read = data;

  read->n_total = -1;
  if (read->head)
    read->ids = read->read_head (store, read->query, read->n_head, &read->n_total,
                                 cancellable, error);
  else
    read->ids = read->read_ids (store, read->query, cancellable, error);
  return NULL;
}

static void read_ids_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* Reads the ids of `query` (the worker's own copy, owned by the read) with ids_cancellable. */
static void
start_ids_read (KefuLazyListModel *self,
                gpointer           query,
                gboolean           head)
{
  IdsRead *read = g_new0 (IdsRead, 1);

  g_weak_ref_init (&read->model, self);
  read->read_ids = self->read_ids;
  read->read_head = self->read_head;
  read->n_head = self->n_head;
  read->head = head;
  read->query = query;
  read->query_free = self->query_free;
  read->started = g_get_monotonic_time ();
  kefu_store_run_async (self->store, read_ids_func, read, NULL, self->ids_cancellable,
                        read_ids_cb, read);
}

/* Every id has arrived behind the head shown: when the list starts with that head and has the
 * length announced, the placeholders get their ids in place (no items-changed: the rows stay
 * where they are) and those on screen are read; otherwise the list changed in between and is
 * replaced like any reload. */
static void
ids_arrived (KefuLazyListModel *self,
             GArray            *ids)
{
  GHashTableIter iter;
  Page *page;

  if (ids->len != self->ids->len || self->n_known > ids->len ||
      memcmp (ids->data, self->ids->data, self->n_known * sizeof (gint64)) != 0)
    {
      g_debug ("The list changed behind its head; replacing it");
      replace_ids (self, ids, ids->len);
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_LAZY_LIST_PAGE_SIZE;

      if (page_known (self, page))
        continue;
      for (guint i = self->n_known > start ? self->n_known - start : 0; i < page->items->len; i++)
        self->set_item_id (page->items->pdata[i], g_array_index (ids, gint64, start + i));
      if (!page->filled && !page->wanted && page_in_use (page))
        {
          page->wanted = TRUE;
          g_queue_push_tail (&self->wanted, page);
        }
    }
  self->n_known = ids->len;
  schedule_fetch (self);
}

/* The head shown and the whole list still to come: the ids not known yet are 0. A list whose
 * length only the whole read can tell (n_total -1) shows its head alone until then. */
static void
head_arrived (KefuLazyListModel *self,
              GArray            *head,
              gint64             n_total)
{
  g_autoptr(GArray) ids = NULL;
  guint n = n_total > head->len ? (guint) MIN (n_total, (gint64) G_MAXUINT) : head->len;

  ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_append_vals (ids, head->data, head->len);
  g_array_set_size (ids, n);
  replace_ids (self, ids, head->len);
}

static void
read_ids_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  IdsRead *read = user_data;
  g_autoptr(KefuLazyListModel) self = g_weak_ref_get (&read->model);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ids_read_free (read);
      return;
    }

  g_clear_error (&self->error);

  if (error == NULL && read->ids == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "No ids");

  if (error == NULL && read->head && read->ids->len >= read->n_head &&
      (read->n_total < 0 || read->n_total > read->ids->len))
    {
      /* More to come: the head now, every id next, of the same query (the store runs its calls
       * in order, so the first page's read, asked for while the head is shown, goes before
       * it). */
      g_debug ("Read the first %u of %" G_GINT64_FORMAT " ids in %.1f ms", read->ids->len,
               read->n_total, (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = TRUE;
      head_arrived (self, read->ids, read->n_total);
      start_ids_read (self, g_steal_pointer (&read->query), FALSE);
      ids_read_free (read);
      return;
    }

  g_clear_object (&self->ids_cancellable);

  if (error != NULL)
    {
      self->error = g_steal_pointer (&error);
      /* The rows whose ids never came go: only known rows may stay. */
      if (self->n_known < self->ids->len)
        {
          g_autoptr(GArray) known = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                       self->n_known);

          g_array_append_vals (known, self->ids->data, self->n_known);
          replace_ids (self, known, known->len);
        }
    }
  else if (!read->head && self->n_known < self->ids->len)
    {
      g_debug ("Read all %u ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      ids_arrived (self, read->ids);
    }
  else
    {
      g_debug ("Read %u ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = read->ids->len > 0;
      replace_ids (self, read->ids, read->ids->len);
    }

  ids_read_free (read);
  set_loading (self, FALSE);
  update_filling (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  KefuLazyListModel *self = user_data;

  self->reload_source = 0;
  kefu_lazy_list_model_reload (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_reload (KefuLazyListModel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_cb, self, NULL);
  self->reshaped = TRUE;
  set_loading (self, TRUE);
}

/* GListModel */

static GType
kefu_lazy_list_model_get_item_type (GListModel *model)
{
  return KEFU_LAZY_LIST_MODEL (model)->item_type;
}

static guint
kefu_lazy_list_model_get_n_items (GListModel *model)
{
  return KEFU_LAZY_LIST_MODEL (model)->ids->len;
}

static gpointer
kefu_lazy_list_model_get_item (GListModel *model,
                               guint       position)
{
  KefuLazyListModel *self = KEFU_LAZY_LIST_MODEL (model);
  guint index = position / KEFU_LAZY_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->ids->len)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    {
      page = make_page (self, index);
      evict_pages (self, page);
    }

  page->last_used = ++self->use_counter;
  if (!page->filled && !page->wanted && page->serial != self->page_in_flight)
    {
      page->wanted = TRUE;
      g_queue_push_head (&self->wanted, page);
      schedule_fetch (self);
    }
  else if (page->wanted && self->wanted.head->data != page)
    {
      /* The rows asked for last are read first: they are the ones on screen now. */
      g_queue_remove (&self->wanted, page);
      g_queue_push_head (&self->wanted, page);
    }

  return g_object_ref (page->items->pdata[position % KEFU_LAZY_LIST_PAGE_SIZE]);
}

static void
kefu_lazy_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kefu_lazy_list_model_get_item_type;
  iface->get_n_items = kefu_lazy_list_model_get_n_items;
  iface->get_item = kefu_lazy_list_model_get_item;
}

/* GObject */

static void
kefu_lazy_list_model_dispose (GObject *object)
{
  KefuLazyListModel *self = KEFU_LAZY_LIST_MODEL (object);

  if (self->ids_cancellable != NULL)
    g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  cancel_read (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_queue_clear (&self->wanted);
  g_hash_table_remove_all (self->pages);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_lazy_list_model_parent_class)->dispose (object);
}

static void
kefu_lazy_list_model_finalize (GObject *object)
{
  KefuLazyListModel *self = KEFU_LAZY_LIST_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_error (&self->error);
  if (self->query != NULL && self->query_free != NULL)
    self->query_free (self->query);

  G_OBJECT_CLASS (kefu_lazy_list_model_parent_class)->finalize (object);
}

static void
kefu_lazy_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KefuLazyListModel *self = KEFU_LAZY_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_FILLING:
      g_value_set_boolean (value, self->filling);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_lazy_list_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KefuLazyListModel *self = KEFU_LAZY_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_lazy_list_model_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_lazy_list_model_class_init (KefuLazyListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_lazy_list_model_dispose;
  object_class->finalize = kefu_lazy_list_model_finalize;
  object_class->get_property = kefu_lazy_list_model_get_property;
  object_class->set_property = kefu_lazy_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuLazyListModel::page-failed:
   * @error: why some rows could not be read (they stay placeholders until shown again)
   */
  signals[PAGE_FAILED] =
    g_signal_new ("page-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static gpointer
lazy_item_new (gint64 id)
{
  return kefu_lazy_item_new (id);
}

static void
lazy_item_set_id (gpointer item,
                  gint64   id)
{
  kefu_lazy_item_set_id (item, id);
}

static void
lazy_item_fill (gpointer item,
                gpointer value)
{
  kefu_lazy_item_set_value (item, value);
}

static void
kefu_lazy_list_model_init (KefuLazyListModel *self)
{
  self->item_type = KEFU_TYPE_LAZY_ITEM;
  self->new_item = lazy_item_new;
  self->set_item_id = lazy_item_set_id;
  self->fill_item = lazy_item_fill;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_queue_init (&self->wanted);
}

KefuLazyListModel *
kefu_lazy_list_model_new (KefuLazyListIdsFunc  read_ids,
                          KefuLazyListPageFunc read_page,
                          KefuLazyListIdFunc   value_id)
{
  KefuLazyListModel *self;

  g_return_val_if_fail (read_ids != NULL, NULL);
  g_return_val_if_fail (read_page != NULL, NULL);
  g_return_val_if_fail (value_id != NULL, NULL);

  self = g_object_new (KEFU_TYPE_LAZY_LIST_MODEL, NULL);
  self->read_ids = read_ids;
  self->read_page = read_page;
  self->value_id = value_id;
  return self;
}

void
kefu_lazy_list_model_set_head_func (KefuLazyListModel    *self,
                                    KefuLazyListHeadFunc  read_head,
                                    guint                 n_head)
{
  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (self));
  g_return_if_fail (read_head == NULL || n_head > 0);
  g_return_if_fail (self->store == NULL);

  self->read_head = read_head;
  /* Whole pages, so that no page is part known. */
  self->n_head = (n_head + KEFU_LAZY_LIST_PAGE_SIZE - 1) / KEFU_LAZY_LIST_PAGE_SIZE *
                 KEFU_LAZY_LIST_PAGE_SIZE;
}

void
kefu_lazy_list_model_set_item_funcs (KefuLazyListModel         *self,
                                     GType                      item_type,
                                     KefuLazyListNewItemFunc    new_item,
                                     KefuLazyListSetItemIdFunc  set_item_id,
                                     KefuLazyListFillItemFunc   fill_item)
{
  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (self));
  g_return_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT));
  g_return_if_fail (new_item != NULL && set_item_id != NULL && fill_item != NULL);
  g_return_if_fail (self->ids->len == 0);

  self->item_type = item_type;
  self->new_item = new_item;
  self->set_item_id = set_item_id;
  self->fill_item = fill_item;
}

KefuStore *
kefu_lazy_list_model_get_store (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), NULL);

  return self->store;
}

void
kefu_lazy_list_model_set_store (KefuLazyListModel *self,
                                KefuStore         *store)
{
  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Nothing of another database may stay on screen, not even for one reload. */
  {
    g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

    replace_ids (self, none, 0);
  }
  if (self->ids_cancellable != NULL)
    g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  if (store != NULL)
    schedule_reload (self);
  else
    {
      g_clear_handle_id (&self->reload_source, g_source_remove);
      set_loading (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
kefu_lazy_list_model_set_query (KefuLazyListModel *self,
                                gpointer           query,
                                GBoxedCopyFunc     copy,
                                GDestroyNotify     free)
{
  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (self));
  g_return_if_fail (query == NULL || (copy != NULL && free != NULL));

  if (self->query != NULL && self->query_free != NULL)
    self->query_free (self->query);
  self->query = query;
  self->query_copy = copy;
  self->query_free = free;

  if (self->store != NULL)
    schedule_reload (self);
}

gconstpointer
kefu_lazy_list_model_get_query (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), NULL);

  return self->query;
}

void
kefu_lazy_list_model_reload (KefuLazyListModel *self)
{
  g_return_if_fail (KEFU_IS_LAZY_LIST_MODEL (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->ids_cancellable != NULL)
    g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);

  if (self->store == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  self->reload_started = g_get_monotonic_time ();
  self->timing_first_page = FALSE;
  self->ids_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);

  /* The worker gets its own copy: the query may change while it reads. */
  start_ids_read (self, self->query != NULL ? self->query_copy (self->query) : NULL,
                  self->read_head != NULL && (self->reshaped || self->ids->len == 0));
  self->reshaped = FALSE;
}

gboolean
kefu_lazy_list_model_get_loading (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), FALSE);

  return self->loading;
}

gboolean
kefu_lazy_list_model_get_filling (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), FALSE);

  return self->filling;
}

const GError *
kefu_lazy_list_model_get_error (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), NULL);

  return self->error;
}

gint64
kefu_lazy_list_model_get_id (KefuLazyListModel *self,
                             guint              position)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

GArray *
kefu_lazy_list_model_dup_ids (KefuLazyListModel *self)
{
  GArray *copy;
  guint n;

  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), NULL);

  /* While the whole list is read behind its head, only the ids known so far. */
  n = MIN (self->n_known, self->ids->len);
  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (copy, self->ids->data, n);
  return copy;
}

guint
kefu_lazy_list_model_get_n_cached_pages (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
