/* kefuctl-report-private.h: what the files of `kefuctl report` share: the options as parsed
 * and checked by kefuctl-report.c, and each kind of report's run.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-csv.h"
#include "kefuctl-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *report;     /* the report's name: "callbacks", "calls", … */
  GDate            first;
  GDate            last;
  gint64           team;       /* 0: all */
  gint64           clerk;      /* 0: all */
  const char      *output;
  gboolean         pdf;        /* else CSV, from the output's extension */
  KefuCsvEncoding  encoding;
  gboolean         detail;     /* calls: every call rather than the daily log */
} KefuctlReportOptions;

/* The team's or the clerk's name under the title ("" for the whole site), or NULL with an
 * error for an id this database does not have. */
char    *kefuctl_report_subject        (KefuStore                   *store,
                                        const KefuctlReportOptions  *options,
                                        GError                     **error);

/* `kefuctl report callbacks`: the callback summary report, archived, as a PDF. */
gboolean kefuctl_report_callbacks_run  (KefuStore                   *store,
                                        const KefuctlReportOptions  *options,
                                        GError                     **error);
/* `kefuctl report calls|complaints|origins`: a report as a CSV or PDF file. */
gboolean kefuctl_report_tables_run     (KefuStore                   *store,
                                        const KefuctlReportOptions  *options,
                                        GError                     **error);

/* `kefuctl report dashboard`: the managers' dashboard as a PDF report or a CSV file. */
gboolean kefuctl_report_dashboard_run  (KefuStore                   *store,
                                        const KefuctlReportOptions  *options,
                                        GError                     **error);

G_END_DECLS
