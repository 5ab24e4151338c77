/* kefu-complaints-pane.c: the Complaints pane: the escalation board (or the list), its filters,
 * the batch alert banner, and the detail page pushed on top.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaints-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-list-loader.h"

#include "kefu-complaint-card-widget.h"
#include "kefu-complaints-pane-private.h"

G_DEFINE_FINAL_TYPE (KefuComplaintsPane, kefu_complaints_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  PROP_SHOW_FILTERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Board order (issue 4): the stages being worked, then those waiting for the customer, then the
 * recently closed. */
static const KefuComplaintStage column_stages[KEFU_BOARD_N_COLUMNS] = {
  KEFU_COMPLAINT_STAGE_NEW,
  KEFU_COMPLAINT_STAGE_ROUTED,
  KEFU_COMPLAINT_STAGE_IN_PROGRESS,
  KEFU_COMPLAINT_STAGE_REOPENED,
  KEFU_COMPLAINT_STAGE_RESOLVED,
  KEFU_COMPLAINT_STAGE_CALLED_BACK,
  KEFU_COMPLAINT_STAGE_CLOSED,
};

/* How many days closed complaints stay on the board. */
#define CLOSED_DAYS 7

static int
column_index (KefuComplaintStage stage)
{
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    if (column_stages[i] == stage)
      return (int) i;
  return -1;
}

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

static gboolean
filters_set (KefuComplaintsPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return kefu_complaint_filter_bar_is_set (self->filter_bar) || (text != NULL && *text != '\0');
}

static void
update_board_view (KefuComplaintsPane *self)
{
  guint total = g_hash_table_size (self->cards);

  if (self->store == NULL || (total == 0 && (self->loading_board || !self->loaded)))
    gtk_stack_set_visible_child_name (self->board_stack, "loading");
  else if (self->load_error != NULL && total == 0)
    kefu_list_loader_show_error (self->board_stack, self->error_page, self->load_error);
  else if (total == 0 && filters_set (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Complaints Match the Filters"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other filters, or clear them to see every open complaint."));
      gtk_widget_set_visible (self->empty_clear_button, TRUE);
      gtk_stack_set_visible_child_name (self->board_stack, "empty");
    }
  else if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "object-select-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Open Complaints"));
      adw_status_page_set_description (self->empty_page,
                                       _("Complaints taken at the hotline appear here until they are closed."));
      gtk_widget_set_visible (self->empty_clear_button, FALSE);
      gtk_stack_set_visible_child_name (self->board_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->board_stack, "board");
}

static void
clear_board (KefuComplaintsPane *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_hash_table_remove_all (self->cards);
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    kefu_board_column_set_cards (self->columns[i], none, self->clock);
}

/* Reading the board */

KefuComplaintFilter *
_kefu_complaints_pane_make_filter (KefuComplaintsPane *self)
{
  KefuComplaintFilter *filter = kefu_complaint_filter_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  kefu_complaint_filter_bar_apply (self->filter_bar, filter);
  if (*trimmed != '\0')
    filter->text = g_steal_pointer (&trimmed);
  if (self->clock != NULL)
    filter->now = g_date_time_ref (self->clock);
  return filter;
}

static void
board_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuComplaintsPane) self = user_data;
  g_autoptr(GListModel) board = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *by_stage[KEFU_BOARD_N_COLUMNS];
  GtkWidget *focus;
  GtkRoot *root;
  gint64 focused_id = 0;
  gint64 answered = g_get_monotonic_time ();
  guint n;

  board = kefu_store_list_board_complaints_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    return;

  self->loading_board = FALSE;
  g_clear_object (&self->load_cancellable);

  if (board == NULL)
    {
      /* A failed refresh keeps the cards shown; a toast says they may be out of date. */
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      if (g_hash_table_size (self->cards) > 0)
        _kefu_complaints_pane_toast (self, error->message);
      update_board_view (self);
      _kefu_complaints_pane_update_busy (self);
      return;
    }

  g_clear_pointer (&self->load_error, g_free);
  self->loaded = TRUE;

  /* A keyboard user who just moved a card keeps it in hand wherever it went. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      GtkWidget *card_widget = KEFU_IS_COMPLAINT_CARD_WIDGET (focus)
                               ? focus
                               : gtk_widget_get_ancestor (focus, KEFU_TYPE_COMPLAINT_CARD_WIDGET);
      KefuComplaintCard *focused = card_widget != NULL
                                   ? kefu_complaint_card_widget_get_card (KEFU_COMPLAINT_CARD_WIDGET (card_widget))
                                   : NULL;

      if (focused != NULL)
        focused_id = kefu_complaint_card_get_id (focused);
    }

  /* One pass over the answer: the store gives each stage urgent first, then by deadline, then
   * oldest first, and each column takes its cards in one change. */
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    by_stage[i] = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->cards);
  n = g_list_model_get_n_items (board);
  for (guint i = 0; i < n; i++)
    {
      KefuComplaintCard *card = g_list_model_get_item (board, i);
      int column = column_index (kefu_complaint_card_get_stage (card));

      if (column < 0)
        {
          g_object_unref (card);
          continue;
        }
      g_hash_table_insert (self->cards, g_memdup2 (&(gint64) { kefu_complaint_card_get_id (card) },
                                                   sizeof (gint64)),
                           g_object_ref (card));
      g_ptr_array_add (by_stage[column], card);
    }
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    {
      kefu_board_column_set_cards (self->columns[i], by_stage[i], self->clock);
      g_ptr_array_unref (by_stage[i]);
    }
  for (guint i = 0; focused_id != 0 && i < KEFU_BOARD_N_COLUMNS; i++)
    if (kefu_board_column_focus_card (self->columns[i], focused_id))
      break;

  self->loaded_at = g_get_monotonic_time ();
  self->load_time = self->loaded_at - self->load_started;
  g_debug ("Board of %u complaints read in %.1f ms, columns filled in %.1f ms more", n,
           (answered - self->load_started) / 1000.0,
           (g_get_monotonic_time () - answered) / 1000.0);

  update_board_view (self);
  _kefu_complaints_pane_update_actions (self);
  _kefu_complaints_pane_update_busy (self);
}

static void
read_board (KefuComplaintsPane *self)
{
  g_autoptr(KefuComplaintFilter) filter = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->store == NULL)
    {
      self->loading_board = FALSE;
      clear_board (self);
      update_board_view (self);
      _kefu_complaints_pane_update_busy (self);
      return;
    }

  filter = _kefu_complaints_pane_make_filter (self);
  g_debug ("Reading the board (text: %s)", filter->text != NULL ? filter->text : "none");
  self->load_cancellable = g_cancellable_new ();
  self->loading_board = TRUE;
  self->load_started = g_get_monotonic_time ();
  kefu_store_list_board_complaints_async (self->store, filter, CLOSED_DAYS, self->load_cancellable,
                                          board_read_cb, g_object_ref (self));
  update_board_view (self);
  _kefu_complaints_pane_update_busy (self);
}

static gpointer
list_departments_func (KefuStore     *store,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return kefu_store_list_departments (store, cancellable, error);
}

static void
departments_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KefuComplaintsPane) self = user_data;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;

  departments = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    return;

  self->loading_departments = FALSE;
  if (departments == NULL)
    {
      g_autofree char *message = NULL;

      /* The board works without the department filter; say why it is empty. */
      /* Translators: %s says why the departments could not be read. */
      message = g_strdup_printf (_("The departments could not be read: %s"), error->message);
      _kefu_complaints_pane_toast (self, message);
    }
  kefu_complaint_filter_bar_set_departments (self->filter_bar, departments);
  _kefu_complaints_pane_update_busy (self);
}

/* The list view reads every matching id (closed ones too, half a million on a big site), on
 * the store's one worker: it gets the store and the filter only while it is shown. */
static void
sync_list_view (KefuComplaintsPane *self)
{
  KefuStore *list_store = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") != 0)
    return;

  g_object_get (self->list_view, "store", &list_store, NULL);
  if (self->list_stale || list_store != self->store)
    {
      g_autoptr(KefuComplaintFilter) filter = _kefu_complaints_pane_make_filter (self);

      kefu_complaint_list_view_set_filter (self->list_view, filter);
      if (list_store != self->store)
        g_object_set (self->list_view, "store", self->store, NULL);
      self->list_stale = FALSE;
    }
  g_clear_object (&list_store);
}

void
_kefu_complaints_pane_reload (KefuComplaintsPane *self)
{
  g_return_if_fail (KEFU_IS_COMPLAINTS_PANE (self));

  /* The board is asked for first: the store has one worker, and what is on screen comes
   * before what is not. */
  read_board (self);
  if (self->store == NULL)
    return;

  kefu_batch_alert_banner_reload (self->banner);
  /* The list reads every matching id (closed ones too): only when it is shown, or when it is
   * next shown, never behind the board's back. */
  self->list_stale = TRUE;
  sync_list_view (self);
}

static void
load_store (KefuComplaintsPane *self)
{
  self->store_pending = FALSE;
  self->loaded = FALSE;
  clear_board (self);

  /* The board first: the store has one worker, and the departments only fill a filter. */
  _kefu_complaints_pane_reload (self);
  if (self->store != NULL)
    {
      self->loading_departments = TRUE;
      kefu_store_run_async (self->store, list_departments_func, NULL, NULL, self->cancellable,
                            departments_read_cb, g_object_ref (self));
    }
}

/* Callbacks */

static void
filters_changed_cb (KefuComplaintsPane *self)
{
  if (self->store != NULL && !self->store_pending)
    _kefu_complaints_pane_reload (self);
  else
    update_board_view (self);
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

static gboolean
card_dropped_cb (KefuBoardColumn    *column,
                 KefuComplaintCard  *card,
                 KefuComplaintsPane *self)
{
  return _kefu_complaints_pane_move (self, card, kefu_board_column_get_stage (column));
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

  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    kefu_board_column_refresh (self->columns[i], self->clock);

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
    load_store (self);
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
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SHOW_FILTERS] =
    g_param_spec_boolean ("show-filters", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_BATCH_ALERT_BANNER);
  g_type_ensure (KEFU_TYPE_COMPLAINT_FILTER_BAR);
  g_type_ensure (KEFU_TYPE_COMPLAINT_LIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaints-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintsPane, board_box);
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

  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    {
      self->columns[i] = KEFU_BOARD_COLUMN (kefu_board_column_new (column_stages[i]));
      g_signal_connect (self->columns[i], "card-dropped", G_CALLBACK (card_dropped_cb), self);
      gtk_box_append (self->board_box, GTK_WIDGET (self->columns[i]));
    }

  g_signal_connect_swapped (self->navigation_view, "popped", G_CALLBACK (page_popped_cb), self);
  g_signal_connect_swapped (self->list_view, "notify::busy",
                            G_CALLBACK (_kefu_complaints_pane_update_busy), self);

  /* Typing on the board or the list searches (not on a detail page, whose fields take it). */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->view_stack));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  update_board_view (self);
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
  /* The list gets the store when it is shown (sync_list_view ()). */
  g_object_set (self->list_view, "store", NULL, NULL);
  self->list_stale = TRUE;
  g_object_set (self->banner, "store", store, NULL);
  kefu_complaint_filter_bar_set_departments (self->filter_bar, NULL);

  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_store (self);
  else
    {
      /* Nothing of another database is kept until the board is read. */
      clear_board (self);
      self->loaded = FALSE;
      self->store_pending = TRUE;
      update_board_view (self);
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
  sync_list_view (self);
  _kefu_complaints_pane_update_busy (self);
}

KefuComplaintCard *
_kefu_complaints_pane_find_card (KefuComplaintsPane *self,
                                 gint64              complaint_id)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), NULL);

  return g_hash_table_lookup (self->cards, &complaint_id);
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

KefuBoardColumn *
_kefu_complaints_pane_get_column (KefuComplaintsPane *self,
                                  KefuComplaintStage  stage)
{
  int index;

  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), NULL);

  index = column_index (stage);
  return index >= 0 ? self->columns[index] : NULL;
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
