/* kefu-store-callbacks-campaign.c: special-occasion (and survey, renewal, maintenance) campaigns
 * (节日 / 促销回访): a lead picks the customers by a target (the members, a district, a product's
 * buyers), and the campaign gives each one callback, spread by kefu_campaign_spread () over the
 * chosen clerks and days out of every quiet time, in one transaction with the campaign's row.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-enums.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-callbacks-private.h"

typedef struct
{
  const KefuCampaignInput *input;
  char                    *name;
  char                    *topic;
  char                    *district_pattern;
  gint64                   id;
  guint                    n_created;
} CampaignWrite;

/* Refusals read as "return fail (…)". */
#define fail _kefu_store_callback_fail

/* Customers who already have a due callback of the reason within the days ($1 reason, $2 and $3
 * the days' bounds) are left out: one call each. */
#define NOT_DUE_ALREADY \
  " AND NOT EXISTS (SELECT 1 FROM callbacks WHERE callbacks.customer_id = customers.id AND " \
  "callbacks.reason = $1 AND callbacks.state = 'due' AND callbacks.due_at >= $2 AND " \
  "callbacks.due_at < $3) ORDER BY customers.id"

static const char members_sql[] =
  "SELECT customers.id FROM customers WHERE customers.is_member" NOT_DUE_ALREADY;
/* A members' survey calls those not surveyed in the survey period holding its first day ($4
 * and $5 the period's bounds) and without a survey callback still to make: "100% of members"
 * is each member once a period, and the lead's "Plan Survey Callbacks…" is for the ones
 * still missing. */
static const char unsurveyed_members_sql[] =
  "SELECT customers.id FROM customers WHERE customers.is_member AND NOT EXISTS (SELECT 1 "
  "FROM callbacks WHERE callbacks.customer_id = customers.id AND callbacks.reason = 'survey' "
  "AND (callbacks.state = 'due' OR (callbacks.state = 'done' AND callbacks.done_at >= $4 AND "
  "callbacks.done_at < $5)))" NOT_DUE_ALREADY;
/* The district as a substring ("浦东" in "上海市浦东新区"), its LIKE wildcards escaped. */
static const char district_sql[] =
  "SELECT customers.id FROM customers WHERE customers.district LIKE $4 ESCAPE '\\'"
  NOT_DUE_ALREADY;
/* A product's buyers: on an order line of one of their calls, or a line of one of their
 * shipments. */
static const char product_sql[] =
  "SELECT customers.id FROM customers WHERE (customers.id IN (SELECT calls.customer_id "
  "FROM order_lines JOIN orders ON orders.id = order_lines.order_id "
  "JOIN calls ON calls.id = orders.call_id WHERE order_lines.product_id = $4) "
  "OR customers.id IN (SELECT shipments.customer_id FROM shipment_lines "
  "JOIN shipments ON shipments.id = shipment_lines.shipment_id "
  "WHERE shipment_lines.product_id = $4))" NOT_DUE_ALREADY;

static GArray *
read_targets (KefuStore      *self,
              CampaignWrite  *w,
              const char     *from_text,
              const char     *to_text,
              GCancellable   *cancellable,
              GError        **error)
{
  const KefuCampaignInput *in = w->input;
  const char *reason = _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_REASON, in->reason);

  switch (in->target)
    {
    case KEFU_CAMPAIGN_TARGET_DISTRICT:
      return _kefu_store_query_int64_column (self, district_sql,
                                             g_variant_new ("(ssss)", reason, from_text, to_text,
                                                            w->district_pattern),
                                             cancellable, error);
    case KEFU_CAMPAIGN_TARGET_PRODUCT:
      return _kefu_store_query_int64_column (self, product_sql,
                                             g_variant_new ("(sssx)", reason, from_text, to_text,
                                                            in->product_id),
                                             cancellable, error);
    case KEFU_CAMPAIGN_TARGET_MEMBERS:
    default:
      if (in->reason == KEFU_CALLBACK_REASON_SURVEY)
        {
          g_autoptr(KefuCallbackRules) rules = kefu_store_read_callback_rules (self, cancellable,
                                                                              error);
          g_autofree char *period_from = NULL;
          g_autofree char *period_to = NULL;
          GDate first, last;

          if (rules == NULL)
            return NULL;
          kefu_survey_period_bounds (kefu_callback_rules_get_survey_period (rules),
                                     in->first_day, FALSE, &first, &last);
          _kefu_store_local_days_bounds (&first, &last, &period_from, &period_to);
          return _kefu_store_query_int64_column (self, unsurveyed_members_sql,
                                                 g_variant_new ("(sssss)", reason, from_text,
                                                                to_text, period_from, period_to),
                                                 cancellable, error);
        }
      return _kefu_store_query_int64_column (self, members_sql,
                                             g_variant_new ("(sss)", reason, from_text, to_text),
                                             cancellable, error);
    }
}

/* Every customer's own times, by customer id (KefuCallbackPreferences). */
static GHashTable *
read_preferences (KefuStore     *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GHashTable *prefs;

  rows = _kefu_store_query (self,
                            "SELECT customer_id, quiet, preferred FROM "
                            "customer_callback_preferences", NULL, cancellable, error);
  if (rows == NULL)
    return NULL;
  prefs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) kefu_callback_preferences_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      gint64 id = kefu_rows_get_int (rows, i, 0);
      KefuCallbackPreferences *p;

      /* Damaged times are no times, as for one callback. */
      p = kefu_callback_preferences_new_from_text (kefu_rows_get_text (rows, i, 1),
                                                   kefu_rows_get_text (rows, i, 2), NULL);
      if (p != NULL)
        g_hash_table_insert (prefs, g_memdup2 (&id, sizeof id), p);
    }
  return prefs;
}

static gboolean
check_clerks (KefuStore      *self,
              const gint64   *clerks,
              guint           n_clerks,
              GCancellable   *cancellable,
              GError        **error)
{
  for (guint i = 0; i < n_clerks; i++)
    {
      g_autoptr(KefuRows) rows = _kefu_store_query (self,
                                                    "SELECT active FROM staff WHERE id = $1",
                                                    g_variant_new ("(x)", clerks[i]),
                                                    cancellable, error);

      if (rows == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (rows) == 0 || !kefu_rows_get_bool (rows, 0, 0))
        return fail (error, KEFU_STORE_ERROR_INVALID,
                     _("One of the chosen clerks no longer works here. Choose the clerks "
                       "again."));
    }
  return TRUE;
}

static gboolean
insert_callbacks (KefuStore      *self,
                  CampaignWrite  *w,
                  GArray         *slots,
                  GDateTime      *deadline,
                  GCancellable   *cancellable,
                  GError        **error)
{
  for (guint i = 0; i < slots->len; i++)
    {
      KefuCampaignSlot *slot = &g_array_index (slots, KefuCampaignSlot, i);
      KefuCallbackNew n = { 0 };

      n.customer_id = slot->customer_id;
      n.reason = w->input->reason;
      n.topic = w->topic != NULL ? w->topic : w->name;
      n.method = KEFU_CALLBACK_METHOD_PHONE;
      n.due_at = slot->due_at;
      n.deadline_at = deadline;
      n.assigned_to = slot->clerk_id;
      n.campaign_id = w->id;
      if (_kefu_store_callback_insert (self, &n, "created", cancellable, error) == 0)
        return FALSE;
      w->n_created++;
    }
  return TRUE;
}

static gboolean
campaign_txn (KefuStore     *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CampaignWrite *w = data;
  const KefuCampaignInput *in = w->input;
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(GHashTable) prefs = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GError) spread_error = NULL;
  g_autoptr(KefuRows) inserted = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *first_text = _kefu_store_date_to_text (in->first_day);
  g_autofree char *last_text = _kefu_store_date_to_text (in->last_day);
  g_autofree char *now_text = _kefu_store_now_text (self);
  KefuRole role;

  w->n_created = 0;
  if (!_kefu_store_callback_actor_role (self, &role, cancellable, error))
    return FALSE;
  if (!kefu_role_leads_callbacks (role))
    return fail (error, KEFU_STORE_ERROR_PERMISSION,
                 _("Only a team lead, the customer service manager or the general manager's "
                   "office can create a campaign."));
  if (!check_clerks (self, in->clerks, in->n_clerks, cancellable, error))
    return FALSE;

  _kefu_store_local_days_bounds (in->first_day, in->last_day, &from_text, &to_text);
  rules = kefu_store_read_callback_rules (self, cancellable, error);
  if (rules == NULL)
    return FALSE;
  prefs = read_preferences (self, cancellable, error);
  if (prefs == NULL)
    return FALSE;
  targets = read_targets (self, w, from_text, to_text, cancellable, error);
  if (targets == NULL)
    return FALSE;

  customers = g_array_sized_new (FALSE, TRUE, sizeof (KefuCampaignCustomer), targets->len);
  for (guint i = 0; i < targets->len; i++)
    {
      KefuCampaignCustomer c = { 0 };

      c.customer_id = g_array_index (targets, gint64, i);
      c.prefs = g_hash_table_lookup (prefs, &c.customer_id);
      g_array_append_val (customers, c);
    }
  slots = kefu_campaign_spread (rules, (const KefuCampaignCustomer *) customers->data,
                                customers->len, in->clerks, in->n_clerks, in->first_day,
                                in->last_day, in->per_clerk_per_day, in->slot_minutes,
                                &spread_error);
  if (slots == NULL)
    return fail (error, KEFU_STORE_ERROR_INVALID, spread_error->message);

  inserted = _kefu_store_query (self,
                                "INSERT INTO callback_campaigns (name, reason, topic, target, "
                                "district, product_id, first_day, last_day, created_by, "
                                "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                                "RETURNING id",
                                g_variant_new ("(ssmssmsmxssxs)", w->name,
                                               _kefu_store_enum_to_nick (
                                                 KEFU_TYPE_CALLBACK_REASON, in->reason),
                                               w->topic,
                                               _kefu_store_enum_to_nick (
                                                 KEFU_TYPE_CAMPAIGN_TARGET, in->target),
                                               in->target == KEFU_CAMPAIGN_TARGET_DISTRICT ?
                                               in->district : NULL,
                                               in->target == KEFU_CAMPAIGN_TARGET_PRODUCT,
                                               in->product_id, first_text, last_text,
                                               _kefu_store_get_txn_actor (self), now_text),
                                cancellable, error);
  if (inserted == NULL)
    return FALSE;
  w->id = kefu_rows_get_int (inserted, 0, 0);

  /* The campaign's days are its window: done after its last day is late. */
  deadline = kefu_time_from_db (to_text);
  if (!insert_callbacks (self, w, slots, deadline, cancellable, error) ||
      _kefu_store_execute (self, "UPDATE callback_campaigns SET n_callbacks = $2 WHERE id = $1",
                           g_variant_new ("(xx)", w->id, (gint64) w->n_created),
                           cancellable, error) < 0)
    return FALSE;

  details = g_string_new ("{\"name\":");
  _kefu_json_append_string (details, w->name);
  g_string_append (details, ",\"target\":");
  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_CAMPAIGN_TARGET,
                                                               in->target));
  g_string_append (details, ",\"first_day\":");
  _kefu_json_append_string (details, first_text);
  g_string_append (details, ",\"last_day\":");
  _kefu_json_append_string (details, last_text);
  g_string_append_printf (details, ",\"callbacks\":%u}", w->n_created);
  return _kefu_store_add_event (self, "callback-campaign", w->id, "created", details->str,
                                cancellable, error);
}

/* The district as a LIKE pattern matching it anywhere, its wildcards escaped. */
static char *
district_pattern (const char *district)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = district; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static gboolean
validate (const KefuCampaignInput  *in,
          CampaignWrite            *w,
          GError                  **error)
{
  if (!_kefu_store_validate_text (C_("campaign field", "Name"), w->name, KEFU_TEXT_MAX_SHORT,
                                  TRUE, FALSE, error) ||
      !_kefu_store_validate_text (C_("campaign field", "Topic"),
                                  w->topic != NULL ? w->topic : "", KEFU_TEXT_MAX_SHORT, FALSE,
                                  FALSE, error))
    return FALSE;
  if (in->reason != KEFU_CALLBACK_REASON_OCCASION && in->reason != KEFU_CALLBACK_REASON_SURVEY &&
      in->reason != KEFU_CALLBACK_REASON_RENEWAL &&
      in->reason != KEFU_CALLBACK_REASON_MAINTENANCE)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("A campaign is a special occasion, a satisfaction survey, a renewal reminder "
                   "or a maintenance reminder. Choose one of them."));
  if (in->target == KEFU_CAMPAIGN_TARGET_DISTRICT &&
      (in->district == NULL || in->district[0] == '\0'))
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("Enter the district whose customers the campaign calls."));
  if (in->target == KEFU_CAMPAIGN_TARGET_PRODUCT && in->product_id <= 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("Choose the product whose buyers the campaign calls."));
  if (in->n_clerks == 0 || in->per_clerk_per_day == 0 || in->slot_minutes == 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("Choose at least one clerk, how many calls each makes a day and the minutes "
                   "between two calls."));
  if (g_date_compare (in->first_day, in->last_day) > 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("The campaign's last day is before its first day. Check the days."));
  return TRUE;
}

gint64
kefu_store_create_campaign (KefuStore                *self,
                            const KefuCampaignInput  *input,
                            guint                    *n_created,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  CampaignWrite w = { input, NULL, NULL, NULL, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (input->first_day != NULL && g_date_valid (input->first_day), 0);
  g_return_val_if_fail (input->last_day != NULL && g_date_valid (input->last_day), 0);
  g_return_val_if_fail (input->clerks != NULL || input->n_clerks == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* What is checked is what is stored. */
  w.name = _kefu_store_normalize_text (input->name != NULL ? input->name : "");
  w.topic = input->topic != NULL ? _kefu_store_normalize_text (input->topic) : NULL;
  if (w.topic != NULL && w.topic[0] == '\0')
    g_clear_pointer (&w.topic, g_free);
  if (input->district != NULL)
    w.district_pattern = district_pattern (input->district);
  ok = validate (input, &w, error) && _kefu_store_write (self, campaign_txn, &w, cancellable,
                                                         error);
  g_free (w.name);
  g_free (w.topic);
  g_free (w.district_pattern);
  if (n_created != NULL)
    *n_created = ok ? w.n_created : 0;
  return ok ? w.id : 0;
}
