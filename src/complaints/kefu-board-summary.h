/* kefu-board-summary.h: the strip above the escalation board that shows every stage at once: its
 * count, how many of its complaints are overdue and how many urgent. A stage's tile activates
 * "complaints.show-stage" with the stage's nick, which takes the board to that column.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-board-column.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BOARD_SUMMARY (kefu_board_summary_get_type ())
G_DECLARE_FINAL_TYPE (KefuBoardSummary, kefu_board_summary, KEFU, BOARD_SUMMARY, GtkWidget)

GtkWidget *kefu_board_summary_new         (void);
/* Adds the tile of `column`'s stage after the others; it shows what the column holds. */
void       kefu_board_summary_add_column  (KefuBoardSummary *self,
                                           KefuBoardColumn  *column);
/* Shows the columns' counts again (after a read, or as the clock turns cards late). */
void       kefu_board_summary_update      (KefuBoardSummary *self);
/* The tile of `stage`'s column, NULL when there is none (for tests). */
GtkWidget *kefu_board_summary_get_tile    (KefuBoardSummary *self,
                                           KefuComplaintStage stage);

G_END_DECLS
