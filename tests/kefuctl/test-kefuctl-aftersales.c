/* test-kefuctl-aftersales.c: the after-sales records kefuctl makes: `generate --shipments
 * --jobs` (counts, every row consistent with its step: payment before anything moves, carriers
 * and waybills from Shipped on, attention_at exactly where the core rule puts one, unique
 * serials, the customer's copies, the lines' summary, the completed jobs' callbacks), the
 * demo's desk (every step of shipments and jobs, every kind, overdue parcels, visits on the
 * calendar, a paid repair, callbacks; nothing added the second time) and `bench aftersales`,
 * run as a subprocess on a temporary SQLite file and on a database of the throwaway PostgreSQL
 * server, and checked through the store and SQL both dialects accept.
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

#include "core/kefu-call-rules.h"
#include "core/kefu-enum-types.h"
#include "core/kefu-shipment-flow.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-work-calendar.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-private.h"
#include "store/kefu-store-shipments.h"
#include "kefu-test-pg.h"
#include "kefuctl-test.h"
#include "kefuctl-test-demo.h"

typedef KefuctlFixture Fixture;

#define SHIPMENT_OPEN "('requested', 'payment-confirmed', 'dispatch-issued', 'handed-over', " \
                      "'shipped', 'delivered', 'exception')"

static gint64
count_sql (KefuStore  *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

/* The rows of `table` from `first_id` on that match `condition`. */
static gint64
count_where (KefuStore  *store,
             const char *table,
             gint64      first_id,
             const char *condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s WHERE id >= %" G_GINT64_FORMAT
                                          " AND (%s)", table, first_id, condition);

  return count_sql (store, sql);
}

/* The line of kefuctl's output that starts with `prefix`, e.g. "After-sales: ". */
static guint
added_count (const char *out,
             const char *prefix)
{
  const char *line = strstr (out, prefix);

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen (prefix), NULL, 10);
}

/* attention_at of every shipment from `first_id` on is what kefu_shipment_attention_at () gives
 * for its step and times, with the receipt days of the settings (the default 2). */
static void
assert_attention (KefuStore *store,
                  gint64     first_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GEnumClass) steps = g_type_class_ref (KEFU_TYPE_SHIPMENT_STEP);
  guint n_set = 0;

  rows = _kefu_store_query (store,
                            "SELECT step, CAST(expected_arrival AS TEXT), delivered_at, "
                            "exception_at, attention_at, reference FROM shipments "
                            "WHERE id >= $1 ORDER BY id",
                            g_variant_new ("(x)", first_id), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      GEnumValue *step = g_enum_get_value_by_nick (steps, kefu_rows_get_text (rows, i, 0));
      g_autoptr(GDateTime) delivered = kefu_rows_get_time (rows, i, 2);
      g_autoptr(GDateTime) exception = kefu_rows_get_time (rows, i, 3);
      g_autoptr(GDateTime) stored = kefu_rows_get_time (rows, i, 4);
      g_autoptr(GDateTime) expected = NULL;
      GDate arrival;
      gboolean has_arrival = FALSE;

      g_assert_nonnull (step);
      g_date_clear (&arrival, 1);
      if (!kefu_rows_is_null (rows, i, 1))
        has_arrival = kefu_date_parse (kefu_rows_get_text (rows, i, 1), &arrival, NULL);
      expected = kefu_shipment_attention_at (step->value, has_arrival ? &arrival : NULL,
                                             delivered, exception, 2, tz);
      if (expected == NULL || stored == NULL)
        {
          if ((expected == NULL) != (stored == NULL))
            g_error ("%s (%s): attention_at %s, expected %s", kefu_rows_get_text (rows, i, 5),
                     step->value_nick, stored != NULL ? "set" : "NULL",
                     expected != NULL ? "set" : "NULL");
          continue;
        }
      g_assert_cmpint (g_date_time_to_unix (stored), ==, g_date_time_to_unix (expected));
      n_set++;
    }
  g_assert_cmpuint (n_set, >, 0);
}

/* generate --shipments --jobs */

static void
test_generate_aftersales (Fixture       *fixture,
                          gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "aftersales.db", &option);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(Run) demo = { 0 };
  g_auto(Run) generate = { 0 };
  static const char *const kinds[] = {
    "installation", "repair", "onsite-repair", "factory-repair", "replacement", "return",
  };
  gint64 first_shipment, first_job, n, n_open, n_overdue = 0, n_store_open = 0;
  gint64 n_jobs_open = 0, n_awaiting = 0;

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);
  store = kefuctl_open_store (location);
  first_shipment = count_sql (store, "SELECT COALESCE(MAX(id), 0) FROM shipments") + 1;
  first_job = count_sql (store, "SELECT COALESCE(MAX(id), 0) FROM service_jobs") + 1;
  g_clear_object (&store);

  run_kefuctl (fixture, &generate, option, "generate", "--customers", "500", "--shipments",
               "3000", "--jobs", "2000", "--seed", "3");
  kefuctl_assert_success (&generate);
  g_assert_nonnull (strstr (generate.out, "Generated 3000 shipments ("));
  g_assert_nonnull (strstr (generate.out, "Generated 2000 service jobs ("));

  store = kefuctl_open_store (location);
  g_assert_cmpint (count_where (store, "shipments", first_shipment, "TRUE"), ==, 3000);
  g_assert_cmpint (count_where (store, "service_jobs", first_job, "TRUE"), ==, 2000);

  /* Most received, a few open, a few cancelled, some needing attention. */
  n = count_where (store, "shipments", first_shipment, "step = 'received'");
  n_open = count_where (store, "shipments", first_shipment, "step IN " SHIPMENT_OPEN);
  g_assert_cmpint (n, >, 2700);
  g_assert_cmpint (n_open, >, 0);
  g_assert_cmpint (n_open, <, 300);
  g_assert_cmpint (count_where (store, "shipments", first_shipment, "step = 'cancelled'"), >, 0);

  /* Nothing moves past Requested without finance's payment confirmation, and every step taken
   * says who took it, in order. */
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step NOT IN ('requested', 'cancelled') AND "
                                "(payment_confirmed_at IS NULL OR payment_confirmed_by IS NULL "
                                "OR payment_confirmed_at < requested_at "
                                "OR payment_amount_fen <= 0)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step IN ('shipped', 'delivered', 'received', 'exception') AND "
                                "(dispatch_issued_at IS NULL OR handed_over_at IS NULL OR "
                                "shipped_at IS NULL OR shipped_by IS NULL OR carrier_id IS NULL "
                                "OR waybill IS NULL OR ship_date IS NULL OR "
                                "expected_arrival IS NULL OR shipped_at < handed_over_at)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step = 'received' AND (delivered_at IS NULL OR "
                                "received_at IS NULL OR receipt_method IS NULL OR "
                                "received_at < delivered_at)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step IN ('requested', 'payment-confirmed', 'dispatch-issued', "
                                "'handed-over') AND (shipped_at IS NOT NULL OR "
                                "carrier_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step = 'exception' AND (exception IS NULL OR "
                                "exception_at IS NULL)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step = 'cancelled' AND cancelled_at IS NULL"), ==, 0);

  /* attention_at exactly where the core rule puts one, and the sidebar counts them. */
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "(attention_at IS NOT NULL) <> "
                                "(step IN ('shipped', 'delivered', 'exception'))"), ==, 0);
  assert_attention (store, first_shipment);
  g_assert_true (kefu_store_count_shipments (store, now, &n_store_open, &n_overdue, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_store_open, >=, n_open);
  g_assert_cmpint (n_overdue, >, 0);

  /* Serials unique, the customer's copies, the lines' summary, a search row each. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(serial) - COUNT(DISTINCT serial) "
                                     "FROM shipment_lines"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "customer_name <> (SELECT name FROM customers "
                                "WHERE customers.id = shipments.customer_id)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "n_lines <> (SELECT COUNT(*) FROM shipment_lines "
                                "WHERE shipment_id = shipments.id) OR n_lines = 0 OR "
                                "first_product_name <> (SELECT product_name FROM shipment_lines "
                                "WHERE shipment_id = shipments.id AND position = 0) OR "
                                "total_quantity <> (SELECT SUM(quantity) FROM shipment_lines "
                                "WHERE shipment_id = shipments.id)"), ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "id NOT IN (SELECT shipment_id FROM shipment_search)"), ==, 0);
  /* A confirmed receipt called back, as the store's receipt action schedules it. */
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "step = 'received' AND id NOT IN (SELECT source_id FROM "
                                "callbacks WHERE source_entity = 'shipment' AND "
                                "reason = 'after-delivery' AND due_at >= shipments.received_at)"),
                   ==, 0);
  g_assert_cmpint (count_where (store, "shipments", first_shipment,
                                "reference NOT LIKE 'FH-%'"), ==, 0);

  /* Jobs of every kind, most completed; the completed ones that call back have their callback,
   * a visit from Dispatched on its technician and day, paid work its agreed fee. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *kind = g_strdup_printf ("kind = '%s'", kinds[i]);

      g_assert_cmpint (count_where (store, "service_jobs", first_job, kind), >, 0);
    }
  g_assert_cmpint (count_where (store, "service_jobs", first_job, "step = 'completed'"), >, 1600);
  g_assert_cmpint (count_where (store, "service_jobs", first_job,
                                "step = 'completed' AND kind <> 'return' AND "
                                "(callback_id IS NULL OR callback_due_at IS NULL OR "
                                "callback_id NOT IN (SELECT id FROM callbacks WHERE "
                                "source_entity = 'service-job' AND "
                                "source_id = service_jobs.id))"), ==, 0);
  g_assert_cmpint (count_where (store, "service_jobs", first_job,
                                "kind IN ('installation', 'onsite-repair') AND "
                                "step IN ('dispatched', 'on-trip') AND "
                                "(technician_id IS NULL OR agreed_date IS NULL OR "
                                "approved_at IS NULL OR approved_by IS NULL)"), ==, 0);
  g_assert_cmpint (count_where (store, "service_jobs", first_job,
                                "warranty = 'out' AND step NOT IN ('reported', 'cancelled') AND "
                                "kind IN ('onsite-repair', 'factory-repair', 'replacement') AND "
                                "(fee_fen <= 0 OR fee_agreed = FALSE)"), ==, 0);
  g_assert_cmpint (count_where (store, "service_jobs", first_job,
                                "(attention_at IS NULL) <> "
                                "(step IN ('completed', 'cancelled'))"), ==, 0);
  g_assert_cmpint (count_where (store, "service_jobs", first_job,
                                "n_progress <> (SELECT COUNT(*) FROM job_progress "
                                "WHERE job_id = service_jobs.id)"), ==, 0);
  g_assert_cmpint (count_where (store, "service_jobs", first_job,
                                "shipment_id IS NOT NULL AND serial NOT IN "
                                "(SELECT serial FROM shipment_lines WHERE "
                                "shipment_lines.id = service_jobs.shipment_line_id)"), ==, 0);
  g_assert_true (kefu_store_count_jobs (store, &n_jobs_open, &n_awaiting, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_jobs_open, >, 0);
}

/* The demo's desk */

static void
test_demo_aftersales (Fixture       *fixture,
                      gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "demo.db", &option);
  g_autoptr(GDateTime) now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  static const char *const shipment_steps[] = {
    "requested", "payment-confirmed", "dispatch-issued", "handed-over", "shipped", "delivered",
    "received", "exception", "cancelled",
  };
  static const char *const job_steps[] = {
    "reported", "support-requested", "approved", "dispatched", "on-trip", "sent-to-factory",
    "at-factory", "repaired", "sent-back", "completed", "cancelled",
  };
  static const char *const kinds[] = {
    "installation", "repair", "onsite-repair", "factory-repair", "replacement", "return",
  };
  gint64 n_open = 0, n_overdue = 0, n_jobs_open = 0, n_awaiting = 0, n_shipments;
  GDate today, from, to;

  kefuctl_run_demo_at (fixture, &first, option, now);
  g_assert_cmpuint (added_count (first.out, "After-sales: "), >=, 45);

  store = kefuctl_open_store (location);
  for (guint i = 0; i < G_N_ELEMENTS (shipment_steps); i++)
    {
      g_autofree char *where = g_strdup_printf ("step = '%s'", shipment_steps[i]);

      g_assert_cmpint (count_where (store, "shipments", 0, where), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (job_steps); i++)
    {
      g_autofree char *where = g_strdup_printf ("step = '%s'", job_steps[i]);

      g_assert_cmpint (count_where (store, "service_jobs", 0, where), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *where = g_strdup_printf ("kind = '%s'", kinds[i]);

      g_assert_cmpint (count_where (store, "service_jobs", 0, where), >, 0);
    }
  n_shipments = count_sql (store, "SELECT COUNT(*) FROM shipments");
  g_assert_cmpint (n_shipments, >=, 25);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM service_jobs"), >=, 20);

  /* Two parcels past their expected arrival, a delivery unconfirmed too long, the exception. */
  g_assert_true (kefu_store_count_shipments (store, now, &n_open, &n_overdue, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_overdue, >=, 4);
  g_assert_cmpint (n_open, >=, 18);
  g_assert_true (kefu_store_count_jobs (store, &n_jobs_open, &n_awaiting, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_awaiting, >=, 2);

  /* Every step was a real change, with its event; the paid repair's fee was agreed; a
   * technician away reported progress; completed jobs and received shipments called back. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM events WHERE entity = 'shipment' "
                                     "AND action = 'payment-confirmed'"), ==,
                   count_sql (store, "SELECT COUNT(*) FROM shipments "
                                     "WHERE payment_confirmed_at IS NOT NULL"));
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM service_jobs WHERE warranty = 'out' "
                                     "AND fee_fen > 0 AND fee_agreed = TRUE AND "
                                     "step = 'dispatched'"), ==, 1);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM job_progress"), >=, 2);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM service_jobs WHERE step = 'completed' "
                                     "AND kind <> 'return' AND callback_id IS NULL"), ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM callbacks "
                                     "WHERE reason = 'after-delivery'"), ==,
                   count_sql (store, "SELECT COUNT(*) FROM shipments WHERE step = 'received'"));
  /* Everything happened before the demo's time. */
  {
    g_autofree char *at = kefu_time_to_db (now);
    g_autoptr(KefuRows) rows = _kefu_store_query (store,
                                                  "SELECT COUNT(*) FROM events WHERE entity IN "
                                                  "('shipment', 'service-job') AND "
                                                  "created_at > $1",
                                                  g_variant_new ("(s)", at), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (kefu_rows_get_int (rows, 0, 0), ==, 0);
  }
  /* Every step happened within working hours (the default calendar the demo's database has),
   * the trips' reported times too, each at its own minute rather than all at the demo's. */
  {
    g_autoptr(KefuWorkCalendar) calendar =
      kefu_work_calendar_new_from_settings (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS),
                                            kefu_setting_get_default (KEFU_SETTING_WORK_DAYS),
                                            "", &error);
    g_autoptr(KefuRows) rows = NULL;
    g_autoptr(GHashTable) minutes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    g_assert_no_error (error);
    rows = _kefu_store_query (store,
                              "SELECT created_at FROM events "
                              "WHERE entity IN ('shipment', 'service-job') "
                              "UNION ALL SELECT reported_at FROM job_progress "
                              "UNION ALL SELECT departed_at FROM service_jobs "
                              "WHERE departed_at IS NOT NULL",
                              NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kefu_rows_get_n_rows (rows), >, 100);
    for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
      {
        g_autoptr(GDateTime) at = kefu_rows_get_time (rows, i, 0);
        /* The end of a working period is the last working moment, itself not inside it. */
        g_autoptr(GDateTime) before = g_date_time_add_minutes (at, -1);

        if (!kefu_work_calendar_is_working_time (calendar, at) &&
            !kefu_work_calendar_is_working_time (calendar, before))
          {
            g_autofree char *text = g_date_time_format_iso8601 (at);

            g_error ("an after-sales step at %s, outside working hours", text);
          }
        g_hash_table_add (minutes, g_date_time_format (at, "%H:%M"));
      }
    g_assert_cmpuint (g_hash_table_size (minutes), >, 20);
  }

  /* The technicians' calendar shows the visits of this week and the next. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  from = today;
  g_date_subtract_days (&from, g_date_get_weekday (&from) - G_DATE_MONDAY);
  to = from;
  g_date_add_days (&to, 14);
  visits = kefu_store_list_technician_visits (store, &from, &to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, >=, 3);
  g_clear_object (&store);

  /* The second run adds nothing. */
  kefuctl_run_demo_at (fixture, &second, option, now);
  g_assert_cmpuint (added_count (second.out, "After-sales: "), ==, 0);
  store = kefuctl_open_store (location);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM shipments"), ==, n_shipments);
}

/* bench aftersales */

static void
test_bench_aftersales (Fixture       *fixture,
                       gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "bench.db", &option);
  g_auto(Run) demo = { 0 };
  g_auto(Run) generate = { 0 };
  g_auto(Run) bench = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_rows = 0;

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);
  run_kefuctl (fixture, &generate, option, "generate", "--shipments", "500", "--jobs", "500");
  kefuctl_assert_success (&generate);

  run_kefuctl (fixture, &bench, option, "bench", "aftersales", "--rounds", "2");
  kefuctl_assert_success (&bench);
  g_assert_nonnull (strstr (bench.out, "After-sales benchmark on "));

  /* One line per operation, with its first run, median and 90th percentile. */
  lines = g_strsplit (bench.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *numbers = NULL;
      const char *rest;

      if (!g_str_has_prefix (lines[i], "Shipments: ") && !g_str_has_prefix (lines[i], "Jobs: ") &&
          !g_str_has_prefix (lines[i], "Technicians"))
        continue;
      n_rows++;
      rest = strstr (lines[i], "  ");
      g_assert_nonnull (rest);
      numbers = g_strstrip (g_strdup (rest));
      cells = g_strsplit_set (numbers, " ", -1);
      /* A number of milliseconds (a count of a few rows may take less than 0.05). */
      {
        char *end = NULL;

        g_assert_cmpfloat (g_ascii_strtod (cells[0], &end), >=, 0);
        g_assert_true (end != cells[0]);
      }
    }
  g_assert_cmpuint (n_rows, ==, 22);
}

int
main (int    argc,
      char **argv)
{
  kefuctl_test_init (&argc, &argv);

#define ADD kefuctl_test_add

  ADD ("/kefu/kefuctl/sqlite/generate-aftersales", test_generate_aftersales, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/demo-aftersales", test_demo_aftersales, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/bench-aftersales", test_bench_aftersales, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/postgres/generate-aftersales", test_generate_aftersales, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/demo-aftersales", test_demo_aftersales, BACKEND_POSTGRES);

#undef ADD

  return g_test_run ();
}
