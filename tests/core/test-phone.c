/* test-phone.c: the phone-number normaliser against numbers as clerks really type them. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "kefu-phone.h"

typedef struct
{
  const char    *input;
  const char    *normalized;
  KefuPhoneKind  kind;
} ValidCase;

typedef struct
{
  const char     *input;
  KefuPhoneError  code;
} InvalidCase;

static const ValidCase valid_cases[] = {
  /* Mobiles, with every separator and prefix seen in call records. */
  { "13812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "138 1234 5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "138-1234-5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "138.1234.5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "  139 0000 1111  ", "13900001111", KEFU_PHONE_KIND_MOBILE },
  { "+86 138 1234 5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "+86-13812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "+8613812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "(+86) 138 1234 5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "0086 13812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "008613812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "8613812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "86 138 1234 5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "19912345678", "19912345678", KEFU_PHONE_KIND_MOBILE },
  { "16612345678", "16612345678", KEFU_PHONE_KIND_MOBILE },
  { "013812345678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  /* Full-width digits and punctuation from a Chinese input method. */
  { "１３８１２３４５６７８", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "１３８－１２３４－５６７８", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "＋８６　１３８１２３４５６７８", "13812345678", KEFU_PHONE_KIND_MOBILE },
  { "138—1234—5678", "13812345678", KEFU_PHONE_KIND_MOBILE },
  /* Landlines: Beijing (010), 02x cities, three-digit area codes; 7- and 8-digit locals. */
  { "010-87654321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "010 8765 4321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "(010)87654321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "（０１０）８７６５４３２１", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "010-8765-4321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "021-6123 4567", "02161234567", KEFU_PHONE_KIND_LANDLINE },
  { "0755-88889999", "075588889999", KEFU_PHONE_KIND_LANDLINE },
  { "0755 8888 9999", "075588889999", KEFU_PHONE_KIND_LANDLINE },
  { "0571-8765432", "05718765432", KEFU_PHONE_KIND_LANDLINE },
  { "0898-6612345", "08986612345", KEFU_PHONE_KIND_LANDLINE },
  { "+86 10 8765 4321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "+86 (0)10 8765 4321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  { "+86-755-88889999", "075588889999", KEFU_PHONE_KIND_LANDLINE },
  { "0086 21 61234567", "02161234567", KEFU_PHONE_KIND_LANDLINE },
  { "86-10-87654321", "01087654321", KEFU_PHONE_KIND_LANDLINE },
  /* Extensions, in every form the brief lists. */
  { "0755-8888 9999 转 123", "075588889999-123", KEFU_PHONE_KIND_LANDLINE },
  { "0755-88889999转123", "075588889999-123", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321 分机 8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321 ext 8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321 ext. 8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321 EXT: 8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321x8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321 X 8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321#8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321＃8001", "01087654321-8001", KEFU_PHONE_KIND_LANDLINE },
  { "0755-8888-9999-123", "075588889999-123", KEFU_PHONE_KIND_LANDLINE },
  { "0755-88889999-1", "075588889999-1", KEFU_PHONE_KIND_LANDLINE },
  { "010-87654321-123456", "01087654321-123456", KEFU_PHONE_KIND_LANDLINE },
  /* Service numbers. */
  { "400-800-1234", "4008001234", KEFU_PHONE_KIND_SERVICE },
  { "4008001234", "4008001234", KEFU_PHONE_KIND_SERVICE },
  { "400 820 8820", "4008208820", KEFU_PHONE_KIND_SERVICE },
  { "800-810-8888", "8008108888", KEFU_PHONE_KIND_SERVICE },
  { "+86 400 800 1234", "4008001234", KEFU_PHONE_KIND_SERVICE },
  { "95588", "95588", KEFU_PHONE_KIND_SERVICE },
  { "95 555", "95555", KEFU_PHONE_KIND_SERVICE },
};

static const InvalidCase invalid_cases[] = {
  { NULL, KEFU_PHONE_ERROR_EMPTY },
  { "", KEFU_PHONE_ERROR_EMPTY },
  { "   ", KEFU_PHONE_ERROR_EMPTY },
  { "　", KEFU_PHONE_ERROR_EMPTY },
  { "--", KEFU_PHONE_ERROR_EMPTY },
  { "+", KEFU_PHONE_ERROR_EMPTY },
  { "( )", KEFU_PHONE_ERROR_EMPTY },
  { "138abc45678", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "张三", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "138 1234 5678（宅电）", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "max 13812345678", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "138*1234*5678", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "138 1234 5678 +", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "++86 13812345678", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  { "\xff\xfe", KEFU_PHONE_ERROR_INVALID_CHARACTERS },
  /* Mobiles with a digit too few or too many, or an impossible second digit. */
  { "1381234567", KEFU_PHONE_ERROR_TOO_SHORT },
  { "138 1234 567", KEFU_PHONE_ERROR_TOO_SHORT },
  { "138123456789", KEFU_PHONE_ERROR_TOO_LONG },
  { "+86 138123456789", KEFU_PHONE_ERROR_TOO_LONG },
  { "12812345678", KEFU_PHONE_ERROR_BAD_MOBILE },
  { "10812345678", KEFU_PHONE_ERROR_BAD_MOBILE },
  { "11012345678", KEFU_PHONE_ERROR_BAD_MOBILE },
  { "10086", KEFU_PHONE_ERROR_TOO_SHORT },
  /* Landlines. */
  { "0", KEFU_PHONE_ERROR_TOO_SHORT },
  { "010", KEFU_PHONE_ERROR_TOO_SHORT },
  { "0755", KEFU_PHONE_ERROR_TOO_SHORT },
  { "010-876543", KEFU_PHONE_ERROR_TOO_SHORT },
  { "0755-888899", KEFU_PHONE_ERROR_TOO_SHORT },
  { "010-876543210", KEFU_PHONE_ERROR_TOO_LONG },
  /* Beijing and the 02x cities have 8-digit local numbers only: 7 digits is a digit missing. */
  { "010-8765432", KEFU_PHONE_ERROR_TOO_SHORT },
  { "02-12345678", KEFU_PHONE_ERROR_TOO_SHORT },
  { "021-6123456", KEFU_PHONE_ERROR_TOO_SHORT },
  { "023 6123 456", KEFU_PHONE_ERROR_TOO_SHORT },
  { "+86 10 8765432", KEFU_PHONE_ERROR_TOO_SHORT },
  { "0086 21 6123456", KEFU_PHONE_ERROR_TOO_SHORT },
  { "0755-888899991", KEFU_PHONE_ERROR_TOO_LONG },
  { "011-87654321", KEFU_PHONE_ERROR_BAD_AREA_CODE },
  { "019-87654321", KEFU_PHONE_ERROR_BAD_AREA_CODE },
  { "87654321", KEFU_PHONE_ERROR_BAD_AREA_CODE },
  { "8765432", KEFU_PHONE_ERROR_BAD_AREA_CODE },
  { "010-07654321", KEFU_PHONE_ERROR_BAD_LOCAL_NUMBER },
  { "0755-18889999", KEFU_PHONE_ERROR_BAD_LOCAL_NUMBER },
  { "010 138 1234 5678", KEFU_PHONE_ERROR_BAD_LOCAL_NUMBER },
  /* Other countries. */
  { "+852 2345 6789", KEFU_PHONE_ERROR_NOT_MAINLAND },
  { "+1 415 555 0100", KEFU_PHONE_ERROR_NOT_MAINLAND },
  { "00852 23456789", KEFU_PHONE_ERROR_NOT_MAINLAND },
  { "+86", KEFU_PHONE_ERROR_TOO_SHORT },
  /* Service numbers of the wrong length. */
  { "400-800-123", KEFU_PHONE_ERROR_TOO_SHORT },
  { "400-800-12345", KEFU_PHONE_ERROR_TOO_LONG },
  { "9558", KEFU_PHONE_ERROR_TOO_SHORT },
  { "955881", KEFU_PHONE_ERROR_TOO_LONG },
  { "123", KEFU_PHONE_ERROR_TOO_SHORT },
  { "2345", KEFU_PHONE_ERROR_TOO_SHORT },
  { "234567890123", KEFU_PHONE_ERROR_TOO_LONG },
  /* Extensions. */
  { "010-87654321 转", KEFU_PHONE_ERROR_BAD_EXTENSION },
  { "010-87654321 转 12a", KEFU_PHONE_ERROR_BAD_EXTENSION },
  { "010-87654321 转 1234567", KEFU_PHONE_ERROR_BAD_EXTENSION },
  { "13812345678 转 123", KEFU_PHONE_ERROR_BAD_EXTENSION },
  { "4008001234#2", KEFU_PHONE_ERROR_BAD_EXTENSION },
  /* A trailing group after a mobile is not an extension: the whole is too long. */
  { "138-1234-5678-12", KEFU_PHONE_ERROR_TOO_LONG },
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      KefuPhoneKind kind = (KefuPhoneKind) -1;

      g_test_message ("valid: “%s”", c->input);
      normalized = kefu_phone_normalize (c->input, &kind, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, c->normalized);
      g_assert_cmpint (kind, ==, c->kind);

      /* Normalising a normalised number gives it back: the store may normalise twice. */
      {
        g_autofree char *again = kefu_phone_normalize (normalized, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (again, ==, normalized);
      }
    }
}

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      KefuPhoneKind kind = KEFU_PHONE_KIND_SERVICE;

      g_test_message ("invalid: “%s”", c->input ? c->input : "(null)");
      normalized = kefu_phone_normalize (c->input, &kind, &error);
      g_assert_null (normalized);
      g_assert_error (error, KEFU_PHONE_ERROR, (int) c->code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      /* `kind` is left alone on failure. */
      g_assert_cmpint (kind, ==, KEFU_PHONE_KIND_SERVICE);
    }
}

static void
test_reasons (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  normalized = kefu_phone_normalize ("138 1234 567", NULL, &error);
  g_assert_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT);
  g_assert_cmpstr (error->message, ==, "A mobile number has 11 digits; this one has 10.");
  g_clear_error (&error);

  normalized = kefu_phone_normalize ("0755-888899", NULL, &error);
  g_assert_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT);
  g_assert_cmpstr (error->message, ==,
                   "A landline number has 7 or 8 digits after the area code 0755; this one has 6.");
  g_clear_error (&error);

  normalized = kefu_phone_normalize ("010-8765432", NULL, &error);
  g_assert_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT);
  g_assert_cmpstr (error->message, ==,
                   "A Beijing, Shanghai, Tianjin, Chongqing or 02x number has 8 digits after the area code; this one has 7.");
  g_clear_error (&error);

  normalized = kefu_phone_normalize ("02-12345678", NULL, &error);
  g_assert_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_TOO_SHORT);
  g_assert_cmpstr (error->message, ==,
                   "A Beijing, Shanghai, Tianjin, Chongqing or 02x number has 8 digits after the area code; this one has 7.");
  g_clear_error (&error);

  normalized = kefu_phone_normalize ("12812345678", NULL, &error);
  g_assert_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_BAD_MOBILE);
  g_assert_nonnull (strstr (error->message, "12"));
  g_clear_error (&error);

  /* The offending character is named, even a Chinese one. */
  normalized = kefu_phone_normalize ("138一2345678", NULL, &error);
  g_assert_error (error, KEFU_PHONE_ERROR, KEFU_PHONE_ERROR_INVALID_CHARACTERS);
  g_assert_nonnull (strstr (error->message, "一"));
  g_clear_error (&error);
}

static void
test_lookup (void)
{
  struct { const char *normalized, *lookup, *reversed; } cases[] = {
    { "13812345678", "13812345678", "87654321831" },
    { "075588889999-123", "075588889999", "999988885570" },
    { "95588", "95588", "88559" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lookup = kefu_phone_lookup_digits (cases[i].normalized);
      g_autofree char *reversed = kefu_phone_reversed_digits (cases[i].normalized);

      g_assert_cmpstr (lookup, ==, cases[i].lookup);
      g_assert_cmpstr (reversed, ==, cases[i].reversed);
    }
}

static void
test_format (void)
{
  struct { const char *normalized, *formatted; } cases[] = {
    { "13812345678", "138 1234 5678" },
    { "01087654321", "010-8765 4321" },
    { "02161234567", "021-6123 4567" },
    { "075588889999", "0755-8888 9999" },
    { "05718765432", "0571-876 5432" },
    { "075588889999-123", "0755-8888 9999 ext. 123" },
    { "4008001234", "400-800-1234" },
    { "95588", "95588" },
    /* Not normalised: shown as it is rather than mangled. */
    { "not a number", "not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = kefu_phone_format (cases[i].normalized);

      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }

  /* What the form shows normalises back to the same number. */
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *formatted = kefu_phone_format (valid_cases[i].normalized);
      g_autofree char *back = kefu_phone_normalize (formatted, NULL, NULL);

      g_assert_cmpstr (back, ==, valid_cases[i].normalized);
    }
}

static void
test_search_digits (void)
{
  char *digits = NULL;

  g_assert_true (kefu_phone_is_search_digits ("5678", &digits));
  g_assert_cmpstr (digits, ==, "5678");
  g_clear_pointer (&digits, g_free);

  g_assert_true (kefu_phone_is_search_digits (" 1234-5678 ", &digits));
  g_assert_cmpstr (digits, ==, "12345678");
  g_clear_pointer (&digits, g_free);

  g_assert_true (kefu_phone_is_search_digits ("５６７８", &digits));
  g_assert_cmpstr (digits, ==, "5678");
  g_clear_pointer (&digits, g_free);

  g_assert_true (kefu_phone_is_search_digits ("+86 138 1234", &digits));
  g_assert_cmpstr (digits, ==, "1381234");
  g_clear_pointer (&digits, g_free);

  g_assert_true (kefu_phone_is_search_digits ("5678", NULL));

  g_assert_false (kefu_phone_is_search_digits ("+86", &digits));
  g_assert_false (kefu_phone_is_search_digits ("1234+", &digits));

  g_assert_false (kefu_phone_is_search_digits ("567", &digits));
  g_assert_null (digits);
  g_assert_false (kefu_phone_is_search_digits ("张三", &digits));
  g_assert_false (kefu_phone_is_search_digits ("朝阳路 1234 号", &digits));
  g_assert_false (kefu_phone_is_search_digits ("", &digits));
  g_assert_false (kefu_phone_is_search_digits (NULL, &digits));
  g_assert_null (digits);
}

/* kefu_phone_is_normalized() is what lets a bulk load skip the normaliser, so a TRUE it gives
 * wrongly would store a number the normaliser would have changed or refused. */
static void
assert_check_agrees (const char *digits,
                     guint      *n_taken)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = kefu_phone_normalize (digits, NULL, &error);
  gboolean unchanged = normalized != NULL && strcmp (normalized, digits) == 0;
  gboolean only_digits = TRUE;

  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      only_digits = FALSE;

  if (kefu_phone_is_normalized (digits))
    {
      if (!unchanged)
        g_error ("“%s” is taken as normalised, but the normaliser gives “%s” (%s)", digits,
                 normalized != NULL ? normalized : "",
                 error != NULL ? error->message : "no error");
      (*n_taken)++;
    }
  else if (unchanged && only_digits)
    /* Every normalised number without an extension is digits only; the check should know all
     * of them, or bulk loads quietly become slow. */
    g_error ("“%s” is normalised but the check does not take it", digits);
}

static void
test_is_normalized_crafted (void)
{
  static const char * const taken[] = {
    "13812345678", "19912345678", "01087654321", "02187654321", "02987654321",
    "07558888999", "075588889999", "05712345678", "057123456789", "4008001234", "8001234567", "95588", "95555",
  };
  static const char * const refused[] = {
    "", "1", "12812345678", "10812345678", "1381234567", "138123456789", "013812345678",
    "01187654321", "0108765432", "010876543210", "01007654321", "01017654321", "0018765432",
    "00861381234567", "8613812345678", "+8613812345678", "86 138 1234 5678", "0755888899",
    "0755188889999", "0755088889999", "07558888999-12", "075588889999-123", "075588889999123",
    "400800123", "40080012345", "800123456", "9558", "955888", "95588888", "1234567",
    "12345678", "87654321", "0", "00", "010", "0755", "１３８１２３４５６７８", "138 1234 5678",
    "138-1234-5678", " 13812345678", "13812345678 ", "13812345678x", "0x1", "٣٣٣",
  };
  guint n_taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autofree char *normalized = kefu_phone_normalize (taken[i], NULL, NULL);

      g_test_message ("%s", taken[i]);
      g_assert_true (kefu_phone_is_normalized (taken[i]));
      g_assert_cmpstr (normalized, ==, taken[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      if (kefu_phone_is_normalized (refused[i]))
        g_error ("“%s” should not be taken as normalised", refused[i]);
      assert_check_agrees (refused[i], &n_taken);
    }
  g_assert_cmpuint (n_taken, ==, 0);
}

/* Many random digit strings with the prefixes that decide the normaliser's path. A fixed seed
 * keeps a failure reproducible. */
static void
test_is_normalized_generated (void)
{
  static const char * const prefixes[] = { "", "0", "1", "86", "0086", "400", "800", "95", "01",
                                           "010", "02", "13", "0755" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr(GString) digits = g_string_new (NULL);
  guint n_taken = 0;

  for (guint i = 0; i < 100000; i++)
    {
      const char *prefix = prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))];
      guint length = g_rand_int_range (rand, 3, 16);

      g_string_assign (digits, prefix);
      while (digits->len < length)
        g_string_append_c (digits, (char) ('0' + g_rand_int_range (rand, 0, 10)));

      /* Now and then a separator or an extension, which the check must leave to the
       * normaliser. */
      switch (g_rand_int_range (rand, 0, 20))
        {
        case 0:
          g_string_insert_c (digits, g_rand_int_range (rand, 0, digits->len + 1), '-');
          break;
        case 1:
          g_string_append_printf (digits, "-%u", g_rand_int_range (rand, 0, 10000));
          break;
        case 2:
          g_string_insert_c (digits, g_rand_int_range (rand, 0, digits->len + 1), ' ');
          break;
        default:
          break;
        }

      assert_check_agrees (digits->str, &n_taken);
    }

  /* The check must really take numbers, or the bulk load never skips the normaliser and this
   * test proves nothing. */
  g_test_message ("%u of 100000 generated numbers taken as normalised", n_taken);
  g_assert_cmpuint (n_taken, >, 2000);
}

int
main (int   argc,
      char *argv[])
{
  /* Reasons are compared in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/phone/valid", test_valid);
  g_test_add_func ("/kefu/phone/invalid", test_invalid);
  g_test_add_func ("/kefu/phone/reasons", test_reasons);
  g_test_add_func ("/kefu/phone/lookup", test_lookup);
  g_test_add_func ("/kefu/phone/format", test_format);
  g_test_add_func ("/kefu/phone/search-digits", test_search_digits);
  g_test_add_func ("/kefu/phone/is-normalized-crafted", test_is_normalized_crafted);
  g_test_add_func ("/kefu/phone/is-normalized-generated", test_is_normalized_generated);

  return g_test_run ();
}
