/* test-csv.c: decoding (UTF-8, UTF-8 with BOM, GBK/GB18030), RFC 4180 parsing with line
 * numbers, and the writer's quoting and formula guard. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "kefu-atomic-file.h"
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

/* Rows of a report as a test writes them: a header, formulas to guard, Chinese, a comma, a
 * line break. */
static GPtrArray *
report_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = { "区县", "订货电话", "备注", NULL };
  const char *row1[] = { "朝阳区", "12", "=1+1", NULL };
  const char *row2[] = { "燕郊镇", "-3", "上午送, 放门口\n第二行", NULL };
  const char *row3[] = { "𠮷野家", "@x", "€ ½ ㎡ 😀", NULL };

  g_ptr_array_add (rows, g_strdupv ((char **) header));
  g_ptr_array_add (rows, g_strdupv ((char **) row1));
  g_ptr_array_add (rows, g_strdupv ((char **) row2));
  g_ptr_array_add (rows, g_strdupv ((char **) row3));
  return rows;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kefu-csv-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The entries of `dir`, sorted, joined by spaces. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static GPtrArray *
read_back (const char       *path,
           KefuCsvEncoding   expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KefuCsvEncoding encoding = 99;
  GPtrArray *rows;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new (data, length);
  rows = kefu_csv_parse (bytes, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, expected);
  return rows;
}

static void
assert_report_rows (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((char **) rows->pdata[0])[1], ==, "订货电话");
  g_assert_cmpstr (((char **) rows->pdata[1])[2], ==, "'=1+1");
  g_assert_cmpstr (((char **) rows->pdata[2])[1], ==, "'-3");
  g_assert_cmpstr (((char **) rows->pdata[2])[2], ==, "上午送, 放门口\n第二行");
  g_assert_cmpstr (((char **) rows->pdata[3])[0], ==, "𠮷野家");
  g_assert_cmpstr (((char **) rows->pdata[3])[1], ==, "'@x");
  g_assert_cmpstr (((char **) rows->pdata[3])[2], ==, "€ ½ ㎡ 😀");
}

static void
test_write_file_utf8 (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autoptr(GPtrArray) rows = report_rows ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *listing = NULL;
  gsize length;

  g_assert_true (kefu_csv_write_file (path, rows, KEFU_CSV_ENCODING_UTF8_BOM, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* The BOM first, every record ended by CRLF (the line break inside a field stays LF). */
  g_assert_true (g_str_has_prefix (data, KEFU_CSV_BOM "区县,订货电话,备注\r\n"));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
  g_assert_nonnull (strstr (data, "朝阳区,12,'=1+1\r\n"));
  back = read_back (path, KEFU_CSV_ENCODING_UTF8_BOM);
  assert_report_rows (back);
  /* Nothing is left beside it. */
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "report.csv");
  remove_dir (dir);
}

/* Text that is already CSV records as the bytes of a file: the BOM for UTF-8 with a BOM alone,
 * and GB18030's own bytes, a character outside GBK (𠮷, four bytes) included. */
static void
test_encode_records (void)
{
  const char *records = "班组,接线员\r\n客服一组,王芳𠮷\r\n";
  const char gb18030[] = "\xb0\xe0\xd7\xe9" "," "\xbd\xd3\xcf\xdf\xd4\xb1" "\r\n"
                         "\xbf\xcd\xb7\xfe\xd2\xbb\xd7\xe9" "," "\xcd\xf5\xb7\xbc"
                         "\x95\x34\xb2\x35" "\r\n";
  g_autofree char *with_bom = g_strconcat (KEFU_CSV_BOM, records, NULL);
  g_autoptr(GBytes) bom = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) gb = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;

  bom = kefu_csv_encode_records (records, strlen (records), KEFU_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bom, NULL), g_bytes_get_size (bom),
                   with_bom, strlen (with_bom));

  plain = kefu_csv_encode_records (records, strlen (records), KEFU_CSV_ENCODING_UTF8, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   records, strlen (records));

  gb = kefu_csv_encode_records (records, strlen (records), KEFU_CSV_ENCODING_GB18030, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (gb, NULL), g_bytes_get_size (gb),
                   gb18030, sizeof gb18030 - 1);

  /* No records: a file of the BOM alone, for the encoding that has one. */
  empty = kefu_csv_encode_records (NULL, 0, KEFU_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (empty, NULL), g_bytes_get_size (empty),
                   KEFU_CSV_BOM, strlen (KEFU_CSV_BOM));

  /* Text that is not UTF-8 is refused, whatever the encoding. */
  bad = kefu_csv_encode_records ("\xd5\xc5\r\n", 4, KEFU_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_null (bad);
  g_assert_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE);
}

static void
test_write_file_gb18030 (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autoptr(GPtrArray) rows = report_rows ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  gsize length, expected_length;

  g_assert_true (kefu_csv_write_file (path, rows, KEFU_CSV_ENCODING_GB18030, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* No BOM; not UTF-8; "区县" in GB18030 (GBK) bytes; CRLF. */
  g_assert_false (length >= 3 && memcmp (data, KEFU_CSV_BOM, 3) == 0);
  g_assert_false (g_utf8_validate_len (data, length, NULL));
  expected = g_convert ("区县,订货电话,备注\r\n", -1, "GB18030", "UTF-8", NULL,
                        &expected_length, NULL);
  g_assert_cmpmem (data, expected_length, expected, expected_length);
  /* Read back equal, characters outside GBK (𠮷, 😀) included. */
  back = read_back (path, KEFU_CSV_ENCODING_GB18030);
  assert_report_rows (back);

  /* The whole-file encoder gives the same bytes. */
  bytes = kefu_csv_encode (rows, KEFU_CSV_ENCODING_GB18030, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, length);
  remove_dir (dir);
}

static void
test_encode_errors (void)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *encoded;

  /* Damaged UTF-8 is refused in either encoding, with where it is. */
  encoded = kefu_csv_encode_text ("ab\xff", 3, KEFU_CSV_ENCODING_UTF8_BOM, &length, &error);
  g_assert_null (encoded);
  g_assert_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE);
  g_assert_nonnull (strstr (error->message, "byte 2"));
  g_clear_error (&error);
  encoded = kefu_csv_encode_text ("ab\xff", 3, KEFU_CSV_ENCODING_GB18030, &length, &error);
  g_assert_null (encoded);
  g_assert_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE);
  g_clear_error (&error);

  encoded = kefu_csv_encode_text ("中文", strlen ("中文"), KEFU_CSV_ENCODING_GB18030, &length,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpmem (encoded, length, "\xd6\xd0\xce\xc4", 4);
  g_free (encoded);
}

static void
test_atomic_write_fails (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.csv", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *good[] = { "a", "b", NULL };
  const char *bad[] = { "c", "\xff\xfe", NULL };

  g_assert_true (g_file_set_contents (path, "old report\r\n", -1, NULL));

  /* A row that cannot be written stops the file: the old one stays, no temporary is left. */
  g_ptr_array_add (rows, g_strdupv ((char **) good));
  g_ptr_array_add (rows, g_strdupv ((char **) bad));
  g_assert_false (kefu_csv_write_file (path, rows, KEFU_CSV_ENCODING_GB18030, &error));
  g_assert_error (error, KEFU_CSV_ERROR, KEFU_CSV_ERROR_UNENCODABLE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old report\r\n");
  g_clear_pointer (&data, g_free);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "report.csv");
  g_clear_pointer (&listing, g_free);

  /* A writer dropped before it finished leaves the old file too. */
  {
    g_autoptr(KefuCsvWriter) writer = kefu_csv_writer_new (path, KEFU_CSV_ENCODING_UTF8_BOM,
                                                           &error);

    g_assert_no_error (error);
    g_assert_true (kefu_csv_writer_add_row (writer, good, &error));
    g_assert_cmpuint (kefu_csv_writer_get_n_rows (writer), ==, 1);
  }
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old report\r\n");
  g_clear_pointer (&data, g_free);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "report.csv");
  g_clear_pointer (&listing, g_free);

  /* A folder that does not exist: the error names the file and says what to do. */
  g_ptr_array_set_size (rows, 1);
  g_assert_false (kefu_csv_write_file (missing, rows, KEFU_CSV_ENCODING_UTF8_BOM, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  /* And a good write replaces the old file. */
  g_assert_true (kefu_csv_write_file (path, rows, KEFU_CSV_ENCODING_UTF8, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "a,b\r\n");
  remove_dir (dir);
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
  g_test_add_func ("/kefu/csv/write-file-utf8", test_write_file_utf8);
  g_test_add_func ("/kefu/csv/write-file-gb18030", test_write_file_gb18030);
  g_test_add_func ("/kefu/csv/encode-records", test_encode_records);
  g_test_add_func ("/kefu/csv/encode-errors", test_encode_errors);
  g_test_add_func ("/kefu/csv/atomic-write-fails", test_atomic_write_fails);

  return g_test_run ();
}
