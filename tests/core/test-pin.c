/* test-pin.c: PBKDF2-HMAC-SHA256 against published test vectors, and the PIN's stored form.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-pin.h"

static char *
derive_hex (const char *password,
            const char *salt,
            guint       iterations,
            gsize       length)
{
  g_autofree guint8 *out = g_malloc (length);
  GString *hex = g_string_new (NULL);

  kefu_pbkdf2_sha256 ((const guint8 *) password, strlen (password), (const guint8 *) salt,
                      strlen (salt), iterations, out, length);
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x", out[i]);
  return g_string_free (hex, FALSE);
}

/* RFC 7914, section 11: the two PBKDF2-HMAC-SHA256 vectors, 64 bytes each (two blocks). */
static void
test_rfc7914_vectors (void)
{
  g_autofree char *one = derive_hex ("passwd", "salt", 1, 64);
  g_autofree char *many = derive_hex ("Password", "NaCl", 80000, 64);

  g_assert_cmpstr (one, ==,
                   "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                   "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  g_assert_cmpstr (many, ==,
                   "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                   "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

/* A vector with a hash shorter than a block (RFC 6070's inputs, SHA-256 output). */
static void
test_short_output (void)
{
  g_autofree char *hex = derive_hex ("password", "salt", 4096, 32);
  g_autofree char *part = derive_hex ("password", "salt", 4096, 20);

  g_assert_cmpstr (hex, ==, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
  g_assert_cmpstr (part, ==, "c5e478d59288c841aa530db6845c4c8d962893a0");
}

static void
test_stored_form (void)
{
  const guint8 salt[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
  g_autofree char *fixed = kefu_pin_hash_full ("2580", 1000, salt, sizeof salt);
  g_autofree char *stored = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *raw_salt = NULL;
  gsize raw_len = 0;
  double seconds;

  /* pbkdf2-sha256$1000$AQIDBAUGBwgJCgsMDQ4PEA==$… */
  g_assert_true (g_str_has_prefix (fixed, "pbkdf2-sha256$1000$AQIDBAUGBwgJCgsMDQ4PEA==$"));
  g_assert_true (kefu_pin_check ("2580", fixed));
  g_assert_false (kefu_pin_check ("2581", fixed));
  g_assert_false (kefu_pin_check ("", fixed));

  g_test_timer_start ();
  stored = kefu_pin_hash ("2580");
  seconds = g_test_timer_elapsed ();
  parts = g_strsplit (stored, "$", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_cmpstr (parts[0], ==, "pbkdf2-sha256");
  g_assert_cmpint (g_ascii_strtoll (parts[1], NULL, 10), >=, 100000);
  raw_salt = g_base64_decode (parts[2], &raw_len);
  g_assert_cmpuint (raw_len, ==, 16);
  g_test_message ("one PIN hash (%s iterations): %.0f ms", parts[1], seconds * 1000);

  g_test_timer_start ();
  g_assert_true (kefu_pin_check ("2580", stored));
  g_test_message ("one PIN check: %.0f ms", g_test_timer_elapsed () * 1000);
  g_assert_false (kefu_pin_check ("0852", stored));

  /* A new salt each time: the same PIN never gives the same text. */
  again = kefu_pin_hash ("2580");
  g_assert_cmpstr (again, !=, stored);
  g_assert_true (kefu_pin_check ("2580", again));
}

static void
test_malformed (void)
{
  const char *bad[] = {
    NULL, "", "2580", "pbkdf2-sha256$", "pbkdf2-sha256$0$AQID$AQID",
    "pbkdf2-sha1$1000$AQIDBAUGBwgJCgsMDQ4PEA==$AQID",
    "pbkdf2-sha256$99999999999$AQIDBAUGBwgJCgsMDQ4PEA==$AQID",
    "pbkdf2-sha256$1000$AQIDBAUGBwgJCgsMDQ4PEA==$AQID",
    "pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (kefu_pin_check ("2580", bad[i]));
}

static void
test_validate (void)
{
  const char *good[] = { "2580", "000000", "123456789012" };
  const char *bad[] = { NULL, "", "123", "1234567890123", "12a4", "１２３４", " 1234", "12 34" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (kefu_pin_validate (good[i], NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kefu_pin_validate (bad[i], &error));
      g_assert_error (error, KEFU_PIN_ERROR, KEFU_PIN_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/pin/rfc7914-vectors", test_rfc7914_vectors);
  g_test_add_func ("/kefu/pin/short-output", test_short_output);
  g_test_add_func ("/kefu/pin/stored-form", test_stored_form);
  g_test_add_func ("/kefu/pin/malformed", test_malformed);
  g_test_add_func ("/kefu/pin/validate", test_validate);
  return g_test_run ();
}
