/* kefu-reports-dialog.c: the managers' reports (kefu-reports-dialog.h): the report, the period
 * and the team or clerk chosen, then the report read and written as CSV or PDF on the store's
 * worker (kefu_report_export ()), or read as a document there and printed here.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-reports-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-callback-rules.h"
#include "widgets/kefu-date-row.h"
#include "widgets/kefu-print-document.h"

#include "kefu-reports-dialog.h"

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
  GListModel   *departments;      /* KefuDepartment */
  GListModel   *everyone;         /* KefuStaff */
  GArray       *team_ids;         /* gint64 per team_row item; 0: all teams */
  GArray       *clerk_ids;        /* gint64 per clerk_row item; 0: all clerks */
  char         *message;
};

G_DEFINE_FINAL_TYPE (KefuReportsDialog, kefu_reports_dialog, ADW_TYPE_DIALOG)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (KefuReportsDialog *self)
{
  gboolean idle = self->busy == 0 && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-csv", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-pdf", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel",
                                 self->job_cancellable != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->job_cancellable != NULL);
}

static void
set_busy (KefuReportsDialog *self,
          gboolean           busy)
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

/* Says `text`: an error in the error label, else the status beside the buttons. */
static void
say (KefuReportsDialog *self,
     const char        *text,
     gboolean           is_error)
{
  g_free (self->message);
  self->message = g_strdup (text);
  gtk_label_set_text (self->error_label, is_error && text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), is_error && text != NULL);
  gtk_label_set_text (self->status_label, !is_error && text != NULL ? text : "");
  /* The status is one line beside the buttons; the whole of it on hover and in the toast. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), !is_error ? text : NULL);
  /* The status label stays (empty) so that the buttons keep their place at the end. */
  /* Said to screen readers; the label beside the buttons shows it (no toast over them). */
  if (text != NULL)
    gtk_accessible_announce (GTK_ACCESSIBLE (self), text,
                             is_error ? GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH
                                      : GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

/* The period */

static void
period_changed_cb (KefuReportsDialog *self)
{
  guint period = adw_combo_row_get_selected (self->period_row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, first, last;

  gtk_widget_set_visible (GTK_WIDGET (self->first_row), period == PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->last_row), period == PERIOD_CUSTOM);
  if (period == PERIOD_CUSTOM)
    return;

  /* The rows follow the chosen month, so that "Custom range" starts from it. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  kefu_survey_period_bounds (KEFU_SURVEY_PERIOD_MONTH, &today, period == PERIOD_LAST_MONTH,
                             &first, &last);
  kefu_date_row_set_day (self->first_row, &first);
  kefu_date_row_set_day (self->last_row, &last);
}

void
kefu_reports_dialog_set_range (KefuReportsDialog *self,
                               const GDate       *first,
                               const GDate       *last)
{
  g_return_if_fail (KEFU_IS_REPORTS_DIALOG (self));
  g_return_if_fail (first != NULL && last != NULL);

  adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
  kefu_date_row_set_day (self->first_row, first);
  kefu_date_row_set_day (self->last_row, last);
}

void
kefu_reports_dialog_set_report (KefuReportsDialog *self,
                                KefuReportKind     kind)
{
  g_return_if_fail (KEFU_IS_REPORTS_DIALOG (self));
  g_return_if_fail ((guint) kind < KEFU_REPORT_N_KINDS);

  adw_combo_row_set_selected (self->report_row, kind);
}

void
kefu_reports_dialog_set_encoding (KefuReportsDialog *self,
                                  KefuCsvEncoding    encoding)
{
  g_return_if_fail (KEFU_IS_REPORTS_DIALOG (self));

  adw_combo_row_set_selected (self->encoding_row, encoding == KEFU_CSV_ENCODING_GB18030
                                                  ? ENCODING_GB18030 : ENCODING_UTF8);
}

/* The chosen period, team and clerk as a query; FALSE (and the reason shown) when the days
 * are not a period. */
static gboolean
read_query (KefuReportsDialog *self,
            KefuReportQuery   *query)
{
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) last_error = NULL;
  GDate first, last;
  gboolean first_ok = kefu_date_row_get_day (self->first_row, &first, &first_error);
  gboolean last_ok = kefu_date_row_get_day (self->last_row, &last, &last_error);
  gboolean order_ok = !first_ok || !last_ok || g_date_compare (&first, &last) <= 0;
  gboolean length_ok = !first_ok || !last_ok || !order_ok ||
                       g_date_days_between (&first, &last) < KEFU_REPORT_MAX_DAYS;
  guint team = adw_combo_row_get_selected (self->team_row);
  guint clerk = adw_combo_row_get_selected (self->clerk_row);

  if (!first_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->first_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->first_row), "error");
  if (!last_ok || !order_ok || !length_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->last_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->last_row), "error");

  if (!first_ok)
    say (self, first_error->message, TRUE);
  else if (!last_ok)
    say (self, last_error->message, TRUE);
  else if (!order_ok)
    say (self, _("The last day is before the first day. Choose a last day on or after the "
                 "first."), TRUE);
  else if (!length_ok)
    {
      g_autofree char *text = g_strdup_printf (_("The period is longer than %u days. Make one "
                                                 "report a month or a quarter."),
                                               (guint) KEFU_REPORT_MAX_DAYS);

      say (self, text, TRUE);
    }
  else
    say (self, NULL, TRUE);
  if (!first_ok || !last_ok || !order_ok || !length_ok)
    return FALSE;

  kefu_report_query_init (query, &first, &last,
                          team < self->team_ids->len ? g_array_index (self->team_ids, gint64,
                                                                      team) : 0,
                          clerk < self->clerk_ids->len ? g_array_index (self->clerk_ids, gint64,
                                                                        clerk) : 0);
  return TRUE;
}

/* The team and the clerk */

static void
fill_clerks (KefuReportsDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint team = adw_combo_row_get_selected (self->team_row);
  gint64 team_id = team < self->team_ids->len ? g_array_index (self->team_ids, gint64, team)
                                              : 0;
  gint64 none = 0;

  g_array_set_size (self->clerk_ids, 0);
  gtk_string_list_append (names, _("All clerks"));
  g_array_append_val (self->clerk_ids, none);
  for (guint i = 0; self->everyone != NULL && i < g_list_model_get_n_items (self->everyone); i++)
    {
      g_autoptr(KefuStaff) staff = g_list_model_get_item (self->everyone, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (staff));

      if (team_id != 0 && kefu_staff_get_department_id (staff) != team_id)
        continue;
      gtk_string_list_append (names, kefu_staff_get_name (staff));
      g_array_append_val (self->clerk_ids, id);
    }
  adw_combo_row_set_model (self->clerk_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->clerk_row, 0);
}

static void
fill_teams (KefuReportsDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->team_ids, 0);
  gtk_string_list_append (names, _("All teams"));
  g_array_append_val (self->team_ids, none);
  for (guint i = 0; self->departments != NULL && i < g_list_model_get_n_items (self->departments);
       i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (self->departments, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (department));

      gtk_string_list_append (names, kefu_department_get_name (department));
      g_array_append_val (self->team_ids, id);
    }
  adw_combo_row_set_model (self->team_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->team_row, 0);
  fill_clerks (self);
}

typedef struct
{
  GListModel *departments;
  GListModel *everyone;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_object (&job->departments);
  g_clear_object (&job->everyone);
  g_free (job);
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadJob *job = data;

  job->departments = kefu_store_list_departments (store, cancellable, error);
  if (job->departments == NULL)
    return NULL;
  job->everyone = kefu_store_list_staff (store, FALSE, cancellable, error);
  return NULL;
}

typedef struct
{
  KefuReportsDialog *self;   /* a reference */
  LoadJob           *job;
} LoadData;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(KefuReportsDialog) self = data->self;
  LoadJob *job = data->job;
  g_autoptr(GError) error = NULL;

  g_free (data);
  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The teams and clerks could not be read: %s "
                                                 "Close the dialog and open it again."),
                                               error->message);
      say (self, text, TRUE);
    }
  g_set_object (&self->departments, job->departments);
  g_set_object (&self->everyone, job->everyone);
  fill_teams (self);
}

static char *
selected_name (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* The team or clerk the report is about, for its heading; NULL for all. */
static char *
subject_of (KefuReportsDialog     *self,
            const KefuReportQuery *query)
{
  if (query->clerk_id != 0)
    return selected_name (self->clerk_row);
  if (query->department_id != 0)
    return selected_name (self->team_row);
  return NULL;
}

/* Making a report */

typedef struct
{
  KefuReportsDialog *self;          /* a reference */
  GCancellable      *cancellable;
  KefuReportKind     kind;
  KefuReportQuery    query;
  char              *subject;
  KefuReportFormat   format;
  KefuCsvEncoding    encoding;
  char              *path;          /* NULL: print */
  guint64            n_rows;
  KefuPrintDocument *document;      /* print: the document read */
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->cancellable);
  g_free (job->subject);
  g_free (job->path);
  g_clear_pointer (&job->document, kefu_print_document_free);
  g_free (job);
}

static gpointer
report_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ReportJob *job = data;

  /* The files are drawn and written with cairo and GLib only (no GTK): on the worker. */
  if (job->path != NULL)
    kefu_report_export (store, job->kind, &job->query, job->subject, job->format,
                        job->encoding, job->path, &job->n_rows, cancellable, error);
  else
    job->document = kefu_report_make_document (store, job->kind, &job->query, job->subject,
                                               cancellable, error);
  return NULL;
}

static void
print_document (KefuReportsDialog *self,
                KefuPrintDocument *document)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (kefu_print_document_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                                 &error))
    say (self, _("Sent to the printer."), FALSE);
  else if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be printed: %s Check "
                                                 "the printer, or save the report as a PDF."),
                                               error->message);
      say (self, text, TRUE);
    }
}

static void
report_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReportJob *job = user_data;
  KefuReportsDialog *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self->job_cancellable == job->cancellable)
    g_clear_object (&self->job_cancellable);
  set_busy (self, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* "Cancel" (not the dialog closing): the old file, if any, is as it was. */
      if (!g_cancellable_is_cancelled (self->cancellable))
        say (self, _("Cancelled. No file was written."), FALSE);
    }
  else if (error != NULL)
    {
      g_autofree char *text = NULL;

      if (job->path != NULL)
        /* Translators: the reports dialog's error: why the report could not be saved. */
        text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
      else
        text = g_strdup_printf (_("The report could not be made: %s Try again, or reopen the "
                                  "database if it keeps failing."), error->message);
      say (self, text, TRUE);
    }
  else if (job->path != NULL)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *text = NULL;

      if (job->format == KEFU_REPORT_FORMAT_CSV)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, job->n_rows);

          /* Translators: after a CSV report was saved: the number of rows, then the file. */
          text = g_strdup_printf (ngettext ("Saved %s row as %s.", "Saved %s rows as %s.",
                                            (unsigned long) MIN (job->n_rows, G_MAXULONG)),
                                  count, name);
        }
      else
        /* Translators: the report was saved as this file. */
        text = g_strdup_printf (_("Saved as %s."), name);
      say (self, text, FALSE);
    }
  else if (job->document != NULL)
    {
      say (self, NULL, TRUE);
      print_document (self, job->document);
    }
  report_job_free (job);
}

static void
run_report (KefuReportsDialog *self,
            const char        *path,
            KefuReportFormat   format)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  if (!read_query (self, &job->query))
    {
      g_free (job);
      return;
    }
  job->self = g_object_ref (self);
  job->kind = adw_combo_row_get_selected (self->report_row);
  if ((guint) job->kind >= KEFU_REPORT_N_KINDS)
    job->kind = KEFU_REPORT_CALL_LOG;
  job->subject = subject_of (self, &job->query);
  job->format = format;
  job->encoding = adw_combo_row_get_selected (self->encoding_row) == ENCODING_GB18030
                  ? KEFU_CSV_ENCODING_GB18030 : KEFU_CSV_ENCODING_UTF8_BOM;
  job->path = g_strdup (path);
  /* A job's own cancellable, cancelled by "Cancel" or with the dialog's. */
  job->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           job->cancellable, G_CONNECT_SWAPPED);
  g_set_object (&self->job_cancellable, job->cancellable);
  say (self, NULL, FALSE);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, report_func, job, NULL, job->cancellable, report_cb, job);
}

void
kefu_reports_dialog_save_to_path (KefuReportsDialog *self,
                                  const char        *path,
                                  KefuReportFormat   format)
{
  g_return_if_fail (KEFU_IS_REPORTS_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->busy == 0);

  run_report (self, path, format);
}

const char *
kefu_reports_dialog_get_message (KefuReportsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_REPORTS_DIALOG (self), NULL);

  return self->message;
}

/* The file chooser */

typedef struct
{
  KefuReportsDialog *self;   /* a reference */
  KefuReportFormat   format;
} ChooseData;

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ChooseData *data = user_data;
  g_autoptr(KefuReportsDialog) self = data->self;
  KefuReportFormat format = data->format;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_free (data);
  set_busy (self, FALSE);
  if (file == NULL)
    return;   /* dismissed or cancelled: nothing to say */
  if (path == NULL)
    {
      say (self, _("The report can only be saved in a local folder. Choose a folder on this "
                   "computer."), TRUE);
      return;
    }
  run_report (self, path, format);
}

static void
choose_file (KefuReportsDialog *self,
             KefuReportFormat   format)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  KefuReportQuery query;
  ChooseData *data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KefuReportKind kind = adw_combo_row_get_selected (self->report_row);

  if (!read_query (self, &query))
    return;
  name = kefu_report_file_name (kind, &query, format);
  if (format == KEFU_REPORT_FORMAT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files (spreadsheets)"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, kefu_report_kind_get_title (kind));
  gtk_file_dialog_set_initial_name (dialog, name);
  data = g_new0 (ChooseData, 1);
  data->self = g_object_ref (self);
  data->format = format;
  set_busy (self, TRUE);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        self->cancellable, save_chosen_cb, data);
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose_file (KEFU_REPORTS_DIALOG (widget), KEFU_REPORT_FORMAT_CSV);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose_file (KEFU_REPORTS_DIALOG (widget), KEFU_REPORT_FORMAT_PDF);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_report (KEFU_REPORTS_DIALOG (widget), NULL, KEFU_REPORT_FORMAT_PDF);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (widget);

  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

/* The object */

gboolean
kefu_reports_dialog_get_busy (KefuReportsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_REPORTS_DIALOG (self), FALSE);

  return self->busy > 0;
}

AdwDialog *
kefu_reports_dialog_new (KefuStore *store,
                         KefuStaff *staff)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  return g_object_new (KEFU_TYPE_REPORTS_DIALOG, "store", store, "staff", staff, NULL);
}

static void
kefu_reports_dialog_constructed (GObject *object)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (object);

  G_OBJECT_CLASS (kefu_reports_dialog_parent_class)->constructed (object);

  period_changed_cb (self);
  fill_teams (self);
  update_actions (self);
  if (self->store != NULL)
    {
      LoadData *data = g_new0 (LoadData, 1);

      data->self = g_object_ref (self);
      data->job = g_new0 (LoadJob, 1);
      set_busy (self, TRUE);
      kefu_store_run_async (self->store, load_func, data->job, load_job_free, self->cancellable,
                            load_cb, data);
    }
}

static void
kefu_reports_dialog_dispose (GObject *object)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_REPORTS_DIALOG);
  G_OBJECT_CLASS (kefu_reports_dialog_parent_class)->dispose (object);
}

static void
kefu_reports_dialog_finalize (GObject *object)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->job_cancellable);
  g_clear_object (&self->departments);
  g_clear_object (&self->everyone);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->clerk_ids, g_array_unref);
  g_free (self->message);
  G_OBJECT_CLASS (kefu_reports_dialog_parent_class)->finalize (object);
}

static void
kefu_reports_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (object);

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
kefu_reports_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (object);

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
kefu_reports_dialog_class_init (KefuReportsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_reports_dialog_constructed;
  object_class->dispose = kefu_reports_dialog_dispose;
  object_class->finalize = kefu_reports_dialog_finalize;
  object_class->get_property = kefu_reports_dialog_get_property;
  object_class->set_property = kefu_reports_dialog_set_property;

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
                                               "/io/github/kefu/Kefu/ui/kefu-reports-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, clerk_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KefuReportsDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fill_clerks);

  gtk_widget_class_install_action (widget_class, "reports.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
}

static void
kefu_reports_dialog_init (KefuReportsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clerk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
