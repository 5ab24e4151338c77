/* test-customer-import.c: header mapping, and customer CSV files (UTF-8, UTF-8 with BOM, GBK)
 * read into customers, with a reason for every rejected row. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "kefu-csv.h"
#include "kefu-customer-import.h"

typedef struct
{
  GPtrArray *customers;
  GPtrArray *rejections;
} Imported;

static void
imported_clear (Imported *imported)
{
  g_clear_pointer (&imported->customers, g_ptr_array_unref);
  g_clear_pointer (&imported->rejections, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Imported, imported_clear)

/* Parses `bytes` and imports them with the mapping the headers give. */
static void
import_bytes (GBytes   *bytes,
              Imported *imported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) rows = kefu_csv_parse (bytes, NULL, &lines, &error);
  const char * const *header;
  guint n_columns;
  g_autofree KefuImportField *mapping = NULL;

  g_assert_no_error (error);
  header = rows->pdata[0];
  n_columns = g_strv_length ((char **) header);
  mapping = g_new0 (KefuImportField, n_columns);
  for (guint i = 0; i < n_columns; i++)
    mapping[i] = kefu_import_field_for_header (header[i]);

  imported->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_import_rejection_free);
  imported->customers = kefu_customer_import_read (rows, lines, mapping, n_columns,
                                                   imported->rejections);
}

static void
import_text (const char *text,
             Imported   *imported)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  import_bytes (bytes, imported);
}

static KefuCustomer *
customer (Imported *imported,
          guint     i)
{
  g_assert_cmpuint (i, <, imported->customers->len);
  return imported->customers->pdata[i];
}

static KefuImportRejection *
rejection (Imported *imported,
           guint     i)
{
  g_assert_cmpuint (i, <, imported->rejections->len);
  return imported->rejections->pdata[i];
}

static char *
phones_text (KefuCustomer *c)
{
  return g_strjoinv (" ", (char **) kefu_customer_get_phones (c));
}

static void
test_header_mapping (void)
{
  struct { const char *header; KefuImportField field; } cases[] = {
    { "姓名", KEFU_IMPORT_FIELD_NAME },
    { "名称", KEFU_IMPORT_FIELD_NAME },
    { "客户名称", KEFU_IMPORT_FIELD_NAME },
    { " Name ", KEFU_IMPORT_FIELD_NAME },
    { "NAME", KEFU_IMPORT_FIELD_NAME },
    { "ＮＡＭＥ", KEFU_IMPORT_FIELD_NAME },
    { "姓名*", KEFU_IMPORT_FIELD_NAME },
    { "Customer name", KEFU_IMPORT_FIELD_NAME },
    { "phone", KEFU_IMPORT_FIELD_PHONE },
    { "Phone Number", KEFU_IMPORT_FIELD_PHONE },
    { "电话", KEFU_IMPORT_FIELD_PHONE },
    { "联系电话", KEFU_IMPORT_FIELD_PHONE },
    { "手机", KEFU_IMPORT_FIELD_PHONE },
    { "手机号码:", KEFU_IMPORT_FIELD_PHONE },
    { "address", KEFU_IMPORT_FIELD_ADDRESS },
    { "地址", KEFU_IMPORT_FIELD_ADDRESS },
    { "联系地址", KEFU_IMPORT_FIELD_ADDRESS },
    { "District", KEFU_IMPORT_FIELD_DISTRICT },
    { "区县", KEFU_IMPORT_FIELD_DISTRICT },
    { "区域", KEFU_IMPORT_FIELD_DISTRICT },
    { "member", KEFU_IMPORT_FIELD_MEMBER },
    { "会员", KEFU_IMPORT_FIELD_MEMBER },
    { "是否会员", KEFU_IMPORT_FIELD_MEMBER },
    { "Member number", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
    { "member_number", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
    { "Member No.", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
    { "会员号", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
    { "会员编号", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
    { "channel", KEFU_IMPORT_FIELD_CHANNEL },
    { "渠道", KEFU_IMPORT_FIELD_CHANNEL },
    { "notes", KEFU_IMPORT_FIELD_NOTES },
    { "备注", KEFU_IMPORT_FIELD_NOTES },
    { "生日", KEFU_IMPORT_FIELD_IGNORE },
    { "email", KEFU_IMPORT_FIELD_IGNORE },
    { "", KEFU_IMPORT_FIELD_IGNORE },
    { NULL, KEFU_IMPORT_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpint (kefu_import_field_for_header (cases[i].header), ==, cases[i].field);
    }

  for (KefuImportField f = KEFU_IMPORT_FIELD_IGNORE; f < KEFU_IMPORT_N_FIELDS; f++)
    g_assert_cmpstr (kefu_import_field_get_display_name (f), !=, "");
  g_assert_cmpstr (kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_MEMBER_NUMBER), ==,
                   "Member number");
}

/* A file with good rows and one bad row of each kind, as Excel would save it. */
static const char mixed_file[] =
  "姓名,电话,地址,区县,会员,会员编号,渠道,备注\r\n"
  "张三,13800138000,北京市朝阳区建国路88号,朝阳区,是,M001,入户,\r\n"
  "李四,138 0013 8001 / (010) 8765-4321,上海,,否,,零售,\"备注, 有逗号\"\r\n"
  ",13800138002,,,,,,\r\n"
  "王五,12345,,,,,,\r\n"
  "赵六,+86 138-0013-8000,,,,,,\r\n"
  "孙七,13800138003,,,maybe,,,\r\n"
  "周八,13800138004,,,,,bike,\r\n"
  ",,,,,,,\r\n"
  "吴九,,,,,,,\"两行\r\n备注\"\r\n"
  "郑十,13800138005;13900139005、13700137005,,,Y,,supermarket,\r\n";

static void
check_mixed (Imported *imported)
{
  KefuCustomer *zhang, *li, *zheng;
  g_autofree char *li_phones = NULL;
  g_autofree char *zheng_phones = NULL;

  g_assert_cmpuint (imported->customers->len, ==, 3);
  zhang = customer (imported, 0);
  g_assert_cmpstr (kefu_customer_get_name (zhang), ==, "张三");
  g_assert_cmpstr (kefu_customer_get_primary_phone (zhang), ==, "13800138000");
  g_assert_cmpstr (kefu_customer_get_address (zhang), ==, "北京市朝阳区建国路88号");
  g_assert_cmpstr (kefu_customer_get_district (zhang), ==, "朝阳区");
  g_assert_true (kefu_customer_get_is_member (zhang));
  g_assert_cmpstr (kefu_customer_get_member_number (zhang), ==, "M001");
  g_assert_cmpint (kefu_customer_get_channel (zhang), ==, KEFU_CHANNEL_HOME_DELIVERY);

  li = customer (imported, 1);
  li_phones = phones_text (li);
  g_assert_cmpstr (li_phones, ==, "13800138001 01087654321");
  g_assert_false (kefu_customer_get_is_member (li));
  g_assert_cmpint (kefu_customer_get_channel (li), ==, KEFU_CHANNEL_RETAIL);
  g_assert_cmpstr (kefu_customer_get_notes (li), ==, "备注, 有逗号");

  zheng = customer (imported, 2);
  zheng_phones = phones_text (zheng);
  g_assert_cmpstr (zheng_phones, ==, "13800138005 13900139005 13700137005");
  g_assert_true (kefu_customer_get_is_member (zheng));
  g_assert_cmpint (kefu_customer_get_channel (zheng), ==, KEFU_CHANNEL_SUPERMARKET);

  /* Rows count from the first data row; the blank row is not reported; 吴九's row starts on
   * line 10 and spans two lines. */
  g_assert_cmpuint (imported->rejections->len, ==, 6);
  g_assert_cmpuint (rejection (imported, 0)->row, ==, 3);
  g_assert_cmpuint (rejection (imported, 0)->line, ==, 4);
  g_assert_nonnull (strstr (rejection (imported, 0)->reason, "“Name” is required"));

  g_assert_cmpuint (rejection (imported, 1)->row, ==, 4);
  g_assert_nonnull (strstr (rejection (imported, 1)->reason, "Phone “12345”"));

  /* The same number typed another way is still the same number. */
  g_assert_cmpuint (rejection (imported, 2)->row, ==, 5);
  g_assert_cmpstr (rejection (imported, 2)->reason, ==, "Same phone 13800138000 as row 1.");

  g_assert_cmpuint (rejection (imported, 3)->row, ==, 6);
  g_assert_nonnull (strstr (rejection (imported, 3)->reason, "Member “maybe”"));

  g_assert_cmpuint (rejection (imported, 4)->row, ==, 7);
  g_assert_nonnull (strstr (rejection (imported, 4)->reason, "Channel “bike”"));

  g_assert_cmpuint (rejection (imported, 5)->row, ==, 9);
  g_assert_cmpuint (rejection (imported, 5)->line, ==, 10);
  g_assert_nonnull (strstr (rejection (imported, 5)->reason, "No phone number"));
}

static void
test_utf8 (void)
{
  g_auto(Imported) imported = { NULL, NULL };

  import_text (mixed_file, &imported);
  check_mixed (&imported);
}

static void
test_utf8_bom (void)
{
  g_auto(Imported) imported = { NULL, NULL };
  g_autofree char *text = g_strconcat (KEFU_CSV_BOM, mixed_file, NULL);

  import_text (text, &imported);
  check_mixed (&imported);
}

static void
test_gbk (void)
{
  g_auto(Imported) imported = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  gsize length;
  char *gbk = g_convert (mixed_file, -1, "GBK", "UTF-8", NULL, &length, &error);
  g_autoptr(GBytes) bytes = NULL;
  KefuCsvEncoding encoding;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gbk, length, NULL));
  bytes = g_bytes_new_take (gbk, length);

  rows = kefu_csv_parse (bytes, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, KEFU_CSV_ENCODING_GB18030);

  import_bytes (bytes, &imported);
  check_mixed (&imported);
}

static void
test_small_gbk (void)
{
  g_auto(Imported) imported = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  gsize length;
  char *gbk = g_convert ("姓名,电话\r\n张三,13800138000\r\n", -1, "GBK", "UTF-8", NULL, &length,
                         &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = g_bytes_new_take (gbk, length);
  import_bytes (bytes, &imported);
  g_assert_cmpuint (imported.customers->len, ==, 1);
  g_assert_cmpuint (imported.rejections->len, ==, 0);
  g_assert_cmpstr (kefu_customer_get_name (customer (&imported, 0)), ==, "张三");
  g_assert_cmpstr (kefu_customer_get_primary_phone (customer (&imported, 0)), ==, "13800138000");
}

static void
test_columns (void)
{
  g_auto(Imported) imported = { NULL, NULL };
  g_autofree char *numbers = NULL;
  g_autofree char *second = NULL;

  /* Two phone columns; an unknown column; a short row and a long row. */
  import_text ("Name,Phone,Mobile,Birthday,Channel,Member\n"
               "  Wang Fang ,010-87654321,13900139000,1990-01-01,home-delivery,true\n"
               "Li Na,,13900139001\n"
               "Zhao Lei,13900139002,,,Home Delivery,no,extra,cells\n",
               &imported);

  g_assert_cmpuint (imported.rejections->len, ==, 0);
  g_assert_cmpuint (imported.customers->len, ==, 3);
  /* Text is stored normalised (trimmed). */
  g_assert_cmpstr (kefu_customer_get_name (customer (&imported, 0)), ==, "Wang Fang");
  numbers = phones_text (customer (&imported, 0));
  g_assert_cmpstr (numbers, ==, "01087654321 13900139000");
  g_assert_true (kefu_customer_get_is_member (customer (&imported, 0)));
  g_assert_cmpint (kefu_customer_get_channel (customer (&imported, 0)), ==,
                   KEFU_CHANNEL_HOME_DELIVERY);
  second = phones_text (customer (&imported, 1));
  g_assert_cmpstr (second, ==, "13900139001");
  g_assert_cmpint (kefu_customer_get_channel (customer (&imported, 1)), ==,
                   KEFU_CHANNEL_UNSPECIFIED);
  g_assert_cmpint (kefu_customer_get_channel (customer (&imported, 2)), ==,
                   KEFU_CHANNEL_HOME_DELIVERY);
  g_assert_false (kefu_customer_get_is_member (customer (&imported, 2)));
}

static void
test_member_words (void)
{
  const char *yes[] = { "是", "yes", "Y", "1", "TRUE", "会员", "√" };
  const char *no[] = { "否", "No", "n", "0", "false", "非会员", " " };

  for (guint i = 0; i < G_N_ELEMENTS (yes) + G_N_ELEMENTS (no); i++)
    {
      gboolean expect_yes = i < G_N_ELEMENTS (yes);
      const char *word = expect_yes ? yes[i] : no[i - G_N_ELEMENTS (yes)];
      g_autofree char *text = g_strdup_printf ("姓名,电话,会员\n张三,13800138000,%s\n", word);
      g_auto(Imported) imported = { NULL, NULL };

      g_test_message ("member “%s”", word);
      import_text (text, &imported);
      g_assert_cmpuint (imported.customers->len, ==, 1);
      g_assert_cmpint (kefu_customer_get_is_member (customer (&imported, 0)), ==, expect_yes);
    }
}

static void
test_limits (void)
{
  g_auto(Imported) imported = { NULL, NULL };
  g_autofree char *long_name = g_strnfill (101, 'x');
  g_autofree char *long_member = g_strnfill (33, '9');
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 11; i++)
    g_string_append_printf (many, "%s1380013810%u", i > 0 ? "/" : "", i % 10);
  /* Ten distinct numbers and a repeat of the first: ten, which is allowed. */
  g_string_append (many, "");
  text = g_strdup_printf ("姓名,电话,会员编号\n"
                          "%s,13800138000,\n"
                          "张三,13800138001,%s\n"
                          "李四,%s,\n"
                          "王五,13800138100/13800138111/13800138112/13800138113/13800138114/"
                          "13800138115/13800138116/13800138117/13800138118/13800138119/"
                          "13800138120,\n"
                          "赵六,13800138000 13900139000,\n",
                          long_name, long_member, many->str);
  import_text (text, &imported);

  g_assert_cmpuint (imported.rejections->len, ==, 3);
  g_assert_cmpuint (rejection (&imported, 0)->row, ==, 1);
  g_assert_nonnull (strstr (rejection (&imported, 0)->reason, "at most 100 characters"));
  g_assert_cmpuint (rejection (&imported, 1)->row, ==, 2);
  g_assert_nonnull (strstr (rejection (&imported, 1)->reason, "Member number"));
  g_assert_cmpuint (rejection (&imported, 2)->row, ==, 4);
  g_assert_nonnull (strstr (rejection (&imported, 2)->reason, "11 phone numbers"));

  /* Ten numbers (one typed twice) are fine; numbers may be separated by a space. */
  g_assert_cmpuint (imported.customers->len, ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) kefu_customer_get_phones (customer (&imported, 0))),
                    ==, 10);
  g_assert_cmpstr (kefu_customer_get_name (customer (&imported, 1)), ==, "赵六");
  g_assert_cmpuint (g_strv_length ((char **) kefu_customer_get_phones (customer (&imported, 1))),
                    ==, 2);
}

static void
test_several_reasons (void)
{
  g_auto(Imported) imported = { NULL, NULL };

  /* Every problem of a row is reported at once, so the file is fixed in one go. */
  import_text ("姓名,电话,会员,渠道\n,12345,maybe,bike\n", &imported);
  g_assert_cmpuint (imported.customers->len, ==, 0);
  g_assert_cmpuint (imported.rejections->len, ==, 1);
  g_assert_cmpuint (rejection (&imported, 0)->line, ==, 2);
  g_assert_nonnull (strstr (rejection (&imported, 0)->reason, "“Name” is required"));
  g_assert_nonnull (strstr (rejection (&imported, 0)->reason, "; Phone “12345”"));
  g_assert_nonnull (strstr (rejection (&imported, 0)->reason, "; Member “maybe”"));
  g_assert_nonnull (strstr (rejection (&imported, 0)->reason, "; Channel “bike”"));
  /* A bad number is not also reported as a missing one. */
  g_assert_null (strstr (rejection (&imported, 0)->reason, "No phone number"));
}

static void
test_rejected_row_frees_phone (void)
{
  g_auto(Imported) imported = { NULL, NULL };

  /* A rejected row does not claim its number: the later, valid row with it is imported. */
  import_text ("姓名,电话,渠道\n张三,13800138000,bike\n张三,13800138000,零售\n", &imported);
  g_assert_cmpuint (imported.rejections->len, ==, 1);
  g_assert_cmpuint (imported.customers->len, ==, 1);
  g_assert_cmpint (kefu_customer_get_channel (customer (&imported, 0)), ==, KEFU_CHANNEL_RETAIL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/customer-import/header-mapping", test_header_mapping);
  g_test_add_func ("/kefu/customer-import/utf8", test_utf8);
  g_test_add_func ("/kefu/customer-import/utf8-bom", test_utf8_bom);
  g_test_add_func ("/kefu/customer-import/gbk", test_gbk);
  g_test_add_func ("/kefu/customer-import/small-gbk", test_small_gbk);
  g_test_add_func ("/kefu/customer-import/columns", test_columns);
  g_test_add_func ("/kefu/customer-import/member-words", test_member_words);
  g_test_add_func ("/kefu/customer-import/limits", test_limits);
  g_test_add_func ("/kefu/customer-import/several-reasons", test_several_reasons);
  g_test_add_func ("/kefu/customer-import/rejected-row-frees-phone", test_rejected_row_frees_phone);

  return g_test_run ();
}
