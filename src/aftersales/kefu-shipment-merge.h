/* kefu-shipment-merge.h: the fields of a shipment request that its edit saves (address, account
 * manager, notes, product lines), for the three-way merge of a stale save (core/kefu-merge.h).
 * KefuShipment keeps them as struct members: the fields read and write them through accessors.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-merge.h"
#include "core/kefu-shipment.h"

G_BEGIN_DECLS

const KefuMergeField *kefu_shipment_merge_fields (guint        *n_fields);
/* A copy of what the edit shows and saves: id, version, customer, address, account manager,
 * notes and lines. */
KefuShipment         *kefu_shipment_merge_copy   (KefuShipment *shipment);
/* The product lines as the conflict dialog shows them: "鲜牛奶 ×2 (SN-1), …", the names from
 * `products` (KefuProduct, nullable). */
char                 *kefu_shipment_merge_lines_text (const GValue *value,
                                                      GPtrArray    *products);

G_END_DECLS
