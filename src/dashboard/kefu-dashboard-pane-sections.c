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

/* Shows `tile` in `widget`: when read again, a tile already on screen is updated in place, so
 * that the keyboard focus and the scroll stay where they were. */
static void
tile_update (KefuFigureTile          *widget,
             const KefuDashboardTile *tile)
{
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
  kefu_figure_tile_set_trend (widget,
                              tile->series != NULL ? (const double *) tile->series->data : NULL,
                              tile->series != NULL ? tile->series->len : 0);
  kefu_figure_tile_set_subtitle (widget, tile->subtitle);
  if (tile->figure >= 0 && tile->has_value)
    {
      /* The target first: an action name without its target is a mismatch. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (widget), "(ixs)", tile->figure,
                                        tile->key, tile->title);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "dashboard.open-records");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), NULL);
}

static GtkWidget *
tile_new (KefuDashboardPane       *self,
          const KefuDashboardTile *tile)
{
  GtkWidget *widget = kefu_figure_tile_new ();

  tile_update (KEFU_FIGURE_TILE (widget), tile);
  g_ptr_array_add (self->shown_tiles, widget);
  return widget;
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

#define CHART_CLICK "kefu-dashboard-chart-click"

/* Shows `chart` in `widget`, whose click then opens its records; the click takes the chart's
 * description. */
static void
chart_update (GtkWidget          *widget,
              KefuDashboardChart *chart)
{
  ChartClick *click = g_object_get_data (G_OBJECT (widget), CHART_CLICK);

  kefu_dashboard_chart_clear (&click->chart);
  click->chart = *chart;
  memset (chart, 0, sizeof *chart);
  kefu_chart_set_data (KEFU_CHART (widget), click->chart.data);
}

static GtkWidget *
chart_new (KefuDashboardPane  *self,
           KefuDashboardChart *chart)
{
  GtkWidget *widget = kefu_chart_new ();
  ChartClick *click = g_new0 (ChartClick, 1);

  gtk_widget_set_size_request (widget, 320, 220);
  gtk_widget_set_hexpand (widget, TRUE);
  click->pane = self;
  g_object_set_data (G_OBJECT (widget), CHART_CLICK, click);
  g_signal_connect_data (widget, "category-activated", G_CALLBACK (chart_activated_cb), click,
                         chart_click_free, 0);
  chart_update (widget, chart);
  g_ptr_array_add (self->shown_charts, widget);
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
    flow_box_append (tiles, tile_new (self, &g_array_index (section->tiles,
                                                               KefuDashboardTile, i)));
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

/* What the sections look like: their titles, how many tiles and charts each has, and whether
 * the clerks' table is there. The same shape is updated in place. */
static char *
sections_shape (GPtrArray           *sections,
                const KefuDashboard *dashboard)
{
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < sections->len; i++)
    {
      const KefuDashboardSection *section = g_ptr_array_index (sections, i);

      g_string_append_printf (shape, "%s\x1f%u\x1f%u\x1e", section->title, section->tiles->len,
                              section->charts->len);
    }
  g_string_append (shape, dashboard->clerks->len > 0 ? "clerks" : "");
  return g_string_free (shape, FALSE);
}

/* The widgets of the sections on screen given the new figures, one by one in the order they
 * were made. */
static void
update_sections (KefuDashboardPane   *self,
                 GPtrArray           *sections,
                 const KefuDashboard *dashboard)
{
  guint tile = 0;
  guint chart = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      KefuDashboardSection *section = g_ptr_array_index (sections, i);

      for (guint j = 0; j < section->tiles->len; j++)
        tile_update (g_ptr_array_index (self->shown_tiles, tile++),
                     &g_array_index (section->tiles, KefuDashboardTile, j));
      for (guint j = 0; j < section->charts->len; j++)
        chart_update (g_ptr_array_index (self->shown_charts, chart++),
                      &g_array_index (section->charts, KefuDashboardChart, j));
    }
  if (self->shown_clerks != NULL)
    kefu_dashboard_clerks_view_set_clerks (self->shown_clerks, dashboard->clerks);
}

void
_kefu_dashboard_pane_show_sections (KefuDashboardPane   *self,
                                    const KefuDashboard *dashboard)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) sections = kefu_dashboard_sections_new (dashboard);
  g_autofree char *shape = sections_shape (sections, dashboard);
  GtkAdjustment *adjustment;
  double scroll;

  if (g_strcmp0 (shape, self->shown_shape) == 0)
    {
      update_sections (self, sections, dashboard);
      return;
    }

  /* Another shape (the first read, or the clerks' table came or went): made anew, the figures
   * keeping their place on screen. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (self->sections_box), GTK_TYPE_SCROLLED_WINDOW)));
  scroll = gtk_adjustment_get_value (adjustment);
  _kefu_dashboard_pane_forget_sections (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  for (guint i = 0; i < sections->len; i++)
    gtk_box_append (self->sections_box, section_new (self, g_ptr_array_index (sections, i)));

  /* The seed's 服务统计: the clerks' figures, each sortable. */
  if (dashboard->clerks->len > 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *clerks = kefu_dashboard_clerks_view_new ();

      gtk_box_append (GTK_BOX (box), heading_new (_("Clerks")));
      kefu_dashboard_clerks_view_set_clerks (KEFU_DASHBOARD_CLERKS_VIEW (clerks),
                                             dashboard->clerks);
      gtk_box_append (GTK_BOX (box), clerks);
      gtk_box_append (self->sections_box, box);
      self->shown_clerks = KEFU_DASHBOARD_CLERKS_VIEW (clerks);
    }
  self->shown_shape = g_steal_pointer (&shape);
  gtk_adjustment_set_value (adjustment, scroll);
}

void
_kefu_dashboard_pane_forget_sections (KefuDashboardPane *self)
{
  if (self->shown_tiles == NULL)
    self->shown_tiles = g_ptr_array_new ();
  if (self->shown_charts == NULL)
    self->shown_charts = g_ptr_array_new ();
  g_ptr_array_set_size (self->shown_tiles, 0);
  g_ptr_array_set_size (self->shown_charts, 0);
  self->shown_clerks = NULL;
  g_clear_pointer (&self->shown_shape, g_free);
}
