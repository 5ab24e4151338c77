/* kefu-csv.h: reading and writing CSV as Chinese offices exchange it with Excel and WPS.
 *
 * Reading: a UTF-8 byte-order mark decides; else valid UTF-8; else GB18030 (a superset of GBK,
 * what Excel writes on Chinese Windows). Fields follow RFC 4180: quoted fields may hold commas,
 * quotes ("") and line breaks; both CRLF and LF end records. Writing: UTF-8 with a BOM, CRLF,
 * quotes where needed, and cells starting with = + - @ (or a tab or carriage return) prefixed with
 * an apostrophe so a spreadsheet never runs them as formulas.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KEFU_CSV_ERROR (kefu_csv_error_quark ())

typedef enum
{
  KEFU_CSV_ERROR_ENCODING,    /* neither UTF-8 nor GB18030 */
  KEFU_CSV_ERROR_SYNTAX,      /* an unterminated quoted field; the message gives the line */
  KEFU_CSV_ERROR_EMPTY,       /* no header row */
  KEFU_CSV_ERROR_TOO_LARGE,   /* more than KEFU_CSV_MAX_ROWS rows */
  KEFU_CSV_ERROR_UNENCODABLE, /* writing: text the chosen encoding cannot hold, or not UTF-8 */
} KefuCsvError;

#define KEFU_CSV_MAX_ROWS 2000000

typedef enum
{
  KEFU_CSV_ENCODING_UTF8,
  KEFU_CSV_ENCODING_UTF8_BOM,
  KEFU_CSV_ENCODING_GB18030,
} KefuCsvEncoding;

GQuark      kefu_csv_error_quark   (void);

/* Decodes and parses the whole file: an array of rows, each a GStrv of fields (the header is
 * row 0). `line_numbers` (optional) receives the file line on which each row starts, for
 * messages about rows that span lines. `encoding` (optional) says what was found. */
GPtrArray  *kefu_csv_parse         (GBytes           *bytes,
                                    KefuCsvEncoding  *encoding,
                                    GArray          **line_numbers,
                                    GError          **error);

/* Appends one record (CRLF-terminated) to `out`, quoting and guarding each field. */
void        kefu_csv_append_row    (GString          *out,
                                    const char *const *fields);
/* The UTF-8 byte-order mark a written file starts with. */
#define KEFU_CSV_BOM "\xEF\xBB\xBF"

/* Writing whole files. KEFU_CSV_ENCODING_UTF8_BOM (the default: Excel and WPS then read
 * Chinese correctly) starts the file with the BOM; KEFU_CSV_ENCODING_GB18030 (older Excel and
 * WPS that ignore the BOM) has none; KEFU_CSV_ENCODING_UTF8 is plain UTF-8. Every record ends
 * with CRLF and every field is quoted and guarded as kefu_csv_append_row () does. */

/* `text` (UTF-8) in `encoding`, without a BOM. Text that is not UTF-8, or that `encoding`
 * cannot hold, is KEFU_CSV_ERROR_UNENCODABLE, whose message names the character. */
char       *kefu_csv_encode_text   (const char       *text,
                                    gsize             length,
                                    KefuCsvEncoding   encoding,
                                    gsize            *out_length,
                                    GError          **error);
/* `records` (`length` bytes of UTF-8 text made of whole records, as kefu_csv_append_row ()
 * writes them) as the bytes of a file in `encoding`: converted, and after the BOM for
 * KEFU_CSV_ENCODING_UTF8_BOM. A file written in parts passes its first part here and the
 * others to kefu_csv_encode_text (). Errors as kefu_csv_encode_text ()'s. */
GBytes     *kefu_csv_encode_records (const char      *records,
                                    gsize             length,
                                    KefuCsvEncoding   encoding,
                                    GError          **error);
/* The whole file of `rows` (GStrv each, the header first), BOM included when asked for. */
GBytes     *kefu_csv_encode        (GPtrArray        *rows,
                                    KefuCsvEncoding   encoding,
                                    GError          **error);

/* A CSV file written a row at a time into a temporary file beside `path`, which replaces
 * `path` only when kefu_csv_writer_finish () succeeds: a failed or abandoned export never
 * leaves half a file where the last good one was. */
typedef struct _KefuCsvWriter KefuCsvWriter;

KefuCsvWriter *kefu_csv_writer_new     (const char         *path,
                                        KefuCsvEncoding     encoding,
                                        GError            **error);
gboolean       kefu_csv_writer_add_row (KefuCsvWriter      *writer,
                                        const char *const  *fields,
                                        GError            **error);
/* The rows written so far. */
guint64        kefu_csv_writer_get_n_rows (KefuCsvWriter   *writer);
/* Writes what is left, and moves the file over `path`. */
gboolean       kefu_csv_writer_finish  (KefuCsvWriter      *writer,
                                        GError            **error);
/* Frees the writer; an unfinished file is removed and `path` left as it was. */
void           kefu_csv_writer_free    (KefuCsvWriter      *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCsvWriter, kefu_csv_writer_free)

/* The rows (GStrv each) written to `path` with a writer. */
gboolean       kefu_csv_write_file     (const char         *path,
                                        GPtrArray          *rows,
                                        KefuCsvEncoding     encoding,
                                        GError            **error);

G_END_DECLS
