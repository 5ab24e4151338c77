/* kefu-schema-v5.c: schema step 5, the callback calendar (回访): the callbacks of step 4 get what
 * the calendar works with (the "within three days" deadline, topic, method, claims, attempts,
 * the record of 《回访记录表》), with their attempts, the customers' own callback times,
 * special-occasion campaigns and the archived summary reports.
 *
 * Enums are their nicks (core/kefu-types.h) with CHECK lists, as in step 4. `callbacks.method`
 * already exists (step 4, free text, never written by Kefu then): rows without one become
 * 'phone'; PostgreSQL gets the default and the CHECK list on the column, SQLite (which cannot
 * change an existing column) the same rule as triggers.
 *
 * Both dialects are written once, by the macros below, with the column types as parameters.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

/* The nicks of KefuCallbackMethod, KefuCallbackOutcome, KefuSatisfaction (UNSPECIFIED stored as
 * NULL), KefuCallbackReason and KefuCampaignTarget. */
#define METHOD_VALUES       "'phone', 'email', 'sms'"
#define OUTCOME_VALUES \
  "'reached', 'no-answer', 'busy', 'call-later', 'wrong-number', 'refused', 'sent', " \
  "'unreachable'"
#define SATISFACTION_VALUES "'satisfied', 'so-so', 'not-satisfied'"
#define REASON_VALUES \
  "'after-service', 'after-complaint', 'after-delivery', 'survey', 'occasion', 'renewal', " \
  "'maintenance', 'lead', 'other'"
#define TARGET_VALUES       "'members', 'district', 'product'"

/* Campaigns come first: callbacks.campaign_id refers to them. n_callbacks is how many callbacks
 * the campaign made (customers already due a callback of the reason are left out). */
#define CAMPAIGNS(PK, ID, TIME, DATE, NOW) \
  "CREATE TABLE callback_campaigns (\n" \
  "  id          " PK ",\n" \
  "  name        TEXT NOT NULL,\n" \
  "  reason      TEXT NOT NULL CHECK (reason IN (" REASON_VALUES ")),\n" \
  "  topic       TEXT,\n" \
  "  target      TEXT NOT NULL CHECK (target IN (" TARGET_VALUES ")),\n" \
  "  district    TEXT,\n" \
  "  product_id  " ID " REFERENCES products (id),\n" \
  "  first_day   " DATE " NOT NULL,\n" \
  "  last_day    " DATE " NOT NULL,\n" \
  "  n_callbacks INTEGER NOT NULL DEFAULT 0 CHECK (n_callbacks >= 0),\n" \
  "  created_by  " ID " NOT NULL REFERENCES staff (id),\n" \
  "  created_at  " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  CHECK (last_day >= first_day),\n" \
  "  CHECK (target <> 'district' OR district IS NOT NULL),\n" \
  "  CHECK (target <> 'product' OR product_id IS NOT NULL)\n" \
  ");\n"

/* The new columns of callbacks, except method (above). deadline_at is required by Kefu's writes;
 * rows of step 4 take their due time, which was computed by the same window. */
#define CALLBACK_COLUMNS(ID, TIME) \
  "ALTER TABLE callbacks ADD COLUMN deadline_at " TIME ";\n" \
  "ALTER TABLE callbacks ADD COLUMN topic TEXT;\n" \
  "ALTER TABLE callbacks ADD COLUMN campaign_id " ID " REFERENCES callback_campaigns (id);\n" \
  "ALTER TABLE callbacks ADD COLUMN claimed_by " ID " REFERENCES staff (id);\n" \
  "ALTER TABLE callbacks ADD COLUMN claim_workstation TEXT;\n" \
  "ALTER TABLE callbacks ADD COLUMN claim_renewed_at " TIME ";\n" \
  "ALTER TABLE callbacks ADD COLUMN n_attempts INTEGER NOT NULL DEFAULT 0\n" \
  "  CHECK (n_attempts >= 0);\n" \
  "ALTER TABLE callbacks ADD COLUMN last_outcome TEXT\n" \
  "  CHECK (last_outcome IN (" OUTCOME_VALUES "));\n" \
  "ALTER TABLE callbacks ADD COLUMN escalated_at " TIME ";\n" \
  "ALTER TABLE callbacks ADD COLUMN outcome TEXT CHECK (outcome IN (" OUTCOME_VALUES "));\n" \
  "ALTER TABLE callbacks ADD COLUMN satisfaction TEXT\n" \
  "  CHECK (satisfaction IN (" SATISFACTION_VALUES "));\n" \
  "ALTER TABLE callbacks ADD COLUMN customer_words TEXT;\n" \
  "ALTER TABLE callbacks ADD COLUMN done_at " TIME ";\n" \
  "ALTER TABLE callbacks ADD COLUMN done_by " ID " REFERENCES staff (id);\n" \
  "ALTER TABLE callbacks ADD COLUMN cancel_reason TEXT;\n" \
  "UPDATE callbacks SET deadline_at = due_at, method = 'phone';\n" \
  "UPDATE callbacks SET done_at = updated_at WHERE state = 'done';\n"

/* Every attempt (《回访记录表》 one line each): "attempted_at" and "attempted_by" rather than the
 * reserved word BY. */
#define ATTEMPTS(PK, ID, TIME) \
  "CREATE TABLE callback_attempts (\n" \
  "  id           " PK ",\n" \
  "  callback_id  " ID " NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,\n" \
  "  attempted_at " TIME " NOT NULL,\n" \
  "  attempted_by " ID " NOT NULL REFERENCES staff (id),\n" \
  "  method       TEXT NOT NULL CHECK (method IN (" METHOD_VALUES ")),\n" \
  "  outcome      TEXT NOT NULL CHECK (outcome IN (" OUTCOME_VALUES ")),\n" \
  "  note         TEXT\n" \
  ");\n" \
  "CREATE INDEX callback_attempts_callback_id ON callback_attempts (callback_id, id);\n"

/* A customer's own times, KefuTimeRange text as in the settings ("00:00-10:00"). */
#define PREFERENCES(ID, TIME, NOW) \
  "CREATE TABLE customer_callback_preferences (\n" \
  "  customer_id " ID " PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,\n" \
  "  quiet       TEXT,\n" \
  "  preferred   TEXT,\n" \
  "  updated_at  " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)\n" \
  ");\n"

/* The summary reports (《回访总结报告》) as made: the figures are a JSON object. */
#define REPORTS(PK, ID, TIME, DATE, NOW) \
  "CREATE TABLE callback_reports (\n" \
  "  id        " PK ",\n" \
  "  first_day " DATE " NOT NULL,\n" \
  "  last_day  " DATE " NOT NULL,\n" \
  "  team_id   " ID " REFERENCES departments (id),\n" \
  "  clerk_id  " ID " REFERENCES staff (id),\n" \
  "  figures   TEXT NOT NULL,\n" \
  "  made_at   " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  made_by   " ID " NOT NULL REFERENCES staff (id),\n" \
  "  CHECK (last_day >= first_day)\n" \
  ");\n" \
  "CREATE INDEX callback_reports_days ON callback_reports (first_day, last_day);\n"

/* The calendar's reads:
 *  - callbacks_calendar: the month view's counts per day read a month's rows from the index
 *    alone (due time, state and clerk), and the day agenda finds its rows by it;
 *  - callbacks_claimable: the overdue list and claim_next walk the due callbacks not escalated
 *    by due time, the claim columns in the index so that held ones are skipped without the row;
 *  - callbacks_escalated: the lead's list;
 *  - callbacks_survey_done: member coverage, a customer's closed survey callbacks by time;
 *  - callbacks_campaign_id: a campaign's callbacks;
 *  - customers_members: the member customers, for coverage and campaigns;
 *  - callbacks_deadline: the callbacks of a summary report's period (judged by deadline).
 * A customer's callbacks use callbacks_customer_id of step 4. */
#define CALLBACK_INDEXES \
  "CREATE INDEX callbacks_calendar ON callbacks (due_at, state, assigned_to);\n" \
  "CREATE INDEX callbacks_claimable ON callbacks (due_at, id, assigned_to, claimed_by,\n" \
  "  claim_renewed_at) WHERE state = 'due' AND escalated_at IS NULL;\n" \
  "CREATE INDEX callbacks_escalated ON callbacks (escalated_at, id)\n" \
  "  WHERE state = 'due' AND escalated_at IS NOT NULL;\n" \
  "CREATE INDEX callbacks_survey_done ON callbacks (customer_id, done_at)\n" \
  "  WHERE reason = 'survey' AND state = 'done';\n" \
  "CREATE INDEX callbacks_campaign_id ON callbacks (campaign_id) WHERE campaign_id IS NOT NULL;\n" \
  "CREATE INDEX customers_members ON customers (id) WHERE is_member;\n" \
  "CREATE INDEX callbacks_deadline ON callbacks (deadline_at);\n"

/* SQLite cannot add a default or a CHECK to an existing column: the same rule as triggers. */
#define SQLITE_METHOD_RULE \
  "CREATE TRIGGER callbacks_method_insert BEFORE INSERT ON callbacks\n" \
  "  WHEN NEW.method IS NOT NULL AND NEW.method NOT IN (" METHOD_VALUES ")\n" \
  "  BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: callbacks.method'); END;\n" \
  "CREATE TRIGGER callbacks_method_update BEFORE UPDATE OF method ON callbacks\n" \
  "  WHEN NEW.method IS NULL OR NEW.method NOT IN (" METHOD_VALUES ")\n" \
  "  BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: callbacks.method'); END;\n" \
  "CREATE TRIGGER callbacks_method_default AFTER INSERT ON callbacks\n" \
  "  WHEN NEW.method IS NULL\n" \
  "  BEGIN UPDATE callbacks SET method = 'phone' WHERE id = NEW.id; END;\n"

#define PG_METHOD_RULE \
  "ALTER TABLE callbacks ALTER COLUMN method SET DEFAULT 'phone';\n" \
  "ALTER TABLE callbacks ALTER COLUMN method SET NOT NULL;\n" \
  "ALTER TABLE callbacks ADD CONSTRAINT callbacks_method_check\n" \
  "  CHECK (method IN (" METHOD_VALUES "));\n"

#define SQLITE_PK   "INTEGER PRIMARY KEY"
#define SQLITE_ID   "INTEGER"
#define SQLITE_TIME "TEXT"
#define SQLITE_DATE "TEXT"

#define PG_PK   "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
#define PG_ID   "BIGINT"
#define PG_TIME "TIMESTAMPTZ"
#define PG_DATE "DATE"

const char _kefu_schema_v5_sqlite[] =
  CAMPAIGNS (SQLITE_PK, SQLITE_ID, SQLITE_TIME, SQLITE_DATE, KEFU_SQLITE_NOW)
  CALLBACK_COLUMNS (SQLITE_ID, SQLITE_TIME)
  SQLITE_METHOD_RULE
  ATTEMPTS (SQLITE_PK, SQLITE_ID, SQLITE_TIME)
  PREFERENCES (SQLITE_ID, SQLITE_TIME, KEFU_SQLITE_NOW)
  REPORTS (SQLITE_PK, SQLITE_ID, SQLITE_TIME, SQLITE_DATE, KEFU_SQLITE_NOW)
  CALLBACK_INDEXES;

const char _kefu_schema_v5_postgres[] =
  CAMPAIGNS (PG_PK, PG_ID, PG_TIME, PG_DATE, "now()")
  CALLBACK_COLUMNS (PG_ID, PG_TIME)
  PG_METHOD_RULE
  ATTEMPTS (PG_PK, PG_ID, PG_TIME)
  PREFERENCES (PG_ID, PG_TIME, "now()")
  REPORTS (PG_PK, PG_ID, PG_TIME, PG_DATE, "now()")
  CALLBACK_INDEXES;
