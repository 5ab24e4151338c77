/* kefu-chart-draw.c: drawing a KefuChartData with cairo and Pango (kefu-chart-draw.h), in the
 * places kefu-chart-layout.c gives its parts.
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

static void
set_rgba (cairo_t             *cr,
          const KefuChartRgba *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_dash (cairo_t       *cr,
          KefuChartFill  fill,
          double         w)
{
  static const double hatch[] = { 6, 3 };
  static const double cross[] = { 2, 2 };
  static const double dots[] = { 0.1, 3 };
  static const double vertical[] = { 8, 2, 2, 2 };
  static const double horizontal[] = { 12, 4 };
  const double *dash = NULL;
  int n = 0;
  double scaled[4];

  switch (fill)
    {
    case KEFU_CHART_FILL_HATCH: dash = hatch; n = 2; break;
    case KEFU_CHART_FILL_CROSS: dash = cross; n = 2; break;
    case KEFU_CHART_FILL_DOTS: dash = dots; n = 2; break;
    case KEFU_CHART_FILL_VERTICAL: dash = vertical; n = 4; break;
    case KEFU_CHART_FILL_HORIZONTAL: dash = horizontal; n = 2; break;
    case KEFU_CHART_FILL_SOLID:
    default:
      break;
    }
  for (int i = 0; i < n; i++)
    scaled[i] = dash[i] * w / 1.5;
  cairo_set_dash (cr, n > 0 ? scaled : NULL, n, 0);
}

static void
fill_box (cairo_t                *cr,
          const KefuChartPalette *palette,
          guint                   series,
          double                  x,
          double                  y,
          double                  w,
          double                  h)
{
  KefuChartFill fill = palette->fill[series];

  if (w <= 0 || h <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  set_rgba (cr, &palette->series[series]);
  cairo_fill_preserve (cr);
  if (fill != KEFU_CHART_FILL_SOLID)
    {
      /* The pattern inside the box only: a clip of its own within the chart's. */
      cairo_save (cr);
      cairo_clip (cr);
      set_rgba (cr, &palette->ink);
      cairo_set_line_width (cr, 0.6);
      for (double d = -h; d < w + h; d += 3.5)
        switch (fill)
          {
          case KEFU_CHART_FILL_HATCH:
          case KEFU_CHART_FILL_CROSS:
            cairo_move_to (cr, x + d, y + h);
            cairo_line_to (cr, x + d + h, y);
            if (fill == KEFU_CHART_FILL_CROSS)
              {
                cairo_move_to (cr, x + d, y);
                cairo_line_to (cr, x + d + h, y + h);
              }
            break;
          case KEFU_CHART_FILL_VERTICAL:
            cairo_move_to (cr, x + d + h, y);
            cairo_line_to (cr, x + d + h, y + h);
            break;
          case KEFU_CHART_FILL_HORIZONTAL:
            cairo_move_to (cr, x, y + d + w);
            cairo_line_to (cr, x + w, y + d + w);
            break;
          case KEFU_CHART_FILL_DOTS:
            for (double e = 1.75; e < h; e += 3.5)
              cairo_rectangle (cr, x + d + h, y + e, 0.9, 0.9);
            break;
          case KEFU_CHART_FILL_SOLID:
          default:
            break;
          }
      if (fill == KEFU_CHART_FILL_DOTS)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
      cairo_restore (cr);
      /* Patterned boxes get an outline: a white box on white paper is otherwise lost. */
      set_rgba (cr, &palette->ink);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, x + 0.3, y + 0.3, MAX (w - 0.6, 0), MAX (h - 0.6, 0));
      cairo_stroke (cr);
    }
  else
    cairo_new_path (cr);
  cairo_restore (cr);
}

/* Text with its left edge at x (clamped into the chart's width) and its top at y. */
static void
draw_text (cairo_t             *cr,
           const KefuChartLayout        *l,
           const char          *text,
           double               x,
           double               y,
           double               align,
           gboolean             bold,
           double               max_width,
           double               chart_width,
           const KefuChartRgba *colour)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int w;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (font, l->s * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &w, NULL);
  x -= align * w / PANGO_SCALE;
  x = CLAMP (x, 0, MAX (chart_width - (double) w / PANGO_SCALE, 0));
  set_rgba (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_bare (cairo_t                *cr,
           const KefuChartData    *data,
           const KefuChartLayout           *l,
           const KefuChartPalette *palette)
{
  guint n = data->categories->len;
  double lw = MAX (1.5, l->plot_h / 14);

  cairo_set_line_width (cr, lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < data->series->len; s++)
    {
      gboolean pen_down = FALSE;
      int last = -1;

      set_rgba (cr, &palette->line[s]);
      for (guint c = 0; c < n; c++)
        {
          double v = _kefu_chart_series_value (data, s, c);

          if (isnan (v))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, _kefu_chart_point_x (l, c, n, TRUE), _kefu_chart_value_y (l, v));
          else
            cairo_move_to (cr, _kefu_chart_point_x (l, c, n, TRUE), _kefu_chart_value_y (l, v));
          pen_down = TRUE;
          last = c;
        }
      cairo_stroke (cr);
      /* The latest value as a dot: the figure the tile shows. */
      if (last >= 0)
        {
          double v = _kefu_chart_series_value (data, s, last);

          cairo_arc (cr, _kefu_chart_point_x (l, last, n, TRUE), _kefu_chart_value_y (l, v),
                     lw * 1.3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_series (cairo_t                *cr,
             const KefuChartData    *data,
             const KefuChartLayout           *l,
             const KefuChartPalette *palette)
{
  guint n_cat = data->categories->len;
  guint n_series = data->series->len;

  if (data->kind == KEFU_CHART_LINES)
    {
      double lw = MAX (1.5, l->s / 6);

      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint s = 0; s < n_series; s++)
        {
          gboolean pen_down = FALSE;

          cairo_set_line_width (cr, lw);
          set_dash (cr, palette->fill[s], lw);
          set_rgba (cr, &palette->line[s]);
          for (guint c = 0; c < n_cat; c++)
            {
              double v = _kefu_chart_series_value (data, s, c);

              if (isnan (v))
                {
                  pen_down = FALSE;
                  continue;
                }
              if (pen_down)
                cairo_line_to (cr, _kefu_chart_point_x (l, c, n_cat, FALSE),
                               _kefu_chart_value_y (l, v));
              else
                cairo_move_to (cr, _kefu_chart_point_x (l, c, n_cat, FALSE),
                               _kefu_chart_value_y (l, v));
              pen_down = TRUE;
            }
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          /* Points while they stand apart, so that a single value (no line) shows too. */
          if (l->slot >= lw * 4 || n_cat == 1)
            for (guint c = 0; c < n_cat; c++)
              {
                double v = _kefu_chart_series_value (data, s, c);

                if (isnan (v))
                  continue;
                cairo_arc (cr, _kefu_chart_point_x (l, c, n_cat, FALSE),
                           _kefu_chart_value_y (l, v), lw * 1.5, 0,
                           2 * G_PI);
                cairo_fill (cr);
              }
        }
      return;
    }

  for (guint c = 0; c < n_cat; c++)
    {
      double x, bar_w, base = l->plot_y + l->plot_h;

      _kefu_chart_bar_geometry (data, l, c, &x, &bar_w);
      for (guint s = 0; s < n_series; s++)
        {
          double v = _kefu_chart_series_value (data, s, c);
          double h;

          if (isnan (v) || v <= 0)
            continue;
          h = l->plot_h * v / (l->top - l->lo);
          if (data->kind == KEFU_CHART_BARS)
            {
              /* A hairline between neighbouring bars of a group. */
              double gap = n_series > 1 ? MIN (1.0, bar_w * 0.15) : 0;

              fill_box (cr, palette, s, x + bar_w * s, base - h, bar_w - gap, h);
            }
          else
            {
              /* Segments above the first stand a hairline off the one below. */
              double gap = base < l->plot_y + l->plot_h && h > 2 ? 1.0 : 0;

              fill_box (cr, palette, s, x, base - h, bar_w, h - gap);
              base -= h;
            }
        }
    }
}

/* Each bar's value (a stack's total) over it, where it fits. */
static void
draw_values (cairo_t                *cr,
             const KefuChartData    *data,
             const KefuChartLayout  *l,
             const KefuChartPalette *palette,
             double                  width)
{
  guint n_series = data->series->len;
  PangoContext *context;

  if (!data->show_values || data->kind == KEFU_CHART_LINES)
    return;
  context = _kefu_chart_measuring_context ();
  for (guint c = 0; c < data->categories->len; c++)
    {
      double x, bar_w, total = 0;
      gboolean any = FALSE;

      _kefu_chart_bar_geometry (data, l, c, &x, &bar_w);
      for (guint s = 0; s < n_series; s++)
        {
          double v = _kefu_chart_series_value (data, s, c);
          g_autofree char *text = NULL;
          double room;

          if (isnan (v))
            continue;
          any = TRUE;
          total += MAX (v, 0);
          if (data->kind == KEFU_CHART_STACKED_BARS)
            continue;
          text = kefu_chart_format_value (data->unit, v);
          room = n_series == 1 ? l->slot - l->s * 0.2 : bar_w + l->s * 0.1;
          if (_kefu_chart_text_width (context, l->s, text, FALSE) > room)
            continue;
          draw_text (cr, l, text, x + bar_w * (s + 0.5),
                     _kefu_chart_value_y (l, v) - l->line_h - l->s * 0.1, 0.5, FALSE, 0, width,
                     &palette->foreground);
        }
      if (data->kind == KEFU_CHART_STACKED_BARS && any)
        {
          g_autofree char *text = kefu_chart_format_value (data->unit, total);

          if (_kefu_chart_text_width (context, l->s, text, FALSE) <= l->slot - l->s * 0.2)
            draw_text (cr, l, text, x + bar_w / 2,
                       _kefu_chart_value_y (l, total) - l->line_h - l->s * 0.1, 0.5, FALSE, 0,
                       width, &palette->foreground);
        }
    }
  g_object_unref (context);
}

void
kefu_chart_draw (cairo_t                *cr,
                 const KefuChartData    *data,
                 double                  width,
                 double                  height,
                 const KefuChartPalette *palette)
{
  KefuChartLayout l;
  guint n_cat;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (palette != NULL);

  if (width <= 0 || height <= 0)
    return;
  _kefu_chart_compute_layout (data, width, height, &l);
  n_cat = data->categories->len;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (palette->background.alpha > 0)
    {
      set_rgba (cr, &palette->background);
      cairo_paint (cr);
    }

  if (l.empty)
    {
      if (!data->bare)
        {
          PangoContext *context = _kefu_chart_measuring_context ();
          const char *text = _("No data");
          double w = _kefu_chart_text_width (context, l.s, text, FALSE);

          g_object_unref (context);
          draw_text (cr, &l, text, (width - w) / 2, (height - l.s * 1.3) / 2, 0, FALSE, width,
                     width, &palette->foreground);
        }
      cairo_restore (cr);
      return;
    }
  if (data->bare)
    {
      draw_bare (cr, data, &l, palette);
      cairo_restore (cr);
      return;
    }

  /* The highlighted category's band, under everything. */
  if (data->highlight >= 0 && (guint) data->highlight < n_cat)
    {
      KefuChartRgba band = palette->grid;

      band.alpha *= 0.6;
      set_rgba (cr, &band);
      cairo_rectangle (cr, l.plot_x + l.slot * data->highlight, l.plot_y, l.slot, l.plot_h);
      cairo_fill (cr);
    }

  /* Grid lines at every step, with their values. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= l.top + l.step / 2; v += l.step)
    {
      double y = round (_kefu_chart_value_y (&l, v)) + 0.5;
      g_autofree char *tick = _kefu_chart_format_tick (data->unit, v, l.step);

      set_rgba (cr, &palette->grid);
      cairo_move_to (cr, l.plot_x, y);
      cairo_line_to (cr, l.plot_x + l.plot_w, y);
      cairo_stroke (cr);
      draw_text (cr, &l, tick, l.plot_x - l.s * 0.5, y - l.line_h / 2, 1, FALSE, 0, width,
                 &palette->foreground);
    }

  draw_series (cr, data, &l, palette);

  draw_values (cr, data, &l, palette, width);
  if (data->y_title != NULL && data->y_title[0] != '\0')
    draw_text (cr, &l, data->y_title, 0, l.y_title_y, 0, TRUE, 0, width, &palette->foreground);
  if (data->x_title != NULL && data->x_title[0] != '\0')
    draw_text (cr, &l, data->x_title, l.plot_x + l.plot_w / 2, l.x_title_y, 0.5, TRUE, l.plot_w,
               width, &palette->foreground);

  /* The base line over the bars' feet. */
  set_rgba (cr, &palette->foreground);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, l.plot_x, round (l.plot_y + l.plot_h) + 0.5);
  cairo_line_to (cr, l.plot_x + l.plot_w, round (l.plot_y + l.plot_h) + 0.5);
  cairo_stroke (cr);

  for (guint c = 0; c < n_cat; c += l.label_every)
    if (data->highlight < 0 || (int) c == data->highlight ||
        (guint) ABS ((int) c - data->highlight) >= l.label_every)
      draw_text (cr, &l, data->categories->pdata[c], l.plot_x + l.slot * (c + 0.5),
               l.plot_y + l.plot_h + l.s * 0.3, 0.5, (int) c == data->highlight, l.label_room,
               width, &palette->foreground);
  /* A highlighted category skipped by the thinning keeps its label, and its neighbours give
   * way to it. */
  if (data->highlight >= 0 && (guint) data->highlight < n_cat &&
      data->highlight % l.label_every != 0)
    {
      draw_text (cr, &l, data->categories->pdata[data->highlight],
                 l.plot_x + l.slot * (data->highlight + 0.5), l.plot_y + l.plot_h + l.s * 0.3,
                 0.5, TRUE, l.label_room, width, &palette->foreground);
    }

  for (guint s = 0; s < l.n_legend; s++)
    {
      double sw = l.s * 0.9;
      double y = l.legend_y[s] + (l.line_h - sw) / 2;

      if (data->kind == KEFU_CHART_LINES)
        {
          double lw = MAX (1.5, l.s / 6);

          cairo_set_line_width (cr, lw);
          set_dash (cr, palette->fill[s], lw);
          set_rgba (cr, &palette->line[s]);
          cairo_move_to (cr, l.legend_x[s], y + sw / 2);
          cairo_line_to (cr, l.legend_x[s] + _kefu_chart_swatch_width (data, l.s), y + sw / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        fill_box (cr, palette, s, l.legend_x[s], y, sw, sw);
      draw_text (cr, &l, kefu_chart_data_get_series_name (data, s),
                 l.legend_x[s] + _kefu_chart_swatch_width (data, l.s) + l.s * 0.4,
                 l.legend_y[s], 0, FALSE, 0, width,
                 &palette->foreground);
    }
  cairo_restore (cr);
}
