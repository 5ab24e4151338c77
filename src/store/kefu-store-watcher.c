/* kefu-store-watcher.c: the change feed of live refresh (see kefu-store-watcher.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store-watcher"

#include "config.h"

#include "kefu-store-private.h"
#include "kefu-store-watcher.h"
#include "postgres/kefu-pg-listener.h"

/* A batch is bounded so that a watcher that was away for long (a suspended laptop) reads the
 * backlog in steps instead of one huge result; the next look follows at once. */
#define CATCH_UP_LIMIT 10000

/* How long a missing id is waited for (see handle_rows), and how many are tracked at most. */
#define GAP_WAIT_US (30 * G_USEC_PER_SEC)
#define GAP_MAX 1000

/* On PostgreSQL a notification says that something committed; a look then reads what. While the
 * notifications arrive, a slow look every SAFETY_INTERVAL_MS only finds late ids (see
 * handle_rows) and a connection that died without a word. */
#define SAFETY_INTERVAL_MS 10000

/* The channel step 6's trigger on events notifies. */
#define CHANGES_CHANNEL "kefu_changes"

static const char sqlite_catch_up_sql[] =
  "SELECT id, entity, entity_id FROM events WHERE id > $1 ORDER BY id LIMIT 10000";
static const char sqlite_last_id_sql[] = "SELECT COALESCE(MAX(id), 0) FROM events";
/* Through step 6's SECURITY DEFINER functions: a role that may not read the events table still
 * learns which records changed. */
static const char pg_catch_up_sql[] =
  "SELECT id, entity, entity_id FROM kefu_changes_since ($1)";
static const char pg_last_id_sql[] = "SELECT kefu_last_change_id ()";

/* What one look needs and finds, kept by the watcher: at most one look runs at a time, and the
 * worker's writes are seen by look_done () (the task's completion orders them). */
typedef struct
{
  gint64   after;
  /* SQLite: PRAGMA data_version (other connections' commits) and this store's own commits as
   * of the last look that read the events; a look that finds both unchanged reads nothing. */
  gboolean compare;
  gint64   data_version;
  guint    commits;
} LookState;

struct _KefuStoreWatcher
{
  GObject       parent_instance;

  KefuStore    *store;
  GMainContext *context;
  GCancellable *cancellable;
  GSource      *timer;
  gint64        last_event_id;
  /* Ids below last_event_id not seen yet (id → monotonic time first missed), see handle_rows. */
  GHashTable   *gaps;
  gboolean      online;
  gboolean      looking;
  /* A notification came while a look ran: look again when it is done. */
  gboolean      look_again;
  gboolean      postgres;
  KefuPgListener *listener;
  LookState     state;
};

G_DEFINE_FINAL_TYPE (KefuStoreWatcher, kefu_store_watcher, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ONLINE,
  PROP_LAST_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_look (KefuStoreWatcher *self, guint delay_ms);

/* How long until the next look when nothing else asks for one. */
static guint
next_interval (KefuStoreWatcher *self)
{
  if (self->listener != NULL && kefu_pg_listener_is_listening (self->listener))
    return SAFETY_INTERVAL_MS;
  return KEFU_STORE_WATCH_INTERVAL_MS;
}

static void
set_online (KefuStoreWatcher *self,
            gboolean          online)
{
  online = !!online;
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/* The rows travel from the worker as qdata of a plain GObject, since kefu_store_run_async()
 * returns a GObject. */
static GQuark
rows_quark (void)
{
  return g_quark_from_static_string ("kefu-store-watcher-rows");
}

/* SQLite: whether anything was committed since the last look, by this store or any other
 * connection, without reading the events. The version is read before the events, so that a
 * commit between the two is found again next time rather than missed. */
static gboolean
sqlite_unchanged (KefuStore     *store,
                  LookState     *state,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  guint commits = _kefu_store_get_commit_count (store);
  gint64 version;

  rows = _kefu_store_query (store, "PRAGMA data_version", NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  version = kefu_rows_get_int (rows, 0, 0);
  if (state->compare && version == state->data_version && commits == state->commits)
    return TRUE;
  state->data_version = version;
  state->commits = commits;
  return FALSE;
}

static gpointer
look_on_worker (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LookState *state = data;
  gboolean postgres = kefu_store_get_backend (store) == KEFU_STORE_BACKEND_POSTGRES;
  g_autoptr(GError) local_error = NULL;
  KefuRows *rows;
  GObject *result;

  if (!postgres && sqlite_unchanged (store, state, cancellable, &local_error))
    return g_object_new (G_TYPE_OBJECT, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  rows = _kefu_store_query (store, postgres ? pg_catch_up_sql : sqlite_catch_up_sql,
                            g_variant_new ("(x)", state->after), cancellable, error);
  if (rows == NULL)
    return NULL;
  result = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_qdata_full (result, rows_quark (), rows, (GDestroyNotify) kefu_rows_free);
  return result;
}

typedef struct
{
  char   *entity;
  GArray *ids;
  GHashTable *seen;
} EntityBatch;

static void
entity_batch_free (EntityBatch *batch)
{
  g_free (batch->entity);
  g_array_unref (batch->ids);
  g_hash_table_unref (batch->seen);
  g_free (batch);
}

/* Groups the rows by entity, in the order of each entity's first event, each id once. */
static GPtrArray *
group_rows (KefuRows *rows,
            GArray   *wanted)
{
  g_autoptr(GHashTable) by_entity = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *batches = g_ptr_array_new_with_free_func ((GDestroyNotify) entity_batch_free);

  for (guint k = 0; k < wanted->len; k++)
    {
      guint i = g_array_index (wanted, guint, k);
      const char *entity = kefu_rows_get_text (rows, i, 1);
      gint64 entity_id = kefu_rows_get_int (rows, i, 2);
      EntityBatch *batch;

      if (entity == NULL)
        continue;
      batch = g_hash_table_lookup (by_entity, entity);
      if (batch == NULL)
        {
          batch = g_new0 (EntityBatch, 1);
          batch->entity = g_strdup (entity);
          batch->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          batch->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (by_entity, batch->entity, batch);
          g_ptr_array_add (batches, batch);
        }
      if (!g_hash_table_contains (batch->seen, &entity_id))
        {
          g_hash_table_add (batch->seen, g_memdup2 (&entity_id, sizeof entity_id));
          g_array_append_val (batch->ids, entity_id);
        }
    }
  return batches;
}

/* Picks the rows to report and moves last_event_id. On PostgreSQL an event's id is taken when
 * it is inserted but seen only when its transaction commits, so a smaller id can appear after a
 * larger one was read: the ids skipped over are remembered as gaps and looked for again (the
 * query starts below the smallest gap) until they appear or GAP_WAIT_US passes (a rolled-back
 * transaction leaves a gap for ever). SQLite writes one at a time and leaves no gaps. */
static GArray *
handle_rows (KefuStoreWatcher *self,
             KefuRows         *rows)
{
  GArray *wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      gint64 id = kefu_rows_get_int (rows, i, 0);

      if (id <= self->last_event_id)
        {
          if (g_hash_table_remove (self->gaps, &id))
            g_array_append_val (wanted, i);
          continue;
        }
      for (gint64 missing = self->last_event_id + 1;
           missing < id && g_hash_table_size (self->gaps) < GAP_MAX;
           missing++)
        g_hash_table_insert (self->gaps, g_memdup2 (&missing, sizeof missing),
                             g_memdup2 (&now, sizeof now));
      g_array_append_val (wanted, i);
      self->last_event_id = id;
    }

  g_hash_table_iter_init (&iter, self->gaps);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const gint64 *since = value;

      if (now - *since > GAP_WAIT_US)
        g_hash_table_iter_remove (&iter);
    }
  return wanted;
}

/* Where the next query starts: below the smallest gap, or after the last id. */
static gint64
query_floor (KefuStoreWatcher *self)
{
  gint64 floor = self->last_event_id;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->gaps);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    floor = MIN (floor, *(gint64 *) key - 1);
  return floor;
}

static void
look_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuStoreWatcher) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) holder = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GArray) wanted = NULL;
  KefuRows *rows;
  guint n_rows;
  gint64 before;

  self->looking = FALSE;
  holder = kefu_store_run_finish (KEFU_STORE (source), result, &error);
  if (holder == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The database is away (a server restart, a network share gone): say so and keep
       * looking; the next look that succeeds reads the events again from the last id. */
      g_debug ("Could not read new events: %s", error->message);
      self->state.compare = FALSE;
      self->look_again = FALSE;
      set_online (self, FALSE);
      schedule_look (self, KEFU_STORE_WATCH_INTERVAL_MS);
      return;
    }

  set_online (self, TRUE);
  rows = g_object_get_qdata (holder, rows_quark ());
  if (rows == NULL)
    {
      /* Nothing committed since the last look (SQLite's data_version). */
      schedule_look (self, next_interval (self));
      return;
    }
  /* SQLite leaves no gaps, so the next look may trust data_version. */
  self->state.compare = !self->postgres;
  n_rows = kefu_rows_get_n_rows (rows);
  /* The last id moves before the emissions, so that a handler that asks for it gets the id
   * of this batch. */
  before = self->last_event_id;
  wanted = handle_rows (self, rows);
  if (self->last_event_id != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EVENT_ID]);
  if (wanted->len > 0)
    {
      batches = group_rows (rows, wanted);
      for (guint i = 0; i < batches->len; i++)
        {
          EntityBatch *batch = g_ptr_array_index (batches, i);

          g_signal_emit (self, signals[SIGNAL_CHANGED], 0, batch->entity, batch->ids,
                         self->last_event_id);
        }
    }
  /* A full batch means more are waiting, and a notification during the look may be for a
   * commit it did not see: look again at once. */
  schedule_look (self, n_rows >= CATCH_UP_LIMIT || self->look_again ? 0 : next_interval (self));
  self->look_again = FALSE;
}

static void
look (KefuStoreWatcher *self)
{
  if (self->looking)
    {
      self->look_again = TRUE;
      return;
    }
  self->looking = TRUE;
  self->state.after = query_floor (self);
  kefu_store_run_async (self->store, look_on_worker, &self->state, NULL, self->cancellable,
                        look_done, g_object_ref (self));
}

/* PostgreSQL: the listener's news, on the watcher's main context. */
static void
listener_cb (KefuPgListenerEvent event,
             gpointer            user_data)
{
  KefuStoreWatcher *self = user_data;

  switch (event)
    {
    case KEFU_PG_LISTENER_LISTENING:
    case KEFU_PG_LISTENER_NOTIFIED:
      /* After a (re)connect, what was sent meanwhile was missed: the look catches up. */
      look (self);
      break;
    case KEFU_PG_LISTENER_LOST:
      /* Back to looking every second until the listener is back. */
      schedule_look (self, KEFU_STORE_WATCH_INTERVAL_MS);
      break;
    }
}

static gboolean
timer_fired (gpointer user_data)
{
  KefuStoreWatcher *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  look (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_look (KefuStoreWatcher *self,
               guint             delay_ms)
{
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  self->timer = g_timeout_source_new (delay_ms);
  /* The timer holds no reference: dispose destroys it. */
  g_source_set_callback (self->timer, timer_fired, self, NULL);
  g_source_set_static_name (self->timer, "[kefu] store watcher");
  g_source_attach (self->timer, self->context);
}

static void
kefu_store_watcher_dispose (GObject *object)
{
  KefuStoreWatcher *self = KEFU_STORE_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->listener);
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  G_OBJECT_CLASS (kefu_store_watcher_parent_class)->dispose (object);
}

static void
kefu_store_watcher_finalize (GObject *object)
{
  KefuStoreWatcher *self = KEFU_STORE_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->gaps, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (kefu_store_watcher_parent_class)->finalize (object);
}

static void
kefu_store_watcher_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuStoreWatcher *self = KEFU_STORE_WATCHER (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LAST_EVENT_ID:
      g_value_set_int64 (value, self->last_event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_store_watcher_class_init (KefuStoreWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_store_watcher_dispose;
  object_class->finalize = kefu_store_watcher_finalize;
  object_class->get_property = kefu_store_watcher_get_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_EVENT_ID] =
    g_param_spec_int64 ("last-event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_ARRAY, G_TYPE_INT64);
}

static void
kefu_store_watcher_init (KefuStoreWatcher *self)
{
  self->online = TRUE;
  self->cancellable = g_cancellable_new ();
  self->gaps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

KefuStoreWatcher *
kefu_store_watcher_new (KefuStore  *store,
                        GError    **error)
{
  g_autoptr(KefuStoreWatcher) self = NULL;
  g_autoptr(KefuRows) rows = NULL;
  gboolean postgres;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read once here, so that the caller knows at once whether the database answers and the
   * watcher never reports what happened before it existed. */
  postgres = kefu_store_get_backend (store) == KEFU_STORE_BACKEND_POSTGRES;
  rows = _kefu_store_query (store, postgres ? pg_last_id_sql : sqlite_last_id_sql, NULL, NULL,
                            error);
  if (rows == NULL)
    return NULL;

  self = g_object_new (KEFU_TYPE_STORE_WATCHER, NULL);
  self->store = g_object_ref (store);
  self->context = g_main_context_ref_thread_default ();
  self->last_event_id = kefu_rows_get_int (rows, 0, 0);
  self->postgres = postgres;
  /* The listener's first LISTENING asks for a look, which finds what committed between the
   * query above and the LISTEN. */
  if (postgres)
    self->listener = kefu_pg_listener_new (store, CHANGES_CHANNEL, listener_cb, self);
  schedule_look (self, KEFU_STORE_WATCH_INTERVAL_MS);
  return g_steal_pointer (&self);
}

gint64
kefu_store_watcher_get_last_event_id (KefuStoreWatcher *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_WATCHER (self), 0);
  return self->last_event_id;
}

gboolean
kefu_store_watcher_get_online (KefuStoreWatcher *self)
{
  g_return_val_if_fail (KEFU_IS_STORE_WATCHER (self), FALSE);
  return self->online;
}
