/* kefu-order.h: the order of an order call (《客户定奶电话记录单》): product lines, channel,
 * delivery address, and its place in the daily hand-over to the sales admins.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-record.h"
#include "kefu-types.h"
#include "kefu-order-line.h"

G_BEGIN_DECLS

#define KEFU_TYPE_ORDER (kefu_order_get_type ())
G_DECLARE_FINAL_TYPE (KefuOrder, kefu_order, KEFU, ORDER, KefuRecord)

KefuOrder         *kefu_order_new                    (void);

gint64             kefu_order_get_call_id            (KefuOrder *self);
void               kefu_order_set_call_id            (KefuOrder *self, gint64 call_id);
KefuChannel        kefu_order_get_channel            (KefuOrder *self);
void               kefu_order_set_channel            (KefuOrder *self, KefuChannel channel);
const char        *kefu_order_get_delivery_address   (KefuOrder *self);
void               kefu_order_set_delivery_address   (KefuOrder *self, const char *address);
/* The district of the delivery address (区/县), which decides whether it is in the service area;
 * the form pre-fills it with kefu_address_guess_district(). */
const char        *kefu_order_get_district           (KefuOrder *self);
void               kefu_order_set_district           (KefuOrder *self, const char *district);

/* The product lines, a GListStore of KefuOrderLine (transfer none), in the order typed. The
 * order's "total" property (fen) follows the lines' quantities and prices as they change. */
GListStore        *kefu_order_get_lines              (KefuOrder *self);
KefuOrderLine     *kefu_order_add_line               (KefuOrder *self);   /* transfer none */
void               kefu_order_remove_line            (KefuOrder *self, KefuOrderLine *line);
/* Sum of quantity × unit price of every line, in fen (property "total"). */
gint64             kefu_order_get_total              (KefuOrder *self);

/* The hand-over: the day (local date) whose batch the order joins, set by the store from the
 * received time and the cut-off setting; NULL until stored. */
const GDate       *kefu_order_get_handover_date      (KefuOrder *self);
void               kefu_order_set_handover_date      (KefuOrder *self, const GDate *date);
KefuHandoverState  kefu_order_get_handover_state     (KefuOrder *self);
void               kefu_order_set_handover_state     (KefuOrder *self, KefuHandoverState state);
gint64             kefu_order_get_handed_to_id       (KefuOrder *self);
void               kefu_order_set_handed_to_id       (KefuOrder *self, gint64 staff_id);
const char        *kefu_order_get_handed_to_name     (KefuOrder *self);
void               kefu_order_set_handed_to_name     (KefuOrder *self, const char *name);
GDateTime         *kefu_order_get_handed_over_at     (KefuOrder *self);
void               kefu_order_set_handed_over_at     (KefuOrder *self, GDateTime *time);

/* Out of the service area (不属于公司销售范围): flagged by the store on save; closed when the
 * sales admin records that the customer was notified and apologised to. */
gboolean           kefu_order_get_out_of_area        (KefuOrder *self);
void               kefu_order_set_out_of_area        (KefuOrder *self, gboolean out_of_area);
GDateTime         *kefu_order_get_area_notified_at   (KefuOrder *self);
void               kefu_order_set_area_notified_at   (KefuOrder *self, GDateTime *time);
gint64             kefu_order_get_area_notified_by_id (KefuOrder *self);
void               kefu_order_set_area_notified_by_id (KefuOrder *self, gint64 staff_id);
const char        *kefu_order_get_area_note          (KefuOrder *self);
void               kefu_order_set_area_note          (KefuOrder *self, const char *note);

/* The lead (from an inquiry) this order converts, 0 for none: saving the order marks the lead
 * converted in the same transaction. */
gint64             kefu_order_get_lead_id            (KefuOrder *self);
void               kefu_order_set_lead_id            (KefuOrder *self, gint64 lead_id);

G_END_DECLS
