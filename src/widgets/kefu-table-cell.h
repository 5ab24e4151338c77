/* kefu-table-cell.h: what the cells of the lazy tables (the complaint list, the shipment list)
 * do to their widgets when a row is bound or filled: only what differs is given to a widget,
 * since each label, icon or style class set costs a relayout or a restyle, and cells are
 * refreshed some 1,500 times a frame on a fast scroll. Tooltips are never set on a cell: they
 * are asked for when the pointer rests on one (KefuTableCellTooltipFunc), since setting a
 * widget's tooltip text costs more than all the rest of a refresh (a jump through 200,000
 * shipments took 530 ms with them set at each bind, 165 ms without).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kefu_table_cell_set_label   (GtkWidget          *label,
                                  const char         *text);
/* NULL hides the image. */
void kefu_table_cell_set_icon    (GtkWidget          *image,
                                  const char         *icon_name);
/* One style class at a time (a static string, or NULL for none), kept on the widget. */
void kefu_table_cell_set_style   (GtkWidget          *widget,
                                  const char         *style_class);
/* A cell's label: start-aligned, one line, ellipsized. Labels rather than inscriptions: they
 * share the row's baseline, so Chinese text sits level with the digits beside it. */
GtkWidget *kefu_table_cell_new_label (void);
/* Makes `label` as tall as a line of Chinese text whatever it shows (measured once a factory):
 * rows that grow when their page arrives make the list measure and place them all again. */
void kefu_table_cell_set_line_height (GtkListItemFactory *factory,
                                      GtkWidget          *label);

/* Shows a cell's row (a KefuLazyItem) again: when bound, and when its value arrives. */
typedef void (*KefuTableCellRefreshFunc) (GtkColumnViewCell *cell);

/* The tooltip of a cell's row as it is now (a new string), or NULL for none; asked for when
 * the pointer rests on the cell. */
typedef char *(*KefuTableCellTooltipFunc) (GtkColumnViewCell *cell);

/* What the tooltip of a cell's child (set up by kefu_table_cell_set_factory ()) says now, or
 * NULL for none. */
char *kefu_table_cell_get_tooltip (GtkWidget *child);

/* Gives `column` a factory whose "setup" is `setup` (with `kind` as its data) and whose cells
 * are refreshed with `refresh` when bound and when their row's value arrives; `tooltip`
 * (or NULL) gives their tooltips. */
void kefu_table_cell_set_factory (GtkColumnViewColumn      *column,
                                  guint                     kind,
                                  GCallback                 setup,
                                  KefuTableCellRefreshFunc  refresh,
                                  KefuTableCellTooltipFunc  tooltip);

G_END_DECLS
