/* kefu-job-action-dialog-check.c: what each job action's dialog shows, and the checking of its
 * fields into the change they make, with the job's rules (kefu_job_flow_check ()) said before
 * the store is asked.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-money.h"
#include "core/kefu-waybill.h"

#include "widgets/kefu-date-row.h"

#include "kefu-job-action-dialog-private.h"

static const ActionTexts action_texts[] = {
  { KEFU_JOB_ACTION_DIAGNOSE, FIELD_TEXT | FIELD_DECISION, N_("Record the Diagnosis"),
    N_("Diagnosis"), TRUE, NULL,
    N_("What the technical department found on the phone, and whether the product is repaired on site, at the factory, or was put right on the phone."),
    N_("Write the diagnosis.") },
  { KEFU_JOB_ACTION_REQUEST_SUPPORT, FIELD_TEXT, N_("Request Market Support"),
    N_("Purpose of the Visit"), TRUE, NULL,
    N_("The market-support request (市场支持申请单) goes to the general manager, who approves the visit before a technician is dispatched."),
    N_("Write the purpose of the visit.") },
  { KEFU_JOB_ACTION_APPROVE_SUPPORT, 0, N_("Approve the Market-Support Request"),
    NULL, FALSE, NULL,
    N_("Approving lets after-sales dispatch a technician for this visit."),
    NULL },
  { KEFU_JOB_ACTION_REJECT_SUPPORT, FIELD_TEXT, N_("Reject the Market-Support Request"),
    N_("Why It Is Rejected"), TRUE, NULL,
    N_("The job goes back to Reported with the reason; a new request can be filed."),
    N_("Write the reason for the rejection.") },
  { KEFU_JOB_ACTION_DISPATCH, FIELD_TECHNICIAN, N_("Dispatch a Technician"),
    NULL, FALSE, NULL,
    N_("Choose the technician, the day agreed with the customer and how long the trip should take. The technicians’ calendar shows who is free."),
    NULL },
  { KEFU_JOB_ACTION_DEPART, FIELD_AT, N_("Record the Departure"),
    NULL, FALSE, N_("Departed At"),
    N_("The technician has left for the customer."),
    NULL },
  { KEFU_JOB_ACTION_REPORT_PROGRESS, FIELD_TEXT | FIELD_AT, N_("Report Progress"),
    N_("Progress"), TRUE, N_("Reported At"),
    N_("A dated note from the trip, for everyone following the job."),
    N_("Write the progress of the trip.") },
  { KEFU_JOB_ACTION_FILE_FEEDBACK, FIELD_FEEDBACK | FIELD_TEXT | FIELD_AT,
    N_("File the Service Feedback Form"), N_("Result Note"), FALSE,
    N_("Returned At"),
    N_("The service feedback form (售后服务信息反馈单) completes the job and schedules the after-service callback."),
    NULL },
  { KEFU_JOB_ACTION_SEND_TO_FACTORY, FIELD_CARRIER, N_("Send to the Factory"),
    NULL, FALSE, NULL,
    N_("The product goes back to the factory; the waybill lets everyone follow it."),
    NULL },
  { KEFU_JOB_ACTION_RECEIVE_AT_FACTORY, 0, N_("Received at the Factory"),
    NULL, FALSE, NULL,
    N_("The factory has the product."),
    NULL },
  { KEFU_JOB_ACTION_RECORD_REPAIR, FIELD_TEXT | FIELD_REPLACED, N_("Record the Repair"),
    N_("What the Factory Found and Did"), TRUE, NULL,
    N_("The factory repaired or replaced the product; it can then be sent back."),
    N_("Write what the factory found and did.") },
  { KEFU_JOB_ACTION_SEND_BACK, FIELD_CARRIER, N_("Send to the Customer"),
    NULL, FALSE, NULL,
    N_("The product (or its replacement) goes to the customer."),
    NULL },
  { KEFU_JOB_ACTION_CONFIRM_RECEIPT, FIELD_RECEIPT, N_("Confirm Receipt"),
    NULL, FALSE, NULL,
    N_("The customer has the product back; the job is complete."),
    NULL },
  { KEFU_JOB_ACTION_RECORD_FEE, FIELD_FEE | FIELD_TEXT, N_("Record the Fee"),
    N_("Note"), FALSE, NULL,
    N_("A paid job needs the fee quoted and the customer’s agreement before any work starts."),
    NULL },
  { KEFU_JOB_ACTION_SET_WARRANTY, FIELD_WARRANTY | FIELD_TEXT, N_("Set the Warranty"),
    N_("How It Was Decided"), TRUE, NULL,
    N_("The warranty could not be computed from the serial: decide it, and say why."),
    N_("Write how the warranty was decided.") },
  { KEFU_JOB_ACTION_CANCEL, FIELD_TEXT, N_("Cancel the Job"),
    N_("Why It Is Cancelled"), TRUE, NULL,
    N_("A cancelled job is closed for good."),
    N_("Write why the job is cancelled.") },
  { KEFU_JOB_ACTION_ADD_NOTE, FIELD_TEXT, N_("Add a Note"),
    N_("Note"), TRUE, NULL,
    N_("The note goes on the job’s timeline."),
    N_("Write the note.") },
};

const ActionTexts *
_kefu_job_action_dialog_find_texts (KefuJobAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_texts); i++)
    if (action_texts[i].action == action)
      return &action_texts[i];
  g_return_val_if_reached (&action_texts[G_N_ELEMENTS (action_texts) - 1]);
}

static void
mark (GtkWidget *row,
      gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static char *
row_text (GtkWidget *row)
{
  if (KEFU_IS_TEXT_ROW (row))
    return g_strstrip (kefu_text_row_get_text (KEFU_TEXT_ROW (row)));
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static KefuCarrier *
chosen_carrier (KefuJobActionDialog *self)
{
  guint position = adw_combo_row_get_selected (self->carrier_row);

  if (self->carriers == NULL || position >= self->carriers->len)
    return NULL;
  return g_ptr_array_index (self->carriers, position);
}

KefuStaff *
_kefu_job_action_dialog_chosen_technician (KefuJobActionDialog *self)
{
  guint position = adw_combo_row_get_selected (self->technician_row);

  if (self->technicians == NULL || position >= self->technicians->len)
    return NULL;
  return g_ptr_array_index (self->technicians, position);
}

/* The waybill as typed, checked against the chosen carrier's form while it is typed. */
void
_kefu_job_action_dialog_check_waybill (KefuJobActionDialog *self)
{
  KefuCarrier *carrier = chosen_carrier (self);
  g_autofree char *text = row_text (GTK_WIDGET (self->waybill_row));
  g_autoptr(GError) error = NULL;

  if (!(self->fields & FIELD_CARRIER) || *text == '\0' || carrier == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->waybill_label), FALSE);
      return;
    }
  if (kefu_waybill_check (carrier->kind, text, &error))
    {
      gtk_label_set_label (self->waybill_label, _("The waybill number fits the carrier."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->waybill_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->waybill_label), "success");
    }
  else
    {
      gtk_label_set_label (self->waybill_label, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->waybill_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->waybill_label), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->waybill_label), TRUE);
}

/* Checks the fields and builds the change and the rule's input from them. Returns the first
 * problem (translated), or NULL with `change` set. */
char *
_kefu_job_action_dialog_check_fields (KefuJobActionDialog  *self,
                                      KefuJobChange       **change_out)
{
  const ActionTexts *texts = _kefu_job_action_dialog_find_texts (self->action);
  g_autoptr(KefuJobChange) change = kefu_job_change_new (self->action, self->job->id,
                                                         self->job->version);
  KefuJobActionInput input;
  KefuJobState state = { self->job->kind, self->job->step, self->job->warranty,
                         self->job->fee_agreed };
  KefuJobActor actor = { 0 };
  g_autoptr(GError) error = NULL;
  char *problem = NULL;

  kefu_job_action_input_init (&input);

  /* Every field is checked, so that each wrong row is marked; the first problem is said. */
#define PROBLEM(row, text) \
  G_STMT_START { mark (GTK_WIDGET (row), TRUE); if (problem == NULL) problem = g_strdup (text); } G_STMT_END

  if (self->fields & FIELD_TEXT)
    {
      g_autofree char *text = row_text (GTK_WIDGET (self->text_row));

      mark (GTK_WIDGET (self->text_row), FALSE);
      if (texts->text_required && *text == '\0')
        PROBLEM (self->text_row, _(texts->text_missing));
      change->text = *text != '\0' ? g_steal_pointer (&text) : NULL;
      input.text = change->text;
    }

  if (self->fields & FIELD_DECISION)
    {
      switch (adw_combo_row_get_selected (self->decision_row))
        {
        case 0:
          change->decided_kind = KEFU_JOB_KIND_ONSITE_REPAIR;
          break;
        case 1:
          change->decided_kind = KEFU_JOB_KIND_FACTORY_REPAIR;
          break;
        default:
          change->decided_kind = KEFU_JOB_KIND_REPAIR;
          change->solved = TRUE;
          break;
        }
      input.decided_kind = change->decided_kind;
      input.solved = change->solved;
    }

  if (self->fields & FIELD_TECHNICIAN)
    {
      KefuStaff *technician = _kefu_job_action_dialog_chosen_technician (self);
      g_autoptr(GError) day_error = NULL;

      mark (GTK_WIDGET (self->technician_row), FALSE);
      mark (GTK_WIDGET (self->agreed_row), FALSE);
      if (technician == NULL)
        PROBLEM (self->technician_row, _("Choose the technician who goes."));
      else
        change->technician_id = kefu_record_get_id (KEFU_RECORD (technician));
      if (!kefu_date_row_get_day (KEFU_DATE_ROW (self->agreed_row), &change->agreed_date,
                                  &day_error))
        PROBLEM (self->agreed_row, day_error->message);
      change->travel_days = (guint) adw_spin_row_get_value (self->days_row);
      input.technician_id = change->technician_id;
      input.agreed_date = change->agreed_date;
      input.travel_days = change->travel_days;
    }

  if (self->fields & FIELD_AT)
    {
      g_autoptr(GError) time_error = NULL;
      g_autoptr(GDateTime) local = kefu_date_row_get_date_time (KEFU_DATE_ROW (self->at_row),
                                                                &time_error);

      mark (GTK_WIDGET (self->at_row), FALSE);
      change->at = local != NULL ? g_date_time_to_utc (local) : NULL;
      if (change->at == NULL)
        PROBLEM (self->at_row, time_error->message);
    }

  if (self->fields & FIELD_FEEDBACK)
    {
      g_autofree char *work = row_text (GTK_WIDGET (self->work_row));
      g_autofree char *parts = row_text (GTK_WIDGET (self->parts_row));
      g_autofree char *comment = row_text (GTK_WIDGET (self->comment_row));

      mark (GTK_WIDGET (self->work_row), FALSE);
      if (*work == '\0')
        PROBLEM (self->work_row, _("Say what work was done."));
      change->work_done = *work != '\0' ? g_steal_pointer (&work) : NULL;
      change->parts_used = *parts != '\0' ? g_steal_pointer (&parts) : NULL;
      change->customer_comment = *comment != '\0' ? g_steal_pointer (&comment) : NULL;
      change->fixed = adw_switch_row_get_active (self->fixed_switch);
      input.work_done = change->work_done;
      input.fixed = change->fixed;
    }

  if (self->fields & FIELD_CARRIER)
    {
      KefuCarrier *carrier = chosen_carrier (self);
      g_autofree char *waybill = row_text (GTK_WIDGET (self->waybill_row));
      g_autoptr(GError) waybill_error = NULL;

      mark (GTK_WIDGET (self->carrier_row), FALSE);
      mark (GTK_WIDGET (self->waybill_row), FALSE);
      if (carrier == NULL)
        PROBLEM (self->carrier_row, _("Choose the carrier."));
      else if (!kefu_waybill_check (carrier->kind, waybill, &waybill_error))
        PROBLEM (self->waybill_row, waybill_error->message);
      if (carrier != NULL)
        {
          change->carrier_id = carrier->id;
          input.has_carrier = TRUE;
          input.carrier_kind = carrier->kind;
        }
      change->waybill = g_steal_pointer (&waybill);
      input.waybill = change->waybill;
    }

  if (self->fields & FIELD_REPLACED)
    change->replaced = adw_switch_row_get_active (self->replaced_switch);

  if (self->fields & FIELD_RECEIPT)
    {
      static const KefuReceiptMethod methods[] = {
        KEFU_RECEIPT_METHOD_PHONE, KEFU_RECEIPT_METHOD_SIGNED_SLIP, KEFU_RECEIPT_METHOD_OTHER,
      };
      guint position = adw_combo_row_get_selected (self->receipt_row);

      change->receipt_method = position < G_N_ELEMENTS (methods) ? methods[position]
                                                                : KEFU_RECEIPT_METHOD_PHONE;
      input.receipt_method = change->receipt_method;
    }

  if (self->fields & FIELD_FEE)
    {
      g_autofree char *fee = row_text (GTK_WIDGET (self->fee_row));
      g_autoptr(GError) fee_error = NULL;

      mark (GTK_WIDGET (self->fee_row), FALSE);
      if (!kefu_money_parse (fee, &change->fee_fen, &fee_error))
        PROBLEM (self->fee_row, fee_error->message);
      else if (change->fee_fen <= 0)
        PROBLEM (self->fee_row, _("Type the fee quoted to the customer, in yuan."));
      change->fee_agreed = adw_switch_row_get_active (self->agreed_switch);
      input.fee_fen = change->fee_fen;
      input.fee_agreed = change->fee_agreed;
    }

  if (self->fields & FIELD_WARRANTY)
    {
      change->warranty = adw_combo_row_get_selected (self->warranty_row) == 0
                         ? KEFU_WARRANTY_IN : KEFU_WARRANTY_OUT;
      input.warranty = change->warranty;
    }

#undef PROBLEM

  if (problem != NULL)
    return problem;

  /* The rules the store applies, said before the write. */
  actor.role = self->staff != NULL ? kefu_staff_get_role (self->staff) : KEFU_ROLE_CLERK;
  actor.is_assigned_technician = self->staff != NULL && self->job->technician_id != 0
    && self->job->technician_id == kefu_record_get_id (KEFU_RECORD (self->staff));
  if (!kefu_job_flow_check (self->action, &state, &actor, &input, &error))
    return g_strdup (error->message);

  *change_out = g_steal_pointer (&change);
  return NULL;
}
