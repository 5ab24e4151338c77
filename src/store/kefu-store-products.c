/* kefu-store-products.c: products (产品), with their unit price in fen and their warranty.
 *
 * Writes follow the pattern of kefu-store-writes.c; this file holds the product columns, SQL,
 * validation and the list of changed fields.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-text.h"
#include "kefu-store-internal.h"

#define PRODUCT_COLUMNS \
  "id, version, created_at, updated_at, name, spec, unit_price_fen, warranty_months, active"

static gpointer
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
  return _kefu_store_record_params_end (&builder, product, for_update);
}

GListModel *
kefu_store_list_products (KefuStore     *self,
                          gboolean       active_only,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return _kefu_store_list_records (self, KEFU_TYPE_PRODUCT, product_from_row,
                                   "SELECT " PRODUCT_COLUMNS " FROM products "
                                   "WHERE active = TRUE OR $1 = FALSE ORDER BY name, id",
                                   g_variant_new ("(b)", active_only), cancellable, error);
}

static gboolean
create_product_txn (KefuStore     *self,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  KefuWriteResult *r = data;

  return _kefu_store_insert_record (self, r, "products",
                                    "INSERT INTO products (name, spec, unit_price_fen, "
                                    "warranty_months, active, version, created_at, updated_at) "
                                    "VALUES ($1, $2, $3, $4, $5, 1, now(), now()) "
                                    "RETURNING id, version, created_at, updated_at",
                                    product_params (r->record, FALSE), NULL,
                                    cancellable, error);
}

gboolean
kefu_store_create_product (KefuStore     *self,
                           KefuProduct   *product,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_PRODUCT (product), FALSE);

  return _kefu_store_write_record (self, product, (KefuRecordValidateFunc) validate_product,
                                   create_product_txn, cancellable, error);
}

static gboolean
update_product_txn (KefuStore     *self,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  KefuWriteResult *r = data;
  KefuProduct *product = r->record;
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuProduct) old = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  current = _kefu_store_read_for_update (self,
                                         "SELECT " PRODUCT_COLUMNS " FROM products WHERE id = $1",
                                         r->record, "products", cancellable, error);
  if (current == NULL)
    return FALSE;

  old = product_from_row (current, 0);
  _kefu_store_note_change (changed, "name",
                           g_strcmp0 (kefu_product_get_name (old),
                                      kefu_product_get_name (product)) != 0);
  _kefu_store_note_change (changed, "spec",
                           g_strcmp0 (_kefu_store_nullable (kefu_product_get_spec (old)),
                                      _kefu_store_nullable (kefu_product_get_spec (product))) != 0);
  _kefu_store_note_change (changed, "unit_price_fen",
                           kefu_product_get_unit_price (old) !=
                           kefu_product_get_unit_price (product));
  _kefu_store_note_change (changed, "warranty_months",
                           kefu_product_get_warranty_months (old) !=
                           kefu_product_get_warranty_months (product));
  _kefu_store_note_change (changed, "active",
                           !kefu_product_get_active (old) != !kefu_product_get_active (product));

  return _kefu_store_update_record (self, r, "products",
                                    "UPDATE products SET name = $1, spec = $2, "
                                    "unit_price_fen = $3, warranty_months = $4, active = $5, "
                                    "version = version + 1, updated_at = now() "
                                    "WHERE id = $6 AND version = $7 "
                                    "RETURNING id, version, created_at, updated_at",
                                    product_params (product, TRUE), "products", changed,
                                    NULL, cancellable, error);
}

gboolean
kefu_store_update_product (KefuStore     *self,
                           KefuProduct   *product,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_PRODUCT (product), FALSE);

  return _kefu_store_write_record (self, product, (KefuRecordValidateFunc) validate_product,
                                   update_product_txn, cancellable, error);
}
