/* test-store-complaint-actions.c: the complaint actions beside the stage path, on both backends:
 * escalating by hand, editing the routes, acknowledging for a department, the staff who may not
 * act, and the change's copy handed to the worker thread.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "test-store-complaint-changes.h"

/* Escalation by hand: one level at a time, never beyond the GM office */

static void
test_escalate (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GDateTime) escalated_at = NULL;
  g_autofree char *details = NULL;
  g_autofree char *message = NULL;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, FALSE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, NULL);

  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ESCALATE, id, "品控部迟迟不受理");
  message = tc_refused (store, co.sales_admin, change, KEFU_STORE_ERROR_PERMISSION);
  g_clear_pointer (&change->text, g_free);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.clerk, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("品控部迟迟不受理");
  card = tc_apply (store, co.clerk, change);
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_TEAM_LEAD);
  /* The stage and its deadline stay: the level is the history of lateness. */
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  escalated_at = tc_complaint_time (store, id, "escalated_at");
  g_assert_nonnull (escalated_at);
  details = tc_event_details (store, id, "escalated");
  g_assert_cmpstr (details, ==, "{\"level\":1,\"role\":\"team-lead\",\"deadline\":\"acknowledge\","
                                "\"by_hand\":true,\"text\":\"品控部迟迟不受理\"}");

  g_clear_object (&card);
  card = tc_do (store, co.team_lead, KEFU_COMPLAINT_ACTION_ESCALATE, id, "需要经理协调");
  g_clear_object (&card);
  card = tc_do (store, co.cs_manager, KEFU_COMPLAINT_ACTION_ESCALATE, id, "涉及多个部门");
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_GM_OFFICE);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "escalated");
  g_assert_true (g_str_has_prefix (details, "{\"level\":3,\"role\":\"gm-office\","));

  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ESCALATE, id, "再上报");
  message = tc_refused (store, co.gm_office, change, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpint (tc_count_events (store, id, "escalated"), ==, 3);
}

/* Route edits: add and remove departments with a reason, never the last one */

static void
test_edit_routes (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *reason = NULL;
  gint64 marketing;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  marketing = test_make_department (store, "营销部");
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL, NULL,
                          0, NULL);

  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_EDIT_ROUTES, id, "转营销总监处理");
  change->add_departments = tc_ids (marketing, 0);
  message = tc_refused (store, co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  g_clear_pointer (&change->text, g_free);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.team_lead, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("转营销总监处理");
  /* Removing the only department without adding another is refused… */
  g_array_set_size (change->add_departments, 0);
  change->remove_departments = tc_ids (co.cs_department, 0);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.team_lead, change, KEFU_STORE_ERROR_INVALID);

  /* …while a swap keeps one. */
  g_array_append_val (change->add_departments, marketing);
  card = tc_apply (store, co.team_lead, change);
  g_assert_cmpstr (kefu_complaint_card_get_departments (card), ==, "营销部");
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  details = tc_event_details (store, id, "routes-changed");
  expected = g_strdup_printf ("{\"added\":[{\"id\":%" G_GINT64_FORMAT ",\"name\":\"营销部\"}],"
                              "\"removed\":[{\"id\":%" G_GINT64_FORMAT ",\"name\":\"客服中心\"}],"
                              "\"text\":\"转营销总监处理\"}", marketing, co.cs_department);
  g_assert_cmpstr (details, ==, expected);
  reason = test_query_text (store, "SELECT reason FROM complaint_routes WHERE complaint_id = $1",
                            id);
  g_assert_cmpstr (reason, ==, "转营销总监处理");

  /* The last department cannot go. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_EDIT_ROUTES, id, "撤回");
  change->remove_departments = tc_ids (marketing, 0);
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  /* Nor one it is not routed to. */
  g_array_index (change->remove_departments, gint64, 0) = co.gm_department;
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);

  /* The routed departments' members now act; the CS centre's no longer (not a manager). */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  message = tc_refused (store, co.clerk2, change, KEFU_STORE_ERROR_PERMISSION);
}

/* Acknowledging for a department: one's own, or any routed one for a manager */

static void
test_acknowledge_department (Fixture       *fixture,
                             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *message = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(KefuRows) acknowledged = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, FALSE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, NULL);

  /* A clerk of the routed CS centre may not acknowledge for the QC department… */
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  change->department_id = co.qc_department;
  message = tc_refused (store, co.clerk2, change, KEFU_STORE_ERROR_PERMISSION);
  /* …nobody for a department it is not routed to… */
  change->department_id = co.sales_department;
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  /* …and a manager may, for any routed one. */
  change->department_id = co.gm_department;
  card = tc_apply (store, co.cs_manager, change);
  details = tc_event_details (store, id, "acknowledged");
  expected = g_strdup_printf ("{\"department\":{\"id\":%" G_GINT64_FORMAT ",\"name\":\"总经办\"},"
                              "\"from\":\"routed\",\"to\":\"in-progress\"}", co.gm_department);
  g_assert_cmpstr (details, ==, expected);
  acknowledged = _kefu_store_query (store,
                                    "SELECT department_id, acknowledged_by FROM complaint_routes "
                                    "WHERE complaint_id = $1 AND acknowledged_at IS NOT NULL",
                                    g_variant_new ("(x)", id), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (acknowledged), ==, 1);
  g_assert_cmpint (kefu_rows_get_int (acknowledged, 0, 0), ==, co.gm_department);
  g_assert_cmpint (kefu_rows_get_int (acknowledged, 0, 1), ==, co.cs_manager);
}

/* Staff who have left work no complaints, not even notes; nobody signed in neither. */
static void
test_inactive_actor (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 former;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  former = test_make_staff (store, "former", KEFU_ROLE_CS_MANAGER, co.cs_department, FALSE);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL, NULL,
                          0, NULL);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ADD_NOTE, id, "已致电客户");
  message = tc_refused (store, former, change, KEFU_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (message, "former"));

  kefu_store_set_actor (store, 0);
  none = kefu_store_change_complaint (store, change, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR);
  g_assert_null (none);

  /* The built-in system actor (inactive by design) still writes. */
  kefu_store_set_system_actor (store);
  card = tc_apply (store, kefu_store_get_actor (store), change);
  g_assert_cmpint (tc_count_events (store, id, "note"), ==, 1);
}

/* The change a UI hands to the worker thread is copied whole. */
static void
test_change_copy (void)
{
  g_autoptr(KefuComplaintChange) change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_EDIT_ROUTES,
                                                                     7, 3);
  g_autoptr(KefuComplaintChange) copy = NULL;

  g_assert_cmpint (change->satisfaction, ==, KEFU_SATISFACTION_UNSPECIFIED);
  g_assert_null (change->add_departments);
  change->text = g_strdup ("转营销部");
  change->add_departments = tc_ids (5, 6, 0);
  change->visitors = g_strdup ("王经理");
  change->visited_at = g_date_time_new_utc (2026, 11, 20, 2, 30, 0);
  change->department_id = 4;

  copy = kefu_complaint_change_copy (change);
  g_assert_cmpint (copy->action, ==, KEFU_COMPLAINT_ACTION_EDIT_ROUTES);
  g_assert_cmpint (copy->complaint_id, ==, 7);
  g_assert_cmpint (copy->version, ==, 3);
  g_assert_cmpint (copy->department_id, ==, 4);
  g_assert_true (copy->text != change->text);
  g_assert_cmpstr (copy->text, ==, "转营销部");
  g_assert_true (copy->add_departments != change->add_departments);
  g_assert_cmpuint (copy->add_departments->len, ==, 2);
  g_assert_cmpint (g_array_index (copy->add_departments, gint64, 1), ==, 6);
  g_assert_null (copy->remove_departments);
  g_assert_cmpstr (copy->visitors, ==, "王经理");
  g_assert_true (g_date_time_equal (copy->visited_at, change->visited_at));

  /* The copy lives on after the original is gone. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_assert_cmpstr (copy->text, ==, "转营销部");
  g_assert_cmpint (g_array_index (copy->add_departments, gint64, 0), ==, 5);
}


void
test_store_add_complaint_action_tests (void)
{
  g_test_add_func ("/kefu/store/complaint-changes/change-copy", test_change_copy);
  TEST_ADD ("complaint-changes/escalate", test_escalate);
  TEST_ADD ("complaint-changes/edit-routes", test_edit_routes);
  TEST_ADD ("complaint-changes/acknowledge-department", test_acknowledge_department);
  TEST_ADD ("complaint-changes/inactive-actor", test_inactive_actor);
}
