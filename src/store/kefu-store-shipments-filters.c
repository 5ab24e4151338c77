/* kefu-store-shipments-filters.c: the shipment list's filter and its ids, sorted in SQL, whole
 * or only their head (with the length of the whole list).
 *
 * Every order is read through an index (kefu-schema-v4.c), so that the first rows of 200,000
 * shipments come without sorting them all:
 *  - attention: the shipments past their attention time (overdue or in exception), oldest
 *    first, through shipments_attention; then the other open ones, newest request first,
 *    through shipments_open_requested; then the received and cancelled ones, newest first,
 *    through shipments_requested_at;
 *  - requested, reference, customer: their indexes, ties by id;
 *  - step: each step in step order through shipments_step (step, id);
 *  - expected arrival: the shipped ones through shipments_expected, then those without one by
 *    id (they stay last either way).
 * A sort read in parts runs one statement per part with the filter's conditions; the parts are
 * joined here.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-shipments-private.h"

/* The filter */

/**
 * kefu_shipment_filter_new:
 *
 * Returns: (transfer full): a filter that lets every shipment through
 */
KefuShipmentFilter *
kefu_shipment_filter_new (void)
{
  KefuShipmentFilter *filter = g_new0 (KefuShipmentFilter, 1);

  filter->step = -1;
  return filter;
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/**
 * kefu_shipment_filter_copy:
 *
 * Returns: (transfer full): a deep copy of @filter
 */
KefuShipmentFilter *
kefu_shipment_filter_copy (const KefuShipmentFilter *filter)
{
  KefuShipmentFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->requested_from = ref_or_null (filter->requested_from);
  copy->requested_to = ref_or_null (filter->requested_to);
  copy->now = ref_or_null (filter->now);
  copy->text = g_strdup (filter->text);
  return copy;
}

void
kefu_shipment_filter_free (KefuShipmentFilter *filter)
{
  if (filter == NULL)
    return;
  g_clear_pointer (&filter->requested_from, g_date_time_unref);
  g_clear_pointer (&filter->requested_to, g_date_time_unref);
  g_clear_pointer (&filter->now, g_date_time_unref);
  g_free (filter->text);
  g_free (filter);
}

/* The conditions */

static void
add_time (KefuComplaintQuery *q,
          const char         *format,
          GDateTime          *time)
{
  g_autofree char *text = kefu_time_to_db (time);

  _kefu_complaint_query_param (q, g_variant_new_string (text));
  _kefu_complaint_query_and (q, format, q->params->len);
}

static void
add_id (KefuComplaintQuery *q,
        const char         *format,
        gint64              id)
{
  _kefu_complaint_query_param (q, g_variant_new_int64 (id));
  _kefu_complaint_query_and (q, format, q->params->len);
}

void
_kefu_shipment_query_add_filter (KefuComplaintQuery       *q,
                                 const KefuShipmentFilter *filter,
                                 GDateTime                *now)
{
  /* Archived shipments are out of the list; "Show Archived" lists only them. */
  _kefu_complaint_query_and (q, "%s", _kefu_store_archive_condition (KEFU_ARCHIVE_SHIPMENT,
                                                                     filter->archived));
  if (filter->open_only)
    _kefu_complaint_query_and (q, "%s", KEFU_SHIPMENT_OPEN_WHERE);
  if (filter->overdue_only)
    add_time (q, "attention_at IS NOT NULL AND attention_at <= $%u", now);
  if (filter->step >= 0)
    {
      _kefu_complaint_query_param (q, g_variant_new_string (
                                     _kefu_store_enum_to_nick (KEFU_TYPE_SHIPMENT_STEP,
                                                               filter->step)));
      _kefu_complaint_query_and (q, "step = $%u", q->params->len);
    }
  if (filter->customer_id != 0)
    add_id (q, "customer_id = $%u", filter->customer_id);
  if (filter->carrier_id != 0)
    add_id (q, "carrier_id = $%u", filter->carrier_id);
  if (filter->account_manager_id != 0)
    add_id (q, "account_manager_id = $%u", filter->account_manager_id);
  if (filter->requested_from != NULL)
    add_time (q, "requested_at >= $%u", filter->requested_from);
  if (filter->requested_to != NULL)
    add_time (q, "requested_at < $%u", filter->requested_to);
  if (filter->text != NULL && filter->text[0] != '\0')
    {
      g_autofree char *pattern = _kefu_complaint_like_pattern (filter->text);

      _kefu_complaint_query_param (q, g_variant_new_string (pattern));
      _kefu_complaint_query_and (q,
                                 "shipments.id IN (SELECT shipment_id FROM shipment_search "
                                 "WHERE search_text LIKE $%u ESCAPE '\\')", q->params->len);
    }
}

/* The ids */

typedef struct
{
  KefuComplaintQuery  q;
  GArray             *ids;
  GHashTable         *seen;    /* ids of the parts read so far */
  guint               limit;   /* 0: the whole list */
} IdList;

static gboolean
id_list_full (IdList *l)
{
  return l->limit > 0 && l->ids->len >= l->limit;
}

/* Appends the ids of one part: the filter's conditions and `where` (nullable; its "%u" is the
 * number of `param`, when given), in `order`. The parts are separate statements, so a shipment
 * that moves meanwhile could come in two of them; the ids seen in earlier parts are left out. */
static gboolean
append_part (KefuStore     *self,
             IdList        *l,
             const char    *where,
             GVariant      *param,
             const char    *order,
             gboolean       last,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT shipments.id FROM shipments WHERE ");
  g_autoptr(GArray) part = NULL;
  GVariant *params;
  guint extra = l->q.params->len + 1;

  if (id_list_full (l))
    return TRUE;
  if (where != NULL)
    g_string_append_printf (sql, where, extra);
  else
    g_string_append (sql, "TRUE");
  if (l->q.where->len > 0)
    g_string_append_printf (sql, " AND %s", l->q.where->str);
  g_string_append_printf (sql, " ORDER BY %s", order);
  /* The limit is the model's page size, not user text: the statement stays cached. */
  if (l->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", l->limit - l->ids->len + g_hash_table_size (l->seen));

  params = _kefu_complaint_query_params (&l->q, param);
  part = _kefu_store_query_int64_column (self, sql->str, params, cancellable, error);
  if (part == NULL)
    return FALSE;
  for (guint i = 0; i < part->len && !id_list_full (l); i++)
    {
      gint64 id = g_array_index (part, gint64, i);

      if (g_hash_table_contains (l->seen, &id))
        continue;
      if (!last)
        g_hash_table_add (l->seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (l->ids, id);
    }
  return TRUE;
}

#define DIR(descending) ((descending) ? " DESC" : "")

static gboolean
append_attention (KefuStore     *self,
                  IdList        *l,
                  GDateTime     *now,
                  gboolean       descending,
                  gboolean       open_only,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autofree char *overdue_order = g_strdup_printf ("attention_at%s, id%s", DIR (descending),
                                                    DIR (descending));
  /* Open and final ones go newest first; descending turns that round too. */
  g_autofree char *newest_order = g_strdup_printf ("requested_at%s, id%s", DIR (!descending),
                                                   DIR (!descending));
  const char *overdue = "attention_at IS NOT NULL AND attention_at <= $%u";
  const char *open = KEFU_SHIPMENT_OPEN_WHERE " AND (attention_at IS NULL OR attention_at > $%u)";
  /* The final ones as "not open" (the same rows: step is one of the two lists), so that the
   * backends walk shipments_requested_at in order and stop at the limit, instead of reading
   * every final shipment (nearly all of them) through shipments_step and sorting them. */
  const char *final = "NOT (" KEFU_SHIPMENT_OPEN_WHERE ")";

  if (!descending)
    return append_part (self, l, overdue, g_variant_new_string (now_text), overdue_order, FALSE,
                        cancellable, error) &&
           append_part (self, l, open, g_variant_new_string (now_text), newest_order, FALSE,
                        cancellable, error) &&
           (open_only ||
            append_part (self, l, final, NULL, newest_order, TRUE, cancellable, error));
  /* Open only, there are no final ones to read. */
  return (open_only ||
          append_part (self, l, final, NULL, newest_order, FALSE, cancellable, error)) &&
         append_part (self, l, open, g_variant_new_string (now_text), newest_order, FALSE,
                      cancellable, error) &&
         append_part (self, l, overdue, g_variant_new_string (now_text), overdue_order, TRUE,
                      cancellable, error);
}

static gboolean
append_by_step (KefuStore     *self,
                IdList        *l,
                gboolean       descending,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GEnumClass) steps = g_type_class_ref (KEFU_TYPE_SHIPMENT_STEP);
  g_autofree char *order = g_strdup_printf ("id%s", DIR (descending));

  for (guint i = 0; i < steps->n_values; i++)
    {
      guint n = descending ? steps->n_values - 1 - i : i;

      if (!append_part (self, l, "step = $%u",
                        g_variant_new_string (steps->values[n].value_nick), order,
                        i + 1 == steps->n_values, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* The whole order as one ORDER BY, for a text search: its matches are few and found by one scan
 * of shipment_search, which reading the order in parts would repeat for each part. The
 * expressions give each part's rank, then its own keys (a key that does not apply to a row's
 * part is NULL for the whole part, so it never decides). `now` is added as a parameter. */
static char *
one_statement_order (IdList           *l,
                     KefuShipmentSort  sort,
                     gboolean          descending,
                     GDateTime        *now)
{
  g_autofree char *now_text = kefu_time_to_db (now);
  const char *asc = DIR (descending), *desc = DIR (!descending);
  guint n;

  switch (sort)
    {
    case KEFU_SHIPMENT_SORT_ATTENTION:
      n = _kefu_complaint_query_param (&l->q, g_variant_new_string (now_text));
      return g_strdup_printf ("CASE WHEN attention_at <= $%u THEN 0 WHEN " KEFU_SHIPMENT_OPEN_WHERE
                              " THEN 1 ELSE 2 END%s, "
                              "CASE WHEN attention_at <= $%u THEN attention_at END%s, "
                              "CASE WHEN attention_at <= $%u THEN id END%s, "
                              "requested_at%s, id%s",
                              n, asc, n, asc, n, asc, desc, desc);

    case KEFU_SHIPMENT_SORT_STEP:
      {
        g_autoptr(GEnumClass) steps = g_type_class_ref (KEFU_TYPE_SHIPMENT_STEP);
        GString *order = g_string_new ("CASE step");

        /* The nicks are our own constants, not user text. */
        for (guint i = 0; i < steps->n_values; i++)
          g_string_append_printf (order, " WHEN '%s' THEN %d", steps->values[i].value_nick,
                                  steps->values[i].value);
        g_string_append_printf (order, " END%s, id%s", asc, asc);
        return g_string_free (order, FALSE);
      }

    case KEFU_SHIPMENT_SORT_EXPECTED:
      return g_strdup_printf ("CASE WHEN expected_arrival IS NULL THEN 1 ELSE 0 END, "
                              "expected_arrival%s, id%s", asc, asc);

    case KEFU_SHIPMENT_SORT_REFERENCE:
    case KEFU_SHIPMENT_SORT_CUSTOMER:
    case KEFU_SHIPMENT_SORT_REQUESTED:
    default:
      return g_strdup_printf ("%s%s, id%s",
                              sort == KEFU_SHIPMENT_SORT_REFERENCE ? "reference" :
                              sort == KEFU_SHIPMENT_SORT_CUSTOMER ? "customer_name" :
                              "requested_at",
                              asc, asc);
    }
}

static GArray *
list_ids (KefuStore                *self,
          const KefuShipmentFilter *filter,
          KefuShipmentSort          sort,
          gboolean                  descending,
          guint                     limit,
          GCancellable             *cancellable,
          GError                  **error)
{
  g_autoptr(GDateTime) clock = NULL;
  g_autofree char *order = NULL;
  GDateTime *now = filter->now;
  IdList l = { .limit = limit };
  gboolean ok;

  if (now == NULL)
    now = clock = _kefu_store_now (self);
  _kefu_complaint_query_init (&l.q);
  _kefu_shipment_query_add_filter (&l.q, filter, now);
  l.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (filter->text != NULL && filter->text[0] != '\0')
    {
      order = one_statement_order (&l, sort, descending, now);
      ok = append_part (self, &l, NULL, NULL, order, TRUE, cancellable, error);
    }
  else switch (sort)
    {
    case KEFU_SHIPMENT_SORT_ATTENTION:
      ok = append_attention (self, &l, now, descending, filter->open_only, cancellable,
                             error);
      break;

    case KEFU_SHIPMENT_SORT_STEP:
      ok = append_by_step (self, &l, descending, cancellable, error);
      break;

    case KEFU_SHIPMENT_SORT_EXPECTED:
      order = g_strdup_printf ("expected_arrival%s, id%s", DIR (descending), DIR (descending));
      ok = append_part (self, &l, "expected_arrival IS NOT NULL", NULL, order, FALSE,
                        cancellable, error);
      g_free (order);
      order = g_strdup_printf ("id%s", DIR (descending));
      ok = ok && append_part (self, &l, "expected_arrival IS NULL", NULL, order, TRUE,
                              cancellable, error);
      break;

    case KEFU_SHIPMENT_SORT_REFERENCE:
    case KEFU_SHIPMENT_SORT_CUSTOMER:
    case KEFU_SHIPMENT_SORT_REQUESTED:
    default:
      /* One index each: the one statement is the index's order. */
      order = one_statement_order (&l, sort, descending, now);
      ok = append_part (self, &l, NULL, NULL, order, TRUE, cancellable, error);
      break;
    }

  _kefu_complaint_query_clear (&l.q);
  g_hash_table_unref (l.seen);
  if (!ok)
    {
      g_array_unref (l.ids);
      return NULL;
    }
  return l.ids;
}

/**
 * kefu_store_list_shipment_ids:
 * @filter: (nullable): which shipments; %NULL for all
 * @sort: the order; ties go by id, in the same direction
 * @descending: the whole order turned round (shipments without an expected arrival stay last)
 *
 * Returns: (transfer full) (element-type gint64): the ids of every matching shipment, sorted
 */
GArray *
kefu_store_list_shipment_ids (KefuStore                *self,
                              const KefuShipmentFilter *filter,
                              KefuShipmentSort          sort,
                              gboolean                  descending,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autoptr(KefuShipmentFilter) all = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_shipment_filter_new ();
  return list_ids (self, filter, sort, descending, 0, cancellable, error);
}

/**
 * kefu_store_list_shipment_ids_head:
 * @filter: (nullable): which shipments; %NULL for all
 * @n_head: how many ids at most (more than 0)
 * @n_total: (out) (optional): how many the whole list has
 *
 * The beginning of kefu_store_list_shipment_ids ()'s list. A text search matches every
 * shipment's text before its first row is known, so it is read whole, and @n_total is its
 * length.
 *
 * Returns: (transfer full) (element-type gint64): the first @n_head ids (or, for a text search,
 *   every id), in the list's order
 */
GArray *
kefu_store_list_shipment_ids_head (KefuStore                *self,
                                   const KefuShipmentFilter *filter,
                                   KefuShipmentSort          sort,
                                   gboolean                  descending,
                                   guint                     n_head,
                                   gint64                   *n_total,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  g_autoptr(KefuShipmentFilter) all = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) clock = NULL;
  gboolean whole;
  gint64 count;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (n_head > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_shipment_filter_new ();
  whole = filter->text != NULL && filter->text[0] != '\0';
  ids = list_ids (self, filter, sort, descending, whole ? 0 : n_head, cancellable, error);
  if (ids == NULL)
    return NULL;
  if (whole || ids->len < n_head)
    count = ids->len;
  else
    {
      KefuComplaintQuery q;

      _kefu_complaint_query_init (&q);
      if (filter->now == NULL)
        clock = _kefu_store_now (self);
      _kefu_shipment_query_add_filter (&q, filter, filter->now != NULL ? filter->now : clock);
      if (!_kefu_complaint_query_count (&q, self, "shipments", &count, cancellable, error))
        return NULL;
    }
  if (n_total != NULL)
    *n_total = count;
  return g_steal_pointer (&ids);
}
