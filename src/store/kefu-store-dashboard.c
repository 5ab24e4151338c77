/* kefu-store-dashboard.c: the managers' dashboard (kefu-store-dashboard.h): the period and its
 * previous period, the query templates of kefu-store-dashboard-private.h, the folding of the
 * hourly counts into the local buckets, and the dashboard as a whole (also on the store's
 * worker thread). The figures are counted in kefu-store-dashboard-calls.c, -complaints.c,
 * -callbacks.c and -aftersales.c; the records behind them in kefu-store-dashboard-records.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kefu-store-callbacks-private.h"
#include "kefu-store-dashboard-private.h"

static GDateTime *
local_midnight (GTimeZone   *zone,
                const GDate *day)
{
  return g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), 0, 0, 0);
}

void
_kefu_dash_period_init (KefuDashPeriod           *p,
                        KefuStore                *store,
                        const KefuDashboardQuery *query)
{
  g_autoptr(GDateTime) prev_local = NULL;
  g_autoptr(GDateTime) from_local = NULL;
  g_autoptr(GDateTime) to_local = NULL;
  GDate after;

  memset (p, 0, sizeof *p);
  p->store = store;
  p->local = g_time_zone_new_local ();
  p->first = query->first;
  p->last = query->last;
  p->department_id = query->department_id;
  p->clerk_id = query->clerk_id;
  p->n_days = (guint) g_date_days_between (&p->first, &p->last) + 1;
  p->hourly = p->n_days == 1;
  p->n_buckets = p->hourly ? 24 : p->n_days;
  /* The period before: as many days, ending the day before the first. */
  p->previous_first = p->first;
  g_date_subtract_days (&p->previous_first, p->n_days);
  after = p->last;
  g_date_add_days (&after, 1);

  prev_local = local_midnight (p->local, &p->previous_first);
  from_local = local_midnight (p->local, &p->first);
  to_local = local_midnight (p->local, &after);
  p->prev_time = g_date_time_to_utc (prev_local);
  p->from_time = g_date_time_to_utc (from_local);
  p->to_time = g_date_time_to_utc (to_local);
  p->prev = kefu_time_to_db (p->prev_time);
  p->from = kefu_time_to_db (p->from_time);
  p->to = kefu_time_to_db (p->to_time);
  p->now_time = _kefu_store_now (store);
  p->now = kefu_time_to_db (p->now_time);
}

void
_kefu_dash_period_clear (KefuDashPeriod *p)
{
  g_clear_pointer (&p->local, g_time_zone_unref);
  g_clear_pointer (&p->prev, g_free);
  g_clear_pointer (&p->from, g_free);
  g_clear_pointer (&p->to, g_free);
  g_clear_pointer (&p->now, g_free);
  g_clear_pointer (&p->now_time, g_date_time_unref);
  g_clear_pointer (&p->from_time, g_date_time_unref);
  g_clear_pointer (&p->to_time, g_date_time_unref);
  g_clear_pointer (&p->prev_time, g_date_time_unref);
}

/* The parameters a template binds, in the order of their first use. */
typedef enum
{
  PARAM_PREV, PARAM_FROM, PARAM_TO, PARAM_NOW, PARAM_DEPT, PARAM_CLERK, PARAM_KEY, N_PARAMS
} Param;

typedef struct
{
  KefuDashPeriod *p;
  gboolean        pg;
  gboolean        previous;
  gint64          key;
  guint           number[N_PARAMS];   /* $n, 0: not bound yet */
  Param           order[N_PARAMS];
  guint           n_bound;
  GString        *sql;
} Expansion;

static void
append_param (Expansion *e,
              Param      param)
{
  if (e->number[param] == 0)
    {
      e->order[e->n_bound++] = param;
      e->number[param] = e->n_bound;
    }
  if (param >= PARAM_DEPT)
    g_string_append_printf (e->sql, "CAST($%u AS BIGINT)", e->number[param]);
  else
    g_string_append_printf (e->sql, "$%u", e->number[param]);
}

static void
expand_token (Expansion  *e,
              const char *token,
              gsize       length)
{
  g_autofree char *t = g_strndup (token, length);
  const char *arg = strchr (t, ':');

  if (arg != NULL)
    arg++;
  if (strcmp (t, "prev") == 0)
    append_param (e, PARAM_PREV);
  else if (strcmp (t, "from") == 0)
    append_param (e, PARAM_FROM);
  else if (strcmp (t, "to") == 0)
    append_param (e, PARAM_TO);
  else if (strcmp (t, "lo") == 0)
    append_param (e, e->previous ? PARAM_PREV : PARAM_FROM);
  else if (strcmp (t, "hi") == 0)
    append_param (e, e->previous ? PARAM_FROM : PARAM_TO);
  else if (strcmp (t, "now") == 0)
    append_param (e, PARAM_NOW);
  else if (strcmp (t, "dept") == 0)
    append_param (e, PARAM_DEPT);
  else if (strcmp (t, "clerk") == 0)
    append_param (e, PARAM_CLERK);
  else if (strcmp (t, "key") == 0)
    append_param (e, PARAM_KEY);
  else if (g_str_has_prefix (t, "hrange:"))
    {
      /* Both periods, on SQLite by the hour itself (calls_hour): the bounds are local midnights,
       * whole UTC hours in a zone of whole hours. */
      if (e->pg)
        {
          g_string_append_printf (e->sql, "%s >= ", arg);
          append_param (e, PARAM_PREV);
          g_string_append_printf (e->sql, " AND %s < ", arg);
          append_param (e, PARAM_TO);
        }
      else
        {
          g_string_append_printf (e->sql, "substr(%s, 1, 13) >= substr(", arg);
          append_param (e, PARAM_PREV);
          g_string_append_printf (e->sql, ", 1, 13) AND substr(%s, 1, 13) < substr(", arg);
          append_param (e, PARAM_TO);
          g_string_append (e->sql, ", 1, 13)");
        }
    }
  else if (strcmp (t, "hours") == 0 || strcmp (t, "phours") == 0)
    {
      /* dashboard_hours.hour in both periods ({hours}) or in the period ({phours}): SQLite keeps
       * the hour as the first 13 characters of the UTC text. */
      Param lo = t[0] == 'p' ? PARAM_FROM : PARAM_PREV;

      g_string_append (e->sql, e->pg ? "dashboard_hours.hour >= " :
                       "dashboard_hours.hour >= substr(");
      append_param (e, lo);
      g_string_append (e->sql, e->pg ? " AND dashboard_hours.hour < " :
                       ", 1, 13) AND dashboard_hours.hour < substr(");
      append_param (e, PARAM_TO);
      if (!e->pg)
        g_string_append (e->sql, ", 1, 13)");
    }
  else if (g_str_has_prefix (t, "hour:"))
    g_string_append_printf (e->sql, e->pg ? "date_trunc('hour', %s)" : "substr(%s, 1, 13)", arg);
  else if (g_str_has_prefix (t, "days30:"))
    g_string_append_printf (e->sql, e->pg ? "(%s - INTERVAL '30 days')" :
                            "strftime('%%Y-%%m-%%d %%H:%%M:%%fZ', %s, '-30 days')", arg);
  else if (g_str_has_prefix (t, "noidx:"))
    /* SQLite's unary plus keeps an index from being chosen for the term; PostgreSQL plans
     * with statistics and needs no hint. */
    g_string_append_printf (e->sql, e->pg ? "%s" : "+%s", arg);
  else if (g_str_has_prefix (t, "yes:"))
    g_string_append_printf (e->sql, e->pg ? "%s" : "%s = 1", arg);
  else if (g_str_has_prefix (t, "secs:"))
    {
      /* A is an expression that may hold commas; B is a column. */
      const char *comma = strrchr (arg, ',');
      g_autofree char *a = NULL;

      g_assert (comma != NULL);
      a = g_strndup (arg, (gsize) (comma - arg));
      /* date_part() gives a double precision, which percentile_disc() sorts far quicker
       * than EXTRACT()'s numeric (PostgreSQL 14 and later). */
      g_string_append_printf (e->sql, e->pg ? "date_part('epoch', %s - %s)" :
                              "((julianday(%s) - julianday(%s)) * 86400.0)", a, comma + 1);
    }
  else
    g_assert_not_reached ();
}

/* The SQL of `sql` for the backend, and its parameters (floating). */
static char *
expand (KefuDashPeriod  *p,
        const char      *sql,
        gboolean         previous,
        gint64           key,
        GVariant       **params)
{
  Expansion e = { 0 };
  GVariantBuilder builder;

  e.p = p;
  e.pg = kefu_store_get_backend (p->store) == KEFU_STORE_BACKEND_POSTGRES;
  e.previous = previous;
  e.key = key;
  e.sql = g_string_sized_new (strlen (sql) + 64);
  for (const char *s = sql; *s != '\0'; s++)
    {
      const char *end;

      if (*s != '{' || (end = strchr (s, '}')) == NULL)
        {
          g_string_append_c (e.sql, *s);
          continue;
        }
      expand_token (&e, s + 1, (gsize) (end - s - 1));
      s = end;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  for (guint i = 0; i < e.n_bound; i++)
    switch (e.order[i])
      {
      case PARAM_PREV:
        g_variant_builder_add (&builder, "s", p->prev);
        break;
      case PARAM_FROM:
        g_variant_builder_add (&builder, "s", p->from);
        break;
      case PARAM_TO:
        g_variant_builder_add (&builder, "s", p->to);
        break;
      case PARAM_NOW:
        g_variant_builder_add (&builder, "s", p->now);
        break;
      case PARAM_DEPT:
        g_variant_builder_add (&builder, "x", p->department_id);
        break;
      case PARAM_CLERK:
        g_variant_builder_add (&builder, "x", p->clerk_id);
        break;
      case PARAM_KEY:
        g_variant_builder_add (&builder, "x", key);
        break;
      case N_PARAMS:
      default:
        g_assert_not_reached ();
      }
  *params = e.n_bound == 0 ? NULL : g_variant_builder_end (&builder);
  if (e.n_bound == 0)
    g_variant_builder_clear (&builder);
  return g_string_free (e.sql, FALSE);
}

KefuRows *
_kefu_dash_query (KefuDashPeriod  *p,
                  const char      *sql,
                  gboolean         previous,
                  gint64           key,
                  GCancellable    *cancellable,
                  GError         **error)
{
  GVariant *params = NULL;
  g_autofree char *text = expand (p, sql, previous, key, &params);
  gint64 start = g_get_monotonic_time ();
  KefuRows *rows = _kefu_store_query (p->store, text, params, cancellable, error);

  /* Each figure's time, for tuning (G_MESSAGES_DEBUG=kefu-store). */
  g_debug ("Dashboard query: %.1f ms: %s", (g_get_monotonic_time () - start) / 1000.0, text);
  return rows;
}

GArray *
_kefu_dash_ids (KefuDashPeriod  *p,
                const char      *sql,
                gint64           key,
                GCancellable    *cancellable,
                GError         **error)
{
  GVariant *params = NULL;
  g_autofree char *text = expand (p, sql, FALSE, key, &params);

  return _kefu_store_query_int64_column (p->store, text, params, cancellable, error);
}

gboolean
_kefu_dash_place (KefuDashPeriod *p,
                  const char     *text,
                  gboolean       *previous,
                  guint          *bucket,
                  guint          *local_hour)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day, hour;
  GDate date;
  const GDate *start;

  if (text == NULL || sscanf (text, "%d-%d-%d %d", &year, &month, &day, &hour) != 4)
    return FALSE;
  utc = g_date_time_new_utc (year, month, day, hour, 0, 0);
  if (utc == NULL || g_date_time_compare (utc, p->prev_time) < 0 ||
      g_date_time_compare (utc, p->to_time) >= 0)
    return FALSE;
  *previous = g_date_time_compare (utc, p->from_time) < 0;
  local = g_date_time_to_timezone (utc, p->local);
  *local_hour = (guint) g_date_time_get_hour (local);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  start = *previous ? &p->previous_first : &p->first;
  if (p->hourly)
    *bucket = *local_hour;
  else
    *bucket = (guint) CLAMP (g_date_days_between (start, &date), 0, (gint) p->n_buckets - 1);
  return TRUE;
}

void
_kefu_dash_count_init (KefuDashboardCount *count,
                       guint               n_buckets)
{
  count->value = 0;
  count->previous = 0;
  count->series = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_buckets);
  g_array_set_size (count->series, n_buckets);
}

void
_kefu_dash_count_clear (KefuDashboardCount *count)
{
  g_clear_pointer (&count->series, g_array_unref);
}

void
_kefu_dash_count_add (KefuDashboardCount *count,
                      gboolean            previous,
                      guint               bucket,
                      guint               n)
{
  if (previous)
    {
      count->previous += n;
      return;
    }
  count->value += n;
  if (bucket < count->series->len)
    g_array_index (count->series, guint, bucket) += n;
}

/* The lower median: PostgreSQL's percentile_disc(0.5), our own lower_median() on SQLite
 * (kefu-sqlite-support.c), which has no ordered-set aggregate. */
static gboolean
read_median (KefuDashPeriod  *p,
             const char      *sql,
             gboolean         previous,
             double           scale,
             double          *value,
             guint           *n,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autofree char *whole = NULL;
  g_autoptr(KefuRows) rows = NULL;

  if (kefu_store_get_backend (p->store) == KEFU_STORE_BACKEND_POSTGRES)
    whole = g_strdup_printf ("SELECT COUNT(*), percentile_disc(0.5) WITHIN GROUP "
                             "(ORDER BY w.d) FROM (%s) AS w", sql);
  else
    whole = g_strdup_printf ("SELECT COUNT(*), lower_median(w.d) FROM (%s) AS w", sql);
  rows = _kefu_dash_query (p, whole, previous, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  *n = (guint) kefu_rows_get_int (rows, 0, 0);
  *value = kefu_rows_is_null (rows, 0, 1) || *n == 0 ? 0.0 :
           g_ascii_strtod (kefu_rows_get_text (rows, 0, 1), NULL) / scale;
  return TRUE;
}

gboolean
_kefu_dash_median (KefuDashPeriod       *p,
                   const char           *sql,
                   double                scale,
                   KefuDashboardMedian  *median,
                   GCancellable         *cancellable,
                   GError              **error)
{
  return read_median (p, sql, FALSE, scale, &median->value, &median->n, cancellable, error) &&
         read_median (p, sql, TRUE, scale, &median->previous, &median->previous_n, cancellable,
                      error);
}

static void
department_count_clear (gpointer data)
{
  KefuDashboardDepartmentCount *c = data;

  g_clear_pointer (&c->name, g_free);
}

static void
clerk_clear (gpointer data)
{
  KefuDashboardClerk *c = data;

  g_clear_pointer (&c->name, g_free);
}

/* Every count of the dashboard, to set up and to free them alike. */
static GPtrArray *
all_counts (KefuDashboard *d)
{
  KefuDashboardCount *counts[] = {
    &d->calls_total, &d->opened, &d->opened_product, &d->opened_service, &d->opened_explained,
    &d->closed, &d->resolved, &d->resolved_on_time, &d->harmed, &d->batch_alerts,
    &d->callbacks_due, &d->callbacks_on_time, &d->callbacks_late, &d->satisfied, &d->so_so,
    &d->not_satisfied, &d->received, &d->jobs_completed_total, &d->field_first,
    &d->field_first_fixed, &d->in_warranty, &d->paid,
  };
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_ptr_array_add (all, counts[i]);
  for (guint i = 0; i < KEFU_DASHBOARD_N_CALL_KINDS; i++)
    g_ptr_array_add (all, &d->calls[i]);
  return all;
}

KefuDashboard *
_kefu_dash_new (const KefuDashPeriod     *p,
                const KefuDashboardQuery *query)
{
  KefuDashboard *d = g_new0 (KefuDashboard, 1);
  g_autoptr(GPtrArray) counts = all_counts (d);

  d->query = *query;
  d->made_at = g_date_time_ref (p->now_time);
  d->n_buckets = p->n_buckets;
  d->hourly = p->hourly;
  for (guint i = 0; i < counts->len; i++)
    _kefu_dash_count_init (counts->pdata[i], p->n_buckets);
  d->open_by_department = g_array_new (FALSE, TRUE, sizeof (KefuDashboardDepartmentCount));
  g_array_set_clear_func (d->open_by_department, department_count_clear);
  d->clerks = g_array_new (FALSE, TRUE, sizeof (KefuDashboardClerk));
  g_array_set_clear_func (d->clerks, clerk_clear);
  return d;
}

void
kefu_dashboard_free (KefuDashboard *dashboard)
{
  g_autoptr(GPtrArray) counts = NULL;

  if (dashboard == NULL)
    return;
  counts = all_counts (dashboard);
  for (guint i = 0; i < counts->len; i++)
    _kefu_dash_count_clear (counts->pdata[i]);
  g_clear_pointer (&dashboard->made_at, g_date_time_unref);
  g_clear_pointer (&dashboard->open_by_department, g_array_unref);
  g_clear_pointer (&dashboard->clerks, g_array_unref);
  g_free (dashboard);
}

/**
 * kefu_dashboard_bucket_start:
 *
 * Returns: (transfer full): the local start of bucket @index (an hour of the one day, or a
 *   day of the period)
 */
GDateTime *
kefu_dashboard_bucket_start (const KefuDashboard *dashboard,
                             guint                index)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  GDate day;

  g_return_val_if_fail (dashboard != NULL, NULL);
  g_return_val_if_fail (index < dashboard->n_buckets, NULL);

  day = dashboard->query.first;
  if (dashboard->hourly)
    return g_date_time_new (local, g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), (int) index, 0, 0);
  g_date_add_days (&day, index);
  return local_midnight (local, &day);
}

static gboolean
query_valid (const KefuDashboardQuery *query)
{
  return query != NULL && g_date_valid (&query->first) && g_date_valid (&query->last) &&
         g_date_compare (&query->first, &query->last) <= 0 &&
         query->department_id >= 0 && query->clerk_id >= 0;
}

/**
 * kefu_store_dashboard:
 * @query: the period (local days), the team and the clerk
 *
 * Returns: (transfer full): the dashboard at the store's clock's now; NULL with @error set
 */
KefuDashboard *
kefu_store_dashboard (KefuStore                *self,
                      const KefuDashboardQuery *query,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  g_auto(KefuDashPeriod) p = { 0 };
  g_autoptr(KefuDashboard) d = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (query_valid (query), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _kefu_dash_period_init (&p, self, query);
  d = _kefu_dash_new (&p, query);
  if (!_kefu_dash_read_calls (&p, d, cancellable, error) ||
      !_kefu_dash_read_complaints (&p, d, cancellable, error) ||
      !_kefu_dash_read_callbacks (&p, d, cancellable, error) ||
      !_kefu_dash_read_aftersales (&p, d, cancellable, error) ||
      !_kefu_dash_read_clerks (&p, d, cancellable, error))
    return NULL;
  return g_steal_pointer (&d);
}

static void
dashboard_thread_cb (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  KefuDashboard *d = kefu_store_dashboard (source_object, task_data, cancellable, &error);

  if (d != NULL)
    g_task_return_pointer (task, d, (GDestroyNotify) kefu_dashboard_free);
  else
    g_task_return_error (task, error);
}

/**
 * kefu_store_dashboard_async:
 *
 * kefu_store_dashboard () on the store's worker thread.
 */
void
kefu_store_dashboard_async (KefuStore                *self,
                            const KefuDashboardQuery *query,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (query_valid (query));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_dashboard_async);
  g_task_set_task_data (task, g_memdup2 (query, sizeof *query), g_free);
  _kefu_store_run_in_worker (self, task, dashboard_thread_cb);
}

/**
 * kefu_store_dashboard_finish:
 *
 * Returns: (transfer full): the dashboard, or NULL with @error set
 */
KefuDashboard *
kefu_store_dashboard_finish (KefuStore     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kefu_store_dashboard_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

KefuDashboardRecordKind
kefu_dashboard_figure_record_kind (KefuDashboardFigure figure)
{
  switch (figure)
    {
    case KEFU_DASHBOARD_FIGURE_CALLS:
    case KEFU_DASHBOARD_FIGURE_CALLS_AT_HOUR:
    case KEFU_DASHBOARD_FIGURE_CLERK_CALLS:
    case KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES:
      return KEFU_DASHBOARD_RECORD_CALL;
    case KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE:
    case KEFU_DASHBOARD_FIGURE_SATISFACTION:
    case KEFU_DASHBOARD_FIGURE_CLERK_CALLBACKS:
      return KEFU_DASHBOARD_RECORD_CALLBACK;
    case KEFU_DASHBOARD_FIGURE_MEMBERS_UNCOVERED:
      return KEFU_DASHBOARD_RECORD_CUSTOMER;
    case KEFU_DASHBOARD_FIGURE_IN_TRANSIT:
      return KEFU_DASHBOARD_RECORD_SHIPMENT;
    case KEFU_DASHBOARD_FIGURE_JOBS_OPEN:
    case KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED:
      return KEFU_DASHBOARD_RECORD_JOB;
    case KEFU_DASHBOARD_FIGURE_OPENED:
    case KEFU_DASHBOARD_FIGURE_CLOSED:
    case KEFU_DASHBOARD_FIGURE_OPEN:
    case KEFU_DASHBOARD_FIGURE_OPEN_IN_DEPARTMENT:
    case KEFU_DASHBOARD_FIGURE_OVERDUE:
    case KEFU_DASHBOARD_FIGURE_RESOLVED:
    case KEFU_DASHBOARD_FIGURE_HARMED:
    case KEFU_DASHBOARD_FIGURE_BATCH_ALERTS:
    case KEFU_DASHBOARD_FIGURE_CLERK_COMPLAINTS:
    default:
      return KEFU_DASHBOARD_RECORD_COMPLAINT;
    }
}

/**
 * kefu_store_dashboard_record_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the records behind @figure and
 *   @key, newest first; NULL with @error set
 */
GArray *
kefu_store_dashboard_record_ids (KefuStore                *self,
                                 const KefuDashboardQuery *query,
                                 KefuDashboardFigure       figure,
                                 gint64                    key,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  g_auto(KefuDashPeriod) p = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (query_valid (query), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _kefu_dash_period_init (&p, self, query);
  switch (kefu_dashboard_figure_record_kind (figure))
    {
    case KEFU_DASHBOARD_RECORD_CALL:
      return _kefu_dash_call_ids (&p, figure, key, cancellable, error);
    case KEFU_DASHBOARD_RECORD_CALLBACK:
    case KEFU_DASHBOARD_RECORD_CUSTOMER:
      return _kefu_dash_callback_ids (&p, figure, key, cancellable, error);
    case KEFU_DASHBOARD_RECORD_SHIPMENT:
    case KEFU_DASHBOARD_RECORD_JOB:
      return _kefu_dash_aftersales_ids (&p, figure, key, cancellable, error);
    case KEFU_DASHBOARD_RECORD_COMPLAINT:
    default:
      return _kefu_dash_complaint_ids (&p, figure, key, cancellable, error);
    }
}
