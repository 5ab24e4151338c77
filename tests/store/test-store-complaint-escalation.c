/* test-store-complaint-escalation.c: the complaint board's periodic work on both backends: the
 * deadline and escalation check (deadlines filled in, one event per level, the same from a
 * second connection and from two at once), the notices each role receives, and batch alerts
 * with their acknowledgement.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store-complaint-board.h"

/* Deadlines and escalation */

static gint64
count_escalations (KefuStore *store,
                   gint64     id,
                   int        level)
{
  g_autofree char *pattern = g_strdup_printf ("%%\"level\":%d,%%", level);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                            "AND action = 'escalated' AND entity_id = $1 AND details LIKE $2 "
                            "AND details LIKE '%\"by_hand\":false%' "
                            "AND staff_id = (SELECT id FROM staff WHERE login = 'system')",
                            g_variant_new ("(xs)", id, pattern), NULL, &error);
  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

static guint
run_check (KefuStore *store,
           GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (kefu_store_check_complaint_deadlines (store, now, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(GError) error = NULL;
  /* A Tuesday at 09:00: two working hours later is 11:00. */
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) due = test_local_time (2026, 3, 10, 11, 0);
  g_autoptr(GDateTime) before = test_local_time (2026, 3, 10, 9, 20);
  g_autoptr(GDateTime) late1 = test_local_time (2026, 3, 10, 11, 30);
  g_autoptr(GDateTime) late2 = test_local_time (2026, 3, 10, 13, 30);
  g_autoptr(GDateTime) late3 = test_local_time (2026, 3, 12, 9, 0);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *since_text = kefu_time_to_db (since);
  gint64 version;
  Cases k;

  board_cases_setup (store, &k);
  /* Every open complaint as schema step 2 left it: no deadline yet, its stage since 09:00. */
  board_exec (store, "UPDATE complaints SET due_at = NULL, due_kind = NULL, escalation_level = 0, "
               "stage_since = $1", g_variant_new ("(s)", since_text));
  board_set_stage (store, k.d, "called-back");

  /* Nobody signed in: nothing is written (and no error every few minutes). */
  kefu_store_set_actor (store, 0);
  g_assert_cmpuint (run_check (store, late3), ==, 0);
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM complaints WHERE due_at IS NOT NULL "
                                       "AND id <> $1", 0), ==, 0);
  kefu_store_set_system_actor (store);

  /* Before the deadline nothing rises, but the deadlines are filled in. */
  g_assert_cmpuint (run_check (store, before), ==, 0);
  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_due_kind (card), ==, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE);
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), due));
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_NONE);
  version = kefu_complaint_card_get_version (card);
  g_clear_object (&card);
  /* A harmed customer's complaint: 30 minutes of any hour. */
  card = kefu_store_get_complaint_card (store, k.b, NULL, &error);
  {
    g_autoptr(GDateTime) harmed_due = g_date_time_add_minutes (since, 30);

    g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), harmed_due));
  }
  g_clear_object (&card);
  /* Called back waits for the close without a deadline; closed and explained have none. */
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM complaints WHERE id = $1 AND due_at IS NULL",
                          k.d), ==, 1);
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM complaints WHERE due_at IS NOT NULL "
                                 "AND id <> $1", k.d), ==, 3);
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 0);

  /* Past due: A and C rise to the team lead, B (harmed, due 09:30) further. */
  g_assert_cmpuint (run_check (store, late1), ==, 2 + 3);
  g_assert_cmpint (count_escalations (store, k.a, 1), ==, 1);
  g_assert_cmpint (count_escalations (store, k.a, 2), ==, 0);
  g_assert_cmpint (count_escalations (store, k.b, 1), ==, 1);
  g_assert_cmpint (count_escalations (store, k.b, 2), ==, 1);
  g_assert_cmpint (count_escalations (store, k.b, 3), ==, 1);
  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_TEAM_LEAD);
  g_assert_cmpint (kefu_complaint_card_get_version (card), >, version);
  g_clear_object (&card);
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(KefuRows) rows = _kefu_store_query (store,
                                                  "SELECT details FROM events WHERE "
                                                  "action = 'escalated' AND entity_id = $1",
                                                  g_variant_new ("(x)", k.a), NULL, &local_error);

    g_assert_no_error (local_error);
    g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==,
                     "{\"level\":1,\"role\":\"team-lead\",\"deadline\":\"acknowledge\","
                     "\"by_hand\":false}");
  }

  /* Again at the same time: nothing new. */
  g_assert_cmpuint (run_check (store, late1), ==, 0);
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 5);

  /* A second workstation on the same database, at a later time: one more level each for A and
   * C, and the first workstation then finds nothing left to do. */
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (second, k.site.clerk);
  g_assert_cmpuint (run_check (second, late2), ==, 2);
  g_assert_cmpuint (run_check (store, late2), ==, 0);
  g_assert_cmpint (count_escalations (store, k.a, 2), ==, 1);
  g_assert_cmpint (count_escalations (store, k.c, 2), ==, 1);

  /* Both later still: each level once, whichever workstation raised it. */
  g_assert_cmpuint (run_check (store, late3) + run_check (second, late3), ==, 2);
  g_assert_cmpuint (run_check (second, late3), ==, 0);
  for (int level = 1; level <= 3; level++)
    {
      g_assert_cmpint (count_escalations (store, k.a, level), ==, 1);
      g_assert_cmpint (count_escalations (store, k.b, level), ==, 1);
      g_assert_cmpint (count_escalations (store, k.c, level), ==, 1);
    }
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 9);
  /* Never above the GM office, never for complaints without a running deadline. */
  g_assert_cmpint (board_count (store, "SELECT MAX(escalation_level) FROM complaints WHERE id <> $1", 0),
                   ==, 3);
  g_assert_cmpint (board_count (store, "SELECT escalation_level FROM complaints WHERE id = $1", k.d),
                   ==, 0);
}

/* Two workstations checking at the same moment from two threads. */

typedef struct
{
  KefuStore *store;
  GDateTime *now;
  guint      n;
} Racer;

static gpointer
race_thread (gpointer data)
{
  Racer *racer = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_check_complaint_deadlines (racer->store, racer->now, &racer->n, NULL,
                                                       &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_deadlines_race (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) later = test_local_time (2026, 3, 20, 9, 0);
  g_autofree char *since_text = kefu_time_to_db (since);
  Racer racers[2];
  GThread *threads[2];
  Cases k;

  board_cases_setup (store, &k);
  board_exec (store, "UPDATE complaints SET due_at = NULL, due_kind = NULL, escalation_level = 0, "
               "stage_since = $1", g_variant_new ("(s)", since_text));
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (second, k.site.clerk);

  racers[0] = (Racer) { store, later, 0 };
  racers[1] = (Racer) { second, later, 0 };
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("racer", race_thread, &racers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  /* A, B, C and D all three levels, each once, between them. */
  g_assert_cmpuint (racers[0].n + racers[1].n, ==, 4 * 3);
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 12);
  for (int level = 1; level <= 3; level++)
    g_assert_cmpint (count_escalations (store, k.d, level), ==, 1);
}

/* Notices */

static GListModel *
notices (KefuStore *store,
         gint64     staff_id,
         gint64     after,
         gint64    *last)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = kefu_store_list_complaint_notices (store, staff_id, after, last, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The actions of the notices `staff_id` gets after `after`, "routed:12,escalated:12". */
static char *
notice_text (KefuStore *store,
             gint64     staff_id,
             gint64     after)
{
  gint64 last = -1;
  g_autoptr(GListModel) list = notices (store, staff_id, after, &last);
  GString *text = g_string_new (NULL);

  g_assert_cmpint (last, ==, test_count (store, "SELECT MAX(id) FROM events"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (list, i);

      g_assert_cmpstr (kefu_event_get_entity (event), ==, "complaint");
      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              kefu_event_get_action (event), kefu_event_get_entity_id (event));
    }
  return g_string_free (text, FALSE);
}

#define ASSERT_NOTICES(store, staff, after, want) \
  G_STMT_START { \
    g_autofree char *got_ = notice_text (store, staff, after); \
    g_assert_cmpstr (got_, ==, want); \
  } G_STMT_END

static void
test_notices (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) later = test_local_time (2026, 3, 10, 11, 30);
  g_autofree char *since_text = kefu_time_to_db (since);
  g_autofree char *p_routed = NULL, *s_routed = NULL, *h_routed = NULL;
  g_autofree char *p_escalated = NULL;
  gint64 start = -2;
  gint64 after_intake;
  gint64 p, s, h;
  Site site;

  board_site_setup (store, &site);
  kefu_store_set_actor (store, site.clerk);
  /* This site routes service complaints to 客服中心 alone, harmed or not: the GM office then
   * hears of a harmed customer only because it is urgent. */
  board_exec (store, "INSERT INTO complaint_routing_rules (category, department_id, harmed_only, "
               "position) VALUES ('service-quality', $1, FALSE, 0)",
        g_variant_new ("(x)", site.cs_department));

  /* The first call only says where the log stands. */
  first = notices (store, site.qc_manager, -1, &start);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 0);
  g_assert_cmpint (start, ==, test_count (store, "SELECT COALESCE(MAX(id), 0) FROM events"));

  p = board_make_complaint (store, &(Spec) { site.clerk, "张三", "13800000001",
                                       KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, site.milk,
                                       "AB-1", "有异味", 10 });
  s = board_make_complaint (store, &(Spec) { site.clerk, "李四", "13800000002",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "送货晚了", 10 });
  h = board_make_complaint (store, &(Spec) { site.clerk, "王五", "13800000003",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, 0, NULL,
                                       "喝了拉肚子", 10 });
  after_intake = test_count (store, "SELECT MAX(id) FROM events");
  p_routed = g_strdup_printf ("routed:%" G_GINT64_FORMAT, p);
  s_routed = g_strdup_printf ("routed:%" G_GINT64_FORMAT, s);
  h_routed = g_strdup_printf ("routed:%" G_GINT64_FORMAT, h);

  /* Routed to one's department: the product complaint to 品控部, 客服中心 and 总经办; the
   * service complaints to 客服中心; the harmed customer's to the managers too. */
  ASSERT_NOTICES (store, site.qc_manager, start, p_routed);
  ASSERT_NOTICES (store, site.qc_lead, start, p_routed);
  {
    g_autofree char *all = g_strjoin (",", p_routed, s_routed, h_routed, NULL);
    g_autofree char *gm = g_strjoin (",", p_routed, h_routed, NULL);

    ASSERT_NOTICES (store, site.cs_manager, start, all);
    ASSERT_NOTICES (store, site.clerk2, start, all);
    ASSERT_NOTICES (store, site.gm_office, start, gm);
  }
  /* Nobody is told of what they did; 销售部 is routed nothing. */
  ASSERT_NOTICES (store, site.clerk, start, "");
  ASSERT_NOTICES (store, site.sales_admin, start, "");
  /* Only what came after. */
  ASSERT_NOTICES (store, site.cs_manager, after_intake, "");

  /* Escalations: level 1 to the owner's team lead (not another department's), level 2 to the
   * CS managers, level 3 to the GM office. */
  board_exec (store, "UPDATE complaints SET due_at = NULL, due_kind = NULL, stage_since = $1 "
               "WHERE id <> $2",
        g_variant_new ("(sx)", since_text, h));
  board_exec (store, "UPDATE complaints SET due_at = $1, due_kind = NULL, stage_since = $1, "
               "stage = 'called-back' WHERE id = $2",
        g_variant_new ("(sx)", since_text, h));
  board_exec (store, "UPDATE complaints SET due_at = NULL WHERE id = $1", g_variant_new ("(x)", h));
  board_exec (store, "UPDATE complaints SET stage = 'closed' WHERE id = $1", g_variant_new ("(x)", s));
  g_assert_cmpuint (run_check (store, later), ==, 1);
  p_escalated = g_strdup_printf ("escalated:%" G_GINT64_FORMAT, p);
  ASSERT_NOTICES (store, site.lead, after_intake, p_escalated);
  ASSERT_NOTICES (store, site.qc_lead, after_intake, "");
  ASSERT_NOTICES (store, site.cs_manager, after_intake, "");
  ASSERT_NOTICES (store, site.gm_office, after_intake, "");
  ASSERT_NOTICES (store, site.qc_manager, after_intake, "");
  {
    g_autoptr(GDateTime) much_later = test_local_time (2026, 3, 20, 9, 0);
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");

    g_assert_cmpuint (run_check (store, much_later), ==, 2);
    ASSERT_NOTICES (store, site.lead, before, "");
    ASSERT_NOTICES (store, site.cs_manager, before, p_escalated);
    ASSERT_NOTICES (store, site.gm_office, before, p_escalated);
    ASSERT_NOTICES (store, site.clerk, before, "");
    /* Each level reaches only its own people: from the intake on, one escalation each. */
    ASSERT_NOTICES (store, site.cs_manager, after_intake, p_escalated);
    ASSERT_NOTICES (store, site.lead, after_intake, p_escalated);
  }

  /* A flagged batch goes to the QC manager. */
  {
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");
    g_autofree char *flagged = g_strdup_printf ("batch-flagged:%" G_GINT64_FORMAT, p);

    board_exec (store, "INSERT INTO events (created_at, staff_id, entity, entity_id, action, details) "
                 "VALUES (now(), $1, 'complaint', $2, 'batch-flagged', "
                 "'{\"alert_id\":1,\"batch_number\":\"AB-1\",\"count\":3}')",
          g_variant_new ("(xx)", site.clerk2, p));
    ASSERT_NOTICES (store, site.qc_manager, before, flagged);
    ASSERT_NOTICES (store, site.cs_manager, before, "");
    ASSERT_NOTICES (store, site.lead, before, "");
  }

  /* A customer found harmed after the call: the managers and the departments on it. Other
   * edits tell nobody. */
  {
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");
    g_autofree char *urgent = g_strdup_printf ("details-changed:%" G_GINT64_FORMAT, s);

    board_exec (store, "INSERT INTO events (created_at, staff_id, entity, entity_id, action, "
                       "details) VALUES (now(), $1, 'complaint', $2, 'details-changed', "
                       "'{\"changes\":{\"harmed\":[false,true]},\"urgent\":true}')",
                g_variant_new ("(xx)", site.clerk, s));
    board_exec (store, "INSERT INTO events (created_at, staff_id, entity, entity_id, action, "
                       "details) VALUES (now(), $1, 'complaint', $2, 'details-changed', "
                       "'{\"changes\":{\"reason\":[\"晚\",\"很晚\"]}}')",
                g_variant_new ("(xx)", site.clerk, s));
    ASSERT_NOTICES (store, site.cs_manager, before, urgent);
    ASSERT_NOTICES (store, site.gm_office, before, urgent);
    ASSERT_NOTICES (store, site.clerk2, before, urgent);
    ASSERT_NOTICES (store, site.qc_manager, before, "");
    ASSERT_NOTICES (store, site.clerk, before, "");
  }

  /* Departments added to the routes hear of it; those removed and those kept do not. */
  {
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");
    g_autofree char *changed = g_strdup_printf ("routes-changed:%" G_GINT64_FORMAT, s);
    g_autofree char *details = g_strdup_printf ("{\"added\":[{\"id\":%" G_GINT64_FORMAT ","
                                                "\"name\":\"销售部 \\\"id\\\":%" G_GINT64_FORMAT "\"}],"
                                                "\"removed\":[{\"id\":%" G_GINT64_FORMAT ","
                                                "\"name\":\"品控部\"}],\"text\":\"转营销\"}",
                                                site.sales_department, site.gm_department,
                                                site.qc_department);

    board_exec (store, "INSERT INTO events (created_at, staff_id, entity, entity_id, action, details) "
                 "VALUES (now(), $1, 'complaint', $2, 'routes-changed', $3)",
          g_variant_new ("(xxs)", site.lead, s, details));
    ASSERT_NOTICES (store, site.sales_admin, before, changed);
    ASSERT_NOTICES (store, site.qc_manager, before, "");
    ASSERT_NOTICES (store, site.gm_office, before, "");
    ASSERT_NOTICES (store, site.cs_manager, before, "");
  }
}

/* Batch alerts */

static void
test_batch_alerts (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  KefuBatchAlert *alert;
  gint64 first_id, second_id, version;
  Cases k;

  board_cases_setup (store, &k);
  board_exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
               "first_at, flagged_at, flagged_complaint_id) VALUES ($1, 'AB-1', 'AB-1', 1, "
               "'2020-01-01 00:00:00.000Z', '2026-03-10 01:00:00.000Z', $2)",
        g_variant_new ("(xx)", k.site.milk, k.a));
  board_exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
               "first_at, flagged_at, flagged_complaint_id) VALUES ($1, 'CD-2', 'CD-2', 3, "
               "'2020-01-01 00:00:00.000Z', '2026-03-13 01:00:00.000Z', $2)",
        g_variant_new ("(xx)", k.site.yogurt, k.d));

  /* Newest first, with the product's name and the batch's complaints now. */
  alerts = kefu_store_list_batch_alerts (store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 2);
  alert = g_ptr_array_index (alerts, 0);
  g_assert_cmpstr (alert->batch_key, ==, "CD-2");
  g_assert_cmpstr (alert->product_name, ==, "酸奶");
  g_assert_cmpuint (alert->complaint_count, ==, 3);
  second_id = alert->id;
  alert = g_ptr_array_index (alerts, 1);
  first_id = alert->id;
  version = alert->version;
  g_assert_cmpint (alert->product_id, ==, k.site.milk);
  g_assert_cmpstr (alert->product_name, ==, "鲜牛奶");
  g_assert_cmpstr (alert->batch_number, ==, "AB-1");
  /* A and E ("ab-1" typed) are about the batch, counted since its first complaint. */
  g_assert_cmpuint (alert->complaint_count, ==, 2);
  g_assert_nonnull (alert->first_at);
  g_assert_nonnull (alert->flagged_at);
  g_assert_null (alert->acknowledged_at);
  g_assert_null (alert->acknowledged_by_name);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* A clerk may not; a stale version is refused; the QC manager may. */
  kefu_store_set_actor (store, k.site.clerk);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  kefu_store_set_actor (store, k.site.qc_manager);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version + 1, "已封存", NULL,
                                                      &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, 999999, 1, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (kefu_store_acknowledge_batch_alert (store, first_id, version, " 已封存该批次 ",
                                                     NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'batch_alerts' AND "
                                 "action = 'acknowledged' AND entity_id = $1", first_id), ==, 1);

  /* Off the banner; still in the full list, with who and what. */
  alerts = kefu_store_list_batch_alerts (store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_cmpint (((KefuBatchAlert *) g_ptr_array_index (alerts, 0))->id, ==, second_id);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = kefu_store_list_batch_alerts (store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 2);
  alert = g_ptr_array_index (alerts, 1);
  g_assert_cmpint (alert->id, ==, first_id);
  g_assert_cmpint (alert->version, ==, version + 1);
  g_assert_nonnull (alert->acknowledged_at);
  g_assert_cmpstr (alert->acknowledged_by_name, ==, "品控经理");
  g_assert_cmpstr (alert->note, ==, "已封存该批次");

  /* Twice is refused; the old version too. */
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version + 1, NULL, NULL,
                                                      &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* A manager may too. */
  kefu_store_set_actor (store, k.site.gm_office);
  g_assert_true (kefu_store_acknowledge_batch_alert (store, second_id, 1, NULL, NULL, &error));
  g_assert_no_error (error);
}

void
test_store_add_complaint_escalation_tests (void)
{
  TEST_ADD ("complaint-board/deadlines", test_deadlines);
  TEST_ADD ("complaint-board/deadlines-race", test_deadlines_race);
  TEST_ADD ("complaint-board/notices", test_notices);
  TEST_ADD ("complaint-board/batch-alerts", test_batch_alerts);
}
