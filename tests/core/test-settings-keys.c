/* test-settings-keys.c: defaults, validation and typed parsing of the shared settings. */
#include "config.h"

#include <locale.h>

#include "kefu-settings-keys.h"

static void
test_known_keys (void)
{
  const char * const *keys = kefu_setting_get_keys ();
  const char * const expected[] = {
    "handover.cutoff", "callback.window-days", "callback.quiet-hours", "service.areas",
    "office.hours", "work.hours", "work.days", "work.holidays", "complaint.acknowledge-hours",
    "complaint.harmed-acknowledge-minutes", "complaint.resolve-days.product-quality",
    "complaint.resolve-days.service-quality", "complaint.batch-window-days",
    "complaint.batch-threshold", "shipment.receipt-days", "callback.max-attempts",
    "callback.retry-minutes", "callback.survey-period", "site.company-name",
    "callback.script.opening", "callback.script.question", "callback.script.satisfied",
    "callback.script.unsatisfied", "callback.script.closing-satisfied",
    "callback.script.closing-unsatisfied", NULL
  };

  g_assert_true (g_strv_equal (keys, expected));

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (kefu_setting_is_known (keys[i]));
      g_assert_nonnull (kefu_setting_get_default (keys[i]));
      g_assert_cmpstr (kefu_setting_get_title (keys[i]), !=, "");
      g_assert_cmpstr (kefu_setting_get_description (keys[i]), !=, "");
      /* Every default passes its own validator. */
      g_assert_true (kefu_setting_validate (keys[i], kefu_setting_get_default (keys[i]), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF), ==, "10:00");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_CALLBACK_WINDOW_DAYS), ==, "3");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_CALLBACK_QUIET_HOURS), ==,
                   "12:00-14:00,20:30-09:00");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_SERVICE_AREAS), ==, "");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_OFFICE_HOURS), ==, "08:30-17:30");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS), ==, "08:30-17:30");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_WORK_DAYS), ==, "1-6");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_WORK_HOLIDAYS), ==, "");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_COMPLAINT_ACK_HOURS), ==, "2");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES), ==, "30");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT), ==, "2");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE), ==, "1");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_BATCH_WINDOW_DAYS), ==, "7");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_BATCH_THRESHOLD), ==, "3");
  g_assert_cmpstr (kefu_setting_get_default (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS), ==, "2");
  {
    guint min = 0, max = 0;

    g_assert_true (kefu_setting_get_count_range (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, &min, &max));
    g_assert_cmpuint (min, ==, 1);
    g_assert_cmpuint (max, ==, 60);
    g_assert_false (kefu_setting_get_count_range (KEFU_SETTING_WORK_HOURS, &min, &max));
    g_assert_true (kefu_setting_validate (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, "60", NULL));
    g_assert_false (kefu_setting_validate (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, "61", NULL));
    g_assert_false (kefu_setting_validate (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, "0", NULL));
  }

  g_assert_false (kefu_setting_is_known ("handover.cutof"));
  g_assert_false (kefu_setting_is_known (NULL));
  g_assert_null (kefu_setting_get_default ("nope"));
  g_assert_null (kefu_setting_get_title ("nope"));
  g_assert_null (kefu_setting_get_description ("nope"));
}

static void
test_time_of_day (void)
{
  struct { const char *text; guint minutes; } valid[] = {
    { "10:00", 600 }, { "0:00", 0 }, { "00:00", 0 }, { "8:30", 510 }, { "23:59", 1439 },
    { " 12:05 ", 725 }, { "１０：００", 600 },
  };
  const char *invalid[] = {
    NULL, "", "10", "10:0", "10:000", "1000", "24:00", "25:00", "12:60", "-1:00", "ab:cd",
    "10:00am", "100:00", "10.00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint minutes = 9999;

      g_assert_true (kefu_setting_parse_time_of_day (valid[i].text, &minutes, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (minutes, ==, valid[i].minutes);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint minutes = 9999;

      g_test_message ("time “%s”", invalid[i] ? invalid[i] : "(null)");
      g_assert_false (kefu_setting_parse_time_of_day (invalid[i], &minutes, &error));
      g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TIME);
      g_assert_cmpuint (minutes, ==, 9999);
    }

  {
    g_autofree char *a = kefu_setting_format_time_of_day (510);
    g_autofree char *b = kefu_setting_format_time_of_day (0);
    g_autofree char *c = kefu_setting_format_time_of_day (1439);

    g_assert_cmpstr (a, ==, "08:30");
    g_assert_cmpstr (b, ==, "00:00");
    g_assert_cmpstr (c, ==, "23:59");
  }
}

static void
test_quiet_hours (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = kefu_setting_parse_time_ranges ("12:00-14:00,21:00-08:30", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranges);
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, KefuTimeRange, 0).start, ==, 720);
  g_assert_cmpuint (g_array_index (ranges, KefuTimeRange, 0).end, ==, 840);
  g_assert_cmpuint (g_array_index (ranges, KefuTimeRange, 1).start, ==, 1260);
  g_assert_cmpuint (g_array_index (ranges, KefuTimeRange, 1).end, ==, 510);

  /* Lunch rest: start included, end excluded. */
  g_assert_false (kefu_quiet_hours_contains (ranges, 11 * 60 + 59));
  g_assert_true (kefu_quiet_hours_contains (ranges, 12 * 60));
  g_assert_true (kefu_quiet_hours_contains (ranges, 13 * 60 + 30));
  g_assert_false (kefu_quiet_hours_contains (ranges, 14 * 60));
  /* The night, across midnight. */
  g_assert_false (kefu_quiet_hours_contains (ranges, 20 * 60 + 59));
  g_assert_true (kefu_quiet_hours_contains (ranges, 21 * 60));
  g_assert_true (kefu_quiet_hours_contains (ranges, 23 * 60 + 59));
  g_assert_true (kefu_quiet_hours_contains (ranges, 0));
  g_assert_true (kefu_quiet_hours_contains (ranges, 8 * 60 + 29));
  g_assert_false (kefu_quiet_hours_contains (ranges, 8 * 60 + 30));
  g_assert_false (kefu_quiet_hours_contains (ranges, 10 * 60));
}

static void
test_time_ranges (void)
{
  struct { const char *text; guint n; } valid[] = {
    { "", 0 },
    { "  ", 0 },
    { "08:30-17:30", 1 },
    { "8:00-16:00\n16:00-24:00", 2 },
    { "22:00-00:00", 1 },
    { "１２：００－１４：００，２１：００－０８：３０", 2 },
    { "12:00 – 14:00、21:00~08:30", 2 },
    { "12:00-14:00; 21:00-08:30;", 2 },
  };
  struct { const char *text; KefuSettingError code; } invalid[] = {
    { "12:00", KEFU_SETTING_ERROR_INVALID_RANGE },
    { "12:00-14:00-16:00", KEFU_SETTING_ERROR_INVALID_RANGE },
    { "12:00-12:00", KEFU_SETTING_ERROR_INVALID_RANGE },
    { "00:00-24:00", KEFU_SETTING_ERROR_INVALID_RANGE },
    { "00:00-00:00", KEFU_SETTING_ERROR_INVALID_RANGE },
    { "12:00-25:00", KEFU_SETTING_ERROR_INVALID_TIME },
    { "24:00-08:00", KEFU_SETTING_ERROR_INVALID_TIME },
    { "noon-14:00", KEFU_SETTING_ERROR_INVALID_TIME },
    { "12:00-14:00,abc", KEFU_SETTING_ERROR_INVALID_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ranges = kefu_setting_parse_time_ranges (valid[i].text, &error);

      g_test_message ("ranges “%s”", valid[i].text);
      g_assert_no_error (error);
      g_assert_cmpuint (ranges->len, ==, valid[i].n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ranges = kefu_setting_parse_time_ranges (invalid[i].text, &error);

      g_test_message ("ranges “%s”", invalid[i].text);
      g_assert_null (ranges);
      g_assert_error (error, KEFU_SETTING_ERROR, (int) invalid[i].code);
    }

  /* "24:00" ends the last shift of the day. */
  {
    g_autoptr(GArray) ranges = kefu_setting_parse_time_ranges ("16:00-24:00", NULL);

    g_assert_cmpuint (g_array_index (ranges, KefuTimeRange, 0).end, ==, 1440);
    g_assert_true (kefu_time_ranges_contain (ranges, 1439));
    g_assert_false (kefu_time_ranges_contain (ranges, 0));
  }
}

static void
test_window_days (void)
{
  const char *invalid[] = { "", "0", "-1", "31", "3.5", "three", "3天", "99999999999999999999" };
  g_autoptr(GError) error = NULL;
  guint days = 0;

  g_assert_true (kefu_setting_parse_window_days ("3", &days, &error));
  g_assert_cmpuint (days, ==, 3);
  g_assert_true (kefu_setting_parse_window_days (" 7 ", &days, &error));
  g_assert_cmpuint (days, ==, 7);
  g_assert_true (kefu_setting_parse_window_days ("３０", &days, &error));
  g_assert_cmpuint (days, ==, 30);
  g_assert_true (kefu_setting_parse_window_days ("1", &days, &error));
  g_assert_cmpuint (days, ==, 1);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("days “%s”", invalid[i]);
      g_assert_false (kefu_setting_parse_window_days (invalid[i], &days, &error));
      g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER);
      g_clear_error (&error);
    }
}

static void
test_service_areas (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = kefu_setting_parse_service_areas ("", &error);
  g_auto(GStrv) areas = kefu_setting_parse_service_areas ("朝阳区, 海淀区\n东城区，西城区、朝阳区\n\n", &error);
  g_autofree char *too_long = g_strnfill (51, 'a');
  g_auto(GStrv) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (areas), ==, 4);
  g_assert_cmpstr (areas[0], ==, "朝阳区");
  g_assert_cmpstr (areas[1], ==, "海淀区");
  g_assert_cmpstr (areas[2], ==, "东城区");
  g_assert_cmpstr (areas[3], ==, "西城区");

  /* Nothing configured: the company serves everywhere. */
  g_assert_true (kefu_service_areas_contain ((const char * const *) none, "昌平区"));
  g_assert_true (kefu_service_areas_contain (NULL, "昌平区"));
  g_assert_true (kefu_service_areas_contain ((const char * const *) areas, "朝阳区"));
  g_assert_true (kefu_service_areas_contain ((const char * const *) areas, "北京市海淀区"));
  g_assert_false (kefu_service_areas_contain ((const char * const *) areas, "昌平区"));
  /* An unknown district does not show the customer is outside. */
  g_assert_true (kefu_service_areas_contain ((const char * const *) areas, ""));
  g_assert_true (kefu_service_areas_contain ((const char * const *) areas, NULL));

  bad = kefu_setting_parse_service_areas (too_long, &error);
  g_assert_null (bad);
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  bad = kefu_setting_parse_service_areas ("朝阳区,海\x01淀区", &error);
  g_assert_null (bad);
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT);
}

static void
test_validate (void)
{
  struct { const char *key, *value; gboolean ok; int code; } cases[] = {
    { KEFU_SETTING_HANDOVER_CUTOFF, "09:30", TRUE, 0 },
    { KEFU_SETTING_HANDOVER_CUTOFF, "9.30", FALSE, KEFU_SETTING_ERROR_INVALID_TIME },
    { KEFU_SETTING_HANDOVER_CUTOFF, "12:00-14:00", FALSE, KEFU_SETTING_ERROR_INVALID_TIME },
    { KEFU_SETTING_CALLBACK_WINDOW_DAYS, "5", TRUE, 0 },
    { KEFU_SETTING_CALLBACK_WINDOW_DAYS, "0", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_CALLBACK_QUIET_HOURS, "", TRUE, 0 },
    { KEFU_SETTING_CALLBACK_QUIET_HOURS, "21:00-08:30", TRUE, 0 },
    { KEFU_SETTING_CALLBACK_QUIET_HOURS, "21:00", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_OFFICE_HOURS, "08:00-16:00,16:00-24:00", TRUE, 0 },
    { KEFU_SETTING_OFFICE_HOURS, "", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_OFFICE_HOURS, "8:30", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_SERVICE_AREAS, "", TRUE, 0 },
    { KEFU_SETTING_SERVICE_AREAS, "朝阳区\n海淀区", TRUE, 0 },
    { KEFU_SETTING_WORK_HOURS, "21:00-06:00", TRUE, 0 },
    { KEFU_SETTING_WORK_HOURS, "", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_WORK_DAYS, "周一至周五", TRUE, 0 },
    { KEFU_SETTING_WORK_DAYS, "", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_WORK_DAYS, "1-8", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_WORK_HOLIDAYS, "", TRUE, 0 },
    { KEFU_SETTING_WORK_HOLIDAYS, "2026-10-01..2026-10-07", TRUE, 0 },
    { KEFU_SETTING_WORK_HOLIDAYS, "2026-10-07..2026-10-01", FALSE, KEFU_SETTING_ERROR_INVALID_RANGE },
    { KEFU_SETTING_COMPLAINT_ACK_HOURS, "1", TRUE, 0 },
    { KEFU_SETTING_COMPLAINT_ACK_HOURS, "72", TRUE, 0 },
    { KEFU_SETTING_COMPLAINT_ACK_HOURS, "0", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_COMPLAINT_ACK_HOURS, "73", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "5", TRUE, 0 },
    { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "4", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "241", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, "30", TRUE, 0 },
    { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, "31", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, "0", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_BATCH_WINDOW_DAYS, "90", TRUE, 0 },
    { KEFU_SETTING_BATCH_WINDOW_DAYS, "91", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_BATCH_THRESHOLD, "2", TRUE, 0 },
    { KEFU_SETTING_BATCH_THRESHOLD, "1", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_BATCH_THRESHOLD, "51", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { KEFU_SETTING_BATCH_THRESHOLD, "three", FALSE, KEFU_SETTING_ERROR_INVALID_NUMBER },
    { "handover.cutof", "10:00", FALSE, KEFU_SETTING_ERROR_UNKNOWN_KEY },
    { NULL, "10:00", FALSE, KEFU_SETTING_ERROR_UNKNOWN_KEY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = kefu_setting_validate (cases[i].key, cases[i].value, &error);

      g_test_message ("validate %s = “%s”", cases[i].key, cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, KEFU_SETTING_ERROR, cases[i].code);
    }
}

static void
test_reasons (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_setting_validate (KEFU_SETTING_CALLBACK_WINDOW_DAYS, "0", &error));
  g_assert_cmpstr (error->message, ==, "“0” is not a number of days; give a whole number from 1 to 30.");
  g_clear_error (&error);

  g_assert_false (kefu_setting_validate (KEFU_SETTING_HANDOVER_CUTOFF, "25:00", &error));
  g_assert_cmpstr (error->message, ==,
                   "“25:00” is not a time of day: hours go from 0 to 23 and minutes from 00 to 59.");
}

#define DAYS(...) weekday_bits ((const guint[]) { __VA_ARGS__, 0 })

static guint
weekday_bits (const guint *days)
{
  guint bits = 0;

  for (guint i = 0; days[i] != 0; i++)
    bits |= 1u << days[i];
  return bits;
}

static void
test_weekdays (void)
{
  struct { const char *text; guint want; } valid[] = {
    { "1-6", DAYS (1, 2, 3, 4, 5, 6) },
    { "1,2,3", DAYS (1, 2, 3) },
    { "1、3，5", DAYS (1, 3, 5) },
    { "Mon-Sat", DAYS (1, 2, 3, 4, 5, 6) },
    { "mon - fri", DAYS (1, 2, 3, 4, 5) },
    { "Monday-Friday, Sunday", DAYS (1, 2, 3, 4, 5, 7) },
    { "周一至周六", DAYS (1, 2, 3, 4, 5, 6) },
    { "周一到周五", DAYS (1, 2, 3, 4, 5) },
    { "星期一至星期五", DAYS (1, 2, 3, 4, 5) },
    { "星期一、星期三、星期日", DAYS (1, 3, 7) },
    { "周六至周一", DAYS (6, 7, 1) },    /* over the weekend */
    { "１－５", DAYS (1, 2, 3, 4, 5) },  /* typed full width */
    { "7", DAYS (7) },
  };
  const char *invalid[] = { NULL, "", " , ", "0", "8", "1-8", "Funday", "周八", "1-", "Mon-" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint days = 0;

      g_test_message ("weekdays “%s”", valid[i].text);
      g_assert_true (kefu_setting_parse_weekdays (valid[i].text, &days, &error));
      g_assert_no_error (error);
      g_assert_cmphex (days, ==, valid[i].want);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint days = 12345;

      g_test_message ("weekdays “%s”", invalid[i]);
      g_assert_false (kefu_setting_parse_weekdays (invalid[i], &days, &error));
      g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE);
      g_assert_cmpuint (days, ==, 12345);
    }
}

static void
assert_date (GArray *dates,
             guint   index,
             int     year,
             int     month,
             int     day)
{
  const GDate *date = &g_array_index (dates, GDate, index);

  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
test_holidays (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) none = kefu_setting_parse_holidays ("", &error);
  g_autoptr(GArray) week = kefu_setting_parse_holidays ("2027-01-01, 2026-10-01..2026-10-07", &error);
  g_autoptr(GArray) chinese = kefu_setting_parse_holidays ("2026-10-01至2026-10-03；2026年10月2日", &error);
  g_autoptr(GArray) over_year_end = kefu_setting_parse_holidays ("2026/12/31 ~ 2027/1/2", &error);
  g_autoptr(GArray) year = kefu_setting_parse_holidays ("2028-01-01..2028-12-31", &error);
  const char *invalid[] = {
    "2026-10-07..2026-10-01",   /* reversed */
    "2026-01-01..2027-01-02",   /* 367 days */
    "2026-02-30",
    "2026-10",
    "26-10-01",
    "tomorrow",
    "2026-10-01..",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Sorted, whatever the order typed. */
  g_assert_cmpuint (week->len, ==, 8);
  assert_date (week, 0, 2026, 10, 1);
  assert_date (week, 6, 2026, 10, 7);
  assert_date (week, 7, 2027, 1, 1);

  /* Without repeats. */
  g_assert_cmpuint (chinese->len, ==, 3);
  assert_date (chinese, 1, 2026, 10, 2);

  g_assert_cmpuint (over_year_end->len, ==, 3);
  assert_date (over_year_end, 2, 2027, 1, 2);

  /* A leap year's 366 days are still one range. */
  g_assert_cmpuint (year->len, ==, 366);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GArray) dates = NULL;

      g_test_message ("holidays “%s”", invalid[i]);
      dates = kefu_setting_parse_holidays (invalid[i], &error);
      g_assert_null (dates);
      g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE);
      g_clear_error (&error);
    }

  g_assert_null (kefu_setting_parse_holidays ("2026-10-07..2026-10-01", &error));
  g_assert_cmpstr (error->message, ==,
                   "The holidays “2026-10-07..2026-10-01” end before they start; write the earlier date first.");
}

static void
test_count (void)
{
  g_autoptr(GError) error = NULL;
  guint value = 0;

  g_assert_true (kefu_setting_parse_count (" 7 ", 1, 90, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value, ==, 7);
  g_assert_true (kefu_setting_parse_count ("３０", 1, 90, &value, &error));
  g_assert_cmpuint (value, ==, 30);

  value = 99;
  g_assert_false (kefu_setting_parse_count ("91", 1, 90, &value, &error));
  g_assert_cmpuint (value, ==, 99);
  g_assert_cmpstr (error->message, ==, "“91” is not a whole number from 1 to 90; give one in that range.");
  g_clear_error (&error);

  g_assert_false (kefu_setting_parse_count ("-1", 1, 90, &value, &error));
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER);
  g_clear_error (&error);

  g_assert_false (kefu_setting_parse_count ("2.5", 1, 90, &value, &error));
  g_assert_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER);
}

static void
test_handover_date (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  struct { int mo, d, h, mi; int want_mo, want_d; } cases[] = {
    { 11, 27, 9, 59, 11, 27 },   /* before the 10:00 cut-off: today's hand-over */
    { 11, 27, 10, 0, 11, 28 },   /* at the cut-off: tomorrow's */
    { 11, 27, 16, 30, 11, 28 },
    { 11, 30, 23, 59, 12, 1 },   /* across the end of the month */
    { 12, 31, 10, 1, 1, 1 },     /* and of the year */
  };
  guint cutoff = 0;

  g_assert_true (kefu_setting_parse_time_of_day (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF),
                                                 &cutoff, NULL));
  g_assert_cmpuint (cutoff, ==, 600);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new (tz, 2026, cases[i].mo, cases[i].d,
                                                   cases[i].h, cases[i].mi, 0);
      GDate date;

      kefu_handover_date_for_order (when, cutoff, &date);
      g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].want_mo);
      g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].want_d);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/settings-keys/known-keys", test_known_keys);
  g_test_add_func ("/kefu/settings-keys/time-of-day", test_time_of_day);
  g_test_add_func ("/kefu/settings-keys/quiet-hours", test_quiet_hours);
  g_test_add_func ("/kefu/settings-keys/time-ranges", test_time_ranges);
  g_test_add_func ("/kefu/settings-keys/window-days", test_window_days);
  g_test_add_func ("/kefu/settings-keys/service-areas", test_service_areas);
  g_test_add_func ("/kefu/settings-keys/validate", test_validate);
  g_test_add_func ("/kefu/settings-keys/reasons", test_reasons);
  g_test_add_func ("/kefu/settings-keys/weekdays", test_weekdays);
  g_test_add_func ("/kefu/settings-keys/holidays", test_holidays);
  g_test_add_func ("/kefu/settings-keys/count", test_count);
  g_test_add_func ("/kefu/settings-keys/handover-date", test_handover_date);

  return g_test_run ();
}
