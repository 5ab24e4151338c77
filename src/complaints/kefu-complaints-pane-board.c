/* kefu-complaints-pane-board.c: the complaints pane's board: its columns, reading the cards
 * into them (and the departments into the filter bar), what the board page shows meanwhile, and
 * handing the list view its filter when it is shown.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaints-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-list-loader.h"

#include "kefu-board-text.h"
#include "kefu-complaint-card-widget.h"
#include "kefu-complaints-pane-private.h"

/* How many days closed complaints stay on the board. */
#define CLOSED_DAYS 7

static int
column_index (KefuComplaintStage stage)
{
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    if (kefu_board_stage_at (i) == stage)
      return (int) i;
  return -1;
}

static gboolean
filters_set (KefuComplaintsPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return kefu_complaint_filter_bar_is_set (self->filter_bar) || (text != NULL && *text != '\0');
}

void
_kefu_complaints_pane_update_board_view (KefuComplaintsPane *self)
{
  guint total = g_hash_table_size (self->cards);

  if (self->store == NULL || (total == 0 && (self->loading_board || !self->loaded)))
    gtk_stack_set_visible_child_name (self->board_stack, "loading");
  else if (self->load_error != NULL && total == 0)
    kefu_list_loader_show_error (self->board_stack, self->error_page, self->load_error);
  else if (total == 0 && filters_set (self))
    kefu_list_loader_show_empty (self->board_stack, self->empty_page, "edit-find-symbolic",
                                 _("No Complaints Match the Filters"),
                                 _("Try other filters, or clear them to see every open complaint."),
                                 self->empty_clear_button, TRUE);
  else if (total == 0)
    kefu_list_loader_show_empty (self->board_stack, self->empty_page, "object-select-symbolic",
                                 _("No Open Complaints"),
                                 _("Complaints taken at the hotline appear here until they are closed."),
                                 self->empty_clear_button, FALSE);
  else
    gtk_stack_set_visible_child_name (self->board_stack, "board");
}

void
_kefu_complaints_pane_clear_board (KefuComplaintsPane *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_hash_table_remove_all (self->cards);
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    kefu_board_column_set_cards (self->columns[i], none, self->clock);
  kefu_board_summary_update (self->summary);
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

typedef struct
{
  gpointer       data;
  GDestroyNotify free;
} Release;

static gboolean
release_cb (gpointer user_data)
{
  Release *release = user_data;

  release->free (release->data);
  g_free (release);
  return G_SOURCE_REMOVE;
}

/* Frees `data` once the main loop has nothing more urgent to do, drawing included: freeing a
 * board's thousands of cards is work the frame that shows the next board need not wait for. */
static void
release_after_frame (gpointer       data,
                     GDestroyNotify free)
{
  Release *release = g_new (Release, 1);

  release->data = data;
  release->free = free;
  g_idle_add_full (G_PRIORITY_LOW, release_cb, release, NULL);
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
      _kefu_complaints_pane_update_board_view (self);
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
   * oldest first, and each column takes its cards in one change. The cards of the last read
   * (thousands of objects) are let go after the frame that shows this one. */
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    by_stage[i] = g_ptr_array_new_with_free_func (g_object_unref);
  release_after_frame (g_steal_pointer (&self->cards), (GDestroyNotify) g_hash_table_unref);
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
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
  kefu_board_summary_update (self->summary);
  for (guint i = 0; focused_id != 0 && i < KEFU_BOARD_N_COLUMNS; i++)
    if (kefu_board_column_focus_card (self->columns[i], focused_id))
      break;

  self->loaded_at = g_get_monotonic_time ();
  self->load_time = self->loaded_at - self->load_started;
  g_debug ("Board of %u complaints read in %.1f ms, columns filled in %.1f ms more", n,
           (answered - self->load_started) / 1000.0,
           (g_get_monotonic_time () - answered) / 1000.0);

  _kefu_complaints_pane_update_board_view (self);
  _kefu_complaints_pane_update_actions (self);
  _kefu_complaints_pane_update_busy (self);
  /* The cards a column kept are the last read's: most of this read's go unused. */
  release_after_frame (g_steal_pointer (&board), g_object_unref);
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
      _kefu_complaints_pane_clear_board (self);
      _kefu_complaints_pane_update_board_view (self);
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
  _kefu_complaints_pane_update_board_view (self);
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
void
_kefu_complaints_pane_sync_list_view (KefuComplaintsPane *self)
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
  _kefu_complaints_pane_sync_list_view (self);
}

void
_kefu_complaints_pane_live_reload (KefuComplaintsPane *self)
{
  KefuStore *list_store = NULL;

  /* Shown again, the pane reads everything anyway (kefu_complaints_pane_map ()). */
  if (self->store == NULL || self->store_pending || !self->loaded ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  read_board (self);
  kefu_batch_alert_banner_reload (self->banner);

  /* The list of the same filter reads its ids whole, so that it changes where the store did;
   * a list not shown, or of an older filter, is read when it is next shown. */
  g_object_get (self->list_view, "store", &list_store, NULL);
  if (list_store == self->store && !self->list_stale &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0)
    kefu_complaint_list_view_reload (self->list_view);
  else
    self->list_stale = TRUE;
  g_clear_object (&list_store);
}

void
_kefu_complaints_pane_load_store (KefuComplaintsPane *self)
{
  self->store_pending = FALSE;
  self->loaded = FALSE;
  _kefu_complaints_pane_clear_board (self);

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

static gboolean
card_dropped_cb (KefuBoardColumn    *column,
                 KefuComplaintCard  *card,
                 KefuComplaintsPane *self)
{
  return _kefu_complaints_pane_move (self, card, kefu_board_column_get_stage (column));
}

void
_kefu_complaints_pane_init_board (KefuComplaintsPane *self)
{
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    {
      self->columns[i] = KEFU_BOARD_COLUMN (kefu_board_column_new (kefu_board_stage_at (i)));
      g_signal_connect (self->columns[i], "card-dropped", G_CALLBACK (card_dropped_cb), self);
      /* The work is done in the stages before the callback: the last two columns start
       * collapsed, and their tiles and headers still count them. */
      if (kefu_board_stage_is_finished (kefu_board_stage_at (i)))
        kefu_board_column_set_collapsed (self->columns[i], TRUE);
      gtk_box_append (self->board_box, GTK_WIDGET (self->columns[i]));
      kefu_board_summary_add_column (self->summary, self->columns[i]);
    }
}

void
_kefu_complaints_pane_refresh_board (KefuComplaintsPane *self)
{
  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    kefu_board_column_refresh (self->columns[i], self->clock);
  kefu_board_summary_update (self->summary);
}

void
_kefu_complaints_pane_show_stage (KefuComplaintsPane *self,
                                  KefuComplaintStage  stage)
{
  int index = column_index (stage);
  GtkWidget *viewport;

  if (index < 0)
    return;

  kefu_board_column_set_collapsed (self->columns[index], FALSE);
  viewport = gtk_scrolled_window_get_child (self->board_scroller);
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_scroll_to (GTK_VIEWPORT (viewport), GTK_WIDGET (self->columns[index]), NULL);
  kefu_board_column_focus_first (self->columns[index]);
}

KefuComplaintCard *
_kefu_complaints_pane_find_card (KefuComplaintsPane *self,
                                 gint64              complaint_id)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), NULL);

  return g_hash_table_lookup (self->cards, &complaint_id);
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
