/* kefu-store-calls-bulk-prepare.c: the calls of a bulk load checked and worked out before the
 * transaction: validation with the call rules, the stored form of their text, summaries, local
 * days, hand-over dates and out-of-area flags, and what became of their leads.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-complaint-flow.h"
#include "core/kefu-phone.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-text.h"
#include "kefu-store-calls-bulk-private.h"

void
_kefu_bulk_set_invalid (GError     **error,
                        const char  *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, message);
}

/* One sentence for translators, with the position and the reason together. */
void
_kefu_bulk_set_call_invalid (GError     **error,
                             guint        index,
                             guint        n_calls,
                             const char  *reason)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
               _("Call %u of %u was not loaded: %s"), index + 1, n_calls, reason);
}


/* Text in its stored form: as given when it already is (nearly always), else normalised into
 * the load's strings. */
static const char *
stored_text (KefuBulkLoad *load,
             const char   *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || kefu_text_is_normalized (text))
    return text;
  normalized = kefu_text_normalize (text);
  if (g_strcmp0 (normalized, text) == 0)
    return text;
  return normalized != NULL ? g_string_chunk_insert (load->strings, normalized) : NULL;
}

/* kefu_text_is_normalized() answers for ASCII and common Chinese characters only; text with
 * other characters (the "×" of "250ml×12盒", "。") is compared with its normalised form. */
static gboolean
text_is_stored_form (const char *text)
{
  g_autofree char *normalized = NULL;

  if (kefu_text_is_normalized (text))
    return TRUE;
  normalized = kefu_text_normalize (text);
  return g_strcmp0 (normalized, text) == 0;
}

/* TRUE when every text of the call and its detail record of its kind is in its stored form, so
 * that the call can be bound as it is (see _kefu_store_call_copy()). */
static gboolean
call_text_is_stored_form (KefuCall *call)
{
  if (!text_is_stored_form (kefu_call_get_caller_name (call)) ||
      !text_is_stored_form (kefu_call_get_address (call)) ||
      !text_is_stored_form (kefu_call_get_notes (call)) ||
      !text_is_stored_form (kefu_call_get_summary (call)))
    return FALSE;

  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      {
        KefuOrder *order = kefu_call_get_order (call);
        GListModel *lines;

        if (order == NULL)
          return TRUE;
        if (!text_is_stored_form (kefu_order_get_delivery_address (order)) ||
            !text_is_stored_form (kefu_order_get_district (order)) ||
            !text_is_stored_form (kefu_order_get_area_note (order)))
          return FALSE;
        lines = G_LIST_MODEL (kefu_order_get_lines (order));
        for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
          {
            g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);

            if (!text_is_stored_form (kefu_order_line_get_product_name (line)) ||
                !text_is_stored_form (kefu_order_line_get_spec (line)))
              return FALSE;
          }
        return TRUE;
      }
    case KEFU_CALL_KIND_COMPLAINT:
      {
        KefuComplaint *c = kefu_call_get_complaint (call);

        return c == NULL ||
               (text_is_stored_form (kefu_complaint_get_subject (c)) &&
                text_is_stored_form (kefu_complaint_get_reason (c)) &&
                text_is_stored_form (kefu_complaint_get_explanation (c)) &&
                text_is_stored_form (kefu_complaint_get_purchase_method (c)) &&
                text_is_stored_form (kefu_complaint_get_purchase_place (c)) &&
                text_is_stored_form (kefu_complaint_get_batch_number (c)) &&
                text_is_stored_form (kefu_complaint_get_staff_identity (c)) &&
                text_is_stored_form (kefu_complaint_get_work_place (c)) &&
                text_is_stored_form (kefu_complaint_get_work_manner (c)));
      }
    case KEFU_CALL_KIND_INQUIRY:
      {
        KefuInquiry *inquiry = kefu_call_get_inquiry (call);

        return inquiry == NULL || text_is_stored_form (kefu_inquiry_get_answer (inquiry));
      }
    default:
      return FALSE;
    }
}

/* "YYYY-MM-DD HH:MM:SS.SSSZ" into `out`, as kefu_time_to_db() writes it, without allocating. */
void
_kefu_bulk_time_to_text (GDateTime *time,
                         char       out[32])
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  g_snprintf (out, 32, "%04d-%02d-%02d %02d:%02d:%02d.%03dZ",
              g_date_time_get_year (utc), g_date_time_get_month (utc),
              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
              g_date_time_get_minute (utc), g_date_time_get_second (utc),
              g_date_time_get_microsecond (utc) / 1000);
}

void
_kefu_bulk_date_to_text (const GDate *date,
                         char         out[16])
{
  g_snprintf (out, 16, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* A setting's value, or its default when it was never set. */
static char *
read_setting (KefuStore     *self,
              const char    *key,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (self, "SELECT value FROM settings WHERE key = $1",
                                                g_variant_new ("(s)", key), cancellable, error);

  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0 || kefu_rows_is_null (rows, 0, 0))
    return g_strdup (kefu_setting_get_default (key));
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

gboolean
_kefu_bulk_read_rules (KefuStore      *self,
                       KefuBulkRules  *rules,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autofree char *cutoff = NULL;
  g_autofree char *areas = NULL;

  g_clear_pointer (&rules->areas, g_strfreev);
  cutoff = read_setting (self, KEFU_SETTING_HANDOVER_CUTOFF, cancellable, error);
  if (cutoff == NULL)
    return FALSE;
  areas = read_setting (self, KEFU_SETTING_SERVICE_AREAS, cancellable, error);
  if (areas == NULL)
    return FALSE;

  /* As kefu_store_save_call(): a value damaged by another tool falls back to the default. */
  if (!kefu_setting_parse_time_of_day (cutoff, &rules->cutoff, NULL))
    kefu_setting_parse_time_of_day (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF),
                                    &rules->cutoff, NULL);
  rules->areas = kefu_setting_parse_service_areas (areas, NULL);
  if (rules->areas == NULL)
    rules->areas = g_new0 (char *, 1);
  return TRUE;
}

/* The rules of kefu_call_validate(), every problem of the call in one message. */
static gboolean
validate_call (KefuCall   *call,
               GDateTime  *now,
               GError    **error)
{
  g_autoptr(GPtrArray) problems = kefu_call_validate (call, now);
  g_autoptr(GString) message = NULL;

  if (problems->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      KefuFieldProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, problem->message);
    }
  _kefu_bulk_set_invalid (error, message->str);
  return FALSE;
}

/* What only a bulk load asks of a call, beyond the call rules. */
static gboolean
check_bulk_call (KefuCall  *call,
                 GError   **error)
{
  KefuCallKind kind = kefu_call_get_kind (call);

  if (kefu_record_get_id (KEFU_RECORD (call)) != 0)
    {
      _kefu_bulk_set_invalid (error, _("The call is already stored."));
      return FALSE;
    }
  if (kefu_call_get_customer_id (call) <= 0)
    {
      _kefu_bulk_set_invalid (error, _("The call names no customer; a bulk load takes calls of "
                                       "existing customers only."));
      return FALSE;
    }
  if (kefu_call_get_clerk_id (call) <= 0)
    {
      _kefu_bulk_set_invalid (error, _("The call names no clerk."));
      return FALSE;
    }
  if ((kind == KEFU_CALL_KIND_ORDER && kefu_call_get_order (call) == NULL) ||
      (kind == KEFU_CALL_KIND_COMPLAINT && kefu_call_get_complaint (call) == NULL) ||
      (kind == KEFU_CALL_KIND_INQUIRY && kefu_call_get_inquiry (call) == NULL))
    {
      _kefu_bulk_set_invalid (error, _("The call has no form of its kind."));
      return FALSE;
    }
  if (kind == KEFU_CALL_KIND_ORDER)
    {
      KefuOrder *order = kefu_call_get_order (call);

      if (kefu_order_get_handover_state (order) == KEFU_HANDOVER_STATE_HANDED_OVER &&
          (kefu_order_get_handed_to_id (order) <= 0 ||
           kefu_order_get_handed_over_at (order) == NULL))
        {
          _kefu_bulk_set_invalid (error, _("The order is marked handed over but does not say to "
                                           "whom or when."));
          return FALSE;
        }
      if (kefu_order_get_area_notified_at (order) != NULL &&
          (kefu_order_get_area_notified_by_id (order) <= 0 ||
           kefu_order_get_area_note (order)[0] == '\0'))
        {
          _kefu_bulk_set_invalid (error, _("The out-of-area notice does not say who gave it or "
                                           "what was said."));
          return FALSE;
        }
    }
  if (kind == KEFU_CALL_KIND_COMPLAINT)
    {
      KefuComplaint *complaint = kefu_call_get_complaint (call);
      gboolean explained = kefu_complaint_get_stage (complaint) == KEFU_COMPLAINT_STAGE_EXPLAINED;

      if (kefu_complaint_get_stage (complaint) != KEFU_COMPLAINT_STAGE_NEW &&
          explained == kefu_complaint_get_well_founded (complaint))
        {
          _kefu_bulk_set_invalid (error, _("Only a complaint that is not well founded closes as "
                                           "explained, and such a complaint closes no other way."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks the call, and works out what does not depend on the database. */
gboolean
_kefu_bulk_prepare_call (KefuBulkLoad  *load,
                         guint          index,
                         KefuCall      *call,
                         GDateTime     *now,
                         GError       **error)
{
  KefuBulkCall *c = &load->calls[index];
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) local_error = NULL;
  GDateTime *received;

  if (!KEFU_IS_CALL (call))
    {
      _kefu_bulk_set_call_invalid (error, index, load->n_calls, _("This is not a call."));
      return FALSE;
    }

  /* As every write, validate and store the normalised text; a call whose text already is in
   * that form, as generated data is, is its own copy. */
  if (call_text_is_stored_form (call))
    c->call = g_object_ref (call);
  else
    {
      c->original = g_object_ref (call);
      c->before = _kefu_store_call_copy (call, FALSE);
      c->call = _kefu_store_call_copy (call, TRUE);
      call = c->call;
    }

  if (!check_bulk_call (call, &local_error) || !validate_call (call, now, &local_error))
    {
      _kefu_bulk_set_call_invalid (error, index, load->n_calls, local_error->message);
      return FALSE;
    }

  c->kind = kefu_call_get_kind (call);
  c->lead = -1;
  c->converts = -1;
  received = kefu_call_get_received_at (call);
  local = g_date_time_to_timezone (received, load->tz);
  c->day = (guint32) (g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100 +
                      g_date_time_get_day_of_month (local));
  _kefu_bulk_time_to_text (received, c->received);

  /* The rules accepted the number, so it normalises. */
  c->phone = kefu_call_get_phone (call);
  if (!kefu_phone_is_normalized (c->phone))
    {
      g_autofree char *phone = kefu_phone_normalize (c->phone, NULL, NULL);

      g_return_val_if_fail (phone != NULL, FALSE);
      c->phone = g_string_chunk_insert (load->strings, phone);
    }

  c->summary = kefu_call_get_summary (call);
  if (c->summary[0] == '\0')
    {
      g_autofree char *summary = kefu_call_build_summary (call);

      c->summary = g_string_chunk_insert (load->strings, summary);
    }

  switch (c->kind)
    {
    case KEFU_CALL_KIND_ORDER:
      {
        KefuOrder *order = kefu_call_get_order (call);
        const GDate *given = kefu_order_get_handover_date (order);

        c->detail = load->orders->len;
        g_array_append_val (load->orders, index);
        load->n_lines += g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (order)));

        /* As a save: the delivery address defaults to the caller's, and the district (which
         * decides in the transaction whether the order is out of the area) is guessed from it
         * when not given. */
        c->delivery_address = kefu_order_get_delivery_address (order);
        if (c->delivery_address[0] == '\0')
          c->delivery_address = kefu_call_get_address (call);
        c->district = kefu_order_get_district (order);
        if (c->district[0] == '\0')
          {
            g_autofree char *district = kefu_address_guess_district (c->delivery_address);

            c->district = district != NULL ? g_string_chunk_insert_const (load->strings, district)
                                           : NULL;
          }
        if (given != NULL && g_date_valid (given))
          _kefu_bulk_date_to_text (given, c->handover_date);
        else
          c->handover_decided = TRUE;
        break;
      }
    case KEFU_CALL_KIND_COMPLAINT:
      {
        KefuComplaint *complaint = kefu_call_get_complaint (call);
        g_autofree char *batch = NULL;

        c->detail = load->complaints->len;
        g_array_append_val (load->complaints, index);
        c->batch_number = kefu_complaint_get_batch_number (complaint);
        if (c->batch_number != NULL && c->batch_number[0] != '\0' &&
            kefu_batch_number_validate (c->batch_number, &batch, NULL) &&
            g_strcmp0 (batch, c->batch_number) != 0)
          c->batch_number = g_string_chunk_insert (load->strings, batch);
        /* The batch as compared for clustering (schema step 3), kept where the number is: on
         * well-founded product-quality complaints. Batches repeat, so each key is stored once. */
        if (c->batch_number != NULL && c->batch_number[0] != '\0' &&
            kefu_complaint_get_well_founded (complaint) &&
            kefu_complaint_get_category (complaint) == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
          {
            g_autofree char *key = kefu_batch_number_key (c->batch_number);

            if (key != NULL && key[0] != '\0')
              c->batch_key = g_string_chunk_insert_const (load->strings, key);
          }
        break;
      }
    case KEFU_CALL_KIND_INQUIRY:
      c->detail = load->inquiries->len;
      g_array_append_val (load->inquiries, index);
      if (kefu_inquiry_get_potential_order (kefu_call_get_inquiry (call)))
        {
          KefuBulkLead lead = { .call = index, .state = KEFU_LEAD_STATE_OPEN, .order = -1 };

          c->lead = (gint) load->leads->len;
          g_array_append_val (load->leads, lead);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Applies `leads` (what became of the leads of this load) to the lead rows. */
gboolean
_kefu_bulk_prepare_leads (KefuBulkLoad            *load,
                          const KefuCallBulkLead  *leads,
                          guint                    n_leads,
                          GError                 **error)
{
  for (guint i = 0; i < n_leads; i++)
    {
      const KefuCallBulkLead *outcome = &leads[i];
      KefuBulkCall *inquiry = outcome->inquiry < load->n_calls ? &load->calls[outcome->inquiry] : NULL;
      KefuBulkLead *lead;

      if (inquiry == NULL || inquiry->kind != KEFU_CALL_KIND_INQUIRY || inquiry->lead < 0)
        {
          _kefu_bulk_set_invalid (error, _("A lead of the load does not belong to an inquiry call "
                                           "with a potential order. Nothing was loaded."));
          return FALSE;
        }
      lead = &g_array_index (load->leads, KefuBulkLead, inquiry->lead);
      if (lead->state != KEFU_LEAD_STATE_OPEN)
        {
          _kefu_bulk_set_invalid (error, _("A lead of the load is closed twice. Nothing was "
                                           "loaded."));
          return FALSE;
        }

      if (outcome->state == KEFU_LEAD_STATE_CONVERTED)
        {
          KefuBulkCall *order = outcome->order < load->n_calls ? &load->calls[outcome->order] : NULL;

          if (order == NULL || order->kind != KEFU_CALL_KIND_ORDER || order->converts >= 0 ||
              kefu_order_get_lead_id (kefu_call_get_order (order->call)) != 0 ||
              strcmp (order->received, inquiry->received) < 0)
            {
              _kefu_bulk_set_invalid (error, _("A lead of the load is converted by a call that is "
                                               "not a later order, or by an order that converts "
                                               "another lead. Nothing was loaded."));
              return FALSE;
            }
          order->converts = inquiry->lead;
          lead->state = KEFU_LEAD_STATE_CONVERTED;
          lead->order = (gint) outcome->order;
          memcpy (lead->closed_at, order->received, sizeof lead->closed_at);
          lead->closed_by = kefu_call_get_clerk_id (order->call);
        }
      else if (outcome->state == KEFU_LEAD_STATE_DROPPED)
        {
          const char *note = stored_text (load, outcome->note);

          if (outcome->closed_at == NULL || outcome->closed_by <= 0 || note == NULL ||
              note[0] == '\0')
            {
              _kefu_bulk_set_invalid (error, _("A lead of the load is dropped without saying when, "
                                               "by whom or why. Nothing was loaded."));
              return FALSE;
            }
          lead->state = KEFU_LEAD_STATE_DROPPED;
          _kefu_bulk_time_to_text (outcome->closed_at, lead->closed_at);
          lead->closed_by = outcome->closed_by;
          /* A copy: the caller's note need not outlive this call. */
          lead->note = g_string_chunk_insert (load->strings, note);
        }
      else
        {
          _kefu_bulk_set_invalid (error, _("A lead of the load is neither converted nor dropped. "
                                           "Nothing was loaded."));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * kefu_calls_bulk_prepare:
 * @calls: (element-type KefuCall): new calls with their detail records, oldest first
 * @leads: (array length=n_leads) (nullable): what became of the leads of inquiries in @calls
 *
 * See kefu-store-calls-bulk.h.
 *
 * Returns: (transfer full): the prepared load, or %NULL with @error set
 */
KefuCallsBulk *
kefu_calls_bulk_prepare (GPtrArray               *calls,
                         const KefuCallBulkLead  *leads,
                         guint                    n_leads,
                         GError                 **error)
{
  g_autoptr(KefuCallsBulk) load = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (calls != NULL, NULL);
  g_return_val_if_fail (leads != NULL || n_leads == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  load = g_new0 (KefuCallsBulk, 1);
  load->n_calls = calls->len;
  load->calls = g_new0 (KefuBulkCall, calls->len);
  load->orders = g_array_new (FALSE, FALSE, sizeof (guint));
  load->complaints = g_array_new (FALSE, FALSE, sizeof (guint));
  load->inquiries = g_array_new (FALSE, FALSE, sizeof (guint));
  load->leads = g_array_new (FALSE, FALSE, sizeof (KefuBulkLead));
  load->progress = g_array_new (FALSE, FALSE, sizeof (KefuBulkProgress));
  load->alerts = g_array_new (FALSE, FALSE, sizeof (KefuBulkAlert));
  load->strings = g_string_chunk_new (64 * 1024);
  load->routes = g_array_new (FALSE, FALSE, sizeof (KefuBulkRoute));
  load->route_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  load->department_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  load->now = kefu_time_to_db (now);
  load->tz = g_time_zone_new_local ();

  for (guint i = 0; i < calls->len; i++)
    if (!_kefu_bulk_prepare_call (load, i, g_ptr_array_index (calls, i), now, error))
      return NULL;
  if (!_kefu_bulk_prepare_leads (load, leads, n_leads, error))
    return NULL;
  g_debug ("Prepared %u calls in %.1f s", calls->len, (g_get_monotonic_time () - start) / 1e6);
  return g_steal_pointer (&load);
}

void
kefu_calls_bulk_free (KefuCallsBulk *load)
{
  if (load == NULL)
    return;
  for (guint i = 0; i < load->n_calls; i++)
    {
      g_clear_object (&load->calls[i].call);
      g_clear_object (&load->calls[i].original);
      g_clear_object (&load->calls[i].before);
    }
  g_free (load->calls);
  g_array_unref (load->orders);
  g_array_unref (load->complaints);
  g_array_unref (load->inquiries);
  g_array_unref (load->leads);
  g_array_unref (load->progress);
  g_array_unref (load->alerts);
  g_string_chunk_free (load->strings);
  g_free (load->now);
  g_time_zone_unref (load->tz);
  g_strfreev (load->rules.areas);
  g_array_unref (load->routes);
  g_array_unref (load->route_ends);
  g_hash_table_unref (load->department_names);
  g_free (load);
}
