/* test-store-shipments.h: what the shipment store tests share: a company with an after-sales
 * desk, finance, logistics and a sales rep (the call tests' company and a few more), customers
 * and products, a shipping request, and a shipment changed by a given staff member.
 */
#pragma once

#include "store/kefu-store-shipments.h"
#include "test-store-calls.h"

G_BEGIN_DECLS

typedef struct
{
  Company co;
  gint64  finance;      /* 财务 */
  gint64  logistics;    /* 物流 */
  gint64  warehouse;    /* 库房 */
  gint64  sales_rep;    /* 业务经理 李明 */
  gint64  admin;        /* administrator, edits the settings */
  gint64  analyser;     /* 分析仪 X200 */
  gint64  centrifuge;   /* 离心机 */
  gint64  customer;     /* 华康医院 */
  gint64  customer2;    /* 仁和诊所 */
  gint64  sf;           /* 顺丰速运 */
  gint64  zto;          /* 中通快递 */
} ShipCo;

/* The company in `store`, acting as the system actor; the clock at 2026-11-20 09:00 local. */
void          ts_setup      (KefuStore *store, ShipCo *sc);
/* Sets the store's clock to a local time (Asia/Shanghai). */
void          ts_clock      (KefuStore *store, int year, int month, int day, int hour,
                             int minute);
/* A shipping request of one line (`quantity` × `product`, `serial` or NULL) for `customer`,
 * filed by the sales rep as its account manager, asserting success. */
KefuShipment *ts_request    (KefuStore *store, const ShipCo *sc, gint64 customer,
                             gint64 product, const char *serial, guint quantity);
/* A change of `action` on `shipment` at its version. */
KefuShipmentChange *ts_change (KefuShipment *shipment, KefuShipmentAction action);
/* Applies `change` as `actor`, asserting success and exactly one new version; `shipment` is
 * replaced by what the store read back. */
void          ts_apply      (KefuStore *store, gint64 actor, KefuShipment **shipment,
                             KefuShipmentChange *change);
/* Applies `change` as `actor`, asserting the refusal `code` and that nothing was written.
 * Returns the message (transfer full). */
char         *ts_refused    (KefuStore *store, gint64 actor, KefuShipmentChange *change,
                             KefuStoreError code);
/* Takes `shipment` by its ordinary path, each step by the right role, up to `step` (one of
 * PAYMENT_CONFIRMED … RECEIVED); shipping with 顺丰 on the clock's day, expected `transit_days`
 * later. */
void          ts_walk_to    (KefuStore *store, const ShipCo *sc, KefuShipment **shipment,
                             KefuShipmentStep step, guint transit_days);
/* The details of the newest event `action` on the shipment; NULL when none. */
char         *ts_event      (KefuStore *store, gint64 shipment_id, const char *action);
gint64        ts_count_events (KefuStore *store, gint64 shipment_id);

void          test_store_add_shipment_walk_tests (void);
void          test_store_add_shipment_list_tests (void);
void          test_store_add_shipment_carrier_tests (void);

G_END_DECLS
