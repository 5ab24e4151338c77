/* kefu-callback-report-chart.c: the report's chart of satisfaction over the weeks: a stacked
 * bar a week (satisfied at the bottom, so-so, not satisfied on top) with the week's total over
 * it, a vertical axis of answers with round steps, the weeks' Mondays under the bars, and a
 * legend in words, drawn by Kefu's chart (kefu-chart-draw.h) in its print palette: the three
 * answers differ by pattern as well as by shade (solid dark, hatched light, cross-hatched
 * white), so that a black-and-white printer keeps them apart.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kefu-callback-report-pdf.h"
#include "kefu-chart-draw.h"

#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, Sans"
#define LABEL_SIZE 7.5

typedef struct
{
  KefuChartData *data;
  gboolean       answered;   /* any answer in any week */
} Chart;

static void
chart_free (Chart *chart)
{
  g_clear_pointer (&chart->data, kefu_chart_data_free);
  g_free (chart);
}

/* Text centred on x with its top at y, at 72 dpi as the document's own text. */
static void
draw_note (cairo_t    *cr,
           const char *text,
           double      x,
           double      y)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int width;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (gint) (LABEL_SIZE * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x - (double) width / PANGO_SCALE / 2, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Chart *chart = user_data;
  KefuChartPalette palette;

  /* Kefu's chart in the print palette: the answers apart by pattern as well as by shade. */
  kefu_chart_palette_init_print (&palette);
  palette.background.alpha = 0;
  if (kefu_chart_data_get_n_categories (chart->data) > 0)
    kefu_chart_draw (cr, chart->data, width, height, &palette);
  if (!chart->answered)
    draw_note (cr, _("No answers in this period."), width / 2, height / 2 - 6);
}

/* The weeks as a stacked bar chart: satisfied at the bottom, so-so, not satisfied on top, the
 * week's total over each bar. */
static KefuChartData *
chart_data (GArray   *weeks,
            gboolean *answered)
{
  KefuChartData *data = kefu_chart_data_new (NULL, KEFU_CHART_STACKED_BARS,
                                             KEFU_CHART_UNIT_COUNT);
  const char *names[] = {
    C_("satisfaction", "Satisfied"), C_("satisfaction", "So-so"),
    C_("satisfaction", "Not satisfied"),
  };

  *answered = FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    kefu_chart_data_add_series (data, names[s], NULL, 0);
  for (guint i = 0; i < weeks->len; i++)
    {
      const KefuCallbackWeek *w = &g_array_index (weeks, KefuCallbackWeek, i);
      char day[16];
      guint c;

      g_date_strftime (day, sizeof day, "%m-%d", &w->week);
      c = kefu_chart_data_add_category (data, day);
      kefu_chart_data_set_value (data, 0, c, w->satisfied);
      kefu_chart_data_set_value (data, 1, c, w->so_so);
      kefu_chart_data_set_value (data, 2, c, w->not_satisfied);
      *answered |= w->satisfied + w->so_so + w->not_satisfied > 0;
    }
  kefu_chart_data_set_axis_titles (data, _("Week beginning (Monday)"), _("Answers"));
  kefu_chart_data_set_show_values (data, TRUE);
  kefu_chart_data_set_text_size (data, LABEL_SIZE);
  return data;
}

/* The chart's words for kefu_print_document_page_text (): the legend and each week's answers. */
static char *
chart_text (GArray *weeks)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s %s", C_("satisfaction", "Satisfied"),
                          C_("satisfaction", "So-so"), C_("satisfaction", "Not satisfied"));
  for (guint i = 0; i < weeks->len; i++)
    {
      const KefuCallbackWeek *w = &g_array_index (weeks, KefuCallbackWeek, i);
      char day[16];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", &w->week);
      g_string_append_printf (text, "\n%s %u %u %u", day, w->satisfied, w->so_so,
                              w->not_satisfied);
    }
  return g_string_free (text, FALSE);
}

void
kefu_callback_report_add_chart (KefuPrintDocument *document,
                                GArray            *weeks,
                                double             height)
{
  Chart *chart;
  g_autofree char *text = NULL;
  g_autoptr(GArray) none = NULL;

  g_return_if_fail (document != NULL);

  none = g_array_new (FALSE, TRUE, sizeof (KefuCallbackWeek));
  chart = g_new0 (Chart, 1);
  if (weeks == NULL)
    weeks = none;
  chart->data = chart_data (weeks, &chart->answered);
  text = chart_text (weeks);
  kefu_print_document_add_drawing (document, height, text, draw_chart, chart,
                                   (GDestroyNotify) chart_free);
}
