/* kefu-shipment-print.c: the dispatch note (《发货单》) of a shipment as the rows of a printed form
 * (widgets/kefu-print-document.h lays them out, draws them and runs the print dialog): the
 * customer and the account manager, the payment confirmation, the product lines, the carrier and
 * waybill, the signature boxes of the four hands the goods pass, the steps and the timeline.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-aftersales-timeline.h"
#include "core/kefu-enums.h"
#include "core/kefu-money.h"
#include "core/kefu-phone.h"
#include "store/kefu-store-shipments.h"

#include "kefu-aftersales-print-private.h"

static void
add_customer (KefuPrintDocument *document,
              KefuShipment      *shipment)
{
  g_autofree char *phone = shipment->customer_phone != NULL
                           ? kefu_phone_format (shipment->customer_phone) : NULL;
  g_autofree char *requested = kefu_print_who_when (shipment->requested_at,
                                                    shipment->requested_by_name);

  /* Translators: 发货单号 on the printed dispatch note: the number finance gave the note. */
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Reference"), shipment->reference,
                                 C_("printed record", "Dispatch note number"),
                                 shipment->dispatch_note_number);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Customer"), shipment->customer_name,
                                 C_("printed record", "Phone"), phone);
  kefu_print_document_add_pairs (document, C_("printed record", "Address"), shipment->address,
                                 NULL, NULL);
  /* Translators: 业务经理 on the printed dispatch note; "Requested" is when and by whom the
   * shipping request was filed. */
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Account manager"),
                                 shipment->account_manager_name,
                                 C_("printed record", "Requested"), requested);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Step"),
                                 kefu_shipment_step_get_display_name (shipment->step),
                                 C_("printed record", "Order call"), shipment->call_reference);
}

static void
add_payment (KefuPrintDocument *document,
             KefuShipment      *shipment)
{
  g_autofree char *amount = shipment->payment_confirmed_at != NULL
                            ? kefu_money_format (shipment->payment_amount_fen) : g_strdup ("");
  g_autofree char *confirmed_at = kefu_print_who_when (shipment->payment_confirmed_at, NULL);
  g_autofree char *issued = kefu_print_who_when (shipment->dispatch_issued_at,
                                                 shipment->dispatch_issued_by_name);

  /* Translators: 货款到账确认 on the printed dispatch note. */
  kefu_print_document_add_heading (document, C_("printed record", "Payment Confirmation"));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Amount received"), amount,
                                 C_("printed record", "Confirmed by"),
                                 shipment->payment_confirmed_by_name);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Confirmed at"), confirmed_at,
                                 /* Translators: when and by whom finance issued the 《发货单》. */
                                 C_("printed record", "Note issued"), issued);
}

static void
add_lines (KefuPrintDocument *document,
           KefuShipment      *shipment)
{
  const char *titles[] = {
    /* Translators: the column of line numbers in the printed dispatch note's product table. */
    C_("printed record", "No."),
    C_("printed record", "Product"),
    /* Translators: 产品编号, the serial, on the printed dispatch note. */
    C_("printed record", "Product number"),
    C_("dispatch note", "Production date"),
    C_("printed record", "Quantity"),
  };
  const double widths[] = { 0.07, 0.38, 0.25, 0.17, 0.13 };
  g_autofree char *total = g_strdup_printf ("%u", shipment->total_quantity);
  const char *total_cells[] = { "", C_("printed record", "Total"), "", "", total };
  int table;

  kefu_print_document_add_heading (document, C_("printed record", "Products"));
  table = kefu_print_document_add_table_head (document, 5, titles, widths);
  for (guint i = 0; shipment->lines != NULL && i < shipment->lines->len; i++)
    {
      KefuShipmentLine *line = shipment->lines->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *produced = kefu_print_format_day (&line->production_date);
      g_autofree char *quantity = g_strdup_printf ("%u", line->quantity);
      const char *cells[] = { number, line->product_name, line->serial, produced, quantity };

      kefu_print_document_add_table_row (document, table, cells);
    }
  kefu_print_document_add_table_row (document, table, total_cells);
}

static void
add_shipping (KefuPrintDocument *document,
              KefuShipment      *shipment)
{
  g_autofree char *ship_date = kefu_print_format_day (&shipment->ship_date);
  g_autofree char *expected = kefu_print_format_day (&shipment->expected_arrival);
  g_autofree char *delivered = kefu_print_who_when (shipment->delivered_at, NULL);
  g_autofree char *received = kefu_print_who_when (shipment->received_at, NULL);

  if (shipment->received_at != NULL && shipment->receipt_method != KEFU_RECEIPT_METHOD_UNSPECIFIED)
    {
      g_autofree char *when = g_steal_pointer (&received);

      /* Translators: when the customer confirmed receipt and how, e.g.
       * "2026-11-24 10:05 (Phone call)". */
      received = g_strdup_printf (C_("printed record", "%s (%s)"), when,
                                  kefu_receipt_method_get_display_name (shipment->receipt_method));
    }

  kefu_print_document_add_heading (document, C_("printed record", "Shipping"));
  /* Translators: 承运商 and 运单号 on the printed dispatch note. */
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Carrier"), shipment->carrier_name,
                                 C_("printed record", "Waybill"), shipment->waybill);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Ship date"), ship_date,
                                 C_("printed record", "Expected arrival"), expected);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Delivered"), delivered,
                                 C_("printed record", "Receipt confirmed"), received);

  if (shipment->exception != KEFU_SHIPMENT_EXCEPTION_NONE)
    {
      g_autofree char *what = kefu_print_join_two (
        kefu_shipment_exception_get_display_name (shipment->exception), shipment->exception_reason);

      /* Translators: 运输异常 on the printed dispatch note: what went wrong, and how it ended. */
      kefu_print_document_add_pairs (document, C_("printed record", "Exception"), what, NULL, NULL);
      if (shipment->exception_resolution != NULL)
        kefu_print_document_add_pairs (document, C_("printed record", "Exception resolved"),
                                       shipment->exception_resolution, NULL, NULL);
    }
  if (shipment->cancelled_at != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Cancelled"),
                                   shipment->cancel_reason, NULL, NULL);
  kefu_print_document_add_pairs (document, C_("printed record", "Notes"), shipment->notes,
                                 NULL, NULL);
}

static void
add_signatures (KefuPrintDocument *document)
{
  const char *labels[] = {
    /* Translators: the signature boxes of the printed dispatch note: 财务, 库房, 物流, 客户签收. */
    C_("printed record", "Finance"),
    C_("printed record", "Warehouse"),
    C_("printed record", "Logistics"),
    C_("printed record", "Customer's receipt"),
  };

  kefu_print_document_add_heading (document, C_("printed record", "Signatures"));
  kefu_print_document_add_signatures (document, G_N_ELEMENTS (labels), labels);
}

static void
add_steps (KefuPrintDocument *document,
           KefuShipment      *shipment)
{
  struct {
    KefuShipmentStep  step;
    GDateTime        *at;
    const char       *by;
  } steps[] = {
    { KEFU_SHIPMENT_STEP_REQUESTED, shipment->requested_at, shipment->requested_by_name },
    { KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, shipment->payment_confirmed_at,
      shipment->payment_confirmed_by_name },
    { KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, shipment->dispatch_issued_at,
      shipment->dispatch_issued_by_name },
    { KEFU_SHIPMENT_STEP_HANDED_OVER, shipment->handed_over_at, shipment->handed_over_by_name },
    { KEFU_SHIPMENT_STEP_SHIPPED, shipment->shipped_at, shipment->shipped_by_name },
    { KEFU_SHIPMENT_STEP_DELIVERED, shipment->delivered_at, shipment->delivered_by_name },
    { KEFU_SHIPMENT_STEP_RECEIVED, shipment->received_at, shipment->received_by_name },
    { KEFU_SHIPMENT_STEP_EXCEPTION, shipment->exception_at, shipment->exception_by_name },
    { KEFU_SHIPMENT_STEP_CANCELLED, shipment->cancelled_at, NULL },
  };
  int table = kefu_print_document_add_steps_head (document);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    kefu_print_document_add_step (document, table,
                                  kefu_shipment_step_get_display_name (steps[i].step),
                                  steps[i].at, steps[i].by);
}

KefuPrintDocument *
_kefu_shipment_print_read (KefuStore     *store,
                           gint64         shipment_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GListModel) timeline = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  shipment = kefu_store_get_shipment (store, shipment_id, cancellable, error);
  if (shipment == NULL)
    return NULL;
  timeline = kefu_store_list_shipment_timeline (store, shipment_id, cancellable, error);
  if (timeline == NULL)
    return NULL;

  /* Translators: the title of the printed dispatch note, 发货单. */
  document = kefu_print_document_new (_("Dispatch Note"), shipment->reference);
  kefu_print_document_add_header (document);
  add_customer (document, shipment);
  add_payment (document, shipment);
  add_lines (document, shipment);
  add_shipping (document, shipment);
  add_signatures (document);
  add_steps (document, shipment);
  kefu_print_document_add_timeline (document, timeline, kefu_aftersales_event_title,
                                    kefu_aftersales_event_text, kefu_aftersales_event_changes);

  return g_steal_pointer (&document);
}

gboolean
kefu_shipment_print_to_pdf (KefuStore   *store,
                            gint64       shipment_id,
                            const char  *path,
                            GError     **error)
{
  /* kefu_print_document_save_pdf () checks the arguments. */
  return kefu_print_document_save_pdf (store, shipment_id, _kefu_shipment_print_read, path,
                                       error);
}

void
kefu_shipment_print (GtkWindow *parent,
                     KefuStore *store,
                     gint64     shipment_id)
{
  kefu_print_document_run (parent, store, shipment_id, _kefu_shipment_print_read,
                           _("The dispatch note could not be printed."));
}
