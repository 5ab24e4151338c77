/* kefu-store-callback-report.c: the callback summary report (《回访总结报告》,
 * kefu-store-callback-report.h): every figure counted in SQL over the callbacks whose deadline
 * falls in the period's local days, for the whole site, a team (the staff of a department) or
 * one clerk; the same figures of the period before, the members' coverage, the breakdowns by
 * reason and by clerk, the customers' words and the satisfaction week by week.
 *
 * The archive, the JSON form and freeing a report are in kefu-store-callback-report-json.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-callback-report-private.h"
#include "kefu-store-callbacks-private.h"

/* The words read at most (the newest), so that a year's report stays a readable document. */
#define MAX_WORDS 200

#define N_FIGURES 8

/* The callbacks of the period ($1, $2: the UTC bounds of its local days) and of the team ($3)
 * or the clerk ($4), 0 for all. */
#define FROM_PERIOD \
  " FROM callbacks LEFT JOIN staff AS clerk ON clerk.id = " KEFU_CALLBACK_CLERK_ID \
  " WHERE callbacks.deadline_at >= $1 AND callbacks.deadline_at < $2" \
  " AND (CAST($3 AS BIGINT) = 0 OR clerk.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR clerk.id = CAST($4 AS BIGINT))"

typedef struct
{
  char   *from;
  char   *to;
  gint64  department_id;
  gint64  clerk_id;
} Period;

static void
period_clear (Period *period)
{
  g_clear_pointer (&period->from, g_free);
  g_clear_pointer (&period->to, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

static void
period_init (Period      *period,
             const GDate *first,
             const GDate *last,
             gint64       department_id,
             gint64       clerk_id)
{
  _kefu_store_local_days_bounds (first, last, &period->from, &period->to);
  period->department_id = department_id;
  period->clerk_id = clerk_id;
}

static GVariant *
period_params (const Period *period)
{
  return g_variant_new ("(ssxx)", period->from, period->to, period->department_id,
                        period->clerk_id);
}

static void
figures_from_row (KefuCallbackFigures *figures,
                  KefuRows            *rows,
                  guint                row,
                  guint                first_column)
{
  guint *values[N_FIGURES] = {
    &figures->due, &figures->on_time, &figures->late, &figures->unreachable,
    &figures->open, &figures->satisfied, &figures->so_so, &figures->not_satisfied,
  };

  for (guint i = 0; i < N_FIGURES; i++)
    *values[i] = (guint) kefu_rows_get_int (rows, row, first_column + i);
}

static gboolean
read_figures (KefuStore            *self,
              const Period         *period,
              KefuCallbackFigures  *figures,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (self, "SELECT " KEFU_CALLBACK_FIGURES FROM_PERIOD,
                                                period_params (period), cancellable, error);

  if (rows == NULL)
    return FALSE;
  figures_from_row (figures, rows, 0, 0);
  return TRUE;
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const KefuCallbackBreakdown *x = a;
  const KefuCallbackBreakdown *y = b;

  return (int) x->reason - (int) y->reason;
}

/* By name (as bytes, the same on both backends whatever the server's collation), then id; the
 * row of nobody last. */
static int
compare_clerks (gconstpointer a,
                gconstpointer b)
{
  const KefuCallbackBreakdown *x = a;
  const KefuCallbackBreakdown *y = b;
  int order;

  if ((x->staff_id == 0) != (y->staff_id == 0))
    return x->staff_id == 0 ? 1 : -1;
  order = g_strcmp0 (x->name, y->name);
  if (order != 0)
    return order;
  return x->staff_id < y->staff_id ? -1 : x->staff_id > y->staff_id;
}

/* A breakdown: by reason, in the enum's order (sorted here: the nicks sort otherwise); or by
 * clerk, by name, the open callbacks assigned to nobody last (staff_id 0, no name). Both read
 * the same columns: the reason, the clerk's id and name (each NULL when not grouped by). */
static GArray *
read_breakdowns (KefuStore     *self,
                 const Period  *period,
                 gboolean       by_reason,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GArray *breakdowns;

  rows = _kefu_store_query (self,
                            by_reason ?
                            "SELECT callbacks.reason, CAST(NULL AS BIGINT), CAST(NULL AS TEXT), "
                            KEFU_CALLBACK_FIGURES FROM_PERIOD " GROUP BY callbacks.reason" :
                            "SELECT CAST(NULL AS TEXT), clerk.id, clerk.name, "
                            KEFU_CALLBACK_FIGURES FROM_PERIOD " GROUP BY clerk.id, clerk.name",
                            period_params (period), cancellable, error);
  if (rows == NULL)
    return NULL;
  breakdowns = _kefu_callback_breakdowns_new ();
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuCallbackBreakdown b = { 0 };

      b.reason = by_reason ?
        _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_REASON, kefu_rows_get_text (rows, i, 0),
                                    KEFU_CALLBACK_REASON_OTHER) :
        KEFU_CALLBACK_REASON_OTHER;
      b.staff_id = kefu_rows_is_null (rows, i, 1) ? 0 : kefu_rows_get_int (rows, i, 1);
      b.name = g_strdup (kefu_rows_get_text (rows, i, 2));
      figures_from_row (&b.figures, rows, i, 3);
      g_array_append_val (breakdowns, b);
    }
  g_array_sort (breakdowns, by_reason ? compare_reasons : compare_clerks);
  return breakdowns;
}

static GPtrArray *
read_words (KefuStore     *self,
            const Period  *period,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GPtrArray *words;

  rows = _kefu_store_query (self,
                            "SELECT callbacks.done_at, callbacks.customer_name, callbacks.reason, "
                            "callbacks.satisfaction, callbacks.customer_words, clerk.name"
                            FROM_PERIOD
                            " AND callbacks.state = 'done' AND callbacks.customer_words IS NOT NULL"
                            " AND callbacks.customer_words <> ''"
                            " ORDER BY callbacks.done_at DESC, callbacks.id DESC LIMIT $5",
                            g_variant_new ("(ssxxx)", period->from, period->to,
                                           period->department_id, period->clerk_id,
                                           (gint64) MAX_WORDS),
                            cancellable, error);
  if (rows == NULL)
    return NULL;
  words = g_ptr_array_new_with_free_func ((GDestroyNotify) _kefu_callback_words_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuCallbackWords *w = g_new0 (KefuCallbackWords, 1);

      w->done_at = kefu_rows_get_time (rows, i, 0);
      w->customer_name = g_strdup (kefu_rows_get_text (rows, i, 1));
      w->reason = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_REASON,
                                              kefu_rows_get_text (rows, i, 2),
                                              KEFU_CALLBACK_REASON_OTHER);
      w->satisfaction = kefu_rows_is_null (rows, i, 3) ? KEFU_SATISFACTION_UNSPECIFIED :
        _kefu_store_enum_from_nick (KEFU_TYPE_SATISFACTION, kefu_rows_get_text (rows, i, 3),
                                    KEFU_SATISFACTION_UNSPECIFIED);
      w->words = g_strdup (kefu_rows_get_text (rows, i, 4));
      w->clerk_name = g_strdup (kefu_rows_get_text (rows, i, 5));
      g_ptr_array_add (words, w);
    }
  return words;
}

/* Every week (Monday to Sunday) meeting the period, each counted over its days inside the
 * period, so that the weeks add up to the period's satisfaction figures. */
static GArray *
read_weeks (KefuStore     *self,
            const GDate   *first,
            const GDate   *last,
            gint64         department_id,
            gint64         clerk_id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (KefuCallbackWeek));
  GDate monday = *first;

  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  while (g_date_compare (&monday, last) <= 0)
    {
      g_auto(Period) period = { 0 };
      KefuCallbackFigures figures = { 0 };
      KefuCallbackWeek week = { 0 };
      GDate from = monday;
      GDate to = monday;

      g_date_add_days (&to, 6);
      if (g_date_compare (&from, first) < 0)
        from = *first;
      if (g_date_compare (&to, last) > 0)
        to = *last;
      period_init (&period, &from, &to, department_id, clerk_id);
      if (!read_figures (self, &period, &figures, cancellable, error))
        return NULL;
      week.week = monday;
      week.satisfied = figures.satisfied;
      week.so_so = figures.so_so;
      week.not_satisfied = figures.not_satisfied;
      g_array_append_val (weeks, week);
      g_date_add_days (&monday, 7);
    }
  return g_steal_pointer (&weeks);
}

/* Members' coverage over the survey period holding the report's last day, by the site's rules
 * (every member, whatever the team: the survey is the whole site's duty). */
static gboolean
read_coverage (KefuStore           *self,
               KefuCallbackReport  *report,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(KefuCallbackRules) rules = kefu_store_read_callback_rules (self, cancellable, error);
  GDate first;
  GDate last;

  if (rules == NULL)
    return FALSE;
  kefu_survey_period_bounds (kefu_callback_rules_get_survey_period (rules), &report->last,
                             FALSE, &first, &last);
  return kefu_store_member_coverage (self, &first, &last, &report->n_members,
                                     &report->n_members_covered, cancellable, error);
}

/**
 * kefu_store_callback_report:
 * @first: the period's first local day
 * @last: its last local day (not before @first)
 * @department_id: the team (a department's staff), 0 for every team
 * @clerk_id: one clerk, 0 for every clerk
 *
 * Returns: (transfer full): the report, made now (the store's clock), not archived; NULL with
 *   @error set
 */
KefuCallbackReport *
kefu_store_callback_report (KefuStore     *self,
                            const GDate   *first,
                            const GDate   *last,
                            gint64         department_id,
                            gint64         clerk_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(KefuCallbackReport) report = NULL;
  g_auto(Period) period = { 0 };
  g_auto(Period) previous = { 0 };
  GDate previous_first;
  GDate previous_last;
  guint n_days;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);
  g_return_val_if_fail (department_id >= 0 && clerk_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = _kefu_callback_report_new ();
  report->first = *first;
  report->last = *last;
  report->department_id = department_id;
  report->clerk_id = clerk_id;
  report->made_at = _kefu_store_now (self);

  /* The period before: as many days, ending the day before the first. */
  n_days = (guint) g_date_days_between (first, last) + 1;
  previous_last = *first;
  g_date_subtract_days (&previous_last, 1);
  previous_first = previous_last;
  g_date_subtract_days (&previous_first, n_days - 1);

  period_init (&period, first, last, department_id, clerk_id);
  period_init (&previous, &previous_first, &previous_last, department_id, clerk_id);
  if (!read_figures (self, &period, &report->figures, cancellable, error) ||
      !read_figures (self, &previous, &report->previous, cancellable, error) ||
      !read_coverage (self, report, cancellable, error))
    return NULL;

  g_clear_pointer (&report->by_reason, g_array_unref);
  g_clear_pointer (&report->by_clerk, g_array_unref);
  g_clear_pointer (&report->words, g_ptr_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  if ((report->by_reason = read_breakdowns (self, &period, TRUE, cancellable, error)) == NULL ||
      (report->by_clerk = read_breakdowns (self, &period, FALSE, cancellable, error)) == NULL ||
      (report->words = read_words (self, &period, cancellable, error)) == NULL ||
      (report->weeks = read_weeks (self, first, last, department_id, clerk_id, cancellable,
                                   error)) == NULL)
    return NULL;

  return g_steal_pointer (&report);
}
