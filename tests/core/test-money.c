/* test-money.c: amounts typed in yuan become exact fen, and fen are shown as yuan. */
#include "config.h"

#include <locale.h>

#include "kefu-money.h"

static void
test_parse_valid (void)
{
  struct { const char *text; gint64 fen; } cases[] = {
    { "12", 1200 },
    { "12.5", 1250 },
    { "12.50", 1250 },
    { "12.05", 1205 },
    { "0.01", 1 },
    { ".5", 50 },
    { "12.", 1200 },
    { "0", 0 },
    { "-0", 0 },
    { "¥12.50", 1250 },
    { "￥12.50", 1250 },
    { "¥ 12.50", 1250 },
    { "12.50元", 1250 },
    { "12 元", 1200 },
    { "1,234.00", 123400 },
    { "¥1,234,567.89", 123456789 },
    { "  8.8  ", 880 },
    { "１２．５０", 1250 },
    { "１，２３４", 123400 },
    { "+3", 300 },
    /* The classic floating-point trap: these must be exact. */
    { "0.29", 29 },
    { "1.13", 113 },
    { "19.99", 1999 },
    { "92233720368547758.07", G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("parse “%s”", cases[i].text);
      g_assert_true (kefu_money_parse (cases[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
test_parse_invalid (void)
{
  struct { const char *text; KefuMoneyError code; } cases[] = {
    { NULL, KEFU_MONEY_ERROR_EMPTY },
    { "", KEFU_MONEY_ERROR_EMPTY },
    { "   ", KEFU_MONEY_ERROR_EMPTY },
    { "abc", KEFU_MONEY_ERROR_INVALID },
    { "12a", KEFU_MONEY_ERROR_INVALID },
    { "1.2.3", KEFU_MONEY_ERROR_INVALID },
    { ".", KEFU_MONEY_ERROR_INVALID },
    { "¥", KEFU_MONEY_ERROR_INVALID },
    { "-", KEFU_MONEY_ERROR_INVALID },
    { "1 234", KEFU_MONEY_ERROR_INVALID },
    { "12,5", KEFU_MONEY_ERROR_INVALID },
    { "1,23", KEFU_MONEY_ERROR_INVALID },
    { "1234,567", KEFU_MONEY_ERROR_INVALID },
    { ",123", KEFU_MONEY_ERROR_INVALID },
    { "1,,234", KEFU_MONEY_ERROR_INVALID },
    { "1e5", KEFU_MONEY_ERROR_INVALID },
    { "0x10", KEFU_MONEY_ERROR_INVALID },
    { "--5", KEFU_MONEY_ERROR_INVALID },
    { "12.5.0", KEFU_MONEY_ERROR_INVALID },
    { "-12", KEFU_MONEY_ERROR_NEGATIVE },
    { "-¥12.50", KEFU_MONEY_ERROR_NEGATIVE },
    { "¥-12.50", KEFU_MONEY_ERROR_NEGATIVE },
    { "－５", KEFU_MONEY_ERROR_NEGATIVE },
    { "12.345", KEFU_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "0.001", KEFU_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "12.500", KEFU_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "92233720368547758.08", KEFU_MONEY_ERROR_TOO_LARGE },
    { "92233720368547759", KEFU_MONEY_ERROR_TOO_LARGE },
    { "99999999999999999999999", KEFU_MONEY_ERROR_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 4242;

      g_test_message ("reject “%s”", cases[i].text ? cases[i].text : "(null)");
      g_assert_false (kefu_money_parse (cases[i].text, &fen, &error));
      g_assert_error (error, KEFU_MONEY_ERROR, (int) cases[i].code);
      /* The output is untouched on failure. */
      g_assert_cmpint (fen, ==, 4242);
    }
}

static void
test_parse_negative_allowed (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  g_assert_true (kefu_money_parse_full ("-12.5", KEFU_MONEY_PARSE_ALLOW_NEGATIVE, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, -1250);

  g_assert_true (kefu_money_parse_full ("-¥1,000", KEFU_MONEY_PARSE_ALLOW_NEGATIVE, &fen, &error));
  g_assert_cmpint (fen, ==, -100000);

  g_assert_true (kefu_money_parse_full ("¥-0.05", KEFU_MONEY_PARSE_ALLOW_NEGATIVE, &fen, &error));
  g_assert_cmpint (fen, ==, -5);

  g_assert_true (kefu_money_parse_full ("-92233720368547758.07", KEFU_MONEY_PARSE_ALLOW_NEGATIVE,
                                        &fen, &error));
  g_assert_cmpint (fen, ==, -G_MAXINT64);

  /* Still at most two decimals. */
  g_assert_false (kefu_money_parse_full ("-1.234", KEFU_MONEY_PARSE_ALLOW_NEGATIVE, &fen, &error));
  g_assert_error (error, KEFU_MONEY_ERROR, KEFU_MONEY_ERROR_TOO_MANY_DECIMALS);
}

static void
test_reasons (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen;

  g_assert_false (kefu_money_parse ("12.345", &fen, &error));
  g_assert_cmpstr (error->message, ==, "An amount has at most two decimals (fen); this one has 3.");
  g_clear_error (&error);

  g_assert_false (kefu_money_parse ("-3", &fen, &error));
  g_assert_cmpstr (error->message, ==, "The amount cannot be negative here; remove the minus sign.");
}

static void
test_format (void)
{
  struct { gint64 fen; const char *text; } cases[] = {
    { 0, "¥0.00" },
    { 1, "¥0.01" },
    { 50, "¥0.50" },
    { 1250, "¥12.50" },
    { 100000, "¥1,000.00" },
    { 123456789, "¥1,234,567.89" },
    { 99999, "¥999.99" },
    { -1250, "-¥12.50" },
    { -5, "-¥0.05" },
    { G_MAXINT64, "¥92,233,720,368,547,758.07" },
    { G_MININT64, "-¥92,233,720,368,547,758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kefu_money_format (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  /* Every amount shown parses back to itself. */
  const gint64 amounts[] = { 0, 1, 9, 10, 99, 100, 101, 1999, 123456, 100000000, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = kefu_money_format (amounts[i]);
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_assert_true (kefu_money_parse (text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, amounts[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/money/parse-valid", test_parse_valid);
  g_test_add_func ("/kefu/money/parse-invalid", test_parse_invalid);
  g_test_add_func ("/kefu/money/parse-negative-allowed", test_parse_negative_allowed);
  g_test_add_func ("/kefu/money/reasons", test_reasons);
  g_test_add_func ("/kefu/money/format", test_format);
  g_test_add_func ("/kefu/money/round-trip", test_round_trip);

  return g_test_run ();
}
