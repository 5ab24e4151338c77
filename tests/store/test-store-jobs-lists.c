/* test-store-jobs-lists.c: reading service jobs, on both backends: a serial's warranty at its
 * boundaries (shipped, installed, month ends, unknown), every sort and filter of the list over a
 * small fixed set of jobs, the text search, the head and the counts, the technicians' calendar
 * over a range of days, and the customer's history with shipments and jobs.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "core/kefu-enums.h"
#include "core/kefu-history-entry.h"
#include "store/kefu-store-calls.h"
#include "store/kefu-store-clock.h"
#include "kefu-test-company.h"
#include "test-store-jobs.h"

static KefuWarrantyState
warranty_on (KefuStore  *store,
             const char *serial,
             gint64      line,
             gint64      product,
             int         year,
             int         month,
             int         day,
             GDate      *start)
{
  g_autoptr(GError) error = NULL;
  KefuWarrantyState state;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  state = kefu_store_serial_warranty (store, serial, line, product, &date, start, NULL, &error);
  g_assert_no_error (error);
  return state;
}

/* Walks an installation or on-site repair to On trip (`depart`) or Dispatched, with the
 * technician and the agreed day, at the store clock's times. */
static void
walk_to_visit (KefuStore       *store,
               JobsCo          *jc,
               KefuServiceJob **job,
               gint64           technician,
               int              month,
               int              day,
               guint            travel_days,
               gboolean         depart)
{
  g_autoptr(KefuJobChange) request = tj_change (*job, KEFU_JOB_ACTION_REQUEST_SUPPORT, "上门");
  g_autoptr(KefuJobChange) approve = tj_change (*job, KEFU_JOB_ACTION_APPROVE_SUPPORT, NULL);
  g_autoptr(KefuJobChange) dispatch = tj_change (*job, KEFU_JOB_ACTION_DISPATCH, NULL);

  tj_apply (store, jc->co.clerk, job, request);
  tj_apply (store, jc->co.gm_office, job, approve);
  dispatch->technician_id = technician;
  g_date_set_dmy (&dispatch->agreed_date, (GDateDay) day, (GDateMonth) month, 2026);
  dispatch->travel_days = travel_days;
  tj_apply (store, jc->co.clerk, job, dispatch);
  if (depart)
    {
      g_autoptr(KefuJobChange) leave = tj_change (*job, KEFU_JOB_ACTION_DEPART, NULL);

      tj_apply (store, technician, job, leave);
    }
}

/* Warranty */

static void
test_warranty_boundaries (Fixture       *fixture,
                          gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) before = NULL;
  g_autoptr(KefuServiceJob) after = NULL;
  g_autoptr(KefuServiceJob) install = NULL;
  g_autoptr(KefuJobChange) feedback = NULL;
  gint64 line;
  GDate start;
  JobsCo jc;

  tj_setup (store, &jc);
  line = tj_ship (store, &jc, jc.customer, jc.analyser, "X200-B1", 1, "2025-11-30",
                  "2025-11-25 02:00:00.000Z", NULL);

  /* A year from 30 November 2025: the last day in is 29 November 2026. */
  g_assert_cmpint (warranty_on (store, "X200-B1", 0, 0, 2026, 11, 29, &start), ==,
                   KEFU_WARRANTY_IN);
  tj_assert_day (&start, 2025, 11, 30);
  g_assert_cmpint (warranty_on (store, "X200-B1", 0, 0, 2026, 11, 30, NULL), ==,
                   KEFU_WARRANTY_OUT);
  /* By the shipment line alone, its product's months. */
  g_assert_cmpint (warranty_on (store, NULL, line, 0, 2026, 11, 29, NULL), ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (warranty_on (store, NULL, line, 0, 2026, 11, 30, NULL), ==, KEFU_WARRANTY_OUT);
  /* A serial nobody shipped, and one not shipped yet: unknown. */
  g_assert_cmpint (warranty_on (store, "NOWHERE", 0, jc.analyser, 2026, 11, 29, &start), ==,
                   KEFU_WARRANTY_UNKNOWN);
  g_assert_false (g_date_valid (&start));
  tj_ship (store, &jc, jc.customer, jc.analyser, "X200-B2", 1, NULL,
           "2026-11-25 02:00:00.000Z", NULL);
  g_assert_cmpint (warranty_on (store, "X200-B2", 0, 0, 2026, 11, 29, NULL), ==,
                   KEFU_WARRANTY_UNKNOWN);

  /* 29 February 2024 + 24 months: February 2026 has no 29th, the 28th is the first day out. */
  tj_ship (store, &jc, jc.customer, jc.centrifuge, "LX-LEAP", 1, "2024-02-29",
           "2024-02-20 02:00:00.000Z", NULL);
  g_assert_cmpint (warranty_on (store, "LX-LEAP", 0, 0, 2026, 2, 27, NULL), ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (warranty_on (store, "LX-LEAP", 0, 0, 2026, 2, 28, NULL), ==, KEFU_WARRANTY_OUT);

  /* A job reported on the last day in is under warranty; the next day's is paid. */
  tj_clock (store, 2026, 11, 29, 23, 50);
  before = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, 0, "X200-B1",
                      "漏液");
  g_assert_cmpint (before->warranty, ==, KEFU_WARRANTY_IN);
  tj_clock (store, 2026, 11, 30, 0, 10);
  after = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, 0, "X200-B1", "漏液");
  g_assert_cmpint (after->warranty, ==, KEFU_WARRANTY_OUT);
  tj_assert_day (&after->warranty_start, 2025, 11, 30);

  /* Installed on 10 December 2025: the warranty runs from the installation instead. */
  tj_clock (store, 2025, 12, 8, 9, 0);
  install = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_INSTALLATION, jc.customer, 0, "X200-B1",
                       NULL);
  walk_to_visit (store, &jc, &install, jc.technician, 12, 10, 1, TRUE);
  tj_clock (store, 2025, 12, 10, 16, 0);
  feedback = tj_change (install, KEFU_JOB_ACTION_FILE_FEEDBACK, "安装调试完成");
  feedback->work_done = g_strdup ("安装调试");
  feedback->fixed = TRUE;
  tj_apply (store, jc.technician, &install, feedback);
  g_assert_cmpint (install->step, ==, KEFU_JOB_STEP_COMPLETED);
  g_assert_cmpint (warranty_on (store, "X200-B1", 0, 0, 2026, 12, 9, &start), ==,
                   KEFU_WARRANTY_IN);
  tj_assert_day (&start, 2025, 12, 10);
  g_assert_cmpint (warranty_on (store, "X200-B1", 0, 0, 2026, 12, 10, NULL), ==,
                   KEFU_WARRANTY_OUT);
  kefu_store_set_clock (store, NULL);
}

/* The list */

typedef struct
{
  JobsCo jc;
  gint64 hospital;   /* "A 华康医院", 13700001111 */
  gint64 clinic;     /* "B 仁和诊所" */
  gint64 a, b, c, d; /* the jobs, in report order */
} ListSet;

/* A: 20 Nov, on-site repair at the hospital, in warranty, waiting for the GM (since 21 Nov);
 * B: 22 Nov, installation at the clinic, warranty unknown, dispatched to 王工 for 25 Nov;
 * C: 24 Nov, return at the hospital, out of warranty, cancelled;
 * D: 25 Nov, replacement at the clinic, warranty unknown, reported. */
static void
list_set (KefuStore *store,
          ListSet   *s)
{
  g_autoptr(KefuServiceJob) a = NULL;
  g_autoptr(KefuServiceJob) b = NULL;
  g_autoptr(KefuServiceJob) c = NULL;
  g_autoptr(KefuServiceJob) d = NULL;
  g_autoptr(KefuJobChange) change = NULL;

  tj_setup (store, &s->jc);
  s->hospital = tj_customer (store, "A 华康医院", "13700001111");
  s->clinic = tj_customer (store, "B 仁和诊所", "13700002222");
  tj_ship (store, &s->jc, s->hospital, s->jc.analyser, "X200-S1", 2, "2026-11-01",
           "2026-10-30 02:00:00.000Z", NULL);
  tj_ship (store, &s->jc, s->hospital, s->jc.analyser, "X200-OLD1", 1, "2023-05-01",
           "2023-04-28 02:00:00.000Z", NULL);

  tj_clock (store, 2026, 11, 20, 10, 0);
  a = tj_create (store, s->jc.co.clerk, KEFU_JOB_KIND_ONSITE_REPAIR, s->hospital, 0, "X200-S1",
                 "试剂漏液");
  tj_clock (store, 2026, 11, 21, 10, 0);
  change = tj_change (a, KEFU_JOB_ACTION_REQUEST_SUPPORT, "上门检修");
  tj_apply (store, s->jc.sales_rep, &a, change);

  tj_clock (store, 2026, 11, 22, 10, 0);
  b = tj_create (store, s->jc.co.clerk, KEFU_JOB_KIND_INSTALLATION, s->clinic, s->jc.analyser,
                 "X200-NEW", NULL);
  tj_clock (store, 2026, 11, 23, 10, 0);
  walk_to_visit (store, &s->jc, &b, s->jc.technician2, 11, 25, 2, FALSE);

  tj_clock (store, 2026, 11, 24, 10, 0);
  c = tj_create (store, s->jc.co.clerk, KEFU_JOB_KIND_RETURN, s->hospital, 0, "X200-OLD1", NULL);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (c, KEFU_JOB_ACTION_CANCEL, "客户撤回");
  tj_apply (store, s->jc.co.cs_manager, &c, change);

  tj_clock (store, 2026, 11, 25, 10, 0);
  d = tj_create (store, s->jc.co.clerk, KEFU_JOB_KIND_REPLACEMENT, s->clinic, s->jc.analyser,
                 "UNKNOWN-D", NULL);
  kefu_store_set_clock (store, NULL);

  g_assert_cmpint (a->warranty, ==, KEFU_WARRANTY_IN);
  g_assert_cmpint (b->warranty, ==, KEFU_WARRANTY_UNKNOWN);
  g_assert_cmpint (c->warranty, ==, KEFU_WARRANTY_OUT);
  g_assert_cmpint (d->warranty, ==, KEFU_WARRANTY_UNKNOWN);
  s->a = a->id;
  s->b = b->id;
  s->c = c->id;
  s->d = d->id;
}

/* Asserts the ids of `filter` under `sort` are exactly the 0-terminated list. */
static void
assert_ids (KefuStore           *store,
            const KefuJobFilter *filter,
            KefuJobSort          sort,
            gboolean             descending,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kefu_store_list_job_ids (store, filter, sort, descending, NULL, &error);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  g_assert_no_error (error);
  va_start (args, descending);
  for (gint64 id = va_arg (args, gint64); id != 0; id = va_arg (args, gint64))
    g_array_append_val (expected, id);
  va_end (args);
  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (expected, gint64, i));
}

#define END ((gint64) 0)

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  ListSet s;

  list_set (store, &s);
  assert_ids (store, NULL, KEFU_JOB_SORT_REPORTED, FALSE, s.a, s.b, s.c, s.d, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_REPORTED, TRUE, s.d, s.c, s.b, s.a, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_REFERENCE, FALSE, s.a, s.b, s.c, s.d, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_REFERENCE, TRUE, s.d, s.c, s.b, s.a, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_CUSTOMER, FALSE, s.a, s.c, s.b, s.d, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_CUSTOMER, TRUE, s.d, s.b, s.c, s.a, END);
  /* In the kinds' order: installation, on-site repair, replacement, return. */
  assert_ids (store, NULL, KEFU_JOB_SORT_KIND, FALSE, s.b, s.a, s.d, s.c, END);
  /* In the steps' order: reported, support requested, dispatched, cancelled. */
  assert_ids (store, NULL, KEFU_JOB_SORT_STEP, FALSE, s.d, s.a, s.b, s.c, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_STEP, TRUE, s.c, s.b, s.a, s.d, END);
  /* Jobs without a technician last, either way. */
  assert_ids (store, NULL, KEFU_JOB_SORT_TECHNICIAN, FALSE, s.b, s.a, s.c, s.d, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_TECHNICIAN, TRUE, s.b, s.d, s.c, s.a, END);
  /* Waiting since 21 Nov, the visit on 25 Nov (its day), reported on 25 Nov 10:00; the
   * cancelled job last, either way. */
  assert_ids (store, NULL, KEFU_JOB_SORT_ATTENTION, FALSE, s.a, s.b, s.d, s.c, END);
  assert_ids (store, NULL, KEFU_JOB_SORT_ATTENTION, TRUE, s.d, s.b, s.a, s.c, END);

  /* A text search reads its matches in one statement with the whole order in its ORDER BY: the
   * same order as the list's parts, in every sort and direction ("sh-" is in every reference). */
  {
    g_autoptr(KefuJobFilter) every = kefu_job_filter_new ();

    every->text = g_strdup ("SH-");
    for (KefuJobSort sort = KEFU_JOB_SORT_ATTENTION; sort <= KEFU_JOB_SORT_TECHNICIAN; sort++)
      for (guint descending = 0; descending < 2; descending++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) listed = NULL;
          g_autoptr(GArray) found = NULL;

          listed = kefu_store_list_job_ids (store, NULL, sort, descending, NULL, &error);
          g_assert_no_error (error);
          found = kefu_store_list_job_ids (store, every, sort, descending, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (listed->len, ==, 4);
          g_assert_cmpmem (found->data, found->len * sizeof (gint64),
                           listed->data, listed->len * sizeof (gint64));
        }
  }

  /* By the technician's name, with two technicians of one name: their jobs in one run by id. E
   * goes to another 王工, F to 梁工 (before 王工). */
  {
    gint64 wang = kefu_test_make_staff (store, "王工", "wang-b", KEFU_ROLE_TECHNICIAN, 0, TRUE);
    g_autoptr(KefuServiceJob) e = NULL;
    g_autoptr(KefuServiceJob) f = NULL;

    tj_clock (store, 2026, 11, 26, 10, 0);
    e = tj_create (store, s.jc.co.clerk, KEFU_JOB_KIND_INSTALLATION, s.clinic, s.jc.analyser,
                   "X200-E", NULL);
    walk_to_visit (store, &s.jc, &e, wang, 11, 27, 1, FALSE);
    f = tj_create (store, s.jc.co.clerk, KEFU_JOB_KIND_INSTALLATION, s.clinic, s.jc.analyser,
                   "X200-F", NULL);
    walk_to_visit (store, &s.jc, &f, s.jc.technician, 11, 27, 1, FALSE);
    kefu_store_set_clock (store, NULL);
    assert_ids (store, NULL, KEFU_JOB_SORT_TECHNICIAN, FALSE, f->id, s.b, e->id, s.a, s.c, s.d,
                END);
    assert_ids (store, NULL, KEFU_JOB_SORT_TECHNICIAN, TRUE, e->id, s.b, f->id, s.d, s.c, s.a,
                END);

    /* Open only, the kind and technician sorts read the open jobs in one sorted statement: the
     * same order as the whole list's without the cancelled job, and the same head. */
    {
      g_autoptr(KefuJobFilter) open = kefu_job_filter_new ();
      const KefuJobSort sorts[] = { KEFU_JOB_SORT_KIND, KEFU_JOB_SORT_TECHNICIAN };

      open->open_only = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
        for (guint descending = 0; descending < 2; descending++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GArray) listed = NULL;
            g_autoptr(GArray) found = NULL;
            g_autoptr(GArray) head = NULL;
            g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
            gint64 n_total = 0;

            listed = kefu_store_list_job_ids (store, NULL, sorts[i], descending, NULL, &error);
            g_assert_no_error (error);
            for (guint k = 0; k < listed->len; k++)
              if (g_array_index (listed, gint64, k) != s.c)
                g_array_append_val (expected, g_array_index (listed, gint64, k));
            found = kefu_store_list_job_ids (store, open, sorts[i], descending, NULL, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (found->len, ==, 5);
            g_assert_cmpmem (found->data, found->len * sizeof (gint64),
                             expected->data, expected->len * sizeof (gint64));
            head = kefu_store_list_job_ids_head (store, open, sorts[i], descending, 2, &n_total,
                                                 NULL, &error);
            g_assert_no_error (error);
            g_assert_cmpint (n_total, ==, 5);
            g_assert_cmpmem (head->data, head->len * sizeof (gint64),
                             expected->data, 2 * sizeof (gint64));
          }
    }
  }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuJobFilter) filter = NULL;
  g_autoptr(KefuJobFilter) copy = NULL;
  g_autoptr(GArray) head = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_total = 0, n_open = 0, n_awaiting = 0;
  ListSet s;

  list_set (store, &s);
  filter = kefu_job_filter_new ();
  filter->open_only = TRUE;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.a, s.b, s.d, END);
  filter->open_only = FALSE;

  filter->kind = KEFU_JOB_KIND_INSTALLATION;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.b, END);
  filter->kind = -1;
  filter->step = KEFU_JOB_STEP_CANCELLED;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.c, END);
  filter->step = -1;
  filter->warranty = KEFU_WARRANTY_UNKNOWN;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.b, s.d, END);
  filter->warranty = KEFU_WARRANTY_OUT;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.c, END);
  filter->warranty = -1;
  filter->customer_id = s.hospital;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.a, s.c, END);
  filter->customer_id = 0;
  filter->technician_id = s.jc.technician2;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.b, END);
  filter->technician_id = 0;
  filter->awaiting_approval = TRUE;
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.a, END);
  filter->awaiting_approval = FALSE;
  /* [22 Nov, 25 Nov) local. */
  filter->reported_from = test_local_time (2026, 11, 22, 0, 0);
  filter->reported_to = test_local_time (2026, 11, 25, 0, 0);
  copy = kefu_job_filter_copy (filter);
  assert_ids (store, copy, KEFU_JOB_SORT_REPORTED, FALSE, s.b, s.c, END);
  g_clear_pointer (&filter->reported_from, g_date_time_unref);
  g_clear_pointer (&filter->reported_to, g_date_time_unref);

  /* The head, and the count of the whole list. */
  head = kefu_store_list_job_ids_head (store, NULL, KEFU_JOB_SORT_REPORTED, TRUE, 2, &n_total,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 2);
  g_assert_cmpint (g_array_index (head, gint64, 0), ==, s.d);
  g_assert_cmpint (g_array_index (head, gint64, 1), ==, s.c);
  g_assert_cmpint (n_total, ==, 4);
  /* The sorts read in parts stop at the head too, and count the whole list. */
  g_clear_pointer (&head, g_array_unref);
  head = kefu_store_list_job_ids_head (store, NULL, KEFU_JOB_SORT_STEP, FALSE, 3, &n_total,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 3);
  g_assert_cmpint (g_array_index (head, gint64, 0), ==, s.d);
  g_assert_cmpint (g_array_index (head, gint64, 1), ==, s.a);
  g_assert_cmpint (g_array_index (head, gint64, 2), ==, s.b);
  g_assert_cmpint (n_total, ==, 4);
  g_clear_pointer (&head, g_array_unref);
  filter->open_only = TRUE;
  head = kefu_store_list_job_ids_head (store, filter, KEFU_JOB_SORT_ATTENTION, FALSE, 2,
                                       &n_total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 2);
  g_assert_cmpint (g_array_index (head, gint64, 0), ==, s.a);
  g_assert_cmpint (g_array_index (head, gint64, 1), ==, s.b);
  g_assert_cmpint (n_total, ==, 3);
  filter->open_only = FALSE;

  g_assert_true (kefu_store_count_jobs (store, &n_open, &n_awaiting, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_open, ==, 3);
  g_assert_cmpint (n_awaiting, ==, 1);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuJobFilter) filter = kefu_job_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];
  ListSet s;

  list_set (store, &s);
  filter->text = g_strdup ("sh-20261122");
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.b, END);
  g_free (filter->text);
  filter->text = g_strdup (" 华康 ");
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.a, s.c, END);
  g_free (filter->text);
  filter->text = g_strdup ("0000222");
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.b, s.d, END);
  /* A search's head is its whole list, which is its own count. */
  {
    g_autoptr(GArray) head = NULL;
    gint64 n_total = 0;

    head = kefu_store_list_job_ids_head (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, 1,
                                         &n_total, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (head->len, ==, 2);
    g_assert_cmpint (n_total, ==, 2);
  }
  g_free (filter->text);
  filter->text = g_strdup ("x200-s1");
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.a, END);
  g_free (filter->text);
  filter->text = g_strdup ("漏液");
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, s.a, END);
  /* Pattern characters are themselves. */
  g_free (filter->text);
  filter->text = g_strdup ("X200_%");
  assert_ids (store, filter, KEFU_JOB_SORT_REPORTED, FALSE, END);

  /* The rows of ids, in their order. */
  ids[0] = s.d;
  ids[1] = s.a;
  rows = kefu_store_get_jobs (store, ids, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((KefuServiceJob *) g_ptr_array_index (rows, 0))->id, ==, s.d);
  g_assert_cmpint (((KefuServiceJob *) g_ptr_array_index (rows, 1))->id, ==, s.a);
  g_assert_null (((KefuServiceJob *) g_ptr_array_index (rows, 1))->progress);
  g_assert_cmpstr (((KefuServiceJob *) g_ptr_array_index (rows, 1))->support_requested_by_name,
                   ==, "李明");
}

/* The technicians' calendar */

static void
assert_visits (KefuStore *store,
               int        from_day,
               int        to_day,
               ...)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  va_list args;
  guint n = 0;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, (GDateDay) from_day, 11, 2026);
  g_date_set_dmy (&to, 1, 11, 2026);
  g_date_add_days (&to, (guint) to_day - 1);
  visits = kefu_store_list_technician_visits (store, &from, &to, NULL, &error);
  g_assert_no_error (error);
  va_start (args, to_day);
  for (gint64 id = va_arg (args, gint64); id != 0; id = va_arg (args, gint64), n++)
    {
      g_assert_cmpuint (n, <, visits->len);
      g_assert_cmpint (((KefuServiceJob *) g_ptr_array_index (visits, n))->id, ==, id);
    }
  va_end (args);
  g_assert_cmpuint (visits->len, ==, n);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) e = NULL;
  g_autoptr(KefuServiceJob) f = NULL;
  ListSet s;

  list_set (store, &s);
  /* E: 梁工 leaves on 27 Nov for three days (27, 28, 29 Nov); B is 王工's on 25 and 26 Nov. */
  tj_ship (store, &s.jc, s.clinic, s.jc.centrifuge, "LX-E", 1, "2026-10-01",
           "2026-09-28 02:00:00.000Z", NULL);
  tj_clock (store, 2026, 11, 26, 9, 0);
  e = tj_create (store, s.jc.co.clerk, KEFU_JOB_KIND_ONSITE_REPAIR, s.clinic, 0, "LX-E", "噪音");
  walk_to_visit (store, &s.jc, &e, s.jc.technician, 11, 28, 3, FALSE);
  tj_clock (store, 2026, 11, 27, 8, 0);
  {
    g_autoptr(KefuJobChange) leave = tj_change (e, KEFU_JOB_ACTION_DEPART, NULL);

    tj_apply (store, s.jc.technician, &e, leave);
  }
  /* F: 王工 left on 10 Nov for ten days (10 … 19 Nov), a long trip found by its departure. */
  tj_ship (store, &s.jc, s.clinic, s.jc.centrifuge, "LX-F", 1, "2026-10-01",
           "2026-09-28 02:00:00.000Z", NULL);
  tj_clock (store, 2026, 11, 5, 9, 0);
  f = tj_create (store, s.jc.co.clerk, KEFU_JOB_KIND_ONSITE_REPAIR, s.clinic, 0, "LX-F", "异响");
  walk_to_visit (store, &s.jc, &f, s.jc.technician2, 11, 9, 10, FALSE);
  tj_clock (store, 2026, 11, 10, 7, 30);
  {
    g_autoptr(KefuJobChange) leave = tj_change (f, KEFU_JOB_ACTION_DEPART, NULL);

    tj_apply (store, s.jc.technician2, &f, leave);
  }
  kefu_store_set_clock (store, NULL);

  /* [from, to) in days of November; by technician name (梁工 before 王工), then day. */
  assert_visits (store, 8, 10, END);
  assert_visits (store, 18, 19, f->id, END);
  assert_visits (store, 19, 26, f->id, s.b, END);
  assert_visits (store, 20, 21, END);
  assert_visits (store, 20, 25, END);
  assert_visits (store, 20, 26, s.b, END);
  assert_visits (store, 26, 27, s.b, END);
  assert_visits (store, 26, 28, e->id, s.b, END);
  assert_visits (store, 27, 28, e->id, END);
  assert_visits (store, 29, 30, e->id, END);
  assert_visits (store, 30, 31, END);
}

/* The customer's history */

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 shipment = 0;
  ListSet s;

  list_set (store, &s);
  /* The hospital's entries: C (24 Nov), A (20 Nov), the X200-S1 shipment (30 Oct) and the one
   * of 2023; the limit keeps the newest three. */
  history = kefu_store_list_customer_history (store, s.hospital, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  {
    g_autoptr(KefuHistoryEntry) c = g_list_model_get_item (history, 0);
    g_autoptr(KefuHistoryEntry) a = g_list_model_get_item (history, 1);
    g_autoptr(KefuHistoryEntry) ship = g_list_model_get_item (history, 2);

    g_assert_cmpint (kefu_history_entry_get_kind (c), ==, KEFU_HISTORY_KIND_SERVICE_JOB);
    g_assert_cmpstr (kefu_history_entry_get_entity (c), ==, "service-job");
    g_assert_cmpint (kefu_history_entry_get_entity_id (c), ==, s.c);
    g_assert_true (g_str_has_prefix (kefu_history_entry_get_reference (c), "SH-20261124-"));
    g_assert_cmpstr (kefu_history_entry_get_summary (c), ==,
                     kefu_job_kind_get_display_name (KEFU_JOB_KIND_RETURN));
    g_assert_cmpstr (kefu_history_entry_get_status (c), ==, "cancelled");
    g_assert_cmpstr (kefu_history_entry_get_staff_name (c), ==, "clerk");

    g_assert_cmpint (kefu_history_entry_get_entity_id (a), ==, s.a);
    summary = g_strdup_printf ("%s: 试剂漏液",
                               kefu_job_kind_get_display_name (KEFU_JOB_KIND_ONSITE_REPAIR));
    g_assert_cmpstr (kefu_history_entry_get_summary (a), ==, summary);
    g_assert_cmpstr (kefu_history_entry_get_status (a), ==, "support-requested");

    g_assert_cmpint (kefu_history_entry_get_kind (ship), ==, KEFU_HISTORY_KIND_SHIPMENT);
    g_assert_cmpstr (kefu_history_entry_get_entity (ship), ==, "shipment");
    g_assert_cmpstr (kefu_history_entry_get_summary (ship), ==, "分析仪 X200 ×2");
    g_assert_cmpstr (kefu_history_entry_get_status (ship), ==, "shipped");
    g_assert_true (g_str_has_prefix (kefu_history_entry_get_reference (ship), "FH-"));
  }

  /* A shipment newer than everything comes first; the clinic's entries stay the clinic's. */
  tj_ship (store, &s.jc, s.hospital, s.jc.centrifuge, NULL, 1, NULL, "2026-11-26 02:00:00.000Z",
           &shipment);
  g_clear_object (&history);
  history = kefu_store_list_customer_history (store, s.hospital, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);
  {
    g_autoptr(KefuHistoryEntry) first = g_list_model_get_item (history, 0);

    g_assert_cmpint (kefu_history_entry_get_entity_id (first), ==, shipment);
    g_assert_cmpstr (kefu_history_entry_get_status (first), ==, "requested");
  }
  g_clear_object (&history);
  history = kefu_store_list_customer_history (store, s.clinic, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);

  /* The customer's page lists their jobs, newest report first. */
  jobs = kefu_store_list_customer_jobs (store, s.clinic, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 2);
  g_assert_cmpint (((KefuServiceJob *) g_ptr_array_index (jobs, 0))->id, ==, s.d);
  g_assert_cmpint (((KefuServiceJob *) g_ptr_array_index (jobs, 1))->id, ==, s.b);
  g_assert_cmpstr (((KefuServiceJob *) g_ptr_array_index (jobs, 1))->technician_name, ==, "王工");
}

void
test_store_add_job_list_tests (void)
{
  TEST_ADD ("jobs/warranty-boundaries", test_warranty_boundaries);
  TEST_ADD ("jobs/sorts", test_sorts);
  TEST_ADD ("jobs/filters", test_filters);
  TEST_ADD ("jobs/search", test_search);
  TEST_ADD ("jobs/calendar", test_calendar);
  TEST_ADD ("jobs/history", test_history);
}
