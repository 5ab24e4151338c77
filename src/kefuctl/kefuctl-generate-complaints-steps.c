/* kefuctl-generate-complaints-steps.c: the steps a generated complaint went through after the
 * call, its results and the deadline it works against now.
 *
 * A closed complaint went through every step: routed at the call, acknowledged within the
 * working hours the rules allow (or late, and then escalated), resolved within its working days,
 * called back, closed; harmed customers were visited. An open complaint is young: the chance
 * that a complaint is still open falls linearly with its age, over a window worked out so that
 * the share asked for is open, and its stage follows its age (a complaint of an hour is routed,
 * one of a week resolved or called back). The stage it is in was entered a while ago, mostly
 * within the time its deadline allows, a tenth of them longer: those are overdue and escalated.
 * Deadlines come from the same rules and work calendar as the store's (kefu-complaint-flow.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "kefuctl-generate-complaints-private.h"

/* A working day of the default calendar, for drawing durations counted in working days. */
#define WORK_DAY_MINUTES 540

/* What became of complaints: the resolutions and callbacks in the words clerks write. Sample
 * data, not interface text. */
static const char *const product_resolutions[] = {
  "品控部抽检同批次留样,确认个别包装密封不良,已为客户更换新品并致歉",
  "品控部上门取样检测,产品指标合格,向客户说明储存要求,赠送两箱鲜奶表示歉意",
  "经查为运输途中冷链中断,已调换同规格产品,并对配送车辆冷藏设备检修",
  "已退款并补偿,同批次产品下架复检",
  "上门回收问题产品送检,结果为储存不当所致,已向客户说明并更换",
};
static const char *const service_resolutions[] = {
  "已与基站核实,调整了配送路线,保证每天7点前送达,补送缺少的奶",
  "送奶员已被批评教育并向客户当面道歉",
  "核实账单后退还多收款项,并在下月账单中注明",
  "更换了配送员,营销中心经理电话致歉",
  "已补送并赠送一周鲜奶作为补偿",
};
static const char *const harmed_resolutions[] = {
  "客服中心经理和总经办主任上门看望,承担全部医疗费用,同批次产品封存送检",
  "公司派人到医院探望,支付医药费并赔偿,品控部复检同批次留样",
};
static const char *const visitors[] = {
  "客服中心经理、总经办主任",
  "客服中心经理、品控部经理",
  "总经办主任、客服专员",
};
static const char *const visit_outcomes[] = {
  "客户已出院,情绪稳定,接受公司的处理方案",
  "在医院看望了孩子,家属同意等待检测结果,公司承担医药费",
  "带去慰问品,客户表示理解,要求尽快告知检测结果",
};
static const char *const so_so_words[] = {
  "问题是解决了,但是等得太久",
  "处理还行,希望以后别再出这种事",
  "补偿可以,但送奶时间还是不太稳定",
};
static const char *const unhappy_words[] = {
  "换的奶还是有同样的味道,不满意",
  "说好的补送到现在也没送来",
  "只道歉不解决问题,要求公司给个说法",
};

/* What happened since the call */

static GDateTime *
own (Batch     *batch,
     GDateTime *time)
{
  if (time != NULL)
    g_ptr_array_add (batch->owned, time);
  return time;
}

/* The stage of an open complaint of `hours` age (weights per mille of New, Routed, In progress,
 * Resolved, Called back, Reopened). */
static KefuComplaintStage
open_stage (double  hours,
            guint32 draw)
{
  static const KefuComplaintStage stages[] = {
    KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
    KEFU_COMPLAINT_STAGE_RESOLVED, KEFU_COMPLAINT_STAGE_CALLED_BACK,
    KEFU_COMPLAINT_STAGE_REOPENED,
  };
  static const guint young[] = { 40, 600, 360, 0, 0, 0 };
  static const guint day[] = { 20, 180, 600, 180, 0, 20 };
  static const guint days[] = { 10, 40, 450, 300, 120, 80 };
  static const guint older[] = { 5, 20, 300, 300, 275, 100 };
  const guint *weights = hours < 2 ? young : hours < 24 ? day : hours < 72 ? days : older;
  guint pick = draw % 1000;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      if (pick < weights[i])
        return stages[i];
      pick -= weights[i];
    }
  return KEFU_COMPLAINT_STAGE_IN_PROGRESS;
}

/* The wall-clock time a stage's deadline roughly allows, for placing when it was entered. */
static GTimeSpan
stage_allows (Generator          *generator,
              KefuComplaintStage  stage,
              KefuComplaintCategory category,
              gboolean            harmed)
{
  switch (stage)
    {
    case KEFU_COMPLAINT_STAGE_NEW:
    case KEFU_COMPLAINT_STAGE_ROUTED:
    case KEFU_COMPLAINT_STAGE_REOPENED:
      return (harmed ? generator->rules.harmed_acknowledge_minutes :
                       generator->rules.acknowledge_minutes * 3) * G_TIME_SPAN_MINUTE;
    case KEFU_COMPLAINT_STAGE_IN_PROGRESS:
      return (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY ?
              generator->rules.resolve_days_product : generator->rules.resolve_days_service) *
             G_TIME_SPAN_DAY;
    case KEFU_COMPLAINT_STAGE_RESOLVED:
      return generator->rules.callback_days * G_TIME_SPAN_DAY;
    default:
      return 2 * G_TIME_SPAN_DAY;
    }
}

/* A time between `from` and `to`, `permille` of the way. */
static GDateTime *
between (GDateTime *from,
         GDateTime *to,
         guint      permille)
{
  GTimeSpan span = MAX (0, g_date_time_difference (to, from));

  return g_date_time_add (from, span / 1000 * permille);
}

/* Raises `p`'s escalation to what a deadline from `since` to `due`, met only at `at`, gives. */
static void
escalate (Batch                 *batch,
          KefuCallBulkComplaint *p,
          GDateTime             *since,
          GDateTime             *due,
          GDateTime             *at)
{
  KefuEscalationLevel level;

  if (due == NULL || g_date_time_compare (at, due) <= 0)
    return;
  level = kefu_complaint_escalation_due (since, due, at);
  if (level > p->escalation_level)
    {
      GTimeSpan allowed = MAX (G_TIME_SPAN_MINUTE, g_date_time_difference (due, since));

      p->escalation_level = level;
      p->escalated_at = own (batch, g_date_time_add (due, allowed * (level - 1)));
      if (g_date_time_compare (p->escalated_at, at) > 0)
        p->escalated_at = own (batch, g_date_time_ref (at));
    }
}

/* The working minutes a step took of the `allowed`: at least `least` and within them, or when
 * `late`, past them by up to `over` times as much again. */
static guint
step_minutes (guint    allowed,
              gboolean late,
              guint    least,
              guint    over,
              guint32  draw)
{
  return late ? allowed + 1 + draw % (over * allowed) : least + draw % (allowed - least);
}

/* The steps of a complaint that has reached `stage` (not New), one after another from the call,
 * each taking about as long as its deadline allows and sometimes longer; a chain that would end
 * after now is squeezed into the time since the call. */
static void
chain_steps (Maker                 *maker,
             KefuCallBulkComplaint *p,
             KefuComplaint         *complaint,
             GDateTime             *received,
             guint32                draws[N_DRAWS])
{
  Generator *generator = maker->generator;
  Batch *batch = maker->batch;
  KefuComplaintCategory category = kefu_complaint_get_category (complaint);
  gboolean harmed = kefu_complaint_get_harmed (complaint);
  KefuComplaintStage stage = p->stage;
  gboolean acknowledged = stage != KEFU_COMPLAINT_STAGE_ROUTED;
  gboolean resolved = stage == KEFU_COMPLAINT_STAGE_RESOLVED ||
                      stage == KEFU_COMPLAINT_STAGE_CALLED_BACK ||
                      stage == KEFU_COMPLAINT_STAGE_CLOSED ||
                      stage == KEFU_COMPLAINT_STAGE_REOPENED;
  gboolean called_back = resolved && stage != KEFU_COMPLAINT_STAGE_RESOLVED;
  gboolean closed = stage == KEFU_COMPLAINT_STAGE_CLOSED;
  guint resolve_days = category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY ?
                       generator->rules.resolve_days_product :
                       generator->rules.resolve_days_service;
  GDateTime *steps[5] = { NULL };  /* routed, acknowledged, resolved, called back, closed */
  gboolean late[5] = { FALSE };
  guint n = 1 + acknowledged + resolved + called_back + closed;
  guint minutes;

  steps[0] = g_date_time_ref (received);
  /* Acknowledged: a harmed customer's within half an hour of any hour, else within the working
   * hours allowed, one in sixteen late. */
  late[1] = draws[2] % 1000 < 60;
  if (harmed)
    steps[1] = g_date_time_add_minutes (steps[0], 5 + draws[3] % (late[1] ? 90 : 25));
  else
    {
      minutes = step_minutes (generator->rules.acknowledge_minutes, late[1], 10, 2, draws[3]);
      steps[1] = kefu_work_calendar_add_working_minutes (generator->calendar, steps[0], minutes);
    }
  /* Resolved within its working days, one in sixteen late. */
  late[2] = draws[4] % 1000 < 60;
  minutes = step_minutes (resolve_days * WORK_DAY_MINUTES, late[2], 60, 2, draws[5]);
  steps[2] = kefu_work_calendar_add_working_minutes (generator->calendar, steps[1], minutes);
  /* Called back within the callback days, one in twenty-five late; closed soon after. */
  late[3] = draws[6] % 1000 < 40;
  minutes = step_minutes (generator->rules.callback_days * WORK_DAY_MINUTES, late[3], 30, 1,
                          draws[7]);
  steps[3] = kefu_work_calendar_add_working_minutes (generator->calendar, steps[2], minutes);
  steps[4] = kefu_work_calendar_add_working_minutes (generator->calendar, steps[3],
                                                     10 + draws[7] % 600);

  /* Squeezed into the time since the call when the steps it took would end in the future. */
  if (g_date_time_compare (steps[n - 1], generator->now) > 0)
    {
      GTimeSpan span = MAX (0, g_date_time_difference (generator->now, received) -
                               G_TIME_SPAN_MINUTE);
      GTimeSpan chain = MAX (1, g_date_time_difference (steps[n - 1], received));

      for (guint i = 1; i < n; i++)
        {
          GTimeSpan offset = g_date_time_difference (steps[i], received);

          g_date_time_unref (steps[i]);
          steps[i] = g_date_time_add (received, (GTimeSpan) ((double) offset / chain * span));
        }
    }

  p->routed_at = own (batch, g_date_time_ref (steps[0]));
  p->stage_since = p->routed_at;
  if (acknowledged)
    p->acknowledged_at = p->stage_since = own (batch, g_date_time_ref (steps[1]));
  if (resolved)
    p->resolved_at = p->stage_since = own (batch, g_date_time_ref (steps[2]));
  if (called_back)
    p->called_back_at = p->stage_since = own (batch, g_date_time_ref (steps[3]));
  if (closed)
    p->closed_at = p->stage_since = own (batch, g_date_time_ref (steps[4]));

  /* The steps that took longer than their deadline escalated the complaint. */
  for (guint i = 1; i < MIN (n, 4u); i++)
    if (late[i])
      {
        static const KefuComplaintStage entered[] = {
          KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED,
          KEFU_COMPLAINT_STAGE_IN_PROGRESS, KEFU_COMPLAINT_STAGE_RESOLVED,
        };
        GDateTime *due = NULL;

        kefu_complaint_deadline_for_stage (entered[i], category, harmed, steps[i - 1],
                                           &generator->rules, generator->calendar, &due);
        escalate (batch, p, steps[i - 1], due, steps[i]);
        g_clear_pointer (&due, g_date_time_unref);
      }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_clear_pointer (&steps[i], g_date_time_unref);
}

/* An open complaint: its stage was entered a while before now, mostly within the time its
 * deadline allows; the steps before it lie between the call and then. */
static void
open_steps (Maker                 *maker,
            KefuCallBulkComplaint *p,
            KefuComplaint         *complaint,
            GDateTime             *received,
            guint32                draws[N_DRAWS])
{
  Generator *generator = maker->generator;
  Batch *batch = maker->batch;
  KefuComplaintStage stage = p->stage;
  GTimeSpan allowed = stage_allows (generator, stage, kefu_complaint_get_category (complaint),
                                    kefu_complaint_get_harmed (complaint));
  GTimeSpan age = MAX (0, g_date_time_difference (generator->now, received));
  GTimeSpan ago;
  GDateTime *since;

  /* One in ten has waited in its stage longer than it should. */
  if (draws[2] % 1000 < 100)
    ago = allowed + allowed / 1000 * (100 + draws[3] % 3000);
  else
    ago = allowed / 1000 * (draws[3] % 950);
  ago = MIN (ago, age);
  since = own (batch, g_date_time_add (generator->now, -ago));

  if (stage == KEFU_COMPLAINT_STAGE_NEW || stage == KEFU_COMPLAINT_STAGE_ROUTED)
    {
      /* Routed (or left unrouted) at the call itself. */
      p->stage_since = own (batch, g_date_time_ref (received));
      if (stage == KEFU_COMPLAINT_STAGE_ROUTED)
        p->routed_at = p->stage_since;
      return;
    }

  p->routed_at = own (batch, g_date_time_ref (received));
  p->stage_since = since;
  switch (stage)
    {
    case KEFU_COMPLAINT_STAGE_IN_PROGRESS:
      p->acknowledged_at = since;
      break;
    case KEFU_COMPLAINT_STAGE_RESOLVED:
      p->acknowledged_at = own (batch, between (received, since, 50 + draws[4] % 300));
      p->resolved_at = since;
      break;
    case KEFU_COMPLAINT_STAGE_CALLED_BACK:
    case KEFU_COMPLAINT_STAGE_REOPENED:
      /* Reopened at the callback, the customer not satisfied. */
      p->acknowledged_at = own (batch, between (received, since, 50 + draws[4] % 200));
      p->resolved_at = own (batch, between (p->acknowledged_at, since, 300 + draws[5] % 600));
      p->called_back_at = since;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_results (Generator             *generator,
             KefuCallBulkComplaint *p,
             KefuComplaint         *complaint,
             gint64                 owner,
             guint32                draws[N_DRAWS])
{
  gboolean harmed = kefu_complaint_get_harmed (complaint);
  guint satisfaction = draws[8] % 1000;

  if (p->resolved_at != NULL)
    p->resolution = harmed ? harmed_resolutions[draws[9] % G_N_ELEMENTS (harmed_resolutions)] :
                    kefu_complaint_get_category (complaint) ==
                    KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY ?
                    product_resolutions[draws[9] % G_N_ELEMENTS (product_resolutions)] :
                    service_resolutions[draws[9] % G_N_ELEMENTS (service_resolutions)];
  if (p->stage == KEFU_COMPLAINT_STAGE_REOPENED)
    {
      p->satisfaction = KEFU_SATISFACTION_NOT_SATISFIED;
      p->customer_words = unhappy_words[draws[9] % G_N_ELEMENTS (unhappy_words)];
    }
  else if (p->called_back_at != NULL)
    {
      p->satisfaction = satisfaction < 800 ? KEFU_SATISFACTION_SATISFIED : KEFU_SATISFACTION_SO_SO;
      if (p->satisfaction == KEFU_SATISFACTION_SO_SO)
        p->customer_words = so_so_words[draws[9] % G_N_ELEMENTS (so_so_words)];
    }

  /* Someone went to see a harmed customer soon after the acknowledgement: before the
   * resolution, which needs the visit, and on half of those still being investigated. */
  if (harmed && p->acknowledged_at != NULL &&
      (p->resolved_at != NULL || draws[8] % 2 == 0))
    {
      GDateTime *limit = p->resolved_at != NULL ? p->resolved_at : generator->now;

      p->visitors = visitors[draws[10] % G_N_ELEMENTS (visitors)];
      p->visit_outcome = visit_outcomes[draws[10] % G_N_ELEMENTS (visit_outcomes)];
      p->visit_recorded_by = owner;
      p->visited_at = between (p->acknowledged_at, limit, 100 + draws[10] % 400);
    }
}

void
_kefuctl_complaints_progress (Maker                 *maker,
                              KefuCallBulkComplaint *p,
                              KefuCall              *call,
                              GDateTime             *received,
                              KefuComplaintStage     stage,
                              guint32                draws[N_DRAWS])
{
  Generator *generator = maker->generator;
  Batch *batch = maker->batch;
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  GDateTime *due = NULL;

  if (generator->complaints_only)
    {
      double hours = g_date_time_difference (generator->now, received) / (double) G_TIME_SPAN_HOUR;
      double chance = generator->open_window_hours > 0 ?
                      1.0 - hours / generator->open_window_hours : 0;

      if (chance > 0 && draws[0] % 1000000 < chance * 1000000)
        {
          p->stage = open_stage (hours, draws[1]);
          open_steps (maker, p, complaint, received, draws);
        }
      else
        {
          p->stage = KEFU_COMPLAINT_STAGE_CLOSED;
          chain_steps (maker, p, complaint, received, draws);
        }
    }
  else
    {
      /* The stage --calls chose; New is routed at the call. */
      p->stage = stage == KEFU_COMPLAINT_STAGE_NEW ? KEFU_COMPLAINT_STAGE_ROUTED : stage;
      chain_steps (maker, p, complaint, received, draws);
    }
  set_results (generator, p, complaint, kefu_call_get_clerk_id (call), draws);
  own (batch, p->visited_at);

  /* The resolve deadline it was resolved against (schema step 13), counted from the
   * acknowledgement as the resolve action keeps it: the steps that took longer than it make
   * the late share of the dashboard's SLA figure. */
  if (p->resolved_at != NULL && p->acknowledged_at != NULL)
    {
      GDateTime *resolve_due = NULL;

      kefu_complaint_deadline_for_stage (KEFU_COMPLAINT_STAGE_IN_PROGRESS,
                                         kefu_complaint_get_category (complaint),
                                         kefu_complaint_get_harmed (complaint),
                                         p->acknowledged_at, &generator->rules,
                                         generator->calendar, &resolve_due);
      if (resolve_due != NULL)
        p->resolve_due_at = own (batch, resolve_due);
    }

  /* The deadline it works against now, and where it is past, the escalation to this day. */
  p->due_kind = kefu_complaint_deadline_for_stage (p->stage, kefu_complaint_get_category (complaint),
                                                   kefu_complaint_get_harmed (complaint),
                                                   p->stage_since, &generator->rules,
                                                   generator->calendar, &due);
  if (due != NULL)
    {
      p->due_at = own (batch, due);
      if (g_date_time_compare (due, generator->now) < 0)
        {
          generator->n_overdue++;
          escalate (batch, p, p->stage_since, due, generator->now);
        }
    }
}
