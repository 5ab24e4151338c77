/* kefu-store-callbacks.c: callbacks (回访) as the after-sales writes schedule them, one per source
 * record and reason, due within the callback window (callback.window-days working days of the
 * work calendar, out of the customers' quiet hours), and the lists of a record's or a customer's
 * callbacks.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-job-flow.h"
#include "core/kefu-settings-keys.h"
#include "kefu-store-callbacks.h"
#include "kefu-store-complaints-private.h"

#define CALLBACK_ENTITY "callback"

void
kefu_callback_info_free (KefuCallbackInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->customer_name);
  g_free (info->source_entity);
  g_clear_pointer (&info->due_at, g_date_time_unref);
  g_clear_pointer (&info->created_at, g_date_time_unref);
  g_free (info);
}

/* The customers' quiet hours from the settings (the default when unset); a value another tool
 * damaged gives the default too, so that a callback is always scheduled. */
static GArray *
read_quiet_hours (KefuStore     *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = kefu_store_get_setting (self, KEFU_SETTING_CALLBACK_QUIET_HOURS,
                                                  cancellable, &local_error);
  const char *fallback = kefu_setting_get_default (KEFU_SETTING_CALLBACK_QUIET_HOURS);
  GArray *ranges;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  ranges = kefu_setting_parse_time_ranges (text != NULL ? text : (fallback != NULL ? fallback : ""),
                                           NULL);
  if (ranges == NULL)
    {
      g_message ("The setting %s holds “%s”, which is not valid; using the default",
                 KEFU_SETTING_CALLBACK_QUIET_HOURS, text);
      ranges = kefu_setting_parse_time_ranges (fallback != NULL ? fallback : "", NULL);
    }
  return ranges != NULL ? ranges : g_array_new (FALSE, FALSE, sizeof (KefuTimeRange));
}

gint64
_kefu_store_schedule_callback (KefuStore           *self,
                               gint64               customer_id,
                               KefuCallbackReason   reason,
                               const char          *source_entity,
                               gint64               source_id,
                               GDateTime           *event_time,
                               GCancellable        *cancellable,
                               GError             **error)
{
  const char *reason_nick = _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_REASON, reason);
  g_autoptr(KefuRows) existing = NULL;
  g_autoptr(KefuRows) inserted = NULL;
  g_autoptr(KefuWorkCalendar) calendar = NULL;
  g_autoptr(GArray) quiet = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *now_text = NULL;
  KefuComplaintDeadlineRules rules;
  gint64 id;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (reason_nick != NULL, 0);
  g_return_val_if_fail (event_time != NULL, 0);
  g_return_val_if_fail ((source_entity == NULL) == (source_id == 0), 0);

  if (source_entity != NULL)
    {
      existing = _kefu_store_query (self,
                                    "SELECT id FROM callbacks WHERE source_entity = $1 AND "
                                    "source_id = $2 AND reason = $3",
                                    g_variant_new ("(sxs)", source_entity, source_id, reason_nick),
                                    cancellable, error);
      if (existing == NULL)
        return 0;
      if (kefu_rows_get_n_rows (existing) > 0)
        return kefu_rows_get_int (existing, 0, 0);
    }

  /* The window and the work calendar as the complaint callbacks read them. */
  if (!_kefu_store_complaint_deadline_rules (self, &rules, &calendar, cancellable, error))
    return 0;
  quiet = read_quiet_hours (self, cancellable, error);
  if (quiet == NULL)
    return 0;
  due = kefu_callback_due_after (event_time, rules.callback_days, calendar, quiet);
  due_text = kefu_time_to_db (due);
  now_text = _kefu_store_now_text (self);

  inserted = _kefu_store_query (self,
                                "INSERT INTO callbacks (customer_id, customer_name, reason, "
                                "source_entity, source_id, due_at, state, created_by, "
                                "created_at, updated_at) SELECT id, name, $2, $3, $4, $5, 'due', "
                                "$6, $7, $7 FROM customers WHERE id = $1 RETURNING id",
                                g_variant_new ("(xsmsmxsxs)", customer_id, reason_nick,
                                               source_entity, source_id != 0, source_id,
                                               due_text, _kefu_store_get_txn_actor (self),
                                               now_text),
                                cancellable, error);
  if (inserted == NULL)
    return 0;
  if (kefu_rows_get_n_rows (inserted) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("The customer to call back no longer exists."));
      return 0;
    }
  id = kefu_rows_get_int (inserted, 0, 0);

  details = g_string_new ("{\"reason\":");
  _kefu_json_append_string (details, reason_nick);
  g_string_append (details, ",\"source\":");
  if (source_entity != NULL)
    {
      g_string_append (details, "{\"entity\":");
      _kefu_json_append_string (details, source_entity);
      g_string_append_printf (details, ",\"id\":%" G_GINT64_FORMAT "}", source_id);
    }
  else
    g_string_append (details, "null");
  g_string_append (details, ",\"due_at\":");
  _kefu_json_append_string (details, due_text);
  g_string_append_c (details, '}');
  if (!_kefu_store_add_event (self, CALLBACK_ENTITY, id, "scheduled", details->str,
                              cancellable, error))
    return 0;
  return id;
}

#define INFO_COLUMNS \
  "id, customer_id, customer_name, reason, source_entity, source_id, due_at, state, " \
  "assigned_to, created_at FROM callbacks "

static GPtrArray *
read_infos (KefuStore     *self,
            const char    *sql,
            GVariant      *params,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (self, sql, params, cancellable, error);
  GPtrArray *infos;

  if (rows == NULL)
    return NULL;
  infos = g_ptr_array_new_full (kefu_rows_get_n_rows (rows),
                                (GDestroyNotify) kefu_callback_info_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuCallbackInfo *info = g_new0 (KefuCallbackInfo, 1);

      info->id = kefu_rows_get_int (rows, i, 0);
      info->customer_id = kefu_rows_get_int (rows, i, 1);
      info->customer_name = g_strdup (kefu_rows_get_text (rows, i, 2));
      info->reason = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_REASON,
                                                 kefu_rows_get_text (rows, i, 3),
                                                 KEFU_CALLBACK_REASON_OTHER);
      info->source_entity = g_strdup (kefu_rows_get_text (rows, i, 4));
      info->source_id = kefu_rows_get_int (rows, i, 5);
      info->due_at = kefu_rows_get_time (rows, i, 6);
      info->state = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_STATE,
                                                kefu_rows_get_text (rows, i, 7),
                                                KEFU_CALLBACK_STATE_DUE);
      info->assigned_to = kefu_rows_get_int (rows, i, 8);
      info->created_at = kefu_rows_get_time (rows, i, 9);
      g_ptr_array_add (infos, info);
    }
  return infos;
}

/**
 * kefu_store_list_callbacks_for:
 * @source_entity: the record's entity ("shipment", "service-job", …)
 *
 * Returns: (transfer full) (element-type KefuCallbackInfo): the callbacks about the record,
 *   oldest first
 */
GPtrArray *
kefu_store_list_callbacks_for (KefuStore     *self,
                               const char    *source_entity,
                               gint64         source_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (source_entity != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Through the unique index on (source_entity, source_id, reason). */
  return read_infos (self,
                     "SELECT " INFO_COLUMNS "WHERE source_entity = $1 AND source_id = $2 "
                     "ORDER BY created_at, id",
                     g_variant_new ("(sx)", source_entity, source_id), cancellable, error);
}

/**
 * kefu_store_list_customer_callbacks:
 *
 * Returns: (transfer full) (element-type KefuCallbackInfo): the customer's callbacks, newest
 *   due first
 */
GPtrArray *
kefu_store_list_customer_callbacks (KefuStore     *self,
                                    gint64         customer_id,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_infos (self,
                     "SELECT " INFO_COLUMNS "WHERE customer_id = $1 ORDER BY due_at DESC, id DESC",
                     g_variant_new ("(x)", customer_id), cancellable, error);
}
