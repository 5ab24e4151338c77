/* kefu-schema-v7.c: schema step 7, who may do what on a PostgreSQL server.
 *
 * SQLite has no server to enforce anything (the file's permissions are the boundary and the app
 * applies the same rules), so its side of the step is a no-op statement.
 *
 * On PostgreSQL:
 * - One login-less group role per Kefu role (kefu_clerk, kefu_team_lead, …, named after the
 *   staff.role values with '-' turned into '_'), all members of kefu_staff, which holds the
 *   grants every staff member shares. Roles are cluster-wide: the step creates only the missing
 *   ones, so several Kefu databases on one cluster share the same group roles. That is safe
 *   because every policy and helper maps session_user to an *active staff row of this database*
 *   (staff.db_role): a login that has no staff row here gets no rows and may write nothing, even
 *   though its group role holds the same table grants in every Kefu database.
 * - Identity comes from session_user only, through SECURITY DEFINER STABLE helpers with a fixed
 *   search_path (kefu_session_*), never from a setting a client could change.
 * - Every table except staff and events gets ENABLE and FORCE ROW LEVEL SECURITY with policies
 *   that admit active staff and the owner. staff is ENABLE only: the helpers read it as the
 *   owner, and a forced policy on it would call them again. events is ENABLE only too: the
 *   definer functions that return a record's events read it as the owner.
 * - What a row policy cannot see (the row as it was) is checked by BEFORE UPDATE triggers that
 *   raise insufficient_privilege: a complaint may be changed by its owner, staff other than
 *   clerks of a department it is routed to (the hotline's own department receives service
 *   complaints, and a clerk must not close a colleague's), team leads and managers; a callback
 *   assigned to or done by someone else
 *   only by team leads and managers.
 * - events: INSERT only (no UPDATE, DELETE or TRUNCATE for any Kefu role, and the step 1
 *   triggers raise for everyone); a SECURITY DEFINER BEFORE INSERT trigger records session_user
 *   in events.db_user, stamps the server time, and refuses an event written in the name of
 *   another staff member. Only the managers' group roles may read it directly; timelines read
 *   through kefu_record_events () and kefu_entity_events_between ().
 * - Logins: kefu_create_login () and kefu_reset_password () (managers) create a staff member's
 *   login role with a one-time password valid for 7 days; kefu_change_password () lets a staff
 *   member set their own. A trigger keeps the login's group role and LOGIN right in step with
 *   staff.role and staff.active.
 *
 * The owner that runs this step needs CREATEROLE (or to be a superuser) for the group roles and
 * the logins (docs/schema.md, README).
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

const char _kefu_schema_v7_sqlite[] = "SELECT 1;\n";

/* The role sets the policies use. */
#define SUPERVISORS \
  "'team-lead', 'cs-manager', 'qc-manager', 'gm-office', 'marketing-director', 'administrator'"
#define AUDITORS "'cs-manager', 'qc-manager', 'gm-office', 'marketing-director', 'administrator'"
#define STAFF_ADMINS "'cs-manager', 'administrator'"

/* Tables whose rows every active staff member may read, add and change (row rules, where there
 * are some, come from the triggers below). */
#define WORK_TABLES \
  "'customers', 'customer_phones', 'customer_name_grams', 'calls', 'inquiries', 'leads', " \
  "'orders', 'order_lines', 'complaints', 'complaint_routes', 'complaint_search', " \
  "'complaint_visits', 'batch_alerts', 'shipments', 'shipment_lines', 'shipment_search', " \
  "'service_jobs', 'job_progress', 'service_job_search', 'callbacks', 'callback_campaigns', " \
  "'callback_attempts', 'customer_callback_preferences', 'callback_reports'"
/* Shared configuration and master data: read by all, written by the roles granted below. */
#define CONFIG_TABLES \
  "'settings', 'departments', 'products', 'carriers', 'complaint_routing_rules'"
/* Child rows the store replaces by deleting them (a customer's phones and name index, a
 * complaint's routes, a shipment's lines). No record is ever deleted. */
#define DELETE_TABLES \
  "'customer_phones', 'customer_name_grams', 'complaint_routes', 'shipment_lines'"

#define DEFINER "STABLE SECURITY DEFINER SET search_path FROM CURRENT"

const char _kefu_schema_v7_postgres[] =
  /* Group roles, created only when missing. */
  "DO $do$\n"
  "DECLARE\n"
  "  r TEXT;\n"
  "  can_create BOOLEAN;\n"
  "BEGIN\n"
  "  SELECT rolcreaterole OR rolsuper INTO can_create FROM pg_roles WHERE rolname = current_user;\n"
  "  FOREACH r IN ARRAY ARRAY['kefu_staff', " KEFU_SCHEMA_ROLE_VALUES "] LOOP\n"
  "    IF r <> 'kefu_staff' THEN r := 'kefu_' || replace(r, '-', '_'); END IF;\n"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN\n"
  "      IF NOT can_create THEN\n"
  "        RAISE EXCEPTION 'The role % cannot create the group role %', current_user, r\n"
  "          USING ERRCODE = 'insufficient_privilege',\n"
  "                HINT = 'Run the upgrade as a role with CREATEROLE (the database owner).';\n"
  "      END IF;\n"
  "      EXECUTE format('CREATE ROLE %I NOLOGIN', r);\n"
  "    END IF;\n"
  "    IF r <> 'kefu_staff' AND NOT EXISTS (SELECT 1 FROM pg_auth_members m\n"
  "        JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member\n"
  "        WHERE g.rolname = 'kefu_staff' AND u.rolname = r) THEN\n"
  "      EXECUTE format('GRANT kefu_staff TO %I', r);\n"
  "    END IF;\n"
  "  END LOOP;\n"
  "END\n"
  "$do$;\n"

  /* Which login is which staff member, and whether its password is still a one-time one. */
  "ALTER TABLE staff ADD COLUMN db_role TEXT UNIQUE;\n"
  "ALTER TABLE staff ADD COLUMN db_password_temporary BOOLEAN NOT NULL DEFAULT FALSE;\n"
  "ALTER TABLE events ADD COLUMN db_user TEXT;\n"

  /* Helpers. Inside a SECURITY DEFINER function current_user is the owner that ran this step,
   * so "member of current_user" is "the owner, or a superuser". */
  "CREATE FUNCTION kefu_group_role (role TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE\n"
  "  AS $$ SELECT 'kefu_' || replace(role, '-', '_') $$;\n"
  "CREATE FUNCTION kefu_session_is_owner () RETURNS BOOLEAN LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT pg_has_role(session_user, current_user, 'MEMBER') $$;\n"
  "CREATE FUNCTION kefu_session_staff_id () RETURNS BIGINT LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT id FROM staff WHERE db_role = session_user::text AND active $$;\n"
  "CREATE FUNCTION kefu_session_role () RETURNS TEXT LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT role FROM staff WHERE db_role = session_user::text AND active $$;\n"
  "CREATE FUNCTION kefu_session_department_id () RETURNS BIGINT LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT department_id FROM staff WHERE db_role = session_user::text AND active $$;\n"
  /* Active staff or the owner: who may work in this database at all. */
  "CREATE FUNCTION kefu_session_may_work () RETURNS BOOLEAN LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT kefu_session_is_owner() OR kefu_session_staff_id() IS NOT NULL $$;\n"
  "CREATE FUNCTION kefu_session_has_role (VARIADIC roles TEXT[]) RETURNS BOOLEAN\n"
  "  LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT kefu_session_is_owner()\n"
  "    OR COALESCE(kefu_session_role() = ANY (roles), FALSE) $$;\n"
  "CREATE FUNCTION kefu_session_is_supervisor () RETURNS BOOLEAN LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT kefu_session_has_role(" SUPERVISORS ") $$;\n"
  "CREATE FUNCTION kefu_session_is_auditor () RETURNS BOOLEAN LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT kefu_session_has_role(" AUDITORS ") $$;\n"
  "CREATE FUNCTION kefu_session_is_staff_admin () RETURNS BOOLEAN LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT kefu_session_has_role(" STAFF_ADMINS ") $$;\n"
  /* Who this session is, for the application (kefu_store_who_am_i ()). */
  "CREATE FUNCTION kefu_session () RETURNS TABLE (staff_id BIGINT, login TEXT, is_owner BOOLEAN,\n"
  "    password_temporary BOOLEAN) LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT (SELECT s.id FROM staff s WHERE s.db_role = session_user::text AND s.active),\n"
  "    session_user::text, kefu_session_is_owner(),\n"
  "    COALESCE((SELECT s.db_password_temporary FROM staff s\n"
  "              WHERE s.db_role = session_user::text), FALSE) $$;\n"

  /* May the session change this complaint (its routes included)? */
  "CREATE FUNCTION kefu_may_change_complaint (complaint BIGINT) RETURNS BOOLEAN\n"
  "  LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT kefu_session_is_supervisor()\n"
  "    OR EXISTS (SELECT 1 FROM complaints c WHERE c.id = complaint\n"
  "               AND c.owner_id = kefu_session_staff_id())\n"
  "    OR (kefu_session_role() <> 'clerk'\n"
  "        AND EXISTS (SELECT 1 FROM complaint_routes r WHERE r.complaint_id = complaint\n"
  "                    AND r.department_id = kefu_session_department_id())) $$;\n"

  /* Row checks that need the row as it was. */
  "CREATE FUNCTION kefu_complaints_guard () RETURNS trigger LANGUAGE plpgsql\n"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "BEGIN\n"
  "  IF NOT kefu_may_change_complaint(OLD.id) THEN\n"
  "    RAISE EXCEPTION 'complaint % belongs to another staff member', OLD.id\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END\n"
  "$fn$;\n"
  "CREATE TRIGGER complaints_guard BEFORE UPDATE ON complaints\n"
  "  FOR EACH ROW EXECUTE FUNCTION kefu_complaints_guard ();\n"
  "CREATE FUNCTION kefu_complaint_routes_guard () RETURNS trigger LANGUAGE plpgsql\n"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "BEGIN\n"
  "  IF NOT kefu_may_change_complaint(OLD.complaint_id) THEN\n"
  "    RAISE EXCEPTION 'the routes of complaint % are not this staff member''s to change',\n"
  "      OLD.complaint_id USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n"
  "  RETURN NEW;\n"
  "END\n"
  "$fn$;\n"
  "CREATE TRIGGER complaint_routes_guard BEFORE UPDATE OR DELETE ON complaint_routes\n"
  "  FOR EACH ROW EXECUTE FUNCTION kefu_complaint_routes_guard ();\n"
  "CREATE FUNCTION kefu_callbacks_guard () RETURNS trigger LANGUAGE plpgsql\n"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "DECLARE\n"
  "  me BIGINT := kefu_session_staff_id();\n"
  "BEGIN\n"
  "  IF kefu_session_is_supervisor() THEN RETURN NEW; END IF;\n"
  "  IF (OLD.assigned_to IS NOT NULL AND OLD.assigned_to IS DISTINCT FROM me) OR\n"
  "     (OLD.done_by IS NOT NULL AND OLD.done_by IS DISTINCT FROM me) THEN\n"
  "    RAISE EXCEPTION 'callback % belongs to another staff member', OLD.id\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END\n"
  "$fn$;\n"
  "CREATE TRIGGER callbacks_guard BEFORE UPDATE ON callbacks\n"
  "  FOR EACH ROW EXECUTE FUNCTION kefu_callbacks_guard ();\n"

  /* The audit trail: who really wrote each event. The built-in system row may be named by team
   * leads and managers (their workstations raise overdue complaints in its name). */
  "CREATE FUNCTION kefu_events_stamp () RETURNS trigger LANGUAGE plpgsql\n"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "DECLARE\n"
  "  me BIGINT;\n"
  "  my_role TEXT;\n"
  "BEGIN\n"
  "  NEW.db_user := session_user;\n"
  "  IF kefu_session_is_owner() THEN RETURN NEW; END IF;\n"
  "  NEW.created_at := now();\n"
  "  SELECT id, role INTO me, my_role FROM staff WHERE db_role = session_user::text AND active;\n"
  "  IF me IS NULL THEN\n"
  "    RAISE EXCEPTION 'the login % is not an active staff member of this database', session_user\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  IF NEW.staff_id = me OR my_role = 'administrator' OR\n"
  "     (my_role IN (" SUPERVISORS ") AND\n"
  "      NEW.staff_id = (SELECT id FROM staff WHERE login = 'system')) THEN\n"
  "    RETURN NEW;\n"
  "  END IF;\n"
  "  RAISE EXCEPTION 'an event can only be recorded in the name of the signed-in staff member'\n"
  "    USING ERRCODE = 'insufficient_privilege';\n"
  "END\n"
  "$fn$;\n"
  "CREATE TRIGGER events_stamp BEFORE INSERT ON events\n"
  "  FOR EACH ROW EXECUTE FUNCTION kefu_events_stamp ();\n"

  /* Which table an event's entity is, for the visibility check of kefu_record_events (). */
  "CREATE FUNCTION kefu_entity_table (entity TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE\n"
  "  AS $$ SELECT CASE entity\n"
  "    WHEN 'complaint' THEN 'complaints' WHEN 'callback' THEN 'callbacks'\n"
  "    WHEN 'shipment' THEN 'shipments' WHEN 'service-job' THEN 'service_jobs'\n"
  "    WHEN 'customers' THEN 'customers' WHEN 'calls' THEN 'calls' WHEN 'orders' THEN 'orders'\n"
  "    WHEN 'inquiries' THEN 'inquiries' WHEN 'leads' THEN 'leads'\n"
  "    WHEN 'complaints' THEN 'complaints' WHEN 'callbacks' THEN 'callbacks'\n"
  "    WHEN 'service_jobs' THEN 'service_jobs' WHEN 'batch_alerts' THEN 'batch_alerts'\n"
  "    WHEN 'products' THEN 'products' WHEN 'departments' THEN 'departments'\n"
  "    WHEN 'carriers' THEN 'carriers' END $$;\n"
  /* One record's events, for its timeline: everything for the owner and the managers; for other
   * staff the events of a record they can see. Staff and settings events are the managers'. */
  "CREATE FUNCTION kefu_record_events (p_entity TEXT, p_entity_id BIGINT)\n"
  "  RETURNS TABLE (id BIGINT, created_at TIMESTAMPTZ, staff_id BIGINT, entity TEXT,\n"
  "                 entity_id BIGINT, action TEXT, details TEXT)\n"
  "  LANGUAGE plpgsql " DEFINER " AS $fn$\n"
  "#variable_conflict use_column\n"
  "DECLARE\n"
  "  t TEXT;\n"
  "  visible BOOLEAN := FALSE;\n"
  "BEGIN\n"
  "  IF kefu_session_is_auditor() THEN\n"
  "    visible := TRUE;\n"
  "  ELSIF kefu_session_staff_id() IS NOT NULL THEN\n"
  "    t := kefu_entity_table(p_entity);\n"
  "    IF t IS NOT NULL THEN\n"
  "      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', t)\n"
  "        INTO visible USING p_entity_id;\n"
  "    END IF;\n"
  "  END IF;\n"
  "  IF visible THEN\n"
  "    RETURN QUERY SELECT e.id, e.created_at, e.staff_id, e.entity, e.entity_id, e.action,\n"
  "      e.details FROM events e WHERE e.entity = p_entity AND e.entity_id = p_entity_id;\n"
  "  END IF;\n"
  "END\n"
  "$fn$;\n"
  /* The events of one kind of record in an id range (the desktop notices of new complaint
   * events), and the newest event id; every staff member sees every complaint. */
  "CREATE FUNCTION kefu_entity_events_between (p_entity TEXT, after BIGINT, upto BIGINT)\n"
  "  RETURNS TABLE (id BIGINT, created_at TIMESTAMPTZ, staff_id BIGINT, entity TEXT,\n"
  "                 entity_id BIGINT, action TEXT, details TEXT)\n"
  "  LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT e.id, e.created_at, e.staff_id, e.entity, e.entity_id, e.action, e.details\n"
  "    FROM events e WHERE e.entity = p_entity AND e.id > after AND e.id <= upto\n"
  "    AND kefu_entity_table(p_entity) IS NOT NULL AND kefu_session_may_work() $$;\n"
  "CREATE FUNCTION kefu_last_event_id () RETURNS BIGINT LANGUAGE sql " DEFINER "\n"
  "  AS $$ SELECT COALESCE(MAX(id), 0) FROM events WHERE kefu_session_may_work() $$;\n"
  /* The change feed's reader. A later schema step may have created it already; this one only
   * fills the gap. */
  "DO $do$\n"
  "BEGIN\n"
  "  IF to_regprocedure('kefu_changes_since(bigint)') IS NULL THEN\n"
  "    EXECUTE $f$CREATE FUNCTION kefu_changes_since (after BIGINT)\n"
  "      RETURNS TABLE (id BIGINT, entity TEXT, entity_id BIGINT)\n"
  "      LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT\n"
  "      AS $b$ SELECT e.id, e.entity, e.entity_id FROM events e WHERE e.id > after\n"
  "             ORDER BY e.id LIMIT 10000 $b$$f$;\n"
  "  END IF;\n"
  "END\n"
  "$do$;\n"

  /* Logins. A one-time password: 16 characters from gen_random_uuid () (the server's strong
   * random source), valid for 7 days, replaced by the user at the first sign-in. */
  "CREATE FUNCTION kefu_new_password () RETURNS TEXT LANGUAGE sql VOLATILE\n"
  "  AS $$ SELECT substr(replace(gen_random_uuid()::text, '-', ''), 1, 16) $$;\n"
  "CREATE FUNCTION kefu_create_login (p_staff_id BIGINT, p_login TEXT) RETURNS TEXT\n"
  "  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "DECLARE\n"
  "  s staff%ROWTYPE;\n"
  "  pw TEXT := kefu_new_password();\n"
  "BEGIN\n"
  "  IF NOT kefu_session_is_staff_admin() THEN\n"
  "    RAISE EXCEPTION 'only a manager can create logins'\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  SELECT * INTO s FROM staff WHERE staff.id = p_staff_id FOR UPDATE;\n"
  "  IF NOT FOUND OR s.login = 'system' THEN\n"
  "    RAISE EXCEPTION 'no staff member %', p_staff_id USING ERRCODE = 'no_data_found';\n"
  "  END IF;\n"
  "  IF s.role = 'administrator' AND NOT kefu_session_has_role('administrator') THEN\n"
  "    RAISE EXCEPTION 'only an administrator can create an administrator''s login'\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  IF s.db_role IS NOT NULL THEN\n"
  "    RAISE EXCEPTION 'staff member % already has the login %', p_staff_id, s.db_role\n"
  "      USING ERRCODE = 'unique_violation';\n"
  "  END IF;\n"
  "  IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.]{1,62}$' OR p_login LIKE 'pg\\_%'\n"
  "     OR p_login LIKE 'kefu\\_%' THEN\n"
  "    RAISE EXCEPTION 'invalid login name %', p_login USING ERRCODE = 'invalid_parameter_value';\n"
  "  END IF;\n"
  "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN\n"
  "    RAISE EXCEPTION 'a role % already exists on this server', p_login\n"
  "      USING ERRCODE = 'duplicate_object';\n"
  "  END IF;\n"
  /* Group roles made by another Kefu database's owner on the same cluster: this owner needs the
   * ADMIN OPTION on them, which only that owner or a superuser can give. */
  "  IF NOT pg_has_role(current_user, kefu_group_role(s.role), 'USAGE WITH ADMIN OPTION')\n"
  "     AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN\n"
  "    RAISE EXCEPTION 'the database owner % cannot give the group role % to new logins; a '\n"
  "      'superuser must run: GRANT % TO % WITH ADMIN OPTION', current_user,\n"
  "      kefu_group_role(s.role), kefu_group_role(s.role), current_user\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L VALID UNTIL %L IN ROLE %I', p_login, pw,\n"
  "                 (now() + interval '7 days')::text, kefu_group_role(s.role));\n"
  "  IF NOT s.active THEN EXECUTE format('ALTER ROLE %I NOLOGIN', p_login); END IF;\n"
  "  UPDATE staff SET db_role = p_login, db_password_temporary = TRUE\n"
  "    WHERE staff.id = p_staff_id;\n"
  "  RETURN pw;\n"
  "END\n"
  "$fn$;\n"
  "CREATE FUNCTION kefu_reset_password (p_staff_id BIGINT) RETURNS TEXT\n"
  "  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "DECLARE\n"
  "  s staff%ROWTYPE;\n"
  "  pw TEXT := kefu_new_password();\n"
  "BEGIN\n"
  "  IF NOT kefu_session_is_staff_admin() THEN\n"
  "    RAISE EXCEPTION 'only a manager can reset passwords'\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  SELECT * INTO s FROM staff WHERE staff.id = p_staff_id FOR UPDATE;\n"
  "  IF NOT FOUND OR s.db_role IS NULL THEN\n"
  "    RAISE EXCEPTION 'staff member % has no login', p_staff_id USING ERRCODE = 'no_data_found';\n"
  "  END IF;\n"
  "  IF s.role = 'administrator' AND NOT kefu_session_has_role('administrator') THEN\n"
  "    RAISE EXCEPTION 'only an administrator can reset an administrator''s password'\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', s.db_role, pw,\n"
  "                 (now() + interval '7 days')::text);\n"
  "  UPDATE staff SET db_password_temporary = TRUE WHERE staff.id = p_staff_id;\n"
  "  RETURN pw;\n"
  "END\n"
  "$fn$;\n"
  "CREATE FUNCTION kefu_change_password (p_password TEXT) RETURNS VOID\n"
  "  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "DECLARE\n"
  "  me BIGINT := kefu_session_staff_id();\n"
  "BEGIN\n"
  "  IF me IS NULL THEN\n"
  "    RAISE EXCEPTION 'the login % is not an active staff member of this database', session_user\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  IF p_password IS NULL OR char_length(p_password) < 8 THEN\n"
  "    RAISE EXCEPTION 'a password needs at least 8 characters'\n"
  "      USING ERRCODE = 'invalid_parameter_value';\n"
  "  END IF;\n"
  "  EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', session_user, p_password,\n"
  "                 'infinity');\n"
  "  UPDATE staff SET db_password_temporary = FALSE WHERE staff.id = me;\n"
  "END\n"
  "$fn$;\n"
  /* The login follows its staff row: group role by staff.role, LOGIN only while active. */
  "CREATE FUNCTION kefu_staff_sync_login () RETURNS trigger LANGUAGE plpgsql\n"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
  "BEGIN\n"
  "  IF NEW.db_role IS NULL THEN RETURN NEW; END IF;\n"
  "  IF NEW.role IS DISTINCT FROM OLD.role THEN\n"
  "    EXECUTE format('REVOKE %I FROM %I', kefu_group_role(OLD.role), NEW.db_role);\n"
  "    EXECUTE format('GRANT %I TO %I', kefu_group_role(NEW.role), NEW.db_role);\n"
  "  END IF;\n"
  "  IF NEW.active IS DISTINCT FROM OLD.active THEN\n"
  "    EXECUTE format('ALTER ROLE %I %s', NEW.db_role,\n"
  "                   CASE WHEN NEW.active THEN 'LOGIN' ELSE 'NOLOGIN' END);\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END\n"
  "$fn$;\n"
  "CREATE TRIGGER staff_sync_login AFTER UPDATE OF role, active ON staff\n"
  "  FOR EACH ROW EXECUTE FUNCTION kefu_staff_sync_login ();\n"

  /* Grants, row level security and policies. */
  "DO $do$\n"
  "DECLARE\n"
  "  t TEXT;\n"
  "BEGIN\n"
  "  FOREACH t IN ARRAY ARRAY[" WORK_TABLES ", " CONFIG_TABLES "] LOOP\n"
  "    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);\n"
  "    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);\n"
  "    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);\n"
  "    EXECUTE format('CREATE POLICY kefu_read ON %I FOR SELECT '\n"
  "                   'USING ((SELECT kefu_session_may_work()))', t);\n"
  "    EXECUTE format('CREATE POLICY kefu_insert ON %I FOR INSERT '\n"
  "                   'WITH CHECK ((SELECT kefu_session_may_work()))', t);\n"
  "    EXECUTE format('CREATE POLICY kefu_update ON %I FOR UPDATE '\n"
  "                   'USING ((SELECT kefu_session_may_work())) '\n"
  "                   'WITH CHECK ((SELECT kefu_session_may_work()))', t);\n"
  "    EXECUTE format('CREATE POLICY kefu_delete ON %I FOR DELETE '\n"
  "                   'USING ((SELECT kefu_session_may_work()))', t);\n"
  "    EXECUTE format('GRANT SELECT ON %I TO kefu_staff', t);\n"
  "  END LOOP;\n"
  "  FOREACH t IN ARRAY ARRAY[" WORK_TABLES "] LOOP\n"
  "    EXECUTE format('GRANT INSERT, UPDATE ON %I TO kefu_staff', t);\n"
  "  END LOOP;\n"
  "  FOREACH t IN ARRAY ARRAY[" DELETE_TABLES "] LOOP\n"
  "    EXECUTE format('GRANT DELETE ON %I TO kefu_staff', t);\n"
  "  END LOOP;\n"
  /* Shared rules: the CS manager and the administrator (kefu_role_can_edit_settings ()). */
  "  FOREACH t IN ARRAY ARRAY['settings', 'departments', 'carriers',\n"
  "                           'complaint_routing_rules'] LOOP\n"
  "    EXECUTE format('GRANT INSERT, UPDATE ON %I TO kefu_cs_manager, kefu_administrator', t);\n"
  "  END LOOP;\n"
  "  GRANT DELETE ON complaint_routing_rules TO kefu_cs_manager, kefu_administrator;\n"
  "  GRANT INSERT, UPDATE ON products TO kefu_cs_manager, kefu_administrator, kefu_sales_admin;\n"
  "END\n"
  "$do$;\n"
  /* staff: read by every staff member; changed by the managers of staff, and then only in the
   * columns the staff page edits (never the login link, which the definer functions keep). */
  "REVOKE ALL ON staff FROM PUBLIC;\n"
  "ALTER TABLE staff ENABLE ROW LEVEL SECURITY;\n"
  "CREATE POLICY kefu_read ON staff FOR SELECT USING ((SELECT kefu_session_may_work()));\n"
  "CREATE POLICY kefu_insert ON staff FOR INSERT\n"
  "  WITH CHECK ((SELECT kefu_session_is_staff_admin()));\n"
  "CREATE POLICY kefu_update ON staff FOR UPDATE USING ((SELECT kefu_session_is_staff_admin()))\n"
  "  WITH CHECK ((SELECT kefu_session_is_staff_admin()));\n"
  "GRANT SELECT ON staff TO kefu_staff;\n"
  "GRANT INSERT (name, login, role, department_id, active, version, created_at, updated_at),\n"
  "  UPDATE (name, login, role, department_id, active, version, updated_at)\n"
  "  ON staff TO kefu_cs_manager, kefu_administrator;\n"
  /* events: appended by everyone, read by the managers, never changed. */
  "REVOKE ALL ON events FROM PUBLIC;\n"
  "ALTER TABLE events ENABLE ROW LEVEL SECURITY;\n"
  "CREATE POLICY kefu_append ON events FOR INSERT WITH CHECK ((SELECT kefu_session_may_work()));\n"
  "CREATE POLICY kefu_audit ON events FOR SELECT USING ((SELECT kefu_session_is_auditor()));\n"
  "GRANT INSERT (created_at, staff_id, entity, entity_id, action, details)\n"
  "  ON events TO kefu_staff;\n"
  "GRANT SELECT ON events TO kefu_cs_manager, kefu_qc_manager, kefu_gm_office,\n"
  "  kefu_marketing_director, kefu_administrator;\n"
  "REVOKE ALL ON schema_migrations FROM PUBLIC;\n"
  "GRANT SELECT ON schema_migrations TO kefu_staff;\n"
  /* Functions: EXECUTE is PUBLIC by default; give it to those who need it. The helpers are
   * called by the policies, so every staff member runs them. */
  "DO $do$\n"
  "DECLARE\n"
  "  f REGPROCEDURE;\n"
  "BEGIN\n"
  "  FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace\n"
  "      AND p.proname LIKE 'kefu\\_%' LOOP\n"
  "    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);\n"
  "  END LOOP;\n"
  "  EXECUTE format('GRANT USAGE ON SCHEMA %I TO kefu_staff', current_schema());\n"
  "END\n"
  "$do$;\n"
  "GRANT EXECUTE ON FUNCTION kefu_group_role (TEXT), kefu_session_is_owner (),\n"
  "  kefu_session_staff_id (), kefu_session_role (), kefu_session_department_id (),\n"
  "  kefu_session_may_work (), kefu_session_has_role (TEXT[]), kefu_session_is_supervisor (),\n"
  "  kefu_session_is_auditor (), kefu_session_is_staff_admin (), kefu_session (),\n"
  "  kefu_may_change_complaint (BIGINT), kefu_entity_table (TEXT),\n"
  "  kefu_record_events (TEXT, BIGINT), kefu_entity_events_between (TEXT, BIGINT, BIGINT),\n"
  "  kefu_last_event_id (), kefu_changes_since (BIGINT), kefu_change_password (TEXT)\n"
  "  TO kefu_staff;\n"
  "GRANT EXECUTE ON FUNCTION kefu_create_login (BIGINT, TEXT), kefu_reset_password (BIGINT)\n"
  "  TO kefu_cs_manager, kefu_administrator;\n"
  /* Tables that later steps create are readable and writable by staff unless the step says
   * otherwise (it then revokes, and adds its own row level security). */
  "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE ON TABLES TO kefu_staff;\n";
