/* test-store-complaint-board.c: the helpers the complaint board's read tests share (a site, its
 * complaints and six prepared cases), and their main (): the filters, sorts and heads of the list
 * view are in test-store-complaint-board-list.c, the board, counts and cards in
 * test-store-complaint-board-cards.c, the deadline check, notices and batch alerts in
 * test-store-complaint-escalation.c.
 *
 * Complaints are created through kefu_store_save_call () like the intake pane does, then put in
 * the state a case needs with direct SQL, so that these reads are tested apart from the writes.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include "core/kefu-enums.h"
#include "kefu-test-company.h"
#include "test-store-complaint-board.h"

void
board_site_setup (KefuStore *store,
            Site      *site)
{
  site->cs_department = kefu_test_make_department (store, "客服中心");
  site->qc_department = kefu_test_make_department (store, "品控部");
  site->gm_department = kefu_test_make_department (store, "总经办");
  site->sales_department = kefu_test_make_department (store, "销售部");
  site->clerk = kefu_test_make_staff (store, "甲", "clerk", KEFU_ROLE_CLERK,
                                      site->cs_department, TRUE);
  site->clerk2 = kefu_test_make_staff (store, "乙", "clerk2", KEFU_ROLE_CLERK,
                                       site->cs_department, TRUE);
  site->lead = kefu_test_make_staff (store, "组长", "lead", KEFU_ROLE_TEAM_LEAD,
                                     site->cs_department, TRUE);
  site->qc_lead = kefu_test_make_staff (store, "品控组长", "qclead", KEFU_ROLE_TEAM_LEAD,
                                        site->qc_department, TRUE);
  site->cs_manager = kefu_test_make_staff (store, "经理", "csm", KEFU_ROLE_CS_MANAGER,
                                           site->cs_department, TRUE);
  site->qc_manager = kefu_test_make_staff (store, "品控经理", "qcm", KEFU_ROLE_QC_MANAGER,
                                           site->qc_department, TRUE);
  site->gm_office = kefu_test_make_staff (store, "主任", "gmo", KEFU_ROLE_GM_OFFICE,
                                          site->gm_department, TRUE);
  site->sales_admin = kefu_test_make_staff (store, "内勤", "sales", KEFU_ROLE_SALES_ADMIN,
                                            site->sales_department, TRUE);
  site->milk = kefu_test_make_product (store, "鲜牛奶", 1000);
  site->yogurt = kefu_test_make_product (store, "酸奶", 1000);
}

/* Saves the complaint call of `spec` and returns the complaint's id. */
gint64
board_make_complaint (KefuStore  *store,
                const Spec *spec)
{
  g_autoptr(GDateTime) received = test_local_time (2026, 3, spec->day, 9, 0);
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, spec->caller);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, spec->phone);
  kefu_call_set_clerk_id (call, spec->clerk);
  kefu_call_set_received_at (call, received);
  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, spec->reason);
  kefu_complaint_set_well_founded (complaint, spec->category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  if (spec->category == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    kefu_complaint_set_explanation (complaint, "误会已解释");
  kefu_complaint_set_category (complaint, spec->category);
  kefu_complaint_set_harmed (complaint, spec->harmed);
  if (spec->category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
      kefu_complaint_set_purchase_method (complaint, "超市购买");
      kefu_complaint_set_purchase_place (complaint, "华联超市");
      kefu_complaint_set_batch_number (complaint, spec->batch);
      kefu_complaint_set_product_id (complaint, spec->product);
    }
  else if (spec->category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
    {
      kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
      kefu_complaint_set_staff_identity (complaint, "工号 1024");
      kefu_complaint_set_work_place (complaint, "朝阳站");
      kefu_complaint_set_work_manner (complaint, "送奶到户");
    }
  kefu_call_set_complaint (call, complaint);

  kefu_store_save_call (store, call, NULL, &error);
  g_assert_no_error (error);
  id = kefu_store_find_complaint_by_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call))));
  return id;
}

void
board_exec (KefuStore  *store,
      const char *sql,
      GVariant   *params)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (_kefu_store_execute (store, sql, params, NULL, &error), >=, 0);
  g_assert_no_error (error);
}

void
board_set_due (KefuStore  *store,
         gint64      id,
         const char *kind,
         GDateTime  *since,
         GDateTime  *due)
{
  g_autofree char *since_text = kefu_time_to_db (since);
  g_autofree char *due_text = due != NULL ? kefu_time_to_db (due) : NULL;

  board_exec (store, "UPDATE complaints SET due_kind = $2, due_at = $3, stage_since = $4 WHERE id = $1",
        g_variant_new ("(xmsmss)", id, kind, due_text, since_text));
}

void
board_set_stage (KefuStore  *store,
           gint64      id,
           const char *stage)
{
  board_exec (store, "UPDATE complaints SET stage = $2 WHERE id = $1", g_variant_new ("(xs)", id, stage));
}

gint64
board_count (KefuStore  *store,
       const char *sql,
       gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, g_variant_new ("(x)", id), NULL,
                                                &error);

  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

/* A: 甲's product complaint (milk, AB-1) on the 10th; B: 乙's harmed service complaint on the 11th
 * whose reason holds "50%"; C: 甲's service complaint on the 12th; D: 乙's yogurt complaint with
 * batch "CD-2" and a "_" in its reason on the 13th; E: 甲's milk AB-1 complaint of the 1st, closed two days ago;
 * F: 乙's explained complaint of the 2nd. */
void
board_cases_setup (KefuStore *store,
             Cases     *k)
{
  Site *s = &k->site;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) closed = g_date_time_add_days (now, -2);
  g_autofree char *closed_text = kefu_time_to_db (closed);

  board_site_setup (store, s);
  k->a = board_make_complaint (store, &(Spec) { s->clerk, "张三", "13800000001",
                                          KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, s->milk,
                                          "AB-1", "有异味", 10 });
  k->b = board_make_complaint (store, &(Spec) { s->clerk2, "李四", "13800000002",
                                          KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, 0, NULL,
                                          "送货晚了，只送了 50% 的货", 11 });
  k->c = board_make_complaint (store, &(Spec) { s->clerk, "王五", "13800000003",
                                          KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                          "态度差", 12 });
  k->d = board_make_complaint (store, &(Spec) { s->clerk2, "赵六", "13800000004",
                                          KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, s->yogurt,
                                          "CD-2", "胀袋_2号", 13 });
  k->e = board_make_complaint (store, &(Spec) { s->clerk, "孙七", "13800000005",
                                          KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, s->milk,
                                          "ab-1", "变质", 1 });
  k->f = board_make_complaint (store, &(Spec) { s->clerk2, "周八", "13800000006",
                                          KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, FALSE, 0, NULL,
                                          "以为过期", 2 });
  board_exec (store, "UPDATE complaints SET stage = 'closed', closed_at = $2, due_at = NULL, "
               "due_kind = NULL WHERE id = $1",
        g_variant_new ("(xs)", k->e, closed_text));
}

int
main (int   argc,
      char *argv[])
{
  /* The deadlines are counted in local working time: China Standard Time, whatever the
   * machine's zone. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_complaint_board_list_tests ();
  test_store_add_complaint_board_card_tests ();
  test_store_add_complaint_escalation_tests ();
  return g_test_run ();
}
