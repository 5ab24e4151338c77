/* kefu-store-jobs-filters.c: the service-job list: the filter and the WHERE clause it stands for,
 * and the sorted ids, whole or only their head (with the length of the whole list). The
 * statement text is put together only from the constant fragments below, with numbered
 * parameters for every value (the query builder of the complaint list,
 * kefu-store-complaint-board-private.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include "kefu-store-jobs-private.h"

/* The filter */

/**
 * kefu_job_filter_new:
 *
 * Returns: (transfer full): a filter that lets every job through
 */
KefuJobFilter *
kefu_job_filter_new (void)
{
  KefuJobFilter *filter = g_new0 (KefuJobFilter, 1);

  filter->kind = -1;
  filter->step = -1;
  filter->warranty = -1;
  return filter;
}

/**
 * kefu_job_filter_copy:
 *
 * Returns: (transfer full): a deep copy of @filter
 */
KefuJobFilter *
kefu_job_filter_copy (const KefuJobFilter *filter)
{
  KefuJobFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->reported_from = filter->reported_from != NULL ? g_date_time_ref (filter->reported_from)
                                                      : NULL;
  copy->reported_to = filter->reported_to != NULL ? g_date_time_ref (filter->reported_to) : NULL;
  copy->text = g_strdup (filter->text);
  return copy;
}

void
kefu_job_filter_free (KefuJobFilter *filter)
{
  if (filter == NULL)
    return;
  g_clear_pointer (&filter->reported_from, g_date_time_unref);
  g_clear_pointer (&filter->reported_to, g_date_time_unref);
  g_free (filter->text);
  g_free (filter);
}

static void
add_nick (KefuComplaintQuery *q,
          const char         *condition,
          GType               type,
          int                 value)
{
  guint n = _kefu_complaint_query_param (q, g_variant_new_string (_kefu_store_enum_to_nick (type,
                                                                                          value)));

  _kefu_complaint_query_and (q, condition, n);
}

static void
add_time (KefuComplaintQuery *q,
          const char         *condition,
          GDateTime          *time)
{
  g_autofree char *text = kefu_time_to_db (time);
  guint n = _kefu_complaint_query_param (q, g_variant_new_string (text));

  _kefu_complaint_query_and (q, condition, n);
}

/* The conditions of `filter`. The text is looked for in service_job_search (the reference, the
 * customer's name and phone, the serial and the symptoms, in ASCII lower case, written when the
 * job is created), with its own pattern characters escaped (_kefu_complaint_like_pattern ()). */
void
_kefu_job_query_add_filter (KefuComplaintQuery  *q,
                            const KefuJobFilter *filter)
{
  guint n;

  /* Archived jobs are out of the list; "Show Archived" lists only them. */
  _kefu_complaint_query_and (q, "%s", _kefu_store_archive_condition (KEFU_ARCHIVE_SERVICE_JOB,
                                                                     filter != NULL &&
                                                                     filter->archived));
  if (filter == NULL)
    return;
  if (filter->open_only)
    _kefu_complaint_query_and (q, "service_jobs.step IN (" KEFU_JOB_OPEN_STEPS ")");
  if (filter->awaiting_approval)
    _kefu_complaint_query_and (q, "service_jobs.step = 'support-requested'");
  if (filter->kind >= 0)
    add_nick (q, "service_jobs.kind = $%u", KEFU_TYPE_JOB_KIND, filter->kind);
  if (filter->step >= 0)
    add_nick (q, "service_jobs.step = $%u", KEFU_TYPE_JOB_STEP, filter->step);
  if (filter->warranty >= 0)
    add_nick (q, "service_jobs.warranty = $%u", KEFU_TYPE_WARRANTY_STATE, filter->warranty);
  if (filter->customer_id > 0)
    {
      n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->customer_id));
      _kefu_complaint_query_and (q, "service_jobs.customer_id = $%u", n);
    }
  if (filter->technician_id > 0)
    {
      n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->technician_id));
      _kefu_complaint_query_and (q, "service_jobs.technician_id = $%u", n);
    }
  if (filter->reported_from != NULL)
    add_time (q, "service_jobs.reported_at >= $%u", filter->reported_from);
  if (filter->reported_to != NULL)
    add_time (q, "service_jobs.reported_at < $%u", filter->reported_to);
  if (filter->text != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (filter->text));

      if (strchr (trimmed, '\x1f') != NULL)
        /* No field holds the separator: nothing matches (rather than across two fields). */
        _kefu_complaint_query_and (q, "service_jobs.id < 0");
      else if (trimmed[0] != '\0')
        {
          g_autofree char *pattern = _kefu_complaint_like_pattern (trimmed);

          n = _kefu_complaint_query_param (q, g_variant_new_string (pattern));
          _kefu_complaint_query_and (q, "service_jobs.id IN (SELECT service_job_search.job_id "
                                        "FROM service_job_search "
                                        "WHERE service_job_search.search_text "
                                        "LIKE $%u ESCAPE '\\')", n);
        }
    }
}

/* The ids */

/* The list's ids come in the order of an index wherever one exists (schema step 4), so that a
 * long list is read in order rather than sorted:
 *  - reported, reference and customer walk service_jobs_reported_at, the reference's unique
 *    index and service_jobs_customer_name;
 *  - the attention sort reads the jobs with an attention time (the open ones) through
 *    service_jobs_attention, then the rest (the final ones) by report time;
 *  - kind and step read each value in its order through service_jobs_kind and _step;
 *  - the technician's sort reads each technician's jobs in the order of their names
 *    (append_by_technician ()).
 * Each part is one statement with the filter's conditions. The parts are separate statements,
 * so a job that moves meanwhile could come in two: `seen` keeps each id once. */

static const char *const kinds[] = {
  "installation", "repair", "onsite-repair", "factory-repair", "replacement", "return",
};
static const char *const steps[] = {
  "reported", "support-requested", "approved", "dispatched", "on-trip", "sent-to-factory",
  "at-factory", "repaired", "sent-back", "completed", "cancelled",
};

typedef struct
{
  KefuComplaintQuery  q;
  GArray             *ids;
  GHashTable         *seen;     /* NULL for a list read in one part */
  guint               limit;    /* 0: all */
  gboolean            descending;
} IdList;

static gboolean
id_list_full (IdList *l)
{
  return l->limit > 0 && l->ids->len >= l->limit;
}

/* Appends the ids of one part: the filter's conditions and `where_extra` (with `extra_param` as
 * its next parameter), in `order` (its direction added here), after `from` (joins). */
static gboolean
append_part (KefuStore     *self,
             IdList        *l,
             const char    *from,
             const char    *where_extra,
             GVariant      *extra_param,
             const char    *order,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT service_jobs.id FROM service_jobs");
  g_auto(GStrv) keys = g_strsplit (order, ",", -1);
  g_autoptr(GArray) part = NULL;
  gboolean where = FALSE;

  if (from != NULL)
    g_string_append_printf (sql, " %s", from);
  if (where_extra != NULL)
    {
      g_string_append_printf (sql, " WHERE %s", where_extra);
      where = TRUE;
    }
  if (l->q.where->len > 0)
    g_string_append_printf (sql, where ? " AND %s" : " WHERE %s", l->q.where->str);
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (sql, i > 0 ? ",%s%s" : "%s%s", keys[i],
                            l->descending ? " DESC" : "");
  /* A head's limit is the model's constant, not user text: the statement stays cached. */
  if (l->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", l->limit - l->ids->len);
  part = _kefu_store_query_int64_column (self, sql->str,
                                         _kefu_complaint_query_params (&l->q, extra_param),
                                         cancellable, error);
  if (part == NULL)
    return FALSE;
  for (guint i = 0; i < part->len; i++)
    {
      gint64 id = g_array_index (part, gint64, i);

      if (l->seen != NULL)
        {
          if (g_hash_table_contains (l->seen, &id))
            continue;
          g_hash_table_add (l->seen, g_memdup2 (&id, sizeof id));
        }
      g_array_append_val (l->ids, id);
    }
  return TRUE;
}

/* One part per value of `column` (`values` in their order, reversed when descending). */
static gboolean
append_by_value (KefuStore          *self,
                 IdList             *l,
                 const char         *column,
                 const char *const  *values,
                 guint               n_values,
                 GCancellable       *cancellable,
                 GError            **error)
{
  for (guint i = 0; i < n_values && !id_list_full (l); i++)
    {
      const char *value = values[l->descending ? n_values - 1 - i : i];
      g_autofree char *where = g_strdup_printf ("%s = $%u", column, l->q.params->len + 1);

      if (!append_part (self, l, NULL, where, g_variant_new_string (value), "service_jobs.id",
                        cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* By the technician's name: the staff in the order of their names (a few dozen), and each
 * name's jobs by id, through service_jobs_technician (technician_id, id) for a name only one
 * staff member has, so that the head reads only its first technician's first jobs; then the jobs
 * without a technician. Joining the staff for their names made PostgreSQL sort every job with a
 * technician for the first page. */
#define TECHNICIANS_SQL \
  "SELECT id, name FROM staff WHERE EXISTS (SELECT 1 FROM service_jobs " \
  "WHERE service_jobs.technician_id = staff.id)"

static gboolean
append_by_technician (KefuStore     *self,
                      IdList        *l,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(KefuRows) staff = NULL;
  guint n_staff;

  /* Only the staff who have jobs (one probe of the index each), not a statement for each. */
  staff = _kefu_store_query (self,
                             l->descending ? TECHNICIANS_SQL " ORDER BY name DESC, id DESC"
                                           : TECHNICIANS_SQL " ORDER BY name, id",
                             NULL, cancellable, error);
  if (staff == NULL)
    return FALSE;
  n_staff = kefu_rows_get_n_rows (staff);
  for (guint i = 0; i < n_staff && !id_list_full (l); )
    {
      const char *name = kefu_rows_get_text (staff, i, 1);
      guint next = i + 1;
      g_autofree char *where = NULL;
      GVariant *param;

      while (next < n_staff && g_strcmp0 (kefu_rows_get_text (staff, next, 1), name) == 0)
        next++;
      /* Staff sharing a name have their jobs in one run by id, as the name's order has them. */
      if (next == i + 1)
        {
          where = g_strdup_printf ("service_jobs.technician_id = $%u", l->q.params->len + 1);
          param = g_variant_new_int64 (kefu_rows_get_int (staff, i, 0));
        }
      else
        {
          where = g_strdup_printf ("service_jobs.technician_id IN "
                                   "(SELECT staff.id FROM staff WHERE staff.name = $%u)",
                                   l->q.params->len + 1);
          param = g_variant_new_string (name);
        }
      if (!append_part (self, l, NULL, where, param, "service_jobs.id", cancellable, error))
        return FALSE;
      i = next;
    }
  /* Jobs without a technician last, either way. */
  return id_list_full (l) ||
         append_part (self, l, NULL, "service_jobs.technician_id IS NULL", NULL,
                      "service_jobs.id", cancellable, error);
}

/* TRUE for a filter with a text to search. */
static gboolean
has_text (const KefuJobFilter *filter)
{
  g_autofree char *trimmed = NULL;

  if (filter == NULL || filter->text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (filter->text));
  return trimmed[0] != '\0';
}

/* A CASE giving each of `values` of `column` its position, for an ORDER BY (the values are our
 * own nicks, not user text). */
static void
append_rank (GString           *order,
             const char        *column,
             const char *const *values,
             guint              n_values)
{
  g_string_append_printf (order, "CASE %s", column);
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (order, " WHEN '%s' THEN %u", values[i], i);
  g_string_append (order, " END");
}

#define DIR(descending) ((descending) ? " DESC" : "")

/* A text search's (or an open-only kind or technician sort's) list in one statement: its
 * matches are few and found by one scan of service_job_search (or of service_jobs_step), which
 * reading the order in parts would repeat for each part. The keys
 * give each part's rank (in the parts' order whichever the direction), then its own keys (a key
 * that does not apply to a part is NULL for the whole part, so it never decides), which gives
 * the order list_ids () reads in parts exactly. */
static gboolean
append_search (KefuStore     *self,
               IdList        *l,
               KefuJobSort    sort,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GString) order = g_string_new (NULL);
  gboolean descending = l->descending;
  const char *dir = DIR (descending);
  const char *from = NULL;
  gboolean ok;

  switch (sort)
    {
    case KEFU_JOB_SORT_ATTENTION:
      g_string_append_printf (order, "CASE WHEN service_jobs.attention_at IS NULL THEN 1 ELSE 0 "
                                     "END,service_jobs.attention_at%s,"
                                     "CASE WHEN service_jobs.attention_at IS NULL "
                                     "THEN service_jobs.reported_at END%s,service_jobs.id%s",
                              dir, dir, dir);
      break;
    case KEFU_JOB_SORT_KIND:
      append_rank (order, "service_jobs.kind", kinds, G_N_ELEMENTS (kinds));
      g_string_append_printf (order, "%s,service_jobs.id%s", dir, dir);
      break;
    case KEFU_JOB_SORT_STEP:
      append_rank (order, "service_jobs.step", steps, G_N_ELEMENTS (steps));
      g_string_append_printf (order, "%s,service_jobs.id%s", dir, dir);
      break;
    case KEFU_JOB_SORT_TECHNICIAN:
      from = "LEFT JOIN staff AS technician ON technician.id = service_jobs.technician_id";
      g_string_append_printf (order, "CASE WHEN service_jobs.technician_id IS NULL THEN 1 ELSE 0 "
                                     "END,technician.name%s,service_jobs.id%s", dir, dir);
      break;
    case KEFU_JOB_SORT_REFERENCE:
    case KEFU_JOB_SORT_CUSTOMER:
    case KEFU_JOB_SORT_REPORTED:
    default:
      g_string_append_printf (order, "service_jobs.%s%s,service_jobs.id%s",
                              sort == KEFU_JOB_SORT_REFERENCE ? "reference" :
                              sort == KEFU_JOB_SORT_CUSTOMER ? "customer_name" : "reported_at",
                              dir, dir);
      break;
    }
  /* The directions are written above, the parts' ranks without one. */
  l->descending = FALSE;
  ok = append_part (self, l, from, NULL, NULL, order->str, cancellable, error);
  l->descending = descending;
  return ok;
}

/* The ids in order: all of them (limit 0), or the first `limit` of that same list. */
static GArray *
list_ids (KefuStore            *self,
          const KefuJobFilter  *filter,
          KefuJobSort           sort,
          gboolean              descending,
          guint                 limit,
          GCancellable         *cancellable,
          GError              **error)
{
  IdList l = { .limit = limit, .descending = descending };
  gboolean ok;

  _kefu_complaint_query_init (&l.q);
  _kefu_job_query_add_filter (&l.q, filter);
  l.ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The open jobs are few (a thousand of two hundred thousand) and found through
   * service_jobs_step: sorting them in one statement beats walking every job of each kind or
   * technician through (kind, id) or (technician_id, id) to find the open ones among them. */
  if (has_text (filter) ||
      (filter != NULL && filter->open_only &&
       (sort == KEFU_JOB_SORT_KIND || sort == KEFU_JOB_SORT_TECHNICIAN)))
    {
      l.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ok = append_search (self, &l, sort, cancellable, error);
    }
  else switch (sort)
    {
    case KEFU_JOB_SORT_ATTENTION:
      /* The open jobs first whichever the direction: final ones have no attention time. */
      l.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ok = append_part (self, &l, NULL, "service_jobs.attention_at IS NOT NULL", NULL,
                        "service_jobs.attention_at,service_jobs.id", cancellable, error) &&
           (id_list_full (&l) ||
            append_part (self, &l, NULL, "service_jobs.attention_at IS NULL", NULL,
                         "service_jobs.reported_at,service_jobs.id", cancellable, error));
      break;
    case KEFU_JOB_SORT_KIND:
      l.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ok = append_by_value (self, &l, "service_jobs.kind", kinds, G_N_ELEMENTS (kinds),
                            cancellable, error);
      break;
    case KEFU_JOB_SORT_STEP:
      l.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ok = append_by_value (self, &l, "service_jobs.step", steps, G_N_ELEMENTS (steps),
                            cancellable, error);
      break;
    case KEFU_JOB_SORT_TECHNICIAN:
      l.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ok = append_by_technician (self, &l, cancellable, error);
      break;
    case KEFU_JOB_SORT_REFERENCE:
      ok = append_part (self, &l, NULL, NULL, NULL, "service_jobs.reference,service_jobs.id",
                        cancellable, error);
      break;
    case KEFU_JOB_SORT_CUSTOMER:
      ok = append_part (self, &l, NULL, NULL, NULL, "service_jobs.customer_name,service_jobs.id",
                        cancellable, error);
      break;
    case KEFU_JOB_SORT_REPORTED:
    default:
      ok = append_part (self, &l, NULL, NULL, NULL, "service_jobs.reported_at,service_jobs.id",
                        cancellable, error);
      break;
    }
  _kefu_complaint_query_clear (&l.q);
  g_clear_pointer (&l.seen, g_hash_table_unref);
  if (!ok)
    g_clear_pointer (&l.ids, g_array_unref);
  return l.ids;
}

/**
 * kefu_store_list_job_ids:
 * @filter: (nullable): which jobs; %NULL for all
 *
 * Returns: (transfer full) (element-type gint64): the ids of every job matching @filter, sorted
 *   in SQL (ties by id)
 */
GArray *
kefu_store_list_job_ids (KefuStore            *self,
                         const KefuJobFilter  *filter,
                         KefuJobSort           sort,
                         gboolean              descending,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_ids (self, filter, sort, descending, 0, cancellable, error);
}

/**
 * kefu_store_list_job_ids_head:
 * @n_head: how many ids at most (more than 0)
 * @n_total: (out) (optional): how many the whole list has
 *
 * The beginning of kefu_store_list_job_ids ()'s list, for showing its top rows first. A text
 * search is read whole (see below), and @n_total is its length.
 *
 * Returns: (transfer full) (element-type gint64): the first @n_head ids (or, for a text search,
 *   every id), in the list's order
 */
GArray *
kefu_store_list_job_ids_head (KefuStore            *self,
                              const KefuJobFilter  *filter,
                              KefuJobSort           sort,
                              gboolean              descending,
                              guint                 n_head,
                              gint64               *n_total,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  KefuComplaintQuery q;
  gboolean whole;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (n_head > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A text search matches every job's text before its first row is known: its whole list costs
   * what its head and a count would, and is its own count. */
  whole = has_text (filter);
  ids = list_ids (self, filter, sort, descending, whole ? 0 : n_head, cancellable, error);
  if (ids == NULL)
    return NULL;
  if (n_total == NULL)
    return g_steal_pointer (&ids);
  /* A head shorter than asked for is the whole list. */
  if (whole || ids->len < n_head)
    {
      *n_total = ids->len;
      return g_steal_pointer (&ids);
    }
  _kefu_complaint_query_init (&q);
  _kefu_job_query_add_filter (&q, filter);
  if (!_kefu_complaint_query_count (&q, self, "service_jobs", n_total, cancellable, error))
    return NULL;
  return g_steal_pointer (&ids);
}
