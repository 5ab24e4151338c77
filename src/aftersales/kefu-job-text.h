/* kefu-job-text.h: the words of the service-job list, page and dialogs beyond the enums'
 * names (kefu-enums.h): the step as a compact "3/6 Dispatched", when a job entered its step
 * and how long it has waited there, and days as the forms write them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/kefu-service-job.h"

G_BEGIN_DECLS

/* The step in its kind's way: "3/6 Dispatched" (newly allocated). */
char       *kefu_job_text_progress        (KefuJobKind       kind,
                                           KefuJobStep       step);
/* When the job entered its step (transfer none), NULL for a final step. */
GDateTime  *kefu_job_text_step_since      (KefuServiceJob   *job);
/* How long the job has waited in its step at `now`: "3 d 2 h", "5 h 10 min", "12 min"; "" for a
 * final step (newly allocated). */
char       *kefu_job_text_waiting         (KefuServiceJob   *job,
                                           GDateTime        *now);
/* The kind and the warranty as the list's narrow badges say them ("On-site", "In"); the
 * enums' full names go in their tooltips. */
const char *kefu_job_text_kind_short      (KefuJobKind       kind);
const char *kefu_job_text_warranty_short  (KefuWarrantyState warranty);
/* "11-23" for a day of `now`'s year, "2025-11-23" otherwise: the list's short day (newly
 * allocated; "" for NULL). */
char       *kefu_job_text_short_day       (GDateTime        *time,
                                           GDateTime        *now);
/* "2026-12-01" for a valid day, "" otherwise (newly allocated). */
char       *kefu_job_text_day             (const GDate      *day);

G_END_DECLS
