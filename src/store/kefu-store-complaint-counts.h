/* kefu-store-complaint-counts.h: the sidebar's count of open complaints, read off the main
 * thread, in the shape of kefu_store_count_customers_async ()/_finish () so that the window's
 * pane counters take it as they are, with a _finish_full () that also gives the urgent and
 * overdue counts for the row's marker.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS

/* Runs kefu_store_count_open_complaints () (kefu-store-complaints.h) on the store's worker. */
void    kefu_store_count_open_complaints_async       (KefuStore            *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
/* The number of open complaints, or -1 with `error` set. */
gint64  kefu_store_count_open_complaints_finish      (KefuStore            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* The same, and (each may be NULL) how many of them are urgent and how many overdue; on an
 * error both are set to -1. */
gint64  kefu_store_count_open_complaints_finish_full (KefuStore            *self,
                                                      GAsyncResult         *result,
                                                      gint64               *n_urgent,
                                                      gint64               *n_overdue,
                                                      GError              **error);

G_END_DECLS
