/* kefu-money.h: amounts of money as typed and as shown. Money is held in fen (分, 1/100 yuan) in a
 * gint64 everywhere; no floating point is ever involved, so 0.1 + 0.2 is exactly 0.30.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEFU_MONEY_ERROR (kefu_money_error_quark ())

typedef enum
{
  KEFU_MONEY_ERROR_EMPTY,
  KEFU_MONEY_ERROR_INVALID,            /* not an amount: letters, two points, bad grouping … */
  KEFU_MONEY_ERROR_NEGATIVE,
  KEFU_MONEY_ERROR_TOO_MANY_DECIMALS,  /* more than 2 digits after the point */
  KEFU_MONEY_ERROR_TOO_LARGE,          /* does not fit in a gint64 of fen */
} KefuMoneyError;

typedef enum
{
  KEFU_MONEY_PARSE_DEFAULT        = 0,
  KEFU_MONEY_PARSE_ALLOW_NEGATIVE = 1 << 0,  /* refunds, corrections */
} KefuMoneyParseFlags;

GQuark    kefu_money_error_quark (void);

/* Parses yuan as typed: "12", "12.5", "12.50", ".5", "¥12.50", "￥1,234.00", "12元", full-width
 * digits; an optional sign before or after the currency sign. Commas group thousands only.
 * Negative amounts are refused. */
gboolean  kefu_money_parse       (const char           *text,
                                  gint64               *fen,
                                  GError              **error);
gboolean  kefu_money_parse_full  (const char           *text,
                                  KefuMoneyParseFlags   flags,
                                  gint64               *fen,
                                  GError              **error);
/* "¥12.50", "¥1,234.00", "-¥3.05". */
char     *kefu_money_format      (gint64                fen);

G_END_DECLS
