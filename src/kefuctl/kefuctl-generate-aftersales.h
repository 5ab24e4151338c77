/* kefuctl-generate-aftersales.h: `kefuctl generate --shipments N --jobs N`, after-sales records
 * at scale: shipments in every step of their way (most received long ago, a few percent still
 * on their way, some overdue, a few exceptions) and service jobs of every kind in every step
 * (most completed), their times, people, carriers and serials consistent with their steps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

typedef struct _KefuctlAftersales KefuctlAftersales;

/* A generator over the customers, products, carriers and staff of `store`, from the random
 * streams of `seed`, over the three years that end on `last_day`. Jobs made after shipments by
 * the same generator are about the products those shipments delivered. */
KefuctlAftersales *kefuctl_aftersales_new       (KefuStore          *store,
                                                 guint64             seed,
                                                 const GDate        *last_day);
void               kefuctl_aftersales_free      (KefuctlAftersales  *self);
gboolean           kefuctl_aftersales_shipments (KefuctlAftersales  *self,
                                                 guint64             count,
                                                 GError            **error);
gboolean           kefuctl_aftersales_jobs      (KefuctlAftersales  *self,
                                                 guint64             count,
                                                 GError            **error);

G_END_DECLS
