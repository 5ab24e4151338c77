/* kefu-callbacks-count.h: the Callbacks row's count in the sidebar: the callbacks still to make
 * today (the overdue ones of earlier days with them), and the overdue ones as its red marker;
 * the tooltip breaks it down. The same shape as the other panes' counters
 * (kefu-window-sidebar.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

void   kefu_callbacks_count_async          (KefuStore           *store,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gint64 kefu_callbacks_count_finish         (KefuStore           *store,
                                            GAsyncResult        *result,
                                            GError             **error);
gint64 kefu_callbacks_count_finish_details (KefuStore           *store,
                                            GAsyncResult        *result,
                                            gint64              *n_urgent,
                                            gint64              *n_overdue,
                                            char               **details,
                                            GError             **error);

G_END_DECLS
