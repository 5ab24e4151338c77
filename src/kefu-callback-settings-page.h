/* kefu-callback-settings-page.h: the Callbacks page of Preferences: the customers' rest hours,
 * the hotline's hours, the callback window, attempts and retries, the member survey period, the
 * company's name and the six texts of the callback script. Stored in the database, so the same on
 * every workstation; editable only by a role that may edit settings
 * (kefu_role_can_edit_settings ()), read-only for the others.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-settings-page.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_SETTINGS_PAGE (kefu_callback_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackSettingsPage, kefu_callback_settings_page, KEFU,
                      CALLBACK_SETTINGS_PAGE, KefuSettingsPage)

/* Properties (KefuSettingsPage's): "store", "staff" (who is working: their role decides
 * whether the page is editable), "busy" (read-only: loading or saving).
 *
 * Actions (group "callback-settings"): "save" writes the settings that changed once every
 * field is valid. */

KefuCallbackSettingsPage *kefu_callback_settings_page_new (KefuStore *store,
                                                           KefuStaff *staff);

G_END_DECLS
