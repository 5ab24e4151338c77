/* kefu-technician-calendar.c: the technicians' calendar: who is away on which days.
 *
 * One read on the store's worker takes the active technicians, their field visits meeting the
 * two weeks shown and the working-calendar settings; the grid is then rebuilt: a row per
 * technician (as many lanes as visits overlap), a column per day, each visit a button over the
 * days of its trip that opens the job. A day off is shaded, a free day is an empty cell.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-technician-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-work-calendar.h"
#include "store/kefu-store-jobs.h"

#include "kefu-technician-calendar.h"

#define N_DAYS KEFU_TECHNICIAN_CALENDAR_DAYS

/* One row of the grid: a technician and the job on each day shown (first lane's). */
typedef struct
{
  gint64  staff_id;
  char   *name;
  gint64  job_ids[N_DAYS];
  guint   n_visits;
} CalendarRow;

struct _KefuTechnicianCalendar
{
  GtkWidget      parent_instance;

  KefuStore     *store;
  KefuStaff     *staff;
  GCancellable  *cancellable;
  GDate          first_day;
  GArray        *rows;         /* CalendarRow */
  guint          loading : 1;
  guint          load_again : 1;
  gboolean       busy;

  AdwStatusPage *error_page;
  GtkGrid       *grid;
  GtkLabel      *range_label;
  GtkStack      *stack;
};

G_DEFINE_FINAL_TYPE (KefuTechnicianCalendar, kefu_technician_calendar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (KefuTechnicianCalendar *self);

static void
calendar_row_clear (gpointer data)
{
  CalendarRow *row = data;

  g_free (row->name);
}

static void
set_busy (KefuTechnicianCalendar *self,
          gboolean                busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
today (GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static GDateTime *
local_midnight (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 0, 0, 0);
}

/* Days from the first shown to `day` (negative before it). */
static int
day_index (KefuTechnicianCalendar *self,
           const GDate            *day)
{
  return g_date_days_between (&self->first_day, day);
}

/* Loading */

typedef struct
{
  GDate       from;
  GDate       to;
  GPtrArray  *technicians;  /* KefuStaff */
  GPtrArray  *visits;       /* KefuServiceJob */
  char       *hours;
  char       *days;
  char       *holidays;
} LoadJob;

static void
load_job_clear (LoadJob *job)
{
  g_clear_pointer (&job->technicians, g_ptr_array_unref);
  g_clear_pointer (&job->visits, g_ptr_array_unref);
  g_free (job->hours);
  g_free (job->days);
  g_free (job->holidays);
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
  g_autoptr(GListModel) staff = NULL;
  guint n;

  staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  if (staff == NULL)
    return NULL;

  job->technicians = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (staff);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

      if (kefu_staff_get_role (member) == KEFU_ROLE_TECHNICIAN && kefu_staff_get_active (member))
        g_ptr_array_add (job->technicians, g_steal_pointer (&member));
    }

  job->visits = kefu_store_list_technician_visits (store, &job->from, &job->to, cancellable, error);
  if (job->visits == NULL)
    return NULL;

  if ((job->hours = read_setting (store, KEFU_SETTING_WORK_HOURS, cancellable, error)) == NULL ||
      (job->days = read_setting (store, KEFU_SETTING_WORK_DAYS, cancellable, error)) == NULL ||
      (job->holidays = read_setting (store, KEFU_SETTING_WORK_HOLIDAYS, cancellable, error)) == NULL)
    return NULL;

  return g_object_ref (staff);
}

typedef struct
{
  GWeakRef  calendar;
  LoadJob  *job;
} Request;

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->calendar);
  load_job_release (request->job);
  g_free (request);
}

/* Building the grid */

/* The first day of `visit`'s trip: the day the technician left, or the day agreed. */
static gboolean
visit_start (KefuServiceJob *visit,
             GDate          *start)
{
  g_date_clear (start, 1);

  if (visit->departed_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (visit->departed_at);

      g_date_set_dmy (start, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      return TRUE;
    }

  if (!g_date_valid (&visit->agreed_date))
    return FALSE;

  *start = visit->agreed_date;
  return TRUE;
}

static gboolean
is_day_off (KefuWorkCalendar *work,
            const GDate      *day)
{
  g_autoptr(GDateTime) midnight = local_midnight (day);
  g_autoptr(GDateTime) next = NULL;
  GDateWeekday weekday = g_date_get_weekday (day);

  if (work == NULL)
    return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;

  /* A working day has working time before its end. */
  next = kefu_work_calendar_next_working_time (work, midnight);
  return next == NULL || g_date_time_get_day_of_month (next) != g_date_get_day (day) ||
         g_date_time_get_month (next) != (int) g_date_get_month (day);
}

static void
clear_grid (KefuTechnicianCalendar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static char *
format_day (const GDate *day,
            const char  *format)
{
  g_autoptr(GDateTime) time = local_midnight (day);

  return g_date_time_format (time, format);
}

static void
add_day_headers (KefuTechnicianCalendar *self,
                 const gboolean         *off)
{
  GDate now;

  today (&now);
  for (guint i = 0; i < N_DAYS; i++)
    {
      GDate day = self->first_day;
      g_autofree char *weekday = NULL;
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      GtkWidget *label;

      g_date_add_days (&day, i);
      /* Translators: a weekday's short name in the technicians' calendar's column heads. */
      weekday = format_day (&day, C_("calendar weekday", "%a"));
      /* Translators: a day of the month in the technicians' calendar's column heads. */
      date = format_day (&day, C_("calendar day", "%-d"));
      text = g_strdup_printf ("%s\n%s", weekday, date);
      label = gtk_label_new (text);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (label, "kefu-calendar-head");
      gtk_widget_add_css_class (label, "numeric");
      if (off[i])
        gtk_widget_add_css_class (label, "kefu-calendar-off");
      if (g_date_compare (&day, &now) == 0)
        gtk_widget_add_css_class (label, "accent");
      gtk_grid_attach (self->grid, label, 1 + i, 0, 1, 1);
    }
}

/* The background of one lane: a cell per day, shaded on days off. */
static void
add_cells (KefuTechnicianCalendar *self,
           guint                   grid_row,
           const gboolean         *off)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (cell, "kefu-calendar-cell");
      /* A wide window gives the days the room; the names keep theirs. */
      gtk_widget_set_hexpand (cell, TRUE);
      if (off[i])
        gtk_widget_add_css_class (cell, "kefu-calendar-off");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_grid_attach (self->grid, cell, 1 + i, grid_row, 1, 1);
    }
}

static GtkWidget *
make_visit_button (KefuServiceJob *visit,
                   const GDate    *start,
                   guint           n_days)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GDate end = *start;
  GtkWidget *button;
  GtkWidget *child;

  g_date_add_days (&end, n_days - 1);
  /* Translators: a day as g_date_time_format () writes it, e.g. "3 Dec"; 12月3日 in Chinese.
   * xgettext:no-c-format */
  first = format_day (start, C_("calendar visit", "%-d %b"));
  /* xgettext:no-c-format */
  last = format_day (&end, C_("calendar visit", "%-d %b"));

  /* Who and what, which a dispatcher plans by; the reference is in the tooltip and the label. */
  text = g_strdup_printf ("%s\n%s", visit->customer_name != NULL ? visit->customer_name : "",
                          kefu_job_kind_get_display_name (visit->kind));
  /* An inscription asks for no more width than a day's column, whatever the text: a one-day
   * visit fits its day, and the tooltip and the page say the rest. */
  child = gtk_inscription_new (text);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (child), 2);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child), 4);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_add_css_class (button, "kefu-calendar-visit");
  if (visit->step == KEFU_JOB_STEP_ON_TRIP)
    gtk_widget_add_css_class (button, "accent");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "aftersales.open-job");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (visit->id));

  /* Translators: what a screen reader says (and the tooltip shows) for a technician's visit
   * in the calendar: technician, customer, job reference, first and last day; e.g.
   * "梁工: 张伟, SH-20261127-0002, 30 Nov to 1 Dec". */
  label = g_strdup_printf (_("%s: %s, %s, %s to %s"),
                           visit->technician_name != NULL ? visit->technician_name : "",
                           visit->customer_name != NULL ? visit->customer_name : "",
                           visit->reference != NULL ? visit->reference : "", first, last);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

static CalendarRow *
find_row (KefuTechnicianCalendar *self,
          gint64                  staff_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      CalendarRow *row = &g_array_index (self->rows, CalendarRow, i);

      if (row->staff_id == staff_id)
        return row;
    }

  return NULL;
}

/* The visits of one technician, placed in lanes so that overlapping trips stay readable. */
static guint
add_visits (KefuTechnicianCalendar *self,
            CalendarRow            *row,
            GPtrArray              *visits,
            guint                   grid_row,
            const gboolean         *off)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, TRUE, sizeof (int));  /* first free index */

  for (guint v = 0; v < visits->len; v++)
    {
      KefuServiceJob *visit = visits->pdata[v];
      GDate start;
      int from, to;
      guint lane;

      if (visit->technician_id != row->staff_id || !visit_start (visit, &start))
        continue;

      from = day_index (self, &start);
      to = from + (int) MAX (visit->travel_days, 1);
      if (to <= 0 || from >= N_DAYS)
        continue;
      from = MAX (from, 0);
      to = MIN (to, N_DAYS);

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, int, lane) <= from)
          break;
      if (lane == lane_ends->len)
        {
          int none = 0;

          g_array_append_val (lane_ends, none);
          if (lane > 0)
            add_cells (self, grid_row + lane, off);
        }
      g_array_index (lane_ends, int, lane) = to;

      for (int d = from; d < to; d++)
        if (row->job_ids[d] == 0)
          row->job_ids[d] = visit->id;
      row->n_visits++;

      gtk_grid_attach (self->grid, make_visit_button (visit, &start, MAX (visit->travel_days, 1)),
                       1 + from, grid_row + lane, to - from, 1);
    }

  return MAX (lane_ends->len, 1);
}

static void
add_row (KefuTechnicianCalendar *self,
         gint64                  staff_id,
         const char             *name)
{
  CalendarRow row = { 0 };

  row.staff_id = staff_id;
  row.name = g_strdup (name != NULL ? name : "");
  g_array_append_val (self->rows, row);
}

static void
fill_grid (KefuTechnicianCalendar *self,
           LoadJob                *job)
{
  g_autoptr(KefuWorkCalendar) work = NULL;
  gboolean off[N_DAYS];
  guint grid_row = 1;

  work = kefu_work_calendar_new_from_settings (job->hours, job->days, job->holidays, NULL);
  for (guint i = 0; i < N_DAYS; i++)
    {
      GDate day = self->first_day;

      g_date_add_days (&day, i);
      off[i] = is_day_off (work, &day);
    }

  clear_grid (self);
  g_array_set_size (self->rows, 0);

  for (guint i = 0; i < job->technicians->len; i++)
    {
      KefuStaff *member = job->technicians->pdata[i];

      add_row (self, kefu_record_get_id (KEFU_RECORD (member)), kefu_staff_get_name (member));
    }
  /* A visit of someone no longer active as a technician still takes their days. */
  for (guint i = 0; i < job->visits->len; i++)
    {
      KefuServiceJob *visit = job->visits->pdata[i];

      if (visit->technician_id > 0 && find_row (self, visit->technician_id) == NULL)
        add_row (self, visit->technician_id, visit->technician_name);
    }

  add_day_headers (self, off);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CalendarRow *row = &g_array_index (self->rows, CalendarRow, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name = gtk_label_new (row->name);
      guint n_lanes;

      add_cells (self, grid_row, off);
      n_lanes = add_visits (self, row, job->visits, grid_row, off);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "heading");
      gtk_box_append (GTK_BOX (box), name);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (box, "kefu-calendar-name");
      if (row->n_visits == 0)
        {
          /* Translators: under a technician's name in the calendar: no visit in the two
           * weeks shown. */
          GtkWidget *free_label = gtk_label_new (_("Free"));

          gtk_label_set_xalign (GTK_LABEL (free_label), 0);
          gtk_widget_add_css_class (free_label, "dim-label");
          gtk_widget_add_css_class (free_label, "caption");
          gtk_box_append (GTK_BOX (box), free_label);
        }
      gtk_grid_attach (self->grid, box, 0, grid_row, 1, n_lanes);
      grid_row += n_lanes;
    }

  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "grid" : "empty");
}

static void
update_range_label (KefuTechnicianCalendar *self)
{
  GDate last = self->first_day;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  g_date_add_days (&last, N_DAYS - 1);
  /* Translators: the first and last day of the calendar's two weeks, e.g. "30 Nov 2026". */
  from = format_day (&self->first_day, C_("calendar range", "%-d %b %Y"));
  to = format_day (&last, C_("calendar range", "%-d %b %Y"));
  /* Translators: the two weeks shown in the technicians' calendar: "30 Nov 2026 – 13 Dec 2026". */
  text = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_label (self->range_label, text);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(KefuTechnicianCalendar) self = g_weak_ref_get (&request->calendar);
  g_autoptr(GObject) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      request_free (request);
      return;
    }

  self->loading = FALSE;
  if (self->load_again)
    {
      request_free (request);
      load (self);
      return;
    }

  if (staff == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  /* Days moved while this was read: what was read is of other days. */
  else if (g_date_compare (&request->job->from, &self->first_day) == 0)
    fill_grid (self, request->job);

  request_free (request);
  set_busy (self, FALSE);
}

static void
load (KefuTechnicianCalendar *self)
{
  LoadJob *job;
  Request *request;

  update_range_label (self);

  if (self->store == NULL)
    {
      clear_grid (self);
      g_array_set_size (self->rows, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_busy (self, FALSE);
      return;
    }

  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }

  job = g_atomic_rc_box_new0 (LoadJob);
  job->from = self->first_day;
  job->to = self->first_day;
  g_date_add_days (&job->to, N_DAYS);

  request = g_new0 (Request, 1);
  g_weak_ref_init (&request->calendar, self);
  request->job = g_atomic_rc_box_acquire (job);

  self->loading = TRUE;
  self->load_again = FALSE;
  if (self->rows->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, load_func, job, load_job_release, self->cancellable,
                        load_cb, request);
}

/* Actions */

static void
move_days (KefuTechnicianCalendar *self,
           int                     days)
{
  if (days < 0)
    g_date_subtract_days (&self->first_day, -days);
  else
    g_date_add_days (&self->first_day, days);
  load (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  move_days (KEFU_TECHNICIAN_CALENDAR (widget), -N_DAYS);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  move_days (KEFU_TECHNICIAN_CALENDAR (widget), N_DAYS);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GDate day;

  today (&day);
  kefu_technician_calendar_set_day (KEFU_TECHNICIAN_CALENDAR (widget), &day);
}

/* Overrides */

static void
kefu_technician_calendar_map (GtkWidget *widget)
{
  KefuTechnicianCalendar *self = KEFU_TECHNICIAN_CALENDAR (widget);

  GTK_WIDGET_CLASS (kefu_technician_calendar_parent_class)->map (widget);

  /* Read when shown: who is away changes while other panes are used. */
  load (self);
}

static void
kefu_technician_calendar_dispose (GObject *object)
{
  KefuTechnicianCalendar *self = KEFU_TECHNICIAN_CALENDAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_TECHNICIAN_CALENDAR);
  /* The template's box is this widget's own child (a plain GtkWidget keeps no list of them). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_technician_calendar_parent_class)->dispose (object);
}

static void
kefu_technician_calendar_finalize (GObject *object)
{
  KefuTechnicianCalendar *self = KEFU_TECHNICIAN_CALENDAR (object);

  g_array_unref (self->rows);

  G_OBJECT_CLASS (kefu_technician_calendar_parent_class)->finalize (object);
}

static void
kefu_technician_calendar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KefuTechnicianCalendar *self = KEFU_TECHNICIAN_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_technician_calendar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  KefuTechnicianCalendar *self = KEFU_TECHNICIAN_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          /* A read of the database shown before is of no use any more. */
          g_cancellable_cancel (self->cancellable);
          g_set_object (&self->cancellable, g_cancellable_new ());
          self->loading = FALSE;
          g_array_set_size (self->rows, 0);
          if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->store == NULL)
            load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_technician_calendar_class_init (KefuTechnicianCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_technician_calendar_dispose;
  object_class->finalize = kefu_technician_calendar_finalize;
  object_class->get_property = kefu_technician_calendar_get_property;
  object_class->set_property = kefu_technician_calendar_set_property;

  widget_class->map = kefu_technician_calendar_map;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-technician-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuTechnicianCalendar, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuTechnicianCalendar, grid);
  gtk_widget_class_bind_template_child (widget_class, KefuTechnicianCalendar, range_label);
  gtk_widget_class_bind_template_child (widget_class, KefuTechnicianCalendar, stack);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "calendar.today", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kefu-technician-calendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A sample of a visit's block for the legend: looks like one, does nothing. */
static GtkWidget *
legend_sample (const char *text,
               const char *style)
{
  GtkWidget *sample = g_object_new (GTK_TYPE_BUTTON,
                                    "label", text,
                                    "can-focus", FALSE,
                                    "can-target", FALSE,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_LABEL,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);

  gtk_widget_add_css_class (sample, "kefu-calendar-visit");
  if (style != NULL)
    gtk_widget_add_css_class (sample, style);
  return sample;
}

/* At the end of the header, what the two colours of a visit mean. */
static void
add_legend (KefuTechnicianCalendar *self)
{
  GtkWidget *header = gtk_widget_get_parent (GTK_WIDGET (self->range_label));
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_hexpand (legend, TRUE);
  gtk_widget_set_halign (legend, GTK_ALIGN_END);
  /* Translators: the legend of the technicians' calendar: a visit planned (dispatched, the
   * technician not yet left). */
  gtk_box_append (GTK_BOX (legend), legend_sample (C_("calendar legend", "Planned"), NULL));
  /* Translators: the legend of the technicians' calendar: a visit whose technician is on the
   * trip. */
  gtk_box_append (GTK_BOX (legend), legend_sample (C_("calendar legend", "On the trip"), "accent"));
  gtk_box_append (GTK_BOX (header), legend);
}

static void
kefu_technician_calendar_init (KefuTechnicianCalendar *self)
{
  GDate day;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_legend (self);

  self->cancellable = g_cancellable_new ();
  self->rows = g_array_new (FALSE, TRUE, sizeof (CalendarRow));
  g_array_set_clear_func (self->rows, calendar_row_clear);

  today (&day);
  g_date_clear (&self->first_day, 1);
  kefu_technician_calendar_set_day (self, &day);
}

/* Public API */

GtkWidget *
kefu_technician_calendar_new (void)
{
  return g_object_new (KEFU_TYPE_TECHNICIAN_CALENDAR, NULL);
}

void
kefu_technician_calendar_reload (KefuTechnicianCalendar *self)
{
  g_return_if_fail (KEFU_IS_TECHNICIAN_CALENDAR (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

void
kefu_technician_calendar_set_day (KefuTechnicianCalendar *self,
                                  const GDate            *day)
{
  GDate monday;

  g_return_if_fail (KEFU_IS_TECHNICIAN_CALENDAR (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  /* Two working weeks read best from a Monday. */
  monday = *day;
  g_date_subtract_days (&monday, g_date_get_weekday (day) - G_DATE_MONDAY);
  if (g_date_valid (&self->first_day) && g_date_compare (&monday, &self->first_day) == 0)
    return;

  self->first_day = monday;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    update_range_label (self);
}

void
kefu_technician_calendar_get_first_day (KefuTechnicianCalendar *self,
                                        GDate                  *day)
{
  g_return_if_fail (KEFU_IS_TECHNICIAN_CALENDAR (self));
  g_return_if_fail (day != NULL);

  *day = self->first_day;
}

guint
kefu_technician_calendar_get_n_rows (KefuTechnicianCalendar *self)
{
  g_return_val_if_fail (KEFU_IS_TECHNICIAN_CALENDAR (self), 0);

  return self->rows->len;
}

const char *
kefu_technician_calendar_get_row_name (KefuTechnicianCalendar *self,
                                       guint                   row)
{
  g_return_val_if_fail (KEFU_IS_TECHNICIAN_CALENDAR (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_array_index (self->rows, CalendarRow, row).name;
}

void
kefu_technician_calendar_get_row_days (KefuTechnicianCalendar *self,
                                       guint                   row,
                                       gint64                 *job_ids)
{
  g_return_if_fail (KEFU_IS_TECHNICIAN_CALENDAR (self));
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (job_ids != NULL);

  memcpy (job_ids, g_array_index (self->rows, CalendarRow, row).job_ids, sizeof (gint64) * N_DAYS);
}
