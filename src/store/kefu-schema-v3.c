/* kefu-schema-v3.c: schema step 3, the complaint escalation board: where each complaint is in its
 * work (stage times, the deadline it works against, escalation level, resolution and callback
 * result), the departments' acknowledgements, visits to harmed customers, routing rules a site
 * can change, and batch alerts (possible quality incidents).
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

/* The nicks of KefuComplaintDeadline (without "none", stored as NULL), KefuSatisfaction and
 * KefuComplaintCategory in core/kefu-types.h. */
#define DUE_VALUES          "'route', 'acknowledge', 'resolve', 'callback'"
#define SATISFACTION_VALUES "'satisfied', 'so-so', 'not-satisfied'"
#define CATEGORY_VALUES     "'product-quality', 'service-quality'"

/* The open complaints whose deadline has not been computed yet: the deadline check
 * (kefu-store-complaint-deadlines.c) asks for exactly this, so that once every deadline is known
 * it reads an empty index. */
#define DUE_MISSING_WHERE \
  "due_at IS NULL AND stage IN ('new', 'routed', 'in-progress', 'reopened', 'resolved')"

/* The board's recently closed complaints: by stage first, so that SQLite, without statistics,
 * prefers it to complaints_stage (every closed complaint ever) for "stage = 'closed' AND
 * closed_at >= $n". */
#define CLOSED_INDEX \
  "CREATE INDEX complaints_closed_at ON complaints (stage, closed_at) WHERE closed_at IS NOT NULL;\n"

/* The complaints list view over half a million complaints sorts and searches by columns of their
 * call. Joining every complaint to its call for that costs more than the rest together (a second
 * or more on PostgreSQL), so the columns it needs are copied onto the complaint when it is
 * written (_kefu_store_complaint_copy_call ()) and kept there when the call's caller is edited:
 * customer_id, received_at, reference, caller_name and phone (the search text goes into
 * complaint_search, below); the board's and the list's cards read them there too. Sorted by one of them, the list walks one of these indexes (with the id, so that
 * PostgreSQL reads them alone); sorted by deadline, it reads the few with one through complaints_due_at, then the rest in id order
 * through complaints_no_due rather than through the whole table (due_at is in it only so that
 * SQLite finds everything the query needs in the index). Sorted by owner, it reads
 * complaints_owner_list. */
#define COMPLAINT_LIST_INDEXES \
  "CREATE INDEX complaints_received_at ON complaints (received_at, call_id, id);\n" \
  "CREATE INDEX complaints_reference ON complaints (reference, call_id, id);\n" \
  "CREATE INDEX complaints_caller_name ON complaints (caller_name, call_id, id);\n" \
  "CREATE INDEX complaints_no_due ON complaints (id, due_at) WHERE due_at IS NULL;\n" \
  "CREATE INDEX complaints_owner_list ON complaints (owner_id, id);\n"

/* What the text filter of the board and the list looks in: the call's reference, caller name and
 * phone, the batch key (upper case, half width: kefu_batch_number_key ()) and the reason, in ASCII
 * lower case, joined by the unit separator, which one-line text never holds, so that no search
 * matches across two fields (_kefu_store_complaint_search_text ()). In a table of its own, so
 * that a substring search over half a million complaints scans some 50 MB rather than every
 * complaint's row; no index can serve a substring, and a reason may be longer than a
 * PostgreSQL index entry. Complaints stored before this step take their call's columns and their
 * search text here. */
#define COMPLAINT_SEARCH(id_type) \
  "CREATE TABLE complaint_search (\n" \
  "  complaint_id " id_type " PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,\n" \
  "  search_text  TEXT NOT NULL\n" \
  ");\n" \
  "UPDATE complaints SET customer_id = calls.customer_id, received_at = calls.received_at,\n" \
  "  reference = calls.reference, caller_name = calls.caller_name, phone = calls.phone\n" \
  "  FROM calls WHERE calls.id = complaints.call_id;\n" \
  "INSERT INTO complaint_search (complaint_id, search_text)\n" \
  "  SELECT complaints.id, LOWER(calls.reference) || '\x1f' || LOWER(calls.caller_name)\n" \
  "    || '\x1f' || calls.phone || '\x1f' || LOWER(COALESCE(complaints.batch_key, ''))\n" \
  "    || '\x1f' || LOWER(COALESCE(complaints.reason, ''))\n" \
  "  FROM complaints JOIN calls ON calls.id = complaints.call_id;\n"

/* A complaint's departments in routing order, read from the index alone: the board's cards
 * (kefu_store_list_board_complaints ()) take a few thousand complaints' routes this way. */
#define ROUTES_ORDER_INDEX \
  "CREATE INDEX complaint_routes_order ON complaint_routes (complaint_id, id, department_id);\n"

/* Complaints stored by step 2 start their stage at their creation; their deadline is computed by
 * the first deadline check (due_at NULL on an open complaint means "not computed yet"). */

const char _kefu_schema_v3_sqlite[] =
  "ALTER TABLE complaints ADD COLUMN stage_since TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN due_kind TEXT CHECK (due_kind IN (" DUE_VALUES "));\n"
  "ALTER TABLE complaints ADD COLUMN due_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (escalation_level BETWEEN 0 AND 3);\n"
  "ALTER TABLE complaints ADD COLUMN escalated_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN routed_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN acknowledged_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN resolved_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN called_back_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN closed_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN resolution TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN satisfaction TEXT\n"
  "  CHECK (satisfaction IN (" SATISFACTION_VALUES "));\n"
  "ALTER TABLE complaints ADD COLUMN customer_words TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN batch_key TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN customer_id INTEGER;\n"
  "ALTER TABLE complaints ADD COLUMN received_at TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN reference TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN caller_name TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN phone TEXT;\n"
  "UPDATE complaints SET stage_since = created_at,\n"
  "  routed_at = CASE WHEN stage <> 'new' AND stage <> 'explained' THEN created_at END,\n"
  "  closed_at = CASE WHEN stage IN ('closed', 'explained') THEN created_at END,\n"
  "  batch_key = NULLIF(UPPER(TRIM(batch_number)), '');\n"
  COMPLAINT_SEARCH ("INTEGER")
  "CREATE INDEX complaints_due_at ON complaints (due_at) WHERE due_at IS NOT NULL;\n"
  "CREATE INDEX complaints_created_at ON complaints (created_at, id);\n"
  CLOSED_INDEX
  COMPLAINT_LIST_INDEXES
  "CREATE INDEX complaints_due_missing ON complaints (id)\n"
  "  WHERE " DUE_MISSING_WHERE ";\n"
  "CREATE INDEX complaints_batch_key ON complaints (batch_key, product_id, created_at)\n"
  "  WHERE batch_key IS NOT NULL;\n"
  "ALTER TABLE complaint_routes ADD COLUMN acknowledged_at TEXT;\n"
  "ALTER TABLE complaint_routes ADD COLUMN acknowledged_by INTEGER REFERENCES staff (id);\n"
  "ALTER TABLE complaint_routes ADD COLUMN added_by INTEGER REFERENCES staff (id);\n"
  "ALTER TABLE complaint_routes ADD COLUMN reason TEXT;\n"
  ROUTES_ORDER_INDEX
  "CREATE TABLE complaint_visits (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,\n"
  "  visitors     TEXT NOT NULL,\n"
  "  visited_at   TEXT NOT NULL,\n"
  "  outcome      TEXT NOT NULL,\n"
  "  recorded_by  INTEGER NOT NULL REFERENCES staff (id),\n"
  "  created_at   TEXT NOT NULL DEFAULT " KEFU_SQLITE_NOW "\n"
  ");\n"
  "CREATE INDEX complaint_visits_complaint_id ON complaint_visits (complaint_id, visited_at);\n"
  "CREATE TABLE complaint_routing_rules (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  category      TEXT NOT NULL CHECK (category IN (" CATEGORY_VALUES ")),\n"
  "  department_id INTEGER NOT NULL REFERENCES departments (id),\n"
  "  harmed_only   INTEGER NOT NULL DEFAULT 0 CHECK (harmed_only IN (0, 1)),\n"
  "  position      INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n"
  "  created_at    TEXT NOT NULL DEFAULT " KEFU_SQLITE_NOW ",\n"
  "  UNIQUE (category, department_id, harmed_only)\n"
  ");\n"
  "CREATE TABLE batch_alerts (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  product_id         INTEGER REFERENCES products (id),\n"
  "  batch_key          TEXT NOT NULL,\n"
  "  batch_number       TEXT NOT NULL,\n"
  "  complaint_count    INTEGER NOT NULL CHECK (complaint_count >= 1),\n"
  "  first_at           TEXT NOT NULL,\n"
  "  flagged_at         TEXT NOT NULL,\n"
  "  flagged_complaint_id INTEGER NOT NULL REFERENCES complaints (id),\n"
  "  acknowledged_at    TEXT,\n"
  "  acknowledged_by    INTEGER REFERENCES staff (id),\n"
  "  note               TEXT,\n"
  "  version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
  "  created_at         TEXT NOT NULL DEFAULT " KEFU_SQLITE_NOW "\n"
  ");\n"
  "CREATE INDEX batch_alerts_batch ON batch_alerts (batch_key, product_id, flagged_at);\n"
  "CREATE INDEX batch_alerts_open ON batch_alerts (flagged_at) WHERE acknowledged_at IS NULL;\n";

const char _kefu_schema_v3_postgres[] =
  "ALTER TABLE complaints ADD COLUMN stage_since TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN due_kind TEXT CHECK (due_kind IN (" DUE_VALUES "));\n"
  "ALTER TABLE complaints ADD COLUMN due_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (escalation_level BETWEEN 0 AND 3);\n"
  "ALTER TABLE complaints ADD COLUMN escalated_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN routed_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN acknowledged_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN resolved_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN called_back_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN closed_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN resolution TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN satisfaction TEXT\n"
  "  CHECK (satisfaction IN (" SATISFACTION_VALUES "));\n"
  "ALTER TABLE complaints ADD COLUMN customer_words TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN batch_key TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN customer_id BIGINT;\n"
  "ALTER TABLE complaints ADD COLUMN received_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaints ADD COLUMN reference TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN caller_name TEXT;\n"
  "ALTER TABLE complaints ADD COLUMN phone TEXT;\n"
  "UPDATE complaints SET stage_since = created_at,\n"
  "  routed_at = CASE WHEN stage <> 'new' AND stage <> 'explained' THEN created_at END,\n"
  "  closed_at = CASE WHEN stage IN ('closed', 'explained') THEN created_at END,\n"
  "  batch_key = NULLIF(UPPER(BTRIM(batch_number)), '');\n"
  COMPLAINT_SEARCH ("BIGINT")
  "CREATE INDEX complaints_due_at ON complaints (due_at) WHERE due_at IS NOT NULL;\n"
  "CREATE INDEX complaints_created_at ON complaints (created_at, id);\n"
  CLOSED_INDEX
  COMPLAINT_LIST_INDEXES
  "CREATE INDEX complaints_due_missing ON complaints (id)\n"
  "  WHERE " DUE_MISSING_WHERE ";\n"
  "CREATE INDEX complaints_batch_key ON complaints (batch_key, product_id, created_at)\n"
  "  WHERE batch_key IS NOT NULL;\n"
  "ALTER TABLE complaint_routes ADD COLUMN acknowledged_at TIMESTAMPTZ;\n"
  "ALTER TABLE complaint_routes ADD COLUMN acknowledged_by BIGINT REFERENCES staff (id);\n"
  "ALTER TABLE complaint_routes ADD COLUMN added_by BIGINT REFERENCES staff (id);\n"
  "ALTER TABLE complaint_routes ADD COLUMN reason TEXT;\n"
  ROUTES_ORDER_INDEX
  "CREATE TABLE complaint_visits (\n"
  "  id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
  "  complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,\n"
  "  visitors     TEXT NOT NULL,\n"
  "  visited_at   TIMESTAMPTZ NOT NULL,\n"
  "  outcome      TEXT NOT NULL,\n"
  "  recorded_by  BIGINT NOT NULL REFERENCES staff (id),\n"
  "  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()\n"
  ");\n"
  "CREATE INDEX complaint_visits_complaint_id ON complaint_visits (complaint_id, visited_at);\n"
  "CREATE TABLE complaint_routing_rules (\n"
  "  id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
  "  category      TEXT NOT NULL CHECK (category IN (" CATEGORY_VALUES ")),\n"
  "  department_id BIGINT NOT NULL REFERENCES departments (id),\n"
  "  harmed_only   BOOLEAN NOT NULL DEFAULT FALSE,\n"
  "  position      INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n"
  "  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
  "  UNIQUE (category, department_id, harmed_only)\n"
  ");\n"
  "CREATE TABLE batch_alerts (\n"
  "  id                 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
  "  product_id         BIGINT REFERENCES products (id),\n"
  "  batch_key          TEXT NOT NULL,\n"
  "  batch_number       TEXT NOT NULL,\n"
  "  complaint_count    INTEGER NOT NULL CHECK (complaint_count >= 1),\n"
  "  first_at           TIMESTAMPTZ NOT NULL,\n"
  "  flagged_at         TIMESTAMPTZ NOT NULL,\n"
  "  flagged_complaint_id BIGINT NOT NULL REFERENCES complaints (id),\n"
  "  acknowledged_at    TIMESTAMPTZ,\n"
  "  acknowledged_by    BIGINT REFERENCES staff (id),\n"
  "  note               TEXT,\n"
  "  version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
  "  created_at         TIMESTAMPTZ NOT NULL DEFAULT now()\n"
  ");\n"
  "CREATE INDEX batch_alerts_batch ON batch_alerts (batch_key, product_id, flagged_at);\n"
  "CREATE INDEX batch_alerts_open ON batch_alerts (flagged_at) WHERE acknowledged_at IS NULL;\n";
