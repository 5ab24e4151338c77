/* kefu-store.c: the abstract KefuStore: migration, the connection lock, write transactions with
 * retry, the actor, and the event log writer.
 *
 * Opening is in kefu-store-open.c; the operations themselves live in kefu-store-staff.c,
 * kefu-store-customers.c, kefu-store-events.c and kefu-store-async.c; backends implement
 * kefu-store-private.h.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-store-clock.h"
#include "kefu-store-connection-private.h"
#include "kefu-store-internal.h"
#include "sqlite/kefu-sqlite-store.h"

/* How long a write keeps retrying while another workstation holds a shared SQLite file. */
#define WRITE_RETRY_TOTAL_USEC (15 * G_USEC_PER_SEC)
#define WRITE_RETRY_FIRST_USEC (20 * 1000)
#define WRITE_RETRY_MAX_USEC   (500 * 1000)

typedef struct
{
  /* Serialises the connection: one statement or transaction at a time, whichever thread. It is
   * recursive because the operations run their queries inside _kefu_store_write(). */
  GRecMutex    lock;
  guint        txn_depth;
  gint64       txn_actor;

  GMutex       actor_lock;
  gint64       actor;
  gint64       system_actor;
  /* On PostgreSQL, the staff member whose login this session is (0: the owner, a superuser or
   * SQLite, which may act as anyone). Writes may only be recorded against that staff member. */
  gint64       session_staff;
  /* The time writes use when set (kefu-store-clock.h), under actor_lock; NULL for the real
   * clock. */
  GDateTime   *clock;

  /* Write transactions this store committed (atomic): with SQLite's data_version, which counts
   * only other connections' commits, it tells the change feed whether anything was written. */
  guint        commits;

  char        *description;
  guint        schema_version_found;
  KefuStoreOpenFlags open_flags;
} KefuStorePrivate;

enum {
  PROP_0,
  PROP_OPEN_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kefu_store_initable_iface_init       (GInitableIface      *iface);
static void kefu_store_async_initable_iface_init (GAsyncInitableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (KefuStore, kefu_store, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (KefuStore)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                         kefu_store_initable_iface_init)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE,
                                                         kefu_store_async_initable_iface_init))

G_DEFINE_QUARK (kefu-store-error-quark, kefu_store_error)

guint
kefu_store_schema_version (void)
{
  return _kefu_schema_latest_version ();
}

static gboolean
kefu_store_initable_init (GInitable     *initable,
                          GCancellable  *cancellable,
                          GError       **error)
{
  KefuStore *self = KEFU_STORE (initable);
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (self);
  g_autoptr(KefuRows) rows = NULL;
  gboolean ok;

  g_rec_mutex_lock (&priv->lock);
  ok = klass->connect (self, cancellable, error) &&
       _kefu_schema_migrate (self, (priv->open_flags & KEFU_STORE_OPEN_NO_MIGRATE) == 0,
                             &priv->schema_version_found, cancellable, error);
  /* A database that was not migrated may be empty or older than this build: there is nothing
   * more to read from it, and kefuctl check reports its version. */
  if (ok && priv->schema_version_found != _kefu_schema_latest_version () &&
      (priv->open_flags & KEFU_STORE_OPEN_NO_MIGRATE) != 0)
    {
      g_rec_mutex_unlock (&priv->lock);
      return TRUE;
    }
  if (ok)
    rows = _kefu_store_query (self, "SELECT id FROM staff WHERE login = $1",
                              g_variant_new ("(s)", "system"), cancellable, error);
  g_rec_mutex_unlock (&priv->lock);

  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) != 1)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("The database “%s” has no built-in “system” staff member. "
                     "Run “kefuctl check” and restore it from a backup."),
                   kefu_store_get_description (self));
      return FALSE;
    }
  priv->system_actor = kefu_rows_get_int (rows, 0, 0);
  if (!_kefu_store_load_session (self, cancellable, error))
    return FALSE;
  return TRUE;
}

static void
kefu_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = kefu_store_initable_init;
}

static void
kefu_store_async_initable_iface_init (GAsyncInitableIface *iface)
{
  /* GAsyncInitable's default implementation runs GInitable's init in a thread. */
}

static void
kefu_store_finalize (GObject *object)
{
  KefuStore *self = KEFU_STORE (object);
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  g_free (priv->description);
  g_clear_pointer (&priv->clock, g_date_time_unref);
  g_rec_mutex_clear (&priv->lock);
  g_mutex_clear (&priv->actor_lock);

  G_OBJECT_CLASS (kefu_store_parent_class)->finalize (object);
}

static void
kefu_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (KEFU_STORE (object));

  switch (prop_id)
    {
    case PROP_OPEN_FLAGS:
      g_value_set_uint (value, priv->open_flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_store_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (KEFU_STORE (object));

  switch (prop_id)
    {
    case PROP_OPEN_FLAGS:
      priv->open_flags = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_store_class_init (KefuStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_store_finalize;
  object_class->get_property = kefu_store_get_property;
  object_class->set_property = kefu_store_set_property;

  /* KefuStoreOpenFlags, as given to kefu_store_open_full(). */
  properties[PROP_OPEN_FLAGS] =
    g_param_spec_uint ("open-flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_store_init (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  g_rec_mutex_init (&priv->lock);
  g_mutex_init (&priv->actor_lock);
}

/* Friends */

KefuStoreOpenFlags
_kefu_store_get_open_flags (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  return priv->open_flags;
}

void
_kefu_store_set_description (KefuStore  *self,
                             const char *description)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  g_set_str (&priv->description, description);
}

void
_kefu_store_set_default_description (KefuStore  *self,
                                     const char *description)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  if (priv->description == NULL)
    priv->description = g_strdup (description);
}

gint64
_kefu_store_get_txn_actor (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  return priv->txn_actor;
}

/* The actor of the job running on this thread, per thread: a job's writes must not see a staff
 * switch made after it was queued. */
typedef struct
{
  KefuStore *store;
  gint64     actor;
} JobActor;

static GPrivate job_actor_key = G_PRIVATE_INIT (g_free);

void
_kefu_store_push_job_actor (KefuStore *self,
                            gint64     actor)
{
  JobActor *job_actor = g_new0 (JobActor, 1);

  job_actor->store = self;
  job_actor->actor = actor;
  g_private_replace (&job_actor_key, job_actor);
}

void
_kefu_store_pop_job_actor (KefuStore *self)
{
  JobActor *job_actor = g_private_get (&job_actor_key);

  g_return_if_fail (job_actor != NULL && job_actor->store == self);
  g_private_replace (&job_actor_key, NULL);
}

/* The actor a write on this thread is recorded against. */
static gint64
current_write_actor (KefuStore *self)
{
  JobActor *job_actor = g_private_get (&job_actor_key);

  if (job_actor != NULL && job_actor->store == self)
    return job_actor->actor;
  return kefu_store_get_actor (self);
}

gboolean
_kefu_store_check_backend (KefuStore     *self,
                           GPtrArray     *problems,
                           GCancellable  *cancellable,
                           GError       **error)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  gboolean ok;

  /* The connection is not thread-safe by itself (SQLite is opened NOMUTEX). */
  g_rec_mutex_lock (&priv->lock);
  ok = KEFU_STORE_GET_CLASS (self)->check (self, problems, cancellable, error);
  g_rec_mutex_unlock (&priv->lock);
  return ok;
}

/* For the operations that drive the backend's connection themselves (the SQLite backup): the
 * same lock every query and transaction takes. */
void
_kefu_store_lock (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  g_rec_mutex_lock (&priv->lock);
}

void
_kefu_store_unlock (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  g_rec_mutex_unlock (&priv->lock);
}

KefuRows *
_kefu_store_query (KefuStore     *self,
                   const char    *sql,
                   GVariant      *params,
                   GCancellable  *cancellable,
                   GError       **error)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  g_autoptr(GVariant) owned = params != NULL ? g_variant_ref_sink (params) : NULL;
  GError *local_error = NULL;
  KefuRows *rows;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_rec_mutex_lock (&priv->lock);
  rows = KEFU_STORE_GET_CLASS (self)->query (self, sql, owned, NULL, cancellable, &local_error);
  g_rec_mutex_unlock (&priv->lock);
  _kefu_store_connection_note (self, FALSE, rows != NULL, local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return rows;
}

gint64
_kefu_store_execute (KefuStore     *self,
                     const char    *sql,
                     GVariant      *params,
                     GCancellable  *cancellable,
                     GError       **error)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  g_autoptr(GVariant) owned = params != NULL ? g_variant_ref_sink (params) : NULL;
  g_autoptr(KefuRows) rows = NULL;
  GError *local_error = NULL;
  gint64 changes = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  g_rec_mutex_lock (&priv->lock);
  rows = KEFU_STORE_GET_CLASS (self)->query (self, sql, owned, &changes, cancellable,
                                             &local_error);
  g_rec_mutex_unlock (&priv->lock);
  _kefu_store_connection_note (self, FALSE, rows != NULL, local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return rows != NULL ? changes : -1;
}

GArray *
_kefu_store_query_int64_column (KefuStore     *self,
                                const char    *sql,
                                GVariant      *params,
                                GCancellable  *cancellable,
                                GError       **error)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (self);
  g_autoptr(GVariant) owned = params != NULL ? g_variant_ref_sink (params) : NULL;
  g_autoptr(KefuRows) rows = NULL;
  GError *local_error = NULL;
  GArray *column;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_rec_mutex_lock (&priv->lock);
  if (klass->query_int64_column != NULL)
    {
      column = klass->query_int64_column (self, sql, owned, cancellable, &local_error);
      g_rec_mutex_unlock (&priv->lock);
      _kefu_store_connection_note (self, FALSE, column != NULL, local_error);
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return column;
    }
  rows = klass->query (self, sql, owned, NULL, cancellable, &local_error);
  g_rec_mutex_unlock (&priv->lock);
  _kefu_store_connection_note (self, FALSE, rows != NULL, local_error);
  if (rows == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  column = g_array_sized_new (FALSE, FALSE, sizeof (gint64), kefu_rows_get_n_rows (rows));
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      gint64 value = kefu_rows_get_int (rows, i, 0);

      g_array_append_val (column, value);
    }
  return column;
}

gboolean
_kefu_store_write (KefuStore         *self,
                   KefuStoreTxnFunc   func,
                   gpointer           data,
                   GCancellable      *cancellable,
                   GError           **error)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (self);
  gint64 actor = current_write_actor (self);
  gint64 deadline;
  gulong delay = WRITE_RETRY_FIRST_USEC;

  if (actor == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR,
                   _("No staff member is chosen on this workstation, so the change cannot be "
                     "recorded. Choose who is working first."));
      return FALSE;
    }
  if (priv->session_staff != 0 && actor != priv->session_staff)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                   _("This workstation is signed in to the server as another staff member, so "
                     "the change cannot be recorded in this name. Sign in with your own login."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_rec_mutex_lock (&priv->lock);

  /* A write inside a write joins the outer transaction. */
  if (priv->txn_depth > 0)
    {
      gboolean ok = func (self, data, cancellable, error);

      g_rec_mutex_unlock (&priv->lock);
      return ok;
    }

  deadline = g_get_monotonic_time () + WRITE_RETRY_TOTAL_USEC;
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (klass->begin (self, TRUE, &local_error))
        {
          gboolean ok;

          priv->txn_depth++;
          priv->txn_actor = actor;
          ok = func (self, data, cancellable, &local_error);
          priv->txn_depth--;
          priv->txn_actor = 0;

          if (ok && klass->commit (self, &local_error))
            {
              g_atomic_int_inc (&priv->commits);
              g_rec_mutex_unlock (&priv->lock);
              _kefu_store_connection_note (self, TRUE, TRUE, NULL);
              return TRUE;
            }
          /* A failed COMMIT can leave the transaction open (SQLite BUSY): always roll back. */
          klass->rollback (self);
        }

      /* Only "busy" is worth retrying, and the whole transaction is retried: its reads may be
       * stale once another workstation's write has gone in. */
      if (!g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY) ||
          g_cancellable_is_cancelled (cancellable))
        {
          g_rec_mutex_unlock (&priv->lock);
          /* BEGIN and COMMIT meet a lost connection outside the statement helpers. */
          _kefu_store_connection_note (self, TRUE, FALSE, local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_get_monotonic_time () + (gint64) delay > deadline)
        {
          g_rec_mutex_unlock (&priv->lock);
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY,
                       _("Another workstation is holding the database “%s” and it stayed busy "
                         "too long. Nothing was saved; try again in a moment."),
                       kefu_store_get_description (self));
          return FALSE;
        }

      /* Let other threads of this process use the connection while we wait, and wait a random
       * time so that two workstations that collided do not collide again. */
      g_rec_mutex_unlock (&priv->lock);
      g_usleep (delay / 2 + g_random_int_range (0, (gint32) (delay / 2) + 1));
      delay = MIN (delay * 2, WRITE_RETRY_MAX_USEC);
      g_rec_mutex_lock (&priv->lock);
    }
}

gboolean
_kefu_store_add_event (KefuStore     *self,
                       const char    *entity,
                       gint64         entity_id,
                       const char    *action,
                       const char    *details,
                       GCancellable  *cancellable,
                       GError       **error)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  g_autofree char *now = NULL;

  g_return_val_if_fail (priv->txn_depth > 0, FALSE);

  /* The time is given, not left to the column's DEFAULT, so that an event follows the store's
   * clock like the write it records; kefu_time_to_db () writes what the DEFAULT would. */
  now = _kefu_store_now_text (self);
  return _kefu_store_execute (self,
                              "INSERT INTO events (created_at, staff_id, entity, entity_id, "
                              "action, details) VALUES ($1, $2, $3, $4, $5, $6)",
                              g_variant_new ("(sxsxss)", now, priv->txn_actor, entity, entity_id,
                                             action, details != NULL ? details : "{}"),
                              cancellable, error) >= 0;
}

/**
 * kefu_store_set_clock:
 * @now: (nullable): the time the following writes use; %NULL for the real clock
 *
 * For demo data, generators and tests only (see kefu-store-clock.h); the application never sets
 * it.
 */
void
kefu_store_set_clock (KefuStore *self,
                      GDateTime *now)
{
  KefuStorePrivate *priv;
  GDateTime *utc;

  g_return_if_fail (KEFU_IS_STORE (self));

  priv = kefu_store_get_instance_private (self);
  utc = now != NULL ? g_date_time_to_utc (now) : NULL;
  g_mutex_lock (&priv->actor_lock);
  g_clear_pointer (&priv->clock, g_date_time_unref);
  priv->clock = utc;
  g_mutex_unlock (&priv->actor_lock);
}

GDateTime *
_kefu_store_now (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  GDateTime *now = NULL;

  g_mutex_lock (&priv->actor_lock);
  if (priv->clock != NULL)
    now = g_date_time_ref (priv->clock);
  g_mutex_unlock (&priv->actor_lock);
  return now != NULL ? now : g_date_time_new_now_utc ();
}

char *
_kefu_store_now_text (KefuStore *self)
{
  g_autoptr(GDateTime) now = _kefu_store_now (self);

  return kefu_time_to_db (now);
}

const char *
_kefu_store_dialect_phone_suffix_match (KefuStore *self)
{
  return _kefu_schema_phone_prefix_match (kefu_store_get_backend (self));
}

/* Public API */

KefuStoreBackend
kefu_store_get_backend (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), KEFU_STORE_BACKEND_SQLITE);

  /* The SQLite backend is ours to name here; anything else is the server backend. */
  return KEFU_IS_SQLITE_STORE (self) ? KEFU_STORE_BACKEND_SQLITE : KEFU_STORE_BACKEND_POSTGRES;
}

const char *
kefu_store_get_description (KefuStore *self)
{
  KefuStorePrivate *priv;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  priv = kefu_store_get_instance_private (self);
  if (priv->description != NULL)
    return priv->description;
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE
         ? _("the database file") : _("the PostgreSQL database");
}

/**
 * kefu_store_get_schema_version_found:
 *
 * Returns: the schema version the database had when it was opened, before any migration (0 for
 *   a database this store has just created)
 */
guint
kefu_store_get_schema_version_found (KefuStore *self)
{
  KefuStorePrivate *priv;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);

  priv = kefu_store_get_instance_private (self);
  return priv->schema_version_found;
}

void
kefu_store_set_actor (KefuStore *self,
                      gint64     staff_id)
{
  KefuStorePrivate *priv;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (staff_id >= 0);

  priv = kefu_store_get_instance_private (self);
  g_mutex_lock (&priv->actor_lock);
  /* A server session signed in as a staff member acts as that staff member only: another id is
   * refused (the server would refuse its events anyway). */
  if (priv->session_staff == 0 || staff_id == priv->session_staff || staff_id == 0)
    priv->actor = staff_id;
  else
    g_debug ("Refused to act as staff member %" G_GINT64_FORMAT " in the session of staff "
             "member %" G_GINT64_FORMAT, staff_id, priv->session_staff);
  g_mutex_unlock (&priv->actor_lock);
}

void
_kefu_store_set_session_staff (KefuStore *self,
                               gint64     staff_id)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  g_mutex_lock (&priv->actor_lock);
  priv->session_staff = staff_id;
  if (staff_id != 0)
    priv->actor = staff_id;
  g_mutex_unlock (&priv->actor_lock);
}

gint64
_kefu_store_get_session_staff (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);
  gint64 staff_id;

  g_mutex_lock (&priv->actor_lock);
  staff_id = priv->session_staff;
  g_mutex_unlock (&priv->actor_lock);
  return staff_id;
}

gint64
kefu_store_get_actor (KefuStore *self)
{
  KefuStorePrivate *priv;
  gint64 actor;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);

  priv = kefu_store_get_instance_private (self);
  g_mutex_lock (&priv->actor_lock);
  actor = priv->actor;
  g_mutex_unlock (&priv->actor_lock);
  return actor;
}

/**
 * kefu_store_set_system_actor:
 *
 * Records the following writes against the built-in "system" staff member (login `system`),
 * as kefuctl's init, demo and generate do.
 */
void
kefu_store_set_system_actor (KefuStore *self)
{
  KefuStorePrivate *priv;

  g_return_if_fail (KEFU_IS_STORE (self));

  priv = kefu_store_get_instance_private (self);
  kefu_store_set_actor (self, priv->system_actor);
}

guint
_kefu_store_get_commit_count (KefuStore *self)
{
  KefuStorePrivate *priv = kefu_store_get_instance_private (self);

  return g_atomic_int_get (&priv->commits);
}
