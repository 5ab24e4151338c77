/* kefu-complaint-filter-bar.c: the filters over the complaint board and list.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-department.h"

#include "kefu-complaint-filter-bar.h"

struct _KefuComplaintFilterBar
{
  AdwBin          parent_instance;

  KefuStaff      *staff;
  GtkStringList  *category_names;
  GtkStringList  *department_names;
  GArray         *department_ids;    /* gint64, as department_names lists them (0: any) */
  GDate           from;              /* invalid (cleared): no bound */
  GDate           to;
  char           *date_error;
  gboolean        rebuilding;
  gboolean        showing_dates;     /* the calendars are being set to the range */

  AdwToggleGroup *scope_group;
  GtkDropDown    *category_dropdown;
  GtkButton      *clear_button;
  GtkLabel       *date_error_label;
  GtkMenuButton  *dates_button;
  GtkLabel       *dates_label;
  GtkPopover     *dates_popover;
  GtkDropDown    *department_dropdown;
  AdwToggle      *department_toggle;
  GtkCalendar    *from_calendar;
  GtkButton      *from_clear_button;
  GtkLabel       *popover_error_label;
  GtkCalendar    *to_calendar;
  GtkButton      *to_clear_button;
  GtkToggleButton *overdue_button;
  GtkToggleButton *urgent_button;
  GtkToggleButton *archived_button;
};

G_DEFINE_FINAL_TYPE (KefuComplaintFilterBar, kefu_complaint_filter_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STAFF,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The categories in the drop-down's order (the first: any). */
static const KefuComplaintCategory categories[] = {
  KEFU_COMPLAINT_CATEGORY_UNSPECIFIED,
  KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
  KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
};

/* Local midnight of `date` (plus `days`), as UTC. */
static GDateTime *
local_midnight (const GDate *date,
                int          days)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_get_year (date),
                                                      g_date_get_month (date),
                                                      g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (local, days);

  return g_date_time_to_utc (shifted);
}

/* A day of the range, short enough for the bar ("20 Nov"); the year only when it is not this
 * year's. */
static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 0, 0, 0);

  if (g_date_time_get_year (day) == g_date_time_get_year (now))
    /* Translators: a day of the received range on the filter bar, in this year; a
     * g_date_time_format () format ("20 Nov"; for Chinese "11月20日").
     * xgettext:no-c-format */
    return g_date_time_format (day, C_("received range day", "%-d %b"));
  /* Translators: a day of the received range on the filter bar, in another year; a
   * g_date_time_format () format ("20 Nov 2025"; for Chinese "2025年11月20日").
   * xgettext:no-c-format */
  return g_date_time_format (day, C_("received range day", "%-d %b %Y"));
}

/* The range as the bar shows it; NULL when it is open at both ends. */
static char *
format_range (KefuComplaintFilterBar *self)
{
  g_autofree char *from = g_date_valid (&self->from) ? format_day (&self->from) : NULL;
  g_autofree char *to = g_date_valid (&self->to) ? format_day (&self->to) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: the received range, first and last day ("20 Nov – 27 Nov"). */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (from != NULL)
    /* Translators: the received range open at its end ("From 20 Nov"). */
    return g_strdup_printf (_("From %s"), from);
  if (to != NULL)
    /* Translators: the received range open at its start ("Until 27 Nov"). */
    return g_strdup_printf (_("Until %s"), to);
  return NULL;
}

/* Shows the range on the button and in the calendars, and why it is not applied if it is
 * inverted. */
static void
update_date_buttons (KefuComplaintFilterBar *self)
{
  g_autofree char *range = format_range (self);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->dates_label, range != NULL ? range : "");
  gtk_widget_set_visible (GTK_WIDGET (self->dates_label), range != NULL);
  /* The button shows a calendar and the range alone; the accessible label says what the range
   * is of. */
  accessible = range != NULL
               /* Translators: the received range button's accessible label ("Received: 20 Nov – 27 Nov"). */
               ? g_strdup_printf (_("Received: %s"), range)
               : g_strdup (_("Received: any date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dates_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_clear_button), g_date_valid (&self->from));
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_clear_button), g_date_valid (&self->to));

  self->showing_dates = TRUE;
  if (g_date_valid (&self->from))
    {
      g_autoptr(GDateTime) day = local_midnight (&self->from, 0);

      gtk_calendar_select_day (self->from_calendar, day);
    }
  if (g_date_valid (&self->to))
    {
      g_autoptr(GDateTime) day = local_midnight (&self->to, 0);

      gtk_calendar_select_day (self->to_calendar, day);
    }
  self->showing_dates = FALSE;

  g_clear_pointer (&self->date_error, g_free);
  if (g_date_valid (&self->from) && g_date_valid (&self->to) &&
      g_date_compare (&self->from, &self->to) > 0)
    self->date_error = g_strdup (_("The start date is after the end date: choose an earlier start or a later end. The dates are not applied."));

  gtk_label_set_label (self->date_error_label, self->date_error != NULL ? self->date_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), self->date_error != NULL);
  gtk_label_set_label (self->popover_error_label, self->date_error != NULL ? self->date_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->popover_error_label), self->date_error != NULL);
  if (self->date_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->dates_button), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->dates_button),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->dates_button), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->dates_button), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
changed (KefuComplaintFilterBar *self)
{
  if (self->rebuilding)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), kefu_complaint_filter_bar_is_set (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
filter_changed_cb (KefuComplaintFilterBar *self)
{
  changed (self);
}

static void
calendar_date (GtkCalendar *calendar,
               GDate       *date)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

/* The popover stays open on a pick, so that both ends can be chosen (and the arrow keys move
 * through the days) before it is closed. */
static void
from_selected_cb (KefuComplaintFilterBar *self)
{
  if (self->showing_dates)
    return;
  calendar_date (self->from_calendar, &self->from);
  update_date_buttons (self);
  changed (self);
}

static void
to_selected_cb (KefuComplaintFilterBar *self)
{
  if (self->showing_dates)
    return;
  calendar_date (self->to_calendar, &self->to);
  update_date_buttons (self);
  changed (self);
}

/* GtkCalendar says nothing when the day clicked is the one it had selected, which is today
 * while a bound is open; a click on a day sets the bound then. */
static void
day_clicked (KefuComplaintFilterBar *self,
             GtkCalendar            *calendar,
             GDate                  *bound,
             double                  x,
             double                  y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (calendar), x, y, GTK_PICK_DEFAULT);
  GDate day;

  if (picked == NULL || !gtk_widget_has_css_class (picked, "day-number"))
    return;
  calendar_date (calendar, &day);
  if (g_date_valid (bound) && g_date_compare (bound, &day) == 0)
    return;

  *bound = day;
  update_date_buttons (self);
  changed (self);
}

static void
from_released_cb (KefuComplaintFilterBar *self,
                  int                     n_press,
                  double                  x,
                  double                  y)
{
  day_clicked (self, self->from_calendar, &self->from, x, y);
}

static void
to_released_cb (KefuComplaintFilterBar *self,
                int                     n_press,
                double                  x,
                double                  y)
{
  day_clicked (self, self->to_calendar, &self->to, x, y);
}

static void
from_clear_cb (KefuComplaintFilterBar *self)
{
  kefu_complaint_filter_bar_set_dates (self, NULL, g_date_valid (&self->to) ? &self->to : NULL);
}

static void
to_clear_cb (KefuComplaintFilterBar *self)
{
  kefu_complaint_filter_bar_set_dates (self, g_date_valid (&self->from) ? &self->from : NULL, NULL);
}

static void
dates_clear_cb (KefuComplaintFilterBar *self)
{
  gtk_popover_popdown (self->dates_popover);
  kefu_complaint_filter_bar_set_dates (self, NULL, NULL);
}

static void
clear_clicked_cb (KefuComplaintFilterBar *self)
{
  kefu_complaint_filter_bar_clear (self);
}

static void
update_scopes (KefuComplaintFilterBar *self)
{
  gboolean has_staff = self->staff != NULL;
  gboolean has_department = has_staff && kefu_staff_get_department_id (self->staff) != 0;
  AdwToggle *mine = adw_toggle_group_get_toggle_by_name (self->scope_group, "mine");
  const char *active = adw_toggle_group_get_active_name (self->scope_group);

  adw_toggle_set_enabled (mine, has_staff);
  adw_toggle_set_enabled (self->department_toggle, has_department);
  if ((!has_staff && g_strcmp0 (active, "mine") == 0) ||
      (!has_department && g_strcmp0 (active, "department") == 0))
    adw_toggle_group_set_active_name (self->scope_group, "all");
}

static void
kefu_complaint_filter_bar_dispose (GObject *object)
{
  KefuComplaintFilterBar *self = KEFU_COMPLAINT_FILTER_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_FILTER_BAR);
  g_clear_object (&self->staff);
  g_clear_object (&self->category_names);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (kefu_complaint_filter_bar_parent_class)->dispose (object);
}

static void
kefu_complaint_filter_bar_finalize (GObject *object)
{
  KefuComplaintFilterBar *self = KEFU_COMPLAINT_FILTER_BAR (object);

  g_free (self->date_error);

  G_OBJECT_CLASS (kefu_complaint_filter_bar_parent_class)->finalize (object);
}

static void
kefu_complaint_filter_bar_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  KefuComplaintFilterBar *self = KEFU_COMPLAINT_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_filter_bar_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  KefuComplaintFilterBar *self = KEFU_COMPLAINT_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_STAFF:
      kefu_complaint_filter_bar_set_staff (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_filter_bar_class_init (KefuComplaintFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_filter_bar_dispose;
  object_class->finalize = kefu_complaint_filter_bar_finalize;
  object_class->get_property = kefu_complaint_filter_bar_get_property;
  object_class->set_property = kefu_complaint_filter_bar_set_property;

  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, dates_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, dates_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, dates_popover);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, department_toggle);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, from_clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, archived_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, popover_error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, scope_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, to_clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintFilterBar, urgent_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_selected_cb);
}

static void
kefu_complaint_filter_bar_init (KefuComplaintFilterBar *self)
{
  gint64 any = 0;

  self->rebuilding = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);

  self->category_names = gtk_string_list_new (NULL);
  /* Translators: the category filter's entry that filters nothing. */
  gtk_string_list_append (self->category_names, _("All Categories"));
  for (guint i = 1; i < G_N_ELEMENTS (categories); i++)
    gtk_string_list_append (self->category_names,
                            kefu_complaint_category_get_display_name (categories[i]));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->category_names));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->department_ids, any);
  self->department_names = gtk_string_list_new (NULL);
  /* Translators: the department filter's entry that filters nothing. */
  gtk_string_list_append (self->department_names, _("All Departments"));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->department_names));

  update_date_buttons (self);
  update_scopes (self);
  self->rebuilding = FALSE;
}

GtkWidget *
kefu_complaint_filter_bar_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_FILTER_BAR, NULL);
}

void
kefu_complaint_filter_bar_set_staff (KefuComplaintFilterBar *self,
                                     KefuStaff              *staff)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  update_scopes (self);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

void
kefu_complaint_filter_bar_set_departments (KefuComplaintFilterBar *self,
                                           GListModel             *departments)
{
  gint64 selected_id;
  guint selected = 0;
  guint n;

  g_return_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self));
  g_return_if_fail (departments == NULL || G_IS_LIST_MODEL (departments));

  selected_id = g_array_index (self->department_ids, gint64,
                               MIN (gtk_drop_down_get_selected (self->department_dropdown),
                                    self->department_ids->len - 1));

  self->rebuilding = TRUE;
  g_array_set_size (self->department_ids, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->department_names));
  gtk_string_list_splice (self->department_names, 1, n - 1, NULL);
  for (guint i = 0; departments != NULL && i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (departments, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (department));

      g_array_append_val (self->department_ids, id);
      gtk_string_list_append (self->department_names, kefu_department_get_name (department));
      if (id == selected_id)
        selected = self->department_ids->len - 1;
    }
  gtk_drop_down_set_selected (self->department_dropdown, selected);
  self->rebuilding = FALSE;

  if (selected_id != 0 && selected == 0)
    changed (self);
}

void
kefu_complaint_filter_bar_apply (KefuComplaintFilterBar *self,
                                 KefuComplaintFilter    *filter)
{
  const char *scope;
  guint category;
  guint department;

  g_return_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  scope = adw_toggle_group_get_active_name (self->scope_group);
  filter->scope = KEFU_COMPLAINT_SCOPE_ALL;
  filter->staff_id = self->staff != NULL ? kefu_record_get_id (KEFU_RECORD (self->staff)) : 0;
  if (self->staff != NULL && g_strcmp0 (scope, "mine") == 0)
    filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  else if (self->staff != NULL && g_strcmp0 (scope, "department") == 0)
    filter->scope = KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT;

  category = gtk_drop_down_get_selected (self->category_dropdown);
  filter->category = category < G_N_ELEMENTS (categories) ? categories[category]
                                                          : KEFU_COMPLAINT_CATEGORY_UNSPECIFIED;
  department = gtk_drop_down_get_selected (self->department_dropdown);
  filter->department_id = department < self->department_ids->len
                          ? g_array_index (self->department_ids, gint64, department) : 0;
  filter->overdue_only = gtk_toggle_button_get_active (self->overdue_button);
  filter->urgent_only = gtk_toggle_button_get_active (self->urgent_button);
  filter->archived = gtk_toggle_button_get_active (self->archived_button);

  g_clear_pointer (&filter->received_from, g_date_time_unref);
  g_clear_pointer (&filter->received_to, g_date_time_unref);
  /* An inverted range is not applied: its message says so, and the board stays readable. */
  if (self->date_error == NULL)
    {
      if (g_date_valid (&self->from))
        filter->received_from = local_midnight (&self->from, 0);
      if (g_date_valid (&self->to))
        filter->received_to = local_midnight (&self->to, 1);
    }
}

gboolean
kefu_complaint_filter_bar_is_set (KefuComplaintFilterBar *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self), FALSE);

  return g_strcmp0 (adw_toggle_group_get_active_name (self->scope_group), "all") != 0 ||
         gtk_drop_down_get_selected (self->category_dropdown) != 0 ||
         gtk_drop_down_get_selected (self->department_dropdown) != 0 ||
         gtk_toggle_button_get_active (self->overdue_button) ||
         gtk_toggle_button_get_active (self->urgent_button) ||
         gtk_toggle_button_get_active (self->archived_button) ||
         g_date_valid (&self->from) || g_date_valid (&self->to);
}

void
kefu_complaint_filter_bar_clear (KefuComplaintFilterBar *self)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self));

  self->rebuilding = TRUE;
  adw_toggle_group_set_active_name (self->scope_group, "all");
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_button, FALSE);
  gtk_toggle_button_set_active (self->urgent_button, FALSE);
  gtk_toggle_button_set_active (self->archived_button, FALSE);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  update_date_buttons (self);
  self->rebuilding = FALSE;
  changed (self);
}

void
kefu_complaint_filter_bar_set_dates (KefuComplaintFilterBar *self,
                                     const GDate            *from,
                                     const GDate            *to)
{
  GDate new_from, new_to;

  g_return_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self));

  /* Copied first: the bar passes its own ends when it clears only one of them. */
  g_date_clear (&new_from, 1);
  g_date_clear (&new_to, 1);
  if (from != NULL && g_date_valid (from))
    new_from = *from;
  if (to != NULL && g_date_valid (to))
    new_to = *to;
  self->from = new_from;
  self->to = new_to;
  update_date_buttons (self);
  changed (self);
}

const char *
kefu_complaint_filter_bar_get_date_error (KefuComplaintFilterBar *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_FILTER_BAR (self), NULL);

  return self->date_error;
}
