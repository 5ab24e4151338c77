/* kefuctl-generate-calls-private.h: what the two files of `kefuctl generate --calls` share: the
 * generator's state, the batches the maker thread hands to the storing thread, and the maker.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-complaint-flow.h"
#include "store/kefu-store-calls-bulk.h"
#include "kefuctl-calls.h"
#include "kefuctl-random.h"

G_BEGIN_DECLS

/* Calls handed to the store per transaction: a batch's records take about 150 MB (measured:
 * 1.1 GB at most for a run of 3,000,000 calls of 1,000,000 customers, with the store's bulk
 * cache and the customers' contacts), and each commit rewrites the random index pages of
 * calls_customer_id once per batch rather than once per few calls. */
#define BATCH_SIZE 100000

typedef struct
{
  gint64   id;
  gboolean active;
} Clerk;

typedef struct
{
  KefuStore            *store;
  guint64               seed;
  guint64               count;
  GDate                 first_day;
  GDate                 last_day;
  GDate                 today;
  guint                 n_days;
  guint64              *per_day;       /* calls per day */
  GDateTime            *now;
  GTimeZone            *tz;
  GArray               *clerks;        /* Clerk: everyone who took calls */
  GArray               *active_clerks; /* gint64 */
  GHashTable           *active_ids;    /* the active clerks' ids */
  GArray               *team_leads;    /* gint64, active */
  GArray               *receivers[4];  /* gint64 per channel: active staff of its receiving role */
  KefuctlCatalog        catalog;
  KefuCustomerContacts *contacts;
  guint                 n_regular;     /* the first this many customers (permuted) call most */
  guint                 perm_bits;
  guint64               perm_key;
  guint                 cutoff;
  GStrv                 areas;
  /* What happened to the complaints (kefuctl-generate-complaints.c). --complaints makes only
   * complaint calls, of which `open_share` are still open, the younger the likelier (linearly
   * less likely up to `open_window_hours` of age). */
  gboolean              complaints_only;
  double                open_share;
  double                open_window_hours;
  KefuComplaintDeadlineRules rules;
  KefuWorkCalendar     *calendar;
  guint                 batch_window_days;
  guint                 batch_threshold;
  gint64                qc_manager;    /* who acknowledges batch alerts; 0: none */
  guint64               n_open;        /* counted by the maker */
  guint64               n_overdue;
  guint64               n_alerts;
} Generator;

/* A lead to be converted by an order of the same customer on a later day. */
typedef struct
{
  GDate      day;
  guint      customer;
  gint64     clerk;
  KefuCall  *inquiry;
  guint      batch;
  guint      index;
} Conversion;

/* What the maker thread hands to the store: the calls of a batch, what became of their leads,
 * and the orders that convert leads of earlier batches (whose ids are known only once those
 * were stored). */
typedef struct
{
  guint      number;
  GPtrArray *calls;         /* KefuCall */
  GArray    *leads;         /* KefuCallBulkLead */
  GPtrArray *times;         /* GDateTime the leads point to */
  GPtrArray *resolve;       /* pairs: order call, inquiry call */
  GArray    *progress;      /* KefuCallBulkComplaint */
  GArray    *alerts;        /* KefuCallBulkBatchAlert */
  GPtrArray *owned;         /* GDateTime the two point to */
  guint      n_kind[3];
  /* Checked and worked out by the maker (kefu_calls_bulk_prepare()), so that the store's thread
   * only inserts; or why it could not be. */
  KefuCallsBulk *prepared;
  GError        *error;
} Batch;

/* The state of the maker thread. */
typedef struct
{
  Generator     *generator;
  KefuctlRandom  random;
  GAsyncQueue   *wanted;
  GAsyncQueue   *ready;
  /* Batches stored, freed here: freeing a hundred thousand calls' records took a second on the
   * storing thread, which is the one that decides how long a run takes. */
  GAsyncQueue   *spent;
  Batch         *batch;
  guint          n_batches;
  GPtrArray     *conversions;   /* Conversion, oldest first */
  GString       *text;
  /* What happened to complaints after the call is drawn from a stream of its own, so that the
   * calls themselves stay those of the seed. */
  KefuctlRandom  progress;
  GHashTable    *clusters;      /* "product/batch key" → Cluster (kefuctl-generate-complaints.c) */
  gint64         incident_product;
  char           incident_batch[24];
  GDate          incident_until;
} Maker;

#define MAKE_BATCH GINT_TO_POINTER (1)
#define STOP       GINT_TO_POINTER (2)

/* kefuctl-generate-calls-make.c */
void     _kefuctl_calls_conversion_free (Conversion *conversion);
void     _kefuctl_calls_batch_free      (Batch      *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, _kefuctl_calls_batch_free)
/* The maker thread's function: makes every batch of the run, day by day. */
gpointer _kefuctl_calls_make_batches    (gpointer    data);

/* kefuctl-generate-complaints.c */
/* Reads the deadline rules, work calendar and batch settings, and works out the open window. */
gboolean _kefuctl_complaints_setup      (Generator   *generator,
                                         GError     **error);
void     _kefuctl_complaints_clear      (Generator   *generator);
void     _kefuctl_complaints_maker_init (Maker       *maker);
void     _kefuctl_complaints_maker_clear (Maker      *maker);
/* --complaints: the shape of the next complaint (misunderstanding, harmed, product, service). */
KefuctlComplaintShape _kefuctl_complaints_shape (Maker *maker);
/* After the complaint of `call` (the next of the batch) was made: --complaints gives product
 * complaints batch numbers that cluster and flags the clusters; both modes record what happened
 * to a well-founded complaint since (`stage`: the stage --calls chose, or NEW to decide here). */
void     _kefuctl_complaints_after_call (Maker              *maker,
                                         KefuCall           *call,
                                         GDateTime          *received,
                                         const GDate        *day,
                                         KefuComplaintStage  stage);

G_END_DECLS
