/* kefu-product.c: a product (产品); unit-price is in fen, as the store reads and writes it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-product"

#include "config.h"

#include "kefu-product.h"
#include "kefu-record-private.h"

struct _KefuProduct
{
  KefuRecord parent_instance;

  char      *name;
  char      *spec;
  gint64     unit_price;
  guint      warranty_months;
  gboolean   active;
};

G_DEFINE_FINAL_TYPE (KefuProduct, kefu_product, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SPEC,
  PROP_UNIT_PRICE,
  PROP_WARRANTY_MONTHS,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_product_finalize (GObject *object)
{
  KefuProduct *self = KEFU_PRODUCT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->spec, g_free);

  G_OBJECT_CLASS (kefu_product_parent_class)->finalize (object);
}

static void
kefu_product_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KefuProduct *self = KEFU_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, kefu_product_get_name (self));
      break;
    case PROP_SPEC:
      g_value_set_string (value, kefu_product_get_spec (self));
      break;
    case PROP_UNIT_PRICE:
      g_value_set_int64 (value, kefu_product_get_unit_price (self));
      break;
    case PROP_WARRANTY_MONTHS:
      g_value_set_uint (value, kefu_product_get_warranty_months (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, kefu_product_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_product_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KefuProduct *self = KEFU_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kefu_product_set_name (self, g_value_get_string (value));
      break;
    case PROP_SPEC:
      kefu_product_set_spec (self, g_value_get_string (value));
      break;
    case PROP_UNIT_PRICE:
      kefu_product_set_unit_price (self, g_value_get_int64 (value));
      break;
    case PROP_WARRANTY_MONTHS:
      kefu_product_set_warranty_months (self, g_value_get_uint (value));
      break;
    case PROP_ACTIVE:
      kefu_product_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_product_class_init (KefuProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_product_finalize;
  object_class->get_property = kefu_product_get_property;
  object_class->set_property = kefu_product_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_SPEC] =
    g_param_spec_string ("spec", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_UNIT_PRICE] =
    g_param_spec_int64 ("unit-price", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_WARRANTY_MONTHS] =
    g_param_spec_uint ("warranty-months", NULL, NULL, 0, G_MAXUINT, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_product_init (KefuProduct *self)
{
  self->name = g_strdup ("");
  self->spec = g_strdup ("");
  self->active = TRUE;
}

KefuProduct *
kefu_product_new (void)
{
  return g_object_new (KEFU_TYPE_PRODUCT, NULL);
}

const char *
kefu_product_get_name (KefuProduct *self)
{
  g_return_val_if_fail (KEFU_IS_PRODUCT (self), NULL);

  return self->name;
}

void
kefu_product_set_name (KefuProduct *self,
                       const char  *name)
{
  g_return_if_fail (KEFU_IS_PRODUCT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
kefu_product_get_spec (KefuProduct *self)
{
  g_return_val_if_fail (KEFU_IS_PRODUCT (self), NULL);

  return self->spec;
}

void
kefu_product_set_spec (KefuProduct *self,
                       const char  *spec)
{
  g_return_if_fail (KEFU_IS_PRODUCT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->spec, spec, properties[PROP_SPEC]);
}

gint64
kefu_product_get_unit_price (KefuProduct *self)
{
  g_return_val_if_fail (KEFU_IS_PRODUCT (self), 0);

  return self->unit_price;
}

void
kefu_product_set_unit_price (KefuProduct *self,
                             gint64       unit_price)
{
  g_return_if_fail (KEFU_IS_PRODUCT (self));
  g_return_if_fail (unit_price >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->unit_price, unit_price,
                          properties[PROP_UNIT_PRICE]);
}

guint
kefu_product_get_warranty_months (KefuProduct *self)
{
  g_return_val_if_fail (KEFU_IS_PRODUCT (self), 0);

  return self->warranty_months;
}

void
kefu_product_set_warranty_months (KefuProduct *self,
                                  guint        warranty_months)
{
  g_return_if_fail (KEFU_IS_PRODUCT (self));

  _kefu_record_set_uint (KEFU_RECORD (self), &self->warranty_months, warranty_months,
                         properties[PROP_WARRANTY_MONTHS]);
}

gboolean
kefu_product_get_active (KefuProduct *self)
{
  g_return_val_if_fail (KEFU_IS_PRODUCT (self), FALSE);

  return self->active;
}

void
kefu_product_set_active (KefuProduct *self,
                         gboolean     active)
{
  g_return_if_fail (KEFU_IS_PRODUCT (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->active, active, properties[PROP_ACTIVE]);
}
