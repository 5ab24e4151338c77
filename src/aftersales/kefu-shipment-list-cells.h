/* kefu-shipment-list-cells.h: the cells of the shipment list view's columns, made in C (as the
 * complaint list's are) and refreshed when their row's shipment arrives.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kefu-shipment.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_SHIPMENT_CELL_REFERENCE,
  KEFU_SHIPMENT_CELL_CUSTOMER,
  KEFU_SHIPMENT_CELL_PRODUCTS,        /* "Analyser X200 + 2 more" */
  KEFU_SHIPMENT_CELL_STEP,            /* a row of blocks and "4/7 Shipped" */
  KEFU_SHIPMENT_CELL_CARRIER,         /* the carrier and the waybill */
  KEFU_SHIPMENT_CELL_EXPECTED,        /* the expected arrival day */
  KEFU_SHIPMENT_CELL_ATTENTION,       /* "Overdue 2 days", "Exception: Damaged" (error style) */
  KEFU_SHIPMENT_CELL_ACCOUNT_MANAGER,
} KefuShipmentCell;

/* Gives `column` a factory of cells showing `cell` of each row's shipment (rows are
 * KefuLazyItem). */
void   kefu_shipment_cell_set_factory (GtkColumnViewColumn *column,
                                       KefuShipmentCell     cell);
/* The text a cell shows for `shipment` at `now` (NULL: the current time). */
char  *kefu_shipment_cell_text        (KefuShipment        *shipment,
                                       KefuShipmentCell     cell,
                                       GDateTime           *now);
/* How far along its way a shipment is (kefu_shipment_step_progress ()), 0 when cancelled; one
 * in exception counts the step it was in. `n_steps` (may be NULL): the steps of the way. */
guint  kefu_shipment_way_position     (KefuShipment        *shipment,
                                       guint               *n_steps);
/* "4/7 Shipped", "Exception", "Cancelled". */
char  *kefu_shipment_format_step      (KefuShipment        *shipment);
/* "Overdue 2 days", "Exception: Damaged", or NULL when nothing needs attention at `now`. */
char  *kefu_shipment_format_attention (KefuShipment        *shipment,
                                       GDateTime           *now);
/* "2026-11-27"; "" for an invalid day. */
char  *kefu_shipment_format_day       (const GDate         *day);

G_END_DECLS
