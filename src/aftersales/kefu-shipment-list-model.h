/* kefu-shipment-list-model.h: the shipment list view's rows: a KefuLazyListModel whose ids come
 * from kefu_store_list_shipment_ids () (filtered and sorted in SQL, the head first) and whose
 * values are KefuShipment list rows read a page at a time with kefu_store_get_shipments ().
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store-shipments.h"
#include "widgets/kefu-lazy-list-model.h"

G_BEGIN_DECLS

KefuLazyListModel *kefu_shipment_list_model_new       (void);
/* Which shipments (`filter` copied; NULL: all) in which order; one reload follows. */
void               kefu_shipment_list_model_set_query (KefuLazyListModel        *model,
                                                       const KefuShipmentFilter *filter,
                                                       KefuShipmentSort          sort,
                                                       gboolean                  descending);

G_END_DECLS
