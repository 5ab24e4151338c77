/* kefu-order-line-row.c: one line of an order call in the order form.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-order-line-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-money.h"

#include "kefu-form-field.h"
#include "kefu-order-line-row.h"

struct _KefuOrderLineRow
{
  GtkListBoxRow  parent_instance;

  KefuOrderLine *line;
  GListModel    *products;
  guint          number;
  /* Set while the row writes the line's values into its widgets, so that the widgets' change
   * handlers do not write them back. */
  gboolean       syncing;

  GtkDropDown   *product_dropdown;
  GtkEntry      *spec_entry;
  GtkEntry      *quantity_entry;
  GtkEntry      *price_entry;
  GtkLabel      *total_label;
  GtkButton     *remove_button;
  GtkLabel      *message_label;
};

G_DEFINE_FINAL_TYPE (KefuOrderLineRow, kefu_order_line_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_LINE,
  PROP_PRODUCTS,
  PROP_NUMBER,
  N_PROPS
};

enum {
  SIGNAL_REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "12.50": an amount in yuan as the clerk would type it, without the currency sign or
 * thousands separators that would get in the way of editing. */
static char *
format_yuan_for_entry (gint64 fen)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
}

/* The product `product_id` among the choices (0 finds the "Choose a product" item). */
static KefuProduct *
find_product (KefuOrderLineRow *self,
              gint64            product_id,
              guint            *position)
{
  guint n;

  if (self->products == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->products);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (self->products, i);

      if (kefu_record_get_id (KEFU_RECORD (product)) == product_id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&product);
        }
    }

  return NULL;
}

static void
sync_product (KefuOrderLineRow *self)
{
  g_autoptr(KefuProduct) product = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  product = find_product (self, kefu_order_line_get_product_id (self->line), &position);
  /* A product that is no longer offered (a draft from before it was retired) cannot be shown
   * by the drop-down (it shows "Choose a product"), but stays on the line. */
  if (gtk_drop_down_get_selected (self->product_dropdown) != position)
    {
      self->syncing = TRUE;
      gtk_drop_down_set_selected (self->product_dropdown, position);
      self->syncing = FALSE;
    }
}

static void
set_entry_text (KefuOrderLineRow *self,
                GtkEntry         *entry,
                const char       *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->syncing = FALSE;
}

static void
sync_spec (KefuOrderLineRow *self)
{
  set_entry_text (self, self->spec_entry, kefu_order_line_get_spec (self->line));
}

static void
sync_quantity (KefuOrderLineRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->quantity_entry));
  guint quantity = kefu_order_line_get_quantity (self->line);
  guint shown = 0;
  g_autofree char *new_text = NULL;

  /* What the clerk typed stays as typed ("１２", "012") while it means the same number; text
   * that does not parse means 0 on the line and stays too, with its reason shown. */
  if (kefu_quantity_parse (text, &shown, NULL) ? shown == quantity : quantity == 0)
    return;

  new_text = quantity > 0 ? g_strdup_printf ("%u", quantity) : g_strdup ("");
  set_entry_text (self, self->quantity_entry, new_text);
}

static void
sync_price (KefuOrderLineRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->price_entry));
  gint64 price = kefu_order_line_get_unit_price (self->line);
  gint64 shown = 0;
  g_autofree char *new_text = NULL;

  if (*text == '\0' ? price == 0
                    : (kefu_money_parse (text, &shown, NULL) ? shown == price : price == 0))
    return;

  new_text = format_yuan_for_entry (price);
  set_entry_text (self, self->price_entry, new_text);
}

static void
sync_total (KefuOrderLineRow *self)
{
  g_autofree char *total = kefu_money_format (kefu_order_line_get_total (self->line));

  gtk_label_set_label (self->total_label, total);
}

static void
line_notify_cb (KefuOrderLineRow *self,
                GParamSpec       *pspec,
                KefuOrderLine    *line)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "product-id"))
    sync_product (self);
  else if (g_str_equal (name, "spec"))
    sync_spec (self);
  else if (g_str_equal (name, "quantity"))
    sync_quantity (self);
  else if (g_str_equal (name, "unit-price"))
    sync_price (self);
  else if (g_str_equal (name, "total"))
    sync_total (self);
}

/* A drop-down keeps one of its items selected by itself when its list changes. That is not the
 * clerk's choice: the row ignores selection changes while the list changes (this handler runs
 * before the drop-down's own), then shows the line's product again. */
static void
products_changing_cb (KefuOrderLineRow *self,
                      guint             position,
                      guint             removed,
                      guint             added,
                      GListModel       *products)
{
  self->syncing = TRUE;
}

static void
products_changed_cb (KefuOrderLineRow *self,
                     guint             position,
                     guint             removed,
                     guint             added,
                     GListModel       *products)
{
  self->syncing = FALSE;
  sync_product (self);
}

static void
update_field_names (KefuOrderLineRow *self)
{
  static const struct {
    KefuOrderLineColumn  column;
    const char          *id;
  } fields[] = {
    { KEFU_ORDER_LINE_COLUMN_PRODUCT, "product" },
    { KEFU_ORDER_LINE_COLUMN_SPEC, "spec" },
    { KEFU_ORDER_LINE_COLUMN_QUANTITY, "quantity" },
    { KEFU_ORDER_LINE_COLUMN_UNIT_PRICE, "unit-price" },
  };
  g_autofree char *product_label = NULL;
  g_autofree char *spec_label = NULL;
  g_autofree char *quantity_label = NULL;
  g_autofree char *price_label = NULL;
  g_autofree char *total_label = NULL;
  g_autofree char *remove_label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *id = g_strdup_printf ("line-%u-%s", self->number, fields[i].id);

      kefu_form_field_set_id (kefu_order_line_row_get_field (self, fields[i].column), id);
    }

  /* The column titles are visible above the lines; a screen reader needs the line too. */
  /* Translators: accessible names of the fields of an order line; %u is the line's number. */
  product_label = g_strdup_printf (_("Product, line %u"), self->number);
  spec_label = g_strdup_printf (_("Spec, line %u"), self->number);
  quantity_label = g_strdup_printf (_("Quantity, line %u"), self->number);
  price_label = g_strdup_printf (_("Unit price in yuan, line %u"), self->number);
  total_label = g_strdup_printf (_("Total, line %u"), self->number);
  remove_label = g_strdup_printf (_("Remove line %u"), self->number);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->product_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, product_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spec_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spec_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quantity_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, quantity_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->price_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, price_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, total_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

/* The problems of the line's fields, one per line of text, under the entries. */
static void
field_message_cb (GtkWidget *field,
                  gpointer   user_data)
{
  KefuOrderLineRow *self = user_data;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint column = 0; column < KEFU_ORDER_LINE_COLUMN_TOTAL; column++)
    {
      const char *message = kefu_form_field_get_message (kefu_order_line_row_get_field (self, column));

      if (message == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }

  gtk_label_set_label (self->message_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text->len > 0);
}

static void
set_line (KefuOrderLineRow *self,
          KefuOrderLine    *line)
{
  g_assert (self->line == NULL);

  self->line = g_object_ref (line);
  g_signal_connect_object (line, "notify", G_CALLBACK (line_notify_cb), self, G_CONNECT_SWAPPED);

  sync_product (self);
  sync_spec (self);
  sync_quantity (self);
  sync_price (self);
  sync_total (self);
}

static void
set_products (KefuOrderLineRow *self,
              GListModel       *products)
{
  g_assert (self->products == NULL);

  if (products == NULL)
    return;

  self->products = g_object_ref (products);
  g_signal_connect_object (products, "items-changed", G_CALLBACK (products_changing_cb), self,
                           G_CONNECT_SWAPPED);
  /* The drop-down selects its first item by itself; the line says which it is. */
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->product_dropdown, products);
  self->syncing = FALSE;
  g_signal_connect_object (products, "items-changed", G_CALLBACK (products_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
product_selected_cb (KefuOrderLineRow *self,
                     GParamSpec       *pspec,
                     GtkDropDown      *dropdown)
{
  KefuProduct *product;
  g_autoptr(KefuProduct) previous = NULL;
  const char *spec;
  gint64 price;

  if (self->syncing || self->line == NULL)
    return;

  product = gtk_drop_down_get_selected_item (dropdown);
  if (product == NULL)
    return;

  /* "Choose a product" again: the line has no product, and keeps what was typed. */
  if (kefu_record_get_id (KEFU_RECORD (product)) == 0)
    {
      kefu_order_line_set_product_id (self->line, 0);
      kefu_order_line_set_product_name (self->line, NULL);
      return;
    }

  if (kefu_order_line_get_product_id (self->line) != 0)
    previous = find_product (self, kefu_order_line_get_product_id (self->line), NULL);
  spec = kefu_order_line_get_spec (self->line);
  price = kefu_order_line_get_unit_price (self->line);

  kefu_order_line_set_product_id (self->line, kefu_record_get_id (KEFU_RECORD (product)));
  kefu_order_line_set_product_name (self->line, kefu_product_get_name (product));

  /* The spec and price come from the product, unless the clerk changed what the previous
   * product had filled in (a special price agreed on the phone is kept). */
  if (*spec == '\0' || (previous != NULL && g_str_equal (spec, kefu_product_get_spec (previous))))
    kefu_order_line_set_spec (self->line, kefu_product_get_spec (product));
  if (price == 0 || (previous != NULL && price == kefu_product_get_unit_price (previous)))
    kefu_order_line_set_unit_price (self->line, kefu_product_get_unit_price (product));
}

static void
spec_changed_cb (KefuOrderLineRow *self,
                 GtkEditable      *editable)
{
  if (self->syncing || self->line == NULL)
    return;

  kefu_order_line_set_spec (self->line, gtk_editable_get_text (editable));
}

static void
quantity_changed_cb (KefuOrderLineRow *self,
                     GtkEditable      *editable)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (editable);
  guint quantity = 0;

  if (self->syncing || self->line == NULL)
    return;

  /* An empty field is not a typing mistake; the call's validation asks for the quantity once
   * the clerk has left it. */
  if (*text != '\0' && !kefu_quantity_parse (text, &quantity, &error))
    quantity = 0;

  self->syncing = TRUE;
  kefu_order_line_set_quantity (self->line, quantity);
  self->syncing = FALSE;
  kefu_form_field_set_parse_error (GTK_WIDGET (editable), error != NULL ? error->message : NULL);
}

static void
price_changed_cb (KefuOrderLineRow *self,
                  GtkEditable      *editable)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (editable);
  gint64 fen = 0;

  if (self->syncing || self->line == NULL)
    return;

  if (*text != '\0' && !kefu_money_parse (text, &fen, &error))
    fen = 0;

  self->syncing = TRUE;
  kefu_order_line_set_unit_price (self->line, fen);
  self->syncing = FALSE;
  kefu_form_field_set_parse_error (GTK_WIDGET (editable), error != NULL ? error->message : NULL);
}

static void
remove_clicked_cb (KefuOrderLineRow *self,
                   GtkButton        *button)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
setup_product_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_product_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  KefuProduct *product = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), kefu_product_get_name (product));
  /* "Choose a product" reads as a placeholder. */
  if (kefu_record_get_id (KEFU_RECORD (product)) == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
setup_product_choice_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_product_choice_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  KefuProduct *product = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *price = kefu_money_format (kefu_product_get_unit_price (product));
  g_autofree char *text = NULL;

  /* Translators: a product's spec and unit price in the product list, e.g. "950ml · ¥12.50". */
  text = *kefu_product_get_spec (product) != '\0'
           ? g_strdup_printf (_("%s · %s"), kefu_product_get_spec (product), price)
           : g_strdup (price);
  gtk_label_set_label (GTK_LABEL (name), kefu_product_get_name (product));
  gtk_label_set_label (GTK_LABEL (details), text);
  gtk_widget_set_visible (details, kefu_record_get_id (KEFU_RECORD (product)) != 0);
}

static void
kefu_order_line_row_dispose (GObject *object)
{
  KefuOrderLineRow *self = KEFU_ORDER_LINE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_ORDER_LINE_ROW);
  g_clear_object (&self->line);
  g_clear_object (&self->products);

  G_OBJECT_CLASS (kefu_order_line_row_parent_class)->dispose (object);
}

static void
kefu_order_line_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuOrderLineRow *self = KEFU_ORDER_LINE_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_object (value, self->line);
      break;
    case PROP_PRODUCTS:
      g_value_set_object (value, self->products);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_line_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuOrderLineRow *self = KEFU_ORDER_LINE_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      set_line (self, g_value_get_object (value));
      break;
    case PROP_PRODUCTS:
      set_products (self, g_value_get_object (value));
      break;
    case PROP_NUMBER:
      kefu_order_line_row_set_number (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_line_row_constructed (GObject *object)
{
  KefuOrderLineRow *self = KEFU_ORDER_LINE_ROW (object);

  G_OBJECT_CLASS (kefu_order_line_row_parent_class)->constructed (object);

  /* The products are set before the line (construct properties in installation order would
   * not guarantee it), so the first sync finds the line's product in the list. */
  if (self->line != NULL)
    sync_product (self);
}

static void
kefu_order_line_row_class_init (KefuOrderLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_order_line_row_dispose;
  object_class->get_property = kefu_order_line_row_get_property;
  object_class->set_property = kefu_order_line_row_set_property;
  object_class->constructed = kefu_order_line_row_constructed;

  properties[PROP_LINE] =
    g_param_spec_object ("line", NULL, NULL, KEFU_TYPE_ORDER_LINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCTS] =
    g_param_spec_object ("products", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The clerk asked to remove the line; the order form removes it from the order. */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-order-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, price_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, quantity_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, spec_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuOrderLineRow, total_label);
  gtk_widget_class_bind_template_callback (widget_class, price_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, quantity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, spec_changed_cb);
}

static void
kefu_order_line_row_init (KefuOrderLineRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) name = NULL;

  self->number = 1;
  /* The template's change handlers must not write into a line that is not there yet. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_product_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_product_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_product_choice_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_product_choice_cb), NULL);
  gtk_drop_down_set_factory (self->product_dropdown, factory);
  gtk_drop_down_set_list_factory (self->product_dropdown, list_factory);
  /* Typing a few characters of the name finds the product in a long list. */
  name = gtk_property_expression_new (KEFU_TYPE_PRODUCT, NULL, "name");
  gtk_drop_down_set_expression (self->product_dropdown, name);
  gtk_drop_down_set_enable_search (self->product_dropdown, TRUE);
  gtk_drop_down_set_search_match_mode (self->product_dropdown, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);

  kefu_form_field_setup (GTK_WIDGET (self->product_dropdown), "line-1-product");
  kefu_form_field_setup (GTK_WIDGET (self->spec_entry), "line-1-spec");
  kefu_form_field_setup (GTK_WIDGET (self->quantity_entry), "line-1-quantity");
  kefu_form_field_setup (GTK_WIDGET (self->price_entry), "line-1-unit-price");
  for (guint column = 0; column < KEFU_ORDER_LINE_COLUMN_TOTAL; column++)
    kefu_form_field_set_message_func (kefu_order_line_row_get_field (self, column),
                                      field_message_cb, self);
  update_field_names (self);
}

GtkWidget *
kefu_order_line_row_new (KefuOrderLine *line,
                         GListModel    *products)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (line), NULL);
  g_return_val_if_fail (products == NULL || G_IS_LIST_MODEL (products), NULL);

  return g_object_new (KEFU_TYPE_ORDER_LINE_ROW,
                       "products", products,
                       "line", line,
                       NULL);
}

KefuOrderLine *
kefu_order_line_row_get_line (KefuOrderLineRow *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE_ROW (self), NULL);

  return self->line;
}

guint
kefu_order_line_row_get_number (KefuOrderLineRow *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE_ROW (self), 0);

  return self->number;
}

void
kefu_order_line_row_set_number (KefuOrderLineRow *self,
                                guint             number)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE_ROW (self));
  g_return_if_fail (number > 0);

  if (self->number == number)
    return;

  self->number = number;
  update_field_names (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

void
kefu_order_line_row_add_to_size_groups (KefuOrderLineRow  *self,
                                        GtkSizeGroup     **groups)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE_ROW (self));
  g_return_if_fail (groups != NULL);

  for (guint column = 0; column < KEFU_ORDER_LINE_N_COLUMNS; column++)
    if (groups[column] != NULL)
      gtk_size_group_add_widget (groups[column], kefu_order_line_row_get_field (self, column));
}

void
kefu_order_line_row_set_removable (KefuOrderLineRow *self,
                                   gboolean          removable)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), removable);
}

/* The widget of `column` (the total's label for KEFU_ORDER_LINE_COLUMN_TOTAL). */
GtkWidget *
kefu_order_line_row_get_field (KefuOrderLineRow    *self,
                               KefuOrderLineColumn  column)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE_ROW (self), NULL);

  switch (column)
    {
    case KEFU_ORDER_LINE_COLUMN_PRODUCT:
      return GTK_WIDGET (self->product_dropdown);
    case KEFU_ORDER_LINE_COLUMN_SPEC:
      return GTK_WIDGET (self->spec_entry);
    case KEFU_ORDER_LINE_COLUMN_QUANTITY:
      return GTK_WIDGET (self->quantity_entry);
    case KEFU_ORDER_LINE_COLUMN_UNIT_PRICE:
      return GTK_WIDGET (self->price_entry);
    case KEFU_ORDER_LINE_COLUMN_TOTAL:
      return GTK_WIDGET (self->total_label);
    case KEFU_ORDER_LINE_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}
