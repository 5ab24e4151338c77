/* kefu-shipment-list-view.c: the shipments as a sortable table over a lazy model, with its
 * filter bar.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-list"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-list-loader.h"
#include "widgets/kefu-lazy-table.h"

#include "kefu-shipment-list-cells.h"
#include "kefu-shipment-list-model.h"
#include "kefu-shipment-list-view.h"

struct _KefuShipmentListView
{
  AdwBin               parent_instance;

  KefuStaff           *staff;

  GtkColumnViewColumn *attention_column;
  GtkColumnViewColumn *carrier_column;
  GtkDropDown         *carrier_dropdown;
  GtkButton           *clear_button;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *customer_column;
  GtkButton           *empty_clear_button;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  GtkColumnViewColumn *expected_column;
  GtkColumnViewColumn *manager_column;
  GtkButton           *new_button;
  GtkToggleButton     *open_button;
  GtkToggleButton     *overdue_button;
  GtkToggleButton     *archived_button;
  GtkColumnViewColumn *products_column;
  GtkColumnViewColumn *reference_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkStack            *stack;
  GtkColumnViewColumn *step_column;
  GtkDropDown         *step_dropdown;

  KefuLazyListModel   *model;
  /* The rows of `model` in the table, and the stack's page. */
  KefuLazyTable       *table;
  KefuShipmentFilter  *filter;

  /* The carrier drop-down's ids after "Any carrier" (gint64), and their read. */
  GArray              *carrier_ids;
  GCancellable        *carriers_cancellable;
  /* The filter bar is being set by the code: its signals change nothing. */
  gboolean             setting_filters;
};

G_DEFINE_FINAL_TYPE (KefuShipmentListView, kefu_shipment_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_query (KefuShipmentListView *self)
{
  gboolean descending;
  KefuShipmentSort sort = kefu_lazy_table_get_order (self->table, &descending);

  kefu_lazy_table_hold (self->table);
  kefu_shipment_list_model_set_query (self->model, self->filter, sort, descending);
}

static void
order_changed (GtkWidget *owner)
{
  update_query (KEFU_SHIPMENT_LIST_VIEW (owner));
}

/* Only "open only", the default, narrows the list. */
static gboolean
filters_narrow (KefuShipmentListView *self)
{
  return self->filter->overdue_only || self->filter->step >= 0 || self->filter->carrier_id > 0 ||
         (self->filter->text != NULL && *self->filter->text != '\0');
}

static void
show_empty (GtkWidget *owner)
{
  KefuShipmentListView *self = KEFU_SHIPMENT_LIST_VIEW (owner);
  const char *title;
  const char *description;
  gboolean narrowed = filters_narrow (self);

  if (self->filter->archived && !narrowed)
    {
      title = _("No Archived Shipments");
      description = _("Archived shipments are listed here, where they can be restored.");
    }
  else if (narrowed)
    {
      title = _("No Shipments Match");
      description = _("Change the filters, or clear them to see every open shipment.");
    }
  else if (self->filter->open_only)
    {
      title = _("No Open Shipments");
      description = _("Start a shipment from a customer with New Shipment; received and "
                      "cancelled ones show with Open Only turned off.");
    }
  else
    {
      title = _("No Shipments Yet");
      description = _("Start one from a customer with New Shipment.");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !narrowed && !self->filter->archived);
  kefu_list_loader_show_empty (self->stack, self->empty_page, narrowed ? "edit-find-symbolic"
                               : "package-x-generic-symbolic", title, description,
                               GTK_WIDGET (self->empty_clear_button), narrowed);
}

/* The columns the store sorts by. Overdue first, as the store's default order has it (the
 * attention column, ascending), and with no column. */
static void
sort_by_columns (KefuShipmentListView *self)
{
  const KefuLazyTableSort sorts[] = {
    { self->reference_column, KEFU_SHIPMENT_SORT_REFERENCE },
    { self->customer_column, KEFU_SHIPMENT_SORT_CUSTOMER },
    { self->step_column, KEFU_SHIPMENT_SORT_STEP },
    { self->expected_column, KEFU_SHIPMENT_SORT_EXPECTED },
  };

  kefu_lazy_table_set_sorts (self->table, self->column_view, sorts, G_N_ELEMENTS (sorts),
                             KEFU_SHIPMENT_SORT_ATTENTION, FALSE, self->attention_column,
                             GTK_SORT_ASCENDING, order_changed);
}

static void
column_view_activate_cb (KefuShipmentListView *self,
                         guint                 position)
{
  kefu_lazy_table_activate (self->table, position, "aftersales.open-shipment");
}

/* The filter bar */

static void
filter_changed_cb (KefuShipmentListView *self)
{
  guint step = gtk_drop_down_get_selected (self->step_dropdown);
  guint carrier = gtk_drop_down_get_selected (self->carrier_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (self->setting_filters)
    return;

  self->filter->archived = gtk_toggle_button_get_active (self->archived_button);
  /* An archived shipment is mostly a finished one: Show Archived lists them all. */
  self->filter->open_only = gtk_toggle_button_get_active (self->open_button) &&
                            !self->filter->archived;
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), !self->filter->archived);
  self->filter->overdue_only = gtk_toggle_button_get_active (self->overdue_button);
  /* The first entry of each drop-down is "any". */
  self->filter->step = step == 0 || step == GTK_INVALID_LIST_POSITION ? -1 : (int) step - 1;
  self->filter->carrier_id = carrier == 0 || carrier == GTK_INVALID_LIST_POSITION ||
                             self->carrier_ids == NULL || carrier > self->carrier_ids->len
                             ? 0 : g_array_index (self->carrier_ids, gint64, carrier - 1);
  g_free (self->filter->text);
  self->filter->text = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button),
                            filters_narrow (self) || !self->filter->open_only ||
                            self->filter->archived);
  update_query (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuShipmentListView *self = KEFU_SHIPMENT_LIST_VIEW (widget);

  self->setting_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->open_button, TRUE);
  gtk_toggle_button_set_active (self->overdue_button, FALSE);
  gtk_toggle_button_set_active (self->archived_button, FALSE);
  gtk_drop_down_set_selected (self->step_dropdown, 0);
  gtk_drop_down_set_selected (self->carrier_dropdown, 0);
  self->setting_filters = FALSE;
  filter_changed_cb (self);
}

static void
fill_step_dropdown (KefuShipmentListView *self)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  /* Translators: the step filter's first entry: shipments in any step. */
  gtk_string_list_append (steps, _("Any Step"));
  for (int step = KEFU_SHIPMENT_STEP_REQUESTED; step <= KEFU_SHIPMENT_STEP_CANCELLED; step++)
    gtk_string_list_append (steps, kefu_shipment_step_get_display_name (step));
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (steps));
  gtk_drop_down_set_selected (self->step_dropdown, 0);
}

static gpointer
read_carriers (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) carriers = kefu_store_list_carriers (store, TRUE, cancellable, error);
  GListStore *list;

  if (carriers == NULL)
    return NULL;
  list = g_list_store_new (KEFU_TYPE_CARRIER);
  for (guint i = 0; i < carriers->len; i++)
    g_list_store_append (list, carriers->pdata[i]);
  return list;
}

static void
carriers_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KefuShipmentListView) self = user_data;
  g_autoptr(GListModel) carriers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;

  carriers = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->carriers_cancellable);
  if (carriers == NULL)
    {
      /* The list still works without the carrier filter. */
      g_warning ("Could not read the carriers: %s", error->message);
      return;
    }

  /* Translators: the carrier filter's first entry: shipments with any carrier (or none). */
  gtk_string_list_append (names, _("Any Carrier"));
  g_array_set_size (self->carrier_ids, 0);
  n = g_list_model_get_n_items (carriers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuCarrier) carrier = g_list_model_get_item (carriers, i);

      gtk_string_list_append (names, carrier->name);
      g_array_append_val (self->carrier_ids, carrier->id);
    }

  self->setting_filters = TRUE;
  gtk_drop_down_set_model (self->carrier_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->carrier_dropdown, 0);
  self->setting_filters = FALSE;
  if (self->filter->carrier_id != 0)
    filter_changed_cb (self);
}

static void
read_carriers_async (KefuShipmentListView *self)
{
  KefuStore *store = kefu_lazy_list_model_get_store (self->model);

  g_cancellable_cancel (self->carriers_cancellable);
  g_clear_object (&self->carriers_cancellable);
  if (store == NULL)
    return;

  self->carriers_cancellable = g_cancellable_new ();
  kefu_store_run_async (store, read_carriers, NULL, NULL, self->carriers_cancellable,
                        carriers_read_cb, g_object_ref (self));
}

/* Overrides */

static void
kefu_shipment_list_view_dispose (GObject *object)
{
  KefuShipmentListView *self = KEFU_SHIPMENT_LIST_VIEW (object);

  g_cancellable_cancel (self->carriers_cancellable);
  g_clear_object (&self->carriers_cancellable);
  g_clear_pointer (&self->table, kefu_lazy_table_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIPMENT_LIST_VIEW);
  g_clear_object (&self->model);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_shipment_list_view_parent_class)->dispose (object);
}

static void
kefu_shipment_list_view_finalize (GObject *object)
{
  KefuShipmentListView *self = KEFU_SHIPMENT_LIST_VIEW (object);

  g_clear_pointer (&self->filter, kefu_shipment_filter_free);
  g_clear_pointer (&self->carrier_ids, g_array_unref);

  G_OBJECT_CLASS (kefu_shipment_list_view_parent_class)->finalize (object);
}

static void
kefu_shipment_list_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KefuShipmentListView *self = KEFU_SHIPMENT_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, kefu_lazy_list_model_get_store (self->model));
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_lazy_table_get_busy (self->table));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shipment_list_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KefuShipmentListView *self = KEFU_SHIPMENT_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (kefu_lazy_table_set_store (self->table, g_value_get_object (value)))
        {
          read_carriers_async (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shipment_list_view_class_init (KefuShipmentListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shipment_list_view_dispose;
  object_class->finalize = kefu_shipment_list_view_finalize;
  object_class->get_property = kefu_shipment_list_view_get_property;
  object_class->set_property = kefu_shipment_list_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "shipment-list.clear-filters", NULL,
                                   clear_filters_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shipment-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, attention_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, carrier_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, carrier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, customer_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, expected_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, manager_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, new_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, open_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, archived_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, products_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, reference_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, selection);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, step_column);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentListView, step_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "kefu-shipment-list-view");
}

static void
kefu_shipment_list_view_init (KefuShipmentListView *self)
{
  g_autoptr(GtkStringList) any_carrier = NULL;

  self->setting_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->carrier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter = kefu_shipment_filter_new ();
  self->filter->open_only = TRUE;
  self->model = kefu_shipment_list_model_new ();
  self->table = kefu_lazy_table_new (GTK_WIDGET (self), self->model, self->selection, self->stack,
                                     self->error_page, properties[PROP_BUSY], "shipments",
                                     show_empty);

  kefu_shipment_cell_set_factory (self->reference_column, KEFU_SHIPMENT_CELL_REFERENCE);
  kefu_shipment_cell_set_factory (self->customer_column, KEFU_SHIPMENT_CELL_CUSTOMER);
  kefu_shipment_cell_set_factory (self->products_column, KEFU_SHIPMENT_CELL_PRODUCTS);
  kefu_shipment_cell_set_factory (self->step_column, KEFU_SHIPMENT_CELL_STEP);
  kefu_shipment_cell_set_factory (self->carrier_column, KEFU_SHIPMENT_CELL_CARRIER);
  kefu_shipment_cell_set_factory (self->expected_column, KEFU_SHIPMENT_CELL_EXPECTED);
  kefu_shipment_cell_set_factory (self->attention_column, KEFU_SHIPMENT_CELL_ATTENTION);
  kefu_shipment_cell_set_factory (self->manager_column, KEFU_SHIPMENT_CELL_ACCOUNT_MANAGER);

  fill_step_dropdown (self);
  /* Until the carriers are read. */
  any_carrier = gtk_string_list_new ((const char *[]) { _("Any Carrier"), NULL });
  gtk_drop_down_set_model (self->carrier_dropdown, G_LIST_MODEL (any_carrier));
  g_signal_connect_swapped (self->step_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->carrier_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  self->setting_filters = FALSE;

  sort_by_columns (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), FALSE);
  update_query (self);
  kefu_lazy_table_update (self->table);
}

GtkWidget *
kefu_shipment_list_view_new (void)
{
  return g_object_new (KEFU_TYPE_SHIPMENT_LIST_VIEW, NULL);
}

void
kefu_shipment_list_view_reload (KefuShipmentListView *self)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_LIST_VIEW (self));

  kefu_lazy_list_model_reload (self->model);
}

GListModel *
kefu_shipment_list_view_get_model (KefuShipmentListView *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
kefu_shipment_list_view_set_search (KefuShipmentListView *self,
                                    const char           *text)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_LIST_VIEW (self));

  /* The entry's delay is for typing: a search set at once reads at once. */
  self->setting_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->setting_filters = FALSE;
  filter_changed_cb (self);
}

void
kefu_shipment_list_view_set_open_only (KefuShipmentListView *self,
                                       gboolean              open_only)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_LIST_VIEW (self));

  gtk_toggle_button_set_active (self->open_button, open_only);
}

void
kefu_shipment_list_view_set_step (KefuShipmentListView *self,
                                  int                   step)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_LIST_VIEW (self));
  g_return_if_fail (step >= -1 && step <= KEFU_SHIPMENT_STEP_CANCELLED);

  gtk_drop_down_set_selected (self->step_dropdown, (guint) (step + 1));
}
