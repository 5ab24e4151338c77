/* kefuctl-demo-complaints.h: the demo's complaints worked through their stages (routed,
 * investigated, resolved, called back, reopened, closed; visits, notes, escalations), as the
 * demo's staff would have worked them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* `staff_ids` maps the demo's staff logins to their ids (gint64 *). Works only complaints still
 * in their intake stage, so running the demo again the same day changes nothing: `added` counts
 * the complaints worked now, `present` those worked before. */
gboolean kefuctl_demo_complaints (KefuStore   *store,
                                  GHashTable  *staff_ids,
                                  guint       *added,
                                  guint       *present,
                                  GError     **error);

G_END_DECLS
