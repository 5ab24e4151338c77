/* kefu-batch-alert-banner-private.h: what the tests see of the batch alert banner.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-batch-alert-banner.h"

G_BEGIN_DECLS

guint       _kefu_batch_alert_banner_get_n_alerts (KefuBatchAlertBanner *self);
const char *_kefu_batch_alert_banner_get_title    (KefuBatchAlertBanner *self);

G_END_DECLS
