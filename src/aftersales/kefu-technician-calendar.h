/* kefu-technician-calendar.h: the technicians' calendar of the After-Sales pane: a row per
 * active technician (those with no visit too: they are the free ones) and a column per day of
 * a two-week range, each field visit a block over its travel days with the customer and the
 * job's reference; weekends and holidays shaded from the site's working calendar. Activating a
 * visit activates "aftersales.open-job" with its job id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_TECHNICIAN_CALENDAR (kefu_technician_calendar_get_type ())
G_DECLARE_FINAL_TYPE (KefuTechnicianCalendar, kefu_technician_calendar, KEFU, TECHNICIAN_CALENDAR, GtkWidget)

/* The days shown. */
#define KEFU_TECHNICIAN_CALENDAR_DAYS 14

/* Properties: "store" (KefuStore), "staff" (KefuStaff), "busy" (read-only, TRUE while it
 * reads). Actions (group "calendar"): "previous", "next" (two weeks back or on), "today". */

GtkWidget *kefu_technician_calendar_new      (void);
/* Reads the technicians and their visits again. */
void       kefu_technician_calendar_reload   (KefuTechnicianCalendar *self);
/* Shows the two weeks starting on the Monday of `day`'s week. */
void       kefu_technician_calendar_set_day  (KefuTechnicianCalendar *self,
                                              const GDate            *day);
/* The first day shown. */
void       kefu_technician_calendar_get_first_day (KefuTechnicianCalendar *self,
                                                   GDate                  *day);

/* For tests: the rows shown, as "name" per technician in order, and the visits of row `row`
 * as the ids of the jobs on each day (0: free), KEFU_TECHNICIAN_CALENDAR_DAYS entries. */
guint      kefu_technician_calendar_get_n_rows   (KefuTechnicianCalendar *self);
const char *kefu_technician_calendar_get_row_name (KefuTechnicianCalendar *self,
                                                   guint                   row);
void       kefu_technician_calendar_get_row_days (KefuTechnicianCalendar *self,
                                                  guint                   row,
                                                  gint64                 *job_ids);

G_END_DECLS
