/* test-complaints-board-moves.c: complaints moved on the board: one through every stage by the
 * card actions, one by a drop, and drops refused with their reasons (no such transition, a role
 * that may not, a missing visit, another workstation first).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaints-board"

#include "config.h"

#include "test-complaints-board.h"

static void
test_all_stages_by_actions (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id;

  id = save_complaint (f, f->clerk, "刘洋", "13800138001", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                       FALSE, NULL, "送奶员态度差", NULL);
  add_managers (f);
  show_pane (f, f->cs_manager);
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_NEW);

  act (f, id, KEFU_COMPLAINT_ACTION_ROUTE, (Answers) { .department = f->cs_department });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_ROUTED);

  act (f, id, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, (Answers) { 0 });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_assert_cmpstr (_kefu_complaints_pane_get_last_toast (f->pane), !=, NULL);
  g_assert_true (g_str_has_suffix (_kefu_complaints_pane_get_last_toast (f->pane), "is now In progress"));

  act (f, id, KEFU_COMPLAINT_ACTION_RESOLVE, (Answers) { .text = "已向客户道歉并调整送奶员" });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_RESOLVED);

  act (f, id, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
       (Answers) { .satisfaction = KEFU_SATISFACTION_NOT_SATISFIED, .text = "还是迟到" });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_REOPENED);

  act (f, id, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, (Answers) { 0 });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);

  act (f, id, KEFU_COMPLAINT_ACTION_RESOLVE, (Answers) { .text = "换了送奶路线" });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_RESOLVED);

  /* "Move to" from the card's menu takes the same path as a drop. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.move", "(xs)",
                                             id, "called-back"));
  answer_dialogs (f, &(Answers) { .satisfaction = KEFU_SATISFACTION_SATISFIED, .text = "满意" });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_CALLED_BACK);

  act (f, id, KEFU_COMPLAINT_ACTION_CLOSE, (Answers) { 0 });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_CLOSED);
}

static void
test_drops (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) expected = NULL;
  KefuComplaintActor actor = { KEFU_ROLE_CLERK, FALSE, FALSE };
  KefuComplaintAction action;
  gint64 id, other;

  add_managers (f);
  id = save_complaint (f, f->clerk, "刘洋", "13800138001", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                       FALSE, NULL, "有异味", NULL);
  other = save_complaint (f, f->clerk, "张伟", "13800138002", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                          FALSE, NULL, "少送一瓶", NULL);
  show_pane (f, f->cs_manager);

  /* Allowed: Routed → In progress is the acknowledgement, written at once. */
  g_assert_true (drop (f, id, KEFU_COMPLAINT_STAGE_IN_PROGRESS));
  answer_dialogs (f, &(Answers) { 0 });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);

  /* Not a transition: it snaps back with the rule's reason, and nothing runs. */
  g_assert_false (kefu_complaint_action_for_drop (KEFU_COMPLAINT_STAGE_IN_PROGRESS,
                                                  KEFU_COMPLAINT_STAGE_NEW, &action, &expected));
  g_assert_false (drop (f, id, KEFU_COMPLAINT_STAGE_NEW));
  g_assert_cmpuint (f->pane->n_running, ==, 0);
  g_assert_cmpstr (_kefu_complaints_pane_get_last_toast (f->pane), ==, expected->message);
  kefu_test_flush ();
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);

  /* Dropped on its own column: nothing happens and nothing is said. */
  g_clear_pointer (&f->pane->last_toast, g_free);
  g_assert_false (drop (f, id, KEFU_COMPLAINT_STAGE_IN_PROGRESS));
  g_assert_null (_kefu_complaints_pane_get_last_toast (f->pane));

  /* A transition this person may not make: a clerk of another department acknowledging. */
  set_working (f, f->outsider);
  g_clear_error (&expected);
  g_assert_false (kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_ACKNOWLEDGE,
                                             KEFU_COMPLAINT_STAGE_ROUTED, &actor, NULL, &expected));
  g_assert_false (drop (f, other, KEFU_COMPLAINT_STAGE_IN_PROGRESS));
  g_assert_cmpuint (f->pane->n_running, ==, 0);
  g_assert_cmpstr (_kefu_complaints_pane_get_last_toast (f->pane), ==, expected->message);
  kefu_test_flush ();
  g_assert_cmpint (stage_of (f, other), ==, KEFU_COMPLAINT_STAGE_ROUTED);

  /* A harmed customer's complaint is not resolved before a visit: said before any dialog. */
  {
    g_autoptr(KefuComplaintChange) change = NULL;
    g_autoptr(KefuComplaintCard) acknowledged = NULL;
    g_autoptr(GError) error = NULL;
    KefuComplaintActionInput input = { .harmed = TRUE, .n_visits = 0 };
    KefuComplaintActor manager = { KEFU_ROLE_CS_MANAGER, FALSE, TRUE };
    gint64 harmed;

    set_working (f, f->cs_manager);
    harmed = save_complaint (f, f->clerk, "王磊", "13800138009", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                             TRUE, NULL, "喝后腹泻住院", NULL);
    change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, harmed, 1);
    acknowledged = kefu_store_change_complaint (f->store, change, NULL, &error);
    g_assert_no_error (error);
    gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.reload", NULL);
    wait_for_board (f);
    g_assert_cmpint (stage_of (f, harmed), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);

    g_clear_error (&expected);
    g_assert_false (kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_RESOLVE,
                                               KEFU_COMPLAINT_STAGE_IN_PROGRESS, &manager, &input,
                                               &expected));
    g_assert_false (drop (f, harmed, KEFU_COMPLAINT_STAGE_RESOLVED));
    g_assert_cmpuint (f->pane->n_running, ==, 0);
    g_assert_cmpstr (_kefu_complaints_pane_get_last_toast (f->pane), ==, expected->message);
    g_assert_null (find_dialog (f, KEFU_TYPE_COMPLAINT_ACTION_DIALOG));
  }

  /* The store's refusal (another workstation moved it first) is a toast too, and the board
   * shows where the complaint is now. */
  set_working (f, f->cs_manager);
  {
    g_autoptr(KefuComplaintChange) change = NULL;
    g_autoptr(KefuComplaintCard) moved = NULL;
    g_autoptr(GError) error = NULL;
    KefuComplaintCard *shown = _kefu_complaints_pane_find_card (f->pane, other);

    change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, other,
                                        kefu_complaint_card_get_version (shown));
    moved = kefu_store_change_complaint (f->store, change, NULL, &error);
    g_assert_no_error (error);
    g_clear_pointer (&f->pane->last_toast, g_free);
    /* The board still shows it Routed: dropping it on In progress again is refused by the
     * store. */
    g_assert_true (drop (f, other, KEFU_COMPLAINT_STAGE_IN_PROGRESS));
    answer_dialogs (f, &(Answers) { 0 });
    g_assert_nonnull (_kefu_complaints_pane_get_last_toast (f->pane));
    g_assert_false (g_str_has_suffix (_kefu_complaints_pane_get_last_toast (f->pane), "is now In progress"));
    g_assert_cmpint (stage_of (f, other), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kefu/complaints-board/all-stages-by-actions", Fixture, NULL,
              fixture_set_up, test_all_stages_by_actions, fixture_tear_down);
  g_test_add ("/kefu/complaints-board/drops", Fixture, NULL,
              fixture_set_up, test_drops, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
