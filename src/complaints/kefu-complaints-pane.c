/* kefu-complaints-pane.c: the Complaints pane: the escalation board (or the list), its filters,
 * the batch alert banner, and the detail page pushed on top. The board's columns and reading
 * them are in kefu-complaints-pane-board.c, the actions in kefu-complaints-pane-actions.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaints-pane"

#include "config.h"

#include "kefu-complaints-pane-private.h"

G_DEFINE_FINAL_TYPE (KefuComplaintsPane, kefu_complaints_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_LIVE,
  PROP_BUSY,
  PROP_SHOW_FILTERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_kefu_complaints_pane_toast (KefuComplaintsPane *self,
                             const char         *message)
{
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));
  AdwToast *toast;

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  /* Nobody is told anything by a pane that is going away. */
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
_kefu_complaints_pane_update_busy (KefuComplaintsPane *self)
{
  gboolean list_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0;
  gboolean list_busy = FALSE;
  gboolean page_busy = FALSE;
  gboolean busy;

  if (list_shown && self->list_view != NULL)
    g_object_get (self->list_view, "busy", &list_busy, NULL);
  if (self->page != NULL)
    g_object_get (self->page, "busy", &page_busy, NULL);

  /* A pane given a store while hidden is not busy: it reads when it is shown. */
  busy = self->loading_board || self->loading_departments || list_busy || page_busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Callbacks */

static void
filters_changed_cb (KefuComplaintsPane *self)
{
  if (self->store != NULL && !self->store_pending)
    _kefu_complaints_pane_reload (self);
  else
    _kefu_complaints_pane_update_board_view (self);
}

static void
search_changed_cb (KefuComplaintsPane *self)
{
  filters_changed_cb (self);
}

static void
view_toggled_cb (KefuComplaintsPane *self)
{
  const char *view = adw_toggle_group_get_active_name (self->view_toggles);

  if (view != NULL)
    _kefu_complaints_pane_set_view (self, view);
}

static void
page_popped_cb (KefuComplaintsPane *self,
                AdwNavigationPage  *page,
                AdwNavigationView  *view)
{
  if ((AdwNavigationPage *) self->page == page)
    {
      g_signal_handlers_disconnect_by_data (self->page, self);
      self->page = NULL;
      _kefu_complaints_pane_update_busy (self);
    }
}

/* The deadline colours follow the clock without reading anything again. */
static gboolean
tick_cb (gpointer user_data)
{
  KefuComplaintsPane *self = user_data;

  _kefu_complaints_pane_refresh_board (self);

  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
kefu_complaints_pane_map (GtkWidget *widget)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);

  GTK_WIDGET_CLASS (kefu_complaints_pane_parent_class)->map (widget);

  if (self->tick_source == 0)
    self->tick_source = g_timeout_add_seconds (60, tick_cb, self);

  /* The board is read when the pane is first shown, not when a database opens: a workstation
   * that only takes calls never pays for it. Shown again, it is read again, to show what others
   * changed meanwhile. */
  if (self->store_pending)
    _kefu_complaints_pane_load_store (self);
  else if (self->store != NULL && self->loaded && !self->loading_board &&
           g_get_monotonic_time () - self->loaded_at > 2 * G_USEC_PER_SEC)
    /* Not when it was just read: a window being laid out maps its panes more than once. */
    _kefu_complaints_pane_reload (self);
  else
    tick_cb (self);
}

static void
kefu_complaints_pane_unmap (GtkWidget *widget)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);

  g_clear_handle_id (&self->tick_source, g_source_remove);

  GTK_WIDGET_CLASS (kefu_complaints_pane_parent_class)->unmap (widget);
}

static void
kefu_complaints_pane_dispose (GObject *object)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  /* The widgets go with the toast overlay, after this dispose (AdwBin's): nothing they say on
   * the way out may reach this pane. */
  if (self->navigation_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->navigation_view, self);
      g_signal_handlers_disconnect_by_data (self->filter_bar, self);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
      g_signal_handlers_disconnect_by_data (self->view_toggles, self);
      g_signal_handlers_disconnect_by_data (self->list_view, self);
      for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
        if (self->columns[i] != NULL)
          g_signal_handlers_disconnect_by_data (self->columns[i], self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINTS_PANE);
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    self->columns[i] = NULL;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_clear_object (&self->live);

  G_OBJECT_CLASS (kefu_complaints_pane_parent_class)->dispose (object);
}

static void
kefu_complaints_pane_finalize (GObject *object)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (object);

  g_free (self->last_toast);
  g_free (self->load_error);

  G_OBJECT_CLASS (kefu_complaints_pane_parent_class)->finalize (object);
}

static void
kefu_complaints_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_SHOW_FILTERS:
      g_value_set_boolean (value, self->show_filters);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void set_store (KefuComplaintsPane *self, KefuStore *store);
static void set_staff (KefuComplaintsPane *self, KefuStaff *staff);

static void
live_changed_cb (KefuComplaintsPane *self,
                 GArray             *ids,
                 gboolean            whole,
                 KefuLive           *live)
{
  _kefu_complaints_pane_live_reload (self);
}

static void
set_live (KefuComplaintsPane *self,
          KefuLive           *live)
{
  if (self->live == live)
    return;

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_set_object (&self->live, live);
  if (live != NULL)
    g_signal_connect_object (live, "changed::complaints", G_CALLBACK (live_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static void
kefu_complaints_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_STAFF:
      set_staff (self, g_value_get_object (value));
      break;

    case PROP_LIVE:
      set_live (self, g_value_get_object (value));
      break;

    case PROP_SHOW_FILTERS:
      if (self->show_filters != g_value_get_boolean (value))
        {
          self->show_filters = g_value_get_boolean (value);
          gtk_revealer_set_reveal_child (self->filter_revealer, self->show_filters);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaints_pane_class_init (KefuComplaintsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaints_pane_dispose;
  object_class->finalize = kefu_complaints_pane_finalize;
  object_class->get_property = kefu_complaints_pane_get_property;
  object_class->set_property = kefu_complaints_pane_set_property;

  widget_class->map = kefu_complaints_pane_map;
  widget_class->unmap = kefu_complaints_pane_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SHOW_FILTERS] =
    g_param_spec_boolean ("show-filters", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_BATCH_ALERT_BANNER);
  g_type_ensure (KEFU_TYPE_BOARD_SUMMARY);
  g_type_ensure (KEFU_TYPE_COMPLAINT_FILTER_BAR);
  g_type_ensure (KEFU_TYPE_COMPLAINT_LIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaints-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, board_box);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, board_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, search_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, summary);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, view_toggles);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);

  _kefu_complaints_pane_install_actions (widget_class);
}

static void
kefu_complaints_pane_init (KefuComplaintsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->show_filters = TRUE;

  _kefu_complaints_pane_init_board (self);

  g_signal_connect_swapped (self->navigation_view, "popped", G_CALLBACK (page_popped_cb), self);
  g_signal_connect_swapped (self->list_view, "notify::busy",
                            G_CALLBACK (_kefu_complaints_pane_update_busy), self);

  /* Typing on the board or the list searches (not on a detail page, whose fields take it). */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->view_stack));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  _kefu_complaints_pane_update_board_view (self);
  _kefu_complaints_pane_update_actions (self);
}

/* Public API */

static void
set_store (KefuComplaintsPane *self,
           KefuStore          *store)
{
  if (!g_set_object (&self->store, store))
    return;

  /* Nothing of the previous database may be shown or answered. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading_departments = FALSE;
  adw_navigation_view_pop_to_tag (self->navigation_view, "board");
  /* The list gets the store when it is shown (_kefu_complaints_pane_sync_list_view ()). */
  g_object_set (self->list_view, "store", NULL, NULL);
  self->list_stale = TRUE;
  g_object_set (self->banner, "store", store, NULL);
  kefu_complaint_filter_bar_set_departments (self->filter_bar, NULL);

  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    _kefu_complaints_pane_load_store (self);
  else
    {
      /* Nothing of another database is kept until the board is read. */
      _kefu_complaints_pane_clear_board (self);
      self->loaded = FALSE;
      self->store_pending = TRUE;
      _kefu_complaints_pane_update_board_view (self);
    }

  _kefu_complaints_pane_update_actions (self);
  _kefu_complaints_pane_update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_staff (KefuComplaintsPane *self,
           KefuStaff          *staff)
{
  if (!g_set_object (&self->staff, staff))
    return;

  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    kefu_board_column_set_staff (self->columns[i], staff);
  g_object_set (self->banner, "staff", staff, NULL);
  /* The filter bar's "changed" reads the board again when its scopes change. */
  kefu_complaint_filter_bar_set_staff (self->filter_bar, staff);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

void
kefu_complaints_pane_open_complaint (KefuComplaintsPane *self,
                                     gint64              complaint_id)
{
  KefuComplaintPage *page;

  g_return_if_fail (KEFU_IS_COMPLAINTS_PANE (self));
  g_return_if_fail (complaint_id > 0);

  if (self->store == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->navigation_view, "board");
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);

  page = kefu_complaint_page_new (self->store, self->staff, complaint_id);
  kefu_complaint_page_set_live (page, self->live);
  g_signal_connect_swapped (page, "notify::busy", G_CALLBACK (_kefu_complaints_pane_update_busy), self);
  self->page = page;
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
  _kefu_complaints_pane_update_busy (self);
}

void
_kefu_complaints_pane_set_view (KefuComplaintsPane *self,
                                const char         *view)
{
  g_return_if_fail (KEFU_IS_COMPLAINTS_PANE (self));

  if (g_strcmp0 (view, "board") != 0 && g_strcmp0 (view, "list") != 0)
    return;

  if (g_strcmp0 (adw_toggle_group_get_active_name (self->view_toggles), view) != 0)
    adw_toggle_group_set_active_name (self->view_toggles, view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  _kefu_complaints_pane_sync_list_view (self);
  _kefu_complaints_pane_update_busy (self);
}

void
_kefu_complaints_pane_set_clock (KefuComplaintsPane *self,
                                 GDateTime          *now)
{
  g_return_if_fail (KEFU_IS_COMPLAINTS_PANE (self));

  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_ref (now);
  tick_cb (self);
}

const char *
_kefu_complaints_pane_get_last_toast (KefuComplaintsPane *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), NULL);

  return self->last_toast;
}

gint64
_kefu_complaints_pane_get_load_time (KefuComplaintsPane *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), 0);

  return self->load_time;
}

const char *
_kefu_complaints_pane_get_board_state (KefuComplaintsPane *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->board_stack);
}
