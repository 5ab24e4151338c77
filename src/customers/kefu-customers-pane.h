/* kefu-customers-pane.h: the customers pane: every customer in a searchable, sortable list that
 * stays fast at a million rows, each one's page (details, assigned clerk, history), assignment to
 * clerks, CSV import and export.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

#include "kefu-customer-list-model.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CUSTOMERS_PANE (kefu_customers_pane_get_type ())
G_DECLARE_FINAL_TYPE (KefuCustomersPane, kefu_customers_pane, KEFU, CUSTOMERS_PANE, AdwBin)

GtkWidget             *kefu_customers_pane_new             (void);

KefuStore             *kefu_customers_pane_get_store       (KefuCustomersPane *self);
void                   kefu_customers_pane_set_store       (KefuCustomersPane *self,
                                                            KefuStore         *store);
/* Who is working: decides whether they may assign and what "mine" means. */
KefuStaff             *kefu_customers_pane_get_staff       (KefuCustomersPane *self);
void                   kefu_customers_pane_set_staff       (KefuCustomersPane *self,
                                                            KefuStaff         *staff);
/* TRUE while the list, a customer's page or an export is loading or running. */
gboolean               kefu_customers_pane_get_busy        (KefuCustomersPane *self);

/* The list shown (for tests and benchmarks). */
KefuCustomerListModel *kefu_customers_pane_get_model       (KefuCustomersPane *self);
/* Opens a customer's page, as activating their row does. */
void                   kefu_customers_pane_open_customer   (KefuCustomersPane *self,
                                                            gint64             customer_id);
/* Writes the list as shown (filter and sort) to `file`, as the Export dialog does. */
void                   kefu_customers_pane_export_to_file  (KefuCustomersPane *self,
                                                            GFile             *file);

G_END_DECLS
