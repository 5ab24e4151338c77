/* kefu-callback.h: a callback (回访) — who is called, why, by when, by whom, and how each
 * attempt went (《回访记录表》).
 *
 * A plain record with public fields, like KefuShipment: the store fills it, readers read it,
 * writes go through the store's callback calls, which check them with kefu-callback-rules.h.
 *
 * Times are UTC. `due_at` is when the callback is next to be made (moved by a failed attempt or a
 * time agreed with the customer); `deadline_at` is the "within three days" limit fixed when it
 * was created (done after it counts as late in the report).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

/* One attempt: a call that was made (or a message sent), in the callback's `attempts`. */
typedef struct
{
  gint64               id;
  GDateTime           *at;
  gint64               by;
  char                *by_name;
  KefuCallbackMethod   method;
  KefuCallbackOutcome  outcome;
  char                *note;      /* what the clerk noted; NULL: nothing */
} KefuCallbackAttempt;

void kefu_callback_attempt_free (KefuCallbackAttempt *attempt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallbackAttempt, kefu_callback_attempt_free)

#define KEFU_TYPE_CALLBACK (kefu_callback_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallback, kefu_callback, KEFU, CALLBACK, GObject)

struct _KefuCallback
{
  GObject parent_instance;

  gint64              id;
  gint64              version;

  /* Who and why. */
  gint64              customer_id;
  char               *customer_name;      /* copied in at creation (lists sort without a join) */
  char               *customer_phone;     /* the customer's first phone, read by joining */
  gboolean            customer_is_member; /* read by joining */
  KefuCallbackReason  reason;
  char               *source_entity;      /* "complaint", "service-job", "shipment", "lead";
                                           * NULL: none (a survey, an occasion) */
  gint64              source_id;
  char               *source_reference;   /* the record's reference (TS-…, SH-…, FH-…), joined */
  gint64              campaign_id;        /* 0: not from a campaign */
  char               *campaign_name;      /* joined */
  char               *topic;              /* what the callback is about, for the script's
                                           * {service} ("上门维修", "春节问候"); NULL: the reason */

  /* When. */
  GDateTime          *due_at;             /* next time to call */
  GDateTime          *deadline_at;        /* the "within three days" limit */
  GDateTime          *agreed_at;          /* a time the customer asked for; NULL: none */
  KefuCallbackMethod  method;

  /* Who calls: assigned to a clerk (0: the team's), and taken by one now (a claim). */
  KefuCallbackState   state;
  gint64              assigned_to;
  char               *assigned_to_name;
  gint64              claimed_by;         /* 0: nobody is calling */
  char               *claimed_by_name;
  char               *claim_workstation;  /* the workstation that holds the claim */
  GDateTime          *claim_renewed_at;   /* a claim not renewed for callback claim seconds
                                           * (KEFU_CALLBACK_CLAIM_SECONDS) has lapsed */

  /* Attempts: their count and the last, and the time the lead was asked to decide. */
  guint               n_attempts;         /* failed ones (no answer, busy) count towards the
                                           * limit; the others do not */
  KefuCallbackOutcome last_outcome;       /* meaningful when `attempts` is not empty */
  GDateTime          *escalated_at;       /* NULL: not listed for the lead */
  GPtrArray          *attempts;           /* KefuCallbackAttempt, oldest first; empty in list
                                           * rows, filled by kefu_store_get_callback () */

  /* The record (《回访记录表》): set when it is done. */
  KefuCallbackOutcome outcome;
  KefuSatisfaction    satisfaction;       /* UNSPECIFIED unless reached */
  char               *customer_words;     /* what the customer said: suggestions, complaints */
  GDateTime          *done_at;
  gint64              done_by;
  char               *done_by_name;
  char               *cancel_reason;

  gint64              created_by;
  GDateTime          *created_at;
  GDateTime          *updated_at;
};

KefuCallback *kefu_callback_new (void);

G_END_DECLS
