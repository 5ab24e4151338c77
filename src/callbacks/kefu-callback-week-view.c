/* kefu-callback-week-view.c: seven days by half hours with their callbacks.
 *
 * The callbacks are grouped in one pass into 7 × rows cells (a count, the overdue and done
 * among them, the two earliest); each cell is a few widgets made once when the rows change
 * (the rules' office hours) and relabelled for another week, so a team's week of thousands of
 * callbacks costs one pass and a few hundred labels.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-callback.h"
#include "core/kefu-settings-keys.h"

#include "kefu-callback-week-view.h"

#define SLOT_MINUTES 30
#define N_SHOWN 2

/* A callback button: an icon and a label, the state in the icon, the tooltip and the
 * accessible label (never colour alone). */
typedef struct
{
  GtkWidget *button;
  GtkWidget *icon;
  GtkWidget *label;
  gint64     id;       /* the callback shown (0: none), its target */
} Entry;

typedef struct
{
  GtkWidget *box;
  Entry      entries[N_SHOWN];
  GtkWidget *more;
} Cell;

/* What the one pass over the callbacks leaves in a cell. */
typedef struct
{
  guint         n;
  guint         n_overdue;
  guint         n_done;
  KefuCallback *shown[N_SHOWN];  /* the earliest, unowned (the array holds them) */
} Group;

struct _KefuCallbackWeekView
{
  GtkWidget          parent_instance;

  GtkLabel          *title;
  GtkGrid           *grid;

  KefuCallbackRules *rules;
  GPtrArray         *callbacks;  /* KefuCallback; NULL: none */
  GDateTime         *now;

  GDate              first;      /* the Monday shown */
  GDate              selected;
  GDate              today;

  guint              first_minute;  /* of the first row */
  guint              n_rows;
  GtkWidget         *days[7];       /* the day headers (buttons) */
  GtkWidget        **times;         /* n_rows time labels */
  Cell              *cells;         /* 7 × n_rows, day-major */
  Group             *groups;        /* the same */
};

G_DEFINE_FINAL_TYPE (KefuCallbackWeekView, kefu_callback_week_view, GTK_TYPE_WIDGET)

enum {
  DAY_SELECTED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void set_today_from (KefuCallbackWeekView *self,
                            GDateTime            *now);

static GTimeZone *
rules_zone (KefuCallbackWeekView *self)
{
  return kefu_callback_rules_get_timezone (self->rules);
}

/* The rows: from the earliest start of the office hours to their latest end (a range crossing
 * midnight runs to midnight), whole half hours. */
static void
office_rows (KefuCallbackWeekView *self,
             guint                *first_minute,
             guint                *n_rows)
{
  GArray *hours = kefu_callback_rules_get_office_hours (self->rules);
  guint start = KEFU_MINUTES_PER_DAY, end = 0;

  for (guint i = 0; hours != NULL && i < hours->len; i++)
    {
      const KefuTimeRange *range = &g_array_index (hours, KefuTimeRange, i);
      guint range_end = range->end <= range->start ? KEFU_MINUTES_PER_DAY : range->end;

      start = MIN (start, range->start);
      end = MAX (end, range_end);
    }
  if (start >= end)
    {
      start = 0;
      end = KEFU_MINUTES_PER_DAY;
    }
  start -= start % SLOT_MINUTES;
  end = MIN ((end + SLOT_MINUTES - 1) / SLOT_MINUTES * SLOT_MINUTES, KEFU_MINUTES_PER_DAY);
  *first_minute = start;
  *n_rows = (end - start) / SLOT_MINUTES;
}

/* A half hour even partly in the site's quiet hours is shaded: no callback is offered there. */
static gboolean
slot_is_quiet (KefuCallbackWeekView *self,
               guint                 minute)
{
  GArray *quiet = kefu_callback_rules_get_quiet_hours (self->rules);

  for (guint m = minute; m < minute + SLOT_MINUTES; m++)
    if (kefu_quiet_hours_contains (quiet, m))
      return TRUE;
  return FALSE;
}

static gboolean
day_is_working (KefuCallbackWeekView *self,
                const GDate          *day)
{
  KefuWorkCalendar *calendar = kefu_callback_rules_get_calendar (self->rules);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  if (calendar == NULL)
    return TRUE;
  midnight = g_date_time_new (rules_zone (self), g_date_get_year (day), g_date_get_month (day),
                              g_date_get_day (day), 0, 0, 0);
  next = kefu_work_calendar_next_working_time (calendar, midnight);
  return next != NULL && g_date_time_get_year (next) == g_date_get_year (day)
         && g_date_time_get_month (next) == (int) g_date_get_month (day)
         && g_date_time_get_day_of_month (next) == g_date_get_day (day);
}

static gboolean
callback_is_overdue (KefuCallbackWeekView *self,
                     KefuCallback         *callback)
{
  return callback->state == KEFU_CALLBACK_STATE_DUE && callback->due_at != NULL
         && self->now != NULL && g_date_time_compare (callback->due_at, self->now) < 0;
}

/* The time a callback is placed at: when it was done, else when it is due. */
static GDateTime *
callback_time (KefuCallback *callback)
{
  if (callback->state == KEFU_CALLBACK_STATE_DONE && callback->done_at != NULL)
    return callback->done_at;
  return callback->due_at;
}

static void
group_callbacks (KefuCallbackWeekView *self)
{
  guint n_cells = 7 * self->n_rows;

  memset (self->groups, 0, n_cells * sizeof (Group));
  if (self->callbacks == NULL)
    return;

  for (guint i = 0; i < self->callbacks->len; i++)
    {
      KefuCallback *callback = self->callbacks->pdata[i];
      GDateTime *at = callback_time (callback);
      g_autoptr(GDateTime) local = NULL;
      GDate day;
      gint day_index;
      gint row;
      Group *group;

      if (at == NULL || callback->state == KEFU_CALLBACK_STATE_CANCELLED)
        continue;
      local = g_date_time_to_timezone (at, rules_zone (self));
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      day_index = g_date_days_between (&self->first, &day);
      if (day_index < 0 || day_index > 6)
        continue;
      /* A callback outside the rows shown goes to the nearest row rather than out of sight. */
      row = ((gint) (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local))
             - (gint) self->first_minute) / SLOT_MINUTES;
      if (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local)
          < (gint) self->first_minute)
        row = 0;
      row = CLAMP (row, 0, (gint) self->n_rows - 1);
      group = &self->groups[day_index * self->n_rows + row];
      group->n++;
      if (callback->state == KEFU_CALLBACK_STATE_DONE)
        group->n_done++;
      else if (callback_is_overdue (self, callback))
        group->n_overdue++;

      /* Keeps the two earliest, in order. */
      for (guint s = 0; s < N_SHOWN; s++)
        {
          KefuCallback *other = group->shown[s];

          if (other == NULL)
            {
              group->shown[s] = callback;
              break;
            }
          if (g_date_time_compare (at, callback_time (other)) < 0)
            {
              for (guint t = N_SHOWN - 1; t > s; t--)
                group->shown[t] = group->shown[t - 1];
              group->shown[s] = callback;
              break;
            }
        }
    }
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
refresh_entry (KefuCallbackWeekView *self,
               Entry                *entry,
               KefuCallback         *callback)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *read_out = NULL;
  const char *state_text;
  const char *icon;
  gboolean overdue, done;

  gtk_widget_set_visible (entry->button, callback != NULL);
  if (callback == NULL)
    return;

  done = callback->state == KEFU_CALLBACK_STATE_DONE;
  overdue = !done && callback_is_overdue (self, callback);
  local = g_date_time_to_timezone (callback_time (callback), rules_zone (self));
  time_text = g_date_time_format (local, "%H:%M");
  /* Translators: a callback in the week view: its time and the customer, "10:30 王芳". */
  text = g_strdup_printf (C_("week view callback", "%s %s"), time_text,
                          callback->customer_name != NULL ? callback->customer_name : "");
  if (done)
    {
      /* Translators: a callback's state in the week view, read out and in its tooltip. */
      state_text = C_("week view callback", "done");
      icon = "object-select-symbolic";
    }
  else if (overdue)
    {
      /* Translators: a callback's state in the week view, read out and in its tooltip. */
      state_text = C_("week view callback", "overdue");
      icon = "dialog-warning-symbolic";
    }
  else
    {
      /* Translators: a callback's state in the week view, read out and in its tooltip. */
      state_text = C_("week view callback", "due");
      icon = "alarm-symbolic";
    }
  /* Translators: a callback read out in the week view: "10:30 王芳, overdue". */
  read_out = g_strdup_printf (C_("week view callback", "%s, %s"), text, state_text);

  /* Relabelling only what changed keeps a week of thousands cheap: widgets re-measure and
   * restyle on every change, even to the same text. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (entry->button), read_out) != 0)
    {
      gtk_label_set_label (GTK_LABEL (entry->label), text);
      gtk_image_set_from_icon_name (GTK_IMAGE (entry->icon), icon);
      gtk_widget_set_tooltip_text (entry->button, read_out);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, read_out, -1);
      set_class (entry->button, "success", done);
      set_class (entry->button, "error", overdue);
      set_class (entry->button, "accent", !done && !overdue);
    }
  if (entry->id != callback->id)
    {
      entry->id = callback->id;
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (entry->button),
                                              g_variant_new_int64 (callback->id));
    }
}

static void
refresh_cell (KefuCallbackWeekView *self,
              guint                 day_index,
              guint                 row,
              gboolean              working,
              const char           *day_name)
{
  guint i = day_index * self->n_rows + row;
  Cell *cell = &self->cells[i];
  const Group *group = &self->groups[i];
  guint minute = self->first_minute + row * SLOT_MINUTES;
  gboolean quiet = slot_is_quiet (self, minute);
  g_autofree char *time_text = kefu_setting_format_time_of_day (minute);
  g_autofree char *counts = NULL;
  g_autofree char *read_out = NULL;
  g_autofree char *more = NULL;

  for (guint s = 0; s < N_SHOWN; s++)
    refresh_entry (self, &cell->entries[s], group->shown[s]);
  if (group->n > N_SHOWN)
    {
      /* Translators: the callbacks of a half hour beyond the two shown in the week view. */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                           group->n - N_SHOWN),
                              group->n - N_SHOWN);
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (cell->more)), more) != 0)
        gtk_button_set_label (GTK_BUTTON (cell->more), more);
    }
  gtk_widget_set_visible (cell->more, group->n > N_SHOWN);

  if (group->n == 0)
    /* Translators: a half hour without callbacks, read out in the week view. */
    counts = g_strdup (C_("week view cell", "no callbacks"));
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: the callbacks of a half hour, read out: "2 callbacks". */
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u callback", "%u callbacks",
                                          group->n),
                       group->n);
      if (group->n_overdue > 0)
        /* Translators: follows "2 callbacks" in a half hour read out: ", 1 overdue". */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u overdue",
                                                   ", %u overdue", group->n_overdue),
                                group->n_overdue);
      if (group->n_done > 0)
        /* Translators: follows "2 callbacks" in a half hour read out: ", 1 done". */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u done", ", %u done",
                                                   group->n_done),
                                group->n_done);
      counts = g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (quiet)
    /* Translators: a half hour read out in the week view when it is in the quiet hours:
     * "Tuesday 12:30 (customers' rest time): no callbacks". */
    read_out = g_strdup_printf (C_("week view cell", "%s %s (customers' rest time): %s"),
                                day_name, time_text, counts);
  else
    /* Translators: a half hour read out in the week view: "Tuesday 10:30: 2 callbacks, 1
     * overdue". */
    read_out = g_strdup_printf (C_("week view cell", "%s %s: %s"), day_name, time_text, counts);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (cell->box), read_out) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, read_out, -1);
      gtk_widget_set_tooltip_text (cell->box, read_out);
    }
  set_class (cell->box, "kefu-week-quiet", quiet);
  set_class (cell->box, "kefu-week-off", !working);
}

static void
refresh_cells (KefuCallbackWeekView *self)
{
  GDate day = self->first;

  for (guint d = 0; d < 7; d++, g_date_add_days (&day, 1))
    {
      gboolean working = day_is_working (self, &day);
      char name[64];

      /* Translators: a weekday's full name before a half hour read out (strftime). */
      /* xgettext:no-c-format */
      g_date_strftime (name, sizeof name, C_("week view cell", "%A"), &day);
      for (guint row = 0; row < self->n_rows; row++)
        refresh_cell (self, d, row, working, name);
    }
}

static void
refresh_days (KefuCallbackWeekView *self)
{
  GDate day = self->first;
  GDate last = self->first;
  char first_text[64];
  char last_text[64];
  g_autofree char *title = NULL;

  g_date_add_days (&last, 6);
  /* Translators: the week view's first day in its title, "Nov 23" (strftime format). */
  /* xgettext:no-c-format */
  g_date_strftime (first_text, sizeof first_text, C_("week view title", "%b %-d"), &self->first);
  /* Translators: the week view's last day in its title, "Nov 29, 2026" (strftime format). */
  /* xgettext:no-c-format */
  g_date_strftime (last_text, sizeof last_text, C_("week view title", "%b %-d, %Y"), &last);
  /* Translators: the week view's title: its first and last days, "Nov 23 – Nov 29, 2026". */
  title = g_strdup_printf (C_("week view title", "%s – %s"), first_text, last_text);
  gtk_label_set_label (self->title, title);

  for (guint d = 0; d < 7; d++, g_date_add_days (&day, 1))
    {
      GtkWidget *button = self->days[d];
      gboolean is_today = g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0;
      gboolean is_selected = g_date_valid (&self->selected)
                             && g_date_compare (&day, &self->selected) == 0;
      char text[64];
      char long_text[96];
      g_autofree char *read_out = NULL;

      /* Translators: a day's header in the week view, "Tue 24" (strftime format). */
      /* xgettext:no-c-format */
      g_date_strftime (text, sizeof text, C_("week view day", "%a %-d"), &day);
      gtk_button_set_label (GTK_BUTTON (button), text);
      /* Translators: a day's header read out in the week view (strftime format). */
      /* xgettext:no-c-format */
      g_date_strftime (long_text, sizeof long_text, C_("week view day", "%A, %B %-d"), &day);
      if (is_today)
        /* Translators: a day's header read out when it is today: "Tuesday, November 24 (today)". */
        read_out = g_strdup_printf (C_("week view day", "%s (today)"), long_text);
      else
        read_out = g_strdup (long_text);
      gtk_widget_set_tooltip_text (button, read_out);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, read_out, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                   GTK_ACCESSIBLE_STATE_SELECTED, is_selected, -1);
      set_class (button, "kefu-week-today", is_today);
      set_class (button, "kefu-week-selected", is_selected);
      set_class (button, "kefu-week-off", !day_is_working (self, &day));
    }
}

static void
refresh (KefuCallbackWeekView *self)
{
  group_callbacks (self);
  refresh_days (self);
  refresh_cells (self);
}

static void
more_clicked_cb (GtkButton            *button,
                 KefuCallbackWeekView *self)
{
  guint d = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kefu-day"));
  GDate day = self->first;

  g_date_add_days (&day, d);
  kefu_callback_week_view_select_day (self, &day);
}

static void
free_cells (KefuCallbackWeekView *self)
{
  for (guint i = 0; self->cells != NULL && i < 7 * self->n_rows; i++)
    gtk_grid_remove (self->grid, self->cells[i].box);
  for (guint row = 0; self->times != NULL && row < self->n_rows; row++)
    gtk_grid_remove (self->grid, self->times[row]);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->groups, g_free);
  g_clear_pointer (&self->times, g_free);
  self->n_rows = 0;
}

/* Makes the cells for the rules' rows; they are relabelled, not remade, for another week. */
static void
build_cells (KefuCallbackWeekView *self)
{
  guint first_minute, n_rows;

  office_rows (self, &first_minute, &n_rows);
  if (self->cells != NULL && first_minute == self->first_minute && n_rows == self->n_rows)
    return;
  free_cells (self);
  self->first_minute = first_minute;
  self->n_rows = n_rows;
  self->cells = g_new0 (Cell, 7 * n_rows);
  self->groups = g_new0 (Group, 7 * n_rows);
  self->times = g_new0 (GtkWidget *, n_rows);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *text = kefu_setting_format_time_of_day (first_minute + row * SLOT_MINUTES);

      self->times[row] = gtk_label_new (text);
      gtk_widget_set_valign (self->times[row], GTK_ALIGN_START);
      gtk_widget_add_css_class (self->times[row], "kefu-week-time");
      gtk_widget_add_css_class (self->times[row], "dim-label");
      gtk_widget_add_css_class (self->times[row], "numeric");
      gtk_grid_attach (self->grid, self->times[row], 0, 1 + row, 1, 1);
    }

  for (guint d = 0; d < 7; d++)
    for (guint row = 0; row < n_rows; row++)
      {
        Cell *cell = &self->cells[d * n_rows + row];

        cell->box = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 1,
                                  "hexpand", TRUE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);
        gtk_widget_add_css_class (cell->box, "kefu-week-cell");
        /* The same natural width for every cell (labels are capped) keeps the days alike: the
         * grid gives its extra width equally once the natural widths are met. The minimum is
         * small enough for the week and the agenda beside it to fit a window of 1,280 px with
         * the sidebar (the labels ellipsize; their tooltips say it all). */
        gtk_widget_set_size_request (cell->box, 76, -1);
        for (guint s = 0; s < N_SHOWN; s++)
          {
            Entry *entry = &cell->entries[s];
            GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);

            entry->icon = gtk_image_new ();
            entry->label = gtk_label_new (NULL);
            gtk_label_set_ellipsize (GTK_LABEL (entry->label), PANGO_ELLIPSIZE_END);
            gtk_label_set_xalign (GTK_LABEL (entry->label), 0);
            /* A bounded natural width keeps the seven columns alike. */
            gtk_label_set_max_width_chars (GTK_LABEL (entry->label), 8);
            gtk_widget_set_hexpand (entry->label, TRUE);
            gtk_box_append (GTK_BOX (box), entry->icon);
            gtk_box_append (GTK_BOX (box), entry->label);
            entry->button = gtk_button_new ();
            gtk_button_set_child (GTK_BUTTON (entry->button), box);
            gtk_widget_add_css_class (entry->button, "flat");
            gtk_widget_add_css_class (entry->button, "kefu-week-callback");
            /* The target first: the action takes an id (x). */
            gtk_actionable_set_action_target_value (GTK_ACTIONABLE (entry->button),
                                                    g_variant_new_int64 (0));
            gtk_actionable_set_action_name (GTK_ACTIONABLE (entry->button), "callbacks.open");
            gtk_widget_set_visible (entry->button, FALSE);
            gtk_box_append (GTK_BOX (cell->box), entry->button);
          }
        cell->more = gtk_button_new ();
        gtk_widget_add_css_class (cell->more, "flat");
        gtk_widget_add_css_class (cell->more, "kefu-week-more");
        gtk_widget_set_halign (cell->more, GTK_ALIGN_START);
        gtk_widget_set_visible (cell->more, FALSE);
        g_object_set_data (G_OBJECT (cell->more), "kefu-day", GUINT_TO_POINTER (d));
        g_signal_connect (cell->more, "clicked", G_CALLBACK (more_clicked_cb), self);
        gtk_box_append (GTK_BOX (cell->box), cell->more);
        gtk_grid_attach (self->grid, cell->box, 1 + d, 1 + row, 1, 1);
      }
}

/* Shows the week holding `day`; TRUE when that is another week than shown. */
static gboolean
show_week_of (KefuCallbackWeekView *self,
              const GDate          *day)
{
  GDate monday = *day;

  /* Weeks start on Monday (G_DATE_MONDAY is 1). */
  g_date_subtract_days (&monday, g_date_get_weekday (day) - G_DATE_MONDAY);
  if (g_date_valid (&self->first) && g_date_compare (&monday, &self->first) == 0)
    return FALSE;
  self->first = monday;
  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  return TRUE;
}

void
kefu_callback_week_view_set_rules (KefuCallbackWeekView *self,
                                   KefuCallbackRules    *rules)
{
  g_return_if_fail (KEFU_IS_CALLBACK_WEEK_VIEW (self));
  g_return_if_fail (rules != NULL);

  if (self->rules == rules)
    return;
  g_clear_pointer (&self->rules, kefu_callback_rules_unref);
  self->rules = kefu_callback_rules_ref (rules);
  /* Today is a day of the site's zone, which the rules carry. */
  set_today_from (self, self->now);
  build_cells (self);
  refresh (self);
}

void
kefu_callback_week_view_select_day (KefuCallbackWeekView *self,
                                    const GDate          *day)
{
  gboolean moved;

  g_return_if_fail (KEFU_IS_CALLBACK_WEEK_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->selected = *day;
  moved = show_week_of (self, day);
  if (moved)
    refresh (self);
  else
    refresh_days (self);
  if (moved)
    g_signal_emit (self, signals[RANGE_CHANGED], 0);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

void
kefu_callback_week_view_get_selected (KefuCallbackWeekView *self,
                                      GDate                *day)
{
  g_return_if_fail (KEFU_IS_CALLBACK_WEEK_VIEW (self));
  g_return_if_fail (day != NULL);

  *day = self->selected;
}

void
kefu_callback_week_view_get_range (KefuCallbackWeekView *self,
                                   GDate                *first,
                                   GDate                *last)
{
  g_return_if_fail (KEFU_IS_CALLBACK_WEEK_VIEW (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    {
      *last = self->first;
      g_date_add_days (last, 6);
    }
}

static void
set_today_from (KefuCallbackWeekView *self,
                GDateTime            *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, rules_zone (self));

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

void
kefu_callback_week_view_set_callbacks (KefuCallbackWeekView *self,
                                       GPtrArray            *callbacks,
                                       GDateTime            *now)
{
  g_return_if_fail (KEFU_IS_CALLBACK_WEEK_VIEW (self));

  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  if (callbacks != NULL)
    self->callbacks = g_ptr_array_ref (callbacks);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  set_today_from (self, self->now);
  refresh (self);
}

static void
day_clicked_cb (GtkButton            *button,
                KefuCallbackWeekView *self)
{
  guint d = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kefu-day"));
  GDate day = self->first;

  g_date_add_days (&day, d);
  kefu_callback_week_view_select_day (self, &day);
}

static void
turn_week (KefuCallbackWeekView *self,
           int                   weeks)
{
  GDate day = g_date_valid (&self->selected) ? self->selected : self->first;

  if (weeks > 0)
    g_date_add_days (&day, 7 * weeks);
  else
    g_date_subtract_days (&day, 7 * -weeks);
  kefu_callback_week_view_select_day (self, &day);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  turn_week (KEFU_CALLBACK_WEEK_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  turn_week (KEFU_CALLBACK_WEEK_VIEW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KefuCallbackWeekView *self = KEFU_CALLBACK_WEEK_VIEW (widget);

  if (g_date_valid (&self->today))
    kefu_callback_week_view_select_day (self, &self->today);
}

static void
build_days (KefuCallbackWeekView *self)
{
  for (guint d = 0; d < 7; d++)
    {
      self->days[d] = gtk_button_new ();
      gtk_widget_add_css_class (self->days[d], "flat");
      gtk_widget_add_css_class (self->days[d], "kefu-week-day");
      gtk_widget_set_hexpand (self->days[d], TRUE);
      g_object_set_data (G_OBJECT (self->days[d]), "kefu-day", GUINT_TO_POINTER (d));
      g_signal_connect (self->days[d], "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (self->grid, self->days[d], 1 + d, 0, 1, 1);
    }
}

static void
kefu_callback_week_view_dispose (GObject *object)
{
  KefuCallbackWeekView *self = KEFU_CALLBACK_WEEK_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_WEEK_VIEW);
  /* The template's box is the only child; the cells go with it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->groups, g_free);
  g_clear_pointer (&self->times, g_free);
  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->rules, kefu_callback_rules_unref);

  G_OBJECT_CLASS (kefu_callback_week_view_parent_class)->dispose (object);
}

static void
kefu_callback_week_view_class_init (KefuCallbackWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_callback_week_view_dispose;

  /* The selected day changed (kefu_callback_week_view_get_selected ()). */
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /* Another week is shown: its callbacks are to be read (kefu_callback_week_view_get_range ()). */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-callback-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackWeekView, title);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackWeekView, grid);
  gtk_widget_class_install_action (widget_class, "week.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "week.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "week.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "week.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "week.next", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kefu-callback-week-view");
}

static void
kefu_callback_week_view_init (KefuCallbackWeekView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rules = kefu_callback_rules_new (NULL);
  self->now = g_date_time_new_now_utc ();
  g_date_clear (&self->first, 1);
  g_date_clear (&self->selected, 1);
  set_today_from (self, self->now);
  today = self->today;
  self->selected = today;
  build_days (self);
  build_cells (self);
  show_week_of (self, &today);
  refresh (self);
}

GtkWidget *
kefu_callback_week_view_new (void)
{
  return g_object_new (KEFU_TYPE_CALLBACK_WEEK_VIEW, NULL);
}
