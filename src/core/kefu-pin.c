/* kefu-pin.c: PBKDF2-HMAC-SHA256 with GLib's GHmac, and the stored form of a PIN (kefu-pin.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-pin"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kefu-pin.h"

#define PREFIX "pbkdf2-sha256"
#define SHA256_BYTES 32
/* A stored hash that asks for more is refused rather than computed: a file edited to ask for
 * billions of iterations must not hang the chooser. */
#define MAX_ITERATIONS 10000000

G_DEFINE_QUARK (kefu-pin-error-quark, kefu_pin_error)

void
kefu_pbkdf2_sha256 (const guint8 *password,
                    gsize         password_len,
                    const guint8 *salt,
                    gsize         salt_len,
                    guint         iterations,
                    guint8       *out,
                    gsize         out_len)
{
  GHmac *keyed;

  g_return_if_fail (iterations >= 1);
  g_return_if_fail (out != NULL || out_len == 0);

  /* The key schedule is done once: every HMAC below is a copy of this keyed state. */
  keyed = g_hmac_new (G_CHECKSUM_SHA256, password, password_len);
  for (guint32 block = 1; out_len > 0; block++)
    {
      guint8 u[SHA256_BYTES], t[SHA256_BYTES];
      guint8 counter[4] = { block >> 24, block >> 16, block >> 8, block };
      gsize digest_len = SHA256_BYTES;
      gsize n = MIN (out_len, (gsize) SHA256_BYTES);
      GHmac *h = g_hmac_copy (keyed);

      /* U1 = HMAC (P, S || INT (i)); T = U1 ^ U2 ^ … ^ Uc, Uj = HMAC (P, Uj-1). */
      g_hmac_update (h, salt, salt_len);
      g_hmac_update (h, counter, sizeof counter);
      g_hmac_get_digest (h, u, &digest_len);
      g_hmac_unref (h);
      memcpy (t, u, SHA256_BYTES);
      for (guint j = 1; j < iterations; j++)
        {
          h = g_hmac_copy (keyed);
          g_hmac_update (h, u, SHA256_BYTES);
          digest_len = SHA256_BYTES;
          g_hmac_get_digest (h, u, &digest_len);
          g_hmac_unref (h);
          for (guint k = 0; k < SHA256_BYTES; k++)
            t[k] ^= u[k];
        }
      memcpy (out, t, n);
      out += n;
      out_len -= n;
      memset (u, 0, sizeof u);
      memset (t, 0, sizeof t);
    }
  g_hmac_unref (keyed);
}

gboolean
kefu_pin_validate (const char  *pin,
                   GError     **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;
  gboolean digits = len > 0;

  for (gsize i = 0; i < len; i++)
    digits = digits && g_ascii_isdigit (pin[i]);
  if (!digits || len < KEFU_PIN_MIN_DIGITS || len > KEFU_PIN_MAX_DIGITS)
    {
      g_set_error (error, KEFU_PIN_ERROR, KEFU_PIN_ERROR_INVALID,
                   _("A PIN is %d to %d digits. Type digits only."),
                   KEFU_PIN_MIN_DIGITS, KEFU_PIN_MAX_DIGITS);
      return FALSE;
    }
  return TRUE;
}

char *
kefu_pin_hash_full (const char   *pin,
                    guint         iterations,
                    const guint8 *salt,
                    gsize         salt_len)
{
  guint8 hash[KEFU_PIN_HASH_BYTES];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);
  g_return_val_if_fail (iterations >= 1, NULL);

  kefu_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, salt_len, iterations, hash,
                      sizeof hash);
  salt64 = g_base64_encode (salt, salt_len);
  hash64 = g_base64_encode (hash, sizeof hash);
  memset (hash, 0, sizeof hash);
  return g_strdup_printf (PREFIX "$%u$%s$%s", iterations, salt64, hash64);
}

char *
kefu_pin_hash (const char *pin)
{
  guint8 salt[KEFU_PIN_SALT_BYTES];

  g_return_val_if_fail (pin != NULL, NULL);

  /* GRand is seeded from /dev/urandom; the salt only has to be unique, not secret. */
  for (gsize i = 0; i < sizeof salt; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (salt + i, &r, MIN (sizeof r, sizeof salt - i));
    }
  return kefu_pin_hash_full (pin, KEFU_PIN_ITERATIONS, salt, sizeof salt);
}

gboolean
kefu_pin_check (const char *pin,
                const char *stored)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  guint8 actual[KEFU_PIN_HASH_BYTES];
  gsize salt_len = 0, expected_len = 0;
  guint64 iterations;
  guint8 diff = 0;

  if (pin == NULL || stored == NULL)
    return FALSE;
  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], PREFIX) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, MAX_ITERATIONS, &iterations, NULL))
    return FALSE;
  salt = g_base64_decode (parts[2], &salt_len);
  expected = g_base64_decode (parts[3], &expected_len);
  if (salt_len == 0 || expected_len != sizeof actual)
    return FALSE;

  kefu_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, salt_len, (guint) iterations,
                      actual, sizeof actual);
  /* Every byte is compared whatever the first difference, so the time taken says nothing about
   * how much of the hash matched. */
  for (gsize i = 0; i < sizeof actual; i++)
    diff |= actual[i] ^ expected[i];
  memset (actual, 0, sizeof actual);
  return diff == 0;
}
