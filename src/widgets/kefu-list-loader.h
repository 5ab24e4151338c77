/* kefu-list-loader.h: what every list read off the main thread does with the answer.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  kefu_list_store_replace_all   (GListStore    *store,
                                     GListModel    *items);
void  kefu_list_loader_show_error   (GtkStack      *stack,
                                     AdwStatusPage *error_page,
                                     const char    *reason);
void  kefu_list_loader_show_empty   (GtkStack      *stack,
                                     AdwStatusPage *empty_page,
                                     const char    *icon_name,
                                     const char    *title,
                                     const char    *description,
                                     GtkWidget     *button,
                                     gboolean       show_button);
void  kefu_accessible_label_append  (GString       *label,
                                     const char    *part);
void  kefu_toast_overlay_add_error  (AdwToastOverlay *overlay,
                                     const char      *text);

G_END_DECLS
