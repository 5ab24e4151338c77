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

  return g_test_run ();
}
