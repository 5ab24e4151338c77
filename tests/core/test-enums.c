/* test-enums.c: enum values as database text and as translated names. */
#include "config.h"

#include <locale.h>

#include "kefu-enums.h"

static void
test_nicks (void)
{
  int value = -1;

  g_assert_cmpstr (kefu_enum_to_nick (KEFU_TYPE_ROLE, KEFU_ROLE_TEAM_LEAD), ==, "team-lead");
  g_assert_cmpstr (kefu_enum_to_nick (KEFU_TYPE_ROLE, KEFU_ROLE_CS_MANAGER), ==, "cs-manager");
  g_assert_cmpstr (kefu_enum_to_nick (KEFU_TYPE_ROLE, KEFU_ROLE_ADMINISTRATOR), ==, "administrator");
  g_assert_cmpstr (kefu_enum_to_nick (KEFU_TYPE_CHANNEL, KEFU_CHANNEL_HOME_DELIVERY), ==,
                   "home-delivery");
  g_assert_cmpstr (kefu_enum_to_nick (KEFU_TYPE_CHANNEL, KEFU_CHANNEL_SUPERMARKET), ==,
                   "supermarket");
  g_assert_null (kefu_enum_to_nick (KEFU_TYPE_ROLE, 999));
  g_assert_null (kefu_enum_to_nick (KEFU_TYPE_ROLE, -1));

  g_assert_true (kefu_enum_from_nick (KEFU_TYPE_ROLE, "qc-manager", &value));
  g_assert_cmpint (value, ==, KEFU_ROLE_QC_MANAGER);
  g_assert_true (kefu_enum_from_nick (KEFU_TYPE_CHANNEL, "retail", &value));
  g_assert_cmpint (value, ==, KEFU_CHANNEL_RETAIL);

  value = 42;
  g_assert_false (kefu_enum_from_nick (KEFU_TYPE_ROLE, "boss", &value));
  g_assert_false (kefu_enum_from_nick (KEFU_TYPE_ROLE, "", &value));
  g_assert_false (kefu_enum_from_nick (KEFU_TYPE_ROLE, NULL, &value));
  /* Nicks are exact: the database holds lower case. */
  g_assert_false (kefu_enum_from_nick (KEFU_TYPE_ROLE, "Team-Lead", &value));
  /* A nick of another enum is not accepted. */
  g_assert_false (kefu_enum_from_nick (KEFU_TYPE_CHANNEL, "clerk", &value));
  g_assert_cmpint (value, ==, 42);
}

static void
test_round_trip (void)
{
  GType types[] = { KEFU_TYPE_ROLE, KEFU_TYPE_CHANNEL };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *nick = kefu_enum_to_nick (types[t], klass->values[i].value);
          int value = -1;

          g_assert_nonnull (nick);
          /* Readable text for BI tools: lower case words joined by dashes. */
          for (const char *p = nick; *p; p++)
            g_assert_true (g_ascii_islower (*p) || *p == '-');
          g_assert_true (kefu_enum_from_nick (types[t], nick, &value));
          g_assert_cmpint (value, ==, klass->values[i].value);
        }
    }
}

static void
test_display_names (void)
{
  g_autoptr(GEnumClass) roles = g_type_class_ref (KEFU_TYPE_ROLE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (kefu_role_get_display_name (KEFU_ROLE_CLERK), ==, "Clerk");
  g_assert_cmpstr (kefu_role_get_display_name (KEFU_ROLE_GM_OFFICE), ==, "GM office director");
  g_assert_cmpstr (kefu_role_get_display_name (KEFU_ROLE_DEPOT_ADMIN), ==, "Depot admin");
  g_assert_cmpstr (kefu_channel_get_display_name (KEFU_CHANNEL_HOME_DELIVERY), ==, "Home delivery");
  g_assert_cmpstr (kefu_channel_get_display_name (KEFU_CHANNEL_SUPERMARKET), ==, "Supermarket");

  /* Every role has its own, non-empty name. */
  for (guint i = 0; i < roles->n_values; i++)
    {
      const char *name = kefu_role_get_display_name (roles->values[i].value);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      g_assert_true (g_hash_table_add (seen, (gpointer) name));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 14);
}

typedef const char *(*DisplayName) (int value);

/* Every value of `type` has its own non-empty name, but for `skip` (a value that means "none"). */
static void
assert_distinct_names (GType       type,
                       DisplayName display_name,
                       int         skip)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *name;

      if (klass->values[i].value == skip)
        continue;
      name = display_name (klass->values[i].value);
      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      g_assert_true (g_hash_table_add (seen, (gpointer) name));
    }
}

static void
test_complaint_names (void)
{
  const struct { KefuComplaintAction action; const char *label; } actions[] = {
    { KEFU_COMPLAINT_ACTION_ROUTE, "Route…" },
    { KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, "Acknowledge" },
    { KEFU_COMPLAINT_ACTION_RESOLVE, "Record Resolution…" },
    { KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, "Record Callback…" },
    { KEFU_COMPLAINT_ACTION_REOPEN, "Reopen…" },
    { KEFU_COMPLAINT_ACTION_CLOSE, "Close" },
    { KEFU_COMPLAINT_ACTION_ADD_NOTE, "Add Note…" },
    { KEFU_COMPLAINT_ACTION_RECORD_VISIT, "Record Visit…" },
    { KEFU_COMPLAINT_ACTION_ESCALATE, "Escalate…" },
    { KEFU_COMPLAINT_ACTION_EDIT_ROUTES, "Change Departments…" },
    { KEFU_COMPLAINT_ACTION_EDIT_DETAILS, "Edit Details" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_cmpstr (kefu_complaint_action_get_display_name (actions[i].action), ==,
                     actions[i].label);

  g_assert_cmpstr (kefu_satisfaction_get_display_name (KEFU_SATISFACTION_SATISFIED), ==, "Satisfied");
  g_assert_cmpstr (kefu_satisfaction_get_display_name (KEFU_SATISFACTION_SO_SO), ==, "So-so");
  g_assert_cmpstr (kefu_satisfaction_get_display_name (KEFU_SATISFACTION_NOT_SATISFIED), ==,
                   "Not satisfied");
  g_assert_cmpstr (kefu_complaint_deadline_get_display_name (KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE),
                   ==, "acknowledgement");
  g_assert_cmpstr (kefu_complaint_deadline_get_display_name (KEFU_COMPLAINT_DEADLINE_RESOLVE), ==,
                   "resolution");
  g_assert_cmpstr (kefu_complaint_deadline_get_display_name (KEFU_COMPLAINT_DEADLINE_CALLBACK), ==,
                   "callback");
  g_assert_cmpstr (kefu_complaint_deadline_get_display_name (KEFU_COMPLAINT_DEADLINE_ROUTE), ==,
                   "routing");
  g_assert_cmpstr (kefu_complaint_deadline_get_display_name (KEFU_COMPLAINT_DEADLINE_NONE), ==, "");
  g_assert_cmpstr (kefu_escalation_level_get_display_name (KEFU_ESCALATION_TEAM_LEAD), ==, "Team lead");
  g_assert_cmpstr (kefu_escalation_level_get_display_name (KEFU_ESCALATION_CS_MANAGER), ==, "CS manager");
  g_assert_cmpstr (kefu_escalation_level_get_display_name (KEFU_ESCALATION_GM_OFFICE), ==, "GM office");
  g_assert_cmpstr (kefu_escalation_level_get_display_name (KEFU_ESCALATION_NONE), ==, "");

  assert_distinct_names (KEFU_TYPE_SATISFACTION, (DisplayName) kefu_satisfaction_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_COMPLAINT_ACTION,
                         (DisplayName) kefu_complaint_action_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_COMPLAINT_DEADLINE,
                         (DisplayName) kefu_complaint_deadline_get_display_name,
                         KEFU_COMPLAINT_DEADLINE_NONE);
  assert_distinct_names (KEFU_TYPE_ESCALATION_LEVEL,
                         (DisplayName) kefu_escalation_level_get_display_name, KEFU_ESCALATION_NONE);
  assert_distinct_names (KEFU_TYPE_COMPLAINT_STAGE,
                         (DisplayName) kefu_complaint_stage_get_display_name, -1);
}

/* The after-sales names the pane shows: the words of the paper forms, each value its own. */
static void
test_aftersales_names (void)
{
  g_assert_cmpstr (kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_DISPATCH_ISSUED), ==,
                   "Dispatch note issued");
  g_assert_cmpstr (kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_RECEIVED), ==,
                   "Receipt confirmed");
  g_assert_cmpstr (kefu_shipment_action_get_display_name (KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT), ==,
                   "Confirm Payment…");
  g_assert_cmpstr (kefu_shipment_action_get_display_name (KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH), ==,
                   "Issue Dispatch Note…");
  g_assert_cmpstr (kefu_job_kind_get_display_name (KEFU_JOB_KIND_REPAIR), ==, "Repair (to diagnose)");
  g_assert_cmpstr (kefu_job_kind_get_display_name (KEFU_JOB_KIND_FACTORY_REPAIR), ==, "Factory repair");
  g_assert_cmpstr (kefu_job_step_get_display_name (KEFU_JOB_STEP_SUPPORT_REQUESTED), ==,
                   "Awaiting approval");
  g_assert_cmpstr (kefu_warranty_state_get_display_name (KEFU_WARRANTY_OUT), ==,
                   "Out of warranty (paid)");
  /* The carrier names are the waybill messages' own words. */
  g_assert_cmpstr (kefu_carrier_kind_get_display_name (KEFU_CARRIER_SF), ==, "SF Express (顺丰)");
  g_assert_cmpstr (kefu_carrier_kind_get_display_name (KEFU_CARRIER_OTHER), ==, "Other carrier");

  assert_distinct_names (KEFU_TYPE_WARRANTY_STATE,
                         (DisplayName) kefu_warranty_state_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_CARRIER_KIND,
                         (DisplayName) kefu_carrier_kind_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_SHIPMENT_STEP,
                         (DisplayName) kefu_shipment_step_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_SHIPMENT_ACTION,
                         (DisplayName) kefu_shipment_action_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_SHIPMENT_EXCEPTION,
                         (DisplayName) kefu_shipment_exception_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_EXCEPTION_OUTCOME,
                         (DisplayName) kefu_exception_outcome_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_RECEIPT_METHOD,
                         (DisplayName) kefu_receipt_method_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_JOB_KIND, (DisplayName) kefu_job_kind_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_JOB_STEP, (DisplayName) kefu_job_step_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_JOB_ACTION, (DisplayName) kefu_job_action_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_JOB_SOURCE, (DisplayName) kefu_job_source_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_CALLBACK_REASON,
                         (DisplayName) kefu_callback_reason_get_display_name, -1);
  assert_distinct_names (KEFU_TYPE_CALLBACK_STATE,
                         (DisplayName) kefu_callback_state_get_display_name, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/enums/nicks", test_nicks);
  g_test_add_func ("/kefu/enums/round-trip", test_round_trip);
  g_test_add_func ("/kefu/enums/display-names", test_display_names);
  g_test_add_func ("/kefu/enums/complaint-names", test_complaint_names);
  g_test_add_func ("/kefu/enums/aftersales-names", test_aftersales_names);

  return g_test_run ();
}
