/* kefu-work-calendar.c: working time and the deadline arithmetic over it.
 *
 * Working time is turned into concrete intervals of instants, one per working range of each
 * working day, built from the local date and time in the calendar's zone. Every computation then
 * works on instants, so a day that is 23 or 25 hours long (a change to or from summer time) counts
 * its real working minutes, and a deadline keeps its wall-clock time across the change.
 *
 * A range that crosses midnight (a night shift, "21:00-06:00") belongs to the day it starts on:
 * the shift that starts on a Saturday evening works into Sunday morning even when Sunday is not a
 * working day, and the shift that would start on a holiday does not happen at all.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-work-calendar"

#include "config.h"

#include <stdlib.h>

#include "kefu-work-calendar.h"
#include "kefu-settings-keys.h"

struct _KefuWorkCalendar
{
  gatomicrefcount ref_count;
  GArray *hours;      /* KefuTimeRange */
  guint weekdays;     /* bit (1 << d) per working ISO weekday */
  GArray *holidays;   /* GDate, sorted */
  GTimeZone *tz;
  guint day_minutes;  /* the working minutes of one full working day */
};

/* One stretch of working time, as Unix times in microseconds: [start, end). */
typedef struct
{
  gint64 start;
  gint64 end;
} Interval;

/* Intervals are gathered a week at a time; a search gives up after this many days, which only a
 * calendar whose holidays cover years on end can reach. */
#define WINDOW_USEC   (7 * G_TIME_SPAN_DAY)
/* Most deadlines fall within a day or two: the first look is short, which halves the work of
 * the deadline check over thousands of complaints. */
#define FIRST_WINDOW_USEC (2 * G_TIME_SPAN_DAY)
#define SEARCH_DAYS   1000
#define MAX_WINDOWS   (SEARCH_DAYS / 7 + 1)

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const Interval *x = a;
  const Interval *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static gboolean
is_holiday (KefuWorkCalendar *self,
            const GDate      *day)
{
  return self->holidays->len > 0 &&
         bsearch (day, self->holidays->data, self->holidays->len, sizeof (GDate),
                  compare_dates) != NULL;
}

static gboolean
is_working_day (KefuWorkCalendar *self,
                const GDate      *day)
{
  guint weekday = g_date_get_weekday (day);  /* G_DATE_MONDAY = 1 … G_DATE_SUNDAY = 7 */

  return (self->weekdays & (1u << weekday)) != 0 && !is_holiday (self, day);
}

/* GDate's Julian day of 1970-01-01, to turn days since the Unix epoch into dates. */
#define JULIAN_UNIX_EPOCH 719163

/* The instant of `minutes` after local midnight of `day` (minutes may run into the next day). A
 * local time that does not exist (in the hour skipped by a change to summer time) is moved to
 * the first one that does, as g_date_time_new () does; this is its arithmetic without the
 * allocations, as it runs for every working range of every day looked at. */
static gint64
local_instant (KefuWorkCalendar *self,
               const GDate      *day,
               guint             minutes)
{
  gint64 local = ((gint64) g_date_get_julian (day) - JULIAN_UNIX_EPOCH) * 86400 +
                 (gint64) minutes * 60;
  gint64 adjusted = local;
  int interval = g_time_zone_adjust_time (self->tz, G_TIME_TYPE_STANDARD, &adjusted);

  return (adjusted - g_time_zone_get_offset (self->tz, interval)) * G_USEC_PER_SEC;
}

/* The local date of `usec` in the calendar's zone. */
static void
local_date (KefuWorkCalendar *self,
            gint64            usec,
            GDate            *date)
{
  gint64 seconds = usec >= 0 ? usec / G_USEC_PER_SEC : -((-usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  int interval = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, seconds);
  gint64 local = seconds + g_time_zone_get_offset (self->tz, interval);
  gint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) (days + JULIAN_UNIX_EPOCH));
}

/* The working intervals that overlap [from, to), cut to it, sorted and merged. Intervals start on
 * the day they belong to, so the day before `from` is read too for a shift crossing into it. */
static GArray *
gather (KefuWorkCalendar *self,
        gint64            from,
        gint64            to)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (Interval));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Interval));
  GDate day;
  GDate last;

  local_date (self, from, &day);
  local_date (self, to, &last);
  g_date_subtract_days (&day, 1);

  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      if (!is_working_day (self, &day))
        continue;

      for (guint i = 0; i < self->hours->len; i++)
        {
          const KefuTimeRange *range = &g_array_index (self->hours, KefuTimeRange, i);
          guint end = range->end > range->start ? range->end : range->end + KEFU_MINUTES_PER_DAY;
          Interval interval = {
            MAX (local_instant (self, &day, range->start), from),
            MIN (local_instant (self, &day, end), to),
          };

          if (interval.start < interval.end)
            g_array_append_val (raw, interval);
        }
    }

  g_array_sort (raw, compare_intervals);

  for (guint i = 0; i < raw->len; i++)
    {
      const Interval *interval = &g_array_index (raw, Interval, i);
      Interval *previous = merged->len > 0 ? &g_array_index (merged, Interval, merged->len - 1) : NULL;

      if (previous != NULL && interval->start <= previous->end)
        previous->end = MAX (previous->end, interval->end);
      else
        g_array_append_val (merged, *interval);
    }

  return merged;
}

static GDateTime *
instant_to_local (KefuWorkCalendar *self,
                  gint64            usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc_usec (usec);

  return g_date_time_to_timezone (utc, self->tz);
}

/* The start of working time at or after `usec`; FALSE when there is none in SEARCH_DAYS. */
static gboolean
next_working_usec (KefuWorkCalendar *self,
                   gint64            usec,
                   gint64           *next)
{
  gint64 from = usec;
  gint64 length = FIRST_WINDOW_USEC;

  for (guint w = 0; w < MAX_WINDOWS + 1; w++, from += length, length = WINDOW_USEC)
    {
      g_autoptr(GArray) intervals = gather (self, from, from + length);

      if (intervals->len > 0)
        {
          *next = g_array_index (intervals, Interval, 0).start;
          return TRUE;
        }
    }

  return FALSE;
}

static guint
range_minutes (const KefuTimeRange *range)
{
  return range->end > range->start ? range->end - range->start
                                   : KEFU_MINUTES_PER_DAY - range->start + range->end;
}

/**
 * kefu_work_calendar_new:
 *
 * Returns: (transfer full): the calendar
 */
KefuWorkCalendar *
kefu_work_calendar_new (GArray    *hours,
                        guint      weekdays,
                        GArray    *holidays,
                        GTimeZone *tz)
{
  KefuWorkCalendar *self;

  g_return_val_if_fail (hours != NULL && hours->len > 0, NULL);
  g_return_val_if_fail (g_array_get_element_size (hours) == sizeof (KefuTimeRange), NULL);
  g_return_val_if_fail ((weekdays & 0xFE) != 0 && (weekdays & ~0xFEu) == 0, NULL);
  g_return_val_if_fail (holidays == NULL || g_array_get_element_size (holidays) == sizeof (GDate),
                        NULL);

  self = g_new0 (KefuWorkCalendar, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->hours = g_array_sized_new (FALSE, FALSE, sizeof (KefuTimeRange), hours->len);
  self->holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
  self->weekdays = weekdays;
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();

  for (guint i = 0; i < hours->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (hours, KefuTimeRange, i);

      g_return_val_if_fail (range->start < KEFU_MINUTES_PER_DAY &&
                            range->end <= KEFU_MINUTES_PER_DAY &&
                            range->start != range->end, (kefu_work_calendar_unref (self), NULL));
      g_array_append_val (self->hours, *range);
      self->day_minutes += range_minutes (range);
    }
  /* Overlapping ranges would count twice; a day never has more than all its minutes. */
  self->day_minutes = MIN (self->day_minutes, KEFU_MINUTES_PER_DAY);

  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      const GDate *day = &g_array_index (holidays, GDate, i);

      if (g_date_valid (day))
        g_array_append_val (self->holidays, *day);
    }
  /* Sorted for the binary search of is_holiday (); repeats do no harm there. */
  g_array_sort (self->holidays, compare_dates);

  return self;
}

/**
 * kefu_work_calendar_new_from_settings:
 *
 * Returns: (transfer full) (nullable): the calendar, or NULL with the invalid setting's reason
 */
KefuWorkCalendar *
kefu_work_calendar_new_from_settings (const char  *hours,
                                      const char  *days,
                                      const char  *holidays,
                                      GError     **error)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) dates = NULL;
  guint weekdays = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kefu_setting_validate (KEFU_SETTING_WORK_HOURS, hours, error))
    return NULL;
  ranges = kefu_setting_parse_time_ranges (hours, error);
  if (ranges == NULL)
    return NULL;
  if (!kefu_setting_parse_weekdays (days, &weekdays, error))
    return NULL;
  dates = kefu_setting_parse_holidays (holidays, error);
  if (dates == NULL)
    return NULL;

  return kefu_work_calendar_new (ranges, weekdays, dates, NULL);
}

/**
 * kefu_work_calendar_ref:
 *
 * Returns: (transfer full): `self`
 */
KefuWorkCalendar *
kefu_work_calendar_ref (KefuWorkCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kefu_work_calendar_unref (KefuWorkCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->hours, g_array_unref);
  g_clear_pointer (&self->holidays, g_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self);
}

gboolean
kefu_work_calendar_is_working_time (KefuWorkCalendar *self,
                                    GDateTime        *time)
{
  g_autoptr(GArray) intervals = NULL;
  gint64 usec;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  usec = g_date_time_to_unix_usec (time);
  intervals = gather (self, usec, usec + 1);
  return intervals->len > 0;
}

/**
 * kefu_work_calendar_next_working_time:
 *
 * Returns: (transfer full): `time` or the start of the next working period, in the calendar's
 *   zone
 */
GDateTime *
kefu_work_calendar_next_working_time (KefuWorkCalendar *self,
                                      GDateTime        *time)
{
  gint64 next;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  if (!next_working_usec (self, g_date_time_to_unix_usec (time), &next))
    {
      g_warning ("No working time in the %d days after the given time; check the holidays",
                 SEARCH_DAYS);
      return g_date_time_to_timezone (time, self->tz);
    }

  return instant_to_local (self, next);
}

/**
 * kefu_work_calendar_add_working_minutes:
 *
 * Returns: (transfer full): the instant, in the calendar's zone
 */
GDateTime *
kefu_work_calendar_add_working_minutes (KefuWorkCalendar *self,
                                        GDateTime        *start,
                                        guint             minutes)
{
  gint64 remaining = (gint64) minutes * G_TIME_SPAN_MINUTE;
  gint64 from;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  if (minutes == 0)
    return kefu_work_calendar_next_working_time (self, start);

  from = g_date_time_to_unix_usec (start);
  for (gint64 w = 0, length = FIRST_WINDOW_USEC; w < MAX_WINDOWS * 10;
       w++, from += length, length = WINDOW_USEC)
    {
      g_autoptr(GArray) intervals = gather (self, from, from + length);

      for (guint i = 0; i < intervals->len; i++)
        {
          const Interval *interval = &g_array_index (intervals, Interval, i);
          gint64 length = interval->end - interval->start;

          /* A deadline may fall on the very end of working time ("by 17:30"), never after it. */
          if (remaining <= length)
            return instant_to_local (self, interval->start + remaining);
          remaining -= length;
        }
    }

  g_warning ("Not enough working time after the given time; check the holidays");
  return g_date_time_to_timezone (start, self->tz);
}

/**
 * kefu_work_calendar_add_working_days:
 *
 * Returns: (transfer full): the instant, in the calendar's zone
 */
GDateTime *
kefu_work_calendar_add_working_days (KefuWorkCalendar *self,
                                     GDateTime        *start,
                                     guint             days)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  return kefu_work_calendar_add_working_minutes (self, start, days * self->day_minutes);
}

/**
 * kefu_work_calendar_add_days:
 *
 * Returns: (transfer full): the instant, in the calendar's zone
 */
GDateTime *
kefu_work_calendar_add_days (KefuWorkCalendar *self,
                             GDateTime        *start,
                             guint             days)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  /* Calendar days in the site's zone keep the wall-clock time over a change of summer time. */
  local = g_date_time_to_timezone (start, self->tz);
  later = g_date_time_add_days (local, (int) days);
  return kefu_work_calendar_next_working_time (self, later);
}

/**
 * kefu_work_calendar_end_of_working_day:
 *
 * Returns: (transfer full): the instant, in the calendar's zone
 */
GDateTime *
kefu_work_calendar_end_of_working_day (KefuWorkCalendar *self,
                                       GDateTime        *start,
                                       guint             days)
{
  GDate day;
  guint counted = 0;
  guint end = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  local_date (self, g_date_time_to_unix_usec (start), &day);

  /* Counted from the day after `start`'s, so a Sunday call has its third working day on the
   * Wednesday; the search ends like the others when holidays leave no working day. */
  for (guint i = 0; i < SEARCH_DAYS; i++)
    {
      if (days == 0 ? is_working_day (self, &day) : counted == days)
        break;
      g_date_add_days (&day, 1);
      if (is_working_day (self, &day))
        counted++;
    }

  for (guint i = 0; i < self->hours->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (self->hours, KefuTimeRange, i);

      end = MAX (end, range->end > range->start ? range->end : range->end + KEFU_MINUTES_PER_DAY);
    }

  return instant_to_local (self, local_instant (self, &day, end));
}

gint64
kefu_work_calendar_working_minutes_between (KefuWorkCalendar *self,
                                            GDateTime        *from,
                                            GDateTime        *to)
{
  gint64 start;
  gint64 end;
  gint64 total = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL, 0);
  g_return_val_if_fail (to != NULL, 0);

  start = g_date_time_to_unix_usec (from);
  end = g_date_time_to_unix_usec (to);

  for (gint64 window = start; window < end; window += WINDOW_USEC)
    {
      g_autoptr(GArray) intervals = gather (self, window, MIN (window + WINDOW_USEC, end));

      for (guint i = 0; i < intervals->len; i++)
        {
          const Interval *interval = &g_array_index (intervals, Interval, i);

          total += interval->end - interval->start;
        }
    }

  return total / G_TIME_SPAN_MINUTE;
}
