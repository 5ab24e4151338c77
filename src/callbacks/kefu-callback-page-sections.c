/* kefu-callback-page-sections.c: the callback page's heading and sections, filled from the last
 * read: the customer, the callback (reason, topic, due time, the "within three days" deadline,
 * who it is assigned to), the record it follows, the earlier attempts, the record once done,
 * the script, and the quiet-hour warning.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-page"

#include "config.h"

#include <glib/gi18n.h>

#include "complaints/kefu-detail-format.h"
#include "core/kefu-complaint-card.h"
#include "core/kefu-enums.h"
#include "core/kefu-phone.h"
#include "core/kefu-service-job.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-shipment.h"
#include "widgets/kefu-value-row.h"

#include "kefu-callback-page-private.h"

/* A flat icon button at the end of `row` running `action` (with `id` when positive). */
static void
add_row_button (GtkWidget  *row,
                const char *icon_name,
                const char *label,
                const char *action,
                gint64      id)
{
  GtkWidget *button;

  if (row == NULL)
    return;
  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* The target first: an action name without it would be checked against the wrong type. */
  if (id > 0)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
add_badge (GtkWidget  *row,
           const char *text,
           const char *style)
{
  GtkWidget *badge;

  if (row == NULL)
    return;
  badge = gtk_label_new (text);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "kefu-badge");
  gtk_widget_add_css_class (badge, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
}

/* "2026-11-27 14:30 · 王芳", or the time alone. */
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
  /* Translators: when something happened on a callback and who did it. */
  return g_strdup_printf (_("%s · %s"), time, who);
}

static void
finish_group (AdwPreferencesGroup *group,
              GtkListBox          *list)
{
  gtk_widget_set_visible (GTK_WIDGET (group),
                          gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

static void
show_heading (KefuCallbackPage *self)
{
  KefuCallback *callback = self->callback;
  const char *reason = kefu_callback_reason_get_display_name (callback->reason);
  g_autofree char *subheading = NULL;

  gtk_label_set_label (self->heading_label, callback->customer_name);
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), callback->customer_name);
  gtk_widget_set_visible (GTK_WIDGET (self->member_label), callback->customer_is_member);
  if (callback->topic != NULL && *callback->topic != '\0')
    /* Translators: a callback's reason and topic: "售后回访 · 上门维修". */
    subheading = g_strdup_printf (_("%s · %s"), reason, callback->topic);
  gtk_label_set_label (self->subheading_label, subheading != NULL ? subheading : reason);
}

/* The phone, to dial at a glance and to copy into the softphone. */
static void
show_phone (KefuCallbackPage *self)
{
  KefuCallback *callback = self->callback;
  gboolean has_phone = callback->customer_phone != NULL && *callback->customer_phone != '\0';
  g_autofree char *phone = NULL;

  if (has_phone)
    /* Written as everywhere else ("139 1234 5678"), the stored digits otherwise. */
    phone = kefu_phone_format (callback->customer_phone);
  gtk_label_set_label (self->phone_label,
                       has_phone ? (phone != NULL ? phone : callback->customer_phone)
                                 : _("No phone number on record"));
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), has_phone);
}

static void
show_details (KefuCallbackPage *self)
{
  KefuCallback *callback = self->callback;
  g_autoptr(GDateTime) now = _kefu_callback_page_now (self);
  g_autofree char *due = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *escalated = NULL;
  GtkWidget *row;

  gtk_list_box_remove_all (self->details_list);
  gtk_widget_set_visible (GTK_WIDGET (self->late_label), FALSE);
  kefu_value_row_add (self->details_list, C_("callback field", "Reason"),
           kefu_callback_reason_get_display_name (callback->reason));
  kefu_value_row_add (self->details_list, C_("callback field", "Topic"), callback->topic);
  kefu_value_row_add (self->details_list, C_("callback field", "Campaign"),
                      callback->campaign_name);
  kefu_value_row_add (self->details_list, C_("callback field", "Method"),
           kefu_callback_method_get_display_name (callback->method));
  kefu_value_row_add (self->details_list, C_("callback field", "Assigned To"),
           callback->assigned_to > 0 ? callback->assigned_to_name
                                     /* Translators: a callback assigned to no one clerk. */
                                     : _("The team"));
  if (self->own_quiet != NULL && *self->own_quiet != '\0')
    /* Translators: a customer's own rest times, as ranges ("00:00-10:00"). */
    kefu_value_row_add (self->details_list, _("Own Rest Times"), self->own_quiet);
  if (self->own_preferred != NULL && *self->own_preferred != '\0')
    /* Translators: the times a customer prefers to be called, as ranges ("18:00-20:30"). */
    kefu_value_row_add (self->details_list, _("Prefers to Be Called"), self->own_preferred);
  if (callback->state != KEFU_CALLBACK_STATE_DUE)
    kefu_value_row_add (self->details_list, C_("callback field", "State"),
             kefu_callback_state_get_display_name (callback->state));

  due = kefu_detail_format_local_time (callback->due_at);
  kefu_value_row_add (self->details_list, C_("callback field", "Due"), due);
  agreed = kefu_detail_format_local_time (callback->agreed_at);
  /* Translators: the time the customer asked to be called. */
  kefu_value_row_add (self->details_list, _("Agreed With the Customer"), agreed);

  if (callback->deadline_at != NULL)
    {
      g_autofree char *time = kefu_detail_format_local_time (callback->deadline_at);
      gboolean open = callback->state == KEFU_CALLBACK_STATE_DUE;
      gboolean late = open && g_date_time_compare (now, callback->deadline_at) > 0;

      if (open)
        {
          g_autofree char *left = kefu_detail_format_time_left (callback->deadline_at, now);

          /* Translators: the deadline of a callback and the time left to it ("2 h left") or
           * past it ("Overdue 3 h"). */
          deadline = g_strdup_printf (_("%s · %s"), time, left);
        }
      /* Translators: 三天之内回访, the callback's deadline. */
      row = kefu_value_row_add (self->details_list, _("Within Three Days"),
                                deadline != NULL ? deadline : time);
      gtk_widget_set_visible (GTK_WIDGET (self->late_label), late);
      if (late)
        {
          /* Colour and words: the row says "Overdue", the badge "Late". */
          gtk_widget_add_css_class (row, "error");
          add_badge (row, C_("callback deadline", "Late"), "error");
        }
    }

  if (callback->escalated_at != NULL && callback->state == KEFU_CALLBACK_STATE_DUE)
    {
      escalated = kefu_detail_format_local_time (callback->escalated_at);
      /* Translators: the attempts ran out and the callback waits for the team lead. */
      row = kefu_value_row_add (self->details_list, _("Listed for the Lead"), escalated);
      add_badge (row, C_("callback", "Attempts ran out"), "warning");
    }
}

/* The service's day for the script's {date}: when the record it follows happened, else when
 * the callback was made. */
static void
service_day (KefuCallbackPage *self,
             GDate            *day)
{
  GDateTime *at = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (KEFU_IS_COMPLAINT_CARD (self->source))
    {
      KefuComplaintCard *card = KEFU_COMPLAINT_CARD (self->source);

      /* A resolved complaint was resolved when its stage began; a later one, received. */
      at = kefu_complaint_card_get_stage (card) == KEFU_COMPLAINT_STAGE_RESOLVED
             ? kefu_complaint_card_get_stage_since (card)
             : kefu_complaint_card_get_received_at (card);
    }
  else if (KEFU_IS_SERVICE_JOB (self->source))
    at = KEFU_SERVICE_JOB (self->source)->completed_at;
  else if (KEFU_IS_SHIPMENT (self->source))
    {
      KefuShipment *shipment = KEFU_SHIPMENT (self->source);

      at = shipment->received_at != NULL ? shipment->received_at : shipment->delivered_at;
    }
  if (at == NULL)
    at = self->callback->created_at;

  g_date_clear (day, 1);
  if (at == NULL)
    return;
  local = g_date_time_to_local (at);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static void
show_source (KefuCallbackPage *self)
{
  KefuCallback *callback = self->callback;
  GtkWidget *row = NULL;

  gtk_list_box_remove_all (self->source_list);

  if (KEFU_IS_COMPLAINT_CARD (self->source))
    {
      KefuComplaintCard *card = KEFU_COMPLAINT_CARD (self->source);
      g_autofree char *resolved = NULL;

      row = kefu_value_row_add (self->source_list, C_("callback source", "Complaint"),
                     kefu_complaint_card_get_reference (card));
      add_row_button (row, "go-next-symbolic", _("Open the Complaint"), "app.open-complaint",
                      kefu_complaint_card_get_id (card));
      kefu_value_row_add (self->source_list, C_("callback source", "Complaint Reason"),
               kefu_complaint_card_get_reason (card));
      kefu_value_row_add (self->source_list, C_("callback source", "Stage"),
               kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)));
      kefu_value_row_add (self->source_list, C_("callback source", "Resolution"),
               kefu_complaint_card_get_resolution (card));
      if (kefu_complaint_card_get_stage (card) == KEFU_COMPLAINT_STAGE_RESOLVED)
        resolved = kefu_detail_format_local_time (kefu_complaint_card_get_stage_since (card));
      kefu_value_row_add (self->source_list, C_("callback source", "Resolved"), resolved);
    }
  else if (KEFU_IS_SERVICE_JOB (self->source))
    {
      KefuServiceJob *job = KEFU_SERVICE_JOB (self->source);
      g_autofree char *heading = NULL;
      g_autofree char *result = NULL;
      g_autofree char *completed = when_who (job->completed_at, job->completed_by_name);
      const char *fixed = job->fixed ? C_("service result", "Fixed")
                                     : C_("service result", "Not fixed");

      /* Translators: a service job's reference and kind: "SH-20261127-0002 · 上门维修". */
      heading = g_strdup_printf (_("%s · %s"), job->reference,
                                 kefu_job_kind_get_display_name (job->kind));
      row = kefu_value_row_add (self->source_list, C_("callback source", "Service Job"), heading);
      add_row_button (row, "go-next-symbolic", _("Open the Service Job"), "win.open-job",
                      job->id);
      kefu_value_row_add (self->source_list, C_("callback source", "Product"), job->product_name);
      kefu_value_row_add (self->source_list, C_("callback source", "Work Done"), job->work_done);
      kefu_value_row_add (self->source_list, C_("callback source", "Parts Used"), job->parts_used);
      if (job->completed_at != NULL)
        {
          if (job->result_note != NULL && *job->result_note != '\0')
            /* Translators: a service job's result and its note: "已修复 · 更换了主板". */
            result = g_strdup_printf (_("%s · %s"), fixed, job->result_note);
          kefu_value_row_add (self->source_list, C_("callback source", "Result"),
                   result != NULL ? result : fixed);
        }
      kefu_value_row_add (self->source_list, C_("callback source", "Customer’s Comment"),
               job->customer_comment);
      kefu_value_row_add (self->source_list, C_("callback source", "Completed"), completed);
    }
  else if (KEFU_IS_SHIPMENT (self->source))
    {
      KefuShipment *shipment = KEFU_SHIPMENT (self->source);
      g_autofree char *delivered = kefu_detail_format_local_time (shipment->delivered_at);
      g_autofree char *received = kefu_detail_format_local_time (shipment->received_at);

      row = kefu_value_row_add (self->source_list, C_("callback source", "Shipment"),
                                shipment->reference);
      add_row_button (row, "go-next-symbolic", _("Open the Shipment"), "win.open-shipment",
                      shipment->id);
      kefu_value_row_add (self->source_list, C_("callback source", "Delivered"), delivered);
      kefu_value_row_add (self->source_list, C_("callback source", "Receipt Confirmed"), received);
    }
  else if (callback->source_reference != NULL)
    /* A record the page cannot read (a lead) still says which it is. */
    kefu_value_row_add (self->source_list, C_("callback source", "Record"),
                        callback->source_reference);

  finish_group (self->source_group, self->source_list);
}

static void
show_attempts (KefuCallbackPage *self)
{
  GPtrArray *attempts = self->callback->attempts;

  gtk_list_box_remove_all (self->attempts_list);
  for (guint i = 0; attempts != NULL && i < attempts->len; i++)
    {
      KefuCallbackAttempt *attempt = attempts->pdata[i];
      g_autofree char *title = NULL;
      g_autofree char *when = when_who (attempt->at, attempt->by_name);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: what one attempt at a callback came to and how: "无人接听 · 电话". */
      title = g_strdup_printf (_("%s · %s"),
                               kefu_callback_outcome_get_display_name (attempt->outcome),
                               kefu_callback_method_get_display_name (attempt->method));
      if (attempt->note != NULL && *attempt->note != '\0')
        /* Translators: when and by whom an attempt was made, then the clerk's note. */
        subtitle = g_strdup_printf (_("%s\n%s"), when != NULL ? when : "", attempt->note);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : when);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
      gtk_list_box_append (self->attempts_list, row);
    }
  finish_group (self->attempts_group, self->attempts_list);
}

/* The record of a callback that is done (or cancelled), instead of the form. */
static void
show_record (KefuCallbackPage *self)
{
  KefuCallback *callback = self->callback;
  g_autofree char *done = NULL;

  gtk_list_box_remove_all (self->record_list);
  if (callback->state == KEFU_CALLBACK_STATE_DONE)
    {
      done = when_who (callback->done_at, callback->done_by_name);
      kefu_value_row_add (self->record_list, C_("callback field", "Outcome"),
               kefu_callback_outcome_get_display_name (callback->outcome));
      if (callback->satisfaction != KEFU_SATISFACTION_UNSPECIFIED)
        kefu_value_row_add (self->record_list, C_("callback field", "Satisfaction"),
                 kefu_satisfaction_get_display_name (callback->satisfaction));
      kefu_value_row_add (self->record_list, C_("callback field", "The Customer’s Words"),
               callback->customer_words);
      kefu_value_row_add (self->record_list, C_("callback field", "Done"), done);
    }
  else if (callback->state == KEFU_CALLBACK_STATE_CANCELLED)
    kefu_value_row_add (self->record_list, C_("callback field", "Cancelled"),
             callback->cancel_reason != NULL ? callback->cancel_reason
                          : kefu_callback_state_get_display_name (callback->state));
  finish_group (self->record_group, self->record_list);
}

/* The script */

static const struct
{
  const char *caption;
  gboolean    branch_satisfied;   /* shown for a satisfied answer */
  gboolean    branch_unsatisfied; /* shown for a so-so or not satisfied answer */
} script_parts[KEFU_SCRIPT_N_PARTS] = {
  /* Translators: the parts of the callback script (回访话术). */
  { N_("Opening"), TRUE, TRUE },
  { N_("Satisfaction Question"), TRUE, TRUE },
  { N_("If Satisfied: Ask for Suggestions"), TRUE, FALSE },
  { N_("Closing (Satisfied)"), TRUE, FALSE },
  { N_("If So-so or Not Satisfied: Ask What to Improve"), FALSE, TRUE },
  { N_("Closing (So-so or Not Satisfied)"), FALSE, TRUE },
};

/* What the script's {service} names: the callback's topic, else what the record it follows
 * was (the complaint's handling, the service job's kind, the delivery), else its reason. */
static const char *
script_service (KefuCallbackPage *self)
{
  KefuCallback *callback = self->callback;

  if (callback->topic != NULL && *callback->topic != '\0')
    return callback->topic;
  if (g_strcmp0 (callback->source_entity, "complaint") == 0)
    /* Translators: the script's {service} for a complaint callback, as in
     * "请问您对投诉处理满意吗". */
    return C_("callback script service", "handling of your complaint");
  if (KEFU_IS_SERVICE_JOB (self->source))
    return kefu_job_kind_get_display_name (KEFU_SERVICE_JOB (self->source)->kind);
  if (g_strcmp0 (callback->source_entity, "shipment") == 0)
    /* Translators: the script's {service} for a callback after a delivery (送货服务). */
    return C_("callback script service", "delivery");
  switch (callback->reason)
    {
    case KEFU_CALLBACK_REASON_AFTER_SERVICE:
      /* Translators: the script's {service} for an after-service callback (售后服务). */
      return C_("callback script service", "after-sales service");
    case KEFU_CALLBACK_REASON_AFTER_DELIVERY:
      return C_("callback script service", "delivery");
    case KEFU_CALLBACK_REASON_SURVEY:
      /* Translators: the script's {service} of a member satisfaction survey (产品和服务). */
      return C_("callback script service", "products and service");
    default:
      return kefu_callback_reason_get_display_name (callback->reason);
    }
}

void
_kefu_callback_page_fill_script (KefuCallbackPage  *self,
                                 char             **templates,
                                 const char        *company)
{
  KefuCallback *callback = self->callback;
  const char *clerk = NULL;
  const char *service;
  GDate day;
  GtkWidget *child;

  if (self->staff != NULL)
    clerk = kefu_staff_get_name (self->staff);
  if (clerk == NULL || *clerk == '\0')
    clerk = callback->assigned_to_name;
  service = script_service (self);
  service_day (self, &day);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->script_box))) != NULL)
    gtk_box_remove (self->script_box, child);

  for (guint i = 0; i < KEFU_SCRIPT_N_PARTS; i++)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      GtkWidget *part = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *caption = gtk_label_new (_(script_parts[i].caption));
      GtkWidget *text;

      g_free (self->scripts[i]);
      self->scripts[i] = kefu_callback_script_fill (templates[i] != NULL ? templates[i] : "",
                                                    callback->customer_name, company, clerk,
                                                    service, g_date_valid (&day) ? &day : NULL);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption-heading");
      gtk_widget_add_css_class (caption, "dim-label");

      /* Large enough to read aloud at a glance, and selectable to copy into an e-mail. */
      text = gtk_label_new (self->scripts[i]);
      pango_attr_list_insert (attrs, pango_attr_scale_new (1.3));
      gtk_label_set_attributes (GTK_LABEL (text), attrs);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      caption, NULL, -1);

      gtk_box_append (GTK_BOX (part), caption);
      gtk_box_append (GTK_BOX (part), text);
      gtk_box_append (self->script_box, part);
      self->script_parts[i] = part;
    }
  _kefu_callback_page_show_branch (self);
}

void
_kefu_callback_page_show_branch (KefuCallbackPage *self)
{
  KefuSatisfaction satisfaction = kefu_callback_record_form_get_satisfaction (self->form);

  /* Before an answer both branches are there to read ahead; after it, the one it leads to. */
  for (guint i = 0; i < KEFU_SCRIPT_N_PARTS; i++)
    {
      gboolean visible;

      if (self->script_parts[i] == NULL)
        continue;
      if (satisfaction == KEFU_SATISFACTION_SATISFIED)
        visible = script_parts[i].branch_satisfied;
      else if (satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
        visible = TRUE;
      else
        visible = script_parts[i].branch_unsatisfied;
      gtk_widget_set_visible (self->script_parts[i], visible);
    }
}

/* The quiet-hour warning */

/* The range of `ranges` holding `minute`, as "12:00–14:00"; NULL when none does. */
static char *
range_text (GArray *ranges,
            guint   minute)
{
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      KefuTimeRange *range = &g_array_index (ranges, KefuTimeRange, i);
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (KefuTimeRange));

      g_array_append_val (one, *range);
      if (kefu_time_ranges_contain (one, minute))
        {
          g_autofree char *start = kefu_setting_format_time_of_day (range->start);
          g_autofree char *end = kefu_setting_format_time_of_day (range->end
                                                                  % KEFU_MINUTES_PER_DAY);

          /* Translators: a range of times of day, "12:00–14:00". */
          return g_strdup_printf (_("%s–%s"), start, end);
        }
    }
  return NULL;
}

void
_kefu_callback_page_update_quiet (KefuCallbackPage *self)
{
  g_autoptr(GDateTime) now = _kefu_callback_page_now (self);
  g_autoptr(GDateTime) site_now = NULL;
  g_autofree char *range = NULL;
  gboolean quiet;
  guint minute;

  g_clear_pointer (&self->quiet_warning, g_free);
  /* A warning only where a call is about to be made; the call is not blocked. */
  quiet = self->rules != NULL && self->callback != NULL && !self->recorded
          && self->callback->state == KEFU_CALLBACK_STATE_DUE
          && self->read_only_reason == NULL
          && kefu_callback_time_is_quiet (self->rules, self->prefs, now);
  if (quiet)
    {
      site_now = g_date_time_to_timezone (now, kefu_callback_rules_get_timezone (self->rules));
      minute = g_date_time_get_hour (site_now) * 60 + g_date_time_get_minute (site_now);
      range = range_text (kefu_callback_rules_get_quiet_hours (self->rules), minute);
      if (range == NULL && self->prefs != NULL)
        range = range_text (self->prefs->quiet, minute);
      if (range != NULL)
        /* Translators: a warning before a callback; the times are the rest time now. */
        self->quiet_warning =
          g_strdup_printf (_("It is the customer’s rest time (%s): call later unless they agreed"),
                           range);
      else
        self->quiet_warning =
          g_strdup (_("It is the customer’s rest time: call later unless they agreed"));
    }
  adw_banner_set_title (self->quiet_banner, self->quiet_warning != NULL ? self->quiet_warning : "");
  adw_banner_set_revealed (self->quiet_banner, quiet);
}

void
_kefu_callback_page_show_sections (KefuCallbackPage *self)
{
  g_return_if_fail (self->callback != NULL);

  show_heading (self);
  show_phone (self);
  show_details (self);
  show_source (self);
  show_attempts (self);
  show_record (self);
  gtk_widget_set_visible (GTK_WIDGET (self->script_group),
                          self->callback->state == KEFU_CALLBACK_STATE_DUE && !self->recorded);
  _kefu_callback_page_update_quiet (self);
}
