/* kefu-chart-data.c: the chart description (KefuChartData), its values in words and its text
 * equivalent (kefu-chart-draw.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-chart-draw-private.h"

G_DEFINE_BOXED_TYPE (KefuChartData, kefu_chart_data, kefu_chart_data_copy, kefu_chart_data_free)

G_DEFINE_ENUM_TYPE (KefuChartKind, kefu_chart_kind,
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_BARS, "bars"),
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_STACKED_BARS, "stacked-bars"),
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_LINES, "lines"))

G_DEFINE_ENUM_TYPE (KefuChartUnit, kefu_chart_unit,
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_UNIT_COUNT, "count"),
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_UNIT_PERCENT, "percent"),
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_UNIT_HOURS, "hours"),
                    G_DEFINE_ENUM_VALUE (KEFU_CHART_UNIT_DAYS, "days"))

static void
series_free (KefuChartSeries *series)
{
  g_free (series->name);
  g_clear_pointer (&series->values, g_array_unref);
  g_free (series);
}

KefuChartData *
kefu_chart_data_new (const char    *title,
                     KefuChartKind  kind,
                     KefuChartUnit  unit)
{
  KefuChartData *data = g_new0 (KefuChartData, 1);

  data->title = g_strdup (title);
  data->kind = kind;
  data->unit = unit;
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  data->highlight = -1;
  data->text_size = 12.0;
  return data;
}

KefuChartData *
kefu_chart_data_copy (const KefuChartData *data)
{
  KefuChartData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = kefu_chart_data_new (data->title, data->kind, data->unit);
  for (guint i = 0; i < data->categories->len; i++)
    kefu_chart_data_add_category (copy, data->categories->pdata[i]);
  for (guint i = 0; i < data->series->len; i++)
    {
      const KefuChartSeries *series = data->series->pdata[i];

      kefu_chart_data_add_series (copy, series->name, (const double *) series->values->data,
                                  series->values->len);
    }
  copy->highlight = data->highlight;
  copy->text_size = data->text_size;
  copy->bare = data->bare;
  kefu_chart_data_set_axis_titles (copy, data->x_title, data->y_title);
  copy->show_values = data->show_values;
  return copy;
}

void
kefu_chart_data_free (KefuChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->x_title);
  g_free (data->y_title);
  g_ptr_array_unref (data->categories);
  g_ptr_array_unref (data->series);
  g_free (data);
}

void
kefu_chart_data_set_title (KefuChartData *data,
                           const char    *title)
{
  g_return_if_fail (data != NULL);
  g_free (data->title);
  data->title = g_strdup (title);
}

const char *
kefu_chart_data_get_title (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->title;
}

void
kefu_chart_data_set_kind (KefuChartData *data,
                          KefuChartKind  kind)
{
  g_return_if_fail (data != NULL);
  data->kind = kind;
}

KefuChartKind
kefu_chart_data_get_kind (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, KEFU_CHART_BARS);
  return data->kind;
}

void
kefu_chart_data_set_unit (KefuChartData *data,
                          KefuChartUnit  unit)
{
  g_return_if_fail (data != NULL);
  data->unit = unit;
}

KefuChartUnit
kefu_chart_data_get_unit (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, KEFU_CHART_UNIT_COUNT);
  return data->unit;
}

guint
kefu_chart_data_add_category (KefuChartData *data,
                              const char    *label)
{
  g_return_val_if_fail (data != NULL, 0);
  g_ptr_array_add (data->categories, g_strdup (label != NULL ? label : ""));
  return data->categories->len - 1;
}

guint
kefu_chart_data_get_n_categories (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->categories->len;
}

const char *
kefu_chart_data_get_category (const KefuChartData *data,
                              guint                category)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (category < data->categories->len, NULL);
  return data->categories->pdata[category];
}

int
kefu_chart_data_add_series (KefuChartData *data,
                            const char    *name,
                            const double  *values,
                            guint          n_values)
{
  KefuChartSeries *series;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (values != NULL || n_values == 0, -1);

  if (data->series->len >= KEFU_CHART_MAX_SERIES)
    return -1;
  series = g_new0 (KefuChartSeries, 1);
  series->name = g_strdup (name != NULL ? name : "");
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  if (n_values > 0)
    g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (data->series, series);
  return data->series->len - 1;
}

guint
kefu_chart_data_get_n_series (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->series->len;
}

const char *
kefu_chart_data_get_series_name (const KefuChartData *data,
                                 guint                series)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < data->series->len, NULL);
  return ((KefuChartSeries *) data->series->pdata[series])->name;
}

void
kefu_chart_data_set_value (KefuChartData *data,
                           guint          series,
                           guint          category,
                           double         value)
{
  KefuChartSeries *s;

  g_return_if_fail (data != NULL);
  g_return_if_fail (series < data->series->len);

  s = data->series->pdata[series];
  while (s->values->len <= category)
    {
      double none = NAN;

      g_array_append_val (s->values, none);
    }
  g_array_index (s->values, double, category) = value;
}

double
kefu_chart_data_get_value (const KefuChartData *data,
                           guint                series,
                           guint                category)
{
  const KefuChartSeries *s;

  g_return_val_if_fail (data != NULL, NAN);
  g_return_val_if_fail (series < data->series->len, NAN);

  s = data->series->pdata[series];
  if (category >= s->values->len || category >= data->categories->len)
    return NAN;
  return g_array_index (s->values, double, category);
}

void
kefu_chart_data_set_highlight (KefuChartData *data,
                               int            category)
{
  g_return_if_fail (data != NULL);
  data->highlight = MAX (category, -1);
}

int
kefu_chart_data_get_highlight (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, -1);
  return data->highlight;
}

void
kefu_chart_data_set_text_size (KefuChartData *data,
                               double         size)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (size > 0);
  data->text_size = size;
}

double
kefu_chart_data_get_text_size (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, 12.0);
  return data->text_size;
}

void
kefu_chart_data_set_bare (KefuChartData *data,
                          gboolean       bare)
{
  g_return_if_fail (data != NULL);
  data->bare = !!bare;
}

gboolean
kefu_chart_data_get_bare (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);
  return data->bare;
}

void
kefu_chart_data_set_axis_titles (KefuChartData *data,
                                 const char    *x_title,
                                 const char    *y_title)
{
  g_return_if_fail (data != NULL);
  g_set_str (&data->x_title, x_title);
  g_set_str (&data->y_title, y_title);
}

const char *
kefu_chart_data_get_x_title (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->x_title;
}

const char *
kefu_chart_data_get_y_title (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->y_title;
}

void
kefu_chart_data_set_show_values (KefuChartData *data,
                                 gboolean       show_values)
{
  g_return_if_fail (data != NULL);
  data->show_values = !!show_values;
}

gboolean
kefu_chart_data_get_show_values (const KefuChartData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);
  return data->show_values;
}

static gboolean
same_value (double a,
            double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
kefu_chart_data_equal (const KefuChartData *a,
                       const KefuChartData *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_strcmp0 (a->title, b->title) != 0 || a->kind != b->kind || a->unit != b->unit ||
      a->highlight != b->highlight || a->text_size != b->text_size || a->bare != b->bare ||
      a->show_values != b->show_values || g_strcmp0 (a->x_title, b->x_title) != 0 ||
      g_strcmp0 (a->y_title, b->y_title) != 0 ||
      a->categories->len != b->categories->len || a->series->len != b->series->len)
    return FALSE;
  for (guint i = 0; i < a->categories->len; i++)
    if (g_strcmp0 (a->categories->pdata[i], b->categories->pdata[i]) != 0)
      return FALSE;
  for (guint s = 0; s < a->series->len; s++)
    {
      if (g_strcmp0 (kefu_chart_data_get_series_name (a, s),
                     kefu_chart_data_get_series_name (b, s)) != 0)
        return FALSE;
      for (guint c = 0; c < a->categories->len; c++)
        if (!same_value (kefu_chart_data_get_value (a, s, c), kefu_chart_data_get_value (b, s, c)))
          return FALSE;
    }
  return TRUE;
}

/* Whole numbers without decimals; anything else with one. */
static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

char *
kefu_chart_format_value (KefuChartUnit unit,
                         double        value)
{
  if (isnan (value))
    return g_strdup ("—");

  switch (unit)
    {
    case KEFU_CHART_UNIT_COUNT:
      return format_number (value);
    case KEFU_CHART_UNIT_PERCENT:
      return g_strdup_printf ("%.1f%%", value);
    case KEFU_CHART_UNIT_HOURS:
      {
        gint64 minutes = (gint64) llround (value * 60.0);

        if (llabs (minutes) < 60)
          return g_strdup_printf (_("%d min"), (int) minutes);
        if (minutes % 60 == 0)
          return g_strdup_printf (_("%d h"), (int) (minutes / 60));
        return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) llabs (minutes % 60));
      }
    case KEFU_CHART_UNIT_DAYS:
      if (fabs (value - round (value)) < 0.05)
        {
          guint days = (guint) MAX (round (value), 0);

          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
        }
      /* Translators: a duration in days with one decimal, "2.5 days". */
      return g_strdup_printf (_("%.1f days"), value);
    default:
      g_return_val_if_reached (format_number (value));
    }
}

/* Counts under this compare by difference ("−3"), not by share: 2 against 1 is not "+100%". */
#define SMALL_COUNT 20

char *
kefu_chart_format_change (KefuChartUnit  unit,
                          double         value,
                          double         previous,
                          int           *direction)
{
  g_autofree char *amount = NULL;
  double diff;
  /* A true minus sign, not a hyphen. */
  const char *sign;

  if (direction != NULL)
    *direction = 0;
  if (isnan (value) || isnan (previous))
    return NULL;
  diff = value - previous;
  if (fabs (diff) < 1e-9)
    /* Translators: a dashboard figure equal to the previous period's. */
    return g_strdup (_("no change"));
  if (direction != NULL)
    *direction = diff > 0 ? 1 : -1;
  if (fabs (previous) < 1e-9)
    /* Translators: a dashboard figure that was 0 in the previous period. */
    return g_strdup (C_("figure change", "new"));

  sign = diff > 0 ? "+" : "−";
  if (unit == KEFU_CHART_UNIT_PERCENT)
    /* Translators: the change of a percentage in percentage points, "+1.5 points". */
    amount = g_strdup_printf (C_("figure change", "%s%.1f points"), sign, fabs (diff));
  else if (unit == KEFU_CHART_UNIT_COUNT && fabs (previous) < SMALL_COUNT)
    {
      g_autofree char *number = kefu_chart_format_value (unit, fabs (diff));

      amount = g_strdup_printf ("%s%s", sign, number);
    }
  else
    {
      double share = fabs (diff) / fabs (previous) * 100;

      amount = share >= 1 ? g_strdup_printf ("%s%.0f%%", sign, share)
                          : g_strdup_printf ("%s%.1f%%", sign, share);
    }
  /* Translators: a dashboard figure's change, "+12% on previous period", "−3 on previous
   * period". */
  return g_strdup_printf (C_("figure change", "%s on previous period"), amount);
}

char *
_kefu_chart_format_tick (KefuChartUnit unit,
                         double        value,
                         double        step)
{
  int decimals = step >= 1.0 - 1e-9 ? 0 : step >= 0.1 - 1e-9 ? 1 : 2;
  g_autofree char *number = g_strdup_printf ("%.*f", decimals, value);

  switch (unit)
    {
    case KEFU_CHART_UNIT_PERCENT:
      return g_strdup_printf ("%s%%", number);
    case KEFU_CHART_UNIT_HOURS:
      /* Translators: a value on a chart's axis of hours, "2 h"; keep it short. */
      return g_strdup_printf (C_("chart axis", "%s h"), number);
    case KEFU_CHART_UNIT_DAYS:
      /* Translators: a value on a chart's axis of days, "3 d"; keep it short. */
      return g_strdup_printf (C_("chart axis", "%s d"), number);
    case KEFU_CHART_UNIT_COUNT:
    default:
      return g_steal_pointer (&number);
    }
}

char *
kefu_chart_data_category_text (const KefuChartData *data,
                               guint                category,
                               int                  series)
{
  const char *label;
  GString *items;
  double total = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (category < data->categories->len, NULL);
  g_return_val_if_fail (series < (int) data->series->len, NULL);

  label = data->categories->pdata[category];
  if (series >= 0)
    {
      const char *name = kefu_chart_data_get_series_name (data, series);
      g_autofree char *value = kefu_chart_format_value (data->unit,
                                                        kefu_chart_data_get_value (data, series,
                                                                                   category));

      if (name[0] == '\0')
        /* Translators: a chart's tooltip: the category (an hour, a day) and the value. */
        return g_strdup_printf (C_("chart tooltip", "%s · %s"), label, value);
      /* Translators: a chart's tooltip: the category (an hour, a day), the series (Orders) and
       * its value, "09:00 · Orders: 12". */
      return g_strdup_printf (C_("chart tooltip", "%s · %s: %s"), label, name, value);
    }

  items = g_string_new (NULL);
  for (guint s = 0; s < data->series->len; s++)
    {
      const char *name = kefu_chart_data_get_series_name (data, s);
      double v = kefu_chart_data_get_value (data, s, category);
      g_autofree char *value = kefu_chart_format_value (data->unit, v);

      if (s > 0)
        /* Translators: between the series' values of one category in a chart's words. */
        g_string_append (items, C_("chart text", ", "));
      if (name[0] == '\0')
        g_string_append (items, value);
      else
        /* Translators: a series and its value in a chart's words, "Orders 12". */
        g_string_append_printf (items, C_("chart text", "%s %s"), name, value);
      if (!isnan (v))
        {
          total += MAX (v, 0);
          any = TRUE;
        }
    }
  if (data->kind == KEFU_CHART_STACKED_BARS && data->series->len > 1 && any)
    {
      g_autofree char *value = kefu_chart_format_value (data->unit, total);

      g_string_append (items, C_("chart text", ", "));
      /* Translators: the sum of a stacked bar in a chart's words, "total 20". */
      g_string_append_printf (items, C_("chart text", "total %s"), value);
    }
  {
    g_autofree char *joined = g_string_free (items, FALSE);

    /* Translators: a category and its values in a chart's words, "08:00 — Orders 12,
     * Complaints 5". */
    return g_strdup_printf (C_("chart text", "%s — %s"), label, joined);
  }
}

char *
kefu_chart_data_to_text (const KefuChartData *data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *title;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL && data->title[0] != '\0' ? data->title : NULL;
  if (data->categories->len == 0 || data->series->len == 0)
    {
      if (title == NULL)
        return g_strdup (_("No data."));
      /* Translators: the words of a chart with nothing to show; %s is its title. */
      return g_strdup_printf (_("%s: No data."), title);
    }
  for (guint c = 0; c < data->categories->len; c++)
    {
      g_autofree char *text = kefu_chart_data_category_text (data, c, -1);

      if (c > 0)
        /* Translators: between the categories in a chart's words. */
        g_string_append (body, C_("chart text", "; "));
      g_string_append (body, text);
    }
  if (title == NULL)
    /* Translators: a chart's words without a title: the values and a full stop. */
    return g_strdup_printf (C_("chart text", "%s."), body->str);
  /* Translators: a chart's words: its title, then its values, "Calls by hour of day: 08:00 —
   * Orders 12; 09:00 — Orders 8.". */
  return g_strdup_printf (C_("chart text", "%s: %s."), title, body->str);
}
