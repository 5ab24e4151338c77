/* kefu-store-events.c: the event log, settings, integrity checks, and the small helpers every
 * operation file shares (validation, enum text, JSON text for event details).
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-text.h"
#include "kefu-store-internal.h"

/* Helpers */

gboolean
_kefu_store_validate_text (const char  *label,
                           const char  *value,
                           guint        max_chars,
                           gboolean     required,
                           gboolean     multi_line,
                           GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  gboolean ok;

  if (multi_line)
    ok = kefu_text_validate (value, max_chars, required, label, &text_error);
  else
    ok = kefu_text_validate_line (value, max_chars, required, label, &text_error);
  if (!ok)
    g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, text_error->message);
  return ok;
}

const char *
_kefu_store_nullable (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

const char *
_kefu_store_enum_to_nick (GType type,
                          int   value)
{
  return kefu_enum_to_nick (type, value);
}

int
_kefu_store_enum_from_nick (GType       type,
                            const char *nick,
                            int         fallback)
{
  int value = fallback;

  if (nick != NULL && !kefu_enum_from_nick (type, nick, &value))
    g_debug ("Unknown %s value “%s” in the database", g_type_name (type), nick);
  return value;
}

void
_kefu_json_append_string (GString    *json,
                          const char *value)
{
  g_string_append_c (json, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        case '\b': g_string_append (json, "\\b"); break;
        case '\f': g_string_append (json, "\\f"); break;
        default:
          /* Other control characters must be escaped; UTF-8 above ASCII passes as is. */
          if (c < 0x20)
            g_string_append_printf (json, "\\u%04x", c);
          else
            g_string_append_c (json, (char) c);
        }
    }
  g_string_append_c (json, '"');
}

char *
_kefu_json_changed (GPtrArray *fields)
{
  GString *json = g_string_new ("{\"changed\":[");

  for (guint i = 0; i < fields->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      _kefu_json_append_string (json, g_ptr_array_index (fields, i));
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

void
_kefu_store_fill_record (gpointer  record,
                         KefuRows *rows,
                         guint     row,
                         guint     first_column)
{
  g_autoptr(GDateTime) created_at = kefu_rows_get_time (rows, row, first_column + 2);
  g_autoptr(GDateTime) updated_at = kefu_rows_get_time (rows, row, first_column + 3);

  kefu_record_set_id (record, kefu_rows_get_int (rows, row, first_column));
  kefu_record_set_version (record, kefu_rows_get_int (rows, row, first_column + 1));
  kefu_record_set_created_at (record, created_at);
  kefu_record_set_updated_at (record, updated_at);
}

/* Events */

/**
 * kefu_store_list_events:
 * @entity: the table name of the record, e.g. "customers"
 * @entity_id: the record's id
 *
 * Returns: (transfer full): the record's #KefuEvent list, newest first
 */
GListModel *
kefu_store_list_events (KefuStore     *self,
                        const char    *entity,
                        gint64         entity_id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  return _kefu_store_list_entity_events (self, entity, entity_id, FALSE, cancellable, error);
}

/* One record's events, newest or (a timeline) oldest first, with who made them: through the
 * index on (entity, entity_id, id); event ids grow with time in one database, so they order
 * events that share a time. */
GListModel *
_kefu_store_list_entity_events (KefuStore     *self,
                                const char    *entity,
                                gint64         entity_id,
                                gboolean       oldest_first,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  /* On PostgreSQL only managers may read the events table; everyone else reads a record's
   * events through kefu_record_events () (schema step 7), which checks that the session may see
   * the record. */
#define ENTITY_EVENTS(source) \
  "SELECT events.id, events.created_at, events.staff_id, staff.name, " \
  "events.entity, events.entity_id, events.action, events.details " \
  "FROM " source " LEFT JOIN staff ON staff.id = events.staff_id " \
  "WHERE events.entity = $1 AND events.entity_id = $2 "
  if (kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE)
    rows = _kefu_store_query (self,
                              oldest_first ? ENTITY_EVENTS ("events") "ORDER BY events.id"
                                           : ENTITY_EVENTS ("events") "ORDER BY events.id DESC",
                              g_variant_new ("(sx)", entity, entity_id), cancellable, error);
  else
    rows = _kefu_store_query (self,
                              oldest_first
                              ? ENTITY_EVENTS ("kefu_record_events ($1, $2) AS events")
                                "ORDER BY events.id"
                              : ENTITY_EVENTS ("kefu_record_events ($1, $2) AS events")
                                "ORDER BY events.id DESC",
                              g_variant_new ("(sx)", entity, entity_id), cancellable, error);
#undef ENTITY_EVENTS
  if (rows == NULL)
    return NULL;

  return _kefu_store_events_from_rows (rows);
}

/* The events of a query whose columns are id, created_at, staff_id, staff name, entity,
 * entity_id, action, details (the timelines', the history's and the audit's). */
GListModel *
_kefu_store_events_from_rows (KefuRows *rows)
{
  GListStore *events = g_list_store_new (KEFU_TYPE_EVENT);

  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GDateTime) created_at = kefu_rows_get_time (rows, i, 1);
      g_autoptr(KefuEvent) event = kefu_event_new (kefu_rows_get_int (rows, i, 0),
                                                   created_at,
                                                   kefu_rows_get_int (rows, i, 2),
                                                   kefu_rows_get_text (rows, i, 3),
                                                   kefu_rows_get_text (rows, i, 4),
                                                   kefu_rows_get_int (rows, i, 5),
                                                   kefu_rows_get_text (rows, i, 6),
                                                   kefu_rows_get_text (rows, i, 7));
      g_list_store_append (events, event);
    }
  return G_LIST_MODEL (events);
}

/* Settings */

/**
 * kefu_store_get_setting:
 * @key: the setting's key (see core/kefu-settings-keys.h)
 *
 * Returns: (transfer full) (nullable): the value, or %NULL without an error when the key was
 *   never set (the caller then uses its default)
 */
char *
kefu_store_get_setting (KefuStore     *self,
                        const char    *key,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  rows = _kefu_store_query (self, "SELECT value FROM settings WHERE key = $1",
                            g_variant_new ("(s)", key), cancellable, error);
  if (rows == NULL || kefu_rows_get_n_rows (rows) == 0)
    return NULL;
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

typedef struct
{
  const char *key;
  const char *value;
} SetSetting;

static gboolean
set_setting_txn (KefuStore     *self,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SetSetting *s = data;
  g_autoptr(KefuRows) old = NULL;
  GString *details;
  g_autofree char *json = NULL;

  old = _kefu_store_query (self, "SELECT value FROM settings WHERE key = $1",
                           g_variant_new ("(s)", s->key), cancellable, error);
  if (old == NULL)
    return FALSE;
  /* Setting the same value again changes nothing and logs nothing. */
  if (kefu_rows_get_n_rows (old) == 1 && g_strcmp0 (kefu_rows_get_text (old, 0, 0), s->value) == 0)
    return TRUE;

  if (_kefu_store_execute (self,
                           "INSERT INTO settings (key, value, version, created_at, updated_at, "
                           "updated_by) VALUES ($1, $2, 1, now(), now(), $3) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                           "version = settings.version + 1, updated_at = now(), "
                           "updated_by = excluded.updated_by",
                           g_variant_new ("(ssx)", s->key, s->value,
                                          _kefu_store_get_txn_actor (self)),
                           cancellable, error) < 0)
    return FALSE;

  details = g_string_new ("{\"key\":");
  _kefu_json_append_string (details, s->key);
  g_string_append (details, ",\"value\":");
  _kefu_json_append_string (details, s->value);
  g_string_append_c (details, '}');
  json = g_string_free (details, FALSE);

  /* Settings have text keys; their events carry entity_id 0 and the key in the details. */
  return _kefu_store_add_event (self, "settings", 0, "set", json, cancellable, error);
}

gboolean
kefu_store_set_setting (KefuStore     *self,
                        const char    *key,
                        const char    *value,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *stored_key = NULL;
  g_autofree char *stored_value = NULL;
  SetSetting s;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  /* Validate and store the text in its stored form. */
  stored_key = _kefu_store_normalize_text (key);
  stored_value = _kefu_store_normalize_text (value);
  key = stored_key;
  value = stored_value;
  s = (SetSetting) { key, value };

  if (!_kefu_store_validate_text (_("Setting name"), key, KEFU_STORE_MAX_SETTING_KEY, TRUE,
                                  FALSE, error) ||
      !_kefu_store_validate_text (_("Setting value"), value, KEFU_STORE_MAX_SETTING_VALUE,
                                  FALSE, TRUE, error))
    return FALSE;

  return _kefu_store_write (self, set_setting_txn, &s, cancellable, error);
}

/* Integrity */

/**
 * kefu_store_check:
 *
 * Runs the backend's integrity checks and Kefu's own consistency checks.
 *
 * Returns: (transfer full): the problems found, an empty list when the database is healthy;
 *   %NULL with @error when the checks could not run
 */
GStrv
kefu_store_check (KefuStore     *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KefuRows) version = NULL;
  g_autoptr(KefuRows) phones = NULL;
  g_autoptr(KefuRows) system = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  if (!_kefu_store_check_backend (self, problems, cancellable, error))
    return NULL;

  version = _kefu_store_query (self, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                               NULL, cancellable, error);
  if (version == NULL)
    return NULL;
  if (kefu_rows_get_int (version, 0, 0) != (gint64) kefu_store_schema_version ())
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The schema version is %s, expected %u."),
                                      kefu_rows_get_text (version, 0, 0),
                                      kefu_store_schema_version ()));

  system = _kefu_store_query (self, "SELECT COUNT(*) FROM staff WHERE login = 'system'",
                              NULL, cancellable, error);
  if (system == NULL)
    return NULL;
  if (kefu_rows_get_int (system, 0, 0) != 1)
    g_ptr_array_add (problems, g_strdup (_("The built-in “system” staff member is missing.")));

  /* Each customer's primary phone must be one of its numbers in customer_phones, or lookups by
   * phone would miss the customer. */
  phones = _kefu_store_query (self,
                              "SELECT COUNT(*) FROM customers WHERE phone IS NOT NULL AND "
                              "NOT EXISTS (SELECT 1 FROM customer_phones WHERE "
                              "customer_phones.customer_id = customers.id AND "
                              "customer_phones.phone = customers.phone)",
                              NULL, cancellable, error);
  if (phones == NULL)
    return NULL;
  if (kefu_rows_get_int (phones, 0, 0) > 0)
    {
      gint64 n = kefu_rows_get_int (phones, 0, 0);

      g_ptr_array_add (problems,
                       /* %lld rather than G_GINT64_FORMAT: xgettext cannot expand macros. */
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%lld customer has a primary phone number "
                                                     "that is not in customer_phones.",
                                                     "%lld customers have a primary phone number "
                                                     "that is not in customer_phones.",
                                                     (gulong) n),
                                        (long long) n));
    }

  g_ptr_array_add (problems, NULL);
  return (GStrv) g_ptr_array_steal (problems, NULL);
}
