/* test-store-shipments.c: the shipment store tests' company and helpers, and their main (on
 * SQLite or PostgreSQL, by --backend, like every store test).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include "core/kefu-event.h"
#include "kefu-test-company.h"
#include "store/kefu-store-clock.h"
#include "test-store-shipments.h"

void
ts_clock (KefuStore *store,
          int        year,
          int        month,
          int        day,
          int        hour,
          int        minute)
{
  g_autoptr(GDateTime) now = test_local_time (year, month, day, hour, minute);

  kefu_store_set_clock (store, now);
}

static gint64
make_customer (KefuStore  *store,
               const char *name,
               const char *phone,
               const char *address)
{
  g_autoptr(KefuCustomer) customer = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  kefu_customer_set_address (customer, address);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

static gint64
carrier_of_kind (KefuStore       *store,
                 KefuCarrierKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) carriers = kefu_store_list_carriers (store, FALSE, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < carriers->len; i++)
    {
      KefuCarrier *carrier = g_ptr_array_index (carriers, i);

      if (carrier->kind == kind)
        return carrier->id;
    }
  g_assert_not_reached ();
}

void
ts_setup (KefuStore *store,
          ShipCo    *sc)
{
  kefu_store_set_system_actor (store);
  test_company_setup (store, &sc->co);
  sc->finance = test_make_staff (store, "finance", KEFU_ROLE_FINANCE, 0, TRUE);
  sc->logistics = test_make_staff (store, "logistics", KEFU_ROLE_LOGISTICS, 0, TRUE);
  sc->warehouse = test_make_staff (store, "warehouse", KEFU_ROLE_WAREHOUSE, 0, TRUE);
  sc->sales_rep = kefu_test_make_staff (store, "李明", "liming", KEFU_ROLE_SALES_REP, 0, TRUE);
  sc->admin = test_make_staff (store, "admin", KEFU_ROLE_ADMINISTRATOR, 0, TRUE);
  sc->analyser = test_make_product (store, "分析仪 X200", 1250000);
  sc->centrifuge = test_make_product (store, "离心机", 480000);
  sc->customer = make_customer (store, "华康医院", "13800138000", "北京市朝阳区华康路 1 号");
  sc->customer2 = make_customer (store, "仁和诊所", "13912345678", "上海市徐汇区仁和街 8 号");
  sc->sf = carrier_of_kind (store, KEFU_CARRIER_SF);
  sc->zto = carrier_of_kind (store, KEFU_CARRIER_ZTO);
  ts_clock (store, 2026, 11, 20, 9, 0);
}

KefuShipment *
ts_request (KefuStore    *store,
            const ShipCo *sc,
            gint64        customer,
            gint64        product,
            const char   *serial,
            guint         quantity)
{
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(GError) error = NULL;
  KefuShipmentLine *line = kefu_shipment_line_new ();
  KefuShipment *shipment;

  request->customer_id = customer;
  request->account_manager_id = sc->sales_rep;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  line->product_id = product;
  line->serial = g_strdup (serial);
  line->quantity = quantity;
  g_date_set_dmy (&line->production_date, 1, 9, 2026);
  g_ptr_array_add (request->lines, line);

  kefu_store_set_actor (store, sc->sales_rep);
  shipment = kefu_store_create_shipment (store, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shipment);
  return shipment;
}

KefuShipmentChange *
ts_change (KefuShipment       *shipment,
           KefuShipmentAction  action)
{
  return kefu_shipment_change_new (action, shipment->id, shipment->version);
}

void
ts_apply (KefuStore           *store,
          gint64               actor,
          KefuShipment       **shipment,
          KefuShipmentChange  *change)
{
  g_autoptr(GError) error = NULL;
  KefuShipment *after;
  gint64 version = (*shipment)->version;

  kefu_store_set_actor (store, actor);
  after = kefu_store_change_shipment (store, change, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  g_assert_cmpint (after->version, ==, version + 1);
  g_assert_nonnull (after->lines);
  g_object_unref (*shipment);
  *shipment = after;
}

gint64
ts_count_events (KefuStore *store,
                 gint64     shipment_id)
{
  g_autofree char *count = test_query_text (store,
                                            "SELECT count(*) FROM events WHERE entity = "
                                            "'shipment' AND entity_id = $1", shipment_id);

  return g_ascii_strtoll (count, NULL, 10);
}

char *
ts_refused (KefuStore          *store,
            gint64              actor,
            KefuShipmentChange *change,
            KefuStoreError      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuShipment) after = NULL;
  g_autofree char *version = NULL;
  gint64 events = ts_count_events (store, change->shipment_id);

  kefu_store_set_actor (store, actor);
  after = kefu_store_change_shipment (store, change, NULL, &error);
  g_assert_null (after);
  g_assert_error (error, KEFU_STORE_ERROR, (gint) code);
  g_assert_cmpstr (error->message, !=, "");
  /* Nothing was written: no event, no new version. */
  g_assert_cmpint (ts_count_events (store, change->shipment_id), ==, events);
  if (code != KEFU_STORE_ERROR_STALE_VERSION)
    {
      version = test_query_text (store, "SELECT version FROM shipments WHERE id = $1",
                                 change->shipment_id);
      g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, change->version);
    }
  return g_strdup (error->message);
}

void
ts_walk_to (KefuStore         *store,
            const ShipCo      *sc,
            KefuShipment     **shipment,
            KefuShipmentStep   step,
            guint              transit_days)
{
  for (KefuShipmentStep at = (*shipment)->step; at < step; at = (*shipment)->step)
    {
      g_autoptr(KefuShipmentChange) change = NULL;
      g_autoptr(GDateTime) now = NULL;
      gint64 actor = sc->co.clerk;

      switch (at)
        {
        case KEFU_SHIPMENT_STEP_REQUESTED:
          change = ts_change (*shipment, KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT);
          change->amount_fen = 1250000;
          actor = sc->finance;
          break;
        case KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED:
          change = ts_change (*shipment, KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH);
          change->dispatch_number = g_strdup_printf ("FD-%04" G_GINT64_FORMAT, (*shipment)->id);
          actor = sc->finance;
          break;
        case KEFU_SHIPMENT_STEP_DISPATCH_ISSUED:
          change = ts_change (*shipment, KEFU_SHIPMENT_ACTION_HAND_OVER);
          break;
        case KEFU_SHIPMENT_STEP_HANDED_OVER:
          change = ts_change (*shipment, KEFU_SHIPMENT_ACTION_SHIP);
          change->carrier_id = sc->sf;
          change->waybill = g_strdup_printf ("SF%013" G_GINT64_FORMAT, (*shipment)->id);
          /* The ship date is the local day of the last write, made under the store's clock. */
          now = g_date_time_to_local ((*shipment)->updated_at);
          g_date_set_dmy (&change->ship_date, g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now), g_date_time_get_year (now));
          change->expected_arrival = change->ship_date;
          g_date_add_days (&change->expected_arrival, transit_days);
          actor = sc->logistics;
          break;
        case KEFU_SHIPMENT_STEP_SHIPPED:
          change = ts_change (*shipment, KEFU_SHIPMENT_ACTION_DELIVER);
          actor = sc->logistics;
          break;
        case KEFU_SHIPMENT_STEP_DELIVERED:
          change = ts_change (*shipment, KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT);
          change->receipt_method = KEFU_RECEIPT_METHOD_PHONE;
          break;
        case KEFU_SHIPMENT_STEP_RECEIVED:
        case KEFU_SHIPMENT_STEP_EXCEPTION:
        case KEFU_SHIPMENT_STEP_CANCELLED:
        default:
          g_assert_not_reached ();
        }
      ts_apply (store, actor, shipment, change);
    }
  g_assert_cmpint ((*shipment)->step, ==, step);
}

char *
ts_event (KefuStore  *store,
          gint64      shipment_id,
          const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = kefu_store_list_shipment_timeline (store, shipment_id, NULL,
                                                                      &error);

  g_assert_no_error (error);
  /* The timeline is oldest first: the newest of them is the last found. */
  for (guint i = g_list_model_get_n_items (timeline); i > 0; i--)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (timeline, i - 1);

      if (g_strcmp0 (kefu_event_get_action (event), action) == 0)
        return g_strdup (kefu_event_get_details (event));
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  /* Reference days, ship days and the attention time's "day after" are local days: the tests
   * pin China Standard Time, whatever the machine's zone, before anything reads it. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_shipment_walk_tests ();
  test_store_add_shipment_list_tests ();
  test_store_add_shipment_carrier_tests ();
  return g_test_run ();
}
