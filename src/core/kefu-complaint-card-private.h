/* kefu-complaint-card-private.h: what the files of the complaint card share: its fields and its
 * properties, so that the accessors of each part of the card (kefu-complaint-card.c for the
 * class and its identity, -intake.c for who complained about what, -work.c for its work and
 * outcome) can live beside each other.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-complaint-card.h"

G_BEGIN_DECLS

struct _KefuComplaintCard
{
  GObject parent_instance;

  gint64 id;
  gint64 version;
  gint64 call_id;
  char *reference;
  gint64 customer_id;
  char *customer_name;
  char *phone;
  KefuComplaintCategory category;
  char *subject;
  char *reason;
  gint64 product_id;
  char *batch_number;
  gboolean batch_flagged;
  gboolean harmed;
  gboolean urgent;
  KefuComplaintStage stage;
  gint64 owner_id;
  char *owner_name;
  char *departments;
  GDateTime *received_at;
  GDateTime *stage_since;
  KefuEscalationLevel escalation;
  char *resolution;
  KefuSatisfaction satisfaction;
  char *customer_words;
  guint n_visits;
  GArray *department_ids;          /* gint64 */
  KefuComplaintDeadline due_kind;
  GDateTime *due_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CALL_ID,
  PROP_REFERENCE,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_PHONE,
  PROP_CATEGORY,
  PROP_SUBJECT,
  PROP_REASON,
  PROP_PRODUCT_ID,
  PROP_BATCH_NUMBER,
  PROP_BATCH_FLAGGED,
  PROP_HARMED,
  PROP_URGENT,
  PROP_STAGE,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_DEPARTMENTS,
  PROP_RECEIVED_AT,
  PROP_STAGE_SINCE,
  PROP_ESCALATION,
  PROP_RESOLUTION,
  PROP_SATISFACTION,
  PROP_CUSTOMER_WORDS,
  PROP_N_VISITS,
  PROP_DUE_KIND,
  PROP_DUE_AT,
  N_PROPS
};

/* Tells the card's watchers that property `prop_id` changed (the setters call it only when the
 * value really did). */
void _kefu_complaint_card_notify (KefuComplaintCard *self,
                                  guint              prop_id);

G_END_DECLS
