/* kefu-complaint-settings-page.h: the Complaints page of Preferences: the shared rules of the
 * escalation board (working time, deadlines, batch incidents) and the routing rules (category →
 * departments), stored in the database and so the same on every workstation. Editable only by
 * a role that may edit settings (kefu_role_can_edit_settings ()); others see them read-only.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-settings-page.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_SETTINGS_PAGE (kefu_complaint_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintSettingsPage, kefu_complaint_settings_page, KEFU, COMPLAINT_SETTINGS_PAGE, KefuSettingsPage)

/* Properties: "store", "staff" (who is working: their role decides whether the page is
 * editable), "busy" (read-only: loading or saving).
 *
 * Actions (group "complaint-settings"): "save" writes the changed rules once every field is
 * valid; "save-routing" writes the routing of both categories; "reset-routing" (i: the
 * KefuComplaintCategory) brings one category back to the role defaults. */

KefuComplaintSettingsPage *kefu_complaint_settings_page_new (KefuStore *store,
                                                             KefuStaff *staff);

G_END_DECLS
