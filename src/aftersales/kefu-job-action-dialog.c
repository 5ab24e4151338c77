/* kefu-job-action-dialog.c: the dialog of one service-job action.
 *
 * One dialog for every action: each shows only its own rows (the table in
 * kefu-job-action-dialog-check.c says which), so the checking, the store's refusal and the kept
 * input work the same everywhere.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-money.h"
#include "store/kefu-store-jobs.h"

#include "widgets/kefu-date-row.h"

#include "kefu-job-action-dialog-private.h"


G_DEFINE_FINAL_TYPE (KefuJobActionDialog, kefu_job_action_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static void
set_busy (KefuJobActionDialog *self,
          gboolean             loading,
          gboolean             saving)
{
  gboolean was = kefu_job_action_dialog_get_busy (self);

  self->loading = loading;
  self->saving = saving;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !loading && !saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), !saving);
  if (was != kefu_job_action_dialog_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (KefuJobActionDialog *self,
              const char          *message)
{
  /* The waybill's own problem is said under it already, as it was typed. */
  gboolean said = message != NULL && gtk_widget_get_visible (GTK_WIDGET (self->waybill_label))
                  && g_strcmp0 (gtk_label_get_label (self->waybill_label), message) == 0;

  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && !said);
}

/* Who is free: under the technician, whether they already have visits on the days of this one
 * (the agreed day .. + travel days − 1), read again as the technician or the days change. A
 * warning, never a refusal: a technician may well do two visits in one trip. */

typedef struct
{
  gint64 technician_id;
  gint64 job_id;
  GDate  from;
  GDate  to;      /* the day after the last */
} FreeQuery;

static gpointer
visits_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  FreeQuery *query = data;
  g_autoptr(GPtrArray) visits = kefu_store_list_technician_visits (store, &query->from, &query->to,
                                                                   cancellable, error);
  GListStore *clashes;

  if (visits == NULL)
    return NULL;
  clashes = g_list_store_new (KEFU_TYPE_SERVICE_JOB);
  for (guint i = 0; i < visits->len; i++)
    {
      KefuServiceJob *visit = g_ptr_array_index (visits, i);

      if (visit->technician_id == query->technician_id && visit->id != query->job_id)
        g_list_store_append (clashes, visit);
    }
  return clashes;
}

/* "3 Dec", 12月3日 in Chinese, as the technicians' calendar writes a visit's days. */
static char *
format_short_day (const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 0, 0, 0);

  /* xgettext:no-c-format */
  return g_date_time_format (time, C_("calendar visit", "%-d %b"));
}

static void
show_free (KefuJobActionDialog *self,
           const char          *text,
           gboolean             away)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->technician_row), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->free_icon), away);
}

static void
visits_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuJobActionDialog) self = user_data;
  g_autoptr(GListModel) clashes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  KefuStaff *technician;
  guint n;

  clashes = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->free_cancellable);
  if (clashes == NULL)
    {
      /* Only a hint: the dispatch itself does not depend on it. */
      show_free (self, NULL, FALSE);
      return;
    }

  n = g_list_model_get_n_items (clashes);
  if (n == 0)
    {
      /* Translators: under the technician in the Dispatch dialog: no other visit on the days of
       * this trip. */
      show_free (self, _("Free on those days"), FALSE);
      return;
    }

  technician = _kefu_job_action_dialog_chosen_technician (self);
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuServiceJob) visit = g_list_model_get_item (clashes, i);
      GDate first = visit->agreed_date;
      GDate last;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!g_date_valid (&first) && visit->departed_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (visit->departed_at);

          g_date_set_dmy (&first, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
        }
      if (!g_date_valid (&first))
        continue;
      last = first;
      g_date_add_days (&last, MAX (visit->travel_days, 1) - 1);
      from = format_short_day (&first);
      to = format_short_day (&last);
      if (text->len > 0)
        /* Translators: between two visits of a technician in the Dispatch dialog. */
        g_string_append (text, _("; "));
      if (g_date_compare (&first, &last) == 0)
        /* Translators: under the technician in the Dispatch dialog: another visit of theirs on
         * the days of this trip, e.g. "梁工 is away 12月3日 (SH-20261201-0002)". */
        g_string_append_printf (text, _("%s is away %s (%s)"),
                                technician != NULL ? kefu_staff_get_name (technician) : "",
                                from, visit->reference);
      else
        /* Translators: under the technician in the Dispatch dialog: another visit of theirs on
         * the days of this trip, e.g. "梁工 is away 12月3日–12月4日 (SH-20261201-0002)". */
        g_string_append_printf (text, _("%s is away %s–%s (%s)"),
                                technician != NULL ? kefu_staff_get_name (technician) : "",
                                from, to, visit->reference);
    }
  show_free (self, text->str, TRUE);
}

static void
check_free (KefuJobActionDialog *self)
{
  KefuStaff *technician;
  FreeQuery *query;
  GDate day;

  if (!(self->fields & FIELD_TECHNICIAN) || self->technicians == NULL)
    return;
  if (self->free_cancellable != NULL)
    g_cancellable_cancel (self->free_cancellable);
  g_clear_object (&self->free_cancellable);

  technician = _kefu_job_action_dialog_chosen_technician (self);
  if (technician == NULL || !kefu_date_row_get_day (KEFU_DATE_ROW (self->agreed_row), &day, NULL))
    {
      show_free (self, NULL, FALSE);
      return;
    }

  query = g_new0 (FreeQuery, 1);
  query->technician_id = kefu_record_get_id (KEFU_RECORD (technician));
  query->job_id = self->job->id;
  query->from = day;
  query->to = query->from;
  g_date_add_days (&query->to, MAX ((guint) adw_spin_row_get_value (self->days_row), 1));
  self->free_cancellable = g_cancellable_new ();
  kefu_store_run_async (self->store, visits_func, query, g_free, self->free_cancellable,
                        visits_cb, g_object_ref (self));
}

static void
field_changed_cb (KefuJobActionDialog *self)
{
  if (self->fields & FIELD_TECHNICIAN)
    check_free (self);
  if (self->fields & FIELD_CARRIER)
    _kefu_job_action_dialog_check_waybill (self);
  if (self->checked && self->job != NULL)
    {
      g_autoptr(KefuJobChange) change = NULL;
      g_autofree char *problem = _kefu_job_action_dialog_check_fields (self, &change);

      show_message (self, problem);
    }
}

/* Saving */

static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return kefu_store_change_job (store, data, cancellable, error);
}

static gpointer
read_job_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return kefu_store_get_job (store, *(gint64 *) data, cancellable, error);
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuJobActionDialog) self = user_data;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GError) error = NULL;

  job = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job != NULL)
    g_set_object (&self->job, job);
  set_busy (self, FALSE, FALSE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuJobActionDialog) self = user_data;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GError) error = NULL;

  job = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (job != NULL)
    {
      set_busy (self, FALSE, FALSE);
      g_signal_emit (self, signals[SIGNAL_SAVED], 0, job);
      adw_dialog_force_close (ADW_DIALOG (self));
      return;
    }

  /* What was typed stays: the person reads why and saves again. */
  if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
    {
      gint64 *id = g_new (gint64, 1);

      *id = self->job->id;
      show_message (self, _("Someone else changed this job meanwhile. It has been read again: check what you typed and save again."));
      kefu_store_run_async (self->store, read_job_func, id, g_free, self->cancellable, reread_cb,
                            g_object_ref (self));
      return;
    }
  show_message (self, error->message);
  set_busy (self, FALSE, FALSE);
}

/* Callbacks */

static void
save_clicked_cb (KefuJobActionDialog *self)
{
  kefu_job_action_dialog_save (self);
}

static void
cancel_clicked_cb (KefuJobActionDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

/* Loading the technicians and carriers */

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Fields fields = GPOINTER_TO_UINT (data);
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);

  if (fields & FIELD_TECHNICIAN)
    {
      g_autoptr(GListModel) staff = kefu_store_list_staff (store, TRUE, cancellable, error);
      g_autoptr(GPtrArray) technicians = g_ptr_array_new_with_free_func (g_object_unref);

      if (staff == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
        {
          g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

          if (kefu_staff_get_role (member) == KEFU_ROLE_TECHNICIAN)
            g_ptr_array_add (technicians, g_steal_pointer (&member));
        }
      g_object_set_data_full (result, "technicians", g_steal_pointer (&technicians),
                              (GDestroyNotify) g_ptr_array_unref);
    }
  if (fields & FIELD_CARRIER)
    {
      GPtrArray *carriers = kefu_store_list_carriers (store, FALSE, cancellable, error);

      if (carriers == NULL)
        return NULL;
      g_object_set_data_full (result, "carriers", carriers, (GDestroyNotify) g_ptr_array_unref);
    }
  return g_steal_pointer (&result);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuJobActionDialog) self = user_data;
  g_autoptr(GObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  loaded = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      show_message (self, error->message);
      set_busy (self, FALSE, FALSE);
      return;
    }

  if (self->fields & FIELD_TECHNICIAN)
    {
      self->technicians = g_ptr_array_ref (g_object_get_data (loaded, "technicians"));
      for (guint i = 0; i < self->technicians->len; i++)
        gtk_string_list_append (names, kefu_staff_get_name (g_ptr_array_index (self->technicians, i)));
      adw_combo_row_set_model (self->technician_row, G_LIST_MODEL (names));
      /* The one dispatched before, when the job goes again. */
      for (guint i = 0; i < self->technicians->len; i++)
        if (kefu_record_get_id (KEFU_RECORD (g_ptr_array_index (self->technicians, i))) == self->job->technician_id)
          adw_combo_row_set_selected (self->technician_row, i);
      check_free (self);
    }
  if (self->fields & FIELD_CARRIER)
    {
      self->carriers = g_ptr_array_ref (g_object_get_data (loaded, "carriers"));
      for (guint i = 0; i < self->carriers->len; i++)
        gtk_string_list_append (names, ((KefuCarrier *) g_ptr_array_index (self->carriers, i))->name);
      adw_combo_row_set_model (self->carrier_row, G_LIST_MODEL (names));
    }
  set_busy (self, FALSE, FALSE);
}

static void
set_choices (AdwComboRow *row,
             const char  *first,
             ...)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    gtk_string_list_append (list, name);
  va_end (args);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* The rows, title and intro of the action. */
static void
setup (KefuJobActionDialog *self)
{
  const ActionTexts *texts = _kefu_job_action_dialog_find_texts (self->action);
  const char *explanation = _(texts->explanation);
  g_autofree char *intro = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");

  self->fields = texts->fields;
  adw_dialog_set_title (ADW_DIALOG (self), _(texts->title));
  /* Translators: the first lines of a service-job action dialog: the job's reference, the
   * customer, and what the action does. */
  /* The table's words are for a warranty that could not be worked out; one that was (from the
   * serial's shipment) is being corrected. */
  if (self->action == KEFU_JOB_ACTION_SET_WARRANTY && self->job->warranty != KEFU_WARRANTY_UNKNOWN)
    explanation = _("The warranty was worked out from the serial: correct it, e.g. from the invoice, and say why.");
  intro = g_strdup_printf (_("%s · %s\n%s"), self->job->reference,
                           self->job->customer_name != NULL ? self->job->customer_name : "",
                           explanation);
  gtk_label_set_label (self->intro_label, intro);

  gtk_widget_set_visible (GTK_WIDGET (self->fields_group), self->fields != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->text_row), self->fields & FIELD_TEXT);
  if (texts->text_title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _(texts->text_title));
  gtk_widget_set_visible (GTK_WIDGET (self->decision_row), self->fields & FIELD_DECISION);
  set_choices (self->decision_row, _("Repair on site"), _("Return to the factory"),
               _("Solved on the phone"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->technician_row), self->fields & FIELD_TECHNICIAN);
  gtk_widget_set_visible (GTK_WIDGET (self->agreed_row), self->fields & FIELD_TECHNICIAN);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), self->fields & FIELD_TECHNICIAN);
  if (g_date_valid (&self->job->agreed_date))
    {
      char day[16];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", &self->job->agreed_date);
      gtk_editable_set_text (GTK_EDITABLE (self->agreed_row), day);
    }
  if (self->job->travel_days > 0)
    adw_spin_row_set_value (self->days_row, self->job->travel_days);
  gtk_widget_set_visible (GTK_WIDGET (self->at_row), self->fields & FIELD_AT);
  if (texts->at_title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->at_row), _(texts->at_title));
  /* Most steps are recorded as they happen: now is the likeliest time. */
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now_text);
  gtk_widget_set_visible (GTK_WIDGET (self->work_row), self->fields & FIELD_FEEDBACK);
  gtk_widget_set_visible (GTK_WIDGET (self->parts_row), self->fields & FIELD_FEEDBACK);
  gtk_widget_set_visible (GTK_WIDGET (self->fixed_switch), self->fields & FIELD_FEEDBACK);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_row), self->fields & FIELD_FEEDBACK);
  adw_switch_row_set_active (self->fixed_switch, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->carrier_row), self->fields & FIELD_CARRIER);
  gtk_widget_set_visible (GTK_WIDGET (self->waybill_row), self->fields & FIELD_CARRIER);
  gtk_widget_set_visible (GTK_WIDGET (self->replaced_switch), self->fields & FIELD_REPLACED);
  gtk_widget_set_visible (GTK_WIDGET (self->receipt_row), self->fields & FIELD_RECEIPT);
  set_choices (self->receipt_row, kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_PHONE),
               kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_SIGNED_SLIP),
               kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_OTHER), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->fee_row), self->fields & FIELD_FEE);
  gtk_widget_set_visible (GTK_WIDGET (self->agreed_switch), self->fields & FIELD_FEE);
  if (self->job->fee_fen > 0)
    {
      g_autofree char *fee = kefu_money_format (self->job->fee_fen);

      gtk_editable_set_text (GTK_EDITABLE (self->fee_row), fee);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warranty_row), self->fields & FIELD_WARRANTY);
  set_choices (self->warranty_row, kefu_warranty_state_get_display_name (KEFU_WARRANTY_IN),
               kefu_warranty_state_get_display_name (KEFU_WARRANTY_OUT), NULL);

  if (self->fields & (FIELD_TECHNICIAN | FIELD_CARRIER))
    {
      set_busy (self, TRUE, FALSE);
      kefu_store_run_async (self->store, load_func, GUINT_TO_POINTER (self->fields), NULL,
                            self->cancellable, load_cb, g_object_ref (self));
    }
}

/* Overrides */

static void
kefu_job_action_dialog_dispose (GObject *object)
{
  KefuJobActionDialog *self = KEFU_JOB_ACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->free_cancellable != NULL)
    g_cancellable_cancel (self->free_cancellable);
  g_clear_object (&self->free_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_JOB_ACTION_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  g_clear_pointer (&self->technicians, g_ptr_array_unref);
  g_clear_pointer (&self->carriers, g_ptr_array_unref);

  G_OBJECT_CLASS (kefu_job_action_dialog_parent_class)->dispose (object);
}

static void
kefu_job_action_dialog_finalize (GObject *object)
{
  KefuJobActionDialog *self = KEFU_JOB_ACTION_DIALOG (object);

  g_free (self->message);

  G_OBJECT_CLASS (kefu_job_action_dialog_parent_class)->finalize (object);
}

static void
kefu_job_action_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KefuJobActionDialog *self = KEFU_JOB_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_job_action_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_action_dialog_class_init (KefuJobActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_job_action_dialog_dispose;
  object_class->finalize = kefu_job_action_dialog_finalize;
  object_class->get_property = kefu_job_action_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KEFU_TYPE_SERVICE_JOB);

  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  g_type_ensure (KEFU_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-job-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, agreed_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, agreed_switch);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, at_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, fixed_switch);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, parts_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, receipt_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, replaced_switch);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, technician_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, warranty_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, waybill_label);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, waybill_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobActionDialog, work_row);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
kefu_job_action_dialog_init (KefuJobActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Shown beside the technician while they have another visit on the trip's days. */
  self->free_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->free_icon), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->free_icon), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->free_icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->technician_row), GTK_WIDGET (self->free_icon));
  g_signal_connect_swapped (self->days_row, "notify::value", G_CALLBACK (field_changed_cb), self);
}

/* Public API */

KefuJobActionDialog *
kefu_job_action_dialog_new (KefuStore      *store,
                            KefuStaff      *staff,
                            KefuServiceJob *job,
                            KefuJobAction   action)
{
  KefuJobActionDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (KEFU_IS_SERVICE_JOB (job), NULL);
  g_return_val_if_fail (action <= KEFU_JOB_ACTION_ADD_NOTE, NULL);

  self = g_object_new (KEFU_TYPE_JOB_ACTION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->staff = staff != NULL ? g_object_ref (staff) : NULL;
  self->job = g_object_ref (job);
  self->action = action;
  setup (self);
  return self;
}

KefuJobAction
kefu_job_action_dialog_get_action (KefuJobActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), KEFU_JOB_ACTION_ADD_NOTE);

  return self->action;
}

gboolean
kefu_job_action_dialog_get_busy (KefuJobActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), FALSE);

  return self->loading || self->saving;
}

static GtkWidget *
find_field (KefuJobActionDialog *self,
            const char          *field)
{
  static const struct { const char *name; Fields fields; gsize offset; } rows[] = {
    { "text", FIELD_TEXT, G_STRUCT_OFFSET (KefuJobActionDialog, text_row) },
    { "agreed-date", FIELD_TECHNICIAN, G_STRUCT_OFFSET (KefuJobActionDialog, agreed_row) },
    { "at", FIELD_AT, G_STRUCT_OFFSET (KefuJobActionDialog, at_row) },
    { "work-done", FIELD_FEEDBACK, G_STRUCT_OFFSET (KefuJobActionDialog, work_row) },
    { "parts-used", FIELD_FEEDBACK, G_STRUCT_OFFSET (KefuJobActionDialog, parts_row) },
    { "comment", FIELD_FEEDBACK, G_STRUCT_OFFSET (KefuJobActionDialog, comment_row) },
    { "waybill", FIELD_CARRIER, G_STRUCT_OFFSET (KefuJobActionDialog, waybill_row) },
    { "fee", FIELD_FEE, G_STRUCT_OFFSET (KefuJobActionDialog, fee_row) },
    { "agreed", FIELD_FEE, G_STRUCT_OFFSET (KefuJobActionDialog, agreed_switch) },
    { "fixed", FIELD_FEEDBACK, G_STRUCT_OFFSET (KefuJobActionDialog, fixed_switch) },
    { "replaced", FIELD_REPLACED, G_STRUCT_OFFSET (KefuJobActionDialog, replaced_switch) },
    { "decision", FIELD_DECISION, G_STRUCT_OFFSET (KefuJobActionDialog, decision_row) },
    { "carrier", FIELD_CARRIER, G_STRUCT_OFFSET (KefuJobActionDialog, carrier_row) },
    { "receipt", FIELD_RECEIPT, G_STRUCT_OFFSET (KefuJobActionDialog, receipt_row) },
    { "warranty", FIELD_WARRANTY, G_STRUCT_OFFSET (KefuJobActionDialog, warranty_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, field))
      return (self->fields & rows[i].fields)
             ? G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset) : NULL;
  return NULL;
}

gboolean
kefu_job_action_dialog_set_text (KefuJobActionDialog *self,
                                 const char          *field,
                                 const char          *text)
{
  GtkWidget *row;

  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  row = find_field (self, field);
  if (KEFU_IS_TEXT_ROW (row))
    kefu_text_row_set_text (KEFU_TEXT_ROW (row), text);
  else if (ADW_IS_ENTRY_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  else
    return FALSE;
  field_changed_cb (self);
  return TRUE;
}

gboolean
kefu_job_action_dialog_set_active (KefuJobActionDialog *self,
                                   const char          *field,
                                   gboolean             active)
{
  GtkWidget *row;

  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  row = find_field (self, field);
  if (!ADW_IS_SWITCH_ROW (row))
    return FALSE;
  adw_switch_row_set_active (ADW_SWITCH_ROW (row), active);
  return TRUE;
}

gboolean
kefu_job_action_dialog_set_selected (KefuJobActionDialog *self,
                                     const char          *field,
                                     guint                position)
{
  GtkWidget *row;
  GListModel *model;

  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  row = find_field (self, field);
  if (!ADW_IS_COMBO_ROW (row))
    return FALSE;
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  if (model == NULL || position >= g_list_model_get_n_items (model))
    return FALSE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  return TRUE;
}

gboolean
kefu_job_action_dialog_set_technician (KefuJobActionDialog *self,
                                       gint64               staff_id)
{
  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), FALSE);

  for (guint i = 0; self->technicians != NULL && i < self->technicians->len; i++)
    if (kefu_record_get_id (KEFU_RECORD (g_ptr_array_index (self->technicians, i))) == staff_id)
      {
        adw_combo_row_set_selected (self->technician_row, i);
        return TRUE;
      }
  return FALSE;
}

void
kefu_job_action_dialog_set_travel_days (KefuJobActionDialog *self,
                                        guint                days)
{
  g_return_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self));

  adw_spin_row_set_value (self->days_row, days);
}

gboolean
kefu_job_action_dialog_save (KefuJobActionDialog *self)
{
  g_autoptr(KefuJobChange) change = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), FALSE);

  if (kefu_job_action_dialog_get_busy (self))
    return FALSE;

  self->checked = TRUE;
  problem = _kefu_job_action_dialog_check_fields (self, &change);
  show_message (self, problem);
  if (problem != NULL)
    return FALSE;

  set_busy (self, FALSE, TRUE);
  kefu_store_run_async (self->store, save_func, g_steal_pointer (&change),
                        (GDestroyNotify) kefu_job_change_free, self->cancellable, save_cb,
                        g_object_ref (self));
  return TRUE;
}

const char *
kefu_job_action_dialog_get_message (KefuJobActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_ACTION_DIALOG (self), NULL);

  return self->message;
}
