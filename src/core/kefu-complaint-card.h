/* kefu-complaint-card.h: one complaint as the escalation board, its list view and the head of its
 * detail page show it: who complained about what, where it is in its work (stage, deadline,
 * escalation) and its outcome so far. Read by the store in one query per page of complaints;
 * the intake fields themselves stay in KefuComplaint (kefu_store_get_call ()).
 *
 * A value object: the store fills it with the setters, the UI reads it; a change to the
 * complaint is a new card from the store, never an edit of this one.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_CARD (kefu_complaint_card_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintCard, kefu_complaint_card, KEFU, COMPLAINT_CARD, GObject)

KefuComplaintCard    *kefu_complaint_card_new (void);

/* complaints.id, its version (for the next change), and the call it came from. */
gint64                kefu_complaint_card_get_id               (KefuComplaintCard *self);
void                  kefu_complaint_card_set_id               (KefuComplaintCard *self, gint64 id);
gint64                kefu_complaint_card_get_version          (KefuComplaintCard *self);
void                  kefu_complaint_card_set_version          (KefuComplaintCard *self, gint64 version);
gint64                kefu_complaint_card_get_call_id          (KefuComplaintCard *self);
void                  kefu_complaint_card_set_call_id          (KefuComplaintCard *self, gint64 call_id);
/* TS-YYYYMMDD-NNNN. */
const char           *kefu_complaint_card_get_reference        (KefuComplaintCard *self);
void                  kefu_complaint_card_set_reference        (KefuComplaintCard *self, const char *reference);
gint64                kefu_complaint_card_get_customer_id      (KefuComplaintCard *self);
void                  kefu_complaint_card_set_customer_id      (KefuComplaintCard *self, gint64 customer_id);
/* The caller's name on the call, and the phone. */
const char           *kefu_complaint_card_get_customer_name    (KefuComplaintCard *self);
void                  kefu_complaint_card_set_customer_name    (KefuComplaintCard *self, const char *name);
const char           *kefu_complaint_card_get_phone            (KefuComplaintCard *self);
void                  kefu_complaint_card_set_phone            (KefuComplaintCard *self, const char *phone);
KefuComplaintCategory kefu_complaint_card_get_category         (KefuComplaintCard *self);
void                  kefu_complaint_card_set_category         (KefuComplaintCard *self, KefuComplaintCategory category);
/* 投诉对象 and 投诉事由 (the reason in full; the card shows its first line). */
const char           *kefu_complaint_card_get_subject          (KefuComplaintCard *self);
void                  kefu_complaint_card_set_subject          (KefuComplaintCard *self, const char *subject);
const char           *kefu_complaint_card_get_reason           (KefuComplaintCard *self);
void                  kefu_complaint_card_set_reason           (KefuComplaintCard *self, const char *reason);
gint64                kefu_complaint_card_get_product_id       (KefuComplaintCard *self);
void                  kefu_complaint_card_set_product_id       (KefuComplaintCard *self, gint64 product_id);
const char           *kefu_complaint_card_get_batch_number     (KefuComplaintCard *self);
void                  kefu_complaint_card_set_batch_number     (KefuComplaintCard *self, const char *batch);
/* TRUE when its product and batch are flagged as a possible quality incident. */
gboolean              kefu_complaint_card_get_batch_flagged    (KefuComplaintCard *self);
void                  kefu_complaint_card_set_batch_flagged    (KefuComplaintCard *self, gboolean flagged);
gboolean              kefu_complaint_card_get_harmed           (KefuComplaintCard *self);
void                  kefu_complaint_card_set_harmed           (KefuComplaintCard *self, gboolean harmed);
gboolean              kefu_complaint_card_get_urgent           (KefuComplaintCard *self);
void                  kefu_complaint_card_set_urgent           (KefuComplaintCard *self, gboolean urgent);
KefuComplaintStage    kefu_complaint_card_get_stage            (KefuComplaintCard *self);
void                  kefu_complaint_card_set_stage            (KefuComplaintCard *self, KefuComplaintStage stage);
/* The owner (谁先接待谁负责到底). */
gint64                kefu_complaint_card_get_owner_id         (KefuComplaintCard *self);
void                  kefu_complaint_card_set_owner_id         (KefuComplaintCard *self, gint64 staff_id);
const char           *kefu_complaint_card_get_owner_name       (KefuComplaintCard *self);
void                  kefu_complaint_card_set_owner_name       (KefuComplaintCard *self, const char *name);
/* The routed departments' names, in routing order ("品控部、客服中心"), and their ids. */
const char           *kefu_complaint_card_get_departments      (KefuComplaintCard *self);
void                  kefu_complaint_card_set_departments      (KefuComplaintCard *self, const char *names);
GArray               *kefu_complaint_card_get_department_ids   (KefuComplaintCard *self);
void                  kefu_complaint_card_add_department_id    (KefuComplaintCard *self, gint64 department_id);

/* When the call was received, and when the complaint entered its current stage (the start of its
 * deadline). */
GDateTime            *kefu_complaint_card_get_received_at      (KefuComplaintCard *self);
void                  kefu_complaint_card_set_received_at      (KefuComplaintCard *self, GDateTime *time);
GDateTime            *kefu_complaint_card_get_stage_since      (KefuComplaintCard *self);
void                  kefu_complaint_card_set_stage_since      (KefuComplaintCard *self, GDateTime *time);
/* The deadline it works against now (NONE and NULL when none). */
KefuComplaintDeadline kefu_complaint_card_get_due_kind         (KefuComplaintCard *self);
GDateTime            *kefu_complaint_card_get_due_at           (KefuComplaintCard *self);
void                  kefu_complaint_card_set_due              (KefuComplaintCard *self, KefuComplaintDeadline kind,
                                                                GDateTime *due_at);
KefuEscalationLevel   kefu_complaint_card_get_escalation       (KefuComplaintCard *self);
void                  kefu_complaint_card_set_escalation       (KefuComplaintCard *self, KefuEscalationLevel level);
/* Green, amber or red at `now` (kefu_deadline_state () over stage-since and due-at). */
KefuDeadlineState     kefu_complaint_card_get_deadline_state   (KefuComplaintCard *self, GDateTime *now);

/* The outcome so far: the resolution (In progress → Resolved) and the callback result. */
const char           *kefu_complaint_card_get_resolution       (KefuComplaintCard *self);
void                  kefu_complaint_card_set_resolution       (KefuComplaintCard *self, const char *resolution);
KefuSatisfaction      kefu_complaint_card_get_satisfaction     (KefuComplaintCard *self);
void                  kefu_complaint_card_set_satisfaction     (KefuComplaintCard *self, KefuSatisfaction satisfaction);
const char           *kefu_complaint_card_get_customer_words   (KefuComplaintCard *self);
void                  kefu_complaint_card_set_customer_words   (KefuComplaintCard *self, const char *words);
guint                 kefu_complaint_card_get_n_visits         (KefuComplaintCard *self);
void                  kefu_complaint_card_set_n_visits         (KefuComplaintCard *self, guint n_visits);

G_END_DECLS
