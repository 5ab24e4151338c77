/* kefuctl-demo-calls-plan.c: the plan of the demo's hotline calls, from a fixed seed: a busy day
 * today, the week before it with its stories (a lead converted, another dropped, an order from
 * outside the area, a harmed customer, a bad batch), and one or two earlier calls of each of
 * today's callers.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "kefuctl-demo-calls-private.h"

static guint
pick_minute (KefuctlRandom *random)
{
  /* The office day, 8:30 to 17:30, busiest in the morning and mid-afternoon. */
  static const guint hours[] = { 5, 14, 15, 12, 6, 8, 12, 12, 10, 4 };  /* 8:00 … 17:00 */
  guint hour = 8 + kefuctl_random_weighted (random, hours, G_N_ELEMENTS (hours), 98);
  guint minute = kefuctl_random_below (random, 60);

  if (hour == 8)
    minute = 30 + minute / 2;
  else if (hour == 17)
    minute = minute / 2;
  return hour * 60 + minute;
}

static void
add_planned (GArray   *plan,
             guint     days_ago,
             guint     minute,
             guint     customer,
             PlanKind  kind,
             gint      link)
{
  Planned planned = { plan->len, days_ago, minute, customer, kind, link };

  g_array_append_val (plan, planned);
}

static PlanKind
random_kind (KefuctlRandom *random)
{
  /* Orders, product and service complaints, misunderstandings, inquiries. */
  static const guint weights[] = { 50, 10, 8, 2, 25 };
  static const PlanKind kinds[] = {
    PLAN_ORDER, PLAN_PRODUCT, PLAN_SERVICE, PLAN_NOT_FOUNDED, PLAN_INQUIRY,
  };

  return kinds[kefuctl_random_weighted (random, weights, G_N_ELEMENTS (weights), 95)];
}

static int
compare_planned (const void *a,
                 const void *b)
{
  const Planned *pa = a, *pb = b;

  /* Oldest first, so that references and leads come in the order they would have. */
  if (pa->days_ago != pb->days_ago)
    return pa->days_ago > pb->days_ago ? -1 : 1;
  if (pa->minute != pb->minute)
    return pa->minute < pb->minute ? -1 : 1;
  return pa->tag < pb->tag ? -1 : pa->tag > pb->tag;
}

GArray *
_kefuctl_demo_calls_make_plan (DemoCalls *demo)
{
  static const PlanKind today_kinds[TODAY_CALLS] = {
    PLAN_HARMED, PLAN_HARMED, PLAN_NOT_FOUNDED,
    PLAN_PRODUCT, PLAN_PRODUCT, PLAN_PRODUCT, PLAN_SERVICE, PLAN_SERVICE, PLAN_SERVICE,
    PLAN_ORDER_FAR, PLAN_ORDER_FAR,
    PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER,
    PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER,
    PLAN_ORDER, PLAN_ORDER, PLAN_ORDER, PLAN_ORDER,
    PLAN_INQUIRY_LEAD, PLAN_INQUIRY_LEAD, PLAN_INQUIRY_LEAD,
    PLAN_INQUIRY, PLAN_INQUIRY, PLAN_INQUIRY, PLAN_INQUIRY, PLAN_INQUIRY, PLAN_INQUIRY,
    PLAN_INQUIRY, PLAN_INQUIRY,
  };
  KefuctlRandom *random = &demo->random;
  GArray *plan = g_array_new (FALSE, FALSE, sizeof (Planned));
  guint callers[DEMO_CUSTOMERS];
  guint order[TODAY_CALLS];
  guint minutes[TODAY_CALLS];
  guint next_caller = TODAY_CALLS;

  /* Today's callers are forty different customers, in a shuffled order of the kinds. */
  for (guint i = 0; i < DEMO_CUSTOMERS; i++)
    callers[i] = i;
  for (guint i = DEMO_CUSTOMERS - 1; i > 0; i--)
    {
      guint j = kefuctl_random_below (random, i + 1), swap = callers[i];

      callers[i] = callers[j];
      callers[j] = swap;
    }
  for (guint i = 0; i < TODAY_CALLS; i++)
    {
      order[i] = i;
      minutes[i] = pick_minute (random);
    }
  for (guint i = TODAY_CALLS - 1; i > 0; i--)
    {
      guint j = kefuctl_random_below (random, i + 1), swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }
  for (guint i = 0; i < TODAY_CALLS; i++)
    add_planned (plan, 0, minutes[i], callers[i], today_kinds[order[i]], -1);

  /* The week before: ordinary days, with a story through them. */
  for (guint days_ago = EARLIER_DAYS; days_ago >= 1; days_ago--)
    {
      GDate day = demo->today;
      guint n;

      g_date_subtract_days (&day, days_ago);
      n = g_date_get_weekday (&day) >= G_DATE_SATURDAY ? 5 : 10;
      for (guint i = 0; i < n; i++)
        add_planned (plan, days_ago, pick_minute (random), callers[next_caller++],
                     random_kind (random), -1);
    }
  {
    /* A caller asks about prices, then orders two days later; another a few days later. */
    guint first = callers[next_caller++], second = callers[next_caller++];
    guint first_tag, second_tag;

    first_tag = plan->len;
    add_planned (plan, 5, 9 * 60 + 40, first, PLAN_INQUIRY_LEAD, -1);
    add_planned (plan, 3, 10 * 60 + 5, first, PLAN_ORDER_CONVERTING, (gint) first_tag);
    second_tag = plan->len;
    add_planned (plan, 4, 14 * 60 + 20, second, PLAN_INQUIRY_LEAD, -1);
    add_planned (plan, 1, 11 * 60 + 15, second, PLAN_ORDER_CONVERTING, (gint) second_tag);
    add_planned (plan, 6, 15 * 60 + 50, callers[next_caller++], PLAN_INQUIRY_DROPPED, -1);
    add_planned (plan, 2, 9 * 60 + 10, callers[next_caller++], PLAN_ORDER_FAR, -1);
    add_planned (plan, 3, 16 * 60 + 35, callers[next_caller++], PLAN_HARMED, -1);
    add_planned (plan, 1, 16 * 60 + 5, callers[next_caller++], PLAN_INQUIRY_LEAD, -1);
  }
  {
    /* A bad batch: three customers complain about it within a week, which flags it to the QC
     * manager; and a complaint this morning that no department has received yet. */
    add_planned (plan, 5, 10 * 60 + 25, callers[next_caller++], PLAN_PRODUCT_BATCH, -1);
    add_planned (plan, 3, 14 * 60 + 50, callers[next_caller++], PLAN_PRODUCT_BATCH, -1);
    add_planned (plan, 0, 9 * 60 + 5, callers[next_caller++], PLAN_PRODUCT_BATCH, -1);
    add_planned (plan, 0, 8 * 60 + 40, callers[next_caller++], PLAN_UNROUTED, -1);
  }

  /* Today's callers called before: one or two earlier calls each, mostly orders. */
  for (guint i = 0; i < TODAY_CALLS; i++)
    {
      guint n = 1 + kefuctl_random_below (random, 2);

      for (guint j = 0; j < n; j++)
        {
          static const guint weights[] = { 70, 8, 7, 15 };
          static const PlanKind kinds[] = { PLAN_ORDER, PLAN_PRODUCT, PLAN_SERVICE, PLAN_INQUIRY };
          guint days_ago = EARLIER_DAYS + 1 +
                           kefuctl_random_below (random, HISTORY_DAYS_MAX - EARLIER_DAYS);

          add_planned (plan, days_ago, pick_minute (random), callers[i],
                       kinds[kefuctl_random_weighted (random, weights, 4, 100)], -1);
        }
    }

  g_array_sort (plan, compare_planned);
  return plan;
}

/* Today's calls must not lie after the last working moment: when that is before the end of the
 * office day (the demo runs during it), today's plan is squeezed into the part that has passed. */
guint
_kefuctl_demo_calls_today_minute (DemoCalls *demo,
                                  guint      minute)
{
  guint now = (guint) (g_date_time_get_hour (demo->now) * 60 + g_date_time_get_minute (demo->now));
  guint open = 8 * 60, close = 17 * 60 + 30;

  if (now > close)
    return minute;
  if (now > open + 30)
    return open + (minute - open) * (now - 1 - open) / (close - open);
  {
    /* Before the office opens: the last two hours (a demo run at dawn). */
    guint span = MIN (now, 120u);

    return now - span + (minute - open) * (span > 0 ? span - 1 : 0) / (close - open);
  }
}
