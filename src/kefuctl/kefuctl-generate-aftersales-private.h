/* kefuctl-generate-aftersales-private.h: what the files of generated after-sales records share:
 * kefuctl-generate-aftersales.c sets up (people, products, carriers, days) and stores the
 * batches, kefuctl-generate-shipments.c tells one shipment's way and kefuctl-generate-jobs.c
 * one service job's.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-carrier.h"
#include "core/kefu-product.h"
#include "core/kefu-service-job.h"
#include "core/kefu-shipment.h"
#include "core/kefu-work-calendar.h"
#include "store/kefu-store-calls-bulk.h"
#include "kefuctl-generate-aftersales.h"
#include "kefuctl-random.h"

G_BEGIN_DECLS

/* Draws per record: always this many, whichever a record uses, so that one record's story never
 * shifts the next one's. */
#define KEFUCTL_AFTERSALES_DRAWS 24

/* The object data key under which a made shipment keeps the index of its customer's contact
 * (GUINT_TO_POINTER), for the jobs about what it delivered. */
#define KEFUCTL_AFTERSALES_CONTACT "kefuctl-contact"

/* A product line delivered by a shipment of this run, for the jobs about it. */
typedef struct
{
  gint64   shipment_id;
  gint64   line_id;
  guint    contact;       /* index in the contacts */
  guint    product;       /* index in the products */
  char    *serial;
  gint64   received;      /* unix seconds the customer confirmed receipt */
  GDate    ship_date;
} KefuctlShippedLine;

/* The people who work after-sales, by what they do (gint64 ids; the system actor stands in for
 * a role nobody holds). */
typedef struct
{
  GArray *sales_reps;
  GArray *desk;          /* after-sales desk: clerks and team leads */
  GArray *finance;
  GArray *logistics;
  GArray *warehouse;
  GArray *technicians;
  GArray *gm_office;
  GArray *managers;      /* team leads, CS manager: who cancels */
} KefuctlAftersalesStaff;

struct _KefuctlAftersales
{
  KefuStore              *store;
  guint64                 seed;
  GDate                   first_day;
  guint                   n_days;
  GTimeZone              *tz;
  GDateTime              *now;
  gboolean                ready;
  guint                   receipt_days;
  guint                   callback_days;
  KefuWorkCalendar       *calendar;
  GArray                 *quiet;
  KefuCustomerContacts   *contacts;
  GPtrArray              *products;     /* KefuProduct, active */
  GPtrArray              *carriers;     /* KefuCarrier, active */
  KefuctlAftersalesStaff  staff;
  GArray                 *shipped;      /* KefuctlShippedLine, by receipt time */
  guint64                 n_lines;      /* serials given so far */
  /* What the last run made, for its summary. */
  guint64                 n_open;
  guint64                 n_overdue;
  guint64                 n_exceptions;
};

/* A person of `people` (draw `draw`), or the system actor when there is none. */
gint64      _kefuctl_aftersales_pick     (KefuctlAftersales *self,
                                          GArray            *people,
                                          guint32            draw);
/* The request time of record `index` of `count`, spread over the days with the working week's
 * rhythm, inside working hours, in order. */
GDateTime  *_kefuctl_aftersales_day_time (KefuctlAftersales *self,
                                          guint64            index,
                                          guint64            count);
/* `time` plus between `min` and `max` minutes (draw `draw`); NULL stays NULL. */
GDateTime  *_kefuctl_aftersales_later    (GDateTime         *time,
                                          guint              min,
                                          guint              max,
                                          guint32            draw);
/* The local day of `time`. */
void        _kefuctl_aftersales_day      (KefuctlAftersales *self,
                                          GDateTime         *time,
                                          GDate             *day);
/* A waybill of `kind`'s form, unique per `number`. */
char       *_kefuctl_aftersales_waybill  (KefuCarrierKind    kind,
                                          guint64            number);
/* TRUE when `time` is set and not after the generator's now. */
gboolean    _kefuctl_aftersales_happened (KefuctlAftersales *self,
                                          GDateTime         *time);

/* One shipment (kefuctl-generate-shipments.c): index `index` of `count`, its lines' serials
 * numbered from self->n_lines on. */
KefuShipment   *_kefuctl_make_shipment   (KefuctlAftersales *self,
                                          KefuctlRandom     *random,
                                          guint64            index,
                                          guint64            count);
/* One service job (kefuctl-generate-jobs.c). */
KefuServiceJob *_kefuctl_make_job        (KefuctlAftersales *self,
                                          KefuctlRandom     *random,
                                          guint64            index,
                                          guint64            count);

G_END_DECLS
