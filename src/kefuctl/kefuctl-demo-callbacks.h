/* kefuctl-demo-callbacks.h: the demo's callbacks: the members' survey campaign worked by the
 * clerks, a holiday greeting campaign ahead, reminders made by hand, and customers' own
 * callback times.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The members' survey campaign the clerks work (the hand-over notes point to it). */
#define KEFUCTL_DEMO_SURVEY_NAME "2026年第四季度会员满意度调查"

/* `staff_ids` maps the demo's staff logins to their ids (gint64 *). Adds nothing once the
 * demo's survey is there: `added` counts the callbacks added now, `present` is 1 when the
 * survey was found. */
gboolean kefuctl_demo_callbacks (KefuStore   *store,
                                 GHashTable  *staff_ids,
                                 guint       *added,
                                 guint       *present,
                                 GError     **error);

G_END_DECLS
