/* kefu-complaint-print-layout.c: the complaint record (《客户投诉电话记录单》) as a filled paper
 * form: its rows (made in kefu-complaint-print-rows.c) laid out on A4 pages and drawn with
 * Pango.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-print"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-complaint-print-layout-private.h"

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

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->text[i]);
  g_free (row);
}

KefuPrintDocument *
_kefu_print_document_new (void)
{
  KefuPrintDocument *document = g_new0 (KefuPrintDocument, 1);

  document->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  document->heads = g_array_new (FALSE, FALSE, sizeof (guint));
  document->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return document;
}

void
_kefu_print_document_free (KefuPrintDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->reference);
  g_free (document->printed_at);
  g_clear_pointer (&document->rows, g_ptr_array_unref);
  g_clear_pointer (&document->heads, g_array_unref);
  g_clear_pointer (&document->pages, g_ptr_array_unref);
  g_clear_object (&document->context);
  g_free (document);
}

const char *
_kefu_print_document_get_reference (KefuPrintDocument *document)
{
  return document->reference;
}

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
    case ROW_CELLS:
    default:
      return height + 2 * CELL_PAD;
    }
}

guint
_kefu_print_document_paginate (KefuPrintDocument *document,
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

  page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (document->pages, page);
  for (guint i = 0; i < document->rows->len; i++)
    {
      Row *row = document->rows->pdata[i];
      double needed = row->height;
      Row *next = i + 1 < document->rows->len ? document->rows->pdata[i + 1] : NULL;

      /* A heading stays with the row under it; a table's header with its first row. */
      if (next != NULL && (row->kind == ROW_HEADING ||
                           (row->kind == ROW_CELLS && row->table < 0 && next->table >= 0)))
        needed += next->height;

      if (y + needed > bottom && page->len > 0)
        {
          page = g_array_new (FALSE, FALSE, sizeof (Placement));
          g_ptr_array_add (document->pages, page);
          y = 0;
          /* A table going on: its header first. */
          if (row->table >= 0)
            {
              Placement head = { g_array_index (document->heads, guint, row->table), 0 };

              g_array_append_val (page, head);
              y += ((Row *) document->rows->pdata[head.row])->height;
            }
        }

      /* A heading at the top of a page needs no gap above it. */
      {
        Placement placement = { i, y };

        if (row->kind == ROW_HEADING && y == 0)
          placement.y = -SECTION_GAP;
        g_array_append_val (page, placement);
        y = placement.y + row->height;
      }
    }

  return document->pages->len;
}

/* Drawing */

static void
draw_row (KefuPrintDocument *document,
          cairo_t           *cr,
          Row               *row,
          double             y)
{
  double x = 0;

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
          cairo_rectangle (cr, x, y, w, row->height);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_rectangle (cr, x, y, w, row->height);
      cairo_stroke (cr);

      cairo_move_to (cr, x + CELL_PAD, y + CELL_PAD);
      pango_cairo_show_layout (cr, layout);
      x += w;
    }
}

static char *
footer_text (KefuPrintDocument *document,
             guint              page)
{
  /* Translators: the foot of each printed page: the reference, the page and the page count,
   * e.g. "TS-20261127-0001 · Page 1 of 3". */
  return g_strdup_printf (_("%s · Page %u of %u"), document->reference, page + 1, document->pages->len);
}

void
_kefu_print_document_draw_page (KefuPrintDocument *document,
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

      draw_row (document, cr, document->rows->pdata[placement->row], placement->y);
    }

  footer = footer_text (document, page);
  layout = make_layout (document, footer, SMALL_SIZE, FALSE, document->width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, 0, document->height - layout_height (layout));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

char *
_kefu_print_document_page_text (KefuPrintDocument *document,
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
      Row *row = document->rows->pdata[g_array_index (placements, Placement, i).row];

      for (guint j = 0; j < row->n_cells; j++)
        {
          g_string_append (text, row->text[j]);
          g_string_append_c (text, '\n');
        }
    }
  footer = footer_text (document, page);
  g_string_append (text, footer);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
