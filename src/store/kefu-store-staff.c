/* kefu-store-staff.c: staff members.
 *
 * Writes follow the pattern of kefu-store-writes.c; this file holds the staff columns, SQL,
 * validation and the list of changed fields.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-text.h"
#include "kefu-store-internal.h"

#define STAFF_COLUMNS \
  "id, version, created_at, updated_at, name, login, role, department_id, active"
#define STAFF_BY_ID "SELECT " STAFF_COLUMNS " FROM staff WHERE id = $1"

#define DUPLICATE_LOGIN \
  _("This login is already used by another staff member. Choose another login.")

static gpointer
staff_from_row (KefuRows *rows,
                guint     i)
{
  KefuStaff *staff = kefu_staff_new ();

  _kefu_store_fill_record (staff, rows, i, 0);
  kefu_staff_set_name (staff, kefu_rows_get_text (rows, i, 4));
  kefu_staff_set_login (staff, kefu_rows_get_text (rows, i, 5));
  kefu_staff_set_role (staff, _kefu_store_enum_from_nick (KEFU_TYPE_ROLE,
                                                          kefu_rows_get_text (rows, i, 6),
                                                          KEFU_ROLE_CLERK));
  kefu_staff_set_department_id (staff, kefu_rows_get_int (rows, i, 7));
  kefu_staff_set_active (staff, kefu_rows_get_bool (rows, i, 8));
  return staff;
}

static gboolean
validate_staff (KefuStaff  *staff,
                GError    **error)
{
  const char *login = kefu_staff_get_login (staff);

  if (!_kefu_store_validate_text (_("Name"), kefu_staff_get_name (staff),
                                  KEFU_TEXT_MAX_NAME, TRUE, FALSE, error) ||
      !_kefu_store_validate_text (_("Login"), login, KEFU_TEXT_MAX_LOGIN, TRUE, FALSE, error))
    return FALSE;

  for (const char *p = login; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                     _("The login “%s” contains a space. Use letters, digits, dots or dashes."),
                     login);
        return FALSE;
      }
  if (_kefu_store_enum_to_nick (KEFU_TYPE_ROLE, kefu_staff_get_role (staff)) == NULL)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("The role is not one Kefu knows. Choose a role from the list."));
      return FALSE;
    }
  return TRUE;
}

GListModel *
kefu_store_list_staff (KefuStore     *self,
                       gboolean       active_only,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return _kefu_store_list_records (self, KEFU_TYPE_STAFF, staff_from_row,
                                   "SELECT " STAFF_COLUMNS " FROM staff "
                                   "WHERE active = TRUE OR $1 = FALSE ORDER BY name, id",
                                   g_variant_new ("(b)", active_only), cancellable, error);
}

KefuStaff *
kefu_store_get_staff (KefuStore     *self,
                      gint64         id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  rows = _kefu_store_query (self, STAFF_BY_ID, g_variant_new ("(x)", id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with number %lld."), (long long) id);
      return NULL;
    }
  return staff_from_row (rows, 0);
}

/* $1…$5 are the columns; an UPDATE adds the id as $6 and the version read as $7. */
static GVariant *
staff_params (KefuStaff *staff,
              gboolean   for_update)
{
  gint64 department_id = kefu_staff_get_department_id (staff);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  g_variant_builder_add (&builder, "s", kefu_staff_get_name (staff));
  g_variant_builder_add (&builder, "s", kefu_staff_get_login (staff));
  g_variant_builder_add (&builder, "s", _kefu_store_enum_to_nick (KEFU_TYPE_ROLE,
                                                                  kefu_staff_get_role (staff)));
  g_variant_builder_add (&builder, "mx", department_id > 0, department_id);
  g_variant_builder_add (&builder, "b", kefu_staff_get_active (staff));
  return _kefu_store_record_params_end (&builder, staff, for_update);
}

static gboolean
create_staff_txn (KefuStore     *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  KefuWriteResult *r = data;

  return _kefu_store_insert_record (self, r, "staff",
                                    "INSERT INTO staff (name, login, role, department_id, "
                                    "active, version, created_at, updated_at) "
                                    "VALUES ($1, $2, $3, $4, $5, 1, now(), now()) "
                                    "RETURNING id, version, created_at, updated_at",
                                    staff_params (r->record, FALSE), DUPLICATE_LOGIN,
                                    cancellable, error);
}

gboolean
kefu_store_create_staff (KefuStore     *self,
                         KefuStaff     *staff,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_STAFF (staff), FALSE);

  return _kefu_store_write_record (self, staff, (KefuRecordValidateFunc) validate_staff,
                                   create_staff_txn, cancellable, error);
}

static gboolean
update_staff_txn (KefuStore     *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  KefuWriteResult *r = data;
  KefuStaff *staff = r->record;
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuStaff) old = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  current = _kefu_store_read_for_update (self, STAFF_BY_ID, r->record, "staff",
                                         cancellable, error);
  if (current == NULL)
    return FALSE;

  old = staff_from_row (current, 0);
  _kefu_store_note_change (changed, "name",
                           g_strcmp0 (kefu_staff_get_name (old), kefu_staff_get_name (staff)) != 0);
  _kefu_store_note_change (changed, "login",
                           g_strcmp0 (kefu_staff_get_login (old),
                                      kefu_staff_get_login (staff)) != 0);
  _kefu_store_note_change (changed, "role",
                           kefu_staff_get_role (old) != kefu_staff_get_role (staff));
  _kefu_store_note_change (changed, "department_id",
                           kefu_staff_get_department_id (old) !=
                           kefu_staff_get_department_id (staff));
  _kefu_store_note_change (changed, "active",
                           !kefu_staff_get_active (old) != !kefu_staff_get_active (staff));

  return _kefu_store_update_record (self, r, "staff",
                                    "UPDATE staff SET name = $1, login = $2, role = $3, "
                                    "department_id = $4, active = $5, version = version + 1, "
                                    "updated_at = now() WHERE id = $6 AND version = $7 "
                                    "RETURNING id, version, created_at, updated_at",
                                    staff_params (staff, TRUE), "staff", changed,
                                    DUPLICATE_LOGIN, cancellable, error);
}

gboolean
kefu_store_update_staff (KefuStore     *self,
                         KefuStaff     *staff,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_STAFF (staff), FALSE);

  return _kefu_store_write_record (self, staff, (KefuRecordValidateFunc) validate_staff,
                                   update_staff_txn, cancellable, error);
}
