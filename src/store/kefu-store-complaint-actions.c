/* kefu-store-complaint-actions.c: what each complaint action writes, inside the transaction of
 * kefu_store_change_complaint () (kefu-store-complaint-changes.c) once the flow rules allowed
 * it: the action's own columns and rows, the stage with its time and next deadline
 * (_kefu_store_complaint_enter_stage ()) or else a new version, and the event with the details
 * kefu-store-complaints.h lists. Resolving schedules the complaint's callback in the callback
 * calendar, and recording the callback here records that callback too
 * (kefu-store-callbacks-record.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "kefu-store-callbacks-private.h"
#include "kefu-store-complaint-changes-private.h"

/* Who went on a visit is one line. */
#define MAX_VISITORS KEFU_TEXT_MAX_SHORT
/* A visit may be recorded a little ahead of the workstation's clock, never in the future. */
#define VISIT_CLOCK_SLACK_MINUTES 5

static gboolean
is_manager (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_GM_OFFICE ||
         role == KEFU_ROLE_ADMINISTRATOR;
}

static void
set_error (GError         **error,
           KefuStoreError   code,
           const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
}

static const char *
stage_nick (KefuComplaintStage stage)
{
  return _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, stage);
}

/* The name of a department, or NULL with an error when there is none. */
static char *
department_name (KefuStore     *self,
                 gint64         department_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT name FROM departments WHERE id = $1",
                            g_variant_new ("(x)", department_id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("One of the chosen departments no longer exists. Reload the departments and "
                   "choose again."));
      return NULL;
    }
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

static void
append_department (GString    *json,
                   gint64      department_id,
                   const char *name)
{
  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"name\":", department_id);
  _kefu_json_append_string (json, name);
  g_string_append_c (json, '}');
}

/* ,"from":"…","to":"…" */
static void
append_move (GString            *json,
             KefuComplaintStage  from,
             KefuComplaintStage  to)
{
  g_string_append (json, ",\"from\":");
  _kefu_json_append_string (json, stage_nick (from));
  g_string_append (json, ",\"to\":");
  _kefu_json_append_string (json, stage_nick (to));
}

/* ,"text":"…" when there is text. */
static void
append_text (GString    *json,
             const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  g_string_append (json, ",\"text\":");
  _kefu_json_append_string (json, text);
}

static gboolean
add_event (KefuStore         *self,
           KefuChangeTarget  *c,
           const char        *action,
           GString           *details,
           GCancellable      *cancellable,
           GError           **error)
{
  return _kefu_store_add_event (self, "complaint", c->id, action, details->str,
                                cancellable, error);
}

/* A change that leaves the stage as it is still makes a new version, so that every board
 * showing the complaint reloads it and a change made against the old one is refused. */
static gboolean
bump_version (KefuStore         *self,
              KefuChangeTarget  *c,
              GCancellable      *cancellable,
              GError           **error)
{
  return _kefu_store_execute (self,
                              "UPDATE complaints SET version = version + 1, updated_at = $2 "
                              "WHERE id = $1",
                              g_variant_new ("(xs)", c->id, c->now_text), cancellable,
                              error) >= 0;
}

static gboolean
insert_routes (KefuStore         *self,
               KefuChangeTarget  *c,
               GArray            *ids,
               const char        *reason,
               GString           *json,
               GCancellable      *cancellable,
               GError           **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 department_id = g_array_index (ids, gint64, i);
      g_autofree char *name = department_name (self, department_id, cancellable, error);

      if (name == NULL)
        return FALSE;
      if (_kefu_store_execute (self,
                               "INSERT INTO complaint_routes (complaint_id, department_id, "
                               "created_at, added_by, reason) VALUES ($1, $2, $3, $4, $5)",
                               g_variant_new ("(xxsxms)", c->id, department_id, c->now_text,
                                              c->actor, _kefu_store_nullable (reason)),
                               cancellable, error) < 0)
        return FALSE;
      if (i > 0)
        g_string_append_c (json, ',');
      append_department (json, department_id, name);
    }
  return TRUE;
}

gboolean
_kefu_store_complaint_do_route (KefuStore         *self,
                                KefuChangeTarget  *c,
                                GArray            *added,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(GString) json = g_string_new ("{\"departments\":[");

  if (!insert_routes (self, c, added, NULL, json, cancellable, error))
    return FALSE;
  g_string_append_c (json, ']');
  append_move (json, c->stage, KEFU_COMPLAINT_STAGE_ROUTED);
  if (c->harmed)
    g_string_append (json, ",\"urgent\":true");
  g_string_append_c (json, '}');
  return _kefu_store_execute (self, "UPDATE complaints SET routed_at = $1 WHERE id = $2",
                              g_variant_new ("(sx)", c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, KEFU_COMPLAINT_STAGE_ROUTED, c->now,
                                            cancellable, error) &&
         add_event (self, c, "routed", json, cancellable, error);
}

gboolean
_kefu_store_complaint_do_acknowledge (KefuStore         *self,
                                      KefuChangeInput   *d,
                                      KefuChangeTarget  *c,
                                      GCancellable      *cancellable,
                                      GError           **error)
{
  g_autoptr(GString) json = g_string_new ("{\"department\":");
  gint64 department_id = d->change->department_id;
  const char *name;

  if (department_id == 0)
    {
      /* The actor's own department; a manager outside the routes acknowledges for the first. */
      if (g_hash_table_contains (c->routes, &c->actor_department))
        department_id = c->actor_department;
      else if (c->route_order->len > 0)
        department_id = g_array_index (c->route_order, gint64, 0);
    }
  name = g_hash_table_lookup (c->routes, &department_id);
  if (name == NULL)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("The complaint is not routed to that department. Choose one of its routed "
                   "departments, or add the department to the routes first."));
      return FALSE;
    }
  if (department_id != c->actor_department && !is_manager (c->actor_role))
    {
      set_error (error, KEFU_STORE_ERROR_PERMISSION,
                 _("Only a member of that department or a manager can acknowledge the complaint "
                   "for it."));
      return FALSE;
    }

  append_department (json, department_id, name);
  append_move (json, c->stage, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaint_routes SET acknowledged_at = $1, "
                              "acknowledged_by = $2 WHERE complaint_id = $3 AND department_id = $4",
                              g_variant_new ("(sxxx)", c->now_text, c->actor, c->id, department_id),
                              cancellable, error) >= 0 &&
         _kefu_store_execute (self, "UPDATE complaints SET acknowledged_at = $1 WHERE id = $2",
                              g_variant_new ("(sx)", c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, KEFU_COMPLAINT_STAGE_IN_PROGRESS, c->now,
                                            cancellable, error) &&
         add_event (self, c, "acknowledged", json, cancellable, error);
}

gboolean
_kefu_store_complaint_do_resolve (KefuStore         *self,
                                  KefuChangeInput   *d,
                                  KefuChangeTarget  *c,
                                  GCancellable      *cancellable,
                                  GError           **error)
{
  g_autoptr(GString) json = g_string_new ("{");

  _kefu_json_append_string (json, "text");
  g_string_append_c (json, ':');
  _kefu_json_append_string (json, d->text);
  append_move (json, c->stage, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_string_append_c (json, '}');
  /* The resolve deadline in force now is kept with the resolution (schema step 13): entering
   * Resolved moves due_at on to the callback deadline, and the dashboard's SLA figure compares
   * resolved_at with the deadline it was worked against. */
  return _kefu_store_execute (self,
                              "UPDATE complaints SET resolution = $1, resolved_at = $2, "
                              "resolve_due_at = CASE WHEN due_kind = 'resolve' THEN due_at "
                              "ELSE NULL END WHERE id = $3",
                              g_variant_new ("(ssx)", d->text, c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, KEFU_COMPLAINT_STAGE_RESOLVED, c->now,
                                            cancellable, error) &&
         add_event (self, c, "resolved", json, cancellable, error) &&
         _kefu_store_callback_complaint_resolved (self, c->id, c->now, cancellable, error);
}

gboolean
_kefu_store_complaint_do_record_callback (KefuStore         *self,
                                          KefuChangeInput   *d,
                                          KefuChangeTarget  *c,
                                          GCancellable      *cancellable,
                                          GError           **error)
{
  KefuSatisfaction satisfaction = d->change->satisfaction;
  KefuComplaintStage to = kefu_complaint_action_target (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
                                                        c->stage, satisfaction);
  const char *nick = _kefu_store_enum_to_nick (KEFU_TYPE_SATISFACTION, satisfaction);
  g_autoptr(GString) json = g_string_new ("{\"satisfaction\":");

  _kefu_json_append_string (json, nick);
  append_text (json, d->text);
  append_move (json, c->stage, to);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaints SET satisfaction = $1, customer_words = $2, "
                              "called_back_at = $3 WHERE id = $4",
                              g_variant_new ("(smssx)", nick, _kefu_store_nullable (d->text),
                                             c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, to, c->now, cancellable, error) &&
         add_event (self, c, "called-back", json, cancellable, error) &&
         _kefu_store_callback_complaint_called_back (self, c->id, satisfaction,
                                                     _kefu_store_nullable (d->text), c->now,
                                                     cancellable, error);
}

/* Reopen and close: a move with the reason, if any. */
gboolean
_kefu_store_complaint_do_move (KefuStore           *self,
                               KefuChangeInput     *d,
                               KefuChangeTarget    *c,
                               KefuComplaintStage   to,
                               const char          *action,
                               const char          *time_column_sql,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(GString) json = g_string_new ("{");

  if (d->text != NULL && d->text[0] != '\0')
    {
      g_string_append (json, "\"text\":");
      _kefu_json_append_string (json, d->text);
      append_move (json, c->stage, to);
    }
  else
    {
      /* append_move () starts with a comma. */
      append_move (json, c->stage, to);
      g_string_erase (json, 1, 1);
    }
  g_string_append_c (json, '}');
  if (time_column_sql != NULL &&
      _kefu_store_execute (self, time_column_sql, g_variant_new ("(sx)", c->now_text, c->id),
                           cancellable, error) < 0)
    return FALSE;
  return _kefu_store_complaint_enter_stage (self, c->id, to, c->now, cancellable, error) &&
         add_event (self, c, action, json, cancellable, error);
}

gboolean
_kefu_store_complaint_do_note (KefuStore         *self,
                               KefuChangeInput   *d,
                               KefuChangeTarget  *c,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_autoptr(GString) json = g_string_new ("{\"text\":");

  _kefu_json_append_string (json, d->text);
  g_string_append_c (json, '}');
  return bump_version (self, c, cancellable, error) &&
         add_event (self, c, "note", json, cancellable, error);
}

gboolean
_kefu_store_complaint_do_visit (KefuStore         *self,
                                KefuChangeInput   *d,
                                KefuChangeTarget  *c,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(GDateTime) latest = g_date_time_add_minutes (c->now, VISIT_CLOCK_SLACK_MINUTES);
  g_autoptr(GString) json = g_string_new ("{\"visitors\":");
  g_autoptr(GDateTime) visited_utc = NULL;
  g_autofree char *visited_text = NULL;
  g_autofree char *visited_iso = NULL;

  if (d->change->visited_at == NULL)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("Enter when the customer was visited."));
      return FALSE;
    }
  if (g_date_time_compare (d->change->visited_at, latest) > 0)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("The visit time lies in the future. Record a visit once it has taken place."));
      return FALSE;
    }
  if (!_kefu_store_validate_text (C_("complaint change field", "Who went"), d->visitors,
                                  MAX_VISITORS, TRUE, FALSE, error))
    return FALSE;

  visited_utc = g_date_time_to_utc (d->change->visited_at);
  visited_text = kefu_time_to_db (visited_utc);
  visited_iso = g_date_time_format (visited_utc, "%Y-%m-%dT%H:%M:%SZ");
  if (_kefu_store_execute (self,
                           "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, "
                           "outcome, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                           g_variant_new ("(xsssxs)", c->id, d->visitors, visited_text, d->text,
                                          c->actor, c->now_text),
                           cancellable, error) < 0)
    return FALSE;

  _kefu_json_append_string (json, d->visitors);
  g_string_append (json, ",\"visited_at\":");
  _kefu_json_append_string (json, visited_iso);
  append_text (json, d->text);
  g_string_append_c (json, '}');
  return bump_version (self, c, cancellable, error) &&
         add_event (self, c, "visit", json, cancellable, error);
}

gboolean
_kefu_store_complaint_do_escalate (KefuStore         *self,
                                   KefuChangeInput   *d,
                                   KefuChangeTarget  *c,
                                   GCancellable      *cancellable,
                                   GError           **error)
{
  KefuEscalationLevel level = c->escalation + 1;
  g_autoptr(GString) json = g_string_new (NULL);

  /* The flow refused an escalation beyond the GM office already. */
  g_assert (level <= KEFU_ESCALATION_GM_OFFICE);
  g_string_append_printf (json, "{\"level\":%d,\"role\":", (int) level);
  _kefu_json_append_string (json, _kefu_store_enum_to_nick (KEFU_TYPE_ROLE,
                                                            kefu_escalation_level_role (level)));
  g_string_append (json, ",\"deadline\":");
  _kefu_json_append_string (json, _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_DEADLINE,
                                                            c->due_kind));
  g_string_append (json, ",\"by_hand\":true");
  append_text (json, d->text);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaints SET escalation_level = $1, escalated_at = $2, "
                              "version = version + 1, updated_at = $2 WHERE id = $3",
                              g_variant_new ("(xsx)", (gint64) level, c->now_text, c->id),
                              cancellable, error) >= 0 &&
         add_event (self, c, "escalated", json, cancellable, error);
}

gboolean
_kefu_store_complaint_do_edit_routes (KefuStore         *self,
                                      KefuChangeInput   *d,
                                      KefuChangeTarget  *c,
                                      GArray            *added,
                                      GArray            *removed,
                                      GCancellable      *cancellable,
                                      GError           **error)
{
  g_autoptr(GString) json = g_string_new ("{\"added\":[");

  if (!insert_routes (self, c, added, d->text, json, cancellable, error))
    return FALSE;
  g_string_append (json, "],\"removed\":[");
  for (guint i = 0; i < removed->len; i++)
    {
      gint64 department_id = g_array_index (removed, gint64, i);

      if (_kefu_store_execute (self,
                               "DELETE FROM complaint_routes WHERE complaint_id = $1 AND "
                               "department_id = $2",
                               g_variant_new ("(xx)", c->id, department_id),
                               cancellable, error) < 0)
        return FALSE;
      if (i > 0)
        g_string_append_c (json, ',');
      append_department (json, department_id, g_hash_table_lookup (c->routes, &department_id));
    }
  g_string_append_c (json, ']');
  append_text (json, d->text);
  g_string_append_c (json, '}');
  return bump_version (self, c, cancellable, error) &&
         add_event (self, c, "routes-changed", json, cancellable, error);
}
