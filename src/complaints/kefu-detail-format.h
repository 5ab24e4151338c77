/* kefu-detail-format.h: words and times of the complaint detail page and its action dialogs:
 * local times, the time left to a deadline ("2 h 10 min left", "Overdue 3 h"), the names of the
 * callback result, the deadline kinds and escalation levels, and the labels of the actions.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/kefu-types.h"

G_BEGIN_DECLS

/* "2026-11-27 14:30" in local time; "" for NULL. */
char       *kefu_detail_format_local_time      (GDateTime             *time);
/* The time between `now` and `due`, rounded to minutes: "2 h 10 min left", "12 min left",
 * "3 d 2 h left", or "Overdue 3 h 5 min" once past. */
char       *kefu_detail_format_time_left       (GDateTime             *due,
                                                GDateTime             *now);
/* "Satisfied", "So-so", "Not satisfied" (满意 / 一般 / 不满意); NULL for unspecified. */
const char *kefu_detail_satisfaction_name      (KefuSatisfaction       satisfaction);
/* "Route", "Acknowledge", "Resolve", "Call back"; NULL for none. */
const char *kefu_detail_deadline_name          (KefuComplaintDeadline  deadline);
/* "Not escalated", "Team lead", "CS manager", "GM office". */
const char *kefu_detail_escalation_name        (KefuEscalationLevel    level);
/* The button label of an action ("_Acknowledge", "Record _Resolution…"), with a mnemonic. */
const char *kefu_detail_action_label           (KefuComplaintAction    action);
/* The style class of a deadline state: "success", "warning", "error", or NULL. */
const char *kefu_detail_deadline_style_class   (KefuDeadlineState      state);
/* A symbolic icon for a deadline state (never colour alone). */
const char *kefu_detail_deadline_icon_name     (KefuDeadlineState      state);

G_END_DECLS
