/* test-store-jobs.c: service jobs worked through their steps, on both backends: a repair
 * diagnosed as on-site, its market-support request approved by the GM office, a technician sent,
 * progress reported and the feedback form completing it with its callback; a factory repair, a
 * return and a replacement; the fee rule; stale versions; and the helpers and main () of the
 * job tests (the lists, warranty and history are in test-store-jobs-lists.c).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include "core/kefu-product.h"
#include "store/kefu-store-clock.h"
#include "kefu-test-company.h"
#include "test-store-jobs.h"

/* Helpers */

static gint64
make_product (KefuStore  *store,
              const char *name,
              guint       months)
{
  g_autoptr(KefuProduct) product = kefu_product_new ();
  g_autoptr(GError) error = NULL;

  kefu_product_set_name (product, name);
  kefu_product_set_unit_price (product, 1250000);
  kefu_product_set_warranty_months (product, months);
  kefu_product_set_active (product, TRUE);
  g_assert_true (kefu_store_create_product (store, product, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (product));
}

gint64
tj_customer (KefuStore  *store,
             const char *name,
             const char *phone)
{
  g_autoptr(KefuCustomer) customer = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  kefu_customer_set_address (customer, "上海市浦东新区张江路100号");
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

void
tj_setup (KefuStore *store,
          JobsCo    *jc)
{
  test_company_setup (store, &jc->co);
  jc->technician = kefu_test_make_staff (store, "梁工", "liang", KEFU_ROLE_TECHNICIAN, 0, TRUE);
  jc->technician2 = kefu_test_make_staff (store, "王工", "wang", KEFU_ROLE_TECHNICIAN, 0, TRUE);
  jc->sales_rep = kefu_test_make_staff (store, "李明", "liming", KEFU_ROLE_SALES_REP, 0, TRUE);
  jc->analyser = make_product (store, "分析仪 X200", 12);
  jc->centrifuge = make_product (store, "离心机", 24);
  jc->customer = tj_customer (store, "华康医院", "13800138000");
  jc->customer2 = tj_customer (store, "仁和诊所", "13900139000");
  jc->sf = test_count (store, "SELECT id FROM carriers WHERE kind = 'sf'");
}

gint64
tj_ship (KefuStore     *store,
         const JobsCo  *jc,
         gint64         customer,
         gint64         product,
         const char    *serial,
         guint          quantity,
         const char    *ship_date,
         const char    *requested_at,
         gint64        *shipment_id)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) line = NULL;
  g_autofree char *reference = g_strdup_printf ("FH-20250101-%04u", ++n);
  gint64 id;

  rows = _kefu_store_query (store,
                            "INSERT INTO shipments (reference, step, customer_id, customer_name, "
                            "requested_at, requested_by, ship_date, n_lines, total_quantity, "
                            "first_product_name) VALUES ($1, $2, $3, "
                            "(SELECT name FROM customers WHERE id = $3), $4, $5, $6, 1, $7, "
                            "(SELECT name FROM products WHERE id = $8)) RETURNING id",
                            g_variant_new ("(ssxsxmsxx)", reference,
                                           ship_date != NULL ? "shipped" : "requested",
                                           customer, requested_at, jc->co.clerk, ship_date,
                                           (gint64) quantity, product),
                            NULL, &error);
  g_assert_no_error (error);
  id = kefu_rows_get_int (rows, 0, 0);
  line = _kefu_store_query (store,
                            "INSERT INTO shipment_lines (shipment_id, product_id, product_name, "
                            "serial, quantity) VALUES ($1, $2, "
                            "(SELECT name FROM products WHERE id = $2), $3, $4) RETURNING id",
                            g_variant_new ("(xxmsx)", id, product, serial, (gint64) quantity),
                            NULL, &error);
  g_assert_no_error (error);
  if (shipment_id != NULL)
    *shipment_id = id;
  return kefu_rows_get_int (line, 0, 0);
}

KefuServiceJob *
tj_create (KefuStore   *store,
           gint64       actor,
           KefuJobKind  kind,
           gint64       customer,
           gint64       product,
           const char  *serial,
           const char  *symptoms)
{
  g_autoptr(KefuServiceJob) job = kefu_service_job_new ();
  g_autoptr(GError) error = NULL;
  KefuServiceJob *created;

  job->kind = kind;
  job->customer_id = customer;
  job->product_id = product;
  job->serial = g_strdup (serial);
  job->symptoms = g_strdup (symptoms);
  kefu_store_set_actor (store, actor);
  created = kefu_store_create_job (store, job, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpint (created->step, ==, KEFU_JOB_STEP_REPORTED);
  g_assert_cmpint (created->kind, ==, kind);
  g_assert_cmpint (created->version, ==, 1);
  return created;
}

KefuJobChange *
tj_change (KefuServiceJob *job,
           KefuJobAction   action,
           const char     *text)
{
  KefuJobChange *change = kefu_job_change_new (action, job->id, job->version);

  change->text = g_strdup (text);
  return change;
}

void
tj_apply (KefuStore       *store,
          gint64           actor,
          KefuServiceJob **job,
          KefuJobChange   *change)
{
  g_autoptr(GError) error = NULL;
  KefuServiceJob *changed;

  change->version = (*job)->version;
  kefu_store_set_actor (store, actor);
  changed = kefu_store_change_job (store, change, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changed);
  g_assert_cmpint (changed->id, ==, (*job)->id);
  g_assert_cmpint (changed->version, ==, (*job)->version + 1);
  g_object_unref (*job);
  *job = changed;
}

char *
tj_refused (KefuStore      *store,
            gint64          actor,
            KefuJobChange  *change,
            KefuStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM service_jobs WHERE id = %"
                                          G_GINT64_FORMAT, change->job_id);
  gint64 version = test_count (store, sql);
  gint64 events = test_count (store, "SELECT COUNT(*) FROM events");

  kefu_store_set_actor (store, actor);
  job = kefu_store_change_job (store, change, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, (gint) code);
  g_assert_null (job);
  g_assert_cmpint (test_count (store, sql), ==, version);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events"), ==, events);
  return g_strdup (error->message);
}

char *
tj_event (KefuStore  *store,
          gint64      job_id,
          const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT details FROM events WHERE entity = 'service-job' AND "
                            "entity_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1",
                            g_variant_new ("(xs)", job_id, action), NULL, &error);
  g_assert_no_error (error);
  return kefu_rows_get_n_rows (rows) > 0 ? g_strdup (kefu_rows_get_text (rows, 0, 0)) : NULL;
}

void
tj_assert_day (const GDate *day,
               int          year,
               int          month,
               int          day_of_month)
{
  g_assert_true (g_date_valid (day));
  g_assert_cmpint (g_date_get_year (day), ==, year);
  g_assert_cmpint (g_date_get_month (day), ==, month);
  g_assert_cmpint (g_date_get_day (day), ==, day_of_month);
}

void
tj_clock (KefuStore *store,
          int        year,
          int        month,
          int        day,
          int        hour,
          int        minute)
{
  g_autoptr(GDateTime) now = test_local_time (year, month, day, hour, minute);

  kefu_store_set_clock (store, now);
}

/* The repair walked on site */

static void
test_onsite_repair (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(KefuJobChange) change = NULL;
  g_autoptr(GDateTime) limit = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autofree char *details = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  gint64 shipment = 0, line;
  JobsCo jc;

  tj_setup (store, &jc);
  /* Shipped four months before the report: under warranty. */
  line = tj_ship (store, &jc, jc.customer, jc.analyser, "X200-0001", 1, "2026-07-27",
                  "2026-07-20 02:00:00.000Z", &shipment);
  /* Monday 30 November 2026, 09:00 in Shanghai. */
  tj_clock (store, 2026, 11, 30, 9, 0);
  job = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, 0, "X200-0001",
                   "开机无显示");
  g_assert_true (g_str_has_prefix (job->reference, "SH-20261130-"));
  g_assert_cmpstr (job->customer_name, ==, "华康医院");
  g_assert_cmpstr (job->customer_phone, ==, "13800138000");
  g_assert_cmpstr (job->address, ==, "上海市浦东新区张江路100号");
  /* The product and the shipment come from the shipped line of its serial. */
  g_assert_cmpint (job->product_id, ==, jc.analyser);
  g_assert_cmpstr (job->product_name, ==, "分析仪 X200");
  g_assert_cmpint (job->shipment_line_id, ==, line);
  g_assert_cmpint (job->shipment_id, ==, shipment);
  g_assert_true (g_str_has_prefix (job->shipment_reference, "FH-"));
  g_assert_cmpuint (job->warranty_months, ==, 12);
  g_assert_cmpint (job->warranty, ==, KEFU_WARRANTY_IN);
  tj_assert_day (&job->warranty_start, 2026, 7, 27);
  g_assert_cmpint (job->reported_by, ==, jc.co.clerk);
  details = tj_event (store, job->id, "reported");
  g_assert_cmpstr (details, ==, "{\"kind\":\"repair\",\"source\":\"customer-call\"}");

  /* The phone diagnosis decides on an on-site repair: a clerk may not make it. */
  change = tj_change (job, KEFU_JOB_ACTION_DIAGNOSE, "电源板故障,需上门更换");
  change->decided_kind = KEFU_JOB_KIND_ONSITE_REPAIR;
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  tj_clock (store, 2026, 11, 30, 10, 0);
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->kind, ==, KEFU_JOB_KIND_ONSITE_REPAIR);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_REPORTED);
  g_assert_cmpstr (job->diagnosis, ==, "电源板故障,需上门更换");
  g_assert_cmpint (job->diagnosed_by, ==, jc.technician);
  g_assert_cmpstr (job->diagnosed_by_name, ==, "梁工");
  g_clear_pointer (&details, g_free);
  details = tj_event (store, job->id, "diagnosed");
  g_assert_cmpstr (details, ==, "{\"text\":\"电源板故障,需上门更换\",\"kind\":\"onsite-repair\","
                                "\"solved\":false}");

  /* The market-support request, by the account manager. */
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_REQUEST_SUPPORT, "上门更换电源板");
  tj_apply (store, jc.sales_rep, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_SUPPORT_REQUESTED);
  g_assert_cmpstr (job->support_purpose, ==, "上门更换电源板");
  g_assert_cmpstr (job->support_requested_by_name, ==, "李明");
  g_clear_pointer (&details, g_free);
  details = tj_event (store, job->id, "support-requested");
  g_assert_cmpstr (details, ==, "{\"text\":\"上门更换电源板\",\"from\":\"reported\","
                                "\"to\":\"support-requested\"}");

  /* Only the GM office approves it. */
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_APPROVE_SUPPORT, NULL);
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (message, !=, "");
  tj_apply (store, jc.co.gm_office, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_APPROVED);
  g_assert_cmpint (job->approved_by, ==, jc.co.gm_office);
  g_assert_nonnull (job->approved_at);

  /* Dispatch sends a technician, never a clerk. */
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_DISPATCH, NULL);
  change->technician_id = jc.co.clerk2;
  g_date_set_dmy (&change->agreed_date, 2, 12, 2026);
  change->travel_days = 2;
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_INVALID);
  change->technician_id = jc.technician;
  tj_apply (store, jc.co.clerk, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_DISPATCHED);
  g_assert_cmpint (job->technician_id, ==, jc.technician);
  g_assert_cmpstr (job->technician_name, ==, "梁工");
  tj_assert_day (&job->agreed_date, 2026, 12, 2);
  g_assert_cmpuint (job->travel_days, ==, 2);
  g_clear_pointer (&details, g_free);
  details = tj_event (store, job->id, "dispatched");
  expected = g_strdup_printf ("{\"technician\":{\"id\":%" G_GINT64_FORMAT ",\"name\":\"梁工\"},"
                              "\"agreed_date\":\"2026-12-02\",\"travel_days\":2,"
                              "\"from\":\"approved\",\"to\":\"dispatched\"}", jc.technician);
  g_assert_cmpstr (details, ==, expected);

  /* The technician leaves, reports progress, and files the feedback form. */
  tj_clock (store, 2026, 12, 2, 8, 0);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_DEPART, NULL);
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_ON_TRIP);
  g_assert_nonnull (job->departed_at);

  tj_clock (store, 2026, 12, 2, 15, 0);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_REPORT_PROGRESS, "已到达客户现场,正在检测");
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_ON_TRIP);
  g_assert_cmpuint (job->n_progress, ==, 1);
  g_assert_cmpuint (job->progress->len, ==, 1);
  g_assert_cmpstr (((KefuJobProgress *) g_ptr_array_index (job->progress, 0))->text, ==,
                   "已到达客户现场,正在检测");
  g_assert_cmpstr (((KefuJobProgress *) g_ptr_array_index (job->progress, 0))->reported_by_name,
                   ==, "梁工");

  /* Thursday 3 December, 11:00: the job is done. */
  tj_clock (store, 2026, 12, 3, 11, 0);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_FILE_FEEDBACK, "更换后运行正常");
  change->work_done = g_strdup ("更换电源板");
  change->parts_used = g_strdup ("电源板 ×1");
  change->fixed = TRUE;
  change->customer_comment = g_strdup ("满意");
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_COMPLETED);
  g_assert_cmpstr (job->work_done, ==, "更换电源板");
  g_assert_cmpstr (job->parts_used, ==, "电源板 ×1");
  g_assert_true (job->fixed);
  g_assert_cmpstr (job->result_note, ==, "更换后运行正常");
  g_assert_cmpstr (job->customer_comment, ==, "满意");
  g_assert_nonnull (job->returned_at);
  g_assert_nonnull (job->completed_at);
  g_assert_cmpint (job->completed_by, ==, jc.technician);

  /* Its after-service callback, due within three working days (by Tuesday 8 December at the
   * latest, whatever the site's working days; never before the completion). */
  g_assert_cmpint (job->callback_id, >, 0);
  g_assert_nonnull (job->callback_due_at);
  g_assert_cmpint (g_date_time_compare (job->callback_due_at, job->completed_at), >, 0);
  limit = test_local_time (2026, 12, 8, 23, 59);
  g_assert_cmpint (g_date_time_compare (job->callback_due_at, limit), <, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks WHERE reason = "
                                      "'after-service' AND source_entity = 'service-job'"), ==, 1);
  g_clear_pointer (&details, g_free);
  details = tj_event (store, job->id, "callback-scheduled");
  g_assert_nonnull (details);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("{\"callback_id\":%" G_GINT64_FORMAT ",", job->callback_id);
  g_assert_true (g_str_has_prefix (details, expected));

  /* The timeline tells every step, oldest first. */
  timeline = kefu_store_list_job_timeline (store, job->id, NULL, NULL);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 9);
  {
    g_autoptr(KefuEvent) first = g_list_model_get_item (timeline, 0);
    g_autoptr(KefuEvent) last = g_list_model_get_item (timeline, 8);

    g_assert_cmpstr (kefu_event_get_action (first), ==, "reported");
    g_assert_cmpstr (kefu_event_get_action (last), ==, "callback-scheduled");
  }

  /* A completed job takes no more steps. */
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_CANCEL, "重复");
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.cs_manager, change, KEFU_STORE_ERROR_INVALID);
  kefu_store_set_clock (store, NULL);
}

/* A rejected request goes back to Reported with the reason. */
static void
test_support_rejected (Fixture       *fixture,
                       gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(KefuJobChange) change = NULL;
  g_autofree char *details = NULL;
  g_autofree char *message = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  job = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_INSTALLATION, jc.customer, jc.analyser,
                   "X200-0100", NULL);
  /* An installation carries no fee and needs no diagnosis. */
  change = tj_change (job, KEFU_JOB_ACTION_REQUEST_SUPPORT, "安装调试");
  tj_apply (store, jc.co.clerk, &job, change);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_REJECT_SUPPORT, "请先确认场地条件");
  message = tj_refused (store, jc.co.cs_manager, change, KEFU_STORE_ERROR_PERMISSION);
  tj_apply (store, jc.co.gm_office, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_REPORTED);
  g_assert_cmpstr (job->rejection_reason, ==, "请先确认场地条件");
  details = tj_event (store, job->id, "support-rejected");
  g_assert_cmpstr (details, ==, "{\"text\":\"请先确认场地条件\",\"from\":\"support-requested\","
                                "\"to\":\"reported\"}");
}

/* The factory round trip */

static void
send (KefuStore       *store,
      gint64           actor,
      KefuServiceJob **job,
      KefuJobAction    action,
      gint64           carrier,
      const char      *waybill)
{
  g_autoptr(KefuJobChange) change = tj_change (*job, action, NULL);

  change->carrier_id = carrier;
  change->waybill = g_strdup (waybill);
  tj_apply (store, actor, job, change);
}

static void
test_factory_repair (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(KefuJobChange) change = NULL;
  g_autofree char *details = NULL;
  g_autofree char *message = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  tj_ship (store, &jc, jc.customer, jc.centrifuge, "LX-77", 1, "2026-06-01",
           "2026-05-28 02:00:00.000Z", NULL);
  job = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, jc.centrifuge,
                   "LX-77", "转速不稳");
  g_assert_cmpint (job->warranty, ==, KEFU_WARRANTY_IN);
  change = tj_change (job, KEFU_JOB_ACTION_DIAGNOSE, "电机需返厂检修");
  change->decided_kind = KEFU_JOB_KIND_FACTORY_REPAIR;
  tj_apply (store, jc.co.cs_manager, &job, change);
  g_assert_cmpint (job->kind, ==, KEFU_JOB_KIND_FACTORY_REPAIR);

  /* A waybill that is not SF Express's form is refused. */
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_SEND_TO_FACTORY, NULL);
  change->carrier_id = jc.sf;
  change->waybill = g_strdup ("SF12345");
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_INVALID);

  send (store, jc.co.clerk, &job, KEFU_JOB_ACTION_SEND_TO_FACTORY, jc.sf, "SF1234567890123");
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_SENT_TO_FACTORY);
  g_assert_cmpstr (job->out_carrier_name, ==, "顺丰速运");
  g_assert_cmpstr (job->out_waybill, ==, "SF1234567890123");
  details = tj_event (store, job->id, "sent-to-factory");
  g_assert_cmpstr (details, ==, "{\"carrier\":\"顺丰速运\",\"waybill\":\"SF1234567890123\","
                                "\"from\":\"reported\",\"to\":\"sent-to-factory\"}");

  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_RECEIVE_AT_FACTORY, NULL);
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_AT_FACTORY);
  g_assert_nonnull (job->received_at_factory_at);

  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_RECORD_REPAIR, "更换电机轴承");
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_PERMISSION);
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_REPAIRED);
  g_assert_cmpstr (job->repair_note, ==, "更换电机轴承");
  g_assert_false (job->replaced);

  send (store, jc.co.clerk, &job, KEFU_JOB_ACTION_SEND_BACK, jc.sf, "SF9876543210987");
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_SENT_BACK);
  g_assert_cmpstr (job->back_carrier_name, ==, "顺丰速运");
  g_assert_cmpstr (job->back_waybill, ==, "SF9876543210987");

  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (job, KEFU_JOB_ACTION_CONFIRM_RECEIPT, NULL);
  change->receipt_method = KEFU_RECEIPT_METHOD_PHONE;
  tj_apply (store, jc.co.clerk, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_COMPLETED);
  g_assert_nonnull (job->customer_received_at);
  g_assert_cmpint (job->callback_id, >, 0);
  g_clear_pointer (&details, g_free);
  details = tj_event (store, job->id, "receipt-confirmed");
  g_assert_cmpstr (details, ==, "{\"method\":\"phone\",\"from\":\"sent-back\","
                                "\"to\":\"completed\"}");
}

static void
test_return_and_replacement (Fixture       *fixture,
                             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) ret = NULL;
  g_autoptr(KefuServiceJob) replacement = NULL;
  g_autoptr(KefuJobChange) change = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  tj_ship (store, &jc, jc.customer, jc.analyser, "X200-0200", 1, "2026-11-01",
           "2026-10-28 02:00:00.000Z", NULL);

  /* A return: to the factory, received, completed, with no callback. */
  ret = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_RETURN, jc.customer, 0, "X200-0200", NULL);
  send (store, jc.co.clerk, &ret, KEFU_JOB_ACTION_SEND_TO_FACTORY, jc.sf, "SF1234567890124");
  change = tj_change (ret, KEFU_JOB_ACTION_RECEIVE_AT_FACTORY, NULL);
  tj_apply (store, jc.co.clerk, &ret, change);
  g_assert_cmpint (ret->step, ==, KEFU_JOB_STEP_COMPLETED);
  g_assert_cmpint (ret->callback_id, ==, 0);
  g_assert_null (ret->callback_due_at);

  /* A replacement: sent back, received, completed with its callback. */
  replacement = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPLACEMENT, jc.customer, 0,
                           "X200-0200", NULL);
  g_assert_cmpint (replacement->warranty, ==, KEFU_WARRANTY_IN);
  send (store, jc.co.clerk, &replacement, KEFU_JOB_ACTION_SEND_BACK, jc.sf, "SF1234567890125");
  g_assert_cmpint (replacement->step, ==, KEFU_JOB_STEP_SENT_BACK);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (replacement, KEFU_JOB_ACTION_CONFIRM_RECEIPT, NULL);
  change->receipt_method = KEFU_RECEIPT_METHOD_SIGNED_SLIP;
  tj_apply (store, jc.co.clerk, &replacement, change);
  g_assert_cmpint (replacement->step, ==, KEFU_JOB_STEP_COMPLETED);
  g_assert_cmpint (replacement->callback_id, >, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks"), ==, 1);
}

/* A repair solved on the phone is completed by its diagnosis. */
static void
test_solved_by_phone (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(KefuJobChange) change = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  job = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, jc.analyser, NULL,
                   "屏幕闪烁");
  change = tj_change (job, KEFU_JOB_ACTION_DIAGNOSE, "指导客户重新设置刷新率后正常");
  change->solved = TRUE;
  tj_apply (store, jc.technician, &job, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_COMPLETED);
  g_assert_true (job->fixed);
  g_assert_cmpint (job->callback_id, >, 0);
}

/* The fee rule */

static void
test_fee_rule (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) paid = NULL;
  g_autoptr(KefuServiceJob) unknown = NULL;
  g_autoptr(KefuJobChange) change = NULL;
  g_autofree char *message = NULL;
  g_autofree char *details = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  /* Shipped two years ago: a year's warranty is long over. */
  tj_ship (store, &jc, jc.customer, jc.analyser, "X200-OLD", 1, "2024-10-08",
           "2024-10-01 02:00:00.000Z", NULL);
  paid = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_ONSITE_REPAIR, jc.customer, 0, "X200-OLD",
                    "打印模块卡纸");
  g_assert_cmpint (paid->warranty, ==, KEFU_WARRANTY_OUT);
  change = tj_change (paid, KEFU_JOB_ACTION_REQUEST_SUPPORT, "上门维修");
  tj_apply (store, jc.co.clerk, &paid, change);
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (paid, KEFU_JOB_ACTION_APPROVE_SUPPORT, NULL);
  tj_apply (store, jc.co.gm_office, &paid, change);

  /* No dispatch before the fee is quoted and agreed. */
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (paid, KEFU_JOB_ACTION_DISPATCH, NULL);
  change->technician_id = jc.technician;
  g_date_set_dmy (&change->agreed_date, 10, 12, 2026);
  change->travel_days = 1;
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_INVALID);
  {
    g_autoptr(KefuJobChange) fee = tj_change (paid, KEFU_JOB_ACTION_RECORD_FEE, "客户要考虑");

    fee->fee_fen = 80000;
    fee->fee_agreed = FALSE;
    tj_apply (store, jc.co.clerk, &paid, fee);
    g_assert_cmpint (paid->fee_fen, ==, 80000);
    g_assert_false (paid->fee_agreed);
  }
  /* Quoted but not agreed is not enough. */
  change->version = paid->version;
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_INVALID);
  {
    g_autoptr(KefuJobChange) fee = tj_change (paid, KEFU_JOB_ACTION_RECORD_FEE, "电话确认同意");

    fee->fee_fen = 80000;
    fee->fee_agreed = TRUE;
    tj_apply (store, jc.co.clerk, &paid, fee);
    g_assert_true (paid->fee_agreed);
    g_assert_cmpstr (paid->fee_note, ==, "电话确认同意");
    g_assert_nonnull (paid->fee_recorded_at);
  }
  details = tj_event (store, paid->id, "fee-recorded");
  g_assert_cmpstr (details, ==, "{\"fee_fen\":80000,\"agreed\":true,\"text\":\"电话确认同意\"}");
  tj_apply (store, jc.co.clerk, &paid, change);
  g_assert_cmpint (paid->step, ==, KEFU_JOB_STEP_DISPATCHED);

  /* A product nobody shipped or installed: the warranty is unknown until decided by hand. */
  unknown = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPLACEMENT, jc.customer2, jc.analyser,
                       "UNKNOWN-1", NULL);
  g_assert_cmpint (unknown->warranty, ==, KEFU_WARRANTY_UNKNOWN);
  g_assert_false (g_date_valid (&unknown->warranty_start));
  g_clear_pointer (&change, kefu_job_change_free);
  change = tj_change (unknown, KEFU_JOB_ACTION_SEND_BACK, NULL);
  change->carrier_id = jc.sf;
  change->waybill = g_strdup ("SF1234567890126");
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.clerk, change, KEFU_STORE_ERROR_INVALID);
  {
    g_autoptr(KefuJobChange) set = tj_change (unknown, KEFU_JOB_ACTION_SET_WARRANTY,
                                              "客户出示购货发票,仍在保修期内");

    set->warranty = KEFU_WARRANTY_IN;
    g_clear_pointer (&message, g_free);
    message = tj_refused (store, jc.technician, set, KEFU_STORE_ERROR_PERMISSION);
    tj_apply (store, jc.co.clerk, &unknown, set);
  }
  g_assert_cmpint (unknown->warranty, ==, KEFU_WARRANTY_IN);
  g_assert_cmpstr (unknown->warranty_reason, ==, "客户出示购货发票,仍在保修期内");
  g_clear_pointer (&details, g_free);
  details = tj_event (store, unknown->id, "warranty-set");
  g_assert_cmpstr (details, ==, "{\"warranty\":\"in\",\"text\":\"客户出示购货发票,仍在保修期内\"}");
  tj_apply (store, jc.co.clerk, &unknown, change);
  g_assert_cmpint (unknown->step, ==, KEFU_JOB_STEP_SENT_BACK);
}

/* Stale versions, notes and cancellation */

static void
test_stale_version (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(KefuJobChange) stale = NULL;
  g_autoptr(KefuJobChange) note = NULL;
  g_autoptr(KefuJobChange) cancel = NULL;
  g_autofree char *message = NULL;
  g_autofree char *details = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  job = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, jc.analyser, NULL,
                   "报警");
  stale = tj_change (job, KEFU_JOB_ACTION_ADD_NOTE, "客户下午再来电");
  note = tj_change (job, KEFU_JOB_ACTION_ADD_NOTE, "已联系客户");
  tj_apply (store, jc.co.clerk2, &job, note);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_REPORTED);
  details = tj_event (store, job->id, "note");
  g_assert_cmpstr (details, ==, "{\"text\":\"已联系客户\"}");
  /* Made against version 1, which is gone. */
  message = tj_refused (store, jc.co.clerk, stale, KEFU_STORE_ERROR_STALE_VERSION);

  cancel = tj_change (job, KEFU_JOB_ACTION_CANCEL, "客户自行解决");
  g_clear_pointer (&message, g_free);
  message = tj_refused (store, jc.co.clerk, cancel, KEFU_STORE_ERROR_PERMISSION);
  tj_apply (store, jc.co.team_lead, &job, cancel);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_CANCELLED);
  g_assert_cmpstr (job->cancel_reason, ==, "客户自行解决");
  g_assert_nonnull (job->cancelled_at);
  g_assert_cmpint (job->callback_id, ==, 0);

  /* A job that is not there. */
  {
    g_autoptr(KefuJobChange) missing = kefu_job_change_new (KEFU_JOB_ACTION_ADD_NOTE,
                                                            job->id + 100, 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(KefuServiceJob) none = NULL;

    missing->text = g_strdup ("?");
    none = kefu_store_change_job (store, missing, NULL, &error);
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  }
}

/* A repair needs its symptoms; a job needs its customer. */
static void
test_create_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuServiceJob) job = kefu_service_job_new ();
  g_autoptr(KefuServiceJob) created = NULL;
  g_autoptr(GError) error = NULL;
  JobsCo jc;

  tj_setup (store, &jc);
  kefu_store_set_actor (store, jc.co.clerk);
  job->kind = KEFU_JOB_KIND_REPAIR;
  job->customer_id = jc.customer;
  job->symptoms = g_strdup ("  \u3000 ");
  created = kefu_store_create_job (store, job, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_null (created);
  g_clear_error (&error);
  job->customer_id = 0;
  job->kind = KEFU_JOB_KIND_INSTALLATION;
  created = kefu_store_create_job (store, job, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM service_jobs"), ==, 0);
}

void
test_store_add_job_walk_tests (void)
{
  TEST_ADD ("jobs/onsite-repair", test_onsite_repair);
  TEST_ADD ("jobs/support-rejected", test_support_rejected);
  TEST_ADD ("jobs/factory-repair", test_factory_repair);
  TEST_ADD ("jobs/return-and-replacement", test_return_and_replacement);
  TEST_ADD ("jobs/solved-by-phone", test_solved_by_phone);
  TEST_ADD ("jobs/fee-rule", test_fee_rule);
  TEST_ADD ("jobs/stale-version", test_stale_version);
  TEST_ADD ("jobs/create-invalid", test_create_invalid);
}

int
main (int   argc,
      char *argv[])
{
  /* References, warranty days and the calendar are local days: China Standard Time. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_job_walk_tests ();
  test_store_add_job_list_tests ();
  test_store_add_archive_tests ();
  return g_test_run ();
}
