/* kefu-callback-report-dialog.h: the callback summary report (《回访总结报告》) as the manager
 * makes it: a period (this or last month or quarter, or two days) and a team or a clerk, the
 * figures counted on the store's worker and shown beside the previous period's, then saved as a
 * PDF or printed, which archives the report in the database (its archive number is said).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"
#include "store/kefu-store-callback-report.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_REPORT_DIALOG (kefu_callback_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackReportDialog, kefu_callback_report_dialog, KEFU,
                      CALLBACK_REPORT_DIALOG, AdwDialog)

AdwDialog                *kefu_callback_report_dialog_new        (KefuStore *store,
                                                                  KefuStaff *staff);

/* Whether the dialog is counting, archiving or saving (read-only "busy" property). */
gboolean                  kefu_callback_report_dialog_get_busy   (KefuCallbackReportDialog *self);
/* Chooses "Custom range" with these days (the rows can still be edited). */
void                      kefu_callback_report_dialog_set_range  (KefuCallbackReportDialog *self,
                                                                  const GDate              *first,
                                                                  const GDate              *last);
/* The report made last; NULL before "Make Report" finished. Owned by the dialog. */
const KefuCallbackReport *kefu_callback_report_dialog_get_report (KefuCallbackReportDialog *self);
/* What "Save as PDF…" does once the file is chosen: archives the report (once) and writes the
 * PDF at `path`; the file chooser is left out, for tests. Watch "busy". */
void                      kefu_callback_report_dialog_save_to_path (KefuCallbackReportDialog *self,
                                                                    const char               *path);

G_END_DECLS
