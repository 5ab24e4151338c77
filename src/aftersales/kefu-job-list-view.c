/* kefu-job-list-view.c: the service jobs as a sortable, filterable table over a lazy model.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-lazy-table.h"

#include "kefu-job-list-cells.h"
#include "kefu-job-list-model.h"
#include "kefu-job-list-view.h"

struct _KefuJobListView
{
  AdwBin               parent_instance;

  GtkToggleButton     *approval_button;
  GtkButton           *clear_button;
  GtkMenuButton       *filters_button;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *customer_column;
  GtkButton           *empty_clear_button;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  GtkDropDown         *kind_dropdown;
  GtkColumnViewColumn *kind_column;
  GtkToggleButton     *open_button;
  GtkToggleButton     *archived_button;
  GtkColumnViewColumn *product_column;
  GtkColumnViewColumn *reference_column;
  GtkColumnViewColumn *reported_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkStack            *stack;
  GtkColumnViewColumn *step_column;
  GtkDropDown         *step_dropdown;
  GtkColumnViewColumn *technician_column;
  GtkColumnViewColumn *waiting_column;
  GtkColumnViewColumn *warranty_column;
  GtkDropDown         *warranty_dropdown;

  KefuStaff           *staff;
  KefuLazyListModel   *model;
  /* The rows of `model` given to the table a screen a frame, and the page the stack shows. */
  KefuLazyTable       *table;
};

/* The drop-downs' first item is "any"; the others follow the enums' order. */
static const KefuJobKind filter_kinds[] = {
  KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_ONSITE_REPAIR,
  KEFU_JOB_KIND_FACTORY_REPAIR, KEFU_JOB_KIND_REPLACEMENT, KEFU_JOB_KIND_RETURN,
};
static const KefuJobStep filter_steps[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SUPPORT_REQUESTED, KEFU_JOB_STEP_APPROVED,
  KEFU_JOB_STEP_DISPATCHED, KEFU_JOB_STEP_ON_TRIP, KEFU_JOB_STEP_SENT_TO_FACTORY,
  KEFU_JOB_STEP_AT_FACTORY, KEFU_JOB_STEP_REPAIRED, KEFU_JOB_STEP_SENT_BACK,
  KEFU_JOB_STEP_COMPLETED, KEFU_JOB_STEP_CANCELLED,
};
static const KefuWarrantyState filter_warranties[] = {
  KEFU_WARRANTY_IN, KEFU_WARRANTY_OUT, KEFU_WARRANTY_UNKNOWN,
};

G_DEFINE_FINAL_TYPE (KefuJobListView, kefu_job_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint
dropdown_index (GtkDropDown *dropdown,
                guint        n_values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > n_values)
    return -1;
  return (gint) selected - 1;
}

static gboolean
filters_set (KefuJobListView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return !gtk_toggle_button_get_active (self->open_button)
         || gtk_toggle_button_get_active (self->approval_button)
         || gtk_toggle_button_get_active (self->archived_button)
         || gtk_drop_down_get_selected (self->kind_dropdown) > 0
         || gtk_drop_down_get_selected (self->step_dropdown) > 0
         || gtk_drop_down_get_selected (self->warranty_dropdown) > 0
         || (text != NULL && *text != '\0');
}

static KefuJobFilter *
build_filter (KefuJobListView *self)
{
  KefuJobFilter *filter = kefu_job_filter_new ();
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  gint kind, step, warranty;

  filter->archived = gtk_toggle_button_get_active (self->archived_button);
  /* An archived job is mostly a finished one: Show Archived lists them all. */
  filter->open_only = gtk_toggle_button_get_active (self->open_button) && !filter->archived;
  filter->awaiting_approval = gtk_toggle_button_get_active (self->approval_button);
  kind = dropdown_index (self->kind_dropdown, G_N_ELEMENTS (filter_kinds));
  step = dropdown_index (self->step_dropdown, G_N_ELEMENTS (filter_steps));
  warranty = dropdown_index (self->warranty_dropdown, G_N_ELEMENTS (filter_warranties));
  filter->kind = kind >= 0 ? (gint) filter_kinds[kind] : -1;
  filter->step = step >= 0 ? (gint) filter_steps[step] : -1;
  filter->warranty = warranty >= 0 ? (gint) filter_warranties[warranty] : -1;
  filter->text = *text != '\0' ? g_steal_pointer (&text) : NULL;
  return filter;
}

static void
update_query (KefuJobListView *self)
{
  g_autoptr(KefuJobFilter) filter = build_filter (self);
  gboolean descending;
  KefuJobSort sort = kefu_lazy_table_get_order (self->table, &descending);

  kefu_lazy_table_hold (self->table);
  kefu_job_list_model_set_query (self->model, filter, sort, descending);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), filters_set (self));
  /* The kind, step and warranty are inside the Filters menu: the button shows that one of them
   * narrows the list, or a clerk would wonder where the other jobs went. */
  if (dropdown_index (self->kind_dropdown, G_N_ELEMENTS (filter_kinds)) >= 0
      || dropdown_index (self->step_dropdown, G_N_ELEMENTS (filter_steps)) >= 0
      || dropdown_index (self->warranty_dropdown, G_N_ELEMENTS (filter_warranties)) >= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filters_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filters_button), "accent");
}

/* An empty list says what to do about it: clear the filters, or record a job. */
static void
show_empty (GtkWidget *owner)
{
  KefuJobListView *self = KEFU_JOB_LIST_VIEW (owner);
  /* "Open only" is the default view, not a filter someone chose. */
  gboolean narrowed = filters_set (self);
  gboolean archived = gtk_toggle_button_get_active (self->archived_button);

  if (archived)
    {
      adw_status_page_set_title (self->empty_page, _("No Archived Service Jobs"));
      adw_status_page_set_description (self->empty_page,
                                       _("Archived service jobs are listed here, where they can be restored."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_clear_button), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Service Jobs"));
  adw_status_page_set_description (self->empty_page,
                                   narrowed
                                   ? _("No service job matches the filters. Clear them to see every job.")
                                   : _("No job is open. Record a fault report when a customer calls about a product, or a request for an installation, a replacement or a return."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_clear_button), narrowed);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
order_changed (GtkWidget *owner)
{
  update_query (KEFU_JOB_LIST_VIEW (owner));
}

/* The columns the store sorts by. Those that waited longest first, as
 * kefu_job_list_model_new () reads them (the waiting column, ascending), and with no column. */
static void
sort_by_columns (KefuJobListView *self)
{
  const KefuLazyTableSort sorts[] = {
    { self->reference_column, KEFU_JOB_SORT_REFERENCE },
    { self->reported_column, KEFU_JOB_SORT_REPORTED },
    { self->customer_column, KEFU_JOB_SORT_CUSTOMER },
    { self->kind_column, KEFU_JOB_SORT_KIND },
    { self->step_column, KEFU_JOB_SORT_STEP },
    { self->technician_column, KEFU_JOB_SORT_TECHNICIAN },
  };

  kefu_lazy_table_set_sorts (self->table, self->column_view, sorts, G_N_ELEMENTS (sorts),
                             KEFU_JOB_SORT_ATTENTION, FALSE, self->waiting_column,
                             GTK_SORT_ASCENDING, order_changed);
}

static void
filter_changed_cb (KefuJobListView *self)
{
  update_query (self);
}

static void
column_view_activate_cb (KefuJobListView *self,
                         guint            position)
{
  kefu_lazy_table_activate (self->table, position, "aftersales.open-job");
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuJobListView *self = KEFU_JOB_LIST_VIEW (widget);

  /* Each setter sets a query of its own; the model reads the ids once for all of them (a
   * query schedules one reload a main-loop iteration). */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->open_button, TRUE);
  gtk_toggle_button_set_active (self->approval_button, FALSE);
  gtk_toggle_button_set_active (self->archived_button, FALSE);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->step_dropdown, 0);
  gtk_drop_down_set_selected (self->warranty_dropdown, 0);
  update_query (self);
}

static void
kefu_job_list_view_dispose (GObject *object)
{
  KefuJobListView *self = KEFU_JOB_LIST_VIEW (object);

  g_clear_pointer (&self->table, kefu_lazy_table_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_JOB_LIST_VIEW);
  g_clear_object (&self->model);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_job_list_view_parent_class)->dispose (object);
}

static void
kefu_job_list_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuJobListView *self = KEFU_JOB_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, kefu_lazy_list_model_get_store (self->model));
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_lazy_table_get_busy (self->table));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_list_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuJobListView *self = KEFU_JOB_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (kefu_lazy_table_set_store (self->table, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_list_view_class_init (KefuJobListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_job_list_view_dispose;
  object_class->get_property = kefu_job_list_view_get_property;
  object_class->set_property = kefu_job_list_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "job-list.clear-filters", NULL,
                                   clear_filters_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-job-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, approval_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, customer_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, archived_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, open_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, product_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, reference_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, reported_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, selection);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, step_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, technician_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, waiting_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, warranty_column);
  gtk_widget_class_bind_template_child (widget_class, KefuJobListView, warranty_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "kefu-job-list-view");
}

static void
kefu_job_list_view_init (KefuJobListView *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) steps = NULL;
  g_autoptr(GtkStringList) warranties = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  kinds = gtk_string_list_new (NULL);
  steps = gtk_string_list_new (NULL);
  warranties = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, _("Any Kind"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_kinds); i++)
    gtk_string_list_append (kinds, kefu_job_kind_get_display_name (filter_kinds[i]));
  gtk_string_list_append (steps, _("Any Step"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_steps); i++)
    gtk_string_list_append (steps, kefu_job_step_get_display_name (filter_steps[i]));
  gtk_string_list_append (warranties, _("Any Warranty"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_warranties); i++)
    gtk_string_list_append (warranties, kefu_warranty_state_get_display_name (filter_warranties[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (steps));
  gtk_drop_down_set_model (self->warranty_dropdown, G_LIST_MODEL (warranties));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->step_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->warranty_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), FALSE);

  self->model = kefu_job_list_model_new ();
  self->table = kefu_lazy_table_new (GTK_WIDGET (self), self->model, self->selection, self->stack,
                                     self->error_page, properties[PROP_BUSY], "service jobs",
                                     show_empty);

  kefu_job_cell_set_factory (self->reference_column, KEFU_JOB_CELL_REFERENCE);
  kefu_job_cell_set_factory (self->reported_column, KEFU_JOB_CELL_REPORTED);
  kefu_job_cell_set_factory (self->customer_column, KEFU_JOB_CELL_CUSTOMER);
  kefu_job_cell_set_factory (self->kind_column, KEFU_JOB_CELL_KIND);
  kefu_job_cell_set_factory (self->product_column, KEFU_JOB_CELL_PRODUCT);
  kefu_job_cell_set_factory (self->step_column, KEFU_JOB_CELL_STEP);
  kefu_job_cell_set_factory (self->warranty_column, KEFU_JOB_CELL_WARRANTY);
  kefu_job_cell_set_factory (self->technician_column, KEFU_JOB_CELL_TECHNICIAN);
  kefu_job_cell_set_factory (self->waiting_column, KEFU_JOB_CELL_WAITING);

  sort_by_columns (self);

  kefu_lazy_table_update (self->table);
}

GtkWidget *
kefu_job_list_view_new (void)
{
  return g_object_new (KEFU_TYPE_JOB_LIST_VIEW, NULL);
}

void
kefu_job_list_view_reload (KefuJobListView *self)
{
  g_return_if_fail (KEFU_IS_JOB_LIST_VIEW (self));

  kefu_lazy_list_model_reload (self->model);
}

GListModel *
_kefu_job_list_view_get_model (KefuJobListView *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}
