/* kefu-complaint-list-view-private.h: what the tests see of the complaint list view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-complaint-list-view.h"

G_BEGIN_DECLS

/* The lazy model of KefuLazyItem the table shows (transfer none). */
GListModel *_kefu_complaint_list_view_get_model (KefuComplaintListView *self);

G_END_DECLS
