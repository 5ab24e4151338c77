/* kefu-board-column-cards.c: the cards of a board column: taking a new read with only what
 * changed told to the view, showing them as at a time, and giving one of them the focus.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-board-column"

#include "config.h"

#include "kefu-board-column-private.h"
#include "kefu-complaint-card-widget.h"

/* TRUE when `b` shows the same as `a`: a card is a value the store makes again on every read,
 * and its version moves with every change to the complaint (escalations included); the batch
 * flag is the batch's, not the complaint's, so it is compared too. */
static gboolean
same_card (KefuComplaintCard *a,
           KefuComplaintCard *b)
{
  return kefu_complaint_card_get_id (a) == kefu_complaint_card_get_id (b) &&
         kefu_complaint_card_get_version (a) == kefu_complaint_card_get_version (b) &&
         kefu_complaint_card_get_stage (a) == kefu_complaint_card_get_stage (b) &&
         kefu_complaint_card_get_escalation (a) == kefu_complaint_card_get_escalation (b) &&
         kefu_complaint_card_get_batch_flagged (a) == kefu_complaint_card_get_batch_flagged (b);
}

/* A change larger than this on both sides reaches the view as a removal, then an addition. */
#define LARGE_CHANGE 64

/* The card widgets show the time again, as at `now`. */
static void
refresh_widgets (KefuBoardColumn *self,
                 GDateTime       *now)
{
  gint64 minute = (now != NULL ? g_date_time_to_unix (now)
                                : g_get_real_time () / G_USEC_PER_SEC) / 60;
  gboolean same_minute = minute == self->refreshed_minute &&
                         (now == NULL) == (self->now == NULL);
  GHashTableIter iter;
  gpointer card;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  /* The cards say times to the minute: within the same minute (a reload right after a move)
   * they would say the same again, and the 33 cards of a column cost milliseconds. */
  if (same_minute)
    return;
  self->refreshed_minute = minute;

  /* Only the cards on screen exist as widgets; the others are shown as at the time they are
   * bound. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    kefu_complaint_card_widget_refresh (card, now);
}

void
kefu_board_column_refresh (KefuBoardColumn *self,
                           GDateTime       *now)
{
  g_return_if_fail (KEFU_IS_BOARD_COLUMN (self));

  refresh_widgets (self, now);
  _kefu_board_column_update_late (self);
}

void
kefu_board_column_set_cards (KefuBoardColumn *self,
                             GPtrArray       *cards,
                             GDateTime       *now)
{
  GListModel *model;
  GtkAdjustment *adjustment;
  double position;
  guint before, prefix = 0, suffix = 0, removed, added;

  g_return_if_fail (KEFU_IS_BOARD_COLUMN (self));
  g_return_if_fail (cards != NULL);

  model = G_LIST_MODEL (self->cards);
  before = g_list_model_get_n_items (model);

  /* Only what changed is told to the view: a reload after one card moved changes a card or
   * two, and the rows on screen stay as they are (making a card's widgets is what costs). */
  while (prefix < before && prefix < cards->len)
    {
      g_autoptr(KefuComplaintCard) old = g_list_model_get_item (model, prefix);

      if (!same_card (old, cards->pdata[prefix]))
        break;
      prefix++;
    }
  while (suffix < before - prefix && suffix < cards->len - prefix)
    {
      g_autoptr(KefuComplaintCard) old = g_list_model_get_item (model, before - 1 - suffix);

      if (!same_card (old, cards->pdata[cards->len - 1 - suffix]))
        break;
      suffix++;
    }
  removed = before - prefix - suffix;
  added = cards->len - prefix - suffix;

  /* Filled from empty, the column shows a screen of cards in the first frame (a board's first
   * showing made 231 card widgets in one frame, seven columns of 33). */
  if (before == 0)
    kefu_row_pacer_hold (self->pacer);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  position = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  if (removed > LARGE_CHANGE && added > LARGE_CHANGE)
    {
      /* A replacement (another filter) is announced as a removal, then an addition: a list
       * view told of both in one change asks for every added item (2 s for 5,000 cards). */
      g_list_store_splice (self->cards, prefix, removed, NULL, 0);
      g_list_store_splice (self->cards, prefix, 0, cards->pdata + prefix, added);
    }
  else if (removed > 0 || added > 0)
    g_list_store_splice (self->cards, prefix, removed, cards->pdata + prefix, added);
  if (adjustment != NULL && position > 0 && gtk_adjustment_get_value (adjustment) != position)
    gtk_adjustment_set_value (adjustment, position);

  if (kefu_row_pacer_get_held (self->pacer))
    kefu_row_pacer_release (self->pacer, GTK_WIDGET (self));

  /* The rows kept show the time again, as at `now`; the count counts the late ones too. */
  refresh_widgets (self, now);
  _kefu_board_column_update_count (self);
  if (before != cards->len)
    _kefu_board_column_notify_count (self);
}



GPtrArray *
kefu_board_column_get_card_widgets (KefuBoardColumn *self)
{
  GPtrArray *widgets = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer card;

  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), widgets);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    g_ptr_array_add (widgets, card);
  return widgets;
}

static gboolean
focus_bound_card (KefuBoardColumn *self,
                  gint64           complaint_id)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      KefuComplaintCard *card = kefu_complaint_card_widget_get_card (widget);

      if (card != NULL && kefu_complaint_card_get_id (card) == complaint_id)
        return gtk_widget_grab_focus (widget);
    }
  return FALSE;
}

typedef struct
{
  KefuBoardColumn *column;
  gint64           complaint_id;
} FocusLater;

static gboolean
focus_later_cb (gpointer user_data)
{
  FocusLater *later = user_data;

  focus_bound_card (later->column, later->complaint_id);
  return G_SOURCE_REMOVE;
}

static void
focus_later_free (gpointer user_data)
{
  FocusLater *later = user_data;

  g_object_unref (later->column);
  g_free (later);
}

gboolean
kefu_board_column_focus_card (KefuBoardColumn *self,
                              gint64           complaint_id)
{
  guint n;

  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuComplaintCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (kefu_complaint_card_get_id (card) != complaint_id)
        continue;

      /* A card taken into a collapsed column by the keyboard stays in hand: the column opens,
       * with every row. */
      kefu_board_column_set_collapsed (self, FALSE);
      kefu_row_pacer_set_hidden (self->pacer, FALSE);
      gtk_grid_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_NONE, NULL);
      if (!focus_bound_card (self, complaint_id))
        {
          FocusLater *later = g_new0 (FocusLater, 1);

          /* Its row is made at the next layout. */
          later->column = g_object_ref (self);
          later->complaint_id = complaint_id;
          g_idle_add_full (G_PRIORITY_LOW, focus_later_cb, later, focus_later_free);
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
kefu_board_column_focus_first (KefuBoardColumn *self)
{
  g_autoptr(KefuComplaintCard) first = NULL;

  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), FALSE);

  first = g_list_model_get_item (G_LIST_MODEL (self->cards), 0);
  if (first != NULL)
    return kefu_board_column_focus_card (self, kefu_complaint_card_get_id (first));
  return gtk_widget_grab_focus (GTK_WIDGET (self->collapse_button));
}
