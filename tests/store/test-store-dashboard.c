/* test-store-dashboard.c: the managers' dashboard (kefu-store-dashboard.h) on both backends:
 * the fixed data set, the records lists and reading their lines, the asynchronous call; the
 * figures themselves are checked in test-store-dashboard-figures.c.
 *
 * The data set (local times, Asia/Shanghai; P = 11-09 and 11-10, B = the period before, 11-07
 * and 11-08; A and B are the CS department's clerks, C the other team's):
 *
 * Calls (each complaint below is a call too; calls are never archived):
 *   c1 order A 11-09 23:30 (P day 0, hour 23: 15:30 UTC on 11-09)
 *   c2 inquiry A 11-10 00:30 with a lead (P day 1, hour 0: 16:30 UTC on 11-09, the same UTC day
 *      as c1), converted by c6
 *   c3 inquiry C 11-10 10:00     c4 order B 11-08 12:00 (B)     c5 order A 11-11 00:00 (after)
 *   c6 order B 11-10 11:00, converting c2's lead
 * Complaints (round-the-clock working time: ack 2 h, harmed 30 min, resolve product 2 days,
 * service 1 day, all from the step before):
 *   k1 product A 11-09 10:00, acknowledged 11:00, resolved 11-10 10:00 (due 11-11 11:00: on
 *      time); open (resolved)
 *   k2 service B 11-08 08:00 (B), acknowledged 09:00, resolved 11-10 08:00 (due 11-09 09:00:
 *      late), called back by B 11-10 09:00, closed 11-10 10:00
 *   k3 product harmed A 11-09 20:00, acknowledged 20:10, visited 21:00; open (in progress)
 *   k4 product harmed C 11-10 12:00, not visited; open (routed), overdue (ack due 12:30); the
 *      third product complaint of the batch in 7 days: its batch alert, flagged 11-10 12:00
 *   k5 not well founded B 11-09 15:00: explained and closed at the call
 *   k6 service A 11-09 09:00, archived
 *   k7 service B 11-07 10:00 (B); open (routed), overdue (ack due 12:00)
 * Callbacks (deadline; done; clerk):
 *   cb1 11-09 17:00 done 16:00 by A, reached, satisfied: on time
 *   cb2 11-10 17:00 done 17:30 by B, reached, so-so: late
 *   cb3 11-10 23:30 due, A: open
 *   cb4 11-10 12:00 cancelled (not due)
 *   cb5 11-09 12:00 done 11:00 by C, unreachable
 *   cb6 11-09 10:00 done 09:00 by A, satisfied, archived
 *   cb7 11-08 17:00 done 16:00 by A, reached, not satisfied (B)
 *   and k1's and k2's after-complaint callbacks (deadlines 11-13, outside; k2's done by B on
 *   11-10 09:00 when its callback was recorded on the board)
 * Shipments (requested by A unless said):
 *   s1 shipped, attention 11-12 00:00    s2 shipped, attention 11-10 00:00 (overdue)
 *   s3 delivered, attention 11-12, by C
 *   s4 received 11-09 10:00, shipped 11-07 10:00 (2 days)
 *   s5 received 11-10 22:00, shipped 11-08 10:00 (2.5 days)
 *   s6 received 11-10 10:00, archived    s7 received 11-08 16:00, shipped 11-07 10:00 (1.25, B)
 * Service jobs (reported by A unless said):
 *   j1 installation SN1 completed 11-09 14:00, fixed, in warranty: a first visit, fixed
 *   j2 on-site repair SN1 completed 11-10 15:00, out of warranty with a fee: a revisit of j1
 *   j3 on-site repair, no serial, completed 11-10 09:00: a revisit of j4 (same customer and
 *      product, 21 days before)
 *   j4 on-site repair, no serial, completed 10-20 09:00 (outside)
 *   j5 factory repair completed 11-09 10:00, in warranty, by C
 *   j6 replacement, reported, attention 11-09 10:00 (overdue)
 *   j7 on-site repair, dispatched, attention 11-11 00:00
 *   j8 installation SN9 completed 11-08 12:00, fixed (B: a first visit, fixed)
 *   j9 installation completed 11-10 10:00, archived     j10 installation cancelled
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>
#include <time.h>

#include "core/kefu-enums.h"
#include "store/kefu-store-archive.h"
#include "store/kefu-store-clock.h"
#include "test-store-dashboard.h"

static GDateTime *
local (int month,
       int day,
       int hour,
       int minute)
{
  return test_local_time (2026, month, day, hour, minute);
}

static char *
db_time (int month,
         int day,
         int hour,
         int minute)
{
  g_autoptr(GDateTime) t = NULL;

  if (month == 0)
    return NULL;
  t = local (month, day, hour, minute);
  return kefu_time_to_db (t);
}

static void
set_clock (KefuStore *store,
           int        month,
           int        day,
           int        hour,
           int        minute)
{
  g_autoptr(GDateTime) t = local (month, day, hour, minute);

  kefu_store_set_clock (store, t);
}

static gint64
save_call (KefuStore *store,
           KefuCall  *call)
{
  GDateTime *received = kefu_call_get_received_at (call);

  kefu_store_set_clock (store, received);
  kefu_store_set_system_actor (store);
  test_save_call (store, call);
  return kefu_record_get_id (KEFU_RECORD (call));
}

static gint64
complaint (KefuStore             *store,
           DashData              *d,
           gint64                 clerk,
           KefuComplaintCategory  category,
           gboolean               harmed,
           int                    month,
           int                    day,
           int                    hour,
           int                    minute)
{
  g_autoptr(GDateTime) received = local (month, day, hour, minute);
  g_autoptr(KefuCall) call = test_complaint_call (&d->co, clerk, "13800138000", category, harmed,
                                                  received);
  KefuComplaint *c = kefu_call_get_complaint (call);

  if (category == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    {
      kefu_complaint_set_well_founded (c, FALSE);
      kefu_complaint_set_explanation (c, "已向客户解释保质期");
    }
  save_call (store, call);
  return kefu_record_get_id (KEFU_RECORD (c));
}

static void
act (KefuStore           *store,
     gint64               actor,
     KefuComplaintAction  action,
     gint64               id,
     const char          *text,
     int                  month,
     int                  day,
     int                  hour,
     int                  minute)
{
  g_autoptr(KefuComplaintCard) card = NULL;

  set_clock (store, month, day, hour, minute);
  card = tc_do (store, actor, action, id, text);
}

static void
calls (KefuStore *store,
       DashData  *d)
{
  g_autoptr(GDateTime) t1 = local (11, 9, 23, 30);
  g_autoptr(GDateTime) t2 = local (11, 10, 0, 30);
  g_autoptr(GDateTime) t3 = local (11, 10, 10, 0);
  g_autoptr(GDateTime) t4 = local (11, 8, 12, 0);
  g_autoptr(GDateTime) t5 = local (11, 11, 0, 0);
  g_autoptr(GDateTime) t6 = local (11, 10, 11, 0);
  g_autoptr(KefuCall) c1 = test_order_call (&d->co, d->a, "13800138000", NULL,
                                            KEFU_CHANNEL_HOME_DELIVERY, t1);
  g_autoptr(KefuCall) c2 = test_inquiry_call (d->a, "13800138000", TRUE, t2);
  g_autoptr(KefuCall) c3 = test_inquiry_call (d->c, "13800138000", FALSE, t3);
  g_autoptr(KefuCall) c4 = test_order_call (&d->co, d->b, "13800138000", NULL,
                                            KEFU_CHANNEL_HOME_DELIVERY, t4);
  g_autoptr(KefuCall) c5 = test_order_call (&d->co, d->a, "13800138000", NULL,
                                            KEFU_CHANNEL_HOME_DELIVERY, t5);
  g_autoptr(KefuCall) c6 = test_order_call (&d->co, d->b, "13800138000", NULL,
                                            KEFU_CHANNEL_HOME_DELIVERY, t6);

  save_call (store, c1);
  save_call (store, c2);
  save_call (store, c3);
  save_call (store, c4);
  save_call (store, c5);
  g_assert_cmpint (kefu_inquiry_get_lead_id (kefu_call_get_inquiry (c2)), >, 0);
  kefu_order_set_lead_id (kefu_call_get_order (c6),
                          kefu_inquiry_get_lead_id (kefu_call_get_inquiry (c2)));
  save_call (store, c6);
  d->customer = kefu_call_get_customer_id (c1);
}

static void
complaints (KefuStore *store,
            DashData  *d)
{
  const KefuComplaintCategory product = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  const KefuComplaintCategory service = KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY;
  g_autoptr(GError) error = NULL;

  d->k[7] = complaint (store, d, d->b, service, FALSE, 11, 7, 10, 0);
  d->k[2] = complaint (store, d, d->b, service, FALSE, 11, 8, 8, 0);
  act (store, d->co.cs_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, d->k[2], NULL, 11, 8, 9, 0);
  d->k[6] = complaint (store, d, d->a, service, FALSE, 11, 9, 9, 0);
  d->k[1] = complaint (store, d, d->a, product, FALSE, 11, 9, 10, 0);
  act (store, d->co.qc_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, d->k[1], NULL, 11, 9, 11, 0);
  d->k[5] = complaint (store, d, d->b, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, FALSE, 11, 9, 15, 0);
  d->k[3] = complaint (store, d, d->a, product, TRUE, 11, 9, 20, 0);
  act (store, d->co.qc_manager, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE, d->k[3], NULL, 11, 9, 20, 10);
  {
    g_autoptr(KefuComplaintChange) visit = tc_change_new (store,
                                                          KEFU_COMPLAINT_ACTION_RECORD_VISIT,
                                                          d->k[3], "客户已出院");
    g_autoptr(KefuComplaintCard) card = NULL;

    set_clock (store, 11, 9, 22, 0);
    visit->visitors = g_strdup ("王经理");
    visit->visited_at = local (11, 9, 21, 0);
    card = tc_apply (store, d->co.cs_manager, visit);
  }
  act (store, d->co.cs_manager, KEFU_COMPLAINT_ACTION_RESOLVE, d->k[2], "已道歉并补送", 11, 10,
       8, 0);
  {
    g_autoptr(KefuComplaintChange) callback =
      tc_change_new (store, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, d->k[2], NULL);
    g_autoptr(KefuComplaintCard) card = NULL;

    set_clock (store, 11, 10, 9, 0);
    callback->satisfaction = KEFU_SATISFACTION_SATISFIED;
    card = tc_apply (store, d->b, callback);
  }
  act (store, d->b, KEFU_COMPLAINT_ACTION_CLOSE, d->k[2], NULL, 11, 10, 10, 0);
  act (store, d->co.qc_manager, KEFU_COMPLAINT_ACTION_RESOLVE, d->k[1], "已更换产品", 11, 10,
       10, 0);
  d->k[4] = complaint (store, d, d->c, product, TRUE, 11, 10, 12, 0);

  set_clock (store, 11, 10, 13, 0);
  kefu_store_set_actor (store, d->co.team_lead);
  g_assert_true (kefu_store_archive_record (store, KEFU_ARCHIVE_COMPLAINT, d->k[6],
                                            tc_version (store, d->k[6]), NULL, NULL, &error));
  g_assert_no_error (error);
}

static gint64
insert_id (KefuStore  *store,
           const char *sql,
           GVariant   *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, params, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

typedef struct
{
  int         month, day, hour, minute;               /* the deadline */
  const char *state;
  const char *outcome;
  const char *satisfaction;
  int         done_month, done_day, done_hour, done_minute;
  gint64      clerk;
  gboolean    archived;
} CallbackRow;

static gint64
insert_callback (KefuStore         *store,
                 DashData          *d,
                 const CallbackRow *r)
{
  g_autofree char *deadline = db_time (r->month, r->day, r->hour, r->minute);
  g_autofree char *done_at = db_time (r->done_month, r->done_day, r->done_hour, r->done_minute);
  gboolean done = g_strcmp0 (r->state, "done") == 0;

  return insert_id (store,
                    "INSERT INTO callbacks (customer_id, customer_name, reason, due_at, "
                    "deadline_at, state, outcome, satisfaction, done_at, done_by, assigned_to, "
                    "method, created_by, archived_at) "
                    "VALUES ($1, '张三', 'other', $2, $2, $3, $4, $5, $6, $7, $8, 'phone', $8, "
                    "$9) RETURNING id",
                    g_variant_new ("(xssmsmsmsmxxms)", d->customer, deadline, r->state,
                                   r->outcome, r->satisfaction, done_at, done, r->clerk,
                                   r->clerk, r->archived ? deadline : NULL));
}

static void
callbacks (KefuStore *store,
           DashData  *d)
{
  const CallbackRow rows[] = {
    { 0 },
    { 11, 9, 17, 0, "done", "reached", "satisfied", 11, 9, 16, 0, d->a, FALSE },
    { 11, 10, 17, 0, "done", "reached", "so-so", 11, 10, 17, 30, d->b, FALSE },
    { 11, 10, 23, 30, "due", NULL, NULL, 0, 0, 0, 0, d->a, FALSE },
    { 11, 10, 12, 0, "cancelled", NULL, NULL, 0, 0, 0, 0, d->a, FALSE },
    { 11, 9, 12, 0, "done", "unreachable", NULL, 11, 9, 11, 0, d->c, FALSE },
    { 11, 9, 10, 0, "done", "reached", "satisfied", 11, 9, 9, 0, d->a, TRUE },
    { 11, 8, 17, 0, "done", "reached", "not-satisfied", 11, 8, 16, 0, d->a, FALSE },
  };

  for (guint i = 1; i < G_N_ELEMENTS (rows); i++)
    d->cb[i] = insert_callback (store, d, &rows[i]);
}

static gint64
insert_shipment (KefuStore  *store,
                 DashData   *d,
                 guint       n,
                 const char *step,
                 gint64      by,
                 const char *shipped_at,
                 const char *received_at,
                 const char *attention_at,
                 gboolean    archived)
{
  g_autofree char *reference = g_strdup_printf ("FH-20261101-%04u", n);
  g_autofree char *requested_at = db_time (11, 1, 9, 0);

  return insert_id (store,
                    "INSERT INTO shipments (reference, step, customer_id, customer_name, "
                    "requested_at, requested_by, shipped_at, received_at, attention_at, "
                    "archived_at) VALUES ($1, $2, $3, '张三', $4, $5, $6, $7, $8, $9) "
                    "RETURNING id",
                    g_variant_new ("(ssxsxmsmsmsms)", reference, step, d->customer,
                                   requested_at, by, shipped_at, received_at, attention_at,
                                   archived ? requested_at : NULL));
}

static void
shipments (KefuStore *store,
           DashData  *d)
{
  g_autofree char *nov12 = db_time (11, 12, 0, 0);
  g_autofree char *nov10 = db_time (11, 10, 0, 0);
  g_autofree char *s4_shipped = db_time (11, 7, 10, 0);
  g_autofree char *s4_received = db_time (11, 9, 10, 0);
  g_autofree char *s5_shipped = db_time (11, 8, 10, 0);
  g_autofree char *s5_received = db_time (11, 10, 22, 0);
  g_autofree char *s6_shipped = db_time (11, 6, 10, 0);
  g_autofree char *s6_received = db_time (11, 10, 10, 0);
  g_autofree char *s7_received = db_time (11, 8, 16, 0);

  d->s[1] = insert_shipment (store, d, 1, "shipped", d->a, s4_shipped, NULL, nov12, FALSE);
  d->s[2] = insert_shipment (store, d, 2, "shipped", d->a, s4_shipped, NULL, nov10, FALSE);
  d->s[3] = insert_shipment (store, d, 3, "delivered", d->c, s4_shipped, NULL, nov12, FALSE);
  d->s[4] = insert_shipment (store, d, 4, "received", d->a, s4_shipped, s4_received, NULL,
                             FALSE);
  d->s[5] = insert_shipment (store, d, 5, "received", d->a, s5_shipped, s5_received, NULL,
                             FALSE);
  d->s[6] = insert_shipment (store, d, 6, "received", d->a, s6_shipped, s6_received, NULL, TRUE);
  d->s[7] = insert_shipment (store, d, 7, "received", d->a, s4_shipped, s7_received, NULL,
                             FALSE);
}

typedef struct
{
  const char *kind;
  const char *step;
  const char *serial;
  const char *warranty;
  gint64      fee_fen;
  gboolean    fixed;
  int         month, day, hour;    /* completed (month 0: not) */
  int         a_month, a_day, a_hour;  /* attention (open jobs) */
  gboolean    by_c;
  gboolean    archived;
} JobRow;

static gint64
insert_job (KefuStore    *store,
            DashData     *d,
            guint         n,
            const JobRow *r)
{
  g_autofree char *reference = g_strdup_printf ("SH-20261001-%04u", n);
  g_autofree char *reported_at = db_time (10, 1, 9, 0);
  g_autofree char *completed_at = db_time (r->month, r->day, r->hour, 0);
  g_autofree char *attention_at = db_time (r->a_month, r->a_day, r->a_hour, 0);

  return insert_id (store,
                    "INSERT INTO service_jobs (reference, kind, step, customer_id, "
                    "customer_name, reported_at, reported_by, serial, product_id, warranty, "
                    "fee_fen, fixed, completed_at, attention_at, archived_at) "
                    "VALUES ($1, $2, $3, $4, '张三', $5, $6, $7, $8, $9, $10, "
                    "(CAST($11 AS INTEGER) = 1), $12, $13, $14) RETURNING id",
                    g_variant_new ("(sssxsxmsxsxxmsmsms)", reference, r->kind, r->step,
                                   d->customer, reported_at, r->by_c ? d->c : d->a, r->serial,
                                   d->co.milk, r->warranty, r->fee_fen, (gint64) r->fixed,
                                   completed_at, attention_at,
                                   r->archived ? reported_at : NULL));
}

static void
jobs (KefuStore *store,
      DashData  *d)
{
  const JobRow rows[] = {
    { 0 },
    { "installation", "completed", "SN1", "in", 0, TRUE, 11, 9, 14, 0, 0, 0, FALSE, FALSE },
    { "onsite-repair", "completed", "SN1", "out", 5000, FALSE, 11, 10, 15, 0, 0, 0, FALSE,
      FALSE },
    { "onsite-repair", "completed", NULL, "unknown", 0, TRUE, 11, 10, 9, 0, 0, 0, FALSE, FALSE },
    { "onsite-repair", "completed", NULL, "unknown", 0, TRUE, 10, 20, 9, 0, 0, 0, FALSE, FALSE },
    { "factory-repair", "completed", "SN5", "in", 0, TRUE, 11, 9, 10, 0, 0, 0, TRUE, FALSE },
    { "replacement", "reported", NULL, "unknown", 0, FALSE, 0, 0, 0, 11, 9, 10, FALSE, FALSE },
    { "onsite-repair", "dispatched", NULL, "in", 0, FALSE, 0, 0, 0, 11, 11, 0, FALSE, FALSE },
    { "installation", "completed", "SN9", "in", 0, TRUE, 11, 8, 12, 0, 0, 0, FALSE, FALSE },
    { "installation", "completed", "SN10", "in", 0, TRUE, 11, 10, 10, 0, 0, 0, FALSE, TRUE },
    { "installation", "cancelled", NULL, "unknown", 0, FALSE, 0, 0, 0, 0, 0, 0, FALSE, FALSE },
  };

  for (guint i = 1; i < G_N_ELEMENTS (rows); i++)
    d->j[i] = insert_job (store, d, i, &rows[i]);
}

void
dash_setup (KefuStore *store,
            DashData  *d)
{
  g_autoptr(KefuCustomer) member = test_new_customer ("华康医院", "13900139000", NULL);
  g_autoptr(GError) error = NULL;

  memset (d, 0, sizeof *d);
  test_company_setup (store, &d->co);
  tc_set_round_the_clock (store);
  d->a = d->co.clerk;
  d->b = d->co.clerk2;
  d->team2 = test_make_department (store, "客服二组");
  d->c = test_make_staff (store, "chenmin", KEFU_ROLE_CLERK, d->team2, TRUE);
  kefu_store_set_system_actor (store);
  kefu_customer_set_is_member (member, TRUE);
  g_assert_true (kefu_store_create_customer (store, member, NULL, &error));
  g_assert_no_error (error);
  d->member = kefu_record_get_id (KEFU_RECORD (member));

  calls (store, d);
  complaints (store, d);
  kefu_store_set_system_actor (store);
  callbacks (store, d);
  shipments (store, d);
  jobs (store, d);
  /* Now: 2026-11-10 18:00. */
  set_clock (store, 11, 10, 18, 0);
}

KefuDashboard *
dash_make (KefuStore *store,
           int        m1,
           int        d1,
           int        m2,
           int        d2,
           gint64     team,
           gint64     clerk)
{
  g_autoptr(GError) error = NULL;
  KefuDashboardQuery query = { 0 };
  KefuDashboard *dash;

  g_date_clear (&query.first, 1);
  g_date_clear (&query.last, 1);
  g_date_set_dmy (&query.first, d1, m1, 2026);
  g_date_set_dmy (&query.last, d2, m2, 2026);
  query.department_id = team;
  query.clerk_id = clerk;
  dash = kefu_store_dashboard (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dash);
  return dash;
}

GArray *
dash_assert_records (KefuStore           *store,
                     const KefuDashboard *dash,
                     KefuDashboardFigure  figure,
                     gint64               key,
                     guint                expected)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = kefu_store_dashboard_record_ids (store, &dash->query, figure, key, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  if (ids->len != expected)
    g_error ("Figure %d key %" G_GINT64_FORMAT ": %u records, the figure is %u", figure, key,
             ids->len, expected);
  return ids;
}

void
dash_assert_count (const KefuDashboardCount *count,
                   guint                     value,
                   guint                     previous)
{
  guint sum = 0;

  g_assert_cmpuint (count->value, ==, value);
  g_assert_cmpuint (count->previous, ==, previous);
  /* The series adds up to the value. */
  for (guint i = 0; i < count->series->len; i++)
    sum += g_array_index (count->series, guint, i);
  g_assert_cmpuint (sum, ==, value);
}

static gint64
id_at (GArray *ids,
       guint   i)
{
  g_assert_cmpuint (i, <, ids->len);
  return g_array_index (ids, gint64, i);
}

/* The lines of a figure's records, newest first, and a page read in the order of the ids. */
static void
test_read_records (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) dash = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) k4_received = local (11, 10, 12, 0);
  const KefuDashboardRecord *r;
  DashData d;

  dash_setup (store, &d);
  dash = dash_make (store, 11, 9, 11, 10, 0, 0);

  /* Opened in the period, newest first: k4 (11-10 12:00), k3, k5, k1. */
  ids = dash_assert_records (store, dash, KEFU_DASHBOARD_FIGURE_OPENED, -1, 4);
  g_assert_cmpint (id_at (ids, 0), ==, d.k[4]);
  g_assert_cmpint (id_at (ids, 1), ==, d.k[3]);
  g_assert_cmpint (id_at (ids, 2), ==, d.k[5]);
  g_assert_cmpint (id_at (ids, 3), ==, d.k[1]);
  g_assert_cmpint (kefu_dashboard_figure_record_kind (KEFU_DASHBOARD_FIGURE_OPENED), ==,
                   KEFU_DASHBOARD_RECORD_COMPLAINT);

  /* A page of two, in the order asked for. */
  lines = kefu_store_dashboard_read_records (store, KEFU_DASHBOARD_RECORD_COMPLAINT,
                                             &g_array_index (ids, gint64, 0), 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  r = lines->pdata[0];
  g_assert_cmpint (r->id, ==, d.k[4]);
  g_assert_cmpint (r->kind, ==, KEFU_DASHBOARD_RECORD_COMPLAINT);
  g_assert_true (g_str_has_prefix (r->reference, "TS-20261110-"));
  g_assert_true (g_date_time_equal (r->at, k4_received));
  g_assert_cmpstr (r->customer, ==, "张三");
  g_assert_cmpstr (r->staff, ==, "chenmin");
  g_assert_cmpstr (r->state, ==, kefu_complaint_stage_get_display_name (
                     KEFU_COMPLAINT_STAGE_ROUTED));
  g_assert_cmpint (((KefuDashboardRecord *) lines->pdata[1])->id, ==, d.k[3]);
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&ids, g_array_unref);

  /* Every other kind of line. */
  {
    const struct { KefuDashboardFigure figure; gint64 key; guint n; const char *prefix; } kinds[] = {
      { KEFU_DASHBOARD_FIGURE_CALLS, -1, 9, NULL },
      { KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, -1, 4, "张三" },
      { KEFU_DASHBOARD_FIGURE_MEMBERS_UNCOVERED, 0, 1, "13900139000" },
      { KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 3, 2, "FH-20261101-" },
      { KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, -1, 4, "SH-20261001-" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        KefuDashboardRecordKind kind = kefu_dashboard_figure_record_kind (kinds[i].figure);

        ids = dash_assert_records (store, dash, kinds[i].figure, kinds[i].key, kinds[i].n);
        lines = kefu_store_dashboard_read_records (store, kind, (gint64 *) (gpointer) ids->data,
                                                   ids->len, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (lines->len, ==, ids->len);
        for (guint j = 0; j < lines->len; j++)
          {
            r = lines->pdata[j];
            g_assert_cmpint (r->id, ==, id_at (ids, j));
            g_assert_cmpint (r->kind, ==, kind);
            g_assert_nonnull (r->state);
            if (kinds[i].prefix != NULL)
              g_assert_true (g_str_has_prefix (r->reference, kinds[i].prefix));
          }
        g_clear_pointer (&lines, g_ptr_array_unref);
        g_clear_pointer (&ids, g_array_unref);
      }
  }
}

static void
dashboard_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KefuDashboard **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = kefu_store_dashboard_finish (KEFU_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* The same dashboard on the worker thread. */
static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) sync = NULL;
  g_autoptr(KefuDashboard) async = NULL;
  DashData d;

  dash_setup (store, &d);
  sync = dash_make (store, 11, 9, 11, 10, d.co.cs_department, 0);
  kefu_store_dashboard_async (store, &sync->query, NULL, dashboard_ready_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (async->calls_total.value, ==, sync->calls_total.value);
  g_assert_cmpuint (async->opened.value, ==, sync->opened.value);
  g_assert_cmpuint (async->callbacks_due.value, ==, sync->callbacks_due.value);
  g_assert_cmpuint (async->clerks->len, ==, sync->clerks->len);
  g_assert_cmpuint (async->jobs_completed_total.value, ==, sync->jobs_completed_total.value);
}

/* The counts kept per hour (schema step 14) follow every change of a record: a complaint
 * given to another clerk moves to that clerk's team; a callback done on time, then archived,
 * adds to and then leaves every callback figure; the figures' records stay as many as the
 * figures. */
static void
test_counts_follow_changes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuDashboard) site = NULL;
  g_autoptr(KefuDashboard) cs = NULL;
  g_autoptr(KefuDashboard) after = NULL;
  g_autoptr(KefuDashboard) cs_after = NULL;
  g_autoptr(KefuDashboard) team2_after = NULL;
  g_autoptr(KefuDashboard) team2 = NULL;
  g_autoptr(GArray) ids = NULL;
  const CallbackRow due = { 11, 10, 15, 0, "due", NULL, NULL, 0, 0, 0, 0, 0, FALSE };
  CallbackRow row = due;
  gint64 callback;
  DashData d;

  dash_setup (store, &d);
  site = dash_make (store, 11, 9, 11, 10, 0, 0);
  cs = dash_make (store, 11, 9, 11, 10, d.co.cs_department, 0);
  team2 = dash_make (store, 11, 9, 11, 10, d.team2, 0);

  /* k1 (product quality, received 11-09, resolved on time) goes from clerk A to clerk C. */
  g_assert_cmpint (insert_id (store, "UPDATE complaints SET owner_id = $1 WHERE id = $2 "
                              "RETURNING id", g_variant_new ("(xx)", d.c, d.k[1])), ==, d.k[1]);
  after = dash_make (store, 11, 9, 11, 10, 0, 0);
  cs_after = dash_make (store, 11, 9, 11, 10, d.co.cs_department, 0);
  team2_after = dash_make (store, 11, 9, 11, 10, d.team2, 0);
  dash_assert_count (&after->opened, site->opened.value, site->opened.previous);
  dash_assert_count (&cs_after->opened, cs->opened.value - 1, cs->opened.previous);
  dash_assert_count (&cs_after->opened_product, cs->opened_product.value - 1,
                     cs->opened_product.previous);
  dash_assert_count (&cs_after->resolved, cs->resolved.value - 1, cs->resolved.previous);
  dash_assert_count (&team2_after->opened, team2->opened.value + 1, team2->opened.previous);
  dash_assert_count (&team2_after->resolved_on_time, team2->resolved_on_time.value + 1,
                     team2->resolved_on_time.previous);
  g_clear_pointer (&ids, g_array_unref);
  ids = dash_assert_records (store, team2_after, KEFU_DASHBOARD_FIGURE_OPENED, -1,
                             team2_after->opened.value);
  g_clear_pointer (&after, kefu_dashboard_free);

  /* A callback of clerk B due on 11-10 at 15:00: due and open. */
  row.clerk = d.b;
  callback = insert_callback (store, &d, &row);
  after = dash_make (store, 11, 9, 11, 10, 0, 0);
  dash_assert_count (&after->callbacks_due, site->callbacks_due.value + 1,
                     site->callbacks_due.previous);
  g_assert_cmpuint (after->callbacks_open, ==, site->callbacks_open + 1);
  g_clear_pointer (&after, kefu_dashboard_free);

  /* Done at 14:00, reached, so-so: on time, no longer open, and clerk B's. */
  {
    g_autofree char *done_at = db_time (11, 10, 14, 0);

    g_assert_cmpint (insert_id (store, "UPDATE callbacks SET state = 'done', "
                                "outcome = 'reached', satisfaction = 'so-so', done_at = $1, "
                                "done_by = $2 WHERE id = $3 RETURNING id",
                                g_variant_new ("(sxx)", done_at, d.b, callback)), ==, callback);
  }
  after = dash_make (store, 11, 9, 11, 10, 0, 0);
  dash_assert_count (&after->callbacks_due, site->callbacks_due.value + 1,
                     site->callbacks_due.previous);
  dash_assert_count (&after->callbacks_on_time, site->callbacks_on_time.value + 1,
                     site->callbacks_on_time.previous);
  dash_assert_count (&after->so_so, site->so_so.value + 1, site->so_so.previous);
  g_assert_cmpuint (after->callbacks_open, ==, site->callbacks_open);
  g_clear_pointer (&ids, g_array_unref);
  ids = dash_assert_records (store, after, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 1,
                             after->callbacks_on_time.value);
  g_clear_pointer (&after, kefu_dashboard_free);

  /* Archived: out of every figure again. */
  {
    g_autofree char *archived_at = db_time (11, 10, 16, 0);

    g_assert_cmpint (insert_id (store, "UPDATE callbacks SET archived_at = $1 WHERE id = $2 "
                                "RETURNING id", g_variant_new ("(sx)", archived_at, callback)),
                     ==, callback);
  }
  after = dash_make (store, 11, 9, 11, 10, 0, 0);
  dash_assert_count (&after->callbacks_due, site->callbacks_due.value,
                     site->callbacks_due.previous);
  dash_assert_count (&after->callbacks_on_time, site->callbacks_on_time.value,
                     site->callbacks_on_time.previous);
  dash_assert_count (&after->so_so, site->so_so.value, site->so_so.previous);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days: China Standard Time. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  test_store_add_dashboard_figure_tests ();
  TEST_ADD ("dashboard/read-records", test_read_records);
  TEST_ADD ("dashboard/async", test_async);
  TEST_ADD ("dashboard/counts-follow-changes", test_counts_follow_changes);
  return g_test_run ();
}
