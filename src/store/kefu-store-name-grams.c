/* kefu-store-name-grams.c: the name-gram index (customer_name_grams) and the name key it is
 * built from.
 *
 * A name's key is its text in the form searches compare: compatibility-normalised (full-width
 * Ａ as A), case-folded, with everything that is neither a letter, a digit nor a combining mark
 * left out (spaces, the middle dot of 阿依古丽·买买提, punctuation). Its grams are every single
 * character of the key and every pair of adjacent characters, each once. A query is keyed the
 * same way, so that a query of one or two characters is one gram, and any longer one contains
 * pairs that every matching name has too.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include "kefu-store-customers-private.h"

static inline gboolean
is_cjk_ideograph (gunichar c)
{
  /* The CJK Unified Ideographs and Extension A: no compatibility decomposition and no case,
   * so they are their own key. (The compatibility ideographs at U+F900 are not among them.) */
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static inline gboolean
is_key_character (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The key of names made only of ASCII, common CJK ideographs and a few separators, which is
 * nearly every name, without the allocations of normalising and folding: appends it to `key`
 * and returns TRUE, or returns FALSE (with `key` left as it was) for any other text. */
static gboolean
append_simple_key (GString    *key,
                   const char *text)
{
  gsize start = key->len;

  for (const char *p = text; *p != '\0'; )
    {
      guchar byte = (guchar) *p;

      if (byte < 0x80)
        {
          /* For ASCII, NFKC changes nothing and case folding is tolower(). */
          if (g_ascii_isalnum (byte))
            g_string_append_c (key, g_ascii_tolower (byte));
          p++;
          continue;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (is_cjk_ideograph (c))
            g_string_append_len (key, p, next - p);
          else if (c == 0x00B7 || c == 0x3000 || c == 0x30FB || c == 0x2022)
            ;  /* middle dots and the ideographic space: separators that fold to themselves */
          else
            {
              g_string_truncate (key, start);
              return FALSE;
            }
          p = next;
        }
    }
  return TRUE;
}

void
_kefu_store_append_name_key (GString    *key,
                             const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *compatible = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *normalized = NULL;

  g_return_if_fail (key != NULL);

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if (append_simple_key (key, text))
    return;

  /* NFKC, then case folding, then NFKC again: folding can undo the composition of the first
   * step (Unicode's NFKC_Casefold does the same). */
  compatible = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (compatible, -1);
  normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_key_character (c))
        g_string_append_unichar (key, c);
    }
}

char *
_kefu_store_name_key (const char *text)
{
  GString *key = g_string_new (NULL);

  _kefu_store_append_name_key (key, text);
  return g_string_free (key, FALSE);
}

guint
_kefu_store_name_key_length (const char *key)
{
  return (guint) g_utf8_strlen (key, -1);
}

/* TRUE when the gram of `length` bytes at `gram` is already among the `n` grams of `grams`. */
static gboolean
gram_seen (const GString *grams,
           const char    *gram,
           gsize          length)
{
  for (const char *p = grams->str; p < grams->str + grams->len; p += strlen (p) + 1)
    if (strlen (p) == length && memcmp (p, gram, length) == 0)
      return TRUE;
  return FALSE;
}

guint
_kefu_store_name_grams_from_key (const char *key,
                                 GString    *grams)
{
  guint n = 0;

  g_string_truncate (grams, 0);
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *second = g_utf8_next_char (p);
      const char *end = *second != '\0' ? g_utf8_next_char (second) : NULL;

      /* The character itself, then the pair it starts; each gram once per name, as the table's
       * primary key (gram, customer_id) wants. */
      if (!gram_seen (grams, p, second - p))
        {
          g_string_append_len (grams, p, second - p);
          g_string_append_c (grams, '\0');
          n++;
        }
      if (end != NULL && !gram_seen (grams, p, end - p))
        {
          g_string_append_len (grams, p, end - p);
          g_string_append_c (grams, '\0');
          n++;
        }
    }
  return n;
}

gboolean
_kefu_store_write_name_grams (KefuStore     *self,
                              gint64         customer_id,
                              const char    *name,
                              gboolean       replace,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *key = _kefu_store_name_key (name);
  g_autoptr(GString) grams = g_string_new (NULL);
  guint n = _kefu_store_name_grams_from_key (key, grams);
  const char *gram = grams->str;

  if (replace &&
      _kefu_store_execute (self, "DELETE FROM customer_name_grams WHERE customer_id = $1",
                           g_variant_new ("(x)", customer_id), cancellable, error) < 0)
    return FALSE;

  for (guint i = 0; i < n; i++, gram += strlen (gram) + 1)
    if (_kefu_store_execute (self,
                             "INSERT INTO customer_name_grams (gram, customer_id) VALUES ($1, $2)",
                             g_variant_new ("(sx)", gram, customer_id),
                             cancellable, error) < 0)
      return FALSE;
  return TRUE;
}
