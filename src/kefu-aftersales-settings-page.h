/* kefu-aftersales-settings-page.h: the After-Sales page of Preferences: the carriers a shipment
 * or a factory round trip may go with (name, waybill form, tracking address, active) and the
 * days after delivery before an unconfirmed shipment is overdue. Stored in the database, so the
 * same on every workstation; editable only by a role that may edit settings.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-settings-page.h"

G_BEGIN_DECLS

#define KEFU_TYPE_AFTERSALES_SETTINGS_PAGE (kefu_aftersales_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuAftersalesSettingsPage, kefu_aftersales_settings_page, KEFU, AFTERSALES_SETTINGS_PAGE, KefuSettingsPage)

/* Properties: "store", "staff", "busy" (read-only: loading or saving).
 *
 * Actions (group "aftersales-settings"): "add-carrier" adds an unsaved carrier row; "save-carrier"
 * (i: the row's position) writes one carrier once its fields are valid; "save" writes the
 * receipt days. */

KefuAftersalesSettingsPage *kefu_aftersales_settings_page_new (KefuStore *store,
                                                               KefuStaff *staff);

/* Whether `text` may be a carrier's tracking address template: empty (no tracking page), or an
 * http(s) address holding {waybill}; `reason` (optional) gets a translated explanation. */
gboolean kefu_aftersales_check_tracking_template (const char  *text,
                                                  char       **reason);
/* Whether `text` is a number of receipt days within the setting's bounds (reason: why not). */
gboolean kefu_aftersales_check_receipt_days      (const char  *text,
                                                  guint       *days,
                                                  char       **reason);

/* For tests: the carrier rows shown, in order. */
guint    kefu_aftersales_settings_page_get_n_carriers (KefuAftersalesSettingsPage *self);

G_END_DECLS
