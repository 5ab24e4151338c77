/* kefuctl-bench-aftersales.c: `kefuctl bench aftersales`, the speed of the after-sales pane on a
 * real database (typically one filled by `kefuctl generate --shipments 200000 --jobs 200000`).
 *
 * The same store calls as the pane's lists, which show a list as its head of ids (two pages of
 * the lazy model, and the whole count) and then the first page of rows: the shipment list open
 * only in its default attention order, every sort over all shipments, overdue only and a text
 * search (reference, customer, waybill, serial); the job list likewise (and the general
 * manager's approval queue); the technicians' calendar over two weeks; and the sidebar's
 * counts.
 *
 * Targets: a list's head and first page under 300 ms (as the complaint list), the calendar under
 * 200 ms, a count under 50 ms.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"
#include "kefuctl-bench-private.h"
#include "kefuctl-private.h"
#include "kefuctl-random.h"

#define BENCH_SEED G_GUINT64_CONSTANT (4713)
/* As the lists: a head of two pages of the lazy model, then a page of rows. */
#define HEAD       400
#define PAGE       200
#define N_WORDS    16

typedef struct
{
  KefuStore          *store;
  KefuctlRandom       random;
  GPtrArray          *shipment_words;  /* char *, searched for in turn */
  GPtrArray          *job_words;
  guint               next_word;
  KefuShipmentFilter *shipments;       /* the filter and sort of the next measure */
  KefuShipmentSort    shipment_sort;
  KefuJobFilter      *jobs;
  KefuJobSort         job_sort;
} BenchAftersales;

/* A list as the pane shows it: the head of its ids, then the first page of rows. */
static gboolean
shipment_list (BenchAftersales  *bench,
               GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 n_total = 0;

  ids = kefu_store_list_shipment_ids_head (bench->store, bench->shipments, bench->shipment_sort,
                                           FALSE, HEAD, &n_total, NULL, error);
  if (ids == NULL)
    return FALSE;
  rows = kefu_store_get_shipments (bench->store, (const gint64 *) (gpointer) ids->data,
                                   MIN (ids->len, PAGE), NULL, error);
  return rows != NULL;
}

static gboolean
job_list (BenchAftersales  *bench,
          GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 n_total = 0;

  ids = kefu_store_list_job_ids_head (bench->store, bench->jobs, bench->job_sort, FALSE, HEAD,
                                      &n_total, NULL, error);
  if (ids == NULL)
    return FALSE;
  rows = kefu_store_get_jobs (bench->store, (const gint64 *) (gpointer) ids->data,
                              MIN (ids->len, PAGE), NULL, error);
  return rows != NULL;
}

/* Shipments */

static void
shipments_reset (BenchAftersales  *bench,
                 KefuShipmentSort  sort)
{
  g_clear_pointer (&bench->shipments, kefu_shipment_filter_free);
  bench->shipments = kefu_shipment_filter_new ();
  bench->shipment_sort = sort;
}

static gboolean
shipments_open (gpointer   data,
                GError   **error)
{
  BenchAftersales *bench = data;

  shipments_reset (bench, KEFU_SHIPMENT_SORT_ATTENTION);
  bench->shipments->open_only = TRUE;
  return shipment_list (bench, error);
}

static gboolean
shipments_all_attention (gpointer   data,
                         GError   **error)
{
  shipments_reset (data, KEFU_SHIPMENT_SORT_ATTENTION);
  return shipment_list (data, error);
}

static gboolean
shipments_requested (gpointer   data,
                     GError   **error)
{
  shipments_reset (data, KEFU_SHIPMENT_SORT_REQUESTED);
  return shipment_list (data, error);
}

static gboolean
shipments_reference (gpointer   data,
                     GError   **error)
{
  shipments_reset (data, KEFU_SHIPMENT_SORT_REFERENCE);
  return shipment_list (data, error);
}

static gboolean
shipments_customer (gpointer   data,
                    GError   **error)
{
  shipments_reset (data, KEFU_SHIPMENT_SORT_CUSTOMER);
  return shipment_list (data, error);
}

static gboolean
shipments_step (gpointer   data,
                GError   **error)
{
  shipments_reset (data, KEFU_SHIPMENT_SORT_STEP);
  return shipment_list (data, error);
}

static gboolean
shipments_expected (gpointer   data,
                    GError   **error)
{
  shipments_reset (data, KEFU_SHIPMENT_SORT_EXPECTED);
  return shipment_list (data, error);
}

static gboolean
shipments_overdue (gpointer   data,
                   GError   **error)
{
  BenchAftersales *bench = data;

  shipments_reset (bench, KEFU_SHIPMENT_SORT_ATTENTION);
  bench->shipments->overdue_only = TRUE;
  return shipment_list (bench, error);
}

static gboolean
shipments_text (gpointer   data,
                GError   **error)
{
  BenchAftersales *bench = data;

  shipments_reset (bench, KEFU_SHIPMENT_SORT_ATTENTION);
  bench->shipments->text = g_strdup (g_ptr_array_index (bench->shipment_words,
                                                        bench->next_word++ %
                                                        bench->shipment_words->len));
  return shipment_list (bench, error);
}

static gboolean
shipments_count (gpointer   data,
                 GError   **error)
{
  BenchAftersales *bench = data;
  gint64 n_open = 0, n_overdue = 0;

  return kefu_store_count_shipments (bench->store, NULL, &n_open, &n_overdue, NULL, error);
}

/* Jobs */

static void
jobs_reset (BenchAftersales *bench,
            KefuJobSort      sort)
{
  g_clear_pointer (&bench->jobs, kefu_job_filter_free);
  bench->jobs = kefu_job_filter_new ();
  bench->job_sort = sort;
}

static gboolean
jobs_open (gpointer   data,
           GError   **error)
{
  BenchAftersales *bench = data;

  jobs_reset (bench, KEFU_JOB_SORT_ATTENTION);
  bench->jobs->open_only = TRUE;
  return job_list (bench, error);
}

static gboolean
jobs_all_attention (gpointer   data,
                    GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_ATTENTION);
  return job_list (data, error);
}

static gboolean
jobs_reported (gpointer   data,
               GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_REPORTED);
  return job_list (data, error);
}

static gboolean
jobs_reference (gpointer   data,
                GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_REFERENCE);
  return job_list (data, error);
}

static gboolean
jobs_customer (gpointer   data,
               GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_CUSTOMER);
  return job_list (data, error);
}

static gboolean
jobs_kind (gpointer   data,
           GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_KIND);
  return job_list (data, error);
}

static gboolean
jobs_step (gpointer   data,
           GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_STEP);
  return job_list (data, error);
}

static gboolean
jobs_technician (gpointer   data,
                 GError   **error)
{
  jobs_reset (data, KEFU_JOB_SORT_TECHNICIAN);
  return job_list (data, error);
}

static gboolean
jobs_awaiting (gpointer   data,
               GError   **error)
{
  BenchAftersales *bench = data;

  jobs_reset (bench, KEFU_JOB_SORT_ATTENTION);
  bench->jobs->awaiting_approval = TRUE;
  return job_list (bench, error);
}

static gboolean
jobs_text (gpointer   data,
           GError   **error)
{
  BenchAftersales *bench = data;

  jobs_reset (bench, KEFU_JOB_SORT_ATTENTION);
  bench->jobs->text = g_strdup (g_ptr_array_index (bench->job_words,
                                                   bench->next_word++ % bench->job_words->len));
  return job_list (bench, error);
}

static gboolean
jobs_count (gpointer   data,
            GError   **error)
{
  BenchAftersales *bench = data;
  gint64 n_open = 0, n_awaiting = 0;

  return kefu_store_count_jobs (bench->store, &n_open, &n_awaiting, NULL, error);
}

static gboolean
calendar (gpointer   data,
          GError   **error)
{
  BenchAftersales *bench = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) visits = NULL;
  GDate from, to;

  /* This week and the next, from Monday. */
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&from, g_date_get_weekday (&from) - G_DATE_MONDAY);
  to = from;
  g_date_add_days (&to, 14);
  visits = kefu_store_list_technician_visits (bench->store, &from, &to, NULL, error);
  return visits != NULL;
}

static const KefuctlBenchOperation operations[] = {
  { N_("Shipments: open, needing attention first"), 300, shipments_open, 0 },
  { N_("Shipments: all, needing attention first"), 300, shipments_all_attention, 0 },
  { N_("Shipments: all by time requested"), 300, shipments_requested, 0 },
  { N_("Shipments: all by reference"), 300, shipments_reference, 0 },
  { N_("Shipments: all by customer"), 300, shipments_customer, 0 },
  { N_("Shipments: all by step"), 300, shipments_step, 0 },
  { N_("Shipments: all by expected arrival"), 300, shipments_expected, 0 },
  { N_("Shipments: overdue only"), 300, shipments_overdue, 0 },
  { N_("Shipments: text search"), 300, shipments_text, 0 },
  { N_("Shipments: sidebar counts"), 50, shipments_count, 0 },
  { N_("Jobs: open, needing attention first"), 300, jobs_open, 0 },
  { N_("Jobs: all, needing attention first"), 300, jobs_all_attention, 0 },
  { N_("Jobs: all by time reported"), 300, jobs_reported, 0 },
  { N_("Jobs: all by reference"), 300, jobs_reference, 0 },
  { N_("Jobs: all by customer"), 300, jobs_customer, 0 },
  { N_("Jobs: all by kind"), 300, jobs_kind, 0 },
  { N_("Jobs: all by step"), 300, jobs_step, 0 },
  { N_("Jobs: all by technician"), 300, jobs_technician, 0 },
  { N_("Jobs: awaiting approval"), 300, jobs_awaiting, 0 },
  { N_("Jobs: text search"), 300, jobs_text, 0 },
  { N_("Jobs: sidebar counts"), 50, jobs_count, 0 },
  { N_("Technicians’ calendar, two weeks"), 200, calendar, 0 },
};

/* Setting up */

/* What a clerk types into a list's search: two characters of a customer's name, a reference,
 * a waybill or serial, from a sample of the records. */
static void
add_word (GPtrArray  *words,
          guint       i,
          const char *name,
          const char *reference,
          const char *number)
{
  switch (i % 3)
    {
    case 0:
      if (name != NULL && g_utf8_strlen (name, -1) >= 2)
        g_ptr_array_add (words, g_utf8_substring (name, 0, 2));
      break;
    case 1:
      if (reference != NULL)
        g_ptr_array_add (words, g_strdup (reference));
      break;
    default:
      if (number != NULL)
        g_ptr_array_add (words, g_strdup (number));
      break;
    }
}

static gboolean
pick_words (BenchAftersales  *bench,
            GError          **error)
{
  g_autoptr(KefuShipmentFilter) shipments = kefu_shipment_filter_new ();
  g_autoptr(KefuJobFilter) jobs = kefu_job_filter_new ();
  g_autoptr(GArray) shipment_ids = NULL, job_ids = NULL;
  g_autoptr(GArray) sample = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;

  shipment_ids = kefu_store_list_shipment_ids (bench->store, shipments,
                                               KEFU_SHIPMENT_SORT_REQUESTED, FALSE, NULL, error);
  if (shipment_ids == NULL)
    return FALSE;
  job_ids = kefu_store_list_job_ids (bench->store, jobs, KEFU_JOB_SORT_REPORTED, FALSE, NULL,
                                     error);
  if (job_ids == NULL)
    return FALSE;

  for (guint i = 0; i < N_WORDS && shipment_ids->len > 0; i++)
    g_array_append_val (sample, g_array_index (shipment_ids, gint64,
                                               kefuctl_random_below (&bench->random,
                                                                     shipment_ids->len)));
  rows = kefu_store_get_shipments (bench->store, (const gint64 *) (gpointer) sample->data,
                                   sample->len, NULL, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      KefuShipment *s = g_ptr_array_index (rows, i);

      add_word (bench->shipment_words, i, s->customer_name, s->reference, s->waybill);
    }

  g_array_set_size (sample, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  for (guint i = 0; i < N_WORDS && job_ids->len > 0; i++)
    g_array_append_val (sample, g_array_index (job_ids, gint64,
                                               kefuctl_random_below (&bench->random,
                                                                     job_ids->len)));
  rows = kefu_store_get_jobs (bench->store, (const gint64 *) (gpointer) sample->data,
                              sample->len, NULL, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      KefuServiceJob *j = g_ptr_array_index (rows, i);

      add_word (bench->job_words, i, j->customer_name, j->reference, j->serial);
    }

  /* A database without one or the other still measures the rest. */
  if (bench->shipment_words->len == 0)
    g_ptr_array_add (bench->shipment_words, g_strdup ("FH-"));
  if (bench->job_words->len == 0)
    g_ptr_array_add (bench->job_words, g_strdup ("SH-"));
  return TRUE;
}

gboolean
kefuctl_bench_aftersales (KefuStore  *store,
                          guint       rounds,
                          GError    **error)
{
  BenchAftersales bench = { .store = store };
  gint64 n_open = 0, n_overdue = 0, n_jobs_open = 0, n_awaiting = 0;
  gboolean ok;

  kefuctl_random_init (&bench.random, BENCH_SEED);
  bench.shipment_words = g_ptr_array_new_with_free_func (g_free);
  bench.job_words = g_ptr_array_new_with_free_func (g_free);

  ok = kefu_store_count_shipments (store, NULL, &n_open, &n_overdue, NULL, error) &&
       kefu_store_count_jobs (store, &n_jobs_open, &n_awaiting, NULL, error) &&
       pick_words (&bench, error);
  if (ok)
    {
      g_autofree char *open = g_strdup_printf ("%" G_GINT64_FORMAT, n_open);
      g_autofree char *overdue = g_strdup_printf ("%" G_GINT64_FORMAT, n_overdue);
      g_autofree char *jobs_open = g_strdup_printf ("%" G_GINT64_FORMAT, n_jobs_open);
      g_autofree char *awaiting = g_strdup_printf ("%" G_GINT64_FORMAT, n_awaiting);

      g_print (_("After-sales benchmark on %s: %s open shipments (%s needing attention), %s open "
                 "service jobs (%s awaiting approval), %u rounds of each operation.\n\n"),
               kefu_store_get_description (store), open, overdue, jobs_open, awaiting, rounds);
      /* The lists are read as the after-sales desk reads them, seeing everything. */
      kefu_store_set_system_actor (store);
      ok = kefuctl_bench_measure (operations, G_N_ELEMENTS (operations), &bench, rounds, error);
    }

  g_clear_pointer (&bench.shipments, kefu_shipment_filter_free);
  g_clear_pointer (&bench.jobs, kefu_job_filter_free);
  g_ptr_array_unref (bench.shipment_words);
  g_ptr_array_unref (bench.job_words);
  return ok;
}
