/* kefu-staff-chooser.h: the dialog that asks who is working at this workstation.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_STAFF_CHOOSER (kefu_staff_chooser_get_type ())
G_DECLARE_FINAL_TYPE (KefuStaffChooser, kefu_staff_chooser, KEFU, STAFF_CHOOSER, AdwDialog)

/* Lists the active staff of `store`. Choosing one sets the store's actor, remembers the id in
 * `settings` ("current-staff-id"), emits ::staff-chosen and closes. */
KefuStaffChooser *kefu_staff_chooser_new       (KefuStore        *store,
                                                GSettings        *settings);
/* TRUE while the staff list is loading. */
gboolean          kefu_staff_chooser_get_busy  (KefuStaffChooser *self);
/* Which page shows: "loading", "staff", "empty" or "error". */
const char       *kefu_staff_chooser_get_page  (KefuStaffChooser *self);

G_END_DECLS
