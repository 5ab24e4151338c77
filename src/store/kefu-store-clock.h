/* kefu-store-clock.h: FOR DEMO DATA, GENERATORS AND TESTS ONLY. The time the store's writes
 * record: a complaint's steps (routed, acknowledged, resolved, called back, closed, escalated,
 * its deadlines) and every event of the timeline.
 *
 * `kefuctl demo` works its sample complaints through their stages at the times they would have
 * happened (a complaint received three days ago was acknowledged three days ago), and tests make
 * a complaint late by working it in the past; both set the clock before each write, so that the
 * complaint's own times, its visits and its events agree, as they do when a real hotline works a
 * complaint. Events stay append-only: nothing is moved afterwards.
 *
 * The application never sets the clock: its writes always record the real time. Not included
 * by kefu-store.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* The following writes (from any thread) record `now` as their time until the clock is set
 * again; NULL goes back to the real clock. The clock stands still: a write made under it
 * records exactly `now`, and the events of one change are ordered by their ids. */
void kefu_store_set_clock (KefuStore *self,
                           GDateTime *now);

G_END_DECLS
