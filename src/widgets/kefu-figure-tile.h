/* kefu-figure-tile.h: a figure on the dashboard: its title, the figure large, its change
 * against the previous period (green when it went the good way, red when the bad, grey when
 * neither), a small trend line and a line under it ("of 120 due"). The tile is a button
 * (GtkActionable): the dashboard gives it an action and a target that open the records behind
 * the figure. A tile without a figure (not applicable) shows "—" and cannot be activated.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "report/kefu-chart-draw.h"

G_BEGIN_DECLS

#define KEFU_TYPE_FIGURE_TILE (kefu_figure_tile_get_type ())

G_DECLARE_FINAL_TYPE (KefuFigureTile, kefu_figure_tile, KEFU, FIGURE_TILE, GtkButton)

GtkWidget     *kefu_figure_tile_new                  (void);

void           kefu_figure_tile_set_title            (KefuFigureTile *self,
                                                      const char     *title);
const char    *kefu_figure_tile_get_title            (KefuFigureTile *self);
void           kefu_figure_tile_set_subtitle         (KefuFigureTile *self,
                                                      const char     *subtitle);
const char    *kefu_figure_tile_get_subtitle         (KefuFigureTile *self);
/* How the figure reads: a count, a percentage (0–100), hours or days. */
void           kefu_figure_tile_set_unit             (KefuFigureTile *self,
                                                      KefuChartUnit   unit);
KefuChartUnit  kefu_figure_tile_get_unit             (KefuFigureTile *self);

/* The figure (and "has-value" TRUE). */
void           kefu_figure_tile_set_value            (KefuFigureTile *self,
                                                      double          value);
double         kefu_figure_tile_get_value            (KefuFigureTile *self);
/* FALSE: the figure does not apply ("—"), the tile cannot be activated. */
void           kefu_figure_tile_set_has_value        (KefuFigureTile *self,
                                                      gboolean        has_value);
gboolean       kefu_figure_tile_get_has_value        (KefuFigureTile *self);
/* The previous period's figure (and "has-previous" TRUE); without one no change is shown. */
void           kefu_figure_tile_set_previous         (KefuFigureTile *self,
                                                      double          previous);
double         kefu_figure_tile_get_previous         (KefuFigureTile *self);
void           kefu_figure_tile_set_has_previous     (KefuFigureTile *self,
                                                      gboolean        has_previous);
gboolean       kefu_figure_tile_get_has_previous     (KefuFigureTile *self);

/* Whether a rise is good (calls answered) or bad (complaints opened); with "judged" FALSE a
 * change is neither (calls taken) and stays grey. */
void           kefu_figure_tile_set_higher_is_better (KefuFigureTile *self,
                                                      gboolean        higher_is_better);
gboolean       kefu_figure_tile_get_higher_is_better (KefuFigureTile *self);
void           kefu_figure_tile_set_judged           (KefuFigureTile *self,
                                                      gboolean        judged);
gboolean       kefu_figure_tile_get_judged           (KefuFigureTile *self);

/* The figure over the period's days (or hours), oldest first, for the trend line; fewer than
 * two values hide it. */
void           kefu_figure_tile_set_trend            (KefuFigureTile *self,
                                                      const double   *values,
                                                      guint           n_values);

/* What the tile shows, for the dashboard's exports and the tests. */
const char    *kefu_figure_tile_get_value_text       (KefuFigureTile *self);
const char    *kefu_figure_tile_get_change_text      (KefuFigureTile *self);


G_END_DECLS
