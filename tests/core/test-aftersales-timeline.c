/* test-aftersales-timeline.c: the words of a shipment's, a service job's and a callback's
 * events for each event shape the store writes (kefu-store-shipments.h, kefu-store-jobs.h),
 * field changes, and events whose details are broken. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-helpers.h"
#include "kefu-aftersales-timeline.h"

typedef CoreTestTimelineCase Case;

static const CoreTestTimelineWords words = {
  kefu_aftersales_event_title, kefu_aftersales_event_text, kefu_aftersales_event_changes,
  kefu_aftersales_event_icon_name,
};

static void
check_cases (const char *entity,
             const Case *cases,
             guint       n)
{
  core_test_check_timeline (&words, entity, cases, n);
}

static void
test_shipment (void)
{
  const Case cases[] = {
    { "requested", "{\"lines\":2,\"account_manager\":\"李明\"}",
      "Shipping requested for account manager 李明", NULL, "document-new-symbolic" },
    { "payment-confirmed", "{\"amount_fen\":1250000,\"from\":\"requested\",\"to\":\"payment-confirmed\"}",
      "Payment of ¥12,500.00 confirmed", NULL, "object-select-symbolic" },
    { "dispatch-issued", "{\"number\":\"FD-0042\",\"from\":\"payment-confirmed\",\"to\":\"dispatch-issued\"}",
      "Dispatch note FD-0042 issued", NULL, NULL },
    { "handed-over", "{\"from\":\"dispatch-issued\",\"to\":\"handed-over\"}",
      "Handed to logistics and the warehouse", NULL, NULL },
    { "shipped", "{\"carrier\":\"顺丰速运\",\"waybill\":\"SF1234567890123\",\"ship_date\":\"2026-11-20\","
      "\"expected_arrival\":\"2026-11-23\",\"from\":\"handed-over\",\"to\":\"shipped\"}",
      "Shipped with 顺丰速运, waybill SF1234567890123",
      "Ship date: 2026-11-20\nExpected arrival: 2026-11-23", "mail-send-symbolic" },
    { "delivered", "{\"from\":\"shipped\",\"to\":\"delivered\"}", "Delivered", NULL, NULL },
    { "receipt-confirmed", "{\"method\":\"signed-slip\",\"from\":\"delivered\",\"to\":\"received\"}",
      "Receipt confirmed: Signed slip", NULL, "checkbox-checked-symbolic" },
    { "exception", "{\"kind\":\"damaged\",\"text\":\"外箱破损，两台受损\",\"from\":\"shipped\","
      "\"to\":\"exception\"}", "Exception reported: Damaged", "外箱破损，两台受损",
      "dialog-warning-symbolic" },
    { "exception-resolved", "{\"outcome\":\"reshipped\",\"text\":\"补发两台\",\"carrier\":\"德邦快递\","
      "\"waybill\":\"DPK123456789012\",\"ship_date\":\"2026-11-25\",\"expected_arrival\":\"2026-11-27\","
      "\"from\":\"exception\",\"to\":\"shipped\"}",
      "Exception resolved: reshipped with 德邦快递, waybill DPK123456789012",
      "补发两台\nShip date: 2026-11-25\nExpected arrival: 2026-11-27", NULL },
    { "exception-resolved", "{\"outcome\":\"closed\",\"text\":\"已退回\",\"from\":\"exception\","
      "\"to\":\"cancelled\"}", "Exception resolved: Returned or written off", "已退回", NULL },
    { "cancelled", "{\"text\":\"客户取消订单\",\"from\":\"requested\",\"to\":\"cancelled\"}",
      "Shipment cancelled", "客户取消订单", "process-stop-symbolic" },
    { "note", "{\"text\":\"客户来电催货\"}", "Note", "客户来电催货", "document-edit-symbolic" },
  };

  check_cases ("shipment", cases, G_N_ELEMENTS (cases));
}

static void
test_job (void)
{
  const Case cases[] = {
    { "reported", "{\"kind\":\"repair\",\"source\":\"customer-call\"}",
      "Fault reported by the customer", NULL, "call-incoming-symbolic" },
    { "reported", "{\"kind\":\"installation\",\"source\":\"account-manager\"}",
      "Installation requested", NULL, NULL },
    { "diagnosed", "{\"text\":\"电源板故障\",\"kind\":\"factory-repair\",\"solved\":false,"
      "\"from\":\"reported\",\"to\":\"reported\"}", "Diagnosed: Factory repair", "电源板故障", NULL },
    { "diagnosed", "{\"text\":\"指导客户重置\",\"kind\":\"repair\",\"solved\":true}",
      "Diagnosed: solved on the phone", "指导客户重置", NULL },
    { "support-requested", "{\"text\":\"赴客户现场安装调试\"}", "Market-support request filed",
      "赴客户现场安装调试", NULL },
    { "support-approved", "{}", "Market-support request approved", NULL, NULL },
    { "support-rejected", "{\"text\":\"先电话指导\"}", "Market-support request rejected",
      "先电话指导", NULL },
    { "dispatched", "{\"technician\":{\"id\":7,\"name\":\"梁工\"},\"agreed_date\":\"2026-12-01\","
      "\"travel_days\":2}", "梁工 dispatched for 2026-12-01 (2 travel days)", NULL, NULL },
    { "dispatched", "{\"technician\":{\"id\":7,\"name\":\"梁工\"},\"agreed_date\":\"2026-12-01\","
      "\"travel_days\":1}", "梁工 dispatched for 2026-12-01 (1 travel day)", NULL, NULL },
    { "departed", "{}", "Technician departed", NULL, NULL },
    { "progress", "{\"text\":\"已到达客户处\"}", "Progress report", "已到达客户处", NULL },
    { "feedback-filed", "{\"work_done\":\"更换电源板\",\"parts_used\":\"电源板 x1\",\"fixed\":true,"
      "\"customer_comment\":\"满意\"}", "Service feedback form filed: fixed",
      "Work done: 更换电源板\nParts used: 电源板 x1\nCustomer's comment: 满意",
      "checkbox-checked-symbolic" },
    { "feedback-filed", "{\"work_done\":\"检查线路\",\"fixed\":false}",
      "Service feedback form filed: not fixed", "Work done: 检查线路", NULL },
    { "sent-to-factory", "{\"carrier\":\"顺丰速运\",\"waybill\":\"SF1234567890123\"}",
      "Sent to the factory with 顺丰速运, waybill SF1234567890123", NULL, NULL },
    { "received-at-factory", "{}", "Received at the factory", NULL, NULL },
    { "repaired", "{\"text\":\"更换主板\",\"replaced\":true}", "Replaced at the factory", "更换主板", NULL },
    { "sent-back", "{\"carrier\":\"顺丰速运\",\"waybill\":\"SF1234567890124\"}",
      "Sent to the customer with 顺丰速运, waybill SF1234567890124", NULL, NULL },
    { "receipt-confirmed", "{\"method\":\"phone\"}", "Receipt confirmed: Phone call", NULL, NULL },
    { "fee-recorded", "{\"fee_fen\":30000,\"agreed\":true,\"text\":\"人工加配件\"}",
      "Fee of ¥300.00 quoted, agreed by the customer", "人工加配件", NULL },
    { "fee-recorded", "{\"fee_fen\":30000,\"agreed\":false}",
      "Fee of ¥300.00 quoted, refused by the customer", NULL, NULL },
    { "warranty-set", "{\"warranty\":\"out\",\"text\":\"发票日期已过两年\"}",
      "Warranty set: Out of warranty (paid)", "发票日期已过两年", NULL },
    { "cancelled", "{\"text\":\"客户自行修好\"}", "Job cancelled", "客户自行修好", NULL },
    { "note", "{\"text\":\"客户要求上午上门\"}", "Note", "客户要求上午上门", NULL },
  };

  check_cases ("service-job", cases, G_N_ELEMENTS (cases));
}

/* The due time is told in local time (TZ is Shanghai in this test). */
static void
test_callback (void)
{
  const Case job_cases[] = {
    { "callback-scheduled", "{\"callback_id\":12,\"due_at\":\"2026-11-30T09:30:00Z\"}",
      "Callback scheduled, due 2026-11-30 17:30", NULL, "call-outgoing-symbolic" },
  };
  const Case callback_cases[] = {
    { "scheduled", "{\"reason\":\"after-service\",\"source\":{\"entity\":\"service-job\",\"id\":3},"
      "\"due_at\":\"2026-11-30 09:30:00.000Z\"}",
      "Callback scheduled (After service), due 2026-11-30 17:30", NULL, NULL },
  };

  check_cases ("service-job", job_cases, G_N_ELEMENTS (job_cases));
  check_cases ("callback", callback_cases, G_N_ELEMENTS (callback_cases));
}

/* Broken or missing details still give a title; an unknown action gives its name. */
static void
test_broken_details (void)
{
  const Case shipment[] = {
    { "shipped", "not json", "Shipped", NULL, NULL },
    { "shipped", "{\"waybill\":\"SF1234567890123\"}", "Shipped, waybill SF1234567890123", NULL, NULL },
    { "payment-confirmed", "{\"amount_fen\":\"lots\"}", "Payment confirmed", NULL, NULL },
    { "exception", "{\"kind\":\"stolen\"}", "Exception reported", NULL, NULL },
    { "exception-resolved", "[]", "Exception resolved", NULL, NULL },
    { "receipt-confirmed", "{\"method\":7}", "Receipt confirmed", NULL, NULL },
    { "teleported", "{}", "teleported", NULL, "dialog-information-symbolic" },
    { "note", "{\"text\":\"\"}", "Note", NULL, NULL },
  };
  const Case job[] = {
    { "reported", "", "Fault reported", NULL, NULL },
    { "dispatched", "{\"technician\":{\"id\":7}}", "Technician dispatched", NULL, NULL },
    { "dispatched", "{\"technician\":\"梁工\"}", "梁工 dispatched", NULL, NULL },
    { "feedback-filed", "{}", "Service feedback form filed", NULL, NULL },
    { "fee-recorded", "{\"fee_fen\":0}", "Fee recorded", NULL, NULL },
    { "warranty-set", "{\"warranty\":\"unknown\"}", "Warranty set", NULL, NULL },
    { "diagnosed", "{\"kind\":\"return\"}", "Diagnosed", NULL, NULL },
    { "callback-scheduled", "{\"due_at\":\"tomorrow\"}", "Callback scheduled", NULL, NULL },
  };

  check_cases ("shipment", shipment, G_N_ELEMENTS (shipment));
  check_cases ("service-job", job, G_N_ELEMENTS (job));
}

static void
test_changes (void)
{
  g_autoptr(KefuEvent) event = core_test_event_new ("shipment", "details-changed",
                                                    "{\"changes\":{\"address\":[\"北京市朝阳区\",\"北京市海淀区\"],"
                                          "\"lines\":[2,3],\"account_manager\":[null,{\"id\":5,\"name\":\"李明\"}],"
                                          "\"broken\":[1]}}");
  g_autoptr(GPtrArray) changes = kefu_aftersales_event_changes (event);
  g_autofree char *title = kefu_aftersales_event_title (event);
  KefuFieldChange *change;

  g_assert_cmpstr (title, ==, "Details changed");
  g_assert_cmpuint (changes->len, ==, 3);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->label, ==, "Address");
  g_assert_cmpstr (change->old_value, ==, "北京市朝阳区");
  g_assert_cmpstr (change->new_value, ==, "北京市海淀区");
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->label, ==, "Products");
  g_assert_cmpstr (change->old_value, ==, "2");
  g_assert_cmpstr (change->new_value, ==, "3");
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (change->label, ==, "Account manager");
  g_assert_null (change->old_value);
  g_assert_cmpstr (change->new_value, ==, "李明");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/aftersales-timeline/shipment", test_shipment);
  g_test_add_func ("/kefu/aftersales-timeline/job", test_job);
  g_test_add_func ("/kefu/aftersales-timeline/callback", test_callback);
  g_test_add_func ("/kefu/aftersales-timeline/broken-details", test_broken_details);
  g_test_add_func ("/kefu/aftersales-timeline/changes", test_changes);

  return g_test_run ();
}
