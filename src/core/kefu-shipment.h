/* kefu-shipment.h: a shipment (发货) as the store reads it: the shipping request
 * (《发货申请单》) with its product lines, and each step of its way to the customer's confirmed
 * receipt with who took it and when.
 *
 * A record the store fills and every reader only reads: its fields are public (like a row), the
 * object exists so that lists (GListModel) can hold it. Times are UTC GDateTimes (NULL: the step
 * was not taken), days are GDate (invalid: unknown), money in fen. Names of people, the customer
 * and the carrier are copied in by the store so that lists and pages show them without lookups.
 * Lists fill everything but `lines` (n_lines is always set); the detail page's read fills all.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

/* One product line of a shipment: the product, its product number (产品编号, the serial), its
 * production date and the quantity. */
typedef struct
{
  gint64  id;
  gint64  product_id;
  char   *product_name;     /* copied from the product */
  char   *serial;           /* 产品编号; NULL when the line has none */
  GDate   production_date;  /* 生产日期; invalid: not known */
  guint   quantity;         /* 1..9999 */
} KefuShipmentLine;

KefuShipmentLine *kefu_shipment_line_new  (void);
KefuShipmentLine *kefu_shipment_line_copy (const KefuShipmentLine *line);
void              kefu_shipment_line_free (KefuShipmentLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuShipmentLine, kefu_shipment_line_free)

#define KEFU_TYPE_SHIPMENT (kefu_shipment_get_type ())
G_DECLARE_FINAL_TYPE (KefuShipment, kefu_shipment, KEFU, SHIPMENT, GObject)

struct _KefuShipment
{
  GObject parent_instance;

  gint64            id;
  gint64            version;
  char             *reference;            /* "FH-20261127-0003" */
  KefuShipmentStep  step;
  gint64            customer_id;
  char             *customer_name;
  char             *customer_phone;       /* the customer's first phone */
  char             *address;              /* where it goes (the customer's address by default) */
  gint64            call_id;              /* the order call it started from; 0: none */
  char             *call_reference;
  gint64            account_manager_id;   /* 业务经理 who filed the request */
  char             *account_manager_name;
  char             *notes;

  GDateTime        *requested_at;         /* each step: when, and who recorded it */
  gint64            requested_by;
  char             *requested_by_name;

  GDateTime        *payment_confirmed_at; /* 货款到账 */
  gint64            payment_confirmed_by; /* a finance role */
  char             *payment_confirmed_by_name;
  gint64            payment_amount_fen;

  GDateTime        *dispatch_issued_at;   /* 《发货单》 */
  gint64            dispatch_issued_by;
  char             *dispatch_issued_by_name;
  char             *dispatch_note_number;

  GDateTime        *handed_over_at;       /* to logistics and the warehouse */
  gint64            handed_over_by;
  char             *handed_over_by_name;

  GDateTime        *shipped_at;           /* when it was recorded as shipped */
  gint64            shipped_by;
  char             *shipped_by_name;
  gint64            carrier_id;
  char             *carrier_name;
  KefuCarrierKind   carrier_kind;
  char             *tracking_template;    /* the carrier's, NULL when it has none */
  char             *waybill;              /* normalised */
  GDate             ship_date;
  GDate             expected_arrival;

  GDateTime        *delivered_at;
  gint64            delivered_by;
  char             *delivered_by_name;

  GDateTime        *received_at;          /* the customer confirmed receipt */
  gint64            received_by;
  char             *received_by_name;
  KefuReceiptMethod receipt_method;

  KefuShipmentException exception;        /* NONE unless the shipment is (or was) in Exception */
  char             *exception_reason;
  GDateTime        *exception_at;
  gint64            exception_by;
  char             *exception_by_name;
  KefuShipmentStep  exception_from;       /* Shipped or Delivered */
  char             *exception_resolution; /* how it ended, once resolved */

  GDateTime        *cancelled_at;
  char             *cancel_reason;

  /* When it needs someone's attention (kefu_shipment_attention_at ()); NULL: nothing due. The
   * list sorts by it and the sidebar counts those past it. */
  GDateTime        *attention_at;

  guint             n_lines;
  guint             total_quantity;
  char             *first_product_name;   /* for the list: "Analyser X200 + 2 more" */
  GPtrArray        *lines;                /* KefuShipmentLine; NULL in lists */

  GDateTime        *updated_at;
};

KefuShipment *kefu_shipment_new (void);

/* TRUE when the shipment is past its attention time at `now` (overdue or in exception). */
gboolean      kefu_shipment_is_overdue   (KefuShipment *self,
                                          GDateTime    *now);

G_END_DECLS
