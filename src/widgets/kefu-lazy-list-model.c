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
  GPtrArray *items;       /* KefuLazyItem */
  gboolean   filled;
  gboolean   wanted;      /* waiting in `wanted` for a read */
} Page;

struct _KefuLazyListModel
{
  GObject               parent_instance;

  KefuLazyListIdsFunc   read_ids;
  KefuLazyListPageFunc  read_page;
  KefuLazyListIdFunc    value_id;

  KefuStore            *store;
  gpointer              query;
  GBoxedCopyFunc        query_copy;
  GDestroyNotify        query_free;

  GArray               *ids;          /* gint64, in list order */
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
    g_ptr_array_add (page->items, kefu_lazy_item_new (g_array_index (self->ids, gint64, i)));

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
       * were read; those stay placeholders until the next reload. */
      for (guint i = 0; i < page->items->len && j < read->values->len; i++)
        {
          KefuLazyItem *item = page->items->pdata[i];
          gpointer value = read->values->pdata[j];

          if (kefu_lazy_item_get_id (item) == self->value_id (value))
            {
              kefu_lazy_item_set_value (item, value);
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
      /* Rows scrolled past before their turn are not read; showing them again asks again. */
      if (!candidate->filled && page_in_use (candidate))
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

/* Replaces the ids with `ids` and says what changed: the rows before the first difference and
 * after the last one stay (a refresh after a change keeps the scroll position and selection).
 * Pages are kept only where their rows keep their positions, and read again. */
static void
replace_ids (KefuLazyListModel *self,
             GArray            *ids)
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

  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix])
    suffix++;

  /* What GTK's list views do with a change is cheap after the rows on screen and costly at
   * them: they look for each added item among the rows they showed, and a change of 500,000
   * rows at the top cost 120 to 600 ms, the same change after the first screen 0.1 ms. A big
   * change is therefore said in steps: the old rows after the first screen go, the rest of the
   * old rows are replaced by the new list's head (a screen, ending on a page boundary), and the
   * rest of the new rows are added after it. Every row after the first difference counts as
   * changed then, so that no page moves in between. */
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  if (removed > REPLACE_IN_STEPS || added > REPLACE_IN_STEPS)
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
  if (prefix == 0 && new_n > 0 && self->store != NULL)
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
  GWeakRef             model;
  KefuLazyListIdsFunc  read_ids;
  gpointer             query;
  GDestroyNotify       query_free;
  gint64               started;
  GArray              *ids;     /* set by the worker */
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

  read->ids = read->read_ids (store, read->query, cancellable, error);
  return NULL;
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

  g_clear_object (&self->ids_cancellable);
  g_clear_error (&self->error);

  if (error == NULL && read->ids == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "No ids");

  if (error != NULL)
    self->error = g_steal_pointer (&error);
  else
    {
      g_debug ("Read %u ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = read->ids->len > 0;
      replace_ids (self, read->ids);
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
  set_loading (self, TRUE);
}

/* GListModel */

static GType
kefu_lazy_list_model_get_item_type (GListModel *model)
{
  return KEFU_TYPE_LAZY_ITEM;
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
      g_value_set_gtype (value, KEFU_TYPE_LAZY_ITEM);
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
    g_param_spec_gtype ("item-type", NULL, NULL, KEFU_TYPE_LAZY_ITEM,
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

static void
kefu_lazy_list_model_init (KefuLazyListModel *self)
{
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

    replace_ids (self, none);
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
  IdsRead *read;

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
  read = g_new0 (IdsRead, 1);
  g_weak_ref_init (&read->model, self);
  read->read_ids = self->read_ids;
  read->query = self->query != NULL ? self->query_copy (self->query) : NULL;
  read->query_free = self->query_free;
  read->started = g_get_monotonic_time ();
  kefu_store_run_async (self->store, read_ids_func, read, NULL, self->ids_cancellable,
                        read_ids_cb, read);
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

guint
kefu_lazy_list_model_get_n_cached_pages (KefuLazyListModel *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
