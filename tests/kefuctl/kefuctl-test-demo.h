/* kefuctl-test-demo.h: running `kefuctl demo` at a chosen time ($KEFUCTL_DEMO_NOW,
 * src/kefuctl/kefuctl-demo-clock.h), so that what the demo's board shows does not depend on when
 * a test runs.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefuctl-test.h"

G_BEGIN_DECLS

/* Bit of ISO weekday `d` (1 = Monday … 7 = Sunday) in a set of weekdays. */
#define KEFUCTL_ISO_DAY(d)       (1u << (d))
#define KEFUCTL_MONDAY_TO_FRIDAY (KEFUCTL_ISO_DAY (6) - KEFUCTL_ISO_DAY (1))

/* `minute` (after local midnight) of the latest day before today whose ISO weekday is in
 * `weekdays`. */
GDateTime *kefuctl_past_day_at (guint weekdays,
                                guint minute);
/* Runs `kefuctl demo` with `option` (the database) as if it were `now`, and asserts that it
 * succeeded. */
void       kefuctl_run_demo_at (KefuctlFixture *fixture,
                                Run            *run,
                                const char     *option,
                                GDateTime      *now);

G_END_DECLS
