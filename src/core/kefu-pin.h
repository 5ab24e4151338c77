/* kefu-pin.h: the optional PIN of a staff member on a shared SQLite file.
 *
 * On a file share there is no server to sign in to: the user picks who they are at start, and a
 * PIN keeps colleagues from picking each other by mistake or in jest. It is not a security
 * boundary (anyone who can open the file can change it; the file's permissions on the share
 * are the boundary), but it is still stored as a slow salted hash, so that the file never shows
 * a PIN, which people reuse elsewhere:
 *
 *   pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
 *
 * PBKDF2-HMAC-SHA256 (RFC 8018) with KEFU_PIN_ITERATIONS iterations, a 16-byte random salt and
 * a 32-byte hash; checking compares in constant time.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEFU_PIN_ITERATIONS   120000
#define KEFU_PIN_SALT_BYTES   16
#define KEFU_PIN_HASH_BYTES   32
#define KEFU_PIN_MIN_DIGITS   4
#define KEFU_PIN_MAX_DIGITS   12

#define KEFU_PIN_ERROR (kefu_pin_error_quark ())

typedef enum
{
  KEFU_PIN_ERROR_INVALID,     /* not 4–12 digits */
} KefuPinError;

GQuark    kefu_pin_error_quark   (void);

/* PBKDF2-HMAC-SHA256: writes `out_len` bytes of key derived from `password` and `salt` with
 * `iterations` (≥ 1) into `out`. */
void      kefu_pbkdf2_sha256     (const guint8 *password,
                                  gsize         password_len,
                                  const guint8 *salt,
                                  gsize         salt_len,
                                  guint         iterations,
                                  guint8       *out,
                                  gsize         out_len);

/* Whether `pin` is a PIN Kefu accepts: 4 to 12 digits (ASCII), nothing else. */
gboolean  kefu_pin_validate      (const char   *pin,
                                  GError      **error);

/* The stored form of `pin` with a new random salt (transfer full). */
char     *kefu_pin_hash          (const char   *pin);
/* The same with a given salt and number of iterations (for tests and for checking). */
char     *kefu_pin_hash_full     (const char   *pin,
                                  guint         iterations,
                                  const guint8 *salt,
                                  gsize         salt_len);

/* Whether `pin` matches `stored` (a kefu_pin_hash () result). A stored text that is not of
 * that form never matches. */
gboolean  kefu_pin_check         (const char   *pin,
                                  const char   *stored);

G_END_DECLS
