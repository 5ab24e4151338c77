/* kefu-store-shipments-private.h: what the shipment files of the store share: the shipment's
 * columns and the record read from a row (kefu-store-shipments-read.c), the list's conditions
 * (kefu-store-shipments-filters.c), the search text and the lines' summary kept on the shipment
 * (kefu-store-shipments-create.c), the receipt-days setting and days as stored.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-internal.h"
#include "kefu-store-complaint-board-private.h"
#include "kefu-store-shipments.h"

G_BEGIN_DECLS

/* The entity of the shipment events (kefu-store-shipments.h). */
#define KEFU_SHIPMENT_ENTITY "shipment"

/* The open steps (kefu_shipment_step_is_open ()), in the exact text of the WHERE of the index
 * shipments_open_requested (kefu-schema-v4.c): a query must say it the same way for SQLite to
 * use that index. */
#define KEFU_SHIPMENT_OPEN_WHERE \
  "step IN ('requested', 'payment-confirmed', 'dispatch-issued', 'handed-over', 'shipped', " \
  "'delivered', 'exception')"
#define KEFU_SHIPMENT_FINAL_WHERE "step IN ('received', 'cancelled')"

/* A shipment's row: its columns with the names of its staff and its carrier joined in
 * (FROM KEFU_SHIPMENT_FROM). */
extern const char _kefu_shipment_columns[];
#define KEFU_SHIPMENT_FROM \
  "shipments " \
  "LEFT JOIN calls ON calls.id = shipments.call_id " \
  "LEFT JOIN staff AS account_manager ON account_manager.id = shipments.account_manager_id " \
  "LEFT JOIN staff AS requester ON requester.id = shipments.requested_by " \
  "LEFT JOIN staff AS payer ON payer.id = shipments.payment_confirmed_by " \
  "LEFT JOIN staff AS issuer ON issuer.id = shipments.dispatch_issued_by " \
  "LEFT JOIN staff AS handler ON handler.id = shipments.handed_over_by " \
  "LEFT JOIN staff AS shipper ON shipper.id = shipments.shipped_by " \
  "LEFT JOIN staff AS deliverer ON deliverer.id = shipments.delivered_by " \
  "LEFT JOIN staff AS receiver ON receiver.id = shipments.received_by " \
  "LEFT JOIN staff AS reporter ON reporter.id = shipments.exception_by " \
  "LEFT JOIN carriers ON carriers.id = shipments.carrier_id"

/* The rows of `where_order` (conditions and ORDER BY after FROM KEFU_SHIPMENT_FROM, with
 * `params`) as list rows (no lines), in their order. */
GPtrArray    *_kefu_store_read_shipments       (KefuStore *self, const char *where_order,
                                                GVariant *params,
                                                GCancellable *cancellable, GError **error);
/* One shipment with its lines; NOT_FOUND when there is none. */
KefuShipment *_kefu_store_read_shipment        (KefuStore *self, gint64 shipment_id,
                                                GCancellable *cancellable, GError **error);

/* Adds the conditions of `filter` at `now`. */
void          _kefu_shipment_query_add_filter  (KefuComplaintQuery *q,
                                                const KefuShipmentFilter *filter,
                                                GDateTime *now);

/* Inside a write transaction: writes the shipment's search text and its lines' summary
 * (n_lines, total_quantity, first_product_name) from what is stored. */
gboolean      _kefu_store_shipment_refresh     (KefuStore *self, gint64 shipment_id,
                                                GCancellable *cancellable, GError **error);

/* A shipping request's fields in their stored form (trimmed text, NULL for empty), checked by
 * _kefu_shipment_request_prepare () against its own rules (not yet against the database); each
 * refusal names the field or the line, so that the form can point at it. */
typedef struct
{
  char      *address;
  char      *notes;
  GPtrArray *lines;   /* KefuShipmentLine, serials trimmed */
} KefuShipmentRequest;

void          _kefu_shipment_request_clear     (KefuShipmentRequest *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuShipmentRequest, _kefu_shipment_request_clear)
gboolean      _kefu_shipment_request_prepare   (KefuShipment *shipment, GDateTime *now,
                                                KefuShipmentRequest *r, GError **error);
/* Inside a transaction: an account manager is a sales representative (业务经理), or 0 when
 * after-sales files the request for them; `name` gets theirs (NULL for none). */
gboolean      _kefu_store_shipment_check_manager (KefuStore *self, gint64 staff_id, char **name,
                                                  GCancellable *cancellable, GError **error);
/* Inside a write transaction: inserts `lines` (positions from `first_position`, in their
 * order) with the products' names copied in. */
gboolean      _kefu_store_shipment_insert_lines (KefuStore *self, gint64 shipment_id,
                                                 GPtrArray *lines, guint first_position,
                                                 GCancellable *cancellable, GError **error);

/* The setting shipment.receipt-days (2 when unset or not a count). */
guint         _kefu_store_shipment_receipt_days (KefuStore *self, GCancellable *cancellable);

/* Text as stored: normalised (kefu_text_normalize ()), NULL when empty. */
char         *_kefu_store_shipment_stored_text (const char *text);

/* Days as stored ('YYYY-MM-DD'; NULL for an invalid day), and back (invalid for NULL). */
char         *_kefu_store_shipment_day_text    (const GDate *day);
void          _kefu_store_shipment_day_parse   (const char *text, GDate *day);

G_END_DECLS
