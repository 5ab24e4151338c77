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

#include "core/kefu-text.h"
#include "kefu-store-internal.h"

char *
_kefu_store_normalize_text (const char *text)
{
  char *normalized = kefu_text_normalize (text);

  /* Invalid UTF-8 is kept as it is, for validation to refuse with its reason. */
  return normalized != NULL ? normalized : g_strdup (text);
}

/* Whether `pspec` is one of the record's own fields: readable and writable after construction.
 * Records hold only plain values (numbers, text, times, lists of text), never other objects, so
 * copying these makes an independent record. */
static gboolean
is_record_field (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0;
}

static gpointer
copy_record (gpointer record,
             gboolean normalize)
{
  g_autofree GParamSpec **pspecs = NULL;
  GObject *copy;
  guint n_pspecs;

  copy = g_object_new (G_OBJECT_TYPE (record), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_record_field (pspecs[i]))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (record, pspecs[i]->name, &value);
      if (normalize && pspecs[i]->value_type == G_TYPE_STRING &&
          g_value_get_string (&value) != NULL)
        g_value_take_string (&value, _kefu_store_normalize_text (g_value_get_string (&value)));
      g_object_set_property (copy, pspecs[i]->name, &value);
    }
  return copy;
}

gpointer
_kefu_store_normalized_copy (gpointer record)
{
  g_return_val_if_fail (KEFU_IS_RECORD (record), NULL);

  return copy_record (record, TRUE);
}

gpointer
_kefu_store_record_copy (gpointer record)
{
  g_return_val_if_fail (KEFU_IS_RECORD (record), NULL);

  return copy_record (record, FALSE);
}

/* GParamSpecBoxed compares pointers, so two copies of the same time or list would always
 * differ; those are compared by value here. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      return ta == NULL || tb == NULL ? ta == tb : g_date_time_equal (ta, tb);
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *la = g_value_get_boxed (a);
      const char * const *lb = g_value_get_boxed (b);

      return la == NULL || lb == NULL ? la == lb : g_strv_equal (la, lb);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

void
_kefu_store_record_apply_changes (gpointer record,
                                  gpointer before,
                                  gpointer after)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (KEFU_IS_RECORD (record));
  g_return_if_fail (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (record));
  g_return_if_fail (G_OBJECT_TYPE (after) == G_OBJECT_TYPE (record));

  /* Notifications are held back until every field is set, so that a handler never sees a new
   * version with the old text. */
  g_object_freeze_notify (record);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      if (!is_record_field (pspecs[i]))
        continue;
      g_value_init (&old_value, pspecs[i]->value_type);
      g_value_init (&new_value, pspecs[i]->value_type);
      g_object_get_property (before, pspecs[i]->name, &old_value);
      g_object_get_property (after, pspecs[i]->name, &new_value);
      if (!values_equal (pspecs[i], &old_value, &new_value))
        g_object_set_property (record, pspecs[i]->name, &new_value);
    }
  g_object_thaw_notify (record);
}

/* Gives the normalised text of `r->record` back to `r->original`, after the commit. */
static void
copy_text_back (KefuWriteResult *r)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (r->record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspecs[i]->value_type != G_TYPE_STRING ||
          (pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;
      g_value_init (&value, G_TYPE_STRING);
      g_object_get_property (r->record, pspecs[i]->name, &value);
      g_object_set_property (r->original, pspecs[i]->name, &value);
    }
}

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
  gpointer target = r->original != NULL ? r->original : r->record;

  if (!r->changed)
    return;
  if (r->original != NULL)
    copy_text_back (r);
  kefu_record_set_id (target, r->id);
  kefu_record_set_version (target, r->version);
  if (r->created_at != NULL)
    kefu_record_set_created_at (target, r->created_at);
  if (r->updated_at != NULL)
    kefu_record_set_updated_at (target, r->updated_at);
}

gboolean
_kefu_store_write_record (KefuStore              *self,
                          gpointer                record,
                          KefuRecordValidateFunc  validate,
                          KefuStoreTxnFunc        func,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(GObject) copy = _kefu_store_normalized_copy (record);
  KefuWriteResult r = { .record = copy, .original = record };
  gboolean ok;

  if (!validate (copy, error))
    return FALSE;
  ok = _kefu_store_write (self, func, &r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
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

/* Whole sentences per kind of record, so that translators never see a glued fragment. `what`
 * is the record's table. */
static const char *
not_found_message (const char *what)
{
  if (g_str_equal (what, "customers"))
    return _("This customer no longer exists. Reload the list.");
  if (g_str_equal (what, "staff"))
    return _("This staff member no longer exists. Reload the list.");
  if (g_str_equal (what, "products"))
    return _("This product no longer exists. Reload the list.");
  if (g_str_equal (what, "departments"))
    return _("This department no longer exists. Reload the list.");
  return _("This record no longer exists. Reload the list.");
}

static const char *
stale_message (const char *what)
{
  if (g_str_equal (what, "customers"))
    return _("This customer was changed by someone else since you opened it. Reload it and "
             "make your change again.");
  if (g_str_equal (what, "staff"))
    return _("This staff member was changed by someone else since you opened it. Reload it "
             "and make your change again.");
  if (g_str_equal (what, "products"))
    return _("This product was changed by someone else since you opened it. Reload it and "
             "make your change again.");
  if (g_str_equal (what, "departments"))
    return _("This department was changed by someone else since you opened it. Reload it and "
             "make your change again.");
  return _("This record was changed by someone else since you opened it. Reload it and make "
           "your change again.");
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
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           not_found_message (what));
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
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
                       stale_message (what));
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
