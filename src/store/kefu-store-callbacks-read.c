/* kefu-store-callbacks-read.c: reading callbacks for the calendar: the site's callback rules from
 * the settings, a customer's own callback times, one callback whole (its attempts and the names
 * it mentions) and the record built from a list row.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "kefu-store-callbacks-private.h"

/* The settings the rules read (kefu_callback_rules_set ()). */
static const char *const rule_keys[] = {
  KEFU_SETTING_CALLBACK_QUIET_HOURS,
  KEFU_SETTING_CALLBACK_WINDOW_DAYS,
  KEFU_SETTING_CALLBACK_MAX_ATTEMPTS,
  KEFU_SETTING_CALLBACK_RETRY_MINUTES,
  KEFU_SETTING_CALLBACK_SURVEY_PERIOD,
  KEFU_SETTING_OFFICE_HOURS,
  KEFU_SETTING_WORK_HOURS,
  KEFU_SETTING_WORK_DAYS,
  KEFU_SETTING_WORK_HOLIDAYS,
};

/**
 * kefu_store_read_callback_rules:
 *
 * Returns: (transfer full): the site's callback rules in the local zone, the defaults where a
 *   setting is unset or damaged
 */
KefuCallbackRules *
kefu_store_read_callback_rules (KefuStore     *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One statement for all of them; the keys are constants, bound all the same. */
  rows = _kefu_store_query (self,
                            "SELECT key, value FROM settings WHERE key IN "
                            "($1, $2, $3, $4, $5, $6, $7, $8, $9) ORDER BY key",
                            g_variant_new ("(sssssssss)", rule_keys[0], rule_keys[1],
                                           rule_keys[2], rule_keys[3], rule_keys[4],
                                           rule_keys[5], rule_keys[6], rule_keys[7],
                                           rule_keys[8]),
                            cancellable, error);
  if (rows == NULL)
    return NULL;
  rules = kefu_callback_rules_new (local);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GError) local_error = NULL;
      const char *key = kefu_rows_get_text (rows, i, 0);
      const char *value = kefu_rows_get_text (rows, i, 1);

      /* A value another tool damaged must not stop the calendar: its default holds. */
      if (value != NULL && !kefu_callback_rules_set (rules, key, value, &local_error))
        g_message ("The setting %s holds “%s”, which is not valid (%s); using the default",
                   key, value, local_error->message);
    }
  return g_steal_pointer (&rules);
}

/* A customer's own times */

/* The stored texts (NULL: none). */
static gboolean
read_times (KefuStore     *self,
            gint64         customer_id,
            char         **quiet,
            char         **preferred,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  gboolean found;

  rows = _kefu_store_query (self,
                            "SELECT quiet, preferred FROM customer_callback_preferences "
                            "WHERE customer_id = $1",
                            g_variant_new ("(x)", customer_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  found = kefu_rows_get_n_rows (rows) > 0;
  if (quiet != NULL)
    *quiet = found ? g_strdup (kefu_rows_get_text (rows, 0, 0)) : NULL;
  if (preferred != NULL)
    *preferred = found ? g_strdup (kefu_rows_get_text (rows, 0, 1)) : NULL;
  return TRUE;
}

KefuCallbackPreferences *
_kefu_store_callback_preferences (KefuStore     *self,
                                  gint64         customer_id,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autofree char *quiet = NULL;
  g_autofree char *preferred = NULL;
  g_autoptr(GError) local_error = NULL;
  KefuCallbackPreferences *prefs;

  if (!read_times (self, customer_id, &quiet, &preferred, cancellable, error))
    return NULL;
  prefs = kefu_callback_preferences_new_from_text (quiet, preferred, &local_error);
  if (prefs == NULL)
    {
      g_message ("The callback times of customer %" G_GINT64_FORMAT " are not valid (%s); "
                 "using none", customer_id, local_error->message);
      prefs = kefu_callback_preferences_new_from_text (NULL, NULL, NULL);
    }
  return prefs;
}

/**
 * kefu_store_get_customer_callback_times:
 * @quiet: (out) (transfer full) (nullable): the customer's own quiet ranges
 * @preferred: (out) (transfer full) (nullable): the customer's preferred ranges
 */
gboolean
kefu_store_get_customer_callback_times (KefuStore     *self,
                                        gint64         customer_id,
                                        char         **quiet,
                                        char         **preferred,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_times (self, customer_id, quiet, preferred, cancellable, error);
}

/* A JSON string, or null. */
static void
append_nullable (GString    *json,
                 const char *text)
{
  if (text == NULL)
    g_string_append (json, "null");
  else
    _kefu_json_append_string (json, text);
}

typedef struct
{
  gint64  customer_id;
  char   *quiet;
  char   *preferred;
} TimesWrite;

static gboolean
set_times_txn (KefuStore     *self,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  TimesWrite *w = data;
  g_autofree char *now_text = _kefu_store_now_text (self);
  g_autoptr(KefuRows) customer = NULL;
  g_autoptr(GString) details = g_string_new ("{\"quiet\":");

  customer = _kefu_store_query (self, "SELECT id FROM customers WHERE id = $1",
                                g_variant_new ("(x)", w->customer_id), cancellable, error);
  if (customer == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (customer) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This customer no longer exists. Reload the customer list."));
      return FALSE;
    }
  if (_kefu_store_execute (self,
                           "INSERT INTO customer_callback_preferences (customer_id, quiet, "
                           "preferred, updated_at) VALUES ($1, $2, $3, $4) "
                           "ON CONFLICT (customer_id) DO UPDATE SET quiet = $2, preferred = $3, "
                           "updated_at = $4, "
                           "version = customer_callback_preferences.version + 1",
                           g_variant_new ("(xmsmss)", w->customer_id, w->quiet, w->preferred,
                                          now_text),
                           cancellable, error) < 0)
    return FALSE;
  append_nullable (details, w->quiet);
  g_string_append (details, ",\"preferred\":");
  append_nullable (details, w->preferred);
  g_string_append_c (details, '}');
  /* On the customer's timeline: the times are the customer's. */
  return _kefu_store_add_event (self, "customers", w->customer_id, "callback-times",
                                details->str, cancellable, error);
}

/* NULL for nothing, else the text in stored form. */
static char *
times_text (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;
  normalized = _kefu_store_normalize_text (text);
  if (normalized[0] == '\0')
    return NULL;
  return g_steal_pointer (&normalized);
}

gboolean
kefu_store_set_customer_callback_times (KefuStore     *self,
                                        gint64         customer_id,
                                        const char    *quiet,
                                        const char    *preferred,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  g_autoptr(KefuCallbackPreferences) prefs = NULL;
  g_autoptr(GError) local_error = NULL;
  TimesWrite w = { customer_id, times_text (quiet), times_text (preferred) };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* What is checked is what is stored. */
  prefs = kefu_callback_preferences_new_from_text (w.quiet, w.preferred, &local_error);
  if (prefs == NULL)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           local_error->message);
      ok = FALSE;
    }
  else
    ok = _kefu_store_write (self, set_times_txn, &w, cancellable, error);
  g_free (w.quiet);
  g_free (w.preferred);
  return ok;
}

/* The record */

enum
{
  COL_ID,
  COL_VERSION,
  COL_CUSTOMER_ID,
  COL_CUSTOMER_NAME,
  COL_CUSTOMER_PHONE,
  COL_CUSTOMER_IS_MEMBER,
  COL_REASON,
  COL_SOURCE_ENTITY,
  COL_SOURCE_ID,
  COL_SOURCE_REFERENCE,
  COL_CAMPAIGN_ID,
  COL_CAMPAIGN_NAME,
  COL_TOPIC,
  COL_DUE_AT,
  COL_DEADLINE_AT,
  COL_AGREED_AT,
  COL_METHOD,
  COL_STATE,
  COL_ASSIGNED_TO,
  COL_ASSIGNED_TO_NAME,
  COL_CLAIMED_BY,
  COL_CLAIMED_BY_NAME,
  COL_CLAIM_WORKSTATION,
  COL_CLAIM_RENEWED_AT,
  COL_N_ATTEMPTS,
  COL_LAST_OUTCOME,
  COL_ESCALATED_AT,
  COL_OUTCOME,
  COL_SATISFACTION,
  COL_CUSTOMER_WORDS,
  COL_DONE_AT,
  COL_DONE_BY,
  COL_DONE_BY_NAME,
  COL_CANCEL_REASON,
  COL_CREATED_BY,
  COL_CREATED_AT,
  COL_UPDATED_AT,
};

/* The source's reference by one indexed look-up of the row's own source (never a join of every
 * complaint, job and shipment). Rows of step 4 without a deadline read their due time. */
const char _kefu_callback_columns[] =
  "callbacks.id, callbacks.version, callbacks.customer_id, callbacks.customer_name, "
  "customers.phone, customers.is_member, callbacks.reason, callbacks.source_entity, "
  "callbacks.source_id, "
  "CASE callbacks.source_entity "
  "WHEN 'complaint' THEN (SELECT reference FROM complaints WHERE id = callbacks.source_id) "
  "WHEN 'service-job' THEN (SELECT reference FROM service_jobs WHERE id = callbacks.source_id) "
  "WHEN 'shipment' THEN (SELECT reference FROM shipments WHERE id = callbacks.source_id) END, "
  "callbacks.campaign_id, callback_campaigns.name, callbacks.topic, callbacks.due_at, "
  "COALESCE(callbacks.deadline_at, callbacks.due_at), callbacks.agreed_at, callbacks.method, "
  "callbacks.state, callbacks.assigned_to, assignee.name, callbacks.claimed_by, claimer.name, "
  "callbacks.claim_workstation, callbacks.claim_renewed_at, callbacks.n_attempts, "
  "callbacks.last_outcome, callbacks.escalated_at, callbacks.outcome, callbacks.satisfaction, "
  "callbacks.customer_words, callbacks.done_at, callbacks.done_by, doer.name, "
  "callbacks.cancel_reason, callbacks.created_by, callbacks.created_at, callbacks.updated_at";

static char *
text_at (KefuRows *rows,
         guint     row,
         guint     column)
{
  return g_strdup (kefu_rows_get_text (rows, row, column));
}

KefuCallback *
_kefu_store_callback_from_row (KefuRows *rows,
                               guint     row)
{
  KefuCallback *cb = kefu_callback_new ();

  cb->id = kefu_rows_get_int (rows, row, COL_ID);
  cb->version = kefu_rows_get_int (rows, row, COL_VERSION);
  cb->customer_id = kefu_rows_get_int (rows, row, COL_CUSTOMER_ID);
  cb->customer_name = text_at (rows, row, COL_CUSTOMER_NAME);
  cb->customer_phone = text_at (rows, row, COL_CUSTOMER_PHONE);
  cb->customer_is_member = !kefu_rows_is_null (rows, row, COL_CUSTOMER_IS_MEMBER) &&
                           kefu_rows_get_bool (rows, row, COL_CUSTOMER_IS_MEMBER);
  cb->reason = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_REASON,
                                           kefu_rows_get_text (rows, row, COL_REASON),
                                           KEFU_CALLBACK_REASON_OTHER);
  cb->source_entity = text_at (rows, row, COL_SOURCE_ENTITY);
  cb->source_id = kefu_rows_get_int (rows, row, COL_SOURCE_ID);
  cb->source_reference = text_at (rows, row, COL_SOURCE_REFERENCE);
  cb->campaign_id = kefu_rows_get_int (rows, row, COL_CAMPAIGN_ID);
  cb->campaign_name = text_at (rows, row, COL_CAMPAIGN_NAME);
  cb->topic = text_at (rows, row, COL_TOPIC);
  cb->due_at = kefu_rows_get_time (rows, row, COL_DUE_AT);
  cb->deadline_at = kefu_rows_get_time (rows, row, COL_DEADLINE_AT);
  cb->agreed_at = kefu_rows_get_time (rows, row, COL_AGREED_AT);
  cb->method = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_METHOD,
                                           kefu_rows_get_text (rows, row, COL_METHOD),
                                           KEFU_CALLBACK_METHOD_PHONE);
  cb->state = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_STATE,
                                          kefu_rows_get_text (rows, row, COL_STATE),
                                          KEFU_CALLBACK_STATE_DUE);
  cb->assigned_to = kefu_rows_get_int (rows, row, COL_ASSIGNED_TO);
  cb->assigned_to_name = text_at (rows, row, COL_ASSIGNED_TO_NAME);
  cb->claimed_by = kefu_rows_get_int (rows, row, COL_CLAIMED_BY);
  cb->claimed_by_name = text_at (rows, row, COL_CLAIMED_BY_NAME);
  cb->claim_workstation = text_at (rows, row, COL_CLAIM_WORKSTATION);
  cb->claim_renewed_at = kefu_rows_get_time (rows, row, COL_CLAIM_RENEWED_AT);
  cb->n_attempts = (guint) kefu_rows_get_int (rows, row, COL_N_ATTEMPTS);
  cb->last_outcome = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_OUTCOME,
                                                 kefu_rows_get_text (rows, row, COL_LAST_OUTCOME),
                                                 KEFU_CALLBACK_OUTCOME_REACHED);
  cb->escalated_at = kefu_rows_get_time (rows, row, COL_ESCALATED_AT);
  cb->outcome = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_OUTCOME,
                                            kefu_rows_get_text (rows, row, COL_OUTCOME),
                                            KEFU_CALLBACK_OUTCOME_REACHED);
  cb->satisfaction = _kefu_store_enum_from_nick (KEFU_TYPE_SATISFACTION,
                                                 kefu_rows_get_text (rows, row, COL_SATISFACTION),
                                                 KEFU_SATISFACTION_UNSPECIFIED);
  cb->customer_words = text_at (rows, row, COL_CUSTOMER_WORDS);
  cb->done_at = kefu_rows_get_time (rows, row, COL_DONE_AT);
  cb->done_by = kefu_rows_get_int (rows, row, COL_DONE_BY);
  cb->done_by_name = text_at (rows, row, COL_DONE_BY_NAME);
  cb->cancel_reason = text_at (rows, row, COL_CANCEL_REASON);
  cb->created_by = kefu_rows_get_int (rows, row, COL_CREATED_BY);
  cb->created_at = kefu_rows_get_time (rows, row, COL_CREATED_AT);
  cb->updated_at = kefu_rows_get_time (rows, row, COL_UPDATED_AT);
  return cb;
}

GPtrArray *
_kefu_store_read_callbacks (KefuStore     *self,
                            const char    *sql,
                            GVariant      *params,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (self, sql, params, cancellable, error);
  GPtrArray *callbacks;

  if (rows == NULL)
    return NULL;
  callbacks = g_ptr_array_new_full (kefu_rows_get_n_rows (rows), g_object_unref);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (callbacks, _kefu_store_callback_from_row (rows, i));
  return callbacks;
}

static gboolean
read_attempts (KefuStore     *self,
               KefuCallback  *cb,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "SELECT callback_attempts.id, callback_attempts.attempted_at, "
                            "callback_attempts.attempted_by, staff.name, "
                            "callback_attempts.method, callback_attempts.outcome, "
                            "callback_attempts.note FROM callback_attempts "
                            "LEFT JOIN staff ON staff.id = callback_attempts.attempted_by "
                            "WHERE callback_attempts.callback_id = $1 "
                            "ORDER BY callback_attempts.id",
                            g_variant_new ("(x)", cb->id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuCallbackAttempt *attempt = g_new0 (KefuCallbackAttempt, 1);

      attempt->id = kefu_rows_get_int (rows, i, 0);
      attempt->at = kefu_rows_get_time (rows, i, 1);
      attempt->by = kefu_rows_get_int (rows, i, 2);
      attempt->by_name = text_at (rows, i, 3);
      attempt->method = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_METHOD,
                                                    kefu_rows_get_text (rows, i, 4),
                                                    KEFU_CALLBACK_METHOD_PHONE);
      attempt->outcome = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_OUTCOME,
                                                     kefu_rows_get_text (rows, i, 5),
                                                     KEFU_CALLBACK_OUTCOME_NO_ANSWER);
      attempt->note = text_at (rows, i, 6);
      g_ptr_array_add (cb->attempts, attempt);
    }
  return TRUE;
}

/**
 * kefu_store_get_callback:
 *
 * Returns: (transfer full): the callback with its attempts, oldest first, and the names it
 *   mentions; %NULL with KEFU_STORE_ERROR_NOT_FOUND when it is gone
 */
KefuCallback *
kefu_store_get_callback (KefuStore     *self,
                         gint64         callback_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(KefuCallback) cb = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strconcat ("SELECT ", _kefu_callback_columns, " FROM " KEFU_CALLBACK_FROM
                     " WHERE callbacks.id = $1", NULL);
  found = _kefu_store_read_callbacks (self, sql, g_variant_new ("(x)", callback_id),
                                      cancellable, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This callback no longer exists. Reload the calendar."));
      return NULL;
    }
  cb = g_object_ref (g_ptr_array_index (found, 0));
  if (cb->attempts == NULL)
    cb->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_callback_attempt_free);
  if (!read_attempts (self, cb, cancellable, error))
    return NULL;
  return g_steal_pointer (&cb);
}
