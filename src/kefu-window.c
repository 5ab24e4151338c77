/* kefu-window.c: the split view with the panes, the loading page and the database-error page.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "complaints/kefu-complaints-pane.h"
#include "core/kefu-enums.h"
#include "customers/kefu-customers-pane.h"
#include "intake/kefu-intake-pane.h"
#include "store/kefu-store-complaint-counts.h"

#include "kefu-application.h"
#include "kefu-complaint-watcher.h"
#include "kefu-database-page.h"
#include "kefu-staff-chooser.h"
#include "kefu-window.h"
#include "widgets/kefu-sidebar-row.h"

struct _KefuWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  KefuStore            *store;
  KefuStaff            *staff;
  GCancellable         *cancellable;
  KefuStaffChooser     *chooser;
  /* Follows the "busy" property of the visible pane's content, when it has one. */
  GSignalGroup         *pane_signals;
  /* The escalation check and the notifications, for the store and staff shown. */
  KefuComplaintWatcher *watcher;
  guint                 loading : 1;
  guint                 staff_loading : 1;
  guint                 unattended : 1;
  guint                 counts_pending;
  /* Something changed while counts were being read: read them once more afterwards. */
  guint                 counts_again : 1;
  /* A complaint asked for (by a notification) before the database and who works were known. */
  gint64                pending_complaint;
  /* Bumped whenever the store changes, so late answers about the old one are ignored. */
  guint                 generation;
  gboolean              busy;

  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  KefuDatabasePage     *database_page;
  AdwNavigationSplitView *split_view;
  GtkListBox           *sidebar_list;
  AdwNavigationPage    *content_page;
  GtkStack             *pane_stack;
  GtkButton            *staff_button;
  AdwAvatar            *staff_avatar;
  GtkLabel             *staff_name_label;
  GtkLabel             *staff_role_label;
  KefuComplaintsPane   *complaints_pane;
  KefuCustomersPane    *customers_pane;
  KefuIntakePane       *intake_pane;
};

G_DEFINE_FINAL_TYPE (KefuWindow, kefu_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_STORE,
  PROP_STAFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const pane_names[] = {
  "intake", "complaints", "aftersales", "callbacks", "customers", "dashboard", NULL
};

/* The live counts beside the panes. A pane that wants one adds a line here with a store call of
 * the same shape as kefu_store_count_customers_async/_finish (e.g. open complaints, callbacks due
 * today). Counts refresh when a database opens and whenever the window becomes active. */
typedef struct
{
  const char *pane;
  void      (*count_async)  (KefuStore           *store,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gint64    (*count_finish) (KefuStore           *store,
                             GAsyncResult        *result,
                             GError             **error);
  /* Optional, used instead of count_finish: also how many are urgent and overdue, for the
   * row's marker. */
  gint64    (*count_finish_full) (KefuStore      *store,
                                  GAsyncResult   *result,
                                  gint64         *n_urgent,
                                  gint64         *n_overdue,
                                  GError        **error);
} KefuPaneCounter;

static const KefuPaneCounter pane_counters[] = {
  { "complaints", kefu_store_count_open_complaints_async, kefu_store_count_open_complaints_finish,
    kefu_store_count_open_complaints_finish_full },
  { "customers", kefu_store_count_customers_async, kefu_store_count_customers_finish, NULL },
};

static KefuSidebarRow *
find_row (KefuWindow *self,
          const char *pane)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KEFU_IS_SIDEBAR_ROW (child) &&
          g_strcmp0 (kefu_sidebar_row_get_pane_name (KEFU_SIDEBAR_ROW (child)), pane) == 0)
        return KEFU_SIDEBAR_ROW (child);
    }

  return NULL;
}

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

static void
update_busy (KefuWindow *self)
{
  gboolean busy = self->loading || self->staff_loading || self->counts_pending > 0 ||
                  (self->watcher != NULL && kefu_complaint_watcher_get_busy (self->watcher)) ||
                  pane_content_busy (self);

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_staff (KefuWindow *self,
           KefuStaff  *staff)
{
  if (staff != NULL && self->store != NULL)
    kefu_store_set_actor (self->store, kefu_record_get_id (KEFU_RECORD (staff)));

  if (g_set_object (&self->staff, staff))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);

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

typedef struct
{
  GWeakRef  window;
  guint     index;
  guint     generation;
} CountRequest;

static void refresh_counts (KefuWindow *self);

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CountRequest *request = user_data;
  g_autoptr(KefuWindow) self = g_weak_ref_get (&request->window);
  const KefuPaneCounter *counter = &pane_counters[request->index];
  g_autoptr(GError) error = NULL;
  guint generation = request->generation;
  gint64 n_urgent = -1;
  gint64 n_overdue = -1;
  gint64 count;
  KefuSidebarRow *row;

  g_weak_ref_clear (&request->window);
  g_free (request);

  if (counter->count_finish_full != NULL)
    count = counter->count_finish_full (KEFU_STORE (object), result, &n_urgent, &n_overdue, &error);
  else
    count = counter->count_finish (KEFU_STORE (object), result, &error);
  /* A count of a database the window no longer shows is dropped. */
  if (self == NULL || generation != self->generation ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_assert (self->counts_pending > 0);
  self->counts_pending--;
  row = find_row (self, counter->pane);

  if (error != NULL)
    {
      /* A count is a convenience: the pane itself reports the problem when it is opened. */
      g_debug ("Could not count %s: %s", counter->pane, error->message);
      kefu_sidebar_row_set_count (row, -1);
    }
  else
    kefu_sidebar_row_set_count (row, count);
  kefu_sidebar_row_set_urgent (row, n_urgent);
  kefu_sidebar_row_set_overdue (row, n_overdue);

  if (self->counts_pending == 0 && self->counts_again)
    refresh_counts (self);

  update_busy (self);
}

static void
refresh_counts (KefuWindow *self)
{
  if (self->store == NULL)
    return;

  /* The counts being read may have been read before the change that asks for these. */
  if (self->counts_pending > 0)
    {
      self->counts_again = TRUE;
      return;
    }

  self->counts_again = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pane_counters); i++)
    {
      CountRequest *request = g_new0 (CountRequest, 1);

      g_weak_ref_init (&request->window, self);
      request->index = i;
      request->generation = self->generation;
      self->counts_pending++;
      pane_counters[i].count_async (self->store, self->cancellable, count_cb, request);
    }

  update_busy (self);
}

static void
staff_chosen_cb (KefuWindow       *self,
                 KefuStaff        *staff,
                 KefuStaffChooser *chooser)
{
  set_staff (self, staff);
}

static void
chooser_closed_cb (KefuWindow       *self,
                   KefuStaffChooser *chooser)
{
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static gboolean
is_system_actor (KefuStaff *staff)
{
  /* The store's built-in actor for kefuctl's init/demo is never someone at a workstation. */
  return g_strcmp0 (kefu_staff_get_login (staff), "system") == 0;
}

static void
remembered_staff_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) found = NULL;
  g_autofree char *remembered_database = NULL;
  gint64 remembered;
  guint n;

  staff = kefu_store_list_staff_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    return;

  self->staff_loading = FALSE;

  if (staff == NULL)
    {
      /* Nobody can be working then, and every write would fail for want of an actor: the
       * chooser lists the staff again and, if that fails too, shows why, with Try Again. */
      g_message ("Could not list the staff: %s", error->message);
      if (!self->unattended)
        kefu_window_choose_staff (self);
      update_busy (self);
      return;
    }

  /* An id means someone only in the database it was chosen in. */
  remembered_database = g_settings_get_string (self->settings, "current-staff-database");
  if (g_strcmp0 (remembered_database, kefu_store_get_description (self->store)) == 0)
    remembered = g_settings_get_int64 (self->settings, "current-staff-id");
  else
    remembered = 0;
  n = g_list_model_get_n_items (staff);
  for (guint i = 0; i < n && found == NULL; i++)
    {
      g_autoptr(KefuStaff) item = g_list_model_get_item (staff, i);

      if (remembered != 0 && kefu_record_get_id (KEFU_RECORD (item)) == remembered &&
          kefu_staff_get_active (item))
        found = g_steal_pointer (&item);
    }

  /* A screenshot run on a workstation where nobody was chosen shows the first clerk, without
   * remembering them. */
  if (found == NULL && self->unattended)
    {
      /* A clerk if there is one: the panes are made for them. */
      for (guint i = 0; i < n && found == NULL; i++)
        {
          g_autoptr(KefuStaff) item = g_list_model_get_item (staff, i);

          if (kefu_staff_get_active (item) && !is_system_actor (item) &&
              kefu_staff_get_role (item) == KEFU_ROLE_CLERK)
            found = g_steal_pointer (&item);
        }
      for (guint i = 0; i < n && found == NULL; i++)
        {
          g_autoptr(KefuStaff) item = g_list_model_get_item (staff, i);

          if (kefu_staff_get_active (item) && !is_system_actor (item))
            found = g_steal_pointer (&item);
        }
    }

  set_staff (self, found);

  if (found == NULL && !self->unattended)
    kefu_window_choose_staff (self);

  if (self->pending_complaint > 0)
    {
      gint64 complaint_id = self->pending_complaint;

      self->pending_complaint = 0;
      kefu_window_open_complaint (self, complaint_id);
    }

  update_busy (self);
}

static void
sidebar_row_selected_cb (KefuWindow     *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  KefuSidebarRow *sidebar_row;
  GtkWidget *page;
  GtkWidget *content = NULL;

  if (!KEFU_IS_SIDEBAR_ROW (row))
    return;

  sidebar_row = KEFU_SIDEBAR_ROW (row);
  gtk_stack_set_visible_child_name (self->pane_stack, kefu_sidebar_row_get_pane_name (sidebar_row));
  adw_navigation_page_set_title (self->content_page, kefu_sidebar_row_get_title (sidebar_row));

  page = gtk_stack_get_visible_child (self->pane_stack);
  if (ADW_IS_TOOLBAR_VIEW (page))
    content = adw_toolbar_view_get_content (ADW_TOOLBAR_VIEW (page));
  else
    content = page;  /* a pane with its own toolbar view says itself whether it is busy */

  /* Panes whose content loads data say so with a boolean "busy" property. */
  if (content != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (content), "busy") != NULL)
    g_signal_group_set_target (self->pane_signals, content);
  else
    g_signal_group_set_target (self->pane_signals, NULL);

  update_busy (self);
}

static void
sidebar_row_activated_cb (KefuWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
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
  refresh_counts (self);

  if (changed)
    gtk_widget_activate_action (GTK_WIDGET (self->complaints_pane), "complaints.reload", NULL);
}

static void
is_active_cb (KefuWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    refresh_counts (self);
}

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KefuWindow *self = KEFU_WINDOW (widget);

  if (kefu_window_select_pane (self, g_variant_get_string (param, NULL)))
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_WINDOW);

  g_clear_object (&self->pane_signals);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_DATABASE_PAGE);
  g_type_ensure (KEFU_TYPE_SIDEBAR_ROW);
  g_type_ensure (KEFU_TYPE_COMPLAINTS_PANE);
  g_type_ensure (KEFU_TYPE_CUSTOMERS_PANE);
  g_type_ensure (KEFU_TYPE_INTAKE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, complaints_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, customers_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, database_page);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, intake_pane);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_avatar);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_name_label);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, staff_role_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  /* Alt+1 … Alt+6 go to the panes in sidebar order, as tabs do in other applications. */
  gtk_widget_class_install_action (widget_class, "pane.show", "s", show_pane_action);
  for (guint i = 0; pane_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "pane.show", "s", pane_names[i]);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
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
                                  G_CALLBACK (update_busy), self);

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

  /* The escalation check runs for the database and person shown; the notifications go through
   * the application the window belongs to. */
  self->watcher = kefu_complaint_watcher_new ();
  g_object_bind_property (self, "application", self->watcher, "application",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "store", self->watcher, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "staff", self->watcher, "staff", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->watcher, "notify::busy", G_CALLBACK (update_busy), self);
  g_signal_connect_swapped (self->watcher, "checked", G_CALLBACK (complaints_checked_cb), self);
  {
    static const GActionEntry intake_actions[] = {
      { "new-call", new_call_activated, "s" },
    };

    g_action_map_add_action_entries (G_ACTION_MAP (self), intake_actions,
                                     G_N_ELEMENTS (intake_actions), self);
  }

  set_staff (self, NULL);
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

const char * const *
kefu_window_get_pane_names (void)
{
  return pane_names;
}

gboolean
kefu_window_select_pane (KefuWindow *self,
                         const char *name)
{
  KefuSidebarRow *row;

  g_return_val_if_fail (KEFU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  row = find_row (self, name);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

const char *
kefu_window_get_visible_pane (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pane_stack);
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

  for (guint i = 0; i < G_N_ELEMENTS (pane_counters); i++)
    {
      KefuSidebarRow *row = find_row (self, pane_counters[i].pane);

      kefu_sidebar_row_set_count (row, -1);
      kefu_sidebar_row_set_urgent (row, -1);
      kefu_sidebar_row_set_overdue (row, -1);
    }

  set_staff (self, NULL);
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
  update_busy (self);
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
  update_busy (self);
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

  self->staff_loading = TRUE;
  kefu_store_list_staff_async (store, TRUE, self->cancellable,
                               remembered_staff_cb, g_object_ref (self));
  refresh_counts (self);
  update_busy (self);
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
kefu_window_choose_staff (KefuWindow *self)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  if (self->chooser == NULL)
    {
      self->chooser = g_object_ref_sink (kefu_staff_chooser_new (self->store, self->settings));
      g_signal_connect_object (self->chooser, "staff-chosen",
                               G_CALLBACK (staff_chosen_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->chooser, "closed",
                               G_CALLBACK (chooser_closed_cb), self, G_CONNECT_SWAPPED);
    }

  adw_dialog_present (ADW_DIALOG (self->chooser), GTK_WIDGET (self));
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

KefuComplaintWatcher *
kefu_window_get_complaint_watcher (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return self->watcher;
}
