/* test-complaints-board-callbacks.c: a complaint resolved on the board is called back from the
 * callback calendar: its callback is due within the three working days, shows on its day in the
 * Callbacks pane (the month's count and the day's agenda), and opens there.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaints-board"

#include "config.h"

#include <string.h>

#include "callbacks/kefu-callback-agenda.h"
#include "callbacks/kefu-callback-month-view.h"
#include "callbacks/kefu-callback-page.h"
#include "callbacks/kefu-callbacks-pane.h"
#include "store/kefu-store-callbacks.h"

#include "test-complaints-board.h"

static gboolean
pane_busy (KefuCallbacksPane *pane)
{
  gboolean busy;

  g_object_get (pane, "busy", &busy, NULL);
  return busy;
}

static void
test_resolved_complaint_called_back (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(KefuCallback) callback = NULL;
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(GDateTime) resolved_at = NULL;
  g_autoptr(GDateTime) limit = NULL;
  g_autoptr(GDateTime) local_due = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) clerk = NULL;
  GtkWindow *window;
  KefuCallbacksPane *pane;
  KefuCallbackMonthView *month;
  KefuCallbackAgenda *agenda;
  GListModel *rows;
  KefuCallbackInfo *info;
  GDate due_day, first, last;
  gint64 id;
  gboolean listed = FALSE;

  id = save_complaint (f, f->clerk, "刘洋", "13800138001", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                       FALSE, NULL, "送奶员态度差", NULL);
  add_managers (f);
  show_pane (f, f->cs_manager);
  act (f, id, KEFU_COMPLAINT_ACTION_ROUTE, (Answers) { .department = f->cs_department });
  act (f, id, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, (Answers) { 0 });
  resolved_at = g_date_time_new_now_utc ();
  act (f, id, KEFU_COMPLAINT_ACTION_RESOLVE, (Answers) { .text = "已向客户道歉并调整送奶员" });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_RESOLVED);

  /* Resolving scheduled the after-complaint callback, due by the third working day's end. */
  callbacks = kefu_store_list_callbacks_for (f->store, "complaint", id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (callbacks->len, ==, 1);
  info = callbacks->pdata[0];
  g_assert_cmpint (info->reason, ==, KEFU_CALLBACK_REASON_AFTER_COMPLAINT);
  g_assert_cmpint (info->state, ==, KEFU_CALLBACK_STATE_DUE);
  callback = kefu_store_get_callback (f->store, info->id, NULL, &error);
  g_assert_no_error (error);
  rules = kefu_store_read_callback_rules (f->store, NULL, &error);
  g_assert_no_error (error);
  limit = kefu_work_calendar_end_of_working_day (kefu_callback_rules_get_calendar (rules),
                                                 resolved_at, 3);
  g_assert_cmpint (g_date_time_compare (callback->deadline_at, limit), <=, 0);
  g_assert_cmpint (g_date_time_compare (callback->due_at, callback->deadline_at), <=, 0);
  g_assert_cmpint (g_date_time_compare (callback->due_at, resolved_at), >=, 0);
  /* Never in the customers' rest time. */
  g_assert_false (kefu_callback_time_is_quiet (rules, NULL, callback->due_at));

  /* The Callbacks pane, the team's view, on the callback's day: counted and listed. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  pane = g_object_new (KEFU_TYPE_CALLBACKS_PANE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  clerk = get_staff (f, f->clerk);
  g_object_set (pane, "store", f->store, "staff", clerk, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "callbacks.show", "s", "team"));
  local_due = g_date_time_to_local (callback->due_at);
  g_date_clear (&due_day, 1);
  g_date_set_dmy (&due_day, g_date_time_get_day_of_month (local_due),
                  g_date_time_get_month (local_due), g_date_time_get_year (local_due));
  month = KEFU_CALLBACK_MONTH_VIEW (kefu_test_find_mapped (GTK_WIDGET (pane),
                                                           KEFU_TYPE_CALLBACK_MONTH_VIEW));
  agenda = KEFU_CALLBACK_AGENDA (kefu_test_find_mapped (GTK_WIDGET (pane),
                                                        KEFU_TYPE_CALLBACK_AGENDA));
  kefu_callback_month_view_select_day (month, &due_day);
  kefu_test_wait_until (!pane_busy (pane));
  kefu_callback_month_view_get_range (month, &first, &last);
  g_assert_cmpint (g_date_compare (&first, &due_day), <=, 0);
  g_assert_cmpint (g_date_compare (&due_day, &last), <=, 0);

  rows = kefu_callback_agenda_get_model (agenda);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KefuCallback) row = g_list_model_get_item (rows, i);

      if (row->id == callback->id)
        {
          listed = TRUE;
          g_assert_cmpstr (row->customer_name, ==, "刘洋");
          g_assert_cmpstr (row->source_entity, ==, "complaint");
        }
    }
  g_assert_true (listed);
  /* The day's button says it in words. */
  {
    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (month), GTK_TYPE_BUTTON);
    gboolean said = FALSE;

    for (guint i = 0; i < buttons->len; i++)
      {
        const char *tooltip = gtk_widget_get_tooltip_text (buttons->pdata[i]);

        if (tooltip != NULL && strstr (tooltip, "1 due") != NULL)
          said = TRUE;
      }
    g_assert_true (said);
  }

  /* Opened from the agenda, the callback's page is pushed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agenda), "callbacks.open", "x",
                                             callback->id));
  kefu_test_wait_until (!pane_busy (pane));
  {
    KefuCallbackPage *page;

    kefu_test_wait_until (kefu_test_find_mapped (GTK_WIDGET (pane), KEFU_TYPE_CALLBACK_PAGE) != NULL);
    page = KEFU_CALLBACK_PAGE (kefu_test_find_mapped (GTK_WIDGET (pane), KEFU_TYPE_CALLBACK_PAGE));
    kefu_test_wait_until (_kefu_callback_page_holds_claim (page));

    g_assert_cmpint (kefu_callback_page_get_callback_id (page), ==, callback->id);
    /* Opened, the callback is this workstation's to make (waited for above). */
  }

  gtk_window_destroy (window);
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add ("/kefu/complaints-board/resolved-complaint-called-back", Fixture, NULL,
              fixture_set_up, test_resolved_complaint_called_back, fixture_tear_down);
  return kefu_test_run (data_home);
}
