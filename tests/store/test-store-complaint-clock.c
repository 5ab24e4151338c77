/* test-store-complaint-clock.c: the store's clock (kefu-store-clock.h), on both backends. A
 * complaint worked step by step under a set clock records each step's time in its own columns,
 * its visit and its events alike, so that the timeline reads in the order and at the times the
 * steps happened; the deadline check under the clock escalates and records at the clock's
 * time; and without a clock the writes record the real time again.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "store/kefu-store-clock.h"
#include "test-store-complaint-changes.h"

/* The times of the complaint's events, oldest first, with their actions. */
static GListModel *
timeline (KefuStore *store,
          gint64     complaint_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *events = kefu_store_list_complaint_timeline (store, complaint_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static void
assert_time (GDateTime *actual,
             GDateTime *expected)
{
  g_autofree char *a = actual != NULL ? g_date_time_format_iso8601 (actual) : NULL;
  g_autofree char *e = g_date_time_format_iso8601 (expected);

  g_assert_nonnull (actual);
  g_assert_cmpstr (a, ==, e);
}

/* The newest event `action` of the complaint happened at `expected`. */
static void
assert_event_at (GListModel *events,
                 const char *action,
                 GDateTime  *expected)
{
  for (guint i = g_list_model_get_n_items (events); i > 0; i--)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i - 1);

      if (g_strcmp0 (kefu_event_get_action (event), action) == 0)
        {
          assert_time (kefu_event_get_created_at (event), expected);
          return;
        }
    }
  g_error ("The timeline has no “%s” event", action);
}

static void
test_clock_steps (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  /* 09:00 in Beijing on a Friday a week ago, and the steps after it. */
  g_autoptr(GDateTime) received = g_date_time_new_utc (2026, 11, 20, 1, 0, 0);
  g_autoptr(GDateTime) saved = g_date_time_add_minutes (received, 3);
  g_autoptr(GDateTime) acknowledged = g_date_time_add_minutes (received, 40);
  g_autoptr(GDateTime) visited = g_date_time_add_hours (received, 2);
  g_autoptr(GDateTime) visit_recorded = g_date_time_add_hours (received, 4);
  g_autoptr(GDateTime) resolved = g_date_time_add_hours (received, 26);
  g_autoptr(GDateTime) called_back = g_date_time_add_hours (received, 49);
  g_autoptr(GDateTime) closed = g_date_time_add_minutes (called_back, 20);
  g_autoptr(GDateTime) callback_due = g_date_time_add_days (resolved, 3);
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(KefuComplaintChange) visit = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GDateTime) previous = NULL;
  g_autofree char *details = NULL;
  const char *const expected_actions[] = {
    "created", "routed", "acknowledged", "visit", "resolved", "called-back", "closed",
  };
  gint64 previous_id = 0;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);

  /* Saved three minutes after the call came in: its "created" event and the complaint's
   * "routed" event carry that time. */
  kefu_store_set_clock (store, saved);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, received,
                          NULL, 0, NULL);

  kefu_store_set_clock (store, acknowledged);
  g_clear_object (&card);
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  assert_time (kefu_complaint_card_get_stage_since (card), acknowledged);

  /* The visit is recorded two hours after it took place: the visit's own time is when it took
   * place, the event's when it was recorded. */
  kefu_store_set_clock (store, visit_recorded);
  visit = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_VISIT, id, "客户已出院");
  visit->visitors = g_strdup ("王经理");
  visit->visited_at = g_date_time_ref (visited);
  g_clear_object (&card);
  card = tc_apply (store, co.cs_manager, visit);

  kefu_store_set_clock (store, resolved);
  g_clear_object (&card);
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_RESOLVE, id, "已更换产品");
  /* Round the clock, the callback is due three days after the resolution, counted from the
   * clock's time and not from the real one. */
  assert_time (kefu_complaint_card_get_due_at (card), callback_due);

  kefu_store_set_clock (store, called_back);
  {
    g_autoptr(KefuComplaintChange) callback = tc_change_new (store,
                                                             KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
                                                             id, NULL);

    callback->satisfaction = KEFU_SATISFACTION_SATISFIED;
    g_clear_object (&card);
    card = tc_apply (store, co.clerk, callback);
  }
  kefu_store_set_clock (store, closed);
  g_clear_object (&card);
  card = tc_do (store, co.clerk, KEFU_COMPLAINT_ACTION_CLOSE, id, NULL);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_CLOSED);
  kefu_store_set_clock (store, NULL);

  /* The complaint's columns. */
  stored = tc_complaint_time (store, id, "acknowledged_at");
  assert_time (stored, acknowledged);
  g_clear_pointer (&stored, g_date_time_unref);
  stored = tc_complaint_time (store, id, "resolved_at");
  assert_time (stored, resolved);
  g_clear_pointer (&stored, g_date_time_unref);
  stored = tc_complaint_time (store, id, "called_back_at");
  assert_time (stored, called_back);
  g_clear_pointer (&stored, g_date_time_unref);
  stored = tc_complaint_time (store, id, "closed_at");
  assert_time (stored, closed);
  g_clear_pointer (&stored, g_date_time_unref);
  stored = tc_complaint_time (store, id, "updated_at");
  assert_time (stored, closed);
  g_clear_pointer (&stored, g_date_time_unref);

  /* The events: the steps in order, each at its step's time, and the visit's details say when
   * it took place. */
  events = timeline (store, id);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (expected_actions));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);
      GDateTime *at = kefu_event_get_created_at (event);

      g_assert_cmpstr (kefu_event_get_action (event), ==, expected_actions[i]);
      g_assert_cmpint (kefu_event_get_id (event), >, previous_id);
      /* The call's "created" and the complaint's "routed" are one save, at one time. */
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, at), <=, 0);
      previous_id = kefu_event_get_id (event);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (at);
    }
  assert_event_at (events, "created", saved);
  assert_event_at (events, "routed", saved);
  assert_event_at (events, "acknowledged", acknowledged);
  assert_event_at (events, "visit", visit_recorded);
  assert_event_at (events, "resolved", resolved);
  assert_event_at (events, "called-back", called_back);
  assert_event_at (events, "closed", closed);
  details = tc_event_details (store, id, "visit");
  g_assert_cmpstr (details, ==, "{\"visitors\":\"王经理\",\"visited_at\":"
                                "\"2026-11-20T03:00:00Z\",\"text\":\"客户已出院\"}");
}

/* The deadline check under the clock: what is late at the clock's time is escalated then, and
 * the escalation's events say so. */
static void
test_clock_escalation (Fixture       *fixture,
                       gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = g_date_time_new_utc (2026, 11, 20, 1, 0, 0);
  g_autoptr(GDateTime) acknowledged = g_date_time_add_minutes (received, 30);
  /* A product complaint is resolved within two days; a day later it is late. */
  g_autoptr(GDateTime) checked = g_date_time_add_days (acknowledged, 3);
  g_autoptr(GDateTime) real_before = NULL;
  g_autoptr(GDateTime) real_after = NULL;
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_escalated = 0;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);
  kefu_store_set_clock (store, received);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received,
                          NULL, 0, NULL);
  kefu_store_set_clock (store, acknowledged);
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);

  /* Nothing is late yet at the acknowledgement's time. */
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_check_complaint_deadlines (store, NULL, &n_escalated, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_escalated, ==, 0);

  kefu_store_set_clock (store, checked);
  g_assert_true (kefu_store_check_complaint_deadlines (store, NULL, &n_escalated, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_escalated, >, 0);
  stored = tc_complaint_time (store, id, "escalated_at");
  assert_time (stored, checked);
  g_clear_pointer (&stored, g_date_time_unref);
  stored = tc_complaint_time (store, id, "updated_at");
  assert_time (stored, checked);
  g_clear_pointer (&stored, g_date_time_unref);
  events = timeline (store, id);
  assert_event_at (events, "escalated", checked);

  /* Back on the real clock, a note records the real time. */
  kefu_store_set_clock (store, NULL);
  real_before = g_date_time_new_now_utc ();
  g_clear_object (&card);
  card = tc_do (store, co.team_lead, KEFU_COMPLAINT_ACTION_ADD_NOTE, id, "客户又来电");
  real_after = g_date_time_new_now_utc ();
  g_clear_object (&events);
  events = timeline (store, id);
  {
    g_autoptr(KefuEvent) last = g_list_model_get_item (events,
                                                       g_list_model_get_n_items (events) - 1);
    GDateTime *at = kefu_event_get_created_at (last);

    g_assert_cmpstr (kefu_event_get_action (last), ==, "note");
    /* Stored to the millisecond. */
    g_assert_cmpint (g_date_time_difference (at, real_before), >=, -G_TIME_SPAN_MILLISECOND);
    g_assert_cmpint (g_date_time_difference (real_after, at), >=, 0);
  }
}

void
test_store_add_complaint_clock_tests (void)
{
  TEST_ADD ("complaint-clock/steps", test_clock_steps);
  TEST_ADD ("complaint-clock/escalation", test_clock_escalation);
}
