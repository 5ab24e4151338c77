/* kefu-complaint-print-layout-private.h: the printed complaint record's document as its two
 * files see it: kefu-complaint-print-rows.c fills its rows from the store's records,
 * kefu-complaint-print-layout.c lays them out on pages and draws them.
 *
 * The form is a list of rows: the title, section headings, and bordered rows of cells (label /
 * value pairs, or the columns of a table). A row never splits across pages; a table's header
 * row is drawn again at the top of each page it continues on.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "kefu-complaint-print-private.h"

G_BEGIN_DECLS

typedef enum
{
  ROW_TITLE,      /* the form's name, centred */
  ROW_META,       /* the reference (right) and when it was printed (left) under the title */
  ROW_HEADING,    /* a section's name */
  ROW_CELLS,      /* bordered cells */
} RowKind;

#define MAX_CELLS 4

typedef struct
{
  RowKind  kind;
  guint    n_cells;
  char    *text[MAX_CELLS];
  double   widths[MAX_CELLS];   /* fractions of the width, summing to 1 */
  gboolean label[MAX_CELLS];    /* a label cell: shaded, bold */
  int      table;               /* the table's index in `heads` when a table's body row, or -1 */
  double   height;              /* set by paginate */
} Row;

/* Where a row goes: its page and its top. A repeated table header is placed like any row. */
typedef struct
{
  guint  row;
  double y;
} Placement;

struct _KefuPrintDocument
{
  char      *reference;
  char      *printed_at;
  GPtrArray *rows;        /* Row */
  GArray    *heads;       /* guint: each table's header row */
  GPtrArray *pages;       /* GArray of Placement, one a page */
  double     width;
  double     height;
  PangoContext *context;
};

/* An empty document: no rows, no tables, no pages. */
KefuPrintDocument *_kefu_print_document_new (void);

G_END_DECLS
