/* kefu-dashboard-pane-sections.c: the dashboard's sections, made from what the store counted:
 * tiles (a figure, its change on the period before, its trend) and charts, each a way to the
 * records behind it through "dashboard.open-records", and the clerks' table.
 *
 * Which figure stands where, and what a click opens, is said here once: the PDF report and the
 * CSV files follow the same sections (kefu-dashboard-pane-export.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-chart.h"
#include "widgets/kefu-figure-tile.h"

#include "kefu-dashboard-clerks-view.h"
#include "kefu-dashboard-pane-private.h"
#include "report/kefu-dashboard-sections.h"

static void
open_records (KefuDashboardPane *self,
              int                figure,
              gint64             key,
              const char        *title)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.open-records", "(ixs)", figure, key,
                              title);
}

/* Tiles */

static GtkWidget *
tile_new (const KefuDashboardTile *tile)
{
  KefuFigureTile *widget = KEFU_FIGURE_TILE (kefu_figure_tile_new ());
  /* Durations are counted in seconds and read in hours and minutes. */
  double scale = tile->format == KEFU_DASHBOARD_FORMAT_DURATION ? 1.0 / 3600.0 : 1.0;
  KefuChartUnit unit = tile->format == KEFU_DASHBOARD_FORMAT_PERCENT ? KEFU_CHART_UNIT_PERCENT :
                       tile->format == KEFU_DASHBOARD_FORMAT_DURATION ? KEFU_CHART_UNIT_HOURS :
                       tile->format == KEFU_DASHBOARD_FORMAT_DAYS ? KEFU_CHART_UNIT_DAYS :
                       KEFU_CHART_UNIT_COUNT;

  kefu_figure_tile_set_title (widget, tile->title);
  kefu_figure_tile_set_unit (widget, unit);
  kefu_figure_tile_set_value (widget, tile->value * scale);
  kefu_figure_tile_set_has_value (widget, tile->has_value);
  kefu_figure_tile_set_previous (widget, tile->previous * scale);
  kefu_figure_tile_set_has_previous (widget, tile->has_previous);
  kefu_figure_tile_set_judged (widget, tile->better != 0);
  kefu_figure_tile_set_higher_is_better (widget, tile->better > 0);
  if (tile->series != NULL)
    kefu_figure_tile_set_trend (widget, (const double *) tile->series->data, tile->series->len);
  kefu_figure_tile_set_subtitle (widget, tile->subtitle);
  if (tile->figure >= 0 && tile->has_value)
    {
      /* The target first: an action name without its target is a mismatch. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (widget), "(ixs)", tile->figure,
                                        tile->key, tile->title);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "dashboard.open-records");
    }
  return GTK_WIDGET (widget);
}

/* Charts */

typedef struct
{
  KefuDashboardPane *pane;
  KefuDashboardChart chart;
} ChartClick;

static void
chart_click_free (gpointer data,
                  GClosure *closure)
{
  ChartClick *click = data;

  kefu_dashboard_chart_clear (&click->chart);
  g_free (click);
}

static void
chart_activated_cb (KefuChart  *chart,
                    guint       category,
                    int         series,
                    ChartClick *click)
{
  int figure;
  gint64 key;
  g_autofree char *title = NULL;

  if (!kefu_dashboard_chart_records (&click->chart, category, series, &figure, &key, &title))
    return;
  open_records (click->pane, figure, key, title);
}

static GtkWidget *
chart_new (KefuDashboardPane  *self,
           KefuDashboardChart *chart)
{
  GtkWidget *widget = kefu_chart_new ();
  ChartClick *click = g_new0 (ChartClick, 1);

  kefu_chart_set_data (KEFU_CHART (widget), chart->data);
  gtk_widget_set_size_request (widget, 320, 220);
  gtk_widget_set_hexpand (widget, TRUE);
  click->pane = self;
  click->chart = *chart;
  /* The click owns the chart's description now. */
  memset (chart, 0, sizeof *chart);
  g_signal_connect_data (widget, "category-activated", G_CALLBACK (chart_activated_cb), click,
                         chart_click_free, 0);
  return widget;
}

/* Sections */

/* Tiles and charts in equal columns, as many as the width holds (a tile alone on the last line
 * keeps its column's width). The children themselves take the focus: the flow box's own
 * children are not focusable. */
static GtkWidget *
flow_box_new (guint min_per_line,
              guint max_per_line)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), min_per_line);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), max_per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 12);
  gtk_widget_add_css_class (box, "kefu-dashboard-grid");
  return box;
}

static void
flow_box_append (GtkWidget *box,
                 GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (box), child);
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

/* A section's name, a heading for screen readers too. */
static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  gtk_widget_add_css_class (heading, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return heading;
}

static GtkWidget *
section_new (KefuDashboardPane          *self,
             const KefuDashboardSection *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *tiles = flow_box_new (2, 4);
  GtkWidget *charts = NULL;

  gtk_box_append (GTK_BOX (box), heading_new (section->title));

  for (guint i = 0; i < section->tiles->len; i++)
    flow_box_append (tiles, tile_new (&g_array_index (section->tiles, KefuDashboardTile, i)));
  gtk_box_append (GTK_BOX (box), tiles);

  if (section->charts->len > 0)
    {
      charts = flow_box_new (1, 2);
      for (guint i = 0; i < section->charts->len; i++)
        {
          KefuDashboardChart *description = &g_array_index (section->charts,
                                                            KefuDashboardChart, i);
          GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                           "label", kefu_chart_data_get_title (description->data),
                                           "xalign", 0.0f, "wrap", TRUE,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
          GtkWidget *chart = chart_new (self, description);

          /* A card of its own: the chart's title over it, so that no chart stands unnamed. */
          gtk_widget_add_css_class (card, "card");
          gtk_widget_set_size_request (card, 380, -1);
          gtk_widget_add_css_class (title, "heading");
          gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                          -1);
          gtk_widget_set_margin_start (title, 12);
          gtk_widget_set_margin_end (title, 12);
          gtk_widget_set_margin_top (title, 12);
          gtk_widget_set_margin_start (chart, 6);
          gtk_widget_set_margin_end (chart, 6);
          gtk_widget_set_margin_bottom (chart, 6);
          gtk_box_append (GTK_BOX (card), title);
          gtk_box_append (GTK_BOX (card), chart);
          flow_box_append (charts, card);
        }
      gtk_box_append (GTK_BOX (box), charts);
    }
  return box;
}

void
_kefu_dashboard_pane_show_sections (KefuDashboardPane   *self,
                                    const KefuDashboard *dashboard)
{
  GtkWidget *child;
  GtkWidget *clerks;
  g_autoptr(GPtrArray) sections = kefu_dashboard_sections_new (dashboard);
  GtkAdjustment *adjustment;
  double scroll;

  /* Read again, the figures keep their place on screen. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (self->sections_box), GTK_TYPE_SCROLLED_WINDOW)));
  scroll = gtk_adjustment_get_value (adjustment);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  for (guint i = 0; i < sections->len; i++)
    gtk_box_append (self->sections_box, section_new (self, g_ptr_array_index (sections, i)));

  /* The seed's 服务统计: the clerks' figures, each sortable. */
  if (dashboard->clerks->len > 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_box_append (GTK_BOX (box), heading_new (_("Clerks")));
      clerks = kefu_dashboard_clerks_view_new ();
      kefu_dashboard_clerks_view_set_clerks (KEFU_DASHBOARD_CLERKS_VIEW (clerks),
                                             dashboard->clerks);
      gtk_box_append (GTK_BOX (box), clerks);
      gtk_box_append (self->sections_box, box);
    }
  gtk_adjustment_set_value (adjustment, scroll);
}
