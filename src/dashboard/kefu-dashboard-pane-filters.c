/* kefu-dashboard-pane-filters.c: the dashboard's period (the day, week or month toggles, a
 * range of days, steps back and forward) and whose figures (a team, a clerk). A manager may
 * choose any team and clerk; anyone else reads their own figures, the seed's 服务统计本 (each
 * clerk keeps count of the customers served and converted).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-department.h"
#include "core/kefu-roles.h"
#include "widgets/kefu-date-row.h"

#include "kefu-dashboard-pane-private.h"

static gboolean
is_manager (KefuDashboardPane *self)
{
  return self->staff != NULL && kefu_role_can_view_reports (kefu_staff_get_role (self->staff));
}

/* The period */

static const char *
kind_name (KefuPeriodKind kind)
{
  switch (kind)
    {
    case KEFU_PERIOD_DAY:
      return "day";
    case KEFU_PERIOD_WEEK:
      return "week";
    case KEFU_PERIOD_MONTH:
      return "month";
    case KEFU_PERIOD_CUSTOM:
    default:
      return "custom";
    }
}

void
_kefu_dashboard_pane_update_period (KefuDashboardPane *self)
{
  GDate today;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  KefuPeriod next;

  _kefu_dashboard_pane_today (&today);
  name = kefu_period_describe (&self->period, &today);
  gtk_label_set_label (self->period_label, name);
  subtitle = _kefu_dashboard_pane_describe (self);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->filling = TRUE;
  adw_toggle_group_set_active_name (self->period_toggles, kind_name (self->period.kind));
  self->filling = FALSE;

  next = self->period;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.next",
                                 kefu_period_step (&next, 1, &today));
}

static void
period_toggled_cb (KefuDashboardPane *self)
{
  const char *name;
  GDate today;
  GDate day;
  KefuPeriodKind kind;

  /* The template sets the toggle before the pane is made. */
  if (self->filling || self->period_toggles == NULL || self->team_ids == NULL)
    return;
  name = adw_toggle_group_get_active_name (self->period_toggles);
  if (name == NULL)
    return;
  if (g_str_equal (name, "custom"))
    {
      /* The range is typed in the popover; the toggle shows the kind shown until then. */
      gtk_menu_button_popup (self->range_button);
      _kefu_dashboard_pane_update_period (self);
      return;
    }
  kind = g_str_equal (name, "day") ? KEFU_PERIOD_DAY :
         g_str_equal (name, "week") ? KEFU_PERIOD_WEEK : KEFU_PERIOD_MONTH;
  _kefu_dashboard_pane_today (&today);
  /* Another kind of period around the days looked at: from the last day of a past month to
   * its week, say; a current period stays current. */
  day = kefu_period_is_current (&self->period, &today) ? today : self->period.last;
  kefu_period_init (&self->period, kind, &day, &today);
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (widget);
  GDate today;

  _kefu_dashboard_pane_today (&today);
  if (!kefu_period_step (&self->period, g_str_equal (action_name, "dashboard.next") ? 1 : -1,
                         &today))
    return;
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

static void
range_popover_show_cb (KefuDashboardPane *self)
{
  kefu_date_row_set_day (KEFU_DATE_ROW (self->first_row), &self->period.first);
  kefu_date_row_set_day (KEFU_DATE_ROW (self->last_row), &self->period.last);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), FALSE);
  gtk_widget_remove_css_class (self->first_row, "error");
  gtk_widget_remove_css_class (self->last_row, "error");
}

static void
apply_range_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong = NULL;
  KefuPeriod period;
  GDate first;
  GDate last;
  GDate today;

  gtk_widget_remove_css_class (self->first_row, "error");
  gtk_widget_remove_css_class (self->last_row, "error");
  _kefu_dashboard_pane_today (&today);
  if (!kefu_date_row_get_day (KEFU_DATE_ROW (self->first_row), &first, &error))
    wrong = self->first_row;
  else if (!kefu_date_row_get_day (KEFU_DATE_ROW (self->last_row), &last, &error))
    wrong = self->last_row;
  else if (!kefu_period_init_range (&period, &first, &last, &today, &error))
    wrong = g_date_compare (&first, &today) > 0 ? self->first_row : self->last_row;

  if (wrong != NULL)
    {
      gtk_widget_add_css_class (wrong, "error");
      gtk_label_set_label (self->range_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), TRUE);
      gtk_widget_grab_focus (wrong);
      return;
    }
  gtk_popover_popdown (self->range_popover);
  self->period = period;
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

/* Teams and clerks */

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

const char *
_kefu_dashboard_pane_team_name (KefuDashboardPane *self)
{
  GtkStringObject *item = NULL;

  if (self->clerk_id != 0)
    item = gtk_drop_down_get_selected_item (self->clerk_dropdown);
  else if (self->department_id != 0)
    item = gtk_drop_down_get_selected_item (self->team_dropdown);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
fill_clerks (KefuDashboardPane *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->clerk_ids, 0);
  gtk_string_list_append (names, _("All Clerks"));
  g_array_append_val (self->clerk_ids, none);
  for (guint i = 0; self->people != NULL && i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(KefuStaff) person = g_list_model_get_item (self->people, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (person));

      if (self->department_id != 0 && kefu_staff_get_department_id (person) != self->department_id)
        continue;
      /* The people who take calls and make callbacks: the figures are theirs. */
      if (!kefu_role_can_take_calls (kefu_staff_get_role (person)) &&
          !kefu_role_can_make_callbacks (kefu_staff_get_role (person)))
        continue;
      gtk_string_list_append (names, kefu_staff_get_name (person));
      g_array_append_val (self->clerk_ids, id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->clerk_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->clerk_dropdown, position_of (self->clerk_ids, self->clerk_id));
  self->filling = FALSE;
  /* A manager's choice holds only while its clerk is listed; anyone else reads their own. */
  if (is_manager (self))
    self->clerk_id = selected_id (self->clerk_dropdown, self->clerk_ids);
}

static void
fill_teams (KefuDashboardPane *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->team_ids, 0);
  gtk_string_list_append (names, _("All Teams"));
  g_array_append_val (self->team_ids, none);
  for (guint i = 0; self->departments != NULL && i < g_list_model_get_n_items (self->departments);
       i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (self->departments, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (department));

      gtk_string_list_append (names, kefu_department_get_name (department));
      g_array_append_val (self->team_ids, id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_dropdown,
                              position_of (self->team_ids, self->department_id));
  self->filling = FALSE;
  if (is_manager (self))
    self->department_id = selected_id (self->team_dropdown, self->team_ids);
  fill_clerks (self);
}

void
_kefu_dashboard_pane_apply_role (KefuDashboardPane *self)
{
  gboolean manager = is_manager (self);

  gtk_widget_set_visible (GTK_WIDGET (self->team_dropdown), manager);
  gtk_widget_set_visible (GTK_WIDGET (self->clerk_dropdown), manager);
  if (!manager)
    {
      self->department_id = 0;
      self->clerk_id = self->staff != NULL ? kefu_record_get_id (KEFU_RECORD (self->staff)) : 0;
    }
  else if (self->staff != NULL && self->clerk_id == kefu_record_get_id (KEFU_RECORD (self->staff)))
    self->clerk_id = 0;
  fill_teams (self);
  _kefu_dashboard_pane_update_period (self);
}

static void
team_changed_cb (KefuDashboardPane *self)
{
  if (self->filling)
    return;
  self->department_id = selected_id (self->team_dropdown, self->team_ids);
  self->clerk_id = 0;
  fill_clerks (self);
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

static void
clerk_changed_cb (KefuDashboardPane *self)
{
  if (self->filling)
    return;
  self->clerk_id = selected_id (self->clerk_dropdown, self->clerk_ids);
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

/* The departments and the active staff, read together on the worker: a list of the two models
 * (kefu_store_run_async () carries an object). */
static gpointer
read_people_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) people = NULL;
  GListStore *both;

  departments = kefu_store_list_departments (store, cancellable, error);
  if (departments == NULL)
    return NULL;
  people = kefu_store_list_staff (store, TRUE, cancellable, error);
  if (people == NULL)
    return NULL;
  both = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (both, departments);
  g_list_store_append (both, people);
  return both;
}

static void
read_people_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuDashboardPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) both = kefu_store_run_finish (KEFU_STORE (source), result, &error);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) people = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (both == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The teams and clerks could not be read: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  departments = g_list_model_get_item (both, 0);
  people = g_list_model_get_item (both, 1);
  g_set_object (&self->departments, departments);
  g_set_object (&self->people, people);
  fill_teams (self);
}

void
_kefu_dashboard_pane_read_people (KefuDashboardPane *self)
{
  g_cancellable_cancel (self->people_cancellable);
  g_clear_object (&self->people_cancellable);
  if (self->store == NULL)
    return;
  self->people_cancellable = g_cancellable_new ();
  kefu_store_run_async (self->store, read_people_func, NULL, NULL, self->people_cancellable,
                        read_people_cb, g_object_ref (self));
}

void
_kefu_dashboard_pane_init_filters (KefuDashboardPane *self)
{
  g_signal_connect_swapped (self->team_dropdown, "notify::selected",
                            G_CALLBACK (team_changed_cb), self);
  g_signal_connect_swapped (self->clerk_dropdown, "notify::selected",
                            G_CALLBACK (clerk_changed_cb), self);
  fill_teams (self);
  _kefu_dashboard_pane_update_period (self);
}

void
_kefu_dashboard_pane_filters_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.apply-range", NULL,
                                   apply_range_action);
  gtk_widget_class_bind_template_callback (widget_class, period_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_popover_show_cb);
}
