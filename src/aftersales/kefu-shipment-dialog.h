/* kefu-shipment-dialog.h: the shipping request (《发货申请单》): the customer (found with the
 * caller lookup when not given), the account manager (a sales rep), the delivery address
 * (the customer's by default), the product lines (product, serial, production date, quantity;
 * lines added and removed) and notes. Each field is checked with its reason under it; the
 * store's refusal shows in place with nothing typed lost. Once filed it emits "saved" (gint64,
 * the new shipment's id) and closes: the pane opens the shipment from there.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-shipment.h"
#include "core/kefu-staff.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIPMENT_DIALOG (kefu_shipment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuShipmentDialog, kefu_shipment_dialog, KEFU, SHIPMENT_DIALOG, AdwDialog)

/* `customer_id` 0: the dialog asks for the customer; `call_id` 0: not from an order call. */
AdwDialog  *kefu_shipment_dialog_new          (KefuStore          *store,
                                               KefuStaff          *staff,
                                               gint64              customer_id,
                                               gint64              call_id);
/* The same form editing a request not yet shipped (`shipment` as the detail page read it, with
 * its lines): the customer stays; saved with a version check (a conflict is refused in place,
 * nothing typed lost). "saved" then closes it as for a new one. */
AdwDialog  *kefu_shipment_dialog_new_edit     (KefuStore          *store,
                                               KefuStaff          *staff,
                                               KefuShipment       *shipment);
/* TRUE while the products, staff and customer are read, and while the request is saved. */
gboolean    kefu_shipment_dialog_get_busy     (KefuShipmentDialog *self);

/* What a person would type or choose, for the tests. Text fields: "address", "notes",
 * "line-N-serial", "line-N-produced" (N from 1). */
void        kefu_shipment_dialog_set_text     (KefuShipmentDialog *self,
                                               const char         *field,
                                               const char         *text);
/* Chooses line `n`'s product (from 1); FALSE when the product is not listed. */
gboolean    kefu_shipment_dialog_set_product  (KefuShipmentDialog *self,
                                               guint               n,
                                               gint64              product_id);
void        kefu_shipment_dialog_set_quantity (KefuShipmentDialog *self,
                                               guint               n,
                                               guint               quantity);
/* Chooses the account manager; FALSE when they are not listed (0: none). */
gboolean    kefu_shipment_dialog_set_manager  (KefuShipmentDialog *self,
                                               gint64              staff_id);
/* The caller lookup the customer is found with (a KefuCallerLookup). */
GtkWidget  *kefu_shipment_dialog_get_lookup   (KefuShipmentDialog *self);
gint64      kefu_shipment_dialog_get_customer_id (KefuShipmentDialog *self);
guint       kefu_shipment_dialog_get_n_lines  (KefuShipmentDialog *self);
/* Presses line `n`'s Split button (a line of several units under one product number becomes a
 * line per unit, the next product numbers counted on); FALSE when it is not offered. */
gboolean    kefu_shipment_dialog_split_line   (KefuShipmentDialog *self,
                                               guint               n);
void        kefu_shipment_dialog_add_line     (KefuShipmentDialog *self);
/* Presses Save: checks every field, shows every problem, and starts the save when there is
 * none. TRUE when it started. */
gboolean    kefu_shipment_dialog_save         (KefuShipmentDialog *self);
/* The message under a field ("customer", "address", "line-N-product",
 * "line-N-serial", "line-N-produced", "line-N-quantity"), or NULL. */
const char *kefu_shipment_dialog_get_message  (KefuShipmentDialog *self,
                                               const char         *field);
/* The store's refusal shown above the fields, or NULL. */
const char *kefu_shipment_dialog_get_refusal  (KefuShipmentDialog *self);

G_END_DECLS
