/* kefu-warranty.c: warranty states (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-warranty"

#include "config.h"

#include "kefu-warranty.h"

const GDate *
kefu_warranty_start (const GDate *shipped,
                     const GDate *installed)
{
  /* An installed product's warranty runs from its installation: it could not be used before. */
  if (installed != NULL && g_date_valid (installed))
    return installed;
  if (shipped != NULL && g_date_valid (shipped))
    return shipped;
  return NULL;
}

KefuWarrantyState
kefu_warranty_state (const GDate *start,
                     guint        months,
                     const GDate *day,
                     GDate       *first_day_out)
{
  GDate end;

  g_return_val_if_fail (day != NULL && g_date_valid (day), KEFU_WARRANTY_UNKNOWN);

  if (start == NULL || !g_date_valid (start))
    return KEFU_WARRANTY_UNKNOWN;

  end = *start;
  g_date_add_months (&end, months);
  if (first_day_out != NULL)
    *first_day_out = end;
  if (months == 0)
    return KEFU_WARRANTY_OUT;

  /* A day before the start (a job dated before the shipment, a typing slip) is not "out":
   * the warranty had not begun, and the product was not sold yet; it counts as in. */
  return g_date_compare (day, &end) < 0 ? KEFU_WARRANTY_IN : KEFU_WARRANTY_OUT;
}
