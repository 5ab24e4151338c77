/* test-intake.c: the Hotline Intake pane over a real store, driven as a clerk drives it: the
 * lookup typed into and picked from, the form's fields typed and toggled, the save shortcut's
 * action, the team lead's dialogs through their actions, drafts across windows, and the
 * telephony hand-off through the application's command line.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-intake"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-caller-lookup.h"
#include "intake/kefu-draft-file.h"
#include "intake/kefu-handover-dialog.h"
#include "intake/kefu-intake-pane.h"
#include "intake/kefu-leads-dialog.h"
#include "intake/kefu-out-of-area-dialog.h"
#include "intake/kefu-recent-calls.h"
#include "intake/kefu-text-prompt.h"
#include "intake/kefu-text-row.h"
#include "widgets/kefu-customer-history-view.h"
#include "kefu-application.h"
#include "kefu-screenshots.h"
#include "kefu-window.h"

#include "kefu-ui-test.h"

/* With KEFU_INTAKE_SHOTS=DIR the tests save pictures of what they show into DIR, in the
 * language of the environment when KEFU_LOCALEDIR names the compiled catalogues (for looking at
 * the pane in Chinese); words the tests look for are then looked up in that language. */
static gboolean translated;

#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("KEFU_INTAKE_SHOTS");
  g_autofree char *basename = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until;

  if (dir == NULL)
    return;

  /* Let transitions end and the frame be drawn. */
  until = g_get_monotonic_time () + 600 * 1000;
  gtk_widget_queue_draw (widget);
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  basename = g_strdup_printf ("%s.png", name);
  file = g_file_new_build_filename (dir, basename, NULL);
  if (!kefu_screenshots_save_widget (GTK_WIDGET (gtk_widget_get_root (widget)), file, &error))
    g_test_message ("No picture %s: %s", name, error->message);
}

/* The people and things of a small dairy hotline. */
typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     cs_department;
  gint64     qc_department;
  gint64     gm_department;
  gint64     sales_department;
  KefuStaff *clerk;
  KefuStaff *team_lead;
  KefuStaff *sales_admin;
  gint64     cs_manager;
  gint64     qc_manager;
  gint64     gm_office;
  gint64     depot_admin;
  gint64     milk;         /* 鲜牛奶 950ml, ¥12.50 */
} Fixture;

static gint64
add_department (KefuStore  *store,
                const char *name)
{
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(GError) error = NULL;

  kefu_department_set_name (department, name);
  g_assert_true (kefu_store_create_department (store, department, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (department));
}

static KefuStaff *
add_staff (KefuStore  *store,
           const char *name,
           const char *login,
           KefuRole    role,
           gint64      department)
{
  KefuStaff *staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;

  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_department_id (staff, department);
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  return staff;
}

static gint64
add_customer (KefuStore  *store,
              const char *name,
              const char *phone,
              const char *address,
              gboolean    member)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_address (customer, address);
  kefu_customer_set_is_member (customer, member);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(KefuProduct) milk = kefu_product_new ();
  g_autoptr(KefuStaff) cs_manager = NULL;
  g_autoptr(KefuStaff) qc_manager = NULL;
  g_autoptr(KefuStaff) gm_office = NULL;
  g_autoptr(KefuStaff) depot_admin = NULL;
  g_autoptr(GError) error = NULL;

  kefu_test_reset_settings ();
  f->dir = kefu_test_make_dir ();
  f->store = kefu_test_open_store (f->dir);
  kefu_store_set_system_actor (f->store);

  f->cs_department = add_department (f->store, "客服中心");
  f->qc_department = add_department (f->store, "品控部");
  f->gm_department = add_department (f->store, "总经办");
  f->sales_department = add_department (f->store, "销售部");

  f->clerk = add_staff (f->store, "王芳", "wangfang", KEFU_ROLE_CLERK, f->cs_department);
  f->team_lead = add_staff (f->store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD, f->cs_department);
  f->sales_admin = add_staff (f->store, "孙丽", "sunli", KEFU_ROLE_SALES_ADMIN, f->sales_department);
  cs_manager = add_staff (f->store, "周强", "zhouqiang", KEFU_ROLE_CS_MANAGER, f->cs_department);
  qc_manager = add_staff (f->store, "吴刚", "wugang", KEFU_ROLE_QC_MANAGER, f->qc_department);
  gm_office = add_staff (f->store, "郑洁", "zhengjie", KEFU_ROLE_GM_OFFICE, f->gm_department);
  depot_admin = add_staff (f->store, "钱进", "qianjin", KEFU_ROLE_DEPOT_ADMIN, f->sales_department);
  f->cs_manager = kefu_record_get_id (KEFU_RECORD (cs_manager));
  f->qc_manager = kefu_record_get_id (KEFU_RECORD (qc_manager));
  f->gm_office = kefu_record_get_id (KEFU_RECORD (gm_office));
  f->depot_admin = kefu_record_get_id (KEFU_RECORD (depot_admin));

  kefu_product_set_name (milk, "鲜牛奶");
  kefu_product_set_spec (milk, "950ml");
  kefu_product_set_unit_price (milk, 1250);
  kefu_product_set_active (milk, TRUE);
  g_assert_true (kefu_store_create_product (f->store, milk, NULL, &error));
  g_assert_no_error (error);
  f->milk = kefu_record_get_id (KEFU_RECORD (milk));

  kefu_store_set_actor (f->store, 0);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->clerk);
  g_clear_object (&f->team_lead);
  g_clear_object (&f->sales_admin);
  g_clear_object (&f->store);
  kefu_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* Finding and driving widgets */

typedef struct
{
  GtkWindow      *window;
  KefuIntakePane *pane;
} Host;

/* The pane alone in a window, as the window would hold it, with `staff` working. */
static Host
host_pane (Fixture   *f,
           KefuStaff *staff)
{
  Host host;

  host.window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (host.window, 1200, 860);
  host.pane = KEFU_INTAKE_PANE (kefu_intake_pane_new ());
  adw_window_set_content (ADW_WINDOW (host.window), GTK_WIDGET (host.pane));
  gtk_window_present (host.window);

  kefu_store_set_actor (f->store, kefu_record_get_id (KEFU_RECORD (staff)));
  kefu_intake_pane_set_store (host.pane, f->store);
  kefu_intake_pane_set_staff (host.pane, staff);
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane) &&
                        !kefu_call_form_get_busy (KEFU_CALL_FORM (kefu_intake_pane_get_form (host.pane))));
  return host;
}

static void
host_close (Host *host)
{
  gtk_window_destroy (host->window);
  kefu_test_flush ();
}

static KefuCallForm *
form_of (KefuIntakePane *pane)
{
  return KEFU_CALL_FORM (kefu_intake_pane_get_form (pane));
}

static GtkWidget *
field (KefuIntakePane *pane,
       const char     *field_id)
{
  GtkWidget *widget = kefu_call_form_get_field (form_of (pane), field_id);

  if (widget == NULL)
    g_error ("The form has no field “%s”", field_id);
  return widget;
}

/* Types `text` into a field as a clerk would: focus, then the text. */
static void
type_into (GtkWidget  *widget,
           const char *text)
{
  gtk_widget_grab_focus (widget);
  if (KEFU_IS_TEXT_ROW (widget))
    kefu_text_row_set_text (KEFU_TEXT_ROW (widget), text);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    g_error ("Cannot type into a %s", G_OBJECT_TYPE_NAME (widget));
  kefu_test_flush ();
}

/* The only widget of `type` under `root` whose title (a row) or label (a button) is `text`. */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *text)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (root, type);
  GtkWidget *found = NULL;

  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *widget = all->pdata[i];
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_ROW (widget))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      else if (GTK_IS_BUTTON (widget))
        title = gtk_button_get_label (GTK_BUTTON (widget));

      if (g_strcmp0 (title, text) == 0)
        {
          g_assert_null (found);
          found = widget;
        }
    }

  if (found == NULL)
    g_error ("No %s titled “%s”", g_type_name (type), text);
  return found;
}

/* Turns on the toggle `name` of the toggle group in the field (a category, a channel). */
static void
choose_toggle (GtkWidget  *field_widget,
               const char *name)
{
  g_autoptr(GPtrArray) groups = kefu_test_find_all (field_widget, ADW_TYPE_TOGGLE_GROUP);

  g_assert_cmpuint (groups->len, ==, 1);
  adw_toggle_group_set_active_name (groups->pdata[0], name);
  kefu_test_flush ();
}

static void
choose_kind (KefuIntakePane *pane,
             const char     *kind)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form_of (pane)), "call-form.kind", "s", kind));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_call_form_get_kind_name (form_of (pane)), ==, kind);
}

static KefuCallerLookup *
lookup_of (KefuIntakePane *pane)
{
  return KEFU_CALLER_LOOKUP (kefu_intake_pane_get_lookup (pane));
}

static GtkWidget *
lookup_entry (KefuIntakePane *pane)
{
  return kefu_test_find_mapped (GTK_WIDGET (lookup_of (pane)), GTK_TYPE_SEARCH_ENTRY);
}

/* Types into the lookup and waits for its results. */
static GListModel *
look_up (KefuIntakePane *pane,
         const char     *text)
{
  GtkWidget *entry = lookup_entry (pane);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Busy from the keystroke, then not once the delayed search has answered. */
  g_assert_true (kefu_caller_lookup_get_busy (lookup_of (pane)));
  kefu_test_wait_until (!kefu_caller_lookup_get_busy (lookup_of (pane)));
  return kefu_caller_lookup_get_results (lookup_of (pane));
}

/* Presses a key in the lookup's field, through its key controller. */
static void
press_key_in_lookup (KefuIntakePane *pane,
                     guint           keyval)
{
  GtkWidget *entry = lookup_entry (pane);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "lookup-keys") == 0)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static KefuCall *
saved_call;

static void
call_saved_cb (KefuIntakePane *pane,
               KefuCall       *call,
               gpointer        user_data)
{
  g_set_object (&saved_call, call);
}

/* Saves with the action Ctrl+S activates, and waits for the store's answer. */
static KefuCall *
save (KefuIntakePane *pane)
{
  gulong handler = g_signal_connect (pane, "call-saved", G_CALLBACK (call_saved_cb), NULL);

  g_clear_object (&saved_call);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.save", NULL));
  kefu_test_wait_until (saved_call != NULL);
  g_signal_handler_disconnect (pane, handler);
  kefu_test_flush ();
  return g_steal_pointer (&saved_call);
}

static KefuCall *
stored_call (Fixture  *f,
             KefuCall *call)
{
  g_autoptr(GError) error = NULL;
  KefuCall *stored = kefu_store_get_call (f->store, kefu_record_get_id (KEFU_RECORD (call)),
                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static gboolean
route_to (KefuComplaint *complaint,
          gint64         department)
{
  GPtrArray *routes = kefu_complaint_get_routes (complaint);

  for (guint i = 0; i < routes->len; i++)
    if (((KefuComplaintRoute *) routes->pdata[i])->department_id == department)
      return TRUE;

  return FALSE;
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action) == 0 &&
              strstr (text, trigger) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static AdwBanner *
banner_titled (GtkWidget  *root,
               const char *title)
{
  g_autoptr(GPtrArray) banners = kefu_test_find_all (root, ADW_TYPE_BANNER);

  for (guint i = 0; i < banners->len; i++)
    if (g_strcmp0 (adw_banner_get_title (banners->pdata[i]), title) == 0)
      return banners->pdata[i];

  g_error ("No banner titled “%s”", title);
}

static AdwDialog *
visible_dialog (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_APPLICATION_WINDOW (root))
    return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root));
  if (ADW_IS_WINDOW (root))
    return adw_window_get_visible_dialog (ADW_WINDOW (root));
  return NULL;
}

static char *
local_time_text (int days_from_today,
                 int hour,
                 int minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);

  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          hour, minute);
}

static void
local_date (int    days_from_today,
            GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

/* Fills the order part: one line of milk, the channel, and the caller's address as delivery. */
static void
fill_order (KefuIntakePane *pane,
            Fixture        *f,
            const char     *quantity,
            const char     *channel)
{
  GtkDropDown *product = GTK_DROP_DOWN (field (pane, "line-1-product"));
  GListModel *products = gtk_drop_down_get_model (product);
  guint position = GTK_INVALID_LIST_POSITION;

  kefu_test_wait_until (!kefu_call_form_get_busy (form_of (pane)));
  for (guint i = 0; products != NULL && i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (products, i);

      if (KEFU_IS_PRODUCT (item) && kefu_record_get_id (KEFU_RECORD (item)) == f->milk)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_widget_grab_focus (GTK_WIDGET (product));
  gtk_drop_down_set_selected (product, position);
  kefu_test_flush ();

  type_into (field (pane, "line-1-quantity"), quantity);
  choose_toggle (field (pane, "channel"), channel);
}

/* The tests */

/* A new customer's complaint, typed field by field and saved with Ctrl+S: the store holds the
 * complaint, routed by the rules, and the customer made in the same save. */
static void
test_intake_complaint_new_customer (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  GListModel *recent;
  KefuComplaint *complaint;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  /* The save shortcuts lead to the save action, before any field can take them. */
  g_assert_true (has_shortcut (GTK_WIDGET (host.pane), "<Control>s", "intake.save"));
  g_assert_true (has_shortcut (GTK_WIDGET (host.pane), "<Control>Return", "intake.save"));

  /* An unknown number: the lookup offers it as a new caller, and Enter takes it. */
  results = look_up (host.pane, "139 1234 5678");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(KefuCustomer) item = g_list_model_get_item (results, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (item)), ==, 0);
    g_assert_cmpstr (kefu_customer_get_primary_phone (item), ==, "13912345678");
  }
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  g_assert_cmpstr (kefu_call_get_phone (kefu_call_form_get_call (form_of (host.pane))), ==,
                   "13912345678");
  g_assert_cmpstr (kefu_caller_lookup_get_text (lookup_of (host.pane)), ==, "");

  /* The complaint, field by field. */
  choose_kind (host.pane, "complaint");
  type_into (field (host.pane, "caller-name"), "陈静");
  type_into (field (host.pane, "address"), "北京市朝阳区建国路88号");
  type_into (field (host.pane, "subject"), "鲜牛奶 950ml");
  type_into (field (host.pane, "reason"), "打开后有异味，孩子喝了以后呕吐，去了医院");
  choose_toggle (field (host.pane, "category"), "product-quality");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (host.pane, "symptom")),
                              KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  type_into (field (host.pane, "purchase-method"), "送奶到户");
  type_into (field (host.pane, "batch-number"), "b20261120-3");
  adw_switch_row_set_active (ADW_SWITCH_ROW (find_titled (GTK_WIDGET (host.pane), ADW_TYPE_SWITCH_ROW,
                                                          T ("Customer Harmed or Hospitalised"))),
                             TRUE);
  kefu_test_flush ();
  g_assert_false (kefu_call_form_get_blank (form_of (host.pane)));

  g_test_message ("saving the complaint");
  call = save (host.pane);
  g_test_message ("saved");

  /* The store holds the complaint with the routing of a product-quality complaint whose
   * customer was harmed: QC, the CS centre and the GM office, urgent. */
  stored = stored_call (&f, call);
  g_assert_cmpint (kefu_call_get_kind (stored), ==, KEFU_CALL_KIND_COMPLAINT);
  g_assert_true (g_str_has_prefix (kefu_call_get_reference (stored), "TS-"));
  g_assert_cmpstr (kefu_call_get_caller_name (stored), ==, "陈静");
  g_assert_cmpint (kefu_call_get_clerk_id (stored), ==, kefu_record_get_id (KEFU_RECORD (f.clerk)));
  complaint = kefu_call_get_complaint (stored);
  g_assert_nonnull (complaint);
  g_assert_cmpint (kefu_complaint_get_category (complaint), ==, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  g_assert_cmpint (kefu_complaint_get_symptom (complaint), ==, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "B20261120-3");
  g_assert_true (kefu_complaint_get_harmed (complaint));
  g_assert_true (kefu_complaint_get_urgent (complaint));
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpuint (kefu_complaint_get_routes (complaint)->len, ==, 3);
  g_assert_true (route_to (complaint, f.qc_department));
  g_assert_true (route_to (complaint, f.cs_department));
  g_assert_true (route_to (complaint, f.gm_department));
  g_assert_false (route_to (complaint, f.sales_department));

  /* The customer was made by the save, once. */
  g_assert_cmpint (kefu_call_get_customer_id (stored), >, 0);
  customers = kefu_store_find_customers_by_phone (f.store, "13912345678", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 1);

  /* The reference is shown large to be read out, saying who was told; the form is ready for
   * the next call, and today's calls start with this one. */
  g_assert_cmpstr (kefu_intake_pane_get_shown_reference (host.pane), ==, kefu_call_get_reference (stored));
  {
    g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (host.pane), GTK_TYPE_LABEL);
    gboolean reference_shown = FALSE;
    gboolean urgency_shown = FALSE;

    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (labels->pdata[i]);

        if (!gtk_widget_get_mapped (labels->pdata[i]))
          continue;
        if (g_strcmp0 (text, kefu_call_get_reference (stored)) == 0 &&
            gtk_widget_has_css_class (labels->pdata[i], "title-1"))
          reference_shown = TRUE;
        /* Urgent: in the error colour, naming who was told. */
        if (gtk_widget_has_css_class (labels->pdata[i], "error") && strstr (text, "品控部") != NULL &&
            strstr (text, "客服中心") != NULL && strstr (text, "总经办") != NULL)
          urgency_shown = TRUE;
      }
    g_assert_true (reference_shown);
    g_assert_true (urgency_shown);
  }
  shoot (GTK_WIDGET (host.pane), "complaint-saved");
  g_assert_true (kefu_call_form_get_blank (form_of (host.pane)));
  g_assert_true (kefu_call_form_get_call (form_of (host.pane)) != call);
  recent = kefu_recent_calls_get_calls (KEFU_RECENT_CALLS (kefu_intake_pane_get_recent_calls (host.pane)));
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane));
  g_assert_cmpuint (g_list_model_get_n_items (recent), >=, 1);
  {
    g_autoptr(KefuCall) first = g_list_model_get_item (recent, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==, kefu_record_get_id (KEFU_RECORD (call)));
  }

  g_test_message ("checking the next call");
  /* Copy puts the reference on the clipboard; typing the next call hides it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.copy-reference", NULL));
  type_into (field (host.pane, "caller-name"), "下一位");
  g_assert_null (kefu_intake_pane_get_shown_reference (host.pane));

  g_test_message ("closing");
  host_close (&host);
  fixture_clear (&f);
}

/* A known caller is found by the last 4 digits of their number and by a 2-character name, with
 * the member flag and their last contact; the arrow keys and Enter pick one, which fills the
 * form and shows their history beside it. */
static void
test_intake_lookup_known_caller (void)
{
  Fixture f = { 0 };
  gint64 zhang_wei, wang_wei;
  GListModel *results;
  KefuCall *call;
  Host host;

  fixture_init (&f);
  kefu_store_set_system_actor (f.store);
  zhang_wei = add_customer (f.store, "张伟", "13911115678", "北京市海淀区中关村大街1号", TRUE);
  wang_wei = add_customer (f.store, "王伟", "13822223333", "北京市朝阳区望京西路2号", FALSE);
  add_customer (f.store, "李娜", "13800001234", "北京市东城区王府井大街3号", FALSE);
  add_customer (f.store, "王伟强", "13700004444", "北京市西城区金融街4号", FALSE);

  /* 王伟 called before: an inquiry, which the lookup sums up. */
  {
    g_autoptr(KefuCall) earlier = kefu_call_new_for_form ();
    g_autoptr(GDateTime) when = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) before = g_date_time_add_days (when, -2);
    g_autoptr(GError) error = NULL;

    kefu_store_set_actor (f.store, kefu_record_get_id (KEFU_RECORD (f.clerk)));
    kefu_call_set_kind (earlier, KEFU_CALL_KIND_INQUIRY);
    kefu_call_set_customer_id (earlier, wang_wei);
    kefu_call_set_caller_name (earlier, "王伟");
    kefu_call_set_phone (earlier, "13822223333");
    kefu_call_set_clerk_id (earlier, kefu_record_get_id (KEFU_RECORD (f.clerk)));
    kefu_call_set_received_at (earlier, before);
    kefu_inquiry_set_topics (kefu_call_get_inquiry (earlier), KEFU_INQUIRY_TOPIC_PRICES);
    kefu_inquiry_set_answer (kefu_call_get_inquiry (earlier), "酸奶每箱48元");
    g_assert_true (kefu_store_save_call (f.store, earlier, NULL, &error));
    g_assert_no_error (error);
  }
  kefu_store_set_actor (f.store, 0);

  host = host_pane (&f, f.clerk);

  /* The last 4 digits. */
  results = look_up (host.pane, "5678");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(KefuCustomer) found = g_list_model_get_item (results, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (found)), ==, zhang_wei);
    g_assert_true (kefu_customer_get_is_member (found));
  }

  /* A 2-character name: the exact match first, then the longer name that contains it; no
   * "New caller" row for a name. */
  results = look_up (host.pane, "王伟");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  {
    g_autoptr(KefuCustomer) first = g_list_model_get_item (results, 0);
    g_autoptr(KefuCustomer) second = g_list_model_get_item (results, 1);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *last = kefu_caller_lookup_format_last_contact (first, now);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==, wang_wei);
    g_assert_cmpstr (kefu_customer_get_name (second), ==, "王伟强");
    if (!translated)
      g_assert_cmpstr (last, ==, "Inquiry · 2 days ago · 酸奶每箱48元");
  }
  shoot (GTK_WIDGET (host.pane), "lookup-results");

  /* Down, Up, Down: the second row; Enter picks it. */
  press_key_in_lookup (host.pane, GDK_KEY_Down);
  press_key_in_lookup (host.pane, GDK_KEY_Up);
  press_key_in_lookup (host.pane, GDK_KEY_Down);
  g_assert_true (gtk_widget_has_focus (lookup_entry (host.pane)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (host.window)), lookup_entry (host.pane)));
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();

  call = kefu_call_form_get_call (form_of (host.pane));
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "王伟强");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13700004444");
  g_assert_cmpstr (kefu_call_get_address (call), ==, "北京市西城区金融街4号");

  /* Picking 王伟 instead shows his card and his history beside the form. */
  results = look_up (host.pane, "王伟");
  kefu_caller_lookup_pick (lookup_of (host.pane), 0);
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane));
  call = kefu_call_form_get_call (form_of (host.pane));
  g_assert_cmpint (kefu_call_get_customer_id (call), ==, wang_wei);
  {
    KefuCustomerHistoryView *history = KEFU_CUSTOMER_HISTORY_VIEW (
      kefu_test_find_mapped (GTK_WIDGET (host.pane), KEFU_TYPE_CUSTOMER_HISTORY_VIEW));

    g_assert_cmpint (kefu_customer_history_view_get_customer_id (history), ==, wang_wei);
    g_assert_cmpuint (g_list_model_get_n_items (kefu_customer_history_view_get_entries (history)), ==, 1);
  }
  shoot (GTK_WIDGET (host.pane), "caller-picked");

  host_close (&host);
  fixture_clear (&f);
}

/* An order taken after the cut-off (10:00) waits for the next day's hand-over: it is not in its
 * own day's batch, it is in the next day's, and the team lead hands that batch over. */
static void
test_intake_order_after_cutoff (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) late = NULL;
  g_autoptr(KefuCall) early = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autofree char *late_time = local_time_text (-1, 10, 30);
  g_autofree char *early_time = local_time_text (-1, 9, 30);
  KefuHandoverDialog *dialog;
  GDate yesterday, today;
  Host host;

  fixture_init (&f);
  local_date (-1, &yesterday);
  local_date (0, &today);
  kefu_store_set_system_actor (f.store);
  g_assert_true (kefu_store_set_setting (f.store, KEFU_SETTING_HANDOVER_CUTOFF, "10:00", NULL, NULL));
  add_customer (f.store, "刘洋", "13600006666", "北京市朝阳区建国路10号", FALSE);

  host = host_pane (&f, f.clerk);

  /* Yesterday 10:30, after the cut-off. */
  look_up (host.pane, "6666");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "order");
  type_into (field (host.pane, "received-at"), late_time);
  fill_order (host.pane, &f, "2", "home-delivery");
  late = save (host.pane);
  stored = stored_call (&f, late);
  g_assert_cmpint (g_date_compare (kefu_order_get_handover_date (kefu_call_get_order (stored)), &today), ==, 0);
  g_clear_object (&stored);

  /* Yesterday 9:30, before it. */
  look_up (host.pane, "6666");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "order");
  type_into (field (host.pane, "received-at"), early_time);
  fill_order (host.pane, &f, "1", "home-delivery");
  early = save (host.pane);
  stored = stored_call (&f, early);
  g_assert_cmpint (g_date_compare (kefu_order_get_handover_date (kefu_call_get_order (stored)), &yesterday), ==, 0);
  g_clear_object (&stored);

  /* A clerk does not hand over: the menu entry is off. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.hand-over", NULL) &&
                  visible_dialog (GTK_WIDGET (host.pane)) != NULL);
  host_close (&host);

  /* The team lead's hand-over of yesterday holds the early order only. */
  host = host_pane (&f, f.team_lead);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.hand-over", NULL));
  kefu_test_flush ();
  dialog = KEFU_HANDOVER_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (KEFU_IS_HANDOVER_DIALOG (dialog));
  kefu_handover_dialog_set_day (dialog, &yesterday);
  kefu_test_wait_until (!kefu_handover_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_handover_dialog_get_orders (dialog)), ==, 1);
  {
    g_autoptr(KefuCall) listed = g_list_model_get_item (kefu_handover_dialog_get_orders (dialog), 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (listed)), ==, kefu_record_get_id (KEFU_RECORD (early)));
  }

  /* Today's batch has the late order (and the missed early one); home delivery goes to the
   * depot admin, and one action hands both over. */
  kefu_handover_dialog_set_day (dialog, &today);
  kefu_test_wait_until (!kefu_handover_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_handover_dialog_get_orders (dialog)), ==, 2);
  g_assert_cmpint (kefu_handover_dialog_get_recipient (dialog, KEFU_CHANNEL_HOME_DELIVERY), ==, f.depot_admin);
  shoot (GTK_WIDGET (host.pane), "handover");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.hand-over", NULL));
  kefu_test_wait_until (!kefu_handover_dialog_get_busy (dialog) &&
                        g_list_model_get_n_items (kefu_handover_dialog_get_orders (dialog)) == 0);

  stored = stored_call (&f, late);
  g_assert_cmpint (kefu_order_get_handover_state (kefu_call_get_order (stored)), ==, KEFU_HANDOVER_STATE_HANDED_OVER);
  g_assert_cmpint (kefu_order_get_handed_to_id (kefu_call_get_order (stored)), ==, f.depot_admin);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  host_close (&host);
  fixture_clear (&f);
}

/* An inquiry with a potential order becomes a lead; the team lead turns it into an order call
 * through the leads dialog, and saving the order converts the lead. */
static void
test_intake_lead_to_order (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) inquiry = NULL;
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(GListModel) open_leads = NULL;
  g_autoptr(GListModel) converted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuLead) lead = NULL;
  KefuLeadsDialog *dialog;
  KefuCall *call;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  /* The inquiry: a new caller asks about prices and delivery and wants to order. */
  look_up (host.pane, "13533337777");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "inquiry");
  type_into (field (host.pane, "caller-name"), "何敏");
  type_into (field (host.pane, "address"), "北京市朝阳区光华路5号");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_titled (field (host.pane, "topics"), GTK_TYPE_TOGGLE_BUTTON,
                                                                kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_PRICES))),
                                TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_titled (field (host.pane, "topics"), GTK_TYPE_TOGGLE_BUTTON,
                                                                kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_DELIVERY))),
                                TRUE);
  type_into (field (host.pane, "answer"), "鲜牛奶950ml每瓶12.5元，每天早上7点前送到");
  adw_switch_row_set_active (ADW_SWITCH_ROW (find_titled (GTK_WIDGET (host.pane), ADW_TYPE_SWITCH_ROW,
                                                          T ("Potential Order"))),
                             TRUE);
  kefu_test_flush ();
  inquiry = save (host.pane);
  g_assert_cmpint (kefu_inquiry_get_lead_id (kefu_call_get_inquiry (inquiry)), >, 0);

  open_leads = kefu_store_list_leads (f.store, KEFU_LEAD_STATE_OPEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open_leads), ==, 1);

  /* A clerk has no leads list. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.leads", NULL) &&
                  visible_dialog (GTK_WIDGET (host.pane)) != NULL);
  host_close (&host);

  /* The team lead opens the leads and makes the order call. */
  host = host_pane (&f, f.team_lead);

  /* Today's calls: the team lead took none; everyone's has the clerk's inquiry, with its clerk. */
  {
    KefuRecentCalls *recent = KEFU_RECENT_CALLS (kefu_intake_pane_get_recent_calls (host.pane));
    g_autoptr(GPtrArray) toggles = kefu_test_find_all (GTK_WIDGET (recent), ADW_TYPE_TOGGLE_GROUP);

    g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (recent)), ==, 0);
    g_assert_cmpuint (toggles->len, ==, 1);
    adw_toggle_group_set_active_name (toggles->pdata[0], "everyone");
    g_assert_true (kefu_recent_calls_get_everyone (recent));
    kefu_test_wait_until (!kefu_recent_calls_get_busy (recent));
    g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (recent)), ==, 1);
    {
      g_autoptr(KefuCall) listed = g_list_model_get_item (kefu_recent_calls_get_calls (recent), 0);

      g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (listed)), ==, kefu_record_get_id (KEFU_RECORD (inquiry)));
      g_assert_cmpstr (kefu_call_get_clerk_name (listed), ==, "王芳");
    }
    adw_toggle_group_set_active_name (toggles->pdata[0], "mine");
    kefu_test_wait_until (!kefu_recent_calls_get_busy (recent));
    g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (recent)), ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.leads", NULL));
  kefu_test_flush ();
  dialog = KEFU_LEADS_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (KEFU_IS_LEADS_DIALOG (dialog));
  kefu_test_wait_until (!kefu_leads_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_leads_dialog_get_leads (dialog)), ==, 1);
  lead = g_list_model_get_item (kefu_leads_dialog_get_leads (dialog), 0);
  g_assert_cmpstr (kefu_lead_get_caller_name (lead), ==, "何敏");
  g_assert_cmpstr (kefu_lead_get_clerk_name (lead), ==, "王芳");
  shoot (GTK_WIDGET (host.pane), "leads");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "leads.make-order-call", "x",
                                             kefu_record_get_id (KEFU_RECORD (lead))));
  kefu_test_wait_until (visible_dialog (GTK_WIDGET (host.pane)) == NULL);
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane));

  /* The form holds an order call for the caller, which records the lead. */
  g_assert_cmpstr (kefu_call_form_get_kind_name (form_of (host.pane)), ==, "order");
  call = kefu_call_form_get_call (form_of (host.pane));
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "何敏");
  g_assert_cmpint (kefu_call_get_customer_id (call), ==, kefu_lead_get_customer_id (lead));
  g_assert_cmpint (kefu_order_get_lead_id (kefu_call_get_order (call)), ==, kefu_record_get_id (KEFU_RECORD (lead)));
  shoot (GTK_WIDGET (host.pane), "lead-order-call");

  fill_order (host.pane, &f, "30", "home-delivery");
  order = save (host.pane);

  converted = kefu_store_list_leads (f.store, KEFU_LEAD_STATE_CONVERTED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (converted), ==, 1);
  {
    g_autoptr(KefuLead) done = g_list_model_get_item (converted, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (done)), ==, kefu_record_get_id (KEFU_RECORD (lead)));
    g_assert_cmpint (kefu_lead_get_order_call_id (done), ==, kefu_record_get_id (KEFU_RECORD (order)));
  }

  host_close (&host);
  fixture_clear (&f);
}

/* A window over the store with the clerk remembered as working, as the application makes it. */
static KefuWindow *
make_window (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  KefuWindow *window;

  g_settings_set_string (settings, "current-staff-database", kefu_store_get_description (f->store));
  g_settings_set_int64 (settings, "current-staff-id", kefu_record_get_id (KEFU_RECORD (f->clerk)));

  window = kefu_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  kefu_window_set_store (window, f->store);
  kefu_test_wait_until (!kefu_window_get_busy (window) && kefu_window_get_staff (window) != NULL);
  return window;
}

static KefuIntakePane *
window_pane (KefuWindow *window)
{
  return KEFU_INTAKE_PANE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_INTAKE_PANE));
}

/* What was typed survives the window: destroyed mid-call, the next window over the same
 * database brings the call back with a banner; Discard on the banner ends it for good. */
static void
test_intake_draft_survives_window (void)
{
  Fixture f = { 0 };
  KefuIntakePane *pane;
  KefuWindow *window;
  AdwBanner *banner;
  KefuCall *call;

  fixture_init (&f);
  window = make_window (&f);
  pane = window_pane (window);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");

  choose_kind (pane, "complaint");
  type_into (field (pane, "caller-name"), "高远");
  type_into (field (pane, "phone"), "13944448888");
  type_into (field (pane, "subject"), "酸奶 200g");
  type_into (field (pane, "reason"), "送货晚了两个小时");

  /* No pause for the delayed write: the window goes at once. */
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  window = make_window (&f);
  pane = window_pane (window);
  banner = banner_titled (GTK_WIDGET (pane), T ("A call you were recording was restored"));
  g_assert_true (adw_banner_get_revealed (banner));
  shoot (GTK_WIDGET (pane), "draft-restored");
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpint (kefu_call_get_kind (call), ==, KEFU_CALL_KIND_COMPLAINT);
  g_assert_cmpstr (kefu_call_form_get_kind_name (form_of (pane)), ==, "complaint");
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "高远");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13944448888");
  g_assert_cmpstr (kefu_complaint_get_subject (kefu_call_get_complaint (call)), ==, "酸奶 200g");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (pane, "caller-name"))), ==, "高远");

  /* The banner's Discard ends the draft: the next window starts empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.discard-restored", NULL));
  kefu_test_flush ();
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_true (kefu_call_form_get_blank (form_of (pane)));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  window = make_window (&f);
  pane = window_pane (window);
  banner = banner_titled (GTK_WIDGET (pane), T ("A call you were recording was restored"));
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_true (kefu_call_form_get_blank (form_of (pane)));

  /* Typing writes the draft after a short pause, while the window stays. */
  type_into (field (pane, "caller-name"), "马丽");
  {
    g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (f.store));
    g_autoptr(KefuCall) written = NULL;
    g_autoptr(GError) error = NULL;
    gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    written = kefu_draft_file_load (draft, &error);
    g_assert_no_error (error);
    g_assert_nonnull (written);
    g_assert_cmpstr (kefu_call_get_caller_name (written), ==, "马丽");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  fixture_clear (&f);
}

/* A window closed while its call is being saved: the call is stored once, and the draft that
 * kept it meanwhile goes, so the next window does not bring back a call already saved. */
static void
test_intake_close_while_saving (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuDraftFile) draft = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  KefuIntakePane *pane;
  KefuWindow *window;

  fixture_init (&f);
  draft = kefu_draft_file_new (kefu_store_get_description (f.store));
  window = make_window (&f);
  pane = window_pane (window);

  look_up (pane, "13655557777");
  g_signal_emit_by_name (lookup_entry (pane), "activate");
  kefu_test_flush ();
  choose_kind (pane, "inquiry");
  type_into (field (pane, "caller-name"), "史强");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_titled (field (pane, "topics"), GTK_TYPE_TOGGLE_BUTTON,
                                                                kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_PROMOTIONS))),
                                TRUE);
  type_into (field (pane, "answer"), "本月订一年送两个月");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.save", NULL));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The answer comes after the window has gone. */
  kefu_test_wait_until (({
    g_clear_object (&calls);
    calls = kefu_store_list_recent_calls (f.store, 0, NULL, 10, NULL, NULL);
    calls != NULL && g_list_model_get_n_items (calls) == 1; }));
  kefu_test_wait_until (!kefu_draft_file_exists (draft));

  window = make_window (&f);
  pane = window_pane (window);
  g_assert_true (kefu_call_form_get_blank (form_of (pane)));
  g_assert_false (adw_banner_get_revealed (banner_titled (GTK_WIDGET (pane),
                                                          T ("A call you were recording was restored"))));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  fixture_clear (&f);
}

/* Escape asks before throwing away a call that has something in it, and only then. */
static void
test_intake_escape_asks (void)
{
  Fixture f = { 0 };
  AdwDialog *dialog;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  /* Empty: Escape just makes it ready, without a question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.discard", NULL));
  kefu_test_flush ();
  g_assert_null (visible_dialog (GTK_WIDGET (host.pane)));

  type_into (field (host.pane, "caller-name"), "林峰");

  /* Keep Editing keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.discard", NULL));
  kefu_test_flush ();
  dialog = visible_dialog (GTK_WIDGET (host.pane));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "keep");
  shoot (GTK_WIDGET (host.pane), "discard-question");
  gtk_widget_activate (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, T ("_Keep Editing")));
  kefu_test_wait_until (visible_dialog (GTK_WIDGET (host.pane)) == NULL);
  g_assert_cmpstr (kefu_call_get_caller_name (kefu_call_form_get_call (form_of (host.pane))), ==, "林峰");

  /* Discard empties it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.discard", NULL));
  kefu_test_flush ();
  dialog = visible_dialog (GTK_WIDGET (host.pane));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  gtk_widget_activate (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, T ("_Discard")));
  kefu_test_wait_until (visible_dialog (GTK_WIDGET (host.pane)) == NULL);
  g_assert_true (kefu_call_form_get_blank (form_of (host.pane)));

  host_close (&host);
  fixture_clear (&f);
}

/* A save the form refuses shows every problem and keeps everything typed. */
static void
test_intake_invalid_save_keeps_form (void)
{
  Fixture f = { 0 };
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  choose_kind (host.pane, "complaint");
  type_into (field (host.pane, "caller-name"), "孔明");
  type_into (field (host.pane, "phone"), "1391234");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.save", NULL));
  kefu_test_flush ();

  g_assert_nonnull (kefu_call_form_get_field_message (form_of (host.pane), "phone"));
  g_assert_nonnull (kefu_call_form_get_field_message (form_of (host.pane), "subject"));
  g_assert_cmpstr (kefu_call_get_caller_name (kefu_call_form_get_call (form_of (host.pane))), ==, "孔明");
  shoot (GTK_WIDGET (host.pane), "invalid");
  g_assert_null (kefu_intake_pane_get_shown_reference (host.pane));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (KEFU_RECENT_CALLS (kefu_intake_pane_get_recent_calls (host.pane)))), ==, 0);

  host_close (&host);
  fixture_clear (&f);
}

/* A save the store refuses (here: no actor, as after a lost connection the write has no one to
 * record it against) keeps everything typed, says what happened with Try Again, and keeps the
 * draft; Try Again saves once the cause is gone. */
static void
test_intake_save_error_keeps_call (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) call = NULL;
  gulong handler;
  AdwBanner *error_banner = NULL;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  look_up (host.pane, "13722226666");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "complaint");
  type_into (field (host.pane, "caller-name"), "贺军");
  type_into (field (host.pane, "subject"), "送奶员");
  type_into (field (host.pane, "reason"), "连续三天送晚了");
  choose_toggle (field (host.pane, "category"), "service-quality");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (host.pane, "service-issue")),
                              KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  kefu_test_flush ();

  kefu_store_set_actor (f.store, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.save", NULL));
  {
    g_autoptr(GPtrArray) banners = kefu_test_find_all (GTK_WIDGET (host.pane), ADW_TYPE_BANNER);

    kefu_test_wait_until (({
      for (guint i = 0; i < banners->len; i++)
        if (adw_banner_get_revealed (banners->pdata[i]) &&
            adw_banner_get_button_label (banners->pdata[i]) != NULL &&
            g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (banners->pdata[i])), "intake.save") == 0)
          error_banner = banners->pdata[i];
      error_banner != NULL; }));
  }
  shoot (GTK_WIDGET (host.pane), "save-failed");

  /* Nothing was lost: the form has the call, and so has the draft. */
  g_assert_cmpstr (kefu_call_get_caller_name (kefu_call_form_get_call (form_of (host.pane))), ==, "贺军");
  g_assert_false (kefu_call_form_get_blank (form_of (host.pane)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (form_of (host.pane))));
  {
    g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (f.store));
    g_autoptr(KefuCall) kept = kefu_draft_file_load (draft, NULL);

    g_assert_nonnull (kept);
    g_assert_cmpstr (kefu_call_get_caller_name (kept), ==, "贺军");
  }

  /* Try Again, once the clerk is known again. */
  kefu_store_set_actor (f.store, kefu_record_get_id (KEFU_RECORD (f.clerk)));
  handler = g_signal_connect (host.pane, "call-saved", G_CALLBACK (call_saved_cb), NULL);
  g_clear_object (&saved_call);
  {
    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (error_banner), GTK_TYPE_BUTTON);

    g_assert_cmpuint (buttons->len, ==, 1);
    kefu_test_wait_until (gtk_widget_get_mapped (buttons->pdata[0]));
    gtk_widget_activate (buttons->pdata[0]);
  }
  kefu_test_wait_until (saved_call != NULL);
  g_signal_handler_disconnect (host.pane, handler);
  call = g_steal_pointer (&saved_call);
  kefu_test_flush ();

  g_assert_false (adw_banner_get_revealed (error_banner));
  g_assert_cmpint (kefu_complaint_get_category (kefu_call_get_complaint (call)), ==,
                   KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  g_assert_true (kefu_call_form_get_blank (form_of (host.pane)));
  {
    g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (f.store));

    g_assert_false (kefu_draft_file_exists (draft));
  }

  host_close (&host);
  fixture_clear (&f);
}

/* An order outside the service area is flagged on save; the sales admin records that the
 * customer was told, which closes it. */
static void
test_intake_out_of_area (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  KefuOutOfAreaDialog *dialog;
  AdwAlertDialog *prompt;
  Host host;

  fixture_init (&f);
  kefu_store_set_system_actor (f.store);
  g_assert_true (kefu_store_set_setting (f.store, KEFU_SETTING_SERVICE_AREAS, "朝阳区、海淀区", NULL, NULL));
  kefu_store_set_actor (f.store, 0);
  host = host_pane (&f, f.clerk);

  look_up (host.pane, "13188889999");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "order");
  type_into (field (host.pane, "caller-name"), "杨帆");
  type_into (field (host.pane, "address"), "河北省廊坊市三河市燕郊镇迎宾路6号");
  fill_order (host.pane, &f, "4", "retail");
  call = save (host.pane);
  stored = stored_call (&f, call);
  g_assert_true (kefu_order_get_out_of_area (kefu_call_get_order (stored)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.out-of-area", NULL) &&
                  visible_dialog (GTK_WIDGET (host.pane)) != NULL);
  host_close (&host);

  host = host_pane (&f, f.sales_admin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.out-of-area", NULL));
  kefu_test_flush ();
  dialog = KEFU_OUT_OF_AREA_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (KEFU_IS_OUT_OF_AREA_DIALOG (dialog));
  kefu_test_wait_until (!kefu_out_of_area_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_out_of_area_dialog_get_orders (dialog)), ==, 1);
  shoot (GTK_WIDGET (host.pane), "out-of-area");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "area.notified", "x",
                                             kefu_record_get_id (KEFU_RECORD (kefu_call_get_order (stored)))));
  kefu_test_flush ();
  prompt = ADW_ALERT_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (ADW_IS_ALERT_DIALOG (prompt));
  /* Nothing typed, nothing to record. */
  g_assert_false (adw_alert_dialog_get_response_enabled (prompt, KEFU_TEXT_PROMPT_ACCEPT));
  type_into (GTK_WIDGET (kefu_text_prompt_get_entry (prompt)), "已电话致歉，告知燕郊不在配送范围");
  g_assert_true (adw_alert_dialog_get_response_enabled (prompt, KEFU_TEXT_PROMPT_ACCEPT));
  shoot (GTK_WIDGET (host.pane), "out-of-area-notice");
  gtk_widget_activate (find_titled (GTK_WIDGET (prompt), GTK_TYPE_BUTTON, T ("_Record and Close")));
  kefu_test_wait_until (!kefu_out_of_area_dialog_get_busy (dialog) &&
                        g_list_model_get_n_items (kefu_out_of_area_dialog_get_orders (dialog)) == 0);

  g_clear_object (&stored);
  stored = stored_call (&f, call);
  g_assert_nonnull (kefu_order_get_area_notified_at (kefu_call_get_order (stored)));
  g_assert_cmpstr (kefu_order_get_area_note (kefu_call_get_order (stored)), ==, "已电话致歉，告知燕郊不在配送范围");

  adw_dialog_force_close (ADW_DIALOG (dialog));
  host_close (&host);
  fixture_clear (&f);
}

/* The telephony hand-off through the application's command line. */

typedef struct
{
  Fixture         *fixture;
  KefuApplication *app;
  gboolean         checked;
} HandOff;

static KefuApplication *
make_application (void)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("io.github.kefu.Kefu.IntakeTest%u", ++serial);
  KefuApplication *app = g_object_new (KEFU_TYPE_APPLICATION,
                                       "application-id", id,
                                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE,
                                       "resource-base-path", RESOURCE_BASE,
                                       NULL);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* What a second `kefu --incoming-call=…` sends the running instance over D-Bus: its options,
 * handled by the same command-line code. */
static void
remote_incoming_call (KefuApplication *app,
                      const char      *number)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GApplicationCommandLine) command_line = NULL;
  const char *argv[] = { "kefu", NULL };
  int status = -1;

  g_variant_dict_insert (options, "incoming-call", "s", number);
  command_line = g_object_new (G_TYPE_APPLICATION_COMMAND_LINE,
                               "arguments", g_variant_new_bytestring_array (argv, -1),
                               "options", g_variant_dict_end (options),
                               NULL);
  g_signal_emit_by_name (app, "command-line", command_line, &status);
  g_assert_cmpint (status, ==, 0);
}

static gboolean
hand_off_check_cb (gpointer user_data)
{
  HandOff *hand_off = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (hand_off->app));
  KefuWindow *window;
  KefuIntakePane *pane;
  KefuCall *call;
  AdwBanner *kept;

  if (windows == NULL || !KEFU_IS_WINDOW (windows->data))
    return G_SOURCE_CONTINUE;
  window = windows->data;
  if (g_strcmp0 (kefu_window_get_page (window), "panes") != 0 || kefu_window_get_busy (window))
    return G_SOURCE_CONTINUE;

  /* The first number: the intake pane shows a new call from it, and the lookup searched it. */
  pane = window_pane (window);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13800138000");
  g_assert_cmpstr (kefu_caller_lookup_get_text (lookup_of (pane)), ==, "13800138000");
  kefu_test_wait_until (!kefu_caller_lookup_get_busy (lookup_of (pane)));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_caller_lookup_get_results (lookup_of (pane))), ==, 1);

  /* The clerk types a name; another call rings through the running instance, as a SIP URI
   * from the softphone. The first call is kept as a draft, the form has the new number. */
  kefu_window_select_pane (window, "customers");
  type_into (field (pane, "caller-name"), "罗兰");
  remote_incoming_call (hand_off->app, "\"来电\" <sip:13912340000@pbx.example.com;user=phone>");
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13912340000");
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "");
  kept = banner_titled (GTK_WIDGET (pane), T ("The call you were recording was kept as a draft"));
  g_assert_true (adw_banner_get_revealed (kept));
  shoot (GTK_WIDGET (pane), "incoming-call-kept");

  /* Restore brings the first call back and keeps the second in its place. */
  type_into (field (pane, "caller-name"), "赵雷");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.restore-kept", NULL));
  kefu_test_flush ();
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "罗兰");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13800138000");
  g_assert_true (adw_banner_get_revealed (kept));

  hand_off->checked = TRUE;
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (hand_off->app))) != NULL)
    gtk_window_destroy (windows->data);
  return G_SOURCE_REMOVE;
}

static void
test_intake_incoming_call (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  g_autofree char *database_arg = NULL;
  HandOff hand_off = { 0 };
  int status;

  fixture_init (&f);
  g_settings_set_string (settings, "current-staff-database", kefu_store_get_description (f.store));
  g_settings_set_int64 (settings, "current-staff-id", kefu_record_get_id (KEFU_RECORD (f.clerk)));
  kefu_store_set_system_actor (f.store);
  add_customer (f.store, "钱多多", "13800138000", "北京市朝阳区东三环中路7号", TRUE);
  kefu_store_set_actor (f.store, 0);

  database_arg = g_strdup_printf ("--database=%s", kefu_store_get_description (f.store));
  {
    char *argv[] = { "kefu", database_arg, "--incoming-call=138 0013 8000", NULL };

    hand_off.fixture = &f;
    hand_off.app = make_application ();
    g_timeout_add (50, hand_off_check_cb, &hand_off);
    status = g_application_run (G_APPLICATION (hand_off.app), G_N_ELEMENTS (argv) - 1, argv);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_true (hand_off.checked);

  kefu_test_flush ();
  g_object_unref (hand_off.app);
  fixture_clear (&f);
}

static void
test_intake_incoming_number_forms (void)
{
  static const struct {
    const char *given;
    const char *number;
  } cases[] = {
    { "13812345678", "13812345678" },
    { " 138 1234 5678 ", "138 1234 5678" },
    { "sip:13812345678@pbx.example.com", "13812345678" },
    { "SIP:13812345678@pbx.example.com;user=phone", "13812345678" },
    { "\"王伟\" <sip:+8613812345678@pbx;user=phone>;tag=abc", "+8613812345678" },
    { "tel:+86-138-1234-5678", "+86-138-1234-5678" },
    { "sips:01062345678@10.0.0.1", "01062345678" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = kefu_application_clean_incoming_number (cases[i].given);

      g_assert_cmpstr (number, ==, cases[i].number);
    }
}

static void
test_intake_relative_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 27, 9, 30, 0);
  g_autoptr(GDateTime) seconds = g_date_time_add_seconds (now, -20);
  g_autoptr(GDateTime) minutes = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) hours = g_date_time_add_hours (now, -3);
  g_autoptr(GDateTime) last_night = g_date_time_new_local (2026, 11, 26, 23, 0, 0);
  g_autoptr(GDateTime) days = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) long_ago = g_date_time_new_local (2025, 3, 1, 10, 0, 0);
  struct {
    GDateTime  *time;
    const char *text;
  } cases[] = {
    { seconds, "just now" },
    { minutes, "5 minutes ago" },
    { hours, "3 hours ago" },
    { last_night, "yesterday" },
    { days, "2 days ago" },
    { long_ago, "2025-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kefu_format_relative_time (cases[i].time, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_intake_cutoff_message (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_local (2026, 11, 27, 9, 12, 0);
  g_autoptr(GDateTime) after = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  g_autofree char *before_text = kefu_handover_describe_cutoff (before, 600);
  g_autofree char *after_text = kefu_handover_describe_cutoff (after, 600);

  g_assert_cmpstr (before_text, ==, "It is 09:12, before the 10:00 cut-off. Orders taken after 10:00 go to tomorrow’s hand-over.");
  g_assert_cmpstr (after_text, ==, "It is 10:00, past the 10:00 cut-off: orders taken now go to tomorrow’s hand-over.");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  g_autofree char *state_home = kefu_test_make_dir ();
  int status;

  /* Drafts live in the state folder: the tests' own, never the user's. */
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("KEFU_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEFU_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      translated = TRUE;
    }

  g_test_add_func ("/kefu/ui/intake/complaint-new-customer", test_intake_complaint_new_customer);
  g_test_add_func ("/kefu/ui/intake/lookup-known-caller", test_intake_lookup_known_caller);
  g_test_add_func ("/kefu/ui/intake/order-after-cutoff", test_intake_order_after_cutoff);
  g_test_add_func ("/kefu/ui/intake/lead-to-order", test_intake_lead_to_order);
  g_test_add_func ("/kefu/ui/intake/draft-survives-window", test_intake_draft_survives_window);
  g_test_add_func ("/kefu/ui/intake/close-while-saving", test_intake_close_while_saving);
  g_test_add_func ("/kefu/ui/intake/escape-asks", test_intake_escape_asks);
  g_test_add_func ("/kefu/ui/intake/invalid-save-keeps-form", test_intake_invalid_save_keeps_form);
  g_test_add_func ("/kefu/ui/intake/save-error-keeps-call", test_intake_save_error_keeps_call);
  g_test_add_func ("/kefu/ui/intake/out-of-area", test_intake_out_of_area);
  g_test_add_func ("/kefu/ui/intake/incoming-call", test_intake_incoming_call);
  g_test_add_func ("/kefu/ui/intake/incoming-number-forms", test_intake_incoming_number_forms);
  g_test_add_func ("/kefu/ui/intake/relative-time", test_intake_relative_time);
  g_test_add_func ("/kefu/ui/intake/cutoff-message", test_intake_cutoff_message);

  status = g_test_run ();
  kefu_test_remove_dir (data_home);
  kefu_test_remove_dir (state_home);
  return status;
}
