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

/* kefu_text_is_normalized() lets a bulk load store text without the normaliser, so a TRUE it
 * gives wrongly would store text in a form other writes never produce. */
static void
assert_check_agrees (const char *text,
                     guint      *n_taken)
{
  g_autofree char *normalized = NULL;

  if (!kefu_text_is_normalized (text))
    return;

  normalized = kefu_text_normalize (text);
  if (g_strcmp0 (normalized, text) != 0)
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      g_error ("“%s” is taken as normalised, but the normaliser changes or refuses it", escaped);
    }
  (*n_taken)++;
}

static void
test_is_normalized_crafted (void)
{
  static const char * const taken[] = {
    "", "a", "张三", "北京市朝阳区建国路88号", "line one\nline two", "a\tb", "Room 3-2, 长安街",
    "一", "\xe9\xbf\xbf" /* U+9FFF */, "\xe4\xb8\x80" /* U+4E00 */, "a\vb",
    /* "\v" is no white space to the trim, nor to the check. */
    "a\v", "\va",
  };
  static const char * const refused[] = {
    " a", "a ", "\ta", "a\n", "\n", " ", "a\r\nb", "a\rb", "\xe3\x80\x80张三", "张三\xe3\x80\x80",
    "张\xe3\x80\x80三", "ＡＢＣ", "１３８", "e\xcc\x81", "\xc3\xa9", "\xe2\x84\xab" /* U+212B */,
    "\xef\xa4\x80" /* U+F900 */, "\xe4\xb8" /* cut short */, "\xe0\x80\x80" /* overlong */,
    "\xed\xa0\x80" /* surrogate */, "\xff", "a\xc2\xa0", "\xf0\x9f\x98\x80", "\xe3\x80\x82",
    "a\f", "\fa",
  };
  guint n_taken = 0;

  /* The store keeps a missing text as NULL, which is its stored form. */
  g_assert_true (kefu_text_is_normalized (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autofree char *normalized = kefu_text_normalize (taken[i]);

      g_test_message ("%s", taken[i]);
      g_assert_true (kefu_text_is_normalized (taken[i]));
      g_assert_cmpstr (normalized, ==, taken[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *escaped = g_strescape (refused[i], NULL);

      g_test_message ("%s", escaped);
      g_assert_false (kefu_text_is_normalized (refused[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    assert_check_agrees (taken[i], &n_taken);
  g_assert_cmpuint (n_taken, ==, G_N_ELEMENTS (taken));
}

/* Appends one random piece: mostly what generated customers carry (ASCII, Chinese characters),
 * with the white space, line breaks, full-width forms and characters NFC changes that the check
 * must leave to the normaliser. */
static void
append_random_piece (GString *text,
                     GRand   *rand)
{
  static const gunichar others[] = {
    0x3000, 0x00A0, 0x3001, 0x3002, 0xFF0C, 0xFF1A, 0x0301, 0x00E9, 0x212B, 0xF900, 0x2F00,
    0x1100, 0x1161, 0xAC00, 0x1F600, 0x2028, 0x0085, 0xFEFF, 0x4DFF, 0xA000,
  };
  static const char * const spaces[] = { " ", "\t", "\n", "\r", "\r\n", "\v", "\f" };

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: case 1: case 2:
      g_string_append_c (text, (char) g_rand_int_range (rand, 0x20, 0x7F));
      break;
    case 3: case 4: case 5:
      g_string_append_unichar (text, g_rand_int_range (rand, 0x4E00, 0xA000));
      break;
    case 6:
      g_string_append (text, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
      break;
    case 7:
      /* Full-width ASCII, as Chinese input methods type it. */
      g_string_append_unichar (text, g_rand_int_range (rand, 0xFF01, 0xFF5F));
      break;
    case 8:
      g_string_append_unichar (text, others[g_rand_int_range (rand, 0, G_N_ELEMENTS (others))]);
      break;
    default:
      /* Now and then a byte that breaks the UTF-8. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_c (text, (char) g_rand_int_range (rand, 0x80, 0x100));
      else
        g_string_append_c (text, (char) g_rand_int_range (rand, 0x01, 0x20));
      break;
    }
}

static void
test_is_normalized_generated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_taken = 0;

  for (guint i = 0; i < 100000; i++)
    {
      guint n_pieces = g_rand_int_range (rand, 0, 13);

      g_string_truncate (text, 0);
      /* Half the texts are only ASCII letters and Chinese characters with inner spaces, the kind
       * the check is for, so that it is tried on many texts it takes. */
      if (i % 2 == 0)
        for (guint j = 0; j < n_pieces; j++)
          {
            if (g_rand_boolean (rand))
              g_string_append_unichar (text, g_rand_int_range (rand, 0x4E00, 0xA000));
            else
              g_string_append_c (text, (char) g_rand_int_range (rand, 0x20, 0x7F));
          }
      else
        for (guint j = 0; j < n_pieces; j++)
          append_random_piece (text, rand);

      assert_check_agrees (text->str, &n_taken);
    }

  g_test_message ("%u of 100000 generated texts taken as normalised", n_taken);
  g_assert_cmpuint (n_taken, >, 20000);
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
  g_test_add_func ("/kefu/text/is-normalized-crafted", test_is_normalized_crafted);
  g_test_add_func ("/kefu/text/is-normalized-generated", test_is_normalized_generated);

  return g_test_run ();
}
