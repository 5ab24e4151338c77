/* kefu-store-callbacks.h: callbacks (回访) as the after-sales pane creates them: a completed
 * installation or repair, or a confirmed receipt, schedules one within the callback window
 * (callback.window-days working days, out of the quiet hours). The callback calendar builds
 * on the same table.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/kefu-callback.h"
#include "core/kefu-callback-rules.h"
#include "kefu-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64             id;
  gint64             customer_id;
  char              *customer_name;
  KefuCallbackReason reason;
  char              *source_entity;   /* "service-job", "shipment", "complaint", …; NULL: none */
  gint64             source_id;
  GDateTime         *due_at;
  KefuCallbackState  state;
  gint64             assigned_to;     /* 0: not assigned */
  GDateTime         *created_at;
} KefuCallbackInfo;

void kefu_callback_info_free (KefuCallbackInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallbackInfo, kefu_callback_info_free)

/* Inside a write transaction (store-internal use by the shipment and job writes, and by the
 * callback calendar): schedules a callback for `customer_id` about `source_entity`/`source_id`
 * after an event at `event_time`, due at kefu_callback_first_due () with the customer's own
 * times and with the deadline kefu_callback_deadline () (the site's callback rules); one per
 * source and reason (a second call returns the first's id). Writes a "scheduled" event on
 * entity "callback". Returns the id, 0 with `error` set. */
gint64     _kefu_store_schedule_callback     (KefuStore *self, gint64 customer_id,
                                              KefuCallbackReason reason,
                                              const char *source_entity, gint64 source_id,
                                              GDateTime *event_time,
                                              GCancellable *cancellable, GError **error);

/* The callbacks of a record (e.g. "service-job", 42), oldest first. */
GPtrArray *kefu_store_list_callbacks_for     (KefuStore *self, const char *source_entity,
                                              gint64 source_id,
                                              GCancellable *cancellable, GError **error);
/* A customer's callbacks, newest due first. */
GPtrArray *kefu_store_list_customer_callbacks (KefuStore *self, gint64 customer_id,
                                               GCancellable *cancellable, GError **error);

/* The callback calendar (issue 6). Every write is one transaction with its event (entity
 * "callback"), a version check where it takes a version, and the rules of
 * core/kefu-callback-rules.h read from the settings (kefu_store_read_callback_rules ()).
 * Writes refused by the rules fail with KEFU_STORE_ERROR_INVALID (the rules' reason) or
 * KEFU_STORE_ERROR_PERMISSION; a callback another workstation is doing fails with
 * KEFU_STORE_ERROR_CLAIMED (the message names who); a stale version with
 * KEFU_STORE_ERROR_STALE_VERSION. */

/* The site's callback rules from the settings table (defaults for missing keys; a damaged value
 * is logged and its default used), in the local zone. */
KefuCallbackRules *kefu_store_read_callback_rules  (KefuStore *self, GCancellable *cancellable,
                                                    GError **error);

/* A customer's own callback times (customer_callback_preferences; NULL texts: none). */
gboolean   kefu_store_get_customer_callback_times (KefuStore *self, gint64 customer_id,
                                                   char **quiet, char **preferred,
                                                   GCancellable *cancellable, GError **error);
/* Sets them (NULL or "" clears one); each is checked as KefuTimeRange text. */
gboolean   kefu_store_set_customer_callback_times (KefuStore *self, gint64 customer_id,
                                                   const char *quiet, const char *preferred,
                                                   GCancellable *cancellable, GError **error);

/* A callback made by hand (a lead, or a clerk for a customer who asked): `due_at` NULL plans it
 * by kefu_callback_first_due () from now (or at `agreed_at`); the deadline is
 * kefu_callback_deadline () from now. Returns the id, 0 with `error` set. */
typedef struct
{
  gint64              customer_id;
  KefuCallbackReason  reason;
  const char         *source_entity;  /* NULL: none */
  gint64              source_id;
  const char         *topic;          /* NULL: the reason's name in the script */
  KefuCallbackMethod  method;
  GDateTime          *due_at;         /* NULL: planned by the rules */
  GDateTime          *agreed_at;      /* NULL: none */
  gint64              assigned_to;    /* 0: the team */
} KefuCallbackInput;

gint64     kefu_store_create_callback     (KefuStore *self, const KefuCallbackInput *input,
                                           GCancellable *cancellable, GError **error);
/* One callback with its attempts and joined names; KEFU_STORE_ERROR_NOT_FOUND when gone. */
KefuCallback *kefu_store_get_callback     (KefuStore *self, gint64 callback_id,
                                           GCancellable *cancellable, GError **error);

/* The calendar's month and week views: for each local day from `first` to `last` (in the
 * store's local zone), how many callbacks due that day are done, still due (due_at not past),
 * and overdue (still due, due_at past `now`); `assigned_to` 0: everyone's ("Team"), else one
 * clerk's ("My callbacks": theirs and the team's unassigned ones). Element type
 * KefuCallbackDayCount, one per day, in order. Counted in SQL. */
typedef struct
{
  GDate day;
  guint done;
  guint due;
  guint overdue;
} KefuCallbackDayCount;

GArray    *kefu_store_count_callbacks_by_day (KefuStore *self, const GDate *first,
                                              const GDate *last, gint64 assigned_to,
                                              GDateTime *now, GCancellable *cancellable,
                                              GError **error);
/* The day agenda: the callbacks due from `from` to `to` (UTC bounds of the local day), in
 * due time order (done ones too when `include_done`), as list rows (KefuCallback without
 * attempts); `assigned_to` as above. */
GPtrArray *kefu_store_list_callbacks_due  (KefuStore *self, GDateTime *from, GDateTime *to,
                                           gint64 assigned_to, gboolean include_done,
                                           GCancellable *cancellable, GError **error);
/* Overdue callbacks (due, due_at before `now`), oldest first, at most `limit` (0: all), and
 * those escalated to the lead (attempts ran out), oldest first. */
GPtrArray *kefu_store_list_overdue_callbacks   (KefuStore *self, GDateTime *now,
                                                gint64 assigned_to, guint limit,
                                                GCancellable *cancellable, GError **error);
GPtrArray *kefu_store_list_escalated_callbacks (KefuStore *self, GCancellable *cancellable,
                                                GError **error);
/* How many are overdue (as the list above) and escalated, counted in SQL (the banner, the
 * sidebar). */
gboolean   kefu_store_count_late_callbacks     (KefuStore *self, GDateTime *now,
                                                gint64 assigned_to, guint *n_overdue,
                                                guint *n_escalated, GCancellable *cancellable,
                                                GError **error);

/* Claims (two clerks never call the same customer at once). A claim is the actor's and
 * `workstation`'s (kefu_store_get_workstation_id ()), renewed every
 * KEFU_CALLBACK_CLAIM_RENEW_SECONDS while the callback is open, and lapses after
 * KEFU_CALLBACK_CLAIM_SECONDS without renewal. Claiming one that someone else holds live fails
 * with KEFU_STORE_ERROR_CLAIMED; claiming one's own again renews it. On PostgreSQL the claim
 * locks the row with SELECT … FOR UPDATE (SKIP LOCKED for the next one); on SQLite it is one
 * short immediate transaction. */
gboolean   kefu_store_claim_callback       (KefuStore *self, gint64 callback_id,
                                            const char *workstation,
                                            GCancellable *cancellable, GError **error);
/* Claims the first due callback (due_at up to `until`, oldest first) that nobody holds live and
 * the actor may do (`assigned_to` 0: any of the team's; else that clerk's and the unassigned);
 * returns its id, or 0 (no error) when none is left. Two workstations asking at once get two
 * different callbacks. */
gint64     kefu_store_claim_next_callback  (KefuStore *self, gint64 assigned_to,
                                            GDateTime *until, const char *workstation,
                                            GCancellable *cancellable, GError **error);
gboolean   kefu_store_renew_callback_claim (KefuStore *self, gint64 callback_id,
                                            const char *workstation,
                                            GCancellable *cancellable, GError **error);
/* Gives a claim up (the page was closed without recording); nothing when not the actor's. */
gboolean   kefu_store_release_callback     (KefuStore *self, gint64 callback_id,
                                            const char *workstation,
                                            GCancellable *cancellable, GError **error);
/* This process's workstation id for claims: host name and process id ("pc-07:4242"). */
const char *kefu_store_get_workstation_id  (void);

/* Records one attempt (《回访记录表》), checked by kefu_callback_check_record (); the actor must
 * hold the claim (a lead may record UNREACHABLE without one). Then:
 *   a closing outcome: the callback is done with its outcome, satisfaction and words; for a
 *     complaint callback that reached the customer, the complaint's record-callback is done in
 *     the same transaction (not satisfied reopens the complaint: complaint board rule);
 *   NO_ANSWER, BUSY: due again at kefu_callback_retry_at (), or escalated to the lead when the
 *     attempts ran out (due_at kept);
 *   CALL_LATER: due again at the agreed time (agreed_at set).
 * The claim is released. `version` is the callback's as read. */
typedef struct
{
  KefuCallbackMethod   method;
  KefuCallbackOutcome  outcome;
  KefuSatisfaction     satisfaction;    /* REACHED only */
  const char          *customer_words;  /* what the customer said; NULL: nothing */
  const char          *note;            /* the clerk's note on the attempt; NULL: nothing */
  GDateTime           *agreed_at;       /* CALL_LATER only */
} KefuCallbackRecordInput;

gboolean   kefu_store_record_callback      (KefuStore *self, gint64 callback_id,
                                            gint64 version,
                                            const KefuCallbackRecordInput *input,
                                            GCancellable *cancellable, GError **error);
/* A lead's changes: assign (0: the team), plan at another time (moved to the next allowed slot
 * unless `agreed` says the customer asked for that time), cancel with a reason, give an
 * escalated callback more attempts (clears escalated_at, due at the next allowed slot). */
gboolean   kefu_store_assign_callback      (KefuStore *self, gint64 callback_id, gint64 version,
                                            gint64 staff_id, GCancellable *cancellable,
                                            GError **error);
gboolean   kefu_store_reschedule_callback  (KefuStore *self, gint64 callback_id, gint64 version,
                                            GDateTime *due_at, gboolean agreed,
                                            GCancellable *cancellable, GError **error);
gboolean   kefu_store_cancel_callback      (KefuStore *self, gint64 callback_id, gint64 version,
                                            const char *reason, GCancellable *cancellable,
                                            GError **error);
gboolean   kefu_store_retry_callback       (KefuStore *self, gint64 callback_id, gint64 version,
                                            GCancellable *cancellable, GError **error);

/* 100% of members: of the member customers, how many had a survey callback done (reached or
 * not: any closing outcome) between `first` and `last` (local days), and the first `limit`
 * ids (0: all) of those not yet (by customer id). */
gboolean   kefu_store_member_coverage      (KefuStore *self, const GDate *first,
                                            const GDate *last, guint *n_members,
                                            guint *n_covered, GCancellable *cancellable,
                                            GError **error);
GArray    *kefu_store_list_uncovered_members (KefuStore *self, const GDate *first,
                                              const GDate *last, guint limit,
                                              GCancellable *cancellable, GError **error);

/* A special-occasion (or survey, renewal, maintenance) campaign: the target's customers
 * (members; a district's, `district` contained in their district; a product's buyers,
 * `product_id` on an order or shipment line), spread by kefu_campaign_spread () over `clerks`
 * and the days, one callback each (reason, topic, campaign_id), all in one transaction; a
 * customer who already has a due callback of the same reason in the days is left out. Returns
 * the campaign's id and in `n_created` how many callbacks it made. */
typedef struct
{
  const char         *name;            /* "2027年春节问候" */
  KefuCallbackReason  reason;          /* OCCASION, SURVEY, RENEWAL, MAINTENANCE */
  const char         *topic;           /* the script's {service}; NULL: the name */
  KefuCampaignTarget  target;
  const char         *district;        /* DISTRICT */
  gint64              product_id;      /* PRODUCT */
  const GDate        *first_day;
  const GDate        *last_day;
  const gint64       *clerks;
  guint               n_clerks;
  guint               per_clerk_per_day;
  guint               slot_minutes;
} KefuCampaignInput;

gint64     kefu_store_create_campaign      (KefuStore *self, const KefuCampaignInput *input,
                                            guint *n_created, GCancellable *cancellable,
                                            GError **error);

G_END_DECLS
