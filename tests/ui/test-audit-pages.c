/* test-audit-pages.c: the managers' "who changed what" on the record pages and from the
 * window. Each of the customer, shipment, service job and callback pages offers History… to a
 * manager, listing that record's events only, and hides it from a clerk; a customer's or a
 * callback's row of the Who Changed What dialog opens that record's page. Over a real SQLite
 * store.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "aftersales/kefu-job-page.h"
#include "aftersales/kefu-shipment-page.h"
#include "callbacks/kefu-callback-page.h"
#include "customers/kefu-customer-page.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-audit-dialog.h"

#include "test-complaint-company.h"

typedef struct
{
  char      *dir;
  KefuStore *store;
  Dairy      dairy;
  gint64     customer;
  gint64     shipment;
  gint64     job;
  gint64     callback;
} Fixture;

static void
make_shipment (Fixture *fixture)
{
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GError) error = NULL;
  KefuShipmentLine *line = kefu_shipment_line_new ();
  gint64 sales_rep = kefu_test_make_staff (fixture->store, "李明", "liming", KEFU_ROLE_SALES_REP,
                                           fixture->dairy.cs_department, TRUE);

  request->customer_id = fixture->customer;
  request->account_manager_id = sales_rep;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  line->product_id = kefu_test_make_product (fixture->store, "分析仪 X200", 1250000);
  line->serial = g_strdup ("X200-0001");
  line->quantity = 1;
  g_date_set_dmy (&line->production_date, 1, 9, 2026);
  g_ptr_array_add (request->lines, line);

  kefu_store_set_actor (fixture->store, sales_rep);
  shipment = kefu_store_create_shipment (fixture->store, request, NULL, &error);
  g_assert_no_error (error);
  fixture->shipment = shipment->id;
}

static void
make_job (Fixture *fixture)
{
  g_autoptr(KefuServiceJob) job = kefu_service_job_new ();
  g_autoptr(KefuServiceJob) created = NULL;
  g_autoptr(GError) error = NULL;

  kefu_store_set_actor (fixture->store, fixture->dairy.gm_office);
  job->kind = KEFU_JOB_KIND_INSTALLATION;
  job->customer_id = fixture->customer;
  job->source = KEFU_JOB_SOURCE_CUSTOMER_CALL;
  job->symptoms = g_strdup ("安装分析仪");
  created = kefu_store_create_job (fixture->store, job, NULL, &error);
  g_assert_no_error (error);
  fixture->job = created->id;
}

static void
make_callback (Fixture *fixture)
{
  KefuCallbackInput input = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  input.customer_id = fixture->customer;
  input.reason = KEFU_CALLBACK_REASON_SURVEY;
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.due_at = now;
  kefu_store_set_actor (fixture->store, fixture->dairy.team_lead);
  fixture->callback = kefu_store_create_callback (fixture->store, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->callback, >, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };

  kefu_test_reset_settings ();
  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  dairy_setup (fixture->store, &fixture->dairy);

  kefu_store_set_actor (fixture->store, fixture->dairy.clerk);
  kefu_customer_set_name (customer, "华康医院");
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_address (customer, "北京市朝阳区建国路88号");
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  fixture->customer = kefu_record_get_id (KEFU_RECORD (customer));
  make_shipment (fixture);
  make_job (fixture);
  make_callback (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_flush ();
  g_clear_object (&fixture->store);
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

/* The audit dialog presented in `window`, once read; NULL when none is. */
static KefuAuditDialog *
find_dialog (GtkWidget *window)
{
  g_autoptr(GPtrArray) dialogs = kefu_test_find_all (window, KEFU_TYPE_AUDIT_DIALOG);

  return dialogs->len == 1 ? dialogs->pdata[0] : NULL;
}

typedef enum
{
  PAGE_CUSTOMER,
  PAGE_SHIPMENT,
  PAGE_JOB,
  PAGE_CALLBACK,
} PageKind;

typedef struct
{
  const char *entity;  /* what the store records the record's events under */
  const char *group;   /* the page's action group */
  const char *shown;   /* the page stack's child once the record is read */
} PageInfo;

static const PageInfo pages[] = {
  [PAGE_CUSTOMER] = { "customers", "customer", "form" },
  [PAGE_SHIPMENT] = { "shipment", "shipment", "shipment" },
  [PAGE_JOB] = { "service-job", "job", "job" },
  [PAGE_CALLBACK] = { "callback", "callback", "callback" },
};

static AdwNavigationPage *
make_page (Fixture  *fixture,
           PageKind  kind,
           KefuStaff *staff)
{
  switch (kind)
    {
    case PAGE_CUSTOMER:
      /* The customer page asks the store who works now. */
      return ADW_NAVIGATION_PAGE (kefu_customer_page_new (fixture->store, fixture->customer));
    case PAGE_SHIPMENT:
      return kefu_shipment_page_new (fixture->store, staff, fixture->shipment);
    case PAGE_JOB:
      return kefu_job_page_new (fixture->store, staff, fixture->job);
    case PAGE_CALLBACK:
      return kefu_callback_page_new (fixture->store, staff, fixture->callback);
    default:
      g_assert_not_reached ();
    }
}

static gint64
record_id (Fixture  *fixture,
           PageKind  kind)
{
  const gint64 ids[] = { fixture->customer, fixture->shipment, fixture->job, fixture->callback };

  return ids[kind];
}

/* The page of `kind` shown to `staff_id`: History… for managers only, and it lists that record's
 * events, newest first, and nothing of the other records. */
static void
check_page (Fixture  *fixture,
            PageKind  kind,
            gint64    staff_id,
            gboolean  manager)
{
  const PageInfo *info = &pages[kind];
  g_autoptr(KefuStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action = g_strconcat (info->group, ".history", NULL);
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = adw_navigation_view_new ();
  AdwNavigationPage *page;
  GtkWidget *stack;
  GtkWidget *button;
  KefuAuditDialog *dialog;
  GListModel *events;

  g_test_message ("The %s page for a %s", info->entity, manager ? "manager" : "clerk");
  kefu_store_set_actor (fixture->store, staff_id);
  staff = kefu_store_get_staff (fixture->store, staff_id, NULL, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  page = make_page (fixture, kind, staff);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), page);

  stack = find_by_id (GTK_WIDGET (page), GTK_TYPE_STACK, "stack");
  kefu_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)),
                                   info->shown) == 0);
  kefu_test_flush ();
  button = find_by_id (GTK_WIDGET (page), GTK_TYPE_BUTTON, "history_button");

  if (!manager)
    {
      g_assert_false (gtk_widget_get_visible (button));
      /* Nor does the action open anything when asked for anyway. */
      gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
      kefu_test_flush ();
      g_assert_null (find_dialog (window));
      gtk_window_destroy (GTK_WINDOW (window));
      kefu_test_flush ();
      return;
    }

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  kefu_test_wait_until (find_dialog (window) != NULL);
  dialog = find_dialog (window);
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));

  events = kefu_audit_dialog_get_events (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpstr (kefu_event_get_entity (event), ==, info->entity);
      g_assert_cmpint (kefu_event_get_entity_id (event), ==, record_id (fixture, kind));
    }
  /* Its creation is among them. */
  {
    g_autoptr(KefuEvent) oldest = g_list_model_get_item (events,
                                                         g_list_model_get_n_items (events) - 1);

    g_assert_nonnull (kefu_event_get_action (oldest));
    g_assert_cmpint (kefu_event_get_staff_id (oldest), >, 0);
  }

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  for (PageKind kind = PAGE_CUSTOMER; kind <= PAGE_CALLBACK; kind++)
    {
      check_page (fixture, kind, fixture->dairy.cs_manager, TRUE);
      check_page (fixture, kind, fixture->dairy.clerk, FALSE);
    }
  /* A team lead answers for a team, not for the log across staff members. */
  check_page (fixture, PAGE_CUSTOMER, fixture->dairy.team_lead, FALSE);
}

/* A customer's and a callback's rows of Who Changed What open their pages, as a complaint's
 * do. */
static void
test_window_opens (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuWindow *window;
  KefuAuditDialog *dialog;
  GtkWidget *page;

  kefu_store_set_actor (fixture->store, fixture->dairy.cs_manager);
  kefu_test_remember_staff (fixture->store, fixture->dairy.cs_manager);
  window = kefu_test_present_window (NULL, fixture->store, 1200, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.who-changed-what", NULL));
  kefu_test_wait_until (find_dialog (GTK_WIDGET (window)) != NULL);
  dialog = find_dialog (GTK_WIDGET (window));
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  g_signal_emit_by_name (dialog, "open-record", "customers", fixture->customer);
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (window));
  page = kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_CUSTOMER_PAGE);
  g_assert_cmpint (kefu_customer_page_get_customer_id (KEFU_CUSTOMER_PAGE (page)), ==,
                   fixture->customer);
  kefu_test_wait_until (kefu_customer_page_get_customer (KEFU_CUSTOMER_PAGE (page)) != NULL);
  kefu_test_wait_until (find_dialog (GTK_WIDGET (window)) == NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.who-changed-what", NULL));
  kefu_test_wait_until (find_dialog (GTK_WIDGET (window)) != NULL);
  dialog = find_dialog (GTK_WIDGET (window));
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (dialog));
  g_signal_emit_by_name (dialog, "open-record", "callback", fixture->callback);
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (window));
  page = kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_CALLBACK_PAGE);
  g_assert_cmpint (kefu_callback_page_get_callback_id (KEFU_CALLBACK_PAGE (page)), ==,
                   fixture->callback);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "callbacks");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  data_home = kefu_test_init (&argc, &argv);

  g_test_add ("/kefu/audit/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/kefu/audit/window-opens", Fixture, NULL, fixture_set_up, test_window_opens,
              fixture_tear_down);

  return kefu_test_run (data_home);
}
