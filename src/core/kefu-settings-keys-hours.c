/* kefu-settings-keys-hours.c: the settings that are times of day or ranges of them: the
 * hand-over cut-off, the customers' rest hours, the office and working hours; how they are
 * read, written and tested against a time.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-settings-keys"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-settings-keys-private.h"

/* Parses "H:MM" or "HH:MM" at the whole of `text` (already folded and trimmed). `allow_24`
 * lets "24:00" stand for the end of the day. */
static gboolean
parse_time (const char  *text,
            gboolean     allow_24,
            guint       *minutes,
            GError     **error)
{
  const char *p = text;
  guint hours = 0;
  guint mins = 0;
  guint n_hour_digits = 0;

  while (g_ascii_isdigit (*p) && n_hour_digits < 3)
    {
      hours = hours * 10 + (guint) (*p - '0');
      n_hour_digits++;
      p++;
    }

  if (n_hour_digits == 0 || n_hour_digits > 2 || *p != ':' ||
      !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TIME,
                   _("“%s” is not a time of day; write hours and minutes, e.g. 10:00 or 8:30."),
                   text);
      return FALSE;
    }
  mins = (guint) (p[1] - '0') * 10 + (guint) (p[2] - '0');

  if (allow_24 && hours == 24 && mins == 0)
    {
      *minutes = KEFU_MINUTES_PER_DAY;
      return TRUE;
    }
  if (hours > 23 || mins > 59)
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TIME,
                   _("“%s” is not a time of day: hours go from 0 to 23 and minutes from 00 to 59."),
                   text);
      return FALSE;
    }

  *minutes = hours * 60 + mins;
  return TRUE;
}

gboolean
kefu_setting_parse_time_of_day (const char  *text,
                                guint       *minutes,
                                GError     **error)
{
  g_autofree char *folded = NULL;
  guint value;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = _kefu_setting_fold_and_trim (text, error);
  if (folded == NULL)
    return FALSE;
  if (!parse_time (folded, FALSE, &value, error))
    return FALSE;

  if (minutes != NULL)
    *minutes = value;
  return TRUE;
}

/**
 * kefu_setting_format_time_of_day:
 *
 * Returns: (transfer full): the time as "HH:MM"
 */
char *
kefu_setting_format_time_of_day (guint minutes)
{
  g_return_val_if_fail (minutes <= KEFU_MINUTES_PER_DAY, NULL);

  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

/**
 * kefu_setting_parse_time_ranges:
 *
 * Returns: (transfer full) (element-type KefuTimeRange) (nullable): the ranges
 */
GArray *
kefu_setting_parse_time_ranges (const char  *text,
                                GError     **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = _kefu_setting_fold_and_trim (text, error);
  if (folded == NULL)
    return NULL;

  ranges = g_array_new (FALSE, FALSE, sizeof (KefuTimeRange));
  items = _kefu_setting_split_list (folded);

  for (guint i = 0; items[i] != NULL; i++)
    {
      /* After folding, "～" is "~" and the dashes are "-". */
      const char *dash = strpbrk (items[i], "-~");
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      KefuTimeRange range;

      if (dash == NULL || strpbrk (dash + 1, "-~") != NULL)
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("“%s” is not a time range; write a start and an end time, e.g. 12:00-14:00."),
                       items[i]);
          return NULL;
        }

      start_text = g_strstrip (g_strndup (items[i], dash - items[i]));
      end_text = g_strstrip (g_strdup (dash + 1));

      if (!parse_time (start_text, FALSE, &range.start, error) ||
          !parse_time (end_text, TRUE, &range.end, error))
        return NULL;

      if (range.end == 0)
        range.end = KEFU_MINUTES_PER_DAY;
      if (range.start == range.end || (range.start == 0 && range.end == KEFU_MINUTES_PER_DAY))
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("The time range “%s” is empty or covers the whole day; give different start and end times."),
                       items[i]);
          return NULL;
        }

      g_array_append_val (ranges, range);
    }

  return g_steal_pointer (&ranges);
}

gboolean
kefu_time_ranges_contain (GArray *ranges,
                          guint   minute_of_day)
{
  g_return_val_if_fail (ranges != NULL, FALSE);
  g_return_val_if_fail (minute_of_day < KEFU_MINUTES_PER_DAY, FALSE);

  for (guint i = 0; i < ranges->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (ranges, KefuTimeRange, i);

      if (range->start < range->end)
        {
          if (minute_of_day >= range->start && minute_of_day < range->end)
            return TRUE;
        }
      else if (minute_of_day >= range->start || minute_of_day < range->end)
        /* The range crosses midnight: it holds the evening part and the morning part. */
        return TRUE;
    }

  return FALSE;
}

gboolean
kefu_quiet_hours_contains (GArray *ranges,
                           guint   minute_of_day)
{
  return kefu_time_ranges_contain (ranges, minute_of_day);
}

void
kefu_handover_date_for_order (GDateTime *local_time,
                              guint      cutoff_minutes,
                              GDate     *date)
{
  guint minute_of_day;

  g_return_if_fail (local_time != NULL);
  g_return_if_fail (cutoff_minutes < KEFU_MINUTES_PER_DAY);
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (local_time),
                  (GDateMonth) g_date_time_get_month (local_time),
                  (GDateYear) g_date_time_get_year (local_time));

  /* "Orders taken after the cut-off go into the next day's hand-over." */
  minute_of_day = (guint) (g_date_time_get_hour (local_time) * 60 +
                           g_date_time_get_minute (local_time));
  if (minute_of_day >= cutoff_minutes)
    g_date_add_days (date, 1);
}
