/* kefu-schema-v8.c: schema step 8, archiving instead of deleting, and the staff's PIN.
 *
 * Nothing in Kefu is deleted: a customer, complaint, shipment, service job or callback that is
 * no longer worked on is archived. `archived_at` (UTC) and `archived_by` (the staff member) say
 * when and by whom; NULL means the record is in the working lists. Archived records stay in the
 * history, the reports and the customer's history, and every archive and restore is an event.
 *
 * The working lists read their ids from indexes that do not hold `archived_at` (for instance
 * customers_name_id (name, id), read without touching the table). Adding `archived_at IS NULL`
 * to them would make every row a table lookup; instead each working list leaves out the ids of
 * the archived records, read from a partial index that holds only those (few) rows: the
 * `*_archived` indexes below. The "show archived" lists read the same partial indexes.
 *
 * Calls are not archived: a call is the record of what was said, and the calls list is a log,
 * not a work list.
 *
 * `staff.pin_hash` is the optional PIN a staff member chooses on a shared SQLite file, where
 * the "who are you" chooser is the only sign-in: "pbkdf2-sha256$<iterations>$<salt>$<hash>"
 * (core/kefu-pin.h), NULL when the staff member has none.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

#define ARCHIVE(table, ID, TIME) \
  "ALTER TABLE " table " ADD COLUMN archived_at " TIME ";\n" \
  "ALTER TABLE " table " ADD COLUMN archived_by " ID " REFERENCES staff (id);\n" \
  "CREATE INDEX " table "_archived ON " table " (archived_at, id)\n" \
  "  WHERE archived_at IS NOT NULL;\n"

#define STEP(ID, TIME) \
  ARCHIVE ("customers", ID, TIME) \
  ARCHIVE ("complaints", ID, TIME) \
  ARCHIVE ("shipments", ID, TIME) \
  ARCHIVE ("service_jobs", ID, TIME) \
  ARCHIVE ("callbacks", ID, TIME) \
  "ALTER TABLE staff ADD COLUMN pin_hash TEXT\n" \
  "  CHECK (pin_hash IS NULL OR pin_hash LIKE 'pbkdf2-sha256$%');\n"

const char _kefu_schema_v8_sqlite[] = STEP ("INTEGER", "TEXT");
const char _kefu_schema_v8_postgres[] = STEP ("BIGINT", "TIMESTAMPTZ");
