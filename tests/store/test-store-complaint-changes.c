/* test-store-complaint-changes.c: working a complaint through its stages on the store, on both
 * backends: every action by a permitted and a refused actor, version conflicts, the stage
 * times, the deadlines and the events each change writes; and the helpers and main() of the
 * complaint write tests (intake, routing rules, batches, edits and the timeline are in
 * test-store-complaint-intake.c).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>
#include <time.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "test-store-complaint-changes.h"

/* Helpers */

void
tc_set_setting (KefuStore  *store,
                const char *key,
                const char *value)
{
  g_autoptr(GError) error = NULL;

  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_set_setting (store, key, value, NULL, &error));
  g_assert_no_error (error);
}

void
tc_set_round_the_clock (KefuStore *store)
{
  /* One range may not cover the whole day; two that meet at noon do. */
  tc_set_setting (store, KEFU_SETTING_WORK_HOURS, "00:00-12:00,12:00-24:00");
  tc_set_setting (store, KEFU_SETTING_WORK_DAYS, "1-7");
  tc_set_setting (store, KEFU_SETTING_COMPLAINT_ACK_HOURS, "2");
  tc_set_setting (store, KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "30");
  tc_set_setting (store, KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, "2");
  tc_set_setting (store, KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, "1");
  tc_set_setting (store, KEFU_SETTING_CALLBACK_WINDOW_DAYS, "3");
}

gint64
tc_save_complaint (KefuStore             *store,
                   const Company         *co,
                   KefuComplaintCategory  category,
                   gboolean               harmed,
                   GDateTime             *received,
                   const char            *batch,
                   gint64                 product,
                   gint64                *call_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(KefuCall) call = test_complaint_call (co, co->clerk, "13800138000", category, harmed,
                                                  received != NULL ? received : now);
  KefuComplaint *complaint = kefu_call_get_complaint (call);

  if (batch != NULL)
    kefu_complaint_set_batch_number (complaint, batch);
  if (product != 0)
    kefu_complaint_set_product_id (complaint, product);
  kefu_store_set_system_actor (store);
  test_save_call (store, call);
  if (call_id != NULL)
    *call_id = kefu_record_get_id (KEFU_RECORD (call));
  return kefu_record_get_id (KEFU_RECORD (complaint));
}

gint64
tc_version (KefuStore *store,
            gint64     complaint_id)
{
  g_autofree char *text = test_query_text (store, "SELECT version FROM complaints WHERE id = $1",
                                           complaint_id);

  return g_ascii_strtoll (text, NULL, 10);
}

KefuComplaintChange *
tc_change_new (KefuStore           *store,
               KefuComplaintAction  action,
               gint64               complaint_id,
               const char          *text)
{
  KefuComplaintChange *change = kefu_complaint_change_new (action, complaint_id,
                                                           tc_version (store, complaint_id));

  change->text = g_strdup (text);
  return change;
}

KefuComplaintCard *
tc_apply (KefuStore           *store,
          gint64               actor,
          KefuComplaintChange *change)
{
  g_autoptr(GError) error = NULL;
  KefuComplaintCard *card;
  gint64 version = tc_version (store, change->complaint_id);

  kefu_store_set_actor (store, actor);
  card = kefu_store_change_complaint (store, change, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  /* Every change makes exactly one new version, which the card carries. */
  g_assert_cmpint (kefu_complaint_card_get_version (card), ==, version + 1);
  g_assert_cmpint (tc_version (store, change->complaint_id), ==, version + 1);
  g_assert_cmpint (kefu_complaint_card_get_id (card), ==, change->complaint_id);
  return card;
}

KefuComplaintCard *
tc_do (KefuStore           *store,
       gint64               actor,
       KefuComplaintAction  action,
       gint64               complaint_id,
       const char          *text)
{
  g_autoptr(KefuComplaintChange) change = tc_change_new (store, action, complaint_id, text);

  return tc_apply (store, actor, change);
}

char *
tc_refused (KefuStore           *store,
            gint64               actor,
            KefuComplaintChange *change,
            KefuStoreError       code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  gint64 version = tc_version (store, change->complaint_id);
  gint64 events = test_count (store, "SELECT COUNT(*) FROM events");

  kefu_store_set_actor (store, actor);
  card = kefu_store_change_complaint (store, change, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, (gint) code);
  g_assert_null (card);
  g_assert_cmpint (tc_version (store, change->complaint_id), ==, version);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events"), ==, events);
  return g_strdup (error->message);
}

char *
tc_event_details (KefuStore  *store,
                  gint64      complaint_id,
                  const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT details FROM events WHERE entity = 'complaint' AND "
                            "entity_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1",
                            g_variant_new ("(xs)", complaint_id, action), NULL, &error);
  g_assert_no_error (error);
  if (kefu_rows_get_n_rows (rows) == 0)
    return NULL;
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

gint64
tc_count_events (KefuStore  *store,
                 gint64      complaint_id,
                 const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT COUNT(*) FROM events WHERE entity = 'complaint' AND "
                            "entity_id = $1 AND action = $2",
                            g_variant_new ("(xs)", complaint_id, action), NULL, &error);
  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

GDateTime *
tc_complaint_time (KefuStore  *store,
                   gint64      complaint_id,
                   const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM complaints WHERE id = $1", column);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, g_variant_new ("(x)", complaint_id),
                                                NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_time (rows, 0, 0);
}

char *
tc_complaint_text (KefuStore  *store,
                   gint64      complaint_id,
                   const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM complaints WHERE id = $1", column);

  return test_query_text (store, sql, complaint_id);
}

void
tc_assert_minutes (GDateTime *earlier,
                   GDateTime *later,
                   gint64     minutes)
{
  g_assert_nonnull (earlier);
  g_assert_nonnull (later);
  g_assert_cmpint (g_date_time_difference (later, earlier), ==, minutes * G_TIME_SPAN_MINUTE);
}

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

static GArray *
ids (gint64 first,
     ...)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (array, id);
  va_end (args);
  return array;
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

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, NULL);

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
  change->add_departments = ids (qc, 0);
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

  test_company_setup (store, &co);
  tc_set_round_the_clock (store);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, NULL, NULL,
                          0, NULL);
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

  test_company_setup (store, &co);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, NULL);
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

  test_company_setup (store, &co);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, NULL);

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
  change->add_departments = ids (marketing, 0);
  message = tc_refused (store, co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  g_clear_pointer (&change->text, g_free);
  g_clear_pointer (&message, g_free);
  message = tc_refused (store, co.team_lead, change, KEFU_STORE_ERROR_INVALID);
  change->text = g_strdup ("转营销总监处理");
  /* Removing the only department without adding another is refused… */
  g_array_set_size (change->add_departments, 0);
  change->remove_departments = ids (co.cs_department, 0);
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
  change->remove_departments = ids (marketing, 0);
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

  test_company_setup (store, &co);
  id = tc_save_complaint (store, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, NULL, NULL,
                          0, NULL);

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
  change->add_departments = ids (5, 6, 0);
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
test_store_add_complaint_change_tests (void)
{
  g_test_add_func ("/kefu/store/complaint-changes/change-copy", test_change_copy);
  TEST_ADD ("complaint-changes/full-flow", test_full_flow);
  TEST_ADD ("complaint-changes/route", test_route);
  TEST_ADD ("complaint-changes/reopen", test_reopen);
  TEST_ADD ("complaint-changes/version-conflict", test_version_conflict);
  TEST_ADD ("complaint-changes/harmed-visit", test_harmed_visit);
  TEST_ADD ("complaint-changes/escalate", test_escalate);
  TEST_ADD ("complaint-changes/edit-routes", test_edit_routes);
  TEST_ADD ("complaint-changes/acknowledge-department", test_acknowledge_department);
  TEST_ADD ("complaint-changes/inactive-actor", test_inactive_actor);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days and working hours are China Standard Time, whatever the machine's zone. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_complaint_change_tests ();
  test_store_add_complaint_intake_tests ();
  test_store_add_complaint_clock_tests ();
  return g_test_run ();
}
