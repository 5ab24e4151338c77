/* test-aftersales-jobs.c: the service-job widgets over a real store: a repair walked from the
 * fault report dialog through the phone diagnosis, the market-support request and the general
 * manager's approval, the dispatch, the departure, a progress report and the feedback form to
 * Completed, each step shown on the page with who and when, and the callback it scheduled; the
 * job list's filters and sorts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-aftersales-jobs"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftersales/kefu-job-action-dialog.h"
#include "aftersales/kefu-job-dialog.h"
#include "aftersales/kefu-job-list-view.h"
#include "aftersales/kefu-job-page.h"
#include "aftersales/kefu-aftersales-timeline-view.h"
#include "intake/kefu-caller-lookup.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-work-calendar.h"
#include "store/kefu-store-archive.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-lazy-item.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"

#define SERIAL "X200-2026-0815"

/* The assertions on words read the English strings; with KEFU_TEST_LOCALEDIR set the pictures
 * are taken in another language, and only the words of the data are checked. */
static gboolean
in_english (void)
{
  return g_getenv ("KEFU_TEST_LOCALEDIR") == NULL;
}

typedef struct
{
  char              *dir;
  KefuStore         *store;
  AdwWindow         *window;
  AdwNavigationView *navigation;
  KefuJobPage       *page;
  gint64             clerk;       /* 周敏, after-sales desk (a clerk) */
  gint64             technician;  /* 梁工 */
  gint64             gm;          /* 马总, GM office */
  gint64             finance;     /* 钱会计: confirms the shipment's payment */
  gint64             logistics;   /* 孙物流: ships it */
  gint64             analyser;
  gint64             customer;    /* 华康医院 */
  GArray            *opened;      /* "aftersales.open-job" ids */
  GArray            *opened_shipments;  /* "aftersales.open-shipment" ids */
  GArray            *printed;     /* "aftersales.print-job" ids */
  char              *new_job;     /* the kind of the last "aftersales.new-job" */
} Fixture;

static void
id_activated_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (user_data, id);
}

static void
new_job_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Fixture *fixture = user_data;
  gint64 customer;

  g_free (fixture->new_job);
  g_variant_get (parameter, "(sx)", &fixture->new_job, &customer);
  g_assert_cmpint (customer, ==, 0);
}

static void
set_day_ago (GDate *day,
             int    days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (then), g_date_time_get_month (then),
                  g_date_time_get_year (then));
}

/* The analyser shipped to the customer a month ago with its serial, each step by its role, so
 * that its warranty runs from that ship day. */
static void
ship_analyser (Fixture *fixture)
{
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(GError) error = NULL;
  KefuShipmentLine *line = kefu_shipment_line_new ();
  gint64 carrier = 0;
  const struct { KefuShipmentAction action; gint64 actor; } steps[] = {
    { KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, fixture->finance },
    { KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, fixture->finance },
    { KEFU_SHIPMENT_ACTION_HAND_OVER, fixture->clerk },
    { KEFU_SHIPMENT_ACTION_SHIP, fixture->logistics },
  };

  carriers = kefu_store_list_carriers (fixture->store, FALSE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < carriers->len; i++)
    if (((KefuCarrier *) carriers->pdata[i])->kind == KEFU_CARRIER_SF)
      carrier = ((KefuCarrier *) carriers->pdata[i])->id;
  g_assert_cmpint (carrier, >, 0);

  request->customer_id = fixture->customer;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  line->product_id = fixture->analyser;
  line->serial = g_strdup (SERIAL);
  set_day_ago (&line->production_date, 60);
  line->quantity = 1;
  g_ptr_array_add (request->lines, line);
  kefu_store_set_actor (fixture->store, fixture->clerk);
  shipment = kefu_store_create_shipment (fixture->store, request, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(KefuShipmentChange) change = kefu_shipment_change_new (steps[i].action,
                                                                       shipment->id,
                                                                       shipment->version);
      KefuShipment *changed;

      change->amount_fen = 12500000;
      change->dispatch_number = g_strdup ("FD-0042");
      change->carrier_id = carrier;
      change->waybill = g_strdup ("SF1234567890123");
      set_day_ago (&change->ship_date, 30);
      set_day_ago (&change->expected_arrival, 27);
      kefu_store_set_actor (fixture->store, steps[i].actor);
      changed = kefu_store_change_shipment (fixture->store, change, NULL, &error);
      g_assert_no_error (error);
      g_set_object (&shipment, changed);
      g_object_unref (changed);
    }
  g_assert_cmpint (shipment->step, ==, KEFU_SHIPMENT_STEP_SHIPPED);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open-job", G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) open_shipment = g_simple_action_new ("open-shipment",
                                                                G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) print = g_simple_action_new ("print-job", G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) reload = g_simple_action_new ("reload", NULL);
  g_autoptr(GSimpleAction) new_job = g_simple_action_new ("new-job", G_VARIANT_TYPE ("(sx)"));
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(KefuProduct) analyser = kefu_product_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13912345678", NULL };
  gint64 desk, tech, gm, finance, logistics;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->opened_shipments = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->printed = g_array_new (FALSE, FALSE, sizeof (gint64));

  kefu_store_set_system_actor (fixture->store);
  desk = kefu_test_make_department (fixture->store, "售后服务部");
  tech = kefu_test_make_department (fixture->store, "技术部");
  gm = kefu_test_make_department (fixture->store, "总经办");
  finance = kefu_test_make_department (fixture->store, "财务部");
  logistics = kefu_test_make_department (fixture->store, "物流部");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK,
                                         desk, TRUE);
  fixture->technician = kefu_test_make_staff (fixture->store, "梁工", "liang",
                                              KEFU_ROLE_TECHNICIAN, tech, TRUE);
  fixture->gm = kefu_test_make_staff (fixture->store, "马总", "ma", KEFU_ROLE_GM_OFFICE, gm,
                                      TRUE);
  fixture->finance = kefu_test_make_staff (fixture->store, "钱会计", "qian", KEFU_ROLE_FINANCE,
                                           finance, TRUE);
  fixture->logistics = kefu_test_make_staff (fixture->store, "孙物流", "sun",
                                             KEFU_ROLE_LOGISTICS, logistics, TRUE);

  kefu_product_set_name (analyser, "全自动生化分析仪 X200");
  kefu_product_set_unit_price (analyser, 12500000);
  kefu_product_set_warranty_months (analyser, 12);
  kefu_product_set_active (analyser, TRUE);
  g_assert_true (kefu_store_create_product (fixture->store, analyser, NULL, &error));
  g_assert_no_error (error);
  fixture->analyser = kefu_record_get_id (KEFU_RECORD (analyser));

  kefu_customer_set_name (customer, "华康医院");
  kefu_customer_set_address (customer, "江苏省南京市鼓楼区中山路321号检验科");
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  fixture->customer = kefu_record_get_id (KEFU_RECORD (customer));
  ship_analyser (fixture);

  /* The pane's actions, recorded. */
  g_signal_connect (open, "activate", G_CALLBACK (id_activated_cb), fixture->opened);
  g_signal_connect (print, "activate", G_CALLBACK (id_activated_cb), fixture->printed);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  g_signal_connect (open_shipment, "activate", G_CALLBACK (id_activated_cb),
                    fixture->opened_shipments);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open_shipment));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (print));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (reload));
  g_signal_connect (new_job, "activate", G_CALLBACK (new_job_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (new_job));

  fixture->window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 1000);
  fixture->navigation = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "aftersales",
                                  G_ACTION_GROUP (group));
  adw_navigation_view_add (fixture->navigation,
                           adw_navigation_page_new (adw_status_page_new (), "After-sales"));
  adw_window_set_content (fixture->window, GTK_WIDGET (fixture->navigation));
  gtk_window_present (GTK_WINDOW (fixture->window));
  kefu_store_set_actor (fixture->store, fixture->clerk);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->opened, g_array_unref);
  g_clear_pointer (&fixture->opened_shipments, g_array_unref);
  g_clear_pointer (&fixture->printed, g_array_unref);
  g_clear_pointer (&fixture->new_job, g_free);
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
is_busy (gpointer widget)
{
  gboolean busy;

  g_object_get (widget, "busy", &busy, NULL);
  return busy;
}

static KefuServiceJob *
stored_job (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  KefuServiceJob *job = kefu_store_get_job (fixture->store, id, NULL, &error);

  g_assert_no_error (error);
  return job;
}

/* Everything the page says in its labels, joined by newlines. */
static char *
page_text (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i]))
      g_string_append_printf (text, "%s\n", gtk_label_get_label (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

static void
assert_page_says (Fixture    *fixture,
                  const char *words)
{
  g_autofree char *text = page_text (fixture);

  if (strstr (text, words) == NULL)
    g_error ("The page does not say “%s”:\n%s", words, text);
}

/* The same for the page's own English words. */
static void
assert_page_says_en (Fixture    *fixture,
                     const char *words)
{
  g_autofree char *text = NULL;

  if (!in_english ())
    return;
  text = page_text (fixture);

  if (strstr (text, words) == NULL)
    g_error ("The page does not say “%s”:\n%s", words, text);
}

/* Works as `staff_id` from now on: the store's actor and the page's staff. */
static void
act_as (Fixture *fixture,
        gint64   staff_id)
{
  g_autoptr(KefuStaff) staff = get_staff (fixture, staff_id);

  kefu_store_set_actor (fixture->store, staff_id);
  g_object_set (fixture->page, "staff", staff, NULL);
  kefu_test_flush ();
}

/* Opens the dialog of `action` from the page, which must offer it. */
static KefuJobActionDialog *
open_action (Fixture       *fixture,
             KefuJobAction  action)
{
  AdwDialog *dialog;

  g_assert_true (_kefu_job_page_offers (fixture->page, action));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "job.act", "i", action));
  kefu_test_wait_until (_kefu_job_page_get_action_dialog (fixture->page) != NULL);
  dialog = _kefu_job_page_get_action_dialog (fixture->page);
  g_assert_true (KEFU_IS_JOB_ACTION_DIALOG (dialog));
  kefu_test_wait_until (!kefu_job_action_dialog_get_busy (KEFU_JOB_ACTION_DIALOG (dialog)));
  return KEFU_JOB_ACTION_DIALOG (dialog);
}

/* Saves the dialog and waits until the store's job is at `step` and the page shows it. */
static void
save_action (Fixture             *fixture,
             KefuJobActionDialog *dialog,
             KefuJobStep          step)
{
  gint64 id = kefu_job_page_get_job_id (fixture->page);

  if (!kefu_job_action_dialog_save (dialog))
    g_error ("The dialog did not save: %s", kefu_job_action_dialog_get_message (dialog));
  kefu_test_wait_until (_kefu_job_page_get_action_dialog (fixture->page) == NULL);
  {
    g_autoptr(KefuServiceJob) job = stored_job (fixture, id);

    g_assert_cmpint (job->step, ==, step);
  }
  kefu_test_wait_until (!is_busy (fixture->page)
                        && _kefu_job_page_get_job (fixture->page)->step == step);
  kefu_test_flush ();
}

/* The timeline row that tells `action` (its title's words), which must name `who`. */
static void
assert_timeline_names (Fixture    *fixture,
                       const char *title,
                       const char *who)
{
  g_autoptr(GPtrArray) views = kefu_test_find_all (GTK_WIDGET (fixture->page),
                                                   KEFU_TYPE_AFTERSALES_TIMELINE_VIEW);
  KefuAftersalesTimelineView *view;
  gboolean found = FALSE;
  char *row;

  g_assert_cmpuint (views->len, ==, 1);
  view = views->pdata[0];
  for (guint i = 0; (row = kefu_aftersales_timeline_view_dup_row_text (view, i)) != NULL; i++)
    {
      if (strstr (row, title) != NULL)
        {
          if (strstr (row, who) == NULL)
            g_error ("The timeline row “%s” does not name %s", row, who);
          found = TRUE;
        }
      g_free (row);
    }
  if (!found)
    g_error ("No timeline row says “%s”", title);
}

/* The fault report, made in its dialog by the after-sales clerk: the customer searched for, the
 * serial shipped to them, the warranty shown before saving. */
static gint64
report_fault (Fixture *fixture)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  AdwDialog *dialog = kefu_job_dialog_new (fixture->store, clerk, KEFU_JOB_KIND_REPAIR, 0);
  KefuJobDialog *report = KEFU_JOB_DIALOG (dialog);

  kefu_job_dialog_set_parent_widget (report, GTK_WIDGET (fixture->navigation));
  adw_dialog_present (dialog, GTK_WIDGET (fixture->window));
  kefu_test_wait_until (!kefu_job_dialog_get_busy (report));

  /* Nothing chosen: the customer and the symptoms are asked for. */
  g_assert_false (kefu_job_dialog_save (report));
  g_assert_nonnull (kefu_job_dialog_get_message (report));
  if (in_english ())
    g_assert_nonnull (strstr (kefu_job_dialog_get_message (report), "customer"));

  /* The customer found by phone, as the intake pane finds callers. */
  {
    g_autoptr(GPtrArray) lookups = kefu_test_find_all (GTK_WIDGET (report),
                                                       KEFU_TYPE_CALLER_LOOKUP);
    KefuCallerLookup *lookup;

    g_assert_cmpuint (lookups->len, ==, 1);
    lookup = lookups->pdata[0];
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lookup)));
    kefu_caller_lookup_search (lookup, "13912345678");
    kefu_test_wait_until (!kefu_caller_lookup_get_busy (lookup));
    g_assert_cmpuint (g_list_model_get_n_items (kefu_caller_lookup_get_results (lookup)), >=, 1);
    kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-dialog-lookup");
    kefu_caller_lookup_pick (lookup, 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lookup)));
  }
  kefu_test_wait_until (!kefu_job_dialog_get_busy (report));
  g_assert_true (kefu_job_dialog_choose_serial (report, SERIAL));
  kefu_test_wait_until (!kefu_job_dialog_get_busy (report));
  if (in_english ())
    g_assert_nonnull (strstr (kefu_job_dialog_get_warranty_text (report), "In warranty"));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-dialog");

  g_assert_false (kefu_job_dialog_save (report));
  if (in_english ())
    g_assert_nonnull (strstr (kefu_job_dialog_get_message (report), "symptoms"));
  kefu_job_dialog_set_symptoms (report, "开机后报错 E21,比色杯温度不稳");
  kefu_job_dialog_set_phone_answer (report, "已指导重启并检查散热风扇,仍报错");
  g_assert_true (kefu_job_dialog_save (report));
  kefu_test_wait_until (fixture->opened->len == 1);
  kefu_test_flush ();
  return g_array_index (fixture->opened, gint64, 0);
}

static void
test_repair_walk (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  g_autoptr(KefuServiceJob) done = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autofree char *agreed = NULL;
  KefuJobActionDialog *dialog;
  KefuCallbackInfo *callback;
  gint64 id = report_fault (fixture);

  fixture->page = KEFU_JOB_PAGE (kefu_job_page_new (fixture->store, clerk, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  kefu_test_wait_until (!is_busy (fixture->page) && _kefu_job_page_get_job (fixture->page) != NULL);
  kefu_test_flush ();
  assert_page_says_en (fixture, "Reported");
  assert_page_says (fixture, "开机后报错 E21");
  assert_page_says (fixture, "已指导重启并检查散热风扇");
  assert_page_says (fixture, SERIAL);
  assert_page_says (fixture, "周敏");
  /* The clerk may not diagnose (the technical department does) nor approve. */
  g_assert_false (_kefu_job_page_offers (fixture->page, KEFU_JOB_ACTION_DIAGNOSE));
  g_assert_false (_kefu_job_page_offers (fixture->page, KEFU_JOB_ACTION_APPROVE_SUPPORT));

  /* The technical department's phone diagnosis: on site. */
  act_as (fixture, fixture->technician);
  dialog = open_action (fixture, KEFU_JOB_ACTION_DIAGNOSE);
  g_assert_false (kefu_job_action_dialog_save (dialog));
  g_assert_nonnull (kefu_job_action_dialog_get_message (dialog));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "温控模块故障,需上门更换"));
  g_assert_true (kefu_job_action_dialog_set_selected (dialog, "decision", 0));
  save_action (fixture, dialog, KEFU_JOB_STEP_REPORTED);
  g_assert_cmpint (_kefu_job_page_get_job (fixture->page)->kind, ==, KEFU_JOB_KIND_ONSITE_REPAIR);
  assert_page_says (fixture, "温控模块故障,需上门更换");
  assert_page_says (fixture, "梁工");

  /* The market-support request, by the after-sales desk. */
  act_as (fixture, fixture->clerk);
  dialog = open_action (fixture, KEFU_JOB_ACTION_REQUEST_SUPPORT);
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "上门更换温控模块"));
  save_action (fixture, dialog, KEFU_JOB_STEP_SUPPORT_REQUESTED);
  assert_page_says (fixture, "上门更换温控模块");
  g_assert_false (_kefu_job_page_offers (fixture->page, KEFU_JOB_ACTION_APPROVE_SUPPORT));

  /* Only the general manager approves. */
  act_as (fixture, fixture->gm);
  dialog = open_action (fixture, KEFU_JOB_ACTION_APPROVE_SUPPORT);
  save_action (fixture, dialog, KEFU_JOB_STEP_APPROVED);
  assert_page_says (fixture, "马总");

  /* The dispatch, by the after-sales desk. */
  act_as (fixture, fixture->clerk);
  dialog = open_action (fixture, KEFU_JOB_ACTION_DISPATCH);
  g_assert_true (kefu_job_action_dialog_set_technician (dialog, fixture->technician));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "agreed-date", "tomorrow"));
  g_assert_false (kefu_job_action_dialog_save (dialog));
  g_assert_nonnull (strstr (kefu_job_action_dialog_get_message (dialog), "YYYY-MM-DD"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    tomorrow = g_date_time_add_days (now, 1);
  }
  agreed = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "agreed-date", agreed));
  kefu_job_action_dialog_set_travel_days (dialog, 2);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-dispatch-dialog");
  save_action (fixture, dialog, KEFU_JOB_STEP_DISPATCHED);
  assert_page_says (fixture, agreed);
  assert_page_says_en (fixture, "2 days");

  /* The technician leaves, reports, comes back with the feedback form. */
  act_as (fixture, fixture->technician);
  dialog = open_action (fixture, KEFU_JOB_ACTION_DEPART);
  save_action (fixture, dialog, KEFU_JOB_STEP_ON_TRIP);
  dialog = open_action (fixture, KEFU_JOB_ACTION_REPORT_PROGRESS);
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "已到达医院,正在拆机"));
  save_action (fixture, dialog, KEFU_JOB_STEP_ON_TRIP);
  assert_page_says (fixture, "已到达医院,正在拆机");
  dialog = open_action (fixture, KEFU_JOB_ACTION_FILE_FEEDBACK);
  g_assert_false (kefu_job_action_dialog_save (dialog));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "work-done", "更换温控模块并校准"));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "parts-used", "温控模块 TC-200 ×1"));
  g_assert_true (kefu_job_action_dialog_set_active (dialog, "fixed", TRUE));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "comment", "服务及时,满意"));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-feedback-dialog");
  save_action (fixture, dialog, KEFU_JOB_STEP_COMPLETED);
  assert_page_says (fixture, "更换温控模块并校准");
  assert_page_says (fixture, "温控模块 TC-200 ×1");
  assert_page_says (fixture, "服务及时,满意");
  assert_page_says_en (fixture, "Completed");
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-page-completed");
  if (g_getenv ("KEFU_TEST_SHOTS") != NULL)
    {
      g_autoptr(GPtrArray) scrolled = kefu_test_find_all (GTK_WIDGET (fixture->page),
                                                          GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = NULL;

      /* The page's own, the first one shown (the error page has one too). */
      for (guint i = 0; i < scrolled->len && adjustment == NULL; i++)
        if (gtk_widget_get_mapped (scrolled->pdata[i]))
          adjustment = gtk_scrolled_window_get_vadjustment (scrolled->pdata[i]);
      g_assert_nonnull (adjustment);

      /* The trip, the feedback form and the callback, further down. */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.45);
      kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-page-completed-middle");
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-page-completed-end");
      gtk_adjustment_set_value (adjustment, 0);
    }

  /* Every step on the timeline, with who took it. */
  if (in_english ())
    {
      assert_timeline_names (fixture, "iagnos", "梁工");
      assert_timeline_names (fixture, "pproved", "马总");
    }

  /* The callback: one, due within three working days of the completion, shown on the page. */
  done = stored_job (fixture, id);
  g_assert_nonnull (done->completed_at);
  callbacks = kefu_store_list_callbacks_for (fixture->store, "service-job", id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (callbacks->len, ==, 1);
  callback = callbacks->pdata[0];
  g_assert_cmpint (callback->customer_id, ==, fixture->customer);
  g_assert_cmpint (g_date_time_compare (callback->due_at, done->completed_at), >, 0);
  /* Within three working days of the site's calendar (its defaults: nothing is set here): by
   * the end of the third working day after the completion's. */
  {
    g_autoptr(KefuWorkCalendar) calendar = NULL;
    g_autoptr(GDateTime) latest = NULL;

    calendar = kefu_work_calendar_new_from_settings (kefu_setting_get_default (KEFU_SETTING_WORK_HOURS),
                                                     kefu_setting_get_default (KEFU_SETTING_WORK_DAYS),
                                                     kefu_setting_get_default (KEFU_SETTING_WORK_HOLIDAYS),
                                                     &error);
    g_assert_no_error (error);
    latest = kefu_work_calendar_end_of_working_day (calendar, done->completed_at, 3);
    g_assert_cmpint (g_date_time_compare (callback->due_at, latest), <=, 0);
  }
  {
    g_autoptr(GDateTime) due = g_date_time_to_local (callback->due_at);
    g_autofree char *shown = g_date_time_format (due, "%Y-%m-%d %H:%M");

    assert_page_says (fixture, shown);
  }
  /* Completed: nothing moves it any more, and a clerk still sees no approval. */
  act_as (fixture, fixture->clerk);
  g_assert_false (_kefu_job_page_offers (fixture->page, KEFU_JOB_ACTION_APPROVE_SUPPORT));
  g_assert_false (_kefu_job_page_offers (fixture->page, KEFU_JOB_ACTION_FILE_FEEDBACK));

  /* Print Feedback Form asks the pane to print this job. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "job.print", NULL));
  g_assert_cmpuint (fixture->printed->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->printed, gint64, 0), ==, id);
}

/* A job reported by the clerk for the analyser; with `serial` its warranty is known (the
 * shipment's), without it unknown. */
static gint64
make_report (Fixture     *fixture,
             KefuJobKind  kind,
             const char  *symptoms,
             gboolean     serial)
{
  g_autoptr(KefuServiceJob) report = kefu_service_job_new ();
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GError) error = NULL;

  report->kind = kind;
  report->customer_id = fixture->customer;
  report->source = KEFU_JOB_SOURCE_CUSTOMER_CALL;
  report->product_id = fixture->analyser;
  report->serial = serial ? g_strdup (SERIAL) : NULL;
  report->symptoms = g_strdup (symptoms);
  kefu_store_set_actor (fixture->store, fixture->clerk);
  job = kefu_store_create_job (fixture->store, report, NULL, &error);
  g_assert_no_error (error);
  return job->id;
}

/* A job changed by someone else while a dialog is open: the save is refused, what was typed
 * stays, and saving again applies it to the job as it is now. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KefuStaff) technician = get_staff (fixture, fixture->technician);
  g_autoptr(KefuJobChange) note = NULL;
  g_autoptr(KefuServiceJob) noted = NULL;
  g_autoptr(KefuServiceJob) done = NULL;
  g_autoptr(GError) error = NULL;
  KefuJobActionDialog *dialog;
  gint64 id = make_report (fixture, KEFU_JOB_KIND_REPAIR, "比色杯温度不稳", TRUE);

  fixture->page = KEFU_JOB_PAGE (kefu_job_page_new (fixture->store, technician, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  kefu_test_wait_until (!is_busy (fixture->page) && _kefu_job_page_get_job (fixture->page) != NULL);
  kefu_store_set_actor (fixture->store, fixture->technician);
  dialog = open_action (fixture, KEFU_JOB_ACTION_DIAGNOSE);
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "需返厂检测温控模块"));
  g_assert_true (kefu_job_action_dialog_set_selected (dialog, "decision", 1));

  /* The clerk notes something on the job meanwhile. */
  note = kefu_job_change_new (KEFU_JOB_ACTION_ADD_NOTE, id,
                              _kefu_job_page_get_job (fixture->page)->version);
  note->text = g_strdup ("客户来电催问进度");
  kefu_store_set_actor (fixture->store, fixture->clerk);
  noted = kefu_store_change_job (fixture->store, note, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (noted->version, >, _kefu_job_page_get_job (fixture->page)->version);
  kefu_store_set_actor (fixture->store, fixture->technician);

  g_assert_true (kefu_job_action_dialog_save (dialog));
  kefu_test_wait_until (kefu_job_action_dialog_get_message (dialog) != NULL
                        && !kefu_job_action_dialog_get_busy (dialog));
  g_assert_true (_kefu_job_page_get_action_dialog (fixture->page) == ADW_DIALOG (dialog));
  {
    g_autoptr(KefuServiceJob) stored = stored_job (fixture, id);

    g_assert_cmpint (stored->kind, ==, KEFU_JOB_KIND_REPAIR);
  }

  /* Saved again, as typed. */
  save_action (fixture, dialog, KEFU_JOB_STEP_REPORTED);
  done = stored_job (fixture, id);
  g_assert_cmpint (done->kind, ==, KEFU_JOB_KIND_FACTORY_REPAIR);
  g_assert_cmpstr (done->diagnosis, ==, "需返厂检测温控模块");
  assert_page_says (fixture, "需返厂检测温控模块");
}

/* The position of the SF carrier in the dialogs' carrier rows (the active carriers, in order). */
static guint
sf_position (Fixture *fixture)
{
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(GError) error = NULL;

  carriers = kefu_store_list_carriers (fixture->store, FALSE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < carriers->len; i++)
    if (((KefuCarrier *) carriers->pdata[i])->kind == KEFU_CARRIER_SF)
      return i;
  g_assert_not_reached ();
}

/* A repair diagnosed for the factory: the waybill is checked against the carrier as it is
 * typed, a wrong one is not saved, and the page shows the waybill with its tracking button. */
static void
test_factory (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KefuStaff) technician = get_staff (fixture, fixture->technician);
  g_autoptr(GPtrArray) buttons = NULL;
  KefuJobActionDialog *dialog;
  gboolean tracked = FALSE;
  gint64 id = make_report (fixture, KEFU_JOB_KIND_REPAIR, "显示屏不亮", TRUE);

  fixture->page = KEFU_JOB_PAGE (kefu_job_page_new (fixture->store, technician, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  kefu_test_wait_until (!is_busy (fixture->page) && _kefu_job_page_get_job (fixture->page) != NULL);
  kefu_store_set_actor (fixture->store, fixture->technician);
  dialog = open_action (fixture, KEFU_JOB_ACTION_DIAGNOSE);
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "显示板损坏,返厂更换"));
  g_assert_true (kefu_job_action_dialog_set_selected (dialog, "decision", 1));
  save_action (fixture, dialog, KEFU_JOB_STEP_REPORTED);
  g_assert_cmpint (_kefu_job_page_get_job (fixture->page)->kind, ==, KEFU_JOB_KIND_FACTORY_REPAIR);

  act_as (fixture, fixture->clerk);
  dialog = open_action (fixture, KEFU_JOB_ACTION_SEND_TO_FACTORY);
  /* Sending has no text row: the dialog shows only what this action needs. */
  g_assert_false (kefu_job_action_dialog_set_text (dialog, "text", "x"));
  g_assert_true (kefu_job_action_dialog_set_selected (dialog, "carrier", sf_position (fixture)));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "waybill", "12345"));
  g_assert_false (kefu_job_action_dialog_save (dialog));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-send-dialog");
  g_assert_nonnull (kefu_job_action_dialog_get_message (dialog));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "waybill", "SF1234567890123"));
  save_action (fixture, dialog, KEFU_JOB_STEP_SENT_TO_FACTORY);
  assert_page_says (fixture, "SF1234567890123");
  assert_page_says (fixture, "显示板损坏,返厂更换");

  /* SF has a tracking page: the waybill's row offers it. */
  buttons = kefu_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), _("Track the Parcel")) == 0
        && gtk_widget_get_mapped (buttons->pdata[i]))
      tracked = TRUE;
  g_assert_true (tracked);
}

/* A product whose warranty is not known: the desk decides it is out of warranty, then records
 * the fee quoted and the customer's agreement (a wrong amount is not saved). */
static void
test_paid (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  g_autoptr(KefuServiceJob) paid = NULL;
  KefuJobActionDialog *dialog;
  gint64 id = make_report (fixture, KEFU_JOB_KIND_REPLACEMENT, "外壳破损,要求更换", FALSE);

  fixture->page = KEFU_JOB_PAGE (kefu_job_page_new (fixture->store, clerk, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  kefu_test_wait_until (!is_busy (fixture->page) && _kefu_job_page_get_job (fixture->page) != NULL);
  kefu_store_set_actor (fixture->store, fixture->clerk);
  g_assert_cmpint (_kefu_job_page_get_job (fixture->page)->warranty, ==, KEFU_WARRANTY_UNKNOWN);
  /* No fee before the warranty is decided. */
  g_assert_false (_kefu_job_page_offers (fixture->page, KEFU_JOB_ACTION_RECORD_FEE));

  dialog = open_action (fixture, KEFU_JOB_ACTION_SET_WARRANTY);
  g_assert_true (kefu_job_action_dialog_set_selected (dialog, "warranty", 1));
  g_assert_false (kefu_job_action_dialog_save (dialog));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "无购买发票,按过保处理"));
  save_action (fixture, dialog, KEFU_JOB_STEP_REPORTED);
  g_assert_cmpint (_kefu_job_page_get_job (fixture->page)->warranty, ==, KEFU_WARRANTY_OUT);
  assert_page_says (fixture, "无购买发票,按过保处理");
  assert_page_says_en (fixture, "No fee quoted yet");

  dialog = open_action (fixture, KEFU_JOB_ACTION_RECORD_FEE);
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "fee", "3O0"));
  g_assert_false (kefu_job_action_dialog_save (dialog));
  g_assert_nonnull (kefu_job_action_dialog_get_message (dialog));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "fee", "300"));
  g_assert_true (kefu_job_action_dialog_set_active (dialog, "agreed", TRUE));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "text", "客户电话同意"));
  save_action (fixture, dialog, KEFU_JOB_STEP_REPORTED);
  paid = stored_job (fixture, id);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-page-paid");
  g_assert_cmpint (paid->fee_fen, ==, 30000);
  g_assert_true (paid->fee_agreed);
  assert_page_says (fixture, "300.00");
  assert_page_says_en (fixture, "the customer agreed");
  assert_page_says (fixture, "客户电话同意");
}

/* Every visible label of `widget`'s tree, joined by newlines. */
static char *
widget_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (widget, GTK_TYPE_LABEL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i]))
      g_string_append_printf (text, "%s\n", gtk_label_get_label (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

static gboolean
widget_says (gpointer    widget,
             const char *words)
{
  g_autofree char *text = widget_text (GTK_WIDGET (widget));

  return strstr (text, words) != NULL;
}

/* The row of the page that activates `action` with `id`; NULL when there is none. */
static GtkWidget *
find_open_row (Fixture    *fixture,
               const char *action,
               gint64      id)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (rows->pdata[i]);

      if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), action) == 0
          && target != NULL && g_variant_get_int64 (target) == id
          && gtk_list_box_row_get_activatable (rows->pdata[i]))
        return rows->pdata[i];
    }
  return NULL;
}

/* A replacement: worded as a request, not a fault; the phone written as everywhere else; the
 * shipment the product came in and the product's history open by a click; the warranty
 * computed from the serial offered for correction with words that say so; a missing reason
 * named. */
static void
test_request_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  g_autofree char *text = NULL;
  GtkWidget *row;
  KefuJobActionDialog *dialog;
  gint64 id = make_report (fixture, KEFU_JOB_KIND_REPLACEMENT, "外壳破损，要求更换", TRUE);
  gint64 shipment_id;

  fixture->page = KEFU_JOB_PAGE (kefu_job_page_new (fixture->store, clerk, id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  kefu_test_wait_until (!is_busy (fixture->page) && _kefu_job_page_get_job (fixture->page) != NULL);
  kefu_test_flush ();
  assert_page_says (fixture, "外壳破损，要求更换");
  assert_page_says (fixture, "139 1234 5678");
  if (in_english ())
    {
      text = page_text (fixture);
      g_assert_null (strstr (text, "Fault Report"));
      g_assert_null (strstr (text, "Symptoms"));
      assert_page_says (fixture, "Reason");
    }

  /* The shipment row opens the shipment; the product's history opens this very job. */
  shipment_id = _kefu_job_page_get_job (fixture->page)->shipment_id;
  g_assert_cmpint (shipment_id, >, 0);
  row = find_open_row (fixture, "aftersales.open-shipment", shipment_id);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpuint (fixture->opened_shipments->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->opened_shipments, gint64, 0), ==, shipment_id);
  /* This job in the product's history is the page itself: it does not open again, and a
   * repair of the same serial does. */
  g_assert_null (find_open_row (fixture, "aftersales.open-job", id));
  {
    gint64 repair = make_report (fixture, KEFU_JOB_KIND_REPAIR, "显示屏不亮", TRUE);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "job.reload", NULL));
    kefu_test_wait_until (find_open_row (fixture, "aftersales.open-job", repair) != NULL);
    g_signal_emit_by_name (find_open_row (fixture, "aftersales.open-job", repair), "activate");
    g_assert_cmpuint (fixture->opened->len, ==, 1);
    g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==, repair);
  }

  /* The warranty was computed: the dialog offers to correct it. */
  g_assert_cmpint (_kefu_job_page_get_job (fixture->page)->warranty, !=, KEFU_WARRANTY_UNKNOWN);
  kefu_store_set_actor (fixture->store, fixture->clerk);
  dialog = open_action (fixture, KEFU_JOB_ACTION_SET_WARRANTY);
  g_clear_pointer (&text, g_free);
  text = widget_text (GTK_WIDGET (dialog));
  if (in_english ())
    {
      g_assert_nonnull (strstr (text, "invoice"));
      g_assert_null (strstr (text, "could not be computed"));
    }
  g_assert_false (kefu_job_action_dialog_save (dialog));
  if (in_english ())
    g_assert_cmpstr (kefu_job_action_dialog_get_message (dialog), ==,
                     "Write how the warranty was decided.");
  adw_dialog_force_close (ADW_DIALOG (dialog));
}

/* Moves a new installation to Approved through the store, by the clerk and the general
 * manager. */
static KefuServiceJob *
approved_installation (Fixture *fixture)
{
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GError) error = NULL;
  KefuJobAction actions[] = { KEFU_JOB_ACTION_REQUEST_SUPPORT, KEFU_JOB_ACTION_APPROVE_SUPPORT };
  gint64 actors[] = { fixture->clerk, fixture->gm };

  job = stored_job (fixture, make_report (fixture, KEFU_JOB_KIND_INSTALLATION, "安装分析仪", TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(KefuJobChange) change = kefu_job_change_new (actions[i], job->id, job->version);
      KefuServiceJob *changed;

      change->text = g_strdup ("上门安装");
      kefu_store_set_actor (fixture->store, actors[i]);
      changed = kefu_store_change_job (fixture->store, change, NULL, &error);
      g_assert_no_error (error);
      g_set_object (&job, changed);
      g_object_unref (changed);
    }
  return g_steal_pointer (&job);
}

static char *
day_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The Dispatch dialog says whether the technician already has a visit on the trip's days, and
 * follows the day typed. */
static void
test_dispatch_free (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  g_autoptr(KefuServiceJob) first = approved_installation (fixture);
  g_autoptr(KefuServiceJob) second = approved_installation (fixture);
  g_autoptr(KefuJobChange) dispatch = kefu_job_change_new (KEFU_JOB_ACTION_DISPATCH, first->id,
                                                           first->version);
  g_autoptr(KefuServiceJob) dispatched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *busy_day = day_from_now (4);
  g_autofree char *free_day = day_from_now (12);
  KefuJobActionDialog *dialog;

  /* The first visit: days 3 and 4 from now. */
  dispatch->technician_id = fixture->technician;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) then = g_date_time_add_days (now, 3);

    g_date_set_dmy (&dispatch->agreed_date, g_date_time_get_day_of_month (then),
                    g_date_time_get_month (then), g_date_time_get_year (then));
  }
  dispatch->travel_days = 2;
  kefu_store_set_actor (fixture->store, fixture->clerk);
  dispatched = kefu_store_change_job (fixture->store, dispatch, NULL, &error);
  g_assert_no_error (error);

  fixture->page = KEFU_JOB_PAGE (kefu_job_page_new (fixture->store, clerk, second->id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  kefu_test_wait_until (!is_busy (fixture->page) && _kefu_job_page_get_job (fixture->page) != NULL);
  dialog = open_action (fixture, KEFU_JOB_ACTION_DISPATCH);
  g_assert_true (kefu_job_action_dialog_set_technician (dialog, fixture->technician));
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "agreed-date", busy_day));
  kefu_test_wait_until (widget_says (dialog, first->reference));
  if (in_english ())
    g_assert_true (widget_says (dialog, "梁工 is away"));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-dispatch-busy");

  /* Another day: free, and the first visit's reference goes. */
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "agreed-date", free_day));
  kefu_test_wait_until (!widget_says (dialog, first->reference));
  if (in_english ())
    kefu_test_wait_until (widget_says (dialog, "Free on those days"));
  /* Still a warning, never a refusal: a busy day saves. */
  g_assert_true (kefu_job_action_dialog_set_text (dialog, "agreed-date", busy_day));
  kefu_job_action_dialog_set_travel_days (dialog, 1);
  save_action (fixture, dialog, KEFU_JOB_STEP_DISPATCHED);
}

/* The ids the list shows, once read. */
static GArray *
list_ids (KefuJobListView *view)
{
  GListModel *model = _kefu_job_list_view_get_model (view);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  kefu_test_wait_until (!is_busy (view));
  kefu_test_flush ();
  kefu_test_wait_until (!is_busy (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KefuLazyItem) item = g_list_model_get_item (model, i);
      KefuServiceJob *job;

      kefu_test_wait_until (kefu_lazy_item_get_value (item) != NULL);
      job = kefu_lazy_item_get_value (item);
      g_array_append_val (ids, job->id);
    }
  return ids;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  GtkWidget *view = kefu_job_list_view_new ();
  g_autoptr(GArray) ids = NULL;
  GtkEditable *search;
  g_autoptr(GPtrArray) toggles = NULL;
  gint64 repair, installation;

  g_object_set (view, "store", fixture->store, "staff", clerk, NULL);
  adw_navigation_view_push (fixture->navigation,
                            adw_navigation_page_new (view, "Service Jobs"));
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  /* Nothing open: the empty page says what to do, and offers the fault report. */
  {
    AdwStatusPage *empty = ADW_STATUS_PAGE (kefu_test_find_mapped (view, ADW_TYPE_STATUS_PAGE));

    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (empty), GTK_TYPE_BUTTON);

    if (in_english ())
      g_assert_nonnull (strstr (adw_status_page_get_description (empty), "fault report"));
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "aftersales.new-job") == 0)
        {
          g_assert_true (gtk_widget_get_mapped (buttons->pdata[i]));
          g_signal_emit_by_name (buttons->pdata[i], "clicked");
        }
    g_assert_cmpstr (fixture->new_job, ==, "repair");
  }

  repair = make_report (fixture, KEFU_JOB_KIND_REPAIR, "比色杯温度不稳", TRUE);
  installation = make_report (fixture, KEFU_JOB_KIND_INSTALLATION, "新机安装调试", TRUE);
  kefu_job_list_view_reload (KEFU_JOB_LIST_VIEW (view));
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "job-list");

  /* The search, after its short delay. */
  /* The drop-downs hold search entries of their own, unmapped in their popovers. */
  search = GTK_EDITABLE (kefu_test_find_mapped (view, GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "温度");
  kefu_test_wait_until (g_list_model_get_n_items (_kefu_job_list_view_get_model (KEFU_JOB_LIST_VIEW (view))) == 1);
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, repair);
  g_clear_pointer (&ids, g_array_unref);
  gtk_editable_set_text (search, "");
  kefu_test_wait_until (g_list_model_get_n_items (_kefu_job_list_view_get_model (KEFU_JOB_LIST_VIEW (view))) == 2);

  /* Awaiting approval: none yet. */
  toggles = kefu_test_find_all (view, GTK_TYPE_TOGGLE_BUTTON);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), _("Awaiting Approval")) == 0)
      gtk_toggle_button_set_active (toggles->pdata[i], TRUE);
  kefu_test_wait_until (g_list_model_get_n_items (_kefu_job_list_view_get_model (KEFU_JOB_LIST_VIEW (view))) == 0);

  /* Activating a row opens the job. */
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), _("Awaiting Approval")) == 0)
      gtk_toggle_button_set_active (toggles->pdata[i], FALSE);
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 2);
  {
    g_autoptr(GPtrArray) columns = kefu_test_find_all (view, GTK_TYPE_COLUMN_VIEW);

    g_assert_cmpuint (columns->len, ==, 1);
    g_signal_emit_by_name (columns->pdata[0], "activate", 0);
  }
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==, g_array_index (ids, gint64, 0));
  g_assert_true (g_array_index (ids, gint64, 0) == repair
                 || g_array_index (ids, gint64, 0) == installation);
}

/* "Show Archived": a job archived through the store leaves the list and is listed (alone) with
 * the toggle on, where a team lead finds it to restore it; with none archived the empty page
 * says so. */
static void
test_show_archived (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KefuStaff) clerk = get_staff (fixture, fixture->clerk);
  GtkWidget *view = kefu_job_list_view_new ();
  GListModel *model = _kefu_job_list_view_get_model (KEFU_JOB_LIST_VIEW (view));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) toggles = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KefuArchiveState) state = { 0 };
  GtkToggleButton *toggle = NULL;
  gint64 archived, kept, actor;

  g_object_set (view, "store", fixture->store, "staff", clerk, NULL);
  adw_navigation_view_push (fixture->navigation,
                            adw_navigation_page_new (view, "Service Jobs"));
  archived = make_report (fixture, KEFU_JOB_KIND_REPAIR, "比色杯温度不稳", TRUE);
  kept = make_report (fixture, KEFU_JOB_KIND_INSTALLATION, "新机安装调试", TRUE);
  kefu_job_list_view_reload (KEFU_JOB_LIST_VIEW (view));
  kefu_test_wait_until (g_list_model_get_n_items (model) == 2);

  toggles = kefu_test_find_all (view, GTK_TYPE_TOGGLE_BUTTON);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), _("Show Archived")) == 0)
      toggle = toggles->pdata[i];
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (toggle, TRUE);
  kefu_test_wait_until (g_list_model_get_n_items (model) == 0);
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (kefu_test_find_mapped (view, ADW_TYPE_STATUS_PAGE))),
                   ==, _("No Archived Service Jobs"));

  actor = kefu_store_get_actor (fixture->store);
  kefu_store_set_actor (fixture->store,
                        kefu_test_add_staff (fixture->store, "孙丽", "sunli", KEFU_ROLE_TEAM_LEAD));
  g_assert_true (kefu_store_get_archive_state (fixture->store, KEFU_ARCHIVE_SERVICE_JOB, archived,
                                               &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_archive_record (fixture->store, KEFU_ARCHIVE_SERVICE_JOB, archived,
                                            state.version, NULL, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->store, actor);

  kefu_job_list_view_reload (KEFU_JOB_LIST_VIEW (view));
  kefu_test_wait_until (g_list_model_get_n_items (model) == 1);
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, archived);
  g_clear_pointer (&ids, g_array_unref);

  /* Off: the working list leaves it out. */
  gtk_toggle_button_set_active (toggle, FALSE);
  kefu_test_wait_until (g_list_model_get_n_items (model) == 1);
  ids = list_ids (KEFU_JOB_LIST_VIEW (view));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kept);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/aftersales-jobs/repair-walk", Fixture, NULL, fixture_set_up,
              test_repair_walk, fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/conflict", Fixture, NULL, fixture_set_up, test_conflict,
              fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/factory", Fixture, NULL, fixture_set_up, test_factory,
              fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/paid", Fixture, NULL, fixture_set_up, test_paid,
              fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/show-archived", Fixture, NULL, fixture_set_up,
              test_show_archived, fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/list", Fixture, NULL, fixture_set_up, test_list,
              fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/request-page", Fixture, NULL, fixture_set_up,
              test_request_page, fixture_tear_down);
  g_test_add ("/kefu/aftersales-jobs/dispatch-free", Fixture, NULL, fixture_set_up,
              test_dispatch_free, fixture_tear_down);

  return kefu_test_run (data_home);
}
