/* kefu-job-list-view.h: the service jobs as a sortable table (GtkColumnView) with its filter
 * bar (open only, kind, step, awaiting approval, warranty, a text search), over a lazy model
 * (ids sorted and filtered in SQL, rows read a page at a time). Activating a row activates
 * "aftersales.open-job" with its id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-staff.h"
#include "kefu-store-jobs.h"

G_BEGIN_DECLS

#define KEFU_TYPE_JOB_LIST_VIEW (kefu_job_list_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuJobListView, kefu_job_list_view, KEFU, JOB_LIST_VIEW, AdwBin)

/* Properties: "store" (KefuStore), "staff" (KefuStaff), "busy" (read-only, TRUE while ids load
 * and while the rows on screen wait for their jobs). */
GtkWidget  *kefu_job_list_view_new    (void);
/* Reads the ids again (after a change in the store). */
void        kefu_job_list_view_reload (KefuJobListView *self);

/* For tests: the lazy model of KefuLazyItem the table shows (transfer none). */
GListModel *_kefu_job_list_view_get_model (KefuJobListView *self);

G_END_DECLS
