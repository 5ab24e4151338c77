/* kefu-complaint-filter-bar.h: the filters over the complaint board and list: whose complaints
 * (mine, my department, all), category, department, overdue only, urgent only and the date range
 * the calls were received in. The text search is the pane's search entry.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-staff.h"
#include "kefu-store-complaints.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_FILTER_BAR (kefu_complaint_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintFilterBar, kefu_complaint_filter_bar, KEFU, COMPLAINT_FILTER_BAR, AdwBin)

/* Property "staff" (for mine and my department). Signal "changed" when a filter changes. */
GtkWidget  *kefu_complaint_filter_bar_new             (void);
void        kefu_complaint_filter_bar_set_staff       (KefuComplaintFilterBar *self,
                                                       KefuStaff              *staff);
/* The departments to choose from (KefuDepartment); NULL: none. */
void        kefu_complaint_filter_bar_set_departments (KefuComplaintFilterBar *self,
                                                       GListModel             *departments);
/* Sets the fields of `filter` the bar decides (scope and staff, category, department, overdue,
 * urgent, received range); the others are left as they are. */
void        kefu_complaint_filter_bar_apply           (KefuComplaintFilterBar *self,
                                                       KefuComplaintFilter    *filter);
/* TRUE when some filter narrows the complaints. */
gboolean    kefu_complaint_filter_bar_is_set          (KefuComplaintFilterBar *self);
void        kefu_complaint_filter_bar_clear           (KefuComplaintFilterBar *self);
/* The received range, local days, both included (NULL: open). */
void        kefu_complaint_filter_bar_set_dates       (KefuComplaintFilterBar *self,
                                                       const GDate            *from,
                                                       const GDate            *to);
/* Why the date range is not applied, or NULL. */
const char *kefu_complaint_filter_bar_get_date_error  (KefuComplaintFilterBar *self);

G_END_DECLS
