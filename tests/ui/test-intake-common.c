/* test-intake-common.c: the helpers the Hotline Intake tests share (see test-intake.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kefu-test-intake"

#include "config.h"

#include "test-intake.h"

gboolean translated;

void
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

gint64
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

KefuStaff *
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

gint64
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

void
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

void
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

/* The pane alone in a window, as the window would hold it, with `staff` working. */
Host
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

void
host_close (Host *host)
{
  gtk_window_destroy (host->window);
  kefu_test_flush ();
}

KefuCallForm *
form_of (KefuIntakePane *pane)
{
  return KEFU_CALL_FORM (kefu_intake_pane_get_form (pane));
}

GtkWidget *
field (KefuIntakePane *pane,
       const char     *field_id)
{
  GtkWidget *widget = kefu_call_form_get_field (form_of (pane), field_id);

  if (widget == NULL)
    g_error ("The form has no field “%s”", field_id);
  return widget;
}

/* Types `text` into a field as a clerk would: focus, then the text. */
void
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
GtkWidget *
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
void
choose_toggle (GtkWidget  *field_widget,
               const char *name)
{
  g_autoptr(GPtrArray) groups = kefu_test_find_all (field_widget, ADW_TYPE_TOGGLE_GROUP);

  g_assert_cmpuint (groups->len, ==, 1);
  adw_toggle_group_set_active_name (groups->pdata[0], name);
  kefu_test_flush ();
}

void
choose_kind (KefuIntakePane *pane,
             const char     *kind)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form_of (pane)), "call-form.kind", "s", kind));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_call_form_get_kind_name (form_of (pane)), ==, kind);
}

KefuCallerLookup *
lookup_of (KefuIntakePane *pane)
{
  return KEFU_CALLER_LOOKUP (kefu_intake_pane_get_lookup (pane));
}

GtkWidget *
lookup_entry (KefuIntakePane *pane)
{
  return kefu_test_find_mapped (GTK_WIDGET (lookup_of (pane)), GTK_TYPE_SEARCH_ENTRY);
}

/* Types into the lookup and waits for its results. */
GListModel *
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
void
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

KefuCall *
saved_call;

void
call_saved_cb (KefuIntakePane *pane,
               KefuCall       *call,
               gpointer        user_data)
{
  g_set_object (&saved_call, call);
}

/* Saves with the action Ctrl+S activates, and waits for the store's answer. */
KefuCall *
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

KefuCall *
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

gboolean
route_to (KefuComplaint *complaint,
          gint64         department)
{
  GPtrArray *routes = kefu_complaint_get_routes (complaint);

  for (guint i = 0; i < routes->len; i++)
    if (((KefuComplaintRoute *) routes->pdata[i])->department_id == department)
      return TRUE;

  return FALSE;
}

gboolean
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

AdwBanner *
banner_titled (GtkWidget  *root,
               const char *title)
{
  g_autoptr(GPtrArray) banners = kefu_test_find_all (root, ADW_TYPE_BANNER);

  for (guint i = 0; i < banners->len; i++)
    if (g_strcmp0 (adw_banner_get_title (banners->pdata[i]), title) == 0)
      return banners->pdata[i];

  g_error ("No banner titled “%s”", title);
}

AdwDialog *
visible_dialog (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_APPLICATION_WINDOW (root))
    return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root));
  if (ADW_IS_WINDOW (root))
    return adw_window_get_visible_dialog (ADW_WINDOW (root));
  return NULL;
}

char *
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

void
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
void
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

void
intake_test_init (int    *argc,
                  char ***argv,
                  char  **data_home,
                  char  **state_home)
{
  *data_home = kefu_test_isolate_data_home ();
  *state_home = kefu_test_make_dir ();

  /* Drafts live in the state folder: the tests' own, never the user's. */
  g_setenv ("XDG_STATE_HOME", *state_home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  if (g_getenv ("KEFU_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEFU_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      translated = TRUE;
    }
}

int
intake_test_run (const char *data_home,
                 const char *state_home)
{
  int status = g_test_run ();

  kefu_test_remove_dir (data_home);
  kefu_test_remove_dir (state_home);
  return status;
}
