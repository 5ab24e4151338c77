/* test-store-handover.c: what follows an order call or an inquiry, on both backends: the daily
 * hand-over to the sales admins with its role checks, the out-of-area notice, and leads turned
 * into orders or dropped.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "test-store-calls.h"

static void
set_day (GDate *date,
         int    year,
         int    month,
         int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static KefuCall *
save_order (KefuStore     *store,
            const Company *co,
            KefuChannel    channel,
            int            day,
            int            hour)
{
  g_autoptr(GDateTime) received = test_local_time (2026, 3, day, hour, 0);
  KefuCall *call = test_order_call (co, co->clerk, "13800138000", "朝阳区", channel, received);

  test_save_call (store, call);
  return call;
}

static gboolean
list_has (GListModel *calls,
          KefuCall   *call)
{
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(KefuCall) item = g_list_model_get_item (calls, i);

      if (kefu_record_get_id (KEFU_RECORD (item)) == kefu_record_get_id (KEFU_RECORD (call)))
        return TRUE;
    }
  return FALSE;
}

static void
test_handover (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuCall) missed = NULL;
  g_autoptr(KefuCall) retail = NULL;
  g_autoptr(KefuCall) home = NULL;
  g_autoptr(KefuCall) market = NULL;
  g_autoptr(KefuCall) tomorrow = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GListModel) batch = NULL;
  g_autoptr(GListModel) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) first = NULL;
  KefuOrder *order;
  GDate day;
  guint n_handed = 99;
  Company co;

  test_company_setup (store, &co);
  /* The 9th's order was never handed over; it joins the 10th's batch. */
  missed = save_order (store, &co, KEFU_CHANNEL_RETAIL, 9, 15);
  home = save_order (store, &co, KEFU_CHANNEL_HOME_DELIVERY, 10, 9);
  retail = save_order (store, &co, KEFU_CHANNEL_RETAIL, 10, 8);
  market = save_order (store, &co, KEFU_CHANNEL_SUPERMARKET, 10, 7);
  /* After the cut-off: the 11th's batch. */
  tomorrow = save_order (store, &co, KEFU_CHANNEL_HOME_DELIVERY, 10, 11);

  set_day (&day, 2026, 3, 10);
  batch = kefu_store_list_handover_orders (store, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (batch), ==, 4);
  g_assert_false (list_has (batch, tomorrow));
  /* By channel, then by time: home delivery, retail (the 9th first), supermarket. */
  first = g_list_model_get_item (batch, 0);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==,
                   kefu_record_get_id (KEFU_RECORD (home)));
  g_clear_object (&first);
  first = g_list_model_get_item (batch, 1);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==,
                   kefu_record_get_id (KEFU_RECORD (missed)));
  order = kefu_call_get_order (first);
  g_assert_nonnull (order);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (order))), ==, 2);
  g_assert_cmpint (kefu_order_get_total (order), ==, 4900);
  g_assert_cmpstr (kefu_call_get_clerk_name (first), ==, "clerk");

  /* A clerk may not hand over. */
  {
    const gint64 recipients[4] = { 0, co.depot_admin, co.sales_admin, 0 };

    kefu_store_set_actor (store, co.clerk);
    g_assert_false (kefu_store_hand_over_orders (store, &day, recipients, &n_handed, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
    g_assert_cmpuint (n_handed, ==, 0);
    g_clear_error (&error);
  }

  /* Home delivery goes to the depot admin, not to the sales admin. */
  kefu_store_set_actor (store, co.team_lead);
  {
    const gint64 recipients[4] = { 0, co.sales_admin, co.sales_admin, 0 };

    g_assert_false (kefu_store_hand_over_orders (store, &day, recipients, &n_handed, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "sales"));
    g_clear_error (&error);
  }
  /* Nor to someone who has left. */
  {
    gint64 gone = test_make_staff (store, "gone", KEFU_ROLE_DEPOT_ADMIN, co.sales_department,
                                   FALSE);
    const gint64 recipients[4] = { 0, gone, co.sales_admin, 0 };

    g_assert_false (kefu_store_hand_over_orders (store, &day, recipients, &n_handed, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM orders WHERE handover_state = 'waiting'"),
                   ==, 5);

  /* The supermarket's admin is away: those orders stay in the batch. */
  {
    const gint64 recipients[4] = { 0, co.depot_admin, co.sales_admin, 0 };

    g_assert_true (kefu_store_hand_over_orders (store, &day, recipients, &n_handed, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_handed, ==, 3);
  }
  left = kefu_store_list_handover_orders (store, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
  g_assert_true (list_has (left, market));

  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'orders' AND "
                                      "action = 'update'"), ==, 3);
  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (home)), NULL, &error);
  g_assert_no_error (error);
  order = kefu_call_get_order (stored);
  g_assert_cmpint (kefu_order_get_handover_state (order), ==, KEFU_HANDOVER_STATE_HANDED_OVER);
  g_assert_cmpint (kefu_order_get_handed_to_id (order), ==, co.depot_admin);
  g_assert_cmpstr (kefu_order_get_handed_to_name (order), ==, "depot");
  g_assert_nonnull (kefu_order_get_handed_over_at (order));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (order)), ==, 2);
  {
    g_autofree char *by = test_query_text (store, "SELECT handed_over_by FROM orders WHERE id = $1",
                                           kefu_record_get_id (KEFU_RECORD (order)));

    g_assert_cmpint (g_ascii_strtoll (by, NULL, 10), ==, co.team_lead);
  }
  /* The next day's order was not touched. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM orders WHERE handover_state = 'waiting'"),
                   ==, 2);
}

static void
test_out_of_area_notice (Fixture       *fixture,
                         gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) received = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(KefuCall) far = NULL;
  g_autoptr(KefuCall) near = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(KefuCall) listed = NULL;
  g_autoptr(GError) error = NULL;
  KefuOrder *order;
  Company co;

  test_company_setup (store, &co);
  g_assert_true (kefu_store_set_setting (store, KEFU_SETTING_SERVICE_AREAS, "朝阳区\n海淀区",
                                         NULL, &error));
  g_assert_no_error (error);
  near = test_order_call (&co, co.clerk, "13800138000", "海淀区", KEFU_CHANNEL_RETAIL, received);
  test_save_call (store, near);
  far = test_order_call (&co, co.clerk, "13900139000", "廊坊市三河市", KEFU_CHANNEL_RETAIL, received);
  test_save_call (store, far);

  open = kefu_store_list_out_of_area_orders (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  listed = g_list_model_get_item (open, 0);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (listed)), ==,
                   kefu_record_get_id (KEFU_RECORD (far)));
  order = kefu_call_get_order (listed);
  g_assert_true (kefu_order_get_out_of_area (order));
  g_assert_cmpstr (kefu_order_get_district (order), ==, "廊坊市三河市");

  kefu_store_set_actor (store, co.sales_admin);
  /* The note is required. */
  g_assert_false (kefu_store_record_out_of_area_notice (store, order, "  ", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A stale version is refused. */
  kefu_record_set_version (KEFU_RECORD (order), 7);
  g_assert_false (kefu_store_record_out_of_area_notice (store, order, "已电话致歉", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);
  kefu_record_set_version (KEFU_RECORD (order), 1);

  /* An order within the area has nothing to notify. */
  g_assert_false (kefu_store_record_out_of_area_notice (store, kefu_call_get_order (near),
                                                        "已电话致歉", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kefu_store_record_out_of_area_notice (store, order, " 已电话致歉，建议到超市购买 ",
                                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (order)), ==, 2);
  g_assert_cmpstr (kefu_order_get_area_note (order), ==, "已电话致歉，建议到超市购买");
  g_assert_nonnull (kefu_order_get_area_notified_at (order));
  g_assert_cmpint (kefu_order_get_area_notified_by_id (order), ==, co.sales_admin);

  after = kefu_store_list_out_of_area_orders (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);

  /* Once is enough. */
  g_assert_false (kefu_store_record_out_of_area_notice (store, order, "再次致歉", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(KefuCall) stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (far)),
                                                      NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kefu_order_get_area_note (kefu_call_get_order (stored)), ==,
                     "已电话致歉，建议到超市购买");
    g_assert_cmpint (kefu_order_get_area_notified_by_id (kefu_call_get_order (stored)), ==,
                     co.sales_admin);
  }
}

static KefuLead *
only_lead (KefuStore     *store,
           KefuLeadState  state)
{
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;

  leads = kefu_store_list_leads (store, state, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  return g_list_model_get_item (leads, 0);
}

static guint
n_leads (KefuStore     *store,
         KefuLeadState  state)
{
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;

  leads = kefu_store_list_leads (store, state, NULL, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (leads);
}

static void
test_lead_converted (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) asked = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) ordered = test_local_time (2026, 3, 11, 9, 0);
  g_autoptr(KefuCall) inquiry = NULL;
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(KefuCall) again = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(KefuLead) lead = NULL;
  g_autoptr(KefuLead) converted = NULL;
  g_autoptr(GError) error = NULL;
  Company co;

  test_company_setup (store, &co);
  inquiry = test_inquiry_call (co.clerk2, "13800138000", TRUE, asked);
  test_save_call (store, inquiry);

  lead = only_lead (store, KEFU_LEAD_STATE_OPEN);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (lead)), ==,
                   kefu_inquiry_get_lead_id (kefu_call_get_inquiry (inquiry)));
  g_assert_cmpint (kefu_lead_get_inquiry_id (lead), ==,
                   kefu_record_get_id (KEFU_RECORD (kefu_call_get_inquiry (inquiry))));
  g_assert_cmpint (kefu_lead_get_call_id (lead), ==, kefu_record_get_id (KEFU_RECORD (inquiry)));
  g_assert_cmpstr (kefu_lead_get_call_reference (lead), ==, "ZX-20260310-0001");
  g_assert_cmpint (kefu_lead_get_customer_id (lead), ==, kefu_call_get_customer_id (inquiry));
  g_assert_cmpstr (kefu_lead_get_caller_name (lead), ==, "张三");
  g_assert_cmpstr (kefu_lead_get_phone (lead), ==, "13800138000");
  g_assert_cmpstr (kefu_lead_get_address (lead), ==, "北京市朝阳区建国路88号");
  g_assert_cmpint (kefu_lead_get_clerk_id (lead), ==, co.clerk2);
  g_assert_cmpstr (kefu_lead_get_clerk_name (lead), ==, "clerk2");
  g_assert_true (g_date_time_equal (kefu_lead_get_received_at (lead), asked));
  g_assert_nonnull (strstr (kefu_lead_get_summary (lead), "介绍了鲜牛奶的价格和送货方式"));
  g_assert_cmpint (kefu_lead_get_state (lead), ==, KEFU_LEAD_STATE_OPEN);
  g_assert_cmpint (kefu_lead_get_order_call_id (lead), ==, 0);
  g_assert_null (kefu_lead_get_closed_at (lead));

  /* The team lead turns it into an order call. */
  kefu_store_set_actor (store, co.team_lead);
  order = test_order_call (&co, co.team_lead, "13800138000", "朝阳区", KEFU_CHANNEL_HOME_DELIVERY,
                           ordered);
  kefu_order_set_lead_id (kefu_call_get_order (order), kefu_record_get_id (KEFU_RECORD (lead)));
  test_save_call (store, order);
  g_assert_cmpint (kefu_call_get_customer_id (order), ==, kefu_call_get_customer_id (inquiry));

  g_assert_cmpuint (n_leads (store, KEFU_LEAD_STATE_OPEN), ==, 0);
  converted = only_lead (store, KEFU_LEAD_STATE_CONVERTED);
  g_assert_cmpint (kefu_lead_get_order_call_id (converted), ==,
                   kefu_record_get_id (KEFU_RECORD (order)));
  g_assert_nonnull (kefu_lead_get_closed_at (converted));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (converted)), ==, 2);
  {
    g_autofree char *closed_by = test_query_text (store, "SELECT closed_by FROM leads WHERE id = $1",
                                                  kefu_record_get_id (KEFU_RECORD (converted)));

    g_assert_cmpint (g_ascii_strtoll (closed_by, NULL, 10), ==, co.team_lead);
  }
  stored = kefu_store_get_call (store, kefu_record_get_id (KEFU_RECORD (order)), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_order_get_lead_id (kefu_call_get_order (stored)), ==,
                   kefu_record_get_id (KEFU_RECORD (lead)));

  /* A lead becomes one order only. */
  again = test_order_call (&co, co.team_lead, "13800138000", "朝阳区", KEFU_CHANNEL_HOME_DELIVERY,
                           ordered);
  kefu_order_set_lead_id (kefu_call_get_order (again), kefu_record_get_id (KEFU_RECORD (lead)));
  g_assert_false (kefu_store_save_call (store, again, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM orders"), ==, 1);
  g_clear_error (&error);

  /* Neither can the lead be dropped now. */
  kefu_lead_set_note (converted, "客户不要了");
  g_assert_false (kefu_store_drop_lead (store, converted, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
}

static void
test_lead_dropped (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) asked = test_local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) ordered = test_local_time (2026, 3, 11, 9, 0);
  g_autoptr(KefuCall) inquiry = NULL;
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(KefuLead) lead = NULL;
  g_autoptr(KefuLead) dropped = NULL;
  g_autoptr(GError) error = NULL;
  Company co;

  test_company_setup (store, &co);
  inquiry = test_inquiry_call (co.clerk, "13800138000", TRUE, asked);
  test_save_call (store, inquiry);
  lead = only_lead (store, KEFU_LEAD_STATE_OPEN);
  kefu_store_set_actor (store, co.team_lead);

  /* A reason is required. */
  g_assert_false (kefu_store_drop_lead (store, lead, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  kefu_lead_set_note (lead, " 客户已在别家订奶 ");
  kefu_record_set_version (KEFU_RECORD (lead), 5);
  g_assert_false (kefu_store_drop_lead (store, lead, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);
  kefu_record_set_version (KEFU_RECORD (lead), 1);

  g_assert_true (kefu_store_drop_lead (store, lead, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_lead_get_state (lead), ==, KEFU_LEAD_STATE_DROPPED);
  g_assert_cmpstr (kefu_lead_get_note (lead), ==, "客户已在别家订奶");
  g_assert_nonnull (kefu_lead_get_closed_at (lead));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (lead)), ==, 2);

  g_assert_cmpuint (n_leads (store, KEFU_LEAD_STATE_OPEN), ==, 0);
  dropped = only_lead (store, KEFU_LEAD_STATE_DROPPED);
  g_assert_cmpstr (kefu_lead_get_note (dropped), ==, "客户已在别家订奶");
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'leads' AND "
                                      "action = 'update'"), ==, 1);

  /* Dropped once; and no order can convert it any more, customer and all rolled back. */
  g_assert_false (kefu_store_drop_lead (store, lead, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  order = test_order_call (&co, co.team_lead, "13600136000", "朝阳区", KEFU_CHANNEL_RETAIL, ordered);
  kefu_order_set_lead_id (kefu_call_get_order (order), kefu_record_get_id (KEFU_RECORD (lead)));
  g_assert_false (kefu_store_save_call (store, order, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM calls"), ==, 1);
}

void
test_store_add_handover_tests (void)
{
  TEST_ADD ("calls/handover", test_handover);
  TEST_ADD ("calls/out-of-area-notice", test_out_of_area_notice);
  TEST_ADD ("calls/lead-converted", test_lead_converted);
  TEST_ADD ("calls/lead-dropped", test_lead_dropped);
}
