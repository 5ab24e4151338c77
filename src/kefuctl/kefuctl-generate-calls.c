/* kefuctl-generate-calls.c: `kefuctl generate --calls N`, a dairy hotline's three years.
 *
 * This file sets the run up and stores the batches; the calls are made day by day, oldest
 * first, on a second thread one batch ahead of the store (as the customers are;
 * kefuctl-generate-calls-make.c), which also has the store check and work out each batch
 * (kefu_calls_bulk_prepare()), so that the storing thread only inserts. Each day gets its share
 * of the calls (weekdays busier than weekends, the business growing slowly), each call a time
 * from the hotline's day (peaks in the morning and the afternoon), a kind (55% orders, 20%
 * complaints, 25% inquiries), a customer (a fifth of the customers make most of the calls) and
 * a clerk (often the customer's own). What happened after the call is filled in as the app
 * would have recorded it by now: orders of past days handed over to their channel's sales
 * admin, out-of-area customers told, complaints worked through their stages, leads converted
 * by a later order of the same customer or dropped.
 *
 * Everything comes from the "calls" random stream of the seed, the customers and staff in the
 * database and the last day, so the same database, seed and day give the same calls.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdlib.h>

#include "core/kefu-roles.h"
#include "core/kefu-settings-keys.h"
#include "kefuctl-generate-calls.h"
#include "kefuctl-generate-calls-private.h"
#include "kefuctl-private.h"

#define YEARS 3
/* Customers are read in pages of this many. */
#define CONTACTS_PAGE 100000

/* Monday is the busiest day (the weekend's problems), Sunday the quietest. */
static const guint weekday_weights[8] = { 0, 118, 108, 104, 100, 102, 66, 52 };

/* Setting up */

static void
stream_init (KefuctlRandom *random,
             guint64        seed,
             const char    *kind)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  /* As kefuctl-generate.c: each kind of record draws from the seed mixed with its name. */
  for (const char *p = kind; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (1099511628211);
  kefuctl_random_init (random, seed ^ hash);
}

static gboolean
load_staff (Generator  *generator,
            GError    **error)
{
  g_autoptr(GListModel) members = kefu_store_list_staff (generator->store, FALSE, NULL, error);
  guint n;

  if (members == NULL)
    return FALSE;

  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (members, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (member));
      gboolean active = kefu_staff_get_active (member);
      KefuRole role = kefu_staff_get_role (member);

      if (role == KEFU_ROLE_CLERK)
        {
          Clerk clerk = { id, active };

          g_array_append_val (generator->clerks, clerk);
          if (active)
            {
              g_array_append_val (generator->active_clerks, id);
              g_hash_table_add (generator->active_ids, g_memdup2 (&id, sizeof id));
            }
        }
      if (!active)
        continue;
      if (role == KEFU_ROLE_TEAM_LEAD)
        g_array_append_val (generator->team_leads, id);
      for (KefuChannel channel = KEFU_CHANNEL_HOME_DELIVERY; channel <= KEFU_CHANNEL_SUPERMARKET;
           channel++)
        {
          KefuRole receiver;

          if (kefu_channel_get_order_receiver (channel, &receiver) && receiver == role)
            g_array_append_val (generator->receivers[channel], id);
        }
    }

  if (generator->active_clerks->len == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no active clerks in %s to take the calls. Add staff first, for "
                     "example with “kefuctl demo”."),
                   kefu_store_get_description (generator->store));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_customers (Generator  *generator,
                GError    **error)
{
  gint64 after = 0;
  guint n_read = CONTACTS_PAGE;
  guint n;

  generator->contacts = kefu_customer_contacts_new ();
  while (n_read == CONTACTS_PAGE)
    {
      guint len;

      if (!kefu_store_read_customer_contacts (generator->store, generator->contacts, after,
                                              CONTACTS_PAGE, &n_read, NULL, error))
        return FALSE;
      len = kefu_customer_contacts_get_len (generator->contacts);
      if (len > 0)
        after = kefu_customer_contacts_get (generator->contacts, len - 1)->id;
    }

  n = kefu_customer_contacts_get_len (generator->contacts);
  if (n == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no customers in %s to make the calls. Generate them in the same "
                     "run with --customers, or add them first."),
                   kefu_store_get_description (generator->store));
      return FALSE;
    }

  /* A fifth of the customers are regulars who make most of the calls; which ones is a
   * permutation of the index, so that they are spread over every district and age of record. */
  generator->n_regular = MAX (1, n / 5);
  generator->perm_bits = 2;
  while (generator->perm_bits < 32 && (G_GUINT64_CONSTANT (1) << generator->perm_bits) < n)
    generator->perm_bits += 2;
  return TRUE;
}

static gboolean
load_rules (Generator  *generator,
            GError    **error)
{
  g_autofree char *cutoff = NULL;
  g_autofree char *areas = NULL;
  g_autoptr(GError) local_error = NULL;

  cutoff = kefu_store_get_setting (generator->store, KEFU_SETTING_HANDOVER_CUTOFF, NULL,
                                   &local_error);
  if (local_error == NULL)
    areas = kefu_store_get_setting (generator->store, KEFU_SETTING_SERVICE_AREAS, NULL,
                                    &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The same rules as the store applies, so that what is filled in here agrees with it. */
  if (cutoff == NULL || !kefu_setting_parse_time_of_day (cutoff, &generator->cutoff, NULL))
    kefu_setting_parse_time_of_day (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF),
                                    &generator->cutoff, NULL);
  generator->areas = kefu_setting_parse_service_areas (areas != NULL ? areas : "", NULL);
  if (generator->areas == NULL)
    generator->areas = g_new0 (char *, 1);
  return TRUE;
}

typedef struct
{
  guint   day;
  guint64 remainder;
} Remainder;

static int
compare_remainders (const void *a,
                    const void *b)
{
  const Remainder *ra = a, *rb = b;

  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;
  return ra->day < rb->day ? -1 : ra->day > rb->day;
}

/* Each day's share of the calls, in whole calls that add up to the count exactly. */
static void
plan_days (Generator *generator)
{
  g_autofree guint64 *weights = g_new0 (guint64, generator->n_days);
  g_autofree Remainder *remainders = g_new0 (Remainder, generator->n_days);
  guint64 total = 0, given = 0;
  GDate day = generator->first_day;

  for (guint d = 0; d < generator->n_days; d++, g_date_add_days (&day, 1))
    {
      /* A slowly growing business: the last year has a third more calls than the first. */
      weights[d] = weekday_weights[g_date_get_weekday (&day)] *
                   (guint64) (850 + 300 * d / generator->n_days);
      total += weights[d];
    }

  generator->per_day = g_new0 (guint64, generator->n_days);
  for (guint d = 0; d < generator->n_days; d++)
    {
      /* count × weight stays below 2^63 for every count kefuctl accepts (10^8 × 3·10^5). */
      guint64 product = generator->count * weights[d];

      generator->per_day[d] = product / total;
      remainders[d].day = d;
      remainders[d].remainder = product % total;
      given += generator->per_day[d];
    }
  qsort (remainders, generator->n_days, sizeof (Remainder), compare_remainders);
  for (guint i = 0; given < generator->count; i++, given++)
    generator->per_day[remainders[i % generator->n_days].day]++;
}

/* Storing */

static void
resolve_leads (Batch *batch)
{
  /* The inquiries are in batches stored before: their leads have ids by now. */
  for (guint i = 0; i + 1 < batch->resolve->len; i += 2)
    {
      KefuCall *order_call = g_ptr_array_index (batch->resolve, i);
      KefuCall *inquiry_call = g_ptr_array_index (batch->resolve, i + 1);

      kefu_order_set_lead_id (kefu_call_get_order (order_call),
                              kefu_inquiry_get_lead_id (kefu_call_get_inquiry (inquiry_call)));
    }
}

static void
print_summary (Generator     *generator,
               const guint64  n_kind[3],
               guint64        n_leads,
               double         seconds)
{
  g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, generator->count);
  double rate = seconds > 0 ? generator->count / seconds : 0.0;

  /* Numbers travel as text: xgettext cannot read G_GUINT64_FORMAT inside a string. */
  if (generator->complaints_only)
    {
      g_autofree char *open = g_strdup_printf ("%" G_GUINT64_FORMAT, generator->n_open);
      g_autofree char *overdue = g_strdup_printf ("%" G_GUINT64_FORMAT, generator->n_overdue);
      g_autofree char *alerts = g_strdup_printf ("%" G_GUINT64_FORMAT, generator->n_alerts);

      g_print (_("Generated %s complaint calls (%s still open, %s of them past their deadline; "
                 "%s batch alerts) in %.1f s (%.0f per second).\n"),
               n, open, overdue, alerts, seconds, rate);
    }
  else
    {
      g_autofree char *orders = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                 n_kind[KEFU_CALL_KIND_ORDER]);
      g_autofree char *complaints = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                     n_kind[KEFU_CALL_KIND_COMPLAINT]);
      g_autofree char *inquiries = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                    n_kind[KEFU_CALL_KIND_INQUIRY]);
      g_autofree char *leads = g_strdup_printf ("%" G_GUINT64_FORMAT, n_leads);

      g_print (_("Generated %s calls (%s orders, %s complaints, %s inquiries with %s leads) in "
                 "%.1f s (%.0f per second).\n"),
               n, orders, complaints, inquiries, leads, seconds, rate);
    }
}

static gboolean
store_batches (Generator  *generator,
               Maker      *maker,
               GError    **error)
{
  KefuctlProgress progress;
  guint64 done = 0, n_kind[3] = { 0 }, n_leads = 0;
  gint64 first_call_id = 0;
  gint64 n_updated;
  double seconds;

  kefuctl_progress_start (&progress);
  while (done < generator->count)
    {
      Batch *batch = g_async_queue_pop (maker->ready);

      /* The next batch is made while this one is stored. */
      if (done + batch->calls->len < generator->count)
        g_async_queue_push (maker->wanted, MAKE_BATCH);

      resolve_leads (batch);
      if (batch->prepared == NULL ||
          !kefu_store_insert_calls_prepared (generator->store, batch->prepared, NULL, error))
        {
          if (batch->error != NULL)
            g_propagate_error (error, g_steal_pointer (&batch->error));
          _kefuctl_calls_batch_free (batch);
          return FALSE;
        }

      if (first_call_id == 0)
        first_call_id = kefu_record_get_id (g_ptr_array_index (batch->calls, 0));
      for (guint k = 0; k < 3; k++)
        n_kind[k] += batch->n_kind[k];
      for (guint i = 0; i < batch->calls->len; i++)
        {
          KefuCall *call = g_ptr_array_index (batch->calls, i);

          if (kefu_call_get_kind (call) == KEFU_CALL_KIND_INQUIRY &&
              kefu_inquiry_get_lead_id (kefu_call_get_inquiry (call)) != 0)
            n_leads++;
        }
      done += batch->calls->len;
      g_async_queue_push (maker->spent, batch);
      kefuctl_progress_update (&progress, generator->complaints_only ? _("Complaints")
                                                                     : _("Calls"),
                               done, generator->count);
    }
  seconds = kefuctl_progress_elapsed (&progress);

  print_summary (generator, n_kind, n_leads, seconds);

  /* Once, after every batch: a customer's last contact is their newest call of all. */
  kefuctl_progress_start (&progress);
  n_updated = kefu_store_update_last_contacts (generator->store, first_call_id, NULL, error);
  if (n_updated < 0)
    return FALSE;
  {
    g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, n_updated);

    g_print (_("Updated the last contact of %s customers in %.1f s.\n"), n,
             kefuctl_progress_elapsed (&progress));
  }
  return TRUE;
}

static void
generator_clear (Generator *generator)
{
  g_clear_pointer (&generator->per_day, g_free);
  g_clear_pointer (&generator->now, g_date_time_unref);
  g_clear_pointer (&generator->tz, g_time_zone_unref);
  g_clear_pointer (&generator->clerks, g_array_unref);
  g_clear_pointer (&generator->active_clerks, g_array_unref);
  g_clear_pointer (&generator->active_ids, g_hash_table_unref);
  g_clear_pointer (&generator->team_leads, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (generator->receivers); i++)
    g_clear_pointer (&generator->receivers[i], g_array_unref);
  kefuctl_catalog_clear (&generator->catalog);
  g_clear_pointer (&generator->contacts, kefu_customer_contacts_free);
  g_clear_pointer (&generator->areas, g_strfreev);
  _kefuctl_complaints_clear (generator);
}

static gboolean
generate (KefuStore    *store,
          guint64       seed,
          guint64       count,
          gboolean      complaints_only,
          double        open_share,
          const GDate  *last_day,
          GError      **error)
{
  Generator generator = { 0 };
  Maker maker = { 0 };
  KefuctlRandom keys;
  GThread *thread;
  gboolean ok;

  if (count == 0)
    return TRUE;

  generator.store = store;
  generator.seed = seed;
  generator.count = count;
  generator.complaints_only = complaints_only;
  generator.open_share = open_share;
  generator.tz = g_time_zone_new_local ();
  generator.now = g_date_time_new_now (generator.tz);
  g_date_clear (&generator.today, 1);
  g_date_set_dmy (&generator.today, g_date_time_get_day_of_month (generator.now),
                  g_date_time_get_month (generator.now), g_date_time_get_year (generator.now));
  generator.last_day = *last_day;
  generator.first_day = *last_day;
  g_date_subtract_years (&generator.first_day, YEARS);
  g_date_add_days (&generator.first_day, 1);
  generator.n_days = (guint) g_date_days_between (&generator.first_day, &generator.last_day) + 1;
  generator.clerks = g_array_new (FALSE, FALSE, sizeof (Clerk));
  generator.active_clerks = g_array_new (FALSE, FALSE, sizeof (gint64));
  generator.active_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  generator.team_leads = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (generator.receivers); i++)
    generator.receivers[i] = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = load_staff (&generator, error) &&
       kefuctl_catalog_load (&generator.catalog, store, error) &&
       load_rules (&generator, error) &&
       load_customers (&generator, error);
  if (!ok)
    {
      generator_clear (&generator);
      return FALSE;
    }

  plan_days (&generator);
  if (!_kefuctl_complaints_setup (&generator, error))
    {
      generator_clear (&generator);
      return FALSE;
    }
  /* The complaints' own calls come from a stream of their own, so that --complaints and
   * --calls of one seed are different calls. */
  stream_init (&maker.random, seed, complaints_only ? "complaints" : "calls");
  stream_init (&maker.progress, seed, "complaint-progress");
  _kefuctl_complaints_maker_init (&maker);
  stream_init (&keys, seed, "calls-regulars");
  generator.perm_key = kefuctl_random_next (&keys);

  maker.generator = &generator;
  maker.wanted = g_async_queue_new ();
  maker.ready = g_async_queue_new_full ((GDestroyNotify) _kefuctl_calls_batch_free);
  maker.spent = g_async_queue_new_full ((GDestroyNotify) _kefuctl_calls_batch_free);
  maker.conversions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _kefuctl_calls_conversion_free);
  maker.text = g_string_new (NULL);
  g_async_queue_push (maker.wanted, MAKE_BATCH);
  thread = g_thread_new ("kefuctl-calls", _kefuctl_calls_make_batches, &maker);

  ok = store_batches (&generator, &maker, error);

  /* After a failure the maker may be waiting for the word to make another batch. */
  if (!ok)
    g_async_queue_push (maker.wanted, STOP);
  g_thread_join (thread);
  g_async_queue_unref (maker.wanted);
  g_async_queue_unref (maker.ready);
  g_async_queue_unref (maker.spent);
  g_ptr_array_unref (maker.conversions);
  g_string_free (maker.text, TRUE);
  _kefuctl_complaints_maker_clear (&maker);
  generator_clear (&generator);
  return ok;
}

gboolean
kefuctl_generate_calls (KefuStore    *store,
                        guint64       seed,
                        guint64       count,
                        const GDate  *last_day,
                        GError      **error)
{
  return generate (store, seed, count, FALSE, 0, last_day, error);
}

gboolean
kefuctl_generate_complaints (KefuStore    *store,
                             guint64       seed,
                             guint64       count,
                             double        open_share,
                             const GDate  *last_day,
                             GError      **error)
{
  return generate (store, seed, count, TRUE, open_share, last_day, error);
}
