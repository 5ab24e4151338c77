/* kefuctl-demo-calls.h: the demo's hotline calls (a busy day today, the week before, and a few
 * earlier calls of today's callers), saved through the store as the demo clerks take them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* `staff_ids` maps the demo's staff logins to their ids (gint64 *). Each call is looked up by
 * its customer and day first, so running the demo again the same day adds nothing. */
gboolean kefuctl_demo_calls (KefuStore   *store,
                             GHashTable  *staff_ids,
                             guint       *added,
                             guint       *present,
                             GError     **error);

G_END_DECLS
