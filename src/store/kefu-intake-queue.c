/* kefu-intake-queue.c: calls recorded on this workstation while the database could not be
 * reached, waiting to be written.
 *
 * The file the calls wait in is read and written in kefu-intake-queue-file.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-intake-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "core/kefu-call-draft.h"
#include "kefu-intake-queue-private.h"
#include "kefu-store-calls.h"
#include "kefu-store-internal.h"

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_bytes_unref (entry->draft);
  g_free (entry->refused);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (KefuIntakeQueue, kefu_intake_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_WAITING,
  PROP_N_REFUSED,
  PROP_SYNCING,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  SIGNAL_SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* State */

static guint
count_refused (KefuIntakeQueue *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += ((Entry *) g_ptr_array_index (self->entries, i))->refused != NULL;
  return n;
}

/* Why the first refused call was refused, or NULL when none was. */
static const char *
first_refusal (KefuIntakeQueue *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->refused != NULL)
        return entry->refused;
    }
  return NULL;
}

static void
notify_counts (KefuIntakeQueue *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REFUSED]);
}

static void
set_syncing (KefuIntakeQueue *self,
             gboolean         syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
set_last_error (KefuIntakeQueue *self,
                const char      *message)
{
  if (g_set_str (&self->last_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static Entry *
find_entry (KefuIntakeQueue *self,
            const char      *key,
            guint           *index)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->key, key))
        {
          *index = i;
          return entry;
        }
    }
  return NULL;
}

/* Syncing */

typedef struct
{
  KefuCall *call;
  char     *key;
  gint64    actor;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->call);
  g_free (job->key);
  g_free (job);
}

#define ALREADY_SAVED_KEY "kefu-intake-queue-already-saved"

/* On the worker. The call object is the queue's own (made from the file), never the UI's. */
static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveJob *job = data;
  gboolean already = FALSE;

  /* Recorded against who took the call, even when nobody is chosen yet at the next start. The
   * worker takes this back off after the job. */
  if (job->actor != 0)
    _kefu_store_push_job_actor (store, job->actor);
  if (!kefu_store_save_call_once (store, job->call, job->key, &already, cancellable, error))
    return NULL;
  g_object_set_data (G_OBJECT (job->call), ALREADY_SAVED_KEY, GINT_TO_POINTER (already));
  return g_object_ref (job->call);
}

static void sync_next (KefuIntakeQueue *self);
static gboolean start_cb (gpointer data);

/* How soon a round stopped by a busy database or a missing actor is tried again. */
#define RETRY_SECONDS 5

static gboolean
is_outage (const GError *error)
{
  return g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE) ||
         g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION) ||
         g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY) ||
         g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  KefuIntakeQueue *self;
  char            *key;
} SaveCb;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveCb *cb = user_data;
  g_autoptr(KefuIntakeQueue) self = cb->self;
  g_autofree char *key = cb->key;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autoptr(KefuCall) call = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  Entry *entry;
  guint index = 0;

  g_free (cb);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  entry = find_entry (self, key, &index);
  if (call == NULL && is_outage (error))
    {
      /* Everything stays as it was. An outage ends with the connection's "online", which
       * starts the next round; a busy file or nobody chosen yet are tried again shortly. */
      set_last_error (self, error->message);
      set_syncing (self, FALSE);
      if (!g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE) &&
          !g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION))
        g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, RETRY_SECONDS, start_cb,
                                    g_object_ref (self), g_object_unref);
      return;
    }

  if (call == NULL)
    {
      g_message ("A queued call was refused by the database and is kept: %s", error->message);
      if (entry != NULL)
        g_set_str (&entry->refused, error->message);
      set_last_error (self, error->message);
    }
  else
    {
      if (entry != NULL)
        g_ptr_array_remove_index (self->entries, index);
      /* A refusal stays said while its call is kept. */
      set_last_error (self, first_refusal (self));
      self->n_saved++;
    }

  /* A failed rewrite leaves the call in the file: the next start sends it again, and its key
   * keeps it from being written twice. */
  if (!_kefu_intake_queue_write_file (self, &write_error))
    g_message ("Could not update the queue of waiting calls: %s", write_error->message);
  notify_counts (self);
  if (call != NULL)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, call,
                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (call), ALREADY_SAVED_KEY)));
  sync_next (self);
}

static void
sync_next (KefuIntakeQueue *self)
{
  g_autoptr(KefuStore) store = g_weak_ref_get (&self->store);

  if (store == NULL)
    {
      set_syncing (self, FALSE);
      return;
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) write_error = NULL;
      KefuCall *call;
      SaveJob *job;
      SaveCb *cb;

      if (entry->refused != NULL)
        continue;

      call = kefu_call_draft_load (entry->draft, &error);
      if (call == NULL)
        {
          g_set_str (&entry->refused, error->message);
          set_last_error (self, error->message);
          if (!_kefu_intake_queue_write_file (self, &write_error))
            g_message ("Could not update the queue of waiting calls: %s",
                       write_error->message);
          notify_counts (self);
          continue;
        }

      job = g_new0 (SaveJob, 1);
      job->call = call;
      job->key = g_strdup (entry->key);
      job->actor = entry->actor;
      cb = g_new0 (SaveCb, 1);
      cb->self = g_object_ref (self);
      cb->key = g_strdup (entry->key);
      set_syncing (self, TRUE);
      kefu_store_run_async (store, save_func, job, save_job_free, self->cancellable, save_cb,
                            cb);
      return;
    }

  /* Nothing is left to write. */
  set_syncing (self, FALSE);
  if (self->n_saved > 0)
    {
      guint n_saved = self->n_saved;

      self->n_saved = 0;
      g_signal_emit (self, signals[SIGNAL_SYNCED], 0, n_saved);
    }
}

void
kefu_intake_queue_sync (KefuIntakeQueue *self)
{
  g_return_if_fail (KEFU_IS_INTAKE_QUEUE (self));

  if (self->syncing)
    return;
  sync_next (self);
}

static void
online_cb (KefuIntakeQueue *self)
{
  if (kefu_store_connection_get_online (self->connection) &&
      kefu_intake_queue_get_n_waiting (self) > 0)
    kefu_intake_queue_sync (self);
}

static gboolean
start_cb (gpointer data)
{
  KefuIntakeQueue *self = data;

  if (kefu_intake_queue_get_n_waiting (self) > 0)
    kefu_intake_queue_sync (self);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
kefu_intake_queue_dispose (GObject *object)
{
  KefuIntakeQueue *self = KEFU_INTAKE_QUEUE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (kefu_intake_queue_parent_class)->dispose (object);
}

static void
kefu_intake_queue_finalize (GObject *object)
{
  KefuIntakeQueue *self = KEFU_INTAKE_QUEUE (object);

  g_weak_ref_clear (&self->store);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->last_error);

  G_OBJECT_CLASS (kefu_intake_queue_parent_class)->finalize (object);
}

static void
kefu_intake_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuIntakeQueue *self = KEFU_INTAKE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, kefu_intake_queue_get_n_waiting (self));
      break;
    case PROP_N_REFUSED:
      g_value_set_uint (value, kefu_intake_queue_get_n_refused (self));
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_intake_queue_class_init (KefuIntakeQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_intake_queue_dispose;
  object_class->finalize = kefu_intake_queue_finalize;
  object_class->get_property = kefu_intake_queue_get_property;

  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_REFUSED] =
    g_param_spec_uint ("n-refused", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KEFU_TYPE_CALL, G_TYPE_BOOLEAN);
  signals[SIGNAL_SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
kefu_intake_queue_init (KefuIntakeQueue *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->cancellable = g_cancellable_new ();
}

char *
kefu_intake_queue_path_for (const char *description)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (description != NULL, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, description, -1);
  name = g_strconcat (hash, ".queue", NULL);
  return g_build_filename (g_get_user_data_dir (), "kefu", "queue", name, NULL);
}

/**
 * kefu_intake_queue_new:
 * @store: the store the calls are written to
 * @path: the queue's file
 *
 * A queue that cannot be read is set aside beside its file (".damaged") and a new one started,
 * so that the calls in it stay for an administrator to look at.
 *
 * Returns: (transfer full): the queue
 */
KefuIntakeQueue *
kefu_intake_queue_new (KefuStore  *store,
                       const char *path)
{
  KefuIntakeQueue *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KEFU_TYPE_INTAKE_QUEUE, NULL);
  g_weak_ref_init (&self->store, store);
  self->path = g_strdup (path);
  if (!_kefu_intake_queue_read_file (self, &error))
    {
      g_autofree char *aside = g_strconcat (path, ".damaged", NULL);

      g_message ("%s It is kept as “%s”.", error->message, aside);
      g_ptr_array_set_size (self->entries, 0);
      if (g_rename (path, aside) != 0)
        g_message ("Could not set “%s” aside: %s", path, g_strerror (errno));
    }

  /* Held: the store's data may let go of the connection before the queue when the store goes. */
  self->connection = g_object_ref (kefu_store_connection_get_for_store (store));
  self->last_error = g_strdup (first_refusal (self));
  g_signal_connect_swapped (self->connection, "notify::online", G_CALLBACK (online_cb), self);
  if (self->entries->len > 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, start_cb, g_object_ref (self), g_object_unref);
  return self;
}

/**
 * kefu_intake_queue_get_for_store:
 *
 * Returns: (transfer none): the queue of the store's database on this workstation
 */
KefuIntakeQueue *
kefu_intake_queue_get_for_store (KefuStore *store)
{
  static GQuark quark;
  KefuIntakeQueue *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("kefu-intake-queue");
  self = g_object_get_qdata (G_OBJECT (store), quark);
  if (self == NULL)
    {
      g_autofree char *path = kefu_intake_queue_path_for (kefu_store_get_description (store));

      self = kefu_intake_queue_new (store, path);
      g_object_set_qdata_full (G_OBJECT (store), quark, self, g_object_unref);
    }
  return self;
}

const char *
kefu_intake_queue_get_path (KefuIntakeQueue *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), NULL);

  return self->path;
}

char *
kefu_intake_queue_add (KefuIntakeQueue  *self,
                       KefuCall         *call,
                       GError          **error)
{
  g_autoptr(KefuStore) store = NULL;
  Entry *entry;

  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), NULL);
  g_return_val_if_fail (KEFU_IS_CALL (call), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = g_weak_ref_get (&self->store);
  entry = g_new0 (Entry, 1);
  entry->key = g_uuid_string_random ();
  entry->queued_at = g_get_real_time ();
  entry->actor = store != NULL ? kefu_store_get_actor (store) : 0;
  entry->draft = kefu_call_draft_save (call);
  g_ptr_array_add (self->entries, entry);
  if (!_kefu_intake_queue_write_file (self, error))
    {
      g_ptr_array_remove_index (self->entries, self->entries->len - 1);
      return NULL;
    }
  notify_counts (self);
  return g_strdup (entry->key);
}

gboolean
kefu_intake_queue_should_queue (KefuIntakeQueue *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), FALSE);

  return kefu_intake_queue_get_n_waiting (self) > 0 ||
         (self->connection != NULL && !kefu_store_connection_get_online (self->connection));
}

guint
kefu_intake_queue_get_n_waiting (KefuIntakeQueue *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), 0);

  return self->entries->len - count_refused (self);
}

guint
kefu_intake_queue_get_n_refused (KefuIntakeQueue *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), 0);

  return count_refused (self);
}

gboolean
kefu_intake_queue_get_syncing (KefuIntakeQueue *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), FALSE);

  return self->syncing;
}

const char *
kefu_intake_queue_get_last_error (KefuIntakeQueue *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_QUEUE (self), NULL);

  return self->last_error;
}
