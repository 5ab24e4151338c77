/* kefu-store-assignment.c: assigning customers to clerks (客户资料处理), balancing how many each
 * clerk has.
 *
 * The plan is water-filling: each customer goes to the clerk who has the fewest at that point,
 * ties to the clerk named first. That is computed from the clerks' current counts alone (one
 * GROUP BY), never customer by customer: the clerks below some level are raised to it, and the
 * remainder goes one each to the first clerks at that level. The customers themselves go out in
 * id order, the first clerk's share first, so that assigning "all unassigned" is one UPDATE per
 * clerk of the next `share` unassigned customers, whatever their number. One event per clerk
 * records the count.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-roles.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-customers-private.h"

typedef struct
{
  const gint64  *customer_ids;   /* NULL: every unassigned customer */
  guint          n_customers;
  const gint64  *clerk_ids;
  guint          n_clerks;
  GArray        *plan;           /* KefuAssignmentCount, in clerk order */
  GArray        *customers;      /* gint64: the given customers that exist, sorted, distinct */
} Assignment;

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a, ib = *(const gint64 *) b;

  return (ia > ib) - (ia < ib);
}

/* Runs `sql` (whose "IN (…)" takes $first … for KEFU_STORE_ID_CHUNK ids, after the parameters
 * `before` holds) for `ids` a chunk at a time, calling `row_func` on each row. */
typedef void (*RowFunc) (KefuRows *rows, guint row, gpointer data);

static gboolean
query_chunks (KefuStore     *self,
              const char    *sql,
              GVariant      *before,
              const gint64  *ids,
              guint          n_ids,
              RowFunc        row_func,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  for (guint start = 0; start < n_ids; start += KEFU_STORE_ID_CHUNK)
    {
      guint n = MIN (KEFU_STORE_ID_CHUNK, n_ids - start);
      g_autoptr(KefuRows) rows = NULL;
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
      if (before != NULL)
        for (gsize i = 0; i < g_variant_n_children (before); i++)
          {
            g_autoptr(GVariant) child = g_variant_get_child_value (before, i);

            g_variant_builder_add_value (&builder, child);
          }
      _kefu_store_add_id_chunk (&builder, ids + start, n);
      rows = _kefu_store_query (self, sql, g_variant_builder_end (&builder), cancellable, error);
      if (rows == NULL)
        return FALSE;
      for (guint r = 0; row_func != NULL && r < kefu_rows_get_n_rows (rows); r++)
        row_func (rows, r, data);
    }
  return TRUE;
}

static void
add_existing_id (KefuRows *rows,
                 guint     row,
                 gpointer  data)
{
  gint64 id = kefu_rows_get_int (rows, row, 0);

  g_array_append_val ((GArray *) data, id);
}

static void
add_count (KefuRows *rows,
           guint     row,
           gpointer  data)
{
  GArray *plan = data;
  gint64 clerk = kefu_rows_get_int (rows, row, 0);

  for (guint i = 0; i < plan->len; i++)
    if (g_array_index (plan, KefuAssignmentCount, i).clerk_id == clerk)
      g_array_index (plan, KefuAssignmentCount, i).current += kefu_rows_get_int (rows, row, 1);
}

/* Every clerk must be an active member of the hotline staff, named once. */
static gboolean
check_clerks (KefuStore     *self,
              Assignment    *a,
              GCancellable  *cancellable,
              GError       **error)
{
  if (a->n_clerks == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("Choose at least one clerk to assign the customers to."));
      return FALSE;
    }
  for (guint i = 0; i < a->n_clerks; i++)
    {
      g_autofree char *name = NULL;
      KefuRole role;

      for (guint j = 0; j < i; j++)
        if (a->clerk_ids[j] == a->clerk_ids[i])
          {
            g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                                 _("A clerk is chosen twice. Choose each clerk once."));
            return FALSE;
          }
      if (!_kefu_store_staff_role (self, a->clerk_ids[i], &role, &name, cancellable, error))
        return FALSE;
      if (!kefu_role_can_take_calls (role))
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("%s works as %s and does not take calls, so customers cannot be "
                         "assigned to them. Choose hotline clerks."),
                       name, kefu_role_get_display_name (role));
          return FALSE;
        }
    }
  return TRUE;
}

/* Water-filling: `n` customers over the counts of `plan`, each to the clerk with the fewest at
 * that point, ties to the first named. */
static void
fill (GArray *plan,
      gint64  n)
{
  gint64 low, high, given = 0, extra;

  if (n <= 0 || plan->len == 0)
    return;

  /* The highest level L that n customers can raise every clerk below it to. */
  low = G_MAXINT64;
  for (guint i = 0; i < plan->len; i++)
    low = MIN (low, g_array_index (plan, KefuAssignmentCount, i).current);
  high = low + n;
  while (low < high)
    {
      gint64 level = low + (high - low + 1) / 2;
      gint64 needed = 0;

      for (guint i = 0; i < plan->len && needed <= n; i++)
        needed += MAX (0, level - g_array_index (plan, KefuAssignmentCount, i).current);
      if (needed <= n)
        low = level;
      else
        high = level - 1;
    }

  for (guint i = 0; i < plan->len; i++)
    {
      KefuAssignmentCount *count = &g_array_index (plan, KefuAssignmentCount, i);

      count->added = MAX (0, low - count->current);
      given += count->added;
    }
  /* What is left (fewer than the clerks at level L) goes one each to the first of them. */
  extra = n - given;
  for (guint i = 0; i < plan->len && extra > 0; i++)
    {
      KefuAssignmentCount *count = &g_array_index (plan, KefuAssignmentCount, i);

      if (count->current + count->added == low)
        {
          count->added++;
          extra--;
        }
    }
}

static gboolean
make_plan (KefuStore     *self,
           Assignment    *a,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *placeholders = _kefu_store_id_placeholders (1);
  g_autofree char *counts_sql = NULL;
  gint64 n_to_assign;

  if (!check_clerks (self, a, cancellable, error))
    return FALSE;

  g_array_set_size (a->plan, 0);
  for (guint i = 0; i < a->n_clerks; i++)
    {
      KefuAssignmentCount count = { a->clerk_ids[i], 0, 0 };

      g_array_append_val (a->plan, count);
    }

  g_array_set_size (a->customers, 0);
  if (a->customer_ids != NULL)
    {
      g_autofree char *exists_sql = g_strconcat ("SELECT id FROM customers WHERE id IN (",
                                                 placeholders, ")", NULL);

      /* Customers removed since they were selected are left out. */
      if (!query_chunks (self, exists_sql, NULL, a->customer_ids, a->n_customers,
                         add_existing_id, a->customers, cancellable, error))
        return FALSE;
      g_array_sort (a->customers, compare_ids);
      for (guint i = 1; i < a->customers->len; )
        if (g_array_index (a->customers, gint64, i) == g_array_index (a->customers, gint64, i - 1))
          g_array_remove_index (a->customers, i);
        else
          i++;
      n_to_assign = a->customers->len;
    }
  else
    {
      g_autoptr(KefuRows) rows = NULL;

      rows = _kefu_store_query (self, "SELECT COUNT(*) FROM customers "
                                "WHERE assigned_clerk_id IS NULL", NULL, cancellable, error);
      if (rows == NULL)
        return FALSE;
      n_to_assign = kefu_rows_get_int (rows, 0, 0);
    }

  /* Each clerk's count now, without the customers being assigned (they may move). */
  counts_sql = g_strconcat ("SELECT assigned_clerk_id, COUNT(*) FROM customers "
                            "WHERE assigned_clerk_id IN (", placeholders, ") "
                            "GROUP BY assigned_clerk_id", NULL);
  if (!query_chunks (self, counts_sql, NULL, a->clerk_ids, a->n_clerks, add_count, a->plan,
                     cancellable, error))
    return FALSE;
  if (a->customer_ids != NULL && a->customers->len > 0)
    {
      g_autofree char *moving = _kefu_store_id_placeholders (1);
      g_autofree char *moving_sql = g_strconcat ("SELECT assigned_clerk_id, -COUNT(*) "
                                                 "FROM customers WHERE id IN (", moving, ") "
                                                 "AND assigned_clerk_id IS NOT NULL "
                                                 "GROUP BY assigned_clerk_id", NULL);

      if (!query_chunks (self, moving_sql, NULL, (gint64 *) a->customers->data,
                         a->customers->len, add_count, a->plan, cancellable, error))
        return FALSE;
    }

  fill (a->plan, n_to_assign);
  return TRUE;
}

static gboolean
check_permission (KefuStore     *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  KefuRole role;

  if (!_kefu_store_staff_role (self, _kefu_store_get_txn_actor (self), &role, NULL,
                               cancellable, error))
    return FALSE;
  if (!kefu_role_can_assign_customers (role))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                   _("Only the customer-service manager assigns customers to clerks, and you "
                     "are working as %s. Ask the manager to do it."),
                   kefu_role_get_display_name (role));
      return FALSE;
    }
  return TRUE;
}

/* The columns an assignment sets: the clerk, the assigned time, no first contact yet, and a new
 * version so that a form holding the old one does not overwrite the assignment. */
#define ASSIGN_SET \
  "UPDATE customers SET assigned_clerk_id = $1, assigned_at = now(), first_contact_at = NULL, " \
  "version = version + 1, updated_at = now() WHERE id IN "

static gboolean
assign_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Assignment *a = data;
  g_autofree char *placeholders = _kefu_store_id_placeholders (2);
  g_autofree char *listed_sql = g_strconcat (ASSIGN_SET "(", placeholders, ")", NULL);
  guint next = 0;

  if (!check_permission (self, cancellable, error) || !make_plan (self, a, cancellable, error))
    return FALSE;

  for (guint i = 0; i < a->plan->len; i++)
    {
      KefuAssignmentCount *count = &g_array_index (a->plan, KefuAssignmentCount, i);
      g_autofree char *details = NULL;
      gint64 changed = count->added;

      if (count->added == 0)
        continue;
      if (a->customer_ids == NULL)
        {
          /* The next `added` unassigned customers in id order, in one statement. */
          changed = _kefu_store_execute (self,
                                         ASSIGN_SET "(SELECT id FROM customers "
                                         "WHERE assigned_clerk_id IS NULL ORDER BY id LIMIT $2)",
                                         g_variant_new ("(xx)", count->clerk_id, count->added),
                                         cancellable, error);
          if (changed < 0)
            return FALSE;
        }
      else
        {
          g_autoptr(GVariant) clerk = g_variant_ref_sink (g_variant_new ("(x)", count->clerk_id));

          if (!query_chunks (self, listed_sql, clerk,
                             &g_array_index (a->customers, gint64, next), (guint) count->added,
                             NULL, NULL, cancellable, error))
            return FALSE;
          next += (guint) count->added;
        }
      details = g_strdup_printf ("{\"clerk_id\":%" G_GINT64_FORMAT ",\"count\":%" G_GINT64_FORMAT
                                 ",\"unassigned\":%s}", count->clerk_id, changed,
                                 a->customer_ids == NULL ? "true" : "false");
      if (!_kefu_store_add_event (self, "customers", 0, "assign", details, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static GArray *
run (KefuStore      *self,
     const gint64   *customer_ids,
     guint           n_customers,
     const gint64   *clerk_ids,
     guint           n_clerks,
     gboolean        apply,
     GCancellable   *cancellable,
     GError        **error)
{
  Assignment a = {
    .customer_ids = customer_ids, .n_customers = n_customers,
    .clerk_ids = clerk_ids, .n_clerks = n_clerks,
  };
  gboolean ok;

  a.plan = g_array_new (FALSE, FALSE, sizeof (KefuAssignmentCount));
  a.customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (apply)
    ok = _kefu_store_write (self, assign_txn, &a, cancellable, error);
  else
    ok = make_plan (self, &a, cancellable, error);
  g_array_unref (a.customers);
  if (!ok)
    {
      g_array_unref (a.plan);
      return NULL;
    }
  return a.plan;
}

/**
 * kefu_store_plan_assignment:
 * @customer_ids: (array length=n_customers) (nullable): the customers; %NULL with 0 for every
 *   unassigned customer
 * @clerk_ids: (array length=n_clerks): the clerks, active hotline staff, each once
 *
 * The counts are each clerk's customers now, apart from the customers being assigned (a
 * selected customer who is assigned already may move to another clerk).
 *
 * Returns: (transfer full) (element-type KefuAssignmentCount): one count per clerk, in
 *   @clerk_ids order
 */
GArray *
kefu_store_plan_assignment (KefuStore     *self,
                            const gint64  *customer_ids,
                            guint          n_customers,
                            const gint64  *clerk_ids,
                            guint          n_clerks,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, NULL);
  g_return_val_if_fail (clerk_ids != NULL || n_clerks == 0, NULL);

  return run (self, customer_ids, n_customers, clerk_ids, n_clerks, FALSE, cancellable, error);
}

/**
 * kefu_store_assign_customers:
 *
 * Carries out kefu_store_plan_assignment()'s plan in one transaction. The actor must be allowed
 * to assign (kefu_role_can_assign_customers()): %KEFU_STORE_ERROR_PERMISSION otherwise.
 *
 * Returns: (transfer full) (element-type KefuAssignmentCount): the plan carried out
 */
GArray *
kefu_store_assign_customers (KefuStore     *self,
                             const gint64  *customer_ids,
                             guint          n_customers,
                             const gint64  *clerk_ids,
                             guint          n_clerks,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, NULL);
  g_return_val_if_fail (clerk_ids != NULL || n_clerks == 0, NULL);

  return run (self, customer_ids, n_customers, clerk_ids, n_clerks, TRUE, cancellable, error);
}
