/* kefuctl-generate-callbacks.c: `kefuctl generate --callbacks N`: callbacks (回访) at scale for
 * the callback calendar's benchmarks.
 *
 * The callbacks are spread evenly over the three years that end on the last day and the two
 * weeks after it (so that the calendar has work ahead), each at an allowed slot of the site's
 * rules (working day, office hours, never in the quiet hours) with its "within three days"
 * deadline from the day before. What became of each depends on when it fell due: long past,
 * nearly all done on time (some late, a few unreachable, refused or cancelled, some still
 * overdue or waiting for the lead); the last days, about half done; ahead, due. Every value
 * comes from the "callbacks" stream of the seed, a fixed number of draws per callback, so a
 * callback's story never shifts the next one's.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-callback-rules.h"
#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-callbacks-bulk.h"
#include "kefuctl-generate-callbacks.h"
#include "kefuctl-private.h"
#include "kefuctl-random.h"

/* Callbacks per transaction: about 1 KB each. */
#define BATCH_SIZE     25000
#define CONTACTS_PAGE  100000
#define YEARS          3
#define DAYS_AHEAD     14
/* Draws per callback: every callback takes exactly this many, whatever it became. */
#define DRAWS          18

/* Reasons, in KefuCallbackReason order, by how often a hotline makes them. */
static const guint reason_weights[] = { 30, 12, 24, 18, 8, 4, 3, 1, 0 };

static const char *const satisfied_words[] = {
  "送货很及时,希望以后继续保持", "建议增加晚上的配送时段", "安装师傅很专业",
  "希望能有更多优惠活动",
};
static const char *const so_so_words[] = {
  "等待时间有点长", "电话不太好打通", "送货员没有提前联系", "说明书不够清楚",
};
static const char *const unsatisfied_words[] = {
  "问题还没有彻底解决", "维修后又出现同样的故障", "服务态度需要改进", "上门时间一再推迟",
};

typedef struct
{
  KefuStore            *store;
  KefuctlRandom         random;
  KefuCallbackRules    *rules;
  KefuCustomerContacts *contacts;
  const GArray         *clerk_ids;
  GDateTime            *now;
  GDateTime            *first;    /* local midnight of the first day */
  guint                 n_days;
} Run;

static gboolean
load_customers (Run     *run,
                GError **error)
{
  gint64 after = 0;
  guint n_read = CONTACTS_PAGE;

  run->contacts = kefu_customer_contacts_new ();
  while (n_read == CONTACTS_PAGE)
    {
      guint len;

      if (!kefu_store_read_customer_contacts (run->store, run->contacts, after, CONTACTS_PAGE,
                                              &n_read, NULL, error))
        return FALSE;
      len = kefu_customer_contacts_get_len (run->contacts);
      if (len > 0)
        after = kefu_customer_contacts_get (run->contacts, len - 1)->id;
    }
  if (kefu_customer_contacts_get_len (run->contacts) == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no customers in %s to call back. Generate them in the same run "
                     "with --customers, or add them first."),
                   kefu_store_get_description (run->store));
      return FALSE;
    }
  return TRUE;
}

static const char *
pick (KefuctlRandom      *random,
      const char *const  *words,
      guint               n)
{
  return words[kefuctl_random_below (random, n)];
}

/* Callback `index` of `count`, made from DRAWS draws of the stream. */
static KefuCallback *
make_callback (Run     *run,
               guint64  index,
               guint64  count)
{
  KefuctlRandom *r = &run->random;
  guint32 draws[DRAWS];
  g_autoptr(KefuCallback) c = kefu_callback_new ();
  const KefuCustomerContact *customer;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) candidate = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) slot = NULL;
  GTimeSpan age;
  guint d = 0;
  guint n_reasons = 0;

  for (guint i = 0; i < DRAWS; i++)
    draws[i] = (guint32) (kefuctl_random_next (r) >> 32);
  for (guint i = 0; i < G_N_ELEMENTS (reason_weights); i++)
    n_reasons += reason_weights[i];

  customer = kefu_customer_contacts_get (run->contacts,
                                         draws[d++] % kefu_customer_contacts_get_len (run->contacts));
  c->customer_id = customer->id;
  c->customer_name = g_strdup (customer->name);
  {
    guint which = draws[d++] % n_reasons;

    c->reason = 0;
    while (which >= reason_weights[c->reason])
      which -= reason_weights[c->reason++];
  }
  c->method = draws[d] % 100 < 90 ? KEFU_CALLBACK_METHOD_PHONE
              : draws[d] % 100 < 95 ? KEFU_CALLBACK_METHOD_SMS : KEFU_CALLBACK_METHOD_EMAIL;
  d++;

  /* Evenly over the days, at a minute between 08:00 and 21:00: the first of three drawn that
   * is allowed, else the next allowed slot after the last (so the slots do not all pile up at
   * the end of a quiet time). */
  day = g_date_time_add_days (run->first, (gint) (index * run->n_days / MAX (count, 1)));
  for (guint attempt = 0; attempt < 3 && slot == NULL; attempt++)
    {
      g_clear_pointer (&candidate, g_date_time_unref);
      candidate = g_date_time_add_minutes (day, (gint) (8 * 60 + draws[d++] % (13 * 60)));
      if (kefu_callback_time_is_allowed (run->rules, NULL, candidate))
        slot = g_date_time_ref (candidate);
    }
  if (slot == NULL)
    slot = kefu_callback_next_slot (run->rules, NULL, candidate, NULL, NULL);
  if (slot == NULL)
    slot = g_date_time_ref (candidate);
  created = g_date_time_add_hours (slot, -(gint) (12 + draws[d++] % 36));
  c->created_at = g_date_time_ref (created);
  c->deadline_at = kefu_callback_deadline (run->rules, created);
  c->due_at = g_date_time_compare (slot, c->deadline_at) > 0 ? g_date_time_ref (c->deadline_at)
                                                             : g_date_time_ref (slot);
  if (run->clerk_ids->len > 0 && draws[d] % 100 < 75)
    c->assigned_to = g_array_index (run->clerk_ids, gint64, (draws[d] / 100) % run->clerk_ids->len);
  d++;

  age = g_date_time_difference (run->now, c->due_at);
  c->state = KEFU_CALLBACK_STATE_DUE;
  if (age > 3 * G_TIME_SPAN_DAY || (age > 0 && draws[d] % 100 < 50))
    {
      guint fate = draws[d + 1] % 1000;

      if (fate < 10)
        {
          c->state = KEFU_CALLBACK_STATE_CANCELLED;
          c->cancel_reason = g_strdup ("客户已销户");
        }
      else if (fate < 25 && age < 30 * G_TIME_SPAN_DAY)
        {
          /* Still to make: late, some of them waiting for the lead (older ones were closed
           * by then). */
          /* Three failed attempts send a callback to the lead; within two weeks it is still
           * waiting there, before that it has fewer attempts. */
          c->n_attempts = 1 + draws[d + 2] % (age < 14 * G_TIME_SPAN_DAY ? 3 : 2);
          c->last_outcome = KEFU_CALLBACK_OUTCOME_NO_ANSWER;
          if (c->n_attempts == 3)
            c->escalated_at = g_date_time_add_hours (c->due_at, 4);
        }
      else
        {
          /* Done: mostly on its due day, some after the deadline. */
          gint64 late_minutes = draws[d + 2] % 100 < 6 ? 24 * 60 + draws[d + 3] % (48 * 60)
                                                        : draws[d + 3] % 240;

          c->state = KEFU_CALLBACK_STATE_DONE;
          c->done_at = g_date_time_add_minutes (late_minutes >= 24 * 60 ? c->deadline_at : c->due_at,
                                                (gint) late_minutes);
          c->done_by = c->assigned_to != 0 ? c->assigned_to
                       : run->clerk_ids->len > 0
                       ? g_array_index (run->clerk_ids, gint64, draws[d + 4] % run->clerk_ids->len)
                       : 0;
          if (c->method != KEFU_CALLBACK_METHOD_PHONE)
            c->outcome = KEFU_CALLBACK_OUTCOME_SENT;
          else if (fate < 45)
            c->outcome = KEFU_CALLBACK_OUTCOME_UNREACHABLE;
          else if (fate < 60)
            c->outcome = KEFU_CALLBACK_OUTCOME_REFUSED;
          else if (fate < 65)
            c->outcome = KEFU_CALLBACK_OUTCOME_WRONG_NUMBER;
          else
            {
              guint answer = draws[d + 5] % 100;

              c->outcome = KEFU_CALLBACK_OUTCOME_REACHED;
              if (answer < 72)
                {
                  c->satisfaction = KEFU_SATISFACTION_SATISFIED;
                  if (draws[d + 6] % 100 < 10)
                    c->customer_words = g_strdup (pick (r, satisfied_words,
                                                        G_N_ELEMENTS (satisfied_words)));
                }
              else if (answer < 92)
                {
                  c->satisfaction = KEFU_SATISFACTION_SO_SO;
                  if (draws[d + 6] % 100 < 50)
                    c->customer_words = g_strdup (pick (r, so_so_words, G_N_ELEMENTS (so_so_words)));
                }
              else
                {
                  c->satisfaction = KEFU_SATISFACTION_NOT_SATISFIED;
                  c->customer_words = g_strdup (pick (r, unsatisfied_words,
                                                      G_N_ELEMENTS (unsatisfied_words)));
                }
            }
          if (c->outcome == KEFU_CALLBACK_OUTCOME_UNREACHABLE)
            c->n_attempts = 3;
          c->last_outcome = c->outcome;
          /* Nothing is done in the future. */
          if (g_date_time_compare (c->done_at, run->now) > 0)
            {
              g_date_time_unref (c->done_at);
              c->done_at = g_date_time_ref (run->now);
            }
        }
    }
  return g_steal_pointer (&c);
}

gboolean
kefuctl_generate_callbacks (KefuStore     *store,
                            guint64        seed,
                            guint64        count,
                            const GDate   *last_day,
                            const GArray  *clerk_ids,
                            GError       **error)
{
  Run run = { .store = store, .clerk_ids = clerk_ids };
  KefuctlProgress progress;
  GDate first = *last_day;
  gboolean ok = TRUE;
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (const char *p = "callbacks"; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (1099511628211);
  kefuctl_random_init (&run.random, seed ^ hash);

  run.rules = kefu_store_read_callback_rules (store, NULL, error);
  if (run.rules == NULL || !load_customers (&run, error))
    {
      g_clear_pointer (&run.rules, kefu_callback_rules_unref);
      g_clear_pointer (&run.contacts, kefu_customer_contacts_free);
      return FALSE;
    }
  g_date_subtract_years (&first, YEARS);
  g_date_add_days (&first, 1);
  run.n_days = (guint) g_date_days_between (&first, last_day) + 1 + DAYS_AHEAD;
  run.first = g_date_time_new (kefu_callback_rules_get_timezone (run.rules),
                               g_date_get_year (&first), g_date_get_month (&first),
                               g_date_get_day (&first), 0, 0, 0);
  run.now = g_date_time_new_now_utc ();

  kefuctl_progress_start (&progress);
  for (guint64 start = 0; start < count && ok; start += BATCH_SIZE)
    {
      guint64 end = MIN (count, start + BATCH_SIZE);
      g_autoptr(GPtrArray) batch = g_ptr_array_new_full ((guint) (end - start), g_object_unref);

      for (guint64 i = start; i < end; i++)
        g_ptr_array_add (batch, make_callback (&run, i, count));
      ok = kefu_store_insert_callbacks_bulk (store, batch, NULL, error);
      kefuctl_progress_update (&progress, _("Callbacks"), end, count);
    }

  if (ok)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

      g_print (_("Generated %s callbacks in %.1f s.\n"), n, kefuctl_progress_elapsed (&progress));
    }
  g_date_time_unref (run.first);
  g_date_time_unref (run.now);
  kefu_callback_rules_unref (run.rules);
  kefu_customer_contacts_free (run.contacts);
  return ok;
}
