/* test-store-complaints.c: complaints saved with their routing (product quality, service,
 * harmed, not well founded, nobody to route to) and inquiries with their leads, on both
 * backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "test-store-calls.h"

/* Complaints */

static KefuComplaint *
save_complaint (Fixture               *fixture,
                const Company         *co,
                KefuComplaintCategory  category,
                gboolean               harmed,
                KefuCall             **call_out)
{
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  KefuCall *call = test_complaint_call (co, co->clerk, "13800138000", category, harmed, received);

  test_save_call (fixture->store, call);
  *call_out = call;
  return kefu_call_get_complaint (call);
}

static void
test_route_product_quality (Fixture       *fixture,
                            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *service_issue = NULL;
  KefuComplaint *complaint;
  Company co;
  gint64 departments[3];
  const KefuRole roles[] = { KEFU_ROLE_QC_MANAGER, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE };

  test_company_setup (store, &co);
  /* A QC manager who has left, in a department of their own, receives nothing. */
  test_make_staff (store, "old-qcm", KEFU_ROLE_QC_MANAGER,
                   test_make_department (store, "旧品控部"), FALSE);

  complaint = save_complaint (fixture, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, &call);
  departments[0] = co.qc_department;
  departments[1] = co.cs_department;
  departments[2] = co.gm_department;
  test_assert_routes (complaint, departments, roles, 3);
  g_assert_cmpstr (((KefuComplaintRoute *) g_ptr_array_index (kefu_complaint_get_routes (complaint),
                                                              0))->department_name, ==, "品控部");
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_false (kefu_complaint_get_urgent (complaint));
  g_assert_cmpint (kefu_complaint_get_owner_id (complaint), ==, co.clerk);
  g_assert_cmpint (kefu_complaint_get_call_id (complaint), ==, kefu_record_get_id (KEFU_RECORD (call)));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (complaint)), ==, 1);
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "AB-20260301");
  /* The service fields typed meanwhile are not kept for a product complaint. */
  g_assert_cmpint (kefu_complaint_get_service_issue (complaint), ==, KEFU_SERVICE_ISSUE_UNSPECIFIED);
  service_issue = test_query_text (store, "SELECT service_issue FROM complaints WHERE id = $1",
                                   kefu_record_get_id (KEFU_RECORD (complaint)));
  g_assert_null (service_issue);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routes"), ==, 3);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaints'"), ==, 1);

  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL, &error);
  g_assert_no_error (error);
  complaint = kefu_call_get_complaint (stored);
  g_assert_nonnull (complaint);
  test_assert_routes (complaint, departments, roles, 3);
  g_assert_cmpstr (kefu_complaint_get_reference (complaint), ==, kefu_call_get_reference (call));
  g_assert_cmpstr (kefu_complaint_get_subject (complaint), ==, "鲜牛奶");
  g_assert_cmpstr (kefu_complaint_get_reason (complaint), ==, "有异味");
  g_assert_true (kefu_complaint_get_well_founded (complaint));
  g_assert_cmpint (kefu_complaint_get_category (complaint), ==,
                   KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  g_assert_cmpint (kefu_complaint_get_symptom (complaint), ==, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  g_assert_cmpstr (kefu_complaint_get_purchase_method (complaint), ==, "超市购买");
  g_assert_cmpstr (kefu_complaint_get_purchase_place (complaint), ==, "华联超市");
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "AB-20260301");
  test_assert_date (kefu_complaint_get_production_date (complaint), 2026, 3, 1);
  g_assert_cmpint (kefu_complaint_get_product_id (complaint), ==, co.milk);
  g_assert_cmpstr (kefu_complaint_get_staff_identity (complaint), ==, "");
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpint (kefu_complaint_get_owner_id (complaint), ==, co.clerk);
}

static void
test_route_service (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  KefuComplaint *complaint;
  Company co;
  const KefuRole roles[] = { KEFU_ROLE_CS_MANAGER };
  gint64 departments[1];

  test_company_setup (store, &co);
  complaint = save_complaint (fixture, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, &call);
  departments[0] = co.cs_department;
  test_assert_routes (complaint, departments, roles, 1);
  g_assert_false (kefu_complaint_get_urgent (complaint));
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  /* The product fields typed meanwhile are not kept for a service complaint. */
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "");
  g_assert_null (kefu_complaint_get_production_date (complaint));

  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL, &error);
  g_assert_no_error (error);
  complaint = kefu_call_get_complaint (stored);
  g_assert_cmpint (kefu_complaint_get_service_issue (complaint), ==, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  g_assert_cmpstr (kefu_complaint_get_staff_identity (complaint), ==, "工号 1024");
  g_assert_cmpstr (kefu_complaint_get_work_place (complaint), ==, "朝阳站");
  g_assert_cmpstr (kefu_complaint_get_work_manner (complaint), ==, "送奶到户");
  g_assert_cmpint (kefu_complaint_get_symptom (complaint), ==, KEFU_PRODUCT_SYMPTOM_UNSPECIFIED);
  g_assert_null (kefu_complaint_get_production_date (complaint));
  test_assert_routes (complaint, departments, roles, 1);
}

static void
test_route_harmed (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCall) product = NULL;
  g_autoptr(KefuCall) service = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  KefuComplaint *complaint;
  Company co;
  const KefuRole service_roles[] = { KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE };
  gint64 service_departments[2];

  test_company_setup (store, &co);

  /* Harmed: urgent, and the GM office goes along (the same office, once, for product quality). */
  complaint = save_complaint (fixture, &co, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, &product);
  g_assert_true (kefu_complaint_get_urgent (complaint));
  g_assert_cmpuint (kefu_complaint_get_routes (complaint)->len, ==, 3);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaints WHERE urgent = TRUE "
                                      "AND harmed = TRUE"), ==, 1);

  complaint = save_complaint (fixture, &co, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, &service);
  service_departments[0] = co.cs_department;
  service_departments[1] = co.gm_department;
  test_assert_routes (complaint, service_departments, service_roles, 2);
  g_assert_true (kefu_complaint_get_urgent (complaint));

  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (service)), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kefu_complaint_get_urgent (kefu_call_get_complaint (stored)));
  g_assert_true (kefu_complaint_get_harmed (kefu_call_get_complaint (stored)));
  test_assert_routes (kefu_call_get_complaint (stored), service_departments, service_roles, 2);
}

static void
test_route_not_well_founded (Fixture       *fixture,
                             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *category = NULL;
  KefuComplaint *complaint;
  Company co;

  test_company_setup (store, &co);
  call = test_complaint_call (&co, co.clerk, "13800138000",
                              KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received);
  complaint = kefu_call_get_complaint (call);
  kefu_complaint_set_well_founded (complaint, FALSE);

  /* Not well founded needs the explanation given to the customer. */
  g_assert_false (kefu_store_save_call (store, call, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  kefu_complaint_set_explanation (complaint, "已向客户解释保质期的含义");
  test_save_call (store, call);
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_EXPLAINED);
  g_assert_cmpuint (kefu_complaint_get_routes (complaint)->len, ==, 0);
  g_assert_cmpint (kefu_complaint_get_category (complaint), ==, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaint_routes"), ==, 0);
  category = test_query_text (store, "SELECT category FROM complaints WHERE id = $1",
                              kefu_record_get_id (KEFU_RECORD (complaint)));
  g_assert_null (category);

  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL, &error);
  g_assert_no_error (error);
  complaint = kefu_call_get_complaint (stored);
  g_assert_false (kefu_complaint_get_well_founded (complaint));
  g_assert_cmpstr (kefu_complaint_get_explanation (complaint), ==, "已向客户解释保质期的含义");
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_EXPLAINED);
}

static void
test_route_nobody (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) call = NULL;
  Company co = { 0 };

  /* A new installation: a clerk and a product, nobody to route to yet. */
  co.clerk = test_make_staff (store, "clerk", KEFU_ROLE_CLERK, 0, TRUE);
  co.milk = test_make_product (store, "鲜牛奶", 1250);
  call = test_complaint_call (&co, co.clerk, "13800138000",
                              KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received);
  test_save_call (store, call);
  g_assert_cmpint (kefu_complaint_get_stage (kefu_call_get_complaint (call)), ==,
                   KEFU_COMPLAINT_STAGE_NEW);
  g_assert_cmpuint (kefu_complaint_get_routes (kefu_call_get_complaint (call))->len, ==, 0);
}

/* Inquiries */

static void
test_inquiry (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) plain = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *topics = NULL;
  KefuInquiry *inquiry;
  Company co;

  test_company_setup (store, &co);
  call = test_inquiry_call (co.clerk, "13800138000", TRUE, received);
  test_save_call (store, call);
  inquiry = kefu_call_get_inquiry (call);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (inquiry)), >, 0);
  g_assert_cmpint (kefu_inquiry_get_call_id (inquiry), ==, kefu_record_get_id (KEFU_RECORD (call)));
  g_assert_cmpint (kefu_inquiry_get_lead_id (inquiry), >, 0);
  g_assert_cmpstr (kefu_call_get_summary (call), ==, "介绍了鲜牛奶的价格和送货方式");
  topics = test_query_text (store, "SELECT topics FROM inquiries WHERE id = $1",
                            kefu_record_get_id (KEFU_RECORD (inquiry)));
  g_assert_cmpstr (topics, ==, "products,prices");
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM leads WHERE state = 'open'"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'leads'"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'inquiries'"), ==, 1);

  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL, &error);
  g_assert_no_error (error);
  inquiry = kefu_call_get_inquiry (stored);
  g_assert_cmpuint (kefu_inquiry_get_topics (inquiry), ==,
                    KEFU_INQUIRY_TOPIC_PRODUCTS | KEFU_INQUIRY_TOPIC_PRICES);
  g_assert_cmpstr (kefu_inquiry_get_answer (inquiry), ==, "介绍了鲜牛奶的价格和送货方式");
  g_assert_true (kefu_inquiry_get_potential_order (inquiry));
  g_assert_cmpint (kefu_inquiry_get_lead_id (inquiry), ==,
                   kefu_inquiry_get_lead_id (kefu_call_get_inquiry (call)));

  /* No potential order, no lead. */
  plain = test_inquiry_call (co.clerk, "13800138000", FALSE, received);
  test_save_call (store, plain);
  g_assert_cmpint (kefu_inquiry_get_lead_id (kefu_call_get_inquiry (plain)), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM leads"), ==, 1);
}

/* The intake form keeps an order, a complaint and an inquiry on one call while the clerk
 * decides the kind: only the record of the kind chosen is written, and the others are left as
 * they were typed, on the same objects. */
static void
test_form_call (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) typed = NULL;
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  KefuOrder *order = kefu_call_get_order (call);
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);
  Company co;

  test_company_setup (store, &co);
  typed = test_complaint_call (&co, co.clerk, "138 0013 8000",
                               KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, received);
  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, kefu_call_get_caller_name (typed));
  kefu_call_set_address (call, kefu_call_get_address (typed));
  kefu_call_set_phone (call, kefu_call_get_phone (typed));
  kefu_call_set_clerk_id (call, co.clerk);
  kefu_call_set_received_at (call, received);
  kefu_call_set_complaint (call, kefu_call_get_complaint (typed));
  /* Half-typed in the other forms before the clerk switched. */
  kefu_order_set_delivery_address (order, "  半个地址");
  kefu_inquiry_set_answer (inquiry, "  还没说完");

  test_save_call (store, call);
  g_assert_cmpstr (kefu_call_get_reference (call), ==, "TS-20260310-0001");
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call))), >, 0);
  g_assert_true (kefu_call_get_order (call) == order);
  g_assert_true (kefu_call_get_inquiry (call) == inquiry);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (order)), ==, 0);
  g_assert_cmpstr (kefu_order_get_delivery_address (order), ==, "  半个地址");
  g_assert_cmpstr (kefu_inquiry_get_answer (inquiry), ==, "  还没说完");
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM orders"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM inquiries"), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM complaints"), ==, 1);
}

void
test_store_add_complaint_tests (void)
{
  TEST_ADD ("calls/route-product-quality", test_route_product_quality);
  TEST_ADD ("calls/route-service", test_route_service);
  TEST_ADD ("calls/route-harmed", test_route_harmed);
  TEST_ADD ("calls/route-not-well-founded", test_route_not_well_founded);
  TEST_ADD ("calls/route-nobody", test_route_nobody);
  TEST_ADD ("calls/inquiry", test_inquiry);
  TEST_ADD ("calls/form-call", test_form_call);
}
