/* kefu-callback-lead-page.c: the lead's page of the callback calendar. Everything it shows is
 * read in one run on the store's worker (the escalated callbacks, the rules, the coverage of
 * this survey period, the first members not yet called back with their names, the clerks); the
 * lead's changes (retry, assign, cancel) each run one store call there and read again.
 * "Close as Unreachable" opens the callback's page ("callbacks.open"), which records it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-lead-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-callback-rules.h"
#include "core/kefu-enums.h"
#include "core/kefu-report-period.h"
#include "store/kefu-store-callbacks.h"

#include "kefu-callback-campaign-dialog.h"
#include "kefu-callback-lead-page.h"

/* The members not yet called back that the page names. */
#define UNCOVERED_SHOWN 200

struct _KefuCallbackLeadPage
{
  AdwNavigationPage parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *campaign_button;
  GtkLabel        *error_label;
  GtkListBox      *escalated_list;
  GtkLabel        *coverage_label;
  GtkLevelBar     *coverage_bar;
  GtkListBox      *uncovered_list;

  KefuStore    *store;
  KefuStaff    *staff;
  GCancellable *cancellable;
  guint         busy;
  GHashTable   *versions;     /* callback id → version as read */
  GListModel   *clerks;       /* KefuStaff, active clerks */
  GDate         period_first;
  GDate         period_last;
};

G_DEFINE_FINAL_TYPE (KefuCallbackLeadPage, kefu_callback_lead_page, ADW_TYPE_NAVIGATION_PAGE)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (KefuCallbackLeadPage *self,
          gboolean              busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (KefuCallbackLeadPage *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
is_lead (KefuCallbackLeadPage *self)
{
  return self->staff != NULL && kefu_role_leads_callbacks (kefu_staff_get_role (self->staff));
}

/* Reading */

typedef struct
{
  KefuCallbackLeadPage *self;          /* a reference */
  GPtrArray            *escalated;     /* KefuCallback */
  KefuSurveyPeriod      period;
  GDate                 first;
  GDate                 last;
  guint                 n_members;
  guint                 n_covered;
  GPtrArray            *uncovered;     /* char *, names */
  GListModel           *clerks;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->escalated, g_ptr_array_unref);
  g_clear_pointer (&job->uncovered, g_ptr_array_unref);
  g_clear_object (&job->clerks);
  g_free (job);
}

static gboolean
read_clerks (KefuStore     *store,
             LoadJob       *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GListModel) staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  GListStore *clerks;

  if (staff == NULL)
    return FALSE;
  clerks = g_list_store_new (KEFU_TYPE_STAFF);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) one = g_list_model_get_item (staff, i);

      if (kefu_staff_get_role (one) == KEFU_ROLE_CLERK)
        g_list_store_append (clerks, one);
    }
  job->clerks = G_LIST_MODEL (clerks);
  return TRUE;
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadJob *job = data;
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GArray) ids = NULL;
  GDate today;

  job->escalated = kefu_store_list_escalated_callbacks (store, cancellable, error);
  if (job->escalated == NULL)
    return NULL;
  rules = kefu_store_read_callback_rules (store, cancellable, error);
  if (rules == NULL)
    return NULL;

  /* Today in the site's zone, and the survey period holding it. */
  now = g_date_time_new_now (kefu_callback_rules_get_timezone (rules));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  job->period = kefu_callback_rules_get_survey_period (rules);
  kefu_survey_period_bounds (job->period, &today, FALSE, &job->first, &job->last);
  if (!kefu_store_member_coverage (store, &job->first, &job->last, &job->n_members,
                                   &job->n_covered, cancellable, error))
    return NULL;
  ids = kefu_store_list_uncovered_members (store, &job->first, &job->last, UNCOVERED_SHOWN,
                                           cancellable, error);
  if (ids == NULL)
    return NULL;
  job->uncovered = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KefuCustomer) customer = kefu_store_get_customer (store,
                                                                  g_array_index (ids, gint64, i),
                                                                  cancellable, error);

      if (customer == NULL)
        return NULL;
      g_ptr_array_add (job->uncovered, g_strdup (kefu_customer_get_name (customer)));
    }
  read_clerks (store, job, cancellable, error);
  return NULL;
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
plain_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
action_button (const char *label,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
assign_button (KefuCallbackLeadPage *self,
               KefuCallback         *callback)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  for (guint i = 0; self->clerks != NULL && i < g_list_model_get_n_items (self->clerks); i++)
    {
      g_autoptr(KefuStaff) clerk = g_list_model_get_item (self->clerks, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (kefu_staff_get_name (clerk), NULL);

      g_menu_item_set_action_and_target_value (item, "lead.assign",
                                               g_variant_new ("(xx)", callback->id,
                                                              kefu_record_get_id (
                                                                KEFU_RECORD (clerk))));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Assign…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Give the callback to another clerk"));
  return button;
}

static GtkWidget *
escalated_row (KefuCallbackLeadPage *self,
               KefuCallback         *callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *subtitle = NULL;
  const char *last = callback->n_attempts > 0
                     ? kefu_callback_outcome_get_display_name (callback->last_outcome)
                     : _("No attempt");

  /* Translators: an escalated callback's line: its reason, how many attempts, the last one's
   * outcome, "After service · 3 attempts · last: No answer". */
  subtitle = g_strdup_printf (ngettext ("%s · %u attempt · last: %s",
                                        "%s · %u attempts · last: %s", callback->n_attempts),
                              kefu_callback_reason_get_display_name (callback->reason),
                              callback->n_attempts, last);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), callback->customer_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Retry"), _("Give the callback more attempts"),
                                 "lead.retry", g_variant_new_int64 (callback->id)));
  gtk_box_append (GTK_BOX (buttons), assign_button (self, callback));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("Close as _Unreachable"),
                                 _("Open the callback to record that the customer cannot be "
                                   "reached"),
                                 "callbacks.open", g_variant_new_int64 (callback->id)));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Cancel…"), _("Cancel the callback, with a reason"),
                                 "lead.cancel", g_variant_new_int64 (callback->id)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
  return row;
}

/* "812 of 1,000 members called back this quarter (81%)", in the survey period's words. */
static char *
coverage_text (KefuSurveyPeriod period,
               guint            covered,
               guint            members,
               guint            share)
{
  switch (period)
    {
    case KEFU_SURVEY_PERIOD_MONTH:
      /* Translators: the members' coverage: those called back, all members, the share. */
      return g_strdup_printf (_("%'u of %'u members called back this month (%u%%)"),
                              covered, members, share);
    case KEFU_SURVEY_PERIOD_HALF:
      return g_strdup_printf (_("%'u of %'u members called back this half year (%u%%)"),
                              covered, members, share);
    case KEFU_SURVEY_PERIOD_YEAR:
      return g_strdup_printf (_("%'u of %'u members called back this year (%u%%)"),
                              covered, members, share);
    case KEFU_SURVEY_PERIOD_QUARTER:
    default:
      return g_strdup_printf (_("%'u of %'u members called back this quarter (%u%%)"),
                              covered, members, share);
    }
}

static void
show_loaded (KefuCallbackLeadPage *self,
             LoadJob              *job)
{
  guint covered = MIN (job->n_covered, job->n_members);
  guint share = job->n_members > 0 ? (guint) (100.0 * covered / job->n_members + 0.5) : 100;
  g_autofree char *coverage = NULL;

  g_hash_table_remove_all (self->versions);
  remove_rows (self->escalated_list);
  g_set_object (&self->clerks, job->clerks);
  for (guint i = 0; i < job->escalated->len; i++)
    {
      KefuCallback *callback = g_ptr_array_index (job->escalated, i);

      g_hash_table_insert (self->versions, g_memdup2 (&callback->id, sizeof (gint64)),
                           g_memdup2 (&callback->version, sizeof (gint64)));
      gtk_list_box_append (self->escalated_list, escalated_row (self, callback));
    }
  if (job->escalated->len == 0)
    gtk_list_box_append (self->escalated_list,
                         plain_row (_("No callbacks are waiting for the lead.")));

  self->period_first = job->first;
  self->period_last = job->last;
  coverage = coverage_text (job->period, covered, job->n_members, share);
  gtk_label_set_text (self->coverage_label, coverage);
  gtk_level_bar_set_value (self->coverage_bar,
                           job->n_members > 0 ? (double) covered / job->n_members : 1.0);

  remove_rows (self->uncovered_list);
  for (guint i = 0; i < job->uncovered->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_ptr_array_index (job->uncovered, i));
      gtk_list_box_append (self->uncovered_list, row);
    }
  if (job->n_members > covered && job->n_members - covered > job->uncovered->len)
    {
      /* Translators: under the first members not yet called back, how many more there are. */
      g_autofree char *more = g_strdup_printf (ngettext ("And %'u more member",
                                                         "And %'u more members",
                                                         job->n_members - covered
                                                         - job->uncovered->len),
                                               job->n_members - covered - job->uncovered->len);
      gtk_list_box_append (self->uncovered_list, plain_row (more));
    }
  if (job->uncovered->len == 0)
    gtk_list_box_append (self->uncovered_list,
                         plain_row (_("Every member has been called back this period.")));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadJob *job = user_data;
  KefuCallbackLeadPage *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error == NULL)
    {
      show_error (self, NULL);
      show_loaded (self, job);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The lead's callbacks could not be read: %s "
                                                    "Try again, or reopen the database if it "
                                                    "keeps failing."),
                                                  error->message);
      show_error (self, message);
    }
  set_busy (self, FALSE);
  load_job_free (job);
}

void
kefu_callback_lead_page_reload (KefuCallbackLeadPage *self)
{
  LoadJob *job;

  g_return_if_fail (KEFU_IS_CALLBACK_LEAD_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, is_lead (self) ? "page" : "denied");
  gtk_widget_set_visible (self->campaign_button, is_lead (self));
  if (self->store == NULL || !is_lead (self))
    return;
  job = g_new0 (LoadJob, 1);
  job->self = g_object_ref (self);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, load_func, job, NULL, self->cancellable, load_cb, job);
}

/* The lead's changes */

typedef enum
{
  CHANGE_RETRY,
  CHANGE_ASSIGN,
  CHANGE_CANCEL,
} ChangeKind;

typedef struct
{
  KefuCallbackLeadPage *self;   /* a reference */
  ChangeKind            kind;
  gint64                id;
  gint64                version;
  gint64                staff_id;
  char                 *reason;
} ChangeJob;

static void
change_job_free (ChangeJob *job)
{
  g_clear_object (&job->self);
  g_free (job->reason);
  g_free (job);
}

static gpointer
change_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ChangeJob *job = data;

  switch (job->kind)
    {
    case CHANGE_RETRY:
      kefu_store_retry_callback (store, job->id, job->version, cancellable, error);
      break;
    case CHANGE_ASSIGN:
      kefu_store_assign_callback (store, job->id, job->version, job->staff_id, cancellable,
                                  error);
      break;
    case CHANGE_CANCEL:
      kefu_store_cancel_callback (store, job->id, job->version, job->reason, cancellable, error);
      break;
    }
  return NULL;
}

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ChangeJob *job = user_data;
  KefuCallbackLeadPage *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  set_busy (self, FALSE);
  if (error == NULL)
    {
      const char *done[] = {
        [CHANGE_RETRY] = _("The callback is due again."),
        [CHANGE_ASSIGN] = _("The callback was assigned."),
        [CHANGE_CANCEL] = _("The callback was cancelled."),
      };

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done[job->kind]));
      show_error (self, NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: a lead's change of a callback failed; the store's reason follows. */
      g_autofree char *message = g_strdup_printf (_("The callback could not be changed: %s The "
                                                    "list has been read again; try once more."),
                                                  error->message);
      show_error (self, message);
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    kefu_callback_lead_page_reload (self);
  change_job_free (job);
}

static void
run_change (KefuCallbackLeadPage *self,
            ChangeKind            kind,
            gint64                id,
            gint64                staff_id,
            const char           *reason)
{
  gint64 *version = g_hash_table_lookup (self->versions, &id);
  ChangeJob *job;

  g_return_if_fail (version != NULL);

  job = g_new0 (ChangeJob, 1);
  job->self = g_object_ref (self);
  job->kind = kind;
  job->id = id;
  job->version = *version;
  job->staff_id = staff_id;
  job->reason = g_strdup (reason);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, change_func, job, NULL, self->cancellable, change_cb, job);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_change (KEFU_CALLBACK_LEAD_PAGE (widget), CHANGE_RETRY, g_variant_get_int64 (parameter),
              0, NULL);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gint64 id, staff_id;

  g_variant_get (parameter, "(xx)", &id, &staff_id);
  run_change (KEFU_CALLBACK_LEAD_PAGE (widget), CHANGE_ASSIGN, id, staff_id, NULL);
}

typedef struct
{
  KefuCallbackLeadPage *self;
  gint64                id;
  GtkEditable          *entry;
} CancelAsk;

static void
cancel_ask_free (gpointer  data,
                 GClosure *closure)
{
  CancelAsk *ask = data;

  g_clear_object (&ask->self);
  g_free (ask);
}

static void
cancel_entry_changed_cb (GtkEditable *entry,
                         AdwDialog   *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "cancel-callback",
                                         *text != '\0');
}

static void
cancel_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    CancelAsk      *ask)
{
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "cancel-callback") != 0)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
  run_change (ask->self, CHANGE_CANCEL, ask->id, 0, reason);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuCallbackLeadPage *self = KEFU_CALLBACK_LEAD_PAGE (widget);
  AdwDialog *dialog = adw_alert_dialog_new (_("Cancel the Callback?"),
                                            _("Say why it is cancelled: the reason is kept "
                                              "with the callback."));
  GtkWidget *entry = gtk_entry_new ();
  CancelAsk *ask = g_new0 (CancelAsk, 1);

  ask->self = g_object_ref (self);
  ask->id = g_variant_get_int64 (parameter);
  ask->entry = GTK_EDITABLE (entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), C_("cancel callback", "Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for cancelling"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "keep", _("_Keep"),
                                  "cancel-callback", _("C_ancel Callback"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "cancel-callback",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "cancel-callback", FALSE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");
  g_signal_connect (entry, "changed", G_CALLBACK (cancel_entry_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (cancel_response_cb), ask,
                         cancel_ask_free, 0);
  adw_dialog_present (dialog, widget);
}

/* Campaigns */

static void
campaign_created_cb (KefuCallbackCampaignDialog *dialog,
                     KefuCallbackLeadPage       *self)
{
  kefu_callback_lead_page_reload (self);
}

static KefuCallbackCampaignDialog *
present_campaign (KefuCallbackLeadPage *self)
{
  AdwDialog *dialog = kefu_callback_campaign_dialog_new (self->store);

  g_signal_connect_object (dialog, "created", G_CALLBACK (campaign_created_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return KEFU_CALLBACK_CAMPAIGN_DIALOG (dialog);
}

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present_campaign (KEFU_CALLBACK_LEAD_PAGE (widget));
}

static void
plan_survey_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KefuCallbackLeadPage *self = KEFU_CALLBACK_LEAD_PAGE (widget);
  GDate today;
  const GDate *first = &self->period_first;

  /* From today (or the period's start if it lies ahead) to the period's end. */
  kefu_period_today (&today);
  if (!g_date_valid (first) || g_date_compare (first, &today) < 0)
    first = &today;
  kefu_callback_campaign_dialog_plan_survey (present_campaign (self), first,
                                             g_date_valid (&self->period_last)
                                             ? &self->period_last : &today);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kefu_callback_lead_page_reload (KEFU_CALLBACK_LEAD_PAGE (widget));
}

/* The object */

gboolean
kefu_callback_lead_page_get_busy (KefuCallbackLeadPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_LEAD_PAGE (self), FALSE);

  return self->busy > 0;
}

AdwNavigationPage *
kefu_callback_lead_page_new (KefuStore *store,
                             KefuStaff *staff)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  return g_object_new (KEFU_TYPE_CALLBACK_LEAD_PAGE, "store", store, "staff", staff, NULL);
}

static void
kefu_callback_lead_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (kefu_callback_lead_page_parent_class)->constructed (object);

  kefu_callback_lead_page_reload (KEFU_CALLBACK_LEAD_PAGE (object));
}

static void
kefu_callback_lead_page_dispose (GObject *object)
{
  KefuCallbackLeadPage *self = KEFU_CALLBACK_LEAD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_LEAD_PAGE);
  G_OBJECT_CLASS (kefu_callback_lead_page_parent_class)->dispose (object);
}

static void
kefu_callback_lead_page_finalize (GObject *object)
{
  KefuCallbackLeadPage *self = KEFU_CALLBACK_LEAD_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->clerks);
  g_clear_pointer (&self->versions, g_hash_table_unref);
  G_OBJECT_CLASS (kefu_callback_lead_page_parent_class)->finalize (object);
}

static void
kefu_callback_lead_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KefuCallbackLeadPage *self = KEFU_CALLBACK_LEAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_lead_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KefuCallbackLeadPage *self = KEFU_CALLBACK_LEAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STAFF:
      self->staff = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_lead_page_class_init (KefuCallbackLeadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_callback_lead_page_constructed;
  object_class->dispose = kefu_callback_lead_page_dispose;
  object_class->finalize = kefu_callback_lead_page_finalize;
  object_class->get_property = kefu_callback_lead_page_get_property;
  object_class->set_property = kefu_callback_lead_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/"
                                               "kefu-callback-lead-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, campaign_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, escalated_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, coverage_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackLeadPage, uncovered_list);

  gtk_widget_class_install_action (widget_class, "lead.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "lead.assign", "(xx)", assign_action);
  gtk_widget_class_install_action (widget_class, "lead.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "lead.new-campaign", NULL,
                                   new_campaign_action);
  gtk_widget_class_install_action (widget_class, "lead.plan-survey", NULL, plan_survey_action);
  gtk_widget_class_install_action (widget_class, "lead.reload", NULL, reload_action);
}

static void
kefu_callback_lead_page_init (KefuCallbackLeadPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_date_clear (&self->period_first, 1);
  g_date_clear (&self->period_last, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}
