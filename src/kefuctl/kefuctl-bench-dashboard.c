/* kefuctl-bench-dashboard.c: `kefuctl bench dashboard`, the speed of the managers' dashboard
 * on a real database (typically one filled by `kefuctl generate` with millions of calls and
 * hundreds of thousands of complaints, callbacks, shipments and jobs).
 *
 * The whole dashboard of a period (by default the last full month of the data: the month
 * before that of the newest call) for the whole site, then each of its sections alone (calls,
 * complaints, callbacks, after-sales, the clerks' table), and the whole dashboard of the
 * busiest team. Each is run once to fill the caches, then --rounds times; the table gives the
 * median and the worst of the rounds. Target: the whole dashboard of a month under 500 ms.
 *
 * The sections are the store's own (kefu-store-dashboard-private.h), so that what is timed is
 * exactly what kefu_store_dashboard () runs.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "store/kefu-store-dashboard-private.h"
#include "kefuctl-bench-private.h"
#include "kefuctl-private.h"

#define TARGET_MS 500.0

typedef gboolean (*SectionFunc) (KefuDashPeriod *p, KefuDashboard *d,
                                 GCancellable *cancellable, GError **error);

typedef struct
{
  KefuStore          *store;
  KefuDashboardQuery  query;
  SectionFunc         section;   /* NULL: the whole dashboard */
} BenchDashboard;

static gboolean
run_once (BenchDashboard  *bench,
          GError         **error)
{
  if (bench->section == NULL)
    {
      g_autoptr(KefuDashboard) d = kefu_store_dashboard (bench->store, &bench->query, NULL,
                                                         error);

      return d != NULL;
    }
  else
    {
      g_auto(KefuDashPeriod) p = { 0 };
      g_autoptr(KefuDashboard) d = NULL;

      _kefu_dash_period_init (&p, bench->store, &bench->query);
      d = _kefu_dash_new (&p, &bench->query);
      return bench->section (&p, d, NULL, error);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* This process's CPU time in ms: on SQLite the work itself, whatever else the machine runs
 * (the wall-clock times grow with the load); on PostgreSQL only the client's share. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Runs one operation and prints its line: the first run, the median and the worst of the
 * rounds (wall clock), and the median CPU time of this process. */
static gboolean
measure (BenchDashboard  *bench,
         const char      *what,
         guint            rounds,
         double          *median_out,
         GError         **error)
{
  g_autofree double *times = g_new0 (double, rounds);
  g_autofree double *cpu = g_new0 (double, rounds);
  double first, median;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!run_once (bench, error))
    return FALSE;
  first = (g_get_monotonic_time () - start) / 1000.0;
  for (guint r = 0; r < rounds; r++)
    {
      double cpu_start = cpu_ms ();

      start = g_get_monotonic_time ();
      if (!run_once (bench, error))
        return FALSE;
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = cpu_ms () - cpu_start;
    }
  qsort (times, rounds, sizeof (double), compare_doubles);
  qsort (cpu, rounds, sizeof (double), compare_doubles);
  /* The lower median, as the dashboard's own medians. */
  median = times[(rounds - 1) / 2];
  g_print ("%-28s %10.1f %11.1f %10.1f %10.1f\n", what, first, median, times[rounds - 1],
           cpu[(rounds - 1) / 2]);
  if (median_out != NULL)
    *median_out = median;
  return TRUE;
}

/* The month before that of the newest call (local days), or this month's when there are no
 * calls. */
static gboolean
default_period (KefuStore  *store,
                GDate      *first,
                GDate      *last,
                GError    **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (store, "SELECT MAX(received_at) FROM calls",
                                                NULL, NULL, error);
  g_autoptr(GDateTime) newest = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (rows == NULL)
    return FALSE;
  newest = kefu_rows_get_time (rows, 0, 0);
  local = newest != NULL ? g_date_time_to_local (newest) : g_date_time_new_now_local ();
  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, g_date_time_get_month (local), g_date_time_get_year (local));
  g_date_subtract_months (first, 1);
  *last = *first;
  g_date_add_days (last, g_date_get_days_in_month (g_date_get_month (first),
                                                   g_date_get_year (first)) - 1);
  return TRUE;
}

/* The department whose staff took the most calls of the period, for the team's dashboard. */
static gint64
busiest_team (KefuStore                *store,
              const KefuDashboardQuery *query)
{
  g_auto(KefuDashPeriod) p = { 0 };
  g_autoptr(KefuRows) rows = NULL;

  _kefu_dash_period_init (&p, store, query);
  rows = _kefu_store_query (store,
                            "SELECT staff.department_id FROM calls JOIN staff ON staff.id = "
                            "calls.clerk_id WHERE calls.received_at >= $1 AND calls.received_at "
                            "< $2 AND staff.department_id IS NOT NULL GROUP BY "
                            "staff.department_id ORDER BY COUNT(*) DESC LIMIT 1",
                            g_variant_new ("(ss)", p.from, p.to), NULL, NULL);
  return rows != NULL && kefu_rows_get_n_rows (rows) > 0 ? kefu_rows_get_int (rows, 0, 0) : 0;
}

gboolean
kefuctl_bench_dashboard (KefuStore    *store,
                         guint         rounds,
                         const GDate  *from,
                         const GDate  *to,
                         GError      **error)
{
  const struct { const char *what; SectionFunc section; } sections[] = {
    { N_("Calls"), _kefu_dash_read_calls },
    { N_("Complaints"), _kefu_dash_read_complaints },
    { N_("Callbacks"), _kefu_dash_read_callbacks },
    { N_("After-sales"), _kefu_dash_read_aftersales },
    { N_("Clerks"), _kefu_dash_read_clerks },
  };
  BenchDashboard bench = { .store = store };
  char first_text[16], last_text[16];
  double whole = 0;

  if (from != NULL && to != NULL)
    {
      bench.query.first = *from;
      bench.query.last = *to;
    }
  else if (!default_period (store, &bench.query.first, &bench.query.last, error))
    return FALSE;
  g_date_strftime (first_text, sizeof first_text, "%Y-%m-%d", &bench.query.first);
  g_date_strftime (last_text, sizeof last_text, "%Y-%m-%d", &bench.query.last);
  g_print (_("The dashboard of %s to %s, %u rounds each:\n"), first_text, last_text, rounds);
  g_print ("%-28s %10s %11s %10s %10s\n", _("Operation"), _("First (ms)"), _("Median (ms)"),
           _("Worst (ms)"), _("CPU (ms)"));

  if (!measure (&bench, _("Whole dashboard"), rounds, &whole, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      bench.section = sections[i].section;
      if (!measure (&bench, _(sections[i].what), rounds, NULL, error))
        return FALSE;
    }
  bench.section = NULL;
  bench.query.department_id = busiest_team (store, &bench.query);
  if (bench.query.department_id != 0 &&
      !measure (&bench, _("Whole dashboard, one team"), rounds, NULL, error))
    return FALSE;

  if (whole <= TARGET_MS)
    g_print (_("The whole dashboard is within its target (%.0f ms) at the median.\n"),
             TARGET_MS);
  else
    g_print (_("The whole dashboard is over its target (%.0f ms) at the median.\n"), TARGET_MS);
  return TRUE;
}
