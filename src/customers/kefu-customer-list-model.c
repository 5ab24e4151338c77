/* kefu-customer-list-model.c: the customers pane's lazy, paged list of customers.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-list-model"

#include "config.h"

#include <string.h>

#include "kefu-customer-list-model-private.h"

/* A replacement adding more rows than this is announced in two steps, the first with about
 * REPLACE_HEAD new rows; see replace_ids(). */
#define REPLACE_IN_TWO_STEPS 1000
#define REPLACE_HEAD 400

/* A reload first reads this many ids (whole pages) and the list's length, shows them with
 * placeholders for the rest, and reads every id behind them: the first screen does not wait for
 * a million ids. */
#define HEAD_IDS (2 * KEFU_CUSTOMER_LIST_PAGE_SIZE)

static void kefu_customer_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KefuCustomerListModel, kefu_customer_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kefu_customer_list_model_iface_init))

G_DEFINE_ENUM_TYPE (KefuCustomerSort, kefu_customer_sort,
                    G_DEFINE_ENUM_VALUE (KEFU_CUSTOMER_SORT_NAME, "name"),
                    G_DEFINE_ENUM_VALUE (KEFU_CUSTOMER_SORT_DISTRICT, "district"),
                    G_DEFINE_ENUM_VALUE (KEFU_CUSTOMER_SORT_LAST_CONTACT, "last-contact"))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_ASSIGNED_CLERK_ID,
  PROP_TO_CONTACT,
  PROP_SORT,
  PROP_DESCENDING,
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

static void
set_loading (KefuCustomerListModel *self,
             gboolean               loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_kefu_customer_list_model_update_filling (KefuCustomerListModel *self)
{
  gboolean filling = self->page_in_flight != 0 || self->fetch_source != 0;

  if (self->filling == filling)
    return;

  self->filling = filling;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

void
_kefu_customer_list_model_read_failed (KefuCustomerListModel *self,
                                       const GError          *error)
{
  g_signal_emit (self, signals[PAGE_FAILED], 0, error);
}

/* Reading the ids */

typedef struct
{
  GWeakRef          model;
  KefuCustomerFilter filter;
  char             *query;
  KefuCustomerSort  sort;
  gboolean          descending;
  gint64            started;
  gboolean          head;    /* the first HEAD_IDS ids and the count, not every id */
  gint64            n_total; /* set by the worker for a head: the count, or -1 */
  GArray           *ids;     /* set by the worker */
} IdsRead;

static void
ids_read_free (IdsRead *read)
{
  g_weak_ref_clear (&read->model);
  g_free (read->query);
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

  read->filter.query = read->query;
  if (read->head)
    read->ids = kefu_store_list_customer_ids_head (store, &read->filter, read->sort,
                                                   read->descending, HEAD_IDS, &read->n_total,
                                                   cancellable, error);
  else
    read->ids = kefu_store_list_customer_ids (store, &read->filter, read->sort,
                                              read->descending, cancellable, error);
  return NULL;
}

/* Replaces the ids with `ids` and says what changed in one items-changed: the rows before the
 * first difference and after the last one stay (a refresh after an edit or a new customer keeps
 * the scroll position and selection). Pages are kept only where their rows keep their
 * positions: before the change, or after it when the length is the same; the view keeps the
 * items of the other rows it shows, already filled. */
static void
replace_ids (KefuCustomerListModel *self,
             GArray                *ids,
             guint                  n_known)
{
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed, added, head;
  gboolean split;
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

  /* GTK's list views look for each added item among the rows they showed before, asking for
   * every one: a re-sort announced as one change of a million rows cost a million get_item()
   * calls, two seconds. A big replacement is therefore said in two steps: first the changed
   * rows replaced by the head of the new ones (enough for a screen, ending on a page boundary,
   * so that the view reuses its rows for them), then the rest added after it. The rows after
   * the change are counted as changed then, so that no page moves in between. */
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  split = removed > 0 && added > REPLACE_IN_TWO_STEPS;
  if (split)
    {
      suffix = 0;
      removed = old_n - prefix;
      added = new_n - prefix;
      head = (prefix + REPLACE_HEAD + KEFU_CUSTOMER_LIST_PAGE_SIZE - 1) /
             KEFU_CUSTOMER_LIST_PAGE_SIZE * KEFU_CUSTOMER_LIST_PAGE_SIZE - prefix;
      head = MIN (head, added);
    }
  else
    head = added;

  _kefu_customer_list_model_cancel_read (self);
  g_queue_clear (&self->wanted);

  /* Pages whose rows keep their ids and positions keep their items, which the list view may be
   * showing; those are read again (the reload may follow an edit of them), the others go. */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_CUSTOMER_LIST_PAGE_SIZE;
      guint end = start + page->items->len;
      /* The last page of a list that grew would be short of rows. */
      gboolean whole = start < new_n &&
                       page->items->len == MIN (KEFU_CUSTOMER_LIST_PAGE_SIZE, new_n - start);
      gboolean unchanged = whole &&
                           (end <= prefix ||
                            (suffix > 0 && old_n == new_n && start >= old_n - suffix));

      page->wanted = FALSE;
      if (unchanged && _kefu_customer_list_page_in_use (page))
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
      /* The new list's first rows only, for the first step. */
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

  /* A list that changed from its first row will show its first rows: their read starts before
   * the view makes its rows for them, on the store's thread while this one builds widgets. */
  if (prefix == 0 && new_n > 0 && n_known > 0 && self->store != NULL)
    {
      page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
      if (page == NULL)
        {
          page = _kefu_customer_list_model_make_page (self, 0);
          page->last_used = ++self->use_counter;
        }
      if (!page->filled)
        {
          if (page->wanted)
            {
              g_queue_remove (&self->wanted, page);
              page->wanted = FALSE;
            }
          _kefu_customer_list_model_start_read (self, page);
        }
    }

  if (removed > 0 || head > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, head);
  if (head < added)
    {
      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix + head, 0, added - head);
    }
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  _kefu_customer_list_model_schedule_fetch (self);
}

static void read_ids_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
start_ids_read (KefuCustomerListModel *self,
                gboolean               head)
{
  IdsRead *read = g_new0 (IdsRead, 1);

  g_weak_ref_init (&read->model, self);
  read->query = g_strdup (self->query);
  read->filter.assigned_clerk_id = self->assigned_clerk_id;
  read->filter.to_contact = self->to_contact;
  read->sort = self->sort;
  read->descending = self->descending;
  read->head = head;
  read->started = g_get_monotonic_time ();

  kefu_store_run_async (self->store, read_ids_func, read, NULL, self->ids_cancellable,
                        read_ids_cb, read);
}

/* Every id has arrived behind the head shown: when the list starts with that head and has the
 * length announced, the placeholders get their ids in place (no items-changed: the rows stay
 * where they are) and those on screen are read; otherwise the list changed in between and is
 * replaced like any reload. */
static void
ids_arrived (KefuCustomerListModel *self,
             GArray                *ids)
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
      guint start = page->index * KEFU_CUSTOMER_LIST_PAGE_SIZE;

      if (start < self->n_known)
        continue;
      for (guint i = 0; i < page->items->len; i++)
        kefu_record_set_id (KEFU_RECORD (page->items->pdata[i]),
                            g_array_index (ids, gint64, start + i));
      if (!page->filled && !page->wanted && _kefu_customer_list_page_in_use (page))
        {
          page->wanted = TRUE;
          g_queue_push_tail (&self->wanted, page);
        }
    }
  self->n_known = ids->len;
  _kefu_customer_list_model_schedule_fetch (self);
}

/* The head shown and the whole list still to come: the ids not known yet are 0. A list whose
 * length only the whole read can tell (n_total -1) shows its head alone until then. */
static void
head_arrived (KefuCustomerListModel *self,
              GArray                *head,
              gint64                 n_total)
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
  g_autoptr(KefuCustomerListModel) self = g_weak_ref_get (&read->model);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ids_read_free (read);
      return;
    }

  g_clear_error (&self->error);

  if (error == NULL && read->head && read->ids->len == HEAD_IDS &&
      (read->n_total < 0 || read->n_total > read->ids->len))
    {
      /* More to come: the head now, every id next (the store runs its calls in order, so the
       * first page's read, asked for while the head is shown, goes before it). */
      g_debug ("Read the first %u of %" G_GINT64_FORMAT " customer ids in %.1f ms",
               read->ids->len, read->n_total,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = TRUE;
      head_arrived (self, read->ids, read->n_total);
      start_ids_read (self, FALSE);
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
      g_debug ("Read all %u customer ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      ids_arrived (self, read->ids);
    }
  else
    {
      g_debug ("Read %u customer ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = read->ids->len > 0;
      replace_ids (self, read->ids, read->ids->len);
    }

  ids_read_free (read);
  set_loading (self, FALSE);
  _kefu_customer_list_model_update_filling (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  KefuCustomerListModel *self = user_data;

  self->reload_source = 0;
  kefu_customer_list_model_reload (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_reload (KefuCustomerListModel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_cb, self, NULL);
  self->reshaped = TRUE;
  set_loading (self, TRUE);
}

/* GListModel */

static GType
kefu_customer_list_model_get_item_type (GListModel *model)
{
  return KEFU_TYPE_CUSTOMER;
}

static guint
kefu_customer_list_model_get_n_items (GListModel *model)
{
  return KEFU_CUSTOMER_LIST_MODEL (model)->ids->len;
}

static gpointer
kefu_customer_list_model_get_item (GListModel *model,
                                   guint       position)
{
  KefuCustomerListModel *self = KEFU_CUSTOMER_LIST_MODEL (model);
  guint index = position / KEFU_CUSTOMER_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->ids->len)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    {
      page = _kefu_customer_list_model_make_page (self, index);
      _kefu_customer_list_model_evict_pages (self, page);
    }

  page->last_used = ++self->use_counter;
  if (!page->filled && !page->wanted && page->serial != self->page_in_flight)
    {
      page->wanted = TRUE;
      g_queue_push_head (&self->wanted, page);
      _kefu_customer_list_model_schedule_fetch (self);
    }
  else if (page->wanted && self->wanted.head->data != page)
    {
      /* The rows asked for last are read first: they are the ones on screen now. */
      g_queue_remove (&self->wanted, page);
      g_queue_push_head (&self->wanted, page);
    }

  return g_object_ref (page->items->pdata[position % KEFU_CUSTOMER_LIST_PAGE_SIZE]);
}

static void
kefu_customer_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kefu_customer_list_model_get_item_type;
  iface->get_n_items = kefu_customer_list_model_get_n_items;
  iface->get_item = kefu_customer_list_model_get_item;
}

/* GObject */

static void
kefu_customer_list_model_dispose (GObject *object)
{
  KefuCustomerListModel *self = KEFU_CUSTOMER_LIST_MODEL (object);

  if (self->ids_cancellable != NULL)
    g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  _kefu_customer_list_model_cancel_read (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_queue_clear (&self->wanted);
  g_hash_table_remove_all (self->pages);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_customer_list_model_parent_class)->dispose (object);
}

static void
kefu_customer_list_model_finalize (GObject *object)
{
  KefuCustomerListModel *self = KEFU_CUSTOMER_LIST_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_error (&self->error);
  g_free (self->query);

  G_OBJECT_CLASS (kefu_customer_list_model_parent_class)->finalize (object);
}

static void
kefu_customer_list_model_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KefuCustomerListModel *self = KEFU_CUSTOMER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_string (value, kefu_customer_list_model_get_query (self));
      break;

    case PROP_ASSIGNED_CLERK_ID:
      g_value_set_int64 (value, self->assigned_clerk_id);
      break;

    case PROP_TO_CONTACT:
      g_value_set_boolean (value, self->to_contact);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_FILLING:
      g_value_set_boolean (value, self->filling);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, KEFU_TYPE_CUSTOMER);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_list_model_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  KefuCustomerListModel *self = KEFU_CUSTOMER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_customer_list_model_set_store (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      kefu_customer_list_model_set_query (self, g_value_get_string (value));
      break;

    case PROP_ASSIGNED_CLERK_ID:
      kefu_customer_list_model_set_assigned_clerk_id (self, g_value_get_int64 (value));
      break;

    case PROP_TO_CONTACT:
      kefu_customer_list_model_set_to_contact (self, g_value_get_boolean (value));
      break;

    case PROP_SORT:
      kefu_customer_list_model_set_sort (self, g_value_get_enum (value), self->descending);
      break;

    case PROP_DESCENDING:
      kefu_customer_list_model_set_sort (self, self->sort, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_list_model_class_init (KefuCustomerListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_customer_list_model_dispose;
  object_class->finalize = kefu_customer_list_model_finalize;
  object_class->get_property = kefu_customer_list_model_get_property;
  object_class->set_property = kefu_customer_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_ASSIGNED_CLERK_ID] =
    g_param_spec_int64 ("assigned-clerk-id", NULL, NULL, -1, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_TO_CONTACT] =
    g_param_spec_boolean ("to-contact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, KEFU_TYPE_CUSTOMER_SORT, KEFU_CUSTOMER_SORT_NAME,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, KEFU_TYPE_CUSTOMER,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuCustomerListModel::page-failed:
   * @error: why some rows could not be read (they stay empty until shown again)
   */
  signals[PAGE_FAILED] =
    g_signal_new ("page-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kefu_customer_list_model_init (KefuCustomerListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _kefu_customer_list_page_free);
  g_queue_init (&self->wanted);
}

KefuCustomerListModel *
kefu_customer_list_model_new (KefuStore *store)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);

  return g_object_new (KEFU_TYPE_CUSTOMER_LIST_MODEL,
                       "store", store,
                       NULL);
}

KefuStore *
kefu_customer_list_model_get_store (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), NULL);

  return self->store;
}

void
kefu_customer_list_model_set_store (KefuCustomerListModel *self,
                                    KefuStore             *store)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Nothing of another database may stay on screen, not even for one reload. */
  {
    g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

    replace_ids (self, none, 0);
  }
  if (store != NULL)
    schedule_reload (self);
  else
    {
      g_clear_handle_id (&self->reload_source, g_source_remove);
      if (self->ids_cancellable != NULL)
        g_cancellable_cancel (self->ids_cancellable);
      g_clear_object (&self->ids_cancellable);
      set_loading (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
kefu_customer_list_model_get_filter (KefuCustomerListModel *self,
                                     KefuCustomerFilter    *filter)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (filter != NULL);

  filter->query = self->query;
  filter->assigned_clerk_id = self->assigned_clerk_id;
  filter->to_contact = self->to_contact;
}

void
kefu_customer_list_model_set_filter (KefuCustomerListModel    *self,
                                     const KefuCustomerFilter *filter)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (filter != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  kefu_customer_list_model_set_query (self, filter->query);
  kefu_customer_list_model_set_assigned_clerk_id (self, filter->assigned_clerk_id);
  kefu_customer_list_model_set_to_contact (self, filter->to_contact);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
kefu_customer_list_model_get_query (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), NULL);

  return self->query ? self->query : "";
}

void
kefu_customer_list_model_set_query (KefuCustomerListModel *self,
                                    const char            *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));

  /* Spaces around what was typed change nothing, so they do not cost a reload. */
  stripped = g_strstrip (g_strdup (query ? query : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (!g_set_str (&self->query, stripped))
    return;

  schedule_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gint64
kefu_customer_list_model_get_assigned_clerk_id (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), 0);

  return self->assigned_clerk_id;
}

void
kefu_customer_list_model_set_assigned_clerk_id (KefuCustomerListModel *self,
                                                gint64                 clerk_id)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (clerk_id >= -1);

  if (self->assigned_clerk_id == clerk_id)
    return;

  self->assigned_clerk_id = clerk_id;
  schedule_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_CLERK_ID]);
}

gboolean
kefu_customer_list_model_get_to_contact (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return self->to_contact;
}

void
kefu_customer_list_model_set_to_contact (KefuCustomerListModel *self,
                                         gboolean               to_contact)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));

  to_contact = !!to_contact;
  if (self->to_contact == to_contact)
    return;

  self->to_contact = to_contact;
  schedule_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_CONTACT]);
}

KefuCustomerSort
kefu_customer_list_model_get_sort (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), KEFU_CUSTOMER_SORT_NAME);

  return self->sort;
}

gboolean
kefu_customer_list_model_get_descending (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return self->descending;
}

void
kefu_customer_list_model_set_sort (KefuCustomerListModel *self,
                                   KefuCustomerSort       sort,
                                   gboolean               descending)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (sort <= KEFU_CUSTOMER_SORT_LAST_CONTACT);

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->sort != sort)
    {
      self->sort = sort;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
    }
  if (self->descending != descending)
    {
      self->descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
    }
  schedule_reload (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
kefu_customer_list_model_reload (KefuCustomerListModel *self)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));

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
  start_ids_read (self, self->reshaped || self->ids->len == 0);
  self->reshaped = FALSE;
}

gboolean
kefu_customer_list_model_get_loading (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return self->loading;
}

gboolean
kefu_customer_list_model_get_filling (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return self->filling;
}

const GError *
kefu_customer_list_model_get_error (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), NULL);

  return self->error;
}

gint64
kefu_customer_list_model_get_id (KefuCustomerListModel *self,
                                 guint                  position)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

GArray *
kefu_customer_list_model_dup_ids (KefuCustomerListModel *self)
{
  GArray *copy;

  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), NULL);

  /* While the whole list is read behind its head, only the ids known so far. */
  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->n_known);
  g_array_append_vals (copy, self->ids->data, self->n_known);
  return copy;
}

guint
kefu_customer_list_model_get_n_cached_pages (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
