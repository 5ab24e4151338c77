/* kefu-complaint-list-model.h: the complaint list view's rows: a KefuLazyListModel whose ids come
 * from kefu_store_list_complaint_ids () (filtered and sorted in SQL) and whose values are
 * KefuComplaintCard read a page at a time with kefu_store_get_complaint_cards ().
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store-complaints.h"
#include "widgets/kefu-lazy-list-model.h"

G_BEGIN_DECLS

KefuLazyListModel *kefu_complaint_list_model_new       (void);
/* Which complaints (`filter` copied; NULL: all) in which order; one reload follows. */
void               kefu_complaint_list_model_set_query (KefuLazyListModel         *model,
                                                        const KefuComplaintFilter *filter,
                                                        KefuComplaintSort          sort,
                                                        gboolean                   descending);

G_END_DECLS
