/* kefu-handover-dialog.h: the daily hand-over of the order forms (交接): the day's batch grouped
 * by channel with counts and totals, who receives each channel (the sales admin of retail and
 * supermarket, the depot admin of home delivery), and one button that hands them all over.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_HANDOVER_DIALOG (kefu_handover_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuHandoverDialog, kefu_handover_dialog, KEFU, HANDOVER_DIALOG, AdwDialog)

/* Shows today's batch (the local day). */
AdwDialog   *kefu_handover_dialog_new          (KefuStore          *store);

gboolean     kefu_handover_dialog_get_busy     (KefuHandoverDialog *self);
/* The day whose batch is shown; another day reads that day's batch. */
const GDate *kefu_handover_dialog_get_day      (KefuHandoverDialog *self);
void         kefu_handover_dialog_set_day      (KefuHandoverDialog *self,
                                                const GDate        *day);
/* The orders of the batch (KefuCall with its order), by channel then time. */
GListModel  *kefu_handover_dialog_get_orders   (KefuHandoverDialog *self);
/* Who would receive `channel`'s orders now (0: nobody can). */
gint64       kefu_handover_dialog_get_recipient (KefuHandoverDialog *self,
                                                 KefuChannel         channel);

/* What the cut-off means at `now` (local): before it, that the batch should go now and later
 * orders go to tomorrow's; after it, that new orders go to tomorrow's. */
char        *kefu_handover_describe_cutoff     (GDateTime          *now,
                                                guint               cutoff_minutes);

G_END_DECLS
