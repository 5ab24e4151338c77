/* kefu-callback-settings-page.c: the callback rules and script in Preferences.
 *
 * The rows are made from a table of setting keys (their titles and descriptions are the
 * settings' own, kefu_setting_get_title ()), each checked as it is typed with
 * kefu_setting_validate () (the reason under it, never a modal). All values are read in one job
 * on the store's worker, and "Save" writes the ones that changed in another.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"

#include "kefu-callback-settings-page.h"
#include "kefu-settings-page.h"

typedef enum
{
  GROUP_TIMES,
  GROUP_RULES,
  GROUP_SCRIPT,
} Group;

/* The text fields, in the order shown; the survey period (a choice) is not one of them. */
static const struct
{
  const char *key;
  Group       group;
  gboolean    multiline;
} fields[] = {
  { KEFU_SETTING_CALLBACK_QUIET_HOURS, GROUP_TIMES, FALSE },
  { KEFU_SETTING_OFFICE_HOURS, GROUP_TIMES, FALSE },
  { KEFU_SETTING_CALLBACK_WINDOW_DAYS, GROUP_RULES, FALSE },
  { KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, GROUP_RULES, FALSE },
  { KEFU_SETTING_CALLBACK_RETRY_MINUTES, GROUP_RULES, FALSE },
  { KEFU_SETTING_SITE_COMPANY_NAME, GROUP_SCRIPT, FALSE },
  { KEFU_SETTING_SCRIPT_OPENING, GROUP_SCRIPT, TRUE },
  { KEFU_SETTING_SCRIPT_QUESTION, GROUP_SCRIPT, TRUE },
  { KEFU_SETTING_SCRIPT_SATISFIED, GROUP_SCRIPT, TRUE },
  { KEFU_SETTING_SCRIPT_UNSATISFIED, GROUP_SCRIPT, TRUE },
  { KEFU_SETTING_SCRIPT_CLOSING_SATISFIED, GROUP_SCRIPT, TRUE },
  { KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED, GROUP_SCRIPT, TRUE },
};

#define N_FIELDS G_N_ELEMENTS (fields)
/* The survey period's value comes after the fields' in a load. */
#define N_VALUES (N_FIELDS + 1)

/* One field: an entry row, or a text view for a script text, and the reason under it. */
typedef struct
{
  GtkWidget     *row;      /* AdwEntryRow, or the GtkListBoxRow holding the text view */
  GtkTextBuffer *buffer;   /* multi-line fields only */
  GtkWidget     *editor;   /* the AdwEntryRow or the GtkTextView */
  GtkLabel      *message;
} Field;

struct _KefuCallbackSettingsPage
{
  KefuSettingsPage     parent_instance;

  /* Set while the page fills the fields, so that filling is not taken for editing. */
  guint                filling : 1;

  Field                fields[N_FIELDS];
  char                *loaded[N_VALUES];

  AdwPreferencesGroup *permission_group;
  AdwPreferencesGroup *times_group;
  AdwPreferencesGroup *rules_group;
  AdwPreferencesGroup *script_group;
  AdwComboRow         *survey_row;
};

G_DEFINE_FINAL_TYPE (KefuCallbackSettingsPage, kefu_callback_settings_page,
                     KEFU_TYPE_SETTINGS_PAGE)

#define PAGE(self) KEFU_SETTINGS_PAGE (self)


/* The survey period's nick ("quarter") for the combo's position, which follows the enum. */
static const char *
survey_nick (KefuCallbackSettingsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->survey_row);

  return kefu_enum_to_nick (KEFU_TYPE_SURVEY_PERIOD, (int) selected);
}

static char *
field_text (KefuCallbackSettingsPage *self,
            guint                     i)
{
  Field *field = &self->fields[i];

  if (field->buffer != NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (field->buffer, &start, &end);
      return gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->editor)));
}

static void
set_field_text (KefuCallbackSettingsPage *self,
                guint                     i,
                const char               *text)
{
  Field *field = &self->fields[i];

  if (field->buffer != NULL)
    gtk_text_buffer_set_text (field->buffer, text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->editor), text != NULL ? text : "");
}

/* Checks every field, shows the reasons under them; FALSE when one is not valid. `changed`
 * says whether anything differs from what was read. */
static gboolean
check_fields (KefuCallbackSettingsPage *self,
              gboolean                 *changed)
{
  gboolean valid = TRUE;

  *changed = g_strcmp0 (survey_nick (self), self->loaded[N_FIELDS]) != 0;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      g_autofree char *text = field_text (self, i);
      g_autoptr(GError) error = NULL;

      if (!kefu_setting_validate (fields[i].key, text, &error))
        {
          valid = FALSE;
          gtk_widget_add_css_class (field->row, "error");
          gtk_label_set_label (field->message, error->message);
        }
      else
        gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (field->message)), error != NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error != NULL ? error->message : "", -1);
      if (g_strcmp0 (text, self->loaded[i]) != 0)
        *changed = TRUE;
    }
  return valid;
}

static void
update (KefuCallbackSettingsPage *self)
{
  gboolean editable = kefu_settings_page_can_edit (PAGE (self)) &&
                      kefu_settings_page_has_loaded (PAGE (self)) &&
                      !kefu_settings_page_is_saving (PAGE (self));
  gboolean changed = FALSE;
  gboolean valid;

  if (self->filling)
    return;

  valid = check_fields (self, &changed);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].buffer != NULL)
        gtk_text_view_set_editable (GTK_TEXT_VIEW (self->fields[i].editor), editable);
      else
        gtk_editable_set_editable (GTK_EDITABLE (self->fields[i].editor), editable);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->survey_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->permission_group), !kefu_settings_page_can_edit (PAGE (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback-settings.save",
                                 editable && valid && changed);
}

static void
update_page (KefuSettingsPage *page)
{
  update (KEFU_CALLBACK_SETTINGS_PAGE (page));
}

static void
field_changed_cb (KefuCallbackSettingsPage *self)
{
  update (self);
}

/* Loading */

typedef struct
{
  char *values[N_VALUES];
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  for (guint i = 0; i < N_VALUES; i++)
    g_free (job->values[i]);
  g_free (job);
}

static const char *
value_key (guint i)
{
  return i < N_FIELDS ? fields[i].key : KEFU_SETTING_CALLBACK_SURVEY_PERIOD;
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  for (guint i = 0; i < N_VALUES; i++)
    {
      g_autoptr(GError) local_error = NULL;
      char *value = kefu_store_get_setting (store, value_key (i), cancellable, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          load_job_free (job);
          return NULL;
        }
      job->values[i] = value != NULL ? value : g_strdup (kefu_setting_get_default (value_key (i)));
    }
  return job;
}

static void
fill (KefuCallbackSettingsPage *self,
      LoadJob                  *job)
{
  int period = KEFU_SURVEY_PERIOD_QUARTER;

  self->filling = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    set_field_text (self, i, job->values[i]);
  if (!kefu_enum_from_nick (KEFU_TYPE_SURVEY_PERIOD, job->values[N_FIELDS], &period))
    period = KEFU_SURVEY_PERIOD_QUARTER;
  adw_combo_row_set_selected (self->survey_row, (guint) period);
  for (guint i = 0; i < N_VALUES; i++)
    {
      g_free (self->loaded[i]);
      /* What the fields show is what later edits are compared with. */
      self->loaded[i] = i < N_FIELDS ? field_text (self, i)
                                     : g_strdup (survey_nick (self));
    }
  self->filling = FALSE;
}

static void
load_done (KefuSettingsPage *page,
           gpointer          result,
           const GError     *error)
{
  KefuCallbackSettingsPage *self = KEFU_CALLBACK_SETTINGS_PAGE (page);
  LoadJob *job = result;

  if (job == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not read the callback rules: %s"), error->message);
      kefu_settings_page_toast (page, text);
      return;
    }
  fill (self, job);
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
  GPtrArray *keys;
  GPtrArray *values;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_ptr_array_unref (job->keys);
  g_ptr_array_unref (job->values);
  g_free (job);
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
  return GINT_TO_POINTER (TRUE);
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
      text = g_strdup_printf (_("Could not save the callback rules: %s"), error->message);
      kefu_settings_page_toast (page, text);
      return;
    }
  kefu_settings_page_toast (page, _("Saved. Every workstation follows the new callback rules "
                                    "from its next check."));
  /* What the store holds now is what the page shows. */
  kefu_settings_page_reload (page);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuCallbackSettingsPage *self = KEFU_CALLBACK_SETTINGS_PAGE (widget);
  gboolean changed = FALSE;
  SaveJob *job;

  if (kefu_settings_page_get_store (PAGE (self)) == NULL ||
      !kefu_settings_page_can_edit (PAGE (self)) || !check_fields (self, &changed) || !changed)
    return;

  job = g_new0 (SaveJob, 1);
  job->keys = g_ptr_array_new_with_free_func (g_free);
  job->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_VALUES; i++)
    {
      char *value = i < N_FIELDS ? field_text (self, i) : g_strdup (survey_nick (self));

      if (g_strcmp0 (value, self->loaded[i]) == 0)
        {
          g_free (value);
          continue;
        }
      g_ptr_array_add (job->keys, g_strdup (value_key (i)));
      g_ptr_array_add (job->values, value);
    }

  kefu_settings_page_run_save (PAGE (self), save_func, job, save_job_free, save_done);
}

/* Building the rows */

/* The reason under a field: a row of its own right under the field's, shown when it is not
 * valid. */
static GtkLabel *
add_message_row (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (label);
}

/* A script text: its title and description over a text view that wraps. */
static void
build_text_field (KefuCallbackSettingsPage *self,
                  Field                    *field,
                  const char               *key,
                  AdwPreferencesGroup      *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (kefu_setting_get_title (key));
  GtkWidget *description = gtk_label_new (kefu_setting_get_description (key));
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  field->editor = gtk_text_view_new ();
  field->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field->editor), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (field->editor), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (field->editor), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (field->editor), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (field->editor), 6);
  gtk_widget_set_size_request (field->editor, -1, 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kefu_setting_get_title (key),
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), field->editor);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  field->row = g_object_new (ADW_TYPE_PREFERENCES_ROW, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->row), box);
  adw_preferences_group_add (group, field->row);
  g_signal_connect_swapped (field->buffer, "changed", G_CALLBACK (field_changed_cb), self);
}

static void
build_fields (KefuCallbackSettingsPage *self)
{
  AdwPreferencesGroup *groups[] = { self->times_group, self->rules_group, self->script_group };
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  for (int period = KEFU_SURVEY_PERIOD_MONTH; period <= KEFU_SURVEY_PERIOD_YEAR; period++)
    gtk_string_list_append (periods, kefu_survey_period_get_display_name (period));
  adw_combo_row_set_model (self->survey_row, G_LIST_MODEL (periods));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      AdwPreferencesGroup *group = groups[fields[i].group];

      if (fields[i].multiline)
        build_text_field (self, field, fields[i].key, group);
      else
        {
          field->row = adw_entry_row_new ();
          field->editor = field->row;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row),
                                         kefu_setting_get_title (fields[i].key));
          gtk_widget_set_tooltip_text (field->row, kefu_setting_get_description (fields[i].key));
          adw_preferences_group_add (group, field->row);
          g_signal_connect_swapped (field->row, "changed", G_CALLBACK (field_changed_cb), self);
        }
      field->message = add_message_row (group);
    }
}

static void
kefu_callback_settings_page_dispose (GObject *object)
{
  KefuCallbackSettingsPage *self = KEFU_CALLBACK_SETTINGS_PAGE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].buffer != NULL)
      g_signal_handlers_disconnect_by_data (self->fields[i].buffer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_SETTINGS_PAGE);

  G_OBJECT_CLASS (kefu_callback_settings_page_parent_class)->dispose (object);
}

static void
kefu_callback_settings_page_finalize (GObject *object)
{
  KefuCallbackSettingsPage *self = KEFU_CALLBACK_SETTINGS_PAGE (object);

  for (guint i = 0; i < N_VALUES; i++)
    g_free (self->loaded[i]);

  G_OBJECT_CLASS (kefu_callback_settings_page_parent_class)->finalize (object);
}

static void
kefu_callback_settings_page_class_init (KefuCallbackSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KefuSettingsPageClass *page_class = KEFU_SETTINGS_PAGE_CLASS (klass);

  object_class->dispose = kefu_callback_settings_page_dispose;
  object_class->finalize = kefu_callback_settings_page_finalize;
  page_class->reload = reload;
  page_class->update = update_page;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-callback-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackSettingsPage, permission_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackSettingsPage, times_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackSettingsPage, rules_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackSettingsPage, script_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackSettingsPage, survey_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_install_action (widget_class, "callback-settings.save", NULL, save_action);
}

static void
kefu_callback_settings_page_init (KefuCallbackSettingsPage *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_fields (self);
  self->filling = FALSE;
  update (self);
}

KefuCallbackSettingsPage *
kefu_callback_settings_page_new (KefuStore *store,
                                 KefuStaff *staff)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  return g_object_new (KEFU_TYPE_CALLBACK_SETTINGS_PAGE,
                       "store", store,
                       "staff", staff,
                       NULL);
}
