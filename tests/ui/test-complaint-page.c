/* test-complaint-page.c: the detail page of one complaint over a real store: a complaint taken
 * through every stage by the page's own buttons and dialogs, with the timeline showing each
 * step; an action this person may not take (a clerk outside the routed departments cannot
 * record the resolution); the intake edit validated, saved and shown old → new; the page read
 * only once resolved; a not-satisfied callback reopening the complaint. More actions in
 * test-complaint-page-actions.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-page"

#include "config.h"

#include "test-complaint-page.h"

/* New → Routed → In progress → Resolved → Called back → Closed, each by the person whose job it
 * is, through the page's buttons and dialogs; the timeline grows by each step. */
static void
test_all_stages (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autofree char *text = NULL;
  guint length = shown_timeline_length (fixture);
  AdwDialog *confirm;

  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (fixture->page)), !=,
                   "Complaint");
  g_assert_true (g_str_has_prefix (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (fixture->page)),
                                   "TS-"));
  /* The call's own event opens the timeline. */
  g_assert_cmpuint (length, >=, 1);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_NEW)));

  shoot (fixture, "page-new");
  /* The team lead routes it: nothing chosen is refused with the reason, then QC. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  /* The routing rules' departments for product quality come ticked (by role: QC and the CS
   * centre; no one holds the GM office yet); the hotline team is not among them. */
  g_assert_true (kefu_complaint_action_dialog_get_department (dialog, fixture->qc));
  g_assert_true (kefu_complaint_action_dialog_get_department (dialog, fixture->cs_centre));
  g_assert_false (kefu_complaint_action_dialog_get_department (dialog, fixture->hotline));
  kefu_complaint_action_dialog_set_department (dialog, fixture->qc, FALSE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->cs_centre, FALSE);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  shoot (fixture, "dialog-route");
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "departments"));
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_NEW);
  g_assert_true (kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE));
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_ROUTED)));

  /* The QC manager acknowledges for their own department, at once. */
  act_as (fixture, fixture->qc_manager);
  {
    guint reloads = fixture->n_reloads;

    press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  /* A note, then the resolution: an empty one is refused with its reason. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE);
  kefu_complaint_action_dialog_set_text (dialog, "已联系华联超市下架同批次产品");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  shoot (fixture, "page-in-progress");
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "text"));
  shoot (fixture, "dialog-resolve");
  kefu_complaint_action_dialog_set_text (dialog, "批次抽检合格,为运输温度问题,已为客户换货并致歉");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  /* The owner calls back: satisfied. */
  act_as (fixture, fixture->clerk);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "satisfaction"));
  kefu_complaint_action_dialog_set_satisfaction (dialog, KEFU_SATISFACTION_SATISFIED);
  kefu_complaint_action_dialog_set_text (dialog, "处理很及时,谢谢");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_CALLED_BACK);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  /* The owner closes it, after a confirmation. */
  press (fixture, KEFU_COMPLAINT_ACTION_CLOSE);
  confirm = wait_dialog (fixture);
  g_assert_true (ADW_IS_ALERT_DIALOG (confirm));
  {
    guint reloads = fixture->n_reloads;

    press_alert_button (confirm, _("C_lose Complaint"));
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_CLOSED);
  wait_page (fixture);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_CLOSED)));
  shoot (fixture, "page-closed");

  /* The timeline says what was done, newest last, with the texts that came with it. */
  text = timeline_text (fixture);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "已联系华联超市下架同批次产品"));
  g_assert_nonnull (strstr (text, "批次抽检合格"));
  g_assert_nonnull (strstr (text, "处理很及时"));
  g_assert_nonnull (strstr (text, "品控部"));
  g_assert_true (strstr (text, "批次抽检合格") < strstr (text, "处理很及时"));
  g_assert_nonnull (strstr (text, "陈静"));
  g_assert_nonnull (strstr (text, "王芳"));
  {
    g_autofree char *last = kefu_complaint_timeline_view_dup_row_text (timeline_view (fixture),
                                                                       length - 1);

    g_assert_nonnull (strstr (last, "王芳"));
    g_assert_null (strstr (last, "处理很及时"));
  }

  /* Nothing more can be done but notes; the record prints. */
  g_assert_null (action_button (fixture, KEFU_COMPLAINT_ACTION_CLOSE));
  g_assert_null (action_button (fixture, KEFU_COMPLAINT_ACTION_RESOLVE));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.print", NULL);
  g_assert_cmpuint (fixture->printed->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->printed, gint64, 0), ==, fixture->complaint);
}

/* A clerk who neither owns the complaint nor belongs to a routed department cannot record the
 * resolution: the button shows disabled with the reason, and the store refuses it too. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  GtkButton *resolve;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) refused = NULL;
  g_autoptr(GError) error = NULL;

  /* A clerk may not route: the button says why. */
  act_as (fixture, fixture->other_clerk);
  resolve = action_button (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  g_assert_nonnull (resolve);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (resolve)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (resolve)));

  acknowledge_as_qc (fixture);

  act_as (fixture, fixture->other_clerk);
  resolve = action_button (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  g_assert_nonnull (resolve);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (resolve)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (resolve)), ==,
                   "Only a member of a routed department or a manager can record the resolution.");
  /* Pressing a disabled button does nothing. */
  gtk_widget_activate (GTK_WIDGET (resolve));
  kefu_test_flush ();
  g_assert_null (adw_window_get_visible_dialog (fixture->window));

  /* The store says the same to anyone who tries around the page. */
  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_RESOLVE, fixture->complaint,
                                      kefu_complaint_card_get_version (card));
  change->text = g_strdup ("越权处理");
  refused = kefu_store_change_complaint (fixture->store, change, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);

  /* A note anyone may add. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (action_button (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE))));
}


/* The owner corrects the reason: the intake's validation holds, an unsaved edit keeps the page
 * from being left, and the saved change shows old → new on the timeline. Once resolved, what
 * was captured is read only. */
static void
test_edit_intake (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuCallForm *form = call_form (fixture);
  KefuComplaintActionDialog *dialog;
  GtkWidget *reason;
  GtkWidget *name;
  g_autofree char *text = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint length;

  act_as (fixture, fixture->clerk);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_nonnull (find_button (fixture, _("_Edit")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));
  shoot (fixture, "page-editing");

  reason = kefu_call_form_get_field (form, "reason");
  g_assert_true (KEFU_IS_TEXT_ROW (reason));
  kefu_text_row_set_text (KEFU_TEXT_ROW (reason), "有异味,已变质");
  kefu_test_flush ();
  /* Typed but not saved: going back would lose it. */
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));

  /* The intake's validation: a caller needs a name. */
  name = kefu_call_form_get_field (form, "caller-name");
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
  kefu_test_flush ();
  g_assert_nonnull (kefu_call_form_get_field_message (form, "caller-name"));
  stored = kefu_store_get_call (fixture->store, kefu_call_get_complaint (kefu_call_form_get_call (form)) != NULL
                                  ? kefu_complaint_get_call_id (kefu_call_get_complaint (kefu_call_form_get_call (form)))
                                  : 0,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, "有异味");
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (name), "张三丰");
  length = shown_timeline_length (fixture);
  {
    guint reloads = fixture->n_reloads;

    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  wait_page (fixture);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, length + 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));

  text = kefu_complaint_timeline_view_dup_row_text (timeline_view (fixture), length);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "有异味 → 有异味,已变质"));
  g_assert_nonnull (strstr (text, "张三 → 张三丰"));
  g_assert_true (label_shown (fixture, "有异味,已变质"));
  shoot (fixture, "page-edited");

  /* Resolved: the call as captured can no longer change. */
  acknowledge_as_qc (fixture);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  kefu_complaint_action_dialog_set_text (dialog, "已换货");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_RESOLVED);

  act_as (fixture, fixture->clerk);
  g_assert_null (find_button (fixture, _("_Edit")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
}

/* Not satisfied at the callback: the customer's words are required (the message says it
 * reopens), and the complaint goes back to Reopened with them; the department acknowledges it
 * again. */
static void
test_not_satisfied (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *message;

  acknowledge_as_qc (fixture);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  kefu_complaint_action_dialog_set_text (dialog, "已换货");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_RESOLVED);

  act_as (fixture, fixture->clerk);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK);
  kefu_complaint_action_dialog_set_satisfaction (dialog, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  message = kefu_complaint_action_dialog_get_message (dialog, "text");
  shoot (fixture, "dialog-callback");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "reopens"));
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_RESOLVED);

  kefu_complaint_action_dialog_set_text (dialog, "换的货还是有异味");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_REOPENED);

  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_REOPENED)));
  text = timeline_text (fixture);
  g_assert_nonnull (strstr (text, "换的货还是有异味"));

  /* Back with the department. */
  act_as (fixture, fixture->qc_manager);
  g_assert_nonnull (action_button (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE));
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
}

/* The words and times of the page. */
static void
test_format (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 8, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 130);
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 30);
  g_autoptr(GDateTime) days = g_date_time_add_hours (now, 74);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -3);
  g_autofree char *a = kefu_detail_format_time_left (later, now);
  g_autofree char *b = kefu_detail_format_time_left (soon, now);
  g_autofree char *c = kefu_detail_format_time_left (days, now);
  g_autofree char *d = kefu_detail_format_time_left (past, now);

  g_assert_cmpstr (a, ==, "2 h 10 min left");
  g_assert_cmpstr (b, ==, "1 min left");
  g_assert_cmpstr (c, ==, "3 d 2 h left");
  g_assert_cmpstr (d, ==, "Overdue 3 h");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  complaint_page_test_init (&argc, &argv);

  g_test_add_func ("/kefu/complaint-page/format", test_format);
  g_test_add ("/kefu/complaint-page/all-stages", Fixture, NULL,
              fixture_set_up, test_all_stages, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/refused", Fixture, NULL,
              fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/edit-intake", Fixture, NULL,
              fixture_set_up, test_edit_intake, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/not-satisfied", Fixture, NULL,
              fixture_set_up, test_not_satisfied, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
