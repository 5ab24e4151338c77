/* kefu-schema-v6.c: schema step 6, the change feed of live refresh.
 *
 * Every write of Kefu appends an event (the events table of step 1), so the events are the one
 * source of what changed. On PostgreSQL a trigger on events INSERT sends a notification on the
 * channel "kefu_changes" with the payload "entity:entity_id" (no record data: a listener learns
 * only what to re-read, and reads it with its own rights); NOTIFY is delivered at commit and only
 * to sessions of the same database, so two Kefu databases on one server never hear each other.
 * A listener that was away (a reconnect) catches up by reading the events after the last id it
 * saw, through kefu_changes_since (): a SECURITY DEFINER function, so that a role that may not
 * read the audit table itself still learns which records changed (and nothing more: ids only).
 * kefu_last_change_id () gives the id to start from.
 *
 * SQLite has no server to notify: a workstation polls PRAGMA data_version on its connection
 * (see kefu-store-watcher.c) and needs nothing in the schema; its side of the step is empty.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

const char _kefu_schema_v6_sqlite[] =
  "SELECT 1;\n";

const char _kefu_schema_v6_postgres[] =
  "CREATE FUNCTION kefu_events_notify () RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
  "BEGIN\n"
  "  PERFORM pg_notify ('kefu_changes', NEW.entity || ':' || NEW.entity_id);\n"
  "  RETURN NULL;\n"
  "END;\n"
  "$fn$;\n"
  "CREATE TRIGGER events_notify AFTER INSERT ON events\n"
  "  FOR EACH ROW EXECUTE FUNCTION kefu_events_notify ();\n"
  /* The parameter is read as $1: "after" is a keyword of PL/pgSQL and SQL alike. */
  "CREATE FUNCTION kefu_changes_since (after BIGINT)\n"
  "  RETURNS TABLE (id BIGINT, entity TEXT, entity_id BIGINT)\n"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "  SELECT e.id, e.entity, e.entity_id FROM events e WHERE e.id > $1 ORDER BY e.id LIMIT 10000\n"
  "$fn$;\n"
  "CREATE FUNCTION kefu_last_change_id () RETURNS BIGINT\n"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "  SELECT COALESCE (MAX (id), 0) FROM events\n"
  "$fn$;\n";
