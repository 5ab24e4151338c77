/* kefu-board-column.h: one column of the escalation board: the stage's name and count over a
 * one-column GtkGridView of its cards (rows recycled, so thousands of cards stay fast). Cards
 * dropped on it are offered to the pane through "card-dropped", which decides before anything
 * is written.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-complaint-card.h"
#include "kefu-staff.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BOARD_COLUMN (kefu_board_column_get_type ())
G_DECLARE_FINAL_TYPE (KefuBoardColumn, kefu_board_column, KEFU, BOARD_COLUMN, GtkWidget)

/* Properties: "stage" (KefuComplaintStage, construct-only), "staff", "count" (read-only),
 * "collapsed" (only the header and the count shown, in a narrow column).
 * Signal "card-dropped" (KefuComplaintCard *card) → gboolean: TRUE when the drop is taken. */
GtkWidget          *kefu_board_column_new             (KefuComplaintStage  stage);
KefuComplaintStage  kefu_board_column_get_stage       (KefuBoardColumn    *self);
/* The cards shown (KefuComplaintCard). */
GListModel         *kefu_board_column_get_cards       (KefuBoardColumn    *self);
guint               kefu_board_column_get_count       (KefuBoardColumn    *self);
/* Replaces the cards (element type KefuComplaintCard) in one change, shown as at `now`. */
void                kefu_board_column_set_cards       (KefuBoardColumn    *self,
                                                       GPtrArray          *cards,
                                                       GDateTime          *now);
void                kefu_board_column_set_staff       (KefuBoardColumn    *self,
                                                       KefuStaff          *staff);
/* Shows the deadlines of the cards on screen as at `now` (NULL: the current time). */
void                kefu_board_column_refresh         (KefuBoardColumn    *self,
                                                       GDateTime          *now);
/* Scrolls to the card of `complaint_id` and gives it the focus; FALSE when it is not here. */
gboolean            kefu_board_column_focus_card      (KefuBoardColumn    *self,
                                                       gint64              complaint_id);
/* Gives the focus to the first card (opening the column), or to the header when it is empty. */
gboolean            kefu_board_column_focus_first     (KefuBoardColumn    *self);
gboolean            kefu_board_column_get_collapsed   (KefuBoardColumn    *self);
void                kefu_board_column_set_collapsed   (KefuBoardColumn    *self,
                                                       gboolean            collapsed);
/* How many cards are past their deadline (as at the last refresh) and how many are urgent. */
void                kefu_board_column_get_late        (KefuBoardColumn    *self,
                                                       guint              *n_overdue,
                                                       guint              *n_urgent);
/* The drop target on the column (tests drive the drop through it). */
GtkDropTarget      *kefu_board_column_get_drop_target (KefuBoardColumn    *self);
/* The card widgets on screen, in no particular order (for tests). */
GPtrArray          *kefu_board_column_get_card_widgets (KefuBoardColumn   *self);

G_END_DECLS
