/* test-shipment-flow.c: every step, action and role of a shipment against the table of
 * kefu-shipment-flow.h written out again here, payment gating, what each action must carry, and
 * when a shipment needs attention. */
#include "config.h"

#include <locale.h>

#include "core-test-helpers.h"
#include "kefu-enums.h"
#include "kefu-shipment-flow.h"

#define N_STEPS   (KEFU_SHIPMENT_STEP_CANCELLED + 1)
#define N_ACTIONS (KEFU_SHIPMENT_ACTION_EDIT_DETAILS + 1)
#define N_ROLES   (KEFU_ROLE_ADMINISTRATOR + 1)

#define S(step) (1u << KEFU_SHIPMENT_STEP_##step)
#define R(role) (1u << KEFU_ROLE_##role)

/* The roles of the after-sales desk and the leads or managers, as the header names them. */
#define AFTER_SALES (R (CLERK) | R (TEAM_LEAD) | R (CS_MANAGER) | R (GM_OFFICE) | R (ADMINISTRATOR))
#define LEADS       (R (TEAM_LEAD) | R (CS_MANAGER) | R (GM_OFFICE) | R (ADMINISTRATOR))
#define EVERYONE    ((1u << N_ROLES) - 1)
#define ALL_STEPS   ((1u << N_STEPS) - 1)
#define UNTIL_SHIPPED (S (REQUESTED) | S (PAYMENT_CONFIRMED) | S (DISPATCH_ISSUED) | S (HANDED_OVER))

/* The header's table: for each action, the steps that allow it and the roles that may take it. */
static const struct
{
  KefuShipmentAction action;
  guint steps;
  guint roles;
} table[] = {
  { KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, S (REQUESTED), R (FINANCE) },
  { KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, S (PAYMENT_CONFIRMED), R (FINANCE) },
  { KEFU_SHIPMENT_ACTION_HAND_OVER, S (DISPATCH_ISSUED), AFTER_SALES },
  { KEFU_SHIPMENT_ACTION_SHIP, S (HANDED_OVER), AFTER_SALES | R (LOGISTICS) | R (WAREHOUSE) },
  { KEFU_SHIPMENT_ACTION_DELIVER, S (SHIPPED), AFTER_SALES | R (LOGISTICS) },
  { KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT, S (DELIVERED), AFTER_SALES },
  { KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, S (SHIPPED) | S (DELIVERED), AFTER_SALES | R (LOGISTICS) },
  { KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, S (EXCEPTION), AFTER_SALES },
  { KEFU_SHIPMENT_ACTION_CANCEL, UNTIL_SHIPPED, LEADS | R (FINANCE) },
  { KEFU_SHIPMENT_ACTION_ADD_NOTE, ALL_STEPS, EVERYONE },
  { KEFU_SHIPMENT_ACTION_EDIT_DETAILS, UNTIL_SHIPPED, AFTER_SALES | R (SALES_REP) },
};

static void
test_table (void)
{
  guint n_allowed = 0;

  g_assert_cmpuint (G_N_ELEMENTS (table), ==, N_ACTIONS);

  for (guint a = 0; a < G_N_ELEMENTS (table); a++)
    for (guint step = 0; step < N_STEPS; step++)
      for (guint role = 0; role < N_ROLES; role++)
        {
          g_autoptr(GError) error = NULL;
          gboolean step_ok = (table[a].steps & (1u << step)) != 0;
          gboolean role_ok = (table[a].roles & (1u << role)) != 0;
          gboolean ok = kefu_shipment_flow_check (table[a].action, step, role, NULL, &error);

          if (ok != (step_ok && role_ok))
            g_error ("%s in “%s” by %s: expected %s",
                     kefu_enum_to_nick (KEFU_TYPE_SHIPMENT_ACTION, table[a].action),
                     kefu_enum_to_nick (KEFU_TYPE_SHIPMENT_STEP, step),
                     kefu_enum_to_nick (KEFU_TYPE_ROLE, role), step_ok && role_ok ? "allowed" : "refused");
          if (ok)
            {
              g_assert_no_error (error);
              n_allowed++;
            }
          else
            {
              /* The step is checked before the role: the reason says what is wrong first. */
              g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR,
                              step_ok ? KEFU_AFTERSALES_FLOW_ERROR_PERMISSION
                                      : KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
              g_assert_cmpstr (error->message, !=, "");
            }
        }

  /* A sanity count so that a table gone empty cannot pass: notes alone are 9 × 14. */
  g_assert_cmpuint (n_allowed, >, N_STEPS * N_ROLES);
}

/* kefu_shipment_flow_allowed () gives exactly the actions the table allows, the moving one
 * first. */
static void
test_allowed (void)
{
  for (guint step = 0; step < N_STEPS; step++)
    for (guint role = 0; role < N_ROLES; role++)
      {
        g_autoptr(GArray) allowed = kefu_shipment_flow_allowed (step, role);
        guint expected = 0;
        guint got = 0;
        gboolean moves_on = FALSE;

        for (guint a = 0; a < G_N_ELEMENTS (table); a++)
          if ((table[a].steps & (1u << step)) && (table[a].roles & (1u << role)))
            expected |= 1u << table[a].action;

        for (guint i = 0; i < allowed->len; i++)
          {
            KefuShipmentAction action = g_array_index (allowed, KefuShipmentAction, i);

            g_assert_cmpuint (got & (1u << action), ==, 0);
            got |= 1u << action;
            if (kefu_shipment_action_moves (action) && action != KEFU_SHIPMENT_ACTION_CANCEL)
              moves_on = TRUE;
          }
        g_assert_cmpuint (got, ==, expected);
        /* An action that moves the shipment on, when there is one, comes first. */
        if (moves_on)
          g_assert_true (kefu_shipment_action_moves (g_array_index (allowed, KefuShipmentAction, 0)));
      }

  {
    g_autoptr(GArray) finance = kefu_shipment_flow_allowed (KEFU_SHIPMENT_STEP_REQUESTED,
                                                            KEFU_ROLE_FINANCE);
    g_autoptr(GArray) clerk = kefu_shipment_flow_allowed (KEFU_SHIPMENT_STEP_SHIPPED,
                                                          KEFU_ROLE_CLERK);
    g_autoptr(GArray) done = kefu_shipment_flow_allowed (KEFU_SHIPMENT_STEP_RECEIVED,
                                                         KEFU_ROLE_CS_MANAGER);

    g_assert_cmpuint (finance->len, ==, 3);
    g_assert_cmpint (g_array_index (finance, KefuShipmentAction, 0), ==,
                     KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
    g_assert_cmpint (g_array_index (finance, KefuShipmentAction, 1), ==,
                     KEFU_SHIPMENT_ACTION_ADD_NOTE);
    g_assert_cmpint (g_array_index (finance, KefuShipmentAction, 2), ==,
                     KEFU_SHIPMENT_ACTION_CANCEL);
    g_assert_cmpuint (clerk->len, ==, 3);
    g_assert_cmpint (g_array_index (clerk, KefuShipmentAction, 0), ==, KEFU_SHIPMENT_ACTION_DELIVER);
    g_assert_cmpint (g_array_index (clerk, KefuShipmentAction, 1), ==,
                     KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION);
    g_assert_cmpuint (done->len, ==, 1);
    g_assert_cmpint (g_array_index (done, KefuShipmentAction, 0), ==, KEFU_SHIPMENT_ACTION_ADD_NOTE);
  }
}

/* Nothing moves a shipment past Requested but finance's payment confirmation. */
static void
test_payment_gating (void)
{
  for (guint role = 0; role < N_ROLES; role++)
    for (guint action = 0; action < N_ACTIONS; action++)
      {
        KefuShipmentStep target;

        if (!kefu_shipment_flow_check (action, KEFU_SHIPMENT_STEP_REQUESTED, role, NULL, NULL) ||
            !kefu_shipment_action_moves (action))
          continue;
        target = kefu_shipment_action_target (action, KEFU_SHIPMENT_STEP_REQUESTED,
                                              KEFU_EXCEPTION_OUTCOME_RESHIPPED);
        if (target == KEFU_SHIPMENT_STEP_CANCELLED)
          continue;
        g_assert_cmpint (role, ==, KEFU_ROLE_FINANCE);
        g_assert_cmpint (action, ==, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
        g_assert_cmpint (target, ==, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);
      }

  /* The refusal says why, whoever asks: the payment comes first. */
  {
    const KefuShipmentAction later[] = {
      KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, KEFU_SHIPMENT_ACTION_HAND_OVER,
      KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_ACTION_DELIVER, KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT,
    };

    for (guint i = 0; i < G_N_ELEMENTS (later); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (kefu_shipment_flow_check (later[i], KEFU_SHIPMENT_STEP_REQUESTED,
                                                  KEFU_ROLE_ADMINISTRATOR, NULL, &error));
        g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_NOT_ALLOWED);
        g_assert_nonnull (strstr (error->message, "before the payment is confirmed"));
      }
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (kefu_shipment_flow_check (KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT,
                                              KEFU_SHIPMENT_STEP_REQUESTED, KEFU_ROLE_CS_MANAGER,
                                              NULL, &error));
    g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_PERMISSION);
    g_assert_true (g_str_has_prefix (error->message, "Only finance can confirm the payment."));
  }
}

static void
test_targets (void)
{
  const struct { KefuShipmentAction action; KefuShipmentStep from; KefuExceptionOutcome outcome;
                 KefuShipmentStep to; } moves[] = {
    { KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, KEFU_SHIPMENT_STEP_REQUESTED, 0, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED },
    { KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, 0, KEFU_SHIPMENT_STEP_DISPATCH_ISSUED },
    { KEFU_SHIPMENT_ACTION_HAND_OVER, KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, 0, KEFU_SHIPMENT_STEP_HANDED_OVER },
    { KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, 0, KEFU_SHIPMENT_STEP_SHIPPED },
    { KEFU_SHIPMENT_ACTION_DELIVER, KEFU_SHIPMENT_STEP_SHIPPED, 0, KEFU_SHIPMENT_STEP_DELIVERED },
    { KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT, KEFU_SHIPMENT_STEP_DELIVERED, 0, KEFU_SHIPMENT_STEP_RECEIVED },
    { KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, KEFU_SHIPMENT_STEP_DELIVERED, 0, KEFU_SHIPMENT_STEP_EXCEPTION },
    { KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, KEFU_EXCEPTION_OUTCOME_RESHIPPED, KEFU_SHIPMENT_STEP_SHIPPED },
    { KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, KEFU_EXCEPTION_OUTCOME_DELIVERED, KEFU_SHIPMENT_STEP_DELIVERED },
    { KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, KEFU_EXCEPTION_OUTCOME_CLOSED, KEFU_SHIPMENT_STEP_CANCELLED },
    { KEFU_SHIPMENT_ACTION_CANCEL, KEFU_SHIPMENT_STEP_HANDED_OVER, 0, KEFU_SHIPMENT_STEP_CANCELLED },
    { KEFU_SHIPMENT_ACTION_ADD_NOTE, KEFU_SHIPMENT_STEP_SHIPPED, 0, KEFU_SHIPMENT_STEP_SHIPPED },
    { KEFU_SHIPMENT_ACTION_EDIT_DETAILS, KEFU_SHIPMENT_STEP_REQUESTED, 0, KEFU_SHIPMENT_STEP_REQUESTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_assert_cmpint (kefu_shipment_action_target (moves[i].action, moves[i].from, moves[i].outcome),
                       ==, moves[i].to);
      g_assert_cmpint (kefu_shipment_action_moves (moves[i].action), ==, moves[i].from != moves[i].to);
    }

  for (guint step = 0; step < N_STEPS; step++)
    g_assert_cmpint (kefu_shipment_step_is_open (step), ==,
                     step != KEFU_SHIPMENT_STEP_RECEIVED && step != KEFU_SHIPMENT_STEP_CANCELLED);
}

/* A complete input for shipping: SF Express, a waybill of its form, shipped and due on days. */
static void
init_ship_input (KefuShipmentActionInput *input)
{
  kefu_shipment_action_input_init (input);
  input->has_carrier = TRUE;
  input->carrier_kind = KEFU_CARRIER_SF;
  input->waybill = "SF1234567890123";
  g_date_set_dmy (&input->ship_date, 10, G_DATE_MARCH, 2026);
  g_date_set_dmy (&input->expected_arrival, 12, G_DATE_MARCH, 2026);
}

static void
assert_input (KefuShipmentAction             action,
              KefuShipmentStep               from,
              const KefuShipmentActionInput *input,
              int                            code)
{
  g_autoptr(GError) error = NULL;
  /* Finance takes the first two actions; a clerk of the after-sales desk every other one
   * checked here. */
  KefuRole role = action == KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT ||
                  action == KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH ? KEFU_ROLE_FINANCE : KEFU_ROLE_CLERK;
  gboolean ok = kefu_shipment_flow_check (action, from, role, input, &error);

  core_test_assert_result (ok, error, KEFU_AFTERSALES_FLOW_ERROR, code);
}

static void
test_input (void)
{
  KefuShipmentActionInput input;
  g_autoptr(GError) error = NULL;

  kefu_shipment_action_input_init (&input);
  g_assert_false (g_date_valid (&input.ship_date));
  g_assert_false (g_date_valid (&input.expected_arrival));
  g_assert_cmpint (input.exception, ==, KEFU_SHIPMENT_EXCEPTION_NONE);
  g_assert_cmpint (input.receipt_method, ==, KEFU_RECEIPT_METHOD_UNSPECIFIED);

  /* The amount received is more than zero. */
  assert_input (KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, KEFU_SHIPMENT_STEP_REQUESTED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_INVALID);
  input.amount_fen = -100;
  assert_input (KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, KEFU_SHIPMENT_STEP_REQUESTED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_INVALID);
  input.amount_fen = 1;
  assert_input (KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, KEFU_SHIPMENT_STEP_REQUESTED, &input, -1);

  input.dispatch_number = "  ";
  assert_input (KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.dispatch_number = "FH-0001";
  assert_input (KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, &input, -1);

  /* Shipping: a carrier, a waybill fitting it, both days, the arrival not before the shipping. */
  init_ship_input (&input);
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input, -1);
  input.has_carrier = FALSE;
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  init_ship_input (&input);
  input.waybill = "";
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  /* A ZTO number is no SF waybill; the message is the waybill check's own, naming the carrier. */
  input.waybill = "YT1234567890123";
  g_assert_false (kefu_shipment_flow_check (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER,
                                            KEFU_ROLE_LOGISTICS, &input, &error));
  g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SF Express"));
  g_clear_error (&error);
  /* The same number fits YTO. */
  input.carrier_kind = KEFU_CARRIER_YTO;
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input, -1);
  init_ship_input (&input);
  g_date_clear (&input.ship_date, 1);
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  init_ship_input (&input);
  g_date_clear (&input.expected_arrival, 1);
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  /* The arrival may be the day of shipping, not the day before. */
  init_ship_input (&input);
  g_date_set_dmy (&input.expected_arrival, 10, G_DATE_MARCH, 2026);
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input, -1);
  g_date_set_dmy (&input.expected_arrival, 9, G_DATE_MARCH, 2026);
  assert_input (KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_STEP_HANDED_OVER, &input,
                KEFU_AFTERSALES_FLOW_ERROR_INVALID);

  /* Receipt: how the customer confirmed it. */
  kefu_shipment_action_input_init (&input);
  assert_input (KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT, KEFU_SHIPMENT_STEP_DELIVERED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.receipt_method = KEFU_RECEIPT_METHOD_SIGNED_SLIP;
  assert_input (KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT, KEFU_SHIPMENT_STEP_DELIVERED, &input, -1);

  /* An exception: its kind and what happened. */
  kefu_shipment_action_input_init (&input);
  input.text = "外箱破损";
  assert_input (KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, KEFU_SHIPMENT_STEP_SHIPPED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.exception = KEFU_SHIPMENT_EXCEPTION_DAMAGED;
  assert_input (KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, KEFU_SHIPMENT_STEP_SHIPPED, &input, -1);
  input.text = NULL;
  assert_input (KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, KEFU_SHIPMENT_STEP_SHIPPED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);

  /* Its resolution: reshipping carries a new carrier and waybill; the others only the text. */
  kefu_shipment_action_input_init (&input);
  input.text = "重新发货";
  input.outcome = KEFU_EXCEPTION_OUTCOME_RESHIPPED;
  assert_input (KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  init_ship_input (&input);
  input.text = "重新发货";
  input.outcome = KEFU_EXCEPTION_OUTCOME_RESHIPPED;
  assert_input (KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, &input, -1);
  kefu_shipment_action_input_init (&input);
  input.text = "已找到";
  input.outcome = KEFU_EXCEPTION_OUTCOME_DELIVERED;
  assert_input (KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, &input, -1);
  input.text = "";
  assert_input (KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, KEFU_SHIPMENT_STEP_EXCEPTION, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);

  /* A cancel and a note say something. */
  kefu_shipment_action_input_init (&input);
  g_assert_false (kefu_shipment_flow_check (KEFU_SHIPMENT_ACTION_CANCEL, KEFU_SHIPMENT_STEP_REQUESTED,
                                            KEFU_ROLE_TEAM_LEAD, &input, &error));
  g_assert_error (error, KEFU_AFTERSALES_FLOW_ERROR, KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  g_clear_error (&error);
  assert_input (KEFU_SHIPMENT_ACTION_ADD_NOTE, KEFU_SHIPMENT_STEP_RECEIVED, &input,
                KEFU_AFTERSALES_FLOW_ERROR_MISSING);
  input.text = "客户来电催货";
  assert_input (KEFU_SHIPMENT_ACTION_ADD_NOTE, KEFU_SHIPMENT_STEP_RECEIVED, &input, -1);
}

static void
test_attention (void)
{
  g_autoptr(GTimeZone) tz = core_test_shanghai ();
  g_autoptr(GDateTime) day_after = g_date_time_new (tz, 2026, 3, 13, 0, 0, 0);
  g_autoptr(GDateTime) instant_before = g_date_time_add (day_after, -1);
  g_autoptr(GDateTime) delivered = g_date_time_new (tz, 2026, 3, 12, 15, 30, 0);
  g_autoptr(GDateTime) receipt_due = g_date_time_new (tz, 2026, 3, 14, 15, 30, 0);
  g_autoptr(GDateTime) reported = g_date_time_new (tz, 2026, 3, 12, 9, 0, 0);
  g_autoptr(GDateTime) shipped_at = NULL;
  g_autoptr(GDateTime) delivered_at = NULL;
  g_autoptr(GDateTime) exception_at = NULL;
  GDate arrival;

  g_date_clear (&arrival, 1);
  g_date_set_dmy (&arrival, 12, G_DATE_MARCH, 2026);

  /* Shipped: overdue from the start of the day after the expected arrival, not an instant
   * before. */
  shipped_at = kefu_shipment_attention_at (KEFU_SHIPMENT_STEP_SHIPPED, &arrival, NULL, NULL, 2, tz);
  g_assert_nonnull (shipped_at);
  g_assert_true (g_date_time_equal (shipped_at, day_after));
  g_assert_cmpint (g_date_time_compare (instant_before, shipped_at), <, 0);
  g_assert_cmpint (g_date_time_compare (day_after, shipped_at), >=, 0);

  /* Delivered: the receipt days later, to the minute. */
  delivered_at = kefu_shipment_attention_at (KEFU_SHIPMENT_STEP_DELIVERED, &arrival, delivered,
                                             NULL, 2, tz);
  g_assert_true (g_date_time_equal (delivered_at, receipt_due));
  g_clear_pointer (&delivered_at, g_date_time_unref);
  delivered_at = kefu_shipment_attention_at (KEFU_SHIPMENT_STEP_DELIVERED, NULL, delivered, NULL,
                                             0, tz);
  g_assert_true (g_date_time_equal (delivered_at, delivered));

  /* An exception needs someone from the moment it is reported. */
  exception_at = kefu_shipment_attention_at (KEFU_SHIPMENT_STEP_EXCEPTION, &arrival, delivered,
                                             reported, 2, tz);
  g_assert_true (g_date_time_equal (exception_at, reported));

  /* The other steps, or a shipment without its day, never. */
  g_assert_null (kefu_shipment_attention_at (KEFU_SHIPMENT_STEP_SHIPPED, NULL, NULL, NULL, 2, tz));
  for (guint step = 0; step < N_STEPS; step++)
    {
      g_autoptr(GDateTime) at = NULL;

      if (step == KEFU_SHIPMENT_STEP_SHIPPED || step == KEFU_SHIPMENT_STEP_DELIVERED ||
          step == KEFU_SHIPMENT_STEP_EXCEPTION)
        continue;
      at = kefu_shipment_attention_at (step, &arrival, delivered, reported, 2, tz);
      g_assert_null (at);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/shipment-flow/table", test_table);
  g_test_add_func ("/kefu/shipment-flow/allowed", test_allowed);
  g_test_add_func ("/kefu/shipment-flow/payment-gating", test_payment_gating);
  g_test_add_func ("/kefu/shipment-flow/targets", test_targets);
  g_test_add_func ("/kefu/shipment-flow/input", test_input);
  g_test_add_func ("/kefu/shipment-flow/attention", test_attention);

  return g_test_run ();
}
