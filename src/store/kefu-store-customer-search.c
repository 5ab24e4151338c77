/* kefu-store-customer-search.c: finding customers by a phone fragment or a name fragment (the
 * caller lookup), and what the customers list shares with it (KefuCustomerMatch).
 *
 * A query of 4 or more digits matches phone numbers by their last digits or in full, through
 * the reversed-digits index. Anything else is a name fragment, compared by its key (see
 * kefu-store-name-grams.c): a key of 1 or 2 characters is itself a gram, so its customers are
 * one index range; a longer key is looked up by its rarest pairs (each name containing the key
 * has all of them) and every candidate is then checked for the whole key here, in C, where the
 * comparison is the same on both backends.
 *
 * Ranking: the customers whose name is the query, then those whose name starts with it (both
 * read in name order from the name index, the exact name sorting first), then the others that
 * contain it, oldest customer first.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include "core/kefu-phone.h"
#include "core/kefu-text.h"
#include "kefu-store-customer-match.h"

/* A pair that occurs this often or more is no better a driver than another one. */
#define GRAM_COUNT_CAP 1000
/* Pairs counted to find the rarest; a longer key's other pairs are left to the check in C. */
#define MAX_COUNTED_GRAMS 8

/* The highest code point: "q" + this bounds every text that starts with "q" from above. */
#define TEXT_MAX_SUFFIX "\xf4\x8f\xbf\xbf"

static gint64
count_gram (KefuStore     *self,
            const char    *gram,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "SELECT COUNT(*) FROM (SELECT 1 FROM customer_name_grams "
                            "WHERE gram = $1 LIMIT " G_STRINGIFY (GRAM_COUNT_CAP) ") AS capped",
                            g_variant_new ("(s)", gram), cancellable, error);
  if (rows == NULL)
    return -1;
  return kefu_rows_get_int (rows, 0, 0);
}

typedef struct
{
  char   *gram;
  gint64  count;
} CountedGram;

static int
compare_counted (gconstpointer a,
                 gconstpointer b)
{
  const CountedGram *ga = a;
  const CountedGram *gb = b;

  return (ga->count > gb->count) - (ga->count < gb->count);
}

/* For a key of 3 or more characters: the rarest of its pairs first, then the next ones, up to
 * KEFU_CUSTOMER_MATCH_MAX_GRAMS. A pair no name has means no customer can match. */
static gboolean
choose_grams (KefuStore          *self,
              KefuCustomerMatch  *match,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GString) grams = g_string_new (NULL);
  g_autoptr(GArray) counted = g_array_new (FALSE, FALSE, sizeof (CountedGram));
  guint n = _kefu_store_name_grams_from_key (match->key, grams);
  const char *gram = grams->str;
  gboolean ok = TRUE;

  for (guint i = 0; i < n && ok; i++, gram += strlen (gram) + 1)
    {
      CountedGram entry;

      if (g_utf8_strlen (gram, -1) != 2 || counted->len >= MAX_COUNTED_GRAMS)
        continue;
      entry.count = count_gram (self, gram, cancellable, error);
      if (entry.count < 0)
        ok = FALSE;
      else if (entry.count == 0)
        {
          /* No name has this pair: no name can contain the key. */
          match->kind = KEFU_CUSTOMER_MATCH_NONE;
          break;
        }
      else
        {
          entry.gram = g_strdup (gram);
          g_array_append_val (counted, entry);
        }
    }

  if (ok && match->kind == KEFU_CUSTOMER_MATCH_NAME)
    {
      g_array_sort (counted, compare_counted);
      for (guint i = 0; i < counted->len && i < KEFU_CUSTOMER_MATCH_MAX_GRAMS; i++)
        match->grams[match->n_grams++] = g_steal_pointer (&g_array_index (counted, CountedGram, i).gram);
    }
  for (guint i = 0; i < counted->len; i++)
    g_free (g_array_index (counted, CountedGram, i).gram);
  return ok;
}

gboolean
_kefu_customer_match_init (KefuCustomerMatch  *match,
                           KefuStore          *self,
                           const char         *query,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autofree char *digits = NULL;

  memset (match, 0, sizeof *match);
  match->kind = KEFU_CUSTOMER_MATCH_ALL;
  if (query == NULL)
    return TRUE;

  if (kefu_phone_is_search_digits (query, &digits))
    {
      g_autofree char *normalized = kefu_phone_normalize (query, NULL, NULL);
      g_autofree char *reversed = NULL;

      /* A whole number typed any way ("+86 138 …", "(010) 8765-4321") is looked up by its
       * normalised digits; a fragment by the digits as typed. */
      if (normalized != NULL)
        {
          match->full_number = kefu_phone_lookup_digits (normalized);
          reversed = g_strreverse (g_strdup (match->full_number));
        }
      else
        {
          match->full_number = g_strdup (digits);
          reversed = g_strreverse (g_strdup (digits));
        }
      match->kind = KEFU_CUSTOMER_MATCH_PHONE;
      match->phone_pattern = _kefu_schema_phone_prefix_pattern (kefu_store_get_backend (self),
                                                                reversed);
      return TRUE;
    }

  match->key = _kefu_store_name_key (query);
  match->key_length = _kefu_store_name_key_length (match->key);
  if (match->key_length == 0)
    {
      /* Only spaces or punctuation: everyone, as an empty query. */
      g_clear_pointer (&match->key, g_free);
      return TRUE;
    }
  match->kind = KEFU_CUSTOMER_MATCH_NAME;
  match->text = kefu_text_normalize (query);
  if (match->text == NULL)
    match->text = g_utf8_make_valid (query, -1);

  if (match->key_length <= 2)
    {
      match->grams[match->n_grams++] = g_strdup (match->key);
      return TRUE;
    }
  return choose_grams (self, match, cancellable, error);
}

void
_kefu_customer_match_clear (KefuCustomerMatch *match)
{
  g_clear_pointer (&match->full_number, g_free);
  g_clear_pointer (&match->phone_pattern, g_free);
  g_clear_pointer (&match->key, g_free);
  g_clear_pointer (&match->text, g_free);
  for (guint i = 0; i < match->n_grams; i++)
    g_clear_pointer (&match->grams[i], g_free);
  match->n_grams = 0;
}

gboolean
_kefu_customer_match_needs_check (const KefuCustomerMatch *match)
{
  return match->kind == KEFU_CUSTOMER_MATCH_NAME && match->key_length > 2;
}

gboolean
_kefu_customer_match_name (const KefuCustomerMatch *match,
                           const char              *name)
{
  g_autofree char *key = NULL;

  if (match->kind != KEFU_CUSTOMER_MATCH_NAME)
    return TRUE;
  key = _kefu_store_name_key (name);
  return strstr (key, match->key) != NULL;
}

/* "$n" for the next parameter, which `builder` receives as `value`. */
static char *
next_param (guint           *n_params,
            GVariant        *value,
            GVariantBuilder *builder)
{
  g_variant_builder_add_value (builder, value);
  return g_strdup_printf ("$%u", ++*n_params);
}

void
_kefu_customer_match_append_condition (const KefuCustomerMatch *match,
                                       KefuStore               *self,
                                       GString                 *where,
                                       GVariantBuilder         *params,
                                       guint                   *n_params)
{
  switch (match->kind)
    {
    case KEFU_CUSTOMER_MATCH_ALL:
      g_string_append (where, "TRUE");
      break;
    case KEFU_CUSTOMER_MATCH_NONE:
      g_string_append (where, "FALSE");
      break;
    case KEFU_CUSTOMER_MATCH_PHONE:
      {
        g_autofree char *p = next_param (n_params, g_variant_new_string (match->phone_pattern),
                                         params);
        const char *condition = _kefu_store_dialect_phone_suffix_match (self);
        const char *placeholder = strstr (condition, "$1");

        /* The dialect's prefix match is written for $1; here the pattern has its own number. */
        g_assert (placeholder != NULL);
        g_string_append (where, "customers.id IN (SELECT customer_phones.customer_id "
                                "FROM customer_phones WHERE ");
        g_string_append_len (where, condition, placeholder - condition);
        g_string_append (where, p);
        g_string_append (where, placeholder + 2);
        g_string_append (where, ")");
        break;
      }
    case KEFU_CUSTOMER_MATCH_NAME:
      g_string_append (where, "customers.id IN (SELECT g0.customer_id FROM customer_name_grams g0");
      for (guint i = 1; i < match->n_grams; i++)
        {
          g_autofree char *p = next_param (n_params, g_variant_new_string (match->grams[i]),
                                           params);

          g_string_append_printf (where, " JOIN customer_name_grams g%u ON g%u.customer_id = "
                                  "g0.customer_id AND g%u.gram = %s", i, i, i, p);
        }
      {
        g_autofree char *p = next_param (n_params, g_variant_new_string (match->grams[0]),
                                         params);

        g_string_append_printf (where, " WHERE g0.gram = %s)", p);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The rank of a customer found by a name query: 0 the name is the query, 1 it starts with it,
 * 2 it contains it (keys compared). */
static int
name_rank (const KefuCustomerMatch *match,
           KefuCustomer            *customer)
{
  g_autofree char *key = _kefu_store_name_key (kefu_customer_get_name (customer));

  if (g_str_equal (key, match->key))
    return 0;
  return g_str_has_prefix (key, match->key) ? 1 : 2;
}

typedef struct
{
  KefuCustomer *customer;
  int           rank;
  guint         position;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->rank != rb->rank)
    return ra->rank - rb->rank;
  return (ra->position > rb->position) - (ra->position < rb->position);
}

/* Adds the customers of `rows` not yet in `seen` to `found`, up to `limit`; with `check`, only
 * those whose name contains the key. Returns the id of the last row read (0 for none). */
static gint64
take_rows (const KefuCustomerMatch *match,
           KefuRows                *rows,
           gboolean                 check,
           GHashTable              *seen,
           GPtrArray               *found,
           guint                    limit)
{
  gint64 last = 0;

  for (guint i = 0; i < kefu_rows_get_n_rows (rows) && found->len < limit; i++)
    {
      gint64 id = kefu_rows_get_int (rows, i, 0);

      last = id;
      if (g_hash_table_contains (seen, &id) ||
          (check && !_kefu_customer_match_name (match, kefu_rows_get_text (rows, i, 4))))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (found, _kefu_store_customer_from_row (rows, i));
    }
  return last;
}

static gboolean
search_phones (KefuStore          *self,
               KefuCustomerMatch  *match,
               guint               limit,
               GHashTable         *seen,
               GPtrArray          *found,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *sql = NULL;

  /* The matching numbers are ranked and cut to the limit before any customer row is read:
   * "the last 4 digits" match a hundred numbers in a million, and each customer row read is a
   * random page. A customer with two numbers ending alike counts once. */
  sql = g_strconcat ("SELECT " KEFU_STORE_CUSTOMER_COLUMNS " FROM "
                     "(SELECT customer_phones.customer_id AS id, "
                     "MIN(CASE WHEN customer_phones.phone = $2 THEN 0 ELSE 1 END) AS exact "
                     "FROM customer_phones WHERE ", _kefu_store_dialect_phone_suffix_match (self),
                     " GROUP BY customer_phones.customer_id ORDER BY exact, id LIMIT $3) AS matched "
                     "JOIN customers ON customers.id = matched.id " KEFU_STORE_CUSTOMER_JOINS
                     " ORDER BY matched.exact, customers.id", NULL);
  rows = _kefu_store_query (self, sql,
                            g_variant_new ("(ssx)", match->phone_pattern, match->full_number,
                                           (gint64) limit),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  take_rows (match, rows, FALSE, seen, found, limit);
  return TRUE;
}

static gboolean
search_names (KefuStore          *self,
              KefuCustomerMatch  *match,
              guint               limit,
              GHashTable         *seen,
              GPtrArray          *found,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autofree char *upper = g_strconcat (match->text, TEXT_MAX_SUFFIX, NULL);
  g_autoptr(KefuRows) prefixed = NULL;
  g_autoptr(GString) sql = NULL;
  gboolean check = _kefu_customer_match_needs_check (match);
  gint64 after = 0;

  /* The exact name and the names that start with the query as typed: a range of the name
   * index, the exact one first. A query that is a common surname fills the list here. */
  prefixed = _kefu_store_query (self,
                                "SELECT " KEFU_STORE_CUSTOMER_COLUMNS " FROM "
                                KEFU_STORE_CUSTOMER_FROM " WHERE customers.name >= $1 "
                                "AND customers.name < $2 ORDER BY customers.name, customers.id "
                                "LIMIT $3",
                                g_variant_new ("(ssx)", match->text, upper, (gint64) limit),
                                cancellable, error);
  if (prefixed == NULL)
    return FALSE;
  take_rows (match, prefixed, check, seen, found, limit);

  /* Then the others that contain it, by the grams, in id order, page by page: a longer key's
   * candidates are checked here and may not all match. The prefix range is left out, so the
   * pages only hold names not read above. */
  sql = g_string_new ("SELECT " KEFU_STORE_CUSTOMER_COLUMNS " FROM customer_name_grams g0");
  for (guint i = 1; i < match->n_grams; i++)
    g_string_append_printf (sql, " JOIN customer_name_grams g%u ON g%u.customer_id = "
                            "g0.customer_id AND g%u.gram = $%u", i, i, i, i + 5);
  g_string_append (sql, " JOIN customers ON customers.id = g0.customer_id "
                        KEFU_STORE_CUSTOMER_JOINS " WHERE g0.gram = $1 AND g0.customer_id > $2 "
                        "AND NOT (customers.name >= $3 AND customers.name < $4) "
                        "ORDER BY g0.customer_id LIMIT $5");
  while (found->len < limit)
    {
      g_autoptr(KefuRows) rows = NULL;
      GVariantBuilder params;
      guint page = MAX (limit * 2, 50);

      g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
      g_variant_builder_add (&params, "s", match->grams[0]);
      g_variant_builder_add (&params, "x", after);
      g_variant_builder_add (&params, "s", match->text);
      g_variant_builder_add (&params, "s", upper);
      g_variant_builder_add (&params, "x", (gint64) page);
      for (guint i = 1; i < match->n_grams; i++)
        g_variant_builder_add (&params, "s", match->grams[i]);
      rows = _kefu_store_query (self, sql->str, g_variant_builder_end (&params), cancellable,
                                error);
      if (rows == NULL)
        return FALSE;
      after = take_rows (match, rows, check, seen, found, limit);
      if (kefu_rows_get_n_rows (rows) < page)
        break;
    }
  return TRUE;
}

/**
 * kefu_store_search_customers:
 * @query: digits of a phone number (4 or more), or a fragment of a name
 * @limit: the most customers to return; 0 for 50
 *
 * Returns: (transfer full): a #GListModel of #KefuCustomer (with phones and last contact), best
 *   matches first; empty for an empty query
 */
GListModel *
kefu_store_search_customers (KefuStore     *self,
                             const char    *query,
                             guint          limit,
                             GCancellable  *cancellable,
                             GError       **error)
{
  KefuCustomerMatch match;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ranked = NULL;
  GListStore *list;
  gboolean ok = TRUE;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  if (limit == 0)
    limit = 50;
  if (!_kefu_customer_match_init (&match, self, query, cancellable, error))
    {
      _kefu_customer_match_clear (&match);
      return NULL;
    }

  if (match.kind == KEFU_CUSTOMER_MATCH_PHONE)
    ok = search_phones (self, &match, limit, seen, found, cancellable, error);
  else if (match.kind == KEFU_CUSTOMER_MATCH_NAME)
    ok = search_names (self, &match, limit, seen, found, cancellable, error);
  if (ok)
    ok = _kefu_store_customers_load_phones (self, found, cancellable, error);
  if (!ok)
    {
      _kefu_customer_match_clear (&match);
      return NULL;
    }

  /* The SQL order already ranks the name as typed; the keys also rank a name that differs from
   * the query only in case or spacing ("zhang wei" for "Zhang Wei"). */
  ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), found->len);
  for (guint i = 0; i < found->len; i++)
    {
      Ranked entry = { g_ptr_array_index (found, i), 0, i };

      if (match.kind == KEFU_CUSTOMER_MATCH_NAME)
        entry.rank = name_rank (&match, entry.customer);
      g_array_append_val (ranked, entry);
    }
  g_array_sort (ranked, compare_ranked);

  list = g_list_store_new (KEFU_TYPE_CUSTOMER);
  for (guint i = 0; i < ranked->len; i++)
    g_list_store_append (list, g_array_index (ranked, Ranked, i).customer);
  _kefu_customer_match_clear (&match);
  return G_LIST_MODEL (list);
}
