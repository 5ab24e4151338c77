/* kefu-store-callback-report-private.h: what the report's two files share: an empty report
 * and the element types' clear functions (kefu-store-callback-report-json.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-callback-report.h"

G_BEGIN_DECLS

/* The clerk a callback counts for: who did it once done, who it is assigned to before. */
#define KEFU_CALLBACK_CLERK_ID \
  "(CASE WHEN callbacks.state = 'done' THEN callbacks.done_by ELSE callbacks.assigned_to END)"

/* The eight figures of kefu-store-callback-report.h, in the order of KefuCallbackFigures.
 * WRONG_NUMBER counts as unreachable (the customer was never reached at that number), so that
 * on time, late, unreachable and open add up to the due ones. A callback of schema step 4
 * without an outcome counts by its times. Times compare as timestamptz on PostgreSQL and as
 * the stored UTC text ("YYYY-MM-DD HH:MM:SS.SSSZ", which sorts as time) on SQLite. */
#define KEFU_CALLBACK_UNREACHABLE "COALESCE(callbacks.outcome, '') IN ('unreachable', 'wrong-number')"
/* The figures' conditions, shared with the dashboard (kefu-store-dashboard-callbacks.c),
 * which counts the same callbacks the same way. */
#define KEFU_CALLBACK_DUE "callbacks.state <> 'cancelled'"
#define KEFU_CALLBACK_OPEN "callbacks.state = 'due'"
#define KEFU_CALLBACK_ON_TIME \
  "callbacks.state = 'done' AND NOT " KEFU_CALLBACK_UNREACHABLE " AND " \
  "callbacks.done_at <= callbacks.deadline_at"
#define KEFU_CALLBACK_LATE \
  "callbacks.state = 'done' AND NOT " KEFU_CALLBACK_UNREACHABLE " AND " \
  "callbacks.done_at > callbacks.deadline_at"
#define KEFU_CALLBACK_REACHED(S) \
  "callbacks.state = 'done' AND callbacks.outcome = 'reached' AND callbacks.satisfaction = '" \
  S "'"

#define KEFU_CALLBACK_DONE_REACHED(S) \
  "COALESCE(SUM(CASE WHEN " KEFU_CALLBACK_REACHED (S) " THEN 1 ELSE 0 END), 0)"
#define KEFU_CALLBACK_FIGURES \
  "COALESCE(SUM(CASE WHEN " KEFU_CALLBACK_DUE " THEN 1 ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN " KEFU_CALLBACK_ON_TIME " THEN 1 ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN " KEFU_CALLBACK_LATE " THEN 1 ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN callbacks.state = 'done' AND " KEFU_CALLBACK_UNREACHABLE " THEN 1 " \
  "ELSE 0 END), 0), " \
  "COALESCE(SUM(CASE WHEN " KEFU_CALLBACK_OPEN " THEN 1 ELSE 0 END), 0), " \
  KEFU_CALLBACK_DONE_REACHED ("satisfied") ", " KEFU_CALLBACK_DONE_REACHED ("so-so") ", " KEFU_CALLBACK_DONE_REACHED ("not-satisfied")

/* A report with empty arrays (their element types and clear functions set). */
KefuCallbackReport *_kefu_callback_report_new       (void);
/* An empty array of KefuCallbackBreakdown that frees each row's name. */
GArray             *_kefu_callback_breakdowns_new   (void);
void                _kefu_callback_words_free       (KefuCallbackWords *words);

G_END_DECLS
