/* kefu-callback-report-dialog.c: the manager's callback summary report: the period and the
 * team or clerk chosen, the report counted on the store's worker (kefu_store_callback_report),
 * its headline figures shown beside the previous period's, and the report saved as a PDF or
 * printed; either archives it first (kefu_store_archive_callback_report) so that the paper
 * carries its archive number.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-callback-rules.h"
#include "core/kefu-report-period.h"
#include "report/kefu-callback-report-pdf.h"
#include "widgets/kefu-date-row.h"
#include "widgets/kefu-print-document.h"
#include "widgets/kefu-team-choice.h"

#include "kefu-callback-report-dialog.h"

/* The period row's items, in the template's order. */
enum
{
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_THIS_QUARTER,
  PERIOD_LAST_QUARTER,
  PERIOD_CUSTOM,
};

struct _KefuCallbackReportDialog
{
  AdwDialog parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwComboRow         *period_row;
  KefuDateRow         *first_row;
  KefuDateRow         *last_row;
  AdwComboRow         *team_row;
  AdwComboRow         *clerk_row;
  GtkLabel            *error_label;
  AdwSpinner          *spinner;
  AdwPreferencesGroup *results_group;
  GtkLabel            *archive_label;

  KefuStore          *store;
  KefuStaff          *staff;
  GCancellable       *cancellable;
  guint               busy;
  KefuTeamChoice     *team_choice;    /* team_row and clerk_row */
  KefuCallbackReport *report;
  char               *report_title;   /* the team or clerk the report is about; NULL: all */
  GPtrArray          *result_rows;
};

G_DEFINE_FINAL_TYPE (KefuCallbackReportDialog, kefu_callback_report_dialog, ADW_TYPE_DIALOG)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (KefuCallbackReportDialog *self);

static void
set_busy (KefuCallbackReportDialog *self,
          gboolean                  busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  update_actions (self);
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (KefuCallbackReportDialog *self)
{
  gboolean idle = self->busy == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.make", idle && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", idle && self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", idle && self->report != NULL);
}

static void
show_error (KefuCallbackReportDialog *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The period */

static void
period_changed_cb (KefuCallbackReportDialog *self)
{
  guint period = adw_combo_row_get_selected (self->period_row);
  GDate today, first, last;
  KefuSurveyPeriod kind;
  gboolean previous;

  gtk_widget_set_visible (GTK_WIDGET (self->first_row), period == PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->last_row), period == PERIOD_CUSTOM);
  if (period == PERIOD_CUSTOM)
    return;

  /* The rows follow the chosen period, so that "Custom range" starts from it. */
  kefu_period_today (&today);
  kind = period == PERIOD_THIS_MONTH || period == PERIOD_LAST_MONTH
         ? KEFU_SURVEY_PERIOD_MONTH : KEFU_SURVEY_PERIOD_QUARTER;
  previous = period == PERIOD_LAST_MONTH || period == PERIOD_LAST_QUARTER;
  kefu_survey_period_bounds (kind, &today, previous, &first, &last);
  kefu_date_row_set_day (self->first_row, &first);
  kefu_date_row_set_day (self->last_row, &last);
}

void
kefu_callback_report_dialog_set_range (KefuCallbackReportDialog *self,
                                       const GDate              *first,
                                       const GDate              *last)
{
  g_return_if_fail (KEFU_IS_CALLBACK_REPORT_DIALOG (self));
  g_return_if_fail (first != NULL && last != NULL);

  adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
  kefu_date_row_set_day (self->first_row, first);
  kefu_date_row_set_day (self->last_row, last);
}

static gboolean
read_period (KefuCallbackReportDialog *self,
             GDate                    *first,
             GDate                    *last)
{
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) last_error = NULL;
  gboolean first_ok = kefu_date_row_get_day (self->first_row, first, &first_error);
  gboolean last_ok = kefu_date_row_get_day (self->last_row, last, &last_error);
  gboolean order_ok = !first_ok || !last_ok || g_date_compare (first, last) <= 0;

  if (!first_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->first_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->first_row), "error");
  if (!last_ok || !order_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->last_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->last_row), "error");

  if (!first_ok)
    show_error (self, first_error->message);
  else if (!last_ok)
    show_error (self, last_error->message);
  else if (!order_ok)
    show_error (self, _("The last day is before the first day. Choose a last day on or after "
                        "the first."));
  else
    show_error (self, NULL);
  return first_ok && last_ok && order_ok;
}

/* The team and the clerk */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuCallbackReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  kefu_team_choice_read_finish (KEFU_TEAM_CHOICE (object), result, &error);
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The teams and clerks could not be read: "
                                                    "%s Close the dialog and open it again."),
                                                  error->message);
      show_error (self, message);
    }
}

/* The figures */

static char *
change_text (guint now,
             guint before)
{
  gint64 d = (gint64) now - (gint64) before;

  if (d == 0)
    /* Translators: a figure compared with the previous period's, when equal. */
    return g_strdup (_("no change"));
  return g_strdup_printf ("%s%'" G_GINT64_FORMAT, d > 0 ? "+" : "−", ABS (d));
}

static guint
percent (guint part,
         guint whole)
{
  return whole > 0 ? (guint) (100.0 * part / whole + 0.5) : 0;
}

static void
add_result_row (KefuCallbackReportDialog *self,
                const char               *title,
                const char               *value,
                const char               *subtitle,
                GtkWidget                *extra)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  if (extra != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), extra);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->results_group, row);
  g_ptr_array_add (self->result_rows, row);
}

static void
add_figure (KefuCallbackReportDialog *self,
            const char               *title,
            guint                     now,
            guint                     before,
            guint                     whole)
{
  g_autofree char *change = change_text (now, before);
  g_autofree char *value = NULL;
  /* Translators: under a report figure: the previous period's and the change, "Previous
   * period: 10 (+2)". */
  g_autofree char *subtitle = g_strdup_printf (_("Previous period: %'u (%s)"), before, change);

  if (whole > 0)
    /* Translators: a report figure with its share, "12 (40%)". */
    value = g_strdup_printf (_("%'u (%u%%)"), now, percent (now, whole));
  else
    value = g_strdup_printf ("%'u", now);
  add_result_row (self, title, value, subtitle, NULL);
}

static void
show_report (KefuCallbackReportDialog *self)
{
  const KefuCallbackFigures *f = &self->report->figures;
  const KefuCallbackFigures *p = &self->report->previous;
  guint answers = f->satisfied + f->so_so + f->not_satisfied;
  guint members = self->report->n_members;
  guint covered = MIN (self->report->n_members_covered, members);
  g_autofree char *coverage = NULL;
  g_autofree char *shortfall = NULL;
  g_autofree char *first = kefu_print_format_day (&self->report->first);
  g_autofree char *last = kefu_print_format_day (&self->report->last);
  g_autofree char *description = NULL;
  GtkWidget *bar;

  for (guint i = 0; i < self->result_rows->len; i++)
    adw_preferences_group_remove (self->results_group, g_ptr_array_index (self->result_rows, i));
  g_ptr_array_set_size (self->result_rows, 0);

  /* Translators: the report's figures' heading: its period and who, "2026-11-01 – 2026-11-30,
   * 客服一组". */
  description = g_strdup_printf (_("%s – %s, %s"), first, last,
                                 self->report_title != NULL ? self->report_title
                                                            : _("All teams"));
  adw_preferences_group_set_description (self->results_group, description);

  add_figure (self, _("Callbacks due"), f->due, p->due, 0);
  add_figure (self, _("Done on time"), f->on_time, p->on_time, f->due);
  add_figure (self, _("Done late"), f->late, p->late, f->due);
  add_figure (self, _("Unreachable"), f->unreachable, p->unreachable, f->due);
  add_figure (self, _("Still open"), f->open, p->open, f->due);
  add_figure (self, C_("satisfaction", "Satisfied"), f->satisfied, p->satisfied, answers);
  add_figure (self, C_("satisfaction", "So-so"), f->so_so, p->so_so, answers);
  add_figure (self, C_("satisfaction", "Not satisfied"), f->not_satisfied, p->not_satisfied,
              answers);

  /* Translators: the members' coverage in the report dialog, "812 of 1,000 (81%)". */
  coverage = g_strdup_printf (_("%'u of %'u (%u%%)"), covered, members,
                              percent (covered, members));
  if (covered < members)
    /* Translators: under the members' coverage: how far from the 100% target. */
    shortfall = g_strdup_printf (ngettext ("%'u member short of the 100%% target",
                                           "%'u members short of the 100%% target",
                                           members - covered), members - covered);
  else
    shortfall = g_strdup (_("The 100% target is met"));
  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), members > 0 ? (double) covered / members : 0);
  gtk_widget_set_size_request (bar, 100, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Members called back, of the 100% target"), -1);
  add_result_row (self, _("Members called back"), coverage, shortfall, bar);

  gtk_widget_set_visible (GTK_WIDGET (self->results_group), TRUE);
}

/* Making the report */

typedef struct
{
  KefuCallbackReportDialog *self;     /* a reference */
  GDate                     first;
  GDate                     last;
  gint64                    team_id;
  gint64                    clerk_id;
  char                     *title;
  KefuCallbackReport       *report;   /* made by the worker */
} MakeJob;

static void
make_job_free (MakeJob *job)
{
  g_clear_object (&job->self);
  g_free (job->title);
  g_clear_pointer (&job->report, kefu_callback_report_free);
  g_free (job);
}

static gpointer
make_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  MakeJob *job = data;

  job->report = kefu_store_callback_report (store, &job->first, &job->last, job->team_id,
                                            job->clerk_id, cancellable, error);
  return NULL;
}

static void
make_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  MakeJob *job = user_data;
  KefuCallbackReportDialog *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error == NULL && job->report != NULL)
    {
      g_clear_pointer (&self->report, kefu_callback_report_free);
      self->report = g_steal_pointer (&job->report);
      g_free (self->report_title);
      self->report_title = g_steal_pointer (&job->title);
      gtk_widget_set_visible (GTK_WIDGET (self->archive_label), FALSE);
      show_report (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: the report dialog's error: why the report could not be counted. */
      g_autofree char *message = g_strdup_printf (_("The report could not be made: %s Try "
                                                    "again, or reopen the database if it keeps "
                                                    "failing."),
                                                  error != NULL ? error->message : "");
      show_error (self, message);
    }
  set_busy (self, FALSE);
  make_job_free (job);
}

static void
make_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (widget);
  MakeJob *job;
  gint64 clerk_id = kefu_team_choice_get_clerk_id (self->team_choice);
  gint64 team_id = kefu_team_choice_get_team_id (self->team_choice);

  job = g_new0 (MakeJob, 1);
  if (!read_period (self, &job->first, &job->last))
    {
      g_free (job);
      return;
    }
  job->self = g_object_ref (self);
  job->team_id = team_id;
  job->clerk_id = clerk_id;
  /* The PDF's title names the clerk when one is chosen, else the team. */
  job->title = g_strdup (kefu_team_choice_get_subject (self->team_choice));
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, make_func, job, NULL, self->cancellable, make_cb, job);
}

/* Archiving, saving and printing */

typedef struct
{
  KefuCallbackReportDialog *self;     /* a reference */
  KefuCallbackReport       *report;   /* the dialog's; nothing else touches it meanwhile */
  char                     *title;
  char                     *path;     /* NULL: print */
  gboolean                  archived; /* archived by this job */
} OutputJob;

static void
output_job_free (OutputJob *job)
{
  g_clear_object (&job->self);
  g_free (job->title);
  g_free (job->path);
  g_free (job);
}

static gpointer
output_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  OutputJob *job = data;

  /* Archived once, first, so that the paper carries its archive number. */
  if (job->report->archive_id == 0)
    {
      if (!kefu_store_archive_callback_report (store, job->report, cancellable, error))
        return NULL;
      job->archived = TRUE;
    }
  /* The PDF is drawn with cairo and Pango only (no GTK), so the worker writes it. */
  if (job->path != NULL)
    kefu_callback_report_save_pdf (job->report, job->title, job->path, error);
  return NULL;
}

static void
say_done (KefuCallbackReportDialog *self,
          const char               *what)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->report->archive_id);
  /* Translators: after a report was saved or printed, its archive number: "Archived as
   * No. 12."; it follows "Saved as report.pdf.". */
  g_autofree char *archived = g_strdup_printf (_("Archived as No. %s."), number);
  g_autofree char *text = g_strdup_printf ("%s %s", what, archived);

  gtk_label_set_text (self->archive_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->archive_label), TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
print_report (KefuCallbackReportDialog *self)
{
  g_autoptr(KefuPrintDocument) document = kefu_callback_report_document (self->report,
                                                                         self->report_title);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (kefu_print_document_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                                 &error))
    say_done (self, _("Sent to the printer."));
  else if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s Check "
                                                    "the printer, or save the report as a PDF."),
                                                  error->message);
      show_error (self, message);
    }
}

static void
output_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OutputJob *job = user_data;
  KefuCallbackReportDialog *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (error != NULL && job->report->archive_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be archived, so it "
                                                    "was not saved or printed: %s Try again."),
                                                  error->message);
      show_error (self, message);
    }
  else if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The report was archived but could not be "
                                                    "saved: %s Choose another folder and try "
                                                    "again."),
                                                  error->message);
      show_error (self, message);
    }
  else if (job->path != NULL)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      /* Translators: the report was saved as this file. */
      g_autofree char *what = g_strdup_printf (_("Saved as %s."), name);

      show_error (self, NULL);
      say_done (self, what);
    }
  else
    {
      show_error (self, NULL);
      print_report (self);
    }
  output_job_free (job);
}

static void
run_output (KefuCallbackReportDialog *self,
            const char               *path)
{
  OutputJob *job;

  g_return_if_fail (self->report != NULL);

  job = g_new0 (OutputJob, 1);
  job->self = g_object_ref (self);
  job->report = self->report;
  job->title = g_strdup (self->report_title);
  job->path = g_strdup (path);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, output_func, job, NULL, self->cancellable, output_cb, job);
}

void
kefu_callback_report_dialog_save_to_path (KefuCallbackReportDialog *self,
                                          const char               *path)
{
  g_return_if_fail (KEFU_IS_CALLBACK_REPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->report != NULL && self->busy == 0);

  run_output (self, path);
}

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuCallbackReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  set_busy (self, FALSE);
  if (file == NULL)
    return;   /* dismissed or cancelled: nothing to say */
  if (path == NULL)
    {
      show_error (self, _("The report can only be saved in a local folder. Choose a folder on "
                          "this computer."));
      return;
    }
  run_output (self, path);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *first = kefu_print_format_day (&self->report->first);
  g_autofree char *last = kefu_print_format_day (&self->report->last);
  /* Translators: the report's file name offered by the file chooser; keep the .pdf. */
  g_autofree char *name = g_strdup_printf (_("callback-report-%s-%s.pdf"), first, last);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Save the Callback Report"));
  gtk_file_dialog_set_initial_name (dialog, name);
  set_busy (self, TRUE);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        self->cancellable, save_chosen_cb, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_output (KEFU_CALLBACK_REPORT_DIALOG (widget), NULL);
}

/* The object */

const KefuCallbackReport *
kefu_callback_report_dialog_get_report (KefuCallbackReportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_REPORT_DIALOG (self), NULL);

  return self->report;
}

gboolean
kefu_callback_report_dialog_get_busy (KefuCallbackReportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_REPORT_DIALOG (self), FALSE);

  return self->busy > 0;
}

AdwDialog *
kefu_callback_report_dialog_new (KefuStore *store,
                                 KefuStaff *staff)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  return g_object_new (KEFU_TYPE_CALLBACK_REPORT_DIALOG, "store", store, "staff", staff, NULL);
}

static void
kefu_callback_report_dialog_constructed (GObject *object)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (object);

  G_OBJECT_CLASS (kefu_callback_report_dialog_parent_class)->constructed (object);

  period_changed_cb (self);
  update_actions (self);
  if (self->store != NULL)
    {
      set_busy (self, TRUE);
      kefu_team_choice_read_async (self->team_choice, self->store, self->cancellable, load_cb,
                                   g_object_ref (self));
    }
}

static void
kefu_callback_report_dialog_dispose (GObject *object)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->team_choice);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_REPORT_DIALOG);
  G_OBJECT_CLASS (kefu_callback_report_dialog_parent_class)->dispose (object);
}

static void
kefu_callback_report_dialog_finalize (GObject *object)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, kefu_callback_report_free);
  g_free (self->report_title);
  g_clear_pointer (&self->result_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (kefu_callback_report_dialog_parent_class)->finalize (object);
}

static void
kefu_callback_report_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_report_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  KefuCallbackReportDialog *self = KEFU_CALLBACK_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STAFF:
      self->staff = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_report_dialog_class_init (KefuCallbackReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_callback_report_dialog_constructed;
  object_class->dispose = kefu_callback_report_dialog_dispose;
  object_class->finalize = kefu_callback_report_dialog_finalize;
  object_class->get_property = kefu_callback_report_dialog_get_property;
  object_class->set_property = kefu_callback_report_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/"
                                               "kefu-callback-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, clerk_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, results_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackReportDialog, archive_label);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.make", NULL, make_action);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
}

static void
kefu_callback_report_dialog_init (KefuCallbackReportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->result_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_choice = kefu_team_choice_new (G_OBJECT (self->team_row), G_OBJECT (self->clerk_row),
                                            KEFU_TEAM_CHOICE_DEFAULT);
}
