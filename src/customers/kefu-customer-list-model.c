/* kefu-customer-list-model.c: the customers pane's lazy, paged list of customers: the filter and
 * order over a KefuLazyListModel (which pages, caches and reads the ids, head first), whose rows
 * are KefuCustomer placeholders filled in place.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-list-model"

#include "config.h"

#include "kefu-customer-list-model.h"
#include "widgets/kefu-lazy-list-model.h"

/* A reload of a new filter or order first reads this many ids (whole pages) and the list's
 * length, shows them with placeholders for the rest, and reads every id behind them: the first
 * screen does not wait for a million ids. */
#define HEAD_IDS (2 * KEFU_CUSTOMER_LIST_PAGE_SIZE)

G_STATIC_ASSERT (KEFU_CUSTOMER_LIST_PAGE_SIZE == KEFU_LAZY_LIST_PAGE_SIZE);
G_STATIC_ASSERT (KEFU_CUSTOMER_LIST_MAX_PAGES == KEFU_LAZY_LIST_MAX_PAGES);

struct _KefuCustomerListModel
{
  GObject            parent_instance;

  /* The rows: ids, pages and reads. Its signals and notifications are passed on as this
   * model's. */
  KefuLazyListModel *rows;

  char              *query;
  gint64             assigned_clerk_id;
  gboolean           to_contact;
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

/* What the ids are read with; the worker gets its own copy. */
typedef struct
{
  char             *query;
  gint64            assigned_clerk_id;
  gboolean          to_contact;
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

/* Gives the rows the filter and order now set; they read again once, however many change in
 * one main-loop iteration. */
static void
update_query (KefuCustomerListModel *self)
{
  Query query = {
    .query = self->query,
    .assigned_clerk_id = self->assigned_clerk_id,
    .to_contact = self->to_contact,
    .sort = self->sort,
    .descending = self->descending,
  };

  kefu_lazy_list_model_set_query (self->rows, query_copy (&query), query_copy, query_free);
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
  self->rows = kefu_lazy_list_model_new (read_ids, read_page, customer_id);
  kefu_lazy_list_model_set_head_func (self->rows, read_head, HEAD_IDS);
  kefu_lazy_list_model_set_item_funcs (self->rows, KEFU_TYPE_CUSTOMER, new_customer,
                                       set_customer_id, fill_customer);
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
