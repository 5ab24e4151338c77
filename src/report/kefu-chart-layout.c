/* kefu-chart-layout.c: where a KefuChartData's parts go (kefu-chart-draw-private.h): the
 * axis's round steps, the plot, the legend, the labels' thinning, and the hit test.
 *
 * One layout, computed from the description and the size alone, serves the drawing, the hit
 * test and the focus ring, so that what the pointer finds is what was drawn. The text is
 * measured with a Pango context of its own at 72 dpi, so that sizes are in the drawing's units
 * (pixels on screen, points on paper) wherever the chart is drawn.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kefu-chart-draw-private.h"

/* The axis has at most this many steps however tall the chart. */
#define MAX_STEPS 8

PangoContext *
_kefu_chart_measuring_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  pango_cairo_context_set_resolution (context, 72);
  return context;
}

PangoLayout *
_kefu_chart_make_text (PangoContext *context,
                       double        size,
                       const char   *text,
                       gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
_kefu_chart_text_width (PangoContext *context,
                        double        size,
                        const char   *text,
                        gboolean      bold)
{
  g_autoptr(PangoLayout) layout = _kefu_chart_make_text (context, size, text, bold);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

double
kefu_chart_nice_step (double    max,
                      guint     max_steps,
                      gboolean  whole,
                      double   *top)
{
  static const double mantissas[] = { 1, 2, 5 };
  double step;
  double magnitude;

  max_steps = MAX (max_steps, 1);
  if (!(max > 0) || !isfinite (max))
    {
      step = 1;
      if (top != NULL)
        *top = step;
      return step;
    }
  /* Start one decade under the step that would be too small and climb 1, 2, 5, 10, 20 … until
   * the steps fit. */
  magnitude = pow (10, floor (log10 (max / max_steps)) - 1);
  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          step = mantissas[i] * magnitude;
          if (whole && step < 1)
            continue;
          if (ceil (max / step - 1e-9) <= max_steps)
            {
              if (top != NULL)
                *top = ceil (max / step - 1e-9) * step;
              return step;
            }
        }
      magnitude *= 10;
    }
}

double
_kefu_chart_series_value (const KefuChartData *data,
                          guint                series,
                          guint                category)
{
  return kefu_chart_data_get_value (data, series, category);
}

/* A legend's swatch: a box of the bars' fill, or a stretch of line long enough to show its
 * dash. */
double
_kefu_chart_swatch_width (const KefuChartData *data,
                          double               s)
{
  return data->kind == KEFU_CHART_LINES ? s * 2 : s * 0.9;
}

void
_kefu_chart_compute_layout (const KefuChartData *data,
                            double               width,
                            double               height,
                            KefuChartLayout     *l)
{
  guint n_cat = data->categories->len;
  guint n_series = data->series->len;
  PangoContext *context = NULL;
  double pad, legend_h = 0, bottom, max = 0, min = G_MAXDOUBLE;
  double tick_w = 0, cat_w = 0;
  guint max_steps;
  gboolean any = FALSE;

  memset (l, 0, sizeof *l);
  l->s = data->text_size;
  l->empty = n_cat == 0 || n_series == 0;
  if (l->empty)
    return;

  for (guint c = 0; c < n_cat; c++)
    {
      double sum = 0;

      for (guint s = 0; s < n_series; s++)
        {
          double v = _kefu_chart_series_value (data, s, c);

          if (isnan (v))
            continue;
          any = TRUE;
          min = MIN (min, v);
          max = MAX (max, data->kind == KEFU_CHART_STACKED_BARS ? 0 : v);
          sum += MAX (v, 0);
        }
      if (data->kind == KEFU_CHART_STACKED_BARS)
        max = MAX (max, sum);
    }

  if (data->bare)
    {
      pad = MAX (1.5, MIN (width, height) * 0.08);
      l->plot_x = pad;
      l->plot_y = pad;
      l->plot_w = MAX (width - 2 * pad, 1);
      l->plot_h = MAX (height - 2 * pad, 1);
      l->slot = l->plot_w / n_cat;
      l->empty = !any;
      l->lo = any ? min : 0;
      l->top = any ? max : 1;
      if (l->top - l->lo < 1e-9)
        {
          l->lo -= 1;
          l->top += 1;
        }
      return;
    }

  context = _kefu_chart_measuring_context ();
  {
    g_autoptr(PangoLayout) probe = _kefu_chart_make_text (context, l->s, "0Hg", FALSE);
    int h;

    pango_layout_get_size (probe, NULL, &h);
    l->line_h = (double) h / PANGO_SCALE;
  }
  pad = l->s * 0.25;

  /* The legend, in words, flowing over as many rows as the width needs. */
  if (n_series > 1)
    {
      double x = pad, y = pad;

      for (guint s = 0; s < n_series; s++)
        {
          double w = _kefu_chart_swatch_width (data, l->s) + l->s * 0.4 +
                     _kefu_chart_text_width (context, l->s,
                                             kefu_chart_data_get_series_name (data, s), FALSE);

          if (x > pad && x + w > width - pad)
            {
              x = pad;
              y += l->line_h;
            }
          l->legend_x[s] = x;
          l->legend_y[s] = y;
          x += w + l->s * 1.2;
        }
      l->n_legend = n_series;
      legend_h = y + l->line_h - pad + l->s * 0.4;
    }

  /* The y axis's title over its values, room for the values over the tallest bar, half a line
   * for the top step's label; under the plot its labels, then the x axis's title. */
  l->y_title_y = pad + legend_h;
  l->plot_y = l->y_title_y + l->line_h / 2;
  if (data->y_title != NULL && data->y_title[0] != '\0')
    l->plot_y += l->line_h + l->s * 0.2;
  if (data->show_values && data->kind != KEFU_CHART_LINES)
    l->plot_y += l->line_h * 0.6;
  bottom = l->line_h + l->s * 0.3 + pad;
  l->x_title_y = height - pad - l->line_h;
  if (data->x_title != NULL && data->x_title[0] != '\0')
    bottom += l->line_h + l->s * 0.2;
  l->plot_h = MAX (height - l->plot_y - bottom, 1);

  /* As many steps as fit with room for their labels. */
  max_steps = CLAMP ((guint) floor (l->plot_h / (l->line_h * 1.6)), 1, MAX_STEPS);
  l->lo = 0;
  l->step = kefu_chart_nice_step (max, max_steps, data->unit == KEFU_CHART_UNIT_COUNT, &l->top);
  for (double v = 0; v <= l->top + l->step / 2; v += l->step)
    {
      g_autofree char *tick = _kefu_chart_format_tick (data->unit, v, l->step);

      tick_w = MAX (tick_w, _kefu_chart_text_width (context, l->s, tick, FALSE));
    }
  l->plot_x = pad + tick_w + l->s * 0.5;
  l->plot_w = MAX (width - l->plot_x - pad - l->s * 0.25, 1);
  l->slot = l->plot_w / n_cat;

  /* Every category's label while they fit side by side, else every n-th. */
  for (guint c = 0; c < n_cat; c++)
    cat_w = MAX (cat_w, _kefu_chart_text_width (context, l->s, data->categories->pdata[c],
                                    (int) c == data->highlight));
  l->label_every = 1;
  while (l->label_every < n_cat && l->slot * l->label_every < cat_w + l->s * 0.8)
    l->label_every++;
  l->label_room = MAX (l->slot * l->label_every - l->s * 0.5, l->s);
  g_object_unref (context);
}

double
_kefu_chart_value_y (const KefuChartLayout *l,
                     double                 v)
{
  return l->plot_y + l->plot_h - l->plot_h * (MAX (v, l->lo) - l->lo) / (l->top - l->lo);
}

double
_kefu_chart_point_x (const KefuChartLayout *l,
                     guint                  category,
                     guint                  n_categories,
                     gboolean               bare)
{
  /* A sparkline runs from edge to edge; a chart's points sit over their labels. */
  if (bare)
    return n_categories > 1 ? l->plot_x + l->plot_w * category / (n_categories - 1)
                            : l->plot_x + l->plot_w / 2;
  return l->plot_x + l->slot * (category + 0.5);
}

/* The bars' horizontal extent in category `c`: the whole group (BARS) or the stack. */
void
_kefu_chart_bar_geometry (const KefuChartData   *data,
                          const KefuChartLayout *l,
                          guint                  c,
                          double                *x,
                          double                *bar_w)
{
  guint n = data->series->len;

  if (data->kind == KEFU_CHART_BARS)
    {
      double group = MIN (l->slot * 0.72, l->s * 2.5 * n);

      *bar_w = group / n;
      *x = l->plot_x + l->slot * c + (l->slot - group) / 2;
    }
  else
    {
      *bar_w = MIN (l->slot * 0.66, l->s * 3.5);
      *x = l->plot_x + l->slot * c + (l->slot - *bar_w) / 2;
    }
}


gboolean
kefu_chart_get_category_area (const KefuChartData *data,
                              double               width,
                              double               height,
                              guint                category,
                              double              *x,
                              double              *y,
                              double              *area_width,
                              double              *area_height)
{
  KefuChartLayout l;

  g_return_val_if_fail (data != NULL, FALSE);

  _kefu_chart_compute_layout (data, width, height, &l);
  if (l.empty || data->bare || category >= data->categories->len)
    return FALSE;
  if (x != NULL)
    *x = l.plot_x + l.slot * category;
  if (y != NULL)
    *y = l.plot_y;
  if (area_width != NULL)
    *area_width = l.slot;
  if (area_height != NULL)
    *area_height = l.plot_h + l.line_h + l.s * 0.3;
  return TRUE;
}

gboolean
kefu_chart_hit_test (const KefuChartData *data,
                     double               width,
                     double               height,
                     double               x,
                     double               y,
                     int                 *category,
                     int                 *series)
{
  KefuChartLayout l;
  guint n_cat;
  int c, hit = -1;

  g_return_val_if_fail (data != NULL, FALSE);

  if (category != NULL)
    *category = -1;
  if (series != NULL)
    *series = -1;
  _kefu_chart_compute_layout (data, width, height, &l);
  if (l.empty || data->bare)
    return FALSE;
  n_cat = data->categories->len;
  /* The column of a category, its label under it included. */
  if (x < l.plot_x || x >= l.plot_x + l.plot_w || y < l.plot_y - l.line_h / 2 ||
      y > l.plot_y + l.plot_h + l.line_h + l.s * 0.3)
    return FALSE;
  c = CLAMP ((int) floor ((x - l.plot_x) / l.slot), 0, (int) n_cat - 1);

  if (data->kind == KEFU_CHART_LINES)
    {
      double best = MAX (l.s, 8);

      for (guint s = 0; s < data->series->len; s++)
        {
          double v = _kefu_chart_series_value (data, s, c);

          if (!isnan (v) && fabs (_kefu_chart_value_y (&l, v) - y) <= best)
            {
              best = fabs (_kefu_chart_value_y (&l, v) - y);
              hit = s;
            }
        }
    }
  else
    {
      double bx, bar_w;

      _kefu_chart_bar_geometry (data, &l, c, &bx, &bar_w);
      if (data->kind == KEFU_CHART_BARS)
        {
          if (x >= bx && x < bx + bar_w * data->series->len)
            {
              int s = (int) floor ((x - bx) / bar_w);
              double v = _kefu_chart_series_value (data, s, c);

              /* A short bar is hard to point at: its whole column above it counts. */
              if (!isnan (v) && y <= l.plot_y + l.plot_h)
                hit = s;
            }
        }
      else if (x >= bx && x < bx + bar_w)
        {
          double base = l.plot_y + l.plot_h;

          for (guint s = 0; s < data->series->len; s++)
            {
              double v = _kefu_chart_series_value (data, s, c);
              double h;

              if (isnan (v) || v <= 0)
                continue;
              h = l.plot_h * v / (l.top - l.lo);
              if (y <= base && y >= base - h)
                {
                  hit = s;
                  break;
                }
              base -= h;
            }
        }
    }
  if (category != NULL)
    *category = c;
  if (series != NULL)
    *series = hit;
  return TRUE;
}
