/* kefu-complaint-list-cells.h: the cells of the complaint list view's columns, made in C (as the
 * customers list's are: parsing a template per cell costs too much when a sort replaces every
 * row) and refreshed when their row's card arrives.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kefu-complaint-card.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_COMPLAINT_CELL_REFERENCE,
  KEFU_COMPLAINT_CELL_RECEIVED,     /* local time */
  KEFU_COMPLAINT_CELL_CUSTOMER,
  KEFU_COMPLAINT_CELL_CATEGORY,     /* an icon and the category's name */
  KEFU_COMPLAINT_CELL_STAGE,
  KEFU_COMPLAINT_CELL_DEADLINE,     /* green / amber / red, an icon and the time left */
  KEFU_COMPLAINT_CELL_OWNER,
  KEFU_COMPLAINT_CELL_DEPARTMENTS,
  KEFU_COMPLAINT_CELL_URGENT,       /* the "Urgent" badge */
} KefuComplaintCell;

/* Gives `column` a factory of cells showing `cell` of each row's card (rows are KefuLazyItem). */
void   kefu_complaint_cell_set_factory (GtkColumnViewColumn *column,
                                        KefuComplaintCell    cell);
/* The text a cell shows for `card` at `now` (NULL: the current time). */
char  *kefu_complaint_cell_text        (KefuComplaintCard   *card,
                                        KefuComplaintCell    cell,
                                        GDateTime           *now);

G_END_DECLS
