/* kefu-store-jobs-changes.c: working a service job through its steps. Each change runs in one
 * transaction: the job is read and locked for the version check, the actor's role (and whether
 * they are the job's technician) read from the database, the change checked with
 * kefu_job_flow_check (), then written by its action (kefu-store-jobs-steps.c) with its columns
 * and event; the step, kind, attention time and version are set here, and a job reaching
 * Completed schedules its after-service callback in the same transaction. The job is read back
 * after the commit.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-text.h"
#include "kefu-store-callbacks.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-jobs-private.h"

/* Changes */

/**
 * kefu_job_change_new:
 *
 * Returns: (transfer full): a change of @action to the job @job_id read at @version, carrying
 *   nothing yet (invalid dates, no carrier, unknown warranty)
 */
KefuJobChange *
kefu_job_change_new (KefuJobAction action,
                     gint64        job_id,
                     gint64        version)
{
  KefuJobChange *change = g_new0 (KefuJobChange, 1);

  change->action = action;
  change->job_id = job_id;
  change->version = version;
  change->decided_kind = KEFU_JOB_KIND_REPAIR;
  g_date_clear (&change->agreed_date, 1);
  change->receipt_method = KEFU_RECEIPT_METHOD_UNSPECIFIED;
  change->warranty = KEFU_WARRANTY_UNKNOWN;
  return change;
}

KefuJobChange *
kefu_job_change_copy (const KefuJobChange *change)
{
  KefuJobChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_memdup2 (change, sizeof *change);
  copy->text = g_strdup (change->text);
  copy->at = change->at != NULL ? g_date_time_ref (change->at) : NULL;
  copy->work_done = g_strdup (change->work_done);
  copy->parts_used = g_strdup (change->parts_used);
  copy->customer_comment = g_strdup (change->customer_comment);
  copy->waybill = g_strdup (change->waybill);
  return copy;
}

void
kefu_job_change_free (KefuJobChange *change)
{
  if (change == NULL)
    return;
  g_free (change->text);
  g_clear_pointer (&change->at, g_date_time_unref);
  g_free (change->work_done);
  g_free (change->parts_used);
  g_free (change->customer_comment);
  g_free (change->waybill);
  g_free (change);
}

/* Shared helpers */

static void
set_error (GError         **error,
           KefuStoreError   code,
           const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
}

void
_kefu_json_append_day (GString     *json,
                       const GDate *day)
{
  g_autofree char *text = _kefu_store_date_to_text (day);

  if (text == NULL)
    g_string_append (json, "null");
  else
    _kefu_json_append_string (json, text);
}

void
_kefu_json_append_time (GString   *json,
                        GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      g_string_append (json, "null");
      return;
    }
  utc = g_date_time_to_utc (time);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  _kefu_json_append_string (json, text);
}

void
_kefu_store_job_append_move (GString      *details,
                             KefuJobWrite *w)
{
  if (details->len > 1)
    g_string_append_c (details, ',');
  g_string_append (details, "\"from\":");
  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_JOB_STEP, w->step));
  g_string_append (details, ",\"to\":");
  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_JOB_STEP, w->to_step));
}

/* The transaction */

static void
job_write_clear (KefuJobWrite *w)
{
  g_clear_pointer (&w->departed_at, g_date_time_unref);
  g_clear_pointer (&w->carrier_name, g_free);
  g_clear_pointer (&w->technician_name, g_free);
  g_clear_pointer (&w->now, g_date_time_unref);
  g_clear_pointer (&w->now_text, g_free);
}

/* Reads and locks the job (PostgreSQL: FOR UPDATE; SQLite's write transaction already excludes
 * every other writer) and checks the version the change was made against. */
static gboolean
read_job (KefuStore     *self,
          KefuJobWrite  *w,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

#define READ_JOB \
  "SELECT id, version, customer_id, kind, step, warranty, fee_agreed, " \
  "COALESCE(technician_id, 0), CAST(agreed_date AS TEXT), travel_days, departed_at " \
  "FROM service_jobs WHERE id = $1"
  rows = _kefu_store_query (self,
                            kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES ?
                            READ_JOB " FOR UPDATE" : READ_JOB,
                            g_variant_new ("(x)", w->change->job_id), cancellable, error);
#undef READ_JOB
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_error (error, KEFU_STORE_ERROR_NOT_FOUND,
                 _("This service job no longer exists. Reload the list."));
      return FALSE;
    }
  if (kefu_rows_get_int (rows, 0, 1) != w->change->version)
    {
      set_error (error, KEFU_STORE_ERROR_STALE_VERSION,
                 _("This service job was changed by someone else since you opened it. Reload it "
                   "and make your change again."));
      return FALSE;
    }
  w->id = kefu_rows_get_int (rows, 0, 0);
  w->customer_id = kefu_rows_get_int (rows, 0, 2);
  w->kind = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_KIND, kefu_rows_get_text (rows, 0, 3),
                                        KEFU_JOB_KIND_REPAIR);
  w->step = _kefu_store_enum_from_nick (KEFU_TYPE_JOB_STEP, kefu_rows_get_text (rows, 0, 4),
                                        KEFU_JOB_STEP_REPORTED);
  w->warranty = _kefu_store_enum_from_nick (KEFU_TYPE_WARRANTY_STATE,
                                            kefu_rows_get_text (rows, 0, 5),
                                            KEFU_WARRANTY_UNKNOWN);
  w->fee_agreed = kefu_rows_get_bool (rows, 0, 6);
  w->technician_id = kefu_rows_get_int (rows, 0, 7);
  if (!_kefu_store_date_from_text (kefu_rows_get_text (rows, 0, 8), &w->agreed_date))
    g_date_clear (&w->agreed_date, 1);
  w->travel_days = (guint) kefu_rows_get_int (rows, 0, 9);
  w->departed_at = kefu_rows_get_time (rows, 0, 10);
  return TRUE;
}

/* The carrier a factory trip goes with: its name for the event and its kind for the waybill. */
static gboolean
read_carrier (KefuStore           *self,
              KefuJobWrite        *w,
              KefuJobActionInput  *input,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(KefuRows) rows = NULL;

  if (w->change->carrier_id <= 0)
    return TRUE;
  rows = _kefu_store_query (self, "SELECT name, kind FROM carriers WHERE id = $1",
                            g_variant_new ("(x)", w->change->carrier_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("The carrier chosen is no longer in the list. Choose the carrier again."));
      return FALSE;
    }
  w->carrier_name = g_strdup (kefu_rows_get_text (rows, 0, 0));
  input->has_carrier = TRUE;
  input->carrier_kind = _kefu_store_enum_from_nick (KEFU_TYPE_CARRIER_KIND,
                                                    kefu_rows_get_text (rows, 0, 1),
                                                    KEFU_CARRIER_OTHER);
  return TRUE;
}

/* Dispatch sends a technician: the staff member must be an active one. */
static gboolean
check_technician (KefuStore     *self,
                  KefuJobWrite  *w,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  if (w->change->technician_id <= 0)
    return TRUE;   /* the flow says it is missing */
  rows = _kefu_store_query (self, "SELECT role, active, name FROM staff WHERE id = $1",
                            g_variant_new ("(x)", w->change->technician_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0 ||
      g_strcmp0 (kefu_rows_get_text (rows, 0, 0),
                 _kefu_store_enum_to_nick (KEFU_TYPE_ROLE, KEFU_ROLE_TECHNICIAN)) != 0)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("Only a technician can be sent on a service visit. Choose a staff member "
                   "whose role is technician."));
      return FALSE;
    }
  if (!kefu_rows_get_bool (rows, 0, 1))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("%s no longer works here (the staff member is inactive). Choose another "
                     "technician."), kefu_rows_get_text (rows, 0, 2));
      return FALSE;
    }
  w->technician_name = g_strdup (kefu_rows_get_text (rows, 0, 2));
  return TRUE;
}

/* The step, kind and attention time when they change, and the version for every change. */
static gboolean
move_job (KefuStore     *self,
          KefuJobWrite  *w,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GDateTime) attention = NULL;
  g_autofree char *attention_text = NULL;

  if (w->to_step == w->step && w->to_kind == w->kind)
    return _kefu_store_execute (self,
                                "UPDATE service_jobs SET version = version + 1, updated_at = $2 "
                                "WHERE id = $1",
                                g_variant_new ("(xs)", w->id, w->now_text),
                                cancellable, error) >= 0;
  /* The rule in core (kefu_job_attention_at ()), which the bulk loads follow too: the
   * departure is this change's time when it is the one setting off. */
  attention = kefu_job_attention_at (w->to_step,
                                     g_date_valid (&w->change->agreed_date)
                                       ? &w->change->agreed_date : &w->agreed_date,
                                     w->change->at != NULL ? w->change->at : w->now,
                                     w->travel_days, w->now, NULL);
  attention_text = attention != NULL ? kefu_time_to_db (attention) : NULL;
  return _kefu_store_execute (self,
                              "UPDATE service_jobs SET step = $2, kind = $3, attention_at = $4, "
                              "version = version + 1, updated_at = $5 WHERE id = $1",
                              g_variant_new ("(xssmss)", w->id,
                                             _kefu_store_enum_to_nick (KEFU_TYPE_JOB_STEP,
                                                                       w->to_step),
                                             _kefu_store_enum_to_nick (KEFU_TYPE_JOB_KIND,
                                                                       w->to_kind),
                                             attention_text, w->now_text),
                              cancellable, error) >= 0;
}

/* The completion: who and when, and the after-service callback for the kinds that have one,
 * with its "callback-scheduled" event. */
static gboolean
complete_job (KefuStore     *self,
              KefuJobWrite  *w,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) due = NULL;
  g_autoptr(GDateTime) due_at = NULL;
  g_autofree char *due_text = NULL;
  g_autoptr(GString) details = g_string_new ("{\"callback_id\":");
  gint64 callback_id;

  if (_kefu_store_execute (self,
                           "UPDATE service_jobs SET completed_at = $2, completed_by = $3 "
                           "WHERE id = $1",
                           g_variant_new ("(xsx)", w->id, w->now_text, w->actor),
                           cancellable, error) < 0)
    return FALSE;
  if (!kefu_job_kind_schedules_callback (w->to_kind))
    return TRUE;
  callback_id = _kefu_store_schedule_callback (self, w->customer_id,
                                               KEFU_CALLBACK_REASON_AFTER_SERVICE, "service-job",
                                               w->id, w->now, cancellable, error);
  if (callback_id <= 0)
    return FALSE;
  due = _kefu_store_query (self, "SELECT due_at FROM callbacks WHERE id = $1",
                           g_variant_new ("(x)", callback_id), cancellable, error);
  if (due == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (due) > 0)
    due_at = kefu_rows_get_time (due, 0, 0);
  due_text = due_at != NULL ? kefu_time_to_db (due_at) : NULL;
  /* The job shows its callback without a join. */
  if (_kefu_store_execute (self,
                           "UPDATE service_jobs SET callback_id = $2, callback_due_at = $3 "
                           "WHERE id = $1",
                           g_variant_new ("(xxms)", w->id, callback_id, due_text),
                           cancellable, error) < 0)
    return FALSE;
  g_string_append_printf (details, "%" G_GINT64_FORMAT ",\"due_at\":", callback_id);
  _kefu_json_append_time (details, due_at);
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, "service-job", w->id, "callback-scheduled", details->str,
                                cancellable, error);
}

/* The flow's refusal as a store error: PERMISSION for who, INVALID for what or when. */
static void
flow_error (GError  *flow,
            GError **error)
{
  set_error (error,
             g_error_matches (flow, KEFU_AFTERSALES_FLOW_ERROR,
                              KEFU_AFTERSALES_FLOW_ERROR_PERMISSION) ?
             KEFU_STORE_ERROR_PERMISSION : KEFU_STORE_ERROR_INVALID,
             flow->message);
}

static gboolean
change_job_txn (KefuStore     *self,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  KefuJobWrite *w = data;
  const KefuJobChange *change = w->change;
  g_autoptr(GError) refusal = NULL;
  KefuJobActionInput input;
  KefuJobActor actor = { 0 };
  KefuJobState state = { 0 };

  /* The retried transaction starts from what the caller gave. */
  job_write_clear (w);
  w->now = _kefu_store_now (self);
  w->now_text = kefu_time_to_db (w->now);
  w->actor = _kefu_store_get_txn_actor (self);
  if (!read_job (self, w, cancellable, error) ||
      !_kefu_store_aftersales_actor_role (self, KEFU_HISTORY_KIND_SERVICE_JOB,
                                          &w->actor_role, cancellable, error))
    return FALSE;

  kefu_job_action_input_init (&input);
  input.text = w->text;
  input.decided_kind = change->decided_kind;
  input.solved = change->solved;
  input.technician_id = change->technician_id;
  input.agreed_date = change->agreed_date;
  input.travel_days = change->travel_days;
  input.waybill = w->waybill;
  input.work_done = w->work_done;
  input.fixed = change->fixed;
  input.fee_fen = change->fee_fen;
  input.fee_agreed = change->fee_agreed;
  input.warranty = change->warranty;
  input.receipt_method = change->receipt_method;
  if ((change->action == KEFU_JOB_ACTION_SEND_TO_FACTORY ||
       change->action == KEFU_JOB_ACTION_SEND_BACK) &&
      !read_carrier (self, w, &input, cancellable, error))
    return FALSE;

  state.kind = w->kind;
  state.step = w->step;
  state.warranty = w->warranty;
  state.fee_agreed = w->fee_agreed;
  actor.role = w->actor_role;
  actor.is_assigned_technician = w->technician_id > 0 && w->technician_id == w->actor;
  if (!kefu_job_flow_check (change->action, &state, &actor, &input, &refusal))
    {
      flow_error (refusal, error);
      return FALSE;
    }
  if (change->action == KEFU_JOB_ACTION_DISPATCH &&
      !check_technician (self, w, cancellable, error))
    return FALSE;

  w->to_kind = w->kind;
  w->to_step = kefu_job_action_target (change->action, &state, &input, &w->to_kind);
  if (!_kefu_store_job_write_action (self, w, cancellable, error) ||
      !move_job (self, w, cancellable, error))
    return FALSE;
  if (w->to_step == KEFU_JOB_STEP_COMPLETED && w->step != KEFU_JOB_STEP_COMPLETED)
    return complete_job (self, w, cancellable, error);
  return TRUE;
}

char *
_kefu_store_job_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = _kefu_store_normalize_text (text);
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* The lengths of what the change carries; whether it is required is the flow's rule. */
static gboolean
validate_change (KefuJobWrite  *w,
                 GError       **error)
{
  return _kefu_store_validate_text (C_("service job field", "Text"), w->text,
                                    KEFU_TEXT_MAX_NOTES, FALSE, TRUE, error) &&
         _kefu_store_validate_text (C_("service job field", "Work done"), w->work_done,
                                    KEFU_TEXT_MAX_NOTES, FALSE, TRUE, error) &&
         _kefu_store_validate_text (C_("service job field", "Parts used"), w->parts_used,
                                    KEFU_TEXT_MAX_DESCRIPTION, FALSE, TRUE, error) &&
         _kefu_store_validate_text (C_("service job field", "Customer's comment"),
                                    w->customer_comment, KEFU_TEXT_MAX_DESCRIPTION, FALSE, TRUE,
                                    error) &&
         _kefu_store_validate_text (C_("service job field", "Waybill number"), w->waybill,
                                    KEFU_TEXT_MAX_CODE, FALSE, FALSE, error);
}

/**
 * kefu_store_change_job:
 * @change: the action, the job and the version it was read at, and what the action carries
 *
 * Applies @change as the store's actor in one transaction (see kefu-store-jobs.h).
 *
 * Returns: (transfer full): the job as read back (with its progress), or %NULL with @error set
 */
KefuServiceJob *
kefu_store_change_job (KefuStore            *self,
                       const KefuJobChange  *change,
                       GCancellable         *cancellable,
                       GError              **error)
{
  KefuJobWrite w = { 0 };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What is checked is what is stored: text in its stored form, empty as none. */
  w.change = change;
  w.text = _kefu_store_job_text (change->text);
  w.work_done = _kefu_store_job_text (change->work_done);
  w.parts_used = _kefu_store_job_text (change->parts_used);
  w.customer_comment = _kefu_store_job_text (change->customer_comment);
  w.waybill = _kefu_store_job_text (change->waybill);

  ok = validate_change (&w, error) &&
       _kefu_store_write (self, change_job_txn, &w, cancellable, error);
  job_write_clear (&w);
  g_free (w.text);
  g_free (w.work_done);
  g_free (w.parts_used);
  g_free (w.customer_comment);
  g_free (w.waybill);
  if (!ok)
    return NULL;
  return kefu_store_get_job (self, change->job_id, cancellable, error);
}
