/* kefu-callback-lead-page.h: the callback calendar's page for team leads and the customer
 * service manager: the callbacks waiting for the lead (retry, assign, close as unreachable,
 * cancel), the members' coverage this survey period with the members not yet called back
 * ("100% of members"), and new campaigns. Others see that the page is not theirs.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_LEAD_PAGE (kefu_callback_lead_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackLeadPage, kefu_callback_lead_page, KEFU, CALLBACK_LEAD_PAGE,
                      AdwNavigationPage)

AdwNavigationPage *kefu_callback_lead_page_new      (KefuStore *store,
                                                     KefuStaff *staff);
/* Whether it is reading or writing (read-only "busy" property). */
gboolean           kefu_callback_lead_page_get_busy (KefuCallbackLeadPage *self);
/* Reads everything again (also the "lead.reload" action). */
void               kefu_callback_lead_page_reload   (KefuCallbackLeadPage *self);

G_END_DECLS
