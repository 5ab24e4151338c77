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

#include "core/kefu-report-period.h"
#include "widgets/kefu-date-row.h"

#include "kefu-reports-dialog-private.h"


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

void
_kefu_reports_dialog_set_busy (KefuReportsDialog *self,
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
void
_kefu_reports_dialog_say (KefuReportsDialog *self,
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
  KefuPeriod month;
  GDate today;

  gtk_widget_set_visible (GTK_WIDGET (self->first_row), period == PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->last_row), period == PERIOD_CUSTOM);
  if (period == PERIOD_CUSTOM)
    return;

  /* The months as the dashboard counts them: this one to date, the last one whole. The rows
   * follow the chosen month, so that "Custom range" starts from it. */
  kefu_period_today (&today);
  kefu_period_init (&month, KEFU_PERIOD_MONTH, &today, &today);
  if (period == PERIOD_LAST_MONTH)
    kefu_period_step (&month, -1, &today);
  kefu_date_row_set_day (self->first_row, &month.first);
  kefu_date_row_set_day (self->last_row, &month.last);
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
gboolean
_kefu_reports_dialog_read_query (KefuReportsDialog *self,
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

  if (!first_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->first_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->first_row), "error");
  if (!last_ok || !order_ok || !length_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->last_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->last_row), "error");

  if (!first_ok)
    _kefu_reports_dialog_say (self, first_error->message, TRUE);
  else if (!last_ok)
    _kefu_reports_dialog_say (self, last_error->message, TRUE);
  else if (!order_ok)
    _kefu_reports_dialog_say (self, _("The last day is before the first day. Choose a last day on or after the "
                 "first."), TRUE);
  else if (!length_ok)
    {
      g_autofree char *text = g_strdup_printf (_("The period is longer than %u days. Make one "
                                                 "report a month or a quarter."),
                                               (guint) KEFU_REPORT_MAX_DAYS);

      _kefu_reports_dialog_say (self, text, TRUE);
    }
  else
    _kefu_reports_dialog_say (self, NULL, TRUE);
  if (!first_ok || !last_ok || !order_ok || !length_ok)
    return FALSE;

  kefu_report_query_init (query, &first, &last, kefu_team_choice_get_team_id (self->team_choice),
                          kefu_team_choice_get_clerk_id (self->team_choice));
  return TRUE;
}

/* The team and the clerk */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuReportsDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  kefu_team_choice_read_finish (KEFU_TEAM_CHOICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _kefu_reports_dialog_set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The teams and clerks could not be read: %s "
                                                 "Close the dialog and open it again."),
                                               error->message);
      _kefu_reports_dialog_say (self, text, TRUE);
    }
}

/* The team or clerk the report is about, for its heading; NULL for all. */
char *
_kefu_reports_dialog_subject (KefuReportsDialog     *self,
                              const KefuReportQuery *query)
{
  if (query->clerk_id != 0)
    return g_strdup (kefu_team_choice_get_clerk_name (self->team_choice));
  if (query->department_id != 0)
    return g_strdup (kefu_team_choice_get_team_name (self->team_choice));
  return NULL;
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _kefu_reports_dialog_choose_file (KEFU_REPORTS_DIALOG (widget), KEFU_REPORT_FORMAT_CSV);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _kefu_reports_dialog_choose_file (KEFU_REPORTS_DIALOG (widget), KEFU_REPORT_FORMAT_PDF);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _kefu_reports_dialog_run (KEFU_REPORTS_DIALOG (widget), NULL, KEFU_REPORT_FORMAT_PDF);
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
  update_actions (self);
  if (self->store != NULL)
    {
      _kefu_reports_dialog_set_busy (self, TRUE);
      kefu_team_choice_read_async (self->team_choice, self->store, self->cancellable, load_cb,
                                   g_object_ref (self));
    }
}

static void
kefu_reports_dialog_dispose (GObject *object)
{
  KefuReportsDialog *self = KEFU_REPORTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->team_choice);
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

  gtk_widget_class_install_action (widget_class, "reports.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
}

static void
kefu_reports_dialog_init (KefuReportsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_choice = kefu_team_choice_new (G_OBJECT (self->team_row), G_OBJECT (self->clerk_row),
                                            KEFU_TEAM_CHOICE_DEFAULT);
}
