/* kefu-customers-pane.c: the list of customers: its model and what it shows (rows, status,
 * empty and error pages), the customer page, the store and staff member; which customers are
 * listed is kefu-customers-pane-filters.c, the actions kefu-customers-pane-actions.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customers-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"

#include "kefu-customer-cells.h"
#include "kefu-customers-pane-private.h"
#include "widgets/kefu-list-loader.h"

G_DEFINE_FINAL_TYPE (KefuCustomersPane, kefu_customers_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_LIVE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_kefu_customers_pane_toast (KefuCustomersPane *self,
       const char        *message)
{
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));
  AdwToast *toast;

  /* Nobody is told anything by a pane that is going away. */
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

char *
_kefu_customers_pane_format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

gboolean
_kefu_customers_pane_can_assign (KefuCustomersPane *self)
{
  return self->staff != NULL && kefu_role_can_assign_customers (kefu_staff_get_role (self->staff));
}

void
_kefu_customers_pane_update_busy (KefuCustomersPane *self)
{
  gboolean busy = kefu_customer_list_model_get_loading (self->model) ||
                  kefu_customer_list_model_get_filling (self->model) ||
                  self->loading_clerks ||
                  self->export_cancellable != NULL ||
                  (self->page != NULL && kefu_customer_page_get_busy (self->page));

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static guint
n_selected (KefuCustomersPane *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
}

void
_kefu_customers_pane_update_actions (KefuCustomersPane *self)
{
  gboolean ready = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.assign", ready && _kefu_customers_pane_can_assign (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.import", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.export",
                                 ready && self->export_cancellable == NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.cancel-export",
                                 self->export_cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.reload", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.open-selected",
                                 ready && n_selected (self) == 1);
}

static void
update_status (KefuCustomersPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint selected = n_selected (self);
  g_autofree char *count = _kefu_customers_pane_format_count (n);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the status line of the customers list;
                                        * %s is a number. */
                                       "%s customer", "%s customers", n),
                          count);
  if (selected > 0)
    {
      g_autofree char *number = _kefu_customers_pane_format_count (selected);
      g_autofree char *with_selection = NULL;

      with_selection = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: the status line with a
                                                      * selection: "1,204 customers · 3 selected". */
                                                     "%s · %s selected",
                                                     "%s · %s selected",
                                                     selected),
                                        text, number);
      g_free (text);
      text = g_steal_pointer (&with_selection);
    }

  gtk_label_set_label (self->status_label, text);
}

static gboolean
filter_is_set (KefuCustomersPane *self)
{
  KefuCustomerFilter filter;

  kefu_customer_list_model_get_filter (self->model, &filter);
  return (filter.query != NULL && *filter.query != '\0') ||
         filter.assigned_clerk_id != 0 || filter.to_contact || filter.archived;
}

static void
update_view (KefuCustomersPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = kefu_customer_list_model_get_error (self->model);

  if (error != NULL && n == 0)
    kefu_list_loader_show_error (self->list_stack, self->error_page, error->message);
  else if (n == 0 && (kefu_customer_list_model_get_loading (self->model) || self->store_pending))
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (n == 0 && filter_is_set (self))
    kefu_list_loader_show_empty (self->list_stack, self->empty_page, "edit-find-symbolic",
                                 _("No Matching Customers"),
                                 _("Try another name, or the last 4 or more digits of a phone number."),
                                 self->empty_import_button, FALSE);
  else if (n == 0)
    kefu_list_loader_show_empty (self->list_stack, self->empty_page, "system-users-symbolic",
                                 _("No Customers Yet"),
                                 _("A customer is added when they first call, or import your customer list from a spreadsheet."),
                                 self->empty_import_button, TRUE);
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
model_changed_cb (KefuCustomersPane *self)
{
  update_view (self);
  update_status (self);
  _kefu_customers_pane_update_actions (self);
  _kefu_customers_pane_update_busy (self);
}

static void
page_failed_cb (KefuCustomersPane *self,
                const GError      *error)
{
  g_autofree char *message = NULL;

  /* Translators: some rows of the customers list could not be read; %s says why. */
  message = g_strdup_printf (_("Some customers could not be shown: %s"), error->message);
  _kefu_customers_pane_toast (self, message);
}

static void
model_loading_cb (KefuCustomersPane *self)
{
  const GError *error = kefu_customer_list_model_get_error (self->model);

  model_changed_cb (self);

  /* A failed refresh keeps the previous rows; a toast says they may be out of date. */
  if (!kefu_customer_list_model_get_loading (self->model) && error != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    _kefu_customers_pane_toast (self, error->message);
}

/* The customer page */

static void
page_saved_cb (KefuCustomersPane *self,
               KefuCustomer      *customer,
               KefuCustomerPage  *page)
{
  g_autofree char *message = NULL;

  /* Translators: a toast after saving a customer; %s is their name. */
  message = g_strdup_printf (_("Saved %s"), kefu_customer_get_name (customer));
  _kefu_customers_pane_toast (self, message);
  /* The changed row (and its place, if its name or district moved it) shows at once. */
  kefu_customer_list_model_reload (self->model);
}

static void
page_popped_cb (KefuCustomersPane *self,
                AdwNavigationPage *page,
                AdwNavigationView *view)
{
  if ((AdwNavigationPage *) self->page == page)
    {
      g_signal_handlers_disconnect_by_data (self->page, self);
      self->page = NULL;
      _kefu_customers_pane_update_busy (self);
    }
}

static void
column_view_activate_cb (KefuCustomersPane *self,
                         guint              position)
{
  gint64 id = kefu_customer_list_model_get_id (self->model, position);

  if (id != 0)
    kefu_customers_pane_open_customer (self, id);
}

static void
selection_changed_cb (KefuCustomersPane *self)
{
  update_status (self);
  _kefu_customers_pane_update_actions (self);
}

/* Showing the pane */

static void
load_store (KefuCustomersPane *self)
{
  self->store_pending = FALSE;

  if (self->store != NULL)
    {
      _kefu_customers_pane_load_clerks (self);
    }

  if (kefu_customer_list_model_get_store (self->model) == self->store)
    kefu_customer_list_model_reload (self->model);
  else
    kefu_customer_list_model_set_store (self->model, self->store);

  model_changed_cb (self);
}

/* The list is read when the pane is first shown, not when a database opens: most workstations
 * take calls and may never show it, and the model shows its first rows from a short head read
 * while every id is read behind them. Shown again, the list is read again, to show what others
 * changed: the rows on screen stay meanwhile, and only what changed moves. */
static gboolean
refresh_cb (gpointer user_data)
{
  KefuCustomersPane *self = user_data;

  self->refresh_source = 0;
  kefu_customer_list_model_reload (self->model);

  return G_SOURCE_REMOVE;
}

static void
kefu_customers_pane_map (GtkWidget *widget)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);

  GTK_WIDGET_CLASS (kefu_customers_pane_parent_class)->map (widget);

  if (self->store_pending)
    load_store (self);
  else if (self->store != NULL && self->refresh_source == 0)
    /* After the frame that asks for the shown rows: their page goes to the store's worker
     * before the (longer) reading of every id. */
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_cb, self, NULL);
}

static void
kefu_customers_pane_dispose (GObject *object)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  /* The widgets go with the toast overlay, after this dispose (AdwBin's): nothing they say
   * on the way out may reach this pane. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_signal_handlers_disconnect_by_data (self->column_view, self);
      g_signal_handlers_disconnect_by_data (self->filter_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
      g_signal_handlers_disconnect_by_data (self->navigation_view, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CUSTOMERS_PANE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_file);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->filter_names);
  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->clerks, g_ptr_array_unref);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_clear_object (&self->live);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_customers_pane_parent_class)->dispose (object);
}

static void
kefu_customers_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Someone saved customers: the list shown reads its ids again and changes only where the
 * store did (the selection and the scroll position stay, the rows shown are read again); a
 * list not shown is read again when it is shown (kefu_customers_pane_map ()). */
static void
customers_changed_cb (KefuCustomersPane *self,
                      GArray            *ids,
                      gboolean           whole,
                      KefuLive          *live)
{
  if (self->store != NULL && !self->store_pending && gtk_widget_get_mapped (GTK_WIDGET (self)))
    kefu_customer_list_model_reload (self->model);
}

static void
set_live (KefuCustomersPane *self,
          KefuLive *live)
{
  if (self->live == live)
    return;

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_set_object (&self->live, live);
  if (live != NULL)
    {
      g_signal_connect_object (live, "changed::customers", G_CALLBACK (customers_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static void
kefu_customers_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_customers_pane_set_store (self, g_value_get_object (value));
      break;

    case PROP_LIVE:
      set_live (self, g_value_get_object (value));
      break;

    case PROP_STAFF:
      kefu_customers_pane_set_staff (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customers_pane_class_init (KefuCustomersPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_customers_pane_dispose;
  object_class->get_property = kefu_customers_pane_get_property;
  object_class->set_property = kefu_customers_pane_set_property;

  widget_class->map = kefu_customers_pane_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-customers-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, assign_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, clerk_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, district_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, export_box);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, export_progress);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, member_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, name_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, phone_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, status_label);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  _kefu_customers_pane_class_init_filters (widget_class);
  _kefu_customers_pane_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "customers.search", NULL);
}

static void
kefu_customers_pane_init (KefuCustomersPane *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->filters = g_array_new (FALSE, FALSE, sizeof (FilterChoice));
  self->filter_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (self->filter_names));

  kefu_customer_cell_set_factory (self->name_column, KEFU_CUSTOMER_CELL_NAME);
  kefu_customer_cell_set_factory (self->phone_column, KEFU_CUSTOMER_CELL_PHONES);
  kefu_customer_cell_set_factory (self->district_column, KEFU_CUSTOMER_CELL_DISTRICT);
  kefu_customer_cell_set_factory (self->member_column, KEFU_CUSTOMER_CELL_MEMBER);
  kefu_customer_cell_set_factory (self->clerk_column, KEFU_CUSTOMER_CELL_CLERK);
  kefu_customer_cell_set_factory (self->last_contact_column, KEFU_CUSTOMER_CELL_LAST_CONTACT);

  self->model = kefu_customer_list_model_new (NULL);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (model_changed_cb), self);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (model_loading_cb), self);
  g_signal_connect_swapped (self->model, "notify::filling", G_CALLBACK (_kefu_customers_pane_update_busy), self);
  g_signal_connect_swapped (self->model, "page-failed", G_CALLBACK (page_failed_cb), self);

  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_swapped (sorter, "changed",
                            G_CALLBACK (_kefu_customers_pane_sorter_changed_cb), self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  g_signal_connect_swapped (self->navigation_view, "popped", G_CALLBACK (page_popped_cb), self);

  /* Typing anywhere in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  gtk_widget_set_visible (self->assign_button, FALSE);
  _kefu_customers_pane_rebuild_filters (self);
  model_changed_cb (self);
}

GtkWidget *
kefu_customers_pane_new (void)
{
  return g_object_new (KEFU_TYPE_CUSTOMERS_PANE, NULL);
}

KefuStore *
kefu_customers_pane_get_store (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), NULL);

  return self->store;
}

void
kefu_customers_pane_set_store (KefuCustomersPane *self,
                               KefuStore         *store)
{
  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Nothing of the previous database may be shown or answered. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  self->loading_clerks = FALSE;
  g_clear_pointer (&self->clerks, g_ptr_array_unref);
  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _kefu_customers_pane_rebuild_filters (self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_store (self);
  else
    {
      /* Nothing of another database is kept until the list is read. */
      kefu_customer_list_model_set_store (self->model, NULL);
      self->store_pending = TRUE;
    }

  model_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KefuStaff *
kefu_customers_pane_get_staff (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), NULL);

  return self->staff;
}

void
kefu_customers_pane_set_staff (KefuCustomersPane *self,
                               KefuStaff         *staff)
{
  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  gtk_widget_set_visible (self->assign_button, _kefu_customers_pane_can_assign (self));
  _kefu_customers_pane_rebuild_filters (self);
  _kefu_customers_pane_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

gboolean
kefu_customers_pane_get_busy (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), FALSE);

  return self->busy;
}

KefuCustomerListModel *
kefu_customers_pane_get_model (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), NULL);

  return self->model;
}

void
kefu_customers_pane_open_customer (KefuCustomersPane *self,
                                   gint64             customer_id)
{
  KefuCustomerPage *page;

  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (customer_id > 0);

  if (self->store == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");

  page = kefu_customer_page_new (self->store, customer_id);
  kefu_customer_page_set_live (page, self->live);
  g_signal_connect_swapped (page, "saved", G_CALLBACK (page_saved_cb), self);
  g_signal_connect_swapped (page, "notify::busy", G_CALLBACK (_kefu_customers_pane_update_busy), self);
  self->page = page;
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
  _kefu_customers_pane_update_busy (self);
}
