/* test-store-calls.c: saving hotline calls and reading them back, on both backends: orders and
 * their lines, the customer found or created by phone, reference numbers, the hand-over cut-off
 * and the service areas; and the helpers and main() of the call tests. Complaint routing and
 * inquiries are in test-store-complaints.c, lists, history and the asynchronous save in
 * test-store-calls-lists.c, the hand-over, out-of-area notices and leads in
 * test-store-handover.c.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include "core/kefu-settings-keys.h"
#include "kefu-test-company.h"
#include "test-store-calls.h"

/* The company */

/* The records themselves are made by kefu-test-company.h, which the UI tests share. */

gint64
test_make_department (KefuStore  *store,
                      const char *name)
{
  return kefu_test_make_department (store, name);
}

/* Staff named after their login. */
gint64
test_make_staff (KefuStore  *store,
                 const char *login,
                 KefuRole    role,
                 gint64      department_id,
                 gboolean    active)
{
  return kefu_test_make_staff (store, login, login, role, department_id, active);
}

gint64
test_make_product (KefuStore  *store,
                   const char *name,
                   gint64      price)
{
  return kefu_test_make_product (store, name, price);
}

void
test_company_setup (KefuStore *store,
                    Company   *company)
{
  company->cs_department = test_make_department (store, "客服中心");
  company->qc_department = test_make_department (store, "品控部");
  company->gm_department = test_make_department (store, "总经办");
  company->sales_department = test_make_department (store, "销售部");
  company->clerk = test_make_staff (store, "clerk", KEFU_ROLE_CLERK, company->cs_department, TRUE);
  company->clerk2 = test_make_staff (store, "clerk2", KEFU_ROLE_CLERK, company->cs_department, TRUE);
  company->team_lead = test_make_staff (store, "lead", KEFU_ROLE_TEAM_LEAD,
                                        company->cs_department, TRUE);
  company->cs_manager = test_make_staff (store, "csm", KEFU_ROLE_CS_MANAGER,
                                         company->cs_department, TRUE);
  company->qc_manager = test_make_staff (store, "qcm", KEFU_ROLE_QC_MANAGER,
                                         company->qc_department, TRUE);
  company->gm_office = test_make_staff (store, "gmo", KEFU_ROLE_GM_OFFICE,
                                        company->gm_department, TRUE);
  company->sales_admin = test_make_staff (store, "sales", KEFU_ROLE_SALES_ADMIN,
                                          company->sales_department, TRUE);
  company->depot_admin = test_make_staff (store, "depot", KEFU_ROLE_DEPOT_ADMIN,
                                          company->sales_department, TRUE);
  company->milk = test_make_product (store, "鲜牛奶", 1250);
  company->yogurt = test_make_product (store, "酸奶", 400);
}

/* Calls */

static KefuCall *
new_call (KefuCallKind  kind,
          gint64        clerk,
          const char   *phone,
          GDateTime    *received_at)
{
  KefuCall *call = kefu_call_new ();

  kefu_call_set_kind (call, kind);
  /* Typed with stray white space, which the store trims. */
  kefu_call_set_caller_name (call, " 张三\u3000");
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received_at);
  return call;
}

KefuCall *
test_order_call (const Company *company,
                 gint64         clerk,
                 const char    *phone,
                 const char    *district,
                 KefuChannel    channel,
                 GDateTime     *received_at)
{
  KefuCall *call = new_call (KEFU_CALL_KIND_ORDER, clerk, phone, received_at);
  g_autoptr(KefuOrder) order = kefu_order_new ();
  KefuOrderLine *line;

  kefu_order_set_channel (order, channel);
  kefu_order_set_delivery_address (order, "北京市朝阳区建国路88号 3单元");
  kefu_order_set_district (order, district);
  /* The first line names no product: the store fills in the product's name. */
  line = kefu_order_add_line (order);
  kefu_order_line_set_product_id (line, company->milk);
  kefu_order_line_set_spec (line, "950ml");
  kefu_order_line_set_quantity (line, 2);
  kefu_order_line_set_unit_price (line, 1250);
  line = kefu_order_add_line (order);
  kefu_order_line_set_product_id (line, company->yogurt);
  kefu_order_line_set_product_name (line, "酸奶");
  kefu_order_line_set_spec (line, "200g");
  kefu_order_line_set_quantity (line, 6);
  kefu_order_line_set_unit_price (line, 400);
  kefu_call_set_order (call, order);
  return call;
}

KefuCall *
test_complaint_call (const Company         *company,
                     gint64                 clerk,
                     const char            *phone,
                     KefuComplaintCategory  category,
                     gboolean               harmed,
                     GDateTime             *received_at)
{
  KefuCall *call = new_call (KEFU_CALL_KIND_COMPLAINT, clerk, phone, received_at);
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  GDate production_date;

  g_date_clear (&production_date, 1);
  g_date_set_dmy (&production_date, 1, G_DATE_MARCH, 2026);
  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, "有异味");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, category);
  /* Both categories' fields are typed, as the form keeps them while the clerk decides. */
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  kefu_complaint_set_purchase_method (complaint, "超市购买");
  kefu_complaint_set_purchase_place (complaint, "华联超市");
  kefu_complaint_set_batch_number (complaint, "ab-20260301");
  kefu_complaint_set_production_date (complaint, &production_date);
  kefu_complaint_set_product_id (complaint, company->milk);
  kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  kefu_complaint_set_staff_identity (complaint, "工号 1024");
  kefu_complaint_set_work_place (complaint, "朝阳站");
  kefu_complaint_set_work_manner (complaint, "送奶到户");
  kefu_complaint_set_harmed (complaint, harmed);
  kefu_call_set_complaint (call, complaint);
  return call;
}

KefuCall *
test_inquiry_call (gint64      clerk,
                   const char *phone,
                   gboolean    potential_order,
                   GDateTime  *received_at)
{
  KefuCall *call = new_call (KEFU_CALL_KIND_INQUIRY, clerk, phone, received_at);
  g_autoptr(KefuInquiry) inquiry = kefu_inquiry_new ();

  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRODUCTS | KEFU_INQUIRY_TOPIC_PRICES);
  kefu_inquiry_set_answer (inquiry, "介绍了鲜牛奶的价格和送货方式");
  kefu_inquiry_set_potential_order (inquiry, potential_order);
  kefu_call_set_inquiry (call, inquiry);
  return call;
}

void
test_save_call (KefuStore *store,
                KefuCall  *call)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_save_call (store, call, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (call)), >, 0);
}

char *
test_query_text (KefuStore  *store,
                 const char *sql,
                 gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, g_variant_new ("(x)", id), NULL,
                                                &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

static gint64
query_int (KefuStore  *store,
           const char *sql,
           gint64      id)
{
  g_autofree char *text = test_query_text (store, sql, id);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static void
set_setting (KefuStore  *store,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_set_setting (store, key, value, NULL, &error));
  g_assert_no_error (error);
}

void
test_assert_date (const GDate *date,
                  int          year,
                  int          month,
                  int          day)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

void
test_assert_routes (KefuComplaint *complaint,
                    const gint64   departments[],
                    const KefuRole roles[],
                    guint          n)
{
  GPtrArray *routes = kefu_complaint_get_routes (complaint);

  g_assert_cmpuint (routes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      KefuComplaintRoute *route = g_ptr_array_index (routes, i);

      g_assert_cmpint (route->department_id, ==, departments[i]);
      g_assert_cmpint (route->role, ==, roles[i]);
      g_assert_cmpstr (route->department_name, !=, "");
    }
}

/* Orders */

static void
test_save_order (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 30);
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(KefuCustomer) customer = NULL;
  g_autoptr(KefuOrderLine) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL;
  KefuOrder *order;
  GListModel *lines;
  Company co;

  test_company_setup (store, &co);
  call = test_order_call (&co, co.clerk, "138 0013 8000", "朝阳区", KEFU_CHANNEL_HOME_DELIVERY,
                          received);
  kefu_call_set_notes (call, "  下午送  ");
  test_save_call (store, call);

  /* What the save decided is on the caller's call. */
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (call)), ==, 1);
  g_assert_nonnull (kefu_record_get_created_at (KEFU_RECORD (call)));
  g_assert_cmpstr (kefu_call_get_reference (call), ==, "DH-20260310-0001");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13800138000");
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "张三");
  g_assert_cmpstr (kefu_call_get_notes (call), ==, "下午送");
  g_assert_nonnull (strstr (kefu_call_get_summary (call), "鲜牛奶"));
  g_assert_cmpint (kefu_call_get_customer_id (call), >, 0);
  order = kefu_call_get_order (call);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (order)), >, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (order)), ==, 1);
  g_assert_cmpint (kefu_order_get_call_id (order), ==, kefu_record_get_id (KEFU_RECORD (call)));
  test_assert_date (kefu_order_get_handover_date (order), 2026, 3, 10);
  g_assert_cmpint (kefu_order_get_handover_state (order), ==, KEFU_HANDOVER_STATE_WAITING);
  g_assert_false (kefu_order_get_out_of_area (order));
  lines = G_LIST_MODEL (kefu_order_get_lines (order));
  line = g_list_model_get_item (lines, 0);
  g_assert_cmpint (kefu_order_line_get_id (line), >, 0);
  g_assert_cmpstr (kefu_order_line_get_product_name (line), ==, "鲜牛奶");

  /* The rows. */
  g_assert_cmpint (query_int (store, "SELECT total_fen FROM orders WHERE id = $1",
                              kefu_record_get_id (KEFU_RECORD (order))), ==, 2 * 1250 + 6 * 400);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM order_lines"), ==, 2);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM order_lines WHERE position = 1 AND "
                                      "product_name = '酸奶' AND quantity = 6"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'calls' AND "
                                      "action = 'create'"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'orders' AND "
                                      "action = 'create'"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'customers' AND "
                                      "action = 'create'"), ==, 1);

  /* The new customer, with the number, the channel and the district of the order. */
  customer = kefu_store_get_customer (store, kefu_call_get_customer_id (call), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (customer), ==, "张三");
  g_assert_cmpstr (kefu_customer_get_primary_phone (customer), ==, "13800138000");
  g_assert_cmpstr (kefu_customer_get_address (customer), ==, "北京市朝阳区建国路88号");
  g_assert_cmpstr (kefu_customer_get_district (customer), ==, "朝阳区");
  g_assert_cmpint (kefu_customer_get_channel (customer), ==, KEFU_CHANNEL_HOME_DELIVERY);
  g_assert_cmpint (query_int (store, "SELECT last_call_id FROM customers WHERE id = $1",
                              kefu_call_get_customer_id (call)),
                   ==, kefu_record_get_id (KEFU_RECORD (call)));
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM customer_name_grams WHERE customer_id = $1",
                              kefu_call_get_customer_id (call)), >, 0);
  district = test_query_text (store, "SELECT district FROM orders WHERE id = $1",
                              kefu_record_get_id (KEFU_RECORD (order)));
  g_assert_cmpstr (district, ==, "朝阳区");

  /* Read back. */
  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_call_get_kind (stored), ==, KEFU_CALL_KIND_ORDER);
  g_assert_cmpstr (kefu_call_get_reference (stored), ==, "DH-20260310-0001");
  g_assert_cmpstr (kefu_call_get_caller_name (stored), ==, "张三");
  g_assert_cmpstr (kefu_call_get_phone (stored), ==, "13800138000");
  g_assert_cmpstr (kefu_call_get_address (stored), ==, "北京市朝阳区建国路88号");
  g_assert_cmpstr (kefu_call_get_clerk_name (stored), ==, "clerk");
  g_assert_cmpstr (kefu_call_get_notes (stored), ==, "下午送");
  g_assert_cmpstr (kefu_call_get_summary (stored), ==, kefu_call_get_summary (call));
  g_assert_true (g_date_time_equal (kefu_call_get_received_at (stored), received));
  g_assert_null (kefu_call_get_complaint (stored));
  order = kefu_call_get_order (stored);
  g_assert_nonnull (order);
  g_assert_cmpint (kefu_order_get_channel (order), ==, KEFU_CHANNEL_HOME_DELIVERY);
  g_assert_cmpstr (kefu_order_get_delivery_address (order), ==, "北京市朝阳区建国路88号 3单元");
  g_assert_cmpstr (kefu_order_get_district (order), ==, "朝阳区");
  test_assert_date (kefu_order_get_handover_date (order), 2026, 3, 10);
  g_assert_cmpint (kefu_order_get_total (order), ==, 4900);
  lines = G_LIST_MODEL (kefu_order_get_lines (order));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  g_clear_object (&line);
  line = g_list_model_get_item (lines, 1);
  g_assert_cmpint (kefu_order_line_get_product_id (line), ==, co.yogurt);
  g_assert_cmpstr (kefu_order_line_get_product_name (line), ==, "酸奶");
  g_assert_cmpstr (kefu_order_line_get_spec (line), ==, "200g");
  g_assert_cmpuint (kefu_order_line_get_quantity (line), ==, 6);
  g_assert_cmpint (kefu_order_line_get_unit_price (line), ==, 400);
}

/* 09:59 is before the 10:00 cut-off, 10:00 is not; a changed cut-off moves the line. */
static void
test_cutoff (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) before = test_local_time (2026, 3, 10, 9, 59);
  g_autoptr(GDateTime) at = test_local_time (2026, 3, 10, 10, 0);
  g_autoptr(GDateTime) late = test_local_time (2026, 3, 31, 23, 30);
  g_autoptr(GDateTime) afternoon = test_local_time (2026, 3, 11, 13, 0);
  g_autoptr(KefuCall) first = NULL;
  g_autoptr(KefuCall) second = NULL;
  g_autoptr(KefuCall) third = NULL;
  g_autoptr(KefuCall) fourth = NULL;
  g_autofree char *stored_date = NULL;
  Company co;

  /* The tests run in China Standard Time; 09:59 there is 01:59 UTC. */
  g_assert_cmpint (g_date_time_get_hour (before), ==, 1);

  test_company_setup (store, &co);
  first = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, before);
  test_save_call (store, first);
  test_assert_date (kefu_order_get_handover_date (kefu_call_get_order (first)), 2026, 3, 10);

  second = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, at);
  test_save_call (store, second);
  test_assert_date (kefu_order_get_handover_date (kefu_call_get_order (second)), 2026, 3, 11);
  stored_date = test_query_text (store, "SELECT CAST(handover_date AS TEXT) FROM orders WHERE id = $1",
                                 kefu_record_get_id (KEFU_RECORD (kefu_call_get_order (second))));
  g_assert_cmpstr (stored_date, ==, "2026-03-11");

  /* After the cut-off on the last day of a month: the first of the next. */
  third = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, late);
  test_save_call (store, third);
  test_assert_date (kefu_order_get_handover_date (kefu_call_get_order (third)), 2026, 4, 1);

  set_setting (store, KEFU_SETTING_HANDOVER_CUTOFF, "14:00");
  fourth = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, afternoon);
  test_save_call (store, fourth);
  test_assert_date (kefu_order_get_handover_date (kefu_call_get_order (fourth)), 2026, 3, 11);
}

static void
test_out_of_area_flag (Fixture       *fixture,
                       gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) inside = NULL;
  g_autoptr(KefuCall) outside = NULL;
  g_autoptr(KefuCall) everywhere = NULL;
  Company co;

  test_company_setup (store, &co);
  set_setting (store, KEFU_SETTING_SERVICE_AREAS, "朝阳区，海淀区");

  inside = test_order_call (&co, co.clerk, "13800138000", "北京市朝阳区", KEFU_CHANNEL_RETAIL,
                            received);
  test_save_call (store, inside);
  g_assert_false (kefu_order_get_out_of_area (kefu_call_get_order (inside)));

  outside = test_order_call (&co, co.clerk, "13900139000", "三河市", KEFU_CHANNEL_RETAIL, received);
  test_save_call (store, outside);
  g_assert_true (kefu_order_get_out_of_area (kefu_call_get_order (outside)));
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM orders WHERE out_of_area = TRUE"), ==, 1);

  /* No service areas: the company serves everywhere. */
  set_setting (store, KEFU_SETTING_SERVICE_AREAS, "");
  everywhere = test_order_call (&co, co.clerk, "13900139000", "三河市", KEFU_CHANNEL_RETAIL,
                                received);
  test_save_call (store, everywhere);
  g_assert_false (kefu_order_get_out_of_area (kefu_call_get_order (everywhere)));
}

/* Customers */

static void
test_duplicate_customers (Fixture       *fixture,
                          gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) first_time = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) second_time = test_local_time (2026, 3, 11, 9, 0);
  g_autoptr(KefuCall) first = NULL;
  g_autoptr(KefuCall) second = NULL;
  g_autoptr(KefuCall) third = NULL;
  g_autoptr(KefuCustomer) known = test_new_customer ("李四", "010-8765 4321", NULL);
  g_autoptr(GError) error = NULL;
  Company co;

  test_company_setup (store, &co);
  first = test_inquiry_call (co.clerk, "138 0013 8000", FALSE, first_time);
  test_save_call (store, first);
  second = test_complaint_call (&co, co.clerk2, "+86 13800138000",
                                KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, second_time);
  test_save_call (store, second);
  g_assert_cmpint (kefu_call_get_customer_id (second), ==, kefu_call_get_customer_id (first));
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_phones"), ==, 1);

  /* A customer created beforehand is found by any of their numbers, typed any way. */
  g_assert_true (kefu_store_create_customer (store, known, NULL, &error));
  g_assert_no_error (error);
  third = test_inquiry_call (co.clerk, "(010) 87654321", FALSE, second_time);
  test_save_call (store, third);
  g_assert_cmpint (kefu_call_get_customer_id (third), ==,
                   kefu_record_get_id (KEFU_RECORD (known)));
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers"), ==, 2);
  /* The latest call is the customer's last contact. */
  g_assert_cmpint (query_int (store, "SELECT last_call_id FROM customers WHERE id = $1",
                              kefu_call_get_customer_id (first)),
                   ==, kefu_record_get_id (KEFU_RECORD (second)));
}

static void
test_rolled_back_together (Fixture       *fixture,
                           gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) invalid = NULL;
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(GError) error = NULL;
  Company co;

  test_company_setup (store, &co);

  /* Every problem of the form in one message, one per line; nothing written. */
  invalid = test_order_call (&co, co.clerk, "12345", "朝阳区", KEFU_CHANNEL_UNSPECIFIED, received);
  kefu_call_set_caller_name (invalid, "");
  g_assert_false (kefu_store_save_call (store, invalid, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    /* The name, the phone and the channel. */
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (invalid)), ==, 0);
  g_assert_cmpstr (kefu_call_get_reference (invalid), ==, "");
  g_clear_error (&error);

  /* A failure after the customer was created takes the customer with it: this order names a
   * lead that does not exist. */
  order = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, received);
  kefu_order_set_lead_id (kefu_call_get_order (order), 424242);
  g_assert_false (kefu_store_save_call (store, order, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (order)), ==, 0);
  g_assert_cmpint (kefu_call_get_customer_id (order), ==, 0);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_call_get_order (order))), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_phones"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM calls"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM orders"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity IN "
                                      "('customers', 'calls', 'orders')"), ==, 0);
  g_clear_error (&error);

  /* The same call without the lead goes in, customer and all. */
  kefu_order_set_lead_id (kefu_call_get_order (order), 0);
  test_save_call (store, order);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers"), ==, 1);

  /* Saving a saved call again is refused rather than duplicated. */
  g_assert_false (kefu_store_save_call (store, order, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM calls"), ==, 1);
}

static void
test_first_contact (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) monday = test_local_time (2026, 3, 9, 9, 0);
  g_autoptr(GDateTime) tuesday = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) wednesday = test_local_time (2026, 3, 11, 9, 0);
  g_autoptr(KefuCustomer) customer = test_new_customer ("王伟", "13700137000", NULL);
  g_autoptr(KefuCall) by_other = NULL;
  g_autoptr(KefuCall) by_assigned = NULL;
  g_autoptr(KefuCall) typed_late = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_contact = NULL;
  g_autofree char *last_contact = NULL;
  g_autofree char *expected = NULL;
  gint64 id;
  Company co;

  test_company_setup (store, &co);
  kefu_customer_set_assigned_clerk_id (customer, co.clerk);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  id = kefu_record_get_id (KEFU_RECORD (customer));

  /* Another clerk's call is a contact, but not the assigned clerk's first one. */
  by_other = test_inquiry_call (co.clerk2, "13700137000", FALSE, tuesday);
  kefu_call_set_customer_id (by_other, id);
  test_save_call (store, by_other);
  first_contact = test_query_text (store, "SELECT first_contact_at FROM customers WHERE id = $1", id);
  g_assert_null (first_contact);

  by_assigned = test_inquiry_call (co.clerk, "13700137000", FALSE, wednesday);
  kefu_call_set_customer_id (by_assigned, id);
  test_save_call (store, by_assigned);
  first_contact = test_query_text (store, "SELECT first_contact_at FROM customers WHERE id = $1", id);
  g_assert_nonnull (first_contact);

  /* A call typed in late, for an earlier day, does not move the last contact back. */
  typed_late = test_inquiry_call (co.clerk, "13700137000", FALSE, monday);
  test_save_call (store, typed_late);
  g_assert_cmpint (kefu_call_get_customer_id (typed_late), ==, id);
  g_assert_cmpint (query_int (store, "SELECT last_call_id FROM customers WHERE id = $1", id),
                   ==, kefu_record_get_id (KEFU_RECORD (by_assigned)));
  last_contact = test_query_text (store, "SELECT last_contact_at FROM customers WHERE id = $1", id);
  {
    g_autoptr(GDateTime) time = kefu_time_from_db (last_contact);

    g_assert_nonnull (time);
    g_assert_true (g_date_time_equal (time, wednesday));
  }
}

/* References */

static void
insert_reference (KefuStore  *store,
                  gint64      customer_id,
                  gint64      clerk,
                  const char *reference)
{
  g_autoptr(GError) error = NULL;

  /* A bare row, as an import of old calls might leave, to place the day's numbering. */
  g_assert_cmpint (_kefu_store_execute (store,
                                        "INSERT INTO calls (reference, kind, customer_id, "
                                        "caller_name, phone, clerk_id, received_at) "
                                        "VALUES ($1, 'order', $2, 'x', '13800138000', $3, now())",
                                        g_variant_new ("(sxx)", reference, customer_id, clerk),
                                        NULL, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_references (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) morning = test_local_time (2026, 3, 10, 0, 5);
  g_autoptr(GDateTime) evening = test_local_time (2026, 3, 10, 23, 55);
  g_autoptr(GDateTime) next_day = test_local_time (2026, 3, 11, 0, 1);
  g_autoptr(GDateTime) later = test_local_time (2026, 3, 12, 8, 0);
  const struct
  {
    KefuCallKind  kind;
    GDateTime    *received;
    const char   *reference;
  } expected[] = {
    { KEFU_CALL_KIND_ORDER, morning, "DH-20260310-0001" },
    { KEFU_CALL_KIND_ORDER, evening, "DH-20260310-0002" },
    { KEFU_CALL_KIND_COMPLAINT, evening, "TS-20260310-0001" },
    { KEFU_CALL_KIND_INQUIRY, morning, "ZX-20260310-0001" },
    /* The day is the local one: 00:01 in Beijing is still the 10th in UTC. */
    { KEFU_CALL_KIND_ORDER, next_day, "DH-20260311-0001" },
    { KEFU_CALL_KIND_COMPLAINT, morning, "TS-20260310-0002" },
  };
  g_autoptr(KefuCall) big = NULL;
  Company co;

  test_company_setup (store, &co);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KefuCall) call = NULL;

      switch (expected[i].kind)
        {
        case KEFU_CALL_KIND_ORDER:
          call = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL,
                                  expected[i].received);
          break;
        case KEFU_CALL_KIND_COMPLAINT:
          call = test_complaint_call (&co, co.clerk, "13800138000",
                                      KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE,
                                      expected[i].received);
          break;
        default:
          call = test_inquiry_call (co.clerk, "13800138000", FALSE, expected[i].received);
        }
      test_save_call (store, call);
      g_assert_cmpstr (kefu_call_get_reference (call), ==, expected[i].reference);
      if (expected[i].kind == KEFU_CALL_KIND_COMPLAINT)
        g_assert_cmpstr (kefu_complaint_get_reference (kefu_call_get_complaint (call)), ==,
                         expected[i].reference);
    }

  /* Past the 9,999th order of a day, the numbers keep growing although "…-10000" sorts before
   * "…-9999" as text. */
  insert_reference (store, test_count (store, "SELECT MIN(id) FROM customers"), co.clerk,
                    "DH-20260312-9999");
  insert_reference (store, test_count (store, "SELECT MIN(id) FROM customers"), co.clerk,
                    "DH-20260312-10000");
  big = test_order_call (&co, co.clerk, "13800138000", "朝阳区", KEFU_CHANNEL_RETAIL, later);
  test_save_call (store, big);
  g_assert_cmpstr (kefu_call_get_reference (big), ==, "DH-20260312-10001");
}

void
test_store_add_calls_tests (void)
{
  TEST_ADD ("calls/save-order", test_save_order);
  TEST_ADD ("calls/cutoff", test_cutoff);
  TEST_ADD ("calls/out-of-area-flag", test_out_of_area_flag);
  TEST_ADD ("calls/duplicate-customers", test_duplicate_customers);
  TEST_ADD ("calls/rolled-back-together", test_rolled_back_together);
  TEST_ADD ("calls/first-contact", test_first_contact);
  TEST_ADD ("calls/references", test_references);
}

/* Other call test programs (test-store-complaint-changes) share the company and call builders
 * above with their own main(). */
#ifndef TEST_STORE_CALLS_NO_MAIN
int
main (int   argc,
      char *argv[])
{
  /* The hand-over day and the reference day are local days: the tests pin China Standard Time,
   * whatever the machine's zone, before anything reads it. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_calls_tests ();
  test_store_add_complaint_tests ();
  test_store_add_call_list_tests ();
  test_store_add_handover_tests ();
  return g_test_run ();
}
#endif
