/* test-aftersales-pane.c: the After-Sales pane in the window: its view switcher, the
 * technicians' calendar (a dispatched visit on its days for its technician, a free technician's
 * empty row, a visit opening its job), the sidebar's count, and the carriers in Preferences.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-aftersales-pane"

#include "config.h"

#include <string.h>

#include "aftersales/kefu-aftersales-pane.h"
#include "aftersales/kefu-job-dialog.h"
#include "aftersales/kefu-job-page.h"
#include "aftersales/kefu-shipment-dialog.h"
#include "aftersales/kefu-technician-calendar.h"
#include "core/kefu-history-entry.h"
#include "core/kefu-settings-keys.h"
#include "customers/kefu-customer-page.h"
#include "customers/kefu-customers-pane.h"
#include "kefu-aftersales-settings-page.h"
#include "kefu-application.h"
#include "kefu-window.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-customer-history-view.h"
#include "widgets/kefu-sidebar-row.h"

#include "kefu-ui-test.h"

typedef struct
{
  gint64 manager;
  gint64 busy_technician;
  gint64 free_technician;
  gint64 customer;
  gint64 job;
  char   reference[32];
  GDate  visit_day;     /* the first day of the visit */
} Site;

static gint64
make_customer (KefuStore  *store,
               const char *name)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  gint64 actor = kefu_store_get_actor (store);

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_address (customer, "北京市朝阳区建国路88号");
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, actor);

  return kefu_record_get_id (KEFU_RECORD (customer));
}

static KefuServiceJob *
change_job (KefuStore      *store,
            KefuServiceJob *job,
            KefuJobChange  *change)
{
  g_autoptr(GError) error = NULL;
  KefuServiceJob *changed = kefu_store_change_job (store, change, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changed);
  g_object_unref (job);
  kefu_job_change_free (change);
  return changed;
}

/* An installation dispatched to one technician for two days from Tuesday next week (inside the
 * calendar's first two weeks whatever today is), and another technician with nothing to do. */
static void
site_setup (KefuStore *store,
            Site      *site)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KefuServiceJob *job = kefu_service_job_new ();
  KefuServiceJob *created;
  KefuJobChange *change;

  site->manager = kefu_test_add_staff (store, "周涛", "zhoutao", KEFU_ROLE_GM_OFFICE);
  site->busy_technician = kefu_test_add_staff (store, "梁工", "liang", KEFU_ROLE_TECHNICIAN);
  site->free_technician = kefu_test_add_staff (store, "吴工", "wu", KEFU_ROLE_TECHNICIAN);
  site->customer = make_customer (store, "张三");

  g_date_clear (&site->visit_day, 1);
  g_date_set_dmy (&site->visit_day, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_subtract_days (&site->visit_day, g_date_get_weekday (&site->visit_day) - G_DATE_MONDAY);
  g_date_add_days (&site->visit_day, 8);

  kefu_store_set_actor (store, site->manager);
  job->kind = KEFU_JOB_KIND_INSTALLATION;
  job->customer_id = site->customer;
  job->source = KEFU_JOB_SOURCE_CUSTOMER_CALL;
  job->symptoms = g_strdup ("安装分析仪");
  created = kefu_store_create_job (store, job, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (job);
  job = created;

  change = kefu_job_change_new (KEFU_JOB_ACTION_REQUEST_SUPPORT, job->id, job->version);
  change->text = g_strdup ("上门安装");
  job = change_job (store, job, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_APPROVE_SUPPORT, job->id, job->version);
  job = change_job (store, job, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_DISPATCH, job->id, job->version);
  change->technician_id = site->busy_technician;
  change->agreed_date = site->visit_day;
  change->travel_days = 2;
  job = change_job (store, job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_DISPATCHED);

  site->job = job->id;
  g_strlcpy (site->reference, job->reference, sizeof site->reference);
  g_object_unref (job);
}

static KefuSidebarRow *
aftersales_row (KefuWindow *window)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (kefu_sidebar_row_get_pane_name (rows->pdata[i]), "aftersales") == 0)
      return rows->pdata[i];

  g_assert_not_reached ();
}

static gint
calendar_row (KefuTechnicianCalendar *calendar,
              const char             *name)
{
  for (guint i = 0; i < kefu_technician_calendar_get_n_rows (calendar); i++)
    if (g_strcmp0 (kefu_technician_calendar_get_row_name (calendar, i), name) == 0)
      return i;

  return -1;
}

/* TRUE when the header's New Shipment… is the suggested button, FALSE when Report Fault… is
 * (the two are never both, nor neither). */
static gboolean
suggests_new_shipment (KefuAftersalesPane *pane)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (pane), GTK_TYPE_BUTTON);
  g_autoptr(GPtrArray) splits = kefu_test_find_all (GTK_WIDGET (pane), ADW_TYPE_SPLIT_BUTTON);
  GtkWidget *new_shipment = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "New Shipment…") == 0)
      new_shipment = buttons->pdata[i];
  g_assert_nonnull (new_shipment);
  g_assert_cmpuint (splits->len, ==, 1);
  g_assert_cmpstr (adw_split_button_get_label (splits->pdata[0]), ==, "Report Fault…");
  g_assert_true (gtk_widget_has_css_class (new_shipment, "suggested-action") !=
                 gtk_widget_has_css_class (splits->pdata[0], "suggested-action"));
  return gtk_widget_has_css_class (new_shipment, "suggested-action");
}

/* The view switcher: the toggle group with the Technicians toggle (the lists have their own). */
static AdwToggleGroup *
find_switcher (GtkWidget *root)
{
  g_autoptr(GPtrArray) groups = kefu_test_find_all (root, ADW_TYPE_TOGGLE_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (adw_toggle_group_get_toggle_by_name (groups->pdata[i], "technicians") != NULL)
      return groups->pdata[i];

  return NULL;
}

/* The visit's button in the calendar: the one that opens `job_id`. */
static GtkWidget *
find_visit_button (GtkWidget *root,
                   gint64     job_id)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (buttons->pdata[i]);

      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "aftersales.open-job") == 0 &&
          target != NULL && g_variant_get_int64 (target) == job_id)
        return buttons->pdata[i];
    }

  return NULL;
}

/* The window shows the pane in place of a placeholder; its switcher changes the view; the
 * calendar puts the dispatched visit on its two days in its technician's row and leaves the
 * free technician's row empty; a visit opens its job; the sidebar counts what the store counts. */
static void
test_pane (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) panes = NULL;
  KefuAftersalesPane *pane;
  KefuTechnicianCalendar *calendar;
  AdwToggleGroup *toggles;
  AdwNavigationView *navigation;
  GtkWidget *button;
  KefuSidebarRow *row;
  KefuWindow *window;
  gint64 days[KEFU_TECHNICIAN_CALENDAR_DAYS];
  gint64 n_jobs = -1, n_shipments = -1, n_attention = -1, n_awaiting = -1;
  g_autofree char *details = NULL;
  GDate first_day;
  gint busy_row, free_row, visit_index;
  Site site;

  kefu_test_reset_settings ();
  site_setup (store, &site);
  /* The visit's second day is a holiday (the technician works it all the same). */
  {
    GDate holiday = site.visit_day;
    char text[16];
    g_autoptr(GError) error = NULL;

    g_date_add_days (&holiday, 1);
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &holiday);
    kefu_store_set_system_actor (store);
    g_assert_true (kefu_store_set_setting (store, KEFU_SETTING_WORK_HOLIDAYS, text, NULL, &error));
    g_assert_no_error (error);
  }

  kefu_test_remember_staff (store, site.manager);
  window = kefu_test_present_window (NULL, store, 1400, 900);

  panes = kefu_test_find_all (GTK_WIDGET (window), KEFU_TYPE_AFTERSALES_PANE);
  g_assert_cmpuint (panes->len, ==, 1);
  pane = panes->pdata[0];
  g_assert_true (kefu_window_select_pane (window, "aftersales"));
  kefu_test_wait_until (!kefu_window_get_busy (window));
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  g_assert_cmpstr (kefu_aftersales_pane_get_view (pane), ==, "shipments");

  /* The switcher, as a click would use it, and the action other widgets use. */
  toggles = find_switcher (GTK_WIDGET (pane));
  g_assert_nonnull (toggles);
  g_assert_true (suggests_new_shipment (pane));
  adw_toggle_group_set_active_name (toggles, "jobs");
  g_assert_cmpstr (kefu_aftersales_pane_get_view (pane), ==, "jobs");
  /* The suggested button follows the view: a fault report over the jobs. */
  g_assert_false (suggests_new_shipment (pane));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "aftersales.view", "s", "technicians"));
  g_assert_cmpstr (kefu_aftersales_pane_get_view (pane), ==, "technicians");
  g_assert_cmpstr (adw_toggle_group_get_active_name (toggles), ==, "technicians");
  g_assert_false (suggests_new_shipment (pane));

  /* The calendar: both technicians, the visit on Tuesday and Wednesday next week only. */
  calendar = KEFU_TECHNICIAN_CALENDAR (kefu_test_find_mapped (GTK_WIDGET (pane),
                                                               KEFU_TYPE_TECHNICIAN_CALENDAR));
  kefu_test_wait_until (!kefu_window_get_busy (window) &&
                        kefu_technician_calendar_get_n_rows (calendar) == 2);
  busy_row = calendar_row (calendar, "梁工");
  free_row = calendar_row (calendar, "吴工");
  g_assert_cmpint (busy_row, >=, 0);
  g_assert_cmpint (free_row, >=, 0);

  kefu_technician_calendar_get_first_day (calendar, &first_day);
  g_assert_cmpint (g_date_get_weekday (&first_day), ==, G_DATE_MONDAY);
  visit_index = g_date_days_between (&first_day, &site.visit_day);
  g_assert_cmpint (visit_index, ==, 8);

  kefu_technician_calendar_get_row_days (calendar, busy_row, days);
  for (gint i = 0; i < KEFU_TECHNICIAN_CALENDAR_DAYS; i++)
    g_assert_cmpint (days[i], ==, i == visit_index || i == visit_index + 1 ? site.job : 0);
  kefu_technician_calendar_get_row_days (calendar, free_row, days);
  for (gint i = 0; i < KEFU_TECHNICIAN_CALENDAR_DAYS; i++)
    g_assert_cmpint (days[i], ==, 0);

  /* The visit's block says whose and which job to a screen reader, and spans its two days. */
  button = find_visit_button (GTK_WIDGET (calendar), site.job);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focus_on_click (button));
  {
    g_autofree char *first = NULL;
    g_autofree char *last = NULL;
    g_autofree char *expected = NULL;
    GDate end = site.visit_day;
    g_autoptr(GDateTime) first_time = NULL;
    g_autoptr(GDateTime) last_time = NULL;

    g_date_add_days (&end, 1);
    first_time = g_date_time_new_local (g_date_get_year (&site.visit_day), g_date_get_month (&site.visit_day),
                                        g_date_get_day (&site.visit_day), 0, 0, 0);
    last_time = g_date_time_new_local (g_date_get_year (&end), g_date_get_month (&end),
                                       g_date_get_day (&end), 0, 0, 0);
    first = g_date_time_format (first_time, "%-d %b");
    last = g_date_time_format (last_time, "%-d %b");
    g_assert_cmpint (g_date_get_weekday (&site.visit_day), ==, G_DATE_TUESDAY);
    expected = g_strdup_printf ("梁工: 张三, %s, %s to %s", site.reference, first, last);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         expected);
  }
  {
    GtkWidget *grid = gtk_widget_get_parent (button);
    int column, width;

    gtk_grid_query_child (GTK_GRID (grid), button, &column, NULL, &width, NULL);
    g_assert_cmpint (column, ==, 1 + visit_index);
    g_assert_cmpint (width, ==, 2);

    /* Days off are shaded: the Sundays (the site works Monday to Saturday by default) and the
     * holiday; the other days are not. */
    for (gint i = 0; i < KEFU_TECHNICIAN_CALENDAR_DAYS; i++)
      {
        GtkWidget *head = gtk_grid_get_child_at (GTK_GRID (grid), 1 + i, 0);
        gboolean off = i == 6 || i == 13 || i == visit_index + 1;

        g_assert_nonnull (head);
        g_assert_cmpint (gtk_widget_has_css_class (head, "kefu-calendar-off"), ==, off);
      }
  }

  /* Two weeks on, the visit is gone from the grid; Today brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next", NULL));
  kefu_test_wait_until (!kefu_window_get_busy (window) && find_visit_button (GTK_WIDGET (calendar), site.job) == NULL);
  kefu_technician_calendar_get_row_days (calendar, busy_row, days);
  for (gint i = 0; i < KEFU_TECHNICIAN_CALENDAR_DAYS; i++)
    g_assert_cmpint (days[i], ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.today", NULL));
  kefu_test_wait_until (!kefu_window_get_busy (window) && find_visit_button (GTK_WIDGET (calendar), site.job) != NULL);

  /* A click on the visit opens its job on a page over the views. */
  button = find_visit_button (GTK_WIDGET (calendar), site.job);
  g_assert_true (gtk_widget_activate (button));
  navigation = ADW_NAVIGATION_VIEW (kefu_test_find_mapped (GTK_WIDGET (pane), ADW_TYPE_NAVIGATION_VIEW));
  /* A button's keyboard activation clicks it after its pressed look has been shown. */
  kefu_test_wait_until (adw_navigation_view_get_visible_page (navigation) !=
                        adw_navigation_view_find_page (navigation, "root"));
  kefu_test_wait_until (!kefu_window_get_busy (window));
  adw_navigation_view_pop (navigation);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  g_assert_cmpstr (adw_navigation_page_get_tag (adw_navigation_view_get_visible_page (navigation)), ==, "root");

  /* The sidebar row counts what the store counts: the open shipments and jobs, said apart in
   * its tooltip, and the shipments that need attention as its "overdue" marker. */
  g_assert_true (kefu_store_count_jobs (store, &n_jobs, &n_awaiting, NULL, NULL));
  g_assert_true (kefu_store_count_shipments (store, NULL, &n_shipments, &n_attention, NULL, NULL));
  g_assert_cmpint (n_jobs, ==, 1);
  row = aftersales_row (window);
  kefu_test_wait_until (kefu_sidebar_row_get_count (row) == n_shipments + n_jobs);
  g_assert_cmpint (kefu_sidebar_row_get_urgent (row), ==, n_attention);
  g_assert_cmpint (kefu_sidebar_row_get_marker_kind (row), ==, KEFU_SIDEBAR_MARKER_OVERDUE);
  details = g_strdup_printf ("%" G_GINT64_FORMAT " open shipment%s, 1 open service job, "
                             "%" G_GINT64_FORMAT " awaiting approval",
                             n_shipments, n_shipments == 1 ? "" : "s", n_awaiting);
  g_assert_cmpstr (kefu_sidebar_row_get_details (row), ==, details);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, details);

  kefu_test_maybe_save_shot (GTK_WIDGET (window), "aftersales-technicians");
  kefu_test_close_window (GTK_WINDOW (window), &store, dir);
}

/* The dialog the window shows now, once it is shown, and closes it. */
static GType
close_visible_dialog (KefuWindow *window)
{
  AdwDialog *dialog = NULL;
  GType type;

  kefu_test_wait_until ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
  type = G_OBJECT_TYPE (dialog);
  adw_dialog_force_close (dialog);
  kefu_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
  return type;
}

/* The customer page's New Shipment… and Report Fault… go to the After-Sales pane with the
 * dialog for that customer, and a service job in the customer's history opens in the pane. */
static void
test_customer_links (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  KefuCustomersPane *customers;
  GtkWidget *page;
  KefuCustomerHistoryView *history;
  AdwNavigationView *navigation;
  GListModel *entries;
  KefuWindow *window;
  gint job_position = -1;
  Site site;

  kefu_test_reset_settings ();
  site_setup (store, &site);
  kefu_test_remember_staff (store, site.manager);
  window = kefu_test_present_window (NULL, store, 1400, 900);

  g_assert_true (kefu_window_select_pane (window, "customers"));
  customers = KEFU_CUSTOMERS_PANE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_CUSTOMERS_PANE));
  kefu_customers_pane_open_customer (customers, site.customer);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  page = kefu_test_find_mapped (GTK_WIDGET (customers), KEFU_TYPE_CUSTOMER_PAGE);
  g_assert_cmpint (kefu_customer_page_get_customer_id (KEFU_CUSTOMER_PAGE (page)), ==, site.customer);
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "aftersales-customer-page");

  g_assert_true (gtk_widget_activate_action (page, "customer.new-shipment", NULL));
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  g_assert_true (close_visible_dialog (window) == KEFU_TYPE_SHIPMENT_DIALOG);

  g_assert_true (kefu_window_select_pane (window, "customers"));
  g_assert_true (gtk_widget_activate_action (page, "customer.report-fault", NULL));
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  /* The dialog is titled by what is filed, as the button was. */
  kefu_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  g_assert_cmpstr (adw_dialog_get_title (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))),
                   ==, "Report Fault");
  g_assert_true (close_visible_dialog (window) == KEFU_TYPE_JOB_DIALOG);
  {
    const struct { KefuJobKind kind; const char *title; } titles[] = {
      { KEFU_JOB_KIND_INSTALLATION, "Request Installation" },
      { KEFU_JOB_KIND_REPLACEMENT, "Request Replacement" },
      { KEFU_JOB_KIND_RETURN, "Request Return" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        AdwDialog *dialog = kefu_job_dialog_new (store, NULL, titles[i].kind, site.customer);

        g_object_ref_sink (dialog);
        g_assert_cmpstr (adw_dialog_get_title (dialog), ==, titles[i].title);
        kefu_test_wait_until (!kefu_job_dialog_get_busy (KEFU_JOB_DIALOG (dialog)));
        g_object_unref (dialog);
      }
  }

  /* The job is in the customer's history; activating its line opens it in the pane. */
  g_assert_true (kefu_window_select_pane (window, "customers"));
  history = KEFU_CUSTOMER_HISTORY_VIEW (kefu_test_find_mapped (page, KEFU_TYPE_CUSTOMER_HISTORY_VIEW));
  kefu_test_wait_until (!kefu_customer_history_view_get_busy (history));
  entries = kefu_customer_history_view_get_entries (history);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(KefuHistoryEntry) entry = g_list_model_get_item (entries, i);

      if (kefu_history_entry_get_kind (entry) == KEFU_HISTORY_KIND_SERVICE_JOB &&
          kefu_history_entry_get_entity_id (entry) == site.job)
        job_position = i;
    }
  g_assert_cmpint (job_position, >=, 0);
  g_signal_emit_by_name (kefu_test_find_mapped (GTK_WIDGET (history), GTK_TYPE_LIST_VIEW),
                         "activate", (guint) job_position);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  navigation = ADW_NAVIGATION_VIEW (kefu_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_VIEW));
  g_assert_true (adw_navigation_view_get_visible_page (navigation) !=
                 adw_navigation_view_find_page (navigation, "root"));
  kefu_test_wait_until (!kefu_window_get_busy (window));

  kefu_test_close_window (GTK_WINDOW (window), &store, dir);
}

/* A notification's action (app.open-job) brings up the window on the job's page; asked for
 * while the database is still opening, the page opens once it is open and who works is known. */
static void
test_open_actions (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuApplication) application = NULL;
  KefuWindow *window;
  GtkWidget *page;
  Site site;

  kefu_test_reset_settings ();
  site_setup (store, &site);
  kefu_test_remember_staff (store, site.manager);

  /* Not owning a name on the session bus: the test needs the application's actions. */
  application = kefu_test_make_application ();
  window = kefu_test_present_window (GTK_APPLICATION (application), store, 1400, 900);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-job",
                                  g_variant_new_int64 (site.job));
  kefu_test_wait_until (!kefu_window_get_busy (window));
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  page = kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_JOB_PAGE);
  g_assert_cmpint (kefu_job_page_get_job_id (KEFU_JOB_PAGE (page)), ==, site.job);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  window = kefu_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  kefu_window_show_loading (window, kefu_store_get_description (store));
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-job", g_variant_new_int64 (site.job));
  kefu_window_set_store (window, store);
  kefu_test_wait_until (!kefu_window_get_busy (window));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "aftersales");
  page = kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_JOB_PAGE);
  g_assert_cmpint (kefu_job_page_get_job_id (KEFU_JOB_PAGE (page)), ==, site.job);

  kefu_test_close_window (GTK_WINDOW (window), &store, dir);
}

/* A tracking address needs http(s) and {waybill}; none at all is allowed. */
static void
test_tracking_template (void)
{
  g_autofree char *reason = NULL;

  g_assert_true (kefu_aftersales_check_tracking_template ("", NULL));
  g_assert_true (kefu_aftersales_check_tracking_template ("https://www.kuaidi100.com/?nu={waybill}", NULL));
  g_assert_true (kefu_aftersales_check_tracking_template ("http://track.example.cn/{waybill}", NULL));
  g_assert_false (kefu_aftersales_check_tracking_template ("https://track.example.cn/", &reason));
  g_assert_nonnull (strstr (reason, "{waybill}"));
  g_clear_pointer (&reason, g_free);
  g_assert_false (kefu_aftersales_check_tracking_template ("ftp://track.example.cn/{waybill}", &reason));
  g_assert_nonnull (strstr (reason, "https://"));
  g_assert_false (kefu_aftersales_check_tracking_template ("track.example.cn/{waybill}", NULL));
}

static guint
count_carriers (KefuStore *store)
{
  g_autoptr(GPtrArray) carriers = kefu_store_list_carriers (store, TRUE, NULL, NULL);

  return carriers != NULL ? carriers->len : 0;
}

/* The After-Sales page of Preferences lists every carrier of the store, the inactive ones too. */
static void
test_carriers_page (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(GError) error = NULL;
  KefuAftersalesSettingsPage *page;
  AdwDialog *dialog;
  GtkWidget *window;
  gint64 manager;
  gboolean busy = TRUE;

  manager = kefu_test_add_staff (store, "李强", "liqiang", KEFU_ROLE_CS_MANAGER);
  kefu_store_set_actor (store, manager);
  carriers = kefu_store_list_carriers (store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carriers->len, >, 0);

  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  dialog = adw_preferences_dialog_new ();
  {
    g_autoptr(GListModel) staff = kefu_store_list_staff (store, TRUE, NULL, NULL);
    g_autoptr(KefuStaff) member = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (staff) && member == NULL; i++)
      {
        g_autoptr(KefuStaff) item = g_list_model_get_item (staff, i);

        if (kefu_record_get_id (KEFU_RECORD (item)) == manager)
          member = g_steal_pointer (&item);
      }
    page = kefu_aftersales_settings_page_new (store, member);
  }
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog), ADW_PREFERENCES_PAGE (page));
  adw_dialog_present (dialog, window);
  kefu_test_wait_until ((g_object_get (page, "busy", &busy, NULL), !busy) &&
                        kefu_aftersales_settings_page_get_n_carriers (page) == carriers->len);

  /* Add Carrier makes a row to fill in: its Save waits for a name and a valid tracking address,
   * then the store has the carrier and the page shows it among the others. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "aftersales-settings.add-carrier", NULL));
  g_assert_cmpuint (kefu_aftersales_settings_page_get_n_carriers (page), ==, carriers->len + 1);
  {
    g_autoptr(GPtrArray) entries = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);
    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_BUTTON_ROW);
    GtkWidget *name_row = entries->pdata[entries->len - 2];
    GtkWidget *template_row = entries->pdata[entries->len - 1];
    GtkWidget *save_row = buttons->pdata[buttons->len - 1];

    g_assert_false (gtk_widget_get_sensitive (save_row));
    gtk_editable_set_text (GTK_EDITABLE (name_row), "安能物流");
    gtk_editable_set_text (GTK_EDITABLE (template_row), "https://track.example.cn/");
    g_assert_false (gtk_widget_get_sensitive (save_row));
    g_assert_true (gtk_widget_has_css_class (template_row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (template_row), "https://track.example.cn/?no={waybill}");
    g_assert_true (gtk_widget_get_sensitive (save_row));
    g_assert_false (gtk_widget_has_css_class (template_row, "error"));

    g_signal_emit_by_name (save_row, "activated");
    kefu_test_wait_until ((g_object_get (page, "busy", &busy, NULL), !busy) &&
                          kefu_aftersales_settings_page_get_n_carriers (page) == carriers->len + 1 &&
                          count_carriers (store) == carriers->len + 1);
  }

  /* The receipt days are saved as the shared setting the shipments' overdue rule reads. */
  {
    g_autoptr(GPtrArray) spins = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_SPIN_ROW);
    AdwSpinRow *days = spins->pdata[0];
    g_autofree char *saved = NULL;

    g_assert_cmpint ((gint) adw_spin_row_get_value (days), ==, 2);
    adw_spin_row_set_value (days, 5);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "aftersales-settings.save", NULL));
    kefu_test_wait_until ((g_object_get (page, "busy", &busy, NULL), !busy) &&
                          (g_free (saved), saved = kefu_store_get_setting (store, KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, NULL, NULL)) != NULL);
    g_assert_cmpstr (saved, ==, "5");
  }

  kefu_test_maybe_save_shot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "aftersales-settings");
  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/aftersales-pane/pane", test_pane);
  g_test_add_func ("/kefu/aftersales-pane/customer-links", test_customer_links);
  g_test_add_func ("/kefu/aftersales-pane/open-actions", test_open_actions);
  g_test_add_func ("/kefu/aftersales-pane/tracking-template", test_tracking_template);
  g_test_add_func ("/kefu/aftersales-pane/carriers-page", test_carriers_page);

  return kefu_test_run (data_home);
}
