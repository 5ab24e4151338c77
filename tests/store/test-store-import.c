/* test-store-import.c: importing customers (kefu_store_import_customers()) on both backends:
 * duplicates by phone skipped or merged, and all or nothing when a row fails in the store.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store.h"

static KefuCustomer *
stored (KefuStore  *store,
        const char *name,
        const char *phone,
        const char *address)
{
  KefuCustomer *customer = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  kefu_customer_set_address (customer, address);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return customer;
}

static void
test_find_stored_phones (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KefuCustomer) a = stored (fixture->store, "王伟", "13800000001", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);

  /* More than one statement's worth of numbers. */
  for (guint i = 0; i < 250; i++)
    g_ptr_array_add (phones, g_strdup_printf ("1390000%04u", i));
  g_ptr_array_add (phones, g_strdup ("13800000001"));
  g_ptr_array_add (phones, NULL);

  found = kefu_store_find_stored_phones (fixture->store, (const char *const *) phones->pdata,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  g_assert_true (g_hash_table_contains (found, "13800000001"));
}

static GPtrArray *
file_customers (void)
{
  GPtrArray *customers = g_ptr_array_new_with_free_func (g_object_unref);
  KefuCustomer *known = test_new_customer ("王伟伟", "13800000001", "139 0000 0009", NULL);
  KefuCustomer *fresh = test_new_customer ("赵敏", "13700000002", NULL);

  kefu_customer_set_district (known, "朝阳区");
  kefu_customer_set_address (known, "");
  kefu_customer_set_channel (known, KEFU_CHANNEL_RETAIL);
  kefu_customer_set_is_member (known, TRUE);
  kefu_customer_set_member_number (known, "M-001");
  g_ptr_array_add (customers, known);
  g_ptr_array_add (customers, fresh);
  return customers;
}

static void
test_skip (Fixture       *fixture,
           gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCustomer) existing = stored (store, "王伟", "13800000001", "北京市海淀区");
  g_autoptr(GPtrArray) customers = file_customers ();
  g_autoptr(KefuCustomer) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  KefuImportSummary summary = { 9, 9, 9 };

  g_assert_true (kefu_store_import_customers (store, customers, KEFU_IMPORT_DUPLICATES_SKIP,
                                              &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.created, ==, 1);
  g_assert_cmpuint (summary.merged, ==, 0);
  g_assert_cmpuint (summary.skipped, ==, 1);

  /* The stored customer is left alone; the new one is stored and found. */
  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (existing)), NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "王伟");
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (read)), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) kefu_customer_get_phones (read)), ==, 1);
  g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 2);
  found = kefu_store_search_customers (store, "赵敏", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  /* The caller's records are not changed by the import. */
  g_assert_cmpint (kefu_record_get_id (g_ptr_array_index (customers, 1)), ==, 0);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCustomer) existing = stored (store, "王伟", "13800000001", "北京市海淀区");
  g_autoptr(KefuCustomer) other = stored (store, "李娜", "13600000003", NULL);
  g_autoptr(GPtrArray) customers = file_customers ();
  g_autoptr(KefuCustomer) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  KefuImportSummary summary = { 0 };
  const char *const *phones;

  /* A third number that belongs to another stored customer stays with that customer. */
  kefu_customer_set_phones (g_ptr_array_index (customers, 0),
                            (const char *const[]) { "13800000001", "139 0000 0009",
                                                    "13600000003", NULL });

  g_assert_true (kefu_store_import_customers (store, customers, KEFU_IMPORT_DUPLICATES_MERGE,
                                              &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.created, ==, 1);
  g_assert_cmpuint (summary.merged, ==, 1);
  g_assert_cmpuint (summary.skipped, ==, 0);

  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (existing)), NULL,
                                  &error);
  g_assert_no_error (error);
  /* The file's non-empty fields replace; its empty address does not. */
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "王伟伟");
  g_assert_cmpstr (kefu_customer_get_address (read), ==, "北京市海淀区");
  g_assert_cmpstr (kefu_customer_get_district (read), ==, "朝阳区");
  g_assert_cmpint (kefu_customer_get_channel (read), ==, KEFU_CHANNEL_RETAIL);
  g_assert_true (kefu_customer_get_is_member (read));
  g_assert_cmpstr (kefu_customer_get_member_number (read), ==, "M-001");
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (read)), ==, 2);
  phones = kefu_customer_get_phones (read);
  g_assert_cmpuint (g_strv_length ((char **) phones), ==, 2);
  g_assert_cmpstr (phones[0], ==, "13800000001");
  g_assert_cmpstr (phones[1], ==, "13900000009");
  g_clear_object (&read);
  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (other)), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) kefu_customer_get_phones (read)), ==, 1);

  /* The merge is an ordinary update: its event, and the new name found by its grams. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'customers' "
                                      "AND action = 'update'"), ==, 1);
  found = kefu_store_search_customers (store, "伟伟", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = kefu_store_search_customers (store, "0009", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
}

static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCustomer) existing = stored (store, "王伟", "13800000001", "北京市海淀区");
  g_autoptr(GPtrArray) customers = file_customers ();
  g_autoptr(KefuCustomer) read = NULL;
  g_autoptr(GError) error = NULL;
  KefuImportSummary summary = { 0 };
  gint64 events = test_count (store, "SELECT COUNT(*) FROM events");

  /* Two new customers of the file with one number (which core's reader would have refused):
   * the store refuses the second after merging the first row and creating others. */
  g_ptr_array_add (customers, test_new_customer ("孙丽", "13500000004", NULL));
  g_ptr_array_add (customers, test_new_customer ("周强", "13700000002", NULL));

  g_assert_false (kefu_store_import_customers (store, customers, KEFU_IMPORT_DUPLICATES_MERGE,
                                               &summary, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Nothing happened: no customer, no merge, no event, no gram. */
  g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events"), ==, events);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_phones"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_name_grams"), ==, 3);
  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (existing)), NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "王伟");
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (read)), ==, 1);
  g_assert_cmpuint (summary.created + summary.merged + summary.skipped, ==, 0);

  /* A customer the store refuses before the transaction names its place in the file. */
  g_ptr_array_set_size (customers, 2);
  kefu_customer_set_name (g_ptr_array_index (customers, 1), "   ");
  g_assert_false (kefu_store_import_customers (store, customers, KEFU_IMPORT_DUPLICATES_SKIP,
                                               &summary, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 1);
}

void
test_store_add_import_tests (void)
{
  TEST_ADD ("import/find-stored-phones", test_find_stored_phones);
  TEST_ADD ("import/skip", test_skip);
  TEST_ADD ("import/merge", test_merge);
  TEST_ADD ("import/all-or-nothing", test_all_or_nothing);
}
