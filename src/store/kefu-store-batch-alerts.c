/* kefu-store-batch-alerts.c: batch alerts (possible quality incidents) as the board's banner and
 * the QC manager see them, and their acknowledgement. The alerts themselves are raised when a
 * complaint is saved (_kefu_store_complaint_check_batch ()).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-text.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-complaints-private.h"

/* The complaint count is the batch's complaints since the first one of the cluster, read through
 * complaints_batch_key (batch_key, product_id, created_at), so that the banner shows the fourth
 * and fifth complaint too. */
#define ALERT_SQL(where) \
  "SELECT batch_alerts.id, batch_alerts.version, batch_alerts.product_id, products.name, " \
  "batch_alerts.batch_key, batch_alerts.batch_number, " \
  "(SELECT COUNT(*) FROM complaints WHERE complaints.batch_key = batch_alerts.batch_key " \
  " AND complaints.product_id IS NOT DISTINCT FROM batch_alerts.product_id " \
  " AND complaints.created_at >= batch_alerts.first_at), " \
  "batch_alerts.complaint_count, batch_alerts.first_at, batch_alerts.flagged_at, " \
  "batch_alerts.acknowledged_at, acknowledger.name, batch_alerts.note " \
  "FROM batch_alerts LEFT JOIN products ON products.id = batch_alerts.product_id " \
  "LEFT JOIN staff AS acknowledger ON acknowledger.id = batch_alerts.acknowledged_by " \
  where " ORDER BY batch_alerts.flagged_at DESC, batch_alerts.id DESC"

void
kefu_batch_alert_free (KefuBatchAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->product_name);
  g_free (alert->batch_key);
  g_free (alert->batch_number);
  g_clear_pointer (&alert->first_at, g_date_time_unref);
  g_clear_pointer (&alert->flagged_at, g_date_time_unref);
  g_clear_pointer (&alert->acknowledged_at, g_date_time_unref);
  g_free (alert->acknowledged_by_name);
  g_free (alert->note);
  g_free (alert);
}

static KefuBatchAlert *
alert_from_row (KefuRows *rows,
                guint     row)
{
  KefuBatchAlert *alert = g_new0 (KefuBatchAlert, 1);

  alert->id = kefu_rows_get_int (rows, row, 0);
  alert->version = kefu_rows_get_int (rows, row, 1);
  alert->product_id = kefu_rows_get_int (rows, row, 2);
  alert->product_name = g_strdup (kefu_rows_get_text (rows, row, 3));
  alert->batch_key = g_strdup (kefu_rows_get_text (rows, row, 4));
  alert->batch_number = g_strdup (kefu_rows_get_text (rows, row, 5));
  /* Never fewer than were counted when it was flagged (a complaint moved to another batch
   * since does not make the alert smaller than what raised it). */
  alert->complaint_count = (guint) MAX (kefu_rows_get_int (rows, row, 6),
                                        kefu_rows_get_int (rows, row, 7));
  alert->first_at = kefu_rows_get_time (rows, row, 8);
  alert->flagged_at = kefu_rows_get_time (rows, row, 9);
  alert->acknowledged_at = kefu_rows_get_time (rows, row, 10);
  alert->acknowledged_by_name = g_strdup (kefu_rows_get_text (rows, row, 11));
  alert->note = g_strdup (kefu_rows_get_text (rows, row, 12));
  return alert;
}

/**
 * kefu_store_list_batch_alerts:
 * @open_only: only the alerts nobody has acknowledged yet
 *
 * Returns: (transfer full) (element-type KefuBatchAlert): the alerts, newest first
 */
GPtrArray *
kefu_store_list_batch_alerts (KefuStore     *self,
                              gboolean       open_only,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GPtrArray *alerts;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = _kefu_store_query (self,
                            open_only ? ALERT_SQL ("WHERE batch_alerts.acknowledged_at IS NULL")
                                      : ALERT_SQL (""),
                            NULL, cancellable, error);
  if (rows == NULL)
    return NULL;
  alerts = g_ptr_array_new_full (kefu_rows_get_n_rows (rows), (GDestroyNotify) kefu_batch_alert_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (alerts, alert_from_row (rows, i));
  return alerts;
}

typedef struct
{
  gint64      alert_id;
  gint64      version;
  const char *note;
} Acknowledge;

static gboolean
acknowledge_txn (KefuStore     *self,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Acknowledge *ack = data;
  gint64 actor = _kefu_store_get_txn_actor (self);
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *now_text = NULL;
  KefuRole role;

  if (!_kefu_store_staff_role (self, actor, &role, NULL, cancellable, error))
    return FALSE;
  /* The QC manager receives the alert; a manager may take note of it in their absence. */
  if (role != KEFU_ROLE_QC_MANAGER && role != KEFU_ROLE_CS_MANAGER &&
      role != KEFU_ROLE_GM_OFFICE && role != KEFU_ROLE_ADMINISTRATOR)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                           _("Only the QC manager or a manager can acknowledge a batch alert. "
                             "Ask them to look at it."));
      return FALSE;
    }

  current = _kefu_store_query (self,
                               "SELECT version, acknowledged_at, batch_number, complaint_count "
                               "FROM batch_alerts WHERE id = $1",
                               g_variant_new ("(x)", ack->alert_id), cancellable, error);
  if (current == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (current) == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no batch alert with number %lld. Reload the board."),
                   (long long) ack->alert_id);
      return FALSE;
    }
  if (kefu_rows_get_int (current, 0, 0) != ack->version)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
                           _("Someone else changed this batch alert meanwhile. Reload the board "
                             "to see what they did, then try again."));
      return FALSE;
    }
  if (!kefu_rows_is_null (current, 0, 1))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("This batch alert was already acknowledged."));
      return FALSE;
    }

  now_text = _kefu_store_now_text (self);
  if (_kefu_store_execute (self,
                           "UPDATE batch_alerts SET acknowledged_at = $5, acknowledged_by = $2, "
                           "note = $3, version = version + 1 WHERE id = $1 AND version = $4",
                           g_variant_new ("(xxmsxs)", ack->alert_id, actor,
                                          _kefu_store_nullable (ack->note), ack->version,
                                          now_text),
                           cancellable, error) < 0)
    return FALSE;

  details = g_string_new ("{\"batch_number\":");
  _kefu_json_append_string (details, kefu_rows_get_text (current, 0, 2));
  g_string_append (details, ",\"text\":");
  if (_kefu_store_nullable (ack->note) != NULL)
    _kefu_json_append_string (details, ack->note);
  else
    g_string_append (details, "null");
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, "batch_alerts", ack->alert_id, "acknowledged",
                                details->str, cancellable, error);
}

/**
 * kefu_store_acknowledge_batch_alert:
 * @version: the alert's version as read (%KEFU_STORE_ERROR_STALE_VERSION when it changed)
 * @note: (nullable): what the QC manager noted
 *
 * The QC manager (or a manager) takes note of an alert; it leaves the banner.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
kefu_store_acknowledge_batch_alert (KefuStore     *self,
                                    gint64         alert_id,
                                    gint64         version,
                                    const char    *note,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *stored_note = NULL;
  Acknowledge ack;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stored_note = note != NULL ? _kefu_store_normalize_text (note) : NULL;
  if (!_kefu_store_validate_text (_("Note"), stored_note, KEFU_TEXT_MAX_NOTES, FALSE, TRUE, error))
    return FALSE;

  ack = (Acknowledge) { alert_id, version, stored_note };
  return _kefu_store_write (self, acknowledge_txn, &ack, cancellable, error);
}
