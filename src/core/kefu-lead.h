/* kefu-lead.h: a potential order from an inquiry call (潜在订单), in the team lead's "Leads" list
 * until it is turned into an order call or dropped. The caller's details and the clerk are read
 * with it from the call, for the list.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_LEAD (kefu_lead_get_type ())
G_DECLARE_FINAL_TYPE (KefuLead, kefu_lead, KEFU, LEAD, KefuRecord)

KefuLead      *kefu_lead_new                  (void);
gint64         kefu_lead_get_inquiry_id       (KefuLead *self);
void           kefu_lead_set_inquiry_id       (KefuLead *self, gint64 inquiry_id);
gint64         kefu_lead_get_call_id          (KefuLead *self);
void           kefu_lead_set_call_id          (KefuLead *self, gint64 call_id);
const char    *kefu_lead_get_call_reference   (KefuLead *self);
void           kefu_lead_set_call_reference   (KefuLead *self, const char *reference);
gint64         kefu_lead_get_customer_id      (KefuLead *self);
void           kefu_lead_set_customer_id      (KefuLead *self, gint64 customer_id);
const char    *kefu_lead_get_caller_name      (KefuLead *self);
void           kefu_lead_set_caller_name      (KefuLead *self, const char *name);
const char    *kefu_lead_get_phone            (KefuLead *self);
void           kefu_lead_set_phone            (KefuLead *self, const char *phone);
const char    *kefu_lead_get_address          (KefuLead *self);
void           kefu_lead_set_address          (KefuLead *self, const char *address);
/* The clerk who took the inquiry (conversion is counted per clerk). */
gint64         kefu_lead_get_clerk_id         (KefuLead *self);
void           kefu_lead_set_clerk_id         (KefuLead *self, gint64 clerk_id);
const char    *kefu_lead_get_clerk_name       (KefuLead *self);
void           kefu_lead_set_clerk_name       (KefuLead *self, const char *name);
GDateTime     *kefu_lead_get_received_at      (KefuLead *self);
void           kefu_lead_set_received_at      (KefuLead *self, GDateTime *time);
/* The inquiry's summary (topics and answer), so the lead knows what was asked. */
const char    *kefu_lead_get_summary          (KefuLead *self);
void           kefu_lead_set_summary          (KefuLead *self, const char *summary);
KefuLeadState  kefu_lead_get_state            (KefuLead *self);
void           kefu_lead_set_state            (KefuLead *self, KefuLeadState state);
/* The order call that converted it (0 until converted). */
gint64         kefu_lead_get_order_call_id    (KefuLead *self);
void           kefu_lead_set_order_call_id    (KefuLead *self, gint64 call_id);
GDateTime     *kefu_lead_get_closed_at        (KefuLead *self);
void           kefu_lead_set_closed_at        (KefuLead *self, GDateTime *time);
/* Why it was dropped (required to drop). */
const char    *kefu_lead_get_note             (KefuLead *self);
void           kefu_lead_set_note             (KefuLead *self, const char *note);

G_END_DECLS
