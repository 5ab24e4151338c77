/* kefu-order-line.h: one line of an order: product, spec (订货规格), quantity (数量) and unit price
 * (价格, fen). Lines are written and read with their order; they have no version of their own.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A sane upper bound on one line's quantity: a household or a shop, not a warehouse. */
#define KEFU_ORDER_QUANTITY_MAX 9999

#define KEFU_TYPE_ORDER_LINE (kefu_order_line_get_type ())
G_DECLARE_FINAL_TYPE (KefuOrderLine, kefu_order_line, KEFU, ORDER_LINE, GObject)

KefuOrderLine *kefu_order_line_new                (void);
gint64         kefu_order_line_get_id             (KefuOrderLine *self);
void           kefu_order_line_set_id             (KefuOrderLine *self, gint64 id);
/* 0 when no product is picked yet. */
gint64         kefu_order_line_get_product_id     (KefuOrderLine *self);
void           kefu_order_line_set_product_id     (KefuOrderLine *self, gint64 product_id);
/* The product's name as shown (filled from the product when picked, and by the store). */
const char    *kefu_order_line_get_product_name   (KefuOrderLine *self);
void           kefu_order_line_set_product_name   (KefuOrderLine *self, const char *name);
const char    *kefu_order_line_get_spec           (KefuOrderLine *self);
void           kefu_order_line_set_spec           (KefuOrderLine *self, const char *spec);
/* 0 means not yet given (invalid on save). */
guint          kefu_order_line_get_quantity       (KefuOrderLine *self);
void           kefu_order_line_set_quantity       (KefuOrderLine *self, guint quantity);
gint64         kefu_order_line_get_unit_price     (KefuOrderLine *self);
void           kefu_order_line_set_unit_price     (KefuOrderLine *self, gint64 fen);
/* quantity × unit price in fen (property "total", notified when either changes). */
gint64         kefu_order_line_get_total          (KefuOrderLine *self);

G_END_DECLS
