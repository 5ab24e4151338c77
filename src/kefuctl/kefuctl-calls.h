/* kefuctl-calls.h: the content of sample hotline calls, shared by `kefuctl generate --calls`
 * and `kefuctl demo`: what a dairy's customers order, complain about and ask, in the words a
 * clerk writes down.
 *
 * The makers fill a call's detail record from a KefuctlRandom, so the same stream always gives
 * the same calls. What decides the shape of a call (its kind, whether a complaint is well founded
 * or the customer was harmed, whether an inquiry is a potential order) is the caller's choice;
 * the makers choose only the words and numbers.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"
#include "kefuctl-random.h"

G_BEGIN_DECLS

/* The products calls can name: the active products of the database, each with a weight that
 * makes everyday milk and yoghurt common and equipment rare. */
typedef struct
{
  GPtrArray *products;     /* KefuProduct */
  guint     *weights;      /* per product, for orders */
  guint      total;
  guint     *food;         /* indexes of the products a quality complaint can be about */
  guint      n_food;
} KefuctlCatalog;

/* FALSE with an error when the database has no active product. */
gboolean     kefuctl_catalog_load            (KefuctlCatalog  *catalog,
                                              KefuStore       *store,
                                              GError         **error);
void         kefuctl_catalog_clear           (KefuctlCatalog  *catalog);

/* An order of 1–3 lines (mostly one) for `channel` (not UNSPECIFIED), delivered to
 * `address` in `district`, with a note now and then. */
void         kefuctl_calls_make_order        (KefuctlRandom   *random,
                                              KefuctlCatalog  *catalog,
                                              KefuCall        *call,
                                              KefuChannel      channel,
                                              const char      *address,
                                              const char      *district);

typedef enum
{
  KEFUCTL_COMPLAINT_PRODUCT,         /* product quality */
  KEFUCTL_COMPLAINT_SERVICE,         /* service quality */
  KEFUCTL_COMPLAINT_HARMED,          /* product quality, and the customer was harmed */
  KEFUCTL_COMPLAINT_NOT_FOUNDED,     /* a misunderstanding, explained to the customer */
} KefuctlComplaintShape;

/* A complaint of that shape, received on `day` (local), by a customer in `district`. */
void         kefuctl_calls_make_complaint    (KefuctlRandom          *random,
                                              KefuctlCatalog         *catalog,
                                              KefuCall               *call,
                                              KefuctlComplaintShape   shape,
                                              const GDate            *day,
                                              const char             *district);

/* An inquiry about 1–3 topics with the clerk's answers; `potential` adds the caller's wish to
 * order to the answer and marks the potential order. */
void         kefuctl_calls_make_inquiry      (KefuctlRandom   *random,
                                              KefuCall        *call,
                                              gboolean         potential);

/* Why a lead was dropped, what the sales admin told an out-of-area customer (static text). */
const char  *kefuctl_calls_drop_note         (KefuctlRandom   *random);
const char  *kefuctl_calls_area_note         (KefuctlRandom   *random);
/* Appends an address outside the usual service area (怀柔, 密云, 燕郊 …) and returns its
 * district, a static string. */
const char  *kefuctl_calls_far_address       (KefuctlRandom   *random,
                                              GString         *out);
/* The districts a Beijing dairy delivers to: every district kefuctl's customers live in. */
extern const char kefuctl_calls_service_areas[];

G_END_DECLS
