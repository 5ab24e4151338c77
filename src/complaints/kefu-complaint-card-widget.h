/* kefu-complaint-card-widget.h: one complaint on the escalation board: its reference, customer,
 * category, the first line of the reason, its age, the time to its next deadline in green, amber
 * or red with words, its escalation, owner and departments, the urgent badge and the batch
 * marker. Focusable: Enter opens it, the Menu key, Shift+F10 and a right click show the actions
 * its stage allows to the person working, and it can be dragged to another column.
 *
 * Its actions ("card.open", "card.action" (i: KefuComplaintAction), "card.move" (s: the target
 * stage's nick), "card.print", "card.menu") forward to the pane's "complaints.*" actions with the
 * complaint's id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-complaint-card.h"
#include "kefu-complaint-flow.h"
#include "kefu-staff.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_CARD_WIDGET (kefu_complaint_card_widget_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintCardWidget, kefu_complaint_card_widget, KEFU, COMPLAINT_CARD_WIDGET, GtkWidget)

/* Properties: "card" (KefuComplaintCard, NULL while unbound), "staff" (who is working, for the
 * menu's rules). */
GtkWidget         *kefu_complaint_card_widget_new       (void);
KefuComplaintCard *kefu_complaint_card_widget_get_card  (KefuComplaintCardWidget *self);
/* Shows `card` as at `now` (NULL: the current time). */
void               kefu_complaint_card_widget_set_card  (KefuComplaintCardWidget *self,
                                                         KefuComplaintCard       *card,
                                                         GDateTime               *now);
void               kefu_complaint_card_widget_set_staff (KefuComplaintCardWidget *self,
                                                         KefuStaff               *staff);
/* Shows the age and the deadline as at `now` again, without reading anything. */
void               kefu_complaint_card_widget_refresh   (KefuComplaintCardWidget *self,
                                                         GDateTime               *now);
/* The context menu for the card: the actions allowed to `staff` in the card's stage and
 * "Move to" each stage a drop could reach. */
GMenuModel        *kefu_complaint_card_widget_build_menu (KefuComplaintCard *card,
                                                          KefuStaff         *staff);
/* What is shown, for tests and screen readers. */
const char        *kefu_complaint_card_widget_get_deadline_text (KefuComplaintCardWidget *self);
const char        *kefu_complaint_card_widget_get_escalation_text (KefuComplaintCardWidget *self);

/* The texts of a card, pure functions of the card and the time. */
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

G_END_DECLS
