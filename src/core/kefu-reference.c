/* kefu-reference.c: formatting and reading human reference numbers.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-reference"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-reference.h"
#include "kefu-text.h"

G_DEFINE_QUARK (kefu-reference-error-quark, kefu_reference_error)

static gboolean
is_valid_prefix (const char *prefix)
{
  gsize len = strlen (prefix);

  if (len == 0 || len > KEFU_REFERENCE_PREFIX_MAX)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (prefix[i]))
      return FALSE;
  return TRUE;
}

/**
 * kefu_reference_format:
 *
 * Returns: (transfer full): the reference, e.g. "TS-20261127-0003"
 */
char *
kefu_reference_format (const char *prefix,
                       GDateTime  *local_day,
                       guint       sequence)
{
  g_return_val_if_fail (prefix != NULL && is_valid_prefix (prefix), NULL);
  g_return_val_if_fail (local_day != NULL, NULL);
  g_return_val_if_fail (sequence >= 1 && sequence <= KEFU_REFERENCE_SEQUENCE_MAX, NULL);

  return g_strdup_printf ("%s-%04d%02d%02d-%04u", prefix,
                          g_date_time_get_year (local_day),
                          g_date_time_get_month (local_day),
                          g_date_time_get_day_of_month (local_day),
                          sequence);
}

static gboolean
set_invalid (GError     **error,
             const char  *text)
{
  g_set_error (error, KEFU_REFERENCE_ERROR, KEFU_REFERENCE_ERROR_INVALID,
               _("“%s” is not a reference number; they look like TS-20261127-0003."),
               text);
  return FALSE;
}

gboolean
kefu_reference_parse (const char  *text,
                      char       **prefix,
                      GDate       *day,
                      guint       *sequence,
                      GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) compact = NULL;
  g_autofree char *found_prefix = NULL;
  const char *p;
  gsize n_letters = 0;
  guint year, month, dom;
  guint64 seq = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = kefu_text_fold_width (text != NULL ? text : "");
  if (folded == NULL)
    return set_invalid (error, "");
  g_strstrip (folded);

  /* Spaces only group what is read aloud; the letters, the eight date digits and the sequence
   * are told apart by position. Dashes, when given, must sit where the format puts them, so
   * that a date with a digit missing is not silently read with the sequence's first digit. */
  if (strchr (folded, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (folded, "-", -1);
      guint n_date_chars = 0;

      if (g_strv_length (parts) != 3)
        return set_invalid (error, folded);
      for (const char *q = parts[1]; *q != '\0'; q++)
        if (*q != ' ')
          n_date_chars++;
      if (n_date_chars != 8)
        return set_invalid (error, folded);
    }

  compact = g_string_new (NULL);
  for (p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isalnum (*p))
        return set_invalid (error, folded);
      g_string_append_c (compact, g_ascii_toupper (*p));
    }

  p = compact->str;
  while (g_ascii_isupper (p[n_letters]))
    n_letters++;
  if (n_letters == 0 || n_letters > KEFU_REFERENCE_PREFIX_MAX)
    return set_invalid (error, folded);
  found_prefix = g_strndup (p, n_letters);
  p += n_letters;

  /* Eight date digits, then 1 to 9 sequence digits. */
  if (strlen (p) < 9 || strlen (p) > 17)
    return set_invalid (error, folded);
  for (const char *q = p; *q != '\0'; q++)
    if (!g_ascii_isdigit (*q))
      return set_invalid (error, folded);

  year = (guint) ((p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0'));
  month = (guint) ((p[4] - '0') * 10 + (p[5] - '0'));
  dom = (guint) ((p[6] - '0') * 10 + (p[7] - '0'));
  if (year < 1 || month < 1 || month > 12 || dom < 1 ||
      !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, KEFU_REFERENCE_ERROR, KEFU_REFERENCE_ERROR_BAD_DATE,
                   _("“%s” does not contain a real date; check the eight digits after the letters (year, month, day)."),
                   folded);
      return FALSE;
    }

  for (const char *q = p + 8; *q != '\0'; q++)
    seq = seq * 10 + (guint64) (*q - '0');
  if (seq < 1 || seq > KEFU_REFERENCE_SEQUENCE_MAX)
    return set_invalid (error, folded);

  if (prefix != NULL)
    *prefix = g_steal_pointer (&found_prefix);
  if (day != NULL)
    g_date_set_dmy (day, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  if (sequence != NULL)
    *sequence = (guint) seq;
  return TRUE;
}
