/* kefu-store-callbacks-bulk.h: loading callbacks by the hundred thousand (kefuctl generate
 * --callbacks), as kefu-store-aftersales-bulk.h loads shipments and jobs.
 *
 * Not included by kefu-store.h: only kefuctl and the tests need it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/kefu-callback.h"
#include "kefu-store.h"

G_BEGIN_DECLS

/* Inserts many callbacks in one transaction through the backend's bulk path (SQLite: one
 * prepared statement; PostgreSQL: COPY), and one event for the load. The records are stored as
 * given — customer_id and customer_name, reason, topic, due_at, deadline_at, method, state,
 * assigned_to, n_attempts, last_outcome, escalated_at, outcome, satisfaction, customer_words,
 * done_at, done_by, cancel_reason, created_at (NULL: now) — the caller making them consistent
 * (the rules of kefu-callback-rules.h: a done callback has its outcome and, when reached, its
 * satisfaction); no attempts, claims, sources or campaigns. On success every record gets its
 * id and version. */
gboolean kefu_store_insert_callbacks_bulk (KefuStore     *self,
                                           GPtrArray     *callbacks,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
