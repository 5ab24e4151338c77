/* kefu-chart-print.c: a chart in a printed or PDF document (kefu-chart-print.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-chart"

#include "config.h"

#include "kefu-chart-print.h"

/* The size of the document's own small print. */
#define PRINT_TEXT_SIZE 7.5

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  KefuChartPalette palette;

  kefu_chart_palette_init_print (&palette);
  /* The page is white already; leave it unpainted so nothing covers the margins. */
  palette.background.alpha = 0;
  kefu_chart_draw (cr, user_data, width, height, &palette);
}

void
kefu_chart_add_to_document (KefuPrintDocument   *document,
                            const KefuChartData *data,
                            double               height)
{
  KefuChartData *copy;
  g_autofree char *text = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (height > 0);

  copy = kefu_chart_data_copy (data);
  kefu_chart_data_set_text_size (copy, PRINT_TEXT_SIZE);
  text = kefu_chart_data_to_text (copy);
  kefu_print_document_add_drawing (document, height, text, draw_cb, copy,
                                   (GDestroyNotify) kefu_chart_data_free);
}
