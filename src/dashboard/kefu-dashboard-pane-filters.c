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

  kefu_period_today (&today);
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
  if (self->filling || self->period_toggles == NULL || self->team_choice == NULL)
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
  kefu_period_today (&today);
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

  kefu_period_today (&today);
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
  kefu_period_today (&today);
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

const char *
_kefu_dashboard_pane_team_name (KefuDashboardPane *self)
{
  if (self->team_choice == NULL)
    return NULL;
  if (self->clerk_id != 0)
    return kefu_team_choice_get_clerk_name (self->team_choice);
  if (self->department_id != 0)
    return kefu_team_choice_get_team_name (self->team_choice);
  return NULL;
}

/* A manager's choice holds only while its team and clerk are listed; anyone else reads their
 * own figures whatever the choosers (hidden) show. */
static void
take_choice (KefuDashboardPane *self)
{
  if (!is_manager (self))
    return;
  self->department_id = kefu_team_choice_get_team_id (self->team_choice);
  self->clerk_id = kefu_team_choice_get_clerk_id (self->team_choice);
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
  kefu_team_choice_select (self->team_choice, self->department_id, self->clerk_id);
  take_choice (self);
  _kefu_dashboard_pane_update_period (self);
}

static void
choice_changed_cb (KefuDashboardPane *self)
{
  self->department_id = kefu_team_choice_get_team_id (self->team_choice);
  self->clerk_id = kefu_team_choice_get_clerk_id (self->team_choice);
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

static void
read_people_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuDashboardPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kefu_team_choice_read_finish (KEFU_TEAM_CHOICE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The teams and clerks could not be read: %s"),
                                 error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  /* The choosers show the pane's team and clerk now that they are listed: a clerk's own name
   * names their figures. */
  kefu_team_choice_select (self->team_choice, self->department_id, self->clerk_id);
  take_choice (self);
}

/* The departments and the active staff who take calls or make callbacks. */
void
_kefu_dashboard_pane_read_people (KefuDashboardPane *self)
{
  g_cancellable_cancel (self->people_cancellable);
  g_clear_object (&self->people_cancellable);
  if (self->store == NULL)
    return;
  self->people_cancellable = g_cancellable_new ();
  kefu_team_choice_read_async (self->team_choice, self->store, self->people_cancellable,
                               read_people_cb, g_object_ref (self));
}

void
_kefu_dashboard_pane_init_filters (KefuDashboardPane *self)
{
  self->team_choice = kefu_team_choice_new (G_OBJECT (self->team_dropdown),
                                            G_OBJECT (self->clerk_dropdown),
                                            KEFU_TEAM_CHOICE_ACTIVE_ONLY |
                                            KEFU_TEAM_CHOICE_FRONT_LINE);
  g_signal_connect_object (self->team_choice, "changed", G_CALLBACK (choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
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
