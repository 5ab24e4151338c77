/* kefu-store-staff.c: staff, departments and products.
 *
 * Writes follow one pattern: validate, then in _kefu_store_write() insert or update with the
 * version check and append the event; the record object is only changed after the commit, so a
 * transaction retried after "busy" starts again from what the caller gave.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-text.h"
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

/* Staff */

#define STAFF_COLUMNS "id, version, created_at, updated_at, name, login, role, department_id, active"

static KefuStaff *
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
  g_autoptr(KefuRows) rows = NULL;
  GListStore *list;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  rows = _kefu_store_query (self,
                            "SELECT " STAFF_COLUMNS " FROM staff "
                            "WHERE active = TRUE OR $1 = FALSE ORDER BY name, id",
                            g_variant_new ("(b)", active_only), cancellable, error);
  if (rows == NULL)
    return NULL;

  list = g_list_store_new (KEFU_TYPE_STAFF);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(KefuStaff) staff = staff_from_row (rows, i);
      g_list_store_append (list, staff);
    }
  return G_LIST_MODEL (list);
}

KefuStaff *
kefu_store_get_staff (KefuStore     *self,
                      gint64         id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  rows = _kefu_store_query (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = $1",
                            g_variant_new ("(x)", id), cancellable, error);
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
  if (for_update)
    {
      g_variant_builder_add (&builder, "x", kefu_record_get_id (KEFU_RECORD (staff)));
      g_variant_builder_add (&builder, "x", kefu_record_get_version (KEFU_RECORD (staff)));
    }
  return g_variant_builder_end (&builder);
}

static gboolean
create_staff_txn (KefuStore     *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  KefuWriteResult *r = data;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "INSERT INTO staff (name, login, role, department_id, active, "
                            "version, created_at, updated_at) "
                            "VALUES ($1, $2, $3, $4, $5, 1, now(), now()) "
                            "RETURNING id, version, created_at, updated_at",
                            staff_params (r->record, FALSE), cancellable, error);
  if (rows == NULL)
    {
      _kefu_store_rename_duplicate (error, _("This login is already used by another staff member. "
                                 "Choose another login."));
      return FALSE;
    }
  _kefu_write_result_take_row (r, rows);
  return _kefu_store_add_event (self, "staff", r->id, "create", "{}", cancellable, error);
}

gboolean
kefu_store_create_staff (KefuStore     *self,
                         KefuStaff     *staff,
                         GCancellable  *cancellable,
                         GError       **error)
{
  KefuWriteResult r = { .record = staff };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_STAFF (staff), FALSE);

  if (!validate_staff (staff, error))
    return FALSE;
  ok = _kefu_store_write (self, create_staff_txn, &r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  return ok;
}

static gboolean
update_staff_txn (KefuStore     *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  KefuWriteResult *r = data;
  KefuStaff *staff = r->record;
  gint64 id = kefu_record_get_id (r->record);
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuStaff) old = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *details = NULL;

  current = _kefu_store_query (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = $1",
                               g_variant_new ("(x)", id), cancellable, error);
  if (current == NULL ||
      !_kefu_store_check_version (self, current, kefu_record_get_version (r->record),
                                  _("This staff member"), error))
    return FALSE;

  old = staff_from_row (current, 0);
  _kefu_store_note_change (changed, "name", g_strcmp0 (kefu_staff_get_name (old), kefu_staff_get_name (staff)) != 0);
  _kefu_store_note_change (changed, "login", g_strcmp0 (kefu_staff_get_login (old), kefu_staff_get_login (staff)) != 0);
  _kefu_store_note_change (changed, "role", kefu_staff_get_role (old) != kefu_staff_get_role (staff));
  _kefu_store_note_change (changed, "department_id",
               kefu_staff_get_department_id (old) != kefu_staff_get_department_id (staff));
  _kefu_store_note_change (changed, "active", !kefu_staff_get_active (old) != !kefu_staff_get_active (staff));
  if (changed->len == 0)
    return TRUE;

  rows = _kefu_store_query (self,
                            "UPDATE staff SET name = $1, login = $2, role = $3, "
                            "department_id = $4, active = $5, version = version + 1, "
                            "updated_at = now() WHERE id = $6 AND version = $7 "
                            "RETURNING id, version, created_at, updated_at",
                            staff_params (staff, TRUE),
                            cancellable, error);
  if (rows == NULL)
    {
      _kefu_store_rename_duplicate (error, _("This login is already used by another staff member. "
                                 "Choose another login."));
      return FALSE;
    }
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      /* Changed between our read and our update (possible on PostgreSQL). */
      _kefu_store_set_stale_error (error, _("This staff member"));
      return FALSE;
    }
  _kefu_write_result_take_row (r, rows);

  details = _kefu_json_changed (changed);
  return _kefu_store_add_event (self, "staff", id, "update", details, cancellable, error);
}

gboolean
kefu_store_update_staff (KefuStore     *self,
                         KefuStaff     *staff,
                         GCancellable  *cancellable,
                         GError       **error)
{
  KefuWriteResult r = { .record = staff };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_STAFF (staff), FALSE);

  if (!validate_staff (staff, error))
    return FALSE;
  ok = _kefu_store_write (self, update_staff_txn, &r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  return ok;
}

/* Departments */

#define DEPARTMENT_COLUMNS "id, version, created_at, updated_at, name, code, description"

GListModel *
kefu_store_list_departments (KefuStore     *self,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GListStore *list;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  rows = _kefu_store_query (self, "SELECT " DEPARTMENT_COLUMNS " FROM departments ORDER BY name, id",
                            NULL, cancellable, error);
  if (rows == NULL)
    return NULL;

  list = g_list_store_new (KEFU_TYPE_DEPARTMENT);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(KefuDepartment) department = kefu_department_new ();

      _kefu_store_fill_record (department, rows, i, 0);
      kefu_department_set_name (department, kefu_rows_get_text (rows, i, 4));
      kefu_department_set_code (department, kefu_rows_get_text (rows, i, 5));
      kefu_department_set_description (department, kefu_rows_get_text (rows, i, 6));
      g_list_store_append (list, department);
    }
  return G_LIST_MODEL (list);
}

static gboolean
create_department_txn (KefuStore     *self,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  KefuWriteResult *r = data;
  KefuDepartment *department = r->record;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "INSERT INTO departments (name, code, description, version, "
                            "created_at, updated_at) VALUES ($1, $2, $3, 1, now(), now()) "
                            "RETURNING id, version, created_at, updated_at",
                            g_variant_new ("(smsms)", kefu_department_get_name (department),
                                           _kefu_store_nullable (kefu_department_get_code (department)),
                                           _kefu_store_nullable (kefu_department_get_description (department))),
                            cancellable, error);
  if (rows == NULL)
    {
      _kefu_store_rename_duplicate (error, _("Another department already has this code. Choose another code."));
      return FALSE;
    }
  _kefu_write_result_take_row (r, rows);
  return _kefu_store_add_event (self, "departments", r->id, "create", "{}", cancellable, error);
}

gboolean
kefu_store_create_department (KefuStore       *self,
                              KefuDepartment  *department,
                              GCancellable    *cancellable,
                              GError         **error)
{
  KefuWriteResult r = { .record = department };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_DEPARTMENT (department), FALSE);

  if (!_kefu_store_validate_text (_("Name"), kefu_department_get_name (department),
                                  KEFU_TEXT_MAX_NAME, TRUE, FALSE, error) ||
      !_kefu_store_validate_text (_("Code"), kefu_department_get_code (department),
                                  KEFU_TEXT_MAX_CODE, FALSE, FALSE, error) ||
      !_kefu_store_validate_text (_("Description"),
                                  kefu_department_get_description (department),
                                  KEFU_TEXT_MAX_DESCRIPTION, FALSE, TRUE, error))
    return FALSE;

  ok = _kefu_store_write (self, create_department_txn, &r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  return ok;
}

/* Products */

#define PRODUCT_COLUMNS \
  "id, version, created_at, updated_at, name, spec, unit_price_fen, warranty_months, active"

static KefuProduct *
product_from_row (KefuRows *rows,
                  guint     i)
{
  KefuProduct *product = kefu_product_new ();

  _kefu_store_fill_record (product, rows, i, 0);
  kefu_product_set_name (product, kefu_rows_get_text (rows, i, 4));
  kefu_product_set_spec (product, kefu_rows_get_text (rows, i, 5));
  kefu_product_set_unit_price (product, kefu_rows_get_int (rows, i, 6));
  kefu_product_set_warranty_months (product, (guint) kefu_rows_get_int (rows, i, 7));
  kefu_product_set_active (product, kefu_rows_get_bool (rows, i, 8));
  return product;
}

static gboolean
validate_product (KefuProduct  *product,
                  GError      **error)
{
  if (!_kefu_store_validate_text (_("Product name"), kefu_product_get_name (product),
                                  KEFU_TEXT_MAX_NAME, TRUE, FALSE, error) ||
      !_kefu_store_validate_text (_("Specification"), kefu_product_get_spec (product),
                                  KEFU_TEXT_MAX_SPEC, FALSE, FALSE, error))
    return FALSE;
  if (kefu_product_get_unit_price (product) < 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("The unit price cannot be negative."));
      return FALSE;
    }
  if (kefu_product_get_warranty_months (product) > 1200)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("The warranty cannot be longer than 1200 months."));
      return FALSE;
    }
  return TRUE;
}

/* $1…$5 are the columns; an UPDATE adds the id as $6 and the version read as $7. */
static GVariant *
product_params (KefuProduct *product,
                gboolean     for_update)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  g_variant_builder_add (&builder, "s", kefu_product_get_name (product));
  g_variant_builder_add (&builder, "ms", _kefu_store_nullable (kefu_product_get_spec (product)));
  g_variant_builder_add (&builder, "x", kefu_product_get_unit_price (product));
  g_variant_builder_add (&builder, "x", (gint64) kefu_product_get_warranty_months (product));
  g_variant_builder_add (&builder, "b", kefu_product_get_active (product));
  if (for_update)
    {
      g_variant_builder_add (&builder, "x", kefu_record_get_id (KEFU_RECORD (product)));
      g_variant_builder_add (&builder, "x", kefu_record_get_version (KEFU_RECORD (product)));
    }
  return g_variant_builder_end (&builder);
}

GListModel *
kefu_store_list_products (KefuStore     *self,
                          gboolean       active_only,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GListStore *list;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  rows = _kefu_store_query (self,
                            "SELECT " PRODUCT_COLUMNS " FROM products "
                            "WHERE active = TRUE OR $1 = FALSE ORDER BY name, id",
                            g_variant_new ("(b)", active_only), cancellable, error);
  if (rows == NULL)
    return NULL;

  list = g_list_store_new (KEFU_TYPE_PRODUCT);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(KefuProduct) product = product_from_row (rows, i);
      g_list_store_append (list, product);
    }
  return G_LIST_MODEL (list);
}

static gboolean
create_product_txn (KefuStore     *self,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  KefuWriteResult *r = data;
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "INSERT INTO products (name, spec, unit_price_fen, warranty_months, "
                            "active, version, created_at, updated_at) "
                            "VALUES ($1, $2, $3, $4, $5, 1, now(), now()) "
                            "RETURNING id, version, created_at, updated_at",
                            product_params (r->record, FALSE), cancellable, error);
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (r, rows);
  return _kefu_store_add_event (self, "products", r->id, "create", "{}", cancellable, error);
}

gboolean
kefu_store_create_product (KefuStore     *self,
                           KefuProduct   *product,
                           GCancellable  *cancellable,
                           GError       **error)
{
  KefuWriteResult r = { .record = product };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_PRODUCT (product), FALSE);

  if (!validate_product (product, error))
    return FALSE;
  ok = _kefu_store_write (self, create_product_txn, &r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  return ok;
}

static gboolean
update_product_txn (KefuStore     *self,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  KefuWriteResult *r = data;
  KefuProduct *product = r->record;
  gint64 id = kefu_record_get_id (r->record);
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuProduct) old = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *details = NULL;

  current = _kefu_store_query (self, "SELECT " PRODUCT_COLUMNS " FROM products WHERE id = $1",
                               g_variant_new ("(x)", id), cancellable, error);
  if (current == NULL ||
      !_kefu_store_check_version (self, current, kefu_record_get_version (r->record),
                                  _("This product"), error))
    return FALSE;

  old = product_from_row (current, 0);
  _kefu_store_note_change (changed, "name", g_strcmp0 (kefu_product_get_name (old), kefu_product_get_name (product)) != 0);
  _kefu_store_note_change (changed, "spec",
               g_strcmp0 (_kefu_store_nullable (kefu_product_get_spec (old)),
                          _kefu_store_nullable (kefu_product_get_spec (product))) != 0);
  _kefu_store_note_change (changed, "unit_price_fen",
               kefu_product_get_unit_price (old) != kefu_product_get_unit_price (product));
  _kefu_store_note_change (changed, "warranty_months",
               kefu_product_get_warranty_months (old) != kefu_product_get_warranty_months (product));
  _kefu_store_note_change (changed, "active", !kefu_product_get_active (old) != !kefu_product_get_active (product));
  if (changed->len == 0)
    return TRUE;

  rows = _kefu_store_query (self,
                            "UPDATE products SET name = $1, spec = $2, unit_price_fen = $3, "
                            "warranty_months = $4, active = $5, version = version + 1, "
                            "updated_at = now() WHERE id = $6 AND version = $7 "
                            "RETURNING id, version, created_at, updated_at",
                            product_params (product, TRUE),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      _kefu_store_set_stale_error (error, _("This product"));
      return FALSE;
    }
  _kefu_write_result_take_row (r, rows);

  details = _kefu_json_changed (changed);
  return _kefu_store_add_event (self, "products", id, "update", details, cancellable, error);
}

gboolean
kefu_store_update_product (KefuStore     *self,
                           KefuProduct   *product,
                           GCancellable  *cancellable,
                           GError       **error)
{
  KefuWriteResult r = { .record = product };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_PRODUCT (product), FALSE);

  if (!validate_product (product, error))
    return FALSE;
  ok = _kefu_store_write (self, update_product_txn, &r, cancellable, error);
  if (ok)
    _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  return ok;
}
