/* kefu-job-page-sections.c: the job page's head and sections, filled from the last read. Each
 * section shows only what has happened (an empty section is hidden), every step with when and,
 * where the job records it, who.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-page"

#include "config.h"

#include <glib/gi18n.h>

#include "complaints/kefu-detail-format.h"
#include "core/kefu-enums.h"
#include "core/kefu-history-entry.h"
#include "core/kefu-job-flow.h"
#include "core/kefu-money.h"
#include "core/kefu-phone.h"
#include "core/kefu-warranty.h"
#include "core/kefu-waybill.h"
#include "widgets/kefu-value-row.h"

#include "kefu-job-page-private.h"
#include "kefu-job-text.h"

static void
clear_list (GtkListBox *list)
{
  gtk_list_box_remove_all (list);
}

/* A row of the section: the field's name and its value (skipped when there is none). */
static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *value)
{
  return kefu_value_row_add (list, title, value);
}

/* When a step happened and, where the job records it, who took it: "2026-11-27 14:30 · 王芳". */
static char *
when_who (GDateTime  *at,
          const char *who)
{
  g_autofree char *time = NULL;

  if (at == NULL)
    return NULL;
  time = kefu_detail_format_local_time (at);
  if (who == NULL || *who == '\0')
    return g_steal_pointer (&time);
  /* Translators: when a step of a service job happened and who took it. */
  return g_strdup_printf (_("%s · %s"), time, who);
}

/* Turns ROW into one that opens a shipment or a job (the pane's "aftersales.open-shipment" or
 * "aftersales.open-job" with ID), so a product's life can be followed by clicking. */
static void
make_row_open (GtkWidget  *row,
               const char *action,
               gint64      id)
{
  GtkWidget *icon;

  if (row == NULL || id <= 0)
    return;
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  /* A selectable subtitle would take the click the row needs. */
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), FALSE);
  /* The target first: an action name without it would be checked against the wrong type. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
}

static void
add_step_row (GtkListBox *list,
              const char *title,
              GDateTime  *at,
              const char *who)
{
  g_autofree char *value = when_who (at, who);

  add_row (list, title, value);
}

static void
finish_group (AdwPreferencesGroup *group,
              GtkListBox          *list)
{
  gtk_widget_set_visible (GTK_WIDGET (group), gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

static KefuCarrier *
find_carrier (KefuJobPage *self,
              gint64       carrier_id)
{
  for (guint i = 0; self->carriers != NULL && i < self->carriers->len; i++)
    {
      KefuCarrier *carrier = g_ptr_array_index (self->carriers, i);

      if (carrier->id == carrier_id)
        return carrier;
    }
  return NULL;
}

static void
track_clicked_cb (GtkButton *button)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "kefu-uri");
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL,
                           NULL);
}

/* The carrier and waybill of one way, with a button that opens the carrier's tracking page
 * when the carrier has one. */
static void
add_waybill_row (KefuJobPage *self,
                 GtkListBox  *list,
                 const char  *title,
                 gint64       carrier_id,
                 const char  *carrier_name,
                 const char  *waybill)
{
  KefuCarrier *carrier = find_carrier (self, carrier_id);
  g_autofree char *value = NULL;
  g_autofree char *uri = NULL;
  GtkWidget *row;

  if (waybill == NULL || *waybill == '\0')
    return;

  /* Translators: a carrier and a waybill number, e.g. "顺丰速运 · SF1234567890123". */
  value = g_strdup_printf (_("%s · %s"), carrier_name != NULL ? carrier_name : "", waybill);
  row = add_row (list, title, value);
  if (carrier != NULL && carrier->tracking_template != NULL)
    uri = kefu_waybill_tracking_uri (carrier->tracking_template, waybill);
  if (uri != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("find-location-symbolic");
      /* Translators: the tooltip of the button beside a waybill. */
      const char *label = _("Track the Parcel");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (button), "kefu-uri", g_steal_pointer (&uri), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (track_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
}

static const char *
warranty_style (KefuWarrantyState warranty)
{
  switch (warranty)
    {
    case KEFU_WARRANTY_IN:
      return "success";
    case KEFU_WARRANTY_OUT:
      return "warning";
    case KEFU_WARRANTY_UNKNOWN:
    default:
      return "dim-label";
    }
}

static void
show_heading (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;
  g_autofree char *heading = NULL;
  g_autofree char *progress = kefu_job_text_progress (job->kind, job->step);
  guint position = 0;
  guint n_steps = 1;

  /* Translators: the heading of a service job's page: its reference and kind. */
  heading = g_strdup_printf (_("%s · %s"), job->reference, kefu_job_kind_get_display_name (job->kind));
  gtk_label_set_label (self->heading_label, heading);
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), job->reference);

  kefu_job_step_progress (job->kind, job->step, &position, &n_steps);
  gtk_level_bar_set_max_value (self->step_bar, MAX (n_steps, 1));
  gtk_level_bar_set_value (self->step_bar, position);
  gtk_label_set_label (self->step_label, progress);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);

  gtk_label_set_label (self->warranty_label, kefu_warranty_state_get_display_name (job->warranty));
  for (guint i = KEFU_WARRANTY_UNKNOWN; i <= KEFU_WARRANTY_OUT; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->warranty_label), warranty_style (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->warranty_label), warranty_style (job->warranty));
}

static void
show_head (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;
  g_autofree char *customer = NULL;
  g_autofree char *product = NULL;
  g_autofree char *warranty = NULL;
  g_autofree char *fee = NULL;

  clear_list (self->head_list);
  add_row (self->head_list, C_("job field", "Kind"), kefu_job_kind_get_display_name (job->kind));
  if (job->customer_phone != NULL && *job->customer_phone != '\0')
    {
      /* Written as everywhere else ("138 0013 8000"), the stored digits otherwise. */
      g_autofree char *phone = kefu_phone_format (job->customer_phone);

      /* Translators: a customer's name and phone number. */
      customer = g_strdup_printf (_("%s · %s"), job->customer_name,
                                  phone != NULL ? phone : job->customer_phone);
    }
  add_row (self->head_list, C_("job field", "Customer"),
           customer != NULL ? customer : job->customer_name);
  add_row (self->head_list, C_("job field", "Address"), job->address);
  if (job->serial != NULL && *job->serial != '\0')
    /* Translators: a product and its serial number (产品编号). */
    product = g_strdup_printf (_("%s · serial %s"),
                               job->product_name != NULL ? job->product_name : "", job->serial);
  add_row (self->head_list, C_("job field", "Product"),
           product != NULL ? product : job->product_name);
  make_row_open (add_row (self->head_list, C_("job field", "Shipment"), job->shipment_reference),
                 "aftersales.open-shipment", job->shipment_id);

  if (g_date_valid (&job->warranty_start))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                               g_date_time_get_month (now),
                                               g_date_time_get_year (now));
      GDate first_out;
      g_autofree char *start = kefu_job_text_day (&job->warranty_start);
      g_autofree char *out = NULL;

      g_date_clear (&first_out, 1);
      kefu_warranty_state (&job->warranty_start, job->warranty_months, today, &first_out);
      out = kefu_job_text_day (&first_out);
      if (*out != '\0')
        /* Translators: the warranty's state, the day it started and its first day out. */
        warranty = g_strdup_printf (_("%s · from %s, first day out %s"),
                                    kefu_warranty_state_get_display_name (job->warranty),
                                    start, out);
      else
        /* Translators: the warranty's state and the day it started. */
        warranty = g_strdup_printf (_("%s · from %s"),
                                    kefu_warranty_state_get_display_name (job->warranty), start);
    }
  add_row (self->head_list, C_("job field", "Warranty"),
           warranty != NULL ? warranty : kefu_warranty_state_get_display_name (job->warranty));
  add_row (self->head_list, C_("job field", "Warranty decided because"), job->warranty_reason);

  if (job->fee_fen > 0)
    {
      g_autofree char *amount = kefu_money_format (job->fee_fen);

      fee = g_strdup_printf (job->fee_agreed
                             /* Translators: the fee quoted for a paid job ("¥300.00"). */
                             ? _("%s · the customer agreed")
                             : _("%s · not agreed yet"), amount);
    }
  else if (job->warranty == KEFU_WARRANTY_OUT
           && job->kind != KEFU_JOB_KIND_INSTALLATION && job->kind != KEFU_JOB_KIND_RETURN)
    fee = g_strdup (_("No fee quoted yet: a paid job needs the fee and the customer’s agreement before work starts"));
  add_row (self->head_list, C_("job field", "Fee"), fee);
  add_row (self->head_list, C_("job field", "Fee note"), job->fee_note);
  add_step_row (self->head_list, C_("job field", "Cancelled"), job->cancelled_at, NULL);
  add_row (self->head_list, C_("job field", "Cancel reason"), job->cancel_reason);
  finish_group (self->head_group, self->head_list);
}

/* Whether the job began as a fault (维修 in any form) rather than as a request (an installation,
 * a return, a replacement), which the report's words follow. */
static gboolean
job_is_fault (KefuJobKind kind)
{
  return kind == KEFU_JOB_KIND_REPAIR || kind == KEFU_JOB_KIND_ONSITE_REPAIR
         || kind == KEFU_JOB_KIND_FACTORY_REPAIR;
}

static void
show_report (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;
  g_autofree char *source = NULL;
  const char *group_title;
  const char *reason_title;

  if (job_is_fault (job->kind))
    {
      group_title = _("Fault Report");
      reason_title = C_("job field", "Symptoms");
    }
  else if (job->kind == KEFU_JOB_KIND_INSTALLATION)
    {
      /* Translators: the section of a job's page on what an installation was asked for. */
      group_title = C_("job section", "Installation Request");
      reason_title = C_("job field", "What to install");
    }
  else
    {
      /* Translators: the section of a job's page on what a return or a replacement was asked
       * for. */
      group_title = C_("job section", "Request");
      reason_title = C_("job field", "Reason");
    }
  adw_preferences_group_set_title (self->report_group, group_title);
  clear_list (self->report_list);
  if (job->account_manager_name != NULL && *job->account_manager_name != '\0')
    /* Translators: who reported a fault, and the account manager (业务经理). */
    source = g_strdup_printf (_("%s · account manager %s"),
                              kefu_job_source_get_display_name (job->source),
                              job->account_manager_name);
  add_row (self->report_list, C_("job field", "Source"),
           source != NULL ? source : kefu_job_source_get_display_name (job->source));
  add_step_row (self->report_list, C_("job field", "Reported"), job->reported_at,
                job->reported_by_name);
  add_row (self->report_list, reason_title, job->symptoms);
  add_row (self->report_list, C_("job field", "Answered on the phone"), job->phone_answer);
  finish_group (self->report_group, self->report_list);
}

static void
show_diagnosis (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;

  clear_list (self->diagnosis_list);
  add_step_row (self->diagnosis_list, C_("job field", "Diagnosed"), job->diagnosed_at,
                job->diagnosed_by_name);
  add_row (self->diagnosis_list, C_("job field", "Diagnosis"), job->diagnosis);
  finish_group (self->diagnosis_group, self->diagnosis_list);
}

static void
show_support (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;

  clear_list (self->support_list);
  add_step_row (self->support_list, C_("job field", "Requested"), job->support_requested_at,
                job->support_requested_by_name);
  add_row (self->support_list, C_("job field", "Purpose"), job->support_purpose);
  add_step_row (self->support_list, C_("job field", "Approved"), job->approved_at,
                job->approved_by_name);
  add_row (self->support_list, C_("job field", "Rejected because"), job->rejection_reason);
  finish_group (self->support_group, self->support_list);
}

static void
show_trip (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;
  g_autofree char *agreed = kefu_job_text_day (&job->agreed_date);
  g_autofree char *days = NULL;

  clear_list (self->trip_list);
  add_row (self->trip_list, C_("job field", "Technician"), job->technician_name);
  add_row (self->trip_list, C_("job field", "Agreed with the customer"), agreed);
  if (job->travel_days > 0)
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", job->travel_days),
                            job->travel_days);
  add_row (self->trip_list, C_("job field", "Estimated travel"), days);
  add_step_row (self->trip_list, C_("job field", "Dispatched"), job->dispatched_at, NULL);
  add_step_row (self->trip_list, C_("job field", "Departed"), job->departed_at, NULL);
  for (guint i = 0; job->progress != NULL && i < job->progress->len; i++)
    {
      KefuJobProgress *progress = g_ptr_array_index (job->progress, i);
      g_autofree char *when = when_who (progress->reported_at, progress->reported_by_name);
      /* Translators: the title of a progress report on the trip, with when and who. */
      g_autofree char *title = g_strdup_printf (_("Progress, %s"), when != NULL ? when : "");

      add_row (self->trip_list, title, progress->text);
    }
  add_step_row (self->trip_list, C_("job field", "Returned"), job->returned_at, NULL);
  finish_group (self->trip_group, self->trip_list);
}

static void
show_factory (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;

  clear_list (self->factory_list);
  add_waybill_row (self, self->factory_list, C_("job field", "To the factory"),
                   job->out_carrier_id, job->out_carrier_name, job->out_waybill);
  add_step_row (self->factory_list, C_("job field", "Sent to the factory"),
                job->sent_to_factory_at, NULL);
  add_step_row (self->factory_list, C_("job field", "Received at the factory"),
                job->received_at_factory_at, NULL);
  add_step_row (self->factory_list,
                job->replaced ? C_("job field", "Replaced") : C_("job field", "Repaired"),
                job->repaired_at, NULL);
  add_row (self->factory_list, C_("job field", "Repair note"), job->repair_note);
  add_waybill_row (self, self->factory_list, C_("job field", "Back to the customer"),
                   job->back_carrier_id, job->back_carrier_name, job->back_waybill);
  add_step_row (self->factory_list, C_("job field", "Sent back"), job->sent_back_at, NULL);
  add_step_row (self->factory_list, C_("job field", "Received by the customer"),
                job->customer_received_at, NULL);
  finish_group (self->factory_group, self->factory_list);
}

static void
show_feedback (KefuJobPage *self)
{
  KefuServiceJob *job = self->job;
  gboolean filed = job->work_done != NULL && *job->work_done != '\0';

  clear_list (self->feedback_list);
  add_row (self->feedback_list, C_("job field", "Work done"), job->work_done);
  add_row (self->feedback_list, C_("job field", "Parts used"), job->parts_used);
  if (filed)
    add_row (self->feedback_list, C_("job field", "Result"),
             job->fixed ? _("Fixed") : _("Not fixed"));
  add_row (self->feedback_list, C_("job field", "Result note"), job->result_note);
  add_row (self->feedback_list, C_("job field", "Customer’s comment"), job->customer_comment);
  add_step_row (self->feedback_list, C_("job field", "Completed"), job->completed_at,
                job->completed_by_name);
  finish_group (self->feedback_group, self->feedback_list);
}

static void
show_callbacks (KefuJobPage *self)
{
  clear_list (self->callback_list);
  for (guint i = 0; self->callbacks != NULL && i < self->callbacks->len; i++)
    {
      KefuCallbackInfo *info = g_ptr_array_index (self->callbacks, i);
      g_autofree char *due = kefu_detail_format_local_time (info->due_at);
      /* Translators: a callback (回访) and when it is due, e.g. "After-service callback, due
       * 2026-11-30 17:30". */
      g_autofree char *title = g_strdup_printf (_("%s, due %s"),
                                                kefu_callback_reason_get_display_name (info->reason),
                                                due);

      add_row (self->callback_list, title, kefu_callback_state_get_display_name (info->state));
    }
  /* Read from the job when the list of callbacks says nothing (an older read). */
  if ((self->callbacks == NULL || self->callbacks->len == 0) && self->job->callback_due_at != NULL)
    {
      g_autofree char *due = kefu_detail_format_local_time (self->job->callback_due_at);

      add_row (self->callback_list, _("After-service callback due"), due);
    }
  finish_group (self->callback_group, self->callback_list);
}

static void
show_serial_history (KefuJobPage *self)
{
  guint n = self->serial_history != NULL ? g_list_model_get_n_items (self->serial_history) : 0;

  clear_list (self->serial_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuHistoryEntry) entry = g_list_model_get_item (self->serial_history, i);
      g_autofree char *when = kefu_detail_format_local_time (kefu_history_entry_get_occurred_at (entry));
      const char *summary = kefu_history_entry_get_summary (entry);
      /* Translators: a shipment or service job in a product's history: its reference and
       * when it happened. */
      g_autofree char *title = g_strdup_printf (_("%s · %s"),
                                                kefu_history_entry_get_reference (entry), when);

      g_autofree char *status = kefu_customer_history_format_status (kefu_history_entry_get_kind (entry),
                                                                     kefu_history_entry_get_status (entry));
      g_autofree char *value = NULL;

      if (status != NULL && *status != '\0')
        /* Translators: what a shipment or service job of a product's history was, and where it
         * is now, e.g. "上门维修: 开机报错 — 已完成". */
        value = g_strdup_printf (_("%s — %s"), summary != NULL ? summary : "", status);
      GtkWidget *row = add_row (self->serial_list, title,
                                value != NULL ? value : summary != NULL && *summary != '\0' ? summary : " ");
      gboolean shipment = kefu_history_entry_get_kind (entry) == KEFU_HISTORY_KIND_SHIPMENT;
      gint64 entity_id = kefu_history_entry_get_entity_id (entry);

      /* Every other record of the product opens; this job is the page itself. */
      if (shipment || entity_id != self->job->id)
        make_row_open (row, shipment ? "aftersales.open-shipment" : "aftersales.open-job",
                       entity_id);
    }
  finish_group (self->serial_group, self->serial_list);
}

static void
show_actions (KefuJobPage *self)
{
  KefuJobState state = { 0 };
  KefuJobActor actor = { 0 };
  g_autoptr(GArray) allowed = NULL;
  GtkWidget *child;
  gboolean suggested = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    adw_wrap_box_remove (self->actions_box, child);

  if (self->staff == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->actions_box), FALSE);
      return;
    }

  state.kind = self->job->kind;
  state.step = self->job->step;
  state.warranty = self->job->warranty;
  state.fee_agreed = self->job->fee_agreed;
  actor.role = kefu_staff_get_role (self->staff);
  actor.is_assigned_technician = self->job->technician_id != 0
    && self->job->technician_id == kefu_record_get_id (KEFU_RECORD (self->staff));
  allowed = kefu_job_flow_allowed (&state, &actor);

  for (guint i = 0; i < allowed->len; i++)
    {
      KefuJobAction action = g_array_index (allowed, KefuJobAction, i);
      GtkWidget *button = gtk_button_new_with_label (kefu_job_action_get_display_name (action));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "job.act");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int32 (action));
      /* The action that moves the job on is the one to take; the list gives it first. */
      if (!suggested && kefu_job_action_moves (action))
        {
          gtk_widget_add_css_class (button, "suggested-action");
          suggested = TRUE;
        }
      g_object_set_data (G_OBJECT (button), "kefu-job-action", GINT_TO_POINTER (action + 1));
      adw_wrap_box_append (self->actions_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), allowed->len > 0);
}

void
_kefu_job_page_show_sections (KefuJobPage *self)
{
  g_return_if_fail (self->job != NULL);

  show_heading (self);
  show_actions (self);
  show_head (self);
  show_report (self);
  show_diagnosis (self);
  show_support (self);
  show_trip (self);
  show_factory (self);
  show_feedback (self);
  show_callbacks (self);
  show_serial_history (self);
  kefu_aftersales_timeline_view_set_events (self->timeline_view, self->timeline);
  if (kefu_customer_history_view_get_customer_id (self->history_view) != self->job->customer_id)
    kefu_customer_history_view_set_customer_id (self->history_view, self->job->customer_id);
  else
    kefu_customer_history_view_reload (self->history_view);
}
