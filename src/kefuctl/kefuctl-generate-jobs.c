/* kefuctl-generate-jobs.c: one generated service job, for `kefuctl generate --jobs N`: an
 * installation, a fault report (diagnosed on the phone as solved, an on-site repair or a
 * factory repair), a replacement or a return, about a product a shipment of the same run
 * delivered when there is one (its serial, customer and warranty), each with its whole story
 * drawn first and then cut at the time of the run, or at its cancellation.
 *
 * The story follows the job flow (kefu-job-flow.h): a visit is asked for with a market-support
 * request, approved by the general manager's office, dispatched to a technician with an agreed
 * day and travel days, and completed by the technician's feedback on return, with a progress
 * report for each further day away; a factory repair goes to the factory and back by carrier;
 * a paid job (out of warranty) has its fee quoted and agreed before work starts, and one whose
 * warranty was unknown has it decided by hand first. One in ten customers refuses the fee, and
 * the job is cancelled.
 *
 * The texts are sample data in Chinese, not interface text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-job-flow.h"
#include "core/kefu-warranty.h"
#include "kefuctl-generate-aftersales-private.h"

static const char *const symptoms[] = {
  "开机后自检报错E03,无法进入测量界面",
  "测量结果重复性差,偏差超过5%",
  "显示屏花屏,按键无反应",
  "进样泵异响,样品吸不上来",
  "打印机不出纸",
};
static const char install_note[] = "新购仪器到货,需上门安装调试并培训操作人员";
static const char *const diagnoses[] = {
  "电话指导客户重新校准后恢复正常",
  "判断为主板故障,需上门更换",
  "判断为光路系统故障,需返厂维修",
};
static const char *const work_done[] = {
  "完成安装调试,培训操作人员三名",
  "更换主板,校准后测试正常",
  "清洗进样管路,更换泵管",
};
static const char *const parts[] = { "主板一块", "泵管两根", "保险丝一只" };
static const char *const comments[] = {
  "工程师很专业,解决及时",
  "服务态度好,就是等的时间长了点",
  "满意",
};
static const char *const repair_notes[] = {
  "光源老化,更换光源模块并校准",
  "电源板烧毁,更换电源板",
  "整机故障无法修复,更换新机",
};
static const char *const progress_texts[] = {
  "已到达客户现场,开始检修",
  "等待配件到货,预计明天完成",
  "安装完成,正在培训操作人员",
};
static const char *const cancel_reasons[] = {
  "客户不同意维修费用",
  "客户自行找人维修,取消服务",
  "重复登记",
};

/* The lines shipped before `time` (self->shipped grows with the shipments' receipt times). */
static guint
shipped_before (KefuctlAftersales *self,
                GDateTime         *time)
{
  gint64 at = g_date_time_to_unix (time);
  guint low = 0, high = self->shipped->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->shipped, KefuctlShippedLine, middle).received <= at)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The product the job is about: a line shipped before, or a product of the list with a serial
 * of its own when this run shipped nothing before. */
static void
set_product (KefuctlAftersales *self,
             KefuServiceJob    *job,
             GDateTime         *reported,
             guint64            index,
             guint32           *draws)
{
  guint n = shipped_before (self, reported);
  const KefuctlShippedLine *line = NULL;
  KefuProduct *product;
  GDate day;

  if (n > 0)
    {
      /* An installation is of something just delivered; a fault of anything delivered. */
      guint pick = job->kind == KEFU_JOB_KIND_INSTALLATION ? n - 1 - draws[1] % MIN (n, 300)
                                                           : draws[1] % n;

      line = &g_array_index (self->shipped, KefuctlShippedLine, pick);
      if (line->received > g_date_time_to_unix (reported))
        line = NULL;
    }
  _kefuctl_aftersales_day (self, reported, &day);
  if (line != NULL)
    {
      const KefuCustomerContact *contact = kefu_customer_contacts_get (self->contacts,
                                                                       line->contact);

      product = g_ptr_array_index (self->products, line->product);
      job->shipment_id = line->shipment_id;
      job->shipment_line_id = line->line_id;
      job->serial = g_strdup (line->serial);
      job->customer_id = contact->id;
      job->customer_name = g_strdup (contact->name);
      job->customer_phone = g_strdup (contact->phone);
      job->address = g_strdup (contact->address);
      job->warranty_start = line->ship_date;
      job->warranty = job->kind == KEFU_JOB_KIND_INSTALLATION ?
                      KEFU_WARRANTY_IN :
                      kefu_warranty_state (&line->ship_date,
                                           kefu_product_get_warranty_months (product), &day,
                                           NULL);
    }
  else
    {
      guint n_contacts = kefu_customer_contacts_get_len (self->contacts);
      const KefuCustomerContact *contact =
        kefu_customer_contacts_get (self->contacts,
                                    kefuctl_permute ((guint32) (index % (1u << 30)), 30,
                                                     ~self->seed) % n_contacts);

      product = g_ptr_array_index (self->products, draws[1] % self->products->len);
      job->serial = g_strdup_printf ("SX%03u%08" G_GUINT64_FORMAT, (guint) (self->seed % 1000),
                                     index + 1);
      job->customer_id = contact->id;
      job->customer_name = g_strdup (contact->name);
      job->customer_phone = g_strdup (contact->phone);
      job->address = g_strdup (contact->address);
      g_date_clear (&job->warranty_start, 1);
      job->warranty = job->kind == KEFU_JOB_KIND_INSTALLATION ? KEFU_WARRANTY_IN
                                                             : KEFU_WARRANTY_UNKNOWN;
    }
  if (job->address == NULL)
    job->address = g_strdup ("北京市");
  job->product_id = kefu_record_get_id (KEFU_RECORD (product));
  job->product_name = g_strdup (kefu_product_get_name (product));
  job->warranty_months = kefu_product_get_warranty_months (product);
  /* Returns and installations carry no fee, whatever the warranty. */
  if (job->kind == KEFU_JOB_KIND_RETURN)
    job->warranty = KEFU_WARRANTY_IN;
}

/* The job as it goes: the cut (the time of the run, or its cancellation) and the step reached. */
typedef struct
{
  KefuctlAftersales *self;
  GDateTime         *cut;
  guint64            index;
  KefuJobStep        step;
} Story;

/* Takes the step to `step` at `time` when that is before the cut; TRUE when it did. */
static gboolean
reach (Story       *story,
       GDateTime   *time,
       KefuJobStep  step,
       GDateTime  **field)
{
  if (time == NULL || g_date_time_compare (time, story->cut) > 0)
    return FALSE;
  if (field != NULL)
    *field = g_date_time_ref (time);
  story->step = step;
  return TRUE;
}

/* A field visit: support request, approval, dispatch, the trip and the feedback. */
static void
tell_visit (Story          *story,
            KefuServiceJob *job,
            GDateTime      *start,
            guint32        *draws)
{
  KefuctlAftersales *self = story->self;
  g_autoptr(GDateTime) requested = _kefuctl_aftersales_later (start, 60, 2 * 24 * 60, draws[8]);
  /* The general manager signs within two days, one request in ten waits a week or two. */
  g_autoptr(GDateTime) approved = _kefuctl_aftersales_later (requested, draws[9] % 10 == 0 ?
                                                             5 * 24 * 60 : 60,
                                                             draws[9] % 10 == 0 ?
                                                             14 * 24 * 60 : 2 * 24 * 60,
                                                             draws[9] / 10);
  g_autoptr(GDateTime) dispatched = _kefuctl_aftersales_later (approved, 60, 24 * 60, draws[10]);
  g_autoptr(GDateTime) departed = NULL, returned = NULL;
  GDate agreed;

  if (!reach (story, requested, KEFU_JOB_STEP_SUPPORT_REQUESTED, &job->support_requested_at))
    return;
  job->support_requested_by = job->account_manager_id != 0 ? job->account_manager_id :
                              _kefuctl_aftersales_pick (self, self->staff.desk, draws[8]);
  job->support_purpose = g_strdup (job->kind == KEFU_JOB_KIND_INSTALLATION ?
                                   "申请技术人员出差上门安装调试" : "申请技术人员出差上门维修");
  if (!reach (story, approved, KEFU_JOB_STEP_APPROVED, &job->approved_at))
    return;
  job->approved_by = _kefuctl_aftersales_pick (self, self->staff.gm_office, draws[9]);

  _kefuctl_aftersales_day (self, dispatched, &agreed);
  g_date_add_days (&agreed, 1 + draws[11] % 6);
  job->travel_days = 1 + draws[11] / 6 % 3;
  if (!reach (story, dispatched, KEFU_JOB_STEP_DISPATCHED, &job->dispatched_at))
    return;
  job->technician_id = _kefuctl_aftersales_pick (self, self->staff.technicians, draws[12]);
  job->agreed_date = agreed;

  departed = g_date_time_new (self->tz, g_date_get_year (&agreed), g_date_get_month (&agreed),
                              g_date_get_day (&agreed), 7, (gint) (draws[13] % 60), 0);
  if (!reach (story, departed, KEFU_JOB_STEP_ON_TRIP, &job->departed_at))
    return;
  /* A progress report each evening away but the last. */
  job->progress = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_job_progress_free);
  for (guint day = 0; day + 1 < job->travel_days; day++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (departed,
                                                         (gint) (day * 24 * 60 + 12 * 60));
      KefuJobProgress *progress;

      if (g_date_time_compare (at, story->cut) > 0)
        break;
      progress = g_new0 (KefuJobProgress, 1);
      progress->reported_at = g_date_time_ref (at);
      progress->reported_by = job->technician_id;
      progress->text = g_strdup (progress_texts[(draws[13] + day) % G_N_ELEMENTS (progress_texts)]);
      g_ptr_array_add (job->progress, progress);
    }
  job->n_progress = job->progress->len;

  returned = g_date_time_add_minutes (departed, (gint) ((job->travel_days - 1) * 24 * 60 + 9 * 60 +
                                                        draws[14] % 180));
  if (!reach (story, returned, KEFU_JOB_STEP_COMPLETED, &job->completed_at))
    return;
  job->returned_at = g_date_time_ref (returned);
  job->completed_by = job->technician_id;
  job->work_done = g_strdup (work_done[job->kind == KEFU_JOB_KIND_INSTALLATION ? 0 :
                                       1 + draws[14] % 2]);
  if (job->kind != KEFU_JOB_KIND_INSTALLATION)
    job->parts_used = g_strdup (parts[draws[14] % G_N_ELEMENTS (parts)]);
  job->fixed = draws[15] % 20 != 0;
  job->result_note = g_strdup (job->fixed ? "问题已解决,仪器运行正常" : "问题未彻底解决,需返厂检修");
  job->customer_comment = g_strdup (comments[draws[15] % G_N_ELEMENTS (comments)]);
}

/* The factory round trip (factory repair, return) or the replacement sent. */
static void
tell_factory (Story          *story,
              KefuServiceJob *job,
              GDateTime      *start,
              guint32        *draws)
{
  KefuctlAftersales *self = story->self;
  g_autoptr(GDateTime) sent = _kefuctl_aftersales_later (start, 60, 2 * 24 * 60, draws[8]);
  g_autoptr(GDateTime) arrived = _kefuctl_aftersales_later (sent, 24 * 60, 4 * 24 * 60, draws[9]);
  g_autoptr(GDateTime) repaired = _kefuctl_aftersales_later (arrived, 24 * 60, 15 * 24 * 60,
                                                             draws[10]);
  g_autoptr(GDateTime) back = NULL, received = NULL, done = NULL;
  KefuCarrier *carrier;

  if (job->kind != KEFU_JOB_KIND_REPLACEMENT)
    {
      carrier = g_ptr_array_index (self->carriers, draws[11] % self->carriers->len);
      if (!reach (story, sent, KEFU_JOB_STEP_SENT_TO_FACTORY, &job->sent_to_factory_at))
        return;
      job->out_carrier_id = carrier->id;
      job->out_waybill = _kefuctl_aftersales_waybill (carrier->kind, self->seed << 32 |
                                                                     0x40000000u | story->index);
      if (!reach (story, arrived, job->kind == KEFU_JOB_KIND_RETURN ? KEFU_JOB_STEP_COMPLETED
                                                                    : KEFU_JOB_STEP_AT_FACTORY,
                  &job->received_at_factory_at))
        return;
      if (job->kind == KEFU_JOB_KIND_RETURN)
        {
          job->completed_at = g_date_time_ref (arrived);
          job->completed_by = _kefuctl_aftersales_pick (self, self->staff.warehouse, draws[12]);
          job->fixed = TRUE;
          return;
        }
      if (!reach (story, repaired, KEFU_JOB_STEP_REPAIRED, &job->repaired_at))
        return;
      job->replaced = draws[12] % 100 < 15;
      job->repair_note = g_strdup (repair_notes[job->replaced ? 2 : draws[12] / 100 % 2]);
      back = _kefuctl_aftersales_later (repaired, 240, 24 * 60, draws[13]);
    }
  else
    back = _kefuctl_aftersales_later (start, 24 * 60, 3 * 24 * 60, draws[13]);

  carrier = g_ptr_array_index (self->carriers, draws[14] % self->carriers->len);
  if (!reach (story, back, KEFU_JOB_STEP_SENT_BACK, &job->sent_back_at))
    return;
  job->back_carrier_id = carrier->id;
  job->back_waybill = _kefuctl_aftersales_waybill (carrier->kind,
                                                   self->seed << 32 | 0x80000000u | story->index);
  received = _kefuctl_aftersales_later (back, 24 * 60, 4 * 24 * 60, draws[15]);
  /* Completed when after-sales confirms the receipt with the customer. */
  done = _kefuctl_aftersales_later (received, 30, 4 * 60, draws[16]);
  if (!reach (story, done, KEFU_JOB_STEP_COMPLETED, &job->completed_at))
    return;
  job->customer_received_at = g_date_time_ref (received);
  job->completed_by = _kefuctl_aftersales_pick (self, self->staff.desk, draws[16]);
  job->fixed = TRUE;
  job->result_note = g_strdup (job->replaced ? "已更换新机,客户确认收到" : "修复后寄回,客户确认收到");
}

KefuServiceJob *
_kefuctl_make_job (KefuctlAftersales *self,
                   KefuctlRandom     *random,
                   guint64            index,
                   guint64            count)
{
  KefuServiceJob *job = kefu_service_job_new ();
  guint32 draws[KEFUCTL_AFTERSALES_DRAWS];
  g_autoptr(GDateTime) reported = NULL, diagnosed = NULL, fee = NULL, cancelled = NULL;
  g_autoptr(GDateTime) start = NULL;
  Story story = { .self = self, .index = index, .step = KEFU_JOB_STEP_REPORTED };
  KefuJobKind decided = KEFU_JOB_KIND_REPAIR;
  gboolean fault = FALSE, refuses_fee = FALSE;
  guint pick;

  for (guint i = 0; i < KEFUCTL_AFTERSALES_DRAWS; i++)
    draws[i] = (guint32) (kefuctl_random_next (random) >> 32);

  /* Three in ten installations, more than half fault reports, the rest replacements and
   * returns; the phone diagnosis solves a fifth of the faults and sends the others out. */
  pick = draws[2] % 100;
  if (pick < 30)
    job->kind = KEFU_JOB_KIND_INSTALLATION;
  else if (pick < 85)
    {
      fault = TRUE;
      job->kind = KEFU_JOB_KIND_REPAIR;
      decided = draws[3] % 100 < 20 ? KEFU_JOB_KIND_REPAIR
              : draws[3] % 100 < 65 ? KEFU_JOB_KIND_ONSITE_REPAIR : KEFU_JOB_KIND_FACTORY_REPAIR;
    }
  else if (pick < 95)
    job->kind = KEFU_JOB_KIND_REPLACEMENT;
  else
    job->kind = KEFU_JOB_KIND_RETURN;

  reported = _kefuctl_aftersales_day_time (self, index, count);
  job->reported_at = g_date_time_ref (reported);
  set_product (self, job, reported, index, draws);
  job->source = draws[4] % 10 < 7 ? KEFU_JOB_SOURCE_CUSTOMER_CALL
                                  : KEFU_JOB_SOURCE_ACCOUNT_MANAGER;
  if (job->source == KEFU_JOB_SOURCE_ACCOUNT_MANAGER || job->kind == KEFU_JOB_KIND_INSTALLATION)
    job->account_manager_id = _kefuctl_aftersales_pick (self, self->staff.sales_reps, draws[4]);
  job->reported_by = job->source == KEFU_JOB_SOURCE_ACCOUNT_MANAGER &&
                     job->account_manager_id != 0 ?
                     job->account_manager_id :
                     _kefuctl_aftersales_pick (self, self->staff.desk, draws[4] / 10);
  job->symptoms = g_strdup (job->kind == KEFU_JOB_KIND_INSTALLATION ? install_note :
                            symptoms[draws[5] % G_N_ELEMENTS (symptoms)]);
  if (fault)
    job->phone_answer = g_strdup ("已告知客户先断电重启,如仍有问题由技术部电话诊断");

  /* The whole story is cut at the time of the run, or at its cancellation. */
  story.cut = g_date_time_ref (self->now);
  start = g_date_time_ref (reported);
  if (draws[6] % 100 < 2)
    {
      cancelled = _kefuctl_aftersales_later (reported, 60, 5 * 24 * 60, draws[7]);
      if (_kefuctl_aftersales_happened (self, cancelled))
        {
          g_date_time_unref (story.cut);
          story.cut = g_date_time_ref (cancelled);
        }
    }

  if (fault)
    {
      diagnosed = _kefuctl_aftersales_later (reported, 30, 24 * 60, draws[17]);
      if (reach (&story, diagnosed, KEFU_JOB_STEP_REPORTED, &job->diagnosed_at))
        {
          job->diagnosed_by = _kefuctl_aftersales_pick (self, self->staff.technicians, draws[17]);
          job->diagnosis = g_strdup (diagnoses[decided == KEFU_JOB_KIND_REPAIR ? 0 :
                                               decided == KEFU_JOB_KIND_ONSITE_REPAIR ? 1 : 2]);
          job->kind = decided;
          g_date_time_unref (start);
          start = g_date_time_ref (diagnosed);
          if (decided == KEFU_JOB_KIND_REPAIR)
            {
              reach (&story, diagnosed, KEFU_JOB_STEP_COMPLETED, &job->completed_at);
              job->completed_by = job->diagnosed_by;
              job->fixed = TRUE;
              job->result_note = g_strdup ("电话诊断解决");
            }
        }
    }

  /* Paid work: the warranty decided when unknown, the fee quoted and agreed (or refused). */
  if (story.step == KEFU_JOB_STEP_REPORTED && job->kind != KEFU_JOB_KIND_REPAIR &&
      job->kind != KEFU_JOB_KIND_INSTALLATION && job->kind != KEFU_JOB_KIND_RETURN)
    {
      fee = _kefuctl_aftersales_later (start, 60, 24 * 60, draws[18]);
      if (g_date_time_compare (fee, story.cut) <= 0)
        {
          if (job->warranty == KEFU_WARRANTY_UNKNOWN)
            {
              job->warranty = draws[18] % 2 == 0 ? KEFU_WARRANTY_IN : KEFU_WARRANTY_OUT;
              job->warranty_reason = g_strdup (job->warranty == KEFU_WARRANTY_IN ?
                                               "客户提供购货发票,在保修期内" :
                                               "客户无法提供购货凭证,按保修期外处理");
            }
          if (job->warranty == KEFU_WARRANTY_OUT)
            {
              job->fee_fen = (gint64) (200 + draws[19] % 29 * 100) * 100;
              job->fee_recorded_at = g_date_time_ref (fee);
              refuses_fee = draws[19] % 10 == 0;
              job->fee_agreed = !refuses_fee;
              job->fee_note = g_strdup (refuses_fee ? "客户认为费用过高,不同意维修" :
                                        "客户同意按报价付费");
            }
          g_date_time_unref (start);
          start = g_date_time_ref (fee);
        }
      else
        {
          /* Work waits for the fee (or the warranty) to be settled. */
          g_date_time_unref (story.cut);
          story.cut = g_date_time_ref (start);
        }
    }
  if (refuses_fee)
    {
      g_clear_pointer (&cancelled, g_date_time_unref);
      cancelled = _kefuctl_aftersales_later (start, 24 * 60, 3 * 24 * 60, draws[7]);
      if (!_kefuctl_aftersales_happened (self, cancelled))
        g_clear_pointer (&cancelled, g_date_time_unref);
      g_date_time_unref (story.cut);
      story.cut = g_date_time_ref (start);
    }

  if (story.step == KEFU_JOB_STEP_REPORTED && !refuses_fee)
    {
      if (kefu_job_kind_has_visit (job->kind))
        tell_visit (&story, job, start, draws);
      else if (job->kind != KEFU_JOB_KIND_REPAIR)
        tell_factory (&story, job, start, draws);
    }

  if (cancelled != NULL && _kefuctl_aftersales_happened (self, cancelled) &&
      story.step != KEFU_JOB_STEP_COMPLETED)
    {
      job->cancelled_at = g_date_time_ref (cancelled);
      job->cancel_reason = g_strdup (refuses_fee ? cancel_reasons[0] :
                                     cancel_reasons[1 + draws[7] % 2]);
      story.step = KEFU_JOB_STEP_CANCELLED;
    }

  job->step = story.step;
  if (job->step == KEFU_JOB_STEP_COMPLETED && kefu_job_kind_schedules_callback (job->kind))
    job->callback_due_at = kefu_callback_due_after (job->completed_at, self->callback_days,
                                                    self->calendar, self->quiet);
  job->n_progress = job->progress != NULL ? job->progress->len : 0;
  if (kefu_job_step_is_open (job->step))
    {
      self->n_open++;
      if (job->step == KEFU_JOB_STEP_SUPPORT_REQUESTED)
        self->n_overdue++;
    }
  g_date_time_unref (story.cut);
  return job;
}
