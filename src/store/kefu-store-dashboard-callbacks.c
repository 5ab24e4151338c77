/* kefu-store-dashboard-callbacks.c: the dashboard's callbacks, counted as the callback summary
 * report counts them (kefu-store-callback-report.h: the callbacks whose deadline falls in the
 * period, the clerk who did it or is to do it) with the same conditions, archived callbacks
 * left out; the members' coverage; and the records behind each figure.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-callback-report-private.h"
#include "kefu-store-callbacks.h"
#include "kefu-store-dashboard-private.h"

#define MINE \
  "callbacks.archived_at IS NULL AND " KEFU_DASH_WHO (KEFU_CALLBACK_CLERK_ID)

/* The survey period holding the dashboard's last day, by the site's rules. */
static gboolean
coverage_period (KefuDashPeriod  *p,
                 GDate           *first,
                 GDate           *last,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(KefuCallbackRules) rules = kefu_store_read_callback_rules (p->store, cancellable,
                                                                       error);

  if (rules == NULL)
    return FALSE;
  kefu_survey_period_bounds (kefu_callback_rules_get_survey_period (rules), &p->last, FALSE,
                             first, last);
  return TRUE;
}

/* The callbacks still open (metric 3 of _kefu_dash_read_callbacks ()) whose deadline is in
 * the period. */
static void
add_open (gpointer data,
          guint    index,
          gboolean previous,
          guint    bucket,
          guint    hour,
          guint    n)
{
  KefuDashboard *d = data;

  if (index == 3 && !previous)
    d->callbacks_open += n;
}

gboolean
_kefu_dash_read_callbacks (KefuDashPeriod  *p,
                           KefuDashboard   *d,
                           GCancellable    *cancellable,
                           GError         **error)
{
  /* The callback summary report's figures, kept per hour by schema step 14's triggers with
   * the report's conditions (kefu-store-callback-report-private.h). */
  KefuDashMetric metrics[] = {
    { "callback-due", &d->callbacks_due },
    { "callback-on-time", &d->callbacks_on_time },
    { "callback-late", &d->callbacks_late },
    { "callback-open", NULL },
    { "callback-satisfied", &d->satisfied },
    { "callback-so-so", &d->so_so },
    { "callback-not-satisfied", &d->not_satisfied },
  };
  GDate first, last;

  if (!_kefu_dash_read_hours (p, metrics, G_N_ELEMENTS (metrics), add_open, d, cancellable,
                              error))
    return FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  return coverage_period (p, &first, &last, cancellable, error) &&
         kefu_store_member_coverage (p->store, &first, &last, &d->n_members,
                                     &d->n_members_covered, cancellable, error);
}

#define IDS(condition) \
  "SELECT callbacks.id FROM callbacks WHERE " KEFU_DASH_PERIOD ("callbacks.deadline_at") \
  " AND " MINE " AND " condition " ORDER BY callbacks.deadline_at DESC, callbacks.id DESC"

GArray *
_kefu_dash_callback_ids (KefuDashPeriod       *p,
                         KefuDashboardFigure   figure,
                         gint64                key,
                         GCancellable         *cancellable,
                         GError              **error)
{
  const char *sql = NULL;

  switch (figure)
    {
    case KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE:
      if (key < 0)
        sql = IDS (KEFU_CALLBACK_DUE);
      else if (key == 0)
        sql = IDS (KEFU_CALLBACK_OPEN);
      else if (key == 1)
        sql = IDS (KEFU_CALLBACK_ON_TIME);
      else if (key == 2)
        sql = IDS (KEFU_CALLBACK_LATE);
      break;
    case KEFU_DASHBOARD_FIGURE_SATISFACTION:
      if (key == KEFU_SATISFACTION_SATISFIED)
        sql = IDS (KEFU_CALLBACK_REACHED ("satisfied"));
      else if (key == KEFU_SATISFACTION_SO_SO)
        sql = IDS (KEFU_CALLBACK_REACHED ("so-so"));
      else if (key == KEFU_SATISFACTION_NOT_SATISFIED)
        sql = IDS (KEFU_CALLBACK_REACHED ("not-satisfied"));
      break;
    case KEFU_DASHBOARD_FIGURE_CLERK_CALLBACKS:
      /* The clerks' table counts the callbacks done in the period, whatever their deadline. */
      sql = "SELECT callbacks.id FROM callbacks WHERE " KEFU_DASH_PERIOD ("callbacks.done_at")
            " AND callbacks.state = 'done' AND callbacks.archived_at IS NULL AND "
            "callbacks.done_by = {key} ORDER BY callbacks.done_at DESC, callbacks.id DESC";
      break;
    case KEFU_DASHBOARD_FIGURE_MEMBERS_UNCOVERED:
      {
        GDate first, last;

        g_date_clear (&first, 1);
        g_date_clear (&last, 1);
        if (!coverage_period (p, &first, &last, cancellable, error))
          return NULL;
        return kefu_store_list_uncovered_members (p->store, &first, &last, 0, cancellable,
                                                  error);
      }
    default:
      break;
    }
  if (sql == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return _kefu_dash_ids (p, sql, key, cancellable, error);
}
