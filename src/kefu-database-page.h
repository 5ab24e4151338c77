/* kefu-database-page.h: the page that says why the database cannot be opened, and offers to
 * choose another or to try again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_DATABASE_PAGE (kefu_database_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuDatabasePage, kefu_database_page, KEFU, DATABASE_PAGE, GtkWidget)

/* `location` may be NULL when no database could even be named (incomplete preferences). */
void        kefu_database_page_set_error (KefuDatabasePage *self,
                                          const char       *location,
                                          const GError     *error);
const char *kefu_database_page_get_title (KefuDatabasePage *self);

/* `location` as it may be shown on screen: a server address loses its password. */
char       *kefu_database_page_describe_location (const char *location);

G_END_DECLS
