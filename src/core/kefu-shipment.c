/* kefu-shipment.c: the shipment record and its product lines.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment"

#include "config.h"

#include "kefu-shipment.h"

KefuShipmentLine *
kefu_shipment_line_new (void)
{
  KefuShipmentLine *line = g_new0 (KefuShipmentLine, 1);

  g_date_clear (&line->production_date, 1);
  line->quantity = 1;
  return line;
}

KefuShipmentLine *
kefu_shipment_line_copy (const KefuShipmentLine *line)
{
  KefuShipmentLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_new0 (KefuShipmentLine, 1);
  *copy = *line;
  copy->product_name = g_strdup (line->product_name);
  copy->serial = g_strdup (line->serial);
  return copy;
}

void
kefu_shipment_line_free (KefuShipmentLine *line)
{
  if (line == NULL)
    return;
  g_free (line->product_name);
  g_free (line->serial);
  g_free (line);
}

G_DEFINE_FINAL_TYPE (KefuShipment, kefu_shipment, G_TYPE_OBJECT)

static void
kefu_shipment_finalize (GObject *object)
{
  KefuShipment *self = KEFU_SHIPMENT (object);

  g_free (self->reference);
  g_free (self->customer_name);
  g_free (self->customer_phone);
  g_free (self->address);
  g_free (self->call_reference);
  g_free (self->account_manager_name);
  g_free (self->notes);
  g_clear_pointer (&self->requested_at, g_date_time_unref);
  g_free (self->requested_by_name);
  g_clear_pointer (&self->payment_confirmed_at, g_date_time_unref);
  g_free (self->payment_confirmed_by_name);
  g_clear_pointer (&self->dispatch_issued_at, g_date_time_unref);
  g_free (self->dispatch_issued_by_name);
  g_free (self->dispatch_note_number);
  g_clear_pointer (&self->handed_over_at, g_date_time_unref);
  g_free (self->handed_over_by_name);
  g_clear_pointer (&self->shipped_at, g_date_time_unref);
  g_free (self->shipped_by_name);
  g_free (self->carrier_name);
  g_free (self->tracking_template);
  g_free (self->waybill);
  g_clear_pointer (&self->delivered_at, g_date_time_unref);
  g_free (self->delivered_by_name);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->received_by_name);
  g_free (self->exception_reason);
  g_clear_pointer (&self->exception_at, g_date_time_unref);
  g_free (self->exception_by_name);
  g_free (self->exception_resolution);
  g_clear_pointer (&self->cancelled_at, g_date_time_unref);
  g_free (self->cancel_reason);
  g_clear_pointer (&self->attention_at, g_date_time_unref);
  g_free (self->first_product_name);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (kefu_shipment_parent_class)->finalize (object);
}

static void
kefu_shipment_class_init (KefuShipmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_shipment_finalize;
}

static void
kefu_shipment_init (KefuShipment *self)
{
  g_date_clear (&self->ship_date, 1);
  g_date_clear (&self->expected_arrival, 1);
  self->exception_from = KEFU_SHIPMENT_STEP_SHIPPED;
}

KefuShipment *
kefu_shipment_new (void)
{
  return g_object_new (KEFU_TYPE_SHIPMENT, NULL);
}

gboolean
kefu_shipment_is_overdue (KefuShipment *self,
                          GDateTime    *now)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return self->attention_at != NULL && g_date_time_compare (now, self->attention_at) >= 0;
}
