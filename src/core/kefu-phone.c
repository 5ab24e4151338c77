/* kefu-phone.c: the phone-number normaliser for mainland China (see kefu-phone.h for the rules).
 *
 * The number is read in three steps: fold full-width characters and split off an extension,
 * collect the digits of the main part (refusing anything that is not a separator), then classify
 * the digits: country code, mobile, landline with area code, or service number. Every refusal
 * says what is wrong in words a clerk can act on while the caller is still on the line.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-phone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-phone.h"
#include "kefu-text.h"

#define MAX_EXTENSION_DIGITS 6

G_DEFINE_QUARK (kefu-phone-error-quark, kefu_phone_error)

/* Separators people put between digit groups; they carry no meaning. */
static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
         c == '[' || c == ']';
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gboolean
is_mobile (const char *d)
{
  return strlen (d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && all_digits (d);
}

static void
set_length_error (GError     **error,
                  gsize        n,
                  gsize        wanted_min,
                  const char  *message)
{
  g_set_error_literal (error, KEFU_PHONE_ERROR,
                       n < wanted_min ? KEFU_PHONE_ERROR_TOO_SHORT : KEFU_PHONE_ERROR_TOO_LONG,
                       message);
}

/* Classifies digits that carry no country code. Returns the normalised main number. */
static char *
classify_national (const char     *d,
                   KefuPhoneKind  *kind,
                   GError        **error)
{
  gsize n = strlen (d);

  if (n == 0)
    {
      g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_EMPTY,
                           _("Enter a phone number: it has no digits."));
      return NULL;
    }

  if (d[0] == '1')
    {
      g_autofree char *message = NULL;

      if (is_mobile (d))
        {
          *kind = KEFU_PHONE_KIND_MOBILE;
          return g_strdup (d);
        }
      if (n != 11)
        {
          message = g_strdup_printf (_("A mobile number has 11 digits; this one has %u."),
                                     (guint) n);
          set_length_error (error, n, 11, message);
          return NULL;
        }
      g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_MOBILE,
                   _("Mobile numbers start with 13 to 19; this one starts with %.2s. Check the second digit."),
                   d);
      return NULL;
    }

  if (d[0] == '0')
    {
      gsize area_len;
      gsize local_len;
      const char *local;
      g_autofree char *area = NULL;

      if (n == 1)
        {
          g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT,
                               _("Add the area code and the local number after the 0."));
          return NULL;
        }
      if (d[1] == '0')
        {
          g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_NOT_MAINLAND,
                               _("Only mainland China numbers can be stored; this one starts with an international prefix (00) for another country."));
          return NULL;
        }
      /* Calling a mobile from another city used to need a 0 in front; people still type it. */
      if (d[1] == '1' && is_mobile (d + 1))
        {
          *kind = KEFU_PHONE_KIND_MOBILE;
          return g_strdup (d + 1);
        }
      if (d[1] == '1' && n >= 3 && d[2] != '0')
        {
          g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_AREA_CODE,
                               _("An area code that starts with 01 must be 010 (Beijing); check the digits after the 0."));
          return NULL;
        }

      /* 010 and 02x are the big cities; every other area code has three digits after the 0. */
      area_len = (d[1] == '1' || d[1] == '2') ? 3 : 4;
      if (n <= area_len)
        {
          g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT,
                       _("The number stops after the area code %s; add the local number."),
                       d);
          return NULL;
        }

      area = g_strndup (d, area_len);
      local = d + area_len;
      local_len = n - area_len;

      if (local[0] == '0' || local[0] == '1')
        {
          g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_LOCAL_NUMBER,
                       _("A local number cannot start with 0 or 1, but the digits after the area code %s do. Check the area code, or whether this is a mobile number."),
                       area);
          return NULL;
        }
      /* The big cities (010 and 02x) moved to 8-digit local numbers long ago, so 7 digits there
       * is a number with a digit missing, not an old short number. */
      if (area_len == 3 && local_len != 8)
        {
          g_autofree char *message =
            g_strdup_printf (_("A Beijing, Shanghai, Tianjin, Chongqing or 02x number has 8 digits after the area code; this one has %u."),
                             (guint) local_len);
          set_length_error (error, local_len, 8, message);
          return NULL;
        }
      if (local_len < 7 || local_len > 8)
        {
          g_autofree char *message =
            g_strdup_printf (_("A landline number has 7 or 8 digits after the area code %s; this one has %u."),
                             area, (guint) local_len);
          set_length_error (error, local_len, 7, message);
          return NULL;
        }

      *kind = KEFU_PHONE_KIND_LANDLINE;
      return g_strdup (d);
    }

  if (g_str_has_prefix (d, "400") || g_str_has_prefix (d, "800"))
    {
      g_autofree char *message = NULL;

      if (n == 10)
        {
          *kind = KEFU_PHONE_KIND_SERVICE;
          return g_strdup (d);
        }
      /* Seven or eight digits are more likely a local number than a broken 400 number. */
      if (n != 7 && n != 8)
        {
          message = g_strdup_printf (_("A 400 or 800 number has 10 digits; this one has %u."),
                                     (guint) n);
          set_length_error (error, n, 10, message);
          return NULL;
        }
    }

  if (g_str_has_prefix (d, "95"))
    {
      g_autofree char *message = NULL;

      if (n == 5)
        {
          *kind = KEFU_PHONE_KIND_SERVICE;
          return g_strdup (d);
        }
      if (n != 7 && n != 8)
        {
          message = g_strdup_printf (_("A 95 service number has 5 digits; this one has %u."),
                                     (guint) n);
          set_length_error (error, n, 5, message);
          return NULL;
        }
    }

  if (n == 7 || n == 8)
    {
      g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_AREA_CODE,
                           _("This looks like a local number without its area code; add the area code in front, e.g. 010 or 0755."));
      return NULL;
    }

  if (n < 7)
    g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT,
                         _("This number is too short: a mobile number has 11 digits, a landline number is the area code and 7 or 8 more digits."));
  else
    g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_LONG,
                         _("This number is too long for a local number; a landline number starts with its area code, e.g. 010 or 0755."));
  return NULL;
}

/* Classifies what follows the country code 86: a mobile, a landline with or without its 0,
 * or a 400/800 number. */
static char *
classify_after_country_code (const char     *rest,
                             KefuPhoneKind  *kind,
                             GError        **error)
{
  g_autofree char *with_zero = NULL;

  if (rest[0] == '\0')
    {
      g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT,
                           _("Add the number after the country code 86."));
      return NULL;
    }
  if (rest[0] == '0' || is_mobile (rest) ||
      g_str_has_prefix (rest, "400") || g_str_has_prefix (rest, "800"))
    return classify_national (rest, kind, error);
  /* Mobile-like digits (1 then not 0) get the mobile reason, not a puzzling area code one. */
  if (rest[0] == '1' && rest[1] != '0')
    return classify_national (rest, kind, error);

  /* Abroad, landlines are written without the 0 of the area code: +86 10 8765 4321. */
  with_zero = g_strconcat ("0", rest, NULL);
  return classify_national (with_zero, kind, error);
}

static char *
classify (const char     *d,
          gboolean        plus,
          KefuPhoneKind  *kind,
          GError        **error)
{
  if (plus && d[0] != '\0')
    {
      if (!g_str_has_prefix (d, "86"))
        {
          g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_NOT_MAINLAND,
                               _("Only mainland China numbers (+86) can be stored; this one has another country code."));
          return NULL;
        }
      return classify_after_country_code (d + 2, kind, error);
    }

  if (g_str_has_prefix (d, "0086"))
    return classify_after_country_code (d + 4, kind, error);

  /* No valid national number starts with 86, so taking 86 as the country code cannot hide
   * one; still, only do so when the rest is a whole valid number. */
  if (g_str_has_prefix (d, "86") && strlen (d) >= 12)
    {
      char *normalized = classify_after_country_code (d + 2, kind, NULL);

      if (normalized != NULL)
        return normalized;
    }

  return classify_national (d, kind, error);
}

/* Finds where an extension begins: after "转", "轉", "分机", "分機", "ext", "x" or "#". Returns the
 * byte offset of the marker and sets `marker_len`, or -1. `text` is folded to ASCII already. */
static gssize
find_extension_marker (const char *text,
                       gsize      *marker_len)
{
  static const char * const markers[] = { "转", "轉", "分机", "分機", "ext", "x", "#" };

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
        {
          gsize len = strlen (markers[i]);

          if (g_ascii_strncasecmp (p, markers[i], len) == 0)
            {
              *marker_len = len;
              return p - text;
            }
        }
    }

  return -1;
}

/* Reads the digits of the extension part, allowing separators and a "." or ":" after "ext". */
static gboolean
read_extension (const char  *text,
                GString     *digits,
                const char  *marker,
                GError     **error)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (!is_separator (c) && c != ':')
        {
          g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_EXTENSION,
                       /* TRANSLATORS: %s is what introduced the extension, e.g. "转" or "ext". */
                       _("An extension has only digits; check what follows “%s”."),
                       marker);
          return FALSE;
        }
    }

  if (digits->len == 0)
    {
      g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_EXTENSION,
                   _("Add the extension digits after “%s”, or remove it."),
                   marker);
      return FALSE;
    }
  if (digits->len > MAX_EXTENSION_DIGITS)
    {
      g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_EXTENSION,
                   _("An extension has at most %u digits; this one has %u."),
                   (guint) MAX_EXTENSION_DIGITS, (guint) digits->len);
      return FALSE;
    }

  return TRUE;
}

/* This sits next to classify() on purpose: it must take only digits that classify() returns
 * unchanged, so a change to the rules above must be made here too (tests/core/test-phone.c
 * compares the two on many generated numbers). Extensions are left to the normaliser: whether
 * "…-12" is an extension depends on whether the digits together already make a valid number. */
gboolean
kefu_phone_is_normalized (const char *digits)
{
  gsize n = 0;
  gsize area_len;

  g_return_val_if_fail (digits != NULL, FALSE);

  for (const char *p = digits; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  /* No prefix "86" or "0086" can start any of the forms below except 800, so classify()'s
   * country-code paths never see them; they all go straight to classify_national(). */
  if (digits[0] == '1')
    return n == 11 && digits[1] >= '3' && digits[1] <= '9';
  if (g_str_has_prefix (digits, "400") || g_str_has_prefix (digits, "800"))
    return n == 10;
  if (g_str_has_prefix (digits, "95"))
    return n == 5;
  if (digits[0] != '0' || n < 2)
    return FALSE;

  /* A landline: 010 and 02x are followed by 8 digits, other area codes (0 and three digits) by
   * 7 or 8, and the local number starts with 2–9. "01" then a mobile is a mobile dialled with a
   * 0, and "00" an international prefix, both changed or refused by the normaliser. */
  if (digits[1] == '1')
    area_len = digits[2] == '0' ? 3 : 0;
  else if (digits[1] == '2')
    area_len = 3;
  else if (digits[1] != '0')
    area_len = 4;
  else
    area_len = 0;
  if (area_len == 0 || n <= area_len || digits[area_len] < '2')
    return FALSE;
  return n - area_len == 8 || (area_len == 4 && n - area_len == 7);
}

/**
 * kefu_phone_normalize:
 * @input: the number as typed
 * @kind: (out) (optional): what kind of number it is
 *
 * Returns: (transfer full) (nullable): the normalised number
 */
char *
kefu_phone_normalize (const char     *input,
                      KefuPhoneKind  *kind,
                      GError        **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) digits = NULL;
  g_autoptr(GString) extension = NULL;
  g_autofree char *main_number = NULL;
  g_autoptr(GError) local_error = NULL;
  KefuPhoneKind found_kind = KEFU_PHONE_KIND_MOBILE;
  const char *main_end;
  gssize marker_at;
  gsize marker_len = 0;
  gboolean plus = FALSE;
  gboolean seen_digit = FALSE;
  gssize digits_before_last_dash = -1;
  gboolean only_digits_after_last_dash = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (input == NULL)
    input = "";

  folded = kefu_text_fold_width (input);
  if (folded == NULL)
    {
      g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_INVALID_CHARACTERS,
                           _("The phone number contains damaged text (not valid UTF-8); type it again."));
      return NULL;
    }
  g_strstrip (folded);
  if (folded[0] == '\0')
    {
      g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_EMPTY,
                           _("Enter a phone number."));
      return NULL;
    }

  digits = g_string_new (NULL);
  extension = g_string_new (NULL);

  marker_at = find_extension_marker (folded, &marker_len);
  main_end = marker_at >= 0 ? folded + marker_at : folded + strlen (folded);

  for (const char *p = folded; p < main_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (digits, (char) c);
          seen_digit = TRUE;
        }
      else if (c == '+' && !seen_digit && !plus)
        plus = TRUE;
      else if (is_separator (c))
        {
          if (c == '-' && seen_digit)
            {
              digits_before_last_dash = digits->len;
              only_digits_after_last_dash = TRUE;
            }
          else if (c != ' ')
            only_digits_after_last_dash = FALSE;
        }
      else
        {
          char buf[8] = { 0 };

          g_unichar_to_utf8 (c, buf);
          g_set_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_INVALID_CHARACTERS,
                       _("“%s” cannot be part of a phone number; use digits, with spaces or dashes between groups if you like."),
                       buf);
          return NULL;
        }
    }

  if (marker_at >= 0)
    {
      g_autofree char *marker = g_strndup (folded + marker_at, marker_len);

      if (!read_extension (main_end + marker_len, extension, marker, error))
        return NULL;
    }

  main_number = classify (digits->str, plus, &found_kind, &local_error);

  /* "0755-8888 9999-123": a last dash-separated group after a complete landline number is its
   * extension. Only tried when the whole is not a valid number, so "010-8765-4321" stays one. */
  if (main_number == NULL && marker_at < 0 && digits_before_last_dash > 0 &&
      only_digits_after_last_dash)
    {
      gsize ext_len = digits->len - digits_before_last_dash;
      g_autofree char *head = g_strndup (digits->str, digits_before_last_dash);
      KefuPhoneKind head_kind;
      g_autofree char *head_number = NULL;

      if (ext_len >= 1 && ext_len <= MAX_EXTENSION_DIGITS)
        {
          head_number = classify (head, plus, &head_kind, NULL);
          if (head_number != NULL && head_kind == KEFU_PHONE_KIND_LANDLINE)
            {
              g_string_assign (extension, digits->str + digits_before_last_dash);
              main_number = g_steal_pointer (&head_number);
              found_kind = head_kind;
              g_clear_error (&local_error);
            }
        }
    }

  if (main_number == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (extension->len > 0 && found_kind != KEFU_PHONE_KIND_LANDLINE)
    {
      g_set_error_literal (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_EXTENSION,
                           _("Only landline numbers have extensions; remove the extension or check the number."));
      return NULL;
    }

  if (kind != NULL)
    *kind = found_kind;

  if (extension->len > 0)
    return g_strconcat (main_number, "-", extension->str, NULL);
  return g_steal_pointer (&main_number);
}

/**
 * kefu_phone_lookup_digits:
 *
 * Returns: (transfer full): the number without its extension
 */
char *
kefu_phone_lookup_digits (const char *normalized)
{
  const char *dash;

  g_return_val_if_fail (normalized != NULL, NULL);

  dash = strchr (normalized, '-');
  if (dash != NULL)
    return g_strndup (normalized, dash - normalized);
  return g_strdup (normalized);
}

/**
 * kefu_phone_reversed_digits:
 *
 * Returns: (transfer full): the lookup digits, last digit first
 */
char *
kefu_phone_reversed_digits (const char *normalized)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (normalized != NULL, NULL);

  digits = kefu_phone_lookup_digits (normalized);
  /* Digits are ASCII, so reversing bytes reverses characters. */
  return g_strreverse (g_steal_pointer (&digits));
}

/**
 * kefu_phone_format:
 *
 * Returns: (transfer full): the number grouped for reading aloud; a copy of `normalized` when it
 *   is not a normalised number
 */
char *
kefu_phone_format (const char *normalized)
{
  g_autofree char *main_number = NULL;
  g_autofree char *grouped = NULL;
  const char *extension = NULL;
  const char *dash;
  gsize n;

  g_return_val_if_fail (normalized != NULL, NULL);

  dash = strchr (normalized, '-');
  main_number = dash != NULL ? g_strndup (normalized, dash - normalized) : g_strdup (normalized);
  if (dash != NULL)
    extension = dash + 1;
  n = strlen (main_number);

  if (!all_digits (main_number) || (extension != NULL && !all_digits (extension)))
    return g_strdup (normalized);

  if (n == 11 && main_number[0] == '1')
    grouped = g_strdup_printf ("%.3s %.4s %.4s", main_number, main_number + 3, main_number + 7);
  else if (n == 10 && (g_str_has_prefix (main_number, "400") || g_str_has_prefix (main_number, "800")))
    grouped = g_strdup_printf ("%.3s-%.3s-%.4s", main_number, main_number + 3, main_number + 6);
  else if (main_number[0] == '0' && n >= 10)
    {
      gsize area_len = (main_number[1] == '1' || main_number[1] == '2') ? 3 : 4;
      const char *local = main_number + area_len;
      gsize local_len = n - area_len;

      /* Eight-digit local numbers are read 4 + 4, seven-digit ones 3 + 4. */
      if (local_len == 8)
        grouped = g_strdup_printf ("%.*s-%.4s %.4s", (int) area_len, main_number, local, local + 4);
      else if (local_len == 7)
        grouped = g_strdup_printf ("%.*s-%.3s %.4s", (int) area_len, main_number, local, local + 3);
      else
        grouped = g_strdup (main_number);
    }
  else
    grouped = g_strdup (main_number);

  if (extension != NULL)
    /* TRANSLATORS: a phone number followed by its extension, e.g. "0755-8888 9999 ext. 123". */
    return g_strdup_printf (_("%s ext. %s"), grouped, extension);

  return g_steal_pointer (&grouped);
}

gboolean
kefu_phone_is_search_digits (const char  *text,
                             char       **digits)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) found = NULL;
  gboolean plus = FALSE;

  if (digits != NULL)
    *digits = NULL;

  if (text == NULL)
    return FALSE;

  folded = kefu_text_fold_width (text);
  if (folded == NULL)
    return FALSE;

  found = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (found, (char) c);
      else if (c == '+' && found->len == 0 && !plus)
        plus = TRUE;
      else if (!is_separator (c))
        /* Anything else (a name, an address) means the search is not for a number. */
        return FALSE;
    }

  /* Stored numbers carry no country code, so "+86 138…" searches for "138…". */
  if (plus && g_str_has_prefix (found->str, "86"))
    g_string_erase (found, 0, 2);

  if (found->len < 4)
    return FALSE;

  if (digits != NULL)
    *digits = g_string_free (g_steal_pointer (&found), FALSE);
  return TRUE;
}
