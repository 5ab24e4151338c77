/* kefu-row-pacer.h: the rows a GTK list view shows, a screen in the first frame and a screen
 * more each frame after it.
 *
 * GTK's list views make a fixed number of row widgets whatever their height: a list view up to
 * 200 (GTK_LIST_VIEW_MAX_LIST_ITEMS, so a column view too), a one-column grid view 33
 * (GTK_GRID_VIEW_MAX_VISIBLE_ROWS and a few around). Making them is what the first showing of a
 * list costs, and they are made in the frame the rows arrive in. A view given the pacer's model
 * (a GtkSliceListModel of the real one) shows a screen of rows in that frame, and the widgets
 * below the fold a screen a frame after it, so that no frame makes them all.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _KefuRowPacer KefuRowPacer;

/* Rows of `model`, `step` more each frame up to `bound` (the view's own bound), then all. */
KefuRowPacer *kefu_row_pacer_new        (GListModel   *model,
                                         guint         step,
                                         guint         bound);
void          kefu_row_pacer_free       (KefuRowPacer *self);
/* The model to give the view. */
GListModel   *kefu_row_pacer_get_model  (KefuRowPacer *self);
/* The rows that come next show a screen first: call before they are added. */
void          kefu_row_pacer_hold       (KefuRowPacer *self);
/* The rows have come: a screen more each frame drawn by `widget`'s window from now on (all at
 * once when it has none). */
void          kefu_row_pacer_release    (KefuRowPacer *self,
                                         GtkWidget    *widget);
gboolean      kefu_row_pacer_get_held   (KefuRowPacer *self);
/* No row at all while hidden (a folded column makes no widgets); shown, every row at once. */
void          kefu_row_pacer_set_hidden (KefuRowPacer *self,
                                         gboolean      hidden);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuRowPacer, kefu_row_pacer_free)

G_END_DECLS
