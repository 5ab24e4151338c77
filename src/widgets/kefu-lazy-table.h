/* kefu-lazy-table.h: what a table (GtkColumnView) over a KefuLazyListModel does with its model,
 * shared by the complaint, shipment and service job lists: its rows given to the view through a row
 * pacer (a new list shows a screen of rows in its first frame, kefu-row-pacer.h), and a stack
 * that shows the table once there is a row, else what is happening ("loading", "error" with the
 * reason, "empty"), and the owner's "busy" while the ids are read and while the rows on screen
 * wait for their values.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-lazy-list-model.h"

G_BEGIN_DECLS

typedef struct _KefuLazyTable KefuLazyTable;

/* Shows the empty page the owner's way (what it says depends on its filters). */
typedef void (*KefuLazyTableEmptyFunc) (GtkWidget *owner);

/* `stack` has the pages "list", "loading", "empty" and "error" (whose status page is
 * `error_page`); `busy` is the owner's read-only "busy" property; `what` names the rows in
 * warnings ("complaints"); `show_empty` may be NULL (the "empty" page as it is). Everything is
 * borrowed: the table lives as long as its owner and is freed in its dispose. */
KefuLazyTable *kefu_lazy_table_new      (GtkWidget              *owner,
                                         KefuLazyListModel      *model,
                                         GtkSingleSelection     *selection,
                                         GtkStack               *stack,
                                         AdwStatusPage          *error_page,
                                         GParamSpec             *busy,
                                         const char             *what,
                                         KefuLazyTableEmptyFunc  show_empty);
void           kefu_lazy_table_free     (KefuLazyTable          *self);
gboolean       kefu_lazy_table_get_busy (KefuLazyTable          *self);
/* Another order or filter comes: its first rows rebind a screen of rows, not the 200 a view
 * keeps. Call before setting the model's new query. */
void           kefu_lazy_table_hold     (KefuLazyTable          *self);
/* Shows the page for the model's state now (after the model got a store, say). */
void           kefu_lazy_table_update   (KefuLazyTable          *self);

/* A column the store can sort by, and the order it stands for (an enum of the store's). */
typedef struct
{
  GtkColumnViewColumn *column;
  int                  sort;
} KefuLazyTableSort;

/* What the owner does when the table's order changes: sets the model's query again with
 * kefu_lazy_table_get_order (). */
typedef void (*KefuLazyTableOrderFunc) (GtkWidget *owner);

/* Sorts in the store by `view`'s columns: shows `first` sorted `first_order`, then follows the
 * sorter: its primary column's sort among `sorts` (copied; `fallback` for any other column),
 * descending when it says so, with no column `fallback` descending as `fallback_descending`.
 * The store sorts; the sorter only says which column and which way. `changed` is called when
 * that order changes. Call once, after kefu_lazy_table_new (). */
void           kefu_lazy_table_set_sorts (KefuLazyTable           *self,
                                          GtkColumnView           *view,
                                          const KefuLazyTableSort *sorts,
                                          guint                    n_sorts,
                                          int                      fallback,
                                          gboolean                 fallback_descending,
                                          GtkColumnViewColumn     *first,
                                          GtkSortType              first_order,
                                          KefuLazyTableOrderFunc   changed);
/* The order the sorter asks for now (the store's enum), and its direction. */
int            kefu_lazy_table_get_order (KefuLazyTable           *self,
                                          gboolean                *descending);
/* Gives the model `store` and shows the page for it; FALSE when it had that store already. */
gboolean       kefu_lazy_table_set_store (KefuLazyTable           *self,
                                          KefuStore               *store);
/* Activates `action` ("complaints.open") on the owner with the id of the row at `position`,
 * when it is known. */
void           kefu_lazy_table_activate (KefuLazyTable          *self,
                                         guint                   position,
                                         const char             *action);

G_END_DECLS
