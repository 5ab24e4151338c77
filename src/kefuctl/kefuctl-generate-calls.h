/* kefuctl-generate-calls.h: `kefuctl generate --calls N`, hotline calls at scale.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Adds `count` calls of the customers and clerks already in `store`, received over the three
 * years that end on `last_day` (local, not after today), from the random stream of `seed`. */
gboolean kefuctl_generate_calls (KefuStore    *store,
                                 guint64       seed,
                                 guint64       count,
                                 const GDate  *last_day,
                                 GError      **error);

/* Adds `count` complaint calls the same way, of which about `open_share` (0–1) are still open
 * (the younger the likelier) and the rest closed, each with what happened to it since (stage
 * times, resolution, callback, deadlines and escalations, visits) and the batch alerts their
 * clusters raised. */
gboolean kefuctl_generate_complaints (KefuStore    *store,
                                      guint64       seed,
                                      guint64       count,
                                      double        open_share,
                                      const GDate  *last_day,
                                      GError      **error);

G_END_DECLS
