/* kefuctl-test-demo.c: `kefuctl demo` run at a chosen time (see kefuctl-test-demo.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "kefuctl-test-demo.h"

/**
 * kefuctl_past_day_at:
 *
 * Returns: (transfer full): the local time
 */
GDateTime *
kefuctl_past_day_at (guint weekdays,
                     guint minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail ((weekdays & 0xFE) != 0, NULL);
  g_return_val_if_fail (minute < 24 * 60, NULL);

  for (int back = 1;; back++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -back);

      if ((weekdays & KEFUCTL_ISO_DAY (g_date_time_get_day_of_week (day))) != 0)
        return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                      g_date_time_get_day_of_month (day), (int) (minute / 60),
                                      (int) (minute % 60), 0);
    }
}

void
kefuctl_run_demo_at (KefuctlFixture *fixture,
                     Run            *run,
                     const char     *option,
                     GDateTime      *now)
{
  g_autofree char *text = g_date_time_format_iso8601 (now);

  /* The launcher kefuctl_run_argv () makes takes the environment as it is now. */
  g_setenv ("KEFUCTL_DEMO_NOW", text, TRUE);
  run_kefuctl (fixture, run, option, "demo");
  g_unsetenv ("KEFUCTL_DEMO_NOW");
  kefuctl_assert_success (run);
}
