/* kefu-complaint-flow.h: how a complaint is worked from the call to the callback (domain.md §2):
 * which actions are allowed in which stage, who may take them, which deadline it then works
 * against, when it is escalated and to whom, and when complaints about one batch become a
 * possible quality incident. Plain rules over plain values, applied by the store (which refuses
 * what they refuse) and by the board (which explains a refused drop with the same reason).
 *
 * The transitions (every other one is refused):
 *   New         --route-->            Routed        lead or manager
 *   Routed      --acknowledge-->      In progress   member of a routed department, or manager
 *   Reopened    --acknowledge-->      In progress   member of a routed department, or manager
 *   In progress --resolve-->          Resolved      member of a routed department, or manager;
 *                                                   a harmed customer needs a visit recorded first
 *   Resolved    --record-callback-->  Called back   (satisfied, so-so) owner, clerk, lead, manager
 *   Resolved    --record-callback-->  Reopened      (not satisfied, with the customer's words)
 *   Called back --reopen-->           Reopened      owner, lead or manager, with the reason
 *   Called back --close-->            Closed        owner, lead or manager
 * Explained and Closed are final. Notes may be added in every stage by anyone; visits, hand
 * escalation, route edits and detail edits only while the complaint is open (details and
 * routes until it is resolved).
 * "Lead or manager": team lead, CS manager, GM office, administrator. "Manager": CS manager,
 * GM office, administrator (the QC manager and marketing director act as members of their
 * departments through the routes).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"
#include "kefu-work-calendar.h"

G_BEGIN_DECLS

#define KEFU_COMPLAINT_FLOW_ERROR (kefu_complaint_flow_error_quark ())

typedef enum
{
  KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED,  /* the stage does not allow that action */
  KEFU_COMPLAINT_FLOW_ERROR_PERMISSION,   /* the person's role or relation does not allow it */
  KEFU_COMPLAINT_FLOW_ERROR_MISSING,      /* required text, satisfaction or visit is missing */
} KefuComplaintFlowError;

/* Who is acting, as far as the rules care. */
typedef struct
{
  KefuRole role;
  gboolean is_owner;               /* the clerk who took the call */
  gboolean in_routed_department;   /* a member of one of the complaint's routed departments */
} KefuComplaintActor;

/* What the action carries, checked by kefu_complaint_flow_check (). */
typedef struct
{
  const char       *text;          /* resolution, customer's words, reason or note */
  KefuSatisfaction  satisfaction;  /* record-callback only */
  gboolean          harmed;        /* the complaint's customer was harmed */
  guint             n_visits;      /* visits recorded so far */
  guint             n_routes;      /* departments it is routed to (after the action for route) */
  KefuEscalationLevel escalation;  /* current level (escalate refuses above GM office) */
} KefuComplaintActionInput;

GQuark             kefu_complaint_flow_error_quark   (void);

/* TRUE when `stage` is still being worked (not Closed or Explained). */
gboolean           kefu_complaint_stage_is_open      (KefuComplaintStage stage);
/* TRUE when the action changes the stage. */
gboolean           kefu_complaint_action_moves       (KefuComplaintAction action);
/* The stage after `action` from `from` (for record-callback, `satisfaction` decides);
 * `from` itself for an action that does not move. Only meaningful after a successful check. */
KefuComplaintStage kefu_complaint_action_target      (KefuComplaintAction action,
                                                      KefuComplaintStage  from,
                                                      KefuSatisfaction    satisfaction);
/* Checks `action` on a complaint in `from` by `actor` with `input` (NULL: nothing given, which
 * only checks stage and role). The error message is translated and says why, for the snack-
 * back of a refused drop: "Only a member of a routed department or a manager can record the
 * resolution." */
gboolean           kefu_complaint_flow_check         (KefuComplaintAction               action,
                                                      KefuComplaintStage                from,
                                                      const KefuComplaintActor         *actor,
                                                      const KefuComplaintActionInput   *input,
                                                      GError                          **error);
/* The action a drop from column `from` onto column `to` stands for; FALSE with the reason
 * (NOT_ALLOWED) when no action leads there ("A complaint cannot go back from Resolved to
 * Routed."). Record-callback onto Reopened stands for a not-satisfied callback. */
gboolean           kefu_complaint_action_for_drop    (KefuComplaintStage   from,
                                                      KefuComplaintStage   to,
                                                      KefuComplaintAction *action,
                                                      GError             **error);

/* Deadlines (settings in kefu-settings-keys.h). */
typedef struct
{
  guint acknowledge_minutes;         /* working minutes, default 120 */
  guint harmed_acknowledge_minutes;  /* minutes of any hour, default 30 */
  guint resolve_days_product;        /* working days, default 2 */
  guint resolve_days_service;        /* working days, default 1 */
  guint callback_days;               /* working days after the resolution, default 3 */
} KefuComplaintDeadlineRules;

/* The rules with the defaults above. */
void               kefu_complaint_deadline_rules_init_defaults (KefuComplaintDeadlineRules *rules);

/* The deadline a complaint works against once it has entered `stage` at `since` (routed,
 * acknowledged, reopened or resolved time): New → route (like acknowledge), Routed and
 * Reopened → acknowledge, In progress → resolve (counted from `since`), Resolved → callback,
 * otherwise none. A harmed complaint's acknowledge and route deadlines are
 * harmed_acknowledge_minutes of any hour. Returns the kind, and sets `*due` (NULL for none). */
KefuComplaintDeadline kefu_complaint_deadline_for_stage (KefuComplaintStage                stage,
                                                         KefuComplaintCategory             category,
                                                         gboolean                          harmed,
                                                         GDateTime                        *since,
                                                         const KefuComplaintDeadlineRules *rules,
                                                         KefuWorkCalendar                 *calendar,
                                                         GDateTime                       **due);
/* Green, amber or red at `now` for a deadline running from `since` to `due` (NULL due: NONE). */
KefuDeadlineState  kefu_deadline_state               (GDateTime *since,
                                                      GDateTime *due,
                                                      GDateTime *now);

/* Escalation: a complaint past its deadline rises one level per allowed time that has passed
 * since the deadline (past due → team lead; past due + the allowed time again → CS manager;
 * after that → GM office), never beyond GM office. Returns the level the complaint should have
 * at `now`; the store raises the stored level to it when that is higher (never twice for one
 * level, never down). `allowed` is due − since. */
KefuEscalationLevel kefu_complaint_escalation_due    (GDateTime *since,
                                                      GDateTime *due,
                                                      GDateTime *now);
/* The role notified at a level (TEAM_LEAD, CS_MANAGER, GM_OFFICE). */
KefuRole           kefu_escalation_level_role        (KefuEscalationLevel level);

/* Batch clustering: complaint times about one product and batch (any order). TRUE when some
 * window of `window_days` days holds `threshold` or more of them (the third complaint within
 * seven days flags a possible quality incident); `flagged_at` gets the time of the complaint
 * that reached the threshold first. */
gboolean           kefu_batch_cluster_check          (GPtrArray  *times,
                                                      guint       window_days,
                                                      guint       threshold,
                                                      GDateTime **flagged_at);
/* The batch number as compared: trimmed, full-width folded, upper case ("ab-01 " → "AB-01"). */
char              *kefu_batch_number_key             (const char *batch_number);

G_END_DECLS
