/* kefuctl-demo-complaints.c: the demo's complaints worked through their stages, so that the
 * board a new user opens is one a manager reads in five seconds: today's complaints routed or
 * being investigated, the week's resolved, called back, reopened by an unhappy customer or
 * closed, older ones closed; a few past their deadline and escalated; the harmed customers
 * visited; the bad batch under investigation by the QC manager.
 *
 * Every step is a real change (kefu_store_change_complaint ()) by the person whose job it is,
 * made with the store's clock (kefu-store-clock.h, for demo data only) set to when it would have
 * happened: the complaint's times, its visits and its timeline's events agree, as they do on a
 * real hotline. The steps of all the complaints run in the order of their times, with the
 * workstations' deadline check between them, so that what fell late was escalated when it did;
 * a last check at the real time escalates what is late now, as the application does when it
 * opens.
 *
 * The stories end at the last working moment (kefuctl-demo-clock.h), and "today" is its day:
 * run in the evening or on a day off, the board is the one the working day left, with today's
 * complaints acknowledged in time but for those that came in too recently to be late and one
 * forgotten, and what was on time then is still on time at the real time, as the deadlines
 * count in working hours.
 *
 * Only complaints still in their intake stage (Routed) are worked, and what each becomes
 * depends only on the demo's calls and the last working moment, so running the demo again the
 * same day changes nothing, but for a complaint of today left waiting that has fallen due since
 * without being escalated: it is acknowledged, in time, as the others were.
 * The resolutions, notes and customers' words are sample data in Chinese, not interface text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-complaints.h"
#include "store/kefu-store-clock.h"
#include "kefuctl-demo-clock.h"
#include "kefuctl-demo-complaints.h"
#include "kefuctl-names.h"
#include "kefuctl-private.h"

#define CS_MANAGER_LOGIN "zhoujianhua"
#define QC_MANAGER_LOGIN "wuguoqiang"
#define TEAM_LEAD_LOGIN  "zhaolijuan"
#define GM_OFFICE_LOGIN  "xuwenbin"
/* As kefuctl-demo-calls.c: the demo's customers, and how far back their calls go. */
#define DEMO_CUSTOMERS   300
#define DEMO_DAYS        150
#define CARDS_PAGE       500

static const char *const product_resolutions[] = {
  "品控部检测同批次留样,确认个别包装密封不良,已为客户更换新品并赠送一箱酸奶致歉",
  "上门取回问题产品送检,指标合格,判断为冷藏不当,向客户说明储存要求并更换",
  "经查为配送途中冷链中断,已调换产品,对配送车辆冷藏设备检修",
};
static const char *const service_resolutions[] = {
  "基站调整了配送路线,保证每天7点前送到,缺少的奶已补送",
  "送奶员已当面向客户道歉,基站对其进行了批评教育",
  "核实账单后退还多收的款项,并在下月账单中注明",
};
static const char *const notes[] = {
  "已电话安抚客户,告知正在处理,明天下午前给答复",
  "客户要求处理结果以短信告知",
  "客户上午不方便接电话,回访请安排在下午",
};

typedef struct
{
  KefuStore  *store;
  gint64      cs_manager;
  gint64      qc_manager;
  gint64      team_lead;
  gint64      gm_office;
  GDateTime  *now;          /* the last working moment (kefuctl-demo-clock.h) */
  GDate       today;        /* its day */
  guint       n_week;       /* complaints of the week before today seen so far */
  guint       n_today;
  guint       n_harmed_today;
  guint       n_batch;
  guint       n_notes;
} DemoComplaints;

static gint64
staff_id (GHashTable *staff_ids,
          const char *login)
{
  gint64 *id = g_hash_table_lookup (staff_ids, login);

  return id != NULL ? *id : 0;
}

/* Days between the complaint's local day and today. */
static guint
days_ago (DemoComplaints    *demo,
          KefuComplaintCard *card)
{
  GDate day;

  kefuctl_demo_local_date (kefu_complaint_card_get_received_at (card), &day);
  return (guint) MAX (0, g_date_days_between (&day, &demo->today));
}

/* TRUE when a complaint of today still waits for its acknowledgement: its deadline as its call
 * saved it is after the last working moment, or it was left waiting by an earlier run until it
 * was escalated (acknowledging it now would come before its escalation in the timeline). */
static gboolean
waits (DemoComplaints    *demo,
       KefuComplaintCard *card)
{
  GDateTime *due = kefu_complaint_card_get_due_at (card);

  return (due != NULL && g_date_time_compare (due, demo->now) > 0) ||
         kefu_complaint_card_get_escalation (card) != KEFU_ESCALATION_NONE;
}

/* The stage a complaint of the demo ends in. */
static KefuComplaintStage
goal_for (DemoComplaints    *demo,
          KefuComplaintCard *card)
{
  /* The week's complaints take these in turn, as far as their age allows. */
  static const KefuComplaintStage week[] = {
    KEFU_COMPLAINT_STAGE_IN_PROGRESS, KEFU_COMPLAINT_STAGE_RESOLVED,
    KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_STAGE_REOPENED,
    KEFU_COMPLAINT_STAGE_CLOSED, KEFU_COMPLAINT_STAGE_RESOLVED,
    KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
  };
  guint age = days_ago (demo, card);
  KefuComplaintStage goal;

  if (kefu_complaint_card_get_batch_flagged (card) ||
      (kefu_complaint_card_get_batch_number (card) != NULL &&
       g_str_has_suffix (kefu_complaint_card_get_batch_number (card), "-B2-07")))
    {
      /* The bad batch: the QC manager investigates its complaints; today's waits for him
       * while it is on time. */
      demo->n_batch++;
      return age == 0 && waits (demo, card) ? KEFU_COMPLAINT_STAGE_ROUTED
                                            : KEFU_COMPLAINT_STAGE_IN_PROGRESS;
    }
  if (kefu_complaint_card_get_harmed (card))
    {
      if (age > 0)
        return KEFU_COMPLAINT_STAGE_RESOLVED;
      /* The first harmed customer of today was visited; the second waits, past its half
       * hour. */
      return demo->n_harmed_today++ == 0 ? KEFU_COMPLAINT_STAGE_IN_PROGRESS
                                         : KEFU_COMPLAINT_STAGE_ROUTED;
    }
  if (age == 0)
    {
      /* Today's first complaint was forgotten, and is late; the others were acknowledged in
       * time, but for those that came in too recently to be late yet, so that the day ends with
       * complaints well within their time, close to it and one past it. */
      return demo->n_today++ == 0 || waits (demo, card) ? KEFU_COMPLAINT_STAGE_ROUTED
                                                        : KEFU_COMPLAINT_STAGE_IN_PROGRESS;
    }
  if (age >= 7)
    return KEFU_COMPLAINT_STAGE_CLOSED;

  /* Older complaints have moved on: a complaint investigated for more than two days, or
   * resolved for more than three, would be late, and a board of late ones reads as nothing
   * else. */
  goal = week[demo->n_week++ % G_N_ELEMENTS (week)];
  if (goal == KEFU_COMPLAINT_STAGE_IN_PROGRESS && age > 2)
    goal = KEFU_COMPLAINT_STAGE_RESOLVED;
  if ((goal == KEFU_COMPLAINT_STAGE_CLOSED && age < 3) ||
      ((goal == KEFU_COMPLAINT_STAGE_CALLED_BACK || goal == KEFU_COMPLAINT_STAGE_REOPENED) &&
       age < 2))
    goal = KEFU_COMPLAINT_STAGE_RESOLVED;
  else if ((goal == KEFU_COMPLAINT_STAGE_RESOLVED || goal == KEFU_COMPLAINT_STAGE_REOPENED) &&
           age > 3)
    goal = KEFU_COMPLAINT_STAGE_CALLED_BACK;
  return goal;
}

/* The person who investigates: the QC manager for the product, the CS manager otherwise. */
static gint64
investigator (DemoComplaints    *demo,
              KefuComplaintCard *card)
{
  if (kefu_complaint_card_get_category (card) == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY &&
      demo->qc_manager > 0)
    return demo->qc_manager;
  return demo->cs_manager;
}

/* One step of the demo's history: a change to a complaint by `actor` at `at`, or (`card` < 0)
 * the deadline check a workstation runs every so often. */
typedef struct
{
  GDateTime           *at;
  guint                order;   /* planned order, which keeps steps of the same time in turn */
  gint                 card;    /* index in the cards; -1 for the deadline check */
  KefuComplaintAction  action;
  gint64               actor;
  const char          *text;
  KefuSatisfaction     satisfaction;
  GDateTime           *visited_at;
} Step;

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->at, g_date_time_unref);
  g_clear_pointer (&step->visited_at, g_date_time_unref);
}

static int
step_compare (gconstpointer a,
              gconstpointer b)
{
  const Step *x = a, *y = b;
  int by_time = g_date_time_compare (x->at, y->at);

  if (by_time != 0)
    return by_time;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* `permille` of the way from `from` to `to`. */
static GDateTime *
between (GDateTime *from,
         GDateTime *to,
         guint      permille)
{
  return g_date_time_add (from, MAX (0, g_date_time_difference (to, from)) / 1000 * permille);
}

static GDateTime *
earlier (GDateTime *a,
         GDateTime *b)
{
  return g_date_time_ref (g_date_time_compare (a, b) <= 0 ? a : b);
}

/* `minute` of the local day `days` after `from`'s; when that is not after `after` and before
 * now, half an hour after `after`, or `permille` of the way from `after` to now. */
static GDateTime *
office_time (DemoComplaints *demo,
             GDateTime      *from,
             guint           days,
             guint           minute,
             GDateTime      *after,
             guint           permille)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (from);
  g_autoptr(GDateTime) day = g_date_time_add_days (local, (int) days);
  GDateTime *time = g_date_time_new (g_date_time_get_timezone (day), g_date_time_get_year (day),
                                     g_date_time_get_month (day),
                                     g_date_time_get_day_of_month (day), (int) (minute / 60),
                                     (int) (minute % 60), 0);

  if (time != NULL && g_date_time_compare (time, after) > 0 &&
      g_date_time_compare (time, demo->now) < 0)
    return time;
  g_clear_pointer (&time, g_date_time_unref);
  /* Half an hour later, which keeps a step of the afternoon in the afternoon. */
  time = g_date_time_add_minutes (after, 30);
  if (g_date_time_compare (time, demo->now) < 0)
    return time;
  g_date_time_unref (time);
  return between (after, demo->now, permille);
}

/* Adds a change of the complaint `card` at `at`; `at` becomes the complaint's latest step. */
static void
plan (GArray               *steps,
      guint                 card,
      GDateTime            *at,
      KefuComplaintAction   action,
      gint64                actor,
      const char           *text,
      KefuSatisfaction      satisfaction,
      GDateTime            *visited_at)
{
  Step step = { 0 };

  step.at = g_date_time_ref (at);
  step.order = steps->len;
  step.card = (gint) card;
  step.action = action;
  step.actor = actor;
  step.text = text;
  step.satisfaction = satisfaction;
  step.visited_at = visited_at != NULL ? g_date_time_ref (visited_at) : NULL;
  g_array_append_val (steps, step);
}

/* `time`, or a minute after `latest` when it is not later, never after now: a complaint's steps
 * follow one another. */
static GDateTime *
after (DemoComplaints *demo,
       GDateTime      *latest,
       GDateTime      *time)
{
  g_autoptr(GDateTime) next = NULL;

  if (g_date_time_compare (time, latest) > 0)
    return g_date_time_ref (time);
  next = g_date_time_add_minutes (latest, 1);
  return earlier (next, demo->now);
}

/* Plans the steps that take complaint `index` of the cards to `goal`, at the times they would
 * have happened: today's within the hours since the call, the week's spread over the days
 * since, older ones a day or so apart, in office hours. */
static void
plan_complaint (DemoComplaints     *demo,
                GArray             *steps,
                guint               index,
                KefuComplaintCard  *card,
                KefuComplaintStage  goal)
{
  GDateTime *received = kefu_complaint_card_get_received_at (card);
  guint age = days_ago (demo, card);
  gboolean harmed = kefu_complaint_card_get_harmed (card);
  gint64 owner = kefu_complaint_card_get_owner_id (card);
  gint64 who = investigator (demo, card);
  gboolean product = kefu_complaint_card_get_category (card) ==
                     KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  const char *resolution = harmed ?
                           "客服中心经理和总经办主任上门看望,承担全部医疗费用并赔偿,同批次产品封存送检" :
                           product ?
                           product_resolutions[index % G_N_ELEMENTS (product_resolutions)] :
                           service_resolutions[index % G_N_ELEMENTS (service_resolutions)];
  gboolean resolves = goal == KEFU_COMPLAINT_STAGE_RESOLVED ||
                      goal == KEFU_COMPLAINT_STAGE_CALLED_BACK ||
                      goal == KEFU_COMPLAINT_STAGE_REOPENED || goal == KEFU_COMPLAINT_STAGE_CLOSED;
  g_autoptr(GDateTime) routed = NULL, wanted = NULL, acknowledged = NULL, resolved = NULL,
                       called_back = NULL, closed = NULL, latest = NULL, until = NULL;

  if (goal == KEFU_COMPLAINT_STAGE_ROUTED)
    return;

  {
    g_autoptr(GDateTime) one_minute = g_date_time_add_minutes (received, 1);

    routed = earlier (one_minute, demo->now);
  }
  /* The acknowledgement comes within its deadline: twenty minutes for a harmed customer, some
   * three quarters of an hour otherwise, or sooner today when the call came in just before
   * the last working moment. */
  {
    g_autoptr(GDateTime) in_time = g_date_time_add_minutes (received, harmed ? 20 : 45);
    g_autoptr(GDateTime) since_call = between (received, demo->now, 300);

    wanted = age == 0 ? earlier (in_time, since_call) : g_steal_pointer (&in_time);
  }
  acknowledged = after (demo, routed, wanted);
  plan (steps, index, acknowledged, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, who, NULL, 0, NULL);
  latest = g_date_time_ref (acknowledged);

  /* Resolved the next morning or afternoon, called back the morning after, closed straight
   * after the callback; squeezed into the time since the call when that is shorter. Resolved
   * in the morning, a complaint's callback is due in a morning too, and shows amber the evening
   * before, when a deadline of a few working hours still reads as far off. */
  if (resolves)
    {
      guint minute = index % 2 == 0 ? 15 * 60 + 20 : 10 * 60 + 20;
      g_autoptr(GDateTime) time = office_time (demo, received, age >= 2 ? 1 : 0, minute,
                                               acknowledged, 450);

      resolved = after (demo, acknowledged, time);
    }
  until = g_date_time_ref (resolved != NULL ? resolved : demo->now);

  /* The harmed customer is visited within two hours of the acknowledgement, and the visit is
   * recorded when the visitors are back. */
  if (harmed)
    {
      g_autoptr(GDateTime) two_hours = g_date_time_add_hours (acknowledged, 2);
      g_autoptr(GDateTime) halfway = between (acknowledged, until, 400);
      g_autoptr(GDateTime) visited = earlier (two_hours, halfway);
      g_autoptr(GDateTime) recorded = after (demo, latest, visited);

      plan (steps, index, recorded, KEFU_COMPLAINT_ACTION_RECORD_VISIT, demo->cs_manager,
            "客户已从医院回家,情绪稳定;公司承担医药费,同批次产品封存送检", 0, visited);
      g_date_time_unref (latest);
      latest = g_date_time_ref (recorded);
    }
  /* The team lead keeps a few customers informed. */
  if (demo->team_lead > 0 && index % 4 == 1)
    {
      g_autoptr(GDateTime) time = between (latest, until, 500);
      g_autoptr(GDateTime) noted = after (demo, latest, time);

      plan (steps, index, noted, KEFU_COMPLAINT_ACTION_ADD_NOTE, demo->team_lead,
            notes[demo->n_notes++ % G_N_ELEMENTS (notes)], 0, NULL);
      g_date_time_unref (latest);
      latest = g_date_time_ref (noted);
    }
  if (!resolves)
    return;

  {
    g_autoptr(GDateTime) time = after (demo, latest, resolved);

    g_date_time_unref (resolved);
    resolved = g_steal_pointer (&time);
  }
  plan (steps, index, resolved, KEFU_COMPLAINT_ACTION_RESOLVE, who, resolution, 0, NULL);
  if (goal == KEFU_COMPLAINT_STAGE_RESOLVED)
    return;

  /* The callback: the owner asks whether the customer is satisfied (回访). */
  {
    g_autoptr(GDateTime) time = office_time (demo, resolved, 1, 10 * 60 + 10, resolved, 500);

    called_back = after (demo, resolved, time);
  }
  if (goal == KEFU_COMPLAINT_STAGE_REOPENED)
    {
      plan (steps, index, called_back, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, owner,
            "换了以后还是有问题,要求公司再查一查", KEFU_SATISFACTION_NOT_SATISFIED, NULL);
      return;
    }
  plan (steps, index, called_back, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, owner,
        index % 3 == 2 ? "问题解决了,但是等得有点久" : NULL,
        index % 3 == 2 ? KEFU_SATISFACTION_SO_SO : KEFU_SATISFACTION_SATISFIED, NULL);
  if (goal == KEFU_COMPLAINT_STAGE_CALLED_BACK)
    return;

  closed = g_date_time_add_minutes (called_back, 20);
  if (g_date_time_compare (closed, demo->now) > 0)
    {
      g_date_time_unref (closed);
      closed = between (called_back, demo->now, 500);
    }
  plan (steps, index, closed, KEFU_COMPLAINT_ACTION_CLOSE, owner, NULL, 0, NULL);
}

/* The deadline checks of the workstations over the last days: every half hour of office time,
 * so that what fell late was escalated about when it did, not all at once today. */
static void
plan_checks (DemoComplaints *demo,
             GArray         *steps)
{
  g_autoptr(GDateTime) local_now = g_date_time_to_local (demo->now);
  g_autoptr(GDateTime) midnight = g_date_time_new (g_date_time_get_timezone (local_now),
                                                   g_date_time_get_year (local_now),
                                                   g_date_time_get_month (local_now),
                                                   g_date_time_get_day_of_month (local_now),
                                                   0, 0, 0);
  g_autoptr(GDateTime) time = g_date_time_add_days (midnight, -8);

  while (g_date_time_compare (time, demo->now) < 0)
    {
      GDateTime *next;
      int hour = g_date_time_get_hour (time);

      if (hour >= 8 && hour < 18)
        {
          Step step = { 0 };

          step.at = g_date_time_ref (time);
          step.order = steps->len;
          step.card = -1;
          g_array_append_val (steps, step);
        }
      next = g_date_time_add_minutes (time, 30);
      g_date_time_unref (time);
      time = next;
    }
}

/* Runs one step under the store's clock set to its time. The deadline check runs first, as a
 * workstation's would have since the last step, so that a step sees the complaint as it was. */
static gboolean
run_step (DemoComplaints  *demo,
          GPtrArray       *cards,
          Step            *step,
          GError         **error)
{
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) changed = NULL;
  g_autoptr(KefuComplaintChange) c = NULL;
  guint n_escalated = 0;
  gint64 id;

  kefu_store_set_clock (demo->store, step->at);
  kefu_store_set_system_actor (demo->store);
  if (!kefu_store_check_complaint_deadlines (demo->store, NULL, &n_escalated, NULL, error))
    return FALSE;
  if (step->card < 0)
    return TRUE;

  /* The complaint as it is now: the check may have raised it since its last step. */
  id = kefu_complaint_card_get_id (g_ptr_array_index (cards, (guint) step->card));
  card = kefu_store_get_complaint_card (demo->store, id, NULL, error);
  if (card == NULL)
    return FALSE;
  /* The team lead escalates by hand only what the check has not raised already. */
  if (step->action == KEFU_COMPLAINT_ACTION_ESCALATE &&
      kefu_complaint_card_get_escalation (card) != KEFU_ESCALATION_NONE)
    return TRUE;

  c = kefu_complaint_change_new (step->action, id, kefu_complaint_card_get_version (card));
  c->text = g_strdup (step->text);
  c->satisfaction = step->satisfaction;
  if (step->action == KEFU_COMPLAINT_ACTION_RECORD_VISIT)
    {
      c->visitors = g_strdup ("周建华(客服中心经理)、徐文斌(总经办主任)");
      c->visited_at = g_date_time_ref (step->visited_at);
    }
  kefu_store_set_actor (demo->store, step->actor);
  changed = kefu_store_change_complaint (demo->store, c, NULL, error);
  return changed != NULL;
}
/* The demo's own complaints, oldest first: those of the demo's customers (their numbers are in
 * the demo's region) over the days the demo's calls go back that were saved as calls are, so
 * that complaints generated into the same database are left alone. Cards are read a page at a
 * time. */
static GPtrArray *
demo_cards (KefuStore  *store,
            GDateTime  *now,
            GError    **error)
{
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;

  for (guint i = 0; i < DEMO_CUSTOMERS; i++)
    {
      char phone[16];

      kefuctl_names_mobile (KEFUCTL_NAMES_DEMO_REGION * KEFUCTL_NAMES_MOBILE_REGION_SIZE + i,
                            phone);
      g_hash_table_add (phones, g_strdup (phone));
    }
  filter->received_from = g_date_time_add_days (now, -(DEMO_DAYS + 1));
  ids = kefu_store_list_complaint_ids (store, filter, KEFU_COMPLAINT_SORT_RECEIVED, FALSE, NULL,
                                       error);
  if (ids == NULL)
    return NULL;
  for (guint start = 0; start < ids->len; start += CARDS_PAGE)
    {
      g_autoptr(GPtrArray) page = NULL;

      page = kefu_store_get_complaint_cards (store, &g_array_index (ids, gint64, start),
                                             MIN (CARDS_PAGE, ids->len - start), NULL, error);
      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        {
          KefuComplaintCard *card = g_ptr_array_index (page, i);

          g_autoptr(GListModel) timeline = NULL;

          if (!g_hash_table_contains (phones, kefu_complaint_card_get_phone (card)))
            continue;
          /* The demo saves its calls one by one, each with its events; a complaint generated
           * for a demo customer came in a bulk load, without any. */
          timeline = kefu_store_list_complaint_timeline (store, kefu_complaint_card_get_id (card),
                                                         NULL, error);
          if (timeline == NULL)
            return NULL;
          if (g_list_model_get_n_items (timeline) > 0)
            g_ptr_array_add (cards, g_object_ref (card));
        }
    }
  return g_steal_pointer (&cards);
}

gboolean
kefuctl_demo_complaints (KefuStore   *store,
                         GHashTable  *staff_ids,
                         guint       *added,
                         guint       *present,
                         GError     **error)
{
  DemoComplaints demo = { 0 };
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) steps = NULL;
  guint n_escalated = 0;
  gboolean escalation_planned = FALSE;
  gboolean ok = TRUE;

  demo.store = store;
  demo.cs_manager = staff_id (staff_ids, CS_MANAGER_LOGIN);
  demo.qc_manager = staff_id (staff_ids, QC_MANAGER_LOGIN);
  demo.team_lead = staff_id (staff_ids, TEAM_LEAD_LOGIN);
  demo.gm_office = staff_id (staff_ids, GM_OFFICE_LOGIN);
  /* Staff renamed or removed by hand: nobody of the demo can work the complaints. */
  if (demo.cs_manager == 0)
    return TRUE;
  /* The stories end at the last working moment, where the demo's calls end; the deadline check
   * at the end runs at the real time. */
  {
    g_autoptr(GDateTime) now = kefuctl_demo_now ();

    demo.now = kefuctl_demo_last_working_moment (store, now, error);
  }
  if (demo.now == NULL)
    return FALSE;
  kefuctl_demo_local_date (demo.now, &demo.today);

  /* Oldest first, so that the turns the week's complaints take follow their days. */
  cards = demo_cards (store, demo.now, error);
  if (cards == NULL)
    {
      g_date_time_unref (demo.now);
      return FALSE;
    }

  /* Every complaint's steps are planned first, then all of them run in the order of their
   * times under the store's clock, with the deadline checks between them: each step and its
   * event are recorded when they would have happened, and an escalation when the complaint
   * fell late, so that every timeline reads in order. */
  steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (steps, step_clear);
  for (guint i = 0; i < cards->len && ok; i++)
    {
      KefuComplaintCard *card = g_ptr_array_index (cards, i);
      KefuComplaintStage stage = kefu_complaint_card_get_stage (card);
      KefuComplaintStage goal;

      if (stage == KEFU_COMPLAINT_STAGE_EXPLAINED || stage == KEFU_COMPLAINT_STAGE_NEW)
        continue;
      /* Every complaint takes its turn, worked or not, so that the turns stay the same. */
      goal = goal_for (&demo, card);
      if (stage != KEFU_COMPLAINT_STAGE_ROUTED)
        {
          (*present)++;
          continue;
        }
      /* One left waiting as its call saved it has nothing to be done; it is neither added nor
       * found. */
      if (goal == KEFU_COMPLAINT_STAGE_ROUTED)
        continue;
      plan_complaint (&demo, steps, i, card, goal);
      (*added)++;

      /* One complaint the team lead escalates by hand: a service complaint of today's being
       * investigated whose customer called again, angry. */
      if (!escalation_planned && demo.team_lead > 0 && goal == KEFU_COMPLAINT_STAGE_IN_PROGRESS &&
          days_ago (&demo, card) == 0 && !kefu_complaint_card_get_harmed (card) &&
          kefu_complaint_card_get_category (card) == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
        {
          Step *last = &g_array_index (steps, Step, steps->len - 1);
          g_autoptr(GDateTime) time = between (last->at, demo.now, 600);

          plan (steps, i, time, KEFU_COMPLAINT_ACTION_ESCALATE, demo.team_lead,
                "客户第二次来电,情绪激动,要求客服中心经理亲自处理", 0, NULL);
          escalation_planned = TRUE;
        }
    }

  if (ok && steps->len > 0)
    {
      plan_checks (&demo, steps);
      g_array_sort (steps, step_compare);
    }
  for (guint i = 0; i < steps->len && ok; i++)
    ok = run_step (&demo, cards, &g_array_index (steps, Step, i), error);

  /* What is late now is escalated, as the board does when it opens. */
  kefuctl_demo_reset_clock (store);
  kefu_store_set_system_actor (store);
  ok = ok && kefu_store_check_complaint_deadlines (store, NULL, &n_escalated, NULL, error);
  g_date_time_unref (demo.now);
  return ok;
}
