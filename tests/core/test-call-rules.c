/* test-call-rules.c: validation of call records field by field, the inline parsers, complaint
 * routing and intake stage, summaries, district guesses and reference prefixes. */
#include "config.h"

#include <locale.h>

#include "kefu-call-rules.h"
#include "kefu-records.h"

/* A fixed "now": 12:00 on 27 November 2026 in Beijing time, which main() makes the local zone
 * (the production date is checked against the local date). */
static GDateTime *
test_now (void)
{
  return g_date_time_new_utc (2026, 11, 27, 4, 0, 0);
}

/* A call of `kind` that passes every rule. */
static KefuCall *
complete_call (KefuCallKind kind)
{
  KefuCall *call = kefu_call_new_for_form ();
  g_autoptr(GDateTime) received = g_date_time_new_utc (2026, 11, 27, 3, 55, 0);
  KefuOrder *order = kefu_call_get_order (call);
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);
  g_autoptr(KefuOrderLine) line =
    g_list_model_get_item (G_LIST_MODEL (kefu_order_get_lines (order)), 0);

  kefu_call_set_kind (call, kind);
  kefu_call_set_caller_name (call, "张三");
  kefu_call_set_phone (call, "138 1234 5678");
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_received_at (call, received);

  kefu_order_set_channel (order, KEFU_CHANNEL_HOME_DELIVERY);
  kefu_order_line_set_product_id (line, 4);
  kefu_order_line_set_product_name (line, "鲜牛奶");
  kefu_order_line_set_spec (line, "950ml");
  kefu_order_line_set_quantity (line, 2);
  kefu_order_line_set_unit_price (line, 1250);

  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, "有异味");
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);

  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRICES);
  kefu_inquiry_set_answer (inquiry, "950ml 每盒12.50元");

  return call;
}

/* The problems' field ids, joined with " " (in the order reported). */
static char *
problem_fields (KefuCall *call)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GPtrArray) problems = kefu_call_validate (call, now);
  g_autoptr(GString) fields = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KefuFieldProblem *problem = problems->pdata[i];

      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
      if (fields->len > 0)
        g_string_append_c (fields, ' ');
      g_string_append (fields, problem->field);
    }
  return g_string_free (g_steal_pointer (&fields), FALSE);
}

/* The message of the problem on `field`, or NULL. */
static char *
problem_message (KefuCall   *call,
                 const char *field)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GPtrArray) problems = kefu_call_validate (call, now);

  for (guint i = 0; i < problems->len; i++)
    {
      KefuFieldProblem *problem = problems->pdata[i];

      if (g_str_equal (problem->field, field))
        return g_strdup (problem->message);
    }
  return NULL;
}

#define assert_fields(call, expected) \
  G_STMT_START { \
    g_autofree char *_fields = problem_fields (call); \
    g_assert_cmpstr (_fields, ==, expected); \
  } G_STMT_END

static void
test_complete_calls (void)
{
  for (KefuCallKind kind = KEFU_CALL_KIND_ORDER; kind <= KEFU_CALL_KIND_INQUIRY; kind++)
    {
      g_autoptr(KefuCall) call = complete_call (kind);

      assert_fields (call, "");
    }
}

static void
test_common_fields (void)
{
  g_autoptr(KefuCall) call = complete_call (KEFU_CALL_KIND_INQUIRY);
  g_autoptr(GDateTime) soon = g_date_time_new_utc (2026, 11, 27, 4, 4, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 11, 27, 4, 6, 0);
  g_autofree char *name_message = NULL;
  g_autofree char *phone_message = NULL;
  g_autofree char *short_phone = NULL;
  g_autofree char *long_name = NULL;
  g_autofree char *future_message = NULL;

  /* Everything the clerk must type, missing at once, reported in form order. */
  kefu_call_set_caller_name (call, "  ");
  kefu_call_set_phone (call, "");
  kefu_call_set_received_at (call, NULL);
  kefu_call_set_notes (call, "bad\x01notes");
  assert_fields (call, "caller-name phone received-at notes");
  name_message = problem_message (call, "caller-name");
  g_assert_cmpstr (name_message, ==, "Enter the caller’s name.");
  phone_message = problem_message (call, "phone");
  g_assert_cmpstr (phone_message, ==, "Enter the caller’s phone number.");

  /* The phone goes through the normaliser, whose reason is shown. */
  kefu_call_set_caller_name (call, "张三");
  kefu_call_set_notes (call, NULL);
  kefu_call_set_received_at (call, soon);
  kefu_call_set_phone (call, "1381234567");
  assert_fields (call, "phone");
  short_phone = problem_message (call, "phone");
  g_assert_nonnull (strstr (short_phone, "11 digits"));

  /* A name that is too long, or on several lines. */
  kefu_call_set_phone (call, "(010) 8765-4321");
  long_name = g_strnfill (101, 'x');
  kefu_call_set_caller_name (call, long_name);
  assert_fields (call, "caller-name");
  kefu_call_set_caller_name (call, "张\n三");
  assert_fields (call, "caller-name");
  kefu_call_set_caller_name (call, "张三");

  /* A received time a little ahead of the clock is drift; more is a mistake. */
  assert_fields (call, "");
  kefu_call_set_received_at (call, later);
  assert_fields (call, "received-at");
  future_message = problem_message (call, "received-at");
  g_assert_nonnull (strstr (future_message, "check the date and time"));
  kefu_call_set_received_at (call, soon);

  /* The address is optional for an inquiry or a complaint, required for an order. */
  kefu_call_set_address (call, NULL);
  assert_fields (call, "");
  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  assert_fields (call, "");
  kefu_call_set_kind (call, KEFU_CALL_KIND_ORDER);
  assert_fields (call, "address");
}

static void
test_order_fields (void)
{
  g_autoptr(KefuCall) call = complete_call (KEFU_CALL_KIND_ORDER);
  KefuOrder *order = kefu_call_get_order (call);
  g_autoptr(KefuOrderLine) first =
    g_list_model_get_item (G_LIST_MODEL (kefu_order_get_lines (order)), 0);
  KefuOrderLine *second;
  g_autofree char *quantity_message = NULL;
  g_autofree char *max_message = NULL;
  g_autofree char *long_spec = g_strnfill (101, 'm');
  g_autofree char *long_district = g_strnfill (51, 'd');

  kefu_order_set_channel (order, KEFU_CHANNEL_UNSPECIFIED);
  assert_fields (call, "channel");
  kefu_order_set_channel (order, KEFU_CHANNEL_SUPERMARKET);

  /* Lines are numbered from 1 in the field ids. */
  second = kefu_order_add_line (order);
  assert_fields (call, "line-2-product line-2-quantity");
  quantity_message = problem_message (call, "line-2-quantity");
  g_assert_cmpstr (quantity_message, ==, "Enter a quantity of at least 1.");

  kefu_order_line_set_product_id (second, 9);
  kefu_order_line_set_quantity (second, KEFU_ORDER_QUANTITY_MAX);
  assert_fields (call, "");
  kefu_order_line_set_quantity (second, KEFU_ORDER_QUANTITY_MAX + 1);
  assert_fields (call, "line-2-quantity");
  max_message = problem_message (call, "line-2-quantity");
  g_assert_nonnull (strstr (max_message, "at most 9999"));

  kefu_order_line_set_quantity (second, 1);
  kefu_order_line_set_spec (first, long_spec);
  kefu_order_line_set_unit_price (second, G_GINT64_CONSTANT (100000001));
  assert_fields (call, "line-1-spec line-2-unit-price");
  kefu_order_line_set_spec (first, "950ml");
  kefu_order_line_set_unit_price (second, G_GINT64_CONSTANT (100000000));
  assert_fields (call, "");

  kefu_order_set_delivery_address (order, "上海\x01浦东");
  kefu_order_set_district (order, long_district);
  assert_fields (call, "delivery-address district");
  kefu_order_set_delivery_address (order, NULL);
  kefu_order_set_district (order, "浦东新区");

  /* No line at all. */
  g_list_store_remove_all (kefu_order_get_lines (order));
  assert_fields (call, "lines");

  /* An order call without its order record. */
  kefu_call_set_order (call, NULL);
  assert_fields (call, "lines");
}

static void
test_complaint_fields (void)
{
  g_autoptr(KefuCall) call = complete_call (KEFU_CALL_KIND_COMPLAINT);
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  g_autoptr(GDate) future = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) today = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) oldest = g_date_new_dmy (27, G_DATE_NOVEMBER, 2016);
  g_autoptr(GDate) too_old = g_date_new_dmy (26, G_DATE_NOVEMBER, 2016);
  g_autofree char *long_reason = g_strnfill (2001, 'r');
  g_autofree char *long_place = g_strnfill (101, 'p');

  kefu_complaint_set_subject (complaint, NULL);
  kefu_complaint_set_reason (complaint, NULL);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  assert_fields (call, "subject reason category");

  /* Product quality: the symptom is required, the rest optional but checked. */
  kefu_complaint_set_subject (complaint, "酸奶");
  kefu_complaint_set_reason (complaint, long_reason);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_UNSPECIFIED);
  kefu_complaint_set_purchase_method (complaint, long_place);
  kefu_complaint_set_purchase_place (complaint, "超市\n门口");
  kefu_complaint_set_batch_number (complaint, "批号 12");
  kefu_complaint_set_production_date (complaint, future);
  assert_fields (call, "reason symptom purchase-method purchase-place batch-number production-date");

  kefu_complaint_set_reason (complaint, "喝了以后\n胃不舒服");
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_SPOILED);
  kefu_complaint_set_purchase_method (complaint, "超市购买");
  kefu_complaint_set_purchase_place (complaint, "华联超市");
  kefu_complaint_set_batch_number (complaint, "２０２６１１０３Ａ");
  kefu_complaint_set_production_date (complaint, today);
  assert_fields (call, "");
  kefu_complaint_set_production_date (complaint, oldest);
  assert_fields (call, "");
  kefu_complaint_set_production_date (complaint, too_old);
  assert_fields (call, "production-date");
  kefu_complaint_set_production_date (complaint, NULL);

  /* Service quality: only its own fields count; product fields typed before are ignored. */
  kefu_complaint_set_batch_number (complaint, "not a batch!");
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  assert_fields (call, "service-issue");
  kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  kefu_complaint_set_staff_identity (complaint, long_place);
  kefu_complaint_set_work_place (complaint, long_place);
  kefu_complaint_set_work_manner (complaint, long_place);
  assert_fields (call, "staff-identity work-place work-manner");
  kefu_complaint_set_staff_identity (complaint, "工号 0231");
  kefu_complaint_set_work_place (complaint, "朝阳站");
  kefu_complaint_set_work_manner (complaint, "送奶到户");
  assert_fields (call, "");

  /* Not well founded: the explanation is required, the category is not. */
  kefu_complaint_set_well_founded (complaint, FALSE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  assert_fields (call, "explanation");
  kefu_complaint_set_explanation (complaint, "送货时间是早上七点前,已向客户说明。");
  assert_fields (call, "");

  /* A harmed customer's complaint cannot be explained away at intake. */
  kefu_complaint_set_harmed (complaint, TRUE);
  assert_fields (call, "harmed");
  kefu_complaint_set_harmed (complaint, FALSE);
  assert_fields (call, "");

  kefu_call_set_complaint (call, NULL);
  assert_fields (call, "subject");
}

static void
test_inquiry_fields (void)
{
  g_autoptr(KefuCall) call = complete_call (KEFU_CALL_KIND_INQUIRY);
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);
  g_autofree char *answer_message = NULL;

  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_NONE);
  kefu_inquiry_set_answer (inquiry, " ");
  assert_fields (call, "topics answer");
  answer_message = problem_message (call, "answer");
  g_assert_cmpstr (answer_message, ==, "Enter what you answered the caller.");

  /* The other kinds' records are not checked for an inquiry. */
  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_DELIVERY | KEFU_INQUIRY_TOPIC_PAYMENT);
  kefu_inquiry_set_answer (inquiry, "每天早上七点前送到");
  kefu_order_set_channel (kefu_call_get_order (call), KEFU_CHANNEL_UNSPECIFIED);
  kefu_complaint_set_subject (kefu_call_get_complaint (call), NULL);
  assert_fields (call, "");

  kefu_call_set_inquiry (call, NULL);
  assert_fields (call, "topics");
}

static void
test_quantity_parse (void)
{
  struct { const char *text; guint quantity; int code; } cases[] = {
    { "1", 1, -1 },
    { "12", 12, -1 },
    { " 3 ", 3, -1 },
    { "１２", 12, -1 },
    { "007", 7, -1 },
    { "9999", 9999, -1 },
    { "10000", 0, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE },
    { "0", 0, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE },
    { "000", 0, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE },
    { "99999999999999999999999", 0, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE },
    { "", 0, KEFU_CALL_RULES_ERROR_REQUIRED },
    { "　", 0, KEFU_CALL_RULES_ERROR_REQUIRED },
    { "1.5", 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "-1", 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "two", 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2箱", 0, KEFU_CALL_RULES_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint quantity = 4242;
      gboolean ok = kefu_quantity_parse (cases[i].text, &quantity, &error);

      g_test_message ("quantity “%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (quantity, ==, cases[i].quantity);
        }
      else
        {
          g_assert_error (error, KEFU_CALL_RULES_ERROR, cases[i].code);
          g_assert_false (ok);
          g_assert_cmpuint (quantity, ==, 4242);
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (kefu_quantity_parse ("0", NULL, &error));
    g_assert_cmpstr (error->message, ==, "Enter a quantity of at least 1.");
    g_clear_error (&error);
    g_assert_false (kefu_quantity_parse ("10000", NULL, &error));
    g_assert_nonnull (strstr (error->message, "at most 9999"));
  }
}

static void
test_date_parse (void)
{
  struct { const char *text; guint year, month, day; int code; } cases[] = {
    { "2026-11-20", 2026, 11, 20, -1 },
    { "2026/11/20", 2026, 11, 20, -1 },
    { "2026.11.20", 2026, 11, 20, -1 },
    { "20261120", 2026, 11, 20, -1 },
    { "2026年11月20日", 2026, 11, 20, -1 },
    { "2026年11月20号", 2026, 11, 20, -1 },
    { "2026年1月5", 2026, 1, 5, -1 },
    { "2026 年 11 月 20 日", 2026, 11, 20, -1 },
    { "２０２６年１１月２０日", 2026, 11, 20, -1 },
    { "２０２６－１１－２０", 2026, 11, 20, -1 },
    { "2026/1/5", 2026, 1, 5, -1 },
    { " 2024-02-29 ", 2024, 2, 29, -1 },
    { "2025-02-29", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2026-11-31", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2026-13-01", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2026-00-10", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "20/11/2026", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "26-11-20", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2026-11", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2026-11-20-1", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "2026112", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "yesterday", 0, 0, 0, KEFU_CALL_RULES_ERROR_INVALID },
    { "", 0, 0, 0, KEFU_CALL_RULES_ERROR_REQUIRED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok;

      g_date_clear (&date, 1);
      ok = kefu_date_parse (cases[i].text, &date, &error);
      g_test_message ("date “%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_true (g_date_valid (&date));
          g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].year);
          g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].month);
          g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].day);
        }
      else
        {
          g_assert_error (error, KEFU_CALL_RULES_ERROR, cases[i].code);
          g_assert_false (ok);
          g_assert_false (g_date_valid (&date));
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (kefu_date_parse ("2026-02-30", NULL, &error));
    g_assert_cmpstr (error->message, ==, "Month 2 of 2026 has no day 30; check the date.");
  }
}

static void
test_production_date (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (29, G_DATE_FEBRUARY, 2024);
  g_autoptr(GDate) tomorrow = g_date_new_dmy (1, G_DATE_MARCH, 2024);
  /* Ten years before a 29 February is the 28th (2014 has no 29th). */
  g_autoptr(GDate) oldest = g_date_new_dmy (28, G_DATE_FEBRUARY, 2014);
  g_autoptr(GDate) too_old = g_date_new_dmy (27, G_DATE_FEBRUARY, 2014);
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_production_date_validate (today, today, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_production_date_validate (oldest, today, &error));
  g_assert_no_error (error);

  g_assert_false (kefu_production_date_validate (tomorrow, today, &error));
  g_assert_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "cannot be after today"));
  g_clear_error (&error);

  g_assert_false (kefu_production_date_validate (too_old, today, &error));
  g_assert_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "more than 10 years ago"));
}

static void
test_batch_number (void)
{
  struct { const char *text; const char *normalized; int code; } cases[] = {
    { "", "", -1 },
    { "  ", "", -1 },
    { "20261103A", "20261103A", -1 },
    { "a2026-11/03.1", "A2026-11/03.1", -1 },
    { "２０２６１１０３ａ", "20261103A", -1 },
    { " B12 ", "B12", -1 },
    { "B—12", "B-12", -1 },
    { "12345678901234567890123456789012", "12345678901234567890123456789012", -1 },
    { "123456789012345678901234567890123", NULL, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE },
    { "批号12", NULL, KEFU_CALL_RULES_ERROR_INVALID },
    { "A 12", NULL, KEFU_CALL_RULES_ERROR_INVALID },
    { "A_12", NULL, KEFU_CALL_RULES_ERROR_INVALID },
    { "A#12", NULL, KEFU_CALL_RULES_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok = kefu_batch_number_validate (cases[i].text, &normalized, &error);

      g_test_message ("batch “%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].normalized);
        }
      else
        {
          g_assert_error (error, KEFU_CALL_RULES_ERROR, cases[i].code);
          g_assert_false (ok);
          g_assert_null (normalized);
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (kefu_batch_number_validate ("A_12", NULL, &error));
    g_assert_nonnull (strstr (error->message, "remove “_”"));
  }
}

static void
test_routing (void)
{
  /* Every category × well founded × harmed. */
  struct {
    KefuComplaintCategory category;
    gboolean well_founded;
    gboolean harmed;
    KefuRole roles[4];
    guint n_roles;
    KefuComplaintStage stage;
  } cases[] = {
    { KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, FALSE,
      { KEFU_ROLE_QC_MANAGER, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE }, 3,
      KEFU_COMPLAINT_STAGE_ROUTED },
    { KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, TRUE,
      { KEFU_ROLE_QC_MANAGER, KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE }, 3,
      KEFU_COMPLAINT_STAGE_ROUTED },
    { KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, FALSE, { 0 }, 0,
      KEFU_COMPLAINT_STAGE_EXPLAINED },
    { KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, TRUE, { 0 }, 0,
      KEFU_COMPLAINT_STAGE_EXPLAINED },
    { KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, FALSE,
      { KEFU_ROLE_CS_MANAGER }, 1, KEFU_COMPLAINT_STAGE_ROUTED },
    { KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, TRUE, TRUE,
      { KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE }, 2, KEFU_COMPLAINT_STAGE_ROUTED },
    { KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, FALSE, { 0 }, 0,
      KEFU_COMPLAINT_STAGE_EXPLAINED },
    { KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, TRUE, { 0 }, 0,
      KEFU_COMPLAINT_STAGE_EXPLAINED },
    { KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, TRUE, FALSE, { 0 }, 0, KEFU_COMPLAINT_STAGE_NEW },
    { KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, TRUE, TRUE,
      { KEFU_ROLE_CS_MANAGER, KEFU_ROLE_GM_OFFICE }, 2, KEFU_COMPLAINT_STAGE_ROUTED },
    { KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, FALSE, FALSE, { 0 }, 0,
      KEFU_COMPLAINT_STAGE_EXPLAINED },
    { KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, FALSE, TRUE, { 0 }, 0,
      KEFU_COMPLAINT_STAGE_EXPLAINED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuRole roles[4] = { 99, 99, 99, 99 };
      guint n_roles = kefu_complaint_route_roles (cases[i].category, cases[i].well_founded,
                                                  cases[i].harmed, roles);

      g_test_message ("routing case %u", i);
      g_assert_cmpuint (n_roles, ==, cases[i].n_roles);
      for (guint j = 0; j < n_roles; j++)
        g_assert_cmpint (roles[j], ==, cases[i].roles[j]);
      /* Nothing is written past the roles returned. */
      for (guint j = n_roles; j < 4; j++)
        g_assert_cmpint (roles[j], ==, 99);
      g_assert_cmpint (kefu_complaint_intake_stage (cases[i].well_founded, n_roles), ==,
                       cases[i].stage);
    }
}

static void
test_summary (void)
{
  g_autoptr(KefuCall) call = complete_call (KEFU_CALL_KIND_ORDER);
  KefuOrder *order = kefu_call_get_order (call);
  KefuOrderLine *line;
  g_autofree char *order_summary = NULL;
  g_autofree char *complaint_summary = NULL;
  g_autofree char *inquiry_summary = NULL;
  g_autofree char *topics_summary = NULL;
  g_autofree char *long_summary = NULL;
  g_autofree char *notes_summary = NULL;
  g_autoptr(GString) long_reason = g_string_new (NULL);

  line = kefu_order_add_line (order);
  kefu_order_line_set_product_name (line, "酸奶");
  kefu_order_line_set_spec (line, "200g");
  kefu_order_line_set_quantity (line, 6);
  /* An empty line adds nothing. */
  kefu_order_add_line (order);
  order_summary = kefu_call_build_summary (call);
  g_assert_cmpstr (order_summary, ==, "鲜牛奶 950ml ×2, 酸奶 200g ×6");

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_complaint_set_reason (kefu_call_get_complaint (call), "  有异味\n  喝了不舒服 ");
  complaint_summary = kefu_call_build_summary (call);
  g_assert_cmpstr (complaint_summary, ==, "鲜牛奶: 有异味 喝了不舒服");

  for (guint i = 0; i < 30; i++)
    g_string_append (long_reason, "牛奶有异味。");
  kefu_complaint_set_reason (kefu_call_get_complaint (call), long_reason->str);
  long_summary = kefu_call_build_summary (call);
  g_assert_cmpint (g_utf8_strlen (long_summary, -1), ==, 120);
  g_assert_true (g_str_has_suffix (long_summary, "…"));
  g_assert_true (g_str_has_prefix (long_summary, "鲜牛奶: 牛奶有异味。"));

  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  inquiry_summary = kefu_call_build_summary (call);
  g_assert_cmpstr (inquiry_summary, ==, "950ml 每盒12.50元");

  kefu_inquiry_set_answer (kefu_call_get_inquiry (call), NULL);
  kefu_inquiry_set_topics (kefu_call_get_inquiry (call),
                           KEFU_INQUIRY_TOPIC_PRICES | KEFU_INQUIRY_TOPIC_PROMOTIONS);
  topics_summary = kefu_call_build_summary (call);
  g_assert_cmpstr (topics_summary, ==, "Prices, Promotions");

  kefu_call_set_inquiry (call, NULL);
  kefu_call_set_notes (call, "客户说\n下午再打来");
  notes_summary = kefu_call_build_summary (call);
  g_assert_cmpstr (notes_summary, ==, "客户说 下午再打来");
}

static void
test_district (void)
{
  struct { const char *address; const char *district; } cases[] = {
    { "北京市朝阳区建国路88号", "朝阳区" },
    { "北京朝阳区建国路88号", "朝阳区" },
    { "中国北京市海淀区中关村大街1号", "海淀区" },
    { "北京市 东城区 王府井大街", "东城区" },
    { "上海浦东新区世纪大道100号", "浦东新区" },
    { "上海市徐汇区漕溪北路", "徐汇区" },
    { "天津市滨海新区", "滨海新区" },
    { "重庆市渝中区解放碑", "渝中区" },
    { "河北省廊坊市三河市燕郊镇", "三河市" },
    { "河北廊坊市三河市燕郊镇", "三河市" },
    { "河北省石家庄市长安区中山东路", "长安区" },
    { "河北省张家口市涿鹿县", "涿鹿县" },
    { "廊坊市三河市燕郊镇迎宾路", "三河市" },
    { "广东省深圳市南山区科技园", "南山区" },
    { "内蒙古自治区呼伦贝尔市鄂温克族自治旗", "鄂温克族自治旗" },
    { "广西壮族自治区南宁市青秀区", "青秀区" },
    { "四川省阿坝藏族羌族自治州汶川县", "汶川县" },
    { "山东省济南市市中区经四路", "市中区" },
    { "浙江省台州市路桥区", "路桥区" },
    { "朝阳区建国路88号", "朝阳区" },
    { "ＸＸ北京市朝阳区", NULL },
    /* A city without a district below it is the nearest thing to a district the address has. */
    { "广东省深圳市科技园路1号", "深圳市" },
    { "上海市南京东路步行街", NULL },
    { "建国路88号", NULL },
    { "88号院3号楼", NULL },
    { "", NULL },
    { "北京市", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *district = kefu_address_guess_district (cases[i].address);

      g_test_message ("address “%s”", cases[i].address);
      g_assert_cmpstr (district, ==, cases[i].district);
    }

  g_assert_null (kefu_address_guess_district (NULL));
  g_assert_null (kefu_address_guess_district ("\xff\xfe"));
}

static void
test_reference_prefix (void)
{
  g_assert_cmpstr (kefu_call_kind_reference_prefix (KEFU_CALL_KIND_ORDER), ==, "DH");
  g_assert_cmpstr (kefu_call_kind_reference_prefix (KEFU_CALL_KIND_COMPLAINT), ==, "TS");
  g_assert_cmpstr (kefu_call_kind_reference_prefix (KEFU_CALL_KIND_INQUIRY), ==, "ZX");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/call-rules/complete-calls", test_complete_calls);
  g_test_add_func ("/kefu/call-rules/common-fields", test_common_fields);
  g_test_add_func ("/kefu/call-rules/order-fields", test_order_fields);
  g_test_add_func ("/kefu/call-rules/complaint-fields", test_complaint_fields);
  g_test_add_func ("/kefu/call-rules/inquiry-fields", test_inquiry_fields);
  g_test_add_func ("/kefu/call-rules/quantity-parse", test_quantity_parse);
  g_test_add_func ("/kefu/call-rules/date-parse", test_date_parse);
  g_test_add_func ("/kefu/call-rules/production-date", test_production_date);
  g_test_add_func ("/kefu/call-rules/batch-number", test_batch_number);
  g_test_add_func ("/kefu/call-rules/routing", test_routing);
  g_test_add_func ("/kefu/call-rules/summary", test_summary);
  g_test_add_func ("/kefu/call-rules/district", test_district);
  g_test_add_func ("/kefu/call-rules/reference-prefix", test_reference_prefix);

  return g_test_run ();
}
