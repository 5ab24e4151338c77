/* kefu-batch-alert-banner.h: the banner over the board when complaints about one product batch
 * flag a possible quality incident ("3 complaints about 鲜牛奶 batch 20261101A in 7 days"), with
 * the list of the linked complaints and, for the QC manager, taking note of the alert.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_BATCH_ALERT_BANNER (kefu_batch_alert_banner_get_type ())
G_DECLARE_FINAL_TYPE (KefuBatchAlertBanner, kefu_batch_alert_banner, KEFU, BATCH_ALERT_BANNER, AdwBin)

/* Properties: "store" (KefuStore), "staff" (KefuStaff). Hidden while there is no open alert. */
KefuBatchAlertBanner *kefu_batch_alert_banner_new    (void);
void                  kefu_batch_alert_banner_reload (KefuBatchAlertBanner *self);

G_END_DECLS
