/* kefu-shipment-flow.c: the steps, actions and roles of a shipment, the checks of what each
 * action carries, and when a shipment needs attention. The table of transitions is in
 * kefu-shipment-flow.h; the helpers it shares with the job flow are declared in
 * kefu-aftersales-flow-private.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-aftersales-flow-private.h"
#include "kefu-enums.h"
#include "kefu-shipment-flow.h"
#include "kefu-text.h"
#include "kefu-waybill.h"

G_DEFINE_QUARK (kefu-aftersales-flow-error-quark, kefu_aftersales_flow_error)

gboolean
kefu_role_works_after_sales (KefuRole role)
{
  /* The after-sales desk is part of the customer-service centre: its clerks and those above
   * them work it; the other departments take only their own steps. */
  return role == KEFU_ROLE_CLERK || _kefu_aftersales_is_lead_or_manager (role);
}

gboolean
_kefu_aftersales_is_lead_or_manager (KefuRole role)
{
  return role == KEFU_ROLE_TEAM_LEAD || _kefu_aftersales_is_manager (role);
}

gboolean
_kefu_aftersales_is_manager (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_GM_OFFICE ||
         role == KEFU_ROLE_ADMINISTRATOR;
}

gboolean
_kefu_aftersales_has_text (const char *text)
{
  g_autofree char *normalized = kefu_text_normalize (text);

  return normalized != NULL && normalized[0] != '\0';
}

gboolean
_kefu_aftersales_fail (GError                **error,
                       KefuAftersalesFlowError code,
                       const char             *message)
{
  g_set_error_literal (error, KEFU_AFTERSALES_FLOW_ERROR, code, message);
  return FALSE;
}

gboolean
_kefu_aftersales_check_waybill (gboolean         has_carrier,
                                KefuCarrierKind  carrier_kind,
                                const char      *waybill,
                                GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!has_carrier)
    return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                  _("Choose the carrier that takes the goods."));

  /* The waybill's own message names the carrier's form; it comes in the flow's domain so the
   * store and the pane tell every refusal of an action the same way. */
  if (!kefu_waybill_check (carrier_kind, waybill, &local_error))
    return _kefu_aftersales_fail (error,
                                  g_error_matches (local_error, KEFU_WAYBILL_ERROR,
                                                   KEFU_WAYBILL_ERROR_EMPTY)
                                    ? KEFU_AFTERSALES_FLOW_ERROR_MISSING
                                    : KEFU_AFTERSALES_FLOW_ERROR_INVALID,
                                  local_error->message);
  return TRUE;
}

/**
 * _kefu_aftersales_filter_actions:
 *
 * Returns: (transfer full): the actions `allows` accepts, in the order of `order`
 */
GArray *
_kefu_aftersales_filter_actions (const int      *order,
                                 guint           n,
                                 gboolean      (*allows) (int action, gconstpointer data),
                                 gconstpointer   data)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < n; i++)
    if (allows (order[i], data))
      g_array_append_val (actions, order[i]);

  return actions;
}

void
kefu_shipment_action_input_init (KefuShipmentActionInput *input)
{
  g_return_if_fail (input != NULL);

  *input = (KefuShipmentActionInput) {
    .carrier_kind = KEFU_CARRIER_OTHER,
    .receipt_method = KEFU_RECEIPT_METHOD_UNSPECIFIED,
    .exception = KEFU_SHIPMENT_EXCEPTION_NONE,
    .outcome = KEFU_EXCEPTION_OUTCOME_RESHIPPED,
  };
  g_date_clear (&input->ship_date, 1);
  g_date_clear (&input->expected_arrival, 1);
}

gboolean
kefu_shipment_step_is_open (KefuShipmentStep step)
{
  return step != KEFU_SHIPMENT_STEP_RECEIVED && step != KEFU_SHIPMENT_STEP_CANCELLED;
}

gboolean
kefu_shipment_action_moves (KefuShipmentAction action)
{
  return action != KEFU_SHIPMENT_ACTION_ADD_NOTE && action != KEFU_SHIPMENT_ACTION_EDIT_DETAILS;
}

KefuShipmentStep
kefu_shipment_action_target (KefuShipmentAction   action,
                             KefuShipmentStep     from,
                             KefuExceptionOutcome outcome)
{
  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      return KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED;
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      return KEFU_SHIPMENT_STEP_DISPATCH_ISSUED;
    case KEFU_SHIPMENT_ACTION_HAND_OVER:
      return KEFU_SHIPMENT_STEP_HANDED_OVER;
    case KEFU_SHIPMENT_ACTION_SHIP:
      return KEFU_SHIPMENT_STEP_SHIPPED;
    case KEFU_SHIPMENT_ACTION_DELIVER:
      return KEFU_SHIPMENT_STEP_DELIVERED;
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      return KEFU_SHIPMENT_STEP_RECEIVED;
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      return KEFU_SHIPMENT_STEP_EXCEPTION;
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      switch (outcome)
        {
        case KEFU_EXCEPTION_OUTCOME_RESHIPPED:
          return KEFU_SHIPMENT_STEP_SHIPPED;
        case KEFU_EXCEPTION_OUTCOME_DELIVERED:
          return KEFU_SHIPMENT_STEP_DELIVERED;
        case KEFU_EXCEPTION_OUTCOME_CLOSED:
        default:
          return KEFU_SHIPMENT_STEP_CANCELLED;
        }
    case KEFU_SHIPMENT_ACTION_CANCEL:
      return KEFU_SHIPMENT_STEP_CANCELLED;
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
    default:
      return from;
    }
}

/* TRUE while the goods have not left: the shipment can still be changed or called off. */
static gboolean
before_shipping (KefuShipmentStep step)
{
  return step == KEFU_SHIPMENT_STEP_REQUESTED || step == KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED ||
         step == KEFU_SHIPMENT_STEP_DISPATCH_ISSUED || step == KEFU_SHIPMENT_STEP_HANDED_OVER;
}

/* TRUE when the step allows the action at all, whoever takes it. */
static gboolean
step_allows (KefuShipmentAction action,
             KefuShipmentStep   from)
{
  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      return from == KEFU_SHIPMENT_STEP_REQUESTED;
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      return from == KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED;
    case KEFU_SHIPMENT_ACTION_HAND_OVER:
      return from == KEFU_SHIPMENT_STEP_DISPATCH_ISSUED;
    case KEFU_SHIPMENT_ACTION_SHIP:
      return from == KEFU_SHIPMENT_STEP_HANDED_OVER;
    case KEFU_SHIPMENT_ACTION_DELIVER:
      return from == KEFU_SHIPMENT_STEP_SHIPPED;
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      return from == KEFU_SHIPMENT_STEP_DELIVERED;
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      return from == KEFU_SHIPMENT_STEP_SHIPPED || from == KEFU_SHIPMENT_STEP_DELIVERED;
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      return from == KEFU_SHIPMENT_STEP_EXCEPTION;
    case KEFU_SHIPMENT_ACTION_CANCEL:
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
      return before_shipping (from);
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The reason a step refuses an action, naming what is to be done first or instead. */
static gboolean
fail_step (KefuShipmentAction   action,
           KefuShipmentStep     from,
           GError             **error)
{
  const char *step = kefu_shipment_step_get_display_name (from);
  const char *format;

  if (!kefu_shipment_step_is_open (from))
    {
      g_set_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED,
                   _("This shipment is finished (“%s”); only notes can be added to it."), step);
      return FALSE;
    }

  /* Payment gating: the usual refusal of a shipment that is still only requested. */
  if (from == KEFU_SHIPMENT_STEP_REQUESTED && action != KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION &&
      action != KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION)
    {
      switch (action)
        {
        case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
          format = _("No dispatch note can be issued before the payment is confirmed. Finance confirms the payment first.");
          break;
        case KEFU_SHIPMENT_ACTION_HAND_OVER:
          format = _("This shipment cannot be handed to logistics before the payment is confirmed. Finance confirms the payment first.");
          break;
        case KEFU_SHIPMENT_ACTION_SHIP:
          format = _("This shipment cannot be shipped before the payment is confirmed. Finance confirms the payment first.");
          break;
        default:
          format = _("This shipment cannot move on before the payment is confirmed. Finance confirms the payment first.");
          break;
        }
      return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED, format);
    }

  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      format = _("The payment of this shipment is already confirmed; it is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      format = _("The dispatch note is issued once the payment is confirmed, and only once; this shipment is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_HAND_OVER:
      format = _("Only a shipment whose dispatch note is issued can be handed to logistics; this one is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_SHIP:
      format = _("Only a shipment handed to logistics and the warehouse can be shipped; this one is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_DELIVER:
      format = _("Only a shipped shipment can be marked delivered; this one is “%s”. To end an exception, resolve it.");
      break;
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      format = _("The customer confirms receipt of a delivered shipment; this one is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      format = _("An exception is reported for a shipment on its way or delivered; this one is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      format = _("Only a shipment with an exception can have it resolved; this one is “%s”.");
      break;
    case KEFU_SHIPMENT_ACTION_CANCEL:
      format = _("A shipment that has left cannot be cancelled (this one is “%s”); report an exception if it went wrong.");
      break;
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
      format = _("The details of a shipment that has left cannot change (this one is “%s”); add a note instead.");
      break;
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
    default:
      format = _("This cannot be done to a shipment in “%s”.");
      break;
    }

  g_set_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED, format,
               step);
  return FALSE;
}

/* TRUE when `role` may take `action` (the step already allows it); otherwise the reason names
 * who can. */
static gboolean
check_role (KefuShipmentAction   action,
            KefuRole             role,
            GError             **error)
{
  gboolean after_sales = kefu_role_works_after_sales (role);
  const char *message;

  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      if (role == KEFU_ROLE_FINANCE)
        return TRUE;
      message = _("Only finance can confirm the payment. Ask the finance department to confirm it.");
      break;
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      if (role == KEFU_ROLE_FINANCE)
        return TRUE;
      message = _("Only finance can issue the dispatch note. Ask the finance department.");
      break;
    case KEFU_SHIPMENT_ACTION_HAND_OVER:
      if (after_sales)
        return TRUE;
      message = _("Only the after-sales desk hands the dispatch note to logistics and the warehouse.");
      break;
    case KEFU_SHIPMENT_ACTION_SHIP:
      if (after_sales || role == KEFU_ROLE_LOGISTICS || role == KEFU_ROLE_WAREHOUSE)
        return TRUE;
      message = _("Only after-sales, logistics or the warehouse can record the shipping.");
      break;
    case KEFU_SHIPMENT_ACTION_DELIVER:
      if (after_sales || role == KEFU_ROLE_LOGISTICS)
        return TRUE;
      message = _("Only after-sales or logistics can mark a shipment delivered.");
      break;
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      if (after_sales)
        return TRUE;
      message = _("Only the after-sales desk records the customer's confirmation of receipt.");
      break;
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      if (after_sales || role == KEFU_ROLE_LOGISTICS)
        return TRUE;
      message = _("Only after-sales or logistics can report an exception; tell the after-sales desk what happened.");
      break;
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      if (after_sales)
        return TRUE;
      message = _("Only the after-sales desk resolves an exception.");
      break;
    case KEFU_SHIPMENT_ACTION_CANCEL:
      if (_kefu_aftersales_is_lead_or_manager (role) || role == KEFU_ROLE_FINANCE)
        return TRUE;
      message = _("Only a team lead, a manager or finance can cancel a shipment; ask your team lead.");
      break;
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
      if (after_sales || role == KEFU_ROLE_SALES_REP)
        return TRUE;
      message = _("Only the account manager or the after-sales desk can change the details of a shipment.");
      break;
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }

  return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_PERMISSION, message);
}

/* The carrier, the waybill and the dates of goods that leave (shipped or reshipped). */
static gboolean
check_departure (const KefuShipmentActionInput  *input,
                 GError                        **error)
{
  if (!_kefu_aftersales_check_waybill (input->has_carrier, input->carrier_kind, input->waybill,
                                       error))
    return FALSE;
  if (!g_date_valid (&input->ship_date))
    return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                  _("Enter the day the goods were shipped."));
  if (!g_date_valid (&input->expected_arrival))
    return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                  _("Enter the day the goods are expected to arrive."));
  if (g_date_compare (&input->expected_arrival, &input->ship_date) < 0)
    return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_INVALID,
                                  _("The expected arrival is before the ship date. Check both days."));
  return TRUE;
}

/* What the action must carry. */
static gboolean
check_input (KefuShipmentAction              action,
             const KefuShipmentActionInput  *input,
             GError                        **error)
{
  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      if (input->amount_fen <= 0)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_INVALID,
                                      _("Enter the amount received; it must be more than zero."));
      return TRUE;
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      if (!_kefu_aftersales_has_text (input->dispatch_number))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Enter the number of the dispatch note."));
      return TRUE;
    case KEFU_SHIPMENT_ACTION_SHIP:
      return check_departure (input, error);
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      if (input->receipt_method == KEFU_RECEIPT_METHOD_UNSPECIFIED)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Choose how the customer confirmed receipt."));
      return TRUE;
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      if (input->exception == KEFU_SHIPMENT_EXCEPTION_NONE)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Choose what went wrong: lost, damaged or refused."));
      if (!_kefu_aftersales_has_text (input->text))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Write down what happened to the shipment."));
      return TRUE;
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      if (!_kefu_aftersales_has_text (input->text))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Write down how the exception ended."));
      if (input->outcome == KEFU_EXCEPTION_OUTCOME_RESHIPPED)
        return check_departure (input, error);
      return TRUE;
    case KEFU_SHIPMENT_ACTION_CANCEL:
      if (!_kefu_aftersales_has_text (input->text))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Write down why the shipment is cancelled."));
      return TRUE;
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
      if (!_kefu_aftersales_has_text (input->text))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Write the note before adding it."));
      return TRUE;
    case KEFU_SHIPMENT_ACTION_HAND_OVER:
    case KEFU_SHIPMENT_ACTION_DELIVER:
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
    default:
      return TRUE;
    }
}

gboolean
kefu_shipment_flow_check (KefuShipmentAction              action,
                          KefuShipmentStep                from,
                          KefuRole                        role,
                          const KefuShipmentActionInput  *input,
                          GError                        **error)
{
  g_return_val_if_fail (action <= KEFU_SHIPMENT_ACTION_EDIT_DETAILS, FALSE);
  g_return_val_if_fail (from <= KEFU_SHIPMENT_STEP_CANCELLED, FALSE);
  g_return_val_if_fail (role <= KEFU_ROLE_ADMINISTRATOR, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!step_allows (action, from))
    return fail_step (action, from, error);
  if (!check_role (action, role, error))
    return FALSE;
  if (input != NULL && !check_input (action, input, error))
    return FALSE;

  return TRUE;
}

typedef struct
{
  KefuShipmentStep step;
  KefuRole role;
} StepAndRole;

static gboolean
shipment_allows (int           action,
                 gconstpointer data)
{
  const StepAndRole *on = data;

  return kefu_shipment_flow_check (action, on->step, on->role, NULL, NULL);
}

/**
 * kefu_shipment_flow_allowed:
 *
 * Returns: (transfer full) (element-type KefuShipmentAction): the actions, the moving one first
 */
GArray *
kefu_shipment_flow_allowed (KefuShipmentStep step,
                            KefuRole         role)
{
  /* The step's own way forward first, then what records or corrects, the cancel last. */
  static const int order[] = {
    KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH,
    KEFU_SHIPMENT_ACTION_HAND_OVER, KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_ACTION_DELIVER,
    KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT, KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION,
    KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, KEFU_SHIPMENT_ACTION_EDIT_DETAILS,
    KEFU_SHIPMENT_ACTION_ADD_NOTE, KEFU_SHIPMENT_ACTION_CANCEL,
  };
  StepAndRole on = { step, role };

  g_return_val_if_fail (step <= KEFU_SHIPMENT_STEP_CANCELLED, NULL);
  g_return_val_if_fail (role <= KEFU_ROLE_ADMINISTRATOR, NULL);

  return _kefu_aftersales_filter_actions (order, G_N_ELEMENTS (order), shipment_allows, &on);
}

/**
 * kefu_shipment_attention_at:
 *
 * Returns: (transfer full) (nullable): when the shipment needs attention, or NULL for never
 */
GDateTime *
kefu_shipment_attention_at (KefuShipmentStep  step,
                            const GDate      *expected_arrival,
                            GDateTime        *delivered_at,
                            GDateTime        *exception_at,
                            guint             receipt_days,
                            GTimeZone        *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) arrival_day = NULL;

  switch (step)
    {
    case KEFU_SHIPMENT_STEP_SHIPPED:
      if (expected_arrival == NULL || !g_date_valid (expected_arrival))
        return NULL;
      if (tz == NULL)
        tz = local = g_time_zone_new_local ();
      /* Built from the local day so that the day after keeps its midnight over a change of
       * summer time. */
      arrival_day = g_date_time_new (tz, g_date_get_year (expected_arrival),
                                     g_date_get_month (expected_arrival),
                                     g_date_get_day (expected_arrival), 0, 0, 0);
      return arrival_day != NULL ? g_date_time_add_days (arrival_day, 1) : NULL;

    case KEFU_SHIPMENT_STEP_DELIVERED:
      return delivered_at != NULL ? g_date_time_add_days (delivered_at, (int) receipt_days)
                                  : NULL;

    case KEFU_SHIPMENT_STEP_EXCEPTION:
      return exception_at != NULL ? g_date_time_ref (exception_at) : NULL;

    case KEFU_SHIPMENT_STEP_REQUESTED:
    case KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED:
    case KEFU_SHIPMENT_STEP_DISPATCH_ISSUED:
    case KEFU_SHIPMENT_STEP_HANDED_OVER:
    case KEFU_SHIPMENT_STEP_RECEIVED:
    case KEFU_SHIPMENT_STEP_CANCELLED:
    default:
      return NULL;
    }
}
