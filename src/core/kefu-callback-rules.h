/* kefu-callback-rules.h: the callback rules, "one avoid, three musts" (一个避免,三个必保,
 * domain.md §4), as arithmetic the store, the calendar and kefuctl share:
 *
 *   avoid the customer's rest time: the site's quiet hours (callback.quiet-hours, default
 *     12:00–14:00 and 20:30–09:00) and the customer's own (more quiet ranges, "never before
 *     10:00" = 00:00–10:00; preferred ranges, "prefers evenings" = 18:00–20:30) are never
 *     offered: a computed time moves to the next allowed slot, a clerk starting a call in a quiet
 *     time is warned (kefu_callback_time_is_quiet ());
 *   within three days: the deadline is the end of the callback.window-days-th working day after
 *     the event (work.* settings), moved back out of a quiet time; the first planned time is the
 *     first allowed slot from the next working day's start, not after the deadline when one
 *     exists before it;
 *   100% of members: every member gets a satisfaction callback each survey period
 *     (callback.survey-period); kefu_survey_period_bounds () gives the period of a day;
 *   complete records: kefu_callback_check_record () refuses an outcome without what it needs; a
 *     no-answer or busy attempt schedules the next by itself (callback.retry-minutes later, the
 *     next allowed slot) up to callback.max-attempts, then the callback goes to the lead.
 *
 * An allowed slot is a time on a working day (work.days, not a holiday), within the hotline's
 * hours (office.hours), outside the site's and the customer's quiet ranges, and inside the
 * customer's preferred ranges when they have any that day (otherwise anywhere allowed).
 *
 * Times are GDateTimes in any zone; the rules read them in the site's zone (the rules' `tz`).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-callback.h"
#include "kefu-roles.h"
#include "kefu-types.h"
#include "kefu-work-calendar.h"

G_BEGIN_DECLS

/* A claim not renewed for this long has lapsed (its workstation went away); a workstation
 * doing a callback renews its claim every KEFU_CALLBACK_CLAIM_RENEW_SECONDS. */
#define KEFU_CALLBACK_CLAIM_SECONDS       120
#define KEFU_CALLBACK_CLAIM_RENEW_SECONDS 30

/* Slots are searched this far ahead at most; past it there is no slot (NULL). */
#define KEFU_CALLBACK_SEARCH_DAYS 60

#define KEFU_CALLBACK_ERROR (kefu_callback_error_quark ())

typedef enum
{
  KEFU_CALLBACK_ERROR_INCOMPLETE,   /* a record without what its outcome needs */
  KEFU_CALLBACK_ERROR_NOT_ALLOWED,  /* this outcome, state or role may not do that */
  KEFU_CALLBACK_ERROR_NO_SLOT,      /* no allowed time in the search window */
  KEFU_CALLBACK_ERROR_TOO_MANY,     /* a campaign's calls do not fit its clerks and days */
} KefuCallbackError;

GQuark kefu_callback_error_quark (void);

/* The site's rules, read from the settings: a reference-counted value. */
typedef struct _KefuCallbackRules KefuCallbackRules;

/* The defaults of every setting below, in `tz` (NULL: local). */
KefuCallbackRules *kefu_callback_rules_new         (GTimeZone         *tz);
KefuCallbackRules *kefu_callback_rules_ref         (KefuCallbackRules *self);
void               kefu_callback_rules_unref       (KefuCallbackRules *self);
/* Takes one setting's value (text as in the settings table) if `key` is one the rules use:
 * callback.quiet-hours, callback.window-days, callback.max-attempts, callback.retry-minutes,
 * callback.survey-period, office.hours, work.hours, work.days, work.holidays. Other keys are
 * ignored (TRUE). An invalid value leaves the rule as it was and says why. */
gboolean           kefu_callback_rules_set         (KefuCallbackRules *self,
                                                    const char        *key,
                                                    const char        *value,
                                                    GError           **error);
GTimeZone         *kefu_callback_rules_get_timezone      (KefuCallbackRules *self);
/* KefuTimeRange arrays, owned by the rules. */
GArray            *kefu_callback_rules_get_quiet_hours   (KefuCallbackRules *self);
GArray            *kefu_callback_rules_get_office_hours  (KefuCallbackRules *self);
KefuWorkCalendar  *kefu_callback_rules_get_calendar      (KefuCallbackRules *self);
guint              kefu_callback_rules_get_window_days   (KefuCallbackRules *self);
guint              kefu_callback_rules_get_max_attempts  (KefuCallbackRules *self);
guint              kefu_callback_rules_get_retry_minutes (KefuCallbackRules *self);
KefuSurveyPeriod   kefu_callback_rules_get_survey_period (KefuCallbackRules *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallbackRules, kefu_callback_rules_unref)

/* A customer's own callback times (customer_callback_preferences): more quiet ranges and
 * preferred ranges, each KefuTimeRange text as in the settings ("00:00-10:00", "18:00-20:30");
 * NULL or empty: none. */
typedef struct
{
  GArray *quiet;      /* KefuTimeRange; NULL: none */
  GArray *preferred;  /* KefuTimeRange; NULL: none */
} KefuCallbackPreferences;

/* Parses both texts (either may be NULL or empty); NULL with a reason on an invalid one. */
KefuCallbackPreferences *kefu_callback_preferences_new_from_text (const char  *quiet,
                                                                  const char  *preferred,
                                                                  GError     **error);
void                     kefu_callback_preferences_free          (KefuCallbackPreferences *prefs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallbackPreferences, kefu_callback_preferences_free)

/* TRUE when `time` lies in the site's quiet hours or in the customer's (`prefs` may be NULL):
 * the clerk is warned before calling. */
gboolean   kefu_callback_time_is_quiet   (KefuCallbackRules             *rules,
                                          const KefuCallbackPreferences *prefs,
                                          GDateTime                     *time);
/* TRUE when `time` is an allowed slot (see above), preferred ranges aside. */
gboolean   kefu_callback_time_is_allowed (KefuCallbackRules             *rules,
                                          const KefuCallbackPreferences *prefs,
                                          GDateTime                     *time);
/* The first allowed time at or after `from`, within the customer's preferred ranges when one is
 * found before `prefer_before` (NULL: KEFU_CALLBACK_SEARCH_DAYS), else the first allowed time;
 * NULL (KEFU_CALLBACK_ERROR_NO_SLOT) when none lies within KEFU_CALLBACK_SEARCH_DAYS. Whole
 * minutes; the result is in the rules' zone. */
GDateTime *kefu_callback_next_slot       (KefuCallbackRules             *rules,
                                          const KefuCallbackPreferences *prefs,
                                          GDateTime                     *from,
                                          GDateTime                     *prefer_before,
                                          GError                       **error);

/* The "within three days" limit of a callback for an event at `event_time`: the end of the
 * window-days-th working day after it (its working hours' end), moved back to the last
 * allowed minute before a quiet time it falls in (the site's quiet hours only: the deadline is
 * the site's rule), never before `event_time`. */
GDateTime *kefu_callback_deadline        (KefuCallbackRules             *rules,
                                          GDateTime                     *event_time);
/* The first planned time of a callback for an event at `event_time`: the first allowed slot
 * from the start of the next working day after the event (kefu_callback_next_slot () with the
 * deadline as `prefer_before`); `agreed_at`, when the customer gave one, instead. NULL only
 * when no slot exists in the search window. */
GDateTime *kefu_callback_first_due       (KefuCallbackRules             *rules,
                                          const KefuCallbackPreferences *prefs,
                                          GDateTime                     *event_time,
                                          GDateTime                     *agreed_at);

/* Whether an outcome ends the callback (done) or leaves it due. */
gboolean   kefu_callback_outcome_closes      (KefuCallbackOutcome outcome);
/* Whether an outcome counts towards callback.max-attempts (no answer, busy). */
gboolean   kefu_callback_outcome_is_failure  (KefuCallbackOutcome outcome);

/* The next attempt after a failed one at `attempt_at`, when `n_failures` failed attempts
 * (this one included) have been made: the first allowed slot from retry-minutes × n_failures
 * later; NULL when n_failures reached max-attempts (the callback goes to the lead). */
GDateTime *kefu_callback_retry_at        (KefuCallbackRules             *rules,
                                          const KefuCallbackPreferences *prefs,
                                          GDateTime                     *attempt_at,
                                          guint                          n_failures);

/* What recording an attempt needs ("complete records"), with a translated reason:
 *   REACHED       by phone, a satisfaction answer; not satisfied needs the customer's words;
 *   CALL_LATER    an agreed time after `now`;
 *   SENT          only for e-mail and SMS; REACHED, NO_ANSWER, BUSY only by phone;
 *   UNREACHABLE   only a team lead, the CS manager or the GM office (kefu_role_leads_callbacks
 *                 ()), and only once the callback was escalated (`escalated`);
 *   a satisfaction answer only with REACHED. */
gboolean   kefu_callback_check_record    (KefuCallbackOutcome  outcome,
                                          KefuCallbackMethod   method,
                                          KefuSatisfaction     satisfaction,
                                          const char          *customer_words,
                                          GDateTime           *agreed_at,
                                          GDateTime           *now,
                                          KefuRole             role,
                                          gboolean             escalated,
                                          GError             **error);

/* Who may do a callback: the clerk it is assigned to, anyone of the team when it is assigned to
 * nobody, and the leads (any). Leads also assign, reschedule, cancel and create campaigns. */
gboolean   kefu_role_leads_callbacks     (KefuRole  role);
gboolean   kefu_callback_may_do          (KefuRole  role,
                                          gint64    staff_id,
                                          gint64    assigned_to);

/* Whether a claim renewed at `renewed_at` still holds at `now` (KEFU_CALLBACK_CLAIM_SECONDS). */
gboolean   kefu_callback_claim_is_live   (GDateTime *renewed_at,
                                          GDateTime *now);

/* The survey period holding `day`: its first and last days (a month, a calendar quarter, a half
 * year, a year); `previous` gives the one before it instead. */
void       kefu_survey_period_bounds     (KefuSurveyPeriod  period,
                                          const GDate      *day,
                                          gboolean          previous,
                                          GDate            *first,
                                          GDate            *last);
/* "2026 Q4", "2026年第4季度", "2026-11", …: a period's name for the calendar and the report. */
char      *kefu_survey_period_format     (KefuSurveyPeriod  period,
                                          const GDate      *first);

/* A special-occasion campaign spread over clerks and days (节日 / 促销回访): each customer gets
 * one clerk and one allowed slot (their own preferences kept), the clerks taking turns, no clerk
 * more than `per_clerk_per_day` a day, the slots of one clerk `slot_minutes` apart, days from
 * `first_day` to `last_day` (working days only). */
typedef struct
{
  gint64                          customer_id;
  const KefuCallbackPreferences  *prefs;        /* NULL: none */
} KefuCampaignCustomer;

typedef struct
{
  gint64     customer_id;
  gint64     clerk_id;
  GDateTime *due_at;  /* owned by the array's clear function */
} KefuCampaignSlot;

/* KefuCampaignSlot array (with its clear function) in the order of `customers`; NULL with
 * KEFU_CALLBACK_ERROR_TOO_MANY (the reason says how many fit) when they do not all fit. */
GArray    *kefu_campaign_spread          (KefuCallbackRules          *rules,
                                          const KefuCampaignCustomer *customers,
                                          guint                       n_customers,
                                          const gint64               *clerks,
                                          guint                       n_clerks,
                                          const GDate                *first_day,
                                          const GDate                *last_day,
                                          guint                       per_clerk_per_day,
                                          guint                       slot_minutes,
                                          GError                    **error);

/* The script's text with its placeholders filled: {customer} (the customer's name), {company}
 * (site.company-name), {clerk} (the clerk's name), {service} (the callback's topic or its
 * reason's name), {date} (the service's day, "11月24日" / "Nov 24"). An unknown placeholder is
 * left as it is. */
char      *kefu_callback_script_fill     (const char   *template_text,
                                          const char   *customer,
                                          const char   *company,
                                          const char   *clerk,
                                          const char   *service,
                                          const GDate  *date);
/* The names of the placeholders a template uses that kefu_callback_script_fill () does not
 * know (for the settings' check); NULL when none. */
GStrv      kefu_callback_script_unknown_placeholders (const char *template_text);

G_END_DECLS
