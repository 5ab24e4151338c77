/* kefu-schema-v10.c: schema step 10, the intake queue's idempotency key.
 *
 * A call recorded while the database could not be reached waits in a file on the workstation
 * (KefuIntakeQueue) and is written when the database is back. Each waiting call carries a key
 * made on the workstation (a random UUID); `calls.client_key` stores it, and the unique index
 * makes sure a call re-sent after a lost acknowledgement (the commit went in, the answer never
 * came back, or Kefu stopped before taking the call off its queue) is written once. The order,
 * complaint or inquiry of a call is written in the same transaction as the call, so the key on
 * `calls` covers them too. Calls saved directly keep NULL, which the unique index allows any
 * number of times on both backends.
 *
 * Like every step, this is history once released: later changes are new steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-schema-steps.h"

#define CLIENT_KEY_DDL \
  "ALTER TABLE calls ADD COLUMN client_key TEXT;\n" \
  "CREATE UNIQUE INDEX calls_client_key ON calls (client_key);\n"

const char _kefu_schema_v10_sqlite[] = CLIENT_KEY_DDL;
const char _kefu_schema_v10_postgres[] = CLIENT_KEY_DDL;
