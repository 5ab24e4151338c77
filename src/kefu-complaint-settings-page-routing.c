/* kefu-complaint-settings-page-routing.c: the routing rules on the Complaints page of
 * Preferences: per category, one row per department with whether complaints go there and
 * whether only when the customer was harmed; the role defaults shown until a site sets its own,
 * and Reset to Defaults.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-complaint-settings-page-private.h"

static void
routing_row_free (RoutingRow *row)
{
  g_free (row->department_name);
  g_free (row);
}


/* "3:0,5:1": the routed departments of a category and whether each is for harmed customers
 * only, in department order. */
static char *
routing_signature (KefuComplaintSettingsPage *self,
                   guint                      category)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *rows = self->routing_rows[category];

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RoutingRow *row = rows->pdata[i];

      if (!gtk_check_button_get_active (row->routed))
        continue;
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%d", text->len > 0 ? "," : "",
                              row->department_id,
                              gtk_check_button_get_active (row->harmed_only));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}


gboolean
_kefu_complaint_settings_page_routing_changed (KefuComplaintSettingsPage *self)
{
  for (guint category = 1; category < N_CATEGORIES; category++)
    {
      g_autofree char *now = routing_signature (self, category);

      if (self->loaded_routing[category] != NULL &&
          g_strcmp0 (now, self->loaded_routing[category]) != 0)
        return TRUE;
    }

  return FALSE;
}


static AdwPreferencesGroup *
routing_group (KefuComplaintSettingsPage *self,
               guint                      category)
{
  return category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY ? self->product_routing_group
                                                             : self->service_routing_group;
}


void
_kefu_complaint_settings_page_clear_routing (KefuComplaintSettingsPage *self,
                                             gboolean                   from_groups)
{
  for (guint category = 1; category < N_CATEGORIES; category++)
    {
      GPtrArray *rows = self->routing_rows[category];

      for (guint i = 0; from_groups && rows != NULL && i < rows->len; i++)
        {
          RoutingRow *row = rows->pdata[i];

          adw_preferences_group_remove (routing_group (self, category), GTK_WIDGET (row->row));
        }
      g_clear_pointer (&self->routing_rows[category], g_ptr_array_unref);
    }
}


static void
routing_toggled_cb (KefuComplaintSettingsPage *self)
{
  _kefu_complaint_settings_page_update (self);
}

void
_kefu_complaint_settings_page_fill_routing (KefuComplaintSettingsPage *self,
              GListModel                *departments,
              GPtrArray                 *rules,
              const gboolean            *customised)
{
  guint n = g_list_model_get_n_items (departments);

  _kefu_complaint_settings_page_clear_routing (self, TRUE);

  for (guint category = 1; category < N_CATEGORIES; category++)
    {
      AdwPreferencesGroup *group = routing_group (self, category);
      const char *description;

      self->routing_rows[category] = g_ptr_array_new_with_free_func ((GDestroyNotify) routing_row_free);
      self->customised[category] = customised[category];

      if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
        description = customised[category]
          ? _("The departments a new product-quality complaint is routed to, as set for this site.")
          : _("The departments a new product-quality complaint is routed to: the defaults by role (QC manager, CS manager, GM office).");
      else
        description = customised[category]
          ? _("The departments a new service-quality complaint is routed to, as set for this site.")
          : _("The departments a new service-quality complaint is routed to: the defaults by role (the CS centre).");
      adw_preferences_group_set_description (group, description);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KefuDepartment) department = g_list_model_get_item (departments, i);
          RoutingRow *row = g_new0 (RoutingRow, 1);
          gboolean routed = FALSE;
          gboolean harmed_only = FALSE;
          g_autofree char *harmed_label = NULL;

          row->department_id = kefu_record_get_id (KEFU_RECORD (department));
          row->department_name = g_strdup (kefu_department_get_name (department));

          for (guint j = 0; j < rules->len; j++)
            {
              KefuRoutingRule *rule = rules->pdata[j];

              if ((guint) rule->category == category && rule->department_id == row->department_id)
                {
                  routed = TRUE;
                  harmed_only = rule->harmed_only;
                }
            }

          row->row = ADW_ACTION_ROW (adw_action_row_new ());
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), row->department_name);

          row->routed = GTK_CHECK_BUTTON (gtk_check_button_new ());
          gtk_widget_set_valign (GTK_WIDGET (row->routed), GTK_ALIGN_CENTER);
          gtk_check_button_set_active (row->routed, routed);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->routed),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, row->department_name,
                                          -1);
          adw_action_row_add_prefix (row->row, GTK_WIDGET (row->routed));
          adw_action_row_set_activatable_widget (row->row, GTK_WIDGET (row->routed));

          row->harmed_only = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Only when harmed")));
          gtk_widget_set_valign (GTK_WIDGET (row->harmed_only), GTK_ALIGN_CENTER);
          gtk_check_button_set_active (row->harmed_only, harmed_only);
          /* Translators: the accessible name of a check box; %s is a department. */
          harmed_label = g_strdup_printf (_("%s: only when the customer was harmed"),
                                          row->department_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->harmed_only),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, harmed_label,
                                          -1);
          adw_action_row_add_suffix (row->row, GTK_WIDGET (row->harmed_only));

          g_signal_connect_object (row->routed, "toggled", G_CALLBACK (routing_toggled_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (row->harmed_only, "toggled", G_CALLBACK (routing_toggled_cb),
                                   self, G_CONNECT_SWAPPED);

          adw_preferences_group_add (group, GTK_WIDGET (row->row));
          g_ptr_array_add (self->routing_rows[category], row);
        }

      g_free (self->loaded_routing[category]);
      self->loaded_routing[category] = routing_signature (self, category);
    }
}



void
_kefu_complaint_settings_page_save_routing (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (widget);
  SaveJob *job;

  if (!_kefu_complaint_settings_page_can_edit (self))
    return;

  job = _kefu_complaint_settings_save_job_new ();
  for (guint category = 1; category < N_CATEGORIES; category++)
    {
      g_autofree char *now = routing_signature (self, category);
      GPtrArray *rows = self->routing_rows[category];
      GPtrArray *rules;

      if (rows == NULL || g_strcmp0 (now, self->loaded_routing[category]) == 0)
        continue;

      rules = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_routing_rule_free);
      for (guint i = 0; i < rows->len; i++)
        {
          RoutingRow *row = rows->pdata[i];
          KefuRoutingRule *rule;

          if (!gtk_check_button_get_active (row->routed))
            continue;
          rule = g_new0 (KefuRoutingRule, 1);
          rule->category = category;
          rule->department_id = row->department_id;
          rule->department_name = g_strdup (row->department_name);
          rule->harmed_only = gtk_check_button_get_active (row->harmed_only);
          g_ptr_array_add (rules, rule);
        }
      g_array_append_val (job->categories, category);
      g_ptr_array_add (job->rules, rules);
    }

  _kefu_complaint_settings_page_run_save (self, job);
}


void
_kefu_complaint_settings_page_reset_routing (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (widget);
  KefuComplaintCategory category = g_variant_get_int32 (param);
  SaveJob *job;

  if (!_kefu_complaint_settings_page_can_edit (self) || category <= KEFU_COMPLAINT_CATEGORY_UNSPECIFIED ||
      category >= N_CATEGORIES)
    return;

  /* No rules stored: the category routes by the role defaults again. */
  job = _kefu_complaint_settings_save_job_new ();
  g_array_append_val (job->categories, category);
  g_ptr_array_add (job->rules,
                   g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_routing_rule_free));
  _kefu_complaint_settings_page_run_save (self, job);
}

