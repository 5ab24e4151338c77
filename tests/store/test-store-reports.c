/* test-store-reports.c: the managers' reports (kefu-store-reports.h) on both backends, over a
 * small fixed data set whose every figure is counted by hand below, in Asia/Shanghai time: the
 * daily call log by clerk and its detail (read in pages), the complaint register and the
 * logistics origin analysis, for the period 2026-11-02 to 11-04, a team, a clerk, a single day,
 * an empty period. A call at 23:30 and one at 00:30 the next day (the same UTC day) land on
 * their own local days; an archived complaint is left out of the register; a customer without
 * a district makes the "Unknown district" row.
 *
 * The records are written straight into the tables (the store's private query helpers), so
 * that each has exactly the times, stages and districts the figures are computed from.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include <string.h>

#include "store/kefu-store-reports.h"
#include "store/kefu-store-roles.h"
#include "kefu-test-company.h"
#include "test-store-calls.h"

/* The data set.
 *
 * Staff: 王芳 (A) and 刘洋 (B) in 客服中心 (the CS department), 陈敏 (C) in 客服二组.
 * Customers: 李先生 (朝阳区), 张女士 (海淀区), 王先生 (no district), 赵女士 (通州区).
 *
 * Calls (local time; the period is 11-02 to 11-04):
 *   c1  order      李先生  A  11-02 09:00  order district 朝阳区
 *   c13 complaint  赵女士  A  11-02 10:00  K5: service quality (late delivery), harmed, closed
 *   c2  order      张女士  A  11-02 23:30  no order district: the customer's, 海淀区
 *   c3  inquiry    李先生  A  11-03 00:30  lead converted   (UTC 11-02 16:30, as c2's 15:30)
 *   c4  inquiry    王先生  A  11-03 10:00  lead open
 *   c5  complaint  张女士  A  11-03 11:00  K1: product quality (odd smell), resolved
 *   c6  order      王先生  B  11-03 14:00  no district at all: unknown
 *   c7  order      赵女士  C  11-04 08:00  order district 燕郊镇, outside the service area
 *   c10 inquiry    张女士  B  11-04 12:00  lead converted
 *   c8  complaint  李先生  B  11-04 16:00  K2: archived (left out of the register)
 *   c9  complaint  赵女士  C  11-04 23:59  K3: not well founded, explained
 *   c11 order      李先生  A  11-01 23:59  before the period
 *   c12 complaint  张女士  B  11-05 00:00  K4: after the period
 *
 * Shipments (requested at, local):
 *   s1 李先生 (朝阳区) 11-02 10:00 by A, shipped 11-03
 *   s2 李先生 (朝阳区) 11-03 09:00 by A, not shipped
 *   s3 赵女士 (通州区) 11-04 09:00 by B, cancelled and archived, never shipped
 *   s4 王先生 (none)   11-04 15:00 by C, shipped 11-04
 *   s5 张女士 (海淀区) 11-05 00:10 by A, after the period
 */
typedef struct
{
  Company co;
  gint64  a, b, c;
  gint64  team2;
  gint64  li, zhang, wang, zhao;
  gint64  k1, k2, k3, k5;
} Data;

static gint64
customer (KefuStore  *store,
          const char *name,
          const char *phone,
          const char *district)
{
  g_autoptr(KefuCustomer) c = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  kefu_customer_set_district (c, district);
  g_assert_true (kefu_store_create_customer (store, c, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (c));
}

static char *
db_time (int month,
         int day,
         int hour,
         int minute)
{
  g_autoptr(GDateTime) t = NULL;

  if (day == 0)
    return NULL;
  t = test_local_time (2026, month, day, hour, minute);
  return kefu_time_to_db (t);
}

static gint64
insert_id (KefuStore  *store,
           const char *sql,
           GVariant   *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, params, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

static gint64
call (KefuStore  *store,
      const char *kind,
      const char *reference,
      gint64      customer_id,
      gint64      clerk,
      int         month,
      int         day,
      int         hour,
      int         minute)
{
  g_autofree char *at = db_time (month, day, hour, minute);

  return insert_id (store,
                    "INSERT INTO calls (reference, kind, customer_id, caller_name, phone, "
                    "clerk_id, received_at, summary) "
                    "SELECT $1, $2, id, name, phone, $3, $4, $1 || ' summary' "
                    "FROM customers WHERE id = $5 RETURNING id",
                    g_variant_new ("(ssxsx)", reference, kind, clerk, at, customer_id));
}

static void
order (KefuStore  *store,
       gint64      call_id,
       const char *district,
       gboolean    out_of_area)
{
  g_autoptr(GError) error = NULL;

  _kefu_store_execute (store,
                       "INSERT INTO orders (call_id, channel, delivery_address, district, "
                       "handover_date, out_of_area) VALUES ($1, 'home-delivery', '某路1号', $2, "
                       "'2026-11-02', $3)",
                       g_variant_new ("(xmsb)", call_id, district, out_of_area),
                       NULL, &error);
  g_assert_no_error (error);
}

static void
inquiry (KefuStore  *store,
         gint64      call_id,
         const char *lead_state)
{
  gint64 id = insert_id (store,
                         "INSERT INTO inquiries (call_id, topics, answer, potential_order) "
                         "VALUES ($1, 'products', '介绍了产品', $2) RETURNING id",
                         g_variant_new ("(xb)", call_id, lead_state != NULL));
  g_autoptr(GError) error = NULL;

  if (lead_state == NULL)
    return;
  _kefu_store_execute (store, "INSERT INTO leads (inquiry_id, state) VALUES ($1, $2)",
                       g_variant_new ("(xs)", id, lead_state), NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  gint64      call_id;
  gint64      owner;
  gboolean    well_founded;
  const char *category;
  const char *symptom;
  const char *issue;
  gboolean    harmed;
  const char *stage;
  int         ack_day, resolved_day, closed_day;   /* of November, at 12:00; 0: none */
  const char *resolution;
  const char *satisfaction;
  gboolean    archived;
} Complaint;

static gint64
complaint (KefuStore       *store,
           const Complaint *k)
{
  g_autofree char *ack = db_time (11, k->ack_day, 12, 0);
  g_autofree char *resolved = db_time (11, k->resolved_day, 12, 0);
  g_autofree char *closed = db_time (11, k->closed_day, 12, 0);
  g_autofree char *archived = k->archived ? db_time (11, 20, 9, 0) : NULL;

  return insert_id (store,
                    "INSERT INTO complaints (call_id, owner_id, subject, reason, well_founded, "
                    "category, symptom, service_issue, harmed, urgent, stage, acknowledged_at, "
                    "resolved_at, closed_at, resolution, satisfaction, customer_id, "
                    "received_at, reference, caller_name, phone, archived_at) "
                    "SELECT id, $2, '鲜牛奶', '有问题', $3, $4, $5, $6, $7, $7, $8, $9, $10, "
                    "$11, $12, $13, customer_id, received_at, reference, caller_name, phone, "
                    "$14 FROM calls WHERE id = $1 RETURNING id",
                    g_variant_new ("(xxbmsmsmsbsmsmsmsmsmsms)", k->call_id, k->owner,
                                   k->well_founded, k->category, k->symptom, k->issue,
                                   k->harmed, k->stage, ack, resolved, closed, k->resolution,
                                   k->satisfaction, archived));
}

static void
route (KefuStore *store,
       gint64     complaint_id,
       gint64     department_id)
{
  g_autoptr(GError) error = NULL;

  _kefu_store_execute (store,
                       "INSERT INTO complaint_routes (complaint_id, department_id) "
                       "VALUES ($1, $2)",
                       g_variant_new ("(xx)", complaint_id, department_id), NULL, &error);
  g_assert_no_error (error);
}

static void
shipment (KefuStore  *store,
          const char *reference,
          gint64      customer_id,
          gint64      by,
          int         month,
          int         day,
          int         hour,
          int         shipped_day,
          gboolean    cancelled)
{
  g_autofree char *requested = db_time (month, day, hour, 0);
  g_autofree char *shipped = db_time (11, shipped_day, 16, 0);
  g_autofree char *archived = cancelled ? db_time (11, 20, 9, 0) : NULL;
  g_autoptr(GError) error = NULL;

  _kefu_store_execute (store,
                       "INSERT INTO shipments (reference, step, customer_id, customer_name, "
                       "requested_at, requested_by, shipped_at, cancelled_at, archived_at) "
                       "SELECT $1, $2, id, name, $3, $4, $5, $6, $6 FROM customers "
                       "WHERE id = $7",
                       g_variant_new ("(sssxmsmsx)", reference,
                                      cancelled ? "cancelled" : shipped != NULL ? "shipped"
                                                                                : "requested",
                                      requested, by, shipped, archived, customer_id),
                       NULL, &error);
  g_assert_no_error (error);
}

static void
setup (KefuStore *store,
       Data      *d)
{
  gint64 c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13;

  test_company_setup (store, &d->co);
  d->team2 = test_make_department (store, "客服二组");
  d->a = kefu_test_make_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK,
                               d->co.cs_department, TRUE);
  d->b = kefu_test_make_staff (store, "刘洋", "liuyang", KEFU_ROLE_CLERK,
                               d->co.cs_department, TRUE);
  d->c = kefu_test_make_staff (store, "陈敏", "chenmin", KEFU_ROLE_CLERK, d->team2, TRUE);
  d->li = customer (store, "李先生", "13800138001", "朝阳区");
  d->zhang = customer (store, "张女士", "13800138002", "海淀区");
  d->wang = customer (store, "王先生", "13800138003", NULL);
  d->zhao = customer (store, "赵女士", "13800138004", "通州区");

  c1 = call (store, "order", "DH-20261102-0001", d->li, d->a, 11, 2, 9, 0);
  c13 = call (store, "complaint", "TS-20261102-0001", d->zhao, d->a, 11, 2, 10, 0);
  c2 = call (store, "order", "DH-20261102-0002", d->zhang, d->a, 11, 2, 23, 30);
  c3 = call (store, "inquiry", "ZX-20261103-0001", d->li, d->a, 11, 3, 0, 30);
  c4 = call (store, "inquiry", "ZX-20261103-0002", d->wang, d->a, 11, 3, 10, 0);
  c5 = call (store, "complaint", "TS-20261103-0001", d->zhang, d->a, 11, 3, 11, 0);
  c6 = call (store, "order", "DH-20261103-0001", d->wang, d->b, 11, 3, 14, 0);
  c7 = call (store, "order", "DH-20261104-0001", d->zhao, d->c, 11, 4, 8, 0);
  c10 = call (store, "inquiry", "ZX-20261104-0001", d->zhang, d->b, 11, 4, 12, 0);
  c8 = call (store, "complaint", "TS-20261104-0001", d->li, d->b, 11, 4, 16, 0);
  c9 = call (store, "complaint", "TS-20261104-0002", d->zhao, d->c, 11, 4, 23, 59);
  c11 = call (store, "order", "DH-20261101-0001", d->li, d->a, 11, 1, 23, 59);
  c12 = call (store, "complaint", "TS-20261105-0001", d->zhang, d->b, 11, 5, 0, 0);

  order (store, c1, "朝阳区", FALSE);
  order (store, c2, NULL, FALSE);
  order (store, c6, NULL, FALSE);
  order (store, c7, "燕郊镇", TRUE);
  order (store, c11, "朝阳区", FALSE);
  inquiry (store, c3, "converted");
  inquiry (store, c4, "open");
  inquiry (store, c10, "converted");

  {
    const Complaint k5 = { c13, d->a, TRUE, "service-quality", NULL, "late-delivery", TRUE,
                           "closed", 2, 3, 4, "道歉并补送", "satisfied", FALSE };
    const Complaint k1 = { c5, d->a, TRUE, "product-quality", "odd-smell", NULL, FALSE,
                           "resolved", 3, 4, 0, "退货退款", NULL, FALSE };
    const Complaint k2 = { c8, d->b, TRUE, "product-quality", "spoiled", NULL, FALSE,
                           "routed", 0, 0, 0, NULL, NULL, TRUE };
    const Complaint k3 = { c9, d->c, FALSE, NULL, NULL, NULL, FALSE,
                           "explained", 0, 0, 4, NULL, NULL, FALSE };
    const Complaint k4 = { c12, d->b, TRUE, "service-quality", NULL, "staff-conduct", FALSE,
                           "routed", 0, 0, 0, NULL, NULL, FALSE };

    d->k5 = complaint (store, &k5);
    d->k1 = complaint (store, &k1);
    d->k2 = complaint (store, &k2);
    d->k3 = complaint (store, &k3);
    complaint (store, &k4);
  }
  /* Routed in another order than the departments were made: the register lists them in
   * the departments' order. */
  route (store, d->k1, d->co.qc_department);
  route (store, d->k1, d->co.cs_department);
  route (store, d->k5, d->co.gm_department);
  route (store, d->k5, d->co.cs_department);
  route (store, d->k2, d->co.qc_department);

  shipment (store, "FH-20261102-0001", d->li, d->a, 11, 2, 10, 3, FALSE);
  shipment (store, "FH-20261103-0001", d->li, d->a, 11, 3, 9, 0, FALSE);
  shipment (store, "FH-20261104-0001", d->zhao, d->b, 11, 4, 9, 0, TRUE);
  shipment (store, "FH-20261104-0002", d->wang, d->c, 11, 4, 15, 4, FALSE);
  shipment (store, "FH-20261105-0001", d->zhang, d->a, 11, 5, 0, 5, FALSE);
}

static void
query_of (KefuReportQuery *query,
          int              d1,
          int              m1,
          int              d2,
          int              m2,
          gint64           team,
          gint64           clerk)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, d1, m1, 2026);
  g_date_set_dmy (&last, d2, m2, 2026);
  kefu_report_query_init (query, &first, &last, team, clerk);
}

/* The call log */

static KefuCallLog *
call_log (KefuStore *store,
          int d1, int m1, int d2, int m2,
          gint64 team, gint64 clerk)
{
  g_autoptr(GError) error = NULL;
  KefuReportQuery query;
  KefuCallLog *log;

  query_of (&query, d1, m1, d2, m2, team, clerk);
  log = kefu_store_report_call_log (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (log);
  return log;
}

static void
assert_log_row (const KefuCallLogRow *row,
                int day, const char *clerk,
                guint orders, guint complaints, guint inquiries, guint total, guint converted)
{
  if (day > 0)
    {
      g_assert_cmpint (g_date_get_day (&row->day), ==, day);
      g_assert_cmpint (g_date_get_month (&row->day), ==, 11);
    }
  g_assert_cmpstr (row->clerk_name, ==, clerk);
  g_assert_cmpuint (row->orders, ==, orders);
  g_assert_cmpuint (row->complaints, ==, complaints);
  g_assert_cmpuint (row->inquiries, ==, inquiries);
  g_assert_cmpuint (row->total, ==, total);
  g_assert_cmpuint (row->converted, ==, converted);
}

#define LOG_ROW(log, i) (&g_array_index ((log)->rows, KefuCallLogRow, (i)))

static void
test_call_log (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(KefuCallLog) log = NULL;
  g_autoptr(KefuCallLog) team = NULL;
  g_autoptr(KefuCallLog) clerk = NULL;
  g_autoptr(KefuCallLog) one_day = NULL;
  g_autoptr(KefuCallLog) empty = NULL;
  g_autoptr(KefuReportTable) table = NULL;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);

  /* By day, then clerk name as bytes (刘洋 E5.. < 王芳 E7.. < 陈敏 E9..):
   *   11-02 王芳: c1, c2 orders; c13 complaint                 2 1 0 = 3, converted 0
   *   11-03 刘洋: c6 order                                      1 0 0 = 1
   *   11-03 王芳: c5 complaint; c3, c4 inquiries (c3 converted) 0 1 2 = 3, converted 1
   *   11-04 刘洋: c8 complaint (archived: calls still count); c10 inquiry, converted
   *                                                             0 1 1 = 2, converted 1
   *   11-04 陈敏: c7 order; c9 complaint                        1 1 0 = 2
   * c2 (23:30) and c3 (00:30) are both on UTC 11-02 but on local days 11-02 and 11-03;
   * c11 (11-01 23:59) and c12 (11-05 00:00) are outside. Totals: 4 orders, 4 complaints,
   * 3 inquiries, 11 calls, 2 converted. */
  log = call_log (fixture->store, 2, 11, 4, 11, 0, 0);
  g_assert_cmpuint (log->rows->len, ==, 5);
  assert_log_row (LOG_ROW (log, 0), 2, "王芳", 2, 1, 0, 3, 0);
  assert_log_row (LOG_ROW (log, 1), 3, "刘洋", 1, 0, 0, 1, 0);
  assert_log_row (LOG_ROW (log, 2), 3, "王芳", 0, 1, 2, 3, 1);
  assert_log_row (LOG_ROW (log, 3), 4, "刘洋", 0, 1, 1, 2, 1);
  assert_log_row (LOG_ROW (log, 4), 4, "陈敏", 1, 1, 0, 2, 0);
  assert_log_row (&log->totals, 0, NULL, 4, 4, 3, 11, 2);
  g_assert_cmpint (LOG_ROW (log, 0)->clerk_id, ==, d.a);

  /* The table: the headers and a row per day and clerk, then the totals. */
  table = kefu_call_log_to_table (log);
  g_assert_cmpuint (table->n_columns, ==, 7);
  g_assert_cmpstr (table->headers[0], ==, "Day");
  g_assert_cmpstr (table->headers[6], ==, "Converted to orders");
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpstr (((char **) table->rows->pdata[2])[0], ==, "2026-11-03");
  g_assert_cmpstr (((char **) table->rows->pdata[2])[1], ==, "王芳");
  g_assert_cmpstr (((char **) table->rows->pdata[2])[5], ==, "3");
  g_assert_cmpstr (table->totals[0], ==, "Total");
  g_assert_cmpstr (table->totals[5], ==, "11");

  /* The CS department (王芳, 刘洋): the first four rows, 3 + 1 + 3 + 2 = 9 calls. */
  team = call_log (fixture->store, 2, 11, 4, 11, d.co.cs_department, 0);
  g_assert_cmpuint (team->rows->len, ==, 4);
  assert_log_row (&team->totals, 0, NULL, 3, 3, 3, 9, 2);

  /* 刘洋 alone: 11-03 and 11-04. */
  clerk = call_log (fixture->store, 2, 11, 4, 11, 0, d.b);
  g_assert_cmpuint (clerk->rows->len, ==, 2);
  assert_log_row (LOG_ROW (clerk, 0), 3, "刘洋", 1, 0, 0, 1, 0);
  assert_log_row (&clerk->totals, 0, NULL, 1, 1, 1, 3, 1);

  /* One day, 11-03: c3 at 00:30 is in it, c2 at 23:30 the evening before is not. */
  one_day = call_log (fixture->store, 3, 11, 3, 11, 0, 0);
  g_assert_cmpuint (one_day->rows->len, ==, 2);
  assert_log_row (&one_day->totals, 0, NULL, 1, 1, 2, 4, 1);

  /* December has no call. */
  empty = call_log (fixture->store, 1, 12, 31, 12, 0, 0);
  g_assert_cmpuint (empty->rows->len, ==, 0);
  assert_log_row (&empty->totals, 0, NULL, 0, 0, 0, 0, 0);
}

typedef struct
{
  GPtrArray *references;
  GPtrArray *days;
} Seen;

static gboolean
collect_call (const KefuCallEntry  *entry,
              gpointer              user_data,
              GError              **error)
{
  Seen *seen = user_data;
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->received_at);

  g_ptr_array_add (seen->references, g_strdup (entry->reference));
  g_ptr_array_add (seen->days, g_date_time_format (local, "%m-%d %H:%M"));
  return TRUE;
}

static gboolean
stop_at_third (const KefuCallEntry  *entry,
               gpointer              user_data,
               GError              **error)
{
  guint *n = user_data;

  if (++*n == 3)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  return TRUE;
}

static void
test_each_call (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *expected[] = {
    "DH-20261102-0001", "TS-20261102-0001", "DH-20261102-0002", "ZX-20261103-0001",
    "ZX-20261103-0002", "TS-20261103-0001", "DH-20261103-0001", "DH-20261104-0001",
    "ZX-20261104-0001", "TS-20261104-0001", "TS-20261104-0002",
  };
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  Seen seen = { references, days };
  KefuReportQuery query;
  guint64 n = 0;
  guint stopped = 0;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);

  /* Pages of 3: the 11 calls of the period come in received order across four pages. */
  query_of (&query, 2, 11, 4, 11, 0, 0);
  g_assert_true (kefu_store_report_each_call (fixture->store, &query, 3, collect_call, &seen,
                                              &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (references->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (references->pdata[i], ==, expected[i]);
  g_assert_cmpstr (days->pdata[2], ==, "11-02 23:30");
  g_assert_cmpstr (days->pdata[3], ==, "11-03 00:30");

  /* 陈敏's two, in one page of the default size. */
  g_ptr_array_set_size (references, 0);
  query_of (&query, 2, 11, 4, 11, 0, d.c);
  g_assert_true (kefu_store_report_each_call (fixture->store, &query, 0, collect_call, &seen,
                                              &n, NULL, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (references->pdata[0], ==, "DH-20261104-0001");
  g_assert_cmpstr (references->pdata[1], ==, "TS-20261104-0002");

  /* The callback stops the reading with its error. */
  query_of (&query, 2, 11, 4, 11, 0, 0);
  g_assert_false (kefu_store_report_each_call (fixture->store, &query, 2, stop_at_third,
                                               &stopped, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stopped, ==, 3);
}

/* The complaint register */

static KefuComplaintRegister *
register_of (KefuStore *store,
             int d1, int m1, int d2, int m2,
             gint64 team, gint64 clerk)
{
  g_autoptr(GError) error = NULL;
  KefuReportQuery query;
  KefuComplaintRegister *reg;

  query_of (&query, d1, m1, d2, m2, team, clerk);
  reg = kefu_store_report_complaints (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);
  return reg;
}

#define REG_ROW(reg, i) (&g_array_index ((reg)->rows, KefuComplaintRegisterRow, (i)))

static void
test_complaint_register (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(KefuComplaintRegister) reg = NULL;
  g_autoptr(KefuComplaintRegister) team2 = NULL;
  g_autoptr(KefuComplaintRegister) clerk = NULL;
  g_autoptr(KefuComplaintRegister) empty = NULL;
  g_autoptr(KefuReportTable) table = NULL;
  const KefuComplaintRegisterRow *r;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);

  /* Received 11-02 to 11-04: K5 (11-02 10:00), K1 (11-03 11:00), K3 (11-04 23:59); K2 is
   * archived, K4 came on 11-05. One each of product, service, not well founded; K5 harmed;
   * closed: K5 (closed) and K3 (explained). */
  reg = register_of (fixture->store, 2, 11, 4, 11, 0, 0);
  g_assert_cmpuint (reg->rows->len, ==, 3);
  g_assert_cmpint (REG_ROW (reg, 0)->complaint_id, ==, d.k5);
  g_assert_cmpint (REG_ROW (reg, 1)->complaint_id, ==, d.k1);
  g_assert_cmpint (REG_ROW (reg, 2)->complaint_id, ==, d.k3);
  g_assert_cmpuint (reg->product, ==, 1);
  g_assert_cmpuint (reg->service, ==, 1);
  g_assert_cmpuint (reg->not_founded, ==, 1);
  g_assert_cmpuint (reg->harmed, ==, 1);
  g_assert_cmpuint (reg->closed, ==, 2);

  r = REG_ROW (reg, 0);
  g_assert_cmpstr (r->reference, ==, "TS-20261102-0001");
  g_assert_cmpstr (r->caller_name, ==, "赵女士");
  g_assert_cmpstr (r->owner_name, ==, "王芳");
  g_assert_cmpint (r->category, ==, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  g_assert_cmpint (r->service_issue, ==, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  /* Routed to 总经办 then 客服中心: listed in the departments' order. */
  g_assert_cmpstr (r->departments, ==, "客服中心, 总经办");
  g_assert_cmpint (r->stage, ==, KEFU_COMPLAINT_STAGE_CLOSED);
  g_assert_nonnull (r->acknowledged_at);
  g_assert_nonnull (r->resolved_at);
  g_assert_nonnull (r->closed_at);
  g_assert_cmpstr (r->resolution, ==, "道歉并补送");
  g_assert_cmpint (r->satisfaction, ==, KEFU_SATISFACTION_SATISFIED);
  g_assert_true (r->harmed);

  r = REG_ROW (reg, 1);
  g_assert_cmpint (r->symptom, ==, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  g_assert_cmpstr (r->departments, ==, "客服中心, 品控部");
  g_assert_cmpint (r->stage, ==, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_assert_null (r->closed_at);
  g_assert_cmpint (r->satisfaction, ==, KEFU_SATISFACTION_UNSPECIFIED);

  r = REG_ROW (reg, 2);
  g_assert_false (r->well_founded);
  g_assert_cmpstr (kefu_complaint_register_category (r), ==, "Not well founded");
  g_assert_cmpstr (kefu_complaint_register_issue (r), ==, "");
  g_assert_cmpstr (r->departments, ==, "");
  g_assert_cmpint (r->stage, ==, KEFU_COMPLAINT_STAGE_EXPLAINED);

  table = kefu_complaint_register_to_table (reg);
  g_assert_cmpuint (table->n_columns, ==, 16);
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (((char **) table->rows->pdata[0])[1], ==, "2026-11-02 10:00");
  g_assert_cmpstr (((char **) table->rows->pdata[0])[5], ==, "Service quality");
  g_assert_cmpstr (((char **) table->rows->pdata[0])[10], ==, "2026-11-02 12:00");
  g_assert_cmpstr (((char **) table->rows->pdata[0])[15], ==, "Yes");
  g_assert_cmpstr (table->totals[1], ==, "3 complaints");

  /* 客服二组: K3 only; 王芳: K5 and K1. */
  team2 = register_of (fixture->store, 2, 11, 4, 11, d.team2, 0);
  g_assert_cmpuint (team2->rows->len, ==, 1);
  g_assert_cmpint (REG_ROW (team2, 0)->complaint_id, ==, d.k3);
  clerk = register_of (fixture->store, 2, 11, 4, 11, 0, d.a);
  g_assert_cmpuint (clerk->rows->len, ==, 2);
  g_assert_cmpuint (clerk->harmed, ==, 1);

  empty = register_of (fixture->store, 1, 12, 31, 12, 0, 0);
  g_assert_cmpuint (empty->rows->len, ==, 0);
  g_assert_cmpuint (empty->closed, ==, 0);
}

/* The origin analysis */

static KefuOriginReport *
origins_of (KefuStore *store,
            int d1, int m1, int d2, int m2,
            gint64 team, gint64 clerk)
{
  g_autoptr(GError) error = NULL;
  KefuReportQuery query;
  KefuOriginReport *report;

  query_of (&query, d1, m1, d2, m2, team, clerk);
  report = kefu_store_report_origins (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_origin (const KefuOriginRow *row,
               const char *district,
               guint order_calls, guint out_of_area, guint requests, guint shipped)
{
  g_assert_cmpstr (row->district, ==, district);
  g_assert_cmpuint (row->order_calls, ==, order_calls);
  g_assert_cmpuint (row->out_of_area, ==, out_of_area);
  g_assert_cmpuint (row->shipment_requests, ==, requests);
  g_assert_cmpuint (row->shipped, ==, shipped);
}

#define ORIGIN(report, i) (&g_array_index ((report)->rows, KefuOriginRow, (i)))

static void
test_origins (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(KefuOriginReport) report = NULL;
  g_autoptr(KefuOriginReport) team = NULL;
  g_autoptr(KefuOriginReport) clerk = NULL;
  g_autoptr(KefuOriginReport) empty = NULL;
  g_autoptr(KefuReportTable) table = NULL;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);

  /* Order calls c1 (朝阳区), c2 (海淀区, the customer's), c6 (no district), c7 (燕郊镇, out
   * of area); shipment requests s1 and s2 (朝阳区, s1 shipped), s3 (通州区, cancelled and
   * archived: still a request), s4 (no district, shipped). Most requests first: 朝阳区 (3),
   * then the districts of one by name as bytes (海淀区 E6.. < 燕郊镇 E7.. < 通州区 E9..), the
   * unknown district last. Totals: 4 order calls, 1 out of area, 4 requests, 2 shipped. */
  report = origins_of (fixture->store, 2, 11, 4, 11, 0, 0);
  g_assert_cmpuint (report->rows->len, ==, 5);
  assert_origin (ORIGIN (report, 0), "朝阳区", 1, 0, 2, 1);
  assert_origin (ORIGIN (report, 1), "海淀区", 1, 0, 0, 0);
  assert_origin (ORIGIN (report, 2), "燕郊镇", 1, 1, 0, 0);
  assert_origin (ORIGIN (report, 3), "通州区", 0, 0, 1, 0);
  assert_origin (ORIGIN (report, 4), NULL, 1, 0, 1, 1);
  assert_origin (&report->totals, NULL, 4, 1, 4, 2);

  table = kefu_origin_report_to_table (report);
  g_assert_cmpuint (table->n_columns, ==, 6);
  g_assert_cmpstr (table->headers[0], ==, "District");
  g_assert_cmpstr (((char **) table->rows->pdata[0])[5], ==, "50%");
  g_assert_cmpstr (((char **) table->rows->pdata[1])[5], ==, "–");
  g_assert_cmpstr (((char **) table->rows->pdata[3])[5], ==, "0%");
  g_assert_cmpstr (((char **) table->rows->pdata[4])[0], ==, "Unknown district");
  g_assert_cmpstr (((char **) table->rows->pdata[4])[5], ==, "100%");
  g_assert_cmpstr (table->totals[0], ==, "Total");
  g_assert_cmpstr (table->totals[5], ==, "50%");

  /* The CS department: c1, c2, c6 (刘洋) and s1, s2, s3; not c7 or s4 (陈敏). */
  team = origins_of (fixture->store, 2, 11, 4, 11, d.co.cs_department, 0);
  g_assert_cmpuint (team->rows->len, ==, 4);
  assert_origin (ORIGIN (team, 0), "朝阳区", 1, 0, 2, 1);
  assert_origin (ORIGIN (team, 1), "海淀区", 1, 0, 0, 0);
  assert_origin (ORIGIN (team, 2), "通州区", 0, 0, 1, 0);
  assert_origin (ORIGIN (team, 3), NULL, 1, 0, 0, 0);

  /* 陈敏: c7 and s4. */
  clerk = origins_of (fixture->store, 2, 11, 4, 11, 0, d.c);
  g_assert_cmpuint (clerk->rows->len, ==, 2);
  assert_origin (ORIGIN (clerk, 0), "燕郊镇", 1, 1, 0, 0);
  assert_origin (ORIGIN (clerk, 1), NULL, 0, 0, 1, 1);

  empty = origins_of (fixture->store, 1, 12, 31, 12, 0, 0);
  g_assert_cmpuint (empty->rows->len, ==, 0);
  assert_origin (&empty->totals, NULL, 0, 0, 0, 0);
}

/* On PostgreSQL, a team lead's own login (a member of kefu_team_lead, under row level
 * security) reads the same reports as the owner of the database. */
static void
test_as_team_lead (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) uri = NULL;
  g_autoptr(KefuStore) lead = NULL;
  g_autoptr(KefuCallLog) log = NULL;
  g_autoptr(KefuComplaintRegister) reg = NULL;
  g_autoptr(KefuOriginReport) origins = NULL;
  g_autofree char *password = NULL;
  static guint counter;
  g_autofree char *login = g_strdup_printf ("reports_lead_%u", ++counter);
  Data d;

  if (test_backend () != KEFU_STORE_BACKEND_POSTGRES)
    {
      g_test_skip ("Logins and row level security are PostgreSQL's");
      return;
    }
  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);
  password = kefu_store_create_login (fixture->store, d.co.team_lead, login, NULL, &error);
  g_assert_no_error (error);

  uri = g_string_new (fixture->location);
  g_assert_nonnull (strstr (uri->str, "user=postgres"));
  g_string_replace (uri, "user=postgres", "", 1);
  g_string_append_printf (uri, "user=%s", login);
  lead = kefu_store_open (uri->str, NULL, &error);
  g_assert_no_error (error);

  /* The figures of test_call_log, test_complaint_register and test_origins. */
  log = call_log (lead, 2, 11, 4, 11, 0, 0);
  assert_log_row (&log->totals, 0, NULL, 4, 4, 3, 11, 2);
  reg = register_of (lead, 2, 11, 4, 11, 0, 0);
  g_assert_cmpuint (reg->rows->len, ==, 3);
  g_assert_cmpstr (REG_ROW (reg, 0)->departments, ==, "客服中心, 总经办");
  origins = origins_of (lead, 2, 11, 4, 11, 0, 0);
  assert_origin (&origins->totals, NULL, 4, 1, 4, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days: China Standard Time; the words in English. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  TEST_ADD ("reports/call-log", test_call_log);
  TEST_ADD ("reports/each-call", test_each_call);
  TEST_ADD ("reports/complaint-register", test_complaint_register);
  TEST_ADD ("reports/origins", test_origins);
  TEST_ADD ("reports/as-team-lead", test_as_team_lead);
  return g_test_run ();
}
