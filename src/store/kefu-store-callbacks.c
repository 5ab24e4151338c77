/* kefu-store-callbacks.c: callbacks (回访) as the after-sales writes schedule them, one per source
 * record and reason, planned by the callback rules (core/kefu-callback-rules.h: within the
 * callback window of working days, out of the site's and the customer's quiet hours), the insert
 * every new callback goes through, and the lists of a record's or a customer's callbacks.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-callbacks-private.h"

#define CALLBACK_ENTITY KEFU_CALLBACK_ENTITY

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

/* Inserts one callback with its event `action` ("scheduled", "created"). */
gint64
_kefu_store_callback_insert (KefuStore              *self,
                             const KefuCallbackNew  *n,
                             const char             *action,
                             GCancellable           *cancellable,
                             GError                **error)
{
  const char *reason_nick = _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_REASON, n->reason);
  const char *method_nick = _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_METHOD, n->method);
  g_autoptr(KefuRows) inserted = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *due_text = kefu_time_to_db (n->due_at);
  g_autofree char *deadline_text = kefu_time_to_db (n->deadline_at);
  g_autofree char *agreed_text = n->agreed_at != NULL ? kefu_time_to_db (n->agreed_at) : NULL;
  g_autofree char *now_text = _kefu_store_now_text (self);
  GVariantBuilder params;
  gint64 id;

  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  g_variant_builder_add (&params, "x", n->customer_id);
  g_variant_builder_add (&params, "s", reason_nick);
  g_variant_builder_add (&params, "ms", n->source_entity);
  g_variant_builder_add (&params, "mx", n->source_id != 0, n->source_id);
  g_variant_builder_add (&params, "s", due_text);
  g_variant_builder_add (&params, "s", deadline_text);
  g_variant_builder_add (&params, "ms", agreed_text);
  g_variant_builder_add (&params, "ms", n->topic);
  g_variant_builder_add (&params, "s", method_nick);
  g_variant_builder_add (&params, "mx", n->assigned_to != 0, n->assigned_to);
  g_variant_builder_add (&params, "mx", n->campaign_id != 0, n->campaign_id);
  g_variant_builder_add (&params, "x", _kefu_store_get_txn_actor (self));
  g_variant_builder_add (&params, "s", now_text);
  inserted = _kefu_store_query (self,
                                "INSERT INTO callbacks (customer_id, customer_name, reason, "
                                "source_entity, source_id, due_at, deadline_at, agreed_at, topic, "
                                "method, state, assigned_to, campaign_id, created_by, created_at, "
                                "updated_at) SELECT id, name, $2, $3, $4, $5, $6, $7, $8, $9, "
                                "'due', $10, $11, $12, $13, $13 FROM customers WHERE id = $1 "
                                "RETURNING id",
                                g_variant_builder_end (&params), cancellable, error);
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
  if (n->source_entity != NULL)
    {
      g_string_append (details, "{\"entity\":");
      _kefu_json_append_string (details, n->source_entity);
      g_string_append_printf (details, ",\"id\":%" G_GINT64_FORMAT "}", n->source_id);
    }
  else
    g_string_append (details, "null");
  g_string_append (details, ",\"due_at\":");
  _kefu_json_append_string (details, due_text);
  g_string_append (details, ",\"deadline_at\":");
  _kefu_json_append_string (details, deadline_text);
  if (n->assigned_to != 0)
    g_string_append_printf (details, ",\"assigned_to\":%" G_GINT64_FORMAT, n->assigned_to);
  if (n->campaign_id != 0)
    g_string_append_printf (details, ",\"campaign_id\":%" G_GINT64_FORMAT, n->campaign_id);
  g_string_append_c (details, '}');
  if (!_kefu_store_add_event (self, CALLBACK_ENTITY, id, action, details->str,
                              cancellable, error))
    return 0;
  return id;
}

/* The deadline and the first planned time of a callback for an event at `event_time`, by the
 * rules with the customer's own times. A customer with no allowed time in the search window
 * (their times leave none) is still called: by the deadline. */
gboolean
_kefu_store_callback_plan (KefuStore     *self,
                           gint64         customer_id,
                           GDateTime     *event_time,
                           GDateTime     *agreed_at,
                           GDateTime    **due_at,
                           GDateTime    **deadline_at,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(KefuCallbackPreferences) prefs = NULL;

  rules = kefu_store_read_callback_rules (self, cancellable, error);
  if (rules == NULL)
    return FALSE;
  prefs = _kefu_store_callback_preferences (self, customer_id, cancellable, error);
  if (prefs == NULL)
    return FALSE;
  *deadline_at = kefu_callback_deadline (rules, event_time);
  *due_at = kefu_callback_first_due (rules, prefs, event_time, agreed_at);
  if (*due_at == NULL)
    {
      g_message ("No allowed callback time for customer %" G_GINT64_FORMAT " within %d days; "
                 "due by the deadline", customer_id, KEFU_CALLBACK_SEARCH_DAYS);
      *due_at = g_date_time_ref (*deadline_at);
    }
  return TRUE;
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
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  KefuCallbackNew n = { 0 };

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

  /* The rules of the callback calendar: within the window, never in a quiet time (the site's
   * or the customer's), in the customer's preferred times when they have some. */
  if (!_kefu_store_callback_plan (self, customer_id, event_time, NULL, &due, &deadline,
                                  cancellable, error))
    return 0;
  n.customer_id = customer_id;
  n.reason = reason;
  n.source_entity = source_entity;
  n.source_id = source_id;
  n.method = KEFU_CALLBACK_METHOD_PHONE;
  n.due_at = due;
  n.deadline_at = deadline;
  return _kefu_store_callback_insert (self, &n, "scheduled", cancellable, error);
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
