/* kefu-complaint-card-widget.h: one complaint on the escalation board: its reference, customer,
 * category, the first line of the reason, its age, the time to its next deadline in green, amber
 * or red with words, its escalation, owner and departments, the urgent badge and the batch
 * marker. Focusable: Enter opens it, the Menu key, Shift+F10 and a right click show the actions
 * its stage allows to the person working, and it can be dragged to another column.
 *
 * Its words and menu come from kefu-board-text.h. Its actions ("card.open", "card.action"
 * (i: KefuComplaintAction), "card.move" (s: the target stage's nick), "card.print", "card.menu")
 * forward to the pane's "complaints.*" actions with the complaint's id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-board-text.h"

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
/* What is shown, for tests and screen readers. */
const char        *kefu_complaint_card_widget_get_deadline_text (KefuComplaintCardWidget *self);
const char        *kefu_complaint_card_widget_get_escalation_text (KefuComplaintCardWidget *self);

G_END_DECLS
