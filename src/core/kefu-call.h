/* kefu-call.h: one hotline call (来电) as the clerk recorded it: who called, who took it, when,
 * and the record of its kind (an order, a complaint or an inquiry).
 *
 * A stored call has exactly the detail record of its kind. The intake form keeps all three
 * detail records on one unsaved call while the clerk types (the kind can change mid-call
 * without losing what was typed); kefu_call_new_for_form() makes such a call, and the store
 * writes only the detail record of the call's kind.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"
#include "kefu-order.h"
#include "kefu-complaint.h"
#include "kefu-inquiry.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALL (kefu_call_get_type ())
G_DECLARE_FINAL_TYPE (KefuCall, kefu_call, KEFU, CALL, KefuRecord)

/* An empty call of kind ORDER with no detail records. */
KefuCall      *kefu_call_new                (void);
/* An empty call holding an empty order, complaint and inquiry (one order line), for a form. */
KefuCall      *kefu_call_new_for_form       (void);

/* Set by the store on save: "DH-20261127-0001" (order), "TS-…" (complaint), "ZX-…" (inquiry). */
const char    *kefu_call_get_reference      (KefuCall *self);
void           kefu_call_set_reference      (KefuCall *self, const char *reference);
KefuCallKind   kefu_call_get_kind           (KefuCall *self);
void           kefu_call_set_kind           (KefuCall *self, KefuCallKind kind);
/* 0 for a caller not yet in the customer records: the store then finds the customer by the
 * normalised phone, or creates one, in the same transaction as the call. */
gint64         kefu_call_get_customer_id    (KefuCall *self);
void           kefu_call_set_customer_id    (KefuCall *self, gint64 customer_id);
/* 姓名/名称, 联系地址, 联系电话 as given on this call (the phone as typed until stored; the
 * store keeps the normalised number). */
const char    *kefu_call_get_caller_name    (KefuCall *self);
void           kefu_call_set_caller_name    (KefuCall *self, const char *caller_name);
const char    *kefu_call_get_address        (KefuCall *self);
void           kefu_call_set_address        (KefuCall *self, const char *address);
const char    *kefu_call_get_phone          (KefuCall *self);
void           kefu_call_set_phone          (KefuCall *self, const char *phone);
/* The clerk (接线员) who took the call; its display name is filled by the store on reads. */
gint64         kefu_call_get_clerk_id       (KefuCall *self);
void           kefu_call_set_clerk_id       (KefuCall *self, gint64 clerk_id);
const char    *kefu_call_get_clerk_name     (KefuCall *self);
void           kefu_call_set_clerk_name     (KefuCall *self, const char *clerk_name);
/* When the call came in (UTC; the form shows local time). NULL until set. */
GDateTime     *kefu_call_get_received_at    (KefuCall *self);
void           kefu_call_set_received_at    (KefuCall *self, GDateTime *received_at);
const char    *kefu_call_get_notes          (KefuCall *self);
void           kefu_call_set_notes          (KefuCall *self, const char *notes);
/* One line for lists and history, built by kefu_call_build_summary() when the call is saved. */
const char    *kefu_call_get_summary        (KefuCall *self);
void           kefu_call_set_summary        (KefuCall *self, const char *summary);

/* The detail records (NULL when absent). The setters take a reference. */
KefuOrder     *kefu_call_get_order          (KefuCall *self);
void           kefu_call_set_order          (KefuCall *self, KefuOrder *order);
KefuComplaint *kefu_call_get_complaint      (KefuCall *self);
void           kefu_call_set_complaint      (KefuCall *self, KefuComplaint *complaint);
KefuInquiry   *kefu_call_get_inquiry        (KefuCall *self);
void           kefu_call_set_inquiry        (KefuCall *self, KefuInquiry *inquiry);

/* TRUE when nothing has been typed into the call or its detail records (a new form: received
 * time and clerk do not count), so that Escape may clear it without asking. */
gboolean       kefu_call_is_blank           (KefuCall *self);

G_END_DECLS
