/* test-kefuctl-calls.c: the hotline calls that kefuctl makes: `generate --calls` and the demo's
 * calls (the bulk API and `bench intake` are in test-kefuctl-calls-bulk.c), run as a subprocess
 * on a temporary SQLite file and on a database of the throwaway PostgreSQL server, and checked
 * through the store (its API, and SQL that both dialects accept for the counts).
 *
 * The path of kefuctl comes from meson as the first argument (or $KEFUCTL).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "core/kefu-call-rules.h"
#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-private.h"
#include "kefu-test-pg.h"
#include "kefuctl-test-demo.h"
#include "test-kefuctl-calls.h"

/* A count by SQL that both dialects accept. */
gint64
count_sql (KefuStore  *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

static void
local_date (GDateTime *time,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  local_date (now, date);
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Every call of the database, newest first. */
static GListModel *
all_calls (KefuStore *store)
{
  g_autoptr(GError) error = NULL;
  GListModel *calls = kefu_store_list_recent_calls (store, 0, NULL, 1000000, NULL, &error);

  g_assert_no_error (error);
  return calls;
}

/* The line of kefuctl's output that starts with `prefix`, e.g. "Calls: ". */
static guint
added_count (const char *out,
             const char *prefix)
{
  const char *line = strstr (out, prefix);

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen (prefix), NULL, 10);
}

/* generate --calls */

#define N_CUSTOMERS "2000"
#define N_CALLS     10000

/* The calls generated (those after the demo's), checked one by one: a reference of their kind
 * and local day, numbered in time order within it after the demo's calls of that day; a summary;
 * the hotline's hours and week. */
static void
check_generated_calls (KefuStore   *store,
                       gint64       first_id,
                       const GDate *until)
{
  g_autoptr(GListModel) calls = all_calls (store);
  g_autoptr(GHashTable) references = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* "DH-20261127" → the highest number seen, and how many references it has. */
  g_autoptr(GHashTable) highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last_generated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
  guint n = g_list_model_get_n_items (calls);
  guint kinds[3] = { 0 }, weekdays[8] = { 0 }, office = 0, generated = 0;
  GDate first_day = *until;
  GHashTableIter iter;
  gpointer key, value;

  g_date_subtract_years (&first_day, 3);

  /* Oldest first, so that each day's numbers can be seen to go up. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(KefuCall) call = g_list_model_get_item (calls, i);
      const char *reference = kefu_call_get_reference (call);
      g_autoptr(GDateTime) local = g_date_time_to_local (kefu_call_get_received_at (call));
      g_autofree char *prefix = g_strndup (reference, 2);
      g_autofree char *day_text = g_strndup (reference + 3, 8);
      g_autofree char *expected_day = NULL;
      g_autofree char *kind_day = g_strndup (reference, 11);
      guint64 sequence = g_ascii_strtoull (reference + 12, NULL, 10);
      guint64 top;
      GDate day;

      /* Unique, "DH-20261127-0001": its kind, its local day, a number of at least 4 digits. */
      g_assert_true (g_hash_table_add (references, (gpointer) reference));
      g_assert_cmpuint (strlen (reference), >=, 16);
      g_assert_cmpstr (prefix, ==, kefu_call_kind_reference_prefix (kefu_call_get_kind (call)));
      local_date (kefu_call_get_received_at (call), &day);
      expected_day = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&day),
                                      g_date_get_month (&day), g_date_get_day (&day));
      g_assert_cmpstr (day_text, ==, expected_day);
      top = GPOINTER_TO_SIZE (g_hash_table_lookup (highest, kind_day));
      g_hash_table_insert (highest, g_strdup (kind_day), GSIZE_TO_POINTER (MAX (top, sequence)));
      top = GPOINTER_TO_SIZE (g_hash_table_lookup (numbers, kind_day));
      g_hash_table_insert (numbers, g_strdup (kind_day), GSIZE_TO_POINTER (top + 1));

      if (kefu_record_get_id (KEFU_RECORD (call)) < first_id)
        continue;
      generated++;
      g_assert_cmpint (g_date_compare (&day, &first_day), >, 0);
      g_assert_cmpint (g_date_compare (&day, until), <=, 0);
      /* In the order the calls came in. */
      g_assert_cmpuint (sequence, >, GPOINTER_TO_SIZE (g_hash_table_lookup (last_generated,
                                                                          kind_day)));
      g_hash_table_insert (last_generated, g_strdup (kind_day), GSIZE_TO_POINTER (sequence));

      g_assert_cmpstr (kefu_call_get_summary (call), !=, "");
      g_assert_cmpint (kefu_call_get_customer_id (call), >, 0);
      g_assert_cmpint (kefu_call_get_clerk_id (call), >, 0);
      kinds[kefu_call_get_kind (call)]++;
      weekdays[g_date_get_weekday (&day)]++;
      if (g_date_time_get_hour (local) >= 8 && g_date_time_get_hour (local) < 18)
        office++;
      g_hash_table_add (months, g_strndup (expected_day, 6));
    }

  /* Each kind's day is numbered 1, 2, 3 … without gaps, the demo's calls and the generated
   * ones together. */
  g_hash_table_iter_init (&iter, highest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_SIZE (value), ==,
                      GPOINTER_TO_SIZE (g_hash_table_lookup (numbers, key)));

  g_assert_cmpuint (generated, ==, N_CALLS);
  /* About 55% orders, 20% complaints, 25% inquiries (converted leads add a few orders). */
  g_assert_cmpuint (kinds[KEFU_CALL_KIND_ORDER], >, N_CALLS * 52 / 100);
  g_assert_cmpuint (kinds[KEFU_CALL_KIND_ORDER], <, N_CALLS * 60 / 100);
  g_assert_cmpuint (kinds[KEFU_CALL_KIND_COMPLAINT], >, N_CALLS * 17 / 100);
  g_assert_cmpuint (kinds[KEFU_CALL_KIND_COMPLAINT], <, N_CALLS * 23 / 100);
  g_assert_cmpuint (kinds[KEFU_CALL_KIND_INQUIRY], >, N_CALLS * 21 / 100);
  g_assert_cmpuint (kinds[KEFU_CALL_KIND_INQUIRY], <, N_CALLS * 28 / 100);
  /* Spread over the three years, in office hours, busier on Mondays than on Sundays. */
  g_assert_cmpuint (g_hash_table_size (months), >=, 36);
  g_assert_cmpuint (office, >, generated * 85 / 100);
  g_assert_cmpuint (weekdays[G_DATE_MONDAY], >, weekdays[G_DATE_SUNDAY] * 3 / 2);
}

/* What the store made of the detail records, by SQL both dialects accept. */
static void
check_generated_records (KefuStore *store)
{
  gint64 complaints = count_sql (store, "SELECT COUNT(*) FROM complaints");
  gint64 harmed = count_sql (store, "SELECT COUNT(*) FROM complaints WHERE harmed = TRUE");
  gint64 inquiries = count_sql (store, "SELECT COUNT(*) FROM inquiries");
  gint64 leads = count_sql (store, "SELECT COUNT(*) FROM leads");
  gint64 converted = count_sql (store, "SELECT COUNT(*) FROM leads WHERE state = 'converted'");

  /* Every complaint that is well founded is routed (the demo has staff for every role), but
   * the one the demo leaves New; product quality always to the QC manager's department; the
   * others were explained and go nowhere. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE well_founded = TRUE AND "
                                 "stage <> 'new' AND NOT EXISTS (SELECT 1 FROM "
                                 "complaint_routes AS r WHERE r.complaint_id = complaints.id)"),
                   ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE stage = 'new'"), <=, 1);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints "
                                 "WHERE category = 'product-quality' AND stage <> 'new' AND "
                                 "NOT EXISTS "
                                 "(SELECT 1 FROM complaint_routes AS r WHERE "
                                 "r.complaint_id = complaints.id AND r.role = 'qc-manager')"),
                   ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE well_founded = FALSE AND "
                                 "(stage <> 'explained' OR EXISTS (SELECT 1 FROM "
                                 "complaint_routes AS r WHERE r.complaint_id = complaints.id))"),
                   ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE well_founded = FALSE"),
                   >, complaints / 20);
  /* About one complaint in a hundred is the urgent case, and each such is urgent. */
  g_assert_cmpint (harmed, >, 0);
  g_assert_cmpint (harmed, <, complaints * 4 / 100);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE harmed = TRUE AND "
                                 "urgent = FALSE"), ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE stage = 'closed'"), >,
                   complaints / 2);

  /* Orders have one to three lines and a total that is theirs. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE (SELECT COUNT(*) FROM "
                                 "order_lines AS l WHERE l.order_id = orders.id) NOT BETWEEN 1 "
                                 "AND 3"), ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE total_fen <> (SELECT "
                                 "SUM(l.quantity * l.unit_price_fen) FROM order_lines AS l "
                                 "WHERE l.order_id = orders.id)"), ==, 0);
  /* Some go outside the demo's service area. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE out_of_area = TRUE"), >, 0);

  /* A fifth of the inquiries are potential orders; converted leads name an order of the same
   * customer, taken after the inquiry, and each such order names its lead. */
  g_assert_cmpint (leads, >, inquiries * 15 / 100);
  g_assert_cmpint (leads, <, inquiries * 25 / 100);
  g_assert_cmpint (converted, >, leads / 4);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM leads WHERE state = 'dropped'"), >, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE lead_id IS NOT NULL"), ==,
                   converted);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM leads JOIN inquiries AS i ON "
                                 "i.id = leads.inquiry_id JOIN calls AS asked ON "
                                 "asked.id = i.call_id JOIN calls AS ordered ON "
                                 "ordered.id = leads.order_call_id JOIN orders AS o ON "
                                 "o.call_id = ordered.id WHERE leads.state = 'converted' AND "
                                 "(ordered.customer_id <> asked.customer_id OR "
                                 "ordered.received_at < asked.received_at OR "
                                 "o.lead_id <> leads.id)"), ==, 0);

  /* Every customer's last call is their newest, set once after the load. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM customers WHERE last_call_id IS DISTINCT "
                                 "FROM (SELECT c.id FROM calls AS c WHERE c.customer_id = "
                                 "customers.id ORDER BY c.received_at DESC, c.id DESC LIMIT 1)"),
                   ==, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM customers WHERE last_call_id IS NOT NULL"),
                   >, 1000);
  /* One event for the load (the demo's New complaint came in as a load of one). */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM events WHERE entity = 'calls' AND "
                                 "action = 'bulk-insert' AND details NOT LIKE '{\"count\":1,%'"),
                   ==, 1);
}

/* Orders of days whose hand-over is past were handed over; the batch of the demo's day
 * (the day of `demo_now`) waits. */
static void
check_handover (KefuStore *store,
                GDateTime *demo_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) past = NULL;
  g_autoptr(GListModel) waiting = NULL;
  GDate day;

  local_date (demo_now, &day);
  waiting = kefu_store_list_handover_orders (store, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (waiting), >, 0);
  g_date_subtract_days (&day, 1);
  past = kefu_store_list_handover_orders (store, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (past), ==, 0);
}

static gint64
last_call_id (KefuStore *store)
{
  return count_sql (store, "SELECT COALESCE(MAX(id), 0) FROM calls");
}

/* The calls of a database as text, for comparing two generated with the same seed. */
static char *
calls_text (const char *location)
{
  g_autoptr(KefuStore) store = kefuctl_open_store (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GString *text = g_string_new (NULL);

  rows = _kefu_store_query (store,
                            "SELECT reference, kind, customer_id, clerk_id, "
                            "CAST(received_at AS TEXT), summary FROM calls ORDER BY id",
                            NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      /* Only the generated calls (received in 2025): the demo's calls are made around the time
       * the demo runs, which moves between the runs compared. */
      if (strstr (kefu_rows_get_text (rows, i, 0), "-2025") == NULL)
        continue;
      for (guint c = 0; c < 6; c++)
        g_string_append_printf (text, "%s%c", kefu_rows_get_text (rows, i, c), c < 5 ? '|' : '\n');
    }
  return g_string_free (text, FALSE);
}

static void
test_generate_calls (Fixture       *fixture,
                     gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "calls.db", &option);
  g_autofree char *calls = g_strdup_printf ("%d", N_CALLS);
  g_autoptr(KefuStore) store = NULL;
  /* A working afternoon, whose orders wait for the next morning's hand-over. */
  g_autoptr(GDateTime) demo_now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_auto(Run) demo = { 0 };
  g_auto(Run) generate = { 0 };
  gint64 first_id;
  GDate until;

  kefuctl_run_demo_at (fixture, &demo, option, demo_now);
  store = kefuctl_open_store (location);
  first_id = last_call_id (store) + 1;
  g_clear_object (&store);

  run_kefuctl (fixture, &generate, option, "generate", "--customers", N_CUSTOMERS, "--calls",
               calls, "--seed", "5");
  kefuctl_assert_success (&generate);
  g_assert_nonnull (strstr (generate.out, "Generated 10000 calls ("));
  g_assert_nonnull (strstr (generate.out, "Updated the last contact of "));

  /* --until defaults to yesterday. */
  today (&until);
  g_date_subtract_days (&until, 1);
  store = kefuctl_open_store (location);
  check_generated_calls (store, first_id, &until);
  check_generated_records (store);
  check_handover (store, demo_now);
}

/* The same seed and last day give the same calls, references and summaries; another seed does
 * not. */
static void
test_generate_calls_deterministic (Fixture       *fixture,
                                   gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  const char *seeds[] = { "9", "9", "10" };
  g_autofree char *texts[3] = { NULL };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("same-%u.db", i);
      g_autofree char *option = NULL;
      g_autofree char *location = kefuctl_new_location (fixture, backend, name, &option);
      g_auto(Run) demo = { 0 };
      g_auto(Run) generate = { 0 };

      run_kefuctl (fixture, &demo, option, "demo");
      kefuctl_assert_success (&demo);
      /* A last day long before the demo's calls, so that nothing depends on today. */
      run_kefuctl (fixture, &generate, option, "generate", "--customers", "500", "--calls",
                   "3000", "--seed", seeds[i], "--until", "2025-06-30");
      kefuctl_assert_success (&generate);
      texts[i] = calls_text (location);
      g_assert_nonnull (strstr (texts[i], "DH-20250630-"));
      g_assert_null (strstr (texts[i], "-20250701-"));
    }
  g_assert_cmpstr (texts[0], ==, texts[1]);
  g_assert_cmpstr (texts[0], !=, texts[2]);
}

/* A database without clerks, products or customers is refused with a reason; so is a last day
 * in the future, while today is fine. */
static void
test_generate_calls_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "empty.db", &option);
  g_autofree char *tomorrow_text = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) no_clerks = { 0 };
  g_auto(Run) future = { 0 };
  g_auto(Run) bad_date = { 0 };
  GDate tomorrow;

  run_kefuctl (fixture, &init, option, "init");
  kefuctl_assert_success (&init);
  run_kefuctl (fixture, &no_clerks, option, "generate", "--calls", "10");
  g_assert_cmpint (no_clerks.status, ==, 1);
  g_assert_nonnull (strstr (no_clerks.err, "no active clerks"));

  today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  tomorrow_text = date_text (&tomorrow);
  run_kefuctl (fixture, &future, option, "generate", "--calls", "10", "--until", tomorrow_text);
  g_assert_cmpint (future.status, ==, 2);
  g_assert_nonnull (strstr (future.err, "--until"));
  run_kefuctl (fixture, &bad_date, option, "generate", "--calls", "10", "--until", "June");
  g_assert_cmpint (bad_date.status, ==, 2);

  /* Up to today is allowed: today's calls have all come in already. */
  {
    g_autofree char *today_text = NULL;
    g_autoptr(KefuStore) store = NULL;
    g_autoptr(GListModel) calls = NULL;
    g_autoptr(GDateTime) now = NULL;
    g_auto(Run) demo = { 0 };
    g_auto(Run) generate = { 0 };
    GDate day;

    today (&day);
    today_text = date_text (&day);
    run_kefuctl (fixture, &demo, option, "demo");
    kefuctl_assert_success (&demo);
    run_kefuctl (fixture, &generate, option, "generate", "--calls", "3000", "--until",
                 today_text);
    kefuctl_assert_success (&generate);
    now = g_date_time_new_now_utc ();
    store = kefuctl_open_store (location);
    calls = all_calls (store);
    for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
      {
        g_autoptr(KefuCall) call = g_list_model_get_item (calls, i);

        g_assert_cmpint (g_date_time_compare (kefu_call_get_received_at (call), now), <=, 0);
      }
  }
}

/* demo */

static void
test_demo_calls (Fixture       *fixture,
                 gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "demo.db", &option);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GListModel) today_calls = NULL;
  g_autoptr(GListModel) open_leads = NULL;
  /* A working afternoon: the demo's "today" is the working day that ended last. */
  g_autoptr(GDateTime) now = kefuctl_past_day_at (KEFUCTL_MONDAY_TO_FRIDAY, 15 * 60);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) callers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  guint kinds[3] = { 0 }, n_today, with_history = 0, added;
  gint64 n_calls;
  GHashTableIter iter;
  gpointer key;

  kefuctl_run_demo_at (fixture, &first, option, now);
  added = added_count (first.out, "Calls: ");
  g_assert_cmpuint (added, >=, 100);

  store = kefuctl_open_store (location);
  n_calls = count_sql (store, "SELECT COUNT(*) FROM calls");
  g_assert_cmpint (n_calls, ==, added);

  /* About forty calls today, of all three kinds, none after the demo's time. */
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  today_calls = kefu_store_list_recent_calls (store, 0, midnight, 1000, NULL, &error);
  g_assert_no_error (error);
  n_today = g_list_model_get_n_items (today_calls);
  g_assert_cmpuint (n_today, >=, 35);
  g_assert_cmpuint (n_today, <=, 45);
  for (guint i = 0; i < n_today; i++)
    {
      g_autoptr(KefuCall) call = g_list_model_get_item (today_calls, i);
      gint64 customer = kefu_call_get_customer_id (call);

      kinds[kefu_call_get_kind (call)]++;
      g_assert_cmpint (g_date_time_compare (kefu_call_get_received_at (call), now), <=, 0);
      g_hash_table_add (callers, g_memdup2 (&customer, sizeof customer));
    }
  for (guint k = 0; k < 3; k++)
    g_assert_cmpuint (kinds[k], >=, 5);

  /* Today's callers called before: their histories are not empty. */
  g_hash_table_iter_init (&iter, callers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GListModel) history = kefu_store_list_customer_history (store, *(gint64 *) key,
                                                                         100, NULL, &error);

      g_assert_no_error (error);
      if (g_list_model_get_n_items (history) >= 2)
        with_history++;
    }
  g_assert_cmpuint (with_history, >=, g_hash_table_size (callers) * 9 / 10);

  /* Routed complaints, urgent ones, out-of-area orders, leads open and converted, and the past
   * days' orders handed over, as the store makes them. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE urgent = TRUE"), >=, 2);
  /* All but the one complaint the demo leaves New, for the board's first column. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE well_founded = TRUE AND "
                                 "NOT EXISTS (SELECT 1 FROM complaint_routes AS r "
                                 "WHERE r.complaint_id = complaints.id)"), ==, 1);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE out_of_area = TRUE"), >=, 2);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE out_of_area = TRUE AND "
                                 "area_notified_at IS NOT NULL"), >=, 1);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM leads WHERE state = 'converted'"), >=, 2);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM leads WHERE state = 'dropped'"), >=, 1);
  open_leads = kefu_store_list_leads (store, KEFU_LEAD_STATE_OPEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open_leads), >=, 3);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM orders WHERE handover_state = "
                                 "'handed-over'"), >, 10);
  check_handover (store, now);
  /* Each call is recorded against the clerk who took it. */
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM events JOIN calls ON "
                                 "calls.id = events.entity_id WHERE events.entity = 'calls' AND "
                                 "events.action = 'create' AND events.staff_id <> "
                                 "calls.clerk_id"), ==, 0);
  g_clear_object (&store);

  /* The same day again: every call is there already. */
  kefuctl_run_demo_at (fixture, &second, option, now);
  g_assert_cmpuint (added_count (second.out, "Calls: "), ==, 0);
  g_assert_nonnull (strstr (second.out, "nothing was added"));
  store = kefuctl_open_store (location);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM calls"), ==, n_calls);
}

int
main (int    argc,
      char **argv)
{
  /* meson passes kefuctl's path first. */
  kefuctl_test_init (&argc, &argv);

#define ADD kefuctl_test_add

  ADD ("/kefu/kefuctl/sqlite/generate-calls", test_generate_calls, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/generate-calls-deterministic", test_generate_calls_deterministic,
       BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/generate-calls-refused", test_generate_calls_refused, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/demo-calls", test_demo_calls, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/bench", test_bench, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/calls-bulk-api", test_bulk_api, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/postgres/generate-calls", test_generate_calls, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/generate-calls-deterministic", test_generate_calls_deterministic,
       BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/demo-calls", test_demo_calls, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/bench", test_bench, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/calls-bulk-api", test_bulk_api, BACKEND_POSTGRES);

#undef ADD

  return g_test_run ();
}
