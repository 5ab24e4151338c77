/* test-job-flow.c: every kind, step, action and role of a service job against the table of
 * kefu-job-flow.h written out again here, the fee rule, what each action must carry, each
 * kind's way from report to completion with its "n of m", and the due time of the callback
 * after a job (working days, weekends, holidays, the customers' rest hours). */
#include "config.h"

#include <locale.h>

#include "core-test-helpers.h"
#include "kefu-enums.h"
#include "kefu-job-flow.h"
#include "kefu-settings-keys.h"

#define N_KINDS   (KEFU_JOB_KIND_RETURN + 1)
#define N_STEPS   (KEFU_JOB_STEP_CANCELLED + 1)
#define N_ACTIONS (KEFU_JOB_ACTION_ADD_NOTE + 1)
#define N_ROLES   (KEFU_ROLE_ADMINISTRATOR + 1)

#define K(kind) (1u << KEFU_JOB_KIND_##kind)
#define S(step) (1u << KEFU_JOB_STEP_##step)
#define R(role) (1u << KEFU_ROLE_##role)

#define AFTER_SALES (R (CLERK) | R (TEAM_LEAD) | R (CS_MANAGER) | R (GM_OFFICE) | R (ADMINISTRATOR))
#define LEADS       (R (TEAM_LEAD) | R (CS_MANAGER) | R (GM_OFFICE) | R (ADMINISTRATOR))
#define MANAGERS    (R (CS_MANAGER) | R (GM_OFFICE) | R (ADMINISTRATOR))
#define EVERYONE    ((1u << N_ROLES) - 1)
#define ALL_KINDS   ((1u << N_KINDS) - 1)
#define ALL_STEPS   ((1u << N_STEPS) - 1)
#define OPEN_STEPS  (ALL_STEPS & ~S (COMPLETED) & ~S (CANCELLED))
#define FIELD       (K (INSTALLATION) | K (ONSITE_REPAIR))
#define FACTORY     (K (FACTORY_REPAIR) | K (RETURN))

/* The header's table: an action is allowed to a role on a kind in a step when a row says so.
 * `assigned`: the job's own technician may take it too, whatever their role. `paid`: the row
 * holds only for a job out of warranty (the fee is quoted for paid work only). */
static const struct
{
  KefuJobAction action;
  guint kinds;
  guint steps;
  guint roles;
  gboolean assigned;
  gboolean paid;
} table[] = {
  { KEFU_JOB_ACTION_DIAGNOSE, K (REPAIR), S (REPORTED), R (TECHNICIAN) | MANAGERS, FALSE, FALSE },
  { KEFU_JOB_ACTION_REQUEST_SUPPORT, FIELD, S (REPORTED), R (SALES_REP) | AFTER_SALES, FALSE, FALSE },
  { KEFU_JOB_ACTION_APPROVE_SUPPORT, FIELD, S (SUPPORT_REQUESTED), R (GM_OFFICE), FALSE, FALSE },
  { KEFU_JOB_ACTION_REJECT_SUPPORT, FIELD, S (SUPPORT_REQUESTED), R (GM_OFFICE), FALSE, FALSE },
  { KEFU_JOB_ACTION_DISPATCH, FIELD, S (APPROVED), AFTER_SALES, FALSE, FALSE },
  { KEFU_JOB_ACTION_DEPART, FIELD, S (DISPATCHED), AFTER_SALES, TRUE, FALSE },
  { KEFU_JOB_ACTION_REPORT_PROGRESS, FIELD, S (ON_TRIP), AFTER_SALES, TRUE, FALSE },
  { KEFU_JOB_ACTION_FILE_FEEDBACK, FIELD, S (ON_TRIP), AFTER_SALES, TRUE, FALSE },
  { KEFU_JOB_ACTION_SEND_TO_FACTORY, FACTORY, S (REPORTED), AFTER_SALES | R (LOGISTICS), FALSE, FALSE },
  { KEFU_JOB_ACTION_RECEIVE_AT_FACTORY, FACTORY, S (SENT_TO_FACTORY),
    AFTER_SALES | R (TECHNICIAN) | R (WAREHOUSE), FALSE, FALSE },
  { KEFU_JOB_ACTION_RECORD_REPAIR, K (FACTORY_REPAIR), S (AT_FACTORY), R (TECHNICIAN), FALSE, FALSE },
  { KEFU_JOB_ACTION_SEND_BACK, K (FACTORY_REPAIR), S (REPAIRED), AFTER_SALES | R (LOGISTICS), FALSE, FALSE },
  { KEFU_JOB_ACTION_SEND_BACK, K (REPLACEMENT), S (REPORTED), AFTER_SALES | R (LOGISTICS), FALSE, FALSE },
  { KEFU_JOB_ACTION_CONFIRM_RECEIPT, K (FACTORY_REPAIR) | K (REPLACEMENT), S (SENT_BACK), AFTER_SALES,
    FALSE, FALSE },
  /* The warranty and the fee are settled before the work starts. */
  { KEFU_JOB_ACTION_SET_WARRANTY, K (REPAIR) | K (REPLACEMENT), S (REPORTED), AFTER_SALES, FALSE, FALSE },
  { KEFU_JOB_ACTION_SET_WARRANTY, K (ONSITE_REPAIR), S (REPORTED) | S (SUPPORT_REQUESTED) | S (APPROVED),
    AFTER_SALES, FALSE, FALSE },
  { KEFU_JOB_ACTION_SET_WARRANTY, K (FACTORY_REPAIR), S (REPORTED) | S (SENT_TO_FACTORY) | S (AT_FACTORY),
    AFTER_SALES, FALSE, FALSE },
  { KEFU_JOB_ACTION_RECORD_FEE, K (REPAIR) | K (REPLACEMENT), S (REPORTED), AFTER_SALES, FALSE, TRUE },
  { KEFU_JOB_ACTION_RECORD_FEE, K (ONSITE_REPAIR), S (REPORTED) | S (SUPPORT_REQUESTED) | S (APPROVED),
    AFTER_SALES, FALSE, TRUE },
  { KEFU_JOB_ACTION_RECORD_FEE, K (FACTORY_REPAIR), S (REPORTED) | S (SENT_TO_FACTORY) | S (AT_FACTORY),
    AFTER_SALES, FALSE, TRUE },
  { KEFU_JOB_ACTION_CANCEL, ALL_KINDS, OPEN_STEPS, LEADS, FALSE, FALSE },
  { KEFU_JOB_ACTION_ADD_NOTE, ALL_KINDS, ALL_STEPS, EVERYONE, FALSE, FALSE },
};

/* Whether the table allows it, and whether a row matched the kind and step (for the code). */
static gboolean
table_allows (KefuJobAction       action,
              const KefuJobState *state,
              const KefuJobActor *actor,
              gboolean           *step_matched)
{
  gboolean allowed = FALSE;

  *step_matched = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (table[i].action != action || !(table[i].kinds & (1u << state->kind)) ||
          !(table[i].steps & (1u << state->step)))
        continue;
      if (table[i].paid && state->warranty != KEFU_WARRANTY_OUT)
        continue;
      *step_matched = TRUE;
      if ((table[i].roles & (1u << actor->role)) || (table[i].assigned && actor->is_assigned_technician))
        allowed = TRUE;
    }
  return allowed;
}

static void
test_table (void)
{
  /* In warranty, and paid with the fee agreed: the fee rule lets every work action through, so
   * what is refused is refused by the table alone. */
  const KefuJobState settled[] = {
    { 0, 0, KEFU_WARRANTY_IN, FALSE },
    { 0, 0, KEFU_WARRANTY_OUT, TRUE },
  };
  guint n_allowed = 0;

  for (guint w = 0; w < G_N_ELEMENTS (settled); w++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      for (guint step = 0; step < N_STEPS; step++)
        for (guint action = 0; action < N_ACTIONS; action++)
          for (guint role = 0; role < N_ROLES; role++)
            for (guint assigned = 0; assigned < 2; assigned++)
              {
                g_autoptr(GError) error = NULL;
                KefuJobState state = settled[w];
                KefuJobActor actor = { role, assigned };
                gboolean step_ok;
                gboolean expected;
                gboolean ok;

                state.kind = kind;
                state.step = step;
                expected = table_allows (action, &state, &actor, &step_ok);
                ok = kefu_job_flow_check (action, &state, &actor, NULL, &error);

                if (ok != expected)
                  g_error ("%s on a %s in “%s” (%s) by %s%s: expected %s",
                           kefu_enum_to_nick (KEFU_TYPE_JOB_ACTION, action),
                           kefu_enum_to_nick (KEFU_TYPE_JOB_KIND, kind),
                           kefu_enum_to_nick (KEFU_TYPE_JOB_STEP, step),
                           kefu_enum_to_nick (KEFU_TYPE_WARRANTY_STATE, state.warranty),
                           kefu_enum_to_nick (KEFU_TYPE_ROLE, role),
                           assigned ? " (assigned)" : "", expected ? "allowed" : "refused");
                if (ok)
                  {
                    n_allowed++;
                    continue;
                  }
                g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR,
                                step_ok ? KEFU_AFTERSALES_FLOW_ERROR_PERMISSION
                                        : KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
                g_assert_cmpstr (error->message, !=, "");
              }

  /* Notes alone: every kind, step, role, both technicians, both warranties. */
  g_assert_cmpuint (n_allowed, >, 2 * N_KINDS * N_STEPS * N_ROLES * 2);
}

/* kefu_job_flow_allowed () gives exactly the checked actions, the one moving the job on first. */
static void
test_allowed (void)
{
  const KefuWarrantyState warranties[] = { KEFU_WARRANTY_UNKNOWN, KEFU_WARRANTY_IN, KEFU_WARRANTY_OUT };

  for (guint w = 0; w < G_N_ELEMENTS (warranties); w++)
    for (guint agreed = 0; agreed < 2; agreed++)
      for (guint kind = 0; kind < N_KINDS; kind++)
        for (guint step = 0; step < N_STEPS; step++)
          for (guint role = 0; role < N_ROLES; role++)
            {
              KefuJobState state = { kind, step, warranties[w], agreed };
              KefuJobActor actor = { role, role == KEFU_ROLE_TECHNICIAN };
              g_autoptr(GArray) allowed = kefu_job_flow_allowed (&state, &actor);
              guint expected = 0;
              guint got = 0;
              gboolean moves_on = FALSE;

              for (guint action = 0; action < N_ACTIONS; action++)
                if (kefu_job_flow_check (action, &state, &actor, NULL, NULL))
                  expected |= 1u << action;
              for (guint i = 0; i < allowed->len; i++)
                {
                  KefuJobAction action = g_array_index (allowed, KefuJobAction, i);

                  g_assert_cmpuint (got & (1u << action), ==, 0);
                  got |= 1u << action;
                  if (kefu_job_action_moves (action) && action != KEFU_JOB_ACTION_CANCEL)
                    moves_on = TRUE;
                }
              g_assert_cmpuint (got, ==, expected);
              if (moves_on)
                g_assert_true (kefu_job_action_moves (g_array_index (allowed, KefuJobAction, 0)));
            }

  /* The GM sees approve before reject; a paid on-site repair without the fee agreed offers the
   * fee, not the dispatch. */
  {
    KefuJobState requested = { KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_SUPPORT_REQUESTED,
                               KEFU_WARRANTY_IN, FALSE };
    KefuJobActor gm = { KEFU_ROLE_GM_OFFICE, FALSE };
    KefuJobState unpaid = { KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_APPROVED,
                            KEFU_WARRANTY_OUT, FALSE };
    KefuJobActor clerk = { KEFU_ROLE_CLERK, FALSE };
    g_autoptr(GArray) gm_actions = kefu_job_flow_allowed (&requested, &gm);
    g_autoptr(GArray) clerk_actions = kefu_job_flow_allowed (&unpaid, &clerk);

    g_assert_cmpuint (gm_actions->len, ==, 4);
    g_assert_cmpint (g_array_index (gm_actions, KefuJobAction, 0), ==, KEFU_JOB_ACTION_APPROVE_SUPPORT);
    g_assert_cmpint (g_array_index (gm_actions, KefuJobAction, 1), ==, KEFU_JOB_ACTION_REJECT_SUPPORT);
    g_assert_cmpint (g_array_index (gm_actions, KefuJobAction, 2), ==, KEFU_JOB_ACTION_ADD_NOTE);
    g_assert_cmpint (g_array_index (gm_actions, KefuJobAction, 3), ==, KEFU_JOB_ACTION_CANCEL);
    g_assert_cmpuint (clerk_actions->len, ==, 3);
    g_assert_cmpint (g_array_index (clerk_actions, KefuJobAction, 0), ==, KEFU_JOB_ACTION_SET_WARRANTY);
    g_assert_cmpint (g_array_index (clerk_actions, KefuJobAction, 1), ==, KEFU_JOB_ACTION_RECORD_FEE);
    g_assert_cmpint (g_array_index (clerk_actions, KefuJobAction, 2), ==, KEFU_JOB_ACTION_ADD_NOTE);
  }
}

static void
assert_check (KefuJobAction             action,
              KefuJobKind               kind,
              KefuJobStep               step,
              KefuWarrantyState         warranty,
              gboolean                  fee_agreed,
              KefuRole                  role,
              const KefuJobActionInput *input,
              int                       code)
{
  g_autoptr(GError) error = NULL;
  KefuJobState state = { kind, step, warranty, fee_agreed };
  KefuJobActor actor = { role, FALSE };
  gboolean ok = kefu_job_flow_check (action, &state, &actor, input, &error);

  core_test_assert_result (ok, error, KEFU_AFTERSALES_FLOW_ERROR, code);
}

/* The car-dealer rule: paid work waits for the customer's agreement to the fee, unknown
 * warranty for the warranty decided; installations and returns carry no fee. */
static void
test_fee_rule (void)
{
  const struct { KefuJobKind kind; KefuJobStep step; KefuJobAction action; KefuRole role; } work[] = {
    { KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_APPROVED, KEFU_JOB_ACTION_DISPATCH, KEFU_ROLE_CLERK },
    { KEFU_JOB_KIND_FACTORY_REPAIR, KEFU_JOB_STEP_AT_FACTORY, KEFU_JOB_ACTION_RECORD_REPAIR,
      KEFU_ROLE_TECHNICIAN },
    { KEFU_JOB_KIND_REPLACEMENT, KEFU_JOB_STEP_REPORTED, KEFU_JOB_ACTION_SEND_BACK, KEFU_ROLE_LOGISTICS },
  };
  const struct { KefuJobKind kind; KefuJobStep step; KefuJobAction action; KefuRole role; } exempt[] = {
    { KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_APPROVED, KEFU_JOB_ACTION_DISPATCH, KEFU_ROLE_CLERK },
    { KEFU_JOB_KIND_RETURN, KEFU_JOB_STEP_REPORTED, KEFU_JOB_ACTION_SEND_TO_FACTORY, KEFU_ROLE_CLERK },
    { KEFU_JOB_KIND_RETURN, KEFU_JOB_STEP_SENT_TO_FACTORY, KEFU_JOB_ACTION_RECEIVE_AT_FACTORY,
      KEFU_ROLE_WAREHOUSE },
    /* Sending a product to the factory is no paid work yet. */
    { KEFU_JOB_KIND_FACTORY_REPAIR, KEFU_JOB_STEP_REPORTED, KEFU_JOB_ACTION_SEND_TO_FACTORY,
      KEFU_ROLE_CLERK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (work); i++)
    {
      g_autoptr(GError) error = NULL;
      KefuJobState state = { work[i].kind, work[i].step, KEFU_WARRANTY_OUT, FALSE };
      KefuJobActor actor = { work[i].role, FALSE };

      g_assert_false (kefu_job_flow_check (work[i].action, &state, &actor, NULL, &error));
      g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
      g_assert_nonnull (strstr (error->message, "fee"));
      g_clear_error (&error);

      state.fee_agreed = TRUE;
      g_assert_true (kefu_job_flow_check (work[i].action, &state, &actor, NULL, &error));
      g_assert_no_error (error);

      state.warranty = KEFU_WARRANTY_UNKNOWN;
      g_assert_false (kefu_job_flow_check (work[i].action, &state, &actor, NULL, &error));
      g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
      g_assert_nonnull (strstr (error->message, "warranty"));
      g_clear_error (&error);

      state.warranty = KEFU_WARRANTY_IN;
      state.fee_agreed = FALSE;
      g_assert_true (kefu_job_flow_check (work[i].action, &state, &actor, NULL, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (exempt); i++)
    {
      const KefuWarrantyState unsettled[] = { KEFU_WARRANTY_OUT, KEFU_WARRANTY_UNKNOWN };

      for (guint w = 0; w < G_N_ELEMENTS (unsettled); w++)
        {
          KefuJobState state = { exempt[i].kind, exempt[i].step, unsettled[w], FALSE };
          KefuJobActor actor = { exempt[i].role, FALSE };

          g_assert_true (kefu_job_flow_check (exempt[i].action, &state, &actor, NULL, NULL));
        }
    }

  /* A fee is for paid work only, and before it starts. */
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_APPROVED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, NULL, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_APPROVED,
                KEFU_WARRANTY_UNKNOWN, FALSE, KEFU_ROLE_CLERK, NULL, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_DISPATCHED,
                KEFU_WARRANTY_OUT, TRUE, KEFU_ROLE_CLERK, NULL, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_OUT, FALSE, KEFU_ROLE_CLERK, NULL, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
  assert_check (KEFU_JOB_ACTION_SET_WARRANTY, KEFU_JOB_KIND_FACTORY_REPAIR, KEFU_JOB_STEP_REPAIRED,
                KEFU_WARRANTY_UNKNOWN, FALSE, KEFU_ROLE_CLERK, NULL, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_FACTORY_REPAIR, KEFU_JOB_STEP_AT_FACTORY,
                KEFU_WARRANTY_OUT, FALSE, KEFU_ROLE_CLERK, NULL, -1);
}

static void
test_input (void)
{
  KefuJobActionInput input;
  g_autoptr(GError) error = NULL;

  kefu_job_action_input_init (&input);
  g_assert_false (g_date_valid (&input.agreed_date));
  g_assert_cmpint (input.warranty, ==, KEFU_WARRANTY_UNKNOWN);
  g_assert_cmpint (input.receipt_method, ==, KEFU_RECEIPT_METHOD_UNSPECIFIED);

  /* Diagnose: the diagnosis, and on-site, factory, or solved. */
  assert_check (KEFU_JOB_ACTION_DIAGNOSE, KEFU_JOB_KIND_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_TECHNICIAN, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.text = "电源板故障";
  assert_check (KEFU_JOB_ACTION_DIAGNOSE, KEFU_JOB_KIND_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_TECHNICIAN, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.decided_kind = KEFU_JOB_KIND_INSTALLATION;
  assert_check (KEFU_JOB_ACTION_DIAGNOSE, KEFU_JOB_KIND_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_TECHNICIAN, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.decided_kind = KEFU_JOB_KIND_FACTORY_REPAIR;
  assert_check (KEFU_JOB_ACTION_DIAGNOSE, KEFU_JOB_KIND_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_TECHNICIAN, &input, -1);
  input.decided_kind = KEFU_JOB_KIND_REPAIR;
  input.solved = TRUE;
  assert_check (KEFU_JOB_ACTION_DIAGNOSE, KEFU_JOB_KIND_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CS_MANAGER, &input, -1);

  /* Dispatch: the technician, the agreed date, 1 to 90 travel days. */
  kefu_job_action_input_init (&input);
  input.travel_days = 2;
  g_date_set_dmy (&input.agreed_date, 1, G_DATE_DECEMBER, 2026);
  assert_check (KEFU_JOB_ACTION_DISPATCH, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_APPROVED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.technician_id = 7;
  assert_check (KEFU_JOB_ACTION_DISPATCH, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_APPROVED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, -1);
  g_date_clear (&input.agreed_date, 1);
  assert_check (KEFU_JOB_ACTION_DISPATCH, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_APPROVED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  g_date_set_dmy (&input.agreed_date, 1, G_DATE_DECEMBER, 2026);
  {
    const struct { guint days; int code; } travel[] = {
      { 0, KEFU_AFTERSALES_FLOW_ERROR_INVALID }, { 1, -1 }, { 90, -1 },
      { 91, KEFU_AFTERSALES_FLOW_ERROR_INVALID },
    };

    for (guint i = 0; i < G_N_ELEMENTS (travel); i++)
      {
        input.travel_days = travel[i].days;
        assert_check (KEFU_JOB_ACTION_DISPATCH, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_APPROVED,
                      KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, travel[i].code);
      }
  }

  /* Sending: a carrier and a waybill fitting it, with the waybill check's own words. */
  kefu_job_action_input_init (&input);
  assert_check (KEFU_JOB_ACTION_SEND_TO_FACTORY, KEFU_JOB_KIND_RETURN, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.has_carrier = TRUE;
  input.carrier_kind = KEFU_CARRIER_ZTO;
  input.waybill = "SF1234567890123";
  {
    KefuJobState state = { KEFU_JOB_KIND_FACTORY_REPAIR, KEFU_JOB_STEP_REPAIRED, KEFU_WARRANTY_IN, FALSE };
    KefuJobActor actor = { KEFU_ROLE_LOGISTICS, FALSE };

    g_assert_false (kefu_job_flow_check (KEFU_JOB_ACTION_SEND_BACK, &state, &actor, &input, &error));
    g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "ZTO Express"));
    g_clear_error (&error);
  }
  input.carrier_kind = KEFU_CARRIER_SF;
  assert_check (KEFU_JOB_ACTION_SEND_TO_FACTORY, KEFU_JOB_KIND_RETURN, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, -1);

  /* The fee: more than zero; refused or agreed, the answer is recorded. */
  kefu_job_action_input_init (&input);
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_REPLACEMENT, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_OUT, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_INVALID);
  input.fee_fen = 35000;
  assert_check (KEFU_JOB_ACTION_RECORD_FEE, KEFU_JOB_KIND_REPLACEMENT, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_OUT, FALSE, KEFU_ROLE_CLERK, &input, -1);

  /* The warranty decided: in or out, and why. */
  kefu_job_action_input_init (&input);
  input.text = "客户出示发票";
  assert_check (KEFU_JOB_ACTION_SET_WARRANTY, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_UNKNOWN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.warranty = KEFU_WARRANTY_IN;
  assert_check (KEFU_JOB_ACTION_SET_WARRANTY, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_UNKNOWN, FALSE, KEFU_ROLE_CLERK, &input, -1);
  input.text = " ";
  assert_check (KEFU_JOB_ACTION_SET_WARRANTY, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_REPORTED,
                KEFU_WARRANTY_UNKNOWN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);

  /* The feedback form's work done, the receipt's method, the reasons. */
  kefu_job_action_input_init (&input);
  assert_check (KEFU_JOB_ACTION_FILE_FEEDBACK, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_ON_TRIP,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.work_done = "安装调试完毕";
  assert_check (KEFU_JOB_ACTION_FILE_FEEDBACK, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_ON_TRIP,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, -1);
  assert_check (KEFU_JOB_ACTION_CONFIRM_RECEIPT, KEFU_JOB_KIND_REPLACEMENT, KEFU_JOB_STEP_SENT_BACK,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.receipt_method = KEFU_RECEIPT_METHOD_PHONE;
  assert_check (KEFU_JOB_ACTION_CONFIRM_RECEIPT, KEFU_JOB_KIND_REPLACEMENT, KEFU_JOB_STEP_SENT_BACK,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_CLERK, &input, -1);
  assert_check (KEFU_JOB_ACTION_REJECT_SUPPORT, KEFU_JOB_KIND_ONSITE_REPAIR,
                KEFU_JOB_STEP_SUPPORT_REQUESTED, KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_GM_OFFICE, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  assert_check (KEFU_JOB_ACTION_CANCEL, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_ON_TRIP,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_TEAM_LEAD, &input, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.text = "客户取消";
  assert_check (KEFU_JOB_ACTION_CANCEL, KEFU_JOB_KIND_ONSITE_REPAIR, KEFU_JOB_STEP_ON_TRIP,
                KEFU_WARRANTY_IN, FALSE, KEFU_ROLE_TEAM_LEAD, &input, -1);

  /* Who approves: the general manager only, with the words the pane shows. */
  {
    KefuJobState state = { KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_SUPPORT_REQUESTED, KEFU_WARRANTY_IN, FALSE };
    KefuJobActor actor = { KEFU_ROLE_CS_MANAGER, FALSE };

    g_assert_false (kefu_job_flow_check (KEFU_JOB_ACTION_APPROVE_SUPPORT, &state, &actor, NULL, &error));
    g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_PERMISSION);
    g_assert_cmpstr (error->message, ==, "Only the general manager can approve a market-support request.");
  }
}

/* A job of each kind walked from its report to its completion by the actions the flow offers,
 * with its "n of m" one further at each step. */
static void
test_ways (void)
{
  const struct
  {
    KefuJobKind kind;
    guint n_steps;
    KefuJobStep way[6];
    /* The steps the list counts: an undiagnosed repair is counted on the on-site way (6). */
    guint n_shown;
  } ways[] = {
    { KEFU_JOB_KIND_INSTALLATION, 6, { KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SUPPORT_REQUESTED,
      KEFU_JOB_STEP_APPROVED, KEFU_JOB_STEP_DISPATCHED, KEFU_JOB_STEP_ON_TRIP, KEFU_JOB_STEP_COMPLETED }, 6 },
    { KEFU_JOB_KIND_ONSITE_REPAIR, 6, { KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SUPPORT_REQUESTED,
      KEFU_JOB_STEP_APPROVED, KEFU_JOB_STEP_DISPATCHED, KEFU_JOB_STEP_ON_TRIP, KEFU_JOB_STEP_COMPLETED }, 6 },
    { KEFU_JOB_KIND_FACTORY_REPAIR, 6, { KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SENT_TO_FACTORY,
      KEFU_JOB_STEP_AT_FACTORY, KEFU_JOB_STEP_REPAIRED, KEFU_JOB_STEP_SENT_BACK, KEFU_JOB_STEP_COMPLETED }, 6 },
    { KEFU_JOB_KIND_REPLACEMENT, 3, { KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SENT_BACK,
      KEFU_JOB_STEP_COMPLETED }, 3 },
    { KEFU_JOB_KIND_RETURN, 3, { KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SENT_TO_FACTORY,
      KEFU_JOB_STEP_COMPLETED }, 3 },
    { KEFU_JOB_KIND_REPAIR, 2, { KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_COMPLETED }, 6 },
  };
  /* Whoever is allowed: the desk, the GM, a technician. */
  const KefuRole roles[] = { KEFU_ROLE_CLERK, KEFU_ROLE_GM_OFFICE, KEFU_ROLE_TECHNICIAN };

  for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      KefuJobState state = { ways[w].kind, KEFU_JOB_STEP_REPORTED, KEFU_WARRANTY_IN, FALSE };
      KefuJobActionInput input;
      guint position;
      guint n_steps;

      kefu_job_action_input_init (&input);
      input.solved = TRUE;  /* the undiagnosed repair: solved on the phone */

      for (guint i = 0; i < ways[w].n_steps; i++)
        {
          KefuJobAction next = KEFU_JOB_ACTION_ADD_NOTE;
          KefuJobKind kind;

          g_assert_cmpint (state.step, ==, ways[w].way[i]);
          kefu_job_step_progress (state.kind, state.step, &position, &n_steps);
          /* The last step is the end of the way counted, whatever the way taken. */
          g_assert_cmpuint (position, ==, i + 1 == ways[w].n_steps ? ways[w].n_shown : i + 1);
          g_assert_cmpuint (n_steps, ==, ways[w].n_shown);
          if (i + 1 == ways[w].n_steps)
            break;

          /* The first allowed action of someone is the one moving the job on. */
          for (guint r = 0; r < G_N_ELEMENTS (roles) && next == KEFU_JOB_ACTION_ADD_NOTE; r++)
            {
              KefuJobActor actor = { roles[r], roles[r] == KEFU_ROLE_TECHNICIAN };
              g_autoptr(GArray) allowed = kefu_job_flow_allowed (&state, &actor);

              if (allowed->len > 0 &&
                  kefu_job_action_moves (g_array_index (allowed, KefuJobAction, 0)) &&
                  g_array_index (allowed, KefuJobAction, 0) != KEFU_JOB_ACTION_CANCEL)
                next = g_array_index (allowed, KefuJobAction, 0);
            }
          g_assert_cmpint (next, !=, KEFU_JOB_ACTION_ADD_NOTE);
          state.step = kefu_job_action_target (next, &state, &input, &kind);
          g_assert_cmpint (kind, ==, ways[w].kind);
        }
      g_assert_false (kefu_job_step_is_open (state.step));

      /* Cancelled: nothing of the way is done. */
      kefu_job_step_progress (ways[w].kind, KEFU_JOB_STEP_CANCELLED, &position, &n_steps);
      g_assert_cmpuint (position, ==, 0);
      g_assert_cmpuint (n_steps, ==, ways[w].n_shown);
    }
}

static void
test_targets (void)
{
  KefuJobState state = { KEFU_JOB_KIND_REPAIR, KEFU_JOB_STEP_REPORTED, KEFU_WARRANTY_IN, FALSE };
  KefuJobActionInput input;
  KefuJobKind kind = KEFU_JOB_KIND_INSTALLATION;

  /* A diagnosis decides the kind and keeps the job reported, or completes it when solved. */
  kefu_job_action_input_init (&input);
  input.decided_kind = KEFU_JOB_KIND_ONSITE_REPAIR;
  g_assert_cmpint (kefu_job_action_target (KEFU_JOB_ACTION_DIAGNOSE, &state, &input, &kind), ==,
                   KEFU_JOB_STEP_REPORTED);
  g_assert_cmpint (kind, ==, KEFU_JOB_KIND_ONSITE_REPAIR);
  input.solved = TRUE;
  g_assert_cmpint (kefu_job_action_target (KEFU_JOB_ACTION_DIAGNOSE, &state, &input, &kind), ==,
                   KEFU_JOB_STEP_COMPLETED);
  g_assert_cmpint (kind, ==, KEFU_JOB_KIND_REPAIR);

  /* The GM's rejection sends the request back; the cancel ends any step. */
  state = (KefuJobState) { KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_STEP_SUPPORT_REQUESTED, KEFU_WARRANTY_IN, FALSE };
  g_assert_cmpint (kefu_job_action_target (KEFU_JOB_ACTION_REJECT_SUPPORT, &state, NULL, NULL), ==,
                   KEFU_JOB_STEP_REPORTED);
  g_assert_cmpint (kefu_job_action_target (KEFU_JOB_ACTION_CANCEL, &state, NULL, NULL), ==,
                   KEFU_JOB_STEP_CANCELLED);
  /* What does not move leaves the step. */
  g_assert_cmpint (kefu_job_action_target (KEFU_JOB_ACTION_ADD_NOTE, &state, NULL, NULL), ==,
                   KEFU_JOB_STEP_SUPPORT_REQUESTED);
  g_assert_false (kefu_job_action_moves (KEFU_JOB_ACTION_REPORT_PROGRESS));
  g_assert_false (kefu_job_action_moves (KEFU_JOB_ACTION_RECORD_FEE));
  g_assert_false (kefu_job_action_moves (KEFU_JOB_ACTION_SET_WARRANTY));
  g_assert_true (kefu_job_action_moves (KEFU_JOB_ACTION_DIAGNOSE));

  /* Every kind but a return is called back after. */
  for (guint k = 0; k < N_KINDS; k++)
    g_assert_cmpint (kefu_job_kind_schedules_callback (k), ==, k != KEFU_JOB_KIND_RETURN);
}

static void
test_shipment_progress (void)
{
  const struct { KefuShipmentStep step; guint position; } steps[] = {
    { KEFU_SHIPMENT_STEP_REQUESTED, 1 }, { KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, 2 },
    { KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, 3 }, { KEFU_SHIPMENT_STEP_HANDED_OVER, 4 },
    { KEFU_SHIPMENT_STEP_SHIPPED, 5 }, { KEFU_SHIPMENT_STEP_DELIVERED, 6 },
    { KEFU_SHIPMENT_STEP_RECEIVED, 7 },
    /* Stuck on the way: as far as shipped. */
    { KEFU_SHIPMENT_STEP_EXCEPTION, 5 }, { KEFU_SHIPMENT_STEP_CANCELLED, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint position = 99;
      guint n_steps = 99;

      kefu_shipment_step_progress (steps[i].step, &position, &n_steps);
      g_assert_cmpuint (position, ==, steps[i].position);
      g_assert_cmpuint (n_steps, ==, 7);
    }
}

static KefuWorkCalendar *
calendar_new (const char *hours,
              const char *days,
              const char *holidays)
{
  g_autoptr(GError) error = NULL;
  KefuWorkCalendar *calendar = kefu_work_calendar_new_from_settings (hours, days, holidays, &error);

  g_assert_no_error (error);
  return calendar;
}

static void
assert_due (GDateTime  *event,
            guint       window_days,
            KefuWorkCalendar *calendar,
            GArray     *quiet,
            GDateTime  *expected)
{
  g_autoptr(GDateTime) due = kefu_callback_due_after (event, window_days, calendar, quiet);
  g_autofree char *got = g_date_time_format_iso8601 (due);
  g_autofree char *want = g_date_time_format_iso8601 (expected);

  g_assert_cmpstr (got, ==, want);
}

static void
test_callback_due (void)
{
  g_autoptr(GTimeZone) tz = core_test_shanghai ();
  g_autoptr(GError) error = NULL;
  /* The settings' defaults, but with a Monday–Friday week to have a weekend; the National Day
   * week off. The setting's time zone is the process's: the test runs in Shanghai time. */
  g_autoptr(KefuWorkCalendar) week = calendar_new ("08:30-17:30", "1-5", "2026-10-01..2026-10-07");
  /* A desk open into the evening, whose end falls in the customers' rest hours. */
  g_autoptr(KefuWorkCalendar) evening = calendar_new ("08:30-21:30", "1-7", "");
  g_autoptr(GArray) quiet = kefu_setting_parse_time_ranges ("12:00-14:00,21:00-08:30", &error);
  g_autoptr(GArray) at_end = kefu_setting_parse_time_ranges ("17:30-18:00", &error);
  g_autoptr(GDateTime) mon = g_date_time_new (tz, 2026, 11, 23, 10, 0, 0);
  g_autoptr(GDateTime) thu = g_date_time_new (tz, 2026, 11, 26, 16, 0, 0);
  g_autoptr(GDateTime) sep30 = g_date_time_new (tz, 2026, 9, 30, 11, 0, 0);
  g_autoptr(GDateTime) late = g_date_time_new (tz, 2026, 11, 26, 21, 10, 0);
  g_autoptr(GDateTime) thu_end = g_date_time_new (tz, 2026, 11, 26, 17, 30, 0);
  g_autoptr(GDateTime) tue_end = g_date_time_new (tz, 2026, 12, 1, 17, 30, 0);
  g_autoptr(GDateTime) oct12_end = g_date_time_new (tz, 2026, 10, 12, 17, 30, 0);
  g_autoptr(GDateTime) sun_end = g_date_time_new (tz, 2026, 11, 29, 21, 30, 0);
  g_autoptr(GDateTime) sun_quiet = g_date_time_new (tz, 2026, 11, 29, 21, 0, 0);

  g_assert_no_error (error);

  /* Three working days: Monday → the end of Thursday. */
  assert_due (mon, 3, week, quiet, thu_end);
  /* Over the weekend: Thursday → Friday, Monday, Tuesday. */
  assert_due (thu, 3, week, quiet, tue_end);
  /* Over the holiday week: 30 September → 8, 9 and 12 October. */
  assert_due (sep30, 3, week, quiet, oct12_end);
  /* A rest hour starting as the day ends does not move it: due by then. */
  assert_due (mon, 3, week, at_end, thu_end);

  /* The evening desk's day ends at 21:30, inside the rest hours that start at 21:00. */
  assert_due (thu, 3, evening, NULL, sun_end);
  assert_due (thu, 3, evening, quiet, sun_quiet);
  /* Never before the event: a job done at 21:10, due the same day, is due at once. */
  assert_due (late, 0, evening, quiet, late);
}

static void
assert_time (GDateTime *got,
             GDateTime *expected)
{
  g_assert_nonnull (got);
  g_assert_true (g_date_time_equal (got, expected));
}

static void
test_attention (void)
{
  g_autoptr(GTimeZone) tz = core_test_shanghai ();
  g_autoptr(GDateTime) reported = g_date_time_new (tz, 2026, 11, 20, 9, 15, 0);
  g_autoptr(GDateTime) left = g_date_time_new (tz, 2026, 11, 24, 7, 40, 0);
  g_autoptr(GDateTime) back = g_date_time_new (tz, 2026, 11, 27, 7, 40, 0);
  g_autoptr(GDateTime) next_day = g_date_time_new (tz, 2026, 11, 25, 7, 40, 0);
  g_autoptr(GDateTime) agreed_midnight = g_date_time_new (tz, 2026, 11, 26, 0, 0, 0);
  g_autoptr(GDateTime) got = NULL;
  GDate agreed, none;

  g_date_clear (&agreed, 1);
  g_date_set_dmy (&agreed, 26, 11, 2026);
  g_date_clear (&none, 1);

  /* A visit is due on its agreed day, from the start of the site's day, told in UTC. */
  got = kefu_job_attention_at (KEFU_JOB_STEP_DISPATCHED, &agreed, NULL, 3, reported, tz);
  assert_time (got, agreed_midnight);
  g_assert_cmpint (g_date_time_get_utc_offset (got), ==, 0);
  g_clear_pointer (&got, g_date_time_unref);
  /* Without an agreed day, from the dispatch. */
  got = kefu_job_attention_at (KEFU_JOB_STEP_DISPATCHED, &none, NULL, 3, reported, tz);
  assert_time (got, reported);
  g_clear_pointer (&got, g_date_time_unref);

  /* Away: the end of the days the trip was to take, at least one. */
  got = kefu_job_attention_at (KEFU_JOB_STEP_ON_TRIP, &agreed, left, 3, reported, tz);
  assert_time (got, back);
  g_clear_pointer (&got, g_date_time_unref);
  got = kefu_job_attention_at (KEFU_JOB_STEP_ON_TRIP, &agreed, left, 0, reported, tz);
  assert_time (got, next_day);
  g_clear_pointer (&got, g_date_time_unref);
  g_assert_null (kefu_job_attention_at (KEFU_JOB_STEP_ON_TRIP, &agreed, NULL, 3, reported, tz));

  /* Any other open step from when it was entered; a final one never. */
  got = kefu_job_attention_at (KEFU_JOB_STEP_AT_FACTORY, &agreed, left, 3, reported, tz);
  assert_time (got, reported);
  g_clear_pointer (&got, g_date_time_unref);
  g_assert_null (kefu_job_attention_at (KEFU_JOB_STEP_REPORTED, &none, NULL, 0, NULL, tz));
  g_assert_null (kefu_job_attention_at (KEFU_JOB_STEP_COMPLETED, &agreed, left, 3, reported, tz));
  g_assert_null (kefu_job_attention_at (KEFU_JOB_STEP_CANCELLED, &agreed, NULL, 3, reported, tz));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/job-flow/table", test_table);
  g_test_add_func ("/kefu/job-flow/allowed", test_allowed);
  g_test_add_func ("/kefu/job-flow/fee-rule", test_fee_rule);
  g_test_add_func ("/kefu/job-flow/input", test_input);
  g_test_add_func ("/kefu/job-flow/ways", test_ways);
  g_test_add_func ("/kefu/job-flow/targets", test_targets);
  g_test_add_func ("/kefu/job-flow/shipment-progress", test_shipment_progress);
  g_test_add_func ("/kefu/job-flow/callback-due", test_callback_due);
  g_test_add_func ("/kefu/job-flow/attention", test_attention);

  return g_test_run ();
}
