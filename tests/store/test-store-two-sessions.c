/* test-store-two-sessions.c: two sessions (two store connections to one database, as two
 * workstations have) edit the same complaint at once: the second save is refused by the version
 * check and writes nothing; the three-way merge (core/kefu-merge.h) takes the fields only the
 * first changed by itself, keeps the second's own, and a conflict gets the chosen value; the
 * merged save goes through, and the timeline shows both saves, each by its author. On both
 * backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-merge.h"
#include "test-store-complaint-changes.h"

/* The fields the complaint page merges, as it names them. */
static const KefuMergeField fields[] = {
  { "caller_name", "caller-name", NULL, "Caller's name", NULL, NULL },
  { "address", "address", NULL, "Address", NULL, NULL },
  { "reason", "complaint.reason", NULL, "Reason", NULL, NULL },
  { "batch_number", "complaint.batch-number", NULL, "Batch number", NULL, NULL },
  { "purchase_place", "complaint.purchase-place", NULL, "Purchase place", NULL, NULL },
};

static guint
field (KefuMerge  *merge,
       const char *key)
{
  int i = kefu_merge_find_field (merge, key);

  g_assert_cmpint (i, >=, 0);
  return (guint) i;
}

static char *
staff_name (KefuStore *store,
            gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (store, id, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (kefu_staff_get_name (staff));
}

static GListModel *
timeline (KefuStore *store,
          gint64     complaint_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *events = kefu_store_list_complaint_timeline (store, complaint_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static void
test_two_sessions (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *first = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(KefuCall) base = NULL;
  g_autoptr(KefuCall) mine = NULL;
  g_autoptr(KefuCall) theirs_edit = NULL;
  g_autoptr(KefuCall) theirs = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *stored_reason = NULL;
  KefuComplaint *complaint;
  gint64 base_event_id;
  gint64 events;
  gint64 call_id;
  gint64 id;
  guint n_saves = 0;
  Company co;

  id = tc_company_complaint (first, &co, TRUE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, &call_id);
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (first, co.team_lead);
  kefu_store_set_actor (second, co.clerk);
  first_name = staff_name (first, co.team_lead);
  second_name = staff_name (first, co.clerk);

  /* Both open the complaint for editing: the second session reads it through its own
   * connection, and remembers the newest event it saw. */
  theirs_edit = tc_read_call (first, call_id);
  base = tc_read_call (second, call_id);
  mine = tc_read_call (second, call_id);
  before = timeline (second, id);
  base_event_id = kefu_merge_newest_event_id (before);
  g_assert_cmpint (base_event_id, >, 0);

  /* The first saves: the reason, the address and the batch number. */
  complaint = kefu_call_get_complaint (theirs_edit);
  kefu_complaint_set_reason (complaint, "盒子鼓胀，打开有酸味");
  kefu_complaint_set_batch_number (complaint, "C3-20260301");
  kefu_call_set_address (theirs_edit, "上海市徐汇区漕溪北路 88 号");
  g_assert_true (kefu_store_update_complaint_call (first, theirs_edit, NULL, &error));
  g_assert_no_error (error);

  /* The second, unaware: the caller's name, the same address, and another batch number. */
  complaint = kefu_call_get_complaint (mine);
  kefu_call_set_caller_name (mine, "张三先生");
  kefu_call_set_address (mine, "上海市徐汇区漕溪北路 88 号");
  kefu_complaint_set_batch_number (complaint, "D4-20260302");
  events = test_count (first, "SELECT COUNT(*) FROM events");
  g_assert_false (kefu_store_update_complaint_call (second, mine, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);
  /* Refused, nothing of it written: never overwritten silently. */
  g_assert_cmpint (test_count (first, "SELECT COUNT(*) FROM events"), ==, events);
  stored = tc_read_call (first, call_id);
  g_assert_cmpstr (kefu_call_get_caller_name (stored), ==, kefu_call_get_caller_name (base));
  g_assert_cmpstr (kefu_complaint_get_batch_number (kefu_call_get_complaint (stored)), ==,
                   "C3-20260301");
  g_clear_object (&stored);

  /* The second reads what is stored now and merges. */
  theirs = tc_read_call (second, call_id);
  after = timeline (second, id);
  merge = kefu_merge_new (fields, G_N_ELEMENTS (fields), G_OBJECT (base), G_OBJECT (mine),
                          G_OBJECT (theirs));
  kefu_merge_set_events (merge, after, base_event_id, "details-changed");
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "caller_name")), ==, KEFU_MERGE_MINE);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "reason")), ==, KEFU_MERGE_THEIRS);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "address")), ==, KEFU_MERGE_SAME);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "batch_number")), ==,
                   KEFU_MERGE_CONFLICT);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "purchase_place")), ==,
                   KEFU_MERGE_UNCHANGED);
  /* Who changed it when: the first session's staff member, from the event it wrote. */
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "batch_number")), ==, first_name);
  g_assert_nonnull (kefu_merge_get_changed_at (merge, field (merge, "batch_number")));
  g_assert_cmpstr (kefu_merge_get_changed_by (merge, field (merge, "reason")), ==, first_name);

  /* The conflict waits for a choice; the second keeps its own batch number. */
  g_assert_false (kefu_merge_apply (merge, G_OBJECT (theirs), &error));
  g_assert_error (error, KEFU_MERGE_ERROR, KEFU_MERGE_ERROR_UNDECIDED);
  g_clear_error (&error);
  g_assert_true (kefu_merge_set_choice (merge, field (merge, "batch_number"),
                                        KEFU_MERGE_CHOICE_MINE));
  g_assert_true (kefu_merge_apply (merge, G_OBJECT (theirs), &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_update_complaint_call (second, theirs, NULL, &error));
  g_assert_no_error (error);

  /* Both sessions read the merged record: theirs where only they changed, mine where only I
   * did, the chosen value on the conflict. */
  stored = tc_read_call (first, call_id);
  g_assert_cmpstr (kefu_call_get_caller_name (stored), ==, "张三先生");
  g_assert_cmpstr (kefu_call_get_address (stored), ==, "上海市徐汇区漕溪北路 88 号");
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==,
                   "盒子鼓胀，打开有酸味");
  g_assert_cmpstr (kefu_complaint_get_batch_number (kefu_call_get_complaint (stored)), ==,
                   "D4-20260302");
  stored_reason = tc_complaint_text (first, id, "reason");
  g_assert_cmpstr (stored_reason, ==, "盒子鼓胀，打开有酸味");

  /* The timeline shows both saves, in order, each by who made it; the second lists only what
   * it changed over the first. */
  g_clear_object (&after);
  after = timeline (first, id);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (after, i);
      const char *details = kefu_event_get_details (event);

      if (kefu_event_get_id (event) <= base_event_id
          || g_strcmp0 (kefu_event_get_action (event), "details-changed") != 0)
        continue;
      n_saves++;
      if (n_saves == 1)
        {
          g_assert_cmpint (kefu_event_get_staff_id (event), ==, co.team_lead);
          g_assert_nonnull (strstr (details, "\"reason\""));
          g_assert_nonnull (strstr (details, "C3-20260301"));
        }
      else
        {
          g_assert_cmpint (kefu_event_get_staff_id (event), ==, co.clerk);
          g_assert_cmpstr (kefu_event_get_staff_name (event), ==, second_name);
          g_assert_nonnull (strstr (details, "\"caller_name\""));
          g_assert_nonnull (strstr (details, "D4-20260302"));
          g_assert_null (strstr (details, "\"reason\""));
          g_assert_null (strstr (details, "\"address\""));
        }
    }
  g_assert_cmpuint (n_saves, ==, 2);
}

/* Disjoint changes: the merge decides everything by itself and nothing is asked. */
static void
test_two_sessions_disjoint (Fixture       *fixture,
                            gconstpointer  data)
{
  KefuStore *first = fixture->store;
  g_autoptr(KefuStore) second = NULL;
  g_autoptr(KefuCall) base = NULL;
  g_autoptr(KefuCall) mine = NULL;
  g_autoptr(KefuCall) other = NULL;
  g_autoptr(KefuCall) theirs = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  gint64 call_id;
  Company co;

  tc_company_complaint (first, &co, TRUE, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, &call_id);
  second = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (first, co.team_lead);
  kefu_store_set_actor (second, co.clerk);

  other = tc_read_call (first, call_id);
  base = tc_read_call (second, call_id);
  mine = tc_read_call (second, call_id);
  kefu_complaint_set_batch_number (kefu_call_get_complaint (other), "E5-20260303");
  g_assert_true (kefu_store_update_complaint_call (first, other, NULL, &error));
  g_assert_no_error (error);

  kefu_complaint_set_reason (kefu_call_get_complaint (mine), "喝了以后肚子疼");
  g_assert_false (kefu_store_update_complaint_call (second, mine, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  theirs = tc_read_call (second, call_id);
  merge = kefu_merge_new (fields, G_N_ELEMENTS (fields), G_OBJECT (base), G_OBJECT (mine),
                          G_OBJECT (theirs));
  g_assert_cmpuint (kefu_merge_count (merge, KEFU_MERGE_CONFLICT), ==, 0);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "batch_number")), ==,
                   KEFU_MERGE_THEIRS);
  g_assert_cmpint (kefu_merge_get_state (merge, field (merge, "reason")), ==, KEFU_MERGE_MINE);
  g_assert_cmpuint (kefu_merge_get_n_undecided (merge), ==, 0);
  g_assert_true (kefu_merge_apply (merge, G_OBJECT (theirs), &error));
  g_assert_true (kefu_store_update_complaint_call (second, theirs, NULL, &error));
  g_assert_no_error (error);

  stored = tc_read_call (first, call_id);
  g_assert_cmpstr (kefu_complaint_get_batch_number (kefu_call_get_complaint (stored)), ==,
                   "E5-20260303");
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==,
                   "喝了以后肚子疼");
}

void
test_store_add_two_session_tests (void)
{
  TEST_ADD ("two-sessions/conflict", test_two_sessions);
  TEST_ADD ("two-sessions/disjoint", test_two_sessions_disjoint);
}
