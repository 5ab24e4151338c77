/* kefu-customer-page.h: one customer, editable, with the assigned clerk and the full history.
 * Pushed onto the customers pane's navigation view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CUSTOMER_PAGE (kefu_customer_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuCustomerPage, kefu_customer_page, KEFU, CUSTOMER_PAGE, AdwNavigationPage)

/* Reads the customer with `customer_id` from `store`; "saved" is emitted after each save. */
KefuCustomerPage *kefu_customer_page_new             (KefuStore        *store,
                                                      gint64            customer_id);
KefuStore        *kefu_customer_page_get_store       (KefuCustomerPage *self);
gint64            kefu_customer_page_get_customer_id (KefuCustomerPage *self);
/* The customer as last read or saved (NULL while loading). */
KefuCustomer     *kefu_customer_page_get_customer    (KefuCustomerPage *self);
/* TRUE while the customer loads or saves. */
gboolean          kefu_customer_page_get_busy        (KefuCustomerPage *self);
/* TRUE when the form holds changes that are not saved. */
gboolean          kefu_customer_page_get_modified    (KefuCustomerPage *self);
/* Keeps the page current with what others save (kefu-live-page.h); NULL: does nothing. */
void              kefu_customer_page_set_live        (KefuCustomerPage *self,
                                                      KefuLive         *live);

G_END_DECLS
