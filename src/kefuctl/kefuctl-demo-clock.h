/* kefuctl-demo-clock.h: the times the demo's stories are told against.
 *
 * The demo's "today" is the working day that ended last, not the calendar's: run in the evening
 * or on a Sunday, it shows the board as the last working moment left it (some complaints well
 * within their deadline, some close to it, a few late and escalated), never a day whose every
 * complaint waited all night. The deadlines count in working hours, so what was on time at that
 * moment is still on time when the demo ends at the real time.
 *
 * Tests run the demo at a chosen time with $KEFUCTL_DEMO_NOW (ISO 8601, e.g.
 * "2026-11-29T11:00:00+08:00"): it stands for the real time of the whole demo.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-work-calendar.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The time the demo runs at, in the local zone: $KEFUCTL_DEMO_NOW, or the real time. */
GDateTime *kefuctl_demo_now                  (void);
/* Sets the store's clock back to the time the demo runs at: the real clock, or
 * $KEFUCTL_DEMO_NOW when tests give it. */
void       kefuctl_demo_reset_clock          (KefuStore  *store);
/* The latest moment inside working time (settings work.hours, work.days, work.holidays) at or
 * before `now`, in the local zone: `now` itself during working hours, else the end of the last
 * working period. NULL with `error` when the settings cannot be read. */
GDateTime *kefuctl_demo_last_working_moment  (KefuStore  *store,
                                              GDateTime  *now,
                                              GError    **error);
/* The work calendar of the settings (work.hours, work.days, work.holidays); the default one
 * when they are not valid, as the store's deadlines fall back to it. */
KefuWorkCalendar *kefuctl_demo_work_calendar (KefuStore  *store,
                                              GError    **error);
/* The moment a story step `hours_ago` before `end` happened, told in working time: the hours
 * are scaled by the share of working time in the calendar's week and counted back over the
 * working periods only (after `end` when negative). Steps keep their order and about their
 * distance in days, and each falls within working hours, at its own minute. */
GDateTime *kefuctl_demo_working_time_before  (KefuWorkCalendar *calendar,
                                              GDateTime        *end,
                                              double            hours_ago);
/* The local date of `time`. */
void       kefuctl_demo_local_date           (GDateTime  *time,
                                              GDate      *date);

G_END_DECLS
