/* kefu-window.c: the split view with the panes, the loading page and the database-error page.
 *
 * The sidebar's rows and counts live in kefu-window-sidebar.c, who is working in
 * kefu-window-staff.c, the change feed that keeps the panes current in kefu-window-live.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-application.h"
#include "kefu-window-private.h"
#include "widgets/kefu-outage-banner.h"
#include "widgets/kefu-sidebar-row.h"

G_DEFINE_FINAL_TYPE (KefuWindow, kefu_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_STORE,
  PROP_STAFF,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
pane_content_busy (KefuWindow *self)
{
  GObject *content = g_signal_group_dup_target (self->pane_signals);
  gboolean busy = FALSE;

  if (content != NULL)
    {
      g_object_get (content, "busy", &busy, NULL);
      g_object_unref (content);
    }

  return busy;
}

void
_kefu_window_update_busy (KefuWindow *self)
{
  gboolean busy = self->loading || self->staff_loading || self->counts_pending > 0 ||
                  (self->watcher != NULL && kefu_complaint_watcher_get_busy (self->watcher)) ||
                  pane_content_busy (self);

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_kefu_window_set_staff (KefuWindow *self,
                        KefuStaff  *staff)
{
  if (staff != NULL && self->store != NULL)
    kefu_store_set_actor (self->store, kefu_record_get_id (KEFU_RECORD (staff)));

  if (g_set_object (&self->staff, staff))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
      _kefu_window_greet_shift (self);
    }
  _kefu_window_update_audit (self);
  _kefu_window_update_reports (self);
  _kefu_window_update_pin_action (self);

  if (staff != NULL)
    {
      const char *name = kefu_staff_get_name (staff);
      const char *role = kefu_role_get_display_name (kefu_staff_get_role (staff));
      /* Translators: the accessible name of the button that shows who is working; %s is a name. */
      g_autofree char *label = g_strdup_printf (_("Working: %s. Switch staff member"), name);

      gtk_label_set_label (self->staff_name_label, name);
      gtk_label_set_label (self->staff_role_label, role);
      adw_avatar_set_text (self->staff_avatar, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->staff_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  else
    {
      gtk_label_set_label (self->staff_name_label, _("Nobody Chosen"));
      gtk_label_set_label (self->staff_role_label, _("Choose who is working"));
      adw_avatar_set_text (self->staff_avatar, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->staff_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose who is working"),
                                      -1);
    }
}

/* After each escalation check: the counts may have moved (an escalation makes a complaint
 * overdue, someone else's new complaint adds one), and the board is read again when the check
 * escalated something or the log has new events. */
static void
complaints_checked_cb (KefuWindow           *self,
                       guint                 n_escalated,
                       gboolean              changed,
                       KefuComplaintWatcher *watcher)
{
  _kefu_window_refresh_counts (self);

  /* With live refresh the board follows the change feed, which reports escalations too. */
  if (changed && self->live == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->complaints_pane), "complaints.reload", NULL);
}

static void
is_active_cb (KefuWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _kefu_window_refresh_counts (self);
}

/* win.open-shipment (x), win.open-job (x), win.new-shipment ((xx)), win.new-job ((sx)): the
 * After-Sales pane shown, and its action of the same name run there (from the customer page,
 * a history entry, a notification). */
static void
aftersales_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);
  g_autofree char *name = g_strconcat ("aftersales.", g_action_get_name (G_ACTION (action)), NULL);

  kefu_window_select_pane (self, "aftersales");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  /* Asked for while Kefu was starting (a notification's action): it runs once the database is
   * open and who is working is known, so that the page shows what that person may do. */
  if (self->store == NULL || self->staff_loading)
    {
      g_free (self->pending_aftersales);
      g_clear_pointer (&self->pending_aftersales_param, g_variant_unref);
      self->pending_aftersales = g_steal_pointer (&name);
      self->pending_aftersales_param = param != NULL ? g_variant_ref_sink (param) : NULL;
      return;
    }

  gtk_widget_activate_action_variant (GTK_WIDGET (self->aftersales_pane), name, param);
}

void
_kefu_window_run_pending_aftersales (KefuWindow *self)
{
  g_autofree char *name = g_steal_pointer (&self->pending_aftersales);
  g_autoptr(GVariant) param = g_steal_pointer (&self->pending_aftersales_param);

  if (name != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self->aftersales_pane), name, param);
}

/* win.new-call: a new call in the intake pane, with the caller's number when a telephone
 * system handed one over ("" for none). */
static void
new_call_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);

  kefu_window_select_pane (self, "intake");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  kefu_intake_pane_start_call (self->intake_pane, g_variant_get_string (param, NULL));
}

static gboolean
kefu_window_close_request (GtkWindow *window)
{
  KefuWindow *self = KEFU_WINDOW (window);

  if (_kefu_window_outage_close_request (self))
    return TRUE;

  if (!self->unattended)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (kefu_window_parent_class)->close_request (window);
}

static void
kefu_window_dispose (GObject *object)
{
  KefuWindow *self = KEFU_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    adw_dialog_force_close (ADW_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->pane_signals != NULL)
    g_signal_group_set_target (self->pane_signals, NULL);
  if (self->watcher != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watcher, self);
      g_object_set (self->watcher, "store", NULL, "staff", NULL, NULL);
    }
  g_clear_object (&self->watcher);
  _kefu_window_stop_live (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_WINDOW);

  g_clear_object (&self->pane_signals);
  g_clear_pointer (&self->pending_aftersales, g_free);
  g_clear_pointer (&self->pending_aftersales_param, g_variant_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kefu_window_parent_class)->dispose (object);
}

static void
kefu_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KefuWindow *self = KEFU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_window_class_init (KefuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kefu_window_dispose;
  object_class->get_property = kefu_window_get_property;

  window_class->close_request = kefu_window_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_DATABASE_PAGE);
  g_type_ensure (KEFU_TYPE_SIDEBAR_ROW);
  g_type_ensure (KEFU_TYPE_AFTERSALES_PANE);
  g_type_ensure (KEFU_TYPE_CALLBACKS_PANE);
  g_type_ensure (KEFU_TYPE_COMPLAINTS_PANE);
  g_type_ensure (KEFU_TYPE_CUSTOMERS_PANE);
  g_type_ensure (KEFU_TYPE_DASHBOARD_PANE);
  g_type_ensure (KEFU_TYPE_INTAKE_PANE);

  g_type_ensure (KEFU_TYPE_OUTAGE_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, aftersales_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, callbacks_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, dashboard_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, complaints_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, customers_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, database_page);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, intake_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, outage_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_avatar);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_name_label);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_role_label);

  _kefu_window_class_init_sidebar (widget_class);
  _kefu_window_class_init_staff (widget_class);
}

static void
kefu_window_init (KefuWindow *self)
{
  g_autoptr(AdwSpinnerPaintable) spinner = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set here: GtkBuilder takes a GdkPaintable property for a file name. */
  spinner = adw_spinner_paintable_new (GTK_WIDGET (self->loading_page));
  adw_status_page_set_paintable (self->loading_page, GDK_PAINTABLE (spinner));

  self->settings = g_settings_new (KEFU_SETTINGS_SCHEMA);
  self->cancellable = g_cancellable_new ();
  self->pane_signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->pane_signals, "notify::busy",
                                  G_CALLBACK (_kefu_window_update_busy), self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);

  g_object_bind_property (self, "store", self->customers_pane, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->customers_pane, "staff", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->intake_pane, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->intake_pane, "staff", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->complaints_pane, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->complaints_pane, "staff", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->aftersales_pane, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->aftersales_pane, "staff", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->callbacks_pane, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->callbacks_pane, "staff", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->dashboard_pane, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->dashboard_pane, "staff", G_BINDING_SYNC_CREATE);
  /* What other workstations save reaches the panes through the change feed. */
  g_object_bind_property (self, "live", self->customers_pane, "live", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "live", self->complaints_pane, "live", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "live", self->aftersales_pane, "live", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "live", self->callbacks_pane, "live", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "live", self->dashboard_pane, "live", G_BINDING_SYNC_CREATE);
  _kefu_window_init_dashboard (self);
  _kefu_window_outage_init (self);

  /* The escalation check runs for the database and person shown; the notifications go through
   * the application the window belongs to. */
  self->watcher = kefu_complaint_watcher_new ();
  g_object_bind_property (self, "application", self->watcher, "application",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->watcher, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->watcher, "staff", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->watcher, "notify::busy",
                            G_CALLBACK (_kefu_window_update_busy), self);
  g_signal_connect_swapped (self->watcher, "checked", G_CALLBACK (complaints_checked_cb), self);
  {
    static const GActionEntry intake_actions[] = {
      { "new-call", new_call_activated, "s" },
      /* The after-sales pane's records and dialogs, from other panes and notifications. */
      { "open-shipment", aftersales_activated, "x" },
      { "open-job", aftersales_activated, "x" },
      { "new-shipment", aftersales_activated, "(xx)" },
      { "new-job", aftersales_activated, "(sx)" },
    };

    g_action_map_add_action_entries (G_ACTION_MAP (self), intake_actions,
                                     G_N_ELEMENTS (intake_actions), self);
  }

  _kefu_window_init_audit (self);
  _kefu_window_init_records (self);
  _kefu_window_init_reports (self);
  _kefu_window_set_staff (self, NULL);
  kefu_window_select_pane (self, "intake");
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  self->loading = TRUE;
  self->busy = TRUE;
}

KefuWindow *
kefu_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (KEFU_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

const char *
kefu_window_get_page (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void
drop_store (KefuWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->counts_pending = 0;
  self->counts_again = FALSE;
  self->staff_loading = FALSE;

  if (self->chooser != NULL)
    adw_dialog_force_close (ADW_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  _kefu_window_clear_counts (self);
  _kefu_window_stop_live (self);

  _kefu_window_set_staff (self, NULL);
  if (g_set_object (&self->store, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
kefu_window_show_loading (KefuWindow *self,
                          const char *location)
{
  g_autofree char *escaped = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (KEFU_IS_WINDOW (self));

  drop_store (self);

  shown = location ? kefu_database_page_describe_location (location) : g_strdup ("");
  escaped = g_markup_escape_text (shown, -1);
  adw_status_page_set_description (self->loading_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  self->loading = TRUE;
  _kefu_window_update_busy (self);
}

void
kefu_window_show_database_error (KefuWindow   *self,
                                 const char   *location,
                                 const GError *error)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));

  drop_store (self);

  kefu_database_page_set_error (self->database_page, location, error);
  gtk_stack_set_visible_child_name (self->main_stack, "database-error");

  self->loading = FALSE;
  _kefu_window_update_busy (self);
}

void
kefu_window_set_store (KefuWindow *self,
                       KefuStore  *store)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));
  g_return_if_fail (KEFU_IS_STORE (store));

  drop_store (self);

  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  gtk_stack_set_visible_child_name (self->main_stack, "panes");
  self->loading = FALSE;
  _kefu_window_start_live (self);

  _kefu_window_load_staff (self);
  _kefu_window_refresh_counts (self);
  _kefu_window_update_busy (self);
}

KefuStore *
kefu_window_get_store (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return self->store;
}

KefuStaff *
kefu_window_get_staff (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return self->staff;
}

void
kefu_window_set_unattended (KefuWindow *self,
                            gboolean    unattended)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));

  self->unattended = !!unattended;
}

gboolean
kefu_window_get_busy (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), FALSE);

  return self->busy;
}

void
kefu_window_open_complaint (KefuWindow *self,
                            gint64      complaint_id)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));
  g_return_if_fail (complaint_id > 0);

  kefu_window_select_pane (self, "complaints");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  /* A notification clicked while Kefu was starting: the page opens once the database is open and
   * who is working is known, so that it shows the actions that person may take. */
  if (self->store == NULL || self->staff_loading)
    {
      self->pending_complaint = complaint_id;
      return;
    }

  kefu_complaints_pane_open_complaint (self->complaints_pane, complaint_id);
}

void
_kefu_window_notify_live (KefuWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

KefuComplaintWatcher *
kefu_window_get_complaint_watcher (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return self->watcher;
}
