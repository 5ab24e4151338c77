/* test-report-period.c: the dashboard's periods: a week starts on Monday, a current period ends
 * today, the previous period has the same number of days, stepping moves by whole units and never
 * into the future, and custom ranges are refused with a reason. */
#include "config.h"

#include <locale.h>

#include "kefu-report-period.h"

static GDate
day (guint year, guint month, guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) month, (GDateYear) year);
  return date;
}

static void
assert_days (const KefuPeriod *period,
             const char       *first,
             const char       *last)
{
  g_autofree char *a = kefu_period_format_day (&period->first);
  g_autofree char *b = kefu_period_format_day (&period->last);

  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (b, ==, last);
}

static void
test_units (void)
{
  GDate today = day (2026, 11, 27);   /* a Friday */
  GDate past = day (2026, 10, 14);    /* a Wednesday */
  KefuPeriod period;

  kefu_period_init (&period, KEFU_PERIOD_DAY, &today, &today);
  assert_days (&period, "2026-11-27", "2026-11-27");
  g_assert_cmpuint (kefu_period_n_days (&period), ==, 1);

  /* The current week and month end today. */
  kefu_period_init (&period, KEFU_PERIOD_WEEK, &today, &today);
  assert_days (&period, "2026-11-23", "2026-11-27");
  g_assert_true (kefu_period_is_current (&period, &today));
  kefu_period_init (&period, KEFU_PERIOD_MONTH, &today, &today);
  assert_days (&period, "2026-11-01", "2026-11-27");
  g_assert_cmpuint (kefu_period_n_days (&period), ==, 27);

  /* A past week and month are whole. */
  kefu_period_init (&period, KEFU_PERIOD_WEEK, &past, &today);
  assert_days (&period, "2026-10-12", "2026-10-18");
  g_assert_false (kefu_period_is_current (&period, &today));
  kefu_period_init (&period, KEFU_PERIOD_MONTH, &past, &today);
  assert_days (&period, "2026-10-01", "2026-10-31");

  /* A Sunday belongs to the week that began the Monday before. */
  past = day (2026, 11, 22);
  kefu_period_init (&period, KEFU_PERIOD_WEEK, &past, &today);
  assert_days (&period, "2026-11-16", "2026-11-22");
}

static void
test_previous (void)
{
  GDate today = day (2026, 11, 27);
  KefuPeriod period;
  KefuPeriod previous;

  /* The month to date (27 days) is compared with the 27 days before it. */
  kefu_period_init (&period, KEFU_PERIOD_MONTH, &today, &today);
  kefu_period_previous (&period, &previous);
  assert_days (&previous, "2026-10-05", "2026-10-31");

  /* A whole February (28 days in 2026) with the 28 days before it. */
  today = day (2026, 2, 10);
  kefu_period_init (&period, KEFU_PERIOD_MONTH, &today, NULL);
  assert_days (&period, "2026-02-01", "2026-02-28");
  kefu_period_previous (&period, &previous);
  assert_days (&previous, "2026-01-04", "2026-01-31");

  /* Across a year's end. */
  today = day (2026, 1, 1);
  kefu_period_init (&period, KEFU_PERIOD_DAY, &today, &today);
  kefu_period_previous (&period, &previous);
  assert_days (&previous, "2025-12-31", "2025-12-31");
}

static void
test_step (void)
{
  GDate today = day (2026, 11, 27);
  GDate first;
  GDate last;
  KefuPeriod period;
  g_autoptr(GError) error = NULL;

  kefu_period_init (&period, KEFU_PERIOD_MONTH, &today, &today);
  g_assert_false (kefu_period_step (&period, 1, &today));
  assert_days (&period, "2026-11-01", "2026-11-27");
  g_assert_true (kefu_period_step (&period, -1, &today));
  assert_days (&period, "2026-10-01", "2026-10-31");
  /* Forward again is the month to date, not the whole month. */
  g_assert_true (kefu_period_step (&period, 1, &today));
  assert_days (&period, "2026-11-01", "2026-11-27");

  kefu_period_init (&period, KEFU_PERIOD_WEEK, &today, &today);
  g_assert_true (kefu_period_step (&period, -1, &today));
  assert_days (&period, "2026-11-16", "2026-11-22");

  kefu_period_init (&period, KEFU_PERIOD_DAY, &today, &today);
  g_assert_true (kefu_period_step (&period, -1, &today));
  assert_days (&period, "2026-11-26", "2026-11-26");

  /* A custom range moves by its own length. */
  first = day (2026, 11, 1);
  last = day (2026, 11, 10);
  g_assert_true (kefu_period_init_range (&period, &first, &last, &today, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_period_step (&period, -1, &today));
  assert_days (&period, "2026-10-22", "2026-10-31");
  g_assert_true (kefu_period_step (&period, 1, &today));
  g_assert_true (kefu_period_step (&period, 1, &today));
  assert_days (&period, "2026-11-11", "2026-11-20");
  /* The next one would run past today: it ends today. */
  g_assert_true (kefu_period_step (&period, 1, &today));
  assert_days (&period, "2026-11-21", "2026-11-27");
  g_assert_false (kefu_period_step (&period, 1, &today));
}

static void
test_range_refused (void)
{
  GDate today = day (2026, 11, 27);
  GDate first = day (2026, 11, 10);
  GDate last = day (2026, 11, 1);
  GDate future = day (2026, 12, 1);
  GDate long_ago = day (2025, 1, 1);
  KefuPeriod period = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_period_init_range (&period, &first, &last, &today, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "before the first"));
  g_clear_error (&error);

  g_assert_false (kefu_period_init_range (&period, &future, &future, &today, &error));
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  g_assert_false (kefu_period_init_range (&period, &long_ago, &today, &today, &error));
  g_assert_nonnull (strstr (error->message, "366 days"));
  g_clear_error (&error);

  /* A range running past today ends today. */
  g_assert_true (kefu_period_init_range (&period, &first, &future, &today, &error));
  assert_days (&period, "2026-11-10", "2026-11-27");
}

static void
test_describe (void)
{
  GDate today = day (2026, 11, 27);
  GDate yesterday = day (2026, 11, 26);
  GDate october = day (2026, 10, 3);
  KefuPeriod period;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;

  kefu_period_init (&period, KEFU_PERIOD_DAY, &today, &today);
  a = kefu_period_describe (&period, &today);
  g_assert_cmpstr (a, ==, "Today");
  kefu_period_init (&period, KEFU_PERIOD_DAY, &yesterday, &today);
  b = kefu_period_describe (&period, &today);
  g_assert_cmpstr (b, ==, "Yesterday");
  kefu_period_init (&period, KEFU_PERIOD_MONTH, &today, &today);
  c = kefu_period_describe (&period, &today);
  g_assert_cmpstr (c, ==, "This Month");
  d = kefu_period_format_range (&period);
  g_assert_cmpstr (d, ==, "Nov 1, 2026 – Nov 27, 2026");
  kefu_period_init (&period, KEFU_PERIOD_MONTH, &october, &today);
  e = kefu_period_describe (&period, &today);
  g_assert_cmpstr (e, ==, "October 2026");
  kefu_period_init (&period, KEFU_PERIOD_WEEK, &october, &today);
  f = kefu_period_describe (&period, &today);
  g_assert_cmpstr (f, ==, "Sep 28, 2026 – Oct 4, 2026");
}

/* Today is the local day: at any moment it is at least a day later in Kiribati (UTC+14) than
 * twelve hours west of Greenwich (UTC−12), 26 hours apart; UTC's date lies between them. */
static void
test_today (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));
  g_autoptr(GDateTime) utc_now = g_date_time_new_now_utc ();
  GDate utc, east, west;
  int apart;

  g_date_clear (&utc, 1);
  g_date_set_dmy (&utc, (GDateDay) g_date_time_get_day_of_month (utc_now),
                  (GDateMonth) g_date_time_get_month (utc_now),
                  (GDateYear) g_date_time_get_year (utc_now));
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  kefu_period_today (&east);
  g_setenv ("TZ", "Etc/GMT+12", TRUE);
  kefu_period_today (&west);
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_true (g_date_valid (&east));
  g_assert_true (g_date_valid (&west));
  apart = g_date_days_between (&west, &east);
  g_assert_cmpint (apart, >=, 1);
  g_assert_cmpint (apart, <=, 2);
  /* The UTC day, read a moment before, is neither before the west's nor after the east's. */
  g_assert_cmpint (g_date_compare (&west, &utc), <=, 0);
  g_assert_cmpint (g_date_compare (&utc, &east), <=, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kefu/report-period/units", test_units);
  g_test_add_func ("/kefu/report-period/previous", test_previous);
  g_test_add_func ("/kefu/report-period/step", test_step);
  g_test_add_func ("/kefu/report-period/range-refused", test_range_refused);
  g_test_add_func ("/kefu/report-period/describe", test_describe);
  g_test_add_func ("/kefu/report-period/today", test_today);
  return g_test_run ();
}
