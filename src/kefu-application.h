/* kefu-application.h: the application: options, app actions, and which database is open.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The GSettings schema of a workstation (window size, database choice, who is working). */
#define KEFU_SETTINGS_SCHEMA "io.github.kefu.Kefu"

/* Values of the "database-kind" key. */
typedef enum
{
  KEFU_DATABASE_KIND_LOCAL,   /* the SQLite file in the user's data folder */
  KEFU_DATABASE_KIND_SHARED,  /* a SQLite file on a mounted share: "database-path" */
  KEFU_DATABASE_KIND_SERVER,  /* a PostgreSQL server: "server-uri" */
} KefuDatabaseKind;

#define KEFU_TYPE_APPLICATION (kefu_application_get_type ())
G_DECLARE_FINAL_TYPE (KefuApplication, kefu_application, KEFU, APPLICATION, AdwApplication)

KefuApplication *kefu_application_new                (void);
GSettings       *kefu_application_get_settings       (KefuApplication *self);
KefuStore       *kefu_application_get_store          (KefuApplication *self);
const char      *kefu_application_get_location       (KefuApplication *self);
/* Opens `location` (a SQLite path or a server URI) in the main window, which shows a loading
 * page until the store is open and the error page when it cannot be opened. `flags` are kept
 * with the location, so app.reopen-database ("Try Again") opens it the same way: with
 * KEFU_STORE_OPEN_MUST_EXIST a missing SQLite file is refused instead of created. */
void             kefu_application_open_location      (KefuApplication    *self,
                                                      const char         *location,
                                                      KefuStoreOpenFlags  flags);
/* Opens the database the workstation's settings name (forgetting --database/--server). */
void             kefu_application_open_from_settings (KefuApplication *self);
/* The exit status of the run: non-zero when --screenshots failed. */
int              kefu_application_get_exit_status    (KefuApplication *self);

/* The number in what a telephone system hands --incoming-call: a plain number, or a SIP or tel
 * URI with an optional display name ("王伟" <sip:13812345678@pbx;user=phone>). */
char            *kefu_application_clean_incoming_number (const char *text);

/* The default local database, $XDG_DATA_HOME/kefu/kefu.db. */
char            *kefu_application_dup_default_database_path (void);
/* Which database `settings` name. Returns NULL with an error when the choice is incomplete
 * (a shared file or server not given yet). `must_exist` tells whether a missing SQLite file must be
 * refused rather than created: a shared file that is missing usually means an unmounted share. */
char            *kefu_application_resolve_location   (GSettings       *settings,
                                                      gboolean        *must_exist,
                                                      GError         **error);

G_END_DECLS
