/* kefuctl-report-dashboard.c: `kefuctl report dashboard --from DAY --to DAY [--team ID]
 * [--clerk ID] --output FILE.pdf|FILE.csv [--encoding gb18030]`: the managers' dashboard of the
 * period, counted by the store as the pane counts it, written atomically as the printed report
 * with its charts (PDF) or every section's figures, charts' tables and the clerks' table (CSV),
 * for a scheduled job that hands the month's figures up.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <glib/gi18n.h>

#include "report/kefu-dashboard-report.h"
#include "store/kefu-store-dashboard.h"
#include "kefuctl-report-private.h"

gboolean
kefuctl_report_dashboard_run (KefuStore                   *store,
                              const KefuctlReportOptions  *options,
                              GError                     **error)
{
  g_autoptr(KefuDashboard) dashboard = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *days = NULL;
  g_autofree char *period = NULL;
  const char *whose;
  KefuDashboardQuery query = { 0 };

  subject = kefuctl_report_subject (store, options, error);
  if (subject == NULL)
    return FALSE;
  query.first = options->first;
  query.last = options->last;
  query.department_id = options->team;
  query.clerk_id = options->clerk;
  dashboard = kefu_store_dashboard (store, &query, NULL, error);
  if (dashboard == NULL)
    return FALSE;

  days = kefu_dashboard_report_period_text (dashboard);
  whose = *subject != '\0' ? subject : _("All teams");
  if (options->pdf)
    return kefu_dashboard_report_save_pdf (dashboard, days, whose, options->output, error);
  /* Translators: a CSV file's first row: the period and whose figures. */
  period = g_strdup_printf (C_("dashboard csv", "%s · %s"), days, whose);
  return kefu_dashboard_report_save_csv (dashboard, NULL, period, options->encoding,
                                         options->output, error);
}
