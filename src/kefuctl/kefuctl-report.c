/* kefuctl-report.c: `kefuctl report callbacks --from DAY --to DAY [--team ID] [--clerk ID]
 * --output FILE.pdf`, the callback summary report (《回访总结报告》) for a scheduled job: the
 * report is counted by the store, archived in the database (its figures and when it was made),
 * then written as a PDF file, and the archive's number is printed on stdout.
 *
 * The PDF is written beside its final name and moved over it at the end, so that a job that
 * fails never leaves half a file where the last good report was.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "core/kefu-department.h"
#include "core/kefu-staff.h"
#include "report/kefu-callback-report-pdf.h"
#include "kefuctl-private.h"

static char *opt_from;
static char *opt_to;
static gint64 opt_team;
static gint64 opt_clerk;
static char *opt_output;
static GDate first_day;
static GDate last_day;

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
    N_("Write the report to this PDF file"), N_("FILE.pdf") },
  { NULL }
};

static gboolean
report_take_arguments (int      argc,
                       char   **argv,
                       GError **error)
{
  if (argc < 1 || !g_str_equal (argv[0], "callbacks"))
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Say which report to make, e.g. “kefuctl report callbacks --from "
                             "2026-11-01 --to 2026-11-30 --output report.pdf”."));
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

static gboolean
report_validate (GError **error)
{
  if (!parse_day ("--from", opt_from, &first_day, error) ||
      !parse_day ("--to", opt_to, &last_day, error))
    return FALSE;
  if (g_date_compare (&first_day, &last_day) > 0)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("--to is before --from: give the period's first day, then its "
                             "last."));
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
                           _("--output is required: the PDF file to write the report to."));
      return FALSE;
    }
  return TRUE;
}

/* The team's or the clerk's name under the title; NULL for the whole site. */
static char *
subject_name (KefuStore  *store,
              GError    **error)
{
  g_autofree char *team = NULL;

  if (opt_team > 0)
    {
      g_autoptr(GListModel) departments = kefu_store_list_departments (store, NULL, error);

      if (departments == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (departments) && team == NULL; i++)
        {
          g_autoptr(KefuDepartment) department = g_list_model_get_item (departments, i);

          if (kefu_record_get_id (KEFU_RECORD (department)) == opt_team)
            team = g_strdup (kefu_department_get_name (department));
        }
      if (team == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, opt_team);

          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                       _("There is no department with id %s. Give the id of a department of "
                         "this database to --team."), id);
          return NULL;
        }
    }
  if (opt_clerk > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(KefuStaff) staff = kefu_store_get_staff (store, opt_clerk, NULL, &local_error);

      if (staff == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, opt_clerk);

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
  g_autoptr(KefuCallbackReport) report = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *part = g_strconcat (opt_output, ".part", NULL);

  subject = subject_name (store, error);
  if (subject == NULL)
    return FALSE;
  report = kefu_store_callback_report (store, &first_day, &last_day, opt_team, opt_clerk, NULL,
                                       error);
  if (report == NULL)
    return FALSE;
  /* Archived first, so that the PDF carries the archive's number. */
  if (!kefu_store_archive_callback_report (store, report, NULL, error))
    return FALSE;
  if (!kefu_callback_report_save_pdf (report, *subject != '\0' ? subject : NULL, part, error))
    {
      g_unlink (part);
      return FALSE;
    }
  if (g_rename (part, opt_output) != 0)
    {
      int saved = errno;

      g_unlink (part);
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("Could not write %s: %s"), opt_output, g_strerror (saved));
      return FALSE;
    }
  g_print ("%" G_GINT64_FORMAT "\n", report->archive_id);
  return TRUE;
}

const KefuctlCommand kefuctl_report_command = {
  .name = "report",
  .summary = N_("Make the callback summary report as a PDF file"),
  .description = N_("Counts the callbacks whose deadline falls in the period (due, done on "
                    "time, done late, unreachable, still open, the satisfaction answers by "
                    "reason and by clerk, the members’ coverage, the customers’ words), "
                    "compares them with the period of the same length before, archives the "
                    "figures in the database and writes the report with its chart to the PDF "
                    "file. Prints the archive’s number. For a scheduled job, e.g. on the first "
                    "of each month for the month before."),
  .entries = report_entries,
  .must_exist = TRUE,
  .validate = report_validate,
  .parameters = N_("callbacks --from YYYY-MM-DD --to YYYY-MM-DD --output FILE.pdf"),
  .take_arguments = report_take_arguments,
  .run = report_run,
};
