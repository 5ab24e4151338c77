/* kefu-complaint-list-cells.c: the cells of the complaint list view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-lazy-item.h"
#include "widgets/kefu-table-cell.h"

#include "kefu-complaint-list-cells.h"
#include "kefu-detail-format.h"

static const char *
category_icon_name (KefuComplaintCategory category)
{
  switch (category)
    {
    case KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY:
      return "package-x-generic-symbolic";
    case KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY:
      return "avatar-default-symbolic";
    case KEFU_COMPLAINT_CATEGORY_UNSPECIFIED:
    default:
      return NULL;
    }
}

char *
kefu_complaint_cell_text (KefuComplaintCard *card,
                          KefuComplaintCell  cell,
                          GDateTime         *now)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), NULL);

  switch (cell)
    {
    case KEFU_COMPLAINT_CELL_REFERENCE:
      return g_strdup (kefu_complaint_card_get_reference (card));

    case KEFU_COMPLAINT_CELL_RECEIVED:
      return kefu_detail_format_local_time (kefu_complaint_card_get_received_at (card));

    case KEFU_COMPLAINT_CELL_CUSTOMER:
      return g_strdup (kefu_complaint_card_get_customer_name (card));

    case KEFU_COMPLAINT_CELL_CATEGORY:
      if (kefu_complaint_card_get_category (card) == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
        return g_strdup ("");
      return g_strdup (kefu_complaint_category_get_display_name (kefu_complaint_card_get_category (card)));

    case KEFU_COMPLAINT_CELL_STAGE:
      return g_strdup (kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)));

    case KEFU_COMPLAINT_CELL_DEADLINE:
      if (kefu_complaint_card_get_due_at (card) == NULL)
        return g_strdup ("");
      if (now == NULL)
        now = current = g_date_time_new_now_utc ();
      return kefu_detail_format_time_left (kefu_complaint_card_get_due_at (card), now);

    case KEFU_COMPLAINT_CELL_OWNER:
      return g_strdup (kefu_complaint_card_get_owner_name (card));

    case KEFU_COMPLAINT_CELL_DEPARTMENTS:
      return g_strdup (kefu_complaint_card_get_departments (card));

    case KEFU_COMPLAINT_CELL_URGENT:
      /* Translators: the badge of a complaint whose customer was harmed, in the list view. */
      return g_strdup (kefu_complaint_card_get_urgent (card) ? C_("complaint badge", "Urgent") : "");

    default:
      g_return_val_if_reached (NULL);
    }
}

static GtkWidget *
cell_label (GtkWidget *cell_child)
{
  return GTK_IS_LABEL (cell_child) ? cell_child : gtk_widget_get_last_child (cell_child);
}

static void
cell_refresh (GtkColumnViewCell *cell)
{
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  KefuComplaintCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kefu-cell"));
  KefuLazyItem *item = gtk_column_view_cell_get_item (cell);
  KefuComplaintCard *card = item != NULL ? kefu_lazy_item_get_value (item) : NULL;
  g_autoptr(GDateTime) now = card != NULL && kind == KEFU_COMPLAINT_CELL_DEADLINE
                             ? g_date_time_new_now_utc () : NULL;
  g_autofree char *text = card != NULL ? kefu_complaint_cell_text (card, kind, now) : NULL;
  GtkWidget *label = cell_label (child);
  gboolean empty = text == NULL || *text == '\0';

  kefu_table_cell_set_label (label, text != NULL ? text : "");

  if (kind == KEFU_COMPLAINT_CELL_CATEGORY)
    kefu_table_cell_set_icon (gtk_widget_get_first_child (child),
                              card != NULL ? category_icon_name (kefu_complaint_card_get_category (card)) : NULL);
  else if (kind == KEFU_COMPLAINT_CELL_DEADLINE)
    {
      KefuDeadlineState state = card != NULL ? kefu_complaint_card_get_deadline_state (card, now)
                                             : KEFU_DEADLINE_STATE_NONE;

      kefu_table_cell_set_style (child, kefu_detail_deadline_style_class (state));
      kefu_table_cell_set_icon (gtk_widget_get_first_child (child),
                                empty ? NULL : kefu_detail_deadline_icon_name (state));
    }
  else if (kind == KEFU_COMPLAINT_CELL_URGENT && gtk_widget_get_visible (label) == empty)
    gtk_widget_set_visible (label, !empty);
}

/* The kind of deadline goes in the tooltip: the column stays narrow enough for a table. */
static char *
cell_tooltip (GtkColumnViewCell *cell)
{
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  KefuComplaintCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kefu-cell"));
  KefuComplaintCard *card = kefu_lazy_item_get_value (gtk_column_view_cell_get_item (cell));

  if (card == NULL || kind != KEFU_COMPLAINT_CELL_DEADLINE ||
      kefu_complaint_card_get_due_at (card) == NULL)
    return NULL;
  return g_strdup (kefu_detail_deadline_name (kefu_complaint_card_get_due_kind (card)));
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell,
               gpointer                  user_data)
{
  KefuComplaintCell kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = kefu_table_cell_new_label ();
  GtkWidget *child = label;


  switch (kind)
    {
    case KEFU_COMPLAINT_CELL_REFERENCE:
    case KEFU_COMPLAINT_CELL_RECEIVED:
      gtk_widget_add_css_class (label, "numeric");
      break;

    case KEFU_COMPLAINT_CELL_CATEGORY:
    case KEFU_COMPLAINT_CELL_DEADLINE:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), gtk_image_new ());
      gtk_box_append (GTK_BOX (child), label);
      if (kind == KEFU_COMPLAINT_CELL_DEADLINE)
        gtk_widget_add_css_class (label, "numeric");
      break;

    case KEFU_COMPLAINT_CELL_URGENT:
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "kefu-badge");
      gtk_widget_add_css_class (label, "error");
      break;

    case KEFU_COMPLAINT_CELL_CUSTOMER:
    case KEFU_COMPLAINT_CELL_STAGE:
    case KEFU_COMPLAINT_CELL_OWNER:
    case KEFU_COMPLAINT_CELL_DEPARTMENTS:
    default:
      break;
    }

  /* Every label as tall as a line of Chinese text, whatever it shows: an empty placeholder or a
   * Latin reference is otherwise shorter than a row with a name in the CJK font. */
  kefu_table_cell_set_line_height (GTK_LIST_ITEM_FACTORY (factory), label);

  g_object_set_data (G_OBJECT (child), "kefu-cell", GUINT_TO_POINTER (kind));
  gtk_column_view_cell_set_child (cell, child);
}

void
kefu_complaint_cell_set_factory (GtkColumnViewColumn *column,
                                 KefuComplaintCell    cell)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (cell <= KEFU_COMPLAINT_CELL_URGENT);

  kefu_table_cell_set_factory (column, cell, G_CALLBACK (cell_setup_cb), cell_refresh,
                               cell_tooltip);
}
