/* kefu-store-import.c: importing customers from a file (kefuctl import customers, the import
 * dialog), all or nothing in one transaction.
 *
 * A customer of the file is a duplicate when one of its numbers is stored already. SKIP leaves
 * the stored customer alone; MERGE gives the stored customer every non-empty field of the file
 * (the file is the newer source) and the file's numbers it does not have yet, as an ordinary
 * update (new version, name grams, an "update" event). A number that belongs to yet another
 * customer is left with that customer. The new customers go in through the bulk path, so that a
 * file of a hundred thousand customers is one load with one event.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kefu-store-customers-private.h"

/* Phones asked per statement, as the id lists (kefu-store-customers-private.h). */
#define PHONE_CHUNK KEFU_STORE_ID_CHUNK

/* Calls `func` with every (phone, customer id) stored for the `n` phones, a chunk at a time. */
typedef void (*PhoneFunc) (const char *phone, gint64 customer_id, gpointer data);

static gboolean
lookup_phones (KefuStore          *self,
               const char *const  *phones,
               guint               n,
               PhoneFunc           func,
               gpointer            data,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autofree char *placeholders = _kefu_store_id_placeholders (1);
  g_autofree char *sql = g_strconcat ("SELECT phone, customer_id FROM customer_phones "
                                      "WHERE phone IN (", placeholders, ")", NULL);

  for (guint start = 0; start < n; start += PHONE_CHUNK)
    {
      g_autoptr(KefuRows) rows = NULL;
      GVariantBuilder builder;

      /* Unused places hold "", which no stored number is. */
      g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
      for (guint i = 0; i < PHONE_CHUNK; i++)
        g_variant_builder_add (&builder, "s", start + i < n ? phones[start + i] : "");
      rows = _kefu_store_query (self, sql, g_variant_builder_end (&builder), cancellable, error);
      if (rows == NULL)
        return FALSE;
      for (guint r = 0; r < kefu_rows_get_n_rows (rows); r++)
        func (kefu_rows_get_text (rows, r, 0), kefu_rows_get_int (rows, r, 1), data);
    }
  return TRUE;
}

static void
add_to_set (const char *phone,
            gint64      customer_id,
            gpointer    data)
{
  g_hash_table_add (data, g_strdup (phone));
}

/**
 * kefu_store_find_stored_phones:
 * @phones: (array zero-terminated=1): normalised numbers
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of those numbers that customers
 *   have already (keys and values the same strings)
 */
GHashTable *
kefu_store_find_stored_phones (KefuStore          *self,
                               const char *const  *phones,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (phones != NULL, NULL);

  if (!lookup_phones (self, phones, g_strv_length ((char **) phones), add_to_set, stored,
                      cancellable, error))
    return NULL;
  return g_steal_pointer (&stored);
}

typedef struct
{
  GPtrArray            *customers;   /* normalised, validated copies (phones normalised) */
  KefuImportDuplicates  duplicates;
  KefuImportSummary     summary;
  GHashTable           *owners;      /* phone → stored customer id (gint64 in a pointer) */
} Import;

static void
add_owner (const char *phone,
           gint64      customer_id,
           gpointer    data)
{
  g_hash_table_insert (data, g_strdup (phone), g_memdup2 (&customer_id, sizeof customer_id));
}

/* Text fields of the file that replace the stored ones when they are not empty. */
static void
merge_text (KefuCustomer *target,
            KefuCustomer *source,
            const char *(*get) (KefuCustomer *),
            void        (*set) (KefuCustomer *, const char *))
{
  const char *value = get (source);

  if (value != NULL && *value != '\0')
    set (target, value);
}

static gboolean
merge_one (KefuStore     *self,
           Import        *import,
           KefuCustomer  *source,
           gint64         stored_id,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuCustomer) target = NULL;
  g_autoptr(GStrvBuilder) phones = g_strv_builder_new ();
  g_auto(GStrv) merged_phones = NULL;
  KefuWriteResult r = { 0 };
  const char *const *stored_phones;
  const char *const *file_phones = kefu_customer_get_phones (source);
  gboolean ok;

  /* Read inside the transaction: an earlier row of the file may have merged into it too. */
  target = kefu_store_get_customer (self, stored_id, cancellable, error);
  if (target == NULL)
    return FALSE;

  merge_text (target, source, kefu_customer_get_name, kefu_customer_set_name);
  merge_text (target, source, kefu_customer_get_address, kefu_customer_set_address);
  merge_text (target, source, kefu_customer_get_district, kefu_customer_set_district);
  merge_text (target, source, kefu_customer_get_member_number, kefu_customer_set_member_number);
  merge_text (target, source, kefu_customer_get_notes, kefu_customer_set_notes);
  if (kefu_customer_get_is_member (source))
    kefu_customer_set_is_member (target, TRUE);
  if (kefu_customer_get_channel (source) != KEFU_CHANNEL_UNSPECIFIED)
    kefu_customer_set_channel (target, kefu_customer_get_channel (source));

  /* The stored numbers first (the primary stays primary), then the file's new ones. */
  stored_phones = kefu_customer_get_phones (target);
  for (guint i = 0; stored_phones != NULL && stored_phones[i] != NULL; i++)
    g_strv_builder_add (phones, stored_phones[i]);
  for (guint i = 0; file_phones != NULL && file_phones[i] != NULL; i++)
    {
      gint64 *owner = g_hash_table_lookup (import->owners, file_phones[i]);

      if (owner == NULL)
        {
          g_strv_builder_add (phones, file_phones[i]);
          /* Taken now: a later row of the file with the same number merges here too. */
          add_owner (file_phones[i], stored_id, import->owners);
        }
    }
  merged_phones = g_strv_builder_end (phones);
  kefu_customer_set_phones (target, (const char *const *) merged_phones);

  if (!_kefu_store_customer_validate (target, error))
    return FALSE;
  ok = _kefu_store_customer_update_txn (self, target, &r, cancellable, error);
  _kefu_write_result_clear (&r);
  return ok;
}

static gboolean
import_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Import *import = data;
  g_autoptr(GPtrArray) all_phones = g_ptr_array_new ();
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);

  /* The transaction may run again after "busy": it starts from nothing each time. */
  memset (&import->summary, 0, sizeof import->summary);
  g_hash_table_remove_all (import->owners);

  for (guint i = 0; i < import->customers->len; i++)
    {
      const char *const *phones = kefu_customer_get_phones (g_ptr_array_index (import->customers, i));

      for (guint p = 0; phones != NULL && phones[p] != NULL; p++)
        g_ptr_array_add (all_phones, (gpointer) phones[p]);
    }
  if (!lookup_phones (self, (const char *const *) all_phones->pdata, all_phones->len, add_owner,
                      import->owners, cancellable, error))
    return FALSE;

  for (guint i = 0; i < import->customers->len; i++)
    {
      KefuCustomer *customer = g_ptr_array_index (import->customers, i);
      const char *const *phones = kefu_customer_get_phones (customer);
      gint64 *stored_id = NULL;

      for (guint p = 0; phones != NULL && phones[p] != NULL && stored_id == NULL; p++)
        stored_id = g_hash_table_lookup (import->owners, phones[p]);

      if (stored_id == NULL)
        g_ptr_array_add (created, _kefu_store_record_copy (customer));
      else if (import->duplicates == KEFU_IMPORT_DUPLICATES_SKIP)
        import->summary.skipped++;
      else
        {
          gint64 id = *stored_id;

          if (!merge_one (self, import, customer, id, cancellable, error))
            {
              g_prefix_error (error, _("Customer %u of the file could not be merged: "), i + 1);
              return FALSE;
            }
          import->summary.merged++;
        }
    }

  /* The bulk load joins this transaction: the new customers commit with the merges or not at
   * all. Its own message names a number used twice. */
  if (created->len > 0 && !kefu_store_insert_customers_bulk (self, created, cancellable, error))
    return FALSE;
  import->summary.created = created->len;
  return TRUE;
}

/**
 * kefu_store_import_customers:
 * @customers: (element-type KefuCustomer): the customers of the file (kefu_customer_import_read())
 * @duplicates: what to do with a customer whose number is stored already
 * @summary: (out) (optional): how many were created, merged and skipped
 *
 * Imports every customer or none, in one transaction.
 */
gboolean
kefu_store_import_customers (KefuStore             *self,
                             GPtrArray             *customers,
                             KefuImportDuplicates   duplicates,
                             KefuImportSummary     *summary,
                             GCancellable          *cancellable,
                             GError               **error)
{
  Import import = { .duplicates = duplicates };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (customers != NULL, FALSE);

  if (summary != NULL)
    memset (summary, 0, sizeof *summary);

  /* Validated and normalised before the transaction, as every write: a bad customer stops the
   * import before anything is locked. */
  import.customers = g_ptr_array_new_full (customers->len, g_object_unref);
  for (guint i = 0; i < customers->len; i++)
    {
      KefuCustomer *copy = _kefu_store_normalized_copy (g_ptr_array_index (customers, i));
      g_auto(GStrv) phones = NULL;

      g_ptr_array_add (import.customers, copy);
      if (!_kefu_store_customer_validate (copy, error) ||
          (phones = _kefu_store_customer_normalize_phones (copy, error)) == NULL)
        {
          g_prefix_error (error, _("Customer %u of the file was not imported: "), i + 1);
          g_ptr_array_unref (import.customers);
          return FALSE;
        }
      if (phones[0] == NULL)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Customer %u of the file has no phone number. Every imported customer "
                         "needs one, so that duplicates can be found."), i + 1);
          g_ptr_array_unref (import.customers);
          return FALSE;
        }
      kefu_customer_set_phones (copy, (const char *const *) phones);
    }

  import.owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = _kefu_store_write (self, import_txn, &import, cancellable, error);
  if (ok && summary != NULL)
    *summary = import.summary;
  g_hash_table_unref (import.owners);
  g_ptr_array_unref (import.customers);
  return ok;
}
