/* kefuctl-report-tables.c: `kefuctl report calls|complaints|origins --from DAY --to DAY
 * [--team ID] [--clerk ID] --output FILE.csv|FILE.pdf [--encoding gb18030] [--detail]`: the
 * daily call log by clerk (or with --detail every call of the period), the complaint register
 * and the logistics origin analysis, written atomically as CSV or PDF for a scheduled job. The
 * number of rows written (CSV) is printed on stdout.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "report/kefu-reports-export.h"
#include "kefuctl-report-private.h"

gboolean
kefuctl_report_tables_run (KefuStore                   *store,
                           const KefuctlReportOptions  *options,
                           GError                     **error)
{
  g_autofree char *subject = NULL;
  KefuReportQuery query;
  KefuReportKind kind;
  guint64 n_rows = 0;

  if (g_str_equal (options->report, "calls"))
    kind = options->detail ? KEFU_REPORT_CALL_LIST : KEFU_REPORT_CALL_LOG;
  else if (g_str_equal (options->report, "complaints"))
    kind = KEFU_REPORT_COMPLAINTS;
  else
    kind = KEFU_REPORT_ORIGINS;

  subject = kefuctl_report_subject (store, options, error);
  if (subject == NULL)
    return FALSE;
  kefu_report_query_init (&query, &options->first, &options->last, options->team,
                          options->clerk);
  if (!kefu_report_export (store, kind, &query, *subject != '\0' ? subject : NULL,
                           options->pdf ? KEFU_REPORT_FORMAT_PDF : KEFU_REPORT_FORMAT_CSV,
                           options->encoding, options->output, &n_rows, NULL, error))
    return FALSE;
  if (!options->pdf)
    g_print ("%" G_GUINT64_FORMAT "\n", n_rows);
  return TRUE;
}
