/* test-store-callbacks.c: the callback calendar's writes, on both backends: the schema's rules,
 * the site's callback rules read from the settings, a customer's own times, callbacks made by
 * hand and planned by the rules, attempts (no answer up to the lead, call later, the lead's
 * unreachable), a complaint callback recorded in the calendar or on the board, the lead's
 * changes, permissions and stale versions; and the helpers and main () of the callback tests
 * (the calendar's reads, campaigns and claims are in test-store-callbacks-calendar.c).
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

static void
assert_local (GDateTime *time,
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

static KefuCallbackRecordInput
record_input (KefuCallbackOutcome outcome)
{
  KefuCallbackRecordInput input = { 0 };

  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.outcome = outcome;
  input.satisfaction = KEFU_SATISFACTION_UNSPECIFIED;
  return input;
}

/* Records as `actor` at the callback's current version, asserting success. */
static void
record (KefuStore                     *store,
        gint64                         actor,
        gint64                         id,
        const KefuCallbackRecordInput *input)
{
  g_autoptr(KefuCallback) before = tcb_get (store, id);
  g_autoptr(GError) error = NULL;

  kefu_store_set_actor (store, actor);
  g_assert_true (kefu_store_record_callback (store, id, before->version, input, NULL, &error));
  g_assert_no_error (error);
}

/* Asserts the refusal `code` and that nothing was written. */
static void
record_refused (KefuStore                     *store,
                gint64                         actor,
                gint64                         id,
                gint64                         version,
                const KefuCallbackRecordInput *input,
                KefuStoreError                 code)
{
  g_autoptr(GError) error = NULL;
  gint64 events = test_count (store, "SELECT COUNT(*) FROM events");
  gint64 attempts = test_count (store, "SELECT COUNT(*) FROM callback_attempts");

  kefu_store_set_actor (store, actor);
  g_assert_false (kefu_store_record_callback (store, id, version, input, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, (gint) code);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events"), ==, events);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callback_attempts"), ==, attempts);
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
  assert_local (cb->due_at, 2026, 12, 1, 9, 0);
  assert_local (cb->deadline_at, 2026, 12, 3, 17, 30);
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
  assert_local (cb2->due_at, 2026, 12, 1, 15, 0);
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
  assert_local (cb3->due_at, 2026, 12, 2, 14, 0);
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

/* Attempts: no answer until the lead has it, then more attempts or unreachable */

static void
test_attempts (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(KefuCallback) cb = NULL;
  g_autoptr(GPtrArray) escalated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  KefuCallbackRecordInput input = record_input (KEFU_CALLBACK_OUTCOME_NO_ANSWER);
  CallbacksCo cc;
  gint64 id;

  tcb_setup (store, &cc);
  tcb_setting (store, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "3");
  tcb_setting (store, KEFU_SETTING_CALLBACK_RETRY_MINUTES, "60");
  now = tcb_clock (store, 2026, 11, 30, 10, 0);
  id = tcb_create (store, cc.co.team_lead, cc.customer, KEFU_CALLBACK_REASON_SURVEY, cc.co.clerk);

  /* Recording needs the claim; the other clerk may not take the clerk's callback. */
  cb = tcb_get (store, id);
  record_refused (store, cc.co.clerk, id, cb->version, &input, KEFU_STORE_ERROR_INVALID);
  kefu_store_set_actor (store, cc.co.clerk2);
  g_assert_false (kefu_store_claim_callback (store, id, "pc-2", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* First no answer at 09:00: again an hour later. */
  g_clear_pointer (&now, g_date_time_unref);
  now = tcb_clock (store, 2026, 12, 1, 9, 0);
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  record (store, cc.co.clerk, id, &input);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  assert_local (cb->due_at, 2026, 12, 1, 10, 0);
  g_assert_cmpuint (cb->n_attempts, ==, 1);
  g_assert_cmpint (cb->last_outcome, ==, KEFU_CALLBACK_OUTCOME_NO_ANSWER);
  g_assert_cmpint (cb->claimed_by, ==, 0);
  g_assert_null (cb->escalated_at);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DUE);

  /* Busy at 10:00: two hours later is the lunch break, so 14:00. */
  g_clear_pointer (&now, g_date_time_unref);
  now = tcb_clock (store, 2026, 12, 1, 10, 0);
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  input.outcome = KEFU_CALLBACK_OUTCOME_BUSY;
  record (store, cc.co.clerk, id, &input);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  assert_local (cb->due_at, 2026, 12, 1, 14, 0);
  g_assert_cmpuint (cb->n_attempts, ==, 2);

  /* The third: out of attempts, listed for the lead, due where it was. */
  g_clear_pointer (&now, g_date_time_unref);
  now = tcb_clock (store, 2026, 12, 1, 14, 0);
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  input.outcome = KEFU_CALLBACK_OUTCOME_NO_ANSWER;
  input.note = "关机";
  record (store, cc.co.clerk, id, &input);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  assert_local (cb->due_at, 2026, 12, 1, 14, 0);
  g_assert_cmpuint (cb->n_attempts, ==, 3);
  g_assert_true (g_date_time_equal (cb->escalated_at, now));
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpuint (cb->attempts->len, ==, 3);
  g_assert_cmpint (((KefuCallbackAttempt *) g_ptr_array_index (cb->attempts, 1))->outcome, ==,
                   KEFU_CALLBACK_OUTCOME_BUSY);
  g_assert_cmpstr (((KefuCallbackAttempt *) g_ptr_array_index (cb->attempts, 2))->note, ==, "关机");
  g_assert_cmpint (((KefuCallbackAttempt *) g_ptr_array_index (cb->attempts, 2))->by, ==,
                   cc.co.clerk);
  g_assert_cmpstr (((KefuCallbackAttempt *) g_ptr_array_index (cb->attempts, 2))->by_name, ==,
                   "clerk");
  details = tcb_event (store, id, "escalated");
  g_assert_nonnull (details);
  escalated = kefu_store_list_escalated_callbacks (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escalated->len, ==, 1);
  g_assert_cmpint (((KefuCallback *) g_ptr_array_index (escalated, 0))->id, ==, id);

  /* Unreachable is the lead's to record (without a claim), not the clerk's. */
  input.outcome = KEFU_CALLBACK_OUTCOME_UNREACHABLE;
  input.note = NULL;
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  record_refused (store, cc.co.clerk, id, cb->version, &input, KEFU_STORE_ERROR_PERMISSION);
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_true (kefu_store_release_callback (store, id, "pc-1", NULL, &error));
  g_assert_no_error (error);

  /* The lead gives it more attempts first: no longer escalated, due at the next slot. */
  g_clear_pointer (&now, g_date_time_unref);
  now = tcb_clock (store, 2026, 12, 1, 19, 0);
  kefu_store_set_actor (store, cc.co.team_lead);
  g_assert_true (kefu_store_retry_callback (store, id, cb->version, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_null (cb->escalated_at);
  g_assert_cmpuint (cb->n_attempts, ==, 0);
  assert_local (cb->due_at, 2026, 12, 2, 9, 0);
  g_clear_pointer (&escalated, g_ptr_array_unref);
  escalated = kefu_store_list_escalated_callbacks (store, NULL, &error);
  g_assert_cmpuint (escalated->len, ==, 0);
  /* Retrying one that is not escalated is refused. */
  g_assert_false (kefu_store_retry_callback (store, id, cb->version, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Three more failures, then the lead closes it as unreachable. */
  input.outcome = KEFU_CALLBACK_OUTCOME_NO_ANSWER;
  for (guint i = 0; i < 3; i++)
    {
      tcb_claim (store, cc.co.clerk, id, "pc-1");
      record (store, cc.co.clerk, id, &input);
    }
  input.outcome = KEFU_CALLBACK_OUTCOME_UNREACHABLE;
  record (store, cc.co.team_lead, id, &input);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DONE);
  g_assert_cmpint (cb->outcome, ==, KEFU_CALLBACK_OUTCOME_UNREACHABLE);
  g_assert_cmpint (cb->done_by, ==, cc.co.team_lead);
  g_assert_true (g_date_time_equal (cb->done_at, now));
  g_assert_cmpuint (cb->attempts->len, ==, 7);

  /* Done: nothing more is recorded. */
  record_refused (store, cc.co.team_lead, id, cb->version, &input, KEFU_STORE_ERROR_INVALID);
}

/* Call later, reached, and records the rules refuse */

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) agreed = NULL;
  g_autoptr(KefuCallback) cb = NULL;
  KefuCallbackRecordInput input = record_input (KEFU_CALLBACK_OUTCOME_CALL_LATER);
  CallbacksCo cc;
  gint64 id;

  tcb_setup (store, &cc);
  now = tcb_clock (store, 2026, 12, 1, 9, 30);
  id = tcb_create (store, cc.co.clerk, cc.customer, KEFU_CALLBACK_REASON_SURVEY, 0);
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  cb = tcb_get (store, id);

  /* Call later needs the time agreed. */
  record_refused (store, cc.co.clerk, id, cb->version, &input, KEFU_STORE_ERROR_INVALID);
  agreed = test_local_time (2026, 12, 3, 16, 0);
  input.agreed_at = agreed;
  /* A stale version is refused. */
  record_refused (store, cc.co.clerk, id, cb->version + 1, &input,
                  KEFU_STORE_ERROR_STALE_VERSION);
  record (store, cc.co.clerk, id, &input);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_true (g_date_time_equal (cb->due_at, agreed));
  g_assert_true (g_date_time_equal (cb->agreed_at, agreed));
  g_assert_cmpuint (cb->n_attempts, ==, 0);
  g_assert_cmpint (cb->last_outcome, ==, KEFU_CALLBACK_OUTCOME_CALL_LATER);

  /* Reached needs the answer, and the customer's words when not satisfied. */
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  input = record_input (KEFU_CALLBACK_OUTCOME_REACHED);
  record_refused (store, cc.co.clerk, id, cb->version, &input, KEFU_STORE_ERROR_INVALID);
  input.satisfaction = KEFU_SATISFACTION_NOT_SATISFIED;
  record_refused (store, cc.co.clerk, id, cb->version, &input, KEFU_STORE_ERROR_INVALID);
  input.customer_words = "送货太慢,希望改进";
  record (store, cc.co.clerk, id, &input);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DONE);
  g_assert_cmpint (cb->outcome, ==, KEFU_CALLBACK_OUTCOME_REACHED);
  g_assert_cmpint (cb->satisfaction, ==, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_cmpstr (cb->customer_words, ==, "送货太慢,希望改进");
  g_assert_cmpint (cb->done_by, ==, cc.co.clerk);
  g_assert_cmpstr (cb->done_by_name, ==, "clerk");
  g_assert_cmpint (cb->claimed_by, ==, 0);
  g_assert_cmpuint (cb->attempts->len, ==, 2);
}

/* Complaint callbacks: the board's resolve schedules one, the calendar's "not satisfied"
 * reopens the complaint, the board's record marks the callback done */

static KefuComplaintCard *
change_complaint (KefuStore           *store,
                  gint64               actor,
                  KefuComplaintAction  action,
                  gint64               complaint_id,
                  const char          *text,
                  KefuSatisfaction     satisfaction)
{
  g_autofree char *version = test_query_text (store, "SELECT version FROM complaints "
                                                     "WHERE id = $1", complaint_id);
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(GError) error = NULL;
  KefuComplaintCard *card;

  change = kefu_complaint_change_new (action, complaint_id, g_ascii_strtoll (version, NULL, 10));
  change->text = g_strdup (text);
  change->satisfaction = satisfaction;
  kefu_store_set_actor (store, actor);
  card = kefu_store_change_complaint (store, change, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  return card;
}

static gint64
complaint_callback (KefuStore *store,
                    gint64     complaint_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = kefu_store_list_callbacks_for (store, "complaint", complaint_id,
                                                              NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 1);
  return ((KefuCallbackInfo *) g_ptr_array_index (infos, 0))->id;
}

static void
test_complaint (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuCallback) cb = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *satisfaction = NULL;
  KefuCallbackRecordInput input = record_input (KEFU_CALLBACK_OUTCOME_REACHED);
  CallbacksCo cc;
  gint64 complaint;
  gint64 id;

  tcb_setup (store, &cc);
  /* Received before the real time of any run (a call is never received in the future). */
  received = tcb_clock (store, 2026, 11, 26, 9, 30);
  call = test_complaint_call (&cc.co, cc.co.clerk, "13600136000",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, received);
  kefu_store_set_system_actor (store);
  test_save_call (store, call);
  complaint = kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call)));
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks"), ==, 0);

  now = tcb_clock (store, 2026, 11, 30, 11, 0);
  card = change_complaint (store, cc.co.cs_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, complaint,
                           NULL, KEFU_SATISFACTION_UNSPECIFIED);
  g_clear_object (&card);
  card = change_complaint (store, cc.co.clerk2, KEFU_COMPLAINT_ACTION_RESOLVE, complaint,
                           "送奶员已道歉", KEFU_SATISFACTION_UNSPECIFIED);

  /* Resolved: an after-complaint callback, due within the window of three working days. */
  id = complaint_callback (store, complaint);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->reason, ==, KEFU_CALLBACK_REASON_AFTER_COMPLAINT);
  g_assert_cmpstr (cb->source_entity, ==, "complaint");
  g_assert_nonnull (cb->source_reference);
  g_assert_true (g_str_has_prefix (cb->source_reference, "TS-"));
  assert_local (cb->due_at, 2026, 12, 1, 9, 0);
  assert_local (cb->deadline_at, 2026, 12, 3, 17, 30);
  g_assert_cmpint (cb->created_by, ==, cc.co.clerk2);

  /* Reached, not satisfied, in the calendar: the complaint is reopened in the same change. */
  g_clear_pointer (&now, g_date_time_unref);
  now = tcb_clock (store, 2026, 12, 1, 9, 5);
  tcb_claim (store, cc.co.clerk, id, "pc-1");
  input.satisfaction = KEFU_SATISFACTION_NOT_SATISFIED;
  input.customer_words = "送奶还是晚";
  record (store, cc.co.clerk, id, &input);
  stage = test_query_text (store, "SELECT stage FROM complaints WHERE id = $1", complaint);
  g_assert_cmpstr (stage, ==, "reopened");
  satisfaction = test_query_text (store, "SELECT satisfaction FROM complaints WHERE id = $1",
                                  complaint);
  g_assert_cmpstr (satisfaction, ==, "not-satisfied");
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DONE);
  /* One attempt: the board did not record a second one. */
  g_assert_cmpuint (cb->attempts->len, ==, 1);

  /* Worked and resolved again: the same callback is due again. */
  g_clear_object (&card);
  card = change_complaint (store, cc.co.clerk, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, complaint, NULL,
                           KEFU_SATISFACTION_UNSPECIFIED);
  g_clear_object (&card);
  card = change_complaint (store, cc.co.cs_manager, KEFU_COMPLAINT_ACTION_RESOLVE, complaint,
                           "更换了送奶员", KEFU_SATISFACTION_UNSPECIFIED);
  g_assert_cmpint (complaint_callback (store, complaint), ==, id);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpint (cb->satisfaction, ==, KEFU_SATISFACTION_UNSPECIFIED);
  assert_local (cb->due_at, 2026, 12, 2, 9, 0);

  /* Recorded on the board this time: the calendar's callback is done with the same answer. */
  g_clear_object (&card);
  card = change_complaint (store, cc.co.team_lead, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
                           complaint, "满意", KEFU_SATISFACTION_SATISFIED);
  g_clear_object (&cb);
  cb = tcb_get (store, id);
  g_assert_cmpint (cb->state, ==, KEFU_CALLBACK_STATE_DONE);
  g_assert_cmpint (cb->outcome, ==, KEFU_CALLBACK_OUTCOME_REACHED);
  g_assert_cmpint (cb->satisfaction, ==, KEFU_SATISFACTION_SATISFIED);
  g_assert_cmpstr (cb->customer_words, ==, "满意");
  g_assert_cmpint (cb->done_by, ==, cc.co.team_lead);
  g_assert_cmpuint (cb->attempts->len, ==, 2);
  g_clear_pointer (&stage, g_free);
  stage = test_query_text (store, "SELECT stage FROM complaints WHERE id = $1", complaint);
  g_assert_cmpstr (stage, ==, "called-back");
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
  assert_local (cb->due_at, 2026, 12, 2, 14, 0);
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
  TEST_ADD ("callbacks/attempts", test_attempts);
  TEST_ADD ("callbacks/record", test_record);
  TEST_ADD ("callbacks/complaint", test_complaint);
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
  test_store_add_callback_calendar_tests ();
  return g_test_run ();
}
