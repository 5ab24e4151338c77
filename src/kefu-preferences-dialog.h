/* kefu-preferences-dialog.h: the workstation's preferences: which database to use.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_PREFERENCES_DIALOG (kefu_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuPreferencesDialog, kefu_preferences_dialog, KEFU, PREFERENCES_DIALOG, AdwPreferencesDialog)

/* The dialog edits a copy of the choice in `settings`; "prefs.apply" (the Apply button) writes it
 * back and asks the application to open the database it names. */
KefuPreferencesDialog *kefu_preferences_dialog_new (GSettings *settings);

/* Whether `uri` has the form of a PostgreSQL connection string: postgres:// or postgresql://
 * followed by a host or socket, or libpq's key=value pairs (host=… dbname=…). On FALSE,
 * `reason` (may be NULL) says what is wrong, translated. */
gboolean kefu_preferences_check_server_uri (const char  *uri,
                                            char       **reason);

G_END_DECLS
