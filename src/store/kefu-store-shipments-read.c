/* kefu-store-shipments-read.c: shipments as the pane reads them: the list's rows by id (in
 * pages of a few fixed sizes, so that the statements stay cached), one shipment with its lines
 * for the detail page, a customer's shipments, the timeline and the sidebar's counts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-shipments-private.h"

/* The order of these columns is the order _kefu_store_shipment_from_row () reads them in. */
const char _kefu_shipment_columns[] =
  "shipments.id, shipments.version, shipments.reference, shipments.step, "
  "shipments.customer_id, shipments.customer_name, shipments.customer_phone, shipments.address, "
  "shipments.call_id, calls.reference, shipments.account_manager_id, account_manager.name, "
  "shipments.notes, shipments.requested_at, shipments.requested_by, requester.name, "
  "shipments.payment_confirmed_at, shipments.payment_confirmed_by, payer.name, "
  "shipments.payment_amount_fen, shipments.dispatch_issued_at, shipments.dispatch_issued_by, "
  "issuer.name, shipments.dispatch_note_number, shipments.handed_over_at, "
  "shipments.handed_over_by, handler.name, shipments.shipped_at, shipments.shipped_by, "
  "shipper.name, shipments.carrier_id, carriers.name, carriers.kind, "
  "carriers.tracking_template, shipments.waybill, shipments.ship_date, "
  "shipments.expected_arrival, shipments.delivered_at, shipments.delivered_by, "
  "deliverer.name, shipments.received_at, shipments.received_by, receiver.name, "
  "shipments.receipt_method, shipments.exception, shipments.exception_reason, "
  "shipments.exception_at, shipments.exception_by, reporter.name, shipments.exception_from, "
  "shipments.exception_resolution, shipments.cancelled_at, shipments.cancel_reason, "
  "shipments.attention_at, shipments.n_lines, shipments.total_quantity, "
  "shipments.first_product_name, shipments.updated_at";

char *
_kefu_store_shipment_day_text (const GDate *day)
{
  if (day == NULL || !g_date_valid (day))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

void
_kefu_store_shipment_day_parse (const char *text,
                                GDate      *day)
{
  guint year, month, dom;

  g_date_clear (day, 1);
  /* PostgreSQL writes a date as 'YYYY-MM-DD' (DateStyle ISO), as SQLite stores it. */
  if (text != NULL && sscanf (text, "%4u-%2u-%2u", &year, &month, &dom) == 3 &&
      g_date_valid_dmy (dom, month, year))
    g_date_set_dmy (day, dom, month, year);
}

static char *
dup_text (KefuRows *rows,
          guint     row,
          guint     column)
{
  return g_strdup (kefu_rows_get_text (rows, row, column));
}

/* Who took a step and when: three columns from `first` (time, staff id, staff name). */
static void
read_step (KefuRows    *rows,
           guint        row,
           guint        first,
           GDateTime  **at,
           gint64      *by,
           char       **by_name)
{
  *at = kefu_rows_get_time (rows, row, first);
  *by = kefu_rows_get_int (rows, row, first + 1);
  *by_name = dup_text (rows, row, first + 2);
}

static KefuShipment *
shipment_from_row (KefuRows *rows,
                   guint     i)
{
  KefuShipment *s = kefu_shipment_new ();

  s->id = kefu_rows_get_int (rows, i, 0);
  s->version = kefu_rows_get_int (rows, i, 1);
  s->reference = dup_text (rows, i, 2);
  s->step = _kefu_store_enum_from_nick (KEFU_TYPE_SHIPMENT_STEP, kefu_rows_get_text (rows, i, 3),
                                        KEFU_SHIPMENT_STEP_REQUESTED);
  s->customer_id = kefu_rows_get_int (rows, i, 4);
  s->customer_name = dup_text (rows, i, 5);
  s->customer_phone = dup_text (rows, i, 6);
  s->address = dup_text (rows, i, 7);
  s->call_id = kefu_rows_get_int (rows, i, 8);
  s->call_reference = dup_text (rows, i, 9);
  s->account_manager_id = kefu_rows_get_int (rows, i, 10);
  s->account_manager_name = dup_text (rows, i, 11);
  s->notes = dup_text (rows, i, 12);
  read_step (rows, i, 13, &s->requested_at, &s->requested_by, &s->requested_by_name);
  read_step (rows, i, 16, &s->payment_confirmed_at, &s->payment_confirmed_by,
             &s->payment_confirmed_by_name);
  s->payment_amount_fen = kefu_rows_get_int (rows, i, 19);
  read_step (rows, i, 20, &s->dispatch_issued_at, &s->dispatch_issued_by,
             &s->dispatch_issued_by_name);
  s->dispatch_note_number = dup_text (rows, i, 23);
  read_step (rows, i, 24, &s->handed_over_at, &s->handed_over_by, &s->handed_over_by_name);
  read_step (rows, i, 27, &s->shipped_at, &s->shipped_by, &s->shipped_by_name);
  s->carrier_id = kefu_rows_get_int (rows, i, 30);
  s->carrier_name = dup_text (rows, i, 31);
  s->carrier_kind = _kefu_store_enum_from_nick (KEFU_TYPE_CARRIER_KIND,
                                                kefu_rows_get_text (rows, i, 32),
                                                KEFU_CARRIER_OTHER);
  s->tracking_template = dup_text (rows, i, 33);
  s->waybill = dup_text (rows, i, 34);
  _kefu_store_shipment_day_parse (kefu_rows_get_text (rows, i, 35), &s->ship_date);
  _kefu_store_shipment_day_parse (kefu_rows_get_text (rows, i, 36), &s->expected_arrival);
  read_step (rows, i, 37, &s->delivered_at, &s->delivered_by, &s->delivered_by_name);
  read_step (rows, i, 40, &s->received_at, &s->received_by, &s->received_by_name);
  s->receipt_method = _kefu_store_enum_from_nick (KEFU_TYPE_RECEIPT_METHOD,
                                                  kefu_rows_get_text (rows, i, 43),
                                                  KEFU_RECEIPT_METHOD_UNSPECIFIED);
  s->exception = _kefu_store_enum_from_nick (KEFU_TYPE_SHIPMENT_EXCEPTION,
                                             kefu_rows_get_text (rows, i, 44),
                                             KEFU_SHIPMENT_EXCEPTION_NONE);
  s->exception_reason = dup_text (rows, i, 45);
  read_step (rows, i, 46, &s->exception_at, &s->exception_by, &s->exception_by_name);
  s->exception_from = _kefu_store_enum_from_nick (KEFU_TYPE_SHIPMENT_STEP,
                                                  kefu_rows_get_text (rows, i, 49),
                                                  KEFU_SHIPMENT_STEP_SHIPPED);
  s->exception_resolution = dup_text (rows, i, 50);
  s->cancelled_at = kefu_rows_get_time (rows, i, 51);
  s->cancel_reason = dup_text (rows, i, 52);
  s->attention_at = kefu_rows_get_time (rows, i, 53);
  s->n_lines = (guint) kefu_rows_get_int (rows, i, 54);
  s->total_quantity = (guint) kefu_rows_get_int (rows, i, 55);
  s->first_product_name = dup_text (rows, i, 56);
  s->updated_at = kefu_rows_get_time (rows, i, 57);
  return s;
}

GPtrArray *
_kefu_store_read_shipments (KefuStore     *self,
                            const char    *where_order,
                            GVariant      *params,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", _kefu_shipment_columns,
                                      " FROM " KEFU_SHIPMENT_FROM " ", where_order, NULL);
  g_autoptr(KefuRows) rows = _kefu_store_query (self, sql, params, cancellable, error);
  GPtrArray *shipments;

  if (rows == NULL)
    return NULL;
  shipments = g_ptr_array_new_full (kefu_rows_get_n_rows (rows), g_object_unref);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (shipments, shipment_from_row (rows, i));
  return shipments;
}

KefuShipment *
_kefu_store_read_shipment (KefuStore     *self,
                           gint64         shipment_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(KefuRows) lines = NULL;
  KefuShipment *shipment;

  found = _kefu_store_read_shipments (self, "WHERE shipments.id = $1",
                                      g_variant_new ("(x)", shipment_id), cancellable, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This shipment no longer exists. Reload the list."));
      return NULL;
    }
  lines = _kefu_store_query (self,
                             "SELECT id, product_id, product_name, serial, production_date, "
                             "quantity FROM shipment_lines WHERE shipment_id = $1 "
                             "ORDER BY position, id",
                             g_variant_new ("(x)", shipment_id), cancellable, error);
  if (lines == NULL)
    return NULL;

  shipment = g_object_ref (g_ptr_array_index (found, 0));
  shipment->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (lines); i++)
    {
      KefuShipmentLine *line = kefu_shipment_line_new ();

      line->id = kefu_rows_get_int (lines, i, 0);
      line->product_id = kefu_rows_get_int (lines, i, 1);
      line->product_name = dup_text (lines, i, 2);
      line->serial = dup_text (lines, i, 3);
      _kefu_store_shipment_day_parse (kefu_rows_get_text (lines, i, 4), &line->production_date);
      line->quantity = (guint) kefu_rows_get_int (lines, i, 5);
      g_ptr_array_add (shipment->lines, line);
    }
  return shipment;
}

/* The list reads its rows a page at a time; an IN list of one of these lengths (the ids padded
 * with the first) keeps the number of statements the backends prepare small. */
static const guint page_sizes[] = { 1, 16, 64, 256 };

static gboolean
read_page (KefuStore     *self,
           const gint64  *ids,
           guint          n_ids,
           GHashTable    *by_id,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GString) where = g_string_new ("WHERE shipments.id IN (");
  g_autoptr(GPtrArray) page = NULL;
  GVariantBuilder params;
  guint size = page_sizes[G_N_ELEMENTS (page_sizes) - 1];

  for (guint i = G_N_ELEMENTS (page_sizes); i > 0; i--)
    if (page_sizes[i - 1] >= n_ids)
      size = page_sizes[i - 1];
  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  for (guint i = 0; i < size; i++)
    {
      g_string_append_printf (where, "%s$%u", i > 0 ? ", " : "", i + 1);
      g_variant_builder_add (&params, "x", ids[i < n_ids ? i : 0]);
    }
  g_string_append_c (where, ')');

  page = _kefu_store_read_shipments (self, where->str, g_variant_builder_end (&params),
                                     cancellable, error);
  if (page == NULL)
    return FALSE;
  for (guint i = 0; i < page->len; i++)
    {
      KefuShipment *shipment = g_ptr_array_index (page, i);

      g_hash_table_replace (by_id, &shipment->id, g_object_ref (shipment));
    }
  return TRUE;
}

/**
 * kefu_store_get_shipments:
 * @ids: (array length=n_ids): shipment ids
 *
 * Returns: (transfer full) (element-type KefuShipment): the list rows of @ids (without lines)
 *   in the same order; ids that are no longer there are left out
 */
GPtrArray *
kefu_store_get_shipments (KefuStore     *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GCancellable  *cancellable,
                          GError       **error)
{
  const guint page = page_sizes[G_N_ELEMENTS (page_sizes) - 1];
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *result;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The keys point into the values (their ids), which the table owns. */
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  for (guint start = 0; start < n_ids; start += page)
    if (!read_page (self, ids + start, MIN (page, n_ids - start), by_id, cancellable, error))
      return NULL;

  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      KefuShipment *shipment = g_hash_table_lookup (by_id, &ids[i]);

      if (shipment != NULL)
        g_ptr_array_add (result, g_object_ref (shipment));
    }
  return result;
}

/**
 * kefu_store_get_shipment:
 *
 * Returns: (transfer full): the shipment with its lines, or %NULL with
 *   %KEFU_STORE_ERROR_NOT_FOUND
 */
KefuShipment *
kefu_store_get_shipment (KefuStore     *self,
                         gint64         shipment_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kefu_store_read_shipment (self, shipment_id, cancellable, error);
}

/**
 * kefu_store_list_customer_shipments:
 *
 * Returns: (transfer full) (element-type KefuShipment): the customer's shipments, newest first
 */
GPtrArray *
kefu_store_list_customer_shipments (KefuStore     *self,
                                    gint64         customer_id,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Through shipments_customer_id (customer_id, requested_at). */
  return _kefu_store_read_shipments (self,
                                     "WHERE shipments.customer_id = $1 "
                                     "ORDER BY shipments.requested_at DESC, shipments.id DESC",
                                     g_variant_new ("(x)", customer_id), cancellable, error);
}

/**
 * kefu_store_count_shipments:
 * @now: (nullable): the time overdue is judged at; %NULL for the store clock
 * @n_open: (out) (optional): shipments not received or cancelled
 * @n_overdue: (out) (optional): those of them past their attention time
 */
gboolean
kefu_store_count_shipments (KefuStore     *self,
                            GDateTime     *now,
                            gint64        *n_open,
                            gint64        *n_overdue,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GDateTime) clock = NULL;
  g_autofree char *now_text = NULL;
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (now == NULL)
    now = clock = _kefu_store_now (self);
  now_text = kefu_time_to_db (now);
  /* Two index reads: the open steps through shipments_step, the shipments past their attention
   * time through shipments_attention (only open shipments have one). */
  rows = _kefu_store_query (self,
                            "SELECT (SELECT count(*) FROM shipments WHERE "
                            KEFU_SHIPMENT_OPEN_WHERE " AND shipments.archived_at IS NULL), "
                            "(SELECT count(*) FROM shipments WHERE attention_at IS NOT NULL "
                            "AND attention_at <= $1 AND shipments.archived_at IS NULL)",
                            g_variant_new ("(s)", now_text), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (n_open != NULL)
    *n_open = kefu_rows_get_int (rows, 0, 0);
  if (n_overdue != NULL)
    *n_overdue = kefu_rows_get_int (rows, 0, 1);
  return TRUE;
}

/**
 * kefu_store_list_shipment_timeline:
 *
 * Every event on entity "shipment" for @shipment_id, oldest first.
 *
 * Returns: (transfer full): a #GListModel of #KefuEvent, or %NULL with @error set
 */
GListModel *
kefu_store_list_shipment_timeline (KefuStore     *self,
                                   gint64         shipment_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kefu_store_list_entity_events (self, KEFU_SHIPMENT_ENTITY, shipment_id, TRUE,
                                         cancellable, error);
}
