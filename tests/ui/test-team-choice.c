/* test-team-choice.c: the team and clerk choice the dashboard and the reports share: "all"
 * first, the clerks narrowed to the team chosen, the staff listed by the flags, the choice
 * kept while listed, and "changed" only for the user's choices.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-team-choice"

#include "config.h"

#include <adwaita.h>

#include "widgets/kefu-team-choice.h"

typedef struct
{
  GListStore *departments;
  GListStore *staff;
} People;

static void
add_department (People     *people,
                gint64      id,
                const char *name)
{
  g_autoptr(KefuDepartment) department = kefu_department_new ();

  kefu_record_set_id (KEFU_RECORD (department), id);
  kefu_department_set_name (department, name);
  g_list_store_append (people->departments, department);
}

static void
add_staff (People     *people,
           gint64      id,
           const char *name,
           KefuRole    role,
           gint64      department_id,
           gboolean    active)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();

  kefu_record_set_id (KEFU_RECORD (staff), id);
  kefu_staff_set_name (staff, name);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_department_id (staff, department_id);
  kefu_staff_set_active (staff, active);
  g_list_store_append (people->staff, staff);
}

/* Two teams: 客服一组 (王芳, a clerk; 孙丽, the quality manager, who takes no calls; 赵磊, a
 * clerk who left) and 客服二组 (李强, a clerk). */
static void
people_init (People *people)
{
  people->departments = g_list_store_new (KEFU_TYPE_DEPARTMENT);
  people->staff = g_list_store_new (KEFU_TYPE_STAFF);
  add_department (people, 10, "客服一组");
  add_department (people, 20, "客服二组");
  add_staff (people, 1, "王芳", KEFU_ROLE_CLERK, 10, TRUE);
  add_staff (people, 2, "李强", KEFU_ROLE_CLERK, 20, TRUE);
  add_staff (people, 3, "孙丽", KEFU_ROLE_QC_MANAGER, 10, TRUE);
  add_staff (people, 4, "赵磊", KEFU_ROLE_CLERK, 10, FALSE);
}

static void
people_clear (People *people)
{
  g_clear_object (&people->departments);
  g_clear_object (&people->staff);
}

/* The names a chooser offers, joined by "|". */
static char *
names_of (GObject *chooser)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_object_get (chooser, "model", &model, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Every staff member, on a GtkDropDown pair: the user's choices narrow and emit "changed". */
static void
test_everyone (void)
{
  People people;
  g_autoptr(GtkWidget) teams = g_object_ref_sink (gtk_drop_down_new (NULL, NULL));
  g_autoptr(GtkWidget) clerks = g_object_ref_sink (gtk_drop_down_new (NULL, NULL));
  g_autoptr(KefuTeamChoice) choice = kefu_team_choice_new (G_OBJECT (teams), G_OBJECT (clerks),
                                                           KEFU_TEAM_CHOICE_DEFAULT);
  g_autofree char *before = names_of (G_OBJECT (clerks));
  g_autofree char *team_names = NULL;
  g_autofree char *all = NULL;
  g_autofree char *first = NULL;
  guint changed = 0;

  g_signal_connect_swapped (choice, "changed", G_CALLBACK (count_cb), &changed);
  /* Before the people come: "all" alone. */
  g_assert_cmpstr (before, ==, "All clerks");
  g_assert_null (kefu_team_choice_get_subject (choice));

  people_init (&people);
  kefu_team_choice_set_people (choice, G_LIST_MODEL (people.departments),
                               G_LIST_MODEL (people.staff));
  team_names = names_of (G_OBJECT (teams));
  all = names_of (G_OBJECT (clerks));
  g_assert_cmpstr (team_names, ==, "All teams|客服一组|客服二组");
  g_assert_cmpstr (all, ==, "All clerks|王芳|李强|孙丽|赵磊");
  g_assert_cmpuint (changed, ==, 0);

  /* The user chooses 客服一组, then 孙丽 in it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (teams), 1);
  g_assert_cmpuint (changed, ==, 1);
  first = names_of (G_OBJECT (clerks));
  g_assert_cmpstr (first, ==, "All clerks|王芳|孙丽|赵磊");
  g_assert_cmpint (kefu_team_choice_get_team_id (choice), ==, 10);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 0);
  g_assert_cmpstr (kefu_team_choice_get_subject (choice), ==, "客服一组");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (clerks), 2);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 3);
  g_assert_cmpstr (kefu_team_choice_get_subject (choice), ==, "孙丽");

  /* The people read again: the choice stays while listed, silently. */
  kefu_team_choice_set_people (choice, G_LIST_MODEL (people.departments),
                               G_LIST_MODEL (people.staff));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (kefu_team_choice_get_team_id (choice), ==, 10);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (clerks)), ==, 2);

  /* 孙丽 gone from the list: all clerks of the team. */
  g_list_store_remove (people.staff, 2);
  kefu_team_choice_set_people (choice, G_LIST_MODEL (people.departments),
                               G_LIST_MODEL (people.staff));
  g_assert_cmpint (kefu_team_choice_get_team_id (choice), ==, 10);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 0);
  g_assert_cmpstr (kefu_team_choice_get_clerk_name (choice), ==, "All clerks");
  g_assert_cmpuint (changed, ==, 2);

  /* Another team chosen: all its clerks, whoever was chosen before. */
  kefu_team_choice_select (choice, 10, 1);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (teams), 2);
  g_assert_cmpint (kefu_team_choice_get_team_id (choice), ==, 20);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 0);
  g_assert_cmpuint (changed, ==, 3);

  people_clear (&people);
}

/* The dashboard's: active staff who take calls or make callbacks, on AdwComboRows. */
static void
test_front_line (void)
{
  People people;
  g_autoptr(GtkWidget) teams = g_object_ref_sink (adw_combo_row_new ());
  g_autoptr(GtkWidget) clerks = g_object_ref_sink (adw_combo_row_new ());
  g_autoptr(KefuTeamChoice) choice = NULL;
  g_autofree char *names = NULL;

  choice = kefu_team_choice_new (G_OBJECT (teams), G_OBJECT (clerks),
                                 KEFU_TEAM_CHOICE_ACTIVE_ONLY | KEFU_TEAM_CHOICE_FRONT_LINE);
  people_init (&people);
  /* Chosen before the people come (a clerk's own figures): chosen once listed. */
  kefu_team_choice_select (choice, 0, 2);
  g_assert_cmpint (kefu_team_choice_get_clerk_id (choice), ==, 0);
  kefu_team_choice_set_people (choice, G_LIST_MODEL (people.departments),
                               G_LIST_MODEL (people.staff));
  kefu_team_choice_select (choice, 0, 2);
  names = names_of (G_OBJECT (clerks));
  g_assert_cmpstr (names, ==, "All clerks|王芳|李强");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (clerks)), ==, 2);
  g_assert_cmpstr (kefu_team_choice_get_subject (choice), ==, "李强");

  people_clear (&people);
}

int
main (int   argc,
      char *argv[])
{
  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/team-choice/everyone", test_everyone);
  g_test_add_func ("/kefu/team-choice/front-line", test_front_line);

  return g_test_run ();
}
