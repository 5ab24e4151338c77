/* kefu-shipment-page.h: the detail page of one shipment (发货): its reference, customer and
 * step; every step of its way with who took it and when and what it carried (the amount, the
 * dispatch note's number, the carrier and the waybill with its tracking page, how the customer
 * confirmed, an exception and how it ended); its product lines; the customer's history; the
 * timeline; and the actions the step and the person's role allow (kefu_shipment_flow_allowed
 * ()), the one that moves it on suggested.
 *
 * After any change it reads the shipment again and activates "aftersales.reload" so the lists
 * follow; "Print Dispatch Note" activates "aftersales.print-shipment".
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-shipment.h"
#include "core/kefu-staff.h"
#include "store/kefu-store.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIPMENT_PAGE (kefu_shipment_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuShipmentPage, kefu_shipment_page, KEFU, SHIPMENT_PAGE, AdwNavigationPage)

/* Properties: "store", "staff", "shipment-id" (construct-only), "busy" (read-only, TRUE while
 * the shipment is read or an action is saved). */
AdwNavigationPage *kefu_shipment_page_new              (KefuStore *store,
                                                        KefuStaff *staff,
                                                        gint64     shipment_id);
gint64             kefu_shipment_page_get_shipment_id  (KefuShipmentPage *self);
/* Reads the shipment again. */
void               kefu_shipment_page_reload           (KefuShipmentPage *self);
/* Keeps the page current with what others save (kefu-live-page.h); NULL: does nothing. */
void               kefu_shipment_page_set_live         (KefuShipmentPage *self,
                                                        KefuLive         *live);

/* For the tests: what a person sees and presses. */
/* The shipment as last read (transfer none), NULL before. */
KefuShipment      *kefu_shipment_page_get_shipment     (KefuShipmentPage   *self);
/* The button of `action` among the page's actions, NULL when it is not offered. */
GtkWidget         *kefu_shipment_page_get_action_button (KefuShipmentPage  *self,
                                                         KefuShipmentAction action);
/* Everything the row of `step` says (its name, who and when, what it carried), joined by
 * newlines; NULL when the page has no row for it (an exception or a cancellation that did not
 * happen). */
char              *kefu_shipment_page_dup_step_text    (KefuShipmentPage   *self,
                                                        KefuShipmentStep    step);
/* The Schedule Installation button a received shipment shows, or NULL. */
GtkWidget         *kefu_shipment_page_get_schedule_button (KefuShipmentPage *self);
/* The action dialog the page opened last, while it is open (transfer none). */
AdwDialog         *kefu_shipment_page_get_action_dialog (KefuShipmentPage  *self);

G_END_DECLS
