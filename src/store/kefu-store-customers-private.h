/* kefu-store-customers-private.h: what the customer files of the store share (reading a
 * customer row, the name key and grams, id lists in chunks). kefu-store-customers.c,
 * kefu-store-customers-bulk.c, kefu-store-name-grams.c, kefu-store-customer-search.c,
 * kefu-store-customer-list.c, kefu-store-assignment.c and kefu-store-import.c use it; other
 * store files use kefu-store-internal.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-internal.h"

G_BEGIN_DECLS

/* A customer as read: its own columns, its last call's kind and summary, its clerk's name.
 * Use with KEFU_STORE_CUSTOMER_FROM; _kefu_store_customer_from_row() reads the columns in this
 * order. */
#define KEFU_STORE_CUSTOMER_COLUMNS \
  "customers.id, customers.version, customers.created_at, customers.updated_at, " \
  "customers.name, customers.phone, customers.address, customers.district, " \
  "customers.is_member, customers.member_number, customers.channel, " \
  "customers.assigned_clerk_id, customers.notes, customers.last_contact_at, " \
  "last_call.kind, last_call.summary, assigned_clerk.name, customers.assigned_at, " \
  "customers.first_contact_at"
#define KEFU_STORE_CUSTOMER_JOINS \
  "LEFT JOIN calls last_call ON last_call.id = customers.last_call_id " \
  "LEFT JOIN staff assigned_clerk ON assigned_clerk.id = customers.assigned_clerk_id"
#define KEFU_STORE_CUSTOMER_FROM "customers " KEFU_STORE_CUSTOMER_JOINS

/* A new customer (transfer full) from row `row` of rows read with KEFU_STORE_CUSTOMER_COLUMNS;
 * its phones are not loaded. */
KefuCustomer *_kefu_store_customer_from_row    (KefuRows      *rows,
                                                guint          row);
/* Sets the phones of every customer of `customers` (KefuCustomer) with one query per 100. */
gboolean      _kefu_store_customers_load_phones (KefuStore    *self,
                                                 GPtrArray    *customers,
                                                 GCancellable *cancellable,
                                                 GError      **error);

/* Inside a write transaction: updates `customer` (normalised, validated, with the version it was
 * read at) as kefu_store_update_customer() does: phones, name grams, assignment times, the
 * "update" event with the changed fields. `r` receives the new row when something changed. */
gboolean      _kefu_store_customer_update_txn  (KefuStore        *self,
                                                KefuCustomer     *customer,
                                                KefuWriteResult  *r,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* Id lists: statements take a fixed number of ids ("customers.id IN ($1, … $100)"), so that one
 * prepared statement serves every page on both backends; unused places hold 0, which no row
 * has. */
#define KEFU_STORE_ID_CHUNK 100
/* "$first, $first+1, … " for KEFU_STORE_ID_CHUNK places (transfer full). */
char         *_kefu_store_id_placeholders      (guint          first);
/* Adds ids[0 … n-1] and then zeros up to KEFU_STORE_ID_CHUNK values to `builder`. */
void          _kefu_store_add_id_chunk         (GVariantBuilder *builder,
                                                const gint64  *ids,
                                                guint          n);

/* The name key (kefu-store-name-grams.c): `text` normalised (NFKC), case-folded, without
 * separators. Searches compare keys. */
void          _kefu_store_append_name_key      (GString       *key,
                                                const char    *text);
char         *_kefu_store_name_key             (const char    *text);
guint         _kefu_store_name_key_length      (const char    *key);
/* The distinct grams of a key (each character, each adjacent pair), written to `grams` one after
 * the other, each ended by a NUL; returns how many. */
guint         _kefu_store_name_grams_from_key  (const char    *key,
                                                GString       *grams);
/* Inside a write transaction: stores the grams of `name` for the customer, first removing its
 * old ones when `replace`. */
gboolean      _kefu_store_write_name_grams     (KefuStore     *self,
                                                gint64         customer_id,
                                                const char    *name,
                                                gboolean       replace,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_END_DECLS
