/* test-callback-rules.c: the callback rules of kefu-callback-rules.h at their boundaries: the
 * settings they read, quiet and allowed minutes (the site's and the customer's), the next slot,
 * the deadline and first planned time over weekends, holidays and quiet hours (a callback made
 * at 19:59 on a Saturday), the retries and the escalation to the lead, the record's checks,
 * roles, claims, survey periods and their names, the script's placeholders, and the record's
 * display names. Times are read in Shanghai time, never the machine's zone. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "callback-test-helpers.h"
#include "kefu-enums.h"
#include "kefu-job-flow.h"
#include "kefu-settings-keys.h"

#define N_ROLES (KEFU_ROLE_ADMINISTRATOR + 1)

/* A Shanghai time; 2026-11-23 is a Monday, 2026-11-28 a Saturday. */
static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = core_test_shanghai ();

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* `got` (owned, may be NULL) is `want` (owned), printed in Shanghai time when not. */
static void
assert_time_is (GDateTime *got,
                GDateTime *want)
{
  g_autoptr(GDateTime) got_owned = got;
  g_autoptr(GDateTime) want_owned = want;
  g_autofree char *got_text = NULL;
  g_autofree char *want_text = g_date_time_format_iso8601 (want);

  g_assert_nonnull (got);
  got_text = g_date_time_format_iso8601 (got);
  g_assert_cmpstr (got_text, ==, want_text);
  /* Results are in the rules' zone (+08:00), so that a list shows them as the site reads them. */
  g_assert_cmpint (g_date_time_get_utc_offset (got), ==, 8 * G_TIME_SPAN_HOUR);
}

static void
test_settings (void)
{
  g_autoptr(GTimeZone) tz = core_test_shanghai ();
  g_autoptr(KefuCallbackRules) rules = kefu_callback_rules_new (tz);
  g_autoptr(GError) error = NULL;
  GArray *quiet;

  /* The settings' defaults. */
  g_assert_cmpuint (kefu_callback_rules_get_window_days (rules), ==, 3);
  g_assert_cmpuint (kefu_callback_rules_get_max_attempts (rules), ==, 3);
  g_assert_cmpuint (kefu_callback_rules_get_retry_minutes (rules), ==, 120);
  g_assert_cmpint (kefu_callback_rules_get_survey_period (rules), ==, KEFU_SURVEY_PERIOD_QUARTER);
  g_assert_true (kefu_callback_rules_get_timezone (rules) == tz);
  g_assert_nonnull (kefu_callback_rules_get_calendar (rules));
  g_assert_cmpuint (kefu_callback_rules_get_office_hours (rules)->len, ==, 1);

  /* The bounds of the two counts, each side. */
  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "0", &error));
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER);
  g_clear_error (&error);
  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "11", &error));
  g_clear_error (&error);
  g_assert_cmpuint (kefu_callback_rules_get_max_attempts (rules), ==, 3);
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "10", &error));
  g_assert_cmpuint (kefu_callback_rules_get_max_attempts (rules), ==, 10);
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "１", &error));
  g_assert_cmpuint (kefu_callback_rules_get_max_attempts (rules), ==, 1);

  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_RETRY_MINUTES, "9", &error));
  g_clear_error (&error);
  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_RETRY_MINUTES, "1441", &error));
  g_clear_error (&error);
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_RETRY_MINUTES, "10", &error));
  g_assert_cmpuint (kefu_callback_rules_get_retry_minutes (rules), ==, 10);
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_RETRY_MINUTES, "1440", &error));
  g_assert_cmpuint (kefu_callback_rules_get_retry_minutes (rules), ==, 1440);

  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_SURVEY_PERIOD, "weekly", &error));
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr (error->message, "weekly"));
  g_clear_error (&error);
  g_assert_cmpint (kefu_callback_rules_get_survey_period (rules), ==, KEFU_SURVEY_PERIOD_QUARTER);
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_SURVEY_PERIOD, " Half ", &error));
  g_assert_cmpint (kefu_callback_rules_get_survey_period (rules), ==, KEFU_SURVEY_PERIOD_HALF);

  /* An invalid value leaves the rule as it was. */
  quiet = kefu_callback_rules_get_quiet_hours (rules);
  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_QUIET_HOURS, "25:00-26:00", &error));
  g_clear_error (&error);
  g_assert_true (kefu_callback_rules_get_quiet_hours (rules) == quiet);
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_WINDOW_DAYS, "5", &error));
  g_assert_cmpuint (kefu_callback_rules_get_window_days (rules), ==, 5);
  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_WORK_DAYS, "Funday", &error));
  g_clear_error (&error);
  g_assert_false (kefu_callback_rules_set (rules, KEFU_SETTING_OFFICE_HOURS, "", &error));
  g_clear_error (&error);

  /* Keys the rules do not use are let through. */
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_HANDOVER_CUTOFF, "nonsense", &error));
  g_assert_true (kefu_callback_rules_set (rules, "no.such-key", "x", &error));
  g_assert_no_error (error);

  /* The customer's own times: an invalid one is refused with the settings' reason. */
  g_assert_null (kefu_callback_preferences_new_from_text ("10:00", NULL, &error));
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE);
  g_clear_error (&error);
  {
    g_autoptr(KefuCallbackPreferences) none = callback_test_prefs_new (NULL, "");

    g_assert_null (none->quiet);
    g_assert_null (none->preferred);
  }
}

static void
assert_setting (const char *key,
                const char *value,
                int         code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_test_message ("%s = %s", key, value);
  ok = kefu_setting_validate (key, value, &error);
  core_test_assert_result (ok, error, KEFU_SETTING_ERROR, code);
}

static void
test_setting_keys (void)
{
  static const char * const new_keys[] = {
    KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, KEFU_SETTING_CALLBACK_RETRY_MINUTES,
    KEFU_SETTING_CALLBACK_SURVEY_PERIOD, KEFU_SETTING_SITE_COMPANY_NAME,
    KEFU_SETTING_SCRIPT_OPENING, KEFU_SETTING_SCRIPT_QUESTION, KEFU_SETTING_SCRIPT_SATISFIED,
    KEFU_SETTING_SCRIPT_UNSATISFIED, KEFU_SETTING_SCRIPT_CLOSING_SATISFIED,
    KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED,
  };
  g_autofree char *name_60 = NULL;
  g_autofree char *name_61 = NULL;
  g_autoptr(GError) error = NULL;
  guint min = 0;
  guint max = 0;

  for (guint i = 0; i < G_N_ELEMENTS (new_keys); i++)
    {
      g_assert_true (g_strv_contains (kefu_setting_get_keys (), new_keys[i]));
      g_assert_nonnull (kefu_setting_get_default (new_keys[i]));
      g_assert_cmpstr (kefu_setting_get_title (new_keys[i]), !=, "");
      g_assert_cmpstr (kefu_setting_get_description (new_keys[i]), !=, "");
      assert_setting (new_keys[i], kefu_setting_get_default (new_keys[i]), -1);
    }
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_CALLBACK_MAX_ATTEMPTS), ==, "3");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_CALLBACK_RETRY_MINUTES), ==, "120");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_CALLBACK_SURVEY_PERIOD), ==, "quarter");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_SITE_COMPANY_NAME), ==, "");
  g_assert_nonnull (strstr (kefu_setting_get_default (KEFU_SETTING_SCRIPT_OPENING), "{company}"));
  g_assert_nonnull (strstr (kefu_setting_get_default (KEFU_SETTING_SCRIPT_OPENING), "{customer}"));
  g_assert_nonnull (strstr (kefu_setting_get_default (KEFU_SETTING_SCRIPT_QUESTION), "{service}"));

  g_assert_true (kefu_setting_get_count_range (KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, &min, &max));
  g_assert_cmpuint (min, ==, 1);
  g_assert_cmpuint (max, ==, 10);
  g_assert_true (kefu_setting_get_count_range (KEFU_SETTING_CALLBACK_RETRY_MINUTES, &min, &max));
  g_assert_cmpuint (min, ==, 10);
  g_assert_cmpuint (max, ==, 1440);
  g_assert_false (kefu_setting_get_count_range (KEFU_SETTING_CALLBACK_SURVEY_PERIOD, &min, &max));

  assert_setting (KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "0", KEFU_SETTING_ERROR_INVALID_NUMBER);
  assert_setting (KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "1", -1);
  assert_setting (KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "10", -1);
  assert_setting (KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "11", KEFU_SETTING_ERROR_INVALID_NUMBER);
  assert_setting (KEFU_SETTING_CALLBACK_RETRY_MINUTES, "9", KEFU_SETTING_ERROR_INVALID_NUMBER);
  assert_setting (KEFU_SETTING_CALLBACK_RETRY_MINUTES, "10", -1);
  assert_setting (KEFU_SETTING_CALLBACK_RETRY_MINUTES, "1440", -1);
  assert_setting (KEFU_SETTING_CALLBACK_RETRY_MINUTES, "1441", KEFU_SETTING_ERROR_INVALID_NUMBER);
  assert_setting (KEFU_SETTING_CALLBACK_RETRY_MINUTES, "two hours", KEFU_SETTING_ERROR_INVALID_NUMBER);
  for (guint p = KEFU_SURVEY_PERIOD_MONTH; p <= KEFU_SURVEY_PERIOD_YEAR; p++)
    assert_setting (KEFU_SETTING_CALLBACK_SURVEY_PERIOD,
                    kefu_enum_to_nick (KEFU_TYPE_SURVEY_PERIOD, (int) p), -1);
  assert_setting (KEFU_SETTING_CALLBACK_SURVEY_PERIOD, "YEAR", -1);
  assert_setting (KEFU_SETTING_CALLBACK_SURVEY_PERIOD, "week", KEFU_SETTING_ERROR_INVALID_TEXT);
  assert_setting (KEFU_SETTING_CALLBACK_SURVEY_PERIOD, "", KEFU_SETTING_ERROR_INVALID_TEXT);

  name_60 = g_strnfill (60, 'A');
  name_61 = g_strnfill (61, 'A');
  assert_setting (KEFU_SETTING_SITE_COMPANY_NAME, "", -1);
  assert_setting (KEFU_SETTING_SITE_COMPANY_NAME, "海河乳业", -1);
  assert_setting (KEFU_SETTING_SITE_COMPANY_NAME, name_60, -1);
  assert_setting (KEFU_SETTING_SITE_COMPANY_NAME, name_61, KEFU_SETTING_ERROR_INVALID_TEXT);
  assert_setting (KEFU_SETTING_SITE_COMPANY_NAME, "海河\n乳业", KEFU_SETTING_ERROR_INVALID_TEXT);

  /* A script part uses only the placeholders that are filled, and says something. */
  assert_setting (KEFU_SETTING_SCRIPT_OPENING, "您好,我是{company}的客服代表{clerk},请问您是{customer}吗?", -1);
  assert_setting (KEFU_SETTING_SCRIPT_QUESTION, "请问您对{date}的{service}满意吗?", -1);
  assert_setting (KEFU_SETTING_SCRIPT_CLOSING_SATISFIED, "", KEFU_SETTING_ERROR_INVALID_TEXT);
  assert_setting (KEFU_SETTING_SCRIPT_SATISFIED, "   ", KEFU_SETTING_ERROR_INVALID_TEXT);
  g_assert_false (kefu_setting_validate (KEFU_SETTING_SCRIPT_UNSATISFIED,
                                         "{customer}, how was {shop}? {price} {shop}", &error));
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT);
  /* Each unknown one named once, the known ones not among them. */
  g_assert_nonnull (strstr (error->message, ": {shop}, {price};"));
}

static void
test_quiet_and_allowed (void)
{
  g_autoptr(KefuCallbackRules) rules = callback_test_rules_new ("1-5", KEFU_SETTING_WORK_HOLIDAYS, "2026-11-25", NULL);
  g_autoptr(KefuCallbackPreferences) late_riser = callback_test_prefs_new ("00:00-10:00", NULL);
  static const struct { int hour; int minute; gboolean quiet; gboolean allowed; } monday[] = {
    { 8, 29, TRUE, FALSE }, { 8, 30, TRUE, FALSE }, { 8, 59, TRUE, FALSE }, { 9, 0, FALSE, TRUE },
    { 11, 59, FALSE, TRUE }, { 12, 0, TRUE, FALSE }, { 13, 59, TRUE, FALSE },
    { 14, 0, FALSE, TRUE }, { 17, 29, FALSE, TRUE }, { 17, 30, FALSE, FALSE },
    { 20, 29, FALSE, FALSE }, { 20, 30, TRUE, FALSE }, { 23, 59, TRUE, FALSE }, { 0, 0, TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (monday); i++)
    {
      g_autoptr(GDateTime) time = at (2026, 11, 23, monday[i].hour, monday[i].minute);

      g_test_message ("Monday %02d:%02d", monday[i].hour, monday[i].minute);
      g_assert_cmpint (kefu_callback_time_is_quiet (rules, NULL, time), ==, monday[i].quiet);
      g_assert_cmpint (kefu_callback_time_is_allowed (rules, NULL, time), ==, monday[i].allowed);
    }

  /* "Never before 10:00": 09:59 is the customer's rest, 10:00 is not. */
  {
    g_autoptr(GDateTime) t0959 = at (2026, 11, 23, 9, 59);
    g_autoptr(GDateTime) t1000 = at (2026, 11, 23, 10, 0);
    g_autoptr(GDateTime) sec = g_date_time_add_seconds (t0959, 59.5);

    g_assert_true (kefu_callback_time_is_quiet (rules, late_riser, t0959));
    g_assert_false (kefu_callback_time_is_allowed (rules, late_riser, t0959));
    g_assert_false (kefu_callback_time_is_allowed (rules, late_riser, sec));
    g_assert_false (kefu_callback_time_is_quiet (rules, late_riser, t1000));
    g_assert_true (kefu_callback_time_is_allowed (rules, late_riser, t1000));
  }

  /* Not on a weekend nor a holiday (Wednesday 25th), whatever the hour. */
  {
    g_autoptr(GDateTime) saturday = at (2026, 11, 28, 10, 0);
    g_autoptr(GDateTime) holiday = at (2026, 11, 25, 10, 0);
    g_autoptr(GDateTime) thursday = at (2026, 11, 26, 10, 0);

    g_assert_false (kefu_callback_time_is_allowed (rules, NULL, saturday));
    g_assert_false (kefu_callback_time_is_quiet (rules, NULL, saturday));
    g_assert_false (kefu_callback_time_is_allowed (rules, NULL, holiday));
    g_assert_true (kefu_callback_time_is_allowed (rules, NULL, thursday));
  }

  /* A time in another zone is read in the site's: 01:00 UTC is 09:00 in Shanghai. */
  {
    g_autoptr(GDateTime) utc_0100 = g_date_time_new_utc (2026, 11, 23, 1, 0, 0);
    g_autoptr(GDateTime) utc_0059 = g_date_time_new_utc (2026, 11, 23, 0, 59, 0);

    g_assert_true (kefu_callback_time_is_allowed (rules, NULL, utc_0100));
    g_assert_false (kefu_callback_time_is_allowed (rules, NULL, utc_0059));
  }
}

static void
test_office_over_midnight (void)
{
  /* A night desk 20:00–02:00 on working days Monday–Friday, no quiet hours: Friday's shift runs
   * into Saturday morning, Sunday's would run into Monday's but Sunday is no working day. */
  g_autoptr(KefuCallbackRules) rules = callback_test_rules_new ("1-5", KEFU_SETTING_OFFICE_HOURS, "20:00-02:00",
                                                  KEFU_SETTING_CALLBACK_QUIET_HOURS, "", NULL);
  g_autoptr(GDateTime) fri_2300 = at (2026, 11, 27, 23, 0);
  g_autoptr(GDateTime) sat_0100 = at (2026, 11, 28, 1, 0);
  g_autoptr(GDateTime) sat_0200 = at (2026, 11, 28, 2, 0);
  g_autoptr(GDateTime) sat_2300 = at (2026, 11, 28, 23, 0);
  g_autoptr(GDateTime) mon_0100 = at (2026, 11, 30, 1, 0);
  g_autoptr(GDateTime) mon_1200 = at (2026, 11, 30, 12, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_callback_time_is_allowed (rules, NULL, fri_2300));
  g_assert_true (kefu_callback_time_is_allowed (rules, NULL, sat_0100));
  g_assert_false (kefu_callback_time_is_allowed (rules, NULL, sat_0200));
  g_assert_false (kefu_callback_time_is_allowed (rules, NULL, sat_2300));
  g_assert_false (kefu_callback_time_is_allowed (rules, NULL, mon_0100));
  g_assert_false (kefu_callback_time_is_allowed (rules, NULL, mon_1200));

  /* Saturday 02:00 → Monday 20:00. */
  assert_time_is (kefu_callback_next_slot (rules, NULL, sat_0200, NULL, &error),
                  at (2026, 11, 30, 20, 0));
  g_assert_no_error (error);
}

static GDateTime *
next_slot (KefuCallbackRules             *rules,
           const KefuCallbackPreferences *prefs,
           GDateTime                     *from,
           GDateTime                     *prefer_before)
{
  g_autoptr(GError) error = NULL;
  GDateTime *slot = kefu_callback_next_slot (rules, prefs, from, prefer_before, &error);

  g_assert_no_error (error);
  return slot;
}

static void
test_next_slot (void)
{
  g_autoptr(KefuCallbackRules) rules = callback_test_rules_new ("1-5", NULL);
  g_autoptr(KefuCallbackRules) evening_desk = callback_test_rules_new ("1-5", KEFU_SETTING_OFFICE_HOURS,
                                                         "08:30-20:00", NULL);
  g_autoptr(KefuCallbackPreferences) afternoons = callback_test_prefs_new (NULL, "15:00-17:00");
  g_autoptr(KefuCallbackPreferences) evenings = callback_test_prefs_new (NULL, "18:00-20:30");
  g_autoptr(KefuCallbackPreferences) never = callback_test_prefs_new ("09:00-18:00", NULL);
  g_autoptr(GDateTime) mon_0900 = at (2026, 11, 23, 9, 0);
  g_autoptr(GDateTime) mon_1230 = at (2026, 11, 23, 12, 30);
  g_autoptr(GDateTime) mon_1500 = at (2026, 11, 23, 15, 0);
  g_autoptr(GDateTime) mon_1501 = at (2026, 11, 23, 15, 1);
  g_autoptr(GDateTime) mon_1730 = at (2026, 11, 23, 17, 30);
  g_autoptr(GDateTime) fri_1745 = at (2026, 11, 27, 17, 45);
  g_autoptr(GDateTime) mon_1000 = at (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) mon_1000_30 = g_date_time_add_seconds (mon_1000, 30);
  g_autoptr(GDateTime) utc_0430 = g_date_time_new_utc (2026, 11, 23, 4, 30, 0);
  g_autoptr(GError) error = NULL;

  /* An allowed time is its own slot; a quiet or closed one moves to the next allowed minute. */
  assert_time_is (next_slot (rules, NULL, mon_0900, NULL), at (2026, 11, 23, 9, 0));
  assert_time_is (next_slot (rules, NULL, mon_1230, NULL), at (2026, 11, 23, 14, 0));
  assert_time_is (next_slot (rules, NULL, mon_1730, NULL), at (2026, 11, 24, 9, 0));
  /* Over the weekend. */
  assert_time_is (next_slot (rules, NULL, fri_1745, NULL), at (2026, 11, 30, 9, 0));
  /* Whole minutes: half a minute past 10:00 gives 10:01. */
  assert_time_is (next_slot (rules, NULL, mon_1000_30, NULL), at (2026, 11, 23, 10, 1));
  /* 04:30 UTC is 12:30 in Shanghai, in the rest hours; the slot comes back in the site's zone. */
  assert_time_is (next_slot (rules, NULL, utc_0430, NULL), at (2026, 11, 23, 14, 0));

  /* Preferred ranges: taken when a slot in them lies before `prefer_before`, strictly. */
  assert_time_is (next_slot (rules, afternoons, mon_0900, NULL), at (2026, 11, 23, 15, 0));
  assert_time_is (next_slot (rules, afternoons, mon_0900, mon_1501), at (2026, 11, 23, 15, 0));
  assert_time_is (next_slot (rules, afternoons, mon_0900, mon_1500), at (2026, 11, 23, 9, 0));
  /* "Prefers evenings": the desk closes at 17:30, so no evening is ever allowed: any time. */
  assert_time_is (next_slot (rules, evenings, mon_0900, NULL), at (2026, 11, 23, 9, 0));
  /* A desk open until 20:00: the evening from 18:00. */
  assert_time_is (next_slot (evening_desk, evenings, mon_0900, NULL), at (2026, 11, 23, 18, 0));
  assert_time_is (next_slot (evening_desk, NULL, mon_1730, NULL), at (2026, 11, 23, 17, 30));

  /* A customer never free in the desk's hours has no slot. */
  g_assert_null (kefu_callback_next_slot (rules, never, mon_0900, NULL, &error));
  g_assert_error (error, KEFU_CALLBACK_ERROR, KEFU_CALLBACK_ERROR_NO_SLOT);
}

/* The deadline and first planned time of a callback for `event` under `rules`. */
static void
assert_plan (KefuCallbackRules             *rules,
             const KefuCallbackPreferences *prefs,
             GDateTime                     *event,
             GDateTime                     *want_deadline,
             GDateTime                     *want_first)
{
  GDateTime *deadline = kefu_callback_deadline (rules, event);
  g_autoptr(GDateTime) same = kefu_callback_due_after (event,
                                                       kefu_callback_rules_get_window_days (rules),
                                                       kefu_callback_rules_get_calendar (rules),
                                                       kefu_callback_rules_get_quiet_hours (rules));

  /* The after-sales flows' due time is the same rule. */
  g_assert_true (g_date_time_equal (deadline, same));
  assert_time_is (deadline, want_deadline);
  assert_time_is (kefu_callback_first_due (rules, prefs, event, NULL), want_first);
}

static void
test_deadline_and_first_due (void)
{
  g_autoptr(KefuCallbackRules) mon_fri = callback_test_rules_new ("1-5", NULL);
  g_autoptr(KefuCallbackRules) mon_sat = callback_test_rules_new ("1-6", NULL);
  g_autoptr(KefuCallbackRules) holiday = callback_test_rules_new ("1-5", KEFU_SETTING_WORK_HOLIDAYS, "2026-11-30", NULL);
  g_autoptr(KefuCallbackRules) one_day = callback_test_rules_new ("1-5", KEFU_SETTING_CALLBACK_WINDOW_DAYS, "1",
                                                    KEFU_SETTING_OFFICE_HOURS, "08:30-20:00", NULL);
  g_autoptr(KefuCallbackRules) late_desk = callback_test_rules_new ("1-7", KEFU_SETTING_WORK_HOURS, "08:30-21:30", NULL);
  g_autoptr(KefuCallbackPreferences) late_riser = callback_test_prefs_new ("00:00-10:00", NULL);
  g_autoptr(KefuCallbackPreferences) evenings = callback_test_prefs_new (NULL, "18:00-20:30");
  g_autoptr(GDateTime) sat_1959 = at (2026, 11, 28, 19, 59);
  g_autoptr(GDateTime) fri_1600 = at (2026, 11, 27, 16, 0);
  g_autoptr(GDateTime) mon_1000 = at (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) thu_1600 = at (2026, 11, 26, 16, 0);
  g_autoptr(GDateTime) agreed = at (2026, 11, 29, 13, 0);

  /* A callback made at 19:59 on a Saturday: with a Monday–Friday week the three working days
   * are Monday to Wednesday; with Monday–Saturday the Saturday itself is a working day but the
   * count starts the day after, and Sunday is off: Wednesday too. Either way the first call is
   * on Monday at 09:00, the first minute out of the rest hours in the desk's hours. */
  assert_plan (mon_fri, NULL, sat_1959, at (2026, 12, 2, 17, 30), at (2026, 11, 30, 9, 0));
  assert_plan (mon_sat, NULL, sat_1959, at (2026, 12, 2, 17, 30), at (2026, 11, 30, 9, 0));
  /* Monday a holiday: Tuesday to Thursday, first call Tuesday. */
  assert_plan (holiday, NULL, sat_1959, at (2026, 12, 3, 17, 30), at (2026, 12, 1, 9, 0));
  /* Friday afternoon, Monday–Friday: over the weekend. */
  assert_plan (mon_fri, NULL, fri_1600, at (2026, 12, 2, 17, 30), at (2026, 11, 30, 9, 0));
  /* Monday–Saturday: Friday's next working day is Saturday. */
  assert_plan (mon_sat, NULL, fri_1600, at (2026, 12, 1, 17, 30), at (2026, 11, 28, 9, 0));
  /* During the week: Monday → Thursday, first call Tuesday. */
  assert_plan (mon_fri, NULL, mon_1000, at (2026, 11, 26, 17, 30), at (2026, 11, 24, 9, 0));

  /* A working day that ends at 21:30, in the rest hours from 20:30: the deadline moves back. */
  assert_plan (late_desk, NULL, thu_1600, at (2026, 11, 29, 20, 30), at (2026, 11, 27, 9, 0));

  /* "Never before 10:00". */
  assert_plan (mon_fri, late_riser, sat_1959, at (2026, 12, 2, 17, 30), at (2026, 11, 30, 10, 0));
  /* "Prefers evenings", the desk open until 20:00: with three days Monday 18:00 is before the
   * deadline; with one day (Monday 17:30) it is not, and the first allowed time comes first. */
  {
    g_autoptr(KefuCallbackRules) evening_desk = callback_test_rules_new ("1-5", KEFU_SETTING_OFFICE_HOURS,
                                                           "08:30-20:00", NULL);

    assert_plan (evening_desk, evenings, sat_1959, at (2026, 12, 2, 17, 30), at (2026, 11, 30, 18, 0));
  }
  assert_plan (one_day, evenings, sat_1959, at (2026, 11, 30, 17, 30), at (2026, 11, 30, 9, 0));

  /* A time agreed with the customer is kept as it is, even a quiet Sunday lunchtime. */
  assert_time_is (kefu_callback_first_due (mon_fri, late_riser, sat_1959, agreed),
                  at (2026, 11, 29, 13, 0));
}

static void
test_retries (void)
{
  g_autoptr(KefuCallbackRules) rules = callback_test_rules_new ("1-5", NULL);
  g_autoptr(KefuCallbackRules) once = callback_test_rules_new ("1-5", KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "1", NULL);
  g_autoptr(KefuCallbackPreferences) late_riser = callback_test_prefs_new ("00:00-10:00", NULL);
  g_autoptr(GDateTime) mon_0930 = at (2026, 11, 23, 9, 30);
  g_autoptr(GDateTime) mon_1030 = at (2026, 11, 23, 10, 30);
  g_autoptr(GDateTime) mon_1130 = at (2026, 11, 23, 11, 30);
  g_autoptr(GDateTime) mon_1645 = at (2026, 11, 23, 16, 45);
  g_autoptr(GDateTime) fri_1645 = at (2026, 11, 27, 16, 45);
  static const KefuCallbackOutcome attempts[] = {
    KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_CALLBACK_OUTCOME_CALL_LATER,
    KEFU_CALLBACK_OUTCOME_BUSY, KEFU_CALLBACK_OUTCOME_CALL_LATER,
    KEFU_CALLBACK_OUTCOME_NO_ANSWER,
  };
  guint n_failures = 0;

  /* Retry-minutes times the failures so far: 120 after the first, 240 after the second. */
  assert_time_is (kefu_callback_retry_at (rules, NULL, mon_0930, 1), at (2026, 11, 23, 11, 30));
  assert_time_is (kefu_callback_retry_at (rules, NULL, mon_1130, 2), at (2026, 11, 23, 15, 30));
  /* The max-attempts-th failure goes to the lead. */
  g_assert_null (kefu_callback_retry_at (rules, NULL, mon_1130, 3));
  g_assert_null (kefu_callback_retry_at (rules, NULL, mon_1130, 4));
  g_assert_null (kefu_callback_retry_at (once, NULL, mon_0930, 1));
  /* Into the lunch rest: after it; past the desk's hours: the next morning, the customer's own
   * morning rest kept; over the weekend. */
  assert_time_is (kefu_callback_retry_at (rules, NULL, mon_1030, 1), at (2026, 11, 23, 14, 0));
  assert_time_is (kefu_callback_retry_at (rules, NULL, mon_1645, 1), at (2026, 11, 24, 9, 0));
  assert_time_is (kefu_callback_retry_at (rules, late_riser, mon_1645, 1), at (2026, 11, 24, 10, 0));
  assert_time_is (kefu_callback_retry_at (rules, NULL, fri_1645, 1), at (2026, 11, 30, 9, 0));

  /* Which outcomes count and which close. */
  for (KefuCallbackOutcome o = KEFU_CALLBACK_OUTCOME_REACHED; o <= KEFU_CALLBACK_OUTCOME_UNREACHABLE; o++)
    {
      gboolean failure = o == KEFU_CALLBACK_OUTCOME_NO_ANSWER || o == KEFU_CALLBACK_OUTCOME_BUSY;
      gboolean stays = failure || o == KEFU_CALLBACK_OUTCOME_CALL_LATER;

      g_assert_cmpint (kefu_callback_outcome_is_failure (o), ==, failure);
      g_assert_cmpint (kefu_callback_outcome_closes (o), ==, !stays);
    }

  /* A run of attempts: "call later" does not count, so the lead gets it at the third failure,
   * the fifth attempt, not before. */
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(GDateTime) next = NULL;

      if (!kefu_callback_outcome_is_failure (attempts[i]))
        continue;
      n_failures++;
      next = kefu_callback_retry_at (rules, NULL, mon_0930, n_failures);
      if (i + 1 < G_N_ELEMENTS (attempts))
        g_assert_nonnull (next);
      else
        g_assert_null (next);
    }
  g_assert_cmpuint (n_failures, ==, 3);
}

typedef struct
{
  KefuCallbackOutcome outcome;
  KefuCallbackMethod method;
  KefuSatisfaction satisfaction;
  const char *words;
  int agreed_minutes;       /* after now; 0: none */
  KefuRole role;
  gboolean escalated;
  int code;                 /* -1: accepted */
} RecordCase;

static void
test_check_record (void)
{
  static const RecordCase cases[] = {
    /* Reached: the satisfaction answer, and the words of one not satisfied. */
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      "很好", 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_INCOMPLETE },
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_SATISFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_SO_SO,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_NOT_SATISFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_INCOMPLETE },
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_NOT_SATISFIED,
      " \n ", 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_INCOMPLETE },
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_NOT_SATISFIED,
      "送货太慢", 0, KEFU_ROLE_CLERK, FALSE, -1 },
    /* The method: only a call is reached, unanswered or busy; only a message is sent. */
    { KEFU_CALLBACK_OUTCOME_REACHED, KEFU_CALLBACK_METHOD_SMS, KEFU_SATISFACTION_SATISFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_CALLBACK_METHOD_EMAIL, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_BUSY, KEFU_CALLBACK_METHOD_SMS, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    { KEFU_CALLBACK_OUTCOME_BUSY, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    { KEFU_CALLBACK_OUTCOME_SENT, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_SENT, KEFU_CALLBACK_METHOD_SMS, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    { KEFU_CALLBACK_OUTCOME_SENT, KEFU_CALLBACK_METHOD_EMAIL, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    /* A satisfaction answer only with a reached customer. */
    { KEFU_CALLBACK_OUTCOME_SENT, KEFU_CALLBACK_METHOD_SMS, KEFU_SATISFACTION_SATISFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_SO_SO,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_REFUSED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_NOT_SATISFIED,
      "不要再打了", 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_REFUSED, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      "不要再打了", 0, KEFU_ROLE_CLERK, FALSE, -1 },
    { KEFU_CALLBACK_OUTCOME_WRONG_NUMBER, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, -1 },
    /* Call later: an agreed time, after now. */
    { KEFU_CALLBACK_OUTCOME_CALL_LATER, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_INCOMPLETE },
    { KEFU_CALLBACK_OUTCOME_CALL_LATER, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, -1, KEFU_ROLE_CLERK, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_CALL_LATER, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 1, KEFU_ROLE_CLERK, FALSE, -1 },
    /* Unreachable: a lead, once the attempts ran out. */
    { KEFU_CALLBACK_OUTCOME_UNREACHABLE, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CLERK, TRUE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_UNREACHABLE, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_TEAM_LEAD, FALSE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
    { KEFU_CALLBACK_OUTCOME_UNREACHABLE, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_TEAM_LEAD, TRUE, -1 },
    { KEFU_CALLBACK_OUTCOME_UNREACHABLE, KEFU_CALLBACK_METHOD_SMS, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_CS_MANAGER, TRUE, -1 },
    { KEFU_CALLBACK_OUTCOME_UNREACHABLE, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_GM_OFFICE, TRUE, -1 },
    { KEFU_CALLBACK_OUTCOME_UNREACHABLE, KEFU_CALLBACK_METHOD_PHONE, KEFU_SATISFACTION_UNSPECIFIED,
      NULL, 0, KEFU_ROLE_TECHNICIAN, TRUE, KEFU_CALLBACK_ERROR_NOT_ALLOWED },
  };
  g_autoptr(GDateTime) now = at (2026, 11, 23, 10, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RecordCase *c = &cases[i];
      g_autoptr(GDateTime) agreed = c->agreed_minutes != 0
                                      ? g_date_time_add_minutes (now, c->agreed_minutes) : NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("case %u", i);
      ok = kefu_callback_check_record (c->outcome, c->method, c->satisfaction, c->words, agreed,
                                       now, c->role, c->escalated, &error);
      core_test_assert_result (ok, error, KEFU_CALLBACK_ERROR, c->code);
      if (error != NULL)
        g_assert_cmpstr (error->message, !=, "");
    }

  /* An agreed time exactly now has passed. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (kefu_callback_check_record (KEFU_CALLBACK_OUTCOME_CALL_LATER,
                                                KEFU_CALLBACK_METHOD_PHONE,
                                                KEFU_SATISFACTION_UNSPECIFIED, NULL, now, now,
                                                KEFU_ROLE_CLERK, FALSE, &error));
    g_assert_error (error, KEFU_CALLBACK_ERROR, KEFU_CALLBACK_ERROR_NOT_ALLOWED);
  }
}

static void
test_roles (void)
{
  for (KefuRole role = 0; role < N_ROLES; role++)
    {
      gboolean lead = role == KEFU_ROLE_TEAM_LEAD || role == KEFU_ROLE_CS_MANAGER ||
                      role == KEFU_ROLE_GM_OFFICE || role == KEFU_ROLE_ADMINISTRATOR;
      gboolean team = lead || role == KEFU_ROLE_CLERK;

      g_test_message ("role %d", role);
      g_assert_cmpint (kefu_role_leads_callbacks (role), ==, lead);
      /* A lead does anyone's; the team its own and the unassigned ones; others nothing. */
      g_assert_cmpint (kefu_callback_may_do (role, 7, 7), ==, team);
      g_assert_cmpint (kefu_callback_may_do (role, 7, 0), ==, team);
      g_assert_cmpint (kefu_callback_may_do (role, 7, 8), ==, lead);
    }
}

static void
test_claims (void)
{
  g_autoptr(GDateTime) renewed = g_date_time_new_utc (2026, 11, 23, 2, 0, 0);
  g_autoptr(GDateTime) almost = g_date_time_add (renewed, KEFU_CALLBACK_CLAIM_SECONDS * G_TIME_SPAN_SECOND - 1);
  g_autoptr(GDateTime) exactly = g_date_time_add_seconds (renewed, KEFU_CALLBACK_CLAIM_SECONDS);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (renewed, KEFU_CALLBACK_CLAIM_SECONDS + 60);
  g_autoptr(GDateTime) before = g_date_time_add_seconds (renewed, -5);
  g_autoptr(GDateTime) renew_due = g_date_time_add_seconds (renewed, KEFU_CALLBACK_CLAIM_RENEW_SECONDS);

  g_assert_cmpint (KEFU_CALLBACK_CLAIM_RENEW_SECONDS * 3, <, KEFU_CALLBACK_CLAIM_SECONDS);
  g_assert_true (kefu_callback_claim_is_live (renewed, renewed));
  g_assert_true (kefu_callback_claim_is_live (renewed, renew_due));
  g_assert_true (kefu_callback_claim_is_live (renewed, almost));
  g_assert_false (kefu_callback_claim_is_live (renewed, exactly));
  g_assert_false (kefu_callback_claim_is_live (renewed, later));
  /* Renewed by a workstation whose clock runs ahead: it holds. */
  g_assert_true (kefu_callback_claim_is_live (renewed, before));
  g_assert_false (kefu_callback_claim_is_live (NULL, renewed));
}

static void
assert_period (KefuSurveyPeriod period,
               const char      *day_text,
               gboolean         previous,
               const char      *want_first,
               const char      *want_last,
               const char      *want_name)
{
  GDate day;
  GDate first;
  GDate last;
  char first_text[16];
  char last_text[16];
  g_autofree char *name = NULL;

  guint year;
  guint month;
  guint mday;

  g_assert_cmpint (sscanf (day_text, "%u-%u-%u", &year, &month, &mday), ==, 3);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  kefu_survey_period_bounds (period, &day, previous, &first, &last);
  g_date_strftime (first_text, sizeof first_text, "%Y-%m-%d", &first);
  g_date_strftime (last_text, sizeof last_text, "%Y-%m-%d", &last);
  g_assert_cmpstr (first_text, ==, want_first);
  g_assert_cmpstr (last_text, ==, want_last);
  name = kefu_survey_period_format (period, &first);
  g_assert_cmpstr (name, ==, want_name);
}

static void
test_survey_periods (void)
{
  assert_period (KEFU_SURVEY_PERIOD_MONTH, "2026-11-27", FALSE, "2026-11-01", "2026-11-30", "2026-11");
  assert_period (KEFU_SURVEY_PERIOD_MONTH, "2026-11-01", TRUE, "2026-10-01", "2026-10-31", "2026-10");
  assert_period (KEFU_SURVEY_PERIOD_MONTH, "2027-01-31", TRUE, "2026-12-01", "2026-12-31", "2026-12");
  assert_period (KEFU_SURVEY_PERIOD_MONTH, "2028-02-10", FALSE, "2028-02-01", "2028-02-29", "2028-02");
  assert_period (KEFU_SURVEY_PERIOD_MONTH, "2028-03-31", TRUE, "2028-02-01", "2028-02-29", "2028-02");

  assert_period (KEFU_SURVEY_PERIOD_QUARTER, "2026-11-27", FALSE, "2026-10-01", "2026-12-31", "2026 Q4");
  assert_period (KEFU_SURVEY_PERIOD_QUARTER, "2026-12-31", TRUE, "2026-07-01", "2026-09-30", "2026 Q3");
  assert_period (KEFU_SURVEY_PERIOD_QUARTER, "2027-01-01", FALSE, "2027-01-01", "2027-03-31", "2027 Q1");
  assert_period (KEFU_SURVEY_PERIOD_QUARTER, "2027-03-31", TRUE, "2026-10-01", "2026-12-31", "2026 Q4");
  assert_period (KEFU_SURVEY_PERIOD_QUARTER, "2026-05-15", FALSE, "2026-04-01", "2026-06-30", "2026 Q2");

  assert_period (KEFU_SURVEY_PERIOD_HALF, "2026-06-30", FALSE, "2026-01-01", "2026-06-30", "2026 H1");
  assert_period (KEFU_SURVEY_PERIOD_HALF, "2026-07-01", FALSE, "2026-07-01", "2026-12-31", "2026 H2");
  assert_period (KEFU_SURVEY_PERIOD_HALF, "2026-11-27", TRUE, "2026-01-01", "2026-06-30", "2026 H1");
  assert_period (KEFU_SURVEY_PERIOD_HALF, "2027-03-01", TRUE, "2026-07-01", "2026-12-31", "2026 H2");

  assert_period (KEFU_SURVEY_PERIOD_YEAR, "2026-11-27", FALSE, "2026-01-01", "2026-12-31", "2026");
  assert_period (KEFU_SURVEY_PERIOD_YEAR, "2026-01-01", TRUE, "2025-01-01", "2025-12-31", "2025");
}

static void
test_script (void)
{
  GDate date;
  g_autofree char *filled = NULL;
  g_autofree char *missing = NULL;
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) opening_unknown = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);

  filled = kefu_callback_script_fill ("{clerk} of {company} to {customer}: {service} on {date}? "
                                      "{shop} {} {customer {a\nb} {{clerk}} { date}",
                                      "张先生", "海河乳业", "王芳", "上门维修", &date);
  g_assert_cmpstr (filled, ==, "王芳 of 海河乳业 to 张先生: 上门维修 on Nov 24? "
                               "{shop} {} {customer {a\nb} {王芳} { date}");

  /* A value not given fills nothing; nor does a date not given. */
  missing = kefu_callback_script_fill ("[{company}][{date}]", "张先生", NULL, "王芳", NULL, NULL);
  g_assert_cmpstr (missing, ==, "[][]");

  unknown = kefu_callback_script_unknown_placeholders ("{customer} {shop} {price} {shop} {date} {} {x\ny}");
  g_assert_nonnull (unknown);
  g_assert_cmpuint (g_strv_length (unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "shop");
  g_assert_cmpstr (unknown[1], ==, "price");
  opening_unknown = kefu_callback_script_unknown_placeholders (
    kefu_setting_get_default (KEFU_SETTING_SCRIPT_OPENING));
  g_assert_null (opening_unknown);
  g_assert_null (kefu_callback_script_unknown_placeholders ("no placeholders at all"));
  g_assert_null (kefu_callback_script_unknown_placeholders (""));
}

typedef const char *(*DisplayName) (int value);

static void
assert_names (int         n_values,
              DisplayName name)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int v = 0; v < n_values; v++)
    {
      const char *text = name (v);

      g_assert_nonnull (text);
      g_assert_cmpstr (text, !=, "");
      g_assert_true (g_hash_table_add (seen, (gpointer) text));
    }
}

static void
test_display_names (void)
{
  assert_names (KEFU_CALLBACK_METHOD_SMS + 1, (DisplayName) kefu_callback_method_get_display_name);
  assert_names (KEFU_CALLBACK_OUTCOME_UNREACHABLE + 1,
                (DisplayName) kefu_callback_outcome_get_display_name);
  assert_names (KEFU_SURVEY_PERIOD_YEAR + 1, (DisplayName) kefu_survey_period_get_display_name);
  assert_names (KEFU_CAMPAIGN_TARGET_PRODUCT + 1,
                (DisplayName) kefu_campaign_target_get_display_name);
  g_assert_cmpstr (kefu_callback_outcome_get_display_name (KEFU_CALLBACK_OUTCOME_NO_ANSWER), ==,
                   "No answer");
  g_assert_cmpstr (kefu_survey_period_get_display_name (KEFU_SURVEY_PERIOD_QUARTER), ==,
                   "Every quarter");
}

static void
test_record (void)
{
  g_autoptr(KefuCallback) callback = kefu_callback_new ();
  KefuCallbackAttempt *attempt = g_new0 (KefuCallbackAttempt, 1);

  g_assert_cmpint (callback->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpint (callback->satisfaction, ==, KEFU_SATISFACTION_UNSPECIFIED);
  g_assert_nonnull (callback->attempts);
  g_assert_cmpuint (callback->attempts->len, ==, 0);

  /* Every field the record owns is freed with it (valgrind or ASan would tell otherwise). */
  attempt->at = g_date_time_new_utc (2026, 11, 23, 2, 0, 0);
  attempt->by_name = g_strdup ("王芳");
  attempt->note = g_strdup ("无人接听");
  g_ptr_array_add (callback->attempts, attempt);
  callback->customer_name = g_strdup ("张先生");
  callback->due_at = g_date_time_new_utc (2026, 11, 24, 1, 0, 0);
  callback->claim_workstation = g_strdup ("ws-1");
  callback->customer_words = g_strdup ("很好");
  g_assert_cmpuint (callback->attempts->len, ==, 1);
  kefu_callback_attempt_free (NULL);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/callback-rules/settings", test_settings);
  g_test_add_func ("/kefu/callback-rules/setting-keys", test_setting_keys);
  g_test_add_func ("/kefu/callback-rules/quiet-and-allowed", test_quiet_and_allowed);
  g_test_add_func ("/kefu/callback-rules/office-over-midnight", test_office_over_midnight);
  g_test_add_func ("/kefu/callback-rules/next-slot", test_next_slot);
  g_test_add_func ("/kefu/callback-rules/deadline-and-first-due", test_deadline_and_first_due);
  g_test_add_func ("/kefu/callback-rules/retries", test_retries);
  g_test_add_func ("/kefu/callback-rules/check-record", test_check_record);
  g_test_add_func ("/kefu/callback-rules/roles", test_roles);
  g_test_add_func ("/kefu/callback-rules/claims", test_claims);
  g_test_add_func ("/kefu/callback-rules/survey-periods", test_survey_periods);
  g_test_add_func ("/kefu/callback-rules/script", test_script);
  g_test_add_func ("/kefu/callback-rules/display-names", test_display_names);
  g_test_add_func ("/kefu/callback-rules/record", test_record);

  return g_test_run ();
}
