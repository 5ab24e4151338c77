/* test-complaint-flow.c: every allowed and refused complaint transition, for every role and
 * relation to the complaint, against a table written out here from the rules; the board's
 * drop mapping; and what the actions must carry. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-helpers.h"
#include "kefu-complaint-flow.h"
#include "kefu-enums.h"

#define N_STAGES  (KEFU_COMPLAINT_STAGE_REOPENED + 1)
#define N_ACTIONS (KEFU_COMPLAINT_ACTION_EDIT_DETAILS + 1)
#define N_ROLES   (KEFU_ROLE_ADMINISTRATOR + 1)

/* The expected table, by stage nick and role nick, so that it does not share a line of logic with
 * the rules it checks. `stages` lists the stages the action is taken in; `roles` the roles that
 * may take it whoever they are; `owner` and `department` whether the complaint's owner or a
 * member of a routed department may take it whatever their role. */
typedef struct
{
  KefuComplaintAction action;
  const char *stages;
  const char *roles;
  gboolean owner;
  gboolean department;
} Expected;

#define ALL_ROLES "clerk team-lead cs-manager qc-manager gm-office marketing-director " \
                  "sales-admin depot-admin sales-rep technician finance logistics warehouse " \
                  "administrator"
#define OPEN_STAGES "new routed in-progress resolved called-back reopened"

static const Expected expected_table[] = {
  { KEFU_COMPLAINT_ACTION_ROUTE, "new",
    "team-lead cs-manager gm-office administrator", FALSE, FALSE },
  { KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, "routed reopened",
    "cs-manager gm-office administrator", FALSE, TRUE },
  { KEFU_COMPLAINT_ACTION_RESOLVE, "in-progress",
    "cs-manager gm-office administrator", FALSE, TRUE },
  { KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, "resolved",
    "clerk team-lead cs-manager gm-office administrator", TRUE, FALSE },
  { KEFU_COMPLAINT_ACTION_REOPEN, "called-back",
    "team-lead cs-manager gm-office administrator", TRUE, FALSE },
  { KEFU_COMPLAINT_ACTION_CLOSE, "called-back",
    "team-lead cs-manager gm-office administrator", TRUE, FALSE },
  { KEFU_COMPLAINT_ACTION_ADD_NOTE, OPEN_STAGES " closed explained", ALL_ROLES, TRUE, TRUE },
  { KEFU_COMPLAINT_ACTION_RECORD_VISIT, OPEN_STAGES, ALL_ROLES, TRUE, TRUE },
  { KEFU_COMPLAINT_ACTION_ESCALATE, OPEN_STAGES,
    "team-lead cs-manager gm-office administrator", TRUE, TRUE },
  { KEFU_COMPLAINT_ACTION_EDIT_ROUTES, "new routed in-progress reopened",
    "team-lead cs-manager gm-office administrator", FALSE, FALSE },
  { KEFU_COMPLAINT_ACTION_EDIT_DETAILS, "new routed in-progress reopened",
    "team-lead cs-manager gm-office administrator", TRUE, FALSE },
};

/* The stage each allowed move leads to (record-callback: satisfied, then not satisfied). */
static const struct { KefuComplaintAction action; const char *from, *to; KefuSatisfaction sat; } moves[] = {
  { KEFU_COMPLAINT_ACTION_ROUTE, "new", "routed", KEFU_SATISFACTION_UNSPECIFIED },
  { KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, "routed", "in-progress", KEFU_SATISFACTION_UNSPECIFIED },
  { KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, "reopened", "in-progress", KEFU_SATISFACTION_UNSPECIFIED },
  { KEFU_COMPLAINT_ACTION_RESOLVE, "in-progress", "resolved", KEFU_SATISFACTION_UNSPECIFIED },
  { KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, "resolved", "called-back", KEFU_SATISFACTION_SATISFIED },
  { KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, "resolved", "called-back", KEFU_SATISFACTION_SO_SO },
  { KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, "resolved", "reopened", KEFU_SATISFACTION_NOT_SATISFIED },
  { KEFU_COMPLAINT_ACTION_REOPEN, "called-back", "reopened", KEFU_SATISFACTION_UNSPECIFIED },
  { KEFU_COMPLAINT_ACTION_CLOSE, "called-back", "closed", KEFU_SATISFACTION_UNSPECIFIED },
};

static gboolean
word_in (const char *word,
         const char *list)
{
  g_auto(GStrv) words = g_strsplit (list, " ", -1);

  return g_strv_contains ((const char * const *) words, word);
}

static const Expected *
expected_for (KefuComplaintAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_table); i++)
    if (expected_table[i].action == action)
      return &expected_table[i];
  g_assert_not_reached ();
}

static KefuComplaintStage
stage_from_nick (const char *nick)
{
  int value = -1;

  g_assert_true (kefu_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, nick, &value));
  return (KefuComplaintStage) value;
}

static void
test_every_transition (void)
{
  guint n_allowed = 0;
  guint n_refused = 0;

  /* The table covers every action exactly once. */
  g_assert_cmpuint (G_N_ELEMENTS (expected_table), ==, N_ACTIONS);

  for (int action = 0; action < N_ACTIONS; action++)
    for (int stage = 0; stage < N_STAGES; stage++)
      for (int role = 0; role < N_ROLES; role++)
        for (int relation = 0; relation < 4; relation++)
          {
            const Expected *want = expected_for (action);
            const char *stage_nick = kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, stage);
            const char *role_nick = kefu_enum_to_nick (KEFU_TYPE_ROLE, role);
            KefuComplaintActor actor = { role, relation & 1, (relation & 2) != 0 };
            gboolean stage_ok = word_in (stage_nick, want->stages);
            gboolean who_ok = word_in (role_nick, want->roles) ||
                              (want->owner && actor.is_owner) ||
                              (want->department && actor.in_routed_department);
            g_autoptr(GError) error = NULL;
            gboolean ok = kefu_complaint_flow_check (action, stage, &actor, NULL, &error);

            if (ok != (stage_ok && who_ok))
              g_error ("%s in %s by %s (owner %d, routed department %d): got %s, want %s",
                       kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_ACTION, action), stage_nick,
                       role_nick, actor.is_owner, actor.in_routed_department,
                       ok ? "allowed" : "refused", stage_ok && who_ok ? "allowed" : "refused");

            if (ok)
              {
                g_assert_no_error (error);
                n_allowed++;
                continue;
              }

            n_refused++;
            /* A wrong stage is refused as such whoever asks; a wrong person only in the right
             * stage. Either way the reason is a sentence. */
            g_assert_error (error, KEFU_COMPLAINT_FLOW_ERROR,
                            stage_ok ? KEFU_COMPLAINT_FLOW_ERROR_PERMISSION
                                     : KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED);
            g_assert_cmpuint (strlen (error->message), >, 20);
            g_assert_true (g_str_has_suffix (error->message, "."));
          }

  /* Both outcomes were exercised in quantity (a table of all-allowed would not pass). */
  g_assert_cmpuint (n_allowed, >, 300);
  g_assert_cmpuint (n_refused, >, 2000);
  g_assert_cmpuint (n_allowed + n_refused, ==, N_ACTIONS * N_STAGES * N_ROLES * 4);
}

static void
test_targets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      KefuComplaintStage from = stage_from_nick (moves[i].from);

      g_assert_true (kefu_complaint_action_moves (moves[i].action));
      g_assert_cmpint (kefu_complaint_action_target (moves[i].action, from, moves[i].sat), ==,
                       stage_from_nick (moves[i].to));
    }

  /* The actions that do not move leave every stage as it is. */
  for (int action = KEFU_COMPLAINT_ACTION_ADD_NOTE; action < N_ACTIONS; action++)
    {
      g_assert_false (kefu_complaint_action_moves (action));
      for (int stage = 0; stage < N_STAGES; stage++)
        g_assert_cmpint (kefu_complaint_action_target (action, stage, KEFU_SATISFACTION_UNSPECIFIED),
                         ==, stage);
    }

  g_assert_true (kefu_complaint_stage_is_open (KEFU_COMPLAINT_STAGE_REOPENED));
  g_assert_true (kefu_complaint_stage_is_open (KEFU_COMPLAINT_STAGE_CALLED_BACK));
  g_assert_false (kefu_complaint_stage_is_open (KEFU_COMPLAINT_STAGE_CLOSED));
  g_assert_false (kefu_complaint_stage_is_open (KEFU_COMPLAINT_STAGE_EXPLAINED));
}

static void
test_drops (void)
{
  guint n_allowed = 0;

  for (int from = 0; from < N_STAGES; from++)
    for (int to = 0; to < N_STAGES; to++)
      {
        const char *from_nick = kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, from);
        const char *to_nick = kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, to);
        KefuComplaintAction want = 0;
        gboolean want_ok = FALSE;
        KefuComplaintAction action = (KefuComplaintAction) -1;
        g_autoptr(GError) error = NULL;
        gboolean ok;

        for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
          if (strcmp (moves[i].from, from_nick) == 0 && strcmp (moves[i].to, to_nick) == 0)
            {
              want = moves[i].action;
              want_ok = TRUE;
            }

        ok = kefu_complaint_action_for_drop (from, to, &action, &error);
        g_test_message ("drop %s → %s", from_nick, to_nick);
        g_assert_cmpint (ok, ==, want_ok);
        if (ok)
          {
            g_assert_no_error (error);
            g_assert_cmpint (action, ==, want);
            n_allowed++;
          }
        else
          {
            /* The reason names both columns, in the words the board shows. */
            g_assert_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED);
            g_assert_nonnull (strstr (error->message, kefu_complaint_stage_get_display_name (from)));
            if (from != to)
              g_assert_nonnull (strstr (error->message, kefu_complaint_stage_get_display_name (to)));
          }
      }

  /* Eight pairs: the two satisfaction outcomes of record-callback share Resolved → Called back. */
  g_assert_cmpuint (n_allowed, ==, 8);
}

static void
test_drop_reasons (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_complaint_action_for_drop (KEFU_COMPLAINT_STAGE_RESOLVED,
                                                  KEFU_COMPLAINT_STAGE_ROUTED, NULL, &error));
  g_assert_cmpstr (error->message, ==, "A complaint cannot go back from “Resolved” to “Routed”.");
  g_clear_error (&error);

  g_assert_false (kefu_complaint_action_for_drop (KEFU_COMPLAINT_STAGE_NEW,
                                                  KEFU_COMPLAINT_STAGE_RESOLVED, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "A complaint cannot go from “New” to “Resolved” at once; take the steps in between first.");
  g_clear_error (&error);

  g_assert_false (kefu_complaint_action_for_drop (KEFU_COMPLAINT_STAGE_CLOSED,
                                                  KEFU_COMPLAINT_STAGE_REOPENED, NULL, &error));
  g_assert_nonnull (strstr (error->message, "finished"));
  g_clear_error (&error);

  g_assert_false (kefu_complaint_action_for_drop (KEFU_COMPLAINT_STAGE_ROUTED,
                                                  KEFU_COMPLAINT_STAGE_ROUTED, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The complaint is already in “Routed”.");
}

static void
test_permission_reasons (void)
{
  KefuComplaintActor clerk = { KEFU_ROLE_CLERK, FALSE, FALSE };
  KefuComplaintActor sales_rep = { KEFU_ROLE_SALES_REP, FALSE, FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_RESOLVE,
                                             KEFU_COMPLAINT_STAGE_IN_PROGRESS, &clerk, NULL,
                                             &error));
  g_assert_cmpstr (error->message, ==,
                   "Only a member of a routed department or a manager can record the resolution.");
  g_clear_error (&error);

  g_assert_false (kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_CLOSE,
                                             KEFU_COMPLAINT_STAGE_CALLED_BACK, &sales_rep, NULL,
                                             &error));
  g_assert_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "owner"));
  g_clear_error (&error);

  /* The stage is checked before the person: a clerk trying to resolve a closed complaint hears
   * that it is finished, not that clerks cannot resolve. */
  g_assert_false (kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_RESOLVE,
                                             KEFU_COMPLAINT_STAGE_CLOSED, &clerk, NULL, &error));
  g_assert_error (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED);
}

static void
check_input (KefuComplaintAction             action,
             KefuComplaintStage              from,
             const KefuComplaintActionInput *input,
             int                             want_code)
{
  KefuComplaintActor manager = { KEFU_ROLE_CS_MANAGER, TRUE, TRUE };
  g_autoptr(GError) error = NULL;
  gboolean ok = kefu_complaint_flow_check (action, from, &manager, input, &error);

  core_test_assert_result (ok, error, KEFU_COMPLAINT_FLOW_ERROR, want_code);
}

static void
test_inputs (void)
{
  const int OK = -1;
  const int MISSING = KEFU_COMPLAINT_FLOW_ERROR_MISSING;
  KefuComplaintActionInput in = { 0 };

  /* Route: at least one department. */
  in = (KefuComplaintActionInput) { .n_routes = 0 };
  check_input (KEFU_COMPLAINT_ACTION_ROUTE, KEFU_COMPLAINT_STAGE_NEW, &in, MISSING);
  in.n_routes = 2;
  check_input (KEFU_COMPLAINT_ACTION_ROUTE, KEFU_COMPLAINT_STAGE_NEW, &in, OK);

  /* Resolve: the resolution, and for a harmed customer a visit first. */
  in = (KefuComplaintActionInput) { .text = "  \n " };
  check_input (KEFU_COMPLAINT_ACTION_RESOLVE, KEFU_COMPLAINT_STAGE_IN_PROGRESS, &in, MISSING);
  in.text = "换货并道歉";
  check_input (KEFU_COMPLAINT_ACTION_RESOLVE, KEFU_COMPLAINT_STAGE_IN_PROGRESS, &in, OK);
  in.harmed = TRUE;
  check_input (KEFU_COMPLAINT_ACTION_RESOLVE, KEFU_COMPLAINT_STAGE_IN_PROGRESS, &in, MISSING);
  in.n_visits = 1;
  check_input (KEFU_COMPLAINT_ACTION_RESOLVE, KEFU_COMPLAINT_STAGE_IN_PROGRESS, &in, OK);

  /* Record callback: an answer; the customer's words when not satisfied. */
  in = (KefuComplaintActionInput) { .satisfaction = KEFU_SATISFACTION_UNSPECIFIED, .text = "好" };
  check_input (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, KEFU_COMPLAINT_STAGE_RESOLVED, &in, MISSING);
  in = (KefuComplaintActionInput) { .satisfaction = KEFU_SATISFACTION_SATISFIED };
  check_input (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, KEFU_COMPLAINT_STAGE_RESOLVED, &in, OK);
  in = (KefuComplaintActionInput) { .satisfaction = KEFU_SATISFACTION_SO_SO };
  check_input (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, KEFU_COMPLAINT_STAGE_RESOLVED, &in, OK);
  in = (KefuComplaintActionInput) { .satisfaction = KEFU_SATISFACTION_NOT_SATISFIED };
  check_input (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, KEFU_COMPLAINT_STAGE_RESOLVED, &in, MISSING);
  in.text = "还是有异味";
  check_input (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, KEFU_COMPLAINT_STAGE_RESOLVED, &in, OK);

  /* Reopen, note, visit, escalate: their text. */
  in = (KefuComplaintActionInput) { 0 };
  check_input (KEFU_COMPLAINT_ACTION_REOPEN, KEFU_COMPLAINT_STAGE_CALLED_BACK, &in, MISSING);
  check_input (KEFU_COMPLAINT_ACTION_ADD_NOTE, KEFU_COMPLAINT_STAGE_CLOSED, &in, MISSING);
  check_input (KEFU_COMPLAINT_ACTION_RECORD_VISIT, KEFU_COMPLAINT_STAGE_ROUTED, &in, MISSING);
  check_input (KEFU_COMPLAINT_ACTION_ESCALATE, KEFU_COMPLAINT_STAGE_ROUTED, &in, MISSING);
  check_input (KEFU_COMPLAINT_ACTION_EDIT_ROUTES, KEFU_COMPLAINT_STAGE_ROUTED, &in, MISSING);
  in.text = "客户再次来电";
  check_input (KEFU_COMPLAINT_ACTION_REOPEN, KEFU_COMPLAINT_STAGE_CALLED_BACK, &in, OK);
  check_input (KEFU_COMPLAINT_ACTION_ADD_NOTE, KEFU_COMPLAINT_STAGE_CLOSED, &in, OK);
  check_input (KEFU_COMPLAINT_ACTION_RECORD_VISIT, KEFU_COMPLAINT_STAGE_ROUTED, &in, OK);
  check_input (KEFU_COMPLAINT_ACTION_CLOSE, KEFU_COMPLAINT_STAGE_CALLED_BACK, &in, OK);

  /* Escalate: one level up by hand, never beyond the GM office. */
  in.escalation = KEFU_ESCALATION_CS_MANAGER;
  check_input (KEFU_COMPLAINT_ACTION_ESCALATE, KEFU_COMPLAINT_STAGE_ROUTED, &in, OK);
  in.escalation = KEFU_ESCALATION_GM_OFFICE;
  check_input (KEFU_COMPLAINT_ACTION_ESCALATE, KEFU_COMPLAINT_STAGE_ROUTED, &in,
               KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED);

  /* Edit routes: once routed, at least one department stays. */
  in = (KefuComplaintActionInput) { .text = "转营销部", .n_routes = 0 };
  check_input (KEFU_COMPLAINT_ACTION_EDIT_ROUTES, KEFU_COMPLAINT_STAGE_IN_PROGRESS, &in, MISSING);
  in.n_routes = 1;
  check_input (KEFU_COMPLAINT_ACTION_EDIT_ROUTES, KEFU_COMPLAINT_STAGE_IN_PROGRESS, &in, OK);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/complaint-flow/every-transition", test_every_transition);
  g_test_add_func ("/kefu/complaint-flow/targets", test_targets);
  g_test_add_func ("/kefu/complaint-flow/drops", test_drops);
  g_test_add_func ("/kefu/complaint-flow/drop-reasons", test_drop_reasons);
  g_test_add_func ("/kefu/complaint-flow/permission-reasons", test_permission_reasons);
  g_test_add_func ("/kefu/complaint-flow/inputs", test_inputs);

  return g_test_run ();
}
