/* kefu-keyring.h: PostgreSQL login passwords in the desktop keyring (Secret Service, through
 * libsecret; inside Flatpak through the Secret portal). A password is never written to GSettings
 * or to a file of Kefu's: the location in Preferences holds no password, and the sign-in dialog
 * asks once and, when the user agrees, keeps it here.
 *
 * Items are keyed by server host (or socket folder), port, database name and user name, so a
 * workstation used by several staff members keeps each one's password apart.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The libsecret schema name of Kefu's items. */
#define KEFU_KEYRING_SCHEMA_NAME "io.github.kefu.Kefu.PostgresLogin"

typedef struct
{
  char *host;     /* host name, address, or socket folder; "" for libpq's default */
  char *port;     /* "" for the default (5432) */
  char *dbname;
  char *user;
} KefuKeyringKey;

/* The key of a PostgreSQL location (URI or "key=value" string) with `user` instead of the one it
 * names (NULL: its own). NULL when the location cannot be parsed. */
KefuKeyringKey *kefu_keyring_key_new_from_location (const char *location,
                                                    const char *user);
void            kefu_keyring_key_free              (KefuKeyringKey *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuKeyringKey, kefu_keyring_key_free)

/* `location` with the user name and password of the sign-in added (replacing any there). The
 * result holds the password: free it with kefu_keyring_free_secret (). */
char           *kefu_keyring_location_with_login   (const char *location,
                                                    const char *user,
                                                    const char *password);
void            kefu_keyring_free_secret           (char       *secret);

void            kefu_keyring_store_async           (const KefuKeyringKey *key,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        kefu_keyring_store_finish          (GAsyncResult  *result,
                                                    GError       **error);
/* The kept password, or NULL without an error when there is none. */
void            kefu_keyring_lookup_async          (const KefuKeyringKey *key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char           *kefu_keyring_lookup_finish         (GAsyncResult  *result,
                                                    GError       **error);
void            kefu_keyring_clear_async           (const KefuKeyringKey *key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        kefu_keyring_clear_finish          (GAsyncResult  *result,
                                                    GError       **error);

/* The user name and password kept for the database of `key` (its user is ignored): the most
 * recently kept one when several staff members signed in there. `user` and `password` are NULL
 * (without an error) when there is none. */
void            kefu_keyring_find_async            (const KefuKeyringKey *key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        kefu_keyring_find_finish           (GAsyncResult  *result,
                                                    char         **user,
                                                    char         **password,
                                                    GError       **error);

/* Synchronous forms, for tests and kefuctl (they block on D-Bus). */
gboolean        kefu_keyring_store_sync            (const KefuKeyringKey *key,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
char           *kefu_keyring_lookup_sync           (const KefuKeyringKey *key,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
gboolean        kefu_keyring_clear_sync            (const KefuKeyringKey *key,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

G_END_DECLS
