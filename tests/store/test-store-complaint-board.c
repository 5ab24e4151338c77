/* test-store-complaint-board.c: reading the complaint board on both backends: every filter of
 * the board and the list view, every sort, the board's order, the cards' fields, the counts and
 * the asynchronous board; the helpers the board's tests share, and their main () (the deadline
 * check, notices and batch alerts are in test-store-complaint-escalation.c).
 *
 * Complaints are created through kefu_store_save_call () like the intake pane does, then put in
 * the state a case needs with direct SQL, so that these reads are tested apart from the writes.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>
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

GDateTime *
board_local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_utc (local);
}

/* Saves the complaint call of `spec` and returns the complaint's id. */
gint64
board_make_complaint (KefuStore  *store,
                const Spec *spec)
{
  g_autoptr(GDateTime) received = board_local_time (2026, 3, spec->day, 9, 0);
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

/* "a,b,c" of the ids, in the order given. */
static char *
ids_text (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids matching `filter`, in id order, as text. */
static char *
matching (KefuStore                 *store,
          const KefuComplaintFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filter,
                                                         KEFU_COMPLAINT_SORT_REFERENCE, FALSE,
                                                         NULL, &error);

  g_assert_no_error (error);
  g_array_sort (ids, compare_ids);
  return ids_text (ids);
}

static char *
expect (gint64 first,
        ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  /* -1 alone: nothing matches. */
  if (first == -1)
    return g_string_free (text, FALSE);
  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? "," : "", id);
  va_end (args);
  return g_string_free (text, FALSE);
}

#define ASSERT_MATCH(store, filter, ...) \
  G_STMT_START { \
    g_autofree char *got_ = matching (store, filter); \
    g_autofree char *want_ = expect (__VA_ARGS__, (gint64) 0); \
    g_assert_cmpstr (got_, ==, want_); \
  } G_STMT_END

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

/* Filters */

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(KefuComplaintFilter) copy = NULL;
  g_autoptr(GDateTime) now = board_local_time (2026, 3, 20, 9, 0);
  g_autoptr(GDateTime) past = board_local_time (2026, 3, 19, 9, 0);
  g_autoptr(GDateTime) future = board_local_time (2026, 3, 21, 9, 0);
  Cases k;
  Site *s = &k.site;

  board_cases_setup (store, &k);

  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.d, k.e, k.f);
  ASSERT_MATCH (store, NULL, k.a, k.b, k.c, k.d, k.e, k.f);

  /* Mine: the owner. */
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = s->clerk;
  ASSERT_MATCH (store, filter, k.a, k.c, k.e);
  filter->staff_id = s->clerk2;
  ASSERT_MATCH (store, filter, k.b, k.d, k.f);

  /* My department: routed to the staff member's department. Product complaints go to 品控部,
   * and a harmed customer's complaint to 总经办 as well; 销售部 has nothing. */
  filter->scope = KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT;
  filter->staff_id = s->qc_manager;
  ASSERT_MATCH (store, filter, k.a, k.d, k.e);
  filter->staff_id = s->gm_office;
  ASSERT_MATCH (store, filter, k.a, k.b, k.d, k.e);
  filter->staff_id = s->sales_admin;
  ASSERT_MATCH (store, filter, (gint64) -1);
  filter->scope = KEFU_COMPLAINT_SCOPE_ALL;

  filter->category = KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY;
  ASSERT_MATCH (store, filter, k.b, k.c);
  filter->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  ASSERT_MATCH (store, filter, k.a, k.d, k.e);
  filter->category = KEFU_COMPLAINT_CATEGORY_UNSPECIFIED;

  filter->department_id = s->qc_department;
  ASSERT_MATCH (store, filter, k.a, k.d, k.e);
  filter->department_id = s->gm_department;
  ASSERT_MATCH (store, filter, k.a, k.b, k.d, k.e);
  filter->department_id = 0;

  /* Overdue: a deadline before `now`; C's is after, D has none. */
  board_set_due (store, k.a, "acknowledge", past, past);
  board_set_due (store, k.b, "acknowledge", past, past);
  board_set_due (store, k.c, "acknowledge", past, future);
  board_set_due (store, k.d, NULL, past, NULL);
  filter->overdue_only = TRUE;
  filter->now = g_date_time_ref (now);
  ASSERT_MATCH (store, filter, k.a, k.b);
  filter->overdue_only = FALSE;

  filter->urgent_only = TRUE;
  ASSERT_MATCH (store, filter, k.b);
  filter->urgent_only = FALSE;

  /* Received in [11th 00:00, 13th 00:00) local. */
  filter->received_from = board_local_time (2026, 3, 11, 0, 0);
  filter->received_to = board_local_time (2026, 3, 13, 0, 0);
  ASSERT_MATCH (store, filter, k.b, k.c);
  g_clear_pointer (&filter->received_from, g_date_time_unref);
  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.e, k.f);
  g_clear_pointer (&filter->received_to, g_date_time_unref);

  /* Text: the caller's name, the phone, the batch (any case), the reason, the reference. */
  filter->text = g_strdup ("李四");
  ASSERT_MATCH (store, filter, k.b);
  g_free (filter->text);
  filter->text = g_strdup (" 00000003 ");
  ASSERT_MATCH (store, filter, k.c);
  g_free (filter->text);
  filter->text = g_strdup ("ab-1");
  ASSERT_MATCH (store, filter, k.a, k.e);
  g_free (filter->text);
  filter->text = g_strdup ("态度");
  ASSERT_MATCH (store, filter, k.c);
  g_free (filter->text);
  filter->text = g_strdup ("ts-");
  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.d, k.e, k.f);
  /* The pattern characters mean themselves: "%" is only in B's reason, "_" only in D's
   * reason ("d_2" would find D's batch "CD-2" if "_" stood for any character), "\" nowhere. */
  g_free (filter->text);
  filter->text = g_strdup ("50%");
  ASSERT_MATCH (store, filter, k.b);
  g_free (filter->text);
  filter->text = g_strdup ("%");
  ASSERT_MATCH (store, filter, k.b);
  g_free (filter->text);
  filter->text = g_strdup ("d_2");
  ASSERT_MATCH (store, filter, (gint64) -1);
  g_free (filter->text);
  filter->text = g_strdup ("袋_2");
  ASSERT_MATCH (store, filter, k.d);
  g_free (filter->text);
  filter->text = g_strdup ("_");
  ASSERT_MATCH (store, filter, k.d);
  g_free (filter->text);
  filter->text = g_strdup ("\\");
  ASSERT_MATCH (store, filter, (gint64) -1);
  g_free (filter->text);
  filter->text = g_strdup ("   ");
  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.d, k.e, k.f);
  g_clear_pointer (&filter->text, g_free);

  /* The linked complaints of a batch: the product and the batch key. */
  filter->product_id = s->milk;
  filter->batch_key = g_strdup ("AB-1");
  ASSERT_MATCH (store, filter, k.a, k.e);
  filter->product_id = s->yogurt;
  ASSERT_MATCH (store, filter, (gint64) -1);
  g_clear_pointer (&filter->batch_key, g_free);
  ASSERT_MATCH (store, filter, k.d);
  filter->product_id = 0;

  /* Filters combine, and a copy filters the same. */
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = s->clerk;
  filter->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  filter->text = g_strdup ("异味");
  ASSERT_MATCH (store, filter, k.a);
  copy = kefu_complaint_filter_copy (filter);
  g_clear_pointer (&filter->text, g_free);
  g_clear_pointer (&filter->now, g_date_time_unref);
  ASSERT_MATCH (store, copy, k.a);
  ASSERT_MATCH (store, filter, k.a, k.e);
}

/* Sorts */

static int
stage_rank (KefuComplaintStage stage)
{
  static const KefuComplaintStage order[] = {
    KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
    KEFU_COMPLAINT_STAGE_REOPENED, KEFU_COMPLAINT_STAGE_RESOLVED,
    KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_STAGE_CLOSED, KEFU_COMPLAINT_STAGE_EXPLAINED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == stage)
      return (int) i;
  g_assert_not_reached ();
}

static int
compare_times (GDateTime *a,
               GDateTime *b)
{
  return g_date_time_compare (a, b);
}

/* The sort key of `sort` between two cards, ascending, without the id tiebreak. */
static int
compare_cards (KefuComplaintCard *x,
               KefuComplaintCard *y,
               KefuComplaintSort  sort)
{
  switch (sort)
    {
    case KEFU_COMPLAINT_SORT_RECEIVED:
      return compare_times (kefu_complaint_card_get_received_at (x),
                            kefu_complaint_card_get_received_at (y));
    case KEFU_COMPLAINT_SORT_DUE:
      g_assert_not_reached ();
    case KEFU_COMPLAINT_SORT_REFERENCE:
      return strcmp (kefu_complaint_card_get_reference (x), kefu_complaint_card_get_reference (y));
    case KEFU_COMPLAINT_SORT_CUSTOMER:
      return strcmp (kefu_complaint_card_get_customer_name (x),
                     kefu_complaint_card_get_customer_name (y));
    case KEFU_COMPLAINT_SORT_STAGE:
      return stage_rank (kefu_complaint_card_get_stage (x)) -
             stage_rank (kefu_complaint_card_get_stage (y));
    case KEFU_COMPLAINT_SORT_OWNER:
      return strcmp (kefu_complaint_card_get_owner_name (x), kefu_complaint_card_get_owner_name (y));
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
sorted_cards (KefuStore         *store,
              KefuComplaintSort  sort,
              gboolean           descending,
              guint              n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, NULL, sort, descending, NULL,
                                                         &error);
  GPtrArray *cards;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n_expected);
  cards = kefu_store_get_complaint_cards (store, (gint64 *) ids->data, ids->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, n_expected);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, i)), ==,
                     g_array_index (ids, gint64, i));
  return cards;
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = board_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due1 = board_local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) due2 = board_local_time (2026, 3, 16, 9, 0);
  const KefuComplaintSort sorts[] = {
    KEFU_COMPLAINT_SORT_RECEIVED, KEFU_COMPLAINT_SORT_REFERENCE, KEFU_COMPLAINT_SORT_CUSTOMER,
    KEFU_COMPLAINT_SORT_STAGE, KEFU_COMPLAINT_SORT_OWNER,
  };
  Cases k;
  gint64 g;

  board_cases_setup (store, &k);
  /* A twin of C received at the same minute by the same clerk, so that ties need the id. */
  g = board_make_complaint (store, &(Spec) { k.site.clerk, "王五", "13800000003",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "又晚了", 12 });
  board_set_stage (store, k.c, "in-progress");
  board_set_stage (store, k.d, "reopened");
  board_set_stage (store, k.a, "resolved");

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GPtrArray) cards = sorted_cards (store, sorts[s], descending, 7);

        for (guint i = 1; i < cards->len; i++)
          {
            KefuComplaintCard *x = g_ptr_array_index (cards, i - 1);
            KefuComplaintCard *y = g_ptr_array_index (cards, i);
            int cmp = compare_cards (x, y, sorts[s]);

            if (descending)
              cmp = -cmp;
            g_assert_cmpint (cmp, <=, 0);
            /* Ties go by id, the same way. */
            if (cmp == 0)
              g_assert_true (descending ? kefu_complaint_card_get_id (x) > kefu_complaint_card_get_id (y)
                                        : kefu_complaint_card_get_id (x) < kefu_complaint_card_get_id (y));
          }
      }

  /* Ties do happen in these data: the same customer, owner and stage. */
  {
    g_autoptr(GPtrArray) cards = sorted_cards (store, KEFU_COMPLAINT_SORT_RECEIVED, TRUE, 7);

    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 0)), ==, k.d);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 1)), ==, g);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 2)), ==, k.c);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 6)), ==, k.e);
  }
  {
    g_autoptr(GPtrArray) cards = sorted_cards (store, KEFU_COMPLAINT_SORT_STAGE, FALSE, 7);
    const KefuComplaintStage want[] = {
      KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
      KEFU_COMPLAINT_STAGE_REOPENED, KEFU_COMPLAINT_STAGE_RESOLVED, KEFU_COMPLAINT_STAGE_CLOSED,
      KEFU_COMPLAINT_STAGE_EXPLAINED,
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      g_assert_cmpint (kefu_complaint_card_get_stage (g_ptr_array_index (cards, i)), ==, want[i]);
  }

  /* With a filter, each way of sorting keeps to it: 甲's complaints from 王五, C and G. */
  {
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
    const struct { KefuComplaintSort sort; gboolean descending; gint64 first; } cases[] = {
      { KEFU_COMPLAINT_SORT_STAGE, FALSE, g }, { KEFU_COMPLAINT_SORT_STAGE, TRUE, k.c },
      { KEFU_COMPLAINT_SORT_OWNER, FALSE, k.c }, { KEFU_COMPLAINT_SORT_OWNER, TRUE, g },
      { KEFU_COMPLAINT_SORT_RECEIVED, FALSE, k.c }, { KEFU_COMPLAINT_SORT_RECEIVED, TRUE, g },
      { KEFU_COMPLAINT_SORT_CUSTOMER, FALSE, k.c }, { KEFU_COMPLAINT_SORT_CUSTOMER, TRUE, g },
    };

    filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
    filter->staff_id = k.site.clerk;
    filter->text = g_strdup ("王五");
    for (guint n = 0; n < G_N_ELEMENTS (cases); n++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filter, cases[n].sort,
                                                               cases[n].descending, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, 2);
        g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cases[n].first);
        g_assert_cmpint (g_array_index (ids, gint64, 1), ==, cases[n].first == g ? k.c : g);
      }
  }

  /* By deadline: none last, whichever the direction; ties by id. */
  board_set_due (store, k.a, "callback", since, due2);
  board_set_due (store, k.b, "acknowledge", since, due1);
  board_set_due (store, k.c, "resolve", since, due2);
  board_set_due (store, k.d, "acknowledge", since, due1);
  board_set_due (store, g, NULL, since, NULL);
  for (int descending = 0; descending <= 1; descending++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, NULL, KEFU_COMPLAINT_SORT_DUE,
                                                             descending, NULL, &error);
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      g_assert_no_error (error);
      got = ids_text (ids);
      if (descending)
        want = expect (k.c, k.a, k.d, k.b, g, k.f, k.e, (gint64) 0);
      else
        want = expect (k.b, k.d, k.a, k.c, k.e, k.f, g, (gint64) 0);
      g_assert_cmpstr (got, ==, want);
    }
  /* The same with a filter on the call: C (due) before G (none), both ways. */
  {
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

    filter->text = g_strdup ("王五");
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filter,
                                                               KEFU_COMPLAINT_SORT_DUE,
                                                               descending, NULL, &error);
        g_autofree char *got = NULL;
        g_autofree char *want = expect (k.c, g, (gint64) 0);

        g_assert_no_error (error);
        got = ids_text (ids);
        g_assert_cmpstr (got, ==, want);
      }
  }
}

/* The head of every list is the list's beginning: for every sort, both ways, with and without a
 * filter, and for every length up to past the end, with the whole list's length as the total. */
static void
test_heads (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = board_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due1 = board_local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) due2 = board_local_time (2026, 3, 16, 9, 0);
  g_autoptr(KefuComplaintFilter) mine = kefu_complaint_filter_new ();
  g_autoptr(KefuComplaintFilter) text = kefu_complaint_filter_new ();
  const KefuComplaintFilter *filters[3];
  const KefuComplaintSort sorts[] = {
    KEFU_COMPLAINT_SORT_RECEIVED, KEFU_COMPLAINT_SORT_REFERENCE, KEFU_COMPLAINT_SORT_CUSTOMER,
    KEFU_COMPLAINT_SORT_STAGE, KEFU_COMPLAINT_SORT_OWNER, KEFU_COMPLAINT_SORT_DUE,
  };
  const char *const stages[] = { "in-progress", "reopened", "resolved", "routed" };
  gint64 extra[8];
  Cases k;

  board_cases_setup (store, &k);
  /* More complaints, with ties on every column (the same customer, day, clerk and deadline),
   * spread over the stages, some with a deadline. */
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      extra[i] = board_make_complaint (store, &(Spec) { i % 2 ? k.site.clerk : k.site.clerk2,
                                                        i % 3 ? "王五" : "赵六", "13800000003",
                                                        KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                                                        FALSE, 0, NULL, "又晚了", 12 + i % 2 });
      board_set_stage (store, extra[i], stages[i % G_N_ELEMENTS (stages)]);
      if (i % 3 != 2)
        board_set_due (store, extra[i], "resolve", since, i % 2 ? due1 : due2);
    }
  board_set_due (store, k.b, "acknowledge", since, due1);

  mine->scope = KEFU_COMPLAINT_SCOPE_MINE;
  mine->staff_id = k.site.clerk;
  text->text = g_strdup ("王五");
  filters[0] = NULL;
  filters[1] = mine;
  filters[2] = text;

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filters[f], sorts[s],
                                                                 descending, NULL, &error);

          g_assert_no_error (error);
          /* Both the filter's lists are long enough for heads shorter than them. */
          g_assert_cmpuint (ids->len, >=, f == 0 ? 14 : 6);
          for (guint n = 1; n <= ids->len + 1; n++)
            {
              gint64 n_total = -2;
              g_autoptr(GArray) head = kefu_store_list_complaint_ids_head (store, filters[f],
                                                                           sorts[s], descending,
                                                                           n, &n_total, NULL,
                                                                           &error);

              g_assert_no_error (error);
              /* A text search is not counted apart (-1) unless the head is all there is. */
              if (filters[f] == text && sorts[s] != KEFU_COMPLAINT_SORT_OWNER && n <= ids->len)
                g_assert_cmpint (n_total, ==, -1);
              else
                g_assert_cmpint (n_total, ==, ids->len);
              /* The owner's sort gives the whole list (nothing left to read); the others the
               * first n. */
              if (sorts[s] == KEFU_COMPLAINT_SORT_OWNER)
                g_assert_cmpuint (head->len, ==, ids->len);
              else
                g_assert_cmpuint (head->len, ==, MIN (n, ids->len));
              for (guint i = 0; i < head->len; i++)
                g_assert_cmpint (g_array_index (head, gint64, i), ==,
                                 g_array_index (ids, gint64, i));
            }
        }
}

/* The board */

static void
test_board_order (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = board_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) early = board_local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) late = board_local_time (2026, 3, 16, 9, 0);
  g_autoptr(GListModel) board = NULL;
  g_autoptr(GListModel) with_closed = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GDateTime) long_ago = NULL;
  g_autofree char *long_ago_text = NULL;
  Cases k;
  gint64 h, i;
  gint64 want[6];

  board_cases_setup (store, &k);
  /* In Routed: B is urgent; A and C have deadlines (C's sooner); H has none, I is the
   * oldest without one. D is in progress. */
  h = board_make_complaint (store, &(Spec) { k.site.clerk, "吴九", "13800000007",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "送错了", 9 });
  i = board_make_complaint (store, &(Spec) { k.site.clerk, "郑十", "13800000008",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "少送了", 8 });
  board_set_due (store, k.a, "acknowledge", since, late);
  board_set_due (store, k.b, "acknowledge", since, late);
  board_set_due (store, k.c, "acknowledge", since, early);
  board_set_due (store, h, NULL, since, NULL);
  board_set_due (store, i, NULL, since, NULL);
  board_set_stage (store, k.d, "in-progress");

  board = kefu_store_list_board_complaints (store, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  want[0] = k.b, want[1] = k.c, want[2] = k.a, want[3] = i, want[4] = h, want[5] = k.d;
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, G_N_ELEMENTS (want));
  for (guint n = 0; n < G_N_ELEMENTS (want); n++)
    {
      g_autoptr(KefuComplaintCard) card = g_list_model_get_item (board, n);

      g_assert_cmpint (kefu_complaint_card_get_id (card), ==, want[n]);
    }

  /* Closed in the last days: E (closed two days ago) joins with 3 days, not with 1. The
   * explained complaint F never shows. */
  with_closed = kefu_store_list_board_complaints (store, NULL, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (with_closed), ==, 7);
  {
    g_autoptr(KefuComplaintCard) last = g_list_model_get_item (with_closed, 6);

    g_assert_cmpint (kefu_complaint_card_get_id (last), ==, k.e);
    g_assert_cmpint (kefu_complaint_card_get_stage (last), ==, KEFU_COMPLAINT_STAGE_CLOSED);
  }
  g_clear_object (&with_closed);
  with_closed = kefu_store_list_board_complaints (store, NULL, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (with_closed), ==, 6);
  /* A complaint closed long ago stays off the board. */
  long_ago = g_date_time_add_days (since, -100);
  long_ago_text = kefu_time_to_db (long_ago);
  board_exec (store, "UPDATE complaints SET stage = 'closed', closed_at = $2 WHERE id = $1",
        g_variant_new ("(xs)", h, long_ago_text));
  g_clear_object (&with_closed);
  with_closed = kefu_store_list_board_complaints (store, NULL, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (with_closed), ==, 6);

  /* The board takes the filters too (here: 乙's, in their department). */
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = k.site.clerk2;
  mine = kefu_store_list_board_complaints (store, filter, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 2);
  g_clear_object (&mine);
  filter->scope = KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT;
  filter->staff_id = k.site.qc_manager;
  mine = kefu_store_list_board_complaints (store, filter, 3, NULL, &error);
  g_assert_no_error (error);
  /* A (routed), D (in progress) and E (closed two days ago). */
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 3);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -5);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 5);
  g_autoptr(GError) error = NULL;
  gint64 n_open = -1, n_urgent = -1, n_overdue = -1;
  Cases k;

  board_cases_setup (store, &k);
  board_set_due (store, k.a, "acknowledge", past, past);
  board_set_due (store, k.b, "acknowledge", past, soon);
  board_set_due (store, k.c, "acknowledge", past, past);
  board_set_due (store, k.d, NULL, past, NULL);
  g_assert_true (kefu_store_count_open_complaints (store, &n_open, &n_urgent, &n_overdue, NULL,
                                                   &error));
  g_assert_no_error (error);
  /* A, B, C, D; E is closed, F explained. */
  g_assert_cmpint (n_open, ==, 4);
  g_assert_cmpint (n_urgent, ==, 1);
  g_assert_cmpint (n_overdue, ==, 2);

  board_set_stage (store, k.b, "called-back");
  board_set_stage (store, k.c, "closed");
  g_assert_true (kefu_store_count_open_complaints (store, &n_open, NULL, &n_overdue, NULL, &error));
  g_assert_cmpint (n_open, ==, 3);
  g_assert_cmpint (n_overdue, ==, 1);
}

/* Cards */

static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = board_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due = board_local_time (2026, 3, 17, 9, 0);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) other = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received = board_local_time (2026, 3, 10, 9, 0);
  GArray *departments;
  Cases k;
  gint64 ids[4];

  board_cases_setup (store, &k);
  board_exec (store, "UPDATE complaints SET resolution = '换货并道歉', satisfaction = 'so-so', "
               "customer_words = '还行', escalation_level = 2, stage = 'resolved' WHERE id = $1",
        g_variant_new ("(x)", k.a));
  board_set_due (store, k.a, "callback", since, due);
  board_exec (store, "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, outcome, "
               "recorded_by) VALUES ($1, '经理', '2026-03-11 02:00:00.000Z', '已道歉', $2)",
        g_variant_new ("(xx)", k.b, k.site.cs_manager));
  board_exec (store, "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, outcome, "
               "recorded_by) VALUES ($1, '主任', '2026-03-12 02:00:00.000Z', '已赔偿', $2)",
        g_variant_new ("(xx)", k.b, k.site.gm_office));

  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_id (card), ==, k.a);
  g_assert_cmpint (kefu_complaint_card_get_version (card), ==,
                   board_count (store, "SELECT version FROM complaints WHERE id = $1", k.a));
  g_assert_cmpint (kefu_complaint_card_get_call_id (card), ==,
                   board_count (store, "SELECT call_id FROM complaints WHERE id = $1", k.a));
  g_assert_true (g_str_has_prefix (kefu_complaint_card_get_reference (card), "TS-20260310-"));
  g_assert_cmpint (kefu_complaint_card_get_customer_id (card), >, 0);
  g_assert_cmpstr (kefu_complaint_card_get_customer_name (card), ==, "张三");
  g_assert_cmpstr (kefu_complaint_card_get_phone (card), ==, "13800000001");
  g_assert_cmpint (kefu_complaint_card_get_category (card), ==, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  g_assert_cmpstr (kefu_complaint_card_get_subject (card), ==, "鲜牛奶");
  g_assert_cmpstr (kefu_complaint_card_get_reason (card), ==, "有异味");
  g_assert_cmpint (kefu_complaint_card_get_product_id (card), ==, k.site.milk);
  g_assert_cmpstr (kefu_complaint_card_get_batch_number (card), ==, "AB-1");
  g_assert_false (kefu_complaint_card_get_harmed (card));
  g_assert_false (kefu_complaint_card_get_urgent (card));
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_assert_cmpint (kefu_complaint_card_get_owner_id (card), ==, k.site.clerk);
  g_assert_cmpstr (kefu_complaint_card_get_owner_name (card), ==, "甲");
  /* Routed by the role defaults: QC manager, CS manager, GM office, in that order. */
  g_assert_cmpstr (kefu_complaint_card_get_departments (card), ==, "品控部、客服中心、总经办");
  departments = kefu_complaint_card_get_department_ids (card);
  g_assert_cmpuint (departments->len, ==, 3);
  g_assert_cmpint (g_array_index (departments, gint64, 0), ==, k.site.qc_department);
  g_assert_cmpint (g_array_index (departments, gint64, 1), ==, k.site.cs_department);
  g_assert_cmpint (g_array_index (departments, gint64, 2), ==, k.site.gm_department);
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_received_at (card), received));
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_stage_since (card), since));
  g_assert_cmpint (kefu_complaint_card_get_due_kind (card), ==, KEFU_COMPLAINT_DEADLINE_CALLBACK);
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), due));
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_CS_MANAGER);
  g_assert_cmpstr (kefu_complaint_card_get_resolution (card), ==, "换货并道歉");
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==, KEFU_SATISFACTION_SO_SO);
  g_assert_cmpstr (kefu_complaint_card_get_customer_words (card), ==, "还行");
  g_assert_cmpuint (kefu_complaint_card_get_n_visits (card), ==, 0);
  g_assert_false (kefu_complaint_card_get_batch_flagged (card));

  /* A route added later comes last; B has its two visits and is urgent. */
  board_exec (store, "INSERT INTO complaint_routes (complaint_id, department_id, created_at) "
               "VALUES ($1, $2, now())",
        g_variant_new ("(xx)", k.b, k.site.sales_department));
  other = kefu_store_get_complaint_card (store, k.b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_complaint_card_get_departments (other), ==, "客服中心、总经办、销售部");
  g_assert_cmpuint (kefu_complaint_card_get_department_ids (other)->len, ==, 3);
  g_assert_cmpint (g_array_index (kefu_complaint_card_get_department_ids (other), gint64, 2), ==,
                   k.site.sales_department);
  g_assert_cmpuint (kefu_complaint_card_get_n_visits (other), ==, 2);
  g_assert_true (kefu_complaint_card_get_urgent (other));
  g_assert_true (kefu_complaint_card_get_harmed (other));
  g_assert_cmpint (kefu_complaint_card_get_category (other), ==, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  g_clear_object (&other);

  /* The explained complaint: no routes, no deadline. */
  board_set_due (store, k.f, NULL, since, NULL);
  other = kefu_store_get_complaint_card (store, k.f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_stage (other), ==, KEFU_COMPLAINT_STAGE_EXPLAINED);
  g_assert_null (kefu_complaint_card_get_departments (other));
  g_assert_cmpuint (kefu_complaint_card_get_department_ids (other)->len, ==, 0);
  g_assert_cmpint (kefu_complaint_card_get_due_kind (other), ==, KEFU_COMPLAINT_DEADLINE_NONE);
  g_assert_null (kefu_complaint_card_get_due_at (other));
  g_assert_cmpint (kefu_complaint_card_get_category (other), ==, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  g_clear_object (&other);

  /* Flagged while an open alert covers its product and batch (the key, any case). */
  board_exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
               "first_at, flagged_at, flagged_complaint_id) VALUES ($1, 'AB-1', 'AB-1', 3, "
               "'2026-03-01 01:00:00.000Z', '2026-03-10 01:00:00.000Z', $2)",
        g_variant_new ("(xx)", k.site.milk, k.a));
  g_clear_object (&card);
  card = kefu_store_get_complaint_card (store, k.e, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kefu_complaint_card_get_batch_flagged (card));
  other = kefu_store_get_complaint_card (store, k.d, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kefu_complaint_card_get_batch_flagged (other));
  g_clear_object (&other);
  /* The board reads departments, visits and batch flags in a statement of its own: its cards
   * say the same as the cards read one by one. */
  {
    g_autoptr(GListModel) board = kefu_store_list_board_complaints (store, NULL, 3650, NULL,
                                                                   &error);
    guint n_flagged = 0, n_routed = 0, n_visited = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (board); i++)
      {
        g_autoptr(KefuComplaintCard) on_board = g_list_model_get_item (board, i);
        g_autoptr(KefuComplaintCard) alone = NULL;
        GArray *ids, *alone_ids;

        alone = kefu_store_get_complaint_card (store, kefu_complaint_card_get_id (on_board),
                                               NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (kefu_complaint_card_get_departments (on_board), ==,
                         kefu_complaint_card_get_departments (alone));
        ids = kefu_complaint_card_get_department_ids (on_board);
        alone_ids = kefu_complaint_card_get_department_ids (alone);
        g_assert_cmpuint (ids->len, ==, alone_ids->len);
        for (guint j = 0; j < ids->len; j++)
          g_assert_cmpint (g_array_index (ids, gint64, j), ==, g_array_index (alone_ids, gint64, j));
        g_assert_cmpuint (kefu_complaint_card_get_n_visits (on_board), ==,
                          kefu_complaint_card_get_n_visits (alone));
        g_assert_cmpint (kefu_complaint_card_get_batch_flagged (on_board), ==,
                         kefu_complaint_card_get_batch_flagged (alone));
        g_assert_cmpstr (kefu_complaint_card_get_customer_name (on_board), ==,
                         kefu_complaint_card_get_customer_name (alone));
        n_flagged += kefu_complaint_card_get_batch_flagged (on_board);
        n_routed += ids->len > 1;
        n_visited += kefu_complaint_card_get_n_visits (on_board) > 0;
      }
    g_assert_cmpuint (n_flagged, >, 0);
    g_assert_cmpuint (n_routed, >, 0);
    g_assert_cmpuint (n_visited, >, 0);
  }
  board_exec (store, "UPDATE batch_alerts SET acknowledged_at = now()", NULL);
  g_clear_object (&card);
  card = kefu_store_get_complaint_card (store, k.e, NULL, &error);
  g_assert_false (kefu_complaint_card_get_batch_flagged (card));

  /* Many cards in the order asked, a missing id left out; and pages longer than one read. */
  ids[0] = k.d, ids[1] = 999999, ids[2] = k.a, ids[3] = k.d;
  cards = kefu_store_get_complaint_cards (store, ids, G_N_ELEMENTS (ids), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 0)), ==, k.d);
  g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 1)), ==, k.a);
  g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 2)), ==, k.d);
  g_clear_pointer (&cards, g_ptr_array_unref);
  {
    g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint n = 0; n < 600; n++)
      {
        gint64 id = n % 2 == 0 ? k.c : k.b;

        g_array_append_val (many, id);
      }
    cards = kefu_store_get_complaint_cards (store, (gint64 *) many->data, many->len, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cards->len, ==, 600);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 599)), ==, k.b);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 598)), ==, k.c);
  }

  /* Not there. */
  g_clear_object (&other);
  other = kefu_store_get_complaint_card (store, 999999, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_assert_null (other);
  g_clear_error (&error);
  g_assert_cmpint (kefu_store_find_complaint_by_call (store, 999999, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

/* Async */

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) board = NULL;
  g_autoptr(GError) error = NULL;
  Cases k;

  board_cases_setup (store, &k);
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = k.site.clerk;
  kefu_store_list_board_complaints_async (store, filter, 5, NULL, async_done_cb, &result);
  /* The filter was copied: changing it now changes nothing. */
  filter->staff_id = k.site.clerk2;
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  board = kefu_store_list_board_complaints_finish (store, result, &error);
  g_assert_no_error (error);
  /* A, C, and E closed two days ago. */
  g_assert_cmpuint (g_list_model_get_n_items (board), ==, 3);
  g_assert_true (g_list_model_get_item_type (board) == KEFU_TYPE_COMPLAINT_CARD);

  /* A change runs on a copy, as the actor who asked, and gives the new card. */
  {
    g_autoptr(KefuComplaintCard) before = kefu_store_get_complaint_card (store, k.c, NULL, &error);
    g_autoptr(KefuComplaintChange) change = NULL;
    g_autoptr(KefuComplaintCard) after = NULL;
    g_autoptr(GAsyncResult) changed = NULL;

    g_assert_no_error (error);
    change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, k.c,
                                        kefu_complaint_card_get_version (before));
    change->text = g_strdup ("客户说明天再打来");
    kefu_store_set_actor (store, k.site.clerk2);
    kefu_store_change_complaint_async (store, change, NULL, async_done_cb, &changed);
    g_clear_pointer (&change->text, g_free);
    kefu_store_set_actor (store, k.site.clerk);
    while (changed == NULL)
      g_main_context_iteration (NULL, TRUE);
    after = kefu_store_change_complaint_finish (store, changed, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kefu_complaint_card_get_id (after), ==, k.c);
    g_assert_cmpint (kefu_complaint_card_get_version (after), >,
                     kefu_complaint_card_get_version (before));
    g_assert_cmpint (board_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                                         "AND action = 'note' AND entity_id = $1 AND staff_id = "
                                         "(SELECT id FROM staff WHERE login = 'clerk2') AND "
                                         "details LIKE '%明天再打来%'", k.c), ==, 1);
  }
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
  TEST_ADD ("complaint-board/filters", test_filters);
  TEST_ADD ("complaint-board/sorts", test_sorts);
  TEST_ADD ("complaint-board/heads", test_heads);
  TEST_ADD ("complaint-board/board-order", test_board_order);
  TEST_ADD ("complaint-board/counts", test_counts);
  TEST_ADD ("complaint-board/cards", test_cards);
  TEST_ADD ("complaint-board/async", test_async);
  test_store_add_complaint_escalation_tests ();
  return g_test_run ();
}
