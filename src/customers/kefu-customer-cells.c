/* kefu-customer-cells.c: the cells of the customers list.
 *
 * Made in C rather than with GtkBuilderListItemFactory templates: the column view makes some 200
 * rows of six cells whenever the list is replaced, and parsing a template for each of them cost
 * about 200 ms at every search or sort. A cell shows one text made from its customer and is
 * refreshed when the customer's version changes, which is when the model fills a placeholder or
 * reads a changed customer again (fill_customer() sets the version last).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-phone.h"

#include "kefu-customer-cells.h"

typedef char * (*CellText) (KefuCustomer *customer);

static char *
cell_name (KefuCustomer *customer)
{
  return g_strdup (kefu_customer_get_name (customer));
}

static char *
cell_phones (KefuCustomer *customer)
{
  const char * const *phones = kefu_customer_get_phones (customer);
  g_autofree char *first = NULL;
  guint n;

  if (phones == NULL || phones[0] == NULL)
    return g_strdup ("");

  first = kefu_phone_format (phones[0]);
  n = g_strv_length ((char **) phones);
  if (n == 1)
    return g_steal_pointer (&first);

  /* Translators: the phone column when a customer has several numbers: the first, and how
   * many more, e.g. "138 1234 5678 (+1)". */
  return g_strdup_printf (_("%s (+%u)"), first, n - 1);
}

static char *
cell_district (KefuCustomer *customer)
{
  return g_strdup (kefu_customer_get_district (customer));
}

static char *
cell_member (KefuCustomer *customer)
{
  const char *number = kefu_customer_get_member_number (customer);

  if (!kefu_customer_get_is_member (customer))
    return g_strdup ("");
  if (*number == '\0')
    /* Translators: the member column of the customers list, for a member without a number. */
    return g_strdup (C_("member column", "Member"));

  return g_strdup (number);
}

static char *
cell_clerk (KefuCustomer *customer)
{
  return g_strdup (kefu_customer_get_assigned_clerk_name (customer));
}

static char *
cell_last_contact (KefuCustomer *customer)
{
  GDateTime *time = kefu_customer_get_last_contact_at (customer);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
cell_refresh (GtkColumnViewCell *cell)
{
  GtkWidget *label = gtk_column_view_cell_get_child (cell);
  KefuCustomer *customer = gtk_column_view_cell_get_item (cell);
  CellText text = g_object_get_data (G_OBJECT (label), "kefu-cell-text");
  g_autofree char *value = customer != NULL ? text (customer) : NULL;

  gtk_label_set_label (GTK_LABEL (label), value != NULL ? value : "");
}

static void
cell_version_cb (KefuCustomer      *customer,
                 GParamSpec        *pspec,
                 GtkColumnViewCell *cell)
{
  cell_refresh (cell);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell,
               CellText                  text)
{
  /* A GtkLabel, not a GtkInscription: an inscription centres each cell's own text, so Chinese
   * names sat lower than the digits beside them; labels share the row's baseline. */
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (text == cell_phones || text == cell_last_contact)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "kefu-cell-text", text);
  gtk_column_view_cell_set_child (cell, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkColumnViewCell        *cell,
              CellText                  text)
{
  KefuCustomer *customer = gtk_column_view_cell_get_item (cell);

  g_signal_connect (customer, "notify::version", G_CALLBACK (cell_version_cb), cell);
  cell_refresh (cell);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkColumnViewCell        *cell,
                CellText                  text)
{
  KefuCustomer *customer = gtk_column_view_cell_get_item (cell);

  if (customer != NULL)
    g_signal_handlers_disconnect_by_func (customer, cell_version_cb, cell);
}

static const CellText cell_texts[] = {
  [KEFU_CUSTOMER_CELL_NAME] = cell_name,
  [KEFU_CUSTOMER_CELL_PHONES] = cell_phones,
  [KEFU_CUSTOMER_CELL_DISTRICT] = cell_district,
  [KEFU_CUSTOMER_CELL_MEMBER] = cell_member,
  [KEFU_CUSTOMER_CELL_CLERK] = cell_clerk,
  [KEFU_CUSTOMER_CELL_LAST_CONTACT] = cell_last_contact,
};

void
kefu_customer_cell_set_factory (GtkColumnViewColumn *column,
                                KefuCustomerCell     cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  CellText text;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (cell < G_N_ELEMENTS (cell_texts));

  text = cell_texts[cell];
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), text);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), text);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), text);
  gtk_column_view_column_set_factory (column, factory);
}

char *
kefu_customer_cell_text (KefuCustomer     *customer,
                         KefuCustomerCell  cell)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (cell < G_N_ELEMENTS (cell_texts), NULL);

  return cell_texts[cell] (customer);
}
