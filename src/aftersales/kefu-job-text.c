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

const char *
kefu_job_text_kind_short (KefuJobKind kind)
{
  switch (kind)
    {
    case KEFU_JOB_KIND_INSTALLATION:
      /* Translators: a job's kind in the job list's narrow Kind column (安装). */
      return C_("job kind, short", "Install");
    case KEFU_JOB_KIND_REPAIR:
      /* Translators: a repair not diagnosed yet, in the job list's narrow Kind column (待诊断). */
      return C_("job kind, short", "To diagnose");
    case KEFU_JOB_KIND_ONSITE_REPAIR:
      /* Translators: a repair at the customer's, in the job list's narrow Kind column (上门维修). */
      return C_("job kind, short", "On-site");
    case KEFU_JOB_KIND_FACTORY_REPAIR:
      /* Translators: a repair at the factory, in the job list's narrow Kind column (返厂维修). */
      return C_("job kind, short", "Factory");
    case KEFU_JOB_KIND_REPLACEMENT:
      /* Translators: a replacement, in the job list's narrow Kind column (产品更换). */
      return C_("job kind, short", "Replace");
    case KEFU_JOB_KIND_RETURN:
      /* Translators: a return, in the job list's narrow Kind column (产品返回). */
      return C_("job kind, short", "Return");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
kefu_job_text_warranty_short (KefuWarrantyState warranty)
{
  switch (warranty)
    {
    case KEFU_WARRANTY_IN:
      /* Translators: in warranty, on the job list's narrow badge (保内). */
      return C_("warranty, short", "In");
    case KEFU_WARRANTY_OUT:
      /* Translators: out of warranty (paid), on the job list's narrow badge (保外). */
      return C_("warranty, short", "Out");
    case KEFU_WARRANTY_UNKNOWN:
      /* Translators: warranty unknown, on the job list's narrow badge (未知). */
      return C_("warranty, short", "Unknown");
    default:
      g_return_val_if_reached ("");
    }
}

char *
kefu_job_text_short_day (GDateTime *time,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  /* The year is said only when it is not this one: the list is mostly of recent jobs. */
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    return g_date_time_format (local, "%m-%d");
  return g_date_time_format (local, "%Y-%m-%d");
}
