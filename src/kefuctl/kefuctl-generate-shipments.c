/* kefuctl-generate-shipments.c: one generated shipment's way from the shipping request to the
 * customer's confirmed receipt, for `kefuctl generate --shipments N`.
 *
 * Every shipment is given its whole story first (payment, dispatch note, hand-over, shipping
 * with a carrier and an expected arrival, delivery, receipt), with its fate drawn: a few are
 * cancelled before they leave, a few run into an exception in transit (lost, damaged, refused)
 * that is resolved days later, and a few recent ones are forgotten on the way (no delivery
 * recorded, or no receipt confirmed), which makes them overdue. Then only the steps that have
 * happened by the time of the run are kept: the young shipments are open in every step, and
 * attention_at follows from the step with the core rule (kefu_shipment_attention_at ()), so
 * that the list's overdue sort and the sidebar's count are the application's.
 *
 * The notes, reasons and resolutions are sample data in Chinese, not interface text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-shipment-flow.h"
#include "kefuctl-generate-aftersales-private.h"

/* Recent shipments (requested in this many days before the run) may be forgotten on the way. */
#define FORGOTTEN_DAYS 60

static const char *const notes[] = {
  "请在工作日送货,收货前电话联系实验室王老师",
  "客户要求随货附发票和合格证",
  "货到后需安排安装调试",
  "收货地址为单位仓库,卸货需叉车",
  "加急,客户项目下周验收",
};
static const char *const exception_reasons[] = {
  "物流显示已签收,客户称未收到货物",   /* lost */
  "外包装破损,仪器面板有裂纹",        /* damaged */
  "客户以未预约为由拒收",              /* refused */
};
static const char *const resolutions[] = {
  "已与承运商核实,重新发货",
  "承运商找回货物并送达,客户已签收",
  "货物退回库房,客户取消订单",
};
static const char *const cancel_reasons[] = {
  "客户取消订单",
  "货款未到账,业务经理撤回申请",
  "重复提交的发货申请",
};

typedef enum
{
  FATE_RECEIVED,
  FATE_CANCELLED,          /* before it left */
  FATE_EXCEPTION,          /* in transit, resolved days later */
  FATE_NOT_DELIVERED,      /* shipped, the delivery never recorded */
  FATE_NOT_CONFIRMED,      /* delivered, the receipt never confirmed */
} Fate;

/* Keeps `time` on the record only when it has happened; TRUE when it has. */
static gboolean
keep (KefuctlAftersales  *self,
      GDateTime         **field,
      GDateTime          *time)
{
  if (!_kefuctl_aftersales_happened (self, time))
    return FALSE;
  *field = g_date_time_ref (time);
  return TRUE;
}

static void
add_lines (KefuctlAftersales *self,
           KefuShipment      *shipment,
           GDateTime         *requested,
           guint32           *draws)
{
  /* Seven in ten shipments have one line, two in ten two, one in ten three. */
  guint n = draws[1] % 10 < 7 ? 1 : draws[1] % 10 < 9 ? 2 : 3;
  KefuctlRandom line_random;
  GDate made;

  kefuctl_random_init (&line_random, ((guint64) draws[2] << 32) | draws[3]);
  _kefuctl_aftersales_day (self, requested, &made);
  shipment->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  for (guint i = 0; i < n; i++)
    {
      KefuShipmentLine *line = kefu_shipment_line_new ();
      KefuProduct *product = g_ptr_array_index (self->products,
                                                kefuctl_random_below (&line_random,
                                                                      self->products->len));
      GDate produced = made;

      line->product_id = kefu_record_get_id (KEFU_RECORD (product));
      line->product_name = g_strdup (kefu_product_get_name (product));
      g_date_subtract_days (&produced, 10 + kefuctl_random_below (&line_random, 80));
      line->production_date = produced;
      if (kefu_product_get_warranty_months (product) > 0)
        {
          /* An instrument: one a line, with its product number, unique per seed. */
          line->quantity = 1;
          line->serial = g_strdup_printf ("SN%02u%02u%03u%07" G_GUINT64_FORMAT,
                                          g_date_get_year (&produced) % 100,
                                          g_date_get_month (&produced),
                                          (guint) (self->seed % 1000), self->n_lines++);
        }
      else
        line->quantity = 1 + kefuctl_random_below (&line_random, 20);
      shipment->payment_amount_fen += kefu_product_get_unit_price (product) * line->quantity;
      shipment->total_quantity += line->quantity;
      g_ptr_array_add (shipment->lines, line);
    }
  shipment->n_lines = n;
}

static void
set_carrier (KefuctlAftersales *self,
             KefuShipment      *shipment,
             GDateTime         *shipped,
             guint32            draw,
             guint64            number)
{
  KefuCarrier *carrier = g_ptr_array_index (self->carriers, draw % self->carriers->len);

  shipment->carrier_id = carrier->id;
  g_free (shipment->waybill);
  shipment->waybill = _kefuctl_aftersales_waybill (carrier->kind, number);
  _kefuctl_aftersales_day (self, shipped, &shipment->ship_date);
  shipment->expected_arrival = shipment->ship_date;
  /* Express carriers take a day or two, the others two to four. */
  g_date_add_days (&shipment->expected_arrival,
                   carrier->kind == KEFU_CARRIER_SF || carrier->kind == KEFU_CARRIER_JD ?
                   1 + draw / 7 % 2 : 2 + draw / 7 % 3);
}

/* The delivery: on the expected day, a few late by a day to three. */
static GDateTime *
delivery_time (KefuctlAftersales *self,
               KefuShipment      *shipment,
               guint32            draw)
{
  GDate day = shipment->expected_arrival;

  if (draw % 100 < 8)
    g_date_add_days (&day, 1 + draw / 100 % 3);
  return g_date_time_new (self->tz, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), 10 + (gint) (draw / 300 % 7), 0, 0);
}

KefuShipment *
_kefuctl_make_shipment (KefuctlAftersales *self,
                        KefuctlRandom     *random,
                        guint64            index,
                        guint64            count)
{
  KefuShipment *shipment = kefu_shipment_new ();
  guint32 draws[KEFUCTL_AFTERSALES_DRAWS];
  const KefuCustomerContact *contact;
  g_autoptr(GDateTime) requested = NULL, paid = NULL, issued = NULL, handed = NULL;
  g_autoptr(GDateTime) shipped = NULL, delivered = NULL, received = NULL;
  g_autoptr(GDateTime) exception_at = NULL, resolved = NULL, cancelled = NULL;
  KefuShipmentStep step = KEFU_SHIPMENT_STEP_REQUESTED;
  guint n_contacts = kefu_customer_contacts_get_len (self->contacts);
  guint contact_index;
  Fate fate;
  guint cancel_after = 0;

  for (guint i = 0; i < KEFUCTL_AFTERSALES_DRAWS; i++)
    draws[i] = (guint32) (kefuctl_random_next (random) >> 32);

  requested = _kefuctl_aftersales_day_time (self, index, count);
  contact_index = kefuctl_permute ((guint32) (index % (1u << 30)), 30, self->seed) % n_contacts;
  contact = kefu_customer_contacts_get (self->contacts, contact_index);
  g_object_set_data (G_OBJECT (shipment), KEFUCTL_AFTERSALES_CONTACT,
                     GUINT_TO_POINTER (contact_index));

  shipment->customer_id = contact->id;
  shipment->customer_name = g_strdup (contact->name);
  shipment->customer_phone = g_strdup (contact->phone);
  shipment->address = g_strdup (contact->address != NULL ? contact->address : "北京市");
  if (draws[5] % 100 < 12)
    shipment->notes = g_strdup (notes[draws[5] / 100 % G_N_ELEMENTS (notes)]);
  add_lines (self, shipment, requested, draws);
  shipment->first_product_name =
    g_strdup (((KefuShipmentLine *) g_ptr_array_index (shipment->lines, 0))->product_name);

  /* Nine in ten requests are the account manager's; after-sales files the rest for them. */
  if (draws[6] % 10 < 9 && self->staff.sales_reps->len > 0)
    {
      shipment->account_manager_id = _kefuctl_aftersales_pick (self, self->staff.sales_reps,
                                                               draws[6] / 10);
      shipment->requested_by = shipment->account_manager_id;
    }
  else
    shipment->requested_by = _kefuctl_aftersales_pick (self, self->staff.desk, draws[6] / 10);
  shipment->requested_at = g_date_time_ref (requested);

  /* The whole story, then what of it has happened. */
  /* Two in a hundred are cancelled before they leave, one in a hundred meets an exception. */
  fate = draws[7] % 1000 < 20 ? FATE_CANCELLED : draws[7] % 1000 < 30 ? FATE_EXCEPTION
                                                                       : FATE_RECEIVED;
  if (fate == FATE_RECEIVED &&
      g_date_time_difference (self->now, requested) < FORGOTTEN_DAYS * G_TIME_SPAN_DAY &&
      draws[11] % 100 < 6)
    fate = draws[11] / 100 % 2 == 0 ? FATE_NOT_DELIVERED : FATE_NOT_CONFIRMED;
  if (fate == FATE_CANCELLED)
    cancel_after = draws[11] % 4;   /* how many steps were taken before */

  /* The money comes in within three days, for one request in five only after weeks; one
   * dispatch note in eight waits weeks for the warehouse to have the goods. */
  paid = draws[8] % 100 < 20 ?
         _kefuctl_aftersales_later (requested, 5 * 24 * 60, 40 * 24 * 60, draws[12]) :
         _kefuctl_aftersales_later (requested, 120, 3 * 24 * 60, draws[12]);
  issued = _kefuctl_aftersales_later (paid, 30, 24 * 60, draws[13]);
  handed = draws[8] / 100 % 8 == 0 ?
           _kefuctl_aftersales_later (issued, 7 * 24 * 60, 30 * 24 * 60, draws[14]) :
           _kefuctl_aftersales_later (issued, 30, 24 * 60, draws[14]);
  shipped = _kefuctl_aftersales_later (handed, 120, 36 * 60, draws[15]);
  set_carrier (self, shipment, shipped, draws[16], self->seed << 32 | index);
  delivered = delivery_time (self, shipment, draws[17]);
  received = _kefuctl_aftersales_later (delivered, 60, 40 * 60, draws[18]);

  if (fate == FATE_CANCELLED)
    {
      GDateTime *before[] = { requested, paid, issued, handed };

      cancelled = _kefuctl_aftersales_later (before[cancel_after], 60, 24 * 60, draws[19]);
    }
  else if (fate == FATE_EXCEPTION)
    {
      exception_at = _kefuctl_aftersales_later (delivered, 0, 8 * 60, draws[19]);
      resolved = _kefuctl_aftersales_later (exception_at, 24 * 60, 6 * 24 * 60, draws[20]);
    }

  /* The steps up to the fate, as far as they have happened. */
  if (keep (self, &shipment->payment_confirmed_at, paid) &&
      !(fate == FATE_CANCELLED && cancel_after < 1))
    {
      shipment->payment_confirmed_by = _kefuctl_aftersales_pick (self, self->staff.finance,
                                                                 draws[21]);
      step = KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED;
    }
  else
    g_clear_pointer (&shipment->payment_confirmed_at, g_date_time_unref);
  if (step == KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED &&
      !(fate == FATE_CANCELLED && cancel_after < 2) &&
      keep (self, &shipment->dispatch_issued_at, issued))
    {
      shipment->dispatch_issued_by = shipment->payment_confirmed_by;
      shipment->dispatch_note_number = g_strdup_printf ("FD%03u%07" G_GUINT64_FORMAT,
                                                        (guint) (self->seed % 1000), index + 1);
      step = KEFU_SHIPMENT_STEP_DISPATCH_ISSUED;
    }
  if (step == KEFU_SHIPMENT_STEP_DISPATCH_ISSUED &&
      !(fate == FATE_CANCELLED && cancel_after < 3) &&
      keep (self, &shipment->handed_over_at, handed))
    {
      shipment->handed_over_by = _kefuctl_aftersales_pick (self, self->staff.desk, draws[22]);
      step = KEFU_SHIPMENT_STEP_HANDED_OVER;
    }
  if (step == KEFU_SHIPMENT_STEP_HANDED_OVER && fate != FATE_CANCELLED &&
      keep (self, &shipment->shipped_at, shipped))
    {
      shipment->shipped_by = _kefuctl_aftersales_pick (self, self->staff.logistics, draws[22] / 7);
      step = KEFU_SHIPMENT_STEP_SHIPPED;
    }
  if (step != KEFU_SHIPMENT_STEP_SHIPPED)
    {
      /* The carrier is chosen when it is shipped. */
      shipment->carrier_id = 0;
      g_clear_pointer (&shipment->waybill, g_free);
      g_date_clear (&shipment->ship_date, 1);
      g_date_clear (&shipment->expected_arrival, 1);
    }

  if (step == KEFU_SHIPMENT_STEP_SHIPPED && fate == FATE_EXCEPTION &&
      keep (self, &shipment->exception_at, exception_at))
    {
      guint kind = draws[23] % 3;

      shipment->exception = KEFU_SHIPMENT_EXCEPTION_LOST + kind;
      shipment->exception_reason = g_strdup (exception_reasons[kind]);
      shipment->exception_by = _kefuctl_aftersales_pick (self, self->staff.desk, draws[23] / 3);
      shipment->exception_from = KEFU_SHIPMENT_STEP_SHIPPED;
      step = KEFU_SHIPMENT_STEP_EXCEPTION;
      self->n_exceptions++;
      if (_kefuctl_aftersales_happened (self, resolved))
        {
          /* Resolved: a lost or damaged parcel is shipped again and arrives days later; one
           * the customer refused is taken back and the order closed. */
          guint outcome = kind == 2 ? KEFU_EXCEPTION_OUTCOME_CLOSED
                                    : draws[23] / 9 % 2 == 0 ? KEFU_EXCEPTION_OUTCOME_RESHIPPED
                                                             : KEFU_EXCEPTION_OUTCOME_DELIVERED;

          shipment->exception_resolution = g_strdup (resolutions[outcome]);
          if (outcome == KEFU_EXCEPTION_OUTCOME_CLOSED)
            {
              cancelled = g_date_time_ref (resolved);
              step = KEFU_SHIPMENT_STEP_CANCELLED;
            }
          else
            {
              if (outcome == KEFU_EXCEPTION_OUTCOME_RESHIPPED)
                {
                  g_clear_pointer (&shipment->shipped_at, g_date_time_unref);
                  shipment->shipped_at = g_date_time_ref (resolved);
                  set_carrier (self, shipment, resolved, draws[16] / 11,
                               (self->seed << 32 | index) ^ G_GUINT64_CONSTANT (0x80000000));
                  g_date_time_unref (delivered);
                  delivered = delivery_time (self, shipment, draws[17] / 3);
                }
              else
                {
                  g_date_time_unref (delivered);
                  delivered = g_date_time_ref (resolved);
                }
              g_date_time_unref (received);
              received = _kefuctl_aftersales_later (delivered, 60, 40 * 60, draws[18] / 5);
              step = KEFU_SHIPMENT_STEP_SHIPPED;
              fate = FATE_RECEIVED;
            }
        }
    }

  if (step == KEFU_SHIPMENT_STEP_SHIPPED && fate != FATE_NOT_DELIVERED && fate != FATE_EXCEPTION &&
      keep (self, &shipment->delivered_at, delivered))
    {
      shipment->delivered_by = _kefuctl_aftersales_pick (self, self->staff.logistics,
                                                         draws[21] / 7);
      step = KEFU_SHIPMENT_STEP_DELIVERED;
    }
  if (step == KEFU_SHIPMENT_STEP_DELIVERED && fate != FATE_NOT_CONFIRMED &&
      keep (self, &shipment->received_at, received))
    {
      shipment->received_by = _kefuctl_aftersales_pick (self, self->staff.desk, draws[22] / 49);
      shipment->receipt_method = draws[20] % 4 == 0 ? KEFU_RECEIPT_METHOD_SIGNED_SLIP
                                                    : KEFU_RECEIPT_METHOD_PHONE;
      step = KEFU_SHIPMENT_STEP_RECEIVED;
    }

  if (cancelled != NULL && _kefuctl_aftersales_happened (self, cancelled) &&
      (step == KEFU_SHIPMENT_STEP_CANCELLED || fate == FATE_CANCELLED))
    {
      const char *reason = cancel_reasons[draws[19] % G_N_ELEMENTS (cancel_reasons)];

      shipment->cancelled_at = g_date_time_ref (cancelled);
      shipment->cancel_reason = g_strdup (step == KEFU_SHIPMENT_STEP_CANCELLED ?
                                          shipment->exception_resolution : reason);
      step = KEFU_SHIPMENT_STEP_CANCELLED;
    }

  shipment->step = step;
  shipment->attention_at = kefu_shipment_attention_at (step,
                                                       g_date_valid (&shipment->expected_arrival) ?
                                                       &shipment->expected_arrival : NULL,
                                                       shipment->delivered_at,
                                                       shipment->exception_at,
                                                       self->receipt_days, self->tz);
  if (kefu_shipment_step_is_open (step))
    self->n_open++;
  if (shipment->attention_at != NULL &&
      g_date_time_compare (shipment->attention_at, self->now) <= 0)
    self->n_overdue++;
  return shipment;
}
