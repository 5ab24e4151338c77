/* kefuctl-demo-calls.c: the demo's hotline calls.
 *
 * A busy day today (about forty calls of all three kinds: a couple of urgent complaints, orders
 * from outside the service area, open leads), the week before it (its orders handed over, an
 * out-of-area customer told, leads converted by a later order or dropped), and one or two
 * earlier calls of each of today's callers, so that every history has something in it.
 *
 * Every call is saved with kefu_store_save_call() as the demo clerk who took it (the store's
 * actor is set per call), and the hand-overs, notices and dropped leads are made as the team lead
 * and sales admins would make them, so routing, references, hand-over dates and leads come out
 * exactly as the application makes them. The plan comes from a fixed seed
 * (kefuctl-demo-calls-plan.c); each call is looked up by its customer and local day first, so a
 * second run on the same day adds nothing.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdlib.h>

#include "core/kefu-roles.h"
#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-clock.h"
#include "kefuctl-calls.h"
#include "kefuctl-demo-calls-private.h"
#include "kefuctl-demo-clock.h"
#include "kefuctl-names.h"
#include "kefuctl-private.h"
#include "kefuctl-random.h"

#define DEMO_CALLS_SEED  G_GUINT64_CONSTANT (20261128)
static const char *const clerk_logins[] = {
  "wangfang", "lina", "zhangjing", "liuyang", "chenmin", "yangli",
};
#define TEAM_LEAD_LOGIN   "zhaolijuan"
#define SALES_ADMIN_LOGIN "maxiuying"
#define DEPOT_ADMIN_LOGIN "zhuhongmei"

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gint64
staff_id (GHashTable *staff_ids,
          const char *login)
{
  gint64 *id = g_hash_table_lookup (staff_ids, login);

  return id != NULL ? *id : 0;
}

/* Customers and what they have */

static KefuCustomer *
demo_customer (DemoCalls  *demo,
               guint       index,
               GError    **error)
{
  gpointer key = GUINT_TO_POINTER (index + 1);
  g_autoptr(GListModel) found = NULL;
  KefuCustomer *customer;
  char phone[16];

  if (g_hash_table_lookup_extended (demo->customers, key, NULL, (gpointer *) &customer))
    return customer;

  kefuctl_names_mobile (KEFUCTL_NAMES_DEMO_REGION * KEFUCTL_NAMES_MOBILE_REGION_SIZE + index,
                        phone);
  found = kefu_store_find_customers_by_phone (demo->store, phone, 1, NULL, error);
  if (found == NULL)
    return NULL;
  /* A demo customer deleted by hand has no calls made for them. */
  customer = g_list_model_get_n_items (found) > 0 ? g_list_model_get_item (found, 0) : NULL;
  g_hash_table_insert (demo->customers, key, customer);
  return customer;
}

static char *
day_key (gint64       customer_id,
         GDateTime   *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_strdup_printf ("%" G_GINT64_FORMAT "/%04d%02d%02d", customer_id,
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
}

/* TRUE when the customer already has a call on the day of `received` (an earlier demo run). */
static gboolean
already_called (DemoCalls     *demo,
                KefuCustomer  *customer,
                GDateTime     *received,
                gboolean      *called,
                GError       **error)
{
  gint64 id = kefu_record_get_id (KEFU_RECORD (customer));
  g_autofree char *key = day_key (id, received);

  if (!g_hash_table_contains (demo->histories_read, &id))
    {
      g_autoptr(GListModel) history = NULL;
      guint n;

      history = kefu_store_list_customer_history (demo->store, id, 1000, NULL, error);
      if (history == NULL)
        return FALSE;
      n = g_list_model_get_n_items (history);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KefuHistoryEntry) entry = g_list_model_get_item (history, i);

          g_hash_table_add (demo->called_days,
                            day_key (id, kefu_history_entry_get_occurred_at (entry)));
        }
      g_hash_table_add (demo->histories_read, g_memdup2 (&id, sizeof id));
    }
  *called = g_hash_table_contains (demo->called_days, key);
  return TRUE;
}

/* The lead of a potential order taken on an earlier run (the order converting it was not saved
 * then), found among the open leads by its call. */
static gint64
find_open_lead (DemoCalls   *demo,
                gint64       customer_id,
                GError     **error)
{
  g_autoptr(GListModel) leads = kefu_store_list_leads (demo->store, KEFU_LEAD_STATE_OPEN, NULL,
                                                       error);

  if (leads == NULL)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (leads); i++)
    {
      g_autoptr(KefuLead) lead = g_list_model_get_item (leads, i);

      if (kefu_lead_get_customer_id (lead) == customer_id)
        return kefu_record_get_id (KEFU_RECORD (lead));
    }
  return 0;
}

/* Making and saving a call */

static gint64
pick_clerk (DemoCalls    *demo,
            KefuCustomer *customer)
{
  gint64 assigned = kefu_customer_get_assigned_clerk_id (customer);

  /* Half the time the customer reaches their own clerk. */
  if (assigned > 0 && kefuctl_random_permille (&demo->random, 500))
    for (guint i = 0; i < demo->clerks->len; i++)
      if (g_array_index (demo->clerks, gint64, i) == assigned)
        return assigned;
  return g_array_index (demo->clerks, gint64, kefuctl_random_below (&demo->random,
                                                                    demo->clerks->len));
}

/* The bad batch: the first everyday product, made nine days before today on line B. */
static void
set_bad_batch (DemoCalls     *demo,
               KefuComplaint *complaint)
{
  KefuctlCatalog *catalog = &demo->catalog;
  KefuProduct *product;
  const char *spec;
  g_autofree char *subject = NULL;
  char batch[24];
  GDate made = demo->today;

  if (catalog->n_food == 0)
    return;
  product = g_ptr_array_index (catalog->products, catalog->food[0]);
  spec = kefu_product_get_spec (product);
  subject = spec != NULL && spec[0] != '\0' ?
            g_strdup_printf ("%s %s", kefu_product_get_name (product), spec) :
            g_strdup (kefu_product_get_name (product));
  g_date_subtract_days (&made, 9);
  g_snprintf (batch, sizeof batch, "%02u%02u%02u-B2-07", g_date_get_year (&made) % 100,
              g_date_get_month (&made), g_date_get_day (&made));
  kefu_complaint_set_subject (complaint, subject);
  kefu_complaint_set_product_id (complaint, kefu_record_get_id (KEFU_RECORD (product)));
  kefu_complaint_set_production_date (complaint, &made);
  kefu_complaint_set_batch_number (complaint, batch);
}

static void
fill_call (DemoCalls    *demo,
           KefuCall     *call,
           KefuCustomer *customer,
           const GDate  *day,
           PlanKind      kind)
{
  KefuctlRandom *random = &demo->random;
  const char *address = kefu_customer_get_address (customer);
  const char *district = kefu_customer_get_district (customer);
  KefuChannel channel = kefu_customer_get_channel (customer);

  if (channel == KEFU_CHANNEL_UNSPECIFIED)
    channel = KEFU_CHANNEL_HOME_DELIVERY + kefuctl_random_below (random, 3);

  switch (kind)
    {
    case PLAN_ORDER_FAR:
      /* A relative outside the area, or the customer's new home there. */
      g_string_truncate (demo->text, 0);
      district = kefuctl_calls_far_address (random, demo->text);
      kefuctl_calls_make_order (random, &demo->catalog, call, KEFU_CHANNEL_HOME_DELIVERY,
                                demo->text->str, district);
      break;
    case PLAN_ORDER:
    case PLAN_ORDER_CONVERTING:
      kefuctl_calls_make_order (random, &demo->catalog, call, channel, address, district);
      break;
    case PLAN_PRODUCT:
      kefuctl_calls_make_complaint (random, &demo->catalog, call, KEFUCTL_COMPLAINT_PRODUCT,
                                    day, district);
      break;
    case PLAN_SERVICE:
      kefuctl_calls_make_complaint (random, &demo->catalog, call, KEFUCTL_COMPLAINT_SERVICE,
                                    day, district);
      break;
    case PLAN_HARMED:
      kefuctl_calls_make_complaint (random, &demo->catalog, call, KEFUCTL_COMPLAINT_HARMED,
                                    day, district);
      break;
    case PLAN_PRODUCT_BATCH:
      kefuctl_calls_make_complaint (random, &demo->catalog, call, KEFUCTL_COMPLAINT_PRODUCT,
                                    day, district);
      set_bad_batch (demo, kefu_call_get_complaint (call));
      break;
    case PLAN_UNROUTED:
      kefuctl_calls_make_complaint (random, &demo->catalog, call, KEFUCTL_COMPLAINT_SERVICE,
                                    day, district);
      break;
    case PLAN_NOT_FOUNDED:
      kefuctl_calls_make_complaint (random, &demo->catalog, call, KEFUCTL_COMPLAINT_NOT_FOUNDED,
                                    day, district);
      break;
    case PLAN_INQUIRY:
      kefuctl_calls_make_inquiry (random, call, FALSE);
      break;
    case PLAN_INQUIRY_LEAD:
    case PLAN_INQUIRY_DROPPED:
      kefuctl_calls_make_inquiry (random, call, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Saves the planned call `call` as it would have been saved (the store's actor and clock set by
 * the caller). */
static gboolean
save_call_now (DemoCalls  *demo,
               Planned    *planned,
               KefuCall   *call,
               GDateTime  *received,
               GError    **error)
{
  if (planned->kind == PLAN_UNROUTED)
    {
      /* Saving routes every complaint to the departments the demo has, so the one that
       * reached nobody yet comes in as a hotline's history does, left New. */
      g_autoptr(GPtrArray) calls = g_ptr_array_new ();
      g_autoptr(KefuCallsBulk) bulk = NULL;
      KefuCallBulkComplaint unrouted = { .complaint = 0, .stage = KEFU_COMPLAINT_STAGE_NEW,
                                         .stage_since = received };

      g_ptr_array_add (calls, call);
      bulk = kefu_calls_bulk_prepare (calls, NULL, 0, error);
      if (bulk == NULL ||
          !kefu_calls_bulk_set_complaints (bulk, &unrouted, 1, NULL, 0, error) ||
          !kefu_store_insert_calls_prepared (demo->store, bulk, NULL, error) ||
          kefu_store_update_last_contacts (demo->store, kefu_record_get_id (KEFU_RECORD (call)),
                                           NULL, error) < 0)
        return FALSE;
    }
  else if (!kefu_store_save_call (demo->store, call, NULL, error))
    return FALSE;
  return TRUE;
}

static gboolean
save_planned (DemoCalls  *demo,
              Planned    *planned,
              guint      *added,
              guint      *present,
              GError    **error)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(GDateTime) received = NULL;
  KefuCustomer *customer;
  gint64 customer_id;
  GDate day = demo->today;
  guint minute = planned->minute;
  gboolean called = FALSE;
  gint64 clerk;

  /* Every random choice is drawn before deciding whether to skip the call, so that a call is
   * the same whether or not the ones before it were already there. */
  customer = demo_customer (demo, planned->customer, error);
  if (customer == NULL)
    return error == NULL || *error == NULL;
  customer_id = kefu_record_get_id (KEFU_RECORD (customer));
  clerk = pick_clerk (demo, customer);
  g_date_subtract_days (&day, planned->days_ago);
  if (planned->days_ago == 0)
    minute = _kefuctl_demo_calls_today_minute (demo, minute);
  received = g_date_time_new (demo->tz, g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), (int) (minute / 60), (int) (minute % 60),
                              planned->days_ago > 0 ? kefuctl_random_below (&demo->random, 60) : 0);
  fill_call (demo, call, customer, &day, planned->kind);

  if (!already_called (demo, customer, received, &called, error))
    return FALSE;
  if (called)
    {
      (*present)++;
      return TRUE;
    }

  kefu_call_set_customer_id (call, customer_id);
  kefu_call_set_caller_name (call, kefu_customer_get_name (customer));
  kefu_call_set_address (call, kefu_customer_get_address (customer));
  kefu_call_set_phone (call, kefu_customer_get_primary_phone (customer));
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received);

  if (planned->kind == PLAN_ORDER_CONVERTING)
    {
      gint64 *lead = g_hash_table_lookup (demo->leads, GINT_TO_POINTER (planned->link + 1));
      gint64 lead_id = lead != NULL ? *lead : find_open_lead (demo, customer_id, error);

      if (lead_id < 0)
        return FALSE;
      kefu_order_set_lead_id (kefu_call_get_order (call), lead_id);
    }

  /* The clerk who takes the call is the one the store records it against, a minute after it
   * came in (the store's clock, kefu-store-clock.h): its events, and its complaint's routing,
   * say when the call was saved, not when the demo ran. */
  kefu_store_set_actor (demo->store, clerk);
  {
    g_autoptr(GDateTime) one_minute = g_date_time_add_minutes (received, 1);

    kefu_store_set_clock (demo->store,
                          g_date_time_compare (one_minute, demo->now) < 0 ? one_minute : demo->now);
  }
  if (!save_call_now (demo, planned, call, received, error))
    {
      kefuctl_demo_reset_clock (demo->store);
      return FALSE;
    }
  kefuctl_demo_reset_clock (demo->store);
  g_hash_table_add (demo->called_days, day_key (customer_id, received));
  (*added)++;

  if (kefu_call_get_kind (call) == KEFU_CALL_KIND_INQUIRY &&
      kefu_inquiry_get_lead_id (kefu_call_get_inquiry (call)) != 0)
    {
      gint64 lead_id = kefu_inquiry_get_lead_id (kefu_call_get_inquiry (call));

      g_hash_table_insert (demo->leads, GINT_TO_POINTER (planned->tag + 1),
                           g_memdup2 (&lead_id, sizeof lead_id));
      if (planned->kind == PLAN_INQUIRY_DROPPED)
        g_array_append_val (demo->dropped, lead_id);
    }
  return TRUE;
}

/* What happened since: leads dropped, the past days' orders handed over, out-of-area customers
 * told. Each acts only on what is still open, so a second run does nothing. */

static gboolean
drop_leads (DemoCalls  *demo,
            GError    **error)
{
  g_autoptr(GListModel) open = NULL;

  if (demo->dropped->len == 0 || demo->team_lead == 0)
    return TRUE;
  open = kefu_store_list_leads (demo->store, KEFU_LEAD_STATE_OPEN, NULL, error);
  if (open == NULL)
    return FALSE;

  kefu_store_set_actor (demo->store, demo->team_lead);
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(KefuLead) lead = g_list_model_get_item (open, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (lead));

      for (guint j = 0; j < demo->dropped->len; j++)
        if (g_array_index (demo->dropped, gint64, j) == id)
          {
            kefu_lead_set_note (lead, kefuctl_calls_drop_note (&demo->random));
            if (!kefu_store_drop_lead (demo->store, lead, NULL, error))
              return FALSE;
          }
    }
  return TRUE;
}

static gboolean
hand_over (DemoCalls  *demo,
           GError    **error)
{
  gint64 recipients[4] = { 0 };

  if (demo->team_lead == 0)
    return TRUE;
  recipients[KEFU_CHANNEL_HOME_DELIVERY] = demo->depot_admin;
  recipients[KEFU_CHANNEL_RETAIL] = demo->sales_admin;
  recipients[KEFU_CHANNEL_SUPERMARKET] = demo->sales_admin;

  /* Each past day's batch, as the team lead hands it over every morning; today's waits for
   * the team lead on duty. */
  kefu_store_set_actor (demo->store, demo->team_lead);
  for (guint days_ago = HISTORY_DAYS_MAX; days_ago >= 1; days_ago--)
    {
      GDate day = demo->today;
      g_autoptr(GListModel) waiting = NULL;

      g_date_subtract_days (&day, days_ago);
      waiting = kefu_store_list_handover_orders (demo->store, &day, NULL, error);
      if (waiting == NULL)
        return FALSE;
      if (g_list_model_get_n_items (waiting) > 0 &&
          !kefu_store_hand_over_orders (demo->store, &day, recipients, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
notify_out_of_area (DemoCalls  *demo,
                    GError    **error)
{
  g_autoptr(GListModel) orders = kefu_store_list_out_of_area_orders (demo->store, NULL, error);

  if (orders == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(KefuCall) call = g_list_model_get_item (orders, i);
      KefuOrder *order = kefu_call_get_order (call);
      GDate day;
      gint64 admin;

      /* Today's are left for the sales admins to handle in the app. */
      kefuctl_demo_local_date (kefu_call_get_received_at (call), &day);
      if (g_date_compare (&day, &demo->today) >= 0)
        continue;
      admin = kefu_order_get_channel (order) == KEFU_CHANNEL_HOME_DELIVERY ? demo->depot_admin
                                                                          : demo->sales_admin;
      if (admin == 0)
        continue;
      kefu_store_set_actor (demo->store, admin);
      if (!kefu_store_record_out_of_area_notice (demo->store, order,
                                                 kefuctl_calls_area_note (&demo->random),
                                                 NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
demo_calls_clear (DemoCalls *demo)
{
  kefuctl_catalog_clear (&demo->catalog);
  g_clear_pointer (&demo->clerks, g_array_unref);
  g_clear_pointer (&demo->tz, g_time_zone_unref);
  g_clear_pointer (&demo->now, g_date_time_unref);
  g_clear_pointer (&demo->customers, g_hash_table_unref);
  g_clear_pointer (&demo->called_days, g_hash_table_unref);
  g_clear_pointer (&demo->histories_read, g_hash_table_unref);
  g_clear_pointer (&demo->leads, g_hash_table_unref);
  g_clear_pointer (&demo->dropped, g_array_unref);
  if (demo->text != NULL)
    g_string_free (g_steal_pointer (&demo->text), TRUE);
}

gboolean
kefuctl_demo_calls (KefuStore   *store,
                    GHashTable  *staff_ids,
                    guint       *added,
                    guint       *present,
                    GError     **error)
{
  DemoCalls demo = { 0 };
  g_autoptr(GArray) plan = NULL;
  gboolean ok = TRUE;

  demo.store = store;
  demo.clerks = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (clerk_logins); i++)
    {
      gint64 id = staff_id (staff_ids, clerk_logins[i]);

      if (id > 0)
        g_array_append_val (demo.clerks, id);
    }
  /* Staff renamed or removed by hand: there is no demo clerk to take the calls. */
  if (demo.clerks->len == 0)
    {
      demo_calls_clear (&demo);
      return TRUE;
    }
  demo.team_lead = staff_id (staff_ids, TEAM_LEAD_LOGIN);
  demo.sales_admin = staff_id (staff_ids, SALES_ADMIN_LOGIN);
  demo.depot_admin = staff_id (staff_ids, DEPOT_ADMIN_LOGIN);

  if (!kefuctl_catalog_load (&demo.catalog, store, error))
    {
      demo_calls_clear (&demo);
      return FALSE;
    }

  kefuctl_random_init (&demo.random, DEMO_CALLS_SEED);
  demo.tz = g_time_zone_new_local ();
  /* Today's calls come in before the last working moment: in the evening or on a day off,
   * the working day that ended last is the demo's today (kefuctl-demo-clock.h). */
  {
    g_autoptr(GDateTime) now = kefuctl_demo_now ();

    demo.now = kefuctl_demo_last_working_moment (store, now, error);
  }
  if (demo.now == NULL)
    {
      demo_calls_clear (&demo);
      return FALSE;
    }
  kefuctl_demo_local_date (demo.now, &demo.today);
  demo.customers = g_hash_table_new_full (NULL, NULL, NULL, unref_nullable);
  demo.called_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.histories_read = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  demo.leads = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  demo.dropped = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.text = g_string_new (NULL);

  plan = _kefuctl_demo_calls_make_plan (&demo);
  for (guint i = 0; i < plan->len && ok; i++)
    ok = save_planned (&demo, &g_array_index (plan, Planned, i), added, present, error);
  ok = ok && drop_leads (&demo, error) && hand_over (&demo, error) &&
       notify_out_of_area (&demo, error);

  /* The rest of the demo writes as kefuctl's system actor again. */
  kefu_store_set_system_actor (store);
  demo_calls_clear (&demo);
  return ok;
}
