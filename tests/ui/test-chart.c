/* test-chart.c: the dashboard's chart widget and figure tile: what they draw in light and dark
 * style, what a screen reader is told, the keyboard and the pointer on a chart, and a tile's
 * figure, change, colour and action.
 *
 * With KEFU_TEST_SHOTS=DIR, a window of charts and tiles is saved in light and dark style.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "widgets/kefu-chart.h"
#include "widgets/kefu-figure-tile.h"

#include "kefu-ui-test.h"

/* What a screen reader is told; the values may hold "%", which GTK's own assertion macro
 * would read as a format. */
static void
assert_accessible (GtkAccessible         *accessible,
                   GtkAccessibleProperty  property,
                   const char            *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (accessible, property, expected);

  if (mismatch != NULL)
    g_error ("accessible property %d: %s (expected \"%s\")", property, mismatch, expected);
}

static KefuChartData *
calls_by_hour (guint first_hour,
               guint n_hours)
{
  KefuChartData *data = kefu_chart_data_new ("Calls by hour of day", KEFU_CHART_STACKED_BARS,
                                             KEFU_CHART_UNIT_COUNT);
  double orders[24], complaints[24], inquiries[24];

  for (guint i = 0; i < n_hours; i++)
    {
      g_autofree char *label = g_strdup_printf ("%02u:00", first_hour + i);
      double peak = exp (-pow ((first_hour + i - 10.0) / 3.0, 2));

      kefu_chart_data_add_category (data, label);
      orders[i] = round (4 + 30 * peak);
      complaints[i] = round (1 + 9 * peak);
      inquiries[i] = round (2 + 12 * exp (-pow ((first_hour + i - 15.0) / 3.0, 2)));
    }
  kefu_chart_data_add_series (data, "Orders", orders, n_hours);
  kefu_chart_data_add_series (data, "Complaints", complaints, n_hours);
  kefu_chart_data_add_series (data, "Inquiries", inquiries, n_hours);
  return data;
}

static KefuChartData *
single_bars (void)
{
  const double values[] = { 12, 30, 18, 24 };
  KefuChartData *data = kefu_chart_data_new ("Complaints by department", KEFU_CHART_BARS,
                                             KEFU_CHART_UNIT_COUNT);

  kefu_chart_data_add_category (data, "Dairy");
  kefu_chart_data_add_category (data, "Delivery");
  kefu_chart_data_add_category (data, "Service");
  kefu_chart_data_add_category (data, "Billing");
  kefu_chart_data_add_series (data, "Complaints", values, G_N_ELEMENTS (values));
  return data;
}

static GtkWindow *
window_with (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  kefu_test_wait_until (gtk_widget_get_mapped (child) && gtk_widget_get_width (child) > 0);
  kefu_test_flush ();
  return window;
}

/* The widget drawn alone (no window behind it), as premultiplied 0xAARRGGBB pixels. */
static guint32 *
render (GtkWidget *widget,
        int       *width,
        int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels;

  kefu_test_flush ();
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_new0 (guint32, (gsize) *width * *height);
  gdk_texture_download (texture, (guchar *) pixels, *width * 4);
  return pixels;
}

static void
test_chart_render (void)
{
  g_autoptr(KefuChartData) data = single_bars ();
  GtkWidget *chart = kefu_chart_new ();
  GtkWindow *window;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree guint32 *light = NULL;
  g_autofree guint32 *dark = NULL;
  int width, height, w2, h2;
  double x, y, w, h;
  guint drawn = 0;
  int px, py;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  kefu_chart_set_data (KEFU_CHART (chart), data);
  window = window_with (chart, 480, 260);
  light = render (chart, &width, &height);
  g_assert_cmpint (width, >=, 160);
  g_assert_cmpint (height, >=, 120);
  for (int i = 0; i < width * height; i++)
    if (light[i] >> 24 != 0)
      drawn++;
  /* Bars, grid, labels: a good part of the chart is drawn on. */
  g_assert_cmpuint (drawn, >, (guint) (width * height / 20));

  /* The bar of "Delivery" (the highest) in the palette's blue for a light background, then a
   * lighter blue in the dark style. */
  /* The geometry of the widget's own copy: its labels take the style's text size. */
  g_assert_true (kefu_chart_get_category_area (kefu_chart_get_data (KEFU_CHART (chart)), width,
                                               height, 1, &x, &y, &w, &h));
  px = (int) (x + w / 2);
  py = (int) (y + h / 2);
  g_assert_cmphex (light[py * width + px], ==, 0xff1c71d8);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  kefu_test_flush ();
  dark = render (chart, &w2, &h2);
  g_assert_cmpint (w2, ==, width);
  g_assert_cmphex (dark[py * width + px], ==, 0xff62a0ea);
  g_assert_cmphex (dark[py * width + px], !=, light[py * width + px]);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
  kefu_test_flush ();
}

static void
test_chart_accessible (void)
{
  g_autoptr(KefuChartData) data = single_bars ();
  g_autoptr(KefuChartData) other = calls_by_hour (8, 4);
  GtkWidget *chart = kefu_chart_new ();
  GtkWindow *window;
  g_autofree char *text = NULL;
  g_autofree char *mismatch = NULL;

  kefu_chart_set_data (KEFU_CHART (chart), data);
  window = window_with (chart, 400, 240);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  text = kefu_chart_dup_text (KEFU_CHART (chart));
  g_assert_cmpstr (text, ==,
                   "Complaints by department: Dairy — Complaints 12; Delivery — Complaints 30; "
                   "Service — Complaints 18; Billing — Complaints 24.");
  assert_accessible (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Complaints by department");
  assert_accessible (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);

  /* New data: new words. */
  kefu_chart_set_data (KEFU_CHART (chart), other);
  g_clear_pointer (&text, g_free);
  text = kefu_chart_data_to_text (other);
  g_assert_nonnull (strstr (text, "08:00 — Orders "));
  assert_accessible (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Calls by hour of day");
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_assert_null (mismatch);

  /* No data says so. */
  kefu_chart_set_data (KEFU_CHART (chart), NULL);
  assert_accessible (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No data.");
  gtk_window_destroy (window);
  kefu_test_flush ();
}

static void
record_activation (KefuChart *chart,
                   int        category,
                   int        series,
                   int       *seen)
{
  seen[0] = category;
  seen[1] = series;
  seen[2]++;
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
      return handled;
    }
  g_assert_not_reached ();
}

static void
click (GtkWidget *widget,
       double     x,
       double     y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_GESTURE_CLICK (controller))
        continue;
      g_signal_emit_by_name (controller, "released", 1, x, y);
      return;
    }
  g_assert_not_reached ();
}

static void
test_chart_keyboard (void)
{
  g_autoptr(KefuChartData) data = calls_by_hour (8, 6);
  g_autoptr(KefuChartData) single = single_bars ();
  GtkWidget *chart = kefu_chart_new ();
  GtkWindow *window;
  int seen[3] = { -2, -2, 0 };
  double x, y, w, h;

  kefu_chart_set_data (KEFU_CHART (chart), data);
  g_signal_connect (chart, "category-activated", G_CALLBACK (record_activation), seen);
  window = window_with (chart, 480, 260);
  g_assert_true (gtk_widget_get_focusable (chart));
  gtk_widget_grab_focus (chart);
  kefu_test_flush ();
  /* Wherever the focus came in, Home goes to the first hour; Right, Right to the third. */
  g_assert_true (press_key (chart, GDK_KEY_Home));
  g_assert_cmpint (kefu_chart_get_focus_category (KEFU_CHART (chart)), ==, 0);
  g_assert_true (press_key (chart, GDK_KEY_Right));
  g_assert_true (press_key (chart, GDK_KEY_Right));
  g_assert_cmpint (kefu_chart_get_focus_category (KEFU_CHART (chart)), ==, 2);
  g_assert_cmpint (seen[2], ==, 0);
  g_assert_true (press_key (chart, GDK_KEY_Return));
  g_assert_cmpint (seen[2], ==, 1);
  g_assert_cmpint (seen[0], ==, 2);
  /* Several series: the keyboard chooses the whole hour. */
  g_assert_cmpint (seen[1], ==, -1);
  /* Left, and the ends hold. */
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (kefu_chart_get_focus_category (KEFU_CHART (chart)), ==, 1);
  g_assert_true (press_key (chart, GDK_KEY_End));
  g_assert_true (press_key (chart, GDK_KEY_Right));
  g_assert_cmpint (kefu_chart_get_focus_category (KEFU_CHART (chart)), ==, 5);
  g_assert_true (press_key (chart, GDK_KEY_space));
  g_assert_cmpint (seen[0], ==, 5);
  g_assert_cmpint (seen[2], ==, 2);
  /* Other keys go on to the window. */
  g_assert_false (press_key (chart, GDK_KEY_a));

  /* A click on the fourth category's bar: that category and its only series. */
  kefu_chart_set_data (KEFU_CHART (chart), single);
  g_assert_true (kefu_chart_get_category_area (kefu_chart_get_data (KEFU_CHART (chart)),
                                               gtk_widget_get_width (chart),
                                               gtk_widget_get_height (chart), 3, &x, &y, &w, &h));
  click (chart, x + w / 2, y + h * 0.6);
  g_assert_cmpint (seen[2], ==, 3);
  g_assert_cmpint (seen[0], ==, 3);
  g_assert_cmpint (seen[1], ==, 0);
  g_assert_cmpint (kefu_chart_get_focus_category (KEFU_CHART (chart)), ==, 3);
  /* A click on the axis's numbers is on no category. */
  click (chart, 2, y + h / 2);
  g_assert_cmpint (seen[2], ==, 3);

  gtk_window_destroy (window);
  kefu_test_flush ();
}

static void
open_records (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GVariant **seen = user_data;

  g_clear_pointer (seen, g_variant_unref);
  *seen = g_variant_ref (parameter);
}

/* The visible label of `tile` showing `text`. */
static GtkWidget *
find_label (GtkWidget  *tile,
            const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (tile, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0 &&
        gtk_widget_get_visible (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

static void
test_tile (void)
{
  static const GActionEntry entries[] = {
    { .name = "open-records", .activate = open_records, .parameter_type = "(ix)" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GVariant) seen = NULL;
  KefuFigureTile *tile = KEFU_FIGURE_TILE (kefu_figure_tile_new ());
  const double trend[] = { 3, 5, 4, 8, 6 };
  GtkWidget *change;
  GtkWindow *window;

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), &seen);
  g_assert_true (GTK_IS_ACTIONABLE (tile));
  kefu_figure_tile_set_title (tile, "Complaints opened");
  kefu_figure_tile_set_value (tile, 120);
  kefu_figure_tile_set_previous (tile, 100);
  kefu_figure_tile_set_subtitle (tile, "of 120 due");
  kefu_figure_tile_set_trend (tile, trend, G_N_ELEMENTS (trend));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (tile), "dashboard.open-records");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (tile),
                                          g_variant_new ("(ix)", 3, (gint64) 42));
  window = window_with (GTK_WIDGET (tile), 260, 140);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "dashboard", G_ACTION_GROUP (group));
  kefu_test_flush ();

  g_assert_cmpstr (kefu_figure_tile_get_value_text (tile), ==, "120");
  g_assert_nonnull (find_label (GTK_WIDGET (tile), "120"));
  g_assert_cmpstr (kefu_figure_tile_get_change_text (tile), ==, "+20% on previous period");
  change = find_label (GTK_WIDGET (tile), "+20% on previous period");
  g_assert_nonnull (change);
  g_assert_nonnull (find_label (GTK_WIDGET (tile), "of 120 due"));
  /* Higher is better by default: up is green. */
  g_assert_true (gtk_widget_has_css_class (change, "success"));
  g_assert_false (gtk_widget_has_css_class (change, "error"));
  assert_accessible (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Complaints opened: 120, +20% on previous period");
  assert_accessible (GTK_ACCESSIBLE (tile),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "of 120 due. Trend: 3, 5, 4, 8, 6");

  /* Complaints: more is worse, red. Neither good nor bad: grey. */
  kefu_figure_tile_set_higher_is_better (tile, FALSE);
  g_assert_true (gtk_widget_has_css_class (change, "error"));
  g_assert_false (gtk_widget_has_css_class (change, "success"));
  kefu_figure_tile_set_judged (tile, FALSE);
  g_assert_true (gtk_widget_has_css_class (change, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (change, "error"));
  kefu_figure_tile_set_judged (tile, TRUE);

  /* Clicked (Enter or the pointer): the dashboard's action with the tile's target. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (tile)));
  g_signal_emit_by_name (tile, "clicked");
  kefu_test_wait_until (seen != NULL);
  g_assert_cmpstr (g_variant_get_type_string (seen), ==, "(ix)");
  {
    int figure;
    gint64 key;

    g_variant_get (seen, "(ix)", &figure, &key);
    g_assert_cmpint (figure, ==, 3);
    g_assert_cmpint (key, ==, 42);
  }
  g_clear_pointer (&seen, g_variant_unref);
  gtk_widget_activate (GTK_WIDGET (tile));
  kefu_test_wait_until (seen != NULL);
  g_clear_pointer (&seen, g_variant_unref);

  /* From 0: "new"; the same: "no change", grey; a small count: the difference. */
  kefu_figure_tile_set_previous (tile, 0);
  g_assert_cmpstr (kefu_figure_tile_get_change_text (tile), ==, "new");
  g_assert_nonnull (find_label (GTK_WIDGET (tile), "new"));
  kefu_figure_tile_set_previous (tile, 120);
  g_assert_cmpstr (kefu_figure_tile_get_change_text (tile), ==, "no change");
  g_assert_true (gtk_widget_has_css_class (change, "dim-label"));
  kefu_figure_tile_set_value (tile, 5);
  kefu_figure_tile_set_previous (tile, 8);
  g_assert_cmpstr (kefu_figure_tile_get_change_text (tile), ==, "−3 on previous period");
  /* Fewer complaints: green. */
  g_assert_true (gtk_widget_has_css_class (change, "success"));
  /* A percentage changes by points, a duration by its share. */
  kefu_figure_tile_set_unit (tile, KEFU_CHART_UNIT_PERCENT);
  kefu_figure_tile_set_value (tile, 92.5);
  kefu_figure_tile_set_previous (tile, 91);
  g_assert_cmpstr (kefu_figure_tile_get_value_text (tile), ==, "92.5%");
  g_assert_cmpstr (kefu_figure_tile_get_change_text (tile), ==, "+1.5 points on previous period");
  kefu_figure_tile_set_unit (tile, KEFU_CHART_UNIT_HOURS);
  kefu_figure_tile_set_value (tile, 3 + 1.0 / 3);
  kefu_figure_tile_set_previous (tile, 4);
  g_assert_cmpstr (kefu_figure_tile_get_value_text (tile), ==, "3 h 20 min");
  g_assert_cmpstr (kefu_figure_tile_get_change_text (tile), ==, "−17% on previous period");
  kefu_figure_tile_set_has_previous (tile, FALSE);
  g_assert_null (kefu_figure_tile_get_change_text (tile));
  g_assert_false (gtk_widget_get_visible (change));

  /* A figure that does not apply: "—", and nothing opens. */
  kefu_figure_tile_set_has_value (tile, FALSE);
  g_assert_cmpstr (kefu_figure_tile_get_value_text (tile), ==, "—");
  g_assert_nonnull (find_label (GTK_WIDGET (tile), "—"));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (tile)));
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (tile)));
  assert_accessible (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Complaints opened: not applicable");
  g_signal_emit_by_name (tile, "clicked");
  kefu_test_flush ();
  g_assert_null (seen);

  gtk_window_destroy (window);
  kefu_test_flush ();
}

/* A dashboard-like window of tiles and charts, for a person to look at. */
static GtkWidget *
gallery (void)
{
  static const struct {
    const char *title, *subtitle;
    KefuChartUnit unit;
    double value, previous;
    gboolean has_value, higher_is_better;
  } figures[] = {
    { "Calls served", "Orders 182 · Complaints 41", KEFU_CHART_UNIT_COUNT, 286, 255, TRUE, TRUE },
    { "Complaints opened", NULL, KEFU_CHART_UNIT_COUNT, 41, 36, TRUE, FALSE },
    { "Resolved within deadline", "37 of 40 closed", KEFU_CHART_UNIT_PERCENT, 92.5, 88.0, TRUE,
      TRUE },
    { "Median time to resolve", NULL, KEFU_CHART_UNIT_HOURS, 3 + 1.0 / 3, 4.5, TRUE, FALSE },
    { "Overdue now", NULL, KEFU_CHART_UNIT_COUNT, 3, 0, TRUE, FALSE },
    { "Median days to receipt", "No shipments this period", KEFU_CHART_UNIT_DAYS, 0, 0, FALSE,
      FALSE },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *charts = gtk_grid_new ();
  g_autoptr(KefuChartData) hours = calls_by_hour (0, 24);
  g_autoptr(KefuChartData) share = kefu_chart_data_new ("Share resolved within deadline",
                                                        KEFU_CHART_LINES,
                                                        KEFU_CHART_UNIT_PERCENT);
  g_autoptr(KefuChartData) departments = single_bars ();
  g_autoptr(KefuChartData) narrow = calls_by_hour (8, 12);
  g_autoptr(KefuChartData) empty = kefu_chart_data_new (NULL, KEFU_CHART_BARS,
                                                        KEFU_CHART_UNIT_COUNT);
  double a[30], b[30];

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      KefuFigureTile *tile = KEFU_FIGURE_TILE (kefu_figure_tile_new ());
      double trend[7];

      for (guint d = 0; d < 7; d++)
        trend[d] = figures[i].value * (0.7 + 0.3 * sin (d + i) + d * 0.05);
      kefu_figure_tile_set_title (tile, figures[i].title);
      kefu_figure_tile_set_subtitle (tile, figures[i].subtitle);
      kefu_figure_tile_set_unit (tile, figures[i].unit);
      kefu_figure_tile_set_higher_is_better (tile, figures[i].higher_is_better);
      if (figures[i].has_value)
        {
          kefu_figure_tile_set_value (tile, figures[i].value);
          kefu_figure_tile_set_previous (tile, figures[i].previous);
          kefu_figure_tile_set_trend (tile, trend, 7);
        }
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (tile), i % 3, i / 3, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  kefu_chart_data_set_highlight (hours, 10);
  for (guint d = 0; d < 30; d++)
    {
      g_autofree char *label = g_strdup_printf ("11-%02u", d + 1);

      kefu_chart_data_add_category (share, label);
      a[d] = 85 + 10 * sin (d / 4.0);
      b[d] = d % 7 == 5 ? NAN : 70 + 15 * cos (d / 5.0);
    }
  kefu_chart_data_add_series (share, "Complaints", a, 30);
  kefu_chart_data_add_series (share, "Callbacks", b, 30);
  kefu_chart_data_set_kind (narrow, KEFU_CHART_BARS);
  kefu_chart_data_set_title (narrow, "Calls by hour (narrow)");

  gtk_grid_set_column_spacing (GTK_GRID (charts), 12);
  gtk_grid_set_row_spacing (GTK_GRID (charts), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (charts), TRUE);
  {
    /* Two wide charts, then one wide, a narrow one and an empty one side by side. */
    KefuChartData *all[] = { hours, share, departments, narrow, empty };
    const int widths[] = { -1, -1, -1, 230, 170 };
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    kefu_chart_data_set_title (empty, "Shipments overdue");
    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *label = gtk_label_new (kefu_chart_data_get_title (all[i]));
        GtkWidget *chart = kefu_chart_new ();

        gtk_widget_add_css_class (card, "card");
        gtk_widget_add_css_class (label, "heading");
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_widget_set_margin_start (label, 12);
        gtk_widget_set_margin_top (label, 12);
        kefu_chart_set_data (KEFU_CHART (chart), all[i]);
        gtk_widget_set_margin_start (chart, 12);
        gtk_widget_set_margin_end (chart, 12);
        gtk_widget_set_margin_bottom (chart, 12);
        gtk_box_append (GTK_BOX (card), label);
        gtk_box_append (GTK_BOX (card), chart);
        if (i < 2)
          gtk_grid_attach (GTK_GRID (charts), card, i, 0, 1, 1);
        else if (widths[i] < 0)
          {
            gtk_widget_set_hexpand (card, TRUE);
            gtk_box_append (GTK_BOX (row), card);
          }
        else
          {
            /* Held to its width, as a dashboard's narrowest column. */
            GtkWidget *clamp = adw_clamp_new ();

            adw_clamp_set_maximum_size (ADW_CLAMP (clamp), widths[i]);
            adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), widths[i]);
            adw_clamp_set_child (ADW_CLAMP (clamp), card);
            gtk_widget_set_hexpand (clamp, FALSE);
            gtk_box_append (GTK_BOX (row), clamp);
          }
      }
    gtk_box_append (GTK_BOX (box), charts);
    gtk_box_append (GTK_BOX (box), row);
  }
  return box;
}

static void
test_gallery (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWindow *window;
  g_autoptr(GPtrArray) charts = NULL;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = window_with (gallery (), 1100, 820);
  charts = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_CHART);
  g_assert_cmpuint (charts->len, ==, 5);
  /* The keyboard focus shows on the hour chart's tenth category. */
  gtk_widget_grab_focus (charts->pdata[0]);
  gtk_window_set_focus_visible (window, TRUE);
  kefu_chart_set_focus_category (charts->pdata[0], 10);
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "chart-gallery-light");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  kefu_test_flush ();
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "chart-gallery-dark");
  for (guint i = 0; i < charts->len; i++)
    g_assert_true (gtk_widget_get_mapped (charts->pdata[i]));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add_func ("/kefu/chart/render", test_chart_render);
  g_test_add_func ("/kefu/chart/accessible", test_chart_accessible);
  g_test_add_func ("/kefu/chart/keyboard", test_chart_keyboard);
  g_test_add_func ("/kefu/figure-tile/figure", test_tile);
  g_test_add_func ("/kefu/chart/gallery", test_gallery);
  return kefu_test_run (data_home);
}
