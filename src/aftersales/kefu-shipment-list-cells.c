/* kefu-shipment-list-cells.c: the cells of the shipment list view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-list"

#include "config.h"


#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-job-flow.h"
#include "widgets/kefu-lazy-item.h"
#include "widgets/kefu-table-cell.h"

#include "kefu-shipment-list-cells.h"

guint
kefu_shipment_way_position (KefuShipment *shipment,
                            guint        *n_steps)
{
  guint position;

  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), 0);

  /* One in exception is as far as the step it was in when it went wrong. */
  kefu_shipment_step_progress (shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION
                               ? shipment->exception_from : shipment->step,
                               &position, n_steps);
  return position;
}

char *
kefu_shipment_format_step (KefuShipment *shipment)
{
  const char *name;
  guint position;
  guint n_steps;

  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);

  name = kefu_shipment_step_get_display_name (shipment->step);
  if (shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION ||
      shipment->step == KEFU_SHIPMENT_STEP_CANCELLED)
    return g_strdup (name);
  position = kefu_shipment_way_position (shipment, &n_steps);
  /* Translators: how far a shipment is on its way, in the list: "4/7 Shipped". */
  return g_strdup_printf (_("%u/%u %s"), position, n_steps, name);
}

char *
kefu_shipment_format_attention (KefuShipment *shipment,
                                GDateTime    *now)
{
  g_autoptr(GDateTime) current = NULL;
  GTimeSpan late;
  guint days;

  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);

  if (shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION)
    /* Translators: a shipment in trouble in transit, in the list: "Exception: Damaged". */
    return g_strdup_printf (_("Exception: %s"),
                            kefu_shipment_exception_get_display_name (shipment->exception));

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  if (shipment->attention_at == NULL || !kefu_shipment_is_overdue (shipment, now))
    return NULL;

  /* Its first day past the attention time is one day late. */
  late = g_date_time_difference (now, shipment->attention_at);
  days = (guint) MIN (late / G_TIME_SPAN_DAY + 1, G_MAXUINT);
  /* Translators: a shipment that should have arrived (or been confirmed) by now. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue %u day", "Overdue %u days", days),
                          days);
}

char *
kefu_shipment_format_day (const GDate *day)
{
  char text[32];

  if (day == NULL || !g_date_valid (day))
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  return g_strdup (text);
}

char *
kefu_shipment_cell_text (KefuShipment     *shipment,
                         KefuShipmentCell  cell,
                         GDateTime        *now)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);

  switch (cell)
    {
    case KEFU_SHIPMENT_CELL_REFERENCE:
      return g_strdup (shipment->reference);

    case KEFU_SHIPMENT_CELL_CUSTOMER:
      return g_strdup (shipment->customer_name);

    case KEFU_SHIPMENT_CELL_PRODUCTS:
      if (shipment->first_product_name == NULL)
        return g_strdup ("");
      if (shipment->n_lines <= 1)
        return g_strdup (shipment->first_product_name);
      /* Translators: the products of a shipment in the list: "Analyser X200 + 2 more". */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s + %u more", "%s + %u more",
                                           shipment->n_lines - 1),
                              shipment->first_product_name, shipment->n_lines - 1);

    case KEFU_SHIPMENT_CELL_STEP:
      return kefu_shipment_format_step (shipment);

    case KEFU_SHIPMENT_CELL_CARRIER:
      if (shipment->carrier_name == NULL)
        return g_strdup ("");
      if (shipment->waybill == NULL)
        return g_strdup (shipment->carrier_name);
      /* Translators: the carrier and the waybill number: "顺丰速运 · SF1234567890123". */
      return g_strdup_printf (_("%s · %s"), shipment->carrier_name, shipment->waybill);

    case KEFU_SHIPMENT_CELL_EXPECTED:
      return kefu_shipment_format_day (&shipment->expected_arrival);

    case KEFU_SHIPMENT_CELL_ATTENTION:
      {
        char *text;

        /* The step beside it says "Exception" already: the column says what went wrong, the
         * tooltip says both (kefu_shipment_format_attention ()). */
        if (shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION)
          return g_strdup (kefu_shipment_exception_get_display_name (shipment->exception));
        text = kefu_shipment_format_attention (shipment, now);
        return text != NULL ? text : g_strdup ("");
      }

    case KEFU_SHIPMENT_CELL_ACCOUNT_MANAGER:
      return g_strdup (shipment->account_manager_name);

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
cell_refresh (GtkColumnViewCell *cell)
{
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  KefuShipmentCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kefu-cell"));
  KefuLazyItem *item = gtk_column_view_cell_get_item (cell);
  KefuShipment *shipment = item != NULL ? kefu_lazy_item_get_value (item) : NULL;
  g_autofree char *text = shipment != NULL ? kefu_shipment_cell_text (shipment, kind, NULL) : NULL;
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_last_child (child);
  gboolean empty = text == NULL || *text == '\0';

  kefu_table_cell_set_label (label, text != NULL ? text : "");

  if (kind == KEFU_SHIPMENT_CELL_STEP)
    {
      GtkLevelBar *bar = GTK_LEVEL_BAR (gtk_widget_get_first_child (child));
      gboolean trouble = shipment != NULL && shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION;
      gboolean cancelled = shipment != NULL && shipment->step == KEFU_SHIPMENT_STEP_CANCELLED;
      double value = shipment != NULL ? kefu_shipment_way_position (shipment, NULL) : 0;

      if (gtk_level_bar_get_value (bar) != value)
        gtk_level_bar_set_value (bar, value);
      kefu_table_cell_set_style (child, trouble ? "error" : cancelled ? "dim-label" : NULL);
    }
  else if (kind == KEFU_SHIPMENT_CELL_ATTENTION)
    {
      /* An icon and words, never colour alone. */
      kefu_table_cell_set_icon (gtk_widget_get_first_child (child),
                                empty ? NULL
                                : shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION
                                ? "dialog-warning-symbolic" : "alarm-symbolic");
      kefu_table_cell_set_style (child, empty ? NULL : "error");
    }
}

/* A long text is cut with an ellipsis: the whole of it in the tooltip (the references and the
 * days are always whole); the attention column's says what is late, or what went wrong. */
static char *
cell_tooltip (GtkColumnViewCell *cell)
{
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  KefuShipmentCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kefu-cell"));
  KefuShipment *shipment = kefu_lazy_item_get_value (gtk_column_view_cell_get_item (cell));

  if (shipment == NULL || kind == KEFU_SHIPMENT_CELL_REFERENCE ||
      kind == KEFU_SHIPMENT_CELL_EXPECTED)
    return NULL;
  if (kind == KEFU_SHIPMENT_CELL_ATTENTION)
    return kefu_shipment_format_attention (shipment, NULL);
  return kefu_shipment_cell_text (shipment, kind, NULL);
}

static GtkWidget *
new_step_bar (void)
{
  /* The label beside it says the same in words: the bar itself is not read out. Continuous: a
   * discrete bar's seven blocks are wider than the column. */
  GtkWidget *bar = g_object_new (GTK_TYPE_LEVEL_BAR,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 "mode", GTK_LEVEL_BAR_MODE_CONTINUOUS,
                                 "min-value", 0.0,
                                 "max-value", (double) (KEFU_SHIPMENT_STEP_RECEIVED + 1),
                                 "valign", GTK_ALIGN_CENTER,
                                 "hexpand", FALSE,
                                 "width-request", 40,
                                 NULL);

  /* One colour for the steps taken, whatever their number (the "full" offset sits at 1.0,
   * which would paint a shipment at its first step green). */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  return bar;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell,
               gpointer                  user_data)
{
  KefuShipmentCell kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = kefu_table_cell_new_label ();
  GtkWidget *child = label;


  switch (kind)
    {
    case KEFU_SHIPMENT_CELL_REFERENCE:
    case KEFU_SHIPMENT_CELL_EXPECTED:
      gtk_widget_add_css_class (label, "numeric");
      break;

    case KEFU_SHIPMENT_CELL_STEP:
      /* The bar keeps its width and the words take the rest, cut with an ellipsis (never
       * through a character) when the column is narrow: the tooltip has them whole. */
      gtk_widget_set_hexpand (label, TRUE);
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), new_step_bar ());
      gtk_box_append (GTK_BOX (child), label);
      break;

    case KEFU_SHIPMENT_CELL_ATTENTION:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), g_object_new (GTK_TYPE_IMAGE,
                                                     "accessible-role",
                                                     GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                     "visible", FALSE,
                                                     NULL));
      gtk_box_append (GTK_BOX (child), label);
      break;

    case KEFU_SHIPMENT_CELL_CUSTOMER:
    case KEFU_SHIPMENT_CELL_PRODUCTS:
    case KEFU_SHIPMENT_CELL_CARRIER:
    case KEFU_SHIPMENT_CELL_ACCOUNT_MANAGER:
    default:
      break;
    }

  kefu_table_cell_set_line_height (GTK_LIST_ITEM_FACTORY (factory), label);
  g_object_set_data (G_OBJECT (child), "kefu-cell", GUINT_TO_POINTER (kind));
  gtk_column_view_cell_set_child (cell, child);
}

void
kefu_shipment_cell_set_factory (GtkColumnViewColumn *column,
                                KefuShipmentCell     cell)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (cell <= KEFU_SHIPMENT_CELL_ACCOUNT_MANAGER);

  kefu_table_cell_set_factory (column, cell, G_CALLBACK (cell_setup_cb), cell_refresh,
                               cell_tooltip);
}
