/* kefu-complaints-pane.h: the Complaints pane (投诉看板): the escalation board (columns by stage)
 * or the list of the same complaints, the filters over both, the batch alert banner, and the
 * detail page of one complaint pushed on top (AdwNavigationView).
 *
 * Actions it installs on itself (group "complaints"): "open" (x: complaint id) pushes the detail
 * page, "reload" reads the board, list and banner again, "print" (x) prints a complaint record,
 * "view" (s: "board" or "list") switches the view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINTS_PANE (kefu_complaints_pane_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintsPane, kefu_complaints_pane, KEFU, COMPLAINTS_PANE, AdwBin)

/* Properties: "store" (KefuStore), "staff" (KefuStaff, who is working), "busy" (read-only,
 * TRUE while the board loads). */

/* Shows the complaint's detail page (from a notification, a search, another pane's link). */
void kefu_complaints_pane_open_complaint (KefuComplaintsPane *self,
                                          gint64              complaint_id);

G_END_DECLS
