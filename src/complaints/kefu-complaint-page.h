/* kefu-complaint-page.h: the detail page of one complaint: what was captured at intake (editable
 * with the intake's validation until it is resolved), the routing, the deadlines and escalation,
 * visits, the timeline of every event, the linked batch complaints, the customer's history, and
 * the actions of its stage (kefu-complaint-actions.h).
 *
 * After any change it activates "complaints.reload" so the board and list follow.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-store.h"
#include "kefu-staff.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_PAGE (kefu_complaint_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintPage, kefu_complaint_page, KEFU, COMPLAINT_PAGE, AdwNavigationPage)

/* Properties: "store", "staff", "complaint-id" (construct-only), "busy" (read-only). */
KefuComplaintPage *kefu_complaint_page_new             (KefuStore *store,
                                                        KefuStaff *staff,
                                                        gint64     complaint_id);
gint64             kefu_complaint_page_get_complaint_id (KefuComplaintPage *self);
/* Keeps the page current with what others save (kefu-live-page.h); NULL: does nothing. */
void               kefu_complaint_page_set_live         (KefuComplaintPage *self,
                                                         KefuLive          *live);

G_END_DECLS
