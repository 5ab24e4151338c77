/* kefu-aftersales-flow-private.h: what the shipment and the job flows share (role groups,
 * the checks of a carrier and its waybill, of a text and of a pair of dates), written once in
 * kefu-shipment-flow.c. Not for use outside the two flows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-shipment-flow.h"

G_BEGIN_DECLS

/* "Lead or manager": team lead, CS manager, GM office, administrator. */
gboolean _kefu_aftersales_is_lead_or_manager (KefuRole role);
/* "Manager": CS manager, GM office, administrator. */
gboolean _kefu_aftersales_is_manager         (KefuRole role);
/* TRUE when `text` holds more than white space. */
gboolean _kefu_aftersales_has_text           (const char *text);
/* Sets `message` in KEFU_AFTERSALES_FLOW_ERROR with `code` and returns FALSE. */
gboolean _kefu_aftersales_fail               (GError               **error,
                                              KefuAftersalesFlowError code,
                                              const char             *message);
/* The carrier is chosen and the waybill fits it; the waybill's own message from
 * kefu_waybill_check (), as a MISSING (empty) or INVALID flow error. */
gboolean _kefu_aftersales_check_waybill      (gboolean          has_carrier,
                                              KefuCarrierKind   carrier_kind,
                                              const char       *waybill,
                                              GError          **error);
/* Collects the actions of `order` (n of them, each an int-sized enum value) that `allows`
 * accepts for `data`, as a GArray of that enum. */
GArray  *_kefu_aftersales_filter_actions     (const int  *order,
                                              guint       n,
                                              gboolean  (*allows) (int action, gconstpointer data),
                                              gconstpointer data);

G_END_DECLS
