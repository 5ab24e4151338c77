/* kefuctl-demo-shift-notes.h: the demo's shift hand-over notes (交接记录): what the clerks left
 * for the next shift at the end of the last shifts, linked to a complaint and a callback of the
 * demo.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The number of notes the demo hands over. */
#define KEFUCTL_DEMO_SHIFT_NOTES 3

/* `staff_ids` maps the demo's staff logins to their ids (gint64 *). Adds nothing once one of the
 * demo's notes is there (written in the last 30 days): `added` counts the notes written now,
 * `present` those found. */
gboolean kefuctl_demo_shift_notes (KefuStore   *store,
                                   GHashTable  *staff_ids,
                                   guint       *added,
                                   guint       *present,
                                   GError     **error);

G_END_DECLS
