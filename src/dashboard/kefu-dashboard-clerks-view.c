/* kefu-dashboard-clerks-view.c: the dashboard's clerks table (see kefu-dashboard-clerks-view.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-dashboard.h"

#include "kefu-dashboard-clerk-row.h"
#include "kefu-dashboard-clerks-view.h"

typedef enum
{
  CELL_CALLS,
  CELL_INQUIRIES,
  CELL_CONVERTED,
  CELL_CONVERSION,
  CELL_COMPLAINTS,
  CELL_CALLBACKS,
} Cell;

struct _KefuDashboardClerksView
{
  AdwBin               parent_instance;

  GListStore          *rows;
  GtkSortListModel    *sort_model;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *calls_column;
  GtkColumnViewColumn *inquiries_column;
  GtkColumnViewColumn *converted_column;
  GtkColumnViewColumn *conversion_column;
  GtkColumnViewColumn *complaints_column;
  GtkColumnViewColumn *callbacks_column;
};

G_DEFINE_FINAL_TYPE (KefuDashboardClerksView, kefu_dashboard_clerks_view, ADW_TYPE_BIN)

static const char *
cell_title (Cell cell)
{
  switch (cell)
    {
    case CELL_CALLS:
      return _("Calls served");
    case CELL_INQUIRIES:
      return _("Inquiries");
    case CELL_CONVERTED:
      return _("Inquiries turned into orders");
    case CELL_COMPLAINTS:
      return _("Complaints taken");
    case CELL_CALLBACKS:
      return _("Callbacks done");
    case CELL_CONVERSION:
    default:
      return _("Conversion rate");
    }
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_column_view_cell_set_child (cell, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkColumnViewCell        *cell)
{
  KefuDashboardClerkRow *row = gtk_column_view_cell_get_item (cell);

  gtk_label_set_label (GTK_LABEL (gtk_column_view_cell_get_child (cell)),
                       kefu_dashboard_clerk_row_get_clerk (row)->name);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkColumnViewCell        *cell,
                 gpointer                  user_data)
{
  Cell kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *child;

  if (kind == CELL_CONVERSION)
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
    }
  else
    {
      child = gtk_button_new ();
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_halign (child, GTK_ALIGN_END);
    }
  gtk_widget_add_css_class (child, "numeric");
  gtk_column_view_cell_set_child (cell, child);
}

static void
number_bind_cb (GtkSignalListItemFactory *factory,
                GtkColumnViewCell        *cell,
                gpointer                  user_data)
{
  static const KefuDashboardFigure figures[] = {
    [CELL_CALLS] = KEFU_DASHBOARD_FIGURE_CLERK_CALLS,
    [CELL_INQUIRIES] = KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES,
    [CELL_CONVERTED] = KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES,
    [CELL_CONVERSION] = KEFU_DASHBOARD_FIGURE_CLERK_INQUIRIES,
    [CELL_COMPLAINTS] = KEFU_DASHBOARD_FIGURE_CLERK_COMPLAINTS,
    [CELL_CALLBACKS] = KEFU_DASHBOARD_FIGURE_CLERK_CALLBACKS,
  };
  Cell kind = GPOINTER_TO_UINT (user_data);
  KefuDashboardClerkRow *row = gtk_column_view_cell_get_item (cell);
  const KefuDashboardClerk *clerk = kefu_dashboard_clerk_row_get_clerk (row);
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;
  guint value;
  gint64 key = clerk->staff_id;

  if (kind == CELL_CONVERSION)
    {
      double conversion = kefu_dashboard_clerk_row_get_conversion (row);

      text = conversion < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f%%", conversion);
      gtk_label_set_label (GTK_LABEL (child), text);
      return;
    }
  value = kind == CELL_CALLS ? clerk->calls :
          kind == CELL_INQUIRIES ? clerk->inquiries :
          kind == CELL_CONVERTED ? clerk->converted :
          kind == CELL_COMPLAINTS ? clerk->complaints : clerk->callbacks_done;
  /* The converted inquiries are the clerk's inquiries' other list. */
  if (kind == CELL_CONVERTED)
    key = -clerk->staff_id;
  text = g_strdup_printf ("%'u", value);
  gtk_button_set_label (GTK_BUTTON (child), text);
  /* Translators: the records behind a number of the clerks table: "王芳 · Calls served". */
  title = g_strdup_printf (C_("dashboard clerk records", "%s · %s"), clerk->name,
                           cell_title (kind));
  /* The target first: an action name without its target is a mismatch. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "(ixs)", figures[kind], key, title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "dashboard.open-records");
  gtk_widget_set_sensitive (child, value > 0);
  /* Translators: a number's tooltip in the clerks table: "Show the 12 records". */
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u record",
                                          "Show the %u records", value), value);
  gtk_widget_set_tooltip_text (child, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
set_factory (GtkColumnViewColumn *column,
             Cell                 kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (number_setup_cb), GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (number_bind_cb), GUINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_title (column, cell_title (kind));
}

static void
kefu_dashboard_clerks_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_DASHBOARD_CLERKS_VIEW);

  G_OBJECT_CLASS (kefu_dashboard_clerks_view_parent_class)->dispose (object);
}

static void
kefu_dashboard_clerks_view_class_init (KefuDashboardClerksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_dashboard_clerks_view_dispose;

  g_type_ensure (KEFU_TYPE_DASHBOARD_CLERK_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-dashboard-clerks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, rows);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, name_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, calls_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, inquiries_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, converted_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, conversion_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, complaints_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardClerksView, callbacks_column);
}

static void
kefu_dashboard_clerks_view_init (KefuDashboardClerksView *self)
{
  g_autoptr(GtkListItemFactory) names = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (names, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (names, "bind", G_CALLBACK (name_bind_cb), NULL);
  gtk_column_view_column_set_factory (self->name_column, names);
  set_factory (self->calls_column, CELL_CALLS);
  set_factory (self->inquiries_column, CELL_INQUIRIES);
  set_factory (self->converted_column, CELL_CONVERTED);
  set_factory (self->conversion_column, CELL_CONVERSION);
  set_factory (self->complaints_column, CELL_COMPLAINTS);
  set_factory (self->callbacks_column, CELL_CALLBACKS);
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  gtk_column_view_get_sorter (self->column_view));
  /* The busiest first, as the seed's 服务统计本 is read. */
  gtk_column_view_sort_by_column (self->column_view, self->calls_column, GTK_SORT_DESCENDING);
}

GtkWidget *
kefu_dashboard_clerks_view_new (void)
{
  return g_object_new (KEFU_TYPE_DASHBOARD_CLERKS_VIEW, NULL);
}

void
kefu_dashboard_clerks_view_set_clerks (KefuDashboardClerksView *self,
                                       GArray                  *clerks)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (KEFU_IS_DASHBOARD_CLERKS_VIEW (self));
  g_return_if_fail (clerks != NULL);

  for (guint i = 0; i < clerks->len; i++)
    g_ptr_array_add (rows, kefu_dashboard_clerk_row_new (&g_array_index (clerks,
                                                                         KefuDashboardClerk, i)));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

GListModel *
kefu_dashboard_clerks_view_get_model (KefuDashboardClerksView *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_CLERKS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}
