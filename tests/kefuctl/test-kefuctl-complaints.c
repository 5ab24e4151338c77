/* test-kefuctl-complaints.c: the complaints kefuctl makes: `generate --complaints` (the stage
 * spread, and every row's step-3 columns consistent with its stage), the demo's complaints
 * (every stage of the board, urgent, overdue and escalated ones, a batch alert, real timelines;
 * run after hours, still mostly within their time) and `bench complaints`, run as a subprocess on a temporary SQLite file and on a database of the
 * throwaway PostgreSQL server, and checked through the store and SQL both dialects accept.
 *
 * The path of kefuctl comes from meson as the first argument (or $KEFUCTL).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "store/kefu-store-complaints.h"
#include "store/kefu-store-private.h"
#include "kefu-test-pg.h"
#include "kefuctl-test.h"
#include "kefuctl-test-demo.h"

typedef KefuctlFixture Fixture;

/* A count by SQL that both dialects accept; `$1` is the first complaint id counted, `$2` `now`
 * (NULL: the real time). */
static gint64
count_at (KefuStore  *store,
          gint64      first_id,
          GDateTime  *now,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();
  g_autofree char *now_text = kefu_time_to_db (now != NULL ? now : real_now);
  g_autofree char *full = g_strdup_printf ("SELECT COUNT(*) FROM complaints WHERE id >= $1 AND "
                                           "(%s)", sql);
  /* PostgreSQL wants every parameter used, and infers $2's type from its use. */
  g_autoptr(KefuRows) rows = _kefu_store_query (store, full,
                                                strstr (sql, "$2") != NULL ?
                                                g_variant_new ("(xs)", first_id, now_text) :
                                                g_variant_new ("(x)", first_id),
                                                NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

static gint64
count (KefuStore  *store,
       gint64      first_id,
       const char *sql)
{
  return count_at (store, first_id, NULL, sql);
}

static gint64
count_sql (KefuStore  *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

/* The line of kefuctl's output that starts with `prefix`, e.g. "Complaints: ". */
static guint
added_count (const char *out,
             const char *prefix)
{
  const char *line = strstr (out, prefix);

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen (prefix), NULL, 10);
}

#define OPEN_STAGES "('new', 'routed', 'in-progress', 'resolved', 'called-back', 'reopened')"

/* What every complaint row must say about its stage (schema step 3), from `first_id` on. */
static void
check_rows (KefuStore *store,
            gint64     first_id)
{
  /* Every complaint has the time it entered its stage. */
  g_assert_cmpint (count (store, first_id, "stage_since IS NULL"), ==, 0);
  /* A closed complaint went through every step, in order, and has no deadline left. */
  g_assert_cmpint (count (store, first_id,
                          "stage = 'closed' AND (routed_at IS NULL OR acknowledged_at IS NULL OR "
                          "resolved_at IS NULL OR called_back_at IS NULL OR closed_at IS NULL OR "
                          "resolution IS NULL OR satisfaction IS NULL OR due_at IS NOT NULL OR "
                          "due_kind IS NOT NULL)"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "stage = 'closed' AND NOT (routed_at <= acknowledged_at AND "
                          "acknowledged_at <= resolved_at AND resolved_at <= called_back_at AND "
                          "called_back_at <= closed_at)"), ==, 0);
  /* An open complaint works against the deadline of its stage (called back waits for the
   * close, without one); only a New one is routed to nobody. */
  g_assert_cmpint (count (store, first_id,
                          "stage IN " OPEN_STAGES " AND stage <> 'called-back' AND "
                          "(due_at IS NULL OR due_kind IS NULL)"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "(stage = 'new' AND (due_kind <> 'route' OR routed_at IS NOT NULL OR "
                          "EXISTS (SELECT 1 FROM complaint_routes AS r "
                          "WHERE r.complaint_id = complaints.id))) OR "
                          "(stage IN ('routed', 'reopened') AND due_kind <> 'acknowledge') OR "
                          "(stage = 'in-progress' AND due_kind <> 'resolve') OR "
                          "(stage = 'resolved' AND due_kind <> 'callback') OR "
                          "(stage = 'called-back' AND due_kind IS NOT NULL)"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "well_founded = TRUE AND stage <> 'new' AND (routed_at IS NULL OR NOT "
                          "EXISTS (SELECT 1 FROM complaint_routes AS r "
                          "WHERE r.complaint_id = complaints.id))"), ==, 0);
  /* Acknowledged, resolved and called back as far as the stage says. */
  g_assert_cmpint (count (store, first_id,
                          "stage IN ('in-progress', 'resolved', 'called-back', 'reopened', "
                          "'closed') AND (acknowledged_at IS NULL OR NOT EXISTS (SELECT 1 FROM "
                          "complaint_routes AS r WHERE r.complaint_id = complaints.id AND "
                          "r.acknowledged_at IS NOT NULL))"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "stage IN ('resolved', 'called-back') AND (resolved_at IS NULL OR "
                          "resolution IS NULL)"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "stage = 'reopened' AND (satisfaction <> 'not-satisfied' OR "
                          "customer_words IS NULL)"), ==, 0);
  /* Escalated with the time it happened; explained complaints closed at the call. */
  g_assert_cmpint (count (store, first_id,
                          "(escalation_level > 0) <> (escalated_at IS NOT NULL)"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "stage = 'explained' AND (well_founded = TRUE OR closed_at IS NULL)"),
                   ==, 0);
  /* Harmed customers are urgent, and visited before their complaint is resolved. */
  g_assert_cmpint (count (store, first_id, "harmed = TRUE AND urgent = FALSE"), ==, 0);
  g_assert_cmpint (count (store, first_id,
                          "harmed = TRUE AND stage IN ('resolved', 'called-back', 'closed') AND "
                          "NOT EXISTS (SELECT 1 FROM complaint_visits AS v "
                          "WHERE v.complaint_id = complaints.id)"), ==, 0);
  /* The batch as compared: on product complaints with a batch number only. */
  g_assert_cmpint (count (store, first_id,
                          "(batch_key IS NOT NULL) <> (batch_number IS NOT NULL AND "
                          "category = 'product-quality')"), ==, 0);
  g_assert_cmpint (count (store, first_id, "batch_key <> UPPER(batch_number)"), ==, 0);
}

/* generate --complaints */

static void
test_generate_complaints (Fixture       *fixture,
                          gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "complaints.db", &option);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GListModel) board = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) generate = { 0 };
  static const char *const open_stages[] = {
    "new", "routed", "in-progress", "resolved", "called-back", "reopened",
  };
  gint64 first_id, first_call, n, n_open, n_closed, n_explained, n_overdue, n_harmed, demo_open;

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);
  store = kefuctl_open_store (location);
  first_id = count_sql (store, "SELECT COALESCE(MAX(id), 0) FROM complaints") + 1;
  first_call = count_sql (store, "SELECT COALESCE(MAX(id), 0) FROM calls") + 1;
  demo_open = count_sql (store, "SELECT COUNT(*) FROM complaints WHERE stage IN " OPEN_STAGES);
  g_clear_object (&store);

  /* Five in a hundred open: enough for every open stage. */
  run_kefuctl (fixture, &generate, option, "generate", "--customers", "1000", "--complaints",
               "5000", "--open-percent", "5", "--seed", "7");
  kefuctl_assert_success (&generate);
  g_assert_nonnull (strstr (generate.out, "Generated 5000 complaint calls ("));

  store = kefuctl_open_store (location);
  n = count (store, first_id, "TRUE");
  g_assert_cmpint (n, ==, 5000);
  /* Only complaint calls. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM calls WHERE id >= %"
                                            G_GINT64_FORMAT " AND kind <> 'complaint'",
                                            first_call);

    g_assert_cmpint (count_sql (store, sql), ==, 0);
  }

  /* Most closed, about one in eight explained at the call, the share asked for open. */
  n_open = count (store, first_id, "stage IN " OPEN_STAGES);
  n_closed = count (store, first_id, "stage = 'closed'");
  n_explained = count (store, first_id, "stage = 'explained'");
  g_assert_cmpint (n_open + n_closed + n_explained, ==, n);
  g_assert_cmpint (n_open, >=, 5000 * 5 / 100 / 2);
  g_assert_cmpint (n_open, <=, 5000 * 5 / 100 * 2);
  g_assert_cmpint (n_explained, >, n / 20);
  g_assert_cmpint (n_explained, <, n / 5);
  g_assert_cmpint (n_closed, >, n * 3 / 4);
  for (guint i = 0; i < G_N_ELEMENTS (open_stages); i++)
    {
      g_autofree char *sql = g_strdup_printf ("stage = '%s'", open_stages[i]);

      if (count (store, first_id, sql) == 0)
        g_error ("No generated complaint is in stage %s", open_stages[i]);
    }

  /* Some open ones are past their deadline, each escalated; a few closed ones were late once. */
  n_overdue = count (store, first_id, "stage IN " OPEN_STAGES " AND due_at < $2");
  g_assert_cmpint (n_overdue, >, 0);
  g_assert_cmpint (n_overdue, <, n_open / 2);
  g_assert_cmpint (count (store, first_id, "stage IN " OPEN_STAGES " AND due_at < $2 AND "
                                           "escalation_level = 0"), ==, 0);
  g_assert_cmpint (count (store, first_id, "stage = 'closed' AND escalation_level > 0"), >, 0);
  g_assert_cmpint (count (store, first_id, "stage = 'closed' AND escalation_level > 0"), <,
                   n_closed / 3);

  /* About one in a hundred is the urgent case. */
  n_harmed = count (store, first_id, "harmed = TRUE");
  g_assert_cmpint (n_harmed, >=, n / 300);
  g_assert_cmpint (n_harmed, <=, n * 3 / 100);

  check_rows (store, first_id);

  /* Batches cluster: a third complaint about one batch within a week flags it, once. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM batch_alerts"), >, 0);
  g_assert_cmpint (count_sql (store,
                              "SELECT COUNT(*) FROM batch_alerts AS a JOIN complaints AS c ON "
                              "c.id = a.flagged_complaint_id WHERE c.batch_key <> a.batch_key OR "
                              "c.category <> 'product-quality' OR a.complaint_count < 3 OR "
                              "c.product_id <> a.product_id"), ==, 0);
  g_assert_cmpint (count_sql (store,
                              "SELECT COUNT(*) FROM (SELECT batch_key, product_id FROM "
                              "batch_alerts GROUP BY batch_key, product_id HAVING COUNT(*) > 1) "
                              "AS twice"), ==, 0);
  g_assert_cmpint (count_sql (store,
                              "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM complaints "
                              "WHERE batch_key IS NOT NULL GROUP BY batch_key, product_id) "
                              "AS batches"), >=, 3);

  /* The board shows exactly the open complaints (the demo's and the generated). */
  board = kefu_store_list_board_complaints (store, filter, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (board), ==, n_open + demo_open);

  /* The demo again works none of the generated complaints, not even its customers' (its
   * deadline check may escalate them, as the board's would). */
  {
    g_auto(Run) again = { 0 };
    g_autofree char *worked = g_strdup_printf ("SELECT COUNT(*) FROM events WHERE "
                                               "entity = 'complaint' AND entity_id >= %"
                                               G_GINT64_FORMAT " AND action <> 'escalated'",
                                               first_id);

    g_assert_cmpint (count (store, first_id, "version > 1"), ==, 0);
    g_clear_object (&store);
    run_kefuctl (fixture, &again, option, "demo");
    kefuctl_assert_success (&again);
    g_assert_cmpuint (added_count (again.out, "Complaints: "), ==, 0);
    store = kefuctl_open_store (location);
    g_assert_cmpint (count_sql (store, worked), ==, 0);
  }
}

/* The options are checked before anything is written. */
static void
test_generate_complaints_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "refused.db", &option);
  g_auto(Run) init = { 0 };
  g_auto(Run) too_open = { 0 };
  g_auto(Run) no_clerks = { 0 };

  run_kefuctl (fixture, &init, option, "init");
  kefuctl_assert_success (&init);
  run_kefuctl (fixture, &too_open, option, "generate", "--complaints", "10", "--open-percent",
               "150");
  g_assert_cmpint (too_open.status, ==, 2);
  g_assert_nonnull (strstr (too_open.err, "--open-percent"));
  run_kefuctl (fixture, &no_clerks, option, "generate", "--complaints", "10");
  g_assert_cmpint (no_clerks.status, ==, 1);
  g_assert_nonnull (strstr (no_clerks.err, "no active clerks"));
}

/* demo */

static void
test_demo_complaints (Fixture       *fixture,
                      gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "demo.db", &option);
  /* A working afternoon: what the board shows depends on the time of day. */
  g_autoptr(GDateTime) now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) actions = g_string_new (NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  static const char *const stages[] = {
    "new", "routed", "in-progress", "resolved", "called-back", "reopened", "closed", "explained",
  };
  gint64 closed_id, versions;

  kefuctl_run_demo_at (fixture, &first, option, now);
  g_assert_cmpuint (added_count (first.out, "Complaints: "), >=, 20);

  store = kefuctl_open_store (location);
  /* Every stage of the board. */
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *sql = g_strdup_printf ("stage = '%s'", stages[i]);

      if (count (store, 0, sql) == 0)
        g_error ("No demo complaint is in stage %s", stages[i]);
    }
  /* An urgent one still open, some past their deadline and escalated (by the deadline check,
   * which writes the events), one escalated by hand. */
  g_assert_cmpint (count (store, 0, "urgent = TRUE AND stage IN " OPEN_STAGES), >=, 1);
  g_assert_cmpint (count_at (store, 0, now, "stage IN " OPEN_STAGES " AND due_at < $2 AND "
                                            "escalation_level > 0"), >=, 2);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                                     "AND action = 'escalated'"), >=, 2);
  /* A harmed customer visited; one batch flagged with its three complaints. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaint_visits"), >=, 1);
  alerts = kefu_store_list_batch_alerts (store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_cmpuint (((KefuBatchAlert *) g_ptr_array_index (alerts, 0))->complaint_count, >=, 3);
  /* Resolutions, callback results and notes. */
  g_assert_cmpint (count (store, 0, "resolution IS NOT NULL"), >=, 10);
  g_assert_cmpint (count (store, 0, "satisfaction = 'so-so'"), >=, 1);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                                     "AND action = 'note'"), >=, 1);
  check_rows (store, 0);

  /* A closed complaint's timeline holds each of its steps. */
  closed_id = count_sql (store, "SELECT MIN(id) FROM complaints WHERE stage = 'closed'");
  timeline = kefu_store_list_complaint_timeline (store, closed_id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (timeline, i);

      g_string_append_printf (actions, "%s ", kefu_event_get_action (event));
    }
  {
    static const char *const steps[] = { "acknowledged", "resolved", "called-back", "closed" };
    const char *at = actions->str;

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        at = strstr (at, steps[i]);
        if (at == NULL)
          g_error ("The timeline “%s” lacks %s in its place", actions->str, steps[i]);
      }
  }

  /* The same day again: nothing more is worked. */
  versions = count_sql (store, "SELECT SUM(version) FROM complaints");
  g_clear_object (&store);
  kefuctl_run_demo_at (fixture, &second, option, now);
  g_assert_cmpuint (added_count (second.out, "Complaints: "), ==, 0);
  store = kefuctl_open_store (location);
  g_assert_cmpint (count_sql (store, "SELECT SUM(version) FROM complaints"), ==, versions);
}

/* Run after the working day (`now`, whose last working moment was `day_end`), the demo still
 * shows a board a manager reads at a glance: most complaints within their time, a few late and
 * escalated at different levels, an urgent one; today's complaints acknowledged in time but for
 * the recent ones, still waiting within their time, and the forgotten one; nothing worked after
 * the working day ended. */
static void
check_after_hours (Fixture    *fixture,
                   const char *name,
                   GDateTime  *now,
                   GDateTime  *day_end)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, name, &option);
  g_autoptr(KefuStore) store = NULL;
  g_auto(Run) run = { 0 };
  gint64 n_overdue, n_on_time;

  kefuctl_run_demo_at (fixture, &run, option, now);
  store = kefuctl_open_store (location);

  n_overdue = count_at (store, 0, now, "stage IN " OPEN_STAGES " AND due_at < $2");
  n_on_time = count_at (store, 0, now, "stage IN " OPEN_STAGES " AND due_at >= $2");
  g_test_message ("%s: %" G_GINT64_FORMAT " overdue, %" G_GINT64_FORMAT " on time", name,
                  n_overdue, n_on_time);
  g_assert_cmpint (n_overdue, >=, 1);
  g_assert_cmpint (n_on_time, >, n_overdue);
  g_assert_cmpint (count_at (store, 0, now, "stage = 'routed' AND due_at >= $2"), >=, 1);
  g_assert_cmpint (count_at (store, 0, now, "stage = 'routed' AND due_at < $2"), >=, 1);
  g_assert_cmpint (count (store, 0, "urgent = TRUE AND stage IN " OPEN_STAGES), >=, 1);
  g_assert_cmpint (count_at (store, 0, now, "stage IN " OPEN_STAGES " AND due_at < $2 AND "
                                            "escalation_level = 0"), ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(DISTINCT escalation_level) FROM complaints "
                                     "WHERE escalation_level > 0 AND stage IN " OPEN_STAGES),
                   >=, 2);
  /* Every step is in the working day, but the last check's escalations, made at `now`. */
  g_assert_cmpint (count_at (store, 0, day_end,
                             "EXISTS (SELECT 1 FROM events AS e WHERE e.entity = 'complaint' AND "
                             "e.entity_id = complaints.id AND e.action <> 'escalated' AND "
                             "e.created_at > $2)"), ==, 0);
  check_rows (store, 0);
}

static void
test_demo_complaints_after_hours (Fixture       *fixture,
                                  gconstpointer  data)
{
  /* The default working time: 08:30–17:30, Monday to Saturday. */
  g_autoptr(GDateTime) evening = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 19 * 60 + 30);
  g_autoptr(GDateTime) evening_end = g_date_time_add_hours (evening, -2);
  g_autoptr(GDateTime) sunday = kefuctl_past_day_at (KEFUCTL_ISO_DAY (7), 11 * 60);
  g_autoptr(GDateTime) saturday = g_date_time_add_days (sunday, -1);
  g_autoptr(GDateTime) saturday_end = g_date_time_add_minutes (saturday, 6 * 60 + 30);

  check_after_hours (fixture, "evening.db", evening, evening_end);
  check_after_hours (fixture, "sunday.db", sunday, saturday_end);
}

/* bench complaints */

static void
test_bench_complaints (Fixture       *fixture,
                       gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "bench.db", &option);
  g_autoptr(KefuStore) store = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) generate = { 0 };
  g_auto(Run) bench = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_rows = 0;
  gint64 escalations;

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);
  run_kefuctl (fixture, &generate, option, "generate", "--customers", "300", "--complaints",
               "1000", "--open-percent", "10");
  kefuctl_assert_success (&generate);
  store = kefuctl_open_store (location);
  escalations = count_sql (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated'");
  g_clear_object (&store);

  run_kefuctl (fixture, &bench, option, "bench", "complaints", "--rounds", "3", "--late-check");
  kefuctl_assert_success (&bench);
  g_assert_nonnull (strstr (bench.out, "Complaint board benchmark on "));

  /* One line per operation, with its first run, median and 90th percentile. */
  lines = g_strsplit (bench.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *numbers = NULL;
      const char *rest;

      if (!g_str_has_prefix (lines[i], "Opening the board") &&
          !g_str_has_prefix (lines[i], "Board: ") && !g_str_has_prefix (lines[i], "List view: ") &&
          !g_str_has_prefix (lines[i], "Deadline check"))
        continue;
      n_rows++;
      /* The numbers follow the label, after two spaces. */
      rest = strstr (lines[i], "  ");
      g_assert_nonnull (rest);
      numbers = g_strstrip (g_strdup (rest));
      cells = g_strsplit_set (numbers, " ", -1);
      g_assert_cmpfloat (g_ascii_strtod (cells[0], NULL), >, 0);
    }
  g_assert_cmpuint (n_rows, ==, 16);
  g_assert_nonnull (strstr (bench.out, "The late checks raised "));

  /* The late check escalated for good. */
  store = kefuctl_open_store (location);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated'"), >,
                   escalations);
}

int
main (int    argc,
      char **argv)
{
  kefuctl_test_init (&argc, &argv);

#define ADD kefuctl_test_add

  ADD ("/kefu/kefuctl/sqlite/generate-complaints", test_generate_complaints, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/generate-complaints-refused", test_generate_complaints_refused,
       BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/demo-complaints", test_demo_complaints, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/demo-complaints-after-hours", test_demo_complaints_after_hours,
       BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/bench-complaints", test_bench_complaints, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/postgres/generate-complaints", test_generate_complaints, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/demo-complaints", test_demo_complaints, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/bench-complaints", test_bench_complaints, BACKEND_POSTGRES);

#undef ADD

  return g_test_run ();
}
