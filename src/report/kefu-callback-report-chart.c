/* kefu-callback-report-chart.c: the report's chart of satisfaction over the weeks: a stacked
 * bar a week (satisfied at the bottom, so-so, not satisfied on top) with the week's total over
 * it, a vertical axis of answers with round steps, the weeks' Mondays under the bars, and a
 * legend in words. The three answers differ by pattern as well as by shade (solid dark,
 * hatched light, cross-hatched white), so that a black-and-white printer keeps them apart.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kefu-callback-report-pdf.h"

#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, Sans"
#define LABEL_SIZE 7.5
#define LINE_WIDTH 0.6
#define LEFT 34.0      /* the axis's numbers */
#define RIGHT 8.0
#define TOP 34.0       /* the legend and the axis's title */
#define BOTTOM 30.0    /* the weeks and the axis's title */
#define SWATCH 9.0
/* A bar takes this share of its week's slot; the rest is the gap. */
#define BAR_SHARE 0.6

typedef enum
{
  FILL_SOLID,
  FILL_HATCH,
  FILL_CROSS,
} Fill;

typedef struct
{
  GArray *weeks;   /* KefuCallbackWeek */
} Chart;

static void
chart_free (Chart *chart)
{
  g_clear_pointer (&chart->weeks, g_array_unref);
  g_free (chart);
}

/* Text at (x, y): `align` 0 left, 0.5 centred, 1 right of x; y is the text's top. Points at 72
 * dpi, as the document's own text. */
static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int width;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (gint) (LABEL_SIZE * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x - align * width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
}

/* Fills the rectangle with `fill` and outlines it. */
static void
fill_box (cairo_t *cr,
          double   x,
          double   y,
          double   w,
          double   h,
          Fill     fill)
{
  if (h <= 0 || w <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  switch (fill)
    {
    case FILL_SOLID:
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cairo_paint (cr);
      break;
    case FILL_HATCH:
    case FILL_CROSS:
      cairo_set_source_rgb (cr, fill == FILL_HATCH ? 0.78 : 1.0, fill == FILL_HATCH ? 0.78 : 1.0,
                            fill == FILL_HATCH ? 0.78 : 1.0);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.4);
      for (double d = -h; d < w + h; d += 3.5)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
          if (fill == FILL_CROSS)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + h, y + h);
            }
        }
      cairo_stroke (cr);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

/* A round step for the axis (1, 2, 5, 10, 20, 50 …) giving at most five steps up to `max`. */
static guint
axis_step (guint max)
{
  guint step = 1;

  for (;;)
    {
      if (max <= 5 * step)
        return step;
      if (max <= 10 * step)
        return 2 * step;
      if (max <= 25 * step)
        return 5 * step;
      step *= 10;
    }
}

static void
draw_legend (cairo_t *cr,
             double   x,
             double   y)
{
  const char *names[] = {
    C_("satisfaction", "Satisfied"), C_("satisfaction", "So-so"),
    C_("satisfaction", "Not satisfied"),
  };
  const Fill fills[] = { FILL_SOLID, FILL_HATCH, FILL_CROSS };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      fill_box (cr, x, y, SWATCH, SWATCH, fills[i]);
      draw_text (cr, names[i], x + SWATCH + 4, y - 1, 0, FALSE);
      x += 110;
    }
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Chart *chart = user_data;
  GArray *weeks = chart->weeks;
  double plot_w = width - LEFT - RIGHT;
  double plot_h = height - TOP - BOTTOM;
  double x0 = LEFT;
  double y0 = TOP + plot_h;   /* the axis's zero */
  guint max = 0;
  guint step;
  guint top;
  guint label_every;
  double slot;

  for (guint i = 0; i < weeks->len; i++)
    {
      const KefuCallbackWeek *w = &g_array_index (weeks, KefuCallbackWeek, i);

      max = MAX (max, w->satisfied + w->so_so + w->not_satisfied);
    }
  step = axis_step (MAX (max, 1));
  top = ((MAX (max, 1) + step - 1) / step) * step;

  draw_legend (cr, x0, 0);
  draw_text (cr, _("Answers"), 0, TOP - 14, 0, TRUE);

  /* The axis with its steps and light grid lines. */
  for (guint v = 0; v <= top; v += step)
    {
      double y = y0 - plot_h * v / top;
      g_autofree char *label = g_strdup_printf ("%u", v);

      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.3);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 + plot_w, y);
      cairo_stroke (cr);
      draw_text (cr, label, x0 - 4, y - 5, 1, FALSE);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_move_to (cr, x0, TOP - 4);
  cairo_line_to (cr, x0, y0);
  cairo_line_to (cr, x0 + plot_w, y0);
  cairo_stroke (cr);

  if (max == 0)
    draw_text (cr, _("No answers in this period."), x0 + plot_w / 2, TOP + plot_h / 2 - 6, 0.5,
               FALSE);
  if (weeks->len == 0)
    return;
  slot = plot_w / weeks->len;
  /* Every week's Monday while they fit (about 34 points each), else every n-th. */
  label_every = 1;
  while (slot * label_every < 34.0)
    label_every++;
  for (guint i = 0; i < weeks->len; i++)
    {
      const KefuCallbackWeek *w = &g_array_index (weeks, KefuCallbackWeek, i);
      guint total = w->satisfied + w->so_so + w->not_satisfied;
      double bar_w = MIN (slot * BAR_SHARE, 40.0);
      double x = x0 + slot * i + (slot - bar_w) / 2;
      double h_s = plot_h * w->satisfied / top;
      double h_m = plot_h * w->so_so / top;
      double h_n = plot_h * w->not_satisfied / top;
      g_autofree char *total_text = g_strdup_printf ("%u", total);

      fill_box (cr, x, y0 - h_s, bar_w, h_s, FILL_SOLID);
      fill_box (cr, x, y0 - h_s - h_m, bar_w, h_m, FILL_HATCH);
      fill_box (cr, x, y0 - h_s - h_m - h_n, bar_w, h_n, FILL_CROSS);
      if (slot >= 12)
        draw_text (cr, total_text, x + bar_w / 2, y0 - h_s - h_m - h_n - 11, 0.5, FALSE);
      if (i % label_every == 0)
        {
          char day[16];

          g_date_strftime (day, sizeof day, "%m-%d", &w->week);
          draw_text (cr, day, x0 + slot * i + slot / 2, y0 + 3, 0.5, FALSE);
        }
    }
  draw_text (cr, _("Week beginning (Monday)"), x0 + plot_w / 2, y0 + 16, 0.5, TRUE);
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

  g_return_if_fail (document != NULL);

  chart = g_new0 (Chart, 1);
  chart->weeks = weeks != NULL ? g_array_ref (weeks)
                               : g_array_new (FALSE, TRUE, sizeof (KefuCallbackWeek));
  text = chart_text (chart->weeks);
  kefu_print_document_add_drawing (document, height, text, draw_chart, chart,
                                   (GDestroyNotify) chart_free);
}
