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
};

/* A value as the axis shows it: short ("20%", "2 h", "1.5 d"), with as many decimals as the
 * step needs. */
char *_kefu_chart_format_tick (KefuChartUnit unit,
                               double        value,
                               double        step);

G_END_DECLS
