/* kefu-store-batch-alerts-write.c: raising a batch alert (a possible quality incident) when a
 * product-quality complaint makes its product and batch reach the threshold within the window,
 * inside the transaction that saved or changed the complaint.
 *
 * One alert per cluster: while an alert for the batch is open, later complaints only raise its
 * count; once it was acknowledged, only complaints saved after that can form a new cluster, so
 * the QC manager is not told twice about the same complaints.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "kefu-store-complaints-private.h"

/* A whole-number setting, or its default (as in kefu-store-complaint-rules.c). */
static guint
read_count_setting (KefuStore     *self,
                    const char    *key,
                    guint          fallback,
                    gboolean      *ok,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  const char *text;
  guint value;

  rows = _kefu_store_query (self, "SELECT value FROM settings WHERE key = $1",
                            g_variant_new ("(s)", key), cancellable, error);
  *ok = rows != NULL;
  if (rows == NULL)
    return fallback;
  text = kefu_rows_get_n_rows (rows) > 0 ? kefu_rows_get_text (rows, 0, 0) :
         kefu_setting_get_default (key);
  if (text != NULL && kefu_setting_validate (key, text, NULL) &&
      kefu_setting_parse_count (text, 0, G_MAXINT, &value, NULL))
    return value;
  if (text != NULL)
    g_message ("The setting %s holds “%s”, which is not valid; using %u", key, text, fallback);
  return fallback;
}

gboolean
_kefu_store_complaint_check_batch (KefuStore     *self,
                                   gint64         complaint_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(KefuRows) complaint = NULL;
  g_autoptr(KefuRows) alerts = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) inserted = NULL;
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) received = NULL;
  g_autoptr(GDateTime) window_start = NULL;
  g_autoptr(GDateTime) window_end = NULL;
  g_autoptr(GDateTime) flagged_at = NULL;
  g_autoptr(GDateTime) first_at = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *flagged_text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *acknowledged_text = NULL;
  g_autofree char *now_text = NULL;
  g_autoptr(GString) details = NULL;
  const char *batch_key;
  gint64 product_id;
  guint window_days;
  guint threshold;
  gboolean ok;

  complaint = _kefu_store_query (self,
                                 "SELECT complaints.batch_key, complaints.batch_number, "
                                 "COALESCE(complaints.product_id, 0), calls.received_at, "
                                 "complaints.category FROM complaints "
                                 "JOIN calls ON calls.id = complaints.call_id "
                                 "WHERE complaints.id = $1",
                                 g_variant_new ("(x)", complaint_id), cancellable, error);
  if (complaint == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (complaint) == 0 || kefu_rows_is_null (complaint, 0, 0) ||
      g_strcmp0 (kefu_rows_get_text (complaint, 0, 4), "product-quality") != 0)
    return TRUE;
  batch_key = kefu_rows_get_text (complaint, 0, 0);
  product_id = kefu_rows_get_int (complaint, 0, 2);
  received = kefu_rows_get_time (complaint, 0, 3);

  window_days = read_count_setting (self, KEFU_SETTING_BATCH_WINDOW_DAYS, 7, &ok,
                                    cancellable, error);
  if (!ok)
    return FALSE;
  threshold = read_count_setting (self, KEFU_SETTING_BATCH_THRESHOLD, 3, &ok, cancellable, error);
  if (!ok)
    return FALSE;

  /* The latest alert of this batch, open or not. */
  alerts = _kefu_store_query (self,
                              "SELECT id, flagged_at, acknowledged_at FROM batch_alerts "
                              "WHERE batch_key = $1 AND COALESCE(product_id, 0) = $2 "
                              "ORDER BY id DESC LIMIT 1",
                              g_variant_new ("(sx)", batch_key, product_id), cancellable, error);
  if (alerts == NULL)
    return FALSE;

  /* Every complaint about the batch that could share a window with this one. */
  window_start = g_date_time_add_days (received, -(gint) window_days);
  window_end = g_date_time_add_days (received, (gint) window_days);
  start_text = kefu_time_to_db (window_start);
  end_text = kefu_time_to_db (window_end);
  if (kefu_rows_get_n_rows (alerts) > 0 && kefu_rows_is_null (alerts, 0, 2))
    {
      /* An open alert covers the batch: it follows the count, and nobody is told twice. */
      return _kefu_store_execute (self,
                                  "UPDATE batch_alerts SET complaint_count = (SELECT COUNT(*) "
                                  "FROM complaints JOIN calls ON calls.id = complaints.call_id "
                                  "WHERE complaints.batch_key = $1 AND "
                                  "COALESCE(complaints.product_id, 0) = $2 AND "
                                  "complaints.category = 'product-quality' AND "
                                  "calls.received_at >= batch_alerts.first_at) WHERE id = $3",
                                  g_variant_new ("(sxx)", batch_key, product_id,
                                                 kefu_rows_get_int (alerts, 0, 0)),
                                  cancellable, error) >= 0;
    }
  /* An acknowledged alert closed its cluster: the complaints saved before the QC manager took
   * note of it were seen, so only those saved since can form a new one. Times have millisecond
   * precision: one saved in the very millisecond of the acknowledgement counts as saved since. */
  if (kefu_rows_get_n_rows (alerts) > 0)
    {
      g_autoptr(GDateTime) acknowledged = kefu_rows_get_time (alerts, 0, 2);

      acknowledged_text = kefu_time_to_db (acknowledged);
      rows = _kefu_store_query (self,
                                "SELECT calls.received_at FROM complaints "
                                "JOIN calls ON calls.id = complaints.call_id "
                                "WHERE complaints.batch_key = $1 AND "
                                "COALESCE(complaints.product_id, 0) = $2 AND "
                                "complaints.category = 'product-quality' AND "
                                "calls.received_at >= $3 AND calls.received_at <= $4 AND "
                                "complaints.created_at >= $5 "
                                "ORDER BY calls.received_at",
                                g_variant_new ("(sxsss)", batch_key, product_id, start_text,
                                               end_text, acknowledged_text),
                                cancellable, error);
    }
  else
    rows = _kefu_store_query (self,
                              "SELECT calls.received_at FROM complaints "
                              "JOIN calls ON calls.id = complaints.call_id "
                              "WHERE complaints.batch_key = $1 AND "
                              "COALESCE(complaints.product_id, 0) = $2 AND "
                              "complaints.category = 'product-quality' AND "
                              "calls.received_at >= $3 AND calls.received_at <= $4 "
                              "ORDER BY calls.received_at",
                              g_variant_new ("(sxss)", batch_key, product_id, start_text, end_text),
                              cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (times, kefu_rows_get_time (rows, i, 0));
  if (times->len == 0 || !kefu_batch_cluster_check (times, window_days, threshold, &flagged_at))
    return TRUE;

  first_at = g_date_time_ref (g_ptr_array_index (times, 0));
  first_text = kefu_time_to_db (first_at);
  flagged_text = kefu_time_to_db (flagged_at);
  now_text = _kefu_store_now_text (self);
  inserted = _kefu_store_query (self,
                                "INSERT INTO batch_alerts (product_id, batch_key, batch_number, "
                                "complaint_count, first_at, flagged_at, flagged_complaint_id, "
                                "version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) "
                                "RETURNING id",
                                g_variant_new ("(mxssxssxs)", product_id != 0, product_id,
                                               batch_key,
                                               kefu_rows_get_text (complaint, 0, 1) != NULL ?
                                               kefu_rows_get_text (complaint, 0, 1) : batch_key,
                                               (gint64) times->len, first_text, flagged_text,
                                               complaint_id, now_text),
                                cancellable, error);
  if (inserted == NULL)
    return FALSE;

  details = g_string_new (NULL);
  g_string_append_printf (details, "{\"alert_id\":%" G_GINT64_FORMAT ",\"batch_number\":",
                          kefu_rows_get_int (inserted, 0, 0));
  _kefu_json_append_string (details, kefu_rows_get_text (complaint, 0, 1) != NULL ?
                            kefu_rows_get_text (complaint, 0, 1) : batch_key);
  g_string_append_printf (details, ",\"count\":%u}", times->len);
  return _kefu_store_add_event (self, "complaint", complaint_id, "batch-flagged", details->str,
                                cancellable, error);
}
