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

G_END_DECLS
