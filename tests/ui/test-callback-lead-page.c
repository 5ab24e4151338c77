/* test-callback-lead-page.c: the lead's page over a real store: a callback whose one attempt
 * ran out (callback.max-attempts 1) is listed with its customer, reason and attempts, and
 * "Retry" makes it due again, "Assign…" gives it to another clerk, "Cancel…" asks for the reason
 * and keeps it; the members' coverage of this survey period is shown with its
 * numbers and the members not yet called back by name; a clerk sees the page is not theirs;
 * a campaign made through its dialog is refused in place when its calls do not fit, then
 * creates one callback a member, none in the quiet hours.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-callback-lead-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "callbacks/kefu-callback-campaign-dialog.h"
#include "callbacks/kefu-callback-lead-page.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-callbacks.h"
#include "widgets/kefu-date-row.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"
#include "test-callbacks-ui.h"

static gboolean
in_english (void)
{
  return g_getenv ("KEFU_TEST_LOCALEDIR") == NULL;
}

typedef struct
{
  char      *dir;
  KefuStore *store;
  GtkWidget *window;
  gint64     clerk;      /* 周敏 */
  gint64     clerk2;     /* 王芳 */
  gint64     lead;       /* 赵敏 */
  gint64     escalated;  /* 钱七's callback, its attempt ran out */
  GArray    *opened;     /* "callbacks.open" ids */
} Fixture;

static gint64
create (Fixture            *fixture,
        gint64              customer,
        KefuCallbackReason  reason)
{
  KefuCallbackInput input = {
    .customer_id = customer, .reason = reason, .method = KEFU_CALLBACK_METHOD_PHONE,
    .assigned_to = fixture->clerk,
    .due_at = NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 id;

  /* Due now, so that the clerk may call at once whatever the time the test runs. */
  input.due_at = now;
  kefu_store_set_actor (fixture->store, fixture->lead);
  id = kefu_store_create_callback (fixture->store, &input, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
id_activated_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (user_data, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_INT64);
  g_autoptr(GError) error = NULL;
  gint64 team, m1, other, survey;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  kefu_store_set_system_actor (fixture->store);
  team = kefu_test_make_department (fixture->store, "客服一组");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK,
                                         team, TRUE);
  fixture->clerk2 = kefu_test_make_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK,
                                          team, TRUE);
  fixture->lead = kefu_test_make_staff (fixture->store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD,
                                        team, TRUE);
  g_assert_true (kefu_store_set_setting (fixture->store, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "1",
                                         NULL, &error));
  g_assert_no_error (error);
  m1 = test_callbacks_customer (fixture->store, "张三", "13912345671", TRUE);
  test_callbacks_customer (fixture->store, "李四", "13912345672", TRUE);
  test_callbacks_customer (fixture->store, "王五", "13912345673", TRUE);
  other = test_callbacks_customer (fixture->store, "钱七", "13912345675", FALSE);

  /* 张三 surveyed this period: one of three members. */
  survey = create (fixture, m1, KEFU_CALLBACK_REASON_SURVEY);
  test_callbacks_record (fixture->store, fixture->clerk, survey,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SATISFIED, NULL);
  /* 钱七's callback: its one attempt had no answer, so it waits for the lead. */
  fixture->escalated = create (fixture, other, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  test_callbacks_record (fixture->store, fixture->clerk, fixture->escalated,
                         KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_SATISFACTION_UNSPECIFIED, NULL);
  kefu_store_set_actor (fixture->store, fixture->lead);

  g_signal_connect (open, "activate", G_CALLBACK (id_activated_cb), fixture->opened);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 1000);
  gtk_widget_insert_action_group (fixture->window, "callbacks", G_ACTION_GROUP (group));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->opened, g_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The first descendant of `widget` of `type` whose row title (or label text) is `title`. */
static GtkWidget *
find (GtkWidget  *widget,
      GType       type,
      const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *text = NULL;

      if (ADW_IS_PREFERENCES_ROW (widget))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      else if (GTK_IS_LABEL (widget))
        text = gtk_label_get_text (GTK_LABEL (widget));
      if (title == NULL || g_strcmp0 (text, title) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwNavigationPage *
show_page (Fixture *fixture,
           gint64   staff_id)
{
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (fixture->store, staff_id, NULL, NULL);
  AdwNavigationPage *page = kefu_callback_lead_page_new (fixture->store, staff);
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());

  adw_navigation_view_add (view, page);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (view));
  kefu_test_wait_until (!kefu_callback_lead_page_get_busy (KEFU_CALLBACK_LEAD_PAGE (page)));
  kefu_test_flush ();
  return page;
}

static void
test_escalated_and_coverage (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwNavigationPage *page = show_page (fixture, fixture->lead);
  g_autoptr(KefuCallback) before = NULL;
  g_autoptr(KefuCallback) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWidget *bar;

  before = kefu_store_get_callback (fixture->store, fixture->escalated, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before->escalated_at);

  /* The escalated callback with its reason and attempts. */
  row = find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "钱七");
  g_assert_nonnull (row);
  if (in_english ())
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "After service · 1 attempt · last: No answer");

  /* The coverage: one of three members, and the two others by name. */
  if (in_english ())
    g_assert_nonnull (find (GTK_WIDGET (page), GTK_TYPE_LABEL,
                            "1 of 3 members called back this quarter (33%)"));
  bar = find (GTK_WIDGET (page), GTK_TYPE_LEVEL_BAR, NULL);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)), 1.0 / 3,
                                  0.001);
  g_assert_nonnull (find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "李四"));
  g_assert_nonnull (find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "王五"));
  g_assert_null (find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "张三"));
  kefu_test_maybe_save_shot (fixture->window, "callback-lead-page");

  /* "Close as Unreachable" opens the callback's page. */
  g_assert_true (gtk_widget_activate_action (row, "callbacks.open", "x", fixture->escalated));
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==, fixture->escalated);

  /* Retry: due again, no longer the lead's. */
  g_assert_true (gtk_widget_activate_action (row, "lead.retry", "x", fixture->escalated));
  kefu_test_wait_until (!kefu_callback_lead_page_get_busy (KEFU_CALLBACK_LEAD_PAGE (page)));
  kefu_test_flush ();
  after = kefu_store_get_callback (fixture->store, fixture->escalated, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (after->escalated_at);
  g_assert_cmpint (after->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpint (after->version, >, before->version);
  g_assert_null (find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "钱七"));
}

/* The first descendant of `widget` of `type`. */
static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  return find (widget, type, NULL);
}

static void
test_assign_and_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwNavigationPage *page = show_page (fixture, fixture->lead);
  g_autoptr(KefuCallback) assigned = NULL;
  g_autoptr(KefuCallback) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *alert;
  GtkWidget *entry;

  /* Assign… to 王芳. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lead.assign", "(xx)",
                                             fixture->escalated, fixture->clerk2));
  kefu_test_wait_until (!kefu_callback_lead_page_get_busy (KEFU_CALLBACK_LEAD_PAGE (page)));
  assigned = kefu_store_get_callback (fixture->store, fixture->escalated, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assigned->assigned_to, ==, fixture->clerk2);

  /* Cancel… asks for the reason, which is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lead.cancel", "x",
                                             fixture->escalated));
  kefu_test_flush ();
  alert = find_type (fixture->window, ADW_TYPE_ALERT_DIALOG);
  g_assert_nonnull (alert);
  entry = find_type (alert, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (alert),
                                                         "cancel-callback"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "客户已搬走");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (alert),
                                                        "cancel-callback"));
  kefu_test_maybe_save_shot (fixture->window, "callback-lead-page-cancel");
  g_signal_emit_by_name (alert, "response", "cancel-callback");
  adw_dialog_force_close (ADW_DIALOG (alert));
  kefu_test_wait_until (!kefu_callback_lead_page_get_busy (KEFU_CALLBACK_LEAD_PAGE (page)));
  cancelled = kefu_store_get_callback (fixture->store, fixture->escalated, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cancelled->state, ==, KEFU_CALLBACK_STATE_CANCELLED);
  g_assert_cmpstr (cancelled->cancel_reason, ==, "客户已搬走");
  kefu_test_flush ();
  g_assert_null (find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "钱七"));
}

static void
test_not_a_lead (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwNavigationPage *page = show_page (fixture, fixture->clerk);
  GtkWidget *stack = find (GTK_WIDGET (page), GTK_TYPE_STACK, NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "denied");
  kefu_test_maybe_save_shot (fixture->window, "callback-lead-page-clerk");
}

/* The label showing an error (the "error" style class) with text, under `widget`. */
static GtkWidget *
error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error")
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_entry (GtkWidget  *dialog,
           GType       type,
           const char *title,
           const char *text)
{
  GtkWidget *row = find (dialog, type, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_spin (GtkWidget  *dialog,
          const char *title,
          double      value)
{
  GtkWidget *row = find (dialog, ADW_TYPE_SPIN_ROW, title);

  g_assert_nonnull (row);
  adw_spin_row_set_value (ADW_SPIN_ROW (row), value);
}

static void
test_campaign (Fixture       *fixture,
               gconstpointer  data)
{
  AdwDialog *dialog = kefu_callback_campaign_dialog_new (fixture->store);
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (dialog);
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_local (2026, 12, 7, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2026, 12, 12, 0, 0, 0);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *status;
  GtkWidget *check;
  GtkWidget *first_row;
  GtkWidget *last_row;
  guint n = 0;

  g_object_ref_sink (dialog);
  adw_dialog_present (dialog, fixture->window);
  kefu_test_wait_until (!kefu_callback_campaign_dialog_get_busy (self));

  set_entry (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL,
             "2027年元旦问候");
  /* The first day's row, and the last day's after it. */
  first_row = find (GTK_WIDGET (dialog), KEFU_TYPE_DATE_ROW, NULL);
  last_row = gtk_widget_get_next_sibling (first_row);
  g_assert_true (KEFU_IS_DATE_ROW (last_row));
  gtk_editable_set_text (GTK_EDITABLE (first_row), "2026-12-07");
  gtk_editable_set_text (GTK_EDITABLE (last_row), "2026-12-07");
  set_spin (GTK_WIDGET (dialog), NULL, 1);
  check = find (find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "周敏"), GTK_TYPE_CHECK_BUTTON,
                NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  /* One clerk, one call a day, one day: three members do not fit; said in place. */
  if (in_english ())
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "campaign.create",
                                                 NULL));
      kefu_test_wait_until (!kefu_callback_campaign_dialog_get_busy (self));
      status = error_label (GTK_WIDGET (dialog));
      g_assert_nonnull (status);
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "3"));
      g_assert_cmpuint (kefu_callback_campaign_dialog_get_n_created (self), ==, 0);
      g_assert_cmpint (kefu_callback_campaign_dialog_get_campaign_id (self), ==, 0);
      kefu_test_maybe_save_shot (fixture->window, "callback-campaign-refused");

      /* Three days, two clerks: they fit. */
    }
  gtk_editable_set_text (GTK_EDITABLE (last_row), "2026-12-09");
  check = find (find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "王芳"), GTK_TYPE_CHECK_BUTTON,
                NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "campaign.create", NULL));
  kefu_test_wait_until (!kefu_callback_campaign_dialog_get_busy (self));
  g_assert_cmpint (kefu_callback_campaign_dialog_get_campaign_id (self), >, 0);
  g_assert_cmpuint (kefu_callback_campaign_dialog_get_n_created (self), ==, 3);
  if (in_english ())
    g_assert_nonnull (find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                            "3 callbacks created for “2027年元旦问候”."));
  kefu_test_maybe_save_shot (fixture->window, "callback-campaign-created");

  /* The store holds them, one a member, none in a quiet hour. */
  rules = kefu_store_read_callback_rules (fixture->store, NULL, &error);
  g_assert_no_error (error);
  due = kefu_store_list_callbacks_due (fixture->store, from, to, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    {
      KefuCallback *callback = g_ptr_array_index (due, i);

      if (callback->campaign_id != kefu_callback_campaign_dialog_get_campaign_id (self))
        continue;
      n++;
      g_assert_cmpint (callback->reason, ==, KEFU_CALLBACK_REASON_OCCASION);
      g_assert_true (callback->customer_is_member);
      g_assert_false (kefu_callback_time_is_quiet (rules, NULL, callback->due_at));
      g_assert_true (callback->assigned_to == fixture->clerk
                     || callback->assigned_to == fixture->clerk2);
    }
  g_assert_cmpuint (n, ==, 3);

  adw_dialog_force_close (dialog);
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/callback-lead-page/escalated-and-coverage", Fixture, NULL, fixture_set_up,
              test_escalated_and_coverage, fixture_tear_down);
  g_test_add ("/kefu/callback-lead-page/assign-and-cancel", Fixture, NULL, fixture_set_up,
              test_assign_and_cancel, fixture_tear_down);
  g_test_add ("/kefu/callback-lead-page/not-a-lead", Fixture, NULL, fixture_set_up,
              test_not_a_lead, fixture_tear_down);
  g_test_add ("/kefu/callback-lead-page/campaign", Fixture, NULL, fixture_set_up,
              test_campaign, fixture_tear_down);
  return kefu_test_run (data_home);
}
