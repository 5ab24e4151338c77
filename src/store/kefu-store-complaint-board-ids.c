/* kefu-store-complaint-board-ids.c: the list view's complaint ids, sorted, whole or only their
 * head (with the length of the whole list), under a complaint filter
 * (kefu-store-complaint-board-filters.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-complaint-board-private.h"

/* The list view's ids come in the order of an index wherever one exists, so that listing half a
 * million complaints reads them in order instead of sorting them (tens of milliseconds rather
 * than a second on SQLite):
 *  - received, reference and customer walk the complaints' indexes on the columns copied from
 *    their calls (complaints_received_at, _reference, _caller_name), ties by the call's id;
 *  - the deadline reads those with one through complaints_due_at, then the rest by id;
 *  - the stage reads each stage in board order through complaints_stage (stage, id);
 *  - the owner reads the owners in the order of their names and cuts their complaints, read
 *    in one scan, into runs (append_ids_by_owner ()).
 * Each part is one statement with the filter's conditions; the parts are joined here. */

/* Runs `sql` (FROM, WHERE, ORDER BY: the filter's where clause and `where_extra` go in) and
 * appends the ids to `ids`.
 *
 * The parts are separate statements, so a complaint that moves meanwhile (to the next stage, or
 * gets its first deadline) could come in two parts. `seen` (nullable) prevents that: ids in it
 * are left out, and with `remember` the part's ids go into it. The open stages and the
 * complaints with a deadline, a few thousand, are remembered; the many closed ones are only
 * checked against them (a closed complaint never moves again). */
static gboolean
append_ids (KefuStore           *self,
            GArray              *ids,
            KefuComplaintQuery  *q,
            const char          *from,
            const char          *where_extra,
            const char          *order,
            GVariant            *extra_param,
            GHashTable          *seen,
            gboolean             remember,
            guint                limit,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT complaints.id FROM ");
  g_autoptr(GArray) part = NULL;
  gboolean where = FALSE;

  g_string_append (sql, from);
  if (where_extra != NULL)
    {
      g_string_append_printf (sql, " WHERE %s", where_extra);
      where = TRUE;
    }
  if (q->where->len > 0)
    g_string_append_printf (sql, where ? " AND %s" : " WHERE %s", q->where->str);
  g_string_append_printf (sql, " ORDER BY %s", order);
  /* A head's limit is the model's constant, not user text: the statement stays cached. */
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  part = _kefu_store_query_int64_column (self, sql->str,
                                         _kefu_complaint_query_params (q, extra_param),
                                         cancellable, error);
  if (part == NULL)
    return FALSE;
  if (seen == NULL)
    {
      g_array_append_vals (ids, part->data, part->len);
      return TRUE;
    }
  for (guint i = 0; i < part->len; i++)
    {
      gint64 id = g_array_index (part, gint64, i);

      if (g_hash_table_contains (seen, &id))
        continue;
      if (remember)
        g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* A complaint's id and its owner's id in one int64 (that id above, the complaint's below 2^32),
 * so that one column read gives both. Ids stay far below 2^31 at any hotline. */
#define OWNER_SHIFT 32

static int
compare_packed (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorted by the owner's name: the owners in that order (a few dozen), and every matching
 * complaint with its owner's id in one scan (complaints_owner_id on SQLite), sorted here by owner
 * and id and cut into the owners' runs. One statement, so nothing is seen twice; PostgreSQL
 * would otherwise sort every owner's complaints after fetching them from the table. */
static gboolean
append_ids_by_owner (KefuStore           *self,
                     GArray              *ids,
                     KefuComplaintQuery  *q,
                     const char          *from,
                     gboolean             descending,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT complaints.owner_id * 4294967296 + complaints.id "
                                         "FROM ");
  g_autoptr(GArray) owners = NULL;
  g_autoptr(GArray) matching = NULL;

  owners = _kefu_store_query_int64_column (self,
                                           descending ? "SELECT id FROM staff "
                                                        "ORDER BY name DESC, id DESC"
                                                      : "SELECT id FROM staff ORDER BY name, id",
                                           NULL, cancellable, error);
  if (owners == NULL)
    return FALSE;
  g_string_append (sql, from);
  if (q->where->len > 0)
    g_string_append_printf (sql, " WHERE %s", q->where->str);
  /* In the order of complaints_owner_list (owner_id, id), which PostgreSQL then reads alone
   * instead of every complaint's row; sorting again here costs nothing on sorted ids. */
  g_string_append (sql, " ORDER BY complaints.owner_id, complaints.id");
  matching = _kefu_store_query_int64_column (self, sql->str, _kefu_complaint_query_params (q, NULL),
                                             cancellable, error);
  if (matching == NULL)
    return FALSE;
  g_array_sort (matching, compare_packed);

  for (guint i = 0; i < owners->len; i++)
    {
      gint64 owner = g_array_index (owners, gint64, i);
      guint lo = 0, hi = matching->len, end;

      /* The first complaint of the owner, then the end of their run. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if ((g_array_index (matching, gint64, mid) >> OWNER_SHIFT) < owner)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (end = lo; end < matching->len &&
                     (g_array_index (matching, gint64, end) >> OWNER_SHIFT) == owner; end++)
        ;
      for (guint j = 0; j < end - lo; j++)
        {
          gint64 packed = g_array_index (matching, gint64, descending ? end - 1 - j : lo + j);
          gint64 id = packed & G_GINT64_CONSTANT (0xffffffff);

          g_array_append_val (ids, id);
        }
    }
  return TRUE;
}

/* The ids in order: all of them (limit 0), or the first `limit` of that same list. The sorts
 * read in parts stop once the limit is reached (each part asked only for what is still
 * missing); the owner's sort reads its one scan whole (a head of it would cost as much). */
static GArray *
list_ids (KefuStore                 *self,
          const KefuComplaintFilter *filter,
          KefuComplaintSort          sort,
          gboolean                   descending,
          guint                      limit,
          GCancellable              *cancellable,
          GError                   **error)
{
  static const char *const stages[] = {
    "new", "routed", "in-progress", "reopened", "resolved", "called-back", "closed", "explained",
  };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *where_extra = NULL;
  g_autofree char *order = NULL;
  const char *dir = descending ? " DESC" : "";
  const char *from;
  gboolean ok = TRUE;
  KefuComplaintQuery q;

  _kefu_complaint_query_init (&q);
  _kefu_complaint_query_add_filter (&q, filter, FALSE);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Every condition and sort column is on the complaint (schema step 3 copies the call's). */
  from = "complaints";

/* What a part may still add: 0 (no limit) for a whole list. */
#define REMAINING() (limit > 0 ? limit - ids->len : 0)
#define FULL() (limit > 0 && ids->len >= limit)

  switch (sort)
    {
    case KEFU_COMPLAINT_SORT_DUE:
      seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      order = g_strdup_printf ("complaints.due_at%s, complaints.id%s", dir, dir);
      ok = append_ids (self, ids, &q, from, "complaints.due_at IS NOT NULL", order, NULL,
                       seen, TRUE, REMAINING (), cancellable, error);
      g_free (order);
      order = g_strdup_printf ("complaints.id%s", dir);
      ok = ok && (FULL () ||
                  append_ids (self, ids, &q, from, "complaints.due_at IS NULL", order, NULL,
                              seen, FALSE, REMAINING (), cancellable, error));
      break;

    case KEFU_COMPLAINT_SORT_STAGE:
      seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      order = g_strdup_printf ("complaints.id%s", dir);
      for (guint i = 0; i < G_N_ELEMENTS (stages) && ok && !FULL (); i++)
        {
          const char *stage = stages[descending ? G_N_ELEMENTS (stages) - 1 - i : i];

          gboolean open = !g_str_equal (stage, "closed") && !g_str_equal (stage, "explained");

          g_free (where_extra);
          where_extra = g_strdup_printf ("complaints.stage = $%u", q.params->len + 1);
          ok = append_ids (self, ids, &q, from, where_extra, order,
                           g_variant_new_string (stage), seen, open, REMAINING (),
                           cancellable, error);
        }
      break;

    case KEFU_COMPLAINT_SORT_OWNER:
      ok = append_ids_by_owner (self, ids, &q, from, descending, cancellable, error);
      break;

    case KEFU_COMPLAINT_SORT_CUSTOMER:
    case KEFU_COMPLAINT_SORT_REFERENCE:
    case KEFU_COMPLAINT_SORT_RECEIVED:
    default:
      order = g_strdup_printf ("%s%s, complaints.call_id%s",
                               sort == KEFU_COMPLAINT_SORT_CUSTOMER ? "complaints.caller_name"
                               : sort == KEFU_COMPLAINT_SORT_REFERENCE ? "complaints.reference"
                               : "complaints.received_at",
                               dir, dir);
      ok = append_ids (self, ids, &q, from, NULL, order, NULL, NULL, FALSE, REMAINING (),
                       cancellable, error);
      break;
    }
#undef REMAINING
#undef FULL
  _kefu_complaint_query_clear (&q);
  return ok ? g_steal_pointer (&ids) : NULL;
}

/**
 * kefu_store_list_complaint_ids:
 * @filter: (nullable): which complaints; %NULL for all
 * @sort: the column to sort by; ties go by id (of the call for the call's columns), in the
 *   same direction
 * @descending: largest first (complaints without a deadline stay last either way)
 *
 * Returns: (transfer full) (element-type gint64): the ids of every complaint matching @filter,
 *   of any stage, sorted
 */
GArray *
kefu_store_list_complaint_ids (KefuStore                 *self,
                               const KefuComplaintFilter *filter,
                               KefuComplaintSort          sort,
                               gboolean                   descending,
                               GCancellable              *cancellable,
                               GError                   **error)
{
  g_autoptr(KefuComplaintFilter) all = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_complaint_filter_new ();
  return list_ids (self, filter, sort, descending, 0, cancellable, error);
}

/* How many complaints match `filter`: one count(*) with the list's conditions. */
static gboolean
count_complaints (KefuStore                 *self,
                  const KefuComplaintFilter *filter,
                  gint64                    *n_total,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  KefuComplaintQuery q;

  _kefu_complaint_query_init (&q);
  _kefu_complaint_query_add_filter (&q, filter, FALSE);
  return _kefu_complaint_query_count (&q, self, "complaints", n_total, cancellable, error);
}

/**
 * kefu_store_list_complaint_ids_head:
 * @filter: (nullable): which complaints; %NULL for all
 * @n_head: how many ids at most (more than 0)
 * @n_total: (out) (optional): how many the whole list has
 *
 * The beginning of kefu_store_list_complaint_ids()'s list, for showing its top rows before the
 * whole list is read. Two lists are read whole either way, so all of it is returned, with
 * @n_total its length (the caller has nothing left to read): the owner's sort (its one scan
 * cannot stop early) and a text search (every complaint's text is matched before the first row
 * is known: over 500,000 complaints its first 400 took 552 ms, the whole list 395 ms).
 *
 * Returns: (transfer full) (element-type gint64): the first @n_head ids (or every id, see above),
 *   in the list's order
 */
GArray *
kefu_store_list_complaint_ids_head (KefuStore                 *self,
                                    const KefuComplaintFilter *filter,
                                    KefuComplaintSort          sort,
                                    gboolean                   descending,
                                    guint                      n_head,
                                    gint64                    *n_total,
                                    GCancellable              *cancellable,
                                    GError                   **error)
{
  g_autoptr(KefuComplaintFilter) all = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean whole;
  gint64 count;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (n_head > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_complaint_filter_new ();
  whole = sort == KEFU_COMPLAINT_SORT_OWNER || (filter->text != NULL && filter->text[0] != '\0');
  ids = list_ids (self, filter, sort, descending, whole ? 0 : n_head, cancellable, error);
  if (ids == NULL)
    return NULL;
  /* A list read whole, or a head shorter than asked for, is its own count. */
  if (whole || ids->len < n_head)
    count = ids->len;
  else if (!count_complaints (self, filter, &count, cancellable, error))
    return NULL;
  if (n_total != NULL)
    *n_total = count;
  return g_steal_pointer (&ids);
}
