/* test-store-callbacks-record.c: doing callbacks, on both backends: attempts (no answer and busy
 * up to the lead, the lead's more attempts and unreachable), call later, reached with the
 * answer the rules require, and a complaint callback recorded in the calendar (not satisfied
 * reopens the complaint) or on the board (the calendar's callback is done with the same answer).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "store/kefu-store-clock.h"
#include "store/kefu-store-complaints.h"
#include "test-store-callbacks.h"

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
  tcb_assert_local (cb->due_at, 2026, 12, 1, 10, 0);
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
  tcb_assert_local (cb->due_at, 2026, 12, 1, 14, 0);
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
  tcb_assert_local (cb->due_at, 2026, 12, 1, 14, 0);
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
  tcb_assert_local (cb->due_at, 2026, 12, 2, 9, 0);
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
  tcb_assert_local (cb->due_at, 2026, 12, 1, 9, 0);
  tcb_assert_local (cb->deadline_at, 2026, 12, 3, 17, 30);
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
  tcb_assert_local (cb->due_at, 2026, 12, 2, 9, 0);

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
void
test_store_add_callback_record_tests (void)
{
  TEST_ADD ("callbacks/attempts", test_attempts);
  TEST_ADD ("callbacks/record", test_record);
  TEST_ADD ("callbacks/complaint", test_complaint);
}
