/* kefu-screenshots.h: --screenshots=DIR: a picture of every pane, for developers, CI and the
 * README.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-window.h"

G_BEGIN_DECLS

/* Selects each pane of `window` in turn, waits until the window is no longer busy, and saves
 * the whole window as DIR/<pane>.png; then the Complaints pane's list view as
 * DIR/complaints-list.png and one complaint's detail page (the urgent one, else the first on the
 * board; none when there are no complaints) as DIR/complaints-detail.png. */
void     kefu_screenshots_take_async  (KefuWindow          *window,
                                       GFile               *dir,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean kefu_screenshots_take_finish (GAsyncResult        *result,
                                       GError             **error);

/* Renders what `widget` shows now into a PNG file; G_IO_ERROR_BUSY when it drew nothing (draw it
 * again and retry). */
gboolean kefu_screenshots_save_widget (GtkWidget           *widget,
                                       GFile               *file,
                                       GError             **error);

G_END_DECLS
