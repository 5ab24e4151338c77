/* kefu-settings-keys.c: defaults, validation and typed parsing of the shared settings.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-settings-keys"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-settings-keys.h"
#include "kefu-text.h"

G_DEFINE_QUARK (kefu-setting-error-quark, kefu_setting_error)

typedef struct
{
  const char *key;
  const char *default_value;
  const char *title;        /* N_() marked, translated when returned */
  const char *description;  /* N_() marked, translated when returned */
} KeyInfo;

static const KeyInfo known_keys[] = {
  { KEFU_SETTING_HANDOVER_CUTOFF, "10:00",
    N_("Order hand-over cut-off"),
    N_("Order forms taken before this time are handed to the sales admins the same day; later ones go into the next day's hand-over.") },
  { KEFU_SETTING_CALLBACK_WINDOW_DAYS, "3",
    N_("Callback window"),
    N_("Number of days within which a customer must be called back.") },
  { KEFU_SETTING_CALLBACK_QUIET_HOURS, "12:00-14:00,21:00-08:30",
    N_("Customers' rest hours"),
    N_("Times when customers are not called back, e.g. 12:00-14:00,21:00-08:30; a range may cross midnight.") },
  { KEFU_SETTING_SERVICE_AREAS, "",
    N_("Service areas"),
    N_("Districts the company delivers to, separated by commas or line breaks; leave empty to serve everywhere.") },
  { KEFU_SETTING_OFFICE_HOURS, "08:30-17:30",
    N_("Office hours"),
    N_("Hours when the hotline is staffed, one range per shift, e.g. 08:30-17:30.") },
  { KEFU_SETTING_WORK_HOURS, "08:30-17:30",
    N_("Working hours"),
    N_("Hours in which the departments work on complaints, over which deadlines are counted, e.g. 08:30-17:30; a night shift may cross midnight.") },
  { KEFU_SETTING_WORK_DAYS, "1-6",
    N_("Working days"),
    N_("Days of the week the departments work, e.g. 1-6 or Mon-Sat for Monday to Saturday.") },
  { KEFU_SETTING_WORK_HOLIDAYS, "",
    N_("Holidays"),
    N_("Dates on which nobody works, as days or ranges, e.g. 2026-10-01..2026-10-07, 2027-01-01.") },
  { KEFU_SETTING_COMPLAINT_ACK_HOURS, "2",
    N_("Acknowledgement time"),
    N_("Working hours within which a routed department must acknowledge a complaint.") },
  { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "30",
    N_("Acknowledgement time for harmed customers"),
    N_("Minutes, at any hour, within which a complaint from a customer who was harmed must be acknowledged.") },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, "2",
    N_("Resolution time for product quality"),
    N_("Working days within which a product-quality complaint must be resolved once acknowledged.") },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, "1",
    N_("Resolution time for service quality"),
    N_("Working days within which a service-quality complaint must be resolved once acknowledged.") },
  { KEFU_SETTING_BATCH_WINDOW_DAYS, "7",
    N_("Batch incident window"),
    N_("Number of days over which complaints about one product batch are counted for a possible quality incident.") },
  { KEFU_SETTING_BATCH_THRESHOLD, "3",
    N_("Batch incident threshold"),
    N_("Number of complaints about one product batch within the window that flags it to the QC manager.") },
};

/* The bounds of the settings that are whole numbers. */
typedef struct
{
  const char *key;
  guint min;
  guint max;
} CountInfo;

static const CountInfo count_keys[] = {
  { KEFU_SETTING_COMPLAINT_ACK_HOURS, 1, 72 },
  { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, 5, 240 },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, 1, 30 },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, 1, 30 },
  { KEFU_SETTING_BATCH_WINDOW_DAYS, 1, 90 },
  { KEFU_SETTING_BATCH_THRESHOLD, 2, 50 },
};

static const KeyInfo *
find_key (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (known_keys); i++)
    if (strcmp (known_keys[i].key, key) == 0)
      return &known_keys[i];
  return NULL;
}

/* Parses "H:MM" or "HH:MM" at the whole of `text` (already folded and trimmed). `allow_24`
 * lets "24:00" stand for the end of the day. */
static gboolean
parse_time (const char  *text,
            gboolean     allow_24,
            guint       *minutes,
            GError     **error)
{
  const char *p = text;
  guint hours = 0;
  guint mins = 0;
  guint n_hour_digits = 0;

  while (g_ascii_isdigit (*p) && n_hour_digits < 3)
    {
      hours = hours * 10 + (guint) (*p - '0');
      n_hour_digits++;
      p++;
    }

  if (n_hour_digits == 0 || n_hour_digits > 2 || *p != ':' ||
      !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TIME,
                   _("“%s” is not a time of day; write hours and minutes, e.g. 10:00 or 8:30."),
                   text);
      return FALSE;
    }
  mins = (guint) (p[1] - '0') * 10 + (guint) (p[2] - '0');

  if (allow_24 && hours == 24 && mins == 0)
    {
      *minutes = KEFU_MINUTES_PER_DAY;
      return TRUE;
    }
  if (hours > 23 || mins > 59)
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TIME,
                   _("“%s” is not a time of day: hours go from 0 to 23 and minutes from 00 to 59."),
                   text);
      return FALSE;
    }

  *minutes = hours * 60 + mins;
  return TRUE;
}

/* Folds full-width input and trims it; NULL (with an error) for damaged text. */
static char *
fold_and_trim (const char  *text,
               GError     **error)
{
  char *folded = kefu_text_fold_width (text != NULL ? text : "");

  if (folded == NULL)
    {
      g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
                           _("The value contains damaged text (not valid UTF-8); type it again."));
      return NULL;
    }
  return g_strstrip (folded);
}

gboolean
kefu_setting_parse_time_of_day (const char  *text,
                                guint       *minutes,
                                GError     **error)
{
  g_autofree char *folded = NULL;
  guint value;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return FALSE;
  if (!parse_time (folded, FALSE, &value, error))
    return FALSE;

  if (minutes != NULL)
    *minutes = value;
  return TRUE;
}

/**
 * kefu_setting_format_time_of_day:
 *
 * Returns: (transfer full): the time as "HH:MM"
 */
char *
kefu_setting_format_time_of_day (guint minutes)
{
  g_return_val_if_fail (minutes <= KEFU_MINUTES_PER_DAY, NULL);

  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

/* Splits a list on commas, semicolons, "、" and line breaks (after folding, "，" is a comma). */
static GStrv
split_list (const char *folded)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) item = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\0' || c == ',' || c == ';' || c == '\n' || c == '\r' || c == 0x3001)
        {
          g_autofree char *trimmed = kefu_text_normalize (item->str);

          if (trimmed != NULL && trimmed[0] != '\0')
            g_strv_builder_add (builder, trimmed);
          g_string_truncate (item, 0);
          if (c == '\0')
            break;
        }
      else
        g_string_append_unichar (item, c);
    }

  return g_strv_builder_end (builder);
}

/**
 * kefu_setting_parse_time_ranges:
 *
 * Returns: (transfer full) (element-type KefuTimeRange) (nullable): the ranges
 */
GArray *
kefu_setting_parse_time_ranges (const char  *text,
                                GError     **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return NULL;

  ranges = g_array_new (FALSE, FALSE, sizeof (KefuTimeRange));
  items = split_list (folded);

  for (guint i = 0; items[i] != NULL; i++)
    {
      /* After folding, "～" is "~" and the dashes are "-". */
      const char *dash = strpbrk (items[i], "-~");
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      KefuTimeRange range;

      if (dash == NULL || strpbrk (dash + 1, "-~") != NULL)
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("“%s” is not a time range; write a start and an end time, e.g. 12:00-14:00."),
                       items[i]);
          return NULL;
        }

      start_text = g_strstrip (g_strndup (items[i], dash - items[i]));
      end_text = g_strstrip (g_strdup (dash + 1));

      if (!parse_time (start_text, FALSE, &range.start, error) ||
          !parse_time (end_text, TRUE, &range.end, error))
        return NULL;

      if (range.end == 0)
        range.end = KEFU_MINUTES_PER_DAY;
      if (range.start == range.end || (range.start == 0 && range.end == KEFU_MINUTES_PER_DAY))
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("The time range “%s” is empty or covers the whole day; give different start and end times."),
                       items[i]);
          return NULL;
        }

      g_array_append_val (ranges, range);
    }

  return g_steal_pointer (&ranges);
}

gboolean
kefu_time_ranges_contain (GArray *ranges,
                          guint   minute_of_day)
{
  g_return_val_if_fail (ranges != NULL, FALSE);
  g_return_val_if_fail (minute_of_day < KEFU_MINUTES_PER_DAY, FALSE);

  for (guint i = 0; i < ranges->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (ranges, KefuTimeRange, i);

      if (range->start < range->end)
        {
          if (minute_of_day >= range->start && minute_of_day < range->end)
            return TRUE;
        }
      else if (minute_of_day >= range->start || minute_of_day < range->end)
        /* The range crosses midnight: it holds the evening part and the morning part. */
        return TRUE;
    }

  return FALSE;
}

gboolean
kefu_quiet_hours_contains (GArray *ranges,
                           guint   minute_of_day)
{
  return kefu_time_ranges_contain (ranges, minute_of_day);
}

gboolean
kefu_setting_parse_window_days (const char  *text,
                                guint       *days,
                                GError     **error)
{
  g_autofree char *folded = NULL;
  guint64 value = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return FALSE;

  if (!g_ascii_string_to_unsigned (folded, 10, 1, KEFU_CALLBACK_WINDOW_DAYS_MAX, &value, NULL))
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER,
                   _("“%s” is not a number of days; give a whole number from 1 to %u."),
                   folded, (guint) KEFU_CALLBACK_WINDOW_DAYS_MAX);
      return FALSE;
    }

  if (days != NULL)
    *days = (guint) value;
  return TRUE;
}

/**
 * kefu_setting_parse_service_areas:
 *
 * Returns: (transfer full) (nullable): the districts
 */
GStrv
kefu_setting_parse_service_areas (const char  *text,
                                  GError     **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* District names are kept as typed (not folded), but "，" must still separate them. */
  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return NULL;

  items = split_list (folded);
  builder = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!kefu_text_validate_line (items[i], KEFU_TEXT_MAX_DISTRICT, TRUE,
                                    _("Service areas"), NULL))
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
                       _("“%s” is not a district name: it is too long (at most %u characters) or contains invisible characters."),
                       items[i], (guint) KEFU_TEXT_MAX_DISTRICT);
          return NULL;
        }
      if (g_hash_table_add (seen, items[i]))
        g_strv_builder_add (builder, items[i]);
    }

  return g_strv_builder_end (builder);
}

gboolean
kefu_service_areas_contain (const char * const *areas,
                            const char         *district)
{
  if (areas == NULL || areas[0] == NULL)
    return TRUE;
  if (district == NULL || district[0] == '\0')
    return TRUE;

  for (guint i = 0; areas[i] != NULL; i++)
    if (strstr (district, areas[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* The ISO weekday (1–7) a token names: a digit, an English name or its abbreviation, or a
 * Chinese name with or without 周/星期/礼拜; 0 for none. `token` is folded and lower case. */
static guint
parse_weekday (const char *token)
{
  static const struct { const char *name; guint day; } english[] = {
    { "monday", 1 }, { "mon", 1 }, { "tuesday", 2 }, { "tues", 2 }, { "tue", 2 },
    { "wednesday", 3 }, { "wed", 3 }, { "thursday", 4 }, { "thurs", 4 }, { "thur", 4 },
    { "thu", 4 }, { "friday", 5 }, { "fri", 5 }, { "saturday", 6 }, { "sat", 6 },
    { "sunday", 7 }, { "sun", 7 },
  };
  static const struct { const char *name; guint day; } chinese[] = {
    { "一", 1 }, { "二", 2 }, { "三", 3 }, { "四", 4 }, { "五", 5 }, { "六", 6 },
    { "日", 7 }, { "天", 7 }, { "七", 7 },
  };
  static const char * const prefixes[] = { "星期", "礼拜", "周" };

  if (token[0] >= '1' && token[0] <= '7' && token[1] == '\0')
    return (guint) (token[0] - '0');

  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    if (strcmp (token, english[i].name) == 0)
      return english[i].day;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (token, prefixes[i]))
      {
        token += strlen (prefixes[i]);
        break;
      }

  for (guint i = 0; i < G_N_ELEMENTS (chinese); i++)
    if (strcmp (token, chinese[i].name) == 0)
      return chinese[i].day;

  return 0;
}

/* Splits `item` at the first of `separators` into its two trimmed halves; FALSE when none is
 * in it. */
static gboolean
split_range (const char          *item,
             const char * const  *separators,
             char               **first,
             char               **second)
{
  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *at = strstr (item, separators[i]);

      if (at == NULL)
        continue;
      *first = g_strstrip (g_strndup (item, (gsize) (at - item)));
      *second = g_strstrip (g_strdup (at + strlen (separators[i])));
      return TRUE;
    }
  return FALSE;
}

gboolean
kefu_setting_parse_weekdays (const char  *text,
                             guint       *weekdays,
                             GError     **error)
{
  static const char * const separators[] = { "至", "到", "-", "~", NULL };
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) items = NULL;
  guint days = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return FALSE;
  lower = g_utf8_strdown (folded, -1);
  items = split_list (lower);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *first_text = NULL;
      g_autofree char *last_text = NULL;
      guint first;
      guint last;

      if (split_range (items[i], separators, &first_text, &last_text))
        {
          first = parse_weekday (first_text);
          last = parse_weekday (last_text);
        }
      else
        first = last = parse_weekday (items[i]);

      if (first == 0 || last == 0)
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("“%s” is not a day of the week or a range of days; write 1 (Monday) to 7 (Sunday), e.g. 1-6 or Mon-Sat."),
                       items[i]);
          return FALSE;
        }

      /* A range may run over the weekend ("Sat-Mon"): it wraps from Sunday to Monday. */
      for (guint day = first; ; day = day % 7 + 1)
        {
          days |= 1u << day;
          if (day == last)
            break;
        }
    }

  if (days == 0)
    {
      g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                           _("Give at least one working day, e.g. 1-6 for Monday to Saturday."));
      return FALSE;
    }

  if (weekdays != NULL)
    *weekdays = days;
  return TRUE;
}

/* "2026-10-01", "2026/10/1" or "2026年10月1日" (folded) as a date. */
static gboolean
parse_date (const char *token,
            GDate      *date)
{
  g_autoptr(GString) text = g_string_new (token);
  g_auto(GStrv) parts = NULL;
  guint64 numbers[3];

  g_string_replace (text, "年", "-", 0);
  g_string_replace (text, "月", "-", 0);
  g_string_replace (text, "日", "", 0);
  g_string_replace (text, "/", "-", 0);
  parts = g_strsplit (text->str, "-", -1);

  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 9999, &numbers[i], NULL) ||
        strlen (parts[i]) > 4)
      return FALSE;

  if (!g_date_valid_dmy ((GDateDay) numbers[2], (GDateMonth) numbers[1], (GDateYear) numbers[0]))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) numbers[2], (GDateMonth) numbers[1], (GDateYear) numbers[0]);
  return TRUE;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

#define HOLIDAY_RANGE_MAX_DAYS 366

/**
 * kefu_setting_parse_holidays:
 *
 * Returns: (transfer full) (element-type GDate) (nullable): the dates, sorted, without repeats
 */
GArray *
kefu_setting_parse_holidays (const char  *text,
                             GError     **error)
{
  static const char * const separators[] = { "..", "至", "到", "~", NULL };
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) dates = NULL;
  GArray *unique;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return NULL;

  items = split_list (folded);
  dates = g_array_new (FALSE, FALSE, sizeof (GDate));

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *first_text = NULL;
      g_autofree char *last_text = NULL;
      GDate first;
      GDate last;
      gboolean ok;
      int n_days;

      if (split_range (items[i], separators, &first_text, &last_text))
        ok = parse_date (first_text, &first) && parse_date (last_text, &last);
      else
        ok = parse_date (items[i], &first) && (last = first, TRUE);

      if (!ok)
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("“%s” is not a date or a range of dates; write year-month-day, e.g. 2026-10-01 or 2026-10-01..2026-10-07."),
                       items[i]);
          return NULL;
        }

      n_days = g_date_days_between (&first, &last) + 1;
      if (n_days < 1)
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("The holidays “%s” end before they start; write the earlier date first."),
                       items[i]);
          return NULL;
        }
      if (n_days > HOLIDAY_RANGE_MAX_DAYS)
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                       _("The holidays “%s” last more than a year; check the years of the dates."),
                       items[i]);
          return NULL;
        }

      for (int d = 0; d < n_days; d++)
        {
          g_array_append_val (dates, first);
          g_date_add_days (&first, 1);
        }
    }

  g_array_sort (dates, compare_dates);
  unique = g_array_sized_new (FALSE, FALSE, sizeof (GDate), dates->len);
  for (guint i = 0; i < dates->len; i++)
    {
      const GDate *date = &g_array_index (dates, GDate, i);

      if (unique->len == 0 ||
          g_date_compare (&g_array_index (unique, GDate, unique->len - 1), date) != 0)
        g_array_append_val (unique, *date);
    }

  return unique;
}

gboolean
kefu_setting_parse_count (const char  *text,
                          guint        min,
                          guint        max,
                          guint       *value,
                          GError     **error)
{
  g_autofree char *folded = NULL;
  guint64 number = 0;

  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text, error);
  if (folded == NULL)
    return FALSE;

  if (!g_ascii_string_to_unsigned (folded, 10, min, max, &number, NULL))
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER,
                   _("“%s” is not a whole number from %u to %u; give one in that range."),
                   folded, min, max);
      return FALSE;
    }

  if (value != NULL)
    *value = (guint) number;
  return TRUE;
}

const char * const *
kefu_setting_get_keys (void)
{
  static const char * const keys[] = {
    KEFU_SETTING_HANDOVER_CUTOFF,
    KEFU_SETTING_CALLBACK_WINDOW_DAYS,
    KEFU_SETTING_CALLBACK_QUIET_HOURS,
    KEFU_SETTING_SERVICE_AREAS,
    KEFU_SETTING_OFFICE_HOURS,
    KEFU_SETTING_WORK_HOURS,
    KEFU_SETTING_WORK_DAYS,
    KEFU_SETTING_WORK_HOLIDAYS,
    KEFU_SETTING_COMPLAINT_ACK_HOURS,
    KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES,
    KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT,
    KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE,
    KEFU_SETTING_BATCH_WINDOW_DAYS,
    KEFU_SETTING_BATCH_THRESHOLD,
    NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (known_keys) + 1);

  return keys;
}

gboolean
kefu_setting_is_known (const char *key)
{
  return find_key (key) != NULL;
}

const char *
kefu_setting_get_default (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? info->default_value : NULL;
}

const char *
kefu_setting_get_title (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? _(info->title) : NULL;
}

const char *
kefu_setting_get_description (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? _(info->description) : NULL;
}

gboolean
kefu_setting_validate (const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(GArray) ranges = NULL;
  g_auto(GStrv) areas = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kefu_setting_is_known (key))
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_UNKNOWN_KEY,
                   _("“%s” is not a setting Kefu knows; check the spelling of the key."),
                   key != NULL ? key : "");
      return FALSE;
    }

  if (strcmp (key, KEFU_SETTING_HANDOVER_CUTOFF) == 0)
    return kefu_setting_parse_time_of_day (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_CALLBACK_WINDOW_DAYS) == 0)
    return kefu_setting_parse_window_days (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_CALLBACK_QUIET_HOURS) == 0)
    {
      ranges = kefu_setting_parse_time_ranges (value, error);
      return ranges != NULL;
    }

  if (strcmp (key, KEFU_SETTING_OFFICE_HOURS) == 0 || strcmp (key, KEFU_SETTING_WORK_HOURS) == 0)
    {
      ranges = kefu_setting_parse_time_ranges (value, error);
      if (ranges == NULL)
        return FALSE;
      if (ranges->len == 0)
        {
          if (strcmp (key, KEFU_SETTING_WORK_HOURS) == 0)
            g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                                 _("Give at least one range of working hours, e.g. 08:30-17:30."));
          else
            g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                                 _("Give at least one range of office hours, e.g. 08:30-17:30."));
          return FALSE;
        }
      return TRUE;
    }

  if (strcmp (key, KEFU_SETTING_SERVICE_AREAS) == 0)
    {
      areas = kefu_setting_parse_service_areas (value, error);
      return areas != NULL;
    }

  if (strcmp (key, KEFU_SETTING_WORK_DAYS) == 0)
    return kefu_setting_parse_weekdays (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_WORK_HOLIDAYS) == 0)
    {
      g_autoptr(GArray) dates = kefu_setting_parse_holidays (value, error);

      return dates != NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (count_keys); i++)
    if (strcmp (key, count_keys[i].key) == 0)
      return kefu_setting_parse_count (value, count_keys[i].min, count_keys[i].max, NULL, error);

  g_assert_not_reached ();
}

void
kefu_handover_date_for_order (GDateTime *local_time,
                              guint      cutoff_minutes,
                              GDate     *date)
{
  guint minute_of_day;

  g_return_if_fail (local_time != NULL);
  g_return_if_fail (cutoff_minutes < KEFU_MINUTES_PER_DAY);
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (local_time),
                  (GDateMonth) g_date_time_get_month (local_time),
                  (GDateYear) g_date_time_get_year (local_time));

  /* "Orders taken after the cut-off go into the next day's hand-over." */
  minute_of_day = (guint) (g_date_time_get_hour (local_time) * 60 +
                           g_date_time_get_minute (local_time));
  if (minute_of_day >= cutoff_minutes)
    g_date_add_days (date, 1);
}
