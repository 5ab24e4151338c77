/* kefu-schema-v4.c: schema step 4, after-sales: the carriers a site ships with, shipments (发货)
 * with their product lines, service jobs (installations, repairs, replacements, returns) with
 * their progress reports, and the callbacks (回访) that a confirmed receipt or a completed job
 * schedules.
 *
 * A record's fields are columns of the same name (core/kefu-shipment.h, kefu-service-job.h,
 * kefu-carrier.h), except the names of staff and carriers and the shipment reference of a job,
 * which are read by joining; the customer's name and phone are copied in when a shipment or a job
 * is created, so that the lists sort and search without a join. Times are UTC (TEXT as
 * kefu_time_to_db () writes it on SQLite, timestamptz on PostgreSQL), days 'YYYY-MM-DD' (TEXT /
 * date), enums their nicks (core/kefu-types.h) with CHECK lists, money in fen.
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

/* The nicks of the enums in core/kefu-types.h (NONE and UNSPECIFIED values are stored as NULL). */
#define CARRIER_KIND_VALUES \
  "'other', 'sf', 'zto', 'yto', 'yunda', 'sto', 'ems', 'jd', 'deppon'"
#define SHIPMENT_STEP_VALUES \
  "'requested', 'payment-confirmed', 'dispatch-issued', 'handed-over', 'shipped', " \
  "'delivered', 'received', 'exception', 'cancelled'"
#define SHIPMENT_EXCEPTION_VALUES "'lost', 'damaged', 'refused'"
#define RECEIPT_METHOD_VALUES     "'phone', 'signed-slip', 'other'"
#define JOB_KIND_VALUES \
  "'installation', 'repair', 'onsite-repair', 'factory-repair', 'replacement', 'return'"
#define JOB_STEP_VALUES \
  "'reported', 'support-requested', 'approved', 'dispatched', 'on-trip', " \
  "'sent-to-factory', 'at-factory', 'repaired', 'sent-back', 'completed', 'cancelled'"
#define JOB_SOURCE_VALUES         "'customer-call', 'account-manager'"
#define WARRANTY_VALUES           "'unknown', 'in', 'out'"
#define CALLBACK_REASON_VALUES \
  "'after-service', 'after-complaint', 'after-delivery', 'survey', 'occasion', 'renewal', " \
  "'maintenance', 'lead', 'other'"
#define CALLBACK_STATE_VALUES     "'due', 'done', 'cancelled'"

/* The open shipment steps. The lists' partial indexes carry this exact text in their WHERE, and
 * the store's queries (kefu-store-shipments-filters.c) must use the same text for the index to
 * be chosen. */
#define SHIPMENT_OPEN_WHERE \
  "step IN ('requested', 'payment-confirmed', 'dispatch-issued', 'handed-over', 'shipped', " \
  "'delivered', 'exception')"

/* The default carriers. Their kinds pick the waybill form they are checked against
 * (core/kefu-waybill.h). Their tracking addresses are the query page of 快递100
 * (kuaidi100.com), which answers for every one of them by a carrier code and the number, the
 * page clerks already use; a site that prefers a carrier's own page changes it in the
 * carriers settings. */
#define KUAIDI100(code) "'https://www.kuaidi100.com/chaxun?com=" code "&nu={waybill}'"
#define DEFAULT_CARRIERS \
  "INSERT INTO carriers (name, kind, tracking_template, position) VALUES\n" \
  "  ('顺丰速运', 'sf', " KUAIDI100 ("shunfeng") ", 0),\n" \
  "  ('中通快递', 'zto', " KUAIDI100 ("zhongtong") ", 1),\n" \
  "  ('圆通速递', 'yto', " KUAIDI100 ("yuantong") ", 2),\n" \
  "  ('韵达快递', 'yunda', " KUAIDI100 ("yunda") ", 3),\n" \
  "  ('申通快递', 'sto', " KUAIDI100 ("shentong") ", 4),\n" \
  "  ('EMS', 'ems', " KUAIDI100 ("ems") ", 5),\n" \
  "  ('京东物流', 'jd', " KUAIDI100 ("jd") ", 6),\n" \
  "  ('德邦快递', 'deppon', " KUAIDI100 ("debangkuaidi") ", 7);\n"

/* Each part is written once with the dialect's types as parameters: PK the id column's
 * definition, ID a reference, TIME a UTC time, DATE a day, BOOL a flag with TRUE_ / FALSE_ its
 * values, NOW the time default. */
#define CARRIERS(PK, TIME, BOOL, TRUE_, NOW) \
  "CREATE TABLE carriers (\n" \
  "  id                " PK ",\n" \
  "  name              TEXT NOT NULL UNIQUE,\n" \
  "  kind              TEXT NOT NULL DEFAULT 'other' CHECK (kind IN (" CARRIER_KIND_VALUES ")),\n" \
  "  tracking_template TEXT,\n" \
  "  active            " BOOL " NOT NULL DEFAULT " TRUE_ ",\n" \
  "  position          INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n" \
  "  version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n" \
  "  created_at        " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  updated_at        " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  CHECK (tracking_template IS NULL OR tracking_template LIKE '%{waybill}%')\n" \
  ");\n" \
  DEFAULT_CARRIERS

/* Shipments. The step columns say who recorded each step and when; attention_at is when the
 * shipment needs someone (kefu_shipment_attention_at ()), kept by every write. n_lines,
 * total_quantity and first_product_name are kept by the writes of the lines, for the list.
 * shipment_search holds what the list's text filter looks in, in ASCII lower case, joined by the
 * unit separator (reference, customer name, phone, waybill, dispatch note number, the lines'
 * serials), in a table of its own so that a substring search scans it rather than the wide rows,
 * as complaint_search does for complaints. */
#define SHIPMENTS(PK, ID, TIME, DATE, NOW) \
  "CREATE TABLE shipments (\n" \
  "  id                   " PK ",\n" \
  "  reference            TEXT NOT NULL UNIQUE,\n" \
  "  step                 TEXT NOT NULL DEFAULT 'requested'\n" \
  "                       CHECK (step IN (" SHIPMENT_STEP_VALUES ")),\n" \
  "  customer_id          " ID " NOT NULL REFERENCES customers (id),\n" \
  "  customer_name        TEXT NOT NULL,\n" \
  "  customer_phone       TEXT,\n" \
  "  address              TEXT,\n" \
  "  call_id              " ID " REFERENCES calls (id) ON DELETE SET NULL,\n" \
  "  account_manager_id   " ID " REFERENCES staff (id),\n" \
  "  notes                TEXT,\n" \
  "  requested_at         " TIME " NOT NULL,\n" \
  "  requested_by         " ID " NOT NULL REFERENCES staff (id),\n" \
  "  payment_confirmed_at " TIME ",\n" \
  "  payment_confirmed_by " ID " REFERENCES staff (id),\n" \
  "  payment_amount_fen   BIGINT NOT NULL DEFAULT 0 CHECK (payment_amount_fen >= 0),\n" \
  "  dispatch_issued_at   " TIME ",\n" \
  "  dispatch_issued_by   " ID " REFERENCES staff (id),\n" \
  "  dispatch_note_number TEXT,\n" \
  "  handed_over_at       " TIME ",\n" \
  "  handed_over_by       " ID " REFERENCES staff (id),\n" \
  "  shipped_at           " TIME ",\n" \
  "  shipped_by           " ID " REFERENCES staff (id),\n" \
  "  carrier_id           " ID " REFERENCES carriers (id),\n" \
  "  waybill              TEXT,\n" \
  "  ship_date            " DATE ",\n" \
  "  expected_arrival     " DATE ",\n" \
  "  delivered_at         " TIME ",\n" \
  "  delivered_by         " ID " REFERENCES staff (id),\n" \
  "  received_at          " TIME ",\n" \
  "  received_by          " ID " REFERENCES staff (id),\n" \
  "  receipt_method       TEXT CHECK (receipt_method IN (" RECEIPT_METHOD_VALUES ")),\n" \
  "  exception            TEXT CHECK (exception IN (" SHIPMENT_EXCEPTION_VALUES ")),\n" \
  "  exception_reason     TEXT,\n" \
  "  exception_at         " TIME ",\n" \
  "  exception_by         " ID " REFERENCES staff (id),\n" \
  "  exception_from       TEXT CHECK (exception_from IN ('shipped', 'delivered')),\n" \
  "  exception_resolution TEXT,\n" \
  "  cancelled_at         " TIME ",\n" \
  "  cancel_reason        TEXT,\n" \
  "  attention_at         " TIME ",\n" \
  "  n_lines              INTEGER NOT NULL DEFAULT 0 CHECK (n_lines >= 0),\n" \
  "  total_quantity       INTEGER NOT NULL DEFAULT 0 CHECK (total_quantity >= 0),\n" \
  "  first_product_name   TEXT,\n" \
  "  version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n" \
  "  created_at           " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  updated_at           " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  CHECK (step <> 'exception' OR exception IS NOT NULL)\n" \
  ");\n" \
  "CREATE TABLE shipment_lines (\n" \
  "  id              " PK ",\n" \
  "  shipment_id     " ID " NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,\n" \
  "  position        INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n" \
  "  product_id      " ID " NOT NULL REFERENCES products (id),\n" \
  "  product_name    TEXT NOT NULL,\n" \
  "  serial          TEXT,\n" \
  "  production_date " DATE ",\n" \
  "  quantity        INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),\n" \
  "  created_at      " TIME " NOT NULL DEFAULT " NOW "\n" \
  ");\n" \
  "CREATE TABLE shipment_search (\n" \
  "  shipment_id " ID " PRIMARY KEY REFERENCES shipments (id) ON DELETE CASCADE,\n" \
  "  search_text TEXT NOT NULL\n" \
  ");\n"

/* The shipment list's orders, one index each (with the id for ties, so that the ids come from
 * the index alone): the attention sort reads the shipments with an attention time (overdue
 * first, by that time), then the open ones by request time through shipments_open_requested,
 * then the rest through shipments_requested_at; the step sort reads each step through
 * shipments_step; the expected sort the shipped ones through shipments_expected and the rest by
 * id. A customer's shipments, and the filters by carrier and account manager, have theirs. */
#define SHIPMENT_INDEXES \
  "CREATE INDEX shipments_attention ON shipments (attention_at, id)\n" \
  "  WHERE attention_at IS NOT NULL;\n" \
  "CREATE INDEX shipments_open_requested ON shipments (requested_at, id)\n" \
  "  WHERE " SHIPMENT_OPEN_WHERE ";\n" \
  "CREATE INDEX shipments_requested_at ON shipments (requested_at, id);\n" \
  "CREATE INDEX shipments_customer_name ON shipments (customer_name, id);\n" \
  "CREATE INDEX shipments_step ON shipments (step, id);\n" \
  "CREATE INDEX shipments_expected ON shipments (expected_arrival, id)\n" \
  "  WHERE expected_arrival IS NOT NULL;\n" \
  "CREATE INDEX shipments_customer_id ON shipments (customer_id, requested_at);\n" \
  "CREATE INDEX shipments_carrier_id ON shipments (carrier_id) WHERE carrier_id IS NOT NULL;\n" \
  "CREATE INDEX shipments_account_manager_id ON shipments (account_manager_id)\n" \
  "  WHERE account_manager_id IS NOT NULL;\n" \
  "CREATE INDEX shipments_call_id ON shipments (call_id) WHERE call_id IS NOT NULL;\n" \
  "CREATE INDEX shipment_lines_shipment_id ON shipment_lines (shipment_id, position, id);\n" \
  "CREATE INDEX shipment_lines_serial ON shipment_lines (serial, shipment_id)\n" \
  "  WHERE serial IS NOT NULL;\n"

/* Callbacks: one per source record and reason (a second schedule finds the first). */
#define CALLBACKS(PK, ID, TIME, NOW) \
  "CREATE TABLE callbacks (\n" \
  "  id            " PK ",\n" \
  "  customer_id   " ID " NOT NULL REFERENCES customers (id),\n" \
  "  customer_name TEXT NOT NULL,\n" \
  "  reason        TEXT NOT NULL CHECK (reason IN (" CALLBACK_REASON_VALUES ")),\n" \
  "  source_entity TEXT,\n" \
  "  source_id     " ID ",\n" \
  "  due_at        " TIME " NOT NULL,\n" \
  "  state         TEXT NOT NULL DEFAULT 'due' CHECK (state IN (" CALLBACK_STATE_VALUES ")),\n" \
  "  assigned_to   " ID " REFERENCES staff (id),\n" \
  "  agreed_at     " TIME ",\n" \
  "  method        TEXT,\n" \
  "  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n" \
  "  created_by    " ID " NOT NULL REFERENCES staff (id),\n" \
  "  created_at    " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  updated_at    " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  CHECK ((source_entity IS NULL) = (source_id IS NULL)),\n" \
  "  UNIQUE (source_entity, source_id, reason)\n" \
  ");\n" \
  "CREATE INDEX callbacks_customer_id ON callbacks (customer_id, due_at);\n" \
  "CREATE INDEX callbacks_due ON callbacks (due_at, id) WHERE state = 'due';\n" \
  "CREATE INDEX callbacks_assigned_to ON callbacks (assigned_to, due_at)\n" \
  "  WHERE assigned_to IS NOT NULL;\n"

/* Service jobs: every field of KefuServiceJob, by the convention above. attention_at is when the
 * job needs someone next (the default sort), kept by the job writes; n_progress counts its
 * progress reports for the list. service_job_search is the job list's text filter (reference,
 * customer name, phone, serial, symptoms), as shipment_search. */
#define SERVICE_JOBS(PK, ID, TIME, DATE, BOOL, FALSE_, NOW) \
  "CREATE TABLE service_jobs (\n" \
  "  id                        " PK ",\n" \
  "  reference                 TEXT NOT NULL UNIQUE,\n" \
  "  kind                      TEXT NOT NULL CHECK (kind IN (" JOB_KIND_VALUES ")),\n" \
  "  step                      TEXT NOT NULL DEFAULT 'reported'\n" \
  "                            CHECK (step IN (" JOB_STEP_VALUES ")),\n" \
  "  customer_id               " ID " NOT NULL REFERENCES customers (id),\n" \
  "  customer_name             TEXT NOT NULL,\n" \
  "  customer_phone            TEXT,\n" \
  "  address                   TEXT,\n" \
  "  call_id                   " ID " REFERENCES calls (id) ON DELETE SET NULL,\n" \
  "  shipment_id               " ID " REFERENCES shipments (id),\n" \
  "  shipment_line_id          " ID " REFERENCES shipment_lines (id) ON DELETE SET NULL,\n" \
  "  product_id                " ID " REFERENCES products (id),\n" \
  "  product_name              TEXT,\n" \
  "  serial                    TEXT,\n" \
  "  warranty_months           INTEGER NOT NULL DEFAULT 0 CHECK (warranty_months >= 0),\n" \
  "  source                    TEXT NOT NULL DEFAULT 'customer-call'\n" \
  "                            CHECK (source IN (" JOB_SOURCE_VALUES ")),\n" \
  "  account_manager_id        " ID " REFERENCES staff (id),\n" \
  "  reported_at               " TIME " NOT NULL,\n" \
  "  reported_by               " ID " NOT NULL REFERENCES staff (id),\n" \
  "  symptoms                  TEXT,\n" \
  "  phone_answer              TEXT,\n" \
  "  diagnosed_at              " TIME ",\n" \
  "  diagnosed_by              " ID " REFERENCES staff (id),\n" \
  "  diagnosis                 TEXT,\n" \
  "  warranty                  TEXT NOT NULL DEFAULT 'unknown'\n" \
  "                            CHECK (warranty IN (" WARRANTY_VALUES ")),\n" \
  "  warranty_start            " DATE ",\n" \
  "  warranty_reason           TEXT,\n" \
  "  fee_fen                   BIGINT NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),\n" \
  "  fee_agreed                " BOOL " NOT NULL DEFAULT " FALSE_ ",\n" \
  "  fee_recorded_at           " TIME ",\n" \
  "  fee_note                  TEXT,\n" \
  "  support_requested_at      " TIME ",\n" \
  "  support_requested_by      " ID " REFERENCES staff (id),\n" \
  "  support_purpose           TEXT,\n" \
  "  approved_at               " TIME ",\n" \
  "  approved_by               " ID " REFERENCES staff (id),\n" \
  "  rejection_reason          TEXT,\n" \
  "  technician_id             " ID " REFERENCES staff (id),\n" \
  "  agreed_date               " DATE ",\n" \
  "  travel_days               INTEGER NOT NULL DEFAULT 0 CHECK (travel_days BETWEEN 0 AND 90),\n" \
  "  dispatched_at             " TIME ",\n" \
  "  departed_at               " TIME ",\n" \
  "  returned_at               " TIME ",\n" \
  "  n_progress                INTEGER NOT NULL DEFAULT 0 CHECK (n_progress >= 0),\n" \
  "  out_carrier_id            " ID " REFERENCES carriers (id),\n" \
  "  out_waybill               TEXT,\n" \
  "  sent_to_factory_at        " TIME ",\n" \
  "  received_at_factory_at    " TIME ",\n" \
  "  repaired_at               " TIME ",\n" \
  "  replaced                  " BOOL " NOT NULL DEFAULT " FALSE_ ",\n" \
  "  repair_note               TEXT,\n" \
  "  back_carrier_id           " ID " REFERENCES carriers (id),\n" \
  "  back_waybill              TEXT,\n" \
  "  sent_back_at              " TIME ",\n" \
  "  customer_received_at      " TIME ",\n" \
  "  work_done                 TEXT,\n" \
  "  parts_used                TEXT,\n" \
  "  fixed                     " BOOL " NOT NULL DEFAULT " FALSE_ ",\n" \
  "  result_note               TEXT,\n" \
  "  customer_comment          TEXT,\n" \
  "  completed_at              " TIME ",\n" \
  "  completed_by              " ID " REFERENCES staff (id),\n" \
  "  callback_id               " ID " REFERENCES callbacks (id) ON DELETE SET NULL,\n" \
  "  callback_due_at           " TIME ",\n" \
  "  cancelled_at              " TIME ",\n" \
  "  cancel_reason             TEXT,\n" \
  "  attention_at              " TIME ",\n" \
  "  version                   INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n" \
  "  created_at                " TIME " NOT NULL DEFAULT " NOW ",\n" \
  "  updated_at                " TIME " NOT NULL DEFAULT " NOW "\n" \
  ");\n" \
  "CREATE TABLE job_progress (\n" \
  "  id          " PK ",\n" \
  "  job_id      " ID " NOT NULL REFERENCES service_jobs (id) ON DELETE CASCADE,\n" \
  "  reported_at " TIME " NOT NULL,\n" \
  "  reported_by " ID " NOT NULL REFERENCES staff (id),\n" \
  "  text        TEXT NOT NULL,\n" \
  "  created_at  " TIME " NOT NULL DEFAULT " NOW "\n" \
  ");\n" \
  "CREATE TABLE service_job_search (\n" \
  "  job_id      " ID " PRIMARY KEY REFERENCES service_jobs (id) ON DELETE CASCADE,\n" \
  "  search_text TEXT NOT NULL\n" \
  ");\n"

/* The job list's orders, one index each (ties by id): the attention sort reads the open jobs
 * with an attention time through service_jobs_attention, then the rest by report time; kind,
 * step, customer likewise; the technician's sort each technician's jobs by id. The technicians'
 * calendar reads the visits not under way by their agreed date (service_jobs_planned: the few
 * dispatched jobs whose technician has not left, so that two weeks do not read every agreed
 * visit of months), and those under way by their departure (with their travel days); the GM's
 * queue the jobs waiting for approval; a product's history its serial. */
#define SERVICE_JOB_INDEXES \
  "CREATE INDEX service_jobs_attention ON service_jobs (attention_at, id)\n" \
  "  WHERE attention_at IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_reported_at ON service_jobs (reported_at, id);\n" \
  "CREATE INDEX service_jobs_customer_name ON service_jobs (customer_name, id);\n" \
  "CREATE INDEX service_jobs_kind ON service_jobs (kind, id);\n" \
  "CREATE INDEX service_jobs_step ON service_jobs (step, id);\n" \
  "CREATE INDEX service_jobs_technician ON service_jobs (technician_id, id)\n" \
  "  WHERE technician_id IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_awaiting_approval ON service_jobs (support_requested_at, id)\n" \
  "  WHERE step = 'support-requested';\n" \
  "CREATE INDEX service_jobs_customer_id ON service_jobs (customer_id, reported_at);\n" \
  "CREATE INDEX service_jobs_serial ON service_jobs (serial, reported_at)\n" \
  "  WHERE serial IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_shipment_line_id ON service_jobs (shipment_line_id)\n" \
  "  WHERE shipment_line_id IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_shipment_id ON service_jobs (shipment_id)\n" \
  "  WHERE shipment_id IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_departed_at ON service_jobs (departed_at, travel_days, id)\n" \
  "  WHERE departed_at IS NOT NULL;\n" \
  "CREATE INDEX service_jobs_planned ON service_jobs (agreed_date, id)\n" \
  "  WHERE departed_at IS NULL AND technician_id IS NOT NULL;\n" \
  "CREATE INDEX job_progress_job_id ON job_progress (job_id, reported_at, id);\n"

/* A new reference takes the next sequence number of its day, read as a range of the references
 * ("FH-20261127-" up to "FH-20261127."). SQLite compares text byte by byte through the UNIQUE
 * index; PostgreSQL does so with the pattern operators, which need an index of their own (a
 * collation such as zh_CN may ignore the dashes), as calls_reference does for calls. */
#define PG_REFERENCE_INDEXES \
  "CREATE INDEX shipments_reference_pattern ON shipments (reference text_pattern_ops);\n" \
  "CREATE INDEX service_jobs_reference_pattern ON service_jobs (reference text_pattern_ops);\n"

#define SQLITE_PK   "INTEGER PRIMARY KEY"
#define SQLITE_ID   "INTEGER"
#define SQLITE_TIME "TEXT"
#define SQLITE_DATE "TEXT"
#define SQLITE_BOOL "INTEGER"

#define PG_PK   "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
#define PG_ID   "BIGINT"
#define PG_TIME "TIMESTAMPTZ"
#define PG_DATE "DATE"
#define PG_BOOL "BOOLEAN"

const char _kefu_schema_v4_sqlite[] =
  CARRIERS (SQLITE_PK, SQLITE_TIME, SQLITE_BOOL, "1", KEFU_SQLITE_NOW)
  SHIPMENTS (SQLITE_PK, SQLITE_ID, SQLITE_TIME, SQLITE_DATE, KEFU_SQLITE_NOW)
  SHIPMENT_INDEXES
  CALLBACKS (SQLITE_PK, SQLITE_ID, SQLITE_TIME, KEFU_SQLITE_NOW)
  SERVICE_JOBS (SQLITE_PK, SQLITE_ID, SQLITE_TIME, SQLITE_DATE, SQLITE_BOOL, "0", KEFU_SQLITE_NOW)
  SERVICE_JOB_INDEXES;

const char _kefu_schema_v4_postgres[] =
  CARRIERS (PG_PK, PG_TIME, PG_BOOL, "TRUE", "now()")
  SHIPMENTS (PG_PK, PG_ID, PG_TIME, PG_DATE, "now()")
  SHIPMENT_INDEXES
  CALLBACKS (PG_PK, PG_ID, PG_TIME, "now()")
  SERVICE_JOBS (PG_PK, PG_ID, PG_TIME, PG_DATE, PG_BOOL, "FALSE", "now()")
  SERVICE_JOB_INDEXES
  PG_REFERENCE_INDEXES;
