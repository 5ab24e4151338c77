/* kefu-store-complaints-demo.h: FOR DEMO AND GENERATED DATA ONLY. Moves a complaint's times back
 * after the fact (a complaint received three days ago was routed three days ago), so that the
 * board shows ages, deadlines and lateness a real hotline has.
 *
 * Prefer the store's clock (kefu-store-clock.h): steps written under it record their time in
 * the complaint, its visits and its events alike. This is left for what the clock does not
 * reach yet: `kefuctl demo` sets back the intake time of a complaint while saving a call takes
 * it from the real clock, and UI tests make a complaint late with it.
 *
 * The application never calls this: it rewrites history. Events stay as written (they are
 * append-only); only the complaint's own time columns and its routes' and visits' times move.
 *
 * Not included by kefu-store.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* The times to set; NULL leaves a column as it is. */
typedef struct
{
  GDateTime *routed_at;
  GDateTime *acknowledged_at;   /* also the acknowledged routes' time */
  GDateTime *resolved_at;
  GDateTime *called_back_at;
  GDateTime *closed_at;
  GDateTime *visited_at;        /* every visit of the complaint */
  GDateTime *stage_since;       /* the deadline is worked out again from it */
} KefuComplaintBackdate;

/* Sets the given times of complaint `complaint_id` in one transaction, then its deadline for its
 * stage from `stage_since` (as entering the stage then would have), and bumps its version. The
 * escalation is left to kefu_store_check_complaint_deadlines (), which writes its events. */
gboolean kefu_store_backdate_complaint (KefuStore                   *self,
                                        gint64                       complaint_id,
                                        const KefuComplaintBackdate *times,
                                        GCancellable                *cancellable,
                                        GError                     **error);

G_END_DECLS
