/* kefu-report-period.c: periods of local days for the dashboard and the reports
 * (kefu-report-period.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-core"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-report-period.h"

static void
clamp_to_today (KefuPeriod  *period,
                const GDate *today)
{
  if (today != NULL && g_date_valid (today) &&
      g_date_compare (&period->first, today) <= 0 && g_date_compare (&period->last, today) > 0)
    period->last = *today;
}

/* The whole day, week or month holding `day`. */
static void
whole_unit (KefuPeriod     *period,
            KefuPeriodKind  kind,
            const GDate    *day)
{
  period->kind = kind;
  period->first = *day;
  period->last = *day;
  switch (kind)
    {
    case KEFU_PERIOD_WEEK:
      g_date_subtract_days (&period->first, g_date_get_weekday (day) - G_DATE_MONDAY);
      period->last = period->first;
      g_date_add_days (&period->last, 6);
      break;
    case KEFU_PERIOD_MONTH:
      g_date_set_day (&period->first, 1);
      g_date_set_day (&period->last, g_date_get_days_in_month (g_date_get_month (day),
                                                               g_date_get_year (day)));
      break;
    case KEFU_PERIOD_DAY:
    case KEFU_PERIOD_CUSTOM:
    default:
      break;
    }
}

void
kefu_period_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

void
kefu_period_init (KefuPeriod     *period,
                  KefuPeriodKind  kind,
                  const GDate    *day,
                  const GDate    *today)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (kind != KEFU_PERIOD_CUSTOM);

  whole_unit (period, kind, day);
  clamp_to_today (period, today);
}

gboolean
kefu_period_init_range (KefuPeriod   *period,
                        const GDate  *first,
                        const GDate  *last,
                        const GDate  *today,
                        GError      **error)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  if (g_date_compare (last, first) < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The last day is before the first. Choose a last day on or after "
                             "the first."));
      return FALSE;
    }
  if (today != NULL && g_date_valid (today) && g_date_compare (first, today) > 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The period starts in the future. Choose a first day up to today."));
      return FALSE;
    }
  if (g_date_days_between (first, last) + 1 > KEFU_PERIOD_MAX_DAYS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The period is longer than %d day. Choose a shorter range.",
                                "The period is longer than %d days. Choose a shorter range.",
                                KEFU_PERIOD_MAX_DAYS),
                   KEFU_PERIOD_MAX_DAYS);
      return FALSE;
    }
  period->kind = KEFU_PERIOD_CUSTOM;
  period->first = *first;
  period->last = *last;
  clamp_to_today (period, today);
  return TRUE;
}

guint
kefu_period_n_days (const KefuPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);
  return (guint) g_date_days_between (&period->first, &period->last) + 1;
}

void
kefu_period_previous (const KefuPeriod *period,
                      KefuPeriod       *previous)
{
  guint n;

  g_return_if_fail (period != NULL && previous != NULL);

  n = kefu_period_n_days (period);
  previous->kind = period->kind;
  previous->last = period->first;
  g_date_subtract_days (&previous->last, 1);
  previous->first = previous->last;
  g_date_subtract_days (&previous->first, n - 1);
}

gboolean
kefu_period_step (KefuPeriod  *period,
                  int          direction,
                  const GDate *today)
{
  KefuPeriod moved;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);

  if (period->kind == KEFU_PERIOD_CUSTOM)
    {
      guint n = kefu_period_n_days (period);

      moved = *period;
      if (direction < 0)
        {
          g_date_subtract_days (&moved.first, n);
          g_date_subtract_days (&moved.last, n);
        }
      else
        {
          g_date_add_days (&moved.first, n);
          g_date_add_days (&moved.last, n);
        }
    }
  else
    {
      GDate day = period->first;

      if (period->kind == KEFU_PERIOD_MONTH)
        direction < 0 ? g_date_subtract_months (&day, 1) : g_date_add_months (&day, 1);
      else
        {
          guint unit = period->kind == KEFU_PERIOD_WEEK ? 7 : 1;

          direction < 0 ? g_date_subtract_days (&day, unit) : g_date_add_days (&day, unit);
        }
      whole_unit (&moved, period->kind, &day);
    }

  if (today != NULL && g_date_valid (today) && g_date_compare (&moved.first, today) > 0)
    return FALSE;
  clamp_to_today (&moved, today);
  *period = moved;
  return TRUE;
}

gboolean
kefu_period_is_current (const KefuPeriod *period,
                        const GDate      *today)
{
  g_return_val_if_fail (period != NULL, FALSE);
  return today != NULL && g_date_valid (today) && g_date_compare (&period->last, today) == 0;
}

static GDateTime *
date_time (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
}

static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) time = date_time (day);

  /* TRANSLATORS: a day in the dashboard's period, in GDateTime's format (e.g. "Nov 27, 2026");
   * Chinese: "%Y年%-m月%-d日". */
  return g_date_time_format (time, C_("period day", "%b %-d, %Y"));
}

char *
kefu_period_format_day (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

char *
kefu_period_format_range (const KefuPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  if (g_date_compare (&period->first, &period->last) == 0)
    return format_day (&period->first);
  first = format_day (&period->first);
  last = format_day (&period->last);
  /* TRANSLATORS: a range of days, "Nov 1, 2026 – Nov 27, 2026". */
  return g_strdup_printf (C_("period range", "%s – %s"), first, last);
}

char *
kefu_period_describe (const KefuPeriod *period,
                      const GDate      *today)
{
  g_autoptr(GDateTime) first = NULL;
  KefuPeriod current;

  g_return_val_if_fail (period != NULL, NULL);

  if (today != NULL && g_date_valid (today) && period->kind != KEFU_PERIOD_CUSTOM)
    {
      kefu_period_init (&current, period->kind, today, today);
      if (g_date_compare (&current.first, &period->first) == 0 &&
          g_date_compare (&current.last, &period->last) == 0)
        {
          switch (period->kind)
            {
            case KEFU_PERIOD_DAY:
              return g_strdup (_("Today"));
            case KEFU_PERIOD_WEEK:
              return g_strdup (_("This Week"));
            case KEFU_PERIOD_MONTH:
              return g_strdup (_("This Month"));
            case KEFU_PERIOD_CUSTOM:
            default:
              break;
            }
        }
      if (period->kind == KEFU_PERIOD_DAY && g_date_days_between (&period->first, today) == 1)
        return g_strdup (_("Yesterday"));
    }

  if (period->kind == KEFU_PERIOD_MONTH)
    {
      first = date_time (&period->first);
      /* TRANSLATORS: a whole month in the dashboard's period, in GDateTime's format
       * ("November 2026"); Chinese: "%Y年%-m月". */
      return g_date_time_format (first, C_("period month", "%B %Y"));
    }
  return kefu_period_format_range (period);
}
