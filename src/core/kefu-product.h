/* kefu-product.h: a product (产品) that order calls and complaints name. */
#pragma once

#include "kefu-record.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PRODUCT (kefu_product_get_type ())
G_DECLARE_FINAL_TYPE (KefuProduct, kefu_product, KEFU, PRODUCT, KefuRecord)

KefuProduct *kefu_product_new (void);
/* unit-price is in fen (分). */
const char * kefu_product_get_name (KefuProduct *self);
void kefu_product_set_name (KefuProduct *self, const char * name);
const char * kefu_product_get_spec (KefuProduct *self);
void kefu_product_set_spec (KefuProduct *self, const char * spec);
gint64 kefu_product_get_unit_price (KefuProduct *self);
void kefu_product_set_unit_price (KefuProduct *self, gint64 unit_price);
guint kefu_product_get_warranty_months (KefuProduct *self);
void kefu_product_set_warranty_months (KefuProduct *self, guint warranty_months);
gboolean kefu_product_get_active (KefuProduct *self);
void kefu_product_set_active (KefuProduct *self, gboolean active);

G_END_DECLS
