/* kefu-complaint-watcher-private.h: what the complaint watcher (kefu-complaint-watcher.c) shares
 * with the words and notifications of its notices (kefu-complaint-watcher-notify.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-complaint-watcher.h"

G_BEGIN_DECLS

/* Raises a notice as a desktop notification of `application` whose default action opens the
 * complaint; it replaces an earlier notification about the same complaint. */
void  _kefu_complaint_notice_send  (GApplication *application,
                                    gint64        complaint_id,
                                    const char   *title,
                                    const char   *body,
                                    gboolean      urgent);

G_END_DECLS
