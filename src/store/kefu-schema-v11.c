/* kefu-schema-v11.c: schema step 11, the rights that the features of steps 6, 8, 9 and 10 need
 * on a PostgreSQL server where step 7 gave each Kefu role only what it needs.
 *
 * Step 7 took EXECUTE on Kefu's functions from PUBLIC and gives later tables SELECT, INSERT and
 * UPDATE for every staff member by default. What that leaves out, found by running each
 * feature as a clerk's own login (tests/store/test-store-roles.c, workstation-features):
 * - kefu_last_change_id () (step 6): where a clerk's change feed starts;
 * - DELETE on presence (step 9): a mark is removed when its page closes, and lapsed marks of a
 *   record are removed by whoever marks it next. A mark is a soft hint, not a lock and not
 *   history, so any staff member may remove one.
 * Archiving (step 8) and the calls' client key (step 10) are UPDATE and INSERT on tables whose
 * rights step 7 already gave; who may archive is checked by the store's role rules and its
 * version check, like every other change of a record.
 *
 * SQLite has no roles: its side of the step is empty.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

const char _kefu_schema_v11_sqlite[] =
  "SELECT 1;\n";

const char _kefu_schema_v11_postgres[] =
  "REVOKE EXECUTE ON FUNCTION kefu_last_change_id () FROM PUBLIC;\n"
  "GRANT EXECUTE ON FUNCTION kefu_last_change_id () TO kefu_staff;\n"
  "GRANT DELETE ON presence TO kefu_staff;\n";
