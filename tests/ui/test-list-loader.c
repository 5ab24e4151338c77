/* test-list-loader.c: the helpers every list read off the main thread shares.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-list-loader"

#include "config.h"

#include "widgets/kefu-list-loader.h"

/* The list shows exactly what was read, in its order, however many items it held before. */
static void
test_replace_all (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_MENU_ITEM);
  g_autoptr(GListStore) read = g_list_store_new (G_TYPE_MENU_ITEM);
  g_autoptr(GListStore) nothing = g_list_store_new (G_TYPE_MENU_ITEM);
  const char *labels[] = { "first", "second", "third" };

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GMenuItem) old = g_menu_item_new ("old", NULL);

      g_list_store_append (store, old);
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (labels[i], NULL);

      g_list_store_append (read, item);
    }

  kefu_list_store_replace_all (store, G_LIST_MODEL (read));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GMenuItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GMenuItem) expected = g_list_model_get_item (G_LIST_MODEL (read), i);

      /* The same objects, not copies: a row bound to one stays bound to it. */
      g_assert_true (item == expected);
    }

  kefu_list_store_replace_all (store, G_LIST_MODEL (nothing));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

/* An empty part is left out: a screen reader must never read a bare comma. */
static void
test_accessible_label (void)
{
  g_autoptr(GString) label = g_string_new ("14:05");

  kefu_accessible_label_append (label, "王芳");
  kefu_accessible_label_append (label, "");
  kefu_accessible_label_append (label, NULL);
  kefu_accessible_label_append (label, "by 李明");
  g_assert_cmpstr (label->str, ==, "14:05, 王芳, by 李明");
}

/* The error page says why and what to do, and is the page shown. */
static void
test_show_error (void)
{
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  AdwStatusPage *error_page = ADW_STATUS_PAGE (adw_status_page_new ());

  g_object_ref_sink (stack);
  gtk_stack_add_named (stack, gtk_label_new ("list"), "list");
  gtk_stack_add_named (stack, GTK_WIDGET (error_page), "error");
  gtk_stack_set_visible_child_name (stack, "list");

  kefu_list_loader_show_error (stack, error_page, "The database is locked.");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (error_page), ==,
                   "The database is locked. Check the connection to the database, then try again.");

  g_object_unref (stack);
}

int
main (int   argc,
      char *argv[])
{
  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/list-loader/replace-all", test_replace_all);
  g_test_add_func ("/kefu/list-loader/accessible-label", test_accessible_label);
  g_test_add_func ("/kefu/list-loader/show-error", test_show_error);

  return g_test_run ();
}
