/* kefu-store-callback-report.h: the callback summary report (《回访总结报告》): for a period
 * and a team or a clerk, the callbacks due, done on time, done late, unreachable; the members'
 * coverage; the satisfaction split by reason and by clerk; the customers' words verbatim; the
 * same figures of the period before; the satisfaction week by week for the chart. Every figure
 * is counted in SQL over the callbacks table; the report is archived (its figures as JSON and
 * when it was made) in callback_reports.
 *
 * Which callbacks a period holds: those whose deadline (deadline_at) falls in it, by local day
 * (a callback is judged against the day it was due). Of those:
 *   due          every one not cancelled;
 *   on_time      done with done_at <= deadline_at, outcome not UNREACHABLE;
 *   late         done with done_at > deadline_at, outcome not UNREACHABLE;
 *   unreachable  done with outcome UNREACHABLE or WRONG_NUMBER;
 *   open         still due (state 'due');
 *   satisfied / so_so / not_satisfied   done and reached, by satisfaction.
 * Members' coverage is kefu_store_member_coverage () over the survey period holding the
 * period's last day.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint due;
  guint on_time;
  guint late;
  guint unreachable;
  guint open;
  guint satisfied;
  guint so_so;
  guint not_satisfied;
} KefuCallbackFigures;

/* One row of a breakdown: a reason's (`reason` set, `staff_id` 0) or a clerk's (`staff_id` and
 * `name` set; the clerk who did it, or who it is assigned to while open). */
typedef struct
{
  KefuCallbackReason  reason;
  gint64              staff_id;
  char               *name;
  KefuCallbackFigures figures;
} KefuCallbackBreakdown;

/* What a customer said, verbatim (customer_words of a done callback), newest first. */
typedef struct
{
  GDateTime          *done_at;
  char               *customer_name;
  KefuCallbackReason  reason;
  KefuSatisfaction    satisfaction;
  char               *words;
  char               *clerk_name;
} KefuCallbackWords;

/* The satisfaction answers of one week (Monday `week`) of the period, for the chart. */
typedef struct
{
  GDate week;
  guint satisfied;
  guint so_so;
  guint not_satisfied;
} KefuCallbackWeek;

typedef struct
{
  GDate               first;
  GDate               last;
  gint64              department_id;   /* 0: every team */
  gint64              clerk_id;        /* 0: every clerk */
  KefuCallbackFigures figures;
  KefuCallbackFigures previous;        /* the same length of days just before `first` */
  guint               n_members;
  guint               n_members_covered;
  GArray             *by_reason;       /* KefuCallbackBreakdown, reasons with callbacks, in enum order */
  GArray             *by_clerk;        /* KefuCallbackBreakdown, by name */
  GPtrArray          *words;           /* KefuCallbackWords */
  GArray             *weeks;           /* KefuCallbackWeek, every week meeting the period */
  GDateTime          *made_at;
  gint64              archive_id;      /* 0 until archived */
} KefuCallbackReport;

void kefu_callback_report_free (KefuCallbackReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallbackReport, kefu_callback_report_free)

/* The report of the local days `first` to `last` for a team (`department_id`, the clerks of a
 * department; 0: all) or a clerk (`clerk_id`; 0: all). */
KefuCallbackReport *kefu_store_callback_report        (KefuStore *self, const GDate *first,
                                                       const GDate *last, gint64 department_id,
                                                       gint64 clerk_id,
                                                       GCancellable *cancellable,
                                                       GError **error);
/* Archives the report's figures (callback_reports: the period, the team or clerk, the figures
 * as JSON, made_at, made_by the actor) and sets its archive_id. */
gboolean            kefu_store_archive_callback_report (KefuStore *self,
                                                        KefuCallbackReport *report,
                                                        GCancellable *cancellable,
                                                        GError **error);
/* The figures as the archive keeps them (JSON text), and back: a report read from the archive
 * has its figures, previous figures, coverage and breakdowns (not the words nor the weeks). */
char               *kefu_callback_report_to_json      (const KefuCallbackReport *report);
KefuCallbackReport *kefu_callback_report_from_json    (const char *json, GError **error);

G_END_DECLS
