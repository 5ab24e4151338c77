/* test-work-calendar.c: working time and the deadline arithmetic over nights, weekends, a
 * Saturday, holidays, night shifts and changes of summer time. */
#include "config.h"

#include <locale.h>

#include "kefu-settings-keys.h"
#include "kefu-work-calendar.h"

#define MON_SAT ((1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) | (1u << 6))
#define MON_FRI ((1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5))
#define EVERY_DAY (MON_SAT | (1u << 7))

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  /* Without tzdata the DST cases would silently test UTC. */
  g_assert_nonnull (tz);
  return tz;
}

static KefuWorkCalendar *
calendar_new (const char *hours,
              guint       weekdays,
              const char *holidays,
              GTimeZone  *tz)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = kefu_setting_parse_time_ranges (hours, &error);
  g_autoptr(GArray) dates = kefu_setting_parse_holidays (holidays, &error);

  g_assert_no_error (error);
  return kefu_work_calendar_new (ranges, weekdays, dates, tz);
}

static GDateTime *
at (GTimeZone *tz,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  return g_date_time_new (tz, 2026, month, day, hour, minute, 0);
}

/* Asserts `dt` is the local time given in `tz`, with the same instant. */
static void
assert_time (GDateTime *dt,
             GTimeZone *tz,
             int        month,
             int        day,
             int        hour,
             int        minute)
{
  g_autoptr(GDateTime) want = at (tz, month, day, hour, minute);
  g_autofree char *got_text = g_date_time_format_iso8601 (dt);
  g_autofree char *want_text = g_date_time_format_iso8601 (want);

  g_assert_nonnull (dt);
  g_assert_cmpstr (got_text, ==, want_text);
  g_assert_cmpint (g_date_time_to_unix (dt), ==, g_date_time_to_unix (want));
}

static void
test_working_time (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-17:30", MON_SAT, "", tz);
  struct { int month, day, hour, minute; gboolean working; } cases[] = {
    { 11, 27, 8, 29, FALSE },   /* Friday, before work */
    { 11, 27, 8, 30, TRUE },
    { 11, 27, 12, 0, TRUE },
    { 11, 27, 17, 29, TRUE },
    { 11, 27, 17, 30, FALSE },  /* the end of a range is not in it */
    { 11, 27, 23, 0, FALSE },   /* the night */
    { 11, 28, 10, 0, TRUE },    /* Saturday is a working day */
    { 11, 29, 10, 0, FALSE },   /* Sunday is not */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) t = at (tz, cases[i].month, cases[i].day, cases[i].hour, cases[i].minute);

      g_test_message ("case %u", i);
      g_assert_cmpint (kefu_work_calendar_is_working_time (cal, t), ==, cases[i].working);
    }
}

static void
test_next_working_time (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-17:30", MON_SAT, "", tz);
  g_autoptr(GDateTime) friday_noon = at (tz, 11, 27, 12, 0);
  g_autoptr(GDateTime) friday_night = at (tz, 11, 27, 20, 0);
  g_autoptr(GDateTime) saturday_dawn = at (tz, 11, 28, 3, 0);
  g_autoptr(GDateTime) saturday_evening = at (tz, 11, 28, 17, 30);
  g_autoptr(GDateTime) r1 = kefu_work_calendar_next_working_time (cal, friday_noon);
  g_autoptr(GDateTime) r2 = kefu_work_calendar_next_working_time (cal, friday_night);
  g_autoptr(GDateTime) r3 = kefu_work_calendar_next_working_time (cal, saturday_dawn);
  g_autoptr(GDateTime) r4 = kefu_work_calendar_next_working_time (cal, saturday_evening);

  assert_time (r1, tz, 11, 27, 12, 0);      /* already working time: itself */
  assert_time (r2, tz, 11, 28, 8, 30);      /* the night: next morning */
  assert_time (r3, tz, 11, 28, 8, 30);
  assert_time (r4, tz, 11, 30, 8, 30);      /* Saturday evening: Monday, over the Sunday */
}

static void
test_working_minutes (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-17:30", MON_SAT, "", tz);
  g_autoptr(GDateTime) fri_1530 = at (tz, 11, 27, 15, 30);
  g_autoptr(GDateTime) fri_1600 = at (tz, 11, 27, 16, 0);
  g_autoptr(GDateTime) fri_2000 = at (tz, 11, 27, 20, 0);
  g_autoptr(GDateTime) sat_1600 = at (tz, 11, 28, 16, 0);
  g_autoptr(GDateTime) sat_1630 = at (tz, 11, 28, 16, 30);
  g_autoptr(GDateTime) mon_0900 = at (tz, 11, 30, 9, 0);
  g_autoptr(GDateTime) r = NULL;

  /* A deadline may fall on the very end of the day, not the next morning. */
  r = kefu_work_calendar_add_working_minutes (cal, fri_1530, 120);
  assert_time (r, tz, 11, 27, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_working_minutes (cal, fri_1530, 121);
  assert_time (r, tz, 11, 28, 8, 31);
  g_clear_pointer (&r, g_date_time_unref);

  /* Started in the night: counted from the next morning. */
  r = kefu_work_calendar_add_working_minutes (cal, fri_2000, 120);
  assert_time (r, tz, 11, 28, 10, 30);
  g_clear_pointer (&r, g_date_time_unref);

  /* Saturday afternoon: 90 minutes on Saturday, the rest on Monday over the Sunday. */
  r = kefu_work_calendar_add_working_minutes (cal, sat_1600, 120);
  assert_time (r, tz, 11, 30, 9, 0);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_working_minutes (cal, sat_1630, 120);
  assert_time (r, tz, 11, 30, 9, 30);
  g_clear_pointer (&r, g_date_time_unref);

  /* Zero minutes: the next working time. */
  r = kefu_work_calendar_add_working_minutes (cal, fri_2000, 0);
  assert_time (r, tz, 11, 28, 8, 30);
  g_clear_pointer (&r, g_date_time_unref);

  g_assert_cmpint (kefu_work_calendar_working_minutes_between (cal, fri_1600, mon_0900), ==,
                   90 + 540 + 30);
  g_assert_cmpint (kefu_work_calendar_working_minutes_between (cal, mon_0900, fri_1600), ==, 0);
  g_assert_cmpint (kefu_work_calendar_working_minutes_between (cal, fri_2000, fri_2000), ==, 0);
  /* A month: 26 working days (Mon–Sat) in the 30 days of December's first part, 540 each. */
  {
    g_autoptr(GDateTime) dec1 = at (tz, 12, 1, 0, 0);
    g_autoptr(GDateTime) dec31 = at (tz, 12, 31, 0, 0);

    /* 1–30 December 2026: Tuesday 1st to Wednesday 30th, four Sundays (6, 13, 20, 27). */
    g_assert_cmpint (kefu_work_calendar_working_minutes_between (cal, dec1, dec31), ==,
                     26 * 540);
  }
}

static void
test_working_days (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) mon_sat = calendar_new ("08:30-17:30", MON_SAT, "", tz);
  g_autoptr(KefuWorkCalendar) mon_fri = calendar_new ("08:30-17:30", MON_FRI, "", tz);
  g_autoptr(GDateTime) fri_1600 = at (tz, 11, 27, 16, 0);
  g_autoptr(GDateTime) sat_1600 = at (tz, 11, 28, 16, 0);
  g_autoptr(GDateTime) r = NULL;

  /* Friday 16:00 + 1 working day in a Monday–Saturday week: Saturday 16:00. */
  r = kefu_work_calendar_add_working_days (mon_sat, fri_1600, 1);
  assert_time (r, tz, 11, 28, 16, 0);
  g_clear_pointer (&r, g_date_time_unref);

  /* In a Monday–Friday week: Monday 16:00. */
  r = kefu_work_calendar_add_working_days (mon_fri, fri_1600, 1);
  assert_time (r, tz, 11, 30, 16, 0);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_working_days (mon_sat, fri_1600, 2);
  assert_time (r, tz, 11, 30, 16, 0);
  g_clear_pointer (&r, g_date_time_unref);

  /* A start on a Saturday outside a Monday–Friday week: Monday morning + 2 hours. */
  r = kefu_work_calendar_add_working_minutes (mon_fri, sat_1600, 120);
  assert_time (r, tz, 11, 30, 10, 30);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_working_days (mon_sat, fri_1600, 0);
  assert_time (r, tz, 11, 27, 16, 0);
}

static void
test_add_days (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-17:30", MON_SAT, "", tz);
  g_autoptr(GDateTime) fri_1000 = at (tz, 11, 27, 10, 0);
  g_autoptr(GDateTime) fri_2000 = at (tz, 11, 27, 20, 0);
  g_autoptr(GDateTime) sat_1000 = at (tz, 11, 28, 10, 0);
  g_autoptr(GDateTime) r = NULL;

  r = kefu_work_calendar_add_days (cal, fri_1000, 1);
  assert_time (r, tz, 11, 28, 10, 0);
  g_clear_pointer (&r, g_date_time_unref);

  /* Three days after a Friday evening is a Monday evening: moved out of the night. */
  r = kefu_work_calendar_add_days (cal, fri_2000, 3);
  assert_time (r, tz, 12, 1, 8, 30);
  g_clear_pointer (&r, g_date_time_unref);

  /* A Sunday is moved to Monday morning. */
  r = kefu_work_calendar_add_days (cal, sat_1000, 1);
  assert_time (r, tz, 11, 30, 8, 30);
}

static void
test_holidays (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  /* The National Day week: Thursday 1 to Wednesday 7 October 2026. */
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-17:30", MON_SAT,
                                                  "2026-10-01..2026-10-07", tz);
  g_autoptr(GDateTime) sep30 = at (tz, 9, 30, 16, 0);
  g_autoptr(GDateTime) oct3 = at (tz, 10, 3, 10, 0);
  g_autoptr(GDateTime) oct8 = at (tz, 10, 8, 10, 0);
  g_autoptr(GDateTime) r = NULL;

  g_assert_false (kefu_work_calendar_is_working_time (cal, oct3));
  g_assert_true (kefu_work_calendar_is_working_time (cal, oct8));

  r = kefu_work_calendar_add_working_minutes (cal, sep30, 120);
  assert_time (r, tz, 10, 8, 9, 0);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_working_days (cal, sep30, 1);
  assert_time (r, tz, 10, 8, 16, 0);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_days (cal, sep30, 3);
  assert_time (r, tz, 10, 8, 8, 30);
  g_clear_pointer (&r, g_date_time_unref);

  g_assert_cmpint (kefu_work_calendar_working_minutes_between (cal, sep30, oct8), ==, 90 + 90);
}

static void
test_lunch_break (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-12:00, 13:30-17:30", MON_SAT, "", tz);
  g_autoptr(GDateTime) fri_1100 = at (tz, 11, 27, 11, 0);
  g_autoptr(GDateTime) fri_1230 = at (tz, 11, 27, 12, 30);
  g_autoptr(GDateTime) r = kefu_work_calendar_add_working_minutes (cal, fri_1100, 120);
  g_autoptr(GDateTime) day = kefu_work_calendar_add_working_days (cal, fri_1100, 1);

  assert_time (r, tz, 11, 27, 14, 30);
  g_assert_false (kefu_work_calendar_is_working_time (cal, fri_1230));
  /* One working day is 7.5 hours here: 60 minutes on Friday morning, 240 in the afternoon, and
   * 150 on Saturday from 08:30. */
  assert_time (day, tz, 11, 28, 11, 0);
}

static void
test_night_shift (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  /* A night shift Monday to Friday: Friday's shift works into Saturday morning; there is no
   * Saturday or Sunday shift, so Monday's early hours are not working time. */
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("21:00-06:00", MON_FRI, "", tz);
  g_autoptr(GDateTime) fri_2300 = at (tz, 11, 27, 23, 0);
  g_autoptr(GDateTime) sat_0200 = at (tz, 11, 28, 2, 0);
  g_autoptr(GDateTime) sat_2200 = at (tz, 11, 28, 22, 0);
  g_autoptr(GDateTime) mon_0500 = at (tz, 11, 30, 5, 0);
  g_autoptr(GDateTime) tue_0500 = at (tz, 12, 1, 5, 0);
  g_autoptr(GDateTime) fri_1200 = at (tz, 11, 27, 12, 0);
  g_autoptr(GDateTime) r = NULL;

  g_assert_true (kefu_work_calendar_is_working_time (cal, fri_2300));
  g_assert_true (kefu_work_calendar_is_working_time (cal, sat_0200));
  g_assert_false (kefu_work_calendar_is_working_time (cal, sat_2200));
  g_assert_false (kefu_work_calendar_is_working_time (cal, mon_0500));
  g_assert_true (kefu_work_calendar_is_working_time (cal, tue_0500));
  g_assert_false (kefu_work_calendar_is_working_time (cal, fri_1200));

  /* Seven hours left of Friday's shift, then the next shift on Monday evening. */
  r = kefu_work_calendar_add_working_minutes (cal, fri_2300, 8 * 60);
  assert_time (r, tz, 11, 30, 22, 0);
  g_clear_pointer (&r, g_date_time_unref);

  /* Started in the day: counted from the evening's shift, over midnight. */
  r = kefu_work_calendar_add_working_minutes (cal, fri_1200, 5 * 60);
  assert_time (r, tz, 11, 28, 2, 0);
  g_clear_pointer (&r, g_date_time_unref);

  /* One working day is the whole 9-hour shift: from the start of Friday's to its end. */
  r = kefu_work_calendar_add_working_days (cal, fri_1200, 1);
  assert_time (r, tz, 11, 28, 6, 0);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_next_working_time (cal, sat_2200);
  assert_time (r, tz, 11, 30, 21, 0);
  g_clear_pointer (&r, g_date_time_unref);

  g_assert_cmpint (kefu_work_calendar_working_minutes_between (cal, fri_1200, mon_0500), ==, 9 * 60);
}

static void
test_zones (void)
{
  g_autoptr(GTimeZone) shanghai = zone ("Asia/Shanghai");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-17:30", MON_SAT, "", shanghai);
  /* 00:30 UTC is 08:30 in Shanghai (UTC+8 all year). */
  g_autoptr(GDateTime) start = g_date_time_new (utc, 2026, 11, 27, 0, 30, 0);
  g_autoptr(GDateTime) before = g_date_time_new (utc, 2026, 11, 27, 0, 29, 0);
  g_autoptr(GDateTime) friday_night_utc = g_date_time_new (utc, 2026, 11, 27, 12, 0, 0);
  g_autoptr(GDateTime) r = NULL;

  g_assert_true (kefu_work_calendar_is_working_time (cal, start));
  g_assert_false (kefu_work_calendar_is_working_time (cal, before));

  /* Noon UTC is 20:00 in Shanghai: the next working time is Saturday 08:30 there, given in the
   * calendar's zone. */
  r = kefu_work_calendar_next_working_time (cal, friday_night_utc);
  assert_time (r, shanghai, 11, 28, 8, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (r), ==, 8 * G_TIME_SPAN_HOUR);
}

static void
test_summer_time (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(KefuWorkCalendar) day = calendar_new ("08:30-17:30", MON_SAT, "", berlin);
  g_autoptr(KefuWorkCalendar) night = calendar_new ("21:00-06:00", EVERY_DAY, "", berlin);
  /* Summer time starts on Sunday 29 March 2026 at 02:00 and ends on Sunday 25 October at 03:00. */
  g_autoptr(GDateTime) sat_mar28 = at (berlin, 3, 28, 16, 0);
  g_autoptr(GDateTime) fri_mar27 = at (berlin, 3, 27, 10, 0);
  g_autoptr(GDateTime) mar28_2000 = at (berlin, 3, 28, 20, 0);
  g_autoptr(GDateTime) mar29_1200 = at (berlin, 3, 29, 12, 0);
  g_autoptr(GDateTime) oct24_2000 = at (berlin, 10, 24, 20, 0);
  g_autoptr(GDateTime) oct25_1200 = at (berlin, 10, 25, 12, 0);
  g_autoptr(GDateTime) r = NULL;

  /* One working day after Saturday 16:00 (winter time) is Monday 16:00 (summer time): the
   * wall-clock time is kept, so the real time between them is an hour short of two days. */
  r = kefu_work_calendar_add_working_days (day, sat_mar28, 1);
  assert_time (r, berlin, 3, 30, 16, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (r), ==, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_difference (r, sat_mar28), ==, 47 * G_TIME_SPAN_HOUR);
  g_clear_pointer (&r, g_date_time_unref);

  r = kefu_work_calendar_add_days (day, fri_mar27, 3);
  assert_time (r, berlin, 3, 30, 10, 0);
  g_clear_pointer (&r, g_date_time_unref);

  /* The night shift into the change is an hour short, the one out of it an hour long. */
  g_assert_cmpint (kefu_work_calendar_working_minutes_between (night, mar28_2000, mar29_1200),
                   ==, 8 * 60);
  g_assert_cmpint (kefu_work_calendar_working_minutes_between (night, oct24_2000, oct25_1200),
                   ==, 10 * 60);

  /* A shift that would start in the skipped hour starts as the clocks go forward (as
   * g_date_time_new () moves such a time): 02:30 does not exist on 29 March, so the early shift
   * runs 03:00-06:00 that day. */
  {
    g_autoptr(KefuWorkCalendar) early = calendar_new ("02:30-06:00", EVERY_DAY, "", berlin);
    g_autoptr(GDateTime) mar29_0000 = at (berlin, 3, 29, 0, 0);
    g_autoptr(GDateTime) mar29_0359 = g_date_time_new_utc (2026, 3, 29, 1, 59, 0);
    g_autoptr(GDateTime) mar30_0000 = at (berlin, 3, 30, 0, 0);

    g_assert_cmpint (kefu_work_calendar_working_minutes_between (early, mar29_0000, mar30_0000),
                     ==, 180);
    g_assert_true (kefu_work_calendar_is_working_time (early, mar29_0359));
    {
      g_autoptr(GDateTime) jump = g_date_time_new_utc (2026, 3, 29, 1, 0, 0);
      g_autoptr(GDateTime) before_jump = g_date_time_new_utc (2026, 3, 29, 0, 59, 0);

      g_assert_true (kefu_work_calendar_is_working_time (early, jump));
      g_assert_false (kefu_work_calendar_is_working_time (early, before_jump));
    }
  }

  /* Eight working hours from Saturday 21:00 in March end at 06:00 local, the end of the shift. */
  {
    g_autoptr(GDateTime) mar28_2100 = at (berlin, 3, 28, 21, 0);

    r = kefu_work_calendar_add_working_minutes (night, mar28_2100, 8 * 60);
    assert_time (r, berlin, 3, 29, 6, 0);
  }
}

static void
test_from_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuWorkCalendar) cal = NULL;
  g_autoptr(KefuWorkCalendar) bad = NULL;

  cal = kefu_work_calendar_new_from_settings (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS),
                                              kefu_setting_get_default (KEFU_SETTING_WORK_DAYS),
                                              kefu_setting_get_default (KEFU_SETTING_WORK_HOLIDAYS),
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (cal);

  bad = kefu_work_calendar_new_from_settings ("", "1-6", "", &error);
  g_assert_null (bad);
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  bad = kefu_work_calendar_new_from_settings ("08:30-17:30", "Funday", "", &error);
  g_assert_null (bad);
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  bad = kefu_work_calendar_new_from_settings ("08:30-17:30", "1-5", "2026-13-01", &error);
  g_assert_null (bad);
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  /* The local zone: a Sunday noon is not working time in a Monday–Friday calendar. */
  {
    g_autoptr(KefuWorkCalendar) local = kefu_work_calendar_new_from_settings ("08:30-17:30", "1-5",
                                                                              "", &error);
    g_autoptr(GDateTime) sunday = g_date_time_new_local (2026, 11, 29, 12, 0, 0);

    g_assert_no_error (error);
    g_assert_false (kefu_work_calendar_is_working_time (local, sunday));
  }
}

/* The end of the n-th working day: counted from the day after, over a Sunday and the National
 * Day week, with the last range of a day with a lunch break and a night shift's morning. */
static void
test_end_of_working_day (void)
{
  g_autoptr(GTimeZone) tz = zone ("Asia/Shanghai");
  g_autoptr(KefuWorkCalendar) cal = calendar_new ("08:30-12:00,13:30-17:30", MON_SAT,
                                                  "2026-10-01..2026-10-07", tz);
  g_autoptr(KefuWorkCalendar) night = calendar_new ("21:00-06:00", MON_FRI, "", tz);
  g_autoptr(GDateTime) thu = at (tz, 11, 26, 20, 0);      /* after hours on a Thursday */
  g_autoptr(GDateTime) sun = at (tz, 11, 29, 10, 0);
  g_autoptr(GDateTime) sep30 = at (tz, 9, 30, 9, 0);
  g_autoptr(GDateTime) oct3 = at (tz, 10, 3, 9, 0);
  g_autoptr(GDateTime) r = NULL;

  /* Thursday + 3: Friday, Saturday, Monday. */
  r = kefu_work_calendar_end_of_working_day (cal, thu, 3);
  assert_time (r, tz, 11, 30, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);
  /* 0: the day itself. */
  r = kefu_work_calendar_end_of_working_day (cal, thu, 0);
  assert_time (r, tz, 11, 26, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);
  /* Sunday + 3: Monday, Tuesday, Wednesday; Sunday + 0: Monday. */
  r = kefu_work_calendar_end_of_working_day (cal, sun, 3);
  assert_time (r, tz, 12, 2, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);
  r = kefu_work_calendar_end_of_working_day (cal, sun, 0);
  assert_time (r, tz, 11, 30, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);
  /* Over the holiday week: 8, 9 and 10 October. */
  r = kefu_work_calendar_end_of_working_day (cal, sep30, 3);
  assert_time (r, tz, 10, 10, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);
  r = kefu_work_calendar_end_of_working_day (cal, oct3, 0);
  assert_time (r, tz, 10, 8, 17, 30);
  g_clear_pointer (&r, g_date_time_unref);
  /* Friday's night shift ends on Saturday morning. */
  r = kefu_work_calendar_end_of_working_day (night, thu, 1);
  assert_time (r, tz, 11, 28, 6, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/work-calendar/working-time", test_working_time);
  g_test_add_func ("/kefu/work-calendar/next-working-time", test_next_working_time);
  g_test_add_func ("/kefu/work-calendar/working-minutes", test_working_minutes);
  g_test_add_func ("/kefu/work-calendar/working-days", test_working_days);
  g_test_add_func ("/kefu/work-calendar/add-days", test_add_days);
  g_test_add_func ("/kefu/work-calendar/holidays", test_holidays);
  g_test_add_func ("/kefu/work-calendar/lunch-break", test_lunch_break);
  g_test_add_func ("/kefu/work-calendar/night-shift", test_night_shift);
  g_test_add_func ("/kefu/work-calendar/zones", test_zones);
  g_test_add_func ("/kefu/work-calendar/summer-time", test_summer_time);
  g_test_add_func ("/kefu/work-calendar/from-settings", test_from_settings);
  g_test_add_func ("/kefu/work-calendar/end-of-working-day", test_end_of_working_day);

  return g_test_run ();
}
