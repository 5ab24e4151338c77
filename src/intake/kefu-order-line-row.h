/* kefu-order-line-row.h: one line of an order call in the order form: the product picked from
 * the store's products, its spec, quantity and unit price (both pre-filled from the product,
 * editable), the line total and a button that removes the line.
 *
 * The row edits the KefuOrderLine it is given as the clerk types. Its entries are form fields
 * (kefu-form-field.h) named "line-N-product", "line-N-spec", "line-N-quantity" and
 * "line-N-unit-price" after the row's number, and show their problems together under the line.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"

G_BEGIN_DECLS

/* The columns of an order line, which the form lines up with its column titles. */
typedef enum
{
  KEFU_ORDER_LINE_COLUMN_PRODUCT,
  KEFU_ORDER_LINE_COLUMN_SPEC,
  KEFU_ORDER_LINE_COLUMN_QUANTITY,
  KEFU_ORDER_LINE_COLUMN_UNIT_PRICE,
  KEFU_ORDER_LINE_COLUMN_TOTAL,
  KEFU_ORDER_LINE_N_COLUMNS,
} KefuOrderLineColumn;

#define KEFU_TYPE_ORDER_LINE_ROW (kefu_order_line_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuOrderLineRow, kefu_order_line_row, KEFU, ORDER_LINE_ROW, GtkListBoxRow)

/* `products`: the KefuProduct items the clerk may pick from. */
GtkWidget     *kefu_order_line_row_new          (KefuOrderLine     *line,
                                                 GListModel        *products);
KefuOrderLine *kefu_order_line_row_get_line     (KefuOrderLineRow  *self);
/* The line's number in the order, from 1 (names its fields and its accessible labels). */
guint          kefu_order_line_row_get_number   (KefuOrderLineRow  *self);
void           kefu_order_line_row_set_number   (KefuOrderLineRow  *self,
                                                 guint              number);
/* Adds the widget of each column to `groups[column]` (may be NULL), so that the columns of
 * every line and of the titles above them have one width. */
void           kefu_order_line_row_add_to_size_groups (KefuOrderLineRow *self,
                                                       GtkSizeGroup    **groups);
/* Whether the remove button is offered (not on the only line). */
void           kefu_order_line_row_set_removable (KefuOrderLineRow *self,
                                                  gboolean          removable);
GtkWidget     *kefu_order_line_row_get_field    (KefuOrderLineRow  *self,
                                                 KefuOrderLineColumn column);

G_END_DECLS
