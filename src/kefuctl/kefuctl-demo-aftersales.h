/* kefuctl-demo-aftersales.h: the demo's shipments and service jobs, worked through every step
 * by the staff whose job each step is.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* `staff_ids` maps the demo's staff logins to their ids (gint64 *); the after-sales clerk and
 * the third technician it adds are added to it. Adds nothing once the demo's shipments are
 * there: `added` counts the shipments, jobs, staff and products added now, `present` the
 * shipments found. */
gboolean kefuctl_demo_aftersales (KefuStore   *store,
                                  GHashTable  *staff_ids,
                                  guint       *added,
                                  guint       *present,
                                  GError     **error);

G_END_DECLS
