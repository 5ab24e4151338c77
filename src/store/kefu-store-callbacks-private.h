/* kefu-store-callbacks-private.h: what the callback calendar's store files share: the columns of
 * a callback with its joined names and the record read from a row (kefu-store-callbacks-read.c),
 * a callback read and locked for a write, the actor, the customer's own times, and the
 * complaint board's side of a complaint callback (kefu-store-callbacks-record.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-internal.h"
#include "kefu-store-callbacks.h"

G_BEGIN_DECLS

#define KEFU_CALLBACK_ENTITY "callback"

/* A list row: the callback's columns with the customer's phone and membership, the source
 * record's reference, the campaign's and the staff's names joined in (FROM KEFU_CALLBACK_FROM). */
extern const char _kefu_callback_columns[];
#define KEFU_CALLBACK_FROM \
  "callbacks " \
  "LEFT JOIN customers ON customers.id = callbacks.customer_id " \
  "LEFT JOIN callback_campaigns ON callback_campaigns.id = callbacks.campaign_id " \
  "LEFT JOIN staff AS assignee ON assignee.id = callbacks.assigned_to " \
  "LEFT JOIN staff AS claimer ON claimer.id = callbacks.claimed_by " \
  "LEFT JOIN staff AS doer ON doer.id = callbacks.done_by"

KefuCallback *_kefu_store_callback_from_row   (KefuRows *rows, guint row);
/* The rows of `sql` (SELECT _kefu_callback_columns FROM KEFU_CALLBACK_FROM …) as callbacks
 * (element type KefuCallback, without attempts), in their order. */
GPtrArray    *_kefu_store_read_callbacks      (KefuStore *self, const char *sql,
                                               GVariant *params,
                                               GCancellable *cancellable, GError **error);

/* A new callback (kefu-store-callbacks.c): every write that makes one inserts it this way. */
typedef struct
{
  gint64              customer_id;
  KefuCallbackReason  reason;
  const char         *source_entity;  /* NULL: none */
  gint64              source_id;
  const char         *topic;          /* stored form; NULL: none */
  KefuCallbackMethod  method;
  GDateTime          *due_at;
  GDateTime          *deadline_at;
  GDateTime          *agreed_at;      /* NULL: none */
  gint64              assigned_to;    /* 0: the team */
  gint64              campaign_id;    /* 0: none */
} KefuCallbackNew;

/* Inside a write transaction: inserts the callback (the customer's name copied in) with the
 * event `action`; returns its id, 0 with `error` set (NOT_FOUND: no such customer). */
gint64        _kefu_store_callback_insert     (KefuStore *self, const KefuCallbackNew *n,
                                               const char *action,
                                               GCancellable *cancellable, GError **error);
/* The deadline and first planned time of a callback for an event at `event_time` (or at
 * `agreed_at`), by the site's rules and the customer's times (transfer full). */
gboolean      _kefu_store_callback_plan       (KefuStore *self, gint64 customer_id,
                                               GDateTime *event_time, GDateTime *agreed_at,
                                               GDateTime **due_at, GDateTime **deadline_at,
                                               GCancellable *cancellable, GError **error);

/* The customer's own callback times as rules take them; none when unset, and none (logged) when
 * what is stored no longer parses. NULL only with `error` set. */
KefuCallbackPreferences *_kefu_store_callback_preferences (KefuStore *self, gint64 customer_id,
                                                           GCancellable *cancellable,
                                                           GError **error);

/* Sets `message` as a KEFU_STORE_ERROR of `code`; FALSE. */
gboolean      _kefu_store_callback_fail       (GError **error, KefuStoreError code,
                                               const char *message);

/* Inside a write transaction: the acting staff member's role; NO_ACTOR when nobody is signed in,
 * PERMISSION for staff who have left. */
gboolean      _kefu_store_callback_actor_role (KefuStore *self, KefuRole *role,
                                               GCancellable *cancellable, GError **error);

/* A callback read for a write. */
typedef struct
{
  gint64             id;
  gint64             version;
  gint64             customer_id;
  KefuCallbackReason reason;
  KefuCallbackState  state;
  char              *source_entity;
  gint64             source_id;
  gint64             assigned_to;
  gint64             claimed_by;
  char              *claimed_by_name;
  char              *claim_workstation;
  GDateTime         *claim_renewed_at;
  guint              n_attempts;
  GDateTime         *escalated_at;
  GDateTime         *due_at;
} KefuCallbackRow;

void          _kefu_callback_row_clear        (KefuCallbackRow *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuCallbackRow, _kefu_callback_row_clear)

/* Inside a write transaction: reads the callback and locks its row (PostgreSQL FOR UPDATE; SQLite's
 * write transaction excludes every other writer); NOT_FOUND when gone, STALE_VERSION when
 * `version` (>= 1) is not its version (0: no check). */
gboolean      _kefu_store_callback_lock       (KefuStore *self, gint64 callback_id,
                                               gint64 version, KefuCallbackRow *row,
                                               GCancellable *cancellable, GError **error);
/* Whether someone other than `actor` holds the callback's claim live at `now`; sets
 * KEFU_STORE_ERROR_CLAIMED naming them when so. */
gboolean      _kefu_store_callback_held_by_other (const KefuCallbackRow *row, gint64 actor,
                                                  GDateTime *now, GError **error);
/* Refuses a callback that is no longer due (done or cancelled) with INVALID. */
gboolean      _kefu_store_callback_check_due  (const KefuCallbackRow *row, GError **error);

/* Appends "{…}" details for the callback event `action`. */
gboolean      _kefu_store_callback_event      (KefuStore *self, gint64 callback_id,
                                               const char *action, GString *details,
                                               GCancellable *cancellable, GError **error);

/* Inside a write transaction, from the complaint board (kefu-store-complaint-actions.c):
 * a resolved complaint schedules its after-complaint callback (source "complaint"; the one of
 * an earlier resolution is made due again), and a callback recorded on the board marks that
 * callback done with the same satisfaction and words, as an attempt by the actor, so that the
 * board and the calendar never disagree. No customer: nothing to schedule (TRUE). */
gboolean      _kefu_store_callback_complaint_resolved (KefuStore *self, gint64 complaint_id,
                                                       GDateTime *now,
                                                       GCancellable *cancellable,
                                                       GError **error);
gboolean      _kefu_store_callback_complaint_called_back (KefuStore *self, gint64 complaint_id,
                                                          KefuSatisfaction satisfaction,
                                                          const char *customer_words,
                                                          GDateTime *now,
                                                          GCancellable *cancellable,
                                                          GError **error);

/* UTC text bounds of local days: the start of `first` and the start of the day after `last`
 * (the store's local zone). */
void          _kefu_store_local_days_bounds   (const GDate *first, const GDate *last,
                                               char **from_text, char **to_text);

G_END_DECLS
