/* kefu-chart.c: a chart on screen (kefu-chart.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-chart.h"

/* Without an aspect the chart asks for this height. */
#define NATURAL_HEIGHT 220
#define MIN_HEIGHT 120
#define MIN_WIDTH 160
#define NATURAL_WIDTH 400

struct _KefuChart
{
  GtkWidget      parent_instance;

  KefuChartData *data;
  double         aspect;
  int            focus_category;
};

G_DEFINE_FINAL_TYPE (KefuChart, kefu_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  PROP_ASPECT,
  PROP_FOCUS_CATEGORY,
  N_PROPS
};

enum {
  CATEGORY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_categories (KefuChart *self)
{
  return self->data != NULL ? kefu_chart_data_get_n_categories (self->data) : 0;
}

/* The title and the words a screen reader gives for the chart, kept with the data. */
static void
update_accessible (KefuChart *self)
{
  g_autofree char *text = kefu_chart_dup_text (self);
  const char *title = self->data != NULL ? kefu_chart_data_get_title (self->data) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && title[0] != '\0' ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* The labels a little smaller than the text around the chart, so that they follow the
 * desktop's text size (large text included). */
static void
update_text_size (KefuChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = 12;

  if (self->data == NULL)
    return;
  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      int dpi = 0;

      size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        {
          g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
          size *= (dpi > 0 ? dpi / 1024.0 : 96.0) / 72.0;
        }
      size = CLAMP (size * 0.85, 9, 30);
    }
  if (size != kefu_chart_data_get_text_size (self->data))
    {
      kefu_chart_data_set_text_size (self->data, size);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
style_palette (KefuChart        *self,
               KefuChartPalette *palette)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA color;
  KefuChartRgba foreground;

  gtk_widget_get_color (GTK_WIDGET (self), &color);
  foreground = (KefuChartRgba) { color.red, color.green, color.blue, color.alpha };
  kefu_chart_palette_init_screen (palette, &foreground, adw_style_manager_get_dark (manager),
                                  adw_style_manager_get_high_contrast (manager));
}

static void
style_changed_cb (KefuChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_category (KefuChart *self,
                   int        category,
                   int        series)
{
  if (category < 0 || (guint) category >= n_categories (self))
    return;
  g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, category, series);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KefuChart             *self)
{
  guint n = n_categories (self);
  int focus = self->focus_category;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      focus = focus < 0 ? 0 : MAX (focus - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      focus = focus < 0 ? 0 : MIN (focus + 1, (int) n - 1);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      focus = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      focus = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (focus < 0)
        return FALSE;
      /* A single series is the series; with several the keyboard activates the category. */
      activate_category (self, focus,
                         kefu_chart_data_get_n_series (self->data) == 1 ? 0 : -1);
      return TRUE;
    default:
      return FALSE;
    }
  /* The category's words show as the tooltip in keyboard mode. No announcement: GTK 4.18's
   * test and "none" accessibility backends crash in gtk_accessible_announce (). */
  kefu_chart_set_focus_category (self, focus);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                KefuChart               *self)
{
  /* Coming in from the keyboard shows where Enter would go: the highlighted category, or the
   * first. */
  if (self->focus_category < 0 && n_categories (self) > 0)
    {
      int highlight = kefu_chart_data_get_highlight (self->data);

      kefu_chart_set_focus_category (self, highlight >= 0 ? highlight : 0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                KefuChart               *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             KefuChart        *self)
{
  int category, series;

  if (self->data == NULL ||
      !kefu_chart_hit_test (self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), x, y, &category, &series))
    return;
  kefu_chart_set_focus_category (self, category);
  activate_category (self, category, series);
}

static gboolean
query_tooltip_cb (KefuChart  *self,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int category = -1, series = -1;
  double ax, ay, aw, ah;
  g_autofree char *text = NULL;

  if (self->data == NULL)
    return FALSE;
  if (keyboard_mode)
    category = self->focus_category;
  else if (!kefu_chart_hit_test (self->data, width, height, x, y, &category, &series))
    return FALSE;
  if (category < 0 || (guint) category >= n_categories (self))
    return FALSE;
  text = kefu_chart_data_category_text (self->data, category, series);
  gtk_tooltip_set_text (tooltip, text);
  /* The tip changes as the pointer leaves the category. */
  if (kefu_chart_get_category_area (self->data, width, height, category, &ax, &ay, &aw, &ah))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) ax, (int) ay, (int) aw, (int) ah });
  return TRUE;
}

static void
kefu_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  KefuChart *self = KEFU_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(KefuChartData) empty = NULL;
  KefuChartPalette palette;
  cairo_t *cr;
  double x, y, w, h;

  if (width <= 0 || height <= 0)
    return;
  if (self->data == NULL)
    empty = kefu_chart_data_new (NULL, KEFU_CHART_BARS, KEFU_CHART_UNIT_COUNT);
  style_palette (self, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kefu_chart_draw (cr, self->data != NULL ? self->data : empty, width, height, &palette);

  /* The focused category in the accent colour, as GTK draws a focus ring. */
  if (gtk_widget_has_visible_focus (widget) && self->focus_category >= 0 && self->data != NULL &&
      kefu_chart_get_category_area (self->data, width, height, self->focus_category,
                                    &x, &y, &w, &h))
    {
      GdkRGBA *accent = adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());

      gdk_cairo_set_source_rgba (cr, accent);
      gdk_rgba_free (accent);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, x + 1, MAX (y - 4, 1), MAX (w - 2, 2), MIN (h + 4, height - 2));
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static GtkSizeRequestMode
kefu_chart_get_request_mode (GtkWidget *widget)
{
  return KEFU_CHART (widget)->aspect > 0 ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                         : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
kefu_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  KefuChart *self = KEFU_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else if (self->aspect > 0 && for_size > 0)
    {
      *minimum = *natural = MAX ((int) (for_size / self->aspect), MIN_HEIGHT / 2);
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = self->aspect > 0 ? MAX ((int) (NATURAL_WIDTH / self->aspect), MIN_HEIGHT)
                                  : NATURAL_HEIGHT;
    }
}

static void
kefu_chart_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kefu_chart_parent_class)->css_changed (widget, change);
  /* The text takes the style's colour and size: a change of style redraws. */
  update_text_size (KEFU_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
kefu_chart_finalize (GObject *object)
{
  KefuChart *self = KEFU_CHART (object);

  g_clear_pointer (&self->data, kefu_chart_data_free);
  G_OBJECT_CLASS (kefu_chart_parent_class)->finalize (object);
}

static void
kefu_chart_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KefuChart *self = KEFU_CHART (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    case PROP_ASPECT:
      g_value_set_double (value, self->aspect);
      break;
    case PROP_FOCUS_CATEGORY:
      g_value_set_int (value, self->focus_category);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_chart_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KefuChart *self = KEFU_CHART (object);

  switch (prop_id)
    {
    case PROP_DATA:
      kefu_chart_set_data (self, g_value_get_boxed (value));
      break;
    case PROP_ASPECT:
      kefu_chart_set_aspect (self, g_value_get_double (value));
      break;
    case PROP_FOCUS_CATEGORY:
      kefu_chart_set_focus_category (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_chart_class_init (KefuChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kefu_chart_finalize;
  object_class->get_property = kefu_chart_get_property;
  object_class->set_property = kefu_chart_set_property;
  widget_class->snapshot = kefu_chart_snapshot;
  widget_class->measure = kefu_chart_measure;
  widget_class->get_request_mode = kefu_chart_get_request_mode;
  widget_class->css_changed = kefu_chart_css_changed;

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, KEFU_TYPE_CHART_DATA,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASPECT] =
    g_param_spec_double ("aspect", NULL, NULL, 0, 20, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOCUS_CATEGORY] =
    g_param_spec_int ("focus-category", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A category (a bar, a point) chosen by a click or Enter: its index and the series under the
   * pointer, or -1 when the whole category was chosen. */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "kefu-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kefu_chart_init (KefuChart *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->focus_category = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::accent-color-rgba", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

GtkWidget *
kefu_chart_new (void)
{
  return g_object_new (KEFU_TYPE_CHART, NULL);
}

void
kefu_chart_set_data (KefuChart           *self,
                     const KefuChartData *data)
{
  g_return_if_fail (KEFU_IS_CHART (self));

  if (self->data != NULL && data != NULL)
    {
      /* The copy's text size is the widget's own: compare the rest. */
      g_autoptr(KefuChartData) probe = kefu_chart_data_copy (data);

      kefu_chart_data_set_text_size (probe, kefu_chart_data_get_text_size (self->data));
      if (kefu_chart_data_equal (self->data, probe))
        return;
    }
  else if (self->data == data)
    return;
  g_clear_pointer (&self->data, kefu_chart_data_free);
  if (data != NULL)
    self->data = kefu_chart_data_copy (data);
  update_text_size (self);
  if (self->focus_category >= (int) n_categories (self))
    kefu_chart_set_focus_category (self, n_categories (self) > 0 ? (int) n_categories (self) - 1
                                                                  : -1);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

const KefuChartData *
kefu_chart_get_data (KefuChart *self)
{
  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);
  return self->data;
}

void
kefu_chart_set_aspect (KefuChart *self,
                       double     aspect)
{
  g_return_if_fail (KEFU_IS_CHART (self));

  aspect = MAX (aspect, 0);
  if (self->aspect == aspect)
    return;
  self->aspect = aspect;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASPECT]);
}

double
kefu_chart_get_aspect (KefuChart *self)
{
  g_return_val_if_fail (KEFU_IS_CHART (self), 0);
  return self->aspect;
}

void
kefu_chart_set_focus_category (KefuChart *self,
                               int        category)
{
  g_return_if_fail (KEFU_IS_CHART (self));

  category = CLAMP (category, -1, (int) n_categories (self) - 1);
  if (self->focus_category == category)
    return;
  self->focus_category = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_CATEGORY]);
}

int
kefu_chart_get_focus_category (KefuChart *self)
{
  g_return_val_if_fail (KEFU_IS_CHART (self), -1);
  return self->focus_category;
}

char *
kefu_chart_dup_text (KefuChart *self)
{
  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);

  if (self->data == NULL)
    return g_strdup (_("No data."));
  return kefu_chart_data_to_text (self->data);
}
