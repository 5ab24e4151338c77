/* kefu-complaint-settings-page-fields.c: the rules' fields of the Complaints page of Preferences:
 * the text fields (working hours, holidays, deadlines, batch thresholds), each checked as it is
 * typed with kefu_setting_validate (), and the working days, seven toggles written as ISO weekday
 * numbers ("1-6"); what they show, what may be edited, and what "Save" writes.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-settings-page"

#include "config.h"

#include "core/kefu-settings-keys.h"

#include "kefu-complaint-settings-page-private.h"

static const struct
{
  const char *key;
  gsize       row_offset;
  gsize       message_offset;
} fields[N_FIELDS] = {
#define FIELD(key, name) \
  { key, G_STRUCT_OFFSET (KefuComplaintSettingsPage, name##_row), \
    G_STRUCT_OFFSET (KefuComplaintSettingsPage, name##_message) }
  FIELD (KEFU_SETTING_WORK_HOURS, work_hours),
  FIELD (KEFU_SETTING_WORK_HOLIDAYS, holidays),
  FIELD (KEFU_SETTING_COMPLAINT_ACK_HOURS, ack_hours),
  FIELD (KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, harmed_ack_minutes),
  FIELD (KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, resolve_product_days),
  FIELD (KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, resolve_service_days),
  FIELD (KEFU_SETTING_CALLBACK_WINDOW_DAYS, callback_days),
  FIELD (KEFU_SETTING_BATCH_WINDOW_DAYS, batch_window_days),
  FIELD (KEFU_SETTING_BATCH_THRESHOLD, batch_threshold),
#undef FIELD
};

static AdwEntryRow *
field_row (KefuComplaintSettingsPage *self,
           guint                      field)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, fields[field].row_offset);
}

static GtkLabel *
field_message (KefuComplaintSettingsPage *self,
               guint                      field)
{
  return G_STRUCT_MEMBER (GtkLabel *, self, fields[field].message_offset);
}

static GtkToggleButton *
day_toggle (KefuComplaintSettingsPage *self,
            guint                      day)
{
  GtkToggleButton *toggles[] = {
    NULL, self->day1_toggle, self->day2_toggle, self->day3_toggle, self->day4_toggle,
    self->day5_toggle, self->day6_toggle, self->day7_toggle,
  };

  g_assert (day >= 1 && day <= 7);
  return toggles[day];
}

/* The toggled days as ISO weekday numbers: a run as "1-6", otherwise "1,3,5". */
static guint
toggled_days (KefuComplaintSettingsPage *self)
{
  guint days = 0;

  for (guint day = 1; day <= 7; day++)
    if (gtk_toggle_button_get_active (day_toggle (self, day)))
      days |= 1u << day;

  return days;
}

static char *
format_days (guint days)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint first = 0, last = 0;

  for (guint day = 1; day <= 7; day++)
    if (days & (1u << day))
      {
        if (first == 0)
          first = day;
        last = day;
      }

  if (first != 0 && days == (((1u << (last + 1)) - 1) & ~((1u << first) - 1)))
    {
      if (first == last)
        g_string_append_printf (text, "%u", first);
      else
        g_string_append_printf (text, "%u-%u", first, last);
    }
  else
    for (guint day = 1; day <= 7; day++)
      if (days & (1u << day))
        g_string_append_printf (text, text->len > 0 ? ",%u" : "%u", day);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_message (GtkWidget  *row,
              GtkLabel   *message,
              const char *reason)
{
  /* The label's row sits right under the field's row in the group's list. */
  GtkWidget *message_row = gtk_widget_get_parent (GTK_WIDGET (message));

  if (reason != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_add_css_class (row, "kefu-has-message");
      gtk_label_set_label (message, reason);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (row, "kefu-has-message");
    }
  gtk_widget_set_visible (message_row, reason != NULL);
}

/* Checks every field, shows the reasons, and says whether anything changed. */
gboolean
_kefu_complaint_settings_page_check_fields (KefuComplaintSettingsPage *self,
                                            gboolean                  *changed)
{
  gboolean valid = TRUE;
  g_autofree char *days_text = format_days (toggled_days (self));
  g_autoptr(GError) days_error = NULL;

  *changed = FALSE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field_row (self, i)));
      g_autoptr(GError) error = NULL;

      if (!kefu_setting_validate (fields[i].key, text, &error))
        valid = FALSE;
      show_message (GTK_WIDGET (field_row (self, i)), field_message (self, i),
                    error != NULL ? error->message : NULL);
      if (g_strcmp0 (text, self->loaded[i]) != 0)
        *changed = TRUE;
    }

  if (!kefu_setting_validate (KEFU_SETTING_WORK_DAYS, days_text, &days_error))
    valid = FALSE;
  show_message (GTK_WIDGET (self->work_days_row), self->work_days_message,
                days_error != NULL ? days_error->message : NULL);
  if (toggled_days (self) != self->loaded_days)
    *changed = TRUE;

  return valid;
}

const char *
_kefu_complaint_settings_page_field_key (guint field)
{
  g_assert (field < N_FIELDS);
  return fields[field].key;
}

void
_kefu_complaint_settings_page_fill_fields (KefuComplaintSettingsPage *self,
                                           char * const              *values,
                                           const char                *days_text)
{
  guint days = 0;

  self->filling = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->loaded[i]);
      self->loaded[i] = g_strdup (values[i]);
      gtk_editable_set_text (GTK_EDITABLE (field_row (self, i)), values[i]);
    }

  /* A value that does not parse (written by hand in the database) shows no day: the field then
   * says why, and saving writes a good one. */
  if (!kefu_setting_parse_weekdays (days_text, &days, NULL))
    days = 0;
  self->loaded_days = days;
  for (guint day = 1; day <= 7; day++)
    gtk_toggle_button_set_active (day_toggle (self, day), (days & (1u << day)) != 0);
  self->filling = FALSE;
}

void
_kefu_complaint_settings_page_set_fields_editable (KefuComplaintSettingsPage *self,
                                                   gboolean                   editable)
{
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (field_row (self, i)), editable);
  for (guint day = 1; day <= 7; day++)
    gtk_widget_set_sensitive (GTK_WIDGET (day_toggle (self, day)), editable);
}

void
_kefu_complaint_settings_page_init_fields (KefuComplaintSettingsPage *self)
{
  /* A screen reader reads the reason with the field. */
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field_row (self, i)),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field_message (self, i),
                                    NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->work_days_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->work_days_message,
                                  NULL, -1);
}

void
_kefu_complaint_settings_page_save (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (widget);
  SaveJob *job;
  gboolean changed;

  if (!_kefu_complaint_settings_page_can_edit (self) ||
      !_kefu_complaint_settings_page_check_fields (self, &changed) || !changed)
    return;

  job = _kefu_complaint_settings_save_job_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field_row (self, i)));

      if (g_strcmp0 (text, self->loaded[i]) != 0)
        {
          g_ptr_array_add (job->keys, g_strdup (fields[i].key));
          g_ptr_array_add (job->values, g_strdup (text));
        }
    }
  if (toggled_days (self) != self->loaded_days)
    {
      g_ptr_array_add (job->keys, g_strdup (KEFU_SETTING_WORK_DAYS));
      g_ptr_array_add (job->values, format_days (toggled_days (self)));
    }

  _kefu_complaint_settings_page_run_save (self, job);
}
