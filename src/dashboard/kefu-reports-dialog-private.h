/* kefu-reports-dialog-private.h: what the files of the reports dialog share: the dialog's
 * fields, and the helpers of kefu-reports-dialog.c (the choices, the words said) and of
 * kefu-reports-dialog-output.c (making the report: the file chooser, the export, printing).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widgets/kefu-date-row.h"
#include "widgets/kefu-team-choice.h"

#include "kefu-reports-dialog.h"

G_BEGIN_DECLS

/* The period row's items, in the template's order. */
enum
{
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_CUSTOM,
};

/* The encoding row's items. */
enum
{
  ENCODING_UTF8,
  ENCODING_GB18030,
};

struct _KefuReportsDialog
{
  AdwDialog parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *report_row;
  AdwComboRow     *period_row;
  KefuDateRow     *first_row;
  KefuDateRow     *last_row;
  AdwComboRow     *team_row;
  AdwComboRow     *clerk_row;
  AdwComboRow     *encoding_row;
  GtkLabel        *error_label;
  GtkLabel        *status_label;
  AdwSpinner      *spinner;
  GtkButton       *cancel_button;

  KefuStore    *store;
  KefuStaff    *staff;
  GCancellable *cancellable;      /* the dialog's: cancelled when it goes */
  GCancellable *job_cancellable;  /* the report being made: "Cancel" */
  guint         busy;
  KefuTeamChoice *team_choice;  /* team_row and clerk_row */
  char         *message;
};

/* kefu-reports-dialog.c */
void      _kefu_reports_dialog_set_busy     (KefuReportsDialog     *self,
                                             gboolean               busy);
/* Says `text`: an error in the error label, else the status beside the buttons. */
void      _kefu_reports_dialog_say          (KefuReportsDialog     *self,
                                             const char            *text,
                                             gboolean               is_error);
/* The chosen period, team and clerk; FALSE (and the reason said) when the days are not a
 * period. */
gboolean  _kefu_reports_dialog_read_query   (KefuReportsDialog     *self,
                                             KefuReportQuery       *query);
/* The team or clerk the report is about, for its heading; NULL for all. */
char     *_kefu_reports_dialog_subject      (KefuReportsDialog     *self,
                                             const KefuReportQuery *query);

/* kefu-reports-dialog-output.c */
/* Makes the chosen report on the store's worker: written to `path` as `format`, or printed
 * when `path` is NULL. */
void      _kefu_reports_dialog_run          (KefuReportsDialog     *self,
                                             const char            *path,
                                             KefuReportFormat       format);
/* Asks for the file to save to, then runs the report. */
void      _kefu_reports_dialog_choose_file  (KefuReportsDialog     *self,
                                             KefuReportFormat       format);

G_END_DECLS
