/* kefuctl-demo-callbacks.c: the demo's callbacks (回访), made and worked as the hotline does:
 *
 *  - the CS manager plans this quarter's members' satisfaction survey as a campaign two weeks
 *    ago, over the two weeks before the last working moment and the week after it, spread over
 *    four clerks; the clerks made the ones due by then at their times: most reached (satisfied,
 *    so-so, not satisfied with the customer's words), some sent by SMS, a few not answering
 *    (one three times, now waiting for the team lead), one asking to be called tomorrow, and
 *    a few left overdue;
 *  - a team lead plans the New Year greetings (元旦问候) to one district's customers next week;
 *  - a renewal reminder and a maintenance reminder made by hand;
 *  - two customers' own callback times ("never before 10:00", "prefers evenings").
 * The complaints and after-sales stories before it schedule their own callbacks.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-callback-rules.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-clock.h"
#include "kefuctl-demo-callbacks.h"
#include "kefuctl-demo-clock.h"
#include "kefuctl-private.h"

#define SURVEY_NAME  KEFUCTL_DEMO_SURVEY_NAME
#define WORKSTATION  "demo:1"

typedef struct
{
  KefuStore  *store;
  GHashTable *staff_ids;
  GDateTime  *now;
  guint       added;
} Demo;

static gint64
staff_id (Demo       *demo,
          const char *login)
{
  gint64 *id = g_hash_table_lookup (demo->staff_ids, login);

  return id != NULL ? *id : kefu_store_get_actor (demo->store);
}

static void
act_as (Demo       *demo,
        gint64      staff,
        GDateTime  *at)
{
  kefu_store_set_actor (demo->store, staff);
  kefu_store_set_clock (demo->store, at);
}

static void
local_day (GDateTime *time,
           int        days,
           GDate     *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (days > 0)
    g_date_add_days (day, days);
  else if (days < 0)
    g_date_subtract_days (day, -days);
}

/* Whether the demo's survey is there already (the demo adds nothing twice). */
static gboolean
survey_present (Demo      *demo,
                gboolean  *present,
                GError   **error)
{
  g_autoptr(GDateTime) from = g_date_time_add_days (demo->now, -30);
  g_autoptr(GDateTime) to = g_date_time_add_days (demo->now, 30);
  g_autoptr(GPtrArray) due = kefu_store_list_callbacks_due (demo->store, from, to, 0, TRUE, NULL,
                                                            error);

  if (due == NULL)
    return FALSE;
  *present = FALSE;
  for (guint i = 0; i < due->len && !*present; i++)
    *present = g_strcmp0 (((KefuCallback *) due->pdata[i])->campaign_name, SURVEY_NAME) == 0;
  return TRUE;
}

/* One attempt at `callback` by its clerk at its due time. */
static gboolean
record (Demo                  *demo,
        KefuCallback          *callback,
        gint64                 clerk,
        GDateTime             *at,
        KefuCallbackMethod     method,
        KefuCallbackOutcome    outcome,
        KefuSatisfaction       satisfaction,
        const char            *words,
        GDateTime             *agreed_at,
        GError               **error)
{
  g_autoptr(KefuCallback) fresh = NULL;
  KefuCallbackRecordInput input = {
    .method = method, .outcome = outcome, .satisfaction = satisfaction,
    .customer_words = words, .agreed_at = agreed_at,
  };

  act_as (demo, clerk, at);
  if (!kefu_store_claim_callback (demo->store, callback->id, WORKSTATION, NULL, error))
    return FALSE;
  fresh = kefu_store_get_callback (demo->store, callback->id, NULL, error);
  if (fresh == NULL)
    return FALSE;
  return kefu_store_record_callback (demo->store, callback->id, fresh->version, &input, NULL,
                                     error);
}

static const char *const satisfied_words[] = {
  "送奶很准时，希望继续保持", NULL, "建议增加低脂奶的品种", NULL, NULL,
};
static const char *const so_so_words[] = {
  "送奶员有时不按门铃", "电话有时打不通", NULL,
};
static const char *const unsatisfied_words[] = {
  "上个月两次送错了品种", "投诉后一直没有人回复", "奶箱坏了还没有来修",
};

/* The survey's callbacks due by now, made by their clerks. */
static gboolean
work_survey (Demo    *demo,
             GError **error)
{
  g_autoptr(GDateTime) from = g_date_time_add_days (demo->now, -30);
  g_autoptr(GPtrArray) due = kefu_store_list_callbacks_due (demo->store, from, demo->now, 0,
                                                            FALSE, NULL, error);
  guint n = 0;

  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    {
      KefuCallback *c = due->pdata[i];
      gint64 clerk = c->assigned_to != 0 ? c->assigned_to : staff_id (demo, "wangfang");
      g_autoptr(GDateTime) at = g_date_time_add_minutes (c->due_at, 3);
      gboolean ok = TRUE;
      guint story = n++ % 20;

      if (g_strcmp0 (c->campaign_name, SURVEY_NAME) != 0 || c->state != KEFU_CALLBACK_STATE_DUE)
        continue;
      /* The last few are left for today: overdue. */
      if (g_date_time_difference (demo->now, c->due_at) < 3 * G_TIME_SPAN_HOUR)
        continue;
      if (story == 7)
        {
          /* No answer three times: it goes to the team lead. */
          for (guint attempt = 0; attempt < 3 && ok; attempt++)
            {
              g_autoptr(KefuCallback) again = kefu_store_get_callback (demo->store, c->id, NULL,
                                                                       error);
              g_autoptr(GDateTime) when = NULL;

              if (again == NULL || again->state != KEFU_CALLBACK_STATE_DUE ||
                  again->escalated_at != NULL)
                break;
              when = g_date_time_add_minutes (again->due_at, 2);
              if (g_date_time_compare (when, demo->now) > 0)
                break;
              ok = record (demo, again, clerk, when, KEFU_CALLBACK_METHOD_PHONE,
                           KEFU_CALLBACK_OUTCOME_NO_ANSWER, KEFU_SATISFACTION_UNSPECIFIED, NULL,
                           NULL, error);
            }
        }
      else if (story == 11)
        {
          /* Busy: tried again later by itself. */
          ok = record (demo, c, clerk, at, KEFU_CALLBACK_METHOD_PHONE, KEFU_CALLBACK_OUTCOME_BUSY,
                       KEFU_SATISFACTION_UNSPECIFIED, NULL, NULL, error);
        }
      else if (story == 13)
        {
          /* The customer asks to be called tomorrow at 10:30. */
          g_autoptr(GDateTime) local = g_date_time_to_local (demo->now);
          g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local),
                                                                 g_date_time_get_month (local),
                                                                 g_date_time_get_day_of_month (local),
                                                                 10, 30, 0);
          g_autoptr(GDateTime) tomorrow = g_date_time_add_days (midnight, 1);

          ok = record (demo, c, clerk, at, KEFU_CALLBACK_METHOD_PHONE,
                       KEFU_CALLBACK_OUTCOME_CALL_LATER, KEFU_SATISFACTION_UNSPECIFIED, NULL,
                       tomorrow, error);
        }
      else if (story == 17)
        ok = record (demo, c, clerk, at, KEFU_CALLBACK_METHOD_SMS, KEFU_CALLBACK_OUTCOME_SENT,
                     KEFU_SATISFACTION_UNSPECIFIED, NULL, NULL, error);
      else if (story == 3 || story == 15)
        ok = record (demo, c, clerk, at, KEFU_CALLBACK_METHOD_PHONE, KEFU_CALLBACK_OUTCOME_REACHED,
                     KEFU_SATISFACTION_SO_SO, so_so_words[story % G_N_ELEMENTS (so_so_words)],
                     NULL, error);
      else if (story == 9)
        ok = record (demo, c, clerk, at, KEFU_CALLBACK_METHOD_PHONE, KEFU_CALLBACK_OUTCOME_REACHED,
                     KEFU_SATISFACTION_NOT_SATISFIED,
                     unsatisfied_words[(n / 20) % G_N_ELEMENTS (unsatisfied_words)], NULL, error);
      else
        ok = record (demo, c, clerk, at, KEFU_CALLBACK_METHOD_PHONE, KEFU_CALLBACK_OUTCOME_REACHED,
                     KEFU_SATISFACTION_SATISFIED,
                     satisfied_words[story % G_N_ELEMENTS (satisfied_words)], NULL, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
plan_campaign (Demo                *demo,
               const char          *lead,
               GDateTime           *when,
               const char          *name,
               KefuCallbackReason   reason,
               const char          *topic,
               KefuCampaignTarget   target,
               const char          *district,
               int                  first_offset,
               int                  last_offset,
               const char * const  *clerks,
               guint                per_day,
               GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KefuCampaignInput input = { 0 };
  GDate first, last;
  guint n_created = 0;

  for (guint i = 0; clerks[i] != NULL; i++)
    {
      gint64 id = staff_id (demo, clerks[i]);

      g_array_append_val (ids, id);
    }
  local_day (when, first_offset, &first);
  local_day (when, last_offset, &last);
  input.name = name;
  input.reason = reason;
  input.topic = topic;
  input.target = target;
  input.district = district;
  input.first_day = &first;
  input.last_day = &last;
  input.clerks = (const gint64 *) (gpointer) ids->data;
  input.n_clerks = ids->len;
  input.per_clerk_per_day = per_day;
  input.slot_minutes = 20;
  act_as (demo, staff_id (demo, lead), when);
  if (kefu_store_create_campaign (demo->store, &input, &n_created, NULL, error) == 0)
    return FALSE;
  demo->added += n_created;
  return TRUE;
}

static gboolean
by_hand (Demo                *demo,
         gint64               customer_id,
         KefuCallbackReason   reason,
         const char          *topic,
         const char          *clerk,
         GError             **error)
{
  KefuCallbackInput input = {
    .customer_id = customer_id, .reason = reason, .topic = topic,
    .method = KEFU_CALLBACK_METHOD_PHONE, .assigned_to = staff_id (demo, clerk),
  };

  act_as (demo, staff_id (demo, "zhaolijuan"), demo->now);
  if (kefu_store_create_callback (demo->store, &input, NULL, error) == 0)
    return FALSE;
  demo->added++;
  return TRUE;
}

gboolean
kefuctl_demo_callbacks (KefuStore   *store,
                        GHashTable  *staff_ids,
                        guint       *added,
                        guint       *present,
                        GError     **error)
{
  static const char * const survey_clerks[] = { "wangfang", "lina", "zhangjing", "liuyang", NULL };
  static const char * const greeting_clerks[] = { "chenmin", "yangli", NULL };
  g_autoptr(GDateTime) real_now = kefuctl_demo_now ();
  g_autoptr(KefuCustomerContacts) customers = kefu_customer_contacts_new ();
  g_autoptr(GDateTime) planned = NULL;
  Demo demo = { .store = store, .staff_ids = staff_ids };
  gint64 previous_actor = kefu_store_get_actor (store);
  gboolean is_present = FALSE;
  gboolean ok;
  guint n_read = 0;

  *added = 0;
  *present = 0;
  demo.now = kefuctl_demo_last_working_moment (store, real_now, error);
  if (demo.now == NULL)
    return FALSE;
  if (!survey_present (&demo, &is_present, error))
    {
      g_date_time_unref (demo.now);
      return FALSE;
    }
  if (is_present)
    {
      *present = 1;
      g_date_time_unref (demo.now);
      return TRUE;
    }
  if (!kefu_store_read_customer_contacts (store, customers, 0, 40, &n_read, NULL, error))
    {
      g_date_time_unref (demo.now);
      return FALSE;
    }

  planned = g_date_time_add_days (demo.now, -15);
  ok = plan_campaign (&demo, "zhoujianhua", planned, SURVEY_NAME, KEFU_CALLBACK_REASON_SURVEY,
                      "会员服务", KEFU_CAMPAIGN_TARGET_MEMBERS, NULL, 1, 21, survey_clerks, 8,
                      error) &&
       work_survey (&demo, error) &&
       plan_campaign (&demo, "huangwei", demo.now, "2027年元旦问候", KEFU_CALLBACK_REASON_OCCASION,
                      "元旦问候", KEFU_CAMPAIGN_TARGET_DISTRICT, "朝阳区", 1, 6, greeting_clerks,
                      10, error);
  if (ok && n_read >= 2)
    {
      const KefuCustomerContact *first = kefu_customer_contacts_get (customers, 0);
      const KefuCustomerContact *second = kefu_customer_contacts_get (customers, 1);

      ok = by_hand (&demo, first->id, KEFU_CALLBACK_REASON_RENEWAL, "年卡续订", "wangfang", error) &&
           by_hand (&demo, second->id, KEFU_CALLBACK_REASON_MAINTENANCE, "奶箱保养", "lina",
                    error) &&
           kefu_store_set_customer_callback_times (store, first->id, "00:00-10:00", "", NULL,
                                                   error) &&
           kefu_store_set_customer_callback_times (store, second->id, "", "18:00-20:30", NULL,
                                                   error);
    }

  kefuctl_demo_reset_clock (store);
  kefu_store_set_actor (store, previous_actor);
  g_date_time_unref (demo.now);
  *added = demo.added;
  return ok;
}
