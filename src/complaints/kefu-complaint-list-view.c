/* kefu-complaint-list-view.c: the complaints as a sortable table over a lazy model.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-lazy-table.h"

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
  AdwStatusPage       *empty_page;
  GtkColumnViewColumn *stage_column;
  GtkColumnViewColumn *urgent_column;

  KefuLazyListModel   *model;
  /* The table's rows of `model` (a new list shows a screen of them in its first frame: a column
   * view makes up to 200 rows of nine cells), and the stack's page. */
  KefuLazyTable       *table;
  KefuComplaintFilter *filter;
};

G_DEFINE_FINAL_TYPE (KefuComplaintListView, kefu_complaint_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_query (KefuComplaintListView *self)
{
  gboolean descending;
  KefuComplaintSort sort = kefu_lazy_table_get_order (self->table, &descending);

  /* Another order or filter replaces the rows on screen: the new list's first rows rebind a
   * screen of rows, not the 200 the view keeps (that cost 140-220 ms a sort). */
  kefu_lazy_table_hold (self->table);
  kefu_complaint_list_model_set_query (self->model, self->filter, sort, descending);
}

static void
order_changed (GtkWidget *owner)
{
  update_query (KEFU_COMPLAINT_LIST_VIEW (owner));
}

/* The columns the store sorts by. Newest first, as kefu_complaint_list_model_new () reads them,
 * and when no column is chosen. */
static void
sort_by_columns (KefuComplaintListView *self)
{
  const KefuLazyTableSort sorts[] = {
    { self->reference_column, KEFU_COMPLAINT_SORT_REFERENCE },
    { self->customer_column, KEFU_COMPLAINT_SORT_CUSTOMER },
    { self->stage_column, KEFU_COMPLAINT_SORT_STAGE },
    { self->deadline_column, KEFU_COMPLAINT_SORT_DUE },
    { self->owner_column, KEFU_COMPLAINT_SORT_OWNER },
  };

  kefu_lazy_table_set_sorts (self->table, self->column_view, sorts, G_N_ELEMENTS (sorts),
                             KEFU_COMPLAINT_SORT_RECEIVED, TRUE, self->received_column,
                             GTK_SORT_DESCENDING, order_changed);
}

static void
column_view_activate_cb (KefuComplaintListView *self,
                         guint                  position)
{
  kefu_lazy_table_activate (self->table, position, "complaints.open");
}

static void
kefu_complaint_list_view_dispose (GObject *object)
{
  KefuComplaintListView *self = KEFU_COMPLAINT_LIST_VIEW (object);

  g_clear_pointer (&self->table, kefu_lazy_table_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_LIST_VIEW);
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
      g_value_set_boolean (value, kefu_lazy_table_get_busy (self->table));
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
      if (kefu_lazy_table_set_store (self->table, g_value_get_object (value)))
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
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintListView, empty_page);
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
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: the bin unparents its child itself, after
   * gtk_widget_dispose_template () would have. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->filter = kefu_complaint_filter_new ();
  self->model = kefu_complaint_list_model_new ();
  self->table = kefu_lazy_table_new (GTK_WIDGET (self), self->model, self->selection, self->stack,
                                     self->error_page, properties[PROP_BUSY], "complaints", NULL);

  kefu_complaint_cell_set_factory (self->reference_column, KEFU_COMPLAINT_CELL_REFERENCE);
  kefu_complaint_cell_set_factory (self->received_column, KEFU_COMPLAINT_CELL_RECEIVED);
  kefu_complaint_cell_set_factory (self->customer_column, KEFU_COMPLAINT_CELL_CUSTOMER);
  kefu_complaint_cell_set_factory (self->category_column, KEFU_COMPLAINT_CELL_CATEGORY);
  kefu_complaint_cell_set_factory (self->stage_column, KEFU_COMPLAINT_CELL_STAGE);
  kefu_complaint_cell_set_factory (self->deadline_column, KEFU_COMPLAINT_CELL_DEADLINE);
  kefu_complaint_cell_set_factory (self->owner_column, KEFU_COMPLAINT_CELL_OWNER);
  kefu_complaint_cell_set_factory (self->departments_column, KEFU_COMPLAINT_CELL_DEPARTMENTS);
  kefu_complaint_cell_set_factory (self->urgent_column, KEFU_COMPLAINT_CELL_URGENT);

  sort_by_columns (self);

  kefu_lazy_table_update (self->table);
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
  /* "Show Archived" lists nothing but archived complaints: say so when there are none. */
  if (self->filter->archived)
    {
      adw_status_page_set_title (self->empty_page, _("No Archived Complaints"));
      adw_status_page_set_description (self->empty_page,
                                       _("Archived complaints are listed here, where they can be restored."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Complaints"));
      adw_status_page_set_description (self->empty_page, _("No complaint matches the filters."));
    }
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
