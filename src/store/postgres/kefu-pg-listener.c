/* kefu-pg-listener.c: LISTEN on a connection of its own (see kefu-pg-listener.h).
 *
 * The store's own connection runs statements on its worker thread one at a time; a LISTEN
 * there would be read only between statements. This second connection does nothing but wait:
 * its socket is watched on the main context, and each readable wakeup consumes the input and
 * counts the notifications. Connecting (which may wait for a dead server until the connect
 * timeout) runs on a thread. A lost connection is made again after 1, 2, 4, … 30 seconds; the
 * caller is told LISTENING after each connect so that it catches up with what it missed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store-pg"

#include "config.h"

#include <glib-unix.h>
#include <libpq-fe.h>

#include "kefu-pg-listener.h"
#include "kefu-pg-store-private.h"

#define RETRY_FIRST_MS 1000
#define RETRY_MAX_MS   30000

struct _KefuPgListener
{
  GObject             parent_instance;

  char              **keywords;
  char              **values;
  char               *channel;
  GMainContext       *context;
  KefuPgListenerFunc  func;
  gpointer            user_data;

  GCancellable       *cancellable;
  PGconn             *conn;
  GSource            *fd_source;
  GSource            *retry_source;
  guint               retry_ms;
};

G_DEFINE_FINAL_TYPE (KefuPgListener, kefu_pg_listener, G_TYPE_OBJECT)

static void start_connect (KefuPgListener *self);

static void
say (KefuPgListener      *self,
     KefuPgListenerEvent  event)
{
  if (!g_cancellable_is_cancelled (self->cancellable))
    self->func (event, self->user_data);
}

static gboolean
retry_cb (gpointer user_data)
{
  KefuPgListener *self = user_data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  start_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (KefuPgListener *self)
{
  if (g_cancellable_is_cancelled (self->cancellable) || self->retry_source != NULL)
    return;
  self->retry_source = g_timeout_source_new (self->retry_ms);
  /* The source holds no reference: dispose destroys it. */
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_set_static_name (self->retry_source, "[kefu] listener retry");
  g_source_attach (self->retry_source, self->context);
  self->retry_ms = MIN (self->retry_ms * 2, RETRY_MAX_MS);
}

static void
drop_connection (KefuPgListener *self)
{
  if (self->fd_source != NULL)
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
    }
  g_clear_pointer (&self->conn, PQfinish);
}

static void
lost (KefuPgListener *self)
{
  g_debug ("The change feed's connection was lost: %s",
           self->conn != NULL ? PQerrorMessage (self->conn) : "");
  drop_connection (self);
  say (self, KEFU_PG_LISTENER_LOST);
  schedule_retry (self);
}

static gboolean
readable_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  KefuPgListener *self = user_data;
  guint n = 0;
  PGnotify *notify;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      /* The source is destroyed by lost (); returning REMOVE as well would unref it twice. */
      lost (self);
      return G_SOURCE_CONTINUE;
    }
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      n++;
      PQfreemem (notify);
    }
  if (n > 0)
    say (self, KEFU_PG_LISTENER_NOTIFIED);
  return G_SOURCE_CONTINUE;
}

/* On a thread: connect and LISTEN; returns the connection or an error message. */
static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  KefuPgListener *self = source_object;
  g_autofree char *sql = NULL;
  PGconn *conn;
  PGresult *result;

  conn = PQconnectdbParams ((const char *const *) self->keywords,
                            (const char *const *) self->values, 0);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = _kefu_pg_one_line (conn != NULL ? PQerrorMessage (conn) : "");

      g_clear_pointer (&conn, PQfinish);
      g_task_return_new_error (task, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION, "%s",
                               message);
      return;
    }
  sql = g_strdup_printf ("LISTEN %s", self->channel);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_autofree char *message = _kefu_pg_one_line (PQerrorMessage (conn));

      PQclear (result);
      PQfinish (conn);
      g_task_return_new_error (task, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION, "%s",
                               message);
      return;
    }
  PQclear (result);
  g_task_return_pointer (task, conn, (GDestroyNotify) PQfinish);
}

static void
connect_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  KefuPgListener *self = KEFU_PG_LISTENER (source);
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  conn = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&conn, PQfinish);
      return;
    }
  if (conn == NULL)
    {
      g_debug ("The change feed could not connect: %s", error->message);
      say (self, KEFU_PG_LISTENER_LOST);
      schedule_retry (self);
      return;
    }

  self->conn = conn;
  self->retry_ms = RETRY_FIRST_MS;
  PQsetnonblocking (conn, 1);
  self->fd_source = g_unix_fd_source_new (PQsocket (conn), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->fd_source, G_SOURCE_FUNC (readable_cb), self, NULL);
  g_source_set_static_name (self->fd_source, "[kefu] listener socket");
  g_source_attach (self->fd_source, self->context);
  say (self, KEFU_PG_LISTENER_LISTENING);
}

static void
start_connect (KefuPgListener *self)
{
  g_autoptr(GTask) task = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  /* The task's source object keeps the listener alive until the thread is done. */
  task = g_task_new (self, self->cancellable, connect_done, NULL);
  g_task_set_source_tag (task, start_connect);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, connect_thread);
}

static void
kefu_pg_listener_dispose (GObject *object)
{
  KefuPgListener *self = KEFU_PG_LISTENER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->retry_source != NULL)
    {
      g_source_destroy (self->retry_source);
      g_clear_pointer (&self->retry_source, g_source_unref);
    }
  drop_connection (self);
  G_OBJECT_CLASS (kefu_pg_listener_parent_class)->dispose (object);
}

static void
kefu_pg_listener_finalize (GObject *object)
{
  KefuPgListener *self = KEFU_PG_LISTENER (object);

  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (kefu_pg_listener_parent_class)->finalize (object);
}

static void
kefu_pg_listener_class_init (KefuPgListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_pg_listener_dispose;
  object_class->finalize = kefu_pg_listener_finalize;
}

static void
kefu_pg_listener_init (KefuPgListener *self)
{
  self->cancellable = g_cancellable_new ();
  self->retry_ms = RETRY_FIRST_MS;
}

KefuPgListener *
kefu_pg_listener_new (KefuStore          *store,
                      const char         *channel,
                      KefuPgListenerFunc  func,
                      gpointer            user_data)
{
  KefuPgStore *pg;
  KefuPgListener *self;

  g_return_val_if_fail (KEFU_IS_PG_STORE (store), NULL);
  g_return_val_if_fail (channel != NULL && func != NULL, NULL);

  pg = KEFU_PG_STORE (store);
  g_return_val_if_fail (pg->connect_keywords != NULL, NULL);

  self = g_object_new (KEFU_TYPE_PG_LISTENER, NULL);
  self->keywords = g_strdupv (pg->connect_keywords);
  self->values = g_strdupv (pg->connect_values);
  self->channel = g_strdup (channel);
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->user_data = user_data;
  start_connect (self);
  return self;
}

gboolean
kefu_pg_listener_is_listening (KefuPgListener *self)
{
  g_return_val_if_fail (KEFU_IS_PG_LISTENER (self), FALSE);
  return self->conn != NULL;
}
