/* test-complaint-banner.c: the batch alert banner: hidden without alerts, its words for one
 * flagged batch, the dialog listing the batch's complaints (a row opens one), and the QC
 * manager taking note, after which the banner goes.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-banner"

#include "config.h"

#include "complaints/kefu-batch-alert-banner-private.h"
#include "complaints/kefu-batch-alert-dialog.h"
#include "store/kefu-store-complaints.h"

#include "kefu-ui-test.h"

typedef struct
{
  char       *dir;
  KefuStore  *store;
  gint64      clerk;
  gint64      qc_manager;
  gint64      milk;
  AdwWindow  *window;
  KefuBatchAlertBanner *banner;
  GArray     *opened;
} Fixture;

static gint64
make_staff (KefuStore  *store,
            const char *name,
            const char *login,
            KefuRole    role,
            const char *department_name)
{
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;

  kefu_department_set_name (department, department_name);
  g_assert_true (kefu_store_create_department (store, department, NULL, &error));
  g_assert_no_error (error);
  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_department_id (staff, kefu_record_get_id (KEFU_RECORD (department)));
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (staff));
}

static void
save_product_complaint (Fixture    *fixture,
                        const char *customer,
                        int         day)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GDateTime) received = g_date_time_new_utc (2026, 11, day, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, customer);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, "13800138000");
  kefu_call_set_clerk_id (call, fixture->clerk);
  kefu_call_set_received_at (call, received);
  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, "有异味");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  kefu_complaint_set_batch_number (complaint, "20261101A");
  kefu_complaint_set_product_id (complaint, fixture->milk);
  kefu_call_set_complaint (call, complaint);
  g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
  g_assert_no_error (error);
}

static void
open_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *fixture = user_data;
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (fixture->opened, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuProduct) milk = kefu_product_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_INT64);
  GtkWidget *box;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  kefu_store_set_system_actor (fixture->store);
  fixture->clerk = make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK, "客服中心");
  fixture->qc_manager = make_staff (fixture->store, "王品控", "wang", KEFU_ROLE_QC_MANAGER, "品控部");
  kefu_product_set_name (milk, "鲜牛奶");
  kefu_product_set_unit_price (milk, 1250);
  kefu_product_set_active (milk, TRUE);
  g_assert_true (kefu_store_create_product (fixture->store, milk, NULL, &error));
  g_assert_no_error (error);
  fixture->milk = kefu_record_get_id (KEFU_RECORD (milk));
  kefu_store_set_actor (fixture->store, fixture->clerk);

  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (open, "activate", G_CALLBACK (open_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));

  fixture->window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 600);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  fixture->banner = kefu_batch_alert_banner_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->banner));
  gtk_widget_insert_action_group (box, "complaints", G_ACTION_GROUP (group));
  adw_window_set_content (fixture->window, box);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->opened, g_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
dialog_busy (AdwDialog *dialog)
{
  gboolean busy;

  g_object_get (dialog, "busy", &busy, NULL);
  return busy;
}

static AdwDialog *
open_dialog (Fixture *fixture)
{
  AdwDialog *dialog;
  g_autoptr(GPtrArray) banners = kefu_test_find_all (GTK_WIDGET (fixture->banner), ADW_TYPE_BANNER);

  g_signal_emit_by_name (banners->pdata[0], "button-clicked");
  dialog = adw_window_get_visible_dialog (fixture->window);
  g_assert_true (KEFU_IS_BATCH_ALERT_DIALOG (dialog));
  kefu_test_wait_until (!dialog_busy (dialog));
  return dialog;
}

static void
test_banner (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStaff *staff = kefu_staff_new ();
  AdwDialog *dialog;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  kefu_staff_set_role (staff, KEFU_ROLE_CLERK);
  g_object_set (fixture->banner, "store", fixture->store, "staff", staff, NULL);
  g_object_unref (staff);
  kefu_test_flush ();
  g_assert_cmpuint (_kefu_batch_alert_banner_get_n_alerts (fixture->banner), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->banner)));

  /* The third complaint about one batch within the window flags it. */
  save_product_complaint (fixture, "张三", 2);
  save_product_complaint (fixture, "李四", 3);
  kefu_batch_alert_banner_reload (fixture->banner);
  kefu_test_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->banner)));
  save_product_complaint (fixture, "王五", 4);
  kefu_batch_alert_banner_reload (fixture->banner);
  kefu_test_wait_until (_kefu_batch_alert_banner_get_n_alerts (fixture->banner) == 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->banner)));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "batch-alert-banner");

  /* The dialog lists the three, oldest first; a clerk cannot take note. */
  dialog = open_dialog (fixture);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "batch-alert-dialog");
  rows = kefu_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (rows->pdata[0]), "张三"));
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (rows->pdata[2]), "王五"));
  buttons = kefu_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_cmpstr (gtk_button_get_label (buttons->pdata[i]), !=, "Take _Note…");

  /* A row opens its complaint. */
  g_signal_emit_by_name (rows->pdata[1], "activated");
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  {
    g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (fixture->store,
                                                                       g_array_index (fixture->opened, gint64, 0),
                                                                       NULL, NULL);

    g_assert_cmpstr (kefu_complaint_card_get_customer_name (card), ==, "李四");
  }
  kefu_test_flush ();

  /* Last, so that the pictures above are drawn in any language. */
  g_assert_cmpstr (_kefu_batch_alert_banner_get_title (fixture->banner), ==,
                   "3 complaints about 鲜牛奶 batch 20261101A in 3 days: possible quality incident");
}

static void
test_take_note (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStaff *staff = kefu_staff_new ();
  AdwDialog *dialog;
  AdwDialog *question;
  GtkWidget *take_note = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;

  save_product_complaint (fixture, "张三", 2);
  save_product_complaint (fixture, "李四", 2);
  save_product_complaint (fixture, "王五", 2);
  kefu_staff_set_role (staff, KEFU_ROLE_QC_MANAGER);
  kefu_store_set_actor (fixture->store, fixture->qc_manager);
  g_object_set (fixture->banner, "store", fixture->store, "staff", staff, NULL);
  g_object_unref (staff);
  kefu_test_wait_until (_kefu_batch_alert_banner_get_n_alerts (fixture->banner) == 1);
  g_assert_cmpstr (_kefu_batch_alert_banner_get_title (fixture->banner), ==,
                   "3 complaints about 鲜牛奶 batch 20261101A in 1 day: possible quality incident");

  dialog = open_dialog (fixture);
  buttons = kefu_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "Take _Note…") == 0)
      take_note = buttons->pdata[i];
  g_assert_nonnull (take_note);
  g_signal_emit_by_name (take_note, "clicked");

  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "batch-alert-dialog-qc");
  question = adw_window_get_visible_dialog (fixture->window);
  g_assert_true (ADW_IS_ALERT_DIALOG (question));
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (question), "take-note"));
  entries = kefu_test_find_all (GTK_WIDGET (question), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "已封存该批次,送检");
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "batch-alert-take-note");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (question), "take-note"));
  g_signal_emit_by_name (question, "response", "take-note");
  adw_dialog_force_close (question);

  /* The alert leaves the banner and the store says who took note, with the note. */
  kefu_test_wait_until (_kefu_batch_alert_banner_get_n_alerts (fixture->banner) == 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->banner)));
  alerts = kefu_store_list_batch_alerts (fixture->store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_nonnull (((KefuBatchAlert *) alerts->pdata[0])->acknowledged_at);
  g_assert_cmpstr (((KefuBatchAlert *) alerts->pdata[0])->note, ==, "已封存该批次,送检");
  g_assert_cmpstr (((KefuBatchAlert *) alerts->pdata[0])->acknowledged_by_name, ==, "王品控");
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings (KEFU_TEST_LOCALEDIR: pictures in $LANG). */
  kefu_test_choose_language (FALSE);
  gtk_test_init (&argc, &argv, NULL);
  kefu_test_choose_language (TRUE);
  adw_init ();

  g_test_add ("/kefu/complaint-banner/banner", Fixture, NULL,
              fixture_set_up, test_banner, fixture_tear_down);
  g_test_add ("/kefu/complaint-banner/take-note", Fixture, NULL,
              fixture_set_up, test_take_note, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
