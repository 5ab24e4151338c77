/* kefu-store-writes.c: the steps every record write shares.
 *
 * Writes follow one pattern: validate, then in _kefu_store_write() insert or update with the
 * version check and append the event; the record object is only changed after the commit, so a
 * transaction retried after "busy" starts again from what the caller gave. The entity files
 * (kefu-store-staff.c, kefu-store-departments.c, kefu-store-products.c) keep only what differs:
 * their columns, their SQL, their validation and which fields changed.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-store-internal.h"

void
_kefu_write_result_clear (KefuWriteResult *r)
{
  g_clear_pointer (&r->created_at, g_date_time_unref);
  g_clear_pointer (&r->updated_at, g_date_time_unref);
}

/* Reads "RETURNING id, version, created_at, updated_at" into `r`. */
void
_kefu_write_result_take_row (KefuWriteResult *r,
                             KefuRows        *rows)
{
  r->id = kefu_rows_get_int (rows, 0, 0);
  r->version = kefu_rows_get_int (rows, 0, 1);
  g_clear_pointer (&r->created_at, g_date_time_unref);
  g_clear_pointer (&r->updated_at, g_date_time_unref);
  r->created_at = kefu_rows_get_time (rows, 0, 2);
  r->updated_at = kefu_rows_get_time (rows, 0, 3);
  r->changed = TRUE;
}

void
_kefu_write_result_apply (KefuWriteResult *r)
{
  if (!r->changed)
    return;
  kefu_record_set_id (r->record, r->id);
  kefu_record_set_version (r->record, r->version);
  if (r->created_at != NULL)
    kefu_record_set_created_at (r->record, r->created_at);
  if (r->updated_at != NULL)
    kefu_record_set_updated_at (r->record, r->updated_at);
}

gboolean
_kefu_store_write_record (KefuStore         *self,
                          KefuWriteResult   *r,
                          KefuStoreTxnFunc   func,
                          GCancellable      *cancellable,
                          GError           **error)
{
  gboolean ok;

  ok = _kefu_store_write (self, func, r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (r);
  _kefu_write_result_clear (r);
  return ok;
}

GVariant *
_kefu_store_record_params_end (GVariantBuilder *builder,
                               gpointer         record,
                               gboolean         for_update)
{
  if (for_update)
    {
      g_variant_builder_add (builder, "x", kefu_record_get_id (record));
      g_variant_builder_add (builder, "x", kefu_record_get_version (record));
    }
  return g_variant_builder_end (builder);
}

/* Checks a row read for update: it exists and still has the version the caller read. */
gboolean
_kefu_store_check_version (KefuStore   *self,
                           KefuRows    *current,
                           gint64       version,
                           const char  *what,
                           GError     **error)
{
  if (kefu_rows_get_n_rows (current) == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("%s no longer exists. Reload the list."), what);
      return FALSE;
    }
  if (kefu_rows_get_int (current, 0, 1) != version)
    {
      _kefu_store_set_stale_error (error, what);
      return FALSE;
    }
  return TRUE;
}

void
_kefu_store_set_stale_error (GError    **error,
                             const char *what)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
               _("%s was changed by someone else since you opened it. Reload it and make "
                 "your change again."), what);
}

void
_kefu_store_rename_duplicate (GError    **error,
                              const char *message)
{
  if (error != NULL && g_error_matches (*error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE))
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup (message);
    }
}

void
_kefu_store_note_change (GPtrArray  *changed,
                         const char *field,
                         gboolean    differs)
{
  if (differs)
    g_ptr_array_add (changed, (gpointer) field);
}

GListModel *
_kefu_store_list_records (KefuStore          *self,
                          GType               item_type,
                          KefuRecordFromRow   from_row,
                          const char         *sql,
                          GVariant           *params,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GListStore *list;

  rows = _kefu_store_query (self, sql, params, cancellable, error);
  if (rows == NULL)
    return NULL;

  list = g_list_store_new (item_type);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GObject) record = from_row (rows, i);

      g_list_store_append (list, record);
    }
  return G_LIST_MODEL (list);
}

/* Runs an INSERT or UPDATE … RETURNING; a DUPLICATE error gets `duplicate_message` (when not
 * NULL), which names the rule that was broken. */
static KefuRows *
query_returning (KefuStore     *self,
                 const char    *sql,
                 GVariant      *params,
                 const char    *duplicate_message,
                 GCancellable  *cancellable,
                 GError       **error)
{
  KefuRows *rows = _kefu_store_query (self, sql, params, cancellable, error);

  if (rows == NULL && duplicate_message != NULL)
    _kefu_store_rename_duplicate (error, duplicate_message);
  return rows;
}

gboolean
_kefu_store_insert_record (KefuStore        *self,
                           KefuWriteResult  *r,
                           const char       *entity,
                           const char       *sql,
                           GVariant         *params,
                           const char       *duplicate_message,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = query_returning (self, sql, params, duplicate_message, cancellable, error);
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (r, rows);
  return _kefu_store_add_event (self, entity, r->id, "create", "{}", cancellable, error);
}

KefuRows *
_kefu_store_read_for_update (KefuStore     *self,
                             const char    *sql,
                             KefuRecord    *record,
                             const char    *what,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(KefuRows) current = NULL;

  current = _kefu_store_query (self, sql, g_variant_new ("(x)", kefu_record_get_id (record)),
                               cancellable, error);
  if (current == NULL ||
      !_kefu_store_check_version (self, current, kefu_record_get_version (record), what, error))
    return NULL;
  return g_steal_pointer (&current);
}

gboolean
_kefu_store_update_record (KefuStore        *self,
                           KefuWriteResult  *r,
                           const char       *entity,
                           const char       *sql,
                           GVariant         *params,
                           const char       *what,
                           GPtrArray        *changed,
                           const char       *duplicate_message,
                           GCancellable     *cancellable,
                           GError          **error)
{
  /* Owned here, so that the parameters are freed when nothing changed and no query runs. */
  g_autoptr(GVariant) owned = g_variant_ref_sink (params);
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *details = NULL;

  if (changed->len == 0)
    return TRUE;

  rows = query_returning (self, sql, owned, duplicate_message, cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      /* Changed between our read and our update (possible on PostgreSQL). */
      _kefu_store_set_stale_error (error, what);
      return FALSE;
    }
  _kefu_write_result_take_row (r, rows);

  details = _kefu_json_changed (changed);
  return _kefu_store_add_event (self, entity, kefu_record_get_id (r->record), "update", details,
                                cancellable, error);
}
