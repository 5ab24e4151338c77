/* kefu-callbacks-pane.h: the Callbacks pane (回访): the month of callbacks with each day's
 * counts, the chosen day's agenda, "My Callbacks" or the team's, and the page of one callback
 * pushed on top (AdwNavigationView) to do it.
 *
 * Actions it installs on itself (group "callbacks"): "open" (x) pushes the callback's page;
 * "recorded" (x) says a page recorded its callback (the page is popped and the views read
 * again); "call-next" takes (claims) the next callback due and opens it; "report" presents the
 * summary report (回访总结报告); "lead" pushes the team lead's page; "reload" reads the views again; "show" (s: "mine" or "team")
 * chooses whose callbacks are shown; "view" (s: "month" or "week") the calendar's view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACKS_PANE (kefu_callbacks_pane_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbacksPane, kefu_callbacks_pane, KEFU, CALLBACKS_PANE, AdwBin)

/* Properties: "store" (KefuStore), "staff" (KefuStaff, who is working), "busy" (read-only,
 * TRUE while the month, the agenda or a page loads). */

/* Shows the callback's page, from another pane's link or a notification. */
void kefu_callbacks_pane_open (KefuCallbacksPane *self,
                               gint64             callback_id);

G_END_DECLS
