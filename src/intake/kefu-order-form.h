/* kefu-order-form.h: the kind-specific part of an order call (《客户定奶电话记录单》) in the call
 * form: the product lines with their total, the sales channel, the delivery address (the
 * caller's address unless another is given) and its district (guessed from the address, for the
 * service-area check).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"

G_BEGIN_DECLS

#define KEFU_TYPE_ORDER_FORM (kefu_order_form_get_type ())
G_DECLARE_FINAL_TYPE (KefuOrderForm, kefu_order_form, KEFU, ORDER_FORM, AdwBin)

GtkWidget  *kefu_order_form_new                (void);
/* The order being edited (property "order"). */
KefuOrder  *kefu_order_form_get_order          (KefuOrderForm *self);
void        kefu_order_form_set_order          (KefuOrderForm *self,
                                                KefuOrder     *order);
/* The products the lines pick from (property "products", KefuProduct items). */
void        kefu_order_form_set_products       (KefuOrderForm *self,
                                                GListModel    *products);
/* The caller's address, which the delivery address defaults to (property "caller-address"). */
void        kefu_order_form_set_caller_address (KefuOrderForm *self,
                                                const char    *address);
/* Gives an empty delivery address the caller's address, as the form promised. */
void        kefu_order_form_apply_defaults     (KefuOrderForm *self);
/* Adds an empty line and moves the keyboard focus to its product. */
void        kefu_order_form_add_line           (KefuOrderForm *self);
/* Moves the keyboard focus to the first field (the first line's product). */
void        kefu_order_form_focus_first        (KefuOrderForm *self);

G_END_DECLS
