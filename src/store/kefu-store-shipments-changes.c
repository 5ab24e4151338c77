/* kefu-store-shipments-changes.c: a shipment's steps. Each change runs in one transaction: the
 * shipment is read and locked for the version check, the actor's role read, the carrier and its
 * waybill form looked up, the change checked with kefu_shipment_flow_check () (which also checks
 * the waybill against the carrier's form), then the step's columns, the attention time
 * (kefu_shipment_attention_at ()) and the event written (details in kefu-store-shipments.h). A
 * shipment whose receipt is confirmed schedules its after-delivery callback in the same
 * transaction. The shipment is read back after the commit.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-text.h"
#include "core/kefu-waybill.h"
#include "kefu-store-callbacks.h"
#include "kefu-store-shipments-private.h"

/* Changes */

/**
 * kefu_shipment_change_new:
 *
 * Returns: (transfer full): a change of @action to the shipment @shipment_id read at @version,
 *   with nothing given (invalid days, no method, exception or carrier)
 */
KefuShipmentChange *
kefu_shipment_change_new (KefuShipmentAction action,
                          gint64             shipment_id,
                          gint64             version)
{
  KefuShipmentChange *change = g_new0 (KefuShipmentChange, 1);

  change->action = action;
  change->shipment_id = shipment_id;
  change->version = version;
  g_date_clear (&change->ship_date, 1);
  g_date_clear (&change->expected_arrival, 1);
  change->receipt_method = KEFU_RECEIPT_METHOD_UNSPECIFIED;
  change->exception = KEFU_SHIPMENT_EXCEPTION_NONE;
  change->outcome = KEFU_EXCEPTION_OUTCOME_RESHIPPED;
  return change;
}

KefuShipmentChange *
kefu_shipment_change_copy (const KefuShipmentChange *change)
{
  KefuShipmentChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_memdup2 (change, sizeof *change);
  copy->text = g_strdup (change->text);
  copy->dispatch_number = g_strdup (change->dispatch_number);
  copy->waybill = g_strdup (change->waybill);
  copy->at = change->at != NULL ? g_date_time_ref (change->at) : NULL;
  return copy;
}

void
kefu_shipment_change_free (KefuShipmentChange *change)
{
  if (change == NULL)
    return;
  g_free (change->text);
  g_free (change->dispatch_number);
  g_free (change->waybill);
  g_clear_pointer (&change->at, g_date_time_unref);
  g_free (change);
}

/* The transaction */

/* What the transaction read and what it writes. */
typedef struct
{
  const KefuShipmentChange *change;
  char             *text;              /* stored form, NULL when empty */
  char             *dispatch_number;
  char             *waybill;           /* normalised */
  char             *at_text;           /* the change's `at`, or now */
  GDateTime        *at;
  GDateTime        *now;
  char             *now_text;

  gint64            id;
  gint64            customer_id;
  KefuShipmentStep  step;
  KefuShipmentStep  to;
  GDate             expected_arrival;  /* as stored, or as the change sets it */
  GDateTime        *delivered_at;
  GDateTime        *exception_at;
  KefuRole          role;
  gint64            actor;
  char             *carrier_name;
  GString          *details;           /* the event's JSON, open */
} Write;

static void
write_clear (Write *w)
{
  g_free (w->text);
  g_free (w->dispatch_number);
  g_free (w->waybill);
  g_free (w->at_text);
  g_clear_pointer (&w->at, g_date_time_unref);
  g_clear_pointer (&w->now, g_date_time_unref);
  g_free (w->now_text);
  g_clear_pointer (&w->delivered_at, g_date_time_unref);
  g_clear_pointer (&w->exception_at, g_date_time_unref);
  g_free (w->carrier_name);
  if (w->details != NULL)
    g_string_free (w->details, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Write, write_clear)

static gboolean
fail (GError         **error,
      KefuStoreError   code,
      const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
  return FALSE;
}

static gboolean
is_postgres (KefuStore *self)
{
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
}

#define LOCK_COLUMNS \
  "SELECT version, step, customer_id, expected_arrival, delivered_at, exception_at " \
  "FROM shipments WHERE id = $1"

static gboolean
read_shipment (KefuStore     *self,
               Write         *w,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  /* PostgreSQL locks the row for the check; SQLite's write transaction excludes every other
   * writer already. */
  rows = _kefu_store_query (self, is_postgres (self) ? LOCK_COLUMNS " FOR UPDATE" : LOCK_COLUMNS,
                            g_variant_new ("(x)", w->change->shipment_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return fail (error, KEFU_STORE_ERROR_NOT_FOUND,
                 _("This shipment no longer exists. Reload the list."));
  if (kefu_rows_get_int (rows, 0, 0) != w->change->version)
    return fail (error, KEFU_STORE_ERROR_STALE_VERSION,
                 _("This shipment was changed by someone else since you opened it. Reload it "
                   "and make your change again."));
  w->id = w->change->shipment_id;
  w->step = _kefu_store_enum_from_nick (KEFU_TYPE_SHIPMENT_STEP, kefu_rows_get_text (rows, 0, 1),
                                        KEFU_SHIPMENT_STEP_REQUESTED);
  w->customer_id = kefu_rows_get_int (rows, 0, 2);
  _kefu_store_shipment_day_parse (kefu_rows_get_text (rows, 0, 3), &w->expected_arrival);
  w->delivered_at = kefu_rows_get_time (rows, 0, 4);
  w->exception_at = kefu_rows_get_time (rows, 0, 5);
  w->actor = _kefu_store_get_txn_actor (self);
  return _kefu_store_aftersales_actor_role (self, KEFU_HISTORY_KIND_SHIPMENT,
                                            &w->role, cancellable, error);
}

/* TRUE when the change names a carrier and a waybill: shipping, and an exception resolved by
 * shipping again. */
static gboolean
carries_carrier (const KefuShipmentChange *change)
{
  return change->action == KEFU_SHIPMENT_ACTION_SHIP ||
         (change->action == KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION &&
          change->outcome == KEFU_EXCEPTION_OUTCOME_RESHIPPED);
}

/* Fills the flow's input from the change; the carrier's kind comes from the carriers table. */
static gboolean
prepare_input (KefuStore                *self,
               Write                    *w,
               KefuShipmentActionInput  *input,
               GCancellable             *cancellable,
               GError                  **error)
{
  const KefuShipmentChange *c = w->change;

  kefu_shipment_action_input_init (input);
  w->text = _kefu_store_shipment_stored_text (c->text);
  w->dispatch_number = _kefu_store_shipment_stored_text (c->dispatch_number);
  w->waybill = kefu_waybill_normalize (c->waybill);
  if (w->waybill != NULL && w->waybill[0] == '\0')
    g_clear_pointer (&w->waybill, g_free);
  if (!_kefu_store_validate_text (_("Reason or note"), w->text, KEFU_TEXT_MAX_DESCRIPTION,
                                  FALSE, TRUE, error) ||
      !_kefu_store_validate_text (_("Dispatch note number"), w->dispatch_number,
                                  KEFU_TEXT_MAX_CODE, FALSE, FALSE, error))
    return FALSE;

  input->text = w->text;
  input->amount_fen = c->amount_fen;
  input->dispatch_number = w->dispatch_number;
  input->waybill = w->waybill;
  input->ship_date = c->ship_date;
  input->expected_arrival = c->expected_arrival;
  input->receipt_method = c->receipt_method;
  input->exception = c->exception;
  input->outcome = c->outcome;

  if (carries_carrier (c) && c->carrier_id != 0)
    {
      g_autoptr(KefuRows) carrier = NULL;

      carrier = _kefu_store_query (self, "SELECT kind, name FROM carriers WHERE id = $1",
                                   g_variant_new ("(x)", c->carrier_id), cancellable, error);
      if (carrier == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (carrier) == 0)
        return fail (error, KEFU_STORE_ERROR_INVALID,
                     _("The carrier chosen no longer exists. Choose the carrier again."));
      input->has_carrier = TRUE;
      input->carrier_kind = _kefu_store_enum_from_nick (KEFU_TYPE_CARRIER_KIND,
                                                        kefu_rows_get_text (carrier, 0, 0),
                                                        KEFU_CARRIER_OTHER);
      w->carrier_name = g_strdup (kefu_rows_get_text (carrier, 0, 1));
    }

  if (c->at != NULL && g_date_time_compare (c->at, w->now) > 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("The time given is in the future. Enter when it really happened."));
  w->at = g_date_time_ref (c->at != NULL ? c->at : w->now);
  w->at_text = kefu_time_to_db (w->at);
  return TRUE;
}

static void
json_field (GString    *json,
            const char *name,
            const char *value)
{
  if (json->len > 1)
    g_string_append_c (json, ',');
  _kefu_json_append_string (json, name);
  g_string_append_c (json, ':');
  if (value != NULL)
    _kefu_json_append_string (json, value);
  else
    g_string_append (json, "null");
}

static void
json_day (GString     *json,
          const char  *name,
          const GDate *day)
{
  g_autofree char *text = _kefu_store_shipment_day_text (day);

  json_field (json, name, text);
}

static const char *
nick (GType type,
      int   value)
{
  return _kefu_store_enum_to_nick (type, value);
}

/* The carrier's columns for shipping (and shipping again). */
static gboolean
write_shipped (KefuStore     *self,
               Write         *w,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *ship_date = _kefu_store_shipment_day_text (&w->change->ship_date);
  g_autofree char *expected = _kefu_store_shipment_day_text (&w->change->expected_arrival);

  json_field (w->details, "carrier", w->carrier_name);
  json_field (w->details, "waybill", w->waybill);
  json_day (w->details, "ship_date", &w->change->ship_date);
  json_day (w->details, "expected_arrival", &w->change->expected_arrival);
  w->expected_arrival = w->change->expected_arrival;
  g_clear_pointer (&w->delivered_at, g_date_time_unref);
  return _kefu_store_execute (self,
                              "UPDATE shipments SET shipped_at = $2, shipped_by = $3, "
                              "carrier_id = $4, waybill = $5, ship_date = $6, "
                              "expected_arrival = $7, delivered_at = NULL, delivered_by = NULL "
                              "WHERE id = $1",
                              g_variant_new ("(xsxxsmsms)", w->id, w->now_text, w->actor,
                                             w->change->carrier_id, w->waybill, ship_date,
                                             expected),
                              cancellable, error) >= 0;
}

static gboolean
write_delivered (KefuStore     *self,
                 Write         *w,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_clear_pointer (&w->delivered_at, g_date_time_unref);
  w->delivered_at = g_date_time_ref (w->at);
  return _kefu_store_execute (self,
                              "UPDATE shipments SET delivered_at = $2, delivered_by = $3 "
                              "WHERE id = $1",
                              g_variant_new ("(xsx)", w->id, w->at_text, w->actor),
                              cancellable, error) >= 0;
}

/* The action's own columns and event fields. */
static gboolean
write_action (KefuStore     *self,
              Write         *w,
              GCancellable  *cancellable,
              GError       **error)
{
  const KefuShipmentChange *c = w->change;

  switch (c->action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      g_string_append_printf (w->details, "\"amount_fen\":%" G_GINT64_FORMAT, c->amount_fen);
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET payment_confirmed_at = $2, "
                                  "payment_confirmed_by = $3, payment_amount_fen = $4 "
                                  "WHERE id = $1",
                                  g_variant_new ("(xsxx)", w->id, w->at_text, w->actor,
                                                 c->amount_fen),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      json_field (w->details, "number", w->dispatch_number);
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET dispatch_issued_at = $2, "
                                  "dispatch_issued_by = $3, dispatch_note_number = $4 "
                                  "WHERE id = $1",
                                  g_variant_new ("(xsxs)", w->id, w->now_text, w->actor,
                                                 w->dispatch_number),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_HAND_OVER:
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET handed_over_at = $2, handed_over_by = $3 "
                                  "WHERE id = $1",
                                  g_variant_new ("(xsx)", w->id, w->now_text, w->actor),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_SHIP:
      return write_shipped (self, w, cancellable, error);

    case KEFU_SHIPMENT_ACTION_DELIVER:
      return write_delivered (self, w, cancellable, error);

    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      json_field (w->details, "method", nick (KEFU_TYPE_RECEIPT_METHOD, c->receipt_method));
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET received_at = $2, received_by = $3, "
                                  "receipt_method = $4 WHERE id = $1",
                                  g_variant_new ("(xsxs)", w->id, w->at_text, w->actor,
                                                 nick (KEFU_TYPE_RECEIPT_METHOD,
                                                       c->receipt_method)),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      json_field (w->details, "kind", nick (KEFU_TYPE_SHIPMENT_EXCEPTION, c->exception));
      json_field (w->details, "text", w->text);
      g_clear_pointer (&w->exception_at, g_date_time_unref);
      w->exception_at = g_date_time_ref (w->now);
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET exception = $2, exception_reason = $3, "
                                  "exception_at = $4, exception_by = $5, exception_from = $6, "
                                  "exception_resolution = NULL WHERE id = $1",
                                  g_variant_new ("(xsmssxs)", w->id,
                                                 nick (KEFU_TYPE_SHIPMENT_EXCEPTION, c->exception),
                                                 w->text, w->now_text, w->actor,
                                                 nick (KEFU_TYPE_SHIPMENT_STEP, w->step)),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      json_field (w->details, "outcome", nick (KEFU_TYPE_EXCEPTION_OUTCOME, c->outcome));
      json_field (w->details, "text", w->text);
      if (_kefu_store_execute (self,
                               "UPDATE shipments SET exception_resolution = $2 WHERE id = $1",
                               g_variant_new ("(xms)", w->id, w->text), cancellable, error) < 0)
        return FALSE;
      if (c->outcome == KEFU_EXCEPTION_OUTCOME_RESHIPPED)
        return write_shipped (self, w, cancellable, error);
      if (c->outcome == KEFU_EXCEPTION_OUTCOME_DELIVERED)
        return write_delivered (self, w, cancellable, error);
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET cancelled_at = $2, cancel_reason = $3 "
                                  "WHERE id = $1",
                                  g_variant_new ("(xsms)", w->id, w->now_text, w->text),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_CANCEL:
      json_field (w->details, "text", w->text);
      return _kefu_store_execute (self,
                                  "UPDATE shipments SET cancelled_at = $2, cancel_reason = $3 "
                                  "WHERE id = $1",
                                  g_variant_new ("(xsms)", w->id, w->now_text, w->text),
                                  cancellable, error) >= 0;

    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
      json_field (w->details, "text", w->text);
      return TRUE;

    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
    default:
      return fail (error, KEFU_STORE_ERROR_INVALID,
                   _("A shipment's details are edited in its request form, not as a step."));
    }
}

/* The event's name for each action (kefu-store-shipments.h). */
static const char *
event_action (KefuShipmentAction action)
{
  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:   return "payment-confirmed";
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:    return "dispatch-issued";
    case KEFU_SHIPMENT_ACTION_HAND_OVER:         return "handed-over";
    case KEFU_SHIPMENT_ACTION_SHIP:              return "shipped";
    case KEFU_SHIPMENT_ACTION_DELIVER:           return "delivered";
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:   return "receipt-confirmed";
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:  return "exception";
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION: return "exception-resolved";
    case KEFU_SHIPMENT_ACTION_CANCEL:            return "cancelled";
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:          return "note";
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
    default:                                     return "details-changed";
    }
}

static gboolean
change_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(Write) w = { .change = data };
  g_autoptr(GError) flow_error = NULL;
  g_autoptr(GDateTime) attention = NULL;
  g_autofree char *attention_text = NULL;
  KefuShipmentActionInput input;
  guint receipt_days;

  w.now = _kefu_store_now (self);
  w.now_text = kefu_time_to_db (w.now);
  g_date_clear (&w.expected_arrival, 1);
  if (!read_shipment (self, &w, cancellable, error) ||
      !prepare_input (self, &w, &input, cancellable, error))
    return FALSE;
  if (!kefu_shipment_flow_check (w.change->action, w.step, w.role, &input, &flow_error))
    return fail (error,
                 g_error_matches (flow_error, KEFU_AFTERSALES_FLOW_ERROR,
                                  KEFU_AFTERSALES_FLOW_ERROR_PERMISSION) ?
                 KEFU_STORE_ERROR_PERMISSION : KEFU_STORE_ERROR_INVALID,
                 flow_error->message);
  w.to = kefu_shipment_action_target (w.change->action, w.step, w.change->outcome);

  w.details = g_string_new ("{");
  if (!write_action (self, &w, cancellable, error))
    return FALSE;
  if (w.to != w.step)
    {
      json_field (w.details, "from", nick (KEFU_TYPE_SHIPMENT_STEP, w.step));
      json_field (w.details, "to", nick (KEFU_TYPE_SHIPMENT_STEP, w.to));
    }
  g_string_append_c (w.details, '}');

  receipt_days = _kefu_store_shipment_receipt_days (self, cancellable);
  attention = kefu_shipment_attention_at (w.to, &w.expected_arrival, w.delivered_at,
                                          w.exception_at, receipt_days, NULL);
  attention_text = attention != NULL ? kefu_time_to_db (attention) : NULL;
  if (_kefu_store_execute (self,
                           "UPDATE shipments SET step = $2, attention_at = $3, "
                           "version = version + 1, updated_at = $4 WHERE id = $1",
                           g_variant_new ("(xsmss)", w.id, nick (KEFU_TYPE_SHIPMENT_STEP, w.to),
                                          attention_text, w.now_text),
                           cancellable, error) < 0 ||
      !_kefu_store_shipment_refresh (self, w.id, cancellable, error) ||
      !_kefu_store_add_event (self, KEFU_SHIPMENT_ENTITY, w.id, event_action (w.change->action),
                              w.details->str, cancellable, error))
    return FALSE;

  /* The customer is called after a confirmed receipt (收货回访), once. */
  if (w.to == KEFU_SHIPMENT_STEP_RECEIVED &&
      _kefu_store_schedule_callback (self, w.customer_id, KEFU_CALLBACK_REASON_AFTER_DELIVERY,
                                     KEFU_SHIPMENT_ENTITY, w.id, w.at, cancellable, error) == 0)
    return FALSE;
  return TRUE;
}

/**
 * kefu_store_change_shipment:
 *
 * Returns: (transfer full): the shipment as read back, with its lines; %NULL with
 *   %KEFU_STORE_ERROR_PERMISSION or %KEFU_STORE_ERROR_INVALID (the flow's reason, or the
 *   waybill's), %KEFU_STORE_ERROR_STALE_VERSION or %KEFU_STORE_ERROR_NOT_FOUND
 */
KefuShipment *
kefu_store_change_shipment (KefuStore                 *self,
                            const KefuShipmentChange  *change,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kefu_store_write (self, change_txn, (gpointer) change, cancellable, error))
    return NULL;
  return _kefu_store_read_shipment (self, change->shipment_id, cancellable, error);
}
