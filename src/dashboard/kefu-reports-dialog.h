/* kefu-reports-dialog.h: the managers' reports as a manager hands them up (the seed's
 * 报表功能导出): the daily call log by clerk (or every call of the period), the complaint
 * register and the logistics origin analysis, for this month, last month or a range of days,
 * the whole site, a team or a clerk; saved as CSV (UTF-8 with a BOM, or GB18030 for older Excel
 * and WPS), saved as PDF or printed. The report is read and written on the store's worker, and
 * can be cancelled; the file replaces its name only once it is whole.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"
#include "report/kefu-reports-export.h"

G_BEGIN_DECLS

#define KEFU_TYPE_REPORTS_DIALOG (kefu_reports_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuReportsDialog, kefu_reports_dialog, KEFU, REPORTS_DIALOG, AdwDialog)

AdwDialog      *kefu_reports_dialog_new          (KefuStore         *store,
                                                  KefuStaff         *staff);

/* Whether the dialog is reading the teams or making a report ("busy" property). */
gboolean        kefu_reports_dialog_get_busy     (KefuReportsDialog *self);
/* Chooses the report, the encoding of CSV files, and "Custom range" with these days. */
void            kefu_reports_dialog_set_report   (KefuReportsDialog *self,
                                                  KefuReportKind     kind);
void            kefu_reports_dialog_set_encoding (KefuReportsDialog *self,
                                                  KefuCsvEncoding    encoding);
void            kefu_reports_dialog_set_range    (KefuReportsDialog *self,
                                                  const GDate       *first,
                                                  const GDate       *last);
/* What "Save as CSV…" and "Save as PDF…" do once the file is chosen; the file chooser is left
 * out, for tests. Watch "busy"; the outcome is said by kefu_reports_dialog_get_message (). */
void            kefu_reports_dialog_save_to_path (KefuReportsDialog *self,
                                                  const char        *path,
                                                  KefuReportFormat   format);
/* The last words said: what was saved, or what went wrong (NULL: nothing yet). */
const char     *kefu_reports_dialog_get_message  (KefuReportsDialog *self);

G_END_DECLS
