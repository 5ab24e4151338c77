/* kefu-print-document-private.h: the printed form's rows and pages as its files see them:
 * kefu-print-document.c makes the rows, kefu-print-document-layout.c lays them out and draws
 * them, kefu-print-document-pdf.c writes the PDF, and the UI library's
 * widgets/kefu-print-document-output.c runs the print dialog.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "kefu-print-document.h"

G_BEGIN_DECLS

typedef enum
{
  ROW_TITLE,      /* the form's name, centred */
  ROW_META,       /* when it was printed (left) and the reference (right) under the title */
  ROW_HEADING,    /* a section's name */
  ROW_CELLS,      /* bordered cells */
  ROW_SIGNATURES, /* bordered boxes to sign in, their labels at the top */
  ROW_DRAWING,    /* a picture its owner draws (a chart), `text[0]` its words for the tests */
} RowKind;

typedef struct
{
  RowKind  kind;
  guint    n_cells;
  char    *text[KEFU_PRINT_MAX_CELLS];
  double   widths[KEFU_PRINT_MAX_CELLS];  /* fractions of the width, summing to 1 */
  gboolean label[KEFU_PRINT_MAX_CELLS];   /* a label cell: shaded, bold */
  int      table;             /* the table's index in `heads` when a table's body row, or -1 */
  double   height;            /* set by paginate */
  /* ROW_DRAWING only */
  double             drawing_height;
  KefuPrintDrawFunc  draw;
  gpointer           draw_data;
  GDestroyNotify     draw_destroy;
} Row;

/* Where a row goes: its page, its top, and which part of its cells' text it shows there: the
 * lines whose bottoms are in (from, to] (points from the top of the text), all of them for a
 * row shown whole. A repeated table header is placed like any row. */
typedef struct
{
  guint  row;
  double y;
  double from;
  double to;
} Placement;

struct _KefuPrintDocument
{
  char         *title;
  char         *reference;
  char         *printed_at;
  GPtrArray    *rows;        /* Row */
  GArray       *heads;       /* guint: each table's header row */
  GPtrArray    *pages;       /* GArray of Placement, one a page */
  double        width;
  double        height;
  PangoContext *context;
};

G_END_DECLS
