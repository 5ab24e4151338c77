/* kefu-callback-month-view.h: the callback calendar's month: six weeks of days, Monday first,
 * each day with how many of its callbacks are done, still due and overdue (words and colours,
 * never colour alone), the selected day marked; a day clicked or activated selects it.
 *
 * It shows what it is given (kefu_callback_month_view_set_counts ()); the pane reads the counts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_MONTH_VIEW (kefu_callback_month_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackMonthView, kefu_callback_month_view, KEFU, CALLBACK_MONTH_VIEW,
                      GtkWidget)

GtkWidget *kefu_callback_month_view_new          (void);
/* The month holding `day` is shown (its weeks from the Monday on or before its first day), and
 * `day` selected. */
void       kefu_callback_month_view_select_day   (KefuCallbackMonthView *self,
                                                  const GDate           *day);
void       kefu_callback_month_view_get_selected (KefuCallbackMonthView *self,
                                                  GDate                 *day);
/* The first and last days shown (for the counts to read). */
void       kefu_callback_month_view_get_range    (KefuCallbackMonthView *self,
                                                  GDate                 *first,
                                                  GDate                 *last);
/* KefuCallbackDayCount (store/kefu-store-callbacks.h) of the days shown; days missing from it
 * count nothing. NULL clears every count. */
void       kefu_callback_month_view_set_counts   (KefuCallbackMonthView *self,
                                                  GArray                *counts);
/* The day whose marker says "today" (local). */
void       kefu_callback_month_view_set_today    (KefuCallbackMonthView *self,
                                                  const GDate           *today);

G_END_DECLS
