/* kefu-date-row.h: a form row for a day, or a day and a time of day, that can be typed
 * ("2026-11-27", "2026-11-27 09:30") or picked from a calendar, with one reason for a text that
 * is not a date, shared by every date field of the forms.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_DATE_ROW_ERROR (kefu_date_row_error_quark ())

typedef enum
{
  KEFU_DATE_ROW_ERROR_EMPTY,        /* nothing typed */
  KEFU_DATE_ROW_ERROR_FORMAT,       /* not written as a date (and time) */
  KEFU_DATE_ROW_ERROR_INVALID_DAY,  /* written as a day, but none of the calendar */
  KEFU_DATE_ROW_ERROR_NO_SUCH_TIME, /* a time of day past 23:59 */
} KefuDateRowError;

GQuark kefu_date_row_error_quark (void);

#define KEFU_TYPE_DATE_ROW (kefu_date_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuDateRow, kefu_date_row, KEFU, DATE_ROW, AdwEntryRow)

GtkWidget  *kefu_date_row_new           (gboolean          with_time);

/* Whether the row asks for a time of day after the day ("YYYY-MM-DD HH:MM"). */
gboolean    kefu_date_row_get_with_time (KefuDateRow      *self);
void        kefu_date_row_set_with_time (KefuDateRow      *self,
                                         gboolean          with_time);

/* Whether nothing but blanks is typed. */
gboolean    kefu_date_row_is_empty      (KefuDateRow      *self);

/* The day typed or picked; FALSE with the reason (KEFU_DATE_ROW_ERROR, a sentence to show under
 * the field) when the text is empty or not a day. `day` is cleared then. */
gboolean    kefu_date_row_get_day       (KefuDateRow      *self,
                                         GDate            *day,
                                         GError          **error);
/* Shows `day`; NULL or an invalid day empties the row. */
void        kefu_date_row_set_day       (KefuDateRow      *self,
                                         const GDate      *day);

/* The local time typed or picked (a row without a time of day gives the day's midnight); NULL
 * with the reason when the text is empty or not a time. */
GDateTime  *kefu_date_row_get_date_time (KefuDateRow      *self,
                                         GError          **error);
/* Shows `time` in local time; NULL empties the row. */
void        kefu_date_row_set_date_time (KefuDateRow      *self,
                                         GDateTime        *time);

/* The reading the row does: the day as kefu_date_parse () reads it and, when `with_time`,
 * the hour and minute after a space ("2026-11-27 09:30"). */
gboolean    kefu_date_row_parse         (const char       *text,
                                         gboolean          with_time,
                                         GDate            *day,
                                         int              *hour,
                                         int              *minute,
                                         GError          **error);

G_END_DECLS
