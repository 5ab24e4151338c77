/* test-store-presence.c: "being edited by" marks (kefu-store-presence.h): marked, renewed,
 * seen from another connection, lapsing exactly KEFU_PRESENCE_SECONDS after the last renewal by
 * the store's clock, a crash's mark going by itself, no events; and the managers' "who changed
 * what" (kefu-store-audit.h): by record, by staff member and period, paged, refused to others.
 * On both backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "store/kefu-store-audit.h"
#include "store/kefu-store-clock.h"
#include "store/kefu-store-presence.h"
#include "kefu-test-company.h"
#include "test-store.h"

static GDateTime *
at (int day,
    int hour,
    int minute,
    int second)
{
  return g_date_time_new_utc (2026, 11, day, hour, minute, second);
}

static void
set_clock (KefuStore *a,
           KefuStore *b,
           GDateTime *now)
{
  kefu_store_set_clock (a, now);
  if (b != NULL)
    kefu_store_set_clock (b, now);
}

static GListModel *
marks (KefuStore  *store,
       gint64      id)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = kefu_store_list_presence (store, "complaint", id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
mark (KefuStore  *store,
      gint64      id,
      const char *workstation)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_mark_presence (store, "complaint", id, workstation, NULL, &error));
  g_assert_no_error (error);
}

static void
renew (KefuStore  *store,
       gint64      id,
       const char *workstation)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_renew_presence (store, "complaint", id, workstation, NULL, &error));
  g_assert_no_error (error);
}

static void
test_presence (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *first = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at (27, 2, 42, 0);
  g_autoptr(GDateTime) t1 = at (27, 2, 42, 30);
  g_autoptr(GDateTime) live = at (27, 2, 44, 29);
  g_autoptr(GDateTime) lapse = at (27, 2, 44, 30);
  g_autoptr(GListModel) seen = NULL;
  g_autoptr(KefuPresence) item = NULL;
  g_autofree char *text = NULL;
  gint64 wang;
  gint64 li;
  gint64 events;

  wang = kefu_test_make_staff (first, "王芳", "wangfang", KEFU_ROLE_CLERK, 0, TRUE);
  li = kefu_test_make_staff (first, "李娜", "lina", KEFU_ROLE_CLERK, 0, TRUE);
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (first, wang);
  kefu_store_set_actor (second, li);
  events = test_count (first, "SELECT COUNT(*) FROM events");

  /* 王芳 opens complaint 7 for editing at 10:42 (Shanghai); 李娜 sees it from her connection. */
  set_clock (first, second, t0);
  mark (first, 7, "pc-1:100");
  seen = marks (second, 7);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 1);
  item = g_list_model_get_item (seen, 0);
  g_assert_cmpint (kefu_presence_get_staff_id (item), ==, wang);
  g_assert_cmpstr (kefu_presence_get_staff_name (item), ==, "王芳");
  g_assert_cmpstr (kefu_presence_get_workstation (item), ==, "pc-1:100");
  g_assert_cmpint (g_date_time_to_unix (kefu_presence_get_since (item)), ==,
                   g_date_time_to_unix (t0));
  g_clear_object (&item);
  g_clear_object (&seen);
  /* Another record has no marks. */
  seen = marks (second, 8);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 0);
  g_clear_object (&seen);

  /* Renewed 30 s later: since stays, the 120 s count from the renewal. */
  set_clock (first, second, t1);
  renew (first, 7, "pc-1:100");
  g_assert_cmpint (test_count (first, "SELECT COUNT(*) FROM presence"), ==, 1);

  /* 李娜 opens it too: both listed, 王芳 first (earlier); each page leaves out its own mark. */
  mark (second, 7, "pc-2:200");
  seen = marks (first, 7);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 2);
  item = g_list_model_get_item (seen, 0);
  g_assert_cmpint (kefu_presence_get_staff_id (item), ==, wang);
  g_assert_cmpint (g_date_time_to_unix (kefu_presence_get_since (item)), ==,
                   g_date_time_to_unix (t0));
  g_clear_object (&item);
  text = kefu_presence_describe (seen, li, "pc-2:200", t1);
  g_assert_nonnull (strstr (text, "王芳"));
  g_assert_null (strstr (text, "other"));
  g_clear_pointer (&text, g_free);
  text = kefu_presence_describe (seen, wang, "pc-1:100", t1);
  g_assert_nonnull (strstr (text, "李娜"));
  g_clear_pointer (&text, g_free);
  /* A third person reading sees "… and 1 other". */
  text = kefu_presence_describe (seen, 0, "pc-3:300", t1);
  g_assert_nonnull (strstr (text, "王芳"));
  g_assert_nonnull (strstr (text, "and 1 other"));
  g_clear_pointer (&text, g_free);
  g_clear_object (&seen);

  /* 李娜 closes her edit: her mark goes. */
  g_assert_true (kefu_store_unmark_presence (second, "complaint", 7, "pc-2:200", NULL, &error));
  g_assert_no_error (error);
  /* Unmarking what is not there is no error. */
  g_assert_true (kefu_store_unmark_presence (second, "complaint", 7, "pc-2:200", NULL, &error));
  g_assert_no_error (error);

  /* 王芳's workstation crashes: no more renewals. One second before 120 s it still holds;
   * at exactly 120 s after the last renewal it has lapsed, by the store's clock. */
  set_clock (first, second, live);
  seen = marks (second, 7);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 1);
  g_clear_object (&seen);
  g_assert_true (kefu_presence_is_live (t1, live));
  set_clock (first, second, lapse);
  seen = marks (second, 7);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 0);
  g_clear_object (&seen);
  g_assert_false (kefu_presence_is_live (t1, lapse));

  /* The lapsed row goes with the next mark on the record; 王芳's own renewal after a lapse
   * starts anew. */
  mark (second, 7, "pc-2:200");
  g_assert_cmpint (test_count (first, "SELECT COUNT(*) FROM presence"), ==, 1);
  renew (first, 7, "pc-1:100");
  seen = marks (second, 7);
  g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 2);
  /* Both since the same second: by staff member then. */
  item = g_list_model_get_item (seen, 0);
  g_assert_cmpint (kefu_presence_get_staff_id (item), ==, wang);
  g_assert_cmpint (g_date_time_to_unix (kefu_presence_get_since (item)), ==,
                   g_date_time_to_unix (lapse));

  /* Marks are not history. */
  g_assert_cmpint (test_count (first, "SELECT COUNT(*) FROM events"), ==, events);

  /* A mark is the actor's: none, none written. */
  kefu_store_set_actor (first, 0);
  g_assert_false (kefu_store_mark_presence (first, "complaint", 9, "pc-1:100", NULL, &error));
  g_assert_nonnull (error);
  set_clock (first, second, NULL);
}

/* Who changed what */

static gint64
save_customer (KefuStore  *store,
               const char *name,
               const char *phone)
{
  g_autoptr(KefuCustomer) customer = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

static void
rename_customer (KefuStore  *store,
                 gint64      id,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = kefu_store_get_customer (store, id, NULL, &error);

  g_assert_no_error (error);
  kefu_customer_set_name (customer, name);
  g_assert_true (kefu_store_update_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
}

static GListModel *
audit (KefuStore             *store,
       const KefuAuditFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = kefu_store_list_audit (store, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static KefuEvent *
nth (GListModel *list,
     guint       i)
{
  g_assert_cmpuint (i, <, g_list_model_get_n_items (list));
  return g_list_model_get_item (list, i);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day1 = at (25, 1, 0, 0);
  g_autoptr(GDateTime) day2 = at (26, 1, 0, 0);
  g_autoptr(GDateTime) day3 = at (27, 1, 0, 0);
  g_autoptr(GDateTime) day4 = at (28, 0, 0, 0);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KefuEvent) event = NULL;
  KefuAuditFilter filter = { 0 };
  gint64 manager;
  gint64 lead;
  gint64 clerk;
  gint64 clerk2;
  gint64 first_id;
  gint64 a;
  gint64 b;

  manager = kefu_test_make_staff (store, "陈经理", "chen", KEFU_ROLE_CS_MANAGER, 0, TRUE);
  lead = kefu_test_make_staff (store, "组长", "lead", KEFU_ROLE_TEAM_LEAD, 0, TRUE);
  clerk = kefu_test_make_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK, 0, TRUE);
  clerk2 = kefu_test_make_staff (store, "李娜", "lina", KEFU_ROLE_CLERK, 0, TRUE);

  /* 王芳 creates two customers on day 1; 李娜 renames one on day 2; 王芳 renames it on day 3. */
  kefu_store_set_actor (store, clerk);
  kefu_store_set_clock (store, day1);
  a = save_customer (store, "张伟", "13800138000");
  b = save_customer (store, "刘洋", "13900139000");
  kefu_store_set_actor (store, clerk2);
  kefu_store_set_clock (store, day2);
  rename_customer (store, a, "张伟伟");
  kefu_store_set_actor (store, clerk);
  kefu_store_set_clock (store, day3);
  rename_customer (store, a, "张大伟");
  kefu_store_set_clock (store, NULL);

  /* Clerks and team leads are refused. */
  filter.entity = "customers";
  filter.entity_id = a;
  kefu_store_set_actor (store, clerk);
  g_assert_null (kefu_store_list_audit (store, &filter, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  kefu_store_set_actor (store, lead);
  g_assert_null (kefu_store_list_audit (store, &filter, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* The manager: the record's history, newest first, with names. */
  kefu_store_set_actor (store, manager);
  list = audit (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  event = nth (list, 0);
  g_assert_cmpstr (kefu_event_get_staff_name (event), ==, "王芳");
  g_assert_cmpstr (kefu_event_get_action (event), ==, "update");
  g_assert_cmpint (g_date_time_to_unix (kefu_event_get_created_at (event)), ==,
                   g_date_time_to_unix (day3));
  g_clear_object (&event);
  event = nth (list, 1);
  g_assert_cmpstr (kefu_event_get_staff_name (event), ==, "李娜");
  g_clear_object (&event);
  event = nth (list, 2);
  g_assert_cmpstr (kefu_event_get_action (event), ==, "create");
  g_clear_object (&event);
  g_clear_object (&list);

  /* 王芳 over days 1 and 2: her two creations only (not her change on day 3, not 李娜's). */
  memset (&filter, 0, sizeof filter);
  filter.staff_id = clerk;
  filter.from = day1;
  filter.until = day3;
  list = audit (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  event = nth (list, 0);
  g_assert_cmpint (kefu_event_get_entity_id (event), ==, b);
  g_assert_cmpint (kefu_event_get_staff_id (event), ==, clerk);
  g_clear_object (&event);
  event = nth (list, 1);
  g_assert_cmpint (kefu_event_get_entity_id (event), ==, a);
  g_clear_object (&event);
  g_clear_object (&list);

  /* Paged: one at a time, each page before the last one's id. */
  filter.until = day4;
  filter.limit = 1;
  list = audit (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  event = nth (list, 0);
  g_assert_cmpint (g_date_time_to_unix (kefu_event_get_created_at (event)), ==,
                   g_date_time_to_unix (day3));
  first_id = kefu_event_get_id (event);
  g_clear_object (&event);
  g_clear_object (&list);
  filter.before_id = first_id;
  list = audit (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  event = nth (list, 0);
  g_assert_cmpint (kefu_event_get_id (event), <, first_id);
  g_assert_cmpint (kefu_event_get_entity_id (event), ==, b);
  g_clear_object (&event);
  g_clear_object (&list);

  /* 李娜 has one change in all. */
  memset (&filter, 0, sizeof filter);
  filter.staff_id = clerk2;
  list = audit (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
}

/* The staff member's query uses events_staff on SQLite (PostgreSQL's planner chooses by its
 * statistics, which a small test database does not show). */
static void
test_audit_index (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);

  if (test_skip_unless_sqlite ())
    return;
  rows = _kefu_store_query (fixture->store,
                            "EXPLAIN QUERY PLAN SELECT events.id FROM events "
                            "LEFT JOIN staff ON staff.id = events.staff_id "
                            "WHERE TRUE AND events.staff_id = $1 AND events.created_at >= $2 "
                            "AND events.created_at < $3 "
                            "ORDER BY events.created_at DESC, events.id DESC LIMIT 200",
                            g_variant_new ("(xss)", (gint64) 2, "2026-11-01 00:00:00.000Z",
                                           "2026-12-01 00:00:00.000Z"),
                            NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_string_append_printf (plan, "%s\n", kefu_rows_get_text (rows, i, 3));
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "events_staff"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

int
main (int   argc,
      char *argv[])
{
  test_store_init (&argc, &argv);

  TEST_ADD ("presence/mark-renew-lapse", test_presence);
  TEST_ADD ("audit/who-changed-what", test_audit);
  TEST_ADD ("audit/staff-index", test_audit_index);

  return g_test_run ();
}
