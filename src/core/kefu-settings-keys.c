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

const char * const *
kefu_setting_get_keys (void)
{
  static const char * const keys[] = {
    KEFU_SETTING_HANDOVER_CUTOFF,
    KEFU_SETTING_CALLBACK_WINDOW_DAYS,
    KEFU_SETTING_CALLBACK_QUIET_HOURS,
    KEFU_SETTING_SERVICE_AREAS,
    KEFU_SETTING_OFFICE_HOURS,
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

  if (strcmp (key, KEFU_SETTING_OFFICE_HOURS) == 0)
    {
      ranges = kefu_setting_parse_time_ranges (value, error);
      if (ranges == NULL)
        return FALSE;
      if (ranges->len == 0)
        {
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
