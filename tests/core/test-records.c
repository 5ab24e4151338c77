/* test-records.c: the record GObjects: defaults, properties, notification only on real change,
 * and lifetimes. */
#include "config.h"

#include "kefu-records.h"

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

/* Sets `name` to `value` on `object` and returns how many notifications that caused. */
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

/* For every writable property of `object`: setting a different value notifies once and reads
 * back; setting it again does not notify. */
static void
check_all_properties (GObject *object)
{
  guint n_props;
  g_autofree GParamSpec **props =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 2, 30, 0);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = props[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;
      const char * const phones[] = { "13812345678", "01087654321", NULL };

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_STATIC_NAME);
      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, type);
      if (type == G_TYPE_STRING)
        g_value_set_string (&value, "张三 'quoted' \"text\"");
      else if (type == G_TYPE_INT64)
        {
          gint64 current;

          g_object_get (object, pspec->name, &current, NULL);
          g_value_set_int64 (&value, current + 41);
        }
      else if (type == G_TYPE_UINT)
        {
          guint current;

          g_object_get (object, pspec->name, &current, NULL);
          g_value_set_uint (&value, current + 11);
        }
      else if (type == G_TYPE_BOOLEAN)
        {
          gboolean current;

          g_object_get (object, pspec->name, &current, NULL);
          g_value_set_boolean (&value, !current);
        }
      else if (G_TYPE_IS_ENUM (type))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          int current;

          /* Any value but the current one. */
          g_object_get (object, pspec->name, &current, NULL);
          g_value_set_enum (&value, klass->values[0].value != current
                                      ? klass->values[0].value : klass->values[1].value);
        }
      else if (type == G_TYPE_DATE_TIME)
        g_value_set_boxed (&value, when);
      else if (type == G_TYPE_STRV)
        g_value_set_boxed (&value, phones);
      else
        g_error ("no sample value for %s of type %s", pspec->name, g_type_name (type));

      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);
      g_assert_cmpuint (set_and_count (object, pspec->name, &value), ==, 1);
      g_assert_cmpuint (set_and_count (object, pspec->name, &value), ==, 0);

      g_value_init (&read_back, type);
      g_object_get_property (object, pspec->name, &read_back);
      /* Boxed values compare by pointer in g_param_values_cmp(), so they are compared below. */
      if (!G_TYPE_IS_BOXED (type))
        g_assert_cmpint (g_param_values_cmp (pspec, &value, &read_back), ==, 0);
      if (type == G_TYPE_STRV)
        g_assert_true (g_strv_equal (g_value_get_boxed (&read_back), phones));
      if (type == G_TYPE_DATE_TIME)
        g_assert_true (g_date_time_equal (g_value_get_boxed (&read_back), when));
    }
}

static void
test_record_base (void)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  KefuRecord *record = KEFU_RECORD (staff);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 2, 30, 0);
  g_autoptr(GDateTime) same_instant = g_date_time_new_utc (2026, 11, 27, 2, 30, 0);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (when, 1);
  NotifyCounter counter = { 0, NULL };

  /* Not stored yet. */
  g_assert_cmpint (kefu_record_get_id (record), ==, 0);
  g_assert_cmpint (kefu_record_get_version (record), ==, 0);
  g_assert_null (kefu_record_get_created_at (record));
  g_assert_null (kefu_record_get_updated_at (record));

  g_signal_connect (record, "notify", G_CALLBACK (on_notify), &counter);

  kefu_record_set_id (record, 7);
  kefu_record_set_version (record, 1);
  kefu_record_set_created_at (record, when);
  kefu_record_set_updated_at (record, when);
  g_assert_cmpuint (counter.count, ==, 4);

  /* An equal instant in another GDateTime is no change. */
  kefu_record_set_created_at (record, same_instant);
  kefu_record_set_id (record, 7);
  g_assert_cmpuint (counter.count, ==, 4);

  kefu_record_set_updated_at (record, later);
  g_assert_cmpuint (counter.count, ==, 5);
  g_assert_cmpstr (counter.last, ==, "updated-at");
  g_assert_true (g_date_time_equal (kefu_record_get_updated_at (record), later));

  kefu_record_set_updated_at (record, NULL);
  g_assert_null (kefu_record_get_updated_at (record));
  g_assert_cmpuint (counter.count, ==, 6);

  g_assert_cmpint (kefu_record_get_id (record), ==, 7);
  g_assert_cmpint (kefu_record_get_version (record), ==, 1);

  g_signal_handlers_disconnect_by_data (record, &counter);
  /* The record holds its own reference to the time. */
  g_clear_pointer (&when, g_date_time_unref);
  g_assert_true (g_date_time_equal (kefu_record_get_created_at (record), same_instant));
}

static void
test_staff (void)
{
  KefuStaff *staff = kefu_staff_new ();

  g_assert_true (KEFU_IS_RECORD (staff));
  g_assert_cmpstr (kefu_staff_get_name (staff), ==, "");
  g_assert_cmpstr (kefu_staff_get_login (staff), ==, "");
  g_assert_cmpint (kefu_staff_get_role (staff), ==, KEFU_ROLE_CLERK);
  g_assert_cmpint (kefu_staff_get_department_id (staff), ==, 0);
  g_assert_true (kefu_staff_get_active (staff));

  kefu_staff_set_name (staff, "王芳");
  kefu_staff_set_role (staff, KEFU_ROLE_TEAM_LEAD);
  kefu_staff_set_department_id (staff, 3);
  kefu_staff_set_active (staff, FALSE);
  g_assert_cmpstr (kefu_staff_get_name (staff), ==, "王芳");
  g_assert_cmpint (kefu_staff_get_role (staff), ==, KEFU_ROLE_TEAM_LEAD);
  g_assert_cmpint (kefu_staff_get_department_id (staff), ==, 3);
  g_assert_false (kefu_staff_get_active (staff));

  /* A value outside the enum is a programming error: refused loudly, the role unchanged. */
  g_test_expect_message ("kefu-staff", G_LOG_LEVEL_CRITICAL, "*is not a KefuRole*");
  kefu_staff_set_role (staff, (KefuRole) 99);
  g_test_assert_expected_messages ();
  g_assert_cmpint (kefu_staff_get_role (staff), ==, KEFU_ROLE_TEAM_LEAD);

  check_all_properties (G_OBJECT (staff));
  g_assert_finalize_object (staff);
}

static void
test_department (void)
{
  KefuDepartment *department = kefu_department_new ();

  g_assert_cmpstr (kefu_department_get_name (department), ==, "");
  g_assert_cmpstr (kefu_department_get_code (department), ==, "");
  g_assert_cmpstr (kefu_department_get_description (department), ==, "");
  kefu_department_set_name (department, "品控部");
  kefu_department_set_code (department, "QC");
  g_assert_cmpstr (kefu_department_get_name (department), ==, "品控部");
  g_assert_cmpstr (kefu_department_get_code (department), ==, "QC");

  check_all_properties (G_OBJECT (department));
  g_assert_finalize_object (department);
}

static void
test_product (void)
{
  KefuProduct *product = kefu_product_new ();

  g_assert_cmpstr (kefu_product_get_name (product), ==, "");
  g_assert_cmpint (kefu_product_get_unit_price (product), ==, 0);
  g_assert_cmpuint (kefu_product_get_warranty_months (product), ==, 0);
  g_assert_true (kefu_product_get_active (product));

  kefu_product_set_name (product, "鲜牛奶");
  kefu_product_set_spec (product, "250ml");
  kefu_product_set_unit_price (product, 350);
  kefu_product_set_warranty_months (product, 12);
  g_assert_cmpstr (kefu_product_get_spec (product), ==, "250ml");
  g_assert_cmpint (kefu_product_get_unit_price (product), ==, 350);
  g_assert_cmpuint (kefu_product_get_warranty_months (product), ==, 12);

  check_all_properties (G_OBJECT (product));
  g_assert_finalize_object (product);
}

static void
test_customer (void)
{
  KefuCustomer *customer = kefu_customer_new ();
  const char * const phones[] = { "13812345678", "075588889999-123", NULL };
  const char * const reordered[] = { "075588889999-123", "13812345678", NULL };
  char **copy = g_strdupv ((char **) phones);
  NotifyCounter counter = { 0, NULL };

  g_assert_cmpstr (kefu_customer_get_name (customer), ==, "");
  g_assert_false (kefu_customer_get_is_member (customer));
  g_assert_cmpint (kefu_customer_get_channel (customer), ==, KEFU_CHANNEL_UNSPECIFIED);
  g_assert_cmpint (kefu_customer_get_assigned_clerk_id (customer), ==, 0);
  /* No phones: an empty list, and no primary. */
  g_assert_nonnull (kefu_customer_get_phones (customer));
  g_assert_null (kefu_customer_get_phones (customer)[0]);
  g_assert_null (kefu_customer_get_primary_phone (customer));

  g_signal_connect (customer, "notify::phones", G_CALLBACK (on_notify), &counter);

  kefu_customer_set_phones (customer, (const char * const *) copy);
  g_assert_cmpuint (counter.count, ==, 1);
  /* The customer keeps its own copy. */
  g_strfreev (copy);
  g_assert_true (g_strv_equal (kefu_customer_get_phones (customer), phones));
  g_assert_cmpstr (kefu_customer_get_primary_phone (customer), ==, "13812345678");

  kefu_customer_set_phones (customer, phones);
  g_assert_cmpuint (counter.count, ==, 1);

  /* Changing which number is primary is a change. */
  kefu_customer_set_phones (customer, reordered);
  g_assert_cmpuint (counter.count, ==, 2);
  g_assert_cmpstr (kefu_customer_get_primary_phone (customer), ==, "075588889999-123");

  kefu_customer_set_phones (customer, NULL);
  g_assert_cmpuint (counter.count, ==, 3);
  g_assert_null (kefu_customer_get_primary_phone (customer));
  g_assert_null (kefu_customer_get_phones (customer)[0]);
  /* NULL and an empty list are the same. */
  kefu_customer_set_phones (customer, (const char * const[]) { NULL });
  g_assert_cmpuint (counter.count, ==, 3);

  g_signal_handlers_disconnect_by_data (customer, &counter);

  kefu_customer_set_channel (customer, KEFU_CHANNEL_HOME_DELIVERY);
  kefu_customer_set_is_member (customer, TRUE);
  g_assert_cmpint (kefu_customer_get_channel (customer), ==, KEFU_CHANNEL_HOME_DELIVERY);
  g_assert_true (kefu_customer_get_is_member (customer));

  check_all_properties (G_OBJECT (customer));
  g_assert_finalize_object (customer);
}

static void
test_text_convention (void)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  NotifyCounter counter = { 0, NULL };
  g_autofree char *notes = NULL;

  g_signal_connect (customer, "notify", G_CALLBACK (on_notify), &counter);

  /* NULL and "" are the same empty text: no notification, and getters never return NULL. */
  kefu_customer_set_notes (customer, NULL);
  kefu_customer_set_notes (customer, "");
  g_assert_cmpuint (counter.count, ==, 0);
  g_assert_cmpstr (kefu_customer_get_notes (customer), ==, "");

  kefu_customer_set_notes (customer, "请上午送货");
  g_assert_cmpuint (counter.count, ==, 1);
  kefu_customer_set_notes (customer, NULL);
  g_assert_cmpuint (counter.count, ==, 2);
  g_assert_cmpstr (kefu_customer_get_notes (customer), ==, "");

  g_object_set (customer, "notes", NULL, NULL);
  g_assert_cmpuint (counter.count, ==, 2);
  g_object_get (customer, "notes", &notes, NULL);
  g_assert_cmpstr (notes, ==, "");

  g_signal_handlers_disconnect_by_data (customer, &counter);
}

static void
test_property_names (void)
{
  /* The names other layers bind to; a rename here breaks the store and the UI. */
  struct { GType type; const char *names[10]; } cases[] = {
    { KEFU_TYPE_STAFF, { "id", "version", "created-at", "updated-at", "name", "login", "role",
                         "department-id", "active", NULL } },
    { KEFU_TYPE_DEPARTMENT, { "name", "code", "description", NULL } },
    { KEFU_TYPE_PRODUCT, { "name", "spec", "unit-price", "warranty-months", "active", NULL } },
    { KEFU_TYPE_CUSTOMER, { "name", "address", "district", "is-member", "member-number",
                            "channel", "assigned-clerk-id", "notes", "phones", NULL } },
    { KEFU_TYPE_EVENT, { "id", "created-at", "staff-id", "staff-name", "entity", "entity-id",
                         "action", "details", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (cases[i].type);

      for (guint j = 0; cases[i].names[j] != NULL; j++)
        g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), cases[i].names[j]));
    }

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
    g_type_class_peek (KEFU_TYPE_STAFF), "role")) == KEFU_TYPE_ROLE);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
    g_type_class_peek (KEFU_TYPE_CUSTOMER), "channel")) == KEFU_TYPE_CHANNEL);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
    g_type_class_peek (KEFU_TYPE_CUSTOMER), "phones")) == G_TYPE_STRV);
}

static void
test_event (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 2, 30, 0);
  KefuEvent *event = kefu_event_new (9, when, 2, "李娜", "customer", 15, "update",
                                     "{\"changed\":[\"address\"]}");
  KefuEvent *bare = kefu_event_new (1, NULL, 0, NULL, "settings", 0, "update", NULL);
  GParamSpec *pspec;

  g_assert_cmpint (kefu_event_get_id (event), ==, 9);
  g_assert_true (g_date_time_equal (kefu_event_get_created_at (event), when));
  g_assert_cmpint (kefu_event_get_staff_id (event), ==, 2);
  g_assert_cmpstr (kefu_event_get_staff_name (event), ==, "李娜");
  g_assert_cmpstr (kefu_event_get_entity (event), ==, "customer");
  g_assert_cmpint (kefu_event_get_entity_id (event), ==, 15);
  g_assert_cmpstr (kefu_event_get_action (event), ==, "update");
  g_assert_cmpstr (kefu_event_get_details (event), ==, "{\"changed\":[\"address\"]}");

  g_assert_null (kefu_event_get_created_at (bare));
  g_assert_cmpstr (kefu_event_get_staff_name (bare), ==, "");
  g_assert_cmpstr (kefu_event_get_details (bare), ==, "");

  /* Events are history: nothing can be changed after construction. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (event), "details");
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

  g_assert_finalize_object (event);
  g_assert_finalize_object (bare);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/records/record-base", test_record_base);
  g_test_add_func ("/kefu/records/staff", test_staff);
  g_test_add_func ("/kefu/records/department", test_department);
  g_test_add_func ("/kefu/records/product", test_product);
  g_test_add_func ("/kefu/records/customer", test_customer);
  g_test_add_func ("/kefu/records/text-convention", test_text_convention);
  g_test_add_func ("/kefu/records/property-names", test_property_names);
  g_test_add_func ("/kefu/records/event", test_event);

  return g_test_run ();
}
