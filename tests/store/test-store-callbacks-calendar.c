/* test-store-callbacks-calendar.c: the callback calendar's reads and shared work, on both
 * backends: the counts of each local day checked against hand-counted values (a callback at
 * 23:30 and one at 00:30 local time on their own days), the agenda and the overdue list, member
 * coverage, campaigns (targets, quiet hours, clerks and caps), and claims from two connections
 * to the same database, one after the other, at the same time from two threads, and after a
 * claim lapsed.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "store/kefu-store-clock.h"
#include "test-store-callbacks.h"

/* Day counts */

static void
assert_count (GArray *counts,
              guint   i,
              int     day,
              guint   done,
              guint   due,
              guint   overdue)
{
  KefuCallbackDayCount *count = &g_array_index (counts, KefuCallbackDayCount, i);

  g_assert_cmpint (g_date_get_day (&count->day), ==, day);
  g_assert_cmpuint (count->done, ==, done);
  g_assert_cmpuint (count->due, ==, due);
  g_assert_cmpuint (count->overdue, ==, overdue);
}

typedef struct
{
  gint64 a, b, c, d, e, f, g, h, i, j;
} DayCallbacks;

/* The callbacks of the day tests, counted by hand below. */
static void
insert_days (KefuStore         *store,
             const CallbacksCo *cc,
             DayCallbacks      *d)
{
  gint64 clerk = cc->co.clerk;
  gint64 clerk2 = cc->co.clerk2;
  gint64 cu = cc->customer;

  d->a = tcb_insert (store, cc, cu, "survey", "done", 0, 2026, 11, 30, 10, 0);
  d->b = tcb_insert (store, cc, cu, "survey", "due", clerk, 2026, 11, 30, 15, 0);
  d->c = tcb_insert (store, cc, cu, "other", "due", 0, 2026, 12, 1, 9, 30);
  /* 23:30 local is 15:30 UTC the same day; 00:30 local is 16:30 UTC the day before. */
  d->d = tcb_insert (store, cc, cu, "other", "due", clerk2, 2026, 12, 1, 23, 30);
  d->e = tcb_insert (store, cc, cu, "other", "due", clerk, 2026, 12, 2, 0, 30);
  d->f = tcb_insert (store, cc, cu, "other", "cancelled", 0, 2026, 12, 1, 16, 0);
  d->g = tcb_insert (store, cc, cu, "other", "done", clerk2, 2026, 12, 1, 11, 0);
  d->h = tcb_insert (store, cc, cu, "other", "due", 0, 2026, 12, 3, 10, 0);
  d->i = tcb_insert (store, cc, cu, "other", "due", 0, 2026, 11, 29, 23, 59);
  d->j = tcb_insert (store, cc, cu, "other", "due", 0, 2026, 12, 4, 0, 0);
}

static void
test_day_counts (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = test_local_time (2026, 12, 1, 12, 0);
  g_autoptr(GArray) team = NULL;
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  DayCallbacks d;
  CallbacksCo cc;
  GDate first, last;

  tcb_setup (store, &cc);
  insert_days (store, &cc, &d);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 30, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&last, 3, G_DATE_DECEMBER, 2026);

  team = kefu_store_count_callbacks_by_day (store, &first, &last, 0, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team->len, ==, 4);
  assert_count (team, 0, 30, 1, 0, 1);
  assert_count (team, 1, 1, 1, 1, 1);
  assert_count (team, 2, 2, 0, 1, 0);
  assert_count (team, 3, 3, 0, 1, 0);

  /* "My callbacks": the clerk's and the unassigned ones. */
  mine = kefu_store_count_callbacks_by_day (store, &first, &last, cc.co.clerk, now, NULL, &error);
  g_assert_no_error (error);
  assert_count (mine, 0, 30, 1, 0, 1);
  assert_count (mine, 1, 1, 0, 0, 1);
  assert_count (mine, 2, 2, 0, 1, 0);
  assert_count (mine, 3, 3, 0, 1, 0);

  /* One day alone. */
  g_clear_pointer (&team, g_array_unref);
  team = kefu_store_count_callbacks_by_day (store, &last, &last, 0, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team->len, ==, 1);
  assert_count (team, 0, 3, 0, 1, 0);
}

static void
assert_ids (GPtrArray    *callbacks,
            const gint64 *ids,
            guint         n)
{
  g_assert_nonnull (callbacks);
  g_assert_cmpuint (callbacks->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((KefuCallback *) g_ptr_array_index (callbacks, i))->id, ==, ids[i]);
}

static void
test_agenda (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = test_local_time (2026, 12, 1, 12, 0);
  g_autoptr(GDateTime) from = test_local_time (2026, 12, 1, 0, 0);
  g_autoptr(GDateTime) to = test_local_time (2026, 12, 2, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  DayCallbacks d;
  CallbacksCo cc;

  tcb_setup (store, &cc);
  insert_days (store, &cc, &d);

  list = kefu_store_list_callbacks_due (store, from, to, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { d.c, d.d }, 2);
  g_assert_cmpstr (((KefuCallback *) g_ptr_array_index (list, 1))->assigned_to_name, ==, "clerk2");
  g_assert_cmpstr (((KefuCallback *) g_ptr_array_index (list, 0))->customer_phone, ==,
                   "13800138000");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kefu_store_list_callbacks_due (store, from, to, 0, TRUE, NULL, &error);
  assert_ids (list, (gint64[]) { d.c, d.g, d.d }, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kefu_store_list_callbacks_due (store, from, to, cc.co.clerk, TRUE, NULL, &error);
  assert_ids (list, (gint64[]) { d.c }, 1);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = kefu_store_list_overdue_callbacks (store, now, 0, 0, NULL, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { d.i, d.b, d.c }, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kefu_store_list_overdue_callbacks (store, now, 0, 2, NULL, &error);
  assert_ids (list, (gint64[]) { d.i, d.b }, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kefu_store_list_overdue_callbacks (store, now, cc.co.clerk2, 0, NULL, &error);
  assert_ids (list, (gint64[]) { d.i, d.c }, 2);
}

/* 100% of members */

static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GArray) uncovered = NULL;
  g_autoptr(GError) error = NULL;
  CallbacksCo cc;
  GDate first, last;
  guint n_members = 0, n_covered = 0;
  gint64 member3;

  tcb_setup (store, &cc);
  member3 = tcb_customer (store, "王五", "13500135000", "上海市静安区", TRUE);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 2026);

  g_assert_true (kefu_store_member_coverage (store, &first, &last, &n_members, &n_covered, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_members, ==, 3);
  g_assert_cmpuint (n_covered, ==, 0);

  /* Covered: a survey done in the period (on its last evening, local time). Not: one done
   * before it, one still due, another reason, a customer who is no member. */
  tcb_insert (store, &cc, cc.customer, "survey", "done", 0, 2026, 12, 31, 23, 30);
  tcb_insert (store, &cc, cc.member, "survey", "done", 0, 2026, 11, 30, 23, 30);
  tcb_insert (store, &cc, member3, "survey", "due", 0, 2026, 12, 10, 10, 0);
  tcb_insert (store, &cc, member3, "occasion", "done", 0, 2026, 12, 10, 10, 0);
  tcb_insert (store, &cc, cc.customer2, "survey", "done", 0, 2026, 12, 10, 10, 0);

  g_assert_true (kefu_store_member_coverage (store, &first, &last, &n_members, &n_covered, NULL,
                                             &error));
  g_assert_cmpuint (n_members, ==, 3);
  g_assert_cmpuint (n_covered, ==, 1);
  uncovered = kefu_store_list_uncovered_members (store, &first, &last, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uncovered->len, ==, 2);
  g_assert_cmpint (g_array_index (uncovered, gint64, 0), ==, cc.member);
  g_assert_cmpint (g_array_index (uncovered, gint64, 1), ==, member3);
  g_clear_pointer (&uncovered, g_array_unref);
  uncovered = kefu_store_list_uncovered_members (store, &first, &last, 1, NULL, &error);
  g_assert_cmpuint (uncovered->len, ==, 1);
  g_assert_cmpint (g_array_index (uncovered, gint64, 0), ==, cc.member);
}

/* Campaigns */

static gint64
campaign (KefuStore                *store,
          gint64                    actor,
          const KefuCampaignInput  *input,
          guint                    *n_created,
          KefuStoreError            refused)
{
  g_autoptr(GError) error = NULL;
  gint64 callbacks = test_count (store, "SELECT COUNT(*) FROM callbacks");
  gint64 id;

  kefu_store_set_actor (store, actor);
  id = kefu_store_create_campaign (store, input, n_created, NULL, &error);
  if (refused == (KefuStoreError) -1)
    {
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks"), ==,
                       callbacks + *n_created);
    }
  else
    {
      g_assert_error (error, KEFU_STORE_ERROR, (gint) refused);
      g_assert_cmpint (id, ==, 0);
      g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks"), ==, callbacks);
    }
  return id;
}

static void
test_campaign (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) from = test_local_time (2026, 11, 30, 0, 0);
  g_autoptr(GDateTime) to = test_local_time (2026, 12, 2, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  gint64 clerks[] = { 0, 0 };
  KefuCampaignInput input = { 0 };
  CallbacksCo cc;
  GDate first, last;
  guint n_created = 0;
  gint64 id;
  gint64 shipment;

  tcb_setup (store, &cc);
  tcb_customer (store, "王五", "13500135000", "上海市静安区", TRUE);
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_true (kefu_store_set_customer_callback_times (store, cc.customer, "00:00-10:30", NULL,
                                                         NULL, &error));
  g_assert_no_error (error);
  now = tcb_clock (store, 2026, 11, 27, 10, 0);
  clerks[0] = cc.co.clerk;
  clerks[1] = cc.co.clerk2;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 30, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&last, 1, G_DATE_DECEMBER, 2026);
  input.name = "2027年元旦问候";
  input.reason = KEFU_CALLBACK_REASON_OCCASION;
  input.target = KEFU_CAMPAIGN_TARGET_MEMBERS;
  input.first_day = &first;
  input.last_day = &last;
  input.clerks = clerks;
  input.n_clerks = 2;
  input.per_clerk_per_day = 1;
  input.slot_minutes = 30;

  /* A clerk may not; a lead may. */
  campaign (store, cc.co.clerk, &input, &n_created, KEFU_STORE_ERROR_PERMISSION);
  id = campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
  g_assert_cmpuint (n_created, ==, 3);

  list = kefu_store_list_callbacks_due (store, from, to, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      KefuCallback *cb = g_ptr_array_index (list, i);

      g_assert_cmpint (cb->campaign_id, ==, id);
      g_assert_cmpstr (cb->campaign_name, ==, "2027年元旦问候");
      g_assert_cmpstr (cb->topic, ==, "2027年元旦问候");
      g_assert_cmpint (cb->reason, ==, KEFU_CALLBACK_REASON_OCCASION);
      g_assert_true (cb->customer_is_member);
      g_assert_true (cb->assigned_to == cc.co.clerk || cb->assigned_to == cc.co.clerk2);
      /* Never in a quiet time, the customer's own included. */
      g_assert_false (tcb_is_quiet (store, cb->customer_id, cb->due_at));
      if (cb->customer_id == cc.customer)
        g_assert_cmpint (tcb_local_minutes (cb->due_at), >=, 10 * 60 + 30);
    }
  /* At most one a clerk a day. */
  rows = _kefu_store_query (store,
                            "SELECT assigned_to, substr(CAST(due_at AS TEXT), 1, 10), COUNT(*) "
                            "FROM callbacks WHERE campaign_id = $1 GROUP BY 1, 2 "
                            "HAVING COUNT(*) > 1",
                            g_variant_new ("(x)", id), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT n_callbacks FROM callback_campaigns"), ==, 3);

  /* Again for the same days: everyone already has their call. */
  campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
  g_assert_cmpuint (n_created, ==, 0);

  /* Four members on one working day for two clerks, one call each: does not fit. */
  tcb_customer (store, "赵六", "13300133000", "上海市静安区", TRUE);
  input.reason = KEFU_CALLBACK_REASON_SURVEY;
  input.last_day = &first;
  campaign (store, cc.co.team_lead, &input, &n_created, KEFU_STORE_ERROR_INVALID);
  input.per_clerk_per_day = 2;
  id = campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
  g_assert_cmpuint (n_created, ==, 4);

  /* A survey later in the period calls only the members not surveyed yet and without a survey
   * still to make: of the four, one surveyed this quarter, two whose calls were cancelled, one
   * still due — the two cancelled ones. */
  {
    g_autoptr(GArray) members = NULL;
    GDate later_first, later_last;

    members = _kefu_store_query_int64_column (store, "SELECT customer_id FROM callbacks WHERE "
                                              "campaign_id = $1 ORDER BY customer_id",
                                              g_variant_new ("(x)", id), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (members->len, ==, 4);
    g_assert_cmpint (_kefu_store_execute (store, "UPDATE callbacks SET state = 'done', "
                                          "outcome = 'reached', satisfaction = 'satisfied', "
                                          "done_at = due_at WHERE campaign_id = $1 AND "
                                          "customer_id = $2",
                                          g_variant_new ("(xx)", id,
                                                         g_array_index (members, gint64, 0)),
                                          NULL, &error), ==, 1);
    g_assert_no_error (error);
    g_assert_cmpint (_kefu_store_execute (store, "UPDATE callbacks SET state = 'cancelled', "
                                          "cancel_reason = 'test' WHERE campaign_id = $1 AND "
                                          "(customer_id = $2 OR customer_id = $3)",
                                          g_variant_new ("(xxx)", id,
                                                         g_array_index (members, gint64, 1),
                                                         g_array_index (members, gint64, 2)),
                                          NULL, &error), ==, 2);
    g_assert_no_error (error);
    g_date_clear (&later_first, 1);
    g_date_clear (&later_last, 1);
    g_date_set_dmy (&later_first, 3, G_DATE_DECEMBER, 2026);
    g_date_set_dmy (&later_last, 4, G_DATE_DECEMBER, 2026);
    input.first_day = &later_first;
    input.last_day = &later_last;
    campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
    g_assert_cmpuint (n_created, ==, 2);
    input.first_day = &first;
    input.last_day = &first;
  }

  /* A district's customers: 浦东 only. */
  input.reason = KEFU_CALLBACK_REASON_RENEWAL;
  input.target = KEFU_CAMPAIGN_TARGET_DISTRICT;
  input.district = "浦东";
  campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
  g_assert_cmpuint (n_created, ==, 1);
  g_assert_cmpint (test_count (store, "SELECT customer_id FROM callbacks WHERE reason = "
                                      "'renewal'"), ==, cc.customer);

  /* A product's buyers: on a shipment line. */
  rows = _kefu_store_query (store,
                            "INSERT INTO shipments (reference, customer_id, customer_name, "
                            "requested_at, requested_by) VALUES ('FH-20261101-0001', $1, "
                            "'仁和诊所', '2026-11-01 02:00:00.000Z', $2) RETURNING id",
                            g_variant_new ("(xx)", cc.customer2, cc.co.clerk), NULL, &error);
  g_assert_no_error (error);
  shipment = kefu_rows_get_int (rows, 0, 0);
  g_clear_pointer (&rows, kefu_rows_free);
  rows = _kefu_store_query (store,
                            "INSERT INTO shipment_lines (shipment_id, product_id, product_name, "
                            "quantity) VALUES ($1, $2, '酸奶', 2)",
                            g_variant_new ("(xx)", shipment, cc.co.yogurt), NULL, &error);
  g_assert_no_error (error);
  input.reason = KEFU_CALLBACK_REASON_MAINTENANCE;
  input.target = KEFU_CAMPAIGN_TARGET_PRODUCT;
  input.product_id = cc.co.yogurt;
  campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
  g_assert_cmpuint (n_created, ==, 1);
  g_assert_cmpint (test_count (store, "SELECT customer_id FROM callbacks WHERE reason = "
                                      "'maintenance'"), ==, cc.customer2);
  input.product_id = cc.co.milk;
  input.reason = KEFU_CALLBACK_REASON_OCCASION;
  campaign (store, cc.co.team_lead, &input, &n_created, (KefuStoreError) -1);
  g_assert_cmpuint (n_created, ==, 0);

  /* Only occasions, surveys and reminders are campaigns. */
  input.reason = KEFU_CALLBACK_REASON_AFTER_SERVICE;
  campaign (store, cc.co.team_lead, &input, &n_created, KEFU_STORE_ERROR_INVALID);
}

/* Claims from two connections */

typedef struct
{
  KefuStore  *store;
  gint64      callback_id;   /* claim this one; 0: claim the next */
  const char *workstation;
  GDateTime  *until;
  GMutex     *mutex;
  GCond      *cond;
  gboolean   *go;
  gboolean    ok;
  gint64      claimed[2];
  GError     *error;
} Claimer;

static gpointer
claim_thread (gpointer data)
{
  Claimer *c = data;

  /* Both threads start together. */
  g_mutex_lock (c->mutex);
  while (!*c->go)
    g_cond_wait (c->cond, c->mutex);
  g_mutex_unlock (c->mutex);

  if (c->callback_id != 0)
    c->ok = kefu_store_claim_callback (c->store, c->callback_id, c->workstation, NULL,
                                       &c->error);
  else
    for (guint i = 0; i < G_N_ELEMENTS (c->claimed) && c->error == NULL; i++)
      c->claimed[i] = kefu_store_claim_next_callback (c->store, 0, c->until, c->workstation,
                                                      NULL, &c->error);
  return NULL;
}

/* Runs the two claimers at the same time. */
static void
race (Claimer *one,
      Claimer *two)
{
  GMutex mutex;
  GCond cond;
  gboolean go = FALSE;
  GThread *threads[2];

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  one->mutex = two->mutex = &mutex;
  one->cond = two->cond = &cond;
  one->go = two->go = &go;
  threads[0] = g_thread_new ("claimer-1", claim_thread, one);
  threads[1] = g_thread_new ("claimer-2", claim_thread, two);
  g_usleep (20 * 1000);
  g_mutex_lock (&mutex);
  go = TRUE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&mutex);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
}

static void
set_clocks (KefuStore *one,
            KefuStore *two,
            GDateTime *now)
{
  kefu_store_set_clock (one, now);
  kefu_store_set_clock (two, now);
}

static void
test_claims (Fixture       *fixture,
             gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuStore) other = NULL;
  g_autoptr(GDateTime) now = test_local_time (2026, 12, 1, 10, 0);
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) lapsed = NULL;
  g_autoptr(GDateTime) until = test_local_time (2026, 12, 31, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCallback) cb = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  Claimer one = { 0 }, two = { 0 };
  CallbacksCo cc;
  gint64 first, second;
  gint64 ids[4];

  tcb_setup (store, &cc);
  other = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (store, cc.co.clerk);
  kefu_store_set_actor (other, cc.co.clerk2);
  set_clocks (store, other, now);
  first = tcb_insert (store, &cc, cc.customer, "survey", "due", 0, 2026, 12, 1, 9, 0);
  second = tcb_insert (store, &cc, cc.member, "survey", "due", 0, 2026, 12, 1, 9, 30);

  /* One after the other: the first wins, the second is told who is calling. */
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_true (kefu_store_claim_callback (store, first, "pc-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_store_claim_callback (other, first, "pc-2", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_assert_nonnull (strstr (error->message, "clerk"));
  g_assert_nonnull (strstr (error->message, "pc-1"));
  g_clear_error (&error);
  cb = tcb_get (other, first);
  g_assert_cmpint (cb->claimed_by, ==, cc.co.clerk);
  g_assert_cmpstr (cb->claimed_by_name, ==, "clerk");
  g_assert_cmpstr (cb->claim_workstation, ==, "pc-1");
  g_assert_true (g_date_time_equal (cb->claim_renewed_at, now));
  /* The same clerk at another workstation is one call too many. */
  g_assert_false (kefu_store_claim_callback (store, first, "pc-9", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_assert_nonnull (strstr (error->message, "pc-1"));
  g_clear_error (&error);
  /* Claims leave the version alone. */
  g_assert_cmpint (cb->version, ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE action = 'claimed'"),
                   ==, 1);

  /* A minute later it still holds; renewed, it holds longer; not renewed past the claim's
   * seconds it lapses and the other takes it. */
  later = g_date_time_add_seconds (now, 60);
  set_clocks (store, other, later);
  g_assert_false (kefu_store_claim_callback (other, first, "pc-2", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_clear_error (&error);
  g_assert_true (kefu_store_renew_callback_claim (store, first, "pc-1", NULL, &error));
  g_assert_no_error (error);
  lapsed = g_date_time_add_seconds (later, KEFU_CALLBACK_CLAIM_SECONDS - 1);
  set_clocks (store, other, lapsed);
  g_assert_false (kefu_store_claim_callback (other, first, "pc-2", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_clear_error (&error);
  g_clear_pointer (&lapsed, g_date_time_unref);
  lapsed = g_date_time_add_seconds (later, KEFU_CALLBACK_CLAIM_SECONDS + 1);
  set_clocks (store, other, lapsed);
  g_assert_true (kefu_store_claim_callback (other, first, "pc-2", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_store_renew_callback_claim (store, first, "pc-1", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_clear_error (&error);
  /* Releasing someone else's claim does nothing; one's own frees it. */
  g_assert_true (kefu_store_release_callback (store, first, "pc-1", NULL, &error));
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks WHERE claimed_by IS "
                                      "NOT NULL"), ==, 1);
  g_assert_true (kefu_store_release_callback (other, first, "pc-2", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks WHERE claimed_by IS "
                                      "NOT NULL"), ==, 0);

  /* At the same time, the same callback: exactly one wins. */
  one = (Claimer) { .store = store, .callback_id = second, .workstation = "pc-1" };
  two = (Claimer) { .store = other, .callback_id = second, .workstation = "pc-2" };
  race (&one, &two);
  g_assert_true (one.ok != two.ok);
  g_assert_true (g_error_matches (one.ok ? two.error : one.error, KEFU_STORE_ERROR,
                                  KEFU_STORE_ERROR_CLAIMED));
  g_assert_null (one.ok ? one.error : two.error);
  g_clear_error (&one.error);
  g_clear_error (&two.error);
  g_assert_true (kefu_store_release_callback (store, second, "pc-1", NULL, &error));
  g_assert_true (kefu_store_release_callback (other, second, "pc-2", NULL, &error));
  g_assert_no_error (error);

  /* At the same time, the next one each, twice: four different callbacks. The two above are
   * done first so that exactly four are left. */
  _kefu_store_execute (store, "UPDATE callbacks SET state = 'done'", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = tcb_insert (store, &cc, cc.customer2, "other", "due", 0, 2026, 12, 1, 9, (int) i);
  one = (Claimer) { .store = store, .workstation = "pc-1", .until = until };
  two = (Claimer) { .store = other, .workstation = "pc-2", .until = until };
  race (&one, &two);
  g_assert_no_error (one.error);
  g_assert_no_error (two.error);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (one.claimed[i], >, 0);
      g_assert_cmpint (two.claimed[i], >, 0);
      g_hash_table_add (seen, &one.claimed[i]);
      g_hash_table_add (seen, &two.claimed[i]);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 4);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM callbacks WHERE claimed_by IS "
                                      "NOT NULL AND state = 'due'"), ==, 4);
  /* None left for a third ask. */
  kefu_store_set_actor (store, cc.co.clerk);
  g_assert_cmpint (kefu_store_claim_next_callback (store, 0, until, "pc-3", NULL, &error), ==, 0);
  g_assert_no_error (error);
  /* Each holds what it got: claiming the other's is refused. */
  g_assert_false (kefu_store_claim_callback (store, two.claimed[0], "pc-1", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_clear_error (&error);

  kefu_store_set_clock (other, NULL);
  kefu_store_set_clock (store, NULL);
  g_clear_object (&other);
}

void
test_store_add_callback_calendar_tests (void)
{
  TEST_ADD ("callbacks/day-counts", test_day_counts);
  TEST_ADD ("callbacks/agenda", test_agenda);
  TEST_ADD ("callbacks/coverage", test_coverage);
  TEST_ADD ("callbacks/campaign", test_campaign);
  TEST_ADD ("callbacks/claims", test_claims);
}
