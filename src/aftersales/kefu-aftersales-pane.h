/* kefu-aftersales-pane.h: the After-Sales pane (售后): the shipments, the service jobs and the
 * technicians' calendar under one view switcher, and the detail page of one shipment or job
 * pushed on top (AdwNavigationView).
 *
 * Actions it installs on itself (group "aftersales"): "open-shipment" (x) and "open-job" (x)
 * push a detail page; "new-shipment" ((xx): customer id, call id; 0 = ask) presents the shipping
 * request; "new-job" ((sx): a KefuJobKind nick, customer id; 0 = ask) presents the fault report
 * or request; "print-shipment" (x) and "print-job" (x) print a record; "reload" reads the shown
 * views again; "view" (s: "shipments", "jobs" or "technicians") switches the view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_AFTERSALES_PANE (kefu_aftersales_pane_get_type ())
G_DECLARE_FINAL_TYPE (KefuAftersalesPane, kefu_aftersales_pane, KEFU, AFTERSALES_PANE, AdwBin)

/* Properties: "store" (KefuStore), "staff" (KefuStaff, who is working), "busy" (read-only,
 * TRUE while the shown view or page loads). */

/* Shows the shipment's (or job's) detail page, from another pane's link or a notification. */
void        kefu_aftersales_pane_open_shipment (KefuAftersalesPane *self,
                                                gint64              shipment_id);
void        kefu_aftersales_pane_open_job      (KefuAftersalesPane *self,
                                                gint64              job_id);
/* The view shown: "shipments", "jobs" or "technicians". */
const char *kefu_aftersales_pane_get_view      (KefuAftersalesPane *self);

G_END_DECLS
