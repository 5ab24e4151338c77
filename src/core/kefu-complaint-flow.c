/* kefu-complaint-flow.c: the stages, actions and roles of complaint handling, its deadlines,
 * escalation and batch clustering. The table of transitions is in kefu-complaint-flow.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-complaint-flow.h"
#include "kefu-enums.h"
#include "kefu-text.h"

G_DEFINE_QUARK (kefu-complaint-flow-error-quark, kefu_complaint_flow_error)

/* "Lead or manager": those who own the hotline's work and may steer any complaint. */
static gboolean
is_lead_or_manager (KefuRole role)
{
  return role == KEFU_ROLE_TEAM_LEAD || role == KEFU_ROLE_CS_MANAGER ||
         role == KEFU_ROLE_GM_OFFICE || role == KEFU_ROLE_ADMINISTRATOR;
}

/* "Manager": may act for any department. The QC manager and the marketing director act through
 * the routes, as members of their own departments. */
static gboolean
is_manager (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_GM_OFFICE ||
         role == KEFU_ROLE_ADMINISTRATOR;
}

gboolean
kefu_complaint_stage_is_open (KefuComplaintStage stage)
{
  return stage != KEFU_COMPLAINT_STAGE_CLOSED && stage != KEFU_COMPLAINT_STAGE_EXPLAINED;
}

gboolean
kefu_complaint_action_moves (KefuComplaintAction action)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
    case KEFU_COMPLAINT_ACTION_RESOLVE:
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
    case KEFU_COMPLAINT_ACTION_REOPEN:
    case KEFU_COMPLAINT_ACTION_CLOSE:
      return TRUE;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
    case KEFU_COMPLAINT_ACTION_ESCALATE:
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      return FALSE;
    }
}

KefuComplaintStage
kefu_complaint_action_target (KefuComplaintAction action,
                              KefuComplaintStage  from,
                              KefuSatisfaction    satisfaction)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      return KEFU_COMPLAINT_STAGE_ROUTED;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      return KEFU_COMPLAINT_STAGE_IN_PROGRESS;
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      return KEFU_COMPLAINT_STAGE_RESOLVED;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      /* A customer still not satisfied sends the complaint back to be worked again. */
      return satisfaction == KEFU_SATISFACTION_NOT_SATISFIED ? KEFU_COMPLAINT_STAGE_REOPENED
                                                             : KEFU_COMPLAINT_STAGE_CALLED_BACK;
    case KEFU_COMPLAINT_ACTION_REOPEN:
      return KEFU_COMPLAINT_STAGE_REOPENED;
    case KEFU_COMPLAINT_ACTION_CLOSE:
      return KEFU_COMPLAINT_STAGE_CLOSED;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
    case KEFU_COMPLAINT_ACTION_ESCALATE:
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      return from;
    }
}

/* TRUE when the stage allows the action at all, whoever takes it. */
static gboolean
stage_allows (KefuComplaintAction action,
              KefuComplaintStage  from)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      return from == KEFU_COMPLAINT_STAGE_NEW;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      return from == KEFU_COMPLAINT_STAGE_ROUTED || from == KEFU_COMPLAINT_STAGE_REOPENED;
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      return from == KEFU_COMPLAINT_STAGE_IN_PROGRESS;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      return from == KEFU_COMPLAINT_STAGE_RESOLVED;
    case KEFU_COMPLAINT_ACTION_REOPEN:
    case KEFU_COMPLAINT_ACTION_CLOSE:
      return from == KEFU_COMPLAINT_STAGE_CALLED_BACK;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      return TRUE;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      return kefu_complaint_stage_is_open (from);
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
      /* What was captured and who works on it can change until the resolution is recorded; a
       * reopened complaint is being worked again, so it can change again too. */
      return from == KEFU_COMPLAINT_STAGE_NEW || from == KEFU_COMPLAINT_STAGE_ROUTED ||
             from == KEFU_COMPLAINT_STAGE_IN_PROGRESS || from == KEFU_COMPLAINT_STAGE_REOPENED;
    default:
      return FALSE;
    }
}

/* The reason a stage refuses an action, naming what can be done instead. */
static void
set_stage_error (KefuComplaintAction   action,
                 KefuComplaintStage    from,
                 GError              **error)
{
  const char *stage = kefu_complaint_stage_get_display_name (from);

  if (!kefu_complaint_stage_is_open (from))
    {
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("This complaint is finished (“%s”); only notes can be added to it."),
                   stage);
      return;
    }

  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("Only a new complaint can be routed; this one is “%s”. To change its departments, edit the routing."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("Only a routed or reopened complaint can be acknowledged; this one is “%s”."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("Only a complaint in progress can be resolved; this one is “%s”. A department acknowledges it first."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("The callback is recorded once the complaint is resolved; this one is “%s”."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_REOPEN:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("Only a complaint whose customer was called back can be reopened; this one is “%s”. At the callback, record that the customer is not satisfied."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_CLOSE:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("A complaint is closed after the customer was called back; this one is “%s”."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("The departments of a complaint cannot change once it is resolved (this one is “%s”); add a note instead."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("What was recorded at the call cannot change once the complaint is resolved (this one is “%s”); add a note instead."),
                   stage);
      break;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
    case KEFU_COMPLAINT_ACTION_ESCALATE:
    default:
      g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                   _("This cannot be done to a complaint in “%s”."), stage);
      break;
    }
}

/* TRUE when `actor` may take `action` (the stage already allows it); otherwise the reason names
 * who can. */
static gboolean
check_actor (KefuComplaintAction        action,
             const KefuComplaintActor  *actor,
             GError                   **error)
{
  const char *message = NULL;

  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      if (is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only a team lead or a manager can route a complaint to departments; ask your team lead.");
      break;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      if (actor->in_routed_department || is_manager (actor->role))
        return TRUE;
      message = _("Only a member of a department the complaint is routed to, or a manager, can acknowledge it.");
      break;
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      if (actor->in_routed_department || is_manager (actor->role))
        return TRUE;
      message = _("Only a member of a routed department or a manager can record the resolution.");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      if (actor->is_owner || actor->role == KEFU_ROLE_CLERK || is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only the complaint's owner, a clerk, a team lead or a manager can record the callback.");
      break;
    case KEFU_COMPLAINT_ACTION_REOPEN:
      if (actor->is_owner || is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only the complaint's owner, a team lead or a manager can reopen it.");
      break;
    case KEFU_COMPLAINT_ACTION_CLOSE:
      if (actor->is_owner || is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only the complaint's owner, a team lead or a manager can close it.");
      break;
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      if (is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only a team lead or a manager can change the departments of a complaint; ask your team lead.");
      break;
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
      if (actor->is_owner || is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only the complaint's owner, a team lead or a manager can change what was recorded at the call.");
      break;
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      /* Whoever works on the complaint may call for help, but not a bystander. */
      if (actor->is_owner || actor->in_routed_department || is_lead_or_manager (actor->role))
        return TRUE;
      message = _("Only the complaint's owner, a member of a routed department, a team lead or a manager can escalate it.");
      break;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      /* Anyone may write down what they learnt or record who went to see a harmed customer. */
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }

  g_set_error_literal (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_PERMISSION,
                       message);
  return FALSE;
}

static gboolean
has_text (const char *text)
{
  g_autofree char *normalized = kefu_text_normalize (text);

  return normalized != NULL && normalized[0] != '\0';
}

static gboolean
set_missing (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_MISSING,
                       message);
  return FALSE;
}

/* What the action must carry. */
static gboolean
check_input (KefuComplaintAction              action,
             KefuComplaintStage               from,
             const KefuComplaintActionInput  *input,
             GError                         **error)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      if (input->n_routes == 0)
        return set_missing (error, _("Choose at least one department to route the complaint to."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      /* The urgent case: someone must have gone to see a harmed customer first. */
      if (input->harmed && input->n_visits == 0)
        return set_missing (error, _("The customer was harmed: record the visit (who went, when and the outcome) before the resolution."));
      if (!has_text (input->text))
        return set_missing (error, _("Write down the resolution before marking the complaint resolved."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      if (input->satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
        return set_missing (error, _("Choose whether the customer is satisfied, so-so or not satisfied."));
      if (input->satisfaction == KEFU_SATISFACTION_NOT_SATISFIED && !has_text (input->text))
        return set_missing (error, _("The customer is not satisfied: write down the customer's words so the department knows what to do."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_REOPEN:
      if (!has_text (input->text))
        return set_missing (error, _("Write down why the complaint is reopened."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      if (!has_text (input->text))
        return set_missing (error, _("Write the note before adding it."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      if (!has_text (input->text))
        return set_missing (error, _("Write down the outcome of the visit."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      if (input->escalation >= KEFU_ESCALATION_GM_OFFICE)
        {
          g_set_error_literal (error, KEFU_COMPLAINT_FLOW_ERROR,
                               KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                               _("The complaint is already escalated to the GM office, the highest level; add a note instead."));
          return FALSE;
        }
      if (!has_text (input->text))
        return set_missing (error, _("Write down why the complaint is escalated."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      if (!has_text (input->text))
        return set_missing (error, _("Write down why the departments change."));
      /* Once routed, somebody must still be responsible for the complaint. */
      if (from != KEFU_COMPLAINT_STAGE_NEW && input->n_routes == 0)
        return set_missing (error, _("Keep at least one department on the complaint."));
      return TRUE;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
    case KEFU_COMPLAINT_ACTION_CLOSE:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      return TRUE;
    }
}

gboolean
kefu_complaint_flow_check (KefuComplaintAction               action,
                           KefuComplaintStage                from,
                           const KefuComplaintActor         *actor,
                           const KefuComplaintActionInput   *input,
                           GError                          **error)
{
  g_return_val_if_fail (action <= KEFU_COMPLAINT_ACTION_EDIT_DETAILS, FALSE);
  g_return_val_if_fail (from <= KEFU_COMPLAINT_STAGE_REOPENED, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!stage_allows (action, from))
    {
      set_stage_error (action, from, error);
      return FALSE;
    }
  if (!check_actor (action, actor, error))
    return FALSE;
  if (input != NULL && !check_input (action, from, input, error))
    return FALSE;

  return TRUE;
}

/* How far along the work a column is, to tell a drop backwards from one that skips a step. A
 * reopened complaint waits for a department again, like a routed one. */
static int
stage_rank (KefuComplaintStage stage)
{
  switch (stage)
    {
    case KEFU_COMPLAINT_STAGE_NEW:
      return 0;
    case KEFU_COMPLAINT_STAGE_ROUTED:
    case KEFU_COMPLAINT_STAGE_REOPENED:
      return 1;
    case KEFU_COMPLAINT_STAGE_IN_PROGRESS:
      return 2;
    case KEFU_COMPLAINT_STAGE_RESOLVED:
      return 3;
    case KEFU_COMPLAINT_STAGE_CALLED_BACK:
      return 4;
    case KEFU_COMPLAINT_STAGE_CLOSED:
    case KEFU_COMPLAINT_STAGE_EXPLAINED:
    default:
      return 5;
    }
}

gboolean
kefu_complaint_action_for_drop (KefuComplaintStage   from,
                                KefuComplaintStage   to,
                                KefuComplaintAction *action,
                                GError             **error)
{
  static const KefuComplaintAction moves[] = {
    KEFU_COMPLAINT_ACTION_ROUTE, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, KEFU_COMPLAINT_ACTION_RESOLVE,
    KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, KEFU_COMPLAINT_ACTION_REOPEN, KEFU_COMPLAINT_ACTION_CLOSE,
  };
  const char *from_name;
  const char *to_name;

  g_return_val_if_fail (from <= KEFU_COMPLAINT_STAGE_REOPENED, FALSE);
  g_return_val_if_fail (to <= KEFU_COMPLAINT_STAGE_REOPENED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if (!stage_allows (moves[i], from))
        continue;
      /* Record-callback leads to Called back when satisfied and to Reopened when not. */
      if (kefu_complaint_action_target (moves[i], from, KEFU_SATISFACTION_SATISFIED) == to ||
          kefu_complaint_action_target (moves[i], from, KEFU_SATISFACTION_NOT_SATISFIED) == to)
        {
          if (action != NULL)
            *action = moves[i];
          return TRUE;
        }
    }

  from_name = kefu_complaint_stage_get_display_name (from);
  to_name = kefu_complaint_stage_get_display_name (to);

  if (from == to)
    g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                 _("The complaint is already in “%s”."), from_name);
  else if (!kefu_complaint_stage_is_open (from))
    g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                 _("A complaint cannot go from “%s” to “%s”: it is finished; only notes can be added to it."),
                 from_name, to_name);
  else if (to == KEFU_COMPLAINT_STAGE_EXPLAINED)
    g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                 _("A complaint cannot go from “%s” to “%s”: only a complaint judged not well founded at the call is explained."),
                 from_name, to_name);
  else if (stage_rank (to) < stage_rank (from))
    g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                 _("A complaint cannot go back from “%s” to “%s”."), from_name, to_name);
  else if (stage_rank (to) > stage_rank (from) + 1)
    g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                 _("A complaint cannot go from “%s” to “%s” at once; take the steps in between first."),
                 from_name, to_name);
  else
    g_set_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,
                 _("A complaint cannot go from “%s” to “%s”."), from_name, to_name);

  return FALSE;
}

void
kefu_complaint_deadline_rules_init_defaults (KefuComplaintDeadlineRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->acknowledge_minutes = 120;
  rules->harmed_acknowledge_minutes = 30;
  rules->resolve_days_product = 2;
  rules->resolve_days_service = 1;
  rules->callback_days = 3;
}

/**
 * kefu_complaint_deadline_for_stage:
 * @due: (out) (transfer full) (nullable): the deadline, in the calendar's zone
 */
KefuComplaintDeadline
kefu_complaint_deadline_for_stage (KefuComplaintStage                stage,
                                   KefuComplaintCategory             category,
                                   gboolean                          harmed,
                                   GDateTime                        *since,
                                   const KefuComplaintDeadlineRules *rules,
                                   KefuWorkCalendar                 *calendar,
                                   GDateTime                       **due)
{
  KefuComplaintDeadline kind;
  guint days;

  g_return_val_if_fail (due != NULL, KEFU_COMPLAINT_DEADLINE_NONE);
  *due = NULL;
  g_return_val_if_fail (since != NULL, KEFU_COMPLAINT_DEADLINE_NONE);
  g_return_val_if_fail (rules != NULL, KEFU_COMPLAINT_DEADLINE_NONE);
  g_return_val_if_fail (calendar != NULL, KEFU_COMPLAINT_DEADLINE_NONE);

  switch (stage)
    {
    case KEFU_COMPLAINT_STAGE_NEW:
    case KEFU_COMPLAINT_STAGE_ROUTED:
    case KEFU_COMPLAINT_STAGE_REOPENED:
      kind = stage == KEFU_COMPLAINT_STAGE_NEW ? KEFU_COMPLAINT_DEADLINE_ROUTE
                                               : KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE;
      /* A harmed customer is the most urgent case of all: the clock runs at night too. */
      if (harmed)
        *due = g_date_time_add_minutes (since, (int) rules->harmed_acknowledge_minutes);
      else
        *due = kefu_work_calendar_add_working_minutes (calendar, since, rules->acknowledge_minutes);
      return kind;

    case KEFU_COMPLAINT_STAGE_IN_PROGRESS:
      /* A complaint without a category (never the case once routed) gets the longer time. */
      if (category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
        days = rules->resolve_days_service;
      else if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
        days = rules->resolve_days_product;
      else
        days = MAX (rules->resolve_days_product, rules->resolve_days_service);
      *due = kefu_work_calendar_add_working_days (calendar, since, days);
      return KEFU_COMPLAINT_DEADLINE_RESOLVE;

    case KEFU_COMPLAINT_STAGE_RESOLVED:
      *due = kefu_work_calendar_add_working_days (calendar, since, rules->callback_days);
      return KEFU_COMPLAINT_DEADLINE_CALLBACK;

    case KEFU_COMPLAINT_STAGE_CALLED_BACK:
    case KEFU_COMPLAINT_STAGE_CLOSED:
    case KEFU_COMPLAINT_STAGE_EXPLAINED:
    default:
      return KEFU_COMPLAINT_DEADLINE_NONE;
    }
}

KefuDeadlineState
kefu_deadline_state (GDateTime *since,
                     GDateTime *due,
                     GDateTime *now)
{
  GTimeSpan left;
  GTimeSpan allowed;

  g_return_val_if_fail (now != NULL, KEFU_DEADLINE_STATE_NONE);

  if (due == NULL)
    return KEFU_DEADLINE_STATE_NONE;

  left = g_date_time_difference (due, now);
  if (left <= 0)
    return KEFU_DEADLINE_STATE_OVERDUE;

  allowed = since != NULL ? g_date_time_difference (due, since) : 0;
  if (allowed > 0 && left * 4 < allowed)
    return KEFU_DEADLINE_STATE_SOON;

  return KEFU_DEADLINE_STATE_ON_TIME;
}

/* The step between two levels when the allowed time is unknown (no start, or a start not before
 * the deadline): an hour, so a late complaint still climbs and is never stuck. */
#define ESCALATION_FALLBACK_STEP G_TIME_SPAN_HOUR

KefuEscalationLevel
kefu_complaint_escalation_due (GDateTime *since,
                               GDateTime *due,
                               GDateTime *now)
{
  GTimeSpan late;
  GTimeSpan allowed;
  gint64 steps;

  g_return_val_if_fail (now != NULL, KEFU_ESCALATION_NONE);

  if (due == NULL)
    return KEFU_ESCALATION_NONE;

  late = g_date_time_difference (now, due);
  if (late < 0)
    return KEFU_ESCALATION_NONE;

  allowed = since != NULL ? g_date_time_difference (due, since) : 0;
  if (allowed <= 0)
    allowed = ESCALATION_FALLBACK_STEP;

  /* Past due: the team lead; one more allowed time late: the CS manager; then the GM office. */
  steps = late / allowed;
  if (steps >= 2)
    return KEFU_ESCALATION_GM_OFFICE;
  return steps == 1 ? KEFU_ESCALATION_CS_MANAGER : KEFU_ESCALATION_TEAM_LEAD;
}

KefuRole
kefu_escalation_level_role (KefuEscalationLevel level)
{
  switch (level)
    {
    case KEFU_ESCALATION_TEAM_LEAD:
      return KEFU_ROLE_TEAM_LEAD;
    case KEFU_ESCALATION_CS_MANAGER:
      return KEFU_ROLE_CS_MANAGER;
    case KEFU_ESCALATION_GM_OFFICE:
      return KEFU_ROLE_GM_OFFICE;
    case KEFU_ESCALATION_NONE:
    default:
      g_return_val_if_reached (KEFU_ROLE_TEAM_LEAD);
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  GDateTime *x = *(GDateTime * const *) a;
  GDateTime *y = *(GDateTime * const *) b;

  return g_date_time_compare (x, y);
}

/**
 * kefu_batch_cluster_check:
 * @times: (element-type GDateTime): when each complaint about the batch was received
 * @flagged_at: (out) (optional) (transfer full) (nullable): the time of the complaint that
 *   reached the threshold first
 */
gboolean
kefu_batch_cluster_check (GPtrArray  *times,
                          guint       window_days,
                          guint       threshold,
                          GDateTime **flagged_at)
{
  g_autoptr(GPtrArray) sorted = NULL;
  GTimeSpan window;

  if (flagged_at != NULL)
    *flagged_at = NULL;
  g_return_val_if_fail (times != NULL, FALSE);
  g_return_val_if_fail (window_days > 0, FALSE);
  g_return_val_if_fail (threshold > 0, FALSE);

  sorted = g_ptr_array_new ();
  for (guint i = 0; i < times->len; i++)
    if (g_ptr_array_index (times, i) != NULL)
      g_ptr_array_add (sorted, g_ptr_array_index (times, i));
  g_ptr_array_sort (sorted, compare_times);

  window = (GTimeSpan) window_days * G_TIME_SPAN_DAY;

  /* The complaint at `i` completes a cluster when the one `threshold - 1` places before it is
   * less than a window earlier; the first such `i` is when the batch became suspicious. */
  for (guint i = threshold - 1; i < sorted->len; i++)
    {
      GDateTime *first = g_ptr_array_index (sorted, i - (threshold - 1));
      GDateTime *last = g_ptr_array_index (sorted, i);

      if (g_date_time_difference (last, first) < window)
        {
          if (flagged_at != NULL)
            *flagged_at = g_date_time_ref (last);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * kefu_batch_number_key:
 *
 * Returns: (transfer full) (nullable): the key, or NULL for no batch number
 */
char *
kefu_batch_number_key (const char *batch_number)
{
  g_autofree char *folded = NULL;
  g_autofree char *normalized = NULL;

  if (batch_number == NULL)
    return NULL;

  /* Input methods type "ＡＢ－０１" as often as "AB-01"; both name one batch. */
  folded = kefu_text_fold_width (batch_number);
  normalized = kefu_text_normalize (folded);
  if (normalized == NULL || normalized[0] == '\0')
    return NULL;

  return g_utf8_strup (normalized, -1);
}
