/* kefuctl-bench-callbacks.c: `kefuctl bench callbacks`, the speed of the callback calendar on
 * a real database (typically one filled by `kefuctl generate --callbacks 1000000`).
 *
 * The same store calls as the Callbacks pane: the month view (the counts of the six weeks
 * shown, the team's and one clerk's), the day's agenda (today's callbacks, the team's and one
 * clerk's), the banner's overdue and escalated counts, Call Next (a claim of the next callback
 * due, given up again), one callback read whole, and the sidebar's count.
 *
 * Targets: the month view and the agenda under 200 ms each (the figure with 1,000,000
 * callbacks), a claim under 100 ms, a count under 50 ms.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-callbacks.h"
#include "kefuctl-bench-private.h"
#include "kefuctl-private.h"

typedef struct
{
  KefuStore  *store;
  gint64      clerk_id;       /* the clerk with the most callbacks today, or 0 */
  GDate       first;          /* the six weeks of this month's view */
  GDate       last;
  GDateTime  *day_start;      /* today, local */
  GDateTime  *day_end;
  gint64      one_id;         /* a callback of today, or 0 */
} BenchCallbacks;

static gboolean
month (BenchCallbacks  *bench,
       gint64           assigned_to,
       GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) counts = kefu_store_count_callbacks_by_day (bench->store, &bench->first,
                                                                &bench->last, assigned_to, now,
                                                                NULL, error);

  return counts != NULL;
}

static gboolean
month_team (gpointer   data,
            GError   **error)
{
  return month (data, 0, error);
}

static gboolean
month_clerk (gpointer   data,
             GError   **error)
{
  BenchCallbacks *bench = data;

  return month (bench, bench->clerk_id, error);
}

static gboolean
agenda (BenchCallbacks  *bench,
        gint64           assigned_to,
        GError         **error)
{
  g_autoptr(GPtrArray) rows = kefu_store_list_callbacks_due (bench->store, bench->day_start,
                                                             bench->day_end, assigned_to, TRUE,
                                                             NULL, error);

  return rows != NULL;
}

static gboolean
agenda_team (gpointer   data,
             GError   **error)
{
  return agenda (data, 0, error);
}

static gboolean
agenda_clerk (gpointer   data,
              GError   **error)
{
  BenchCallbacks *bench = data;

  return agenda (bench, bench->clerk_id, error);
}

static gboolean
banner (gpointer   data,
        GError   **error)
{
  BenchCallbacks *bench = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_overdue, n_escalated;

  return kefu_store_count_late_callbacks (bench->store, now, 0, &n_overdue, &n_escalated, NULL,
                                          error);
}

static gboolean
call_next (gpointer   data,
           GError   **error)
{
  BenchCallbacks *bench = data;
  const char *workstation = kefu_store_get_workstation_id ();
  gint64 id = kefu_store_claim_next_callback (bench->store, 0, bench->day_end, workstation, NULL,
                                              error);

  if (id < 0 || (id == 0 && error != NULL && *error != NULL))
    return FALSE;
  /* Given up again, so that the next round claims the same one and nothing stays claimed. */
  return id == 0 || kefu_store_release_callback (bench->store, id, workstation, NULL, error);
}

static gboolean
read_one (gpointer   data,
          GError   **error)
{
  BenchCallbacks *bench = data;
  g_autoptr(KefuCallback) callback = NULL;

  if (bench->one_id == 0)
    return TRUE;
  callback = kefu_store_get_callback (bench->store, bench->one_id, NULL, error);
  return callback != NULL;
}

static gboolean
sidebar (gpointer   data,
         GError   **error)
{
  BenchCallbacks *bench = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GArray) today = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  today = kefu_store_count_callbacks_by_day (bench->store, &day, &day, 0, now, NULL, error);
  return today != NULL;
}

static const KefuctlBenchOperation operations[] = {
  { N_("Month view: the team’s counts of six weeks"), 200, month_team, 0 },
  { N_("Month view: one clerk’s counts of six weeks"), 200, month_clerk, 0 },
  { N_("Agenda: the team’s callbacks of today"), 200, agenda_team, 0 },
  { N_("Agenda: one clerk’s callbacks of today"), 200, agenda_clerk, 0 },
  { N_("Banner: overdue and escalated"), 200, banner, 0 },
  { N_("Call Next: claim and give up"), 100, call_next, 0 },
  { N_("One callback with its attempts"), 100, read_one, 0 },
  { N_("Sidebar count"), 50, sidebar, 0 },
};

gboolean
kefuctl_bench_callbacks (KefuStore  *store,
                         guint       rounds,
                         GError    **error)
{
  BenchCallbacks bench = { .store = store };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GHashTable) per_clerk = g_hash_table_new (g_int64_hash, g_int64_equal);
  GDate month_first;
  guint best = 0;
  gboolean ok;

  /* This month's view: from the Monday on or before its first day, six weeks. */
  g_date_clear (&month_first, 1);
  g_date_set_dmy (&month_first, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  bench.first = month_first;
  g_date_subtract_days (&bench.first, g_date_get_weekday (&month_first) - G_DATE_MONDAY);
  bench.last = bench.first;
  g_date_add_days (&bench.last, 41);
  bench.day_start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                           g_date_time_get_day_of_month (now), 0, 0, 0);
  bench.day_end = g_date_time_add_days (bench.day_start, 1);

  /* The clerk with the most callbacks today stands for "My Callbacks". */
  today = kefu_store_list_callbacks_due (store, bench.day_start, bench.day_end, 0, TRUE, NULL,
                                         error);
  if (today == NULL)
    {
      g_date_time_unref (bench.day_start);
      g_date_time_unref (bench.day_end);
      return FALSE;
    }
  for (guint i = 0; i < today->len; i++)
    {
      KefuCallback *c = g_ptr_array_index (today, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_clerk, &c->assigned_to)) + 1;

      if (c->assigned_to == 0)
        continue;
      g_hash_table_insert (per_clerk, &c->assigned_to, GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          bench.clerk_id = c->assigned_to;
        }
      if (bench.one_id == 0)
        bench.one_id = c->id;
    }
  g_print (_("Callback benchmark on %s: %u callbacks today, the busiest clerk with %u; %u rounds "
             "of each operation.\n\n"),
           kefu_store_get_description (store), today->len, best, rounds);

  ok = kefuctl_bench_measure (operations, G_N_ELEMENTS (operations), &bench, rounds, error);
  g_date_time_unref (bench.day_start);
  g_date_time_unref (bench.day_end);
  return ok;
}
