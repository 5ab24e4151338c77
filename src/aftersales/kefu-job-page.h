/* kefu-job-page.h: the detail page of one service job: its head (kind, customer, step,
 * warranty, fee), the fault report, the diagnosis, the market-support request and approval, the
 * trip, the factory round trip, the service feedback form, the callback it scheduled, the
 * product's life by its serial, the timeline and the customer's history, and the actions the
 * staff member may take at the job's step.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-staff.h"
#include "kefu-store-jobs.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_TYPE_JOB_PAGE (kefu_job_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuJobPage, kefu_job_page, KEFU, JOB_PAGE, AdwNavigationPage)

/* Properties "store", "staff", "job-id" (construct-only) and "busy" (read-only, TRUE while the
 * job is read or an action is saved). Action "job.act" (i: a KefuJobAction) takes an action:
 * the ones that need nothing more are saved at once, the others open their dialog. */
AdwNavigationPage *kefu_job_page_new        (KefuStore   *store,
                                             KefuStaff   *staff,
                                             gint64       job_id);
gint64             kefu_job_page_get_job_id (KefuJobPage *self);
/* Reads the job again. */
void               kefu_job_page_reload     (KefuJobPage *self);
/* Keeps the page current with what others save (kefu-live-page.h); NULL: does nothing. */
void               kefu_job_page_set_live   (KefuJobPage *self,
                                             KefuLive    *live);

/* For tests: the job as last read (transfer none; NULL before), the action dialog open now
 * (transfer none; NULL when none), and whether the page offers `action`. */
KefuServiceJob    *_kefu_job_page_get_job           (KefuJobPage   *self);
AdwDialog         *_kefu_job_page_get_action_dialog (KefuJobPage   *self);
gboolean           _kefu_job_page_offers            (KefuJobPage   *self,
                                                     KefuJobAction  action);

G_END_DECLS
