/* kefu-store-open.c: opening a store: telling a server location from a SQLite file, choosing the
 * backend, and opening on a thread so that a slow server never blocks the window.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "kefu-store-internal.h"
#include "postgres/kefu-pg-store.h"
#include "sqlite/kefu-sqlite-store.h"

/**
 * kefu_store_location_is_server:
 * @location: what the user gave: a file path or a server URI / conninfo
 *
 * Returns: %TRUE when @location names a PostgreSQL server rather than a SQLite file.
 */
gboolean
kefu_store_location_is_server (const char *location)
{
  const char *p;

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgres://") || g_str_has_prefix (location, "postgresql://"))
    return TRUE;

  /* A libpq keyword string starts with "keyword=". A path starts with "/", "." or "~" or has
   * some other character before any "=". */
  p = location;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '=';
}

/* "user@host:port/dbname" from a conninfo, never the password. */
static char *
describe_conninfo (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *user = NULL, *host = NULL, *port = NULL, *dbname = NULL;
  GString *text;

  if (options == NULL)
    return g_strdup (_("PostgreSQL server"));

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || o->val[0] == '\0')
        continue;
      if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
    }

  text = g_string_new (NULL);
  if (user != NULL)
    g_string_append_printf (text, "%s@", user);
  g_string_append (text, host != NULL ? host : "localhost");
  if (port != NULL)
    g_string_append_printf (text, ":%s", port);
  if (dbname != NULL)
    g_string_append_printf (text, "/%s", dbname);
  PQconninfoFree (options);
  return g_string_free (text, FALSE);
}

/**
 * kefu_store_open:
 * @location: a SQLite file path (created when missing), or a PostgreSQL URI or conninfo
 * @cancellable: (nullable): to stop connecting
 * @error: the reason it could not be opened
 *
 * Opens and migrates the database: kefu_store_open_full() with %KEFU_STORE_OPEN_DEFAULT.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_store_open (const char    *location,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return kefu_store_open_full (location, KEFU_STORE_OPEN_DEFAULT, cancellable, error);
}

/**
 * kefu_store_open_full:
 * @location: a SQLite file path, or a PostgreSQL URI or conninfo
 * @flags: how to open (see #KefuStoreOpenFlags)
 * @cancellable: (nullable): to stop connecting
 * @error: the reason it could not be opened
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_store_open_full (const char          *location,
                      KefuStoreOpenFlags   flags,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kefu_store_location_is_server (location))
    {
      KefuStore *store = kefu_pg_store_new (location, flags, cancellable, error);

      if (store != NULL)
        {
          g_autofree char *description = describe_conninfo (location);

          /* The backend normally describes itself; never leave the description empty. */
          _kefu_store_set_default_description (store, description);
        }
      return store;
    }

  return kefu_sqlite_store_new (location, flags, cancellable, error);
}

typedef struct
{
  char               *location;
  KefuStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_free (open_data->location);
  g_free (open_data);
}

static void
open_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *open_data = task_data;
  GError *error = NULL;
  KefuStore *store = kefu_store_open_full (open_data->location, open_data->flags,
                                           cancellable, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * kefu_store_open_async:
 * @location: as for kefu_store_open()
 * @cancellable: (nullable): to stop connecting
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Opens the store on a thread, so that a slow server never blocks the window.
 */
void
kefu_store_open_async (const char          *location,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  kefu_store_open_full_async (location, KEFU_STORE_OPEN_DEFAULT, cancellable, callback,
                              user_data);
}

/**
 * kefu_store_open_full_async:
 * @location: as for kefu_store_open_full()
 * @flags: how to open
 * @cancellable: (nullable): to stop connecting
 * @callback: called on the calling thread's main context when done; call
 *   kefu_store_open_finish() there
 * @user_data: for @callback
 */
void
kefu_store_open_full_async (const char          *location,
                            KefuStoreOpenFlags   flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *open_data;

  g_return_if_fail (location != NULL);

  open_data = g_new0 (OpenData, 1);
  open_data->location = g_strdup (location);
  open_data->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_open_async);
  g_task_set_task_data (task, open_data, open_data_free);
  g_task_run_in_thread (task, open_thread_cb);
}

/**
 * kefu_store_open_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_store_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
