/* kefu-report-period.h: the period a manager reads the dashboard or a report for: a day, a
 * week (Monday to Sunday, as Chinese offices count it), a month, or a range of days of their
 * own, and the period before it of the same length that every figure is compared with.
 *
 * A period that holds today ends today ("this month" is the month to date), so that it is
 * compared with as many days before it rather than with a whole month against a part of one.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_PERIOD_DAY,
  KEFU_PERIOD_WEEK,
  KEFU_PERIOD_MONTH,
  KEFU_PERIOD_CUSTOM,
} KefuPeriodKind;

/* The longest custom range, in days (a year and a day: a leap year's comparison). */
#define KEFU_PERIOD_MAX_DAYS 366

typedef struct
{
  KefuPeriodKind kind;
  GDate          first;
  GDate          last;   /* included */
} KefuPeriod;

/* Today by the local clock: the periods are of local days (a report of the 27th is the 27th in
 * Beijing, not in UTC). */
void      kefu_period_today         (GDate            *today);
/* The day, week or month (`kind`, not CUSTOM) holding `day`, ended at `today` when it holds it. */
void      kefu_period_init          (KefuPeriod       *period,
                                     KefuPeriodKind    kind,
                                     const GDate      *day,
                                     const GDate      *today);
/* A custom range; FALSE with a reason (`error`, G_OPTION_ERROR_BAD_VALUE) when `last` is
 * before `first`, after `today`, or the range is longer than KEFU_PERIOD_MAX_DAYS. */
gboolean  kefu_period_init_range    (KefuPeriod       *period,
                                     const GDate      *first,
                                     const GDate      *last,
                                     const GDate      *today,
                                     GError          **error);
guint     kefu_period_n_days        (const KefuPeriod *period);
/* The same number of days just before `period`. */
void      kefu_period_previous      (const KefuPeriod *period,
                                     KefuPeriod       *previous);
/* The period one step back (`direction` -1) or forward (+1): the day, week or month before or
 * after (whole, or ended at `today`), a custom range moved by its length. FALSE (and `period`
 * unchanged) when forward would start after `today`. */
gboolean  kefu_period_step          (KefuPeriod       *period,
                                     int               direction,
                                     const GDate      *today);
/* TRUE when the period ends today (the period is "now", and its figures move). */
gboolean  kefu_period_is_current    (const KefuPeriod *period,
                                     const GDate      *today);
/* The period in words: "Today", "Yesterday", "This Week", "This Month", else its dates
 * ("Nov 2026", "Nov 16 – 22, 2026", "Nov 3, 2026"). */
char     *kefu_period_describe      (const KefuPeriod *period,
                                     const GDate      *today);
/* Its days in words: "Nov 1 – 27, 2026"; one day: "Nov 27, 2026". */
char     *kefu_period_format_range  (const KefuPeriod *period);
/* A day as the reports write it: "2026-11-27". */
char     *kefu_period_format_day    (const GDate      *day);

G_END_DECLS
