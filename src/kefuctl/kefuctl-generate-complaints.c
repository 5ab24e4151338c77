/* kefuctl-generate-complaints.c: what happened to generated complaints after the call, for
 * `kefuctl generate --complaints N` (complaint calls only, most of them closed long ago, a small
 * share still open on the board) and for the complaints among `--calls`: the settings it follows,
 * the shape of each complaint, and the batches complained about. The steps each complaint went
 * through since are drawn in kefuctl-generate-complaints-steps.c.
 *
 * Product complaints of --complaints carry batch numbers of many production lines, so that most
 * batches see one complaint; now and then a batch goes bad and several customers complain about
 * it within days. The third complaint about one product and batch within the window raises a
 * batch alert, once per batch, acknowledged by the QC manager a day later unless recent.
 *
 * Every value comes from the "complaint-progress" stream, a fixed number of draws per
 * complaint, so the day and time of the run do not change the stream.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "kefuctl-generate-complaints-private.h"
#include "kefuctl-private.h"

/* What the QC manager noted on acknowledging a batch alert. Sample data, not interface text. */
static const char *const alert_notes[] = {
  "已通知生产车间封存同批次留样,安排复检",
  "复检合格,判断为个别包装问题,继续跟踪",
  "同批次产品已从门店下架,等待检测报告",
};

typedef struct
{
  GArray   *times;    /* gint64 unix seconds of the complaints still within the window */
  gboolean  flagged;
} Cluster;

static void
cluster_free (Cluster *cluster)
{
  g_array_unref (cluster->times);
  g_free (cluster);
}

/* Setting up */

static guint
read_count (KefuStore  *store,
            const char *key,
            guint       min,
            guint       max,
            GError    **error)
{
  g_autofree char *text = kefu_store_get_setting (store, key, NULL, error);
  guint value = 0;

  /* As the store does: a value damaged by another tool falls back to the default. */
  if (text == NULL || !kefu_setting_parse_count (text, min, max, &value, NULL))
    kefu_setting_parse_count (kefu_setting_get_default (key), min, max, &value, NULL);
  return value;
}

static char *
read_text (KefuStore   *store,
           const char  *key,
           GError     **error)
{
  char *text = kefu_store_get_setting (store, key, NULL, error);

  return text != NULL ? text : g_strdup (kefu_setting_get_default (key));
}

static gboolean
load_qc_manager (Generator  *generator,
                 GError    **error)
{
  g_autoptr(GListModel) members = kefu_store_list_staff (generator->store, TRUE, NULL, error);

  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (members) && generator->qc_manager == 0; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (members, i);

      if (kefu_staff_get_role (member) == KEFU_ROLE_QC_MANAGER)
        generator->qc_manager = kefu_record_get_id (KEFU_RECORD (member));
    }
  return TRUE;
}

gboolean
_kefuctl_complaints_setup (Generator  *generator,
                           GError    **error)
{
  KefuStore *store = generator->store;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hours = NULL, *days = NULL, *holidays = NULL;
  KefuComplaintDeadlineRules *rules = &generator->rules;
  double target, open = 0;
  guint age;

  kefu_complaint_deadline_rules_init_defaults (rules);
  rules->acknowledge_minutes = 60 * read_count (store, KEFU_SETTING_COMPLAINT_ACK_HOURS, 1, 72,
                                                &local_error);
  if (local_error == NULL)
    rules->harmed_acknowledge_minutes =
      read_count (store, KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, 1, 24 * 60, &local_error);
  if (local_error == NULL)
    rules->resolve_days_product = read_count (store, KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT,
                                              1, 30, &local_error);
  if (local_error == NULL)
    rules->resolve_days_service = read_count (store, KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE,
                                              1, 30, &local_error);
  if (local_error == NULL)
    rules->callback_days = read_count (store, KEFU_SETTING_CALLBACK_WINDOW_DAYS, 1,
                                       KEFU_CALLBACK_WINDOW_DAYS_MAX, &local_error);
  if (local_error == NULL)
    generator->batch_window_days = read_count (store, KEFU_SETTING_BATCH_WINDOW_DAYS, 1, 365,
                                               &local_error);
  if (local_error == NULL)
    generator->batch_threshold = read_count (store, KEFU_SETTING_BATCH_THRESHOLD, 2, 1000,
                                             &local_error);
  if (local_error == NULL)
    hours = read_text (store, KEFU_SETTING_WORK_HOURS, &local_error);
  if (local_error == NULL)
    days = read_text (store, KEFU_SETTING_WORK_DAYS, &local_error);
  if (local_error == NULL)
    holidays = read_text (store, KEFU_SETTING_WORK_HOLIDAYS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  generator->calendar = kefu_work_calendar_new_from_settings (hours, days, holidays, NULL);
  if (generator->calendar == NULL)
    generator->calendar =
      kefu_work_calendar_new_from_settings (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS),
                                            kefu_setting_get_default (KEFU_SETTING_WORK_DAYS),
                                            kefu_setting_get_default (KEFU_SETTING_WORK_HOLIDAYS),
                                            error);
  if (generator->calendar == NULL || !load_qc_manager (generator, error))
    return FALSE;

  /* The window over which open complaints thin out: from the last day back, the complaints a
   * window of `age` days would leave open (each day's well-founded complaints times the chance
   * at its age), until they reach the share asked for. */
  target = generator->open_share * (double) generator->count;
  for (age = 1; age <= generator->n_days && open < target; age++)
    {
      open = 0;
      for (guint a = 0; a < age; a++)
        open += 0.9 * (double) generator->per_day[generator->n_days - 1 - a] *
                (1.0 - (a + 0.5) / age);
    }
  generator->open_window_hours = 24.0 * age;
  if (generator->open_share <= 0)
    generator->open_window_hours = 0;
  return TRUE;
}

void
_kefuctl_complaints_clear (Generator *generator)
{
  g_clear_pointer (&generator->calendar, kefu_work_calendar_unref);
}

void
_kefuctl_complaints_maker_init (Maker *maker)
{
  maker->clusters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) cluster_free);
  g_date_clear (&maker->incident_until, 1);
}

void
_kefuctl_complaints_maker_clear (Maker *maker)
{
  g_clear_pointer (&maker->clusters, g_hash_table_unref);
}

KefuctlComplaintShape
_kefuctl_complaints_shape (Maker *maker)
{
  guint pick = kefuctl_random_below (&maker->random, 1000);

  /* As among --calls: one in eight a misunderstanding, one in a hundred the urgent case, a
   * little more about the product than the service. */
  if (pick < 120)
    return KEFUCTL_COMPLAINT_NOT_FOUNDED;
  if (pick < 130)
    return KEFUCTL_COMPLAINT_HARMED;
  if (pick < 600)
    return KEFUCTL_COMPLAINT_PRODUCT;
  return KEFUCTL_COMPLAINT_SERVICE;
}

/* Batches */

/* A batch number as the dairy prints it: the production date, then the line and the tank drawn
 * from `draw` ("261125-C2-17"). */
static void
format_batch (char        *buffer,
              gsize        size,
              const GDate *made,
              guint32      draw)
{
  g_snprintf (buffer, size, "%02u%02u%02u-%c%u-%02u", g_date_get_year (made) % 100,
              g_date_get_month (made), g_date_get_day (made), 'A' + draw % 6, 1 + draw / 6 % 3,
              1 + draw / 18 % 40);
}

/* --complaints: a batch number from many lines and tanks, so that most batches see one
 * complaint, unless a bad batch of the product is current (a few a month, each complained about
 * for a week). */
static void
set_clustering_batch (Maker        *maker,
                      KefuComplaint *complaint,
                      const GDate  *day,
                      guint32       draws[N_DRAWS])
{
  gint64 product = kefu_complaint_get_product_id (complaint);
  const GDate *produced = kefu_complaint_get_production_date (complaint);
  char batch[24];

  if (produced == NULL || product == 0)
    return;

  if (g_date_valid (&maker->incident_until) && g_date_compare (day, &maker->incident_until) <= 0)
    {
      if (product == maker->incident_product && draws[11] % 100 < 40)
        {
          kefu_complaint_set_batch_number (complaint, maker->incident_batch);
          return;
        }
    }
  else if (draws[11] % 1000 < 4)
    {
      /* A bad batch of this product, made two days ago, found out over the next week. */
      GDate made = *day;

      g_date_subtract_days (&made, 2);
      maker->incident_product = product;
      format_batch (maker->incident_batch, sizeof maker->incident_batch, &made, draws[10]);
      maker->incident_until = *day;
      g_date_add_days (&maker->incident_until, 7);
      kefu_complaint_set_production_date (complaint, &made);
      kefu_complaint_set_batch_number (complaint, maker->incident_batch);
      return;
    }

  format_batch (batch, sizeof batch, produced, draws[10]);
  kefu_complaint_set_batch_number (complaint, batch);
}

/* Counts the complaint towards its product and batch, and raises the batch alert when it is the
 * one that reaches the threshold within the window. */
static void
track_cluster (Maker         *maker,
               KefuComplaint *complaint,
               GDateTime     *received,
               guint32        draws[N_DRAWS])
{
  Generator *generator = maker->generator;
  Batch *batch = maker->batch;
  g_autofree char *batch_key = kefu_batch_number_key (kefu_complaint_get_batch_number (complaint));
  g_autofree char *key = NULL;
  gint64 now = g_date_time_to_unix (received);
  gint64 window = (gint64) generator->batch_window_days * 24 * 3600;
  Cluster *cluster;

  if (batch_key == NULL || batch_key[0] == '\0')
    return;
  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", kefu_complaint_get_product_id (complaint),
                         batch_key);
  cluster = g_hash_table_lookup (maker->clusters, key);
  if (cluster == NULL)
    {
      cluster = g_new0 (Cluster, 1);
      cluster->times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (maker->clusters, g_steal_pointer (&key), cluster);
    }
  while (cluster->times->len > 0 && g_array_index (cluster->times, gint64, 0) <= now - window)
    g_array_remove_index (cluster->times, 0);
  g_array_append_val (cluster->times, now);

  if (!cluster->flagged && cluster->times->len >= generator->batch_threshold)
    {
      KefuCallBulkBatchAlert alert = { .complaint = batch->calls->len,
                                       .count = cluster->times->len };
      GDateTime *first = g_date_time_new_from_unix_utc (g_array_index (cluster->times, gint64, 0));
      GDateTime *acknowledged = g_date_time_add_hours (received, 4 + draws[9] % 30);

      cluster->flagged = TRUE;
      alert.first_at = first;
      g_ptr_array_add (batch->owned, first);
      /* The QC manager takes note within a day or so; a recent alert is still on the banner. */
      if (generator->qc_manager > 0 && g_date_time_compare (acknowledged, generator->now) < 0 &&
          g_date_time_difference (generator->now, received) > 3 * G_TIME_SPAN_DAY)
        {
          alert.acknowledged_at = acknowledged;
          alert.acknowledged_by = generator->qc_manager;
          alert.note = alert_notes[draws[9] % G_N_ELEMENTS (alert_notes)];
          g_ptr_array_add (batch->owned, acknowledged);
        }
      else
        g_date_time_unref (acknowledged);
      g_array_append_val (batch->alerts, alert);
      generator->n_alerts++;
    }
}

void
_kefuctl_complaints_after_call (Maker              *maker,
                                KefuCall           *call,
                                GDateTime          *received,
                                const GDate        *day,
                                KefuComplaintStage  stage)
{
  Generator *generator = maker->generator;
  Batch *batch = maker->batch;
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  KefuCallBulkComplaint p = { .complaint = batch->calls->len };
  guint32 draws[N_DRAWS];

  for (guint i = 0; i < N_DRAWS; i++)
    draws[i] = (guint32) (kefuctl_random_next (&maker->progress) >> 32);

  if (generator->complaints_only &&
      kefu_complaint_get_category (complaint) == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      set_clustering_batch (maker, complaint, day, draws);
      track_cluster (maker, complaint, received, draws);
    }
  if (!kefu_complaint_get_well_founded (complaint))
    return;

  _kefuctl_complaints_progress (maker, &p, call, received, stage, draws);
  if (kefu_complaint_stage_is_open (p.stage))
    generator->n_open++;
  g_array_append_val (batch->progress, p);
}
