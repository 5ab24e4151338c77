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

gboolean
_kefu_dash_read_callbacks (KefuDashPeriod  *p,
                           KefuDashboard   *d,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GDate first, last;

  rows = _kefu_dash_query (p,
                           "SELECT {hour:callbacks.deadline_at}, " KEFU_CALLBACK_FIGURES
                           " FROM callbacks WHERE " KEFU_DASH_BOTH ("callbacks.deadline_at")
                           " AND " MINE " GROUP BY {hour:callbacks.deadline_at}",
                           FALSE, 0, cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      /* In the order of KEFU_CALLBACK_FIGURES: due, on time, late, unreachable, open,
       * satisfied, so-so, not satisfied. */
      KefuDashboardCount *counts[] = {
        &d->callbacks_due, &d->callbacks_on_time, &d->callbacks_late, NULL, NULL,
        &d->satisfied, &d->so_so, &d->not_satisfied,
      };
      gboolean previous;
      guint bucket, hour;

      if (!_kefu_dash_place (p, kefu_rows_get_text (rows, i, 0), &previous, &bucket, &hour))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (counts); j++)
        if (counts[j] != NULL)
          _kefu_dash_count_add (counts[j], previous, bucket,
                                (guint) kefu_rows_get_int (rows, i, j + 1));
      if (!previous)
        d->callbacks_open += (guint) kefu_rows_get_int (rows, i, 5);
    }

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
