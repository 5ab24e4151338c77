/* test-store-callback-report.c: the callback summary report (《回访总结报告》) on both backends,
 * over a small fixed set of callbacks whose every figure is counted by hand below: the period
 * 2026-11-02 to 11-15 (two whole weeks, Asia/Shanghai), the fortnight before it, a callback due
 * at 23:30 on the last day (inside) and one at 00:10 the day after (outside), a cancelled one
 * (left out), one done exactly at its deadline (on time) and one a minute after (late), a team
 * and a clerk, the members' coverage, the words, the weeks, an empty period, the archive and
 * the JSON round trip.
 *
 * The callbacks are written straight into the table (the store's private query helpers), so
 * that each one has exactly the deadline, outcome and times the figures are computed from; one
 * more test makes, claims and records callbacks through the store's own calls and reads them in
 * the report.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <time.h>

#include "store/kefu-store-callback-report.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-clock.h"
#include "kefu-test-company.h"
#include "test-store-calls.h"

typedef struct
{
  Company co;
  gint64  a;          /* 王芳, CS department */
  gint64  b;          /* 刘洋, CS department */
  gint64  c;          /* 陈敏, another team */
  gint64  team2;
  gint64  member1;
  gint64  member2;
  gint64  other;
} Data;

static gint64
customer (KefuStore  *store,
          const char *name,
          const char *phone,
          gboolean    member)
{
  g_autoptr(KefuCustomer) c = test_new_customer (name, phone, NULL);
  g_autoptr(GError) error = NULL;

  kefu_customer_set_is_member (c, member);
  g_assert_true (kefu_store_create_customer (store, c, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (c));
}

/* A local time (Asia/Shanghai) as the database stores it; NULL for day 0. */
static char *
db_time (int month,
         int day,
         int hour,
         int minute)
{
  g_autoptr(GDateTime) t = NULL;

  if (day == 0)
    return NULL;
  t = test_local_time (2026, month, day, hour, minute);
  return kefu_time_to_db (t);
}

typedef struct
{
  gint64      customer;
  const char *reason;
  int         month, day, hour, minute;              /* the deadline */
  const char *state;
  const char *outcome;                               /* NULL: none */
  const char *satisfaction;                          /* NULL: none */
  const char *words;                                 /* NULL: none */
  int         done_month, done_day, done_hour, done_minute;  /* done_day 0: not done */
  gint64      done_by;
  gint64      assigned_to;
} Row;

static void
insert (KefuStore *store,
        const Row *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = db_time (r->month, r->day, r->hour, r->minute);
  g_autofree char *done_at = db_time (r->done_month, r->done_day, r->done_hour,
                                      r->done_minute);

  _kefu_store_execute (store,
                       "INSERT INTO callbacks (customer_id, customer_name, reason, due_at, "
                       "deadline_at, state, outcome, satisfaction, customer_words, done_at, "
                       "done_by, assigned_to, method, created_by) "
                       "SELECT id, name, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, 'phone', $11 "
                       "FROM customers WHERE id = $1",
                       g_variant_new ("(xsssmsmsmsmsmxmxx)", r->customer, r->reason, deadline,
                                      r->state, r->outcome, r->satisfaction, r->words, done_at,
                                      r->done_by > 0, r->done_by, r->assigned_to > 0,
                                      r->assigned_to, kefu_store_get_actor (store)),
                       NULL, &error);
  g_assert_no_error (error);
}

static void
setup (KefuStore *store,
       Data      *d)
{
  test_company_setup (store, &d->co);
  d->team2 = kefu_test_make_department (store, "客服二组");
  d->a = kefu_test_make_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK, d->co.cs_department,
                               TRUE);
  d->b = kefu_test_make_staff (store, "刘洋", "liuyang", KEFU_ROLE_CLERK, d->co.cs_department,
                               TRUE);
  d->c = kefu_test_make_staff (store, "陈敏", "chenmin", KEFU_ROLE_CLERK, d->team2, TRUE);
  d->member1 = customer (store, "华康医院", "13800138001", TRUE);
  d->member2 = customer (store, "仁和诊所", "13800138002", TRUE);
  d->other = customer (store, "李先生", "13800138003", FALSE);

  {
    const Row rows[] = {
      /* The period, 2026-11-02 to 11-15. r1: on time, satisfied. */
      { d->other, "after-service", 11, 3, 17, 0, "done", "reached", "satisfied", "服务很好",
        11, 3, 10, 0, d->a, d->a },
      /* r2: done exactly at its deadline: on time. */
      { d->other, "after-complaint", 11, 5, 17, 0, "done", "reached", "so-so", "等得有点久",
        11, 5, 17, 0, d->a, d->a },
      /* r3: a minute after it: late. */
      { d->other, "after-complaint", 11, 5, 17, 0, "done", "reached", "not-satisfied",
        "还是不满意", 11, 5, 17, 1, d->b, d->b },
      /* r4: a survey the lead closed as unreachable (it covers member1). */
      { d->member1, "survey", 11, 10, 17, 0, "done", "unreachable", NULL, NULL,
        11, 9, 15, 0, d->b, d->b },
      /* r5: due at 23:30 on the last day: inside, open. */
      { d->member2, "survey", 11, 15, 23, 30, "due", NULL, NULL, NULL, 0, 0, 0, 0, 0, d->a },
      /* r6: due at 00:10 the day after: outside (its words too). */
      { d->other, "after-service", 11, 16, 0, 10, "done", "reached", "satisfied", "下次再说",
        11, 14, 10, 0, d->a, d->a },
      /* r7: cancelled: left out. */
      { d->other, "after-delivery", 11, 12, 12, 0, "cancelled", NULL, NULL, NULL,
        0, 0, 0, 0, 0, d->a },
      /* r8: a wrong number, by the other team's clerk: unreachable. */
      { d->other, "after-delivery", 11, 12, 12, 0, "done", "wrong-number", NULL, NULL,
        11, 11, 9, 30, d->c, d->c },
      /* r9: open and assigned to nobody. */
      { d->other, "other", 11, 14, 12, 0, "due", NULL, NULL, NULL, 0, 0, 0, 0, 0, 0 },
      /* r10: late, satisfied, nothing said. */
      { d->other, "after-service", 11, 9, 17, 0, "done", "reached", "satisfied", NULL,
        11, 10, 9, 0, d->a, d->a },
      /* The period before, 2026-10-19 to 11-01. p1: on time, satisfied. */
      { d->other, "after-service", 10, 20, 17, 0, "done", "reached", "satisfied", NULL,
        10, 20, 11, 0, d->a, d->a },
      /* p2: due at 23:59 on 11-01, open. */
      { d->other, "after-service", 11, 1, 23, 59, "due", NULL, NULL, NULL, 0, 0, 0, 0, 0, d->b },
      /* p3: on 10-18, before both. */
      { d->other, "after-service", 10, 18, 12, 0, "done", "reached", "satisfied", NULL,
        10, 18, 11, 0, d->a, d->a },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      insert (store, &rows[i]);
  }
}

static void
assert_figures (const KefuCallbackFigures *f,
                guint due, guint on_time, guint late, guint unreachable, guint open,
                guint satisfied, guint so_so, guint not_satisfied)
{
  g_assert_cmpuint (f->due, ==, due);
  g_assert_cmpuint (f->on_time, ==, on_time);
  g_assert_cmpuint (f->late, ==, late);
  g_assert_cmpuint (f->unreachable, ==, unreachable);
  g_assert_cmpuint (f->open, ==, open);
  g_assert_cmpuint (f->satisfied, ==, satisfied);
  g_assert_cmpuint (f->so_so, ==, so_so);
  g_assert_cmpuint (f->not_satisfied, ==, not_satisfied);
}

static KefuCallbackReport *
make_report (KefuStore *store,
             int        m1,
             int        d1,
             int        m2,
             int        d2,
             gint64     team,
             gint64     clerk)
{
  g_autoptr(GError) error = NULL;
  GDate first;
  GDate last;
  KefuCallbackReport *report;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, d1, m1, 2026);
  g_date_set_dmy (&last, d2, m2, 2026);
  report = kefu_store_callback_report (store, &first, &last, team, clerk, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const KefuCallbackBreakdown *
breakdown (GArray *array,
           guint   i)
{
  g_assert_cmpuint (i, <, array->len);
  return &g_array_index (array, KefuCallbackBreakdown, i);
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(KefuCallbackReport) report = NULL;
  const KefuCallbackBreakdown *b;
  const KefuCallbackWords *w;
  const KefuCallbackWeek *week;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);
  report = make_report (fixture->store, 11, 2, 11, 15, 0, 0);

  /* r1 r2 r3 r4 r5 r8 r9 r10; r6 after the last day, r7 cancelled. */
  assert_figures (&report->figures, 8, 2, 2, 2, 2, 2, 1, 1);
  /* p1 and p2; p3 before the period before. */
  assert_figures (&report->previous, 2, 1, 0, 0, 1, 1, 0, 0);
  /* Two members, member1 surveyed (unreachable is a closing outcome) in 2026 Q4. */
  g_assert_cmpuint (report->n_members, ==, 2);
  g_assert_cmpuint (report->n_members_covered, ==, 1);
  g_assert_nonnull (report->made_at);
  g_assert_cmpint (report->archive_id, ==, 0);

  /* By reason, in the enum's order. after-delivery: r8 (r7 cancelled counts nowhere). */
  g_assert_cmpuint (report->by_reason->len, ==, 5);
  b = breakdown (report->by_reason, 0);
  g_assert_cmpint (b->reason, ==, KEFU_CALLBACK_REASON_AFTER_SERVICE);
  assert_figures (&b->figures, 2, 1, 1, 0, 0, 2, 0, 0);
  b = breakdown (report->by_reason, 1);
  g_assert_cmpint (b->reason, ==, KEFU_CALLBACK_REASON_AFTER_COMPLAINT);
  assert_figures (&b->figures, 2, 1, 1, 0, 0, 0, 1, 1);
  b = breakdown (report->by_reason, 2);
  g_assert_cmpint (b->reason, ==, KEFU_CALLBACK_REASON_AFTER_DELIVERY);
  assert_figures (&b->figures, 1, 0, 0, 1, 0, 0, 0, 0);
  b = breakdown (report->by_reason, 3);
  g_assert_cmpint (b->reason, ==, KEFU_CALLBACK_REASON_SURVEY);
  assert_figures (&b->figures, 2, 0, 0, 1, 1, 0, 0, 0);
  b = breakdown (report->by_reason, 4);
  g_assert_cmpint (b->reason, ==, KEFU_CALLBACK_REASON_OTHER);
  assert_figures (&b->figures, 1, 0, 0, 0, 1, 0, 0, 0);

  /* By clerk, by name (bytes: 刘 E5 88 98 < 王 E7 8E 8B < 陈 E9 99 88), nobody last. */
  g_assert_cmpuint (report->by_clerk->len, ==, 4);
  b = breakdown (report->by_clerk, 0);
  g_assert_cmpint (b->staff_id, ==, d.b);
  g_assert_cmpstr (b->name, ==, "刘洋");
  assert_figures (&b->figures, 2, 0, 1, 1, 0, 0, 0, 1);
  b = breakdown (report->by_clerk, 1);
  g_assert_cmpint (b->staff_id, ==, d.a);
  g_assert_cmpstr (b->name, ==, "王芳");
  assert_figures (&b->figures, 4, 2, 1, 0, 1, 2, 1, 0);
  b = breakdown (report->by_clerk, 2);
  g_assert_cmpint (b->staff_id, ==, d.c);
  assert_figures (&b->figures, 1, 0, 0, 1, 0, 0, 0, 0);
  b = breakdown (report->by_clerk, 3);
  g_assert_cmpint (b->staff_id, ==, 0);
  g_assert_null (b->name);
  assert_figures (&b->figures, 1, 0, 0, 0, 1, 0, 0, 0);

  /* The words, newest first; r6's are outside. */
  g_assert_cmpuint (report->words->len, ==, 3);
  w = report->words->pdata[0];
  g_assert_cmpstr (w->words, ==, "还是不满意");
  g_assert_cmpstr (w->customer_name, ==, "李先生");
  g_assert_cmpstr (w->clerk_name, ==, "刘洋");
  g_assert_cmpint (w->reason, ==, KEFU_CALLBACK_REASON_AFTER_COMPLAINT);
  g_assert_cmpint (w->satisfaction, ==, KEFU_SATISFACTION_NOT_SATISFIED);
  {
    g_autoptr(GDateTime) expected = test_local_time (2026, 11, 5, 17, 1);

    g_assert_true (g_date_time_equal (w->done_at, expected));
  }
  g_assert_cmpstr (((KefuCallbackWords *) report->words->pdata[1])->words, ==, "等得有点久");
  g_assert_cmpstr (((KefuCallbackWords *) report->words->pdata[2])->words, ==, "服务很好");

  /* Two weeks: 11-02 (r1 satisfied, r2 so-so, r3 not) and 11-09 (r10 satisfied). */
  g_assert_cmpuint (report->weeks->len, ==, 2);
  week = &g_array_index (report->weeks, KefuCallbackWeek, 0);
  g_assert_cmpint (g_date_get_day (&week->week), ==, 2);
  g_assert_cmpuint (week->satisfied, ==, 1);
  g_assert_cmpuint (week->so_so, ==, 1);
  g_assert_cmpuint (week->not_satisfied, ==, 1);
  week = &g_array_index (report->weeks, KefuCallbackWeek, 1);
  g_assert_cmpint (g_date_get_day (&week->week), ==, 9);
  g_assert_cmpuint (week->satisfied, ==, 1);
  g_assert_cmpuint (week->so_so, ==, 0);
  g_assert_cmpuint (week->not_satisfied, ==, 0);
}

static void
test_team_and_clerk (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(KefuCallbackReport) team = NULL;
  g_autoptr(KefuCallbackReport) clerk = NULL;
  g_autoptr(KefuCallbackReport) other_team = NULL;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);

  /* The CS department (王芳, 刘洋): not r8 (陈敏) nor r9 (nobody's). */
  team = make_report (fixture->store, 11, 2, 11, 15, d.co.cs_department, 0);
  assert_figures (&team->figures, 6, 2, 2, 1, 1, 2, 1, 1);
  assert_figures (&team->previous, 2, 1, 0, 0, 1, 1, 0, 0);
  g_assert_cmpuint (team->by_clerk->len, ==, 2);
  g_assert_cmpuint (team->words->len, ==, 3);

  clerk = make_report (fixture->store, 11, 2, 11, 15, 0, d.b);
  assert_figures (&clerk->figures, 2, 0, 1, 1, 0, 0, 0, 1);
  /* p2 is 刘洋's, open. */
  assert_figures (&clerk->previous, 1, 0, 0, 0, 1, 0, 0, 0);
  g_assert_cmpuint (clerk->words->len, ==, 1);

  other_team = make_report (fixture->store, 11, 2, 11, 15, d.team2, 0);
  assert_figures (&other_team->figures, 1, 0, 0, 1, 0, 0, 0, 0);
  /* Coverage is the whole site's, whatever the team. */
  g_assert_cmpuint (other_team->n_members, ==, 2);
  g_assert_cmpuint (other_team->n_members_covered, ==, 1);
}

static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(KefuCallbackReport) report = NULL;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);

  report = make_report (fixture->store, 12, 1, 12, 31, 0, 0);
  assert_figures (&report->figures, 0, 0, 0, 0, 0, 0, 0, 0);
  /* The 31 days before: 10-31 to 11-30, r6 and p2 with the period's eight. */
  assert_figures (&report->previous, 10, 3, 2, 2, 3, 3, 1, 1);
  g_assert_cmpuint (report->by_reason->len, ==, 0);
  g_assert_cmpuint (report->by_clerk->len, ==, 0);
  g_assert_cmpuint (report->words->len, ==, 0);
  /* Tuesday 12-01 to Thursday 12-31: the weeks of 11-30, 12-07, 12-14, 12-21, 12-28. */
  g_assert_cmpuint (report->weeks->len, ==, 5);
  for (guint i = 0; i < report->weeks->len; i++)
    {
      const KefuCallbackWeek *week = &g_array_index (report->weeks, KefuCallbackWeek, i);

      g_assert_cmpint (g_date_get_weekday (&week->week), ==, G_DATE_MONDAY);
      g_assert_cmpuint (week->satisfied + week->so_so + week->not_satisfied, ==, 0);
    }

  /* A single day: 11-16 holds r6 only (00:10). */
  {
    g_autoptr(KefuCallbackReport) day = make_report (fixture->store, 11, 16, 11, 16, 0, 0);

    assert_figures (&day->figures, 1, 1, 0, 0, 0, 1, 0, 0);
    /* The day before, 11-15: r5 at 23:30. */
    assert_figures (&day->previous, 1, 0, 0, 0, 1, 0, 0, 0);
    g_assert_cmpuint (day->weeks->len, ==, 1);
  }
}

static void
assert_same_breakdowns (GArray *x,
                        GArray *y)
{
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      const KefuCallbackBreakdown *a = breakdown (x, i);
      const KefuCallbackBreakdown *b = breakdown (y, i);

      g_assert_cmpint (a->reason, ==, b->reason);
      g_assert_cmpint (a->staff_id, ==, b->staff_id);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpmem (&a->figures, sizeof a->figures, &b->figures, sizeof b->figures);
    }
}

static void
test_archive_and_json (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(KefuCallbackReport) report = NULL;
  g_autoptr(KefuCallbackReport) back = NULL;
  g_autoptr(KefuCallbackReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(KefuRows) rows = NULL;
  Data d;

  kefu_store_set_system_actor (fixture->store);
  setup (fixture->store, &d);
  report = make_report (fixture->store, 11, 2, 11, 15, d.co.cs_department, 0);

  json = kefu_callback_report_to_json (report);
  back = kefu_callback_report_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&back->first, &report->first), ==, 0);
  g_assert_cmpint (g_date_compare (&back->last, &report->last), ==, 0);
  g_assert_cmpint (back->department_id, ==, d.co.cs_department);
  g_assert_cmpint (back->clerk_id, ==, 0);
  g_assert_cmpmem (&back->figures, sizeof back->figures, &report->figures,
                   sizeof report->figures);
  g_assert_cmpmem (&back->previous, sizeof back->previous, &report->previous,
                   sizeof report->previous);
  g_assert_cmpuint (back->n_members, ==, report->n_members);
  g_assert_cmpuint (back->n_members_covered, ==, report->n_members_covered);
  assert_same_breakdowns (back->by_reason, report->by_reason);
  assert_same_breakdowns (back->by_clerk, report->by_clerk);
  g_assert_true (g_date_time_equal (back->made_at, report->made_at));
  g_assert_cmpuint (back->words->len, ==, 0);

  /* Damaged JSON is refused with a reason. */
  g_assert_null (kefu_callback_report_from_json ("{\"first\": \"2026-11-02\"}", &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kefu_callback_report_from_json ("not json", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (kefu_store_archive_callback_report (fixture->store, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->archive_id, >, 0);

  rows = _kefu_store_query (fixture->store,
                            "SELECT CAST(first_day AS TEXT), CAST(last_day AS TEXT), team_id, "
                            "clerk_id, figures, made_by FROM callback_reports WHERE id = $1",
                            g_variant_new ("(x)", report->archive_id), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 0), ==, "2026-11-02");
  g_assert_cmpstr (kefu_rows_get_text (rows, 0, 1), ==, "2026-11-15");
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 2), ==, d.co.cs_department);
  g_assert_true (kefu_rows_is_null (rows, 0, 3));
  g_assert_cmpint (kefu_rows_get_int (rows, 0, 5), ==, kefu_store_get_actor (fixture->store));
  stored = kefu_callback_report_from_json (kefu_rows_get_text (rows, 0, 4), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (&stored->figures, sizeof stored->figures, &report->figures,
                   sizeof report->figures);
  assert_same_breakdowns (stored->by_clerk, report->by_clerk);

  sql = g_strdup_printf ("SELECT COUNT(*) FROM events WHERE entity = 'callback-report' AND "
                         "entity_id = %" G_GINT64_FORMAT " AND action = 'archived'",
                         report->archive_id);
  g_assert_cmpint (test_count (fixture->store, sql), ==, 1);
}

/* Local time (Asia/Shanghai) for the store's clock. */
static void
clock_at (KefuStore *store,
          GDateTime *time)
{
  kefu_store_set_clock (store, time);
}

static KefuCallback *
read_callback (KefuStore *store,
               gint64     id)
{
  g_autoptr(GError) error = NULL;
  KefuCallback *callback = kefu_store_get_callback (store, id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (callback);
  return callback;
}

/* Claims `id` as the store's actor and records `outcome` (with `satisfaction` and `words` when
 * reached) at the store's clock. */
static void
claim_and_record (KefuStore           *store,
                  gint64               id,
                  KefuCallbackOutcome  outcome,
                  KefuSatisfaction     satisfaction,
                  const char          *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCallback) callback = NULL;
  KefuCallbackRecordInput input = {
    .method = KEFU_CALLBACK_METHOD_PHONE,
    .outcome = outcome,
    .satisfaction = satisfaction,
    .customer_words = words,
  };

  g_assert_true (kefu_store_claim_callback (store, id, "report-test:1", NULL, &error));
  g_assert_no_error (error);
  callback = read_callback (store, id);
  g_assert_true (kefu_store_record_callback (store, id, callback->version, &input, NULL,
                                             &error));
  g_assert_no_error (error);
}

static void
test_store_calls (Fixture       *fixture,
                  gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) made = test_local_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) soon = test_local_time (2026, 11, 23, 11, 0);
  g_autoptr(GDateTime) late = NULL;
  g_autoptr(GDateTime) deadline_local = NULL;
  g_autoptr(KefuCallback) first = NULL;
  g_autoptr(KefuCallbackReport) report = NULL;
  g_autoptr(GError) error = NULL;
  KefuCallbackInput input = { 0 };
  gint64 ids[3];
  GDate day;
  Data d;

  kefu_store_set_system_actor (store);
  setup (store, &d);

  /* The team lead makes three callbacks for 王芳 on Monday morning. */
  clock_at (store, made);
  kefu_store_set_actor (store, d.co.team_lead);
  input.customer_id = d.member2;
  input.reason = KEFU_CALLBACK_REASON_MAINTENANCE;
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.assigned_to = d.a;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = kefu_store_create_callback (store, &input, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ids[i], >, 0);
    }
  first = read_callback (store, ids[0]);
  g_assert_nonnull (first->deadline_at);

  /* 王芳 reaches the customer on the first an hour later (on time), on the second a minute
   * after its deadline (late); the third rings out (still due). */
  kefu_store_set_actor (store, d.a);
  clock_at (store, soon);
  claim_and_record (store, ids[0], KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SATISFIED,
                    "保养很及时");
  claim_and_record (store, ids[2], KEFU_CALLBACK_OUTCOME_NO_ANSWER,
                    KEFU_SATISFACTION_UNSPECIFIED, NULL);
  late = g_date_time_add_minutes (first->deadline_at, 1);
  clock_at (store, late);
  claim_and_record (store, ids[1], KEFU_CALLBACK_OUTCOME_REACHED, KEFU_SATISFACTION_SO_SO,
                    NULL);

  /* The report of the deadline's local day. */
  deadline_local = g_date_time_to_local (first->deadline_at);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (deadline_local),
                  g_date_time_get_month (deadline_local), g_date_time_get_year (deadline_local));
  report = kefu_store_callback_report (store, &day, &day, 0, d.a, NULL, &error);
  g_assert_no_error (error);
  assert_figures (&report->figures, 3, 1, 1, 0, 1, 1, 1, 0);
  g_assert_cmpuint (report->by_reason->len, ==, 1);
  g_assert_cmpint (breakdown (report->by_reason, 0)->reason, ==,
                   KEFU_CALLBACK_REASON_MAINTENANCE);
  g_assert_cmpuint (report->by_clerk->len, ==, 1);
  g_assert_cmpint (breakdown (report->by_clerk, 0)->staff_id, ==, d.a);
  g_assert_cmpuint (report->words->len, ==, 1);
  g_assert_cmpstr (((KefuCallbackWords *) report->words->pdata[0])->words, ==, "保养很及时");
  g_assert_cmpstr (((KefuCallbackWords *) report->words->pdata[0])->clerk_name, ==, "王芳");
}

int
main (int   argc,
      char *argv[])
{
  /* Local days and weeks: China Standard Time. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  TEST_ADD ("callback-report/figures", test_figures);
  TEST_ADD ("callback-report/team-and-clerk", test_team_and_clerk);
  TEST_ADD ("callback-report/empty-period", test_empty_period);
  TEST_ADD ("callback-report/archive-and-json", test_archive_and_json);
  TEST_ADD ("callback-report/store-calls", test_store_calls);
  return g_test_run ();
}
