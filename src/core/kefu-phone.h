/* kefu-phone.h: the one phone-number normaliser (mainland China), used by every form, the store
 * and kefuctl, so that a number typed any way finds the same customer.
 *
 * Accepted: mobiles (11 digits, ^1[3-9]\d{9}$), landlines with area code (0 + 10 / 2x / three
 * digits + 7–8 digit local number starting 2–9) and an optional extension, 400/800 numbers and
 * 95xxx service numbers; with spaces, dashes, dots, brackets, and +86 / 0086 / 86 prefixes.
 * Full-width digits and punctuation (１３８－…, （０１０）) count as their ASCII forms. An extension
 * follows "转", "分机", "ext", "x" or "#", or a last "-123" group after a complete landline number;
 * only landlines have extensions. A mobile dialled with a leading 0 ("013812345678") is a mobile.
 * "86" without "+" or "00" is taken as the country code only when what follows is a valid
 * mobile or landline without its 0.
 *
 * The normalised form is digits only, with an extension after a "-":
 *   "13812345678", "01087654321", "075588889999-123", "4008001234", "95588".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEFU_PHONE_ERROR (kefu_phone_error_quark ())

typedef enum
{
  KEFU_PHONE_ERROR_EMPTY,
  KEFU_PHONE_ERROR_INVALID_CHARACTERS,
  KEFU_PHONE_ERROR_TOO_SHORT,
  KEFU_PHONE_ERROR_TOO_LONG,
  KEFU_PHONE_ERROR_BAD_MOBILE,
  KEFU_PHONE_ERROR_BAD_AREA_CODE,
  KEFU_PHONE_ERROR_BAD_LOCAL_NUMBER,
  KEFU_PHONE_ERROR_BAD_EXTENSION,
  KEFU_PHONE_ERROR_NOT_MAINLAND,   /* another country code (+852, 001 …) */
} KefuPhoneError;

typedef enum
{
  KEFU_PHONE_KIND_MOBILE,
  KEFU_PHONE_KIND_LANDLINE,
  KEFU_PHONE_KIND_SERVICE,     /* 400 / 800 / 95xxx */
} KefuPhoneKind;

GQuark    kefu_phone_error_quark     (void);

/* Returns the normalised number, or NULL with a translated reason a clerk can act on
 * ("A mobile number has 11 digits; this one has 10."). `kind` may be NULL. */
char     *kefu_phone_normalize       (const char     *input,
                                      KefuPhoneKind  *kind,
                                      GError        **error);
/* The digits used for lookups: the normalised number without its extension. */
char     *kefu_phone_lookup_digits   (const char     *normalized);
/* The lookup digits reversed, for the indexed "last N digits" search. */
char     *kefu_phone_reversed_digits (const char     *normalized);
/* For display: "138 1234 5678", "010-8765 4321", "0755-8888 9999 ext. 123" (translated). */
char     *kefu_phone_format          (const char     *normalized);
/* TRUE when `text` looks like a partial number to search by: 4 or more digits after removing
 * separators (and a leading "+86"). `digits` receives them. */
gboolean  kefu_phone_is_search_digits (const char    *text,
                                       char         **digits);
/* TRUE when `digits` is already a normalised number, so that kefu_phone_normalize() would
 * return it unchanged: a mobile, a landline without extension, or a 400/800/95xxx number, in
 * ASCII digits only. Cheaper than the normaliser, for bulk loads of already-normalised data.
 * It may say FALSE for some normalised numbers (those with an extension); never TRUE wrongly. */
gboolean  kefu_phone_is_normalized   (const char    *digits);

G_END_DECLS
