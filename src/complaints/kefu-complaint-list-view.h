/* kefu-complaint-list-view.h: the complaints as a sortable table (GtkColumnView) for managers who
 * want one: every complaint matching the filter, closed ones included, over a lazy model (ids
 * sorted and filtered in SQL, cards read a page at a time), smooth over 500,000 rows.
 * Activating a row activates "complaints.open" with its id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-store-complaints.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_LIST_VIEW (kefu_complaint_list_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintListView, kefu_complaint_list_view, KEFU, COMPLAINT_LIST_VIEW, AdwBin)

/* Properties: "store" (KefuStore), "busy" (read-only, TRUE while ids load, and while the rows
 * on screen wait for their cards). */
KefuComplaintListView *kefu_complaint_list_view_new        (void);
/* Reads the ids again with `filter` (copied). */
void                   kefu_complaint_list_view_set_filter (KefuComplaintListView     *self,
                                                            const KefuComplaintFilter *filter);
void                   kefu_complaint_list_view_reload     (KefuComplaintListView     *self);

G_END_DECLS
