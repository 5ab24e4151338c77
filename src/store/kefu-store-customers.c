/* kefu-store-customers.c: customers and their phone numbers.
 *
 * A customer's numbers live in customer_phones, one row per normalised number, unique across all
 * customers, each with its digits reversed in phone_rev so that "the last 4 digits" is an index
 * prefix search. customers.phone repeats the primary number for lists and BI tools. The numbers
 * are written in the same transaction as the customer.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-phone.h"
#include "core/kefu-text.h"
#include "kefu-store-customers-private.h"

#define CUSTOMER_COLUMNS KEFU_STORE_CUSTOMER_COLUMNS
#define CUSTOMER_FROM KEFU_STORE_CUSTOMER_FROM

KefuCustomer *
_kefu_store_customer_from_row (KefuRows *rows,
                               guint     i)
{
  KefuCustomer *customer = kefu_customer_new ();
  g_autoptr(GDateTime) last_contact_at = kefu_rows_get_time (rows, i, 13);
  g_autoptr(GDateTime) assigned_at = kefu_rows_get_time (rows, i, 17);
  g_autoptr(GDateTime) first_contact_at = kefu_rows_get_time (rows, i, 18);

  _kefu_store_fill_record (customer, rows, i, 0);
  kefu_customer_set_name (customer, kefu_rows_get_text (rows, i, 4));
  kefu_customer_set_address (customer, kefu_rows_get_text (rows, i, 6));
  kefu_customer_set_district (customer, kefu_rows_get_text (rows, i, 7));
  kefu_customer_set_is_member (customer, kefu_rows_get_bool (rows, i, 8));
  kefu_customer_set_member_number (customer, kefu_rows_get_text (rows, i, 9));
  kefu_customer_set_channel (customer,
                             _kefu_store_enum_from_nick (KEFU_TYPE_CHANNEL,
                                                         kefu_rows_get_text (rows, i, 10),
                                                         KEFU_CHANNEL_UNSPECIFIED));
  kefu_customer_set_assigned_clerk_id (customer, kefu_rows_get_int (rows, i, 11));
  kefu_customer_set_notes (customer, kefu_rows_get_text (rows, i, 12));
  kefu_customer_set_last_contact_at (customer, last_contact_at);
  if (!kefu_rows_is_null (rows, i, 14))
    kefu_customer_set_last_call_kind (customer,
                                      _kefu_store_enum_from_nick (KEFU_TYPE_CALL_KIND,
                                                                  kefu_rows_get_text (rows, i, 14),
                                                                  KEFU_CALL_KIND_ORDER));
  kefu_customer_set_last_call_summary (customer, kefu_rows_get_text (rows, i, 15));
  kefu_customer_set_assigned_clerk_name (customer, kefu_rows_get_text (rows, i, 16));
  kefu_customer_set_assigned_at (customer, assigned_at);
  kefu_customer_set_first_contact_at (customer, first_contact_at);
  return customer;
}

static gboolean
load_phones (KefuStore     *self,
             KefuCustomer  *customer,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();

  rows = _kefu_store_query (self,
                            "SELECT phone FROM customer_phones WHERE customer_id = $1 "
                            "ORDER BY position, id",
                            g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (customer))),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (phones, (gpointer) kefu_rows_get_text (rows, i, 0));
  g_ptr_array_add (phones, NULL);
  kefu_customer_set_phones (customer, (const char * const *) phones->pdata);
  return TRUE;
}

char *
_kefu_store_id_placeholders (guint first)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < KEFU_STORE_ID_CHUNK; i++)
    g_string_append_printf (text, "%s$%u", i > 0 ? ", " : "", first + i);
  return g_string_free (text, FALSE);
}

void
_kefu_store_add_id_chunk (GVariantBuilder *builder,
                          const gint64    *ids,
                          guint            n)
{
  g_assert (n <= KEFU_STORE_ID_CHUNK);

  for (guint i = 0; i < KEFU_STORE_ID_CHUNK; i++)
    g_variant_builder_add (builder, "x", i < n ? ids[i] : (gint64) 0);
}

gboolean
_kefu_store_customers_load_phones (KefuStore     *self,
                                   GPtrArray     *customers,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autofree char *placeholders = _kefu_store_id_placeholders (1);
  g_autofree char *sql = g_strconcat ("SELECT customer_id, phone FROM customer_phones "
                                      "WHERE customer_id IN (", placeholders, ") "
                                      "ORDER BY customer_id, position, id", NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autofree gint64 *ids = g_new (gint64, MAX (customers->len, 1));

  for (guint i = 0; i < customers->len; i++)
    ids[i] = kefu_record_get_id (g_ptr_array_index (customers, i));

  /* One statement per chunk of ids, whatever the page size, on both backends. */
  for (guint start = 0; start < customers->len; start += KEFU_STORE_ID_CHUNK)
    {
      guint n = MIN (KEFU_STORE_ID_CHUNK, customers->len - start);
      g_autoptr(KefuRows) rows = NULL;
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
      _kefu_store_add_id_chunk (&builder, ids + start, n);
      rows = _kefu_store_query (self, sql, g_variant_builder_end (&builder), cancellable, error);
      if (rows == NULL)
        return FALSE;
      for (guint r = 0; r < kefu_rows_get_n_rows (rows); r++)
        {
          gint64 id = kefu_rows_get_int (rows, r, 0);
          GPtrArray *phones = g_hash_table_lookup (by_id, &id);

          if (phones == NULL)
            {
              gint64 *key = &ids[start];

              /* The key points into `ids`, which outlives the table. */
              for (guint k = 0; k < n; k++)
                if (ids[start + k] == id)
                  key = &ids[start + k];
              phones = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (by_id, key, phones);
            }
          g_ptr_array_add (phones, g_strdup (kefu_rows_get_text (rows, r, 1)));
        }
    }

  for (guint i = 0; i < customers->len; i++)
    {
      GPtrArray *phones = g_hash_table_lookup (by_id, &ids[i]);
      static const char *const none[] = { NULL };

      if (phones != NULL)
        {
          g_ptr_array_add (phones, NULL);
          kefu_customer_set_phones (g_ptr_array_index (customers, i),
                                    (const char * const *) phones->pdata);
          g_ptr_array_remove_index (phones, phones->len - 1);
        }
      else
        kefu_customer_set_phones (g_ptr_array_index (customers, i), none);
    }
  return TRUE;
}

/* The customer's numbers, normalised, without repeats, in the given order. */
GStrv
_kefu_store_customer_normalize_phones (KefuCustomer  *customer,
                  GError       **error)
{
  const char * const *phones = kefu_customer_get_phones (customer);
  guint n_input = phones != NULL ? g_strv_length ((char **) phones) : 0;
  /* At most KEFU_STORE_MAX_PHONES + 1 distinct numbers are kept: one more is already too many,
   * and the linear search for repeats stays short (a hash table per customer cost more). */
  GStrv result = g_new0 (char *, MIN (n_input, KEFU_STORE_MAX_PHONES + 1) + 1);
  guint n = 0;

  for (guint i = 0; i < n_input; i++)
    {
      g_autoptr(GError) phone_error = NULL;
      g_autofree char *normalized = NULL;
      gboolean seen = FALSE;

      if (kefu_phone_is_normalized (phones[i]))
        normalized = g_strdup (phones[i]);
      else
        normalized = kefu_phone_normalize (phones[i], NULL, &phone_error);

      if (normalized == NULL)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("The phone number “%s” is not valid: %s"),
                       phones[i], phone_error != NULL ? phone_error->message : "");
          g_strfreev (result);
          return NULL;
        }
      /* Once there are too many, the rest is still checked, so that an invalid number is
       * reported before the count, as it always was. */
      if (n > KEFU_STORE_MAX_PHONES)
        continue;
      for (guint j = 0; j < n && !seen; j++)
        seen = strcmp (result[j], normalized) == 0;
      if (!seen)
        result[n++] = g_steal_pointer (&normalized);
    }

  if (n > KEFU_STORE_MAX_PHONES)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("A customer can have at most %d phone numbers."), KEFU_STORE_MAX_PHONES);
      g_strfreev (result);
      return NULL;
    }
  return result;
}

gboolean
_kefu_store_customer_validate (KefuCustomer  *customer,
                   GError       **error)
{
  return _kefu_store_validate_text (_("Name"), kefu_customer_get_name (customer),
                                    KEFU_TEXT_MAX_NAME, TRUE, FALSE, error) &&
         _kefu_store_validate_text (_("Address"), kefu_customer_get_address (customer),
                                    KEFU_TEXT_MAX_ADDRESS, FALSE, TRUE, error) &&
         _kefu_store_validate_text (_("District"), kefu_customer_get_district (customer),
                                    KEFU_TEXT_MAX_DISTRICT, FALSE, FALSE, error) &&
         _kefu_store_validate_text (_("Member number"),
                                    kefu_customer_get_member_number (customer),
                                    KEFU_TEXT_MAX_CODE, FALSE, FALSE, error) &&
         _kefu_store_validate_text (_("Notes"), kefu_customer_get_notes (customer),
                                    KEFU_TEXT_MAX_NOTES, FALSE, TRUE, error);
}

const char *
_kefu_store_customer_channel_nick (KefuCustomer *customer)
{
  KefuChannel channel = kefu_customer_get_channel (customer);

  /* "Unspecified" is stored as NULL, so BI tools see no channel rather than a made-up one. */
  if (channel == KEFU_CHANNEL_UNSPECIFIED)
    return NULL;
  return _kefu_store_enum_to_nick (KEFU_TYPE_CHANNEL, channel);
}

/* Adds $1…$9, the columns, to `builder`; each statement adds its own parameters after them. */
static void
add_customer_params (GVariantBuilder *builder,
                     KefuCustomer    *customer,
                     const char      *primary_phone)
{
  gint64 clerk = kefu_customer_get_assigned_clerk_id (customer);

  g_variant_builder_add (builder, "s", kefu_customer_get_name (customer));
  g_variant_builder_add (builder, "ms", primary_phone);
  g_variant_builder_add (builder, "ms", _kefu_store_nullable (kefu_customer_get_address (customer)));
  g_variant_builder_add (builder, "ms", _kefu_store_nullable (kefu_customer_get_district (customer)));
  g_variant_builder_add (builder, "b", kefu_customer_get_is_member (customer));
  g_variant_builder_add (builder, "ms",
                         _kefu_store_nullable (kefu_customer_get_member_number (customer)));
  g_variant_builder_add (builder, "ms", _kefu_store_customer_channel_nick (customer));
  g_variant_builder_add (builder, "mx", clerk > 0, clerk);
  g_variant_builder_add (builder, "ms", _kefu_store_nullable (kefu_customer_get_notes (customer)));
}

static gboolean
insert_phones (KefuStore     *self,
               gint64         customer_id,
               GStrv          phones,
               GCancellable  *cancellable,
               GError       **error)
{
  for (guint i = 0; phones[i] != NULL; i++)
    {
      g_autofree char *reversed = kefu_phone_reversed_digits (phones[i]);

      if (_kefu_store_execute (self,
                               "INSERT INTO customer_phones (customer_id, phone, phone_rev, "
                               "position, created_at) VALUES ($1, $2, $3, $4, now())",
                               g_variant_new ("(xssx)", customer_id, phones[i], reversed,
                                              (gint64) i),
                               cancellable, error) < 0)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("The phone number %s already belongs to another "
                                       "customer. Look that customer up instead."), phones[i]);
          _kefu_store_rename_duplicate (error, message);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  KefuWriteResult  result;
  GStrv            phones;
} CustomerWrite;

gboolean
_kefu_store_customer_insert_txn (KefuStore        *self,
                                 KefuCustomer     *customer,
                                 KefuWriteResult  *r,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_auto(GStrv) phones = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (KEFU_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (r != NULL, FALSE);

  /* Numbers already normalised (the usual case) pass through the normaliser unchanged, so a
   * transaction retried after "busy" gets the same ones. */
  phones = _kefu_store_customer_normalize_phones (customer, error);
  if (phones == NULL)
    return FALSE;
  kefu_customer_set_phones (customer, (const char * const *) phones);

  /* $10: an assigned clerk gets the customer as of now (the "to contact" list counts from it). */
  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  add_customer_params (&builder, customer, phones[0]);
  g_variant_builder_add (&builder, "b", kefu_customer_get_assigned_clerk_id (customer) > 0);

  rows = _kefu_store_query (self,
                            "INSERT INTO customers (name, phone, address, district, is_member, "
                            "member_number, channel, assigned_clerk_id, notes, assigned_at, "
                            "version, created_at, updated_at) "
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                            "CASE WHEN $10 THEN now() END, 1, now(), now()) "
                            "RETURNING id, version, created_at, updated_at",
                            g_variant_builder_end (&builder), cancellable, error);
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (r, rows);

  return insert_phones (self, r->id, phones, cancellable, error) &&
         _kefu_store_write_name_grams (self, r->id, kefu_customer_get_name (customer), FALSE,
                                       cancellable, error) &&
         _kefu_store_add_event (self, "customers", r->id, "create", "{}", cancellable, error);
}

static gboolean
create_customer_txn (KefuStore     *self,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  CustomerWrite *w = data;

  return _kefu_store_customer_insert_txn (self, w->result.record, &w->result, cancellable, error);
}

/* Creating and updating share this: validate a normalised copy of `customer` and its numbers,
 * run `txn` in a write transaction, and give the stored text and numbers back to `customer`
 * after the commit. */
static gboolean
write_customer (KefuStore         *self,
                KefuCustomer      *customer,
                KefuStoreTxnFunc   txn,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(KefuCustomer) copy = NULL;
  CustomerWrite w = { 0 };
  gboolean ok;

  /* Validate and store the normalised text; the caller's record gets it after the commit. */
  copy = _kefu_store_normalized_copy (customer);
  w.result.record = copy;
  w.result.original = customer;
  if (!_kefu_store_customer_validate (copy, error))
    return FALSE;
  w.phones = _kefu_store_customer_normalize_phones (copy, error);
  if (w.phones == NULL)
    return FALSE;

  ok = _kefu_store_write (self, txn, &w, cancellable, error);
  if (ok)
    {
      _kefu_write_result_apply (&w.result);
      kefu_customer_set_phones (customer, (const char * const *) w.phones);
    }
  _kefu_write_result_clear (&w.result);
  g_strfreev (w.phones);
  return ok;
}

gboolean
kefu_store_create_customer (KefuStore     *self,
                            KefuCustomer  *customer,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_CUSTOMER (customer), FALSE);

  return write_customer (self, customer, create_customer_txn, cancellable, error);
}

static gboolean
update_customer_txn (KefuStore     *self,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  CustomerWrite *w = data;
  KefuCustomer *customer = w->result.record;
  gint64 id = kefu_record_get_id (KEFU_RECORD (customer));
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuCustomer) old = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *details = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;
  GVariantBuilder builder;
  gboolean phones_changed;
  gboolean reassigned;

  current = _kefu_store_query (self, "SELECT " CUSTOMER_COLUMNS " FROM " CUSTOMER_FROM
                               " WHERE customers.id = $1",
                               g_variant_new ("(x)", id), cancellable, error);
  if (current == NULL ||
      !_kefu_store_check_version (self, current, kefu_record_get_version (KEFU_RECORD (customer)),
                                  "customers", error))
    return FALSE;

  old = _kefu_store_customer_from_row (current, 0);
  if (!load_phones (self, old, cancellable, error))
    return FALSE;

#define TEXT_CHANGED(getter) \
  (g_strcmp0 (_kefu_store_nullable (getter (old)), _kefu_store_nullable (getter (customer))) != 0)
  _kefu_store_note_change (changed, "name", TEXT_CHANGED (kefu_customer_get_name));
  phones_changed = !g_strv_equal ((const char * const *) kefu_customer_get_phones (old),
                                  (const char * const *) w->phones);
  _kefu_store_note_change (changed, "phones", phones_changed);
  _kefu_store_note_change (changed, "address", TEXT_CHANGED (kefu_customer_get_address));
  _kefu_store_note_change (changed, "district", TEXT_CHANGED (kefu_customer_get_district));
  _kefu_store_note_change (changed, "is_member",
                           !kefu_customer_get_is_member (old) != !kefu_customer_get_is_member (customer));
  _kefu_store_note_change (changed, "member_number", TEXT_CHANGED (kefu_customer_get_member_number));
  _kefu_store_note_change (changed, "channel",
                           kefu_customer_get_channel (old) != kefu_customer_get_channel (customer));
  _kefu_store_note_change (changed, "assigned_clerk_id",
                           kefu_customer_get_assigned_clerk_id (old) !=
                           kefu_customer_get_assigned_clerk_id (customer));
  _kefu_store_note_change (changed, "notes", TEXT_CHANGED (kefu_customer_get_notes));
#undef TEXT_CHANGED
  if (changed->len == 0)
    return TRUE;

  /* $10 and $11 find the row; $12 says the clerk changed, which restarts the assignment (a new
   * assigned time, no first contact yet), and $13 whether there is a clerk at all now. */
  reassigned = kefu_customer_get_assigned_clerk_id (old) !=
               kefu_customer_get_assigned_clerk_id (customer);
  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  add_customer_params (&builder, customer, w->phones[0]);
  g_variant_builder_add (&builder, "x", id);
  g_variant_builder_add (&builder, "x", kefu_record_get_version (KEFU_RECORD (customer)));
  g_variant_builder_add (&builder, "b", reassigned);
  g_variant_builder_add (&builder, "b", kefu_customer_get_assigned_clerk_id (customer) > 0);
  rows = _kefu_store_query (self,
                            "UPDATE customers SET name = $1, phone = $2, address = $3, "
                            "district = $4, is_member = $5, member_number = $6, channel = $7, "
                            "assigned_clerk_id = $8, notes = $9, "
                            "assigned_at = CASE WHEN $12 THEN CASE WHEN $13 THEN now() END "
                            "ELSE assigned_at END, "
                            "first_contact_at = CASE WHEN $12 THEN NULL ELSE first_contact_at END, "
                            "version = version + 1, "
                            "updated_at = now() WHERE id = $10 AND version = $11 "
                            "RETURNING id, version, created_at, updated_at",
                            g_variant_builder_end (&builder), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      _kefu_store_set_stale_error (error, "customers");
      return FALSE;
    }
  _kefu_write_result_take_row (&w->result, rows);

  if (phones_changed &&
      (_kefu_store_execute (self, "DELETE FROM customer_phones WHERE customer_id = $1",
                            g_variant_new ("(x)", id), cancellable, error) < 0 ||
       !insert_phones (self, id, w->phones, cancellable, error)))
    return FALSE;

  /* The grams follow the name's key: a change of case or spacing alone keeps them. */
  old_key = _kefu_store_name_key (kefu_customer_get_name (old));
  new_key = _kefu_store_name_key (kefu_customer_get_name (customer));
  if (!g_str_equal (old_key, new_key) &&
      !_kefu_store_write_name_grams (self, id, kefu_customer_get_name (customer), TRUE,
                                     cancellable, error))
    return FALSE;

  details = _kefu_json_changed (changed);
  return _kefu_store_add_event (self, "customers", id, "update", details, cancellable, error);
}

gboolean
_kefu_store_customer_update_txn (KefuStore        *self,
                                 KefuCustomer     *customer,
                                 KefuWriteResult  *r,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  CustomerWrite w = { 0 };
  gboolean ok;

  w.phones = _kefu_store_customer_normalize_phones (customer, error);
  if (w.phones == NULL)
    return FALSE;
  kefu_customer_set_phones (customer, (const char * const *) w.phones);
  w.result.record = customer;
  ok = update_customer_txn (self, &w, cancellable, error);
  /* The row the update returned, for the caller; the record is the caller's. */
  r->id = w.result.id;
  r->version = w.result.version;
  r->changed = w.result.changed;
  g_clear_pointer (&r->created_at, g_date_time_unref);
  g_clear_pointer (&r->updated_at, g_date_time_unref);
  r->created_at = g_steal_pointer (&w.result.created_at);
  r->updated_at = g_steal_pointer (&w.result.updated_at);
  g_strfreev (w.phones);
  return ok;
}

gboolean
kefu_store_update_customer (KefuStore     *self,
                            KefuCustomer  *customer,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_CUSTOMER (customer), FALSE);

  return write_customer (self, customer, update_customer_txn, cancellable, error);
}

KefuCustomer *
kefu_store_get_customer (KefuStore     *self,
                         gint64         id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuCustomer) customer = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  rows = _kefu_store_query (self, "SELECT " CUSTOMER_COLUMNS " FROM " CUSTOMER_FROM
                               " WHERE customers.id = $1",
                            g_variant_new ("(x)", id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no customer with number %lld."), (long long) id);
      return NULL;
    }
  customer = _kefu_store_customer_from_row (rows, 0);
  if (!load_phones (self, customer, cancellable, error))
    return NULL;
  return g_steal_pointer (&customer);
}

/**
 * kefu_store_find_customers_by_phone:
 * @digits: a full normalised number (with its extension, if any), or its last 4 or more digits
 * @limit: the most customers to return; 0 for 100
 *
 * Returns: (transfer full): the matching #KefuCustomer list, oldest customer first
 */
GListModel *
kefu_store_find_customers_by_phone (KefuStore     *self,
                                    const char    *digits,
                                    guint          limit,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  KefuStoreBackend backend;
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  GListStore *list;
  gsize n_digits = 0;
  gboolean has_extension = FALSE;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (digits != NULL, NULL);

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '-' && p != digits && !has_extension)
        has_extension = TRUE;
      else
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Search by phone with digits only (“%s” has other characters)."), digits);
          return NULL;
        }
    }
  if (n_digits < 4)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("Type at least the last 4 digits of the phone number."));
      return NULL;
    }

  backend = kefu_store_get_backend (self);
  if (has_extension)
    {
      /* A number with its extension is a full number: only an exact match makes sense. */
      sql = g_strdup ("SELECT DISTINCT " CUSTOMER_COLUMNS " FROM " CUSTOMER_FROM " "
                      "JOIN customer_phones ON customer_phones.customer_id = customers.id "
                      "WHERE customer_phones.phone = $1 ORDER BY customers.id LIMIT $2");
      pattern = g_strdup (digits);
    }
  else
    {
      /* Full numbers and suffixes alike: the reversed number starts with the reversed digits. */
      g_autofree char *reversed = g_strreverse (g_strdup (digits));

      sql = g_strconcat ("SELECT DISTINCT " CUSTOMER_COLUMNS " FROM " CUSTOMER_FROM " "
                         "JOIN customer_phones ON customer_phones.customer_id = customers.id "
                         "WHERE ", _kefu_schema_phone_prefix_match (backend),
                         " ORDER BY customers.id LIMIT $2", NULL);
      pattern = _kefu_schema_phone_prefix_pattern (backend, reversed);
    }

  rows = _kefu_store_query (self, sql, g_variant_new ("(sx)", pattern, (gint64) (limit > 0 ? limit : 100)),
                            cancellable, error);
  if (rows == NULL)
    return NULL;

  customers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (customers, _kefu_store_customer_from_row (rows, i));
  if (!_kefu_store_customers_load_phones (self, customers, cancellable, error))
    return NULL;

  list = g_list_store_new (KEFU_TYPE_CUSTOMER);
  g_list_store_splice (list, 0, 0, customers->pdata, customers->len);
  return G_LIST_MODEL (list);
}

gint64
kefu_store_count_customers (KefuStore     *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), -1);

  /* Archived customers are not counted: this is the working list's size. Both counts are read
   * from indexes (the smallest one, and the partial index of the archived). */
  rows = _kefu_store_query (self,
                            "SELECT (SELECT COUNT(*) FROM customers) - (SELECT COUNT(*) FROM "
                            "customers WHERE archived_at IS NOT NULL)",
                            NULL, cancellable, error);
  if (rows == NULL)
    return -1;
  return kefu_rows_get_int (rows, 0, 0);
}
