/* kefu-store-calls.h: hotline calls and what they create: orders with their daily hand-over,
 * complaints with their routing, inquiries with their leads, and the customer history.
 * Included by kefu-store.h; the conventions there hold (sync forms for any thread, _async forms
 * for the UI, every write in one transaction with its events).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS


/* Saves a new call (id 0) and the detail record of its kind, in one transaction:
 *  - validates it with kefu_call_validate() (KEFU_STORE_ERROR_INVALID, the message listing every
 *    problem) and normalises its text and phone;
 *  - customer-id 0: finds the customer by the normalised phone, or creates one from the call's
 *    name, address and phone (and the guessed district), so a customer is never created twice;
 *    the customer's last contact (and first contact by their assigned clerk) is updated;
 *  - gives it a reference number for its kind and day (DH-/TS-/ZX-YYYYMMDD-NNNN, local day);
 *  - an order: the hand-over date from the received time and the cut-off setting, the out-of-area
 *    flag from its district and the service-areas setting, and its lead marked converted;
 *  - a complaint: owner = the clerk, routes from the routing rules of its category
 *    (kefu-store-complaints.h) or else to the departments of the active staff holding the roles
 *    kefu_complaint_route_roles() names, urgent when harmed, the intake stage with its time and
 *    first deadline, and a batch alert when it makes its batch a possible quality incident;
 *  - an inquiry with a potential order: a lead in state OPEN.
 * On success the call and its detail record get their ids, versions, reference, summary and
 * what the store decided (customer id, hand-over date, out-of-area, routes, stage, lead id). */
gboolean     kefu_store_save_call             (KefuStore *self, KefuCall *call,
                                               GCancellable *cancellable, GError **error);
/* kefu_store_save_call () for a call that waited in a workstation's intake queue: `client_key`
 * (the queue's key of it, stored in calls.client_key, schema step 10) makes the save happen
 * once. When a call with that key is stored already (its first save committed but the answer
 * was lost), nothing is written, `call` gets the stored call's id, reference and what its save
 * decided, and `already_saved` (may be NULL) is set to TRUE. */
gboolean     kefu_store_save_call_once        (KefuStore *self, KefuCall *call,
                                               const char *client_key, gboolean *already_saved,
                                               GCancellable *cancellable, GError **error);
/* A stored call with its detail record (and order lines, complaint routes). */
KefuCall    *kefu_store_get_call              (KefuStore *self, gint64 id,
                                               GCancellable *cancellable, GError **error);
/* Calls received at or after `since` (NULL: no bound), of one clerk (0: everyone's), newest first,
 * at most `limit`; detail records are not loaded (the summary is). */
GListModel  *kefu_store_list_recent_calls     (KefuStore *self, gint64 clerk_id, GDateTime *since,
                                               guint limit,
                                               GCancellable *cancellable, GError **error);
/* A customer's history, newest first, at most `limit` entries (KefuHistoryEntry). */
GListModel  *kefu_store_list_customer_history (KefuStore *self, gint64 customer_id, guint limit,
                                               GCancellable *cancellable, GError **error);

/* The hand-over (交接). The orders waiting for hand-over whose hand-over date is `day` or earlier
 * (a missed day's orders stay in the batch), as calls with their order, by channel then time. */
GListModel  *kefu_store_list_handover_orders  (KefuStore *self, const GDate *day,
                                               GCancellable *cancellable, GError **error);
/* Hands every order of that batch to the staff member given for its channel (`recipients`
 * indexed by KefuChannel; 0 leaves that channel's orders waiting), in one transaction; the
 * actor must be allowed to (kefu_role_can_hand_over_orders()) and each recipient must hold the
 * channel's receiving role. `n_handed` receives the number of orders handed over. */
gboolean     kefu_store_hand_over_orders      (KefuStore *self, const GDate *day,
                                               const gint64 recipients[4], guint *n_handed,
                                               GCancellable *cancellable, GError **error);
/* Orders flagged out of the service area and not yet closed, oldest first (calls with order). */
GListModel  *kefu_store_list_out_of_area_orders (KefuStore *self,
                                                 GCancellable *cancellable, GError **error);
/* Records that the customer was told and apologised to (`note` required), which closes the
 * flag; `order` must carry the version read (STALE_VERSION otherwise) and is updated. */
gboolean     kefu_store_record_out_of_area_notice (KefuStore *self, KefuOrder *order,
                                                   const char *note,
                                                   GCancellable *cancellable, GError **error);

/* Leads, oldest first. */
GListModel  *kefu_store_list_leads            (KefuStore *self, KefuLeadState state,
                                               GCancellable *cancellable, GError **error);
/* Drops an open lead with the reason in its note. */
gboolean     kefu_store_drop_lead             (KefuStore *self, KefuLead *lead,
                                               GCancellable *cancellable, GError **error);

/* Asynchronous forms for the UI. kefu_store_save_call_async() writes a snapshot of the call
 * (taken now, with its detail record) and sets on `call` in _finish what the save decided. */
void         kefu_store_save_call_async       (KefuStore *self, KefuCall *call,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
gboolean     kefu_store_save_call_finish      (KefuStore *self, GAsyncResult *result,
                                               GError **error);

G_END_DECLS
