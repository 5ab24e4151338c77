/* kefu-store-jobs-steps.c: what each service-job action writes once the flow allowed it: its own
 * columns and its event (details as kefu-store-jobs.h lists them; every moving event has "from"
 * and "to"). The step, kind, attention time, version and the completion are written by the
 * change's transaction (kefu-store-jobs-changes.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-calls-private.h"
#include "kefu-store-jobs-private.h"

static gboolean
execute (KefuStore     *self,
         const char    *sql,
         GVariant      *params,
         GCancellable  *cancellable,
         GError       **error)
{
  return _kefu_store_execute (self, sql, params, cancellable, error) >= 0;
}

static void
append_key (GString    *details,
            const char *key)
{
  if (details->len > 1)
    g_string_append_c (details, ',');
  g_string_append_printf (details, "\"%s\":", key);
}

static void
append_text (GString    *details,
             const char *key,
             const char *value)
{
  append_key (details, key);
  if (value == NULL)
    g_string_append (details, "null");
  else
    _kefu_json_append_string (details, value);
}

static void
append_bool (GString    *details,
             const char *key,
             gboolean    value)
{
  append_key (details, key);
  g_string_append (details, value ? "true" : "false");
}

/* `at` when the change gives one, else the change's time. */
static char *
time_text (KefuJobWrite *w)
{
  return w->change->at != NULL ? kefu_time_to_db (w->change->at) : g_strdup (w->now_text);
}

/* The columns of each action; `details` gets what its event tells beyond "from" and "to". */
static gboolean
write_columns (KefuStore     *self,
               KefuJobWrite  *w,
               GString       *details,
               GCancellable  *cancellable,
               GError       **error)
{
  const KefuJobChange *c = w->change;
  g_autofree char *at = NULL;

  switch (c->action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      append_text (details, "text", w->text);
      append_text (details, "kind", _kefu_store_enum_to_nick (KEFU_TYPE_JOB_KIND, w->to_kind));
      append_bool (details, "solved", c->solved);
      /* Solved on the phone: the diagnosis is the result too. */
      return execute (self,
                      "UPDATE service_jobs SET diagnosed_at = $2, diagnosed_by = $3, "
                      "diagnosis = $4, fixed = CASE WHEN $5 THEN TRUE ELSE fixed END, "
                      "result_note = CASE WHEN $5 THEN $4 ELSE result_note END WHERE id = $1",
                      g_variant_new ("(xsxmsb)", w->id, w->now_text, w->actor, w->text,
                                     c->solved),
                      cancellable, error);

    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      append_text (details, "text", w->text);
      return execute (self,
                      "UPDATE service_jobs SET support_requested_at = $2, "
                      "support_requested_by = $3, support_purpose = $4 WHERE id = $1",
                      g_variant_new ("(xsxms)", w->id, w->now_text, w->actor, w->text),
                      cancellable, error);

    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
      return execute (self,
                      "UPDATE service_jobs SET approved_at = $2, approved_by = $3 WHERE id = $1",
                      g_variant_new ("(xsx)", w->id, w->now_text, w->actor),
                      cancellable, error);

    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      append_text (details, "text", w->text);
      return execute (self,
                      "UPDATE service_jobs SET rejection_reason = $2 WHERE id = $1",
                      g_variant_new ("(xms)", w->id, w->text), cancellable, error);

    case KEFU_JOB_ACTION_DISPATCH:
      {
        g_autofree char *agreed = _kefu_store_date_to_text (&c->agreed_date);

        append_key (details, "technician");
        g_string_append_printf (details, "{\"id\":%" G_GINT64_FORMAT ",\"name\":",
                                c->technician_id);
        _kefu_json_append_string (details, w->technician_name != NULL ? w->technician_name : "");
        g_string_append_c (details, '}');
        append_key (details, "agreed_date");
        _kefu_json_append_day (details, &c->agreed_date);
        append_key (details, "travel_days");
        g_string_append_printf (details, "%u", c->travel_days);
        w->travel_days = c->travel_days;
        return execute (self,
                        "UPDATE service_jobs SET technician_id = $2, agreed_date = $3, "
                        "travel_days = $4, dispatched_at = $5 WHERE id = $1",
                        g_variant_new ("(xxmsxs)", w->id, c->technician_id, agreed,
                                       (gint64) c->travel_days, w->now_text),
                        cancellable, error);
      }

    case KEFU_JOB_ACTION_DEPART:
      at = time_text (w);
      return execute (self, "UPDATE service_jobs SET departed_at = $2 WHERE id = $1",
                      g_variant_new ("(xs)", w->id, at), cancellable, error);

    case KEFU_JOB_ACTION_REPORT_PROGRESS:
      append_text (details, "text", w->text);
      at = time_text (w);
      /* n_progress counts the reports for the list rows. */
      return execute (self,
                      "INSERT INTO job_progress (job_id, reported_at, reported_by, text, "
                      "created_at) VALUES ($1, $2, $3, $4, $5)",
                      g_variant_new ("(xsxss)", w->id, at, w->actor,
                                     w->text != NULL ? w->text : "", w->now_text),
                      cancellable, error) &&
             execute (self, "UPDATE service_jobs SET n_progress = n_progress + 1 WHERE id = $1",
                      g_variant_new ("(x)", w->id), cancellable, error);

    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      append_text (details, "work_done", w->work_done);
      append_text (details, "parts_used", w->parts_used);
      append_bool (details, "fixed", c->fixed);
      append_text (details, "customer_comment", w->customer_comment);
      at = time_text (w);
      return execute (self,
                      "UPDATE service_jobs SET work_done = $2, parts_used = $3, fixed = $4, "
                      "result_note = $5, customer_comment = $6, returned_at = $7 WHERE id = $1",
                      g_variant_new ("(xmsmsbmsmss)", w->id, w->work_done, w->parts_used,
                                     c->fixed, w->text, w->customer_comment, at),
                      cancellable, error);

    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
      append_text (details, "carrier", w->carrier_name);
      append_text (details, "waybill", w->waybill);
      return execute (self,
                      "UPDATE service_jobs SET out_carrier_id = $2, out_waybill = $3, "
                      "sent_to_factory_at = $4 WHERE id = $1",
                      g_variant_new ("(xxmss)", w->id, c->carrier_id, w->waybill, w->now_text),
                      cancellable, error);

    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      return execute (self,
                      "UPDATE service_jobs SET received_at_factory_at = $2 WHERE id = $1",
                      g_variant_new ("(xs)", w->id, w->now_text), cancellable, error);

    case KEFU_JOB_ACTION_RECORD_REPAIR:
      append_text (details, "text", w->text);
      append_bool (details, "replaced", c->replaced);
      return execute (self,
                      "UPDATE service_jobs SET repaired_at = $2, replaced = $3, repair_note = $4 "
                      "WHERE id = $1",
                      g_variant_new ("(xsbms)", w->id, w->now_text, c->replaced, w->text),
                      cancellable, error);

    case KEFU_JOB_ACTION_SEND_BACK:
      append_text (details, "carrier", w->carrier_name);
      append_text (details, "waybill", w->waybill);
      return execute (self,
                      "UPDATE service_jobs SET back_carrier_id = $2, back_waybill = $3, "
                      "sent_back_at = $4 WHERE id = $1",
                      g_variant_new ("(xxmss)", w->id, c->carrier_id, w->waybill, w->now_text),
                      cancellable, error);

    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      append_text (details, "method",
                   c->receipt_method != KEFU_RECEIPT_METHOD_UNSPECIFIED ?
                   _kefu_store_enum_to_nick (KEFU_TYPE_RECEIPT_METHOD, c->receipt_method) : NULL);
      at = time_text (w);
      return execute (self,
                      "UPDATE service_jobs SET customer_received_at = $2 WHERE id = $1",
                      g_variant_new ("(xs)", w->id, at), cancellable, error);

    case KEFU_JOB_ACTION_RECORD_FEE:
      append_key (details, "fee_fen");
      g_string_append_printf (details, "%" G_GINT64_FORMAT, c->fee_fen);
      append_bool (details, "agreed", c->fee_agreed);
      append_text (details, "text", w->text);
      return execute (self,
                      "UPDATE service_jobs SET fee_fen = $2, fee_agreed = $3, fee_note = $4, "
                      "fee_recorded_at = $5 WHERE id = $1",
                      g_variant_new ("(xxbmss)", w->id, c->fee_fen, c->fee_agreed, w->text,
                                     w->now_text),
                      cancellable, error);

    case KEFU_JOB_ACTION_SET_WARRANTY:
      append_text (details, "warranty",
                   _kefu_store_enum_to_nick (KEFU_TYPE_WARRANTY_STATE, c->warranty));
      append_text (details, "text", w->text);
      return execute (self,
                      "UPDATE service_jobs SET warranty = $2, warranty_reason = $3 WHERE id = $1",
                      g_variant_new ("(xsms)", w->id,
                                     _kefu_store_enum_to_nick (KEFU_TYPE_WARRANTY_STATE,
                                                               c->warranty),
                                     w->text),
                      cancellable, error);

    case KEFU_JOB_ACTION_CANCEL:
      append_text (details, "text", w->text);
      return execute (self,
                      "UPDATE service_jobs SET cancelled_at = $2, cancel_reason = $3 WHERE id = $1",
                      g_variant_new ("(xsms)", w->id, w->now_text, w->text), cancellable, error);

    case KEFU_JOB_ACTION_ADD_NOTE:
    default:
      append_text (details, "text", w->text);
      return TRUE;
    }
}

/* The event's name of each action, as kefu-store-jobs.h lists them. */
static const char *
event_name (KefuJobAction action)
{
  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:           return "diagnosed";
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:    return "support-requested";
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:    return "support-approved";
    case KEFU_JOB_ACTION_REJECT_SUPPORT:     return "support-rejected";
    case KEFU_JOB_ACTION_DISPATCH:           return "dispatched";
    case KEFU_JOB_ACTION_DEPART:             return "departed";
    case KEFU_JOB_ACTION_REPORT_PROGRESS:    return "progress";
    case KEFU_JOB_ACTION_FILE_FEEDBACK:      return "feedback-filed";
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:    return "sent-to-factory";
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY: return "received-at-factory";
    case KEFU_JOB_ACTION_RECORD_REPAIR:      return "repaired";
    case KEFU_JOB_ACTION_SEND_BACK:          return "sent-back";
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:    return "receipt-confirmed";
    case KEFU_JOB_ACTION_RECORD_FEE:         return "fee-recorded";
    case KEFU_JOB_ACTION_SET_WARRANTY:       return "warranty-set";
    case KEFU_JOB_ACTION_CANCEL:             return "cancelled";
    case KEFU_JOB_ACTION_ADD_NOTE:
    default:                                 return "note";
    }
}

gboolean
_kefu_store_job_write_action (KefuStore     *self,
                              KefuJobWrite  *w,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GString) details = g_string_new ("{");

  if (!write_columns (self, w, details, cancellable, error))
    return FALSE;
  if (w->to_step != w->step)
    _kefu_store_job_append_move (details, w);
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, "service-job", w->id, event_name (w->change->action),
                                details->str, cancellable, error);
}
