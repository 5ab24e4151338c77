/* kefu-print-document-layout.c: a printed form's rows (kefu-print-document.c) laid out on pages
 * and drawn with Pango: rows kept whole, but for long texts, which break between their lines and
 * go on at the top of the next page (under the table's header again when they are a table's).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-print-document-private.h"

/* Noto Sans CJK holds the Latin letters too, so both languages print in one face. */
#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, Sans"
#define BODY_SIZE 9.5
#define TITLE_SIZE 17
#define HEADING_SIZE 11
#define SMALL_SIZE 8
#define CELL_PAD 4.0
#define LINE_WIDTH 0.6
#define FOOTER_HEIGHT 20.0
#define SECTION_GAP 10.0
/* Room to sign by hand and write the date under the name. */
#define SIGNATURE_HEIGHT 58.0
/* A long text starts on a page only with at least this much of it (about three lines). */
#define MIN_SLICE 40.0
/* Rounding of Pango units to points. */
#define EPSILON 0.01

/* Layout */

static PangoLayout *
make_layout (KefuPrintDocument *document,
             const char        *text,
             double             size,
             gboolean           bold,
             double             width)
{
  PangoLayout *layout = pango_layout_new (document->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (gint) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static PangoLayout *
cell_layout (KefuPrintDocument *document,
             Row               *row,
             guint              cell)
{
  double width = row->widths[cell] * document->width - 2 * CELL_PAD;
  gboolean head = row->table < 0 && row->label[cell];

  switch (row->kind)
    {
    case ROW_TITLE:
      return make_layout (document, row->text[cell], TITLE_SIZE, TRUE, width + 2 * CELL_PAD);
    case ROW_META:
      return make_layout (document, row->text[cell], SMALL_SIZE, FALSE, width + 2 * CELL_PAD);
    case ROW_HEADING:
      return make_layout (document, row->text[cell], HEADING_SIZE, TRUE, width + 2 * CELL_PAD);
    case ROW_SIGNATURES:
      return make_layout (document, row->text[cell], SMALL_SIZE, FALSE, width);
    case ROW_CELLS:
    default:
      return make_layout (document, row->text[cell], BODY_SIZE, head, width);
    }
}

static double
measure_row (KefuPrintDocument *document,
             Row               *row)
{
  double height = 0;

  if (row->kind == ROW_DRAWING)
    return row->drawing_height;

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (document, row, i);

      height = MAX (height, layout_height (layout));
    }

  switch (row->kind)
    {
    case ROW_TITLE:
      return height + 6;
    case ROW_META:
      return height + 6;
    case ROW_HEADING:
      return height + SECTION_GAP + 3;
    case ROW_SIGNATURES:
      return MAX (height + 2 * CELL_PAD, SIGNATURE_HEIGHT);
    case ROW_CELLS:
    default:
      return height + 2 * CELL_PAD;
    }
}

/* A long text breaks across pages; anything shorter moves whole to the next page, as a row of a
 * paper form would. */
static gboolean
is_long (KefuPrintDocument *document,
         Row               *row)
{
  return row->kind == ROW_CELLS && row->height > (document->height - FOOTER_HEIGHT) / 3;
}

/* The bottom of the last line of `layout` that ends in (from, limit], or `from` when the first
 * line after `from` does not; G_MAXDOUBLE when every line after `from` ends by `limit`. */
static double
layout_cut (PangoLayout *layout,
            double       from,
            double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean overflows = FALSE;
  double cut = from;

  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if ((double) bottom / PANGO_SCALE <= from + EPSILON)
        continue;
      if ((double) bottom / PANGO_SCALE > limit + EPSILON)
        {
          overflows = TRUE;
          break;
        }
      cut = (double) bottom / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return overflows ? cut : G_MAXDOUBLE;
}

/* Where to break a row's text showing from `from` with room down to `limit`: the earliest of
 * its cells' last whole lines, so that no line is cut; a cell's lines under it go on with the
 * rest. */
static double
row_cut (KefuPrintDocument *document,
         Row               *row,
         double             from,
         double             limit)
{
  double cut = G_MAXDOUBLE;

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (document, row, i);

      cut = MIN (cut, layout_cut (layout, from, limit));
    }
  return cut;
}

static double
placement_height (Row             *row,
                  const Placement *placement)
{
  if (placement->to == G_MAXDOUBLE)
    return row->height - placement->from;
  return placement->to - placement->from + 2 * CELL_PAD;
}

static void
place (GArray *page,
       guint   row,
       double  y,
       double  from,
       double  to)
{
  Placement placement = { row, y, from, to };

  g_array_append_val (page, placement);
}

static GArray *
add_page (KefuPrintDocument *document)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (document->pages, page);
  return page;
}

/* A new page, with the header of `row`'s table at its top when the row is a table's; returns
 * where the next row goes. */
static double
start_page (KefuPrintDocument  *document,
            GArray            **page,
            Row                *row)
{
  guint head;

  *page = add_page (document);
  if (row->table < 0)
    return 0;

  head = g_array_index (document->heads, guint, row->table);
  place (*page, head, 0, 0, G_MAXDOUBLE);
  return ((Row *) document->rows->pdata[head])->height;
}

/* Places a long text from `y` on, in parts: as much as fits on each page, the rest on the next
 * ones. Returns where the next row goes on the last page. */
static double
place_long (KefuPrintDocument  *document,
            GArray            **page,
            guint               index,
            double              y)
{
  Row *row = document->rows->pdata[index];
  double bottom = document->height - FOOTER_HEIGHT;
  double content = row->height - 2 * CELL_PAD;
  double from = 0;

  for (;;)
    {
      double room = bottom - y - 2 * CELL_PAD;
      double cut;

      if (content - from <= room + EPSILON)
        {
          place (*page, index, y, from, G_MAXDOUBLE);
          return y + content - from + 2 * CELL_PAD;
        }

      cut = row_cut (document, row, from, from + room);
      if (cut == G_MAXDOUBLE)
        cut = content;
      if (cut > from + EPSILON)
        {
          place (*page, index, y, from, cut);
          from = cut;
        }
      else if ((*page)->len == 0)
        {
          /* Not one line fits on an empty page: shown whole rather than never. */
          place (*page, index, y, from, G_MAXDOUBLE);
          return y + content - from + 2 * CELL_PAD;
        }
      y = start_page (document, page, row);
    }
}

/* The room row `index` needs at the bottom of a page to start there: its height (of a long
 * text, its first lines), and a heading's or a table header's the rows it stays with: a heading
 * the row under it, a table's header its first row (so a heading over a table keeps both). */
static double
keep_height (KefuPrintDocument *document,
             guint              index)
{
  Row *row = document->rows->pdata[index];
  Row *next = index + 1 < document->rows->len ? document->rows->pdata[index + 1] : NULL;
  double needed = is_long (document, row) ? MIN (row->height, MIN_SLICE + 2 * CELL_PAD)
                                          : row->height;

  if (next != NULL && (row->kind == ROW_HEADING ||
                       (row->kind == ROW_CELLS && row->table < 0 && next->table >= 0)))
    needed += keep_height (document, index + 1);
  return needed;
}

guint
kefu_print_document_paginate (KefuPrintDocument *document,
                              cairo_t           *cr,
                              double             width,
                              double             height)
{
  cairo_font_options_t *options;
  GArray *page;
  double y = 0;
  double bottom;

  g_return_val_if_fail (document != NULL, 0);

  /* Points everywhere: the resolution that makes a 10-point font 10 units high in cairo's
   * space, on a PDF surface and on a print context whose unit is points. Unhinted metrics, so
   * that what was measured is what is drawn at any scale. */
  g_clear_object (&document->context);
  document->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (document->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (document->context, options);
  cairo_font_options_destroy (options);

  document->width = width;
  document->height = height;
  bottom = height - FOOTER_HEIGHT;
  g_ptr_array_set_size (document->pages, 0);

  for (guint i = 0; i < document->rows->len; i++)
    ((Row *) document->rows->pdata[i])->height = measure_row (document, document->rows->pdata[i]);

  page = add_page (document);
  for (guint i = 0; i < document->rows->len; i++)
    {
      Row *row = document->rows->pdata[i];
      gboolean long_text = is_long (document, row);
      double needed = keep_height (document, i);

      if (y + needed > bottom && page->len > 0)
        y = start_page (document, &page, row);

      if (long_text)
        {
          y = place_long (document, &page, i, y);
          continue;
        }

      /* A heading at the top of a page needs no gap above it. */
      if (row->kind == ROW_HEADING && y == 0)
        y = -SECTION_GAP;
      place (page, i, y, 0, G_MAXDOUBLE);
      y += row->height;
    }

  return document->pages->len;
}

/* Drawing */

/* Draws the lines of `layout` whose bottoms are in (from, to], the first at `top`. */
static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       top,
            double       from,
            double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int line_top, line_bottom;

      pango_layout_iter_get_line_yrange (iter, &line_top, &line_bottom);
      if ((double) line_bottom / PANGO_SCALE <= from + EPSILON ||
          (double) line_bottom / PANGO_SCALE > to + EPSILON)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     top - from + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_row (KefuPrintDocument *document,
          cairo_t           *cr,
          Row               *row,
          const Placement   *placement)
{
  double x = 0;
  double y = placement->y;
  double height = placement_height (row, placement);
  gboolean whole = placement->from == 0 && placement->to == G_MAXDOUBLE;

  if (row->kind == ROW_TITLE)
    {
      g_autoptr(PangoLayout) layout = cell_layout (document, row, 0);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  if (row->kind == ROW_HEADING)
    {
      g_autoptr(PangoLayout) layout = cell_layout (document, row, 0);

      cairo_move_to (cr, 0, y + SECTION_GAP);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  if (row->kind == ROW_DRAWING)
    {
      /* The owner draws from its own origin, and leaves the page's state as it found it. */
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      row->draw (cr, document->width, row->drawing_height, row->draw_data);
      cairo_restore (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      return;
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      double w = row->widths[i] * document->width;
      g_autoptr(PangoLayout) layout = cell_layout (document, row, i);

      if (row->kind == ROW_META)
        {
          if (i == 1)
            pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          cairo_move_to (cr, x, y + 2);
          pango_cairo_show_layout (cr, layout);
          x += w;
          continue;
        }

      if (row->label[i])
        {
          cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
          cairo_rectangle (cr, x, y, w, height);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_rectangle (cr, x, y, w, height);
      cairo_stroke (cr);

      if (whole)
        {
          cairo_move_to (cr, x + CELL_PAD, y + CELL_PAD);
          pango_cairo_show_layout (cr, layout);
        }
      else
        draw_lines (cr, layout, x + CELL_PAD, y + CELL_PAD, placement->from, placement->to);
      x += w;
    }
}

static char *
footer_text (KefuPrintDocument *document,
             guint              page)
{
  /* Translators: the foot of each printed page: the reference, the page and the page count,
   * e.g. "TS-20261127-0001 · Page 1 of 3". */
  return g_strdup_printf (_("%s · Page %u of %u"), document->reference, page + 1,
                          document->pages->len);
}

void
kefu_print_document_draw_page (KefuPrintDocument *document,
                               cairo_t           *cr,
                               guint              page)
{
  GArray *placements;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (page < document->pages->len);

  placements = document->pages->pdata[page];
  cairo_save (cr);
  pango_cairo_update_context (cr, document->context);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);

      draw_row (document, cr, document->rows->pdata[placement->row], placement);
    }

  footer = footer_text (document, page);
  layout = make_layout (document, footer, SMALL_SIZE, FALSE, document->width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, 0, document->height - layout_height (layout));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The part of a cell's text a placement shows: from its first line's start to its last line's
 * end. */
static void
append_part (GString         *text,
             PangoLayout     *layout,
             const Placement *placement)
{
  const char *all = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int start = -1;
  int end = -1;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if ((double) bottom / PANGO_SCALE <= placement->from + EPSILON ||
          (double) bottom / PANGO_SCALE > placement->to + EPSILON)
        continue;
      if (start < 0)
        start = line->start_index;
      end = line->start_index + line->length;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (start >= 0)
    g_string_append_len (text, all + start, end - start);
}

char *
kefu_print_document_page_text (KefuPrintDocument *document,
                               guint              page)
{
  GString *text = g_string_new (NULL);
  GArray *placements;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (page < document->pages->len, NULL);

  placements = document->pages->pdata[page];
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);
      Row *row = document->rows->pdata[placement->row];
      gboolean whole = placement->from == 0 && placement->to == G_MAXDOUBLE;

      for (guint j = 0; j < row->n_cells; j++)
        {
          if (whole)
            g_string_append (text, row->text[j]);
          else
            {
              g_autoptr(PangoLayout) layout = cell_layout (document, row, j);

              append_part (text, layout, placement);
            }
          g_string_append_c (text, '\n');
        }
    }
  footer = footer_text (document, page);
  g_string_append (text, footer);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
