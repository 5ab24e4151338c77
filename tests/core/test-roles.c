/* test-roles.c: the permission rules, checked role by role against domain.md's table. */
#include "config.h"

#include "kefu-roles.h"
#include "kefu-enums.h"

typedef gboolean (*RoleCheck) (KefuRole role);

/* Asserts that exactly the roles in `allowed` (terminated by -1) pass `check`. */
static void
assert_exactly (RoleCheck   check,
                const char *name,
                const int  *allowed)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KEFU_TYPE_ROLE);

  for (guint i = 0; i < klass->n_values; i++)
    {
      KefuRole role = klass->values[i].value;
      gboolean expected = FALSE;

      for (const int *a = allowed; *a != -1; a++)
        if (*a == (int) role)
          expected = TRUE;

      if (check (role) != expected)
        g_error ("%s (%s) gave %s", name, klass->values[i].value_nick,
                 expected ? "FALSE, expected TRUE" : "TRUE, expected FALSE");
    }
}

#define ASSERT_EXACTLY(check, ...) \
  assert_exactly (check, #check, (const int[]) { __VA_ARGS__, -1 })

static void
test_administration (void)
{
  ASSERT_EXACTLY (kefu_role_can_manage_staff, KEFU_ROLE_ADMINISTRATOR, KEFU_ROLE_CS_MANAGER);
  ASSERT_EXACTLY (kefu_role_can_manage_departments, KEFU_ROLE_ADMINISTRATOR, KEFU_ROLE_CS_MANAGER);
  ASSERT_EXACTLY (kefu_role_can_edit_settings, KEFU_ROLE_ADMINISTRATOR, KEFU_ROLE_CS_MANAGER);
  ASSERT_EXACTLY (kefu_role_can_edit_products,
                  KEFU_ROLE_ADMINISTRATOR, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_SALES_ADMIN);
  ASSERT_EXACTLY (kefu_role_can_assign_customers, KEFU_ROLE_CS_MANAGER);
}

static void
test_hotline (void)
{
  ASSERT_EXACTLY (kefu_role_can_take_calls,
                  KEFU_ROLE_CLERK, KEFU_ROLE_TEAM_LEAD, KEFU_ROLE_CS_MANAGER);
  ASSERT_EXACTLY (kefu_role_can_make_callbacks,
                  KEFU_ROLE_CLERK, KEFU_ROLE_TEAM_LEAD, KEFU_ROLE_CS_MANAGER);
  ASSERT_EXACTLY (kefu_role_can_hand_over_orders, KEFU_ROLE_TEAM_LEAD, KEFU_ROLE_CS_MANAGER);
  ASSERT_EXACTLY (kefu_role_receives_order_forms, KEFU_ROLE_SALES_ADMIN, KEFU_ROLE_DEPOT_ADMIN);
  ASSERT_EXACTLY (kefu_role_can_sample_cases, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_TEAM_LEAD);
}

static void
test_complaints (void)
{
  ASSERT_EXACTLY (kefu_role_receives_quality_complaints,
                  KEFU_ROLE_QC_MANAGER, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE);
  ASSERT_EXACTLY (kefu_role_receives_service_complaints,
                  KEFU_ROLE_CS_MANAGER, KEFU_ROLE_MARKETING_DIRECTOR);
  ASSERT_EXACTLY (kefu_role_can_resolve_complaints,
                  KEFU_ROLE_CS_MANAGER, KEFU_ROLE_QC_MANAGER, KEFU_ROLE_GM_OFFICE,
                  KEFU_ROLE_MARKETING_DIRECTOR);
  ASSERT_EXACTLY (kefu_role_can_view_reports,
                  KEFU_ROLE_TEAM_LEAD, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_QC_MANAGER,
                  KEFU_ROLE_GM_OFFICE, KEFU_ROLE_MARKETING_DIRECTOR, KEFU_ROLE_ADMINISTRATOR);
}

static void
test_clerk_is_not_a_manager (void)
{
  /* The plainest reading of the table: a clerk answers calls and nothing administrative. */
  g_assert_true (kefu_role_can_take_calls (KEFU_ROLE_CLERK));
  g_assert_false (kefu_role_can_manage_staff (KEFU_ROLE_CLERK));
  g_assert_false (kefu_role_can_edit_settings (KEFU_ROLE_CLERK));
  g_assert_false (kefu_role_can_assign_customers (KEFU_ROLE_CLERK));
  g_assert_false (kefu_role_can_resolve_complaints (KEFU_ROLE_CLERK));
  /* The administrator sets the system up but does not answer the hotline. */
  g_assert_false (kefu_role_can_take_calls (KEFU_ROLE_ADMINISTRATOR));
}

static void
test_order_receiver (void)
{
  KefuRole role = KEFU_ROLE_CLERK;

  g_assert_true (kefu_channel_get_order_receiver (KEFU_CHANNEL_HOME_DELIVERY, &role));
  g_assert_cmpint (role, ==, KEFU_ROLE_DEPOT_ADMIN);
  g_assert_true (kefu_channel_get_order_receiver (KEFU_CHANNEL_RETAIL, &role));
  g_assert_cmpint (role, ==, KEFU_ROLE_SALES_ADMIN);
  g_assert_true (kefu_channel_get_order_receiver (KEFU_CHANNEL_SUPERMARKET, &role));
  g_assert_cmpint (role, ==, KEFU_ROLE_SALES_ADMIN);

  role = KEFU_ROLE_CLERK;
  g_assert_false (kefu_channel_get_order_receiver (KEFU_CHANNEL_UNSPECIFIED, &role));
  g_assert_cmpint (role, ==, KEFU_ROLE_CLERK);

  /* Whoever receives a channel's forms is a role that receives order forms. */
  for (KefuChannel c = KEFU_CHANNEL_HOME_DELIVERY; c <= KEFU_CHANNEL_SUPERMARKET; c++)
    {
      g_assert_true (kefu_channel_get_order_receiver (c, &role));
      g_assert_true (kefu_role_receives_order_forms (role));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/roles/administration", test_administration);
  g_test_add_func ("/kefu/roles/hotline", test_hotline);
  g_test_add_func ("/kefu/roles/complaints", test_complaints);
  g_test_add_func ("/kefu/roles/clerk-is-not-a-manager", test_clerk_is_not_a_manager);
  g_test_add_func ("/kefu/roles/order-receiver", test_order_receiver);

  return g_test_run ();
}
