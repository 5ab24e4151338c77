/* kefu-store.h: the one data API of Kefu, over SQLite or PostgreSQL.
 *
 * A KefuStore is one connection to one database. It is opened with kefu_store_open() (sync, for
 * kefuctl and tests) or kefu_store_open_async() (the window: a remote connect never blocks it);
 * opening migrates the schema in a transaction and refuses a schema newer than this build.
 *
 * Every operation has a synchronous form that may be called from any thread (the connection is
 * serialised by the store) and the UI uses the _async/_finish forms, which run the same code on
 * the store's single worker thread. Every write records the current actor (kefu_store_set_actor())
 * and appends to the `events` table in the same transaction.
 *
 * The synchronous record writes (kefu_store_create_customer(), kefu_store_update_customer(),
 * kefu_store_create_staff(), …) set the id, version, times, stored (normalised) text and, for a
 * customer, the normalised phones on the record they are given, after the commit, on the thread
 * that calls them; the record then emits its notify signals on that thread. UI code must never
 * run them on the worker (not through kefu_store_run_async() either): it must use their _async
 * forms, which write a copy of the record taken when they are called and set what the write
 * changed on the caller's record in their _finish, on the calling thread.
 */
#pragma once

#include <gio/gio.h>

#include "core/kefu-records.h"

G_BEGIN_DECLS

#define KEFU_STORE_ERROR (kefu_store_error_quark ())

typedef enum
{
  KEFU_STORE_ERROR_FAILED,            /* anything else; the message says what */
  KEFU_STORE_ERROR_NOT_A_DATABASE,    /* the file exists but is not a SQLite database */
  KEFU_STORE_ERROR_READ_ONLY,         /* the file or server refuses writes */
  KEFU_STORE_ERROR_SCHEMA_TOO_NEW,    /* written by a newer Kefu; this build must not touch it */
  KEFU_STORE_ERROR_CONNECTION,        /* server unreachable, refused, or connection lost */
  KEFU_STORE_ERROR_AUTH,              /* server refused the credentials */
  KEFU_STORE_ERROR_STALE_VERSION,     /* optimistic concurrency: someone else changed the row */
  KEFU_STORE_ERROR_NOT_FOUND,         /* no row with that id */
  KEFU_STORE_ERROR_DUPLICATE,         /* a unique rule (e.g. customer phone, staff login) */
  KEFU_STORE_ERROR_INVALID,           /* a value failed validation; the message gives the reason */
  KEFU_STORE_ERROR_BUSY,              /* SQLite stayed locked by another workstation too long */
  KEFU_STORE_ERROR_PERMISSION,        /* the actor's role may not do this */
  KEFU_STORE_ERROR_NO_ACTOR,          /* a write without a current staff member */
  KEFU_STORE_ERROR_MISSING_FILE,      /* KEFU_STORE_OPEN_MUST_EXIST and the file is not there */
  KEFU_STORE_ERROR_OPEN_ELSEWHERE,    /* a shared file is open in WAL mode through a local path */
  KEFU_STORE_ERROR_CLAIMED,           /* another workstation is doing this callback now */
  /* The open database cannot be reached now (the server is down or the connection was lost,
   * the shared folder of a SQLite file is gone): nothing of the operation was written. Callers
   * that must not lose what they write queue it (KefuIntakeQueue); KefuStoreConnection says
   * when the database is back. */
  KEFU_STORE_ERROR_OFFLINE,
} KefuStoreError;

typedef enum
{
  KEFU_STORE_BACKEND_SQLITE,
  KEFU_STORE_BACKEND_POSTGRES,
} KefuStoreBackend;

/* The schema version this build writes and reads. */
#define KEFU_SCHEMA_VERSION kefu_store_schema_version ()

#define KEFU_TYPE_STORE (kefu_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (KefuStore, kefu_store, KEFU, STORE, GObject)

/* The class structure (backend virtual functions) is in kefu-store-private.h. */

GQuark            kefu_store_error_quark      (void);
guint             kefu_store_schema_version   (void);

/* Opening. `location` is a SQLite file path, or a postgres:// / postgresql:// URI
 * (or a libpq "host=… dbname=…" string). A missing SQLite file is created. */
KefuStore        *kefu_store_open             (const char           *location,
                                               GCancellable         *cancellable,
                                               GError              **error);
void              kefu_store_open_async       (const char           *location,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
KefuStore        *kefu_store_open_finish      (GAsyncResult         *result,
                                               GError              **error);
gboolean          kefu_store_location_is_server (const char         *location);

/* How to open: kefu_store_open() is kefu_store_open_full() with KEFU_STORE_OPEN_DEFAULT. */
typedef enum
{
  KEFU_STORE_OPEN_DEFAULT     = 0,
  /* Never change the database: no migration, no journal-mode change. An older or empty schema
   * opens read-only-in-spirit and reports its version (kefuctl check); a newer one is refused. */
  KEFU_STORE_OPEN_NO_MIGRATE  = 1 << 0,
  /* The file is shared by several workstations (Preferences: "shared file"): rollback journal
   * (DELETE) whatever the filesystem looks like, because a host PC opening it by local path in
   * WAL mode would lock out the clients on the share. */
  KEFU_STORE_OPEN_SHARED_FILE = 1 << 1,
  /* Refuse a missing SQLite file instead of creating it (a shared file whose share is not
   * mounted must never be replaced by an empty database). */
  KEFU_STORE_OPEN_MUST_EXIST  = 1 << 2,
} KefuStoreOpenFlags;

KefuStore        *kefu_store_open_full        (const char           *location,
                                               KefuStoreOpenFlags    flags,
                                               GCancellable         *cancellable,
                                               GError              **error);
void              kefu_store_open_full_async  (const char           *location,
                                               KefuStoreOpenFlags    flags,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

KefuStoreBackend  kefu_store_get_backend      (KefuStore            *self);
/* A human description: the file path, or user@host/dbname (never the password). */
const char       *kefu_store_get_description  (KefuStore            *self);
guint             kefu_store_get_schema_version_found (KefuStore    *self);

/* The staff member every write is recorded against (0 = none; writes then fail with NO_ACTOR,
 * except kefuctl's init/demo/generate which act as the built-in system actor). */
void              kefu_store_set_actor        (KefuStore            *self,
                                               gint64                staff_id);
gint64            kefu_store_get_actor        (KefuStore            *self);
void              kefu_store_set_system_actor (KefuStore            *self);

/* Integrity: SQLite quick_check + foreign_key_check, PostgreSQL catalog checks. Returns a list
 * of problems (empty when healthy). */
GStrv             kefu_store_check            (KefuStore            *self,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* TRUE when the store is a SQLite file on a network filesystem (NFS, SMB/CIFS, FUSE: sshfs,
 * gvfs, the Flatpak document portal). Such a file runs with journal_mode=DELETE and
 * synchronous=FULL, never WAL, which does not work over a network filesystem; a local file runs
 * in WAL. Always FALSE for PostgreSQL. */
gboolean          kefu_store_is_on_network_share (KefuStore         *self);

/* Copies a SQLite database to `destination_path` with SQLite's online backup API, a few pages
 * at a time so other workstations are never locked out for long. The copy is written beside
 * its final name, checked with PRAGMA quick_check, then renamed into place. A PostgreSQL store
 * refuses with KEFU_STORE_ERROR_FAILED and a message giving the pg_dump command to use. */
gboolean          kefu_store_backup           (KefuStore            *self,
                                               const char           *destination_path,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* Staff */
GListModel       *kefu_store_list_staff       (KefuStore *self, gboolean active_only,
                                               GCancellable *cancellable, GError **error);
KefuStaff        *kefu_store_get_staff        (KefuStore *self, gint64 id,
                                               GCancellable *cancellable, GError **error);
/* Inserts `staff` (its id and version are set on success, on the calling thread: the UI uses
 * kefu_store_create_staff_async()). */
gboolean          kefu_store_create_staff     (KefuStore *self, KefuStaff *staff,
                                               GCancellable *cancellable, GError **error);
/* Updates where id and version match; bumps the version on success. */
gboolean          kefu_store_update_staff     (KefuStore *self, KefuStaff *staff,
                                               GCancellable *cancellable, GError **error);

/* Departments */
GListModel       *kefu_store_list_departments (KefuStore *self,
                                               GCancellable *cancellable, GError **error);
gboolean          kefu_store_create_department (KefuStore *self, KefuDepartment *department,
                                                GCancellable *cancellable, GError **error);

/* Products */
GListModel       *kefu_store_list_products    (KefuStore *self, gboolean active_only,
                                               GCancellable *cancellable, GError **error);
gboolean          kefu_store_create_product   (KefuStore *self, KefuProduct *product,
                                               GCancellable *cancellable, GError **error);
gboolean          kefu_store_update_product   (KefuStore *self, KefuProduct *product,
                                               GCancellable *cancellable, GError **error);

/* Customers. Phones are normalised by core/kefu-phone before they are stored. */
KefuCustomer     *kefu_store_get_customer     (KefuStore *self, gint64 id,
                                               GCancellable *cancellable, GError **error);
gboolean          kefu_store_create_customer  (KefuStore *self, KefuCustomer *customer,
                                               GCancellable *cancellable, GError **error);
gboolean          kefu_store_update_customer  (KefuStore *self, KefuCustomer *customer,
                                               GCancellable *cancellable, GError **error);
/* `digits` is a full normalised number, or its last 4 or more digits. */
GListModel       *kefu_store_find_customers_by_phone (KefuStore *self, const char *digits,
                                                      guint limit,
                                                      GCancellable *cancellable, GError **error);
gint64            kefu_store_count_customers  (KefuStore *self,
                                               GCancellable *cancellable, GError **error);

/* Settings: shared rules, one text value per key (typed access in core/kefu-settings-keys.h). */
char             *kefu_store_get_setting      (KefuStore *self, const char *key,
                                               GCancellable *cancellable, GError **error);
gboolean          kefu_store_set_setting      (KefuStore *self, const char *key, const char *value,
                                               GCancellable *cancellable, GError **error);

/* Events: the append-only change log, newest first, for one entity ("customers", 42). */
GListModel       *kefu_store_list_events      (KefuStore *self, const char *entity, gint64 entity_id,
                                               GCancellable *cancellable, GError **error);

/* Bulk load for kefuctl generate/demo: inserts many customers in few transactions. */
gboolean          kefu_store_insert_customers_bulk (KefuStore *self, GPtrArray *customers,
                                                    GCancellable *cancellable, GError **error);

/* Asynchronous forms for the UI. Each runs the synchronous function on the store's worker
 * thread; a cancelled call finishes with G_IO_ERROR_CANCELLED, which the UI never shows. */
typedef gpointer (*KefuStoreFunc) (KefuStore     *self,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Runs `func` on the worker thread. Its result (a GObject, or NULL with an error) is returned by
 * kefu_store_run_finish(), transfer full. */
void              kefu_store_run_async        (KefuStore            *self,
                                               KefuStoreFunc         func,
                                               gpointer              data,
                                               GDestroyNotify        data_free,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gpointer          kefu_store_run_finish       (KefuStore            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

void              kefu_store_list_staff_async (KefuStore *self, gboolean active_only,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GListModel       *kefu_store_list_staff_finish (KefuStore *self, GAsyncResult *result,
                                                GError **error);
/* Record writes for the UI. Each takes a snapshot of the record on the calling thread and runs
 * the synchronous write on the worker against it; the caller's record is left alone until the
 * _finish call (made on the calling thread, in the callback), which sets on it what the write
 * changed: id, version, created/updated times, normalised text, phones. On an error (a stale
 * version, a duplicate, G_IO_ERROR_CANCELLED when cancelled before the write committed) the
 * record is unchanged. A write that committed reports success even when cancelled afterwards,
 * so that the record gets its new version. Do not change the record while its write is pending:
 * a field the write changed (say, trimmed text) is set again in _finish. */
void              kefu_store_create_customer_async (KefuStore *self, KefuCustomer *customer,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer user_data);
gboolean          kefu_store_create_customer_finish (KefuStore *self, GAsyncResult *result,
                                                     GError **error);
void              kefu_store_update_customer_async (KefuStore *self, KefuCustomer *customer,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer user_data);
gboolean          kefu_store_update_customer_finish (KefuStore *self, GAsyncResult *result,
                                                     GError **error);
void              kefu_store_create_staff_async (KefuStore *self, KefuStaff *staff,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
gboolean          kefu_store_create_staff_finish (KefuStore *self, GAsyncResult *result,
                                                  GError **error);
void              kefu_store_update_staff_async (KefuStore *self, KefuStaff *staff,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
gboolean          kefu_store_update_staff_finish (KefuStore *self, GAsyncResult *result,
                                                  GError **error);
void              kefu_store_create_product_async (KefuStore *self, KefuProduct *product,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean          kefu_store_create_product_finish (KefuStore *self, GAsyncResult *result,
                                                    GError **error);
void              kefu_store_update_product_async (KefuStore *self, KefuProduct *product,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean          kefu_store_update_product_finish (KefuStore *self, GAsyncResult *result,
                                                    GError **error);
void              kefu_store_create_department_async (KefuStore *self, KefuDepartment *department,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer user_data);
gboolean          kefu_store_create_department_finish (KefuStore *self, GAsyncResult *result,
                                                       GError **error);

void              kefu_store_count_customers_async (KefuStore *self, GCancellable *cancellable,
                                                    GAsyncReadyCallback callback, gpointer user_data);
gint64            kefu_store_count_customers_finish (KefuStore *self, GAsyncResult *result,
                                                     GError **error);

G_END_DECLS

/* The hotline calls and customer-list APIs, in their own headers. */
#include "kefu-store-calls.h"
#include "kefu-store-customer-list.h"
