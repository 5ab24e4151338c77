/* kefu-outage-banner.h: the window's banner while the database cannot be reached, and while the
 * calls recorded meanwhile are being written.
 *
 * It follows the store's KefuStoreConnection and KefuIntakeQueue: "The database cannot be
 * reached — new calls and complaints are kept on this workstation (3 waiting)" with Try Now
 * (the action "outage.try-now"); "Saving 3 waiting records…" once it is back; "All 3 waiting
 * records were saved" for a few seconds when they are written; and what the database refused,
 * if anything, which stays kept on the workstation.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* How long "All … were saved" stays. */
#define KEFU_OUTAGE_BANNER_SAVED_SECONDS 6

#define KEFU_TYPE_OUTAGE_BANNER (kefu_outage_banner_get_type ())
G_DECLARE_FINAL_TYPE (KefuOutageBanner, kefu_outage_banner, KEFU, OUTAGE_BANNER, AdwBin)

GtkWidget   *kefu_outage_banner_new        (void);
KefuStore   *kefu_outage_banner_get_store  (KefuOutageBanner *self);
void         kefu_outage_banner_set_store  (KefuOutageBanner *self,
                                            KefuStore        *store);
/* The banner inside (tests read its title and whether it is revealed). */
AdwBanner   *kefu_outage_banner_get_banner (KefuOutageBanner *self);

G_END_DECLS
