/* kefu-chart-draw-private.h: the chart description's fields, shared by the description and
 * its words (kefu-chart-data.c) and the drawing (kefu-chart-draw.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-chart-draw.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  GArray *values;   /* double, in the categories' order; may be shorter */
} KefuChartSeries;

struct _KefuChartData
{
  char          *title;
  KefuChartKind  kind;
  KefuChartUnit  unit;
  GPtrArray     *categories;   /* char * */
  GPtrArray     *series;       /* KefuChartSeries * */
  int            highlight;
  double         text_size;
  gboolean       bare;
  char          *x_title;
  char          *y_title;
  gboolean       show_values;
};

#include <pango/pangocairo.h>

#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, Sans"

/* Where a chart's parts go for a size (kefu-chart-layout.c): the drawing, the hit test and
 * the focus ring all use it, so that what the pointer finds is what was drawn. */
typedef struct
{
  gboolean empty;
  double   s;            /* text size */
  double   line_h;       /* a line of text */
  double   plot_x, plot_y, plot_w, plot_h;
  double   lo, top, step;
  double   slot;         /* a category's width */
  guint    label_every;  /* every n-th category's label is shown */
  double   label_room;   /* a shown label's widest */
  double   y_title_y;    /* the axes' titles' tops */
  double   x_title_y;
  guint    n_legend;
  double   legend_x[KEFU_CHART_MAX_SERIES];
  double   legend_y[KEFU_CHART_MAX_SERIES];
} KefuChartLayout;

void          _kefu_chart_compute_layout    (const KefuChartData *data,
                                             double               width,
                                             double               height,
                                             KefuChartLayout     *l);
/* A Pango context measuring at 72 dpi: sizes in the drawing's units. */
PangoContext *_kefu_chart_measuring_context (void);
PangoLayout  *_kefu_chart_make_text         (PangoContext        *context,
                                             double               size,
                                             const char          *text,
                                             gboolean             bold);
double        _kefu_chart_text_width        (PangoContext        *context,
                                             double               size,
                                             const char          *text,
                                             gboolean             bold);
double        _kefu_chart_series_value      (const KefuChartData *data,
                                             guint                series,
                                             guint                category);
double        _kefu_chart_swatch_width      (const KefuChartData *data,
                                             double               s);
double        _kefu_chart_value_y           (const KefuChartLayout *l,
                                             double               v);
double        _kefu_chart_point_x           (const KefuChartLayout *l,
                                             guint                category,
                                             guint                n_categories,
                                             gboolean             bare);
void          _kefu_chart_bar_geometry      (const KefuChartData *data,
                                             const KefuChartLayout *l,
                                             guint                c,
                                             double              *x,
                                             double              *bar_w);

/* A value as the axis shows it: short ("20%", "2 h", "1.5 d"), with as many decimals as the
 * step needs. */
char *_kefu_chart_format_tick (KefuChartUnit unit,
                               double        value,
                               double        step);

G_END_DECLS
