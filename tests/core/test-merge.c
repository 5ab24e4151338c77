/* test-merge.c: the three-way merge of one record edited by two people at once: each state of
 * a field, choices, the merged record, nested fields, equality as stored, and who changed a
 * field when, from both forms of event details.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-call.h"
#include "kefu-complaint.h"
#include "kefu-customer.h"
#include "kefu-event.h"
#include "kefu-merge.h"

static const KefuMergeField customer_fields[] = {
  { "name", "name", NULL, "Name", NULL, NULL },
  { "phones", "phones", NULL, "Phones", NULL, NULL },
  { "address", "address", NULL, "Address", NULL, NULL },
  { "district", "district", NULL, "District", NULL, NULL },
  { "is_member", "is-member", NULL, "Member", NULL, NULL },
  { "channel", "channel", NULL, "Channel", NULL, NULL },
  { "notes", "notes", NULL, "Notes", NULL, NULL },
};

static KefuCustomer *
make_customer (void)
{
  KefuCustomer *customer = kefu_customer_new ();
  const char *phones[] = { "13800138000", NULL };

  kefu_customer_set_name (customer, "张伟");
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_address (customer, "上海市浦东新区世纪大道 100 号");
  kefu_customer_set_district (customer, "浦东");
  kefu_customer_set_notes (customer, NULL);
  return customer;
}

static KefuMerge *
merge_customers (KefuCustomer *base,
                 KefuCustomer *mine,
                 KefuCustomer *theirs)
{
  return kefu_merge_new (customer_fields, G_N_ELEMENTS (customer_fields), G_OBJECT (base),
                         G_OBJECT (mine), G_OBJECT (theirs));
}

static guint
field (KefuMerge  *merge,
       const char *key)
{
  int i = kefu_merge_find_field (merge, key);

  g_assert_cmpint (i, >=, 0);
  return (guint) i;
}

/* Every state at once: nobody, only mine, only theirs, both alike, both differently. */
static void
test_states (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;

  kefu_customer_set_address (mine, "上海市徐汇区漕溪北路 1 号");
  kefu_customer_set_district (theirs, "徐汇");
  kefu_customer_set_notes (mine, "只在晚上打电话");
  kefu_customer_set_notes (theirs, "只在晚上打电话");
  kefu_customer_set_name (mine, "张伟（先生）");
  kefu_customer_set_name (theirs, "张 伟");

  merge = merge_customers (base, mine, theirs);
  g_assert_cmpuint (kefu_merge_get_n_fields (merge), ==, G_N_ELEMENTS (customer_fields));
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "phones")), ==, KEFU_MERGE_UNCHANGED);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "is_member")), ==,
                   KEFU_MERGE_UNCHANGED);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "address")), ==, KEFU_MERGE_MINE);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "district")), ==, KEFU_MERGE_THEIRS);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "notes")), ==, KEFU_MERGE_SAME);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "name")), ==, KEFU_MERGE_CONFLICT);
  g_assert_cmpuint (kefu_merge_count (merge, KEFU_MERGE_CONFLICT), ==, 1);
  g_assert_cmpuint (kefu_merge_count (merge, KEFU_MERGE_UNCHANGED), ==, 3);
  g_assert_cmpuint (kefu_merge_get_n_undecided (merge), ==, 1);
  g_assert_true (kefu_merge_has_their_changes (merge));
  g_assert_cmpint (kefu_merge_find_field (merge, "nothing"), ==, -1);

  /* The three values of the conflict are all there. */
  g_assert_cmpstr (g_value_get_string (kefu_merge_get_base (merge, field (merge, "name"))), ==,
                   "张伟");
  g_assert_cmpstr (g_value_get_string (kefu_merge_get_mine (merge, field (merge, "name"))), ==,
                   "张伟（先生）");
  g_assert_cmpstr (g_value_get_string (kefu_merge_get_theirs (merge, field (merge, "name"))), ==,
                   "张 伟");
  g_assert_null (kefu_merge_get_merged (merge, field (merge, "name")));

  /* Only a conflict takes a choice. */
  g_assert_false (kefu_merge_set_choice (merge, field (merge, "address"), KEFU_MERGE_CHOICE_THEIRS));
  g_assert_cmpint (kefu_merge_get_choice (merge, field (merge, "address")), ==,
                   KEFU_MERGE_CHOICE_NONE);
}

/* The records are copied: changing them afterwards changes nothing in the merge. */
static void
test_values_are_copied (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;

  kefu_customer_set_address (mine, "北京市朝阳区");
  merge = merge_customers (base, mine, theirs);
  kefu_customer_set_address (mine, "广州市天河区");
  g_assert_cmpstr (g_value_get_string (kefu_merge_get_mine (merge, field (merge, "address"))), ==,
                   "北京市朝阳区");
}

/* Nothing changed on their side: nothing to tell, nothing to decide. */
static void
test_nothing_theirs (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;

  kefu_customer_set_address (mine, "北京市朝阳区");
  merge = merge_customers (base, mine, theirs);
  g_assert_false (kefu_merge_has_their_changes (merge));
  g_assert_cmpuint (kefu_merge_get_n_undecided (merge), ==, 0);
}

/* Disjoint changes merge by themselves into a copy of theirs; the conflict waits for a choice
 * and then the chosen value wins. */
static void
test_apply (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuCustomer) target = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13900139000", "02150501234", NULL };

  kefu_customer_set_address (mine, "北京市朝阳区");
  kefu_customer_set_phones (theirs, phones);
  kefu_customer_set_is_member (theirs, TRUE);
  kefu_customer_set_notes (mine, "喜欢短信");
  kefu_customer_set_notes (theirs, "不要短信");
  kefu_customer_set_name (mine, "张伟伟");
  kefu_customer_set_name (theirs, "张大伟");

  /* The target is theirs as stored. */
  kefu_customer_set_phones (target, phones);
  kefu_customer_set_is_member (target, TRUE);
  kefu_customer_set_notes (target, "不要短信");
  kefu_customer_set_name (target, "张大伟");

  merge = merge_customers (base, mine, theirs);
  g_assert_cmpuint (kefu_merge_get_n_undecided (merge), ==, 2);
  g_assert_false (kefu_merge_apply (merge, G_OBJECT (target), &error));
  g_assert_error (error, KEFU_MERGE_ERROR, KEFU_MERGE_ERROR_UNDECIDED);
  g_clear_error (&error);
  /* Refused: nothing was written. */
  g_assert_cmpstr (kefu_customer_get_address (target), ==, "上海市浦东新区世纪大道 100 号");

  g_assert_true (kefu_merge_set_choice (merge, field (merge, "notes"), KEFU_MERGE_CHOICE_MINE));
  g_assert_cmpuint (kefu_merge_get_n_undecided (merge), ==, 1);
  g_assert_false (kefu_merge_apply (merge, G_OBJECT (target), &error));
  g_clear_error (&error);
  g_assert_true (kefu_merge_set_choice (merge, field (merge, "name"), KEFU_MERGE_CHOICE_THEIRS));
  g_assert_cmpuint (kefu_merge_get_n_undecided (merge), ==, 0);
  g_assert_true (kefu_merge_apply (merge, G_OBJECT (target), &error));
  g_assert_no_error (error);

  g_assert_cmpstr (kefu_customer_get_address (target), ==, "北京市朝阳区");      /* mine */
  g_assert_cmpstrv (kefu_customer_get_phones (target), phones);                 /* theirs */
  g_assert_true (kefu_customer_get_is_member (target));                         /* theirs */
  g_assert_cmpstr (kefu_customer_get_notes (target), ==, "喜欢短信");            /* chosen mine */
  g_assert_cmpstr (kefu_customer_get_name (target), ==, "张大伟");               /* chosen theirs */
  g_assert_cmpstr (kefu_customer_get_district (target), ==, "浦东");             /* nobody */

  /* Nothing typed is lost: the value not chosen is still there. */
  g_assert_cmpstr (g_value_get_string (kefu_merge_get_mine (merge, field (merge, "name"))), ==,
                   "张伟伟");
}

/* Applied to mine (a form's copy): only their side comes in. */
static void
test_apply_to_mine (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;

  kefu_customer_set_address (mine, "北京市朝阳区");
  kefu_customer_set_district (theirs, "朝阳");
  merge = merge_customers (base, mine, theirs);
  g_assert_true (kefu_merge_apply (merge, G_OBJECT (mine), NULL));
  g_assert_cmpstr (kefu_customer_get_address (mine), ==, "北京市朝阳区");
  g_assert_cmpstr (kefu_customer_get_district (mine), ==, "朝阳");
}

/* Equal as stored: empty text is none, an empty list is none, times to the second. */
static void
test_equal_as_stored (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;
  g_auto(GValue) a = G_VALUE_INIT;
  g_auto(GValue) b = G_VALUE_INIT;
  g_autoptr(GDateTime) t1 = g_date_time_new_utc (2026, 11, 27, 2, 42, 10.1);
  g_autoptr(GDateTime) t2 = g_date_time_new_utc (2026, 11, 27, 2, 42, 10.9);
  g_autoptr(GDateTime) t3 = g_date_time_new_utc (2026, 11, 27, 2, 42, 11.0);

  kefu_customer_set_notes (base, NULL);
  kefu_customer_set_notes (mine, "");
  merge = merge_customers (base, mine, theirs);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "notes")), ==, KEFU_MERGE_UNCHANGED);

  g_value_init (&a, G_TYPE_DATE_TIME);
  g_value_init (&b, G_TYPE_DATE_TIME);
  g_value_set_boxed (&a, t1);
  g_value_set_boxed (&b, t2);
  g_assert_true (kefu_merge_values_equal (&a, &b));
  g_value_set_boxed (&b, t3);
  g_assert_false (kefu_merge_values_equal (&a, &b));
  g_value_set_boxed (&b, NULL);
  g_assert_false (kefu_merge_values_equal (&a, &b));
  g_value_unset (&a);
  g_value_unset (&b);

  g_value_init (&a, G_TYPE_STRV);
  g_value_init (&b, G_TYPE_STRV);
  g_value_take_boxed (&a, g_new0 (char *, 1));
  g_assert_true (kefu_merge_values_equal (&a, &b));
}

/* A field of an object the record holds: "complaint.subject" of a call. */
static const KefuMergeField call_fields[] = {
  { "caller_name", "caller-name", NULL, "Caller's name", NULL, NULL },
  { "subject", "complaint.subject", NULL, "Complaint about", NULL, NULL },
  { "harmed", "complaint.harmed", NULL, "Customer harmed", NULL, NULL },
};

static KefuCall *
make_call (void)
{
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  KefuCall *call = kefu_call_new ();

  g_object_set (complaint, "subject", "电水壶漏水", NULL);
  g_object_set (call, "caller-name", "李娜", "complaint", complaint, NULL);
  return call;
}

static void
test_nested_fields (void)
{
  g_autoptr(KefuCall) base = make_call ();
  g_autoptr(KefuCall) mine = make_call ();
  g_autoptr(KefuCall) theirs = make_call ();
  g_autoptr(KefuCall) no_complaint = kefu_call_new ();
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(KefuMerge) partial = NULL;
  g_autofree char *subject = NULL;

  g_object_set (kefu_call_get_complaint (theirs), "subject", "电水壶底座漏水", NULL);
  g_object_set (kefu_call_get_complaint (mine), "harmed", TRUE, NULL);
  merge = kefu_merge_new (call_fields, G_N_ELEMENTS (call_fields), G_OBJECT (base),
                          G_OBJECT (mine), G_OBJECT (theirs));
  g_assert_cmpint (kefu_merge_get_state (merge, 1), ==, KEFU_MERGE_THEIRS);
  g_assert_cmpint (kefu_merge_get_state (merge, 2), ==, KEFU_MERGE_MINE);
  g_assert_true (kefu_merge_apply (merge, G_OBJECT (mine), NULL));
  g_object_get (kefu_call_get_complaint (mine), "subject", &subject, NULL);
  g_assert_cmpstr (subject, ==, "电水壶底座漏水");

  /* A record without the object: its fields are left out, never a crash. */
  partial = kefu_merge_new (call_fields, G_N_ELEMENTS (call_fields), G_OBJECT (base),
                            G_OBJECT (mine), G_OBJECT (no_complaint));
  g_assert_null (kefu_merge_get_merged (partial, 1));
  g_assert_cmpint (kefu_merge_get_state (partial, 1), ==, KEFU_MERGE_UNCHANGED);
}

static KefuEvent *
event (gint64      id,
       int         hour,
       int         minute,
       const char *name,
       const char *action,
       const char *details)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 27, hour, minute, 0);

  return kefu_event_new (id, at, id * 10, name, "customers", 7, action, details);
}

/* Who changed a field, when: the newest event after the base that names it, in either form
 * of details; events before the base do not count; a fallback for the rest. */
static void
test_changed_by (void)
{
  g_autoptr(KefuCustomer) base = make_customer ();
  g_autoptr(KefuCustomer) mine = make_customer ();
  g_autoptr(KefuCustomer) theirs = make_customer ();
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(GListStore) events = g_list_store_new (KEFU_TYPE_EVENT);
  g_autoptr(KefuEvent) e1 = event (11, 1, 0, "赵强", "update", "{\"changed\":[\"district\"]}");
  g_autoptr(KefuEvent) e2 = event (15, 2, 42, "王芳", "update",
                                   "{\"changed\":[\"district\",\"notes\"]}");
  g_autoptr(KefuEvent) e3 = event (14, 2, 30, "刘洋", "details-changed",
                                   "{\"changes\":{\"name\":[\"张伟\",\"张 伟\"]}}");
  g_autoptr(KefuEvent) e4 = event (16, 2, 50, "陈静", "assigned", "{}");

  kefu_customer_set_district (theirs, "徐汇");
  merge = merge_customers (base, mine, theirs);

  /* Out of order on purpose: the merge orders them by id. */
  g_list_store_append (events, e2);
  g_list_store_append (events, e1);
  g_list_store_append (events, e4);
  g_list_store_append (events, e3);

  kefu_merge_set_events (merge, G_LIST_MODEL (events), 12, "update");
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "district")), ==, "王芳");
  g_assert_cmpint (g_date_time_get_hour (kefu_merge_get_changed_at (merge, field (merge, "district"))),
                   ==, 2);
  g_assert_cmpint (g_date_time_get_minute (kefu_merge_get_changed_at (merge, field (merge, "district"))),
                   ==, 42);
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "notes")), ==, "王芳");
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "name")), ==, "刘洋");
  /* No event names the address: the newest "update" after the base. */
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "address")), ==, "王芳");

  /* Any action as the fallback: the newest event of all. */
  kefu_merge_set_events (merge, G_LIST_MODEL (events), 12, NULL);
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "address")), ==, "陈静");

  /* After every event: nobody is known. */
  kefu_merge_set_events (merge, G_LIST_MODEL (events), 16, NULL);
  g_assert_null (kefu_merge_get_changed_by (merge, field (merge, "district")));
  g_assert_null (kefu_merge_get_changed_at (merge, field (merge, "district")));

  /* The base was before e1: 赵强's change is older than 王芳's and does not win. */
  kefu_merge_set_events (merge, G_LIST_MODEL (events), 0, NULL);
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "district")), ==, "王芳");

  g_assert_cmpint (kefu_merge_newest_event_id (G_LIST_MODEL (events)), ==, 16);
  g_assert_cmpint (kefu_merge_newest_event_id (NULL), ==, 0);
}

static void
test_value_text (void)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *empty = NULL;
  g_autofree char *text = NULL;
  g_autofree char *list = NULL;
  g_autofree char *number = NULL;
  const char *phones[] = { "13800138000", "02150501234", NULL };

  g_value_init (&value, G_TYPE_STRING);
  empty = kefu_merge_value_to_text (&value);
  g_assert_null (empty);
  g_value_set_string (&value, "王芳");
  text = kefu_merge_value_to_text (&value);
  g_assert_cmpstr (text, ==, "王芳");
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, phones);
  list = kefu_merge_value_to_text (&value);
  g_assert_nonnull (strstr (list, "13800138000"));
  g_assert_nonnull (strstr (list, "02150501234"));
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 4200);
  number = kefu_merge_value_to_text (&value);
  g_assert_cmpstr (number, ==, "4200");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/merge/states", test_states);
  g_test_add_func ("/kefu/merge/values-are-copied", test_values_are_copied);
  g_test_add_func ("/kefu/merge/nothing-theirs", test_nothing_theirs);
  g_test_add_func ("/kefu/merge/apply", test_apply);
  g_test_add_func ("/kefu/merge/apply-to-mine", test_apply_to_mine);
  g_test_add_func ("/kefu/merge/equal-as-stored", test_equal_as_stored);
  g_test_add_func ("/kefu/merge/nested-fields", test_nested_fields);
  g_test_add_func ("/kefu/merge/changed-by", test_changed_by);
  g_test_add_func ("/kefu/merge/value-text", test_value_text);

  return g_test_run ();
}
