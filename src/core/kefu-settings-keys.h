/* kefu-settings-keys.h: the shared rules every workstation follows, stored as text in the
 * settings table (key → value) and read through the typed parsers here, so the store, the
 * preferences UI and kefuctl agree on what a value means and which values are valid.
 *
 * Times of day are minutes after midnight in local time. A time range is written
 * "HH:MM-HH:MM"; one whose end is not after its start crosses midnight ("21:00-08:30"), and
 * "24:00" may end a range. Lists of ranges or areas are separated by commas, semicolons, "、" or
 * line breaks; full-width digits and punctuation are accepted.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Order forms taken before this time go to today's hand-over, later ones to tomorrow's. */
#define KEFU_SETTING_HANDOVER_CUTOFF        "handover.cutoff"
/* Days within which a callback is due (三天之内回访). */
#define KEFU_SETTING_CALLBACK_WINDOW_DAYS   "callback.window-days"
/* Customers' rest hours, when no callback is made (避免在客户休息时打扰客户). */
#define KEFU_SETTING_CALLBACK_QUIET_HOURS   "callback.quiet-hours"
/* Districts the company sells in; empty means everywhere (不属于公司销售范围 otherwise). */
#define KEFU_SETTING_SERVICE_AREAS          "service.areas"
/* The hotline's staffed hours, one range per shift. */
#define KEFU_SETTING_OFFICE_HOURS           "office.hours"
/* The departments' working time, over which complaint deadlines are counted
 * (kefu-work-calendar.h): hours ("08:30-17:30"), ISO weekdays ("1-6": Monday–Saturday) and
 * holidays ("2026-10-01..2026-10-07, 2027-01-01"). */
#define KEFU_SETTING_WORK_HOURS             "work.hours"
#define KEFU_SETTING_WORK_DAYS              "work.days"
#define KEFU_SETTING_WORK_HOLIDAYS          "work.holidays"
/* Complaint deadlines (kefu-complaint-flow.h): a routed department acknowledges within this many
 * working hours; a harmed customer's complaint within this many minutes of any hour; the
 * resolution within this many working days per category. The callback uses
 * KEFU_SETTING_CALLBACK_WINDOW_DAYS, counted in working days after the resolution. */
#define KEFU_SETTING_COMPLAINT_ACK_HOURS            "complaint.acknowledge-hours"
#define KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES   "complaint.harmed-acknowledge-minutes"
#define KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT "complaint.resolve-days.product-quality"
#define KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE "complaint.resolve-days.service-quality"
/* Batch clustering: this many complaints about one product and batch within this many days flag
 * a possible quality incident to the QC manager. */
#define KEFU_SETTING_BATCH_WINDOW_DAYS      "complaint.batch-window-days"
#define KEFU_SETTING_BATCH_THRESHOLD        "complaint.batch-threshold"
/* Days after delivery before a shipment whose receipt is not confirmed is overdue. */
#define KEFU_SETTING_SHIPMENT_RECEIPT_DAYS  "shipment.receipt-days"
/* Callbacks (kefu-callback-rules.h): failed attempts (no answer, busy) before a callback goes to
 * the team lead (1–10, default 3); minutes after a failed attempt before the next, times the
 * number of failures (10–1440, default 120); how often every member gets a satisfaction
 * callback: "month", "quarter" (default), "half" or "year". */
#define KEFU_SETTING_CALLBACK_MAX_ATTEMPTS  "callback.max-attempts"
#define KEFU_SETTING_CALLBACK_RETRY_MINUTES "callback.retry-minutes"
#define KEFU_SETTING_CALLBACK_SURVEY_PERIOD "callback.survey-period"
/* The company's name as the clerks say it on the phone ("我是{company}的客服代表"). */
#define KEFU_SETTING_SITE_COMPANY_NAME      "site.company-name"
/* The callback script (domain.md §4), each part a text with placeholders
 * (kefu_callback_script_fill ()): the opening, the satisfaction question, what to ask a
 * satisfied customer (suggestions) and a so-so or not satisfied one (what to improve), and the
 * closing of each branch. The defaults are the translated texts of domain.md's script. */
#define KEFU_SETTING_SCRIPT_OPENING         "callback.script.opening"
#define KEFU_SETTING_SCRIPT_QUESTION        "callback.script.question"
#define KEFU_SETTING_SCRIPT_SATISFIED       "callback.script.satisfied"
#define KEFU_SETTING_SCRIPT_UNSATISFIED     "callback.script.unsatisfied"
#define KEFU_SETTING_SCRIPT_CLOSING_SATISFIED   "callback.script.closing-satisfied"
#define KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED "callback.script.closing-unsatisfied"

#define KEFU_MINUTES_PER_DAY (24 * 60)
#define KEFU_CALLBACK_WINDOW_DAYS_MAX 30

#define KEFU_SETTING_ERROR (kefu_setting_error_quark ())

typedef enum
{
  KEFU_SETTING_ERROR_UNKNOWN_KEY,
  KEFU_SETTING_ERROR_INVALID_TIME,
  KEFU_SETTING_ERROR_INVALID_RANGE,
  KEFU_SETTING_ERROR_INVALID_NUMBER,
  KEFU_SETTING_ERROR_INVALID_TEXT,
} KefuSettingError;

/* Minutes after local midnight: start in 0–1439, end in 1–1440; end <= start crosses midnight. */
typedef struct
{
  guint start;
  guint end;
} KefuTimeRange;

GQuark              kefu_setting_error_quark          (void);

/* Every known key, in the order a preferences page shows them. */
const char * const *kefu_setting_get_keys             (void);
gboolean            kefu_setting_is_known             (const char   *key);
/* The value used when the settings table has no row for `key`; NULL for an unknown key. */
const char         *kefu_setting_get_default          (const char   *key);
/* Translated short title and one-sentence description for a preferences UI; NULL if unknown. */
const char         *kefu_setting_get_title            (const char   *key);
const char         *kefu_setting_get_description      (const char   *key);
/* Checks `value` for `key`, with a translated reason the person editing it can act on. */
gboolean            kefu_setting_validate             (const char   *key,
                                                       const char   *value,
                                                       GError      **error);

/* "10:00", "8:30", "１０：００" → minutes after midnight (0–1439). */
gboolean            kefu_setting_parse_time_of_day    (const char   *text,
                                                       guint        *minutes,
                                                       GError      **error);
/* 630 → "10:30". */
char               *kefu_setting_format_time_of_day   (guint         minutes);
/* A list of ranges (element type KefuTimeRange); empty text gives an empty array. */
GArray             *kefu_setting_parse_time_ranges    (const char   *text,
                                                       GError      **error);
/* TRUE when `minute_of_day` (local, 0–1439) lies in one of `ranges`: [start, end). */
gboolean            kefu_time_ranges_contain          (GArray       *ranges,
                                                       guint         minute_of_day);
/* The same, named for the callback rule it serves. */
gboolean            kefu_quiet_hours_contains         (GArray       *ranges,
                                                       guint         minute_of_day);
/* A whole number of days, 1 to KEFU_CALLBACK_WINDOW_DAYS_MAX. */
gboolean            kefu_setting_parse_window_days    (const char   *text,
                                                       guint        *days,
                                                       GError      **error);
/* The list of districts, trimmed, without empty entries or repeats; an empty array for "". */
GStrv               kefu_setting_parse_service_areas  (const char   *text,
                                                       GError      **error);
/* TRUE when `district` lies in the service area: `areas` is empty (the company serves
 * everywhere), `district` is empty (nothing shows the customer is outside), or `district`
 * contains one of the areas ("北京市朝阳区" is in "朝阳区"). */
gboolean            kefu_service_areas_contain        (const char * const *areas,
                                                       const char         *district);

/* Working ISO weekdays: "1-6", "1,2,3,4,5", "周一至周六", "Mon-Sat" → bit (1 << d) per day d
 * (1 = Monday … 7 = Sunday); at least one day. */
gboolean            kefu_setting_parse_weekdays       (const char   *text,
                                                       guint        *weekdays,
                                                       GError      **error);
/* Holiday dates and ranges ("2026-10-01..2026-10-07, 2027-01-01"), element type GDate, sorted,
 * without repeats; empty text gives an empty array. */
GArray             *kefu_setting_parse_holidays       (const char   *text,
                                                       GError      **error);
/* A whole number from `min` to `max` (the reason names the range). */
gboolean            kefu_setting_parse_count          (const char   *text,
                                                       guint         min,
                                                       guint         max,
                                                       guint        *value,
                                                       GError      **error);

/* The bounds of a setting that is a whole number (the complaint deadlines, the batch rule, the
 * receipt days); FALSE for any other key. */
gboolean            kefu_setting_get_count_range      (const char   *key,
                                                       guint        *min,
                                                       guint        *max);

/* The day whose hand-over an order taken at `local_time` joins: that same day when it was taken
 * before the cut-off (`cutoff_minutes`, from KEFU_SETTING_HANDOVER_CUTOFF), else the next day. */
void                kefu_handover_date_for_order      (GDateTime          *local_time,
                                                       guint               cutoff_minutes,
                                                       GDate              *date);

G_END_DECLS
