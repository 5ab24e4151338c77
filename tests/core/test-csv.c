/* test-csv.c: decoding (UTF-8, UTF-8 with BOM, GBK/GB18030), RFC 4180 parsing with line
 * numbers, and the writer's quoting and formula guard. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "kefu-csv.h"

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* `utf8` in GBK, as Excel on Chinese Windows saves it. */
static GBytes *
gbk_bytes_of (const char *utf8,
              const char *charset)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  /* The point of the test: these bytes are not UTF-8. */
  g_assert_false (g_utf8_validate_len (converted, length, NULL));
  return g_bytes_new_take (converted, length);
}

/* The rows as "a|b\nc|d\n", to compare whole files at once. */
static char *
rows_text (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *joined = g_strjoinv ("|", rows->pdata[i]);

      g_string_append_printf (out, "%s\n", joined);
    }
  return g_string_free (out, FALSE);
}

static char *
lines_text (GArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? " " : "", g_array_index (lines, guint, i));
  return g_string_free (out, FALSE);
}

static void
assert_parse (GBytes          *bytes,
              KefuCsvEncoding  expected_encoding,
              const char      *expected_rows,
              const char      *expected_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  KefuCsvEncoding encoding = 99;
  g_autoptr(GPtrArray) rows = kefu_csv_parse (bytes, &encoding, &lines, &error);
  g_autofree char *text = NULL;
  g_autofree char *line_text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpint (encoding, ==, expected_encoding);
  text = rows_text (rows);
  g_assert_cmpstr (text, ==, expected_rows);
  g_assert_cmpuint (lines->len, ==, rows->len);
  line_text = lines_text (lines);
  g_assert_cmpstr (line_text, ==, expected_lines);
}

static void
assert_parse_error (GBytes     *bytes,
                    int         code,
                    const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) rows = kefu_csv_parse (bytes, NULL, &lines, &error);

  g_assert_null (rows);
  g_assert_null (lines);
  g_assert_error (error, KEFU_CSV_ERROR, code);
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_encodings (void)
{
  const char *text = "姓名,电话\r\n张三,13800138000\r\n";
  g_autoptr(GBytes) utf8 = bytes_of (text);
  g_autofree char *with_bom = g_strconcat (KEFU_CSV_BOM, text, NULL);
  g_autoptr(GBytes) bom = bytes_of (with_bom);
  g_autoptr(GBytes) gbk = gbk_bytes_of (text, "GBK");
  /* 𠮷 (U+20BB7) is outside GBK: GB18030 writes it in four bytes. */
  g_autoptr(GBytes) gb18030 = gbk_bytes_of ("姓名,电话\n吉𠮷,13800138000\n", "GB18030");
  const char *expected = "姓名|电话\n张三|13800138000\n";

  assert_parse (utf8, KEFU_CSV_ENCODING_UTF8, expected, "1 2");
  assert_parse (bom, KEFU_CSV_ENCODING_UTF8_BOM, expected, "1 2");
  assert_parse (gbk, KEFU_CSV_ENCODING_GB18030, expected, "1 2");
  assert_parse (gb18030, KEFU_CSV_ENCODING_GB18030, "姓名|电话\n吉𠮷|13800138000\n", "1 2");

  /* The header's first cell must not keep the BOM. */
  {
    g_autoptr(GPtrArray) rows = kefu_csv_parse (bom, NULL, NULL, NULL);

    g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "姓名");
  }
}

static void
test_bad_encodings (void)
{
  g_autoptr(GBytes) neither = g_bytes_new_static ("name\n\x80\x80\xff\n", 9);
  g_autoptr(GBytes) bad_bom = g_bytes_new_static (KEFU_CSV_BOM "name\n\xd5\xc5\n", 10);
  g_autoptr(GBytes) binary = g_bytes_new_static ("PK\x03\x04\0\0name", 10);

  assert_parse_error (neither, KEFU_CSV_ERROR_ENCODING, "GBK");
  assert_parse_error (bad_bom, KEFU_CSV_ERROR_ENCODING, "UTF-8");
  assert_parse_error (binary, KEFU_CSV_ERROR_ENCODING, "not a CSV");
}

static void
test_quoting (void)
{
  g_autoptr(GBytes) quoted = bytes_of ("a,b,c\n"
                                       "\"北京市,朝阳区\",\"他说\"\"好\"\"\",plain\n"
                                       "\"two\r\nlines\",\"\",x\n"
                                       "last,row,here");

  assert_parse (quoted, KEFU_CSV_ENCODING_UTF8,
                "a|b|c\n"
                "北京市,朝阳区|他说\"好\"|plain\n"
                "two\r\nlines||x\n"
                "last|row|here\n",
                "1 2 3 5");
}

static void
test_line_ends (void)
{
  g_autoptr(GBytes) lf = bytes_of ("h1,h2\n1,2\n3,4\n");
  g_autoptr(GBytes) crlf = bytes_of ("h1,h2\r\n1,2\r\n3,4\r\n");
  g_autoptr(GBytes) cr = bytes_of ("h1,h2\r1,2\r3,4\r");
  g_autoptr(GBytes) mixed = bytes_of ("h1,h2\r\n1,2\n3,4");
  g_autoptr(GBytes) blank_lines = bytes_of ("h1,h2\n\n1,2\r\n\r\n\n3,4\n\n");
  const char *expected = "h1|h2\n1|2\n3|4\n";

  assert_parse (lf, KEFU_CSV_ENCODING_UTF8, expected, "1 2 3");
  assert_parse (crlf, KEFU_CSV_ENCODING_UTF8, expected, "1 2 3");
  assert_parse (cr, KEFU_CSV_ENCODING_UTF8, expected, "1 2 3");
  assert_parse (mixed, KEFU_CSV_ENCODING_UTF8, expected, "1 2 3");
  /* Blank lines hold no row, but still count as lines. */
  assert_parse (blank_lines, KEFU_CSV_ENCODING_UTF8, expected, "1 3 6");
}

static void
test_lenient (void)
{
  /* Rows of different lengths are kept as they are (the importer decides); a quote inside an
   * unquoted field, or text after a closing quote, is kept as Excel keeps it. */
  g_autoptr(GBytes) ragged = bytes_of ("a,b,c\n1\n1,2,3,4\nab\"c,\"q\"tail,\n");

  assert_parse (ragged, KEFU_CSV_ENCODING_UTF8, "a|b|c\n1\n1|2|3|4\nab\"c|qtail|\n", "1 2 3 4");
}

static void
test_errors (void)
{
  g_autoptr(GBytes) empty = bytes_of ("");
  g_autoptr(GBytes) only_bom = bytes_of (KEFU_CSV_BOM);
  g_autoptr(GBytes) only_blank = bytes_of ("\r\n\n");
  g_autoptr(GBytes) unterminated = bytes_of ("a,b\n1,2\n3,\"open\nstill open\n");

  assert_parse_error (empty, KEFU_CSV_ERROR_EMPTY, NULL);
  assert_parse_error (only_bom, KEFU_CSV_ERROR_EMPTY, NULL);
  assert_parse_error (only_blank, KEFU_CSV_ERROR_EMPTY, NULL);
  assert_parse_error (unterminated, KEFU_CSV_ERROR_SYNTAX, "line 3");
}

static void
test_too_many_rows (void)
{
  g_autoptr(GString) text = g_string_sized_new (2 * (KEFU_CSV_MAX_ROWS + 1));
  g_autoptr(GBytes) bytes = NULL;

  if (!g_test_slow ())
    {
      g_test_skip ("builds a file of two million rows; run with -m slow");
      return;
    }

  for (guint i = 0; i <= KEFU_CSV_MAX_ROWS; i++)
    g_string_append (text, "a\n");
  bytes = g_bytes_new (text->str, text->len);
  assert_parse_error (bytes, KEFU_CSV_ERROR_TOO_LARGE, NULL);
}

static void
test_writer (void)
{
  g_autoptr(GString) out = g_string_new (KEFU_CSV_BOM);
  const char * const header[] = { "姓名", "电话", "备注", NULL };
  const char * const row1[] = { "张三", "13800138000", "上午送, 放门口", NULL };
  const char * const row2[] = { "=HYPERLINK(\"http://x\")", "+86 138", "-5", NULL };
  const char * const row3[] = { "@SUM(A1)", "\tTab", "说\"好\"\n第二行", NULL };
  const char * const row4[] = { "", "a-b", "1+1", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  KefuCsvEncoding encoding;

  kefu_csv_append_row (out, header);
  kefu_csv_append_row (out, row1);
  kefu_csv_append_row (out, row2);
  kefu_csv_append_row (out, row3);
  kefu_csv_append_row (out, row4);

  g_assert_cmpstr (out->str, ==,
                   KEFU_CSV_BOM
                   "姓名,电话,备注\r\n"
                   "张三,13800138000,\"上午送, 放门口\"\r\n"
                   "\"'=HYPERLINK(\"\"http://x\"\")\",'+86 138,'-5\r\n"
                   "'@SUM(A1),'\tTab,\"说\"\"好\"\"\n第二行\"\r\n"
                   ",a-b,1+1\r\n");

  /* What the writer writes, the reader reads back (with the guards' apostrophes). */
  bytes = g_bytes_new (out->str, out->len);
  rows = kefu_csv_parse (bytes, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, KEFU_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((char **) rows->pdata[1])[2], ==, "上午送, 放门口");
  g_assert_cmpstr (((char **) rows->pdata[2])[0], ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (((char **) rows->pdata[3])[2], ==, "说\"好\"\n第二行");
  g_assert_cmpstr (((char **) rows->pdata[4])[0], ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/csv/encodings", test_encodings);
  g_test_add_func ("/kefu/csv/bad-encodings", test_bad_encodings);
  g_test_add_func ("/kefu/csv/quoting", test_quoting);
  g_test_add_func ("/kefu/csv/line-ends", test_line_ends);
  g_test_add_func ("/kefu/csv/lenient", test_lenient);
  g_test_add_func ("/kefu/csv/errors", test_errors);
  g_test_add_func ("/kefu/csv/too-many-rows", test_too_many_rows);
  g_test_add_func ("/kefu/csv/writer", test_writer);

  return g_test_run ();
}
