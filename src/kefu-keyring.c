/* kefu-keyring.c: PostgreSQL login passwords in the desktop keyring through libsecret.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-keyring"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <libsecret/secret.h>

#include "kefu-keyring.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    KEFU_KEYRING_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "dbname", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static GHashTable *
key_attributes (const KefuKeyringKey *key)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "host", key->host);
  g_hash_table_insert (attributes, "port", key->port);
  g_hash_table_insert (attributes, "dbname", key->dbname);
  g_hash_table_insert (attributes, "user", key->user);
  return attributes;
}

void
kefu_keyring_key_free (KefuKeyringKey *key)
{
  if (key == NULL)
    return;
  g_free (key->host);
  g_free (key->port);
  g_free (key->dbname);
  g_free (key->user);
  g_free (key);
}

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword) && o->val != NULL)
      return o->val;
  return NULL;
}

/**
 * kefu_keyring_key_new_from_location:
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @location is not a libpq URI or
 *   connection string
 */
KefuKeyringKey *
kefu_keyring_key_new_from_location (const char *location,
                                    const char *user)
{
  PQconninfoOption *options;
  KefuKeyringKey *key;
  char *libpq_error = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  options = PQconninfoParse (location, &libpq_error);
  if (options == NULL)
    {
      PQfreemem (libpq_error);
      return NULL;
    }
  key = g_new0 (KefuKeyringKey, 1);
  key->host = g_strdup (option_value (options, "host") ?: "");
  key->port = g_strdup (option_value (options, "port") ?: "");
  key->dbname = g_strdup (option_value (options, "dbname") ?: "");
  key->user = g_strdup (user != NULL ? user : option_value (options, "user") ?: "");
  PQconninfoFree (options);
  return key;
}

static void
append_quoted (GString    *conninfo,
               const char *keyword,
               const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

/**
 * kefu_keyring_location_with_login:
 *
 * Returns: (transfer full) (nullable): a libpq connection string with every option of
 *   @location, the user @user and the password @password; %NULL when @location cannot be parsed
 */
char *
kefu_keyring_location_with_login (const char *location,
                                  const char *user,
                                  const char *password)
{
  PQconninfoOption *options;
  GString *conninfo;
  char *libpq_error = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  options = PQconninfoParse (location, &libpq_error);
  if (options == NULL)
    {
      PQfreemem (libpq_error);
      return NULL;
    }
  conninfo = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && !g_str_equal (o->keyword, "user") &&
        !g_str_equal (o->keyword, "password"))
      append_quoted (conninfo, o->keyword, o->val);
  PQconninfoFree (options);
  if (user != NULL)
    append_quoted (conninfo, "user", user);
  if (password != NULL)
    append_quoted (conninfo, "password", password);
  return g_string_free (conninfo, FALSE);
}

void
kefu_keyring_free_secret (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static char *
item_label (const KefuKeyringKey *key)
{
  /* The label the keyring manager (Seahorse, Passwords and Keys) shows. */
  return g_strdup_printf (_("Kefu: %s on %s/%s"), key->user,
                          key->host[0] != '\0' ? key->host : "localhost", key->dbname);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct
{
  KefuKeyringKey *key;
  char           *password;
} StoreData;

static void
store_data_free (StoreData *data)
{
  kefu_keyring_key_free (data->key);
  kefu_keyring_free_secret (data->password);
  g_free (data);
}

/* A stored password replaces the one kept before: the old item is removed first, because
 * gnome-keyring fails to replace an item in place now and then ("already registered"). */
static void
store_cleared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  StoreData *data = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = key_attributes (data->key);
  g_autofree char *label = item_label (data->key);
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_debug ("Could not remove the kept password before replacing it: %s", error->message);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          data->password, g_task_get_cancellable (task), store_cb, task);
}

static KefuKeyringKey *
key_copy (const KefuKeyringKey *key)
{
  KefuKeyringKey *copy = g_new0 (KefuKeyringKey, 1);

  copy->host = g_strdup (key->host);
  copy->port = g_strdup (key->port);
  copy->dbname = g_strdup (key->dbname);
  copy->user = g_strdup (key->user);
  return copy;
}

void
kefu_keyring_store_async (const KefuKeyringKey *key,
                          const char           *password,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  StoreData *data;
  GTask *task;

  g_return_if_fail (key != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_keyring_store_async);
  data = g_new0 (StoreData, 1);
  data->key = key_copy (key);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) store_data_free);
  attributes = key_attributes (key);
  secret_password_clearv (get_schema (), attributes, cancellable, store_cleared_cb, task);
}

gboolean
kefu_keyring_store_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
kefu_keyring_lookup_async (const KefuKeyringKey *key,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_keyring_lookup_async);
  attributes = key_attributes (key);
  secret_password_lookupv (get_schema (), attributes, cancellable, lookup_cb, task);
}

char *
kefu_keyring_lookup_finish (GAsyncResult  *result,
                            GError       **error)
{
  char *password = g_task_propagate_pointer (G_TASK (result), error);
  char *copy = g_strdup (password);

  secret_password_free (password);
  return copy;
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
kefu_keyring_clear_async (const KefuKeyringKey *key,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_keyring_clear_async);
  attributes = key_attributes (key);
  secret_password_clearv (get_schema (), attributes, cancellable, clear_cb, task);
}

gboolean
kefu_keyring_clear_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
kefu_keyring_store_sync (const KefuKeyringKey *key,
                         const char           *password,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  attributes = key_attributes (key);
  label = item_label (key);
  /* As kefu_keyring_store_async (): the old item goes first. */
  secret_password_clearv_sync (get_schema (), attributes, cancellable, NULL);
  return secret_password_storev_sync (get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                      label, password, cancellable, error);
}

char *
kefu_keyring_lookup_sync (const KefuKeyringKey *key,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  char *password;
  char *copy;

  g_return_val_if_fail (key != NULL, NULL);

  attributes = key_attributes (key);
  password = secret_password_lookupv_sync (get_schema (), attributes, cancellable, error);
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

gboolean
kefu_keyring_clear_sync (const KefuKeyringKey *key,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  attributes = key_attributes (key);
  secret_password_clearv_sync (get_schema (), attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *user;
  char *password;
} Found;

static void
found_free (Found *found)
{
  g_free (found->user);
  kefu_keyring_free_secret (found->password);
  g_free (found);
}

/* Runs in a GTask thread: the search loads the secrets, which the sync calls do over D-Bus. */
static void
find_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const KefuKeyringKey *key = task_data;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GError *error = NULL;
  GList *items;
  Found *found = g_new0 (Found, 1);
  guint64 newest = 0;

  g_hash_table_insert (attributes, "host", key->host);
  g_hash_table_insert (attributes, "port", key->port);
  g_hash_table_insert (attributes, "dbname", key->dbname);
  items = secret_password_searchv_sync (get_schema (), attributes,
                                        SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK |
                                        SECRET_SEARCH_LOAD_SECRETS,
                                        cancellable, &error);
  if (error != NULL)
    {
      found_free (found);
      g_task_return_error (task, error);
      return;
    }
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;
      g_autoptr(GHashTable) item_attributes = secret_retrievable_get_attributes (item);
      SecretValue *value = secret_retrievable_retrieve_secret_sync (item, cancellable, NULL);
      guint64 modified = secret_retrievable_get_modified (item);

      if (value != NULL && (found->user == NULL || modified > newest))
        {
          g_free (found->user);
          kefu_keyring_free_secret (found->password);
          found->user = g_strdup (g_hash_table_lookup (item_attributes, "user"));
          found->password = g_strdup (secret_value_get_text (value));
          newest = modified;
        }
      if (value != NULL)
        secret_value_unref (value);
    }
  g_list_free_full (items, g_object_unref);
  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

void
kefu_keyring_find_async (const KefuKeyringKey *key,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_keyring_find_async);
  g_task_set_task_data (task, key_copy (key), (GDestroyNotify) kefu_keyring_key_free);
  g_task_run_in_thread (task, find_thread_cb);
}

gboolean
kefu_keyring_find_finish (GAsyncResult  *result,
                          char         **user,
                          char         **password,
                          GError       **error)
{
  Found *found = g_task_propagate_pointer (G_TASK (result), error);

  *user = NULL;
  *password = NULL;
  if (found == NULL)
    return FALSE;
  *user = g_steal_pointer (&found->user);
  *password = g_steal_pointer (&found->password);
  found_free (found);
  return TRUE;
}
