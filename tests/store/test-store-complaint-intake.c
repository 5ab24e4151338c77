/* test-store-complaint-intake.c: the complaint board's side of saving a complaint call (stage
 * times, the first deadline, the "routed" event), routing rules replacing the role defaults and
 * batch alerts, on both backends (editing what was captured at intake, and the timeline, are in
 * test-store-complaint-edits.c).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "core/kefu-complaint-flow.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-work-calendar.h"
#include "test-store-complaint-changes.h"

/* Intake */

static void
test_intake_deadline (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) routed = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) closed = NULL;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) explained = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *batch_key = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  gint64 id;
  gint64 harmed;
  gint64 explained_id;
  Company co;

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received,
                          NULL, 0, NULL);

  /* The stage began when the complaint was saved (not when the call was received), and the
   * departments acknowledge within two (round-the-clock) working hours of it. */
  since = tc_complaint_time (store, id, "stage_since");
  routed = tc_complaint_time (store, id, "routed_at");
  due = tc_complaint_time (store, id, "due_at");
  g_assert_cmpint (g_date_time_difference (since, before), >=, -G_TIME_SPAN_SECOND);
  g_assert_true (g_date_time_equal (since, routed));
  tc_assert_minutes (since, due, 120);
  kind = tc_complaint_text (store, id, "due_kind");
  g_assert_cmpstr (kind, ==, "acknowledge");
  batch_key = tc_complaint_text (store, id, "batch_key");
  g_assert_cmpstr (batch_key, ==, "AB-20260301");
  g_assert_cmpint (tc_version (store, id), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routes WHERE added_by IS NULL"),
                   ==, 0);

  details = tc_event_details (store, id, "routed");
  expected = g_strdup_printf ("{\"departments\":[{\"id\":%" G_GINT64_FORMAT ",\"name\":\"品控部\"},"
                              "{\"id\":%" G_GINT64_FORMAT ",\"name\":\"客服中心\"},"
                              "{\"id\":%" G_GINT64_FORMAT ",\"name\":\"总经办\"}],"
                              "\"from\":\"new\",\"to\":\"routed\"}",
                              co.qc_department, co.cs_department, co.gm_department);
  g_assert_cmpstr (details, ==, expected);

  /* Harmed: thirty minutes, and the event says it is urgent. */
  harmed = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, NULL,
                              NULL, 0, NULL);
  g_clear_pointer (&since, g_date_time_unref);
  g_clear_pointer (&due, g_date_time_unref);
  since = tc_complaint_time (store, harmed, "stage_since");
  due = tc_complaint_time (store, harmed, "due_at");
  tc_assert_minutes (since, due, 30);
  g_clear_pointer (&details, g_free);
  details = tc_event_details (store, harmed, "routed");
  g_assert_true (g_str_has_suffix (details, "\"from\":\"new\",\"to\":\"routed\",\"urgent\":true}"));

  /* Not well founded: closed at intake, no deadline, no routing. */
  explained = test_complaint_call (&co, co.clerk, "13800138000",
                                   KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received);
  kefu_complaint_set_well_founded (kefu_call_get_complaint (explained), FALSE);
  kefu_complaint_set_explanation (kefu_call_get_complaint (explained), "已解释保质期");
  test_save_call (store, explained);
  explained_id = kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (explained)));
  g_clear_pointer (&due, g_date_time_unref);
  g_clear_pointer (&kind, g_free);
  g_clear_pointer (&batch_key, g_free);
  due = tc_complaint_time (store, explained_id, "due_at");
  closed = tc_complaint_time (store, explained_id, "closed_at");
  kind = tc_complaint_text (store, explained_id, "due_kind");
  batch_key = tc_complaint_text (store, explained_id, "batch_key");
  g_assert_null (due);
  g_assert_null (kind);
  g_assert_null (batch_key);
  g_assert_nonnull (closed);
  g_assert_cmpint (tc_count_events (store, explained_id, "routed"), ==, 0);
}

/* With the default office week, a deadline never falls in the night or on a Sunday. */
static void
test_intake_working_hours (Fixture       *fixture,
                           gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuWorkCalendar) calendar = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int minute;
  Company co;

  test_company_setup (store, &co);
  tc_set_setting (store, KEFU_SETTING_WORK_HOURS, "08:30-17:30");
  tc_set_setting (store, KEFU_SETTING_WORK_DAYS, "1-6");
  tc_set_setting (store, KEFU_SETTING_COMPLAINT_ACK_HOURS, "3");
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, NULL);
  since = tc_complaint_time (store, id, "stage_since");
  due = tc_complaint_time (store, id, "due_at");

  calendar = kefu_work_calendar_new_from_settings ("08:30-17:30", "1-6", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_work_calendar_working_minutes_between (calendar, since, due), ==, 180);
  local = g_date_time_to_local (due);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  g_assert_cmpint (minute, >=, 8 * 60 + 30);
  g_assert_cmpint (minute, <=, 17 * 60 + 30);
  g_assert_cmpint (g_date_time_get_day_of_week (local), <=, 6);
}

/* Routing rules */

static void
add_rule (GPtrArray *rules,
          gint64     department_id,
          gboolean   harmed_only)
{
  KefuRoutingRule *rule = g_new0 (KefuRoutingRule, 1);

  rule->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  rule->department_id = department_id;
  rule->harmed_only = harmed_only;
  g_ptr_array_add (rules, rule);
}

static void
assert_rule (GPtrArray             *rules,
             guint                  i,
             KefuComplaintCategory  category,
             gint64                 department_id,
             const char            *name,
             gboolean               harmed_only)
{
  KefuRoutingRule *rule;

  g_assert_cmpuint (i, <, rules->len);
  rule = g_ptr_array_index (rules, i);
  g_assert_cmpint (rule->category, ==, category);
  g_assert_cmpint (rule->department_id, ==, department_id);
  g_assert_cmpstr (rule->department_name, ==, name);
  g_assert_cmpint (rule->harmed_only, ==, harmed_only);
}

static void
test_routing_rules (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autofree char *role = NULL;
  gboolean customised[3] = { TRUE, TRUE, TRUE };
  gint64 lab;
  gint64 plain;
  gint64 harmed;
  gint64 service;
  gint64 call_id;
  Company co;

  test_company_setup (store, &co);
  lab = test_make_department (store, "化验室");

  /* The role defaults, listed as rules: product quality to QC, CS and GM (harm adds nobody
   * new); service quality to CS, and the GM office only for a harmed customer. */
  listed = kefu_store_list_routing_rules (store, customised, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (customised[KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY]);
  g_assert_false (customised[KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY]);
  g_assert_cmpuint (listed->len, ==, 5);
  assert_rule (listed, 0, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, co.qc_department, "品控部", FALSE);
  assert_rule (listed, 1, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, co.cs_department, "客服中心", FALSE);
  assert_rule (listed, 2, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, co.gm_department, "总经办", FALSE);
  assert_rule (listed, 3, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, co.cs_department, "客服中心", FALSE);
  assert_rule (listed, 4, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, co.gm_department, "总经办", TRUE);

  /* Only managers change them. */
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_routing_rule_free);
  add_rule (rules, lab, FALSE);
  add_rule (rules, co.qc_department, FALSE);
  add_rule (rules, lab, FALSE);
  add_rule (rules, co.gm_department, TRUE);
  kefu_store_set_actor (store, co.qc_manager);
  g_assert_false (kefu_store_set_routing_rules (store, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                                                rules, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routing_rules"), ==, 0);
  kefu_store_set_actor (store, co.cs_manager);
  g_assert_true (kefu_store_set_routing_rules (store, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                                               rules, NULL, &error));
  g_assert_no_error (error);
  /* The repeated department is one rule. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routing_rules"), ==, 3);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'settings' "
                                      "AND action = 'routing-rules'"), ==, 1);

  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kefu_store_list_routing_rules (store, customised, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (customised[KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY]);
  g_assert_false (customised[KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY]);
  g_assert_cmpuint (listed->len, ==, 5);
  assert_rule (listed, 0, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, lab, "化验室", FALSE);
  assert_rule (listed, 1, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, co.qc_department, "品控部", FALSE);
  assert_rule (listed, 2, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, co.gm_department, "总经办", TRUE);
  assert_rule (listed, 3, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, co.cs_department, "客服中心", FALSE);

  /* New complaints follow the rules instead of the defaults; the harmed-only rule only for a
   * harmed customer; the other category keeps its defaults. */
  plain = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL,
                             NULL, 0, &call_id);
  g_assert_cmpint (tc_route_at (store, plain, 0), ==, lab);
  g_assert_cmpint (tc_route_at (store, plain, 1), ==, co.qc_department);
  g_assert_cmpint (tc_route_at (store, plain, 2), ==, 0);
  role = test_query_text (store, "SELECT role FROM complaint_routes WHERE complaint_id = $1 "
                                 "ORDER BY id LIMIT 1", plain);
  g_assert_null (role);
  stored = kefu_store_get_call (store, call_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_complaint_get_routes (kefu_call_get_complaint (stored))->len, ==, 2);

  harmed = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, NULL,
                              NULL, 0, NULL);
  g_assert_cmpint (tc_route_at (store, harmed, 0), ==, lab);
  g_assert_cmpint (tc_route_at (store, harmed, 1), ==, co.qc_department);
  g_assert_cmpint (tc_route_at (store, harmed, 2), ==, co.gm_department);

  service = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL,
                               NULL, 0, NULL);
  g_assert_cmpint (tc_route_at (store, service, 0), ==, co.cs_department);
  g_assert_cmpint (tc_route_at (store, service, 1), ==, 0);

  /* No rules: back to the defaults. The settings are the CS manager's and the administrator's
   * (kefu_role_can_edit_settings ()), not the GM office's. */
  kefu_store_set_actor (store, co.gm_office);
  g_assert_false (kefu_store_set_routing_rules (store, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                                                NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_set_routing_rules (store, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                                               NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routing_rules"), ==, 0);
  plain = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL,
                             NULL, 0, NULL);
  g_assert_cmpint (tc_route_at (store, plain, 0), ==, co.qc_department);
  g_assert_cmpint (tc_route_at (store, plain, 2), ==, co.gm_department);
}

/* A route keeps the role whose default sent the complaint there. One from a routing rule, or
 * added by hand, has no role (stored as NULL): it reads back without one, never as the CS
 * manager's. */
static void
test_route_roles (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  gint64 lab;
  gint64 marketing;
  gint64 call_id;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  lab = test_make_department (store, "化验室");
  marketing = test_make_department (store, "营销部");

  /* The role defaults: each department with the role that sent it there. */
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, &call_id);
  role = test_query_text (store, "SELECT role FROM complaint_routes WHERE complaint_id = $1 "
                                 "ORDER BY id LIMIT 1", id);
  g_assert_cmpstr (role, ==, "qc-manager");
  stored = tc_read_call (store, call_id);
  test_assert_routes (kefu_call_get_complaint (stored),
                      (gint64[]) { co.qc_department, co.cs_department, co.gm_department },
                      (KefuRole[]) { KEFU_ROLE_QC_MANAGER, KEFU_ROLE_CS_MANAGER,
                                     KEFU_ROLE_GM_OFFICE }, 3);

  /* The site's rules: the lab (where nobody holds a role the defaults know) and the QC
   * department, neither by a role. */
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_routing_rule_free);
  add_rule (rules, lab, FALSE);
  add_rule (rules, co.qc_department, FALSE);
  kefu_store_set_actor (store, co.cs_manager);
  g_assert_true (kefu_store_set_routing_rules (store, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                                               rules, NULL, &error));
  g_assert_no_error (error);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, &call_id);
  g_clear_pointer (&role, g_free);
  role = test_query_text (store, "SELECT role FROM complaint_routes WHERE complaint_id = $1 "
                                 "ORDER BY id LIMIT 1", id);
  g_assert_null (role);
  g_clear_object (&stored);
  stored = tc_read_call (store, call_id);
  test_assert_routes (kefu_call_get_complaint (stored), (gint64[]) { lab, co.qc_department },
                      (KefuRole[]) { KEFU_COMPLAINT_ROUTE_NO_ROLE, KEFU_COMPLAINT_ROUTE_NO_ROLE },
                      2);

  /* A department a manager adds by hand has no role either. */
  change = tc_change_new (store, KEFU_COMPLAINT_ACTION_EDIT_ROUTES, id, "转营销总监处理");
  change->add_departments = tc_ids (marketing, 0);
  card = tc_apply (store, co.cs_manager, change);
  g_clear_object (&stored);
  stored = tc_read_call (store, call_id);
  test_assert_routes (kefu_call_get_complaint (stored),
                      (gint64[]) { lab, co.qc_department, marketing },
                      (KefuRole[]) { KEFU_COMPLAINT_ROUTE_NO_ROLE, KEFU_COMPLAINT_ROUTE_NO_ROLE,
                                     KEFU_COMPLAINT_ROUTE_NO_ROLE }, 3);
}

/* Batch alerts */

static gint64
save_batch (KefuStore     *store,
            const Company *co,
            const char    *batch,
            gint64         product,
            int            day)
{
  g_autoptr(GDateTime) received = test_local_time (2026, 3, day, 9, 0);

  return tc_save_complaint (store, co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received,
                            batch, product, NULL);
}

static void
test_batch_alert (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) alert = NULL;
  g_autoptr(GDateTime) first_at = NULL;
  g_autoptr(GDateTime) flagged_at = NULL;
  g_autoptr(GDateTime) day2 = test_local_time (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) day7 = test_local_time (2026, 3, 7, 9, 0);
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  gint64 first;
  gint64 second;
  gint64 third;
  gint64 alert_id;
  Company co;

  test_company_setup (store, &co);

  /* Two complaints about the batch (written differently), one about another product with the
   * same batch number, one of another batch: no alert yet. */
  first = save_batch (store, &co, "ab-1", 0, 2);
  second = save_batch (store, &co, "ＡＢ-1 ", 0, 4);
  save_batch (store, &co, "AB-1", co.yogurt, 5);
  save_batch (store, &co, "AB-2", 0, 5);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 0);

  /* The third within seven days flags it, once. */
  third = save_batch (store, &co, "AB-1", 0, 7);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 1);
  alert = _kefu_store_query (store,
                             "SELECT id, product_id, batch_key, batch_number, complaint_count, "
                             "first_at, flagged_at, flagged_complaint_id, acknowledged_at, version "
                             "FROM batch_alerts", NULL, NULL, &error);
  g_assert_no_error (error);
  alert_id = kefu_rows_get_int (alert, 0, 0);
  g_assert_cmpint (kefu_rows_get_int (alert, 0, 1), ==, co.milk);
  g_assert_cmpstr (kefu_rows_get_text (alert, 0, 2), ==, "AB-1");
  g_assert_cmpstr (kefu_rows_get_text (alert, 0, 3), ==, "AB-1");
  g_assert_cmpint (kefu_rows_get_int (alert, 0, 4), ==, 3);
  first_at = kefu_rows_get_time (alert, 0, 5);
  flagged_at = kefu_rows_get_time (alert, 0, 6);
  g_assert_true (g_date_time_equal (first_at, day2));
  g_assert_true (g_date_time_equal (flagged_at, day7));
  g_assert_cmpint (kefu_rows_get_int (alert, 0, 7), ==, third);
  g_assert_true (kefu_rows_is_null (alert, 0, 8));
  details = tc_event_details (store, third, "batch-flagged");
  expected = g_strdup_printf ("{\"alert_id\":%" G_GINT64_FORMAT ",\"batch_number\":\"AB-1\","
                              "\"count\":3}", alert_id);
  g_assert_cmpstr (details, ==, expected);
  g_assert_cmpint (tc_count_events (store, first, "batch-flagged"), ==, 0);
  g_assert_cmpint (tc_count_events (store, second, "batch-flagged"), ==, 0);

  /* A fourth while the alert is open: no second alert, the count follows. */
  save_batch (store, &co, "AB-1", 0, 8);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT complaint_count FROM batch_alerts"), ==, 4);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE action = 'batch-flagged'"),
                   ==, 1);

  /* Once the QC manager took note, the complaints it counted do not flag it again; three new
   * ones do. */
  kefu_store_set_actor (store, co.qc_manager);
  /* Times have millisecond precision: the complaints before lie in an earlier one. */
  g_usleep (2000);
  g_assert_true (kefu_store_acknowledge_batch_alert (store, alert_id,
                                                     kefu_rows_get_int (alert, 0, 9),
                                                     "已通知车间排查", NULL, &error));
  g_assert_no_error (error);
  save_batch (store, &co, "AB-1", 0, 9);
  save_batch (store, &co, "AB-1", 0, 10);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 1);
  save_batch (store, &co, "AB-1", 0, 11);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 2);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts "
                                      "WHERE acknowledged_at IS NULL"), ==, 1);
}

static void
test_batch_spread (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  Company co;

  test_company_setup (store, &co);

  /* Three complaints over eight days: no seven days hold three of them. */
  save_batch (store, &co, "C-7", 0, 1);
  save_batch (store, &co, "C-7", 0, 5);
  save_batch (store, &co, "C-7", 0, 9);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 0);

  /* Settings decide: a window of eight days flags the next one. */
  tc_set_setting (store, KEFU_SETTING_BATCH_WINDOW_DAYS, "8");
  save_batch (store, &co, "C-7", 0, 12);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM batch_alerts"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT complaint_count FROM batch_alerts"), ==, 3);
}

void
test_store_add_complaint_intake_tests (void)
{
  TEST_ADD ("complaint-intake/deadline", test_intake_deadline);
  TEST_ADD ("complaint-intake/working-hours", test_intake_working_hours);
  TEST_ADD ("complaint-intake/routing-rules", test_routing_rules);
  TEST_ADD ("complaint-intake/route-roles", test_route_roles);
  TEST_ADD ("complaint-intake/batch-alert", test_batch_alert);
  TEST_ADD ("complaint-intake/batch-spread", test_batch_spread);
}
