/* kefu-store-calls-private.h: what the call files of the store share (kefu-store-calls.c,
 * kefu-store-calls-details.c, kefu-store-calls-read.c, kefu-store-calls-copy.c,
 * kefu-store-calls-async.c, kefu-store-handover.c,
 * kefu-store-leads.c): the column lists of the hotline tables, building records from rows, and
 * deep copies of a call with its detail record, and the steps of saving a call.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-internal.h"

G_BEGIN_DECLS

/* A call and its clerk's name: 15 columns, FROM calls JOIN staff ON staff.id = calls.clerk_id. */
#define KEFU_CALL_COLUMNS \
  "calls.id, calls.version, calls.created_at, calls.updated_at, calls.reference, calls.kind, " \
  "calls.customer_id, calls.caller_name, calls.address, calls.phone, calls.clerk_id, " \
  "staff.name, calls.received_at, calls.notes, calls.summary"
#define KEFU_CALL_N_COLUMNS 15
#define KEFU_CALL_FROM "calls JOIN staff ON staff.id = calls.clerk_id"

/* An order and the name of whom it was handed to: 18 columns, joined with
 * LEFT JOIN staff AS handed ON handed.id = orders.handed_to_id. Dates travel as text. */
#define KEFU_ORDER_COLUMNS \
  "orders.id, orders.version, orders.created_at, orders.updated_at, orders.call_id, " \
  "orders.channel, orders.delivery_address, orders.district, " \
  "CAST(orders.handover_date AS TEXT), orders.handover_state, orders.handed_to_id, " \
  "handed.name, orders.handed_over_at, orders.out_of_area, orders.area_notified_at, " \
  "orders.area_notified_by, orders.area_note, orders.lead_id"
#define KEFU_ORDER_N_COLUMNS 18
#define KEFU_ORDER_JOIN_HANDED "LEFT JOIN staff AS handed ON handed.id = orders.handed_to_id"

/* 7 columns of order_lines. */
#define KEFU_ORDER_LINE_COLUMNS \
  "order_lines.id, order_lines.order_id, order_lines.product_id, order_lines.product_name, " \
  "order_lines.spec, order_lines.quantity, order_lines.unit_price_fen"

/* The names of the hotline tables' enum values as stored. */
#define KEFU_HANDOVER_WAITING     "waiting"
#define KEFU_HANDOVER_HANDED_OVER "handed-over"
#define KEFU_LEAD_OPEN            "open"
#define KEFU_LEAD_CONVERTED       "converted"
#define KEFU_LEAD_DROPPED         "dropped"

/* Records from rows (transfer full); `first` is the position of the record's first column. */
KefuCall      *_kefu_store_call_from_row       (KefuRows *rows, guint row, guint first);
KefuOrder     *_kefu_store_order_from_row      (KefuRows *rows, guint row, guint first);
/* Appends the line of `row` to `order`. */
void           _kefu_store_order_add_line_from_row (KefuOrder *order, KefuRows *rows, guint row);

/* Runs `sql` (KEFU_CALL_COLUMNS then KEFU_ORDER_COLUMNS) and `lines_sql` (KEFU_ORDER_LINE_COLUMNS
 * of the same orders, ordered by order_id then position), both with `params`, and returns the
 * calls with their orders and lines. Used by the hand-over and out-of-area lists. */
GListModel    *_kefu_store_list_calls_with_orders (KefuStore    *self,
                                                   const char   *sql,
                                                   const char   *lines_sql,
                                                   GVariant     *params,
                                                   GCancellable *cancellable,
                                                   GError      **error);

/* "YYYY-MM-DD" and back; NULL / FALSE for anything else. */
char          *_kefu_store_date_to_text        (const GDate *date);
gboolean       _kefu_store_date_from_text      (const char  *text,
                                                GDate       *date);

/* Inquiry topics as stored: the flag nicks joined with ",", e.g. "products,prices". */
char          *_kefu_store_topics_to_text      (KefuInquiryTopics topics);
KefuInquiryTopics _kefu_store_topics_from_text (const char *text);

/* A copy of `call` with its detail record of the call's kind (and an order's lines and a
 * complaint's routes); the detail records of the other kinds are left out. Text is normalised
 * (kefu_text_normalize) when `normalize`, else copied as it is. Transfer full. */
KefuCall      *_kefu_store_call_copy           (KefuCall *call,
                                                gboolean  normalize);
/* Sets on `call` (and its detail record of its kind, lines and routes) what differs between
 * `before` (a copy of it) and `after` (that copy once a save changed it). Notifications are
 * emitted on the calling thread. */
void           _kefu_store_call_apply_changes  (KefuCall *call,
                                                KefuCall *before,
                                                KefuCall *after);

/* Inside the transaction of kefu_store_save_call(), on its working copy of the call
 * (kefu-store-calls-details.c): the lines' product names from the products, before the summary
 * is built; then the detail record of the call's kind, once the call's row is written. Each sets
 * on the copy what it decided. */
gboolean       _kefu_store_call_fill_product_names (KefuStore     *self,
                                                    KefuOrder     *order,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
gboolean       _kefu_store_call_save_order     (KefuStore     *self,
                                                KefuCall      *call,
                                                GCancellable  *cancellable,
                                                GError       **error);
gboolean       _kefu_store_call_save_complaint (KefuStore     *self,
                                                KefuCall      *call,
                                                GCancellable  *cancellable,
                                                GError       **error);
/* Clears the routes of `complaint` and sets those its category, well-foundedness and harm give
 * (the stored routing rules, else the role defaults; `*from_rules` tells which), inside the
 * caller's transaction. Shared by saving a call and editing a complaint's intake details. */
gboolean       _kefu_store_call_route_complaint (KefuStore     *self,
                                                 KefuComplaint *complaint,
                                                 gboolean      *from_rules,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean       _kefu_store_call_save_inquiry   (KefuStore     *self,
                                                KefuCall      *call,
                                                GCancellable  *cancellable,
                                                GError       **error);

/* The role of an active staff member; FALSE with `error` set (NOT_FOUND, or INVALID when the
 * person has left) otherwise. `name` (nullable) receives their name. */
gboolean       _kefu_store_staff_role          (KefuStore     *self,
                                                gint64         staff_id,
                                                KefuRole      *role,
                                                char         **name,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_END_DECLS
