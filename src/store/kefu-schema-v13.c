/* kefu-schema-v13.c: schema step 13, what the managers' dashboard needs
 * (kefu-store-dashboard.h).
 *
 * complaints.resolve_due_at keeps the resolve deadline that was in force when the complaint
 * was resolved (its due_at while due_kind was 'resolve'), so that the share of complaints
 * resolved within their deadline (the SLA figure) can be counted later: due_at itself moves on
 * to the callback deadline at that moment. Complaints resolved before this step have none and
 * are left out of that figure.
 *
 * The indexes let each figure of a month read only the month's rows (and the month before):
 * - calls_dashboard: the calls of a period by received time, with their kind and clerk, so
 *   that counting them by hour and kind reads the index alone;
 * - complaints_acknowledged_at, complaints_resolved_at, complaints_closed: the complaints
 *   acknowledged, resolved and closed in a period (the existing complaints_closed_at begins
 *   with the stage);
 * - callbacks_done_at: the callbacks done in a period (the clerks' figures);
 * - shipments_received_at, service_jobs_completed_at: receipts and completed jobs of a period.
 * Each is partial on the time being set (a range condition on the column implies it, on both
 * backends), so that open records take no room in it.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

/* Each index of a period's figures leaves archived records out (the figures do) and holds the
 * columns its figures read, so that they are counted from the index alone; archived_at is
 * among them (always NULL) because SQLite reads the table for a column of the index's own
 * condition that the index does not hold. */
#define STEP(TIME) \
  "ALTER TABLE complaints ADD COLUMN resolve_due_at " TIME ";\n" \
  "CREATE INDEX calls_dashboard ON calls (received_at, kind, clerk_id);\n" \
  "CREATE INDEX complaints_received_dashboard ON complaints\n" \
  "  (received_at, owner_id, category, harmed, archived_at) WHERE archived_at IS NULL;\n" \
  "CREATE INDEX complaints_acknowledged_at ON complaints\n" \
  "  (acknowledged_at, received_at, owner_id, archived_at) WHERE archived_at IS NULL;\n" \
  "CREATE INDEX complaints_resolved_at ON complaints\n" \
  "  (resolved_at, resolve_due_at, received_at, owner_id, archived_at)\n" \
  "  WHERE archived_at IS NULL;\n" \
  "CREATE INDEX complaints_closed ON complaints (closed_at, owner_id, archived_at)\n" \
  "  WHERE archived_at IS NULL;\n" \
  "CREATE INDEX callbacks_deadline_dashboard ON callbacks\n" \
  "  (deadline_at, state, outcome, satisfaction, done_at, done_by, assigned_to,\n" \
  "  archived_at)\n" \
  "  WHERE archived_at IS NULL;\n" \
  "CREATE INDEX callbacks_done_at ON callbacks (done_at, done_by, state, archived_at)\n" \
  "  WHERE archived_at IS NULL;\n" \
  "CREATE INDEX shipments_received_at ON shipments (received_at, shipped_at, requested_by,\n" \
  "  archived_at)\n" \
  "  WHERE archived_at IS NULL;\n" \
  "CREATE INDEX service_jobs_completed_at ON service_jobs (completed_at, kind, reported_by,\n" \
  "  archived_at)\n" \
  "  WHERE archived_at IS NULL;\n"

/* SQLite has no statistics to plan by and sorts the calls of two months to group them by hour;
 * an index on the hour itself reads them already grouped (PostgreSQL's date_trunc on a
 * timestamptz depends on the session's zone and cannot be indexed; it groups by hashing). */
const char _kefu_schema_v13_sqlite[] =
  STEP ("TEXT")
  "CREATE INDEX calls_hour ON calls (substr(received_at, 1, 13), kind, clerk_id);\n";
const char _kefu_schema_v13_postgres[] = STEP ("TIMESTAMPTZ");
