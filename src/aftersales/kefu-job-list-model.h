/* kefu-job-list-model.h: the job list view's rows: a KefuLazyListModel whose ids come from
 * kefu_store_list_job_ids () (filtered and sorted in SQL, the first screen read first with
 * kefu_store_list_job_ids_head ()) and whose values are KefuServiceJob list rows read a page at
 * a time with kefu_store_get_jobs ().
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store-jobs.h"
#include "widgets/kefu-lazy-list-model.h"

G_BEGIN_DECLS

/* Open jobs, those waiting longest first. */
KefuLazyListModel   *kefu_job_list_model_new        (void);
/* Which jobs (`filter` copied; NULL: all) in which order; one reload follows. */
void                 kefu_job_list_model_set_query  (KefuLazyListModel   *model,
                                                     const KefuJobFilter *filter,
                                                     KefuJobSort          sort,
                                                     gboolean             descending);

G_END_DECLS
