/* kefu-text.h: validation of the text people type into forms, shared by every form, the store
 * and kefuctl so that the same rules hold everywhere.
 *
 * Lengths are counted in characters (Unicode code points), never bytes: 张三 is two characters.
 * Leading and trailing white space (including the full-width space U+3000) does not count and
 * is removed by kefu_text_normalize() before text is stored.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits for the fields of the base records, in characters. */
#define KEFU_TEXT_MAX_NAME            100   /* people, products, departments */
#define KEFU_TEXT_MAX_LOGIN            64
#define KEFU_TEXT_MAX_CODE             32   /* department codes, member numbers */
#define KEFU_TEXT_MAX_DISTRICT         50
#define KEFU_TEXT_MAX_SPEC            100   /* product specification, e.g. 250ml×24 */
#define KEFU_TEXT_MAX_ADDRESS         300
#define KEFU_TEXT_MAX_DESCRIPTION    1000
#define KEFU_TEXT_MAX_NOTES          4000

#define KEFU_TEXT_ERROR (kefu_text_error_quark ())

typedef enum
{
  KEFU_TEXT_ERROR_REQUIRED,
  KEFU_TEXT_ERROR_TOO_LONG,
  KEFU_TEXT_ERROR_INVALID_UTF8,
  KEFU_TEXT_ERROR_CONTROL_CHARACTER,
  KEFU_TEXT_ERROR_LINE_BREAK,         /* only from kefu_text_validate_line() */
} KefuTextError;

GQuark    kefu_text_error_quark     (void);

/* Checks `text` (NULL is empty) for a multi-line field: valid UTF-8, no control characters other
 * than newline ("\n" or "\r\n") and tab, at most `max_chars` characters once trimmed, and not
 * empty when `required`. `field_label` is the translated label the form shows ("Address"); it
 * names the field in the reason. */
gboolean  kefu_text_validate        (const char  *text,
                                     guint        max_chars,
                                     gboolean     required,
                                     const char  *field_label,
                                     GError     **error);
/* The same for a one-line field (names, logins, codes): line breaks and tabs are refused too. */
gboolean  kefu_text_validate_line   (const char  *text,
                                     guint        max_chars,
                                     gboolean     required,
                                     const char  *field_label,
                                     GError     **error);
/* The form in which text is stored: trimmed, "\r\n" as "\n", composed (NFC) so that the same
 * characters typed on different systems compare equal. NULL for NULL or invalid UTF-8. */
char     *kefu_text_normalize       (const char  *text);
/* TRUE when `text` is already in its stored form: NULL (stored as NULL), or text that
 * kefu_text_normalize() would return unchanged. Cheaper than the normaliser, for bulk loads; it
 * only knows ASCII and the common Chinese characters (U+4E00–U+9FFF), so it may say FALSE for
 * other normalised text, but never TRUE wrongly. */
gboolean  kefu_text_is_normalized   (const char  *text);
/* Full-width ASCII (０-９, Ａ-Ｚ, （）, －, ：, ，, ．…) as ASCII, the ideographic space as a space and
 * the various dashes and minus signs as "-", which is how Chinese input methods often type
 * numbers. Other characters are kept. NULL for NULL or invalid UTF-8. */
char     *kefu_text_fold_width      (const char  *text);

G_END_DECLS
