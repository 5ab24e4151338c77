/* kefu-chart.h: a chart on screen (bars, stacked bars, lines) drawn through
 * report/kefu-chart-draw.h in colours taken from the widget's style, light, dark or high
 * contrast. A tooltip tells each bar or point; Left and Right move a visible focus between the
 * categories and Enter, Space or a click emits "category-activated"; a screen reader reads the
 * title and the chart's text equivalent.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "report/kefu-chart-draw.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CHART (kefu_chart_get_type ())

G_DECLARE_FINAL_TYPE (KefuChart, kefu_chart, KEFU, CHART, GtkWidget)

GtkWidget           *kefu_chart_new                (void);

/* Shows a copy of `data` (NULL: an empty chart, "No data"). The copy (kefu_chart_get_data ())
 * takes the text size of the widget's style: use it for kefu_chart_hit_test () and
 * kefu_chart_get_category_area () at the widget's size. */
void                 kefu_chart_set_data           (KefuChart           *self,
                                                    const KefuChartData *data);
const KefuChartData *kefu_chart_get_data           (KefuChart           *self);

/* Width ÷ height; 0 (the default) for a fixed natural height. */
void                 kefu_chart_set_aspect         (KefuChart           *self,
                                                    double               aspect);
double               kefu_chart_get_aspect         (KefuChart           *self);

/* The category with the keyboard focus, -1 for none. */
void                 kefu_chart_set_focus_category (KefuChart           *self,
                                                    int                  category);
int                  kefu_chart_get_focus_category (KefuChart           *self);

/* The text equivalent a screen reader is given (kefu_chart_data_to_text ()). */
char                *kefu_chart_dup_text           (KefuChart           *self);

G_END_DECLS
