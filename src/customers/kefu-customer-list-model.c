/* kefu-customer-list-model.c: the customers pane's lazy, paged list of customers: the filter and
 * order over a KefuLazyListModel (which pages, caches and reads the ids, head first), whose rows
 * are KefuCustomer placeholders filled in place (kefu-customer-list-model-rows.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-list-model"

#include "config.h"

#include "kefu-customer-list-model-private.h"

struct _KefuCustomerListModel
{
  GObject            parent_instance;

  /* The rows: ids, pages and reads. Its signals and notifications are passed on as this
   * model's. */
  KefuLazyListModel *rows;

  char              *query;
  gint64             assigned_clerk_id;
  gboolean           to_contact;
  gboolean           archived;     /* archived customers only (not a property: set with the filter) */
  KefuCustomerSort   sort;
  gboolean           descending;
};

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

/* Gives the rows the filter and order now set; they read again once, however many change in
 * one main-loop iteration. */
static void
update_query (KefuCustomerListModel *self)
{
  KefuCustomerFilter filter;

  kefu_customer_list_model_get_filter (self, &filter);
  kefu_customer_rows_set_query (self->rows, &filter, self->sort, self->descending);
}

static void
rows_changed_cb (GListModel            *rows,
                 guint                  position,
                 guint                  removed,
                 guint                  added,
                 KefuCustomerListModel *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
rows_notify_cb (GObject               *rows,
                GParamSpec            *pspec,
                KefuCustomerListModel *self)
{
  if (pspec->name == g_intern_static_string ("loading"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  else if (pspec->name == g_intern_static_string ("filling"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
  else if (pspec->name == g_intern_static_string ("n-items"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
rows_page_failed_cb (KefuLazyListModel     *rows,
                     const GError          *error,
                     KefuCustomerListModel *self)
{
  g_signal_emit (self, signals[PAGE_FAILED], 0, error);
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
  return g_list_model_get_n_items (G_LIST_MODEL (KEFU_CUSTOMER_LIST_MODEL (model)->rows));
}

static gpointer
kefu_customer_list_model_get_item (GListModel *model,
                                   guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (KEFU_CUSTOMER_LIST_MODEL (model)->rows), position);
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

  if (self->rows != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->rows, self);
      /* Its reads are cancelled with it. */
      g_clear_object (&self->rows);
    }

  G_OBJECT_CLASS (kefu_customer_list_model_parent_class)->dispose (object);
}

static void
kefu_customer_list_model_finalize (GObject *object)
{
  KefuCustomerListModel *self = KEFU_CUSTOMER_LIST_MODEL (object);

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
      g_value_set_object (value, kefu_customer_list_model_get_store (self));
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
      g_value_set_boolean (value, kefu_customer_list_model_get_loading (self));
      break;

    case PROP_FILLING:
      g_value_set_boolean (value, kefu_customer_list_model_get_filling (self));
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, KEFU_TYPE_CUSTOMER);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
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
  self->rows = kefu_customer_rows_new ();
  update_query (self);

  g_signal_connect (self->rows, "items-changed", G_CALLBACK (rows_changed_cb), self);
  g_signal_connect (self->rows, "notify", G_CALLBACK (rows_notify_cb), self);
  g_signal_connect (self->rows, "page-failed", G_CALLBACK (rows_page_failed_cb), self);
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

  return kefu_lazy_list_model_get_store (self->rows);
}

void
kefu_customer_list_model_set_store (KefuCustomerListModel *self,
                                    KefuStore             *store)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (kefu_lazy_list_model_get_store (self->rows) == store)
    return;

  /* Nothing of another database stays on screen, not even for one reload. */
  kefu_lazy_list_model_set_store (self->rows, store);
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
  filter->archived = self->archived;
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
  if (self->archived != !!filter->archived)
    {
      self->archived = !!filter->archived;
      update_query (self);
    }
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

  update_query (self);
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
  update_query (self);
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
  update_query (self);
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
  update_query (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
kefu_customer_list_model_reload (KefuCustomerListModel *self)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self));

  kefu_lazy_list_model_reload (self->rows);
}

gboolean
kefu_customer_list_model_get_loading (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return kefu_lazy_list_model_get_loading (self->rows);
}

gboolean
kefu_customer_list_model_get_filling (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return kefu_lazy_list_model_get_filling (self->rows);
}

const GError *
kefu_customer_list_model_get_error (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), NULL);

  return kefu_lazy_list_model_get_error (self->rows);
}

gint64
kefu_customer_list_model_get_id (KefuCustomerListModel *self,
                                 guint                  position)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), 0);

  return kefu_lazy_list_model_get_id (self->rows, position);
}

GArray *
kefu_customer_list_model_dup_ids (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), NULL);

  return kefu_lazy_list_model_dup_ids (self->rows);
}

guint
kefu_customer_list_model_get_n_cached_pages (KefuCustomerListModel *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_LIST_MODEL (self), 0);

  return kefu_lazy_list_model_get_n_cached_pages (self->rows);
}
