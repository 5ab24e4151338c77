/* test-call-draft.c: a call form survives being saved as a draft and loaded back, field for
 * field; damaged drafts and drafts of another format are refused with an error. */
#include "config.h"

#include <locale.h>

#include "kefu-call-draft.h"
#include "kefu-records.h"

/* Gives every writable property of `object` a value other than its default, different for
 * each `seed`, so that a field the draft forgets shows up as a difference. */
static void
fill_object (GObject *object,
             guint    seed)
{
  guint n_props;
  g_autofree GParamSpec **props =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = props[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_WRITABLE) || G_TYPE_IS_OBJECT (type))
        continue;

      g_value_init (&value, type);
      if (type == G_TYPE_STRING)
        g_value_take_string (&value, g_strdup_printf ("%s 张三 \"%u\"\n第二行", pspec->name, seed));
      else if (type == G_TYPE_INT64)
        g_value_set_int64 (&value, 1000 * seed + i + 1);
      else if (type == G_TYPE_UINT)
        g_value_set_uint (&value, 10 * seed + i + 1);
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      else if (G_TYPE_IS_ENUM (type))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          /* The last value is never the default of these enums. */
          g_value_set_enum (&value, klass->values[klass->n_values - 1 - seed % 2].value);
          g_assert_cmpint (g_value_get_enum (&value), !=,
                           G_PARAM_SPEC_ENUM (pspec)->default_value);
        }
      else if (G_TYPE_IS_FLAGS (type))
        g_value_set_flags (&value, KEFU_INQUIRY_TOPIC_PRODUCTS | KEFU_INQUIRY_TOPIC_PAYMENT
                                   | KEFU_INQUIRY_TOPIC_ADVANTAGES);
      else if (type == G_TYPE_DATE_TIME)
        {
          g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("+08:00");

          /* Microseconds and a zone other than UTC: the instant must survive. */
          g_value_take_boxed (&value, g_date_time_new (shanghai, 2026, 11, 27, 9, i,
                                                       seed + 0.123456));
        }
      else if (type == G_TYPE_DATE)
        g_value_take_boxed (&value, g_date_new_dmy (1 + seed, G_DATE_FEBRUARY, 2024));
      else if (type == G_TYPE_STRV)
        g_value_take_boxed (&value, g_strsplit ("13812345678,01087654321", ",", -1));
      else
        g_error ("no sample value for %s of type %s", pspec->name, g_type_name (type));

      g_object_set_property (object, pspec->name, &value);
    }
}

/* Every writable, non-object property of `a` equals that of `b`. Returns how many were
 * compared, so the test can check it really compared something. */
static guint
assert_same_properties (GObject *a,
                        GObject *b)
{
  guint n_props;
  guint compared = 0;
  g_autofree GParamSpec **props =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = props[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_READABLE) || G_TYPE_IS_OBJECT (type)
          || type == G_TYPE_PTR_ARRAY)
        continue;

      g_value_init (&va, type);
      g_value_init (&vb, type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);
      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (a), pspec->name);

      if (type == G_TYPE_DATE_TIME)
        {
          GDateTime *ta = g_value_get_boxed (&va);
          GDateTime *tb = g_value_get_boxed (&vb);

          g_assert_true ((ta == NULL) == (tb == NULL));
          if (ta != NULL)
            g_assert_cmpint (g_date_time_to_unix_usec (ta), ==, g_date_time_to_unix_usec (tb));
        }
      else if (type == G_TYPE_DATE)
        {
          GDate *da = g_value_get_boxed (&va);
          GDate *db = g_value_get_boxed (&vb);

          g_assert_true ((da == NULL) == (db == NULL));
          if (da != NULL)
            g_assert_cmpint (g_date_compare (da, db), ==, 0);
        }
      else if (type == G_TYPE_STRV)
        g_assert_true (g_strv_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &va, &vb), ==, 0);
      compared++;
    }
  return compared;
}

static void
assert_same_call (KefuCall *a,
                  KefuCall *b)
{
  GListModel *lines_a = G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (a)));
  GListModel *lines_b = G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (b)));

  g_assert_cmpuint (assert_same_properties (G_OBJECT (a), G_OBJECT (b)), >=, 15);
  g_assert_cmpuint (assert_same_properties (G_OBJECT (kefu_call_get_order (a)),
                                            G_OBJECT (kefu_call_get_order (b))), >=, 18);
  g_assert_cmpuint (assert_same_properties (G_OBJECT (kefu_call_get_complaint (a)),
                                            G_OBJECT (kefu_call_get_complaint (b))), >=, 25);
  g_assert_cmpuint (assert_same_properties (G_OBJECT (kefu_call_get_inquiry (a)),
                                            G_OBJECT (kefu_call_get_inquiry (b))), >=, 9);

  g_assert_cmpuint (g_list_model_get_n_items (lines_a), ==, g_list_model_get_n_items (lines_b));
  for (guint i = 0; i < g_list_model_get_n_items (lines_a); i++)
    {
      g_autoptr(GObject) la = g_list_model_get_item (lines_a, i);
      g_autoptr(GObject) lb = g_list_model_get_item (lines_b, i);

      g_assert_cmpuint (assert_same_properties (la, lb), ==, 7);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  KefuOrder *order = kefu_call_get_order (call);
  g_autoptr(KefuOrderLine) first =
    g_list_model_get_item (G_LIST_MODEL (kefu_order_get_lines (order)), 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(KefuCall) loaded = NULL;
  g_autoptr(GError) error = NULL;

  fill_object (G_OBJECT (call), 1);
  fill_object (G_OBJECT (order), 2);
  fill_object (G_OBJECT (first), 3);
  fill_object (G_OBJECT (kefu_order_add_line (order)), 4);
  fill_object (G_OBJECT (kefu_order_add_line (order)), 5);
  fill_object (G_OBJECT (kefu_call_get_complaint (call)), 6);
  fill_object (G_OBJECT (kefu_call_get_inquiry (call)), 7);
  /* The values that matter most to the form, stated plainly. */
  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_complaint_set_well_founded (kefu_call_get_complaint (call), FALSE);

  bytes = kefu_call_draft_save (call);
  g_assert_nonnull (bytes);
  loaded = kefu_call_draft_load (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  /* New records, not the saved ones. */
  g_assert_true (loaded != call);
  g_assert_true (kefu_call_get_order (loaded) != order);
  assert_same_call (call, loaded);
  g_assert_cmpint (kefu_call_get_kind (loaded), ==, KEFU_CALL_KIND_COMPLAINT);
  g_assert_false (kefu_complaint_get_well_founded (kefu_call_get_complaint (loaded)));
  g_assert_cmpint (kefu_inquiry_get_topics (kefu_call_get_inquiry (loaded)), ==,
                   KEFU_INQUIRY_TOPIC_PRODUCTS | KEFU_INQUIRY_TOPIC_PAYMENT
                   | KEFU_INQUIRY_TOPIC_ADVANTAGES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (
                      kefu_call_get_order (loaded)))), ==, 3);
  /* The loaded order's total follows its loaded lines. */
  g_assert_cmpint (kefu_order_get_total (kefu_call_get_order (loaded)), ==,
                   kefu_order_get_total (order));
  g_assert_cmpint (kefu_order_get_total (order), >, 0);

  /* Saving the loaded call gives the same bytes: nothing drifts over repeated crashes. */
  again = kefu_call_draft_save (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_blank_form (void)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(GBytes) bytes = kefu_call_draft_save (call);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) loaded = kefu_call_draft_load (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (kefu_call_is_blank (loaded));
  g_assert_null (kefu_call_get_received_at (loaded));
  g_assert_null (kefu_complaint_get_production_date (kefu_call_get_complaint (loaded)));
  g_assert_true (kefu_complaint_get_well_founded (kefu_call_get_complaint (loaded)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (
                      kefu_call_get_order (loaded)))), ==, 1);
  assert_same_call (call, loaded);
}

static void
test_missing_records (void)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) loaded = NULL;

  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  kefu_call_set_caller_name (call, "王芳");
  bytes = kefu_call_draft_save (call);
  loaded = kefu_call_draft_load (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (kefu_call_get_caller_name (loaded), ==, "王芳");
  g_assert_cmpint (kefu_call_get_kind (loaded), ==, KEFU_CALL_KIND_INQUIRY);
  /* Empty records, as a new form has. */
  g_assert_nonnull (kefu_call_get_order (loaded));
  g_assert_nonnull (kefu_call_get_complaint (loaded));
  g_assert_nonnull (kefu_call_get_inquiry (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (
                      kefu_call_get_order (loaded)))), ==, 1);
}

static KefuCall *
load_variant (GVariant  *draft,
              GError   **error)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (draft);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (sunk);

  return kefu_call_draft_load (bytes, error);
}

/* A version-1 draft whose call dictionary is `call_dict` and everything else empty. */
static GVariant *
draft_with_call (GVariant *call_dict)
{
  GVariant *empty = g_variant_new ("a{sv}", NULL);

  return g_variant_new ("(uv)", 1,
                        g_variant_new ("(@a{sv}@a{sv}aa{sv}@a{sv}@a{sv})",
                                       call_dict, empty, NULL, empty, empty));
}

static void
test_refused (void)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a draft at all, just text\n", 30);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  GVariantDict dict;
  KefuCall *loaded;
  g_autoptr(GError) error = NULL;

  kefu_call_set_notes (call, "一些备注,让草稿有些长度");
  good = kefu_call_draft_save (call);
  truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);

  loaded = kefu_call_draft_load (truncated, &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  loaded = kefu_call_draft_load (garbage, &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  loaded = kefu_call_draft_load (empty, &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Another format version, whatever it holds. */
  loaded = load_variant (g_variant_new ("(uv)", 2, g_variant_new_string ("future")), &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "format 2"));
  g_clear_error (&error);

  /* The right version with the wrong payload. */
  loaded = load_variant (g_variant_new ("(uv)", 1, g_variant_new_string ("nope")), &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Values a setter would refuse: an unknown enum nick, a negative id, a wrong type. */
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "kind", "s", "telegram");
  loaded = load_variant (draft_with_call (g_variant_dict_end (&dict)), &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "customer-id", "x", G_GINT64_CONSTANT (-5));
  loaded = load_variant (draft_with_call (g_variant_dict_end (&dict)), &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "caller-name", "i", 42);
  loaded = load_variant (draft_with_call (g_variant_dict_end (&dict)), &error);
  g_assert_null (loaded);
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A field this build does not know is skipped; the rest is read. */
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "caller-name", "s", "李娜");
  g_variant_dict_insert (&dict, "favourite-colour", "s", "blue");
  loaded = load_variant (draft_with_call (g_variant_dict_end (&dict)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_call_get_caller_name (loaded), ==, "李娜");
  /* The draft had no lines. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (
                      kefu_call_get_order (loaded)))), ==, 0);
  g_assert_finalize_object (loaded);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/call-draft/round-trip", test_round_trip);
  g_test_add_func ("/kefu/call-draft/blank-form", test_blank_form);
  g_test_add_func ("/kefu/call-draft/missing-records", test_missing_records);
  g_test_add_func ("/kefu/call-draft/refused", test_refused);

  return g_test_run ();
}
