/* kefu-warranty.h: whether a product is still under warranty on a day, from its warranty months
 * and the day its warranty started (the installation, or else the shipment).
 *
 * A warranty of N months that starts on a day runs through the day before the same day of the
 * month N months later; that day is the first one out of warranty. A start on a day the later
 * month does not have (31 January + 1 month) ends with that month: the first day out is its
 * last day (28 or 29 February), as GLib's g_date_add_months() counts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"

G_BEGIN_DECLS

/* The day a product's warranty starts: its installation day when it was installed, else its
 * ship day; NULL when neither is known (or valid). */
const GDate       *kefu_warranty_start          (const GDate *shipped,
                                                 const GDate *installed);
/* The state on `day` of a warranty of `months` months from `start` (NULL or invalid: unknown).
 * No months (0) is no warranty: out from the start. `first_day_out` (optional) gets the first
 * day out of warranty when the start is known. */
KefuWarrantyState  kefu_warranty_state          (const GDate *start,
                                                 guint        months,
                                                 const GDate *day,
                                                 GDate       *first_day_out);

G_END_DECLS
