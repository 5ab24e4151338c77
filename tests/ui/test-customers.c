/* test-customers.c: the customers pane over a real store, driven as a manager and a clerk would:
 * searching and sorting the list, editing a customer (refused, then saved, then a stale save),
 * assigning the unassigned customers to clerks, importing and exporting CSV, the history view,
 * and the pane inside the main window.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-customers"

#include "config.h"

#include <string.h>

#include "core/kefu-call.h"
#include "core/kefu-customer-import.h"
#include "customers/kefu-assign-dialog.h"
#include "customers/kefu-customer-page.h"
#include "customers/kefu-customers-pane.h"
#include "customers/kefu-import-dialog.h"
#include "kefu-application.h"
#include "kefu-window.h"
#include "widgets/kefu-conflict-dialog.h"
#include "widgets/kefu-customer-history-view.h"

#include "kefu-ui-test.h"

typedef struct
{
  char              *dir;
  KefuStore         *store;
  gint64             manager_id;
  gint64             clerks[4];      /* three to assign to, and one who has customers already */
  GtkWindow         *window;
  KefuCustomersPane *pane;
} Fixture;

static const struct {
  const char *name;
  const char *phone;
  const char *district;
} customers[] = {
  { "王伟", "13812345678", "朝阳区" },
  { "王伟东", "139 0000 5678", "海淀区" },
  { "李王伟", "010-62345678", "东城区" },
  { "张三", "13700001111", "西城区" },
  { "赵四", "13600002222", "丰台区" },
  { "孙悟空", "13500003333", "通州区" },
  { "周芷若", "13400004444", "朝阳区" },
  { "郭靖", "13300005555", "海淀区" },
  { "黄蓉", "13200006666", "东城区" },
  { "Anna Li", "13100007777", "西城区" },
  /* These four go to the fourth clerk before the tests start. */
  { "钱多多", "15800001001", "朝阳区" },
  { "马小跳", "15800001002", "海淀区" },
  { "林黛玉", "15800001003", "东城区" },
  { "贾宝玉", "15800001004", "西城区" },
};

#define N_UNASSIGNED 10

static gint64
add_customer (KefuStore  *store,
              const char *name,
              const char *phone,
              const char *district)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_district (customer, district);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

static void
wait_for_pane (KefuCustomersPane *pane)
{
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_customers_pane_get_busy (pane));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) manager = NULL;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->manager_id = kefu_test_add_staff (fixture->store, "赵敏", "zhaomin", KEFU_ROLE_CS_MANAGER);
  fixture->clerks[0] = kefu_test_add_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  fixture->clerks[1] = kefu_test_add_staff (fixture->store, "刘洋", "liuyang", KEFU_ROLE_CLERK);
  fixture->clerks[2] = kefu_test_add_staff (fixture->store, "陈静", "chenjing", KEFU_ROLE_CLERK);
  fixture->clerks[3] = kefu_test_add_staff (fixture->store, "孙丽", "sunli", KEFU_ROLE_CLERK);
  kefu_test_add_staff (fixture->store, "周强", "zhouqiang", KEFU_ROLE_TECHNICIAN);

  kefu_store_set_actor (fixture->store, fixture->manager_id);
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      gint64 id = add_customer (fixture->store, customers[i].name, customers[i].phone,
                                customers[i].district);

      if (i >= N_UNASSIGNED)
        g_array_append_val (ids, id);
    }
  plan = kefu_store_assign_customers (fixture->store, (const gint64 *) (gpointer) ids->data,
                                      ids->len, &fixture->clerks[3], 1, NULL, &error);
  g_assert_no_error (error);

  manager = kefu_store_get_staff (fixture->store, fixture->manager_id, NULL, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
  fixture->pane = KEFU_CUSTOMERS_PANE (kefu_customers_pane_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->pane));
  kefu_customers_pane_set_staff (fixture->pane, manager);
  kefu_customers_pane_set_store (fixture->pane, fixture->store);
  gtk_window_present (fixture->window);
  wait_for_pane (fixture->pane);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kefu_test_flush ();
  g_assert_finalize_object (fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The only widget of `type` whose builder id is `id`, under `root`. */
static GtkWidget *
find_by_id (GtkWidget  *root,
            GType       type,
            const char *id)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (root, type);
  GtkWidget *found = NULL;

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (all->pdata[i]), id) == 0)
      {
        g_assert_null (found);
        found = all->pdata[i];
      }

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (root, type);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (all->pdata[i]), name) == 0)
      return all->pdata[i];

  g_assert_not_reached ();
}

/* Waits for a dialog of `type` to be shown over the window, and for it to stop loading. */
static GtkWidget *
wait_for_dialog (Fixture *fixture,
                 GType    type)
{
  GtkWidget *dialog = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (dialog == NULL)
    {
      g_autoptr(GPtrArray) all = kefu_test_find_all (GTK_WIDGET (fixture->window), type);

      if (all->len > 0)
        dialog = all->pdata[0];
      else if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for a %s", g_type_name (type));
      else
        kefu_test_flush ();
    }

  return dialog;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = kefu_test_find_mapped (GTK_WIDGET (fixture->pane), GTK_TYPE_SEARCH_ENTRY);
  KefuCustomerListModel *model = kefu_customers_pane_get_model (fixture->pane);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits for a pause in typing before it searches. */
  kefu_test_wait_until (g_str_equal (kefu_customer_list_model_get_query (model), text));
  wait_for_pane (fixture->pane);
}

static GPtrArray *
filled_items (KefuCustomerListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (model), i));
  for (guint i = 0; i < n; i++)
    kefu_test_wait_until (kefu_record_get_version (items->pdata[i]) > 0);

  return items;
}

static void
test_search_and_sort (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuCustomerListModel *model = kefu_customers_pane_get_model (fixture->pane);
  GtkWidget *view = kefu_test_find_mapped (GTK_WIDGET (fixture->pane), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *status = find_by_id (GTK_WIDGET (fixture->pane), GTK_TYPE_LABEL, "status_label");
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  g_autoptr(GPtrArray) items = NULL;
  GtkColumnViewColumn *name_column = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (customers));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "14 customers");

  /* The list is the store's order, never a GTK sort or filter model over every row. */
  g_assert_true (GTK_IS_MULTI_SELECTION (selection));
  g_assert_true (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection)) == G_LIST_MODEL (model));

  /* The shown rows fill in. */
  {
    g_autoptr(KefuCustomer) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    kefu_test_wait_until (*kefu_customer_get_name (first) != '\0');
  }

  /* The last 4 digits of a phone: two mobiles and a landline end in 5678. */
  search (fixture, "5678");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "3 customers");

  /* A two-character name, anywhere in the name. */
  search (fixture, "王伟");
  items = filled_items (model);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    g_assert_nonnull (strstr (kefu_customer_get_name (items->pdata[i]), "王伟"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Nobody: the pane says so and how to search. */
  search (fixture, "不存在的人");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (kefu_test_find_mapped (GTK_WIDGET (fixture->pane),
                                                                                       ADW_TYPE_STATUS_PAGE))),
                   ==, "No Matching Customers");

  search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (customers));

  /* Sorting by name, descending, from the column header's sorter. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_id (column), "name") == 0)
        name_column = column;
    }
  g_assert_nonnull (name_column);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), name_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (kefu_customer_list_model_get_sort (model), ==, KEFU_CUSTOMER_SORT_NAME);
  g_assert_true (kefu_customer_list_model_get_descending (model));
  wait_for_pane (fixture->pane);
  items = filled_items (model);
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpint (strcmp (kefu_customer_get_name (items->pdata[i - 1]),
                             kefu_customer_get_name (items->pdata[i])), >=, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* And ascending again: "Anna Li" (Latin letters sort before Chinese) comes first. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), name_column, GTK_SORT_ASCENDING);
  wait_for_pane (fixture->pane);
  items = filled_items (model);
  g_assert_cmpstr (kefu_customer_get_name (items->pdata[0]), ==, "Anna Li");

  /* Selecting rows counts them in the status line. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "14 customers · 2 selected");
}

static KefuCustomerPage *
open_row (Fixture    *fixture,
          const char *name)
{
  KefuCustomerListModel *model = kefu_customers_pane_get_model (fixture->pane);
  GtkWidget *view = kefu_test_find_mapped (GTK_WIDGET (fixture->pane), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) items = filled_items (model);
  KefuCustomerPage *page = NULL;

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (kefu_customer_get_name (items->pdata[i]), name))
      g_signal_emit_by_name (view, "activate", i);

  kefu_test_wait_until ((page = (KefuCustomerPage *) adw_navigation_view_get_visible_page (
                           ADW_NAVIGATION_VIEW (find_by_id (GTK_WIDGET (fixture->pane),
                                                            ADW_TYPE_NAVIGATION_VIEW,
                                                            "navigation_view")))) != NULL &&
                        KEFU_IS_CUSTOMER_PAGE (page));
  wait_for_pane (fixture->pane);
  g_assert_nonnull (kefu_customer_page_get_customer (page));
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)), ==, name);
  return page;
}

static void
save (Fixture          *fixture,
      KefuCustomerPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL));
  wait_for_pane (fixture->pane);
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

/* Both clerks change the same field: the conflict dialog shows both values with who changed it,
 * Save Again waits for a choice, and the chosen value is saved with the other changes merged. */
static void
test_edit_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuCustomerPage *page = open_row (fixture, "张三");
  gint64 id = kefu_customer_page_get_customer_id (page);
  GtkWidget *address = find_by_id (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "address_row");
  GtkWidget *district = find_by_id (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "district_row");
  g_autoptr(KefuCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  KefuConflictDialog *dialog = NULL;
  GtkWidget *theirs;
  GtkWidget *mine;

  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  kefu_customer_set_address (stored, "上海市黄浦区南京东路 1 号");
  kefu_customer_set_notes (stored, "改过地址");
  g_assert_true (kefu_store_update_customer (fixture->store, stored, NULL, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (address), "上海市静安区南京西路 2 号");
  gtk_editable_set_text (GTK_EDITABLE (district), "静安区");
  save (fixture, page);
  kefu_test_wait_until ((dialog = (KefuConflictDialog *)
                           adw_window_get_visible_dialog (ADW_WINDOW (fixture->window))) != NULL);
  g_assert_true (KEFU_IS_CONFLICT_DIALOG (dialog));
  /* Nothing was written over theirs. */
  g_clear_object (&stored);
  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_cmpstr (kefu_customer_get_address (stored), ==, "上海市黄浦区南京东路 1 号");

  /* Only the address is a conflict; both values are offered; Save Again waits for a choice. */
  mine = kefu_conflict_dialog_get_choice_button (dialog, "address", KEFU_MERGE_CHOICE_MINE);
  theirs = kefu_conflict_dialog_get_choice_button (dialog, "address", KEFU_MERGE_CHOICE_THEIRS);
  g_assert_nonnull (mine);
  g_assert_nonnull (theirs);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "customer-conflict-dialog");
  g_assert_null (kefu_conflict_dialog_get_choice_button (dialog, "district",
                                                         KEFU_MERGE_CHOICE_MINE));
  g_assert_null (kefu_conflict_dialog_get_choice_button (dialog, "notes", KEFU_MERGE_CHOICE_MINE));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.save", NULL);
  kefu_test_flush ();
  g_assert_true (adw_window_get_visible_dialog (ADW_WINDOW (fixture->window)) == ADW_DIALOG (dialog));
  g_assert_cmpuint (kefu_merge_get_n_undecided (kefu_conflict_dialog_get_merge (dialog)), ==, 1);
  /* Side by side: their value with who changed it, and the one typed. */
  g_assert_true (has_label (GTK_WIDGET (dialog), "上海市黄浦区南京东路 1 号"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "上海市静安区南京西路 2 号"));
  g_assert_true (has_label_containing (GTK_WIDGET (dialog), "赵敏"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (mine), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.save", NULL));
  wait_for_pane (fixture->pane);

  g_clear_object (&stored);
  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_address (stored), ==, "上海市静安区南京西路 2 号");
  g_assert_cmpstr (kefu_customer_get_district (stored), ==, "静安区");
  g_assert_cmpstr (kefu_customer_get_notes (stored), ==, "改过地址");
  g_assert_false (kefu_customer_page_get_modified (page));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  KefuCustomerPage *page = open_row (fixture, "张三");
  gint64 id = kefu_customer_page_get_customer_id (page);
  GtkWidget *address = find_by_id (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "address_row");
  GtkWidget *address_error = find_by_id (GTK_WIDGET (page), GTK_TYPE_LABEL, "address_error");
  GtkWidget *notes = find_by_id (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "notes_view");
  GtkWidget *banner = find_by_id (GTK_WIDGET (page), ADW_TYPE_BANNER, "banner");
  g_autoptr(GString) too_long = g_string_new (NULL);
  g_autoptr(KefuCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  /* An address over the limit: the reason shows under the field as it is typed, and Save
   * refuses without touching the store or the form. */
  for (guint i = 0; i < 301; i++)
    g_string_append (too_long, "路");
  gtk_editable_set_text (GTK_EDITABLE (address), too_long->str);
  g_assert_true (gtk_widget_has_css_class (address, "error"));
  g_assert_true (gtk_widget_get_visible (address_error));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (address_error)), "Address"));
  g_assert_true (kefu_customer_page_get_modified (page));
  /* Going back would lose it: only Save or Discard Changes leave the page. */
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                     "discard_button")));
  save (fixture, page);
  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_address (stored), ==, "");
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (stored)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, too_long->str);
  g_clear_object (&stored);

  /* A valid one: the error goes, Save stores it, the form is clean again. */
  gtk_editable_set_text (GTK_EDITABLE (address), "北京市西城区金融大街 7 号 ");
  g_assert_false (gtk_widget_has_css_class (address, "error"));
  g_assert_false (gtk_widget_get_visible (address_error));
  save (fixture, page);
  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_address (stored), ==, "北京市西城区金融大街 7 号");
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (stored)), ==, 2);
  g_assert_false (kefu_customer_page_get_modified (page));
  /* The form shows the stored (trimmed) text. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, "北京市西城区金融大街 7 号");

  /* Another clerk saves the customer meanwhile (the district): this save is refused by the
   * version check, never written over theirs; the fields only one side changed merge by
   * themselves and the merged record is saved at once: their district and the notes typed. */
  kefu_customer_set_district (stored, "海淀区");
  g_assert_true (kefu_store_update_customer (fixture->store, stored, NULL, &error));
  g_assert_no_error (error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "只在上午送奶", -1);
  save (fixture, page);
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));
  g_clear_object (&stored);
  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_notes (stored), ==, "只在上午送奶");
  g_assert_cmpstr (kefu_customer_get_district (stored), ==, "海淀区");
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (stored)), ==, 4);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  g_assert_cmpstr (typed, ==, "只在上午送奶");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (page),
                                                                      ADW_TYPE_ENTRY_ROW,
                                                                      "district_row"))), ==,
                   "海淀区");
  g_assert_false (kefu_customer_page_get_modified (page));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (page)));

  /* Discard Changes puts the stored values back. */
  gtk_editable_set_text (GTK_EDITABLE (address), "随便写的");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.discard", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, "北京市西城区金融大街 7 号");
  g_assert_false (kefu_customer_page_get_modified (page));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (page)));

  /* A phone number that is not one is refused with the normaliser's reason. */
  {
    GtkWidget *phones_error = find_by_id (GTK_WIDGET (page), GTK_TYPE_LABEL, "phones_error");
    g_autoptr(GPtrArray) rows = kefu_test_find_all (find_by_id (GTK_WIDGET (page), GTK_TYPE_LIST_BOX,
                                                                "phones_list"),
                                                    ADW_TYPE_ENTRY_ROW);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "137 0000 1111");
    gtk_editable_set_text (rows->pdata[0], "1370000111");
    save (fixture, page);
    g_assert_true (gtk_widget_get_visible (phones_error));
    g_assert_true (gtk_widget_has_css_class (rows->pdata[0], "error"));
    g_clear_object (&stored);
    stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kefu_customer_get_primary_phone (stored), ==, "13700001111");
  }
}

static void
test_assign (Fixture       *fixture,
             gconstpointer  data)
{
  KefuAssignDialog *dialog;
  g_autoptr(GtkWidget) dialog_ref = NULL;
  GArray *plan;
  GtkWidget *assign_button = find_by_id (GTK_WIDGET (fixture->pane), GTK_TYPE_BUTTON, "assign_button");
  gint64 counts[3] = { 0 };
  gint64 clerk_counts[3];

  /* A manager may assign. */
  g_assert_true (gtk_widget_get_visible (assign_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "customers.assign", NULL));
  dialog = KEFU_ASSIGN_DIALOG (wait_for_dialog (fixture, KEFU_TYPE_ASSIGN_DIALOG));
  dialog_ref = g_object_ref (GTK_WIDGET (dialog));
  kefu_test_wait_until (!kefu_assign_dialog_get_busy (dialog));

  /* Nothing selected: every unassigned customer, to every clerk at first. */
  plan = kefu_assign_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->len, ==, 4);

  /* Only the first three clerks: the preview gives them 4, 3 and 3. */
  {
    g_autofree char *name = g_strdup_printf ("clerk-%" G_GINT64_FORMAT, fixture->clerks[3]);

    GtkWidget *check = find_named (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, name);
    GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

    /* A screen reader names each box by its clerk's row, whose title labels it. */
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "孙丽");
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (check),
                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  }
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_assign_dialog_get_busy (dialog));
  plan = kefu_assign_dialog_get_plan (dialog);
  g_assert_cmpuint (plan->len, ==, 3);
  for (guint i = 0; i < plan->len; i++)
    {
      KefuAssignmentCount *count = &g_array_index (plan, KefuAssignmentCount, i);
      guint clerk = 0;

      /* In the dialog's order (the clerks' names); the fourth is not among them. */
      while (clerk < 3 && fixture->clerks[clerk] != count->clerk_id)
        clerk++;
      g_assert_cmpuint (clerk, <, 3);
      g_assert_cmpint (count->current, ==, 0);
      counts[clerk] = count->added;
    }
  g_assert_cmpint (counts[0] + counts[1] + counts[2], ==, N_UNASSIGNED);
  g_assert_cmpint (MAX (counts[0], MAX (counts[1], counts[2])), ==, 4);
  g_assert_cmpint (MIN (counts[0], MIN (counts[1], counts[2])), ==, 3);

  /* Nothing is assigned before the confirmation. */
  {
    KefuCustomerFilter filter = { NULL, -1, FALSE, FALSE };
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = kefu_store_list_customer_ids (fixture->store, &filter,
                                                          KEFU_CUSTOMER_SORT_NAME, FALSE,
                                                          NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, N_UNASSIGNED);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assign.confirm", NULL));
  kefu_test_wait_until (gtk_widget_get_parent (GTK_WIDGET (dialog)) == NULL);
  wait_for_pane (fixture->pane);

  for (guint i = 0; i < 3; i++)
    {
      KefuCustomerFilter filter = { NULL, fixture->clerks[i], FALSE, FALSE };
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = kefu_store_list_customer_ids (fixture->store, &filter,
                                                            KEFU_CUSTOMER_SORT_NAME, FALSE,
                                                            NULL, &error);

      g_assert_no_error (error);
      clerk_counts[i] = ids->len;
      g_assert_cmpint (clerk_counts[i], ==, counts[i]);
    }

  /* The first clerk's own list: their new customers, until they first contact them. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KefuStaff) clerk = kefu_store_get_staff (fixture->store, fixture->clerks[0], NULL, &error);
    GtkDropDown *filter = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (fixture->pane), GTK_TYPE_DROP_DOWN,
                                                     "filter_dropdown"));
    GListModel *names = gtk_drop_down_get_model (filter);
    guint mine = GTK_INVALID_LIST_POSITION;
    KefuCustomerListModel *model = kefu_customers_pane_get_model (fixture->pane);

    g_assert_no_error (error);
    kefu_customers_pane_set_staff (fixture->pane, clerk);
    wait_for_pane (fixture->pane);
    /* A clerk may not assign. */
    g_assert_false (gtk_widget_get_visible (assign_button));

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                       "Mine to Contact This Week"))
        mine = i;
    g_assert_cmpuint (mine, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (filter, mine);
    wait_for_pane (fixture->pane);
    g_assert_cmpint (kefu_customer_list_model_get_assigned_clerk_id (model), ==, fixture->clerks[0]);
    g_assert_true (kefu_customer_list_model_get_to_contact (model));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, clerk_counts[0]);
  }
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  /* As Excel writes it on Chinese Windows: GBK, CRLF; a bad phone on line 4 and a customer
   * whose phone is stored already (王伟, written another way) on line 5. */
  const char *text =
    "姓名,电话,地址,区县\r\n"
    "周杰,13511112222,北京市丰台区科学城 1 号,丰台区\r\n"
    "吴刚,135-3333-4444,北京市通州区新华大街 8 号,通州区\r\n"
    "坏行,12345,北京市东城区,东城区\r\n"
    "王伟,+86 138 1234 5678,北京市朝阳区新地址,朝阳区\r\n";
  g_autofree char *gbk = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) dialog_ref = NULL;
  g_autoptr(GtkStringObject) line = NULL;
  KefuImportDialog *dialog;
  gsize length;

  gbk = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, gbk, length, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "customers.import", NULL));
  dialog = KEFU_IMPORT_DIALOG (wait_for_dialog (fixture, KEFU_TYPE_IMPORT_DIALOG));
  dialog_ref = g_object_ref (GTK_WIDGET (dialog));
  kefu_import_dialog_open_file (dialog, file);
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_import_dialog_get_busy (dialog));

  /* The preview: two new, one stored already, one refused with its line and reason. */
  g_assert_cmpuint (kefu_import_dialog_get_n_new (dialog), ==, 2);
  g_assert_cmpuint (kefu_import_dialog_get_n_duplicates (dialog), ==, 1);
  g_assert_cmpuint (kefu_import_dialog_get_n_rejected (dialog), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (kefu_import_dialog_get_rejections (dialog)), ==, 1);
  line = g_list_model_get_item (kefu_import_dialog_get_rejections (dialog), 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (line), "Line 4: "));
  /* The encoding found is shown. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_by_id (GTK_WIDGET (dialog),
                                                                                       ADW_TYPE_ACTION_ROW,
                                                                                       "file_row"))),
                            "GB18030"));
  /* The columns were recognised from their Chinese headers. */
  {
    g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);

    g_assert_cmpuint (rows->len, ==, 4);
    g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[0]), ==, KEFU_IMPORT_FIELD_NAME);
    g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[1]), ==, KEFU_IMPORT_FIELD_PHONE);
    g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[3]), ==, KEFU_IMPORT_FIELD_DISTRICT);
  }

  /* Skip the stored one, import. */
  g_assert_false (kefu_import_dialog_get_merge (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  kefu_test_wait_until (gtk_widget_get_parent (GTK_WIDGET (dialog)) == NULL);
  wait_for_pane (fixture->pane);

  g_assert_cmpint (kefu_store_count_customers (fixture->store, NULL, &error), ==,
                   G_N_ELEMENTS (customers) + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_customers_pane_get_model (fixture->pane))),
                    ==, G_N_ELEMENTS (customers) + 2);
  {
    g_autoptr(GListModel) found = kefu_store_find_customers_by_phone (fixture->store, "13812345678",
                                                                      10, NULL, &error);
    g_autoptr(KefuCustomer) wang = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    wang = g_list_model_get_item (found, 0);
    /* Skipped: the file's address did not replace the stored one. */
    g_assert_cmpstr (kefu_customer_get_address (wang), !=, "北京市朝阳区新地址");
  }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  /* A note that a spreadsheet would run as a formula. */
  {
    g_autoptr(GListModel) found = kefu_store_find_customers_by_phone (fixture->store, "13700001111",
                                                                      1, NULL, &error);
    g_autoptr(KefuCustomer) zhang = g_list_model_get_item (found, 0);

    g_assert_no_error (error);
    kefu_customer_set_notes (zhang, "=HYPERLINK(\"http://example.com\")");
    g_assert_true (kefu_store_update_customer (fixture->store, zhang, NULL, &error));
    g_assert_no_error (error);
  }
  search (fixture, "");

  kefu_customers_pane_export_to_file (fixture->pane, file);
  g_assert_true (kefu_customers_pane_get_busy (fixture->pane));
  wait_for_pane (fixture->pane);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  /* Every line ends with CRLF: no bare LF anywhere. */
  for (gsize i = 0; i < length; i++)
    if (contents[i] == '\n')
      g_assert_cmpint (contents[i - 1], ==, '\r');

  lines = g_strsplit (contents + 3, "\r\n", -1);
  /* The header, one line per customer, and the empty piece after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (customers) + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Name,Phone,Address,District,Member"));
  /* Phones stay text in a spreadsheet, the landline keeps its 0, formulas are disarmed. */
  g_assert_nonnull (strstr (contents, "138-1234-5678"));
  g_assert_nonnull (strstr (contents, "010-6234-5678"));
  g_assert_nonnull (strstr (contents, "'=HYPERLINK"));
  g_assert_null (strstr (contents, ",=HYPERLINK"));
}

static gint64
save_inquiry (KefuStore  *store,
              gint64      clerk_id,
              const char *phone,
              const char *answer,
              gboolean    potential_order,
              GDateTime  *received)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(GError) error = NULL;
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);

  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  kefu_call_set_caller_name (call, "王伟");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk_id);
  kefu_call_set_received_at (call, received);
  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRICES);
  kefu_inquiry_set_answer (inquiry, answer);
  kefu_inquiry_set_potential_order (inquiry, potential_order);

  kefu_store_set_actor (store, clerk_id);
  g_assert_true (kefu_store_save_call (store, call, NULL, &error));
  g_assert_no_error (error);
  return kefu_call_get_customer_id (call);
}

static void
test_history_view (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -3);
  g_autoptr(KefuHistoryEntry) newest = NULL;
  g_autoptr(KefuHistoryEntry) oldest = NULL;
  g_autofree char *status = NULL;
  KefuCustomerHistoryView *view;
  GtkWindow *window;
  gint64 wang;

  wang = save_inquiry (fixture->store, fixture->clerks[0], "13812345678", "鲜牛奶每袋 3 元", FALSE, earlier);
  g_assert_cmpint (save_inquiry (fixture->store, fixture->clerks[1], "138 1234 5678", "想订一个月",
                                 TRUE, now), ==, wang);

  window = GTK_WINDOW (gtk_window_new ());
  view = KEFU_CUSTOMER_HISTORY_VIEW (kefu_customer_history_view_new ());
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  /* No customer: nothing loads, the empty state says what will show. */
  kefu_customer_history_view_set_store (view, fixture->store);
  g_assert_false (kefu_customer_history_view_get_busy (view));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (kefu_test_find_mapped (GTK_WIDGET (view),
                                                                                       ADW_TYPE_STATUS_PAGE))),
                   ==, "No Customer Chosen");

  /* A customer without calls, then (before that answer) the one with two: only the second
   * answer is shown. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) found = kefu_store_find_customers_by_phone (fixture->store, "13700001111",
                                                                      1, NULL, &error);
    g_autoptr(KefuCustomer) zhang = g_list_model_get_item (found, 0);

    g_assert_no_error (error);
    kefu_customer_history_view_set_customer_id (view, kefu_record_get_id (KEFU_RECORD (zhang)));
    g_assert_true (kefu_customer_history_view_get_busy (view));
  }
  kefu_customer_history_view_set_customer_id (view, wang);
  g_assert_true (kefu_customer_history_view_get_busy (view));
  kefu_test_wait_until (!kefu_customer_history_view_get_busy (view));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_customer_history_view_get_entries (view)), ==, 2);

  /* Newest first, with the lead's state in words and the clerk. */
  newest = g_list_model_get_item (kefu_customer_history_view_get_entries (view), 0);
  oldest = g_list_model_get_item (kefu_customer_history_view_get_entries (view), 1);
  g_assert_cmpstr (kefu_history_entry_get_summary (newest), ==, "想订一个月");
  g_assert_cmpstr (kefu_history_entry_get_staff_name (newest), ==, "刘洋");
  status = kefu_customer_history_format_status (kefu_history_entry_get_kind (newest),
                                                kefu_history_entry_get_status (newest));
  g_assert_cmpstr (status, ==, "To follow up");
  g_assert_null (kefu_customer_history_format_status (kefu_history_entry_get_kind (oldest),
                                                      kefu_history_entry_get_status (oldest)));
  g_assert_true (g_str_has_prefix (kefu_history_entry_get_reference (newest), "ZX-"));

  /* The rows are on screen, and a screen reader hears the whole entry. */
  {
    g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (view), GTK_TYPE_LABEL);
    gboolean seen = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_mapped (labels->pdata[i]) &&
          g_strcmp0 (gtk_label_get_label (labels->pdata[i]), "To follow up") == 0)
        seen = TRUE;
    g_assert_true (seen);
  }

  /* Back to no customer: the entries go at once. */
  kefu_customer_history_view_set_customer_id (view, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kefu_customer_history_view_get_entries (view)), ==, 0);

  gtk_window_destroy (window);
  kefu_test_flush ();
}

static void
test_in_window (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  g_autoptr(GPtrArray) panes = NULL;
  KefuCustomersPane *pane;
  KefuWindow *window;

  kefu_test_reset_settings ();
  g_settings_set_string (settings, "current-staff-database",
                         kefu_store_get_description (fixture->store));
  g_settings_set_int64 (settings, "current-staff-id", fixture->manager_id);

  window = kefu_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  kefu_window_set_store (window, fixture->store);
  kefu_test_wait_until (!kefu_window_get_busy (window));

  panes = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_CUSTOMERS_PANE);
  g_assert_cmpuint (panes->len, ==, 1);
  pane = panes->pdata[0];
  g_assert_true (kefu_customers_pane_get_store (pane) == fixture->store);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_customers_pane_get_staff (pane))), ==,
                   fixture->manager_id);
  /* Not shown yet: nothing read. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_customers_pane_get_model (pane))), ==, 0);

  /* Shown: read, and the window waits for it. */
  g_assert_true (kefu_window_select_pane (window, "customers"));
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (window));
  g_assert_false (kefu_customers_pane_get_busy (pane));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_customers_pane_get_model (pane))), ==,
                    G_N_ELEMENTS (customers));

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kefu/customers/search-and-sort", Fixture, NULL,
              fixture_set_up, test_search_and_sort, fixture_tear_down);
  g_test_add ("/kefu/customers/edit", Fixture, NULL,
              fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/kefu/customers/edit-conflict", Fixture, NULL,
              fixture_set_up, test_edit_conflict, fixture_tear_down);
  g_test_add ("/kefu/customers/assign", Fixture, NULL,
              fixture_set_up, test_assign, fixture_tear_down);
  g_test_add ("/kefu/customers/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/kefu/customers/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/kefu/customers/history-view", Fixture, NULL,
              fixture_set_up, test_history_view, fixture_tear_down);
  g_test_add ("/kefu/customers/in-window", Fixture, NULL,
              fixture_set_up, test_in_window, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
