/* kefu-order-line.c: one line of an order (product, spec, quantity, unit price in fen) and its
 * total, which follows the quantity and the price.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-order-line"

#include "config.h"

#include "kefu-order-line.h"

/* Lines are plain GObjects (they have no version of their own), so the setters below do what
 * the KefuRecord helpers do: store, and notify only on a real change. */
struct _KefuOrderLine
{
  GObject    parent_instance;

  gint64     id;
  gint64     product_id;
  char      *product_name;
  char      *spec;
  guint      quantity;
  gint64     unit_price;
};

G_DEFINE_FINAL_TYPE (KefuOrderLine, kefu_order_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SPEC,
  PROP_QUANTITY,
  PROP_UNIT_PRICE,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define LINE_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
set_int64 (KefuOrderLine *self,
           gint64        *field,
           gint64         value,
           guint          prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* NULL and "" are the same empty text, as for records (kefu-record.h). */
static void
set_string (KefuOrderLine  *self,
            char          **field,
            const char     *value,
            guint           prop_id)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
kefu_order_line_finalize (GObject *object)
{
  KefuOrderLine *self = KEFU_ORDER_LINE (object);

  g_clear_pointer (&self->product_name, g_free);
  g_clear_pointer (&self->spec, g_free);

  G_OBJECT_CLASS (kefu_order_line_parent_class)->finalize (object);
}

static void
kefu_order_line_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuOrderLine *self = KEFU_ORDER_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, kefu_order_line_get_id (self));
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, kefu_order_line_get_product_id (self));
      break;
    case PROP_PRODUCT_NAME:
      g_value_set_string (value, kefu_order_line_get_product_name (self));
      break;
    case PROP_SPEC:
      g_value_set_string (value, kefu_order_line_get_spec (self));
      break;
    case PROP_QUANTITY:
      g_value_set_uint (value, kefu_order_line_get_quantity (self));
      break;
    case PROP_UNIT_PRICE:
      g_value_set_int64 (value, kefu_order_line_get_unit_price (self));
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, kefu_order_line_get_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_line_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuOrderLine *self = KEFU_ORDER_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      kefu_order_line_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PRODUCT_ID:
      kefu_order_line_set_product_id (self, g_value_get_int64 (value));
      break;
    case PROP_PRODUCT_NAME:
      kefu_order_line_set_product_name (self, g_value_get_string (value));
      break;
    case PROP_SPEC:
      kefu_order_line_set_spec (self, g_value_get_string (value));
      break;
    case PROP_QUANTITY:
      kefu_order_line_set_quantity (self, g_value_get_uint (value));
      break;
    case PROP_UNIT_PRICE:
      kefu_order_line_set_unit_price (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_line_class_init (KefuOrderLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_order_line_finalize;
  object_class->get_property = kefu_order_line_get_property;
  object_class->set_property = kefu_order_line_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, LINE_PARAM_FLAGS);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, LINE_PARAM_FLAGS);
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, "", LINE_PARAM_FLAGS);
  properties[PROP_SPEC] =
    g_param_spec_string ("spec", NULL, NULL, "", LINE_PARAM_FLAGS);
  /* The spin button's range is the form's business; 0 is "not given". */
  properties[PROP_QUANTITY] =
    g_param_spec_uint ("quantity", NULL, NULL, 0, G_MAXUINT, 0, LINE_PARAM_FLAGS);
  properties[PROP_UNIT_PRICE] =
    g_param_spec_int64 ("unit-price", NULL, NULL, 0, G_MAXINT64, 0, LINE_PARAM_FLAGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_order_line_init (KefuOrderLine *self)
{
  self->product_name = g_strdup ("");
  self->spec = g_strdup ("");
}

KefuOrderLine *
kefu_order_line_new (void)
{
  return g_object_new (KEFU_TYPE_ORDER_LINE, NULL);
}

gint64
kefu_order_line_get_id (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), 0);

  return self->id;
}

void
kefu_order_line_set_id (KefuOrderLine *self,
                        gint64         id)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE (self));
  g_return_if_fail (id >= 0);

  set_int64 (self, &self->id, id, PROP_ID);
}

gint64
kefu_order_line_get_product_id (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), 0);

  return self->product_id;
}

void
kefu_order_line_set_product_id (KefuOrderLine *self,
                                gint64         product_id)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE (self));
  g_return_if_fail (product_id >= 0);

  set_int64 (self, &self->product_id, product_id, PROP_PRODUCT_ID);
}

const char *
kefu_order_line_get_product_name (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), NULL);

  return self->product_name;
}

void
kefu_order_line_set_product_name (KefuOrderLine *self,
                                  const char    *name)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE (self));

  set_string (self, &self->product_name, name, PROP_PRODUCT_NAME);
}

const char *
kefu_order_line_get_spec (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), NULL);

  return self->spec;
}

void
kefu_order_line_set_spec (KefuOrderLine *self,
                          const char    *spec)
{
  g_return_if_fail (KEFU_IS_ORDER_LINE (self));

  set_string (self, &self->spec, spec, PROP_SPEC);
}

guint
kefu_order_line_get_quantity (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), 0);

  return self->quantity;
}

/* Any quantity is kept, even above KEFU_ORDER_QUANTITY_MAX: the call rules tell the clerk what
 * is wrong, which a silently clamped value would not. */
void
kefu_order_line_set_quantity (KefuOrderLine *self,
                              guint          quantity)
{
  gint64 old_total;

  g_return_if_fail (KEFU_IS_ORDER_LINE (self));

  if (self->quantity == quantity)
    return;

  old_total = kefu_order_line_get_total (self);
  g_object_freeze_notify (G_OBJECT (self));
  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
  if (kefu_order_line_get_total (self) != old_total)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
kefu_order_line_get_unit_price (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), 0);

  return self->unit_price;
}

void
kefu_order_line_set_unit_price (KefuOrderLine *self,
                                gint64         fen)
{
  gint64 old_total;

  g_return_if_fail (KEFU_IS_ORDER_LINE (self));
  g_return_if_fail (fen >= 0);

  if (self->unit_price == fen)
    return;

  old_total = kefu_order_line_get_total (self);
  g_object_freeze_notify (G_OBJECT (self));
  self->unit_price = fen;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_PRICE]);
  if (kefu_order_line_get_total (self) != old_total)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* quantity × unit price, saturating at G_MAXINT64 rather than wrapping to a negative total. */
gint64
kefu_order_line_get_total (KefuOrderLine *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER_LINE (self), 0);

  if (self->quantity != 0 && self->unit_price > G_MAXINT64 / self->quantity)
    return G_MAXINT64;

  return self->unit_price * self->quantity;
}
