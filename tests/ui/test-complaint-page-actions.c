/* test-complaint-page-actions.c: more of the detail page's actions: a visit typed in local
 * time, hand escalation, the complaints about the same batch, a page gone stale, changing the
 * departments with a reason, leaving with an unsaved edit, and a manager acknowledging for a
 * department they are not in.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-page"

#include "config.h"

#include "test-complaint-page.h"
#include "widgets/kefu-archive-banner.h"

/* A visit to a harmed customer (local time typed, UTC stored), hand escalation with a reason,
 * and the complaints about the same batch as rows that open them. */
static void
test_visit_escalate_batch (Fixture       *fixture,
                           gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 sibling;
  gboolean opened = FALSE;

  sibling = add_complaint (fixture, "李四", "b20261120 ");
  act_as (fixture, fixture->team_lead);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.reload", NULL);
  wait_page (fixture);

  /* The same product and batch (as compared: upper case, trimmed) opens the other one. */
  rows = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (rows->pdata[i], "kefu-complaint-id")) == (gsize) sibling)
      {
        g_signal_emit_by_name (rows->pdata[i], "activate");
        opened = TRUE;
      }
  g_assert_true (opened);
  kefu_test_flush ();
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==, sibling);

  /* A visit: when typed in local time, stored in UTC; a future time is refused. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RECORD_VISIT);
  kefu_complaint_action_dialog_set_visitors (dialog, "");
  kefu_complaint_action_dialog_set_visited_text (dialog, "2999-01-01 10:00");
  kefu_complaint_action_dialog_set_text (dialog, "客户情况稳定");
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "visitors"));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "visited-at"));
  shoot (fixture, "dialog-visit");
  kefu_complaint_action_dialog_set_visitors (dialog, "李强、周涛");
  kefu_complaint_action_dialog_set_visited_text (dialog, "2026-11-20 09:30");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_NEW);

  visits = kefu_store_list_complaint_visits (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  {
    KefuComplaintVisit *visit = visits->pdata[0];
    g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 20, 9, 30, 0);

    expected = g_date_time_to_utc (local);
    g_assert_cmpstr (visit->visitors, ==, "李强、周涛");
    g_assert_true (g_date_time_equal (visit->visited_at, expected));
  }
  g_assert_true (label_shown (fixture, "李强、周涛"));

  /* Escalated by hand, with the reason. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ESCALATE);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  kefu_complaint_action_dialog_set_text (dialog, "客户要求经理出面");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_NEW);
  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_TEAM_LEAD);
  g_assert_true (label_shown (fixture, kefu_detail_escalation_name (KEFU_ESCALATION_TEAM_LEAD)));
  shoot (fixture, "page-visit-escalated");
}

/* Someone else changes the complaint while the page shows it: the page's next action is refused
 * as stale, the banner says so and the page reads it again, after which the action works. The
 * team lead changes the departments with a reason; leaving with an unsaved edit asks first. */
static void
test_stale_routes_leave (Fixture       *fixture,
                         gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(GPtrArray) banners = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintChange) note = NULL;
  g_autoptr(KefuComplaintCard) noted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwBanner *banner;
  AdwDialog *ask;
  GArray *ids;
  guint length;

  /* The team lead routes it to QC, then adds the CS centre with a reason. */
  route_to (fixture, fixture->qc, 0);

  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_EDIT_ROUTES);
  /* Nothing changed: refused with the reason; the reason is required too. */
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "departments"));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "text"));
  g_assert_true (kefu_complaint_action_dialog_set_department (dialog, fixture->cs_centre, TRUE));
  kefu_complaint_action_dialog_set_text (dialog, "涉及送货环节,请客服中心一并跟进");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  ids = kefu_complaint_card_get_department_ids (card);
  g_assert_cmpuint (ids->len, ==, 2);
  text = timeline_text (fixture);
  g_assert_nonnull (strstr (text, "涉及送货环节"));
  g_assert_nonnull (strstr (text, "客服中心"));

  /* Another workstation adds a note behind the page's back. */
  note = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, fixture->complaint,
                                    kefu_complaint_card_get_version (card));
  note->text = g_strdup ("另一台电脑上的备注");
  noted = kefu_store_change_complaint (fixture->store, note, NULL, &error);
  g_assert_no_error (error);

  /* The page still holds the version before it: its next change is refused as stale. */
  /* The page's banner: not the call form's own, the one that says who else is editing, nor the
   * archive banner's. */
  banners = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_BANNER);
  banner = NULL;
  for (guint i = 0; i < banners->len; i++)
    if (gtk_widget_get_ancestor (banners->pdata[i], KEFU_TYPE_CALL_FORM) == NULL
        && g_strcmp0 (gtk_buildable_get_buildable_id (banners->pdata[i]), "presence_banner") != 0
        && gtk_widget_get_ancestor (banners->pdata[i], KEFU_TYPE_ARCHIVE_BANNER) == NULL)
      {
        g_assert_null (banner);
        banner = banners->pdata[i];
      }
  g_assert_nonnull (banner);
  g_assert_false (adw_banner_get_revealed (banner));
  length = store_timeline_length (fixture);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE);
  kefu_complaint_action_dialog_set_text (dialog, "本机备注");
  g_assert_true (kefu_complaint_action_dialog_apply (dialog));
  kefu_test_wait_until (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "Someone else changed this complaint. It was reloaded; check and try again.");
  g_assert_cmpuint (store_timeline_length (fixture), ==, length);
  /* Read again: the other note shows, and the same action now works. */
  wait_page (fixture);
  g_clear_pointer (&text, g_free);
  text = timeline_text (fixture);
  g_assert_nonnull (strstr (text, "另一台电脑上的备注"));
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE);
  kefu_complaint_action_dialog_set_text (dialog, "本机备注");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_false (adw_banner_get_revealed (banner));

  /* An unsaved edit: going back asks, and keeping on editing keeps the page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  kefu_text_row_set_text (KEFU_TEXT_ROW (kefu_call_form_get_field (call_form (fixture), "reason")),
                          "有异味,还有沉淀");
  kefu_test_flush ();
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.leave", NULL);
  ask = wait_dialog (fixture);
  g_assert_true (ADW_IS_ALERT_DIALOG (ask));
  adw_dialog_close (ask);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  kefu_test_flush ();
  g_assert_true (adw_navigation_view_get_visible_page (fixture->navigation)
                 == ADW_NAVIGATION_PAGE (fixture->page));
  g_assert_cmpstr (kefu_text_row_get_text (KEFU_TEXT_ROW (kefu_call_form_get_field (call_form (fixture), "reason"))),
                   ==, "有异味,还有沉淀");

  /* Discarding leaves the page, and nothing was saved. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.leave", NULL);
  ask = wait_dialog (fixture);
  press_alert_button (ask, _("_Discard"));
  kefu_test_wait_until (adw_navigation_view_get_visible_page (fixture->navigation)
                        != ADW_NAVIGATION_PAGE (fixture->page));
  {
    g_autoptr(KefuCall) stored = kefu_store_get_call (fixture->store,
                                                      kefu_complaint_card_get_call_id (card),
                                                      NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, "有异味");
  }
}

/* A manager outside the routed departments acknowledges for one of them: with two routed,
 * the page asks which, and the timeline names the one chosen. */
static void
test_manager_acknowledges (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  AdwDialog *choice;
  gboolean picked = FALSE;

  route_to (fixture, fixture->qc, fixture->hotline);

  act_as (fixture, fixture->cs_manager);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  choice = wait_dialog (fixture);
  shoot (fixture, "dialog-choose");
  g_assert_true (ADW_IS_ALERT_DIALOG (choice));
  /* The hotline team's row, then the alert's Acknowledge button, as a person picks them. */
  rows = kefu_test_find_all (GTK_WIDGET (choice), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "热线组") == 0)
      {
        g_signal_emit_by_name (rows->pdata[i], "activated");
        picked = TRUE;
      }
  g_assert_true (picked);
  press_alert_button (choice, _("_Acknowledge"));
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);

  /* The newest event is the acknowledgement, by the manager, for the department chosen. */
  text = kefu_complaint_timeline_view_dup_row_text (timeline_view (fixture),
                                                    shown_timeline_length (fixture) - 1);
  g_assert_nonnull (strstr (text, "热线组"));
  g_assert_null (strstr (text, "品控部"));
  g_assert_nonnull (strstr (text, "李强"));
  /* The routing section says who acknowledged for that department. */
  g_assert_true (label_shown (fixture, "热线组"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  complaint_page_test_init (&argc, &argv);

  g_test_add ("/kefu/complaint-page/visit-escalate-batch", Fixture, NULL,
              fixture_set_up, test_visit_escalate_batch, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/stale-routes-leave", Fixture, NULL,
              fixture_set_up, test_stale_routes_leave, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/manager-acknowledges", Fixture, NULL,
              fixture_set_up, test_manager_acknowledges, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
