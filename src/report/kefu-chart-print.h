/* kefu-chart-print.h: a chart in a printed or PDF document (kefu-print-document.h), in the
 * print palette (grey and patterns), with its text equivalent as the drawing's words.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-chart-draw.h"
#include "kefu-print-document.h"

G_BEGIN_DECLS

/* Adds a copy of `data` as a drawing `height` points tall across the page, labels at 7.5
 * points. The chart draws no title: put a heading before it. */
void kefu_chart_add_to_document (KefuPrintDocument   *document,
                                 const KefuChartData *data,
                                 double               height);

G_END_DECLS
