/* test-store-complaint-edits.c: editing what was captured at intake (kefu_store_update_call ()
 * on a complaint call, routing it anew when the edit makes the customer harmed) and the
 * complaint's timeline, on both backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-complaint-timeline.h"
#include "test-store-complaint-changes.h"

/* Editing what was captured at intake */

static void
test_update_call (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) old = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *batch_key = NULL;
  g_autofree char *urgent = NULL;
  KefuComplaint *complaint;
  gint64 call_version;
  gint64 call_id;
  gint64 events;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, TRUE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, &call_id);
  call = tc_read_call (store, call_id);
  old = tc_read_call (store, call_id);
  complaint = kefu_call_get_complaint (call);
  call_version = kefu_record_get_version (KEFU_RECORD (call));

  /* Nothing changed: nothing written. */
  events = test_count (store, "SELECT COUNT(*) FROM events");
  kefu_store_set_actor (store, co.clerk);
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events"), ==, events);
  g_assert_cmpint (tc_version (store, id), ==, 1);

  kefu_call_set_caller_name (call, "李四 ");
  kefu_complaint_set_reason (complaint, "变质了");
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_SPOILED);
  kefu_complaint_set_batch_number (complaint, "b2");

  /* Someone unrelated may not; invalid text is refused with the call rules. */
  kefu_store_set_actor (store, co.sales_admin);
  g_assert_false (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  kefu_store_set_actor (store, co.clerk);
  kefu_complaint_set_reason (complaint, "");
  g_assert_false (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  kefu_complaint_set_reason (complaint, "变质了");
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events"), ==, events);

  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  details = tc_event_details (store, id, "details-changed");
  g_assert_cmpstr (details, ==, "{\"changes\":{\"caller_name\":[\"张三\",\"李四\"],"
                                "\"reason\":[\"有异味\",\"变质了\"],"
                                "\"symptom\":[\"odd-smell\",\"spoiled\"],"
                                "\"batch_number\":[\"AB-20260301\",\"B2\"]}}");
  {
    g_autoptr(KefuEvent) event = kefu_event_new (1, NULL, co.clerk, "clerk", "complaint", id,
                                                 "details-changed", details);
    g_autoptr(GPtrArray) words = kefu_complaint_event_changes (event);
    KefuFieldChange *change;

    /* The timeline reads each field old → new, in the order written. */
    g_assert_cmpuint (words->len, ==, 4);
    change = g_ptr_array_index (words, 1);
    g_assert_cmpstr (change->old_value, ==, "有异味");
    g_assert_cmpstr (change->new_value, ==, "变质了");
    change = g_ptr_array_index (words, 3);
    g_assert_cmpstr (change->old_value, ==, "AB-20260301");
    g_assert_cmpstr (change->new_value, ==, "B2");
  }
  /* The call and its complaint carry their new versions and stored text. */
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (complaint)), ==, 2);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (call)), ==, call_version + 1);
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "李四");
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "B2");
  batch_key = tc_complaint_text (store, id, "batch_key");
  g_assert_cmpstr (batch_key, ==, "B2");
  stored = tc_read_call (store, call_id);
  g_assert_cmpstr (kefu_call_get_caller_name (stored), ==, "李四");
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, "变质了");
  g_assert_cmpint (kefu_complaint_get_symptom (kefu_call_get_complaint (stored)), ==,
                   KEFU_PRODUCT_SYMPTOM_SPOILED);
  g_assert_nonnull (strstr (kefu_call_get_summary (stored), "变质了"));
  /* The board's card and the list's sort and search read the complaint's copies of its call
   * and its search text (schema step 3): they follow the edit. */
  {
    g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (store, id, NULL, &error);
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
    const char *const words[] = { "变质", "李四", "b2", "有异味", "张三", "ab-2026" };

    g_assert_no_error (error);
    g_assert_cmpstr (kefu_complaint_card_get_customer_name (card), ==, "李四");
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      {
        g_autoptr(GArray) found = NULL;
        gboolean listed = FALSE;

        g_free (filter->text);
        filter->text = g_strdup (words[w]);
        found = kefu_store_list_complaint_ids (store, filter, KEFU_COMPLAINT_SORT_CUSTOMER, FALSE,
                                               NULL, &error);
        g_assert_no_error (error);
        for (guint i = 0; i < found->len; i++)
          listed = listed || g_array_index (found, gint64, i) == id;
        /* The first three are in the new text, the others only in the old. */
        g_assert_cmpint (listed, ==, w < 3);
      }
  }

  /* The copy read before is stale now. */
  kefu_complaint_set_subject (kefu_call_get_complaint (old), "酸奶");
  g_assert_false (kefu_store_update_complaint_call (store, old, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* Found to be harmed: urgent, and the acknowledgement is due thirty minutes after routing. */
  kefu_complaint_set_harmed (complaint, TRUE);
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "details-changed");
  g_assert_cmpstr (details, ==, "{\"changes\":{\"harmed\":[false,true]},\"urgent\":true}");
  urgent = test_query_text (store, "SELECT CASE WHEN urgent THEN 'yes' ELSE 'no' END "
                                   "FROM complaints WHERE id = $1", id);
  g_assert_cmpstr (urgent, ==, "yes");
  since = tc_complaint_time (store, id, "stage_since");
  due = tc_complaint_time (store, id, "due_at");
  tc_assert_minutes (since, due, 30);

  /* Once resolved, what was captured stays. */
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  g_clear_object (&card);
  {
    g_autoptr(KefuComplaintChange) visit = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_VISIT,
                                                          id, "已探望");

    visit->visitors = g_strdup ("王经理");
    visit->visited_at = g_date_time_new_now_utc ();
    card = tc_apply (store, co.cs_manager, visit);
    g_clear_object (&card);
  }
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_RESOLVE, id, "已处理");
  g_clear_object (&stored);
  stored = tc_read_call (store, call_id);
  kefu_complaint_set_subject (kefu_call_get_complaint (stored), "酸奶");
  kefu_store_set_actor (store, co.cs_manager);
  g_assert_false (kefu_store_update_complaint_call (store, stored, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
}

/* An edit that makes the customer harmed routes the complaint as intake would have: the GM
 * office joins (with a "routes-changed" event for its notices); an edit that leaves harm as it
 * was adds nothing, and no route is taken away. */
static void
test_update_call_harmed_routes (Fixture       *fixture,
                                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *added_by = NULL;
  g_autofree char *clerk = NULL;
  g_autoptr(GListModel) notices = NULL;
  GPtrArray *routes;
  KefuComplaint *complaint;
  gboolean told = FALSE;
  gint64 last_event = -1;
  gint64 call_id;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, TRUE, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, &call_id);
  g_assert_cmpint (tc_route_at (store, id, 0), ==, co.cs_department);
  g_assert_cmpint (tc_route_at (store, id, 1), ==, 0);
  call = tc_read_call (store, call_id);
  complaint = kefu_call_get_complaint (call);
  kefu_store_set_actor (store, co.clerk);

  /* A change that leaves harm and the category as they were routes nothing. */
  kefu_complaint_set_reason (complaint, "态度恶劣，还推搡了顾客");
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tc_count_events (store, id, "details-changed"), ==, 1);
  g_assert_cmpint (tc_count_events (store, id, "routes-changed"), ==, 0);
  g_assert_cmpint (tc_route_at (store, id, 1), ==, 0);

  /* Found to be harmed: the GM office is added after the CS centre, which stays, and the GM
   * office's workstation is told of it. */
  notices = kefu_store_list_complaint_notices (store, co.gm_office, -1, &last_event, NULL,
                                               &error);
  g_assert_no_error (error);
  g_clear_object (&notices);
  kefu_complaint_set_harmed (complaint, TRUE);
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  notices = kefu_store_list_complaint_notices (store, co.gm_office, last_event, &last_event, NULL,
                                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (notices, i);

      told = told || (kefu_event_get_entity_id (event) == id &&
                      g_str_equal (kefu_event_get_action (event), "routes-changed"));
    }
  g_assert_true (told);
  g_assert_cmpint (tc_route_at (store, id, 0), ==, co.cs_department);
  g_assert_cmpint (tc_route_at (store, id, 1), ==, co.gm_department);
  g_assert_cmpint (tc_route_at (store, id, 2), ==, 0);
  g_assert_cmpint (tc_count_events (store, id, "routes-changed"), ==, 1);
  details = tc_event_details (store, id, "routes-changed");
  expected = g_strdup_printf ("{\"added\":[{\"id\":%" G_GINT64_FORMAT ",\"name\":\"总经办\"}],"
                              "\"removed\":[],\"text\":\"Customer harmed\"}",
                              co.gm_department);
  g_assert_cmpstr (details, ==, expected);
  reason = test_query_text (store, "SELECT reason FROM complaint_routes WHERE complaint_id = $1 "
                                   "AND reason IS NOT NULL", id);
  g_assert_cmpstr (reason, ==, "Customer harmed");
  added_by = test_query_text (store, "SELECT CAST(added_by AS TEXT) FROM complaint_routes "
                                     "WHERE complaint_id = $1 AND reason IS NOT NULL", id);
  clerk = g_strdup_printf ("%" G_GINT64_FORMAT, co.clerk);
  g_assert_cmpstr (added_by, ==, clerk);
  /* The edited call carries the new route, as a fresh read does. */
  routes = kefu_complaint_get_routes (complaint);
  g_assert_cmpuint (routes->len, ==, 2);
  g_assert_cmpint (((KefuComplaintRoute *) g_ptr_array_index (routes, 1))->department_id, ==,
                   co.gm_department);
  stored = tc_read_call (store, call_id);
  g_assert_cmpuint (kefu_complaint_get_routes (kefu_call_get_complaint (stored))->len, ==, 2);

  /* Edited again while still harmed: the routes are there already, nothing more is added. */
  kefu_complaint_set_reason (complaint, "态度恶劣，推搡了顾客");
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tc_count_events (store, id, "details-changed"), ==, 3);
  g_assert_cmpint (tc_count_events (store, id, "routes-changed"), ==, 1);
  g_assert_cmpint (tc_route_at (store, id, 2), ==, 0);
}

/* The timeline */

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  /* The titles are the timeline's words (kefu-complaint-timeline.h) read from the details the
   * store wrote, so the two agree on the details' form. */
  static const struct
  {
    const char *entity;
    const char *action;
    const char *staff;
    const char *title;
    const char *text;
  } expected[] = {
    { "call", "created", "System", "Complaint call taken by System", NULL },
    { "complaint", "routed", "System", "Routed to 品控部, 客服中心, 总经办", NULL },
    { "complaint", "acknowledged", "qcm", "Acknowledged by 品控部", NULL },
    { "complaint", "note", "clerk", NULL, "客户要求上门" },
    { "complaint", "resolved", "qcm", NULL, "已上门更换" },
  };
  KefuStore *store = fixture->store;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  gint64 previous = 0;
  gint64 call_id;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, FALSE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, &call_id);
  /* Another complaint's events stay out of it. */
  tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL, NULL, 0,
                     NULL);
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  g_clear_object (&card);
  card = tc_do (store, co.clerk, KEFU_COMPLAINT_ACTION_ADD_NOTE, id, "客户要求上门");
  g_clear_object (&card);
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_RESOLVE, id, "已上门更换");

  timeline = kefu_store_list_complaint_timeline (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (timeline, i);

      g_assert_cmpstr (kefu_event_get_entity (event), ==, expected[i].entity);
      g_assert_cmpstr (kefu_event_get_action (event), ==, expected[i].action);
      g_assert_cmpstr (kefu_event_get_staff_name (event), ==, expected[i].staff);
      g_assert_cmpint (kefu_event_get_entity_id (event), ==, i == 0 ? call_id : id);
      g_assert_nonnull (kefu_event_get_created_at (event));
      /* Oldest first. */
      g_assert_cmpint (kefu_event_get_id (event), >, previous);
      previous = kefu_event_get_id (event);
      if (i == 3)
        g_assert_cmpstr (kefu_event_get_details (event), ==, "{\"text\":\"客户要求上门\"}");
      {
        g_autofree char *title = kefu_complaint_event_title (event);
        g_autofree char *text = kefu_complaint_event_text (event);

        /* An event the words do not know is titled with its bare action name. */
        g_assert_cmpstr (title, !=, expected[i].action);
        if (expected[i].title != NULL)
          g_assert_cmpstr (title, ==, expected[i].title);
        if (expected[i].text != NULL)
          g_assert_cmpstr (text, ==, expected[i].text);
      }
    }
}

void
test_store_add_complaint_edit_tests (void)
{
  TEST_ADD ("complaint-intake/update-call", test_update_call);
  TEST_ADD ("complaint-intake/update-call-harmed-routes", test_update_call_harmed_routes);
  TEST_ADD ("complaint-intake/timeline", test_timeline);
}
