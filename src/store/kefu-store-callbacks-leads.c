/* kefu-store-callbacks-leads.c: what a team lead (or the CS manager, the GM office) changes on a
 * callback: who is to call, when (moved to the next allowed slot unless the customer asked for
 * that time), cancelling it, and more attempts for one escalated to them. Each is one
 * transaction with its version check and event; a callback someone is calling right now is left
 * alone (KEFU_STORE_ERROR_CLAIMED).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "kefu-store-callbacks-private.h"

typedef enum
{
  LEAD_ASSIGN,
  LEAD_RESCHEDULE,
  LEAD_CANCEL,
  LEAD_RETRY,
} LeadAction;

typedef struct
{
  LeadAction  action;
  gint64      id;
  gint64      version;
  gint64      staff_id;   /* assign */
  GDateTime  *due_at;     /* reschedule */
  gboolean    agreed;     /* reschedule */
  char       *reason;     /* cancel, stored form */
} LeadWrite;

/* Refusals read as "return fail (…)". */
#define fail _kefu_store_callback_fail

/* The next allowed slot for the customer from `from`. */
static GDateTime *
next_slot (KefuStore     *self,
           gint64         customer_id,
           GDateTime     *from,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(KefuCallbackPreferences) prefs = NULL;
  g_autoptr(GError) local_error = NULL;
  GDateTime *slot;

  rules = kefu_store_read_callback_rules (self, cancellable, error);
  if (rules == NULL)
    return NULL;
  prefs = _kefu_store_callback_preferences (self, customer_id, cancellable, error);
  if (prefs == NULL)
    return NULL;
  slot = kefu_callback_next_slot (rules, prefs, from, NULL, &local_error);
  if (slot == NULL)
    fail (error, KEFU_STORE_ERROR_INVALID, local_error->message);
  return slot;
}

static gboolean
assign (KefuStore        *self,
        LeadWrite        *w,
        const char       *now_text,
        GString          *details,
        GCancellable     *cancellable,
        GError          **error)
{
  g_autoptr(KefuRows) staff = NULL;

  if (w->staff_id != 0)
    {
      staff = _kefu_store_query (self, "SELECT name, active FROM staff WHERE id = $1",
                                 g_variant_new ("(x)", w->staff_id), cancellable, error);
      if (staff == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (staff) == 0 || !kefu_rows_get_bool (staff, 0, 1))
        return fail (error, KEFU_STORE_ERROR_INVALID,
                     _("The chosen clerk no longer works here. Choose someone else."));
    }
  g_string_append (details, "{\"assigned_to\":");
  if (w->staff_id != 0)
    {
      g_string_append_printf (details, "{\"id\":%" G_GINT64_FORMAT ",\"name\":", w->staff_id);
      _kefu_json_append_string (details, kefu_rows_get_text (staff, 0, 0));
      g_string_append_c (details, '}');
    }
  else
    g_string_append (details, "null");
  g_string_append_c (details, '}');
  return _kefu_store_execute (self,
                              "UPDATE callbacks SET assigned_to = $2, version = version + 1, "
                              "updated_at = $3 WHERE id = $1",
                              g_variant_new ("(xmxs)", w->id, w->staff_id != 0, w->staff_id,
                                             now_text),
                              cancellable, error) >= 0;
}

/* Rescheduling and more attempts: a new due time, agreed with the customer or the next slot. */
static gboolean
plan_again (KefuStore        *self,
            LeadWrite        *w,
            KefuCallbackRow  *row,
            GDateTime        *now,
            const char       *now_text,
            GString          *details,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_text = NULL;
  gboolean agreed = w->action == LEAD_RESCHEDULE && w->agreed;

  if (w->action == LEAD_RETRY && row->escalated_at == NULL)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("This callback still has attempts left; only a callback whose attempts ran "
                   "out is given more."));
  if (agreed)
    due = g_date_time_ref (w->due_at);
  else
    due = next_slot (self, row->customer_id, w->action == LEAD_RETRY ? now : w->due_at,
                     cancellable, error);
  if (due == NULL)
    return FALSE;
  due_text = kefu_time_to_db (due);
  g_string_append (details, "{\"due_at\":");
  _kefu_json_append_string (details, due_text);
  if (agreed)
    g_string_append (details, ",\"agreed\":true");
  g_string_append_c (details, '}');
  if (w->action == LEAD_RETRY)
    return _kefu_store_execute (self,
                                "UPDATE callbacks SET due_at = $2, escalated_at = NULL, "
                                "n_attempts = 0, version = version + 1, updated_at = $3 "
                                "WHERE id = $1",
                                g_variant_new ("(xss)", w->id, due_text, now_text),
                                cancellable, error) >= 0;
  return _kefu_store_execute (self,
                              "UPDATE callbacks SET due_at = $2, agreed_at = $3, "
                              "version = version + 1, updated_at = $4 WHERE id = $1",
                              g_variant_new ("(xsmss)", w->id, due_text,
                                             agreed ? due_text : NULL, now_text),
                              cancellable, error) >= 0;
}

static gboolean
lead_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  static const char *const actions[] = { "assigned", "rescheduled", "cancelled", "retried" };
  LeadWrite *w = data;
  g_auto(KefuCallbackRow) row = { 0 };
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autoptr(GString) details = g_string_new (NULL);
  KefuRole role;
  gboolean ok;

  if (!_kefu_store_callback_actor_role (self, &role, cancellable, error))
    return FALSE;
  if (!kefu_role_leads_callbacks (role))
    return fail (error, KEFU_STORE_ERROR_PERMISSION,
                 _("Only a team lead, the customer service manager or the general manager's "
                   "office can assign, reschedule or cancel callbacks."));
  if (!_kefu_store_callback_lock (self, w->id, w->version, &row, cancellable, error) ||
      !_kefu_store_callback_check_due (&row, error) ||
      _kefu_store_callback_held_by_other (&row, _kefu_store_get_txn_actor (self), now, error))
    return FALSE;

  switch (w->action)
    {
    case LEAD_ASSIGN:
      ok = assign (self, w, now_text, details, cancellable, error);
      break;
    case LEAD_CANCEL:
      g_string_append (details, "{\"reason\":");
      _kefu_json_append_string (details, w->reason);
      g_string_append_c (details, '}');
      ok = _kefu_store_execute (self,
                                "UPDATE callbacks SET state = 'cancelled', cancel_reason = $2, "
                                "claimed_by = NULL, claim_workstation = NULL, "
                                "claim_renewed_at = NULL, version = version + 1, "
                                "updated_at = $3 WHERE id = $1",
                                g_variant_new ("(xss)", w->id, w->reason, now_text),
                                cancellable, error) >= 0;
      break;
    case LEAD_RESCHEDULE:
    case LEAD_RETRY:
    default:
      ok = plan_again (self, w, &row, now, now_text, details, cancellable, error);
      break;
    }
  return ok && _kefu_store_callback_event (self, w->id, actions[w->action], details,
                                           cancellable, error);
}

static gboolean
run (KefuStore     *self,
     LeadWrite     *w,
     GCancellable  *cancellable,
     GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kefu_store_write (self, lead_txn, w, cancellable, error);
}

gboolean
kefu_store_assign_callback (KefuStore     *self,
                            gint64         callback_id,
                            gint64         version,
                            gint64         staff_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LeadWrite w = { LEAD_ASSIGN, callback_id, version, staff_id, NULL, FALSE, NULL };

  return run (self, &w, cancellable, error);
}

gboolean
kefu_store_reschedule_callback (KefuStore     *self,
                                gint64         callback_id,
                                gint64         version,
                                GDateTime     *due_at,
                                gboolean       agreed,
                                GCancellable  *cancellable,
                                GError       **error)
{
  LeadWrite w = { LEAD_RESCHEDULE, callback_id, version, 0, due_at, agreed, NULL };

  g_return_val_if_fail (due_at != NULL, FALSE);
  return run (self, &w, cancellable, error);
}

gboolean
kefu_store_cancel_callback (KefuStore     *self,
                            gint64         callback_id,
                            gint64         version,
                            const char    *reason,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LeadWrite w = { LEAD_CANCEL, callback_id, version, 0, NULL, FALSE, NULL };
  gboolean ok;

  w.reason = _kefu_store_normalize_text (reason != NULL ? reason : "");
  ok = _kefu_store_validate_text (C_("callback field", "Reason for cancelling"), w.reason,
                                  KEFU_TEXT_MAX_REASON, TRUE, TRUE, error) &&
       run (self, &w, cancellable, error);
  g_free (w.reason);
  return ok;
}

gboolean
kefu_store_retry_callback (KefuStore     *self,
                           gint64         callback_id,
                           gint64         version,
                           GCancellable  *cancellable,
                           GError       **error)
{
  LeadWrite w = { LEAD_RETRY, callback_id, version, 0, NULL, FALSE, NULL };

  return run (self, &w, cancellable, error);
}
