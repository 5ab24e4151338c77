/* kefu-store-departments.c: departments.
 *
 * Writes follow the pattern of kefu-store-writes.c; this file holds the department columns, SQL
 * and validation.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-text.h"
#include "kefu-store-internal.h"

#define DEPARTMENT_COLUMNS "id, version, created_at, updated_at, name, code, description"

static gpointer
department_from_row (KefuRows *rows,
                     guint     i)
{
  KefuDepartment *department = kefu_department_new ();

  _kefu_store_fill_record (department, rows, i, 0);
  kefu_department_set_name (department, kefu_rows_get_text (rows, i, 4));
  kefu_department_set_code (department, kefu_rows_get_text (rows, i, 5));
  kefu_department_set_description (department, kefu_rows_get_text (rows, i, 6));
  return department;
}

static gboolean
validate_department (KefuDepartment  *department,
                     GError         **error)
{
  return _kefu_store_validate_text (_("Name"), kefu_department_get_name (department),
                                    KEFU_TEXT_MAX_NAME, TRUE, FALSE, error) &&
         _kefu_store_validate_text (_("Code"), kefu_department_get_code (department),
                                    KEFU_TEXT_MAX_CODE, FALSE, FALSE, error) &&
         _kefu_store_validate_text (_("Description"),
                                    kefu_department_get_description (department),
                                    KEFU_TEXT_MAX_DESCRIPTION, FALSE, TRUE, error);
}

GListModel *
kefu_store_list_departments (KefuStore     *self,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return _kefu_store_list_records (self, KEFU_TYPE_DEPARTMENT, department_from_row,
                                   "SELECT " DEPARTMENT_COLUMNS " FROM departments "
                                   "ORDER BY name, id",
                                   NULL, cancellable, error);
}

static gboolean
create_department_txn (KefuStore     *self,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  KefuWriteResult *r = data;
  KefuDepartment *department = r->record;

  return _kefu_store_insert_record (
    self, r, "departments",
    "INSERT INTO departments (name, code, description, version, "
    "created_at, updated_at) VALUES ($1, $2, $3, 1, now(), now()) "
    "RETURNING id, version, created_at, updated_at",
    g_variant_new ("(smsms)", kefu_department_get_name (department),
                   _kefu_store_nullable (kefu_department_get_code (department)),
                   _kefu_store_nullable (kefu_department_get_description (department))),
    _("Another department already has this code. Choose another code."),
    cancellable, error);
}

gboolean
kefu_store_create_department (KefuStore       *self,
                              KefuDepartment  *department,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_DEPARTMENT (department), FALSE);

  return _kefu_store_write_record (self, department,
                                   (KefuRecordValidateFunc) validate_department,
                                   create_department_txn, cancellable, error);
}
