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
/* Which page shows: "loading", "staff", "pin", "empty" or "error". */
const char       *kefu_staff_chooser_get_page  (KefuStaffChooser *self);
/* Asks this staff member's PIN as soon as the list is loaded (if they have one). */
void              kefu_staff_chooser_ask_pin   (KefuStaffChooser *self,
                                                gint64            staff_id);

/* The active staff with, on SQLite, who has a PIN (kefu_staff_list_has_pin ()); on PostgreSQL
 * nobody has one here, the server's login decides who is who. */
void              kefu_staff_list_with_pins_async  (KefuStore           *store,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GListModel       *kefu_staff_list_with_pins_finish (KefuStore           *store,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean          kefu_staff_list_has_pin          (GListModel          *staff,
                                                    gint64               staff_id);

G_END_DECLS
