/* test-store-complaint-stages.c: working a complaint along its stages on the store, on both
 * backends: the whole way from intake to closed, routing by hand, reopening, version conflicts
 * and a harmed customer's visit, with the stage times, the deadlines and the events each change
 * writes.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "test-store-complaint-changes.h"

/* The stage columns after a move: the stage, its time (= the column the action sets), and the
 * deadline `minutes` after it (-1: none). */
static void
assert_stage (KefuStore         *store,
              KefuComplaintCard *card,
              gint64             complaint_id,
              const char        *stage,
              const char        *time_column,
              const char        *due_kind,
              gint64             minutes)
{
  g_autofree char *stored_stage = tc_complaint_text (store, complaint_id, "stage");
  g_autofree char *stored_kind = tc_complaint_text (store, complaint_id, "due_kind");
  g_autoptr(GDateTime) since = tc_complaint_time (store, complaint_id, "stage_since");
  g_autoptr(GDateTime) due = tc_complaint_time (store, complaint_id, "due_at");
  g_autoptr(GDateTime) set_at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_cmpstr (stored_stage, ==, stage);
  g_assert_cmpstr (stored_kind, ==, due_kind);
  g_assert_nonnull (since);
  /* The stage began during this test, not at intake or in the past. */
  g_assert_cmpint (g_date_time_difference (now, since), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, since), <, 60 * G_TIME_SPAN_SECOND);
  if (time_column != NULL)
    {
      set_at = tc_complaint_time (store, complaint_id, time_column);
      g_assert_nonnull (set_at);
      g_assert_true (g_date_time_equal (set_at, since));
    }
  if (minutes < 0)
    g_assert_null (due);
  else
    tc_assert_minutes (since, due, minutes);

  if (card != NULL)
    {
      g_assert_cmpstr (kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                          kefu_complaint_card_get_stage (card)), ==, stage);
      g_assert_true (g_date_time_equal (kefu_complaint_card_get_stage_since (card), since));
      if (due == NULL)
        g_assert_null (kefu_complaint_card_get_due_at (card));
      else
        g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), due));
    }
}

/* The whole way: routed at intake → acknowledged → resolved → called back → closed */

static void
test_full_flow (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KefuRows) route = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, TRUE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, NULL);

  /* Acknowledge: the sales admin's department is not routed; the QC manager's is. */
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  message = tc_refused (store, co.sales_admin, change, KEFU_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (message, !=, "");
  card = tc_apply (store, co.qc_manager, change);
  assert_stage (store, card, id, "in-progress", "acknowledged_at", "resolve", 2 * 24 * 60);
  details = tc_event_details (store, id, "acknowledged");
  expected = g_strdup_printf ("{\"department\":{\"id\":%" G_GINT64_FORMAT ",\"name\":\"品控部\"},"
                              "\"from\":\"routed\",\"to\":\"in-progress\"}", co.qc_department);
  g_assert_cmpstr (details, ==, expected);
  route = _kefu_store_query (store,
                             "SELECT acknowledged_by, acknowledged_at FROM complaint_routes "
                             "WHERE complaint_id = $1 AND department_id = $2",
                             g_variant_new ("(xx)", id, co.qc_department), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_rows_get_int (route, 0, 0), ==, co.qc_manager);
  g_assert_false (kefu_rows_is_null (route, 0, 1));
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routes "
                                      "WHERE acknowledged_at IS NOT NULL"), ==, 1);
  /* A second acknowledgement is not a move from In progress. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);

  /* Resolve: refused to the sales admin and without a resolution; the QC manager records it. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  g_clear_object (&card);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RESOLVE, id, "已为客户更换产品并致歉");
  message = tc_refused (store, co.sales_admin, change, KEFU_STORE_ERROR_PERMISSION);
  g_clear_pointer (&change->text, g_free);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.qc_manager, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("  已为客户更换产品并致歉\u3000");
  card = tc_apply (store, co.qc_manager, change);
  assert_stage (store, card, id, "resolved", "resolved_at", "callback", 3 * 24 * 60);
  g_assert_cmpstr (kefu_complaint_card_get_resolution (card), ==, "已为客户更换产品并致歉");
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "resolved");
  g_assert_cmpstr (details, ==, "{\"text\":\"已为客户更换产品并致歉\",\"from\":\"in-progress\","
                                "\"to\":\"resolved\"}");

  /* Callback: the sales admin may not record it; the owner records "so-so". */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  g_clear_object (&card);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, id, "还可以,希望包装改进");
  change->satisfaction = KEFU_SATISFACTION_SO_SO;
  message = tc_refused (store, co.sales_admin, change, KEFU_STORE_ERROR_PERMISSION);
  card = tc_apply (store, co.clerk, change);
  assert_stage (store, card, id, "called-back", "called_back_at", NULL, -1);
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==, KEFU_SATISFACTION_SO_SO);
  g_assert_cmpstr (kefu_complaint_card_get_customer_words (card), ==, "还可以,希望包装改进");
  text = tc_complaint_text (store, id, "satisfaction");
  g_assert_cmpstr (text, ==, "so-so");
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "called-back");
  g_assert_cmpstr (details, ==, "{\"satisfaction\":\"so-so\",\"text\":\"还可以,希望包装改进\","
                                "\"from\":\"resolved\",\"to\":\"called-back\"}");

  /* Close: another clerk may not; the owner closes. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  g_clear_object (&card);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_CLOSE, id, NULL);
  message = tc_refused (store, co.clerk2, change, KEFU_STORE_ERROR_PERMISSION);
  card = tc_apply (store, co.clerk, change);
  assert_stage (store, card, id, "closed", "closed_at", NULL, -1);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "closed");
  g_assert_cmpstr (details, ==, "{\"from\":\"called-back\",\"to\":\"closed\"}");

  /* Closed is final, but a note may still be added, by anyone. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  g_clear_object (&card);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_REOPEN, id, "客户又来电");
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ADD_NOTE, id, NULL);
  message = tc_refused (store, co.sales_admin, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("抽查:处理及时");
  card = tc_apply (store, co.sales_admin, change);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_CLOSED);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "note");
  g_assert_cmpstr (details, ==, "{\"text\":\"抽查:处理及时\"}");

  /* Every change was recorded against who made it. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                                      "AND action = 'note' AND staff_id = (SELECT id FROM staff "
                                      "WHERE login = 'sales')"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                                      "AND action = 'closed' AND staff_id = (SELECT id FROM staff "
                                      "WHERE login = 'clerk')"), ==, 1);
}

/* New → Routed by hand, when intake found nobody to route to */

static void
test_route (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) due = NULL;
  gint64 lead;
  gint64 qc;
  gint64 id;
  Company co = { 0 };

  /* A new installation: nobody holds the roles the defaults route to. */
  co.clerk = test_make_staff (store, "clerk", KEFU_ROLE_CLERK, 0, TRUE);
  co.milk = test_make_product (store, "鲜牛奶", 1250);
  lead = test_make_staff (store, "lead", KEFU_ROLE_TEAM_LEAD, 0, TRUE);
  qc = test_make_department (store, "品控部");
  tc_set_round_the_clock (store);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, NULL);

  /* New works against the route deadline, like an acknowledgement. */
  stage = tc_complaint_text (store, id, "stage");
  g_assert_cmpstr (stage, ==, "new");
  kind = tc_complaint_text (store, id, "due_kind");
  g_assert_cmpstr (kind, ==, "route");
  since = tc_complaint_time (store, id, "stage_since");
  due = tc_complaint_time (store, id, "due_at");
  tc_assert_minutes (since, due, 120);
  g_assert_cmpint (tc_count_events (store, id, "routed"), ==, 0);

  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_ROUTE, id, NULL);
  change->add_departments = tc_ids (qc, 0);
  message = tc_refused (store, co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  g_clear_pointer (&message, g_free);
  g_array_set_size (change->add_departments, 0);
  message = tc_refused (store, lead, change, KEFU_STORE_ERROR_INVALID);
  g_array_append_val (change->add_departments, qc);
  card = tc_apply (store, lead, change);
  assert_stage (store, card, id, "routed", "routed_at", "acknowledge", 120);
  g_assert_cmpstr (kefu_complaint_card_get_departments (card), ==, "品控部");
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routes WHERE "
                                      "added_by = (SELECT id FROM staff WHERE login = 'lead')"), ==, 1);
  details = tc_event_details (store, id, "routed");
  expected = g_strdup_printf ("{\"departments\":[{\"id\":%" G_GINT64_FORMAT ",\"name\":\"品控部\"}],"
                              "\"from\":\"new\",\"to\":\"routed\"}", qc);
  g_assert_cmpstr (details, ==, expected);
}

/* Not satisfied at the callback, reopened, worked again, reopened by hand */

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *details = NULL;
  g_autofree char *message = NULL;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, TRUE, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, NULL);
  g_clear_object (&card);
  card = tc_do (store, co.cs_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  /* Service quality: one working day. */
  assert_stage (store, card, id, "in-progress", "acknowledged_at", "resolve", 24 * 60);
  g_clear_object (&card);
  card = tc_do (store, co.clerk2, KEFU_COMPLAINT_ACTION_RESOLVE, id, "送奶员已道歉");

  /* Not satisfied needs the customer's words, and goes back to Reopened. */
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, id, NULL);
  change->satisfaction = KEFU_SATISFACTION_NOT_SATISFIED;
  message = tc_refused (store, co.clerk, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("送奶还是晚");
  g_clear_object (&card);
  card = tc_apply (store, co.clerk, change);
  /* Reopened waits for a department's acknowledgement again. */
  assert_stage (store, card, id, "reopened", "called_back_at", "acknowledge", 120);
  details = tc_event_details (store, id, "called-back");
  g_assert_cmpstr (details, ==, "{\"satisfaction\":\"not-satisfied\",\"text\":\"送奶还是晚\","
                                "\"from\":\"resolved\",\"to\":\"reopened\"}");

  g_clear_object (&card);
  card = tc_do (store, co.clerk, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "acknowledged");
  g_assert_true (g_str_has_suffix (details, "\"from\":\"reopened\",\"to\":\"in-progress\"}"));
  g_clear_object (&card);
  card = tc_do (store, co.cs_manager, KEFU_COMPLAINT_ACTION_RESOLVE, id, "更换了送奶员");
  g_clear_pointer (&change, kefu_complaint_change_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, id, NULL);
  change->satisfaction = KEFU_SATISFACTION_SATISFIED;
  g_clear_object (&card);
  card = tc_apply (store, co.team_lead, change);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "called-back");
  g_assert_cmpstr (details, ==, "{\"satisfaction\":\"satisfied\",\"from\":\"resolved\","
                                "\"to\":\"called-back\"}");

  /* Reopen: needs the reason; a bystander may not. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_REOPEN, id, NULL);
  message = tc_refused (store, co.clerk, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("客户反映问题又出现");
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.qc_manager, change, KEFU_STORE_ERROR_PERMISSION);
  g_clear_object (&card);
  card = tc_apply (store, co.clerk, change);
  assert_stage (store, card, id, "reopened", NULL, "acknowledge", 120);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, id, "reopened");
  g_assert_cmpstr (details, ==, "{\"text\":\"客户反映问题又出现\",\"from\":\"called-back\","
                                "\"to\":\"reopened\"}");
}

/* Changes made against an old version */

static void
test_version_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) stale = NULL;
  g_autoptr(KefuComplaintChange) missing = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *message = NULL;
  gint64 id;
  Company co;

  id = tc_company_complaint (store, &co, FALSE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, NULL);
  g_assert_cmpint (tc_version (store, id), ==, 1);

  /* Two people open the complaint; the QC manager acknowledges first. */
  stale = tc_change_new (store, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  card = tc_do (store, co.qc_manager, KEFU_COMPLAINT_ACTION_ADD_NOTE, id, "已联系客户");
  g_assert_cmpint (kefu_complaint_card_get_version (card), ==, 2);
  message = tc_refused (store, co.cs_manager, stale, KEFU_STORE_ERROR_STALE_VERSION);
  g_assert_cmpstr (message, !=, "");

  /* A complaint that is not there. */
  missing = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, id + 1000, 1);
  missing->text = g_strdup ("x");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KefuComplaintCard) none = NULL;

    kefu_store_set_actor (store, co.cs_manager);
    none = kefu_store_change_complaint (store, missing, NULL, &error);
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
    g_assert_null (none);
  }

  /* With the version read again the change goes through. */
  stale->version = tc_version (store, id);
  g_clear_object (&card);
  card = tc_apply (store, co.cs_manager, stale);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
}

/* A harmed customer: the 30-minute acknowledgement, the visit before the resolution */

static void
test_harmed_visit (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) visited = g_date_time_new_utc (2026, 11, 20, 2, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *message = NULL;
  KefuComplaintVisit *visit;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  tc_set_setting (store, KEFU_SETTING_WORK_HOURS, "08:30-17:30");
  tc_set_setting (store, KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "30");
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, NULL, NULL,
                          0, NULL);
  /* Thirty minutes of any hour, even at night. */
  assert_stage (store, NULL, id, "routed", "routed_at", "acknowledge", 30);

  card = tc_do (store, co.gm_office, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id, NULL);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RESOLVE, id, "已赔偿医药费");
  message = tc_refused (store, co.qc_manager, change, KEFU_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "visit"));

  /* A visit needs who went, when (not in the future) and the outcome. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  g_clear_pointer (&message, g_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_VISIT, id, "客户已出院,情绪稳定");
  change->visitors = g_strdup ("王经理、李主任");
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  change->visited_at = g_date_time_add_days (now, 1);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  g_date_time_unref (change->visited_at);
  change->visited_at = g_date_time_ref (visited);
  g_clear_pointer (&change->visitors, g_free);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  change->visitors = g_strdup ("王经理、李主任");
  g_clear_object (&card);
  card = tc_apply (store, co.cs_manager, change);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_assert_cmpuint (kefu_complaint_card_get_n_visits (card), ==, 1);
  details = tc_event_details (store, id, "visit");
  g_assert_cmpstr (details, ==, "{\"visitors\":\"王经理、李主任\",\"visited_at\":"
                                "\"2026-11-20T02:30:00Z\",\"text\":\"客户已出院,情绪稳定\"}");

  visits = kefu_store_list_complaint_visits (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  visit = g_ptr_array_index (visits, 0);
  g_assert_cmpint (visit->id, >, 0);
  g_assert_cmpstr (visit->visitors, ==, "王经理、李主任");
  g_assert_true (g_date_time_equal (visit->visited_at, visited));
  g_assert_cmpstr (visit->outcome, ==, "客户已出院,情绪稳定");
  g_assert_cmpint (visit->recorded_by, ==, co.cs_manager);
  g_assert_cmpstr (visit->recorded_by_name, ==, "csm");

  /* An earlier visit recorded later lists first. */
  g_clear_pointer (&change, kefu_complaint_change_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_VISIT, id, "送医");
  change->visitors = g_strdup ("张组长");
  change->visited_at = g_date_time_add_hours (visited, -20);
  g_clear_object (&card);
  card = tc_apply (store, co.team_lead, change);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = kefu_store_list_complaint_visits (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpstr (((KefuComplaintVisit *) g_ptr_array_index (visits, 0))->outcome, ==, "送医");
  g_assert_cmpstr (((KefuComplaintVisit *) g_ptr_array_index (visits, 1))->visitors, ==,
                   "王经理、李主任");

  g_clear_pointer (&change, kefu_complaint_change_free);
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_RESOLVE, id, "已赔偿医药费");
  g_clear_object (&card);
  card = tc_apply (store, co.qc_manager, change);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_RESOLVED);
}


void
test_store_add_complaint_stage_tests (void)
{
  TEST_ADD ("complaint-changes/full-flow", test_full_flow);
  TEST_ADD ("complaint-changes/route", test_route);
  TEST_ADD ("complaint-changes/reopen", test_reopen);
  TEST_ADD ("complaint-changes/version-conflict", test_version_conflict);
  TEST_ADD ("complaint-changes/harmed-visit", test_harmed_visit);
}
