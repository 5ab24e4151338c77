/* test-store-shipments-carriers.c: the carriers list on both backends (the default eight, adding
 * and editing them, the rules a carrier must meet) and a product's history by its serial.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-history-entry.h"
#include "store/kefu-store-jobs.h"
#include "test-store-shipments.h"

static KefuCarrier *
save (KefuStore    *store,
      gint64        actor,
      KefuCarrier  *carrier,
      GError      **error)
{
  kefu_store_set_actor (store, actor);
  return kefu_store_save_carrier (store, carrier, NULL, error);
}

static void
test_carriers (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char      *name;
    KefuCarrierKind  kind;
  } defaults[] = {
    { "顺丰速运", KEFU_CARRIER_SF },
    { "中通快递", KEFU_CARRIER_ZTO },
    { "圆通速递", KEFU_CARRIER_YTO },
    { "韵达快递", KEFU_CARRIER_YUNDA },
    { "申通快递", KEFU_CARRIER_STO },
    { "EMS", KEFU_CARRIER_EMS },
    { "京东物流", KEFU_CARRIER_JD },
    { "德邦快递", KEFU_CARRIER_DEPPON },
  };
  KefuStore *store = fixture->store;
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(KefuCarrier) carrier = kefu_carrier_new ();
  g_autoptr(KefuCarrier) saved = NULL;
  g_autoptr(KefuCarrier) edited = NULL;
  g_autoptr(GError) error = NULL;
  ShipCo sc;

  ts_setup (store, &sc);
  carriers = kefu_store_list_carriers (store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carriers->len, ==, G_N_ELEMENTS (defaults));
  for (guint i = 0; i < carriers->len; i++)
    {
      KefuCarrier *c = g_ptr_array_index (carriers, i);

      g_assert_cmpstr (c->name, ==, defaults[i].name);
      g_assert_cmpint (c->kind, ==, defaults[i].kind);
      g_assert_true (c->active);
      g_assert_cmpuint (c->position, ==, i);
      g_assert_true (c->tracking_template == NULL ||
                     (g_str_has_prefix (c->tracking_template, "https://") &&
                      strstr (c->tracking_template, "{waybill}") != NULL));
    }

  carrier->name = g_strdup (" 安能物流 ");
  carrier->kind = KEFU_CARRIER_OTHER;
  carrier->tracking_template = g_strdup ("https://track.example.com/ane?no={waybill}");
  carrier->active = TRUE;
  carrier->position = 8;

  /* Only those who edit the settings. */
  g_assert_null (save (store, sc.co.clerk, carrier, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  saved = save (store, sc.admin, carrier, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpstr (saved->name, ==, "安能物流");
  g_assert_cmpint (saved->version, ==, 1);
  g_assert_cmpstr (saved->tracking_template, ==, "https://track.example.com/ane?no={waybill}");

  /* A name already in the list. */
  g_free (carrier->name);
  carrier->name = g_strdup ("顺丰速运");
  g_assert_null (save (store, sc.co.cs_manager, carrier, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "顺丰速运"));
  g_clear_error (&error);

  /* A name is needed; an address must be http(s) and hold {waybill}. */
  g_free (carrier->name);
  carrier->name = g_strdup ("  ");
  g_assert_null (save (store, sc.admin, carrier, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (carrier->name);
  carrier->name = g_strdup ("百世快递");
  g_free (carrier->tracking_template);
  carrier->tracking_template = g_strdup ("https://track.example.com/best");
  g_assert_null (save (store, sc.admin, carrier, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (carrier->tracking_template);
  carrier->tracking_template = g_strdup ("ftp://track.example.com/{waybill}");
  g_assert_null (save (store, sc.admin, carrier, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM carriers"), ==, 9);

  /* Edited: no longer used, so it leaves the list offered but stays in the whole one. */
  saved->active = FALSE;
  g_clear_pointer (&saved->tracking_template, g_free);
  edited = save (store, sc.co.cs_manager, saved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->version, ==, 2);
  g_assert_false (edited->active);
  g_assert_null (edited->tracking_template);
  g_clear_pointer (&carriers, g_ptr_array_unref);
  carriers = kefu_store_list_carriers (store, FALSE, NULL, &error);
  g_assert_cmpuint (carriers->len, ==, 8);
  g_clear_pointer (&carriers, g_ptr_array_unref);
  carriers = kefu_store_list_carriers (store, TRUE, NULL, &error);
  g_assert_cmpuint (carriers->len, ==, 9);

  /* The same edit from the version read before is stale. */
  saved->active = TRUE;
  g_assert_null (save (store, sc.admin, saved, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
}

/* A product's life by its serial */

static void
test_serial_history (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuShipment) first = NULL;
  g_autoptr(KefuShipment) other = NULL;
  g_autoptr(KefuShipment) second = NULL;
  g_autoptr(KefuServiceJob) request = kefu_service_job_new ();
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuHistoryEntry) e0 = NULL;
  g_autoptr(KefuHistoryEntry) e1 = NULL;
  g_autoptr(KefuHistoryEntry) e2 = NULL;
  ShipCo sc;

  ts_setup (store, &sc);
  ts_clock (store, 2026, 10, 8, 9, 0);
  first = ts_request (store, &sc, sc.customer, sc.analyser, "X200-0042", 1);
  ts_walk_to (store, &sc, &first, KEFU_SHIPMENT_STEP_RECEIVED, 2);
  other = ts_request (store, &sc, sc.customer, sc.analyser, "X200-0043", 1);

  /* A repair of it a month later… */
  ts_clock (store, 2026, 11, 10, 14, 0);
  request->kind = KEFU_JOB_KIND_REPAIR;
  request->customer_id = sc.customer;
  request->source = KEFU_JOB_SOURCE_CUSTOMER_CALL;
  request->product_id = sc.analyser;
  request->serial = g_strdup ("X200-0042");
  request->symptoms = g_strdup ("开机无显示");
  kefu_store_set_actor (store, sc.co.clerk);
  job = kefu_store_create_job (store, request, NULL, &error);
  g_assert_no_error (error);

  /* …and its replacement shipped under the same number. */
  ts_clock (store, 2026, 11, 18, 9, 0);
  second = ts_request (store, &sc, sc.customer, sc.analyser, " X200-0042 ", 1);

  history = kefu_store_list_serial_history (store, "X200-0042 ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  e0 = g_list_model_get_item (history, 0);
  e1 = g_list_model_get_item (history, 1);
  e2 = g_list_model_get_item (history, 2);
  g_assert_cmpint (kefu_history_entry_get_kind (e0), ==, KEFU_HISTORY_KIND_SHIPMENT);
  g_assert_cmpint (kefu_history_entry_get_entity_id (e0), ==, first->id);
  g_assert_cmpstr (kefu_history_entry_get_reference (e0), ==, first->reference);
  g_assert_cmpstr (kefu_history_entry_get_status (e0), ==, "received");
  g_assert_cmpstr (kefu_history_entry_get_staff_name (e0), ==, "李明");
  g_assert_cmpstr (kefu_history_entry_get_entity (e0), ==, "shipment");
  g_assert_cmpstr (kefu_history_entry_get_summary (e0), ==, "分析仪 X200 ×1");
  g_assert_cmpint (kefu_history_entry_get_kind (e1), ==, KEFU_HISTORY_KIND_SERVICE_JOB);
  g_assert_cmpstr (kefu_history_entry_get_entity (e1), ==, "service-job");
  g_assert_cmpstr (kefu_history_entry_get_status (e1), ==, "reported");
  g_assert_cmpint (kefu_history_entry_get_entity_id (e1), ==, job->id);
  g_assert_cmpstr (kefu_history_entry_get_reference (e1), ==, job->reference);
  g_assert_nonnull (strstr (kefu_history_entry_get_summary (e1), "开机无显示"));
  g_assert_cmpint (kefu_history_entry_get_kind (e2), ==, KEFU_HISTORY_KIND_SHIPMENT);
  g_assert_cmpint (kefu_history_entry_get_entity_id (e2), ==, second->id);
  g_assert_cmpstr (kefu_history_entry_get_status (e2), ==, "requested");

  none = kefu_store_list_serial_history (store, "X200-9999", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

void
test_store_add_shipment_carrier_tests (void)
{
  TEST_ADD ("shipments/carriers", test_carriers);
  TEST_ADD ("shipments/serial-history", test_serial_history);
}
