/* test-customer-callback-times.c: a customer's own callback times: read from the store, a bad
 * range refused with its reason, the quick picks, saved and read back; and the group on the
 * customer's page.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-customer-callback-times"

#include "config.h"

#include "customers/kefu-customer-callback-times.h"
#include "customers/kefu-customer-page.h"
#include "store/kefu-store-callbacks.h"

#include "kefu-ui-test.h"

static gint64
add_customer (KefuStore  *store,
              const char *name,
              const char *phone)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };

  /* Records are written in someone's name. */
  if (kefu_store_get_actor (store) == 0)
    kefu_store_set_actor (store, kefu_test_add_staff (store, "赵敏", "zhaomin",
                                                      KEFU_ROLE_CS_MANAGER));

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

static GtkEditable *
entry_titled (GtkWidget  *root,
              const char *title)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (root, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]),
                   g_dgettext (GETTEXT_PACKAGE, title)) == 0)
      return rows->pdata[i];
  g_error ("no row %s", title);
  return NULL;
}

static GtkWidget *
button_for (GtkWidget  *root,
            const char *action)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];
  g_error ("no button for %s", action);
  return NULL;
}

static void
wait_times (KefuCustomerCallbackTimes *times)
{
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_customer_callback_times_get_busy (times));
  kefu_test_flush ();
}

static void
read_times (KefuStore  *store,
            gint64      customer_id,
            char      **quiet,
            char      **preferred)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_get_customer_callback_times (store, customer_id, quiet, preferred,
                                                         NULL, &error));
  g_assert_no_error (error);
}

static void
test_edit_and_save (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  gint64 customer_id = add_customer (store, "王芳", "13800138000");
  gint64 other_id = add_customer (store, "李强", "13900139000");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *widget = kefu_customer_callback_times_new ();
  KefuCustomerCallbackTimes *times = KEFU_CUSTOMER_CALLBACK_TIMES (widget);
  GtkEditable *quiet_row, *preferred_row;
  GtkWidget *save;
  g_autoptr(GError) error = NULL;

  /* The other customer's times are already there ("" for no preferred times: the store is
   * never given NULL). */
  g_assert_true (kefu_store_set_customer_callback_times (store, other_id, "12:00-15:00", "", NULL,
                                                         &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (window, 640, 480);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  g_object_set (widget, "store", store, "customer-id", other_id, NULL);
  wait_times (times);
  quiet_row = entry_titled (widget, "Extra Rest Time (do not call)");
  preferred_row = entry_titled (widget, "Preferred Times");
  save = button_for (widget, "callback-times.save");
  g_assert_cmpstr (gtk_editable_get_text (quiet_row), ==, "12:00-15:00");
  g_assert_cmpstr (gtk_editable_get_text (preferred_row), ==, "");
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Another customer: theirs, none yet. */
  g_object_set (widget, "customer-id", customer_id, NULL);
  wait_times (times);
  g_assert_cmpstr (gtk_editable_get_text (quiet_row), ==, "");

  /* A range that is not one is refused with the reason under it; nothing to save. */
  gtk_editable_set_text (preferred_row, "18:00-25:00");
  kefu_test_flush ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (preferred_row), "error"));
  {
    g_autoptr(GPtrArray) labels = kefu_test_find_all (widget, GTK_TYPE_LABEL);
    gboolean shown = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "error")
          && gtk_widget_is_visible (labels->pdata[i])
          && gtk_label_get_label (labels->pdata[i])[0] != '\0')
        shown = TRUE;
    g_assert_true (shown);
  }
  g_assert_false (gtk_widget_get_sensitive (save));
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "customer-callback-times-refused");
  gtk_editable_set_text (preferred_row, "");

  /* The quick picks fill the ranges, once each. */
  g_assert_true (gtk_widget_activate_action (widget, "callback-times.never-before-ten", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "callback-times.never-before-ten", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "callback-times.prefers-evenings", NULL));
  kefu_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (quiet_row), ==, "00:00-10:00");
  g_assert_cmpstr (gtk_editable_get_text (preferred_row), ==, "18:00-20:30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (preferred_row), "error"));
  g_assert_true (gtk_widget_get_sensitive (save));
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "customer-callback-times");

  /* Saved on the worker, read back from the store. */
  g_signal_emit_by_name (save, "clicked");
  wait_times (times);
  {
    g_autofree char *quiet = NULL;
    g_autofree char *preferred = NULL;

    read_times (store, customer_id, &quiet, &preferred);
    g_assert_cmpstr (quiet, ==, "00:00-10:00");
    g_assert_cmpstr (preferred, ==, "18:00-20:30");
  }
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Emptying one list clears it in the store. */
  gtk_editable_set_text (quiet_row, "");
  kefu_test_flush ();
  g_signal_emit_by_name (save, "clicked");
  wait_times (times);
  {
    g_autofree char *quiet = NULL;
    g_autofree char *preferred = NULL;

    read_times (store, customer_id, &quiet, &preferred);
    g_assert_true (quiet == NULL || quiet[0] == '\0');
    g_assert_cmpstr (preferred, ==, "18:00-20:30");
  }

  gtk_window_destroy (window);
  kefu_test_remove_dir (dir);
}

/* The customer's page holds the group, bound to its store and customer. */
static void
test_on_customer_page (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  gint64 customer_id = add_customer (store, "陈静", "13700137000");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = adw_navigation_view_new ();
  KefuCustomerPage *page;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  KefuCustomerCallbackTimes *times;

  g_assert_true (kefu_store_set_customer_callback_times (store, customer_id, "00:00-10:00",
                                                         "18:00-20:30", NULL, &error));
  g_assert_no_error (error);
  page = kefu_customer_page_new (store, customer_id);
  gtk_window_set_default_size (window, 1000, 900);
  gtk_window_set_child (window, view);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), ADW_NAVIGATION_PAGE (page));
  gtk_window_present (window);
  kefu_test_wait_until (!kefu_customer_page_get_busy (page));
  groups = kefu_test_find_all (GTK_WIDGET (page), KEFU_TYPE_CUSTOMER_CALLBACK_TIMES);
  g_assert_cmpuint (groups->len, ==, 1);
  times = groups->pdata[0];
  wait_times (times);
  g_assert_cmpstr (gtk_editable_get_text (entry_titled (GTK_WIDGET (times),
                                                        "Extra Rest Time (do not call)")),
                   ==, "00:00-10:00");
  g_assert_cmpstr (gtk_editable_get_text (entry_titled (GTK_WIDGET (times), "Preferred Times")),
                   ==, "18:00-20:30");
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "customer-page-callback-times");

  gtk_window_destroy (window);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);
  g_test_add_func ("/kefu/customer-callback-times/edit-and-save", test_edit_and_save);
  g_test_add_func ("/kefu/customer-callback-times/on-customer-page", test_on_customer_page);
  return kefu_test_run (data_home);
}
