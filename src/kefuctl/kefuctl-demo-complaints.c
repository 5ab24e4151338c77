/* kefuctl-demo-complaints.c: the demo's complaints worked through their stages, so that the
 * board a new user opens is one a manager reads in five seconds: today's complaints routed or
 * being investigated, the week's resolved, called back, reopened by an unhappy customer or
 * closed, older ones closed; a few past their deadline and escalated; the harmed customers
 * visited; the bad batch under investigation by the QC manager.
 *
 * Every step is a real change (kefu_store_change_complaint ()) by the person whose job it is,
 * so each complaint's timeline holds its events. The store records a change at the moment it is
 * made; kefu_store_backdate_complaint () (for demo data only) then moves the steps' times back
 * to when they would have happened, and the deadline check escalates what is late, as the
 * application would have when it opened.
 *
 * Only complaints still in their intake stage (Routed) are worked, and what each becomes
 * depends only on the demo's calls, so running the demo again the same day changes nothing.
 * The resolutions, notes and customers' words are sample data in Chinese, not interface text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-complaints.h"
#include "store/kefu-store-complaints-demo.h"
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
  GDateTime  *now;
  GDate       today;
  guint       n_week;       /* complaints of the week before today seen so far */
  guint       n_today;
  guint       n_harmed_today;
  guint       n_batch;
  guint       n_notes;
  gboolean    escalated_by_hand;
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
  g_autoptr(GDateTime) local = g_date_time_to_local (kefu_complaint_card_get_received_at (card));
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return (guint) MAX (0, g_date_days_between (&day, &demo->today));
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
      /* The bad batch: the QC manager investigates the earlier complaints; today's waits. */
      demo->n_batch++;
      return age > 0 ? KEFU_COMPLAINT_STAGE_IN_PROGRESS : KEFU_COMPLAINT_STAGE_ROUTED;
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
    return demo->n_today++ % 2 == 0 ? KEFU_COMPLAINT_STAGE_IN_PROGRESS
                                     : KEFU_COMPLAINT_STAGE_ROUTED;
  if (age >= 7)
    return KEFU_COMPLAINT_STAGE_CLOSED;

  goal = week[demo->n_week++ % G_N_ELEMENTS (week)];
  if ((goal == KEFU_COMPLAINT_STAGE_CLOSED && age < 3) ||
      ((goal == KEFU_COMPLAINT_STAGE_CALLED_BACK || goal == KEFU_COMPLAINT_STAGE_REOPENED) &&
       age < 2))
    goal = KEFU_COMPLAINT_STAGE_RESOLVED;
  return goal;
}

/* One change as `actor`; the card's version follows. */
static gboolean
change (DemoComplaints       *demo,
        KefuComplaintCard   **card,
        gint64                actor,
        KefuComplaintAction   action,
        const char           *text,
        KefuSatisfaction      satisfaction,
        GError              **error)
{
  g_autoptr(KefuComplaintChange) c = NULL;
  KefuComplaintCard *changed;

  c = kefu_complaint_change_new (action, kefu_complaint_card_get_id (*card),
                                 kefu_complaint_card_get_version (*card));
  c->text = g_strdup (text);
  c->satisfaction = satisfaction;
  if (action == KEFU_COMPLAINT_ACTION_RECORD_VISIT)
    {
      c->visitors = g_strdup ("周建华(客服中心经理)、徐文斌(总经办主任)");
      c->visited_at = g_date_time_ref (demo->now);
    }
  kefu_store_set_actor (demo->store, actor);
  changed = kefu_store_change_complaint (demo->store, c, NULL, error);
  if (changed == NULL)
    return FALSE;
  g_object_unref (*card);
  *card = changed;
  return TRUE;
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

/* Moves the steps back to when they would have happened: today's within the hours since the
 * call, the week's spread over the days since, older ones a day or so apart. */
static gboolean
backdate (DemoComplaints     *demo,
          KefuComplaintCard  *card,
          KefuComplaintStage  goal,
          GError            **error)
{
  GDateTime *received = kefu_complaint_card_get_received_at (card);
  guint age = days_ago (demo, card);
  g_autoptr(GDateTime) routed = g_date_time_add_minutes (received, 1);
  g_autoptr(GDateTime) ack_wanted = g_date_time_add_minutes (received,
                                                             kefu_complaint_card_get_harmed (card) ?
                                                             20 : 45);
  g_autoptr(GDateTime) acknowledged = NULL, visited = NULL, resolved = NULL,
                       called_back = NULL, closed = NULL;
  KefuComplaintBackdate times = { 0 };

  acknowledged = age == 0 ? between (received, demo->now, 300) : g_date_time_ref (ack_wanted);
  {
    g_autoptr(GDateTime) two_hours = g_date_time_add_hours (acknowledged, 2);

    visited = earlier (two_hours, demo->now);
  }
  /* In office hours: resolved the next afternoon, called back the morning after, closed
   * straight after the callback; squeezed into the time since the call when that is shorter. */
  resolved = office_time (demo, received, age >= 2 ? 1 : 0, 15 * 60 + 20, acknowledged, 450);
  called_back = office_time (demo, resolved, 1, 10 * 60 + 10, resolved, 500);
  closed = g_date_time_add_minutes (called_back, 20);
  if (g_date_time_compare (closed, demo->now) > 0)
    {
      g_date_time_unref (closed);
      closed = between (called_back, demo->now, 500);
    }

  times.routed_at = earlier (routed, demo->now);
  times.stage_since = times.routed_at;
  if (goal != KEFU_COMPLAINT_STAGE_ROUTED)
    times.acknowledged_at = times.stage_since = acknowledged;
  if (kefu_complaint_card_get_n_visits (card) > 0)
    times.visited_at = visited;
  if (goal == KEFU_COMPLAINT_STAGE_RESOLVED || goal == KEFU_COMPLAINT_STAGE_CALLED_BACK ||
      goal == KEFU_COMPLAINT_STAGE_REOPENED || goal == KEFU_COMPLAINT_STAGE_CLOSED)
    times.resolved_at = times.stage_since = resolved;
  if (goal == KEFU_COMPLAINT_STAGE_CALLED_BACK || goal == KEFU_COMPLAINT_STAGE_REOPENED ||
      goal == KEFU_COMPLAINT_STAGE_CLOSED)
    times.called_back_at = times.stage_since = called_back;
  if (goal == KEFU_COMPLAINT_STAGE_CLOSED)
    times.closed_at = times.stage_since = closed;

  kefu_store_set_system_actor (demo->store);
  if (!kefu_store_backdate_complaint (demo->store, kefu_complaint_card_get_id (card), &times,
                                      NULL, error))
    {
      g_date_time_unref (times.routed_at);
      return FALSE;
    }
  g_date_time_unref (times.routed_at);
  return TRUE;
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

static gboolean
work (DemoComplaints      *demo,
      KefuComplaintCard  **card,
      KefuComplaintStage   goal,
      guint                index,
      GError             **error)
{
  gint64 owner = kefu_complaint_card_get_owner_id (*card);
  gint64 who = investigator (demo, *card);
  gboolean product = kefu_complaint_card_get_category (*card) ==
                     KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  const char *resolution = product ?
                           product_resolutions[index % G_N_ELEMENTS (product_resolutions)] :
                           service_resolutions[index % G_N_ELEMENTS (service_resolutions)];

  if (goal == KEFU_COMPLAINT_STAGE_ROUTED)
    return TRUE;

  if (!change (demo, card, who, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, NULL, 0, error))
    return FALSE;
  if (kefu_complaint_card_get_harmed (*card) &&
      !change (demo, card, demo->cs_manager, KEFU_COMPLAINT_ACTION_RECORD_VISIT,
               "客户已从医院回家,情绪稳定;公司承担医药费,同批次产品封存送检", 0, error))
    return FALSE;
  /* The team lead keeps a few customers informed. */
  if (demo->team_lead > 0 && index % 4 == 1 &&
      !change (demo, card, demo->team_lead, KEFU_COMPLAINT_ACTION_ADD_NOTE,
               notes[demo->n_notes++ % G_N_ELEMENTS (notes)], 0, error))
    return FALSE;
  if (goal == KEFU_COMPLAINT_STAGE_IN_PROGRESS)
    return TRUE;

  if (!change (demo, card, who, KEFU_COMPLAINT_ACTION_RESOLVE,
               kefu_complaint_card_get_harmed (*card) ?
               "客服中心经理和总经办主任上门看望,承担全部医疗费用并赔偿,同批次产品封存送检" :
               resolution, 0, error))
    return FALSE;
  if (goal == KEFU_COMPLAINT_STAGE_RESOLVED)
    return TRUE;

  /* The callback: the owner asks whether the customer is satisfied (回访). */
  if (goal == KEFU_COMPLAINT_STAGE_REOPENED)
    return change (demo, card, owner, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
                   "换了以后还是有问题,要求公司再查一查", KEFU_SATISFACTION_NOT_SATISFIED,
                   error);
  if (!change (demo, card, owner, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
               index % 3 == 2 ? "问题解决了,但是等得有点久" : NULL,
               index % 3 == 2 ? KEFU_SATISFACTION_SO_SO : KEFU_SATISFACTION_SATISFIED, error))
    return FALSE;
  if (goal == KEFU_COMPLAINT_STAGE_CALLED_BACK)
    return TRUE;
  return change (demo, card, owner, KEFU_COMPLAINT_ACTION_CLOSE, NULL, 0, error);
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

/* TRUE when a complaint left Routed was already moved back to its call (saving records it as
 * routed when the demo saved it). */
static gboolean
routed_back (KefuComplaintCard *card)
{
  GDateTime *since = kefu_complaint_card_get_stage_since (card);

  return since != NULL &&
         g_date_time_difference (since, kefu_complaint_card_get_received_at (card)) <
         5 * G_TIME_SPAN_MINUTE;
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
  guint n_escalated = 0;
  gboolean ok = TRUE;

  demo.store = store;
  demo.cs_manager = staff_id (staff_ids, CS_MANAGER_LOGIN);
  demo.qc_manager = staff_id (staff_ids, QC_MANAGER_LOGIN);
  demo.team_lead = staff_id (staff_ids, TEAM_LEAD_LOGIN);
  demo.gm_office = staff_id (staff_ids, GM_OFFICE_LOGIN);
  /* Staff renamed or removed by hand: nobody of the demo can work the complaints. */
  if (demo.cs_manager == 0)
    return TRUE;
  demo.now = g_date_time_new_now_local ();
  g_date_clear (&demo.today, 1);
  g_date_set_dmy (&demo.today, g_date_time_get_day_of_month (demo.now),
                  g_date_time_get_month (demo.now), g_date_time_get_year (demo.now));

  /* Oldest first, so that the turns the week's complaints take follow their days. */
  cards = demo_cards (store, demo.now, error);
  if (cards == NULL)
    {
      g_date_time_unref (demo.now);
      return FALSE;
    }

  for (guint i = 0; i < cards->len && ok; i++)
    {
      g_autoptr(KefuComplaintCard) card = g_object_ref (g_ptr_array_index (cards, i));
      KefuComplaintStage stage = kefu_complaint_card_get_stage (card);
      KefuComplaintStage goal;

      if (stage == KEFU_COMPLAINT_STAGE_EXPLAINED || stage == KEFU_COMPLAINT_STAGE_NEW)
        continue;
      /* Every complaint takes its turn, worked or not, so that the turns stay the same. */
      goal = goal_for (&demo, card);
      if (stage != KEFU_COMPLAINT_STAGE_ROUTED ||
          (goal == KEFU_COMPLAINT_STAGE_ROUTED && routed_back (card)))
        {
          (*present)++;
          continue;
        }
      ok = work (&demo, &card, goal, i, error) && backdate (&demo, card, goal, error);
      if (ok)
        (*added)++;
    }

  /* One complaint the team lead escalates by hand: a service complaint of today's being
   * investigated whose customer called again, angry. */
  for (guint i = 0; i < cards->len && ok && *added > 0 && demo.team_lead > 0; i++)
    {
      KefuComplaintCard *card = g_ptr_array_index (cards, i);
      g_autoptr(KefuComplaintCard) now_card = NULL;

      if (days_ago (&demo, card) != 0 ||
          kefu_complaint_card_get_category (card) != KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY ||
          kefu_complaint_card_get_harmed (card))
        continue;
      now_card = kefu_store_get_complaint_card (store, kefu_complaint_card_get_id (card), NULL,
                                                error);
      if (now_card == NULL)
        {
          ok = FALSE;
          break;
        }
      if (kefu_complaint_card_get_stage (now_card) != KEFU_COMPLAINT_STAGE_IN_PROGRESS ||
          kefu_complaint_card_get_escalation (now_card) != KEFU_ESCALATION_NONE)
        continue;
      ok = change (&demo, &now_card, demo.team_lead, KEFU_COMPLAINT_ACTION_ESCALATE,
                   "客户第二次来电,情绪激动,要求客服中心经理亲自处理", 0, error);
      break;
    }

  /* What is late now is escalated, as the board does when it opens. */
  kefu_store_set_system_actor (store);
  ok = ok && kefu_store_check_complaint_deadlines (store, NULL, &n_escalated, NULL, error);
  g_date_time_unref (demo.now);
  return ok;
}
