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

/* The kinds and steps in their order, for sorting by them. */
#define KIND_ORDER \
  "CASE service_jobs.kind WHEN 'installation' THEN 0 WHEN 'repair' THEN 1 " \
  "WHEN 'onsite-repair' THEN 2 WHEN 'factory-repair' THEN 3 WHEN 'replacement' THEN 4 " \
  "ELSE 5 END"
#define STEP_ORDER \
  "CASE service_jobs.step WHEN 'reported' THEN 0 WHEN 'support-requested' THEN 1 " \
  "WHEN 'approved' THEN 2 WHEN 'dispatched' THEN 3 WHEN 'on-trip' THEN 4 " \
  "WHEN 'sent-to-factory' THEN 5 WHEN 'at-factory' THEN 6 WHEN 'repaired' THEN 7 " \
  "WHEN 'sent-back' THEN 8 WHEN 'completed' THEN 9 ELSE 10 END"

/* The ORDER BY of `sort`; ties go by id in the same direction. The default sort puts the open
 * jobs first (final ones have no attention time) whichever the direction. Jobs without a
 * technician come last when sorted by technician, either way. */
static char *
order_by (KefuJobSort sort,
          gboolean    descending)
{
  const char *dir = descending ? " DESC" : "";

  switch (sort)
    {
    case KEFU_JOB_SORT_REPORTED:
      return g_strdup_printf ("service_jobs.reported_at%s, service_jobs.id%s", dir, dir);
    case KEFU_JOB_SORT_REFERENCE:
      return g_strdup_printf ("service_jobs.reference%s, service_jobs.id%s", dir, dir);
    case KEFU_JOB_SORT_CUSTOMER:
      return g_strdup_printf ("service_jobs.customer_name%s, service_jobs.id%s", dir, dir);
    case KEFU_JOB_SORT_KIND:
      return g_strdup_printf (KIND_ORDER "%s, service_jobs.id%s", dir, dir);
    case KEFU_JOB_SORT_STEP:
      return g_strdup_printf (STEP_ORDER "%s, service_jobs.id%s", dir, dir);
    case KEFU_JOB_SORT_TECHNICIAN:
      return g_strdup_printf ("(technician.name IS NULL), technician.name%s, "
                              "service_jobs.id%s", dir, dir);
    case KEFU_JOB_SORT_ATTENTION:
    default:
      return g_strdup_printf ("(service_jobs.attention_at IS NULL), service_jobs.attention_at%s, "
                              "service_jobs.reported_at%s, service_jobs.id%s", dir, dir, dir);
    }
}

static GArray *
list_ids (KefuStore            *self,
          const KefuJobFilter  *filter,
          KefuJobSort           sort,
          gboolean              descending,
          guint                 limit,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT service_jobs.id FROM service_jobs");
  g_autofree char *order = order_by (sort, descending);
  GArray *ids;
  KefuComplaintQuery q;

  _kefu_complaint_query_init (&q);
  if (filter != NULL)
    _kefu_job_query_add_filter (&q, filter);
  if (sort == KEFU_JOB_SORT_TECHNICIAN)
    g_string_append (sql, " LEFT JOIN staff AS technician "
                          "ON technician.id = service_jobs.technician_id");
  if (q.where->len > 0)
    g_string_append_printf (sql, " WHERE %s", q.where->str);
  g_string_append_printf (sql, " ORDER BY %s", order);
  /* A head's limit is the model's constant, not user text: the statement stays cached. */
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);
  ids = _kefu_store_query_int64_column (self, sql->str, _kefu_complaint_query_params (&q, NULL),
                                        cancellable, error);
  _kefu_complaint_query_clear (&q);
  return ids;
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
 * The beginning of kefu_store_list_job_ids ()'s list, for showing its top rows first.
 *
 * Returns: (transfer full) (element-type gint64): the first @n_head ids, in the list's order
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
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GString) sql = NULL;
  KefuComplaintQuery q;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (n_head > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = list_ids (self, filter, sort, descending, n_head, cancellable, error);
  if (ids == NULL)
    return NULL;
  if (n_total == NULL)
    return g_steal_pointer (&ids);
  /* A head shorter than asked for is the whole list. */
  if (ids->len < n_head)
    {
      *n_total = ids->len;
      return g_steal_pointer (&ids);
    }
  sql = g_string_new ("SELECT COUNT(*) FROM service_jobs");
  _kefu_complaint_query_init (&q);
  if (filter != NULL)
    _kefu_job_query_add_filter (&q, filter);
  if (q.where->len > 0)
    g_string_append_printf (sql, " WHERE %s", q.where->str);
  counts = _kefu_store_query_int64_column (self, sql->str, _kefu_complaint_query_params (&q, NULL),
                                           cancellable, error);
  _kefu_complaint_query_clear (&q);
  if (counts == NULL)
    return NULL;
  *n_total = counts->len > 0 ? g_array_index (counts, gint64, 0) : 0;
  return g_steal_pointer (&ids);
}
