/* kefu-aftersales-settings-page.c: the carriers and the receipt days in Preferences.
 *
 * The page reads the carriers (the inactive ones too) and the setting in one job on the store's
 * worker. Each carrier is an expander row whose fields are checked as they are typed (the reason
 * under the tracking address, never a modal) and saved on their own with
 * kefu_store_save_carrier () from a copy, so the worker never writes a record the page holds.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-aftersales-settings-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-shipments.h"

#include "kefu-aftersales-settings-page.h"
#include "kefu-settings-page.h"

/* The receipt days' default and bounds are the setting's own (core/kefu-settings-keys.c),
 * which the store reads with them too. */
static guint
default_receipt_days (void)
{
  guint days = 0;

  kefu_setting_parse_count (kefu_setting_get_default (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS), 0,
                            G_MAXINT, &days, NULL);
  return days;
}

/* One carrier's rows. */
typedef struct
{
  gint64          id;        /* 0: not saved yet */
  gint64          version;
  guint           position;
  AdwExpanderRow *expander;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *template_row;
  GtkLabel       *template_message;
  AdwSwitchRow   *active_row;
  AdwButtonRow   *save_row;
} CarrierRow;

struct _KefuAftersalesSettingsPage
{
  KefuSettingsPage     parent_instance;

  GPtrArray           *carriers;      /* CarrierRow */
  guint                loaded_days;

  AdwPreferencesGroup *carriers_group;
  AdwPreferencesGroup *permission_group;
  AdwSpinRow          *receipt_days_row;
};

G_DEFINE_FINAL_TYPE (KefuAftersalesSettingsPage, kefu_aftersales_settings_page,
                     KEFU_TYPE_SETTINGS_PAGE)

#define PAGE(self) KEFU_SETTINGS_PAGE (self)

static void
carrier_row_free (gpointer data)
{
  g_free (data);
}

/* Checking */

static gboolean
check_carrier (CarrierRow *row)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row->name_row));
  const char *template = gtk_editable_get_text (GTK_EDITABLE (row->template_row));
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *reason = NULL;
  gboolean template_valid = kefu_aftersales_check_tracking_template (template, &reason);

  if (template_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row->template_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->template_row), "error");
  gtk_label_set_label (row->template_message, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (row->template_message), reason != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->template_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason != NULL ? reason : "",
                                  -1);

  if (*stripped == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (row->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->name_row), "error");

  return template_valid && *stripped != '\0';
}

static void
update (KefuAftersalesSettingsPage *self)
{
  gboolean editable = kefu_settings_page_can_edit (PAGE (self)) &&
                      kefu_settings_page_has_loaded (PAGE (self)) &&
                      !kefu_settings_page_is_saving (PAGE (self));
  guint days = (guint) adw_spin_row_get_value (self->receipt_days_row);

  gtk_widget_set_visible (GTK_WIDGET (self->permission_group), !kefu_settings_page_can_edit (PAGE (self)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->receipt_days_row), editable);

  for (guint i = 0; i < self->carriers->len; i++)
    {
      CarrierRow *row = self->carriers->pdata[i];
      gboolean valid = check_carrier (row);

      gtk_widget_set_sensitive (GTK_WIDGET (row->name_row), editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->kind_row), editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->template_row), editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->active_row), editable);
      gtk_widget_set_sensitive (GTK_WIDGET (row->save_row), editable && valid);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aftersales-settings.add-carrier", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aftersales-settings.save",
                                 editable && days != self->loaded_days);
}

static void
update_page (KefuSettingsPage *page)
{
  update (KEFU_AFTERSALES_SETTINGS_PAGE (page));
}

static void
field_changed_cb (KefuAftersalesSettingsPage *self)
{
  update (self);
}

/* The carrier rows */

static void
clear_carriers (KefuAftersalesSettingsPage *self,
                gboolean                    from_group)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A field being removed must lose the focus first, or its text never hears it leave. */
  if (from_group && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->carriers_group)))
    gtk_root_set_focus (root, NULL);

  for (guint i = 0; from_group && i < self->carriers->len; i++)
    {
      CarrierRow *row = self->carriers->pdata[i];

      adw_preferences_group_remove (self->carriers_group, GTK_WIDGET (row->expander));
    }
  g_ptr_array_set_size (self->carriers, 0);
}

static void
save_row_activated_cb (AdwButtonRow *button,
                       gpointer      user_data)
{
  CarrierRow *row = user_data;

  gtk_widget_activate_action (GTK_WIDGET (button), "aftersales-settings.save-carrier", "i",
                              (gint) row->position);
}

static void
add_carrier_row (KefuAftersalesSettingsPage *self,
                 KefuCarrier                *carrier)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  CarrierRow *row = g_new0 (CarrierRow, 1);
  GtkWidget *message_row;

  for (guint kind = KEFU_CARRIER_OTHER; kind <= KEFU_CARRIER_DEPPON; kind++)
    gtk_string_list_append (kinds, kefu_carrier_kind_get_display_name (kind));

  row->position = self->carriers->len;
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);

  row->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->name_row), _("Name"));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->name_row));

  row->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->kind_row), _("Waybill Form"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->kind_row),
                               _("Waybill numbers are checked against this carrier’s form"));
  adw_combo_row_set_model (row->kind_row, G_LIST_MODEL (kinds));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->kind_row));

  row->template_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the address of a carrier's tracking page, with {waybill} where the number goes;
   * keep {waybill} as it is. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->template_row),
                                 _("Tracking Address (with {waybill})"));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->template_row));

  row->template_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->template_message, TRUE);
  gtk_label_set_xalign (row->template_message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row->template_message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (row->template_message), "caption");
  gtk_widget_set_margin_start (GTK_WIDGET (row->template_message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->template_message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (row->template_message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (row->template_message), 6);
  gtk_widget_set_visible (GTK_WIDGET (row->template_message), FALSE);
  message_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), GTK_WIDGET (row->template_message));
  g_object_bind_property (row->template_message, "visible", message_row, "visible",
                          G_BINDING_SYNC_CREATE);
  adw_expander_row_add_row (row->expander, message_row);

  row->active_row = ADW_SWITCH_ROW (adw_switch_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->active_row), _("Active"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->active_row),
                               _("Inactive carriers are only kept on old shipments"));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->active_row));

  row->save_row = ADW_BUTTON_ROW (adw_button_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->save_row), _("Save Carrier"));
  gtk_widget_add_css_class (GTK_WIDGET (row->save_row), "suggested-action");
  g_signal_connect (row->save_row, "activated", G_CALLBACK (save_row_activated_cb), row);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->save_row));

  if (carrier != NULL)
    {
      row->id = carrier->id;
      row->version = carrier->version;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), carrier->name);
      adw_expander_row_set_subtitle (row->expander, carrier->active
                                     ? kefu_carrier_kind_get_display_name (carrier->kind)
                                     : _("Inactive"));
      gtk_editable_set_text (GTK_EDITABLE (row->name_row), carrier->name != NULL ? carrier->name : "");
      adw_combo_row_set_selected (row->kind_row, carrier->kind);
      gtk_editable_set_text (GTK_EDITABLE (row->template_row),
                             carrier->tracking_template != NULL ? carrier->tracking_template : "");
      adw_switch_row_set_active (row->active_row, carrier->active);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), _("New Carrier"));
      adw_combo_row_set_selected (row->kind_row, KEFU_CARRIER_OTHER);
      adw_switch_row_set_active (row->active_row, TRUE);
      adw_expander_row_set_expanded (row->expander, TRUE);
    }

  g_signal_connect_swapped (row->name_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (row->template_row, "changed", G_CALLBACK (field_changed_cb), self);

  g_ptr_array_add (self->carriers, row);
  adw_preferences_group_add (self->carriers_group, GTK_WIDGET (row->expander));
}

/* Loading */

typedef struct
{
  GPtrArray *carriers;      /* KefuCarrier */
  char      *receipt_days;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_pointer (&job->carriers, g_ptr_array_unref);
  g_free (job->receipt_days);
  g_free (job);
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  job->carriers = kefu_store_list_carriers (store, TRUE, cancellable, error);
  if (job->carriers == NULL)
    {
      load_job_free (job);
      return NULL;
    }
  job->receipt_days = kefu_store_get_setting (store, KEFU_SETTING_SHIPMENT_RECEIPT_DAYS,
                                              cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      load_job_free (job);
      return NULL;
    }
  return job;
}

static void
load_done (KefuSettingsPage *page,
           gpointer          result,
           const GError     *error)
{
  KefuAftersalesSettingsPage *self = KEFU_AFTERSALES_SETTINGS_PAGE (page);
  LoadJob *job = result;
  guint days = default_receipt_days ();

  if (job == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not read the after-sales settings: %s"), error->message);
      kefu_settings_page_toast (page, text);
      return;
    }

  clear_carriers (self, TRUE);
  for (guint i = 0; i < job->carriers->len; i++)
    add_carrier_row (self, g_ptr_array_index (job->carriers, i));
  if (job->receipt_days == NULL ||
      !kefu_aftersales_check_receipt_days (job->receipt_days, &days, NULL))
    days = default_receipt_days ();
  self->loaded_days = days;
  adw_spin_row_set_value (self->receipt_days_row, days);
  load_job_free (job);
}

static void
reload (KefuSettingsPage *page)
{
  kefu_settings_page_run_load (page, load_func, NULL, NULL, load_done);
}

/* Saving */

typedef struct
{
  KefuCarrier *carrier;   /* NULL: the setting */
  char        *days;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->carrier);
  g_free (job->days);
  g_free (job);
}

static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = data;

  if (job->carrier != NULL)
    return kefu_store_save_carrier (store, job->carrier, cancellable, error);

  if (!kefu_store_set_setting (store, KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, job->days, cancellable,
                               error))
    return NULL;

  /* kefu_store_run_async () hands back an object: one that says it is done. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
save_done (KefuSettingsPage *page,
           gpointer          result,
           const GError     *error)
{
  g_autoptr(GObject) saved = result;

  if (saved == NULL)
    {
      /* What was typed stays: the reason says what to change. */
      kefu_settings_page_toast (page, error->message);
      return;
    }

  if (KEFU_IS_CARRIER (saved))
    {
      g_autofree char *text = NULL;

      /* Translators: a toast after a carrier was saved; %s is its name. */
      text = g_strdup_printf (_("%s saved"), KEFU_CARRIER (saved)->name);
      kefu_settings_page_toast (page, text);
    }
  else
    kefu_settings_page_toast (page, _("Receipt days saved"));

  kefu_settings_page_reload (page);
}

static void
run_save (KefuAftersalesSettingsPage *self,
          SaveJob                    *job)
{
  kefu_settings_page_run_save (PAGE (self), save_func, job, save_job_free, save_done);
}

/* Actions */

static gboolean
may_save (KefuAftersalesSettingsPage *self)
{
  return kefu_settings_page_get_store (PAGE (self)) != NULL &&
         kefu_settings_page_can_edit (PAGE (self)) &&
         !kefu_settings_page_is_saving (PAGE (self));
}

static void
add_carrier_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KefuAftersalesSettingsPage *self = KEFU_AFTERSALES_SETTINGS_PAGE (widget);
  CarrierRow *row;

  add_carrier_row (self, NULL);
  row = g_ptr_array_index (self->carriers, self->carriers->len - 1);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (row->name_row));
}

static void
save_carrier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuAftersalesSettingsPage *self = KEFU_AFTERSALES_SETTINGS_PAGE (widget);
  gint position = g_variant_get_int32 (param);
  g_autofree char *name = NULL;
  const char *template;
  CarrierRow *row;
  SaveJob *job;

  if (!may_save (self) || position < 0 ||
      (guint) position >= self->carriers->len)
    return;

  row = self->carriers->pdata[position];
  if (!check_carrier (row))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->name_row))));
  template = gtk_editable_get_text (GTK_EDITABLE (row->template_row));

  job = g_new0 (SaveJob, 1);
  job->carrier = kefu_carrier_new ();
  job->carrier->id = row->id;
  job->carrier->version = row->version;
  job->carrier->name = g_steal_pointer (&name);
  job->carrier->kind = adw_combo_row_get_selected (row->kind_row);
  job->carrier->tracking_template = *template != '\0' ? g_strstrip (g_strdup (template)) : NULL;
  job->carrier->active = adw_switch_row_get_active (row->active_row);
  job->carrier->position = row->position;
  run_save (self, job);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuAftersalesSettingsPage *self = KEFU_AFTERSALES_SETTINGS_PAGE (widget);
  SaveJob *job;

  if (!may_save (self))
    return;

  job = g_new0 (SaveJob, 1);
  job->days = g_strdup_printf ("%u", (guint) adw_spin_row_get_value (self->receipt_days_row));
  run_save (self, job);
}

/* Overrides */

static void
kefu_aftersales_settings_page_dispose (GObject *object)
{
  KefuAftersalesSettingsPage *self = KEFU_AFTERSALES_SETTINGS_PAGE (object);

  if (self->carriers != NULL)
    clear_carriers (self, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_AFTERSALES_SETTINGS_PAGE);

  G_OBJECT_CLASS (kefu_aftersales_settings_page_parent_class)->dispose (object);
}

static void
kefu_aftersales_settings_page_finalize (GObject *object)
{
  KefuAftersalesSettingsPage *self = KEFU_AFTERSALES_SETTINGS_PAGE (object);

  g_clear_pointer (&self->carriers, g_ptr_array_unref);

  G_OBJECT_CLASS (kefu_aftersales_settings_page_parent_class)->finalize (object);
}

static void
kefu_aftersales_settings_page_class_init (KefuAftersalesSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KefuSettingsPageClass *page_class = KEFU_SETTINGS_PAGE_CLASS (klass);

  object_class->dispose = kefu_aftersales_settings_page_dispose;
  object_class->finalize = kefu_aftersales_settings_page_finalize;
  page_class->reload = reload;
  page_class->update = update_page;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-aftersales-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesSettingsPage, carriers_group);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesSettingsPage, permission_group);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesSettingsPage, receipt_days_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "aftersales-settings.add-carrier", NULL,
                                   add_carrier_action);
  gtk_widget_class_install_action (widget_class, "aftersales-settings.save-carrier", "i",
                                   save_carrier_action);
  gtk_widget_class_install_action (widget_class, "aftersales-settings.save", NULL, save_action);
}

static void
kefu_aftersales_settings_page_init (KefuAftersalesSettingsPage *self)
{
  self->carriers = g_ptr_array_new_with_free_func (carrier_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    guint min = 1, max = 1;

    kefu_setting_get_count_range (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, &min, &max);
    adw_spin_row_set_range (self->receipt_days_row, min, max);
    adw_spin_row_set_value (self->receipt_days_row, default_receipt_days ());
  }
  update (self);
}

/* Public API */

KefuAftersalesSettingsPage *
kefu_aftersales_settings_page_new (KefuStore *store,
                                   KefuStaff *staff)
{
  return g_object_new (KEFU_TYPE_AFTERSALES_SETTINGS_PAGE,
                       "store", store,
                       "staff", staff,
                       NULL);
}

gboolean
kefu_aftersales_check_tracking_template (const char  *text,
                                         char       **reason)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *scheme;

  if (reason != NULL)
    *reason = NULL;

  /* A carrier without a tracking page is allowed: its waybills are simply not links. */
  if (*stripped == '\0')
    return TRUE;

  scheme = g_uri_peek_scheme (stripped);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      if (reason != NULL)
        *reason = g_strdup (_("Write the address as it starts in a browser, with https:// or http://."));
      return FALSE;
    }

  if (strstr (stripped, "{waybill}") == NULL)
    {
      if (reason != NULL)
        /* Translators: keep {waybill} as it is. */
        *reason = g_strdup (_("Put {waybill} where the waybill number goes in the address."));
      return FALSE;
    }

  if (strpbrk (stripped, " \t\n") != NULL)
    {
      if (reason != NULL)
        *reason = g_strdup (_("An address has no spaces: remove them."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kefu_aftersales_check_receipt_days (const char  *text,
                                    guint       *days,
                                    char       **reason)
{
  g_autoptr(GError) error = NULL;
  guint value = 0;

  if (reason != NULL)
    *reason = NULL;

  if (!kefu_setting_validate (KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, text != NULL ? text : "", &error) ||
      !kefu_setting_parse_count (text, 0, G_MAXINT, &value, &error))
    {
      if (reason != NULL)
        *reason = g_strdup (error->message);
      return FALSE;
    }

  if (days != NULL)
    *days = value;
  return TRUE;
}

guint
kefu_aftersales_settings_page_get_n_carriers (KefuAftersalesSettingsPage *self)
{
  g_return_val_if_fail (KEFU_IS_AFTERSALES_SETTINGS_PAGE (self), 0);

  return self->carriers->len;
}
