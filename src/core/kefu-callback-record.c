/* kefu-callback-record.c: the callback rules that are not time arithmetic: what a record needs
 * before it is saved ("complete records"), who may do a callback, whether a claim still holds,
 * and the survey periods of "100% of members".
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-aftersales-flow-private.h"
#include "kefu-callback-rules.h"
#include "kefu-enums.h"

static gboolean
refuse (GError            **error,
        KefuCallbackError   code,
        const char         *message)
{
  g_set_error_literal (error, KEFU_CALLBACK_ERROR, code, message);
  return FALSE;
}

/* The outcome fits the way the callback was made: only a call is reached, unanswered or busy;
 * only a message is sent. */
static gboolean
check_method (KefuCallbackOutcome   outcome,
              KefuCallbackMethod    method,
              GError              **error)
{
  switch (outcome)
    {
    case KEFU_CALLBACK_OUTCOME_SENT:
      if (method == KEFU_CALLBACK_METHOD_PHONE)
        return refuse (error, KEFU_CALLBACK_ERROR_NOT_ALLOWED,
                       _("Only an e-mail or SMS callback is sent; for a phone call, record whether the customer was reached."));
      return TRUE;
    case KEFU_CALLBACK_OUTCOME_REACHED:
    case KEFU_CALLBACK_OUTCOME_NO_ANSWER:
    case KEFU_CALLBACK_OUTCOME_BUSY:
      if (method != KEFU_CALLBACK_METHOD_PHONE)
        {
          g_set_error (error, KEFU_CALLBACK_ERROR, KEFU_CALLBACK_ERROR_NOT_ALLOWED,
                       _("“%s” is the outcome of a phone call; record an e-mail or SMS callback as sent."),
                       kefu_callback_outcome_get_display_name (outcome));
          return FALSE;
        }
      return TRUE;
    case KEFU_CALLBACK_OUTCOME_CALL_LATER:
    case KEFU_CALLBACK_OUTCOME_WRONG_NUMBER:
    case KEFU_CALLBACK_OUTCOME_REFUSED:
    case KEFU_CALLBACK_OUTCOME_UNREACHABLE:
    default:
      return TRUE;
    }
}

gboolean
kefu_callback_check_record (KefuCallbackOutcome  outcome,
                            KefuCallbackMethod   method,
                            KefuSatisfaction     satisfaction,
                            const char          *customer_words,
                            GDateTime           *agreed_at,
                            GDateTime           *now,
                            KefuRole             role,
                            gboolean             escalated,
                            GError             **error)
{
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_method (outcome, method, error))
    return FALSE;

  if (outcome != KEFU_CALLBACK_OUTCOME_REACHED && satisfaction != KEFU_SATISFACTION_UNSPECIFIED)
    return refuse (error, KEFU_CALLBACK_ERROR_NOT_ALLOWED,
                   _("A satisfaction answer is recorded only when the customer was reached; clear the answer or record the call as reached."));

  switch (outcome)
    {
    case KEFU_CALLBACK_OUTCOME_REACHED:
      if (satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
        return refuse (error, KEFU_CALLBACK_ERROR_INCOMPLETE,
                       _("Record the customer's answer to the satisfaction question (satisfied, so-so or not satisfied) before saving the callback."));
      if (satisfaction == KEFU_SATISFACTION_NOT_SATISFIED && !_kefu_aftersales_has_text (customer_words))
        return refuse (error, KEFU_CALLBACK_ERROR_INCOMPLETE,
                       _("Write down what the customer is not satisfied with, in their own words, before saving the callback."));
      return TRUE;
    case KEFU_CALLBACK_OUTCOME_CALL_LATER:
      if (agreed_at == NULL)
        return refuse (error, KEFU_CALLBACK_ERROR_INCOMPLETE,
                       _("Give the time the customer asked to be called back at."));
      if (g_date_time_compare (agreed_at, now) <= 0)
        return refuse (error, KEFU_CALLBACK_ERROR_NOT_ALLOWED,
                       _("The agreed time has already passed; give a time later than now."));
      return TRUE;
    case KEFU_CALLBACK_OUTCOME_UNREACHABLE:
      if (!kefu_role_leads_callbacks (role))
        return refuse (error, KEFU_CALLBACK_ERROR_NOT_ALLOWED,
                       _("Only a team lead or a manager closes a callback as unreachable; leave it for your team lead."));
      if (!escalated)
        return refuse (error, KEFU_CALLBACK_ERROR_NOT_ALLOWED,
                       _("A callback is closed as unreachable only once its attempts have run out; keep calling until then."));
      return TRUE;
    case KEFU_CALLBACK_OUTCOME_NO_ANSWER:
    case KEFU_CALLBACK_OUTCOME_BUSY:
    case KEFU_CALLBACK_OUTCOME_WRONG_NUMBER:
    case KEFU_CALLBACK_OUTCOME_REFUSED:
    case KEFU_CALLBACK_OUTCOME_SENT:
    default:
      return TRUE;
    }
}

/* Roles and claims. */

gboolean
kefu_role_leads_callbacks (KefuRole role)
{
  /* The leads of the hotline's work: the same as those who steer the after-sales desk. */
  return _kefu_aftersales_is_lead_or_manager (role);
}

gboolean
kefu_callback_may_do (KefuRole role,
                      gint64   staff_id,
                      gint64   assigned_to)
{
  if (kefu_role_leads_callbacks (role))
    return TRUE;
  return kefu_role_can_make_callbacks (role) && (assigned_to == 0 || assigned_to == staff_id);
}

gboolean
kefu_callback_claim_is_live (GDateTime *renewed_at,
                             GDateTime *now)
{
  g_return_val_if_fail (now != NULL, FALSE);

  if (renewed_at == NULL)
    return FALSE;
  /* A claim renewed "in the future" (a workstation's clock ahead of the store's) still holds. */
  return g_date_time_difference (now, renewed_at) < KEFU_CALLBACK_CLAIM_SECONDS * G_TIME_SPAN_SECOND;
}

/* Survey periods. */

static guint
period_months (KefuSurveyPeriod period)
{
  switch (period)
    {
    case KEFU_SURVEY_PERIOD_MONTH:
      return 1;
    case KEFU_SURVEY_PERIOD_QUARTER:
      return 3;
    case KEFU_SURVEY_PERIOD_HALF:
      return 6;
    case KEFU_SURVEY_PERIOD_YEAR:
      return 12;
    default:
      g_return_val_if_reached (3);
    }
}

void
kefu_survey_period_bounds (KefuSurveyPeriod  period,
                           const GDate      *day,
                           gboolean          previous,
                           GDate            *first,
                           GDate            *last)
{
  guint months = period_months (period);
  guint year;
  guint month;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (first != NULL && last != NULL);

  year = g_date_get_year (day);
  month = (g_date_get_month (day) - 1) / months * months + 1;

  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, (GDateMonth) month, (GDateYear) year);
  if (previous)
    g_date_subtract_months (first, months);

  *last = *first;
  g_date_add_months (last, months);
  g_date_subtract_days (last, 1);
}

/**
 * kefu_survey_period_format:
 *
 * Returns: (transfer full): the period's translated name
 */
char *
kefu_survey_period_format (KefuSurveyPeriod  period,
                           const GDate      *first)
{
  guint year;
  guint month;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);

  year = g_date_get_year (first);
  month = g_date_get_month (first);

  switch (period)
    {
    case KEFU_SURVEY_PERIOD_MONTH:
      /* TRANSLATORS: a month as a survey period: year, month ("2026-11"). */
      return g_strdup_printf (C_("survey period name", "%u-%02u"), year, month);
    case KEFU_SURVEY_PERIOD_QUARTER:
      /* TRANSLATORS: a calendar quarter as a survey period: year, quarter ("2026 Q4"). */
      return g_strdup_printf (C_("survey period name", "%u Q%u"), year, (month - 1) / 3 + 1);
    case KEFU_SURVEY_PERIOD_HALF:
      if (month <= 6)
        /* TRANSLATORS: the first half of a year as a survey period ("2026 H1"). */
        return g_strdup_printf (C_("survey period name", "%u H1"), year);
      /* TRANSLATORS: the second half of a year as a survey period ("2026 H2"). */
      return g_strdup_printf (C_("survey period name", "%u H2"), year);
    case KEFU_SURVEY_PERIOD_YEAR:
      /* TRANSLATORS: a year as a survey period ("2026"). */
      return g_strdup_printf (C_("survey period name", "%u"), year);
    default:
      g_return_val_if_reached (NULL);
    }
}
