/* kefu-shipment-list-view.h: the shipments (发货) as a sortable table with its filter bar: every
 * shipment matching the filters (open ones by default), its step as a compact progress
 * indicator, overdue ones and those in exception flagged, over a lazy model (ids sorted and
 * filtered in SQL, rows read a page at a time). Activating a row activates
 * "aftersales.open-shipment" with its id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"
#include "core/kefu-staff.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIPMENT_LIST_VIEW (kefu_shipment_list_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuShipmentListView, kefu_shipment_list_view, KEFU, SHIPMENT_LIST_VIEW, AdwBin)

/* Properties: "store" (KefuStore), "staff" (KefuStaff), "busy" (read-only, TRUE while the ids
 * load and while the rows on screen wait for their shipments). */
GtkWidget  *kefu_shipment_list_view_new         (void);
/* Reads the shipments again (after a change in the store). */
void        kefu_shipment_list_view_reload      (KefuShipmentListView *self);

/* For the tests: the lazy model of KefuLazyItem (values KefuShipment) the table shows
 * (transfer none), the search entry, and the filter bar's choices as a person makes them. */
GListModel *kefu_shipment_list_view_get_model   (KefuShipmentListView *self);
void        kefu_shipment_list_view_set_search  (KefuShipmentListView *self,
                                                 const char           *text);
void        kefu_shipment_list_view_set_open_only (KefuShipmentListView *self,
                                                   gboolean              open_only);
/* -1: any step. */
void        kefu_shipment_list_view_set_step    (KefuShipmentListView *self,
                                                 int                   step);

G_END_DECLS
