/* test-store-complaint-changes.c: the helpers and main () of the complaint write tests, on both
 * backends: the stages are in test-store-complaint-stages.c, the other actions in
 * test-store-complaint-actions.c, intake, routing rules and batches in
 * test-store-complaint-intake.c, edits and the timeline in test-store-complaint-edits.c, the
 * store's clock in test-store-complaint-clock.c.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

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
tc_company_complaint (KefuStore             *store,
                      Company               *co,
                      gboolean               round_the_clock,
                      KefuComplaintCategory  category,
                      gint64                *call_id)
{
  test_company_setup (store, co);
  if (round_the_clock)
    tc_set_round_the_clock (store);
  return tc_save_complaint (store, co, category, FALSE, NULL, NULL, 0, call_id);
}

KefuCall *
tc_read_call (KefuStore *store,
              gint64     call_id)
{
  g_autoptr(GError) error = NULL;
  KefuCall *call = kefu_store_get_call (store, call_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (call);
  return call;
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

gint64
tc_route_at (KefuStore *store,
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

GArray *
tc_ids (gint64 first,
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

/* Other suites that share these helpers (the dashboard's) have their own main. */
#ifndef TEST_STORE_COMPLAINT_CHANGES_NO_MAIN
int
main (int   argc,
      char *argv[])
{
  /* Local days and working hours are China Standard Time, whatever the machine's zone. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_complaint_stage_tests ();
  test_store_add_complaint_action_tests ();
  test_store_add_complaint_intake_tests ();
  test_store_add_complaint_edit_tests ();
  test_store_add_complaint_clock_tests ();
  test_store_add_two_session_tests ();
  return g_test_run ();
}
#endif
