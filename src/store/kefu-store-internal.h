/* kefu-store-internal.h: helpers shared by the store's own operation files (kefu-store-*.c).
 *
 * Backends do not need these; they implement kefu-store-private.h.
 */
#pragma once

#include "kefu-store-private.h"
#include "kefu-schema.h"
#include "kefu-store-archive.h"

G_BEGIN_DECLS

/* Field limits are core's (core/kefu-text.h), so forms, kefuctl and the store agree. Settings
 * values hold lists (service areas, holidays) and may be long; a customer has few numbers. */
#define KEFU_STORE_MAX_SETTING_KEY       100
#define KEFU_STORE_MAX_SETTING_VALUE  100000
#define KEFU_STORE_MAX_PHONES             10

/* Validates with core's rules (kefu_text_validate_line() for one-line fields, kefu_text_validate()
 * when `multi_line`) and turns a failure into KEFU_STORE_ERROR_INVALID with core's reason, which
 * names the field by `label` (translated). */
gboolean      _kefu_store_validate_text   (const char  *label,
                                           const char  *value,
                                           guint        max_chars,
                                           gboolean     required,
                                           gboolean     multi_line,
                                           GError     **error);

/* NULL for an empty string, so that optional text is stored as SQL NULL. */
const char   *_kefu_store_nullable        (const char  *value);

/* One record's events (KefuEvent), newest first, or oldest first for a timeline
 * (kefu-store-events.c). */
GListModel   *_kefu_store_list_entity_events (KefuStore    *self,
                                              const char   *entity,
                                              gint64        entity_id,
                                              gboolean      oldest_first,
                                              GCancellable *cancellable,
                                              GError      **error);

/* Enum values as readable text (the GEnum nick) and back. */
const char   *_kefu_store_enum_to_nick    (GType        type,
                                           int          value);
int           _kefu_store_enum_from_nick  (GType        type,
                                           const char  *nick,
                                           int          fallback);

/* JSON text for event details, built without a JSON library. */
void          _kefu_json_append_string    (GString     *json,
                                           const char  *value);
/* {"changed":["a","b"]} from a NULL-terminated list of field names. */
char         *_kefu_json_changed          (GPtrArray   *fields);

/* Sets the record's common columns from a row: id, version, created_at, updated_at at the given
 * column positions. */
void          _kefu_store_fill_record     (gpointer     record,
                                           KefuRows    *rows,
                                           guint        row,
                                           guint        first_column);

/* Sets what messages name the database by, unless the backend has described it already
 * (kefu_store_open_full () for a server, with the user, host and database of its conninfo). */
void          _kefu_store_set_default_description (KefuStore  *self,
                                                   const char *description);

/* Runs the backend's integrity checks (KefuStoreClass.check) under the connection lock. */
gboolean      _kefu_store_check_backend   (KefuStore   *self,
                                           GPtrArray   *problems,
                                           GCancellable *cancellable,
                                           GError     **error);

/* Takes and releases the connection lock, for code that uses the backend's connection
 * directly between queries (the SQLite backup, a few pages at a time). */
void          _kefu_store_lock            (KefuStore   *self);
void          _kefu_store_unlock          (KefuStore   *self);

/* The time a write records (UTC): the store's clock when kefu_store_set_clock () set one (demo
 * data, generators and tests), else the real time. Every write that stamps a time a user reads
 * back (a complaint's steps, the events) takes it from here rather than from now() in SQL or
 * g_date_time_new_now_utc (), so that the steps and their events agree. */
GDateTime    *_kefu_store_now             (KefuStore   *self);
/* _kefu_store_now () as the database stores it (kefu_time_to_db ()). */
char         *_kefu_store_now_text        (KefuStore   *self);

/* The SQL condition that keeps a working list to records that are not archived (`archived`
 * FALSE), or to archived ones only (TRUE), on the table's own name (kefu-store-archive.c). */
const char   *_kefu_store_archive_condition (KefuArchiveKind kind,
                                             gboolean        archived);

/* The staff id writes are recorded against in the running write transaction. */
gint64        _kefu_store_get_txn_actor   (KefuStore   *self);
/* Inside a write transaction: the acting staff member's role for after-sales work on a
 * shipment or a service job (`kind`: KEFU_HISTORY_KIND_SHIPMENT or _SERVICE_JOB, for what the
 * refusal names); NO_ACTOR when nobody is signed in, PERMISSION for staff who have left
 * (kefu-store-shipments-create.c). */
gboolean      _kefu_store_aftersales_actor_role (KefuStore        *self,
                                                 KefuHistoryKind   kind,
                                                 KefuRole         *role,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

/* The worker thread, around a job: the writes of the calling thread are recorded against
 * `actor` (the actor when the job was queued) instead of the store's current actor. */
void          _kefu_store_set_session_staff (KefuStore *self,
                                             gint64     staff_id);
gint64        _kefu_store_get_session_staff (KefuStore *self);
gboolean      _kefu_store_session_may_supervise (KefuStore     *self,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean      _kefu_store_load_session    (KefuStore     *self,
                                           GCancellable  *cancellable,
                                           GError       **error);

void          _kefu_store_push_job_actor  (KefuStore       *self,
                                           gint64           actor);
void          _kefu_store_pop_job_actor   (KefuStore       *self);

/* Runs `func` on the store's single worker thread, with the actor of the moment it was queued
 * (kefu-store-async.c). */
void          _kefu_store_run_in_worker   (KefuStore       *self,
                                           GTask           *task,
                                           GTaskThreadFunc  func);

/* What a write gives back to the record once the transaction has committed (the record itself
 * is only changed then, so that a transaction retried after "busy" starts from what the caller
 * gave). The helpers below are in kefu-store-writes.c. An entity whose write needs more data
 * (customers: the normalised phone numbers) puts a KefuWriteResult first in its own struct, so
 * that the transaction function receives that struct through _kefu_store_write_record(). */
typedef struct
{
  gpointer    record;
  /* When not NULL, `record` is the normalised copy of it (_kefu_store_normalized_copy()) that
   * the write validates and binds; after the commit its text goes back to `original` too. */
  gpointer    original;
  gint64      id;
  gint64      version;
  GDateTime  *created_at;
  GDateTime  *updated_at;
  gboolean    changed;
} KefuWriteResult;

void          _kefu_write_result_clear    (KefuWriteResult *r);
/* A copy of `record` (transfer full) with every text property in the form it is stored in:
 * kefu_text_normalize() (trimmed of white space including U+3000, "\r\n" as "\n", NFC).
 * Writes validate and bind the copy, so that what is checked is exactly what is stored. */
gpointer      _kefu_store_normalized_copy (gpointer         record);
/* The same for loose text (settings); a copy of `text` when it is not valid UTF-8. */
char         *_kefu_store_normalize_text  (const char      *text);
/* A plain copy of `record` (transfer full): every field as it is, nothing normalised. The
 * _async writes run on such a snapshot, taken on the calling thread, so that the worker thread
 * never touches the caller's record. */
gpointer      _kefu_store_record_copy     (gpointer         record);
/* Sets on `record` every field whose value differs between `before` (a snapshot of it) and
 * `after` (the same snapshot once a write has changed it): id, version, times, normalised text,
 * phones. Notifications are emitted together at the end, on the calling thread. */
void          _kefu_store_record_apply_changes (gpointer    record,
                                                gpointer    before,
                                                gpointer    after);
/* Reads "RETURNING id, version, created_at, updated_at". */
void          _kefu_write_result_take_row (KefuWriteResult *r,
                                           KefuRows        *rows);
void          _kefu_write_result_apply    (KefuWriteResult *r);

/* Checks a record's fields before it is written; FALSE with KEFU_STORE_ERROR_INVALID. */
typedef gboolean (*KefuRecordValidateFunc) (gpointer record, GError **error);

/* Every record write: validates a normalised copy of `record` (so that what is checked is
 * exactly what is stored), runs `func` in _kefu_store_write() with a KefuWriteResult for that
 * copy as its data, and after a commit gives `record` its id, version, times and stored text. */
gboolean      _kefu_store_write_record    (KefuStore              *self,
                                           gpointer                record,
                                           KefuRecordValidateFunc  validate,
                                           KefuStoreTxnFunc        func,
                                           GCancellable           *cancellable,
                                           GError                **error);

/* Ends the parameters of a record's INSERT or UPDATE: an UPDATE (`for_update`) adds the
 * record's id and the version it was read at, for "WHERE id = $n AND version = $n+1". */
GVariant     *_kefu_store_record_params_end (GVariantBuilder *builder,
                                             gpointer         record,
                                             gboolean         for_update);

/* Checks a row read for update (columns id, version, …): NOT_FOUND when there is none,
 * STALE_VERSION when its version is not `version`. `what` is the record's table ("customers",
 * "staff", "products", "departments"), which picks the message (whole translated sentences). */
gboolean      _kefu_store_check_version   (KefuStore   *self,
                                           KefuRows    *current,
                                           gint64       version,
                                           const char  *what,
                                           GError     **error);
void          _kefu_store_set_stale_error (GError    **error,
                                           const char *what);
/* Replaces the message of a DUPLICATE error with one that says which rule was broken. */
void          _kefu_store_rename_duplicate (GError    **error,
                                            const char *message);
/* Adds `field` to `changed` when `differs`. */
void          _kefu_store_note_change     (GPtrArray   *changed,
                                           const char  *field,
                                           gboolean     differs);

/* Builds a new record (transfer full) from row `row` of `rows`. */
typedef gpointer (*KefuRecordFromRow) (KefuRows *rows,
                                       guint     row);

/* Runs `sql` and returns a GListStore of `item_type` with one record per row. */
GListModel   *_kefu_store_list_records    (KefuStore          *self,
                                           GType               item_type,
                                           KefuRecordFromRow   from_row,
                                           const char         *sql,
                                           GVariant           *params,
                                           GCancellable       *cancellable,
                                           GError            **error);

/* Inside a write transaction: runs an INSERT … RETURNING id, version, created_at, updated_at,
 * keeps its row in `r` and appends the "create" event for `entity`. A DUPLICATE error gets
 * `duplicate_message` (when not NULL), which names the rule that was broken. */
gboolean      _kefu_store_insert_record   (KefuStore        *self,
                                           KefuWriteResult  *r,
                                           const char       *entity,
                                           const char       *sql,
                                           GVariant         *params,
                                           const char       *duplicate_message,
                                           GCancellable     *cancellable,
                                           GError          **error);

/* Inside a write transaction: reads `record`'s row with `sql` (its one parameter $1 is the id)
 * and checks that it still has the record's version (see _kefu_store_check_version()). Returns
 * the row, or NULL with `error` set. */
KefuRows     *_kefu_store_read_for_update (KefuStore     *self,
                                           const char    *sql,
                                           KefuRecord    *record,
                                           const char    *what,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Inside a write transaction, after _kefu_store_read_for_update(): does nothing when `changed`
 * (field names) is empty; otherwise runs `sql`, an
 *   UPDATE … SET …, version = version + 1, updated_at = now()
 *   WHERE id = $n AND version = $m RETURNING id, version, created_at, updated_at
 * with `params` (floating or not; consumed), keeps its row in `r` and appends the "update" event
 * for `entity` with the changed fields as details. No row means the record changed since it was
 * read: STALE_VERSION, with `what` the record's table (as for _kefu_store_check_version()).
 * A DUPLICATE error gets `duplicate_message` (when not NULL). */
gboolean      _kefu_store_update_record   (KefuStore        *self,
                                           KefuWriteResult  *r,
                                           const char       *entity,
                                           const char       *sql,
                                           GVariant         *params,
                                           const char       *what,
                                           GPtrArray        *changed,
                                           const char       *duplicate_message,
                                           GCancellable     *cancellable,
                                           GError          **error);

/* Customers, shared by kefu-store-customers.c and kefu-store-customers-bulk.c. */
/* The customer's numbers, normalised, without repeats, in the given order; NULL with an error. */
GStrv         _kefu_store_customer_normalize_phones (KefuCustomer  *customer,
                                                     GError       **error);
gboolean      _kefu_store_customer_validate         (KefuCustomer  *customer,
                                                     GError       **error);
/* The channel as stored: its nick, or NULL for "unspecified". */
const char   *_kefu_store_customer_channel_nick     (KefuCustomer  *customer);
/* Inside a write transaction: inserts `customer`, a normalised copy (_kefu_store_normalized_copy())
 * that the caller has validated with _kefu_store_customer_validate(), with its phone numbers
 * (normalised here and set back on `customer`), its name grams and the "create" event. `r`
 * receives the new row (id, version, times) as for _kefu_write_result_take_row(); its record
 * fields are not used. A customer created with an assigned clerk gets the assigned time now.
 * A number that another customer has already fails with KEFU_STORE_ERROR_DUPLICATE. */
gboolean      _kefu_store_customer_insert_txn       (KefuStore        *self,
                                                     KefuCustomer     *customer,
                                                     KefuWriteResult  *r,
                                                     GCancellable     *cancellable,
                                                     GError          **error);

G_END_DECLS
