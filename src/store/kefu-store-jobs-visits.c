/* kefu-store-jobs-visits.c: the technicians' calendar: the field visits (installations and
 * on-site repairs) a technician has been dispatched on, each over its days: from the day the
 * technician left (or else the agreed day) for the days the trip was to take.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-calls-private.h"
#include "kefu-store-jobs-private.h"

/* The longest trip the flow allows (kefu_job_flow_check ()), so that the statement can bound the
 * agreed days it reads; a trip that left later than agreed is found by its departure. */
#define MAX_TRAVEL_DAYS 90

/* The first day of the visit and the day after its last. */
static void
visit_days (KefuServiceJob *job,
            GDate          *first,
            GDate          *end)
{
  if (job->departed_at != NULL)
    _kefu_store_local_day (job->departed_at, first);
  else
    *first = job->agreed_date;
  *end = *first;
  if (g_date_valid (end))
    g_date_add_days (end, MAX (job->travel_days, 1));
}

static gint
compare_visits (gconstpointer a,
                gconstpointer b)
{
  KefuServiceJob *x = *(KefuServiceJob **) a;
  KefuServiceJob *y = *(KefuServiceJob **) b;
  GDate first_x, end_x, first_y, end_y;
  gint by_name = g_strcmp0 (x->technician_name, y->technician_name);

  if (by_name != 0)
    return by_name;
  visit_days (x, &first_x, &end_x);
  visit_days (y, &first_y, &end_y);
  if (g_date_compare (&first_x, &first_y) != 0)
    return g_date_compare (&first_x, &first_y);
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * kefu_store_list_technician_visits:
 * @from: the first day shown
 * @to: the day after the last one shown
 *
 * Returns: (transfer full) (element-type KefuServiceJob): the visits whose days meet
 *   [@from, @to), by technician name, then first day
 */
GPtrArray *
kefu_store_list_technician_visits (KefuStore     *self,
                                   const GDate   *from,
                                   const GDate   *to,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *from_time = NULL;
  GPtrArray *visits;
  GDate earliest;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every visit dispatched, under way or done (not a cancelled one) that can reach the range:
   * agreed or left before its end, and agreed or left no more than the longest trip before its
   * start. The exact days are compared here, in the site's days. */
  earliest = *from;
  g_date_subtract_days (&earliest, MAX_TRAVEL_DAYS + 1);
  from_text = _kefu_store_date_to_text (&earliest);
  to_text = _kefu_store_date_to_text (to);
  {
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();
    g_autoptr(GDateTime) start = g_date_time_new (local, g_date_get_year (&earliest),
                                                  g_date_get_month (&earliest),
                                                  g_date_get_day (&earliest), 0, 0, 0);

    from_time = kefu_time_to_db (start);
  }
  sql = g_strdup_printf ("SELECT %s FROM " KEFU_JOB_FROM " "
                         "WHERE service_jobs.kind IN ('installation', 'onsite-repair') "
                         "AND service_jobs.technician_id IS NOT NULL "
                         "AND service_jobs.step IN ('dispatched', 'on-trip', 'completed') "
                         "AND ((service_jobs.agreed_date >= $1 AND service_jobs.agreed_date < $2) "
                         "OR service_jobs.departed_at >= $3) "
                         "ORDER BY service_jobs.id", _kefu_job_columns);
  candidates = _kefu_store_read_jobs (self, sql,
                                      g_variant_new ("(sss)", from_text, to_text, from_time),
                                      cancellable, error);
  if (candidates == NULL)
    return NULL;

  visits = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < candidates->len; i++)
    {
      KefuServiceJob *job = g_ptr_array_index (candidates, i);
      GDate first, end;

      visit_days (job, &first, &end);
      if (!g_date_valid (&first) || g_date_compare (&first, to) >= 0 ||
          g_date_compare (&end, from) <= 0)
        continue;
      g_ptr_array_add (visits, g_object_ref (job));
    }
  g_ptr_array_sort (visits, compare_visits);
  return visits;
}
