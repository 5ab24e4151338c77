/* kefu-complaint-list-view.c: the complaints as a sortable table over a lazy model.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-list-loader.h"
#include "widgets/kefu-row-pacer.h"

#include "kefu-complaint-list-cells.h"
#include "kefu-complaint-list-model.h"
#include "kefu-complaint-list-view-private.h"

struct _KefuComplaintListView
{
  AdwBin               parent_instance;

  GtkColumnViewColumn *category_column;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *deadline_column;
  GtkColumnViewColumn *departments_column;
  AdwStatusPage       *error_page;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *received_column;
  GtkColumnViewColumn *reference_column;
  GtkSingleSelection  *selection;
  GtkStack            *stack;
  GtkColumnViewColumn *stage_column;
  GtkColumnViewColumn *urgent_column;

  KefuLazyListModel   *model;
  /* The table's rows of `model`: a new list shows a screen of them in its first frame (a column
   * view makes up to 200 rows of nine cells, see kefu-row-pacer.h). */
  KefuRowPacer        *pacer;
  KefuComplaintFilter *filter;
  KefuComplaintSort    sort;
  gboolean             descending;
};

/* Rows shown in the first frame of a new list (a screen of them), and the rows a column view
 * keeps at most (GTK_LIST_VIEW_MAX_LIST_ITEMS). */
#define PACED_ROWS 40
#define LIST_ROWS 200

G_DEFINE_FINAL_TYPE (KefuComplaintListView, kefu_complaint_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Busy while the ids are read and while the rows on screen wait for their cards, so that a
 * screenshot or a test waiting on it sees the rows filled. */
static gboolean
kefu_complaint_list_view_get_busy (KefuComplaintListView *self)
{
  return kefu_lazy_list_model_get_loading (self->model) ||
         kefu_lazy_list_model_get_filling (self->model);
}

static void
model_filling_cb (KefuComplaintListView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_query (KefuComplaintListView *self)
{
  /* Another order or filter replaces the rows on screen: the new list's first rows rebind a
   * screen of rows, not the 200 the view keeps (that cost 140-220 ms a sort). */
  kefu_row_pacer_hold (self->pacer);
  kefu_complaint_list_model_set_query (self->model, self->filter, self->sort, self->descending);
}

/* The stack shows the table once there is a row, else what is happening: reading, a failure or
 * an empty list. */
static void
update_page (KefuComplaintListView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = kefu_lazy_list_model_get_error (self->model);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (kefu_lazy_list_model_get_loading (self->model) ||
           kefu_lazy_list_model_get_store (self->model) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (error != NULL)
    kefu_list_loader_show_error (self->stack, self->error_page, error->message);
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
model_loading_cb (KefuComplaintListView *self)
{
  const GError *error = kefu_lazy_list_model_get_error (self->model);

  /* A new list that starts as the old one did changed nothing at its top: its rows are all let
   * through once it is read. */
  if (!kefu_lazy_list_model_get_loading (self->model) && kefu_row_pacer_get_held (self->pacer) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    kefu_row_pacer_release (self->pacer, GTK_WIDGET (self));
  update_page (self);
  if (error != NULL)
    g_warning ("Could not read the complaints: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
model_items_changed_cb (KefuComplaintListView *self,
                        guint                  position,
                        guint                  removed,
                        guint                  added)
{
  /* The pacer's own model has seen the change first (it was connected first): an empty list
   * holds the next rows to a screen, and a new list's first rows arriving are let through a
   * screen a frame. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    kefu_row_pacer_hold (self->pacer);
  else if (position == 0 && added > 0 && kefu_row_pacer_get_held (self->pacer))
    kefu_row_pacer_release (self->pacer, GTK_WIDGET (self));
  update_page (self);
}

/* The list is sorted by the store: the column view's sorter only says which column and which
 * way, and the ids are read again in that order. */
static void
sorter_changed_cb (KefuComplaintListView *self,
                   GtkSorterChange        change,
                   GtkSorter             *sorter)
{
  GtkColumnViewSorter *column_sorter = GTK_COLUMN_VIEW_SORTER (sorter);
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (column_sorter);
  GtkSortType order = gtk_column_view_sorter_get_primary_sort_order (column_sorter);
  KefuComplaintSort sort = KEFU_COMPLAINT_SORT_RECEIVED;
  gboolean descending = column == NULL || order == GTK_SORT_DESCENDING;

  if (column == self->reference_column)
    sort = KEFU_COMPLAINT_SORT_REFERENCE;
  else if (column == self->customer_column)
    sort = KEFU_COMPLAINT_SORT_CUSTOMER;
  else if (column == self->stage_column)
    sort = KEFU_COMPLAINT_SORT_STAGE;
  else if (column == self->deadline_column)
    sort = KEFU_COMPLAINT_SORT_DUE;
  else if (column == self->owner_column)
    sort = KEFU_COMPLAINT_SORT_OWNER;

  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  update_query (self);
}

static void
page_failed_cb (KefuComplaintListView *self,
                const GError          *error)
{
  g_warning ("Could not read a page of complaints: %s", error->message);
}

static void
column_view_activate_cb (KefuComplaintListView *self,
                         guint                  position)
{
  gint64 id = kefu_lazy_list_model_get_id (self->model, position);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "complaints.open", "x", id);
}

static void
kefu_complaint_list_view_dispose (GObject *object)
{
  KefuComplaintListView *self = KEFU_COMPLAINT_LIST_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_LIST_VIEW);
  g_clear_pointer (&self->pacer, kefu_row_pacer_free);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (kefu_complaint_list_view_parent_class)->dispose (object);
}

static void
kefu_complaint_list_view_finalize (GObject *object)
{
  KefuComplaintListView *self = KEFU_COMPLAINT_LIST_VIEW (object);

  g_clear_pointer (&self->filter, kefu_complaint_filter_free);

  G_OBJECT_CLASS (kefu_complaint_list_view_parent_class)->finalize (object);
}

static void
kefu_complaint_list_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KefuComplaintListView *self = KEFU_COMPLAINT_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, kefu_lazy_list_model_get_store (self->model));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, kefu_complaint_list_view_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_list_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  KefuComplaintListView *self = KEFU_COMPLAINT_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (kefu_lazy_list_model_get_store (self->model) == g_value_get_object (value))
        break;
      kefu_lazy_list_model_set_store (self->model, g_value_get_object (value));
      update_page (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_list_view_class_init (KefuComplaintListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_list_view_dispose;
  object_class->finalize = kefu_complaint_list_view_finalize;
  object_class->get_property = kefu_complaint_list_view_get_property;
  object_class->set_property = kefu_complaint_list_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, category_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, customer_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, departments_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, owner_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, received_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, reference_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, selection);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, stage_column);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, urgent_column);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "kefu-complaint-list-view");
}

static void
kefu_complaint_list_view_init (KefuComplaintListView *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: the bin unparents its child itself, after
   * gtk_widget_dispose_template () would have. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->filter = kefu_complaint_filter_new ();
  self->sort = KEFU_COMPLAINT_SORT_RECEIVED;
  self->descending = TRUE;
  self->model = kefu_complaint_list_model_new ();
  self->pacer = kefu_row_pacer_new (G_LIST_MODEL (self->model), PACED_ROWS, LIST_ROWS);
  kefu_row_pacer_hold (self->pacer);
  gtk_single_selection_set_model (self->selection, kefu_row_pacer_get_model (self->pacer));

  kefu_complaint_cell_set_factory (self->reference_column, KEFU_COMPLAINT_CELL_REFERENCE);
  kefu_complaint_cell_set_factory (self->received_column, KEFU_COMPLAINT_CELL_RECEIVED);
  kefu_complaint_cell_set_factory (self->customer_column, KEFU_COMPLAINT_CELL_CUSTOMER);
  kefu_complaint_cell_set_factory (self->category_column, KEFU_COMPLAINT_CELL_CATEGORY);
  kefu_complaint_cell_set_factory (self->stage_column, KEFU_COMPLAINT_CELL_STAGE);
  kefu_complaint_cell_set_factory (self->deadline_column, KEFU_COMPLAINT_CELL_DEADLINE);
  kefu_complaint_cell_set_factory (self->owner_column, KEFU_COMPLAINT_CELL_OWNER);
  kefu_complaint_cell_set_factory (self->departments_column, KEFU_COMPLAINT_CELL_DEPARTMENTS);
  kefu_complaint_cell_set_factory (self->urgent_column, KEFU_COMPLAINT_CELL_URGENT);

  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (model_loading_cb), self);
  g_signal_connect_swapped (self->model, "notify::filling", G_CALLBACK (model_filling_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect_swapped (self->model, "page-failed", G_CALLBACK (page_failed_cb), self);

  /* Newest first, as kefu_complaint_list_model_new () reads them. */
  gtk_column_view_sort_by_column (self->column_view, self->received_column, GTK_SORT_DESCENDING);
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (sorter_changed_cb), self);

  update_page (self);
}

KefuComplaintListView *
kefu_complaint_list_view_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_LIST_VIEW, NULL);
}

void
kefu_complaint_list_view_set_filter (KefuComplaintListView     *self,
                                     const KefuComplaintFilter *filter)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_LIST_VIEW (self));

  g_clear_pointer (&self->filter, kefu_complaint_filter_free);
  self->filter = filter != NULL ? kefu_complaint_filter_copy (filter) : kefu_complaint_filter_new ();
  update_query (self);
}

void
kefu_complaint_list_view_reload (KefuComplaintListView *self)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_LIST_VIEW (self));

  kefu_lazy_list_model_reload (self->model);
}

/* For the tests (kefu-complaint-list-view-private use only). */
GListModel *
_kefu_complaint_list_view_get_model (KefuComplaintListView *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}
