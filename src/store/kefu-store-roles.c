/* kefu-store-roles.c: the session's staff member on PostgreSQL, and the staff logins, through
 * the SECURITY DEFINER functions of schema step 7 (kefu_session (), kefu_create_login (),
 * kefu_reset_password (), kefu_change_password ()).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "kefu-store-internal.h"
#include "kefu-store-roles.h"

static gboolean
refuse_on_sqlite (KefuStore  *self,
                  GError    **error)
{
  if (kefu_store_get_backend (self) != KEFU_STORE_BACKEND_SQLITE)
    return FALSE;
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                       _("A database file has no server logins: everyone who may open the file "
                         "may work in it. Logins exist on a PostgreSQL server only."));
  return TRUE;
}

gboolean
_kefu_store_load_session (KefuStore     *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gint64 staff_id = 0;

  if (kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE)
    return TRUE;
  if (!kefu_store_who_am_i (self, &staff_id, NULL, cancellable, error))
    return FALSE;
  _kefu_store_set_session_staff (self, staff_id);
  return TRUE;
}

gint64
kefu_store_get_session_staff_id (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), 0);

  return _kefu_store_get_session_staff (self);
}

/**
 * kefu_store_who_am_i:
 * @staff_id: (out) (optional): the session's staff member, 0 for none
 * @must_change_password: (out) (optional): whether the login still has a one-time password
 *
 * Returns: %TRUE, or %FALSE with @error set when the server could not be asked
 */
gboolean
kefu_store_who_am_i (KefuStore     *self,
                     gint64        *staff_id,
                     gboolean      *must_change_password,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  if (staff_id != NULL)
    *staff_id = 0;
  if (must_change_password != NULL)
    *must_change_password = FALSE;
  if (kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE)
    return TRUE;

  rows = _kefu_store_query (self, "SELECT staff_id, password_temporary FROM kefu_session ()",
                            NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 1)
    {
      if (staff_id != NULL)
        *staff_id = kefu_rows_get_int (rows, 0, 0);
      if (must_change_password != NULL)
        *must_change_password = kefu_rows_get_bool (rows, 0, 1);
    }
  return TRUE;
}

gboolean
kefu_store_login_name_is_valid (const char *login)
{
  gsize length;

  if (login == NULL)
    return FALSE;
  length = strlen (login);
  if (length < 2 || length > 63 || !g_ascii_islower (login[0]) ||
      g_str_has_prefix (login, "pg_") || g_str_has_prefix (login, "kefu_"))
    return FALSE;
  for (const char *p = login; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

GHashTable *
kefu_store_list_logins (KefuStore     *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GHashTable) logins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  if (kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE)
    return g_steal_pointer (&logins);

  rows = _kefu_store_query (self, "SELECT id, db_role FROM staff WHERE db_role IS NOT NULL",
                            NULL, cancellable, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_hash_table_insert (logins, g_memdup2 (&(gint64) { kefu_rows_get_int (rows, i, 0) },
                                            sizeof (gint64)),
                         g_strdup (kefu_rows_get_text (rows, i, 1)));
  return g_steal_pointer (&logins);
}

typedef struct
{
  gint64  staff_id;
  char   *login;      /* create: the login name; change: the new password */
  char   *password;   /* out: the one-time password */
  gboolean reset;
} LoginChange;

static void
login_change_free (LoginChange *change)
{
  g_free (change->login);
  if (change->password != NULL)
    memset (change->password, 0, strlen (change->password));
  g_free (change->password);
  g_free (change);
}

/* The actor must be allowed to manage staff (the server checks again, by its login). */
static gboolean
check_manager (KefuStore     *self,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  KefuRole role;

  rows = _kefu_store_query (self, "SELECT role FROM staff WHERE id = $1",
                            g_variant_new ("(x)", _kefu_store_get_txn_actor (self)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  role = kefu_rows_get_n_rows (rows) == 1
         ? _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                       KEFU_ROLE_CLERK)
         : KEFU_ROLE_CLERK;
  if (kefu_role_can_manage_staff (role))
    return TRUE;
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                       _("Only the CS manager or the administrator can create logins and reset "
                         "passwords."));
  return FALSE;
}

static gboolean
login_txn (KefuStore     *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoginChange *change = data;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GString) details = g_string_new ("{\"login\":");

  if (!check_manager (self, cancellable, error))
    return FALSE;

  if (change->reset)
    {
      rows = _kefu_store_query (self, "SELECT kefu_reset_password ($1), "
                                "(SELECT db_role FROM staff WHERE id = $1)",
                                g_variant_new ("(x)", change->staff_id), cancellable, error);
    }
  else
    {
      g_autoptr(KefuRows) existing = NULL;

      existing = _kefu_store_query (self, "SELECT db_role FROM staff WHERE id = $1",
                                    g_variant_new ("(x)", change->staff_id), cancellable, error);
      if (existing == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (existing) == 0)
        {
          g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                               _("This staff member no longer exists. Reload the staff list."));
          return FALSE;
        }
      if (!kefu_rows_is_null (existing, 0, 0))
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE,
                       _("This staff member already has the login “%s”. Reset its password "
                         "instead."), kefu_rows_get_text (existing, 0, 0));
          return FALSE;
        }
      rows = _kefu_store_query (self, "SELECT kefu_create_login ($1, $2), $2",
                                g_variant_new ("(xs)", change->staff_id, change->login),
                                cancellable, error);
    }
  if (rows == NULL)
    return FALSE;

  g_clear_pointer (&change->password, g_free);
  change->password = g_strdup (kefu_rows_get_text (rows, 0, 0));
  /* The event names the login, never the password. */
  _kefu_json_append_string (details, kefu_rows_get_text (rows, 0, 1));
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, "staff", change->staff_id,
                                change->reset ? "password-reset" : "login-created",
                                details->str, cancellable, error);
}

static char *
login_change (KefuStore     *self,
              LoginChange   *change,
              GCancellable  *cancellable,
              GError       **error)
{
  if (refuse_on_sqlite (self, error))
    return NULL;
  if (!change->reset && !kefu_store_login_name_is_valid (change->login))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("“%s” cannot be a server login. Use 2 to 63 lower-case letters, digits, "
                     "dots or underscores, beginning with a letter (not “pg_” or “kefu_”)."),
                   change->login != NULL ? change->login : "");
      return NULL;
    }
  if (!_kefu_store_write (self, login_txn, change, cancellable, error))
    {
      if (error != NULL && *error != NULL &&
          g_error_matches (*error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED) &&
          strstr ((*error)->message, "already exists") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE,
                       _("The server already has a login called “%s”. Choose another name."),
                       change->login);
        }
      return NULL;
    }
  return g_steal_pointer (&change->password);
}

char *
kefu_store_create_login (KefuStore     *self,
                         gint64         staff_id,
                         const char    *login,
                         GCancellable  *cancellable,
                         GError       **error)
{
  LoginChange change = { staff_id, (char *) login, NULL, FALSE };
  char *password;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (staff_id > 0, NULL);

  password = login_change (self, &change, cancellable, error);
  g_free (change.password);
  return password;
}

char *
kefu_store_reset_password (KefuStore     *self,
                           gint64         staff_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  LoginChange change = { staff_id, NULL, NULL, TRUE };
  char *password;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (staff_id > 0, NULL);

  password = login_change (self, &change, cancellable, error);
  g_free (change.password);
  return password;
}

static gboolean
change_password_txn (KefuStore     *self,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  const char *password = data;

  return _kefu_store_execute (self, "SELECT kefu_change_password ($1)",
                              g_variant_new ("(s)", password), cancellable, error) >= 0 &&
         _kefu_store_add_event (self, "staff", _kefu_store_get_txn_actor (self),
                                "password-changed", "{}", cancellable, error);
}

gboolean
kefu_store_change_own_password (KefuStore     *self,
                                const char    *password,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (refuse_on_sqlite (self, error))
    return FALSE;
  if (g_utf8_strlen (password, -1) < KEFU_STORE_MIN_PASSWORD_CHARS)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The password is too short: use at least %d character.",
                                "The password is too short: use at least %d characters.",
                                KEFU_STORE_MIN_PASSWORD_CHARS),
                   KEFU_STORE_MIN_PASSWORD_CHARS);
      return FALSE;
    }
  if (_kefu_store_get_session_staff (self) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                           _("This session is not signed in with a staff member’s login, so "
                             "there is no own password to change."));
      return FALSE;
    }
  return _kefu_store_write (self, change_password_txn, (gpointer) password, cancellable, error);
}

/* Asynchronous forms */

static void
list_logins_thread_cb (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  GHashTable *logins = kefu_store_list_logins (source_object, cancellable, &error);

  if (logins == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, logins, (GDestroyNotify) g_hash_table_unref);
}

void
kefu_store_list_logins_async (KefuStore           *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEFU_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_list_logins_async);
  _kefu_store_run_in_worker (self, task, list_logins_thread_cb);
}

GHashTable *
kefu_store_list_logins_finish (KefuStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
login_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LoginChange *change = task_data;
  GError *error = NULL;
  char *password = login_change (source_object, change, cancellable, &error);

  if (password == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, g_free);
}

static void
start_login_change (KefuStore           *self,
                    LoginChange         *change,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, change, (GDestroyNotify) login_change_free);
  _kefu_store_run_in_worker (self, task, login_thread_cb);
}

void
kefu_store_create_login_async (KefuStore           *self,
                               gint64               staff_id,
                               const char          *login,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoginChange *change;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (staff_id > 0);

  change = g_new0 (LoginChange, 1);
  change->staff_id = staff_id;
  change->login = g_strdup (login);
  start_login_change (self, change, kefu_store_create_login_async, cancellable, callback,
                      user_data);
}

void
kefu_store_reset_password_async (KefuStore           *self,
                                 gint64               staff_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LoginChange *change;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (staff_id > 0);

  change = g_new0 (LoginChange, 1);
  change->staff_id = staff_id;
  change->reset = TRUE;
  start_login_change (self, change, kefu_store_reset_password_async, cancellable, callback,
                      user_data);
}

char *
kefu_store_login_password_finish (KefuStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
change_password_thread_cb (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  GError *error = NULL;

  if (kefu_store_change_own_password (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
secret_free (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

void
kefu_store_change_own_password_async (KefuStore           *self,
                                      const char          *password,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_change_own_password_async);
  g_task_set_task_data (task, g_strdup (password), (GDestroyNotify) secret_free);
  _kefu_store_run_in_worker (self, task, change_password_thread_cb);
}

gboolean
kefu_store_change_own_password_finish (KefuStore     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* FALSE (without an error) when the session is a staff login whose role may not change other
 * staff members' complaints: team leads and managers may (kefu_session_is_supervisor ()). */
gboolean
_kefu_store_session_may_supervise (KefuStore     *self,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  if (_kefu_store_get_session_staff (self) == 0)
    return TRUE;
  rows = _kefu_store_query (self, "SELECT kefu_session_is_supervisor ()", NULL, cancellable,
                            error);
  return rows != NULL && kefu_rows_get_bool (rows, 0, 0);
}
