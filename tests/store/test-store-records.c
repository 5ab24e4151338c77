/* test-store-records.c: each entity created, read back and updated; optimistic concurrency;
 * unique rules; the event log written with every change and refusing to be rewritten; bulk load.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store.h"

/* Staff and departments */

static void
test_staff (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(KefuStaff) read = NULL;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;

  kefu_department_set_name (department, "客服中心");
  kefu_department_set_code (department, "CS");
  kefu_department_set_description (department, "热线电话处理");
  g_assert_true (kefu_store_create_department (fixture->store, department, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (department)), >, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (department)), ==, 1);

  departments = kefu_store_list_departments (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 1);
  {
    g_autoptr(KefuDepartment) d = g_list_model_get_item (departments, 0);
    g_assert_cmpstr (kefu_department_get_name (d), ==, "客服中心");
    g_assert_cmpstr (kefu_department_get_code (d), ==, "CS");
    g_assert_cmpstr (kefu_department_get_description (d), ==, "热线电话处理");
  }

  kefu_staff_set_name (staff, "张敏");
  kefu_staff_set_login (staff, "zhangmin");
  kefu_staff_set_role (staff, KEFU_ROLE_TEAM_LEAD);
  kefu_staff_set_department_id (staff, kefu_record_get_id (KEFU_RECORD (department)));
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (fixture->store, staff, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (staff)), >, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (staff)), ==, 1);
  g_assert_nonnull (kefu_record_get_created_at (KEFU_RECORD (staff)));

  read = kefu_store_get_staff (fixture->store, kefu_record_get_id (KEFU_RECORD (staff)), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_staff_get_name (read), ==, "张敏");
  g_assert_cmpstr (kefu_staff_get_login (read), ==, "zhangmin");
  g_assert_cmpint (kefu_staff_get_role (read), ==, KEFU_ROLE_TEAM_LEAD);
  g_assert_cmpint (kefu_staff_get_department_id (read), ==, kefu_record_get_id (KEFU_RECORD (department)));
  g_assert_true (kefu_staff_get_active (read));
  g_assert_true (g_date_time_equal (kefu_record_get_created_at (KEFU_RECORD (read)),
                                    kefu_record_get_created_at (KEFU_RECORD (staff))));

  /* The role is stored as readable text for BI tools. */
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM staff WHERE role = 'team-lead' AND login = 'zhangmin'"),
                   ==, 1);

  kefu_staff_set_role (read, KEFU_ROLE_CS_MANAGER);
  kefu_staff_set_active (read, FALSE);
  g_assert_true (kefu_store_update_staff (fixture->store, read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (read)), ==, 2);

  g_clear_object (&read);
  read = kefu_store_get_staff (fixture->store, kefu_record_get_id (KEFU_RECORD (staff)), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_staff_get_role (read), ==, KEFU_ROLE_CS_MANAGER);
  g_assert_false (kefu_staff_get_active (read));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (read)), ==, 2);

  /* The built-in system member is not active, so pickers do not offer it. */
  active = kefu_store_list_staff (fixture->store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 0);
  all = kefu_store_list_staff (fixture->store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
}

static void
test_stale_and_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = test_create_staff (fixture->store, "liqiang", KEFU_ROLE_CLERK);
  g_autoptr(KefuStaff) mine = kefu_store_get_staff (fixture->store, id, NULL, NULL);
  g_autoptr(KefuStaff) theirs = kefu_store_get_staff (fixture->store, id, NULL, NULL);
  g_autoptr(KefuStaff) missing = NULL;
  g_autoptr(KefuStaff) read = NULL;
  gint64 events;

  /* Two workstations opened the same record; the second save must not overwrite the first. */
  kefu_staff_set_name (theirs, "李强 (组长)");
  g_assert_true (kefu_store_update_staff (fixture->store, theirs, NULL, &error));
  g_assert_no_error (error);

  events = test_count (fixture->store, "SELECT COUNT(*) FROM events");
  kefu_staff_set_name (mine, "李强强");
  g_assert_false (kefu_store_update_staff (fixture->store, mine, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  /* One whole sentence that names the kind of record. */
  g_assert_true (g_str_has_prefix (error->message, "This staff member was changed by someone"));
  g_assert_nonnull (strstr (error->message, "Reload"));
  g_clear_error (&error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (mine)), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM events"), ==, events);

  read = kefu_store_get_staff (fixture->store, id, NULL, &error);
  g_assert_cmpstr (kefu_staff_get_name (read), ==, "李强 (组长)");

  missing = kefu_store_get_staff (fixture->store, id + 1000, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  kefu_record_set_id (KEFU_RECORD (mine), id + 1000);
  g_assert_false (kefu_store_update_staff (fixture->store, mine, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "This staff member no longer exists. Reload the list.");
}

static void
test_duplicate_login (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) second = kefu_staff_new ();
  gint64 other;

  test_create_staff (fixture->store, "wangfang", KEFU_ROLE_CLERK);
  kefu_staff_set_name (second, "王芳");
  kefu_staff_set_login (second, "wangfang");
  kefu_staff_set_role (second, KEFU_ROLE_CLERK);
  g_assert_false (kefu_store_create_staff (fixture->store, second, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "login"));
  g_clear_error (&error);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (second)), ==, 0);

  /* Renaming another member to a taken login is refused the same way. */
  other = test_create_staff (fixture->store, "wangfang2", KEFU_ROLE_CLERK);
  g_clear_object (&second);
  second = kefu_store_get_staff (fixture->store, other, NULL, &error);
  kefu_staff_set_login (second, "wangfang");
  g_assert_false (kefu_store_update_staff (fixture->store, second, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
}

static void
test_no_actor (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  gint64 events = test_count (fixture->store, "SELECT COUNT(*) FROM events");

  kefu_store_set_actor (fixture->store, 0);
  kefu_staff_set_name (staff, "赵磊");
  kefu_staff_set_login (staff, "zhaolei");
  g_assert_false (kefu_store_create_staff (fixture->store, staff, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR);
  g_clear_error (&error);
  g_assert_false (kefu_store_set_setting (fixture->store, "callback.days", "3", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM staff"), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM events"), ==, events);
}

/* Products */

static void
test_products (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuProduct) milk = kefu_product_new ();
  g_autoptr(KefuProduct) bad = kefu_product_new ();
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(KefuProduct) read = NULL;

  kefu_product_set_name (milk, "鲜牛奶");
  kefu_product_set_spec (milk, "250ml×24");
  kefu_product_set_unit_price (milk, 6850);
  kefu_product_set_warranty_months (milk, 0);
  kefu_product_set_active (milk, TRUE);
  g_assert_true (kefu_store_create_product (fixture->store, milk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->store, "SELECT unit_price_fen FROM products"), ==, 6850);

  kefu_product_set_unit_price (milk, 7200);
  kefu_product_set_warranty_months (milk, 12);
  g_assert_true (kefu_store_update_product (fixture->store, milk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (milk)), ==, 2);

  all = kefu_store_list_products (fixture->store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  read = g_list_model_get_item (all, 0);
  g_assert_cmpstr (kefu_product_get_name (read), ==, "鲜牛奶");
  g_assert_cmpstr (kefu_product_get_spec (read), ==, "250ml×24");
  g_assert_cmpint (kefu_product_get_unit_price (read), ==, 7200);
  g_assert_cmpuint (kefu_product_get_warranty_months (read), ==, 12);
  g_assert_true (kefu_product_get_active (read));

  kefu_product_set_active (read, FALSE);
  g_assert_true (kefu_store_update_product (fixture->store, read, NULL, &error));
  g_assert_no_error (error);
  active = kefu_store_list_products (fixture->store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 0);

  /* Stale: `milk` still holds version 2. */
  kefu_product_set_name (milk, "酸奶");
  g_assert_false (kefu_store_update_product (fixture->store, milk, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* A product needs a name. */
  kefu_product_set_name (bad, "  ");
  g_assert_false (kefu_store_create_product (fixture->store, bad, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A negative price cannot even be set on the record (core refuses it); the database refuses
   * it too, whoever writes to it. */
  g_assert_cmpint (_kefu_store_execute (fixture->store,
                                        "UPDATE products SET unit_price_fen = -5", NULL, NULL,
                                        &error), ==, -1);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
}

/* Customers */

static void
test_customers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("陈静", "138 1234 5678", "010-8765 4321", NULL);
  g_autoptr(KefuCustomer) read = NULL;
  gint64 clerk = test_create_staff (fixture->store, "clerk1", KEFU_ROLE_CLERK);
  gint64 id;

  kefu_customer_set_address (customer, "北京市朝阳区建国路88号");
  kefu_customer_set_district (customer, "朝阳区");
  kefu_customer_set_is_member (customer, TRUE);
  kefu_customer_set_member_number (customer, "VIP-0001");
  kefu_customer_set_channel (customer, KEFU_CHANNEL_HOME_DELIVERY);
  kefu_customer_set_assigned_clerk_id (customer, clerk);
  kefu_customer_set_notes (customer, "每天早上送奶\n周末不在家");
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  id = kefu_record_get_id (KEFU_RECORD (customer));
  g_assert_cmpint (id, >, 0);
  /* The record now holds the numbers as stored: normalised. */
  g_assert_cmpstrv (kefu_customer_get_phones (customer),
                    ((const char *[]) { "13812345678", "01087654321", NULL }));

  read = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "陈静");
  g_assert_cmpstr (kefu_customer_get_address (read), ==, "北京市朝阳区建国路88号");
  g_assert_cmpstr (kefu_customer_get_district (read), ==, "朝阳区");
  g_assert_true (kefu_customer_get_is_member (read));
  g_assert_cmpstr (kefu_customer_get_member_number (read), ==, "VIP-0001");
  g_assert_cmpint (kefu_customer_get_channel (read), ==, KEFU_CHANNEL_HOME_DELIVERY);
  g_assert_cmpint (kefu_customer_get_assigned_clerk_id (read), ==, clerk);
  g_assert_cmpstr (kefu_customer_get_notes (read), ==, "每天早上送奶\n周末不在家");
  g_assert_cmpstrv (kefu_customer_get_phones (read),
                    ((const char *[]) { "13812345678", "01087654321", NULL }));
  g_assert_cmpstr (kefu_customer_get_primary_phone (read), ==, "13812345678");
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM customers WHERE phone = '13812345678' "
                               "AND channel = 'home-delivery'"), ==, 1);

  /* Update: new primary number, the old landline dropped, channel cleared. */
  kefu_customer_set_phones (read, (const char *[]) { "+86 139-0000-1111", "13812345678", NULL });
  kefu_customer_set_channel (read, KEFU_CHANNEL_UNSPECIFIED);
  kefu_customer_set_address (read, "");
  g_assert_true (kefu_store_update_customer (fixture->store, read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (read)), ==, 2);

  g_clear_object (&read);
  read = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (kefu_customer_get_phones (read),
                    ((const char *[]) { "13900001111", "13812345678", NULL }));
  g_assert_cmpint (kefu_customer_get_channel (read), ==, KEFU_CHANNEL_UNSPECIFIED);
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM customers WHERE channel IS NULL AND "
                               "address IS NULL AND phone = '13900001111'"), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customer_phones"), ==, 2);

  /* The stale copy is refused. */
  kefu_customer_set_name (customer, "陈晶");
  g_assert_false (kefu_store_update_customer (fixture->store, customer, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_assert_true (g_str_has_prefix (error->message, "This customer was changed by someone"));
  g_clear_error (&error);

  g_assert_cmpint (kefu_store_count_customers (fixture->store, NULL, &error), ==, 1);
  g_assert_null (kefu_store_get_customer (fixture->store, id + 1, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
}

static void
test_duplicate_phone (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) first = test_new_customer ("刘洋", "13812345678", NULL);
  g_autoptr(KefuCustomer) second = test_new_customer ("刘阳", "0755-8888-9999", "+86 138 1234 5678", NULL);
  g_autoptr(KefuCustomer) third = test_new_customer ("周杰", "13700000000", NULL);
  gint64 events;

  g_assert_true (kefu_store_create_customer (fixture->store, first, NULL, &error));
  g_assert_no_error (error);
  events = test_count (fixture->store, "SELECT COUNT(*) FROM events");

  /* The same number typed another way is the same number. */
  g_assert_false (kefu_store_create_customer (fixture->store, second, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "13812345678"));
  g_clear_error (&error);

  /* Nothing of the failed write remains: not the customer row written before the phones, not its
   * other number, not an event. */
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (second)), ==, 0);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customers"), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customer_phones"), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM events"), ==, events);

  /* Taking another customer's number in an update is refused too. */
  g_assert_true (kefu_store_create_customer (fixture->store, third, NULL, &error));
  g_assert_no_error (error);
  kefu_customer_set_phones (third, (const char *[]) { "13700000000", "138-1234-5678", NULL });
  g_assert_false (kefu_store_update_customer (fixture->store, third, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (third)), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customer_phones"), ==, 2);
}

static void
test_phone_lookup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) a = test_new_customer ("吴刚", "13812345678", NULL);
  g_autoptr(KefuCustomer) b = test_new_customer ("郑丽", "13987655678", "0755-88889999-123", NULL);
  g_autoptr(KefuCustomer) c = test_new_customer ("孙悦", "02166668888", NULL);
  struct { const char *digits; guint n; const char *first; } cases[] = {
    { "13812345678", 1, "吴刚" },     /* full number */
    { "5678", 2, "吴刚" },            /* last 4 digits: two customers */
    { "55678", 1, "郑丽" },
    { "45678", 1, "吴刚" },
    { "8888", 1, "孙悦" },
    { "075588889999", 1, "郑丽" },   /* the landline without its extension */
    { "075588889999-123", 1, "郑丽" },
    { "88889999", 1, "郑丽" },
    { "0000", 0, NULL },
    { "1381234567", 0, NULL },       /* a prefix is not a suffix */
  };

  g_assert_true (kefu_store_create_customer (fixture->store, a, NULL, &error));
  g_assert_true (kefu_store_create_customer (fixture->store, b, NULL, &error));
  g_assert_true (kefu_store_create_customer (fixture->store, c, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) found = kefu_store_find_customers_by_phone (fixture->store,
                                                                          cases[i].digits, 0,
                                                                          NULL, &error);

      g_test_message ("lookup %s", cases[i].digits);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (found), ==, cases[i].n);
      if (cases[i].first != NULL)
        {
          g_autoptr(KefuCustomer) first = g_list_model_get_item (found, 0);
          g_assert_cmpstr (kefu_customer_get_name (first), ==, cases[i].first);
          g_assert_nonnull (kefu_customer_get_phones (first));
        }
    }

  {
    g_autoptr(GListModel) limited = kefu_store_find_customers_by_phone (fixture->store, "5678", 1,
                                                                          NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 1);
  }

  /* Too few digits, or something that is not digits, is refused with a reason. */
  g_assert_null (kefu_store_find_customers_by_phone (fixture->store, "678", 0, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kefu_store_find_customers_by_phone (fixture->store, "5678' OR '1'='1", 0, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kefu_store_find_customers_by_phone (fixture->store, "56%8", 0, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
}

static void
test_invalid_phone (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *bad[] = { "12345", "1381234567", "138123456789", "tel: 138", "021-1234" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KefuCustomer) customer = test_new_customer ("黄磊", bad[i], NULL);

      g_assert_false (kefu_store_create_customer (fixture->store, customer, NULL, &error));
      g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
      /* The reason names the number and says what is wrong with it. */
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpuint (strlen (error->message), >, strlen (bad[i]) + 20);
      g_test_message ("%s", error->message);
    }
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customers"), ==, 0);
}

/* Events */

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("马超", "13811112222", NULL);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(KefuEvent) newest = NULL;
  g_autoptr(KefuEvent) oldest = NULL;
  gint64 clerk = test_create_staff (fixture->store, "machao.clerk", KEFU_ROLE_CLERK);
  gint64 id;

  kefu_store_set_actor (fixture->store, clerk);
  g_assert_cmpint (kefu_store_get_actor (fixture->store), ==, clerk);
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  id = kefu_record_get_id (KEFU_RECORD (customer));
  kefu_customer_set_address (customer, "上海市\"浦东\"新区\\1号");
  g_assert_true (kefu_store_update_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);

  /* Saving without a change is not a change: no new version, no event. */
  g_assert_true (kefu_store_update_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (customer)), ==, 2);

  events = kefu_store_list_events (fixture->store, "customers", id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  newest = g_list_model_get_item (events, 0);
  oldest = g_list_model_get_item (events, 1);
  g_assert_cmpstr (kefu_event_get_action (newest), ==, "update");
  g_assert_cmpstr (kefu_event_get_details (newest), ==, "{\"changed\":[\"address\"]}");
  g_assert_cmpstr (kefu_event_get_action (oldest), ==, "create");
  g_assert_cmpstr (kefu_event_get_entity (oldest), ==, "customers");
  g_assert_cmpint (kefu_event_get_entity_id (oldest), ==, id);
  g_assert_cmpint (kefu_event_get_staff_id (oldest), ==, clerk);
  g_assert_cmpstr (kefu_event_get_staff_name (oldest), ==, "machao.clerk");
  g_assert_nonnull (kefu_event_get_created_at (oldest));
  g_assert_cmpint (g_date_time_compare (kefu_event_get_created_at (oldest),
                                        kefu_event_get_created_at (newest)), <=, 0);

  /* Settings: missing is NULL without an error; setting logs the key and value as JSON. */
  g_assert_null (kefu_store_get_setting (fixture->store, "handover.cutoff", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_set_setting (fixture->store, "handover.cutoff", "10:00", NULL, &error));
  g_assert_true (kefu_store_set_setting (fixture->store, "handover.cutoff", "10:30", NULL, &error));
  g_assert_true (kefu_store_set_setting (fixture->store, "handover.cutoff", "10:30", NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *value = kefu_store_get_setting (fixture->store, "handover.cutoff", NULL, &error);
    g_autoptr(GListModel) setting_events = kefu_store_list_events (fixture->store, "settings", 0,
                                                                   NULL, &error);
    g_autoptr(KefuEvent) last = NULL;

    g_assert_cmpstr (value, ==, "10:30");
    g_assert_cmpint (test_count (fixture->store,
                                 "SELECT version FROM settings WHERE key = 'handover.cutoff'"), ==, 2);
    g_assert_cmpint (test_count (fixture->store,
                                 "SELECT updated_by FROM settings WHERE key = 'handover.cutoff'"), ==, clerk);
    g_assert_cmpuint (g_list_model_get_n_items (setting_events), ==, 2);
    last = g_list_model_get_item (setting_events, 0);
    g_assert_cmpstr (kefu_event_get_details (last), ==, "{\"key\":\"handover.cutoff\",\"value\":\"10:30\"}");
  }
}

static void
test_events_append_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = test_create_staff (fixture->store, "audit", KEFU_ROLE_CLERK);
  gint64 count = test_count (fixture->store, "SELECT COUNT(*) FROM events");

  g_assert_cmpint (count, ==, 1);
  g_assert_cmpint (_kefu_store_execute (fixture->store, "UPDATE events SET action = 'forged'",
                                        NULL, NULL, &error), ==, -1);
  g_assert_nonnull (error);
  g_test_message ("UPDATE: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (_kefu_store_execute (fixture->store, "DELETE FROM events", NULL, NULL, &error), ==, -1);
  g_assert_nonnull (error);
  g_clear_error (&error);
  if (test_backend () == KEFU_STORE_BACKEND_POSTGRES)
    {
      g_assert_cmpint (_kefu_store_execute (fixture->store, "TRUNCATE events", NULL, NULL, &error), ==, -1);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM events"), ==, count);
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM events WHERE action = 'create' AND entity = 'staff'"),
                   ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT entity_id FROM events"), ==, id);
}

/* Bulk load */

static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) clash = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KefuCustomer) after = test_new_customer ("后来", "13300000001", NULL);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(KefuCustomer) read = NULL;
  gint64 events;
  const guint n = 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户%u", i);
      g_autofree char *phone = g_strdup_printf ("135%08u", i);
      g_autofree char *landline = g_strdup_printf ("0571%08u", 20000000 + i);
      KefuCustomer *c = test_new_customer (name, phone, i % 2 == 0 ? landline : NULL, NULL);

      kefu_customer_set_channel (c, i % 3 == 0 ? KEFU_CHANNEL_RETAIL : KEFU_CHANNEL_UNSPECIFIED);
      kefu_customer_set_is_member (c, i % 5 == 0);
      g_ptr_array_add (customers, c);
    }
  events = test_count (fixture->store, "SELECT COUNT(*) FROM events");

  g_assert_true (kefu_store_insert_customers_bulk (fixture->store, customers, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_count_customers (fixture->store, NULL, &error), ==, n);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customer_phones"), ==, n + n / 2);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM events"), ==, events + 1);
  g_assert_cmpint (kefu_record_get_id (g_ptr_array_index (customers, 0)), >, 0);

  read = kefu_store_get_customer (fixture->store,
                                  kefu_record_get_id (g_ptr_array_index (customers, 1234)),
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "客户1234");
  g_assert_cmpstrv (kefu_customer_get_phones (read),
                    ((const char *[]) { "13500001234", "057120001234", NULL }));
  g_assert_cmpstr (kefu_customer_get_primary_phone (read), ==, "13500001234");
  g_assert_cmpint (kefu_customer_get_channel (read), ==, KEFU_CHANNEL_UNSPECIFIED);

  found = kefu_store_find_customers_by_phone (fixture->store, "00001999", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* Ids keep counting after a bulk load, on both backends. */
  g_assert_true (kefu_store_create_customer (fixture->store, after, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (after)), >,
                   kefu_record_get_id (g_ptr_array_index (customers, n - 1)));

  /* A clash anywhere in a load refuses the whole load. */
  g_ptr_array_add (clash, test_new_customer ("新客户", "13600000000", NULL));
  g_ptr_array_add (clash, test_new_customer ("重复", "135 0000 0007", NULL));
  g_assert_false (kefu_store_insert_customers_bulk (fixture->store, clash, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (kefu_store_count_customers (fixture->store, NULL, &error), ==, n + 1);
  g_assert_cmpint (kefu_record_get_id (g_ptr_array_index (clash, 0)), ==, 0);
}

void
test_store_add_records_tests (void)
{
  TEST_ADD ("staff/create-get-update", test_staff);
  TEST_ADD ("staff/stale-and-missing", test_stale_and_missing);
  TEST_ADD ("staff/duplicate-login", test_duplicate_login);
  TEST_ADD ("staff/no-actor", test_no_actor);
  TEST_ADD ("products/create-update-list", test_products);
  TEST_ADD ("customers/create-get-update", test_customers);
  TEST_ADD ("customers/duplicate-phone", test_duplicate_phone);
  TEST_ADD ("customers/phone-lookup", test_phone_lookup);
  TEST_ADD ("customers/invalid-phone", test_invalid_phone);
  TEST_ADD ("customers/bulk", test_bulk);
  TEST_ADD ("events/with-every-change", test_events);
  TEST_ADD ("events/append-only", test_events_append_only);
}
