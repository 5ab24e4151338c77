/* kefu-money.c: parsing and formatting amounts in fen with integer arithmetic only.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-money"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-money.h"
#include "kefu-text.h"

G_DEFINE_QUARK (kefu-money-error-quark, kefu_money_error)

/* The yen/yuan signs: "¥" U+00A5 and the full-width "￥" U+FFE5 that Chinese input methods type. */
static gboolean
skip_currency_sign (const char **p)
{
  if (g_str_has_prefix (*p, "¥"))
    *p += strlen ("¥");
  else if (g_str_has_prefix (*p, "￥"))
    *p += strlen ("￥");
  else
    return FALSE;
  return TRUE;
}

static gboolean
skip_sign (const char **p,
           gboolean    *negative)
{
  if (**p == '-' || **p == '+')
    {
      *negative = **p == '-';
      (*p)++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
set_invalid (GError     **error,
             const char  *text)
{
  g_set_error (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_INVALID,
               _("“%s” is not an amount; type yuan with at most two decimals, e.g. 12.50."),
               text);
  return FALSE;
}

gboolean
kefu_money_parse_full (const char           *text,
                       KefuMoneyParseFlags   flags,
                       gint64               *fen,
                       GError              **error)
{
  g_autofree char *folded = NULL;
  const char *p;
  const char *end;
  gboolean negative = FALSE;
  gboolean have_sign;
  guint64 yuan = 0;
  guint64 cents = 0;
  guint n_int_digits = 0;
  guint n_decimals = 0;
  guint group_len = 0;
  gboolean grouped = FALSE;
  /* The largest whole-yuan amount whose fen still fit in a gint64. */
  const guint64 max_yuan = (guint64) G_MAXINT64 / 100;

  g_return_val_if_fail (fen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = kefu_text_fold_width (text != NULL ? text : "");
  if (folded == NULL)
    {
      g_set_error_literal (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_INVALID,
                           _("The amount contains damaged text (not valid UTF-8); type it again."));
      return FALSE;
    }
  g_strstrip (folded);
  if (folded[0] == '\0')
    {
      g_set_error_literal (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_EMPTY,
                           _("Enter an amount in yuan, e.g. 12.50."));
      return FALSE;
    }

  p = folded;
  end = folded + strlen (folded);

  /* "元" (yuan) after the number is how amounts are often written in Chinese. */
  if (end - p >= (gssize) strlen ("元") && strcmp (end - strlen ("元"), "元") == 0)
    end -= strlen ("元");
  while (end > p && end[-1] == ' ')
    end--;

  /* "-¥12", "¥-12" and "¥ 12" are all seen in the wild. */
  have_sign = skip_sign (&p, &negative);
  if (skip_currency_sign (&p))
    {
      while (*p == ' ')
        p++;
      if (!have_sign)
        skip_sign (&p, &negative);
    }

  if (p >= end)
    return set_invalid (error, folded);

  for (; p < end && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (yuan > (max_yuan - (guint64) (*p - '0')) / 10)
            {
              g_set_error_literal (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_TOO_LARGE,
                                   _("This amount is too large to be stored; check the number of digits."));
              return FALSE;
            }
          yuan = yuan * 10 + (guint64) (*p - '0');
          n_int_digits++;
          group_len++;
        }
      else if (*p == ',')
        {
          /* Thousands only: the first group has 1 to 3 digits, every later group exactly 3. */
          if (group_len == 0 || group_len > 3 || (grouped && group_len != 3))
            goto bad_grouping;
          grouped = TRUE;
          group_len = 0;
        }
      else
        return set_invalid (error, folded);
    }
  if (grouped && group_len != 3)
    goto bad_grouping;

  if (p < end && *p == '.')
    {
      for (p++; p < end; p++)
        {
          if (!g_ascii_isdigit (*p))
            return set_invalid (error, folded);
          n_decimals++;
          if (n_decimals <= 2)
            cents = cents * 10 + (guint64) (*p - '0');
        }
    }

  if (n_int_digits == 0 && n_decimals == 0)
    return set_invalid (error, folded);

  if (n_decimals > 2)
    {
      g_set_error (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_TOO_MANY_DECIMALS,
                   _("An amount has at most two decimals (fen); this one has %u."),
                   n_decimals);
      return FALSE;
    }
  if (n_decimals == 1)
    cents *= 10;

  if (negative && (yuan != 0 || cents != 0) && !(flags & KEFU_MONEY_PARSE_ALLOW_NEGATIVE))
    {
      g_set_error_literal (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_NEGATIVE,
                           _("The amount cannot be negative here; remove the minus sign."));
      return FALSE;
    }

  /* yuan ≤ max_yuan, so yuan * 100 + 99 can only pass G_MAXINT64 by the last few fen. */
  if (yuan * 100 > (guint64) G_MAXINT64 - cents)
    {
      g_set_error_literal (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_TOO_LARGE,
                           _("This amount is too large to be stored; check the number of digits."));
      return FALSE;
    }

  *fen = (gint64) (yuan * 100 + cents);
  if (negative)
    *fen = -*fen;
  return TRUE;

bad_grouping:
  g_set_error (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_INVALID,
               _("“%s” is not an amount: commas may only separate thousands (1,234.50), and the decimal sign is a point."),
               folded);
  return FALSE;
}

gboolean
kefu_money_parse (const char  *text,
                  gint64      *fen,
                  GError     **error)
{
  return kefu_money_parse_full (text, KEFU_MONEY_PARSE_DEFAULT, fen, error);
}

/**
 * kefu_money_format:
 *
 * Returns: (transfer full): the amount in yuan with a currency sign and thousands separators
 */
char *
kefu_money_format (gint64 fen)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *digits = NULL;
  /* Negating G_MININT64 overflows; its magnitude fits in a guint64. */
  guint64 magnitude = fen < 0 ? (guint64) -(fen + 1) + 1 : (guint64) fen;
  guint64 yuan = magnitude / 100;
  guint cents = (guint) (magnitude % 100);
  gsize len;

  if (fen < 0)
    g_string_append_c (out, '-');
  g_string_append (out, "¥");

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, yuan);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", cents);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
