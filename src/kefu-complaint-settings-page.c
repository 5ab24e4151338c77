/* kefu-complaint-settings-page.c: the shared rules of the escalation board in Preferences.
 *
 * The page reads every rule, the departments and the routing rules in one job on the store's
 * worker, checks each field as it is typed with kefu_setting_validate () (the reason under the
 * field, never a modal), and writes only what changed. The fields and working days are in
 * kefu-complaint-settings-page-fields.c, the routing rules in kefu-complaint-settings-page-routing.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-settings-keys.h"
#include "store/kefu-store-complaints.h"

#include "kefu-complaint-settings-page-private.h"

G_DEFINE_FINAL_TYPE (KefuComplaintSettingsPage, kefu_complaint_settings_page,
                     KEFU_TYPE_SETTINGS_PAGE)

#define PAGE(self) KEFU_SETTINGS_PAGE (self)

gboolean
_kefu_complaint_settings_page_can_edit (KefuComplaintSettingsPage *self)
{
  return kefu_settings_page_can_edit (PAGE (self));
}

void
_kefu_complaint_settings_page_update (KefuComplaintSettingsPage *self)
{
  gboolean editable = _kefu_complaint_settings_page_can_edit (self) &&
                      kefu_settings_page_has_loaded (PAGE (self)) &&
                      !kefu_settings_page_is_saving (PAGE (self));
  gboolean changed = FALSE;
  gboolean valid;
  gboolean routing_valid = TRUE;

  if (self->filling)
    return;

  valid = _kefu_complaint_settings_page_check_fields (self, &changed);

  _kefu_complaint_settings_page_set_fields_editable (self, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->permission_group), !_kefu_complaint_settings_page_can_edit (self));

  for (guint category = 1; category < N_CATEGORIES; category++)
    {
      GPtrArray *rows = self->routing_rows[category];
      guint n_routed = 0;

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          RoutingRow *row = rows->pdata[i];
          gboolean routed = gtk_check_button_get_active (row->routed);

          n_routed += routed;
          gtk_widget_set_sensitive (GTK_WIDGET (row->routed), editable);
          gtk_widget_set_sensitive (GTK_WIDGET (row->harmed_only), editable && routed);
        }
      /* A category that routes nowhere would leave its complaints unseen. */
      if (rows != NULL && rows->len > 0 && n_routed == 0)
        routing_valid = FALSE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint-settings.save",
                                 editable && valid && changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint-settings.save-routing",
                                 editable && routing_valid && _kefu_complaint_settings_page_routing_changed (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint-settings.reset-routing",
                                 editable);
}

static void
update_page (KefuSettingsPage *page)
{
  _kefu_complaint_settings_page_update (KEFU_COMPLAINT_SETTINGS_PAGE (page));
}

static void
field_changed_cb (KefuComplaintSettingsPage *self)
{
  _kefu_complaint_settings_page_update (self);
}

/* Loading */

typedef struct
{
  char       *values[N_FIELDS];
  char       *days;
  GListModel *departments;
  GPtrArray  *rules;
  gboolean    customised[N_CATEGORIES];
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (job->values[i]);
  g_free (job->days);
  g_clear_object (&job->departments);
  g_clear_pointer (&job->rules, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_free)

static char *
read_setting (KefuStore     *store,
              const char    *key,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value = kefu_store_get_setting (store, key, cancellable, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return value != NULL ? value : g_strdup (kefu_setting_get_default (key));
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(LoadJob) job = g_new0 (LoadJob, 1);

  for (guint i = 0; i < N_FIELDS; i++)
    if ((job->values[i] = read_setting (store, _kefu_complaint_settings_page_field_key (i),
                                        cancellable, error)) == NULL)
      return NULL;
  if ((job->days = read_setting (store, KEFU_SETTING_WORK_DAYS, cancellable, error)) == NULL)
    return NULL;

  job->departments = kefu_store_list_departments (store, cancellable, error);
  if (job->departments == NULL)
    return NULL;

  job->rules = kefu_store_list_routing_rules (store, job->customised, cancellable, error);
  if (job->rules == NULL)
    return NULL;

  return g_steal_pointer (&job);
}

static void
load_done (KefuSettingsPage *page,
           gpointer          result,
           const GError     *error)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (page);
  g_autoptr(LoadJob) job = result;

  if (job == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not read the complaint rules: %s"), error->message);
      kefu_settings_page_toast (page, text);
      return;
    }
  _kefu_complaint_settings_page_fill_fields (self, job->values, job->days);
  _kefu_complaint_settings_page_fill_routing (self, job->departments, job->rules,
                                              job->customised);
}

static void
reload (KefuSettingsPage *page)
{
  kefu_settings_page_run_load (page, load_func, NULL, NULL, load_done);
}

/* Saving */

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_pointer (&job->keys, g_ptr_array_unref);
  g_clear_pointer (&job->values, g_ptr_array_unref);
  g_clear_pointer (&job->categories, g_array_unref);
  g_clear_pointer (&job->rules, g_ptr_array_unref);
  g_free (job);
}

SaveJob *
_kefu_complaint_settings_save_job_new (void)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->keys = g_ptr_array_new_with_free_func (g_free);
  job->values = g_ptr_array_new_with_free_func (g_free);
  job->categories = g_array_new (FALSE, FALSE, sizeof (KefuComplaintCategory));
  job->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return job;
}

static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = data;

  for (guint i = 0; i < job->keys->len; i++)
    if (!kefu_store_set_setting (store, job->keys->pdata[i], job->values->pdata[i], cancellable,
                                 error))
      return NULL;

  for (guint i = 0; i < job->categories->len; i++)
    if (!kefu_store_set_routing_rules (store, g_array_index (job->categories, KefuComplaintCategory, i),
                                       job->rules->pdata[i], cancellable, error))
      return NULL;

  return NULL;
}

static void
save_done (KefuSettingsPage *page,
           gpointer          result,
           const GError     *error)
{
  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not save the complaint rules: %s"), error->message);
      kefu_settings_page_toast (page, text);
      return;
    }

  kefu_settings_page_toast (page, _("Saved. Every workstation follows the new rules from its "
                                    "next check."));
  /* What the store holds now is what the page shows, normalised. */
  kefu_settings_page_reload (page);
}

void
_kefu_complaint_settings_page_run_save (KefuComplaintSettingsPage *self,
                                        SaveJob                   *job)
{
  if (kefu_settings_page_get_store (PAGE (self)) == NULL ||
      (job->keys->len == 0 && job->categories->len == 0))
    {
      save_job_free (job);
      return;
    }
  kefu_settings_page_run_save (PAGE (self), save_func, job, save_job_free, save_done);
}

static void
kefu_complaint_settings_page_dispose (GObject *object)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (object);

  _kefu_complaint_settings_page_clear_routing (self, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_SETTINGS_PAGE);

  G_OBJECT_CLASS (kefu_complaint_settings_page_parent_class)->dispose (object);
}

static void
kefu_complaint_settings_page_finalize (GObject *object)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->loaded[i]);
  for (guint category = 0; category < N_CATEGORIES; category++)
    g_free (self->loaded_routing[category]);

  G_OBJECT_CLASS (kefu_complaint_settings_page_parent_class)->finalize (object);
}

static void
kefu_complaint_settings_page_class_init (KefuComplaintSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KefuSettingsPageClass *page_class = KEFU_SETTINGS_PAGE_CLASS (klass);

  object_class->dispose = kefu_complaint_settings_page_dispose;
  object_class->finalize = kefu_complaint_settings_page_finalize;
  page_class->reload = reload;
  page_class->update = update_page;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-complaint-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, ack_hours_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, ack_hours_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, batch_threshold_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, batch_threshold_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, batch_window_days_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, batch_window_days_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, callback_days_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, callback_days_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day1_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day2_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day3_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day4_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day5_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day6_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, day7_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, harmed_ack_minutes_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, harmed_ack_minutes_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, holidays_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, holidays_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, permission_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, product_routing_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, resolve_product_days_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, resolve_product_days_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, resolve_service_days_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, resolve_service_days_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, service_routing_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, work_days_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, work_days_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, work_hours_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintSettingsPage, work_hours_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "complaint-settings.save", NULL,
                                   _kefu_complaint_settings_page_save);
  gtk_widget_class_install_action (widget_class, "complaint-settings.save-routing", NULL,
                                   _kefu_complaint_settings_page_save_routing);
  gtk_widget_class_install_action (widget_class, "complaint-settings.reset-routing", "i",
                                   _kefu_complaint_settings_page_reset_routing);
}

static void
kefu_complaint_settings_page_init (KefuComplaintSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _kefu_complaint_settings_page_init_fields (self);

  _kefu_complaint_settings_page_update (self);
}

KefuComplaintSettingsPage *
kefu_complaint_settings_page_new (KefuStore *store,
                                  KefuStaff *staff)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  return g_object_new (KEFU_TYPE_COMPLAINT_SETTINGS_PAGE,
                       "store", store,
                       "staff", staff,
                       NULL);
}
