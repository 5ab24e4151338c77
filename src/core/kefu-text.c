/* kefu-text.c: validation and normalisation of typed text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-text.h"

G_DEFINE_QUARK (kefu-text-error-quark, kefu_text_error)

/* g_unichar_isspace() knows U+3000 (the full-width space Chinese input methods type) and the
 * other Unicode spaces; g_strstrip() only knows ASCII. */
static void
find_trimmed (const char  *text,
              const char **start,
              const char **end)
{
  const char *s = text;
  const char *e = text + strlen (text);

  while (*s != '\0' && g_unichar_isspace (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s)
    {
      const char *prev = g_utf8_prev_char (e);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      e = prev;
    }

  *start = s;
  *end = e;
}

static const char *
label_or_default (const char *field_label)
{
  if (field_label == NULL || field_label[0] == '\0')
    /* TRANSLATORS: names a form field in an error message when the form gave no label. */
    return _("This field");
  return field_label;
}

static gboolean
validate (const char  *text,
          guint        max_chars,
          gboolean     required,
          gboolean     single_line,
          const char  *field_label,
          GError     **error)
{
  const char *start;
  const char *end;
  const char *p;
  guint n_chars = 0;

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_INVALID_UTF8,
                   /* TRANSLATORS: %s is a form field label, e.g. "Address". */
                   _("“%s” contains damaged text (not valid UTF-8); type or paste it again."),
                   label_or_default (field_label));
      return FALSE;
    }

  find_trimmed (text, &start, &end);

  for (p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;

      if (c == '\r' && p[1] == '\n' && !single_line)
        {
          /* A Windows line break counts as one character, like the "\n" it is stored as. */
          n_chars--;
          continue;
        }

      if (single_line && (c == '\n' || c == '\r' || c == '\t'))
        {
          g_set_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_LINE_BREAK,
                       _("“%s” must fit on one line; remove the line breaks and tabs."),
                       label_or_default (field_label));
          return FALSE;
        }

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        {
          g_set_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_CONTROL_CHARACTER,
                       /* TRANSLATORS: the first %s is a form field label, U+%04X names an
                        * invisible character, %u is its position. */
                       _("“%s” contains an invisible control character (U+%04X) at position %u; delete it and try again."),
                       label_or_default (field_label), (guint) c, n_chars);
          return FALSE;
        }
    }

  if (n_chars == 0 && required)
    {
      g_set_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_REQUIRED,
                   /* TRANSLATORS: %s is a form field label, e.g. "Name". */
                   _("“%s” is required; fill it in."),
                   label_or_default (field_label));
      return FALSE;
    }

  if (n_chars > max_chars)
    {
      g_set_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_TOO_LONG,
                   /* TRANSLATORS: %s is a form field label; the numbers count characters. */
                   _("“%s” can have at most %u characters; this text has %u. Shorten it."),
                   label_or_default (field_label), max_chars, n_chars);
      return FALSE;
    }

  return TRUE;
}

gboolean
kefu_text_validate (const char  *text,
                    guint        max_chars,
                    gboolean     required,
                    const char  *field_label,
                    GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate (text, max_chars, required, FALSE, field_label, error);
}

gboolean
kefu_text_validate_line (const char  *text,
                         guint        max_chars,
                         gboolean     required,
                         const char  *field_label,
                         GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate (text, max_chars, required, TRUE, field_label, error);
}

/**
 * kefu_text_normalize:
 *
 * Returns: (transfer full) (nullable): the text as it is stored
 */
char *
kefu_text_normalize (const char *text)
{
  g_autoptr(GString) unix_breaks = NULL;
  const char *start;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  find_trimmed (text, &start, &end);

  unix_breaks = g_string_new_len (start, end - start);
  g_string_replace (unix_breaks, "\r\n", "\n", 0);

  return g_utf8_normalize (unix_breaks->str, unix_breaks->len, G_NORMALIZE_NFC);
}

/* This sits next to kefu_text_normalize() on purpose: what it takes must be text the normaliser
 * returns unchanged, so a change there must be made here too (tests/core/test-text.c compares
 * the two on many generated texts). It takes ASCII other than "\r" (no "\r\n" to rewrite) and
 * CJK Unified Ideographs U+4E00–U+9FFF, which have no decomposition and do not combine, so NFC
 * leaves them as they are; and no white space at either end: on ASCII, g_ascii_isspace() and the
 * trim's g_unichar_isspace() agree (space, "\t", "\n", "\f", "\r"; not "\v"). Everything else,
 * including full-width forms, U+3000, combining marks and invalid UTF-8, is left to the
 * normaliser. */
gboolean
kefu_text_is_normalized (const char *text)
{
  const guchar *p = (const guchar *) text;
  gboolean space = FALSE;

  /* The store keeps a NULL text as NULL, and the normaliser gives "" for "". */
  if (p == NULL || *p == '\0')
    return TRUE;
  if (g_ascii_isspace (*p))
    return FALSE;
  while (*p != '\0')
    {
      if (*p < 0x80)
        {
          if (*p == '\r')
            return FALSE;
          space = g_ascii_isspace (*p);
          p++;
        }
      else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        {
          /* The range check below also rules out overlong forms and surrogates. */
          gunichar c = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) |
                       (gunichar) (p[2] & 0x3F);

          if (c < 0x4E00 || c > 0x9FFF)
            return FALSE;
          space = FALSE;
          p += 3;
        }
      else
        return FALSE;
    }
  return !space;
}

static gunichar
fold_char (gunichar c)
{
  /* The full-width forms of ASCII "!" to "~" sit at a fixed distance from ASCII. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;

  switch (c)
    {
    case 0x3000: /* ideographic space */
    case 0x00A0: /* no-break space */
      return ' ';
    case 0x2010: /* hyphen */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* figure dash */
    case 0x2013: /* en dash */
    case 0x2014: /* em dash */
    case 0x2015: /* horizontal bar */
    case 0x2212: /* minus sign */
    case 0xFE63: /* small hyphen-minus */
      return '-';
    case 0x3002: /* ideographic full stop, typed for "." by some input methods */
      return '.';
    default:
      return c;
    }
}

/**
 * kefu_text_fold_width:
 *
 * Returns: (transfer full) (nullable): the folded text
 */
char *
kefu_text_fold_width (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, fold_char (g_utf8_get_char (p)));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
