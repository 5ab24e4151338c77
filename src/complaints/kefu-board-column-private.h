/* kefu-board-column-private.h: what the board column's files share (the column in
 * kefu-board-column.c, its cards in kefu-board-column-cards.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widgets/kefu-row-pacer.h"

#include "kefu-board-column.h"

G_BEGIN_DECLS

struct _KefuBoardColumn
{
  GtkWidget           parent_instance;

  KefuComplaintStage  stage;
  KefuStaff          *staff;
  GListStore         *cards;
  /* What the grid shows of `cards`: nothing while collapsed, a screen a frame after a column
   * filled from empty (see kefu_board_column_set_cards ()), else all. */
  KefuRowPacer       *pacer;
  GDateTime          *now;          /* what bound cards are shown as at; NULL: the clock */
  gint64              refreshed_minute;  /* the minute the kept cards were last shown as at */
  GHashTable         *bound;        /* KefuComplaintCardWidget → itself: the cards on screen */
  GtkDropTarget      *drop_target;
  guint               n_overdue;
  guint               n_urgent;
  gboolean            collapsed;

  GtkButton          *collapse_button;
  GtkLabel           *collapsed_label;
  GtkLabel           *count_label;
  GtkLabel           *late_label;
  GtkGridView        *list_view;
  GtkLabel           *note_label;
  GtkStack           *stack;
  GtkLabel           *title_label;
};

/* Shows the count, the overdue count and the page (cards, folded or empty) for the cards held. */
void _kefu_board_column_update_count (KefuBoardColumn *self);
/* Counts the overdue and urgent cards again, as at the column's time, and shows it. */
void _kefu_board_column_update_late  (KefuBoardColumn *self);
void _kefu_board_column_notify_count (KefuBoardColumn *self);

G_END_DECLS
