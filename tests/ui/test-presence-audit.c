/* test-presence-audit.c: "being edited by" on a record's page, from a second connection as
 * another workstation would write it (its banner, the page's own mark while typing and gone when
 * saved), and the managers' "who changed what" dialog (by staff member and period, a row opening
 * its record, one record's history), over a real SQLite store.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "customers/kefu-customer-page.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-presence.h"
#include "widgets/kefu-audit-dialog.h"

#include "kefu-ui-test.h"

typedef struct
{
  char      *dir;
  KefuStore *store;      /* this workstation's */
  KefuStore *other;      /* another workstation's connection to the same file */
  gint64     manager;
  gint64     clerk;
  gint64     customer;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->manager = kefu_test_add_staff (fixture->store, "赵敏", "zhaomin", KEFU_ROLE_CS_MANAGER);
  fixture->clerk = kefu_test_add_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->other = kefu_store_open (path, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->other, fixture->clerk);
  kefu_store_set_actor (fixture->store, fixture->manager);

  kefu_customer_set_name (customer, "张三");
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (fixture->other, customer, NULL, &error));
  g_assert_no_error (error);
  fixture->customer = kefu_record_get_id (KEFU_RECORD (customer));

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kefu_test_flush ();
  g_assert_finalize_object (fixture->other);
  g_assert_finalize_object (fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
find_by_id (GtkWidget  *root,
            GType       type,
            const char *id)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (root, type);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (all->pdata[i]), id) == 0)
      return all->pdata[i];
  g_error ("No %s with id %s", g_type_name (type), id);
  return NULL;
}

static gboolean
marked_by (KefuStore *reader,
           gint64     entity_id,
           gint64     staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) marks = kefu_store_list_presence (reader, "customers", entity_id, NULL,
                                                          &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(KefuPresence) mark = g_list_model_get_item (marks, i);

      if (kefu_presence_get_staff_id (mark) == staff_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_presence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KefuCustomerPage *page;
  GtkWidget *view = adw_navigation_view_new ();
  GtkWidget *banner;
  GtkWidget *address;

  /* 王芳 has the customer open for editing at another workstation. */
  g_assert_true (kefu_store_mark_presence (fixture->other, "customers", fixture->customer,
                                           "other-pc:1", NULL, &error));
  g_assert_no_error (error);

  adw_window_set_content (ADW_WINDOW (fixture->window), view);
  page = kefu_customer_page_new (fixture->store, fixture->customer);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), ADW_NAVIGATION_PAGE (page));
  banner = find_by_id (GTK_WIDGET (page), ADW_TYPE_BANNER, "presence_banner");
  kefu_test_wait_until (adw_banner_get_revealed (ADW_BANNER (banner)));
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "Being edited by 王芳 since"));
  kefu_test_wait_until (!kefu_customer_page_get_busy (page));

  /* Typing marks this page's record for the others; saving removes the mark. */
  g_assert_false (marked_by (fixture->other, fixture->customer, fixture->manager));
  address = find_by_id (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "address_row");
  gtk_editable_set_text (GTK_EDITABLE (address), "北京市西城区金融大街 7 号");
  kefu_test_wait_until (marked_by (fixture->other, fixture->customer, fixture->manager));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL));
  kefu_test_wait_until (!kefu_customer_page_get_busy (page)
                        && !kefu_customer_page_get_modified (page));
  kefu_test_wait_until (!marked_by (fixture->other, fixture->customer, fixture->manager));

  /* 王芳 closes her edit: the page says so on its next read. */
  g_assert_true (kefu_store_unmark_presence (fixture->other, "customers", fixture->customer,
                                             "other-pc:1", NULL, &error));
  g_assert_no_error (error);
}

static void
open_record_cb (KefuAuditDialog *dialog,
                const char      *entity,
                gint64           entity_id,
                gpointer         user_data)
{
  char **opened = user_data;

  g_free (*opened);
  *opened = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, entity_id);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(KefuCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *expected = NULL;
  KefuAuditDialog *dialog;
  GListModel *events;
  GtkWidget *list;

  /* 王芳 renames the customer. */
  customer = kefu_store_get_customer (fixture->other, fixture->customer, NULL, &error);
  g_assert_no_error (error);
  kefu_customer_set_name (customer, "张三丰");
  g_assert_true (kefu_store_update_customer (fixture->other, customer, NULL, &error));
  g_assert_no_error (error);

  /* The manager: 王芳's changes in the last 7 days, newest first. */
  dialog = kefu_audit_dialog_new (fixture->store, NULL, 0);
  g_signal_connect (dialog, "open-record", G_CALLBACK (open_record_cb), &opened);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (fixture->window));
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  kefu_audit_dialog_set_filter (dialog, fixture->clerk, 7);
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  events = kefu_audit_dialog_get_events (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  {
    g_autoptr(KefuEvent) newest = g_list_model_get_item (events, 0);

    g_assert_cmpstr (kefu_event_get_action (newest), ==, "update");
    g_assert_cmpstr (kefu_event_get_staff_name (newest), ==, "王芳");
  }
  /* The manager's own: none (the staff were added by the system). */
  kefu_audit_dialog_set_filter (dialog, fixture->manager, 0);
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);

  /* Everyone, all time; a row opens its record. */
  kefu_audit_dialog_set_filter (dialog, 0, 0);
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 2);
  list = find_by_id (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW, "list_view");
  g_signal_emit_by_name (list, "activate", 0);
  expected = g_strdup_printf ("customers:%" G_GINT64_FORMAT, fixture->customer);
  g_assert_cmpstr (opened, ==, expected);
  adw_dialog_force_close (ADW_DIALOG (dialog));

  /* One record's history. */
  dialog = kefu_audit_dialog_new (fixture->store, "customers", fixture->customer);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (fixture->window));
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_audit_dialog_get_events (dialog)), ==, 2);
  g_assert_nonnull (strstr (adw_dialog_get_title (ADW_DIALOG (dialog)), "History of Customer"));
  adw_dialog_force_close (ADW_DIALOG (dialog));

  /* A clerk is refused, and the dialog says why. */
  kefu_store_set_actor (fixture->store, fixture->clerk);
  dialog = kefu_audit_dialog_new (fixture->store, "customers", fixture->customer);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (fixture->window));
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_audit_dialog_get_events (dialog)), ==, 0);
  {
    g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
    gboolean said = FALSE;

    for (guint i = 0; i < labels->len; i++)
      said = said || strstr (gtk_label_get_text (labels->pdata[i]), "Only managers") != NULL;
    g_assert_true (said);
  }
  adw_dialog_force_close (ADW_DIALOG (dialog));
  kefu_store_set_actor (fixture->store, fixture->manager);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  data_home = kefu_test_init (&argc, &argv);

  g_test_add ("/kefu/presence/customer-page", Fixture, NULL, fixture_set_up, test_presence,
              fixture_tear_down);
  g_test_add ("/kefu/audit/dialog", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);

  return kefu_test_run (data_home);
}
