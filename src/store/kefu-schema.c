/* kefu-schema.c: the versioned schema of Kefu, in both SQL dialects side by side.
 *
 * Migration steps are history: once released, a step is never edited, only followed by new steps.
 * Each step gives the SQLite and the PostgreSQL DDL for the same change; this file is the one
 * place where the dialects differ (types, identity columns, triggers, index operator classes).
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-schema.h"
#include "kefu-schema-steps.h"

typedef struct
{
  guint       version;
  const char *description;
  const char *sqlite;
  const char *postgres;
} KefuSchemaStep;

#define SQLITE_NOW KEFU_SQLITE_NOW
#define ROLE_VALUES KEFU_SCHEMA_ROLE_VALUES
#define CHANNEL_VALUES KEFU_SCHEMA_CHANNEL_VALUES

static const KefuSchemaStep steps[] = {
  {
    1, "base entities: departments, staff, customers, products, settings, events",
    /* SQLite */
    "CREATE TABLE departments (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  name        TEXT NOT NULL,\n"
    "  code        TEXT UNIQUE,\n"
    "  description TEXT,\n"
    "  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at  TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  updated_at  TEXT NOT NULL DEFAULT " SQLITE_NOW "\n"
    ");\n"
    "CREATE TABLE staff (\n"
    "  id            INTEGER PRIMARY KEY,\n"
    "  name          TEXT NOT NULL,\n"
    "  login         TEXT NOT NULL UNIQUE,\n"
    "  role          TEXT NOT NULL CHECK (role IN (" ROLE_VALUES ")),\n"
    "  department_id INTEGER REFERENCES departments (id),\n"
    "  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
    "  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at    TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  updated_at    TEXT NOT NULL DEFAULT " SQLITE_NOW "\n"
    ");\n"
    "CREATE INDEX staff_department_id ON staff (department_id);\n"
    "CREATE TABLE customers (\n"
    "  id                INTEGER PRIMARY KEY,\n"
    "  name              TEXT NOT NULL,\n"
    "  phone             TEXT,\n"
    "  address           TEXT,\n"
    "  district          TEXT,\n"
    "  is_member         INTEGER NOT NULL DEFAULT 0 CHECK (is_member IN (0, 1)),\n"
    "  member_number     TEXT,\n"
    "  channel           TEXT CHECK (channel IN (" CHANNEL_VALUES ")),\n"
    "  assigned_clerk_id INTEGER REFERENCES staff (id),\n"
    "  notes             TEXT,\n"
    "  version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at        TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  updated_at        TEXT NOT NULL DEFAULT " SQLITE_NOW "\n"
    ");\n"
    "CREATE INDEX customers_name ON customers (name);\n"
    "CREATE INDEX customers_assigned_clerk_id ON customers (assigned_clerk_id);\n"
    "CREATE TABLE customer_phones (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,\n"
    "  phone       TEXT NOT NULL UNIQUE,\n"
    "  phone_rev   TEXT NOT NULL,\n"
    "  position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n"
    "  created_at  TEXT NOT NULL DEFAULT " SQLITE_NOW "\n"
    ");\n"
    "CREATE INDEX customer_phones_customer_id ON customer_phones (customer_id);\n"
    "CREATE INDEX customer_phones_phone_rev ON customer_phones (phone_rev);\n"
    "CREATE TABLE products (\n"
    "  id              INTEGER PRIMARY KEY,\n"
    "  name            TEXT NOT NULL,\n"
    "  spec            TEXT,\n"
    "  unit_price_fen  INTEGER NOT NULL DEFAULT 0 CHECK (unit_price_fen >= 0),\n"
    "  warranty_months INTEGER NOT NULL DEFAULT 0 CHECK (warranty_months >= 0),\n"
    "  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
    "  version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at      TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  updated_at      TEXT NOT NULL DEFAULT " SQLITE_NOW "\n"
    ");\n"
    "CREATE TABLE settings (\n"
    "  key        TEXT PRIMARY KEY,\n"
    "  value      TEXT NOT NULL,\n"
    "  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  updated_at TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  updated_by INTEGER REFERENCES staff (id)\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  id         INTEGER PRIMARY KEY,\n"
    "  created_at TEXT NOT NULL DEFAULT " SQLITE_NOW ",\n"
    "  staff_id   INTEGER NOT NULL REFERENCES staff (id),\n"
    "  entity     TEXT NOT NULL,\n"
    "  entity_id  INTEGER NOT NULL,\n"
    "  action     TEXT NOT NULL,\n"
    "  details    TEXT NOT NULL DEFAULT '{}'\n"
    ");\n"
    "CREATE INDEX events_entity ON events (entity, entity_id, id);\n"
    "CREATE INDEX events_created_at ON events (created_at);\n"
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events\n"
    "BEGIN SELECT RAISE (ABORT, 'events are append-only'); END;\n"
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events\n"
    "BEGIN SELECT RAISE (ABORT, 'events are append-only'); END;\n"
    "INSERT INTO staff (name, login, role, active) VALUES ('System', 'system', 'administrator', 0);\n",
    /* PostgreSQL */
    "CREATE TABLE departments (\n"
    "  id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  name        TEXT NOT NULL,\n"
    "  code        TEXT UNIQUE,\n"
    "  description TEXT,\n"
    "  version     BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE TABLE staff (\n"
    "  id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  name          TEXT NOT NULL,\n"
    "  login         TEXT NOT NULL UNIQUE,\n"
    "  role          TEXT NOT NULL CHECK (role IN (" ROLE_VALUES ")),\n"
    "  department_id BIGINT REFERENCES departments (id),\n"
    "  active        BOOLEAN NOT NULL DEFAULT TRUE,\n"
    "  version       BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE INDEX staff_department_id ON staff (department_id);\n"
    "CREATE TABLE customers (\n"
    "  id                BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  name              TEXT NOT NULL,\n"
    "  phone             TEXT,\n"
    "  address           TEXT,\n"
    "  district          TEXT,\n"
    "  is_member         BOOLEAN NOT NULL DEFAULT FALSE,\n"
    "  member_number     TEXT,\n"
    "  channel           TEXT CHECK (channel IN (" CHANNEL_VALUES ")),\n"
    "  assigned_clerk_id BIGINT REFERENCES staff (id),\n"
    "  notes             TEXT,\n"
    "  version           BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE INDEX customers_name ON customers (name);\n"
    "CREATE INDEX customers_assigned_clerk_id ON customers (assigned_clerk_id);\n"
    "CREATE TABLE customer_phones (\n"
    "  id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,\n"
    "  phone       TEXT NOT NULL UNIQUE,\n"
    "  phone_rev   TEXT NOT NULL,\n"
    "  position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n"
    "  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE INDEX customer_phones_customer_id ON customer_phones (customer_id);\n"
    "CREATE INDEX customer_phones_phone_rev ON customer_phones (phone_rev text_pattern_ops);\n"
    "CREATE TABLE products (\n"
    "  id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  name            TEXT NOT NULL,\n"
    "  spec            TEXT,\n"
    "  unit_price_fen  BIGINT NOT NULL DEFAULT 0 CHECK (unit_price_fen >= 0),\n"
    "  warranty_months INTEGER NOT NULL DEFAULT 0 CHECK (warranty_months >= 0),\n"
    "  active          BOOLEAN NOT NULL DEFAULT TRUE,\n"
    "  version         BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE TABLE settings (\n"
    "  key        TEXT PRIMARY KEY,\n"
    "  value      TEXT NOT NULL,\n"
    "  version    BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
    "  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  updated_by BIGINT REFERENCES staff (id)\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
    "  staff_id   BIGINT NOT NULL REFERENCES staff (id),\n"
    "  entity     TEXT NOT NULL,\n"
    "  entity_id  BIGINT NOT NULL,\n"
    "  action     TEXT NOT NULL,\n"
    "  details    TEXT NOT NULL DEFAULT '{}'\n"
    ");\n"
    "CREATE INDEX events_entity ON events (entity, entity_id, id);\n"
    "CREATE INDEX events_created_at ON events (created_at);\n"
    "CREATE FUNCTION kefu_events_append_only () RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
    "BEGIN\n"
    "  RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';\n"
    "END;\n"
    "$fn$;\n"
    "CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events\n"
    "  FOR EACH ROW EXECUTE FUNCTION kefu_events_append_only ();\n"
    "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION kefu_events_append_only ();\n"
    "INSERT INTO staff (name, login, role, active) VALUES ('System', 'system', 'administrator', FALSE);\n",
  },
  {
    2, "hotline calls: calls, orders and lines, complaints and routes, inquiries, leads; "
       "customer lookup and assignment",
    _kefu_schema_v2_sqlite,
    _kefu_schema_v2_postgres,
  },
  {
    3, "complaint escalation board: stage times, deadlines, escalation, outcome, "
       "acknowledgements, visits, routing rules, batch alerts",
    _kefu_schema_v3_sqlite,
    _kefu_schema_v3_postgres,
  },
  {
    4, "after-sales: carriers, shipments and their lines, service jobs and their progress, "
       "callbacks",
    _kefu_schema_v4_sqlite,
    _kefu_schema_v4_postgres,
  },
  {
    5, "callback calendar: callback deadlines, claims, attempts and records, customers' "
       "callback times, campaigns, summary reports",
    _kefu_schema_v5_sqlite,
    _kefu_schema_v5_postgres,
  },
  {
    6, "change feed: notifications of new events on PostgreSQL, and the catch-up functions",
    _kefu_schema_v6_sqlite,
    _kefu_schema_v6_postgres,
  },
  {
    7, "who may do what (PostgreSQL): group roles per Kefu role, staff logins, row level "
       "security, column grants, events stamped with the session's login",
    _kefu_schema_v7_sqlite,
    _kefu_schema_v7_postgres,
  },
  {
    8, "archiving instead of deleting: archived_at and archived_by on customers, complaints, "
       "shipments, service jobs and callbacks; the staff's optional PIN",
    _kefu_schema_v8_sqlite,
    _kefu_schema_v8_postgres,
  },
  {
    9, "presence: who has a record open for editing; events by staff member and time",
    _kefu_schema_v9_sqlite,
    _kefu_schema_v9_postgres,
  },
  {
    10, "intake queue: the workstation's key of a call recorded while the database could not "
        "be reached, so that it is written once",
    _kefu_schema_v10_sqlite,
    _kefu_schema_v10_postgres,
  },
  {
    11, "rights on PostgreSQL for the change feed's start and for removing presence marks",
    _kefu_schema_v11_sqlite,
    _kefu_schema_v11_postgres,
  },
  {
    12, "shift hand-over notes: the notes, the records they link to, who has read them",
    _kefu_schema_v12_sqlite,
    _kefu_schema_v12_postgres,
  },
  {
    13, "the managers' dashboard: the resolve deadline a complaint was resolved against, and "
        "indexes of the calls, complaints, callbacks, shipments and jobs by the times it counts",
    _kefu_schema_v13_sqlite,
    _kefu_schema_v13_postgres,
  },
  {
    14, "the managers' dashboard's counts per hour, kept by triggers on the calls, complaints "
        "and callbacks; indexes of the open complaints and of the earlier field visits",
    _kefu_schema_v14_sqlite,
    _kefu_schema_v14_postgres,
  },
};

/* How to create the version table and ask which tables exist, per dialect. */
static const char *const sqlite_migrations_ddl =
  "CREATE TABLE schema_migrations (\n"
  "  version    INTEGER PRIMARY KEY,\n"
  "  applied_at TEXT NOT NULL DEFAULT " SQLITE_NOW "\n"
  ");\n";
static const char *const pg_migrations_ddl =
  "CREATE TABLE schema_migrations (\n"
  "  version    INTEGER PRIMARY KEY,\n"
  "  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()\n"
  ");\n";
static const char *const sqlite_tables_sql =
  "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
static const char *const pg_tables_sql =
  "SELECT table_name FROM information_schema.tables "
  "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";

guint
_kefu_schema_latest_version (void)
{
  return steps[G_N_ELEMENTS (steps) - 1].version;
}

guint
_kefu_schema_count_steps (void)
{
  return G_N_ELEMENTS (steps);
}

const char *
_kefu_schema_phone_prefix_match (KefuStoreBackend backend)
{
  if (backend == KEFU_STORE_BACKEND_SQLITE)
    return "customer_phones.phone_rev GLOB $1";
  return "customer_phones.phone_rev LIKE $1";
}

char *
_kefu_schema_phone_prefix_pattern (KefuStoreBackend  backend,
                                   const char       *reversed_digits)
{
  /* The digits come from the phone normaliser: no wildcard characters can be among them. */
  return g_strconcat (reversed_digits, backend == KEFU_STORE_BACKEND_SQLITE ? "*" : "%", NULL);
}

const char *
_kefu_schema_after_explicit_ids (KefuStoreBackend  backend,
                                 const char       *table)
{
#define SETVAL(table) \
  "SELECT setval(pg_get_serial_sequence('" table "', 'id'), " \
  "(SELECT COALESCE(MAX(id), 1) FROM " table "))"
  static const char *const statements[][2] = {
    { "customers", SETVAL ("customers") },
    { "calls", SETVAL ("calls") },
    { "orders", SETVAL ("orders") },
    { "order_lines", SETVAL ("order_lines") },
    { "complaints", SETVAL ("complaints") },
    { "complaint_routes", SETVAL ("complaint_routes") },
    { "inquiries", SETVAL ("inquiries") },
    { "leads", SETVAL ("leads") },
    { "shipments", SETVAL ("shipments") },
    { "shipment_lines", SETVAL ("shipment_lines") },
    { "service_jobs", SETVAL ("service_jobs") },
    { "job_progress", SETVAL ("job_progress") },
    { "callbacks", SETVAL ("callbacks") },
  };
#undef SETVAL

  if (backend == KEFU_STORE_BACKEND_SQLITE)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (g_str_equal (table, statements[i][0]))
      return statements[i][1];
  g_return_val_if_reached (NULL);
}

const char *
_kefu_schema_bulk_lock (KefuStoreBackend backend)
{
  if (backend == KEFU_STORE_BACKEND_SQLITE)
    return NULL;
  return "LOCK TABLE customers, customer_phones IN SHARE ROW EXCLUSIVE MODE";
}

const char *
_kefu_schema_calls_bulk_lock (KefuStoreBackend backend)
{
  if (backend == KEFU_STORE_BACKEND_SQLITE)
    return NULL;
  /* Saves of single calls wait (their inserts need ROW EXCLUSIVE), so that no reference number
   * or id is taken twice; readers go on. */
  return "LOCK TABLE calls, orders, order_lines, complaints, complaint_routes, inquiries, leads "
         "IN SHARE ROW EXCLUSIVE MODE";
}

/* PostgreSQL's BEGIN takes no lock, so workstations opening a fresh database at the same time
 * would all run the DDL and all but one fail (duplicate pg_type rows). A transaction-scoped
 * advisory lock, taken before the version is read, makes them wait for each other; the constant
 * is "KEFU" in ASCII. SQLite's BEGIN IMMEDIATE already locks the file. */
const char *
_kefu_schema_migration_lock (KefuStoreBackend backend)
{
  if (backend == KEFU_STORE_BACKEND_SQLITE)
    return NULL;
  return "SELECT pg_advisory_xact_lock(1262831189)";
}

/* Reads the recorded version: 0 when the database is empty. */
static gboolean
read_version (KefuStore     *self,
              guint         *version,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean sqlite = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE;
  g_autoptr(KefuRows) tables = NULL;
  g_autoptr(KefuRows) rows = NULL;
  gboolean has_migrations = FALSE;

  tables = _kefu_store_query (self, sqlite ? sqlite_tables_sql : pg_tables_sql, NULL,
                              cancellable, error);
  if (tables == NULL)
    return FALSE;

  for (guint i = 0; i < kefu_rows_get_n_rows (tables); i++)
    if (g_strcmp0 (kefu_rows_get_text (tables, i, 0), "schema_migrations") == 0)
      has_migrations = TRUE;

  if (!has_migrations)
    {
      if (kefu_rows_get_n_rows (tables) > 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” already holds other tables and is not a Kefu database. "
                         "Choose another database, or an empty one."),
                       kefu_store_get_description (self));
          return FALSE;
        }
      *version = 0;
      return TRUE;
    }

  rows = _kefu_store_query (self, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                            NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  *version = (guint) kefu_rows_get_int (rows, 0, 0);
  return TRUE;
}

static gboolean
refuse_if_too_new (KefuStore  *self,
                   guint       version,
                   GError    **error)
{
  if (version <= _kefu_schema_latest_version ())
    return TRUE;

  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_SCHEMA_TOO_NEW,
               _("The database “%s” was written by a newer version of Kefu (schema version %u; "
                 "this version knows up to %u). It was left unchanged. Update Kefu to open it."),
               kefu_store_get_description (self), version, _kefu_schema_latest_version ());
  return FALSE;
}

static gboolean
apply_steps (KefuStore     *self,
             guint          from,
             GCancellable  *cancellable,
             GError       **error)
{
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (self);
  gboolean sqlite = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE;

  if (from == 0 &&
      !klass->exec_script (self, sqlite ? sqlite_migrations_ddl : pg_migrations_ddl, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const KefuSchemaStep *step = &steps[i];

      if (step->version <= from)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_debug ("Applying schema step %u: %s", step->version, step->description);
      if (!klass->exec_script (self, sqlite ? step->sqlite : step->postgres, error))
        {
          g_prefix_error (error, _("Could not update the database to schema version %u: "),
                          step->version);
          return FALSE;
        }
      if (_kefu_store_execute (self,
                               "INSERT INTO schema_migrations (version, applied_at) "
                               "VALUES ($1, now())",
                               g_variant_new ("(x)", (gint64) step->version),
                               cancellable, error) < 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
_kefu_schema_migrate (KefuStore     *self,
                      gboolean       migrate,
                      guint         *found,
                      GCancellable  *cancellable,
                      GError       **error)
{
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (self);
  const char *lock_sql;
  guint version = 0;

  /* A read transaction first: opening an up-to-date database must not take the write lock that
   * other workstations on a shared file would then wait for. */
  if (!klass->begin (self, FALSE, error))
    return FALSE;
  if (!read_version (self, &version, cancellable, error))
    {
      klass->rollback (self);
      return FALSE;
    }
  klass->rollback (self);

  *found = version;
  if (!refuse_if_too_new (self, version, error))
    return FALSE;
  if (version == _kefu_schema_latest_version () || !migrate)
    return TRUE;

  /* Upgrade under the write lock; read the version again, another workstation may have just
   * migrated the same database. Every step and its record commit together or not at all. */
  if (!klass->begin (self, TRUE, error))
    return FALSE;
  lock_sql = _kefu_schema_migration_lock (kefu_store_get_backend (self));
  if ((lock_sql != NULL && _kefu_store_execute (self, lock_sql, NULL, cancellable, error) < 0) ||
      !read_version (self, &version, cancellable, error) ||
      !refuse_if_too_new (self, version, error) ||
      !apply_steps (self, version, cancellable, error))
    {
      klass->rollback (self);
      return FALSE;
    }
  /* A COMMIT that failed (SQLite busy, a lost server) can leave the transaction open. */
  if (!klass->commit (self, error))
    {
      klass->rollback (self);
      return FALSE;
    }
  return TRUE;
}
