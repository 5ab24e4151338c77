/* kefuctl-report-callbacks.c: `kefuctl report callbacks --from DAY --to DAY [--team ID]
 * [--clerk ID] --output FILE.pdf`, the callback summary report (《回访总结报告》) for a scheduled
 * job: the report is counted by the store, archived in the database (its figures and when it
 * was made), then written as a PDF file, and the archive's number is printed on stdout.
 *
 * The PDF is written beside its final name and moved over it at the end, so that a job that
 * fails never leaves half a file where the last good report was.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-atomic-file.h"
#include "report/kefu-callback-report-pdf.h"
#include "kefuctl-report-private.h"

gboolean
kefuctl_report_callbacks_run (KefuStore                   *store,
                              const KefuctlReportOptions  *options,
                              GError                     **error)
{
  g_autoptr(KefuCallbackReport) report = NULL;
  g_autoptr(KefuAtomicFile) file = NULL;
  g_autofree char *subject = NULL;

  /* kefuctl-report.c refused any other file than a PDF. */
  g_return_val_if_fail (options->pdf, FALSE);

  subject = kefuctl_report_subject (store, options, error);
  if (subject == NULL)
    return FALSE;
  report = kefu_store_callback_report (store, &options->first, &options->last, options->team,
                                       options->clerk, NULL, error);
  if (report == NULL)
    return FALSE;
  /* Archived first, so that the PDF carries the archive's number. */
  if (!kefu_store_archive_callback_report (store, report, NULL, error))
    return FALSE;
  file = kefu_atomic_file_new (options->output, error);
  if (file == NULL ||
      !kefu_callback_report_save_pdf (report, *subject != '\0' ? subject : NULL,
                                      kefu_atomic_file_get_temp_path (file), error) ||
      !kefu_atomic_file_commit (file, error))
    return FALSE;
  g_print ("%" G_GINT64_FORMAT "\n", report->archive_id);
  return TRUE;
}
