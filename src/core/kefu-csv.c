/* kefu-csv.c: CSV as Excel and WPS write it on Chinese Windows, read and written.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-csv.h"

G_DEFINE_QUARK (kefu-csv-error-quark, kefu_csv_error)

/* Returns the file's text as UTF-8 (without a BOM), or NULL with an error. */
static char *
decode (GBytes           *bytes,
        gsize            *length,
        KefuCsvEncoding  *encoding,
        GError          **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) convert_error = NULL;
  char *converted;

  /* An empty GBytes may have no data pointer at all. */
  if (data == NULL)
    data = "";

  /* NUL never occurs in text, in either encoding: this is a spreadsheet's binary file (.xlsx)
   * or something else that was picked by mistake. */
  if (size > 0 && memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_ENCODING,
                           _("This is not a CSV text file. Save the spreadsheet as “CSV (comma delimited)” and import that file."));
      return NULL;
    }

  if (size >= 3 && memcmp (data, KEFU_CSV_BOM, 3) == 0)
    {
      if (!g_utf8_validate_len (data + 3, size - 3, NULL))
        {
          g_set_error_literal (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_ENCODING,
                               _("The file says it is UTF-8 but contains damaged text. Save it again as “CSV UTF-8” and import that file."));
          return NULL;
        }
      *encoding = KEFU_CSV_ENCODING_UTF8_BOM;
      *length = size - 3;
      return g_strndup (data + 3, size - 3);
    }

  if (g_utf8_validate_len (data, size, NULL))
    {
      *encoding = KEFU_CSV_ENCODING_UTF8;
      *length = size;
      return g_strndup (data, size);
    }

  /* GB18030 decodes every GBK file and then some; it is what "CSV" means to Excel on
   * Chinese Windows. */
  converted = g_convert (data, size, "UTF-8", "GB18030", NULL, length, &convert_error);
  if (converted == NULL)
    {
      g_set_error_literal (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_ENCODING,
                           _("The file is neither UTF-8 nor GBK/GB18030 text. Save it as “CSV UTF-8” and import that file."));
      return NULL;
    }
  *encoding = KEFU_CSV_ENCODING_GB18030;
  return converted;
}

/* TRUE when the row is one empty field: a blank line, which holds no record. */
static gboolean
row_is_blank_line (GPtrArray *fields)
{
  return fields->len == 1 && ((const char *) fields->pdata[0])[0] == '\0';
}

/**
 * kefu_csv_parse:
 * @encoding: (out) (optional): the encoding found
 * @line_numbers: (out) (optional) (transfer full) (element-type guint): the line each row
 *   starts on
 *
 * Returns: (transfer container) (element-type GStrv) (nullable): the rows, the header first,
 *   with a free function; NULL with an error
 */
GPtrArray *
kefu_csv_parse (GBytes           *bytes,
                KefuCsvEncoding  *encoding,
                GArray          **line_numbers,
                GError          **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  KefuCsvEncoding found = KEFU_CSV_ENCODING_UTF8;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  const char *p, *end;
  guint line = 1;
  guint row_line = 1;
  guint quote_line = 0;
  gboolean in_quotes = FALSE;
  gboolean field_was_quoted = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode (bytes, &length, &found, error);
  if (text == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_array_new (FALSE, FALSE, sizeof (guint));
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  /* One pass over the bytes: every delimiter is ASCII, and UTF-8 never uses ASCII bytes inside
   * a multi-byte character, so the text needs no decoding here. */
  p = text;
  end = text + length;
  while (p <= end)
    {
      char c = p < end ? *p : '\0';
      gboolean at_end = p == end;

      if (in_quotes)
        {
          if (at_end)
            {
              g_set_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_SYNTAX,
                           /* TRANSLATORS: %u is a line number in the file. */
                           _("A quoted field that starts on line %u never ends; add the closing quote (\") and import again."),
                           quote_line);
              return NULL;
            }
          if (c == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                  continue;
                }
              in_quotes = FALSE;
              p++;
              continue;
            }
          if (c == '\n')
            line++;
          g_string_append_c (field, c);
          p++;
          continue;
        }

      if (c == '"' && field->len == 0 && !field_was_quoted)
        {
          in_quotes = TRUE;
          field_was_quoted = TRUE;
          quote_line = line;
          p++;
          continue;
        }

      if (c == ',')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_was_quoted = FALSE;
          p++;
          continue;
        }

      if (c == '\r' || c == '\n' || at_end)
        {
          /* "\r\n" is one line end, so is a lone "\r" (old Mac files). */
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;

          /* A file's last line needs no line end, and a last line end adds no empty row. */
          if (!(at_end && fields->len == 0 && field->len == 0 && !field_was_quoted))
            {
              g_ptr_array_add (fields, g_strndup (field->str, field->len));
              if (!row_is_blank_line (fields) || field_was_quoted)
                {
                  if (rows->len >= KEFU_CSV_MAX_ROWS)
                    {
                      g_set_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_TOO_LARGE,
                                   _("The file has more than %u rows; split it into smaller files and import them one after the other."),
                                   (guint) KEFU_CSV_MAX_ROWS);
                      return NULL;
                    }
                  g_ptr_array_add (fields, NULL);
                  g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
                  g_array_append_val (lines, row_line);
                }
              else
                g_ptr_array_set_size (fields, 0);
            }
          g_string_truncate (field, 0);
          field_was_quoted = FALSE;
          line++;
          row_line = line;
          p++;
          continue;
        }

      /* Text after a closing quote ("ab"c) is kept as Excel keeps it, rather than refusing
       * the whole file over it. */
      g_string_append_c (field, c);
      p++;
    }

  if (rows->len == 0)
    {
      g_set_error_literal (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_EMPTY,
                           _("The file is empty; it needs a header row naming the columns, then the data rows."));
      return NULL;
    }

  if (encoding != NULL)
    *encoding = found;
  if (line_numbers != NULL)
    *line_numbers = g_steal_pointer (&lines);
  return g_steal_pointer (&rows);
}

/* A spreadsheet runs a cell that starts with one of these as a formula (and "\t" or "\r"
 * before one hides it): such cells get a leading apostrophe, which shows the text as typed. */
static gboolean
needs_formula_guard (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;
}

void
kefu_csv_append_row (GString            *out,
                     const char * const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];
      gboolean guard = needs_formula_guard (field);
      gboolean quote = strpbrk (field, ",\"\r\n") != NULL;

      if (i > 0)
        g_string_append_c (out, ',');
      if (quote)
        g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      if (quote)
        g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
