/* kefu-complaint-settings-page.c: the shared rules of the escalation board in Preferences.
 *
 * The page reads every rule, the departments and the routing rules in one job on the store's
 * worker, checks each field as it is typed with kefu_setting_validate () (the reason under the
 * field, never a modal), and writes only what changed. Working days are seven toggles whose
 * value is written as ISO weekday numbers ("1-6").
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-complaints.h"

#include "kefu-complaint-settings-page-private.h"

G_DEFINE_FINAL_TYPE (KefuComplaintSettingsPage, kefu_complaint_settings_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

gboolean
_kefu_complaint_settings_page_can_edit (KefuComplaintSettingsPage *self)
{
  return self->staff != NULL && kefu_role_can_edit_settings (kefu_staff_get_role (self->staff));
}

static void
set_flag (KefuComplaintSettingsPage *self,
          gboolean                   loading,
          gboolean                   saving)
{
  gboolean was_busy = self->loading || self->saving;

  self->loading = !!loading;
  self->saving = !!saving;
  if (was_busy != (self->loading || self->saving))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_toast (KefuComplaintSettingsPage *self,
            const char                *text)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), adw_toast_new (text));
  else
    g_message ("%s", text);
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
static gboolean
check_fields (KefuComplaintSettingsPage *self,
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

void
_kefu_complaint_settings_page_update (KefuComplaintSettingsPage *self)
{
  gboolean editable = _kefu_complaint_settings_page_can_edit (self) && self->loaded_once && !self->saving;
  gboolean changed = FALSE;
  gboolean valid;
  gboolean routing_valid = TRUE;

  if (self->filling)
    return;

  valid = check_fields (self, &changed);

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (field_row (self, i)), editable);
  for (guint day = 1; day <= 7; day++)
    gtk_widget_set_sensitive (GTK_WIDGET (day_toggle (self, day)), editable);
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
field_changed_cb (KefuComplaintSettingsPage *self)
{
  _kefu_complaint_settings_page_update (self);
}

/* Loading */

typedef struct
{
  char       *values[N_FIELDS];
  char       *days;
  GPtrArray  *rules;
  gboolean    customised[N_CATEGORIES];
} LoadJob;

static void
load_job_clear (LoadJob *job)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (job->values[i]);
  g_free (job->days);
  g_clear_pointer (&job->rules, g_ptr_array_unref);
}

static void
load_job_release (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

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
  LoadJob *job = data;
  g_autoptr(GListModel) departments = NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    if ((job->values[i] = read_setting (store, fields[i].key, cancellable, error)) == NULL)
      return NULL;
  if ((job->days = read_setting (store, KEFU_SETTING_WORK_DAYS, cancellable, error)) == NULL)
    return NULL;

  departments = kefu_store_list_departments (store, cancellable, error);
  if (departments == NULL)
    return NULL;

  job->rules = kefu_store_list_routing_rules (store, job->customised, cancellable, error);
  if (job->rules == NULL)
    return NULL;

  return g_steal_pointer (&departments);
}

/* A job and the page that asked for it; the page may be gone when it finishes. */
typedef struct
{
  GWeakRef  page;
  gpointer  job;
  void    (*job_release) (gpointer job);
} Request;

static Request *
request_new (KefuComplaintSettingsPage *self,
             gpointer                   job,
             void                     (*job_release) (gpointer job))
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->page, self);
  request->job = job;
  request->job_release = job_release;
  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->page);
  if (request->job_release != NULL)
    request->job_release (request->job);
  g_free (request);
}

static void
fill_fields (KefuComplaintSettingsPage *self,
             LoadJob                   *job)
{
  guint days = 0;

  self->filling = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->loaded[i]);
      self->loaded[i] = g_strdup (job->values[i]);
      gtk_editable_set_text (GTK_EDITABLE (field_row (self, i)), job->values[i]);
    }

  /* A value that does not parse (written by hand in the database) shows no day: the field then
   * says why, and saving writes a good one. */
  if (!kefu_setting_parse_weekdays (job->days, &days, NULL))
    days = 0;
  self->loaded_days = days;
  for (guint day = 1; day <= 7; day++)
    gtk_toggle_button_set_active (day_toggle (self, day), (days & (1u << day)) != 0);
  self->filling = FALSE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(KefuComplaintSettingsPage) self = g_weak_ref_get (&request->page);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;
  LoadJob *job = request->job;

  departments = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    {
      request_free (request);
      return;
    }

  if (departments == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not read the complaint rules: %s"), error->message);
      show_toast (self, text);
    }
  else
    {
      fill_fields (self, job);
      _kefu_complaint_settings_page_fill_routing (self, departments, job->rules, job->customised);
      self->loaded_once = TRUE;
    }

  request_free (request);
  set_flag (self, FALSE, self->saving);
  _kefu_complaint_settings_page_update (self);
}

static void
reload (KefuComplaintSettingsPage *self)
{
  LoadJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      set_flag (self, FALSE, FALSE);
      _kefu_complaint_settings_page_update (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = g_atomic_rc_box_new0 (LoadJob);
  set_flag (self, TRUE, self->saving);
  kefu_store_run_async (self->store, load_func, g_atomic_rc_box_acquire (job), load_job_release,
                        self->cancellable, load_cb,
                        request_new (self, job, load_job_release));
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
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(KefuComplaintSettingsPage) self = g_weak_ref_get (&request->page);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  request_free (request);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_flag (self, self->loading, FALSE);

  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not save the complaint rules: %s"), error->message);
      show_toast (self, text);
      _kefu_complaint_settings_page_update (self);
      return;
    }

  show_toast (self, _("Saved. Every workstation follows the new rules from its next check."));
  /* What the store holds now is what the page shows, normalised. */
  reload (self);
}

void
_kefu_complaint_settings_page_run_save (KefuComplaintSettingsPage *self,
          SaveJob                   *job)
{
  if (self->store == NULL || (job->keys->len == 0 && job->categories->len == 0))
    {
      save_job_free (job);
      return;
    }

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  set_flag (self, self->loading, TRUE);
  _kefu_complaint_settings_page_update (self);
  kefu_store_run_async (self->store, save_func, job, save_job_free, self->cancellable, save_cb,
                        request_new (self, NULL, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (widget);
  SaveJob *job;
  gboolean changed;

  if (!_kefu_complaint_settings_page_can_edit (self) || !check_fields (self, &changed) || !changed)
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

static void
kefu_complaint_settings_page_dispose (GObject *object)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  _kefu_complaint_settings_page_clear_routing (self, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_SETTINGS_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->staff);

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
kefu_complaint_settings_page_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->loading || self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_settings_page_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  KefuComplaintSettingsPage *self = KEFU_COMPLAINT_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          _kefu_complaint_settings_page_update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_settings_page_class_init (KefuComplaintSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_settings_page_dispose;
  object_class->finalize = kefu_complaint_settings_page_finalize;
  object_class->get_property = kefu_complaint_settings_page_get_property;
  object_class->set_property = kefu_complaint_settings_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  gtk_widget_class_install_action (widget_class, "complaint-settings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "complaint-settings.save-routing", NULL,
                                   _kefu_complaint_settings_page_save_routing);
  gtk_widget_class_install_action (widget_class, "complaint-settings.reset-routing", "i",
                                   _kefu_complaint_settings_page_reset_routing);
}

static void
kefu_complaint_settings_page_init (KefuComplaintSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A screen reader reads the reason with the field. */
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field_row (self, i)),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field_message (self, i),
                                    NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->work_days_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->work_days_message,
                                  NULL, -1);

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
