/* kefu-intake-pane-actions.c: what the clerk does in the intake pane: save the call, start the
 * next one, discard one, and open the team lead's lists.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-intake-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-roles.h"

#include "kefu-handover-dialog.h"
#include "store/kefu-intake-queue.h"

#include "kefu-intake-pane-private.h"
#include "kefu-leads-dialog.h"
#include "kefu-out-of-area-dialog.h"

/* How long the confirmation of a save stays: long enough to read a reference number aloud. */
#define SAVED_TOAST_SECONDS 8

void
_kefu_intake_pane_update_actions (KefuIntakePane *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean saving = self->saving_call != NULL;
  gboolean working = self->store != NULL && self->staff != NULL;
  KefuRole role = self->staff != NULL ? kefu_staff_get_role (self->staff) : KEFU_ROLE_CLERK;

  gtk_widget_action_set_enabled (widget, "intake.save", self->store != NULL && !saving);
  gtk_widget_action_set_enabled (widget, "intake.discard", !saving);
  gtk_widget_action_set_enabled (widget, "intake.discard-restored", !saving);
  gtk_widget_action_set_enabled (widget, "intake.restore-kept",
                                 !saving && self->kept_calls != NULL && self->kept_calls->len > 0);
  gtk_widget_action_set_enabled (widget, "intake.copy-reference", self->shown_reference != NULL);
  /* The team lead's lists (the CS manager stands in); the sales admins record the out-of-area
   * notices. Others never see an entry they cannot use. */
  gtk_widget_action_set_enabled (widget, "intake.hand-over",
                                 working && kefu_role_can_hand_over_orders (role));
  gtk_widget_action_set_enabled (widget, "intake.leads",
                                 working && kefu_role_can_hand_over_orders (role));
  gtk_widget_action_set_enabled (widget, "intake.out-of-area",
                                 working && (kefu_role_receives_order_forms (role) ||
                                             kefu_role_can_hand_over_orders (role)));

  gtk_stack_set_visible_child_name (self->save_stack, saving ? "saving" : "label");
}

/* Saving */

static char *
join_routes (KefuComplaint *complaint)
{
  GPtrArray *routes = kefu_complaint_get_routes (complaint);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      KefuComplaintRoute *route = routes->pdata[i];

      if (i > 0)
        /* Translators: between the names of departments in a list ("、" in Chinese). */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, route->department_name);
    }

  return g_string_free_and_steal (g_steal_pointer (&text));
}

/* The complaint's reference, shown large until the next call starts: the clerk reads it out to
 * the caller, who quotes it when they call again. */
static void
show_complaint_result (KefuIntakePane *self,
                       KefuCall       *call)
{
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  g_autofree char *routes = NULL;
  g_autofree char *detail = NULL;

  g_free (self->shown_reference);
  self->shown_reference = g_strdup (kefu_call_get_reference (call));

  gtk_label_set_label (self->reference_caption,
                       _("Complaint saved. Read its reference number to the caller:"));
  gtk_label_set_label (self->reference_label, self->shown_reference);

  routes = complaint != NULL ? join_routes (complaint) : g_strdup ("");
  gtk_widget_remove_css_class (GTK_WIDGET (self->reference_detail), "error");

  if (complaint == NULL)
    detail = g_strdup ("");
  else if (!kefu_complaint_get_well_founded (complaint))
    detail = g_strdup (_("Not well founded: it was closed as explained to the customer."));
  else if (*routes == '\0')
    detail = g_strdup (_("No department could be told: nobody holds the receiving roles. Tell the customer-service manager now."));
  else if (kefu_complaint_get_urgent (complaint))
    {
      /* Translators: %s lists departments, e.g. "品控部、客服中心、总经办". */
      detail = g_strdup_printf (_("Urgent: the customer was harmed. %s were told to visit the customer at once."),
                                routes);
      gtk_widget_add_css_class (GTK_WIDGET (self->reference_detail), "error");
    }
  else
    /* Translators: %s lists departments. */
    detail = g_strdup_printf (_("Sent to %s."), routes);

  gtk_label_set_label (self->reference_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_detail), *detail != '\0');
  gtk_revealer_set_reveal_child (self->reference_revealer, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroller), 0);
}

static gboolean
handover_is_after_today (KefuOrder *order)
{
  const GDate *date = kefu_order_get_handover_date (order);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  if (date == NULL || !g_date_valid (date))
    return FALSE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_compare (date, &today) > 0;
}

static char *
describe_saved (KefuCall *call)
{
  const char *reference = kefu_call_get_reference (call);

  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      {
        KefuOrder *order = kefu_call_get_order (call);

        if (order != NULL && kefu_order_get_out_of_area (order))
          /* Translators: %s is the order's reference number. */
          return g_strdup_printf (_("Order %s saved. The address is outside the service area: the sales admin will tell the customer."),
                                  reference);
        if (order != NULL && handover_is_after_today (order))
          /* Translators: %s is the order's reference number. */
          return g_strdup_printf (_("Order %s saved for tomorrow’s hand-over"), reference);
        /* Translators: %s is the order's reference number. */
        return g_strdup_printf (_("Order %s saved"), reference);
      }

    case KEFU_CALL_KIND_COMPLAINT:
      {
        KefuComplaint *complaint = kefu_call_get_complaint (call);

        if (complaint != NULL && kefu_complaint_get_urgent (complaint))
          /* Translators: %s is the complaint's reference number. */
          return g_strdup_printf (_("Urgent complaint %s saved"), reference);
        /* Translators: %s is the complaint's reference number. */
        return g_strdup_printf (_("Complaint %s saved"), reference);
      }

    case KEFU_CALL_KIND_INQUIRY:
      {
        KefuInquiry *inquiry = kefu_call_get_inquiry (call);

        if (inquiry != NULL && kefu_inquiry_get_lead_id (inquiry) != 0)
          /* Translators: %s is the inquiry's reference number. */
          return g_strdup_printf (_("Inquiry %s saved and passed to the team lead as a lead"),
                                  reference);
        /* Translators: %s is the inquiry's reference number. */
        return g_strdup_printf (_("Inquiry %s saved"), reference);
      }

    default:
      /* Translators: %s is a call's reference number. */
      return g_strdup_printf (_("Call %s saved"), reference);
    }
}

/* A call that came in during the save starts now (the failed call, if any, is kept). */
static void
start_pending_call (KefuIntakePane *self)
{
  g_autofree char *number = g_steal_pointer (&self->pending_number);

  if (number != NULL)
    kefu_intake_pane_start_call (self, number);
}

/* The database cannot be reached (or calls recorded while it could not are still waiting, which
 * a new call must not overtake): the call goes to this workstation's intake queue, which writes
 * it once the database is back, and the form is free for the next call. The reference number
 * is given when the call is written. */
static gboolean
queue_call (KefuIntakePane  *self,
            KefuCall        *call,
            GError         **error)
{
  KefuIntakeQueue *queue = kefu_intake_queue_get_for_store (self->store);
  g_autofree char *key = kefu_intake_queue_add (queue, call, error);

  if (key == NULL)
    return FALSE;

  adw_banner_set_revealed (self->error_banner, FALSE);
  adw_banner_set_revealed (self->restored_banner, FALSE);
  _kefu_intake_pane_delete_draft (self);
  _kefu_intake_pane_toast (self,
                           _("Kept on this workstation and saved when the database is back "
                             "(number given when saved)"),
                           SAVED_TOAST_SECONDS);
  _kefu_intake_pane_reset_form (self);
  _kefu_intake_pane_show_recent (self);
  kefu_caller_lookup_clear (self->lookup);
  _kefu_intake_pane_hide_reference (self);
  kefu_caller_lookup_focus (self->lookup);
  _kefu_intake_pane_update_actions (self);
  return TRUE;
}

static void
show_queue_error (KefuIntakePane *self,
                  const GError   *error)
{
  /* Translators: the call could be neither saved nor kept for later; %s is the reason. */
  g_autofree char *title = g_strdup_printf (_("The call was not saved: %s Everything typed is "
                                              "kept as a draft on this computer."),
                                            error->message);

  adw_banner_set_title (self->error_banner, title);
  adw_banner_set_button_label (self->error_banner, _("_Try Again"));
  adw_banner_set_revealed (self->error_banner, TRUE);
}

/* A save is never cancelled: once the store has it, it either commits or says why not. The pane
 * may have moved on meanwhile (closed, or another database opened), having written the call to
 * the draft; the draft then goes once the call is stored, so that it cannot be saved twice. */
typedef struct
{
  KefuIntakePane *self;
  KefuCall       *call;
  KefuDraftFile  *draft;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->call);
  g_clear_object (&job->draft);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  KefuIntakePane *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) call = NULL;
  gboolean saved;

  saved = kefu_store_save_call_finish (KEFU_STORE (object), result, &error);

  if (self->saving_call != job->call)
    {
      g_autoptr(GError) delete_error = NULL;

      if (saved && job->draft != NULL && !kefu_draft_file_delete (job->draft, &delete_error))
        g_message ("Could not remove the draft of a saved call: %s", delete_error->message);
      return;
    }

  call = g_steal_pointer (&self->saving_call);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), TRUE);

  if (!saved && (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE) ||
                 g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION)))
    {
      g_autoptr(GError) queue_error = NULL;

      gtk_widget_set_sensitive (GTK_WIDGET (self->form), TRUE);
      if (queue_call (self, call, &queue_error))
        {
          g_clear_weak_pointer (&self->focus_before_save);
          start_pending_call (self);
          return;
        }
      g_message ("Could not keep the call on this workstation: %s", queue_error->message);
    }

  if (!saved)
    {
      g_autofree char *title = NULL;

      /* The form keeps everything, and the draft has it too. */
      _kefu_intake_pane_save_draft (self);

      if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID))
        {
          /* Translators: the store refused the call; %s says why and what to change. */
          title = g_strdup_printf (_("The call was not saved: %s"), error->message);
          adw_banner_set_button_label (self->error_banner, NULL);
        }
      else
        {
          /* Translators: the call could not be written (the connection, a busy file); %s is
           * the reason. */
          title = g_strdup_printf (_("The call was not saved: %s Everything typed is kept as a draft on this computer."),
                                   error->message);
          adw_banner_set_button_label (self->error_banner, _("_Try Again"));
        }
      adw_banner_set_title (self->error_banner, title);
      adw_banner_set_revealed (self->error_banner, TRUE);
      _kefu_intake_pane_update_actions (self);
      /* Back where the clerk was typing. */
      if (self->focus_before_save != NULL && gtk_widget_get_mapped (self->focus_before_save))
        gtk_widget_grab_focus (self->focus_before_save);
      g_clear_weak_pointer (&self->focus_before_save);
      start_pending_call (self);
      return;
    }

  g_clear_weak_pointer (&self->focus_before_save);
  adw_banner_set_revealed (self->error_banner, FALSE);
  adw_banner_set_revealed (self->restored_banner, FALSE);
  _kefu_intake_pane_delete_draft (self);

  {
    g_autofree char *text = describe_saved (call);

    _kefu_intake_pane_toast (self, text, SAVED_TOAST_SECONDS);
  }

  kefu_recent_calls_add_call (self->recent_calls, call);

  /* The next call starts from an empty form, with the lookup ready for its number. */
  _kefu_intake_pane_reset_form (self);
  _kefu_intake_pane_show_recent (self);
  kefu_caller_lookup_clear (self->lookup);

  if (kefu_call_get_kind (call) == KEFU_CALL_KIND_COMPLAINT)
    show_complaint_result (self, call);
  else
    _kefu_intake_pane_hide_reference (self);

  kefu_caller_lookup_focus (self->lookup);
  _kefu_intake_pane_update_actions (self);
  _kefu_intake_pane_emit_call_saved (self, call);
  start_pending_call (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);
  g_autoptr(GDateTime) now = NULL;
  KefuCall *call;

  if (self->store == NULL || self->saving_call != NULL)
    return;

  if (self->staff == NULL)
    {
      _kefu_intake_pane_toast (self,
                               _("Choose who is working (Switch Staff Member) before saving a call"),
                               0);
      return;
    }

  /* Every problem shows under its field at once, and the first one gets the focus. */
  now = g_date_time_new_now_utc ();
  if (!kefu_call_form_check (self->form, now))
    return;

  call = kefu_call_form_get_call (self->form);
  g_return_if_fail (call != NULL);

  if (kefu_call_get_clerk_id (call) == 0)
    {
      kefu_call_set_clerk_id (call, kefu_record_get_id (KEFU_RECORD (self->staff)));
      kefu_call_set_clerk_name (call, kefu_staff_get_name (self->staff));
    }

  /* The draft holds the call until the store has it. */
  _kefu_intake_pane_save_draft (self);

  if (kefu_intake_queue_should_queue (kefu_intake_queue_get_for_store (self->store)))
    {
      g_autoptr(GError) queue_error = NULL;

      if (!queue_call (self, call, &queue_error))
        show_queue_error (self, queue_error);
      return;
    }

  /* The store writes a snapshot and sets on the call what it decided when it finishes; the form
   * is locked meanwhile so nothing typed is lost between the two. */
  self->saving_call = g_object_ref (call);
  if (_kefu_intake_pane_focus_in_form (self))
    g_set_weak_pointer (&self->focus_before_save,
                        gtk_root_get_focus (gtk_widget_get_root (widget)));
  _kefu_intake_pane_focus_out_of_form (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), FALSE);
  _kefu_intake_pane_update_actions (self);
  {
    SaveJob *job = g_new0 (SaveJob, 1);

    job->self = g_object_ref (self);
    job->call = g_object_ref (call);
    job->draft = self->draft != NULL ? g_object_ref (self->draft) : NULL;
    kefu_store_save_call_async (self->store, call, NULL, save_cb, job);
  }
}

/* Starting, discarding and restoring */

static void
new_call_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  kefu_intake_pane_start_call (KEFU_INTAKE_PANE (widget), NULL);
}

static void
clear_for_next_call (KefuIntakePane *self)
{
  _kefu_intake_pane_delete_draft (self);
  _kefu_intake_pane_reset_form (self);
  _kefu_intake_pane_show_recent (self);
  adw_banner_set_revealed (self->error_banner, FALSE);
  kefu_caller_lookup_clear (self->lookup);
  kefu_caller_lookup_focus (self->lookup);
}

static void
discard_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     KefuIntakePane *self)
{
  if (g_strcmp0 (response, "discard") != 0 || self->saving_call != NULL)
    return;

  clear_for_next_call (self);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);
  AdwDialog *dialog;

  if (self->saving_call != NULL)
    return;

  /* An empty form is simply made ready for the next call. */
  if (_kefu_intake_pane_form_is_blank (self))
    {
      clear_for_next_call (self);
      return;
    }

  dialog = adw_alert_dialog_new (_("Discard This Call?"),
                                 _("Everything typed for this call will be lost."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "keep", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
discard_restored_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);

  if (self->saving_call != NULL)
    return;

  clear_for_next_call (self);
  adw_banner_set_revealed (self->restored_banner, FALSE);
}

static void
restore_kept_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);
  g_autoptr(KefuCall) kept = NULL;
  g_autoptr(KefuCall) current = NULL;

  if (self->saving_call != NULL)
    return;

  kept = _kefu_intake_pane_take_kept_call (self);
  if (kept == NULL)
    return;

  /* The two calls change places, so the one in the form is not lost either. */
  if (!_kefu_intake_pane_form_is_blank (self))
    current = g_object_ref (kefu_call_form_get_call (self->form));

  _kefu_intake_pane_hide_reference (self);
  adw_banner_set_revealed (self->restored_banner, FALSE);
  kefu_caller_lookup_clear (self->lookup);
  _kefu_intake_pane_set_form_call (self, kept);
  _kefu_intake_pane_save_draft (self);
  if (current != NULL)
    _kefu_intake_pane_keep_call (self, current);

  _kefu_intake_pane_update_actions (self);
  kefu_call_form_focus_details (self->form);
}

static void
copy_reference_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);

  if (self->shown_reference == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->shown_reference);
  _kefu_intake_pane_toast (self, _("Reference number copied"), 3);
}

void
_kefu_intake_pane_start_lead_order (KefuIntakePane *self,
                                    KefuLead       *lead)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (KEFU_IS_LEAD (lead));

  if (self->saving_call != NULL)
    return;

  /* The call in the form waits as the kept draft, as it does for an incoming call. */
  if (!_kefu_intake_pane_form_is_blank (self))
    {
      _kefu_intake_pane_keep_current (self);
      _kefu_intake_pane_delete_draft (self);
    }

  kefu_call_set_kind (call, KEFU_CALL_KIND_ORDER);
  kefu_call_set_received_at (call, now);
  if (self->staff != NULL)
    {
      kefu_call_set_clerk_id (call, kefu_record_get_id (KEFU_RECORD (self->staff)));
      kefu_call_set_clerk_name (call, kefu_staff_get_name (self->staff));
    }
  kefu_call_set_customer_id (call, kefu_lead_get_customer_id (lead));
  kefu_call_set_caller_name (call, kefu_lead_get_caller_name (lead));
  kefu_call_set_address (call, kefu_lead_get_address (lead));
  kefu_call_set_phone (call, kefu_lead_get_phone (lead));
  /* The order records the lead it converts, so conversions count per clerk. */
  kefu_order_set_lead_id (kefu_call_get_order (call), kefu_record_get_id (KEFU_RECORD (lead)));

  _kefu_intake_pane_hide_reference (self);
  adw_banner_set_revealed (self->error_banner, FALSE);
  adw_banner_set_revealed (self->restored_banner, FALSE);
  kefu_caller_lookup_clear (self->lookup);
  _kefu_intake_pane_set_form_call (self, call);
  _kefu_intake_pane_save_draft (self);
  kefu_call_form_focus_details (self->form);
}

/* The team lead's lists */

static void
hand_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);

  if (self->store == NULL)
    return;

  adw_dialog_present (kefu_handover_dialog_new (self->store), widget);
}

static void
make_order_call_cb (KefuLeadsDialog *dialog,
                    KefuLead        *lead,
                    KefuIntakePane  *self)
{
  _kefu_intake_pane_start_lead_order (self, lead);
}

static void
leads_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);
  AdwDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = kefu_leads_dialog_new (self->store);
  g_signal_connect_object (dialog, "make-order-call", G_CALLBACK (make_order_call_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
out_of_area_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);

  if (self->store == NULL)
    return;

  adw_dialog_present (kefu_out_of_area_dialog_new (self->store), widget);
}

void
_kefu_intake_pane_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "intake.new-call", NULL, new_call_action);
  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "intake.discard-restored", NULL,
                                   discard_restored_action);
  gtk_widget_class_install_action (widget_class, "intake.restore-kept", NULL, restore_kept_action);
  gtk_widget_class_install_action (widget_class, "intake.copy-reference", NULL,
                                   copy_reference_action);
  gtk_widget_class_install_action (widget_class, "intake.hand-over", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "intake.leads", NULL, leads_action);
  gtk_widget_class_install_action (widget_class, "intake.out-of-area", NULL, out_of_area_action);

  /* Escape goes last, after a focused field, list or popover had the chance to use it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.discard", NULL);
}

void
_kefu_intake_pane_add_shortcuts (KefuIntakePane *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    /* Before any field sees them: a multi-line field would take Ctrl+Enter as a new line. */
    { "<Control>s|<Control>Return|<Control>KP_Enter", "intake.save" },
    { "<Control>n", "intake.new-call" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
