/* kefu-inquiry.h: the inquiry of an inquiry call (《客户咨询电话记录单》): what was asked, what the
 * clerk answered, and whether it is a potential order (a lead for the team lead).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_INQUIRY (kefu_inquiry_get_type ())
G_DECLARE_FINAL_TYPE (KefuInquiry, kefu_inquiry, KEFU, INQUIRY, KefuRecord)

KefuInquiry       *kefu_inquiry_new                 (void);
gint64             kefu_inquiry_get_call_id         (KefuInquiry *self);
void               kefu_inquiry_set_call_id         (KefuInquiry *self, gint64 call_id);
/* Flags (KefuInquiryTopics); at least one is required on save. */
KefuInquiryTopics  kefu_inquiry_get_topics          (KefuInquiry *self);
void               kefu_inquiry_set_topics          (KefuInquiry *self, KefuInquiryTopics topics);
/* What the clerk answered (required). */
const char        *kefu_inquiry_get_answer          (KefuInquiry *self);
void               kefu_inquiry_set_answer          (KefuInquiry *self, const char *answer);
/* 潜在订单: the store creates a lead for the team lead. */
gboolean           kefu_inquiry_get_potential_order (KefuInquiry *self);
void               kefu_inquiry_set_potential_order (KefuInquiry *self, gboolean potential);
/* The lead created for it, 0 for none (set by the store). */
gint64             kefu_inquiry_get_lead_id         (KefuInquiry *self);
void               kefu_inquiry_set_lead_id         (KefuInquiry *self, gint64 lead_id);

G_END_DECLS
