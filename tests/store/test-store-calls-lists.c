/* test-store-calls-lists.c: the recent calls, a customer's history, the asynchronous save and
 * two workstations saving at once, on both backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "test-store-calls.h"

/* Recent calls and history */

static void
test_recent_calls (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) since = NULL;
  g_autoptr(GListModel) mine_since = NULL;
  g_autoptr(GListModel) two = NULL;
  g_autoptr(GDateTime) bound = test_local_time (2026, 3, 11, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 ids[4];
  Company co;

  test_company_setup (store, &co);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) received = test_local_time (2026, 3, 10 + i, 9, 0);
      g_autoptr(KefuCall) call = test_inquiry_call (i % 2 == 0 ? co.clerk : co.clerk2,
                                                    "13800138000", FALSE, received);

      test_save_call (store, call);
      ids[i] = kefu_record_get_id (KEFU_RECORD (call));
    }

  all = kefu_store_list_recent_calls (store, 0, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KefuCall) call = g_list_model_get_item (all, i);

      /* Newest first, with the summary but no detail record. */
      g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (call)), ==, ids[3 - i]);
      g_assert_cmpstr (kefu_call_get_summary (call), !=, "");
      g_assert_null (kefu_call_get_inquiry (call));
    }

  mine = kefu_store_list_recent_calls (store, co.clerk, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 2);
  since = kefu_store_list_recent_calls (store, 0, bound, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (since), ==, 3);
  mine_since = kefu_store_list_recent_calls (store, co.clerk, bound, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mine_since), ==, 1);
  two = kefu_store_list_recent_calls (store, 0, NULL, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (two), ==, 2);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) first_time = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) second_time = test_local_time (2026, 3, 11, 9, 0);
  g_autoptr(GDateTime) third_time = test_local_time (2026, 3, 12, 9, 0);
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(KefuCall) complaint = NULL;
  g_autoptr(KefuCall) inquiry = NULL;
  g_autoptr(KefuCall) other = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) limited = NULL;
  g_autoptr(GError) error = NULL;
  Company co;
  const struct
  {
    KefuCall        **call;
    KefuHistoryKind   kind;
    const char       *status;
  } expected[] = {
    { &complaint, KEFU_HISTORY_KIND_COMPLAINT_CALL, "routed" },
    { &inquiry, KEFU_HISTORY_KIND_INQUIRY_CALL, "open" },
    { &order, KEFU_HISTORY_KIND_ORDER_CALL, "waiting" },
  };

  test_company_setup (store, &co);
  /* Saved in another order than they happened. */
  inquiry = test_inquiry_call (co.clerk2, "13800138000", TRUE, second_time);
  test_save_call (store, inquiry);
  order = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, first_time);
  test_save_call (store, order);
  complaint = test_complaint_call (&co, co.clerk, "13800138000",
                                   KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, third_time);
  test_save_call (store, complaint);
  other = test_inquiry_call (co.clerk, "13900139000", FALSE, third_time);
  test_save_call (store, other);

  history = kefu_store_list_customer_history (store, kefu_call_get_customer_id (order), 0, NULL,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KefuHistoryEntry) entry = g_list_model_get_item (history, i);
      KefuCall *call = *expected[i].call;

      g_assert_cmpint (kefu_history_entry_get_kind (entry), ==, expected[i].kind);
      g_assert_cmpstr (kefu_history_entry_get_entity (entry), ==, "calls");
      g_assert_cmpint (kefu_history_entry_get_entity_id (entry), ==,
                       kefu_record_get_id (KEFU_RECORD (call)));
      g_assert_cmpstr (kefu_history_entry_get_reference (entry), ==, kefu_call_get_reference (call));
      g_assert_cmpstr (kefu_history_entry_get_summary (entry), ==, kefu_call_get_summary (call));
      g_assert_cmpstr (kefu_history_entry_get_status (entry), ==, expected[i].status);
      g_assert_true (g_date_time_equal (kefu_history_entry_get_occurred_at (entry),
                                        kefu_call_get_received_at (call)));
      g_assert_cmpstr (kefu_history_entry_get_staff_name (entry), ==,
                       kefu_call_get_clerk_id (call) == co.clerk ? "clerk" : "clerk2");
    }

  limited = kefu_store_list_customer_history (store, kefu_call_get_customer_id (order), 1, NULL,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 1);
}

/* Asynchronous save */

typedef struct
{
  GMainLoop *loop;
  KefuCall  *call;
  GError    *error;
  gboolean   saved;
  gint64     id_before_finish;
} AsyncSave;

static void
save_call_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncSave *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  /* Untouched until _finish, although the worker has saved it by now. */
  state->id_before_finish = kefu_record_get_id (KEFU_RECORD (state->call));
  state->saved = kefu_store_save_call_finish (KEFU_STORE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) invalid = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncSave state = { .loop = loop };
  KefuComplaint *complaint;
  Company co;

  test_company_setup (store, &co);
  call = test_complaint_call (&co, co.clerk, "138 0013 8000",
                              KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, received);
  complaint = kefu_call_get_complaint (call);

  state.call = call;
  kefu_store_save_call_async (store, call, NULL, save_call_cb, &state);
  /* Nothing is set on the caller's call before _finish. */
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (call)), ==, 0);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (state.saved);
  g_assert_cmpint (state.id_before_finish, ==, 0);

  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (call)), >, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (call)), ==, 1);
  g_assert_cmpstr (kefu_call_get_reference (call), ==, "TS-20260310-0001");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13800138000");
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "张三");
  g_assert_cmpint (kefu_call_get_customer_id (call), >, 0);
  g_assert_cmpstr (kefu_call_get_summary (call), !=, "");
  /* The same complaint object, now with what the store decided. */
  g_assert_true (kefu_call_get_complaint (call) == complaint);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (complaint)), >, 0);
  g_assert_cmpstr (kefu_complaint_get_reference (complaint), ==, "TS-20260310-0001");
  g_assert_true (kefu_complaint_get_urgent (complaint));
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpuint (kefu_complaint_get_routes (complaint)->len, ==, 3);
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "AB-20260301");
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaints"), ==, 1);

  /* An invalid call fails in _finish and stays as typed. */
  invalid = test_inquiry_call (co.clerk, "", FALSE, received);
  state.call = invalid;
  kefu_store_save_call_async (store, invalid, NULL, save_call_cb, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_false (state.saved);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (invalid)), ==, 0);
  g_assert_cmpstr (kefu_call_get_caller_name (invalid), ==, " 张三\u3000");
  g_clear_error (&state.error);
}

/* Two workstations at once (PostgreSQL: two sessions really run in parallel; a shared SQLite
 * file serialises its writers, and one process must not open it twice). */

typedef struct
{
  const char    *location;
  const Company *company;
  GMutex         lock;
  GCond          cond;
  gboolean       go;
  guint          n_saves;
} Race;

static gpointer
race_thread (gpointer data)
{
  Race *race = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (race->location, NULL, &error);
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);

  g_assert_no_error (error);
  kefu_store_set_system_actor (store);
  g_mutex_lock (&race->lock);
  while (!race->go)
    g_cond_wait (&race->cond, &race->lock);
  g_mutex_unlock (&race->lock);

  for (guint i = 0; i < race->n_saves; i++)
    {
      /* The same new caller on both workstations. */
      g_autoptr(KefuCall) call = test_order_call (race->company, race->company->clerk,
                                                  "138 0013 8000", "朝阳区",
                                                  KEFU_CHANNEL_RETAIL, received);

      g_assert_true (kefu_store_save_call (store, call, NULL, &error));
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_concurrent_saves (Fixture       *fixture,
                       gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GThread *threads[2];
  Company co;
  Race race = { .location = fixture->location, .company = &co, .n_saves = 10 };

  if (test_backend () != KEFU_STORE_BACKEND_POSTGRES)
    {
      g_test_skip ("PostgreSQL sessions only: SQLite's BEGIN IMMEDIATE serialises the writers");
      return;
    }

  test_company_setup (store, &co);
  g_mutex_init (&race.lock);
  g_cond_init (&race.cond);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("race", race_thread, &race);
  /* Let both connect, then start them together. */
  g_usleep (200 * 1000);
  g_mutex_lock (&race.lock);
  race.go = TRUE;
  g_cond_broadcast (&race.cond);
  g_mutex_unlock (&race.lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&race.lock);
  g_cond_clear (&race.cond);

  /* One customer for the number, and the day's numbers 1 to 20 without a gap or a repeat. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers"), ==, 1);
  rows = _kefu_store_query (store, "SELECT reference FROM calls ORDER BY reference", NULL, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 2 * race.n_saves);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autofree char *expected = g_strdup_printf ("DH-20260310-%04u", i + 1);

      g_assert_cmpstr (kefu_rows_get_text (rows, i, 0), ==, expected);
    }
}

void
test_store_add_call_list_tests (void)
{
  TEST_ADD ("calls/recent", test_recent_calls);
  TEST_ADD ("calls/history", test_history);
  TEST_ADD ("calls/save-async", test_save_async);
  TEST_ADD ("calls/concurrent-saves", test_concurrent_saves);
}
