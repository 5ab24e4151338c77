/* kefu-waybill.h: waybill numbers (运单号 / 包裹票) of the common Chinese carriers, checked
 * against the forms they are known to take, so that a number typed from a parcel slip is caught
 * before a customer is told a wrong one.
 *
 * A number is normalised first (spaces and hyphens dropped, letters upper-cased). Carriers whose
 * forms are known check them: 顺丰 (SF + 12-13 digits, or 12 digits), 中通 (12-15 digits),
 * 圆通 (YT + 12-13 digits), 韵达 (13 or 15 digits), 申通 (12-15 digits), EMS (the UPU form, two
 * letters, eight digits, a check digit and two letters, e.g. EA123456785CN, check digit
 * verified; or 13 digits), 京东物流 (JD + 11-16 letters and digits), 德邦 (DPK + 12 digits, or
 * 8-10 digits). Any other carrier takes 6-32 letters and digits.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_WAYBILL_ERROR (kefu_waybill_error_quark ())
GQuark kefu_waybill_error_quark (void);

typedef enum
{
  KEFU_WAYBILL_ERROR_EMPTY,
  KEFU_WAYBILL_ERROR_CHARACTERS,  /* something besides letters, digits, spaces and hyphens */
  KEFU_WAYBILL_ERROR_FORM,        /* not a form this carrier uses */
  KEFU_WAYBILL_ERROR_CHECK_DIGIT, /* an EMS number whose check digit does not match */
} KefuWaybillError;

/* `text` without spaces and hyphens, upper-cased; NULL for NULL. */
char    *kefu_waybill_normalize (const char       *text);
/* Whether `text` (normalised first) is a waybill number `carrier` could have issued; the error
 * says what is wrong and, for a known carrier, the form its numbers take. */
gboolean kefu_waybill_check     (KefuCarrierKind   carrier,
                                 const char       *text,
                                 GError          **error);
/* The tracking address for `waybill` from a carrier's template, its {waybill} replaced by the
 * normalised number, URI-escaped; NULL when the template has no {waybill}. */
char    *kefu_waybill_tracking_uri (const char    *uri_template,
                                    const char    *waybill);

G_END_DECLS
