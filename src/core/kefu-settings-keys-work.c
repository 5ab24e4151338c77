/* kefu-settings-keys-work.c: the work calendar's days: the working days of the week
 * ("1-6", "Mon-Sat", "周一至周六") and the holidays ("2026-10-01..2026-10-07").
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-settings-keys"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-settings-keys-private.h"

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

  folded = _kefu_setting_fold_and_trim (text, error);
  if (folded == NULL)
    return FALSE;
  lower = g_utf8_strdown (folded, -1);
  items = _kefu_setting_split_list (lower);

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

  folded = _kefu_setting_fold_and_trim (text, error);
  if (folded == NULL)
    return NULL;

  items = _kefu_setting_split_list (folded);
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
