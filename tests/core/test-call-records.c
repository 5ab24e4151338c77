/* test-call-records.c: the hotline records (order lines, orders, complaints, inquiries, calls,
 * leads, history entries), the customer's contact and assignment fields, and the names of the
 * hotline enums. */
#include "config.h"

#include <locale.h>

#include "kefu-records.h"
#include "kefu-enums.h"

typedef struct
{
  guint       count;
  const char *last;
} NotifyCounter;

static void
on_notify (GObject       *object,
           GParamSpec    *pspec,
           NotifyCounter *counter)
{
  counter->count++;
  counter->last = g_param_spec_get_name (pspec);
}

static guint
set_and_count (GObject      *object,
               const char   *name,
               const GValue *value)
{
  NotifyCounter counter = { 0, NULL };
  gulong id = g_signal_connect (object, "notify", G_CALLBACK (on_notify), &counter);

  g_object_set_property (object, name, value);
  g_signal_handler_disconnect (object, id);

  if (counter.count > 0)
    g_assert_cmpstr (counter.last, ==, name);
  return counter.count;
}

/* A value of `pspec`'s type that differs from what `object` holds now. */
static void
sample_value (GObject    *object,
              GParamSpec *pspec,
              GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, type);
  g_object_get_property (object, pspec->name, &current);
  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, "张三 'quoted' \"text\"");
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, g_value_get_int64 (&current) + 41);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, g_value_get_uint (&current) + 11);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (&current));
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int last = klass->values[klass->n_values - 1].value;

      g_value_set_enum (value, g_value_get_enum (&current) != last ? last : klass->values[0].value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, g_value_get_flags (&current) ^ (KEFU_INQUIRY_TOPIC_PRICES
                                                             | KEFU_INQUIRY_TOPIC_ADVANTAGES));
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, g_date_time_new_utc (2026, 11, 27, 2, 30, 0));
  else if (type == G_TYPE_DATE)
    g_value_take_boxed (value, g_date_new_dmy (20, G_DATE_NOVEMBER, 2026));
  else if (type == G_TYPE_STRV)
    g_value_take_boxed (value, g_strsplit ("13812345678 01087654321", " ", -1));
  else if (G_TYPE_IS_OBJECT (type))
    g_value_take_object (value, g_object_new (type, NULL));
  else
    g_error ("no sample value for %s of type %s", pspec->name, g_type_name (type));
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_DATE_TIME)
    return g_date_time_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_DATE)
    return g_date_compare (g_value_get_boxed (a), g_value_get_boxed (b)) == 0;
  /* Objects compare by pointer, which is what the record holds: the same object. */
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Every writable property: a different value notifies once and reads back equal; the same value
 * again does not notify. Boxed values are set as fresh copies the second time, so the records
 * must compare by value, not by pointer. */
static void
check_all_properties (GObject *object)
{
  guint n_props;
  g_autofree GParamSpec **props =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = props[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) copy = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_STATIC_NAME);
      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);
      sample_value (object, pspec, &value);
      g_value_init (&copy, G_VALUE_TYPE (&value));
      g_value_copy (&value, &copy);

      g_assert_cmpuint (set_and_count (object, pspec->name, &value), ==, 1);
      g_assert_cmpuint (set_and_count (object, pspec->name, &copy), ==, 0);

      g_value_init (&read_back, G_VALUE_TYPE (&value));
      g_object_get_property (object, pspec->name, &read_back);
      g_assert_true (values_equal (pspec, &value, &read_back));
    }
}

static void
test_order_line (void)
{
  KefuOrderLine *line = kefu_order_line_new ();
  NotifyCounter totals = { 0, NULL };

  g_assert_cmpstr (kefu_order_line_get_product_name (line), ==, "");
  g_assert_cmpstr (kefu_order_line_get_spec (line), ==, "");
  g_assert_cmpuint (kefu_order_line_get_quantity (line), ==, 0);
  g_assert_cmpint (kefu_order_line_get_total (line), ==, 0);

  g_signal_connect (line, "notify::total", G_CALLBACK (on_notify), &totals);

  /* A quantity without a price leaves the total at 0: no notification. */
  kefu_order_line_set_quantity (line, 3);
  g_assert_cmpuint (totals.count, ==, 0);
  kefu_order_line_set_unit_price (line, 350);
  g_assert_cmpuint (totals.count, ==, 1);
  g_assert_cmpint (kefu_order_line_get_total (line), ==, 1050);
  kefu_order_line_set_quantity (line, 24);
  g_assert_cmpuint (totals.count, ==, 2);
  g_assert_cmpint (kefu_order_line_get_total (line), ==, 8400);
  kefu_order_line_set_quantity (line, 24);
  g_assert_cmpuint (totals.count, ==, 2);

  /* An absurd price saturates instead of wrapping to a negative total. */
  kefu_order_line_set_unit_price (line, G_MAXINT64 / 2);
  g_assert_cmpint (kefu_order_line_get_total (line), ==, G_MAXINT64);

  g_signal_handlers_disconnect_by_data (line, &totals);
  check_all_properties (G_OBJECT (line));
  g_assert_finalize_object (line);
}

static void
test_order_total (void)
{
  KefuOrder *order = kefu_order_new ();
  GListStore *lines = kefu_order_get_lines (order);
  NotifyCounter totals = { 0, NULL };
  KefuOrderLine *milk, *yoghurt;
  g_autoptr(KefuOrderLine) outside = kefu_order_line_new ();
  g_autoptr(KefuOrderLine) kept = NULL;

  g_assert_cmpint (kefu_order_get_total (order), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, 0);
  g_signal_connect (order, "notify::total", G_CALLBACK (on_notify), &totals);

  milk = kefu_order_add_line (order);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, 1);
  g_assert_cmpuint (totals.count, ==, 0);

  kefu_order_line_set_quantity (milk, 2);
  kefu_order_line_set_unit_price (milk, 350);
  g_assert_cmpint (kefu_order_get_total (order), ==, 700);
  g_assert_cmpuint (totals.count, ==, 1);

  yoghurt = kefu_order_add_line (order);
  kefu_order_line_set_unit_price (yoghurt, 1250);
  kefu_order_line_set_quantity (yoghurt, 4);
  g_assert_cmpint (kefu_order_get_total (order), ==, 700 + 5000);

  /* A line added to the store directly is followed too. */
  kefu_order_line_set_quantity (outside, 1);
  kefu_order_line_set_unit_price (outside, 99);
  g_list_store_insert (lines, 0, outside);
  g_assert_cmpint (kefu_order_get_total (order), ==, 5799);

  /* A removed line no longer counts, even when it changes afterwards. */
  kept = g_object_ref (milk);
  kefu_order_remove_line (order, milk);
  g_assert_cmpint (kefu_order_get_total (order), ==, 5099);
  totals.count = 0;
  kefu_order_line_set_quantity (kept, 100);
  g_assert_cmpuint (totals.count, ==, 0);
  g_assert_cmpint (kefu_order_get_total (order), ==, 5099);

  /* Removing a line that is not in the order does nothing. */
  kefu_order_remove_line (order, kept);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, 2);

  g_list_store_remove_all (lines);
  g_assert_cmpint (kefu_order_get_total (order), ==, 0);
  g_object_get (order, "total", &(gint64) { 0 }, NULL);

  g_signal_handlers_disconnect_by_data (order, &totals);
  check_all_properties (G_OBJECT (order));
  g_assert_finalize_object (order);
  /* The order let go of its handlers: changing a former line is harmless. */
  kefu_order_line_set_quantity (outside, 7);
}

static void
test_order_defaults (void)
{
  g_autoptr(KefuOrder) order = kefu_order_new ();
  GDate date;
  NotifyCounter counter = { 0, NULL };

  g_assert_cmpint (kefu_order_get_channel (order), ==, KEFU_CHANNEL_UNSPECIFIED);
  g_assert_cmpint (kefu_order_get_handover_state (order), ==, KEFU_HANDOVER_STATE_WAITING);
  g_assert_null (kefu_order_get_handover_date (order));
  g_assert_null (kefu_order_get_handed_over_at (order));
  g_assert_false (kefu_order_get_out_of_area (order));
  g_assert_cmpstr (kefu_order_get_area_note (order), ==, "");

  /* The order keeps its own copy of the date. */
  g_signal_connect (order, "notify", G_CALLBACK (on_notify), &counter);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_NOVEMBER, 2026);
  kefu_order_set_handover_date (order, &date);
  g_date_add_days (&date, 1);
  g_assert_cmpint (g_date_get_day (kefu_order_get_handover_date (order)), ==, 28);
  g_assert_cmpuint (counter.count, ==, 1);
  kefu_order_set_handover_date (order, NULL);
  g_assert_null (kefu_order_get_handover_date (order));
  g_assert_cmpuint (counter.count, ==, 2);
  kefu_order_set_handover_date (order, NULL);
  g_assert_cmpuint (counter.count, ==, 2);
  g_signal_handlers_disconnect_by_data (order, &counter);
}

static void
test_complaint (void)
{
  KefuComplaint *complaint = kefu_complaint_new ();
  GPtrArray *routes;
  NotifyCounter counter = { 0, NULL };

  g_assert_true (kefu_complaint_get_well_founded (complaint));
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_NEW);
  g_assert_cmpint (kefu_complaint_get_category (complaint), ==,
                   KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  g_assert_null (kefu_complaint_get_production_date (complaint));
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "");

  routes = kefu_complaint_get_routes (complaint);
  g_assert_nonnull (routes);
  g_assert_cmpuint (routes->len, ==, 0);

  g_signal_connect (complaint, "notify::routes", G_CALLBACK (on_notify), &counter);
  /* Clearing no routes is no change. */
  kefu_complaint_clear_routes (complaint);
  g_assert_cmpuint (counter.count, ==, 0);

  kefu_complaint_add_route (complaint, kefu_complaint_route_new (3, "品控部", KEFU_ROLE_QC_MANAGER));
  kefu_complaint_add_route (complaint, kefu_complaint_route_new (1, NULL, KEFU_ROLE_CS_MANAGER));
  g_assert_cmpuint (counter.count, ==, 2);
  routes = kefu_complaint_get_routes (complaint);
  g_assert_cmpuint (routes->len, ==, 2);
  g_assert_cmpint (((KefuComplaintRoute *) routes->pdata[0])->department_id, ==, 3);
  g_assert_cmpstr (((KefuComplaintRoute *) routes->pdata[0])->department_name, ==, "品控部");
  g_assert_cmpint (((KefuComplaintRoute *) routes->pdata[0])->role, ==, KEFU_ROLE_QC_MANAGER);
  g_assert_cmpstr (((KefuComplaintRoute *) routes->pdata[1])->department_name, ==, "");

  kefu_complaint_clear_routes (complaint);
  g_assert_cmpuint (counter.count, ==, 3);
  g_assert_cmpuint (kefu_complaint_get_routes (complaint)->len, ==, 0);
  g_signal_handlers_disconnect_by_data (complaint, &counter);

  /* An enum value from another enum is refused loudly and changes nothing. */
  g_test_expect_message ("kefu-complaint", G_LOG_LEVEL_CRITICAL, "*is not a KefuProductSymptom*");
  kefu_complaint_set_symptom (complaint, (KefuProductSymptom) 42);
  g_test_assert_expected_messages ();
  g_assert_cmpint (kefu_complaint_get_symptom (complaint), ==, KEFU_PRODUCT_SYMPTOM_UNSPECIFIED);

  check_all_properties (G_OBJECT (complaint));
  g_assert_finalize_object (complaint);
}

static void
test_inquiry (void)
{
  KefuInquiry *inquiry = kefu_inquiry_new ();

  g_assert_cmpint (kefu_inquiry_get_topics (inquiry), ==, KEFU_INQUIRY_TOPIC_NONE);
  kefu_inquiry_set_topics (inquiry, KEFU_INQUIRY_TOPIC_PRICES | KEFU_INQUIRY_TOPIC_DELIVERY);
  g_assert_cmpint (kefu_inquiry_get_topics (inquiry), ==,
                   KEFU_INQUIRY_TOPIC_PRICES | KEFU_INQUIRY_TOPIC_DELIVERY);

  /* Bits outside the flags type are a programming error. */
  g_test_expect_message ("kefu-inquiry", G_LOG_LEVEL_CRITICAL, "*is not a KefuInquiryTopics*");
  kefu_inquiry_set_topics (inquiry, 1 << 20);
  g_test_assert_expected_messages ();
  g_assert_cmpint (kefu_inquiry_get_topics (inquiry), ==,
                   KEFU_INQUIRY_TOPIC_PRICES | KEFU_INQUIRY_TOPIC_DELIVERY);

  check_all_properties (G_OBJECT (inquiry));
  g_assert_finalize_object (inquiry);
}

static void
test_lead (void)
{
  KefuLead *lead = kefu_lead_new ();

  g_assert_cmpint (kefu_lead_get_state (lead), ==, KEFU_LEAD_STATE_OPEN);
  g_assert_null (kefu_lead_get_closed_at (lead));
  g_assert_cmpstr (kefu_lead_get_note (lead), ==, "");

  check_all_properties (G_OBJECT (lead));
  g_assert_finalize_object (lead);
}

static void
test_call (void)
{
  KefuCall *call = kefu_call_new ();

  g_assert_cmpint (kefu_call_get_kind (call), ==, KEFU_CALL_KIND_ORDER);
  g_assert_null (kefu_call_get_order (call));
  g_assert_null (kefu_call_get_complaint (call));
  g_assert_null (kefu_call_get_inquiry (call));
  g_assert_null (kefu_call_get_received_at (call));
  g_assert_true (kefu_call_is_blank (call));

  check_all_properties (G_OBJECT (call));
  g_assert_finalize_object (call);
}

static void
test_call_for_form (void)
{
  KefuCall *call = kefu_call_new_for_form ();
  KefuOrder *order = kefu_call_get_order (call);
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);
  GListModel *lines;

  g_assert_nonnull (order);
  g_assert_nonnull (complaint);
  g_assert_nonnull (inquiry);
  lines = G_LIST_MODEL (kefu_order_get_lines (order));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  g_assert_true (kefu_complaint_get_well_founded (complaint));
  g_assert_true (kefu_call_is_blank (call));

  /* The call owns its detail records: they go with it. */
  g_object_add_weak_pointer (G_OBJECT (order), (gpointer *) &order);
  g_object_add_weak_pointer (G_OBJECT (complaint), (gpointer *) &complaint);
  g_object_add_weak_pointer (G_OBJECT (inquiry), (gpointer *) &inquiry);
  g_assert_finalize_object (call);
  g_assert_null (order);
  g_assert_null (complaint);
  g_assert_null (inquiry);
}

typedef void (*CallEdit) (KefuCall *call);

static void edit_name (KefuCall *c) { kefu_call_set_caller_name (c, "张三"); }
static void edit_address (KefuCall *c) { kefu_call_set_address (c, "北京市朝阳区"); }
static void edit_phone (KefuCall *c) { kefu_call_set_phone (c, "138"); }
static void edit_notes (KefuCall *c) { kefu_call_set_notes (c, "上午送"); }
static void edit_customer (KefuCall *c) { kefu_call_set_customer_id (c, 5); }
static void edit_channel (KefuCall *c)
{
  kefu_order_set_channel (kefu_call_get_order (c), KEFU_CHANNEL_RETAIL);
}
static void edit_delivery (KefuCall *c)
{
  kefu_order_set_delivery_address (kefu_call_get_order (c), "上海市");
}
static void edit_quantity (KefuCall *c)
{
  g_autoptr(KefuOrderLine) line =
    g_list_model_get_item (G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (c))), 0);
  kefu_order_line_set_quantity (line, 2);
}
static void edit_line_spec (KefuCall *c)
{
  KefuOrderLine *line = kefu_order_add_line (kefu_call_get_order (c));
  kefu_order_line_set_spec (line, "250ml");
}
static void edit_subject (KefuCall *c)
{
  kefu_complaint_set_subject (kefu_call_get_complaint (c), "鲜牛奶");
}
static void edit_not_founded (KefuCall *c)
{
  kefu_complaint_set_well_founded (kefu_call_get_complaint (c), FALSE);
}
static void edit_harmed (KefuCall *c)
{
  kefu_complaint_set_harmed (kefu_call_get_complaint (c), TRUE);
}
static void edit_date (KefuCall *c)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  kefu_complaint_set_production_date (kefu_call_get_complaint (c), date);
}
static void edit_issue (KefuCall *c)
{
  kefu_complaint_set_service_issue (kefu_call_get_complaint (c), KEFU_SERVICE_ISSUE_OTHER);
}
static void edit_topics (KefuCall *c)
{
  kefu_inquiry_set_topics (kefu_call_get_inquiry (c), KEFU_INQUIRY_TOPIC_PAYMENT);
}
static void edit_answer (KefuCall *c)
{
  kefu_inquiry_set_answer (kefu_call_get_inquiry (c), "每周二送");
}
static void edit_potential (KefuCall *c)
{
  kefu_inquiry_set_potential_order (kefu_call_get_inquiry (c), TRUE);
}

static void
test_call_is_blank (void)
{
  const CallEdit edits[] = {
    edit_name, edit_address, edit_phone, edit_notes, edit_customer, edit_channel, edit_delivery,
    edit_quantity, edit_line_spec, edit_subject, edit_not_founded, edit_harmed, edit_date,
    edit_issue, edit_topics, edit_answer, edit_potential,
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(KefuCall) call = kefu_call_new_for_form ();

      /* What the form fills in by itself does not count. */
      kefu_call_set_received_at (call, now);
      kefu_call_set_clerk_id (call, 2);
      kefu_call_set_clerk_name (call, "李娜");
      kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
      kefu_order_add_line (kefu_call_get_order (call));
      g_assert_true (kefu_call_is_blank (call));

      edits[i] (call);
      g_test_message ("edit %u", i);
      g_assert_false (kefu_call_is_blank (call));
    }
}

static void
test_history_entry (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 2, 30, 0);
  KefuHistoryEntry *entry = kefu_history_entry_new (KEFU_HISTORY_KIND_COMPLAINT_CALL, "calls", 12,
                                                    "TS-20261127-0003", when, "异味 · 鲜牛奶",
                                                    "routed", "李娜");
  KefuHistoryEntry *bare = kefu_history_entry_new (KEFU_HISTORY_KIND_INQUIRY_CALL, "calls", 1,
                                                   NULL, NULL, NULL, NULL, NULL);
  GParamSpec *pspec;

  g_assert_cmpint (kefu_history_entry_get_kind (entry), ==, KEFU_HISTORY_KIND_COMPLAINT_CALL);
  g_assert_cmpstr (kefu_history_entry_get_entity (entry), ==, "calls");
  g_assert_cmpint (kefu_history_entry_get_entity_id (entry), ==, 12);
  g_assert_cmpstr (kefu_history_entry_get_reference (entry), ==, "TS-20261127-0003");
  g_assert_true (g_date_time_equal (kefu_history_entry_get_occurred_at (entry), when));
  g_assert_cmpstr (kefu_history_entry_get_summary (entry), ==, "异味 · 鲜牛奶");
  g_assert_cmpstr (kefu_history_entry_get_status (entry), ==, "routed");
  g_assert_cmpstr (kefu_history_entry_get_staff_name (entry), ==, "李娜");

  g_assert_cmpint (kefu_history_entry_get_kind (bare), ==, KEFU_HISTORY_KIND_INQUIRY_CALL);
  g_assert_null (kefu_history_entry_get_occurred_at (bare));
  g_assert_cmpstr (kefu_history_entry_get_reference (bare), ==, "");
  g_assert_cmpstr (kefu_history_entry_get_status (bare), ==, "");
  g_assert_cmpstr (kefu_history_entry_get_staff_name (bare), ==, "");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entry), "summary");
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

  g_assert_finalize_object (entry);
  g_assert_finalize_object (bare);
}

static void
test_customer_contact (void)
{
  KefuCustomer *customer = kefu_customer_new ();

  g_assert_null (kefu_customer_get_last_contact_at (customer));
  g_assert_null (kefu_customer_get_assigned_at (customer));
  g_assert_null (kefu_customer_get_first_contact_at (customer));
  g_assert_cmpstr (kefu_customer_get_last_call_summary (customer), ==, "");
  g_assert_cmpstr (kefu_customer_get_assigned_clerk_name (customer), ==, "");

  kefu_customer_set_last_call_kind (customer, KEFU_CALL_KIND_INQUIRY);
  g_assert_cmpint (kefu_customer_get_last_call_kind (customer), ==, KEFU_CALL_KIND_INQUIRY);

  check_all_properties (G_OBJECT (customer));
  g_assert_finalize_object (customer);
}

static void
test_property_names (void)
{
  /* The names the store and the form's .ui bind to; a rename here breaks them. */
  struct { GType type; const char *names[26]; } cases[] = {
    { KEFU_TYPE_ORDER_LINE, { "id", "product-id", "product-name", "spec", "quantity",
                              "unit-price", "total", NULL } },
    { KEFU_TYPE_ORDER, { "call-id", "channel", "delivery-address", "district", "lines", "total",
                         "handover-date", "handover-state", "handed-to-id", "handed-to-name",
                         "handed-over-at", "out-of-area", "area-notified-at",
                         "area-notified-by-id", "area-note", "lead-id", NULL } },
    { KEFU_TYPE_COMPLAINT, { "call-id", "reference", "owner-id", "subject", "reason",
                             "well-founded", "explanation", "category", "symptom",
                             "purchase-method", "purchase-place", "batch-number",
                             "production-date", "product-id", "service-issue", "staff-identity",
                             "work-place", "work-manner", "harmed", "urgent", "stage", "routes",
                             NULL } },
    { KEFU_TYPE_INQUIRY, { "call-id", "topics", "answer", "potential-order", "lead-id", NULL } },
    { KEFU_TYPE_CALL, { "reference", "kind", "customer-id", "caller-name", "address", "phone",
                        "clerk-id", "clerk-name", "received-at", "notes", "summary", "order",
                        "complaint", "inquiry", NULL } },
    { KEFU_TYPE_LEAD, { "inquiry-id", "call-id", "call-reference", "customer-id", "caller-name",
                        "phone", "address", "clerk-id", "clerk-name", "received-at", "summary",
                        "state", "order-call-id", "closed-at", "note", NULL } },
    { KEFU_TYPE_CUSTOMER, { "last-contact-at", "last-call-kind", "last-call-summary",
                            "assigned-clerk-name", "assigned-at", "first-contact-at", NULL } },
    { KEFU_TYPE_HISTORY_ENTRY, { "kind", "entity", "entity-id", "reference", "occurred-at",
                                 "summary", "status", "staff-name", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (cases[i].type);

      for (guint j = 0; cases[i].names[j] != NULL; j++)
        {
          g_test_message ("%s:%s", g_type_name (cases[i].type), cases[i].names[j]);
          g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                          cases[i].names[j]));
        }
    }

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
    g_type_class_peek (KEFU_TYPE_COMPLAINT), "production-date")) == G_TYPE_DATE);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
    g_type_class_peek (KEFU_TYPE_INQUIRY), "topics")) == KEFU_TYPE_INQUIRY_TOPICS);
  g_assert_true (G_TYPE_IS_FLAGS (KEFU_TYPE_INQUIRY_TOPICS));
}

static void
test_display_names (void)
{
  g_autofree char *none = kefu_inquiry_topics_format (KEFU_INQUIRY_TOPIC_NONE);
  g_autofree char *two = kefu_inquiry_topics_format (KEFU_INQUIRY_TOPIC_ADVANTAGES
                                                     | KEFU_INQUIRY_TOPIC_PRODUCTS);
  g_autofree char *one = kefu_inquiry_topics_format (KEFU_INQUIRY_TOPIC_PAYMENT);

  /* Untranslated here (the test runs in the C locale). */
  g_assert_cmpstr (kefu_call_kind_get_display_name (KEFU_CALL_KIND_COMPLAINT), ==, "Complaint");
  g_assert_cmpstr (kefu_handover_state_get_display_name (KEFU_HANDOVER_STATE_HANDED_OVER), ==,
                   "Handed over");
  g_assert_cmpstr (kefu_complaint_category_get_display_name (
                     KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY), ==, "Product quality");
  g_assert_cmpstr (kefu_product_symptom_get_display_name (KEFU_PRODUCT_SYMPTOM_SPOILED), ==,
                   "Spoiled");
  g_assert_cmpstr (kefu_service_issue_get_display_name (KEFU_SERVICE_ISSUE_BILLING_ERROR), ==,
                   "Billing error");
  g_assert_cmpstr (kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_EXPLAINED), ==,
                   "Explained");
  g_assert_cmpstr (kefu_lead_state_get_display_name (KEFU_LEAD_STATE_DROPPED), ==, "Dropped");
  g_assert_cmpstr (kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_PROMOTIONS), ==,
                   "Promotions");

  /* In the enum's order, whatever order the bits were given in. */
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (one, ==, "Payment methods");
  g_assert_cmpstr (two, ==, "Products, Product advantages");

  /* Every value of every hotline enum has a non-empty name. */
  {
    GType types[] = { KEFU_TYPE_CALL_KIND, KEFU_TYPE_HANDOVER_STATE, KEFU_TYPE_COMPLAINT_CATEGORY,
                      KEFU_TYPE_PRODUCT_SYMPTOM, KEFU_TYPE_SERVICE_ISSUE,
                      KEFU_TYPE_COMPLAINT_STAGE, KEFU_TYPE_LEAD_STATE };
    const char *(*names[]) (int) = {
      (const char *(*) (int)) kefu_call_kind_get_display_name,
      (const char *(*) (int)) kefu_handover_state_get_display_name,
      (const char *(*) (int)) kefu_complaint_category_get_display_name,
      (const char *(*) (int)) kefu_product_symptom_get_display_name,
      (const char *(*) (int)) kefu_service_issue_get_display_name,
      (const char *(*) (int)) kefu_complaint_stage_get_display_name,
      (const char *(*) (int)) kefu_lead_state_get_display_name,
    };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (types[i]);

        for (guint j = 0; j < klass->n_values; j++)
          g_assert_cmpstr (names[i] (klass->values[j].value), !=, "");
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/call-records/order-line", test_order_line);
  g_test_add_func ("/kefu/call-records/order-total", test_order_total);
  g_test_add_func ("/kefu/call-records/order-defaults", test_order_defaults);
  g_test_add_func ("/kefu/call-records/complaint", test_complaint);
  g_test_add_func ("/kefu/call-records/inquiry", test_inquiry);
  g_test_add_func ("/kefu/call-records/lead", test_lead);
  g_test_add_func ("/kefu/call-records/call", test_call);
  g_test_add_func ("/kefu/call-records/call-for-form", test_call_for_form);
  g_test_add_func ("/kefu/call-records/call-is-blank", test_call_is_blank);
  g_test_add_func ("/kefu/call-records/history-entry", test_history_entry);
  g_test_add_func ("/kefu/call-records/customer-contact", test_customer_contact);
  g_test_add_func ("/kefu/call-records/property-names", test_property_names);
  g_test_add_func ("/kefu/call-records/display-names", test_display_names);

  return g_test_run ();
}
