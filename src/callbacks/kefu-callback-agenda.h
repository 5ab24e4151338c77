/* kefu-callback-agenda.h: a day's callbacks in time order: the time, the customer, why, and
 * where each stands (done, due, overdue, being called by someone, waiting for the lead). A row
 * activated opens the callback ("callbacks.open" with its id).
 *
 * It shows what it is given; the pane reads the day's callbacks.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_AGENDA (kefu_callback_agenda_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackAgenda, kefu_callback_agenda, KEFU, CALLBACK_AGENDA, GtkWidget)

GtkWidget *kefu_callback_agenda_new           (void);
/* The day's callbacks (KefuCallback, in due time order) shown under the day's name, judged at
 * `now` (overdue, live claims). NULL callbacks: nothing read yet. */
void       kefu_callback_agenda_set_callbacks (KefuCallbackAgenda *self,
                                               const GDate        *day,
                                               GPtrArray          *callbacks,
                                               GDateTime          *now);
/* The rows shown (KefuCallback), for tests. */
GListModel *kefu_callback_agenda_get_model    (KefuCallbackAgenda *self);

G_END_DECLS
