/* kefu-store-dashboard-private.h: what the dashboard's files share (kefu-store-dashboard.h):
 * the period being counted, the query templates every figure and its records list are written
 * in, and the folding of the hourly counts into buckets.
 *
 * A template is SQL with tokens in braces, replaced per backend so that each figure is one
 * statement on both:
 *   {prev} {from} {to}   the UTC start of the previous period, of the period, and the end of
 *                        the period (bound parameters);
 *   {lo} {hi}            the bounds of the half the statement is run for ({from} {to}, or
 *                        {prev} {from} for the previous period);
 *   {now}                the store's clock;
 *   {dept} {clerk} {key} the team, the clerk and the figure's key, as BIGINT parameters;
 *   {hrange:COLUMN}      COLUMN in either period (SQLite: by its hour, as calls_hour is);
 *   {hours} {phours}     dashboard_hours.hour in either period, or in the period;
 *   {hour:EXPR}          EXPR's UTC hour (SQLite: the text "YYYY-MM-DD HH"; PostgreSQL:
 *                        date_trunc('hour', EXPR));
 *   {secs:A,B}           the seconds from B to A;
 *   {days30:EXPR}        EXPR less 30 days;
 *   {yes:EXPR}           the boolean column EXPR is true;
 *   {noidx:EXPR}         EXPR, not to be looked up through an index (SQLite: +EXPR; the
 *                        SQLite planner has no statistics).
 * A parameter used twice is bound once.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-dashboard.h"
#include "kefu-store-internal.h"

G_BEGIN_DECLS

typedef struct
{
  KefuStore  *store;
  GTimeZone  *local;
  GDate       first;
  GDate       last;
  GDate       previous_first;
  guint       n_days;
  gboolean    hourly;
  guint       n_buckets;
  gint64      department_id;
  gint64      clerk_id;
  char       *prev;      /* UTC text bounds */
  char       *from;
  char       *to;
  char       *now;
  GDateTime  *now_time;
  GDateTime  *from_time; /* UTC */
  GDateTime  *to_time;
  GDateTime  *prev_time;
} KefuDashPeriod;

void       _kefu_dash_period_init   (KefuDashPeriod            *p,
                                     KefuStore                 *store,
                                     const KefuDashboardQuery  *query);
void       _kefu_dash_period_clear  (KefuDashPeriod            *p);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuDashPeriod, _kefu_dash_period_clear)

/* An empty dashboard of the period (its counts' series set up); `kefuctl bench dashboard`
 * fills it one section at a time to time each. */
KefuDashboard *_kefu_dash_new       (const KefuDashPeriod     *p,
                                     const KefuDashboardQuery *query);

/* Runs template `sql` (see above); `previous` picks the half {lo} and {hi} stand for. */
KefuRows  *_kefu_dash_query         (KefuDashPeriod  *p,
                                     const char      *sql,
                                     gboolean         previous,
                                     gint64           key,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* The first column of every row of template `sql`, as gint64 (record ids). */
GArray    *_kefu_dash_ids           (KefuDashPeriod  *p,
                                     const char      *sql,
                                     gint64           key,
                                     GCancellable    *cancellable,
                                     GError         **error);

/* Where the UTC hour `text` (column of {hour:…}) falls: FALSE when in neither period; else
 * `previous`, the bucket, and the local hour of day. */
gboolean   _kefu_dash_place         (KefuDashPeriod  *p,
                                     const char      *text,
                                     gboolean        *previous,
                                     guint           *bucket,
                                     guint           *local_hour);
void       _kefu_dash_count_init    (KefuDashboardCount *count,
                                     guint               n_buckets);
void       _kefu_dash_count_clear   (KefuDashboardCount *count);
void       _kefu_dash_count_add     (KefuDashboardCount *count,
                                     gboolean            previous,
                                     guint               bucket,
                                     guint               n);
/* The counts kept per UTC hour (dashboard_hours, schema step 14). */
typedef struct
{
  const char          *name;   /* the metric */
  KefuDashboardCount  *count;  /* where it adds up, or NULL */
} KefuDashMetric;

/* Called for each hour's count of metrics[index] that falls in either period. */
typedef void (*KefuDashHourFunc) (gpointer  data,
                                  guint     index,
                                  gboolean  previous,
                                  guint     bucket,
                                  guint     local_hour,
                                  guint     n);

/* Adds the counts of `metrics` in both periods, of the team or clerk, into their counts, and
 * hands each to `func` (when not NULL). */
gboolean   _kefu_dash_read_hours    (KefuDashPeriod        *p,
                                     const KefuDashMetric  *metrics,
                                     guint                  n_metrics,
                                     KefuDashHourFunc       func,
                                     gpointer               data,
                                     GCancellable          *cancellable,
                                     GError               **error);

/* The lower median and its n of template `sql`, whose one column `d` is the value, over the
 * period and over the previous one ({lo} {hi}); `scale` divides the value (86400: days). */
gboolean   _kefu_dash_median        (KefuDashPeriod       *p,
                                     const char           *sql,
                                     double                scale,
                                     KefuDashboardMedian  *median,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* The team and clerk filter on the staff id `column`. */
#define KEFU_DASH_WHO(column) \
  "({dept} = 0 OR " column " IN (SELECT staff.id FROM staff WHERE staff.department_id = " \
  "{dept})) AND ({clerk} = 0 OR " column " = {clerk})"
#define KEFU_DASH_BOTH(column) column " >= {prev} AND " column " < {to}"
#define KEFU_DASH_PERIOD(column) column " >= {from} AND " column " < {to}"

/* The sections (kefu-store-dashboard-calls.c, -complaints.c, -callbacks.c, -aftersales.c). */
gboolean   _kefu_dash_read_calls      (KefuDashPeriod *p, KefuDashboard *d,
                                       GCancellable *cancellable, GError **error);
gboolean   _kefu_dash_read_clerks     (KefuDashPeriod *p, KefuDashboard *d,
                                       GCancellable *cancellable, GError **error);
gboolean   _kefu_dash_read_complaints (KefuDashPeriod *p, KefuDashboard *d,
                                       GCancellable *cancellable, GError **error);
gboolean   _kefu_dash_read_callbacks  (KefuDashPeriod *p, KefuDashboard *d,
                                       GCancellable *cancellable, GError **error);
gboolean   _kefu_dash_read_aftersales (KefuDashPeriod *p, KefuDashboard *d,
                                       GCancellable *cancellable, GError **error);

/* The records of a figure, by section; NULL with `error` (or an empty array for a key that
 * names nothing). */
GArray    *_kefu_dash_call_ids        (KefuDashPeriod *p, KefuDashboardFigure figure,
                                       gint64 key, GCancellable *cancellable, GError **error);
GArray    *_kefu_dash_complaint_ids   (KefuDashPeriod *p, KefuDashboardFigure figure,
                                       gint64 key, GCancellable *cancellable, GError **error);
GArray    *_kefu_dash_callback_ids    (KefuDashPeriod *p, KefuDashboardFigure figure,
                                       gint64 key, GCancellable *cancellable, GError **error);
GArray    *_kefu_dash_aftersales_ids  (KefuDashPeriod *p, KefuDashboardFigure figure,
                                       gint64 key, GCancellable *cancellable, GError **error);

/* The open complaints: every stage but Closed and Explained, named so that the few open ones
 * are read through complaints_stage rather than by reading every complaint. */
#define KEFU_DASH_COMPLAINT_OPEN \
  "complaints.stage IN ('new', 'routed', 'in-progress', 'resolved', 'called-back', " \
  "'reopened') AND complaints.archived_at IS NULL"

G_END_DECLS
