/* kefu-store-customer-list.c: the customers pane's list at a million rows: every id the filter
 * lets through, in the sort order, read as 8-byte integers (the list model then fetches the rows
 * of the visible pages with kefu_store_get_customers()).
 *
 * Each order is an index of the schema read from one end: customers_name (name, id),
 * customers_district (district, name, id), customers_last_contact (last_contact_at, id). Empty
 * districts and customers never contacted sort as the smallest values on both backends (SQLite
 * and PostgreSQL put NULL at opposite ends): they are read as a part of their own before the
 * others, each part in its index's order, and a descending list is the ascending one reversed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include "kefu-store-customer-match.h"

/* A part of the list: the rows it holds and their order (ascending). */
typedef struct
{
  const char *condition;  /* NULL: every row */
  const char *order[3];   /* the ORDER BY columns, NULL-terminated */
} ListPart;

static const ListPart name_parts[] = {
  { NULL, { "customers.name", "customers.id", NULL } },
};
static const ListPart district_parts[] = {
  { "customers.district IS NULL", { "customers.name", "customers.id", NULL } },
  { "customers.district IS NOT NULL",
    { "customers.district", "customers.name", "customers.id" } },
};
static const ListPart last_contact_parts[] = {
  { "customers.last_contact_at IS NULL", { "customers.id", NULL, NULL } },
  { "customers.last_contact_at IS NOT NULL",
    { "customers.last_contact_at", "customers.id", NULL } },
};

/* The filter's conditions (not the query's), with their parameters. */
static void
append_filter (const KefuCustomerFilter *filter,
               GString                  *where,
               GVariantBuilder          *params,
               guint                    *n_params)
{
  /* Archived customers are out of the working list; "Show Archived" lists only them. */
  g_string_append_printf (where, " AND %s",
                          _kefu_store_archive_condition (KEFU_ARCHIVE_CUSTOMER,
                                                         filter != NULL && filter->archived));
  if (filter == NULL)
    return;
  if (filter->assigned_clerk_id > 0)
    {
      g_variant_builder_add (params, "x", filter->assigned_clerk_id);
      g_string_append_printf (where, " AND customers.assigned_clerk_id = $%u", ++*n_params);
    }
  else if (filter->assigned_clerk_id < 0)
    g_string_append (where, " AND customers.assigned_clerk_id IS NULL");
  if (filter->to_contact)
    g_string_append (where, " AND customers.assigned_clerk_id IS NOT NULL "
                            "AND customers.first_contact_at IS NULL");
}

static gboolean
append_part (KefuStore                *self,
             const KefuCustomerMatch  *match,
             const KefuCustomerFilter *filter,
             const ListPart           *part,
             gboolean                  descending,
             guint                     limit,
             GArray                   *ids,
             GCancellable             *cancellable,
             GError                  **error)
{
  gboolean check = _kefu_customer_match_needs_check (match);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GVariant) params = NULL;
  GVariantBuilder builder;
  guint n_params = 0;

  /* The id alone when the database decides; the name too when a long name query is checked
   * here. The SQL is made of our own fragments only: the user's text travels as parameters. */
  g_string_append (sql, check ? "SELECT customers.id, customers.name FROM customers WHERE "
                              : "SELECT customers.id FROM customers WHERE ");
  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  _kefu_customer_match_append_condition (match, self, sql, &builder, &n_params);
  append_filter (filter, sql, &builder, &n_params);
  if (part->condition != NULL)
    g_string_append_printf (sql, " AND %s", part->condition);
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < G_N_ELEMENTS (part->order) && part->order[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s%s", i > 0 ? ", " : "", part->order[i],
                            descending ? " DESC" : "");
  /* A name query checked here is cut after the check instead: the database cannot know which
   * of its rows the check keeps. */
  if (limit > 0 && !check)
    {
      g_variant_builder_add (&builder, "x", (gint64) limit);
      g_string_append_printf (sql, " LIMIT $%u", ++n_params);
    }
  params = g_variant_ref_sink (g_variant_builder_end (&builder));

  if (!check)
    {
      g_autoptr(GArray) part_ids = NULL;

      part_ids = _kefu_store_query_int64_column (self, sql->str,
                                                 n_params > 0 ? params : NULL,
                                                 cancellable, error);
      if (part_ids == NULL)
        return FALSE;
      g_array_append_vals (ids, part_ids->data, part_ids->len);
    }
  else
    {
      g_autoptr(KefuRows) rows = NULL;

      /* Few rows: every name has all the rarest pairs of the query. */
      rows = _kefu_store_query (self, sql->str, n_params > 0 ? params : NULL, cancellable,
                                error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0, found = 0;
           i < kefu_rows_get_n_rows (rows) && (limit == 0 || found < limit); i++)
        if (_kefu_customer_match_name (match, kefu_rows_get_text (rows, i, 1)))
          {
            gint64 id = kefu_rows_get_int (rows, i, 0);

            g_array_append_val (ids, id);
            found++;
          }
    }
  return TRUE;
}

/* How many customers the filter lets through (count(*) with the same conditions, which the
 * database answers from its smallest index), or -1 when only a check here could say (a long
 * name query, whose list is short and read whole anyway). */
static gboolean
count_customers (KefuStore                *self,
                 const KefuCustomerMatch  *match,
                 const KefuCustomerFilter *filter,
                 gint64                   *n_total,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM customers WHERE ");
  g_autoptr(GVariant) params = NULL;
  g_autoptr(GArray) counts = NULL;
  GVariantBuilder builder;
  guint n_params = 0;

  if (match->kind == KEFU_CUSTOMER_MATCH_NONE)
    {
      *n_total = 0;
      return TRUE;
    }
  if (_kefu_customer_match_needs_check (match))
    {
      *n_total = -1;
      return TRUE;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  _kefu_customer_match_append_condition (match, self, sql, &builder, &n_params);
  append_filter (filter, sql, &builder, &n_params);
  params = g_variant_ref_sink (g_variant_builder_end (&builder));
  counts = _kefu_store_query_int64_column (self, sql->str, n_params > 0 ? params : NULL,
                                           cancellable, error);
  if (counts == NULL)
    return FALSE;
  *n_total = counts->len > 0 ? g_array_index (counts, gint64, 0) : 0;
  return TRUE;
}

/* The ids in order, all of them (limit 0) or the first `limit`; with `n_total`, their count. */
static GArray *
list_ids (KefuStore                 *self,
          const KefuCustomerFilter  *filter,
          KefuCustomerSort           sort,
          gboolean                   descending,
          guint                      limit,
          gint64                    *n_total,
          GCancellable              *cancellable,
          GError                   **error)
{
  KefuCustomerMatch match;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const ListPart *parts;
  guint n_parts;
  gint64 start = g_get_monotonic_time ();

  switch (sort)
    {
    case KEFU_CUSTOMER_SORT_NAME:
      parts = name_parts;
      n_parts = G_N_ELEMENTS (name_parts);
      break;
    case KEFU_CUSTOMER_SORT_DISTRICT:
      parts = district_parts;
      n_parts = G_N_ELEMENTS (district_parts);
      break;
    case KEFU_CUSTOMER_SORT_LAST_CONTACT:
      parts = last_contact_parts;
      n_parts = G_N_ELEMENTS (last_contact_parts);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (!_kefu_customer_match_init (&match, self, filter != NULL ? filter->query : NULL,
                                  cancellable, error))
    {
      _kefu_customer_match_clear (&match);
      return NULL;
    }

  /* The parts are read one after the other: a customer whose district or last contact changes
   * in between may be in neither or in both until the next refresh, which lists that refresh on
   * every change get anyway. A head reads the parts in the same order as the whole list and
   * stops at `limit`, so that it is the whole list's beginning. */
  for (guint i = 0; i < n_parts && match.kind != KEFU_CUSTOMER_MATCH_NONE; i++)
    {
      const ListPart *part = &parts[descending ? n_parts - 1 - i : i];

      if (limit > 0 && ids->len >= limit)
        break;
      if (!append_part (self, &match, filter, part, descending,
                        limit > 0 ? limit - ids->len : 0, ids, cancellable, error))
        {
          _kefu_customer_match_clear (&match);
          return NULL;
        }
    }

  if (n_total != NULL)
    {
      /* A head shorter than asked for is the whole list: no count needed. */
      if (limit > 0 && ids->len < limit)
        *n_total = ids->len;
      else if (!count_customers (self, &match, filter, n_total, cancellable, error))
        {
          _kefu_customer_match_clear (&match);
          return NULL;
        }
    }
  _kefu_customer_match_clear (&match);
  g_debug ("Listed %u customer ids (limit %u) in %.1f ms", ids->len, limit,
           (g_get_monotonic_time () - start) / 1e3);
  return g_steal_pointer (&ids);
}

/**
 * kefu_store_list_customer_ids:
 * @filter: (nullable): which customers; %NULL for everyone
 * @sort: the order
 * @descending: %TRUE for the reverse order (ties too)
 *
 * Returns: (transfer full) (element-type gint64): the ids, in order
 */
GArray *
kefu_store_list_customer_ids (KefuStore                 *self,
                              const KefuCustomerFilter  *filter,
                              KefuCustomerSort           sort,
                              gboolean                   descending,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return list_ids (self, filter, sort, descending, 0, NULL, cancellable, error);
}

/**
 * kefu_store_list_customer_ids_head:
 * @filter: (nullable): which customers; %NULL for everyone
 * @sort: the order
 * @descending: %TRUE for the reverse order (ties too)
 * @limit: how many ids at most, above 0
 * @n_total: (out) (optional): how many the whole list has, or -1 when unknown
 *
 * Returns: (transfer full) (element-type gint64): the first @limit ids of
 *   kefu_store_list_customer_ids() for the same arguments
 */
GArray *
kefu_store_list_customer_ids_head (KefuStore                 *self,
                                   const KefuCustomerFilter  *filter,
                                   KefuCustomerSort           sort,
                                   gboolean                   descending,
                                   guint                      limit,
                                   gint64                    *n_total,
                                   GCancellable              *cancellable,
                                   GError                   **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  return list_ids (self, filter, sort, descending, limit, n_total, cancellable, error);
}

/**
 * kefu_store_get_customers:
 * @ids: (array length=n_ids): customer ids
 * @n_ids: how many, at most 1000
 *
 * Returns: (transfer full) (element-type KefuCustomer): the customers still present, in the
 *   order of @ids
 */
GPtrArray *
kefu_store_get_customers (KefuStore     *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *placeholders = _kefu_store_id_placeholders (1);
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree gint64 *keys = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (n_ids <= 1000, NULL);

  sql = g_strconcat ("SELECT " KEFU_STORE_CUSTOMER_COLUMNS " FROM " KEFU_STORE_CUSTOMER_FROM
                     " WHERE customers.id IN (", placeholders, ")", NULL);
  found = g_ptr_array_new_with_free_func (g_object_unref);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint start = 0; start < n_ids; start += KEFU_STORE_ID_CHUNK)
    {
      guint n = MIN (KEFU_STORE_ID_CHUNK, n_ids - start);
      g_autoptr(KefuRows) rows = NULL;
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
      _kefu_store_add_id_chunk (&builder, ids + start, n);
      rows = _kefu_store_query (self, sql, g_variant_builder_end (&builder), cancellable, error);
      if (rows == NULL)
        return NULL;
      for (guint r = 0; r < kefu_rows_get_n_rows (rows); r++)
        g_ptr_array_add (found, _kefu_store_customer_from_row (rows, r));
    }
  if (!_kefu_store_customers_load_phones (self, found, cancellable, error))
    return NULL;

  /* The ids' order, which the list model asked for; ids asked twice give the customer twice. */
  keys = g_new (gint64, MAX (found->len, 1));
  for (guint i = 0; i < found->len; i++)
    {
      KefuRecord *record = g_ptr_array_index (found, i);

      keys[i] = kefu_record_get_id (record);
      g_hash_table_insert (by_id, &keys[i], record);
    }
  customers = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      KefuCustomer *customer = g_hash_table_lookup (by_id, &ids[i]);

      if (customer != NULL)
        g_ptr_array_add (customers, g_object_ref (customer));
    }
  return g_steal_pointer (&customers);
}
