/* kefu-callback-campaign-dialog.c: a campaign of callbacks created in one go. The clerks and
 * the products are read on the store's worker when the dialog opens; "Create Callbacks" checks
 * what the form can (a name, a clerk, the days), then the store spreads the calls over the
 * clerks and days by the callback rules and either makes them all or refuses with its reason
 * ("Only 60 of the 61 customers fit…"), which is shown in place.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-date-row.h"

#include "kefu-callback-campaign-dialog.h"

/* The reasons a campaign calls for and whom it calls, in the rows' order. */
static const KefuCallbackReason reasons[] = {
  KEFU_CALLBACK_REASON_OCCASION,
  KEFU_CALLBACK_REASON_SURVEY,
  KEFU_CALLBACK_REASON_RENEWAL,
  KEFU_CALLBACK_REASON_MAINTENANCE,
};

static const KefuCampaignTarget targets[] = {
  KEFU_CAMPAIGN_TARGET_MEMBERS,
  KEFU_CAMPAIGN_TARGET_DISTRICT,
  KEFU_CAMPAIGN_TARGET_PRODUCT,
};

struct _KefuCallbackCampaignDialog
{
  AdwDialog parent_instance;

  AdwEntryRow         *name_row;
  AdwComboRow         *reason_row;
  AdwEntryRow         *topic_row;
  AdwComboRow         *target_row;
  AdwEntryRow         *district_row;
  AdwComboRow         *product_row;
  KefuDateRow         *first_row;
  KefuDateRow         *last_row;
  AdwSpinRow          *per_day_row;
  AdwSpinRow          *slot_row;
  AdwPreferencesGroup *clerks_group;
  GtkLabel            *status_label;
  AdwSpinner          *spinner;

  KefuStore    *store;
  GCancellable *cancellable;
  guint         busy;
  GListModel   *products;     /* KefuProduct */
  GPtrArray    *clerk_checks; /* GtkCheckButton, with "staff-id64" data */
  guint         n_created;
  gint64        campaign_id;
};

G_DEFINE_FINAL_TYPE (KefuCallbackCampaignDialog, kefu_callback_campaign_dialog, ADW_TYPE_DIALOG)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

enum
{
  SIGNAL_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (KefuCallbackCampaignDialog *self,
          gboolean                    busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.create",
                                 self->busy == 0 && self->campaign_id == 0);
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_status (KefuCallbackCampaignDialog *self,
            const char                 *text,
            gboolean                    is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
}

static void
set_field_error (GtkWidget *row,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
target_changed_cb (KefuCallbackCampaignDialog *self)
{
  KefuCampaignTarget target = targets[MIN (adw_combo_row_get_selected (self->target_row),
                                           G_N_ELEMENTS (targets) - 1)];

  gtk_widget_set_visible (GTK_WIDGET (self->district_row),
                          target == KEFU_CAMPAIGN_TARGET_DISTRICT);
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), target == KEFU_CAMPAIGN_TARGET_PRODUCT);
}

void
kefu_callback_campaign_dialog_plan_survey (KefuCallbackCampaignDialog *self,
                                           const GDate                *first,
                                           const GDate                *last)
{
  g_return_if_fail (KEFU_IS_CALLBACK_CAMPAIGN_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i] == KEFU_CALLBACK_REASON_SURVEY)
      adw_combo_row_set_selected (self->reason_row, i);
  adw_combo_row_set_selected (self->target_row, 0);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), _("Member satisfaction survey"));
  kefu_date_row_set_day (self->first_row, first);
  kefu_date_row_set_day (self->last_row, last);
}

/* Loading the clerks and products */

typedef struct
{
  KefuCallbackCampaignDialog *self;   /* a reference */
  GListModel                 *staff;
  GListModel                 *products;
} LoadJob;

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadJob *job = data;

  job->staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  if (job->staff != NULL)
    job->products = kefu_store_list_products (store, TRUE, cancellable, error);
  return NULL;
}

static void
fill_clerks (KefuCallbackCampaignDialog *self,
             GListModel                 *staff)
{
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) one = g_list_model_get_item (staff, i);
      GtkWidget *row;
      GtkWidget *check;

      if (kefu_staff_get_role (one) != KEFU_ROLE_CLERK)
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kefu_staff_get_name (one));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      row, NULL, -1);
      g_object_set_data_full (G_OBJECT (check), "staff-id64",
                              g_memdup2 (&(gint64) { kefu_record_get_id (KEFU_RECORD (one)) },
                                         sizeof (gint64)), g_free);
      adw_preferences_group_add (self->clerks_group, row);
      g_ptr_array_add (self->clerk_checks, check);
    }
  if (self->clerk_checks->len == 0)
    set_status (self, _("There are no active clerks to make the calls. Add clerks in the "
                        "staff settings first."), TRUE);
}

static void
fill_products (KefuCallbackCampaignDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; self->products != NULL && i < g_list_model_get_n_items (self->products); i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (self->products, i);

      gtk_string_list_append (names, kefu_product_get_name (product));
    }
  adw_combo_row_set_model (self->product_row, G_LIST_MODEL (names));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadJob *job = user_data;
  KefuCallbackCampaignDialog *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error == NULL)
    {
      fill_clerks (self, job->staff);
      g_set_object (&self->products, job->products);
      fill_products (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The clerks and products could not be "
                                                    "read: %s Close the dialog and open it "
                                                    "again."),
                                                  error->message);
      set_status (self, message, TRUE);
    }
  set_busy (self, FALSE);
  g_clear_object (&job->staff);
  g_clear_object (&job->products);
  g_clear_object (&job->self);
  g_free (job);
}

/* Creating */

typedef struct
{
  KefuCallbackCampaignDialog *self;   /* a reference */
  char                       *name;
  char                       *topic;
  char                       *district;
  KefuCampaignInput           input;
  GDate                       first;
  GDate                       last;
  GArray                     *clerks;
  guint                       n_created;
  gint64                      campaign_id;
} CreateJob;

static void
create_job_free (CreateJob *job)
{
  g_clear_object (&job->self);
  g_free (job->name);
  g_free (job->topic);
  g_free (job->district);
  g_clear_pointer (&job->clerks, g_array_unref);
  g_free (job);
}

static gpointer
create_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CreateJob *job = data;

  job->campaign_id = kefu_store_create_campaign (store, &job->input, &job->n_created,
                                                 cancellable, error);
  return NULL;
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CreateJob *job = user_data;
  KefuCallbackCampaignDialog *self = job->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error == NULL && job->campaign_id > 0)
    {
      /* Translators: after a campaign was made: how many callbacks, and its name. */
      g_autofree char *text = g_strdup_printf (ngettext ("%'u callback created for “%s”.",
                                                         "%'u callbacks created for “%s”.",
                                                         job->n_created),
                                               job->n_created, job->name);

      self->n_created = job->n_created;
      self->campaign_id = job->campaign_id;
      set_status (self, text, FALSE);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, error != NULL ? error->message : "", TRUE);
  set_busy (self, FALSE);
  if (self->campaign_id > 0 && job->campaign_id == self->campaign_id)
    g_signal_emit (self, signals[SIGNAL_CREATED], 0);
  create_job_free (job);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (widget);
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) last_error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->name_row))));
  g_autofree char *topic = g_strstrip (g_strdup (gtk_editable_get_text (
                                                   GTK_EDITABLE (self->topic_row))));
  g_autofree char *district = g_strstrip (g_strdup (gtk_editable_get_text (
                                                      GTK_EDITABLE (self->district_row))));
  KefuCampaignTarget target = targets[MIN (adw_combo_row_get_selected (self->target_row),
                                           G_N_ELEMENTS (targets) - 1)];
  guint product = adw_combo_row_get_selected (self->product_row);
  CreateJob *job = g_new0 (CreateJob, 1);
  gboolean first_ok = kefu_date_row_get_day (self->first_row, &job->first, &first_error);
  gboolean last_ok = kefu_date_row_get_day (self->last_row, &job->last, &last_error);
  const char *problem = NULL;

  job->clerks = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->clerk_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->clerk_checks, i);

      if (gtk_check_button_get_active (check))
        g_array_append_val (job->clerks,
                            *(gint64 *) g_object_get_data (G_OBJECT (check), "staff-id64"));
    }

  set_field_error (GTK_WIDGET (self->name_row), *name == '\0');
  set_field_error (GTK_WIDGET (self->district_row),
                   target == KEFU_CAMPAIGN_TARGET_DISTRICT && *district == '\0');
  set_field_error (GTK_WIDGET (self->first_row), !first_ok);
  set_field_error (GTK_WIDGET (self->last_row),
                   !last_ok || (first_ok && g_date_compare (&job->first, &job->last) > 0));
  if (*name == '\0')
    problem = _("Give the campaign a name, such as “2027年春节问候”.");
  else if (target == KEFU_CAMPAIGN_TARGET_DISTRICT && *district == '\0')
    problem = _("Type the district whose customers are called.");
  else if (target == KEFU_CAMPAIGN_TARGET_PRODUCT
           && (self->products == NULL || product >= g_list_model_get_n_items (self->products)))
    problem = _("Choose the product whose buyers are called.");
  else if (!first_ok)
    problem = first_error->message;
  else if (!last_ok)
    problem = last_error->message;
  else if (g_date_compare (&job->first, &job->last) > 0)
    problem = _("The last day is before the first day. Choose a last day on or after the "
                "first.");
  else if (job->clerks->len == 0)
    problem = _("Check at least one clerk to make the calls.");
  if (problem != NULL)
    {
      set_status (self, problem, TRUE);
      create_job_free (job);
      return;
    }

  job->self = g_object_ref (self);
  job->name = g_steal_pointer (&name);
  job->topic = *topic != '\0' ? g_steal_pointer (&topic) : NULL;
  job->district = g_steal_pointer (&district);
  job->input.name = job->name;
  job->input.reason = reasons[MIN (adw_combo_row_get_selected (self->reason_row),
                                   G_N_ELEMENTS (reasons) - 1)];
  job->input.topic = job->topic;
  job->input.target = target;
  job->input.district = target == KEFU_CAMPAIGN_TARGET_DISTRICT ? job->district : NULL;
  if (target == KEFU_CAMPAIGN_TARGET_PRODUCT)
    {
      g_autoptr(KefuProduct) chosen = g_list_model_get_item (self->products, product);

      job->input.product_id = kefu_record_get_id (KEFU_RECORD (chosen));
    }
  job->input.first_day = &job->first;
  job->input.last_day = &job->last;
  job->input.clerks = (const gint64 *) job->clerks->data;
  job->input.n_clerks = job->clerks->len;
  job->input.per_clerk_per_day = (guint) adw_spin_row_get_value (self->per_day_row);
  job->input.slot_minutes = (guint) adw_spin_row_get_value (self->slot_row);
  set_status (self, NULL, FALSE);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, create_func, job, NULL, self->cancellable, create_cb, job);
}

/* The object */

gboolean
kefu_callback_campaign_dialog_get_busy (KefuCallbackCampaignDialog *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_CAMPAIGN_DIALOG (self), FALSE);

  return self->busy > 0;
}

guint
kefu_callback_campaign_dialog_get_n_created (KefuCallbackCampaignDialog *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_CAMPAIGN_DIALOG (self), 0);

  return self->n_created;
}

gint64
kefu_callback_campaign_dialog_get_campaign_id (KefuCallbackCampaignDialog *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_CAMPAIGN_DIALOG (self), 0);

  return self->campaign_id;
}

AdwDialog *
kefu_callback_campaign_dialog_new (KefuStore *store)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  return g_object_new (KEFU_TYPE_CALLBACK_CAMPAIGN_DIALOG, "store", store, NULL);
}

static void
kefu_callback_campaign_dialog_constructed (GObject *object)
{
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (object);
  LoadJob *job;

  G_OBJECT_CLASS (kefu_callback_campaign_dialog_parent_class)->constructed (object);

  job = g_new0 (LoadJob, 1);
  job->self = g_object_ref (self);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, load_func, job, NULL, self->cancellable, load_cb, job);
}

static void
kefu_callback_campaign_dialog_dispose (GObject *object)
{
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_CAMPAIGN_DIALOG);
  G_OBJECT_CLASS (kefu_callback_campaign_dialog_parent_class)->dispose (object);
}

static void
kefu_callback_campaign_dialog_finalize (GObject *object)
{
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->products);
  g_clear_pointer (&self->clerk_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (kefu_callback_campaign_dialog_parent_class)->finalize (object);
}

static void
kefu_callback_campaign_dialog_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_campaign_dialog_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  KefuCallbackCampaignDialog *self = KEFU_CALLBACK_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_campaign_dialog_class_init (KefuCallbackCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_callback_campaign_dialog_constructed;
  object_class->dispose = kefu_callback_campaign_dialog_dispose;
  object_class->finalize = kefu_callback_campaign_dialog_finalize;
  object_class->get_property = kefu_callback_campaign_dialog_get_property;
  object_class->set_property = kefu_callback_campaign_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the campaign's callbacks were created (the lead's page reads again). */
  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (KEFU_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/"
                                               "kefu-callback-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, product_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, per_day_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, slot_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, clerks_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackCampaignDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);

  gtk_widget_class_install_action (widget_class, "campaign.create", NULL, create_action);
}

static void
kefu_callback_campaign_dialog_init (KefuCallbackCampaignDialog *self)
{
  g_autoptr(GtkStringList) reason_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) target_names = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  self->clerk_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    gtk_string_list_append (reason_names, kefu_callback_reason_get_display_name (reasons[i]));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reason_names));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    gtk_string_list_append (target_names, kefu_campaign_target_get_display_name (targets[i]));
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (target_names));
  target_changed_cb (self);
}
