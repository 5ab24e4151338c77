/* kefuctl-demo-calls-private.h: what the demo's calls share between making their plan
 * (kefuctl-demo-calls-plan.c) and saving it (kefuctl-demo-calls.c): the kinds of planned call,
 * a planned call, and the state of a run.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefuctl-calls.h"
#include "kefuctl-demo-calls.h"
#include "kefuctl-random.h"

G_BEGIN_DECLS

/* The demo's customers (kefuctl-demo.c makes this many, numbered in the demo's phone region). */
#define DEMO_CUSTOMERS   300
#define TODAY_CALLS      40
#define EARLIER_DAYS     6
#define HISTORY_DAYS_MAX 150

/* What a planned call is. */
typedef enum
{
  PLAN_ORDER,
  PLAN_ORDER_FAR,         /* delivered outside the service area */
  PLAN_ORDER_CONVERTING,  /* converts the lead of the inquiry `link` */
  PLAN_PRODUCT,
  PLAN_SERVICE,
  PLAN_HARMED,
  PLAN_NOT_FOUNDED,
  PLAN_INQUIRY,
  PLAN_INQUIRY_LEAD,      /* a potential order; its lead stays open */
  PLAN_INQUIRY_DROPPED,   /* a potential order whose lead the team lead drops */
  PLAN_PRODUCT_BATCH,     /* one of three complaints about one bad batch within a week */
  PLAN_UNROUTED,          /* a complaint that reached no department yet (the board's New) */
} PlanKind;

typedef struct
{
  guint     tag;       /* stays with the call when the plan is sorted */
  guint     days_ago;
  guint     minute;    /* local minute of the day */
  guint     customer;  /* index of the demo customer */
  PlanKind  kind;
  gint      link;      /* PLAN_ORDER_CONVERTING: the tag of the inquiry; else -1 */
} Planned;

typedef struct
{
  KefuStore      *store;
  KefuctlRandom   random;
  KefuctlCatalog  catalog;
  GArray         *clerks;       /* gint64: the demo clerks present and active */
  gint64          team_lead;
  gint64          sales_admin;
  gint64          depot_admin;
  GTimeZone      *tz;
  GDateTime      *now;          /* the last working moment: the day's calls come before it */
  GDate           today;        /* its day */
  GHashTable     *customers;    /* index → KefuCustomer, or NULL when it is missing */
  GHashTable     *called_days;  /* "customer-id/YYYYMMDD" of the stored calls */
  GHashTable     *histories_read; /* customer ids whose history was read */
  GHashTable     *leads;        /* planned inquiry tag → gint64 lead id */
  GArray         *dropped;      /* gint64 lead ids to drop */
  GString        *text;
} DemoCalls;

/* kefuctl-demo-calls-plan.c */
/* The calls of the demo from its seed, oldest first (element type Planned): today's busy day,
 * the week before with its stories, and earlier calls of today's callers. */
GArray *_kefuctl_demo_calls_make_plan    (DemoCalls *demo);
/* The local minute a call planned at `minute` of today comes in at: the plan squeezed into the
 * part of the office day before the last working moment. */
guint   _kefuctl_demo_calls_today_minute (DemoCalls *demo,
                                          guint      minute);

G_END_DECLS
