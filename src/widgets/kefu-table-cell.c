/* kefu-table-cell.c: updating the widgets of a lazy table's cells.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-table-cell"

#include "config.h"

#include "kefu-lazy-item.h"
#include "kefu-table-cell.h"

void
kefu_table_cell_set_label (GtkWidget  *label,
                           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
}

void
kefu_table_cell_set_icon (GtkWidget  *image,
                          const char *icon_name)
{
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon_name) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  if (gtk_widget_get_visible (image) != (icon_name != NULL))
    gtk_widget_set_visible (image, icon_name != NULL);
}

void
kefu_table_cell_set_style (GtkWidget  *widget,
                           const char *style_class)
{
  const char *shown = g_object_get_data (G_OBJECT (widget), "kefu-style");

  if (g_strcmp0 (shown, style_class) == 0)
    return;
  if (shown != NULL)
    gtk_widget_remove_css_class (widget, shown);
  if (style_class != NULL)
    gtk_widget_add_css_class (widget, style_class);
  /* The names are static strings. */
  g_object_set_data (G_OBJECT (widget), "kefu-style", (gpointer) style_class);
}

GtkWidget *
kefu_table_cell_new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  return label;
}

void
kefu_table_cell_set_line_height (GtkListItemFactory *factory,
                                 GtkWidget          *label)
{
  /* Measured once a factory (a column): measuring costs a font fallback lookup. */
  int height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kefu-line-height"));

  if (height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, "中Ag");

      pango_layout_get_pixel_size (layout, NULL, &height);
      g_object_set_data (G_OBJECT (factory), "kefu-line-height", GINT_TO_POINTER (height));
    }
  gtk_widget_set_size_request (label, -1, height);
}

static void
cell_value_cb (KefuLazyItem      *item,
               GParamSpec        *pspec,
               GtkColumnViewCell *cell)
{
  KefuTableCellRefreshFunc refresh = g_object_get_data (G_OBJECT (cell), "kefu-refresh");

  refresh (cell);
}

char *
kefu_table_cell_get_tooltip (GtkWidget *child)
{
  KefuTableCellTooltipFunc func = g_object_get_data (G_OBJECT (child), "kefu-tooltip");
  GtkColumnViewCell *cell = g_object_get_data (G_OBJECT (child), "kefu-tooltip-cell");
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  if (func == NULL || cell == NULL || gtk_column_view_cell_get_item (cell) == NULL)
    return NULL;
  text = func (cell);
  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
cell_query_tooltip_cb (GtkWidget  *child,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  g_autofree char *text = kefu_table_cell_get_tooltip (child);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkColumnViewCell        *cell,
              gpointer                  user_data)
{
  KefuLazyItem *item = gtk_column_view_cell_get_item (cell);
  KefuTableCellRefreshFunc refresh = g_object_get_data (G_OBJECT (factory), "kefu-refresh");
  KefuTableCellTooltipFunc tooltip = g_object_get_data (G_OBJECT (factory), "kefu-tooltip");
  GtkWidget *child = gtk_column_view_cell_get_child (cell);

  /* Once a cell (its child stays its own): the child asks its cell for the text when the
   * pointer rests on it. */
  if (tooltip != NULL && child != NULL && g_object_get_data (G_OBJECT (child), "kefu-tooltip") == NULL)
    {
      g_object_set_data (G_OBJECT (child), "kefu-tooltip", tooltip);
      g_object_set_data (G_OBJECT (child), "kefu-tooltip-cell", cell);
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }

  g_object_set_data (G_OBJECT (cell), "kefu-refresh", refresh);
  g_signal_connect (item, "notify::value", G_CALLBACK (cell_value_cb), cell);
  refresh (cell);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkColumnViewCell        *cell,
                gpointer                  user_data)
{
  KefuLazyItem *item = gtk_column_view_cell_get_item (cell);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, cell_value_cb, cell);
}

void
kefu_table_cell_set_factory (GtkColumnViewColumn      *column,
                             guint                     kind,
                             GCallback                 setup,
                             KefuTableCellRefreshFunc  refresh,
                             KefuTableCellTooltipFunc  tooltip)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (setup != NULL && refresh != NULL);

  g_object_set_data (G_OBJECT (factory), "kefu-refresh", refresh);
  g_object_set_data (G_OBJECT (factory), "kefu-tooltip", tooltip);
  g_signal_connect (factory, "setup", setup, GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
  gtk_column_view_column_set_factory (column, factory);
}
