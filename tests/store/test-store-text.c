/* test-store-text.c: text goes in and comes out exactly as given, whatever it contains: SQL
 * metacharacters, quotes, wildcards, backslashes, emoji, Chinese, very long text; and text that
 * breaks the rules is refused with a reason before anything is written.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "core/kefu-text.h"
#include "test-store.h"

static const char *const tricky[] = {
  "O'Brien",
  "'; DROP TABLE customers; --",
  "\"; DELETE FROM events; --",
  "Robert'); DROP TABLE staff;--",
  "100% 真_实 %_% \\%",
  "C:\\Users\\客服\\新建文件夹\\",
  "back\\\\slash \\' \\\" \\n \\0",
  "$1 $2 ?1 ? :name @p",
  "/* not a comment */ -- nor this",
  "🥛🐄 牛奶 👍🏽 👨‍👩‍👧",
  "王小明（北京）有限公司 — 〔测试〕「引号」『双』",
  "tab\there and\nnew line\r\nwindows",
  "\u200b zero-width \u200d joiner \u202e RTL override",
  "\xef\xbf\xbd replacement, \xc2\xa0 no-break space, \xe3\x80\x80 ideographic space",
  "NULL",
  "null",
};

static void
test_metacharacters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1380000%04u", i);
      g_autoptr(KefuCustomer) customer = test_new_customer ("客户", phone, NULL);
      g_autoptr(KefuCustomer) read = NULL;
      g_autoptr(KefuProduct) product = kefu_product_new ();
      g_autoptr(GListModel) products = NULL;
      g_autofree char *key = g_strdup_printf ("test.tricky.%u", i);
      g_autofree char *value = NULL;
      /* What is stored is the normal form ("\r\n" as "\n", trimmed), byte for byte. */
      g_autofree char *stored = kefu_text_normalize (tricky[i]);
      /* One-line fields refuse line breaks and tabs; those go to multi-line fields only. */
      gboolean one_line = strpbrk (tricky[i], "\n\t") == NULL;

      g_test_message ("text %u: %s", i, tricky[i]);
      if (one_line)
        {
          kefu_customer_set_name (customer, tricky[i]);
          kefu_customer_set_member_number (customer, i < 3 ? tricky[i] : NULL);
        }
      kefu_customer_set_address (customer, tricky[i]);
      kefu_customer_set_notes (customer, tricky[i]);
      g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
      g_assert_no_error (error);

      read = kefu_store_get_customer (fixture->store, kefu_record_get_id (KEFU_RECORD (customer)),
                                      NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kefu_customer_get_name (read), ==, one_line ? stored : "客户");
      g_assert_cmpstr (kefu_customer_get_address (read), ==, stored);
      g_assert_cmpstr (kefu_customer_get_notes (read), ==, stored);

      if (one_line)
        {
          kefu_product_set_name (product, tricky[i]);
          kefu_product_set_spec (product, tricky[i]);
          g_assert_true (kefu_store_create_product (fixture->store, product, NULL, &error));
          g_assert_no_error (error);
        }

      g_assert_true (kefu_store_set_setting (fixture->store, key, tricky[i], NULL, &error));
      g_assert_no_error (error);
      value = kefu_store_get_setting (fixture->store, key, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, stored);

      products = kefu_store_list_products (fixture->store, FALSE, NULL, &error);
      g_assert_no_error (error);
    }

  /* Every table is still there and holds exactly what was written. */
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customers"), ==,
                   G_N_ELEMENTS (tricky));
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM staff"), ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM events"), >,
                   G_N_ELEMENTS (tricky));

  /* The setting events' details are valid JSON strings even for these texts: spot-check the
   * escaping of the quote, backslash and newline cases. */
  {
    g_autoptr(GListModel) events = kefu_store_list_events (fixture->store, "settings", 0, NULL, &error);
    gboolean seen_escape = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);
        const char *details = kefu_event_get_details (event);

        g_assert_null (strchr (details, '\n'));
        g_assert_null (strchr (details, '\t'));
        if (strstr (details, "\\\"; DELETE FROM events; --") != NULL)
          seen_escape = TRUE;
      }
    g_assert_true (seen_escape);
  }
}

static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *bad[] = { "bell\a", "escape \x1b[31m red", "\x01\x02\x03", "del\x7f" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KefuCustomer) customer = test_new_customer ("客户", "13800000000", NULL);

      /* Control characters cannot be typed into a form: they are refused, with the field named,
       * rather than stored and shown as garbage later. */
      kefu_customer_set_notes (customer, bad[i]);
      g_assert_false (kefu_store_create_customer (fixture->store, customer, NULL, &error));
      g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }

  /* Invalid UTF-8 too. */
  {
    g_autoptr(KefuCustomer) customer = test_new_customer ("客户\xff\xfe", "13800000000", NULL);

    g_assert_false (kefu_store_create_customer (fixture->store, customer, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* A name that is only blanks is no name. */
  {
    g_autoptr(KefuCustomer) customer = test_new_customer (" \xe3\x80\x80 ", "13800000000", NULL);

    g_assert_false (kefu_store_create_customer (fixture->store, customer, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM customers"), ==, 0);
}

/* Text is stored in its normal form: trimmed (also of the ideographic space U+3000 and of a
 * newline pasted after a name), "\r\n" as "\n", NFC; and the caller's record holds what was
 * stored once the write is done. */
static void
test_normalized (Fixture       *fixture,
                 gconstpointer  data)
{
  /* "e" + combining acute accent composes to U+00E9. */
  g_autoptr(KefuCustomer) customer = test_new_customer ("\xe3\x80\x80" "王 伟\n", "13800000000",
                                                        NULL);
  g_autoptr(KefuCustomer) read = NULL;
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(KefuStaff) staff_read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;

  kefu_customer_set_address (customer, "\t北京市朝阳区 Cafe\xcc\x81 \xe3\x80\x80");
  kefu_customer_set_notes (customer, "第一行\r\n第二行\r\n");
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (customer), ==, "王 伟");
  g_assert_cmpstr (kefu_customer_get_address (customer), ==, "北京市朝阳区 Caf\xc3\xa9");
  g_assert_cmpstr (kefu_customer_get_notes (customer), ==, "第一行\n第二行");

  read = kefu_store_get_customer (fixture->store, kefu_record_get_id (KEFU_RECORD (customer)),
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, "王 伟");
  g_assert_cmpstr (kefu_customer_get_address (read), ==, "北京市朝阳区 Caf\xc3\xa9");
  g_assert_cmpstr (kefu_customer_get_notes (read), ==, "第一行\n第二行");

  /* An update too; the text in the middle of a one-line field is still refused. */
  kefu_customer_set_name (customer, " 王伟\t");
  g_assert_true (kefu_store_update_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (customer), ==, "王伟");
  kefu_customer_set_name (customer, "王\t伟");
  g_assert_false (kefu_store_update_customer (fixture->store, customer, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM customers WHERE name = '王伟'"), ==, 1);

  kefu_staff_set_name (staff, "李娜\xe3\x80\x80");
  kefu_staff_set_login (staff, " lina\n");
  kefu_staff_set_role (staff, KEFU_ROLE_CLERK);
  g_assert_true (kefu_store_create_staff (fixture->store, staff, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_staff_get_login (staff), ==, "lina");
  staff_read = kefu_store_get_staff (fixture->store, kefu_record_get_id (KEFU_RECORD (staff)),
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_staff_get_name (staff_read), ==, "李娜");
  g_assert_cmpstr (kefu_staff_get_login (staff_read), ==, "lina");

  g_assert_true (kefu_store_set_setting (fixture->store, "greeting", " 您好\r\n", NULL, &error));
  g_assert_no_error (error);
  setting = kefu_store_get_setting (fixture->store, "greeting", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (setting, ==, "您好");
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *s = g_string_sized_new (strlen (unit) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static void
test_long_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = repeat ("投", KEFU_TEXT_MAX_NOTES);
  g_autofree char *too_long_notes = repeat ("诉", KEFU_TEXT_MAX_NOTES + 1);
  g_autofree char *name = repeat ("名", KEFU_TEXT_MAX_NAME);
  g_autofree char *too_long_name = repeat ("a", KEFU_TEXT_MAX_NAME + 1);
  g_autofree char *huge = NULL;
  g_autofree char *too_huge = NULL;
  g_autofree char *value = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer (name, "13800000000", NULL);
  g_autoptr(KefuCustomer) read = NULL;
  g_autoptr(KefuCustomer) refused = test_new_customer ("客户", "13900000000", NULL);

  /* At the limit: stored and read back whole (4000 Chinese characters are 12000 bytes). */
  kefu_customer_set_notes (customer, notes);
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  read = kefu_store_get_customer (fixture->store, kefu_record_get_id (KEFU_RECORD (customer)),
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_notes (read), ==, notes);
  g_assert_cmpstr (kefu_customer_get_name (read), ==, name);

  /* One character more is refused, with the limit in the reason. */
  kefu_customer_set_notes (refused, too_long_notes);
  g_assert_false (kefu_store_create_customer (fixture->store, refused, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4000") ?: strstr (error->message, "4,000"));
  g_clear_error (&error);
  kefu_customer_set_notes (refused, NULL);
  kefu_customer_set_name (refused, too_long_name);
  g_assert_false (kefu_store_create_customer (fixture->store, refused, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Settings hold long lists (service areas): 100,000 characters, mixed scripts and lines. */
  {
    GString *s = g_string_new (NULL);
    guint chars = 0;

    while (chars < 100000)
      {
        const char *unit = chars % 7 == 6 ? "\n" : chars % 3 == 0 ? "区" : "x";
        g_string_append (s, unit);
        chars++;
      }
    huge = g_string_free (s, FALSE);
  }
  g_assert_cmpint (g_utf8_strlen (huge, -1), ==, 100000);
  g_assert_true (kefu_store_set_setting (fixture->store, "service.areas", huge, NULL, &error));
  g_assert_no_error (error);
  value = kefu_store_get_setting (fixture->store, "service.areas", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (value), ==, strlen (huge));
  g_assert_cmpstr (value, ==, huge);

  too_huge = g_strconcat (huge, "x", NULL);
  g_assert_false (kefu_store_set_setting (fixture->store, "service.areas", too_huge, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&value, g_free);
  value = kefu_store_get_setting (fixture->store, "service.areas", NULL, &error);
  g_assert_cmpstr (value, ==, huge);
}

void
test_store_add_text_tests (void)
{
  TEST_ADD ("text/metacharacters", test_metacharacters);
  TEST_ADD ("text/control-characters", test_control_characters);
  TEST_ADD ("text/long", test_long_text);
  TEST_ADD ("text/normalized", test_normalized);
}
