/* test-store-customer-search.c: the caller lookup (kefu_store_search_customers()) on both
 * backends: phone suffixes and whole numbers, name fragments of 1, 2 and 3+ characters through
 * the name-gram index, case and width folding, ranking, and the grams kept up to date by every
 * way a customer is written.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store.h"

static gint64
create (KefuStore  *store,
        const char *name,
        const char *phone)
{
  g_autoptr(KefuCustomer) customer = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

/* The names found for `query`, in order, joined by "|". */
static char *
search_names (KefuStore  *store,
              const char *query,
              guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = kefu_store_search_customers (store, query, limit, NULL, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(KefuCustomer) customer = g_list_model_get_item (found, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", kefu_customer_get_name (customer));
      /* What the lookup shows comes with every result. */
      g_assert_nonnull (kefu_customer_get_phones (customer));
      g_assert_nonnull (kefu_customer_get_phones (customer)[0]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_search(store, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search_names ((store), (query), 0); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_phone_suffix (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;

  create (store, "张三", "13812345678");
  create (store, "李四", "13987655678");
  create (store, "王五", "010-8765 4321");
  create (store, "赵六", "021-8765 4321");

  /* The last 4 digits, any separators, full-width digits. */
  assert_search (store, "5678", "张三|李四");
  assert_search (store, "56 78", "张三|李四");
  assert_search (store, "５６７８", "张三|李四");
  assert_search (store, "2345678", "张三");
  assert_search (store, "87654321", "王五|赵六");
  assert_search (store, "0000", "");
  /* Three digits are not a phone search: no name has them. */
  assert_search (store, "678", "");
}

static void
test_full_number (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(KefuCustomer) first = NULL;

  create (store, "周一", "13812345678");
  create (store, "吴二", "010-8769 5588");
  create (store, "郑三", "95588");

  /* A whole number typed any way finds its customer only. */
  assert_search (store, "138 1234 5678", "周一");
  assert_search (store, "+86 138-1234-5678", "周一");
  assert_search (store, "(010) 8769-5588", "吴二");
  /* "95588" is a whole number and the end of another: the whole number first, though its
   * customer is newer. */
  assert_search (store, "95588", "郑三|吴二");

  found = kefu_store_search_customers (store, "13812345678", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  first = g_list_model_get_item (found, 0);
  g_assert_cmpstr (kefu_customer_get_primary_phone (first), ==, "13812345678");
}

static void
test_chinese_names (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;

  create (store, "张王伟", "13800000001");
  create (store, "王伟明", "13800000002");
  create (store, "王伟", "13800000003");
  create (store, "王芳", "13800000004");
  create (store, "李娜", "13800000005");
  create (store, "王伟x伟明", "13800000006");
  create (store, "欧阳明", "13800000007");

  /* One character: the names that start with it in name order, then the others by age. */
  assert_search (store, "王", "王伟|王伟x伟明|王伟明|王芳|张王伟");
  assert_search (store, "娜", "李娜");
  assert_search (store, "明", "王伟明|王伟x伟明|欧阳明");
  /* Two characters: the exact name first, then those starting with it, then the rest. */
  assert_search (store, "王伟", "王伟|王伟x伟明|王伟明|张王伟");
  assert_search (store, "伟明", "王伟明|王伟x伟明");
  assert_search (store, "欧阳", "欧阳明");
  /* Three: every pair is not enough, the characters must follow each other. */
  assert_search (store, "王伟明", "王伟明");
  assert_search (store, "张王伟", "张王伟");
  assert_search (store, "伟x伟", "王伟x伟明");
  assert_search (store, "王明伟", "");
  assert_search (store, "马", "");
  /* Spaces typed inside a name are not part of it. */
  assert_search (store, "王 伟 明", "王伟明");
  assert_search (store, "", "");
  assert_search (store, "  ", "");
}

static void
test_latin_names (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;

  create (store, "Zhang Wei", "13800000011");
  create (store, "Wang Fang", "13800000012");
  create (store, "ÉMILE Dubois", "13800000013");

  assert_search (store, "zhang", "Zhang Wei");
  assert_search (store, "ZHANG WEI", "Zhang Wei");
  assert_search (store, "zhangwei", "Zhang Wei");
  assert_search (store, "wei", "Zhang Wei");
  assert_search (store, "ang", "Zhang Wei|Wang Fang");
  assert_search (store, "W", "Wang Fang|Zhang Wei");
  /* Full-width letters, and letters with accents in either case. */
  assert_search (store, "ＦＡＮＧ", "Wang Fang");
  assert_search (store, "émile", "ÉMILE Dubois");
  assert_search (store, "DUBOIS", "ÉMILE Dubois");
}

static void
test_limit_and_ranking (Fixture       *fixture,
                        gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autofree char *found = NULL;
  g_auto(GStrv) parts = NULL;

  /* Thirty contain "刘", of which one is exactly it and nine start with it: a limit of 5 keeps
   * the exact name and the first prefixed ones. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("张刘%c", 'a' + i);
      g_autofree char *phone = g_strdup_printf ("139000000%02u", i);

      create (store, name, phone);
    }
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("刘%u", i);
      g_autofree char *phone = g_strdup_printf ("137000000%02u", i);

      create (store, name, phone);
    }
  create (store, "刘", "13600000000");

  found = search_names (store, "刘", 5);
  g_assert_cmpstr (found, ==, "刘|刘0|刘1|刘2|刘3");
  g_clear_pointer (&found, g_free);
  found = search_names (store, "刘", 12);
  g_assert_cmpstr (found, ==, "刘|刘0|刘1|刘2|刘3|刘4|刘5|刘6|刘7|刘8|张刘a|张刘b");
  g_clear_pointer (&found, g_free);
  /* The contained ones page by page until the limit. */
  found = search_names (store, "张刘", 0);
  parts = g_strsplit (found, "|", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 20);
  g_assert_cmpstr (parts[0], ==, "张刘a");
  g_assert_cmpstr (parts[19], ==, "张刘t");
}

static void
test_grams_follow_writes (Fixture       *fixture,
                          gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("赵六", "13800000021", NULL);
  gint64 id;

  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  id = kefu_record_get_id (KEFU_RECORD (customer));
  /* 赵, 六 and 赵六. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_name_grams"), ==, 3);
  assert_search (store, "赵", "赵六");

  kefu_customer_set_name (customer, "钱七七");
  g_assert_true (kefu_store_update_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  assert_search (store, "赵", "");
  assert_search (store, "七七", "钱七七");
  /* 钱, 钱七, 七, 七七: a repeated gram is stored once. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_name_grams"), ==, 4);

  /* An update that leaves the name alone leaves the grams alone. */
  kefu_customer_set_address (customer, "北京市朝阳区");
  g_assert_true (kefu_store_update_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_name_grams"), ==, 4);
  assert_search (store, "钱七", "钱七七");
  g_assert_cmpint (id, >, 0);
}

static void
test_bulk_loaded (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  static const char *const names[] = { "孙悟空", "猪八戒", "沙悟净", "唐三藏", "Bai Long Ma" };

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%u", names[i % G_N_ELEMENTS (names)], i);
      g_autofree char *phone = g_strdup_printf ("1350000%04u", i);

      g_ptr_array_add (customers, test_new_customer (name, phone, NULL));
    }
  g_assert_true (kefu_store_insert_customers_bulk (store, customers, NULL, &error));
  g_assert_no_error (error);

  /* Found like any other customer, by name and by number. */
  assert_search (store, "悟净499", "");
  assert_search (store, "悟净49", "沙悟净492|沙悟净497");
  assert_search (store, "三藏33", "唐三藏33|唐三藏333|唐三藏338");
  assert_search (store, "long ma 9", "Bai Long Ma9|Bai Long Ma94|Bai Long Ma99");
  assert_search (store, "0000499", "Bai Long Ma499");
  {
    g_autoptr(GListModel) found = kefu_store_search_customers (store, "八戒", 1000, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 100);
  }
  /* Every gram a single write would have stored. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(DISTINCT customer_id) FROM customer_name_grams"),
                   ==, 500);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customer_name_grams "
                                      "WHERE gram = '戒'"), ==, 100);
}

void
test_store_add_customer_search_tests (void)
{
  TEST_ADD ("customer-search/phone-suffix", test_phone_suffix);
  TEST_ADD ("customer-search/full-number", test_full_number);
  TEST_ADD ("customer-search/chinese-names", test_chinese_names);
  TEST_ADD ("customer-search/latin-names", test_latin_names);
  TEST_ADD ("customer-search/limit-and-ranking", test_limit_and_ranking);
  TEST_ADD ("customer-search/grams-follow-writes", test_grams_follow_writes);
  TEST_ADD ("customer-search/bulk-loaded", test_bulk_loaded);
}
