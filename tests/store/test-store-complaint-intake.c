/* test-store-complaint-intake.c: the complaint board's side of saving a complaint call (stage
 * times, the first deadline, the "routed" event), routing rules replacing the role defaults,
 * batch alerts, editing what was captured at intake, and the timeline, on both backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-complaint-flow.h"
#include "core/kefu-complaint-timeline.h"
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

static gint64
route_at (KefuStore *store,
          gint64     complaint_id,
          guint      position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT department_id FROM complaint_routes WHERE complaint_id = $1 "
                            "ORDER BY id",
                            g_variant_new ("(x)", complaint_id), NULL, &error);
  g_assert_no_error (error);
  if (position >= kefu_rows_get_n_rows (rows))
    return 0;
  return kefu_rows_get_int (rows, position, 0);
}

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
  g_assert_cmpint (route_at (store, plain, 0), ==, lab);
  g_assert_cmpint (route_at (store, plain, 1), ==, co.qc_department);
  g_assert_cmpint (route_at (store, plain, 2), ==, 0);
  role = test_query_text (store, "SELECT role FROM complaint_routes WHERE complaint_id = $1 "
                                 "ORDER BY id LIMIT 1", plain);
  g_assert_null (role);
  stored = kefu_store_get_call (store, call_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_complaint_get_routes (kefu_call_get_complaint (stored))->len, ==, 2);

  harmed = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, NULL,
                              NULL, 0, NULL);
  g_assert_cmpint (route_at (store, harmed, 0), ==, lab);
  g_assert_cmpint (route_at (store, harmed, 1), ==, co.qc_department);
  g_assert_cmpint (route_at (store, harmed, 2), ==, co.gm_department);

  service = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL,
                               NULL, 0, NULL);
  g_assert_cmpint (route_at (store, service, 0), ==, co.cs_department);
  g_assert_cmpint (route_at (store, service, 1), ==, 0);

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
  g_assert_cmpint (route_at (store, plain, 0), ==, co.qc_department);
  g_assert_cmpint (route_at (store, plain, 2), ==, co.gm_department);
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

/* Editing what was captured at intake */

static KefuCall *
read_call (KefuStore *store,
           gint64     call_id)
{
  g_autoptr(GError) error = NULL;
  KefuCall *call = kefu_store_get_call (store, call_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (call);
  return call;
}

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

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, &call_id);
  call = read_call (store, call_id);
  old = read_call (store, call_id);
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
  stored = read_call (store, call_id);
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
  stored = read_call (store, call_id);
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

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL, NULL,
                          0, &call_id);
  g_assert_cmpint (route_at (store, id, 0), ==, co.cs_department);
  g_assert_cmpint (route_at (store, id, 1), ==, 0);
  call = read_call (store, call_id);
  complaint = kefu_call_get_complaint (call);
  kefu_store_set_actor (store, co.clerk);

  /* A change that leaves harm and the category as they were routes nothing. */
  kefu_complaint_set_reason (complaint, "态度恶劣，还推搡了顾客");
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tc_count_events (store, id, "details-changed"), ==, 1);
  g_assert_cmpint (tc_count_events (store, id, "routes-changed"), ==, 0);
  g_assert_cmpint (route_at (store, id, 1), ==, 0);

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
  g_assert_cmpint (route_at (store, id, 0), ==, co.cs_department);
  g_assert_cmpint (route_at (store, id, 1), ==, co.gm_department);
  g_assert_cmpint (route_at (store, id, 2), ==, 0);
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
  stored = read_call (store, call_id);
  g_assert_cmpuint (kefu_complaint_get_routes (kefu_call_get_complaint (stored))->len, ==, 2);

  /* Edited again while still harmed: the routes are there already, nothing more is added. */
  kefu_complaint_set_reason (complaint, "态度恶劣，推搡了顾客");
  g_assert_true (kefu_store_update_complaint_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tc_count_events (store, id, "details-changed"), ==, 3);
  g_assert_cmpint (tc_count_events (store, id, "routes-changed"), ==, 1);
  g_assert_cmpint (route_at (store, id, 2), ==, 0);
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

  test_company_setup (store, &co);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, &call_id);
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
test_store_add_complaint_intake_tests (void)
{
  TEST_ADD ("complaint-intake/deadline", test_intake_deadline);
  TEST_ADD ("complaint-intake/working-hours", test_intake_working_hours);
  TEST_ADD ("complaint-intake/routing-rules", test_routing_rules);
  TEST_ADD ("complaint-intake/batch-alert", test_batch_alert);
  TEST_ADD ("complaint-intake/batch-spread", test_batch_spread);
  TEST_ADD ("complaint-intake/update-call", test_update_call);
  TEST_ADD ("complaint-intake/update-call-harmed-routes", test_update_call_harmed_routes);
  TEST_ADD ("complaint-intake/timeline", test_timeline);
}
