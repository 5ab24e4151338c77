/* test-kefuctl-import.c: `kefuctl import customers` and `kefuctl export customers` run as a
 * subprocess, as an administrator would, on SQLite and on the throwaway PostgreSQL server: files
 * in UTF-8, UTF-8 with a byte-order mark and GBK (as Excel writes them on Chinese Windows), with
 * rows that must be rejected, duplicates skipped or merged, a dry run, files that cannot be
 * read, and an export that imports again.
 *
 * The path of kefuctl comes from meson as the first argument (or $KEFUCTL).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "store/kefu-store.h"
#include "kefu-test-pg.h"
#include "kefuctl-test.h"

typedef struct
{
  char *dir;
  char *location;  /* the database */
  char *option;    /* --database=… or --server=… */
} Fixture;

static void
assert_success (Run *run)
{
  if (run->status != 0)
    g_error ("kefuctl failed with status %d: %s", run->status, run->err);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) init = { 0 };

  fixture->dir = g_dir_make_tmp ("kefuctl-import-XXXXXX", &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data) == BACKEND_POSTGRES)
    {
      fixture->location = kefu_test_pg_new_database ();
      fixture->option = g_strdup_printf ("--server=%s", fixture->location);
    }
  else
    {
      fixture->location = g_build_filename (fixture->dir, "kefu.db", NULL);
      fixture->option = g_strdup_printf ("--database=%s", fixture->location);
    }
  run_kefuctl (fixture, &init, fixture->option, "init");
  assert_success (&init);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
  g_free (fixture->option);
}

/* Writes `text` (UTF-8) to a file of the fixture, as UTF-8, UTF-8 with a BOM or GBK bytes. */
typedef enum
{
  WRITE_UTF8,
  WRITE_UTF8_BOM,
  WRITE_GBK,
} Encoding;

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text,
            Encoding    encoding)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (encoding == WRITE_GBK)
    {
      bytes = g_convert (text, -1, "GBK", "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
      /* Really not UTF-8, as a file from Excel on Chinese Windows. */
      g_assert_false (g_utf8_validate (bytes, (gssize) length, NULL));
    }
  else
    {
      bytes = g_strconcat (encoding == WRITE_UTF8_BOM ? "\xEF\xBB\xBF" : "", text, NULL);
      length = strlen (bytes);
    }
  g_file_set_contents (path, bytes, (gssize) length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static KefuStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KefuStore *store = kefu_store_open (fixture->location, NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* The one customer found by `query`, or NULL when none. */
static KefuCustomer *
find_one (KefuStore  *store,
          const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = kefu_store_search_customers (store, query, 10, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), <=, 1);
  return g_list_model_get_n_items (found) == 1 ? g_list_model_get_item (found, 0) : NULL;
}

/* A file as a Chinese office writes it: Chinese headers, an extra column, a phone with
 * separators, two numbers in one cell, an address over two lines, and four bad rows. */
static const char chinese_file[] =
  "姓名,联系电话,联系地址,区县,是否会员,渠道,备注,客户来源\r\n"
  "张三,138 1234 5678,北京市朝阳区建国路1号,朝阳区,是,入户,老客户,展会\r\n"
  "李四,12345,北京市海淀区,海淀区,否,零售,,\r\n"
  "王五,13912345678/010-87654321,\"北京市西城区\r\n金融街2号\",西城区,否,卖场,,\r\n"
  ",13700000001,无名氏地址,,,,,\r\n"
  "赵六,13812345678,,,,,,\r\n"
  "孙七,13600000002,,,也许,,,\r\n"
  "周八,+86 135-0000-0003,,,,超市,,\r\n";

static void
assert_chinese_file_imported (Fixture *fixture,
                              Run     *run)
{
  g_autoptr(KefuStore) store = open_store (fixture);
  g_autoptr(KefuCustomer) zhang = NULL;
  g_autoptr(KefuCustomer) wang = NULL;
  g_autoptr(KefuCustomer) zhou = NULL;
  g_autoptr(GError) error = NULL;

  assert_success (run);
  /* Every bad row with its row number, file line and reason; then the counts. */
  g_assert_nonnull (strstr (run->out, "Row 2 (line 3) rejected: Phone “12345”"));
  g_assert_nonnull (strstr (run->out, "Row 4 (line 6) rejected:"));
  g_assert_nonnull (strstr (run->out, "Row 5 (line 7) rejected: Same phone 13812345678 as row 1"));
  g_assert_nonnull (strstr (run->out, "Row 6 (line 8) rejected: Member “也许”"));
  g_assert_nonnull (strstr (run->out, "“客户来源”"));
  g_assert_nonnull (strstr (run->out, "Imported. New customers: 3; merged: 0; skipped: 0; "
                                      "rows rejected: 4."));

  g_assert_cmpint (kefu_store_count_customers (store, NULL, &error), ==, 3);
  zhang = find_one (store, "13812345678");
  g_assert_nonnull (zhang);
  g_assert_cmpstr (kefu_customer_get_name (zhang), ==, "张三");
  g_assert_cmpstr (kefu_customer_get_district (zhang), ==, "朝阳区");
  g_assert_true (kefu_customer_get_is_member (zhang));
  g_assert_cmpint (kefu_customer_get_channel (zhang), ==, KEFU_CHANNEL_HOME_DELIVERY);
  g_assert_cmpstr (kefu_customer_get_notes (zhang), ==, "老客户");
  wang = find_one (store, "王五");
  g_assert_nonnull (wang);
  g_assert_cmpstr (kefu_customer_get_address (wang), ==, "北京市西城区\n金融街2号");
  g_assert_cmpuint (g_strv_length ((char **) kefu_customer_get_phones (wang)), ==, 2);
  g_assert_cmpstr (kefu_customer_get_phones (wang)[1], ==, "01087654321");
  zhou = find_one (store, "13500000003");
  g_assert_nonnull (zhou);
  g_assert_cmpint (kefu_customer_get_channel (zhou), ==, KEFU_CHANNEL_SUPERMARKET);
}

static void
test_utf8 (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", chinese_file, WRITE_UTF8);
  g_auto(Run) run = { 0 };

  run_kefuctl (fixture, &run, fixture->option, "import", "customers", path);
  g_assert_nonnull (strstr (run.out, "(UTF-8)"));
  assert_chinese_file_imported (fixture, &run);
}

static void
test_utf8_bom (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", chinese_file, WRITE_UTF8_BOM);
  g_auto(Run) run = { 0 };

  run_kefuctl (fixture, &run, "import", "customers", path, fixture->option);
  g_assert_nonnull (strstr (run.out, "byte-order mark"));
  assert_chinese_file_imported (fixture, &run);
}

static void
test_gbk (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "customers.csv", chinese_file, WRITE_GBK);
  g_auto(Run) run = { 0 };

  run_kefuctl (fixture, &run, fixture->option, "import", "customers", path);
  g_assert_nonnull (strstr (run.out, "GBK"));
  assert_chinese_file_imported (fixture, &run);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = write_file (fixture, "first.csv",
                                       "name,phone,address\n"
                                       "Wang Wei,13800000001,Old Street 1\n"
                                       "Li Na,13800000002,\n", WRITE_UTF8);
  g_autofree char *second = write_file (fixture, "second.csv",
                                        "Name,Phone,District,Notes\n"
                                        "Wang Weiwei,13800000001 13900000009,Chaoyang,VIP\n"
                                        "Zhao Min,13800000003,,\n", WRITE_UTF8);
  g_auto(Run) run = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) skip = { 0 };
  g_auto(Run) merge = { 0 };

  run_kefuctl (fixture, &run, fixture->option, "import", "customers", first);
  assert_success (&run);

  /* A dry run says what would happen and changes nothing. */
  run_kefuctl (fixture, &dry, fixture->option, "import", "customers", second, "--dry-run",
               "--merge");
  assert_success (&dry);
  g_assert_nonnull (strstr (dry.out, "New customers: 1; stored customers to merge: 1; "
                                     "rows rejected: 0."));
  {
    g_autoptr(KefuStore) store = open_store (fixture);

    g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 2);
  }

  run_kefuctl (fixture, &skip, fixture->option, "import", "customers", second);
  assert_success (&skip);
  g_assert_nonnull (strstr (skip.out, "New customers: 1; merged: 0; skipped: 1;"));
  {
    g_autoptr(KefuStore) store = open_store (fixture);
    g_autoptr(KefuCustomer) wang = find_one (store, "13800000001");

    g_assert_cmpstr (kefu_customer_get_name (wang), ==, "Wang Wei");
    g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 3);
  }

  run_kefuctl (fixture, &merge, fixture->option, "import", "customers", second, "--merge");
  assert_success (&merge);
  g_assert_nonnull (strstr (merge.out, "New customers: 0; merged: 2; skipped: 0;"));
  {
    g_autoptr(KefuStore) store = open_store (fixture);
    g_autoptr(KefuCustomer) wang = find_one (store, "13800000001");

    g_assert_cmpstr (kefu_customer_get_name (wang), ==, "Wang Weiwei");
    g_assert_cmpstr (kefu_customer_get_address (wang), ==, "Old Street 1");
    g_assert_cmpstr (kefu_customer_get_district (wang), ==, "Chaoyang");
    g_assert_cmpstr (kefu_customer_get_notes (wang), ==, "VIP");
    g_assert_cmpuint (g_strv_length ((char **) kefu_customer_get_phones (wang)), ==, 2);
    g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 3);
  }
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autofree char *unterminated = write_file (fixture, "broken.csv",
                                              "name,phone\n\"Wang Wei,13800000001\n",
                                              WRITE_UTF8);
  g_autofree char *no_phone = write_file (fixture, "nophone.csv", "姓名,地址\n张三,北京\n",
                                          WRITE_UTF8);
  g_autofree char *empty = write_file (fixture, "empty.csv", "", WRITE_UTF8);
  const char *const files[] = { missing, unterminated, no_phone, empty };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Run) run = { 0 };

      run_kefuctl (fixture, &run, fixture->option, "import", "customers", files[i]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (strlen (g_strstrip (run.err)), >, 20);
      g_assert_null (strstr (run.err, "CRITICAL"));
    }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, fixture->option, "import", "customers", no_phone);
    g_assert_nonnull (strstr (run.err, "Phone"));
  }

  /* A wrong command line is status 2. */
  {
    g_auto(Run) none = { 0 };
    g_auto(Run) no_file = { 0 };
    g_auto(Run) both = { 0 };
    g_auto(Run) extra = { 0 };

    run_kefuctl (fixture, &none, fixture->option, "import");
    g_assert_cmpint (none.status, ==, 2);
    run_kefuctl (fixture, &no_file, fixture->option, "import", "customers");
    g_assert_cmpint (no_file.status, ==, 2);
    run_kefuctl (fixture, &both, fixture->option, "import", "customers", no_phone, "--merge",
                 "--skip");
    g_assert_cmpint (both.status, ==, 2);
    run_kefuctl (fixture, &extra, fixture->option, "export", "customers", "a.csv", "b.csv");
    g_assert_cmpint (extra.status, ==, 2);
  }
  {
    g_autoptr(KefuStore) store = open_store (fixture);

    g_assert_cmpint (kefu_store_count_customers (store, NULL, NULL), ==, 0);
  }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *source = write_file (fixture, "customers.csv", chinese_file, WRITE_GBK);
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *second_db = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *second_option = g_strdup_printf ("--database=%s", second_db);
  g_autoptr(GError) error = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(GStrv) lines = NULL;
  gsize length;

  /* A note a spreadsheet would run as a formula. */
  {
    g_autofree char *guarded = write_file (fixture, "formula.csv",
                                           "姓名,电话,备注\n"
                                           "钱九,13300000009,\"=HYPERLINK(\"\"x\"\")\"\n",
                                           WRITE_UTF8);
    g_auto(Run) formula = { 0 };

    run_kefuctl (fixture, &formula, fixture->option, "import", "customers", guarded);
    assert_success (&formula);
  }
  run_kefuctl (fixture, &import, fixture->option, "import", "customers", source);
  assert_success (&import);

  run_kefuctl (fixture, &export, fixture->option, "export", "customers", exported);
  assert_success (&export);
  g_assert_nonnull (strstr (export.out, "Exported 4 customers"));

  g_file_get_contents (exported, &contents, &length, &error);
  g_assert_no_error (error);
  /* UTF-8 with a byte-order mark, CRLF, the import's headers, by name, formulas guarded. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Name,Phone,Address,District,Member,"));
  g_assert_true (g_utf8_validate (contents, (gssize) length, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* Header, four customers (王五's address spans a line inside quotes), and the final "". */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[1], "周八,13500000003,"));
  g_assert_true (g_str_has_prefix (lines[2], "张三,13812345678,北京市朝阳区建国路1号,朝阳区,yes,"));
  g_assert_true (g_str_has_prefix (lines[3], "王五,13912345678/01087654321,\"北京市西城区\n"));
  g_assert_true (g_str_has_prefix (lines[4], "钱九,13300000009,"));
  g_assert_nonnull (strstr (lines[4], "\"'=HYPERLINK(\"\"x\"\")\""));
  g_assert_cmpstr (lines[5], ==, "");

  /* The export imports again, into another database, as the same customers. */
  run_kefuctl (fixture, &init, second_option, "init");
  assert_success (&init);
  run_kefuctl (fixture, &again, second_option, "import", "customers", exported);
  assert_success (&again);
  g_assert_nonnull (strstr (again.out, "New customers: 4; merged: 0; skipped: 0; "
                                       "rows rejected: 0."));
  {
    g_autoptr(KefuStore) store = kefu_store_open (second_db, NULL, &error);
    g_autoptr(KefuCustomer) zhang = NULL;
    g_autoptr(KefuCustomer) qian = NULL;

    g_assert_no_error (error);
    zhang = find_one (store, "张三");
    g_assert_nonnull (zhang);
    g_assert_true (kefu_customer_get_is_member (zhang));
    g_assert_cmpint (kefu_customer_get_channel (zhang), ==, KEFU_CHANNEL_HOME_DELIVERY);
    g_assert_cmpstr (kefu_customer_get_district (zhang), ==, "朝阳区");
    qian = find_one (store, "钱九");
    g_assert_nonnull (qian);
    /* The reader keeps the guard's apostrophe, as a spreadsheet's text cell would. */
    g_assert_true (g_str_has_suffix (kefu_customer_get_notes (qian), "=HYPERLINK(\"x\")"));
  }
}

int
main (int    argc,
      char **argv)
{
  /* meson passes kefuctl's path first. */
  kefuctl_test_init (&argc, &argv);

#define ADD(path, func, backend) \
  g_test_add (path, Fixture, GINT_TO_POINTER (backend), fixture_set_up, func, fixture_tear_down)

  ADD ("/kefu/kefuctl-import/sqlite/utf8", test_utf8, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl-import/sqlite/utf8-bom", test_utf8_bom, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl-import/sqlite/gbk", test_gbk, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl-import/sqlite/duplicates", test_duplicates, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl-import/sqlite/unreadable", test_unreadable, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl-import/sqlite/export", test_export, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl-import/postgres/utf8", test_utf8, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl-import/postgres/gbk", test_gbk, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl-import/postgres/duplicates", test_duplicates, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl-import/postgres/export", test_export, BACKEND_POSTGRES);

#undef ADD

  return g_test_run ();
}
