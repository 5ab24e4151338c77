/* kefu-sign-in-dialog.h: signing in to a PostgreSQL server as one's own staff login.
 *
 * When the server asks for a password that the location does not give, the application runs
 * this dialog: it first tries the password kept in the desktop keyring for that database
 * (kefu-keyring.h) and is only shown when there is none or the server refuses it. It asks for
 * the user name and password ("Remember in Keyring" keeps them there, never in GSettings or a
 * file), opens the store with them and, when the login still has a one-time password, makes
 * the user choose their own before going on. The staff member is then the login's.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SIGN_IN_DIALOG (kefu_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuSignInDialog, kefu_sign_in_dialog, KEFU, SIGN_IN_DIALOG, AdwDialog)

/* Properties: "location" (construct-only, without a password), "use-keyring" (TRUE: look the
 * password up in the desktop keyring and offer to keep it; tests without a Secret Service set
 * it FALSE), "busy" (read-only).
 * Signals: "signed-in" (KefuStore *store): the store is open as the user's login, with their
 * own password; the dialog closes itself after it.
 * Actions (group "sign-in"): "sign-in", "set-password". */

KefuSignInDialog *kefu_sign_in_dialog_new  (const char         *location,
                                            KefuStoreOpenFlags  flags);
/* Tries the keyring first; presents the dialog on `parent` when that does not sign in, showing
 * `reason` (why the server refused, nullable). */
void              kefu_sign_in_dialog_run  (KefuSignInDialog   *self,
                                            GtkWidget          *parent,
                                            const char         *reason);

G_END_DECLS
