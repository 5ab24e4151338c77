/* kefu-dashboard-line.h: one line of the records behind a dashboard figure, as a list row
 * object: it owns the store's KefuDashboardRecord.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "store/kefu-store-dashboard.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DASHBOARD_LINE (kefu_dashboard_line_get_type ())
G_DECLARE_FINAL_TYPE (KefuDashboardLine, kefu_dashboard_line, KEFU, DASHBOARD_LINE, GObject)

/* Takes `record`. */
KefuDashboardLine         *kefu_dashboard_line_new        (KefuDashboardRecord *record);
const KefuDashboardRecord *kefu_dashboard_line_get_record (KefuDashboardLine   *self);
/* The store's ids of a page of records of `kind` as lines (run on the store's worker). */
GPtrArray                 *kefu_dashboard_lines_read      (KefuStore               *store,
                                                           KefuDashboardRecordKind  kind,
                                                           const gint64            *ids,
                                                           guint                    n_ids,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);

G_END_DECLS
