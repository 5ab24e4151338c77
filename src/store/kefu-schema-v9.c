/* kefu-schema-v9.c: schema step 9, presence and the managers' audit view.
 *
 * presence: "being edited by 王芳 since 10:42" (core/kefu-presence.h). One row per record, staff
 * member and workstation while the record is open for editing there; renewed_at is moved on
 * every KEFU_PRESENCE_RENEW_SECONDS and a row older than KEFU_PRESENCE_SECONDS is ignored (and
 * removed by the next mark of that record), so a crashed workstation leaves nothing that holds.
 * Marks are not history: no events are written for them. presence_record finds a record's marks.
 *
 * events_staff: "who changed what" for one staff member over a period reads their events by
 * (staff_id, created_at) rather than every event of the period (events_created_at).
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

#define STEP9(ID, TIME) \
  "CREATE TABLE presence (\n" \
  "  entity      TEXT NOT NULL,\n" \
  "  entity_id   " ID " NOT NULL,\n" \
  "  staff_id    " ID " NOT NULL REFERENCES staff (id),\n" \
  "  workstation TEXT NOT NULL,\n" \
  "  since       " TIME " NOT NULL,\n" \
  "  renewed_at  " TIME " NOT NULL,\n" \
  "  PRIMARY KEY (entity, entity_id, staff_id, workstation)\n" \
  ");\n" \
  "CREATE INDEX presence_record ON presence (entity, entity_id, renewed_at);\n" \
  "CREATE INDEX events_staff ON events (staff_id, created_at, id);\n"

const char _kefu_schema_v9_sqlite[] = STEP9 ("INTEGER", "TEXT");

const char _kefu_schema_v9_postgres[] = STEP9 ("BIGINT", "TIMESTAMPTZ");
