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

/* A visit with its sort key, its first day (worked out once as it is read: a conversion to local
 * time per comparison made the sort the longest part of reading two weeks). */
typedef struct
{
  KefuServiceJob *job;
  guint32         first;  /* the Julian day of the visit's first day */
} Visit;

static void
clear_visit (gpointer data)
{
  g_clear_object (&((Visit *) data)->job);
}

static gint
compare_visits (gconstpointer a,
                gconstpointer b)
{
  const Visit *x = a;
  const Visit *y = b;
  gint by_name = g_strcmp0 (x->job->technician_name, y->job->technician_name);

  if (by_name != 0)
    return by_name;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->job->id < y->job->id ? -1 : x->job->id > y->job->id;
}

/* The visits that can meet the range: those not yet under way by their agreed day, through
 * service_jobs_planned (only the jobs with a technician who has not left: a few hundred, where
 * the agreed days of the range's months hold thousands of visits long made), and those that left
 * by their departure, through service_jobs_departed_at: the recent departures, and before them
 * only the long trips, whose travel days that index holds (most trips take a few days; reading
 * 90 days of departures for the rare long one cost more than the rest). A visit is either not
 * under way or left, so no two parts give the same job.
 *
 * Each is read with only what the calendar shows (VISIT_COLUMNS), the technician's name the one
 * join: reading the visits of two weeks (some 800) as whole list rows, with their ten joins and
 * every time, cost more than finding them. The kind and step are tested on an expression
 * (`|| ''`), so that SQLite, without statistics, does not take their indexes (every job of a
 * kind) instead; the technician is a LEFT JOIN so that SQLite reads the jobs first. */
enum
{
  VISIT_ID, VISIT_VERSION, VISIT_REFERENCE, VISIT_KIND, VISIT_STEP, VISIT_CUSTOMER_ID,
  VISIT_CUSTOMER_NAME, VISIT_TECHNICIAN_ID, VISIT_TECHNICIAN_NAME, VISIT_AGREED_DATE,
  VISIT_TRAVEL_DAYS, VISIT_DEPARTED_AT,
};
#define VISIT_COLUMNS \
  "SELECT service_jobs.id, service_jobs.version, service_jobs.reference, service_jobs.kind, " \
  "service_jobs.step, service_jobs.customer_id, service_jobs.customer_name, " \
  "service_jobs.technician_id, technician.name, CAST(service_jobs.agreed_date AS TEXT), " \
  "service_jobs.travel_days, service_jobs.departed_at " \
  "FROM service_jobs LEFT JOIN staff AS technician " \
  "ON technician.id = service_jobs.technician_id " \
  "WHERE service_jobs.technician_id IS NOT NULL " \
  "AND (service_jobs.kind || '') IN ('installation', 'onsite-repair') " \
  "AND (service_jobs.step || '') IN ('dispatched', 'on-trip', 'completed') AND "
#define SHORT_TRIP_DAYS 3
/* Both take the range and the shortest trip as $1, $2, $3 (which the agreed days' part does not
 * need: it only checks it is there). */
#define VISITS_BY_AGREED_DAY \
  VISIT_COLUMNS "service_jobs.departed_at IS NULL AND service_jobs.agreed_date >= $1 " \
  "AND service_jobs.agreed_date < $2 AND $3 >= 0"
#define VISITS_BY_DEPARTURE \
  VISIT_COLUMNS "service_jobs.departed_at >= $1 AND service_jobs.departed_at < $2 " \
  "AND service_jobs.travel_days > $3"

/* Appends to `visits` the jobs `sql` finds whose days meet [from, to). */
static gboolean
append_visits (KefuStore     *self,
               const char    *sql,
               const char    *low,
               const char    *high,
               gint64         min_travel_days,
               const GDate   *from,
               const GDate   *to,
               GArray        *visits,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, sql, g_variant_new ("(ssx)", low, high, min_travel_days),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GDateTime) departed_at = kefu_rows_get_time (rows, i, VISIT_DEPARTED_AT);
      guint travel_days = (guint) kefu_rows_get_int (rows, i, VISIT_TRAVEL_DAYS);
      GDate agreed, first, end;
      KefuServiceJob *job;
      Visit visit;

      g_date_clear (&agreed, 1);
      _kefu_store_date_from_text (kefu_rows_get_text (rows, i, VISIT_AGREED_DATE), &agreed);
      if (departed_at != NULL)
        _kefu_store_local_day (departed_at, &first);
      else if (g_date_valid (&agreed))
        first = agreed;
      else
        continue;
      end = first;
      g_date_add_days (&end, MAX (travel_days, 1));
      if (g_date_compare (&first, to) >= 0 || g_date_compare (&end, from) <= 0)
        continue;

      job = kefu_service_job_new ();
      job->id = kefu_rows_get_int (rows, i, VISIT_ID);
      job->version = kefu_rows_get_int (rows, i, VISIT_VERSION);
      job->reference = g_strdup (kefu_rows_get_text (rows, i, VISIT_REFERENCE));
      job->kind = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_KIND,
                                              kefu_rows_get_text (rows, i, VISIT_KIND),
                                              KEFU_JOB_KIND_INSTALLATION);
      job->step = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_STEP,
                                              kefu_rows_get_text (rows, i, VISIT_STEP),
                                              KEFU_JOB_STEP_DISPATCHED);
      job->customer_id = kefu_rows_get_int (rows, i, VISIT_CUSTOMER_ID);
      job->customer_name = g_strdup (kefu_rows_get_text (rows, i, VISIT_CUSTOMER_NAME));
      job->technician_id = kefu_rows_get_int (rows, i, VISIT_TECHNICIAN_ID);
      job->technician_name = g_strdup (kefu_rows_get_text (rows, i, VISIT_TECHNICIAN_NAME));
      job->agreed_date = agreed;
      job->travel_days = travel_days;
      job->departed_at = g_steal_pointer (&departed_at);
      visit = (Visit) { .job = job, .first = g_date_get_julian (&first) };
      g_array_append_val (visits, visit);
    }
  return TRUE;
}

static char *
local_midnight_text (const GDate *day)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (local, g_date_get_year (day),
                                                g_date_get_month (day), g_date_get_day (day),
                                                0, 0, 0);

  return kefu_time_to_db (start);
}

/**
 * kefu_store_list_technician_visits:
 * @from: the first day shown
 * @to: the day after the last one shown
 *
 * Returns: (transfer full) (element-type KefuServiceJob): the visits whose days meet
 *   [@from, @to), by technician name, then first day, then id; each with what the calendar
 *   shows (id, version, reference, kind, step, customer, technician, agreed day, travel days,
 *   departure), the rest unset: a visit's page reads the job whole
 */
GPtrArray *
kefu_store_list_technician_visits (KefuStore     *self,
                                   const GDate   *from,
                                   const GDate   *to,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Visit));
  g_autofree char *earliest_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *earliest_time = NULL;
  g_autofree char *recent_time = NULL;
  g_autofree char *to_time = NULL;
  GPtrArray *visits;
  GDate earliest, recent;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (found, clear_visit);
  /* A visit meets the range when its first day is before its end and no more days before its
   * start than the trip takes (at most the longest trip). */
  earliest = *from;
  g_date_subtract_days (&earliest, MAX_TRAVEL_DAYS);
  recent = *from;
  g_date_subtract_days (&recent, SHORT_TRIP_DAYS);
  earliest_text = _kefu_store_date_to_text (&earliest);
  to_text = _kefu_store_date_to_text (to);
  earliest_time = local_midnight_text (&earliest);
  recent_time = local_midnight_text (&recent);
  to_time = local_midnight_text (to);
  if (!append_visits (self, VISITS_BY_AGREED_DAY, earliest_text, to_text, 0, from, to, found,
                      cancellable, error) ||
      !append_visits (self, VISITS_BY_DEPARTURE, recent_time, to_time, 0, from, to, found,
                      cancellable, error) ||
      !append_visits (self, VISITS_BY_DEPARTURE, earliest_time, recent_time, SHORT_TRIP_DAYS,
                      from, to, found, cancellable, error))
    return NULL;

  g_array_sort (found, compare_visits);
  visits = g_ptr_array_new_full (found->len, g_object_unref);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (visits, g_steal_pointer (&g_array_index (found, Visit, i).job));
  return visits;
}
