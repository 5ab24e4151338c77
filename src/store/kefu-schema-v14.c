/* kefu-schema-v14.c: schema step 14, the managers' dashboard's hourly counts.
 *
 * A month's dashboard counts hundreds of thousands of calls, complaints and callbacks (and the
 * month before, to compare): read row by row, even from covering indexes, that took about a
 * second on both backends with three years of a busy hotline. dashboard_hours keeps those
 * counts already made, per UTC hour and staff member: one row per (metric, hour, staff_id) with
 * the number of records it counts, so that a month's figures read a few thousand rows
 * whatever the size of the tables. The staff member is the one the dashboard's team and clerk
 * filter applies to (the call's clerk, the complaint's owner, the callback's clerk: who did it,
 * or who is to do it), 0 for none.
 *
 * The metrics, each the figure of kefu-store-dashboard-*.c with the same condition:
 * - call-order, call-complaint, call-inquiry: calls by received time and kind; call-converted:
 *   the inquiry calls whose lead became an order;
 * - complaint-received, -product, -service, -explained (no category), -harmed: complaints by
 *   received time; complaint-closed by closed time; complaint-resolved (those that had a
 *   resolve deadline) and complaint-resolved-on-time by resolved time; archived complaints are
 *   not counted;
 * - callback-due, -on-time, -late, -unreachable, -open, -satisfied, -so-so, -not-satisfied: the
 *   callbacks by deadline, as the callback summary report counts them; callback-done by done
 *   time and who did it (the clerks' table); archived callbacks are not counted.
 *
 * Triggers keep the counts with every change, on both backends: an insert adds the new row's
 * metrics, a delete takes the old row's away, and an update of a column a metric reads takes
 * the old row's away and adds the new row's (archiving a complaint thus removes it from every
 * figure). Rows whose count falls to 0 stay; they count nothing. On PostgreSQL the trigger
 * functions run as the schema's owner (SECURITY DEFINER): staff may read the counts (they are
 * figures, not records) but never write them.
 *
 * The step fills the table from the records already there.
 *
 * Also:
 * - complaints_open_dashboard: the open complaints by stage with their owner, deadline and id
 *   (PostgreSQL needs the id in the index to look up the routes without reading the table), so
 *   that the open-now figures read this small index alone;
 * - service_jobs_revisit_serial, service_jobs_revisit_product: the earlier field visits of the
 *   same unit (or, without a serial number, the same customer and product) by completed time,
 *   so that the first-visit fix rate finds the earlier visit in the index alone;
 * - callbacks_survey_done_at: the survey callbacks done in a period (the members' coverage),
 *   where callbacks_survey_done (by customer) had to be read whole.
 *
 * The conditions are written here as they are in this step: a later change to a figure's
 * definition is a new step that replaces the triggers and fills the table again.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

/* The UTC hour of a time: the first 13 characters of SQLite's UTC text ("2026-10-01 08"), the
 * hour truncated in UTC on PostgreSQL. */
#define SQ_HOUR(t) "substr(" t ", 1, 13)"
#define PG_HOUR(t) "date_trunc('hour', " t ", 'UTC')"

/* One metric of the row R (NEW or OLD in a trigger, the table itself when filling): FROM is
 * empty in a trigger and names the table when filling. */
#define METRIC(NAME, HOUR, STAFF, FROM, CONDITION) \
  "SELECT " NAME " AS metric, " HOUR " AS hour, COALESCE(" STAFF ", 0) AS staff_id" FROM \
  " WHERE " CONDITION

/* An inquiry call counts as converted (the clerks' 转化率) once its lead (one per inquiry, one
 * inquiry per call) became an order: counted with the call when the call changes, and by the
 * leads' own triggers when the lead does (LEAD_METRICS). Calls, inquiries and leads are never
 * deleted (no Kefu role may). */
#define CALL_METRICS(R, H, FROM) \
  METRIC ("'call-' || " R ".kind", H (R ".received_at"), R ".clerk_id", FROM, "TRUE") \
  " UNION ALL " \
  METRIC ("'call-converted'", H (R ".received_at"), R ".clerk_id", FROM, \
          R ".kind = 'inquiry' AND EXISTS (SELECT 1 FROM inquiries JOIN leads ON " \
          "leads.inquiry_id = inquiries.id WHERE inquiries.call_id = " R ".id AND " \
          "leads.state = 'converted')")
/* A lead's change moves its call's count; the table is filled through the calls. */
#define LEAD_METRICS(R, H, FROM) \
  METRIC ("'call-converted'", H ("calls.received_at"), "calls.clerk_id", \
          " FROM inquiries JOIN calls ON calls.id = inquiries.call_id", \
          "inquiries.id = " R ".inquiry_id AND " R ".state = 'converted' AND " \
          "calls.kind = 'inquiry'")

#define COMPLAINT_RECEIVED(NAME, R, H, FROM, CONDITION) \
  METRIC ("'" NAME "'", H (R ".received_at"), R ".owner_id", FROM, \
          R ".archived_at IS NULL AND " CONDITION)
/* YES(column) is a boolean column's truth: SQLite keeps 0 and 1. */
#define COMPLAINT_METRICS(R, H, FROM, YES) \
  COMPLAINT_RECEIVED ("complaint-received", R, H, FROM, "TRUE") " UNION ALL " \
  COMPLAINT_RECEIVED ("complaint-product", R, H, FROM, \
                      R ".category = 'product-quality'") " UNION ALL " \
  COMPLAINT_RECEIVED ("complaint-service", R, H, FROM, \
                      R ".category = 'service-quality'") " UNION ALL " \
  COMPLAINT_RECEIVED ("complaint-explained", R, H, FROM, R ".category IS NULL") " UNION ALL " \
  COMPLAINT_RECEIVED ("complaint-harmed", R, H, FROM, YES (R ".harmed")) " UNION ALL " \
  METRIC ("'complaint-closed'", H (R ".closed_at"), R ".owner_id", FROM, \
          R ".archived_at IS NULL") " UNION ALL " \
  METRIC ("'complaint-resolved'", H (R ".resolved_at"), R ".owner_id", FROM, \
          R ".archived_at IS NULL AND " R ".resolve_due_at IS NOT NULL") " UNION ALL " \
  METRIC ("'complaint-resolved-on-time'", H (R ".resolved_at"), R ".owner_id", FROM, \
          R ".archived_at IS NULL AND " R ".resolved_at <= " R ".resolve_due_at")
#define COMPLAINT_COLUMNS \
  "received_at, owner_id, category, harmed, closed_at, resolved_at, resolve_due_at, archived_at"

#define CALLBACK_UNREACHABLE(R) \
  "COALESCE(" R ".outcome, '') IN ('unreachable', 'wrong-number')"
#define CALLBACK_DEADLINE(NAME, R, H, FROM, CONDITION) \
  METRIC ("'" NAME "'", H (R ".deadline_at"), \
          "CASE WHEN " R ".state = 'done' THEN " R ".done_by ELSE " R ".assigned_to END", FROM, \
          R ".archived_at IS NULL AND " CONDITION)
#define CALLBACK_REACHED(NAME, R, H, FROM, SATISFACTION) \
  CALLBACK_DEADLINE (NAME, R, H, FROM, R ".state = 'done' AND " R ".outcome = 'reached' AND " \
                     R ".satisfaction = '" SATISFACTION "'")
#define CALLBACK_METRICS(R, H, FROM) \
  CALLBACK_DEADLINE ("callback-due", R, H, FROM, R ".state <> 'cancelled'") " UNION ALL " \
  CALLBACK_DEADLINE ("callback-on-time", R, H, FROM, \
                     R ".state = 'done' AND NOT " CALLBACK_UNREACHABLE (R) " AND " \
                     R ".done_at <= " R ".deadline_at") " UNION ALL " \
  CALLBACK_DEADLINE ("callback-late", R, H, FROM, \
                     R ".state = 'done' AND NOT " CALLBACK_UNREACHABLE (R) " AND " \
                     R ".done_at > " R ".deadline_at") " UNION ALL " \
  CALLBACK_DEADLINE ("callback-unreachable", R, H, FROM, \
                     R ".state = 'done' AND " CALLBACK_UNREACHABLE (R)) " UNION ALL " \
  CALLBACK_DEADLINE ("callback-open", R, H, FROM, R ".state = 'due'") " UNION ALL " \
  CALLBACK_REACHED ("callback-satisfied", R, H, FROM, "satisfied") " UNION ALL " \
  CALLBACK_REACHED ("callback-so-so", R, H, FROM, "so-so") " UNION ALL " \
  CALLBACK_REACHED ("callback-not-satisfied", R, H, FROM, "not-satisfied") " UNION ALL " \
  METRIC ("'callback-done'", H (R ".done_at"), R ".done_by", FROM, \
          R ".archived_at IS NULL AND " R ".state = 'done'")
#define CALLBACK_COLUMNS \
  "deadline_at, state, outcome, satisfaction, done_at, done_by, assigned_to, archived_at"

/* Adds (SIGN 1) or takes away (SIGN -1) the metrics of one row; a time not set counts in no
 * hour. */
#define COUNT(METRICS, SIGN) \
  "INSERT INTO dashboard_hours (metric, hour, staff_id, n)\n" \
  "  SELECT m.metric, m.hour, m.staff_id, " SIGN " FROM (" METRICS ") AS m\n" \
  "  WHERE m.hour IS NOT NULL\n" \
  "  ON CONFLICT (metric, hour, staff_id) DO UPDATE SET n = dashboard_hours.n + excluded.n;\n"
/* The counts of the records already there. */
#define FILL(METRICS) \
  "INSERT INTO dashboard_hours (metric, hour, staff_id, n)\n" \
  "  SELECT m.metric, m.hour, m.staff_id, COUNT(*) FROM (" METRICS ") AS m\n" \
  "  WHERE m.hour IS NOT NULL GROUP BY m.metric, m.hour, m.staff_id;\n"

/* The jobs completed in a period with every column their figures read (the first visit's
 * keys, warranty, fee, fixed), replacing step 13's service_jobs_completed_at that held only the
 * kind and reporter: PostgreSQL read 10,000 jobs' rows for the rest. */
#define INDEXES \
  "DROP INDEX service_jobs_completed_at;\n" \
  "CREATE INDEX service_jobs_completed_dashboard ON service_jobs\n" \
  "  (completed_at, kind, reported_by, warranty, fee_fen, fixed, serial, customer_id,\n" \
  "  product_id, id, archived_at)\n" \
  "  WHERE archived_at IS NULL;\n" \
  "CREATE INDEX complaints_open_dashboard ON complaints\n" \
  "  (stage, owner_id, due_at, id, archived_at)\n" \
  "  WHERE archived_at IS NULL AND\n" \
  "  stage IN ('new', 'routed', 'in-progress', 'resolved', 'called-back', 'reopened');\n" \
  "CREATE INDEX service_jobs_revisit_serial ON service_jobs (serial, completed_at, kind, id)\n" \
  "  WHERE serial IS NOT NULL AND completed_at IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_revisit_product ON service_jobs\n" \
  "  (customer_id, product_id, completed_at, kind, id);\n" \
  "CREATE INDEX callbacks_survey_done_at ON callbacks (done_at, customer_id)\n" \
  "  WHERE reason = 'survey' AND state = 'done';\n"

#define SQ_YES(c) c " = 1"

/* SQLite: three triggers per table; an update trigger fires only on the columns the metrics
 * read. */
#define SQ_TRIGGERS(TABLE, METRICS, COLUMNS) \
  "CREATE TRIGGER " TABLE "_hours_insert AFTER INSERT ON " TABLE " BEGIN\n" \
  COUNT (METRICS ("NEW", SQ_HOUR, ""), "1") "END;\n" \
  "CREATE TRIGGER " TABLE "_hours_update AFTER UPDATE OF " COLUMNS " ON " TABLE " BEGIN\n" \
  COUNT (METRICS ("OLD", SQ_HOUR, ""), "-1") COUNT (METRICS ("NEW", SQ_HOUR, ""), "1") "END;\n" \
  "CREATE TRIGGER " TABLE "_hours_delete AFTER DELETE ON " TABLE " BEGIN\n" \
  COUNT (METRICS ("OLD", SQ_HOUR, ""), "-1") "END;\n"
#define SQ_CALL_METRICS(R, H, FROM) CALL_METRICS (R, H, FROM)
#define SQ_COMPLAINT_METRICS(R, H, FROM) COMPLAINT_METRICS (R, H, FROM, SQ_YES)

const char _kefu_schema_v14_sqlite[] =
  "CREATE TABLE dashboard_hours (\n"
  "  metric   TEXT NOT NULL,\n"
  "  hour     TEXT NOT NULL,\n"
  "  staff_id INTEGER NOT NULL,\n"
  "  n        INTEGER NOT NULL,\n"
  "  PRIMARY KEY (metric, hour, staff_id)\n"
  ") WITHOUT ROWID;\n"
  SQ_TRIGGERS ("calls", SQ_CALL_METRICS, "received_at, kind, clerk_id")
  SQ_TRIGGERS ("complaints", SQ_COMPLAINT_METRICS, COMPLAINT_COLUMNS)
  SQ_TRIGGERS ("callbacks", CALLBACK_METRICS, CALLBACK_COLUMNS)
  SQ_TRIGGERS ("leads", LEAD_METRICS, "inquiry_id, state")
  FILL (CALL_METRICS ("calls", SQ_HOUR, " FROM calls"))
  FILL (COMPLAINT_METRICS ("complaints", SQ_HOUR, " FROM complaints", SQ_YES))
  FILL (CALLBACK_METRICS ("callbacks", SQ_HOUR, " FROM callbacks"))
  INDEXES;

#define PG_YES(c) c

/* PostgreSQL: one trigger function per table, run as the schema's owner. */
#define PG_TRIGGER(TABLE, METRICS, COLUMNS) \
  "CREATE FUNCTION kefu_" TABLE "_hours () RETURNS trigger\n" \
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n" \
  "BEGIN\n" \
  "  IF TG_OP <> 'INSERT' THEN\n" COUNT (METRICS ("OLD", PG_HOUR, ""), "-1") "  END IF;\n" \
  "  IF TG_OP <> 'DELETE' THEN\n" COUNT (METRICS ("NEW", PG_HOUR, ""), "1") "  END IF;\n" \
  "  RETURN NULL;\n" \
  "END\n" \
  "$fn$;\n" \
  "REVOKE EXECUTE ON FUNCTION kefu_" TABLE "_hours () FROM PUBLIC;\n" \
  "CREATE TRIGGER " TABLE "_hours AFTER INSERT OR DELETE OR UPDATE OF " COLUMNS " ON " TABLE "\n" \
  "  FOR EACH ROW EXECUTE FUNCTION kefu_" TABLE "_hours ();\n"
#define PG_CALL_METRICS(R, H, FROM) CALL_METRICS (R, H, FROM)
#define PG_COMPLAINT_METRICS(R, H, FROM) COMPLAINT_METRICS (R, H, FROM, PG_YES)

const char _kefu_schema_v14_postgres[] =
  "CREATE TABLE dashboard_hours (\n"
  "  metric   TEXT NOT NULL,\n"
  "  hour     TIMESTAMPTZ NOT NULL,\n"
  "  staff_id BIGINT NOT NULL,\n"
  "  n        BIGINT NOT NULL,\n"
  /* n in the key's index too: a month's counts are then read from the index alone (the
   * table is vacuumed as it is written); an update of n is then never HOT, which the counts
   * of an hour can afford. */
  "  PRIMARY KEY (metric, hour, staff_id) INCLUDE (n)\n"
  ");\n"
  /* Readable by every active staff member; written only by the triggers (as the owner, whom
   * row level security does not bind when it is not forced). */
  "REVOKE ALL ON dashboard_hours FROM PUBLIC;\n"
  "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON dashboard_hours FROM kefu_staff;\n"
  "GRANT SELECT ON dashboard_hours TO kefu_staff;\n"
  "ALTER TABLE dashboard_hours ENABLE ROW LEVEL SECURITY;\n"
  "CREATE POLICY kefu_read ON dashboard_hours FOR SELECT USING ((SELECT kefu_session_may_work()));\n"
  PG_TRIGGER ("calls", PG_CALL_METRICS, "received_at, kind, clerk_id")
  PG_TRIGGER ("complaints", PG_COMPLAINT_METRICS, COMPLAINT_COLUMNS)
  PG_TRIGGER ("callbacks", CALLBACK_METRICS, CALLBACK_COLUMNS)
  PG_TRIGGER ("leads", LEAD_METRICS, "inquiry_id, state")
  FILL (CALL_METRICS ("calls", PG_HOUR, " FROM calls"))
  FILL (COMPLAINT_METRICS ("complaints", PG_HOUR, " FROM complaints", PG_YES))
  FILL (CALLBACK_METRICS ("callbacks", PG_HOUR, " FROM callbacks"))
  INDEXES
  "ANALYZE dashboard_hours;\n";
