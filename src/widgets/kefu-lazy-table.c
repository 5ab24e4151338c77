/* kefu-lazy-table.c: a table's rows from a lazy model, and the page its stack shows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-table"

#include "config.h"

#include "kefu-list-loader.h"
#include "kefu-lazy-table.h"
#include "kefu-row-pacer.h"

/* Rows shown in the first frame of a new list (a screen of them), and the rows a column view
 * keeps at most (GTK_LIST_VIEW_MAX_LIST_ITEMS). */
#define PACED_ROWS 40
#define LIST_ROWS 200

struct _KefuLazyTable
{
  GtkWidget              *owner;
  KefuLazyListModel      *model;
  GtkStack               *stack;
  AdwStatusPage          *error_page;
  GParamSpec             *busy;
  char                   *what;
  KefuLazyTableEmptyFunc  show_empty;
  KefuRowPacer           *pacer;

  /* The order, set by kefu_lazy_table_set_sorts (). */
  GtkSorter              *sorter;
  KefuLazyTableSort      *sorts;
  guint                   n_sorts;
  int                     fallback;
  gboolean                fallback_descending;
  int                     sort;
  gboolean                descending;
  KefuLazyTableOrderFunc  order_changed;
};

gboolean
kefu_lazy_table_get_busy (KefuLazyTable *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return kefu_lazy_list_model_get_loading (self->model) ||
         kefu_lazy_list_model_get_filling (self->model);
}

static void
notify_busy (KefuLazyTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self->owner), self->busy);
}

void
kefu_lazy_table_update (KefuLazyTable *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = kefu_lazy_list_model_get_error (self->model);

  g_return_if_fail (self != NULL);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (kefu_lazy_list_model_get_loading (self->model) ||
           kefu_lazy_list_model_get_store (self->model) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (error != NULL)
    kefu_list_loader_show_error (self->stack, self->error_page, error->message);
  else if (self->show_empty != NULL)
    self->show_empty (self->owner);
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
model_loading_cb (KefuLazyTable *self)
{
  const GError *error = kefu_lazy_list_model_get_error (self->model);

  /* A new list that starts as the old one did changed nothing at its top: its rows are all let
   * through once it is read. */
  if (!kefu_lazy_list_model_get_loading (self->model) && kefu_row_pacer_get_held (self->pacer) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    kefu_row_pacer_release (self->pacer, self->owner);
  kefu_lazy_table_update (self);
  if (error != NULL)
    g_warning ("Could not read the %s: %s", self->what, error->message);
  notify_busy (self);
}

static void
model_items_changed_cb (KefuLazyTable *self,
                        guint          position,
                        guint          removed,
                        guint          added)
{
  /* The pacer's own model has seen the change first (it was connected first): an empty list
   * holds the next rows to a screen, and a new list's first rows arriving are let through a
   * screen a frame. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    kefu_row_pacer_hold (self->pacer);
  else if (position == 0 && added > 0 && kefu_row_pacer_get_held (self->pacer))
    kefu_row_pacer_release (self->pacer, self->owner);
  kefu_lazy_table_update (self);
}

static void
page_failed_cb (KefuLazyTable *self,
                const GError  *error)
{
  g_warning ("Could not read a page of %s: %s", self->what, error->message);
}

KefuLazyTable *
kefu_lazy_table_new (GtkWidget              *owner,
                     KefuLazyListModel      *model,
                     GtkSingleSelection     *selection,
                     GtkStack               *stack,
                     AdwStatusPage          *error_page,
                     GParamSpec             *busy,
                     const char             *what,
                     KefuLazyTableEmptyFunc  show_empty)
{
  KefuLazyTable *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (KEFU_IS_LAZY_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (busy != NULL, NULL);

  self = g_new0 (KefuLazyTable, 1);
  self->owner = owner;
  self->model = model;
  self->stack = stack;
  self->error_page = error_page;
  self->busy = busy;
  self->what = g_strdup (what);
  self->show_empty = show_empty;
  /* The pacer connects to the model first, so it sees each change before these handlers. */
  self->pacer = kefu_row_pacer_new (G_LIST_MODEL (model), PACED_ROWS, LIST_ROWS);
  kefu_row_pacer_hold (self->pacer);
  gtk_single_selection_set_model (selection, kefu_row_pacer_get_model (self->pacer));

  g_signal_connect_swapped (model, "notify::loading", G_CALLBACK (model_loading_cb), self);
  g_signal_connect_swapped (model, "notify::filling", G_CALLBACK (notify_busy), self);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect_swapped (model, "page-failed", G_CALLBACK (page_failed_cb), self);
  return self;
}

void
kefu_lazy_table_free (KefuLazyTable *self)
{
  if (self == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  g_clear_object (&self->sorter);
  g_free (self->sorts);
  g_clear_pointer (&self->pacer, kefu_row_pacer_free);
  g_free (self->what);
  g_free (self);
}

void
kefu_lazy_table_hold (KefuLazyTable *self)
{
  g_return_if_fail (self != NULL);

  kefu_row_pacer_hold (self->pacer);
}

/* The order the sorter asks for now (see kefu_lazy_table_set_sorts ()). */
static int
sorter_order (KefuLazyTable *self,
              gboolean      *descending)
{
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (self->sorter);
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (sorter);

  if (column == NULL)
    {
      *descending = self->fallback_descending;
      return self->fallback;
    }
  *descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
  for (guint i = 0; i < self->n_sorts; i++)
    if (self->sorts[i].column == column)
      return self->sorts[i].sort;
  return self->fallback;
}

static void
sorter_changed_cb (KefuLazyTable *self)
{
  gboolean descending;
  int sort = sorter_order (self, &descending);

  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  self->order_changed (self->owner);
}

void
kefu_lazy_table_set_sorts (KefuLazyTable           *self,
                           GtkColumnView           *view,
                           const KefuLazyTableSort *sorts,
                           guint                    n_sorts,
                           int                      fallback,
                           gboolean                 fallback_descending,
                           GtkColumnViewColumn     *first,
                           GtkSortType              first_order,
                           KefuLazyTableOrderFunc   changed)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->sorter == NULL);
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (changed != NULL);

  self->sorts = g_memdup2 (sorts, n_sorts * sizeof (KefuLazyTableSort));
  self->n_sorts = n_sorts;
  self->fallback = fallback;
  self->fallback_descending = fallback_descending;
  self->order_changed = changed;
  /* The first order is the one the model was made with: the sorter says so without a read. */
  gtk_column_view_sort_by_column (view, first, first_order);
  self->sorter = g_object_ref (gtk_column_view_get_sorter (view));
  self->sort = sorter_order (self, &self->descending);
  g_signal_connect_swapped (self->sorter, "changed", G_CALLBACK (sorter_changed_cb), self);
}

int
kefu_lazy_table_get_order (KefuLazyTable *self,
                           gboolean      *descending)
{
  g_return_val_if_fail (self != NULL, 0);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

gboolean
kefu_lazy_table_set_store (KefuLazyTable *self,
                           KefuStore     *store)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (kefu_lazy_list_model_get_store (self->model) == store)
    return FALSE;
  kefu_lazy_list_model_set_store (self->model, store);
  kefu_lazy_table_update (self);
  return TRUE;
}

void
kefu_lazy_table_activate (KefuLazyTable *self,
                          guint          position,
                          const char    *action)
{
  gint64 id;

  g_return_if_fail (self != NULL);

  id = kefu_lazy_list_model_get_id (self->model, position);
  if (id > 0)
    gtk_widget_activate_action (self->owner, action, "x", id);
}
