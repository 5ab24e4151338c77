/* bench-store-calls.c: how long kefu_store_save_call() takes on a big database: by default a
 * SQLite file with 1,000,000 customers and 3,000,000 calls (the target: under 10 ms a
 * save). Run by `meson test --benchmark` or by hand:
 *   bench-store-calls [CUSTOMERS] [CALLS] [LOCATION] [SAVES]
 * LOCATION "" (the default) is a temporary SQLite file, "postgres" a throwaway PostgreSQL
 * server, anything else an existing database (for instance one made by `kefuctl generate`),
 * which then gets no customers or calls added when CUSTOMERS and CALLS are 0.
 *
 * The calls are bare call rows spread over three years (the table and its indexes are what a
 * save searches: the reference numbers of a day, the caller's number), loaded through the bulk
 * path. The saves mix the three kinds: orders of known callers typed with spaces, complaints of
 * new callers (a customer is created), inquiries with a potential order (a lead is created).
 * It fails when the median save takes 10 ms or more.
 */
#define G_LOG_DOMAIN "kefu-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "store/kefu-store-private.h"
#include "kefu-test-pg.h"

#define DAYS (3 * 365)

typedef struct
{
  guint       n;
  guint       i;
  gint64      first_customer;
  guint       n_customers;
  gint64      clerk;
  GDateTime  *start;
  guint       per_day_kind[3];
  int         day;
  char        reference[32];
  char        caller[32];
  char        phone[16];
  char       *received;
} CallRows;

static const char *const call_columns[] = {
  "reference", "kind", "customer_id", "caller_name", "phone", "clerk_id", "received_at",
  "summary", NULL
};

static gboolean
next_call (gpointer        user_data,
           KefuStoreValue *values)
{
  static const char *const kinds[] = { "order", "complaint", "inquiry" };
  static const char *const prefixes[] = { "DH", "TS", "ZX" };
  CallRows *rows = user_data;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;
  guint kind = rows->i % 3;
  gint64 customer;
  int day;

  if (rows->i >= rows->n)
    return FALSE;

  /* Evenly over the days, in time order, as a hotline takes them. */
  time = g_date_time_add_seconds (rows->start, (double) rows->i * DAYS * 86400.0 / rows->n);
  local = g_date_time_to_local (time);
  day = g_date_time_get_day_of_year (local) + 1000 * g_date_time_get_year (local);
  if (day != rows->day)
    {
      rows->day = day;
      memset (rows->per_day_kind, 0, sizeof rows->per_day_kind);
    }
  g_snprintf (rows->reference, sizeof rows->reference, "%s-%04d%02d%02d-%04u", prefixes[kind],
              g_date_time_get_year (local), g_date_time_get_month (local),
              g_date_time_get_day_of_month (local), ++rows->per_day_kind[kind]);
  customer = rows->first_customer + (gint64) ((rows->i * 7919u) % rows->n_customers);
  g_snprintf (rows->caller, sizeof rows->caller, "客户%" G_GINT64_FORMAT, customer);
  g_snprintf (rows->phone, sizeof rows->phone, "13%09u", (guint) (customer - rows->first_customer));
  g_free (rows->received);
  rows->received = kefu_time_to_db (time);

  kefu_store_value_set_text (&values[0], rows->reference);
  kefu_store_value_set_text (&values[1], kinds[kind]);
  kefu_store_value_set_int64 (&values[2], customer);
  kefu_store_value_set_text (&values[3], rows->caller);
  kefu_store_value_set_text (&values[4], rows->phone);
  kefu_store_value_set_int64 (&values[5], rows->clerk);
  kefu_store_value_set_text (&values[6], rows->received);
  kefu_store_value_set_text (&values[7], "鲜牛奶 950ml ×2");
  rows->i++;
  return TRUE;
}

static gboolean
load_calls_txn (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return _kefu_store_bulk_insert_rows (store, "calls", call_columns, next_call, data,
                                       cancellable, error);
}

static gint64
query_int (KefuStore  *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

static gint64
make_clerk (KefuStore *store)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(KefuProduct) product = kefu_product_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *login = g_strdup_printf ("bench%" G_GINT64_FORMAT, g_get_real_time ());

  /* Someone for the complaints to be routed to, and a product to order. */
  kefu_department_set_name (department, "品控部");
  g_assert_true (kefu_store_create_department (store, department, NULL, &error));
  g_assert_no_error (error);
  kefu_staff_set_name (staff, login);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, KEFU_ROLE_QC_MANAGER);
  kefu_staff_set_department_id (staff, kefu_record_get_id (KEFU_RECORD (department)));
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  kefu_product_set_name (product, "鲜牛奶");
  kefu_product_set_unit_price (product, 1250);
  kefu_product_set_active (product, TRUE);
  g_assert_true (kefu_store_create_product (store, product, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (product));
}

static KefuCall *
new_call (guint      i,
          guint      n_customers,
          gint64     clerk,
          gint64     product,
          GDateTime *received)
{
  KefuCall *call = kefu_call_new ();
  char phone[32];
  char name[32];

  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  switch (i % 3)
    {
    case 0:
      {
        g_autoptr(KefuOrder) order = kefu_order_new ();
        KefuOrderLine *line = kefu_order_add_line (order);
        guint known = (i * 104729u) % MAX (n_customers, 1);

        /* A known caller, typed with spaces. */
        g_snprintf (phone, sizeof phone, "13%01u %04u %04u", known / 100000000,
                    known / 10000 % 10000, known % 10000);
        g_snprintf (name, sizeof name, "客户%u", known);
        kefu_call_set_kind (call, KEFU_CALL_KIND_ORDER);
        kefu_order_set_channel (order, KEFU_CHANNEL_HOME_DELIVERY);
        kefu_order_set_delivery_address (order, "北京市朝阳区建国路88号");
        kefu_order_set_district (order, "朝阳区");
        kefu_order_line_set_product_id (line, product);
        kefu_order_line_set_spec (line, "950ml");
        kefu_order_line_set_quantity (line, 2);
        kefu_order_line_set_unit_price (line, 1250);
        kefu_call_set_order (call, order);
      }
      break;
    case 1:
      {
        g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();

        /* A new caller: the customer is created. */
        g_snprintf (phone, sizeof phone, "159%08u", i);
        g_snprintf (name, sizeof name, "新客户%u", i);
        kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
        kefu_complaint_set_subject (complaint, "鲜牛奶");
        kefu_complaint_set_reason (complaint, "有异味");
        kefu_complaint_set_well_founded (complaint, TRUE);
        kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
        kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
        kefu_complaint_set_purchase_method (complaint, "超市购买");
        kefu_complaint_set_purchase_place (complaint, "华联超市");
        kefu_complaint_set_batch_number (complaint, "A20260301");
        kefu_complaint_set_product_id (complaint, product);
        kefu_call_set_complaint (call, complaint);
      }
      break;
    default:
      {
        g_autoptr(KefuInquiry) inquiry = kefu_inquiry_new ();

        g_snprintf (phone, sizeof phone, "13%09u", (i * 15485863u) % MAX (n_customers, 1));
        g_snprintf (name, sizeof name, "客户%u", i);
        kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
        kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRICES);
        kefu_inquiry_set_answer (inquiry, "介绍了价格");
        kefu_inquiry_set_potential_order (inquiry, TRUE);
        kefu_call_set_inquiry (call, inquiry);
      }
    }
  kefu_call_set_phone (call, phone);
  kefu_call_set_caller_name (call, name);
  return call;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint n_customers = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  guint n_calls = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 3000000;
  const char *where = argc > 3 ? argv[3] : "";
  guint n_saves = argc > 4 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 300;
  g_autofree char *dir = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) received = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 clerk, product, t0;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  if (g_str_equal (where, "postgres"))
    location = kefu_test_pg_new_database ();
  else if (where[0] != '\0')
    location = g_strdup (where);
  else
    {
      dir = g_dir_make_tmp ("kefu-bench-XXXXXX", &error);
      g_assert_no_error (error);
      location = g_build_filename (dir, "bench.db", NULL);
    }

  store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_system_actor (store);
  clerk = kefu_store_get_actor (store);

  if (n_customers > 0)
    {
      g_autoptr(GPtrArray) customers = g_ptr_array_new_full (n_customers, g_object_unref);

      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < n_customers; i++)
        {
          KefuCustomer *c = kefu_customer_new ();
          char name[32], phone[16];
          const char *phones[] = { phone, NULL };

          g_snprintf (name, sizeof name, "客户%u", i);
          g_snprintf (phone, sizeof phone, "13%09u", i);
          kefu_customer_set_name (c, name);
          kefu_customer_set_address (c, "杭州市西湖区文三路1号");
          kefu_customer_set_district (c, "西湖区");
          kefu_customer_set_phones (c, phones);
          g_ptr_array_add (customers, c);
        }
      if (!kefu_store_insert_customers_bulk (store, customers, NULL, &error))
        g_error ("%s", error->message);
      g_print ("%u customers loaded in %.1f s\n", n_customers,
               (g_get_monotonic_time () - t0) / 1e6);
    }

  if (n_calls > 0)
    {
      CallRows rows = { .n = n_calls, .clerk = clerk, .day = -1 };

      rows.first_customer = query_int (store, "SELECT MIN(id) FROM customers");
      rows.n_customers = (guint) query_int (store, "SELECT COUNT(*) FROM customers");
      g_assert_cmpuint (rows.n_customers, >, 0);
      rows.start = g_date_time_add_days (now, -DAYS - 1);
      t0 = g_get_monotonic_time ();
      if (!_kefu_store_write (store, load_calls_txn, &rows, NULL, &error))
        g_error ("%s", error->message);
      g_print ("%u calls loaded in %.1f s\n", n_calls, (g_get_monotonic_time () - t0) / 1e6);
      g_date_time_unref (rows.start);
      g_free (rows.received);
    }

  product = make_clerk (store);
  g_print ("%" G_GINT64_FORMAT " customers, %" G_GINT64_FORMAT " calls in %s\n",
           query_int (store, "SELECT MAX(id) FROM customers"),
           query_int (store, "SELECT MAX(id) FROM calls"), kefu_store_get_description (store));

  /* The last loaded day, so that each save's reference follows hundreds of that day's. */
  received = g_date_time_add_days (now, -2);
  for (guint i = 0; i < n_saves; i++)
    {
      g_autoptr(KefuCall) call = new_call (i, n_customers, clerk, product, received);
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (!kefu_store_save_call (store, call, NULL, &error))
        g_error ("save %u: %s", i, error->message);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
    }
  g_array_sort (times, compare_gint64);
  {
    double median = g_array_index (times, gint64, times->len / 2) / 1e3;
    double p95 = g_array_index (times, gint64, times->len * 95 / 100) / 1e3;
    double max = g_array_index (times, gint64, times->len - 1) / 1e3;

    g_print ("%u saves (orders of known callers, complaints of new ones, inquiries with leads): "
             "median %.2f ms, 95%% %.2f ms, max %.2f ms\n", n_saves, median, p95, max);
    g_clear_object (&store);
    if (dir != NULL)
      {
        static const char *const suffixes[] = { "", "-wal", "-shm" };

        for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
          {
            g_autofree char *file = g_strconcat (location, suffixes[i], NULL);
            g_unlink (file);
          }
        g_rmdir (dir);
      }
    return median < 10.0 ? EXIT_SUCCESS : EXIT_FAILURE;
  }
}
