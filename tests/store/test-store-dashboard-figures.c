/* test-store-dashboard-figures.c: every figure of the dashboard over the data set of
 * test-store-dashboard.c, counted by hand in the comments, for the period 11-09 to 11-10 and
 * the period before; a team and a clerk; single days (hourly buckets, a call at 23:30 and one
 * at 00:30 the next day); an empty period; and for every figure and key, as many records as
 * the figure.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store-dashboard.h"

#define ORDER KEFU_CALL_KIND_ORDER
#define COMPLAINT KEFU_CALL_KIND_COMPLAINT
#define INQUIRY KEFU_CALL_KIND_INQUIRY

static guint
bucket (const KefuDashboardCount *count,
        guint                     i)
{
  g_assert_cmpuint (i, <, count->series->len);
  return g_array_index (count->series, guint, i);
}

static void
records (KefuStore           *store,
         const KefuDashboard *dash,
         KefuDashboardFigure  figure,
         gint64               key,
         guint                expected)
{
  g_autoptr(GArray) ids = dash_assert_records (store, dash, figure, key, expected);
}

static const KefuDashboardClerk *
clerk_row (const KefuDashboard *dash,
           gint64               staff_id)
{
  for (guint i = 0; i < dash->clerks->len; i++)
    {
      const KefuDashboardClerk *c = &g_array_index (dash->clerks, KefuDashboardClerk, i);

      if (c->staff_id == staff_id)
        return c;
    }
  g_error ("No row for staff %" G_GINT64_FORMAT, staff_id);
  return NULL;
}

static void
assert_clerk (const KefuDashboard *dash,
              gint64               staff_id,
              guint                calls,
              guint                inquiries,
              guint                converted,
              guint                complaints,
              guint                callbacks_done)
{
  const KefuDashboardClerk *c = clerk_row (dash, staff_id);

  g_assert_cmpuint (c->calls, ==, calls);
  g_assert_cmpuint (c->inquiries, ==, inquiries);
  g_assert_cmpuint (c->converted, ==, converted);
  g_assert_cmpuint (c->complaints, ==, complaints);
  g_assert_cmpuint (c->callbacks_done, ==, callbacks_done);
}

/* Every figure and key of `dash` has as many records as it counts. */
static void
assert_all_records (KefuStore           *store,
                    const KefuDashboard *dash)
{
  records (store, dash, KEFU_DASHBOARD_FIGURE_CALLS, -1, dash->calls_total.value);
  for (guint k = 0; k < KEFU_DASHBOARD_N_CALL_KINDS; k++)
    records (store, dash, KEFU_DASHBOARD_FIGURE_CALLS, k, dash->calls[k].value);
  for (guint h = 0; h < 24; h++)
    {
      guint n = 0;

      for (guint k = 0; k < KEFU_DASHBOARD_N_CALL_KINDS; k++)
        n += dash->calls_by_hour[h][k];
      records (store, dash, KEFU_DASHBOARD_FIGURE_CALLS_AT_HOUR, h, n);
    }
  records (store, dash, KEFU_DASHBOARD_FIGURE_OPENED, -1, dash->opened.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_OPENED, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
           dash->opened_product.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_OPENED, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
           dash->opened_service.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_OPENED, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED,
           dash->opened_explained.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_CLOSED, -1, dash->closed.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_OPEN, -1, dash->open_total);
  for (guint s = 0; s < KEFU_DASHBOARD_N_STAGES; s++)
    records (store, dash, KEFU_DASHBOARD_FIGURE_OPEN, s, dash->open_by_stage[s]);
  for (guint i = 0; i < dash->open_by_department->len; i++)
    {
      const KefuDashboardDepartmentCount *c =
        &g_array_index (dash->open_by_department, KefuDashboardDepartmentCount, i);

      records (store, dash, KEFU_DASHBOARD_FIGURE_OPEN_IN_DEPARTMENT, c->department_id,
               c->count);
    }
  records (store, dash, KEFU_DASHBOARD_FIGURE_OPEN_IN_DEPARTMENT, 0, dash->open_unrouted);
  records (store, dash, KEFU_DASHBOARD_FIGURE_OVERDUE, -1, dash->overdue);
  records (store, dash, KEFU_DASHBOARD_FIGURE_RESOLVED, -1, dash->resolved.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_RESOLVED, 1, dash->resolved_on_time.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_RESOLVED, 0,
           dash->resolved.value - dash->resolved_on_time.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_HARMED, -1, dash->harmed.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_HARMED, 0, dash->harmed_unvisited);
  records (store, dash, KEFU_DASHBOARD_FIGURE_BATCH_ALERTS, -1, dash->batch_alerts.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_BATCH_ALERTS, 0, dash->batch_alerts_open);
  records (store, dash, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, -1, dash->callbacks_due.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 0, dash->callbacks_open);
  records (store, dash, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 1, dash->callbacks_on_time.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 2, dash->callbacks_late.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_SATISFACTION, KEFU_SATISFACTION_SATISFIED,
           dash->satisfied.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_SATISFACTION, KEFU_SATISFACTION_SO_SO,
           dash->so_so.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_SATISFACTION, KEFU_SATISFACTION_NOT_SATISFIED,
           dash->not_satisfied.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_MEMBERS_UNCOVERED, 0,
           dash->n_members - dash->n_members_covered);
  records (store, dash, KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 0, dash->in_transit);
  records (store, dash, KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 1, dash->awaiting_receipt);
  records (store, dash, KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 2, dash->shipments_overdue);
  records (store, dash, KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 3, dash->received.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_OPEN, -1, dash->jobs_open_total);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_OPEN, 9999, dash->jobs_overdue);
  for (guint k = 0; k < KEFU_DASHBOARD_N_JOB_KINDS; k++)
    for (guint s = 0; s < KEFU_DASHBOARD_N_JOB_STEPS; s++)
      records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_OPEN, k * 100 + s, dash->jobs_open[k][s]);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, -1,
           dash->jobs_completed_total.value);
  for (guint k = 0; k < KEFU_DASHBOARD_N_JOB_KINDS; k++)
    records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, k, dash->jobs_completed[k]);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 100, dash->in_warranty.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 101, dash->paid.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 102, dash->field_first.value);
  records (store, dash, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 103,
           dash->field_first_fixed.value);
  for (guint i = 0; i < dash->clerks->len; i++)
    {
      const KefuDashboardClerk *c = &g_array_index (dash->clerks, KefuDashboardClerk, i);

      records (store, dash, KEFU_DASHBOARD_FIGURE_CLERK_CALLS, c->staff_id, c->calls);
      records (store, dash, KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES, c->staff_id, c->inquiries);
      records (store, dash, KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES, -c->staff_id, c->converted);
      records (store, dash, KEFU_DASHBOARD_FIGURE_CLERK_COMPLAINTS, c->staff_id, c->complaints);
      records (store, dash, KEFU_DASHBOARD_FIGURE_CLERK_CALLBACKS, c->staff_id,
               c->callbacks_done);
    }
}

static void
test_period (Fixture       *fixture,
             gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) dash = NULL;
  const KefuDashboardDepartmentCount *dep;
  DashData d;

  dash_setup (store, &d);
  dash = dash_make (store, 11, 9, 11, 10, 0, 0);
  g_assert_false (dash->hourly);
  g_assert_cmpuint (dash->n_buckets, ==, 2);

  /* Calls. P: orders c1 c6; complaints k1 k3 k4 k5 k6 (k6's complaint is archived, its call
   * is not); inquiries c2 c3: 9. Day 0 (11-09): c1 k1 k3 k5 k6; day 1: c2 c3 c6 k4. B: c4,
   * k2, k7. c5 is after the period. */
  dash_assert_count (&dash->calls_total, 9, 3);
  g_assert_cmpuint (bucket (&dash->calls_total, 0), ==, 5);
  g_assert_cmpuint (bucket (&dash->calls_total, 1), ==, 4);
  dash_assert_count (&dash->calls[ORDER], 2, 1);
  dash_assert_count (&dash->calls[COMPLAINT], 5, 2);
  dash_assert_count (&dash->calls[INQUIRY], 2, 0);
  /* By local hour: c1 at 23 and c2 at 0, though both are on 11-09 in UTC. */
  g_assert_cmpuint (dash->calls_by_hour[23][ORDER], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[0][INQUIRY], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[10][INQUIRY], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[10][COMPLAINT], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[11][ORDER], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[12][COMPLAINT], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[9][COMPLAINT], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[15][COMPLAINT], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[20][COMPLAINT], ==, 1);
  g_assert_cmpuint (dash->calls_by_hour[16][ORDER], ==, 0);

  /* Complaints received: P k1 k3 k4 (product), k5 (not well founded); k6 archived. B: k2,
   * k7 (service). Harmed: k3 k4. */
  dash_assert_count (&dash->opened, 4, 2);
  g_assert_cmpuint (bucket (&dash->opened, 0), ==, 3);
  g_assert_cmpuint (bucket (&dash->opened, 1), ==, 1);
  dash_assert_count (&dash->opened_product, 3, 0);
  dash_assert_count (&dash->opened_service, 0, 2);
  dash_assert_count (&dash->opened_explained, 1, 0);
  dash_assert_count (&dash->harmed, 2, 0);
  g_assert_cmpuint (dash->harmed_unvisited, ==, 1);
  /* Closed: k5 (explained at the call, 11-09) and k2 (11-10). */
  dash_assert_count (&dash->closed, 2, 0);
  g_assert_cmpuint (bucket (&dash->closed, 0), ==, 1);
  /* Resolved with a deadline: k1 on time, k2 late. */
  dash_assert_count (&dash->resolved, 2, 0);
  dash_assert_count (&dash->resolved_on_time, 1, 0);
  /* Open now: k1 resolved, k3 in progress, k4 and k7 routed; overdue k4 (due 11-10 12:30) and
   * k7 (due 11-07 12:00). */
  g_assert_cmpuint (dash->open_total, ==, 4);
  g_assert_cmpuint (dash->open_by_stage[KEFU_COMPLAINT_STAGE_ROUTED], ==, 2);
  g_assert_cmpuint (dash->open_by_stage[KEFU_COMPLAINT_STAGE_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (dash->open_by_stage[KEFU_COMPLAINT_STAGE_RESOLVED], ==, 1);
  g_assert_cmpuint (dash->open_by_stage[KEFU_COMPLAINT_STAGE_NEW], ==, 0);
  g_assert_cmpuint (dash->overdue, ==, 2);
  g_assert_cmpuint (dash->open_unrouted, ==, 0);
  /* Routes: product → QC, CS, GM office; service → CS. CS: k1 k3 k4 k7; QC and GM: k1 k3 k4,
   * by name as bytes (品 E5 93 < 总 E6 80). */
  g_assert_cmpuint (dash->open_by_department->len, ==, 3);
  dep = &g_array_index (dash->open_by_department, KefuDashboardDepartmentCount, 0);
  g_assert_cmpint (dep->department_id, ==, d.co.cs_department);
  g_assert_cmpuint (dep->count, ==, 4);
  dep = &g_array_index (dash->open_by_department, KefuDashboardDepartmentCount, 1);
  g_assert_cmpint (dep->department_id, ==, d.co.qc_department);
  g_assert_cmpuint (dep->count, ==, 3);
  dep = &g_array_index (dash->open_by_department, KefuDashboardDepartmentCount, 2);
  g_assert_cmpint (dep->department_id, ==, d.co.gm_department);
  g_assert_cmpuint (dep->count, ==, 3);
  /* Medians. Acknowledged in P: k3 600 s, k1 3600 s: the lower, 600; B: k2 3600 s. Resolved
   * in P: k1 86400 s, k2 172800 s: 86400. First visit: k3, 3600 s. */
  g_assert_cmpfloat_with_epsilon (dash->median_acknowledge.value, 600.0, 0.01);
  g_assert_cmpuint (dash->median_acknowledge.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (dash->median_acknowledge.previous, 3600.0, 0.01);
  g_assert_cmpuint (dash->median_acknowledge.previous_n, ==, 1);
  g_assert_cmpfloat_with_epsilon (dash->median_resolve.value, 86400.0, 0.01);
  g_assert_cmpuint (dash->median_resolve.n, ==, 2);
  g_assert_cmpuint (dash->median_resolve.previous_n, ==, 0);
  g_assert_cmpfloat_with_epsilon (dash->median_first_visit.value, 3600.0, 0.01);
  g_assert_cmpuint (dash->median_first_visit.n, ==, 1);
  /* The batch alert raised by k4 on 11-10, still open. */
  dash_assert_count (&dash->batch_alerts, 1, 0);
  g_assert_cmpuint (bucket (&dash->batch_alerts, 1), ==, 1);
  g_assert_cmpuint (dash->batch_alerts_open, ==, 1);

  /* Callbacks with their deadline in P: cb1 cb2 cb3 cb5 due (cb4 cancelled, cb6 archived);
   * cb1 on time, cb2 late, cb3 open, cb5 unreachable. B: cb7, on time, not satisfied. */
  dash_assert_count (&dash->callbacks_due, 4, 1);
  g_assert_cmpuint (bucket (&dash->callbacks_due, 0), ==, 2);
  dash_assert_count (&dash->callbacks_on_time, 1, 1);
  dash_assert_count (&dash->callbacks_late, 1, 0);
  g_assert_cmpuint (dash->callbacks_open, ==, 1);
  dash_assert_count (&dash->satisfied, 1, 0);
  dash_assert_count (&dash->so_so, 1, 0);
  dash_assert_count (&dash->not_satisfied, 0, 1);
  /* One member, not surveyed. */
  g_assert_cmpuint (dash->n_members, ==, 1);
  g_assert_cmpuint (dash->n_members_covered, ==, 0);

  /* Shipments now: s1 s2 shipped, s3 delivered, s2 overdue. Received in P: s4 (day 0) s5
   * (day 1), 2 and 2.5 days: the lower median 2; B: s7, 1.25. s6 archived. */
  g_assert_cmpuint (dash->in_transit, ==, 2);
  g_assert_cmpuint (dash->awaiting_receipt, ==, 1);
  g_assert_cmpuint (dash->shipments_overdue, ==, 1);
  dash_assert_count (&dash->received, 2, 1);
  g_assert_cmpuint (bucket (&dash->received, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (dash->median_receipt_days.value, 2.0, 1e-6);
  g_assert_cmpuint (dash->median_receipt_days.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (dash->median_receipt_days.previous, 1.25, 1e-6);
  g_assert_cmpuint (dash->median_receipt_days.previous_n, ==, 1);

  /* Jobs open now: j6 (replacement, reported, overdue), j7 (on-site, dispatched). Completed
   * in P: j1 (installation), j2 j3 (on-site), j5 (factory): day 0 j1 j5, day 1 j2 j3; j9
   * archived; B: j8. First visits: j1 (j2 revisits SN1, j3 revisits j4), fixed; B: j8.
   * In warranty j1 j5; paid j2. */
  g_assert_cmpuint (dash->jobs_open_total, ==, 2);
  g_assert_cmpuint (dash->jobs_open[KEFU_JOB_KIND_REPLACEMENT][KEFU_JOB_STEP_REPORTED], ==, 1);
  g_assert_cmpuint (dash->jobs_open[KEFU_JOB_KIND_ONSITE_REPAIR][KEFU_JOB_STEP_DISPATCHED], ==,
                    1);
  g_assert_cmpuint (dash->jobs_overdue, ==, 1);
  dash_assert_count (&dash->jobs_completed_total, 4, 1);
  g_assert_cmpuint (bucket (&dash->jobs_completed_total, 0), ==, 2);
  g_assert_cmpuint (dash->jobs_completed[KEFU_JOB_KIND_INSTALLATION], ==, 1);
  g_assert_cmpuint (dash->jobs_completed[KEFU_JOB_KIND_ONSITE_REPAIR], ==, 2);
  g_assert_cmpuint (dash->jobs_completed[KEFU_JOB_KIND_FACTORY_REPAIR], ==, 1);
  dash_assert_count (&dash->field_first, 1, 1);
  dash_assert_count (&dash->field_first_fixed, 1, 1);
  dash_assert_count (&dash->in_warranty, 2, 1);
  dash_assert_count (&dash->paid, 1, 0);

  /* Clerks in P. A: calls c1 c2 k1 k3 k6, inquiry c2 converted, complaints k1 k3, callback
   * cb1. B: c6 k5; k5; cb2 and k2's after-complaint callback recorded on the board. C: c3
   * k4; inquiry c3; k4; cb5. */
  g_assert_cmpuint (dash->clerks->len, ==, 3);
  assert_clerk (dash, d.a, 5, 1, 1, 2, 1);
  assert_clerk (dash, d.b, 2, 0, 0, 1, 2);
  assert_clerk (dash, d.c, 2, 1, 0, 1, 1);
  for (guint i = 1; i < dash->clerks->len; i++)
    g_assert_cmpint (g_strcmp0 (g_array_index (dash->clerks, KefuDashboardClerk, i - 1).name,
                                g_array_index (dash->clerks, KefuDashboardClerk, i).name), <, 0);

  assert_all_records (store, dash);
}

static void
test_team_and_clerk (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) team = NULL;
  g_autoptr(KefuDashboard) clerk = NULL;
  DashData d;

  dash_setup (store, &d);

  /* The CS department (A, B): calls A 5 + B 2; B: c4 k2 k7 (B's). Complaints k1 k3 k5; B k2
   * k7. Callbacks cb1 cb2 cb3 (cb5 is C's). Open k1 k3 k7; overdue k7. Shipments by A: s1 s2
   * in transit, s2 overdue, none awaiting (s3 is C's). Jobs: j5 is C's. */
  team = dash_make (store, 11, 9, 11, 10, d.co.cs_department, 0);
  dash_assert_count (&team->calls_total, 7, 3);
  dash_assert_count (&team->opened, 3, 2);
  dash_assert_count (&team->harmed, 1, 0);
  g_assert_cmpuint (team->harmed_unvisited, ==, 0);
  dash_assert_count (&team->callbacks_due, 3, 1);
  g_assert_cmpuint (team->open_total, ==, 3);
  g_assert_cmpuint (team->overdue, ==, 1);
  /* The alert is raised by k4, C's. */
  dash_assert_count (&team->batch_alerts, 0, 0);
  g_assert_cmpuint (team->in_transit, ==, 2);
  g_assert_cmpuint (team->awaiting_receipt, ==, 0);
  dash_assert_count (&team->jobs_completed_total, 3, 1);
  g_assert_cmpuint (team->clerks->len, ==, 2);
  assert_all_records (store, team);

  /* C alone: c3 k4; k4 harmed, not visited, overdue, its alert; cb5; s3; j5. */
  clerk = dash_make (store, 11, 9, 11, 10, 0, d.c);
  dash_assert_count (&clerk->calls_total, 2, 0);
  dash_assert_count (&clerk->calls[INQUIRY], 1, 0);
  dash_assert_count (&clerk->opened, 1, 0);
  dash_assert_count (&clerk->harmed, 1, 0);
  g_assert_cmpuint (clerk->harmed_unvisited, ==, 1);
  g_assert_cmpuint (clerk->overdue, ==, 1);
  dash_assert_count (&clerk->batch_alerts, 1, 0);
  dash_assert_count (&clerk->callbacks_due, 1, 0);
  dash_assert_count (&clerk->callbacks_on_time, 0, 0);
  g_assert_cmpuint (clerk->awaiting_receipt, ==, 1);
  g_assert_cmpuint (clerk->in_transit, ==, 0);
  dash_assert_count (&clerk->jobs_completed_total, 1, 0);
  g_assert_cmpuint (clerk->jobs_completed[KEFU_JOB_KIND_FACTORY_REPAIR], ==, 1);
  g_assert_cmpuint (clerk->clerks->len, ==, 1);
  assert_clerk (clerk, d.c, 2, 1, 0, 1, 1);
  assert_all_records (store, clerk);
}

static void
test_single_days (Fixture       *fixture,
                  gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) nov10 = NULL;
  g_autoptr(KefuDashboard) nov9 = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) expected = NULL;
  DashData d;

  dash_setup (store, &d);

  /* 11-10 by hour: c2 at 0, c3 at 10, c6 at 11, k4 at 12; the day before, 11-09: c1 k1 k3
   * k5 k6. */
  nov10 = dash_make (store, 11, 10, 11, 10, 0, 0);
  g_assert_true (nov10->hourly);
  g_assert_cmpuint (nov10->n_buckets, ==, 24);
  dash_assert_count (&nov10->calls_total, 4, 5);
  g_assert_cmpuint (bucket (&nov10->calls_total, 0), ==, 1);
  g_assert_cmpuint (bucket (&nov10->calls_total, 10), ==, 1);
  g_assert_cmpuint (bucket (&nov10->calls_total, 11), ==, 1);
  g_assert_cmpuint (bucket (&nov10->calls_total, 12), ==, 1);
  g_assert_cmpuint (bucket (&nov10->calls_total, 23), ==, 0);
  start = kefu_dashboard_bucket_start (nov10, 12);
  expected = g_date_time_new_local (2026, 11, 10, 12, 0, 0);
  g_assert_true (g_date_time_equal (start, expected));
  /* Callbacks due 11-10: cb2 cb3; the day before: cb1 cb5. */
  dash_assert_count (&nov10->callbacks_due, 2, 2);
  assert_all_records (store, nov10);

  /* 11-09: c1 at 23:30 in the last hour; the day before, 11-08: c4 and k2. */
  nov9 = dash_make (store, 11, 9, 11, 9, 0, 0);
  dash_assert_count (&nov9->calls_total, 5, 2);
  g_assert_cmpuint (bucket (&nov9->calls_total, 23), ==, 1);
  g_assert_cmpuint (bucket (&nov9->calls_total, 0), ==, 0);
  assert_all_records (store, nov9);
}

static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) dash = NULL;
  DashData d;

  dash_setup (store, &d);

  /* June and the 30 days before it hold nothing. */
  dash = dash_make (store, 6, 1, 6, 30, 0, 0);
  g_assert_cmpuint (dash->n_buckets, ==, 30);
  dash_assert_count (&dash->calls_total, 0, 0);
  dash_assert_count (&dash->opened, 0, 0);
  dash_assert_count (&dash->closed, 0, 0);
  dash_assert_count (&dash->resolved, 0, 0);
  dash_assert_count (&dash->harmed, 0, 0);
  dash_assert_count (&dash->batch_alerts, 0, 0);
  dash_assert_count (&dash->callbacks_due, 0, 0);
  dash_assert_count (&dash->received, 0, 0);
  dash_assert_count (&dash->jobs_completed_total, 0, 0);
  g_assert_cmpuint (dash->median_acknowledge.n, ==, 0);
  g_assert_cmpfloat (dash->median_acknowledge.value, ==, 0.0);
  g_assert_cmpuint (dash->median_resolve.n, ==, 0);
  g_assert_cmpuint (dash->median_first_visit.n, ==, 0);
  g_assert_cmpuint (dash->median_receipt_days.n, ==, 0);
  g_assert_cmpuint (dash->median_receipt_days.previous_n, ==, 0);
  g_assert_cmpuint (dash->clerks->len, ==, 0);
  g_assert_cmpuint (dash->harmed_unvisited, ==, 0);
  /* What is open now is not bound to the period. */
  g_assert_cmpuint (dash->open_total, ==, 4);
  g_assert_cmpuint (dash->jobs_open_total, ==, 2);
  assert_all_records (store, dash);
}

void
test_store_add_dashboard_figure_tests (void)
{
  TEST_ADD ("dashboard/period", test_period);
  TEST_ADD ("dashboard/team-and-clerk", test_team_and_clerk);
  TEST_ADD ("dashboard/single-days", test_single_days);
  TEST_ADD ("dashboard/empty-period", test_empty_period);
}
