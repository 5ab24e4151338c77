/* kefu-callback-rules.c: the callback rules object read from the settings, the customers' own
 * times, and the time arithmetic of "one avoid, three musts": quiet and allowed times, the next
 * allowed slot, the deadline and the first planned time, and the retries of a failed attempt.
 * The record's checks, roles, claims and survey periods are in kefu-callback-record.c, the
 * campaigns in kefu-callback-campaign.c, the script in kefu-callback-script.c.
 *
 * Slots are looked for a local day at a time: each day's allowed minutes are laid out as a map
 * of 1440 flags (office hours on working days, less the site's and the customer's quiet
 * ranges), so that a search over weeks costs a few thousand byte writes, not a date per minute.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "kefu-callback-rules-private.h"
#include "kefu-job-flow.h"
#include "kefu-settings-keys-private.h"

G_DEFINE_QUARK (kefu-callback-error-quark, kefu_callback_error)

struct _KefuCallbackRules
{
  gatomicrefcount ref_count;
  GTimeZone *tz;
  GArray *quiet;          /* KefuTimeRange: callback.quiet-hours */
  GArray *office;         /* KefuTimeRange: office.hours */
  GArray *work_hours;     /* KefuTimeRange: work.hours */
  guint weekdays;         /* bit (1 << d) per working ISO weekday */
  GArray *holidays;       /* GDate, sorted */
  KefuWorkCalendar *calendar;
  guint window_days;
  guint max_attempts;
  guint retry_minutes;
  KefuSurveyPeriod survey_period;
};

/* The keys the rules read, in an order that sets the calendar's three parts before it is built
 * from them (kefu_callback_rules_new ()). */
static const char * const rule_keys[] = {
  KEFU_SETTING_CALLBACK_QUIET_HOURS,
  KEFU_SETTING_CALLBACK_WINDOW_DAYS,
  KEFU_SETTING_CALLBACK_MAX_ATTEMPTS,
  KEFU_SETTING_CALLBACK_RETRY_MINUTES,
  KEFU_SETTING_CALLBACK_SURVEY_PERIOD,
  KEFU_SETTING_OFFICE_HOURS,
  KEFU_SETTING_WORK_HOURS,
  KEFU_SETTING_WORK_DAYS,
  KEFU_SETTING_WORK_HOLIDAYS,
};

static gboolean
is_rule_key (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (rule_keys); i++)
    if (strcmp (key, rule_keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
rebuild_calendar (KefuCallbackRules *self)
{
  if (self->work_hours == NULL || self->weekdays == 0 || self->holidays == NULL)
    return;
  g_clear_pointer (&self->calendar, kefu_work_calendar_unref);
  self->calendar = kefu_work_calendar_new (self->work_hours, self->weekdays, self->holidays,
                                           self->tz);
}

static void
replace_array (GArray **slot,
               GArray  *value)
{
  g_clear_pointer (slot, g_array_unref);
  *slot = value;
}

/**
 * kefu_callback_rules_new:
 *
 * Returns: (transfer full): the rules with every setting's default
 */
KefuCallbackRules *
kefu_callback_rules_new (GTimeZone *tz)
{
  KefuCallbackRules *self = g_new0 (KefuCallbackRules, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();

  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    {
      g_autoptr(GError) error = NULL;

      /* The defaults are Kefu's own: one that does not parse is a bug, not a site's choice. */
      if (!kefu_callback_rules_set (self, rule_keys[i], kefu_setting_get_default (rule_keys[i]),
                                    &error))
        g_error ("The default of %s does not parse: %s", rule_keys[i], error->message);
    }

  return self;
}

KefuCallbackRules *
kefu_callback_rules_ref (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kefu_callback_rules_unref (KefuCallbackRules *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_time_zone_unref (self->tz);
  g_clear_pointer (&self->quiet, g_array_unref);
  g_clear_pointer (&self->office, g_array_unref);
  g_clear_pointer (&self->work_hours, g_array_unref);
  g_clear_pointer (&self->holidays, g_array_unref);
  g_clear_pointer (&self->calendar, kefu_work_calendar_unref);
  g_free (self);
}

gboolean
kefu_callback_rules_set (KefuCallbackRules *self,
                         const char        *key,
                         const char        *value,
                         GError           **error)
{
  guint min = 0;
  guint max = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_rule_key (key))
    return TRUE;
  /* The settings' own check gives the reason a person can act on; once it passed, the parsers
   * below cannot fail. */
  if (!kefu_setting_validate (key, value, error))
    return FALSE;

  if (strcmp (key, KEFU_SETTING_CALLBACK_QUIET_HOURS) == 0)
    replace_array (&self->quiet, kefu_setting_parse_time_ranges (value, NULL));
  else if (strcmp (key, KEFU_SETTING_OFFICE_HOURS) == 0)
    replace_array (&self->office, kefu_setting_parse_time_ranges (value, NULL));
  else if (strcmp (key, KEFU_SETTING_WORK_HOURS) == 0)
    {
      replace_array (&self->work_hours, kefu_setting_parse_time_ranges (value, NULL));
      rebuild_calendar (self);
    }
  else if (strcmp (key, KEFU_SETTING_WORK_DAYS) == 0)
    {
      kefu_setting_parse_weekdays (value, &self->weekdays, NULL);
      rebuild_calendar (self);
    }
  else if (strcmp (key, KEFU_SETTING_WORK_HOLIDAYS) == 0)
    {
      replace_array (&self->holidays, kefu_setting_parse_holidays (value, NULL));
      rebuild_calendar (self);
    }
  else if (strcmp (key, KEFU_SETTING_CALLBACK_WINDOW_DAYS) == 0)
    kefu_setting_parse_window_days (value, &self->window_days, NULL);
  else if (strcmp (key, KEFU_SETTING_CALLBACK_SURVEY_PERIOD) == 0)
    _kefu_setting_parse_survey_period (value, &self->survey_period, NULL);
  else if (kefu_setting_get_count_range (key, &min, &max))
    kefu_setting_parse_count (value, min, max,
                              strcmp (key, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS) == 0
                                ? &self->max_attempts : &self->retry_minutes,
                              NULL);

  return TRUE;
}

GTimeZone *
kefu_callback_rules_get_timezone (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tz;
}

GArray *
kefu_callback_rules_get_quiet_hours (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->quiet;
}

GArray *
kefu_callback_rules_get_office_hours (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->office;
}

KefuWorkCalendar *
kefu_callback_rules_get_calendar (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->calendar;
}

guint
kefu_callback_rules_get_window_days (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->window_days;
}

guint
kefu_callback_rules_get_max_attempts (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_attempts;
}

guint
kefu_callback_rules_get_retry_minutes (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->retry_minutes;
}

KefuSurveyPeriod
kefu_callback_rules_get_survey_period (KefuCallbackRules *self)
{
  g_return_val_if_fail (self != NULL, KEFU_SURVEY_PERIOD_QUARTER);
  return self->survey_period;
}

/* The customer's own times. */

/* Parses one of the customer's texts: NULL or empty is no range (NULL array). */
static gboolean
parse_customer_ranges (const char  *text,
                       GArray     **ranges,
                       GError     **error)
{
  g_autoptr(GArray) parsed = NULL;

  *ranges = NULL;
  if (text == NULL)
    return TRUE;
  parsed = kefu_setting_parse_time_ranges (text, error);
  if (parsed == NULL)
    return FALSE;
  if (parsed->len > 0)
    *ranges = g_steal_pointer (&parsed);
  return TRUE;
}

/**
 * kefu_callback_preferences_new_from_text:
 *
 * Returns: (transfer full) (nullable): the preferences
 */
KefuCallbackPreferences *
kefu_callback_preferences_new_from_text (const char  *quiet,
                                         const char  *preferred,
                                         GError     **error)
{
  g_autoptr(KefuCallbackPreferences) prefs = g_new0 (KefuCallbackPreferences, 1);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_customer_ranges (quiet, &prefs->quiet, error) ||
      !parse_customer_ranges (preferred, &prefs->preferred, error))
    return NULL;
  return g_steal_pointer (&prefs);
}

void
kefu_callback_preferences_free (KefuCallbackPreferences *prefs)
{
  if (prefs == NULL)
    return;
  g_clear_pointer (&prefs->quiet, g_array_unref);
  g_clear_pointer (&prefs->preferred, g_array_unref);
  g_free (prefs);
}

/* Quiet and allowed minutes. */

gboolean
_kefu_callback_rules_is_working_day (KefuCallbackRules *self,
                                     const GDate       *day)
{
  if ((self->weekdays & (1u << g_date_get_weekday (day))) == 0)
    return FALSE;
  return self->holidays->len == 0 ||
         bsearch (day, self->holidays->data, self->holidays->len, sizeof (GDate),
                  (GCompareFunc) g_date_compare) == NULL;
}

/* Lays `ranges` over a day's map of minutes: each minute of a range set to `value`; a range
 * over midnight covers the evening and the morning of the same day. */
static void
paint_ranges (guint8 *minutes,
              GArray *ranges,
              guint8  value)
{
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (ranges, KefuTimeRange, i);

      if (range->start < range->end)
        memset (minutes + range->start, value, range->end - range->start);
      else
        {
          memset (minutes + range->start, value, KEFU_MINUTES_PER_DAY - range->start);
          memset (minutes, value, range->end);
        }
    }
}

/* The office ranges that run on `day`: a range belongs to the day it starts on, so a shift over
 * midnight starting on a working day runs into the next morning, and a morning's part is open
 * only when the day before was a working day. */
static void
paint_office (KefuCallbackRules *self,
              const GDate       *day,
              guint8            *minutes)
{
  GDate before = *day;
  gboolean today = _kefu_callback_rules_is_working_day (self, day);
  gboolean yesterday;

  g_date_subtract_days (&before, 1);
  yesterday = _kefu_callback_rules_is_working_day (self, &before);

  for (guint i = 0; i < self->office->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (self->office, KefuTimeRange, i);

      if (range->start < range->end)
        {
          if (today)
            memset (minutes + range->start, 1, range->end - range->start);
          continue;
        }
      if (today)
        memset (minutes + range->start, 1, KEFU_MINUTES_PER_DAY - range->start);
      if (yesterday)
        memset (minutes, 1, range->end);
    }
}

/* The allowed minutes of `day` (1: allowed), and in `preferred` (when not NULL) those of them
 * inside the customer's preferred ranges. */
static void
map_day (KefuCallbackRules             *self,
         const KefuCallbackPreferences *prefs,
         const GDate                   *day,
         guint8                        *allowed,
         guint8                        *preferred)
{
  memset (allowed, 0, KEFU_MINUTES_PER_DAY);
  paint_office (self, day, allowed);
  paint_ranges (allowed, self->quiet, 0);
  if (prefs != NULL)
    paint_ranges (allowed, prefs->quiet, 0);

  if (preferred == NULL)
    return;
  memset (preferred, 0, KEFU_MINUTES_PER_DAY);
  paint_ranges (preferred, prefs->preferred, 1);
  for (guint m = 0; m < KEFU_MINUTES_PER_DAY; m++)
    preferred[m] &= allowed[m];
}

/* `time` in the rules' zone, its local day and minute of the day. */
static GDateTime *
local_time (KefuCallbackRules *self,
            GDateTime         *time,
            GDate             *day,
            guint             *minute)
{
  GDateTime *local = g_date_time_to_timezone (time, self->tz);

  if (day != NULL)
    {
      g_date_clear (day, 1);
      g_date_set_dmy (day, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local),
                      (GDateYear) g_date_time_get_year (local));
    }
  *minute = (guint) (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
  return local;
}

gboolean
kefu_callback_time_is_quiet (KefuCallbackRules             *rules,
                             const KefuCallbackPreferences *prefs,
                             GDateTime                     *time)
{
  g_autoptr(GDateTime) local = NULL;
  guint minute;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  local = local_time (rules, time, NULL, &minute);
  return kefu_time_ranges_contain (rules->quiet, minute) ||
         (prefs != NULL && prefs->quiet != NULL && kefu_time_ranges_contain (prefs->quiet, minute));
}

gboolean
kefu_callback_time_is_allowed (KefuCallbackRules             *rules,
                               const KefuCallbackPreferences *prefs,
                               GDateTime                     *time)
{
  g_autoptr(GDateTime) local = NULL;
  guint8 allowed[KEFU_MINUTES_PER_DAY];
  GDate day;
  guint minute;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  local = local_time (rules, time, &day, &minute);
  map_day (rules, prefs, &day, allowed, NULL);
  return allowed[minute] != 0;
}

/* The next slot. */

static GDateTime *
day_minute_new (KefuCallbackRules *self,
                const GDate       *day,
                guint              minute)
{
  return g_date_time_new (self->tz, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), (int) (minute / 60), (int) (minute % 60), 0);
}

GDateTime *
_kefu_callback_rules_day_start (KefuCallbackRules *self,
                                const GDate       *day)
{
  return day_minute_new (self, day, 0);
}

/* The first minute at or after `from` (seconds rounded up to the next minute) that is allowed,
 * and in the customer's preferred ranges when `preferred_only`, not after `limit` (µs); NULL
 * when none. */
static GDateTime *
search (KefuCallbackRules             *self,
        const KefuCallbackPreferences *prefs,
        GDateTime                     *from,
        gint64                         limit,
        gboolean                       preferred_only)
{
  g_autoptr(GDateTime) local = NULL;
  guint8 allowed[KEFU_MINUTES_PER_DAY];
  guint8 preferred[KEFU_MINUTES_PER_DAY];
  const guint8 *wanted = preferred_only ? preferred : allowed;
  GDate day;
  guint first;

  local = local_time (self, from, &day, &first);
  if (g_date_time_get_second (local) != 0 || g_date_time_get_microsecond (local) != 0)
    first++;

  for (guint d = 0; d <= KEFU_CALLBACK_SEARCH_DAYS; d++, first = 0, g_date_add_days (&day, 1))
    {
      map_day (self, prefs, &day, allowed, preferred_only ? preferred : NULL);
      for (guint m = first; m < KEFU_MINUTES_PER_DAY; m++)
        {
          g_autoptr(GDateTime) slot = NULL;

          if (!wanted[m])
            continue;
          slot = day_minute_new (self, &day, m);
          /* A minute skipped by a change to summer time comes out later than asked: it is
           * still a real minute of that day, after `from`. */
          if (g_date_time_to_unix_usec (slot) > limit)
            return NULL;
          if (g_date_time_compare (slot, from) >= 0)
            return g_steal_pointer (&slot);
        }
    }
  return NULL;
}

/**
 * kefu_callback_next_slot:
 *
 * Returns: (transfer full) (nullable): the slot, in the rules' zone
 */
GDateTime *
kefu_callback_next_slot (KefuCallbackRules             *rules,
                         const KefuCallbackPreferences *prefs,
                         GDateTime                     *from,
                         GDateTime                     *prefer_before,
                         GError                       **error)
{
  gint64 window_end;
  GDateTime *slot = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  window_end = g_date_time_to_unix_usec (from) + KEFU_CALLBACK_SEARCH_DAYS * G_TIME_SPAN_DAY;

  /* A preferred time counts only while it is early enough; "before" is strict, so that a
   * deadline is met by a call that starts before it. */
  if (prefs != NULL && prefs->preferred != NULL)
    {
      gint64 limit = window_end;

      if (prefer_before != NULL)
        limit = MIN (limit, g_date_time_to_unix_usec (prefer_before) - 1);
      slot = search (rules, prefs, from, limit, TRUE);
    }
  if (slot == NULL)
    slot = search (rules, prefs, from, window_end, FALSE);

  if (slot == NULL)
    g_set_error (error, KEFU_CALLBACK_ERROR, KEFU_CALLBACK_ERROR_NO_SLOT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "No time to call the customer was found in the next %u day: check the office hours, the working days and the customer's rest hours.",
                              "No time to call the customer was found in the next %u days: check the office hours, the working days and the customer's rest hours.",
                              KEFU_CALLBACK_SEARCH_DAYS),
                 (guint) KEFU_CALLBACK_SEARCH_DAYS);
  return slot;
}

/* The deadline and the first planned time. */

/**
 * kefu_callback_deadline:
 *
 * Returns: (transfer full): the deadline, in the rules' zone
 */
GDateTime *
kefu_callback_deadline (KefuCallbackRules *rules,
                        GDateTime         *event_time)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (event_time != NULL, NULL);

  /* The after-sales flows' rule is the same one; it gives the start of the quiet range the end
   * of the day falls in, the first minute that is no longer allowed: "by 20:30". */
  due = kefu_callback_due_after (event_time, rules->window_days, rules->calendar, rules->quiet);
  return g_date_time_to_timezone (due, rules->tz);
}

/**
 * kefu_callback_first_due:
 *
 * Returns: (transfer full) (nullable): the first planned time, in the rules' zone
 */
GDateTime *
kefu_callback_first_due (KefuCallbackRules             *rules,
                         const KefuCallbackPreferences *prefs,
                         GDateTime                     *event_time,
                         GDateTime                     *agreed_at)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) from = NULL;
  GDate day;
  guint minute;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (event_time != NULL, NULL);

  /* "Best at a time agreed with the customer": their word comes before every rule. */
  if (agreed_at != NULL)
    return g_date_time_to_timezone (agreed_at, rules->tz);

  local = local_time (rules, event_time, &day, &minute);
  for (guint i = 0; i <= KEFU_CALLBACK_SEARCH_DAYS; i++)
    {
      g_date_add_days (&day, 1);
      if (_kefu_callback_rules_is_working_day (rules, &day))
        break;
    }

  deadline = kefu_callback_deadline (rules, event_time);
  from = day_minute_new (rules, &day, 0);
  return kefu_callback_next_slot (rules, prefs, from, deadline, NULL);
}

/* Attempts. */

gboolean
kefu_callback_outcome_closes (KefuCallbackOutcome outcome)
{
  switch (outcome)
    {
    case KEFU_CALLBACK_OUTCOME_REACHED:
    case KEFU_CALLBACK_OUTCOME_WRONG_NUMBER:
    case KEFU_CALLBACK_OUTCOME_REFUSED:
    case KEFU_CALLBACK_OUTCOME_SENT:
    case KEFU_CALLBACK_OUTCOME_UNREACHABLE:
      return TRUE;
    case KEFU_CALLBACK_OUTCOME_NO_ANSWER:
    case KEFU_CALLBACK_OUTCOME_BUSY:
    case KEFU_CALLBACK_OUTCOME_CALL_LATER:
    default:
      return FALSE;
    }
}

gboolean
kefu_callback_outcome_is_failure (KefuCallbackOutcome outcome)
{
  return outcome == KEFU_CALLBACK_OUTCOME_NO_ANSWER || outcome == KEFU_CALLBACK_OUTCOME_BUSY;
}

/**
 * kefu_callback_retry_at:
 *
 * Returns: (transfer full) (nullable): the next attempt's time, or NULL for the lead
 */
GDateTime *
kefu_callback_retry_at (KefuCallbackRules             *rules,
                        const KefuCallbackPreferences *prefs,
                        GDateTime                     *attempt_at,
                        guint                          n_failures)
{
  g_autoptr(GDateTime) from = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (attempt_at != NULL, NULL);
  g_return_val_if_fail (n_failures > 0, NULL);

  if (n_failures >= rules->max_attempts)
    return NULL;

  /* Each failure waits longer: a customer out at 10:00 is likelier in at 14:00 than at 12:00. */
  from = g_date_time_add_minutes (attempt_at, (int) (rules->retry_minutes * n_failures));
  return kefu_callback_next_slot (rules, prefs, from, NULL, NULL);
}
