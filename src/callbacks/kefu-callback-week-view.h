/* kefu-callback-week-view.h: the callback calendar's week: seven day columns (Monday first) by
 * half-hour rows over the hotline's hours, the site's quiet hours (customers' rest time) shaded,
 * non-working days dimmed, and in each half hour up to two of its callbacks (time, customer,
 * state in an icon and words) that open with "callbacks.open" (x), "+N more" beyond them.
 *
 * It shows what it is given (kefu_callback_week_view_set_callbacks ()); the pane reads the
 * callbacks of the range (kefu_callback_week_view_get_range ()) when "range-changed" says so.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kefu-callback-rules.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_WEEK_VIEW (kefu_callback_week_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackWeekView, kefu_callback_week_view, KEFU, CALLBACK_WEEK_VIEW,
                      GtkWidget)

GtkWidget *kefu_callback_week_view_new          (void);
/* Quiet hours shaded, office hours give the rows shown (default rules until set). */
void       kefu_callback_week_view_set_rules    (KefuCallbackWeekView *self,
                                                 KefuCallbackRules    *rules);
/* Shows the Monday-to-Sunday week holding `day` and selects it; emits "range-changed" when the
 * week changes, "day-selected" always. */
void       kefu_callback_week_view_select_day   (KefuCallbackWeekView *self,
                                                 const GDate          *day);
void       kefu_callback_week_view_get_selected (KefuCallbackWeekView *self,
                                                 GDate                *day);
/* The Monday and the Sunday shown. */
void       kefu_callback_week_view_get_range    (KefuCallbackWeekView *self,
                                                 GDate                *first,
                                                 GDate                *last);
/* KefuCallback list rows of the week (any order); NULL clears. `now` says which are overdue and
 * which day is today (NULL: the clock). */
void       kefu_callback_week_view_set_callbacks (KefuCallbackWeekView *self,
                                                  GPtrArray            *callbacks,
                                                  GDateTime            *now);

G_END_DECLS
