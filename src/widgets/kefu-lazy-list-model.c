/* kefu-lazy-list-model.c: a lazy, paged list of store rows (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-list-model"

#include "config.h"

#include <string.h>

#include "kefu-lazy-list-model-private.h"

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

void
_kefu_lazy_list_model_set_loading (KefuLazyListModel *self,
                                   gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_kefu_lazy_list_model_notify_filling (KefuLazyListModel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

void
_kefu_lazy_list_model_notify_n_items (KefuLazyListModel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
_kefu_lazy_list_model_page_failed (KefuLazyListModel *self,
                                   const GError      *error)
{
  g_signal_emit (self, signals[PAGE_FAILED], 0, error);
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
  _kefu_lazy_list_model_set_loading (self, TRUE);
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
      page = _kefu_lazy_list_make_page (self, index);
      _kefu_lazy_list_evict_pages (self, page);
    }

  page->last_used = ++self->use_counter;
  if (!page->filled && !page->wanted && page->serial != self->page_in_flight)
    {
      page->wanted = TRUE;
      g_queue_push_head (&self->wanted, page);
      _kefu_lazy_list_schedule_fetch (self);
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
  _kefu_lazy_list_cancel_read (self);
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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _kefu_lazy_list_page_free);
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

    _kefu_lazy_list_replace_ids (self, none, 0);
  }
  if (self->ids_cancellable != NULL)
    g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  if (store != NULL)
    schedule_reload (self);
  else
    {
      g_clear_handle_id (&self->reload_source, g_source_remove);
      _kefu_lazy_list_model_set_loading (self, FALSE);
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
      _kefu_lazy_list_model_set_loading (self, FALSE);
      return;
    }

  self->reload_started = g_get_monotonic_time ();
  self->timing_first_page = FALSE;
  self->ids_cancellable = g_cancellable_new ();
  _kefu_lazy_list_model_set_loading (self, TRUE);

  /* The worker gets its own copy: the query may change while it reads. */
  _kefu_lazy_list_start_ids_read (self, self->query != NULL ? self->query_copy (self->query) : NULL,
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

