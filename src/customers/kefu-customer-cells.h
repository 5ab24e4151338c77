/* kefu-customer-cells.h: the cells of the customers list's columns.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kefu-records.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_CUSTOMER_CELL_NAME,
  KEFU_CUSTOMER_CELL_PHONES,        /* the first number, and how many more */
  KEFU_CUSTOMER_CELL_DISTRICT,
  KEFU_CUSTOMER_CELL_MEMBER,        /* the member number, "Member", or nothing */
  KEFU_CUSTOMER_CELL_CLERK,         /* the assigned clerk */
  KEFU_CUSTOMER_CELL_LAST_CONTACT,  /* local time */
} KefuCustomerCell;

/* Gives `column` a factory of one-line cells showing `cell` of each row's customer, refreshed
 * when the customer's version changes (a placeholder filled, or a customer read again). */
void   kefu_customer_cell_set_factory (GtkColumnViewColumn *column,
                                       KefuCustomerCell     cell);
/* The text a cell shows. */
char  *kefu_customer_cell_text        (KefuCustomer        *customer,
                                       KefuCustomerCell     cell);

G_END_DECLS
