/* kefu-store-callbacks-lists.c: what the calendar shows: the counts of each local day (month and
 * week views), the day agenda, the overdue and escalated lists, and the coverage of members by
 * survey callbacks ("100% of members").
 *
 * Local days are the store's local zone: a day's bounds are its local midnights in UTC, so that a
 * callback due at 23:30 local time counts on its own day, whatever the offset.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-callbacks-private.h"

/* The calendar spans at most this many days at once (a month view shows six weeks). */
#define MAX_COUNTED_DAYS 400

static GDateTime *
local_midnight (GTimeZone   *zone,
                const GDate *day)
{
  return g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), 0, 0, 0);
}

void
_kefu_store_local_days_bounds (const GDate  *first,
                               const GDate  *last,
                               char        **from_text,
                               char        **to_text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) from = local_midnight (local, first);
  g_autoptr(GDateTime) to = NULL;
  GDate after = *last;

  g_date_add_days (&after, 1);
  to = local_midnight (local, &after);
  *from_text = kefu_time_to_db (from);
  *to_text = kefu_time_to_db (to);
}

/* The counts by quarter hour (UTC) of the callbacks due from $1 to $2: one range of
 * callbacks_calendar read in order, whatever the planner knows of the table. Every zone's
 * offset is a whole number of quarter hours, so each quarter hour lies in one local day, which
 * the caller works out. (A statement joining the days to their ranges let SQLite scan the
 * whole index per day without statistics: 6 s over 1,000,000 callbacks instead of 60 ms.) */
#define BUCKET_SQLITE \
  "substr(due_at, 1, 14) || printf('%02d', CAST(substr(due_at, 15, 2) AS INTEGER) / 15 * 15) " \
  "|| ':00.000Z'"
#define BUCKET_POSTGRES \
  "date_trunc('hour', due_at) + " \
  "CAST(floor(extract(minute FROM due_at) / 15) AS INTEGER) * interval '15 minutes'"
#define COUNT_SQL(bucket) \
  "SELECT " bucket " AS bucket, " \
  "SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END), " \
  "SUM(CASE WHEN state = 'due' AND due_at >= $3 THEN 1 ELSE 0 END), " \
  "SUM(CASE WHEN state = 'due' AND due_at < $3 THEN 1 ELSE 0 END) " \
  "FROM callbacks WHERE due_at >= $1 AND due_at < $2 AND archived_at IS NULL " \
  "AND (CAST($4 AS BIGINT) IS NULL OR assigned_to IS NULL OR assigned_to = $4) " \
  "GROUP BY 1"

/**
 * kefu_store_count_callbacks_by_day:
 *
 * Returns: (transfer full) (element-type KefuCallbackDayCount): one count per local day from
 *   @first to @last, in order
 */
GArray *
kefu_store_count_callbacks_by_day (KefuStore     *self,
                                   const GDate   *first,
                                   const GDate   *last,
                                   gint64         assigned_to,
                                   GDateTime     *now,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *now_text = NULL;
  gboolean postgres;
  guint n_days;
  GDate day;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_days = (guint) (g_date_days_between (first, last) + 1);
  g_return_val_if_fail (n_days <= MAX_COUNTED_DAYS, NULL);

  counts = g_array_sized_new (FALSE, TRUE, sizeof (KefuCallbackDayCount), n_days);
  day = *first;
  for (guint i = 0; i < n_days; i++)
    {
      KefuCallbackDayCount count = { 0 };

      count.day = day;
      g_array_append_val (counts, count);
      g_date_add_days (&day, 1);
    }
  _kefu_store_local_days_bounds (first, last, &from_text, &to_text);

  now_text = kefu_time_to_db (now);
  postgres = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
  rows = _kefu_store_query (self, postgres ? COUNT_SQL (BUCKET_POSTGRES) : COUNT_SQL (BUCKET_SQLITE),
                            g_variant_new ("(sssmx)", from_text, to_text, now_text,
                                           assigned_to != 0, assigned_to),
                            cancellable, error);
  if (rows == NULL)
    return NULL;
  for (guint r = 0; r < kefu_rows_get_n_rows (rows); r++)
    {
      g_autoptr(GDateTime) bucket = kefu_rows_get_time (rows, r, 0);
      g_autoptr(GDateTime) in_zone = NULL;
      KefuCallbackDayCount *count;
      GDate bucket_day;
      gint64 i;

      if (bucket == NULL)
        continue;
      in_zone = g_date_time_to_timezone (bucket, local);
      g_date_clear (&bucket_day, 1);
      g_date_set_dmy (&bucket_day, g_date_time_get_day_of_month (in_zone),
                      g_date_time_get_month (in_zone), g_date_time_get_year (in_zone));
      i = g_date_days_between (first, &bucket_day);
      if (i < 0 || i >= (gint64) n_days)
        continue;
      count = &g_array_index (counts, KefuCallbackDayCount, i);
      count->done += (guint) kefu_rows_get_int (rows, r, 1);
      count->due += (guint) kefu_rows_get_int (rows, r, 2);
      count->overdue += (guint) kefu_rows_get_int (rows, r, 3);
    }
  return g_steal_pointer (&counts);
}

/* "LIMIT $n" for at most `limit` rows, 0 for all: -1 on SQLite, NULL on PostgreSQL. */
static GVariant *
limit_param (KefuStore *self,
             guint      limit)
{
  if (limit == 0 && kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES)
    return g_variant_new_maybe (G_VARIANT_TYPE_INT64, NULL);
  return g_variant_new_maybe (NULL, g_variant_new_int64 (limit > 0 ? (gint64) limit : -1));
}

/* SELECT … FROM KEFU_CALLBACK_FROM `where` (a constant of this file). */
static GPtrArray *
read_where (KefuStore     *self,
            const char    *where,
            GVariant      *params,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", _kefu_callback_columns,
                                      " FROM " KEFU_CALLBACK_FROM " ", where, NULL);

  return _kefu_store_read_callbacks (self, sql, params, cancellable, error);
}

/* The clerk's callbacks and the team's unassigned ones ($n NULL: everyone's). */
#define ASSIGNED(n) \
  "(CAST(" n " AS BIGINT) IS NULL OR callbacks.assigned_to IS NULL " \
  "OR callbacks.assigned_to = " n ")"

/**
 * kefu_store_list_callbacks_due:
 *
 * Returns: (transfer full) (element-type KefuCallback): the agenda, in due time order
 */
GPtrArray *
kefu_store_list_callbacks_due (KefuStore     *self,
                               GDateTime     *from,
                               GDateTime     *to,
                               gint64         assigned_to,
                               gboolean       include_done,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from_text = kefu_time_to_db (from);
  to_text = kefu_time_to_db (to);
  /* $4 is the other state shown: 'done', or 'due' again for none. */
  return read_where (self,
                     "WHERE callbacks.due_at >= $1 AND callbacks.due_at < $2 AND "
                     "callbacks.archived_at IS NULL AND (callbacks.state = 'due' OR callbacks.state = $4) AND " ASSIGNED ("$3")
                     " ORDER BY callbacks.due_at, callbacks.id",
                     g_variant_new ("(ssmxs)", from_text, to_text, assigned_to != 0, assigned_to,
                                    include_done ? "done" : "due"),
                     cancellable, error);
}

/**
 * kefu_store_list_overdue_callbacks:
 *
 * Returns: (transfer full) (element-type KefuCallback): the callbacks due before @now, oldest
 *   first
 */
GPtrArray *
kefu_store_list_overdue_callbacks (KefuStore     *self,
                                   GDateTime     *now,
                                   gint64         assigned_to,
                                   guint          limit,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autofree char *now_text = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  now_text = kefu_time_to_db (now);
  /* Through callbacks_due (step 4). */
  return read_where (self,
                     "WHERE callbacks.state = 'due' AND callbacks.due_at < $1 AND "
                     "callbacks.archived_at IS NULL AND "
                     ASSIGNED ("$2") " ORDER BY callbacks.due_at, callbacks.id LIMIT $3",
                     g_variant_new ("(smx@mx)", now_text, assigned_to != 0, assigned_to,
                                    limit_param (self, limit)),
                     cancellable, error);
}

#define LATE_COUNTS(claimable, escalated) \
  "SELECT (SELECT count(*) FROM callbacks " claimable "WHERE callbacks.state = 'due' AND " \
  "callbacks.archived_at IS NULL AND " \
  "callbacks.escalated_at IS NULL AND callbacks.due_at < $1 AND " ASSIGNED ("$2") ") + " \
  "(SELECT count(*) FROM callbacks " escalated "WHERE callbacks.state = 'due' AND " \
  "callbacks.archived_at IS NULL AND " \
  "callbacks.escalated_at IS NOT NULL AND callbacks.due_at < $1 AND " ASSIGNED ("$2") "), " \
  "(SELECT count(*) FROM callbacks " escalated "WHERE callbacks.state = 'due' AND " \
  "callbacks.archived_at IS NULL AND callbacks.escalated_at IS NOT NULL)"

/**
 * kefu_store_count_late_callbacks:
 *
 * Counts in SQL what the banner and the sidebar say: the overdue callbacks (due, due_at before
 * @now; @assigned_to as in kefu_store_count_callbacks_by_day ()) and the escalated ones (all).
 */
gboolean
kefu_store_count_late_callbacks (KefuStore     *self,
                                 GDateTime     *now,
                                 gint64         assigned_to,
                                 guint         *n_overdue,
                                 guint         *n_escalated,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *now_text = NULL;
  g_autoptr(KefuRows) rows = NULL;
  gboolean postgres;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now_text = kefu_time_to_db (now);
  /* The overdue ones as those not escalated (callbacks_claimable: the due ones only) and the
   * escalated (callbacks_escalated), never a walk of every past callback through
   * callbacks_calendar: 200 ms → 30 ms over 1,377,015 callbacks. SQLite is told the indexes
   * (without statistics it took callbacks_due and read the table for each). */
  postgres = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
  rows = _kefu_store_query (self, postgres ? LATE_COUNTS ("", "") :
                            LATE_COUNTS ("INDEXED BY callbacks_claimable ",
                                         "INDEXED BY callbacks_escalated "),
                            g_variant_new ("(smx)", now_text, assigned_to != 0, assigned_to),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (n_overdue != NULL)
    *n_overdue = (guint) kefu_rows_get_int (rows, 0, 0);
  if (n_escalated != NULL)
    *n_escalated = (guint) kefu_rows_get_int (rows, 0, 1);
  return TRUE;
}

/**
 * kefu_store_list_escalated_callbacks:
 *
 * Returns: (transfer full) (element-type KefuCallback): the callbacks whose attempts ran out,
 *   oldest escalation first
 */
GPtrArray *
kefu_store_list_escalated_callbacks (KefuStore     *self,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_where (self,
                     "WHERE callbacks.state = 'due' AND callbacks.escalated_at IS NOT NULL "
                     "AND callbacks.archived_at IS NULL "
                     "ORDER BY callbacks.escalated_at, callbacks.id",
                     NULL, cancellable, error);
}

/* Members: coverage by survey callbacks */

/* A member is covered by a survey callback closed in the period, through callbacks_survey_done
 * (the condition repeats the index's own). */
#define COVERED \
  "EXISTS (SELECT 1 FROM callbacks WHERE callbacks.customer_id = customers.id AND " \
  "callbacks.reason = 'survey' AND callbacks.state = 'done' AND callbacks.done_at >= $1 AND " \
  "callbacks.done_at < $2)"

gboolean
kefu_store_member_coverage (KefuStore     *self,
                            const GDate   *first,
                            const GDate   *last,
                            guint         *n_members,
                            guint         *n_covered,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _kefu_store_local_days_bounds (first, last, &from_text, &to_text);
  /* The covered ones are counted from the period's survey callbacks (a few thousand, through
   * callbacks_survey_done) rather than by looking up every member's: on PostgreSQL 150,000
   * members took seconds that way. The same members either way. */
  rows = _kefu_store_query (self,
                            "SELECT (SELECT COUNT(*) FROM customers WHERE customers.is_member), "
                            "(SELECT COUNT(DISTINCT callbacks.customer_id) FROM callbacks "
                            "JOIN customers ON customers.id = callbacks.customer_id "
                            "WHERE callbacks.reason = 'survey' AND callbacks.state = 'done' AND "
                            "callbacks.done_at >= $1 AND callbacks.done_at < $2 AND "
                            "customers.is_member)",
                            g_variant_new ("(ss)", from_text, to_text), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (n_members != NULL)
    *n_members = (guint) kefu_rows_get_int (rows, 0, 0);
  if (n_covered != NULL)
    *n_covered = (guint) kefu_rows_get_int (rows, 0, 1);
  return TRUE;
}

/**
 * kefu_store_list_uncovered_members:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the members without a survey
 *   callback closed from @first to @last, by id, at most @limit (0: all)
 */
GArray *
kefu_store_list_uncovered_members (KefuStore     *self,
                                   const GDate   *first,
                                   const GDate   *last,
                                   guint          limit,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _kefu_store_local_days_bounds (first, last, &from_text, &to_text);
  return _kefu_store_query_int64_column (self,
                                         "SELECT customers.id FROM customers "
                                         "WHERE customers.is_member AND NOT " COVERED
                                         " ORDER BY customers.id LIMIT $3",
                                         g_variant_new ("(ss@mx)", from_text, to_text,
                                                        limit_param (self, limit)),
                                         cancellable, error);
}
