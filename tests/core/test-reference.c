/* test-reference.c: reference numbers as printed and as read back over the phone. */
#include "config.h"

#include <locale.h>

#include "kefu-reference.h"

static void
test_format (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) tz = shanghai != NULL ? g_time_zone_ref (shanghai) : g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) day = g_date_time_new (tz, 2026, 11, 27, 23, 59, 0);
  g_autoptr(GDateTime) jan = g_date_time_new (tz, 2027, 1, 5, 0, 0, 0);
  g_autofree char *a = kefu_reference_format ("TS", day, 3);
  g_autofree char *b = kefu_reference_format ("TS", day, 12345);
  g_autofree char *c = kefu_reference_format ("HF", jan, 1);

  /* The local date is used as it is, even late in the evening (UTC would be the same day here,
   * but the caller's local day is what the clerk sees). */
  g_assert_cmpstr (a, ==, "TS-20261127-0003");
  g_assert_cmpstr (b, ==, "TS-20261127-12345");
  g_assert_cmpstr (c, ==, "HF-20270105-0001");
}

static void
test_parse (void)
{
  struct { const char *text, *prefix; guint y, m, d, seq; } cases[] = {
    { "TS-20261127-0003", "TS", 2026, 11, 27, 3 },
    { "ts-20261127-0003", "TS", 2026, 11, 27, 3 },
    { " TS 2026 1127 0003 ", "TS", 2026, 11, 27, 3 },
    { "TS202611270003", "TS", 2026, 11, 27, 3 },
    { "ＴＳ－２０２６１１２７－０００３", "TS", 2026, 11, 27, 3 },
    { "TS-20261127-12345", "TS", 2026, 11, 27, 12345 },
    { "TS-20261127-3", "TS", 2026, 11, 27, 3 },
    { "HF-20280229-0001", "HF", 2028, 2, 29, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = NULL;
      GDate day;
      guint seq = 0;

      g_test_message ("parse “%s”", cases[i].text);
      g_date_clear (&day, 1);
      g_assert_true (kefu_reference_parse (cases[i].text, &prefix, &day, &seq, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (prefix, ==, cases[i].prefix);
      g_assert_cmpuint (g_date_get_year (&day), ==, cases[i].y);
      g_assert_cmpuint (g_date_get_month (&day), ==, cases[i].m);
      g_assert_cmpuint (g_date_get_day (&day), ==, cases[i].d);
      g_assert_cmpuint (seq, ==, cases[i].seq);
    }

  g_assert_true (kefu_reference_parse ("TS-20261127-0003", NULL, NULL, NULL, NULL));
}

static void
test_parse_invalid (void)
{
  struct { const char *text; KefuReferenceError code; } cases[] = {
    { NULL, KEFU_REFERENCE_ERROR_INVALID },
    { "", KEFU_REFERENCE_ERROR_INVALID },
    { "20261127-0003", KEFU_REFERENCE_ERROR_INVALID },
    { "TS-2026112-0003", KEFU_REFERENCE_ERROR_INVALID },
    { "TS--20261127-0003", KEFU_REFERENCE_ERROR_INVALID },
    { "TS-20261127", KEFU_REFERENCE_ERROR_INVALID },
    { "TS-20261127-0000", KEFU_REFERENCE_ERROR_INVALID },
    { "TS-20261127-1234567890", KEFU_REFERENCE_ERROR_INVALID },
    { "TS-20261127-00A3", KEFU_REFERENCE_ERROR_INVALID },
    { "TS_20261127_0003", KEFU_REFERENCE_ERROR_INVALID },
    { "投诉-20261127-0003", KEFU_REFERENCE_ERROR_INVALID },
    { "ABCDEFGHI-20261127-0003", KEFU_REFERENCE_ERROR_INVALID },
    { "TS-20261327-0003", KEFU_REFERENCE_ERROR_BAD_DATE },
    { "TS-20270229-0003", KEFU_REFERENCE_ERROR_BAD_DATE },
    { "TS-20261100-0003", KEFU_REFERENCE_ERROR_BAD_DATE },
    { "TS-00001127-0003", KEFU_REFERENCE_ERROR_BAD_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *prefix = NULL;
      guint seq = 77;

      g_test_message ("reject “%s”", cases[i].text ? cases[i].text : "(null)");
      g_assert_false (kefu_reference_parse (cases[i].text, &prefix, NULL, &seq, &error));
      g_assert_error (error, KEFU_REFERENCE_ERROR, (int) cases[i].code);
      g_assert_null (prefix);
      g_assert_cmpuint (seq, ==, 77);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 9, 10, 0, 0);
  const guint sequences[] = { 1, 9, 10, 999, 1000, 9999, 10000, KEFU_REFERENCE_SEQUENCE_MAX };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autofree char *text = kefu_reference_format ("KF", day, sequences[i]);
      g_autofree char *prefix = NULL;
      GDate date;
      guint seq = 0;

      g_date_clear (&date, 1);
      g_assert_true (kefu_reference_parse (text, &prefix, &date, &seq, NULL));
      g_assert_cmpstr (prefix, ==, "KF");
      g_assert_cmpuint (seq, ==, sequences[i]);
      g_assert_cmpuint (g_date_get_day (&date), ==, 9);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/reference/format", test_format);
  g_test_add_func ("/kefu/reference/parse", test_parse);
  g_test_add_func ("/kefu/reference/parse-invalid", test_parse_invalid);
  g_test_add_func ("/kefu/reference/round-trip", test_round_trip);

  return g_test_run ();
}
