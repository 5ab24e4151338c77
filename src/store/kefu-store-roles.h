/* kefu-store-roles.h: who this session is on a PostgreSQL server, and the staff logins.
 *
 * On PostgreSQL every staff member signs in with a login role of their own (schema step 7,
 * docs/schema.md): the server knows who is working and enforces the role rules. A session
 * signed in as a staff member's login acts as that staff member only (kefu_store_set_actor ()
 * refuses another id, and writes recorded in another name fail with
 * %KEFU_STORE_ERROR_PERMISSION). The database owner (or a superuser: kefuctl, the tests) has no
 * staff row of its own and may act as anyone.
 *
 * On SQLite there are no logins: the "who am I" calls report no staff member and the login
 * calls fail with %KEFU_STORE_ERROR_FAILED.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* A one-time password stays valid this many days; the user replaces it at the first sign-in. */
#define KEFU_STORE_ONE_TIME_PASSWORD_DAYS 7
/* The shortest password kefu_store_change_own_password () accepts. */
#define KEFU_STORE_MIN_PASSWORD_CHARS 8

/* The staff member whose login this session is, as read when the store was opened: 0 on
 * SQLite and for the owner or a superuser. */
gint64      kefu_store_get_session_staff_id   (KefuStore     *self);

/* Asks the server again: the session's staff member (0 as above) and whether its password is
 * still a one-time one that the user must replace. */
gboolean    kefu_store_who_am_i               (KefuStore     *self,
                                               gint64        *staff_id,
                                               gboolean      *must_change_password,
                                               GCancellable  *cancellable,
                                               GError       **error);

/* TRUE when `login` can name a login role: 2–63 characters, a lower-case ASCII letter first,
 * then lower-case letters, digits, '_' or '.', and not beginning with "pg_" or "kefu_". */
gboolean    kefu_store_login_name_is_valid    (const char    *login);

/* The login role names of the staff members that have one: a table from gint64 staff ids
 * (g_int64_hash keys) to names; empty on SQLite. */
GHashTable *kefu_store_list_logins            (KefuStore     *self,
                                               GCancellable  *cancellable,
                                               GError       **error);

/* Managers (kefu_role_can_manage_staff ()): creates the login role `login` for a staff member,
 * or gives it a new one-time password. Returns the one-time password, to be shown once. */
char       *kefu_store_create_login           (KefuStore     *self,
                                               gint64         staff_id,
                                               const char    *login,
                                               GCancellable  *cancellable,
                                               GError       **error);
char       *kefu_store_reset_password         (KefuStore     *self,
                                               gint64         staff_id,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The signed-in staff member sets their own password (at least
 * KEFU_STORE_MIN_PASSWORD_CHARS characters). */
gboolean    kefu_store_change_own_password    (KefuStore     *self,
                                               const char    *password,
                                               GCancellable  *cancellable,
                                               GError       **error);

/* Asynchronous forms for the UI, on the store's worker. */
void        kefu_store_list_logins_async      (KefuStore *self, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GHashTable *kefu_store_list_logins_finish     (KefuStore *self, GAsyncResult *result,
                                               GError **error);
void        kefu_store_create_login_async     (KefuStore *self, gint64 staff_id, const char *login,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
void        kefu_store_reset_password_async   (KefuStore *self, gint64 staff_id,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
/* The finish of both: the one-time password. */
char       *kefu_store_login_password_finish  (KefuStore *self, GAsyncResult *result,
                                               GError **error);
void        kefu_store_change_own_password_async  (KefuStore *self, const char *password,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean    kefu_store_change_own_password_finish (KefuStore *self, GAsyncResult *result,
                                                   GError **error);

G_END_DECLS
