/* test-aftersales-shipments.c: a shipment walked from the shipping request to the customer's
 * confirmed receipt by driving the real widgets: the request dialog (the customer found with the
 * caller lookup, its fields checked), the shipment page with each step's dialog, taken by the
 * roles the flow asks for (finance for the payment and the dispatch note, after-sales for the
 * rest), and the list showing the shipment at its step.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-aftersales-shipments"

#include "config.h"

#include <string.h>

#include "aftersales/kefu-job-dialog.h"
#include "aftersales/kefu-shipment-action-dialog.h"
#include "aftersales/kefu-shipment-dialog.h"
#include "aftersales/kefu-shipment-list-cells.h"
#include "aftersales/kefu-shipment-list-view.h"
#include "aftersales/kefu-shipment-page.h"
#include "core/kefu-enums.h"
#include "intake/kefu-caller-lookup.h"
#include "store/kefu-store-archive.h"
#include "store/kefu-store-presence.h"
#include "widgets/kefu-conflict-dialog.h"
#include "widgets/kefu-lazy-item.h"
#include "widgets/kefu-table-cell.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"

typedef struct
{
  char              *dir;
  KefuStore         *store;
  GtkWindow         *window;
  AdwNavigationView *navigation;
  GActionGroup      *actions;    /* the "aftersales" group the pane would install */
  gint64             customer;
  gint64             analyser;
  gint64             reagent;
  gint64             sales_rep;
  gint64             finance;
  gint64             clerk;
  GArray            *opened;     /* gint64: "aftersales.open-shipment" */
  guint              n_reloads;  /* "aftersales.reload" */
  gint64             saved_id;   /* the request dialog's "saved" */
} Fixture;

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
reload_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->n_reloads++;
}

static gint64
make_named_customer (KefuStore  *store,
                     const char *name,
                     const char *phone)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };

  kefu_customer_set_name (customer, name);
  kefu_customer_set_address (customer, "北京市朝阳区建国路88号");
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

static gint64
make_customer (KefuStore *store)
{
  return make_named_customer (store, "张三", "13800138000");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open-shipment", G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) reload = g_simple_action_new ("reload", NULL);
  g_autoptr(GSimpleAction) print = g_simple_action_new ("print-shipment", G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) new_shipment = g_simple_action_new ("new-shipment",
                                                               G_VARIANT_TYPE ("(xx)"));
  gint64 department;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);

  /* Made as the system actor, as kefuctl init does. */
  kefu_store_set_system_actor (fixture->store);
  department = kefu_test_make_department (fixture->store, "售后服务部");
  fixture->sales_rep = kefu_test_make_staff (fixture->store, "李明", "liming",
                                             KEFU_ROLE_SALES_REP, department, TRUE);
  fixture->finance = kefu_test_make_staff (fixture->store, "钱会计", "qian",
                                           KEFU_ROLE_FINANCE, department, TRUE);
  fixture->clerk = kefu_test_make_staff (fixture->store, "王芳", "wangfang",
                                         KEFU_ROLE_CLERK, department, TRUE);
  fixture->analyser = kefu_test_make_product (fixture->store, "分析仪 X200", 1250000);
  fixture->reagent = kefu_test_make_product (fixture->store, "试剂盒", 30000);
  fixture->customer = make_customer (fixture->store);
  kefu_store_set_actor (fixture->store, 0);

  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (open, "activate", G_CALLBACK (open_activated_cb), fixture);
  g_signal_connect (reload, "activate", G_CALLBACK (reload_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (reload));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (print));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (new_shipment));

  fixture->navigation = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());
  /* An AdwWindow, so that dialogs show inside it as they do in Kefu's window. */
  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 1300, 900);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->navigation));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "aftersales",
                                  G_ACTION_GROUP (group));
  fixture->actions = G_ACTION_GROUP (g_object_ref (group));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->actions);
  g_clear_pointer (&fixture->opened, g_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static KefuStaff *
get_staff (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  KefuStaff *staff = kefu_store_get_staff (fixture->store, id, NULL, &error);

  g_assert_no_error (error);
  return staff;
}

static gboolean
is_busy (gpointer object)
{
  gboolean busy;

  g_object_get (object, "busy", &busy, NULL);
  return busy;
}

/* Today in local time as the page writes times ("2026-11-27 …"): each step taken now says it. */
static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* With KEFU_TEST_SHOTS set, a picture of `window` once a dialog's opening animation is over. */
static void
save_shot (GtkWindow  *window,
           const char *name)
{
  if (g_getenv ("KEFU_TEST_SHOTS") == NULL)
    return;

  for (guint i = 0; i < 10; i++)
    kefu_test_flush ();
  kefu_test_maybe_save_shot (GTK_WIDGET (window), name);
}

static void
saved_cb (AdwDialog *dialog,
          gint64     id,
          Fixture   *fixture)
{
  fixture->saved_id = id;
}

/* The shipping request, as the sales rep files it: the customer searched by phone, two lines. */
static gint64
file_request (Fixture *fixture)
{
  g_autoptr(KefuStaff) rep = get_staff (fixture, fixture->sales_rep);
  KefuShipmentDialog *dialog;
  g_autoptr(KefuShipmentDialog) hold = NULL;
  KefuCallerLookup *lookup;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *future = g_date_time_format (next_year, "%Y-%m-%d");

  kefu_store_set_actor (fixture->store, fixture->sales_rep);
  dialog = KEFU_SHIPMENT_DIALOG (kefu_shipment_dialog_new (fixture->store, rep, 0, 0));
  /* Held past its closing, to read what it says once saved. */
  hold = g_object_ref (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (fixture->window));
  kefu_test_wait_until (!kefu_shipment_dialog_get_busy (dialog));

  /* Nothing chosen: each field says what it needs, and nothing is saved. */
  g_assert_false (kefu_shipment_dialog_save (dialog));
  g_assert_nonnull (kefu_shipment_dialog_get_message (dialog, "customer"));
  g_assert_nonnull (kefu_shipment_dialog_get_message (dialog, "line-1-product"));
  g_assert_cmpint (fixture->saved_id, ==, 0);

  /* The customer found by phone, as the intake finds a caller; the address comes with them. */
  lookup = KEFU_CALLER_LOOKUP (kefu_shipment_dialog_get_lookup (dialog));
  kefu_caller_lookup_search (lookup, "13800138000");
  kefu_test_wait_until (!kefu_caller_lookup_get_busy (lookup) &&
                        g_list_model_get_n_items (kefu_caller_lookup_get_results (lookup)) > 0);
  kefu_caller_lookup_pick (lookup, 0);
  g_assert_cmpint (kefu_shipment_dialog_get_customer_id (dialog), ==, fixture->customer);
  g_assert_null (kefu_shipment_dialog_get_message (dialog, "customer"));
  g_assert_null (kefu_shipment_dialog_get_message (dialog, "address"));

  g_assert_true (kefu_shipment_dialog_set_manager (dialog, fixture->sales_rep));
  g_assert_true (kefu_shipment_dialog_set_product (dialog, 1, fixture->analyser));
  kefu_shipment_dialog_set_text (dialog, "line-1-serial", "SN-X200-0001");
  kefu_shipment_dialog_set_text (dialog, "line-1-produced", "2026-10-01");
  kefu_shipment_dialog_set_quantity (dialog, 1, 2);

  /* Two analysers under one product number: refused under the quantity, and offered as a line
   * each, the second with the next number (checked once saved). */
  g_assert_false (kefu_shipment_dialog_save (dialog));
  g_assert_cmpstr (kefu_shipment_dialog_get_message (dialog, "line-1-quantity"), ==,
                   "A product number names one unit: give each unit its own line.");
  save_shot (fixture->window, "shipment-request-one-serial");
  g_assert_true (kefu_shipment_dialog_split_line (dialog, 1));
  g_assert_cmpuint (kefu_shipment_dialog_get_n_lines (dialog), ==, 2);
  g_assert_null (kefu_shipment_dialog_get_message (dialog, "line-1-quantity"));
  g_assert_null (kefu_shipment_dialog_get_message (dialog, "line-2-quantity"));
  g_assert_false (kefu_shipment_dialog_split_line (dialog, 1));

  kefu_shipment_dialog_add_line (dialog);
  g_assert_cmpuint (kefu_shipment_dialog_get_n_lines (dialog), ==, 3);
  g_assert_true (kefu_shipment_dialog_set_product (dialog, 3, fixture->reagent));

  /* A production date still to come is refused under its field, and so is one that is no
   * date at all, with the reason. */
  kefu_shipment_dialog_set_text (dialog, "line-3-produced", future);
  g_assert_false (kefu_shipment_dialog_save (dialog));
  g_assert_nonnull (kefu_shipment_dialog_get_message (dialog, "line-3-produced"));
  save_shot (fixture->window, "shipment-request");
  kefu_shipment_dialog_set_text (dialog, "line-3-produced", "2026-02-30");
  g_assert_nonnull (strstr (kefu_shipment_dialog_get_message (dialog, "line-3-produced"),
                            "no day 30"));
  kefu_shipment_dialog_set_text (dialog, "line-3-produced", "");
  g_assert_null (kefu_shipment_dialog_get_message (dialog, "line-3-produced"));

  g_assert_true (kefu_shipment_dialog_save (dialog));
  kefu_test_wait_until (fixture->saved_id > 0 || kefu_shipment_dialog_get_refusal (dialog) != NULL);
  g_assert_null (kefu_shipment_dialog_get_refusal (dialog));
  kefu_test_flush ();
  return fixture->saved_id;
}

/* Waits for the page to show the shipment read at `step`. */
static void
wait_for_step (KefuShipmentPage *page,
               KefuShipmentStep  step)
{
  kefu_test_wait_until (!is_busy (page) && kefu_shipment_page_get_shipment (page) != NULL &&
                        kefu_shipment_page_get_shipment (page)->step == step);
}

/* The row of `step` names who took it, when (today) and, when given, what it carried. */
static void
assert_step_row (KefuShipmentPage *page,
                 KefuShipmentStep  step,
                 const char       *who,
                 const char       *carried)
{
  g_autofree char *text = kefu_shipment_page_dup_step_text (page, step);
  g_autofree char *today = today_text ();

  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, kefu_shipment_step_get_display_name (step)));
  g_assert_nonnull (strstr (text, who));
  g_assert_nonnull (strstr (text, today));
  if (carried != NULL)
    g_assert_nonnull (strstr (text, carried));
}

/* Presses the page's button of `action` and returns the dialog it opened. */
static KefuShipmentActionDialog *
open_action (KefuShipmentPage   *page,
             KefuShipmentAction  action)
{
  GtkWidget *button = kefu_shipment_page_get_action_button (page, action);
  AdwDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = kefu_shipment_page_get_action_dialog (page);
  g_assert_true (KEFU_IS_SHIPMENT_ACTION_DIALOG (dialog));
  g_assert_cmpint (kefu_shipment_action_dialog_get_action (KEFU_SHIPMENT_ACTION_DIALOG (dialog)),
                   ==, action);
  return KEFU_SHIPMENT_ACTION_DIALOG (dialog);
}

/* Presses the button of an action that carries nothing (taken at once). */
static void
press (KefuShipmentPage   *page,
       KefuShipmentAction  action)
{
  GtkWidget *button = kefu_shipment_page_get_action_button (page, action);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Applies the dialog and waits for the page to show the step it led to. */
static void
apply_action (KefuShipmentPage         *page,
              KefuShipmentActionDialog *dialog,
              KefuShipmentStep          step)
{
  g_autoptr(KefuShipmentActionDialog) hold = g_object_ref (dialog);

  g_assert_true (kefu_shipment_action_dialog_apply (dialog));
  kefu_test_wait_until (kefu_shipment_page_get_action_dialog (page) == NULL ||
                        (!kefu_shipment_action_dialog_get_busy (dialog) &&
                         kefu_shipment_action_dialog_get_refusal (dialog) != NULL));
  g_assert_null (kefu_shipment_page_get_action_dialog (page));
  wait_for_step (page, step);
}

/* Works as `staff_id` from now on: the store's actor and the page's person. */
static void
work_as (Fixture          *fixture,
         KefuShipmentPage *page,
         gint64            staff_id)
{
  g_autoptr(KefuStaff) staff = get_staff (fixture, staff_id);

  kefu_store_set_actor (fixture->store, staff_id);
  g_object_set (page, "staff", staff, NULL);
}

/* The list with the shipment at `step`, its step cell saying so. */
static void
assert_listed (Fixture          *fixture,
               gint64            id,
               KefuShipmentStep  step,
               gboolean          open_only)
{
  KefuShipmentListView *view = KEFU_SHIPMENT_LIST_VIEW (kefu_shipment_list_view_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GListModel *model;
  g_autoptr(KefuLazyItem) item = NULL;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autofree char *step_text = NULL;
  g_autofree char *name = NULL;

  gtk_window_set_default_size (window, 1300, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "aftersales", fixture->actions);
  gtk_window_present (window);
  kefu_shipment_list_view_set_open_only (view, open_only);
  g_object_set (view, "store", fixture->store, NULL);
  model = kefu_shipment_list_view_get_model (view);
  kefu_test_wait_until (!is_busy (view) && g_list_model_get_n_items (model) == 1);

  item = g_list_model_get_item (model, 0);
  kefu_test_wait_until (kefu_lazy_item_get_value (item) != NULL);
  /* Held: a row read again gets a new value. */
  shipment = g_object_ref (kefu_lazy_item_get_value (item));
  g_assert_cmpint (shipment->id, ==, id);
  g_assert_cmpint (shipment->step, ==, step);
  step_text = kefu_shipment_cell_text (shipment, KEFU_SHIPMENT_CELL_STEP, NULL);
  g_assert_nonnull (strstr (step_text, kefu_shipment_step_get_display_name (step)));
  name = kefu_shipment_cell_text (shipment, KEFU_SHIPMENT_CELL_CUSTOMER, NULL);
  g_assert_cmpstr (name, ==, "张三");
  /* The cells' tooltips are asked for when the pointer rests on them (never set at each bind):
   * the customer's cell and the step's say their words whole. */
  {
    g_autoptr(GPtrArray) labels = NULL;
    guint n_found = 0;

    kefu_test_flush ();
    labels = kefu_test_find_all (GTK_WIDGET (view), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *shown = gtk_label_get_label (labels->pdata[i]);
        GtkWidget *child = labels->pdata[i];
        g_autofree char *tooltip = NULL;

        if (g_strcmp0 (shown, name) != 0 && g_strcmp0 (shown, step_text) != 0)
          continue;
        /* The step's label sits in a box beside its bar: the box is the cell's child. */
        if (!gtk_widget_get_has_tooltip (child))
          child = gtk_widget_get_parent (child);
        g_assert_true (gtk_widget_get_has_tooltip (child));
        tooltip = kefu_table_cell_get_tooltip (child);
        g_assert_cmpstr (tooltip, ==, shown);
        n_found++;
      }
    g_assert_cmpuint (n_found, ==, 2);
  }
  {
    g_autofree char *shot = g_strdup_printf ("shipment-list-%s",
                                             kefu_enum_to_nick (KEFU_TYPE_SHIPMENT_STEP, step));

    save_shot (window, shot);
  }

  /* Activating the row asks the pane to open the shipment. */
  {
    g_autoptr(GPtrArray) tables = kefu_test_find_all (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

    g_assert_cmpuint (tables->len, ==, 1);
    g_array_set_size (fixture->opened, 0);
    g_signal_emit_by_name (tables->pdata[0], "activate", 0);
    g_assert_cmpuint (fixture->opened->len, ==, 1);
    g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==, id);
  }

  /* A search by the reference finds it; one by a number nobody has finds nothing. */
  kefu_shipment_list_view_set_search (view, shipment->reference);
  kefu_test_wait_until (!is_busy (view) && g_list_model_get_n_items (model) == 1);
  kefu_shipment_list_view_set_search (view, "FH-19990101-9999");
  kefu_test_wait_until (!is_busy (view) && g_list_model_get_n_items (model) == 0);

  gtk_window_destroy (window);
  kefu_test_flush ();
}

static void
job_saved_cb (AdwDialog *dialog,
              gint64     id,
              gint64    *saved)
{
  *saved = id;
}

/* The installation request opened from a received shipment's page: for its customer, with
 * the product number `serial` (set with kefu_job_dialog_set_serial () when not NULL), saved. */
static void
schedule_installation (Fixture          *fixture,
                       KefuShipmentPage *page,
                       const char       *serial,
                       const char       *expected_serial)
{
  GtkWidget *schedule = kefu_shipment_page_get_schedule_button (page);
  KefuShipment *shipment = kefu_shipment_page_get_shipment (page);
  KefuJobDialog *dialog;
  g_autoptr(KefuJobDialog) hold = NULL;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 job_id = 0;

  g_assert_nonnull (schedule);
  g_signal_emit_by_name (schedule, "clicked");
  dialog = KEFU_JOB_DIALOG (kefu_shipment_page_get_action_dialog (page));
  g_assert_true (KEFU_IS_JOB_DIALOG (dialog));
  hold = g_object_ref (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (job_saved_cb), &job_id);
  if (serial != NULL)
    kefu_job_dialog_set_serial (dialog, serial);
  /* The customer and their serials read, the warranty of the one chosen shown. */
  kefu_test_wait_until (!kefu_job_dialog_get_busy (dialog) &&
                        kefu_job_dialog_get_warranty_text (dialog) != NULL);
  save_shot (fixture->window, "shipment-schedule-installation");
  g_assert_true (kefu_job_dialog_save (dialog));
  kefu_test_wait_until (job_id > 0 || kefu_job_dialog_get_message (dialog) != NULL);
  g_assert_null (kefu_job_dialog_get_message (dialog));

  job = kefu_store_get_job (fixture->store, job_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (job->kind, ==, KEFU_JOB_KIND_INSTALLATION);
  g_assert_cmpint (job->customer_id, ==, shipment->customer_id);
  g_assert_cmpstr (job->serial, ==, expected_serial);
  g_assert_cmpint (job->shipment_id, ==, shipment->id);
  kefu_test_flush ();
}

static void
test_walk (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KefuStaff) rep = NULL;
  KefuShipmentActionDialog *dialog;
  KefuShipmentPage *page;
  gint64 id;

  id = file_request (fixture);
  g_assert_cmpint (id, >, 0);
  assert_listed (fixture, id, KEFU_SHIPMENT_STEP_REQUESTED, TRUE);

  rep = get_staff (fixture, fixture->sales_rep);
  page = KEFU_SHIPMENT_PAGE (kefu_shipment_page_new (fixture->store, rep, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (page));
  wait_for_step (page, KEFU_SHIPMENT_STEP_REQUESTED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_REQUESTED, "李明", "李明");
  g_assert_null (kefu_shipment_page_dup_step_text (page, KEFU_SHIPMENT_STEP_EXCEPTION));
  {
    g_autofree char *text = kefu_shipment_page_dup_step_text (page,
                                                              KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);

    /* Not taken yet: no one and no time. */
    g_assert_null (strstr (text, "钱会计"));
  }

  /* The account manager corrects the request before it is paid: the same form, filled. */
  {
    KefuShipmentDialog *edit;
    g_autoptr(KefuShipmentDialog) hold = NULL;
    KefuShipment *edited;

    press (page, KEFU_SHIPMENT_ACTION_EDIT_DETAILS);
    edit = KEFU_SHIPMENT_DIALOG (kefu_shipment_page_get_action_dialog (page));
    g_assert_true (KEFU_IS_SHIPMENT_DIALOG (edit));
    hold = g_object_ref (edit);
    kefu_test_wait_until (!kefu_shipment_dialog_get_busy (edit));
    g_assert_cmpint (kefu_shipment_dialog_get_customer_id (edit), ==, fixture->customer);
    g_assert_cmpuint (kefu_shipment_dialog_get_n_lines (edit), ==, 3);
    kefu_shipment_dialog_set_quantity (edit, 3, 3);
    kefu_shipment_dialog_set_text (edit, "notes", "加急");
    g_assert_true (kefu_shipment_dialog_save (edit));
    kefu_test_wait_until (kefu_shipment_page_get_action_dialog (page) == NULL ||
                          kefu_shipment_dialog_get_refusal (edit) != NULL);
    g_assert_null (kefu_shipment_dialog_get_refusal (edit));
    kefu_test_wait_until (!is_busy (page) &&
                          g_strcmp0 (kefu_shipment_page_get_shipment (page)->notes, "加急") == 0);
    edited = kefu_shipment_page_get_shipment (page);
    g_assert_cmpuint (edited->lines->len, ==, 3);
    g_assert_cmpuint (((KefuShipmentLine *) edited->lines->pdata[2])->quantity, ==, 3);
    g_assert_cmpstr (((KefuShipmentLine *) edited->lines->pdata[0])->serial, ==, "SN-X200-0001");
    g_assert_cmpuint (((KefuShipmentLine *) edited->lines->pdata[0])->quantity, ==, 1);
    g_assert_cmpstr (((KefuShipmentLine *) edited->lines->pdata[1])->serial, ==, "SN-X200-0002");
    g_assert_cmpuint (((KefuShipmentLine *) edited->lines->pdata[1])->product_id, ==,
                      fixture->analyser);
  }

  /* Payment gating: an after-sales clerk is not offered the payment; finance is. */
  work_as (fixture, page, fixture->clerk);
  g_assert_null (kefu_shipment_page_get_action_button (page, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT));
  g_assert_null (kefu_shipment_page_get_action_button (page, KEFU_SHIPMENT_ACTION_HAND_OVER));

  work_as (fixture, page, fixture->finance);
  dialog = open_action (page, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
  /* No amount: said under the field, nothing saved. */
  g_assert_false (kefu_shipment_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "amount"));
  kefu_shipment_action_dialog_set_text (dialog, "amount", "¥25,300.00");
  g_assert_null (kefu_shipment_action_dialog_get_message (dialog, "amount"));
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, "钱会计", "25,300.00");
  g_assert_cmpuint (fixture->n_reloads, >, 0);

  dialog = open_action (page, KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH);
  kefu_shipment_action_dialog_set_text (dialog, "dispatch", "FD-0042");
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_DISPATCH_ISSUED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, "钱会计", "FD-0042");

  /* After-sales from here on. */
  work_as (fixture, page, fixture->clerk);
  g_assert_null (kefu_shipment_page_get_action_button (page, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT));
  press (page, KEFU_SHIPMENT_ACTION_HAND_OVER);
  wait_for_step (page, KEFU_SHIPMENT_STEP_HANDED_OVER);
  assert_step_row (page, KEFU_SHIPMENT_STEP_HANDED_OVER, "王芳", NULL);

  /* A waybill that does not fit the carrier is said under the field as it is typed, and the
   * shipping is not saved. */
  dialog = open_action (page, KEFU_SHIPMENT_ACTION_SHIP);
  g_assert_true (kefu_shipment_action_dialog_set_carrier (dialog, "顺丰速运"));
  kefu_shipment_action_dialog_set_text (dialog, "waybill", "12345");
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "waybill"));
  g_assert_false (kefu_shipment_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "waybill"));
  save_shot (fixture->window, "shipment-ship-dialog");
  g_assert_true (kefu_shipment_page_get_action_dialog (page) == ADW_DIALOG (dialog));
  g_assert_cmpint (kefu_shipment_page_get_shipment (page)->step, ==,
                   KEFU_SHIPMENT_STEP_HANDED_OVER);
  kefu_shipment_action_dialog_set_text (dialog, "waybill", "SF 1234 5678 9012 3");
  g_assert_null (kefu_shipment_action_dialog_get_message (dialog, "waybill"));
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_SHIPPED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_SHIPPED, "王芳", "SF1234567890123");
  assert_step_row (page, KEFU_SHIPMENT_STEP_SHIPPED, "王芳", "顺丰速运");
  assert_listed (fixture, id, KEFU_SHIPMENT_STEP_SHIPPED, TRUE);

  press (page, KEFU_SHIPMENT_ACTION_DELIVER);
  wait_for_step (page, KEFU_SHIPMENT_STEP_DELIVERED);
  /* The installation is agreed once the customer has confirmed receipt, not before. */
  g_assert_null (kefu_shipment_page_get_schedule_button (page));
  assert_step_row (page, KEFU_SHIPMENT_STEP_DELIVERED, "王芳", NULL);

  dialog = open_action (page, KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT);
  g_assert_false (kefu_shipment_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "receipt"));
  kefu_shipment_action_dialog_set_choice (dialog, "receipt", KEFU_RECEIPT_METHOD_PHONE);
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_RECEIVED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_RECEIVED, "王芳",
                   kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_PHONE));

  save_shot (fixture->window, "shipment-page");
  /* Every step of the way is still there with who and when. */
  assert_step_row (page, KEFU_SHIPMENT_STEP_REQUESTED, "李明", NULL);
  assert_step_row (page, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, "钱会计", NULL);
  assert_step_row (page, KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, "钱会计", NULL);
  /* Received is final: no step moves it any more. */
  g_assert_null (kefu_shipment_page_get_action_button (page, KEFU_SHIPMENT_ACTION_DELIVER));
  g_assert_null (kefu_shipment_page_get_action_button (page, KEFU_SHIPMENT_ACTION_CANCEL));

  /* Received: after-sales agrees the installation with the customer from the page, the
   * request filled with the customer and the shipment's first product number; another of its
   * products can be given instead. */
  schedule_installation (fixture, page, NULL, "SN-X200-0001");
  schedule_installation (fixture, page, "SN-X200-0002", "SN-X200-0002");

  /* Received is not open: the list shows it with Open Only turned off. */
  assert_listed (fixture, id, KEFU_SHIPMENT_STEP_RECEIVED, FALSE);
}

/* A shipment filed and moved through the store directly, as other workstations would. */
static gint64
store_shipment_for (Fixture *fixture,
                    gint64   customer_id)
{
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(KefuShipment) created = NULL;
  g_autoptr(GError) error = NULL;
  KefuShipmentLine *line = kefu_shipment_line_new ();

  line->product_id = fixture->analyser;
  line->quantity = 1;
  request->customer_id = customer_id;
  request->account_manager_id = fixture->sales_rep;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  g_ptr_array_add (request->lines, line);
  kefu_store_set_actor (fixture->store, fixture->sales_rep);
  created = kefu_store_create_shipment (fixture->store, request, NULL, &error);
  g_assert_no_error (error);
  return created->id;
}

static gint64
store_shipment (Fixture *fixture)
{
  return store_shipment_for (fixture, fixture->customer);
}

static void
store_change (Fixture            *fixture,
              gint64              actor,
              KefuShipmentChange *change)
{
  g_autoptr(KefuShipmentChange) owned = change;
  g_autoptr(KefuShipment) changed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 previous = kefu_store_get_actor (fixture->store);

  kefu_store_set_actor (fixture->store, actor);
  changed = kefu_store_change_shipment (fixture->store, owned, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->store, previous);
}

static KefuShipmentChange *
change_now (Fixture            *fixture,
            gint64              id,
            KefuShipmentAction  action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuShipment) shipment = kefu_store_get_shipment (fixture->store, id, NULL, &error);

  g_assert_no_error (error);
  return kefu_shipment_change_new (action, id, shipment->version);
}

/* The page's attention line (an icon and words in the error style). */
static GtkWidget *
find_attention (KefuShipmentPage *page)
{
  g_autoptr(GPtrArray) boxes = kefu_test_find_all (GTK_WIDGET (page), GTK_TYPE_BOX);

  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (boxes->pdata[i], "error"))
      return boxes->pdata[i];
  g_assert_not_reached ();
}

/* The list with Overdue Only shows the shipment, its attention cell saying it is late. */
static void
assert_overdue_listed (Fixture *fixture,
                       gint64   id)
{
  KefuShipmentListView *view = KEFU_SHIPMENT_LIST_VIEW (kefu_shipment_list_view_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) toggles = NULL;
  g_autoptr(KefuLazyItem) item = NULL;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autofree char *attention = NULL;
  GListModel *model;

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  g_object_set (view, "store", fixture->store, NULL);
  /* Overdue Only, pressed as a person would. */
  toggles = kefu_test_find_all (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), _("Overdue Only")) == 0)
      gtk_toggle_button_set_active (toggles->pdata[i], TRUE);
  model = kefu_shipment_list_view_get_model (view);
  kefu_test_wait_until (!is_busy (view) && g_list_model_get_n_items (model) == 1);
  item = g_list_model_get_item (model, 0);
  kefu_test_wait_until (kefu_lazy_item_get_value (item) != NULL);
  shipment = g_object_ref (kefu_lazy_item_get_value (item));
  g_assert_cmpint (shipment->id, ==, id);
  attention = kefu_shipment_cell_text (shipment, KEFU_SHIPMENT_CELL_ATTENTION, NULL);
  g_assert_cmpstr (attention, !=, "");
  gtk_window_destroy (window);
  kefu_test_flush ();
}

/* Someone else changed the shipment while the dialog was open: the store's refusal shows in
 * the dialog with what was typed kept, Reload reads the shipment again, and the same input then
 * saves. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KefuStaff) finance = get_staff (fixture, fixture->finance);
  g_autoptr(KefuShipmentActionDialog) dialog = NULL;
  KefuShipmentChange *note;
  KefuShipmentPage *page;
  gint64 id = store_shipment (fixture);

  kefu_store_set_actor (fixture->store, fixture->finance);
  page = KEFU_SHIPMENT_PAGE (kefu_shipment_page_new (fixture->store, finance, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (page));
  wait_for_step (page, KEFU_SHIPMENT_STEP_REQUESTED);

  dialog = g_object_ref (open_action (page, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT));
  kefu_shipment_action_dialog_set_text (dialog, "amount", "12500");

  note = change_now (fixture, id, KEFU_SHIPMENT_ACTION_ADD_NOTE);
  note->text = g_strdup ("客户来电催货");
  store_change (fixture, fixture->clerk, note);

  g_assert_true (kefu_shipment_action_dialog_apply (dialog));
  kefu_test_wait_until (!kefu_shipment_action_dialog_get_busy (dialog));
  g_assert_nonnull (kefu_shipment_action_dialog_get_refusal (dialog));
  g_assert_true (kefu_shipment_page_get_action_dialog (page) == ADW_DIALOG (dialog));
  g_assert_cmpstr (kefu_shipment_action_dialog_get_text (dialog, "amount"), ==, "12500");
  g_assert_cmpint (kefu_shipment_page_get_shipment (page)->step, ==,
                   KEFU_SHIPMENT_STEP_REQUESTED);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "shipment-action.reload", NULL);
  kefu_test_wait_until (!kefu_shipment_action_dialog_get_busy (dialog));
  g_assert_null (kefu_shipment_action_dialog_get_refusal (dialog));
  g_assert_cmpstr (kefu_shipment_action_dialog_get_text (dialog, "amount"), ==, "12500");
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, "钱会计", "12,500.00");
}

/* The live "being edited" marks on shipment `id`. */
static guint
n_presence (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) marks = kefu_store_list_presence (fixture->store, "shipment", id, NULL,
                                                          &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (marks);
}

/* Two people edit the same request: another saves the address and the notes while the dialog
 * is open. A save of disjoint fields merges by itself; a field both changed opens the conflict
 * dialog with both values, and the chosen one is saved with the rest merged. */
static void
test_edit_merge (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuStaff) rep = get_staff (fixture, fixture->sales_rep);
  g_autoptr(KefuShipmentDialog) edit = NULL;
  g_autoptr(KefuShipment) other = NULL;
  g_autoptr(KefuShipment) saved = NULL;
  g_autoptr(KefuShipment) stored = NULL;
  g_autoptr(GError) error = NULL;
  KefuConflictDialog *conflict = NULL;
  KefuShipmentPage *page;
  gint64 id = store_shipment (fixture);

  kefu_store_set_actor (fixture->store, fixture->sales_rep);
  page = KEFU_SHIPMENT_PAGE (kefu_shipment_page_new (fixture->store, rep, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (page));
  wait_for_step (page, KEFU_SHIPMENT_STEP_REQUESTED);
  press (page, KEFU_SHIPMENT_ACTION_EDIT_DETAILS);
  edit = g_object_ref (KEFU_SHIPMENT_DIALOG (kefu_shipment_page_get_action_dialog (page)));
  kefu_test_wait_until (!kefu_shipment_dialog_get_busy (edit));
  /* While the edit is open, others see who edits it. */
  kefu_test_wait_until (n_presence (fixture, id) == 1);

  /* Meanwhile, at another workstation: the address. */
  other = kefu_store_get_shipment (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_free (other->address);
  other->address = g_strdup ("上海市闵行区莘庄工业区 8 号");
  saved = kefu_store_update_shipment (fixture->store, other, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&saved);

  /* Here: the notes only. Merged by itself and saved: theirs kept, mine written. */
  kefu_shipment_dialog_set_text (edit, "notes", "周五前送到");
  g_assert_true (kefu_shipment_dialog_save (edit));
  kefu_test_wait_until (kefu_shipment_page_get_action_dialog (page) == NULL ||
                        kefu_shipment_dialog_get_refusal (edit) != NULL);
  g_assert_null (kefu_shipment_dialog_get_refusal (edit));
  stored = kefu_store_get_shipment (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->address, ==, "上海市闵行区莘庄工业区 8 号");
  g_assert_cmpstr (stored->notes, ==, "周五前送到");
  g_clear_object (&stored);
  kefu_test_wait_until (!is_busy (page));

  /* Again, both change the notes. */
  g_clear_object (&edit);
  press (page, KEFU_SHIPMENT_ACTION_EDIT_DETAILS);
  edit = g_object_ref (KEFU_SHIPMENT_DIALOG (kefu_shipment_page_get_action_dialog (page)));
  kefu_test_wait_until (!kefu_shipment_dialog_get_busy (edit));
  g_clear_object (&other);
  other = kefu_store_get_shipment (fixture->store, id, NULL, &error);
  g_free (other->notes);
  other->notes = g_strdup ("客户说下周一也行");
  saved = kefu_store_update_shipment (fixture->store, other, NULL, &error);
  g_assert_no_error (error);
  kefu_shipment_dialog_set_text (edit, "notes", "必须周五前送到");
  g_assert_true (kefu_shipment_dialog_save (edit));
  kefu_test_wait_until ((conflict = (KefuConflictDialog *)
                           adw_window_get_visible_dialog (ADW_WINDOW (fixture->window))) != NULL
                        && KEFU_IS_CONFLICT_DIALOG (conflict));
  stored = kefu_store_get_shipment (fixture->store, id, NULL, &error);
  g_assert_cmpstr (stored->notes, ==, "客户说下周一也行");
  g_clear_object (&stored);
  g_assert_nonnull (kefu_conflict_dialog_get_choice_button (conflict, "notes",
                                                            KEFU_MERGE_CHOICE_MINE));
  g_assert_null (kefu_conflict_dialog_get_choice_button (conflict, "address",
                                                         KEFU_MERGE_CHOICE_MINE));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kefu_conflict_dialog_get_choice_button (
                                 conflict, "notes", KEFU_MERGE_CHOICE_THEIRS)), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (conflict), "conflict.save", NULL));
  kefu_test_wait_until (kefu_shipment_page_get_action_dialog (page) == NULL ||
                        kefu_shipment_dialog_get_refusal (edit) != NULL);
  g_assert_null (kefu_shipment_dialog_get_refusal (edit));
  stored = kefu_store_get_shipment (fixture->store, id, NULL, &error);
  g_assert_cmpstr (stored->notes, ==, "客户说下周一也行");
  g_assert_cmpstr (stored->address, ==, "上海市闵行区莘庄工业区 8 号");
  g_assert_cmpuint (stored->lines->len, ==, 1);
  kefu_test_wait_until (!is_busy (page));
  /* The edit is over: the mark goes with it. */
  kefu_test_wait_until (n_presence (fixture, id) == 0);
}

/* Damaged in transit, reported and resolved by reshipping with another carrier: the exception
 * shows with who, when and what happened, and the list flags it. */
static void
test_exception (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) carriers = kefu_store_list_carriers (fixture->store, FALSE, NULL, &error);
  KefuShipmentActionDialog *dialog;
  KefuShipmentChange *change;
  KefuShipmentPage *page;
  g_autofree char *attention = NULL;
  const char *damaged = kefu_shipment_exception_get_display_name (KEFU_SHIPMENT_EXCEPTION_DAMAGED);
  gint64 id = store_shipment (fixture);
  gint64 sf = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < carriers->len; i++)
    if (((KefuCarrier *) carriers->pdata[i])->kind == KEFU_CARRIER_SF)
      sf = ((KefuCarrier *) carriers->pdata[i])->id;
  g_assert_cmpint (sf, >, 0);

  change = change_now (fixture, id, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
  change->amount_fen = 1250000;
  store_change (fixture, fixture->finance, change);
  change = change_now (fixture, id, KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH);
  change->dispatch_number = g_strdup ("FD-0043");
  store_change (fixture, fixture->finance, change);
  store_change (fixture, fixture->clerk, change_now (fixture, id, KEFU_SHIPMENT_ACTION_HAND_OVER));
  change = change_now (fixture, id, KEFU_SHIPMENT_ACTION_SHIP);
  change->carrier_id = sf;
  change->waybill = g_strdup ("SF1234567890123");
  g_date_set_dmy (&change->ship_date, 20, 11, 2026);
  g_date_set_dmy (&change->expected_arrival, 23, 11, 2026);
  store_change (fixture, fixture->clerk, change);

  kefu_store_set_actor (fixture->store, fixture->clerk);
  page = KEFU_SHIPMENT_PAGE (kefu_shipment_page_new (fixture->store, clerk, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (page));
  wait_for_step (page, KEFU_SHIPMENT_STEP_SHIPPED);

  /* Expected on 23 November and not delivered: overdue since the next day, flagged on the page
   * and found with Overdue Only. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *overdue = NULL;
    KefuShipment *shipped = kefu_shipment_page_get_shipment (page);

    if (g_date_time_compare (now, shipped->attention_at) > 0)
      {
        overdue = kefu_shipment_format_attention (shipped, now);
        g_assert_nonnull (overdue);
        g_assert_true (gtk_widget_get_visible (find_attention (page)));
        assert_overdue_listed (fixture, id);
      }
  }

  dialog = open_action (page, KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION);
  g_assert_false (kefu_shipment_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "exception"));
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "text"));
  kefu_shipment_action_dialog_set_choice (dialog, "exception", KEFU_SHIPMENT_EXCEPTION_DAMAGED);
  kefu_shipment_action_dialog_set_text (dialog, "text", "外箱压坏,仪器屏幕碎裂");
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_EXCEPTION);
  {
    g_autofree char *text = kefu_shipment_page_dup_step_text (page, KEFU_SHIPMENT_STEP_EXCEPTION);
    g_autofree char *today = today_text ();

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, damaged));
    g_assert_nonnull (strstr (text, "外箱压坏"));
    g_assert_nonnull (strstr (text, "王芳"));
    g_assert_nonnull (strstr (text, today));
  }
  attention = kefu_shipment_format_attention (kefu_shipment_page_get_shipment (page), NULL);
  g_assert_nonnull (attention);
  g_assert_nonnull (strstr (attention, damaged));
  save_shot (fixture->window, "shipment-exception");

  /* Reshipped: the carrier rows show only for that outcome, and the new waybill is checked. */
  dialog = open_action (page, KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION);
  kefu_shipment_action_dialog_set_choice (dialog, "outcome", KEFU_EXCEPTION_OUTCOME_RESHIPPED + 1);
  kefu_shipment_action_dialog_set_text (dialog, "text", "重新发一台");
  g_assert_true (kefu_shipment_action_dialog_set_carrier (dialog, "顺丰速运"));
  kefu_shipment_action_dialog_set_text (dialog, "waybill", "YT1234567890123");
  g_assert_nonnull (kefu_shipment_action_dialog_get_message (dialog, "waybill"));
  kefu_shipment_action_dialog_set_text (dialog, "waybill", "SF9876543210987");
  apply_action (page, dialog, KEFU_SHIPMENT_STEP_SHIPPED);
  assert_step_row (page, KEFU_SHIPMENT_STEP_SHIPPED, "王芳", "SF9876543210987");
  {
    g_autofree char *text = kefu_shipment_page_dup_step_text (page, KEFU_SHIPMENT_STEP_EXCEPTION);

    g_assert_nonnull (strstr (text, "重新发一台"));
  }
}

/* Whether the list's first row is `id`. */
static gboolean
first_is (KefuShipmentListView *view,
          gint64                id)
{
  GListModel *model = kefu_shipment_list_view_get_model (view);
  g_autoptr(KefuLazyItem) item = g_list_model_get_n_items (model) > 0
                                 ? g_list_model_get_item (model, 0) : NULL;

  return item != NULL && kefu_lazy_item_get_id (item) == id;
}

/* The ids the list shows, once every one is known. */
static GArray *
shown_ids (KefuShipmentListView *view,
           guint                 n)
{
  GListModel *model = kefu_shipment_list_view_get_model (view);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  kefu_test_wait_until (!is_busy (view) && g_list_model_get_n_items (model) == n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuLazyItem) item = g_list_model_get_item (model, i);
      gint64 id = kefu_lazy_item_get_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_ids (GArray *shown,
                 GArray *stored)
{
  g_assert_cmpuint (shown->len, ==, stored->len);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpint (g_array_index (shown, gint64, i), ==, g_array_index (stored, gint64, i));
}

/* A click on a header sorts in SQL (the store's order for that column, either way), and the
 * step filter narrows. */
static void
test_sort_and_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuShipmentListView *view = KEFU_SHIPMENT_LIST_VIEW (kefu_shipment_list_view_new ());
  g_autoptr(KefuShipmentFilter) open = kefu_shipment_filter_new ();
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkColumnView *table;
  GtkColumnViewColumn *customer_column;
  KefuShipmentChange *change;
  gint64 paid;

  kefu_store_set_system_actor (fixture->store);
  store_shipment_for (fixture, make_named_customer (fixture->store, "王五", "13900139000"));
  paid = store_shipment_for (fixture,
                             make_named_customer (fixture->store, "李四", "13700137000"));
  store_shipment (fixture);
  change = change_now (fixture, paid, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
  change->amount_fen = 100;
  store_change (fixture, fixture->finance, change);

  adw_navigation_view_push (fixture->navigation,
                            adw_navigation_page_new (GTK_WIDGET (view), "Shipments"));
  g_object_set (view, "store", fixture->store, NULL);
  shown = shown_ids (view, 3);

  tables = kefu_test_find_all (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  table = tables->pdata[0];
  customer_column = g_list_model_get_item (gtk_column_view_get_columns (table), 1);
  g_object_unref (customer_column);
  g_assert_cmpstr (gtk_column_view_column_get_id (customer_column), ==, "customer");

  open->open_only = TRUE;
  for (int way = 0; way < 2; way++)
    {
      gboolean descending = way == 1;

      gtk_column_view_sort_by_column (table, customer_column,
                                      descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      /* The new query is read from the next idle on. */
      kefu_test_flush ();
      stored = kefu_store_list_shipment_ids (fixture->store, open, KEFU_SHIPMENT_SORT_CUSTOMER,
                                             descending, NULL, &error);
      g_assert_no_error (error);
      /* Wait for the new order, then compare it whole. */
      kefu_test_wait_until (!is_busy (view) && first_is (view, g_array_index (stored, gint64, 0)));
      g_clear_pointer (&shown, g_array_unref);
      shown = shown_ids (view, 3);
      assert_same_ids (shown, stored);
      g_clear_pointer (&stored, g_array_unref);
    }

  kefu_shipment_list_view_set_step (view, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);
  kefu_test_wait_until (!is_busy (view) &&
                        g_list_model_get_n_items (kefu_shipment_list_view_get_model (view)) == 1);
  g_assert_true (first_is (view, paid));
}

/* An empty store: the list says how to start a shipment. */
static void
test_empty_list (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuShipmentListView *view = KEFU_SHIPMENT_LIST_VIEW (kefu_shipment_list_view_new ());
  AdwNavigationPage *root = adw_navigation_page_new (GTK_WIDGET (view), "Shipments");
  g_autoptr(GPtrArray) pages = NULL;
  gboolean found = FALSE;

  adw_navigation_view_push (fixture->navigation, root);
  g_object_set (view, "store", fixture->store, NULL);
  kefu_test_wait_until (!is_busy (view));
  kefu_test_flush ();

  pages = kefu_test_find_all (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwStatusPage *status = pages->pdata[i];
      const char *description = adw_status_page_get_description (status);

      if (gtk_widget_get_mapped (GTK_WIDGET (status)) && description != NULL &&
          strstr (description, _("New Shipment")) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

/* Finds the bar's "Show Archived" toggle. */
static GtkToggleButton *
archived_toggle (GtkWidget *view)
{
  g_autoptr(GPtrArray) toggles = kefu_test_find_all (view, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), _("Show Archived")) == 0)
      return toggles->pdata[i];
  g_assert_not_reached ();
}

/* "Show Archived": a shipment archived through the store leaves the list, and is listed (alone)
 * with the toggle on, where a team lead finds it to restore it. */
static void
test_show_archived (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuShipmentListView *view = KEFU_SHIPMENT_LIST_VIEW (kefu_shipment_list_view_new ());
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_auto(KefuArchiveState) state = { 0 };
  GtkToggleButton *toggle;
  gboolean said = FALSE;
  gint64 archived;
  gint64 lead;

  kefu_store_set_system_actor (fixture->store);
  archived = store_shipment (fixture);
  store_shipment (fixture);
  adw_navigation_view_push (fixture->navigation,
                            adw_navigation_page_new (GTK_WIDGET (view), "Shipments"));
  g_object_set (view, "store", fixture->store, NULL);
  g_clear_pointer (&shown, g_array_unref);
  shown = shown_ids (view, 2);

  toggle = archived_toggle (GTK_WIDGET (view));
  gtk_toggle_button_set_active (toggle, TRUE);
  kefu_test_wait_until (!is_busy (view) &&
                        g_list_model_get_n_items (kefu_shipment_list_view_get_model (view)) == 0);
  kefu_test_flush ();
  pages = kefu_test_find_all (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  for (guint i = 0; i < pages->len; i++)
    said |= gtk_widget_get_mapped (pages->pdata[i]) &&
            g_strcmp0 (adw_status_page_get_title (pages->pdata[i]), _("No Archived Shipments")) == 0;
  g_assert_true (said);

  lead = kefu_test_add_staff (fixture->store, "孙丽", "sunli", KEFU_ROLE_TEAM_LEAD);
  kefu_store_set_actor (fixture->store, lead);
  g_assert_true (kefu_store_get_archive_state (fixture->store, KEFU_ARCHIVE_SHIPMENT, archived,
                                               &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_archive_record (fixture->store, KEFU_ARCHIVE_SHIPMENT, archived,
                                            state.version, NULL, NULL, &error));
  g_assert_no_error (error);

  kefu_shipment_list_view_reload (view);
  g_clear_pointer (&shown, g_array_unref);
  shown = shown_ids (view, 1);
  g_assert_cmpint (g_array_index (shown, gint64, 0), ==, archived);

  /* Off: the working list leaves it out. */
  gtk_toggle_button_set_active (toggle, FALSE);
  g_clear_pointer (&shown, g_array_unref);
  kefu_test_wait_until (!is_busy (view) &&
                        g_list_model_get_n_items (kefu_shipment_list_view_get_model (view)) == 1);
  shown = shown_ids (view, 1);
  g_assert_cmpint (g_array_index (shown, gint64, 0), !=, archived);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/aftersales-shipments/walk", Fixture, NULL,
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/kefu/aftersales-shipments/conflict", Fixture, NULL,
              fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/kefu/aftersales-shipments/edit-merge", Fixture, NULL,
              fixture_set_up, test_edit_merge, fixture_tear_down);
  g_test_add ("/kefu/aftersales-shipments/exception", Fixture, NULL,
              fixture_set_up, test_exception, fixture_tear_down);
  g_test_add ("/kefu/aftersales-shipments/sort-and-filter", Fixture, NULL,
              fixture_set_up, test_sort_and_filter, fixture_tear_down);
  g_test_add ("/kefu/aftersales-shipments/show-archived", Fixture, NULL,
              fixture_set_up, test_show_archived, fixture_tear_down);
  g_test_add ("/kefu/aftersales-shipments/empty-list", Fixture, NULL,
              fixture_set_up, test_empty_list, fixture_tear_down);
  return kefu_test_run (data_home);
}
