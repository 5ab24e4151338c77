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

/* The visits that can meet the range, as (id, agreed day, departure, travel days): those not
 * yet under way by their agreed day, through service_jobs_technician (one range of agreed days
 * per staff member, the IN list that SQLite and PostgreSQL walk through the index), and those
 * that left by their departure, through service_jobs_departed_at: the recent departures, and
 * before them only the long trips, whose travel days that index holds (most trips take a few
 * days; reading 90 days of departures for the rare long one cost more than the rest). Only the
 * few that really meet the range are then read whole. The kind and step are tested on an
 * expression (`|| ''`), so that SQLite, without statistics, does not take their indexes (every
 * job of a kind) instead. */
#define SHORT_TRIP_DAYS 3
#define VISIT_CANDIDATES \
  "SELECT id, CAST(agreed_date AS TEXT), departed_at, travel_days FROM service_jobs " \
  "WHERE technician_id IS NOT NULL AND (kind || '') IN ('installation', 'onsite-repair') " \
  "AND (step || '') IN ('dispatched', 'on-trip', 'completed') AND "
/* Both take the range and the shortest trip as $1, $2, $3 (which the agreed days' part does not
 * need: it only checks it is there). */
#define VISITS_BY_AGREED_DAY \
  VISIT_CANDIDATES "departed_at IS NULL AND technician_id IN (SELECT id FROM staff) " \
  "AND agreed_date >= $1 AND agreed_date < $2 AND $3 >= 0"
#define VISITS_BY_DEPARTURE \
  VISIT_CANDIDATES "departed_at >= $1 AND departed_at < $2 AND travel_days > $3"

static gboolean
append_visits (KefuStore     *self,
               const char    *sql,
               const char    *low,
               const char    *high,
               gint64         min_travel_days,
               const GDate   *from,
               const GDate   *to,
               GArray        *ids,
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
      g_autoptr(GDateTime) departed_at = kefu_rows_get_time (rows, i, 2);
      GDate first, end;
      gint64 id;

      if (departed_at != NULL)
        _kefu_store_local_day (departed_at, &first);
      else if (!_kefu_store_date_from_text (kefu_rows_get_text (rows, i, 1), &first))
        continue;
      end = first;
      g_date_add_days (&end, MAX ((guint) kefu_rows_get_int (rows, i, 3), 1));
      if (g_date_compare (&first, to) >= 0 || g_date_compare (&end, from) <= 0)
        continue;
      id = kefu_rows_get_int (rows, i, 0);
      g_array_append_val (ids, id);
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
 *   [@from, @to), by technician name, then first day
 */
GPtrArray *
kefu_store_list_technician_visits (KefuStore     *self,
                                   const GDate   *from,
                                   const GDate   *to,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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

  /* A visit meets the range when its first day is before its end and no more days before its
   * start than the trip takes (at most the longest trip). A visit is either not under way
   * (first day: the agreed one) or left (its departure), so no two parts give the same job. */
  earliest = *from;
  g_date_subtract_days (&earliest, MAX_TRAVEL_DAYS);
  recent = *from;
  g_date_subtract_days (&recent, SHORT_TRIP_DAYS);
  earliest_text = _kefu_store_date_to_text (&earliest);
  to_text = _kefu_store_date_to_text (to);
  earliest_time = local_midnight_text (&earliest);
  recent_time = local_midnight_text (&recent);
  to_time = local_midnight_text (to);
  if (!append_visits (self, VISITS_BY_AGREED_DAY, earliest_text, to_text, 0, from, to, ids,
                      cancellable, error) ||
      !append_visits (self, VISITS_BY_DEPARTURE, recent_time, to_time, 0, from, to, ids,
                      cancellable, error) ||
      !append_visits (self, VISITS_BY_DEPARTURE, earliest_time, recent_time, SHORT_TRIP_DAYS,
                      from, to, ids, cancellable, error))
    return NULL;

  visits = kefu_store_get_jobs (self, (const gint64 *) (gpointer) ids->data, ids->len,
                                cancellable, error);
  if (visits != NULL)
    g_ptr_array_sort (visits, compare_visits);
  return visits;
}
