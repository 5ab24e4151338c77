/* kefuctl-report.c: `kefuctl report NAME --from DAY --to DAY [--team ID] [--clerk ID]
 * --output FILE`: the reports a scheduled job makes (a cron example is in the README). This
 * file reads and checks the options; each report runs in its own file: the callback summary
 * report (kefuctl-report-callbacks.c, PDF only, archived in the database) and the managers'
 * tables (kefuctl-report-tables.c: the daily call log, the complaint register and the logistics
 * origin analysis, as CSV or PDF by the output's extension) and the managers' dashboard
 * (kefuctl-report-dashboard.c). Every file is written beside its
 * final name and moved over it at the end, so that a job that fails never leaves half a file
 * where the last good report was.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/kefu-store-reports.h"

#include "core/kefu-department.h"
#include "core/kefu-staff.h"
#include "kefuctl-report-private.h"

typedef struct
{
  const char *name;
  gboolean  (*run) (KefuStore *store, const KefuctlReportOptions *options, GError **error);
} ReportName;

static const ReportName report_names[] = {
  { "callbacks", kefuctl_report_callbacks_run },
  { "calls", kefuctl_report_tables_run },
  { "complaints", kefuctl_report_tables_run },
  { "dashboard", kefuctl_report_dashboard_run },
  { "origins", kefuctl_report_tables_run },
};

static char *opt_from;
static char *opt_to;
static gint64 opt_team;
static gint64 opt_clerk;
static char *opt_output;
static char *opt_encoding;
static gboolean opt_detail;
static const ReportName *chosen;
static KefuctlReportOptions options;

static const GOptionEntry report_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from,
    N_("The first day of the period (local time)"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to,
    N_("The last day of the period, included"), N_("YYYY-MM-DD") },
  { "team", 0, 0, G_OPTION_ARG_INT64, &opt_team,
    N_("Only the clerks of the department with this id"), N_("DEPARTMENT-ID") },
  { "clerk", 0, 0, G_OPTION_ARG_INT64, &opt_clerk,
    N_("Only the staff member with this id"), N_("STAFF-ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write the report to this file: .csv or .pdf (callbacks: .pdf)"), N_("FILE") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, &opt_encoding,
    N_("The CSV file's encoding: utf-8 (with a byte-order mark, the default) or gb18030 "
       "(older Excel and WPS)"), N_("ENCODING") },
  { "detail", 0, 0, G_OPTION_ARG_NONE, &opt_detail,
    N_("calls: every call of the period rather than the daily counts by clerk"), NULL },
  { NULL }
};

static gboolean
report_take_arguments (int      argc,
                       char   **argv,
                       GError **error)
{
  chosen = NULL;
  for (guint i = 0; argc >= 1 && i < G_N_ELEMENTS (report_names); i++)
    if (g_str_equal (argv[0], report_names[i].name))
      chosen = &report_names[i];
  if (chosen == NULL)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Say which report to make: callbacks, calls, complaints, "
                             "origins or dashboard, e.g. “kefuctl report complaints --from 2026-11-01 --to "
                             "2026-11-30 --output complaints.csv”."));
      return FALSE;
    }
  if (argc > 1)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("Unexpected argument “%s” after the report's name."), argv[1]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_day (const char  *option,
           const char  *text,
           GDate       *day,
           GError     **error)
{
  int y, m, d;
  char end;

  if (text == NULL)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   /* Translators: %s is an option, “--from”. */
                   _("%s is required: give the day as YYYY-MM-DD."), option);
      return FALSE;
    }
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   /* Translators: an option and what was given, “--from”, “2026-13-01”. */
                   _("%s “%s” is not a day: write it as YYYY-MM-DD, e.g. 2026-11-30."),
                   option, text);
      return FALSE;
    }
  g_date_clear (day, 1);
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/* The output's format from its extension, in any case: .csv or .pdf. */
static gboolean
output_format (const char  *output,
               gboolean    *pdf,
               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *pdf = TRUE;
  else if (g_str_has_suffix (lower, ".csv"))
    *pdf = FALSE;
  else
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   /* Translators: %s is the file given to --output. */
                   _("Cannot tell the format of “%s”: give --output a file name ending in .csv "
                     "(a spreadsheet) or .pdf (a printable report)."), output);
      return FALSE;
    }
  return TRUE;
}

static gboolean
report_validate (GError **error)
{
  memset (&options, 0, sizeof options);
  if (!parse_day ("--from", opt_from, &options.first, error) ||
      !parse_day ("--to", opt_to, &options.last, error))
    return FALSE;
  if (g_date_compare (&options.first, &options.last) > 0)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("--to is before --from: give the period's first day, then its "
                             "last."));
      return FALSE;
    }
  /* The tables' limit (the callback summary report, counted in one pass, has none). */
  if (chosen != NULL && chosen->run == kefuctl_report_tables_run &&
      g_date_days_between (&options.first, &options.last) >= KEFU_REPORT_MAX_DAYS)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("The period is longer than %u days: make one report a month, or a "
                     "quarter."), (guint) KEFU_REPORT_MAX_DAYS);
      return FALSE;
    }
  if (opt_team < 0 || opt_clerk < 0)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("--team and --clerk take the id of a department or a staff member "
                             "(a positive number)."));
      return FALSE;
    }
  if (opt_output == NULL || *opt_output == '\0')
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("--output is required: the file to write the report to (.csv or "
                             ".pdf)."));
      return FALSE;
    }
  if (!output_format (opt_output, &options.pdf, error))
    return FALSE;
  /* The callback summary report has a chart and is archived with its number: PDF only. */
  if (chosen != NULL && chosen->run == kefuctl_report_callbacks_run && !options.pdf)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("The callback summary report is written as a PDF file only: give "
                             "--output a name ending in .pdf."));
      return FALSE;
    }
  options.encoding = KEFU_CSV_ENCODING_UTF8_BOM;
  if (opt_encoding != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (opt_encoding, -1);

      if (g_str_equal (lower, "gb18030"))
        options.encoding = KEFU_CSV_ENCODING_GB18030;
      else if (!g_str_equal (lower, "utf-8") && !g_str_equal (lower, "utf8"))
        {
          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                       _("Unknown encoding “%s”: give utf-8 or gb18030."), opt_encoding);
          return FALSE;
        }
      if (options.pdf)
        {
          g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                               _("--encoding is for CSV files; a PDF holds every character "
                                 "as it is. Leave it out, or write a .csv file."));
          return FALSE;
        }
    }
  options.team = opt_team;
  options.clerk = opt_clerk;
  options.output = opt_output;
  options.detail = opt_detail;
  return TRUE;
}

/* The team's or the clerk's name under the title; NULL for the whole site. */
char *
kefuctl_report_subject (KefuStore                   *store,
                        const KefuctlReportOptions  *options,
                        GError                     **error)
{
  g_autofree char *team = NULL;

  if (options->team > 0)
    {
      g_autoptr(GListModel) departments = kefu_store_list_departments (store, NULL, error);

      if (departments == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (departments) && team == NULL; i++)
        {
          g_autoptr(KefuDepartment) department = g_list_model_get_item (departments, i);

          if (kefu_record_get_id (KEFU_RECORD (department)) == options->team)
            team = g_strdup (kefu_department_get_name (department));
        }
      if (team == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->team);

          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                       _("There is no department with id %s. Give the id of a department of "
                         "this database to --team."), id);
          return NULL;
        }
    }
  if (options->clerk > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(KefuStaff) staff = kefu_store_get_staff (store, options->clerk, NULL, &local_error);

      if (staff == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->clerk);

          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                       /* Translators: the id given, then the store's reason. */
                       _("There is no staff member with id %s (%s). Give the id of a staff "
                         "member of this database to --clerk."), id, local_error->message);
          return NULL;
        }
      if (team != NULL)
        /* Translators: the team and the clerk a report is about, “客服一组, 王芳”. */
        return g_strdup_printf (_("%s, %s"), team, kefu_staff_get_name (staff));
      return g_strdup (kefu_staff_get_name (staff));
    }
  return team != NULL ? g_steal_pointer (&team) : g_strdup ("");
}

static gboolean
report_run (KefuStore  *store,
            GError    **error)
{
  g_return_val_if_fail (chosen != NULL, FALSE);

  options.report = chosen->name;
  return chosen->run (store, &options, error);
}

const KefuctlCommand kefuctl_report_command = {
  .name = "report",
  .summary = N_("Make a report as a CSV or PDF file"),
  .description = N_("Makes one of the managers’ reports for the period, for a scheduled job "
                    "(e.g. on the first of each month for the month before):\n"
                    "  callbacks   the callback summary report (PDF): the callbacks due, done "
                    "on time, late, unreachable, the satisfaction by reason and by clerk, the "
                    "members’ coverage and the customers’ words, compared with the period "
                    "before; archived in the database, and the archive’s number printed;\n"
                    "  calls       the daily call log by clerk (calls by kind, inquiries turned "
                    "into orders); with --detail every call of the period;\n"
                    "  complaints  the complaint register: every complaint received, with its "
                    "category, departments, times and outcome;\n"
                    "  origins     the logistics origin analysis: order calls and shipment "
                    "requests by district, shipped or not;\n"
                    "  dashboard   the managers' dashboard: calls, complaints, callbacks, "
                    "after-sales and the clerks' figures beside the period before, with its "
                    "charts (PDF) or every section's tables (CSV).\n"
                    "The file's extension chooses the format (.csv or .pdf); a CSV file is "
                    "UTF-8 with a byte-order mark unless --encoding gb18030 is given, and for a "
                    "CSV file the number of rows written is printed."),
  .entries = report_entries,
  .must_exist = TRUE,
  .validate = report_validate,
  .parameters = N_("callbacks|calls|complaints|origins|dashboard --from YYYY-MM-DD "
                   "--to YYYY-MM-DD "
                   "--output FILE.csv|FILE.pdf"),
  .take_arguments = report_take_arguments,
  .run = report_run,
};
