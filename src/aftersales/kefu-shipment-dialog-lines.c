/* kefu-shipment-dialog-lines.c: the product lines of the shipping request.
 *
 * A product line is a group of its own (product, serial, production date, quantity) with a
 * button that removes it, and one that splits a line of several units under one product number
 * into a line per unit.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-product.h"
#include "intake/kefu-form-field.h"
#include "widgets/kefu-date-row.h"

#include "kefu-shipment-dialog-private.h"

/* Product lines */

void
_kefu_shipment_dialog_renumber_lines (KefuShipmentDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = self->lines->pdata[i];
      g_autofree char *title = NULL;
      g_autofree char *product_id = g_strdup_printf ("line-%u-product", i + 1);
      g_autofree char *serial_id = g_strdup_printf ("line-%u-serial", i + 1);
      g_autofree char *produced_id = g_strdup_printf ("line-%u-produced", i + 1);
      g_autofree char *quantity_id = g_strdup_printf ("line-%u-quantity", i + 1);

      /* Translators: the heading of a product line of the shipping request. */
      title = g_strdup_printf (_("Product Line %u"), i + 1);
      adw_preferences_group_set_title (line->group, title);
      kefu_form_field_setup (GTK_WIDGET (line->product), product_id);
      kefu_form_field_setup (GTK_WIDGET (line->serial), serial_id);
      kefu_form_field_setup (GTK_WIDGET (line->produced), produced_id);
      kefu_form_field_setup (GTK_WIDGET (line->quantity), quantity_id);
      /* There is always one line to fill. */
      gtk_widget_set_sensitive (line->remove, self->lines->len > 1);
    }
}

static void
remove_clicked_cb (GtkButton          *button,
                   KefuShipmentDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = self->lines->pdata[i];

      if (line->remove != GTK_WIDGET (button))
        continue;
      gtk_box_remove (self->lines_box, GTK_WIDGET (line->group));
      g_ptr_array_remove_index (self->lines, i);
      break;
    }
  _kefu_shipment_dialog_renumber_lines (self);
  _kefu_shipment_dialog_field_changed (self);
}

/* The product number `steps` after `serial` by its trailing number, in the same width
 * (SN-X200-0001, 2: SN-X200-0003); NULL when it does not end in a number. */
static char *
next_serial (const char *serial,
             guint       steps)
{
  gsize length = strlen (serial);
  gsize start = length;
  guint64 number;

  while (start > 0 && g_ascii_isdigit (serial[start - 1]))
    start--;
  if (start == length || length - start > 18)
    return NULL;
  number = g_ascii_strtoull (serial + start, NULL, 10) + steps;
  return g_strdup_printf ("%.*s%0*" G_GUINT64_FORMAT, (int) start, serial,
                          (int) (length - start), number);
}

/* Splitting makes one line a unit; more lines than a request holds are not offered. */
#define MAX_SPLIT_LINES 200

static void
update_split (KefuShipmentDialog *self,
              Line               *line)
{
  guint quantity = (guint) adw_spin_row_get_value (line->quantity);
  g_autofree char *serial = _kefu_shipment_dialog_dup_trimmed (line->serial);
  g_autofree char *label = NULL;
  gboolean offered = *serial != '\0' && quantity > 1 &&
                     self->lines->len + quantity - 1 <= MAX_SPLIT_LINES;

  gtk_widget_set_visible (line->split, offered);
  if (!offered)
    return;
  /* Translators: a button that turns a line of N units under one product number into N lines
   * of one unit, each with its own product number. */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Split into %u Line",
                                        "Split into %u Lines", quantity), quantity);
  gtk_button_set_label (GTK_BUTTON (line->split), label);
}

static void
units_changed_cb (KefuShipmentDialog *self)
{
  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    update_split (self, self->lines->pdata[i]);
  _kefu_shipment_dialog_field_changed (self);
}

/* Turns line `index` of N units into N lines of one, the next ones after it with the same
 * product and production date and the following product numbers, to be checked. */
static void
split_line (KefuShipmentDialog *self,
            guint               index)
{
  Line *line = self->lines->pdata[index];
  guint quantity = (guint) adw_spin_row_get_value (line->quantity);
  g_autofree char *serial = _kefu_shipment_dialog_dup_trimmed (line->serial);
  g_autofree char *produced = g_strdup (gtk_editable_get_text (GTK_EDITABLE (line->produced)));
  guint product = adw_combo_row_get_selected (line->product);
  GtkWidget *previous = GTK_WIDGET (line->group);
  Line *second = NULL;

  adw_spin_row_set_value (line->quantity, 1);
  for (guint j = 1; j < quantity; j++)
    {
      g_autofree char *next = next_serial (serial, j);
      Line *added;

      kefu_shipment_dialog_add_line (self);
      added = g_ptr_array_steal_index (self->lines, self->lines->len - 1);
      g_ptr_array_insert (self->lines, index + j, added);
      gtk_box_reorder_child_after (self->lines_box, GTK_WIDGET (added->group), previous);
      previous = GTK_WIDGET (added->group);
      adw_combo_row_set_selected (added->product, product);
      gtk_editable_set_text (GTK_EDITABLE (added->serial), next != NULL ? next : "");
      gtk_editable_set_text (GTK_EDITABLE (added->produced), produced);
      if (second == NULL)
        second = added;
    }
  _kefu_shipment_dialog_renumber_lines (self);
  units_changed_cb (self);
  /* The numbers are a guess from the first: the person checks them against the labels. */
  if (second != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (second->serial));
}

static void
split_clicked_cb (GtkButton          *button,
                  KefuShipmentDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    if (((Line *) self->lines->pdata[i])->split == GTK_WIDGET (button))
      {
        split_line (self, i);
        return;
      }
}

GtkStringList *
_kefu_shipment_dialog_product_names (KefuShipmentDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 0; self->products != NULL && i < self->products->len; i++)
    gtk_string_list_append (names, kefu_product_get_name (self->products->pdata[i]));
  return names;
}

void
kefu_shipment_dialog_add_line (KefuShipmentDialog *self)
{
  g_autoptr(GtkStringList) names = NULL;
  Line *line;

  g_return_if_fail (KEFU_IS_SHIPMENT_DIALOG (self));

  line = g_new0 (Line, 1);
  names = _kefu_shipment_dialog_product_names (self);
  line->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  line->product = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->product), _("Product"));
  adw_combo_row_set_model (line->product, G_LIST_MODEL (names));
  adw_combo_row_set_enable_search (line->product, TRUE);
  line->serial = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: 产品编号, the serial number of a shipped product. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->serial), _("Serial Number"));
  line->produced = ADW_ENTRY_ROW (kefu_date_row_new (FALSE));
  /* Translators: 生产日期. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->produced),
                                 C_("shipment line", "Production Date"));
  line->quantity = ADW_SPIN_ROW (adw_spin_row_new_with_range (1, 9999, 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->quantity), _("Quantity"));
  line->split = gtk_button_new ();
  gtk_widget_set_valign (line->split, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (line->split, FALSE);
  gtk_widget_set_tooltip_text (line->split,
                               _("Give each unit its own line, with the next product numbers"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (line->quantity), line->split);
  line->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (line->remove, "flat");
  gtk_widget_set_tooltip_text (line->remove, _("Remove This Line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove This Line"), -1);
  adw_preferences_group_set_header_suffix (line->group, line->remove);

  adw_preferences_group_add (line->group, GTK_WIDGET (line->product));
  adw_preferences_group_add (line->group, GTK_WIDGET (line->serial));
  adw_preferences_group_add (line->group, GTK_WIDGET (line->produced));
  adw_preferences_group_add (line->group, GTK_WIDGET (line->quantity));
  gtk_box_append (self->lines_box, GTK_WIDGET (line->group));

  g_signal_connect_object (line->remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  g_signal_connect_object (line->product, "notify::selected",
                           G_CALLBACK (_kefu_shipment_dialog_field_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->produced, "changed",
                           G_CALLBACK (_kefu_shipment_dialog_field_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->serial, "changed", G_CALLBACK (units_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->quantity, "notify::value", G_CALLBACK (units_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->split, "clicked", G_CALLBACK (split_clicked_cb), self, 0);
  g_ptr_array_add (self->lines, line);
  _kefu_shipment_dialog_renumber_lines (self);
}

void
_kefu_shipment_dialog_add_line_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  KefuShipmentDialog *self = KEFU_SHIPMENT_DIALOG (widget);
  Line *line;

  kefu_shipment_dialog_add_line (self);
  line = g_ptr_array_index (self->lines, self->lines->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (line->product));
}

gboolean
kefu_shipment_dialog_set_product (KefuShipmentDialog *self,
                                  guint               n,
                                  gint64              product_id)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (n >= 1 && n <= self->lines->len, FALSE);

  for (guint i = 0; i < self->products->len; i++)
    if (kefu_record_get_id (KEFU_RECORD (self->products->pdata[i])) == product_id)
      {
        adw_combo_row_set_selected (((Line *) self->lines->pdata[n - 1])->product, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
kefu_shipment_dialog_set_quantity (KefuShipmentDialog *self,
                                   guint               n,
                                   guint               quantity)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_DIALOG (self));
  g_return_if_fail (n >= 1 && n <= self->lines->len);

  adw_spin_row_set_value (((Line *) self->lines->pdata[n - 1])->quantity, quantity);
}

gboolean
kefu_shipment_dialog_split_line (KefuShipmentDialog *self,
                                 guint               n)
{
  Line *line;

  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (n >= 1 && n <= self->lines->len, FALSE);

  line = self->lines->pdata[n - 1];
  if (!gtk_widget_get_visible (line->split))
    return FALSE;
  g_signal_emit_by_name (line->split, "clicked");
  return TRUE;
}

guint
kefu_shipment_dialog_get_n_lines (KefuShipmentDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), 0);

  return self->lines->len;
}
