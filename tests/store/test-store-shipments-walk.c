/* test-store-shipments-walk.c: a shipment's way on both backends: the request, every step by
 * the role that takes it with its columns and event, the refusals (role, payment gating, a
 * waybill not fitting its carrier, a stale version), exceptions and their three outcomes, the
 * request's edits, and the after-delivery callback scheduled once on receipt.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-event.h"
#include "core/kefu-job-flow.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-internal.h"
#include "test-store-shipments.h"

static void
assert_local (GDateTime *time,
              int        year,
              int        month,
              int        day,
              int        hour,
              int        minute)
{
  g_autoptr(GDateTime) expected = test_local_time (year, month, day, hour, minute);

  g_assert_nonnull (time);
  g_assert_true (g_date_time_equal (time, expected));
}

/* The whole way, requested → received */

static void
test_walk (Fixture       *fixture,
           gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuShipment) s = NULL;
  g_autoptr(KefuShipmentChange) change = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GDateTime) paid_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected = NULL;
  static const char *const actions[] = {
    "requested", "payment-confirmed", "dispatch-issued", "handed-over", "shipped", "delivered",
    "receipt-confirmed",
  };
  KefuCallbackInfo *callback;
  ShipCo sc;

  ts_setup (store, &sc);
  s = ts_request (store, &sc, sc.customer, sc.analyser, "X200-0001", 1);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_REQUESTED);
  g_assert_cmpstr (s->reference, ==, "FH-20261120-0001");
  g_assert_cmpstr (s->customer_name, ==, "华康医院");
  g_assert_cmpstr (s->customer_phone, ==, "13800138000");
  g_assert_cmpstr (s->address, ==, "北京市朝阳区华康路 1 号");
  g_assert_cmpint (s->account_manager_id, ==, sc.sales_rep);
  g_assert_cmpstr (s->account_manager_name, ==, "李明");
  g_assert_cmpint (s->requested_by, ==, sc.sales_rep);
  assert_local (s->requested_at, 2026, 11, 20, 9, 0);
  g_assert_cmpuint (s->n_lines, ==, 1);
  g_assert_cmpuint (s->total_quantity, ==, 1);
  g_assert_cmpstr (s->first_product_name, ==, "分析仪 X200");
  g_assert_cmpuint (s->lines->len, ==, 1);
  g_assert_cmpstr (((KefuShipmentLine *) g_ptr_array_index (s->lines, 0))->serial, ==, "X200-0001");
  g_assert_null (s->attention_at);
  details = ts_event (store, s->id, "requested");
  g_assert_cmpstr (details, ==, "{\"lines\":1,\"account_manager\":\"李明\"}");

  /* Finance confirms the money that arrived the evening before. */
  ts_clock (store, 2026, 11, 20, 10, 0);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
  change->amount_fen = 2500000;
  paid_at = test_local_time (2026, 11, 19, 18, 30);
  change->at = g_date_time_ref (paid_at);
  ts_apply (store, sc.finance, &s, change);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED);
  assert_local (s->payment_confirmed_at, 2026, 11, 19, 18, 30);
  g_assert_cmpint (s->payment_confirmed_by, ==, sc.finance);
  g_assert_cmpstr (s->payment_confirmed_by_name, ==, "finance");
  g_assert_cmpint (s->payment_amount_fen, ==, 2500000);
  g_clear_pointer (&details, g_free);
  details = ts_event (store, s->id, "payment-confirmed");
  g_assert_cmpstr (details, ==, "{\"amount_fen\":2500000,\"from\":\"requested\","
                                "\"to\":\"payment-confirmed\"}");

  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH);
  change->dispatch_number = g_strdup ("  FD-0042 ");
  ts_apply (store, sc.finance, &s, change);
  g_assert_cmpstr (s->dispatch_note_number, ==, "FD-0042");
  g_assert_cmpint (s->dispatch_issued_by, ==, sc.finance);
  g_clear_pointer (&details, g_free);
  details = ts_event (store, s->id, "dispatch-issued");
  g_assert_cmpstr (details, ==, "{\"number\":\"FD-0042\",\"from\":\"payment-confirmed\","
                                "\"to\":\"dispatch-issued\"}");

  ts_clock (store, 2026, 11, 20, 11, 0);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_HAND_OVER);
  ts_apply (store, sc.co.clerk, &s, change);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_HANDED_OVER);
  assert_local (s->handed_over_at, 2026, 11, 20, 11, 0);
  g_assert_cmpint (s->handed_over_by, ==, sc.co.clerk);

  /* The waybill is stored normalised; expected on the 23rd, so due the 24th at midnight. */
  ts_clock (store, 2026, 11, 20, 15, 0);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_SHIP);
  change->carrier_id = sc.sf;
  change->waybill = g_strdup ("sf 1234-5678-90123");
  g_date_set_dmy (&change->ship_date, 20, 11, 2026);
  g_date_set_dmy (&change->expected_arrival, 23, 11, 2026);
  ts_apply (store, sc.logistics, &s, change);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_SHIPPED);
  g_assert_cmpstr (s->waybill, ==, "SF1234567890123");
  g_assert_cmpstr (s->carrier_name, ==, "顺丰速运");
  g_assert_cmpint (s->carrier_kind, ==, KEFU_CARRIER_SF);
  g_assert_nonnull (s->tracking_template);
  test_assert_date (&s->ship_date, 2026, 11, 20);
  test_assert_date (&s->expected_arrival, 2026, 11, 23);
  g_assert_cmpint (s->shipped_by, ==, sc.logistics);
  assert_local (s->attention_at, 2026, 11, 24, 0, 0);
  g_clear_pointer (&details, g_free);
  details = ts_event (store, s->id, "shipped");
  g_assert_cmpstr (details, ==, "{\"carrier\":\"顺丰速运\",\"waybill\":\"SF1234567890123\","
                                "\"ship_date\":\"2026-11-20\",\"expected_arrival\":\"2026-11-23\","
                                "\"from\":\"handed-over\",\"to\":\"shipped\"}");

  /* Delivered: due two days after, without confirmed receipt. */
  ts_clock (store, 2026, 11, 22, 16, 0);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_DELIVER);
  ts_apply (store, sc.logistics, &s, change);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_DELIVERED);
  assert_local (s->delivered_at, 2026, 11, 22, 16, 0);
  assert_local (s->attention_at, 2026, 11, 24, 16, 0);

  ts_clock (store, 2026, 11, 23, 10, 0);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT);
  change->receipt_method = KEFU_RECEIPT_METHOD_SIGNED_SLIP;
  ts_apply (store, sc.co.clerk, &s, change);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_RECEIVED);
  g_assert_cmpint (s->receipt_method, ==, KEFU_RECEIPT_METHOD_SIGNED_SLIP);
  g_assert_cmpint (s->received_by, ==, sc.co.clerk);
  assert_local (s->received_at, 2026, 11, 23, 10, 0);
  g_assert_null (s->attention_at);
  g_clear_pointer (&details, g_free);
  details = ts_event (store, s->id, "receipt-confirmed");
  g_assert_cmpstr (details, ==, "{\"method\":\"signed-slip\",\"from\":\"delivered\","
                                "\"to\":\"received\"}");

  /* The timeline: one event per step, oldest first, each by who took it. */
  timeline = kefu_store_list_shipment_timeline (store, s->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, G_N_ELEMENTS (actions));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (timeline, i);

      g_assert_cmpstr (kefu_event_get_action (event), ==, actions[i]);
      g_assert_cmpstr (kefu_event_get_entity (event), ==, "shipment");
    }

  /* The after-delivery callback, due within the window after the receipt. */
  callbacks = kefu_store_list_callbacks_for (store, "shipment", s->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (callbacks->len, ==, 1);
  callback = g_ptr_array_index (callbacks, 0);
  g_assert_cmpint (callback->reason, ==, KEFU_CALLBACK_REASON_AFTER_DELIVERY);
  g_assert_cmpint (callback->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpint (callback->customer_id, ==, sc.customer);
  g_assert_cmpstr (callback->customer_name, ==, "华康医院");
  g_assert_cmpint (callback->source_id, ==, s->id);
  g_assert_true (g_date_time_compare (callback->due_at, s->received_at) > 0);
  g_assert_cmpint (g_date_time_difference (callback->due_at, s->received_at), <=,
                   7 * G_TIME_SPAN_DAY);
  expected = g_strdup_printf ("\"source\":{\"entity\":\"shipment\",\"id\":%" G_GINT64_FORMAT "}",
                              s->id);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM events WHERE entity = 'callback' "
                                      "AND action = 'scheduled'"), ==, 1);
  g_clear_pointer (&details, g_free);
  details = test_query_text (store, "SELECT details FROM events WHERE entity = 'callback' AND "
                                    "entity_id = $1", callback->id);
  g_assert_nonnull (strstr (details, expected));
  g_assert_nonnull (strstr (details, "\"reason\":\"after-delivery\""));

  /* Received is final: only notes. */
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CANCEL);
  change->text = g_strdup ("客户要求取消");
  g_free (ts_refused (store, sc.co.cs_manager, change, KEFU_STORE_ERROR_INVALID));
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_ADD_NOTE);
  change->text = g_strdup ("客户来电致谢");
  ts_apply (store, sc.finance, &s, change);
  g_clear_pointer (&details, g_free);
  details = ts_event (store, s->id, "note");
  g_assert_cmpstr (details, ==, "{\"text\":\"客户来电致谢\"}");
}

/* Refusals */

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuShipment) s = NULL;
  g_autoptr(KefuShipmentChange) change = NULL;
  g_autoptr(KefuShipmentChange) stale = NULL;
  g_autofree char *message = NULL;
  ShipCo sc;

  ts_setup (store, &sc);
  s = ts_request (store, &sc, sc.customer, sc.analyser, NULL, 1);

  /* A clerk may not confirm the payment. */
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
  change->amount_fen = 1250000;
  message = ts_refused (store, sc.co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (message, "finance"));

  /* Nothing ships before the payment is confirmed, whoever tries. */
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_SHIP);
  change->carrier_id = sc.sf;
  change->waybill = g_strdup ("SF1234567890123");
  g_date_set_dmy (&change->ship_date, 20, 11, 2026);
  g_date_set_dmy (&change->expected_arrival, 22, 11, 2026);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.logistics, change, KEFU_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "payment"));

  /* A payment of nothing is refused. */
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.finance, change, KEFU_STORE_ERROR_INVALID);

  /* A money arrival in the future is refused. */
  change->amount_fen = 100;
  change->at = test_local_time (2026, 11, 21, 9, 0);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.finance, change, KEFU_STORE_ERROR_INVALID);
  g_clear_pointer (&change->at, g_date_time_unref);

  /* The change made against an older version is refused once another went through. */
  stale = kefu_shipment_change_copy (change);
  ts_apply (store, sc.finance, &s, change);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.finance, stale, KEFU_STORE_ERROR_STALE_VERSION);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM events WHERE entity = 'shipment' "
                                      "AND action = 'payment-confirmed'"), ==, 1);

  ts_walk_to (store, &sc, &s, KEFU_SHIPMENT_STEP_HANDED_OVER, 2);

  /* A waybill that does not fit the carrier's form: 顺丰 numbers are SF and 12-13 digits. */
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_SHIP);
  change->carrier_id = sc.sf;
  change->waybill = g_strdup ("YT1234567890123");
  g_date_set_dmy (&change->ship_date, 20, 11, 2026);
  g_date_set_dmy (&change->expected_arrival, 22, 11, 2026);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.logistics, change, KEFU_STORE_ERROR_INVALID);
  /* The same number fits 圆通's form, but 中通 takes digits only. */
  change->carrier_id = sc.zto;
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.logistics, change, KEFU_STORE_ERROR_INVALID);
  /* No carrier at all. */
  change->carrier_id = 0;
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.logistics, change, KEFU_STORE_ERROR_INVALID);
  /* Arriving before it leaves. */
  change->carrier_id = sc.zto;
  g_free (change->waybill);
  change->waybill = g_strdup ("731234567890");
  g_date_set_dmy (&change->expected_arrival, 19, 11, 2026);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.logistics, change, KEFU_STORE_ERROR_INVALID);
  /* A finance clerk does not ship. */
  g_date_set_dmy (&change->expected_arrival, 22, 11, 2026);
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.finance, change, KEFU_STORE_ERROR_PERMISSION);
  ts_apply (store, sc.warehouse, &s, change);
  g_assert_cmpstr (s->carrier_name, ==, "中通快递");
  g_assert_cmpstr (s->waybill, ==, "731234567890");

  /* Cancelling a shipment that has left is refused: an exception is reported instead. */
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CANCEL);
  change->text = g_strdup ("客户不要了");
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, sc.co.cs_manager, change, KEFU_STORE_ERROR_INVALID);

  /* Nobody signed in. */
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_ADD_NOTE);
  change->text = g_strdup ("备注");
  g_clear_pointer (&message, g_free);
  message = ts_refused (store, 0, change, KEFU_STORE_ERROR_NO_ACTOR);
}

/* Exceptions and their three outcomes */

static KefuShipment *
shipped_with_exception (KefuStore             *store,
                        const ShipCo          *sc,
                        KefuShipmentStep       from,
                        KefuShipmentException  kind)
{
  g_autoptr(KefuShipmentChange) change = NULL;
  KefuShipment *s;

  ts_clock (store, 2026, 11, 20, 9, 0);
  s = ts_request (store, sc, sc->customer2, sc->centrifuge, NULL, 1);
  ts_walk_to (store, sc, &s, from, 2);
  ts_clock (store, 2026, 11, 23, 14, 0);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION);
  change->exception = kind;
  g_free (ts_refused (store, sc->logistics, change, KEFU_STORE_ERROR_INVALID));
  change->text = g_strdup ("外箱破损，仪器屏幕碎裂");
  g_free (ts_refused (store, sc->finance, change, KEFU_STORE_ERROR_PERMISSION));
  ts_apply (store, sc->logistics, &s, change);
  g_assert_cmpint (s->step, ==, KEFU_SHIPMENT_STEP_EXCEPTION);
  g_assert_cmpint (s->exception, ==, kind);
  g_assert_cmpint (s->exception_from, ==, from);
  g_assert_cmpint (s->exception_by, ==, sc->logistics);
  g_assert_cmpstr (s->exception_reason, ==, "外箱破损，仪器屏幕碎裂");
  /* An exception needs attention from the moment it is reported. */
  assert_local (s->attention_at, 2026, 11, 23, 14, 0);
  assert_local (s->exception_at, 2026, 11, 23, 14, 0);
  return s;
}

static void
test_exceptions (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuShipment) reshipped = NULL;
  g_autoptr(KefuShipment) found = NULL;
  g_autoptr(KefuShipment) closed = NULL;
  g_autoptr(KefuShipmentChange) change = NULL;
  g_autofree char *details = NULL;
  ShipCo sc;

  ts_setup (store, &sc);

  /* Damaged on the way: shipped again with another carrier. */
  reshipped = shipped_with_exception (store, &sc, KEFU_SHIPMENT_STEP_SHIPPED,
                                      KEFU_SHIPMENT_EXCEPTION_DAMAGED);
  details = ts_event (store, reshipped->id, "exception");
  g_assert_cmpstr (details, ==, "{\"kind\":\"damaged\",\"text\":\"外箱破损，仪器屏幕碎裂\","
                                "\"from\":\"shipped\",\"to\":\"exception\"}");
  ts_clock (store, 2026, 11, 24, 9, 0);
  change = ts_change (reshipped, KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION);
  change->outcome = KEFU_EXCEPTION_OUTCOME_RESHIPPED;
  change->text = g_strdup ("换新机重新发货");
  change->carrier_id = sc.zto;
  change->waybill = g_strdup ("SF1234567890123");
  g_date_set_dmy (&change->ship_date, 24, 11, 2026);
  g_date_set_dmy (&change->expected_arrival, 26, 11, 2026);
  g_free (ts_refused (store, sc.co.clerk, change, KEFU_STORE_ERROR_INVALID));
  g_free (change->waybill);
  change->waybill = g_strdup ("78901234567890");
  g_free (ts_refused (store, sc.logistics, change, KEFU_STORE_ERROR_PERMISSION));
  ts_apply (store, sc.co.clerk, &reshipped, change);
  g_assert_cmpint (reshipped->step, ==, KEFU_SHIPMENT_STEP_SHIPPED);
  g_assert_cmpstr (reshipped->carrier_name, ==, "中通快递");
  g_assert_cmpstr (reshipped->waybill, ==, "78901234567890");
  g_assert_cmpstr (reshipped->exception_resolution, ==, "换新机重新发货");
  test_assert_date (&reshipped->expected_arrival, 2026, 11, 26);
  assert_local (reshipped->attention_at, 2026, 11, 27, 0, 0);
  g_clear_pointer (&details, g_free);
  details = ts_event (store, reshipped->id, "exception-resolved");
  g_assert_cmpstr (details, ==, "{\"outcome\":\"reshipped\",\"text\":\"换新机重新发货\","
                                "\"carrier\":\"中通快递\",\"waybill\":\"78901234567890\","
                                "\"ship_date\":\"2026-11-24\",\"expected_arrival\":\"2026-11-26\","
                                "\"from\":\"exception\",\"to\":\"shipped\"}");

  /* Lost, then found and delivered. */
  found = shipped_with_exception (store, &sc, KEFU_SHIPMENT_STEP_SHIPPED,
                                  KEFU_SHIPMENT_EXCEPTION_LOST);
  ts_clock (store, 2026, 11, 25, 11, 0);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (found, KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION);
  change->outcome = KEFU_EXCEPTION_OUTCOME_DELIVERED;
  change->text = g_strdup ("快递公司找到包裹并送达");
  ts_apply (store, sc.co.team_lead, &found, change);
  g_assert_cmpint (found->step, ==, KEFU_SHIPMENT_STEP_DELIVERED);
  assert_local (found->delivered_at, 2026, 11, 25, 11, 0);
  assert_local (found->attention_at, 2026, 11, 27, 11, 0);
  g_assert_cmpint (found->exception, ==, KEFU_SHIPMENT_EXCEPTION_LOST);

  /* Refused at the door after delivery, then closed (returned): cancelled. */
  closed = shipped_with_exception (store, &sc, KEFU_SHIPMENT_STEP_DELIVERED,
                                   KEFU_SHIPMENT_EXCEPTION_REFUSED);
  ts_clock (store, 2026, 11, 26, 15, 0);
  g_clear_pointer (&change, kefu_shipment_change_free);
  change = ts_change (closed, KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION);
  change->outcome = KEFU_EXCEPTION_OUTCOME_CLOSED;
  g_free (ts_refused (store, sc.co.clerk, change, KEFU_STORE_ERROR_INVALID));
  change->text = g_strdup ("货物退回库房，订单取消");
  ts_apply (store, sc.co.clerk, &closed, change);
  g_assert_cmpint (closed->step, ==, KEFU_SHIPMENT_STEP_CANCELLED);
  assert_local (closed->cancelled_at, 2026, 11, 26, 15, 0);
  g_assert_cmpstr (closed->cancel_reason, ==, "货物退回库房，订单取消");
  g_assert_null (closed->attention_at);
  /* No callback for a shipment that never arrived. */
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM callbacks"), ==, 0);
}

/* The callback on receipt, once */

typedef struct
{
  gint64     customer;
  gint64     shipment;
  GDateTime *at;
  gint64     id;
} Schedule;

static gboolean
schedule_txn (KefuStore     *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Schedule *s = data;

  s->id = _kefu_store_schedule_callback (self, s->customer, KEFU_CALLBACK_REASON_AFTER_DELIVERY,
                                         "shipment", s->shipment, s->at, cancellable, error);
  return s->id != 0;
}

static void
test_callback_once (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuShipment) s = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GPtrArray) customer_callbacks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = test_local_time (2026, 12, 1, 9, 0);
  g_autoptr(KefuShipment) second = NULL;
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(KefuCallbackPreferences) prefs = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) due = NULL;
  Schedule again;
  ShipCo sc;

  ts_setup (store, &sc);
  s = ts_request (store, &sc, sc.customer2, sc.analyser, "X200-0009", 1);
  ts_walk_to (store, &sc, &s, KEFU_SHIPMENT_STEP_RECEIVED, 1);
  callbacks = kefu_store_list_callbacks_for (store, "shipment", s->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (callbacks->len, ==, 1);

  /* Scheduling the same source and reason again finds the first. */
  again = (Schedule) { .customer = sc.customer2, .shipment = s->id, .at = later };
  kefu_store_set_actor (store, sc.co.clerk);
  g_assert_true (_kefu_store_write (store, schedule_txn, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again.id, ==, ((KefuCallbackInfo *) g_ptr_array_index (callbacks, 0))->id);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM callbacks"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM events WHERE entity = 'callback'"),
                   ==, 1);

  /* The window comes from the settings: one working day after the receipt of a second
   * shipment, planned by the callback rules (kefu_callback_first_due ()). */
  kefu_store_set_actor (store, sc.admin);
  g_assert_true (kefu_store_set_setting (store, KEFU_SETTING_CALLBACK_WINDOW_DAYS, "1", NULL,
                                         &error));
  g_assert_no_error (error);
  ts_clock (store, 2026, 11, 21, 16, 0);
  second = ts_request (store, &sc, sc.customer2, sc.centrifuge, NULL, 1);
  ts_walk_to (store, &sc, &second, KEFU_SHIPMENT_STEP_RECEIVED, 1);
  g_clear_pointer (&callbacks, g_ptr_array_unref);
  callbacks = kefu_store_list_callbacks_for (store, "shipment", second->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (callbacks->len, ==, 1);
  rules = kefu_store_read_callback_rules (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_callback_rules_get_window_days (rules), ==, 1);
  prefs = kefu_callback_preferences_new_from_text (NULL, NULL, &error);
  g_assert_no_error (error);
  due = kefu_callback_first_due (rules, prefs, second->received_at, NULL);
  deadline = kefu_callback_deadline (rules, second->received_at);
  /* Planned by the callback rules: the first allowed time, within the window. */
  g_assert_cmpint (g_date_time_compare (due, deadline), <=, 0);
  g_assert_false (kefu_callback_time_is_quiet (rules, prefs, due));
  g_assert_true (g_date_time_equal (((KefuCallbackInfo *) g_ptr_array_index (callbacks, 0))->due_at,
                                    due));

  customer_callbacks = kefu_store_list_customer_callbacks (store, sc.customer2, NULL, &error);
  g_assert_no_error (error);
  /* Newest due first: both are planned at the first allowed time of the next working day,
   * the first receipt's (Friday) on Saturday, the second's (Saturday) on Monday. */
  g_assert_cmpuint (customer_callbacks->len, ==, 2);
  g_assert_cmpint (((KefuCallbackInfo *) g_ptr_array_index (customer_callbacks, 0))->source_id,
                   ==, second->id);
  g_assert_cmpint (((KefuCallbackInfo *) g_ptr_array_index (customer_callbacks, 1))->source_id,
                   ==, s->id);
  g_assert_cmpint (g_date_time_compare (
                     ((KefuCallbackInfo *) g_ptr_array_index (customer_callbacks, 0))->due_at,
                     ((KefuCallbackInfo *) g_ptr_array_index (customer_callbacks, 1))->due_at),
                   >, 0);
  g_assert_cmpstr (((KefuCallbackInfo *) g_ptr_array_index (customer_callbacks, 1))->source_entity,
                   ==, "shipment");
  g_clear_pointer (&customer_callbacks, g_ptr_array_unref);
  customer_callbacks = kefu_store_list_customer_callbacks (store, sc.customer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customer_callbacks->len, ==, 0);
}

/* The request and its edits */

static void
test_request (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(KefuShipment) s = NULL;
  g_autoptr(KefuShipment) second = NULL;
  g_autoptr(KefuShipment) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  KefuShipmentLine *line;
  ShipCo sc;

  ts_setup (store, &sc);
  request->customer_id = sc.customer;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);

  /* No lines. */
  kefu_store_set_actor (store, sc.co.clerk);
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A production date in the future, named by its line. */
  line = kefu_shipment_line_new ();
  line->product_id = sc.analyser;
  g_ptr_array_add (request->lines, line);
  line = kefu_shipment_line_new ();
  line->product_id = sc.centrifuge;
  line->quantity = 3;
  line->serial = g_strdup ("  LX-7 ");
  g_date_set_dmy (&line->production_date, 1, 12, 2026);
  g_ptr_array_add (request->lines, line);
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 2: the production date is in the future.");
  g_clear_error (&error);
  g_date_set_dmy (&line->production_date, 1, 10, 2026);

  /* A quantity of nothing. */
  line->quantity = 0;
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A product number names one unit: three centrifuges under one serial are refused, the
   * line named; the same three without serials, or one with its serial, are fine. */
  line->quantity = 3;
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 2: a product number names one unit: give each unit its own line.");
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM shipments"), ==, 0);
  line->quantity = 1;
  ((KefuShipmentLine *) g_ptr_array_index (request->lines, 0))->quantity = 3;

  /* The account manager must be a sales rep. */
  request->account_manager_id = sc.finance;
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  request->account_manager_id = 0;

  /* An order call that is not there. */
  request->call_id = 424242;
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  request->call_id = 0;

  /* Finance does not file requests. */
  kefu_store_set_actor (store, sc.finance);
  g_assert_null (kefu_store_create_shipment (store, request, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM shipments"), ==, 0);

  /* After-sales files it for the sales rep, to another address. */
  kefu_store_set_actor (store, sc.co.clerk);
  request->address = g_strdup ("北京市海淀区 仓库 3 号");
  s = kefu_store_create_shipment (store, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->reference, ==, "FH-20261120-0001");
  g_assert_cmpstr (s->address, ==, "北京市海淀区 仓库 3 号");
  g_assert_cmpint (s->account_manager_id, ==, 0);
  g_assert_null (s->account_manager_name);
  g_assert_cmpuint (s->n_lines, ==, 2);
  g_assert_cmpuint (s->total_quantity, ==, 4);
  g_assert_cmpstr (((KefuShipmentLine *) g_ptr_array_index (s->lines, 1))->serial, ==, "LX-7");
  g_assert_cmpstr (((KefuShipmentLine *) g_ptr_array_index (s->lines, 1))->product_name, ==,
                   "离心机");
  test_assert_date (&((KefuShipmentLine *) g_ptr_array_index (s->lines, 1))->production_date,
                    2026, 10, 1);
  second = ts_request (store, &sc, sc.customer2, sc.analyser, NULL, 1);
  g_assert_cmpstr (second->reference, ==, "FH-20261120-0002");

  /* Started from an order call: the call's reference is read with it. */
  {
    g_autoptr(GDateTime) received = test_local_time (2026, 11, 20, 8, 30);
    g_autoptr(KefuCall) call = test_order_call (&sc.co, sc.co.clerk, "13800138000", "朝阳区",
                                                KEFU_CHANNEL_HOME_DELIVERY, received);
    g_autoptr(KefuShipment) from_call = NULL;

    kefu_store_set_actor (store, sc.co.clerk);
    test_save_call (store, call);
    request->call_id = kefu_record_get_id (KEFU_RECORD (call));
    from_call = kefu_store_create_shipment (store, request, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (from_call->call_id, ==, request->call_id);
    g_assert_cmpstr (from_call->call_reference, ==, kefu_call_get_reference (call));
    g_assert_cmpstr (from_call->reference, ==, "FH-20261120-0003");
  }

  /* Edits: the first line's quantity, the second line gone, a third added; the notes. */
  ((KefuShipmentLine *) g_ptr_array_index (s->lines, 0))->quantity = 5;
  g_ptr_array_remove_index (s->lines, 1);
  line = kefu_shipment_line_new ();
  line->product_id = sc.centrifuge;
  line->serial = g_strdup ("LX-8");
  g_ptr_array_add (s->lines, line);
  s->account_manager_id = sc.sales_rep;
  s->notes = g_strdup ("周五前送到");
  kefu_store_set_actor (store, sc.sales_rep);
  /* An edit may not put several units under one serial either. */
  line->quantity = 2;
  g_assert_null (kefu_store_update_shipment (store, s, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 2: a product number names one unit: give each unit its own line.");
  g_clear_error (&error);
  line->quantity = 1;
  edited = kefu_store_update_shipment (store, s, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->version, ==, s->version + 1);
  g_assert_cmpuint (edited->n_lines, ==, 2);
  g_assert_cmpuint (edited->total_quantity, ==, 6);
  g_assert_cmpstr (edited->account_manager_name, ==, "李明");
  g_assert_cmpint (((KefuShipmentLine *) g_ptr_array_index (edited->lines, 0))->id, ==,
                   ((KefuShipmentLine *) g_ptr_array_index (s->lines, 0))->id);
  g_assert_cmpstr (((KefuShipmentLine *) g_ptr_array_index (edited->lines, 1))->serial, ==,
                   "LX-8");
  details = ts_event (store, s->id, "details-changed");
  g_assert_cmpstr (details, ==, "{\"changes\":{\"notes\":[null,\"周五前送到\"],"
                                "\"account_manager\":[null,\"李明\"],\"lines\":[2,2]}}");
  /* Its search text follows its lines' serials. */
  g_free (details);
  details = test_query_text (store, "SELECT search_text FROM shipment_search "
                                    "WHERE shipment_id = $1", s->id);
  g_assert_nonnull (strstr (details, "lx-8"));
  g_assert_null (strstr (details, "lx-7"));

  /* The same edit from the version read before is stale. */
  g_assert_null (kefu_store_update_shipment (store, s, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* Once shipped, the details stay. */
  g_clear_object (&s);
  s = g_object_ref (edited);
  ts_walk_to (store, &sc, &s, KEFU_SHIPMENT_STEP_SHIPPED, 2);
  g_clear_object (&edited);
  g_free (s->notes);
  s->notes = g_strdup ("改地址");
  kefu_store_set_actor (store, sc.co.clerk);
  g_assert_null (kefu_store_update_shipment (store, s, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
}

void
test_store_add_shipment_walk_tests (void)
{
  TEST_ADD ("shipments/walk", test_walk);
  TEST_ADD ("shipments/refusals", test_refusals);
  TEST_ADD ("shipments/exceptions", test_exceptions);
  TEST_ADD ("shipments/callback-once", test_callback_once);
  TEST_ADD ("shipments/request", test_request);
}
