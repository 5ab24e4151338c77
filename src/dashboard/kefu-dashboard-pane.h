/* kefu-dashboard-pane.h: the managers' dashboard (domain.md §5): how the hotline is doing over a
 * day, a week, a month or a range of days, for the whole room, a team or a clerk, every figure
 * beside the period before; a click on a figure lists the records behind it. The figures are
 * counted by the store (kefu-store-dashboard.h) and read again when another workstation's change
 * reaches this one (KefuLive), at most every few seconds.
 *
 * The pane's actions ("dashboard." group): previous, next, apply-range, reload,
 * open-records ((ixs): figure, key, title), export-csv (s: section), export-pdf, print.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-csv.h"
#include "core/kefu-report-period.h"
#include "store/kefu-store-dashboard.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DASHBOARD_PANE (kefu_dashboard_pane_get_type ())
G_DECLARE_FINAL_TYPE (KefuDashboardPane, kefu_dashboard_pane, KEFU, DASHBOARD_PANE, AdwBin)

/* Properties "store" (KefuStore), "staff" (KefuStaff), "live" (KefuLive), read-only "busy"
 * (TRUE while the figures are counted) and "n-unread" (the hand-over notes the staff member has
 * not read).
 *
 * Signal "open-record" (int KefuDashboardRecordKind, gint64 id): a record of a figure's list
 * was activated; the window opens it. */

GtkWidget           *kefu_dashboard_pane_new            (void);
/* The figures shown (NULL before the first count). */
const KefuDashboard *kefu_dashboard_pane_get_dashboard  (KefuDashboardPane *self);
/* The period shown, and showing another (tests, the screenshots). */
void                 kefu_dashboard_pane_get_period     (KefuDashboardPane *self,
                                                         KefuPeriod        *period);
void                 kefu_dashboard_pane_set_period     (KefuDashboardPane *self,
                                                         const KefuPeriod  *period);
/* Writes the figures shown: a section (`section_id`: "calls", "complaints", "callbacks",
 * "aftersales", "clerks"; NULL: all) as CSV in `encoding` (UTF8_BOM or GB18030), or the whole
 * dashboard as a PDF report; what the export menu's file chooser then does. */
gboolean             kefu_dashboard_pane_save_csv       (KefuDashboardPane *self,
                                                         const char        *section_id,
                                                         const char        *path,
                                                         KefuCsvEncoding    encoding,
                                                         GError           **error);
gboolean             kefu_dashboard_pane_save_pdf       (KefuDashboardPane *self,
                                                         const char        *path,
                                                         GError           **error);
guint                kefu_dashboard_pane_get_n_unread   (KefuDashboardPane *self);
/* The dialog of the records behind the last figure clicked, while it is open (tests). */
AdwDialog           *kefu_dashboard_pane_get_records_dialog (KefuDashboardPane *self);

G_END_DECLS
