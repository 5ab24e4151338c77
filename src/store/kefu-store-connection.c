/* kefu-store-connection.c: whether the database of a store can be reached, and getting it back.
 *
 * The state lives with the store (object data, under a lock: operations note their outcome on
 * whatever thread runs them); the KefuStoreConnection object mirrors it on the main context of
 * the thread that made it, and runs the looks with back-off there, each on the store's worker.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store-connection"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kefu-store-connection-private.h"
#include "kefu-store-connection.h"
#include "kefu-store-internal.h"
#include "sqlite/kefu-sqlite-store.h"

typedef struct
{
  GMutex                lock;
  gboolean              offline;
  char                 *reason;
  /* The object, strong: dropped when the store goes (the object holds the state, not the
   * store). */
  KefuStoreConnection  *object;
  GMainContext         *context;
} ConnectionState;

struct _KefuStoreConnection
{
  GObject          parent_instance;

  GWeakRef         store;
  ConnectionState *state;
  GMainContext    *context;
  GCancellable    *cancellable;
  GSource         *timer;
  char            *last_error;
  guint            retry_delay;
  guint            next_delay;
  gboolean         online;
  gboolean         checking;
};

G_DEFINE_FINAL_TYPE (KefuStoreConnection, kefu_store_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_LAST_ERROR,
  PROP_RETRY_DELAY,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark state_quark;
G_LOCK_DEFINE_STATIC (states);

static void
connection_state_clear (ConnectionState *state)
{
  g_mutex_clear (&state->lock);
  g_free (state->reason);
  g_clear_pointer (&state->context, g_main_context_unref);
}

static void
connection_state_unref (ConnectionState *state)
{
  g_atomic_rc_box_release_full (state, (GDestroyNotify) connection_state_clear);
}

static void
connection_state_release (gpointer data)
{
  ConnectionState *state = data;
  KefuStoreConnection *object;

  g_mutex_lock (&state->lock);
  object = g_steal_pointer (&state->object);
  g_mutex_unlock (&state->lock);
  g_clear_object (&object);
  connection_state_unref (state);
}

/* The store's state (borrowed: it lives as long as the store). */
static ConnectionState *
get_state (KefuStore *store)
{
  ConnectionState *state;

  G_LOCK (states);
  if (state_quark == 0)
    state_quark = g_quark_from_static_string ("kefu-store-connection-state");
  state = g_object_get_qdata (G_OBJECT (store), state_quark);
  if (state == NULL)
    {
      state = g_atomic_rc_box_new0 (ConnectionState);
      g_mutex_init (&state->lock);
      g_object_set_qdata_full (G_OBJECT (store), state_quark, state, connection_state_release);
    }
  G_UNLOCK (states);
  return state;
}

static void apply_state (KefuStoreConnection *self);

static gboolean
apply_state_cb (gpointer data)
{
  apply_state (KEFU_STORE_CONNECTION (data));
  return G_SOURCE_REMOVE;
}

void
_kefu_store_connection_set_online (KefuStore  *store,
                                   gboolean    online,
                                   const char *reason)
{
  ConnectionState *state;
  KefuStoreConnection *object = NULL;
  GMainContext *context = NULL;
  gboolean changed;

  g_return_if_fail (KEFU_IS_STORE (store));

  state = get_state (store);
  g_mutex_lock (&state->lock);
  changed = state->offline != !online || (!online && g_strcmp0 (state->reason, reason) != 0);
  state->offline = !online;
  g_set_str (&state->reason, online ? NULL : reason);
  if (changed && state->object != NULL)
    {
      object = g_object_ref (state->object);
      context = g_main_context_ref (state->context);
    }
  g_mutex_unlock (&state->lock);

  if (changed)
    g_debug ("%s is %s%s%s", kefu_store_get_description (store),
             online ? "reachable again" : "not reachable", online ? "" : ": ",
             online ? "" : reason);
  if (object != NULL)
    {
      g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, apply_state_cb, object,
                                  g_object_unref);
      g_main_context_unref (context);
    }
}

gboolean
_kefu_store_connection_is_offline (KefuStore *store)
{
  ConnectionState *state = get_state (store);
  gboolean offline;

  g_mutex_lock (&state->lock);
  offline = state->offline;
  g_mutex_unlock (&state->lock);
  return offline;
}

void
_kefu_store_connection_note (KefuStore *store,
                             gboolean   write,
                             gboolean   ok,
                             GError    *error)
{
  if (!ok)
    {
      if (error == NULL || error->domain != KEFU_STORE_ERROR)
        return;
      if (error->code == KEFU_STORE_ERROR_CONNECTION)
        error->code = KEFU_STORE_ERROR_OFFLINE;
      if (error->code == KEFU_STORE_ERROR_OFFLINE)
        _kefu_store_connection_set_online (store, FALSE, error->message);
      return;
    }

  /* A read from a SQLite file whose folder is gone can still succeed (the file stays open):
   * only a write, or any statement on a server, proves the database is back. */
  if ((write || kefu_store_get_backend (store) == KEFU_STORE_BACKEND_POSTGRES) &&
      _kefu_store_connection_is_offline (store))
    _kefu_store_connection_set_online (store, TRUE, NULL);
}

/* The object */

static void
set_retry_delay (KefuStoreConnection *self,
                 guint                delay)
{
  if (self->retry_delay == delay)
    return;
  self->retry_delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_DELAY]);
}

static void
set_checking (KefuStoreConnection *self,
              gboolean             checking)
{
  if (self->checking == checking)
    return;
  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
stop_timer (KefuStoreConnection *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  set_retry_delay (self, 0);
}

static void look (KefuStoreConnection *self);

static gboolean
timer_cb (gpointer data)
{
  KefuStoreConnection *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  set_retry_delay (self, 0);
  look (self);
  return G_SOURCE_REMOVE;
}

/* The next look after the current delay, which then doubles up to the maximum. */
static void
schedule_look (KefuStoreConnection *self)
{
  guint delay = self->next_delay;

  stop_timer (self);
  self->next_delay = MIN (delay * 2, KEFU_STORE_CONNECTION_MAX_RETRY);
  self->timer = g_timeout_source_new_seconds (delay);
  g_source_set_static_name (self->timer, "[kefu] database look");
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
  set_retry_delay (self, delay);
}

static void
apply_state (KefuStoreConnection *self)
{
  g_autofree char *reason = NULL;
  gboolean online;

  g_mutex_lock (&self->state->lock);
  online = !self->state->offline;
  reason = g_strdup (self->state->reason);
  g_mutex_unlock (&self->state->lock);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_str (&self->last_error, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
  if (self->online != online)
    {
      self->online = online;
      self->next_delay = KEFU_STORE_CONNECTION_FIRST_RETRY;
      if (online)
        stop_timer (self);
      else if (!self->checking)
        schedule_look (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* On the worker: reaches the database once. A PostgreSQL store makes its connection again
 * through the statement (kefu-pg-connect.c); a SQLite store first checks that its file can be
 * seen at all, since the open file may still answer reads while the share is gone. */
static gpointer
look_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  if (KEFU_IS_SQLITE_STORE (store))
    {
      const char *path = kefu_sqlite_store_get_path (KEFU_SQLITE_STORE (store));
      GStatBuf buf;

      if (g_stat (path, &buf) != 0)
        {
          int errsv = errno;

          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE,
                       _("The database file “%s” cannot be reached (%s). Check that the shared "
                         "folder is connected."), path, g_strerror (errsv));
          _kefu_store_connection_set_online (store, FALSE, (*error)->message);
          return NULL;
        }
    }

  rows = _kefu_store_query (store, "SELECT count(*) FROM schema_migrations", NULL, cancellable,
                            error);
  if (rows == NULL)
    return NULL;
  _kefu_store_connection_set_online (store, TRUE, NULL);
  return g_object_ref (store);
}

static void
look_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuStoreConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reached = kefu_store_run_finish (KEFU_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_checking (self, FALSE);
  if (reached == NULL)
    g_debug ("The database is still out of reach: %s", error->message);
  /* The state may have changed meanwhile (another operation got through): follow it. */
  apply_state (self);
  if (!self->online && self->timer == NULL)
    schedule_look (self);
}

static void
look (KefuStoreConnection *self)
{
  g_autoptr(KefuStore) store = g_weak_ref_get (&self->store);

  if (store == NULL || self->checking)
    return;
  stop_timer (self);
  set_checking (self, TRUE);
  kefu_store_run_async (store, look_func, NULL, NULL, self->cancellable, look_cb,
                        g_object_ref (self));
}

static void
kefu_store_connection_dispose (GObject *object)
{
  KefuStoreConnection *self = KEFU_STORE_CONNECTION (object);

  g_cancellable_cancel (self->cancellable);
  stop_timer (self);

  G_OBJECT_CLASS (kefu_store_connection_parent_class)->dispose (object);
}

static void
kefu_store_connection_finalize (GObject *object)
{
  KefuStoreConnection *self = KEFU_STORE_CONNECTION (object);

  g_weak_ref_clear (&self->store);
  g_clear_pointer (&self->state, connection_state_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_free (self->last_error);

  G_OBJECT_CLASS (kefu_store_connection_parent_class)->finalize (object);
}

static void
kefu_store_connection_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KefuStoreConnection *self = KEFU_STORE_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_store_connection_class_init (KefuStoreConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_store_connection_dispose;
  object_class->finalize = kefu_store_connection_finalize;
  object_class->get_property = kefu_store_connection_get_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RETRY_DELAY] =
    g_param_spec_uint ("retry-delay", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_store_connection_init (KefuStoreConnection *self)
{
  self->online = TRUE;
  self->next_delay = KEFU_STORE_CONNECTION_FIRST_RETRY;
  self->cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
}

/**
 * kefu_store_connection_get_for_store:
 * @store: an open store
 *
 * Returns: (transfer none): the store's connection state, made on the thread-default main
 *   context of the first caller
 */
KefuStoreConnection *
kefu_store_connection_get_for_store (KefuStore *store)
{
  ConnectionState *state;
  KefuStoreConnection *object;
  gboolean made = FALSE;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  state = get_state (store);
  g_mutex_lock (&state->lock);
  if (state->object == NULL)
    {
      state->object = g_object_new (KEFU_TYPE_STORE_CONNECTION, NULL);
      state->object->state = g_atomic_rc_box_acquire (state);
      g_weak_ref_init (&state->object->store, store);
      state->context = g_main_context_ref (state->object->context);
      made = TRUE;
    }
  object = state->object;
  g_mutex_unlock (&state->lock);

  /* The store may have been found out of reach before anyone asked. */
  if (made)
    apply_state (object);
  return object;
}

KefuStore *
kefu_store_connection_dup_store (KefuStoreConnection *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_CONNECTION (self), NULL);

  return g_weak_ref_get (&self->store);
}

gboolean
kefu_store_connection_get_online (KefuStoreConnection *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_CONNECTION (self), TRUE);

  return self->online;
}

const char *
kefu_store_connection_get_last_error (KefuStoreConnection *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_CONNECTION (self), NULL);

  return self->last_error;
}

guint
kefu_store_connection_get_retry_delay (KefuStoreConnection *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_CONNECTION (self), 0);

  return self->retry_delay;
}

gboolean
kefu_store_connection_get_checking (KefuStoreConnection *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_CONNECTION (self), FALSE);

  return self->checking;
}

void
kefu_store_connection_try_now (KefuStoreConnection *self)
{
  g_return_if_fail (KEFU_IS_STORE_CONNECTION (self));

  if (self->online || self->checking)
    return;
  self->next_delay = KEFU_STORE_CONNECTION_FIRST_RETRY;
  look (self);
}
