/* test-text.c: text field validation counts characters, not bytes, and refuses what a form
 * should never store. */
#include "config.h"

#include <locale.h>

#include "kefu-text.h"

static void
test_required (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_text_validate ("", 10, FALSE, "Notes", &error));
  g_assert_true (kefu_text_validate (NULL, 10, FALSE, "Notes", &error));
  g_assert_no_error (error);

  g_assert_false (kefu_text_validate ("", 10, TRUE, "Name", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "“Name” is required; fill it in.");
  g_clear_error (&error);

  /* White space alone, including the full-width space, is empty. */
  g_assert_false (kefu_text_validate (" \t\n　 ", 10, TRUE, "Name", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_false (kefu_text_validate_line (NULL, 10, TRUE, NULL, &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "“This field” is required; fill it in.");
}

static void
test_length_in_characters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  /* 100 Chinese characters are 300 bytes and still a valid name. */
  for (guint i = 0; i < KEFU_TEXT_MAX_NAME; i++)
    g_string_append (name, "张");
  g_assert_cmpuint (name->len, ==, 300);
  g_assert_true (kefu_text_validate_line (name->str, KEFU_TEXT_MAX_NAME, TRUE, "Name", &error));
  g_assert_no_error (error);

  g_string_append (name, "三");
  g_assert_false (kefu_text_validate_line (name->str, KEFU_TEXT_MAX_NAME, TRUE, "Name", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "“Name” can have at most 100 characters; this text has 101. Shorten it.");
  g_clear_error (&error);

  /* Surrounding white space does not count. */
  g_assert_true (kefu_text_validate ("  abc  ", 3, TRUE, "Code", &error));
  g_assert_true (kefu_text_validate ("　张三　", 2, TRUE, "Name", &error));
  g_assert_no_error (error);
  g_assert_false (kefu_text_validate ("abcd", 3, TRUE, "Code", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* A Windows line break counts as one character. */
  g_assert_true (kefu_text_validate ("a\r\nb", 3, TRUE, "Notes", &error));
  g_assert_no_error (error);

  /* Emoji outside the BMP are one character each. */
  g_assert_true (kefu_text_validate ("👍👍", 2, TRUE, "Notes", &error));
  g_assert_no_error (error);
}

static void
test_invalid_text (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_text_validate ("abc\xff", 100, FALSE, "Address", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  /* Truncated UTF-8: the first two bytes of 张. */
  g_assert_false (kefu_text_validate ("\xe5\xbc", 100, FALSE, "Address", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  g_assert_false (kefu_text_validate ("ab\x01" "c", 100, FALSE, "Address", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_CONTROL_CHARACTER);
  g_assert_cmpstr (error->message, ==,
                   "“Address” contains an invisible control character (U+0001) at position 3; delete it and try again.");
  g_clear_error (&error);

  g_assert_false (kefu_text_validate ("a\x1b[31mred", 100, FALSE, "Notes", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_CONTROL_CHARACTER);
  g_clear_error (&error);

  /* A lone carriage return, DEL and a C1 control are control characters too. */
  g_assert_false (kefu_text_validate ("a\rb", 100, FALSE, "Notes", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_CONTROL_CHARACTER);
  g_clear_error (&error);
  g_assert_false (kefu_text_validate ("a\x7f", 100, FALSE, "Notes", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_CONTROL_CHARACTER);
  g_clear_error (&error);
  g_assert_false (kefu_text_validate ("a\xc2\x85", 100, FALSE, "Notes", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_CONTROL_CHARACTER);
  g_clear_error (&error);

  /* Newlines and tabs belong in notes but not in a name. */
  g_assert_true (kefu_text_validate ("第一行\n第二行\t备注", 100, FALSE, "Notes", &error));
  g_assert_no_error (error);
  g_assert_false (kefu_text_validate_line ("张\n三", 100, FALSE, "Name", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_LINE_BREAK);
  g_clear_error (&error);
  g_assert_false (kefu_text_validate_line ("张\t三", 100, FALSE, "Name", &error));
  g_assert_error (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_LINE_BREAK);
  g_clear_error (&error);

  /* SQL metacharacters are just text. */
  g_assert_true (kefu_text_validate_line ("Robert'); DROP TABLE customers;--", 100, TRUE,
                                          "Name", &error));
  g_assert_no_error (error);
}

static void
test_normalize (void)
{
  g_autofree char *a = kefu_text_normalize ("  张三  ");
  g_autofree char *b = kefu_text_normalize ("　北京市朝阳区\r\n建国路 1 号　");
  g_autofree char *c = kefu_text_normalize ("");
  /* "é" as e + combining acute composes to one character. */
  g_autofree char *d = kefu_text_normalize ("Cafe\xcc\x81");

  g_assert_cmpstr (a, ==, "张三");
  g_assert_cmpstr (b, ==, "北京市朝阳区\n建国路 1 号");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "Caf\xc3\xa9");
  g_assert_null (kefu_text_normalize (NULL));
  g_assert_null (kefu_text_normalize ("\xff"));
}

static void
test_fold_width (void)
{
  g_autofree char *a = kefu_text_fold_width ("１３８－１２３４　５６７８");
  g_autofree char *b = kefu_text_fold_width ("（０１０）ＡＢＣ，．：");
  g_autofree char *c = kefu_text_fold_width ("张三—李四−1");

  g_assert_cmpstr (a, ==, "138-1234 5678");
  g_assert_cmpstr (b, ==, "(010)ABC,.:");
  g_assert_cmpstr (c, ==, "张三-李四-1");
  g_assert_null (kefu_text_fold_width (NULL));
  g_assert_null (kefu_text_fold_width ("\xc0"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/text/required", test_required);
  g_test_add_func ("/kefu/text/length-in-characters", test_length_in_characters);
  g_test_add_func ("/kefu/text/invalid-text", test_invalid_text);
  g_test_add_func ("/kefu/text/normalize", test_normalize);
  g_test_add_func ("/kefu/text/fold-width", test_fold_width);

  return g_test_run ();
}
