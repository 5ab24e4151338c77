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

/* "12 min", "3 h", "2 d". */
char              *kefu_board_format_age                (GDateTime          *since,
                                                         GDateTime          *now);
/* "45 min", "2 h 10 min", "1 d 3 h". */
char              *kefu_board_format_duration           (GTimeSpan           span);
/* "Acknowledge: 1 h 20 min left", "Resolve: overdue 2 h"; NULL without a deadline. */
char              *kefu_board_format_deadline           (KefuComplaintCard  *card,
                                                         GDateTime          *now);
/* "Escalated: CS manager"; NULL when not escalated. */
char              *kefu_board_format_escalation         (KefuEscalationLevel level);
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
