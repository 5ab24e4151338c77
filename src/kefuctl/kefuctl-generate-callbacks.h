/* kefuctl-generate-callbacks.h: `kefuctl generate --callbacks N`, callbacks at scale.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Adds `count` callbacks of the customers in `store` (assigned to `clerk_ids`, gint64, about
 * three in four), spread over the three years that end on `last_day` and two weeks after it,
 * from the random stream of `seed`. */
gboolean kefuctl_generate_callbacks (KefuStore     *store,
                                     guint64        seed,
                                     guint64        count,
                                     const GDate   *last_day,
                                     const GArray  *clerk_ids,
                                     GError       **error);

G_END_DECLS
