/* kefu-sqlite-store.c: the SQLite backend.
 *
 * One connection per store (one per process per file: closing a second descriptor on the file
 * would drop SQLite's POSIX locks). A local file runs in WAL mode; a file on a network share runs
 * with a rollback journal and synchronous=FULL, as WAL does not work over a network filesystem.
 * Statements are prepared once, cached by their SQL text, and always reset after use, so no read
 * stays open to block other workstations' commits.
 */
#define G_LOG_DOMAIN "kefu-sqlite"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kefu-sqlite-private.h"

/* 3.42 for FTS5 trigram LIKE (tech-notes.md); 3.44 for string_agg (... ORDER BY ...), which
 * the complaint card reads its routed departments with in both dialects. */
#define MIN_SQLITE_VERSION 3044000
#define BUSY_TIMEOUT_MS    3000
/* How long a workstation waiting for a lock sleeps between tries (random within the range):
 * short, and shorter still once it has waited a while (see busy_cb ()). */
#define BUSY_SLEEP_MAX_USEC       8000
#define BUSY_SLEEP_MAX_LATE_USEC  3000
#define BUSY_LATE_USEC            (200 * 1000)
#define BUSY_SLEEP_MIN_USEC       500
#define CACHE_KIB          65536

static void kefu_sqlite_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KefuSqliteStore, kefu_sqlite_store, KEFU_TYPE_STORE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kefu_sqlite_store_initable_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GInitableIface *parent_initable_iface;

gboolean
_kefu_sqlite_store_set_error (KefuSqliteStore  *self,
                              int               code,
                              const char       *what,
                              GError          **error)
{
  return _kefu_sqlite_set_error (self->db, code, self->path, self->cancellable, what, error);
}

static int
progress_cb (void *user_data)
{
  KefuSqliteStore *self = user_data;

  /* Non-zero interrupts the running statement with SQLITE_INTERRUPT. */
  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

/* Waits for another workstation's lock. SQLite's own busy handler (sqlite3_busy_timeout ()) sleeps
 * longer the longer it has waited, up to 100 ms a try, so among several workstations waiting for
 * the same file the one that waited longest tries least often and is overtaken again and again:
 * with eight processes writing to one file in rollback-journal mode a save waited more than 15 s
 * and failed as busy (tests/store/test-store-processes.c). Here every try comes after a short
 * random sleep, and a workstation that has waited a while sleeps less than newcomers, which
 * comes close to first come, first served without any shared state. Returns 0 (give up: the
 * statement fails with SQLITE_BUSY, and a write is retried as a whole by _kefu_store_write ())
 * after BUSY_TIMEOUT_MS. */
static int
busy_cb (void *user_data,
         int   count)
{
  KefuSqliteStore *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 waited;

  if (count == 0)
    self->busy_since = now;
  waited = now - self->busy_since;
  if (waited >= (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;
  g_usleep (g_random_int_range (BUSY_SLEEP_MIN_USEC,
                                (waited < BUSY_LATE_USEC ? BUSY_SLEEP_MAX_USEC
                                                         : BUSY_SLEEP_MAX_LATE_USEC) + 1));
  return 1;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

sqlite3_stmt *
_kefu_sqlite_store_get_statement (KefuSqliteStore  *self,
                                  const char       *sql,
                                  GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  g_autofree char *rewritten = NULL;
  int rc;

  if (stmt != NULL)
    return stmt;

  rewritten = _kefu_sqlite_rewrite_placeholders (sql);
  rc = sqlite3_prepare_v3 (self->db, rewritten, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _kefu_sqlite_store_set_error (self, sqlite3_extended_errcode (self->db),
                                    "preparing a statement", error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static KefuRows *
run_statement (KefuSqliteStore  *self,
               sqlite3_stmt     *stmt,
               gint64           *changes,
               GError          **error)
{
  int n_columns = sqlite3_column_count (stmt);
  g_autoptr(KefuRows) rows = kefu_rows_new ((guint) n_columns);
  const char **values = g_newa (const char *, MAX (n_columns, 1));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, i);
      kefu_rows_append (rows, values);
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_sqlite_store_set_error (self, sqlite3_extended_errcode (self->db),
                                    "a statement", error);
      return NULL;
    }
  if (changes != NULL)
    *changes = sqlite3_changes64 (self->db);
  return g_steal_pointer (&rows);
}

/* KefuStore */

gboolean
_kefu_sqlite_store_exec (KefuSqliteStore  *self,
                         const char       *sql,
                         GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _kefu_sqlite_store_set_error (self, sqlite3_extended_errcode (self->db), sql, error);
  return TRUE;
}

static gboolean
kefu_sqlite_store_connect (KefuStore     *store,
                           GCancellable  *cancellable,
                           GError       **error)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (store);
  g_autofree char *dir = NULL;
  g_autoptr(KefuRows) rows = NULL;
  int rc;

  if (sqlite3_libversion_number () < MIN_SQLITE_VERSION)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("Kefu needs SQLite 3.44 or newer; this system has %s. Update SQLite."),
                   sqlite3_libversion ());
      return FALSE;
    }

  _kefu_store_set_description (store, self->path);

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Kefu database. Choose a file."), self->path);
      return FALSE;
    }

  /* A shared file whose share is not mounted must not be replaced by a new, empty database, nor
   * its folder (the mount point to be) created. */
  if ((_kefu_store_get_open_flags (store) & KEFU_STORE_OPEN_MUST_EXIST) &&
      !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_MISSING_FILE,
                   _("The database file “%s” does not exist. If it is on a file share, check "
                     "that the share is connected, then try again."), self->path);
      return FALSE;
    }

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s” for the database: %s"),
                   dir, g_strerror (errsv));
      return FALSE;
    }

  self->created_file = !g_file_test (self->path, G_FILE_TEST_EXISTS);
  self->network_file = _kefu_sqlite_is_network_filesystem (self->path);

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE |
                        (self->created_file ? SQLITE_OPEN_CREATE : 0) |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KEFU_STORE_ERROR,
                   (rc & 0xff) == SQLITE_READONLY ? KEFU_STORE_ERROR_READ_ONLY
                                                   : KEFU_STORE_ERROR_FAILED,
                   _("Could not open the database file “%s”: %s. Check that the file and its "
                     "folder exist and that you may write to them."),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Before the first read: while another workstation commits, even reading the schema waits for
   * its lock instead of failing at once. */
  sqlite3_busy_handler (self->db, busy_cb, self);

  /* SQLite quietly opens a write-protected file read-only. Kefu is for recording calls, so a
   * database that cannot be written is refused at once rather than at the first save.
   * (The file is opened by sqlite3_open_v2() itself, so this is known before any read.) */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_READ_ONLY,
                   _("The database file “%s” is read-only. Ask your IT contact for write access, "
                     "or choose another database."), self->path);
      return FALSE;
    }

  /* Reading the schema tells a file that is not a database at once. */
  rows = KEFU_STORE_GET_CLASS (store)->query (store, "SELECT COUNT(*) FROM sqlite_schema", NULL,
                                              NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;

  sqlite3_progress_handler (self->db, 1000, progress_cb, self);
  _kefu_sqlite_add_functions (self->db);

  /* 64 MB of page cache (the default is 2 MB): customer and phone indexes of a large database
   * then stay in memory, which bulk loads and phone lookups need. */
  if (!_kefu_sqlite_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_kefu_sqlite_store_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KIB), error))
    return FALSE;

  return TRUE;
}

/* Chooses the journal once the database is known to be ours and current: changing the journal
 * mode writes to the file, and a database refused at open must be left exactly as it was. */
static gboolean
set_rollback_journal (KefuSqliteStore  *self,
                      GError          **error)
{
  KefuStore *store = KEFU_STORE (self);
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GError) local_error = NULL;

  /* The PRAGMA answers with the mode in force: leaving WAL needs every other connection gone,
   * so a host PC that has the file open in WAL through its local path keeps it in WAL (or makes
   * the PRAGMA fail as busy). Either way the workstations on the share would lock each other
   * out, so refuse with a message that says what to do. */
  rows = KEFU_STORE_GET_CLASS (store)->query (store, "PRAGMA journal_mode = DELETE", NULL, NULL,
                                              NULL, &local_error);
  if ((rows == NULL &&
       g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY)) ||
      (rows != NULL && (kefu_rows_get_n_rows (rows) != 1 ||
                        g_ascii_strcasecmp (kefu_rows_get_text (rows, 0, 0), "delete") != 0)))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OPEN_ELSEWHERE,
                   _("This database is open on another computer through its local path. Open it "
                     "through the file share on every computer, then try again."));
      return FALSE;
    }
  if (rows == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _kefu_sqlite_store_exec (self, "PRAGMA synchronous = FULL", error);
}

static gboolean
set_journal_mode (KefuSqliteStore  *self,
                  GError          **error)
{
  KefuStoreOpenFlags flags = _kefu_store_get_open_flags (KEFU_STORE (self));

  /* Never change a database that is only being looked at (kefuctl check). */
  if (flags & KEFU_STORE_OPEN_NO_MIGRATE)
    return TRUE;

  if (self->network_file || (flags & KEFU_STORE_OPEN_SHARED_FILE))
    {
      /* WAL needs shared memory that network filesystems do not provide, and a file shared by
       * several workstations may be reached by one of them through a local path. */
      g_debug ("%s is shared or on a network filesystem: rollback journal, synchronous=FULL",
               self->path);
      return set_rollback_journal (self, error);
    }
  /* The WAL file is cut back to 64 MB after a checkpoint, so a bulk load does not leave a
   * large one behind. */
  return _kefu_sqlite_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         _kefu_sqlite_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         _kefu_sqlite_store_exec (self, "PRAGMA journal_size_limit = 67108864", error);
}

static gboolean
kefu_sqlite_store_exec_script (KefuStore   *store,
                               const char  *script,
                               GError     **error)
{
  return _kefu_sqlite_store_exec (KEFU_SQLITE_STORE (store), script, error);
}

static KefuRows *
kefu_sqlite_store_query (KefuStore     *store,
                         const char    *sql,
                         GVariant      *params,
                         gint64        *changes,
                         GCancellable  *cancellable,
                         GError       **error)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (store);
  sqlite3_stmt *stmt;
  KefuRows *rows = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  stmt = _kefu_sqlite_store_get_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  self->cancellable = cancellable;
  if (_kefu_sqlite_bind_params (stmt, params, self->path, error))
    rows = run_statement (self, stmt, changes, error);
  self->cancellable = NULL;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rows;
}

/* Ids straight from sqlite3_column_int64(): no text, no row object per value. */
static GArray *
kefu_sqlite_store_query_int64_column (KefuStore     *store,
                                      const char    *sql,
                                      GVariant      *params,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (store);
  g_autoptr(GArray) column = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  stmt = _kefu_sqlite_store_get_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  self->cancellable = cancellable;
  if (_kefu_sqlite_bind_params (stmt, params, self->path, error))
    {
      column = g_array_new (FALSE, FALSE, sizeof (gint64));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 value = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (column, value);
        }
      if (rc != SQLITE_DONE)
        {
          _kefu_sqlite_store_set_error (self, sqlite3_extended_errcode (self->db),
                                        "a statement", error);
          g_clear_pointer (&column, g_array_unref);
        }
    }
  self->cancellable = NULL;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return g_steal_pointer (&column);
}

static gboolean
kefu_sqlite_store_begin (KefuStore  *store,
                         gboolean    write,
                         GError    **error)
{
  /* IMMEDIATE takes the write lock at once, so a write never fails half-way for want of it. */
  return _kefu_sqlite_store_exec (KEFU_SQLITE_STORE (store), write ? "BEGIN IMMEDIATE" : "BEGIN",
                                  error);
}

static gboolean
kefu_sqlite_store_commit (KefuStore  *store,
                          GError    **error)
{
  return _kefu_sqlite_store_exec (KEFU_SQLITE_STORE (store), "COMMIT", error);
}

static void
kefu_sqlite_store_rollback (KefuStore *store)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (store);

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
kefu_sqlite_store_check (KefuStore     *store,
                         GPtrArray     *problems,
                         GCancellable  *cancellable,
                         GError       **error)
{
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (store);
  g_autoptr(KefuRows) quick = NULL;
  g_autoptr(KefuRows) keys = NULL;

  quick = klass->query (store, "PRAGMA quick_check", NULL, NULL, cancellable, error);
  if (quick == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (quick); i++)
    if (g_strcmp0 (kefu_rows_get_text (quick, i, 0), "ok") != 0)
      g_ptr_array_add (problems, g_strdup (kefu_rows_get_text (quick, i, 0)));

  keys = klass->query (store, "PRAGMA foreign_key_check", NULL, NULL, cancellable, error);
  if (keys == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (keys); i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Row %s of table %s refers to a missing row of %s."),
                                      kefu_rows_get_text (keys, i, 1),
                                      kefu_rows_get_text (keys, i, 0),
                                      kefu_rows_get_text (keys, i, 2)));
  return TRUE;
}


/* GInitable: chain up, and remove a file we created when it could not become a database. */

static void
close_db (KefuSqliteStore *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static gboolean
kefu_sqlite_store_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (initable);

  if (parent_initable_iface->init (initable, cancellable, error) &&
      set_journal_mode (self, error))
    return TRUE;

  close_db (self);
  /* The migration is one transaction and rolled back, but the file itself would remain as an
   * empty "database" that later opens silently: remove what we created. */
  if (self->created_file)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
          g_unlink (file);
        }
    }
  return FALSE;
}

static void
kefu_sqlite_store_initable_iface_init (GInitableIface *iface)
{
  parent_initable_iface = g_type_interface_peek_parent (iface);
  iface->init = kefu_sqlite_store_initable_init;
}

/* GObject */

static void
kefu_sqlite_store_finalize (GObject *object)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (object);

  close_db (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);

  G_OBJECT_CLASS (kefu_sqlite_store_parent_class)->finalize (object);
}

static void
kefu_sqlite_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_sqlite_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KefuSqliteStore *self = KEFU_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_sqlite_store_class_init (KefuSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuStoreClass *store_class = KEFU_STORE_CLASS (klass);

  object_class->finalize = kefu_sqlite_store_finalize;
  object_class->get_property = kefu_sqlite_store_get_property;
  object_class->set_property = kefu_sqlite_store_set_property;

  store_class->connect = kefu_sqlite_store_connect;
  store_class->exec_script = kefu_sqlite_store_exec_script;
  store_class->query = kefu_sqlite_store_query;
  store_class->query_int64_column = kefu_sqlite_store_query_int64_column;
  store_class->begin = kefu_sqlite_store_begin;
  store_class->commit = kefu_sqlite_store_commit;
  store_class->rollback = kefu_sqlite_store_rollback;
  store_class->check = kefu_sqlite_store_check;
  store_class->bulk_insert = _kefu_sqlite_store_bulk_insert;
  store_class->bulk_insert_rows = _kefu_sqlite_store_bulk_insert_rows;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_sqlite_store_init (KefuSqliteStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * kefu_sqlite_store_new:
 * @path: the database file; created, with its folder, when missing
 *
 * Returns: (transfer full): the opened and migrated store, or %NULL with @error set
 */
KefuStore *
kefu_sqlite_store_new (const char          *path,
                       KefuStoreOpenFlags   flags,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (KEFU_TYPE_SQLITE_STORE, cancellable, error, "path", path,
                         "open-flags", (guint) flags, NULL);
}

const char *
kefu_sqlite_store_get_path (KefuSqliteStore *self)
{
  g_return_val_if_fail (KEFU_IS_SQLITE_STORE (self), NULL);

  return self->path;
}

gboolean
kefu_sqlite_store_get_network_file (KefuSqliteStore *self)
{
  g_return_val_if_fail (KEFU_IS_SQLITE_STORE (self), FALSE);

  return self->network_file;
}
