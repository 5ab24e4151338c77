/* kefuctl-generate-calls-make.c: the maker thread of `kefuctl generate --calls`: the calls of
 * each day, one after another, from the "calls" random stream, in batches that it also has the
 * store check and work out (kefu_calls_bulk_prepare()) before handing them over.
 *
 * Every random draw is made whatever the day and time of the run: which past events have
 * happened by now (a hand-over, a notice, a dropped lead) may depend on them, the random stream
 * must not, or every later call would change.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdlib.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-settings-keys.h"
#include "kefuctl-generate-calls-private.h"
#include "kefuctl-names.h"

/* Shares of the calls' kinds, per thousand: orders, complaints, inquiries. */
static const guint kind_weights[] = { 550, 200, 250 };

/* Calls per hour of the local day, on weekdays and at weekends: the hotline opens at 8:30,
 * is busiest in the morning, quiet over lunch, busy again in the afternoon. */
static const guint weekday_hours[24] = {
  0, 0, 0, 0, 0, 0, 0, 2, 9, 14, 15, 12, 6, 8, 12, 12, 10, 6, 3, 1, 0, 0, 0, 0
};
static const guint weekend_hours[24] = {
  0, 0, 0, 0, 0, 0, 0, 1, 5, 9, 10, 9, 5, 6, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0
};

void
_kefuctl_calls_conversion_free (Conversion *conversion)
{
  g_object_unref (conversion->inquiry);
  g_free (conversion);
}

static Batch *
batch_new (guint number)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->number = number;
  batch->calls = g_ptr_array_new_full (BATCH_SIZE, g_object_unref);
  batch->leads = g_array_new (FALSE, FALSE, sizeof (KefuCallBulkLead));
  batch->times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  batch->resolve = g_ptr_array_new_with_free_func (g_object_unref);
  batch->progress = g_array_new (FALSE, FALSE, sizeof (KefuCallBulkComplaint));
  batch->alerts = g_array_new (FALSE, FALSE, sizeof (KefuCallBulkBatchAlert));
  batch->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  return batch;
}

void
_kefuctl_calls_batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->calls);
  g_array_unref (batch->leads);
  g_ptr_array_unref (batch->times);
  g_ptr_array_unref (batch->resolve);
  g_array_unref (batch->progress);
  g_array_unref (batch->alerts);
  g_ptr_array_unref (batch->owned);
  g_clear_pointer (&batch->prepared, kefu_calls_bulk_free);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* A bijection of [0, n): cycle-walking the Feistel permutation of the next power of four. */
static guint
permute_below (Generator *generator,
               guint      index,
               guint      n)
{
  guint32 value = kefuctl_permute (index, generator->perm_bits, generator->perm_key);

  while (value >= n)
    value = kefuctl_permute (value, generator->perm_bits, generator->perm_key);
  return value;
}

static guint
pick_customer (Maker *maker)
{
  Generator *generator = maker->generator;
  guint n = kefu_customer_contacts_get_len (generator->contacts);
  guint index;

  if (kefuctl_random_permille (&maker->random, 600))
    index = kefuctl_random_below (&maker->random, generator->n_regular);
  else
    index = kefuctl_random_below (&maker->random, n);
  return permute_below (generator, index, n);
}

/* A clerk who worked on day `d`: the customer's own clerk four times in ten, else anyone on
 * duty; clerks who have left took calls in the first half of the period only. */
static gint64
pick_clerk (Maker                      *maker,
            guint                       d,
            const KefuCustomerContact  *customer)
{
  Generator *generator = maker->generator;
  gboolean early = d < generator->n_days / 2;
  gint64 assigned = customer->assigned_clerk_id;

  if (assigned > 0 && g_hash_table_contains (generator->active_ids, &assigned) &&
      kefuctl_random_permille (&maker->random, 400))
    return assigned;
  if (early)
    return g_array_index (generator->clerks, Clerk,
                          kefuctl_random_below (&maker->random, generator->clerks->len)).id;
  return g_array_index (generator->active_clerks, gint64,
                        kefuctl_random_below (&maker->random, generator->active_clerks->len));
}

static gint64
pick_from (KefuctlRandom *random,
           GArray        *ids)
{
  if (ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, kefuctl_random_below (random, ids->len));
}

/* A time on `day` (local) at `hour`:`minute`, or NULL when that is not in the past. */
static GDateTime *
past_time (Generator   *generator,
           const GDate *day,
           guint        hour,
           guint        minute)
{
  GDateTime *time = g_date_time_new (generator->tz, g_date_get_year (day),
                                     g_date_get_month (day), g_date_get_day (day),
                                     (int) hour, (int) minute, 0);

  if (time != NULL && g_date_time_compare (time, generator->now) >= 0)
    g_clear_pointer (&time, g_date_time_unref);
  return time;
}

static void
set_call_common (Maker                      *maker,
                 KefuCall                   *call,
                 const KefuCustomerContact  *customer,
                 gint64                      clerk,
                 GDateTime                  *received)
{
  kefu_call_set_customer_id (call, customer->id);
  kefu_call_set_caller_name (call, customer->name);
  kefu_call_set_phone (call, customer->phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received);
  if (customer->address != NULL)
    kefu_call_set_address (call, customer->address);
}

static KefuChannel
pick_channel (KefuctlRandom              *random,
              const KefuCustomerContact  *customer)
{
  static const guint weights[] = { 55, 25, 20 };

  if (customer->channel != KEFU_CHANNEL_UNSPECIFIED)
    return customer->channel;
  return KEFU_CHANNEL_HOME_DELIVERY + kefuctl_random_weighted (random, weights, 3, 100);
}

/* An order, and what happened to it after the call. */
static void
make_order (Maker                      *maker,
            KefuCall                   *call,
            const KefuCustomerContact  *customer,
            GDateTime                  *received,
            const GDate                *day)
{
  Generator *generator = maker->generator;
  KefuctlRandom *random = &maker->random;
  KefuChannel channel = pick_channel (random, customer);
  const char *address = customer->address;
  const char *district = customer->district;
  guint where = kefuctl_random_below (random, 1000);
  KefuOrder *order;
  GDate handover;
  gint64 receiver;
  guint early, later;
  const char *note;

  /* Most orders go to the caller's home; some to a relative or an office in the city, a few
   * to somewhere the dairy does not deliver. */
  g_string_truncate (maker->text, 0);
  if (where < 10)
    {
      district = kefuctl_calls_far_address (random, maker->text);
      address = maker->text->str;
    }
  else if (where < 60 || address == NULL || district == NULL)
    {
      district = kefuctl_names_address (random, maker->text);
      address = maker->text->str;
    }
  if (kefu_call_get_address (call)[0] == '\0')
    kefu_call_set_address (call, address);

  kefuctl_calls_make_order (random, &generator->catalog, call, channel, address, district);
  order = kefu_call_get_order (call);

  /* Orders of days whose hand-over has happened were handed to the channel's sales admin a
   * little before the cut-off. Whether it has happened depends on the day of the run, so what
   * it needs is drawn either way, and the random stream stays that of the seed and --until. */
  kefu_handover_date_for_order (received, generator->cutoff, &handover);
  kefu_order_set_handover_date (order, &handover);
  receiver = pick_from (random, generator->receivers[channel]);
  early = 15 + kefuctl_random_below (random, 45);
  if (g_date_compare (&handover, &generator->today) < 0 && receiver > 0)
    {
      guint minutes = generator->cutoff - MIN (generator->cutoff, early);
      g_autoptr(GDateTime) handed = past_time (generator, &handover, minutes / 60, minutes % 60);

      if (handed != NULL)
        {
          kefu_order_set_handover_state (order, KEFU_HANDOVER_STATE_HANDED_OVER);
          kefu_order_set_handed_to_id (order, receiver);
          kefu_order_set_handed_over_at (order, handed);
        }
    }

  /* An out-of-area customer is told by the sales admin a few hours after the hand-over. What
   * is said and when is drawn for every order, whether or not it is used, so that the time of
   * day of the run cannot change the random stream (and every call after it). */
  later = 60 + kefuctl_random_below (random, 180);
  note = kefuctl_calls_area_note (random);
  if (!kefu_service_areas_contain ((const char * const *) generator->areas, district) &&
      kefu_order_get_handover_state (order) == KEFU_HANDOVER_STATE_HANDED_OVER)
    {
      g_autoptr(GDateTime) told = g_date_time_add_minutes (kefu_order_get_handed_over_at (order),
                                                           later);

      if (g_date_time_compare (told, generator->now) < 0)
        {
          kefu_order_set_area_notified_at (order, told);
          kefu_order_set_area_notified_by_id (order, receiver);
          kefu_order_set_area_note (order, note);
        }
    }
}

/* The stage a complaint of that age has reached on the board. */
static KefuComplaintStage
complaint_stage (KefuctlRandom *random,
                 guint          age_days)
{
  guint pick = kefuctl_random_below (random, 100);

  /* A month on, nearly every complaint is closed (the board would otherwise hold years of
   * them); within the month most are closed or waiting for their callback or close. */
  if (age_days > 30)
    return pick < 99 ? KEFU_COMPLAINT_STAGE_CLOSED : KEFU_COMPLAINT_STAGE_CALLED_BACK;
  if (age_days > 7)
    return pick < 60 ? KEFU_COMPLAINT_STAGE_CLOSED :
           pick < 75 ? KEFU_COMPLAINT_STAGE_CALLED_BACK :
           pick < 92 ? KEFU_COMPLAINT_STAGE_RESOLVED : KEFU_COMPLAINT_STAGE_IN_PROGRESS;
  /* NEW: the store routes it and gives it its intake stage. */
  return pick < 60 ? KEFU_COMPLAINT_STAGE_NEW : KEFU_COMPLAINT_STAGE_IN_PROGRESS;
}

static void
make_complaint (Maker                      *maker,
                KefuCall                   *call,
                const KefuCustomerContact  *customer,
                GDateTime                  *received,
                const GDate                *day,
                guint                       age_days)
{
  KefuctlRandom *random = &maker->random;
  KefuctlComplaintShape shape;
  KefuComplaintStage stage = KEFU_COMPLAINT_STAGE_NEW;

  if (maker->generator->complaints_only)
    shape = _kefuctl_complaints_shape (maker);
  else
    {
      guint pick = kefuctl_random_below (random, 1000);

      /* One complaint in eight is a misunderstanding; of the rest a little more are about the
       * product than the service, and about one complaint in a hundred is the urgent case. */
      if (pick < 120)
        shape = KEFUCTL_COMPLAINT_NOT_FOUNDED;
      else if (pick < 130)
        shape = KEFUCTL_COMPLAINT_HARMED;
      else if (pick < 600)
        shape = KEFUCTL_COMPLAINT_PRODUCT;
      else
        shape = KEFUCTL_COMPLAINT_SERVICE;
    }

  kefuctl_calls_make_complaint (random, &maker->generator->catalog, call, shape, day,
                                customer->district);
  /* --complaints decides the stage with what happened since; --calls by the age alone. */
  if (shape != KEFUCTL_COMPLAINT_NOT_FOUNDED && !maker->generator->complaints_only)
    {
      stage = complaint_stage (random, age_days);
      kefu_complaint_set_stage (kefu_call_get_complaint (call), stage);
    }
  _kefuctl_complaints_after_call (maker, call, received, day, stage);
}

/* An inquiry; a potential order's lead is converted by an order a few days later, dropped
 * after a day or two, or (when recent) still open. */
static void
make_inquiry (Maker                      *maker,
              KefuCall                   *call,
              guint                       customer,
              gint64                      clerk,
              const GDate                *day,
              guint                       age_days)
{
  Generator *generator = maker->generator;
  KefuctlRandom *random = &maker->random;
  gboolean potential = kefuctl_random_permille (random, 200);
  guint outcome, delay, hour, minute;
  gboolean same_clerk;
  const char *note;
  gint64 by;

  kefuctl_calls_make_inquiry (random, call, potential);
  if (!potential)
    return;

  /* Everything a lead's outcome may need is drawn first: which outcome applies can depend on
   * the day of the run (a recent lead is still open), the random stream must not. */
  outcome = kefuctl_random_below (random, 100);
  delay = 1 + kefuctl_random_below (random, 5);
  same_clerk = kefuctl_random_permille (random, 600);
  by = pick_from (random, generator->team_leads);
  hour = 10 + kefuctl_random_below (random, 7);
  minute = kefuctl_random_below (random, 60);
  note = kefuctl_calls_drop_note (random);
  if (outcome < 45)
    {
      Conversion *conversion = g_new0 (Conversion, 1);

      conversion->day = *day;
      g_date_add_days (&conversion->day, delay);
      if (g_date_compare (&conversion->day, &generator->last_day) > 0)
        {
          /* Too recent to be converted yet: the lead stays open. */
          g_free (conversion);
          return;
        }
      conversion->customer = customer;
      conversion->clerk = same_clerk ? clerk : 0;
      conversion->inquiry = g_object_ref (call);
      conversion->batch = maker->batch->number;
      conversion->index = maker->batch->calls->len;
      g_ptr_array_add (maker->conversions, conversion);
      return;
    }

  /* Followed up the next day or so (a lead not converted is followed up the next day); a
   * recent one may still be open. */
  if (outcome < 85 || age_days > 14)
    {
      GDate closed_day = *day;
      g_autoptr(GDateTime) closed = NULL;
      KefuCallBulkLead lead = { .inquiry = maker->batch->calls->len,
                                .state = KEFU_LEAD_STATE_DROPPED, .note = note };

      /* A lead too recent to be dropped yet stays open. */
      g_date_add_days (&closed_day, MIN (delay, 3));
      closed = past_time (generator, &closed_day, hour, minute);
      if (closed == NULL)
        return;
      lead.closed_at = closed;
      lead.closed_by = by > 0 ? by : clerk;
      g_ptr_array_add (maker->batch->times, g_steal_pointer (&closed));
      g_array_append_val (maker->batch->leads, lead);
    }
}

/* One slot of a day: a second of the day and what is called then. */
typedef struct
{
  guint32     second;
  guint32     order;      /* creation order, for ties */
  KefuCallKind kind;
  Conversion *conversion; /* an order converting this lead, or NULL */
} Slot;

static int
compare_slots (const void *a,
               const void *b)
{
  const Slot *sa = a, *sb = b;

  if (sa->second != sb->second)
    return sa->second < sb->second ? -1 : 1;
  return sa->order < sb->order ? -1 : sa->order > sb->order;
}

static guint32
pick_second (KefuctlRandom *random,
             const GDate   *day)
{
  GDateWeekday weekday = g_date_get_weekday (day);
  const guint *hours = weekday >= G_DATE_SATURDAY ? weekend_hours : weekday_hours;
  guint total = 0, hour;

  for (guint h = 0; h < 24; h++)
    total += hours[h];
  hour = kefuctl_random_weighted (random, hours, 24, total);
  return hour * 3600 + kefuctl_random_below (random, 3600);
}

/* A second of `day`; on today (--until today), one that has passed. */
static guint32
pick_past_second (Maker       *maker,
                  const GDate *day)
{
  Generator *generator = maker->generator;
  guint32 second = pick_second (&maker->random, day);
  guint32 limit;

  if (g_date_compare (day, &generator->today) != 0)
    return second;
  limit = (guint32) (g_date_time_get_hour (generator->now) * 3600 +
                     g_date_time_get_minute (generator->now) * 60 +
                     g_date_time_get_second (generator->now));
  /* The hotline's day up to now, or when it has hardly begun, the hours that have passed. */
  for (guint tries = 0; second >= limit && tries < 50; tries++)
    second = pick_second (&maker->random, day);
  return second < limit ? second : (guint32) ((guint64) second * limit / (24 * 3600));
}

static void
push_batch (Maker *maker)
{
  Batch *batch = maker->batch;
  const KefuCallBulkLead *leads = (const KefuCallBulkLead *) (gpointer) batch->leads->data;

  batch->prepared = kefu_calls_bulk_prepare (batch->calls, leads, batch->leads->len,
                                             &batch->error);
  if (batch->prepared != NULL &&
      !kefu_calls_bulk_set_complaints (batch->prepared,
                                       (const KefuCallBulkComplaint *) (gpointer)
                                       batch->progress->data, batch->progress->len,
                                       (const KefuCallBulkBatchAlert *) (gpointer)
                                       batch->alerts->data, batch->alerts->len, &batch->error))
    g_clear_pointer (&batch->prepared, kefu_calls_bulk_free);
  g_async_queue_push (maker->ready, batch);
  maker->batch = NULL;
}

/* Starts a new batch once the maker may (the store has taken the one before the previous). */
static gboolean
ensure_batch (Maker *maker)
{
  Batch *spent = NULL;

  if (maker->batch != NULL && maker->batch->calls->len < BATCH_SIZE)
    return TRUE;
  if (maker->batch != NULL)
    push_batch (maker);
  if (g_async_queue_pop (maker->wanted) != MAKE_BATCH)
    return FALSE;
  /* The store has stored the batch before the one it now takes: that one is spent. */
  while ((spent = g_async_queue_try_pop (maker->spent)) != NULL)
    _kefuctl_calls_batch_free (spent);
  maker->batch = batch_new (maker->n_batches++);
  return TRUE;
}

static gboolean
make_slot_call (Maker       *maker,
                guint        d,
                const GDate *day,
                Slot        *slot)
{
  Generator *generator = maker->generator;
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(GDateTime) received = NULL;
  const KefuCustomerContact *customer;
  guint customer_index;
  gint64 clerk;
  guint age = (guint) g_date_days_between (day, &generator->today);

  if (!ensure_batch (maker))
    return FALSE;

  received = g_date_time_new (generator->tz, g_date_get_year (day), g_date_get_month (day),
                              g_date_get_day (day), (int) (slot->second / 3600),
                              (int) (slot->second / 60 % 60), (double) (slot->second % 60));
  customer_index = slot->conversion != NULL ? slot->conversion->customer : pick_customer (maker);
  customer = kefu_customer_contacts_get (generator->contacts, customer_index);
  clerk = slot->conversion != NULL && slot->conversion->clerk > 0 ?
          slot->conversion->clerk : pick_clerk (maker, d, customer);
  set_call_common (maker, call, customer, clerk, received);

  switch (slot->kind)
    {
    case KEFU_CALL_KIND_ORDER:
      make_order (maker, call, customer, received, day);
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      make_complaint (maker, call, customer, received, day, age);
      break;
    case KEFU_CALL_KIND_INQUIRY:
      make_inquiry (maker, call, customer_index, clerk, day, age);
      break;
    default:
      g_assert_not_reached ();
    }

  if (slot->conversion != NULL)
    {
      Conversion *conversion = slot->conversion;

      if (conversion->batch == maker->batch->number)
        {
          KefuCallBulkLead lead = { .inquiry = conversion->index,
                                    .state = KEFU_LEAD_STATE_CONVERTED,
                                    .order = maker->batch->calls->len };

          g_array_append_val (maker->batch->leads, lead);
        }
      else
        {
          g_ptr_array_add (maker->batch->resolve, g_object_ref (call));
          g_ptr_array_add (maker->batch->resolve, g_object_ref (conversion->inquiry));
        }
    }

  maker->batch->n_kind[slot->kind]++;
  g_ptr_array_add (maker->batch->calls, g_steal_pointer (&call));
  return TRUE;
}

static gboolean
make_day (Maker  *maker,
          guint   d,
          GDate  *day)
{
  Generator *generator = maker->generator;
  guint64 n = generator->per_day[d];
  g_autofree Slot *slots = g_new0 (Slot, MAX (n, 1));
  g_autoptr(GPtrArray) due =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kefuctl_calls_conversion_free);
  guint n_slots = 0;
  gboolean ok = TRUE;

  /* Leads due today are converted first; those the day has no room for wait a day. */
  for (guint i = 0; i < maker->conversions->len && due->len < n;)
    {
      Conversion *conversion = g_ptr_array_index (maker->conversions, i);

      if (g_date_compare (&conversion->day, day) <= 0)
        g_ptr_array_add (due, g_ptr_array_steal_index (maker->conversions, i));
      else
        i++;
    }

  for (guint i = 0; i < n; i++)
    {
      Slot *slot = &slots[n_slots];

      slot->order = n_slots;
      slot->second = pick_past_second (maker, day);
      if (i < due->len)
        {
          slot->conversion = g_ptr_array_index (due, i);
          slot->kind = KEFU_CALL_KIND_ORDER;
        }
      else if (generator->complaints_only)
        slot->kind = KEFU_CALL_KIND_COMPLAINT;
      else
        slot->kind = kefuctl_random_weighted (&maker->random, kind_weights, 3, 1000);
      n_slots++;
    }
  qsort (slots, n_slots, sizeof (Slot), compare_slots);

  for (guint i = 0; i < n_slots && ok; i++)
    ok = make_slot_call (maker, d, day, &slots[i]);
  return ok;
}

gpointer
_kefuctl_calls_make_batches (gpointer data)
{
  Maker *maker = data;
  Generator *generator = maker->generator;
  GDate day = generator->first_day;
  gboolean ok = TRUE;

  for (guint d = 0; d < generator->n_days && ok; d++, g_date_add_days (&day, 1))
    ok = make_day (maker, d, &day);
  if (ok && maker->batch != NULL)
    push_batch (maker);
  g_clear_pointer (&maker->batch, _kefuctl_calls_batch_free);
  return NULL;
}
