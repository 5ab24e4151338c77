/* test-store-callbacks.c: the callback calendar's writes, on both backends: the schema's rules,
 * the site's callback rules read from the settings, a customer's own times, callbacks made by
 * hand and planned by the rules, the lead's changes, permissions and stale versions; and the
 * helpers and main () of the callback tests (attempts and complaint callbacks are in
 * test-store-callbacks-record.c, the calendar's reads, campaigns and claims in
 * test-store-callbacks-calendar.c).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>
#include <time.h>

#include "core/kefu-settings-keys.h"
#include "store/kefu-store-clock.h"
#include "store/kefu-store-complaints.h"
#include "test-store-callbacks.h"

/* Helpers */

gint64
tcb_customer (KefuStore  *store,
              const char *name,
              const char *phone,
              const char *district,
              gboolean    member)
{
  g_autoptr(KefuCustomer) customer = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  kefu_customer_set_district (customer, district);
  kefu_customer_set_is_member (customer, member);
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

void
tcb_setup (KefuStore   *store,
           CallbacksCo *cc)
{
  test_company_setup (store, &cc->co);
  /* The quiet hours (the lunch break, and the evening until 09:00), whatever the
   * site's default, so that the hand-computed times below hold. */
  tcb_setting (store, KEFU_SETTING_CALLBACK_QUIET_HOURS, "12:00-14:00,20:30-09:00");
  cc->customer = tcb_customer (store, "华康医院", "13800138000", "上海市浦东新区", TRUE);
  cc->customer2 = tcb_customer (store, "仁和诊所", "13900139000", "上海市徐汇区", FALSE);
  cc->member = tcb_customer (store, "李四", "13700137000", "北京市朝阳区", TRUE);
}

GDateTime *
tcb_clock (KefuStore *store,
           int        year,
           int        month,
           int        day,
           int        hour,
           int        minute)
{
  GDateTime *now = test_local_time (year, month, day, hour, minute);

  kefu_store_set_clock (store, now);
  return now;
}

void
tcb_setting (KefuStore  *store,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_set_setting (store, key, value, NULL, &error));
  g_assert_no_error (error);
}

gint64
tcb_create (KefuStore          *store,
            gint64              actor,
            gint64              customer,
            KefuCallbackReason  reason,
            gint64              assigned_to)
{
  g_autoptr(GError) error = NULL;
  KefuCallbackInput input = { 0 };
  gint64 id;

  input.customer_id = customer;
  input.reason = reason;
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.assigned_to = assigned_to;
  kefu_store_set_actor (store, actor);
  id = kefu_store_create_callback (store, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

KefuCallback *
tcb_get (KefuStore *store,
         gint64     id)
{
  g_autoptr(GError) error = NULL;
  KefuCallback *cb = kefu_store_get_callback (store, id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cb);
  g_assert_cmpint (cb->id, ==, id);
  return cb;
}

void
tcb_claim (KefuStore  *store,
           gint64      actor,
           gint64      id,
           const char *ws)
{
  g_autoptr(GError) error = NULL;

  kefu_store_set_actor (store, actor);
  g_assert_true (kefu_store_claim_callback (store, id, ws, NULL, &error));
  g_assert_no_error (error);
}

gint64
tcb_insert (KefuStore         *store,
            const CallbacksCo *cc,
            gint64             customer,
            const char        *reason,
            const char        *state,
            gint64             assigned_to,
            int                year,
            int                month,
            int                day,
            int                hour,
            int                minute)
{
  g_autoptr(GDateTime) due = test_local_time (year, month, day, hour, minute);
  g_autofree char *due_text = kefu_time_to_db (due);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "INSERT INTO callbacks (customer_id, customer_name, reason, due_at, "
                            "deadline_at, state, assigned_to, done_at, created_by) "
                            "SELECT id, name, $2, $3, $3, $4, $5, $7, $6 FROM customers "
                            "WHERE id = $1 RETURNING id",
                            g_variant_new ("(xsssmxxms)", customer, reason, due_text, state,
                                           assigned_to != 0, assigned_to, cc->co.clerk,
                                           g_strcmp0 (state, "done") == 0 ? due_text : NULL),
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

char *
tcb_event (KefuStore  *store,
           gint64      id,
           const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT details FROM events WHERE entity = 'callback' AND "
                            "entity_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1",
                            g_variant_new ("(xs)", id, action), NULL, &error);
  g_assert_no_error (error);
  if (kefu_rows_get_n_rows (rows) == 0)
    return NULL;
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

gboolean
tcb_is_quiet (KefuStore *store,
              gint64     customer,
              GDateTime *time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCallbackRules) rules = kefu_store_read_callback_rules (store, NULL, &error);
  g_autofree char *quiet = NULL;
  g_autofree char *preferred = NULL;
  g_autoptr(KefuCallbackPreferences) prefs = NULL;

  g_assert_no_error (error);
  g_assert_true (kefu_store_get_customer_callback_times (store, customer, &quiet, &preferred,
                                                         NULL, &error));
  g_assert_no_error (error);
  prefs = kefu_callback_preferences_new_from_text (quiet, preferred, &error);
  g_assert_no_error (error);
  return kefu_callback_time_is_quiet (rules, prefs, time);
}

int
tcb_local_hour (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_get_hour (local);
}

int
tcb_local_minutes (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

void
tcb_assert_local (GDateTime *time,
                  int        year,
                  int        month,
                  int        day,
                  int        hour,
                  int        minute)
{
  g_autoptr(GDateTime) expected = test_local_time (year, month, day, hour, minute);

  g_assert_nonnull (time);
  if (!g_date_time_equal (time, expected))
    {
      g_autofree char *got = g_date_time_format_iso8601 (time);
      g_autofree char *want = g_date_time_format_iso8601 (expected);

      g_error ("expected %s, got %s", want, got);
    }
}

/* The schema: method as a rule on both backends */

static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  CallbacksCo cc;
  gint64 id;

  tcb_setup (store, &cc);
  g_assert_cmpuint (kefu_store_schema_version (), >=, 5);
  /* A row written without a method (the bulk loads) is a phone callback. */
  id = tcb_insert (store, &cc, cc.customer, "survey", "due", 0, 2026, 12, 1, 10, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks WHERE method = 'phone' "
                                      "AND n_attempts = 0"), ==, 1);
  /* Values outside the lists are refused by the database itself. */
  rows = _kefu_store_query (store, "UPDATE callbacks SET method = 'fax' WHERE id = $1",
                            g_variant_new ("(x)", id), NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (rows);
  g_clear_error (&error);
  rows = _kefu_store_query (store, "UPDATE callbacks SET outcome = 'maybe' WHERE id = $1",
                            g_variant_new ("(x)", id), NULL, &error);
  g_assert_nonnull (error);
  g_clear_error (&error);
  rows = _kefu_store_query (store, "UPDATE callbacks SET satisfaction = 'so-so', "
                                   "method = 'sms' WHERE id = $1",
                            g_variant_new ("(x)", id), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callback_attempts"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callback_campaigns"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callback_reports"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_callback_preferences"),
                   ==, 0);
}

/* The rules from the settings, a damaged one falling back to its default */

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCallbackRules) defaults = NULL;
  g_autoptr(KefuCallbackRules) rules = NULL;

  defaults = kefu_store_read_callback_rules (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_callback_rules_get_max_attempts (defaults), >, 0);
  tcb_setting (store, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "5");
  tcb_setting (store, KEFU_SETTING_CALLBACK_RETRY_MINUTES, "45");
  tcb_setting (store, KEFU_SETTING_CALLBACK_WINDOW_DAYS, "2");
  /* Written past the settings' check, as another tool might. */
  _kefu_store_execute (store, "UPDATE settings SET value = 'often' WHERE key = $1",
                       g_variant_new ("(s)", KEFU_SETTING_CALLBACK_RETRY_MINUTES), NULL,
                       &error);
  g_assert_no_error (error);
  rules = kefu_store_read_callback_rules (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_callback_rules_get_max_attempts (rules), ==, 5);
  g_assert_cmpuint (kefu_callback_rules_get_window_days (rules), ==, 2);
  g_assert_cmpuint (kefu_callback_rules_get_retry_minutes (rules), ==,
                    kefu_callback_rules_get_retry_minutes (defaults));
}

/* A customer's own times */

static void
test_customer_times (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *preferred = NULL;
  CallbacksCo cc;

  tcb_setup (store, &cc);
  g_assert_true (kefu_store_get_customer_callback_times (store, cc.customer, &quiet, &preferred,
                                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_null (quiet);
  g_assert_null (preferred);

  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_true (kefu_store_set_customer_callback_times (store, cc.customer, " 00:00-10:00 ",
                                                         "15:00-16:00", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_get_customer_callback_times (store, cc.customer, &quiet, &preferred,
                                                         NULL, &error));
  g_assert_cmpstr (quiet, ==, "00:00-10:00");
  g_assert_cmpstr (preferred, ==, "15:00-16:00");

  /* Not a time range: refused, nothing changed. */
  g_assert_false (kefu_store_set_customer_callback_times (store, cc.customer, "evenings", NULL,
                                                          NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kefu_store_set_customer_callback_times (store, 999999, NULL, NULL, NULL,
                                                          &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Empty clears one. */
  g_assert_true (kefu_store_set_customer_callback_times (store, cc.customer, "", "15:00-16:00",
                                                         NULL, &error));
  g_clear_pointer (&quiet, g_free);
  g_clear_pointer (&preferred, g_free);
  g_assert_true (kefu_store_get_customer_callback_times (store, cc.customer, &quiet, &preferred,
                                                         NULL, &error));
  g_assert_null (quiet);
  g_assert_cmpstr (preferred, ==, "15:00-16:00");
  g_assert_cmpint (test_count (store, "SELECT version FROM customer_callback_preferences"), ==, 2);
}

/* Made by hand: planned by the rules, the customer's times kept, joined names */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) quiet_time = NULL;
  g_autoptr(KefuCallback) cb = NULL;
  g_autoptr(KefuCallback) cb2 = NULL;
  g_autoptr(KefuCallback) cb3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  KefuCallbackInput input = { 0 };
  CallbacksCo cc;
  gint64 id;

  tcb_setup (store, &cc);
  /* Monday 30 November, 10:00: the next working day starts at 08:30, quiet until 09:00; three
   * working days later (Thursday) the working day ends at 17:30. */
  now = tcb_clock (store, 2026, 11, 30, 10, 0);
  id = tcb_create (store, cc.co.team_lead, cc.customer, KEFU_CALLBACK_REASON_SURVEY, cc.co.clerk);
  cb = tcb_get (store, id);
  tcb_assert_local (cb->due_at, 2026, 12, 1, 9, 0);
  tcb_assert_local (cb->deadline_at, 2026, 12, 3, 17, 30);
  g_assert_false (tcb_is_quiet (store, cc.customer, cb->due_at));
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpint (cb->method, ==, KEFU_CALLBACK_METHOD_PHONE);
  g_assert_cmpint (cb->reason, ==, KEFU_CALLBACK_REASON_SURVEY);
  g_assert_cmpstr (cb->customer_name, ==, "华康医院");
  g_assert_cmpstr (cb->customer_phone, ==, "13800138000");
  g_assert_true (cb->customer_is_member);
  g_assert_cmpint (cb->assigned_to, ==, cc.co.clerk);
  g_assert_cmpstr (cb->assigned_to_name, ==, "clerk");
  g_assert_cmpint (cb->claimed_by, ==, 0);
  g_assert_cmpint (cb->created_by, ==, cc.co.team_lead);
  g_assert_cmpuint (cb->attempts->len, ==, 0);
  g_assert_null (cb->source_entity);
  g_assert_true (g_date_time_equal (cb->created_at, now));
  details = tcb_event (store, id, "created");
  g_assert_nonnull (details);
  g_assert_true (g_str_has_prefix (details, "{\"reason\":\"survey\",\"source\":null,"));

  /* "Never before 10:00", "prefers 15:00-16:00": the first slot in their preferred time. */
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_true (kefu_store_set_customer_callback_times (store, cc.customer2, "00:00-10:00",
                                                         "15:00-16:00", NULL, &error));
  g_assert_no_error (error);
  id = tcb_create (store, cc.co.clerk, cc.customer2, KEFU_CALLBACK_REASON_OTHER, 0);
  cb2 = tcb_get (store, id);
  tcb_assert_local (cb2->due_at, 2026, 12, 1, 15, 0);
  g_assert_false (cb2->customer_is_member);
  g_assert_null (cb2->assigned_to_name);

  /* A time chosen in the lunch break moves to the first allowed minute after it. */
  quiet_time = test_local_time (2026, 12, 2, 12, 30);
  input.customer_id = cc.member;
  input.reason = KEFU_CALLBACK_REASON_RENEWAL;
  input.topic = "  年卡续订 ";
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.due_at = quiet_time;
  kefu_store_set_actor (store, cc.co.team_lead);
  id = kefu_store_create_callback (store, &input, NULL, &error);
  g_assert_no_error (error);
  cb3 = tcb_get (store, id);
  tcb_assert_local (cb3->due_at, 2026, 12, 2, 14, 0);
  g_assert_cmpstr (cb3->topic, ==, "年卡续订");
  g_assert_false (tcb_is_quiet (store, cc.member, cb3->due_at));

  /* A clerk may not give a callback to someone else; other roles make none. */
  input.due_at = NULL;
  input.assigned_to = cc.co.clerk2;
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_cmpint (kefu_store_create_callback (store, &input, NULL, &error), ==, 0);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  input.assigned_to = 0;
  kefu_store_set_actor (store, cc.co.depot_admin);
  g_assert_cmpint (kefu_store_create_callback (store, &input, NULL, &error), ==, 0);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks"), ==, 3);

  /* Gone: NOT_FOUND. */
  g_assert_null (kefu_store_get_callback (store, 999999, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
}

/* The lead's changes: only leads, stale versions, a callback being called left alone */

static void
test_leads (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) lunch = NULL;
  g_autoptr(KefuCallback) cb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  CallbacksCo cc;
  gint64 id;
  gint64 version;

  tcb_setup (store, &cc);
  now = tcb_clock (store, 2026, 11, 30, 10, 0);
  id = tcb_create (store, cc.co.clerk, cc.customer, KEFU_CALLBACK_REASON_SURVEY, 0);
  cb = tcb_get (store, id);
  version = cb->version;

  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_false (kefu_store_assign_callback (store, id, version, cc.co.clerk2, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kefu_store_cancel_callback (store, id, version, "不需要", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  kefu_store_set_actor (store, cc.co.team_lead);
  g_assert_true (kefu_store_assign_callback (store, id, version, cc.co.clerk2, NULL, &error));
  g_assert_no_error (error);
  details = tcb_event (store, id, "assigned");
  expected = g_strdup_printf ("{\"assigned_to\":{\"id\":%" G_GINT64_FORMAT
                              ",\"name\":\"clerk2\"}}", cc.co.clerk2);
  g_assert_cmpstr (details, ==, expected);
  /* The version read before is stale now. */
  g_assert_false (kefu_store_assign_callback (store, id, version, 0, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);
  version++;

  /* Moved into the lunch break: the next allowed slot; agreed with the customer: as asked. */
  lunch = test_local_time (2026, 12, 2, 12, 15);
  g_assert_true (kefu_store_reschedule_callback (store, id, version, lunch, FALSE, NULL,
                                                 &error));
  g_assert_no_error (error);
  version++;
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  tcb_assert_local (cb->due_at, 2026, 12, 2, 14, 0);
  g_assert_null (cb->agreed_at);
  g_assert_cmpint (cb->assigned_to, ==, cc.co.clerk2);
  g_assert_true (kefu_store_reschedule_callback (store, id, version, lunch, TRUE, NULL, &error));
  g_assert_no_error (error);
  version++;
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_true (g_date_time_equal (cb->due_at, lunch));
  g_assert_true (g_date_time_equal (cb->agreed_at, lunch));

  /* Being called at another workstation: left alone. */
  tcb_claim (store, cc.co.clerk2, id, "pc-2");
  kefu_store_set_actor (store, cc.co.team_lead);
  g_assert_false (kefu_store_cancel_callback (store, id, version, "客户已搬走", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_assert_nonnull (strstr (error->message, "clerk2"));
  g_clear_error (&error);
  kefu_store_set_actor (store, cc.co.clerk2);
  g_assert_true (kefu_store_release_callback (store, id, "pc-2", NULL, &error));

  /* Cancelling needs a reason. */
  kefu_store_set_actor (store, cc.co.team_lead);
  g_assert_false (kefu_store_cancel_callback (store, id, version, "  ", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kefu_store_cancel_callback (store, id, version, "客户已搬走", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_CANCELLED);
  g_assert_cmpstr (cb->cancel_reason, ==, "客户已搬走");
  g_assert_cmpint (cb->version, ==, version + 1);
  /* Cancelled: not claimed any more. */
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_false (kefu_store_claim_callback (store, id, "pc-1", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
}

void
test_store_add_callback_tests (void)
{
  TEST_ADD ("callbacks/schema", test_schema);
  TEST_ADD ("callbacks/rules", test_rules);
  TEST_ADD ("callbacks/customer-times", test_customer_times);
  TEST_ADD ("callbacks/create", test_create);
  TEST_ADD ("callbacks/leads", test_leads);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days and the quiet hours are China Standard Time. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_callback_tests ();
  test_store_add_callback_record_tests ();
  test_store_add_callback_calendar_tests ();
  return g_test_run ();
}
