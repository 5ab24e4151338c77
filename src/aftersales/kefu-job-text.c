/* kefu-job-text.c: the words of the service-job widgets.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-text"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-job-flow.h"

#include "kefu-job-text.h"

char *
kefu_job_text_progress (KefuJobKind kind,
                        KefuJobStep step)
{
  guint position = 0;
  guint n_steps = 0;

  kefu_job_step_progress (kind, step, &position, &n_steps);
  /* Translators: a job's step in its kind's way, e.g. "3/6 Dispatched". */
  return g_strdup_printf (_("%u/%u %s"), position, n_steps, kefu_job_step_get_display_name (step));
}

GDateTime *
kefu_job_text_step_since (KefuServiceJob *job)
{
  g_return_val_if_fail (KEFU_IS_SERVICE_JOB (job), NULL);

  switch (job->step)
    {
    case KEFU_JOB_STEP_REPORTED:
      /* A diagnosis (or a rejected request) starts the wait again. */
      if (job->diagnosed_at != NULL
          && (job->reported_at == NULL
              || g_date_time_compare (job->diagnosed_at, job->reported_at) > 0))
        return job->diagnosed_at;
      return job->reported_at;
    case KEFU_JOB_STEP_SUPPORT_REQUESTED:
      return job->support_requested_at;
    case KEFU_JOB_STEP_APPROVED:
      return job->approved_at;
    case KEFU_JOB_STEP_DISPATCHED:
      return job->dispatched_at;
    case KEFU_JOB_STEP_ON_TRIP:
      return job->departed_at;
    case KEFU_JOB_STEP_SENT_TO_FACTORY:
      return job->sent_to_factory_at;
    case KEFU_JOB_STEP_AT_FACTORY:
      return job->received_at_factory_at;
    case KEFU_JOB_STEP_REPAIRED:
      return job->repaired_at;
    case KEFU_JOB_STEP_SENT_BACK:
      return job->sent_back_at;
    case KEFU_JOB_STEP_COMPLETED:
    case KEFU_JOB_STEP_CANCELLED:
    default:
      return NULL;
    }
}

char *
kefu_job_text_waiting (KefuServiceJob *job,
                       GDateTime      *now)
{
  GDateTime *since;
  GTimeSpan span;
  gint64 minutes;

  g_return_val_if_fail (KEFU_IS_SERVICE_JOB (job), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  since = kefu_job_text_step_since (job);
  if (since == NULL)
    return g_strdup ("");

  span = MAX (g_date_time_difference (now, since), 0);
  minutes = span / G_TIME_SPAN_MINUTE;
  if (minutes >= 24 * 60)
    /* Translators: how long a job has waited in its step, in days and hours. */
    return g_strdup_printf (_("%d d %d h"), (int) (minutes / (24 * 60)),
                            (int) (minutes / 60 % 24));
  if (minutes >= 60)
    /* Translators: how long a job has waited in its step, in hours and minutes. */
    return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
  /* Translators: how long a job has waited in its step, in minutes. */
  return g_strdup_printf (_("%d min"), (int) minutes);
}

char *
kefu_job_text_day (const GDate *day)
{
  char buffer[32];

  if (day == NULL || !g_date_valid (day))
    return g_strdup ("");
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", day);
  return g_strdup (buffer);
}
