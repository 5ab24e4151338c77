/* test-store-roles.c: what the PostgreSQL server itself enforces (schema step 7). Raw SQL through
 * libpq, logged in as a clerk's own login role, is refused what the UI would not offer; the
 * store opened as real login roles (clerk, team lead, manager) runs the everyday flow and is
 * refused the rest. PostgreSQL only: a SQLite file has no server to enforce anything.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <libpq-fe.h>

#include "kefu-test-company.h"
#include "kefu-test-pg.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-dashboard.h"
#include "store/kefu-store-archive.h"
#include "store/kefu-store-audit.h"
#include "store/kefu-store-presence.h"
#include "store/kefu-store-roles.h"
#include "store/kefu-store-shift-notes.h"
#include "store/kefu-store-watcher.h"
#include "test-store-calls.h"

typedef struct
{
  Company co;
  char   *clerk_login;
  char   *clerk2_login;
  char   *lead_login;
  char   *manager_login;
  char   *clerk_password;
  gint64  complaint2;      /* clerk2's complaint */
  gint64  complaint2_call;
} Roles;

static guint login_counter;

/* Login names are cluster-wide: each test's get their own suffix. */
static char *
new_login (const char *base)
{
  return g_strdup_printf ("%s_%u", base, ++login_counter);
}

static char *
location_as (const char *location,
             const char *login,
             const char *password)
{
  g_autoptr(GString) uri = g_string_new (location);

  g_assert_nonnull (strstr (uri->str, "user=postgres"));
  g_string_replace (uri, "user=postgres", "", 1);
  g_string_append_printf (uri, "user=%s", login);
  if (password != NULL)
    g_string_append_printf (uri, "&password=%s", password);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static char *
create_login (KefuStore  *store,
              gint64      staff_id,
              const char *login)
{
  g_autoptr(GError) error = NULL;
  char *password = kefu_store_create_login (store, staff_id, login, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (password);
  g_assert_cmpuint (strlen (password), ==, 16);
  return password;
}

static void
save_call (KefuStore *store,
           KefuCall  *call)
{
  g_autoptr(GError) error = NULL;

  kefu_store_save_call (store, call, NULL, &error);
  g_assert_no_error (error);
}

/* The company, logins for two clerks, the team lead and the CS manager, and a complaint of the
 * second clerk's, all made by the owner (the superuser that migrated the database). */
static void
roles_setup (Fixture *fixture,
             Roles   *roles)
{
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *p1 = NULL;
  g_autofree char *p2 = NULL;
  g_autofree char *p3 = NULL;

  test_company_setup (fixture->store, &roles->co);
  roles->clerk_login = new_login ("wangfang");
  roles->clerk2_login = new_login ("lina");
  roles->lead_login = new_login ("zhanglei");
  roles->manager_login = new_login ("liuyang");
  roles->clerk_password = create_login (fixture->store, roles->co.clerk, roles->clerk_login);
  p1 = create_login (fixture->store, roles->co.clerk2, roles->clerk2_login);
  p2 = create_login (fixture->store, roles->co.team_lead, roles->lead_login);
  p3 = create_login (fixture->store, roles->co.cs_manager, roles->manager_login);

  call = test_complaint_call (&roles->co, roles->co.clerk2, "139 0000 0002",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, now);
  save_call (fixture->store, call);
  roles->complaint2 = kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call)));
  roles->complaint2_call = kefu_record_get_id (KEFU_RECORD (call));
  g_assert_cmpint (roles->complaint2, >, 0);
}

static void
roles_clear (Roles *roles)
{
  g_free (roles->clerk_login);
  g_free (roles->clerk2_login);
  g_free (roles->lead_login);
  g_free (roles->manager_login);
  g_free (roles->clerk_password);
}

/* Raw SQL */

static PGconn *
connect_raw (const char *location,
             const char *login)
{
  g_autofree char *uri = location_as (location, login, NULL);
  PGconn *conn = PQconnectdb (uri);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* Runs `sql` and returns its SQLSTATE ("00000" on success). */
static char *
run_raw (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  char *state;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    state = g_strdup ("00000");
  else
    state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  PQclear (result);
  return state;
}

static void
assert_raw (PGconn     *conn,
            const char *expected_state,
            const char *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
assert_raw (PGconn     *conn,
            const char *expected_state,
            const char *format,
            ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *state = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  state = run_raw (conn, sql);
  if (g_strcmp0 (state, expected_state) != 0)
    g_error ("%s: SQLSTATE %s, expected %s (%s)", sql, state, expected_state,
             PQerrorMessage (conn));
}

static gint64
raw_int (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  gint64 value;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

static void
test_raw_clerk (Fixture       *fixture,
                gconstpointer  data)
{
  Roles roles = { 0 };
  PGconn *clerk;
  PGconn *manager;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 own;

  roles_setup (fixture, &roles);
  /* The first clerk's own complaint. */
  call = test_complaint_call (&roles.co, roles.co.clerk, "139 0000 0001",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, now);
  save_call (fixture->store, call);
  own = kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call)));

  clerk = connect_raw (fixture->location, roles.clerk_login);

  /* Another clerk's complaint: not closed, not resolved, not taken over, routes untouched. */
  assert_raw (clerk, "42501", "UPDATE complaints SET stage = 'closed' WHERE id = %" G_GINT64_FORMAT,
              roles.complaint2);
  assert_raw (clerk, "42501", "UPDATE complaints SET resolution = 'x', resolved_at = now() "
              "WHERE id = %" G_GINT64_FORMAT, roles.complaint2);
  assert_raw (clerk, "42501", "UPDATE complaints SET owner_id = %" G_GINT64_FORMAT
              " WHERE id = %" G_GINT64_FORMAT, roles.co.clerk, roles.complaint2);
  /* DELETE anywhere: records have no DELETE grant, and where the store replaces child rows the
   * triggers still guard another clerk's complaint. */
  assert_raw (clerk, "42501", "DELETE FROM complaints WHERE id = %" G_GINT64_FORMAT, own);
  assert_raw (clerk, "42501", "DELETE FROM calls");
  assert_raw (clerk, "42501", "DELETE FROM customers");
  assert_raw (clerk, "42501", "DELETE FROM callbacks");
  assert_raw (clerk, "42501", "DELETE FROM staff");
  assert_raw (clerk, "42501", "DELETE FROM settings");
  assert_raw (clerk, "42501", "TRUNCATE complaints");
  assert_raw (clerk, "42501", "TRUNCATE customers CASCADE");
  /* The audit table: no reading, no forging, no changing. */
  assert_raw (clerk, "42501", "SELECT * FROM events");
  assert_raw (clerk, "42501", "SELECT COUNT(*) FROM events");
  assert_raw (clerk, "42501", "INSERT INTO events (staff_id, entity, entity_id, action) "
              "VALUES (%" G_GINT64_FORMAT ", 'complaint', %" G_GINT64_FORMAT ", 'closed')",
              roles.co.clerk2, roles.complaint2);
  assert_raw (clerk, "42501", "INSERT INTO events (staff_id, entity, entity_id, action, db_user) "
              "VALUES (%" G_GINT64_FORMAT ", 'complaint', %" G_GINT64_FORMAT ", 'x', 'lina')",
              roles.co.clerk, own);
  assert_raw (clerk, "42501", "UPDATE events SET action = 'x'");
  assert_raw (clerk, "42501", "DELETE FROM events");
  assert_raw (clerk, "42501", "TRUNCATE events");
  /* Staff and settings are the managers'. */
  assert_raw (clerk, "42501", "UPDATE staff SET role = 'cs-manager' WHERE id = %" G_GINT64_FORMAT,
              roles.co.clerk);
  assert_raw (clerk, "42501", "INSERT INTO staff (name, login, role) VALUES ('x', 'x', 'clerk')");
  assert_raw (clerk, "42501", "UPDATE settings SET value = 'x'");
  assert_raw (clerk, "42501",
              "INSERT INTO settings (key, value) VALUES ('complaint.deadline', '1')");
  assert_raw (clerk, "42501", "INSERT INTO complaint_routing_rules (category, department_id) "
              "VALUES ('service-quality', %" G_GINT64_FORMAT ")", roles.co.qc_department);
  assert_raw (clerk, "42501", "SELECT kefu_create_login (%" G_GINT64_FORMAT ", 'sneaky')",
              roles.co.clerk2);
  assert_raw (clerk, "42501", "SELECT kefu_reset_password (%" G_GINT64_FORMAT ")",
              roles.co.clerk2);
  /* Reading another complaint's events through the timeline function is fine: the clerk sees
   * the complaint on the board. */
  g_assert_cmpint (raw_int (clerk, "SELECT COUNT(*) FROM kefu_record_events ('calls', "
                                   "(SELECT call_id FROM complaints ORDER BY id LIMIT 1))"), ==, 1);
  g_assert_cmpint (raw_int (clerk, "SELECT COUNT(*) FROM kefu_record_events ('settings', 0)"),
                   ==, 0);

  /* What the clerk may do: work on their own complaint, append their own events. */
  assert_raw (clerk, "00000", "UPDATE complaints SET escalation_level = 1 WHERE id = %"
              G_GINT64_FORMAT, own);
  assert_raw (clerk, "00000", "INSERT INTO events (staff_id, entity, entity_id, action) "
              "VALUES (%" G_GINT64_FORMAT ", 'complaint', %" G_GINT64_FORMAT ", 'note')",
              roles.co.clerk, own);
  assert_raw (clerk, "00000", "SELECT * FROM complaints");
  assert_raw (clerk, "00000", "SELECT name FROM staff");
  assert_raw (clerk, "00000", "SELECT * FROM settings");
  g_assert_cmpint (raw_int (clerk, "SELECT staff_id FROM kefu_session ()"), ==, roles.co.clerk);

  /* The manager reads the audit trail, which names the login that wrote each event. */
  manager = connect_raw (fixture->location, roles.manager_login);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM events WHERE action = 'note' "
                                            "AND db_user = '%s'", roles.clerk_login);

    g_assert_cmpint (raw_int (manager, sql), ==, 1);
  }
  assert_raw (manager, "00000", "INSERT INTO settings (key, value) VALUES ('roles.test', '1')");
  assert_raw (manager, "00000", "UPDATE settings SET value = '2' WHERE key = 'roles.test'");
  assert_raw (manager, "00000", "UPDATE complaints SET escalation_level = 1 WHERE id = %"
              G_GINT64_FORMAT, roles.complaint2);
  /* Nobody changes the audit trail, a manager neither. */
  assert_raw (manager, "42501", "UPDATE events SET action = 'x'");
  assert_raw (manager, "42501", "DELETE FROM events");
  assert_raw (manager, "42501", "DELETE FROM complaints");

  PQfinish (clerk);
  PQfinish (manager);
  roles_clear (&roles);
}

/* The store as real login roles */

static KefuStore *
open_as (Fixture    *fixture,
         const char *login)
{
  g_autofree char *uri = location_as (fixture->location, login, NULL);
  g_autoptr(GError) error = NULL;
  KefuStore *store = kefu_store_open (uri, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static KefuComplaintCard *
add_note (KefuStore  *store,
          gint64      complaint_id,
          GError    **error)
{
  g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (store, complaint_id, NULL,
                                                                      NULL);
  g_autoptr(KefuComplaintChange) change = NULL;

  g_assert_nonnull (card);
  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, complaint_id,
                                      kefu_complaint_card_get_version (card));
  change->text = g_strdup ("已致电客户说明情况");
  return kefu_store_change_complaint (store, change, NULL, error);
}

static void
test_store_as_logins (Fixture       *fixture,
                      gconstpointer  data)
{
  Roles roles = { 0 };
  g_autoptr(KefuStore) clerk = NULL;
  g_autoptr(KefuStore) clerk2 = NULL;
  g_autoptr(KefuStore) lead = NULL;
  g_autoptr(KefuStore) manager = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  KefuCallbackInput input = { 0 };
  KefuCallbackRecordInput outcome = { 0 };
  g_autoptr(KefuCallback) callback = NULL;
  gint64 own;
  gint64 callback_id;
  gboolean must_change = FALSE;
  gint64 who = 0;

  roles_setup (fixture, &roles);
  clerk = open_as (fixture, roles.clerk_login);
  clerk2 = open_as (fixture, roles.clerk2_login);
  lead = open_as (fixture, roles.lead_login);
  manager = open_as (fixture, roles.manager_login);

  /* The session is the login's staff member, and acts as no one else. */
  g_assert_cmpint (kefu_store_get_session_staff_id (clerk), ==, roles.co.clerk);
  g_assert_cmpint (kefu_store_get_actor (clerk), ==, roles.co.clerk);
  g_assert_true (kefu_store_who_am_i (clerk, &who, &must_change, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (who, ==, roles.co.clerk);
  g_assert_true (must_change);
  kefu_store_set_actor (clerk, roles.co.cs_manager);
  g_assert_cmpint (kefu_store_get_actor (clerk), ==, roles.co.clerk);
  g_assert_cmpint (kefu_store_get_session_staff_id (fixture->store), ==, 0);

  /* Record a call with a complaint, move it on (a note), read the lists and the timeline. */
  call = test_complaint_call (&roles.co, roles.co.clerk, "139 0000 0001",
                              KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, now);
  g_assert_true (kefu_store_save_call (clerk, call, NULL, &error));
  g_assert_no_error (error);
  own = kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call)));
  card = add_note (clerk, own, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  timeline = kefu_store_list_complaint_timeline (clerk, own, NULL, &error);
  g_assert_no_error (error);
  /* The call's creation, its routing, the note. */
  g_assert_cmpuint (g_list_model_get_n_items (timeline), >=, 2);
  g_clear_object (&timeline);
  timeline = kefu_store_list_events (clerk, "customers", kefu_call_get_customer_id (call), NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), >=, 1);
  staff = kefu_store_list_staff (clerk, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), >=, 9);
  value = kefu_store_get_setting (clerk, "no.such.key", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (value);

  /* Another clerk's complaint: refused by the server. */
  g_clear_object (&card);
  card = add_note (clerk, roles.complaint2, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_assert_null (card);
  g_clear_error (&error);
  /* The team lead may. */
  card = add_note (lead, roles.complaint2, &error);
  g_assert_no_error (error);
  g_clear_object (&card);

  /* A callback assigned to the first clerk: they record its outcome, the second clerk may not
   * change it. */
  input.customer_id = kefu_call_get_customer_id (call);
  input.reason = KEFU_CALLBACK_REASON_SURVEY;
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  input.assigned_to = roles.co.clerk;
  callback_id = kefu_store_create_callback (lead, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (callback_id, >, 0);
  g_assert_true (kefu_store_claim_callback (clerk, callback_id, "ws-1", NULL, &error));
  g_assert_no_error (error);
  callback = kefu_store_get_callback (clerk, callback_id, NULL, &error);
  g_assert_no_error (error);
  outcome.method = KEFU_CALLBACK_METHOD_PHONE;
  outcome.outcome = KEFU_CALLBACK_OUTCOME_REACHED;
  outcome.satisfaction = KEFU_SATISFACTION_SATISFIED;
  outcome.customer_words = "很满意";
  g_assert_true (kefu_store_record_callback (clerk, callback_id,
                                             callback->version,
                                             &outcome, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&callback);
  callback = kefu_store_get_callback (clerk2, callback_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kefu_store_cancel_callback (clerk2, callback_id,
                                              callback->version,
                                              "不需要", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Settings and staff: the manager only. */
  g_assert_false (kefu_store_set_setting (clerk, "roles.test", "1", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (kefu_store_set_setting (manager, "roles.test", "1", NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KefuStaff) me = kefu_store_get_staff (clerk, roles.co.clerk, NULL, &error);

    g_assert_no_error (error);
    kefu_staff_set_role (me, KEFU_ROLE_CS_MANAGER);
    g_assert_false (kefu_store_update_staff (clerk, me, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
  }
  g_assert_null (kefu_store_reset_password (clerk, roles.co.clerk2, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* The manager adds a department and a staff member; a clerk may not. */
  {
    g_autoptr(KefuDepartment) department = kefu_department_new ();
    g_autoptr(KefuStaff) newcomer = kefu_staff_new ();

    kefu_department_set_name (department, "售后部");
    g_assert_false (kefu_store_create_department (clerk, department, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_true (kefu_store_create_department (manager, department, NULL, &error));
    g_assert_no_error (error);
    kefu_staff_set_name (newcomer, "赵敏");
    kefu_staff_set_login (newcomer, "zhaomin");
    kefu_staff_set_role (newcomer, KEFU_ROLE_CLERK);
    kefu_staff_set_department_id (newcomer, kefu_record_get_id (KEFU_RECORD (department)));
    kefu_staff_set_active (newcomer, TRUE);
    g_assert_false (kefu_store_create_staff (clerk, newcomer, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_true (kefu_store_create_staff (manager, newcomer, NULL, &error));
    g_assert_no_error (error);
  }

  roles_clear (&roles);
}

/* Logins: the one-time password works once, the user sets their own; a deactivated staff
 * member's login cannot sign in; a role change moves the login to the new group role. */
static void
test_login_lifecycle (Fixture       *fixture,
                      gconstpointer  data)
{
  Roles roles = { 0 };
  g_autoptr(KefuStore) clerk = NULL;
  g_autoptr(KefuStore) manager = NULL;
  g_autoptr(KefuStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *again = NULL;
  g_autofree char *password = NULL;
  gboolean must_change = TRUE;
  gint64 who = 0;
  gint64 n;

  roles_setup (fixture, &roles);
  kefu_test_pg_require_password (roles.clerk_login);
  manager = open_as (fixture, roles.manager_login);

  /* A wrong password is an authentication error. */
  uri = location_as (fixture->location, roles.clerk_login, "wrong-password");
  clerk = kefu_store_open (uri, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_assert_null (clerk);
  g_clear_error (&error);
  g_clear_pointer (&uri, g_free);

  uri = location_as (fixture->location, roles.clerk_login, roles.clerk_password);
  clerk = kefu_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kefu_store_who_am_i (clerk, &who, &must_change, NULL, &error));
  g_assert_true (must_change);
  g_assert_false (kefu_store_change_own_password (clerk, "short", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kefu_store_change_own_password (clerk, "我的新密码-2026", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_who_am_i (clerk, &who, &must_change, NULL, &error));
  g_assert_false (must_change);
  g_clear_object (&clerk);

  /* The old password no longer works, the new one does. */
  clerk = kefu_store_open (uri, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_clear_error (&error);
  g_clear_pointer (&uri, g_free);
  /* "我的新密码-2026", percent-encoded in the URI. */
  uri = location_as (fixture->location, roles.clerk_login,
                     "%E6%88%91%E7%9A%84%E6%96%B0%E5%AF%86%E7%A0%81-2026");
  clerk = kefu_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&clerk);

  /* A reset gives a new one-time password; creating a second login is refused. */
  password = kefu_store_reset_password (manager, roles.co.clerk, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (password);
  g_assert_null (kefu_store_create_login (manager, roles.co.clerk, "another_login", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (kefu_store_create_login (manager, roles.co.qc_manager, "Bad Name", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  again = new_login ("qc");
  g_free (kefu_store_create_login (manager, roles.co.qc_manager, again, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&uri, g_free);
  uri = location_as (fixture->location, roles.clerk_login, password);
  clerk = kefu_store_open (uri, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&clerk);

  /* A role change moves the login between group roles; deactivating takes its LOGIN away. */
  staff = kefu_store_get_staff (manager, roles.co.clerk, NULL, &error);
  g_assert_no_error (error);
  kefu_staff_set_role (staff, KEFU_ROLE_TEAM_LEAD);
  g_assert_true (kefu_store_update_staff (manager, staff, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM staff WHERE "
                                            "pg_has_role('%s', 'kefu_team_lead', 'MEMBER') AND "
                                            "NOT pg_has_role('%s', 'kefu_clerk', 'MEMBER')",
                                            roles.clerk_login, roles.clerk_login);

    n = test_count (fixture->store, sql);
    g_assert_cmpint (n, >, 0);
  }
  kefu_staff_set_active (staff, FALSE);
  g_assert_true (kefu_store_update_staff (manager, staff, NULL, &error));
  g_assert_no_error (error);
  clerk = kefu_store_open (uri, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (clerk);
  g_clear_error (&error);

  /* The audit trail records who did it, never a password. */
  n = test_count (fixture->store, "SELECT COUNT(*) FROM events WHERE entity = 'staff' AND "
                                  "action IN ('login-created', 'password-reset', "
                                  "'password-changed')");
  g_assert_cmpint (n, ==, 4 + 1 + 1 + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM events WHERE details LIKE "
                                            "'%%%s%%' OR details LIKE '%%%s%%'", password,
                                            roles.clerk_password);

    g_assert_cmpint (test_count (fixture->store, sql), ==, 0);
  }
  roles_clear (&roles);
}

/* The README's set-up: a database owned by a role that is not a superuser, only CREATEROLE,
 * migrated by Kefu as that owner, on a cluster where another Kefu database made the group roles
 * already; its manager creates a clerk's login, and the clerk is held to the rules as on a
 * superuser's database. */
static void
test_owner_not_superuser (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *owner = new_login ("kefu_owner");
  g_autofree char *dbname = new_login ("kefu_owned");
  g_autofree char *manager_login = new_login ("liuyang");
  g_autofree char *clerk_login = new_login ("wangfang");
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GString) uri = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuStore) manager = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  gint64 manager_id;
  gint64 clerk_id;
  PGconn *clerk;

  sql = g_strdup_printf ("CREATE ROLE %s LOGIN CREATEROLE", owner);
  kefu_test_pg_exec ("postgres", sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE DATABASE %s OWNER %s TEMPLATE template0 ENCODING 'UTF8' "
                         "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", dbname, owner);
  kefu_test_pg_exec ("postgres", sql);

  /* The fixture's location names its own database: the same server, another database. */
  g_assert_true (g_str_has_prefix (fixture->location, "postgresql:///"));
  uri = g_string_new ("postgresql:///");
  g_string_append (uri, dbname);
  g_string_append (uri, strchr (fixture->location, '?'));
  location = location_as (uri->str, owner, NULL);
  store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_system_actor (store);
  manager_id = kefu_test_make_staff (store, "刘洋", "liuyang", KEFU_ROLE_CS_MANAGER, 0, TRUE);
  clerk_id = kefu_test_make_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK, 0, TRUE);

  /* The group roles came with the fixture's database, made by another owner: this one may not
   * give them to logins until a superuser gives it the ADMIN OPTION, as the README says. */
  g_assert_null (kefu_store_create_login (store, manager_id, manager_login, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "WITH ADMIN OPTION"));
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("GRANT kefu_clerk, kefu_team_lead, kefu_cs_manager, kefu_qc_manager, "
                         "kefu_gm_office, kefu_marketing_director, kefu_sales_admin, "
                         "kefu_depot_admin, kefu_sales_rep, kefu_technician, kefu_finance, "
                         "kefu_logistics, kefu_warehouse, kefu_administrator TO %s "
                         "WITH ADMIN OPTION", owner);
  kefu_test_pg_exec ("postgres", sql);
  g_clear_object (&store);
  store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_get_session_staff_id (store), ==, 0);
  kefu_store_set_system_actor (store);
  g_free (create_login (store, manager_id, manager_login));

  /* The manager, signed in as their own login, creates the clerk's. */
  g_clear_pointer (&location, g_free);
  location = location_as (uri->str, manager_login, NULL);
  manager = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  password = kefu_store_create_login (manager, clerk_id, clerk_login, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (password);

  clerk = connect_raw (uri->str, clerk_login);
  assert_raw (clerk, "42501", "SELECT * FROM events");
  assert_raw (clerk, "42501", "UPDATE staff SET role = 'cs-manager'");
  assert_raw (clerk, "42501", "DELETE FROM customers");
  assert_raw (clerk, "00000", "SELECT * FROM staff");
  g_assert_cmpint (raw_int (clerk, "SELECT staff_id FROM kefu_session ()"), ==, clerk_id);
  PQfinish (clerk);
}

/* Many workstations as real logins */

static void
changed_cb (KefuStoreWatcher *watcher,
            const char       *entity,
            GArray           *ids,
            gint64            last_event_id,
            GArray           *seen)
{
  if (g_str_equal (entity, "customers"))
    g_array_append_vals (seen, ids->data, ids->len);
}

static gboolean
seen_contains (GArray *seen,
               gint64  id)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_array_index (seen, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* What issue 7 added beside the roles, as the logins that use it: a clerk's change feed (which may
 * not read the events table), a clerk's presence marks, a team lead's archiving, a call kept on a
 * workstation during an outage written once, and the managers' audit, refused to a clerk. */
static void
test_workstation_features (Fixture       *fixture,
                           gconstpointer  data)
{
  Roles roles = { 0 };
  g_autoptr(KefuStore) clerk = NULL;
  g_autoptr(KefuStore) lead = NULL;
  g_autoptr(KefuStore) manager = NULL;
  g_autoptr(KefuStoreWatcher) watcher = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KefuCustomer) customer = test_new_customer ("赵敏", "138 0000 7001", NULL);
  g_autoptr(GListModel) marks = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) again = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  KefuAuditFilter filter = { 0 };
  gboolean already = TRUE;
  gint64 version = 0, deadline;

  roles_setup (fixture, &roles);
  clerk = open_as (fixture, roles.clerk_login);
  lead = open_as (fixture, roles.lead_login);
  manager = open_as (fixture, roles.manager_login);

  /* The clerk's change feed hears the manager's new customer. */
  watcher = kefu_store_watcher_new (clerk, &error);
  g_assert_no_error (error);
  g_signal_connect (watcher, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_true (kefu_store_create_customer (manager, customer, NULL, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!seen_contains (seen, kefu_record_get_id (KEFU_RECORD (customer))) &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
  g_assert_true (seen_contains (seen, kefu_record_get_id (KEFU_RECORD (customer))));
  g_assert_true (kefu_store_watcher_get_online (watcher));

  /* The clerk marks, renews and removes their presence on a colleague's complaint. */
  g_assert_true (kefu_store_mark_presence (clerk, "complaint", roles.complaint2, "pc-01", NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_renew_presence (clerk, "complaint", roles.complaint2, "pc-01", NULL,
                                            &error));
  g_assert_no_error (error);
  marks = kefu_store_list_presence (manager, "complaint", roles.complaint2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 1);
  g_assert_true (kefu_store_unmark_presence (clerk, "complaint", roles.complaint2, "pc-01", NULL,
                                             &error));
  g_assert_no_error (error);
  g_clear_object (&marks);
  marks = kefu_store_list_presence (clerk, "complaint", roles.complaint2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 0);

  /* A clerk may not archive; the team lead archives and restores. */
  version = kefu_record_get_version (KEFU_RECORD (customer));
  g_assert_false (kefu_store_archive_record (clerk, KEFU_ARCHIVE_CUSTOMER,
                                             kefu_record_get_id (KEFU_RECORD (customer)), version,
                                             NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (kefu_store_archive_record (lead, KEFU_ARCHIVE_CUSTOMER,
                                            kefu_record_get_id (KEFU_RECORD (customer)), version,
                                            &version, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_restore_record (lead, KEFU_ARCHIVE_CUSTOMER,
                                            kefu_record_get_id (KEFU_RECORD (customer)), version,
                                            &version, NULL, &error));
  g_assert_no_error (error);

  /* A call kept on the clerk's workstation is written once, however often it is sent. */
  call = test_complaint_call (&roles.co, roles.co.clerk, "139 0000 7002",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, now);
  g_assert_true (kefu_store_save_call_once (clerk, call, "5b1c2d7e-queue-key", &already, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_false (already);
  again = test_complaint_call (&roles.co, roles.co.clerk, "139 0000 7002",
                               KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, now);
  g_assert_true (kefu_store_save_call_once (clerk, again, "5b1c2d7e-queue-key", &already, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (already);
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM calls WHERE client_key = '5b1c2d7e-queue-key'"),
                   ==, 1);

  /* Who changed what: the manager reads the clerk's changes; the clerk may not. */
  filter.staff_id = roles.co.clerk;
  audit = kefu_store_list_audit (manager, &filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), >, 0);
  g_clear_object (&audit);
  audit = kefu_store_list_audit (clerk, &filter, NULL, &error);
  g_assert_null (audit);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  roles_clear (&roles);
}

static void
shift_note_changed_cb (KefuStoreWatcher *watcher,
                       const char       *entity,
                       GArray           *ids,
                       gint64            last_event_id,
                       GArray           *seen)
{
  if (g_str_equal (entity, "shift-note"))
    g_array_append_vals (seen, ids->data, ids->len);
}

/* Shift hand-over notes (schema step 12) as the clerks' own logins: one clerk hands over a note
 * linking a colleague's complaint, the other's change feed hears it, finds it unread and marks
 * it read; the server keeps notes unchanged, written only in one's own name, and read marks
 * one's own. */
static void
test_shift_notes (Fixture       *fixture,
                  gconstpointer  data)
{
  Roles roles = { 0 };
  g_autoptr(KefuStore) clerk = NULL;
  g_autoptr(KefuStore) clerk2 = NULL;
  g_autoptr(KefuStoreWatcher) watcher = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListStore) links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  g_autoptr(KefuShiftNoteLink) link = NULL;
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GListModel) unread = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *sql = NULL;
  PGconn *raw;
  gint64 note_id, deadline;

  roles_setup (fixture, &roles);
  clerk = open_as (fixture, roles.clerk_login);
  clerk2 = open_as (fixture, roles.clerk2_login);
  watcher = kefu_store_watcher_new (clerk2, &error);
  g_assert_no_error (error);
  g_signal_connect (watcher, "changed", G_CALLBACK (shift_note_changed_cb), seen);

  /* The day shift links the second clerk's complaint by its reference. */
  reference = test_query_text (fixture->store, "SELECT reference FROM calls WHERE id = $1",
                               roles.complaint2_call);
  link = kefu_store_resolve_shift_note_link (clerk, -1, reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_shift_note_link_get_entity_id (link), ==, roles.complaint2);
  g_list_store_append (links, link);
  note = kefu_store_write_shift_note (clerk, "李娜的投诉客户晚上八点前要回电", TRUE,
                                      G_LIST_MODEL (links), NULL, &error);
  g_assert_no_error (error);
  note_id = kefu_record_get_id (KEFU_RECORD (note));
  g_assert_cmpint (kefu_shift_note_get_written_by (note), ==, roles.co.clerk);

  /* The night shift hears of it through the change feed (which a clerk reads without reading
   * the events table), finds it unread and reads it. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!seen_contains (seen, note_id) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
  g_assert_true (seen_contains (seen, note_id));
  unread = kefu_store_list_unread_shift_notes (clerk2, roles.co.clerk2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unread), ==, 1);
  g_assert_true (kefu_store_mark_shift_notes_read (clerk2, 0, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&unread);
  unread = kefu_store_list_unread_shift_notes (clerk2, roles.co.clerk2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unread), ==, 0);
  /* The note's timeline is readable by a clerk through kefu_record_events (). */
  events = kefu_store_list_events (clerk2, "shift-note", note_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);

  /* Raw SQL as the first clerk: notes and marks are append-only and one's own. */
  raw = connect_raw (fixture->location, roles.clerk_login);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT(*) FROM shift_notes"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT(*) FROM shift_note_links"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT(*) FROM shift_note_reads"), ==, 1);
  assert_raw (raw, "42501", "UPDATE shift_notes SET text = 'x' WHERE id = %" G_GINT64_FORMAT,
              note_id);
  assert_raw (raw, "42501", "DELETE FROM shift_notes");
  assert_raw (raw, "42501", "DELETE FROM shift_note_reads");
  assert_raw (raw, "42501", "UPDATE shift_note_links SET entity_id = 1");
  assert_raw (raw, "42501", "INSERT INTO shift_notes (written_by, written_at, text) VALUES "
              "(%" G_GINT64_FORMAT ", now(), '冒名')", roles.co.clerk2);
  assert_raw (raw, "42501", "INSERT INTO shift_note_reads (note_id, staff_id, read_at) VALUES "
              "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", now())", note_id, roles.co.team_lead);
  assert_raw (raw, "00000", "INSERT INTO shift_note_reads (note_id, staff_id, read_at) VALUES "
              "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", now())", note_id, roles.co.clerk);
  PQfinish (raw);
  /* The second clerk may not add links to the first clerk's note. */
  raw = connect_raw (fixture->location, roles.clerk2_login);
  sql = g_strdup_printf ("INSERT INTO shift_note_links (note_id, position, entity, entity_id, "
                         "text) VALUES (%" G_GINT64_FORMAT ", 5, 'customer', 1, 'x')", note_id);
  assert_raw (raw, "42501", "%s", sql);
  PQfinish (raw);

  roles_clear (&roles);
}

/* The dashboard of the day (schema step 13's column and indexes, every section's tables) as
 * the CS manager's and the team lead's logins read it: the same figures and records as the
 * owner's. */
static void
assert_same_dashboard (KefuStore                *store,
                       const KefuDashboard      *expected,
                       const KefuDashboardQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuDashboard) dash = kefu_store_dashboard (store, query, NULL, &error);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dash);
  g_assert_cmpuint (dash->calls_total.value, ==, expected->calls_total.value);
  g_assert_cmpuint (dash->opened.value, ==, expected->opened.value);
  g_assert_cmpuint (dash->open_total, ==, expected->open_total);
  g_assert_cmpuint (dash->open_by_department->len, ==, expected->open_by_department->len);
  g_assert_cmpuint (dash->callbacks_due.value, ==, expected->callbacks_due.value);
  g_assert_cmpuint (dash->n_members, ==, expected->n_members);
  g_assert_cmpuint (dash->jobs_open_total, ==, expected->jobs_open_total);
  g_assert_cmpuint (dash->clerks->len, ==, expected->clerks->len);
  ids = kefu_store_dashboard_record_ids (store, query, KEFU_DASHBOARD_FIGURE_OPENED, -1, NULL,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, expected->opened.value);
  lines = kefu_store_dashboard_read_records (store, KEFU_DASHBOARD_RECORD_COMPLAINT,
                                             (const gint64 *) (gpointer) ids->data, ids->len,
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, ids->len);
}

static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  Roles roles = { 0 };
  g_autoptr(KefuStore) lead = NULL;
  g_autoptr(KefuStore) manager = NULL;
  g_autoptr(KefuDashboard) owner = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  KefuDashboardQuery query = { 0 };

  roles_setup (fixture, &roles);
  lead = open_as (fixture, roles.lead_login);
  manager = open_as (fixture, roles.manager_login);

  g_date_clear (&query.first, 1);
  g_date_set_dmy (&query.first, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
  query.last = query.first;
  owner = kefu_store_dashboard (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  /* The second clerk's complaint call of today. */
  g_assert_cmpuint (owner->calls_total.value, ==, 1);
  g_assert_cmpuint (owner->opened.value, ==, 1);
  g_assert_cmpuint (owner->open_total, ==, 1);
  g_assert_cmpuint (owner->clerks->len, ==, 1);

  assert_same_dashboard (manager, owner, &query);
  assert_same_dashboard (lead, owner, &query);
  query.department_id = roles.co.cs_department;
  g_clear_pointer (&owner, kefu_dashboard_free);
  owner = kefu_store_dashboard (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  assert_same_dashboard (lead, owner, &query);

  roles_clear (&roles);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  tzset ();

  test_store_init (&argc, &argv);
  if (test_backend () != KEFU_STORE_BACKEND_POSTGRES)
    g_error ("test-store-roles runs on PostgreSQL only (--backend postgres)");
  TEST_ADD ("roles/raw-sql-clerk", test_raw_clerk);
  TEST_ADD ("roles/store-as-logins", test_store_as_logins);
  TEST_ADD ("roles/login-lifecycle", test_login_lifecycle);
  TEST_ADD ("roles/owner-not-superuser", test_owner_not_superuser);
  TEST_ADD ("roles/workstation-features", test_workstation_features);
  TEST_ADD ("roles/shift-notes", test_shift_notes);
  TEST_ADD ("roles/dashboard", test_dashboard);
  return g_test_run ();
}
