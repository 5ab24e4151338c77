/* kefu-store-customer-contacts.c: every customer's contact details, read in pages and held
 * compactly, for making calls of existing customers at scale (kefuctl generate, bench).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-calls-bulk.h"
#include "kefu-store-internal.h"

struct _KefuCustomerContacts
{
  GArray       *contacts;   /* KefuCustomerContact */
  GStringChunk *strings;
};

KefuCustomerContacts *
kefu_customer_contacts_new (void)
{
  KefuCustomerContacts *contacts = g_new0 (KefuCustomerContacts, 1);

  contacts->contacts = g_array_new (FALSE, FALSE, sizeof (KefuCustomerContact));
  contacts->strings = g_string_chunk_new (1024 * 1024);
  return contacts;
}

void
kefu_customer_contacts_free (KefuCustomerContacts *contacts)
{
  if (contacts == NULL)
    return;
  g_array_unref (contacts->contacts);
  g_string_chunk_free (contacts->strings);
  g_free (contacts);
}

guint
kefu_customer_contacts_get_len (KefuCustomerContacts *contacts)
{
  g_return_val_if_fail (contacts != NULL, 0);

  return contacts->contacts->len;
}

const KefuCustomerContact *
kefu_customer_contacts_get (KefuCustomerContacts *contacts,
                            guint                 index)
{
  g_return_val_if_fail (contacts != NULL, NULL);
  g_return_val_if_fail (index < contacts->contacts->len, NULL);

  return &g_array_index (contacts->contacts, KefuCustomerContact, index);
}

static const char *
chunk_text (GStringChunk *strings,
            KefuRows     *rows,
            guint         row,
            guint         column,
            gboolean      shared)
{
  const char *text = kefu_rows_get_text (rows, row, column);

  if (text == NULL)
    return NULL;
  /* Names and districts repeat (王伟, 朝阳区): those are kept once. */
  return shared ? g_string_chunk_insert_const (strings, text)
                : g_string_chunk_insert (strings, text);
}

/**
 * kefu_store_read_customer_contacts:
 *
 * See kefu-store-calls-bulk.h.
 */
gboolean
kefu_store_read_customer_contacts (KefuStore             *self,
                                   KefuCustomerContacts  *contacts,
                                   gint64                 after_id,
                                   guint                  limit,
                                   guint                 *n_read,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(KefuRows) rows = NULL;
  guint n;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (contacts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = _kefu_store_query (self,
                            "SELECT id, name, address, district, phone, assigned_clerk_id, channel "
                            "FROM customers WHERE id > $1 ORDER BY id LIMIT $2",
                            g_variant_new ("(xx)", after_id, (gint64) limit), cancellable, error);
  if (rows == NULL)
    return FALSE;

  n = kefu_rows_get_n_rows (rows);
  for (guint i = 0; i < n; i++)
    {
      KefuCustomerContact contact = {
        .id = kefu_rows_get_int (rows, i, 0),
        .name = chunk_text (contacts->strings, rows, i, 1, TRUE),
        .address = chunk_text (contacts->strings, rows, i, 2, FALSE),
        .district = chunk_text (contacts->strings, rows, i, 3, TRUE),
        .phone = chunk_text (contacts->strings, rows, i, 4, FALSE),
        .assigned_clerk_id = kefu_rows_is_null (rows, i, 5) ? 0 : kefu_rows_get_int (rows, i, 5),
        .channel = _kefu_store_enum_from_nick (KEFU_TYPE_CHANNEL, kefu_rows_get_text (rows, i, 6),
                                               KEFU_CHANNEL_UNSPECIFIED),
      };

      g_array_append_val (contacts->contacts, contact);
    }
  if (n_read != NULL)
    *n_read = n;
  return TRUE;
}
