/* kefuctl-generate-aftersales.c: `kefuctl generate --shipments N --jobs N`: the people,
 * products, carriers and days the after-sales records are made of, and the batches handed to
 * the store's bulk path (kefu-store-aftersales-bulk.h). What happened to each shipment and job
 * is told in kefuctl-generate-shipments.c and kefuctl-generate-jobs.c.
 *
 * Records are spread over the working days of the three years that end on the last day, in the
 * order of their request times, so that their references follow them. Every value comes from
 * the "shipments" and "jobs" streams of the seed, a fixed number of draws per record
 * (KEFUCTL_AFTERSALES_DRAWS), so a record's story never shifts the next one's; only which of
 * its steps have happened depends on the time of the run.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>

#include "core/kefu-job-flow.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-aftersales-bulk.h"
#include "store/kefu-store-shipments.h"
#include "kefuctl-generate-aftersales-private.h"
#include "kefuctl-private.h"

/* Records handed to the store per transaction: large enough that the per-call cost vanishes,
 * small enough that the records of a batch (about 2 KB each) stay well under 100 MB. */
#define BATCH_SIZE     25000
#define CONTACTS_PAGE  100000
/* The years the records are spread over, as the generated calls. */
#define YEARS          3
/* Working hours the requests come in: 08:30 to 17:30. */
#define DAY_START      (8 * 60 + 30)
#define DAY_MINUTES    (9 * 60)

KefuctlAftersales *
kefuctl_aftersales_new (KefuStore   *store,
                        guint64      seed,
                        const GDate *last_day)
{
  KefuctlAftersales *self = g_new0 (KefuctlAftersales, 1);
  GDate first = *last_day;

  self->store = g_object_ref (store);
  self->seed = seed;
  g_date_subtract_years (&first, YEARS);
  g_date_add_days (&first, 1);
  self->first_day = first;
  self->n_days = (guint) g_date_days_between (&first, last_day) + 1;
  self->tz = g_time_zone_new_local ();
  self->shipped = g_array_new (FALSE, FALSE, sizeof (KefuctlShippedLine));
  return self;
}

static void
staff_clear (KefuctlAftersalesStaff *staff)
{
  GArray **all[] = {
    &staff->sales_reps, &staff->desk, &staff->finance, &staff->logistics, &staff->warehouse,
    &staff->technicians, &staff->gm_office, &staff->managers,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_clear_pointer (all[i], g_array_unref);
}

void
kefuctl_aftersales_free (KefuctlAftersales *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->shipped->len; i++)
    g_free (g_array_index (self->shipped, KefuctlShippedLine, i).serial);
  g_array_unref (self->shipped);
  staff_clear (&self->staff);
  g_clear_pointer (&self->contacts, kefu_customer_contacts_free);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->carriers, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->calendar, kefu_work_calendar_unref);
  g_clear_pointer (&self->quiet, g_array_unref);
  g_time_zone_unref (self->tz);
  g_object_unref (self->store);
  g_free (self);
}

/* Shared helpers */

gint64
_kefuctl_aftersales_pick (KefuctlAftersales *self,
                          GArray            *people,
                          guint32            draw)
{
  if (people == NULL || people->len == 0)
    return kefu_store_get_actor (self->store);
  return g_array_index (people, gint64, draw % people->len);
}

GDateTime *
_kefuctl_aftersales_day_time (KefuctlAftersales *self,
                              guint64            index,
                              guint64            count)
{
  /* Five working days in seven: the position among the working days decides the day, the rest
   * the minute, so that times grow with the index. The working days are counted from the first
   * day itself (a weekend's first day from the Monday after): counted from the Monday before, the
   * first records fell before the first day, and moving them onto it put their minutes out of
   * order on the days the first day was not a Monday. */
  GDate day = self->first_day;
  guint skipped = g_date_get_weekday (&day) >= G_DATE_SATURDAY ?
                  0 : g_date_get_weekday (&day) - G_DATE_MONDAY;
  guint64 n_workdays = (guint64) self->n_days * 5 / 7;
  guint64 position, workday, minute;
  guint week, weekday_index;
  GDateTime *time;

  if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
    g_date_add_days (&day, G_DATE_SUNDAY - g_date_get_weekday (&day) + 1);
  /* As many working days as before in all, so that the last stay in the period. */
  if (n_workdays > skipped + 1)
    n_workdays -= skipped;
  position = index * n_workdays;
  workday = position / count + skipped;
  minute = DAY_START + (position % count) * DAY_MINUTES / count;
  week = (guint) (workday / 5);
  weekday_index = (guint) (workday % 5);

  /* From the Monday of that day's week. */
  g_date_subtract_days (&day, g_date_get_weekday (&day) - G_DATE_MONDAY);
  g_date_add_days (&day, week * 7 + weekday_index);
  time = g_date_time_new (self->tz, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), (gint) (minute / 60), (gint) (minute % 60), 0);
  return time;
}

GDateTime *
_kefuctl_aftersales_later (GDateTime *time,
                           guint      min,
                           guint      max,
                           guint32    draw)
{
  guint minutes = min + (max > min ? draw % (max - min + 1) : 0);

  return time != NULL ? g_date_time_add_minutes (time, (gint) minutes) : NULL;
}

void
_kefuctl_aftersales_day (KefuctlAftersales *self,
                         GDateTime         *time,
                         GDate             *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, self->tz);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

gboolean
_kefuctl_aftersales_happened (KefuctlAftersales *self,
                              GDateTime         *time)
{
  return time != NULL && g_date_time_compare (time, self->now) <= 0;
}

char *
_kefuctl_aftersales_waybill (KefuCarrierKind kind,
                             guint64         number)
{
  /* Ten digits unique per number, looking random, behind the carrier's prefix. */
  guint32 digits = kefuctl_permute ((guint32) (number & 0xffffffff), 32, 0x6b656675);
  guint region = (guint) ((number >> 32) % 100);

  switch (kind)
    {
    case KEFU_CARRIER_SF:
      return g_strdup_printf ("SF1%02u%010u", region, digits);
    case KEFU_CARRIER_YTO:
      return g_strdup_printf ("YT8%02u%010u", region, digits);
    case KEFU_CARRIER_ZTO:
      return g_strdup_printf ("75%02u%010u", region, digits);
    case KEFU_CARRIER_YUNDA:
      return g_strdup_printf ("4%02u%010u", region, digits);
    case KEFU_CARRIER_STO:
      return g_strdup_printf ("77%02u%010u", region, digits);
    case KEFU_CARRIER_EMS:
      return g_strdup_printf ("1%02u%010u", region, digits);
    case KEFU_CARRIER_JD:
      return g_strdup_printf ("JDVA%02u%010u", region, digits);
    case KEFU_CARRIER_DEPPON:
      return g_strdup_printf ("DPK%02u%010u", region, digits);
    case KEFU_CARRIER_OTHER:
    default:
      return g_strdup_printf ("GN%02u%010u", region, digits);
    }
}

/* Setting up */

static gboolean
load_staff (KefuctlAftersales  *self,
            GError            **error)
{
  g_autoptr(GListModel) members = kefu_store_list_staff (self->store, TRUE, NULL, error);
  KefuctlAftersalesStaff *staff = &self->staff;

  if (members == NULL)
    return FALSE;
  staff->sales_reps = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->desk = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->finance = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->logistics = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->warehouse = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->technicians = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->gm_office = g_array_new (FALSE, FALSE, sizeof (gint64));
  staff->managers = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (members, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (member));
      GArray *to = NULL;

      switch (kefu_staff_get_role (member))
        {
        case KEFU_ROLE_SALES_REP:
          to = staff->sales_reps;
          break;
        case KEFU_ROLE_CLERK:
          to = staff->desk;
          break;
        case KEFU_ROLE_TEAM_LEAD:
        case KEFU_ROLE_CS_MANAGER:
          to = staff->managers;
          break;
        case KEFU_ROLE_FINANCE:
          to = staff->finance;
          break;
        case KEFU_ROLE_LOGISTICS:
          to = staff->logistics;
          break;
        case KEFU_ROLE_WAREHOUSE:
          to = staff->warehouse;
          break;
        case KEFU_ROLE_TECHNICIAN:
          to = staff->technicians;
          break;
        case KEFU_ROLE_GM_OFFICE:
          to = staff->gm_office;
          break;
        default:
          break;
        }
      if (to != NULL)
        g_array_append_val (to, id);
    }
  return TRUE;
}

static gboolean
load_customers (KefuctlAftersales  *self,
                GError            **error)
{
  gint64 after = 0;
  guint n_read = CONTACTS_PAGE;

  self->contacts = kefu_customer_contacts_new ();
  while (n_read == CONTACTS_PAGE)
    {
      guint len;

      if (!kefu_store_read_customer_contacts (self->store, self->contacts, after, CONTACTS_PAGE,
                                              &n_read, NULL, error))
        return FALSE;
      len = kefu_customer_contacts_get_len (self->contacts);
      if (len > 0)
        after = kefu_customer_contacts_get (self->contacts, len - 1)->id;
    }
  if (kefu_customer_contacts_get_len (self->contacts) == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no customers in %s to ship to. Generate them in the same run "
                     "with --customers, or add them first."),
                   kefu_store_get_description (self->store));
      return FALSE;
    }
  return TRUE;
}

/* The active products, the equipment among them (products with a warranty of a year or more)
 * when there is any: after-sales ships, installs and repairs instruments, not consumables. */
static gboolean
load_products (KefuctlAftersales  *self,
               GError            **error)
{
  g_autoptr(GListModel) products = kefu_store_list_products (self->store, TRUE, NULL, error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  if (products == NULL)
    return FALSE;
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      KefuProduct *product = g_list_model_get_item (products, i);

      if (kefu_product_get_warranty_months (product) >= 12)
        g_ptr_array_add (self->products, g_object_ref (product));
      g_ptr_array_add (all, product);
    }
  if (self->products->len == 0)
    {
      g_ptr_array_unref (self->products);
      self->products = g_steal_pointer (&all);
    }
  if (self->products->len == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no active products in %s to ship. Add products first, for "
                     "example with “kefuctl demo”."),
                   kefu_store_get_description (self->store));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_carriers (KefuctlAftersales  *self,
               GError            **error)
{
  self->carriers = kefu_store_list_carriers (self->store, FALSE, NULL, error);
  if (self->carriers == NULL)
    return FALSE;
  if (self->carriers->len == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no active carriers in %s to ship with. Add one in the "
                     "after-sales settings first."),
                   kefu_store_get_description (self->store));
      return FALSE;
    }
  return TRUE;
}

/* The setting `key`, or its default when the database has none. */
static char *
setting (KefuctlAftersales  *self,
         const char         *key,
         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = kefu_store_get_setting (self->store, key, NULL, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return text != NULL ? text : g_strdup (kefu_setting_get_default (key));
}

/* The rules the store applies: the receipt days of shipments, and when a completed job's
 * callback falls due. A damaged value falls back to the default, as in the store. */
static gboolean
load_settings (KefuctlAftersales  *self,
               GError            **error)
{
  g_autofree char *receipt = NULL, *window = NULL, *quiet = NULL;
  g_autofree char *hours = NULL, *days = NULL, *holidays = NULL;
  g_autoptr(GError) local_error = NULL;

  receipt = kefu_store_get_setting (self->store, KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, NULL,
                                    &local_error);
  if (local_error == NULL)
    window = setting (self, KEFU_SETTING_CALLBACK_WINDOW_DAYS, &local_error);
  if (local_error == NULL)
    quiet = setting (self, KEFU_SETTING_CALLBACK_QUIET_HOURS, &local_error);
  if (local_error == NULL)
    hours = setting (self, KEFU_SETTING_WORK_HOURS, &local_error);
  if (local_error == NULL)
    days = setting (self, KEFU_SETTING_WORK_DAYS, &local_error);
  if (local_error == NULL)
    holidays = setting (self, KEFU_SETTING_WORK_HOLIDAYS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (receipt == NULL || !kefu_setting_parse_count (receipt, 1, 365, &self->receipt_days, NULL))
    self->receipt_days = 2;
  if (window == NULL || !kefu_setting_parse_window_days (window, &self->callback_days, NULL))
    kefu_setting_parse_window_days (kefu_setting_get_default (KEFU_SETTING_CALLBACK_WINDOW_DAYS),
                                    &self->callback_days, NULL);
  self->quiet = kefu_setting_parse_time_ranges (quiet != NULL ? quiet : "", NULL);
  if (self->quiet == NULL)
    self->quiet = kefu_setting_parse_time_ranges ("", NULL);
  self->calendar = kefu_work_calendar_new_from_settings (hours, days, holidays, NULL);
  if (self->calendar == NULL)
    self->calendar =
      kefu_work_calendar_new_from_settings (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS),
                                            kefu_setting_get_default (KEFU_SETTING_WORK_DAYS),
                                            kefu_setting_get_default (KEFU_SETTING_WORK_HOLIDAYS),
                                            error);
  return self->calendar != NULL;
}

static gboolean
set_up (KefuctlAftersales  *self,
        GError            **error)
{
  g_autoptr(GDateTime) real_now = NULL;
  g_autoptr(GDateTime) end = NULL;
  GDate after = self->first_day;

  if (self->ready)
    return TRUE;
  if (!load_staff (self, error) || !load_customers (self, error) ||
      !load_products (self, error) || !load_carriers (self, error) ||
      !load_settings (self, error))
    return FALSE;

  /* Steps happen up to the time of the run, but not beyond the day after the last day when an
   * earlier --until is given. */
  g_date_add_days (&after, self->n_days + 1);
  real_now = g_date_time_new_now (self->tz);
  end = g_date_time_new (self->tz, g_date_get_year (&after), g_date_get_month (&after),
                         g_date_get_day (&after), 0, 0, 0);
  self->now = g_date_time_ref (g_date_time_compare (real_now, end) < 0 ? real_now : end);
  self->ready = TRUE;
  return TRUE;
}

/* Storing */

typedef gpointer (*MakeFunc) (KefuctlAftersales *self,
                              KefuctlRandom     *random,
                              guint64            index,
                              guint64            count);

/* After a batch of shipments is stored: the lines they delivered, for the jobs. */
static void
remember_lines (KefuctlAftersales *self,
                GPtrArray         *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      KefuShipment *shipment = g_ptr_array_index (batch, i);

      if (shipment->received_at == NULL)
        continue;
      for (guint j = 0; j < shipment->lines->len; j++)
        {
          KefuShipmentLine *line = g_ptr_array_index (shipment->lines, j);
          KefuctlShippedLine shipped = { 0 };

          if (line->serial == NULL)
            continue;
          shipped.shipment_id = shipment->id;
          shipped.line_id = line->id;
          /* The contact the shipment was made for (_kefuctl_make_shipment () keeps it). */
          shipped.contact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (shipment),
                                                                 KEFUCTL_AFTERSALES_CONTACT));
          for (guint p = 0; p < self->products->len; p++)
            if (kefu_record_get_id (g_ptr_array_index (self->products, p)) == line->product_id)
              shipped.product = p;
          shipped.serial = g_strdup (line->serial);
          shipped.received = g_date_time_to_unix (shipment->received_at);
          shipped.ship_date = shipment->ship_date;
          g_array_append_val (self->shipped, shipped);
        }
    }
}

/* A free function for arrays that hold NULL too. */
static void
unref_time (gpointer time)
{
  if (time != NULL)
    g_date_time_unref (time);
}

static gboolean
store_all (KefuctlAftersales  *self,
           gboolean            shipments,
           guint64             count,
           GError            **error)
{
  const char *stream = shipments ? "shipments" : "jobs";
  const char *what = shipments ? _("Shipments") : _("Service jobs");
  MakeFunc make = shipments ? (MakeFunc) _kefuctl_make_shipment : (MakeFunc) _kefuctl_make_job;
  KefuctlRandom random;
  KefuctlProgress progress;
  guint64 done = 0;
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  /* Each kind of record draws from its own stream, as kefuctl-generate.c's. */
  for (const char *p = stream; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (1099511628211);
  kefuctl_random_init (&random, self->seed ^ hash);

  self->n_open = self->n_overdue = self->n_exceptions = 0;
  kefuctl_progress_start (&progress);
  while (done < count)
    {
      guint n = (guint) MIN ((guint64) BATCH_SIZE, count - done);
      g_autoptr(GPtrArray) batch = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (batch, make (self, &random, done + i, count));
      if (shipments)
        {
          g_autoptr(GPtrArray) due = g_ptr_array_new_full (n, unref_time);

          /* A confirmed receipt schedules the after-delivery callback, as in the store. */
          for (guint i = 0; i < n; i++)
            {
              KefuShipment *shipment = g_ptr_array_index (batch, i);

              g_ptr_array_add (due, shipment->step != KEFU_SHIPMENT_STEP_RECEIVED ? NULL :
                               kefu_callback_due_after (shipment->received_at,
                                                        self->callback_days, self->calendar,
                                                        self->quiet));
            }
          if (!kefu_store_insert_shipments_bulk (self->store, batch, due, NULL, error))
            return FALSE;
          remember_lines (self, batch);
        }
      else if (!kefu_store_insert_jobs_bulk (self->store, batch, NULL, error))
        return FALSE;
      done += n;
      kefuctl_progress_update (&progress, what, done, count);
    }

  {
    g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
    g_autofree char *open = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_open);
    g_autofree char *overdue = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_overdue);
    double seconds = kefuctl_progress_elapsed (&progress);

    /* Translators: e.g. "Generated 200000 shipments (2400 still open, 310 of them needing
     * attention) in 12.3 s (16260 per second)." */
    g_print (shipments ?
             _("Generated %s shipments (%s still open, %s of them needing attention) in %.1f s "
               "(%.0f per second).\n") :
             _("Generated %s service jobs (%s still open, %s of them waiting for the general "
               "manager) in %.1f s (%.0f per second).\n"),
             n, open, overdue, seconds, seconds > 0 ? count / seconds : 0.0);
  }
  return TRUE;
}

gboolean
kefuctl_aftersales_shipments (KefuctlAftersales  *self,
                              guint64             count,
                              GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (count == 0)
    return TRUE;
  return set_up (self, error) && store_all (self, TRUE, count, error);
}

gboolean
kefuctl_aftersales_jobs (KefuctlAftersales  *self,
                         guint64             count,
                         GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (count == 0)
    return TRUE;
  return set_up (self, error) && store_all (self, FALSE, count, error);
}
