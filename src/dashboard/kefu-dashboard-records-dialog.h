/* kefu-dashboard-records-dialog.h: the records behind a dashboard figure, opened by a click on
 * its tile or its chart's bar: read by the store with the figure's own condition, so the list
 * holds exactly as many records as the figure says, however many (a lazy list: a month's
 * 100,000 calls are 800 KB of ids, their lines read a screen at a time). Activating a line asks
 * the window to open that record ("open-record").
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store-dashboard.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DASHBOARD_RECORDS_DIALOG (kefu_dashboard_records_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuDashboardRecordsDialog, kefu_dashboard_records_dialog, KEFU,
                      DASHBOARD_RECORDS_DIALOG, AdwDialog)

/* Signal "open-record" (int KefuDashboardRecordKind, gint64 id): a line was activated; the
 * dialog closes after it. Property "busy": TRUE while the ids or the lines shown are read. */

/* `title`: the figure's name ("Complaints opened"); `subtitle`: the period and team. */
KefuDashboardRecordsDialog *kefu_dashboard_records_dialog_new            (KefuStore                *store,
                                                                          const KefuDashboardQuery *query,
                                                                          KefuDashboardFigure       figure,
                                                                          gint64                    key,
                                                                          const char               *title,
                                                                          const char               *subtitle);
/* How many records the list holds (once read). */
guint                       kefu_dashboard_records_dialog_get_n_records  (KefuDashboardRecordsDialog *self);
gboolean                    kefu_dashboard_records_dialog_get_busy       (KefuDashboardRecordsDialog *self);
/* Activates the line at `position`, as a double click or Enter does. */
void                        kefu_dashboard_records_dialog_activate       (KefuDashboardRecordsDialog *self,
                                                                          guint                       position);

G_END_DECLS
