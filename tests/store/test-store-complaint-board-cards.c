/* test-store-complaint-board-cards.c: the board's reads on both backends: the board's order, the
 * sidebar's counts, the cards' fields and the asynchronous board, over the cases of
 * test-store-complaint-board.c.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "core/kefu-enums.h"
#include "test-store-complaint-board.h"

/* The board */

static void
test_board_order (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) early = test_local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) late = test_local_time (2026, 3, 16, 9, 0);
  g_autoptr(GListModel) board = NULL;
  g_autoptr(GListModel) with_closed = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GDateTime) long_ago = NULL;
  g_autofree char *long_ago_text = NULL;
  Cases k;
  gint64 h, i;
  gint64 want[6];

  board_cases_setup (store, &k);
  /* In Routed: B is urgent; A and C have deadlines (C's sooner); H has none, I is the
   * oldest without one. D is in progress. */
  h = board_make_complaint (store, &(Spec) { k.site.clerk, "吴九", "13800000007",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "送错了", 9 });
  i = board_make_complaint (store, &(Spec) { k.site.clerk, "郑十", "13800000008",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "少送了", 8 });
  board_set_due (store, k.a, "acknowledge", since, late);
  board_set_due (store, k.b, "acknowledge", since, late);
  board_set_due (store, k.c, "acknowledge", since, early);
  board_set_due (store, h, NULL, since, NULL);
  board_set_due (store, i, NULL, since, NULL);
  board_set_stage (store, k.d, "in-progress");

  board = kefu_store_list_board_complaints (store, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  want[0] = k.b, want[1] = k.c, want[2] = k.a, want[3] = i, want[4] = h, want[5] = k.d;
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, G_N_ELEMENTS (want));
  for (guint n = 0; n < G_N_ELEMENTS (want); n++)
    {
      g_autoptr(KefuComplaintCard) card = g_list_model_get_item (board, n);

      g_assert_cmpint (kefu_complaint_card_get_id (card), ==, want[n]);
    }

  /* Closed in the last days: E (closed two days ago) joins with 3 days, not with 1. The
   * explained complaint F never shows. */
  with_closed = kefu_store_list_board_complaints (store, NULL, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (with_closed), ==, 7);
  {
    g_autoptr(KefuComplaintCard) last = g_list_model_get_item (with_closed, 6);

    g_assert_cmpint (kefu_complaint_card_get_id (last), ==, k.e);
    g_assert_cmpint (kefu_complaint_card_get_stage (last), ==, KEFU_COMPLAINT_STAGE_CLOSED);
  }
  g_clear_object (&with_closed);
  with_closed = kefu_store_list_board_complaints (store, NULL, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (with_closed), ==, 6);
  /* A complaint closed long ago stays off the board. */
  long_ago = g_date_time_add_days (since, -100);
  long_ago_text = kefu_time_to_db (long_ago);
  board_exec (store, "UPDATE complaints SET stage = 'closed', closed_at = $2 WHERE id = $1",
        g_variant_new ("(xs)", h, long_ago_text));
  g_clear_object (&with_closed);
  with_closed = kefu_store_list_board_complaints (store, NULL, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (with_closed), ==, 6);

  /* The board takes the filters too (here: 乙's, in their department). */
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = k.site.clerk2;
  mine = kefu_store_list_board_complaints (store, filter, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 2);
  g_clear_object (&mine);
  filter->scope = KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT;
  filter->staff_id = k.site.qc_manager;
  mine = kefu_store_list_board_complaints (store, filter, 3, NULL, &error);
  g_assert_no_error (error);
  /* A (routed), D (in progress) and E (closed two days ago). */
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 3);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -5);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 5);
  g_autoptr(GError) error = NULL;
  gint64 n_open = -1, n_urgent = -1, n_overdue = -1;
  Cases k;

  board_cases_setup (store, &k);
  board_set_due (store, k.a, "acknowledge", past, past);
  board_set_due (store, k.b, "acknowledge", past, soon);
  board_set_due (store, k.c, "acknowledge", past, past);
  board_set_due (store, k.d, NULL, past, NULL);
  g_assert_true (kefu_store_count_open_complaints (store, &n_open, &n_urgent, &n_overdue, NULL,
                                                   &error));
  g_assert_no_error (error);
  /* A, B, C, D; E is closed, F explained. */
  g_assert_cmpint (n_open, ==, 4);
  g_assert_cmpint (n_urgent, ==, 1);
  g_assert_cmpint (n_overdue, ==, 2);

  board_set_stage (store, k.b, "called-back");
  board_set_stage (store, k.c, "closed");
  g_assert_true (kefu_store_count_open_complaints (store, &n_open, NULL, &n_overdue, NULL, &error));
  g_assert_cmpint (n_open, ==, 3);
  g_assert_cmpint (n_overdue, ==, 1);
}

/* Cards */

static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due = test_local_time (2026, 3, 17, 9, 0);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) other = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  GArray *departments;
  Cases k;
  gint64 ids[4];

  board_cases_setup (store, &k);
  board_exec (store, "UPDATE complaints SET resolution = '换货并道歉', satisfaction = 'so-so', "
               "customer_words = '还行', escalation_level = 2, stage = 'resolved' WHERE id = $1",
        g_variant_new ("(x)", k.a));
  board_set_due (store, k.a, "callback", since, due);
  board_exec (store, "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, outcome, "
               "recorded_by) VALUES ($1, '经理', '2026-03-11 02:00:00.000Z', '已道歉', $2)",
        g_variant_new ("(xx)", k.b, k.site.cs_manager));
  board_exec (store, "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, outcome, "
               "recorded_by) VALUES ($1, '主任', '2026-03-12 02:00:00.000Z', '已赔偿', $2)",
        g_variant_new ("(xx)", k.b, k.site.gm_office));

  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_id (card), ==, k.a);
  g_assert_cmpint (kefu_complaint_card_get_version (card), ==,
                   board_count (store, "SELECT version FROM complaints WHERE id = $1", k.a));
  g_assert_cmpint (kefu_complaint_card_get_call_id (card), ==,
                   board_count (store, "SELECT call_id FROM complaints WHERE id = $1", k.a));
  g_assert_true (g_str_has_prefix (kefu_complaint_card_get_reference (card), "TS-20260310-"));
  g_assert_cmpint (kefu_complaint_card_get_customer_id (card), >, 0);
  g_assert_cmpstr (kefu_complaint_card_get_customer_name (card), ==, "张三");
  g_assert_cmpstr (kefu_complaint_card_get_phone (card), ==, "13800000001");
  g_assert_cmpint (kefu_complaint_card_get_category (card), ==, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  g_assert_cmpstr (kefu_complaint_card_get_subject (card), ==, "鲜牛奶");
  g_assert_cmpstr (kefu_complaint_card_get_reason (card), ==, "有异味");
  g_assert_cmpint (kefu_complaint_card_get_product_id (card), ==, k.site.milk);
  g_assert_cmpstr (kefu_complaint_card_get_batch_number (card), ==, "AB-1");
  g_assert_false (kefu_complaint_card_get_harmed (card));
  g_assert_false (kefu_complaint_card_get_urgent (card));
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_assert_cmpint (kefu_complaint_card_get_owner_id (card), ==, k.site.clerk);
  g_assert_cmpstr (kefu_complaint_card_get_owner_name (card), ==, "甲");
  /* Routed by the role defaults: QC manager, CS manager, GM office, in that order. */
  g_assert_cmpstr (kefu_complaint_card_get_departments (card), ==, "品控部、客服中心、总经办");
  departments = kefu_complaint_card_get_department_ids (card);
  g_assert_cmpuint (departments->len, ==, 3);
  g_assert_cmpint (g_array_index (departments, gint64, 0), ==, k.site.qc_department);
  g_assert_cmpint (g_array_index (departments, gint64, 1), ==, k.site.cs_department);
  g_assert_cmpint (g_array_index (departments, gint64, 2), ==, k.site.gm_department);
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_received_at (card), received));
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_stage_since (card), since));
  g_assert_cmpint (kefu_complaint_card_get_due_kind (card), ==, KEFU_COMPLAINT_DEADLINE_CALLBACK);
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), due));
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_CS_MANAGER);
  g_assert_cmpstr (kefu_complaint_card_get_resolution (card), ==, "换货并道歉");
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==, KEFU_SATISFACTION_SO_SO);
  g_assert_cmpstr (kefu_complaint_card_get_customer_words (card), ==, "还行");
  g_assert_cmpuint (kefu_complaint_card_get_n_visits (card), ==, 0);
  g_assert_false (kefu_complaint_card_get_batch_flagged (card));

  /* A route added later comes last; B has its two visits and is urgent. */
  board_exec (store, "INSERT INTO complaint_routes (complaint_id, department_id, created_at) "
               "VALUES ($1, $2, now())",
        g_variant_new ("(xx)", k.b, k.site.sales_department));
  other = kefu_store_get_complaint_card (store, k.b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_complaint_card_get_departments (other), ==, "客服中心、总经办、销售部");
  g_assert_cmpuint (kefu_complaint_card_get_department_ids (other)->len, ==, 3);
  g_assert_cmpint (g_array_index (kefu_complaint_card_get_department_ids (other), gint64, 2), ==,
                   k.site.sales_department);
  g_assert_cmpuint (kefu_complaint_card_get_n_visits (other), ==, 2);
  g_assert_true (kefu_complaint_card_get_urgent (other));
  g_assert_true (kefu_complaint_card_get_harmed (other));
  g_assert_cmpint (kefu_complaint_card_get_category (other), ==, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  g_clear_object (&other);

  /* The explained complaint: no routes, no deadline. */
  board_set_due (store, k.f, NULL, since, NULL);
  other = kefu_store_get_complaint_card (store, k.f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_stage (other), ==, KEFU_COMPLAINT_STAGE_EXPLAINED);
  g_assert_null (kefu_complaint_card_get_departments (other));
  g_assert_cmpuint (kefu_complaint_card_get_department_ids (other)->len, ==, 0);
  g_assert_cmpint (kefu_complaint_card_get_due_kind (other), ==, KEFU_COMPLAINT_DEADLINE_NONE);
  g_assert_null (kefu_complaint_card_get_due_at (other));
  g_assert_cmpint (kefu_complaint_card_get_category (other), ==, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  g_clear_object (&other);

  /* Flagged while an open alert covers its product and batch (the key, any case). */
  board_exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
               "first_at, flagged_at, flagged_complaint_id) VALUES ($1, 'AB-1', 'AB-1', 3, "
               "'2026-03-01 01:00:00.000Z', '2026-03-10 01:00:00.000Z', $2)",
        g_variant_new ("(xx)", k.site.milk, k.a));
  g_clear_object (&card);
  card = kefu_store_get_complaint_card (store, k.e, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kefu_complaint_card_get_batch_flagged (card));
  other = kefu_store_get_complaint_card (store, k.d, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kefu_complaint_card_get_batch_flagged (other));
  g_clear_object (&other);
  /* The board reads departments, visits and batch flags in a statement of its own: its cards
   * say the same as the cards read one by one. */
  {
    g_autoptr(GListModel) board = kefu_store_list_board_complaints (store, NULL, 3650, NULL,
                                                                   &error);
    guint n_flagged = 0, n_routed = 0, n_visited = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (board); i++)
      {
        g_autoptr(KefuComplaintCard) on_board = g_list_model_get_item (board, i);
        g_autoptr(KefuComplaintCard) alone = NULL;
        GArray *ids, *alone_ids;

        alone = kefu_store_get_complaint_card (store, kefu_complaint_card_get_id (on_board),
                                               NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (kefu_complaint_card_get_departments (on_board), ==,
                         kefu_complaint_card_get_departments (alone));
        ids = kefu_complaint_card_get_department_ids (on_board);
        alone_ids = kefu_complaint_card_get_department_ids (alone);
        g_assert_cmpuint (ids->len, ==, alone_ids->len);
        for (guint j = 0; j < ids->len; j++)
          g_assert_cmpint (g_array_index (ids, gint64, j), ==, g_array_index (alone_ids, gint64, j));
        g_assert_cmpuint (kefu_complaint_card_get_n_visits (on_board), ==,
                          kefu_complaint_card_get_n_visits (alone));
        g_assert_cmpint (kefu_complaint_card_get_batch_flagged (on_board), ==,
                         kefu_complaint_card_get_batch_flagged (alone));
        g_assert_cmpstr (kefu_complaint_card_get_customer_name (on_board), ==,
                         kefu_complaint_card_get_customer_name (alone));
        n_flagged += kefu_complaint_card_get_batch_flagged (on_board);
        n_routed += ids->len > 1;
        n_visited += kefu_complaint_card_get_n_visits (on_board) > 0;
      }
    g_assert_cmpuint (n_flagged, >, 0);
    g_assert_cmpuint (n_routed, >, 0);
    g_assert_cmpuint (n_visited, >, 0);
  }
  board_exec (store, "UPDATE batch_alerts SET acknowledged_at = now()", NULL);
  g_clear_object (&card);
  card = kefu_store_get_complaint_card (store, k.e, NULL, &error);
  g_assert_false (kefu_complaint_card_get_batch_flagged (card));

  /* Many cards in the order asked, a missing id left out; and pages longer than one read. */
  ids[0] = k.d, ids[1] = 999999, ids[2] = k.a, ids[3] = k.d;
  cards = kefu_store_get_complaint_cards (store, ids, G_N_ELEMENTS (ids), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 0)), ==, k.d);
  g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 1)), ==, k.a);
  g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 2)), ==, k.d);
  g_clear_pointer (&cards, g_ptr_array_unref);
  {
    g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint n = 0; n < 600; n++)
      {
        gint64 id = n % 2 == 0 ? k.c : k.b;

        g_array_append_val (many, id);
      }
    cards = kefu_store_get_complaint_cards (store, (gint64 *) many->data, many->len, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cards->len, ==, 600);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 599)), ==, k.b);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 598)), ==, k.c);
  }

  /* Not there. */
  g_clear_object (&other);
  other = kefu_store_get_complaint_card (store, 999999, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_assert_null (other);
  g_clear_error (&error);
  g_assert_cmpint (kefu_store_find_complaint_by_call (store, 999999, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

/* Async */

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) board = NULL;
  g_autoptr(GError) error = NULL;
  Cases k;

  board_cases_setup (store, &k);
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = k.site.clerk;
  kefu_store_list_board_complaints_async (store, filter, 5, NULL, async_done_cb, &result);
  /* The filter was copied: changing it now changes nothing. */
  filter->staff_id = k.site.clerk2;
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  board = kefu_store_list_board_complaints_finish (store, result, &error);
  g_assert_no_error (error);
  /* A, C, and E closed two days ago. */
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 3);
  g_assert_true (g_list_model_get_item_type (board) == KEFU_TYPE_COMPLAINT_CARD);

  /* A change runs on a copy, as the actor who asked, and gives the new card. */
  {
    g_autoptr(KefuComplaintCard) before = kefu_store_get_complaint_card (store, k.c, NULL, &error);
    g_autoptr(KefuComplaintChange) change = NULL;
    g_autoptr(KefuComplaintCard) after = NULL;
    g_autoptr(GAsyncResult) changed = NULL;

    g_assert_no_error (error);
    change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, k.c,
                                        kefu_complaint_card_get_version (before));
    change->text = g_strdup ("客户说明天再打来");
    kefu_store_set_actor (store, k.site.clerk2);
    kefu_store_change_complaint_async (store, change, NULL, async_done_cb, &changed);
    g_clear_pointer (&change->text, g_free);
    kefu_store_set_actor (store, k.site.clerk);
    while (changed == NULL)
      g_main_context_iteration (NULL, TRUE);
    after = kefu_store_change_complaint_finish (store, changed, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kefu_complaint_card_get_id (after), ==, k.c);
    g_assert_cmpint (kefu_complaint_card_get_version (after), >,
                     kefu_complaint_card_get_version (before));
    g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                                         "AND action = 'note' AND entity_id = $1 AND staff_id = "
                                         "(SELECT id FROM staff WHERE login = 'clerk2') AND "
                                         "details LIKE '%明天再打来%'", k.c), ==, 1);
  }
}

void
test_store_add_complaint_board_card_tests (void)
{
  TEST_ADD ("complaint-board/board-order", test_board_order);
  TEST_ADD ("complaint-board/counts", test_counts);
  TEST_ADD ("complaint-board/cards", test_cards);
  TEST_ADD ("complaint-board/async", test_async);
}
