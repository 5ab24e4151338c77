/* kefu-staff-page.h: the Staff page of Preferences, for those who manage staff
 * (kefu_role_can_manage_staff (): the CS manager and the administrator). It lists every staff
 * member, active and inactive; adds one; changes a member's role and department; deactivates
 * and reactivates (nobody is ever deleted: history keeps their name). On PostgreSQL it also
 * creates a member's login and resets its password, showing the one-time password once.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_STAFF_PAGE (kefu_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuStaffPage, kefu_staff_page, KEFU, STAFF_PAGE, AdwPreferencesPage)

/* Properties: "store", "staff" (who is working), "busy" (read-only: loading or saving),
 * "last-password" (read-only: the one-time password shown last, for the tests; NULL once the
 * dialog showing it is closed).
 *
 * Actions (group "staff-admin"): "add" adds the member typed in the Add group once it is
 * valid; "set-role" ((xi): staff id, role), "set-department" ((xx): staff id, department id, 0
 * for none), "set-active" ((xb)); "create-login" (x) and "reset-password" (x), PostgreSQL only. */

KefuStaffPage *kefu_staff_page_new (KefuStore *store,
                                    KefuStaff *staff);

G_END_DECLS
