/* kefu-dashboard-sections.h: the dashboard's figures as its sections show them: which figure is
 * a tile (its number, the period before, its trend, what a click on it lists) and which a chart
 * (its categories and series, what a click on a bar lists), in the order a manager reads them.
 * Said once, without GTK, for the pane, the PDF report and the CSV files.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "report/kefu-chart-draw.h"
#include "store/kefu-store-dashboard.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_DASHBOARD_FORMAT_COUNT,     /* 1,234 */
  KEFU_DASHBOARD_FORMAT_PERCENT,   /* 96.5% (value 0–100) */
  KEFU_DASHBOARD_FORMAT_DURATION,  /* 3 h 20 min (value in seconds) */
  KEFU_DASHBOARD_FORMAT_DAYS,      /* 2.5 days (value in days) */
} KefuDashboardFormat;

typedef struct
{
  char               *title;
  gboolean            has_value;     /* FALSE: nothing to measure ("—"), e.g. a share of 0 */
  double              value;
  gboolean            has_previous;
  double              previous;
  KefuDashboardFormat format;
  int                 better;        /* 1: higher is better, -1: lower is better, 0: neither */
  GArray             *series;        /* double per bucket, or NULL */
  char               *subtitle;      /* "12 overdue", or NULL */
  int                 figure;        /* a KefuDashboardFigure, -1: nothing to list */
  gint64              key;
} KefuDashboardTile;

typedef struct
{
  KefuChartData *data;
  int            figure;             /* what a click lists, -1: nothing */
  GArray        *category_keys;      /* gint64 per category: the figure's key */
  GArray        *series_keys;        /* gint64 per series, added to the category's; or NULL */
} KefuDashboardChart;

typedef struct
{
  char   *id;                        /* "calls", "complaints", "callbacks", "aftersales" */
  char   *title;
  GArray *tiles;                     /* KefuDashboardTile */
  GArray *charts;                    /* KefuDashboardChart */
} KefuDashboardSection;

void       kefu_dashboard_chart_clear    (KefuDashboardChart *chart);
void       kefu_dashboard_section_free   (KefuDashboardSection *section);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuDashboardSection, kefu_dashboard_section_free)

/* The sections of `dashboard` (KefuDashboardSection), in order. */
GPtrArray *kefu_dashboard_sections_new   (const KefuDashboard *dashboard);
/* What a click on `category` (and `series`, -1 for the whole category) of `chart` lists, and the
 * records' title ("Open complaints by stage · Routed"); FALSE when it lists nothing. */
gboolean   kefu_dashboard_chart_records  (const KefuDashboardChart *chart,
                                          guint                     category,
                                          int                       series,
                                          int                      *figure,
                                          gint64                   *key,
                                          char                    **title);
/* A tile's figure in words ("1,234", "96.5%", "3 h 20 min", "2.5 days"; "—" without one). */
char      *kefu_dashboard_format_value   (KefuDashboardFormat       format,
                                          gboolean                  has_value,
                                          double                    value);
/* The change on the period before in the tiles' words ("+12% on previous period", "new", "no
 * change", points for shares); "" when there is nothing to compare. */
char      *kefu_dashboard_format_change  (const KefuDashboardTile *tile);

G_END_DECLS
