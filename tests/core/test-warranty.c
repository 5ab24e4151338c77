/* test-warranty.c: warranty states at their boundaries.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-warranty.h"

static GDate
day (int year,
     int month,
     int dom)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, dom, month, year);
  return date;
}

static void
test_boundaries (void)
{
  GDate shipped = day (2026, 1, 15);
  GDate last_in = day (2027, 1, 14);
  GDate first_out = day (2027, 1, 15);
  GDate end;

  g_assert_cmpint (kefu_warranty_state (&shipped, 12, &shipped, NULL), ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (kefu_warranty_state (&shipped, 12, &last_in, &end), ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (g_date_compare (&end, &first_out), ==, 0);
  g_assert_cmpint (kefu_warranty_state (&shipped, 12, &first_out, NULL), ==, KEFU_WARRANTY_OUT);
}

static void
test_month_end (void)
{
  GDate shipped = day (2026, 1, 31);
  GDate leap_shipped = day (2027, 1, 31);
  GDate feb27 = day (2026, 2, 27);
  GDate feb28 = day (2026, 2, 28);
  GDate leap_feb28 = day (2028, 2, 28);
  GDate leap_feb29 = day (2028, 2, 29);

  /* 31 January + 1 month ends with February: its last day is the first out. */
  g_assert_cmpint (kefu_warranty_state (&shipped, 1, &feb27, NULL), ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (kefu_warranty_state (&shipped, 1, &feb28, NULL), ==, KEFU_WARRANTY_OUT);
  /* A leap year's February has its 29th. */
  g_assert_cmpint (kefu_warranty_state (&leap_shipped, 13, &leap_feb28, NULL), ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (kefu_warranty_state (&leap_shipped, 13, &leap_feb29, NULL), ==, KEFU_WARRANTY_OUT);
}

static void
test_unknown_and_none (void)
{
  GDate invalid;
  GDate today = day (2026, 11, 27);
  GDate shipped = day (2026, 11, 1);

  g_date_clear (&invalid, 1);
  g_assert_cmpint (kefu_warranty_state (NULL, 12, &today, NULL), ==, KEFU_WARRANTY_UNKNOWN);
  g_assert_cmpint (kefu_warranty_state (&invalid, 12, &today, NULL), ==, KEFU_WARRANTY_UNKNOWN);
  /* No warranty months: paid from the first day. */
  g_assert_cmpint (kefu_warranty_state (&shipped, 0, &shipped, NULL), ==, KEFU_WARRANTY_OUT);
}

static void
test_start (void)
{
  GDate shipped = day (2026, 3, 1);
  GDate installed = day (2026, 3, 20);
  GDate invalid;

  g_date_clear (&invalid, 1);
  g_assert_true (kefu_warranty_start (&shipped, &installed) == &installed);
  g_assert_true (kefu_warranty_start (&shipped, NULL) == &shipped);
  g_assert_true (kefu_warranty_start (&shipped, &invalid) == &shipped);
  g_assert_null (kefu_warranty_start (NULL, &invalid));

  /* Installed 19 days after shipping, a 12-month warranty still holds on the anniversary of the
   * shipment, and ends on that of the installation. */
  {
    GDate anniversary = day (2027, 3, 1);
    GDate installed_anniversary = day (2027, 3, 20);
    const GDate *start = kefu_warranty_start (&shipped, &installed);

    g_assert_cmpint (kefu_warranty_state (start, 12, &anniversary, NULL), ==, KEFU_WARRANTY_IN);
    g_assert_cmpint (kefu_warranty_state (start, 12, &installed_anniversary, NULL), ==,
                     KEFU_WARRANTY_OUT);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kefu/warranty/boundaries", test_boundaries);
  g_test_add_func ("/kefu/warranty/month-end", test_month_end);
  g_test_add_func ("/kefu/warranty/unknown-and-none", test_unknown_and_none);
  g_test_add_func ("/kefu/warranty/start", test_start);
  return g_test_run ();
}
