/* kefu-complaint-page-sections.c: the detail page's head and sections, filled from what was
 * read: the call as captured, the routing with who acknowledged when, the deadlines, visits,
 * the resolution and callback, the complaints about the same batch, the timeline and the
 * customer's history.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-complaint-flow.h"
#include "core/kefu-enums.h"
#include "core/kefu-event.h"
#include "widgets/kefu-value-row.h"

#include "kefu-complaint-page-private.h"
#include "kefu-detail-format.h"

/* A value row: the title above, the value below, selectable so it can be copied. Empty values
 * are left out: an empty row says nothing. */
static GtkWidget *
add_value_row (GtkListBox *list,
               const char *title,
               const char *value)
{
  return kefu_value_row_add (list, title, value);
}

/* A row with the title as the main text and a note under it. */
static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
  return row;
}

static void
set_state_class (GtkWidget         *widget,
                 KefuDeadlineState  state)
{
  static const char * const classes[] = { "success", "warning", "error" };
  const char *wanted = kefu_detail_deadline_style_class (state);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

/* The department id in an event's details ({"department":{"id":3,…}}), 0 when there is none.
 * The details are written by the store as JSON objects; both backends print numbers plainly,
 * with or without a space after the colon. */
static gint64
event_department_id (KefuEvent *event)
{
  const char *details = kefu_event_get_details (event);
  const char *p;

  if (details == NULL || (p = strstr (details, "\"department\"")) == NULL)
    return 0;
  if ((p = strstr (p, "\"id\"")) == NULL)
    return 0;
  p += strlen ("\"id\"");
  while (*p == ' ' || *p == ':')
    p++;
  return g_ascii_strtoll (p, NULL, 10);
}

KefuEvent *
_kefu_complaint_page_find_event (KefuComplaintPage *self,
                                 const char        *action,
                                 gint64             department_id)
{
  guint n;

  if (self->timeline == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->timeline);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (self->timeline, i - 1);

      if (g_strcmp0 (kefu_event_get_action (event), action) != 0)
        continue;
      if (department_id > 0 && event_department_id (event) != department_id)
        continue;
      /* The model holds the event. */
      return event;
    }
  return NULL;
}

void
_kefu_complaint_page_show_head (KefuComplaintPage *self)
{
  KefuComplaintCard *card = self->card;
  const char *customer = kefu_complaint_card_get_customer_name (card);
  const char *subject = kefu_complaint_card_get_subject (card);
  const char *owner = kefu_complaint_card_get_owner_name (card);
  KefuComplaintDeadline due_kind = kefu_complaint_card_get_due_kind (card);
  GDateTime *due_at = kefu_complaint_card_get_due_at (card);
  KefuEscalationLevel level = kefu_complaint_card_get_escalation (card);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *owner_text = NULL;

  /* Translators: the heading of a complaint's page: the reference and the customer,
   * "TS-20261127-0001 · 张三". */
  heading = g_strdup_printf (_("%s · %s"), kefu_complaint_card_get_reference (card),
                             customer != NULL && *customer != '\0' ? customer : _("Unknown caller"));
  gtk_label_set_label (self->heading_label, heading);

  /* Translators: under a complaint's heading: its category and what it is about,
   * "Product quality · 酸奶". */
  summary = g_strdup_printf (_("%s · %s"),
                             kefu_complaint_category_get_display_name (kefu_complaint_card_get_category (card)),
                             subject != NULL ? subject : "");
  gtk_label_set_label (self->summary_label, summary);

  gtk_widget_set_visible (GTK_WIDGET (self->urgent_label), kefu_complaint_card_get_urgent (card));
  gtk_label_set_label (self->stage_label,
                       kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)));

  if (due_kind != KEFU_COMPLAINT_DEADLINE_NONE && due_at != NULL)
    {
      KefuDeadlineState state = kefu_complaint_card_get_deadline_state (card, now);
      g_autofree char *left = kefu_detail_format_time_left (due_at, now);
      g_autofree char *text = NULL;

      /* Translators: the deadline badge: the deadline's kind and the time left,
       * "Resolve: 2 h 10 min left", "Acknowledge: Overdue 3 h". */
      text = g_strdup_printf (_("%s: %s"), kefu_detail_deadline_name (due_kind), left);
      gtk_label_set_label (self->deadline_label, text);
      gtk_image_set_from_icon_name (self->deadline_icon, kefu_detail_deadline_icon_name (state));
      set_state_class (GTK_WIDGET (self->deadline_box), state);
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_box), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->deadline_box), FALSE);

  gtk_label_set_label (self->escalation_label, kefu_detail_escalation_name (level));
  gtk_widget_set_visible (GTK_WIDGET (self->escalation_label), level != KEFU_ESCALATION_NONE);

  /* Translators: the clerk who owns a complaint to the end (谁先接待谁负责到底). */
  owner_text = g_strdup_printf (_("Owner: %s"), owner != NULL && *owner != '\0' ? owner : "—");
  gtk_label_set_label (self->owner_label, owner_text);
}

static const char *
product_name (KefuComplaintPage *self,
              gint64             product_id)
{
  guint n = self->products != NULL ? g_list_model_get_n_items (self->products) : 0;

  for (guint i = 0; product_id > 0 && i < n; i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (self->products, i);

      if (kefu_record_get_id (KEFU_RECORD (product)) == product_id)
        return kefu_product_get_name (product);
    }
  return NULL;
}

static void
show_intake (KefuComplaintPage *self)
{
  KefuCall *call = self->call;
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  g_autofree char *received = kefu_detail_format_local_time (kefu_call_get_received_at (call));

  gtk_list_box_remove_all (self->intake_list);
  add_value_row (self->intake_list, C_("caller", "Name"), kefu_call_get_caller_name (call));
  add_value_row (self->intake_list, _("Phone"), kefu_call_get_phone (call));
  add_value_row (self->intake_list, _("Address"), kefu_call_get_address (call));

  if (complaint != NULL)
    {
      KefuComplaintCategory category = kefu_complaint_get_category (complaint);
      const GDate *date = kefu_complaint_get_production_date (complaint);

      add_value_row (self->intake_list, _("Complaint About"), kefu_complaint_get_subject (complaint));
      add_value_row (self->intake_list, _("Reason, in the Caller’s Words"),
                     kefu_complaint_get_reason (complaint));
      if (!kefu_complaint_get_well_founded (complaint))
        add_value_row (self->intake_list, _("How It Was Explained to the Caller"),
                       kefu_complaint_get_explanation (complaint));
      if (kefu_complaint_get_harmed (complaint))
        {
          GtkWidget *row = add_value_row (self->intake_list, _("Customer Harmed or Hospitalised"),
                                          /* Translators: the value of "Customer Harmed or Hospitalised". */
                                          _("Yes: the most urgent case"));
          gtk_widget_add_css_class (row, "kefu-urgent");
          gtk_widget_add_css_class (row, "kefu-active");
        }
      add_value_row (self->intake_list, _("Problem With"),
                     category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED
                       ? kefu_complaint_category_get_display_name (category) : NULL);
      if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
        {
          KefuProductSymptom symptom = kefu_complaint_get_symptom (complaint);

          add_value_row (self->intake_list, _("Product"),
                         product_name (self, kefu_complaint_get_product_id (complaint)));
          add_value_row (self->intake_list, _("Symptom"),
                         symptom != KEFU_PRODUCT_SYMPTOM_UNSPECIFIED
                           ? kefu_product_symptom_get_display_name (symptom) : NULL);
          add_value_row (self->intake_list, _("How It Was Bought"),
                         kefu_complaint_get_purchase_method (complaint));
          add_value_row (self->intake_list, _("Where It Was Bought"),
                         kefu_complaint_get_purchase_place (complaint));
          add_value_row (self->intake_list, _("Batch Number"),
                         kefu_complaint_get_batch_number (complaint));
          if (date != NULL && g_date_valid (date))
            {
              char text[32];

              g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
              /* Translators: 出厂日期. */
              add_value_row (self->intake_list, _("Production Date"), text);
            }
        }
      else if (category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
        {
          KefuServiceIssue issue = kefu_complaint_get_service_issue (complaint);

          add_value_row (self->intake_list, _("What Went Wrong"),
                         issue != KEFU_SERVICE_ISSUE_UNSPECIFIED
                           ? kefu_service_issue_get_display_name (issue) : NULL);
          add_value_row (self->intake_list, _("Staff Name or Number"),
                         kefu_complaint_get_staff_identity (complaint));
          add_value_row (self->intake_list, _("Place of Work"),
                         kefu_complaint_get_work_place (complaint));
          add_value_row (self->intake_list, _("Manner of Work"),
                         kefu_complaint_get_work_manner (complaint));
        }
    }

  add_value_row (self->intake_list, _("Notes"), kefu_call_get_notes (call));
  add_value_row (self->intake_list, _("Received"), received);
  add_value_row (self->intake_list, _("Clerk"), kefu_call_get_clerk_name (call));

  /* Why it cannot be corrected, in the rules' own words: resolved already, or not this
   * person's to change. */
  if (self->staff != NULL && !_kefu_complaint_page_can_edit (self))
    {
      KefuComplaintActor actor;
      g_autoptr(GError) error = NULL;

      _kefu_complaint_page_get_actor (self, &actor);
      kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_EDIT_DETAILS,
                                 kefu_complaint_card_get_stage (self->card), &actor, NULL, &error);
      adw_preferences_group_set_description (self->intake_group,
                                             error != NULL ? error->message : NULL);
    }
  else
    adw_preferences_group_set_description (self->intake_group, NULL);
}

static void
show_routes (KefuComplaintPage *self)
{
  KefuComplaint *complaint = kefu_call_get_complaint (self->call);
  GPtrArray *routes = complaint != NULL ? kefu_complaint_get_routes (complaint) : NULL;
  KefuComplaintStage stage = kefu_complaint_card_get_stage (self->card);

  gtk_list_box_remove_all (self->routes_list);

  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      KefuComplaintRoute *route = routes->pdata[i];
      KefuEvent *event = _kefu_complaint_page_find_event (self, "acknowledged",
                                                          route->department_id);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (event != NULL)
        {
          g_autofree char *when = kefu_detail_format_local_time (kefu_event_get_created_at (event));

          /* Translators: under a routed department: "Acknowledged by 王芳 at 2026-11-27 10:02". */
          subtitle = g_strdup_printf (_("Acknowledged by %s at %s"),
                                      kefu_event_get_staff_name (event), when);
        }
      else if (stage == KEFU_COMPLAINT_STAGE_ROUTED || stage == KEFU_COMPLAINT_STAGE_REOPENED)
        subtitle = g_strdup (_("Waiting for the department to acknowledge"));
      else
        subtitle = g_strdup (_("Not acknowledged"));

      row = add_row (self->routes_list, route->department_name, subtitle);
      icon = gtk_image_new_from_icon_name (event != NULL ? "object-select-symbolic"
                                                         : "alarm-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      subtitle, -1);
      if (event != NULL)
        gtk_widget_add_css_class (icon, "success");
      else
        gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  if (routes == NULL || routes->len == 0)
    add_row (self->routes_list, _("Not routed yet"),
             _("A team lead or manager routes it to the departments that must handle it."));
}

static void
add_deadline_row (KefuComplaintPage     *self,
                  KefuComplaintDeadline  kind,
                  const char            *done_action,
                  const char            *not_started)
{
  KefuComplaintCard *card = self->card;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *subtitle = NULL;
  KefuDeadlineState state = KEFU_DEADLINE_STATE_NONE;
  KefuEvent *done;
  GtkWidget *row;

  done = _kefu_complaint_page_find_event (self, done_action, 0);
  if (kefu_complaint_card_get_due_kind (card) == kind && kefu_complaint_card_get_due_at (card) != NULL)
    {
      GDateTime *due = kefu_complaint_card_get_due_at (card);
      g_autofree char *when = kefu_detail_format_local_time (due);
      g_autofree char *left = kefu_detail_format_time_left (due, now);

      state = kefu_complaint_card_get_deadline_state (card, now);
      /* Translators: a running deadline: "Due 2026-11-28 17:30 · 2 h 10 min left". */
      subtitle = g_strdup_printf (_("Due %s · %s"), when, left);
    }
  else if (done != NULL)
    {
      g_autofree char *when = kefu_detail_format_local_time (kefu_event_get_created_at (done));

      /* Translators: a deadline met: "Done 2026-11-27 10:02". */
      subtitle = g_strdup_printf (_("Done %s"), when);
    }
  else
    subtitle = g_strdup (not_started);

  row = add_row (self->deadlines_list, kefu_detail_deadline_name (kind), subtitle);
  if (state != KEFU_DEADLINE_STATE_NONE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (kefu_detail_deadline_icon_name (state));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      subtitle, -1);
      set_state_class (icon, state);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      set_state_class (row, state);
    }
}

static void
show_deadlines (KefuComplaintPage *self)
{
  KefuComplaintStage stage = kefu_complaint_card_get_stage (self->card);

  gtk_list_box_remove_all (self->deadlines_list);

  if (stage == KEFU_COMPLAINT_STAGE_EXPLAINED)
    {
      add_row (self->deadlines_list, _("No deadlines"),
               _("The complaint was explained to the caller and closed at intake."));
      return;
    }

  if (stage == KEFU_COMPLAINT_STAGE_NEW
      || kefu_complaint_card_get_due_kind (self->card) == KEFU_COMPLAINT_DEADLINE_ROUTE)
    add_deadline_row (self, KEFU_COMPLAINT_DEADLINE_ROUTE, "routed", NULL);
  add_deadline_row (self, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, "acknowledged",
                    kefu_complaint_card_get_harmed (self->card)
                      ? _("Within 30 minutes of routing, at any hour: the customer was harmed")
                      : _("Starts once the complaint is routed"));
  add_deadline_row (self, KEFU_COMPLAINT_DEADLINE_RESOLVE, "resolved",
                    _("Starts once a department acknowledges the complaint"));
  add_deadline_row (self, KEFU_COMPLAINT_DEADLINE_CALLBACK, "called-back",
                    _("Starts once the resolution is recorded"));
}

static void
show_visits (KefuComplaintPage *self)
{
  gboolean harmed = kefu_complaint_card_get_harmed (self->card);
  guint n = self->visits != NULL ? self->visits->len : 0;

  gtk_list_box_remove_all (self->visits_list);
  /* Visits are for harmed customers first, but anyone may go and see a customer while the
   * complaint is open; a closed one shows the visits it had. */
  gtk_widget_set_visible (GTK_WIDGET (self->visits_group),
                          harmed || n > 0
                          || kefu_complaint_stage_is_open (kefu_complaint_card_get_stage (self->card)));

  for (guint i = 0; i < n; i++)
    {
      KefuComplaintVisit *visit = self->visits->pdata[i];
      g_autofree char *when = kefu_detail_format_local_time (visit->visited_at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: a visit: when, the outcome, and who recorded it:
       * "2026-11-27 11:00 · 已送医检查,情况稳定 (recorded by 王芳)". */
      subtitle = g_strdup_printf (_("%s · %s (recorded by %s)"), when,
                                  visit->outcome != NULL ? visit->outcome : "",
                                  visit->recorded_by_name != NULL ? visit->recorded_by_name : "—");
      row = add_row (self->visits_list, visit->visitors, subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  if (n == 0 && harmed)
    {
      GtkWidget *row = add_row (self->visits_list, _("No visit recorded yet"),
                                _("A harmed customer is visited at once by the CS centre and the GM office; the resolution needs a visit recorded first."));
      gtk_widget_add_css_class (row, "warning");
    }
  else if (n == 0)
    add_row (self->visits_list, _("No visit recorded"), NULL);
}

static void
show_outcome (KefuComplaintPage *self)
{
  const char *resolution = kefu_complaint_card_get_resolution (self->card);
  const char *words = kefu_complaint_card_get_customer_words (self->card);
  KefuSatisfaction satisfaction = kefu_complaint_card_get_satisfaction (self->card);
  KefuEvent *resolved = _kefu_complaint_page_find_event (self, "resolved", 0);
  GtkWidget *row;

  gtk_list_box_remove_all (self->outcome_list);

  if (resolution != NULL && *resolution != '\0')
    {
      g_autofree char *title = NULL;

      if (resolved != NULL)
        {
          g_autofree char *when = kefu_detail_format_local_time (kefu_event_get_created_at (resolved));

          /* Translators: "Resolution by 李强, 2026-11-28 15:00". */
          title = g_strdup_printf (_("Resolution by %s, %s"), kefu_event_get_staff_name (resolved), when);
        }
      row = add_value_row (self->outcome_list, title != NULL ? title : _("Resolution"), resolution);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  else
    add_row (self->outcome_list, _("Not resolved yet"),
             _("A routed department records the resolution once the complaint is handled."));

  if (satisfaction != KEFU_SATISFACTION_UNSPECIFIED)
    {
      g_autofree char *value = NULL;

      if (words != NULL && *words != '\0')
        /* Translators: the callback result and the customer's words: "So-so: “送货还是慢”". */
        value = g_strdup_printf (_("%s: “%s”"), kefu_detail_satisfaction_name (satisfaction), words);
      else
        value = g_strdup (kefu_detail_satisfaction_name (satisfaction));
      row = add_value_row (self->outcome_list, _("Callback"), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (satisfaction == KEFU_SATISFACTION_NOT_SATISFIED)
        gtk_widget_add_css_class (row, "error");
    }
  else
    add_row (self->outcome_list, _("Not called back yet"),
             _("The owner calls the customer back within three days of the resolution."));
}

static void
show_batch (KefuComplaintPage *self)
{
  const char *batch = kefu_complaint_card_get_batch_number (self->card);
  guint n = self->linked != NULL ? self->linked->len : 0;
  g_autofree char *title = NULL;

  gtk_list_box_remove_all (self->batch_list);
  gtk_widget_set_visible (GTK_WIDGET (self->batch_group), batch != NULL && *batch != '\0');
  if (batch == NULL || *batch == '\0')
    return;

  /* Translators: the heading of the complaints about one batch: "Batch B2026-1127 (3 more)". */
  if (n > 0)
    title = g_strdup_printf (ngettext ("Batch %s (%u more)", "Batch %s (%u more)", n), batch, n);
  else
    /* Translators: the heading of the complaints about one batch when there are no others. */
    title = g_strdup_printf (_("Batch %s"), batch);
  adw_preferences_group_set_title (self->batch_group, title);
  adw_preferences_group_set_description (self->batch_group,
                                         kefu_complaint_card_get_batch_flagged (self->card)
                                           ? _("Flagged to the QC manager as a possible quality incident.")
                                           : NULL);

  for (guint i = 0; i < n; i++)
    {
      KefuComplaintCard *other = self->linked->pdata[i];
      g_autofree char *title_text = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *when = kefu_detail_format_local_time (kefu_complaint_card_get_received_at (other));
      GtkWidget *row;

      title_text = g_strdup_printf (_("%s · %s"), kefu_complaint_card_get_reference (other),
                                    kefu_complaint_card_get_customer_name (other));
      subtitle = g_strdup_printf (_("%s · %s"),
                                  kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (other)),
                                  when);
      row = add_row (self->batch_list, title_text, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "kefu-complaint-id",
                         GSIZE_TO_POINTER ((gsize) kefu_complaint_card_get_id (other)));
    }

  if (n == 0)
    add_row (self->batch_list, _("No other complaint about this batch"), NULL);
}

void
_kefu_complaint_page_show_sections (KefuComplaintPage *self)
{
  /* An intake edit in progress keeps what was typed; the view behind it follows the store. */
  show_intake (self);
  show_routes (self);
  show_deadlines (self);
  show_visits (self);
  show_outcome (self);
  show_batch (self);
  kefu_complaint_timeline_view_set_events (self->timeline_view, self->timeline);
  if (kefu_customer_history_view_get_customer_id (self->history_view)
      == kefu_complaint_card_get_customer_id (self->card))
    kefu_customer_history_view_reload (self->history_view);
  else
    kefu_customer_history_view_set_customer_id (self->history_view,
                                                kefu_complaint_card_get_customer_id (self->card));
}
