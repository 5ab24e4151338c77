/* kefu-out-of-area-dialog.h: orders from outside the service area (不属于公司销售范围) whose
 * customer has not yet been told: the sales admin calls them, apologises, and records how, which
 * closes the order's flag.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_OUT_OF_AREA_DIALOG (kefu_out_of_area_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuOutOfAreaDialog, kefu_out_of_area_dialog, KEFU, OUT_OF_AREA_DIALOG,
                      AdwDialog)

AdwDialog  *kefu_out_of_area_dialog_new        (KefuStore           *store);

gboolean    kefu_out_of_area_dialog_get_busy   (KefuOutOfAreaDialog *self);
/* The open out-of-area orders (KefuCall with its order), oldest first. */
GListModel *kefu_out_of_area_dialog_get_orders (KefuOutOfAreaDialog *self);

/* Actions: "area.notified" with the order's id ("x") asks how the customer was told, then
 * records it; "area.reload". */

G_END_DECLS
