/* kefu-schema-steps.h: the DDL of schema steps kept in files of their own (step 1 is in
 * kefu-schema.c), and the value lists the steps share.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* SQLite stores times as UTC text that sorts correctly; the default is written with strftime()
 * rather than our now() function so that the sqlite3 command-line tool can insert rows too. */
#define KEFU_SQLITE_NOW "(strftime('%Y-%m-%d %H:%M:%fZ', 'now'))"

/* The role and channel values are the nicks of KefuRole and KefuChannel in core/kefu-types.h. */
#define KEFU_SCHEMA_ROLE_VALUES \
  "'clerk', 'team-lead', 'cs-manager', 'qc-manager', 'gm-office', 'marketing-director', " \
  "'sales-admin', 'depot-admin', 'sales-rep', 'technician', 'finance', 'logistics', " \
  "'warehouse', 'administrator'"
#define KEFU_SCHEMA_CHANNEL_VALUES "'home-delivery', 'retail', 'supermarket'"

extern const char _kefu_schema_v2_sqlite[];
extern const char _kefu_schema_v2_postgres[];
extern const char _kefu_schema_v3_sqlite[];
extern const char _kefu_schema_v3_postgres[];
extern const char _kefu_schema_v4_sqlite[];
extern const char _kefu_schema_v4_postgres[];
extern const char _kefu_schema_v5_sqlite[];
extern const char _kefu_schema_v5_postgres[];
extern const char _kefu_schema_v6_sqlite[];
extern const char _kefu_schema_v6_postgres[];
extern const char _kefu_schema_v9_sqlite[];
extern const char _kefu_schema_v9_postgres[];
extern const char _kefu_schema_v10_sqlite[];
extern const char _kefu_schema_v10_postgres[];
extern const char _kefu_schema_v8_sqlite[];
extern const char _kefu_schema_v8_postgres[];
extern const char _kefu_schema_v7_sqlite[];
extern const char _kefu_schema_v7_postgres[];
extern const char _kefu_schema_v11_sqlite[];
extern const char _kefu_schema_v11_postgres[];
extern const char _kefu_schema_v12_sqlite[];
extern const char _kefu_schema_v12_postgres[];
extern const char _kefu_schema_v13_sqlite[];
extern const char _kefu_schema_v13_postgres[];
extern const char _kefu_schema_v14_sqlite[];
extern const char _kefu_schema_v14_postgres[];
