/* kefu-shipment-flow.h: how a shipment goes from the shipping request to the customer's
 * confirmed receipt (domain.md §3, the seed's 发货流程): which actions each step allows, who may
 * take them, what each must carry, and when a shipment needs attention. Plain rules over plain
 * values, applied by the store (which refuses what they refuse) and by the pane (which offers
 * only what they allow, and explains a refusal with the same reason).
 *
 * The transitions (every other one is refused):
 *   Requested          --confirm-payment-->   Payment confirmed  finance; amount > 0
 *   Payment confirmed  --issue-dispatch-->    Dispatch issued    finance; the 《发货单》 number
 *   Dispatch issued    --hand-over-->         Handed over        after-sales
 *   Handed over        --ship-->              Shipped            after-sales, logistics, warehouse;
 *                                                                carrier, waybill fitting the
 *                                                                carrier, ship date, expected
 *                                                                arrival not before the ship date
 *   Shipped            --deliver-->           Delivered          after-sales, logistics
 *   Delivered          --confirm-receipt-->   Received           after-sales; how (phone, slip…)
 *   Shipped, Delivered --report-exception-->  Exception          after-sales, logistics; the kind
 *                                                                (lost, damaged, refused), reason
 *   Exception          --resolve-exception--> Shipped (reshipped: new carrier, waybill, dates),
 *                                             Delivered, or Cancelled (closed)   after-sales;
 *                                                                how it ended (text)
 *   Requested … Handed over --cancel-->       Cancelled          lead or manager, or finance;
 *                                                                the reason
 * Notes: anyone, any step. Edit details (lines, account manager, address, notes): the account
 * manager (sales rep) or after-sales, until Shipped. Received and Cancelled are final.
 * "After-sales": the customer-service roles that staff the after-sales desk (clerk, team lead,
 * CS manager, GM office, administrator); "lead or manager": team lead, CS manager, GM office,
 * administrator. Payment gating: nothing moves a shipment past Requested but a finance role's
 * payment confirmation.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_AFTERSALES_FLOW_ERROR (kefu_aftersales_flow_error_quark ())

/* Shared by the shipment and the job flows. */
typedef enum
{
  KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED,  /* the step (or kind) does not allow that action */
  KEFU_AFTERSALES_FLOW_ERROR_PERMISSION,   /* the person's role does not allow it */
  KEFU_AFTERSALES_FLOW_ERROR_MISSING,      /* something the action must carry is missing */
  KEFU_AFTERSALES_FLOW_ERROR_INVALID,      /* something it carries is wrong (dates, amount) */
} KefuAftersalesFlowError;

GQuark   kefu_aftersales_flow_error_quark (void);

/* TRUE for the roles that staff the after-sales desk (see above). */
gboolean kefu_role_works_after_sales      (KefuRole role);

/* What a shipment action carries, checked by kefu_shipment_flow_check (). Days are GDates
 * (invalid: not given). */
typedef struct
{
  const char           *text;             /* note, reason, resolution */
  gint64                amount_fen;       /* confirm-payment */
  const char           *dispatch_number;  /* issue-dispatch */
  gboolean              has_carrier;      /* ship, resolve-exception (reshipped) */
  KefuCarrierKind       carrier_kind;
  const char           *waybill;
  GDate                 ship_date;
  GDate                 expected_arrival;
  KefuReceiptMethod     receipt_method;   /* confirm-receipt */
  KefuShipmentException exception;        /* report-exception */
  KefuExceptionOutcome  outcome;          /* resolve-exception */
} KefuShipmentActionInput;

/* An input with nothing given (invalid dates, NONE, UNSPECIFIED). */
void             kefu_shipment_action_input_init (KefuShipmentActionInput *input);

gboolean         kefu_shipment_step_is_open      (KefuShipmentStep   step);
gboolean         kefu_shipment_action_moves      (KefuShipmentAction action);
/* The step after `action` from `from` (resolve-exception: `outcome` decides); `from` for an
 * action that does not move. Only meaningful after a successful check. */
KefuShipmentStep kefu_shipment_action_target     (KefuShipmentAction   action,
                                                  KefuShipmentStep     from,
                                                  KefuExceptionOutcome outcome);
/* Checks `action` on a shipment in `from` by someone in `role`, with `input` (NULL: only the
 * step and the role are checked, as the pane does to offer its buttons). The translated error
 * says why ("Only finance can confirm the payment.", "This shipment cannot be shipped before
 * the payment is confirmed.", the waybill's own message from kefu_waybill_check ()). */
gboolean         kefu_shipment_flow_check        (KefuShipmentAction              action,
                                                  KefuShipmentStep                from,
                                                  KefuRole                        role,
                                                  const KefuShipmentActionInput  *input,
                                                  GError                        **error);
/* Every action `role` may take on a shipment in `step`, in the order a page shows them (the
 * action moving it on first), as a GArray of KefuShipmentAction. */
GArray          *kefu_shipment_flow_allowed      (KefuShipmentStep step,
                                                  KefuRole         role);

/* When a shipment needs attention (setting shipment.receipt-days, default 2):
 *   Shipped:   the start of the local day after its expected arrival (it should have arrived);
 *   Delivered: `receipt_days` days (calendar days) after delivery without confirmed receipt;
 *   Exception: from the moment it was reported;
 *   otherwise: never (NULL).
 * `tz` is the site's time zone for the local day (NULL: local). */
GDateTime       *kefu_shipment_attention_at      (KefuShipmentStep  step,
                                                  const GDate      *expected_arrival,
                                                  GDateTime        *delivered_at,
                                                  GDateTime        *exception_at,
                                                  guint             receipt_days,
                                                  GTimeZone        *tz);

G_END_DECLS
