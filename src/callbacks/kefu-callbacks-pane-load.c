/* kefu-callbacks-pane-load.c: what the Callbacks pane reads.
 *
 * One read on the store's worker takes what the root page shows: the counts of every day of
 * the six weeks in the month view (counted in SQL) or the callbacks of the week in the week view
 * (with the site's rules, whose quiet hours it shades), the chosen day's callbacks, and the
 * overdue and escalated numbers for the banner. A newer read cancels an older one.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callbacks-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-callbacks.h"

#include "kefu-callbacks-pane-private.h"

static void
local_today (GDate *day)
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

/* The days the shown view covers. */
static void
shown_range (KefuCallbacksPane *self,
             GDate             *first,
             GDate             *last)
{
  if (_kefu_callbacks_pane_shows_week (self))
    kefu_callback_week_view_get_range (self->week_view, first, last);
  else
    kefu_callback_month_view_get_range (self->month_view, first, last);
}

/* Loading */

typedef struct
{
  gboolean            day_only;  /* only the day's callbacks: the view's and banner's stay */
  gboolean            week;      /* the week view's callbacks instead of the month's counts */
  GDate               first;
  GDate               last;
  GDate               day;
  gint64              assigned_to;
  GDateTime          *now;
  GArray             *counts;    /* KefuCallbackDayCount; set by the worker (month) */
  GPtrArray          *week_callbacks;  /* set by the worker (week) */
  KefuCallbackRules  *rules;     /* set by the worker (week) */
  GPtrArray          *callbacks; /* the day's; set by the worker */
  guint               n_overdue;
  guint               n_escalated;
  gint64              started;   /* for the debug log's timings */
  gint64              read;
} LoadJob;

static void
load_job_clear (LoadJob *job)
{
  g_clear_pointer (&job->now, g_date_time_unref);
  g_clear_pointer (&job->counts, g_array_unref);
  g_clear_pointer (&job->week_callbacks, g_ptr_array_unref);
  g_clear_pointer (&job->rules, kefu_callback_rules_unref);
  g_clear_pointer (&job->callbacks, g_ptr_array_unref);
}

static void
load_job_release (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadJob *job = data;
  g_autoptr(GDateTime) from = local_midnight (&job->day);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);

  if (job->day_only)
    ;
  else if (job->week)
    {
      g_autoptr(GDateTime) monday = local_midnight (&job->first);
      g_autoptr(GDateTime) next_monday = g_date_time_add_days (monday, 7);

      job->rules = kefu_store_read_callback_rules (store, cancellable, error);
      if (job->rules == NULL)
        return NULL;
      job->week_callbacks = kefu_store_list_callbacks_due (store, monday, next_monday,
                                                           job->assigned_to, TRUE, cancellable,
                                                           error);
      if (job->week_callbacks == NULL)
        return NULL;
    }
  else
    {
      job->counts = kefu_store_count_callbacks_by_day (store, &job->first, &job->last,
                                                       job->assigned_to, job->now, cancellable,
                                                       error);
      if (job->counts == NULL)
        return NULL;
    }
  job->callbacks = kefu_store_list_callbacks_due (store, from, to, job->assigned_to, TRUE,
                                                  cancellable, error);
  if (job->callbacks == NULL)
    return NULL;
  if (!job->day_only &&
      !kefu_store_count_late_callbacks (store, job->now, job->assigned_to, &job->n_overdue,
                                        &job->n_escalated, cancellable, error))
    return NULL;
  job->read = g_get_monotonic_time ();
  return g_object_ref (store);
}

typedef struct
{
  GWeakRef  pane;
  LoadJob  *job;
} Request;

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->pane);
  load_job_release (request->job);
  g_free (request);
}

static void
update_banner (KefuCallbacksPane *self,
               guint              n_overdue,
               guint              n_escalated)
{
  g_autofree char *overdue = NULL;
  g_autofree char *title = NULL;

  if (n_overdue == 0 && n_escalated == 0)
    {
      adw_banner_set_revealed (self->overdue_banner, FALSE);
      return;
    }
  /* Translators: the banner over the callback calendar: "3 callbacks overdue". */
  overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u callback overdue",
                                            "%u callbacks overdue", n_overdue), n_overdue);
  if (n_escalated == 0)
    title = g_steal_pointer (&overdue);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: "3 callbacks overdue · 1 waiting for the
                                           * team lead" (its attempts ran out). */
                                          "%s · %u waiting for the team lead",
                                          "%s · %u waiting for the team lead", n_escalated),
                             overdue, n_escalated);
  adw_banner_set_title (self->overdue_banner, title);
  adw_banner_set_revealed (self->overdue_banner, TRUE);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  gint64 answered = g_get_monotonic_time ();
  g_autoptr(KefuCallbacksPane) self = g_weak_ref_get (&request->pane);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  LoadJob *job = request->job;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      request_free (request);
      return;
    }

  g_clear_object (&self->load_cancellable);
  self->loading = FALSE;
  if (done == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      GDate first, last, selected;
      gboolean week = _kefu_callbacks_pane_shows_week (self);

      /* A month or week turned, a view switched or a day chosen while reading is read again. */
      shown_range (self, &first, &last);
      kefu_callback_month_view_get_selected (self->month_view, &selected);
      if (week != job->week)
        first = (GDate) { 0 };
      else if (job->day_only)
        ;
      else if (week && g_date_compare (&first, &job->first) == 0)
        {
          kefu_callback_week_view_set_rules (self->week_view, job->rules);
          kefu_callback_week_view_set_callbacks (self->week_view, job->week_callbacks, job->now);
        }
      else if (!week && g_date_compare (&first, &job->first) == 0)
        kefu_callback_month_view_set_counts (self->month_view, job->counts);
      if (g_date_compare (&selected, &job->day) == 0)
        kefu_callback_agenda_set_callbacks (self->agenda, &job->day, job->callbacks, job->now);
      if (!job->day_only)
        update_banner (self, job->n_overdue, job->n_escalated);
      gtk_stack_set_visible_child_name (self->stack, "calendar");
      g_debug ("Read the %s and %u callbacks of the day in %.1f ms, answered %.1f ms later, "
               "shown in %.1f ms", job->week ? "week" : "month",
               job->callbacks != NULL ? job->callbacks->len : 0,
               (job->read - job->started) / 1000.0, (answered - job->read) / 1000.0,
               (g_get_monotonic_time () - answered) / 1000.0);
      if (!g_date_valid (&first) || g_date_compare (&first, &job->first) != 0 ||
          g_date_compare (&selected, &job->day) != 0)
        _kefu_callbacks_pane_load (self);
    }
  _kefu_callbacks_pane_update_busy (self);
  request_free (request);
}

static gboolean
start_load (gpointer user_data)
{
  KefuCallbacksPane *self = user_data;
  Request *request;
  LoadJob *job;
  GDate today;

  self->load_source = 0;
  if (self->store == NULL)
    {
      self->loading = FALSE;
      _kefu_callbacks_pane_update_busy (self);
      return G_SOURCE_REMOVE;
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  job = g_atomic_rc_box_new0 (LoadJob);
  job->week = _kefu_callbacks_pane_shows_week (self);
  shown_range (self, &job->first, &job->last);
  kefu_callback_month_view_get_selected (self->month_view, &job->day);
  job->assigned_to = _kefu_callbacks_pane_shown_assignee (self);
  job->day_only = self->load_day_only && g_date_valid (&self->read_first) &&
                  self->read_week == job->week && self->read_assigned_to == job->assigned_to &&
                  g_date_compare (&self->read_first, &job->first) == 0;
  self->load_day_only = FALSE;
  self->read_week = job->week;
  self->read_first = job->first;
  self->read_assigned_to = job->assigned_to;
  job->now = g_date_time_new_now_utc ();
  job->started = g_get_monotonic_time ();
  local_today (&today);
  kefu_callback_month_view_set_today (self->month_view, &today);

  request = g_new0 (Request, 1);
  g_weak_ref_init (&request->pane, self);
  request->job = g_atomic_rc_box_acquire (job);
  self->loading = TRUE;
  _kefu_callbacks_pane_update_busy (self);
  kefu_store_run_async (self->store, load_func, job, load_job_release, self->load_cancellable,
                        loaded_cb, request);
  return G_SOURCE_REMOVE;
}

/* Reads what the views show, once for every change made in one main-loop iteration (a store
 * and a staff member set together read once). */
void
_kefu_callbacks_pane_load (KefuCallbacksPane *self)
{
  self->load_day_only = FALSE;
  if (self->load_source == 0)
    self->load_source = g_idle_add_full (G_PRIORITY_DEFAULT, start_load, self, NULL);
  self->loading = self->store != NULL;
  _kefu_callbacks_pane_update_busy (self);
}

/* Reads the chosen day's callbacks; the rest too when the range shown changed. */
void
_kefu_callbacks_pane_load_day (KefuCallbacksPane *self)
{
  gboolean pending = self->load_source != 0;

  _kefu_callbacks_pane_load (self);
  /* A whole read already asked for in this iteration stays whole. */
  self->load_day_only = !pending;
}
