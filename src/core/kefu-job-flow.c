/* kefu-job-flow.c: the steps of each kind of service job, who may take each action, what each
 * must carry, the fee rule for paid work, a step's place in its kind's way, and the due time of
 * the callback after a job. The tables are in kefu-job-flow.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-aftersales-flow-private.h"
#include "kefu-enums.h"
#include "kefu-job-flow.h"
#include "kefu-settings-keys.h"

/* The longest estimate of travel days a dispatch takes (about three months away). */
#define TRAVEL_DAYS_MAX 90

void
kefu_job_action_input_init (KefuJobActionInput *input)
{
  g_return_if_fail (input != NULL);

  *input = (KefuJobActionInput) {
    .decided_kind = KEFU_JOB_KIND_REPAIR,
    .carrier_kind = KEFU_CARRIER_OTHER,
    .warranty = KEFU_WARRANTY_UNKNOWN,
    .receipt_method = KEFU_RECEIPT_METHOD_UNSPECIFIED,
  };
  g_date_clear (&input->agreed_date, 1);
}

gboolean
kefu_job_step_is_open (KefuJobStep step)
{
  return step != KEFU_JOB_STEP_COMPLETED && step != KEFU_JOB_STEP_CANCELLED;
}

gboolean
kefu_job_action_moves (KefuJobAction action)
{
  switch (action)
    {
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
    case KEFU_JOB_ACTION_RECORD_FEE:
    case KEFU_JOB_ACTION_SET_WARRANTY:
    case KEFU_JOB_ACTION_ADD_NOTE:
      return FALSE;
    default:
      /* Diagnose moves the job too: to another kind, or to Completed. */
      return TRUE;
    }
}

/* Installations and on-site repairs: a technician travels to the customer. */
static gboolean
is_field_visit (KefuJobKind kind)
{
  return kind == KEFU_JOB_KIND_INSTALLATION || kind == KEFU_JOB_KIND_ONSITE_REPAIR;
}

/* Factory repairs and returns: the product travels to the factory. */
static gboolean
goes_to_factory (KefuJobKind kind)
{
  return kind == KEFU_JOB_KIND_FACTORY_REPAIR || kind == KEFU_JOB_KIND_RETURN;
}

/* The action that starts the (paid) work of a kind, which the fee rule guards, and the last step
 * before it; FALSE for the kinds that carry no fee (installations, returns) or are not
 * diagnosed yet. */
static gboolean
work_action (KefuJobKind    kind,
             KefuJobAction *action,
             KefuJobStep   *last_step)
{
  switch (kind)
    {
    case KEFU_JOB_KIND_ONSITE_REPAIR:
      *action = KEFU_JOB_ACTION_DISPATCH;
      *last_step = KEFU_JOB_STEP_APPROVED;
      return TRUE;
    case KEFU_JOB_KIND_FACTORY_REPAIR:
      *action = KEFU_JOB_ACTION_RECORD_REPAIR;
      *last_step = KEFU_JOB_STEP_AT_FACTORY;
      return TRUE;
    case KEFU_JOB_KIND_REPLACEMENT:
      *action = KEFU_JOB_ACTION_SEND_BACK;
      *last_step = KEFU_JOB_STEP_REPORTED;
      return TRUE;
    case KEFU_JOB_KIND_INSTALLATION:
    case KEFU_JOB_KIND_REPAIR:
    case KEFU_JOB_KIND_RETURN:
    default:
      return FALSE;
    }
}

/* The steps of each kind's way, in order, ending with Completed (kefu-job-flow.h). */
static const KefuJobStep field_way[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SUPPORT_REQUESTED, KEFU_JOB_STEP_APPROVED,
  KEFU_JOB_STEP_DISPATCHED, KEFU_JOB_STEP_ON_TRIP, KEFU_JOB_STEP_COMPLETED,
};
static const KefuJobStep repair_way[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_COMPLETED,
};
static const KefuJobStep factory_way[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SENT_TO_FACTORY, KEFU_JOB_STEP_AT_FACTORY,
  KEFU_JOB_STEP_REPAIRED, KEFU_JOB_STEP_SENT_BACK, KEFU_JOB_STEP_COMPLETED,
};
static const KefuJobStep replacement_way[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SENT_BACK, KEFU_JOB_STEP_COMPLETED,
};
static const KefuJobStep return_way[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SENT_TO_FACTORY, KEFU_JOB_STEP_COMPLETED,
};

static const KefuJobStep *
way_of (KefuJobKind  kind,
        guint       *n_steps)
{
  switch (kind)
    {
    case KEFU_JOB_KIND_INSTALLATION:
    case KEFU_JOB_KIND_ONSITE_REPAIR:
      *n_steps = G_N_ELEMENTS (field_way);
      return field_way;
    case KEFU_JOB_KIND_FACTORY_REPAIR:
      *n_steps = G_N_ELEMENTS (factory_way);
      return factory_way;
    case KEFU_JOB_KIND_REPLACEMENT:
      *n_steps = G_N_ELEMENTS (replacement_way);
      return replacement_way;
    case KEFU_JOB_KIND_RETURN:
      *n_steps = G_N_ELEMENTS (return_way);
      return return_way;
    case KEFU_JOB_KIND_REPAIR:
    default:
      *n_steps = G_N_ELEMENTS (repair_way);
      return repair_way;
    }
}

/* The position of `step` in the kind's way (1-based), 0 when it is not on it. */
static guint
position_in_way (KefuJobKind kind,
                 KefuJobStep step)
{
  guint n;
  const KefuJobStep *way = way_of (kind, &n);

  for (guint i = 0; i < n; i++)
    if (way[i] == step)
      return i + 1;
  return 0;
}

/* TRUE while the fee rule's action has not been taken: the fee and the warranty can still be
 * settled. */
static gboolean
before_work (const KefuJobState *state)
{
  KefuJobAction action;
  KefuJobStep last_step;
  guint position;

  if (!kefu_job_step_is_open (state->step))
    return FALSE;
  /* An undiagnosed repair is before any work; what it becomes decides the fee's action. */
  if (state->kind == KEFU_JOB_KIND_REPAIR)
    return state->step == KEFU_JOB_STEP_REPORTED;
  if (!work_action (state->kind, &action, &last_step))
    return FALSE;

  position = position_in_way (state->kind, state->step);
  return position > 0 && position <= position_in_way (state->kind, last_step);
}

/* TRUE when the kind and step allow the action at all, whoever takes it. */
static gboolean
step_allows (KefuJobAction       action,
             const KefuJobState *state)
{
  KefuJobKind kind = state->kind;
  KefuJobStep step = state->step;

  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      return kind == KEFU_JOB_KIND_REPAIR && step == KEFU_JOB_STEP_REPORTED;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      return is_field_visit (kind) && step == KEFU_JOB_STEP_REPORTED;
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      return is_field_visit (kind) && step == KEFU_JOB_STEP_SUPPORT_REQUESTED;
    case KEFU_JOB_ACTION_DISPATCH:
      return is_field_visit (kind) && step == KEFU_JOB_STEP_APPROVED;
    case KEFU_JOB_ACTION_DEPART:
      return is_field_visit (kind) && step == KEFU_JOB_STEP_DISPATCHED;
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      return is_field_visit (kind) && step == KEFU_JOB_STEP_ON_TRIP;
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
      return goes_to_factory (kind) && step == KEFU_JOB_STEP_REPORTED;
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      return goes_to_factory (kind) && step == KEFU_JOB_STEP_SENT_TO_FACTORY;
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      return kind == KEFU_JOB_KIND_FACTORY_REPAIR && step == KEFU_JOB_STEP_AT_FACTORY;
    case KEFU_JOB_ACTION_SEND_BACK:
      return (kind == KEFU_JOB_KIND_FACTORY_REPAIR && step == KEFU_JOB_STEP_REPAIRED) ||
             (kind == KEFU_JOB_KIND_REPLACEMENT && step == KEFU_JOB_STEP_REPORTED);
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      return (kind == KEFU_JOB_KIND_FACTORY_REPAIR || kind == KEFU_JOB_KIND_REPLACEMENT) &&
             step == KEFU_JOB_STEP_SENT_BACK;
    case KEFU_JOB_ACTION_SET_WARRANTY:
      return before_work (state);
    case KEFU_JOB_ACTION_RECORD_FEE:
      /* A fee is quoted for paid work only; an unknown warranty is decided first. */
      return before_work (state) && state->warranty == KEFU_WARRANTY_OUT;
    case KEFU_JOB_ACTION_CANCEL:
      return kefu_job_step_is_open (step);
    case KEFU_JOB_ACTION_ADD_NOTE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The reason a step (or kind) refuses an action, naming what is to be done first or instead. */
static gboolean
fail_step (KefuJobAction       action,
           const KefuJobState *state,
           GError            **error)
{
  const char *step = kefu_job_step_get_display_name (state->step);
  const char *kind = kefu_job_kind_get_display_name (state->kind);
  const char *format;

  if (!kefu_job_step_is_open (state->step))
    {
      g_set_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED,
                   _("This job is finished (“%s”); only notes can be added to it."), step);
      return FALSE;
    }

  switch (action)
    {
    case KEFU_JOB_ACTION_RECORD_FEE:
      if (before_work (state) && state->warranty == KEFU_WARRANTY_IN)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED,
                                      _("This product is in warranty: the work is free, there is no fee to record."));
      if (before_work (state))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED,
                                      _("The warranty of this product is not known: decide whether it is in warranty first (Set Warranty)."));
      format = _("A fee is recorded before the work starts, on a repair or a replacement; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_SET_WARRANTY:
      format = _("The warranty is decided before the work starts, on a repair or a replacement; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_DIAGNOSE:
      format = _("Only a reported fault not yet diagnosed can be diagnosed; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      format = _("A market-support request is filed for a reported installation or on-site repair; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      format = _("There is no market-support request waiting for a decision on this job (a “%s” in “%s”).");
      break;
    case KEFU_JOB_ACTION_DISPATCH:
      format = _("A technician is dispatched once the market-support request is approved; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_DEPART:
      format = _("The departure is recorded after the technician is dispatched; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
      format = _("Progress is reported while the technician is on the trip; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      format = _("The feedback form is filed when the technician returns from the trip; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
      format = _("Only a reported factory repair or return is sent to the factory; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      format = _("Only a product sent to the factory can be received there; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      format = _("The repair is recorded once the factory has received the product; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_SEND_BACK:
      format = _("A product is sent to the customer once repaired, or a replacement once reported; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      format = _("The customer confirms receipt of a product sent back; this job is a “%s” in “%s”.");
      break;
    case KEFU_JOB_ACTION_CANCEL:
    case KEFU_JOB_ACTION_ADD_NOTE:
    default:
      format = _("This cannot be done to a job (a “%s” in “%s”).");
      break;
    }

  g_set_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED, format,
               kind, step);
  return FALSE;
}

/* TRUE when `actor` may take `action` (the step already allows it); otherwise the reason names
 * who can. */
static gboolean
check_actor (KefuJobAction        action,
             const KefuJobActor  *actor,
             GError             **error)
{
  KefuRole role = actor->role;
  gboolean after_sales = kefu_role_works_after_sales (role);
  const char *message;

  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      if (role == KEFU_ROLE_TECHNICIAN || _kefu_aftersales_is_manager (role))
        return TRUE;
      message = _("Only the technical department or a manager can diagnose a fault; ask a technician to call the customer.");
      break;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      if (role == KEFU_ROLE_SALES_REP || after_sales)
        return TRUE;
      message = _("Only the account manager or the after-sales desk can file a market-support request.");
      break;
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
      if (role == KEFU_ROLE_GM_OFFICE)
        return TRUE;
      message = _("Only the general manager can approve a market-support request.");
      break;
    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      if (role == KEFU_ROLE_GM_OFFICE)
        return TRUE;
      message = _("Only the general manager can reject a market-support request.");
      break;
    case KEFU_JOB_ACTION_DISPATCH:
      if (after_sales)
        return TRUE;
      message = _("Only the after-sales desk dispatches a technician.");
      break;
    case KEFU_JOB_ACTION_DEPART:
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      if (actor->is_assigned_technician || after_sales)
        return TRUE;
      message = _("Only the technician of this job or the after-sales desk can record the trip.");
      break;
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
    case KEFU_JOB_ACTION_SEND_BACK:
      if (after_sales || role == KEFU_ROLE_LOGISTICS)
        return TRUE;
      message = _("Only after-sales or logistics can send a product.");
      break;
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      if (after_sales || role == KEFU_ROLE_TECHNICIAN || role == KEFU_ROLE_WAREHOUSE)
        return TRUE;
      message = _("Only a technician, the warehouse or the after-sales desk can record that the factory received the product.");
      break;
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      if (role == KEFU_ROLE_TECHNICIAN)
        return TRUE;
      message = _("Only a technician can record the repair.");
      break;
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      if (after_sales)
        return TRUE;
      message = _("Only the after-sales desk records the customer's confirmation of receipt.");
      break;
    case KEFU_JOB_ACTION_RECORD_FEE:
    case KEFU_JOB_ACTION_SET_WARRANTY:
      if (after_sales)
        return TRUE;
      message = _("Only the after-sales desk settles the warranty and the fee with the customer.");
      break;
    case KEFU_JOB_ACTION_CANCEL:
      if (_kefu_aftersales_is_lead_or_manager (role))
        return TRUE;
      message = _("Only a team lead or a manager can cancel a job; ask your team lead.");
      break;
    case KEFU_JOB_ACTION_ADD_NOTE:
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }

  return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_PERMISSION, message);
}

/* The car-dealer rule: no paid work without the customer's consent to the fee. */
static gboolean
check_fee_rule (KefuJobAction        action,
                const KefuJobState  *state,
                GError             **error)
{
  KefuJobAction guarded;
  KefuJobStep last_step;

  if (!work_action (state->kind, &guarded, &last_step) || action != guarded)
    return TRUE;

  if (state->warranty == KEFU_WARRANTY_UNKNOWN)
    return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                  _("The warranty of this product is not known: decide whether it is in warranty (Set Warranty) before the work starts."));
  if (state->warranty == KEFU_WARRANTY_OUT && !state->fee_agreed)
    return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                  _("This repair is paid: record the fee quoted and the customer's agreement first."));
  return TRUE;
}

static gboolean
require_text (const char  *text,
              const char  *message,
              GError     **error)
{
  if (_kefu_aftersales_has_text (text))
    return TRUE;
  return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING, message);
}

/* What the action must carry. */
static gboolean
check_input (KefuJobAction              action,
             const KefuJobActionInput  *input,
             GError                   **error)
{
  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      if (!require_text (input->text, _("Write down the diagnosis."), error))
        return FALSE;
      if (!input->solved && input->decided_kind != KEFU_JOB_KIND_ONSITE_REPAIR &&
          input->decided_kind != KEFU_JOB_KIND_FACTORY_REPAIR)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Choose an on-site repair or a return to the factory, or mark the fault solved on the phone."));
      return TRUE;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      return require_text (input->text, _("Write down the purpose of the trip for the general manager."),
                           error);
    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      return require_text (input->text, _("Write down why the request is rejected."), error);
    case KEFU_JOB_ACTION_DISPATCH:
      if (input->technician_id <= 0)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Choose the technician who goes."));
      if (!g_date_valid (&input->agreed_date))
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Enter the date agreed with the customer."));
      if (input->travel_days < 1 || input->travel_days > TRAVEL_DAYS_MAX)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_INVALID,
                                      _("Enter the estimated travel days, from 1 to 90."));
      return TRUE;
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
      return require_text (input->text, _("Write down the progress to report."), error);
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      return require_text (input->work_done,
                           _("Write down the work done, from the service feedback form."), error);
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
    case KEFU_JOB_ACTION_SEND_BACK:
      return _kefu_aftersales_check_waybill (input->has_carrier, input->carrier_kind,
                                             input->waybill, error);
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      return require_text (input->text, _("Write down what was repaired or replaced."), error);
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      if (input->receipt_method == KEFU_RECEIPT_METHOD_UNSPECIFIED)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Choose how the customer confirmed receipt."));
      return TRUE;
    case KEFU_JOB_ACTION_RECORD_FEE:
      if (input->fee_fen <= 0)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_INVALID,
                                      _("Enter the fee quoted to the customer; it must be more than zero."));
      return TRUE;
    case KEFU_JOB_ACTION_SET_WARRANTY:
      if (input->warranty != KEFU_WARRANTY_IN && input->warranty != KEFU_WARRANTY_OUT)
        return _kefu_aftersales_fail (error, KEFU_AFTERSALES_FLOW_ERROR_MISSING,
                                      _("Choose whether the product is in warranty or not."));
      return require_text (input->text, _("Write down how the warranty was decided (the invoice, the serial's records …)."),
                           error);
    case KEFU_JOB_ACTION_CANCEL:
      return require_text (input->text, _("Write down why the job is cancelled."), error);
    case KEFU_JOB_ACTION_ADD_NOTE:
      return require_text (input->text, _("Write the note before adding it."), error);
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
    case KEFU_JOB_ACTION_DEPART:
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
    default:
      return TRUE;
    }
}

KefuJobStep
kefu_job_action_target (KefuJobAction             action,
                        const KefuJobState       *state,
                        const KefuJobActionInput *input,
                        KefuJobKind              *kind)
{
  KefuJobKind next_kind;
  KefuJobStep next_step;

  g_return_val_if_fail (state != NULL, KEFU_JOB_STEP_REPORTED);

  next_kind = state->kind;
  next_step = state->step;

  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      g_return_val_if_fail (input != NULL, state->step);
      /* Solved on the phone: the fault report is done with, as a repair. */
      if (input->solved)
        next_step = KEFU_JOB_STEP_COMPLETED;
      else
        next_kind = input->decided_kind;
      break;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      next_step = KEFU_JOB_STEP_SUPPORT_REQUESTED;
      break;
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
      next_step = KEFU_JOB_STEP_APPROVED;
      break;
    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      next_step = KEFU_JOB_STEP_REPORTED;
      break;
    case KEFU_JOB_ACTION_DISPATCH:
      next_step = KEFU_JOB_STEP_DISPATCHED;
      break;
    case KEFU_JOB_ACTION_DEPART:
      next_step = KEFU_JOB_STEP_ON_TRIP;
      break;
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      next_step = KEFU_JOB_STEP_COMPLETED;
      break;
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
      next_step = KEFU_JOB_STEP_SENT_TO_FACTORY;
      break;
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      /* A return ends when the factory has the product back. */
      next_step = state->kind == KEFU_JOB_KIND_RETURN ? KEFU_JOB_STEP_COMPLETED
                                                      : KEFU_JOB_STEP_AT_FACTORY;
      break;
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      next_step = KEFU_JOB_STEP_REPAIRED;
      break;
    case KEFU_JOB_ACTION_SEND_BACK:
      next_step = KEFU_JOB_STEP_SENT_BACK;
      break;
    case KEFU_JOB_ACTION_CANCEL:
      next_step = KEFU_JOB_STEP_CANCELLED;
      break;
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
    case KEFU_JOB_ACTION_RECORD_FEE:
    case KEFU_JOB_ACTION_SET_WARRANTY:
    case KEFU_JOB_ACTION_ADD_NOTE:
    default:
      break;
    }

  if (kind != NULL)
    *kind = next_kind;
  return next_step;
}

gboolean
kefu_job_flow_check (KefuJobAction              action,
                     const KefuJobState        *state,
                     const KefuJobActor        *actor,
                     const KefuJobActionInput  *input,
                     GError                   **error)
{
  g_return_val_if_fail (action <= KEFU_JOB_ACTION_ADD_NOTE, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (state->kind <= KEFU_JOB_KIND_RETURN, FALSE);
  g_return_val_if_fail (state->step <= KEFU_JOB_STEP_CANCELLED, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (actor->role <= KEFU_ROLE_ADMINISTRATOR, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!step_allows (action, state))
    return fail_step (action, state, error);
  if (!check_actor (action, actor, error))
    return FALSE;
  if (!check_fee_rule (action, state, error))
    return FALSE;
  if (input != NULL && !check_input (action, input, error))
    return FALSE;

  return TRUE;
}

typedef struct
{
  const KefuJobState *state;
  const KefuJobActor *actor;
} StateAndActor;

static gboolean
job_allows (int           action,
            gconstpointer data)
{
  const StateAndActor *on = data;

  return kefu_job_flow_check (action, on->state, on->actor, NULL, NULL);
}

/**
 * kefu_job_flow_allowed:
 *
 * Returns: (transfer full) (element-type KefuJobAction): the actions, the moving one first
 */
GArray *
kefu_job_flow_allowed (const KefuJobState *state,
                       const KefuJobActor *actor)
{
  /* Each step's way forward first (a step has at most one besides the GM's reject), then what
   * settles the fee, what is recorded on the way, and the cancel last. */
  static const int order[] = {
    KEFU_JOB_ACTION_DIAGNOSE, KEFU_JOB_ACTION_REQUEST_SUPPORT, KEFU_JOB_ACTION_APPROVE_SUPPORT,
    KEFU_JOB_ACTION_REJECT_SUPPORT, KEFU_JOB_ACTION_DISPATCH, KEFU_JOB_ACTION_DEPART,
    KEFU_JOB_ACTION_FILE_FEEDBACK, KEFU_JOB_ACTION_SEND_TO_FACTORY,
    KEFU_JOB_ACTION_RECEIVE_AT_FACTORY, KEFU_JOB_ACTION_RECORD_REPAIR, KEFU_JOB_ACTION_SEND_BACK,
    KEFU_JOB_ACTION_CONFIRM_RECEIPT, KEFU_JOB_ACTION_SET_WARRANTY, KEFU_JOB_ACTION_RECORD_FEE,
    KEFU_JOB_ACTION_REPORT_PROGRESS, KEFU_JOB_ACTION_ADD_NOTE, KEFU_JOB_ACTION_CANCEL,
  };
  StateAndActor on = { state, actor };

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return _kefu_aftersales_filter_actions (order, G_N_ELEMENTS (order), job_allows, &on);
}

gboolean
kefu_job_kind_schedules_callback (KefuJobKind kind)
{
  /* A returned product leaves nothing with the customer to ask about. */
  return kind != KEFU_JOB_KIND_RETURN;
}

void
kefu_job_step_progress (KefuJobKind  kind,
                        KefuJobStep  step,
                        guint       *position,
                        guint       *n_steps)
{
  guint n;

  /* An undiagnosed repair is counted on the longest way it may take, the on-site one: its bar
   * then only grows when the diagnosis gives it its own way (1 of 6, then 2 of 6 …), instead of
   * shrinking from a half-full 1 of 2 to 2 of 6. Solved on the phone, it is at that way's end. */
  if (kind == KEFU_JOB_KIND_REPAIR)
    kind = KEFU_JOB_KIND_ONSITE_REPAIR;
  way_of (kind, &n);
  if (position != NULL)
    *position = step == KEFU_JOB_STEP_CANCELLED ? 0 : position_in_way (kind, step);
  if (n_steps != NULL)
    *n_steps = n;
}

void
kefu_shipment_step_progress (KefuShipmentStep  step,
                             guint            *position,
                             guint            *n_steps)
{
  guint at;

  switch (step)
    {
    case KEFU_SHIPMENT_STEP_CANCELLED:
      at = 0;
      break;
    case KEFU_SHIPMENT_STEP_EXCEPTION:
      /* Stuck on the way: where the goods left off, between shipped and delivered. */
      at = KEFU_SHIPMENT_STEP_SHIPPED + 1;
      break;
    default:
      /* Requested … Received are the way, in the enum's order. */
      at = (guint) step + 1;
      break;
    }

  if (position != NULL)
    *position = at;
  if (n_steps != NULL)
    *n_steps = KEFU_SHIPMENT_STEP_RECEIVED + 1;
}

/* The start of the quiet range that holds `time`'s local minute, or NULL when none does. */
static GDateTime *
quiet_start (GArray    *quiet,
             GDateTime *time)
{
  guint minute = (guint) (g_date_time_get_hour (time) * 60 + g_date_time_get_minute (time));
  g_autoptr(GDateTime) day = NULL;

  for (guint i = 0; i < quiet->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (quiet, KefuTimeRange, i);
      gboolean crosses = range->end <= range->start;
      gboolean inside = crosses ? minute >= range->start || minute < range->end
                                : minute >= range->start && minute < range->end;

      /* A due time at the very start of the rest hours is already out of them: "by 21:00". */
      if (!inside || (minute == range->start && g_date_time_get_second (time) == 0))
        continue;

      /* A range over midnight that holds a morning minute began the evening before. */
      day = g_date_time_new (g_date_time_get_timezone (time), g_date_time_get_year (time),
                             g_date_time_get_month (time), g_date_time_get_day_of_month (time),
                             (int) (range->start / 60), (int) (range->start % 60), 0);
      if (crosses && minute < range->start)
        return g_date_time_add_days (day, -1);
      return g_steal_pointer (&day);
    }

  return NULL;
}

/**
 * kefu_job_attention_at:
 *
 * Returns: (transfer full) (nullable): when the job next needs someone, or NULL for never
 */
GDateTime *
kefu_job_attention_at (KefuJobStep  step,
                       const GDate *agreed_date,
                       GDateTime   *departed_at,
                       guint        travel_days,
                       GDateTime   *entered_at,
                       GTimeZone   *tz)
{
  if (!kefu_job_step_is_open (step))
    return NULL;
  if (step == KEFU_JOB_STEP_DISPATCHED && agreed_date != NULL && g_date_valid (agreed_date))
    {
      g_autoptr(GTimeZone) local = tz == NULL ? g_time_zone_new_local () : NULL;
      g_autoptr(GDateTime) start = g_date_time_new (tz != NULL ? tz : local,
                                                    g_date_get_year (agreed_date),
                                                    g_date_get_month (agreed_date),
                                                    g_date_get_day (agreed_date), 0, 0, 0);

      return start != NULL ? g_date_time_to_utc (start) : NULL;
    }
  /* The technician is expected back when the days the trip was to take are over. */
  if (step == KEFU_JOB_STEP_ON_TRIP)
    return departed_at != NULL ? g_date_time_add_days (departed_at, MAX (travel_days, 1)) : NULL;
  return entered_at != NULL ? g_date_time_ref (entered_at) : NULL;
}

/**
 * kefu_callback_due_after:
 *
 * Returns: (transfer full): the due time, in the calendar's zone
 */
GDateTime *
kefu_callback_due_after (GDateTime        *event_time,
                         guint             window_days,
                         KefuWorkCalendar *calendar,
                         GArray           *quiet)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (event_time != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  due = kefu_work_calendar_end_of_working_day (calendar, event_time, window_days);

  /* The customer is not called in the rest hours: the callback is due when they begin. Ranges
   * may overlap, so each move is looked at again, at most once per range. */
  for (guint i = 0; quiet != NULL && i < quiet->len; i++)
    {
      g_autoptr(GDateTime) start = quiet_start (quiet, due);

      if (start == NULL)
        break;
      g_date_time_unref (due);
      due = g_steal_pointer (&start);
    }

  if (g_date_time_compare (due, event_time) < 0)
    return g_date_time_to_timezone (event_time, g_date_time_get_timezone (due));
  return g_steal_pointer (&due);
}
