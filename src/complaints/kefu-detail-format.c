/* kefu-detail-format.c: words and times of the complaint detail page.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-detail-format.h"

char *
kefu_detail_format_local_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "3 d 2 h", "2 h 10 min", "12 min": the two largest units, which is what a person reads. */
static char *
format_span (gint64 minutes)
{
  int days = (int) MIN (minutes / (24 * 60), G_MAXINT);
  int hours = (int) ((minutes / 60) % 24);
  int mins = (int) (minutes % 60);

  if (days > 0 && hours > 0)
    /* Translators: a span of time, days and hours, e.g. "3 d 2 h". */
    return g_strdup_printf (_("%d d %d h"), days, hours);
  if (days > 0)
    /* Translators: a span of time in days, e.g. "3 d". */
    return g_strdup_printf (_("%d d"), days);
  if (hours > 0 && mins > 0)
    /* Translators: a span of time, hours and minutes, e.g. "2 h 10 min". */
    return g_strdup_printf (_("%d h %d min"), hours, mins);
  if (hours > 0)
    /* Translators: a span of time in hours, e.g. "2 h". */
    return g_strdup_printf (_("%d h"), hours);
  /* Translators: a span of time in minutes, e.g. "12 min". */
  return g_strdup_printf (_("%d min"), mins);
}

char *
kefu_detail_format_time_left (GDateTime *due,
                              GDateTime *now)
{
  g_autofree char *span = NULL;
  GTimeSpan diff;
  gint64 minutes;

  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  diff = g_date_time_difference (due, now);
  if (diff >= 0)
    {
      /* A part of a minute left still counts as a minute: "0 min left" would read as late. */
      minutes = (diff + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE;
      span = format_span (minutes);
      /* Translators: %s is a span of time, e.g. "2 h 10 min left". */
      return g_strdup_printf (_("%s left"), span);
    }

  minutes = (-diff) / G_TIME_SPAN_MINUTE;
  span = format_span (MAX (minutes, 1));
  /* Translators: %s is a span of time, e.g. "Overdue 3 h" (超时 3 小时). */
  return g_strdup_printf (_("Overdue %s"), span);
}

const char *
kefu_detail_satisfaction_name (KefuSatisfaction satisfaction)
{
  switch (satisfaction)
    {
    case KEFU_SATISFACTION_SATISFIED:
      return _("Satisfied");
    case KEFU_SATISFACTION_SO_SO:
      /* Translators: the customer's answer at a callback, 一般. */
      return _("So-so");
    case KEFU_SATISFACTION_NOT_SATISFIED:
      return _("Not satisfied");
    case KEFU_SATISFACTION_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
kefu_detail_deadline_name (KefuComplaintDeadline deadline)
{
  switch (deadline)
    {
    case KEFU_COMPLAINT_DEADLINE_ROUTE:
      /* Translators: a deadline: the complaint must be routed to departments. */
      return C_("deadline", "Route");
    case KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE:
      /* Translators: a deadline: a routed department acknowledges (受理) the complaint. */
      return C_("deadline", "Acknowledge");
    case KEFU_COMPLAINT_DEADLINE_RESOLVE:
      return C_("deadline", "Resolve");
    case KEFU_COMPLAINT_DEADLINE_CALLBACK:
      /* Translators: a deadline: the customer is called back (回访). */
      return C_("deadline", "Call back");
    case KEFU_COMPLAINT_DEADLINE_NONE:
    default:
      return NULL;
    }
}

const char *
kefu_detail_escalation_name (KefuEscalationLevel level)
{
  switch (level)
    {
    case KEFU_ESCALATION_TEAM_LEAD:
      return _("Escalated to the team lead");
    case KEFU_ESCALATION_CS_MANAGER:
      return _("Escalated to the CS manager");
    case KEFU_ESCALATION_GM_OFFICE:
      return _("Escalated to the GM office");
    case KEFU_ESCALATION_NONE:
    default:
      return _("Not escalated");
    }
}

const char *
kefu_detail_action_label (KefuComplaintAction action)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      return _("_Route…");
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      /* Translators: a button: a routed department takes the complaint on (受理). */
      return _("_Acknowledge");
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      return _("Record _Resolution…");
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      return _("Record _Callback…");
    case KEFU_COMPLAINT_ACTION_REOPEN:
      return _("Re_open…");
    case KEFU_COMPLAINT_ACTION_CLOSE:
      /* Translators: a button: close the complaint for good (结案). */
      return _("C_lose…");
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      return _("Add _Note…");
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      return _("Record _Visit…");
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      return _("_Escalate…");
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      return _("Change _Departments…");
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
      return _("_Edit…");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
kefu_detail_deadline_style_class (KefuDeadlineState state)
{
  switch (state)
    {
    case KEFU_DEADLINE_STATE_ON_TIME:
      return "success";
    case KEFU_DEADLINE_STATE_SOON:
      return "warning";
    case KEFU_DEADLINE_STATE_OVERDUE:
      return "error";
    case KEFU_DEADLINE_STATE_NONE:
    default:
      return NULL;
    }
}

const char *
kefu_detail_deadline_icon_name (KefuDeadlineState state)
{
  /* The same icons as the board's cards, so a deadline looks the same everywhere. */
  switch (state)
    {
    case KEFU_DEADLINE_STATE_SOON:
      return "appointment-soon-symbolic";
    case KEFU_DEADLINE_STATE_OVERDUE:
      return "appointment-missed-symbolic";
    case KEFU_DEADLINE_STATE_ON_TIME:
    case KEFU_DEADLINE_STATE_NONE:
    default:
      return "alarm-symbolic";
    }
}
