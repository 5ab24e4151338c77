/* kefuctl-demo-clock.c: the time the demo runs at and the last working moment before it, over
 * which the demo tells its stories (see kefuctl-demo-clock.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "core/kefu-work-calendar.h"
#include "store/kefu-store-clock.h"
#include "kefuctl-demo-clock.h"

#define NOW_VARIABLE "KEFUCTL_DEMO_NOW"
/* How far back the last working moment is looked for at first; a long holiday doubles it. */
#define FIRST_LOOK_DAYS 8
#define LAST_LOOK_DAYS  1024

/* $KEFUCTL_DEMO_NOW, or NULL when it is not set. */
static GDateTime *
given_now (void)
{
  const char *text = g_getenv (NOW_VARIABLE);
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  local = g_time_zone_new_local ();
  time = g_date_time_new_from_iso8601 (text, local);
  if (time == NULL)
    {
      /* A developer's variable, for tests: not interface text. */
      g_warning ("%s “%s” is not an ISO 8601 time such as 2026-11-29T11:00:00+08:00; the demo "
                 "runs at the real time", NOW_VARIABLE, text);
      return NULL;
    }
  return g_date_time_to_local (time);
}

/**
 * kefuctl_demo_now:
 *
 * Returns: (transfer full): the time the demo runs at, in the local zone
 */
GDateTime *
kefuctl_demo_now (void)
{
  GDateTime *now = given_now ();

  return now != NULL ? now : g_date_time_new_now_local ();
}

void
kefuctl_demo_reset_clock (KefuStore *store)
{
  g_autoptr(GDateTime) now = given_now ();

  g_return_if_fail (KEFU_IS_STORE (store));

  kefu_store_set_clock (store, now);
}

/* The setting `key`, or its default when the database has none. */
static char *
setting (KefuStore   *store,
         const char  *key,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value = kefu_store_get_setting (store, key, NULL, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return value != NULL ? value : g_strdup (kefu_setting_get_default (key));
}

KefuWorkCalendar *
kefuctl_demo_work_calendar (KefuStore  *store,
                            GError    **error)
{
  g_autofree char *hours = setting (store, KEFU_SETTING_WORK_HOURS, error);
  g_autofree char *days = hours != NULL ? setting (store, KEFU_SETTING_WORK_DAYS, error) : NULL;
  g_autofree char *holidays = days != NULL ? setting (store, KEFU_SETTING_WORK_HOLIDAYS, error)
                                           : NULL;
  KefuWorkCalendar *calendar;

  if (holidays == NULL)
    return NULL;
  calendar = kefu_work_calendar_new_from_settings (hours, days, holidays, NULL);
  if (calendar != NULL)
    return calendar;
  return kefu_work_calendar_new_from_settings (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS),
                                               kefu_setting_get_default (KEFU_SETTING_WORK_DAYS),
                                               "", error);
}

/* TRUE when there is at least a minute of working time between `time` and `now`. */
static gboolean
works_after (KefuWorkCalendar *calendar,
             gint64            time,
             GDateTime        *now)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc_usec (time);

  return kefu_work_calendar_working_minutes_between (calendar, from, now) > 0;
}

/**
 * kefuctl_demo_last_working_moment:
 *
 * Returns: (transfer full) (nullable): the moment, in the local zone
 */
GDateTime *
kefuctl_demo_last_working_moment (KefuStore  *store,
                                  GDateTime  *now,
                                  GError    **error)
{
  g_autoptr(KefuWorkCalendar) calendar = NULL;
  gint64 end = g_date_time_to_unix_usec (now);
  gint64 early, late;
  guint days = FIRST_LOOK_DAYS;
  g_autoptr(GDateTime) moment = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  calendar = kefuctl_demo_work_calendar (store, error);
  if (calendar == NULL)
    return NULL;
  if (kefu_work_calendar_is_working_time (calendar, now))
    return g_date_time_to_local (now);

  /* The working minutes after a time shrink as the time moves towards `now`: the last working
   * moment is a minute after the latest time that still has one, found by halving between a
   * time with some (a week or more back) and `now`, which has none. */
  early = end - (gint64) days * G_TIME_SPAN_DAY;
  while (!works_after (calendar, early, now))
    {
      days *= 2;
      if (days > LAST_LOOK_DAYS)
        /* No working time in years: a calendar of holidays only; the demo runs at `now`. */
        return g_date_time_to_local (now);
      early = end - (gint64) days * G_TIME_SPAN_DAY;
    }
  late = end;
  while (late - early > G_USEC_PER_SEC)
    {
      gint64 middle = early + (late - early) / 2;

      if (works_after (calendar, middle, now))
        early = middle;
      else
        late = middle;
    }
  /* Within the second before the end, which is on a whole minute: rounded up to it. */
  moment = g_date_time_new_from_unix_utc ((early + G_TIME_SPAN_MINUTE + G_USEC_PER_SEC - 1) /
                                          G_USEC_PER_SEC);
  return g_date_time_to_local (moment);
}

GDateTime *
kefuctl_demo_working_time_before (KefuWorkCalendar *calendar,
                                  GDateTime        *end,
                                  double            hours_ago)
{
  g_autoptr(GDateTime) week_ago = NULL;
  g_autoptr(GDateTime) origin = NULL;
  gint64 week_minutes, minutes, available;
  guint days;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  week_ago = g_date_time_add_days (end, -7);
  week_minutes = kefu_work_calendar_working_minutes_between (calendar, week_ago, end);
  minutes = (gint64) (hours_ago * week_minutes / (7.0 * 24.0) + (hours_ago >= 0 ? 0.5 : -0.5));
  /* `end` itself may close a working period: counting no minutes from it would give the next
   * morning. */
  if (minutes == 0)
    return g_date_time_to_local (end);
  if (minutes < 0)
    return kefu_work_calendar_add_working_minutes (calendar, end, (guint) -minutes);

  /* Counted forwards from a start far enough back to hold them, the only way the calendar
   * counts. */
  days = 14 + (guint) (hours_ago / 12);
  for (;;)
    {
      g_clear_pointer (&origin, g_date_time_unref);
      origin = g_date_time_add_days (end, -(gint) days);
      available = kefu_work_calendar_working_minutes_between (calendar, origin, end);
      if (available >= minutes || days > LAST_LOOK_DAYS)
        break;
      days *= 2;
    }
  return kefu_work_calendar_add_working_minutes (calendar, origin,
                                                 (guint) MAX (available - minutes, 0));
}

void
kefuctl_demo_local_date (GDateTime *time,
                         GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}
