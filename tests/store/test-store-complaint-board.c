/* test-store-complaint-board.c: reading the complaint board on both backends: every filter of
 * the board and the list view, every sort, the board's order, the cards' fields, the counts, the
 * deadline and escalation check (once per level, also from a second connection), the notices
 * each role receives and batch alerts with their acknowledgement.
 *
 * Complaints are created through kefu_store_save_call () like the intake pane does, then put in
 * the state a case needs with direct SQL, so that these reads are tested apart from the writes.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>
#include <time.h>

#include "core/kefu-enums.h"
#include "store/kefu-store-complaints.h"
#include "test-store.h"

typedef struct
{
  gint64 cs_department;     /* 客服中心 */
  gint64 qc_department;     /* 品控部 */
  gint64 gm_department;     /* 总经办 */
  gint64 sales_department;  /* 销售部: routed nothing */
  gint64 clerk;             /* 甲 clerk, cs */
  gint64 clerk2;            /* 乙 clerk, cs */
  gint64 lead;              /* cs team lead */
  gint64 qc_lead;           /* a team lead of another department */
  gint64 cs_manager;
  gint64 qc_manager;
  gint64 gm_office;
  gint64 sales_admin;
  gint64 milk;
  gint64 yogurt;
} Site;

static gint64
make_department (KefuStore  *store,
                 const char *name)
{
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(GError) error = NULL;

  kefu_department_set_name (department, name);
  g_assert_true (kefu_store_create_department (store, department, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (department));
}

static gint64
make_staff (KefuStore  *store,
            const char *login,
            const char *name,
            KefuRole    role,
            gint64      department_id)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;

  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_department_id (staff, department_id);
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (staff));
}

static gint64
make_product (KefuStore  *store,
              const char *name)
{
  g_autoptr(KefuProduct) product = kefu_product_new ();
  g_autoptr(GError) error = NULL;

  kefu_product_set_name (product, name);
  kefu_product_set_unit_price (product, 1000);
  kefu_product_set_active (product, TRUE);
  g_assert_true (kefu_store_create_product (store, product, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (product));
}

static void
site_setup (KefuStore *store,
            Site      *site)
{
  site->cs_department = make_department (store, "客服中心");
  site->qc_department = make_department (store, "品控部");
  site->gm_department = make_department (store, "总经办");
  site->sales_department = make_department (store, "销售部");
  site->clerk = make_staff (store, "clerk", "甲", KEFU_ROLE_CLERK, site->cs_department);
  site->clerk2 = make_staff (store, "clerk2", "乙", KEFU_ROLE_CLERK, site->cs_department);
  site->lead = make_staff (store, "lead", "组长", KEFU_ROLE_TEAM_LEAD, site->cs_department);
  site->qc_lead = make_staff (store, "qclead", "品控组长", KEFU_ROLE_TEAM_LEAD, site->qc_department);
  site->cs_manager = make_staff (store, "csm", "经理", KEFU_ROLE_CS_MANAGER, site->cs_department);
  site->qc_manager = make_staff (store, "qcm", "品控经理", KEFU_ROLE_QC_MANAGER, site->qc_department);
  site->gm_office = make_staff (store, "gmo", "主任", KEFU_ROLE_GM_OFFICE, site->gm_department);
  site->sales_admin = make_staff (store, "sales", "内勤", KEFU_ROLE_SALES_ADMIN,
                                  site->sales_department);
  site->milk = make_product (store, "鲜牛奶");
  site->yogurt = make_product (store, "酸奶");
}

static GDateTime *
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_utc (local);
}

typedef struct
{
  gint64                 clerk;
  const char            *caller;
  const char            *phone;
  KefuComplaintCategory  category;     /* UNSPECIFIED: not well founded */
  gboolean               harmed;
  gint64                 product;
  const char            *batch;
  const char            *reason;
  int                    day;          /* of March 2026, 09:00 local */
} Spec;

/* Saves the complaint call of `spec` and returns the complaint's id. */
static gint64
make_complaint (KefuStore  *store,
                const Spec *spec)
{
  g_autoptr(GDateTime) received = local_time (2026, 3, spec->day, 9, 0);
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

static void
exec (KefuStore  *store,
      const char *sql,
      GVariant   *params)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (_kefu_store_execute (store, sql, params, NULL, &error), >=, 0);
  g_assert_no_error (error);
}

static void
set_due (KefuStore  *store,
         gint64      id,
         const char *kind,
         GDateTime  *since,
         GDateTime  *due)
{
  g_autofree char *since_text = kefu_time_to_db (since);
  g_autofree char *due_text = due != NULL ? kefu_time_to_db (due) : NULL;

  exec (store, "UPDATE complaints SET due_kind = $2, due_at = $3, stage_since = $4 WHERE id = $1",
        g_variant_new ("(xmsmss)", id, kind, due_text, since_text));
}

static void
set_stage (KefuStore  *store,
           gint64      id,
           const char *stage)
{
  exec (store, "UPDATE complaints SET stage = $2 WHERE id = $1", g_variant_new ("(xs)", id, stage));
}

static gint64
count (KefuStore  *store,
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

typedef struct
{
  Site   site;
  gint64 a, b, c, d, e, f;
} Cases;

/* A: 甲's product complaint (milk, AB-1) on the 10th; B: 乙's harmed service complaint on the 11th
 * whose reason holds "50%"; C: 甲's service complaint on the 12th; D: 乙's yogurt complaint with
 * batch "CD-2" and a "_" in its reason on the 13th; E: 甲's milk AB-1 complaint of the 1st, closed two days ago;
 * F: 乙's explained complaint of the 2nd. */
static void
cases_setup (KefuStore *store,
             Cases     *k)
{
  Site *s = &k->site;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) closed = g_date_time_add_days (now, -2);
  g_autofree char *closed_text = kefu_time_to_db (closed);

  site_setup (store, s);
  k->a = make_complaint (store, &(Spec) { s->clerk, "张三", "13800000001",
                                          KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, s->milk,
                                          "AB-1", "有异味", 10 });
  k->b = make_complaint (store, &(Spec) { s->clerk2, "李四", "13800000002",
                                          KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, 0, NULL,
                                          "送货晚了，只送了 50% 的货", 11 });
  k->c = make_complaint (store, &(Spec) { s->clerk, "王五", "13800000003",
                                          KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                          "态度差", 12 });
  k->d = make_complaint (store, &(Spec) { s->clerk2, "赵六", "13800000004",
                                          KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, s->yogurt,
                                          "CD-2", "胀袋_2号", 13 });
  k->e = make_complaint (store, &(Spec) { s->clerk, "孙七", "13800000005",
                                          KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, s->milk,
                                          "ab-1", "变质", 1 });
  k->f = make_complaint (store, &(Spec) { s->clerk2, "周八", "13800000006",
                                          KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, FALSE, 0, NULL,
                                          "以为过期", 2 });
  exec (store, "UPDATE complaints SET stage = 'closed', closed_at = $2, due_at = NULL, "
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
  g_autoptr(GDateTime) now = local_time (2026, 3, 20, 9, 0);
  g_autoptr(GDateTime) past = local_time (2026, 3, 19, 9, 0);
  g_autoptr(GDateTime) future = local_time (2026, 3, 21, 9, 0);
  Cases k;
  Site *s = &k.site;

  cases_setup (store, &k);

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
  set_due (store, k.a, "acknowledge", past, past);
  set_due (store, k.b, "acknowledge", past, past);
  set_due (store, k.c, "acknowledge", past, future);
  set_due (store, k.d, NULL, past, NULL);
  filter->overdue_only = TRUE;
  filter->now = g_date_time_ref (now);
  ASSERT_MATCH (store, filter, k.a, k.b);
  filter->overdue_only = FALSE;

  filter->urgent_only = TRUE;
  ASSERT_MATCH (store, filter, k.b);
  filter->urgent_only = FALSE;

  /* Received in [11th 00:00, 13th 00:00) local. */
  filter->received_from = local_time (2026, 3, 11, 0, 0);
  filter->received_to = local_time (2026, 3, 13, 0, 0);
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
  g_autoptr(GDateTime) since = local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due1 = local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) due2 = local_time (2026, 3, 16, 9, 0);
  const KefuComplaintSort sorts[] = {
    KEFU_COMPLAINT_SORT_RECEIVED, KEFU_COMPLAINT_SORT_REFERENCE, KEFU_COMPLAINT_SORT_CUSTOMER,
    KEFU_COMPLAINT_SORT_STAGE, KEFU_COMPLAINT_SORT_OWNER,
  };
  Cases k;
  gint64 g;

  cases_setup (store, &k);
  /* A twin of C received at the same minute by the same clerk, so that ties need the id. */
  g = make_complaint (store, &(Spec) { k.site.clerk, "王五", "13800000003",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "又晚了", 12 });
  set_stage (store, k.c, "in-progress");
  set_stage (store, k.d, "reopened");
  set_stage (store, k.a, "resolved");

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
  set_due (store, k.a, "callback", since, due2);
  set_due (store, k.b, "acknowledge", since, due1);
  set_due (store, k.c, "resolve", since, due2);
  set_due (store, k.d, "acknowledge", since, due1);
  set_due (store, g, NULL, since, NULL);
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

/* The board */

static void
test_board_order (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) early = local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) late = local_time (2026, 3, 16, 9, 0);
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

  cases_setup (store, &k);
  /* In Routed: B is urgent; A and C have deadlines (C's sooner); H has none, I is the
   * oldest without one. D is in progress. */
  h = make_complaint (store, &(Spec) { k.site.clerk, "吴九", "13800000007",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "送错了", 9 });
  i = make_complaint (store, &(Spec) { k.site.clerk, "郑十", "13800000008",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "少送了", 8 });
  set_due (store, k.a, "acknowledge", since, late);
  set_due (store, k.b, "acknowledge", since, late);
  set_due (store, k.c, "acknowledge", since, early);
  set_due (store, h, NULL, since, NULL);
  set_due (store, i, NULL, since, NULL);
  set_stage (store, k.d, "in-progress");

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
  exec (store, "UPDATE complaints SET stage = 'closed', closed_at = $2 WHERE id = $1",
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

  cases_setup (store, &k);
  set_due (store, k.a, "acknowledge", past, past);
  set_due (store, k.b, "acknowledge", past, soon);
  set_due (store, k.c, "acknowledge", past, past);
  set_due (store, k.d, NULL, past, NULL);
  g_assert_true (kefu_store_count_open_complaints (store, &n_open, &n_urgent, &n_overdue, NULL,
                                                   &error));
  g_assert_no_error (error);
  /* A, B, C, D; E is closed, F explained. */
  g_assert_cmpint (n_open, ==, 4);
  g_assert_cmpint (n_urgent, ==, 1);
  g_assert_cmpint (n_overdue, ==, 2);

  set_stage (store, k.b, "called-back");
  set_stage (store, k.c, "closed");
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
  g_autoptr(GDateTime) since = local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due = local_time (2026, 3, 17, 9, 0);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintCard) other = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received = local_time (2026, 3, 10, 9, 0);
  GArray *departments;
  Cases k;
  gint64 ids[4];

  cases_setup (store, &k);
  exec (store, "UPDATE complaints SET resolution = '换货并道歉', satisfaction = 'so-so', "
               "customer_words = '还行', escalation_level = 2, stage = 'resolved' WHERE id = $1",
        g_variant_new ("(x)", k.a));
  set_due (store, k.a, "callback", since, due);
  exec (store, "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, outcome, "
               "recorded_by) VALUES ($1, '经理', '2026-03-11 02:00:00.000Z', '已道歉', $2)",
        g_variant_new ("(xx)", k.b, k.site.cs_manager));
  exec (store, "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, outcome, "
               "recorded_by) VALUES ($1, '主任', '2026-03-12 02:00:00.000Z', '已赔偿', $2)",
        g_variant_new ("(xx)", k.b, k.site.gm_office));

  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_id (card), ==, k.a);
  g_assert_cmpint (kefu_complaint_card_get_version (card), ==,
                   count (store, "SELECT version FROM complaints WHERE id = $1", k.a));
  g_assert_cmpint (kefu_complaint_card_get_call_id (card), ==,
                   count (store, "SELECT call_id FROM complaints WHERE id = $1", k.a));
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
  exec (store, "INSERT INTO complaint_routes (complaint_id, department_id, created_at) "
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
  set_due (store, k.f, NULL, since, NULL);
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
  exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
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
  exec (store, "UPDATE batch_alerts SET acknowledged_at = now()", NULL);
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

/* Deadlines and escalation */

static gint64
count_escalations (KefuStore *store,
                   gint64     id,
                   int        level)
{
  g_autofree char *pattern = g_strdup_printf ("%%\"level\":%d,%%", level);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (store,
                            "SELECT COUNT(*) FROM events WHERE entity = 'complaint' "
                            "AND action = 'escalated' AND entity_id = $1 AND details LIKE $2 "
                            "AND details LIKE '%\"by_hand\":false%' "
                            "AND staff_id = (SELECT id FROM staff WHERE login = 'system')",
                            g_variant_new ("(xs)", id, pattern), NULL, &error);
  g_assert_no_error (error);
  return kefu_rows_get_int (rows, 0, 0);
}

static guint
run_check (KefuStore *store,
           GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (kefu_store_check_complaint_deadlines (store, now, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(GError) error = NULL;
  /* A Tuesday at 09:00: two working hours later is 11:00. */
  g_autoptr(GDateTime) since = local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) due = local_time (2026, 3, 10, 11, 0);
  g_autoptr(GDateTime) before = local_time (2026, 3, 10, 9, 20);
  g_autoptr(GDateTime) late1 = local_time (2026, 3, 10, 11, 30);
  g_autoptr(GDateTime) late2 = local_time (2026, 3, 10, 13, 30);
  g_autoptr(GDateTime) late3 = local_time (2026, 3, 12, 9, 0);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autofree char *since_text = kefu_time_to_db (since);
  gint64 version;
  Cases k;

  cases_setup (store, &k);
  /* Every open complaint as schema step 2 left it: no deadline yet, its stage since 09:00. */
  exec (store, "UPDATE complaints SET due_at = NULL, due_kind = NULL, escalation_level = 0, "
               "stage_since = $1", g_variant_new ("(s)", since_text));
  set_stage (store, k.d, "called-back");

  /* Before the deadline nothing rises, but the deadlines are filled in. */
  g_assert_cmpuint (run_check (store, before), ==, 0);
  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_due_kind (card), ==, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE);
  g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), due));
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_NONE);
  version = kefu_complaint_card_get_version (card);
  g_clear_object (&card);
  /* A harmed customer's complaint: 30 minutes of any hour. */
  card = kefu_store_get_complaint_card (store, k.b, NULL, &error);
  {
    g_autoptr(GDateTime) harmed_due = g_date_time_add_minutes (since, 30);

    g_assert_true (g_date_time_equal (kefu_complaint_card_get_due_at (card), harmed_due));
  }
  g_clear_object (&card);
  /* Called back waits for the close without a deadline; closed and explained have none. */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM complaints WHERE id = $1 AND due_at IS NULL",
                          k.d), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM complaints WHERE due_at IS NOT NULL "
                                 "AND id <> $1", k.d), ==, 3);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 0);

  /* Past due: A and C rise to the team lead, B (harmed, due 09:30) further. */
  g_assert_cmpuint (run_check (store, late1), ==, 2 + 3);
  g_assert_cmpint (count_escalations (store, k.a, 1), ==, 1);
  g_assert_cmpint (count_escalations (store, k.a, 2), ==, 0);
  g_assert_cmpint (count_escalations (store, k.b, 1), ==, 1);
  g_assert_cmpint (count_escalations (store, k.b, 2), ==, 1);
  g_assert_cmpint (count_escalations (store, k.b, 3), ==, 1);
  card = kefu_store_get_complaint_card (store, k.a, NULL, &error);
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_TEAM_LEAD);
  g_assert_cmpint (kefu_complaint_card_get_version (card), >, version);
  g_clear_object (&card);
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(KefuRows) rows = _kefu_store_query (store,
                                                  "SELECT details FROM events WHERE "
                                                  "action = 'escalated' AND entity_id = $1",
                                                  g_variant_new ("(x)", k.a), NULL, &local_error);

    g_assert_no_error (local_error);
    g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==,
                     "{\"level\":1,\"role\":\"team-lead\",\"deadline\":\"acknowledge\","
                     "\"by_hand\":false}");
  }

  /* Again at the same time: nothing new. */
  g_assert_cmpuint (run_check (store, late1), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 5);

  /* A second workstation on the same database, at a later time: one more level each for A and
   * C, and the first workstation then finds nothing left to do. */
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (second, k.site.clerk);
  g_assert_cmpuint (run_check (second, late2), ==, 2);
  g_assert_cmpuint (run_check (store, late2), ==, 0);
  g_assert_cmpint (count_escalations (store, k.a, 2), ==, 1);
  g_assert_cmpint (count_escalations (store, k.c, 2), ==, 1);

  /* Both later still: each level once, whichever workstation raised it. */
  g_assert_cmpuint (run_check (store, late3) + run_check (second, late3), ==, 2);
  g_assert_cmpuint (run_check (second, late3), ==, 0);
  for (int level = 1; level <= 3; level++)
    {
      g_assert_cmpint (count_escalations (store, k.a, level), ==, 1);
      g_assert_cmpint (count_escalations (store, k.b, level), ==, 1);
      g_assert_cmpint (count_escalations (store, k.c, level), ==, 1);
    }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 9);
  /* Never above the GM office, never for complaints without a running deadline. */
  g_assert_cmpint (count (store, "SELECT MAX(escalation_level) FROM complaints WHERE id <> $1", 0),
                   ==, 3);
  g_assert_cmpint (count (store, "SELECT escalation_level FROM complaints WHERE id = $1", k.d),
                   ==, 0);
}

/* Two workstations checking at the same moment from two threads. */

typedef struct
{
  KefuStore *store;
  GDateTime *now;
  guint      n;
} Racer;

static gpointer
race_thread (gpointer data)
{
  Racer *racer = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_check_complaint_deadlines (racer->store, racer->now, &racer->n, NULL,
                                                       &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_deadlines_race (Fixture       *fixture,
                     gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) later = local_time (2026, 3, 20, 9, 0);
  g_autofree char *since_text = kefu_time_to_db (since);
  Racer racers[2];
  GThread *threads[2];
  Cases k;

  cases_setup (store, &k);
  exec (store, "UPDATE complaints SET due_at = NULL, due_kind = NULL, escalation_level = 0, "
               "stage_since = $1", g_variant_new ("(s)", since_text));
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (second, k.site.clerk);

  racers[0] = (Racer) { store, later, 0 };
  racers[1] = (Racer) { second, later, 0 };
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("racer", race_thread, &racers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  /* A, B, C and D all three levels, each once, between them. */
  g_assert_cmpuint (racers[0].n + racers[1].n, ==, 4 * 3);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM events WHERE action = 'escalated' "
                                 "AND entity_id <> $1", 0), ==, 12);
  for (int level = 1; level <= 3; level++)
    g_assert_cmpint (count_escalations (store, k.d, level), ==, 1);
}

/* Notices */

static GListModel *
notices (KefuStore *store,
         gint64     staff_id,
         gint64     after,
         gint64    *last)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = kefu_store_list_complaint_notices (store, staff_id, after, last, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The actions of the notices `staff_id` gets after `after`, "routed:12,escalated:12". */
static char *
notice_text (KefuStore *store,
             gint64     staff_id,
             gint64     after)
{
  gint64 last = -1;
  g_autoptr(GListModel) list = notices (store, staff_id, after, &last);
  GString *text = g_string_new (NULL);

  g_assert_cmpint (last, ==, test_count (store, "SELECT MAX(id) FROM events"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (list, i);

      g_assert_cmpstr (kefu_event_get_entity (event), ==, "complaint");
      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              kefu_event_get_action (event), kefu_event_get_entity_id (event));
    }
  return g_string_free (text, FALSE);
}

#define ASSERT_NOTICES(store, staff, after, want) \
  G_STMT_START { \
    g_autofree char *got_ = notice_text (store, staff, after); \
    g_assert_cmpstr (got_, ==, want); \
  } G_STMT_END

static void
test_notices (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GDateTime) since = local_time (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) later = local_time (2026, 3, 10, 11, 30);
  g_autofree char *since_text = kefu_time_to_db (since);
  g_autofree char *p_routed = NULL, *s_routed = NULL, *h_routed = NULL;
  g_autofree char *p_escalated = NULL;
  gint64 start = -2;
  gint64 after_intake;
  gint64 p, s, h;
  Site site;

  site_setup (store, &site);
  kefu_store_set_actor (store, site.clerk);
  /* This site routes service complaints to 客服中心 alone, harmed or not: the GM office then
   * hears of a harmed customer only because it is urgent. */
  exec (store, "INSERT INTO complaint_routing_rules (category, department_id, harmed_only, "
               "position) VALUES ('service-quality', $1, FALSE, 0)",
        g_variant_new ("(x)", site.cs_department));

  /* The first call only says where the log stands. */
  first = notices (store, site.qc_manager, -1, &start);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 0);
  g_assert_cmpint (start, ==, test_count (store, "SELECT COALESCE(MAX(id), 0) FROM events"));

  p = make_complaint (store, &(Spec) { site.clerk, "张三", "13800000001",
                                       KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, site.milk,
                                       "AB-1", "有异味", 10 });
  s = make_complaint (store, &(Spec) { site.clerk, "李四", "13800000002",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "送货晚了", 10 });
  h = make_complaint (store, &(Spec) { site.clerk, "王五", "13800000003",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, 0, NULL,
                                       "喝了拉肚子", 10 });
  after_intake = test_count (store, "SELECT MAX(id) FROM events");
  p_routed = g_strdup_printf ("routed:%" G_GINT64_FORMAT, p);
  s_routed = g_strdup_printf ("routed:%" G_GINT64_FORMAT, s);
  h_routed = g_strdup_printf ("routed:%" G_GINT64_FORMAT, h);

  /* Routed to one's department: the product complaint to 品控部, 客服中心 and 总经办; the
   * service complaints to 客服中心; the harmed customer's to the managers too. */
  ASSERT_NOTICES (store, site.qc_manager, start, p_routed);
  ASSERT_NOTICES (store, site.qc_lead, start, p_routed);
  {
    g_autofree char *all = g_strjoin (",", p_routed, s_routed, h_routed, NULL);
    g_autofree char *gm = g_strjoin (",", p_routed, h_routed, NULL);

    ASSERT_NOTICES (store, site.cs_manager, start, all);
    ASSERT_NOTICES (store, site.clerk2, start, all);
    ASSERT_NOTICES (store, site.gm_office, start, gm);
  }
  /* Nobody is told of what they did; 销售部 is routed nothing. */
  ASSERT_NOTICES (store, site.clerk, start, "");
  ASSERT_NOTICES (store, site.sales_admin, start, "");
  /* Only what came after. */
  ASSERT_NOTICES (store, site.cs_manager, after_intake, "");

  /* Escalations: level 1 to the owner's team lead (not another department's), level 2 to the
   * CS managers, level 3 to the GM office. */
  exec (store, "UPDATE complaints SET due_at = NULL, due_kind = NULL, stage_since = $1 "
               "WHERE id <> $2",
        g_variant_new ("(sx)", since_text, h));
  exec (store, "UPDATE complaints SET due_at = $1, due_kind = NULL, stage_since = $1, "
               "stage = 'called-back' WHERE id = $2",
        g_variant_new ("(sx)", since_text, h));
  exec (store, "UPDATE complaints SET due_at = NULL WHERE id = $1", g_variant_new ("(x)", h));
  exec (store, "UPDATE complaints SET stage = 'closed' WHERE id = $1", g_variant_new ("(x)", s));
  g_assert_cmpuint (run_check (store, later), ==, 1);
  p_escalated = g_strdup_printf ("escalated:%" G_GINT64_FORMAT, p);
  ASSERT_NOTICES (store, site.lead, after_intake, p_escalated);
  ASSERT_NOTICES (store, site.qc_lead, after_intake, "");
  ASSERT_NOTICES (store, site.cs_manager, after_intake, "");
  ASSERT_NOTICES (store, site.gm_office, after_intake, "");
  ASSERT_NOTICES (store, site.qc_manager, after_intake, "");
  {
    g_autoptr(GDateTime) much_later = local_time (2026, 3, 20, 9, 0);
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");

    g_assert_cmpuint (run_check (store, much_later), ==, 2);
    ASSERT_NOTICES (store, site.lead, before, "");
    ASSERT_NOTICES (store, site.cs_manager, before, p_escalated);
    ASSERT_NOTICES (store, site.gm_office, before, p_escalated);
    ASSERT_NOTICES (store, site.clerk, before, "");
    /* Each level reaches only its own people: from the intake on, one escalation each. */
    ASSERT_NOTICES (store, site.cs_manager, after_intake, p_escalated);
    ASSERT_NOTICES (store, site.lead, after_intake, p_escalated);
  }

  /* A flagged batch goes to the QC manager. */
  {
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");
    g_autofree char *flagged = g_strdup_printf ("batch-flagged:%" G_GINT64_FORMAT, p);

    exec (store, "INSERT INTO events (created_at, staff_id, entity, entity_id, action, details) "
                 "VALUES (now(), $1, 'complaint', $2, 'batch-flagged', "
                 "'{\"alert_id\":1,\"batch_number\":\"AB-1\",\"count\":3}')",
          g_variant_new ("(xx)", site.clerk2, p));
    ASSERT_NOTICES (store, site.qc_manager, before, flagged);
    ASSERT_NOTICES (store, site.cs_manager, before, "");
    ASSERT_NOTICES (store, site.lead, before, "");
  }

  /* Departments added to the routes hear of it; those removed and those kept do not. */
  {
    gint64 before = test_count (store, "SELECT MAX(id) FROM events");
    g_autofree char *changed = g_strdup_printf ("routes-changed:%" G_GINT64_FORMAT, s);
    g_autofree char *details = g_strdup_printf ("{\"added\":[{\"id\":%" G_GINT64_FORMAT ","
                                                "\"name\":\"销售部 \\\"id\\\":%" G_GINT64_FORMAT "\"}],"
                                                "\"removed\":[{\"id\":%" G_GINT64_FORMAT ","
                                                "\"name\":\"品控部\"}],\"text\":\"转营销\"}",
                                                site.sales_department, site.gm_department,
                                                site.qc_department);

    exec (store, "INSERT INTO events (created_at, staff_id, entity, entity_id, action, details) "
                 "VALUES (now(), $1, 'complaint', $2, 'routes-changed', $3)",
          g_variant_new ("(xxs)", site.lead, s, details));
    ASSERT_NOTICES (store, site.sales_admin, before, changed);
    ASSERT_NOTICES (store, site.qc_manager, before, "");
    ASSERT_NOTICES (store, site.gm_office, before, "");
    ASSERT_NOTICES (store, site.cs_manager, before, "");
  }
}

/* Batch alerts */

static void
test_batch_alerts (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  KefuBatchAlert *alert;
  gint64 first_id, second_id, version;
  Cases k;

  cases_setup (store, &k);
  exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
               "first_at, flagged_at, flagged_complaint_id) VALUES ($1, 'AB-1', 'AB-1', 1, "
               "'2020-01-01 00:00:00.000Z', '2026-03-10 01:00:00.000Z', $2)",
        g_variant_new ("(xx)", k.site.milk, k.a));
  exec (store, "INSERT INTO batch_alerts (product_id, batch_key, batch_number, complaint_count, "
               "first_at, flagged_at, flagged_complaint_id) VALUES ($1, 'CD-2', 'CD-2', 3, "
               "'2020-01-01 00:00:00.000Z', '2026-03-13 01:00:00.000Z', $2)",
        g_variant_new ("(xx)", k.site.yogurt, k.d));

  /* Newest first, with the product's name and the batch's complaints now. */
  alerts = kefu_store_list_batch_alerts (store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 2);
  alert = g_ptr_array_index (alerts, 0);
  g_assert_cmpstr (alert->batch_key, ==, "CD-2");
  g_assert_cmpstr (alert->product_name, ==, "酸奶");
  g_assert_cmpuint (alert->complaint_count, ==, 3);
  second_id = alert->id;
  alert = g_ptr_array_index (alerts, 1);
  first_id = alert->id;
  version = alert->version;
  g_assert_cmpint (alert->product_id, ==, k.site.milk);
  g_assert_cmpstr (alert->product_name, ==, "鲜牛奶");
  g_assert_cmpstr (alert->batch_number, ==, "AB-1");
  /* A and E ("ab-1" typed) are about the batch, counted since its first complaint. */
  g_assert_cmpuint (alert->complaint_count, ==, 2);
  g_assert_nonnull (alert->first_at);
  g_assert_nonnull (alert->flagged_at);
  g_assert_null (alert->acknowledged_at);
  g_assert_null (alert->acknowledged_by_name);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* A clerk may not; a stale version is refused; the QC manager may. */
  kefu_store_set_actor (store, k.site.clerk);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  kefu_store_set_actor (store, k.site.qc_manager);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version + 1, "已封存", NULL,
                                                      &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, 999999, 1, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (kefu_store_acknowledge_batch_alert (store, first_id, version, " 已封存该批次 ",
                                                     NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM events WHERE entity = 'batch_alerts' AND "
                                 "action = 'acknowledged' AND entity_id = $1", first_id), ==, 1);

  /* Off the banner; still in the full list, with who and what. */
  alerts = kefu_store_list_batch_alerts (store, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_cmpint (((KefuBatchAlert *) g_ptr_array_index (alerts, 0))->id, ==, second_id);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = kefu_store_list_batch_alerts (store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 2);
  alert = g_ptr_array_index (alerts, 1);
  g_assert_cmpint (alert->id, ==, first_id);
  g_assert_cmpint (alert->version, ==, version + 1);
  g_assert_nonnull (alert->acknowledged_at);
  g_assert_cmpstr (alert->acknowledged_by_name, ==, "品控经理");
  g_assert_cmpstr (alert->note, ==, "已封存该批次");

  /* Twice is refused; the old version too. */
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version + 1, NULL, NULL,
                                                      &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kefu_store_acknowledge_batch_alert (store, first_id, version, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* A manager may too. */
  kefu_store_set_actor (store, k.site.gm_office);
  g_assert_true (kefu_store_acknowledge_batch_alert (store, second_id, 1, NULL, NULL, &error));
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

  cases_setup (store, &k);
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
  TEST_ADD ("complaint-board/board-order", test_board_order);
  TEST_ADD ("complaint-board/counts", test_counts);
  TEST_ADD ("complaint-board/cards", test_cards);
  TEST_ADD ("complaint-board/deadlines", test_deadlines);
  TEST_ADD ("complaint-board/deadlines-race", test_deadlines_race);
  TEST_ADD ("complaint-board/notices", test_notices);
  TEST_ADD ("complaint-board/batch-alerts", test_batch_alerts);
  TEST_ADD ("complaint-board/async", test_async);
  return g_test_run ();
}
