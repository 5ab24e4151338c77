/* kefu-order-form.c: the order call's part of the call form.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-order-form"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-enums.h"
#include "core/kefu-money.h"

#include "kefu-form-field.h"
#include "kefu-order-form.h"
#include "kefu-order-line-row.h"

struct _KefuOrderForm
{
  AdwBin          parent_instance;

  KefuOrder      *order;
  GListModel     *products;
  /* What the lines' drop-downs offer: "Choose a product" (id 0: a drop-down always shows one
   * of its items, and a new line has no product yet) followed by the products. */
  GListStore     *product_sections;
  GListModel     *product_choices;
  char           *caller_address;
  /* The district last guessed from the delivery address: while the district still says that
   * (or nothing), it follows the address; once the clerk typed another, it is theirs. */
  char           *district_guess;
  GBindingGroup  *bindings;
  GSignalGroup   *order_signals;
  GtkSizeGroup   *column_groups[KEFU_ORDER_LINE_N_COLUMNS];

  GtkListBox     *lines_list;
  GtkLabel       *lines_message;
  GtkLabel       *total_label;
  GtkSizeGroup   *product_group;
  GtkSizeGroup   *spec_group;
  GtkSizeGroup   *quantity_group;
  GtkSizeGroup   *price_group;
  GtkSizeGroup   *total_group;
  AdwActionRow   *channel_row;
  AdwToggleGroup *channel_toggles;
  AdwEntryRow    *delivery_address_row;
  AdwEntryRow    *district_row;
};

G_DEFINE_FINAL_TYPE (KefuOrderForm, kefu_order_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ORDER,
  PROP_PRODUCTS,
  PROP_CALLER_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
effective_delivery_address (KefuOrderForm *self)
{
  const char *address = self->order != NULL ? kefu_order_get_delivery_address (self->order) : "";

  return *address != '\0' ? address : (self->caller_address != NULL ? self->caller_address : "");
}

static void
update_delivery_title (KefuOrderForm *self)
{
  gboolean defaulted = self->order != NULL
    && *kefu_order_get_delivery_address (self->order) == '\0'
    && self->caller_address != NULL && *self->caller_address != '\0';

  /* An empty entry row shows its title where the text goes, like a placeholder: it says that
   * the caller's address will be used. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->delivery_address_row),
                                 defaulted ? _("Delivery Address: Same as the Caller’s")
                                           : _("Delivery Address"));
}

static void
update_district (KefuOrderForm *self)
{
  g_autofree char *guess = NULL;
  const char *district;

  if (self->order == NULL)
    return;

  guess = kefu_address_guess_district (effective_delivery_address (self));
  district = kefu_order_get_district (self->order);
  if (*district == '\0' || g_strcmp0 (district, self->district_guess) == 0)
    kefu_order_set_district (self->order, guess);

  g_free (self->district_guess);
  self->district_guess = g_steal_pointer (&guess);
}

static void
delivery_address_changed_cb (KefuOrderForm *self)
{
  update_delivery_title (self);
  update_district (self);
}

static void
update_lines (KefuOrderForm *self)
{
  guint n = self->order != NULL
    ? g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (self->order))) : 0;

  for (guint i = 0; i < n; i++)
    {
      KefuOrderLineRow *row = KEFU_ORDER_LINE_ROW (gtk_list_box_get_row_at_index (self->lines_list, i));

      if (row == NULL)
        continue;
      kefu_order_line_row_set_number (row, i + 1);
      /* The only line is emptied rather than removed: an order has at least one. */
      kefu_order_line_row_set_removable (row, n > 1);
    }
}

static void
lines_changed_cb (KefuOrderForm *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *lines)
{
  update_lines (self);
}

static void
focus_line (KefuOrderForm *self,
            guint          position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lines_list, position);

  if (row != NULL)
    gtk_widget_grab_focus (kefu_order_line_row_get_field (KEFU_ORDER_LINE_ROW (row),
                                                          KEFU_ORDER_LINE_COLUMN_PRODUCT));
}

static void
line_remove_cb (KefuOrderLineRow *row,
                KefuOrderForm    *self)
{
  KefuOrderLine *line = kefu_order_line_row_get_line (row);
  guint number = kefu_order_line_row_get_number (row);

  if (self->order == NULL)
    return;

  kefu_order_remove_line (self->order, line);
  /* The keyboard focus was on the removed line's button: it goes to the line above. */
  focus_line (self, number >= 2 ? number - 2 : 0);
}

static GtkWidget *
create_line_row (gpointer item,
                 gpointer user_data)
{
  KefuOrderForm *self = user_data;
  GtkWidget *row = kefu_order_line_row_new (KEFU_ORDER_LINE (item), self->product_choices);

  kefu_order_line_row_add_to_size_groups (KEFU_ORDER_LINE_ROW (row), self->column_groups);
  g_signal_connect_object (row, "remove", G_CALLBACK (line_remove_cb), self, 0);
  return row;
}

static void
bind_lines (KefuOrderForm *self)
{
  if (self->order == NULL)
    {
      gtk_list_box_bind_model (self->lines_list, NULL, NULL, NULL, NULL);
      return;
    }

  gtk_list_box_bind_model (self->lines_list, G_LIST_MODEL (kefu_order_get_lines (self->order)),
                           create_line_row, self, NULL);
  update_lines (self);
}

static gboolean
channel_to_name (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  int channel = g_value_get_enum (from);

  g_value_set_string (to, channel == KEFU_CHANNEL_UNSPECIFIED
                            ? NULL : kefu_enum_to_nick (KEFU_TYPE_CHANNEL, channel));
  return TRUE;
}

static gboolean
name_to_channel (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *name = g_value_get_string (from);
  int channel = KEFU_CHANNEL_UNSPECIFIED;

  if (name != NULL && !kefu_enum_from_nick (KEFU_TYPE_CHANNEL, name, &channel))
    return FALSE;
  g_value_set_enum (to, channel);
  return TRUE;
}

static gboolean
total_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, kefu_money_format (g_value_get_int64 (from)));
  return TRUE;
}

static void
lines_message_cb (GtkWidget *field,
                  gpointer   user_data)
{
  KefuOrderForm *self = user_data;
  const char *message = kefu_form_field_get_message (field);

  gtk_label_set_label (self->lines_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lines_message), message != NULL);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kefu_order_form_add_line (KEFU_ORDER_FORM (widget));
}

static void
kefu_order_form_dispose (GObject *object)
{
  KefuOrderForm *self = KEFU_ORDER_FORM (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->order_signals != NULL)
    g_signal_group_set_target (self->order_signals, NULL);
  gtk_list_box_bind_model (self->lines_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_ORDER_FORM);
  g_clear_object (&self->bindings);
  g_clear_object (&self->order_signals);
  g_clear_object (&self->order);
  g_clear_object (&self->products);
  g_clear_object (&self->product_choices);
  g_clear_object (&self->product_sections);

  G_OBJECT_CLASS (kefu_order_form_parent_class)->dispose (object);
}

static void
kefu_order_form_finalize (GObject *object)
{
  KefuOrderForm *self = KEFU_ORDER_FORM (object);

  g_free (self->caller_address);
  g_free (self->district_guess);

  G_OBJECT_CLASS (kefu_order_form_parent_class)->finalize (object);
}

static void
kefu_order_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuOrderForm *self = KEFU_ORDER_FORM (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    case PROP_PRODUCTS:
      g_value_set_object (value, self->products);
      break;
    case PROP_CALLER_ADDRESS:
      g_value_set_string (value, self->caller_address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_form_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuOrderForm *self = KEFU_ORDER_FORM (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      kefu_order_form_set_order (self, g_value_get_object (value));
      break;
    case PROP_PRODUCTS:
      kefu_order_form_set_products (self, g_value_get_object (value));
      break;
    case PROP_CALLER_ADDRESS:
      kefu_order_form_set_caller_address (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_form_class_init (KefuOrderFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_order_form_dispose;
  object_class->finalize = kefu_order_form_finalize;
  object_class->get_property = kefu_order_form_get_property;
  object_class->set_property = kefu_order_form_set_property;

  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, KEFU_TYPE_ORDER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRODUCTS] =
    g_param_spec_object ("products", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CALLER_ADDRESS] =
    g_param_spec_string ("caller-address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "order-form.add-line", NULL, add_line_action);

  g_type_ensure (ADW_TYPE_TOGGLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-order-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, channel_row);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, channel_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, delivery_address_row);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, district_row);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, lines_list);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, lines_message);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, price_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, product_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, quantity_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, spec_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, total_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderForm, total_label);
}

static void
kefu_order_form_init (KefuOrderForm *self)
{
  g_autoptr(GListStore) placeholder = g_list_store_new (KEFU_TYPE_PRODUCT);
  g_autoptr(KefuProduct) choose = kefu_product_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  kefu_product_set_name (choose, _("Choose a product"));
  g_list_store_append (placeholder, choose);
  self->product_sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->product_sections, placeholder);
  self->product_choices =
    G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->product_sections))));

  self->column_groups[KEFU_ORDER_LINE_COLUMN_PRODUCT] = self->product_group;
  self->column_groups[KEFU_ORDER_LINE_COLUMN_SPEC] = self->spec_group;
  self->column_groups[KEFU_ORDER_LINE_COLUMN_QUANTITY] = self->quantity_group;
  self->column_groups[KEFU_ORDER_LINE_COLUMN_UNIT_PRICE] = self->price_group;
  self->column_groups[KEFU_ORDER_LINE_COLUMN_TOTAL] = self->total_group;

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "delivery-address", self->delivery_address_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "district", self->district_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind_full (self->bindings, "channel", self->channel_toggles, "active-name",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             channel_to_name, name_to_channel, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "total", self->total_label, "label",
                             G_BINDING_SYNC_CREATE, total_to_label, NULL, NULL, NULL);

  self->order_signals = g_signal_group_new (KEFU_TYPE_ORDER);
  g_signal_group_connect_swapped (self->order_signals, "notify::delivery-address",
                                  G_CALLBACK (delivery_address_changed_cb), self);

  kefu_form_field_setup (GTK_WIDGET (self->lines_list), "lines");
  kefu_form_field_set_message_func (GTK_WIDGET (self->lines_list), lines_message_cb, self);
  kefu_form_field_setup (GTK_WIDGET (self->channel_row), "channel");
  kefu_form_field_setup (GTK_WIDGET (self->delivery_address_row), "delivery-address");
  kefu_form_field_setup (GTK_WIDGET (self->district_row), "district");
}

GtkWidget *
kefu_order_form_new (void)
{
  return g_object_new (KEFU_TYPE_ORDER_FORM, NULL);
}

KefuOrder *
kefu_order_form_get_order (KefuOrderForm *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_FORM (self), NULL);

  return self->order;
}

void
kefu_order_form_set_order (KefuOrderForm *self,
                           KefuOrder     *order)
{
  GListStore *lines;

  g_return_if_fail (KEFU_IS_ORDER_FORM (self));
  g_return_if_fail (order == NULL || KEFU_IS_ORDER (order));

  if (self->order == order)
    return;

  if (self->order != NULL)
    g_signal_handlers_disconnect_by_func (kefu_order_get_lines (self->order), lines_changed_cb, self);

  g_set_object (&self->order, order);
  g_clear_pointer (&self->district_guess, g_free);

  if (order != NULL)
    {
      g_autofree char *guess = kefu_address_guess_district (effective_delivery_address (self));

      /* A district that matches the address (a draft that was being typed) keeps following it. */
      if (g_strcmp0 (guess, kefu_order_get_district (order)) == 0)
        self->district_guess = g_steal_pointer (&guess);
      lines = kefu_order_get_lines (order);
      g_signal_connect_object (lines, "items-changed", G_CALLBACK (lines_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  g_binding_group_set_source (self->bindings, order);
  g_signal_group_set_target (self->order_signals, order);
  bind_lines (self);
  update_delivery_title (self);
  if (order != NULL && *kefu_order_get_district (order) == '\0')
    update_district (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

void
kefu_order_form_set_products (KefuOrderForm *self,
                              GListModel    *products)
{
  g_return_if_fail (KEFU_IS_ORDER_FORM (self));
  g_return_if_fail (products == NULL || G_IS_LIST_MODEL (products));

  if (self->products == products)
    return;

  if (self->products != NULL)
    g_list_store_remove (self->product_sections, 1);
  g_set_object (&self->products, products);
  if (products != NULL)
    g_list_store_append (self->product_sections, products);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCTS]);
}

void
kefu_order_form_set_caller_address (KefuOrderForm *self,
                                    const char    *address)
{
  g_return_if_fail (KEFU_IS_ORDER_FORM (self));

  if (g_strcmp0 (self->caller_address, address) == 0)
    return;

  g_free (self->caller_address);
  self->caller_address = g_strdup (address);
  update_delivery_title (self);
  if (self->order != NULL && *kefu_order_get_delivery_address (self->order) == '\0')
    update_district (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLER_ADDRESS]);
}

void
kefu_order_form_apply_defaults (KefuOrderForm *self)
{
  g_return_if_fail (KEFU_IS_ORDER_FORM (self));

  if (self->order == NULL || *kefu_order_get_delivery_address (self->order) != '\0')
    return;

  if (self->caller_address != NULL && *self->caller_address != '\0')
    kefu_order_set_delivery_address (self->order, self->caller_address);
}

void
kefu_order_form_add_line (KefuOrderForm *self)
{
  guint n;

  g_return_if_fail (KEFU_IS_ORDER_FORM (self));

  if (self->order == NULL)
    return;

  kefu_order_add_line (self->order);
  n = g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (self->order)));
  focus_line (self, n - 1);
}

void
kefu_order_form_focus_first (KefuOrderForm *self)
{
  g_return_if_fail (KEFU_IS_ORDER_FORM (self));

  focus_line (self, 0);
}
