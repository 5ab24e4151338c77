/* kefu-dashboard-clerks-view.h: the dashboard's clerks table (the seed's 服务统计): calls
 * served, inquiries, inquiries turned into orders and the conversion rate (转化率), complaints
 * taken, callbacks done, each column sortable; a number is a button to the records behind it
 * ("dashboard.open-records").
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_DASHBOARD_CLERKS_VIEW (kefu_dashboard_clerks_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuDashboardClerksView, kefu_dashboard_clerks_view, KEFU,
                      DASHBOARD_CLERKS_VIEW, AdwBin)

GtkWidget  *kefu_dashboard_clerks_view_new        (void);
/* `clerks`: KefuDashboardClerk (copied). */
void        kefu_dashboard_clerks_view_set_clerks (KefuDashboardClerksView *self,
                                                   GArray                  *clerks);
/* The rows in the order shown (KefuDashboardClerkRow), for tests. */
GListModel *kefu_dashboard_clerks_view_get_model  (KefuDashboardClerksView *self);

G_END_DECLS
