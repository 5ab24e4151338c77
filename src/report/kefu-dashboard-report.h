/* kefu-dashboard-report.h: the dashboard handed up to the company's management: any section as
 * CSV rows (each figure with the period before and the change, each chart as a table, the
 * clerks' table), the whole of it as CSV for a scheduled job, and the whole of it as a printed
 * report with its charts (a KefuPrintDocument: a PDF file, or the print dialog).
 *
 * No GTK: kefuctl writes the same files on a server without a display.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/kefu-csv.h"
#include "report/kefu-print-document.h"
#include "store/kefu-store-dashboard.h"

G_BEGIN_DECLS

/* The sections a CSV file may hold: "calls", "complaints", "callbacks", "aftersales" and
 * "clerks", then NULL. */
const char * const *kefu_dashboard_report_section_ids (void);
/* The title of a section ("Calls"), NULL for an unknown id. */
const char         *kefu_dashboard_report_section_title (const char *section_id);

/* Appends the CSV rows (CRLF, quoted and guarded, no byte-order mark) of `section_id`, or of
 * every section when it is NULL, after a first row naming the period and whose figures
 * (`period_text`). */
void                kefu_dashboard_report_append_csv  (GString             *out,
                                                       const KefuDashboard *dashboard,
                                                       const char          *section_id,
                                                       const char          *period_text);

/* The whole dashboard as a printed report: the period and team under the title, each section's
 * figures as a table and its charts drawn (in black and grey with patterns, so that a printer
 * without colour keeps the series apart), the clerks' table. */
KefuPrintDocument  *kefu_dashboard_report_document    (const KefuDashboard *dashboard,
                                                       const char          *period_text,
                                                       const char          *team_text);

/* Writes the CSV rows of `section_id` (NULL: every section) in `encoding` (UTF8_BOM or GB18030),
 * or the whole printed report as a PDF, at `path`, atomically (a failed write leaves what was
 * there). */
gboolean            kefu_dashboard_report_save_csv    (const KefuDashboard *dashboard,
                                                       const char          *section_id,
                                                       const char          *period_text,
                                                       KefuCsvEncoding      encoding,
                                                       const char          *path,
                                                       GError             **error);
gboolean            kefu_dashboard_report_save_pdf    (const KefuDashboard *dashboard,
                                                       const char          *period_text,
                                                       const char          *team_text,
                                                       const char          *path,
                                                       GError             **error);

/* The period and whose figures in words, as the report and the files say them:
 * "2026-11-01 – 2026-11-27", and "All teams", a team's or a clerk's name. */
char               *kefu_dashboard_report_period_text (const KefuDashboard *dashboard);

G_END_DECLS
