/* test-chart-draw.c: the charts drawn without GTK (src/report/kefu-chart-draw.h): round axis
 * steps, the text equivalent, the hit test against the drawn geometry, and the pixels of bars,
 * stacks, lines and an empty chart, never outside the chart's rectangle.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "report/kefu-chart-draw.h"
#include "report/kefu-chart-print.h"

static const KefuChartRgba black = { 0, 0, 0, 1 };

static KefuChartData *
make_calls (KefuChartKind kind)
{
  KefuChartData *data = kefu_chart_data_new ("Calls by hour of day", kind, KEFU_CHART_UNIT_COUNT);
  const double orders[] = { 12, 8 };
  const double complaints[] = { 5, 0 };
  const double inquiries[] = { 3, NAN };

  kefu_chart_data_add_category (data, "08:00");
  kefu_chart_data_add_category (data, "09:00");
  g_assert_cmpint (kefu_chart_data_add_series (data, "Orders", orders, 2), ==, 0);
  g_assert_cmpint (kefu_chart_data_add_series (data, "Complaints", complaints, 2), ==, 1);
  g_assert_cmpint (kefu_chart_data_add_series (data, "Inquiries", inquiries, 2), ==, 2);
  return data;
}

/* A single series of bars over four categories. */
static KefuChartData *
make_bars (const double values[4])
{
  KefuChartData *data = kefu_chart_data_new ("Load", KEFU_CHART_BARS, KEFU_CHART_UNIT_COUNT);

  kefu_chart_data_add_category (data, "Mon");
  kefu_chart_data_add_category (data, "Tue");
  kefu_chart_data_add_category (data, "Wed");
  kefu_chart_data_add_category (data, "Thu");
  kefu_chart_data_add_series (data, "Calls", values, 4);
  return data;
}

static void
test_nice_step (void)
{
  double top = 0;

  /* 0–7: one by one when there is room for eight steps, else by two up to 8. */
  g_assert_cmpfloat (kefu_chart_nice_step (7, 8, TRUE, &top), ==, 1);
  g_assert_cmpfloat (top, ==, 7);
  g_assert_cmpfloat (kefu_chart_nice_step (7, 5, TRUE, &top), ==, 2);
  g_assert_cmpfloat (top, ==, 8);
  /* 0–1234: 0, 500, 1000, 1500 in five steps at most; by 200 up to 1400 with eight. */
  g_assert_cmpfloat (kefu_chart_nice_step (1234, 5, TRUE, &top), ==, 500);
  g_assert_cmpfloat (top, ==, 1500);
  g_assert_cmpfloat (kefu_chart_nice_step (1234, 8, TRUE, &top), ==, 200);
  g_assert_cmpfloat (top, ==, 1400);
  /* Exactly on a step: the top is the maximum itself. */
  g_assert_cmpfloat (kefu_chart_nice_step (100, 5, TRUE, &top), ==, 20);
  g_assert_cmpfloat (top, ==, 100);
  /* Small values: counts never step by less than one, hours may. */
  g_assert_cmpfloat (kefu_chart_nice_step (2, 8, TRUE, &top), ==, 1);
  g_assert_cmpfloat (top, ==, 2);
  g_assert_cmpfloat (kefu_chart_nice_step (2, 8, FALSE, &top), ==, 0.5);
  g_assert_cmpfloat (top, ==, 2);
  g_assert_cmpfloat (fabs (kefu_chart_nice_step (0.3, 4, FALSE, &top) - 0.1), <, 1e-12);
  g_assert_cmpfloat (fabs (top - 0.3), <, 1e-12);
  /* Nothing to show: one step of one. */
  g_assert_cmpfloat (kefu_chart_nice_step (0, 5, TRUE, &top), ==, 1);
  g_assert_cmpfloat (top, ==, 1);
  /* Every step divides the top and fits the count asked for. */
  for (double max = 0.7; max < 1e6; max *= 1.37)
    for (guint n = 1; n <= 8; n++)
      {
        double step = kefu_chart_nice_step (max, n, FALSE, &top);
        double steps = top / step;

        g_assert_cmpfloat (top, >=, max);
        g_assert_cmpfloat (fabs (steps - round (steps)), <, 1e-6);
        g_assert_cmpfloat (round (steps), <=, n);
      }
}

static void
test_text (void)
{
  g_autoptr(KefuChartData) data = make_calls (KEFU_CHART_BARS);
  g_autoptr(KefuChartData) copy = NULL;
  g_autofree char *text = kefu_chart_data_to_text (data);
  g_autofree char *tooltip = kefu_chart_data_category_text (data, 1, 0);
  g_autofree char *stacked = NULL;
  g_autofree char *value = NULL;

  g_assert_cmpstr (text, ==,
                   "Calls by hour of day: 08:00 — Orders 12, Complaints 5, Inquiries 3; "
                   "09:00 — Orders 8, Complaints 0, Inquiries —.");
  g_assert_cmpstr (tooltip, ==, "09:00 · Orders: 8");

  kefu_chart_data_set_kind (data, KEFU_CHART_STACKED_BARS);
  stacked = kefu_chart_data_to_text (data);
  g_assert_cmpstr (stacked, ==,
                   "Calls by hour of day: 08:00 — Orders 12, Complaints 5, Inquiries 3, total 20; "
                   "09:00 — Orders 8, Complaints 0, Inquiries —, total 8.");

  copy = kefu_chart_data_copy (data);
  g_assert_true (kefu_chart_data_equal (data, copy));
  kefu_chart_data_set_value (copy, 2, 1, 4);
  g_assert_false (kefu_chart_data_equal (data, copy));
  g_assert_cmpfloat (kefu_chart_data_get_value (copy, 2, 1), ==, 4);

  /* Units in words. */
  value = kefu_chart_format_value (KEFU_CHART_UNIT_PERCENT, 12.46);
  g_assert_cmpstr (value, ==, "12.5%");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_HOURS, 3 + 20.0 / 60);
  g_assert_cmpstr (value, ==, "3 h 20 min");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_HOURS, 0.5);
  g_assert_cmpstr (value, ==, "30 min");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_HOURS, 2);
  g_assert_cmpstr (value, ==, "2 h");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_DAYS, 2.5);
  g_assert_cmpstr (value, ==, "2.5 days");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_DAYS, 1);
  g_assert_cmpstr (value, ==, "1 day");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_COUNT, 7);
  g_assert_cmpstr (value, ==, "7");
  g_free (value);
  value = kefu_chart_format_value (KEFU_CHART_UNIT_COUNT, 2.25);
  g_assert_cmpstr (value, ==, "2.2");
}

static void
test_change (void)
{
  static const struct {
    KefuChartUnit unit;
    double value, previous;
    const char *text;
    int direction;
  } cases[] = {
    { KEFU_CHART_UNIT_COUNT, 120, 100, "+20% on previous period", 1 },
    { KEFU_CHART_UNIT_COUNT, 88, 100, "−12% on previous period", -1 },
    { KEFU_CHART_UNIT_COUNT, 100.4, 100, "+0.4% on previous period", 1 },
    /* Small counts by difference. */
    { KEFU_CHART_UNIT_COUNT, 2, 5, "−3 on previous period", -1 },
    { KEFU_CHART_UNIT_COUNT, 7, 0, "new", 1 },
    { KEFU_CHART_UNIT_COUNT, 0, 0, "no change", 0 },
    { KEFU_CHART_UNIT_COUNT, 40, 40, "no change", 0 },
    { KEFU_CHART_UNIT_PERCENT, 92.5, 91, "+1.5 points on previous period", 1 },
    { KEFU_CHART_UNIT_HOURS, 3, 4, "−25% on previous period", -1 },
    { KEFU_CHART_UNIT_DAYS, 3, 2, "+50% on previous period", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int direction = 7;
      g_autofree char *text = kefu_chart_format_change (cases[i].unit, cases[i].value,
                                                        cases[i].previous, &direction);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (direction, ==, cases[i].direction);
    }
  g_assert_null (kefu_chart_format_change (KEFU_CHART_UNIT_COUNT, NAN, 3, NULL));
}

static cairo_surface_t *
draw (const KefuChartData    *data,
      const KefuChartPalette *palette,
      int                     width,
      int                     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  kefu_chart_draw (cr, data, width, height, palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at x, y as 0xRRGGBB (premultiplied, so only meaningful where it is opaque) and its
 * alpha. */
static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint           *alpha)
{
  const guchar *row = cairo_image_surface_get_data (surface) +
                      y * cairo_image_surface_get_stride (surface);
  guint32 argb = ((const guint32 *) row)[x];

  if (alpha != NULL)
    *alpha = argb >> 24;
  return argb & 0xffffff;
}

static guint32
rgb_of (const KefuChartRgba *c)
{
  return ((guint32) round (c->red * 255) << 16) | ((guint32) round (c->green * 255) << 8) |
         (guint32) round (c->blue * 255);
}

static void
test_hit (void)
{
  const double values[] = { 4, 10, 5, 10 };
  g_autoptr(KefuChartData) data = make_bars (values);
  double x[4], y[4], w[4], h[4];
  int category, series;

  for (guint c = 0; c < 4; c++)
    g_assert_true (kefu_chart_get_category_area (data, 400, 200, c, &x[c], &y[c], &w[c], &h[c]));
  g_assert_false (kefu_chart_get_category_area (data, 400, 200, 4, NULL, NULL, NULL, NULL));
  /* Four equal columns side by side inside the chart. */
  g_assert_cmpfloat (x[0], >, 0);
  g_assert_cmpfloat (x[3] + w[3], <=, 400);
  g_assert_cmpfloat (y[0] + h[0], <=, 200);
  for (guint c = 1; c < 4; c++)
    {
      g_assert_cmpfloat (fabs (x[c] - (x[c - 1] + w[c - 1])), <, 1e-9);
      g_assert_cmpfloat (fabs (w[c] - w[0]), <, 1e-9);
    }

  /* The middle of the third column, near its foot: the bar of the only series. */
  g_assert_true (kefu_chart_hit_test (data, 400, 200, x[2] + w[2] / 2, y[2] + h[2] * 0.7,
                                      &category, &series));
  g_assert_cmpint (category, ==, 2);
  g_assert_cmpint (series, ==, 0);
  /* The edge of a column is the gap between bars: the category, no series. */
  g_assert_true (kefu_chart_hit_test (data, 400, 200, x[1] + 1, y[1] + h[1] * 0.7, &category,
                                      &series));
  g_assert_cmpint (category, ==, 1);
  g_assert_cmpint (series, ==, -1);
  /* Left of the plot (the axis's numbers) and below the labels: nothing. */
  g_assert_false (kefu_chart_hit_test (data, 400, 200, 1, 100, &category, &series));
  g_assert_cmpint (category, ==, -1);
  g_assert_false (kefu_chart_hit_test (data, 400, 200, x[0] + 2, 199.5, &category, &series));

  /* Stacks: the bottom segment is the first series, the top one the last. */
  {
    g_autoptr(KefuChartData) calls = make_calls (KEFU_CHART_STACKED_BARS);
    double cx, cy, cw, ch, base;

    g_assert_true (kefu_chart_get_category_area (calls, 400, 300, 0, &cx, &cy, &cw, &ch));
    /* The plot's foot: scanning the hit test up the column from under its label. */
    base = cy + ch;
    while (base > cy && !(kefu_chart_hit_test (calls, 400, 300, cx + cw / 2, base, &category,
                                               &series) && series == 0))
      base -= 0.5;
    g_assert_cmpfloat (base, >, cy);
    g_assert_cmpint (category, ==, 0);
    /* Orders 12 of a total 20 on an axis to 20: the bottom 60% of the stack. */
    g_assert_true (kefu_chart_hit_test (calls, 400, 300, cx + cw / 2, base - 2, &category,
                                        &series));
    g_assert_cmpint (series, ==, 0);
    g_assert_true (kefu_chart_hit_test (calls, 400, 300, cx + cw / 2, cy + 2, &category,
                                        &series));
    g_assert_cmpint (series, ==, 2);
  }
}

static void
test_pixels (void)
{
  const double values[] = { 0, 10, 5, 10 };
  g_autoptr(KefuChartData) data = make_bars (values);
  KefuChartPalette palette;
  cairo_surface_t *surface;
  double x[4], y[4], w[4], h[4];
  guint32 blue;
  guint alpha;
  int foot = -1, top_of_ten = -1;

  kefu_chart_palette_init_screen (&palette, &black, FALSE, FALSE);
  blue = rgb_of (&palette.series[0]);
  surface = draw (data, &palette, 400, 200);
  for (guint c = 0; c < 4; c++)
    g_assert_true (kefu_chart_get_category_area (data, 400, 200, c, &x[c], &y[c], &w[c], &h[c]));

  /* Down the middle of the second column: background, then the bar to its foot. */
  for (int py = (int) y[1]; py < (int) (y[1] + h[1]); py++)
    if (pixel (surface, (int) (x[1] + w[1] / 2), py, &alpha) == blue && alpha == 255)
      {
        if (top_of_ten < 0)
          top_of_ten = py;
        foot = py;
      }
  g_assert_cmpint (top_of_ten, >=, 0);
  /* Ten is the axis's top: the bar fills the plot's height. */
  g_assert_cmpint (top_of_ten, <=, (int) y[1] + 2);
  g_assert_cmpint (foot - top_of_ten, >, 100);
  /* Five is half as tall: blue at the foot, background at three quarters up. */
  g_assert_cmpuint (pixel (surface, (int) (x[2] + w[2] / 2), foot - 3, &alpha), ==, blue);
  g_assert_cmpuint (alpha, ==, 255);
  pixel (surface, (int) (x[2] + w[2] / 2), foot - (foot - top_of_ten) * 3 / 4, &alpha);
  g_assert_cmpuint (alpha, <, 100);
  /* Nothing where the value is 0, nor between the bars. */
  g_assert_cmpuint (pixel (surface, (int) (x[0] + w[0] / 2), foot - 3, &alpha), !=, blue);
  g_assert_cmpuint (pixel (surface, (int) x[1] + 1, foot - 3, &alpha), !=, blue);
  cairo_surface_destroy (surface);

  /* In the dark style the same bar takes a lighter blue. */
  {
    static const KefuChartRgba white = { 1, 1, 1, 1 };
    KefuChartPalette dark;

    kefu_chart_palette_init_screen (&dark, &white, TRUE, FALSE);
    g_assert_cmpuint (rgb_of (&dark.series[0]), !=, blue);
    surface = draw (data, &dark, 400, 200);
    g_assert_cmpuint (pixel (surface, (int) (x[1] + w[1] / 2), foot - 3, &alpha), ==,
                      rgb_of (&dark.series[0]));
    cairo_surface_destroy (surface);
  }

  /* Stacks: the second series' colour sits over the first's. */
  {
    g_autoptr(KefuChartData) calls = make_calls (KEFU_CHART_STACKED_BARS);
    double cx, cy, cw, ch;
    gboolean seen_first = FALSE, second_above = FALSE;

    surface = draw (calls, &palette, 400, 300);
    g_assert_true (kefu_chart_get_category_area (calls, 400, 300, 0, &cx, &cy, &cw, &ch));
    for (int py = (int) (cy + ch); py > (int) cy; py--)
      {
        guint32 p = pixel (surface, (int) (cx + cw / 2), py, &alpha);

        if (alpha != 255)
          continue;
        if (p == rgb_of (&palette.series[0]))
          seen_first = TRUE;
        else if (p == rgb_of (&palette.series[1]) && seen_first)
          second_above = TRUE;
      }
    g_assert_true (seen_first);
    g_assert_true (second_above);
    cairo_surface_destroy (surface);
  }
}

/* A bar's value over it when asked for, nothing there otherwise; the axes' titles take room
 * from the plot. */
static void
test_values (void)
{
  const double values[] = { 0, 10, 5, 10 };
  g_autoptr(KefuChartData) data = make_bars (values);
  KefuChartPalette palette;
  double x0, y0, w0, h0, x1, y1, w1, h1;

  kefu_chart_palette_init_screen (&palette, &black, FALSE, FALSE);
  for (guint shown = 0; shown < 2; shown++)
    {
      cairo_surface_t *surface;
      double x, y, w, h;
      int top = -1;
      guint ink = 0;

      kefu_chart_data_set_show_values (data, shown);
      surface = draw (data, &palette, 400, 240);
      g_assert_true (kefu_chart_get_category_area (data, 400, 240, 2, &x, &y, &w, &h));
      /* The top of the bar of 5, then what is drawn in the two lines of text over it. */
      for (int py = (int) y; py < (int) (y + h) && top < 0; py++)
        if (pixel (surface, (int) (x + w / 2), py, NULL) == rgb_of (&palette.series[0]))
          top = py;
      g_assert_cmpint (top, >, (int) y);
      for (int py = MAX (top - 20, 0); py < top - 1; py++)
        for (int px = (int) (x + w / 2) - 8; px < (int) (x + w / 2) + 8; px++)
          {
            guint alpha;

            pixel (surface, px, py, &alpha);
            /* Grid lines are faint; text is dark. */
            if (alpha > 128)
              ink++;
          }
      if (shown)
        g_assert_cmpuint (ink, >, 5);
      else
        g_assert_cmpuint (ink, ==, 0);
      cairo_surface_destroy (surface);
    }

  g_assert_true (kefu_chart_get_category_area (data, 400, 240, 2, &x0, &y0, &w0, &h0));
  kefu_chart_data_set_axis_titles (data, "Day", "Calls");
  g_assert_cmpstr (kefu_chart_data_get_x_title (data), ==, "Day");
  g_assert_true (kefu_chart_get_category_area (data, 400, 240, 2, &x1, &y1, &w1, &h1));
  g_assert_cmpfloat (y1, >, y0);
  g_assert_cmpfloat (y1 + h1, <, y0 + h0);
}

/* No pixel outside the chart's rectangle, whatever its size and content. */
static void
test_bounds (void)
{
  static const struct { int w, h; } sizes[] = {
    { 400, 200 }, { 90, 60 }, { 40, 300 }, { 600, 30 },
  };
  KefuChartPalette palette;
  g_autoptr(KefuChartData) many = kefu_chart_data_new ("Calls by hour of day", KEFU_CHART_LINES,
                                                       KEFU_CHART_UNIT_PERCENT);
  g_autoptr(KefuChartData) calls = make_calls (KEFU_CHART_BARS);

  kefu_chart_palette_init_print (&palette);
  palette.background.alpha = 0;
  for (guint c = 0; c < 24; c++)
    {
      g_autofree char *label = g_strdup_printf ("%02u:00", c);

      kefu_chart_data_add_category (many, label);
    }
  for (guint s = 0; s < 3; s++)
    {
      double values[24];

      for (guint c = 0; c < 24; c++)
        values[c] = 50 + 40 * sin (c / 3.0 + s);
      kefu_chart_data_add_series (many, s == 0 ? "A long series name" : "Another", values, 24);
    }
  kefu_chart_data_set_highlight (many, 9);

  for (guint d = 0; d < 2; d++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        const KefuChartData *data = d == 0 ? many : calls;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               sizes[i].w + 100, sizes[i].h + 100);
        cairo_t *cr = cairo_create (surface);
        guint inside = 0;

        cairo_translate (cr, 50, 50);
        kefu_chart_draw (cr, data, sizes[i].w, sizes[i].h, &palette);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        for (int py = 0; py < sizes[i].h + 100; py++)
          for (int px = 0; px < sizes[i].w + 100; px++)
            {
              guint alpha;
              gboolean in = px >= 50 && px < 50 + sizes[i].w && py >= 50 && py < 50 + sizes[i].h;

              pixel (surface, px, py, &alpha);
              if (!in)
                g_assert_cmpuint (alpha, ==, 0);
              else if (alpha > 0)
                inside++;
            }
        g_assert_cmpuint (inside, >, 0);
        cairo_surface_destroy (surface);
      }
}

static void
test_empty (void)
{
  g_autoptr(KefuChartData) data = kefu_chart_data_new ("Complaints by stage", KEFU_CHART_BARS,
                                                       KEFU_CHART_UNIT_COUNT);
  g_autofree char *text = kefu_chart_data_to_text (data);
  KefuChartPalette palette;
  cairo_surface_t *surface;
  guint middle = 0, edges = 0;
  int category, series;

  g_assert_cmpstr (text, ==, "Complaints by stage: No data.");
  kefu_chart_palette_init_screen (&palette, &black, FALSE, FALSE);
  surface = draw (data, &palette, 300, 150);
  /* "No data" in the middle, nothing else. */
  for (int py = 0; py < 150; py++)
    for (int px = 0; px < 300; px++)
      {
        guint alpha;

        pixel (surface, px, py, &alpha);
        if (alpha == 0)
          continue;
        if (px > 75 && px < 225 && py > 50 && py < 100)
          middle++;
        else
          edges++;
      }
  g_assert_cmpuint (middle, >, 20);
  g_assert_cmpuint (edges, ==, 0);
  cairo_surface_destroy (surface);
  g_assert_false (kefu_chart_hit_test (data, 300, 150, 150, 75, &category, &series));
}

/* A sparkline: a line from edge to edge, nothing else; and the print palette into a PDF. */
static void
test_bare_and_print (void)
{
  const double values[] = { 3, 5, 4, 8, 6, 9 };
  g_autoptr(KefuChartData) line = kefu_chart_data_new (NULL, KEFU_CHART_LINES,
                                                       KEFU_CHART_UNIT_COUNT);
  g_autoptr(KefuChartData) calls = make_calls (KEFU_CHART_STACKED_BARS);
  KefuChartPalette palette;
  cairo_surface_t *surface;
  guint alpha, left = 0, right = 0;
  g_autofree char *path = NULL;
  int fd;
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    kefu_chart_data_add_category (line, "");
  kefu_chart_data_add_series (line, NULL, values, G_N_ELEMENTS (values));
  kefu_chart_data_set_bare (line, TRUE);
  kefu_chart_palette_init_screen (&palette, &black, FALSE, FALSE);
  surface = draw (line, &palette, 80, 30);
  /* The lowest value (left) sits low, the highest (right) high. */
  for (int py = 0; py < 30; py++)
    {
      pixel (surface, 4, py, &alpha);
      if (alpha > 128)
        left = MAX (left, (guint) py);
      pixel (surface, 74, py, &alpha);
      if (alpha > 128 && right == 0)
        right = py;
    }
  g_assert_cmpuint (left, >, 20);
  g_assert_cmpuint (right, >, 0);
  g_assert_cmpuint (right, <, 10);
  g_assert_false (kefu_chart_hit_test (line, 80, 30, 40, 15, NULL, NULL));
  cairo_surface_destroy (surface);

  fd = g_file_open_tmp ("kefu-chart-XXXXXX.pdf", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  kefu_chart_palette_init_print (&palette);
  g_assert_cmpint (palette.fill[1], !=, palette.fill[0]);
  surface = cairo_pdf_surface_create (path, 400, 250);
  {
    cairo_t *cr = cairo_create (surface);

    kefu_chart_draw (cr, calls, 400, 250, &palette);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
  }
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_unlink (path);
}

/* A chart in a printed document: drawn on the page, its words in the page's text, and a PDF
 * written. With KEFU_TEST_SHOTS=DIR the page is saved as a picture. */
static void
test_document (void)
{
  g_autoptr(KefuPrintDocument) document = kefu_print_document_new ("Dashboard", "2026-11");
  g_autoptr(KefuChartData) calls = make_calls (KEFU_CHART_STACKED_BARS);
  g_autoptr(KefuChartData) lines = kefu_chart_data_new ("Share resolved within deadline",
                                                        KEFU_CHART_LINES,
                                                        KEFU_CHART_UNIT_PERCENT);
  g_autofree char *expected = kefu_chart_data_to_text (calls);
  g_autofree char *page = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *shots = g_getenv ("KEFU_TEST_SHOTS");
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;
  int fd;

  for (guint d = 0; d < 30; d++)
    {
      g_autofree char *label = g_strdup_printf ("11-%02u", d + 1);

      kefu_chart_data_add_category (lines, label);
    }
  for (guint s = 0; s < 3; s++)
    {
      double values[30];

      for (guint d = 0; d < 30; d++)
        values[d] = 70 + 20 * sin (d / 4.0 + s);
      kefu_chart_data_add_series (lines, s == 0 ? "Complaints" : s == 1 ? "Callbacks" : "Jobs",
                                  values, 30);
    }

  kefu_print_document_add_header (document);
  kefu_print_document_add_heading (document, "Calls by hour of day");
  kefu_chart_add_to_document (document, calls, 200);
  kefu_print_document_add_heading (document, "Share resolved within deadline");
  kefu_chart_add_to_document (document, lines, 200);

  /* A4 at twice 72 dpi, on white. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595 * 2, 842 * 2);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  cairo_translate (cr, 40, 40);
  n_pages = kefu_print_document_paginate (document, cr, 515, 762);
  g_assert_cmpuint (n_pages, ==, 1);
  kefu_print_document_draw_page (document, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  page = kefu_print_document_page_text (document, 0);
  g_assert_nonnull (strstr (page, expected));
  if (shots != NULL)
    {
      g_autofree char *png = g_build_filename (shots, "chart-pdf-page.png", NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_surface_destroy (surface);

  fd = g_file_open_tmp ("kefu-chart-doc-XXXXXX.pdf", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (kefu_print_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/chart/nice-step", test_nice_step);
  g_test_add_func ("/kefu/chart/text", test_text);
  g_test_add_func ("/kefu/chart/change", test_change);
  g_test_add_func ("/kefu/chart/hit-test", test_hit);
  g_test_add_func ("/kefu/chart/pixels", test_pixels);
  g_test_add_func ("/kefu/chart/values", test_values);
  g_test_add_func ("/kefu/chart/bounds", test_bounds);
  g_test_add_func ("/kefu/chart/empty", test_empty);
  g_test_add_func ("/kefu/chart/bare-and-print", test_bare_and_print);
  g_test_add_func ("/kefu/chart/document", test_document);
  return g_test_run ();
}
