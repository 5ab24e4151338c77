/* kefu-board-text.h: what a card of the escalation board says and offers, as pure functions of
 * the card, the time and the person working.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-complaint-card.h"
#include "kefu-complaint-flow.h"
#include "kefu-staff.h"

G_BEGIN_DECLS

/* How many stages the board shows, each a column. */
#define KEFU_BOARD_N_STAGES 7

/* The stage of the board's column `index`, in board order. */
KefuComplaintStage  kefu_board_stage_at                 (guint               index);
/* TRUE for the stages after the work (called back, closed), whose columns fold away. */
gboolean            kefu_board_stage_is_finished        (KefuComplaintStage  stage);

/* "12 min", "3 h", "2 d". */
char              *kefu_board_format_age                (GDateTime          *since,
                                                         GDateTime          *now);
/* "45 min", "2 h 10 min", "1 d 3 h". */
char              *kefu_board_format_duration           (GTimeSpan           span);
/* "Acknowledge: 1 h 20 min left", "Resolve: overdue 2 h"; NULL without a deadline. */
char              *kefu_board_format_deadline           (KefuComplaintCard  *card,
                                                         GDateTime          *now);
/* The time alone, for a card whose column says the step: "1 h 20 min left", "Overdue 2 h";
 * NULL without a deadline. */
char              *kefu_board_format_deadline_short     (KefuComplaintCard  *card,
                                                         GDateTime          *now);
/* "3 overdue", "1 urgent": a column's late and urgent complaints. */
char              *kefu_board_format_overdue_count      (guint               n);
char              *kefu_board_format_urgent_count       (guint               n);
/* "Escalated: CS manager"; NULL when not escalated. */
char              *kefu_board_format_escalation         (KefuEscalationLevel level);
/* The level in a word, for a card ("Manager"); NULL when not escalated. */
const char        *kefu_board_escalation_short_name     (KefuEscalationLevel level);
/* The style class of a deadline state: "success", "warning", "error", or NULL. */
const char        *kefu_board_deadline_style_class      (KefuDeadlineState   state);
/* The first line of `text`, trimmed. */
char              *kefu_board_first_line                (const char         *text);
/* The whole card in words, for screen readers. */
char              *kefu_board_describe_card             (KefuComplaintCard  *card,
                                                         GDateTime          *now);
/* The actor the rules see for `staff` on `card`. */
void               kefu_board_actor_for                 (KefuComplaintCard  *card,
                                                         KefuStaff          *staff,
                                                         KefuComplaintActor *actor);

/* The context menu for the card: the actions allowed to `staff` in the card's stage and
 * "Move to" each stage a drop could reach. */
GMenuModel        *kefu_board_build_card_menu           (KefuComplaintCard  *card,
                                                         KefuStaff          *staff);

G_END_DECLS
