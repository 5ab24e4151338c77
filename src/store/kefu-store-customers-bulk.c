/* kefu-store-customers-bulk.c: loading many customers at once (kefuctl generate, imports).
 *
 * All customers of a call go in first, then their numbers, bound straight from the records
 * through the backend's bulk_insert_rows (or GVariant rows for a backend without it). Text and
 * numbers already in stored form skip the normalisers by exact checks that live in core.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-phone.h"
#include "core/kefu-text.h"
#include "kefu-store-customers-private.h"

/* TRUE when every text the bulk load stores for `customer` is already in its stored form, so
 * that the customer can be its own normalised copy. The check lives in core next to the
 * normaliser so that the two cannot drift apart. */
static gboolean
customer_text_is_normalized (KefuCustomer *customer)
{
  return kefu_text_is_normalized (kefu_customer_get_name (customer)) &&
         kefu_text_is_normalized (kefu_customer_get_address (customer)) &&
         kefu_text_is_normalized (kefu_customer_get_district (customer)) &&
         kefu_text_is_normalized (kefu_customer_get_member_number (customer)) &&
         kefu_text_is_normalized (kefu_customer_get_notes (customer));
}

/* Bulk load */

/* Rows handed to a backend without bulk_insert_rows at a time, to bound memory on huge loads. */
#define BULK_CHUNK 20000

static GVariant *
variant_from_value (const KefuStoreValue *value)
{
  switch (value->type)
    {
    case KEFU_STORE_VALUE_NULL:
      return g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL);
    case KEFU_STORE_VALUE_INT64:
      return g_variant_new_int64 (value->number);
    case KEFU_STORE_VALUE_BOOLEAN:
      return g_variant_new_boolean (value->number != 0);
    case KEFU_STORE_VALUE_TEXT:
      return g_variant_new_string (value->text);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
_kefu_store_bulk_insert_rows (KefuStore          *self,
                              const char         *table,
                              const char *const  *columns,
                              KefuStoreRowFunc    next_row,
                              gpointer            user_data,
                              GCancellable       *cancellable,
                              GError            **error)
{
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (self);
  guint n_columns = g_strv_length ((char **) columns);
  KefuStoreValue *values;
  GVariant **children;
  gboolean more = TRUE;

  if (klass->bulk_insert_rows != NULL)
    return klass->bulk_insert_rows (self, table, columns, next_row, user_data, cancellable, error);

  /* A backend with only the GVariant path gets the same rows as tuples, a chunk at a time. */
  values = g_newa (KefuStoreValue, n_columns);
  children = g_newa (GVariant *, n_columns);
  while (more)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

      while (rows->len < BULK_CHUNK && (more = next_row (user_data, values)))
        {
          for (guint c = 0; c < n_columns; c++)
            children[c] = variant_from_value (&values[c]);
          g_ptr_array_add (rows, g_variant_ref_sink (g_variant_new_tuple (children, n_columns)));
        }
      if (rows->len > 0 &&
          !klass->bulk_insert (self, table, columns, rows, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray  *customers;   /* what is validated and bound: the caller's records, or where their
                            * text needed normalising, normalised copies of them */
  GPtrArray  *phones;      /* one GStrv per customer */
  char       *now;
  gint64      first_id;
  GString    *gram_text;  /* every gram of every name, each ended by a NUL */
  GArray     *gram_rows;  /* GramRow, in customer order */
} BulkLoad;

static const char *const customer_bulk_columns[] = {
  "id", "name", "phone", "address", "district", "is_member", "member_number", "channel",
  "assigned_clerk_id", "notes", "assigned_at", "version", "created_at", "updated_at", NULL
};
static const char *const phone_bulk_columns[] = {
  "customer_id", "phone", "phone_rev", "position", "created_at", NULL
};
static const char *const gram_bulk_columns[] = {
  "gram", "customer_id", NULL
};

/* Where the row functions are in the load. */
typedef struct
{
  BulkLoad    *load;
  guint        customer;  /* index into load->customers */
  guint        phone;     /* index into that customer's numbers */
  GString     *reversed;  /* phone_rev of the current phone row */
  guint        gram_row;  /* index into load->gram_rows */
} BulkCursor;

static gboolean
next_customer_row (gpointer        user_data,
                   KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  KefuCustomer *c;
  GStrv phones;
  gint64 clerk;

  if (cursor->customer >= load->customers->len)
    return FALSE;

  c = g_ptr_array_index (load->customers, cursor->customer);
  phones = g_ptr_array_index (load->phones, cursor->customer);
  clerk = kefu_customer_get_assigned_clerk_id (c);

  kefu_store_value_set_int64 (&values[0], load->first_id + cursor->customer);
  kefu_store_value_set_text (&values[1], kefu_customer_get_name (c));
  kefu_store_value_set_text (&values[2], phones[0]);
  kefu_store_value_set_text (&values[3], _kefu_store_nullable (kefu_customer_get_address (c)));
  kefu_store_value_set_text (&values[4], _kefu_store_nullable (kefu_customer_get_district (c)));
  kefu_store_value_set_boolean (&values[5], kefu_customer_get_is_member (c));
  kefu_store_value_set_text (&values[6], _kefu_store_nullable (kefu_customer_get_member_number (c)));
  kefu_store_value_set_text (&values[7], _kefu_store_customer_channel_nick (c));
  if (clerk > 0)
    kefu_store_value_set_int64 (&values[8], clerk);
  else
    kefu_store_value_set_null (&values[8]);
  kefu_store_value_set_text (&values[9], _kefu_store_nullable (kefu_customer_get_notes (c)));
  /* As for a single customer: an assigned clerk has the customer as of now. */
  kefu_store_value_set_text (&values[10], clerk > 0 ? load->now : NULL);
  kefu_store_value_set_int64 (&values[11], 1);
  kefu_store_value_set_text (&values[12], load->now);
  kefu_store_value_set_text (&values[13], load->now);

  cursor->customer++;
  return TRUE;
}

static gboolean
next_phone_row (gpointer        user_data,
                KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  GStrv phones = NULL;
  const char *phone;
  gsize n_digits;

  /* The next customer that has a number left (a customer may have none). */
  while (cursor->customer < load->customers->len)
    {
      phones = g_ptr_array_index (load->phones, cursor->customer);
      if (phones[cursor->phone] != NULL)
        break;
      cursor->customer++;
      cursor->phone = 0;
    }
  if (cursor->customer >= load->customers->len)
    return FALSE;

  /* kefu_phone_reversed_digits() without an allocation per row: the lookup digits (before the
   * extension's "-"), last digit first; digits are ASCII, so bytes reverse as characters. */
  phone = phones[cursor->phone];
  n_digits = strcspn (phone, "-");
  g_string_set_size (cursor->reversed, n_digits);
  for (gsize k = 0; k < n_digits; k++)
    cursor->reversed->str[k] = phone[n_digits - 1 - k];

  kefu_store_value_set_int64 (&values[0], load->first_id + cursor->customer);
  kefu_store_value_set_text (&values[1], phone);
  kefu_store_value_set_text (&values[2], cursor->reversed->str);
  kefu_store_value_set_int64 (&values[3], cursor->phone);
  kefu_store_value_set_text (&values[4], load->now);

  cursor->phone++;
  return TRUE;
}

/* One row of customer_name_grams before the load knows its ids: the gram (an offset into the
 * load's gram text) and the customer's index in the load. */
typedef struct
{
  guint32 offset;
  guint32 customer;
} GramRow;

/* The gram rows of every customer of the load, made before the write transaction so that no
 * lock is held meanwhile. They stay in customer order: sorted by gram (the primary key) they
 * went in more slowly, as the index on customer_id then took them in random order instead. */
static void
make_gram_rows (BulkLoad *load)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) grams = g_string_new (NULL);

  load->gram_text = g_string_new (NULL);
  load->gram_rows = g_array_sized_new (FALSE, FALSE, sizeof (GramRow),
                                       load->customers->len * 5);
  for (guint i = 0; i < load->customers->len; i++)
    {
      KefuCustomer *c = g_ptr_array_index (load->customers, i);
      guint n;
      const char *gram;

      g_string_truncate (key, 0);
      _kefu_store_append_name_key (key, kefu_customer_get_name (c));
      n = _kefu_store_name_grams_from_key (key->str, grams);
      gram = grams->str;
      for (guint g = 0; g < n; g++)
        {
          gsize length = strlen (gram);
          GramRow row = { (guint32) load->gram_text->len, i };

          g_string_append_len (load->gram_text, gram, (gssize) length + 1);
          g_array_append_val (load->gram_rows, row);
          gram += length + 1;
        }
    }
}

static gboolean
next_gram_row (gpointer        user_data,
               KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  const GramRow *row;

  if (cursor->gram_row >= load->gram_rows->len)
    return FALSE;
  row = &g_array_index (load->gram_rows, GramRow, cursor->gram_row++);
  kefu_store_value_set_text (&values[0], load->gram_text->str + row->offset);
  kefu_store_value_set_int64 (&values[1], load->first_id + row->customer);
  return TRUE;
}

static gboolean
bulk_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  BulkLoad *load = data;
  KefuStoreBackend backend = kefu_store_get_backend (self);
  const char *lock = _kefu_schema_bulk_lock (backend);
  const char *after = _kefu_schema_after_explicit_ids (backend, "customers");
  g_autoptr(KefuRows) max = NULL;
  g_autoptr(GString) reversed = g_string_new (NULL);
  g_autofree char *details = NULL;
  guint n = load->customers->len;
  BulkCursor cursor = { .load = load, .reversed = reversed };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  if (lock != NULL && _kefu_store_execute (self, lock, NULL, cancellable, error) < 0)
    return FALSE;

  /* The ids are chosen here so that the phone rows can name their customer without a round trip
   * per row; the write lock keeps other writers from taking the same ids meanwhile. */
  max = _kefu_store_query (self, "SELECT COALESCE(MAX(id), 0) FROM customers", NULL,
                           cancellable, error);
  if (max == NULL)
    return FALSE;
  load->first_id = kefu_rows_get_int (max, 0, 0) + 1;

  /* Every customer first, then every number: a number's row refers to its customer's. */
  ok = _kefu_store_bulk_insert_rows (self, "customers", customer_bulk_columns,
                                     next_customer_row, &cursor, cancellable, error);
  if (ok)
    {
      cursor.customer = 0;
      cursor.phone = 0;
      ok = _kefu_store_bulk_insert_rows (self, "customer_phones", phone_bulk_columns,
                                         next_phone_row, &cursor, cancellable, error);
    }
  if (!ok)
    {
      _kefu_store_rename_duplicate (error, _("Some of these phone numbers already belong to "
                                             "other customers, or appear twice. Nothing was "
                                             "imported."));
      return FALSE;
    }
  g_debug ("Bulk load of %u customers: %.1f s inserting", n,
           (g_get_monotonic_time () - start) / 1e6);

  /* The name grams, so that bulk-loaded customers are found by name like any other. */
  start = g_get_monotonic_time ();
  cursor.gram_row = 0;
  if (!_kefu_store_bulk_insert_rows (self, "customer_name_grams", gram_bulk_columns,
                                     next_gram_row, &cursor, cancellable, error))
    return FALSE;
  g_debug ("Bulk load of %u customers: %.1f s inserting name grams", n,
           (g_get_monotonic_time () - start) / 1e6);

  if (after != NULL && _kefu_store_execute (self, after, NULL, cancellable, error) < 0)
    return FALSE;

  details = g_strdup_printf ("{\"count\":%u,\"first_id\":%" G_GINT64_FORMAT
                             ",\"last_id\":%" G_GINT64_FORMAT "}",
                             n, load->first_id, load->first_id + n - 1);
  return _kefu_store_add_event (self, "customers", 0, "bulk-insert", details, cancellable, error);
}

/**
 * kefu_store_insert_customers_bulk:
 * @customers: (element-type KefuCustomer): new customers; their ids and versions are set
 *
 * Inserts many customers and their numbers in one transaction, through the backend's fast path
 * (SQLite: one prepared statement; PostgreSQL: COPY). One event records the whole load.
 */
gboolean
kefu_store_insert_customers_bulk (KefuStore     *self,
                                  GPtrArray     *customers,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  BulkLoad load = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) records = NULL;
  gint64 start;
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (customers != NULL, FALSE);

  if (customers->len == 0)
    return TRUE;

  records = g_ptr_array_new_full (customers->len, g_object_unref);
  load.customers = records;
  load.phones = g_ptr_array_new_full (customers->len, (GDestroyNotify) g_strfreev);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < customers->len; i++)
    {
      KefuCustomer *c = g_ptr_array_index (customers, i);
      GStrv phones;

      /* As every write, validate and store the normalised text (_kefu_store_normalized_copy());
       * a customer whose text is already normalised, as generated data is, is its own copy. */
      if (customer_text_is_normalized (c))
        g_ptr_array_add (records, g_object_ref (c));
      else
        {
          g_ptr_array_add (records, _kefu_store_normalized_copy (c));
          c = g_ptr_array_index (records, i);
        }

      if (!_kefu_store_customer_validate (c, error) || (phones = _kefu_store_customer_normalize_phones (c, error)) == NULL)
        {
          /* One sentence for translators, with the position and the reason together. */
          if (error != NULL && *error != NULL)
            {
              char *reason = (*error)->message;

              (*error)->message = g_strdup_printf (_("Customer %u of %u was not loaded: %s"),
                                                   i + 1, customers->len, reason);
              g_free (reason);
            }
          g_ptr_array_unref (load.phones);
          return FALSE;
        }
      g_ptr_array_add (load.phones, phones);
    }
  load.now = kefu_time_to_db (now);
  g_debug ("Validated %u customers in %.1f s", customers->len,
           (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  make_gram_rows (&load);
  g_debug ("Made %u name grams in %.1f s", load.gram_rows->len,
           (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  ok = _kefu_store_write (self, bulk_txn, &load, cancellable, error);
  g_debug ("Bulk load transaction: %.1f s", (g_get_monotonic_time () - start) / 1e6);
  if (ok)
    {
      /* The times as stored (milliseconds), so the records equal what a read gives back. */
      g_autoptr(GDateTime) stored = kefu_time_from_db (load.now);

      for (guint i = 0; i < customers->len; i++)
        {
          KefuRecord *record = g_ptr_array_index (customers, i);
          KefuCustomer *stored_text = g_ptr_array_index (records, i);

          /* The caller's record gets the text as stored, after the commit. */
          if (stored_text != (gpointer) record)
            {
              KefuCustomer *customer = KEFU_CUSTOMER (record);

              kefu_customer_set_name (customer, kefu_customer_get_name (stored_text));
              kefu_customer_set_address (customer, kefu_customer_get_address (stored_text));
              kefu_customer_set_district (customer, kefu_customer_get_district (stored_text));
              kefu_customer_set_member_number (customer,
                                               kefu_customer_get_member_number (stored_text));
              kefu_customer_set_notes (customer, kefu_customer_get_notes (stored_text));
            }
          kefu_record_set_id (record, load.first_id + i);
          kefu_record_set_version (record, 1);
          kefu_record_set_created_at (record, stored);
          kefu_record_set_updated_at (record, stored);
          kefu_customer_set_phones (KEFU_CUSTOMER (record),
                                    g_ptr_array_index (load.phones, i));
        }
    }
  g_ptr_array_unref (load.phones);
  g_array_unref (load.gram_rows);
  g_string_free (load.gram_text, TRUE);
  g_free (load.now);
  return ok;
}
