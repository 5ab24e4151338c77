/* test-live.c: live refresh in the window. A second KefuStore opened on the same SQLite file
 * stands for another workstation: what it saves (a new complaint, a complaint moved on, a
 * callback done, a customer renamed, a shipment step) shows in the panes of the window over the
 * first store within 3 seconds without any action, the lists keeping their selection and scroll
 * position, the sidebar counts following; an open record page reads its record again in place,
 * or, with unsaved typing, keeps the typing and says who changed the record.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-live"

#include "config.h"

#include <string.h>

#include "aftersales/kefu-shipment-list-view.h"
#include "aftersales/kefu-shipment-page.h"
#include "callbacks/kefu-callback-agenda.h"
#include "callbacks/kefu-callback-month-view.h"
#include "callbacks/kefu-callbacks-pane.h"
#include "complaints/kefu-complaint-page.h"
#include "complaints/kefu-complaints-pane-private.h"
#include "core/kefu-complaint-card.h"
#include "customers/kefu-customer-page.h"
#include "customers/kefu-customer-list-model.h"
#include "customers/kefu-customers-pane.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-lazy-item.h"
#include "widgets/kefu-live-page.h"
#include "widgets/kefu-sidebar-row.h"

#include "test-callbacks-ui.h"
#include "test-complaint-company.h"

/* What the issue asks of a shared SQLite file. */
#define LIVE_LIMIT_US (3 * G_USEC_PER_SEC)

typedef struct
{
  char       *dir;
  KefuStore  *store;    /* the window's */
  KefuStore  *other;    /* another workstation's, on the same file */
  Dairy       dairy;
  KefuWindow *window;
} Fixture;

/* Waits until `condition` holds, and fails unless it held within LIVE_LIMIT_US of `since` (the
 * monotonic time the other workstation's save returned). */
#define wait_live(since, condition)                                                    \
  G_STMT_START {                                                                       \
    gint64 _elapsed;                                                                   \
    kefu_test_wait_until (condition);                                                  \
    _elapsed = g_get_monotonic_time () - (since);                                      \
    g_test_message ("%s: shown %.0f ms after the save", #condition, _elapsed / 1000.0); \
    g_assert_cmpint (_elapsed, <, LIVE_LIMIT_US);                                      \
  } G_STMT_END

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  kefu_test_reset_settings ();
  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  dairy_setup (fixture->store, &fixture->dairy);
  kefu_store_set_actor (fixture->store, fixture->dairy.cs_manager);
  path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->other = kefu_store_open (path, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->other, fixture->dairy.clerk);
}

static void
present (Fixture *fixture)
{
  kefu_test_remember_staff (fixture->store, fixture->dairy.cs_manager);
  fixture->window = kefu_test_present_window (NULL, fixture->store, 1200, 800);
  g_assert_nonnull (kefu_window_get_live (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
show_pane (Fixture    *fixture,
           const char *name)
{
  g_assert_true (kefu_window_select_pane (fixture->window, name));
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
}

static KefuSidebarRow *
sidebar_row (Fixture    *fixture,
             const char *pane)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (fixture->window),
                                                  KEFU_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (kefu_sidebar_row_get_pane_name (rows->pdata[i]), pane) == 0)
      return rows->pdata[i];

  g_assert_not_reached ();
}

/* Whether a mapped label under `root` reads `text`. */
static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static KefuComplaintStage
board_stage (KefuComplaintsPane *pane,
             gint64              id)
{
  KefuComplaintCard *card = _kefu_complaints_pane_find_card (pane, id);

  return card != NULL ? kefu_complaint_card_get_stage (card) : (KefuComplaintStage) -1;
}

/* A complaint saved at the other workstation appears on the board and in the sidebar's count;
 * moved on there, its card moves here. */
static void
test_complaints (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuComplaintsPane *pane;
  KefuSidebarRow *row;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) moved = NULL;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(GError) error = NULL;
  KefuComplaintStage before;
  gint64 count, id, saved;

  dairy_complaint (fixture->store, &fixture->dairy, fixture->dairy.clerk, "张三",
                   KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
  present (fixture);
  show_pane (fixture, "complaints");
  pane = KEFU_COMPLAINTS_PANE (kefu_test_find_mapped (GTK_WIDGET (fixture->window),
                                                      KEFU_TYPE_COMPLAINTS_PANE));
  row = sidebar_row (fixture, "complaints");
  kefu_test_wait_until (kefu_sidebar_row_get_count (row) == 1);
  count = kefu_sidebar_row_get_count (row);

  id = dairy_complaint (fixture->other, &fixture->dairy, fixture->dairy.clerk, "孙七",
                        KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE);
  saved = g_get_monotonic_time ();
  wait_live (saved, _kefu_complaints_pane_find_card (pane, id) != NULL);
  wait_live (saved, kefu_sidebar_row_get_count (row) == count + 1);

  /* Moved on at the other workstation: routed when new, else taken in hand. */
  card = kefu_store_get_complaint_card (fixture->other, id, NULL, &error);
  g_assert_no_error (error);
  before = kefu_complaint_card_get_stage (card);
  g_assert_cmpint (board_stage (pane, id), ==, before);
  if (before == KEFU_COMPLAINT_STAGE_NEW)
    {
      change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ROUTE, id,
                                          kefu_complaint_card_get_version (card));
      change->add_departments = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (change->add_departments, fixture->dairy.qc_department);
      kefu_store_set_actor (fixture->other, fixture->dairy.cs_manager);
    }
  else
    {
      change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, id,
                                          kefu_complaint_card_get_version (card));
      kefu_store_set_actor (fixture->other, fixture->dairy.qc_manager);
    }
  moved = kefu_store_change_complaint (fixture->other, change, NULL, &error);
  g_assert_no_error (error);
  saved = g_get_monotonic_time ();
  g_assert_cmpint (kefu_complaint_card_get_stage (moved), !=, before);
  wait_live (saved, board_stage (pane, id) == kefu_complaint_card_get_stage (moved));
}

static gint64
make_customer (KefuStore  *store,
               const char *name)
{
  static guint serial;
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = g_strdup_printf ("1380013%04u", ++serial);
  const char *phones[] = { phone, NULL };

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_address (customer, "北京市朝阳区建国路88号");
  kefu_store_create_customer (store, customer, NULL, &error);
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

/* Renames customer `id` at `store`'s workstation, as its customer page saves. */
static void
rename_customer (KefuStore  *store,
                 gint64      id,
                 const char *name)
{
  g_autoptr(KefuCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = kefu_store_get_customer (store, id, NULL, &error);
  g_assert_no_error (error);
  kefu_customer_set_name (customer, name);
  g_assert_true (kefu_store_update_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
}

static guint
position_of (KefuCustomerListModel *model,
             gint64                 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    if (kefu_customer_list_model_get_id (model, i) == id)
      return i;
  return G_MAXUINT;
}

/* The customers list in the middle of a long list, one row selected: a customer added above
 * and the selected one renamed elsewhere. The new name shows, the same customer stays
 * selected and the rows on screen stay on screen; the sidebar counts one customer more. */
static void
test_customers_list (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuCustomersPane *pane;
  KefuCustomerListModel *model;
  GtkColumnView *view;
  GtkSelectionModel *selection;
  GtkAdjustment *adjustment;
  KefuSidebarRow *row;
  gint64 chosen = 0, added, saved;
  double scrolled;
  guint position;

  for (guint i = 1; i <= 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户 %03u", i);
      gint64 id = make_customer (fixture->store, name);

      if (i == 40)
        chosen = id;
    }
  present (fixture);
  show_pane (fixture, "customers");
  pane = KEFU_CUSTOMERS_PANE (kefu_test_find_mapped (GTK_WIDGET (fixture->window),
                                                     KEFU_TYPE_CUSTOMERS_PANE));
  model = kefu_customers_pane_get_model (pane);
  view = GTK_COLUMN_VIEW (kefu_test_find_mapped (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW));
  selection = gtk_column_view_get_model (view);
  row = sidebar_row (fixture, "customers");
  kefu_test_wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 80 &&
                        kefu_sidebar_row_get_count (row) == 80);

  position = position_of (model, chosen);
  g_assert_cmpuint (position, ==, 39);
  gtk_column_view_scroll_to (view, position, NULL, GTK_LIST_SCROLL_SELECT, NULL);
  kefu_test_wait_until (label_shown (GTK_WIDGET (view), "客户 040") &&
                        !kefu_window_get_busy (fixture->window));
  kefu_test_flush ();
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 0);
  g_assert_true (gtk_selection_model_is_selected (selection, position));

  added = make_customer (fixture->other, "客户 000");
  rename_customer (fixture->other, chosen, "客户 040 新");
  saved = g_get_monotonic_time ();
  wait_live (saved, label_shown (GTK_WIDGET (view), "客户 040 新"));
  wait_live (saved, kefu_sidebar_row_get_count (row) == 81);
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
  kefu_test_flush ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 81);
  g_assert_cmpint (kefu_customer_list_model_get_id (model, 0), ==, added);
  position = position_of (model, chosen);
  g_assert_cmpuint (position, ==, 40);
  /* The same customer is selected, and nothing else. */
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  }
  /* The rows shown stay shown: the view moved by the row added above at most. */
  g_assert_true (label_shown (GTK_WIDGET (view), "客户 041"));
  g_assert_cmpfloat (ABS (gtk_adjustment_get_value (adjustment) - scrolled), <,
                     gtk_adjustment_get_page_size (adjustment) / 4);
}

static gint64
make_callback (KefuStore *store,
               gint64     customer,
               gint64     actor)
{
  KefuCallbackInput input = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  input.customer_id = customer;
  input.reason = KEFU_CALLBACK_REASON_SURVEY;
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.due_at = now;
  kefu_store_set_actor (store, actor);
  id = kefu_store_create_callback (store, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static KefuCallback *
agenda_callback (GListModel *agenda,
                 gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(KefuCallback) callback = g_list_model_get_item (agenda, i);

      if (callback->id == id)
        return callback;
    }
  return NULL;
}

static gboolean
agenda_state (GListModel        *agenda,
              gint64             id,
              KefuCallbackState  state)
{
  KefuCallback *callback = agenda_callback (agenda, id);

  return callback != NULL && callback->state == state;
}

/* The team's callbacks of today: one done at the other workstation shows done in the agenda;
 * one made there shows up. */
static void
test_callbacks (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 customer = make_customer (fixture->store, "李四");
  gint64 first = make_callback (fixture->store, customer, fixture->dairy.team_lead);
  gint64 second, saved;
  GtkWidget *pane;
  GListModel *agenda;
  guint n;

  present (fixture);
  show_pane (fixture, "callbacks");
  pane = kefu_test_find_mapped (GTK_WIDGET (fixture->window), KEFU_TYPE_CALLBACKS_PANE);
  g_assert_true (gtk_widget_activate_action (pane, "callbacks.show", "s", "team"));
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
  /* The day the callback was planned for (the site's quiet hours may have moved it). */
  {
    g_autoptr(KefuCallback) callback = kefu_store_get_callback (fixture->store, first, NULL,
                                                                NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (callback->due_at);
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                    g_date_time_get_year (local));
    kefu_callback_month_view_select_day (
      KEFU_CALLBACK_MONTH_VIEW (kefu_test_find_mapped (pane, KEFU_TYPE_CALLBACK_MONTH_VIEW)),
      &day);
    kefu_test_flush ();
    kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
  }
  agenda = kefu_callback_agenda_get_model (
    KEFU_CALLBACK_AGENDA (kefu_test_find_mapped (pane, KEFU_TYPE_CALLBACK_AGENDA)));
  kefu_test_wait_until (agenda_state (agenda, first, KEFU_CALLBACK_STATE_DUE));
  n = g_list_model_get_n_items (agenda);

  test_callbacks_record (fixture->other, fixture->dairy.clerk, first,
                         KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SATISFIED, "很好");
  saved = g_get_monotonic_time ();
  wait_live (saved, agenda_state (agenda, first, KEFU_CALLBACK_STATE_DONE));
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, n);

  second = make_callback (fixture->other, customer, fixture->dairy.team_lead);
  saved = g_get_monotonic_time ();
  wait_live (saved, agenda_state (agenda, second, KEFU_CALLBACK_STATE_DUE));
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, n + 1);
}

typedef struct
{
  gint64 sales_rep;
  gint64 finance;
  gint64 product;
  gint64 customer;
} ShipCo;

static KefuShipment *
request_shipment (KefuStore    *store,
                  const ShipCo *co)
{
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(GError) error = NULL;
  KefuShipmentLine *line = kefu_shipment_line_new ();
  KefuShipment *shipment;

  request->customer_id = co->customer;
  request->account_manager_id = co->sales_rep;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  line->product_id = co->product;
  line->serial = g_strdup ("X200-0001");
  line->quantity = 1;
  g_date_set_dmy (&line->production_date, 1, 9, 2026);
  g_ptr_array_add (request->lines, line);

  kefu_store_set_actor (store, co->sales_rep);
  shipment = kefu_store_create_shipment (store, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shipment);
  return shipment;
}

static KefuShipment *
list_shipment (GListModel *list,
               gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KefuLazyItem) item = g_list_model_get_item (list, i);

      if (kefu_lazy_item_get_id (item) == id)
        return kefu_lazy_item_get_value (item);
    }
  return NULL;
}

static gboolean
list_step (GListModel       *list,
           gint64            id,
           KefuShipmentStep  step)
{
  KefuShipment *shipment = list_shipment (list, id);

  return shipment != NULL && shipment->step == step;
}

/* A shipping request made at the other workstation appears in the shipments list and in the
 * sidebar's count; its payment confirmed there, the list shows the new step. */
static void
test_shipments (Fixture       *fixture,
                gconstpointer  data)
{
  ShipCo co;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(KefuShipment) paid = NULL;
  g_autoptr(KefuShipmentChange) change = NULL;
  g_autoptr(GError) error = NULL;
  KefuSidebarRow *row;
  KefuShipmentPage *page;
  GtkWidget *list_view;
  GListModel *list;
  gint64 saved;

  kefu_store_set_system_actor (fixture->store);
  co.sales_rep = kefu_test_make_staff (fixture->store, "李明", "liming", KEFU_ROLE_SALES_REP,
                                       fixture->dairy.cs_department, TRUE);
  co.finance = kefu_test_make_staff (fixture->store, "钱会计", "qian", KEFU_ROLE_FINANCE,
                                     fixture->dairy.cs_department, TRUE);
  co.product = kefu_test_make_product (fixture->store, "分析仪 X200", 1250000);
  co.customer = make_customer (fixture->store, "华康医院");
  kefu_store_set_actor (fixture->store, fixture->dairy.cs_manager);
  present (fixture);
  show_pane (fixture, "aftersales");
  row = sidebar_row (fixture, "aftersales");
  list_view = kefu_test_find_mapped (GTK_WIDGET (fixture->window), KEFU_TYPE_SHIPMENT_LIST_VIEW);
  list = kefu_shipment_list_view_get_model (KEFU_SHIPMENT_LIST_VIEW (list_view));
  kefu_test_wait_until (kefu_sidebar_row_get_count (row) == 0);

  shipment = request_shipment (fixture->other, &co);
  saved = g_get_monotonic_time ();
  wait_live (saved, list_step (list, shipment->id, KEFU_SHIPMENT_STEP_REQUESTED));
  wait_live (saved, kefu_sidebar_row_get_count (row) == 1);

  change = kefu_shipment_change_new (KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, shipment->id,
                                     shipment->version);
  change->amount_fen = 1250000;
  change->at = g_date_time_new_now_utc ();
  kefu_store_set_actor (fixture->other, co.finance);
  paid = kefu_store_change_shipment (fixture->other, change, NULL, &error);
  g_assert_no_error (error);
  saved = g_get_monotonic_time ();
  wait_live (saved, list_step (list, shipment->id, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED));

  /* Its page open here, with nothing being entered: the next step taken elsewhere shows. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "open-shipment",
                                  g_variant_new_int64 (shipment->id));
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
  page = KEFU_SHIPMENT_PAGE (kefu_test_find_mapped (GTK_WIDGET (fixture->window),
                                                    KEFU_TYPE_SHIPMENT_PAGE));
  g_assert_cmpint (kefu_shipment_page_get_shipment (page)->step, ==,
                   KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = kefu_shipment_change_new (KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, paid->id,
                                     paid->version);
  change->dispatch_number = g_strdup ("FD-0042");
  g_clear_object (&shipment);
  shipment = kefu_store_change_shipment (fixture->other, change, NULL, &error);
  g_assert_no_error (error);
  saved = g_get_monotonic_time ();
  wait_live (saved, kefu_shipment_page_get_shipment (page)->version == shipment->version);
  g_assert_cmpint (kefu_live_page_get_n_reloads (GTK_WIDGET (page)), ==, 1);
}

static GtkEditable *
page_entry (KefuCustomerPage *page,
            const char       *id)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (rows->pdata[i]), id) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* An open customer page with nothing typed reads the customer again in place when it is renamed
 * elsewhere; with typing, it keeps the typing and says who changed the customer, and its
 * Reload button reads it again. */
static void
test_customer_page (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = make_customer (fixture->store, "王五");
  KefuCustomersPane *pane;
  KefuCustomerPage *page;
  AdwBanner *banner;
  GtkEditable *name, *address;
  gint64 saved;

  present (fixture);
  show_pane (fixture, "customers");
  pane = KEFU_CUSTOMERS_PANE (kefu_test_find_mapped (GTK_WIDGET (fixture->window),
                                                     KEFU_TYPE_CUSTOMERS_PANE));
  kefu_customers_pane_open_customer (pane, id);
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
  page = KEFU_CUSTOMER_PAGE (kefu_test_find_mapped (GTK_WIDGET (pane), KEFU_TYPE_CUSTOMER_PAGE));
  name = page_entry (page, "name_row");
  address = page_entry (page, "address_row");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "王五");

  /* Nothing typed: read again in place, silently. */
  rename_customer (fixture->other, id, "王五一");
  saved = g_get_monotonic_time ();
  wait_live (saved, g_strcmp0 (gtk_editable_get_text (name), "王五一") == 0);
  g_assert_false (kefu_customer_page_get_modified (page));
  g_assert_cmpuint (kefu_live_page_get_n_reloads (GTK_WIDGET (page)), ==, 1);
  banner = kefu_live_page_get_banner (GTK_WIDGET (page));
  g_assert_true (banner == NULL || !adw_banner_get_revealed (banner));

  /* Typing meanwhile: kept, and the banner says who changed the customer and when. */
  gtk_editable_set_text (address, "上海市徐汇区仁和街 8 号");
  g_assert_true (kefu_customer_page_get_modified (page));
  rename_customer (fixture->other, id, "王五二");
  saved = g_get_monotonic_time ();
  wait_live (saved, (banner = kefu_live_page_get_banner (GTK_WIDGET (page))) != NULL &&
                    adw_banner_get_revealed (banner));
  g_assert_true (g_str_has_prefix (adw_banner_get_title (banner), "Changed by 王芳 at "));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "live-customer-page-banner");
  g_assert_cmpstr (gtk_editable_get_text (address), ==, "上海市徐汇区仁和街 8 号");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "王五一");
  g_assert_true (kefu_customer_page_get_modified (page));
  g_assert_cmpuint (kefu_live_page_get_n_reloads (GTK_WIDGET (page)), ==, 1);

  /* Another change while the banner shows keeps the typing too. */
  rename_customer (fixture->other, id, "王五三");
  saved = g_get_monotonic_time ();
  while (g_get_monotonic_time () - saved < LIVE_LIMIT_US)
    kefu_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (address), ==, "上海市徐汇区仁和街 8 号");
  g_assert_true (adw_banner_get_revealed (banner));

  /* Reload, asked for: the stored customer replaces what was typed, and the banner goes. */
  g_signal_emit_by_name (banner, "button-clicked");
  kefu_test_wait_until (g_strcmp0 (gtk_editable_get_text (name), "王五三") == 0 &&
                        !kefu_window_get_busy (fixture->window));
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_cmpstr (gtk_editable_get_text (address), ==, "北京市朝阳区建国路88号");
  g_assert_false (kefu_customer_page_get_modified (page));
}

/* Whether a mapped label under `root` contains `text`. */
static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

/* An open complaint page with nothing typed shows a note added elsewhere, read again in place. */
static void
test_complaint_page (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 id = dairy_complaint (fixture->store, &fixture->dairy, fixture->dairy.clerk, "张三",
                               KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) changed = NULL;
  g_autoptr(KefuComplaintChange) note = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  gint64 saved;

  present (fixture);
  kefu_window_open_complaint (fixture->window, id);
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
  page = kefu_test_find_mapped (GTK_WIDGET (fixture->window), KEFU_TYPE_COMPLAINT_PAGE);
  g_assert_false (label_contains (page, "已电话联系客户"));

  card = kefu_store_get_complaint_card (fixture->other, id, NULL, &error);
  g_assert_no_error (error);
  note = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, id,
                                    kefu_complaint_card_get_version (card));
  note->text = g_strdup ("已电话联系客户");
  kefu_store_set_actor (fixture->other, fixture->dairy.cs_manager);
  changed = kefu_store_change_complaint (fixture->other, note, NULL, &error);
  g_assert_no_error (error);
  saved = g_get_monotonic_time ();
  wait_live (saved, label_contains (page, "已电话联系客户"));
  g_assert_cmpuint (kefu_live_page_get_n_reloads (page), ==, 1);
  g_assert_null (kefu_live_page_get_banner (page));
}

typedef struct
{
  guint   n_emissions;
  GArray *ids;
  gboolean whole;
} Told;

static void
told_cb (KefuLive *live,
         GArray   *ids,
         gboolean  whole,
         Told     *told)
{
  told->n_emissions++;
  g_array_append_vals (told->ids, ids->data, ids->len);
  told->whole = whole;
}

static void
feed (KefuLive   *live,
      const char *entity,
      gint64      first,
      gint64      last)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 id = first; id <= last; id++)
    g_array_append_val (ids, id);
  kefu_live_feed (live, entity, ids);
}

/* The store's entity names, uneven as they are, reach the panes as kinds; a burst reaches each
 * kind once, each id once; a bulk load (entity id 0) says "read it all". */
static void
test_gather (void)
{
  g_autoptr(KefuLive) live = kefu_live_new (NULL);
  Told complaints = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)), FALSE };
  Told shipments = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)), FALSE };
  Told jobs = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)), FALSE };
  gboolean whole = TRUE;

  g_assert_cmpint (kefu_live_kind_for_entity ("complaint", 3, &whole), ==, KEFU_LIVE_COMPLAINTS);
  g_assert_false (whole);
  g_assert_cmpint (kefu_live_kind_for_entity ("complaints", 3, NULL), ==, KEFU_LIVE_COMPLAINTS);
  g_assert_cmpint (kefu_live_kind_for_entity ("service-job", 3, NULL), ==, KEFU_LIVE_JOBS);
  g_assert_cmpint (kefu_live_kind_for_entity ("service-jobs", 0, &whole), ==, KEFU_LIVE_JOBS);
  g_assert_true (whole);
  g_assert_cmpint (kefu_live_kind_for_entity ("shipment", 3, NULL), ==, KEFU_LIVE_SHIPMENTS);
  g_assert_cmpint (kefu_live_kind_for_entity ("callback", 3, NULL), ==, KEFU_LIVE_CALLBACKS);
  g_assert_cmpint (kefu_live_kind_for_entity ("callback-campaign", 3, &whole), ==,
                   KEFU_LIVE_CALLBACKS);
  g_assert_true (whole);
  g_assert_cmpint (kefu_live_kind_for_entity ("customers", 0, &whole), ==, KEFU_LIVE_CUSTOMERS);
  g_assert_true (whole);
  g_assert_cmpint (kefu_live_kind_for_entity ("settings", 0, NULL), ==, KEFU_LIVE_SETTINGS);
  g_assert_cmpint (kefu_live_kind_for_entity ("no-such-thing", 3, NULL), ==, 0);
  g_assert_cmpstr (kefu_live_kind_to_string (KEFU_LIVE_JOBS), ==, "jobs");

  g_signal_connect (live, "changed::complaints", G_CALLBACK (told_cb), &complaints);
  g_signal_connect (live, "changed::shipments", G_CALLBACK (told_cb), &shipments);
  g_signal_connect (live, "changed::jobs", G_CALLBACK (told_cb), &jobs);

  /* A burst of fifty events over three reads of the log. */
  feed (live, "complaint", 1, 20);
  feed (live, "complaints", 15, 30);
  feed (live, "shipment", 7, 7);
  feed (live, "complaint", 25, 40);
  feed (live, "service-jobs", 0, 0);
  g_assert_cmpuint (complaints.n_emissions, ==, 0);
  kefu_test_wait_until (complaints.n_emissions > 0 && shipments.n_emissions > 0 &&
                        jobs.n_emissions > 0);
  kefu_test_flush ();
  g_assert_cmpuint (complaints.n_emissions, ==, 1);
  g_assert_cmpuint (complaints.ids->len, ==, 40);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpint (g_array_index (complaints.ids, gint64, i), ==, i + 1);
  g_assert_false (complaints.whole);
  g_assert_cmpuint (shipments.n_emissions, ==, 1);
  g_assert_cmpuint (shipments.ids->len, ==, 1);
  g_assert_cmpuint (jobs.n_emissions, ==, 1);
  g_assert_true (jobs.whole);

  /* The next burst is told anew, at once when asked. */
  feed (live, "complaint", 5, 5);
  kefu_live_flush (live);
  g_assert_cmpuint (complaints.n_emissions, ==, 2);
  g_assert_cmpuint (complaints.ids->len, ==, 41);

  g_array_unref (complaints.ids);
  g_array_unref (shipments.ids);
  g_array_unref (jobs.ids);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add_func ("/kefu/live/gather", test_gather);
  g_test_add ("/kefu/live/complaints", Fixture, NULL, fixture_set_up, test_complaints,
              fixture_tear_down);
  g_test_add ("/kefu/live/customers-list", Fixture, NULL, fixture_set_up, test_customers_list,
              fixture_tear_down);
  g_test_add ("/kefu/live/callbacks", Fixture, NULL, fixture_set_up, test_callbacks,
              fixture_tear_down);
  g_test_add ("/kefu/live/shipments", Fixture, NULL, fixture_set_up, test_shipments,
              fixture_tear_down);
  g_test_add ("/kefu/live/complaint-page", Fixture, NULL, fixture_set_up, test_complaint_page,
              fixture_tear_down);
  g_test_add ("/kefu/live/customer-page", Fixture, NULL, fixture_set_up, test_customer_page,
              fixture_tear_down);
  return kefu_test_run (data_home);
}
