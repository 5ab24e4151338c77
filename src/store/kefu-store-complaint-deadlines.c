/* kefu-store-complaint-deadlines.c: the periodic deadline and escalation check that every
 * workstation runs on open and then every few minutes. It must cost next to nothing when nothing
 * is late (two index probes: the complaints still without a deadline, and those past one), and
 * two workstations running it at the same moment must raise each complaint once: every raise is
 * a conditional update from the level read, and only the workstation whose update took writes
 * the events.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-complaints-private.h"

/* The stages that always work against a deadline (kefu_complaint_deadline_for_stage ()). A
 * complaint in one of them without due_at was stored before schema step 3; the partial index
 * complaints_due_missing holds exactly those, so looking for them reads nothing once they are
 * done. Keep this text the same as the index's WHERE, or the index is not used. */
#define DUE_MISSING \
  "due_at IS NULL AND stage IN ('new', 'routed', 'in-progress', 'reopened', 'resolved')"

#define OPEN_STAGES "'new', 'routed', 'in-progress', 'reopened', 'resolved', 'called-back'"

/* The entity of the complaint events (kefu-store-complaints.h), which the timeline reads. */
#define COMPLAINT_ENTITY "complaint"

typedef struct
{
  GDateTime *now;
  char      *now_text;
  guint      n_escalated;
} Check;

/* Missing deadlines */

static gboolean
fill_deadlines_txn (KefuStore     *self,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(KefuWorkCalendar) calendar = NULL;
  Check *check = data;
  g_autoptr(KefuRows) rows = NULL;
  KefuComplaintDeadlineRules rules;

  if (!_kefu_store_complaint_deadline_rules (self, &rules, &calendar, cancellable, error))
    return FALSE;

  rows = _kefu_store_query (self,
                            "SELECT id, stage, category, harmed, "
                            "COALESCE(stage_since, created_at) "
                            "FROM complaints WHERE " DUE_MISSING " ORDER BY id",
                            NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GDateTime) since = kefu_rows_get_time (rows, i, 4);
      g_autoptr(GDateTime) due = NULL;
      g_autofree char *since_text = NULL;
      g_autofree char *due_text = NULL;
      KefuComplaintStage stage;
      KefuComplaintCategory category;
      KefuComplaintDeadline kind;

      stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                          kefu_rows_get_text (rows, i, 1),
                                          KEFU_COMPLAINT_STAGE_NEW);
      category = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                             kefu_rows_get_text (rows, i, 2),
                                             KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
      kind = kefu_complaint_deadline_for_stage (stage, category, kefu_rows_get_bool (rows, i, 3),
                                                since, &rules, calendar, &due);
      if (kind == KEFU_COMPLAINT_DEADLINE_NONE || due == NULL)
        continue;

      since_text = kefu_time_to_db (since);
      due_text = kefu_time_to_db (due);
      /* A new version, like every change to a complaint, so that every board showing it
       * reloads it with its deadline. */
      if (_kefu_store_execute (self,
                               "UPDATE complaints SET due_kind = $2, due_at = $3, "
                               "stage_since = COALESCE(stage_since, $4), "
                               "version = version + 1, updated_at = $5 "
                               "WHERE id = $1 AND due_at IS NULL",
                               g_variant_new ("(xssss)", kefu_rows_get_int (rows, i, 0),
                                              _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_DEADLINE,
                                                                        kind),
                                              due_text, since_text, check->now_text),
                               cancellable, error) < 0)
        return FALSE;
    }
  return TRUE;
}

/* Escalation */

/* In id order, so that two workstations raising the same complaints at once lock them in the
 * same order (PostgreSQL would otherwise find a deadlock). */
#define LATE_SQL \
  "SELECT id, stage_since, due_at, escalation_level, due_kind FROM complaints " \
  "WHERE due_at IS NOT NULL AND due_at < $1 AND escalation_level < 3 " \
  "AND stage IN (" OPEN_STAGES ") ORDER BY id"

/* The level row `row` of LATE_SQL should have at `now`, when higher than its own; else NONE. */
static KefuEscalationLevel
level_due (KefuRows  *rows,
           guint      row,
           GDateTime *now)
{
  g_autoptr(GDateTime) since = kefu_rows_get_time (rows, row, 1);
  g_autoptr(GDateTime) due = kefu_rows_get_time (rows, row, 2);
  KefuEscalationLevel level;

  if (due == NULL)
    return KEFU_ESCALATION_NONE;
  level = kefu_complaint_escalation_due (since, due, now);
  return (gint64) level > kefu_rows_get_int (rows, row, 3) ? level : KEFU_ESCALATION_NONE;
}

static char *
escalated_details (KefuEscalationLevel  level,
                   const char          *deadline)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json, "{\"level\":%d,\"role\":", (int) level);
  _kefu_json_append_string (json, _kefu_store_enum_to_nick (KEFU_TYPE_ROLE,
                                                            kefu_escalation_level_role (level)));
  g_string_append (json, ",\"deadline\":");
  if (deadline != NULL)
    _kefu_json_append_string (json, deadline);
  else
    g_string_append (json, "null");
  g_string_append (json, ",\"by_hand\":false}");
  return g_string_free (json, FALSE);
}

static gboolean
escalate_txn (KefuStore     *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Check *check = data;
  g_autoptr(KefuRows) rows = NULL;
  gint64 system_id;

  /* A retried transaction starts again from nothing. */
  check->n_escalated = 0;

  system_id = _kefu_store_system_staff_id (self, cancellable, error);
  if (system_id <= 0)
    return FALSE;

  /* Read again inside the write transaction: another workstation may have raised some of
   * them, or moved them to a new stage, since the read that decided to come here. */
  rows = _kefu_store_query (self, LATE_SQL, g_variant_new ("(s)", check->now_text),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuEscalationLevel target = level_due (rows, i, check->now);
      gint64 id = kefu_rows_get_int (rows, i, 0);
      gint64 level = kefu_rows_get_int (rows, i, 3);
      gint64 changed;

      if (target == KEFU_ESCALATION_NONE)
        continue;

      /* From exactly the level read: when another workstation got there first, nothing
       * changes here and it alone writes the events of the levels it raised. */
      changed = _kefu_store_execute (self,
                                     "UPDATE complaints SET escalation_level = $2, "
                                     "escalated_at = $3, version = version + 1, "
                                     "updated_at = $3 "
                                     "WHERE id = $1 AND escalation_level = $4 "
                                     "AND escalation_level < $2",
                                     g_variant_new ("(xxsx)", id, (gint64) target,
                                                    check->now_text, level),
                                     cancellable, error);
      if (changed < 0)
        return FALSE;
      if (changed == 0)
        continue;

      /* One event per level, so that each level's people are told (notices) and the timeline
       * shows each step. */
      for (gint64 l = level + 1; l <= (gint64) target; l++)
        {
          g_autofree char *details = escalated_details ((KefuEscalationLevel) l,
                                                        kefu_rows_get_text (rows, i, 4));

          if (_kefu_store_execute (self,
                                   "INSERT INTO events (created_at, staff_id, entity, entity_id, "
                                   "action, details) VALUES ($4, $1, '" COMPLAINT_ENTITY "', "
                                   "$2, 'escalated', $3)",
                                   g_variant_new ("(xxss)", system_id, id, details,
                                                  check->now_text),
                                   cancellable, error) < 0)
            return FALSE;
          check->n_escalated++;
        }
    }
  return TRUE;
}

/**
 * kefu_store_check_complaint_deadlines:
 * @now: (nullable): the time to check at; %NULL for the store's time (the real time unless
 *   demo data or a test set its clock, kefu-store-clock.h)
 * @n_escalated: (out) (optional): the number of escalation levels raised
 *
 * Computes the deadlines of open complaints stored without one, then raises every complaint past
 * its deadline to the level kefu_complaint_escalation_due() gives, with one "escalated" event
 * per level written by the built-in system staff member. Safe to run on several workstations at
 * once. Without a current actor (nobody signed in) it does nothing and returns %TRUE.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
kefu_store_check_complaint_deadlines (KefuStore     *self,
                                      GDateTime     *now,
                                      guint         *n_escalated,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(KefuRows) missing = NULL;
  g_autoptr(KefuRows) late = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autofree char *now_text = NULL;
  gboolean any_due = FALSE;
  Check check = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_escalated != NULL)
    *n_escalated = 0;
  /* Writes are recorded against whoever is signed in (the events against the system row): a
   * workstation where nobody is, say before the sign-in, leaves the check to the next run or to
   * another workstation rather than failing every few minutes. */
  if (kefu_store_get_actor (self) == 0)
    return TRUE;
  /* On PostgreSQL the server lets only team leads and managers change complaints that are not
   * theirs (schema step 7): their workstations raise the overdue ones, a clerk's leaves it to
   * them. */
  if (!_kefu_store_session_may_supervise (self, cancellable, error))
    return error == NULL || *error == NULL;
  /* The store's clock unless told otherwise: demo data and tests that work complaints in the
   * past check their deadlines then too. */
  now_utc = now != NULL ? g_date_time_to_utc (now) : _kefu_store_now (self);
  now_text = kefu_time_to_db (now_utc);
  check.now = now_utc;
  check.now_text = now_text;

  /* Reads first, without the write lock: on most runs there is nothing to do, and a shared
   * SQLite file must not be locked every few minutes by every workstation for nothing. */
  missing = _kefu_store_query (self, "SELECT id FROM complaints WHERE " DUE_MISSING " LIMIT 1",
                               NULL, cancellable, error);
  if (missing == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (missing) > 0 &&
      !_kefu_store_write (self, fill_deadlines_txn, &check, cancellable, error))
    return FALSE;

  late = _kefu_store_query (self, LATE_SQL, g_variant_new ("(s)", now_text), cancellable, error);
  if (late == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (late) && !any_due; i++)
    any_due = level_due (late, i, now_utc) != KEFU_ESCALATION_NONE;
  if (!any_due)
    return TRUE;

  if (!_kefu_store_write (self, escalate_txn, &check, cancellable, error))
    return FALSE;
  if (n_escalated != NULL)
    *n_escalated = check.n_escalated;
  return TRUE;
}
