/* kefu-work-calendar.h: the site's working time (working hours, working days, holidays), and
 * the deadline arithmetic over it: "2 working hours", "1 working day", "3 days, never in the
 * night". Deadlines are computed in the site's local time zone and returned as instants.
 *
 * Working hours are a list of KefuTimeRange (settings "work.hours", default 08:30-17:30; a range
 * may cross midnight for a night shift). Working days are ISO weekdays (1 = Monday … 7 = Sunday,
 * setting "work.days", default Monday–Saturday). Holidays are dates on which nobody works even if
 * their weekday is a working day (setting "work.holidays", e.g. the National Day week).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KefuWorkCalendar KefuWorkCalendar;

/* `hours`: element type KefuTimeRange (copied; must not be empty); `weekdays`: bit (1 << d) for
 * each working ISO weekday d in 1–7 (at least one); `holidays`: GDate array (copied, may be
 * NULL); `tz`: the site's zone (NULL: local). */
KefuWorkCalendar *kefu_work_calendar_new                  (GArray           *hours,
                                                           guint             weekdays,
                                                           GArray           *holidays,
                                                           GTimeZone        *tz);
/* From the text of the three settings (kefu-settings-keys.h parsers); NULL with the
 * setting's validation error when one is not valid. */
KefuWorkCalendar *kefu_work_calendar_new_from_settings    (const char       *hours,
                                                           const char       *days,
                                                           const char       *holidays,
                                                           GError          **error);
KefuWorkCalendar *kefu_work_calendar_ref                  (KefuWorkCalendar *self);
void              kefu_work_calendar_unref                (KefuWorkCalendar *self);

/* TRUE when `time` lies in working time. */
gboolean          kefu_work_calendar_is_working_time      (KefuWorkCalendar *self,
                                                           GDateTime        *time);
/* `time` itself when it is working time, else the start of the next working period. */
GDateTime        *kefu_work_calendar_next_working_time    (KefuWorkCalendar *self,
                                                           GDateTime        *time);
/* The instant `minutes` of working time after `start` (a start outside working time counts from
 * the next working period). 0 minutes gives next_working_time (start). */
GDateTime        *kefu_work_calendar_add_working_minutes  (KefuWorkCalendar *self,
                                                           GDateTime        *start,
                                                           guint             minutes);
/* `days` working days after `start`: the working minutes of `days` full working days of the
 * calendar (its first day's length when the days differ), so a complaint at 16:00 on a Friday
 * with one working day is due at 16:00 on Saturday (Monday–Saturday week). */
GDateTime        *kefu_work_calendar_add_working_days     (KefuWorkCalendar *self,
                                                           GDateTime        *start,
                                                           guint             days);
/* `days` calendar days after `start`, moved to the next working time when that falls outside it
 * ("a deadline never falls in the night"). */
GDateTime        *kefu_work_calendar_add_days             (KefuWorkCalendar *self,
                                                           GDateTime        *start,
                                                           guint             days);
/* The end of the working hours (of the last range; a range crossing midnight ends the next
 * morning) of the `days`-th working day after the local day of `start`; with 0, of that day
 * itself when it is a working day, else of the next one. For rules that give "until the end of
 * the third working day" (三天之内回访). */
GDateTime        *kefu_work_calendar_end_of_working_day   (KefuWorkCalendar *self,
                                                           GDateTime        *start,
                                                           guint             days);
/* Working minutes between `from` and `to` (0 when `to` is not after `from`). */
gint64            kefu_work_calendar_working_minutes_between (KefuWorkCalendar *self,
                                                              GDateTime        *from,
                                                              GDateTime        *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuWorkCalendar, kefu_work_calendar_unref)

G_END_DECLS
