/* kefu-chart-draw.h: Kefu's charts, drawn with cairo and Pango without GTK, so that the
 * dashboard's chart widget (widgets/kefu-chart.h), the PDF reports and kefuctl draw the same
 * picture: bars, stacked bars or lines over categories, an axis with round steps, a legend in
 * words, and the chart's text equivalent for screen readers and printed reports.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A chart has at most this many series: more would not be told apart by colour or pattern. */
#define KEFU_CHART_MAX_SERIES 6

typedef enum
{
  KEFU_CHART_BARS,            /* a bar per series side by side in each category */
  KEFU_CHART_STACKED_BARS,    /* the series stacked in one bar per category */
  KEFU_CHART_LINES,           /* a line per series through the categories */
} KefuChartKind;

/* How values read on the axis and in words. */
typedef enum
{
  KEFU_CHART_UNIT_COUNT,      /* 12 */
  KEFU_CHART_UNIT_PERCENT,    /* 12.5% (values 0–100) */
  KEFU_CHART_UNIT_HOURS,      /* 3 h 20 min (values in hours) */
  KEFU_CHART_UNIT_DAYS,       /* 2.5 days (values in days) */
} KefuChartUnit;

/* How a series' bars are filled besides their colour, so that a black-and-white printer (or a
 * person who does not tell the colours apart) keeps the series apart. Lines take the matching
 * dash. */
typedef enum
{
  KEFU_CHART_FILL_SOLID,
  KEFU_CHART_FILL_HATCH,
  KEFU_CHART_FILL_CROSS,
  KEFU_CHART_FILL_DOTS,
  KEFU_CHART_FILL_VERTICAL,
  KEFU_CHART_FILL_HORIZONTAL,
} KefuChartFill;

GType kefu_chart_kind_get_type (void) G_GNUC_CONST;
GType kefu_chart_unit_get_type (void) G_GNUC_CONST;
#define KEFU_TYPE_CHART_KIND (kefu_chart_kind_get_type ())
#define KEFU_TYPE_CHART_UNIT (kefu_chart_unit_get_type ())

typedef struct
{
  double red, green, blue, alpha;
} KefuChartRgba;

/* The colours a chart is drawn in, chosen by the caller: the widget takes them from its style
 * (light, dark, high contrast), a printed report from kefu_chart_palette_init_print (). */
typedef struct
{
  KefuChartRgba foreground;   /* text and axis */
  KefuChartRgba grid;         /* grid lines and the highlighted category's band */
  KefuChartRgba background;   /* painted first unless fully transparent; also the gap
                               * between stacked segments */
  KefuChartRgba series[KEFU_CHART_MAX_SERIES];   /* bars' fill */
  KefuChartRgba line[KEFU_CHART_MAX_SERIES];     /* lines' stroke and patterns' ink */
  KefuChartFill fill[KEFU_CHART_MAX_SERIES];
  KefuChartRgba ink;          /* patterns' strokes and patterned boxes' outlines */
} KefuChartPalette;

/* Series colours from the GNOME (libadwaita) palette that read on a light or a dark
 * background; `high_contrast` takes stronger shades, a stronger grid and patterns as well. */
void kefu_chart_palette_init_screen (KefuChartPalette    *palette,
                                     const KefuChartRgba *foreground,
                                     gboolean             dark,
                                     gboolean             high_contrast);
/* Black on white, the series apart by grey and pattern (solid, hatched, cross-hatched …) for
 * printers without colour. */
void kefu_chart_palette_init_print  (KefuChartPalette    *palette);

typedef struct _KefuChartData KefuChartData;

GType          kefu_chart_data_get_type        (void) G_GNUC_CONST;
#define KEFU_TYPE_CHART_DATA (kefu_chart_data_get_type ())

KefuChartData *kefu_chart_data_new             (const char          *title,
                                                KefuChartKind        kind,
                                                KefuChartUnit        unit);
KefuChartData *kefu_chart_data_copy            (const KefuChartData *data);
void           kefu_chart_data_free            (KefuChartData       *data);

void           kefu_chart_data_set_title       (KefuChartData       *data,
                                                const char          *title);
const char    *kefu_chart_data_get_title       (const KefuChartData *data);
void           kefu_chart_data_set_kind        (KefuChartData       *data,
                                                KefuChartKind        kind);
KefuChartKind  kefu_chart_data_get_kind        (const KefuChartData *data);
void           kefu_chart_data_set_unit        (KefuChartData       *data,
                                                KefuChartUnit        unit);
KefuChartUnit  kefu_chart_data_get_unit        (const KefuChartData *data);

/* The labels along the x axis, in order; returns the new category's index. */
guint          kefu_chart_data_add_category    (KefuChartData       *data,
                                                const char          *label);
guint          kefu_chart_data_get_n_categories (const KefuChartData *data);
const char    *kefu_chart_data_get_category    (const KefuChartData *data,
                                                guint                category);

/* A series with a name (shown in the legend and the words) and a value per category, in the
 * categories' order; `values` may be shorter than the categories (the rest have no value) and
 * may hold NAN for "no value" (a gap in a line). Negative values are drawn as 0. Returns the
 * series' index, or -1 when the chart already has KEFU_CHART_MAX_SERIES. */
int            kefu_chart_data_add_series      (KefuChartData       *data,
                                                const char          *name,
                                                const double        *values,
                                                guint                n_values);
guint          kefu_chart_data_get_n_series    (const KefuChartData *data);
const char    *kefu_chart_data_get_series_name (const KefuChartData *data,
                                                guint                series);
void           kefu_chart_data_set_value       (KefuChartData       *data,
                                                guint                series,
                                                guint                category,
                                                double               value);
/* NAN when the series has no value there. */
double         kefu_chart_data_get_value       (const KefuChartData *data,
                                                guint                series,
                                                guint                category);

/* One category drawn on a band with its label in bold (this hour, today); -1 for none. */
void           kefu_chart_data_set_highlight   (KefuChartData       *data,
                                                int                  category);
int            kefu_chart_data_get_highlight   (const KefuChartData *data);

/* The labels' size in the drawing's units (pixels on screen, points in a PDF); 12 by default. */
void           kefu_chart_data_set_text_size   (KefuChartData       *data,
                                                double               size);
double         kefu_chart_data_get_text_size   (const KefuChartData *data);

/* A bare chart (a sparkline): lines only, no axis, grid, labels or legend, scaled between the
 * smallest and the largest value. */
void           kefu_chart_data_set_bare        (KefuChartData       *data,
                                                gboolean             bare);
gboolean       kefu_chart_data_get_bare        (const KefuChartData *data);

/* The axes' titles ("Week beginning (Monday)", "Answers"), NULL for none: the x axis's under
 * its labels, the y axis's over its values. */
void           kefu_chart_data_set_axis_titles (KefuChartData       *data,
                                                const char          *x_title,
                                                const char          *y_title);
const char    *kefu_chart_data_get_x_title     (const KefuChartData *data);
const char    *kefu_chart_data_get_y_title     (const KefuChartData *data);

/* Each bar's value over it (a stack's total), where it fits; lines show none. */
void           kefu_chart_data_set_show_values (KefuChartData       *data,
                                                gboolean             show_values);
gboolean       kefu_chart_data_get_show_values (const KefuChartData *data);

gboolean       kefu_chart_data_equal           (const KefuChartData *a,
                                                const KefuChartData *b);

/* A value in words for its unit: "12", "12.5%", "3 h 20 min", "2.5 days"; "—" for NAN. */
char          *kefu_chart_format_value         (KefuChartUnit        unit,
                                                double               value);

/* The change from `previous` to `value` in words: "+12% on previous period", "−3 on previous
 * period" (small counts), "+1.5 points on previous period" (percentages), "new" (from 0), "no
 * change"; NULL when either is NAN. `direction` gets 1 (up), -1 (down) or 0. */
char          *kefu_chart_format_change        (KefuChartUnit        unit,
                                                double               value,
                                                double               previous,
                                                int                 *direction);

/* The chart's text equivalent: "Calls by hour of day: 08:00 — Orders 12, Complaints 5;
 * 09:00 — …." (the accessible description, the printed chart's words); says "No data" when
 * there is nothing to draw. */
char          *kefu_chart_data_to_text         (const KefuChartData *data);
/* One category's words, "08:00 — Orders 12, Complaints 5", or with `series` ≥ 0 that series'
 * only, "08:00 · Orders: 12" (a tooltip). */
char          *kefu_chart_data_category_text   (const KefuChartData *data,
                                                guint                category,
                                                int                  series);

/* A round step (1, 2, 5 × 10ⁿ; whole numbers when `whole`) dividing 0 … `max` in at most
 * `max_steps` steps; `top` gets the axis's top, the first multiple of the step ≥ `max` (the
 * step itself when `max` ≤ 0). */
double         kefu_chart_nice_step            (double               max,
                                                guint                max_steps,
                                                gboolean             whole,
                                                double              *top);

/* Draws `data` in the rectangle 0, 0, `width`, `height` of `cr` (nothing outside it). */
void           kefu_chart_draw                 (cairo_t                *cr,
                                                const KefuChartData    *data,
                                                double                  width,
                                                double                  height,
                                                const KefuChartPalette *palette);

/* Which category (and series) is at x, y of a chart drawn `width` × `height`: FALSE when none;
 * `series` gets -1 when the point is in the category but on no bar, segment or point. */
gboolean       kefu_chart_hit_test             (const KefuChartData *data,
                                                double               width,
                                                double               height,
                                                double               x,
                                                double               y,
                                                int                 *category,
                                                int                 *series);
/* The category's column in the plot (for a focus ring); FALSE when it is not drawn. */
gboolean       kefu_chart_get_category_area    (const KefuChartData *data,
                                                double               width,
                                                double               height,
                                                guint                category,
                                                double              *x,
                                                double              *y,
                                                double              *area_width,
                                                double              *area_height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuChartData, kefu_chart_data_free)

G_END_DECLS
