/* kefuctl-generate-calls-private.h: what the two files of `kefuctl generate --calls` share: the
 * generator's state, the batches the maker thread hands to the storing thread, and the maker.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
} Maker;

#define MAKE_BATCH GINT_TO_POINTER (1)
#define STOP       GINT_TO_POINTER (2)

/* kefuctl-generate-calls-make.c */
void     _kefuctl_calls_conversion_free (Conversion *conversion);
void     _kefuctl_calls_batch_free      (Batch      *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, _kefuctl_calls_batch_free)
/* The maker thread's function: makes every batch of the run, day by day. */
gpointer _kefuctl_calls_make_batches    (gpointer    data);

G_END_DECLS
