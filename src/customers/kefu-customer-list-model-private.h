/* kefu-customer-list-model-private.h: what the customer list model's files share: the rows, a
 * KefuLazyListModel that reads customers' ids under a filter and in an order and whose items are
 * KefuCustomer placeholders filled in place (kefu-customer-list-model-rows.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-customer-list-model.h"
#include "widgets/kefu-lazy-list-model.h"

G_BEGIN_DECLS

/* New rows, reading the ids head first, with no filter or order given yet. */
KefuLazyListModel *kefu_customer_rows_new       (void);
/* Gives `rows` the filter and order to read with (they keep a copy); they read again once,
 * however many changes come in one main-loop iteration. */
void               kefu_customer_rows_set_query (KefuLazyListModel        *rows,
                                                 const KefuCustomerFilter *filter,
                                                 KefuCustomerSort          sort,
                                                 gboolean                  descending);

G_END_DECLS
