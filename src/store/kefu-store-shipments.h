/* kefu-store-shipments.h: the after-sales pane's shipments (发货) and the site's carriers: the
 * list (filters and sorting in SQL, ids head first then pages, like the complaint list), the
 * shipping request, every step as one transaction with its event (each checked with
 * kefu-shipment-flow.h), the timeline, and the counts for the sidebar.
 * The conventions of kefu-store.h hold (sync forms for any thread, _async forms for the UI,
 * every write in one transaction with its events, the store clock for "now").
 *
 * Events written on entity "shipment" (JSON details; names copied in, steps are nicks):
 *   requested          {"lines":2,"account_manager":"李明"}
 *   payment-confirmed  {"amount_fen":1250000,"from":"requested","to":"payment-confirmed"}
 *   dispatch-issued    {"number":"FD-0042","from":…,"to":…}
 *   handed-over        {"from":…,"to":…}
 *   shipped            {"carrier":"顺丰速运","waybill":"SF1234567890123","ship_date":"2026-11-20",
 *                       "expected_arrival":"2026-11-23","from":…,"to":…}
 *   delivered          {"from":…,"to":…}
 *   receipt-confirmed  {"method":"phone","from":…,"to":…}
 *   exception          {"kind":"damaged","text":"…","from":"shipped","to":"exception"}
 *   exception-resolved {"outcome":"reshipped","text":"…", "carrier":…, "waybill":…, "from":…,"to":…}
 *   cancelled          {"text":"…","from":…,"to":"cancelled"}
 *   note               {"text":"…"}
 *   details-changed    {"changes":{"address":["old","new"],"lines":[2,3]}}
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"
#include "kefu-carrier.h"
#include "kefu-shipment.h"
#include "kefu-shipment-flow.h"
#include "kefu-settings-keys.h"

G_BEGIN_DECLS


typedef enum
{
  KEFU_SHIPMENT_SORT_ATTENTION,   /* default: overdue first (oldest attention time first), then
                                   * open by request time (newest first), then final ones */
  KEFU_SHIPMENT_SORT_REQUESTED,   /* request time */
  KEFU_SHIPMENT_SORT_REFERENCE,
  KEFU_SHIPMENT_SORT_CUSTOMER,
  KEFU_SHIPMENT_SORT_STEP,        /* in step order */
  KEFU_SHIPMENT_SORT_EXPECTED,    /* expected arrival (none last) */
} KefuShipmentSort;

typedef struct
{
  gboolean          open_only;        /* not Received or Cancelled */
  gboolean          overdue_only;     /* past attention_at at `now` (overdue or exception) */
  gint              step;             /* a KefuShipmentStep, or -1: any */
  gint64            customer_id;      /* 0: any */
  gint64            carrier_id;       /* 0: any */
  gint64            account_manager_id; /* 0: any */
  GDateTime        *requested_from;   /* [from, to), NULL: no bound */
  GDateTime        *requested_to;
  char             *text;             /* reference, customer name or phone, waybill, dispatch
                                       * note number, serial */
  GDateTime        *now;              /* NULL: the store clock */
  gboolean          archived;         /* archived shipments only (else: none of them) */
} KefuShipmentFilter;

KefuShipmentFilter *kefu_shipment_filter_new  (void);   /* step -1, everything else empty */
KefuShipmentFilter *kefu_shipment_filter_copy (const KefuShipmentFilter *filter);
void                kefu_shipment_filter_free (KefuShipmentFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuShipmentFilter, kefu_shipment_filter_free)

/* The ids of every shipment matching `filter`, sorted in SQL (ties broken by id). */
GArray       *kefu_store_list_shipment_ids      (KefuStore *self, const KefuShipmentFilter *filter,
                                                 KefuShipmentSort sort, gboolean descending,
                                                 GCancellable *cancellable, GError **error);
/* The first `n_head` of them and (optional) the whole count. A text search is read whole (its
 * matches are found by one scan either way): every id, and their number. */
GArray       *kefu_store_list_shipment_ids_head (KefuStore *self, const KefuShipmentFilter *filter,
                                                 KefuShipmentSort sort, gboolean descending,
                                                 guint n_head, gint64 *n_total,
                                                 GCancellable *cancellable, GError **error);
/* List rows (KefuShipment without lines) for `ids`, in their order. */
GPtrArray    *kefu_store_get_shipments          (KefuStore *self, const gint64 *ids, guint n_ids,
                                                 GCancellable *cancellable, GError **error);
/* One shipment with its lines, for the detail page. */
KefuShipment *kefu_store_get_shipment           (KefuStore *self, gint64 shipment_id,
                                                 GCancellable *cancellable, GError **error);
/* A customer's shipments, newest first (list rows). */
GPtrArray    *kefu_store_list_customer_shipments (KefuStore *self, gint64 customer_id,
                                                  GCancellable *cancellable, GError **error);
/* For the sidebar: open shipments, and how many of them need attention at `now` (NULL: the
 * store clock). */
gboolean      kefu_store_count_shipments        (KefuStore *self, GDateTime *now,
                                                 gint64 *n_open, gint64 *n_overdue,
                                                 GCancellable *cancellable, GError **error);

/* The shipping request (《发货申请单》): `shipment` carries customer_id, account_manager_id
 * (a sales rep, or 0 when after-sales files it for them), call_id (0: none), address (NULL:
 * the customer's), notes and `lines` (at least one; product, serial, production date,
 * quantity). Validated (INVALID with the reason per field, e.g. "Line 2: the production date
 * is in the future."); the reference is assigned, the step is Requested, the event written.
 * Returns the new shipment as read back. */
KefuShipment *kefu_store_create_shipment        (KefuStore *self, KefuShipment *shipment,
                                                 GCancellable *cancellable, GError **error);
/* Saves edits of a shipment not yet shipped (address, account manager, notes, lines), with a
 * version check (STALE_VERSION). */
KefuShipment *kefu_store_update_shipment        (KefuStore *self, KefuShipment *shipment,
                                                 GCancellable *cancellable, GError **error);

/* One step of a shipment. What each action needs (besides what kefu_shipment_flow_check ()
 * checks): CONFIRM_PAYMENT amount_fen and `at` (when the money arrived; NULL: now);
 * ISSUE_DISPATCH dispatch_number; SHIP carrier_id, waybill, ship_date, expected_arrival;
 * DELIVER `at` (NULL: now); CONFIRM_RECEIPT receipt_method, `at` (NULL: now);
 * REPORT_EXCEPTION exception, text; RESOLVE_EXCEPTION outcome, text (and for RESHIPPED the SHIP
 * fields); CANCEL text; ADD_NOTE text. */
typedef struct
{
  KefuShipmentAction    action;
  gint64                shipment_id;
  gint64                version;
  char                 *text;
  gint64                amount_fen;
  char                 *dispatch_number;
  gint64                carrier_id;
  char                 *waybill;
  GDate                 ship_date;
  GDate                 expected_arrival;
  GDateTime            *at;
  KefuReceiptMethod     receipt_method;
  KefuShipmentException exception;
  KefuExceptionOutcome  outcome;
} KefuShipmentChange;

KefuShipmentChange *kefu_shipment_change_new  (KefuShipmentAction action, gint64 shipment_id,
                                               gint64 version);
KefuShipmentChange *kefu_shipment_change_copy (const KefuShipmentChange *change);
void                kefu_shipment_change_free (KefuShipmentChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuShipmentChange, kefu_shipment_change_free)

/* Applies `change` as the store's actor in one transaction: the flow check (PERMISSION or
 * INVALID with the rule's reason), the waybill check against the carrier's kind, the step's
 * columns, attention_at, the event. A shipment reaching Received schedules an after-delivery
 * callback (kefu-store-callbacks.h). Returns the shipment as read back (with lines). */
KefuShipment *kefu_store_change_shipment        (KefuStore *self, const KefuShipmentChange *change,
                                                 GCancellable *cancellable, GError **error);
/* The shipment's timeline, oldest first (KefuEvent). */
GListModel   *kefu_store_list_shipment_timeline (KefuStore *self, gint64 shipment_id,
                                                 GCancellable *cancellable, GError **error);

/* A product's life by its serial (产品编号): the shipment lines and the service jobs that name
 * it, oldest first, as KefuHistoryEntry (kinds SHIPMENT and SERVICE_JOB). */
GListModel   *kefu_store_list_serial_history    (KefuStore *self, const char *serial,
                                                 GCancellable *cancellable, GError **error);

/* Carriers. The default list (顺丰速运, 中通快递, 圆通速递, 韵达快递, 申通快递, EMS, 京东物流,
 * 德邦快递, with their kinds and tracking templates) is written by the schema step. */
GPtrArray    *kefu_store_list_carriers          (KefuStore *self, gboolean include_inactive,
                                                 GCancellable *cancellable, GError **error);
/* Adds (id 0) or updates a carrier (settings editors only: PERMISSION otherwise); the name is
 * required and unique (DUPLICATE), the template must hold {waybill} and be http(s) when set. */
KefuCarrier  *kefu_store_save_carrier           (KefuStore *self, KefuCarrier *carrier,
                                                 GCancellable *cancellable, GError **error);

/* The UI runs these on the store's worker with kefu_store_run_async (); none of them changes
 * the records it is given (create, update and change return the shipment as read back). */

G_END_DECLS
