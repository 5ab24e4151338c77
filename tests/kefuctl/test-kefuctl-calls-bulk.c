/* test-kefuctl-calls-bulk.c: the bulk API that `generate --calls` uses, called directly (what it
 * refuses, and what a loaded call shares with a saved one), and `bench intake`, on a temporary
 * SQLite file and on a database of the throwaway PostgreSQL server.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-private.h"
#include "test-kefuctl-calls.h"

/* The bulk API that generate uses, directly: what it refuses, and what it shares with a save. */

typedef struct
{
  gint64  customer_id;
  char   *name;
  char   *address;
  char   *phone;
  gint64  clerk_id;
  gint64  product_id;
} BulkFixture;

static void
bulk_fixture_clear (BulkFixture *f)
{
  g_free (f->name);
  g_free (f->address);
  g_free (f->phone);
}

static void
bulk_fixture_read (KefuStore   *store,
                   BulkFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) customer = NULL;

  customer = _kefu_store_query (store, "SELECT id, name, address, phone FROM customers "
                                       "ORDER BY id LIMIT 1", NULL, NULL, &error);
  g_assert_no_error (error);
  f->customer_id = kefu_rows_get_int (customer, 0, 0);
  f->name = g_strdup (kefu_rows_get_text (customer, 0, 1));
  f->address = g_strdup (kefu_rows_get_text (customer, 0, 2));
  f->phone = g_strdup (kefu_rows_get_text (customer, 0, 3));
  f->clerk_id = count_sql (store, "SELECT MIN(id) FROM staff WHERE role = 'clerk' AND active = TRUE");
  f->product_id = count_sql (store, "SELECT MIN(id) FROM products WHERE active = TRUE");
}

static KefuCall *
bulk_call (BulkFixture  *f,
           KefuCallKind  kind,
           GDateTime    *received)
{
  KefuCall *call = kefu_call_new ();

  kefu_call_set_customer_id (call, f->customer_id);
  kefu_call_set_caller_name (call, f->name);
  kefu_call_set_address (call, f->address);
  kefu_call_set_phone (call, f->phone);
  kefu_call_set_clerk_id (call, f->clerk_id);
  kefu_call_set_received_at (call, received);
  if (kind == KEFU_CALL_KIND_ORDER)
    {
      g_autoptr(KefuOrder) order = kefu_order_new ();
      KefuOrderLine *line = kefu_order_add_line (order);

      kefu_order_set_channel (order, KEFU_CHANNEL_HOME_DELIVERY);
      kefu_order_set_delivery_address (order, f->address);
      kefu_order_set_district (order, "朝阳区");
      kefu_order_line_set_product_id (line, f->product_id);
      kefu_order_line_set_product_name (line, "鲜牛奶");
      kefu_order_line_set_spec (line, "950ml");
      kefu_order_line_set_quantity (line, 30);
      kefu_order_line_set_unit_price (line, 1280);
      kefu_call_set_order (call, order);
    }
  else if (kind == KEFU_CALL_KIND_INQUIRY)
    {
      g_autoptr(KefuInquiry) inquiry = kefu_inquiry_new ();

      kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRICES);
      kefu_inquiry_set_answer (inquiry, "鲜牛奶950ml每瓶12.8元");
      kefu_inquiry_set_potential_order (inquiry, TRUE);
      kefu_call_set_inquiry (call, inquiry);
    }
  else
    {
      g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();

      kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
      kefu_complaint_set_subject (complaint, "送奶服务");
      kefu_complaint_set_reason (complaint, "送奶晚了");
      kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
      kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
      kefu_complaint_set_staff_identity (complaint, "送奶员老张");
      kefu_complaint_set_work_place (complaint, "朝阳区奶站");
      kefu_complaint_set_work_manner (complaint, "入户配送");
      kefu_call_set_complaint (call, complaint);
    }
  kefu_call_set_kind (call, kind);
  return call;
}

void
test_bulk_api (Fixture       *fixture,
               gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "bulk.db", &option);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* A day before the demo's calls, which go back 150 days. */
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -200);
  g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (day),
                                                        g_date_time_get_month (day),
                                                        g_date_time_get_day_of_month (day),
                                                        9, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_hours (morning, 2);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KefuCall) saved = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) demo = { 0 };
  BulkFixture f = { 0 };
  KefuCall *inquiry, *order, *complaint;
  KefuCallBulkLead wrong = { .inquiry = 1, .state = KEFU_LEAD_STATE_CONVERTED, .order = 2 };
  gint64 n_calls, lead_id;

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);
  store = kefuctl_open_store (location);
  bulk_fixture_read (store, &f);
  n_calls = count_sql (store, "SELECT COUNT(*) FROM calls");

  /* A call saved by a clerk that day takes the day's first order number; the load follows. */
  saved = bulk_call (&f, KEFU_CALL_KIND_ORDER, morning);
  kefu_store_set_actor (store, f.clerk_id);
  kefu_store_save_call (store, saved, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_system_actor (store);

  g_ptr_array_add (first, bulk_call (&f, KEFU_CALL_KIND_ORDER, later));
  g_ptr_array_add (first, bulk_call (&f, KEFU_CALL_KIND_INQUIRY, later));
  g_ptr_array_add (first, bulk_call (&f, KEFU_CALL_KIND_COMPLAINT, later));
  order = g_ptr_array_index (first, 0);
  inquiry = g_ptr_array_index (first, 1);
  complaint = g_ptr_array_index (first, 2);
  /* Text not yet in stored form is stored trimmed, and the caller's record gets it back. */
  kefu_complaint_set_reason (kefu_call_get_complaint (complaint), "  送奶晚了,孩子上学前喝不上  ");

  /* A lead converted by a call that is not an order is refused, and nothing is stored. */
  g_assert_false (kefu_store_insert_calls_bulk (store, first, &wrong, 1, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM calls"), ==, n_calls + 1);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (order)), ==, 0);

  kefu_store_insert_calls_bulk (store, first, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM calls"), ==, n_calls + 4);
  expected = g_strdup (kefu_call_get_reference (saved));
  expected[strlen (expected) - 1]++;
  g_assert_cmpstr (kefu_call_get_reference (order), ==, expected);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_call_get_order (order))), >, 0);
  {
    GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (order)));
    g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, 0);

    g_assert_cmpint (kefu_order_line_get_id (line), >, 0);
    g_assert_cmpint (kefu_order_get_handover_date (kefu_call_get_order (order)) != NULL, ==, TRUE);
  }
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (complaint)), ==,
                   "送奶晚了,孩子上学前喝不上");
  g_assert_cmpuint (kefu_complaint_get_routes (kefu_call_get_complaint (complaint))->len, >, 0);
  g_assert_cmpint (kefu_complaint_get_stage (kefu_call_get_complaint (complaint)), ==,
                   KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpint (kefu_complaint_get_owner_id (kefu_call_get_complaint (complaint)), ==,
                   f.clerk_id);
  lead_id = kefu_inquiry_get_lead_id (kefu_call_get_inquiry (inquiry));
  g_assert_cmpint (lead_id, >, 0);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM complaints WHERE reason = "
                                 "'送奶晚了,孩子上学前喝不上'"), ==, 1);

  /* A later load's order converts the stored lead; a second conversion of it is refused. */
  {
    g_autoptr(GDateTime) next_day = g_date_time_add_days (later, 1);
    KefuCall *converting = bulk_call (&f, KEFU_CALL_KIND_ORDER, next_day);
    g_autoptr(KefuCall) again = bulk_call (&f, KEFU_CALL_KIND_ORDER, next_day);
    g_autoptr(GPtrArray) third = g_ptr_array_new_with_free_func (g_object_unref);
    g_autofree char *converted = g_strdup_printf ("SELECT COUNT(*) FROM leads WHERE id = %"
                                                  G_GINT64_FORMAT " AND state = 'converted' AND "
                                                  "order_call_id IS NOT NULL", lead_id);

    kefu_order_set_lead_id (kefu_call_get_order (converting), lead_id);
    g_ptr_array_add (second, converting);
    kefu_store_insert_calls_bulk (store, second, NULL, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_sql (store, converted), ==, 1);
    g_assert_cmpint (kefu_order_get_lead_id (kefu_call_get_order (converting)), ==, lead_id);

    kefu_order_set_lead_id (kefu_call_get_order (again), lead_id);
    g_ptr_array_add (third, g_object_ref (again));
    g_assert_false (kefu_store_insert_calls_bulk (store, third, NULL, 0, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "not open"));
    g_clear_error (&error);
    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (again)), ==, 0);
  }

  /* A call the rules refuse is named by its place in the load. */
  {
    g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_object_unref);
    KefuCall *no_phone = bulk_call (&f, KEFU_CALL_KIND_INQUIRY, later);

    kefu_call_set_phone (no_phone, "");
    g_ptr_array_add (bad, bulk_call (&f, KEFU_CALL_KIND_INQUIRY, later));
    g_ptr_array_add (bad, no_phone);
    g_assert_false (kefu_store_insert_calls_bulk (store, bad, NULL, 0, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Call 2 of 2 was not loaded: "));
    g_clear_error (&error);
  }
  bulk_fixture_clear (&f);
}

/* bench */

void
test_bench (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *const operations[] = {
    "Caller lookup by the last 4 digits", "Caller lookup by 2 characters of a name",
    "Saving a complaint call", "Saving an order call",
    "Opening the customers list (sorted by name)",
  };
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "bench.db", &option);
  g_autoptr(KefuStore) store = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) generate = { 0 };
  g_auto(Run) bench = { 0 };
  g_auto(Run) no_word = { 0 };
  g_auto(Run) no_rounds = { 0 };
  gint64 n_calls;

  run_kefuctl (fixture, &demo, option, "demo");
  kefuctl_assert_success (&demo);
  run_kefuctl (fixture, &generate, option, "generate", "--customers", "1000", "--calls", "2000");
  kefuctl_assert_success (&generate);
  store = kefuctl_open_store (location);
  n_calls = count_sql (store, "SELECT COUNT(*) FROM calls");
  g_clear_object (&store);

  run_kefuctl (fixture, &bench, option, "bench", "intake", "--rounds", "3");
  kefuctl_assert_success (&bench);
  g_assert_nonnull (strstr (bench.out, "1300 customers, 3 rounds"));
  g_assert_nonnull (strstr (bench.out, "Median (ms)"));
  g_assert_nonnull (strstr (bench.out, "90th pct. (ms)"));
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      const char *row = strstr (bench.out, operations[i]);
      g_autofree char *line = NULL;
      g_auto(GStrv) cells = NULL;

      g_assert_nonnull (row);
      line = g_strndup (row, strcspn (row, "\n"));
      /* The label, then four numbers, then the verdict. */
      cells = g_regex_split_simple ("  +", line + strlen (operations[i]), 0, 0);
      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      for (guint c = 1; c < 5; c++)
        g_assert_cmpfloat (g_ascii_strtod (cells[c], NULL), >, 0);
    }

  /* Each round of each save and the untimed first run saved a real call. */
  store = kefuctl_open_store (location);
  g_assert_cmpint (count_sql (store, "SELECT COUNT(*) FROM calls"), ==, n_calls + 2 * 4);
  g_clear_object (&store);

  run_kefuctl (fixture, &no_word, option, "bench");
  g_assert_cmpint (no_word.status, ==, 2);
  g_assert_nonnull (strstr (no_word.err, "kefuctl bench intake"));
  run_kefuctl (fixture, &no_rounds, option, "bench", "intake", "--rounds", "0");
  g_assert_cmpint (no_rounds.status, ==, 2);
}
