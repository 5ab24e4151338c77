/* kefu-csv.c: CSV as Excel and WPS write it on Chinese Windows, read and written.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-atomic-file.h"
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

/* "U+2603 “☃”": the character at `p` (valid UTF-8), for a message. */
static char *
describe_character (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  char text[8] = { 0 };

  g_unichar_to_utf8 (c, text);
  return g_strdup_printf ("U+%04X “%s”", c, text);
}

char *
kefu_csv_encode_text (const char       *text,
                      gsize             length,
                      KefuCsvEncoding   encoding,
                      gsize            *out_length,
                      GError          **error)
{
  g_autoptr(GError) convert_error = NULL;
  const char *bad = NULL;
  gsize bytes_read = 0;
  char *converted;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate_len (text, length, &bad))
    {
      g_set_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE,
                   /* Translators: %lu is a byte offset in the exported text. */
                   _("The text to export holds damaged characters (not UTF-8) at byte %lu; "
                     "correct the record that holds them and export again."),
                   (gulong) (bad - text));
      return NULL;
    }
  if (encoding != KEFU_CSV_ENCODING_GB18030)
    {
      *out_length = length;
      return g_strndup (text, length);
    }

  /* GB18030 maps every Unicode character, but a converter may still refuse one (an old
   * iconv, a private-use character): say which, rather than write a file that lies. */
  converted = g_convert (text, length, "GB18030", "UTF-8", &bytes_read, out_length,
                         &convert_error);
  if (converted == NULL)
    {
      if (bytes_read < length &&
          g_error_matches (convert_error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
        {
          g_autofree char *which = describe_character (text + bytes_read);

          g_set_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE,
                       /* Translators: %s is a character, “U+2603 “☃””. */
                       _("The character %s cannot be written in GB18030. Export as UTF-8 "
                         "instead, or change the record that holds it."),
                       which);
        }
      else
        g_set_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE,
                     /* Translators: %s is the converter's reason. */
                     _("The text could not be converted to GB18030 (%s). Export as UTF-8 "
                       "instead."),
                     convert_error->message);
      return NULL;
    }
  return converted;
}

/* What a file in `encoding` starts with: the BOM for KEFU_CSV_ENCODING_UTF8_BOM alone (Excel
 * and WPS read UTF-8 by it; GB18030 has none, and plain UTF-8 is asked for without). */
static const char *
file_start (KefuCsvEncoding  encoding,
            gsize           *length)
{
  *length = encoding == KEFU_CSV_ENCODING_UTF8_BOM ? strlen (KEFU_CSV_BOM) : 0;
  return KEFU_CSV_BOM;
}

GBytes *
kefu_csv_encode_records (const char       *records,
                         gsize             length,
                         KefuCsvEncoding   encoding,
                         GError          **error)
{
  g_autofree char *encoded = NULL;
  g_autoptr(GByteArray) out = NULL;
  gsize encoded_length = 0;
  gsize start_length = 0;
  const char *start = file_start (encoding, &start_length);

  g_return_val_if_fail (records != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  encoded = kefu_csv_encode_text (records != NULL ? records : "", length, encoding,
                                  &encoded_length, error);
  if (encoded == NULL)
    return NULL;
  out = g_byte_array_sized_new (start_length + encoded_length);
  g_byte_array_append (out, (const guint8 *) start, start_length);
  g_byte_array_append (out, (const guint8 *) encoded, encoded_length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
kefu_csv_encode (GPtrArray        *rows,
                 KefuCsvEncoding   encoding,
                 GError          **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    kefu_csv_append_row (text, (const char * const *) rows->pdata[i]);
  return kefu_csv_encode_records (text->str, text->len, encoding, error);
}

/* Rows are gathered into chunks of about this size before they are encoded and written. */
#define WRITER_CHUNK (64 * 1024)

struct _KefuCsvWriter
{
  KefuAtomicFile  *file;
  KefuCsvEncoding  encoding;
  GString         *pending;
  guint64          n_rows;
  gboolean         failed;
};

KefuCsvWriter *
kefu_csv_writer_new (const char       *path,
                     KefuCsvEncoding   encoding,
                     GError          **error)
{
  g_autoptr(KefuAtomicFile) file = NULL;
  KefuCsvWriter *writer;
  gsize start_length = 0;
  const char *start = file_start (encoding, &start_length);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = kefu_atomic_file_new (path, error);
  if (file == NULL)
    return NULL;
  if (start_length > 0 && !kefu_atomic_file_write (file, start, start_length, error))
    return NULL;
  writer = g_new0 (KefuCsvWriter, 1);
  writer->file = g_steal_pointer (&file);
  writer->encoding = encoding;
  writer->pending = g_string_sized_new (WRITER_CHUNK + 1024);
  return writer;
}

static gboolean
writer_flush (KefuCsvWriter  *writer,
              GError        **error)
{
  g_autofree char *encoded = NULL;
  gsize length = 0;

  if (writer->pending->len == 0)
    return TRUE;
  /* A chunk holds whole records, so it never ends inside a character. */
  encoded = kefu_csv_encode_text (writer->pending->str, writer->pending->len, writer->encoding,
                                  &length, error);
  g_string_truncate (writer->pending, 0);
  if (encoded == NULL)
    return FALSE;
  return kefu_atomic_file_write (writer->file, encoded, length, error);
}

gboolean
kefu_csv_writer_add_row (KefuCsvWriter      *writer,
                         const char *const  *fields,
                         GError            **error)
{
  g_return_val_if_fail (writer != NULL && !writer->failed, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kefu_csv_append_row (writer->pending, fields);
  writer->n_rows++;
  if (writer->pending->len >= WRITER_CHUNK && !writer_flush (writer, error))
    {
      writer->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

guint64
kefu_csv_writer_get_n_rows (KefuCsvWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);

  return writer->n_rows;
}

gboolean
kefu_csv_writer_finish (KefuCsvWriter  *writer,
                        GError        **error)
{
  g_return_val_if_fail (writer != NULL && !writer->failed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!writer_flush (writer, error) || !kefu_atomic_file_commit (writer->file, error))
    {
      writer->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

void
kefu_csv_writer_free (KefuCsvWriter *writer)
{
  if (writer == NULL)
    return;
  kefu_atomic_file_free (writer->file);
  g_string_free (writer->pending, TRUE);
  g_free (writer);
}

gboolean
kefu_csv_write_file (const char       *path,
                     GPtrArray        *rows,
                     KefuCsvEncoding   encoding,
                     GError          **error)
{
  g_autoptr(KefuCsvWriter) writer = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  writer = kefu_csv_writer_new (path, encoding, error);
  if (writer == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!kefu_csv_writer_add_row (writer, (const char * const *) rows->pdata[i], error))
      return FALSE;
  return kefu_csv_writer_finish (writer, error);
}
