/* kefu-figure-tile.c: a figure on the dashboard (kefu-figure-tile.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-figure-tile"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-figure-tile.h"

struct _KefuFigureTile
{
  GtkButton       parent_instance;

  GtkLabel       *change_label;
  GtkDrawingArea *sparkline;
  GtkLabel       *subtitle_label;
  GtkLabel       *title_label;
  GtkLabel       *value_label;

  char           *title;
  char           *subtitle;
  KefuChartUnit   unit;
  double          value;
  double          previous;
  gboolean        has_value;
  gboolean        has_previous;
  gboolean        higher_is_better;
  gboolean        judged;
  GArray         *trend;          /* double */
  char           *value_text;
  char           *change_text;
};

G_DEFINE_FINAL_TYPE (KefuFigureTile, kefu_figure_tile, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_UNIT,
  PROP_VALUE,
  PROP_HAS_VALUE,
  PROP_PREVIOUS,
  PROP_HAS_PREVIOUS,
  PROP_HIGHER_IS_BETTER,
  PROP_JUDGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const change_classes[] = { "success", "error", "dim-label" };

/* Shows the figure, its change, and tells a screen reader the same. */
static void
update (KefuFigureTile *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int direction = 0;
  const char *change_class = "dim-label";
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->change_text, g_free);
  self->value_text = self->has_value ? kefu_chart_format_value (self->unit, self->value)
                                     : g_strdup ("—");
  if (self->has_value && self->has_previous)
    self->change_text = kefu_chart_format_change (self->unit, self->value, self->previous,
                                                  &direction);

  gtk_label_set_label (self->title_label, self->title != NULL ? self->title : "");
  gtk_label_set_label (self->value_label, self->value_text);
  gtk_label_set_label (self->change_label, self->change_text != NULL ? self->change_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), self->change_text != NULL);
  if (self->judged && direction != 0)
    change_class = (direction > 0) == self->higher_is_better ? "success" : "error";
  for (guint i = 0; i < G_N_ELEMENTS (change_classes); i++)
    if (g_strcmp0 (change_classes[i], change_class) == 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->change_label), change_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), change_classes[i]);
  gtk_label_set_label (self->subtitle_label, self->subtitle != NULL ? self->subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          self->subtitle != NULL && self->subtitle[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->sparkline), self->has_value && self->trend->len >= 2);
  gtk_widget_queue_draw (GTK_WIDGET (self->sparkline));

  /* A figure that does not apply opens nothing: neither the pointer nor the keyboard reach it
   * (and "clicked" does nothing, see clicked_cb ()). */
  gtk_widget_set_can_target (widget, self->has_value);
  gtk_widget_set_focusable (widget, self->has_value);
  if (self->has_value)
    gtk_widget_remove_css_class (widget, "kefu-figure-none");
  else
    gtk_widget_add_css_class (widget, "kefu-figure-none");

  if (!self->has_value)
    /* Translators: a dashboard tile read by a screen reader when its figure does not apply;
     * %s is the figure's title. */
    label = g_strdup_printf (_("%s: not applicable"), self->title != NULL ? self->title : "");
  else if (self->change_text != NULL)
    /* Translators: a dashboard tile read by a screen reader: title, figure and change,
     * "Complaints opened: 120, +20% on previous period". */
    label = g_strdup_printf (_("%s: %s, %s"), self->title != NULL ? self->title : "",
                             self->value_text, self->change_text);
  else
    /* Translators: a dashboard tile read by a screen reader: title and figure. */
    label = g_strdup_printf (_("%s: %s"), self->title != NULL ? self->title : "",
                             self->value_text);
  if (self->has_value && self->trend->len >= 2)
    {
      g_autoptr(GString) values = g_string_new (NULL);

      for (guint i = 0; i < self->trend->len; i++)
        {
          g_autofree char *v = kefu_chart_format_value (self->unit,
                                                        g_array_index (self->trend, double, i));

          if (i > 0)
            g_string_append (values, C_("chart text", ", "));
          g_string_append (values, v);
        }
      /* Translators: the values of a dashboard tile's trend line, oldest first. */
      description = g_strdup_printf (_("Trend: %s"), values->str);
    }
  if (self->subtitle != NULL && self->subtitle[0] != '\0')
    {
      char *both = description != NULL ? g_strdup_printf ("%s. %s", self->subtitle, description)
                                       : g_strdup (self->subtitle);

      g_free (description);
      description = both;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  KefuFigureTile *self = user_data;
  g_autoptr(KefuChartData) data = kefu_chart_data_new (NULL, KEFU_CHART_LINES, self->unit);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (manager);
  GdkRGBA color;
  KefuChartPalette palette;
  KefuChartRgba foreground;

  if (self->trend->len < 2)
    return;
  for (guint i = 0; i < self->trend->len; i++)
    kefu_chart_data_add_category (data, "");
  kefu_chart_data_add_series (data, NULL, (const double *) self->trend->data, self->trend->len);
  kefu_chart_data_set_bare (data, TRUE);
  gtk_widget_get_color (GTK_WIDGET (area), &color);
  foreground = (KefuChartRgba) { color.red, color.green, color.blue, color.alpha };
  kefu_chart_palette_init_screen (&palette, &foreground,
                                  adw_style_manager_get_dark (manager), FALSE);
  /* The trend in the accent colour, as the rest of the app marks what can be followed. */
  palette.line[0] = (KefuChartRgba) { accent->red, accent->green, accent->blue, accent->alpha };
  kefu_chart_draw (cr, data, width, height, &palette);
}

/* GtkButton activates its action in a handler connected after the others: a figure that does
 * not apply stops the emission before it. */
static void
clicked_cb (KefuFigureTile *self)
{
  if (!self->has_value)
    g_signal_stop_emission_by_name (self, "clicked");
}

static void
kefu_figure_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_FIGURE_TILE);
  G_OBJECT_CLASS (kefu_figure_tile_parent_class)->dispose (object);
}

static void
kefu_figure_tile_finalize (GObject *object)
{
  KefuFigureTile *self = KEFU_FIGURE_TILE (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->value_text);
  g_free (self->change_text);
  g_array_unref (self->trend);
  G_OBJECT_CLASS (kefu_figure_tile_parent_class)->finalize (object);
}

static void
kefu_figure_tile_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuFigureTile *self = KEFU_FIGURE_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;
    case PROP_PREVIOUS:
      g_value_set_double (value, self->previous);
      break;
    case PROP_HAS_PREVIOUS:
      g_value_set_boolean (value, self->has_previous);
      break;
    case PROP_HIGHER_IS_BETTER:
      g_value_set_boolean (value, self->higher_is_better);
      break;
    case PROP_JUDGED:
      g_value_set_boolean (value, self->judged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_figure_tile_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KefuFigureTile *self = KEFU_FIGURE_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kefu_figure_tile_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      kefu_figure_tile_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      kefu_figure_tile_set_unit (self, g_value_get_enum (value));
      break;
    case PROP_VALUE:
      kefu_figure_tile_set_value (self, g_value_get_double (value));
      break;
    case PROP_HAS_VALUE:
      kefu_figure_tile_set_has_value (self, g_value_get_boolean (value));
      break;
    case PROP_PREVIOUS:
      kefu_figure_tile_set_previous (self, g_value_get_double (value));
      break;
    case PROP_HAS_PREVIOUS:
      kefu_figure_tile_set_has_previous (self, g_value_get_boolean (value));
      break;
    case PROP_HIGHER_IS_BETTER:
      kefu_figure_tile_set_higher_is_better (self, g_value_get_boolean (value));
      break;
    case PROP_JUDGED:
      kefu_figure_tile_set_judged (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_figure_tile_class_init (KefuFigureTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_figure_tile_dispose;
  object_class->finalize = kefu_figure_tile_finalize;
  object_class->get_property = kefu_figure_tile_get_property;
  object_class->set_property = kefu_figure_tile_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, KEFU_TYPE_CHART_UNIT, KEFU_CHART_UNIT_COUNT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREVIOUS] =
    g_param_spec_double ("previous", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_PREVIOUS] =
    g_param_spec_boolean ("has-previous", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HIGHER_IS_BETTER] =
    g_param_spec_boolean ("higher-is-better", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_JUDGED] =
    g_param_spec_boolean ("judged", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-figure-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuFigureTile, change_label);
  gtk_widget_class_bind_template_child (widget_class, KefuFigureTile, sparkline);
  gtk_widget_class_bind_template_child (widget_class, KefuFigureTile, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KefuFigureTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, KefuFigureTile, value_label);
}

static void
kefu_figure_tile_init (KefuFigureTile *self)
{
  self->higher_is_better = TRUE;
  self->judged = TRUE;
  self->trend = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->sparkline, draw_sparkline, self, NULL);
  g_signal_connect (self, "clicked", G_CALLBACK (clicked_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->sparkline,
                           G_CONNECT_SWAPPED);
  update (self);
}

GtkWidget *
kefu_figure_tile_new (void)
{
  return g_object_new (KEFU_TYPE_FIGURE_TILE, NULL);
}

/* The setters: each returns early when nothing changed, then shows the change. */
#define SETTER(field, prop, type)                                                         \
  G_STMT_START {                                                                          \
    g_return_if_fail (KEFU_IS_FIGURE_TILE (self));                                        \
    if (self->field == (type) field)                                                      \
      return;                                                                             \
    self->field = (type) field;                                                           \
    update (self);                                                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);                         \
  } G_STMT_END

void
kefu_figure_tile_set_title (KefuFigureTile *self,
                            const char     *title)
{
  g_return_if_fail (KEFU_IS_FIGURE_TILE (self));
  if (!g_set_str (&self->title, title))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kefu_figure_tile_get_title (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), NULL);
  return self->title;
}

void
kefu_figure_tile_set_subtitle (KefuFigureTile *self,
                               const char     *subtitle)
{
  g_return_if_fail (KEFU_IS_FIGURE_TILE (self));
  if (!g_set_str (&self->subtitle, subtitle))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
kefu_figure_tile_get_subtitle (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), NULL);
  return self->subtitle;
}

void
kefu_figure_tile_set_unit (KefuFigureTile *self,
                           KefuChartUnit   unit)
{
  SETTER (unit, PROP_UNIT, KefuChartUnit);
}

KefuChartUnit
kefu_figure_tile_get_unit (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), KEFU_CHART_UNIT_COUNT);
  return self->unit;
}

void
kefu_figure_tile_set_value (KefuFigureTile *self,
                            double          value)
{
  g_return_if_fail (KEFU_IS_FIGURE_TILE (self));
  kefu_figure_tile_set_has_value (self, TRUE);
  SETTER (value, PROP_VALUE, double);
}

double
kefu_figure_tile_get_value (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), 0);
  return self->value;
}

void
kefu_figure_tile_set_has_value (KefuFigureTile *self,
                                gboolean        has_value)
{
  has_value = !!has_value;
  SETTER (has_value, PROP_HAS_VALUE, gboolean);
}

gboolean
kefu_figure_tile_get_has_value (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), FALSE);
  return self->has_value;
}

void
kefu_figure_tile_set_previous (KefuFigureTile *self,
                               double          previous)
{
  g_return_if_fail (KEFU_IS_FIGURE_TILE (self));
  kefu_figure_tile_set_has_previous (self, TRUE);
  SETTER (previous, PROP_PREVIOUS, double);
}

double
kefu_figure_tile_get_previous (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), 0);
  return self->previous;
}

void
kefu_figure_tile_set_has_previous (KefuFigureTile *self,
                                   gboolean        has_previous)
{
  has_previous = !!has_previous;
  SETTER (has_previous, PROP_HAS_PREVIOUS, gboolean);
}

gboolean
kefu_figure_tile_get_has_previous (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), FALSE);
  return self->has_previous;
}

void
kefu_figure_tile_set_higher_is_better (KefuFigureTile *self,
                                       gboolean        higher_is_better)
{
  higher_is_better = !!higher_is_better;
  SETTER (higher_is_better, PROP_HIGHER_IS_BETTER, gboolean);
}

gboolean
kefu_figure_tile_get_higher_is_better (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), TRUE);
  return self->higher_is_better;
}

void
kefu_figure_tile_set_judged (KefuFigureTile *self,
                             gboolean        judged)
{
  judged = !!judged;
  SETTER (judged, PROP_JUDGED, gboolean);
}

gboolean
kefu_figure_tile_get_judged (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), TRUE);
  return self->judged;
}

void
kefu_figure_tile_set_trend (KefuFigureTile *self,
                            const double   *values,
                            guint           n_values)
{
  g_return_if_fail (KEFU_IS_FIGURE_TILE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_array_set_size (self->trend, 0);
  if (n_values > 0)
    g_array_append_vals (self->trend, values, n_values);
  update (self);
}

const char *
kefu_figure_tile_get_value_text (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), NULL);
  return self->value_text;
}

const char *
kefu_figure_tile_get_change_text (KefuFigureTile *self)
{
  g_return_val_if_fail (KEFU_IS_FIGURE_TILE (self), NULL);
  return self->change_text;
}
