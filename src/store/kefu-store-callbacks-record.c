/* kefu-store-callbacks-record.c: the writes of doing a callback: one made by hand, an attempt
 * recorded (《回访记录表》) with what it leads to (done, the next attempt, the lead, the agreed
 * time), and the complaint board's side of a complaint callback, so that a callback recorded
 * on the board or in the calendar is the same record. Also what the callback writes share: the
 * actor, the row locked for a write, a claim held by someone else, the event.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-call-rules.h"
#include "kefu-store-callbacks-private.h"
#include "kefu-store-complaint-changes-private.h"

/* What the customer said and the clerk's note are as long as a complaint's reason may be. */
#define MAX_WORDS KEFU_TEXT_MAX_REASON

gboolean
_kefu_store_callback_fail (GError         **error,
                           KefuStoreError   code,
                           const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
  return FALSE;
}

/* Refusals read as "return fail (…)". */
#define fail _kefu_store_callback_fail

/* What the writes share */

gboolean
_kefu_store_callback_actor_role (KefuStore     *self,
                                 KefuRole      *role,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT role, active, login, name FROM staff WHERE id = $1",
                            g_variant_new ("(x)", _kefu_store_get_txn_actor (self)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return fail (error, KEFU_STORE_ERROR_NO_ACTOR,
                 _("Nobody is signed in on this workstation. Choose who is working and try "
                   "again."));
  /* The built-in system row is inactive by design (kefuctl and the demo act as it). */
  if (!kefu_rows_get_bool (rows, 0, 1) &&
      g_strcmp0 (kefu_rows_get_text (rows, 0, 2), "system") != 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                   _("%s no longer works here (the staff member is inactive) and cannot work "
                     "on callbacks. Sign in as someone else."), kefu_rows_get_text (rows, 0, 3));
      return FALSE;
    }
  *role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                      KEFU_ROLE_CLERK);
  return TRUE;
}

void
_kefu_callback_row_clear (KefuCallbackRow *row)
{
  g_clear_pointer (&row->source_entity, g_free);
  g_clear_pointer (&row->claimed_by_name, g_free);
  g_clear_pointer (&row->claim_workstation, g_free);
  g_clear_pointer (&row->claim_renewed_at, g_date_time_unref);
  g_clear_pointer (&row->escalated_at, g_date_time_unref);
  g_clear_pointer (&row->due_at, g_date_time_unref);
}

#define LOCK_COLUMNS \
  "SELECT id, version, customer_id, reason, state, source_entity, source_id, assigned_to, " \
  "claimed_by, (SELECT name FROM staff WHERE staff.id = callbacks.claimed_by), " \
  "claim_workstation, claim_renewed_at, n_attempts, escalated_at, due_at FROM callbacks " \
  "WHERE id = $1"

gboolean
_kefu_store_callback_lock (KefuStore        *self,
                           gint64            callback_id,
                           gint64            version,
                           KefuCallbackRow  *row,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(KefuRows) rows = NULL;
  gboolean postgres = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;

  rows = _kefu_store_query (self, postgres ? LOCK_COLUMNS " FOR UPDATE" : LOCK_COLUMNS,
                            g_variant_new ("(x)", callback_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return fail (error, KEFU_STORE_ERROR_NOT_FOUND,
                 _("This callback no longer exists. Reload the calendar."));
  if (version > 0 && kefu_rows_get_int (rows, 0, 1) != version)
    return fail (error, KEFU_STORE_ERROR_STALE_VERSION,
                 _("This callback was changed by someone else since you opened it. Reload it "
                   "and make your change again."));
  row->id = kefu_rows_get_int (rows, 0, 0);
  row->version = kefu_rows_get_int (rows, 0, 1);
  row->customer_id = kefu_rows_get_int (rows, 0, 2);
  row->reason = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_REASON,
                                            kefu_rows_get_text (rows, 0, 3),
                                            KEFU_CALLBACK_REASON_OTHER);
  row->state = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_STATE,
                                           kefu_rows_get_text (rows, 0, 4),
                                           KEFU_CALLBACK_STATE_DUE);
  row->source_entity = g_strdup (kefu_rows_get_text (rows, 0, 5));
  row->source_id = kefu_rows_get_int (rows, 0, 6);
  row->assigned_to = kefu_rows_get_int (rows, 0, 7);
  row->claimed_by = kefu_rows_get_int (rows, 0, 8);
  row->claimed_by_name = g_strdup (kefu_rows_get_text (rows, 0, 9));
  row->claim_workstation = g_strdup (kefu_rows_get_text (rows, 0, 10));
  row->claim_renewed_at = kefu_rows_get_time (rows, 0, 11);
  row->n_attempts = (guint) kefu_rows_get_int (rows, 0, 12);
  row->escalated_at = kefu_rows_get_time (rows, 0, 13);
  row->due_at = kefu_rows_get_time (rows, 0, 14);
  return TRUE;
}

gboolean
_kefu_store_callback_held_by_other (const KefuCallbackRow  *row,
                                    gint64                  actor,
                                    GDateTime              *now,
                                    GError                **error)
{
  if (row->claimed_by == 0 || row->claimed_by == actor || row->claim_renewed_at == NULL ||
      !kefu_callback_claim_is_live (row->claim_renewed_at, now))
    return FALSE;
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED,
               _("%s is calling this customer now (at workstation %s). Choose another callback, "
                 "or wait until they are done."),
               row->claimed_by_name != NULL ? row->claimed_by_name : "?",
               row->claim_workstation != NULL ? row->claim_workstation : "?");
  return TRUE;
}

gboolean
_kefu_store_callback_check_due (const KefuCallbackRow  *row,
                                GError                **error)
{
  if (row->state == KEFU_CALLBACK_STATE_DONE)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("This callback is already done. Reload the calendar."));
  if (row->state == KEFU_CALLBACK_STATE_CANCELLED)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("This callback was cancelled. Reload the calendar."));
  return TRUE;
}

gboolean
_kefu_store_callback_event (KefuStore     *self,
                            gint64         callback_id,
                            const char    *action,
                            GString       *details,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return _kefu_store_add_event (self, KEFU_CALLBACK_ENTITY, callback_id, action, details->str,
                                cancellable, error);
}

static void
append_time (GString   *json,
             GDateTime *time)
{
  g_autofree char *text = time != NULL ? kefu_time_to_db (time) : NULL;

  if (text == NULL)
    g_string_append (json, "null");
  else
    _kefu_json_append_string (json, text);
}

/* `text` in stored form, NULL when empty (transfer full). */
static char *
stored_text (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;
  normalized = _kefu_store_normalize_text (text);
  return normalized[0] != '\0' ? g_steal_pointer (&normalized) : NULL;
}

/* A callback made by hand */

typedef struct
{
  const KefuCallbackInput *input;
  char                    *topic;
  gint64                   id;
} CreateWrite;

static gboolean
create_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CreateWrite *w = data;
  const KefuCallbackInput *in = w->input;
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 actor = _kefu_store_get_txn_actor (self);
  KefuCallbackNew n = { 0 };
  KefuRole role;

  if (!_kefu_store_callback_actor_role (self, &role, cancellable, error))
    return FALSE;
  /* A lead makes callbacks for anyone; a clerk for a customer who asked, for themself or the
   * team. */
  if (!kefu_role_leads_callbacks (role) &&
      (role != KEFU_ROLE_CLERK || (in->assigned_to != 0 && in->assigned_to != actor)))
    return fail (error, KEFU_STORE_ERROR_PERMISSION,
                 _("Only a clerk or a team lead can make a callback, and only a team lead can "
                   "give it to another clerk."));
  if (!_kefu_store_callback_plan (self, in->customer_id, now, in->agreed_at, &due, &deadline,
                                  cancellable, error))
    return FALSE;
  if (in->due_at != NULL && in->agreed_at == NULL)
    {
      g_autoptr(KefuCallbackRules) rules = kefu_store_read_callback_rules (self, cancellable,
                                                                            error);
      g_autoptr(KefuCallbackPreferences) prefs = NULL;

      if (rules == NULL)
        return FALSE;
      prefs = _kefu_store_callback_preferences (self, in->customer_id, cancellable, error);
      if (prefs == NULL)
        return FALSE;
      /* A time chosen by hand still keeps out of the quiet times. */
      g_clear_pointer (&due, g_date_time_unref);
      due = kefu_callback_next_slot (rules, prefs, in->due_at, NULL, &local_error);
      if (due == NULL)
        return fail (error, KEFU_STORE_ERROR_INVALID, local_error->message);
    }

  n.customer_id = in->customer_id;
  n.reason = in->reason;
  n.source_entity = in->source_entity;
  n.source_id = in->source_id;
  n.topic = w->topic;
  n.method = in->method;
  n.due_at = due;
  n.deadline_at = deadline;
  n.agreed_at = in->agreed_at;
  n.assigned_to = in->assigned_to;
  w->id = _kefu_store_callback_insert (self, &n, "created", cancellable, &local_error);
  if (w->id == 0)
    {
      if (g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE))
        _kefu_store_rename_duplicate (&local_error,
                                      _("This record already has a callback for this reason. "
                                        "Open that callback instead."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gint64
kefu_store_create_callback (KefuStore                *self,
                            const KefuCallbackInput  *input,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  CreateWrite w = { input, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail ((input->source_entity == NULL) == (input->source_id == 0), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  w.topic = stored_text (input->topic);
  ok = _kefu_store_validate_text (C_("callback field", "Topic"), w.topic != NULL ? w.topic : "",
                                  KEFU_TEXT_MAX_SHORT, FALSE, FALSE, error) &&
       _kefu_store_write (self, create_txn, &w, cancellable, error);
  g_free (w.topic);
  return ok ? w.id : 0;
}

/* Recording an attempt */

typedef struct
{
  gint64                          id;
  gint64                          version;
  const KefuCallbackRecordInput  *input;
  char                           *words;
  char                           *note;
} RecordWrite;

static gboolean
insert_attempt (KefuStore           *self,
                gint64               callback_id,
                const char          *now_text,
                KefuCallbackMethod   method,
                KefuCallbackOutcome  outcome,
                const char          *note,
                GCancellable        *cancellable,
                GError             **error)
{
  return _kefu_store_execute (self,
                              "INSERT INTO callback_attempts (callback_id, attempted_at, "
                              "attempted_by, method, outcome, note) "
                              "VALUES ($1, $2, $3, $4, $5, $6)",
                              g_variant_new ("(xsxssms)", callback_id, now_text,
                                             _kefu_store_get_txn_actor (self),
                                             _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_METHOD,
                                                                       method),
                                             _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_OUTCOME,
                                                                       outcome),
                                             note),
                              cancellable, error) >= 0;
}

/* The complaint board's record-callback for a complaint callback that reached the customer, in
 * the same transaction: satisfied closes the complaint's callback stage, not satisfied reopens
 * it (complaint board rule). A complaint no longer resolved (reopened by hand, already called
 * back) has nothing to record. */
static gboolean
record_on_complaint (KefuStore         *self,
                     gint64             complaint_id,
                     KefuSatisfaction   satisfaction,
                     const char        *words,
                     GCancellable      *cancellable,
                     GError           **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuComplaintChange) change = NULL;
  KefuChangeInput d = { 0 };

  rows = _kefu_store_query (self, "SELECT version, stage FROM complaints WHERE id = $1",
                            g_variant_new ("(x)", complaint_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0 ||
      g_strcmp0 (kefu_rows_get_text (rows, 0, 1), "resolved") != 0)
    return TRUE;
  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, complaint_id,
                                      kefu_rows_get_int (rows, 0, 0));
  change->satisfaction = satisfaction;
  d.change = change;
  d.text = (char *) words;
  return _kefu_store_complaint_change_txn (self, &d, cancellable, error);
}

static gboolean
record_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  RecordWrite *w = data;
  const KefuCallbackRecordInput *in = w->input;
  g_auto(KefuCallbackRow) row = { 0 };
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autoptr(GError) rule_error = NULL;
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(KefuCallbackPreferences) prefs = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GString) details = g_string_new ("{\"outcome\":");
  const char *outcome_nick = _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_OUTCOME, in->outcome);
  const char *satisfaction_nick = in->satisfaction != KEFU_SATISFACTION_UNSPECIFIED ?
    _kefu_store_enum_to_nick (KEFU_TYPE_SATISFACTION, in->satisfaction) : NULL;
  gint64 actor = _kefu_store_get_txn_actor (self);
  const char *action;
  KefuRole role;
  gint64 changed;

  if (!_kefu_store_callback_lock (self, w->id, w->version, &row, cancellable, error) ||
      !_kefu_store_callback_check_due (&row, error) ||
      !_kefu_store_callback_actor_role (self, &role, cancellable, error))
    return FALSE;
  if (!kefu_callback_may_do (role, actor, row.assigned_to))
    return fail (error, KEFU_STORE_ERROR_PERMISSION,
                 _("This callback is given to another clerk. Only they or a team lead can "
                   "record it."));
  if (!kefu_callback_check_record (in->outcome, in->method, in->satisfaction, w->words,
                                   in->agreed_at, now, role, row.escalated_at != NULL,
                                   &rule_error))
    return fail (error,
                 in->outcome == KEFU_CALLBACK_OUTCOME_UNREACHABLE &&
                 !kefu_role_leads_callbacks (role) ?
                 KEFU_STORE_ERROR_PERMISSION : KEFU_STORE_ERROR_INVALID,
                 rule_error->message);
  /* The one who calls holds the claim; a lead closing an escalated callback needs none. */
  if (_kefu_store_callback_held_by_other (&row, actor, now, error))
    return FALSE;
  if (row.claimed_by != actor && in->outcome != KEFU_CALLBACK_OUTCOME_UNREACHABLE)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("Take the callback before recording it, so that nobody else calls the "
                   "customer at the same time."));

  if (!insert_attempt (self, row.id, now_text, in->method, in->outcome, w->note, cancellable,
                       error))
    return FALSE;

  if (kefu_callback_outcome_closes (in->outcome))
    {
      action = "done";
      changed = _kefu_store_execute (self,
                                     "UPDATE callbacks SET state = 'done', outcome = $2, "
                                     "last_outcome = $2, satisfaction = $3, customer_words = $4, "
                                     "done_at = $5, done_by = $6, method = $7, claimed_by = NULL, "
                                     "claim_workstation = NULL, claim_renewed_at = NULL, "
                                     "version = version + 1, updated_at = $5 WHERE id = $1",
                                     g_variant_new ("(xsmsmssxs)", row.id, outcome_nick,
                                                    satisfaction_nick, w->words, now_text, actor,
                                                    _kefu_store_enum_to_nick (
                                                      KEFU_TYPE_CALLBACK_METHOD, in->method)),
                                     cancellable, error);
    }
  else if (in->outcome == KEFU_CALLBACK_OUTCOME_CALL_LATER)
    {
      g_autofree char *agreed_text = kefu_time_to_db (in->agreed_at);

      action = "call-later";
      changed = _kefu_store_execute (self,
                                     "UPDATE callbacks SET due_at = $2, agreed_at = $2, "
                                     "last_outcome = $3, claimed_by = NULL, "
                                     "claim_workstation = NULL, claim_renewed_at = NULL, "
                                     "version = version + 1, updated_at = $4 WHERE id = $1",
                                     g_variant_new ("(xsss)", row.id, agreed_text, outcome_nick,
                                                    now_text),
                                     cancellable, error);
    }
  else
    {
      guint failures = row.n_attempts + 1;
      g_autofree char *next_text = NULL;

      rules = kefu_store_read_callback_rules (self, cancellable, error);
      if (rules == NULL)
        return FALSE;
      prefs = _kefu_store_callback_preferences (self, row.customer_id, cancellable, error);
      if (prefs == NULL)
        return FALSE;
      next = kefu_callback_retry_at (rules, prefs, now, failures);
      next_text = next != NULL ? kefu_time_to_db (next) : NULL;
      /* Out of attempts: listed for the lead, due where it was. */
      action = next != NULL ? "attempted" : "escalated";
      changed = _kefu_store_execute (self,
                                     "UPDATE callbacks SET n_attempts = n_attempts + 1, "
                                     "last_outcome = $2, due_at = COALESCE($3, due_at), "
                                     "escalated_at = CASE WHEN $3 IS NULL THEN $4 "
                                     "ELSE escalated_at END, claimed_by = NULL, "
                                     "claim_workstation = NULL, claim_renewed_at = NULL, "
                                     "version = version + 1, updated_at = $4 WHERE id = $1",
                                     g_variant_new ("(xsmss)", row.id, outcome_nick, next_text,
                                                    now_text),
                                     cancellable, error);
    }
  if (changed < 0)
    return FALSE;

  _kefu_json_append_string (details, outcome_nick);
  g_string_append (details, ",\"method\":");
  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_METHOD,
                                                               in->method));
  if (satisfaction_nick != NULL)
    {
      g_string_append (details, ",\"satisfaction\":");
      _kefu_json_append_string (details, satisfaction_nick);
    }
  if (w->words != NULL)
    {
      g_string_append (details, ",\"customer_words\":");
      _kefu_json_append_string (details, w->words);
    }
  if (in->outcome == KEFU_CALLBACK_OUTCOME_CALL_LATER)
    {
      g_string_append (details, ",\"agreed_at\":");
      append_time (details, in->agreed_at);
    }
  else if (!kefu_callback_outcome_closes (in->outcome))
    {
      g_string_append_printf (details, ",\"attempts\":%u,\"due_at\":", row.n_attempts + 1);
      append_time (details, next != NULL ? next : row.due_at);
    }
  g_string_append_c (details, '}');
  if (!_kefu_store_callback_event (self, row.id, action, details, cancellable, error))
    return FALSE;

  if (in->outcome == KEFU_CALLBACK_OUTCOME_REACHED &&
      g_strcmp0 (row.source_entity, "complaint") == 0)
    return record_on_complaint (self, row.source_id, in->satisfaction, w->words, cancellable,
                                error);
  return TRUE;
}

gboolean
kefu_store_record_callback (KefuStore                       *self,
                            gint64                           callback_id,
                            gint64                           version,
                            const KefuCallbackRecordInput   *input,
                            GCancellable                    *cancellable,
                            GError                         **error)
{
  RecordWrite w = { callback_id, version, input, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* What is checked is what is stored. */
  w.words = stored_text (input->customer_words);
  w.note = stored_text (input->note);
  ok = _kefu_store_validate_text (C_("callback field", "Customer's words"),
                                  w.words != NULL ? w.words : "", MAX_WORDS, FALSE, TRUE,
                                  error) &&
       _kefu_store_validate_text (C_("callback field", "Note"), w.note != NULL ? w.note : "",
                                  MAX_WORDS, FALSE, TRUE, error) &&
       _kefu_store_write (self, record_txn, &w, cancellable, error);
  g_free (w.words);
  g_free (w.note);
  return ok;
}

/* The complaint board's side */

gboolean
_kefu_store_callback_complaint_resolved (KefuStore     *self,
                                         gint64         complaint_id,
                                         GDateTime     *now,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *now_text = NULL;
  gint64 customer_id;
  gint64 id;

  rows = _kefu_store_query (self,
                            "SELECT complaints.customer_id, callbacks.id, callbacks.state "
                            "FROM complaints LEFT JOIN callbacks ON "
                            "callbacks.source_entity = 'complaint' AND "
                            "callbacks.source_id = complaints.id AND "
                            "callbacks.reason = 'after-complaint' WHERE complaints.id = $1",
                            g_variant_new ("(x)", complaint_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0 || kefu_rows_is_null (rows, 0, 0))
    return TRUE;
  customer_id = kefu_rows_get_int (rows, 0, 0);
  if (kefu_rows_is_null (rows, 0, 1))
    return _kefu_store_schedule_callback (self, customer_id,
                                          KEFU_CALLBACK_REASON_AFTER_COMPLAINT, "complaint",
                                          complaint_id, now, cancellable, error) != 0;

  /* Resolved again after a reopening: the same callback (one per complaint) is due again, with
   * its earlier attempts kept. */
  id = kefu_rows_get_int (rows, 0, 1);
  if (!_kefu_store_callback_plan (self, customer_id, now, NULL, &due, &deadline, cancellable,
                                  error))
    return FALSE;
  due_text = kefu_time_to_db (due);
  deadline_text = kefu_time_to_db (deadline);
  now_text = kefu_time_to_db (now);
  if (_kefu_store_execute (self,
                           "UPDATE callbacks SET state = 'due', due_at = $2, deadline_at = $3, "
                           "agreed_at = NULL, n_attempts = 0, escalated_at = NULL, "
                           "outcome = NULL, satisfaction = NULL, customer_words = NULL, "
                           "done_at = NULL, done_by = NULL, cancel_reason = NULL, "
                           "claimed_by = NULL, claim_workstation = NULL, "
                           "claim_renewed_at = NULL, version = version + 1, updated_at = $4 "
                           "WHERE id = $1",
                           g_variant_new ("(xsss)", id, due_text, deadline_text, now_text),
                           cancellable, error) < 0)
    return FALSE;
  details = g_string_new ("{\"due_at\":");
  _kefu_json_append_string (details, due_text);
  g_string_append (details, ",\"deadline_at\":");
  _kefu_json_append_string (details, deadline_text);
  g_string_append_c (details, '}');
  return _kefu_store_callback_event (self, id, "rescheduled", details, cancellable, error);
}

gboolean
_kefu_store_callback_complaint_called_back (KefuStore         *self,
                                            gint64             complaint_id,
                                            KefuSatisfaction   satisfaction,
                                            const char        *customer_words,
                                            GDateTime         *now,
                                            GCancellable      *cancellable,
                                            GError           **error)
{
  const char *nick = _kefu_store_enum_to_nick (KEFU_TYPE_SATISFACTION, satisfaction);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autoptr(KefuRows) done = NULL;

  /* Still due only when the board records it first: a callback recorded in the calendar is
   * done before its complaint hears of it. */
  done = _kefu_store_query (self,
                            "UPDATE callbacks SET state = 'done', outcome = 'reached', "
                            "last_outcome = 'reached', method = 'phone', satisfaction = $2, "
                            "customer_words = $3, done_at = $4, done_by = $5, "
                            "claimed_by = NULL, claim_workstation = NULL, "
                            "claim_renewed_at = NULL, version = version + 1, updated_at = $4 "
                            "WHERE source_entity = 'complaint' AND source_id = $1 AND "
                            "reason = 'after-complaint' AND state = 'due' RETURNING id",
                            g_variant_new ("(xsmssx)", complaint_id, nick, customer_words,
                                           now_text, _kefu_store_get_txn_actor (self)),
                            cancellable, error);
  if (done == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (done); i++)
    {
      gint64 id = kefu_rows_get_int (done, i, 0);
      g_autoptr(GString) details = g_string_new ("{\"outcome\":\"reached\",\"method\":\"phone\","
                                                 "\"satisfaction\":");

      _kefu_json_append_string (details, nick);
      if (customer_words != NULL)
        {
          g_string_append (details, ",\"customer_words\":");
          _kefu_json_append_string (details, customer_words);
        }
      g_string_append (details, ",\"on\":\"complaint\"}");
      if (!insert_attempt (self, id, now_text, KEFU_CALLBACK_METHOD_PHONE,
                           KEFU_CALLBACK_OUTCOME_REACHED, NULL, cancellable, error) ||
          !_kefu_store_callback_event (self, id, "done", details, cancellable, error))
        return FALSE;
    }
  return TRUE;
}
