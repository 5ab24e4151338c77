/* kefu-dashboard-clerk-row.h: one clerk's figures in the dashboard's clerks table (the seed's
 * 服务统计本: customers served, turned into orders, the conversion rate), as an object whose
 * properties the table's columns sort by.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "store/kefu-store-dashboard.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DASHBOARD_CLERK_ROW (kefu_dashboard_clerk_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuDashboardClerkRow, kefu_dashboard_clerk_row, KEFU, DASHBOARD_CLERK_ROW,
                      GObject)

/* Properties (read-only): "staff-id" (gint64), "name", "calls", "inquiries", "converted",
 * "complaints", "callbacks" (guint) and "conversion" (double, percent; -1 without inquiries). */
KefuDashboardClerkRow    *kefu_dashboard_clerk_row_new        (const KefuDashboardClerk *clerk);
const KefuDashboardClerk *kefu_dashboard_clerk_row_get_clerk  (KefuDashboardClerkRow    *self);
/* Converted inquiries in percent of the inquiries, -1 when there were none. */
double                    kefu_dashboard_clerk_row_get_conversion (KefuDashboardClerkRow *self);

G_END_DECLS
