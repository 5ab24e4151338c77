/* kefu-call-parsers.c: the inline parsers of the call forms (quantity, date, production date,
 * batch number). Each accepts what a Chinese input method types (full-width digits, 年月日) and
 * says what to do when it cannot read the text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-call-rules.h"
#include "kefu-text.h"

/* Full-width forms as ASCII, then trimmed (the fold turns U+3000 into a space, so ASCII trimming
 * is enough). NULL for invalid UTF-8. */
static char *
fold_and_trim (const char *text)
{
  char *folded = kefu_text_fold_width (text != NULL ? text : "");

  if (folded != NULL)
    g_strstrip (folded);
  return folded;
}

static gboolean
all_ascii_digits (const char *text,
                  gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
kefu_quantity_parse (const char  *text,
                     guint       *quantity,
                     GError     **error)
{
  g_autofree char *folded = NULL;
  gsize len;
  guint64 value;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text);
  if (folded == NULL || folded[0] == '\0')
    {
      g_set_error_literal (error, KEFU_CALL_RULES_ERROR,
                           folded == NULL ? KEFU_CALL_RULES_ERROR_INVALID
                                          : KEFU_CALL_RULES_ERROR_REQUIRED,
                           _("Enter a quantity of at least 1."));
      return FALSE;
    }

  len = strlen (folded);
  if (!all_ascii_digits (folded, len))
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                   /* TRANSLATORS: %s is what the clerk typed into the quantity field. */
                   _("“%s” is not a quantity; enter a whole number of items, e.g. 2."),
                   folded);
      return FALSE;
    }

  /* Leading zeros are harmless ("02"); only the value's size matters. More than 9 significant
   * digits is out of range whatever they are, and avoids overflow. */
  while (len > 1 && folded[0] == '0')
    {
      memmove (folded, folded + 1, len);
      len--;
    }
  value = len > 9 ? G_MAXUINT64 : g_ascii_strtoull (folded, NULL, 10);

  if (value == 0)
    {
      g_set_error_literal (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
                           _("Enter a quantity of at least 1."));
      return FALSE;
    }
  if (value > KEFU_ORDER_QUANTITY_MAX)
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
                   _("Enter a quantity of at most %u; split a larger order into several lines or calls."),
                   (guint) KEFU_ORDER_QUANTITY_MAX);
      return FALSE;
    }

  if (quantity != NULL)
    *quantity = (guint) value;
  return TRUE;
}

static gboolean
set_date_format_error (GError     **error,
                       const char  *text)
{
  g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
               /* TRANSLATORS: %s is what the clerk typed into a date field. Keep the example
                * dates as they are: both forms are accepted. */
               _("“%s” is not a date; enter year, month and day, e.g. 2026-11-20 or 2026年11月20日."),
               text);
  return FALSE;
}

/* Reads a date written as 4-digit year, month and day: "2026-11-20", "2026/1/5", "2026.11.20",
 * "20261120" or "2026年11月20日" (the 日 or 号 may be left out). */
gboolean
kefu_date_parse (const char  *text,
                 GDate       *date,
                 GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) unified = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text);
  if (folded == NULL)
    return set_date_format_error (error, "");
  if (folded[0] == '\0')
    {
      g_set_error_literal (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_REQUIRED,
                           _("Enter a date, e.g. 2026-11-20."));
      return FALSE;
    }

  /* 年 and 月 become separators like "-"; a closing 日 or 号 is dropped; spaces around the
   * parts (as in "2026 年 11 月 20 日") do not matter. */
  unified = g_string_new (folded);
  g_string_replace (unified, " ", "", 0);
  if (g_str_has_suffix (unified->str, "日") || g_str_has_suffix (unified->str, "号"))
    g_string_truncate (unified, unified->len - strlen ("日"));
  g_string_replace (unified, "年", "-", 0);
  g_string_replace (unified, "月", "-", 0);
  g_string_replace (unified, "/", "-", 0);
  g_string_replace (unified, ".", "-", 0);

  if (all_ascii_digits (unified->str, unified->len) && unified->len == 8)
    {
      char y[5] = { 0 }, m[3] = { 0 }, d[3] = { 0 };

      memcpy (y, unified->str, 4);
      memcpy (m, unified->str + 4, 2);
      memcpy (d, unified->str + 6, 2);
      year = g_ascii_strtoull (y, NULL, 10);
      month = g_ascii_strtoull (m, NULL, 10);
      day = g_ascii_strtoull (d, NULL, 10);
    }
  else
    {
      parts = g_strsplit (unified->str, "-", -1);
      if (g_strv_length (parts) != 3
          || strlen (parts[0]) != 4 || !all_ascii_digits (parts[0], 4)
          || strlen (parts[1]) > 2 || !all_ascii_digits (parts[1], strlen (parts[1]))
          || strlen (parts[2]) > 2 || !all_ascii_digits (parts[2], strlen (parts[2])))
        return set_date_format_error (error, folded);
      year = g_ascii_strtoull (parts[0], NULL, 10);
      month = g_ascii_strtoull (parts[1], NULL, 10);
      day = g_ascii_strtoull (parts[2], NULL, 10);
    }

  if (year < 1 || month < 1 || month > 12)
    return set_date_format_error (error, folded);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                   /* TRANSLATORS: "Month 2 of 2026 has no day 30." */
                   _("Month %u of %u has no day %u; check the date."),
                   (guint) month, (guint) year, (guint) day);
      return FALSE;
    }

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

gboolean
kefu_production_date_validate (const GDate  *date,
                               const GDate  *today,
                               GError      **error)
{
  GDate oldest;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_date_compare (date, today) > 0)
    {
      g_set_error_literal (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
                           _("The production date cannot be after today; check the date printed on the package."));
      return FALSE;
    }

  /* The same day KEFU_PRODUCTION_DATE_MAX_YEARS years ago is still accepted (GDate turns a
   * 29 February into the 28th in a common year). */
  oldest = *today;
  g_date_subtract_years (&oldest, KEFU_PRODUCTION_DATE_MAX_YEARS);
  if (g_date_compare (date, &oldest) < 0)
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The production date is more than %u year ago; check the year.",
                                "The production date is more than %u years ago; check the year.",
                                KEFU_PRODUCTION_DATE_MAX_YEARS),
                   (guint) KEFU_PRODUCTION_DATE_MAX_YEARS);
      return FALSE;
    }

  return TRUE;
}

gboolean
kefu_batch_number_validate (const char  *text,
                            char       **normalized,
                            GError     **error)
{
  g_autofree char *folded = NULL;
  glong n_chars;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = fold_and_trim (text);
  if (folded == NULL)
    {
      g_set_error_literal (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                           _("The batch number contains damaged text (not valid UTF-8); type it again."));
      return FALSE;
    }

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && (g_ascii_isalnum (c) || c == '-' || c == '/' || c == '.'))
        continue;

      {
        char shown[8] = { 0 };

        if (c == ' ')
          {
            g_set_error_literal (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                                 _("A batch number has no spaces; type it as printed, without spaces."));
            return FALSE;
          }
        g_unichar_to_utf8 (c, shown);
        g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                     /* TRANSLATORS: %s is the character that is not allowed. */
                     _("A batch number has only letters, digits, “-”, “/” and “.”; remove “%s”."),
                     shown);
        return FALSE;
      }
    }

  n_chars = g_utf8_strlen (folded, -1);
  if (n_chars > KEFU_TEXT_MAX_BATCH_NUMBER)
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
                   _("A batch number has at most %u characters; this one has %u. Check it against the package."),
                   (guint) KEFU_TEXT_MAX_BATCH_NUMBER, (guint) n_chars);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_ascii_strup (folded, -1);
  return TRUE;
}
